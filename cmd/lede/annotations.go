package main

import (
	"fmt"

	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/library"
)

// The memory is the reader's ui.Annotations too: its marks and
// highlights are kept in the library, anchored so that they survive
// edits of the document, and written by the memory's writer.

// Annotations returns the document's marks, found again in its text by
// Place, which the reader calls first.
func (m *memory) Annotations() map[rune]model.Mention {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.marks
}

// readAnnotations reads the marks of document id from lib, found again
// in the text, for Annotations.
func (m *memory) readAnnotations(lib *library.Library, id int64) {
	anchors, err := lib.Marks(id)
	if err != nil {
		m.fail(fmt.Errorf("%w; the marks were not read", err))
		return
	}
	marks := make(map[rune]model.Mention, len(anchors))
	for letter, a := range anchors {
		p, off, _ := a.Resolve(m.paragraphs)
		marks[letter] = model.Mention{Paragraph: p, Start: off}
	}
	m.mu.Lock()
	m.marks = marks
	m.mu.Unlock()
}

// SetMark keeps byte off of paragraph p as mark letter, to be written by
// the writer.
func (m *memory) SetMark(letter rune, p, off int) {
	a := library.NewAnchor(m.paragraphs, p, off)
	m.queue(func(lib *library.Library, id int64) error {
		if err := lib.SetMark(id, letter, a); err != nil {
			return fmt.Errorf("%w; mark %c was not kept", err, letter)
		}
		return nil
	})
}

// queue hands op to the writer, to run after what was queued before it.
func (m *memory) queue(op func(lib *library.Library, id int64) error) {
	m.mu.Lock()
	m.ops = append(m.ops, op)
	m.mu.Unlock()
	m.poke()
}
