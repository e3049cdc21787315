package model

import "testing"

// TestWritersNoteOpeners checks that the test of a text's first words in
// isWritersNote (mayOpenWritersNote) turns away no text writersNoteRe
// matches: each kind of note, in any case, with its first byte replaced
// by every ASCII byte, and led by an opening quotation mark, is a note to
// isWritersNote exactly when the expression matches it; and that "ſ"
// still folds to "s".
func TestWritersNoteOpeners(t *testing.T) {
	notes := []string{
		"Photo: Mara Lind", "Images: the archive", "Picture credit: R. Ode", "Illustration: K. Vale",
		"Credits: the museum", "Caption: the harbour", "Source: the council", "Editor's note: names changed",
		"Note: figures are rounded", "Correction: the date was May", "Update: the mill reopened",
		"This interview has been edited", "The conversation was lightly condensed", "This Q&A has been edited",
		"PHOTOS: MARA LIND", "ILLUSTRATIONS : K. Vale", "CAPTIONS: below", "SOURCES: the council", "EDITORS NOTE",
		"editors' note", "pictures credits: R. Ode", "THE TRANSCRIPT WAS EDITED", "CORRECTION: May",
		"The tranſcript was edited",
	}
	matched := 0
	for _, n := range notes {
		for c := range 0x80 {
			for _, s := range []string{string(rune(c)) + n[1:], "“" + string(rune(c)) + n[1:]} {
				want := writersNoteRe.MatchString(trimOpenLeft(s))
				if got := isWritersNote(s); got != want {
					t.Errorf("isWritersNote(%q) = %v, writersNoteRe %v", s, got, want)
				}
				if want {
					matched++
				}
			}
		}
		if !isWritersNote(n) {
			t.Errorf("isWritersNote(%q) = false, want a writer's note", n)
		}
	}
	if !isWritersNote("ſource: the council") {
		t.Error(`isWritersNote("ſource: the council") = false: (?i) folds "ſ" to "s"`)
	}
	if matched < 2*len(notes) {
		t.Fatalf("only %d of the variants are notes", matched)
	}
}

// TestWritersNoteEnd checks that reading a text only up to where a
// writer's note must end changes nothing: each kind of note, with every
// ASCII byte in place of each of its bytes and text after it, is a note
// to isWritersNote exactly when writersNoteRe matches the whole text.
func TestWritersNoteEnd(t *testing.T) {
	notes := []string{
		"Photo: Mara Lind", "Images : the archive", "Picture credit: R. Ode", "Photos  credits: K. Vale",
		"Editor's note: names changed", "Editor’s note, below", "Editors' note", "Note:", "Correction\t: the date",
		"Update: the mill reopened", "This interview has been edited", "The conversation was lightly condensed",
		"This Q & A have been edited", "the q&a was condensed", "ſource: the council",
	}
	matched := 0
	for _, n := range notes {
		for p := range len(n) {
			for c := range 0x80 {
				s := n[:p] + string(rune(c)) + n[p+1:] + ", and more. After it: here & there"
				want := writersNoteRe.MatchString(trimOpenLeft(s))
				if got := isWritersNote(s); got != want {
					t.Errorf("isWritersNote(%q) = %v, writersNoteRe %v", s, got, want)
				}
				if want {
					matched++
				}
			}
		}
	}
	if matched < 10*len(notes) {
		t.Fatalf("only %d of the variants are notes", matched)
	}
}

// TestEndNote checks which last paragraph of an interview reads as the
// writer's closing note: one that names someone or something inside a
// sentence and does not speak in a person's voice, not a short answer
// whose second sentence merely opens with a capital.
func TestEndNote(t *testing.T) {
	for _, c := range []struct {
		text string
		note bool
	}{
		{"The book is published by Harbour Press at twelve pounds.", true},
		{"Tickets for the festival are on sale at the Corn Exchange box office.", true},
		{"Find an old builder and buy him lunch. Then keep turning up.", false},
		{"I would do it all again, every single day of the year.", false},
		{"Short. Too short.", false},
	} {
		if got := isEndNote(c.text); got != c.note {
			t.Errorf("isEndNote(%q) = %v, want %v", c.text, got, c.note)
		}
	}
}
