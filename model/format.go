package model

import (
	"bytes"
	"fmt"
	"path"
	"runtime"
	"strings"
	"unicode/utf8"
)

// Format is how an article's bytes are written, which decides the reader.
type Format string

// The formats lede reads. FormatAuto detects the format from the content
// first and the name's extension second.
const (
	FormatAuto     Format = ""
	FormatText     Format = "txt"
	FormatMarkdown Format = "md"
	FormatHTML     Format = "html"
)

// ParseFormat checks a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(s)); f {
	case FormatText, FormatMarkdown, FormatHTML:
		return f, nil
	case "text", "plain":
		return FormatText, nil
	case "markdown":
		return FormatMarkdown, nil
	case "htm":
		return FormatHTML, nil
	}
	return "", fmt.Errorf("unknown format %q (want txt, md or html)", s)
}

// Input is an article's raw bytes and what is known about them before
// reading.
type Input struct {
	// Name is where the bytes came from: a file name, a URL or "-".
	Name string
	// Data is the article as it was stored or sent. Read and Parse may
	// keep its bytes as the document's text rather than copy them (see
	// decodeSanitized), so the caller must not change Data afterwards.
	Data []byte
	// Format is the reader to use; FormatAuto detects it.
	Format Format
	// ContentType is the media type a server sent with the bytes
	// ("text/html; charset=gbk"), or "".
	ContentType string
	// Force reads input that looks binary instead of refusing it.
	Force bool
}

// Read turns the input into a Document with title and paragraphs, web
// boilerplate removed, but nothing extracted yet: the first half of
// Parse, for a reader that shows the text before extraction lands. Input
// that looks binary (an image, an archive, NUL bytes) is refused with
// ErrBinary unless Force is set; input with no text gives ErrEmpty.
func Read(in Input) (*Document, error) {
	name := DisplayName(in.Name)
	format, err := in.format()
	if err != nil {
		return nil, err
	}
	var d *Document
	switch format {
	case FormatHTML:
		d, err = readHTML(in.Data, in.ContentType, in.Name)
	case FormatMarkdown:
		d, err = readMarkdownBytes(in.Data)
	default:
		d, err = readPlainBytes(in.Data)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	d.clean(name, format)
	if len(d.Paragraphs) == 0 && d.Title == "" {
		if len(d.Removed) > 0 {
			return nil, fmt.Errorf("%s: %w: all of it looks like web boilerplate (%s)", name, ErrEmpty, d.Removed[0].Reason)
		}
		return nil, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	d.Words = wordCount(d)
	return d, nil
}

// clean is what Read does to every document a reader read, and ReadHead
// to a head: it names the document and its format, removes web
// boilerplate, reads the credits its metadata did not give and splits
// long paragraphs.
func (d *Document) clean(name string, format Format) {
	d.Name = name
	d.Format = format
	d.removeBoilerplate()
	d.readCredits()
	d.splitLongParagraphs()
}

// parallelReadSize is the size of text, in bytes, from which Read splits
// its work on every core: below it, starting the goroutines costs more
// than it saves.
const parallelReadSize = 256 << 10

// cutsAfter cuts text into parts of about equal size, one for each of
// cores, each ending just after sep (the last at the end of text), and
// returns where they start, with len(text) last. A text with fewer seps
// has fewer parts.
func cutsAfter(text, sep string, cores int) []int {
	cuts := []int{0}
	for k := 1; k < cores; k++ {
		from := max(len(text)*k/cores, cuts[len(cuts)-1])
		i := strings.Index(text[from:], sep)
		if i < 0 {
			break
		}
		cuts = append(cuts, from+i+len(sep))
	}
	return append(cuts, len(text))
}

// inParts calls do on parts [from, to) of paras of about equal size, one
// a core, each on its own goroutine, and returns when all are done; on
// paras of less than parallelReadSize bytes, once on all of them. do must
// write nothing that another part's call reads.
func inParts(paras []Paragraph, do func(from, to int)) {
	size := 0
	for _, p := range paras {
		size += len(p.Text)
	}
	cores := runtime.GOMAXPROCS(0)
	if cores < 2 || size < parallelReadSize {
		do(0, len(paras))
		return
	}
	bounds := splitBySize(paras, textSize, size, cores)
	waits := make([]func(), len(bounds)-2)
	for k := range waits {
		from, to := bounds[k+1], bounds[k+2]
		waits[k] = inBackground(func() { do(from, to) })
	}
	do(bounds[0], bounds[1])
	for _, wait := range waits {
		wait()
	}
}

// format refuses input that looks binary (unless Force is set) and
// returns the format to read the input as: Format, or the one its name,
// content type and bytes show.
func (in Input) format() (Format, error) {
	if !in.Force {
		if err := CheckBinary(in.Name, in.Data); err != nil {
			return FormatAuto, err
		}
	}
	if in.Format != FormatAuto {
		return in.Format, nil
	}
	return detectFormat(in.Name, in.ContentType, in.Data), nil
}

// readPlainBytes decodes, sanitizes and reads plain text.
func readPlainBytes(data []byte) (*Document, error) {
	text, err := decodeSanitized(data)
	if err != nil {
		return nil, err
	}
	return readPlain(text), nil
}

// readMarkdownBytes decodes, sanitizes and reads Markdown.
func readMarkdownBytes(data []byte) (*Document, error) {
	text, err := decodeSanitized(data)
	if err != nil {
		return nil, err
	}
	return readMarkdown(text), nil
}

// detectFormat picks the reader for data named name: content that is
// clearly HTML is HTML whatever its name; then the server's media type or
// the extension decides; otherwise Markdown markup makes it Markdown and
// anything else is plain text.
func detectFormat(name, contentType string, data []byte) Format {
	if looksLikeHTML(data) {
		return FormatHTML
	}
	mediaType, _, _ := strings.Cut(strings.ToLower(contentType), ";")
	switch strings.TrimSpace(mediaType) {
	case "text/html", "application/xhtml+xml":
		return FormatHTML
	case "text/markdown", "text/x-markdown":
		return FormatMarkdown
	case "text/plain":
		return FormatText
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".txt", ".text":
		return FormatText
	}
	if looksLikeMarkdown(data) {
		return FormatMarkdown
	}
	return FormatText
}

// htmlSniffLimit is how many leading bytes looksLikeHTML examines.
const htmlSniffLimit = 1024

// looksLikeHTML reports whether data starts, after a byte order mark,
// white space and comments, with a doctype or an <html>, <head> or <body>
// tag. UTF-16 input is looked at through its low bytes.
func looksLikeHTML(data []byte) bool {
	p := data[:min(len(data), htmlSniffLimit)]
	if bytes.HasPrefix(p, bomUTF16LE) || bytes.HasPrefix(p, bomUTF16BE) {
		p = bytes.ReplaceAll(p[2:], []byte{0}, nil)
	}
	p = bytes.TrimPrefix(p, bomUTF8)
	for {
		p = bytes.TrimLeft(p, " \t\r\n\f")
		if !bytes.HasPrefix(p, []byte("<!--")) {
			break
		}
		end := bytes.Index(p, []byte("-->"))
		if end < 0 {
			return false
		}
		p = p[end+3:]
	}
	lower := bytes.ToLower(p[:min(len(p), 16)])
	for _, tag := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml"} {
		if bytes.HasPrefix(lower, []byte(tag)) {
			return tag != "<?xml" || bytes.Contains(bytes.ToLower(p), []byte("<html"))
		}
	}
	return false
}

// markdownSniffLimit is how many leading bytes looksLikeMarkdown examines.
const markdownSniffLimit = 16 << 10

// looksLikeMarkdown reports whether the start of data uses Markdown: front
// matter, or at least three lines with headings, bold paragraphs, links,
// block quotes or fenced code.
func looksLikeMarkdown(data []byte) bool {
	p := data[:min(len(data), markdownSniffLimit)]
	if bytes.HasPrefix(bytes.TrimPrefix(p, bomUTF8), []byte("---\n")) {
		return true
	}
	signs := 0
	for line := range bytes.Lines(p) {
		line = bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(line, []byte("#")) && isATXHeading(string(line)),
			bytes.HasPrefix(line, []byte("**")) && bytes.HasSuffix(line, []byte("**")) && len(line) > 4,
			bytes.HasPrefix(line, []byte("> ")),
			bytes.HasPrefix(line, []byte("```")),
			bytes.Contains(line, []byte("](")) && bytes.Contains(line, []byte("[")):
			signs++
		}
		if signs >= 3 {
			return true
		}
	}
	return false
}

// wordCount counts the document's words for its reading time (see
// readingWords), the paragraphs of a large document on every core.
func wordCount(d *Document) int {
	counts := make([]int, len(d.Paragraphs))
	inParts(d.Paragraphs, func(from, to int) {
		for i := from; i < to; i++ {
			counts[i] = readingWords(d.Paragraphs[i].Text)
		}
	})
	n := 0
	for _, c := range counts {
		n += c
	}
	return n
}

// asciiSpace marks the ASCII white-space bytes.
var asciiSpace = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// readingWords counts the words of s as a reader reads them: runs of
// characters between spaces, and every two Chinese, Japanese or Korean
// characters as one word, as those scripts are written without spaces
// and read at about twice as many characters a minute.
//
// ASCII is read eight bytes at a time, and so are the ASCII bytes before
// a multi-byte rune, the rune's lanes read as spaces; a rune of General
// Punctuation (curly quotation marks, dashes, "…") is told by a table,
// not decoded: in most eight bytes of English news stands one or the
// other.
func readingWords(s string) int {
	words, cjk, in := 0, 0, false
	for i := 0; i < len(s); {
		for i+8 <= len(s) {
			w := load8(s, i)
			if isASCII8(w) {
				n, on := asciiWordStarts(w, in)
				words, in = words+n, on
				i += 8
				continue
			}
			if lanes := asciiLanes(w); lanes > 0 {
				keep := uint64(1)<<(8*lanes) - 1
				n, _ := asciiWordStarts(w&keep|' '*laneOnes&^keep, in)
				words, in = words+n, !asciiSpace[s[i+lanes-1]]
				i += lanes
			}
			break
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] {
				in = false
			} else if !in {
				in, words = true, words+1
			}
			i++
			continue
		} else if c == 0xE2 && i+2 < len(s) && s[i+1]&^1 == 0x80 && s[i+2]&0xC0 == 0x80 {
			// U+2000 to U+207F: E2 80 or E2 81, then the low six bits.
			if punctuationSpace[(s[i+1]&1)<<6|s[i+2]&0x3F] {
				in = false
			} else if !in {
				in, words = true, words+1
			}
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case isCJK(r):
			cjk++
			in = false
		case IsSpace(r):
			in = false
		case !in:
			in, words = true, words+1
		}
	}
	return words + (cjk+1)/2
}

// punctuationSpace marks the spaces (IsSpace) among the runes of General
// Punctuation, U+2000 to U+207F, from U+2000: the em and en spaces, the
// thin space, U+202F. None of them is CJK.
var punctuationSpace = func() (space [0x80]bool) {
	for k := range space {
		space[k] = IsSpace(0x2000 + rune(k))
	}
	return space
}()

// isCJK reports whether r is a Han ideograph, kana or a Hangul syllable.
func isCJK(r rune) bool {
	return r >= 0x3040 && r <= 0x30FF || r >= 0x3400 && r <= 0x9FFF ||
		r >= 0xAC00 && r <= 0xD7AF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x3FFFF
}
