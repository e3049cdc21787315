package ui

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

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

// markdownSpecial holds the ASCII punctuation that can start Markdown or
// HTML syntax inside a line and that glamour unescapes after a backslash.
const markdownSpecial = "\\`*_[]<>#|!"

// markdownEntities replaces the characters whose backslash escape glamour
// shows literally: '&' (which would start an entity) and '~'
// (strikethrough); it is indexed by the byte, "" for the others.
var markdownEntities = [256]string{'&': "&#38;", '~': "&#126;"}

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
		if e := markdownEntities[c]; e != "" {
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
