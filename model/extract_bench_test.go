package model

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// benchArticle builds a ~size-byte interview-shaped article from a fixed
// seed: narration with names, quotes and reporting verbs, then labelled
// and unlabelled questions with answers.
func benchArticle(size int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	nouns := []string{"market", "industry", "company", "internet", "policy", "government", "product",
		"quality", "growth", "network", "energy", "research", "budget", "election", "school"}
	adjs := []string{"rural", "industrial", "mobile", "new", "global", "domestic", "public", "digital"}
	names := []string{"Lei Jun", "Maria Lopez", "John Smith", "Xiaomi", "Alibaba", "the World Health Organization (WHO)",
		"China", "Berlin", "Acme Corp", "Dr. Ada Byrne", "Qianjiang Evening News"}
	verbs := []string{"says", "said", "notes", "believes", "told reporters that", "emphasizes,"}
	var b strings.Builder
	b.WriteString("A Generated Interview About Markets\n\n")
	pick := func(s []string) string { return s[rng.IntN(len(s))] }
	sentence := func() string {
		switch rng.IntN(5) {
		case 0:
			return pick(names) + " " + pick(verbs) + " the " + pick(adjs) + " " + pick(nouns) + " will grow in " + pick(names) + "."
		case 1:
			return "“The " + pick(nouns) + " is " + pick(adjs) + " and we will invest more,” " + pick(names) + " said."
		case 2:
			return "In " + pick(names) + ", the " + pick(adjs) + " " + pick(nouns) + " of " + pick(names) + " changed quickly."
		default:
			return "The " + pick(adjs) + " " + pick(nouns) + " needs more " + pick(nouns) + " and better " + pick(adjs) + " " + pick(nouns) + "."
		}
	}
	for b.Len() < size {
		switch rng.IntN(6) {
		case 0:
			b.WriteString("What do you think about the " + pick(adjs) + " " + pick(nouns) + "?\n\n")
		case 1:
			b.WriteString("Q:  How will " + pick(names) + " handle the " + pick(nouns) + "?\n\n")
		case 2:
			b.WriteString("Lei Jun: ")
		}
		for k := 3 + rng.IntN(4); k > 0; k-- {
			b.WriteString(sentence())
			b.WriteByte(' ')
		}
		b.WriteString("\n\n")
	}
	return []byte(b.String())
}

func BenchmarkExtract(b *testing.B) {
	data := benchArticle(1 << 20)
	d, err := Read("bench", data)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d.Extract()
	}
}
