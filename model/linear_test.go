package model

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/lede-tui/lede/model/modeltest"
)

// TestExtractionIsLinear extracts texts of 2, 4, 8 and 16 KB that repeat
// one construct (modeltest.Floods), each in one paragraph when it has no
// blank lines, and checks that the work Extract counts grows no faster
// than the text: an extractor that walked a run again for each of its
// words ("Dr. Dr. Dr. ...") would do eight times the work per byte on
// 16 KB that it does on 2 KB.
func TestExtractionIsLinear(t *testing.T) {
	for _, f := range modeltest.Floods {
		t.Run(f.Name, func(t *testing.T) {
			var perByte []float64
			for _, kb := range []int{2, 4, 8, 16} {
				data := f.Make(kb << 10)
				d, err := Read(Input{Name: f.Name, Data: data})
				if err != nil {
					t.Fatal(err)
				}
				d.Extraction = Extract(d)
				perByte = append(perByte, float64(d.work)/float64(len(data)))
			}
			if perByte[0] <= 0 {
				t.Fatalf("no work counted on 2 KB")
			}
			for k, w := range perByte[1:] {
				if w > 1.5*perByte[0] {
					t.Errorf("work per byte grows with the text: %s on 2, 4, 8 and 16 KB (%d KB is over 1.5 times 2 KB's)",
						fmt.Sprint(perByte), 4<<k)
					break
				}
			}
		})
	}
}

// TestClauseChecksAgree checks the shortcuts quote extraction takes to
// stay linear against the plain functions they stand for: hasFiniteVerb,
// asked of clauses that start further and further on before one cut, and
// countWordsUpTo.
func TestClauseChecksAgree(t *testing.T) {
	for _, text := range []string{
		"Smith said, Smith said, Smith said, the plan is good",
		"Ann noted, the would-be buyer, x'is here, 5is not, l’is so",
		"k m w q z v",
		"—, ; : “” 42 x",
	} {
		for cut := 1; cut <= len(text); cut++ {
			s := &quoteScanner{d: &Document{}, x: &textIndex{}}
			for start := 0; start < cut; start++ {
				r, _ := utf8.DecodeRuneInString(text[start:])
				before, _ := utf8.DecodeLastRuneInString(text[:start])
				if !isWordRune(r) || start > 0 && isWordRune(before) {
					continue // the clauses asked about start at a word
				}
				if got, want := s.hasFiniteVerb(text, start, cut), words().finiteVerbs.inText(text[start:cut]); got != want {
					t.Errorf("hasFiniteVerb(%q) = %v, finiteVerbs.inText says %v", text[start:cut], got, want)
				}
			}
		}
		for limit := 1; limit <= 4; limit++ {
			if got, want := countWordsUpTo(text, limit), min(countWords(text), limit); got != want {
				t.Errorf("countWordsUpTo(%q, %d) = %d, want %d", text, limit, got, want)
			}
		}
	}
}
