package readability

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// runeCounts counts texts one rune at a time, as the counters did before
// countText: the reference the fast count is held to.
type runeCounts struct {
	total, commas int

	lastCharWasSpace, seenNonSpace bool
}

func (c *runeCounts) count(s string) {
	for _, r := range s {
		if isComma(r) {
			c.commas++
		}
		if unicode.IsSpace(r) {
			c.lastCharWasSpace = true
			continue
		}
		if c.lastCharWasSpace && c.seenNonSpace {
			c.total += 2
		} else {
			c.total++
		}
		c.lastCharWasSpace = false
		c.seenNonSpace = true
	}
}

// TestCountTextCountsAsRunes adds random runs of texts (ASCII and Unicode
// spaces, commas of several scripts, broken UTF-8) to a charCounter, and
// checks its total and commas against counting them rune by rune, also
// after ResetContext.
func TestCountTextCountsAsRunes(t *testing.T) {
	pieces := []string{"a", "bc", " ", "\t", "\n", "\v", "\f", "\r", ",", "\u0085", "\u00a0", "\u2003", "\u3000",
		"é", "\u060c", "\uff0c", "\u2e41", "\xff", "\xe2\x80", "  \n\t", "word, word", "\x08", "\x0e", "\x1f", "+-./",
		"ox by up to", "  leading", "trailing  ", "eightchr"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var got charCounter
		var want runeCounts
		commas := 0
		var texts []string
		for range rng.IntN(5) {
			if rng.IntN(8) == 0 {
				got.ResetContext()
				want.lastCharWasSpace, want.seenNonSpace = false, false
				texts = append(texts, "|reset|")
			}
			var s strings.Builder
			for range rng.IntN(16) {
				s.WriteString(pieces[rng.IntN(len(pieces))])
			}
			texts = append(texts, s.String())
			tc := countText(s.String())
			got.Add(tc)
			commas += tc.commas
			want.count(s.String())
		}
		if got.Total != want.total || commas != want.commas {
			t.Fatalf("texts %q: %d characters and %d commas, want %d and %d", texts, got.Total, commas, want.total, want.commas)
		}
	}
}
