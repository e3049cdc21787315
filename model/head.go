package model

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
)

// The sizes ReadHead works with. A head of headSize bytes holds some
// eight screens of text at 120 columns; an input up to wholeSize is
// read whole, so an ordinary article reads exactly as Read reads it. A
// head that yields less than headMinText bytes of text (a page whose
// first bytes are scripts and styles) is read again twice as long, up to
// maxHeadSize, after which the input is read whole.
const (
	headSize    = 32 << 10
	wholeSize   = 4 * headSize
	headMinText = 8 << 10
	maxHeadSize = 1 << 20
)

// ReadHead reads only as much of a large input as a first screen needs:
// a prefix cut at a paragraph boundary, read as Read reads the whole, so
// that a reader shows it at once and reads the whole with Read meanwhile.
// The document it returns is Partial when it holds a prefix only; it then
// has no reading time (Words is 0), as the rest is not counted. An input
// that is small, or whose head is not UTF-8 that decodes as itself, is
// read whole: ReadHead is Read. Its errors are Read's. Only the head is
// checked, so that the work does not grow with the input: in the rare
// input whose head is UTF-8 and whose rest is not, the whole may be
// decoded otherwise (see decode), and the reader shows the head as UTF-8
// until the whole lands.
//
// A Markdown head also holds the reference definitions of the rest of the
// input, which links near the top may use, so that it reads the same as
// the whole.
func ReadHead(in Input) (*Document, error) {
	if len(in.Data) <= wholeSize {
		return Read(in)
	}
	format, err := in.format()
	if err != nil {
		return nil, err
	}
	if format == FormatHTML && !declaresUTF8(in.Data, in.ContentType) {
		return Read(in)
	}
	text := bytes.TrimPrefix(in.Data, bomUTF8)
	for size := headSize; size <= maxHeadSize && size < len(text)/2; size *= 2 {
		cut := headCut(format, text, size)
		if cut <= 0 {
			continue
		}
		if !utf8.Valid(text[:cut]) {
			break
		}
		d := readHead(format, string(text[:cut]), text[cut:])
		d.clean(DisplayName(in.Name), format)
		if textBytes(d) >= headMinText {
			d.partial = true
			return d, nil
		}
	}
	return Read(in)
}

// Partial reports whether the document holds only the head of its input
// (see ReadHead).
func (d *Document) Partial() bool { return d.partial }

// declaresUTF8 reports whether a page, if it is valid UTF-8, decodes as
// itself: it declares no charset, or UTF-8 (see decodeHTML).
func declaresUTF8(data []byte, contentType string) bool {
	if hasBOM(data) {
		return true
	}
	enc, name := htmlCharset(data, contentType)
	return enc == nil || name == "utf-8"
}

// headCut is where the head of text ends, at most size bytes in: after
// the last blank line for text and Markdown, before the last tag for
// HTML; 0 when there is no such place.
func headCut(format Format, text []byte, size int) int {
	p := text[:size]
	if format == FormatHTML {
		return max(bytes.LastIndexByte(p, '<'), 0)
	}
	cut := max(bytes.LastIndex(p, []byte("\n\n")), bytes.LastIndex(p, []byte("\n\r\n")))
	if cut < 0 {
		return 0
	}
	return cut + 1
}

// readHead reads head, the first part of a document's text, in format;
// rest is the text after it. An HTML head is read as a stream of tags
// (see readHTMLStream), titled as the whole page is (see headTitle), and
// its last paragraph, which the cut may have cut short, is left out.
func readHead(format Format, head string, rest []byte) *Document {
	switch format {
	case FormatHTML:
		d := readHTMLStream(sanitize(head))
		d.Paragraphs = d.Paragraphs[:max(len(d.Paragraphs)-1, 0)]
		d.headTitle()
		return d
	case FormatMarkdown:
		if mayUseReferences(head) {
			head += referenceDefinitions(rest)
		}
		return readMarkdown(sanitize(head))
	}
	return readPlain(sanitize(head))
}

// headTitle titles a page read as a stream as Readability's reading of
// the whole titles it: the article's own title, without the site's name
// (see articleTitle), and without the text's first heading when it
// repeats the title ("<title>Harbour Lights - Coastal
// Weekly</title>" over "<h1>Harbour Lights</h1>" is titled "Harbour
// Lights", once).
func (d *Document) headTitle() {
	var headings []string
	for _, p := range d.Paragraphs {
		if len(headings) == maxTitleHeadings {
			break
		}
		if p.Heading {
			headings = append(headings, p.Text)
		}
	}
	d.Title, _ = articleTitle(d.Title, headings, []string{d.Title}, "", "")
	for i, p := range d.Paragraphs {
		if p.Heading {
			if d.Title != "" && nameKey(p.Text) == nameKey(d.Title) {
				d.Paragraphs = slices.Delete(d.Paragraphs, i, i+1)
			}
			break
		}
	}
}

// mayUseReferences reports whether Markdown text may hold a link to a
// reference defined elsewhere ("[the report][r]", "[r][]", "[r]"): a
// closing bracket that does not open an inline link's destination, as
// "](https://example.com/)" does.
func mayUseReferences(text string) bool {
	for i := 0; ; {
		k := strings.IndexByte(text[i:], ']')
		if k < 0 {
			return false
		}
		i += k + 1
		if i == len(text) || text[i] != '(' {
			return true
		}
	}
}

// referenceDefinitions are the lines of text that define a Markdown link
// reference ("[label]: https://example.com/"), each after a blank line,
// so that they can follow a head of the text and define its links as
// they do in the whole. A definition whose title is on a line of its own
// keeps its destination alone.
func referenceDefinitions(text []byte) string {
	var b strings.Builder
	for i := 0; ; {
		k := bytes.Index(text[i:], []byte("]:"))
		if k < 0 {
			break
		}
		at := i + k
		start := bytes.LastIndexByte(text[:at], '\n') + 1
		end := bytes.IndexByte(text[at:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += at
		}
		if line := text[start:end]; isReferenceDefinition(string(line)) {
			b.WriteString("\n\n")
			b.Write(line)
		}
		i = end
	}
	if b.Len() > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

// isReferenceDefinition reports whether line reads as a Markdown link
// reference definition: up to three spaces, a bracketed label with no
// brackets in it, a colon and a destination.
func isReferenceDefinition(line string) bool {
	s := strings.TrimLeft(line, " ")
	if len(line)-len(s) > 3 || !strings.HasPrefix(s, "[") {
		return false
	}
	label, dest, ok := strings.Cut(s[1:], "]:")
	return ok && label != "" && !strings.ContainsAny(label, "[]") && strings.TrimSpace(dest) != ""
}

// textBytes is how many bytes of text the document's paragraphs hold.
func textBytes(d *Document) int {
	n := 0
	for _, p := range d.Paragraphs {
		n += len(p.Text)
	}
	return n
}

// PlaceIn finds in d the place at byte off of paragraph p of head, a
// document read from a head of the same input (see ReadHead), so that a
// reader that swaps the whole for the head keeps the reader's place.
// Where d's paragraph p holds the same text, that is the place; else the
// text at the place is looked for, nearest paragraph p first, as the
// head's paragraphs may be cut, joined or cleaned otherwise than the
// whole's; failing that the place is the start of paragraph p, as far
// as d has one.
func (d *Document) PlaceIn(head *Document, p, off int) (int, int) {
	if len(d.Paragraphs) == 0 {
		return 0, 0
	}
	if p < 0 || p >= len(head.Paragraphs) {
		return min(max(p, 0), len(d.Paragraphs)-1), 0
	}
	text := head.Paragraphs[p].Text
	off = min(max(off, 0), len(text))
	if p < len(d.Paragraphs) && d.Paragraphs[p].Text == text {
		return p, off
	}
	quote := text[off:]
	if len(quote) > placeQuoteLen {
		// Cut back to whole characters: a broken one matches nothing.
		quote = strings.ToValidUTF8(quote[:placeQuoteLen], "")
	}
	find := func(i int) int {
		if quote == "" || i < 0 || i >= len(d.Paragraphs) {
			return -1
		}
		return strings.Index(d.Paragraphs[i].Text, quote)
	}
	for dist := 0; p-dist >= 0 || p+dist < len(d.Paragraphs); dist++ {
		if k := find(p - dist); k >= 0 {
			return p - dist, k
		}
		if k := find(p + dist); dist > 0 && k >= 0 {
			return p + dist, k
		}
	}
	return min(p, len(d.Paragraphs)-1), 0
}

// placeQuoteLen is how many bytes of the text at a place PlaceIn looks
// for: enough to tell one paragraph from another.
const placeQuoteLen = 48
