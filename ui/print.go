package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

// Print renders the whole document for `lede print`: title, metadata line,
// sections and paragraphs, wrapped to width in the given style, a style
// name other than auto or a JSON style path. In the notty and ascii styles
// the output holds no escape codes at all, not even hyperlinks; in ascii,
// lede's glyphs and the text's typographic marks are ASCII too (see
// asciiGlyphs). No line is padded beyond its text (see renderBlock), so the
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
			if style == StyleASCII {
				l = asciiGlyphs.Replace(l)
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}
