package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// checkListScroll fails unless list l shows its selected item and fills
// its room: rows hidden above its top only while its last row is on
// screen or below it.
func checkListScroll(t *testing.T, name string, l *list) {
	t.Helper()
	if l.selected < 0 || l.room() <= 0 {
		return
	}
	if l.selected < l.top {
		t.Errorf("%s: item %d is selected above the top row %d", name, l.selected, l.top)
	}
	lines := 0
	for i := l.top; i <= l.selected; i++ {
		lines += len(l.lines(i))
	}
	if lines-len(l.lines(l.selected)) >= l.room() {
		t.Errorf("%s: the selected item %d is below the screen (top %d, %d lines)", name, l.selected, l.top, l.room())
	}
	shown := 0
	for i := l.top; i < len(l.rows); i++ {
		shown += len(l.lines(i))
	}
	if l.top > 0 && shown+len(l.lines(l.top-1)) <= l.room() {
		t.Errorf("%s: row %d is hidden above the top although the %d lines from it to the end fit %d", name, l.top-1, shown+len(l.lines(l.top-1)), l.room())
	}
}

// TestResizeKeepsListsScrolled scrolls each list to its end, then makes
// the window small, big and small again: every list keeps its selected
// item on screen and, once it has room, shows its top again rather than
// blank lines under its end.
func TestResizeKeepsListsScrolled(t *testing.T) {
	sizes := [][2]int{{100, 16}, {200, 60}, {120, 40}, {80, 24}, {40, 12}, {200, 60}, {100, 16}}
	for _, pane := range []string{"2", "3"} {
		m := newReader(t, sizes[0][0], sizes[0][1])
		press(m, pane, "G")
		for _, s := range sizes {
			m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
			checkScreen(t, m, s[0], s[1])
			checkListScroll(t, "Q&A", &m.qa)
			checkListScroll(t, "entities", &m.sidebar)
		}
	}
	// At 200 by 60 the sample's entities all fit: none is hidden.
	m := newReader(t, 100, 16)
	press(m, "3", "G")
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	if m.sidebar.top != 0 || !strings.Contains(screen(m), "People (") {
		t.Fatalf("after growing, the entity list starts at row %d:\n%s", m.sidebar.top, screen(m))
	}
}
