package model

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

const (
	// maxScareQuoteWords is the longest quoted phrase without sentence
	// punctuation that is read as a name or scare quote, not speech.
	maxScareQuoteWords = 3
	// maxTitleQuoteWords is the longest title-cased quoted phrase read as
	// a title ("Notes from the Underground").
	maxTitleQuoteWords = 6
	// minUnattributedWords is the fewest words a quotation needs to count
	// as speech when no reporting cue names its speaker.
	minUnattributedWords = 4
	// cueWindow is how many words on either side of a quotation are
	// searched for its reporting cue.
	cueWindow = 8
	// cueBytes bounds how far from a quotation its cue is looked for.
	cueBytes = 160
	// maxKnownNames caps the full names remembered for resolving surnames.
	maxKnownNames = 256
)

// quotePairs maps each opening quotation mark to its closing marks.
var quotePairs = map[rune]string{
	'“': "”",
	'„': "“”",
	'«': "»",
	'「': "」",
	'『': "』",
	'‘': "’",
	'"': "\"",
}

// personPronouns are the pronouns a reporting cue may use for a person.
var personPronouns = map[string]bool{"he": true, "she": true, "they": true}

// cueBlockers are the words before a reporting verb that make it no cue:
// an auxiliary ("would say", "is believed"), "to" or a negation.
var cueBlockers = map[string]bool{
	"to": true, "will": true, "would": true, "can": true, "could": true, "may": true,
	"might": true, "should": true, "must": true, "shall": true, "do": true, "does": true,
	"did": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "being": true, "not": true, "never": true, "it": true, "i": true,
	"we": true, "you": true,
}

// clauseSubjects may open a reported clause straight after its verb:
// "said he would ...".
var clauseSubjects = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "the": true, "there": true,
	"we": true, "i": true, "this": true, "these": true, "no": true,
}

// cueAdverbs may stand between a speaker and a reporting verb ("Smith also
// said", "he has said").
var cueAdverbs = map[string]bool{
	"also": true, "further": true, "later": true, "then": true, "once": true,
	"previously": true, "earlier": true, "has": true, "had": true, "again": true,
	"firmly": true, "repeatedly": true, "recently": true, "still": true, "often": true,
	"even": true, "strongly": true, "openly": true, "publicly": true,
}

// quoteScanner holds what quote extraction remembers across paragraphs:
// the last person named, for pronouns, and full names, for surnames.
type quoteScanner struct {
	d          *Document
	x          *textIndex
	lastPerson string
	names      []string
	toks       []token
	sents      []span
}

// extractQuotes finds quotes: speech in quotation marks (straight, curly,
// guillemets, CJK brackets), reported speech after a cue ("X says that
// ..."), and interview answers, one quote per answer paragraph. Speakers
// come from the nearest reporting cue; he, she and they stand for the
// last person named. Scare quotes and quoted names are left out.
func (d *Document) extractQuotes(x *textIndex) {
	d.Quotes = nil
	s := &quoteScanner{d: d, x: x}
	answers := d.answerSpeakers()
	for i, p := range d.Paragraphs {
		if p.Heading {
			continue
		}
		if p.Speaker != "" && !isInterviewerLabel(p.Speaker) {
			s.remember(p.Speaker)
		}
		if speaker, ok := answers[i]; ok {
			start, end := p.Body, trimRightSpace(p.Text, len(p.Text))
			if end > start {
				d.Quotes = append(d.Quotes, Quote{Speaker: speaker, Kind: QuoteTurn, Paragraph: i, Start: start, End: end})
			}
		}
		s.paragraph(i)
	}
	slices.SortStableFunc(d.Quotes, func(a, b Quote) int {
		if a.Paragraph != b.Paragraph {
			return a.Paragraph - b.Paragraph
		}
		return a.Start - b.Start
	})
}

// answerSpeakers maps each paragraph of an answer turn to its speaker.
func (d *Document) answerSpeakers() map[int]string {
	m := map[int]string{}
	for _, t := range d.Turns {
		if t.Role != RoleAnswer {
			continue
		}
		for i := t.Start; i < t.End; i++ {
			m[i] = t.Speaker
		}
	}
	return m
}

// paragraph finds the direct and reported quotes of paragraph i.
func (s *quoteScanner) paragraph(i int) {
	text := s.d.Paragraphs[i].Text
	s.sents = s.x.paragraphSpans(i)
	marks := s.directQuotes(i)
	from, to := s.x.sentences(i)
	next := 0
	// Sentence by sentence, so a name learnt from one cue ("Tomas Reyes
	// said ...") resolves the next ("Reyes said").
	for k := from; k < to; k++ {
		s.toks = s.x.tokens(k)
		s.reported(i, s.x.spans[k], marks)
		s.learnNames(text)
		for ; next < len(marks) && marks[next].Start < s.x.spans[k].End; next++ {
			s.addDirect(i, marks[next])
		}
	}
	for ; next < len(marks); next++ {
		s.addDirect(i, marks[next])
	}
}

// directQuotes returns the quotations of paragraph i that read as speech,
// quotation marks included, in text order.
func (s *quoteScanner) directQuotes(i int) []span {
	text := s.d.Paragraphs[i].Text
	var marks []span
	for k := 0; k < len(text); {
		if c := text[k]; c < utf8.RuneSelf && c != '"' {
			k++ // most bytes: plain ASCII, no quotation mark
			continue
		}
		r, n := utf8.DecodeRuneInString(text[k:])
		closing, ok := quotePairs[r]
		if !ok || (r == '‘' && !opensSingle(text, k)) {
			k += n
			continue
		}
		end, next := findClose(text, k+n, closing)
		if isSpeech(text[k+n : end]) {
			marks = append(marks, span{k, next})
		}
		k = next
	}
	return marks
}

// isSpeech reports whether quoted words read as speech rather than a name,
// a title or a scare quote: a short phrase without sentence punctuation
// is not speech.
func isSpeech(q string) bool {
	q = strings.TrimFunc(q, IsSpace)
	if q == "" {
		return false
	}
	n := countWords(q)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(q, closers))
	if strings.ContainsRune(".,!?…;。？！，", last) {
		return true
	}
	return n > maxScareQuoteWords && !(n <= maxTitleQuoteWords && isTitleCase(q))
}

// opensSingle reports whether the ‘ at k opens a quotation: it follows a
// space, the start or an opening bracket.
func opensSingle(text string, k int) bool {
	if k == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:k])
	return IsSpace(r) || r == '(' || r == '[' || r == '“'
}

// findClose finds the closing mark for a quotation opened at open. It
// returns the end of the quoted words and the offset after the mark; an
// unclosed quotation runs to the end of the paragraph, as quotations
// spanning paragraphs do.
func findClose(text string, open int, closing string) (end, next int) {
	for k := open; k < len(text); {
		r, n := utf8.DecodeRuneInString(text[k:])
		if strings.ContainsRune(closing, r) {
			// A ’ followed by a letter is an apostrophe ("don’t").
			if r == '’' && k+n < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[k+n:]); isWordRune(r2) {
					k += n
					continue
				}
			}
			return k, k + n
		}
		k += n
	}
	return len(text), len(text)
}

// addDirect records the quotation whose marks span m in paragraph i,
// with the speaker of its reporting cue. Without a cue, a quotation that
// opens its paragraph continues the previous one's speaker, and a short
// one is dropped.
func (s *quoteScanner) addDirect(i int, m span) {
	text := s.d.Paragraphs[i].Text
	_, n := utf8.DecodeRuneInString(text[m.Start:])
	start := skipSpace(text, m.Start+n)
	end := m.End
	if r, n := utf8.DecodeLastRuneInString(text[:end]); end < len(text) || strings.ContainsRune(closers, r) {
		end -= n // the closing mark
	}
	end = trimRightSpace(text, end)
	for end > start && strings.ContainsRune(",;:", rune(text[end-1])) {
		end = trimRightSpace(text, end-1) // "...," she said
	}
	if end <= start {
		return
	}
	speaker, cue := s.directCue(text, m.Start, m.End)
	if speaker == "" && countWords(text[start:end]) < minUnattributedWords {
		return
	}
	if speaker == "" {
		speaker = s.continuedSpeaker(i, m.Start)
	}
	s.d.Quotes = append(s.d.Quotes, Quote{Speaker: speaker, Cue: cue, Kind: QuoteDirect, Paragraph: i, Start: start, End: end})
}

// continuedSpeaker is the speaker of a quotation with no cue of its own
// that opens its paragraph: the speaker of the previous paragraph's last
// quote, as when one person's words run on.
func (s *quoteScanner) continuedSpeaker(i, markStart int) string {
	if markStart != 0 || len(s.d.Quotes) == 0 {
		return ""
	}
	last := s.d.Quotes[len(s.d.Quotes)-1]
	if last.Paragraph == i-1 && last.Kind == QuoteDirect {
		return last.Speaker
	}
	return ""
}

// isTitleCase reports whether every word of q longer than three letters
// is capitalised.
func isTitleCase(q string) bool {
	for _, w := range strings.Fields(q) {
		if len(w) > 3 && !isCapitalized(w) {
			return false
		}
	}
	return true
}

// directCue finds the reporting cue of the quotation with marks at
// [markStart, markEnd): after it ("...," she said / said Smith) or before
// it in the same sentence (Smith said: "...", according to Smith, "...").
func (s *quoteScanner) directCue(text string, markStart, markEnd int) (speaker, cue string) {
	sentStart, sentEnd := 0, len(text)
	// The sentences holding the marks, found by binary search.
	if k, _ := slices.BinarySearchFunc(s.sents, markStart, func(st span, pos int) int { return cmp.Compare(st.End, pos+1) }); k < len(s.sents) && s.sents[k].Start <= markStart {
		sentStart = s.sents[k].Start
	}
	if k, _ := slices.BinarySearchFunc(s.sents, markEnd, func(st span, pos int) int { return cmp.Compare(st.End, pos) }); k < len(s.sents) && s.sents[k].Start < markEnd {
		sentEnd = s.sents[k].End
	}
	// Only a few words either side matter: bound the text looked at.
	sentEnd = min(sentEnd, runeStart(text, markEnd+cueBytes))
	sentStart = max(sentStart, runeStart(text, markStart-cueBytes))
	var buf [4 * cueWindow]token
	after := appendTokens(buf[:0], text, markEnd, sentEnd)
	if len(after) > cueWindow {
		after = after[:cueWindow]
	}
	for k := range after {
		if k > 0 && after[k].broken {
			break
		}
		if sp, c := s.cueAt(text, after, k, true); sp != "" {
			return sp, c
		}
	}
	before := appendTokens(buf[:0], text, sentStart, markStart)
	if len(before) > cueWindow {
		before = before[len(before)-cueWindow:]
	}
	for k := len(before) - 1; k >= 0; k-- {
		if sp, c := s.cueAt(text, before, k, false); sp != "" {
			return sp, c
		}
	}
	return "", ""
}

// cueAt reads a reporting cue at toks[k]: a reporting verb with its
// speaker before it ("Smith said"), or, when inverted is set, after it
// ("said Smith"); or "according to X".
func (s *quoteScanner) cueAt(text string, toks []token, k int, inverted bool) (speaker, cue string) {
	w := text[toks[k].start:toks[k].end]
	if strings.EqualFold(w, "according") && k+2 < len(toks) && strings.EqualFold(text[toks[k+1].start:toks[k+1].end], "to") {
		if name := s.nameAfter(text, toks, k+2); name != "" {
			return name, "according to"
		}
		return "", ""
	}
	if reportingBase(w) == "" {
		return "", ""
	}
	cue = text[toks[k].start:toks[k].end]
	if name := s.subjectBefore(text, toks, k); name != "" {
		return name, cue
	}
	if inverted {
		if name := s.nameAfter(text, toks, k+1); name != "" {
			return name, cue
		}
	}
	return "", ""
}

// subjectBefore returns the speaker named just before the reporting verb
// at toks[k]: a capitalised name or a pronoun for the last person named.
func (s *quoteScanner) subjectBefore(text string, toks []token, k int) string {
	j := k - 1
	for j >= 0 && !toks[j+1].broken && inSet(cueAdverbs, text[toks[j].start:toks[j].end]) {
		j--
	}
	if j < 0 {
		return ""
	}
	if toks[j+1].broken {
		return s.appositiveSubject(text, toks, j)
	}
	w := text[toks[j].start:toks[j].end]
	if inSet(cueBlockers, w) {
		return ""
	}
	if inSet(personPronouns, w) {
		return s.lastPerson
	}
	if !isNameWord(w) {
		return ""
	}
	start := j
	for start > 0 && !toks[start].broken && j-start < 3 && isNameWord(text[toks[start-1].start:toks[start-1].end]) {
		start--
	}
	return s.person(text[toks[start].start:toks[j].end])
}

// appositiveSubject finds the speaker of "Jeff Rathke, the State
// Department spokesperson, said": a name followed by a comma and a
// description ending at toks[j].
func (s *quoteScanner) appositiveSubject(text string, toks []token, j int) string {
	// "The company's chief executive, Priya Natarajan, told": the name is
	// the part between the commas.
	if isNameWord(text[toks[j].start:toks[j].end]) {
		start := j
		for start > 0 && !toks[start].broken && j-start < 3 && isNameWord(text[toks[start-1].start:toks[start-1].end]) {
			start--
		}
		if start > 0 && toks[start].broken && strings.HasSuffix(strings.TrimSpace(text[toks[start-1].end:toks[start].start]), ",") {
			return s.person(text[toks[start].start:toks[j].end])
		}
	}
	for k := j; k > 0 && j-k < 10; k-- {
		if !toks[k].broken {
			continue
		}
		// toks[k] opens the description; the name ends at toks[k-1].
		if d := text[toks[k].start:toks[k].end]; isNameWord(d) && !inSet(words().honorifics, d) {
			return "" // a list of names, not a description
		}
		end := k - 1
		if !isNameWord(text[toks[end].start:toks[end].end]) {
			return ""
		}
		start := end
		for start > 0 && !toks[start].broken && end-start < 3 && isNameWord(text[toks[start-1].start:toks[start-1].end]) {
			start--
		}
		return s.person(text[toks[start].start:toks[end].end])
	}
	return ""
}

// nameAfter returns the capitalised name (or pronoun) starting at toks[k].
func (s *quoteScanner) nameAfter(text string, toks []token, k int) string {
	if k >= len(toks) || toks[k].broken {
		return ""
	}
	w := text[toks[k].start:toks[k].end]
	if inSet(personPronouns, w) {
		return s.lastPerson
	}
	// Skip a leading title ("the company's CEO", "Mayor") to the name.
	for k < len(toks)-1 && !toks[k+1].broken && (strings.EqualFold(w, "the") || inSet(words().honorifics, strings.TrimSuffix(w, "."))) {
		k++
		w = text[toks[k].start:toks[k].end]
	}
	if !isNameWord(w) {
		return ""
	}
	end := k
	for end+1 < len(toks) && !toks[end+1].broken && end-k < 3 && isNameWord(text[toks[end+1].start:toks[end+1].end]) {
		end++
	}
	return s.person(text[toks[k].start:toks[end].end])
}

// person returns the full form of a name: a lone surname or given name
// becomes the full name it shortens ("Bos" after "Nick Bos"). The result
// becomes the last person named.
func (s *quoteScanner) person(name string) string {
	name = collapseSpaces(name)
	if !strings.Contains(name, " ") {
		for k := len(s.names) - 1; k >= 0; k-- {
			full := s.names[k]
			if strings.HasSuffix(full, " "+name) || strings.HasPrefix(full, name+" ") {
				name = full
				break
			}
		}
	}
	s.remember(name)
	return name
}

// remember makes name the last person named and keeps full names.
func (s *quoteScanner) remember(name string) {
	s.lastPerson = name
	if strings.Contains(name, " ") && len(s.names) < maxKnownNames && !slices.Contains(s.names, name) {
		s.names = append(s.names, name)
	}
}

// learnNames notes the people a sentence names after a title ("CEO Lei
// Jun", "Dr. Smith"), so a later "he" can refer to them.
func (s *quoteScanner) learnNames(text string) {
	toks := s.toks
	for k := 0; k+1 < len(toks); k++ {
		w := strings.TrimSuffix(text[toks[k].start:toks[k].end], ".")
		if !inSet(words().honorifics, w) || !isCapitalized(w) || toks[k+1].broken {
			continue
		}
		if name := s.nameAfter(text, toks, k+1); name != "" && name != s.lastPerson {
			s.remember(name)
		}
	}
}

// reported finds reported speech in one sentence: a cue ("X says, ...",
// "X says that ...", "He believes that ...") followed by the reported
// clause to the end of the sentence. Sentences holding a quotation are
// left to directQuotes.
func (s *quoteScanner) reported(i int, sent span, direct []span) {
	text := s.d.Paragraphs[i].Text
	toks := s.toks
	for k := range toks {
		w := text[toks[k].start:toks[k].end]
		if reportingBase(w) == "" || strings.HasSuffix(w, "ing") {
			continue
		}
		speaker := s.subjectBefore(text, toks, k)
		if speaker == "" {
			continue
		}
		start := s.clauseStart(text, toks, k)
		if start < 0 {
			continue
		}
		end := trimRightSpace(text, sent.End)
		if r, n := utf8.DecodeLastRuneInString(text[:end]); strings.ContainsRune(".!?…。", r) {
			end -= n
		}
		if end <= start || countWords(text[start:end]) < 3 || overlaps(direct, start, end) {
			continue
		}
		s.d.Quotes = append(s.d.Quotes, Quote{
			Speaker: speaker, Cue: text[toks[k].start:toks[k].end], Kind: QuoteIndirect,
			Paragraph: i, Start: start, End: end,
		})
		return
	}
}

// clauseStart returns where the clause reported by the verb at toks[k]
// begins, after a comma, a colon or "that", or -1 when the verb reports
// no clause ("said in a statement on Monday").
func (s *quoteScanner) clauseStart(text string, toks []token, k int) int {
	after := toks[k].end
	if k+1 >= len(toks) {
		return -1
	}
	// Look for "that" within a few words: "told reporters that",
	// "said on Monday that".
	for j := k + 1; j < len(toks) && j <= k+6; j++ {
		if j > k+1 && toks[j].broken {
			break
		}
		if strings.EqualFold(text[toks[j].start:toks[j].end], "that") {
			return skipSpace(text, toks[j].end)
		}
	}
	rest := text[after:toks[k+1].start]
	if strings.ContainsAny(rest, ",:") && !strings.ContainsAny(rest, "\"“”«»「") {
		return toks[k+1].start
	}
	if strings.TrimFunc(rest, IsSpace) != "" {
		return -1
	}
	// "said he would ...": a subject straight after the verb.
	next := text[toks[k+1].start:toks[k+1].end]
	if inSet(clauseSubjects, next) || isNameWord(next) {
		return toks[k+1].start
	}
	return -1
}

// overlaps reports whether [start, end) overlaps any of spans, which are
// sorted and do not overlap each other.
func overlaps(spans []span, start, end int) bool {
	k, _ := slices.BinarySearchFunc(spans, start, func(sp span, pos int) int { return cmp.Compare(sp.End, pos+1) })
	return k < len(spans) && spans[k].Start < end
}

// runeStart clamps i to [0, len(s)] and moves it back to the start of a
// rune.
func runeStart(s string, i int) int {
	if i <= 0 {
		return 0
	}
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
