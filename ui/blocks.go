package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

// blockKind is what a block of the article shows.
type blockKind int

const (
	blockTitle blockKind = iota
	blockMeta
	blockSection
	blockParagraph
	// blockDivider opens a derived section in the reader: lede's own
	// rule with the title lede gave the section, which is no heading of
	// the text (see dividerLines).
	blockDivider
)

// block is one unit of the article as glamour renders it: the title, the
// metadata line, a section heading, a divider or a paragraph. Its
// Markdown is made only when it is rendered.
type block struct {
	kind blockKind
	// paragraph is the document paragraph the block shows, or -1.
	paragraph int
	// section is the section whose heading or divider the block is, or -1.
	section int
}

// articleBlocks lists the document's blocks in reading order, as print
// shows them. A derived section's title is lede's, not the author's: it
// gets no block.
func articleBlocks(d *model.Document) []block { return blocksOf(d, false) }

// readerBlocks lists the document's blocks in reading order, as the
// reader shows them: a derived section opens with a divider.
func readerBlocks(d *model.Document) []block { return blocksOf(d, true) }

// blocksOf lists the document's blocks, with a divider before each
// derived section when dividers is set. No section title is shown when
// the document has one section, nor where it would read as the title
// just shown above it (the document's, a heading's or a divider's): two
// alike in a row tell the reader nothing.
func blocksOf(d *model.Document, dividers bool) []block {
	blocks := make([]block, 0, len(d.Paragraphs)+len(d.Sections)+2)
	last := "" // the title shown last
	if d.Title != "" {
		blocks = append(blocks, block{blockTitle, -1, -1})
		last = d.Title
	}
	blocks = append(blocks, block{blockMeta, -1, -1})
	section := 0
	for i, p := range d.Paragraphs {
		for section < len(d.Sections) && d.Sections[section].Start == i {
			s := d.Sections[section]
			switch {
			case len(d.Sections) < 2 || s.Title == "" || isHeading(p, s.Title) || sameTitle(s.Title, last):
			case !s.Derived:
				blocks = append(blocks, block{blockSection, -1, section})
				last = s.Title
			case dividers:
				blocks = append(blocks, block{blockDivider, -1, section})
				last = s.Title
			}
			section++
		}
		if p.Heading {
			last = p.Text
		}
		blocks = append(blocks, block{blockParagraph, i, -1})
	}
	return blocks
}

// sameTitle reports whether titles a and b read alike: the same words,
// ignoring case and the marks around them ("Harbour works" and "Harbour
// works:").
func sameTitle(a, b string) bool {
	trim := func(s string) string {
		return strings.Join(strings.Fields(strings.TrimFunc(s, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r)
		})), " ")
	}
	return strings.EqualFold(trim(a), trim(b))
}

// dividerRule is the line a divider draws; asciiDividerRule its line in
// the plain styles, which draw no box drawing characters.
const (
	dividerRule      = "─"
	asciiDividerRule = "-"
)

// dividerLines draws the divider that opens a derived section: a rule
// across the text's width with the section's title set in it, after the
// style's left margin ("── Weather station ─────"), dim. It reads as
// lede's mark, not as a heading of the text, which has no "##" and no
// rule.
func dividerLines(title string, width, margin int, rule string, style lipgloss.Style, cells ansi.Method) []string {
	room := max(width-2*margin, 1)
	lead := strings.Repeat(rule, 2) + " "
	text := truncate(cells, oneLine(title), max(room-cells.StringWidth(lead)-2, 1), "…")
	line := lead + text + " "
	line += strings.Repeat(rule, max(room-cells.StringWidth(line), 0))
	return []string{strings.Repeat(" ", margin) + style.Render(line)}
}

// isHeading reports whether p is a heading that reads title, which then
// stands for its section's heading.
func isHeading(p model.Paragraph, title string) bool {
	return p.Heading && strings.TrimSpace(p.Text) == strings.TrimSpace(title)
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

// metadataLine is the line under the title: byline, source, date and
// reading time, whichever are known.
func metadataLine(d *model.Document) string {
	return strings.Join(facts(d, true), " · ")
}

// facts are what lede says about a document wherever it names one, the
// line under the title, the shelf and the status line: its byline (when
// asked for), source, date and reading time, whichever are known; the
// head of a document has no reading time until the whole is read. The
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
	if d.Partial() {
		return out
	}
	return append(out, readingTime(d))
}

// readingTime estimates how long the article takes to read.
func readingTime(d *model.Document) string {
	return fmt.Sprintf("%d min read", d.ReadingMinutes())
}

// count writes n things, the noun in the singular for one and in the
// plural for any other number: "1 quote", "0 quotes", "12 quotes".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
