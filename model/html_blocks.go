package model

import (
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphBuilder turns the elements and text of an HTML page, in document
// order, into paragraphs. Block elements end the paragraph being built;
// inline elements add marks (bold, links, quotation marks) to it. White
// space is collapsed as a browser renders it, except in <pre>. Both the
// tree walk of Readability's content and the streaming reader of large
// pages drive it, through open, close and text.
type paragraphBuilder struct {
	// base resolves relative links; nil when the page's address is unknown.
	base *url.URL
	// whole reports that the builder reads a whole page rather than the
	// content Readability found, and so skips navigation, headers,
	// footers, asides and forms too.
	whole bool

	paragraphs []Paragraph

	// The paragraph being built: its text, its links, and how many bytes
	// of its text stand inside and outside bold elements.
	buf             strings.Builder
	links           []Link
	boldText, plain int
	// A space, or a table cell separator, is due before more text; or
	// the text goes on without one, after an opening quotation mark.
	space, separator, glue bool

	// The open elements that mark the paragraphs inside them.
	bold, pre, quote, heading, quotation int
	lists                                []listState
	item                                 string // marker for the next paragraph, from an open <li>

	// The open link: its address, and where its text starts (-1 before
	// any text).
	linkURL   string
	linkStart int
}

// listState is an open <ul> or <ol>.
type listState struct {
	ordered bool
	next    int
}

// newParagraphBuilder returns a builder resolving links against base (which
// may be nil); whole tells it that it reads a whole page.
func newParagraphBuilder(base *url.URL, whole bool) *paragraphBuilder {
	return &paragraphBuilder{base: base, whole: whole}
}

// walk reads the children of n, and their children, in document order.
func (b *paragraphBuilder) walk(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			b.text(c.Data)
		case html.ElementNode:
			if b.open(c.DataAtom, c.Attr) {
				b.walk(c)
				b.close(c.DataAtom)
			}
		}
	}
}

// finish ends the last paragraph and returns the paragraphs.
func (b *paragraphBuilder) finish() []Paragraph {
	b.flush()
	return b.paragraphs
}

// skippedAlways lists the elements whose content is never text to read:
// scripts, styles, embedded documents and form controls.
var skippedAlways = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Title: true, atom.Svg: true, atom.Math: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Video: true, atom.Audio: true, atom.Select: true, atom.Textarea: true,
	atom.Button: true, atom.Input: true, atom.Datalist: true, atom.Dialog: true,
}

// skippedInPage lists the elements whose content is page furniture when a
// whole page is read.
var skippedInPage = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Menu: true,
}

// inline lists the elements that stay inside the paragraph around them.
// Any other element, known or not, starts and ends a block.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.Acronym: true, atom.B: true, atom.Bdi: true,
	atom.Bdo: true, atom.Big: true, atom.Br: true, atom.Cite: true, atom.Code: true, atom.Data: true,
	atom.Del: true, atom.Dfn: true, atom.Em: true, atom.Font: true, atom.I: true,
	atom.Img: true, atom.Ins: true, atom.Kbd: true, atom.Label: true, atom.Mark: true,
	atom.Nobr: true, atom.Picture: true, atom.Q: true, atom.Rp: true, atom.Rt: true,
	atom.Ruby: true, atom.S: true, atom.Samp: true, atom.Small: true, atom.Source: true,
	atom.Span: true, atom.Strike: true, atom.Strong: true, atom.Sub: true, atom.Sup: true,
	atom.Time: true, atom.Tt: true, atom.U: true, atom.Var: true, atom.Wbr: true,
}

// isBlock reports whether the element tag starts and ends a paragraph.
// Table cells do not: a table row is one paragraph, its cells separated
// by " | ".
func isBlock(tag atom.Atom) bool {
	return !inline[tag] && tag != atom.Td && tag != atom.Th
}

// open handles the start of an element and reports whether its content is
// to be read; when it is not, close must not be called for it.
func (b *paragraphBuilder) open(tag atom.Atom, attr []html.Attribute) bool {
	if skippedAlways[tag] || b.whole && skippedInPage[tag] || hasAttr(attr, "hidden") {
		return false
	}
	if isBlock(tag) {
		b.breakBlock()
	}
	switch tag {
	case atom.B, atom.Strong:
		b.bold++
	case atom.Q:
		b.mark(`“`, true)
		b.quotation++
	case atom.A:
		b.openLink(attrValue(attr, "href"))
	case atom.Br:
		b.lineBreak()
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext:
		b.pre++
	case atom.Blockquote:
		b.quote++
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.heading++
	case atom.Ul, atom.Ol, atom.Menu:
		b.openList(tag == atom.Ol, attrValue(attr, "start"))
	case atom.Li:
		b.item = b.nextItem()
	case atom.Td, atom.Th:
		b.separator = b.buf.Len() > 0
	}
	return true
}

// close handles the end of an element that open let through.
func (b *paragraphBuilder) close(tag atom.Atom) {
	if isBlock(tag) {
		b.breakBlock()
	}
	switch tag {
	case atom.B, atom.Strong:
		b.bold = max(b.bold-1, 0)
	case atom.Q:
		if b.quotation > 0 {
			b.quotation--
			b.mark(`”`, false)
		}
	case atom.A:
		b.closeLink()
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext:
		if b.pre == 1 {
			b.flush() // as code, before the <pre> is left
		}
		b.pre = max(b.pre-1, 0)
	case atom.Blockquote:
		b.quote = max(b.quote-1, 0)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.heading = max(b.heading-1, 0)
	case atom.Ul, atom.Ol, atom.Menu:
		if len(b.lists) > 0 {
			b.lists = b.lists[:len(b.lists)-1]
		}
	case atom.Li:
		b.item = ""
	}
}

// openList starts a list; start is an ordered list's first number, or "".
func (b *paragraphBuilder) openList(ordered bool, start string) {
	next := 1
	if n, err := strconv.Atoi(strings.TrimSpace(start)); err == nil {
		next = n
	}
	b.lists = append(b.lists, listState{ordered: ordered, next: next})
}

// nextItem returns the marker of a new list item: "-" in a bulleted list,
// its number and a dot in an ordered one.
func (b *paragraphBuilder) nextItem() string {
	if len(b.lists) == 0 || !b.lists[len(b.lists)-1].ordered {
		return "-"
	}
	l := &b.lists[len(b.lists)-1]
	l.next++
	return strconv.Itoa(l.next-1) + "."
}

// openLink starts a link to href, which is kept when it resolves to an
// http, https or mailto address.
func (b *paragraphBuilder) openLink(href string) {
	b.closeLink()
	b.linkURL = b.resolve(href)
	b.linkStart = -1
}

// closeLink ends the open link, recording it when it covers some text.
func (b *paragraphBuilder) closeLink() {
	if b.linkURL != "" && b.linkStart >= 0 && b.buf.Len() > b.linkStart {
		b.links = append(b.links, Link{Start: b.linkStart, End: b.buf.Len(), URL: b.linkURL})
	}
	b.linkURL = ""
}

// resolve returns href as an absolute http, https or mailto URL, or "".
func (b *paragraphBuilder) resolve(href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if b.base != nil {
		u = b.base.ResolveReference(u)
	}
	link, _ := linkURL(u.String())
	return link
}

// text adds the text of a text node, collapsing its runs of white space.
// Words with one space between them are written together, as they stand.
func (b *paragraphBuilder) text(s string) {
	s = sanitize(s)
	if b.pre > 0 {
		b.words(s, len(s))
		return
	}
	for s != "" {
		i, spaces := 0, 0
		for i < len(s) {
			if !htmlSpace[s[i]] {
				i++
				continue
			}
			if s[i] != ' ' || i == 0 || i+1 == len(s) || htmlSpace[s[i+1]] {
				break
			}
			spaces++
			i++
		}
		b.words(s[:i], i-spaces)
		if i == len(s) {
			return
		}
		b.space = true
		for i < len(s) && htmlSpace[s[i]] {
			i++
		}
		s = s[i:]
	}
}

// htmlSpace tells the white space that HTML collapses: space, tab, line
// feed, carriage return and form feed.
var htmlSpace = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true}

// words writes text, counting n of its bytes, those not white space, as
// bold or not.
func (b *paragraphBuilder) words(s string, n int) {
	b.write(s)
	if b.bold > 0 {
		b.boldText += n
	} else {
		b.plain += n
	}
}

// write appends text that holds no collapsible white space (or any, in
// <pre>), preceded by the space or cell separator that is due.
func (b *paragraphBuilder) write(s string) {
	if s == "" {
		return
	}
	if b.buf.Len() > 0 && !b.glue {
		switch {
		case b.separator:
			b.buf.WriteString(" | ")
		case b.space:
			b.buf.WriteByte(' ')
		}
	}
	b.space, b.separator, b.glue = false, false, false
	if b.linkURL != "" && b.linkStart < 0 {
		b.linkStart = b.buf.Len()
	}
	b.buf.WriteString(s)
}

// mark writes a quotation mark around the text of a <q>. An opening mark
// takes the space due before it and none after; a closing one leaves the
// space due for after. Marks count neither for nor against a bold
// paragraph.
func (b *paragraphBuilder) mark(s string, opening bool) {
	if opening || b.buf.Len() == 0 {
		b.write(s)
		b.glue = true
		return
	}
	b.buf.WriteString(s)
	b.glue = false
}

// lineBreak handles <br>: a new line in preformatted text, a space in a
// heading, and a new paragraph elsewhere, as a line break separates the
// parts of a paragraph on screen (an interview's question and answer, the
// lines of a poem or an address). A list item's marker stays on its first
// paragraph.
func (b *paragraphBuilder) lineBreak() {
	switch {
	case b.pre > 0:
		b.buf.WriteByte('\n')
	case b.heading > 0:
		b.space = true
	default:
		b.flush()
	}
}

// breakBlock ends the paragraph at a block's edge. In preformatted text a
// block's edge is a line break.
func (b *paragraphBuilder) breakBlock() {
	if b.pre > 0 {
		if s := b.buf.String(); s != "" && !strings.HasSuffix(s, "\n") {
			b.buf.WriteByte('\n')
		}
		return
	}
	b.flush()
}

// flush ends the paragraph being built, if it has any text.
func (b *paragraphBuilder) flush() {
	linkURL := b.linkURL
	b.closeLink()
	text := b.buf.String()
	p := trimParagraph(Paragraph{Text: text, Links: b.links}, b.pre > 0)
	if b.heading > 0 {
		p = dropPermalink(p)
	}
	if p.Text != "" {
		p.Heading = b.heading > 0
		p.Code = b.pre > 0
		p.Quoted = b.quote > 0
		p.Bold = !p.Heading && b.boldText > 0 && b.plain == 0
		p.Item, b.item = b.item, ""
		if !p.Code {
			p.Labels = labelsAt(p.Text, nil)
		}
		b.paragraphs = append(b.paragraphs, p)
	}
	b.buf.Reset()
	b.links = nil
	b.boldText, b.plain = 0, 0
	b.space, b.separator, b.glue = false, false, false
	if linkURL != "" {
		b.linkURL, b.linkStart = linkURL, -1 // the link goes on in the next block
	}
}

// permalinkMarks are the glyphs pages put after a heading as a link to
// itself.
var permalinkMarks = []string{"#", "¶", "§", "🔗", "∞"}

// dropPermalink removes a heading's link to itself: a permalink mark
// after a space at its end ("Current status #"), and the link on it.
func dropPermalink(p Paragraph) Paragraph {
	for _, mark := range permalinkMarks {
		if strings.HasSuffix(p.Text, " "+mark) {
			p.Text = strings.TrimRightFunc(strings.TrimSuffix(p.Text, mark), IsSpace)
			if n := len(p.Links); n > 0 && p.Links[n-1].End > len(p.Text) {
				p.Links = p.Links[:n-1]
			}
			return p
		}
	}
	return p
}

// trimParagraph trims the white space that collapsing left at the ends of
// a paragraph's text (no-break spaces), or the blank lines around a code
// block, keeping its links on their text.
func trimParagraph(p Paragraph, code bool) Paragraph {
	text := strings.TrimLeftFunc(p.Text, IsSpace)
	if code {
		// Keep the indentation of the first line.
		text = p.Text[strings.LastIndexByte(p.Text[:len(p.Text)-len(text)], '\n')+1:]
	}
	lead := len(p.Text) - len(text)
	text = strings.TrimRightFunc(text, IsSpace)
	if len(text) == len(p.Text) {
		return p
	}
	var links []Link
	for _, l := range p.Links {
		l.Start = max(l.Start-lead, 0)
		l.End = min(l.End-lead, len(text))
		if l.Start < l.End {
			links = append(links, l)
		}
	}
	return Paragraph{Text: text, Links: links}
}

// attrValue returns the value of the attribute key, or "".
func attrValue(attr []html.Attribute, key string) string {
	for _, a := range attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// hasAttr reports whether the attribute key is present.
func hasAttr(attr []html.Attribute, key string) bool {
	for _, a := range attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}
