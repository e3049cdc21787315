package model

import (
	"reflect"
	"testing"
)

func TestSearch(t *testing.T) {
	d := &Document{Paragraphs: []Paragraph{
		{Text: "Costco and costco and COSTCO."},
		{Text: "Lei\u00a0Jun said: Über über."},
		{Text: "aaaa"},
	}}
	cases := []struct {
		query string
		want  []Mention
	}{
		{"costco", []Mention{{0, 0, 6}, {0, 11, 17}, {0, 22, 28}}},
		{"Costco", []Mention{{0, 0, 6}}},
		{"lei jun", []Mention{{1, 0, 8}}},
		{"über", []Mention{{1, 15, 20}, {1, 21, 26}}},
		{"Über", []Mention{{1, 15, 20}}},
		{"aa", []Mention{{2, 0, 2}, {2, 2, 4}}},
		{"  ", nil},
		{"", nil},
		{"absent", nil},
	}
	for _, c := range cases {
		if got := d.Search(c.query); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Search(%q) = %v, want %v", c.query, got, c.want)
		}
	}
}

func TestSearchSample(t *testing.T) {
	d, err := Read(Input{Name: SampleName, Data: Sample})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Search("Costco"); len(got) != 1 {
		t.Fatalf("Costco found %d times, want 1", len(got))
	}
}

// TestSearchUntilStops checks that a search told to stop gives up before
// the next paragraph, with the matches found so far, and that one never
// told finds what Search does.
func TestSearchUntilStops(t *testing.T) {
	d := &Document{}
	for range 100 {
		d.Paragraphs = append(d.Paragraphs, Paragraph{Text: "a harbour, a ferry"})
	}
	per := len((&Document{Paragraphs: d.Paragraphs[:1]}).Search("a"))
	asked := 0
	got, done := d.SearchUntil("a", func() bool { asked++; return asked > 3 })
	if done || asked != 4 || len(got) != 3*per {
		t.Errorf("stopped after paragraph 3: done %v, asked %d times, %d matches; want false, 4, %d", done, asked, len(got), 3*per)
	}
	all, done := d.SearchUntil("a", func() bool { return false })
	if !done || !reflect.DeepEqual(all, d.Search("a")) {
		t.Errorf("a search never stopped found %d matches (done %v), Search %d", len(all), done, len(d.Search("a")))
	}
}
