package ui

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/rivo/uniseg"
)

// jumpSection moves to the next (dir 1) or previous (dir -1) section,
// stopping at the first and the last.
func (m *Model) jumpSection(dir int) {
	secs := m.doc.Sections
	cur := m.article.Cursor()
	if len(secs) == 0 || len(m.doc.Paragraphs) == 0 {
		m.message = "This article has no sections."
		return
	}
	k := m.doc.Annotation(cur.Paragraph).Section
	target := k + 1
	if dir < 0 {
		target = k
		if cur.Paragraph == secs[k].Start && cur.Start <= 0 {
			target = k - 1
		}
	}
	if target < 0 || target >= len(secs) {
		m.message = "At the " + ends(dir, "last", "first") + " section."
		return
	}
	m.article.JumpToSection(target)
	m.afterJump()
}

// nextPlace finds, among n places of a kind (what, plural) in text
// order, the next after the reader (dir 1) or the previous (dir -1); when
// there is none it says so and returns -1.
func (m *Model) nextPlace(n, dir int, at func(int) model.Mention, what string) int {
	if n == 0 {
		m.message = "No " + what + " in this article."
		return -1
	}
	i := step(n, dir, at, m.article.Cursor())
	if i < 0 {
		m.message = "No more " + what + " " + ends(dir, "below", "above") + "."
	}
	return i
}

// jumpQuestion moves to the next or previous question-and-answer exchange.
func (m *Model) jumpQuestion(dir int) {
	ex := m.doc.Exchanges
	i := m.nextPlace(len(ex), dir, func(i int) model.Mention {
		return model.Mention{Paragraph: ex[i].Start, Start: ex[i].QuestionOffset}
	}, "questions")
	if i < 0 {
		return
	}
	e := ex[i]
	m.article.JumpTo(e.Start, e.QuestionOffset, true)
	if e.QuestionOffset > 0 {
		// The question follows a lead-in: paint the question itself.
		m.article.Paint(model.Mention{Paragraph: e.Start, Start: e.QuestionOffset, End: len(m.doc.Paragraphs[e.Start].Text)})
	}
	m.afterJump()
}

// jumpQuote moves to the next or previous quote and paints it.
func (m *Model) jumpQuote(dir int) {
	qs := m.doc.Quotes
	i := m.nextPlace(len(qs), dir, func(i int) model.Mention { return quoteSpan(qs[i]) }, "quotes")
	if i < 0 {
		return
	}
	m.article.JumpToQuote(qs[i])
	m.afterJump()
	m.quote = i
}

// ends picks the word for the end a move in direction dir runs into.
func ends(dir int, forward, backward string) string {
	if dir > 0 {
		return forward
	}
	return backward
}

// quoteSpan is where a quote stands in the text.
func quoteSpan(q model.Quote) model.Mention {
	return model.Mention{Paragraph: q.Paragraph, Start: q.Start, End: q.End}
}

// step finds, among n places in text order, the first after cur (dir 1)
// or the last before it (dir -1); -1 when there is none.
func step(n, dir int, at func(int) model.Mention, cur model.Mention) int {
	after := sort.Search(n, func(i int) bool { return mentionBefore(cur, at(i)) })
	if dir > 0 {
		if after < n {
			return after
		}
		return -1
	}
	i := after - 1
	for i >= 0 && at(i).Paragraph == cur.Paragraph && at(i).Start == cur.Start {
		i--
	}
	return i
}

// afterJump keeps the lists in step with where the reader now is.
func (m *Model) afterJump() {
	m.quote = -1
	p := m.article.Cursor().Paragraph
	for i, e := range m.doc.Exchanges {
		if p >= e.Start && p < e.End {
			m.qa.SelectID(i)
			break
		}
	}
}

// position describes where the reader is for the status line.
func (m *Model) position() []string {
	a := m.article
	var parts []string
	if n := len(m.doc.Sections); n > 0 && len(m.doc.Paragraphs) > 0 {
		parts = append(parts, fmt.Sprintf("section %d/%d", m.doc.Annotation(a.cursor.Paragraph).Section+1, n))
	}
	if n := len(m.doc.Quotes); n > 0 {
		k := m.quote + 1
		if m.quote < 0 {
			k = sort.Search(n, func(i int) bool { return mentionBefore(a.cursor, quoteSpan(m.doc.Quotes[i])) })
		}
		if k == 0 {
			parts = append(parts, count(n, "quote", "quotes"))
		} else {
			parts = append(parts, fmt.Sprintf("quote %d/%d", k, n))
		}
	}
	if m.find.label != "" {
		parts = append(parts, m.find.status())
	}
	if m.extracting {
		parts = append(parts, m.spinner.View()+" reading")
	}
	if m.reading {
		return parts // a share of the head is no share of the whole
	}
	return append(parts, fmt.Sprintf("%d%%", a.Percent()))
}

// copyQuote copies the current quote, or in the Q&A pane the selected
// answer, with its citation, through the terminal's clipboard (OSC 52),
// and says where the text went (see clipboard).
func (m *Model) copyQuote() tea.Cmd {
	var text string
	var q model.Quote
	switch r, ok := m.qa.Selected(); {
	case m.focus == FocusQA && ok:
		e := m.doc.Exchanges[r.id]
		text, q = withoutOwnMarks(m.doc.Answer(e)), model.Quote{Speaker: e.Answerer, Kind: model.QuoteTurn}
	case len(m.doc.Quotes) > 0:
		i := m.quote
		if i < 0 {
			i = step(len(m.doc.Quotes), 1, func(i int) model.Mention { return quoteSpan(m.doc.Quotes[i]) },
				model.Mention{Paragraph: m.article.Cursor().Paragraph, Start: m.article.Cursor().Start - 1})
		}
		if i < 0 {
			i = len(m.doc.Quotes) - 1
		}
		q = m.doc.Quotes[i]
		text = quoteWords(m.doc, q)
	default:
		m.message = "No quote to copy."
		return nil
	}
	clipped, cut := clip(text, copyLimit)
	what := ""
	if cut {
		what = fmt.Sprintf(" the first %s of %s", sizeText(len(clipped)), sizeText(len(text)))
		clipped = strings.TrimRightFunc(clipped, unicode.IsSpace) + "…"
	}
	c := citation(m.doc, q, clipped)
	// The message shows on one line: a screen's width of it is enough.
	m.message, _ = clip(m.clipboard.copied(what, oneLine(c)), messageLimit)
	if !m.clipboard.sends() {
		return nil
	}
	return tea.SetClipboard(c)
}

// messageLimit is more of a message than any screen line shows, in bytes.
const messageLimit = 4 << 10

// copyLimit is the most text y copies, in bytes: an answer of megabytes is
// not a quote, and terminals cap what an OSC 52 write may hold (the
// sequence is a third longer, in base64).
const copyLimit = 100 << 10

// clip cuts text to at most limit bytes, between two graphemes, and
// reports whether it cut.
func clip(text string, limit int) (string, bool) {
	if len(text) <= limit {
		return text, false
	}
	end, state := 0, -1
	for rest := text; rest != ""; {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if end+len(cluster) > limit {
			break
		}
		end += len(cluster)
	}
	return text[:end], true
}

// sizeText writes a size in bytes as "100 KB" or "9.5 MB", rounded.
func sizeText(n int) string {
	if n < 1<<20-512 {
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
