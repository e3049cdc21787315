package model

import (
	"strings"
	"unicode/utf8"
)

// maxParagraphLen is the longest paragraph kept whole, in bytes. Longer
// ones (a 10 MB file with no line breaks) are cut into pieces of about
// this size, so no single paragraph is costly to render, search or show.
const maxParagraphLen = 16 << 10

// splitLongParagraphs cuts every paragraph over maxParagraphLen bytes into
// pieces, each ending at a sentence end or, failing that, a space in the
// last quarter of the allowed length. Links move with their text; a link
// across a cut is kept on the piece where it starts. Only the first piece
// keeps a speaker label, a list marker or heading and bold marks.
func (d *Document) splitLongParagraphs() {
	long := false
	for _, p := range d.Paragraphs {
		if len(p.Text) > maxParagraphLen {
			long = true
			break
		}
	}
	if !long {
		return
	}
	out := make([]Paragraph, 0, len(d.Paragraphs)+1)
	for _, p := range d.Paragraphs {
		for len(p.Text) > maxParagraphLen {
			cut := cutPoint(p.Text, maxParagraphLen)
			head := p
			head.Text = strings.TrimRight(p.Text[:cut], " ")
			head.Links = nil
			rest := p
			rest.Text = strings.TrimLeft(p.Text[cut:], " ")
			shift := len(p.Text) - len(rest.Text)
			rest.Body, rest.Bold, rest.Heading, rest.Item = 0, false, false, ""
			rest.Links = nil
			for _, l := range p.Links {
				if l.Start < len(head.Text) {
					l.End = min(l.End, len(head.Text))
					head.Links = append(head.Links, l)
				} else if l.Start >= shift {
					l.Start, l.End = l.Start-shift, l.End-shift
					rest.Links = append(rest.Links, l)
				}
			}
			out = append(out, head)
			p = rest
		}
		if p.Text != "" {
			out = append(out, p)
		}
	}
	d.Paragraphs = out
}

// cutPoint finds where to cut text at most limit bytes in: after the last
// sentence end followed by a space, else at the last space, in the last
// quarter of the limit; else at a rune boundary at the limit.
func cutPoint(text string, limit int) int {
	window := text[limit*3/4 : limit]
	base := limit * 3 / 4
	for _, end := range []string{". ", "? ", "! ", "。", "？", "！"} {
		if i := strings.LastIndex(window, end); i >= 0 {
			return base + i + len(end)
		}
	}
	if i := strings.LastIndexByte(window, ' '); i > 0 {
		return base + i + 1
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return cut
}
