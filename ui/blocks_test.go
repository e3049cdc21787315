package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// readTestdata reads a document of the repository's testdata without
// extracting it.
func readTestdata(t *testing.T, name string) *model.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Read(model.Input{Name: name, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// articleLines is the article pane's lines of the reader's screen, under
// its header.
func articleLines(m *testReader) []string {
	lines := strings.Split(screen(m), "\n")
	out := make([]string, 0, m.article.height)
	for _, l := range lines[1 : 1+m.article.height] {
		out = append(out, strings.TrimRight(string([]rune(l)[:min(len([]rune(l)), m.layout.articleWidth)]), " "))
	}
	return out
}

// TestDerivedTitlesAreDividers reads text without headings, whose
// sections lede finds and names: the reader opens each with a divider of
// its own ("-- Weather station ---"), never a Markdown heading, print
// shows no title at all, and the contents, ] and the status line still
// go by them.
func TestDerivedTitlesAreDividers(t *testing.T) {
	d := readTestdata(t, "extract/spoken-unlabelled.txt")
	d = d.WithExtraction(model.Extract(d))
	var titles []string
	for _, s := range d.Sections {
		if !s.Derived || s.Title == "" {
			t.Fatalf("the test wants derived, titled sections: %+v", s)
		}
		titles = append(titles, s.Title)
	}
	if len(titles) < 3 {
		t.Fatalf("only %d sections", len(titles))
	}
	out, err := Print(d, StyleNoTTY, 80)
	if err != nil {
		t.Fatal(err)
	}
	for _, title := range titles {
		for line := range strings.Lines(out) {
			if strings.Contains(line, "## "+title) || strings.Contains(line, "-- "+title) {
				t.Errorf("print shows the derived title %q: %q", title, line)
			}
		}
	}
	m := testReaderOf(New(d, Options{Style: StyleNoTTY}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for k, title := range titles {
		if k == 0 {
			// The first section opens under the document's title.
			if !strings.Contains(screen(m), "-- "+title+" --") {
				t.Errorf("the first screen lacks the divider of %q:\n%s", title, screen(m))
			}
			continue
		}
		press(m, "]")
		if top := articleLines(m)[0]; !strings.HasPrefix(strings.TrimSpace(top), "-- "+title+" --") {
			t.Errorf("] to section %d: the article opens with %q, want the divider of %q", k+1, top, title)
		}
		if s, want := m.Status(120), fmt.Sprintf("section %d/%d", k+1, len(titles)); !strings.Contains(s, want) {
			t.Errorf("status at section %d: %q", k+1, s)
		}
	}
	for _, l := range strings.Split(screen(m), "\n") {
		if strings.Contains(l, "## ") {
			t.Errorf("the reader shows a heading mark: %q", l)
		}
	}
	press(m, "t")
	s := screen(m)
	for k, title := range titles {
		if !strings.Contains(s, fmt.Sprintf("%d. %s", k+1, title)) {
			t.Errorf("the contents lack %q:\n%s", title, s)
		}
	}
}

// TestNoTwoTitlesAlikeInARow checks that the article shows no section
// title that reads as the title shown just above it: the document's
// title, a heading's or a divider's.
func TestNoTwoTitlesAlikeInARow(t *testing.T) {
	d := &model.Document{Title: "Harbour Works"}
	for _, text := range []string{"One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Seven.", "Eight."} {
		d.Paragraphs = append(d.Paragraphs, model.Paragraph{Text: text})
	}
	d.Sections = []model.Section{
		{Title: "Harbour works", Derived: true, Start: 0, End: 2}, // the document's title again
		{Title: "Ferry times", Derived: true, Start: 2, End: 4},
		{Title: "ferry times:", Derived: true, Start: 4, End: 6}, // the divider above again
		{Title: "Tolls", Derived: true, Start: 6, End: 8},
	}
	var shown []int
	for _, b := range readerBlocks(d) {
		if b.kind == blockDivider {
			shown = append(shown, b.section)
		}
	}
	if len(shown) != 2 || shown[0] != 1 || shown[1] != 3 {
		t.Fatalf("dividers for sections %v, want [1 3]", shown)
	}
	for _, b := range articleBlocks(d) {
		if b.kind == blockDivider || b.kind == blockSection {
			t.Fatalf("print shows section %d's derived title", b.section)
		}
	}
}

// TestExtractionKeepsThePlace scrolls the article of a document while it
// is being extracted, then lets extraction land, which adds dividers and
// speaker labels above the reader: the line at the top of the article is
// the one that was there, wherever the reader stopped (in a paragraph, on
// the blank line after one, on the title).
func TestExtractionKeepsThePlace(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
	}{
		{"extract/spoken-unlabelled.txt", 120, 40},
		{"extract/spoken-unlabelled.txt", 80, 24},
		{"xiaomi-century-brand.txt", 80, 24},
		{"extract/podcast-transcript.md", 120, 40},
	} {
		for steps := 0; steps < 60; steps += 3 {
			d := readTestdata(t, c.name)
			m := testReaderOf(New(d, Options{Style: StyleNoTTY}))
			m.Update(tea.WindowSizeMsg{Width: c.w, Height: c.h})
			for range steps {
				press(m, "j")
			}
			before := articleLines(m)[0]
			m.Update(extract(d)())
			if m.extracting {
				t.Fatal("extraction did not land")
			}
			if after := articleLines(m)[0]; after != before {
				t.Errorf("%s at %dx%d, %d lines down: the top line was %q and is %q after extraction", c.name, c.w, c.h, steps, before, after)
			}
		}
	}
}

// TestPrintInParallelIsPrintInOrder checks that print's workers give the
// text one renderer gives rendering every block in turn, on a document of
// many chunks.
func TestPrintInParallelIsPrintInOrder(t *testing.T) {
	var text strings.Builder
	text.WriteString("Harbour notes\n\n")
	for i := range 40 * printChunk {
		fmt.Fprintf(&text, "Day %d. The **ferry** crew mended the [harbour wall](https://example.com/%d).\n\n", i, i)
		if i%50 == 0 {
			fmt.Fprintf(&text, "## Week %d\n\n> A quoted line of day %d.\n\n", i/50, i)
		}
	}
	d, err := model.Parse(model.Input{Name: "long.md", Data: []byte(text.String())})
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range []string{StyleNoTTY, StyleDark} {
		got, err := Print(d, style, 60)
		if err != nil {
			t.Fatal(err)
		}
		if want := printBlocks(newRenderers(style), d, articleBlocks(d), true, style, 60); got != want.text || want.err != nil {
			t.Errorf("%s: the parallel print differs from the blocks rendered in turn", style)
		}
	}
}

// TestFlowingParagraphsPrintAsAlone checks that print's plain styles give
// the text of rendering every block alone when they render runs of
// flowing paragraphs together: on a generated interview (speaker labels,
// curly quotes) and on paragraphs of our own with links, bold, marks
// glamour reads, a colon that would start a definition, wide and
// combining characters and a word longer than the line, at widths down
// to a word or two a line.
func TestFlowingParagraphsPrintAsAlone(t *testing.T) {
	text := string(modeltest.Article(4<<10)) + "\n\n" + strings.Join([]string{
		"**Q:** Where did the *ferry* go? See [the timetable](https://example.com/t) & ~the notes~.",
		"A: It went out at 5 p.m. -- a 1.5 km trip -- past the harbour_wall\\ and <the> #3 buoy.",
		"Café owners in 会议 town said the naïve plan e\u0301 was fine 👍🏽 at first.",
		"Supercalifragilisticexpialidociousharbourwallmendingcrew words.",
		"**A bold paragraph of its own.**",
		"Apple",
		": a fruit, which after a term would define it",
		"Pear",
		"- a list item",
		"- another",
		"Last words.",
	}, "\n\n")
	d, err := model.Parse(model.Input{Name: "mixed.md", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	blocks := articleBlocks(d)
	together := 0
	for _, style := range []string{StyleNoTTY, StyleASCII} {
		for _, width := range []int{100, 40, 12} {
			r := newRenderers(style)
			alone := make([]string, len(blocks))
			var want strings.Builder
			for i := range blocks {
				alone[i] = printBlocks(r, d, blocks[i:i+1], i == 0, style, width).text
				want.WriteString(alone[i])
			}
			for i := range blocks {
				if md := flowingRun(r, d, blocks[i:], width); len(md) > 1 {
					for _, m := range md {
						if strings.HasPrefix(m, ":") {
							t.Errorf("%q, a definition after the paragraph before it, is in a run", m)
						}
					}
					if _, ok := r.flowingLines(md, width); ok {
						together++
					}
				}
			}
			if got := printBlocks(r, d, blocks, true, style, width); got.err != nil || got.text != want.String() {
				t.Errorf("%s at %d: the paragraphs rendered together print otherwise than alone", style, width)
			}
		}
	}
	if together == 0 {
		t.Error("no run of flowing paragraphs was rendered together: the test checks nothing")
	}
}
