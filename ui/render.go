package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"

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

// articleBlocks lists the document's blocks in reading order.
func articleBlocks(d *model.Document) []block {
	blocks := make([]block, 0, len(d.Paragraphs)+len(d.Sections)+2)
	if d.Title != "" {
		blocks = append(blocks, block{blockTitle, -1, -1})
	}
	blocks = append(blocks, block{blockMeta, -1, -1})
	section := 0
	for i := range d.Paragraphs {
		for section < len(d.Sections) && d.Sections[section].Start == i {
			if len(d.Sections) > 1 && d.Sections[section].Title != "" {
				blocks = append(blocks, block{blockSection, -1, section})
			}
			section++
		}
		blocks = append(blocks, block{blockParagraph, i, -1})
	}
	return blocks
}

// markdown is the block's source for glamour. Document text is plain, so
// every piece of it is escaped: a '*' or '#' in an article is a
// character, not markup.
func (b block) markdown(d *model.Document) string {
	switch b.kind {
	case blockTitle:
		return "# " + escapeMarkdown(d.Title)
	case blockMeta:
		return "*" + escapeMarkdown(metadataLine(d)) + "*"
	case blockSection:
		return "## " + escapeMarkdown(d.Sections[b.section].Title)
	}
	return paragraphMarkdown(d.Paragraphs[b.paragraph])
}

// paragraphMarkdown renders a paragraph, its speaker label in bold.
func paragraphMarkdown(p model.Paragraph) string {
	if p.Heading {
		return "### " + escapeMarkdown(p.Text)
	}
	if p.Bold {
		return "**" + escapeMarkdown(p.Text) + "**"
	}
	if p.Body > 0 {
		label := strings.TrimSpace(p.Text[:p.Body])
		return "**" + escapeMarkdown(label) + "** " + escapeMarkdown(strings.TrimSpace(p.Text[p.Body:]))
	}
	return escapeMarkdown(p.Text)
}

// metadataLine is the line under the title: byline, source, date and
// reading time, whichever are known.
func metadataLine(d *model.Document) string {
	var parts []string
	for _, s := range []string{d.Byline, d.Source, d.Date} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	parts = append(parts, readingTime(d))
	return strings.Join(parts, " · ")
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
// "-", "+" or "12." that would start a list.
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
}

// newRenderers makes a renderer cache for a style name or JSON path.
func newRenderers(style string) *renderers {
	return &renderers{style: style, byWidth: map[int]*glamour.TermRenderer{}}
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

// renderBlock renders Markdown and returns its lines, without the blank
// lines glamour puts around every document.
func (r *renderers) renderBlock(markdown string, width int) ([]string, error) {
	tr, err := r.get(width)
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
	return lines, nil
}

// isBlankLine reports whether a rendered line shows nothing but spaces.
func isBlankLine(s string) bool {
	return strings.TrimSpace(ansi.Strip(s)) == ""
}

// Print renders the whole document for `lede print`: title, metadata line,
// sections and paragraphs, wrapped to width in the given style.
func Print(d *model.Document, style string, width int) (string, error) {
	r := newRenderers(style)
	var b strings.Builder
	for i, blk := range articleBlocks(d) {
		lines, err := r.renderBlock(blk.markdown(d), width)
		if err != nil {
			return "", err
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		for _, l := range lines {
			b.WriteString(strings.TrimRight(l, " "))
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
