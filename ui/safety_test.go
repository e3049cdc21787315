package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// maxCellBytes bounds the bytes a screen cell takes on average: a
// character and its share of the style codes.
const maxCellBytes = 64

// TestHostileSequencesInTheReader opens every hostile input in the
// reader and looks at every screen a key brings up: the panes, the help,
// the contents and quotes lists, a search and an entity's highlights.
// Nothing but the reader's own colour and safe hyperlinks may reach the
// terminal, nor may the window title carry anything; every line fits the
// screen, and the screen stays small, however dense the highlights.
func TestHostileSequencesInTheReader(t *testing.T) {
	for _, in := range modeltest.Hostile() {
		_, container, _ := strings.Cut(in.Name, "/")
		d, err := model.Read(model.Input{Name: container, Data: in.Data})
		if err != nil {
			t.Fatalf("%s: %v", in.Name, err)
		}
		d.Extraction = model.Extract(d)
		m := testReaderOf(New(d, Options{Style: StyleDark}))
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		check := func(step string) {
			v := m.View()
			if why := modeltest.Unsafe(v.Content); why != "" {
				t.Fatalf("%s, %s: %s", in.Name, step, why)
			}
			if len(v.Content) > maxCellBytes*100*30 {
				t.Fatalf("%s, %s: %d bytes on a 100x30 screen", in.Name, step, len(v.Content))
			}
			checkScreen(t, m, 100, 30)
			if why := modeltest.Unsafe(v.WindowTitle); why != "" || strings.Contains(v.WindowTitle, "\x1b") {
				t.Fatalf("%s: window title %q", in.Name, v.WindowTitle)
			}
		}
		check("first screen")
		for _, keys := range [][]string{{"?"}, {"esc", "t"}, {"esc", "\""}, {"esc", "/", "h", "enter"}, {"3", "enter"}, {"2", "enter", "G"}} {
			press(m, keys...)
			check(strings.Join(keys, " "))
		}
	}
}
