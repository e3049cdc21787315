package model

import (
	"strings"
	"testing"
)

// TestIsSwearingIn checks the record of a witness sworn in, in any case,
// and that the words isSwearingIn looks for first do not make a
// paragraph one on their own.
func TestIsSwearingIn(t *testing.T) {
	for text, want := range map[string]bool{
		"INGRID HALVORSEN, having affirmed, gave evidence as follows:":   true,
		"Dr. Tomas Reyes, having been duly sworn, testified as follows:": true,
		"MS. ODA ARDEN, DULY SWORN, TESTIFIED:":                          true,
		"Pim Vos affirmed, and the hearing went on.":                     true,
		"The witness said she had sworn an oath before.":                 false,
		"Pim Vos affirmed the ruling.":                                   false,
		"Ingrid Halvorsen gave evidence as follows:":                     false,
	} {
		if got := isSwearingIn(text); got != want {
			t.Errorf("isSwearingIn(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestSwornTraitBeforeSwearingIn checks that every paragraph that
// isSwearingIn takes for a witness's swearing-in has a word the index
// marks as one it needs (traitSworn), in any case, so that closesTurn,
// which reads only such paragraphs, misses none.
func TestSwornTraitBeforeSwearingIn(t *testing.T) {
	sworn := []string{
		"INGRID HALVORSEN, having affirmed, gave evidence as follows:",
		"Dr. Tomas Reyes, having been duly sworn, testified as follows:",
		"MS. ODA ARDEN, DULY SWORN, TESTIFIED:",
		"Pim Vos Affirmed, and the hearing went on.",
		"Pim Vos, having SWORN an oath, spoke.",
	}
	text := strings.Join(sworn, "\n\n") + "\n\nPim Vos, having ſworn, gave evidence.\n\nThe witness had sworn before.\n\nHer unsworn words, then 2sworn.\n"
	d, err := Read(Input{Name: "sworn.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	x := newIndex(d.Paragraphs)
	n := 0
	for i, p := range d.Paragraphs {
		if isSwearingIn(p.Text) {
			n++
			if !x.holds(i, traitSworn) {
				t.Errorf("%q records a swearing-in, but no word of it has traitSworn", p.Text)
			}
		}
	}
	if n != len(sworn) {
		t.Errorf("%d paragraphs record a swearing-in, want %d", n, len(sworn))
	}
}
