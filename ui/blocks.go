package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/lede-tui/lede/model"
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

// count writes n things, the noun in the singular for one and in the
// plural for any other number: "1 quote", "0 quotes", "12 quotes".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
