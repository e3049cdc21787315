package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

// overlayKind tells the lists that open over the panes apart.
type overlayKind int

const (
	overlayContents overlayKind = iota
	overlayQuotes
	overlayHighlights
)

// overlay is a list over the panes (the contents, the quotes or the
// highlights). Its keys win over the reader's while it is open: j/k, the
// arrows and ctrl+n/ctrl+p move in it, / starts typing a filter, and
// enter jumps to the selected item.
type overlay struct {
	kind   overlayKind
	title  string
	list   list
	filter filterBox
	keys   overlayKeyMap
	styles *Styles
}

// openContents opens the list of sections, the current one selected.
func (m *Model) openContents() tea.Cmd {
	if len(m.doc.Sections) == 0 {
		m.message = "This article has no sections."
		return nil
	}
	rows := make([]row, len(m.doc.Sections))
	for i, s := range m.doc.Sections {
		title := s.Title
		if title == "" {
			title = fmt.Sprintf("Section %d", i+1)
		}
		rows[i] = row{
			text:  fmt.Sprintf("%d. %s", i+1, title),
			count: count(s.End-s.Start, "par.", "pars."),
			id:    i,
			at:    model.Mention{Paragraph: s.Start},
		}
	}
	o := m.newOverlay(overlayContents, "Contents", rows, 1, false)
	if len(m.doc.Paragraphs) > 0 {
		o.list.SelectID(m.doc.Annotation(m.article.Cursor().Paragraph).Section)
	}
	return nil
}

// openQuotes opens the list of quotes, each with its kind, speaker and
// cue; quotations stand in marks, reported speech does not.
func (m *Model) openQuotes() tea.Cmd {
	if len(m.doc.Quotes) == 0 {
		m.message = "No quotes in this article."
		return nil
	}
	rows := make([]row, len(m.doc.Quotes))
	for i, q := range m.doc.Quotes {
		speaker := q.Speaker
		if speaker == "" {
			speaker = "unattributed"
		}
		detail := kindLabel(q.Kind) + " — " + speaker
		if q.Cue != "" {
			detail += " · " + q.Cue
		}
		rows[i] = row{
			text:   shownQuote(m.doc, q),
			detail: detail,
			id:     i,
			at:     quoteSpan(q),
		}
	}
	o := m.newOverlay(overlayQuotes, "Quotes", rows, 2, true)
	if m.quote >= 0 {
		o.list.SelectID(m.quote)
	}
	return nil
}

// newOverlay opens an overlay of rows.
func (m *Model) newOverlay(kind overlayKind, title string, rows []row, maxLines int, gap bool) *overlay {
	o := &overlay{kind: kind, title: title, styles: m.styles, keys: defaultOverlayKeys()}
	o.list = newList(rows, maxLines, gap, "Empty.", m.styles)
	o.filter = newFilterBox("filter: ", &o.list, "jump", false, m.styles)
	o.SetSize(m.width, m.layout.bodyHeight)
	m.overlay = o
	return o
}

// SetSize fits the overlay inside a w by h area.
func (o *overlay) SetSize(w, h int) {
	inner := max(min(w-4, 100), 1)
	o.list.SetSize(inner, max(h-6, 1))
	o.filter.SetWidth(inner)
}

// The messages an overlay sends its reader after a key, which the reader
// takes at once: to close it, or to close it and jump to an item.
type (
	// closeOverlayMsg closes the overlay.
	closeOverlayMsg struct{}
	// sectionJumpMsg jumps to the heading of a section.
	sectionJumpMsg struct{ section int }
	// quoteJumpMsg jumps to a quote and paints it.
	quoteJumpMsg struct{ quote int }
	// highlightJumpMsg jumps to a highlight.
	highlightJumpMsg struct{ highlight int }
)

// Update moves in the overlay; / types a filter, which narrows the list
// as the reader types; esc stops typing and clears the filter, then
// closes; enter jumps to the selected item. It returns the message for
// the reader, or nil, and a command.
func (o *overlay) Update(msg tea.KeyPressMsg) (tea.Msg, tea.Cmd) {
	k := o.keys
	if o.filter.typing {
		event, cmd := o.filter.Update(msg)
		switch event {
		case filterAccepted:
			return o.jump(), cmd
		case filterCancelled:
			o.filter.Clear()
		}
		return nil, cmd
	}
	switch {
	case key.Matches(msg, k.Quit):
		return nil, tea.Quit
	case key.Matches(msg, k.Close) && o.filter.Value() != "":
		o.filter.Clear()
	case key.Matches(msg, k.Close):
		return closeOverlayMsg{}, nil
	case key.Matches(msg, k.Jump):
		return o.jump(), nil
	case key.Matches(msg, k.Filter):
		return nil, o.filter.Start(o.filter.Value())
	default:
		k.move(&o.list, msg)
	}
	return nil, nil
}

// jump is the message that jumps to the selected item, or closes the
// overlay when nothing is selected.
func (o *overlay) jump() tea.Msg {
	r, ok := o.list.Selected()
	switch {
	case !ok:
		return closeOverlayMsg{}
	case o.kind == overlayContents:
		return sectionJumpMsg{r.id}
	case o.kind == overlayHighlights:
		return highlightJumpMsg{r.id}
	}
	return quoteJumpMsg{r.id}
}

// overlayDone closes the overlay and does what it asked.
func (m *Model) overlayDone(msg tea.Msg) {
	m.overlay = nil
	switch msg := msg.(type) {
	case sectionJumpMsg:
		m.article.JumpToSection(msg.section)
		m.afterJump()
	case quoteJumpMsg:
		m.article.JumpToQuote(m.doc.Quotes[msg.quote])
		m.afterJump()
		m.quote = msg.quote
	case highlightJumpMsg:
		at := m.highlights[msg.highlight].At
		m.article.JumpTo(at.Paragraph, at.Start, false)
		m.afterJump()
	default:
		return
	}
	m.setFocus(FocusArticle)
}

// View draws the overlay in a box centred in a w by h area, its hint
// drawn by hm from the keys that act now: the filter's while typing, else
// the overlay's.
func (o *overlay) View(hm help.Model, w, h int) string {
	box := frame(o.styles.Cells, o.styles.OverlayBox, o.lines(hm), o.inner(w))
	return placeCentre(o.styles.Cells, box, w, h)
}

// overlayListLine is the line of the box's text where the list begins,
// under the title, the filter and a blank line.
const overlayListLine = 3

// lines are the lines of text inside the overlay's box: the title, the
// filter, the list and the hint.
func (o *overlay) lines(hm help.Model) []string {
	var hint, input string
	switch {
	case o.filter.typing:
		hint, input = hm.ShortHelpView(o.filter.ShortHelp()), o.filter.View(hm, o.styles.Cells)
	case o.filter.Value() != "":
		hint, input = hm.ShortHelpView(o.keys.ShortHelp()), o.styles.ListDetail.Render("filter: "+o.filter.Value())
	default:
		hint = hm.ShortHelpView(o.keys.ShortHelp())
	}
	body := strings.Join([]string{o.title, input, "", o.list.View(), "", hint}, "\n")
	return strings.Split(body, "\n")
}

// inner is the width of the text inside the box in a w cells wide area.
func (o *overlay) inner(w int) int { return max(min(w-4, 100), 1) }

// rowAt returns the row of the list that the box, centred in a w by h
// area, draws at cell (x, y) of the area.
func (o *overlay) rowAt(hm help.Model, x, y, w, h int) (int, bool) {
	lines := o.lines(hm)
	rows := len(lines) + 2 // and the border
	top := max(h-rows, 0) / 2
	width := o.inner(w) + 2 + o.styles.OverlayBox.GetPaddingLeft() + o.styles.OverlayBox.GetPaddingRight()
	left := max(w-width, 0) / 2
	if x <= left || x >= left+width-1 {
		return 0, false
	}
	return o.list.rowAt(y - top - 1 - overlayListLine)
}

// frame draws lines inside the border and padding of box, every line
// fitted to inner cells as cells measures them. (lipgloss measures
// grapheme clusters, so its boxes come out ragged where the terminal
// counts characters.)
func frame(cells ansi.Method, box lipgloss.Style, lines []string, inner int) string {
	border := box.GetBorderStyle()
	edge := lipgloss.NewStyle().Foreground(box.GetBorderTopForeground())
	left, right := strings.Repeat(" ", box.GetPaddingLeft()), strings.Repeat(" ", box.GetPaddingRight())
	across := strings.Repeat(border.Top, inner+len(left)+len(right))
	out := make([]string, 0, len(lines)+2)
	out = append(out, edge.Render(border.TopLeft+across+border.TopRight))
	for _, l := range lines {
		out = append(out, edge.Render(border.Left)+left+fit(cells, l, inner)+right+edge.Render(border.Right))
	}
	across = strings.Repeat(border.Bottom, inner+len(left)+len(right))
	out = append(out, edge.Render(border.BottomLeft+across+border.BottomRight))
	return strings.Join(out, "\n")
}

// placeCentre centres a block in a w by h area, every line fitted as
// cells measures it.
func placeCentre(cells ansi.Method, block string, w, h int) string {
	if h <= 0 {
		return ""
	}
	rows := strings.Split(block, "\n")
	width := 0
	for _, r := range rows {
		width = max(width, cells.StringWidth(r))
	}
	indent := strings.Repeat(" ", max(w-width, 0)/2)
	lines := make([]string, h)
	top := max(h-len(rows), 0) / 2
	for i := range lines {
		row := ""
		if k := i - top; k >= 0 && k < len(rows) {
			row = indent + rows[k]
		}
		lines[i] = fit(cells, row, w)
	}
	return strings.Join(lines, "\n")
}
