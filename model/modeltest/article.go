// Package modeltest makes test inputs for lede's benchmarks: articles of
// realistic prose and any size, built from a fixed seed at test time so
// no large file is committed.
package modeltest

import (
	"math/rand/v2"
	"strings"
)

// Input is a named benchmark input.
type Input struct {
	Name string
	Data []byte
}

// Inputs returns the benchmark inputs: the sample interview, then
// generated articles of 1 MB and 10 MB.
func Inputs(sample []byte) []Input {
	return []Input{
		{"sample", sample},
		{"1MB", Article(1 << 20)},
		{"10MB", Article(10 << 20)},
	}
}

// Article builds an interview-shaped article of about size bytes: a
// title, then narration with names, direct and reported quotes, and
// labelled and unlabelled questions with their answers. The same size
// always gives the same text.
func Article(size int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	nouns := []string{"market", "industry", "company", "internet", "policy", "government", "product",
		"quality", "growth", "network", "energy", "research", "budget", "election", "school"}
	adjs := []string{"rural", "industrial", "mobile", "new", "global", "domestic", "public", "digital"}
	names := []string{"Lei Jun", "Maria Lopez", "John Smith", "Xiaomi", "Alibaba", "the World Health Organization (WHO)",
		"China", "Berlin", "Acme Corp", "Dr. Ada Byrne", "Qianjiang Evening News"}
	verbs := []string{"says", "said", "notes", "believes", "told reporters that", "emphasizes,"}
	var b strings.Builder
	b.Grow(size + 1024)
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
