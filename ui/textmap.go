package ui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

// cell is a place on the rendered page: a line of the block and a column.
type cell struct{ line, col int }

// textMap maps byte offsets of a paragraph's text to the cells where
// glamour drew them, found by aligning the text with the rendered lines
// stripped of escape codes. Glamour only re-wraps text and adds margins
// and markup, so every visible character of the text appears in order.
type textMap struct {
	offsets []int  // byte offset of each aligned character, ascending
	cells   []cell // where that character is drawn
	widths  []int  // its width in cells
}

// lookahead bounds how far the alignment skips rendered characters that
// are not in the text (margins, markup), so a character glamour dropped
// cannot derail the rest of the block.
const lookahead = 16

// newTextMap aligns text with the lines glamour rendered for it, measured
// in cells as cells does. hidden (see hiddenMarks) are the offsets of label
// marks in the text that are not shown.
func newTextMap(text string, lines []string, hidden []int, cells ansi.Method) *textMap {
	m := &textMap{}
	plain := make([][]glyph, len(lines))
	for i, l := range lines {
		plain[i] = glyphs(cells, ansi.Strip(l))
	}
	line, pos := 0, 0 // next rendered character to consider
	for off := 0; off < len(text); {
		if len(hidden) > 0 && hidden[0] <= off {
			off = max(off, hidden[0]+len(labelMark))
			hidden = hidden[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(text[off:])
		if model.IsSpace(r) {
			off += size
			continue
		}
		if l, p, ok := find(plain, line, pos, r); ok {
			g := plain[l][p]
			m.offsets = append(m.offsets, off)
			m.cells = append(m.cells, cell{l, g.col})
			m.widths = append(m.widths, g.width)
			line, pos = l, p+1
		}
		off += size
	}
	return m
}

// glyph is a character of a rendered line and the cells it takes: a
// grapheme cluster's cells go to its first character, and the others
// stand at its end, taking none.
type glyph struct {
	r          rune
	col, width int
}

// glyphs lists the characters of a line without escape codes, measured
// as cells does.
func glyphs(cells ansi.Method, s string) []glyph {
	out := make([]glyph, 0, len(s))
	col := 0
	for s != "" {
		cluster, w := ansi.FirstGraphemeCluster(s, cells)
		for i, r := range cluster {
			if i == 0 {
				out = append(out, glyph{r, col, w})
			} else {
				out = append(out, glyph{r, col + w, 0})
			}
		}
		col += w
		s = s[len(cluster):]
	}
	return out
}

// find looks for r from glyph pos of line on, skipping at most lookahead
// other characters; it returns the line and glyph where r is.
func find(plain [][]glyph, line, pos int, r rune) (int, int, bool) {
	skipped := 0
	for line < len(plain) && skipped <= lookahead {
		if pos >= len(plain[line]) {
			line, pos = line+1, 0
			continue
		}
		got := plain[line][pos].r
		if got == r {
			return line, pos, true
		}
		if !model.IsSpace(got) {
			skipped++
		}
		pos++
	}
	return 0, 0, false
}

// at returns the cell of the first aligned character at or after off.
func (m *textMap) at(off int) (cell, bool) {
	i := m.index(off)
	if i == len(m.offsets) {
		return cell{}, false
	}
	return m.cells[i], true
}

// index is the first aligned character at or after byte off.
func (m *textMap) index(off int) int {
	lo, hi := 0, len(m.offsets)
	for lo < hi {
		mid := (lo + hi) / 2
		if m.offsets[mid] < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// lineText returns bytes [lo, hi) of the text that hold every character
// line i shows: from its first aligned character to the first byte of its
// last. ok is false when no character of the text is on the line.
func (m *textMap) lineText(i int) (lo, hi int, ok bool) {
	first := sort.Search(len(m.cells), func(k int) bool { return m.cells[k].line >= i })
	last := sort.Search(len(m.cells), func(k int) bool { return m.cells[k].line > i }) - 1
	if first > last {
		return 0, 0, false
	}
	return m.offsets[first], m.offsets[last] + 1, true
}

// span is a run of cells [from, to) on one rendered line.
type span struct{ line, from, to int }

// spans returns the cells that show the bytes [start, end) of the text,
// one span per rendered line.
func (m *textMap) spans(start, end int) []span {
	var out []span
	for i := m.index(start); i < len(m.offsets) && m.offsets[i] < end; i++ {
		c, w := m.cells[i], m.widths[i]
		if n := len(out); n > 0 && out[n-1].line == c.line {
			out[n-1].to = c.col + w
			continue
		}
		out = append(out, span{c.line, c.col, c.col + w})
	}
	return out
}

// paint is a run of cells [from, to) of one rendered line to draw in a
// style. Runs of the same style that touch are drawn as one.
type paint struct {
	from, to int
	style    *lipgloss.Style
}

// paintLine draws paints over an ANSI line, its cells measured as cells
// does, in one pass, keeping the rest of the line as it was: the output
// grows by a few escape codes a run, however many runs there are. Where
// paints overlap the later one wins, but a hyperlink under it stays a
// hyperlink.
func paintLine(cells ansi.Method, line string, paints []paint) string {
	width := 0
	for _, pt := range paints {
		width = max(width, pt.to)
	}
	if width == 0 {
		return line
	}
	// The style shown in each cell, and the hyperlink under it.
	type look struct{ style, link *lipgloss.Style }
	looks := make([]look, width)
	for _, pt := range paints {
		linked, _ := pt.style.GetHyperlink()
		for c := max(pt.from, 0); c < pt.to; c++ {
			looks[c].style = pt.style
			if linked != "" {
				looks[c].link = pt.style
			}
		}
	}

	var out, text strings.Builder
	out.Grow(len(line) + 32*len(paints))
	var pen uv.Style // the line's own SGR state, restored after each run
	var run look     // the look of the run being drawn; none outside runs
	var style lipgloss.Style
	flush := func() {
		if text.Len() > 0 {
			out.WriteString(style.Render(text.String()))
			text.Reset()
		}
	}
	endRun := func() {
		if run.style != nil {
			flush()
			if !pen.IsZero() {
				out.WriteString(pen.String())
			}
		}
	}
	p := ansi.GetParser()
	defer ansi.PutParser(p)
	col, state := 0, byte(0)
	for rest := line; rest != ""; {
		seq, w, n, next := cells.DecodeSequenceInString(rest, state, p)
		rest, state = rest[n:], next
		if seq[0] == ansi.ESC {
			if p.Command() == 'm' && ansi.HasCsiPrefix(seq) {
				uv.ReadStyle(p.Params(), &pen)
				if run.style != nil {
					continue // the run's own style stands for it
				}
			} else {
				flush()
			}
			out.WriteString(seq)
			continue
		}
		if w > 0 {
			var at look
			if col < width {
				at = looks[col]
			}
			if at != run {
				endRun()
				if run = at; run.style != nil {
					if !pen.IsZero() {
						out.WriteString(ansi.ResetStyle)
					}
					style = *run.style
					if run.link != nil && run.link != run.style {
						style = style.Hyperlink(run.link.GetHyperlink())
					}
				}
			}
			col += w
		}
		if run.style != nil {
			text.WriteString(seq)
		} else {
			out.WriteString(seq)
		}
	}
	endRun()
	return out.String()
}
