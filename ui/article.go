package ui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/lede-tui/lede/model"
)

// maxTextWidth caps the rendered text width for reading comfort.
const maxTextWidth = 100

// glamourMargins is what glamour's document margin takes from the wrap
// width, on both sides together.
const glamourMargins = 4

// wrapSlack accounts, in estimates, for the room word wrapping leaves at
// the ends of lines (in percent).
const wrapSlack = 8

// articlePane shows the document rendered by glamour. Blocks render on
// demand, only as they come on screen; the heights of the others are
// estimated from their length and corrected as they render. A Fenwick
// tree of block heights maps blocks to lines and back, so jumps and
// highlights never search rendered text, and the view is anchored to a
// block so corrections above it do not move what the reader sees.
type articlePane struct {
	doc       *model.Document
	blocks    []block
	paraBlock []int   // block of each paragraph
	cells     []int32 // estimated display width of each block's text
	renderers *renderers
	styles    *Styles

	width, height int
	// measure is the most columns the text takes, however wide the pane.
	measure int
	layouts map[int]*pageLayout // by text width
	page    *pageLayout         // the layout at the current width
	err     error

	// top is the block at the top of the screen and line the first of its
	// lines shown; a line past the block's lines is the blank after it.
	top, line int

	// cursor is where the reader is: the target of the last jump, or the
	// top of the screen after scrolling.
	cursor model.Mention
	// mark is the paragraph of the last jump to a section or question, or
	// -1; it shows as a bar in the gutter.
	mark int
	// spot is the span the last jump landed on (a quote, a match, a
	// mention), painted until the next move; spot.End is 0 when none.
	spot model.Mention
	// spotGaps are the ranges inside spot left unpainted: the cue that
	// splits a quotation the reader jumped to.
	spotGaps []model.Span
	// highlights are the search matches or the selected entity's mentions,
	// in text order, all painted while they last.
	highlights []model.Mention
	// kept are the reader's own highlights (H), in text order; they may
	// overlap. They are painted under the others, with a bar in the
	// gutter beside their lines.
	kept []model.Mention
}

// pageLayout is the article laid out at one text width: the blocks
// rendered so far, and every block's height, each followed by a blank
// line.
type pageLayout struct {
	rendered [][]string       // nil until a block renders
	heights  *heights         // lines of each block plus its blank line
	maps     map[int]*textMap // text maps of painted blocks
}

// newArticlePane prepares the article of d in a glamour style. It renders
// nothing: blocks render when they are first shown.
func newArticlePane(d *model.Document, style string, styles *Styles) *articlePane {
	a := &articlePane{styles: styles, mark: -1, measure: maxTextWidth}
	a.setRenderers(newRenderers(style))
	a.SetDocument(d)
	return a
}

// SetDocument shows d, keeping the reader's place: used when extraction
// lands and the blocks gain dividers and speaker labels. The line at the
// top of the screen stays at the top (see screenPlace).
func (a *articlePane) SetDocument(d *model.Document) {
	if a.doc == nil || a.cursor.Paragraph >= len(d.Paragraphs) {
		a.cursor = model.Mention{Start: -1}
	}
	a.show(d, a.screenPlace())
}

// SetWhole shows d, the whole of the document whose head the pane shows,
// keeping the reader's place: the paragraph at the top of the screen is
// found in d by its text (see model.Document.PlaceIn), as the head's
// paragraphs may differ from the whole's, and the reader's place is the
// top of the screen, as after a scroll.
func (a *articlePane) SetWhole(d *model.Document) {
	place := a.screenPlace()
	if place.paragraph >= 0 {
		place.paragraph, place.off = d.PlaceIn(a.doc, place.paragraph, place.off)
	}
	a.cursor = model.Mention{Start: -1}
	a.show(d, place)
	if a.page != nil {
		a.settle()
	}
}

// show shows d with place at the top of the screen.
func (a *articlePane) show(d *model.Document, place screenPlace) {
	a.doc = d
	a.blocks = readerBlocks(d)
	a.paraBlock = make([]int, len(d.Paragraphs))
	a.cells = make([]int32, len(a.blocks))
	for i, b := range a.blocks {
		switch b.kind {
		case blockParagraph:
			a.paraBlock[b.paragraph] = i
			a.cells[i] = int32(displayWidth(d.Paragraphs[b.paragraph].Text))
		case blockTitle:
			a.cells[i] = int32(displayWidth(d.Title))
		default:
			a.cells[i] = 40
		}
	}
	a.layouts = map[int]*pageLayout{}
	a.page = nil
	a.top, a.line = 0, 0
	if a.width > 0 {
		a.useWidth()
		a.restore(place)
	}
}

// screenPlace is what the top line of the article shows, in terms that
// hold when the blocks change: a paragraph's line of text, by its first
// byte; the blank line after a paragraph; or a line of the title or the
// metadata line, which are the first blocks of any document. A divider
// or heading at the top is held by the first paragraph under it, and how
// many lines above that paragraph the screen starts.
type screenPlace struct {
	// paragraph is the paragraph held, or -1 for a block that opens the
	// document, or for no place.
	paragraph int
	// off is the first byte of the paragraph's line at the top; blank
	// reports the blank line after the paragraph instead.
	off   int
	blank bool
	// above is how many lines above the paragraph the screen starts; for
	// a line without text it is minus its number within the paragraph.
	above int
	// top and line hold a block that opens the document.
	top, line int
}

// screenPlace returns the reader's place on screen.
func (a *articlePane) screenPlace() screenPlace {
	none := screenPlace{paragraph: -1}
	if a.page == nil || len(a.blocks) == 0 {
		return none
	}
	b := a.blocks[a.top]
	switch {
	case b.kind == blockTitle || b.kind == blockMeta:
		return screenPlace{paragraph: -1, top: a.top, line: a.line}
	case b.kind == blockParagraph && a.line >= len(a.lines(a.top)):
		return screenPlace{paragraph: b.paragraph, blank: true}
	case b.kind == blockParagraph:
		if lo, _, ok := a.textMap(a.top).lineText(a.line); ok {
			return screenPlace{paragraph: b.paragraph, off: lo}
		}
		return screenPlace{paragraph: b.paragraph, above: -a.line}
	}
	above := a.blockHeight(a.top) - a.line
	for k := a.top + 1; k < len(a.blocks); k++ {
		if p := a.blocks[k].paragraph; p >= 0 {
			return screenPlace{paragraph: p, above: above}
		}
		above += a.blockHeight(k)
	}
	return none
}

// restore brings the place back to the top of the screen.
func (a *articlePane) restore(s screenPlace) {
	switch p := s.paragraph; {
	case p >= 0 && p < len(a.paraBlock) && s.blank:
		a.top = a.paraBlock[p]
		a.line = len(a.lines(a.top))
	case p >= 0 && p < len(a.paraBlock):
		a.top, a.line = a.paraBlock[p], a.lineIn(p, s.off)
		a.move(-s.above)
		return
	case p < 0 && s.top < len(a.blocks) && a.blocks[s.top].kind <= blockMeta:
		a.top, a.line = s.top, s.line
	}
	a.clamp()
}

// readingPlace is the paragraph and byte offset of the line at the top
// of the screen, where the reader is: 0, 0 above the first paragraph, and
// the paragraph's start when a heading or a blank line is at the top.
func (a *articlePane) readingPlace() (p, off int) {
	switch s := a.screenPlace(); {
	case s.paragraph < 0:
		return 0, 0
	case s.blank || s.above != 0:
		return s.paragraph, 0
	default:
		return s.paragraph, s.off
	}
}

// resumeAt brings the line showing byte off of paragraph p to the top of
// the screen, and makes it the reader's place; 0, 0 is the top of the
// article, title and all.
func (a *articlePane) resumeAt(p, off int) {
	if p < 0 || p >= len(a.paraBlock) || a.page == nil || p == 0 && off == 0 {
		return
	}
	a.restore(screenPlace{paragraph: p, off: off})
	a.settle()
}

// displayWidth estimates the cells text takes without decoding it: one a
// byte of ASCII, two for a character of three or more bytes (CJK), one
// for other characters.
func displayWidth(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x80:
			n++
		case c >= 0xE3:
			n += 2
		case c >= 0xC0:
			n++
		}
	}
	return n
}

// SetStyle switches the glamour style; what is on screen renders again.
func (a *articlePane) SetStyle(style string) {
	a.setRenderers(newRenderers(style))
}

// Remeasure lays the article out again after the way the terminal
// measures text (styles.Cells) changed.
func (a *articlePane) Remeasure() {
	a.setRenderers(newRenderers(a.renderers.style))
}

// setRenderers renders with r from now on, measuring as the styles say,
// and lays out again what is on screen.
func (a *articlePane) setRenderers(r *renderers) {
	r.cells = a.styles.Cells
	a.renderers = r
	a.layouts = map[int]*pageLayout{}
	a.page = nil
	if a.width > 0 {
		a.useWidth()
	}
}

// SetSize sets the pane size. A new width switches to the layout at that
// width, estimated where nothing has rendered yet, and keeps the block at
// the top of the screen in place.
func (a *articlePane) SetSize(w, h int) {
	resized := w != a.width
	a.width, a.height = max(w, 0), max(h, 0)
	if resized {
		a.useWidth()
		a.line = 0
	}
	a.clamp()
}

// textWidth is the width glamour wraps to: the pane less the mark gutter.
func (a *articlePane) textWidth() int {
	return min(max(a.width-1, 1), a.measure)
}

// useWidth selects, or starts, the layout at the current text width.
func (a *articlePane) useWidth() {
	w := a.textWidth()
	if p, ok := a.layouts[w]; ok {
		a.page = p
		return
	}
	room := max(w-glamourMargins, 1)
	hs := make([]int, len(a.blocks))
	for i, c := range a.cells {
		hs[i] = (int(c)*(100+wrapSlack)/100+room-1)/room + 1
	}
	a.page = &pageLayout{rendered: make([][]string, len(a.blocks)), heights: newHeights(hs), maps: map[int]*textMap{}}
	a.layouts[w] = a.page
}

// lines renders block b if it has not been, and returns its lines.
func (a *articlePane) lines(b int) []string {
	if r := a.page.rendered[b]; r != nil {
		return r
	}
	var r []string
	var err error
	if blk := a.blocks[b]; blk.kind == blockDivider {
		rule := dividerRule
		if style := a.renderers.style; style == StyleASCII || style == StyleNoTTY {
			rule = asciiDividerRule
		}
		// Dim, as the hint line is: lede's words, not the text's.
		r = dividerLines(a.doc.Sections[blk.section].Title, a.textWidth(), a.renderers.leftMargin(), rule, a.styles.Hint, a.styles.Cells)
	} else {
		r, err = a.renderers.blockLines(blk, a.doc, false, a.textWidth())
	}
	if err != nil {
		a.err = err
		r = []string{}
	}
	a.page.rendered[b] = r
	a.page.heights.set(b, len(r)+1)
	return r
}

// blockHeight is the number of lines of block b and its blank line, rendering
// it if needed.
func (a *articlePane) blockHeight(b int) int {
	return len(a.lines(b)) + 1
}

// lineCount is the number of lines of the whole article, estimated for
// blocks not yet rendered.
func (a *articlePane) lineCount() int {
	if a.page == nil {
		return 0
	}
	return max(a.page.heights.total()-1, 0)
}

// Offset is the line at the top of the screen.
func (a *articlePane) Offset() int {
	if a.page == nil || len(a.blocks) == 0 {
		return 0
	}
	return a.page.heights.start(a.top) + a.line
}

// topParagraph is the first paragraph at or below the top of the screen,
// or -1 before there is a layout.
func (a *articlePane) topParagraph() int {
	if a.page == nil || len(a.doc.Paragraphs) == 0 {
		return -1
	}
	b := a.top
	if a.line >= len(a.lines(b)) {
		b++ // the top line is the blank line after block b
	}
	for ; b < len(a.blocks); b++ {
		if p := a.blocks[b].paragraph; p >= 0 {
			return p
		}
	}
	return len(a.doc.Paragraphs) - 1
}

// move shifts the view n lines (negative is up), rendering the blocks it
// passes, and stops at the top and at the bottom.
func (a *articlePane) move(n int) {
	if a.page == nil || len(a.blocks) == 0 {
		return
	}
	for n > 0 && a.top < len(a.blocks) {
		rest := a.blockHeight(a.top) - a.line
		if n < rest {
			a.line += n
			break
		}
		n -= rest
		if a.top == len(a.blocks)-1 {
			break
		}
		a.top, a.line = a.top+1, 0
	}
	for n < 0 {
		if -n <= a.line {
			a.line += n
			break
		}
		n += a.line
		if a.top == 0 {
			a.line = 0
			break
		}
		a.top--
		a.line = a.blockHeight(a.top)
	}
	a.clamp()
}

// clamp keeps the screen full: it never scrolls past the point where the
// last line of the article is at the bottom.
func (a *articlePane) clamp() {
	if a.page == nil || len(a.blocks) == 0 {
		a.top, a.line = 0, 0
		return
	}
	a.line = min(max(a.line, 0), max(a.blockHeight(a.top)-1, 0))
	// Lines from the top of the screen to the end, counting at most a
	// screen's worth.
	need := a.height
	have := a.blockHeight(a.top) - a.line - 1
	for b := a.top + 1; b < len(a.blocks) && have < need; b++ {
		have += a.blockHeight(b)
	}
	if have >= need {
		return
	}
	a.toBottom()
}

// toBottom puts the last line of the article at the bottom of the screen.
func (a *articlePane) toBottom() {
	b := len(a.blocks) - 1
	have := a.blockHeight(b) - 1
	for have < a.height && b > 0 {
		b--
		have += a.blockHeight(b)
	}
	a.top, a.line = b, max(have-a.height, 0)
}

// ScrollBy moves the view n lines (negative is up); the reader's place
// becomes the top of the screen.
func (a *articlePane) ScrollBy(n int) {
	a.move(n)
	a.settle()
}

// ScrollTo puts line n at the top of the screen.
func (a *articlePane) ScrollTo(n int) {
	if a.page == nil {
		return
	}
	switch {
	case n <= 0:
		a.top, a.line = 0, 0
	case n >= a.lineCount():
		a.toBottom()
	default:
		a.top, a.line = a.page.heights.find(n)
	}
	a.clamp()
	a.settle()
}

// settle makes the top of the screen the reader's place after a scroll.
func (a *articlePane) settle() {
	a.mark, a.spot, a.spotGaps = -1, model.Mention{}, nil
	if p := a.topParagraph(); p >= 0 {
		a.cursor = model.Mention{Paragraph: p, Start: -1}
	}
}

// JumpTo brings byte off of paragraph p near the top of the screen and
// makes it the reader's place; with mark the paragraph gets the gutter
// bar.
func (a *articlePane) JumpTo(p, off int, mark bool) {
	if p < 0 || p >= len(a.paraBlock) || a.page == nil {
		return
	}
	a.top, a.line = a.paraBlock[p], a.lineIn(p, off)
	a.move(-1)
	a.cursor = model.Mention{Paragraph: p, Start: off, End: off}
	a.mark, a.spot, a.spotGaps = -1, model.Mention{}, nil
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
		a.top, a.line = b, 0
		a.clamp()
	}
}

// JumpToSpan jumps to a span of text and paints it until the next move.
func (a *articlePane) JumpToSpan(m model.Mention) {
	a.JumpTo(m.Paragraph, m.Start, false)
	a.spot = m
	a.cursor = m
}

// JumpToQuote jumps to quote q and paints its words, not the cue that
// splits them.
func (a *articlePane) JumpToQuote(q model.Quote) {
	a.JumpToSpan(quoteSpan(q))
	a.spotGaps = q.Gaps
}

// lineIn is the line of paragraph p's block that shows byte off.
func (a *articlePane) lineIn(p, off int) int {
	if off <= 0 {
		return 0
	}
	if c, ok := a.textMap(a.paraBlock[p]).at(off); ok {
		return c.line
	}
	return 0
}

// lineOf is the line of the article that shows byte off of paragraph p.
func (a *articlePane) lineOf(p, off int) int {
	return a.page.heights.start(a.paraBlock[p]) + a.lineIn(p, off)
}

// textMap returns the map from text to cells of block b.
func (a *articlePane) textMap(b int) *textMap {
	m, ok := a.page.maps[b]
	if !ok {
		p := shown(a.doc, a.blocks[b].paragraph)
		m = newTextMap(p.Text, a.lines(b), hiddenMarks(p), a.styles.Cells)
		a.page.maps[b] = m
	}
	return m
}

// Cursor is where the reader is: the target of the last jump, or the top
// of the screen after scrolling.
func (a *articlePane) Cursor() model.Mention { return a.cursor }

// Paint paints span m until the next move; the zero span paints nothing.
func (a *articlePane) Paint(m model.Mention) { a.spot = m }

// Key scrolls the article for a movement key of k, as less does, and
// reports whether msg was one.
func (a *articlePane) Key(k KeyMap, msg tea.KeyPressMsg) bool {
	page := max(a.height-2, 1)
	switch {
	case key.Matches(msg, k.Down):
		a.ScrollBy(1)
	case key.Matches(msg, k.Up):
		a.ScrollBy(-1)
	case key.Matches(msg, k.PageDown):
		a.ScrollBy(page)
	case key.Matches(msg, k.PageUp):
		a.ScrollBy(-page)
	case key.Matches(msg, k.HalfDown):
		a.ScrollBy(max(a.height/2, 1))
	case key.Matches(msg, k.HalfUp):
		a.ScrollBy(-max(a.height/2, 1))
	case key.Matches(msg, k.Top):
		a.ScrollTo(0)
	case key.Matches(msg, k.Bottom):
		a.ScrollTo(a.lineCount())
	default:
		return false
	}
	return true
}

// SetHighlights paints every span in hs (search matches, an entity's
// mentions) until they are cleared.
func (a *articlePane) SetHighlights(hs []model.Mention) {
	a.highlights = hs
}

// Percent is how far through the article the view is, 0 to 100.
func (a *articlePane) Percent() int {
	total := a.lineCount()
	if total <= a.height {
		return 100
	}
	return min(a.Offset()*100/(total-a.height), 100)
}

// View draws the visible lines with the mark gutter at the left and the
// highlights painted over the text.
func (a *articlePane) View() string {
	if a.page == nil || a.height <= 0 {
		return ""
	}
	var out strings.Builder
	b, i := a.top, a.line
	for n := 0; n < a.height; n++ {
		if n > 0 {
			out.WriteByte('\n')
		}
		line, gutter := "", " "
		if b < len(a.blocks) {
			lines := a.lines(b)
			if i < len(lines) {
				line = a.paintLine(b, i)
				switch p := a.blocks[b].paragraph; {
				case p >= 0 && p == a.mark:
					gutter = a.styles.Mark.Render("▌")
				case a.keptOn(b, i):
					gutter = a.styles.KeptMark.Render("┃")
				}
			}
			if i++; i > len(lines) {
				b, i = b+1, 0
			}
		}
		out.WriteString(gutter)
		out.WriteString(fit(a.styles.Cells, line, a.width-1))
	}
	if a.err != nil {
		return fit(a.styles.Cells, a.err.Error(), a.width)
	}
	return out.String()
}

// paintLine returns line i of block b with the links, highlights and
// spot that fall on it painted. Only the highlights whose text is on the
// line are looked at, so a paragraph with thousands of matches paints as
// fast as one with a few.
func (a *articlePane) paintLine(b, i int) string {
	line := a.page.rendered[b][i]
	p := a.blocks[b].paragraph
	if p < 0 {
		return line
	}
	tm := a.textMap(b)
	lo, hi, ok := tm.lineText(i)
	if !ok {
		return line
	}
	var paints []paint
	add := func(m model.Mention, style *lipgloss.Style) {
		for _, s := range tm.spans(max(m.Start, lo), min(m.End, hi)) {
			if s.line == i {
				paints = append(paints, paint{s.from, s.to, style})
			}
		}
	}
	// Links first, so that a highlight over one is painted over it.
	for _, l := range renderedLinks(a.doc.Paragraphs[p], 0) {
		if l.dest != "" && l.End > lo && l.Start < hi {
			style := a.styles.Link.Hyperlink(l.dest)
			add(model.Mention{Paragraph: p, Start: l.Start, End: l.End}, &style)
		}
	}
	for _, k := range a.keptIn(p) {
		if k.End > lo && k.Start < hi {
			add(k, &a.styles.Kept)
		}
	}
	// Highlights do not overlap, so those on the line are a run of them:
	// the first that ends after the line starts, up to the first that
	// starts after it ends.
	hs := a.highlights
	k := sort.Search(len(hs), func(k int) bool {
		return hs[k].Paragraph > p || hs[k].Paragraph == p && hs[k].End > lo
	})
	for ; k < len(hs) && hs[k].Paragraph == p && hs[k].Start < hi; k++ {
		if hs[k] == a.spot {
			add(hs[k], &a.styles.Current)
		} else {
			add(hs[k], &a.styles.Highlight)
		}
	}
	if a.spot.End > 0 && a.spot.Paragraph == p && a.spot.End > lo && a.spot.Start < hi && !a.isHighlight(a.spot) {
		for s := range model.Parts(a.spot.Start, a.spot.End, a.spotGaps) {
			add(model.Mention{Paragraph: p, Start: s.Start, End: s.End}, &a.styles.Current)
		}
	}
	return paintLine(a.styles.Cells, line, paints)
}

// keptIn returns the reader's highlights in paragraph p.
func (a *articlePane) keptIn(p int) []model.Mention {
	k := sort.Search(len(a.kept), func(k int) bool { return a.kept[k].Paragraph >= p })
	end := k
	for end < len(a.kept) && a.kept[end].Paragraph == p {
		end++
	}
	return a.kept[k:end]
}

// keptOn reports whether line i of block b shows text of one of the
// reader's highlights.
func (a *articlePane) keptOn(b, i int) bool {
	p := a.blocks[b].paragraph
	if p < 0 {
		return false
	}
	kept := a.keptIn(p)
	if len(kept) == 0 {
		return false
	}
	lo, hi, ok := a.textMap(b).lineText(i)
	if !ok {
		return false
	}
	for _, k := range kept {
		if k.End > lo && k.Start < hi {
			return true
		}
	}
	return false
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
