package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// linkedParagraph is a paragraph with links, one on its own URL, and
// words after the links that their URLs hold too.
func linkedParagraph() model.Paragraph {
	text := "See the annual report on example.com and the data at the bureau, then mail the editors or visit https://x.org today."
	link := func(word, url string) model.Link {
		i := strings.Index(text, word)
		return model.Link{Start: i, End: i + len(word), URL: url}
	}
	return model.Paragraph{Text: text, Links: []model.Link{
		link("annual report", "https://example.com/reports/annual_(2024) on?a=1&b=2"),
		link("data", "http://data.example.org/the/bureau/figures/of/the/year/in/full/at/the/bureau"),
		link("mail the editors", "mailto:editors@example.com"),
		link("https://x.org", "https://x.org"),
	}}
}

func TestTextMapFindsEveryWord(t *testing.T) {
	label := "Lei Jun: I have paid more attention to the trendy areas, such as the IOT, rural internet, M&A and *stars* at 5\u00a0km."
	host := "**Host:** Welcome to the show, everybody. Welcome to [the] *show*."
	item := "Read the guide before the read, then the guide."
	cases := []struct {
		name  string
		p     shownParagraph
		words []string
	}{
		{"speaker label", shownParagraph{model.Paragraph{Text: label}, len("Lei Jun: ")},
			[]string{"Lei", "attention", "IOT", "M&A", "stars", "km."}},
		{"links", shownParagraph{Paragraph: linkedParagraph()},
			[]string{"See", "annual", "report", "example.com", "and", "data", "bureau", "then", "editors", "https://x.org", "today."}},
		{"Markdown label", shownParagraph{model.Paragraph{Text: host, Links: []model.Link{
			{Start: strings.Index(host, "show"), End: strings.Index(host, "show") + 4, URL: "https://show.example/Welcome/to/the/show"},
		}}, len("**Host:** ")}, []string{"Host", "Welcome", "show", "everybody.", "[the]", "*show*."}},
		{"quoted item", shownParagraph{Paragraph: model.Paragraph{Text: item, Quoted: true, Item: "3.", Links: []model.Link{
			{Start: strings.Index(item, "guide"), End: strings.Index(item, "guide") + 5, URL: "https://guide.example/read/the/guide/before/the/read"},
		}}}, []string{"Read", "guide", "before", "read,", "then", "guide."}},
	}
	for _, c := range cases {
		for _, style := range []string{StyleNoTTY, StyleNoColor, StyleDark} {
			for _, width := range []int{20, 33, 80} {
				d := &model.Document{Paragraphs: []model.Paragraph{c.p.Paragraph}, Extraction: model.Extraction{Annotations: []model.Annotation{{Body: c.p.body}}}}
				lines, err := newRenderers(style).blockLines(block{blockParagraph, 0, -1}, d, false, width)
				if err != nil {
					t.Fatal(err)
				}
				m := newTextMap(c.p.Text, lines, hiddenMarks(c.p), ansi.WcWidth)
				from := 0
				for _, word := range c.words {
					start := from + strings.Index(c.p.Text[from:], word)
					from = start + len(word)
					spans := m.spans(start, start+len(word))
					var got strings.Builder
					for _, s := range spans {
						got.WriteString(ansi.Strip(ansi.Cut(lines[s.line], s.from, s.to)))
					}
					if got.String() != word {
						t.Errorf("%s, %s at width %d: %q maps to %q (spans %v)", c.name, style, width, word, got.String(), spans)
					}
				}
			}
		}
	}
}

func TestParagraphMarkdown(t *testing.T) {
	cases := []struct {
		name string
		p    shownParagraph
		want string
	}{
		{"links", shownParagraph{Paragraph: linkedParagraph()}, "See the [annual report](https://example.com/reports/annual_%282024%29%20on?a=1&b=2) on example.com and the " +
			"[data](http://data.example.org/the/bureau/figures/of/the/year/in/full/at/the/bureau) at the bureau, then " +
			"[mail the editors](mailto:editors@example.com) or visit https://x.org today."},
		{"unsafe URLs", shownParagraph{Paragraph: model.Paragraph{Text: "one two three four", Links: []model.Link{
			{Start: 0, End: 3, URL: "javascript:alert(1)"},
			{Start: 4, End: 7, URL: "https://a.example/\x1b]8;;\x07\x1b[2J é\\"},
			{Start: 8, End: 13, URL: "http://%zz"},
			{Start: 9, End: 18, URL: "http://overlaps.example/"},
		}}}, "one [two](https://a.example/%1B]8;;%07%1B[2J%20%C3%A9%5C) three four"},
		{"Markdown label", shownParagraph{model.Paragraph{Text: "[00:01:02] **Host:**  Hi *there*"}, len("[00:01:02] **Host:**  ")},
			"**\\[00:01:02\\] Host:** Hi \\*there\\*"},
		{"code", shownParagraph{Paragraph: model.Paragraph{Text: "a ``` b\n\n  *c*", Code: true, Quoted: true}},
			"````\na ``` b\n\n  *c*\n````"},
		{"quoted item", shownParagraph{Paragraph: model.Paragraph{Text: "- not a marker", Quoted: true, Item: "12."}}, "12. \\- not a marker"},
		{"odd item marker", shownParagraph{Paragraph: model.Paragraph{Text: "x", Item: "•"}}, "- x"},
		{"bold heading", shownParagraph{Paragraph: model.Paragraph{Text: "Why?", Heading: true, Bold: true}}, "### Why?"},
	}
	for _, c := range cases {
		if got := paragraphMarkdown(c.p, true); got != c.want {
			t.Errorf("%s: paragraphMarkdown = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestLinksCarryNoEscapes(t *testing.T) {
	p := model.Paragraph{Text: "click here now", Links: []model.Link{
		{Start: 6, End: 10, URL: "https://a.example/\x1b]8;;https://evil.example/\x07\x1b[31m)(\u009b2J"},
	}}
	for _, style := range []string{StyleNoTTY, StyleDark} {
		lines, err := newRenderers(style).renderBlock(paragraphMarkdown(shownParagraph{Paragraph: p}, true), 80)
		if err != nil {
			t.Fatal(err)
		}
		out := strings.Join(lines, "\n")
		if strings.Contains(out, "evil.example/\x07") || strings.Contains(out, "\x1b[31m") || strings.Contains(out, "\u009b") {
			t.Errorf("%s: the URL's escapes reached the output: %q", style, out)
		}
		shown := strings.Join(strings.Fields(ansi.Strip(out)), " ")
		if want := "click here https://a.example/%1B]8;;https://evil.example/%07%1B[31m%29%28%C2%9B2J now"; shown != want {
			t.Errorf("%s: link shown as %q, want %q", style, shown, want)
		}
	}
}

func TestPaintKeepsWidth(t *testing.T) {
	line := "\x1b[1mbold\x1b[m plain text"
	reverse := lipgloss.NewStyle().Reverse(true)
	out := paintLine(ansi.WcWidth, line, []paint{{2, 8, &reverse}})
	if ansi.Strip(out) != ansi.Strip(line) || ansi.StringWidth(out) != ansi.StringWidth(line) {
		t.Fatalf("paint changed the text: %q", ansi.Strip(out))
	}
	if out == line {
		t.Fatal("paintLine did not style anything")
	}
}

// paintRun is what one painted run may add to a line: its style's codes
// before and after it, and the line's own style restored after it.
const paintRun = 100

func TestPaintLineGrowsLinearly(t *testing.T) {
	lines, err := newRenderers(StyleDark).renderBlock(strings.Repeat("ha ", 60), 200)
	if err != nil {
		t.Fatal(err)
	}
	line := lines[0]
	reverse := lipgloss.NewStyle().Reverse(true)
	var paints []paint
	for c, r := range []rune(ansi.Strip(line)) {
		if r == 'h' {
			paints = append(paints, paint{c, c + 1, &reverse})
		}
	}
	out := paintLine(ansi.WcWidth, line, paints)
	if ansi.Strip(out) != ansi.Strip(line) {
		t.Fatalf("paint changed the text: %q", ansi.Strip(out))
	}
	if grown := len(out) - len(line); grown > paintRun*len(paints) {
		t.Fatalf("%d runs grew the line by %d bytes", len(paints), grown)
	}
	if got := strings.Count(out, "h\x1b[m"); got != len(paints) {
		t.Fatalf("%d of %d runs painted: %q", got, len(paints), out)
	}
}

func TestPaintLineKeepsTheLinkUnderAHighlight(t *testing.T) {
	line := "  see the minutes now"
	link := lipgloss.NewStyle().Underline(true).Hyperlink("https://example.org/m")
	mark := lipgloss.NewStyle().Reverse(true)
	out := paintLine(ansi.WcWidth, line, []paint{{6, 17, &link}, {10, 13, &mark}})
	if ansi.Strip(out) != line {
		t.Fatalf("paint changed the text: %q", ansi.Strip(out))
	}
	// The link is drawn in three runs, the middle one highlighted, and
	// all three lead to it.
	if got := strings.Count(out, "\x1b]8;;https://example.org/m"); got != 3 {
		t.Fatalf("%d runs link to the minutes: %q", got, out)
	}
	if !strings.Contains(out, "\x1b[7m") {
		t.Fatalf("no highlight: %q", out)
	}
}

func TestDenseMatchesPaintInBoundedSpace(t *testing.T) {
	for _, text := range []string{strings.Repeat("ha", 3000), strings.Repeat("Chapter one . . . . . . . . 1\n", 200)} {
		d, err := model.Read(model.Input{Name: "dense.txt", Data: []byte("Dense\n\n" + text)})
		if err != nil {
			t.Fatal(err)
		}
		m := testReaderOf(New(d, Options{Style: StyleDark}))
		m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
		plain := len(m.View().Content)
		for _, k := range []string{"h", "."} {
			press(m, "/", k)
			if got := len(m.View().Content); got > plain+paintRun*200*60 {
				t.Fatalf("searching %q grew the screen from %d to %d bytes", k, plain, got)
			}
			if m.find.status() == "no matches" && strings.Contains(text, k) {
				t.Fatalf("no matches of %q", k)
			}
			press(m, "esc")
		}
	}
}

func TestReaderPaintsLinksWithoutURLs(t *testing.T) {
	d, err := model.Read(model.Input{Name: "links.md", Data: []byte("# Links\n\nThe council [published its minutes](https://example.org/minutes?id=1) on Tuesday, and [a bad link](javascript:alert(1)) too.\n")})
	if err != nil {
		t.Fatal(err)
	}
	d.Extraction = model.Extract(d)
	m := testReaderOf(New(d, Options{Style: StyleDark}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	view := m.View().Content
	if !strings.Contains(view, "\x1b]8;;https://example.org/minutes?id=1") {
		t.Fatalf("no hyperlink to the minutes in %q", view)
	}
	plain := ansi.Strip(view)
	if strings.Contains(plain, "example.org") || strings.Contains(plain, "javascript") {
		t.Fatalf("the reader shows a URL:\n%s", plain)
	}
	if !strings.Contains(plain, "The council published its minutes on Tuesday, and a bad link too.") {
		t.Fatalf("link text not shown as text:\n%s", plain)
	}
	press(m, "/", "m", "i", "n", "u", "t", "e", "s", "enter")
	if got := m.find.status(); got != "match 1/1" {
		t.Fatalf("search in a link: %s", got)
	}
}

func TestBareURLsLinkOnlyToTheWeb(t *testing.T) {
	p := model.Paragraph{Text: "Get it at ftp://example.com/file, www.example.com or https://example.org/a now."}
	for _, hrefs := range []bool{false, true} {
		lines, err := newRenderers(StyleDark).renderBlock(paragraphMarkdown(shownParagraph{Paragraph: p}, hrefs), 100)
		if err != nil {
			t.Fatal(err)
		}
		out := strings.Join(lines, "\n")
		if why := modeltest.Unsafe(out); why != "" {
			t.Fatalf("%s in %q", why, out)
		}
		if !strings.Contains(ansi.Strip(out), "ftp://example.com/file") || !strings.Contains(out, "\x1b]8;id=") {
			t.Fatalf("text or web links lost: %q", out)
		}
	}
}

func TestQuoteBarOnEveryLine(t *testing.T) {
	p := model.Paragraph{Quoted: true, Text: "To pair, a phone has to prove that it holds a shared key, but the lock only checks the first four bytes of the answer. Four bytes is 32 bits, and the lock never slows down or locks out a client that keeps guessing, so a cheap laptop finds a match overnight."}
	d := &model.Document{Paragraphs: []model.Paragraph{p}}
	for _, style := range []string{StyleDark, StyleNoTTY, StyleNoColor, StyleASCII} {
		for width := 20; width <= 120; width++ {
			lines, err := newRenderers(style).blockLines(block{blockParagraph, 0, -1}, d, false, width)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range lines {
				if s := ansi.Strip(l); !strings.HasPrefix(s, "  │ ") && !strings.HasPrefix(s, "  | ") || ansi.StringWidth(l) > width {
					t.Fatalf("%s at width %d: %q", style, width, s)
				}
			}
		}
	}
}

func TestQuoteBarInACustomStyle(t *testing.T) {
	style := filepath.Join(t.TempDir(), "style.json")
	if err := os.WriteFile(style, []byte(`{"document":{"margin":0},"block_quote":{"indent":1,"indent_token":"> "}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	p := model.Paragraph{Quoted: true, Text: "A quoted line that is long enough to wrap at forty columns, sure yes."}
	d := &model.Document{Paragraphs: []model.Paragraph{p}}
	lines, err := newRenderers(style).blockLines(block{blockParagraph, 0, -1}, d, false, 40)
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, l := range lines {
		s, ok := strings.CutPrefix(ansi.Strip(l), "│ ")
		if !ok {
			t.Fatalf("line without the bar at the margin: %q", ansi.Strip(l))
		}
		words = append(words, strings.Fields(s)...)
	}
	if got := strings.Join(words, " "); got != p.Text {
		t.Fatalf("text spliced: %q", got)
	}
}

func TestTabsShowAsSpaces(t *testing.T) {
	d, err := model.Parse(model.Input{Name: "tabs.md", Data: []byte("# Tabs\n\nWord\tafter the tab.\n\n```\nfunc f() {\n\treturn 1\t// one\n}\n```\n")})
	if err != nil {
		t.Fatal(err)
	}
	m := testReaderOf(New(d, Options{Style: StyleDark}))
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	got := screen(m)
	for _, want := range []string{"Word after the tab.", "func f() {", "        return 1        // one"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q not shown:\n%s", want, got)
		}
	}
	press(m, "/", "a", "f", "t", "e", "r")
	if got := m.find.status(); got != "match 1/1" {
		t.Errorf("search across a tab: %s", got)
	}
	out, err := Print(d, StyleNoTTY, 80)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "\t") || !strings.Contains(out, "        return 1        // one") {
		t.Errorf("print keeps tabs or loses indentation:\n%s", out)
	}
}

func TestWrapKeepsClustersWhole(t *testing.T) {
	text := "Accents: " + strings.Repeat("e\u0301", 150) + " and x\u0302 " + strings.Repeat("n\u0303o\u0308", 40) + " end."
	d := &model.Document{Paragraphs: []model.Paragraph{{Text: text}}}
	for _, style := range []string{StyleDark, StyleNoTTY} {
		for width := 20; width <= 60; width += 3 {
			lines, err := newRenderers(style).blockLines(block{blockParagraph, 0, -1}, d, false, width)
			if err != nil {
				t.Fatal(err)
			}
			var shown strings.Builder
			for i, l := range lines {
				plain := strings.TrimLeft(ansi.Strip(l), " ")
				if r, _ := utf8.DecodeRuneInString(plain); extendsCluster(r) {
					t.Fatalf("%s at %d: line %d starts with %U: %q", style, width, i, r, plain)
				}
				shown.WriteString(strings.ReplaceAll(plain, " ", ""))
			}
			if want := strings.ReplaceAll(text, " ", ""); shown.String() != want {
				t.Fatalf("%s at %d: text changed:\n%q\n%q", style, width, shown.String(), want)
			}
		}
	}
}
