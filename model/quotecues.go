package model

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"
)

const (
	// cueWindow is how many words on either side of a quotation are
	// searched for its reporting cue, which may come after a description
	// ("...," Rosa Lindgren, editor at large, said) or govern a lead-in
	// ("Smith told the jury that, in the weeks before the vote, "...").
	cueWindow = 16
	// maxSourceWords is the longest name read as a speaker after a cue
	// ("according to Norway's Coastal Rescue Authority").
	maxSourceWords = 5
	// maxDescriptionWords is the longest part of a speaker's description
	// between commas ("director general of the national institute that
	// ran the trial").
	maxDescriptionWords = 20
	// cueBytes bounds how far from a quotation its cue is looked for.
	cueBytes = 160
)

// directCue finds the reporting cue of the quotation with marks at
// [markStart, markEnd) in paragraph i, whose sentences are sents: after
// it ("...," she said / said Smith) or before it in the same sentence
// (Smith said: "...", according to Smith, "..."). It returns the
// speaker, the cue and where the cue's word starts (-1 without one).
func (s *quoteScanner) directCue(i int, sents []Span, markStart, markEnd int) (speaker, cue string, at int) {
	text := s.d.Paragraphs[i].Text
	first := int(s.x.paraSent[i]) // the index of sents[0] in s.x.spans
	// The sentences holding the marks, found by binary search, and the
	// one in s.x.spans that holds the words read on either side, -1 for
	// none.
	bounds := Span{0, len(text)}
	before, after := -1, -1
	if k := sentenceAt(sents, markStart); k < len(sents) && sents[k].Start <= markStart {
		bounds.Start, before = sents[k].Start, first+k
	}
	afterFrom := markEnd
	if k, _ := slices.BinarySearchFunc(sents, markEnd, func(st Span, pos int) int { return cmp.Compare(st.End, pos) }); k < len(sents) && sents[k].Start < markEnd {
		bounds.End, after = sents[k].End, first+k
		if k+1 < len(sents) && trimRightSpace(text, sents[k].End) <= markEnd && asksOrExclaims(text[markStart:markEnd]) {
			bounds.End = sents[k+1].End // ""Who pays for this?" Ada Rowntree asked."
			// No word stands between the marks and the next sentence:
			// its words are the ones after the marks.
			after, afterFrom = -1, sents[k+1].Start
			if !strings.ContainsFunc(text[markEnd:afterFrom], isWordRune) {
				after = first + k + 1
			}
		}
	}
	// Only a few words either side matter: bound the text looked at.
	from := max(bounds.Start, runeStart(text, markStart-cueBytes))
	to := min(bounds.End, runeStart(text, markEnd+cueBytes))
	s.x.work += to - markEnd + markStart - from
	if after < 0 {
		afterFrom = markEnd
	}
	return s.cueAround(text, bounds, s.windowTokens(text, after, afterFrom, to), before, from, markStart)
}

// cueAround finds the reporting cue of a quotation in the words after
// its marks, toks, and failing that in the words of text[from:markStart]
// before them, of sentence before of the index (see windowTokens),
// bounds being the sentences holding the marks. It returns what
// directCue does.
func (s *quoteScanner) cueAround(text string, bounds Span, toks []token, before, from, markStart int) (speaker, cue string, at int) {
	after := &sentence{text: text, toks: toks, bounds: bounds, cues: s.x.cues, classes: s.x.classes, traits: s.x.traits}
	if after.len() > cueWindow {
		after.toks = after.toks[:cueWindow]
	}
	// A name may come with a description before or after it, and before
	// its verb: "...," Rosa Lindgren, editor at large at the Harbour
	// Gazette, said.
	parts := 1
	if after.len() > 0 && (after.personWord(0) || after.in(0, words().determiners)) {
		parts = 3 // "the prosecutor, Gareth Lyle, asked"
	}
	for k := range after.len() {
		if k > 0 && after.broken(k) {
			if parts--; parts == 0 || !after.commaBefore(k) {
				break
			}
		}
		if sp, c := s.cueAt(after, k, true); sp != "" {
			return sp, c, after.start(k)
		}
	}
	lead := &sentence{text: text, toks: s.windowTokens(text, before, from, markStart), bounds: bounds, cues: s.x.cues, classes: s.x.classes, traits: s.x.traits}
	if lead.len() > cueWindow {
		lead.toks = lead.toks[lead.len()-cueWindow:]
	}
	for k := lead.len() - 1; k >= 0; k-- {
		if sp, c := s.cueAt(lead, k, false); sp != "" {
			return sp, c, lead.start(k)
		}
	}
	return "", "", -1
}

// windowTokens returns the words of text[from:to] as appendTokens reads
// them, in s.window: the words of sentence sent of the index (an index
// of s.x.spans, -1 for none), which holds [from, to), with their ids, so
// that the cue passes ask the index about them; the first marked as
// following a break, as appendTokens marks it. The words of the index
// are the ones appendTokens reads from from, since from is not inside
// one, but for the last when the sentence goes on after to: to may cut
// it short, or keep it from taking a mark after it ("bakers’", "Dr."),
// so that one is read again unless it ends before to at a mark that
// joins no word. Without a sentence, or with from inside a word, the
// text is read anew.
func (s *quoteScanner) windowTokens(text string, sent, from, to int) []token {
	buf := s.window[:0]
	if sent < 0 {
		return appendTokens(buf, text, from, to)
	}
	sp, toks := s.x.spans[sent], s.x.tokens(sent)
	a, _ := slices.BinarySearchFunc(toks, from, func(t token, pos int) int { return cmp.Compare(int(t.end), pos+1) })
	if from < sp.Start || to > sp.End || a < len(toks) && int(toks[a].start) < from {
		return appendTokens(buf, text, from, to)
	}
	b := a
	for b < len(toks) && int(toks[b].start) < to {
		b++
	}
	buf = append(buf, toks[a:b]...)
	if n := len(buf); n > 0 && to < sp.End && !endsBefore(text, buf[n-1], to) {
		broken := buf[n-1].word & brokenBit
		buf = appendTokens(buf[:n-1], text, int(buf[n-1].start), to)
		if len(buf) >= n {
			buf[n-1].word = buf[n-1].word&^brokenBit | broken
		}
	}
	if len(buf) > 0 {
		buf[0].word |= brokenBit
	}
	return buf
}

// endsBefore reports whether word t of text ends where it does however
// far past it the text it is read from runs: it ends before to, at no
// mark a word may take or join across, and not with the apostrophe of a
// plural possessive, which is taken only before a letter (see
// appendTokens).
func endsBefore(text string, t token, to int) bool {
	end := int(t.end)
	if end >= to || strings.HasSuffix(text[:end], "'") || strings.HasSuffix(text[:end], "’") {
		return false
	}
	switch text[end] {
	case '\'', '-', '&', '.':
		return false
	}
	return !strings.HasPrefix(text[end:], "’")
}

// asksOrExclaims reports whether a quotation, marks included, ends with
// a question or an exclamation mark inside its marks, so that the
// sentence ends with it and its cue stands in the next.
func asksOrExclaims(q string) bool {
	q = strings.TrimRight(strings.TrimRightFunc(q, IsSpace), closers)
	r, _ := utf8.DecodeLastRuneInString(q)
	return r == '?' || r == '!' || r == '？' || r == '！'
}

// cueAt reads a reporting cue at word k: a reporting verb with its
// speaker before it ("Smith said"), or, when inverted is set, after it
// ("said Smith"); or "according to X", "in the words of X".
func (s *quoteScanner) cueAt(sn *sentence, k int, inverted bool) (speaker, cue string) {
	w := sn.word(k)
	if strings.EqualFold(w, "according") && k+2 < sn.len() && sn.is(k+1, "to") {
		if name, _ := s.sourceAfter(sn, k+2); name != "" {
			return name, "according to"
		}
		return "", ""
	}
	if strings.EqualFold(w, "words") && k >= 2 && k+2 < sn.len() && sn.is(k-1, "the") &&
		sn.is(k-2, "in") && sn.is(k+1, "of") {
		if name, _ := s.sourceAfter(sn, k+2); name != "" {
			return name, "in the words of"
		}
		return "", ""
	}
	if !reportingVerbAt(sn, k) || isNounUse(sn, k) {
		return "", ""
	}
	cue = sn.word(k)
	if name, _ := s.subjectBefore(sn, k); name != "" {
		return name, cue
	}
	if inverted {
		if name := s.speakerAfter(sn, k+1); name != "" {
			return name, cue
		}
	}
	return "", ""
}

// isReportingVerb reports whether w is a reporting verb as a verb: in
// lower case, for "State" and "Reports" in names are none.
func isReportingVerb(w string) bool {
	return len(w) >= 3 && !isCapitalized(w) && reportingBase(w) != ""
}

// reportingVerbAt reports isReportingVerb of word k of sn, by the word's
// id for a word of an index (see sentence.cueWord).
func reportingVerbAt(sn *sentence, k int) bool {
	t := sn.toks[k]
	return t.end-t.start >= 3 && sn.cueWord(k).base != "" && !capitalizedAt(sn, k)
}

// capitalizedAt reports isCapitalized of word k of sn, reading an ASCII
// letter without decoding it.
func capitalizedAt(sn *sentence, k int) bool {
	if c := sn.text[sn.toks[k].start]; c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	return isCapitalized(sn.word(k))
}

// reportingBaseAt returns reportingBase of word k of sn, by the word's id
// for a word of an index.
func reportingBaseAt(sn *sentence, k int) string {
	return sn.cueWord(k).base
}

// subjectBefore returns the speaker named just before the reporting verb
// at word k, and the index of the speaker's first word: a capitalised
// name; a pronoun for the last person named, or "it" for the last
// organisation quoted; or a noun phrase ("the ministry", "Officials").
func (s *quoteScanner) subjectBefore(sn *sentence, k int) (string, int) {
	lx := words()
	j := k - 1
	for j >= 0 && !sn.broken(j+1) && sn.in(j, lx.cueAdverbs) {
		j--
	}
	if j > 0 && !sn.broken(j+1) && sn.in(j, lx.timeWords) {
		j-- // "Moss on Thursday fined", "A report last year found"
		if j > 0 && !sn.broken(j+1) && sn.in(j, lx.timeLeads) {
			j--
		}
	}
	if j < 0 {
		return "", -1
	}
	if j > 0 && strings.HasPrefix(strings.TrimSpace(sn.gap(j+1)), ")") && strings.HasSuffix(strings.TrimSpace(sn.gap(j)), "(") && isUpperWord(sn.word(j)) {
		// An acronym in brackets after a name: "the World Health
		// Organization (WHO) said", "... Diseases (NIAID), announced".
		comma := strings.Contains(sn.gap(j+1), ",")
		j--
		if comma {
			return s.appositiveSubject(sn, j)
		}
	} else if sn.broken(j + 1) {
		return s.appositiveSubject(sn, j)
	}
	w := sn.word(j)
	contracted := false
	if hasApostrophe(w) {
		if p, _, _ := strings.Cut(strings.ReplaceAll(w, "’", "'"), "'"); lx.personPronouns.has(p) || lx.cueBlockers.has(p) {
			w, contracted = p, true // "You've said", "he'd said"
		}
	}
	// in reports whether w is in set, by the classes of w, read once: by
	// word j's id unless w is only the part of it before the apostrophe.
	var classes wordClass
	if id := sn.toks[j].id(); !contracted && id >= 0 && sn.classes != nil {
		classes = sn.classes[id]
	} else {
		classes, _ = lookup(lx.classes, w)
	}
	in := func(set wordSet) bool {
		if set.class == 0 {
			return set.has(w)
		}
		return classes&set.class != 0
	}
	if strings.EqualFold(w, "it") {
		return s.memory.quotedOrganisation(), j
	}
	if in(lx.coordinators) && j > 0 {
		return s.openingName(sn) // "Police closed the road and later charged a man"
	}
	if strings.EqualFold(w, "to") && j > 0 && sn.in(j-1, lx.modalLinks) {
		return s.subjectBefore(sn, j-1) // "has to approve", "went on to say"
	}
	if in(lx.beForms) && strings.HasSuffix(sn.word(k), "ing") && j > 0 {
		return s.subjectBefore(sn, j) // "The union is demanding"
	}
	if in(lx.relatives) && (sn.commaBefore(j) || strings.EqualFold(w, "who") && restrictiveCue(sn, k)) {
		return s.antecedent(sn, j) // "the firm, which said", "a farmer who says she"; not "a doctor who advises the board"
	}
	if in(lx.cueBlockers) {
		return "", -1
	}
	if in(lx.personPronouns) {
		return s.pronounPerson(), j
	}
	if contracted && !isPersonWord(w) || !contracted && !sn.personWord(j) {
		return s.nounSubject(sn, j)
	}
	start := nameStart(sn, j)
	if first, last, ok := personOf(sn, start, j); ok {
		return s.memory.person(sn.phrase(first, last)), first
	}
	if head, _ := s.headBefore(sn, start, j); head < start {
		return collapseSpaces(sn.phrase(head, j)), head // "Residents of Marsh Lane"
	}
	return s.memory.person(sn.phrase(start, j)), start
}

// personOf finds the person before "of" in a name of words start to j
// that says where the person is from or works ("Dennis Pruitt of Red
// Willow"), or before "of the" and the name ("John Smith of the Kelby
// Rowing Club"): a full name that opens with a given name. It returns the
// person's first and last words.
func personOf(sn *sentence, start, j int) (first, last int, ok bool) {
	first = start
	for first < j && sn.honorific(first) {
		first++ // "Mayor Dennis Pruitt of Red Willow"
	}
	for m := first + 2; m < j; m++ {
		if sn.is(m, "of") {
			if personLikeAt(sn, first, m-1) {
				return first, m - 1, true
			}
			break
		}
	}
	if start < 4 || !sn.is(start-1, "the") || !sn.is(start-2, "of") || sn.broken(start-1) || sn.broken(start-2) || sn.broken(start) || !sn.personWord(start-3) {
		return 0, 0, false
	}
	last = start - 3
	first = nameStart(sn, last)
	if !personLikeAt(sn, first, last) {
		return 0, 0, false
	}
	return first, last, true
}

// personLikeAt reports whether words first to last read as a person's
// full name: a given name first, and no word that names a body or a
// place ("Royal College", "Calder Chamber").
func personLikeAt(sn *sentence, first, last int) bool {
	if first >= last || !isGivenName(sn.word(first)) {
		return false
	}
	lx := words()
	for k := first; k <= last; k++ {
		if sn.in(k, lx.orgWords) || sn.in(k, lx.placeWords) || sn.in(k, lx.companySuffixes) {
			return false
		}
	}
	return true
}

// hasApostrophe reports whether w holds a straight or a curly
// apostrophe. It reads w's bytes once: a word is short.
func hasApostrophe(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '\'' || c == "’"[0] && strings.HasPrefix(w[i:], "’") {
			return true
		}
	}
	return false
}

// openingName returns the name that opens sentence sn and is its
// subject ("Police closed the road ..."), and the index of its first
// word, 0; or "", -1.
func (s *quoteScanner) openingName(sn *sentence) (string, int) {
	end := openingNameEnd(sn, 0, maxSourceWords)
	if end == 0 || end == 1 && strings.HasSuffix(sn.word(0), "ing") && (sn.in(1, words().nonClauseStarts) || sn.in(1, words().determiners)) {
		return "", -1 // not "Speaking to reporters, ..."
	}
	return s.memory.person(sn.phrase(0, end-1)), 0
}

// openingNameEnd returns the index after the name of at most limit words
// that opens sentence sn at word from and is followed by a lower-case
// word, as a subject is by its verb ("Police closed ..."), or 0 when none
// does.
func openingNameEnd(sn *sentence, from, limit int) int {
	end := from
	for end < sn.len() && end < from+limit && (end == from || !sn.broken(end)) && traitsAt(sn, end)&(traitPersonWord|traitHonorific) == traitPersonWord {
		end++ // a person word, no title
	}
	if end == from || end >= sn.len() || sn.broken(end) || capitalizedAt(sn, end) {
		return 0
	}
	return end
}

// nameStart returns the index of the first word of the name that ends at
// word j: "Dana Whitfield", "Keld Farmers' Cooperative", "the Calder
// Chamber of Commerce".
func nameStart(sn *sentence, j int) int {
	start := j
	for start > 0 && !sn.broken(start) && j-start < maxSourceWords {
		p := sn.word(start - 1)
		switch {
		case sn.personWord(start-1) || isCapitalized(p) && isPossessive(p):
			start--
		case start > 1 && !sn.broken(start-1) && (sn.in(start-1, words().nameParticles) || sn.in(start-1, words().titleConnectors) || sn.in(start-1, words().orgConnectors)) && sn.nameWord(start-2):
			// isNameGlue(p, true), by the word's classes
			start -= 2
		default:
			return start
		}
	}
	return start
}

// restrictiveCue reports whether the cue at word k, after "who" without a
// comma, reports a clause or an infinitive ("who hopes to stand again",
// "who said he would"), not an object that only tells what the person is
// ("a doctor who advises the board").
func restrictiveCue(sn *sentence, k int) bool {
	if k+1 >= sn.len() || sn.broken(k+1) {
		return false
	}
	next := sn.word(k + 1)
	return strings.EqualFold(next, "to") || strings.EqualFold(next, "that") || finiteSoon(sn, k+1)
}

// antecedent returns who a relative pronoun at word j stands for: the
// name or noun phrase just before it ("Calder Mills, which said", "the
// schools that want"), and the index of its first word; or "", -1.
func (s *quoteScanner) antecedent(sn *sentence, j int) (string, int) {
	a := j - 1
	w := sn.word(a)
	if !isPersonWord(w) {
		// The noun phrase just before: "the nurses' union, which".
		lx := words()
		start := a
		for start > 0 && !sn.broken(start) && a-start < 3 {
			if sn.in(start-1, lx.stopWords) || sn.in(start-1, lx.phrasePrepositions) || reportingVerbAt(sn, start-1) {
				break
			}
			start--
		}
		if lx.stopWords.has(w) || len(w) < 3 || start == 0 || !sn.in(start-1, lx.determiners) && !isPossessive(sn.word(start-1)) && !isPlural(w) {
			return "", -1 // not a noun phrase: "the word is optimistic, which"
		}
		return maker(sn, start, a), start
	}
	start := a
	for start > 0 && !sn.broken(start) && a-start < 3 && sn.personWord(start-1) {
		start--
	}
	return s.memory.person(sn.phrase(start, a)), start
}

// nounSubject reads a common noun phrase ending at word j as a speaker:
// "the New Zealand government said", "Estimates suggest": a determiner
// before it, or the start of the sentence. It returns the phrase without
// its determiner.
func (s *quoteScanner) nounSubject(sn *sentence, j int) (string, int) {
	lx := words()
	w := sn.word(j)
	opens := sn.opens(j) || j > 0 && !sn.broken(j) && (sn.in(j-1, lx.clauseConjunctions) || sn.in(j-1, lx.contrasts))
	if (lx.quantifiers.has(w) || strings.EqualFold(w, "others")) && opens {
		return w, j // "while some say", "Others argue"
	}
	if len(w) < 3 || isCapitalized(w) && j > 0 || lx.stopWords.has(w) || strings.HasSuffix(w, "ly") {
		return "", -1
	}
	start := j
	for start > 0 && !sn.broken(start) && j-start < 3 {
		p := sn.word(start - 1)
		if sn.in(start-1, lx.stopWords) || sn.in(start-1, lx.cueBlockers) || reportingVerbAt(sn, start-1) && !strings.HasSuffix(p, "ing") || isPossessive(p) {
			break
		}
		start--
	}
	start, head := s.headBefore(sn, start, j)
	if v := sn.word(j + 1); strings.EqualFold(reportingBaseAt(sn, j+1), v) && !isPlural(sn.word(head)) {
		return "", -1 // "a false claim": a noun, or the verb would agree
	}
	if head == j && start > 0 && sn.is(start-1, "the") {
		if name := s.memory.role(w); name != "" {
			return s.memory.person(name), start - 1 // "the judge" after "Judge Harriet Moss"
		}
	}
	switch {
	case start > 0 && !sn.broken(start) && sn.in(start-1, lx.determiners):
		// "the ministry", "its spokesman"; not "from all the press".
		if q := start - 3; q >= 0 && !sn.broken(q+1) && sn.is(q+1, "of") && sn.in(q, lx.quantifiers) {
			start = q // "One of the children", "some of the residents"
			break
		}
		for p := start - 2; p >= 0 && p >= start-3 && !sn.broken(p+1); p-- {
			if sn.in(p, lx.nonClauseStarts) {
				return "", -1
			}
		}
	case start > 0 && !sn.broken(start) && isPossessive(sn.word(start-1)) && sn.nameWord(start-1):
		// "Cornyn's statement added"
		start--
	case start > 1 && !sn.broken(start) && !sn.broken(start-1) && isPossessive(sn.word(start-1)) && sn.in(start-2, lx.determiners):
		// "The chain's press release reported"
		start--
	case start > 0 && !sn.broken(start) && sn.in(start-1, lx.quantifiers) && isPlural(sn.word(head)):
		start-- // "Some scientists believe"
	case (sn.opens(start) || start > 0 && !sn.broken(start) && sn.in(start-1, lx.clauseConjunctions)) && isPlural(sn.word(head)):
		// "Officials said", "but formal studies indicated"
	case start > 0 && !sn.broken(start) && (sn.in(start-1, lx.contrasts) || sn.is(start-1, "with")):
		// "while a survey by the trust found", "with the radio reporting"
	case start == j && start > 0 && strings.ContainsAny(sn.gap(start), ",;"):
		// "..., police said", "...; reports describe"
	default:
		return "", -1
	}
	phrase := maker(sn, start, j)
	if isPersonNoun(sn.word(head)) {
		s.memory.remember(phrase) // "A spokesman for the port said ... he said"
	}
	return phrase, start
}

// isPlural reports whether a noun reads as plural: "officials",
// "fishermen", "people".
func isPlural(w string) bool {
	w = strings.ToLower(w)
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "men") || w == "people" || w == "police" || w == "children"
}

// isPersonNoun reports whether a common noun reads as one person by its
// ending: spokesman, chairwoman, driver, inspector, economist, trustee.
// An ASCII word is read without lowering it into a new string: the
// entity scanner asks it of capitalised words.
func isPersonNoun(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			w = strings.ToLower(w)
			break
		}
	}
	for _, end := range []string{"man", "woman", "person", "er", "or", "ist", "ian", "ee"} {
		if len(w) > len(end)+2 && hasSuffixFoldASCII(w, end) {
			return true
		}
	}
	return false
}

// hasSuffixFoldASCII reports whether w ends in suffix, a lower-case ASCII
// word, reading w's ASCII capitals as lower case.
func hasSuffixFoldASCII(w, suffix string) bool {
	if len(w) < len(suffix) {
		return false
	}
	tail := w[len(w)-len(suffix):]
	for i := 0; i < len(suffix); i++ {
		c := tail[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}

// headBefore returns where the noun phrase of words start to head
// begins, and its head noun, when it is the object of a preposition after
// the phrase's head: "spokesman for the port", "Residents of the
// village", "the owner of the quarry" (a name followed by one, "Calder
// Chamber of Commerce", is read by subjectBefore). It goes back at most
// two prepositions.
func (s *quoteScanner) headBefore(sn *sentence, start, head int) (int, int) {
	lx := words()
	for range 2 {
		p := start - 1
		if p > 0 && !sn.broken(p+1) && sn.in(p, lx.determiners) {
			p--
		}
		if p < 1 || sn.broken(p+1) || !sn.in(p, lx.phrasePrepositions) || sn.broken(p) {
			return start, head
		}
		w := sn.word(p - 1)
		if sn.in(p-1, lx.stopWords) || reportingVerbAt(sn, p-1) || len(w) < 3 || isCapitalized(w) && p-1 > 0 {
			return start, head
		}
		start, head = p-1, p-1
		if strings.HasSuffix(w, "ed") && p-2 >= 0 && !sn.broken(p-1) && !sn.in(p-2, lx.stopWords) {
			start, head = p-2, p-2 // "Photos released of the scene"
		}
		for start > 0 && !sn.broken(start) && p-1-start < 2 {
			if sn.in(start-1, lx.stopWords) || sn.in(start-1, lx.cueBlockers) || reportingVerbAt(sn, start-1) || sn.in(start-1, lx.phrasePrepositions) {
				break
			}
			start--
		}
	}
	return start, head
}

// appositiveSubject finds the speaker of a reporting verb set off by a
// comma, the subject ending at word j: "Mark Devlin, the transport
// ministry's spokesman, said" (the name before the description),
// "The company's chief executive, Priya Natarajan, told" (the name
// between commas), "Tom Molomby, SC, said" (letters after a name).
func (s *quoteScanner) appositiveSubject(sn *sentence, j int) (string, int) {
	// Walk back over the comma-separated parts ending at word j.
	end := j
	inDesc := false // the part is the start of a description
	for part := 0; part < 4 && end >= 0; part++ {
		start := end
		for start > 0 && !sn.broken(start) && end-start < maxDescriptionWords {
			start--
		}
		if !sn.broken(start) {
			return "", -1 // a part too long to be a name or description
		}
		w := sn.word(start)
		if part == 0 && start > 0 && sn.commaBefore(start) && words().nonClauseStarts.has(w) {
			// An aside between the speaker and the verb: "The grocer,
			// in a statement on Monday, said".
			end = start - 1
			continue
		}
		// A single name after a part ending in a name continues a
		// description: "... at the University of Kent, Canterbury".
		placeTail := part == 0 && start == end && start > 0 && sn.nameWord(start-1)
		switch {
		case start == end && (words().postNominals.has(w) || isNumberLike(w)):
			// Letters or an age after a name ("Tulley, 57,"): the name
			// is the part before.
		case placeTail:
			inDesc = true // the description goes on before the place
		case isNamePart(sn, start, end) && !inDesc:
			// A name: "The company's chief executive, Priya Natarajan,".
			if part == 0 && start > 0 && !sn.commaBefore(start) {
				return "", -1
			}
			return s.memory.person(sn.phrase(start, end)), start
		case part > 0 && !inDesc:
			// The part before a description ends with the name: "Police
			// superintendent Ola Brandt, spokeswoman for ..." gives Ola Brandt.
			first := end
			for first > start && end-first < 3 && sn.personWord(first-1) {
				first--
			}
			if !sn.commaBefore(end + 1) {
				return "", -1
			}
			if !sn.personWord(end) {
				return s.nounSubject(sn, end) // "The grocer, in its release, said"
			}
			if first > start && !sn.personWord(first) {
				first++
			}
			return s.memory.person(sn.phrase(first, end)), first
		default:
			if !hasCommonWord(sn, start, end) {
				return "", -1 // a list of names, not a description
			}
			if part == 0 && (sn.opens(start) || afterOpening(sn, start)) {
				// "Director Ann Lee of the Institute of Health, said":
				// the name in the part that opens the sentence.
				return s.nameIn(sn, start, end)
			}
			inDesc = false
		}
		if start == 0 || !sn.commaBefore(start) {
			return "", -1
		}
		end = start - 1
	}
	return "", -1
}

// afterOpening reports whether word k follows the comma after a phrase of
// place or time that opens its sentence ("On Monday morning, ...").
func afterOpening(sn *sentence, k int) bool {
	if !sn.commaBefore(k) || !sn.in(0, words().nonClauseStarts) {
		return false
	}
	for j := 1; j < k; j++ {
		if sn.broken(j) {
			return false
		}
	}
	return true
}

// nameIn returns the first name of two to four capitalised words among
// words start to end (included), past the titles before it, and the index
// of its first word; or "", -1.
func (s *quoteScanner) nameIn(sn *sentence, start, end int) (string, int) {
	for k := start; k < end; k++ {
		if !sn.personWord(k) || sn.honorific(k) {
			continue
		}
		if last := min(nameEnd(sn, k), end); last > k {
			return s.memory.person(sn.phrase(k, last)), k
		}
	}
	return "", -1
}

// isNamePart reports whether words start to end (included) are a name of
// a few words, every one capitalised.
func isNamePart(sn *sentence, start, end int) bool {
	if end-start >= 4 {
		return false
	}
	for k := start; k <= end; k++ {
		if !sn.nameWord(k) {
			return false
		}
	}
	return true
}

// hasCommonWord reports whether words start to end hold a lower-case word,
// as a description does ("NTU associate professor of marine biology").
func hasCommonWord(sn *sentence, start, end int) bool {
	for k := start; k <= end; k++ {
		if w := sn.word(k); !isCapitalized(w) {
			return true
		}
	}
	return false
}

// nameAfter returns the capitalised name (or pronoun) starting at word k,
// and the index of the word after the titles it passed ("the company's
// CEO", "Mayor"), where the name starts: a title in between leads to the
// same name.
func (s *quoteScanner) nameAfter(sn *sentence, k int) (string, int) {
	lx := words()
	if k >= sn.len() || sn.broken(k) {
		return "", k
	}
	w := sn.word(k)
	if lx.personPronouns.has(w) {
		return s.pronounPerson(), k
	}
	// Skip the titles ("the company's CEO", "Mayor") to the name.
	from := k
	for k < sn.len()-1 && !sn.broken(k+1) && (strings.EqualFold(w, "the") || isHonorific(w)) {
		k++
		w = sn.word(k)
	}
	s.x.work += k - from
	if !isPersonWord(w) {
		return "", k
	}
	return s.memory.person(sn.phrase(k, nameEnd(sn, k))), k
}

// nounSource returns the common noun phrase of words k to end (included),
// up to punctuation, as a source without a name ("state media", "the
// ministry's figures", "court records"), without its determiner, and the
// index of its last word; or ""
// when a function word shows it is no source ("some of them").
func nounSource(sn *sentence, k, end int) (string, int) {
	lx := words()
	if sn.in(k, lx.determiners) {
		k++
	}
	last := -1
phrase:
	for j := k; j <= end && j-k < 2*maxSourceWords; j++ {
		w := sn.word(j)
		switch {
		case last == j-1 && j < end && (sn.is(j, "of") || sn.in(j, lx.phrasePrepositions) && (sn.in(j+1, lx.determiners) || sn.nameWord(j+1)) && !sn.in(j+1, lx.timeWords) && !isMonth(sn.word(j+1))):
			// "members of the European Union", "a spokeswoman for the
			// port", "police in Kelby"; not "police on Monday", "at least"
		case last >= 0 && sn.in(j-1, lx.phrasePrepositions) && lx.determiners.has(w):
		case lx.stopWords.has(w) || lx.nonClauseStarts.has(w):
			break phrase
		default:
			last = j
		}
	}
	if last < k {
		return "", k
	}
	return maker(sn, k, last), last
}

// maker returns the speaker a noun phrase of words first to last
// (included) names: its owner when it is someone's document or words
// ("the council's own report" is the council's), else the phrase.
func maker(sn *sentence, first, last int) string {
	if !sn.in(last, words().documentNouns) {
		return collapseSpaces(sn.phrase(first, last))
	}
	for j := first; j < last; j++ {
		if owner, ok := cutPossessive(sn.word(j)); ok {
			if j == first {
				return owner
			}
			return collapseSpaces(sn.phrase(first, j-1)) + " " + owner
		}
	}
	return collapseSpaces(sn.phrase(first, last))
}

// speakerAfter returns the speaker named after an inverted cue from word
// k on ("said Smith", "says nurse Beatriz Soto", "said the meeting's
// chair, councillor Nadia Petrov", "said one skipper"): a name, past the
// words that describe it, or, without one, the noun phrase as written.
func (s *quoteScanner) speakerAfter(sn *sentence, k int) string {
	if name, _ := s.nameAfter(sn, k); name != "" {
		return name
	}
	lx := words()
	last := -1 // the last common noun read
description:
	for j := k; j < sn.len() && j-k < maxDescriptionWords; j++ {
		if j > k && sn.broken(j) {
			if sn.commaBefore(j) && last >= 0 {
				return s.nameAfterRole(sn, j) // "the meeting's chair, councillor Nadia Petrov"
			}
			break
		}
		w := sn.word(j)
		switch {
		case isPersonWord(w) && j > k:
			name, _ := s.nameAfter(sn, j)
			return name
		case lx.determiners.has(w) || strings.EqualFold(w, "one") || isPossessive(w):
		case !isCapitalized(w) && !lx.stopWords.has(w) && !isReportingVerb(w) && len(w) > 2:
			last = j
		default:
			break description
		}
	}
	if last < 0 {
		return ""
	}
	first := k
	if sn.in(first, lx.determiners) || sn.is(first, "one") {
		first++ // "a spokesman", "one skipper"
	}
	phrase := collapseSpaces(sn.phrase(first, last))
	if isPersonNoun(sn.word(last)) {
		s.memory.remember(phrase)
	}
	return phrase
}

// nameAfterRole returns the name that starts at word j or after a
// lower-case role or two ("councillor Nadia Petrov"), or "".
func (s *quoteScanner) nameAfterRole(sn *sentence, j int) string {
	lx := words()
	for m := j; m < sn.len() && m-j < 3 && (m == j || !sn.broken(m)); m++ {
		w := sn.word(m)
		if isPersonWord(w) && !isHonorific(w) {
			return s.memory.person(sn.phrase(m, nameEnd(sn, m)))
		}
		if isCapitalized(w) && !isHonorific(w) || lx.stopWords.has(w) {
			break
		}
	}
	return ""
}

// nameEnd returns the index of the last word of the name of up to four
// person words that starts at word k.
func nameEnd(sn *sentence, k int) int {
	last := k
	for last+1 < sn.len() && last-k < 3 && !sn.broken(last+1) && sn.personWord(last+1) {
		last++
	}
	return last
}

// sourceAfter returns the source named by the phrase starting at word k,
// after "according to", "in the words of" or a passive's "by", and the
// index of its last word: its capitalised name, past a determiner and
// lower-case titles ("curator Elaine Gustafon"); the name after a comma
// that a role before it introduces ("the Crown prosecutor, Mark
// Tedeschi"); or, without a name, the common noun phrase ("state media").
func (s *quoteScanner) sourceAfter(sn *sentence, k int) (string, int) {
	lx := words()
	if k >= sn.len() || sn.broken(k) {
		return "", k
	}
	if w := sn.word(k); lx.personPronouns.has(w) {
		return s.pronounPerson(), k
	}
	end := k
	for end+1 < sn.len() && !sn.broken(end+1) && end-k < 6 {
		end++
	}
	first := -1
	for j := k; j <= end; j++ {
		w := sn.word(j)
		if isNameWord(w) && !isHonorific(w) {
			first = j
			break
		}
		if !lx.determiners.has(w) && lx.stopWords.has(w) {
			return nounSource(sn, k, end) // "members of the union"; not "some of them"
		}
	}
	if first < 0 {
		return nounSource(sn, k, end)
	}
	last := first
	for last+1 <= end && last-first < maxSourceWords-1 {
		if w := sn.word(last + 1); isPersonWord(w) {
			last++
		} else if isNameGlue(w, true) && last+2 <= end && sn.nameWord(last+2) {
			last += 2 // "University of Arkansas", "Arts and Humanities"
		} else {
			break
		}
	}
	// "the Crown prosecutor, Mark Tedeschi": a role, then the name.
	if last < end && last == end-1 && end+1 < sn.len() && sn.commaBefore(end+1) {
		n := end + 1
		m := n
		for m+1 < sn.len() && !sn.broken(m+1) && m-n < 3 && sn.nameWord(m+1) {
			m++
		}
		if isNamePart(sn, n, m) {
			return s.memory.person(sn.phrase(n, m)), m
		}
	}
	return s.memory.person(sn.phrase(first, last)), last
}
