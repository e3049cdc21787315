package model

import "testing"

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
