package model

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what reads as a speaker label at the start of a paragraph.
const (
	maxLabelLen   = 40
	maxLabelWords = 5
	// maxElsewhereChecks caps the label names looked up in the rest of the
	// text, so a document full of one-off "Word:" openings stays linear.
	maxElsewhereChecks = 64
)

var (
	// timestampRe matches a time code before a label: "[00:01:02]",
	// "(12:30)", "00:01:02.5".
	timestampRe = regexp.MustCompile(`^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?`)
	// timeLineRe matches a paragraph that is only a clock time, as at the
	// start and end of a transcript: "3:22 P.M. EDT".
	timeLineRe = regexp.MustCompile(`^(?i:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?)(?:\s+[A-Z]{2,5})?\.?$`)
	// endLineRe matches the closing mark of a transcript: "END",
	// "END 3:22 P.M. EDT", "(END)", "###", "-30-".
	endLineRe = regexp.MustCompile(`^(?:\(?(?i:end)\)?|\\?#{3}|-30-)(?:[.\s]+(?i:\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?)(?:\s+[A-Z]{2,5})?\.?)?$`)
)

// label is a speaker label found at the start of a paragraph.
type label struct {
	speaker string
	// body is the byte offset after the label and the spaces after it.
	body int
	// strong reports a label that stands on its own: Q/A, all capitals,
	// Markdown bold or after a time code. Others ("Holt:") must recur or
	// name someone the text mentions elsewhere.
	strong bool
}

// voice is who speaks a paragraph, and where the words after the
// speaker's label begin in it (0 without a label).
type voice struct {
	speaker string
	body    int
}

// findTurns finds speaker turns and their roles. Labelled paragraphs
// ("Q:", "MR. KIRBY:", "**Name:**") start turns and later unlabelled
// paragraphs continue them; a heading or a transcript's closing line ends
// the current turn. Without labelled questions, an interview whose
// questions are unlabelled is recognised by inferInterview.
func findTurns(d *Document, x *textIndex, labels map[int]label) []Turn {
	turns := labelledTurns(d.Paragraphs, x, labels)
	assignRoles(turns)
	if !hasQuestionTurns(turns) {
		turns = inferInterview(d, x, turns, voicesOf(len(d.Paragraphs), turns, labels))
	}
	return turns
}

// labelledTurns makes a turn of each labelled paragraph and the unlabelled
// ones after it, up to the next label, heading or closing line.
func labelledTurns(paras []Paragraph, x *textIndex, labels map[int]label) []Turn {
	var turns []Turn
	x.work += len(paras)
	open := false
	for i, p := range paras {
		if l, ok := labels[i]; ok {
			turns = append(turns, Turn{Speaker: l.speaker, Start: i, End: i + 1})
			open = true
			continue
		}
		if !open {
			continue
		}
		if p.Heading || isEndLine(p.Text) {
			open = false
			continue
		}
		turns[len(turns)-1].End = i + 1
	}
	return turns
}

// voicesOf gives each of n paragraphs the speaker of the turn holding it,
// and a labelled paragraph the offset after its label.
func voicesOf(n int, turns []Turn, labels map[int]label) []voice {
	v := make([]voice, n)
	for _, t := range turns {
		for k := t.Start; k < t.End; k++ {
			v[k].speaker = t.Speaker
		}
	}
	for i, l := range labels {
		v[i].body = l.body
	}
	return v
}

// findLabels returns the accepted speaker label of each labelled paragraph.
func findLabels(d *Document, x *textIndex) map[int]label {
	labels := map[int]label{}
	count := map[string]int{}
	for i, p := range d.Paragraphs {
		if p.Heading {
			continue
		}
		if l, ok := parseLabel(p.Text); ok {
			if !l.strong && i == 0 && d.Title == "" && isHeadline(p.Text[l.body:]) {
				continue // "Frank Messina: An Interview with the 'Mets Poet'"
			}
			labels[i] = l
			count[strings.ToUpper(l.speaker)]++
		}
	}
	checks := 0
	for i, l := range labels {
		if l.strong || count[strings.ToUpper(l.speaker)] > 1 {
			continue
		}
		checks++
		if checks > maxElsewhereChecks || !mentionedElsewhere(d, x, l.speaker, i) {
			delete(labels, i)
		}
	}
	return labels
}

// mentionedElsewhere reports whether name occurs in the title or in a
// paragraph other than skip, as written.
func mentionedElsewhere(d *Document, x *textIndex, name string, skip int) bool {
	if strings.Contains(d.Title, name) {
		return true
	}
	for i, p := range d.Paragraphs {
		x.work += len(p.Text)
		if i != skip && strings.Contains(p.Text, name) {
			return true
		}
	}
	return false
}

// isHeadline reports whether text reads as a headline: a few words that
// do not end a sentence.
func isHeadline(text string) bool {
	t := trimCloseRight(text)
	if t == "" || countWords(t) > 15 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?…", r)
}

// parseLabel reads a speaker label at the start of text.
func parseLabel(text string) (label, bool) {
	i, stamped := 0, false
	if m := timestampRe.FindStringIndex(text); m != nil {
		if j := skipSpace(text, m[1]); j > m[1] {
			i, stamped = j, true
		}
	}
	rest := text[i:]
	if strings.HasPrefix(rest, "**") {
		return boldLabel(rest, i)
	}
	if l, ok := qaLabel(rest); ok {
		l.body += i
		return l, true
	}
	limit := min(len(rest), maxLabelLen+8) // room for doubled spaces
	colon := strings.IndexByte(rest[:limit], ':')
	if colon <= 0 {
		return label{}, false
	}
	after := colon + 1
	if after < len(rest) {
		r, _ := utf8.DecodeRuneInString(rest[after:])
		if !IsSpace(r) { // "10:30", "http://"
			return label{}, false
		}
	}
	name := collapseSpaces(rest[:colon])
	if !validSpeaker(name) {
		return label{}, false
	}
	return label{
		speaker: name,
		body:    i + skipSpace(rest, after),
		strong:  stamped || isUpperWord(name),
	}, true
}

// boldLabel reads a Markdown "**Name:**" or "**Name**:" label at the start
// of rest, which lies at offset off in the paragraph.
func boldLabel(rest string, off int) (label, bool) {
	end := strings.Index(rest[2:], "**")
	if end <= 0 || end > maxLabelLen+2 {
		return label{}, false
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
		return label{}, false
	}
	if l, ok := qaLabel(name + ":"); ok {
		return label{speaker: l.speaker, body: off + skipSpace(rest, after), strong: true}, true
	}
	if !validSpeaker(name) {
		return label{}, false
	}
	return label{speaker: name, body: off + skipSpace(rest, after), strong: true}, true
}

// qaLabel reads an interview label "Q:", "A.", "Question:" or "Q" followed
// by non-breaking spaces, as in White House transcripts.
func qaLabel(s string) (label, bool) {
	var name string
	switch {
	case strings.HasPrefix(s, "Question"), strings.HasPrefix(s, "QUESTION"):
		name = s[:8]
	case strings.HasPrefix(s, "Answer"), strings.HasPrefix(s, "ANSWER"):
		name = s[:6]
	case strings.HasPrefix(s, "Q"), strings.HasPrefix(s, "A"):
		name = s[:1]
	default:
		return label{}, false
	}
	speaker := "Q"
	if name[0] == 'A' {
		speaker = "A"
	}
	rest := s[len(name):]
	if rest == "" {
		return label{}, false
	}
	switch rest[0] {
	case ':':
		if len(rest) > 1 && !startsWithSpace(rest[1:]) {
			return label{}, false
		}
		return label{speaker: speaker, body: len(name) + skipSpace(rest, 1), strong: true}, true
	case '.':
		if len(name) > 1 || len(rest) < 2 || !startsWithSpace(rest[1:]) || isInitial(rest[skipSpace(rest, 1):]) {
			return label{}, false
		}
		return label{speaker: speaker, body: len(name) + skipSpace(rest, 1), strong: true}, true
	}
	// "Q" then spaces: a no-break space, a tab or two spaces.
	r, n := utf8.DecodeRuneInString(rest)
	if !IsSpace(r) || len(name) > 1 {
		return label{}, false
	}
	strong := true
	if r == ' ' {
		// "Q Thanks, Olivia." is a label only where Q labels recur; a single
		// space after "A" is the article.
		if r2, _ := utf8.DecodeRuneInString(rest[n:]); !IsSpace(r2) {
			if speaker != "Q" || !isCapitalized(rest[n:]) {
				return label{}, false
			}
			strong = false
		}
	}
	body := len(name) + skipSpace(rest, 0)
	if body >= len(s) {
		return label{}, false
	}
	return label{speaker: speaker, body: body, strong: strong}, true
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

// nameParticles are lower-case words allowed inside a speaker's name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "di": true, "du": true, "del": true, "della": true,
	"van": true, "von": true, "der": true, "den": true, "la": true, "le": true,
	"bin": true, "al": true, "el": true, "of": true, "and": true, "y": true,
}

// validSpeaker reports whether name reads as a speaker: a few capitalised
// or upper-case words of letters, not a content label such as "Note".
func validSpeaker(name string) bool {
	if name == "" || len(name) > maxLabelLen {
		return false
	}
	lower := strings.ToLower(name)
	if words().nonSpeakers[lower] || words().nonSpeakers[strings.TrimSuffix(lower, "s")] {
		return false
	}
	fields := strings.Fields(name)
	if len(fields) > maxLabelWords {
		return false
	}
	for k, w := range fields {
		if nameParticles[w] && k > 0 && k < len(fields)-1 {
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

// isEndLine reports whether a paragraph closes a transcript or stamps its
// time ("3:22 P.M. EDT", "END"), so it belongs to no turn.
func isEndLine(text string) bool {
	if len(text) > 48 {
		return false
	}
	t := collapseSpaces(text)
	return timeLineRe.MatchString(t) || endLineRe.MatchString(t)
}

// assignRoles marks interviewer turns as questions and, when there are
// any, every other turn as an answer; otherwise all turns are remarks.
func assignRoles(turns []Turn) {
	questions := false
	for i := range turns {
		if isInterviewerLabel(turns[i].Speaker) {
			turns[i].Role = RoleQuestion
			questions = true
		}
	}
	for i := range turns {
		switch {
		case turns[i].Role == RoleQuestion:
		case questions:
			turns[i].Role = RoleAnswer
		default:
			turns[i].Role = RoleRemark
		}
	}
}

// isInterviewerLabel reports whether a speaker label marks the interviewer.
func isInterviewerLabel(speaker string) bool {
	return inSet(words().interviewerLabels, speaker)
}

// hasQuestionTurns reports whether any turn is a question.
func hasQuestionTurns(turns []Turn) bool {
	for _, t := range turns {
		if t.Role == RoleQuestion {
			return true
		}
	}
	return false
}
