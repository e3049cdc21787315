package ui

import (
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// extractedMsg brings the document with its structure extracted, for
// the reader of the document it was copied from.
type extractedMsg struct{ of, doc *model.Document }

// extract finds the document's structure off the UI's goroutine, so the
// first screen does not wait for it; Extract only reads d, which the
// reader shows meanwhile.
func extract(d *model.Document) tea.Cmd {
	return func() tea.Msg {
		return extractedMsg{of: d, doc: d.WithExtraction(model.Extract(d))}
	}
}

// owns reports whether msg answers a command of this reader rather than
// another reader's on the same shelf: the extraction of its document, a
// background search of its text, a tick of its spinner, or the place its
// memory recalled.
func (m *Model) owns(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case extractedMsg:
		return msg.of == m.doc
	case searchedMsg:
		return msg.reader == m
	case spinner.TickMsg:
		return msg.ID == m.spinner.ID()
	case recalledMsg:
		return msg.memory != nil && msg.memory == m.opts.Memory
	}
	return false
}

// newSpinner makes the spinner shown while extraction runs.
func newSpinner(styles *Styles) spinner.Model {
	return spinner.New(spinner.WithSpinner(styles.Spinner), spinner.WithStyle(styles.ListDetail))
}

// setDocument shows the extracted document: the article keeps the
// reader's place, and the lists fill in.
func (m *Model) setDocument(d *model.Document) {
	m.doc = d
	m.extracting = false
	m.article.SetDocument(d)
	m.makeLists()
	m.keys = m.keys.forQuestions(len(d.Exchanges) > 0)
	m.SetSize(m.width, m.height)
}

// needsExtraction tells the reader to wait when a key needs what
// extraction finds; it reports whether extraction is still running.
func (m *Model) needsExtraction() bool {
	if m.extracting {
		m.message = "Still reading the article: sections, questions, quotes and entities arrive in a moment."
	}
	return m.extracting
}

// listView draws list pane f, or a spinner while extraction runs.
func (m *Model) listView(f Focus) string {
	if !m.extracting {
		return m.listOf(f).View()
	}
	what := "Finding questions…"
	if f == FocusSidebar {
		what = "Finding entities…"
	}
	return m.spinner.View() + " " + m.styles.ListEmpty.Render(what)
}
