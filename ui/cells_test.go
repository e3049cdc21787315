package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

// wideArticle is an interview whose title, questions, answers and names
// hold emoji sequences (a family joined by ZWJ, a flag, a heart with a
// variation selector, a thumb with a skin tone) and CJK characters, which
// terminals measure in different ways.
const wideArticle = "# Family 👨‍👩‍👧‍👦 trip to 🇫🇷 with ❤️ and 👍🏽 中文标题 and a long tail of words\n\n" +
	"**Q:** Did the family 👨‍👩‍👧‍👦 like the trip to 🇫🇷, and would they go back next year?\n\n" +
	"**A:** Yes 👍🏽, very much ❤️. " + "The family 👨‍👩‍👧‍👦 went to 北京 and then to 🇫🇷 by train, said Maria Okafor. " +
	"👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦 and the last words of the answer.\n"

func TestWideCharactersFitTheirPanes(t *testing.T) {
	reports := map[string][]tea.Msg{
		"by character": nil,
		"by grapheme":  {tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeReset}},
	}
	for name, msgs := range reports {
		for _, size := range [][2]int{{80, 24}, {120, 40}, {200, 60}, {60, 20}} {
			d, err := model.Parse(model.Input{Name: "wide.md", Data: []byte(wideArticle)})
			if err != nil {
				t.Fatal(err)
			}
			m := testReaderOf(New(d, Options{Style: StyleDark}))
			for _, msg := range msgs {
				m.Update(msg)
			}
			m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
			for _, keys := range [][]string{nil, {"}"}, {"/", "f", "a", "m"}, {"esc", "2"}, {"3"}, {"\""}, {"esc", "?"}} {
				press(m, keys...)
				t.Run(name+"/"+strings.Join(keys, " "), func(t *testing.T) {
					checkScreen(t, m, size[0], size[1])
				})
			}
		}
	}
}

func TestWideTextIsNotCut(t *testing.T) {
	d, err := model.Parse(model.Input{Name: "wide.md", Data: []byte(wideArticle)})
	if err != nil {
		t.Fatal(err)
	}
	m := testReaderOf(New(d, Options{Style: StyleDark}))
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 40})
	press(m, "1")
	got := screen(m)
	for _, word := range []string{"tail", "year?", "train,", "Okafor.", "last", "answer."} {
		if !strings.Contains(got, word) {
			t.Fatalf("%q is cut off:\n%s", word, got)
		}
	}
}

func TestModeReportSwitchesMeasuring(t *testing.T) {
	m := testReaderOf(New(sample(t), Options{Style: StyleDark}))
	if m.styles.Cells != ansi.WcWidth {
		t.Fatal("the reader does not start measuring as Bubble Tea's renderer does")
	}
	m.Update(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeNotRecognized})
	if m.styles.Cells != ansi.WcWidth {
		t.Fatal("a terminal without grapheme clustering switched the measuring")
	}
	m.Update(tea.ModeReportMsg{Mode: ansi.ModeUnicodeCore, Value: ansi.ModeSet})
	if m.styles.Cells != ansi.GraphemeWidth {
		t.Fatal("grapheme clustering reported, but not used")
	}
}

func TestBlockLinesFitAsTheTerminalMeasures(t *testing.T) {
	family := "👨‍👩‍👧‍👦"
	text := strings.Repeat("Words before the family "+family+" and "+family+family+" then more words. ", 6)
	d := &model.Document{Paragraphs: []model.Paragraph{{Text: text}}}
	for _, cells := range []ansi.Method{ansi.WcWidth, ansi.GraphemeWidth} {
		for width := 30; width <= 100; width += 7 {
			r := newRenderers(StyleDark)
			r.cells = cells
			lines, err := r.blockLines(block{blockParagraph, 0, -1}, d, false, width)
			if err != nil {
				t.Fatal(err)
			}
			shown := 0
			for _, l := range lines {
				if got := cells.StringWidth(l); got > width {
					t.Fatalf("method %d, width %d: a line of %d cells: %q", cells, width, got, ansi.Strip(l))
				}
				shown += strings.Count(l, family)
			}
			if want := strings.Count(text, family); shown != want {
				t.Fatalf("method %d, width %d: %d of %d emoji shown", cells, width, shown, want)
			}
		}
	}
}
