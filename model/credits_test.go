package model

import (
	"fmt"
	"testing"
)

// TestReadCredits reads the byline, publication and date of articles
// whose metadata gave none, from credits lines of many shapes written
// for this test, and leaves lines that only look like credits alone.
func TestReadCredits(t *testing.T) {
	for _, c := range []struct {
		name, text           string
		byline, source, date string
	}{
		{"a line of facts", "Harbour repairs begin\n\nBy Ana Ruiz · Harbour Record · 3 May 2025\n\nThe council said the work would take a year.",
			"Ana Ruiz", "Harbour Record", "3 May 2025"},
		{"byline and a role, then the date alone", "Harbour repairs begin\n\nBy Kit Moreno, Transport Correspondent\n\nThursday, April 10, 2025\n\nThe council said so.",
			"Kit Moreno", "", "Thursday, April 10, 2025"},
		{"two writers and a publication after a comma", "Harbour repairs begin\n\nWords by Ana Ruiz and Li Wei\n\nThe Fenmoor Post, Sept. 3rd, 2025\n\nThe council said so.",
			"Ana Ruiz and Li Wei", "The Fenmoor Post", "Sept. 3rd, 2025"},
		{"three writers", "Harbour repairs begin\n\nBy Ana Ruiz, Li Wei and Maria Costa | Published: 2025-05-03 09:41\n\nThe council said so.",
			"Ana Ruiz, Li Wei and Maria Costa", "", "2025-05-03"},
		{"a section before the byline", "Harbour repairs begin\n\nHarbour Monthly · Sport · Interview by Tobias Wren\n\nThe council said so.",
			"Tobias Wren", "", ""},
		{"an updated date", "Harbour repairs begin\n\nUpdated on May 3, 2025, 9:41 a.m.\n\nThe council said so.",
			"", "", "May 3, 2025"},
		{"by in a sentence", "Harbour repairs begin\n\nBy Monday the council had agreed to pay for the work, Ana Ruiz said.\n\nThe work takes a year.",
			"", "", ""},
		{"by and a year in a sentence", "Harbour repairs begin\n\nBy 2030 the harbour will hold twice as many boats.\n\nThe work takes a year.",
			"", "", ""},
		{"a date inside a sentence", "Harbour repairs begin\n\nOn 3 May 2025 the council met.\n\nThe work takes a year.",
			"", "", ""},
		{"credits too far down", "Harbour repairs begin\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nBy Ana Ruiz\n\nFive.",
			"", "", ""},
		{"a name only", "Harbour repairs begin\n\nBy Ruiz\n\nThe council said so.",
			"", "", ""},
	} {
		d, err := Read(Input{Name: "a.txt", Data: []byte(c.text)})
		if err != nil {
			t.Fatal(err)
		}
		got := fmt.Sprintf("%q %q %q", d.Byline, d.Source, d.Date)
		if want := fmt.Sprintf("%q %q %q", c.byline, c.source, c.date); got != want {
			t.Errorf("%s: byline, source, date = %s, want %s", c.name, got, want)
		}
		if d.Paragraphs[0].Text == "" || len(d.Paragraphs) < 2 {
			t.Errorf("%s: paragraphs %d", c.name, len(d.Paragraphs))
		}
	}
}

// TestCreditsKeepMetadata checks that credits in the text never replace
// what the document's metadata says.
func TestCreditsKeepMetadata(t *testing.T) {
	text := "---\ntitle: Harbour repairs\nauthor: Kai Moreno\ndate: 2025-06-01\n---\n\nBy Ana Ruiz · Harbour Record · 3 May 2025\n\nThe council said so.\n"
	d, err := Read(Input{Name: "a.md", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	if d.Byline != "Kai Moreno" || d.Date != "2025-06-01" || d.Source != "Harbour Record" {
		t.Errorf("byline %q, date %q, source %q", d.Byline, d.Date, d.Source)
	}
}
