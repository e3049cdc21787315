package ui

import tea "charm.land/bubbletea/v2"

// wheelLines is how far one wheel notch scrolls the article.
const wheelLines = 3

// paneAt returns the pane drawn at cell (x, y) and the line within its
// content (0 is the first line under its header, -1 the header).
func (m *Model) paneAt(x, y int) (Focus, int, bool) {
	l := m.layout
	if y < 0 || y >= l.bodyHeight {
		return 0, 0, false
	}
	switch l.mode {
	case layoutSingle:
		return m.focus, y - 1, true
	case layoutFolded:
		if x < l.articleWidth {
			return FocusArticle, y - 1, true
		}
		return m.side, y - 1, x > l.articleWidth
	}
	switch {
	case x < l.articleWidth:
		return FocusArticle, y - 1, true
	case x == l.articleWidth:
		return 0, 0, false
	case y < l.qaHeight:
		return FocusQA, y - 1, true
	}
	return FocusSidebar, y - l.qaHeight - 1, true
}

// listOf returns the list pane f: the sidebar, or else the Q&A.
func (m *Model) listOf(f Focus) *list {
	if f == FocusSidebar {
		return &m.sidebar
	}
	return &m.qa
}

// wheel scrolls the pane under the pointer, or moves in the open
// overlay.
func (m *Model) wheel(ev tea.Mouse) {
	dir := 0
	switch ev.Button {
	case tea.MouseWheelDown:
		dir = 1
	case tea.MouseWheelUp:
		dir = -1
	default:
		return
	}
	if m.overlay != nil {
		m.overlay.list.Move(dir)
		return
	}
	f, _, ok := m.paneAt(ev.X, ev.Y)
	if !ok {
		return
	}
	if f == FocusArticle {
		m.article.ScrollBy(dir * wheelLines)
		m.quote = -1
		return
	}
	m.listOf(f).Move(dir)
}

// click focuses the pane under the pointer; on an item of a list, or of
// the open overlay, it selects the item and acts on it as enter does.
func (m *Model) click(ev tea.Mouse) {
	if ev.Button != tea.MouseLeft {
		return
	}
	if o := m.overlay; o != nil {
		if i, ok := o.rowAt(m.help, ev.X, ev.Y, m.width, m.height); ok {
			o.list.SelectRow(i)
			m.overlayDone(o.jump())
		}
		return
	}
	f, y, ok := m.paneAt(ev.X, ev.Y)
	if !ok {
		return
	}
	m.setFocus(f)
	if f == FocusArticle {
		return
	}
	l := m.listOf(f)
	if i, ok := l.rowAt(y); ok {
		l.SelectRow(i)
		m.activate()
	}
}
