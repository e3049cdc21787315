package model

import (
	"cmp"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Speakers by name: a label is resolved to the full name the text gives,
// so that the reader shows "Nadia Berg", not "NB", "A" or "NADIA BERG".

// maxNameWords is the longest full name a label is resolved to.
const maxFullNameWords = 4

var (
	// bylineRe finds a writer's byline standing as its own line, or as
	// one part of a line of facts: "By Tobias Wren", "Interview by Tobias
	// Wren", "Harbour Monthly · Sport · By Tobias Wren".
	bylineRe = regexp.MustCompile(`(?:^|[·|•—–]\s*)(?i:(?:interview|interviewed|questions|text|words)\s+)?(?i:by)\s+(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3})\s*(?:$|[·|•—–])`)
	// numberedRe matches a transcript's anonymous labels: "Speaker 1",
	// "Participant 2", "Person B".
	numberedRe = regexp.MustCompile(`^(?i:speaker|participant|person|voice|respondent)\s+(?:\d{1,2}|[A-Z])$`)
)

// isRoleLabel reports whether a label names a role in a conversation
// rather than a person: "Q", "Host", "Audience member", "The Witness".
func isRoleLabel(label string) bool {
	lx := words()
	return isInterviewerLabel(label) || lx.answerLabels.has(label) || lx.audienceLabels.has(label)
}

// speakerNames maps each speaker label of the turns to the full name the
// text gives for it, where one does: a label of role ("Q", "A", "The
// Witness", "Speaker 1") to the interviewer or interviewee the headline,
// byline or opening names; a name in capitals, a first name, a surname
// with its title ("MS. ARDEN") or initials ("NB") to the one full name
// of the text they stand for, and a name in capitals the text gives no
// other way to the name in capitals and small letters. askers are the
// speakers who ask.
func speakerNames(d *Document, x *textIndex, turns []Turn, askers map[string]asker) map[string]string {
	names := map[string]string{}
	if len(turns) == 0 {
		return names
	}
	inTurn := make([]bool, len(d.Paragraphs))
	for _, t := range turns {
		for i := t.Start; i < t.End; i++ {
			inTurn[i] = true
		}
	}
	intro := introNames(d, x, inTurn)
	var all []string // the names the turns give, read when a label needs them
	allRead := false
	c := findCast(d, x, inTurn, intro)
	speakers := map[string]bool{}
	for _, t := range turns {
		speakers[t.Speaker] = true
	}
	// Numbered labels take their names by role, when the roles are one
	// apiece.
	numbered := map[bool][]string{}
	for sp := range speakers {
		if numberedRe.MatchString(sp) {
			_, asks := askers[sp]
			numbered[asks] = append(numbered[asks], sp)
		}
	}
	lx := words()
	for sp := range speakers {
		_, asks := askers[sp]
		switch {
		case lx.questionLabels.has(sp) || lx.interviewerLabels.has(sp) || numberedRe.MatchString(sp) && asks && len(numbered[true]) == 1:
			if n := cmp.Or(c.asker, c.lead); n != "" {
				names[sp] = n
			}
		case lx.leadLabels.has(sp):
			if n := cmp.Or(c.lead, c.asker); n != "" {
				names[sp] = n
			}
		case lx.answerLabels.has(sp) || numberedRe.MatchString(sp) && !asks && len(numbered[false]) == 1:
			if c.answerer != "" {
				names[sp] = c.answerer
			}
		default:
			if full := fullNameFor(sp, intro); full != "" {
				names[sp] = full
				break
			}
			if !allRead {
				all, allRead = turnNames(d, x, inTurn), true
			}
			if full := fullNameFor(sp, all); full != "" {
				names[sp] = full
			} else if name := fromCapitals(sp); name != sp && !isRoleLabel(sp) {
				names[sp] = name // "JOAN ACHTERBERG", whom the text names nowhere else
			}
		}
	}
	return names
}

// introNames returns the full names of the headline, the byline and the
// paragraphs outside turns (the opening, notes, captions), which introduce
// the speakers, each once for each mention.
func introNames(d *Document, x *textIndex, inTurn []bool) []string {
	intro := appendFullNames(nil, d.Title)
	intro = appendFullNames(intro, d.Byline)
	for i, p := range d.Paragraphs {
		if !inTurn[i] {
			x.work += len(p.Text)
			intro = appendFullNames(intro, p.Text)
		}
	}
	return intro
}

// turnNames returns the full names the turns give, each once for each
// mention.
func turnNames(d *Document, x *textIndex, inTurn []bool) []string {
	var names []string
	for i, p := range d.Paragraphs {
		if inTurn[i] {
			x.work += len(p.Text)
			names = appendFullNames(names, p.Text)
		}
	}
	return names
}

// cast is who the text says takes part: the one who asks, the one who
// leads (a host, a moderator, a chair), and the one who answers. Each is
// "" where the text does not say.
type cast struct{ asker, lead, answerer string }

// personRe is a person's name as an opening writes it, with or without a
// title, in any case: "Nadia Berg", "MS. ARDEN", "Dr. Ada Byrne".
const personRe = `((?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|MR|MRS|MS|MISS|DR|PROF)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})`

var (
	// askedByRe names the one who asks by what they do: "Examination by
	// Ms. Arden", "Interview by Tobias Wren", "questioned by ...".
	askedByRe = regexp.MustCompile(`(?i:examination|cross-examination|questioning|questioned|questions|interview|interviewed)\s+(?i:by)\s+` + personRe)
	// leadRe names the one who leads: "moderated by Celeste Amaro", "host
	// Nadia Berg", "Miriam Oduya (Chair)".
	leadRe = regexp.MustCompile(`(?:(?i:moderated|hosted|chaired|presented)\s+(?i:by)|(?i:host|moderator|presenter|chair|chairwoman|chairman))\s+` + personRe + `|` + personRe + `\s*\((?i:chair|chairwoman|chairman|chairperson|moderator|host|presenter)\)`)
	// answeredByRe names the one who answers in a record of evidence:
	// "Deposition of Harriet Vance", "INGRID HALVORSEN, having affirmed".
	answeredByRe = regexp.MustCompile(`(?i:deposition|testimony|evidence|examination)\s+(?i:of)\s+` + personRe + `|` + personRe + swornRe)
	// swearingInRe matches a paragraph that opens by recording that a
	// witness was sworn.
	swearingInRe = regexp.MustCompile(`^` + personRe + swornRe)
)

// The words (or their stems) without which bylineRe and askedByRe, leadRe
// and answeredByRe cannot match, in lower case.
var (
	byNeeds       = []string{"by"}
	leadNeeds     = []string{"moderat", "host", "chair", "present"}
	answeredNeeds = []string{"deposition", "testimony", "evidence", "examination", "sworn", "affirmed"}
)

// holdsFold reports whether a word of text starts with one of the
// lower-case ASCII stems, in any case.
func holdsFold(text string, stems []string) bool {
	for i := 0; i < len(text); i++ {
		if i > 0 && isASCIILetter(text[i-1]) || !isASCIILetter(text[i]) {
			continue
		}
		for _, w := range stems {
			if text[i]|0x20 == w[0] && len(text)-i >= len(w) && strings.EqualFold(text[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

// swornRe is what follows the name of a witness who is sworn: ",
// having affirmed", ", duly sworn,".
const swornRe = `,?\s+(?i:having\s+(?:been\s+)?(?:duly\s+)?(?:sworn|affirmed)|(?:duly\s+)?sworn,|affirmed,)`

// swornNeeds are the words without which swornRe cannot match, in lower
// case.
var swornNeeds = []string{"sworn", "affirmed"}

// isSwearingIn reports whether a paragraph records that a witness was
// sworn: "INGRID HALVORSEN, having affirmed, gave evidence as follows:".
// Every paragraph of a turn is asked, so the words it needs are looked
// for first, which is quicker than the regular expression's failing.
func isSwearingIn(text string) bool {
	return holdsFold(text, swornNeeds) && swearingInRe.MatchString(text)
}

// maxCastParagraphs is how many paragraphs outside the turns are read for
// who takes part: an opening, a record's header, the first swearing-in.
const maxCastParagraphs = 12

// findCast names who takes part, from the byline, the headline and the
// first paragraphs outside the turns (inTurn marks the others): the one who
// asks from a byline ("By Tobias Wren"), from what they do ("Examination
// by Ms. Arden"), or as the person an interview is given to; the one who
// leads from a host's, moderator's or chair's line; the one who answers
// from whom the interview is said to be with, whose evidence it records,
// or else the person the opening names most. Failing all else, the one
// who asks is the one other person the opening calls by name. A name
// written as a label writes it ("MS. ARDEN") becomes the full name the
// opening gives (intro, see introNames).
func findCast(d *Document, x *textIndex, inTurn []bool, intro []string) cast {
	var c cast
	// Each pattern is tried only on texts that hold one of the words it
	// needs, which are few: its search, led by a name, is slow.
	find := func(re *regexp.Regexp, needs []string, text string, to *string) {
		if *to != "" || !holdsFold(text, needs) {
			return
		}
		if m := re.FindStringSubmatch(text); m != nil {
			for _, g := range m[1:] {
				if g != "" {
					*to = cmp.Or(fullNameFor(g, intro), fromCapitals(g))
					return
				}
			}
		}
	}
	find(bylineRe, byNeeds, "By "+d.Byline, &c.asker)
	texts := []string{d.Title}
	for i, p := range d.Paragraphs {
		if len(texts) > maxCastParagraphs {
			break
		}
		if !inTurn[i] {
			texts = append(texts, p.Text)
		}
	}
	for _, t := range texts {
		x.work += len(t)
		find(bylineRe, byNeeds, t, &c.asker)
		find(askedByRe, byNeeds, t, &c.asker)
		find(leadRe, leadNeeds, t, &c.lead)
		find(answeredByRe, answeredNeeds, t, &c.answerer)
	}
	named, subject := namedParties(d, x)
	if c.asker == "" && isPersonName(named) {
		c.asker = named
	}
	if c.asker != "" && (subject == c.asker || fullNameFor(subject, []string{c.asker}) != "") {
		// "Orla Venn talked to Sam Ridley", by Sam Ridley: who is talked
		// to is the writer, not the one the interview is with.
		subject = ""
	}
	c.answerer = cmp.Or(c.answerer, subject, mostNamed(intro, cmp.Or(c.asker, c.lead)))
	if c.asker == "" {
		if other := onlyOther(intro, c.answerer, d.Title); calledByName(d, inTurn, other) {
			c.asker = other
		}
	}
	return c
}

// onlyOther returns the one person names holds besides but, or "" when it
// holds none or several: the writer of an opening that names only the two
// who talk ("Hana Sato spent a morning with Felix Brandauer"). A name in
// the headline is not the writer's.
func onlyOther(names []string, but, headline string) string {
	other := ""
	for _, n := range names {
		if n == but || other == n || fullNameFor(n, []string{but}) != "" || strings.Contains(headline, n) {
			continue
		}
		if other != "" {
			return ""
		}
		other = n
	}
	return other
}

// calledByName reports whether the text outside the turns also calls the
// person named full by one part of the name alone ("Hana Sato" ... "checked
// by Hana"), as people are called and places are not.
func calledByName(d *Document, inTurn []bool, full string) bool {
	parts := strings.Fields(full)
	if len(parts) < 2 {
		return false
	}
	for i, p := range d.Paragraphs {
		if inTurn[i] {
			continue
		}
		for _, part := range []string{parts[0], parts[len(parts)-1]} {
			for at := 0; ; {
				k := strings.Index(p.Text[at:], part)
				if k < 0 {
					break
				}
				k += at
				at = k + len(part)
				if !strings.HasPrefix(p.Text[k:], full) && !strings.HasSuffix(p.Text[:at], full) && wordAt(p.Text, k, at) {
					return true
				}
			}
		}
	}
	return false
}

// wordAt reports whether text[start:end] is a whole word.
func wordAt(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	return !unicode.IsLetter(before) && !unicode.IsLetter(after)
}

// fromCapitals writes a name set in capitals as a name is written
// ("HARRIET VANCE" becomes "Harriet Vance", "JEAN-PIERRE" "Jean-Pierre"),
// and returns any other name as it is, acronyms too.
func fromCapitals(name string) string {
	parts := strings.Fields(name)
	if len(parts) < 2 {
		return name
	}
	for _, p := range parts {
		if !isUpperWord(p) {
			return name
		}
	}
	out := []rune(strings.ToLower(name))
	for k := range out {
		switch {
		case k == 0 || out[k-1] == ' ' || out[k-1] == '-':
			out[k] = unicode.ToUpper(out[k])
		case k >= 2 && (out[k-1] == '\'' || out[k-1] == '’') && (k == 2 || out[k-3] == ' ' || out[k-3] == '-'):
			out[k] = unicode.ToUpper(out[k]) // "O'Neil", "D'Arcy"
		}
	}
	return string(out)
}

// mostNamed returns the full name that names mentions most often, first
// mentioned among equals, other than but: the person an opening is about.
// names may repeat.
func mostNamed(names []string, but string) string {
	count := map[string]int{}
	best := ""
	for _, n := range names {
		if n == but {
			continue
		}
		count[n]++
		if best == "" || count[n] > count[best] {
			best = n
		}
	}
	return best
}

// fullNameFor returns the one full name among names that label stands
// for, or "": the same name in other case ("NADIA BERG"), a surname with
// or without a title ("MS. BERG", "BERG"), a first name ("Nadia") or
// initials ("NB"). A single word is read as a surname first, and as a
// first name only when no name ends with it and the label has no title:
// "MR. PELL" is Gideon Pell even beside the firm Pell Marchant. Several
// different names that fit make it "".
func fullNameFor(label string, names []string) string {
	ws := strings.Fields(label)
	titled := false
	for len(ws) > 1 && words().honorifics.has(strings.TrimSuffix(ws[0], ".")) {
		ws, titled = ws[1:], true
	}
	if len(ws) == 0 {
		return ""
	}
	found, ok := fittingName(ws, names, false)
	if found == "" && ok && !titled && len(ws) == 1 {
		found, _ = fittingName(ws, names, true)
	}
	return found
}

// fittingName returns the one name among names that a label's words fit,
// the words of a one-word label read as a first name or as a surname; ok
// is false when several different names fit.
func fittingName(ws, names []string, firstName bool) (found string, ok bool) {
	for _, n := range names {
		if nameFits(ws, n, firstName) {
			if found != "" && found != n {
				return "", false
			}
			found = n
		}
	}
	return found, true
}

// nameFits reports whether a label's words (its title dropped) stand for
// the full name n; a single word stands for its first name when firstName
// is set, and for its surname otherwise.
func nameFits(words []string, n string, firstName bool) bool {
	parts := strings.Fields(n)
	switch {
	case len(words) == len(parts):
		for k := range words {
			if !strings.EqualFold(words[k], parts[k]) {
				return false
			}
		}
		return true
	case len(words) == 1 && isInitials(words[0]) && utf8.RuneCountInString(words[0]) == len(parts):
		k := 0
		for _, r := range words[0] {
			first, _ := utf8.DecodeRuneInString(parts[k])
			if unicode.ToUpper(first) != r {
				return false
			}
			k++
		}
		return true
	case len(words) == 1 && firstName:
		return strings.EqualFold(words[0], parts[0])
	case len(words) == 1:
		return strings.EqualFold(words[0], parts[len(parts)-1])
	case len(words) < len(parts):
		// A surname of several words: "JEAN-PIERRE" is one, "DE LA CRUZ" three.
		tail := parts[len(parts)-len(words):]
		for k := range words {
			if !strings.EqualFold(words[k], tail[k]) {
				return false
			}
		}
		return true
	}
	return false
}

// isInitials reports whether w is two or three capital letters: "NB".
func isInitials(w string) bool {
	n := utf8.RuneCountInString(w)
	return n >= 2 && n <= 3 && isUpperWord(w) && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
}

// appendFullNames adds to names the full names text holds, once for each
// mention: runs of two to four capitalised name words ("Nadia Berg",
// "Karine Jean-Pierre"), without a title before them, ended by a comma or
// a bracket.
func appendFullNames(names []string, text string) []string {
	fields := strings.Fields(text)
	for k := 0; k < len(fields); {
		// A title or a role opens a name but is not part of it: "Press
		// Secretary Nadia Okoro", "Host Bettina Marsh".
		for k < len(fields) && isTitleWord(fields[k]) {
			k++
		}
		end := k
		for end < len(fields) && end-k < maxFullNameWords && isFullNameWord(fields[end]) && !isTitleWord(fields[end]) &&
			!strings.ContainsAny(fields[end][:1], "([") {
			end++
			if strings.ContainsAny(fields[end-1], ",;:)]") {
				break // "Nadia Berg, the host", "Miriam Oduya (Chair)"
			}
		}
		if end-k >= 2 {
			parts := make([]string, 0, end-k)
			for _, f := range fields[k:end] {
				parts = append(parts, strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }))
			}
			names = append(names, strings.Join(parts, " "))
		}
		k = max(end, k+1)
	}
	return names
}

// isTitleWord reports whether a word of text is a title or a role that
// comes before a name: "Dr.", "Councillor", "Host".
func isTitleWord(f string) bool {
	w := strings.Trim(f, ".,;:")
	return words().honorifics.has(w) || words().leadLabels.has(w)
}

// isFullNameWord reports whether a word of text can be part of a person's
// full name: capitalised, written in lower and upper case, and not a stop
// word.
func isFullNameWord(w string) bool {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	return w != "" && isCapitalized(w) && !isUpperWord(w) && !words().stopWords.has(w)
}

// isPersonName reports whether s reads as a person's full name rather
// than an outlet's: two to four name words.
func isPersonName(s string) bool {
	n := len(strings.Fields(s))
	return n >= 2 && n <= maxFullNameWords
}
