package ui

import (
	"strings"

	"github.com/lede-tui/lede/model"
	"github.com/sahilm/fuzzy"
)

// row is one entry of a list: a group heading, or a selectable item with
// text, an optional dim preview line (shown where the list is wide enough
// for one to say something), an optional dim detail line and a count at
// the right. id is the index of what the item shows (an exchange, an
// entity, a quote), at the place in the document it jumps to.
type row struct {
	heading bool
	text    string
	preview string
	detail  string
	// brief stands for detail where detail is wider than the list: lines
	// to cut to its width one by one.
	brief []string
	count string
	id    int
	at    model.Mention
}

// list is the scrolling, selectable list behind the Q&A pane and the
// sidebar. Rows wrap to the width; headings are never selected.
type list struct {
	all      []row  // every row
	rows     []row  // the rows that pass the filter
	filter   string // fuzzy filter over item text, "" for none
	selected int    // index into rows; -1 when the list has no items
	top      int    // first row on screen
	width    int
	height   int
	maxLines int  // text lines an item may wrap to
	gap      bool // a blank line after each item
	empty    string
	// fuzzyLimit is the longest item text matched fuzzily.
	fuzzyLimit int
	// showsFilter makes the list say on its first line what it is
	// filtered by, while it is: a pane's filter stays in force after the
	// box it was typed in closes.
	showsFilter bool
	// more are rows shown after the items that pass a filter, whatever
	// it is: the shelf's matches in its documents' text.
	more   []row
	styles *Styles
	cache  []rendered // rows laid out at width; nil when stale
}

// rendered is a row laid out at the list's width: its lines, the first
// text of which are the item's wrapped text (then detail and gap lines).
type rendered struct {
	lines []string
	text  int
}

// newList makes a list of rows that shows empty when it has no items.
func newList(rows []row, maxLines int, gap bool, empty string, styles *Styles) list {
	l := list{all: rows, rows: rows, maxLines: maxLines, gap: gap, empty: empty, styles: styles, selected: -1, fuzzyLimit: fuzzyLimit}
	l.selected = l.next(-1, 1)
	return l
}

// minPreviewWidth is the narrowest list that shows its items' preview
// lines: narrower, a preview says too little to be worth its line.
const minPreviewWidth = 50

// fuzzyLimit is the longest item text a list matches fuzzily by default;
// longer texts (a question, a quote) would match almost any short filter
// letter by letter, so they must hold every word of the filter instead.
const fuzzyLimit = 40

// SetFilter shows only the items that match f (and the headings of their
// groups), in their original order, and selects the first of them. An
// item matches when its text and detail line hold every word of f,
// ignoring case, or, for a short text such as a name, when f matches it
// fuzzily ("tcnt" finds Tencent).
func (l *list) SetFilter(f string) {
	l.filter = f
	l.cache, l.top = nil, 0
	l.rows = l.all
	if f != "" {
		keep := make([]bool, len(l.all))
		words := strings.Fields(strings.ToLower(f))
		for i, r := range l.all {
			keep[i] = !r.heading && hasAllWords(strings.ToLower(r.text+" "+r.detail), words)
		}
		var short []string
		var index []int
		for i, r := range l.all {
			if !r.heading && len(r.text) <= l.fuzzyLimit {
				short = append(short, r.text)
				index = append(index, i)
			}
		}
		for _, m := range fuzzy.Find(f, short) {
			keep[index[m.Index]] = keep[index[m.Index]] || compact(m, f)
		}
		l.rows = nil
		heading := -1
		for i, r := range l.all {
			switch {
			case r.heading:
				heading = i
			case keep[i]:
				if heading >= 0 {
					l.rows = append(l.rows, l.all[heading])
					heading = -1
				}
				l.rows = append(l.rows, r)
			}
		}
		l.rows = append(l.rows, l.more...)
	}
	l.selected = l.next(-1, 1)
	l.keepSelectedVisible()
}

// compact reports whether a fuzzy match of filter f is close together:
// its letters within three times the filter's length, so that "xmi" finds
// "Xiaomi" in a title but "xia" does not match "eXpansIon After".
func compact(m fuzzy.Match, f string) bool {
	n := len(m.MatchedIndexes)
	return n > 0 && m.MatchedIndexes[n-1]-m.MatchedIndexes[0] < 3*len(f)
}

// hasAllWords reports whether text holds every one of words.
func hasAllWords(text string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return len(words) > 0
}

// SelectID selects the item with the given id, if it is shown.
func (l *list) SelectID(id int) {
	for i, r := range l.rows {
		if !r.heading && r.id == id {
			l.selected = i
			l.keepSelectedVisible()
			return
		}
	}
}

// rowAt returns the index of the row drawn on line y of the list.
func (l *list) rowAt(y int) (int, bool) {
	if l.filterLine() {
		y--
	}
	if y < 0 {
		return 0, false
	}
	for i := l.top; i < len(l.rows); i++ {
		n := len(l.lines(i))
		if y < n {
			return i, !l.rows[i].heading
		}
		y -= n
	}
	return 0, false
}

// SelectRow selects row i when it is an item.
func (l *list) SelectRow(i int) {
	if i >= 0 && i < len(l.rows) && !l.rows[i].heading {
		l.selected = i
		l.keepSelectedVisible()
	}
}

// Filter is the filter the list shows its items through, "" for none.
func (l *list) Filter() string { return l.filter }

// Position is the index of the selected row, or -1, and the number of
// rows shown.
func (l *list) Position() (selected, rows int) { return l.selected, len(l.rows) }

// Invalidate lays every row out again when it is next drawn, after the
// styles or the way text is measured changed.
func (l *list) Invalidate() { l.cache = nil }

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
	for i := l.selected; i >= 0 && i < len(l.rows) && lines < l.room(); i += dir {
		lines += len(l.lines(i))
		n++
	}
	l.Move(dir * max(n-1, 1))
}

// SetRow replaces the item with id i in a list of items whose ids are
// their indexes, keeping the filter and the selection.
func (l *list) SetRow(i int, r row) {
	l.all[i] = r
	if l.filter == "" {
		// rows is all: only the row's layout is stale.
		if l.cache != nil {
			l.cache[i] = rendered{}
		}
		return
	}
	l.refilter()
}

// refilter filters the items again, keeping the selected one selected
// and the top of the list where it was.
func (l *list) refilter() {
	selected, ok := l.Selected()
	top := l.top
	l.SetFilter(l.filter)
	l.top = min(top, max(len(l.rows)-1, 0))
	if ok {
		l.SelectID(selected.id)
	}
}

// SetMore shows rows after the items that pass the filter, while there
// is one, keeping the selected item selected.
func (l *list) SetMore(rows []row) {
	l.more = rows
	l.refilter()
}

// ClearFilter shows every item again, keeping the selected one selected.
func (l *list) ClearFilter() {
	if l.filter == "" {
		return
	}
	selected, ok := l.Selected()
	l.SetFilter("")
	if ok {
		l.SelectID(selected.id)
	}
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
// just above it, are on screen, and so that the list fills its room: no
// blank lines under its last row while rows above the top are hidden, as
// after the window grew.
func (l *list) keepSelectedVisible() {
	room := l.room()
	if l.selected < 0 || room <= 0 {
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
		if lines <= room {
			break
		}
		l.top++
	}
	// Lines from the top row to the end, counted up to the room.
	below := 0
	for i := l.top; i < len(l.rows) && below <= room; i++ {
		below += len(l.lines(i))
	}
	for l.top > 0 && below+len(l.lines(l.top-1)) <= room {
		l.top--
		below += len(l.lines(l.top))
	}
}

// room is the number of lines the rows have: the height, less the line
// that shows the filter.
func (l *list) room() int {
	return max(l.height-boolInt(l.filterLine()), 0)
}

// filterLine reports whether the list's first line shows its filter.
func (l *list) filterLine() bool {
	return l.showsFilter && l.filter != "" && l.selected >= 0
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
		return rendered{[]string{truncate(l.styles.Cells, r.text, w, "…")}, 1}
	}
	textWidth := max(w-2, 1)
	if r.count != "" {
		textWidth = max(textWidth-len(r.count)-1, 1)
	}
	wrapped := strings.Split(l.styles.Cells.Wrap(r.text, textWidth, ""), "\n")
	joinClusters(wrapped)
	if len(wrapped) > l.maxLines {
		wrapped = wrapped[:l.maxLines]
		wrapped[l.maxLines-1] = truncate(l.styles.Cells, wrapped[l.maxLines-1]+" …", textWidth, "…")
	}
	out := make([]string, 0, len(wrapped)+2)
	for j, s := range wrapped {
		if j == 0 && r.count != "" {
			s += strings.Repeat(" ", max(textWidth-l.styles.Cells.StringWidth(s), 0)+1) + r.count
		}
		out = append(out, "  "+s)
	}
	if r.preview != "" && w >= minPreviewWidth {
		out = append(out, "  "+truncate(l.styles.Cells, r.preview, textWidth, "…"))
	}
	details := []string{r.detail}
	if len(r.brief) > 0 && l.styles.Cells.StringWidth(r.detail) > textWidth {
		details = r.brief
	}
	for _, d := range details {
		if d != "" {
			out = append(out, "  "+truncate(l.styles.Cells, d, textWidth, "…"))
		}
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
		empty := l.empty
		if l.filter != "" {
			empty = "Nothing matches “" + l.filter + "”."
		}
		return l.styles.ListEmpty.Render(truncate(l.styles.Cells, empty, l.width, "…"))
	}
	out := make([]string, 0, l.height)
	if l.filterLine() {
		out = append(out, l.styles.ListDetail.Render(truncate(l.styles.Cells, "filter: "+l.filter+" · esc clears", l.width, "…")))
	}
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
