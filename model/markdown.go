package model

import (
	"bytes"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lede-tui/lede/model/internal/invisible"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// readMarkdown reads sanitized Markdown text. A leading YAML front-matter
// block gives title, byline, source and date; goldmark parses the rest
// (CommonMark with GitHub's extensions), and the reader walks its tree:
//
//   - headings become Heading paragraphs, and a first heading or short
//     first line becomes the title as in the plain reader;
//   - a paragraph wholly in strong emphasis ("**Why trains?**") becomes a
//     Bold paragraph without the marks;
//   - block quotes give Quoted paragraphs, each list item one paragraph
//     marked "-" or "3.", code blocks Code paragraphs with their line
//     breaks, a table one Table paragraph (see Paragraph.Table);
//   - inline marks are dropped for their text (images for their alt text,
//     raw HTML tags for nothing), line breaks become spaces, and links to
//     http, https and mailto URLs, bare ones too ("www.example.com"),
//     become Links on their text; struck-out text keeps its "~~" marks,
//     and a task list item's box reads "[ ]" or "[x]".
//
// A line that starts with something label-like is noted as a Label, as
// in the plain reader; a bold speaker label ("**Host:** Welcome",
// "[00:01:02] **Host:** Hi") at the start of a paragraph or after a hard
// line break is kept as written, as the plain reader keeps it, so that
// the label reads the same. A line of only no-break spaces starts a new
// paragraph.
//
// Markdown that goldmark would take too long over (see tooHardForGoldmark)
// is read as plain text. A long text is parsed in parts on every core
// (see markdownParagraphs).
func readMarkdown(src string) *Document {
	if tooHardForGoldmark(src) {
		return readPlain(src)
	}
	d := &Document{}
	d.Paragraphs = markdownParagraphs(d.readFrontMatter(src))
	d.splitAtLabels()
	d.takeTitle()
	return d
}

// markdownReader turns goldmark's tree into paragraphs.
type markdownReader struct {
	// src is the Markdown the tree was parsed from, and source the same
	// bytes as goldmark holds them; nodes hold offsets into them.
	src        string
	source     []byte
	paragraphs []Paragraph
	// quoted counts the block quotes around the current block.
	quoted int
	// item is the marker of the list item whose first paragraph is still
	// to come, or "".
	item string
	// w builds the text of the current paragraph.
	w paragraphWriter
}

// blocks reads the block children of n.
func (r *markdownReader) blocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Heading:
			r.inlines(c)
			r.flush(Paragraph{Heading: true})
		case *ast.Paragraph, *ast.TextBlock:
			r.textBlock(c)
		case *ast.Blockquote:
			r.quoted++
			r.blocks(c)
			r.quoted--
		case *ast.List:
			r.list(c)
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			r.code(c)
		case *ast.HTMLBlock:
			r.htmlBlock(c)
		case *east.Table:
			r.table(c)
		case *ast.ThematicBreak:
		default:
			r.blocks(c)
		}
	}
}

// list reads the items of a list, each marked "-" or with its number.
func (r *markdownReader) list(l *ast.List) {
	n := l.Start
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		r.item = "-"
		if l.IsOrdered() {
			r.item = strconv.Itoa(n) + "."
			n++
		}
		r.blocks(c)
	}
	r.item = ""
}

// table reads a table as one Table paragraph: a line for each row, the
// header first, and a tab between the cells of a row. A tab in a cell's
// text becomes a space, so that the tabs are the cells' bounds.
func (r *markdownReader) table(t *east.Table) {
	var b []byte
	var links []Link
	empty := true
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if row != t.FirstChild() {
			b = append(b, '\n')
		}
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if cell != row.FirstChild() {
				b = append(b, '\t')
			}
			r.inlines(cell)
			text, cellLinks, _ := r.w.finish()
			for _, l := range cellLinks {
				links = append(links, Link{Start: len(b) + l.Start, End: len(b) + l.End, URL: l.URL})
			}
			b = append(b, strings.ReplaceAll(text, "\t", " ")...)
			empty = empty && text == ""
		}
	}
	if !empty {
		r.add(Paragraph{Text: string(b), Table: true, Links: links})
	}
}

// code reads a fenced or indented code block, keeping its lines.
func (r *markdownReader) code(n ast.Node) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	var b []byte
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b = append(b, seg.Value(r.source)...)
	}
	start := lines.At(0).Start
	for len(b) > 0 && b[0] == '\n' {
		b, start = b[1:], start+1
	}
	b = bytes.TrimRight(b, "\n")
	if len(bytes.TrimFunc(b, IsSpace)) == 0 {
		return
	}
	r.add(Paragraph{Text: sourceSubstring(r.src, start, b), Code: true})
}

// htmlBlock reads the text of an HTML block that may hold text (an
// element or a tag on its own lines), without its tags. Comments,
// processing instructions, declarations, CDATA and script, style, pre and
// textarea elements are skipped.
func (r *markdownReader) htmlBlock(n *ast.HTMLBlock) {
	if n.HTMLBlockType != ast.HTMLBlockType6 && n.HTMLBlockType != ast.HTMLBlockType7 {
		return
	}
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.WriteString(stripTags(r.src[seg.Start:seg.Stop]))
		b.WriteByte(' ')
	}
	if s := trimSpace(collapseSpaces(decodeInline(b.String()))); s != "" {
		r.add(Paragraph{Text: s, Labels: labelsAt(s, nil)})
	}
}

// textBlock reads a paragraph, or the text of a tight list item. A
// paragraph wholly in strong emphasis is Bold. A line that holds only
// spaces starts a new paragraph.
func (r *markdownReader) textBlock(n ast.Node) {
	if inner := strongContent(n); inner != nil {
		r.inlines(inner)
		r.flush(Paragraph{Bold: true})
		return
	}
	first := n.FirstChild()
	if first == nil {
		return
	}
	r.startLine(first.Pos())
	for c := first; c != nil; c = c.NextSibling() {
		r.inline(c)
		t, ok := c.(*ast.Text)
		next := c.NextSibling()
		if !ok || next == nil || next.Pos() < 0 || !t.SoftLineBreak() && !t.HardLineBreak() {
			continue
		}
		switch {
		case trimSpace(r.line(next.Pos())) == "":
			r.flush(Paragraph{})
			r.startLine(next.Pos())
		case t.HardLineBreak():
			r.startLine(next.Pos())
		}
	}
	r.flush(Paragraph{})
}

// line returns the source from pos to the end of its line.
func (r *markdownReader) line(pos int) string {
	line := r.src[pos:]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i]
	}
	return line
}

// startLine begins a paragraph at the line at pos. A Markdown bold speaker
// label there is written as in the source and its nodes are skipped.
func (r *markdownReader) startLine(pos int) {
	if pos < 0 {
		return
	}
	line := r.line(pos)
	lead := len(line) - len(strings.TrimLeftFunc(line, IsSpace))
	l, ok := parseLabel(line[lead:])
	if !ok || !strings.Contains(line[lead:lead+l.Body], "**") {
		return
	}
	r.w.writeSource(pos+lead, pos+lead+l.Body)
	r.w.skip = pos + lead + l.Body
}

// strongContent returns the node whose children are the text of a
// paragraph wholly in strong emphasis ("**Why?**", "***Why?***"), or nil.
func strongContent(n ast.Node) ast.Node {
	strong := false
	c := n.FirstChild()
	for c != nil && c == n.LastChild() {
		e, ok := c.(*ast.Emphasis)
		if !ok {
			break
		}
		strong = strong || e.Level >= 2
		n, c = e, e.FirstChild()
	}
	if !strong {
		return nil
	}
	return n
}

// inlines writes the text of n's inline children.
func (r *markdownReader) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.inline(c)
	}
}

// inline writes the text of one inline node and its children.
func (r *markdownReader) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		r.w.writeMarkdown(n.Segment.Start, n.Segment.Stop)
		if n.SoftLineBreak() || n.HardLineBreak() {
			r.w.lineBreak(n.HardLineBreak())
		}
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if t, ok := c.(*ast.Text); ok {
				r.w.writeCode(t.Segment.Start, t.Segment.Stop)
			}
		}
	case *ast.Link:
		r.link(n, string(n.Destination))
	case *ast.AutoLink:
		r.autoLink(n)
	case *ast.RawHTML:
		if n.Segments.Len() > 0 && isBreakTag(r.src[n.Segments.At(0).Start:n.Segments.At(0).Stop]) {
			r.w.lineBreak(true)
		}
	case *east.Strikethrough:
		r.w.writeText(strikeMark)
		r.inlines(n)
		r.w.writeText(strikeMark)
	case *east.TaskCheckBox:
		if n.IsChecked {
			r.w.writeText("[x] ")
		} else {
			r.w.writeText("[ ] ")
		}
	default: // emphasis, images (their alt text) and anything else
		r.inlines(n)
	}
}

// strikeMark stands either side of struck-out text: lede keeps no inline
// styles, and the words read as struck out only with their marks.
const strikeMark = "~~"

// link writes a link's text, marked as a Link when its destination is an
// http, https or mailto URL and it is not inside another link.
func (r *markdownReader) link(n ast.Node, destination string) {
	url, ok := linkURL(decodeInline(destination))
	if !ok || r.w.linkStart != noLink {
		r.inlines(n)
		return
	}
	r.w.openLink()
	r.inlines(n)
	r.w.closeLink(url)
}

// autoLink writes an autolink ("<https://example.com>") as a link on its
// own text.
func (r *markdownReader) autoLink(n *ast.AutoLink) {
	label := string(n.Label(r.source))
	dest := string(n.URL(r.source))
	if n.AutoLinkType == ast.AutoLinkEmail {
		dest = "mailto:" + dest
	}
	url, ok := linkURL(dest)
	if ok && r.w.linkStart == noLink {
		r.w.openLink()
		defer r.w.closeLink(url)
	}
	r.w.writeText(label)
}

// flush ends the paragraph being written, adding it unless it is empty.
func (r *markdownReader) flush(p Paragraph) {
	p.Text, p.Links, p.Labels = r.w.finish()
	if p.Text != "" {
		r.add(p)
	}
}

// add appends a paragraph, marking it Quoted inside a block quote and
// giving a text paragraph (not code, not a table) its list item's marker.
func (r *markdownReader) add(p Paragraph) {
	p.Quoted = r.quoted > 0
	if !p.Code && !p.Table {
		p.Item, r.item = r.item, ""
	}
	r.paragraphs = append(r.paragraphs, p)
}

// noLink is paragraphWriter.linkStart outside a link.
const noLink = -2

// paragraphWriter builds one paragraph's text and links from pieces of the
// source and decoded text. Lines are trimmed and joined with single spaces,
// as the plain reader joins them. When the text is one unchanged run of the
// source, the paragraph keeps a substring of it instead of a copy.
type paragraphWriter struct {
	src   string
	buf   []byte
	links []Link
	// origin is the source offset that buf[0] was copied from, or -1.
	origin int
	// space reports a line break not yet written as a space, and hard
	// that it is a hard one.
	space, hard bool
	// lines are where the lines after the first begin in buf.
	lines []lineStart
	// linkStart is where the open link's text starts in buf, -1 before its
	// first character, or noLink outside a link.
	linkStart int
	// skip is the source offset before which pieces of the source are not
	// written: they were written already, as a label.
	skip int
}

// writeMarkdown writes the source text [start, stop), resolving backslash
// escapes and entity references.
func (w *paragraphWriter) writeMarkdown(start, stop int) {
	start = max(start, w.skip)
	if start >= stop {
		return
	}
	s := w.src[start:stop]
	if strings.ContainsAny(s, "\\&") {
		w.writeText(decodeInline(s))
		return
	}
	w.writeSource(start, stop)
}

// writeCode writes the source text [start, stop) of a code span as it
// stands, a line break inside it as a space.
func (w *paragraphWriter) writeCode(start, stop int) {
	s := w.src[start:stop]
	if strings.HasSuffix(s, "\n") {
		w.writeSource(start, stop-1)
		w.writeText(" ")
		return
	}
	w.writeSource(start, stop)
}

// writeSource writes the source text [start, stop) as it stands.
func (w *paragraphWriter) writeSource(start, stop int) {
	n := len(w.buf)
	w.write(w.src[start:stop])
	if n == 0 && len(w.buf) > 0 {
		w.origin = stop - len(w.buf)
	}
}

// writeText writes text that is not a piece of the source.
func (w *paragraphWriter) writeText(s string) {
	n := len(w.buf)
	w.write(s)
	if n == 0 && len(w.buf) > 0 {
		w.origin = -1
	}
}

// write appends s, dropping spaces at the start of the paragraph and of a
// line and putting one space for a pending line break. A variation
// selector that markup left without its character ("*\uFE0F*") is
// dropped too, as sanitize drops one that follows no character (see
// invisible.SelectorKept).
func (w *paragraphWriter) write(s string) {
	if last, n := utf8.DecodeLastRune(w.buf); n > 0 && !w.space && !invisible.SelectorKept(last) {
		s = strings.TrimLeftFunc(s, isVariationSelector)
	}
	if len(w.buf) == 0 || w.space {
		s = strings.TrimLeftFunc(s, func(r rune) bool { return IsSpace(r) || isVariationSelector(r) })
		if s == "" {
			return
		}
		if len(w.buf) > 0 {
			w.buf = append(w.buf, ' ')
			w.lines = append(w.lines, lineStart{at: len(w.buf), hard: w.hard})
		}
		w.space = false
	}
	if w.linkStart == -1 {
		w.linkStart = len(w.buf)
	}
	w.buf = append(w.buf, s...)
}

// lineBreak ends a line, hard or soft: its trailing spaces go, and the
// next text is put after one space.
func (w *paragraphWriter) lineBreak(hard bool) {
	w.buf = bytes.TrimRightFunc(w.buf, IsSpace)
	w.space, w.hard = true, hard
}

// openLink starts a link at the next character written.
func (w *paragraphWriter) openLink() { w.linkStart = -1 }

// closeLink ends the open link, keeping it when it covers some text.
func (w *paragraphWriter) closeLink(url string) {
	start := w.linkStart
	w.linkStart = noLink
	if start < 0 {
		return
	}
	end := len(bytes.TrimRightFunc(w.buf, IsSpace))
	start = end - len(bytes.TrimLeftFunc(w.buf[min(start, end):end], IsSpace))
	if start < end {
		w.links = append(w.links, Link{Start: start, End: end, URL: url})
	}
}

// finish returns the paragraph's text, trimmed, its links and the labels
// its lines begin with, and resets the writer for the next paragraph.
func (w *paragraphWriter) finish() (string, []Link, []Label) {
	text := sourceSubstring(w.src, w.origin, bytes.TrimRightFunc(w.buf, IsSpace))
	links := w.links
	for i := range links {
		links[i].End = min(links[i].End, len(text))
	}
	var labels []Label
	if text != "" {
		labels = labelsAt(text, w.lines)
	}
	w.buf, w.links, w.origin, w.space, w.linkStart = w.buf[:0], nil, -1, false, noLink
	w.lines = w.lines[:0]
	return text, links, labels
}

// sourceSubstring returns b as a string: the substring of src at offset
// origin when b is a copy of it, so that the text shares the source's
// memory, or else a copy.
func sourceSubstring(src string, origin int, b []byte) string {
	if origin >= 0 && origin+len(b) <= len(src) && src[origin:origin+len(b)] == string(b) {
		return src[origin : origin+len(b)]
	}
	return string(b)
}

// decodeInline resolves the backslash escapes and entity references of
// Markdown text ("\*", "&amp;", "&#8212;"). What they stand for is
// sanitized, since a reference can name a control character, and a line
// break becomes a space.
func decodeInline(s string) string {
	if !strings.ContainsAny(s, "\\&") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			i++
			b.WriteByte(s[i])
		case c == '&':
			if chars, n := entityAt(s[i:]); n > 0 {
				b.WriteString(chars)
				i += n - 1
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return strings.ReplaceAll(sanitize(b.String()), "\n", " ")
}

// entityAt reads the entity reference at the start of s as CommonMark
// defines one ("&amp;", "&#35;", "&#x1F600;") and returns the characters
// it stands for and its length, or 0 when s starts with none.
func entityAt(s string) (string, int) {
	end := strings.IndexByte(s[:min(len(s), maxEntityLen)], ';')
	if end < 2 {
		return "", 0
	}
	ref, name := s[:end+1], s[1:end]
	if name[0] != '#' {
		if e, ok := util.LookUpHTML5EntityByName(name); ok {
			return string(e.Characters), len(ref)
		}
		return "", 0
	}
	digits, set, limit := name[1:], "0123456789", 7
	if digits != "" && (digits[0] == 'x' || digits[0] == 'X') {
		digits, set, limit = digits[1:], "0123456789abcdefABCDEF", 6
	}
	if digits == "" || len(digits) > limit || strings.Trim(digits, set) != "" {
		return "", 0
	}
	return html.UnescapeString(ref), len(ref)
}

// maxEntityLen bounds the length of an entity reference, the longest
// entity name ("&CounterClockwiseContourIntegral;") included.
const maxEntityLen = 34

// isASCIIPunct reports whether c is ASCII punctuation, which a backslash
// escapes in Markdown.
func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !isASCIIAlnum(c)
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isBreakTag reports whether an HTML tag is a line break ("<br>",
// "<br/>").
func isBreakTag(tag string) bool {
	t := strings.ToLower(tag)
	return strings.HasPrefix(t, "<br") && (len(t) == 3 || strings.ContainsRune(" />\t\n", rune(t[3])))
}

// stripTags removes HTML tags and comments from s, putting a space for
// each so that words on either side stay apart.
func stripTags(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		closer := ">"
		if strings.HasPrefix(s[i:], "<!--") {
			closer = "-->"
		}
		j := strings.Index(s[i:], closer)
		if j < 0 {
			return b.String() // an unclosed tag runs to the end of the block
		}
		b.WriteByte(' ')
		s = s[i+j+len(closer):]
	}
}
