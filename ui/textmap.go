package ui

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
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

// newTextMap aligns text with the lines glamour rendered for it. edits
// (see textEdits) are where the rendering departs from the text: the
// alignment steps over a link's URL shown after its text, which would
// otherwise match the words after the link, and skips the text's marks
// that are not shown.
func newTextMap(text string, lines []string, edits ...textEdit) *textMap {
	m := &textMap{}
	plain := make([]string, len(lines))
	for i, l := range lines {
		plain[i] = ansi.Strip(l)
	}
	line, pos, col := 0, 0, 0 // next rendered character to consider
	for off := 0; off < len(text); {
		if len(edits) > 0 && edits[0].At <= off {
			line, pos, col = stepOver(plain, line, pos, col, edits[0].Insert)
			off = max(off, edits[0].At+edits[0].Drop)
			edits = edits[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(text[off:])
		if model.IsSpace(r) {
			off += size
			continue
		}
		if l, p, c, w, ok := find(plain, line, pos, col, r); ok {
			m.offsets = append(m.offsets, off)
			m.cells = append(m.cells, cell{l, c})
			m.widths = append(m.widths, w)
			line, pos, col = l, p+utf8.RuneLen(r), c+w
		}
		off += size
	}
	return m
}

// stepOver returns the place after s where it is drawn from (line, pos,
// col) on, each of its characters found as find finds them; or the place
// it was given when s is not all there, as when glamour did not show it.
func stepOver(plain []string, line, pos, col int, s string) (int, int, int) {
	l, p, c := line, pos, col
	for _, r := range s {
		if model.IsSpace(r) {
			continue
		}
		var w int
		var ok bool
		if l, p, c, w, ok = find(plain, l, p, c, r); !ok {
			return line, pos, col
		}
		p, c = p+utf8.RuneLen(r), c+w
	}
	return l, p, c
}

// find looks for r from (line, pos) in the plain lines, skipping at most
// lookahead other characters; it returns where r is, its column and width.
func find(plain []string, line, pos, col int, r rune) (int, int, int, int, bool) {
	skipped := 0
	for line < len(plain) && skipped <= lookahead {
		s := plain[line]
		if pos >= len(s) {
			line, pos, col = line+1, 0, 0
			continue
		}
		got, size := utf8.DecodeRuneInString(s[pos:])
		w := ansi.StringWidth(s[pos : pos+size])
		if got == r {
			return line, pos, col, w, true
		}
		if !model.IsSpace(got) {
			skipped++
		}
		pos, col = pos+size, col+w
	}
	return 0, 0, 0, 0, false
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

// paintCells draws the cells [from, to) of an ANSI line in style, keeping the
// rest of the line as it was. Later spans of a line must be painted first.
func paintCells(line string, from, to int, style lipgloss.Style) string {
	width := ansi.StringWidth(line)
	if from >= width || to <= from {
		return line
	}
	to = min(to, width)
	var b strings.Builder
	b.WriteString(ansi.Cut(line, 0, from))
	b.WriteString(style.Render(ansi.Strip(ansi.Cut(line, from, to))))
	b.WriteString(ansi.Cut(line, to, width))
	return b.String()
}
