package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestReadersNoteLabels(t *testing.T) {
	// A transcript's lines: hard breaks before "B:" and "**Host:**", a soft
	// one before "Dana:", which stays in its paragraph as a noted label.
	plain := "Radio hour\n\nHOST: Welcome back.  \nGUEST: Thanks for having me.\nDana: a neighbour, waves.\n"
	md := "# Radio hour\n\n**Host:** Welcome back.  \n**Guest:** Thanks for having me.\nDana: a neighbour, waves.\n"
	html := "<html><head><title>Radio hour</title></head><body><article><p>HOST: Welcome back.</p><p>GUEST: Thanks for having me. Dana: waves.</p></article></body></html>"
	for _, c := range []struct {
		name, in string
		want     [][]Label
	}{
		{"show.txt", plain, [][]Label{
			{{Start: 0, Body: 6, Speaker: "HOST", Strong: true}},
			{{Start: 0, Body: 7, Speaker: "GUEST", Strong: true}, {Start: 29, Body: 35, Speaker: "Dana"}},
		}},
		{"show.md", md, [][]Label{
			{{Start: 0, Body: 10, Speaker: "Host", Strong: true}},
			{{Start: 0, Body: 11, Speaker: "Guest", Strong: true}, {Start: 33, Body: 39, Speaker: "Dana"}},
		}},
		{"show.html", html, [][]Label{
			{{Start: 0, Body: 6, Speaker: "HOST", Strong: true}},
			{{Start: 0, Body: 7, Speaker: "GUEST", Strong: true}},
		}},
	} {
		d, err := Read(Input{Name: c.name, Data: []byte(c.in)})
		if err != nil {
			t.Fatal(err)
		}
		var got [][]Label
		for _, p := range d.Paragraphs {
			got = append(got, p.Labels)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: labels\n%+v, want\n%+v", c.name, got, c.want)
		}
	}
}

func TestSplitParagraphIsOnePass(t *testing.T) {
	p := Paragraph{Text: "Q: one  A: two  Q: three", Bold: true, Links: []Link{{Start: 3, End: 10, URL: "https://a.example/"}},
		Labels: []Label{{Start: 0, Body: 3, Speaker: "Q"}, {Start: 8, Body: 11, Speaker: "A", Break: true}, {Start: 16, Body: 19, Speaker: "Q", Break: true}}}
	got := splitParagraph(p, []int{8, 16})
	want := []Paragraph{
		{Text: "Q: one", Bold: true, Links: []Link{{Start: 3, End: 6, URL: "https://a.example/"}}, Labels: []Label{{Start: 0, Body: 3, Speaker: "Q"}}},
		{Text: "A: two", Labels: []Label{{Start: 0, Body: 3, Speaker: "A"}}},
		{Text: "Q: three", Labels: []Label{{Start: 0, Body: 3, Speaker: "Q"}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("split\n%+v, want\n%+v", got, want)
	}
}

// TestLabelChecksFollowTheText checks that when more labels said once
// need a look elsewhere than maxElsewhereChecks allows, the ones checked,
// and so kept, are the first in the text, the same on every run.
func TestLabelChecksFollowTheText(t *testing.T) {
	given := []string{"Alder", "Briony", "Caspar", "Delphine", "Emrys", "Fenella", "Gideon", "Hester", "Ivo", "Juniper"}
	family := []string{"Ashdown", "Blackwood", "Carrow", "Dunmore", "Elsworth", "Fairlie", "Garside", "Holloway", "Ingram", "Jessop"}
	var names []string
	for _, f := range family {
		for _, g := range given {
			names = append(names, g+" "+f)
		}
	}
	var b strings.Builder
	b.WriteString("The Panel\n\n")
	for _, n := range names {
		b.WriteString(n + ": We will see what the winter brings.\n\n")
	}
	b.WriteString("On the panel: " + strings.Join(names, ", ") + ".\n")
	d, err := Read(Input{Name: "panel.txt", Data: []byte(b.String())})
	if err != nil {
		t.Fatal(err)
	}
	for run := range 20 {
		labels := findLabels(d, newIndex(d.Paragraphs))
		var kept []string
		for i := range d.Paragraphs {
			if l, ok := labels[i]; ok {
				kept = append(kept, l.Speaker)
			}
		}
		if len(kept) != maxElsewhereChecks || kept[0] != names[0] || kept[len(kept)-1] != names[maxElsewhereChecks-1] {
			t.Fatalf("run %d: kept %d labels %q; want the first %d, %q to %q", run, len(kept), kept, maxElsewhereChecks, names[0], names[maxElsewhereChecks-1])
		}
	}
}

// TestLabelRecursInEitherCase checks that a label written once in capitals
// and once not counts as said twice, and so is kept where said once it
// would not be: its words open no sentence ("the harbour wall").
func TestLabelRecursInEitherCase(t *testing.T) {
	doc := "The harbour wall\n\nWe walked the quay at dawn.\n\n" +
		"Mara Lind: the harbour wall\n\nThe tide was out.\n\nMARA LIND: We rebuilt it in a year.\n"
	d, err := Read(Input{Name: "wall.txt", Data: []byte(doc)})
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for i := range d.Paragraphs {
		if l, ok := findLabels(d, newIndex(d.Paragraphs))[i]; ok {
			kept = append(kept, l.Speaker)
		}
	}
	if want := []string{"Mara Lind", "MARA LIND"}; !slices.Equal(kept, want) {
		t.Errorf("labels %q, want %q", kept, want)
	}
}

// TestLabelWithBrackets checks labels with words in brackets: a role's
// label names the person in brackets, a name's label keeps the name, and
// a label of neither is none.
func TestLabelWithBrackets(t *testing.T) {
	for _, c := range []struct{ text, speaker string }{
		{"MODERATOR (JOAN ACHTERBERG): Welcome back.", "JOAN ACHTERBERG"},
		{"Host (Kai Moreno): Good evening.", "Kai Moreno"},
		{"**Moderator (Ann Lee):** Thank you all.", "Ann Lee"},
		{"ANN LEE (via video): I can hear you.", "ANN LEE"},
		{"Note (added later): the vote was delayed.", ""},
		{"MODERATOR: Welcome back.", "MODERATOR"},
	} {
		l, ok := parseLabel(c.text)
		if got := l.Speaker; !ok && c.speaker != "" || ok && got != c.speaker {
			t.Errorf("%q: label %q (%v), want %q", c.text, got, ok, c.speaker)
		}
	}
}
