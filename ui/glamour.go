package ui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/glamour/v2"
	gansi "charm.land/glamour/v2/ansi"
	glamourstyles "charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

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
	tr, err := glamour.NewTermRenderer(glamourStyle(r.style), glamour.WithWordWrap(width))
	if err != nil {
		return nil, styleError(r.style, err)
	}
	r.byWidth[width] = tr
	return tr, nil
}

// glamourStyle is the option that gives a renderer a style: lede's
// nocolor, one of glamour's by name, or a JSON style file.
func glamourStyle(style string) glamour.TermRendererOption {
	switch {
	case style == StyleNoColor:
		return glamour.WithStyles(noColorStyle())
	case isStandardStyle(style):
		return glamour.WithStandardStyle(style)
	}
	return glamour.WithStylesFromJSONFile(style)
}

// noColorStyle is glamour's notty style with its markers of emphasis and
// headings ("**", "*", "~~", "# ") made attributes that are not colours:
// bold, italics, strikethrough, and a heading in bold (the title also
// underlined), as NO_COLOR asks.
func noColorStyle() gansi.StyleConfig {
	on := func() *bool { b := true; return &b }
	c := glamourstyles.NoTTYStyleConfig
	c.Heading.Bold = on()
	for _, h := range []*gansi.StyleBlock{&c.H1, &c.H2, &c.H3, &c.H4, &c.H5, &c.H6} {
		h.Prefix = ""
	}
	c.H1.Underline = on()
	c.Strong = gansi.StylePrimitive{Bold: on()}
	c.Emph = gansi.StylePrimitive{Italic: on()}
	c.Strikethrough = gansi.StylePrimitive{CrossedOut: on()}
	c.LinkText = gansi.StylePrimitive{Underline: on()}
	bar := quoteBar
	c.BlockQuote.IndentToken = &bar
	return c
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
		if lines, err := r.glamourLines("x", 20); err == nil && len(lines) > 0 {
			r.margin = max(strings.Index(ansi.Strip(lines[0]), "x"), 0)
		}
	}
	return r.margin
}

// renderBlock renders Markdown and returns its lines, without the blank
// lines glamour puts around every document, nor the padding after their
// text (see trimPadding).
func (r *renderers) renderBlock(markdown string, width int) ([]string, error) {
	return r.renderWrapped(markdown, wrapWidth(r.cells, markdown, width))
}

// renderWrapped is renderBlock with glamour wrapping at wrap, as
// wrapWidth gives it; a paragraph of plain prose in the notty and ascii
// styles is wrapped without glamour (see plainLines).
func (r *renderers) renderWrapped(markdown string, wrap int) ([]string, error) {
	if lines, ok := r.plainLines(markdown, wrap); ok {
		return lines, nil
	}
	return r.glamourLines(markdown, wrap)
}

// plainLines renders markdown as glamour's notty and ascii styles render
// it, when it is a paragraph of plain prose (see plainProse): glamour
// then only wraps the text with lipgloss.Wrap to the width inside the
// style's margins, and puts the margin before each line. It reports
// false, for glamour to render the markdown, in the other styles, for
// any other markdown, when the margins leave no room for the text, and
// when lipgloss.Wrap leaves a line wider than the room (a hyphen's
// break in a narrow column can), which glamour's margins then wrap
// again.
func (r *renderers) plainLines(markdown string, wrap int) ([]string, bool) {
	if r.style != StyleNoTTY && r.style != StyleASCII || !plainProse(markdown) {
		return nil, false
	}
	margin := r.leftMargin()
	if wrap <= 2*margin {
		return nil, false
	}
	lines := strings.Split(lipgloss.Wrap(markdown, wrap-2*margin, ""), "\n")
	pad := strings.Repeat(" ", margin)
	for i, l := range lines {
		// Each character plainProse allows is a cluster of one cell.
		if utf8.RuneCountInString(l) > wrap-2*margin {
			return nil, false
		}
		lines[i] = trimPadding(pad + l)
	}
	return lines, true
}

// plainProse reports whether markdown is one line of prose in which
// glamour finds no syntax at all, by an allow-list of its characters:
// it begins with a letter, a quote, a parenthesis or a character beyond
// ASCII but a no-break space, never with a list's, heading's or block's
// mark, and ends with no space; between come
// letters, digits, spaces between words, the punctuation
// .,;'"?()-/%$ , a colon before a space or at the end (never "http:",
// "mailto:" or an emoji's ":name:"), and the Latin-1 letters and signs
// (with the no-break space, without the soft hyphen) and general
// punctuation's dashes, quotes, bullets and dots that sameWidths allows;
// and no "www." that glamour would make a link. Whatever escapeMarkdown
// escapes is left out, its backslash or '&' first of all. A speaker
// label in bold ("**Host:** text") is allowed when label and text are
// each such prose, since notty and ascii show bold as its marks.
func plainProse(markdown string) bool {
	if label, rest, ok := strings.Cut(strings.TrimPrefix(markdown, labelMark), labelMark+" "); ok && strings.HasPrefix(markdown, labelMark) {
		return plainText(label) && plainText(rest)
	}
	return plainText(markdown)
}

// plainText is plainProse of text that has no speaker label.
func plainText(markdown string) bool {
	if markdown == "" || !startsProse(markdown[0]) || markdown[len(markdown)-1] == ' ' ||
		strings.HasPrefix(markdown, nbsp) || strings.HasSuffix(markdown, nbsp) {
		return false
	}
	for i, c := range markdown {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case c == ' ' || strings.ContainsRune(".,;'\"?()-/%$", c):
			if c == '.' && i >= 3 && strings.EqualFold(markdown[i-3:i], "www") {
				return false
			}
		case c == ':':
			if i == 0 || i+1 < len(markdown) && markdown[i+1] != ' ' {
				return false
			}
		case c >= 0xa0 && c <= 0xff && c != 0xad, c >= 0x2010 && c <= 0x2027:
		default:
			return false
		}
	}
	return true
}

// nbsp is the no-break space, which glamour trims from the ends of a
// paragraph as it trims spaces.
const nbsp = "\u00a0"

// startsProse reports whether a paragraph that begins with byte c can
// be plain prose (see plainProse): c is an ASCII letter, a quote, an
// opening parenthesis or the first byte of a character beyond ASCII.
func startsProse(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '"' || c == '\'' || c == '(' || c >= utf8.RuneSelf
}

// glamourLines is renderWrapped by glamour, whatever the markdown.
func (r *renderers) glamourLines(markdown string, wrap int) ([]string, error) {
	tr, err := r.get(wrap)
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
		if from == to {
			continue
		}
		at := textEnd(lines[i-1])
		if at < 0 {
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
	if cells != ansi.WcWidth || sameWidths(markdown) {
		return width
	}
	extra := ansi.StringWidthWc(markdown) - ansi.StringWidth(markdown)
	return max(width-min(max(extra, 0), width/2), 1)
}

// isBlankLine reports whether a rendered line shows nothing but spaces.
func isBlankLine(s string) bool {
	return strings.TrimSpace(ansi.Strip(s)) == ""
}

// sameWidths reports whether s holds only characters that are each a
// cluster of their own and as wide counted by characters as by clusters:
// ASCII, Latin-1's letters and signs but the soft hyphen, and the dashes,
// quotes, bullets and dots of general punctuation. Such text measures
// the same both ways, and most prose is such text; wrapWidth need not
// measure it.
func sameWidths(s string) bool {
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
		case r >= 0xa0 && r <= 0xff && r != 0xad:
		case r >= 0x2010 && r <= 0x2027:
		default:
			return false
		}
	}
	return true
}
