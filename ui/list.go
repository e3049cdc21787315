package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// target is a place in the document a list item jumps to.
type target struct {
	paragraph int
	offset    int
}

// row is one entry of a list: a group heading, or a selectable item with
// text, an optional dim detail line and a count at the right.
type row struct {
	heading bool
	text    string
	detail  string
	count   string
	target  target
}

// list is the scrolling, selectable list behind the Q&A pane and the
// sidebar. Rows wrap to the width; headings are never selected.
type list struct {
	rows     []row
	selected int // index into rows; -1 when the list has no items
	top      int // first row on screen
	width    int
	height   int
	maxLines int  // text lines an item may wrap to
	gap      bool // a blank line after each item
	empty    string
	styles   *Styles
	cache    []rendered // rows laid out at width; nil when stale
}

// rendered is a row laid out at the list's width: its lines, the first
// text of which are the item's wrapped text (then detail and gap lines).
type rendered struct {
	lines []string
	text  int
}

// newList makes a list of rows that shows empty when it has no items.
func newList(rows []row, maxLines int, gap bool, empty string, styles *Styles) list {
	l := list{rows: rows, maxLines: maxLines, gap: gap, empty: empty, styles: styles, selected: -1}
	l.selected = l.next(-1, 1)
	return l
}

// SetSize sets the list's width and height in cells.
func (l *list) SetSize(w, h int) {
	if w != l.width {
		l.cache = nil
	}
	l.width, l.height = w, h
	l.keepSelectedVisible()
}

// Selected returns the selected row, if any.
func (l *list) Selected() (row, bool) {
	if l.selected < 0 {
		return row{}, false
	}
	return l.rows[l.selected], true
}

// Move moves the selection by n items (negative moves up), stopping at
// the ends.
func (l *list) Move(n int) {
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	for ; n > 0; n-- {
		i := l.next(l.selected, dir)
		if i < 0 {
			break
		}
		l.selected = i
	}
	l.keepSelectedVisible()
}

// Page moves the selection by about one screen of items.
func (l *list) Page(dir int) {
	if l.selected < 0 {
		return
	}
	lines, n := 0, 0
	for i := l.selected; i >= 0 && i < len(l.rows) && lines < l.height; i += dir {
		lines += len(l.lines(i))
		n++
	}
	l.Move(dir * max(n-1, 1))
}

// Home selects the first item; End the last.
func (l *list) Home() { l.Move(-len(l.rows)) }

// End selects the last item.
func (l *list) End() { l.Move(len(l.rows)) }

// next returns the index of the next item after i in direction dir, or -1.
func (l *list) next(i, dir int) int {
	for i += dir; i >= 0 && i < len(l.rows); i += dir {
		if !l.rows[i].heading {
			return i
		}
	}
	return -1
}

// keepSelectedVisible scrolls so that the selected item, and the heading
// just above it, are on screen.
func (l *list) keepSelectedVisible() {
	if l.selected < 0 || l.height <= 0 {
		return
	}
	first := l.selected
	if first > 0 && l.rows[first-1].heading {
		first--
	}
	if first < l.top {
		l.top = first
	}
	for l.top < l.selected {
		lines := 0
		for i := l.top; i <= l.selected; i++ {
			lines += len(l.lines(i))
		}
		if lines <= l.height {
			break
		}
		l.top++
	}
}

// lines returns row i laid out at the list's width.
func (l *list) lines(i int) []string { return l.layout(i).lines }

// layout lays out row i at the list's width, caching the result.
func (l *list) layout(i int) rendered {
	if l.cache == nil {
		l.cache = make([]rendered, len(l.rows))
	}
	if l.cache[i].lines == nil {
		l.cache[i] = l.render(l.rows[i])
	}
	return l.cache[i]
}

// render lays out one row without selection styling; View adds that.
func (l *list) render(r row) rendered {
	w := max(l.width, 1)
	if r.heading {
		return rendered{[]string{ansi.Truncate(r.text, w, "…")}, 1}
	}
	textWidth := max(w-2, 1)
	if r.count != "" {
		textWidth = max(textWidth-len(r.count)-1, 1)
	}
	wrapped := strings.Split(ansi.Wrap(r.text, textWidth, ""), "\n")
	if len(wrapped) > l.maxLines {
		wrapped = wrapped[:l.maxLines]
		wrapped[l.maxLines-1] = ansi.Truncate(wrapped[l.maxLines-1]+" …", textWidth, "…")
	}
	out := make([]string, 0, len(wrapped)+2)
	for j, s := range wrapped {
		if j == 0 && r.count != "" {
			s += strings.Repeat(" ", max(textWidth-ansi.StringWidth(s), 0)+1) + r.count
		}
		out = append(out, "  "+s)
	}
	if r.detail != "" {
		out = append(out, "  "+ansi.Truncate(r.detail, textWidth, "…"))
	}
	if l.gap {
		out = append(out, "")
	}
	return rendered{out, len(wrapped)}
}

// View draws the visible rows, the selected item marked with "▸".
func (l *list) View() string {
	if l.height <= 0 || l.width <= 0 {
		return ""
	}
	if l.selected < 0 {
		return l.styles.ListEmpty.Render(ansi.Truncate(l.empty, l.width, "…"))
	}
	out := make([]string, 0, l.height)
	for i := l.top; i < len(l.rows) && len(out) < l.height; i++ {
		r, lay := l.rows[i], l.layout(i)
		for j, s := range lay.lines {
			if len(out) == l.height {
				break
			}
			switch {
			case r.heading:
				s = l.styles.ListHeading.Render(s)
			case j >= lay.text:
				s = l.styles.ListDetail.Render(s)
			case i == l.selected:
				if j == 0 {
					s = "▸ " + s[2:]
				}
				s = l.styles.ListSelected.Render(s)
			default:
				s = l.styles.ListItem.Render(s)
			}
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n")
}
