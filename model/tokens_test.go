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
