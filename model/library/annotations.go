package library

import (
	"time"
)

// What the reader adds to a document: marks, highlights with notes, and
// corrections of its entities. Each is kept with its document and goes
// when the document is forgotten.

// SetMark sets mark letter of document id at a, replacing the mark of
// that letter.
func (l *Library) SetMark(id int64, letter rune, a Anchor) error {
	_, err := l.db.Exec(`INSERT INTO marks (doc, letter, paragraph, offset, quote, before) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (doc, letter) DO UPDATE SET paragraph = excluded.paragraph, offset = excluded.offset,
		quote = excluded.quote, before = excluded.before`, id, string(letter), a.Paragraph, a.Offset, a.Quote, a.Before)
	return explain(err)
}

// Marks returns the marks of document id by letter.
func (l *Library) Marks(id int64) (map[rune]Anchor, error) {
	rows, err := l.db.Query("SELECT letter, paragraph, offset, quote, before FROM marks WHERE doc = ?", id)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	marks := map[rune]Anchor{}
	for rows.Next() {
		var letter string
		var a Anchor
		if err := rows.Scan(&letter, &a.Paragraph, &a.Offset, &a.Quote, &a.Before); err != nil {
			return nil, explain(err)
		}
		for _, r := range letter {
			marks[r] = a
			break
		}
	}
	return marks, explain(rows.Err())
}

// Highlight is a span of a document the reader highlighted, with a note
// or none.
type Highlight struct {
	// ID is the library's number for it.
	ID int64
	// At is where the span starts; Text is the text highlighted, which
	// ends it.
	At   Anchor
	Text string
	// Note is the reader's note on it, or "".
	Note string
	// Created is when it was highlighted.
	Created time.Time
}

// AddHighlight keeps h as a highlight of document id and returns its ID.
func (l *Library) AddHighlight(id int64, h Highlight) (int64, error) {
	if h.Created.IsZero() {
		h.Created = time.Now()
	}
	res, err := l.db.Exec(`INSERT INTO highlights (doc, paragraph, offset, quote, before, text, note, created)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, h.At.Paragraph, h.At.Offset, h.At.Quote, h.At.Before, h.Text, h.Note, h.Created.UnixMilli())
	if err != nil {
		return 0, explain(err)
	}
	return res.LastInsertId()
}

// SetNote sets the note of highlight id; "" removes it.
func (l *Library) SetNote(id int64, note string) error {
	_, err := l.db.Exec("UPDATE highlights SET note = ? WHERE id = ?", note, id)
	return explain(err)
}

// RemoveHighlight removes highlight id and its note.
func (l *Library) RemoveHighlight(id int64) error {
	_, err := l.db.Exec("DELETE FROM highlights WHERE id = ?", id)
	return explain(err)
}

// Highlights returns the highlights of document id in text order.
func (l *Library) Highlights(id int64) ([]Highlight, error) {
	rows, err := l.db.Query(`SELECT id, paragraph, offset, quote, before, text, note, created FROM highlights
		WHERE doc = ? ORDER BY paragraph, offset, id`, id)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var hs []Highlight
	for rows.Next() {
		var h Highlight
		var created int64
		if err := rows.Scan(&h.ID, &h.At.Paragraph, &h.At.Offset, &h.At.Quote, &h.At.Before, &h.Text, &h.Note, &created); err != nil {
			return nil, explain(err)
		}
		h.Created = time.UnixMilli(created)
		hs = append(hs, h)
	}
	return hs, explain(rows.Err())
}

// Correction is the reader's fix of an entity lede found in a document:
// hidden as wrong, or given another kind.
type Correction struct {
	// Entity is the entity's name as lede found it.
	Entity string
	// Kind is the kind the reader gave it, or "" to keep lede's.
	Kind string
	// Hidden reports that the reader hid it as no entity.
	Hidden bool
}

// SetCorrection keeps c for document id, replacing the entity's earlier
// correction.
func (l *Library) SetCorrection(id int64, c Correction) error {
	_, err := l.db.Exec(`INSERT INTO corrections (doc, entity, kind, hidden) VALUES (?, ?, ?, ?)
		ON CONFLICT (doc, entity) DO UPDATE SET kind = excluded.kind, hidden = excluded.hidden`,
		id, c.Entity, c.Kind, c.Hidden)
	return explain(err)
}

// Corrections returns the corrections of document id, by entity name.
func (l *Library) Corrections(id int64) ([]Correction, error) {
	rows, err := l.db.Query("SELECT entity, kind, hidden FROM corrections WHERE doc = ? ORDER BY entity", id)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var cs []Correction
	for rows.Next() {
		var c Correction
		if err := rows.Scan(&c.Entity, &c.Kind, &c.Hidden); err != nil {
			return nil, explain(err)
		}
		cs = append(cs, c)
	}
	return cs, explain(rows.Err())
}
