package model

import (
	"slices"
	"testing"
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
