package ui

import (
	"fmt"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// backgroundSearchWords is the length of text, in words as the reading
// time counts them (Document.Words), from which a search runs off the UI
// goroutine, so that typing never waits for it: about 1 MB of prose. A
// letter in 10 MB of text has a million matches.
const backgroundSearchWords = 160_000

// prompt is the input on the bottom line: a search of the article, or the
// filter of the focused list.
type prompt struct {
	box filterBox
	// target is the pane the prompt acts on.
	target Focus
	// origin is where the reader was when the search began; matches are
	// sought from there as the query grows.
	origin model.Mention
	// generation counts the searches begun; a search's matches that come
	// back after another began, or after the search was left, are
	// dropped, and a background search stops as soon as it sees the count
	// move on. It is read by the searches running in the background.
	generation atomic.Int64
}

// searchedMsg brings back the matches of a search run in the background.
type searchedMsg struct {
	reader     *Model
	generation int64
	matches    []model.Mention
}

// finding is what n and N step through: the matches of a search or the
// mentions of the selected entity, painted in the article.
type finding struct {
	// label names it in the status line: "match" or an entity's name.
	label string
	spots []model.Mention
	// current is the index of the spot the reader is on, or -1.
	current int
}

// status reads "match 2/5", or "Xiaomi 3/9" for an entity.
func (f finding) status() string {
	if len(f.spots) == 0 {
		return "no matches"
	}
	return fmt.Sprintf("%s %d/%d", f.label, f.current+1, len(f.spots))
}

// openPrompt starts a search of the article, or a filter of the focused
// list.
func (m *Model) openPrompt() tea.Cmd {
	p := &m.prompt
	p.target, p.origin = m.focus, m.article.Cursor()
	if m.focus == FocusArticle {
		p.box.list = nil
		p.box.SetPrompt("/")
		return p.box.Start("")
	}
	p.box.list = m.focusedList()
	p.box.SetPrompt("filter " + m.focus.String() + ": ")
	return p.box.Start(p.box.list.Filter())
}

// promptKey edits the prompt: enter keeps the result, esc drops it, and
// every change searches or filters again.
func (m *Model) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := &m.prompt
	event, cmd := p.box.Update(msg)
	switch {
	case event == filterCancelled && p.target == FocusArticle:
		m.clearFind()
	case event == filterCancelled:
		p.box.Clear()
	case event == filterChanged && p.target == FocusArticle:
		return tea.Batch(cmd, m.search(p.box.Value()))
	}
	return cmd
}

// search highlights every match of q and moves to the first one at or
// after where the search began. In a long text the matches are sought in
// the background, and shown when they come back (see searchedMsg); a
// search that a newer one overtakes stops and brings nothing back.
func (m *Model) search(q string) tea.Cmd {
	generation := m.prompt.generation.Add(1)
	if q == "" {
		m.clearFind()
		return nil
	}
	if m.doc.Words < backgroundSearchWords {
		m.showMatches(m.doc.Search(q))
		return nil
	}
	doc, current := m.doc, &m.prompt.generation
	return func() tea.Msg {
		matches, done := doc.SearchUntil(q, func() bool { return current.Load() != generation })
		if !done {
			return nil
		}
		return searchedMsg{reader: m, generation: generation, matches: matches}
	}
}

// searched shows the matches of a background search still wanted: this
// reader's (a shelf switches readers), and its latest.
func (m *Model) searched(msg searchedMsg) {
	if m.owns(msg) && msg.generation == m.prompt.generation.Load() {
		m.showMatches(msg.matches)
	}
}

// showMatches highlights matches, a search's, and moves to the first one
// at or after where the search began.
func (m *Model) showMatches(matches []model.Mention) {
	m.find = finding{label: "match", spots: matches, current: -1}
	m.article.SetHighlights(matches)
	if len(matches) == 0 {
		m.article.Paint(model.Mention{})
		return
	}
	o := m.prompt.origin
	i := step(len(matches), 1, func(i int) model.Mention { return matches[i] },
		model.Mention{Paragraph: o.Paragraph, Start: o.Start - 1})
	if i < 0 {
		i = 0
	}
	m.goToFind(i)
}

// selectEntity highlights every mention of entity i and jumps to the
// first.
func (m *Model) selectEntity(i int) {
	e := m.doc.Entities[i]
	m.find = finding{label: e.Name, spots: e.Mentions, current: -1}
	m.article.SetHighlights(e.Mentions)
	m.goToFind(0)
}

// jumpFind moves to the next (dir 1) or previous (dir -1) match or
// mention after where the reader is, wrapping around at the ends.
func (m *Model) jumpFind(dir int) {
	f := &m.find
	if len(f.spots) == 0 {
		if f.label == "" {
			m.message = "Nothing to step through: search with " + m.keys.Search.Help().Key + " or pick an entity."
		} else {
			m.message = "No matches."
		}
		return
	}
	i := step(len(f.spots), dir, func(i int) model.Mention { return f.spots[i] }, m.article.Cursor())
	if i < 0 {
		i = 0
		if dir < 0 {
			i = len(f.spots) - 1
		}
		m.message = "Search wrapped."
	}
	m.goToFind(i)
}

// goToFind jumps to spot i of the finding.
func (m *Model) goToFind(i int) {
	m.find.current = i
	m.article.JumpToSpan(m.find.spots[i])
	m.afterJump()
}

// clearFind drops the search or entity highlights, and the matches of a
// search still running.
func (m *Model) clearFind() {
	m.prompt.generation.Add(1)
	m.find = finding{}
	m.article.SetHighlights(nil)
	m.article.Paint(model.Mention{})
}
