package model

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// goldAttribution is one hand-annotated attribution of testdata/quotes/gold.json.
type goldAttribution struct {
	File    string `json:"file"`
	Kind    string `json:"kind"`
	Source  string `json:"source"`
	Pronoun bool   `json:"pronoun"`
	Cue     string `json:"cue"`
	Content string `json:"content"`
}

// quoteWordRE splits text into tokens as the eval scorer does (\w+).
var quoteWordRE = regexp.MustCompile(`[\p{L}\p{N}\p{Mn}\p{Pc}]+`)

// quoteTokens counts the lower-case word tokens of s.
func quoteTokens(s string) map[string]int {
	m := map[string]int{}
	for _, w := range quoteWordRE.FindAllString(strings.ToLower(s), -1) {
		m[w]++
	}
	return m
}

// tokenF1 is the multiset token F1 of two token counts.
func tokenF1(a, b map[string]int) float64 {
	na, nb, common := 0, 0, 0
	for w, n := range a {
		na += n
		common += min(n, b[w])
	}
	for _, n := range b {
		nb += n
	}
	if na == 0 || nb == 0 || common == 0 {
		return 0
	}
	return 2 * float64(common) / float64(na+nb)
}

// speakerStopWords are left out when speakers are compared: function
// words, honorifics and cue words, as the eval scorer does.
var speakerStopWords = strings.Fields(`a an the of and or but in on at for to from by with as about into
over after before than he she it they we i you his her its their our my your him them us me one ones
who whom whose which that this these those some many several other others another each all both any
most mr mrs ms miss dr prof sir madam said says say told according also not no`)

// speakerWords are the content words of a speaker name.
func speakerWords(s string) map[string]int {
	m := quoteTokens(s)
	for _, w := range speakerStopWords {
		delete(m, w)
	}
	return m
}

// speakerRight reports whether a predicted speaker fits the gold source:
// they share a word, or both are empty.
func speakerRight(pred, gold string) bool {
	g := speakerWords(gold)
	if len(g) == 0 {
		return strings.TrimSpace(pred) == ""
	}
	for w := range speakerWords(pred) {
		if g[w] > 0 {
			return true
		}
	}
	return false
}

// quotePair is a predicted quote matched to a gold attribution.
type quotePair struct {
	pred, gold int
	f1         float64
}

// matchQuotes pairs predictions with gold one-to-one, greedily by token
// F1, best first, keeping pairs of F1 at least min.
func matchQuotes(pred, gold []map[string]int, minF1 float64) []quotePair {
	var cands []quotePair
	for i, p := range pred {
		for j, g := range gold {
			if f := tokenF1(p, g); f >= minF1 {
				cands = append(cands, quotePair{i, j, f})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b quotePair) int {
		switch {
		case a.f1 > b.f1:
			return -1
		case a.f1 < b.f1:
			return 1
		}
		return 0
	})
	usedP, usedG := map[int]bool{}, map[int]bool{}
	var pairs []quotePair
	for _, c := range cands {
		if !usedP[c.pred] && !usedG[c.gold] {
			usedP[c.pred], usedG[c.gold] = true, true
			pairs = append(pairs, c)
		}
	}
	return pairs
}

// quoteCounts are the pooled counts of the quote measurement.
type quoteCounts struct {
	pred, gold, tp, tpStrict, speakerOK, speakerN int
}

func (c quoteCounts) prf(tp int) (p, r, f float64) {
	if c.pred > 0 {
		p = float64(tp) / float64(c.pred)
	}
	if c.gold > 0 {
		r = float64(tp) / float64(c.gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// TestQuotesNews measures quote extraction against hand-made gold on six
// news articles written for lede (testdata/quotes/): every attribution of
// direct, mixed and reported speech, writing and inner states, annotated
// as the eval's QUOTES-GUIDE.md says and matched as the eval scorer
// matches them. The floors guard against regressions; run with -v for the
// figures, the misses and the extra predictions.
func TestQuotesNews(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "quotes", "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var gold []goldAttribution
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	var files []string
	byFile := map[string][]goldAttribution{}
	for _, g := range gold {
		if _, ok := byFile[g.File]; !ok {
			files = append(files, g.File)
		}
		byFile[g.File] = append(byFile[g.File], g)
	}
	var total quoteCounts
	for _, file := range files {
		d := parseTestdata(t, filepath.Join("quotes", file))
		var quotes []Quote
		for _, q := range d.Quotes {
			switch q.Kind {
			case QuoteDirect, QuoteMixed, QuoteIndirect:
				quotes = append(quotes, q)
			default:
				t.Errorf("%s: %s quote in a news article: %.60q", file, q.Kind, d.QuoteText(q))
			}
		}
		golds := byFile[file]
		pb := make([]map[string]int, len(quotes))
		for i, q := range quotes {
			pb[i] = quoteTokens(d.QuoteText(q))
		}
		gb := make([]map[string]int, len(golds))
		for j, g := range golds {
			gb[j] = quoteTokens(g.Content)
		}
		c := quoteCounts{pred: len(quotes), gold: len(golds)}
		pairs := matchQuotes(pb, gb, 0.3)
		c.tp = len(pairs)
		c.tpStrict = len(matchQuotes(pb, gb, 0.8))
		gotP, gotG := map[int]bool{}, map[int]bool{}
		for _, pr := range pairs {
			gotP[pr.pred], gotG[pr.gold] = true, true
			q, g := quotes[pr.pred], golds[pr.gold]
			if pr.f1 < 0.8 {
				t.Logf("%s: loose match (F1 %.2f) %q for %.60q", file, pr.f1, d.QuoteText(q), g.Content)
			}
			c.speakerN++
			if speakerRight(q.Speaker, g.Source) {
				c.speakerOK++
			} else {
				t.Logf("%s: wrong speaker %q, want %q: %.60q", file, q.Speaker, g.Source, g.Content)
			}
		}
		for j, g := range golds {
			if !gotG[j] {
				t.Logf("%s: missed %s %q: %.70q", file, g.Kind, g.Source, g.Content)
			}
		}
		for i, q := range quotes {
			if !gotP[i] {
				t.Logf("%s: extra %s %q: %.70q", file, q.Kind, q.Speaker, d.QuoteText(q))
			}
		}
		t.Logf("%-26s %s", file, c)
		total.pred += c.pred
		total.gold += c.gold
		total.tp += c.tp
		total.tpStrict += c.tpStrict
		total.speakerOK += c.speakerOK
		total.speakerN += c.speakerN
	}
	t.Logf("%-26s %s", "all", total)

	// Floors: the figures measured (P 0.955, R 0.825, F1 0.885 at 0.3;
	// F1 0.750 at 0.8; speaker 0.976), less about 0.05 of slack. Raise
	// them when extraction improves. Much of the distance to 1 at 0.8 is
	// content that runs on past the end the gold gives (a closing
	// ", which ..." the author adds, a noun cue's clause up to the main
	// verb).
	const (
		minP      = 0.90 // at token F1 >= 0.3
		minR      = 0.77 // at token F1 >= 0.3
		minF1     = 0.83 // at token F1 >= 0.3
		minStrict = 0.70 // F1 at token F1 >= 0.8
		minSpeak  = 0.92 // speaker accuracy among matches at 0.3
	)
	p, r, f := total.prf(total.tp)
	_, _, fs := total.prf(total.tpStrict)
	sp := float64(total.speakerOK) / float64(max(total.speakerN, 1))
	if p < minP || r < minR || f < minF1 || fs < minStrict || sp < minSpeak {
		t.Errorf("quotes on news: P %.3f R %.3f F1 %.3f at 0.3 (floors %.2f %.2f %.2f), F1 %.3f at 0.8 (floor %.2f), speaker %.3f (floor %.2f)",
			p, r, f, minP, minR, minF1, fs, minStrict, sp, minSpeak)
	}
}

// String formats the counts as P/R/F1 at both strictness levels and the
// speaker accuracy.
func (c quoteCounts) String() string {
	p, r, f := c.prf(c.tp)
	ps, rs, fs := c.prf(c.tpStrict)
	return fmt.Sprintf("pred=%d gold=%d  @0.3 P=%.3f R=%.3f F1=%.3f  @0.8 P=%.3f R=%.3f F1=%.3f  speaker=%d/%d",
		c.pred, c.gold, p, r, f, ps, rs, fs, c.speakerOK, c.speakerN)
}
