package ui

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

func TestTextMapFindsEveryWord(t *testing.T) {
	text := "Lei Jun: I have paid more attention to the trendy areas, such as the IOT, rural internet, M&A and *stars* at 5\u00a0km."
	p := model.Paragraph{Text: text, Body: len("Lei Jun: ")}
	for _, style := range []string{StyleNoTTY, StyleDark} {
		for _, width := range []int{20, 33, 80} {
			lines, err := newRenderers(style).renderBlock(paragraphMarkdown(p), width)
			if err != nil {
				t.Fatal(err)
			}
			m := newTextMap(text, lines)
			for _, word := range []string{"Lei", "attention", "IOT", "M&A", "stars", "km."} {
				start := strings.Index(text, word)
				spans := m.spans(start, start+len(word))
				var got strings.Builder
				for _, s := range spans {
					got.WriteString(ansi.Strip(ansi.Cut(lines[s.line], s.from, s.to)))
				}
				if got.String() != word {
					t.Errorf("%s at width %d: %q maps to %q (spans %v)", style, width, word, got.String(), spans)
				}
			}
		}
	}
}

func TestPaintKeepsWidth(t *testing.T) {
	line := "\x1b[1mbold\x1b[m plain text"
	out := paintCells(line, 2, 8, lipgloss.NewStyle().Reverse(true))
	if ansi.Strip(out) != ansi.Strip(line) || ansi.StringWidth(out) != ansi.StringWidth(line) {
		t.Fatalf("paint changed the text: %q", ansi.Strip(out))
	}
	if out == line {
		t.Fatal("paintCells did not style anything")
	}
}
