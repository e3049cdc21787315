package ui

import (
	"sort"
	"strings"

	"github.com/lede-tui/lede/model"
)

// maxTextWidth caps the rendered text width for reading comfort.
const maxTextWidth = 100

// articlePane shows the document rendered by glamour, one block at a
// time, with an index from each paragraph to its first screen line so that
// jumps never search rendered text.
type articlePane struct {
	doc       *model.Document
	blocks    []block
	renderers *renderers
	styles    *Styles

	width, height int
	lines         []string // rendered lines of every block, blank line between
	blockLine     []int    // first line of each block
	paraBlock     []int    // block of each paragraph
	offset        int      // first line on screen
	mark          int      // paragraph the last jump landed on, or -1
	err           error
}

// newArticlePane prepares the article of d in a glamour style.
func newArticlePane(d *model.Document, style string, styles *Styles) *articlePane {
	a := &articlePane{doc: d, renderers: newRenderers(style), styles: styles, mark: -1}
	a.blocks = articleBlocks(d)
	a.paraBlock = make([]int, len(d.Paragraphs))
	for i, b := range a.blocks {
		if b.paragraph >= 0 {
			a.paraBlock[b.paragraph] = i
		}
	}
	return a
}

// SetStyle switches the glamour style and renders again.
func (a *articlePane) SetStyle(style string) {
	a.renderers = newRenderers(style)
	a.relayout()
}

// SetSize sets the pane size, re-rendering when the width changes and
// keeping the paragraph at the top of the screen in place.
func (a *articlePane) SetSize(w, h int) {
	resized := w != a.width
	a.width, a.height = w, h
	if resized {
		top := a.topParagraph()
		a.relayout()
		if top >= 0 {
			a.offset = a.blockLine[a.paraBlock[top]]
		}
	}
	a.clamp()
}

// textWidth is the width glamour wraps to: the pane less the mark gutter.
func (a *articlePane) textWidth() int {
	return min(max(a.width-1, 1), maxTextWidth)
}

// relayout renders every block at the current width.
func (a *articlePane) relayout() {
	a.lines = a.lines[:0]
	a.blockLine = make([]int, len(a.blocks))
	a.err = nil
	for i, b := range a.blocks {
		if i > 0 {
			a.lines = append(a.lines, "")
		}
		a.blockLine[i] = len(a.lines)
		lines, err := a.renderers.renderBlock(b, a.textWidth())
		if err != nil {
			a.err = err
			return
		}
		a.lines = append(a.lines, lines...)
	}
}

// blockAt returns the block shown on screen line n.
func (a *articlePane) blockAt(n int) int {
	return max(sort.SearchInts(a.blockLine, n+1)-1, 0)
}

// topParagraph is the first paragraph at or below the top of the screen,
// or -1 before the first render.
func (a *articlePane) topParagraph() int {
	if len(a.blockLine) == 0 {
		return -1
	}
	for b := a.blockAt(a.offset); b < len(a.blocks); b++ {
		if p := a.blocks[b].paragraph; p >= 0 {
			return p
		}
	}
	return len(a.doc.Paragraphs) - 1
}

// ScrollBy moves the view n lines (negative is up) and clears the mark.
func (a *articlePane) ScrollBy(n int) {
	a.offset += n
	a.mark = -1
	a.clamp()
}

// ScrollTo puts line n at the top and clears the mark.
func (a *articlePane) ScrollTo(n int) {
	a.offset = n
	a.mark = -1
	a.clamp()
}

// JumpTo brings the paragraph p to the top of the screen, at the wrapped
// line that holds byte offset off, and marks it.
func (a *articlePane) JumpTo(p, off int) {
	if p < 0 || p >= len(a.paraBlock) || len(a.blockLine) == 0 {
		return
	}
	b := a.paraBlock[p]
	line := a.blockLine[b]
	if text := a.doc.Paragraphs[p].Text; off > 0 && len(text) > 0 {
		line += off * a.blockHeight(b) / len(text)
	}
	a.offset = line - 1
	a.clamp()
	a.mark = p
}

// blockHeight is the number of lines block b renders to.
func (a *articlePane) blockHeight(b int) int {
	if b+1 < len(a.blockLine) {
		return a.blockLine[b+1] - a.blockLine[b] - 1
	}
	return len(a.lines) - a.blockLine[b]
}

// clamp keeps the offset within the rendered lines.
func (a *articlePane) clamp() {
	a.offset = max(min(a.offset, len(a.lines)-a.height), 0)
}

// Percent is how far through the article the view is, 0 to 100.
func (a *articlePane) Percent() int {
	if len(a.lines) <= a.height {
		return 100
	}
	return a.offset * 100 / (len(a.lines) - a.height)
}

// Section is the index of the section at the top of the screen.
func (a *articlePane) Section() int {
	p := a.topParagraph()
	if p < 0 || p >= len(a.doc.Paragraphs) {
		return 0
	}
	return a.doc.Paragraphs[p].Section
}

// View draws the visible lines with the mark gutter at the left.
func (a *articlePane) View() string {
	if a.err != nil {
		return fit(a.err.Error(), a.width)
	}
	var b strings.Builder
	for i := 0; i < a.height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := a.offset + i
		gutter := " "
		if n < len(a.lines) && a.mark >= 0 && a.isMarked(n) {
			gutter = a.styles.Mark.Render("▌")
		}
		line := ""
		if n < len(a.lines) {
			line = a.lines[n]
		}
		b.WriteString(gutter)
		b.WriteString(fit(line, a.width-1))
	}
	return b.String()
}

// isMarked reports whether screen line n belongs to the marked paragraph.
func (a *articlePane) isMarked(n int) bool {
	b := a.paraBlock[a.mark]
	return n >= a.blockLine[b] && n < a.blockLine[b]+a.blockHeight(b)
}
