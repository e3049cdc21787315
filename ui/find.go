package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// prompt is the input on the bottom line: a search of the article, or the
// filter of the focused list.
type prompt struct {
	input  textinput.Model
	active bool
	// target is the pane the prompt acts on.
	target Focus
	// origin is where the reader was when the search began; matches are
	// sought from there as the query grows.
	origin model.Mention
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
	p.active, p.target, p.origin = true, m.focus, m.article.cursor
	p.input.Reset()
	if m.focus == FocusArticle {
		p.input.Prompt = "/"
	} else {
		p.input.Prompt = "filter " + m.focus.String() + ": "
		p.input.SetValue(m.focusedList().filter)
	}
	p.input.SetWidth(max(m.width-len(p.input.Prompt)-1, 1))
	return p.input.Focus()
}

// promptKey edits the prompt: enter keeps the result, esc drops it, and
// every change searches or filters again.
func (m *Model) promptKey(msg tea.KeyPressMsg) tea.Cmd {
	p := &m.prompt
	switch {
	case key.Matches(msg, m.keys.Enter):
		p.active = false
		p.input.Blur()
		return nil
	case key.Matches(msg, m.keys.Close):
		p.active = false
		p.input.Blur()
		if p.target == FocusArticle {
			m.clearFind()
		} else {
			m.focusedList().SetFilter("")
		}
		return nil
	case msg.String() == "ctrl+c":
		return tea.Quit
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if q := p.input.Value(); q != before {
		if p.target == FocusArticle {
			m.search(q)
		} else {
			m.focusedList().SetFilter(q)
		}
	}
	return cmd
}

// search highlights every match of q and moves to the first one at or
// after where the search began.
func (m *Model) search(q string) {
	matches := m.doc.Search(q)
	if q == "" {
		m.clearFind()
		return
	}
	m.find = finding{label: "match", spots: matches, current: -1}
	m.article.SetHighlights(matches)
	if len(matches) == 0 {
		m.article.spot = model.Mention{}
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
			m.message = "Nothing to step through: search with / or pick an entity."
		} else {
			m.message = "No matches."
		}
		return
	}
	i := step(len(f.spots), dir, func(i int) model.Mention { return f.spots[i] }, m.article.cursor)
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

// clearFind drops the search or entity highlights.
func (m *Model) clearFind() {
	m.find = finding{}
	m.article.SetHighlights(nil)
	m.article.spot = model.Mention{}
}
