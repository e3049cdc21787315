package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

// Style names accepted by --style, besides a path to a glamour JSON style.
const (
	StyleDark  = "dark"
	StyleLight = "light"
	StyleNoTTY = "notty"
	StyleASCII = "ascii"
)

// blockKind is what a block of the article shows.
type blockKind int

const (
	blockTitle blockKind = iota
	blockMeta
	blockSection
	blockParagraph
)

// block is one unit of the article as glamour renders it: the title, the
// metadata line, a section heading or a paragraph. Its Markdown is made
// only when it is rendered.
type block struct {
	kind blockKind
	// paragraph is the document paragraph the block shows, or -1.
	paragraph int
	// section is the section whose heading the block is, or -1.
	section int
}

// articleBlocks lists the document's blocks in reading order. A derived
// section's title is lede's, not the author's: it gets no heading block.
func articleBlocks(d *model.Document) []block {
	blocks := make([]block, 0, len(d.Paragraphs)+len(d.Sections)+2)
	if d.Title != "" {
		blocks = append(blocks, block{blockTitle, -1, -1})
	}
	blocks = append(blocks, block{blockMeta, -1, -1})
	section := 0
	for i := range d.Paragraphs {
		for section < len(d.Sections) && d.Sections[section].Start == i {
			if s := d.Sections[section]; len(d.Sections) > 1 && !s.Derived && s.Title != "" && !isHeading(d.Paragraphs[i], s.Title) {
				blocks = append(blocks, block{blockSection, -1, section})
			}
			section++
		}
		blocks = append(blocks, block{blockParagraph, i, -1})
	}
	return blocks
}

// isHeading reports whether p is a heading that reads title, which then
// stands for its section's heading.
func isHeading(p model.Paragraph, title string) bool {
	return p.Heading && strings.TrimSpace(p.Text) == strings.TrimSpace(title)
}

// markdown is the block's source for glamour. Document text is plain, so
// every piece of it is escaped: a '*' or '#' in an article is a
// character, not markup. With hrefs, links are Markdown links, which
// glamour shows with their URL after the text (for print); without, their
// text is plain and the reader paints the hyperlinks itself.
func (b block) markdown(d *model.Document, hrefs bool) string {
	switch b.kind {
	case blockTitle:
		return "# " + escapeMarkdown(d.Title)
	case blockMeta:
		return "*" + escapeMarkdown(metadataLine(d)) + "*"
	case blockSection:
		return "## " + escapeMarkdown(d.Sections[b.section].Title)
	}
	return paragraphMarkdown(shown(d, b.paragraph), hrefs)
}

// shownParagraph is a paragraph as the article shows it: its text and
// layout, and where the words after its speaker label begin (0 when it has
// none).
type shownParagraph struct {
	model.Paragraph
	body int
}

// shown returns paragraph i of d as the article shows it.
func shown(d *model.Document, i int) shownParagraph {
	return shownParagraph{d.Paragraphs[i], d.Annotation(i).Body}
}

// paragraphMarkdown renders a paragraph as Markdown: its text escaped, its
// links as links when hrefs is set, its speaker label in bold, and the
// marks of a heading, a bold paragraph, code or a list item; hiddenMarks
// lists the label marks it does not show.
func paragraphMarkdown(p shownParagraph, hrefs bool) string {
	var md string
	switch {
	case p.Code:
		md = fencedCode(p.Text)
	case p.Table:
		md = tableMarkdown(p.Paragraph, hrefs)
	case p.Heading:
		md = "### " + inlineMarkdown(p.Paragraph, 0, hrefs)
	case p.Bold:
		md = "**" + inlineMarkdown(p.Paragraph, 0, hrefs) + "**"
	case showsLabel(p):
		md = "**" + escapeMarkdown(labelText(p)) + "** " + inlineMarkdown(p.Paragraph, p.body, hrefs)
	default:
		md = inlineMarkdown(p.Paragraph, 0, hrefs)
	}
	return blockMarks(p.Paragraph, md)
}

// tableMarkdown renders a table paragraph as a Markdown table: its first
// line is the header row, each line a row, a tab between cells. Every
// row gets as many cells as the widest, since a Markdown table's rows
// must match its header.
func tableMarkdown(p model.Paragraph, hrefs bool) string {
	var rows [][]string
	columns := 0
	at := 0
	for line := range strings.Lines(p.Text) {
		line = strings.TrimSuffix(line, "\n")
		var cells []string
		for cell := range strings.SplitSeq(line, "\t") {
			cells = append(cells, inlineMarkdown(cellParagraph(p, at, at+len(cell)), 0, hrefs))
			at += len(cell) + 1
		}
		rows = append(rows, cells)
		columns = max(columns, len(cells))
	}
	var b strings.Builder
	for i, cells := range rows {
		if i == 1 {
			b.WriteString("\n|" + strings.Repeat(" --- |", columns))
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteByte('|')
		for k := range columns {
			cell := ""
			if k < len(cells) {
				cell = cells[k]
			}
			b.WriteString(" " + cell + " |")
		}
	}
	if len(rows) == 1 {
		b.WriteString("\n|" + strings.Repeat(" --- |", columns))
	}
	return b.String()
}

// cellParagraph is the text [start, end) of paragraph p, with the links
// that lie wholly inside it, as a paragraph of its own.
func cellParagraph(p model.Paragraph, start, end int) model.Paragraph {
	cell := model.Paragraph{Text: p.Text[start:end]}
	for _, l := range p.Links {
		if l.Start >= start && l.End <= end {
			cell.Links = append(cell.Links, model.Link{Start: l.Start - start, End: l.End - start, URL: l.URL})
		}
	}
	return cell
}

// showsLabel reports whether paragraphMarkdown shows the speaker label of
// p apart, in bold: p has one and is not code, a heading or bold.
func showsLabel(p shownParagraph) bool {
	return p.body > 0 && !p.Code && !p.Heading && !p.Bold
}

// labelMark is the Markdown bold mark that a speaker label read from
// Markdown keeps ("**Host:**"), so that the extractor knows it for a
// label; the label is shown in bold without it.
const labelMark = "**"

// labelText is the speaker label of p as shown, without its marks.
func labelText(p shownParagraph) string {
	return strings.ReplaceAll(strings.TrimSpace(p.Text[:p.body]), labelMark, "")
}

// inlineMarkdown escapes p.Text[from:] and, with hrefs, writes its links
// as Markdown links.
func inlineMarkdown(p model.Paragraph, from int, hrefs bool) string {
	if !hrefs {
		return escapeMarkdown(p.Text[from:])
	}
	var b strings.Builder
	at := from
	for _, l := range renderedLinks(p, from) {
		b.WriteString(escapeMarkdown(p.Text[at:l.Start]))
		text := escapeMarkdown(p.Text[l.Start:l.End])
		if l.dest != "" {
			text = "[" + text + "](" + l.dest + ")"
		}
		b.WriteString(text)
		at = l.End
	}
	b.WriteString(escapeMarkdown(p.Text[at:]))
	return b.String()
}

// renderedLink is a link as paragraphMarkdown writes it: dest is the URL
// glamour shows after the link's text, or "" when the text stands alone.
type renderedLink struct {
	model.Link
	dest string
}

// renderedLinks lists the links in p.Text[from:] that paragraphMarkdown
// writes, in order, skipping any that are empty, out of the text or
// overlap the one before.
func renderedLinks(p model.Paragraph, from int) []renderedLink {
	var out []renderedLink
	for _, l := range p.Links {
		if l.Start < from || l.End <= l.Start || l.End > len(p.Text) {
			continue
		}
		out = append(out, renderedLink{l, linkDestination(p.Text[l.Start:l.End], l.URL)})
		from = l.End
	}
	return out
}

// linkSchemes are the URL schemes a link is shown with.
var linkSchemes = []string{"http://", "https://", "mailto:"}

// linkDestination returns the URL of a link on text as Markdown is to hold
// it and glamour to show it after the text (and put it in a terminal
// hyperlink): an http, https or mailto URL with every control character,
// space, parenthesis, angle bracket, backslash and non-ASCII byte
// percent-encoded, so that it ends where Markdown expects and cannot carry
// an escape sequence. It is "" for a link to show as its text alone: one
// whose text is its URL, or that URL without "http://" ("www.example.com";
// glamour shows a bare URL as a link already), with
// another scheme, or whose URL does not parse.
func linkDestination(text, u string) string {
	if text == u || "mailto:"+text == u || "http://"+text == u || !hasLinkScheme(u) {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte(`()<>\`, c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	dest := b.String()
	if _, err := url.Parse(dest); err != nil {
		return ""
	}
	return dest
}

// hasLinkScheme reports whether u is an http, https or mailto URL.
func hasLinkScheme(u string) bool {
	for _, scheme := range linkSchemes {
		if len(u) > len(scheme) && strings.EqualFold(u[:len(scheme)], scheme) {
			return true
		}
	}
	return false
}

// fencedCode puts code in a fenced code block whose fence is longer than
// any run of backticks in it.
func fencedCode(code string) string {
	longest, run := 0, 0
	for i := 0; i < len(code); i++ {
		if code[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + "\n" + expandTabs(code) + "\n" + fence
}

// tabStop is the width of a tab in code, as terminals and less show it.
const tabStop = 8

// expandTabs replaces each tab in text with the spaces up to the next tab
// stop of its line, since a terminal renderer that draws cells draws no
// tab at all.
func expandTabs(text string) string {
	if !strings.Contains(text, "\t") {
		return text
	}
	var b strings.Builder
	col := 0
	for text != "" {
		cluster, w := ansi.FirstGraphemeCluster(text, ansi.GraphemeWidth)
		text = text[len(cluster):]
		switch cluster {
		case "\t":
			n := tabStop - col%tabStop
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case "\n":
			b.WriteString(cluster)
			col = 0
		default:
			b.WriteString(cluster)
			col += w
		}
	}
	return b.String()
}

// blockMarks puts the marks of a list item before the lines of md: its
// marker on the first line and an indent as wide on the others. (The bar
// of a block quote is drawn by blockLines.)
func blockMarks(p model.Paragraph, md string) string {
	marker := itemMarker(p.Item)
	if marker == "" {
		return md
	}
	lines := strings.Split(md, "\n")
	for i, line := range lines {
		if i == 0 {
			lines[i] = marker + " " + line
		} else {
			lines[i] = strings.Repeat(" ", len(marker)+1) + line
		}
	}
	return strings.Join(lines, "\n")
}

// itemMarker is the Markdown list marker for a paragraph's Item: its
// number ("3.") for an ordered item, "-" for any other item, or "".
func itemMarker(item string) string {
	if item == "" {
		return ""
	}
	number, ok := strings.CutSuffix(item, ".")
	if ok && number != "" && len(number) <= 9 && strings.Trim(number, "0123456789") == "" {
		return item
	}
	return "-"
}

// hiddenMarks lists the byte offsets of the marks in p's speaker label
// ("**Host:**") that the reader's rendering of p does not show, for
// newTextMap to skip; each is len(labelMark) bytes.
func hiddenMarks(p shownParagraph) []int {
	if !showsLabel(p) {
		return nil
	}
	var marks []int
	label := p.Text[:p.body]
	for i := 0; ; i += len(labelMark) {
		k := strings.Index(label[i:], labelMark)
		if k < 0 {
			return marks
		}
		i += k
		marks = append(marks, i)
	}
}

// metadataLine is the line under the title: byline, source, date and
// reading time, whichever are known.
func metadataLine(d *model.Document) string {
	return strings.Join(facts(d, true), " · ")
}

// facts are what lede says about a document wherever it names one, the
// line under the title, the shelf and the status line: its byline (when
// asked for), source, date and reading time, whichever are known. The
// source is the publication, else the file name or URL, which is left
// out when the document has no title, as the name stands for the title.
func facts(d *model.Document, byline bool) []string {
	var out []string
	if byline && d.Byline != "" {
		out = append(out, d.Byline)
	}
	switch {
	case d.Source != "":
		out = append(out, d.Source)
	case d.Title != "" && d.Name == "-":
		out = append(out, "standard input")
	case d.Title != "" && strings.Contains(d.Name, "://"):
		out = append(out, d.Name)
	case d.Title != "":
		out = append(out, filepath.Base(d.Name))
	}
	if d.Date != "" {
		out = append(out, d.Date)
	}
	return append(out, readingTime(d))
}

// readingTime estimates how long the article takes to read.
func readingTime(d *model.Document) string {
	return fmt.Sprintf("%d min read", d.ReadingMinutes())
}

// markdownSpecial holds the ASCII punctuation that can start Markdown or
// HTML syntax inside a line and that glamour unescapes after a backslash.
const markdownSpecial = "\\`*_[]<>#|!"

// markdownEntities replaces the characters whose backslash escape glamour
// shows literally: '&' (which would start an entity) and '~'
// (strikethrough).
var markdownEntities = map[byte]string{'&': "&#38;", '~': "&#126;"}

// escapeMarkdown makes s show literally in Markdown, including a leading
// "-", "+" or "12." that would start a list. Glamour makes a bare URL in
// text a terminal hyperlink; the colon of "ftp:" is written as an entity,
// so that only http, https and mailto addresses become links. A tab
// becomes a space.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if e, ok := markdownEntities[c]; ok {
			b.WriteString(e)
			continue
		}
		if c == ':' && strings.HasSuffix(s[:i], "ftp") {
			b.WriteString("&#58;")
			continue
		}
		if c == '\t' {
			// Text is wrapped anew, so a tab has no column to stop at.
			b.WriteByte(' ')
			continue
		}
		switch {
		case strings.IndexByte(markdownSpecial, c) >= 0,
			i == 0 && (c == '-' || c == '+'),
			i == digits && digits > 0 && (c == '.' || c == ')'):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// renderers keeps one glamour TermRenderer per (style, width), since
// building one parses its whole style sheet.
type renderers struct {
	style   string
	byWidth map[int]*glamour.TermRenderer
	// margin is the style's left margin in cells, or -1 until measured.
	margin int
	// cells measures the rendered lines as the terminal will (see
	// cellsFor); glamour measures grapheme clusters.
	cells ansi.Method
}

// newRenderers makes a renderer cache for a style name or JSON path.
func newRenderers(style string) *renderers {
	return &renderers{style: style, byWidth: map[int]*glamour.TermRenderer{}, margin: -1}
}

// get returns the renderer for width, building it on first use.
func (r *renderers) get(width int) (*glamour.TermRenderer, error) {
	if tr, ok := r.byWidth[width]; ok {
		return tr, nil
	}
	opt := glamour.WithStandardStyle(r.style)
	if !isStandardStyle(r.style) {
		opt = glamour.WithStylesFromJSONFile(r.style)
	}
	tr, err := glamour.NewTermRenderer(opt, glamour.WithWordWrap(width))
	if err != nil {
		return nil, styleError(r.style, err)
	}
	r.byWidth[width] = tr
	return tr, nil
}

// isStandardStyle reports whether style names a built-in style.
func isStandardStyle(style string) bool {
	switch style {
	case StyleDark, StyleLight, StyleNoTTY, StyleASCII:
		return true
	}
	return false
}

// styleError explains a style that cannot be loaded.
func styleError(style string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("unknown style %q: use dark, light, notty, ascii or the path of a glamour JSON style", style)
	}
	var inner error = err
	for u := errors.Unwrap(inner); u != nil; u = errors.Unwrap(inner) {
		inner = u
	}
	return fmt.Errorf("style %s: %w", style, inner)
}

// CheckStyle reports whether style can be used: a built-in name, or a
// glamour JSON style file that loads.
func CheckStyle(style string) error {
	if style == "" || isStandardStyle(style) {
		return nil
	}
	_, err := newRenderers(style).get(maxTextWidth)
	return err
}

// quoteBar is drawn after the margin on every line of a block-quoted
// paragraph, as glamour would draw a block quote's bar.
const quoteBar = "│ "

// blockLines renders block b of d at width; with hrefs, links show their
// URLs. Glamour loses the bar of a block quote on some wrapped lines
// (glamour issue #172), so a block-quoted paragraph is rendered without
// the quote, the bar's width narrower, and its bar is drawn here on every
// line.
func (r *renderers) blockLines(b block, d *model.Document, hrefs bool, width int) ([]string, error) {
	if b.kind != blockParagraph || !d.Paragraphs[b.paragraph].Quoted {
		return r.renderBlock(b.markdown(d, hrefs), width)
	}
	lines, err := r.renderBlock(paragraphMarkdown(shown(d, b.paragraph), hrefs), width-r.cells.StringWidth(quoteBar))
	if err != nil {
		return nil, err
	}
	bar := quoteBar
	if r.style == StyleASCII || r.style == StyleNoTTY {
		bar = "| " // glamour's notty style is its ASCII one
	}
	margin := r.leftMargin()
	for i, l := range lines {
		lines[i] = fit(r.cells, cut(r.cells, l, 0, margin, ""), margin) + bar + cut(r.cells, l, margin, r.cells.StringWidth(l), "")
	}
	return lines, nil
}

// leftMargin is how many cells the style leaves before a paragraph's
// text, measured once by rendering a letter.
func (r *renderers) leftMargin() int {
	if r.margin < 0 {
		r.margin = 0
		if lines, err := r.renderBlock("x", 20); err == nil && len(lines) > 0 {
			r.margin = max(strings.Index(ansi.Strip(lines[0]), "x"), 0)
		}
	}
	return r.margin
}

// renderBlock renders Markdown and returns its lines, without the blank
// lines glamour puts around every document, nor the padding after their
// text (see trimPadding).
func (r *renderers) renderBlock(markdown string, width int) ([]string, error) {
	tr, err := r.get(wrapWidth(r.cells, markdown, width))
	if err != nil {
		return nil, err
	}
	out, err := tr.Render(markdown)
	if err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	lines := strings.Split(out, "\n")
	for len(lines) > 0 && isBlankLine(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && isBlankLine(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	joinClusters(lines)
	for i, l := range lines {
		lines[i] = trimPadding(l)
	}
	return lines, nil
}

// joinClusters moves the characters that extend a grapheme cluster
// (combining marks, joiners, variation selectors, emoji modifiers) from
// the start of a line's text back to the end of the text of the line
// before, to the letter they belong to. Glamour's wrapping (x/ansi's hard
// wrap of a word longer than the line) cuts a cluster whose base is
// ASCII, leaving "é" as "e" at the end of one line and a bare accent at
// the start of the next.
func joinClusters(lines []string) {
	for i := 1; i < len(lines); i++ {
		from, to := leadingExtenders(lines[i])
		at := textEnd(lines[i-1])
		if from == to || at < 0 {
			continue
		}
		run := lines[i][from:to]
		lines[i] = lines[i][:from] + lines[i][to:]
		lines[i-1] = lines[i-1][:at] + run + lines[i-1][at:]
	}
}

// leadingExtenders returns the bytes [from, to) of the run of cluster
// extenders that begins a line's text, after its margin; from == to when
// the text begins with anything else.
func leadingExtenders(line string) (from, to int) {
	at, state := 0, byte(0)
	for at < len(line) {
		seq, _, n, next := ansi.DecodeSequence(line[at:], state, nil)
		state = next
		if seq[0] != ansi.ESC {
			for k, r := range seq {
				switch {
				case r == ' ' && from == to:
				case extendsCluster(r):
					if from == to {
						from = at + k
					}
					to = at + k + utf8.RuneLen(r)
				default:
					return from, to
				}
			}
		} else if from != to {
			return from, to
		}
		at += n
	}
	return from, to
}

// textEnd is the byte just after the last character of a line that is
// not a space or part of an escape code, or -1 when there is none.
func textEnd(line string) int {
	end, at, state := -1, 0, byte(0)
	for at < len(line) {
		seq, _, n, next := ansi.DecodeSequence(line[at:], state, nil)
		state = next
		if seq[0] != ansi.ESC && strings.TrimLeft(seq, " ") != "" {
			end = at + n
		}
		at += n
	}
	return end
}

// extendsCluster reports whether r extends the grapheme cluster before it
// rather than starting one: a combining mark, a zero-width joiner, a
// variation selector, an emoji modifier or a tag character.
func extendsCluster(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) ||
		r == '\u200d' ||
		r >= 0xfe00 && r <= 0xfe0f ||
		r >= 0x1f3fb && r <= 0x1f3ff ||
		r >= 0xe0020 && r <= 0xe007f
}

// wrapWidth is the width glamour wraps markdown to so that its lines are
// at most width cells as cells measures them. Glamour counts grapheme
// clusters; a terminal that counts characters gives an emoji sequence
// more cells than glamour allows for, so such text wraps narrower by the
// difference (by at most half the width).
func wrapWidth(cells ansi.Method, markdown string, width int) int {
	if cells != ansi.WcWidth {
		return width
	}
	extra := ansi.StringWidthWc(markdown) - ansi.StringWidth(markdown)
	return max(width-min(max(extra, 0), width/2), 1)
}

// isBlankLine reports whether a rendered line shows nothing but spaces.
func isBlankLine(s string) bool {
	return strings.TrimSpace(ansi.Strip(s)) == ""
}

// Print renders the whole document for `lede print`: title, metadata line,
// sections and paragraphs, wrapped to width in the given style. In the
// notty and ascii styles the output holds no escape codes at all, not even
// hyperlinks. No line is padded beyond its text (see renderBlock), so the
// output grows with the text, not with the width.
func Print(d *model.Document, style string, width int) (string, error) {
	r := newRenderers(style)
	plain := style == StyleNoTTY || style == StyleASCII
	var b strings.Builder
	for i, blk := range articleBlocks(d) {
		lines, err := r.blockLines(blk, d, true, width)
		if err != nil {
			return "", err
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, l := range lines {
			if plain {
				// glamour makes links OSC 8 hyperlinks whatever the style.
				l = ansi.Strip(l)
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}

// TerminalStyle picks dark or light for output to the terminal f, asking
// the terminal for its background colour (dark when it does not answer).
func TerminalStyle(f *os.File) string {
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return StyleDark
	}
	defer tty.Close()
	if lipgloss.HasDarkBackground(tty, f) {
		return StyleDark
	}
	return StyleLight
}
