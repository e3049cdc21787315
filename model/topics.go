package model

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// maxTopics is how many key phrases a document gets.
	maxTopics = 8
	// maxTopicWords is the longest key phrase.
	maxTopicWords = 3
	// listBoost multiplies the weight of a phrase given as an example in
	// a list ("such as the IoT, rural internet, industrial internet").
	listBoost = 3
)

// phraseStat counts one candidate key phrase.
type phraseStat struct {
	text     string
	weight   int
	words    int
	listed   bool // given as an example in a list
	first    int  // order of first sight
	mentions []Mention
}

// phraseStats counts the document's candidate key phrases, noun phrases
// of two or three lower-case words, and ranks them by weight: each
// occurrence weighs its length squared, three times more when the text
// gives it as an example ("such as ..."). It is computed once.
func (x *textIndex) phraseStats(paras []Paragraph, voices []voice) []*phraseStat {
	if x.phrases != nil {
		return x.phrases
	}
	stats := map[string]*phraseStat{}
	var buf []byte
	for i, p := range paras {
		if p.Heading {
			continue
		}
		from, to := x.sentences(i)
		x.work += 2 * int(x.sentTok[to]-x.sentTok[from])
		for n := from; n < to; n++ {
			sn := x.sentence(p.Text, n)
			listed := listStart(&sn)
			for k := 0; k < sn.len(); {
				end := k
				for end < sn.len() && (end == k || !sn.broken(end)) && sn.start(end) >= voices[i].body && isTopicWord(sn.word(end)) {
					end++
				}
				if end == k {
					k++
					continue
				}
				start := k
				for start < end && words().genericModifiers.has(sn.word(start)) {
					start++
				}
				if end-start > maxTopicWords {
					start = end - maxTopicWords
				}
				if end-start >= 2 {
					// The phrase is its words, one space apart, however
					// the text spaces them.
					buf = buf[:0]
					for j := start; j < end; j++ {
						buf = append(append(buf, sn.word(j)...), ' ')
					}
					buf = buf[:len(buf)-1]
					st := stats[string(buf)]
					if st == nil {
						st = &phraseStat{text: string(buf), first: len(stats), words: end - start}
						stats[st.text] = st
					}
					from, to := sn.start(start), sn.end(end-1)
					w := st.words * st.words
					if listed >= 0 && start >= listed {
						w *= listBoost
						st.listed = true
					}
					st.weight += w
					st.mentions = append(st.mentions, Mention{Paragraph: i, Start: from, End: to})
				}
				k = end
			}
		}
	}
	ranked := make([]*phraseStat, 0, len(stats))
	for _, st := range stats {
		ranked = append(ranked, st)
	}
	slices.SortFunc(ranked, func(a, b *phraseStat) int {
		return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.first, b.first))
	})
	x.phrases = ranked
	return ranked
}

// topics returns the document's key phrases as topic entities, best
// first: phrases that recur, that the text gives as examples, or that are
// long. With the subject terms already among named ("IoT", "M&A") they
// make at most maxTopics topics.
func (x *textIndex) topics(paras []Paragraph, voices []voice, named []Entity) []Entity {
	limit := maxTopics
	for _, e := range named {
		if e.Kind == KindTopic {
			limit--
		}
	}
	var out []Entity
	for _, st := range x.phraseStats(paras, voices) {
		if len(out) >= limit {
			break
		}
		if len(st.mentions) < 2 && !st.listed && st.words < maxTopicWords {
			continue // said once, short, and not given as an example
		}
		out = append(out, Entity{Name: st.text, Kind: KindTopic, Mentions: st.mentions})
	}
	return out
}

// listStart returns the index of the first word after "such as",
// or "including" in a sentence, where examples are listed, or -1.
func listStart(sn *sentence) int {
	for k := 0; k < sn.len(); k++ {
		w := strings.ToLower(sn.word(k))
		switch {
		case w == "such" && k+1 < sn.len() && sn.is(k+1, "as"):
			return k + 2
		case w == "including":
			return k + 1
		}
	}
	return -1
}

// isTopicWord reports whether w can be part of a key phrase: a lower-case
// word that is not a stop word, a common verb, an adverb or a past form.
func isTopicWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) || len(w) < 3 {
		return false
	}
	if words().nonTopic.has(w) {
		return false
	}
	return !strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "ed") && !strings.ContainsAny(w, "'’")
}
