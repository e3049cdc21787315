package ui

import (
	"sort"
	"strings"

	"github.com/lede-tui/lede/model"
)

// maxTextWidth caps the rendered text width for reading comfort.
const maxTextWidth = 100

// articlePane shows the document rendered by glamour, one block at a
// time, with an index from each block to its first screen line so that
// jumps and highlights never search rendered text.
type articlePane struct {
	doc       *model.Document
	blocks    []block
	renderers *renderers
	styles    *Styles

	width, height int
	rendered      [][]string       // lines of each block
	blockLine     []int            // first line of each block; one past the end last
	paraBlock     []int            // block of each paragraph
	maps          map[int]*textMap // text maps of painted blocks, by block
	offset        int              // first line on screen
	err           error

	// cursor is where the reader is: the target of the last jump, or the
	// top of the screen after scrolling.
	cursor model.Mention
	// mark is the paragraph of the last jump to a section or question, or
	// -1; it shows as a bar in the gutter.
	mark int
	// spot is the span the last jump landed on (a quote, a match, a
	// mention), painted until the next move; spot.End is 0 when none.
	spot model.Mention
	// highlights are the search matches or the selected entity's mentions,
	// in text order, all painted while they last.
	highlights []model.Mention
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
	a.cursor = model.Mention{Start: -1}
	return a
}

// SetStyle switches the glamour style and renders again.
func (a *articlePane) SetStyle(style string) {
	a.renderers = newRenderers(style)
	top := a.topParagraph()
	a.relayout()
	a.keepParagraphAtTop(top)
}

// SetSize sets the pane size, re-rendering when the width changes and
// keeping the paragraph at the top of the screen in place.
func (a *articlePane) SetSize(w, h int) {
	resized := w != a.width
	a.width, a.height = w, h
	if resized {
		top := a.topParagraph()
		a.relayout()
		a.keepParagraphAtTop(top)
	}
	a.clamp()
}

// keepParagraphAtTop scrolls so paragraph p starts the screen again after
// a re-render.
func (a *articlePane) keepParagraphAtTop(p int) {
	if p >= 0 && a.offset > 0 {
		a.offset = a.blockLine[a.paraBlock[p]]
		a.clamp()
	}
}

// textWidth is the width glamour wraps to: the pane less the mark gutter.
func (a *articlePane) textWidth() int {
	return min(max(a.width-1, 1), maxTextWidth)
}

// relayout renders every block at the current width, a blank line between
// blocks.
func (a *articlePane) relayout() {
	a.rendered = make([][]string, len(a.blocks))
	a.blockLine = make([]int, len(a.blocks)+1)
	a.maps = map[int]*textMap{}
	a.err = nil
	line := 0
	for i, b := range a.blocks {
		a.blockLine[i] = line
		lines, err := a.renderers.renderBlock(b, a.textWidth())
		if err != nil {
			a.err = err
			lines = nil
		}
		a.rendered[i] = lines
		line += len(lines) + 1
	}
	a.blockLine[len(a.blocks)] = max(line-1, 0)
}

// lineCount is the number of rendered lines.
func (a *articlePane) lineCount() int {
	if len(a.blockLine) == 0 {
		return 0
	}
	return a.blockLine[len(a.blocks)]
}

// blockAt returns the block shown on line n (a blank line after a block
// counts as the block's).
func (a *articlePane) blockAt(n int) int {
	return min(max(sort.SearchInts(a.blockLine, n+1)-1, 0), max(len(a.blocks)-1, 0))
}

// topParagraph is the first paragraph at or below the top of the screen,
// or -1 before the first render.
func (a *articlePane) topParagraph() int {
	if len(a.rendered) == 0 || len(a.doc.Paragraphs) == 0 {
		return -1
	}
	b := a.blockAt(a.offset)
	if a.offset-a.blockLine[b] >= len(a.rendered[b]) {
		b++ // the top line is the blank line after block b
	}
	for ; b < len(a.blocks); b++ {
		if p := a.blocks[b].paragraph; p >= 0 {
			return p
		}
	}
	return len(a.doc.Paragraphs) - 1
}

// ScrollBy moves the view n lines (negative is up); the reader's place
// becomes the top of the screen.
func (a *articlePane) ScrollBy(n int) {
	a.ScrollTo(a.offset + n)
}

// ScrollTo puts line n at the top of the screen.
func (a *articlePane) ScrollTo(n int) {
	a.offset = n
	a.clamp()
	a.mark, a.spot = -1, model.Mention{}
	if p := a.topParagraph(); p >= 0 {
		a.cursor = model.Mention{Paragraph: p, Start: -1}
	}
}

// JumpTo brings byte off of paragraph p near the top of the screen and
// makes it the reader's place; with mark the paragraph gets the gutter
// bar.
func (a *articlePane) JumpTo(p, off int, mark bool) {
	if p < 0 || p >= len(a.paraBlock) || len(a.rendered) == 0 {
		return
	}
	a.offset = a.lineOf(p, off) - 1
	a.clamp()
	a.cursor = model.Mention{Paragraph: p, Start: off, End: off}
	a.mark, a.spot = -1, model.Mention{}
	if mark {
		a.mark = p
	}
}

// JumpToSection brings the heading of section s (or its first paragraph
// when it has no heading) to the top of the screen and marks it.
func (a *articlePane) JumpToSection(s int) {
	start := a.doc.Sections[s].Start
	if start >= len(a.doc.Paragraphs) {
		return
	}
	a.JumpTo(start, 0, true)
	if b := a.paraBlock[start] - 1; b >= 0 && a.blocks[b].section == s {
		a.offset = a.blockLine[b]
		a.clamp()
	}
}

// JumpToSpan jumps to a span of text and paints it until the next move.
func (a *articlePane) JumpToSpan(m model.Mention) {
	a.JumpTo(m.Paragraph, m.Start, false)
	a.spot = m
	a.cursor = m
}

// lineOf is the screen line that shows byte off of paragraph p.
func (a *articlePane) lineOf(p, off int) int {
	b := a.paraBlock[p]
	line := a.blockLine[b]
	if off > 0 {
		if c, ok := a.textMap(b).at(off); ok {
			line += c.line
		}
	}
	return line
}

// textMap returns the map from text to cells of block b.
func (a *articlePane) textMap(b int) *textMap {
	m, ok := a.maps[b]
	if !ok {
		m = newTextMap(a.doc.Paragraphs[a.blocks[b].paragraph].Text, a.rendered[b])
		a.maps[b] = m
	}
	return m
}

// SetHighlights paints every span in hs (search matches, an entity's
// mentions) until they are cleared.
func (a *articlePane) SetHighlights(hs []model.Mention) {
	a.highlights = hs
}

// clamp keeps the offset within the rendered lines.
func (a *articlePane) clamp() {
	a.offset = max(min(a.offset, a.lineCount()-a.height), 0)
}

// Percent is how far through the article the view is, 0 to 100.
func (a *articlePane) Percent() int {
	if a.lineCount() <= a.height {
		return 100
	}
	return a.offset * 100 / (a.lineCount() - a.height)
}

// View draws the visible lines with the mark gutter at the left and the
// highlights painted over the text.
func (a *articlePane) View() string {
	if a.err != nil {
		return fit(a.err.Error(), a.width)
	}
	var out strings.Builder
	b := a.blockAt(a.offset)
	for i := 0; i < a.height; i++ {
		if i > 0 {
			out.WriteByte('\n')
		}
		n := a.offset + i
		for b+1 < len(a.blocks) && n >= a.blockLine[b+1] {
			b++
		}
		line, gutter := "", " "
		if b < len(a.blocks) && n-a.blockLine[b] < len(a.rendered[b]) {
			line = a.paintLine(b, n-a.blockLine[b])
			if p := a.blocks[b].paragraph; p >= 0 && p == a.mark {
				gutter = a.styles.Mark.Render("▌")
			}
		}
		out.WriteString(gutter)
		out.WriteString(fit(line, a.width-1))
	}
	return out.String()
}

// paintLine returns line i of block b with the highlights and the spot
// that fall on it painted.
func (a *articlePane) paintLine(b, i int) string {
	line := a.rendered[b][i]
	p := a.blocks[b].paragraph
	if p < 0 {
		return line
	}
	type paint struct {
		span
		current bool
	}
	var paints []paint
	add := func(m model.Mention, current bool) {
		for _, s := range a.textMap(b).spans(m.Start, m.End) {
			if s.line == i {
				paints = append(paints, paint{s, current})
			}
		}
	}
	lo := sort.Search(len(a.highlights), func(k int) bool { return a.highlights[k].Paragraph >= p })
	for k := lo; k < len(a.highlights) && a.highlights[k].Paragraph == p; k++ {
		h := a.highlights[k]
		add(h, h == a.spot)
	}
	if a.spot.End > 0 && a.spot.Paragraph == p && !a.isHighlight(a.spot) {
		add(a.spot, true)
	}
	sort.Slice(paints, func(x, y int) bool { return paints[x].from > paints[y].from })
	for _, pt := range paints {
		style := a.styles.Highlight
		if pt.current {
			style = a.styles.Current
		}
		line = paintCells(line, pt.from, pt.to, style)
	}
	return line
}

// isHighlight reports whether m is one of the highlights.
func (a *articlePane) isHighlight(m model.Mention) bool {
	k := sort.Search(len(a.highlights), func(k int) bool { return !mentionBefore(a.highlights[k], m) })
	return k < len(a.highlights) && a.highlights[k] == m
}

// mentionBefore orders mentions by place in the text.
func mentionBefore(x, y model.Mention) bool {
	if x.Paragraph != y.Paragraph {
		return x.Paragraph < y.Paragraph
	}
	return x.Start < y.Start
}
