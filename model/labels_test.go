package model

import (
	"reflect"
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
