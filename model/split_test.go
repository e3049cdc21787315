package model

import (
	"strings"
	"testing"
)

func TestSplitLongParagraphs(t *testing.T) {
	sentence := "The harbour plan passed after a long debate. "
	text := strings.TrimSpace(strings.Repeat(sentence, 3000)) // about 135 KB
	link := strings.Index(text[40000:], "harbour") + 40000
	d := &Document{Paragraphs: []Paragraph{
		{Text: "Short."},
		{Text: text, Links: []Link{{Start: 4, End: 11, URL: "https://a.example"}, {Start: link, End: link + 7, URL: "https://b.example"}}},
		{Text: strings.Repeat("字", 20000)}, // no spaces at all
	}}
	d.splitLongParagraphs()
	var joined []string
	var urls []string
	for i, p := range d.Paragraphs {
		if len(p.Text) > maxParagraphLen || p.Text == "" {
			t.Fatalf("paragraph %d is %d bytes", i, len(p.Text))
		}
		if p.Text[0] == 'T' && !strings.HasSuffix(p.Text, ".") {
			t.Fatalf("piece %d does not end a sentence: %q", i, p.Text[len(p.Text)-20:])
		}
		for _, l := range p.Links {
			if p.Text[l.Start:l.End] != "harbour" {
				t.Fatalf("link on %q", p.Text[l.Start:l.End])
			}
			urls = append(urls, l.URL)
		}
		if p.Text[0] != 'T' && p.Text[0] != 'S' {
			joined = append(joined, p.Text)
		}
	}
	if len(urls) != 2 {
		t.Fatalf("links after the split: %v", urls)
	}
	if got := strings.Join(joined, ""); got != strings.Repeat("字", 20000) {
		t.Fatalf("the text without spaces lost %d bytes", 60000-len(got))
	}
}
