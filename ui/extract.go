package ui

import (
	"errors"

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

// wholeMsg brings the whole document, or why it could not be read, for
// the reader of its head.
type wholeMsg struct {
	of, doc *model.Document
	err     error
}

// readWhole reads the whole of the document whose head is shown, off the
// UI's goroutine (see Options.ReadWhole).
func readWhole(head *model.Document, read func() (*model.Document, error)) tea.Cmd {
	return func() tea.Msg {
		d, err := read()
		return wholeMsg{of: head, doc: d, err: err}
	}
}

// setWhole shows the whole document in place of its head, at the
// reader's place, and starts what waited for it: extraction and the
// lookup of the place the memory kept. When the whole could not be read
// the reader says so once and keeps the head, unextracted.
func (m *Model) setWhole(msg wholeMsg) tea.Cmd {
	m.reading = false
	if msg.err != nil || msg.doc == nil {
		m.unread = msg.err
		if m.unread == nil {
			m.unread = errors.New("no document")
		}
		m.extracting = false
		m.message = "Could not read the whole article (" + model.OneLine(m.unread.Error()) + "): only its beginning is shown."
		return nil
	}
	m.doc = msg.doc
	m.article.SetWhole(msg.doc)
	m.makeLists()
	m.SetSize(m.width, m.height)
	return tea.Batch(m.start()...)
}

// owns reports whether msg answers a command of this reader rather than
// another reader's on the same shelf: the extraction of its document, a
// background search of its text, a tick of its spinner, or the place its
// memory recalled.
func (m *Model) owns(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case wholeMsg:
		return msg.of == m.doc
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
	switch {
	case m.unread != nil:
		m.message = "Only the beginning of the article was read: it has no sections, questions, quotes or entities."
		return true
	case m.extracting:
		m.message = "Still reading the article: sections, questions, quotes and entities arrive in a moment."
	}
	return m.extracting
}

// needsWhole tells the reader to wait when a key needs the whole
// document (a search, a mark, its end) while only its head is shown; it
// reports whether the whole is still being read.
func (m *Model) needsWhole() bool {
	if m.reading {
		m.message = "Still reading the article: search, marks and its end arrive in a moment."
	}
	return m.reading
}

// listView draws list pane f, or a spinner while extraction runs.
func (m *Model) listView(f Focus) string {
	if m.unread != nil {
		return m.styles.ListEmpty.Render("Not found: only the beginning of the article was read.")
	}
	if !m.extracting {
		return m.listOf(f).View()
	}
	what := "Finding questions…"
	if f == FocusSidebar {
		what = "Finding entities…"
	}
	return m.spinner.View() + " " + m.styles.ListEmpty.Render(what)
}
