package model

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestSentenceReadsWordsByIndex checks the sentence accessor against a
// sentence of our own: words, phrases, offsets, the text between words,
// and where commas and other punctuation stand.
func TestSentenceReadsWordsByIndex(t *testing.T) {
	text := `Ann Byrne, the U.S. envoy, said: "It's done."`
	sn := sentence{text: text, toks: appendTokens(nil, text, 0, len(text))}
	var got []string
	for k := range sn.len() {
		got = append(got, sn.word(k))
	}
	if want := []string{"Ann", "Byrne", "the", "U.S.", "envoy", "said", "It's", "done"}; !slices.Equal(got, want) {
		t.Fatalf("words = %q, want %q", got, want)
	}
	if p := sn.phrase(2, 4); p != "the U.S. envoy" {
		t.Errorf("phrase(2, 4) = %q, want %q", p, "the U.S. envoy")
	}
	if s, e := sn.start(1), sn.end(1); text[s:e] != "Byrne" || s != 4 {
		t.Errorf("start(1), end(1) = %d, %d, want the offsets of Byrne", s, e)
	}
	if g := sn.gap(6); g != `: "` {
		t.Errorf("gap(6) = %q, want %q", g, `: "`)
	}
	if !sn.is(5, "SAID") || sn.is(5, "say") {
		t.Errorf("is(5) should match \"said\" in any case, and nothing else")
	}
	for k, want := range []bool{false, false, true, false, false, true, false, false, false} {
		if got := sn.commaBefore(k); got != want {
			t.Errorf("commaBefore(%d) = %v, want %v", k, got, want)
		}
	}
	for k, want := range []bool{true, false, true, false, false, true, true, false} {
		if got := sn.broken(k); got != want {
			t.Errorf("broken(%d) = %v, want %v", k, got, want)
		}
	}
}

// TestTabsAndLineBreaksBreakWords checks that a tab or a line break, like
// punctuation, ends a run of words: the cells of a table's rows and the
// lines of an address are not one name.
func TestTabsAndLineBreaksBreakWords(t *testing.T) {
	text := "Ada Byrne\tPorto\nTom Reyes"
	var broken []string
	for _, tok := range appendTokens(nil, text, 0, len(text)) {
		if tok.isBroken() {
			broken = append(broken, text[tok.start:tok.end])
		}
	}
	if want := []string{"Ada", "Porto", "Tom"}; !slices.Equal(broken, want) {
		t.Errorf("words after a break %q, want %q", broken, want)
	}
	// A table of names and towns joins no cells into one name.
	d, err := Parse(Input{Name: "board.md", Data: []byte("The board met.\n\n| Member | Town |\n|---|---|\n| Ada Byrne | Porto |\n| Tom Reyes | Faro |\n\nAda Byrne and Tom Reyes spoke.\n")})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range d.Entities {
		names = append(names, e.Name)
	}
	slices.Sort(names)
	if want := []string{"Ada Byrne", "Tom Reyes"}; !slices.Equal(names, want) {
		t.Errorf("entities %q, want %q", names, want)
	}
}

// tokensRuneByRune is appendTokens as it reads text one rune at a time,
// with no fast path for ASCII: the reference the fast paths must match.
func tokensRuneByRune(buf []token, text string, start, end int) []token {
	broken := true
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if !isWordRune(r) {
			if !IsSpace(r) && !joinsNames(text[:end], i) || r == '\t' || r == '\n' {
				broken = true
			}
			i += n
			continue
		}
		j := i + n
		for j < end {
			r2, n2 := utf8.DecodeRuneInString(text[j:end])
			if isWordRune(r2) {
				j += n2
				continue
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '&' || r2 == '.' {
				if r3, _ := utf8.DecodeRuneInString(text[j+n2 : end]); j+n2 < end && isWordRune(r3) {
					j += n2
					continue
				}
			}
			break
		}
		if j+1 < end && (text[j-1] == 's' || text[j-1] == 'S') {
			if r2, n2 := utf8.DecodeRuneInString(text[j:end]); (r2 == '\'' || r2 == '’') && j+n2 < end && text[j+n2] == ' ' {
				if r3, _ := utf8.DecodeRuneInString(text[skipSpace(text[:end], j+n2):end]); unicode.IsLetter(r3) {
					j += n2
				}
			}
		}
		if j < end && text[j] == '.' && (j-i == 1 || hasInnerDot(text[i:j]) || (j-i <= 6 && words().abbreviations.has(text[i:j]))) {
			j++
		}
		t := token{start: int32(i), end: int32(j)}
		if broken {
			t.word = brokenBit
		}
		buf = append(buf, t)
		broken = false
		i = j
	}
	return buf
}

// TestTokensFastPathsMatchRuneByRune checks appendTokens against the
// reference that reads a rune at a time, on words of every length around
// the eight bytes its fast path reads at once, with accents, joiners and
// marks inside and at the ends, over every window of a text.
func TestTokensFastPathsMatchRuneByRune(t *testing.T) {
	pieces := []string{"a", "Wal-mart", "O'Reilly", "U.S.", "AT&T", "Johnson & Johnson", "bakers' union", "café", "naïve",
		"Zürich's", "twelve-year-old", "1,250.75", "Dr.", "J.", "“Quoted,”", "a\tb", "x\ny", "Straße", "東京", "ab’cd", "12345678", "abcdefghijklmnop", "—", " ", ". ",
		"zigzagging", "ZANZIBAR09", "x@y", "[ab]", "`cd`", "{ef}", "a/b", "10:30", "AZaz09~"}
	var b strings.Builder
	for k := 0; k < 400; k++ {
		b.WriteString(pieces[k*7%len(pieces)])
		b.WriteString([]string{" ", "", ", ", "  "}[k%4])
	}
	text := b.String()
	for start := 0; start < 40; start++ {
		for _, end := range []int{len(text), len(text) - 1, len(text) - 9, len(text)/2 + start} {
			if !utf8.RuneStart(text[start]) || end < len(text) && !utf8.RuneStart(text[end]) {
				continue
			}
			got, want := appendTokens(nil, text, start, end), tokensRuneByRune(nil, text, start, end)
			if !slices.Equal(got, want) {
				t.Fatalf("text[%d:%d]: %d tokens, want %d", start, end, len(got), len(want))
			}
		}
	}
}
