package model

import "testing"

func TestDetectFormat(t *testing.T) {
	for _, c := range []struct {
		name, contentType, data string
		want                    Format
	}{
		{"page.txt", "", "<!DOCTYPE html><html><body>x", FormatHTML},
		{"notes", "", "\xef\xbb\xbf  <!-- saved --> <html lang=en>", FormatHTML},
		{"feed.xml", "", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">", FormatHTML},
		{"https://example.org/a", "text/html; charset=gbk", "plain words", FormatHTML},
		{"https://example.org/a.md", "text/plain", "# Title", FormatText},
		{"interview.md", "", "Plain words.", FormatMarkdown},
		{"interview.markdown", "", "Plain words.", FormatMarkdown},
		{"page.htm", "", "Plain words.", FormatHTML},
		{"notes.txt", "", "---\ntitle: x\n---\n# A\n", FormatText},
		{"-", "", "---\ntitle: x\n---\nText.", FormatMarkdown},
		{"-", "", "# A\n\n**Q?**\n\n> quoted\n", FormatMarkdown},
		{"-", "", "# Only a heading\n\nand text.", FormatText},
		{"-", "", "Plain text, a * and a # in it.", FormatText},
	} {
		if got := detectFormat(c.name, c.contentType, []byte(c.data)); got != c.want {
			t.Errorf("detectFormat(%q, %q, %.20q) = %q, want %q", c.name, c.contentType, c.data, got, c.want)
		}
	}
}

// TestReadingWordsEveryPlace holds readingWords, which reads ASCII eight
// bytes at a time, up to a multi-byte rune at once, and General
// Punctuation by a table, to a count of its words rune by rune: with a
// rune of every kind, and every rune of General Punctuation, at every
// place of the eight bytes, next to a space or a word.
func TestReadingWordsEveryPlace(t *testing.T) {
	byRune := func(s string) int {
		words, cjk, in := 0, 0, false
		for _, r := range s {
			switch {
			case isCJK(r):
				cjk++
				in = false
			case IsSpace(r):
				in = false
			case !in:
				in, words = true, words+1
			}
		}
		return words + (cjk+1)/2
	}
	odd := []string{"é", "\u00a0", "雷", "\u3000", "😀", "\xff", "\xe2\x80", "\xe2\x81x", " “", "“ ", "\u2080"}
	for r := rune(0x2000); r < 0x2080; r++ {
		odd = append(odd, string(r))
	}
	const base = "ab cd  e\tf gh ij k  l mnop q"
	for _, o := range odd {
		for k := 0; k <= len(base); k++ {
			s := base[:k] + o + base[k:]
			if got, want := readingWords(s), byRune(s); got != want {
				t.Errorf("readingWords(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

func TestReadingWords(t *testing.T) {
	for s, want := range map[string]int{
		"":                         0,
		" Two  words\t":            2,
		"no\u00a0break and\u3000x": 4,
		"小米是一家公司":                  4, // seven characters read as about four words
		"Lei Jun 说 hello":          4,
		"한국어 텍스트":                  3,
	} {
		if got := readingWords(s); got != want {
			t.Errorf("readingWords(%q) = %d, want %d", s, got, want)
		}
	}
}
