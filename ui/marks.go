package ui

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// Annotations is what a Memory that also keeps the reader's marks and
// highlights does; the reader asks its Memory whether it is one. The
// reader calls the setters on the UI's goroutine, so they must not
// block.
type Annotations interface {
	// Annotations returns the marks kept for the document, by letter,
	// each a paragraph and the byte offset in it (Start), and its
	// highlights with their notes. The reader calls it once, after
	// Place and off the UI's goroutine.
	Annotations() (marks map[rune]model.Mention, highlights []Highlight)
	// SetMark keeps byte off of paragraph p as mark letter.
	SetMark(letter rune, p, off int)
	// SetHighlight keeps h: a new highlight, or a new note on the
	// highlight of its span.
	SetHighlight(h Highlight)
	// RemoveHighlight forgets the highlight of span at and its note.
	RemoveHighlight(at model.Mention)
	// Corrections returns the reader's corrections of the document's
	// entities. The reader calls it once, with Annotations.
	Corrections() []Correction
	// SetCorrection keeps c in place of the entity's earlier correction.
	SetCorrection(c Correction)
}

// awaiting is the key that waits for a letter after it: m to set a mark,
// ' to go to one.
type awaiting int

const (
	awaitingNothing awaiting = iota
	awaitingSetMark
	awaitingGoToMark
)

// annotationsOf returns the memory's Annotations, or nil when it keeps
// none.
func annotationsOf(mem Memory) Annotations {
	a, _ := mem.(Annotations)
	return a
}

// recalledAnnotations takes the marks, highlights and corrections the
// memory kept; those set before they came win over them.
func (m *Model) recalledAnnotations(msg recalledMsg) {
	m.recalledHighlights(msg.highlights)
	m.recalledCorrections(msg.corrections)
	for letter, at := range msg.marks {
		if _, ok := m.marks[letter]; !ok {
			m.marks[letter] = at
		}
	}
}

// awaitLetter makes the next key a mark's letter, for m or '.
func (m *Model) awaitLetter(what awaiting) {
	m.awaiting = what
	if what == awaitingSetMark {
		m.message = "Mark: type a letter"
	} else {
		m.message = "Go to mark: type its letter"
	}
}

// letterKey takes the letter after m or ': any other key gives up.
func (m *Model) letterKey(msg tea.KeyPressMsg) {
	what := m.awaiting
	m.awaiting = awaitingNothing
	m.message = ""
	letter, size := utf8.DecodeRuneInString(msg.Text)
	if size == 0 || size != len(msg.Text) || !unicode.IsLetter(letter) {
		if !key.Matches(msg, m.keys.Close) {
			m.message = "A mark is a letter."
		}
		return
	}
	if what == awaitingSetMark {
		m.setMark(letter)
	} else {
		m.goToMark(letter)
	}
}

// setMark marks the reader's place as letter, and keeps it.
func (m *Model) setMark(letter rune) {
	at := m.readingPlace()
	m.marks[letter] = model.Mention{Paragraph: at.paragraph, Start: at.offset}
	if a := annotationsOf(m.opts.Memory); a != nil {
		a.SetMark(letter, at.paragraph, at.offset)
	}
	m.message = fmt.Sprintf("Mark %c set.", letter)
}

// goToMark brings the place marked letter to the top of the article.
func (m *Model) goToMark(letter rune) {
	at, ok := m.marks[letter]
	if !ok {
		m.message = fmt.Sprintf("No mark %c.", letter)
		return
	}
	if at.Paragraph == 0 && at.Start == 0 {
		m.article.ScrollTo(0)
	} else {
		m.article.resumeAt(at.Paragraph, at.Start)
	}
	m.quote = -1
}
