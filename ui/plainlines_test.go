package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// plainEdgeCases are paragraphs of our own that try plainLines' wrapping
// at its edges: long words, words that fill a line, wide and combining
// characters, no-break spaces, runs of spaces, and text plainProse must
// leave to glamour.
var plainEdgeCases = []string{
	"a",
	"Word",
	"two words",
	"Supercalifragilisticexpialidociousharbourwallmendingcrewmembers went home.",
	"In Xiaomi, the global policy of John Smith changed quickly.",
	"aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq",
	"aaaaaaaaa bbbbbbbbb ccccccccc ddddddddd eeeeeeeee fffffffff ggggggggg hhhhhhhhh",
	"well-known long-standing hyphen-separated co-operative re-entry state-of-the-art",
	"dashes -- and - single ones - and a/b/c slashes/between/words 50% $5 (parens) 'quotes' \"doubles\"",
	"“Curly quotes,” she said — an em dash – an en dash… and a bullet • too.",
	"Café naïve façade Zürich Ångström résumé œuvre Ørsted ½ × ÷ ¿qué? ¡sí!",
	"no\u00a0break\u00a0spaces\u00a0between\u00a0every\u00a0word\u00a0of\u00a0this\u00a0sentence here",
	"\u00a0leading no-break space",
	"trailing no-break space\u00a0",
	"two  spaces  between   words    and more",
	"trailing spaces   ",
	"   leading spaces",
	"He said: it was so. At the end:",
	"see http://example.com or https://example.org/x or mailto:a@b.c",
	"go to www.example.com today or WWW.EXAMPLE.COM",
	"a :smile: emoji and 12:30 time",
	"wide 会议 characters 会议会议会议会议会议会议会议会议 here",
	"combining e\u0301 accents e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301e\u0301",
	"emoji 👍🏽 and flags 🇩🇪 here",
	"soft\u00adhyphen in a long\u00adword\u00adthat\u00adbreaks",
	"zero\u200bwidth space and joiner a\u200db",
	"tab\tseparated",
	"1. not a list",
	"- not a list",
	"# not a heading",
	"**not bold** and *not italic* and _under_ and `code`",
	"a & b &amp; c ~strike~ <b>html</b> [link](x) | pipe \\ backslash",
	"Apple\n: a fruit",
	"=== equals --- dashes +++ pluses",
	"**Lei Jun:** The network is rural and we will invest more, Xiaomi said.",
	"**Q:** And then what happened at the harbour wall that night?",
	"**Dr. Ada Byrne:** 1990 was a good year",
	"**Host** without colon",
	"**Host:**no space",
	"** Host:** spaced",
	"**Host :** spaced",
	"**Host:** **two** labels",
	"**Ho*st:** star",
}

// TestPlainLinesAreGlamours renders every paragraph of plain prose in
// the testdata and testdata/extract documents, in a generated article
// and in plainEdgeCases (with and without speaker labels) both ways, by plainLines and by glamour, in the
// notty and ascii styles, and asserts the same lines; the edge cases at
// every width from 1 to 200, the documents at a range of widths. The
// other styles never take plainLines.
func TestPlainLinesAreGlamours(t *testing.T) {
	var markdown []string
	for _, c := range plainEdgeCases {
		markdown = append(markdown, escapeMarkdown(c), c)
	}
	edge := len(markdown)
	var docs []*model.Document
	for _, dir := range []string{"testdata", filepath.Join("testdata", "extract")} {
		entries, err := os.ReadDir(filepath.Join("..", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() || strings.HasSuffix(e.Name(), ".json") || e.Name() == "README.md" {
				continue
			}
			docs = append(docs, readTestdata(t, filepath.Join(strings.TrimPrefix(dir, "testdata"), e.Name())))
		}
	}
	article, err := model.Parse(model.Input{Name: "article.txt", Data: modeltest.Article(64 << 10)})
	if err != nil {
		t.Fatal(err)
	}
	docs = append(docs, article)
	for _, d := range docs {
		for _, b := range articleBlocks(d) {
			markdown = append(markdown, b.markdown(d, true), b.markdown(d, false))
		}
	}
	plain, labelled := 0, 0
	for _, style := range []string{StyleNoTTY, StyleASCII} {
		r := newRenderers(style)
		for i, md := range markdown {
			if !plainProse(md) {
				continue
			}
			plain++
			if strings.HasPrefix(md, labelMark) {
				labelled++
			}
			widths := []int{1, 2, 3, 4, 5, 6, 7, 9, 12, 20, 33, 40, 64, 79, 80, 100, 101, 120, 200}
			if i < edge {
				widths = widths[:0]
				for w := 1; w <= 200; w++ {
					widths = append(widths, w)
				}
			}
			for _, w := range widths {
				got, err := r.renderWrapped(md, w)
				if err != nil {
					t.Fatal(err)
				}
				want, err := r.glamourLines(md, w)
				if err != nil {
					t.Fatal(err)
				}
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s at %d: %q\nplainLines: %q\nglamour:    %q", style, w, md, got, want)
				}
			}
		}
	}
	if plain < 1000 || labelled < 100 {
		t.Errorf("only %d paragraphs of plain prose, %d with a label: the test checks too little", plain, labelled)
	}
	for _, style := range []string{StyleDark, StyleLight, StyleNoColor} {
		if _, ok := newRenderers(style).plainLines("plain words", 80); ok {
			t.Errorf("%s takes plainLines", style)
		}
	}
}

// TestPlainProseLeavesSyntaxToGlamour checks that plainProse refuses
// the text glamour would read as Markdown or make a link.
func TestPlainProseLeavesSyntaxToGlamour(t *testing.T) {
	for _, md := range []string{
		"", " a", "a ", "\u00a0a", "a\u00a0", "- a", "+ a", "1. a", "1) a", "# a", "> a", "= a", "a\nb", "a\\*b", "a &#38; b", "see http://x.y", "mailto:a", ":smile:",
		": a definition", "www.example.com", "at WwW.x", "a@b.c", "a 会 b", "e\u0301", "soft\u00adhyphen",
		"zero\u200bwidth", "a\tb", "**Host:**x", "** Host:** x", "**Host:** *x*", "**Host:**", "**:** x", "**Host:** - x", "a ~b~", "<b>", "a|b", "a`b",
	} {
		if plainProse(md) {
			t.Errorf("plainProse(%q) is true", md)
		}
	}
	for _, md := range []string{"a", "He said: so.", "Done:", "“Yes,” she said — 50% of $5 (a/b).", "Café\u00a0naïve", "**Host:** Yes, so.", "**Lei Jun:** “We will,” he said."} {
		if !plainProse(md) {
			t.Errorf("plainProse(%q) is false", md)
		}
	}
}
