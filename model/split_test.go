package model

import (
	"strings"
	"testing"

	"github.com/rivo/uniseg"
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

// TestSplitKeepsGraphemeClusters cuts paragraphs of clusters that span
// several runes, with no space to cut at, shifted so that the limit falls
// on every rune of a cluster in turn: every piece must start where a
// cluster starts, so none begins with a bare combining mark, half a flag
// or the tail of an emoji.
func TestSplitKeepsGraphemeClusters(t *testing.T) {
	for _, unit := range []string{
		"e\u0302",                // letter and combining circumflex
		"o\u0308\u0304",          // two combining marks
		"👩\u200d👩\u200d👧\u200d👦", // emoji joined by ZWJ
		"🇫🇷🇩🇪",                   // flags: regional indicators pair up
		"\u1100\u1161\u11a8",     // Hangul jamo making one syllable
		"👍🏽",                     // emoji and skin tone modifier
		"1\ufe0f\u20e3",          // keycap
		"ก\u0e33",                // Thai consonant and sara am
		"word \u0302",            // a space carrying a mark
		"End. \u0302",            // a sentence end before a mark
		"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", // flag of Scotland
	} {
		for shift := range len(unit) {
			text := strings.Repeat("x", shift) + strings.Repeat(unit, (2*maxParagraphLen+maxParagraphLen/4)/len(unit))
			boundaries := map[int]bool{0: true}
			state := -1
			for rest := text; rest != ""; {
				_, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
				boundaries[len(text)-len(rest)] = true
			}
			d := &Document{Paragraphs: []Paragraph{{Text: text}}}
			d.splitLongParagraphs()
			if len(d.Paragraphs) < 3 {
				t.Fatalf("%+q shifted %d: %d pieces", unit, shift, len(d.Paragraphs))
			}
			at := 0
			for i, p := range d.Paragraphs {
				at = strings.Index(text[at:], p.Text) + at
				if !boundaries[at] || !boundaries[at+len(p.Text)] {
					t.Fatalf("%+q shifted %d: piece %d, bytes [%d, %d), cuts a cluster: %+q…",
						unit, shift, i, at, at+len(p.Text), p.Text[:min(len(p.Text), 12)])
				}
				at += len(p.Text)
			}
		}
	}
}

func BenchmarkSplitLongParagraphs(b *testing.B) {
	for _, bm := range []struct{ name, unit string }{
		{"prose", "The harbour plan passed after a long debate. "},
		{"no spaces", "字"},
		{"combining marks", "e\u0302"},
		{"flags", "🇫🇷"},
	} {
		text := strings.Repeat(bm.unit, (1<<20)/len(bm.unit))
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				d := &Document{Paragraphs: []Paragraph{{Text: text}}}
				d.splitLongParagraphs()
			}
		})
	}
}
