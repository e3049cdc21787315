package model

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what reads as a speaker label at the start of a line.
const (
	maxLabelLen   = 40
	maxLabelWords = 5
)

// domainLabelRe matches a speaker label that is a web address, as an
// outlet may sign its questions: "radio4.example", "harbourtimes.co.uk".
var domainLabelRe = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+$`)

// stampAfterRe matches a label whose name a time code follows: "Grace
// Mulligan (00:01:06):", "HOST [12:30]:".
var stampAfterRe = regexp.MustCompile(`^([^:\[(]{1,40}?)\s*[\[(]\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]\s*:`)

// timestampRe matches a time code before a label: "[00:01:02]", "(12:30)",
// "00:01:02.5".
var timestampRe = regexp.MustCompile(`^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?`)

// lineStart is where a line of a paragraph's text begins, and whether the
// line before it ended in a hard line break (two spaces or a backslash).
type lineStart struct {
	at   int
	hard bool
}

// labelsAt returns the labels that begin text at the starts of its lines:
// at 0, and at each of starts (the lines after the first).
func labelsAt(text string, starts []lineStart) []Label {
	var labels []Label
	for k := -1; k < len(starts); k++ {
		at, hard := 0, false
		if k >= 0 {
			at, hard = starts[k].at, starts[k].hard
		}
		if l, ok := parseLabel(text[at:]); ok {
			l.Start, l.Body, l.Break = at, l.Body+at, hard
			labels = append(labels, l)
		}
	}
	return labels
}

// paragraphLabel returns the label that begins paragraph p, if any.
func paragraphLabel(p Paragraph) (Label, bool) {
	if len(p.Labels) > 0 && p.Labels[0].Start == 0 {
		return p.Labels[0], true
	}
	return Label{}, false
}

// splitAtLabels starts a new paragraph at every line that begins with a
// label the document uses as one: a strong label ("Q:", "MR. KIRBY:",
// "**Host:**") after a hard line break, as transcripts are often written,
// a turn a line; or the label of a speaker who takes turns throughout, in
// a dialogue of at least two such speakers, as when a question and its
// answer stand on consecutive lines ("Q: ..." then "A: ..."). It is the
// one place where labels shape paragraphs; the readers of text whose
// paragraphs span lines call it.
func (d *Document) splitAtLabels() {
	turns := map[string]int{}
	for _, p := range d.Paragraphs {
		for _, l := range p.Labels {
			turns[strings.ToUpper(l.Speaker)]++
		}
	}
	speakers := 0
	for _, n := range turns {
		if n > 1 {
			speakers++
		}
	}
	splits := func(l Label) bool {
		return l.Start > 0 && (l.Strong && l.Break || speakers >= 2 && turns[strings.ToUpper(l.Speaker)] > 1)
	}
	var out []Paragraph
	var cuts []int
	for i, p := range d.Paragraphs {
		cuts = cuts[:0]
		for _, l := range p.Labels {
			if splits(l) {
				cuts = append(cuts, l.Start)
			}
		}
		if len(cuts) > 0 && out == nil {
			out = append(make([]Paragraph, 0, len(d.Paragraphs)+len(cuts)), d.Paragraphs[:i]...)
		}
		if out != nil {
			out = append(out, splitParagraph(p, cuts)...)
		}
	}
	if out != nil {
		d.Paragraphs = out
	}
}

// parseLabel reads a speaker label at the start of text.
func parseLabel(text string) (Label, bool) {
	i, stamped := 0, false
	if m := timestampAt(text); m != nil {
		if j := skipSpace(text, m[1]); j > m[1] {
			i, stamped = j, true
		}
	}
	rest := text[i:]
	if strings.HasPrefix(rest, "**") {
		return boldLabel(rest, i)
	}
	if l, ok := qaLabel(rest); ok {
		l.Body += i
		return l, true
	}
	var name string
	var after int
	window := rest[:min(len(rest), maxLabelLen+24)]
	colon := strings.IndexByte(window, ':')
	if colon <= 0 {
		return Label{}, false
	}
	if m := stampedLabel(window, colon); m != nil {
		// "Grace Mulligan (00:01:06):"
		name, after, stamped = collapseSpaces(rest[:m[3]]), m[1], true
	} else {
		if colon >= maxLabelLen+8 { // room for doubled spaces
			return Label{}, false
		}
		after = colon + 1
		if after < len(rest) {
			r, _ := utf8.DecodeRuneInString(rest[after:])
			if !IsSpace(r) { // "10:30", "http://"
				return Label{}, false
			}
		}
		name = labelName(collapseSpaces(rest[:colon]))
	}
	if !validSpeaker(name) {
		return Label{}, false
	}
	return Label{
		Speaker: name,
		Body:    i + skipSpace(rest, after),
		Strong:  stamped || isUpperWord(name),
	}, true
}

// labelName returns who a label with words in brackets names: the name
// in brackets after a role ("MODERATOR (JOAN ACHTERBERG)" is Joan
// Achterberg), else the name before the brackets ("ANN LEE (via video)").
// A label without brackets, or one neither part of which names a speaker,
// is returned as it is.
func labelName(label string) string {
	open := strings.IndexByte(label, '(')
	if open <= 0 || !strings.HasSuffix(label, ")") {
		return label
	}
	outer, inner := strings.TrimSpace(label[:open]), strings.TrimSpace(label[open+1:len(label)-1])
	switch {
	case isRoleLabel(outer) && validSpeaker(inner) && !isRoleLabel(inner):
		return inner
	case validSpeaker(outer):
		return outer
	}
	return label
}

// boldLabel reads a Markdown "**Name:**" or "**Name**:" label at the start
// of rest, which lies at offset off in the paragraph.
func boldLabel(rest string, off int) (Label, bool) {
	end := strings.Index(rest[2:], "**")
	if end <= 0 || end > maxLabelLen+2 {
		return Label{}, false
	}
	name := strings.TrimSpace(rest[2 : 2+end])
	after := 2 + end + 2
	colon := strings.HasSuffix(name, ":")
	name = strings.TrimSpace(strings.TrimSuffix(name, ":"))
	if !colon && after < len(rest) && rest[after] == ':' {
		colon = true
		after++
	}
	if !colon {
		return Label{}, false
	}
	if l, ok := qaLabel(name + ":"); ok {
		return Label{Speaker: l.Speaker, Body: off + skipSpace(rest, after), Strong: true}, true
	}
	name = labelName(name)
	if !validSpeaker(name) {
		return Label{}, false
	}
	return Label{Speaker: name, Body: off + skipSpace(rest, after), Strong: true}, true
}

// timestampAt matches timestampRe at the start of text, only where the
// text starts as a time code does, with a bracket or a digit: most lines
// are spared the regular expression.
func timestampAt(text string) []int {
	if text == "" || text[0] != '[' && text[0] != '(' && (text[0] < '0' || text[0] > '9') {
		return nil
	}
	return timestampRe.FindStringIndex(text)
}

// stampedLabel matches stampAfterRe in window, whose first colon is at
// colon, only where a bracket opens before that colon, as the time code
// after a name does; most lines are spared the regular expression.
func stampedLabel(window string, colon int) []int {
	if strings.IndexAny(window[:colon], "[(") < 0 {
		return nil
	}
	return stampAfterRe.FindStringSubmatchIndex(window)
}

// qaLabel reads an interview label "Q:", "A.", "Question:" or "Q" followed
// by non-breaking spaces, as in White House transcripts.
func qaLabel(s string) (Label, bool) {
	var name string
	switch {
	case strings.HasPrefix(s, "Question"), strings.HasPrefix(s, "QUESTION"):
		name = s[:8]
	case strings.HasPrefix(s, "Answer"), strings.HasPrefix(s, "ANSWER"):
		name = s[:6]
	case strings.HasPrefix(s, "Q"), strings.HasPrefix(s, "A"):
		name = s[:1]
	default:
		return Label{}, false
	}
	speaker := "Q"
	if name[0] == 'A' {
		speaker = "A"
	}
	rest := s[len(name):]
	if rest == "" {
		return Label{}, false
	}
	switch rest[0] {
	case ':':
		if len(rest) > 1 && !startsWithSpace(rest[1:]) {
			return Label{}, false
		}
		return Label{Speaker: speaker, Body: len(name) + skipSpace(rest, 1), Strong: true}, true
	case '.':
		if len(name) > 1 || len(rest) < 2 || !startsWithSpace(rest[1:]) || isInitial(rest[skipSpace(rest, 1):]) {
			return Label{}, false
		}
		return Label{Speaker: speaker, Body: len(name) + skipSpace(rest, 1), Strong: true}, true
	}
	// "Q" then spaces: a no-break space, a tab or two spaces.
	r, n := utf8.DecodeRuneInString(rest)
	if !IsSpace(r) || len(name) > 1 {
		return Label{}, false
	}
	strong := true
	if r == ' ' {
		// "Q Thanks, Olivia." is a label only where Q labels recur; a single
		// space after "A" is the article.
		if r2, _ := utf8.DecodeRuneInString(rest[n:]); !IsSpace(r2) {
			if speaker != "Q" || !isCapitalized(rest[n:]) {
				return Label{}, false
			}
			strong = false
		}
	}
	body := len(name) + skipSpace(rest, 0)
	if body >= len(s) {
		return Label{}, false
	}
	return Label{Speaker: speaker, Body: body, Strong: strong}, true
}

// startsWithSpace reports whether s begins with a space rune.
func startsWithSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return IsSpace(r)
}

// isInitial reports whether s starts with an initial such as "B." (as in
// "A. B. Smith"), so the "A." before it is not an answer label.
func isInitial(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) && strings.HasPrefix(s[n:], ".")
}

// validSpeaker reports whether name reads as a speaker: a web address, a
// numbered speaker, a role ("Audience member"), or a few capitalised or
// upper-case words of letters, not a content label such as "Note".
func validSpeaker(name string) bool {
	if name == "" || len(name) > maxLabelLen {
		return false
	}
	if domainLabelRe.MatchString(name) || numberedRe.MatchString(name) || isRoleLabel(name) {
		return true // an outlet by its web address, "Speaker 2", "Audience member"
	}
	lx := words()
	if lx.nonSpeakers.has(name) || lx.nonSpeakers.has(trimPlural(name)) {
		return false
	}
	fields := strings.Fields(name)
	if len(fields) > maxLabelWords {
		return false
	}
	for k, w := range fields {
		if isNameGlue(w, false) && k > 0 && k < len(fields)-1 {
			continue
		}
		if !isCapitalized(w) {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && !strings.ContainsRune(".-'’", r) {
				return false
			}
		}
	}
	return true
}
