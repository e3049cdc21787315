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

// TestWideScreensGiveListsTheRest checks that the article keeps a
// reading measure however wide the terminal, with no empty columns at
// its right, and that the lists take the rest: at 200 columns the
// sample's questions are not cut, and each shows the start of its answer.
func TestWideScreensGiveListsTheRest(t *testing.T) {
	for _, w := range []int{100, 120, 150, 160, 200, 300} {
		l := computeLayout(w, 40, maxTextWidth)
		if l.articleWidth > maxTextWidth+1 || l.articleWidth+1+l.sideWidth != w || l.sideWidth < 30 {
			t.Errorf("width %d: article %d, lists %d", w, l.articleWidth, l.sideWidth)
		}
	}
	m := newReader(t, 200, 60)
	s := screen(m)
	for i, e := range m.doc.Exchanges {
		if strings.Contains(qaRows(m.doc)[i].text, "…") {
			t.Fatalf("the test wants whole questions: %q", qaRows(m.doc)[i].text)
		}
		answer := strings.Fields(m.doc.Answer(e))
		if want := "“" + strings.Join(answer[:5], " "); !strings.Contains(s, want) {
			t.Errorf("Q%d shows no preview %q:\n%s", i+1, want, s)
		}
	}
	for _, r := range m.qa.all {
		for _, l := range m.qa.lines(slicesIndex(m.qa.rows, r))[:1] {
			if strings.Contains(l, "…") {
				t.Errorf("a question is cut at 200 columns: %q", l)
			}
		}
	}
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if strings.Contains(screen(m), "“"+strings.Fields(m.doc.Answer(m.doc.Exchanges[0]))[0]+" ") {
		t.Errorf("the 36 columns of the lists at 120 show a preview:\n%s", screen(m))
	}
}

// slicesIndex is the index of r in rows, or -1.
func slicesIndex(rows []row, r row) int {
	for i, x := range rows {
		if x.id == r.id && x.text == r.text {
			return i
		}
	}
	return -1
}
