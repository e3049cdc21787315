package library

import (
	"fmt"
	"strings"
	"testing"
)

// TestSearchSnippetsAndPlaces checks each hit's snippet and where its
// match stands in the text kept, for the words index, the trigram index
// and LIKE, on texts of a few paragraphs written for this test.
func TestSearchSnippetsAndPlaces(t *testing.T) {
	l, _ := open(t)
	record(t, l, "/ferry.txt", "Ferry notes", "The ferry started late.\n\nAn art dealer came aboard.\n\nSmart art, he said.", 1)
	record(t, l, "/split.txt", "Split", "The night ferry\n\nleft late.", 6)
	record(t, l, "/cafe.txt", "Morning", "Nothing yet.\n\nWe met at the Café Rouge at nine.", 2)
	record(t, l, "/cn.txt", "采访", "我们在北京大学见面。", 3)
	record(t, l, "/title.txt", "Harbour lights", "Nothing about the sea here.", 4)
	long := strings.Repeat("one two three four five six seven eight nine ten ", 3) + "the lantern glowed " + strings.Repeat("eleven twelve ", 20)
	record(t, l, "/long.txt", "Long", long, 5)
	for _, c := range []struct {
		query, source, snippet string
		inText                 bool
		paragraph, start, end  int
	}{
		{"art", "/ferry.txt", "An **art** dealer came aboard.", true, 1, 3, 6},
		{"dealer came", "/ferry.txt", "An art **dealer** **came** aboard.", true, 1, 7, 13},
		{"tart", "/ferry.txt", "The ferry s**tart**ed late.", true, 0, 11, 15},
		{"cafe", "/cafe.txt", "We met at the **Café** Rouge at nine.", true, 1, 14, 19},
		{"CAFÉ ROUGE", "/cafe.txt", "We met at the **Café** **Rouge** at nine.", true, 1, 14, 19},
		{"北京大学", "/cn.txt", "我们在**北京大学**见面。", true, 0, 9, 21},
		{"北京", "/cn.txt", "我们在**北京**大学见面。", true, 0, 9, 15},
		{"ferry-left", "/split.txt", "The night **ferry**", true, 0, 10, 15},
		{"harbour", "/title.txt", "Nothing about the sea here.", false, 0, 0, 0},
		{"lantern", "/long.txt", "…eight nine ten the **lantern** glowed eleven twelve eleven twelve eleven twelve…", true, 0, strings.Index(long, "lantern"), strings.Index(long, "lantern") + 7},
	} {
		hits, err := l.Search(c.query, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", c.query, err)
		}
		if len(hits) != 1 || hits[0].Source != c.source {
			t.Errorf("Search(%q) = %d hits, want only %s", c.query, len(hits), c.source)
			continue
		}
		h := hits[0]
		got := fmt.Sprintf("%q %v %d %d %d", h.Snippet, h.InText, h.Paragraph, h.Start, h.End)
		if want := fmt.Sprintf("%q %v %d %d %d", c.snippet, c.inText, c.paragraph, c.start, c.end); got != want {
			t.Errorf("Search(%q) = %s\n want %s", c.query, got, want)
		}
	}
}

// TestParagraphOf numbers paragraphs as strings.Split at blank lines
// does, extra newlines included, at every byte of every paragraph.
func TestParagraphOf(t *testing.T) {
	text := "one\n\ntwo\n\n\nthree\n\n\n\nfour"
	start := 0
	for p, para := range strings.Split(text, "\n\n") {
		for off := range len(para) + 1 {
			if gotP, gotOff := paragraphOf(text, start+off); gotP != p || gotOff != off {
				t.Errorf("paragraphOf(%d) = %d, %d; want %d, %d", start+off, gotP, gotOff, p, off)
			}
		}
		start += len(para) + 2
	}
}

// BenchmarkSearchCommonWord searches a long text for a word it holds on
// every line: the snippet is made by reading the text to the first match,
// whatever the number of matches.
func BenchmarkSearchCommonWord(b *testing.B) {
	for _, size := range []int{100 << 10, 1 << 20, 10 << 20} {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			l, err := Open(b.TempDir() + "/library.db")
			if err != nil {
				b.Fatal(err)
			}
			defer l.Close()
			line := "The mobile network reached the valley towns this spring.\n\n"
			text := strings.Repeat(line, size/len(line))
			if _, err := l.Record(Document{Source: "/big.txt", Hash: Hash([]byte(text)), Title: "Big", Format: "txt"}, text); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if hits, err := l.Search("mobile", 10); err != nil || len(hits) != 1 {
					b.Fatal(len(hits), err)
				}
			}
		})
	}
}
