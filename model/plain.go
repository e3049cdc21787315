package model

import (
	"runtime"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTitleLen is the longest first line that can still be a headline.
const maxTitleLen = 200

// readPlain splits sanitized text into a title and paragraphs in one pass.
// Blank lines (including lines of only non-breaking spaces) separate
// paragraphs; the lines of one paragraph are joined with single spaces,
// and a line that starts with something label-like ("Q", "MR. KIRBY:")
// is noted as a Label. A leading YAML front-matter block gives title,
// byline, source and date, and Markdown ATX headings ("## Name") become
// heading paragraphs. A large text is read in parts on every core (see
// plainParagraphsInParts).
func readPlain(text string) *Document {
	d := &Document{}
	text = d.readFrontMatter(text)
	d.Paragraphs = plainParagraphsInParts(text)
	d.splitAtLabels()
	d.takeTitle()
	return d
}

// plainParagraphsInParts returns the paragraphs of text, as
// plainParagraphs reads them, reading a large text in parts of about
// equal size, one a core, each on its own goroutine. A part ends after an
// empty line: a paragraph never runs across one, and the line after it
// starts the next part as it starts a paragraph in the whole, so the
// paragraphs are the same however the text is cut. The first part's
// paragraphs go into a slice with room for the whole text's (see
// roomFor), and the other parts' are appended to them there.
func plainParagraphsInParts(text string) []Paragraph {
	cores := runtime.GOMAXPROCS(0)
	if cores < 2 || len(text) < parallelReadSize {
		return plainParagraphs(roomFor(text), text)
	}
	cuts := cutsAfter(text, "\n\n", cores)
	parts := make([][]Paragraph, len(cuts)-1)
	waits := make([]func(), len(parts))
	for k := 1; k < len(parts); k++ {
		part := text[cuts[k]:cuts[k+1]]
		waits[k] = inBackground(func() { parts[k] = plainParagraphs(roomFor(part), part) })
	}
	paras := plainParagraphs(roomFor(text), text[:cuts[1]])
	for k, wait := range waits[1:] {
		wait()
		paras = append(paras, parts[k+1]...)
	}
	return paras
}

// shortParagraphLen is a short paragraph's length in bytes, by which
// plainParagraphs makes room for the paragraphs of a text at once rather
// than growing their slice again and again: most texts have fewer, longer
// paragraphs.
const shortParagraphLen = 160

// roomFor returns an empty slice with room for the paragraphs of text,
// as many as it has of shortParagraphLen bytes.
func roomFor(text string) []Paragraph {
	return make([]Paragraph, 0, len(text)/shortParagraphLen)
}

// plainParagraphs appends the paragraphs of text, sanitized and without
// front matter, to paras and returns it: see readPlain.
func plainParagraphs(paras []Paragraph, text string) []Paragraph {
	var lines []string // lines of the paragraph being built
	var hard []bool    // whether the line before each ended in a hard break
	hardBreak := false // the previous line ended in a Markdown hard break
	flush := func() {
		if len(lines) == 0 {
			return
		}
		paras = append(paras, makeParagraph(lines, hard))
		lines, hard = lines[:0], hard[:0]
	}
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
		broke := hardBreak
		hardBreak = strings.HasSuffix(line, "  ") || strings.HasSuffix(line, "\\")
		line = trimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if isATXHeading(line) {
			flush()
			lines = append(lines, line)
			flush()
			continue
		}
		if len(lines) == 1 && isRunInHeading(lines[0], line) {
			flush() // "About Veltro Instruments" on the line above its text
		}
		lines, hard = append(lines, line), append(hard, broke)
	}
	flush()
	return paras
}

// makeParagraph joins trimmed lines into one paragraph; hard tells for
// each line whether the line before it ended in a hard break. A single
// line is kept as a substring of the source; only wrapped paragraphs are
// copied. A paragraph wholly in Markdown bold ("**Why trains?**") loses
// the marks and is marked Bold.
func makeParagraph(lines []string, hard []bool) Paragraph {
	if len(lines) == 1 && isATXHeading(lines[0]) {
		return Paragraph{Text: headingText(lines[0]), Heading: true}
	}
	text := lines[0]
	var starts []lineStart
	if len(lines) > 1 {
		text = strings.Join(lines, " ")
		at := 0
		for k, line := range lines[:len(lines)-1] {
			at += len(line) + 1
			starts = append(starts, lineStart{at: at, hard: hard[k+1]})
		}
	}
	if inner, ok := boldText(text); ok {
		return Paragraph{Text: inner, Bold: true}
	}
	return Paragraph{Text: text, Labels: labelsAt(text, starts)}
}

// boldText returns the text inside "**...**" or "__...__" when the marks
// wrap the whole of it and no others stand inside.
func boldText(text string) (string, bool) {
	for _, mark := range []string{"**", "__"} {
		if len(text) > 2*len(mark) && strings.HasPrefix(text, mark) && strings.HasSuffix(text, mark) {
			inner := text[len(mark) : len(text)-len(mark)]
			if !strings.Contains(inner, mark) && trimSpace(inner) == inner {
				return inner, true
			}
		}
	}
	return "", false
}

// maxRunInHeadingWords is the most words of a heading written on the line
// above its text, with no blank line between.
const maxRunInHeadingWords = 6

// isRunInHeading reports whether line, the first of a paragraph, is a
// heading written straight above its text next: a few words, each long
// one capitalised, with no punctuation at the end, above a longer line
// that starts with a capital ("About Veltro Instruments" above "Veltro
// Instruments Ltd designs ..."). A wrapped sentence's first line is
// seldom all capitalised.
func isRunInHeading(line, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsUpper(r) && len(next) > len(line) &&
		isHeadingLine(line, maxRunInHeadingWords) && isTitleCase(line) && isCapitalized(line)
}

// takeTitle makes the first paragraph the title when it reads as a
// headline: a heading, or one short line that does not end a sentence,
// followed by more text. A quote, a list item, code or a table is never a
// title. When front matter gave the title, a first heading that repeats it
// is dropped.
func (d *Document) takeTitle() {
	if d.Title != "" && len(d.Paragraphs) > 1 && d.Paragraphs[0].Heading && strings.EqualFold(metaLine(d.Paragraphs[0].Text), d.Title) {
		// Front matter gave the title, and the text opens with it again
		// as a heading: one title, not two in a row.
		d.dropParagraph(0)
		return
	}
	if d.Title != "" || len(d.Paragraphs) < 2 {
		return
	}
	at := 0
	if boilerplateReason(d.Paragraphs[0].Text) != "" {
		at = 1 // "FOR IMMEDIATE RELEASE" above the headline, left to removeBoilerplate
		if len(d.Paragraphs) < 3 {
			return
		}
	}
	p := d.Paragraphs[at]
	if at > 0 && boilerplateReason(p.Text) != "" {
		return // boilerplate all the way: no title
	}
	if p.Quoted || p.Item != "" || p.Code || p.Table {
		return
	}
	if !p.Heading {
		if utf8.RuneCountInString(p.Text) > maxTitleLen {
			return
		}
		// A headline may end in a quoted name ("the 'Mets Poet'"), but not
		// in a sentence, quoted or not.
		bare := strings.TrimRight(p.Text, "\"”'’)»")
		if last, _ := utf8.DecodeLastRuneInString(bare); bare == "" || strings.ContainsRune(".,;:!…", last) {
			return
		}
	}
	d.Title = metaLine(p.Text)
	d.dropParagraph(at)
}

// dropParagraph removes paragraph at, one near the start, by moving the
// paragraphs before it, not the many after.
func (d *Document) dropParagraph(at int) {
	copy(d.Paragraphs[1:at+1], d.Paragraphs[:at])
	d.Paragraphs[0] = Paragraph{}
	d.Paragraphs = d.Paragraphs[1:]
}

// metaLine makes a title or byline one line: every run of tabs, line
// breaks and spaces becomes one space. A no-break space stays, as the
// writer chose it.
func metaLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
	}), " ")
}

// readFrontMatter consumes a leading YAML front-matter block ("---" lines
// around "key: value" pairs) and returns the rest of the text. Title,
// author, date and source keys fill in the document. A value may be
// quoted as YAML quotes it; a list ("[A, B]", or "- A" lines under the
// key) gives its items joined with commas, and a block ("|" or ">" and
// indented lines under the key) its lines joined with spaces.
func (d *Document) readFrontMatter(text string) string {
	if !strings.HasPrefix(text, "---\n") {
		return text
	}
	body := text[4:]
	end := strings.Index(body, "\n---")
	if end < 0 || end > 16<<10 {
		return text
	}
	rest := body[end+4:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[i+1:]
	} else {
		rest = ""
	}
	var (
		key   string   // a key whose value is on the lines under it
		block bool     // that value is a block of text, not a list
		items []string // the list's items or the block's lines
	)
	flush := func() {
		sep := ", "
		if block {
			sep = " "
		}
		d.setFrontMatterField(key, strings.Join(items, sep))
		key, block, items = "", false, nil
	}
	for _, line := range strings.Split(body[:end], "\n") {
		indented, trimmed := strings.HasPrefix(line, " "), strings.TrimSpace(line)
		switch {
		case key != "" && block && indented:
			items = append(items, trimmed)
			continue
		case key != "" && !block && strings.HasPrefix(trimmed, "- "):
			items = append(items, yamlScalar(trimmed[2:]))
			continue
		case key != "":
			flush()
		}
		k, value, ok := strings.Cut(line, ":")
		if !ok || indented {
			continue
		}
		value = strings.TrimSpace(value)
		switch {
		case value == "":
			key = k
		case isYAMLBlock(value):
			key, block = k, true
		case strings.HasPrefix(value, "[") && strings.HasSuffix(value, "]"):
			var list []string
			for _, item := range strings.Split(value[1:len(value)-1], ",") {
				list = append(list, yamlScalar(strings.TrimSpace(item)))
			}
			d.setFrontMatterField(k, strings.Join(list, ", "))
		default:
			d.setFrontMatterField(k, yamlScalar(value))
		}
	}
	if key != "" {
		flush()
	}
	return rest
}

// setFrontMatterField sets the field a front-matter key names, if any.
func (d *Document) setFrontMatterField(key, value string) {
	if value = metaLine(value); value == "" {
		return
	}
	switch key = strings.ToLower(strings.TrimSpace(key)); key {
	case "title":
		d.Title = value
	case "author", "byline", "authors":
		d.Byline = value
	case "date", "published":
		d.Date = value
	case "source", "site", "publication", "url":
		if d.Source == "" || key != "url" {
			d.Source = value
		}
	}
}

// isYAMLBlock reports whether a value starts a YAML block scalar ("|",
// ">-", "|2"), whose text is on the indented lines under its key.
func isYAMLBlock(value string) bool {
	return (value[0] == '|' || value[0] == '>') && strings.Trim(value[1:], "+-0123456789") == ""
}

// yamlScalar reads a YAML scalar written on one line: a double-quoted
// string with its escapes, a single-quoted string, or a plain value, each
// without a comment after it.
func yamlScalar(s string) string {
	if quoted, ok := yamlQuoted(s); ok {
		return quoted
	}
	if i := strings.Index(s, " #"); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// yamlQuoted reads the quoted string s starts with, if it does.
func yamlQuoted(s string) (string, bool) {
	if len(s) < 2 || s[0] != '"' && s[0] != '\'' {
		return "", false
	}
	for i := 1; i < len(s); i++ {
		switch {
		case s[0] == '"' && s[i] == '\\':
			i++ // an escape, whatever follows
		case s[i] != s[0]:
		case s[0] == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++ // '' stands for '
		case s[0] == '"':
			return strings.NewReplacer("\n", " ", "\t", " ").Replace(sanitize(yamlUnescape(s[1:i]))), true
		default:
			return strings.ReplaceAll(s[1:i], "''", "'"), true
		}
	}
	return "", false
}

// yamlEscapes are the one-letter escapes of YAML double-quoted strings.
var yamlEscapes = map[byte]string{
	'0': "\x00", 'a': "\a", 'b': "\b", 't': "\t", '\t': "\t", 'n': "\n", 'v': "\v",
	'f': "\f", 'r': "\r", 'e': "\x1b", ' ': " ", '"': "\"", '/': "/", '\\': "\\",
	'N': "\u0085", '_': "\u00a0", 'L': "\u2028", 'P': "\u2029",
}

// yamlHexEscapes are the YAML escapes followed by a code point in hex,
// and its number of digits.
var yamlHexEscapes = map[byte]int{'x': 2, 'u': 4, 'U': 8}

// yamlUnescape resolves the escapes of a YAML double-quoted string.
// An unknown escape is kept as written.
func yamlUnescape(s string) string {
	if !strings.Contains(s, "\\") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		c := s[i+1]
		if e, ok := yamlEscapes[c]; ok {
			b.WriteString(e)
			i++
			continue
		}
		if n, ok := yamlHexEscapes[c]; ok && i+2+n <= len(s) {
			if r, err := strconv.ParseUint(s[i+2:i+2+n], 16, 32); err == nil {
				b.WriteRune(rune(r))
				i += 1 + n
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isATXHeading reports whether line is a Markdown heading ("# Title").
func isATXHeading(line string) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && n < len(line) && line[n] == ' '
}

// headingText strips the '#' marks around a Markdown heading.
func headingText(line string) string {
	return strings.TrimSpace(strings.TrimRight(strings.TrimLeft(line, "#"), "#"))
}

// trimSpace trims spaces, including non-breaking ones, from both ends.
func trimSpace(s string) string {
	return strings.TrimFunc(s, IsSpace)
}
