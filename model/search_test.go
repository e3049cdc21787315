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
