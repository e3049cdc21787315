package main

import (
	"fmt"

	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/library"
	"github.com/lede-tui/lede/ui"
)

// The memory is the reader's ui.Annotations too: its marks and
// highlights are kept in the library, anchored so that they survive
// edits of the document, and its corrections of entities by the
// entity's name, all written by the memory's writer.

// Annotations returns the document's marks and highlights, found again
// in its text by Place, which the reader calls first.
func (m *memory) Annotations() (map[rune]model.Mention, []ui.Highlight) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.marks, m.highlights
}

// readAnnotations reads the marks and highlights of document id from
// lib, found again in the text, for Annotations, and its corrections of
// entities, for Corrections.
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
	kept, err := lib.Highlights(id)
	if err != nil {
		m.fail(fmt.Errorf("%w; the highlights were not read", err))
		return
	}
	if len(m.paragraphs) == 0 {
		kept = nil
	}
	highlights := make([]ui.Highlight, 0, len(kept))
	ids := make(map[model.Mention]int64, len(kept))
	for _, h := range kept {
		p, off, _ := h.At.Resolve(m.paragraphs)
		at := model.Mention{Paragraph: p, Start: off, End: min(off+len(h.Text), len(m.paragraphs[p]))}
		if _, twice := ids[at]; twice {
			continue
		}
		ids[at] = h.ID
		highlights = append(highlights, ui.Highlight{At: at, Note: h.Note})
	}
	fixes, err := lib.Corrections(id)
	if err != nil {
		m.fail(fmt.Errorf("%w; the corrections of entities were not read", err))
		return
	}
	corrections := make([]ui.Correction, len(fixes))
	for i, c := range fixes {
		corrections[i] = ui.Correction{Entity: c.Entity, Kind: model.EntityKind(c.Kind), Hidden: c.Hidden}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.marks, m.highlights, m.corrections = marks, highlights, corrections
	for at, id := range ids {
		m.highlightIDs[at] = id
	}
}

// Corrections returns the reader's corrections of the document's
// entities, as Place read them.
func (m *memory) Corrections() []ui.Correction {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.corrections
}

// SetCorrection keeps c, to be written by the writer.
func (m *memory) SetCorrection(c ui.Correction) {
	kept := library.Correction{Entity: c.Entity, Kind: string(c.Kind), Hidden: c.Hidden}
	m.queue(func(lib *library.Library, id int64) error {
		if err := lib.SetCorrection(id, kept); err != nil {
			return fmt.Errorf("%w; the correction of %s was not kept", err, c.Entity)
		}
		return nil
	})
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

// SetHighlight keeps h, to be written by the writer: a new highlight,
// or the new note of the one kept for its span.
func (m *memory) SetHighlight(h ui.Highlight) {
	text := m.paragraphs[h.At.Paragraph]
	kept := library.Highlight{
		At:   library.NewAnchor(m.paragraphs, h.At.Paragraph, h.At.Start),
		Text: text[min(h.At.Start, len(text)):min(h.At.End, len(text))],
		Note: h.Note,
	}
	m.queue(func(lib *library.Library, id int64) error {
		m.mu.Lock()
		hid, ok := m.highlightIDs[h.At]
		m.mu.Unlock()
		if ok {
			if err := lib.SetNote(hid, h.Note); err != nil {
				return fmt.Errorf("%w; the note was not kept", err)
			}
			return nil
		}
		hid, err := lib.AddHighlight(id, kept)
		if err != nil {
			return fmt.Errorf("%w; the highlight was not kept", err)
		}
		m.mu.Lock()
		m.highlightIDs[h.At] = hid
		m.mu.Unlock()
		return nil
	})
}

// RemoveHighlight forgets the highlight of span at, by the writer.
func (m *memory) RemoveHighlight(at model.Mention) {
	m.queue(func(lib *library.Library, id int64) error {
		m.mu.Lock()
		hid, ok := m.highlightIDs[at]
		delete(m.highlightIDs, at)
		m.mu.Unlock()
		if !ok {
			return nil
		}
		if err := lib.RemoveHighlight(hid); err != nil {
			return fmt.Errorf("%w; the highlight was not removed", err)
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
