package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// TestHostileSequencesInTheReader opens every hostile input in the
// reader and looks at every screen a key brings up: the panes, the help,
// the contents and quotes lists, a search and an entity's highlights.
// Nothing but the reader's own colour and safe hyperlinks may reach the
// terminal, nor may the window title carry anything.
func TestHostileSequencesInTheReader(t *testing.T) {
	for _, in := range modeltest.Hostile() {
		_, container, _ := strings.Cut(in.Name, "/")
		d, err := model.Read(container, in.Data)
		if err != nil {
			t.Fatalf("%s: %v", in.Name, err)
		}
		d.Extract()
		m := New(d, Options{Style: StyleDark})
		m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
		check := func(step string) {
			v := m.View()
			if why := modeltest.Unsafe(v.Content); why != "" {
				t.Fatalf("%s, %s: %s", in.Name, step, why)
			}
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
