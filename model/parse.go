package model

import (
	"errors"
	"slices"
)

// ErrEmpty is returned for input with no readable text.
var ErrEmpty = errors.New("no text to read")

// Parse reads data as an article and extracts its structure: it is Read
// followed by Extract. name is used in error messages and kept as the
// document's Name.
func Parse(name string, data []byte) (*Document, error) {
	d, err := Read(name, data)
	if err != nil {
		return nil, err
	}
	d.Extract()
	return d, nil
}

// Read turns raw bytes into a Document with title and paragraphs, web
// boilerplate removed, but nothing extracted yet, detecting the format from
// the content and name. See Input.Read.
func Read(name string, data []byte) (*Document, error) {
	return Input{Name: name, Data: data}.Read()
}

// Extracted reports whether Extract has run on the document.
func (d *Document) Extracted() bool { return d.extracted }

// Clone returns a copy of the document that Extract can fill in while the
// original is read elsewhere: the paragraphs are copied (their text is
// shared, as strings are immutable), the extracted lists are not shared.
func (d *Document) Clone() *Document {
	c := *d
	c.Paragraphs = slices.Clone(d.Paragraphs)
	c.Removed = slices.Clone(d.Removed)
	c.Sections, c.Turns, c.Exchanges, c.Quotes, c.Entities = nil, nil, nil, nil, nil
	c.extracted = false
	return &c
}

// Extract finds sections, speaker turns, question-and-answer exchanges,
// quotes and entities. It replaces whatever an earlier call found.
func (d *Document) Extract() {
	d.extracted, d.work = true, 0
	x := d.newIndex()
	d.extractTurns()
	d.extractExchanges()
	d.extractSections(x)
	d.extractQuotes(x)
	d.extractEntities(x)
}
