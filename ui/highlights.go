package ui

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// Highlight is a span of the document the reader highlighted with H, and
// the note A put on it, or "".
type Highlight struct {
	// At is the span: a paragraph and byte offsets into its text.
	At model.Mention
	// Note is the reader's note, or "".
	Note string
}

// highlightBefore orders highlights by place in the text, then by
// length, so that each has one place in the list.
func highlightBefore(x, y Highlight) int {
	switch {
	case mentionBefore(x.At, y.At):
		return -1
	case mentionBefore(y.At, x.At):
		return 1
	}
	return x.At.End - y.At.End
}

// focusedSpan is what H highlights and A notes: the question selected in
// the Q&A pane while it has focus; else the span the last jump landed on
// (a quote, an entity's mention, a match); else the paragraph where the
// reader is. ok is false for a document without text.
func (m *Model) focusedSpan() (at model.Mention, ok bool) {
	if m.focus == FocusQA {
		if r, ok := m.qa.Selected(); ok {
			e := m.doc.Exchanges[r.id]
			return model.Mention{Paragraph: e.Start, Start: e.QuestionOffset, End: len(m.doc.Paragraphs[e.Start].Text)}, true
		}
	}
	if s := m.article.spot; s.End > 0 {
		return s, true
	}
	if len(m.doc.Paragraphs) == 0 {
		return model.Mention{}, false
	}
	p := min(max(m.article.Cursor().Paragraph, 0), len(m.doc.Paragraphs)-1)
	return model.Mention{Paragraph: p, End: len(m.doc.Paragraphs[p].Text)}, true
}

// highlightIndex is the index of the highlight of span at, or -1.
func (m *Model) highlightIndex(at model.Mention) int {
	return slices.IndexFunc(m.highlights, func(h Highlight) bool { return h.At == at })
}

// toggleHighlight highlights what has focus, or takes the highlight off
// it when it has one, and keeps the change.
func (m *Model) toggleHighlight() {
	at, ok := m.focusedSpan()
	if !ok {
		m.message = "Nothing to highlight."
		return
	}
	mem := annotationsOf(m.opts.Memory)
	if i := m.highlightIndex(at); i >= 0 {
		m.highlights = slices.Delete(m.highlights, i, i+1)
		if mem != nil {
			mem.RemoveHighlight(at)
		}
		m.message = "Highlight removed."
	} else {
		m.putHighlight(Highlight{At: at})
		m.message = "Highlighted; " + m.keys.Note.Help().Key + " adds a note."
	}
	m.showHighlights()
}

// putHighlight adds h, or sets the note of the highlight of its span,
// and keeps it.
func (m *Model) putHighlight(h Highlight) {
	if i := m.highlightIndex(h.At); i >= 0 {
		m.highlights[i] = h
	} else {
		i, _ := slices.BinarySearchFunc(m.highlights, h, highlightBefore)
		m.highlights = slices.Insert(m.highlights, i, h)
	}
	if mem := annotationsOf(m.opts.Memory); mem != nil {
		mem.SetHighlight(h)
	}
}

// showHighlights gives the article the spans to paint as highlights.
func (m *Model) showHighlights() {
	spans := make([]model.Mention, len(m.highlights))
	for i, h := range m.highlights {
		spans[i] = h.At
	}
	m.article.kept = spans
}

// recalledHighlights takes the highlights the memory kept, with those
// made before they came.
func (m *Model) recalledHighlights(hs []Highlight) {
	for _, h := range hs {
		if h.At.Paragraph < len(m.doc.Paragraphs) && m.highlightIndex(h.At) < 0 {
			i, _ := slices.BinarySearchFunc(m.highlights, h, highlightBefore)
			m.highlights = slices.Insert(m.highlights, i, h)
		}
	}
	m.showHighlights()
}

// openNote starts typing the note of what has focus, highlighted first
// when it is not yet.
func (m *Model) openNote() tea.Cmd {
	at, ok := m.focusedSpan()
	if !ok {
		m.message = "Nothing to note."
		return nil
	}
	note := ""
	if i := m.highlightIndex(at); i >= 0 {
		note = m.highlights[i].Note
	}
	m.noting = at
	return m.note.Start(note)
}

// noteKey edits the note: enter keeps it (highlighting its span), esc
// drops the edit.
func (m *Model) noteKey(msg tea.KeyPressMsg) tea.Cmd {
	event, cmd := m.note.Update(msg)
	if event == filterAccepted {
		m.putHighlight(Highlight{At: m.noting, Note: strings.TrimSpace(m.note.Value())})
		m.showHighlights()
		m.message = "Note kept."
	}
	return cmd
}

// openHighlights opens the list of highlights, each with its note.
func (m *Model) openHighlights() tea.Cmd {
	if len(m.highlights) == 0 {
		m.message = "No highlights yet: " + m.keys.Highlight.Help().Key + " highlights what has focus."
		return nil
	}
	rows := make([]row, len(m.highlights))
	for i, h := range m.highlights {
		text := m.doc.Paragraphs[h.At.Paragraph].Text
		detail := fmt.Sprintf("¶%d", h.At.Paragraph+1)
		if h.Note != "" {
			detail += " · " + h.Note
		}
		rows[i] = row{
			text:   strings.Join(strings.Fields(text[min(h.At.Start, len(text)):min(h.At.End, len(text))]), " "),
			detail: detail,
			id:     i,
			at:     h.At,
		}
	}
	m.newOverlay(overlayHighlights, "Highlights", rows, 2, true)
	return nil
}
