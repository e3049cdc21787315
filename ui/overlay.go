package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// overlayKind tells the two lists that open over the panes apart.
type overlayKind int

const (
	overlayContents overlayKind = iota
	overlayQuotes
)

// overlay is a list over the panes (the contents or the quotes) that
// filters as the reader types; enter jumps to the selected item.
type overlay struct {
	kind   overlayKind
	title  string
	list   list
	input  textinput.Model
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
			text:   fmt.Sprintf("%d. %s", i+1, title),
			count:  paragraphCount(s.End - s.Start),
			id:     i,
			target: target{paragraph: s.Start},
		}
	}
	o := m.newOverlay(overlayContents, "Contents", rows, 1, false)
	if len(m.doc.Paragraphs) > 0 {
		o.list.SelectID(m.doc.Annotation(m.article.cursor.Paragraph).Section)
	}
	return o.input.Focus()
}

// paragraphCount reads "1 par." or "12 pars.".
func paragraphCount(n int) string {
	if n == 1 {
		return "1 par."
	}
	return fmt.Sprintf("%d pars.", n)
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
			target: target{paragraph: q.Paragraph, offset: q.Start},
		}
	}
	o := m.newOverlay(overlayQuotes, "Quotes", rows, 2, true)
	if m.quote >= 0 {
		o.list.SelectID(m.quote)
	}
	return o.input.Focus()
}

// newOverlay opens an overlay of rows.
func (m *Model) newOverlay(kind overlayKind, title string, rows []row, maxLines int, gap bool) *overlay {
	o := &overlay{kind: kind, title: title, styles: m.styles, input: newInput(m.styles)}
	o.list = newList(rows, maxLines, gap, "Empty.", m.styles)
	o.input.Prompt = "filter: "
	o.SetSize(m.width, m.layout.bodyHeight)
	m.overlay = o
	return o
}

// SetSize fits the overlay inside a w by h area.
func (o *overlay) SetSize(w, h int) {
	inner := max(min(w-4, 100), 1)
	o.list.SetSize(inner, max(h-6, 1))
	o.input.SetWidth(max(inner-len(o.input.Prompt)-1, 1))
}

// overlayKey moves in the overlay, filters as the reader types, and jumps
// on enter; esc clears the filter, then closes.
func (m *Model) overlayKey(msg tea.KeyPressMsg) tea.Cmd {
	o, k := m.overlay, m.keys
	switch {
	case msg.String() == "ctrl+c":
		return tea.Quit
	case key.Matches(msg, k.Close):
		if o.input.Value() != "" {
			o.input.SetValue("")
			o.list.SetFilter("")
		} else {
			m.overlay = nil
		}
	case key.Matches(msg, k.Enter):
		m.overlay = nil
		r, ok := o.list.Selected()
		if !ok {
			return nil
		}
		if o.kind == overlayContents {
			m.article.JumpToSection(r.id)
			m.afterJump()
		} else {
			m.article.JumpToQuote(m.doc.Quotes[r.id])
			m.afterJump()
			m.quote = r.id
		}
		m.setFocus(FocusArticle)
	case msg.String() == "down", msg.String() == "ctrl+n":
		o.list.Move(1)
	case msg.String() == "up", msg.String() == "ctrl+p":
		o.list.Move(-1)
	case msg.String() == "pgdown":
		o.list.Page(1)
	case msg.String() == "pgup":
		o.list.Page(-1)
	default:
		return typeFilter(&o.input, &o.list, msg)
	}
	return nil
}

// typeFilter types a key into the filter input of list l, and filters l
// again when the filter changed.
func typeFilter(in *textinput.Model, l *list, msg tea.KeyPressMsg) tea.Cmd {
	before := in.Value()
	var cmd tea.Cmd
	*in, cmd = in.Update(msg)
	if v := in.Value(); v != before {
		l.SetFilter(v)
	}
	return cmd
}

// View draws the overlay in a box centred in a w by h area.
func (o *overlay) View(w, h int) string {
	hint := o.styles.ListDetail.Render("type to filter · ↑/↓ move · enter jump · esc close")
	body := strings.Join([]string{o.title, o.input.View(), "", o.list.View(), "", hint}, "\n")
	box := frame(o.styles.Cells, o.styles.OverlayBox, strings.Split(body, "\n"), max(min(w-4, 100), 1))
	return placeCentre(o.styles.Cells, box, w, h)
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
