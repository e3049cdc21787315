package model

import (
	"strings"
	"unicode/utf8"
)

// maxTitleLen is the longest first line that can still be a headline.
const maxTitleLen = 200

// readPlain splits sanitized text into a title and paragraphs in one pass.
// Blank lines (including lines of only non-breaking spaces) separate
// paragraphs; the lines of one paragraph are joined with single spaces. A
// line that starts with a speaker label ("Q", "MR. KIRBY:") after a line
// ending in a Markdown hard break (two spaces or a backslash) starts a new
// paragraph, as transcripts are often written. A leading YAML front-matter
// block gives title, byline, source and date, and Markdown ATX headings
// ("## Name") become heading paragraphs.
func readPlain(text string) *Document {
	d := &Document{}
	text = d.readFrontMatter(text)
	var lines []string // lines of the paragraph being built
	hardBreak := false // the previous line ended in a Markdown hard break
	flush := func() {
		if len(lines) == 0 {
			return
		}
		d.Paragraphs = append(d.Paragraphs, makeParagraph(lines))
		lines = lines[:0]
	}
	for len(text) > 0 {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		broke := hardBreak
		hardBreak = strings.HasSuffix(line, "  ") || strings.HasSuffix(line, "\\")
		line = trimSpace(line)
		if line == "" {
			flush()
			continue
		}
		if broke && len(lines) > 0 {
			if l, ok := parseLabel(line); ok && l.strong {
				flush()
			}
		}
		if isATXHeading(line) {
			flush()
			lines = append(lines, line)
			flush()
			continue
		}
		lines = append(lines, line)
	}
	flush()
	d.takeTitle()
	return d
}

// makeParagraph joins trimmed lines into one paragraph. A single line is
// kept as a substring of the source; only wrapped paragraphs are copied.
// A paragraph wholly in Markdown bold ("**Why trains?**") loses the marks
// and is marked Bold.
func makeParagraph(lines []string) Paragraph {
	if len(lines) == 1 && isATXHeading(lines[0]) {
		return Paragraph{Text: headingText(lines[0]), Heading: true}
	}
	text := lines[0]
	if len(lines) > 1 {
		text = strings.Join(lines, " ")
	}
	if inner, ok := boldText(text); ok {
		return Paragraph{Text: inner, Bold: true}
	}
	return Paragraph{Text: text}
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

// takeTitle makes the first paragraph the title when it reads as a
// headline: a heading, or one short line that does not end a sentence,
// followed by more text.
func (d *Document) takeTitle() {
	if d.Title != "" || len(d.Paragraphs) < 2 {
		return
	}
	p := d.Paragraphs[0]
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
	d.Title = p.Text
	d.Paragraphs = d.Paragraphs[1:]
}

// readFrontMatter consumes a leading YAML front-matter block ("---" lines
// around "key: value" pairs) and returns the rest of the text.
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
	for _, line := range strings.Split(body[:end], "\n") {
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		switch strings.ToLower(strings.TrimSpace(key)) {
		case "title":
			d.Title = value
		case "author", "byline", "authors":
			d.Byline = value
		case "date", "published":
			d.Date = value
		case "source", "site", "publication", "url":
			if d.Source == "" || strings.ToLower(strings.TrimSpace(key)) != "url" {
				d.Source = value
			}
		}
	}
	return rest
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
