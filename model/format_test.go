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
