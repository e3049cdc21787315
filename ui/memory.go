package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// recalledMsg brings the place a Memory kept for the document, and the
// marks, highlights and entity corrections when it keeps them.
type recalledMsg struct {
	memory            Memory
	paragraph, offset int
	ok                bool
	marks             map[rune]model.Mention
	highlights        []Highlight
	corrections       []Correction
}

// recall looks the document's place up in its memory, and its marks,
// highlights and corrections, off the UI's goroutine.
func recall(mem Memory) tea.Cmd {
	return func() tea.Msg {
		p, off, ok := mem.Place()
		msg := recalledMsg{memory: mem, paragraph: p, offset: off, ok: ok}
		if a := annotationsOf(mem); a != nil {
			msg.marks, msg.highlights = a.Annotations()
			msg.corrections = a.Corrections()
		}
		return msg
	}
}

// memoryState is how far the reader is with its Memory: waiting for the
// place, holding it until the article is laid out, or done, when the
// reader's place is kept as it moves.
type memoryState int

const (
	memoryWaiting memoryState = iota
	memoryPending
	memoryDone
)

// recalled moves to the place the memory kept, unless a key moved the
// reader first; before the article is laid out it waits for SetSize.
func (m *Model) recalled(msg recalledMsg) {
	if msg.memory != m.opts.Memory || m.memory != memoryWaiting {
		return
	}
	m.recalledAnnotations(msg)
	if !msg.ok || m.moved {
		// The top of an untouched article is not worth writing; a
		// place a key moved to was told the memory already.
		m.memory = memoryDone
		if !m.moved {
			m.remembered = m.readingPlace()
		}
		return
	}
	m.resume, m.memory = msg, memoryPending
	m.resumeNow()
}

// resumeNow moves to the recalled place once the article has a layout,
// and says so.
func (m *Model) resumeNow() {
	if m.memory != memoryPending || m.width <= 0 || m.height <= 0 {
		return
	}
	m.memory = memoryDone
	if m.moved {
		return
	}
	m.article.resumeAt(m.resume.paragraph, m.resume.offset)
	m.remembered = m.readingPlace()
	m.message = fmt.Sprintf("resumed at %d%%", m.article.Percent())
}

// remember tells the memory where the reader is when that changed, once
// the recalled place has been dealt with or a key moved the reader: a
// reader that pages down and quits before the lookup lands keeps its
// place. A reader of a document's head tells it nothing until the whole
// is there, as the memory knows places in the whole only.
func (m *Model) remember() {
	if m.opts.Memory == nil || m.reading || m.unread != nil || m.memory != memoryDone && !m.moved {
		return
	}
	if at := m.readingPlace(); at != m.remembered {
		m.remembered = at
		m.opts.Memory.SetPlace(at.paragraph, at.offset)
	}
}

// place is a paragraph index and a byte offset in its text.
type place struct{ paragraph, offset int }

// readingPlace is where the reader is, as its memory keeps it: the line
// at the top of the article.
func (m *Model) readingPlace() place {
	p, off := m.article.readingPlace()
	return place{p, off}
}
