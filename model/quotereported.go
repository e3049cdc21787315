package model

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// closingMarks are the marks that may close a quotation.
const closingMarks = "\"”’»」』"

// maxThatDistance is how far after a cue its "that" is looked for.
const maxThatDistance = 10

// maxSubjectWords is how far after a reporting verb the finite verb of a
// clause without "that" is looked for ("remarked toilet paper is").
const maxSubjectWords = 6

// minReportedWords is the fewest words reported content needs: "the
// claim", "exports fell".
const minReportedWords = 2

// reported finds reported speech in sentence sn of paragraph i, direct
// being the paragraph's quotations: a cue ("X says, ...", "X says that
// ...", "He believes that ...", "Institutional recipients, said Mauer,
// are ...") and its reported clause to the end of the sentence or to a
// quotation that follows it; failing that, "according to X" with the
// rest of the sentence, or "it was reported that ...". A clause that
// would hold a quotation is left to directQuotes. s.cues has read sn.
func (s *quoteScanner) reported(i int, sn *sentence, direct []Span) {
	if !s.cues.cue {
		return // no word of any cue: most sentences
	}
	text := sn.text
	end := trimRightSpace(text, sn.bounds.End)
	switch r, n := utf8.DecodeLastRuneInString(text[:end]); r {
	case '.', '!', '?', '…', '。':
		end -= n
	}
	if sn.is(0, "according") && s.accordingTo(i, sn, end, direct) {
		return // the outermost: "According to the Courier, the minister said ..."
	}
	if s.asReported(i, sn, end, direct) {
		return
	}
	if s.trailingCue(i, sn, end, direct) {
		return
	}
	shared, joined := "", -1              // a cue's speaker, and the verb that ended its content
	found, from := false, sn.bounds.Start // cues before from are inside a quote found
	for n, k := range s.cues.at {
		w := sn.word(k)
		if s.cues.quoted[n] || sn.start(k) < from || s.cues.nounUse(sn, n) || k > 0 && strings.ContainsAny(sn.gap(k), closingMarks) || namesAfterNoun(sn, k) {
			continue // not a cue, the cue of the quotation before it, or inside what a cue before it reports
		}
		participle := strings.HasSuffix(w, "ing") && k != joined
		if participle && !s.absolute(sn, k) && !sn.commaBefore(k) && !(k > 0 && sn.in(k-1, words().beForms)) {
			continue // "the reporting period", "by saying"; not "is demanding"
		}
		if s.feeling(i, sn, k, end, direct) {
			found, from = true, s.quotes[len(s.quotes)-1].End
			continue
		}
		var speaker string
		var at int
		switch {
		case k == joined && (sn.in(k-1, words().coordinators) || strings.HasSuffix(w, "ing")):
			speaker, at = shared, k-1 // "... denied the claim and said ...", "..., saying ..."
		case participle && sn.commaBefore(k):
			speaker, at = s.openingName(sn) // "Boeing released nothing, telling reporters ..."
		default:
			speaker, at = s.subjectOf(i, sn, k)
		}
		start, object := -1, false
		switch {
		case speaker != "":
			start, object = s.clauseStart(sn, k)
			object = object || k+1 < sn.len() && start == sn.start(k+1) && !sn.is(k+1, "that") && !finiteSoon(sn, k+1) &&
				words().objectVerbs.has(reportingBaseAt(sn, k))
			if start < 0 && at > 0 && s.isAside(sn, at, k) {
				start = sn.bounds.Start // "The busiest stall, reporters observed, was ..."
			}
		case s.passiveCue(sn, k):
			start, _ = s.clauseStart(sn, k) // "it was reported that ..."
		case s.subjectPassive(i, sn, k, end, direct):
			found, from = true, s.quotes[len(s.quotes)-1].End
			continue
		default:
			if speaker = s.invertedAside(sn, k); speaker != "" {
				start = sn.bounds.Start // "Recipients, said Mauer, are ..."
			}
		}
		if start < 0 || words().asVerbs.has(reportingBaseAt(sn, k)) && !asFollows(sn, k) {
			continue // "attacked the plan as a disaster", not "attacked the village"
		}
		stop := end
		if object && !sn.is(k+1, "to") {
			stop = objectEnd(sn, k, end) // "approved the road late on Thursday"
		}
		if r := relativeBefore(sn, k); r > 0 {
			stop = nextComma(sn, k, end) // "the firm, which said it would appeal, closed"
		}
		next, cut := s.coordinatedCue(sn, k, start)
		if next >= 0 {
			stop = trimRightSpace(sn.text, sn.start(cut))
			for stop > start && strings.ContainsRune(",;", rune(sn.text[stop-1])) {
				stop = trimRightSpace(sn.text, stop-1)
			}
		}
		cue := sn.word(k)
		if k+2 < sn.len() && start == sn.start(k+2) && sn.in(k+1, words().governedPrepositions) {
			cue += " " + sn.word(k+1) // "called for"
		}
		if s.addReported(i, start, stop, direct, speaker, cue) {
			found, from = true, s.quotes[len(s.quotes)-1].End
		}
		if next >= 0 {
			shared, joined = speaker, next // also when the words were left to a quotation
		}
	}
	if found {
		return
	}
	// "According to X" at the sentence's start was tried first.
	if s.cues.according && !sn.is(0, "according") && s.accordingTo(i, sn, end, direct) {
		return
	}
	if s.cues.nouns && s.nounCue(i, sn, end, direct) {
		return
	}
	if s.cues.hearsay {
		s.hearsay(i, sn, end, direct)
	}
}

// sentenceCues holds what one reading of a sentence found for the
// passes over it: its reporting verbs and whether each stands in a
// quotation; whether it holds "according", a cue noun (see nounCue) or a
// hearsay adverb (see hearsay), which the passes that look for those
// need; and the words learnNames reads. One walk finds them all.
type sentenceCues struct {
	at                        []int
	quoted                    []bool
	according, nouns, hearsay bool
	// noun holds, for each verb of at, isNounUse of it once asked (see
	// nounUse): 0 before, 1 for a noun, 2 for a verb.
	noun []uint8
	// cue is set when the sentence holds a word of any cue.
	cue bool
	// names are the indexes of the sentence's capitalised titles and name
	// words, but for its last word (see learnNames).
	names []int
	// words holds, by id, what each word of the index's vocabulary is to
	// the walk (see scanWord), or is nil: a few bits are quicker to read
	// than what the word is.
	words []scanWord
}

// nounUse returns isNounUse of verb n of c.at in sn, the sentence c
// read, reading sn for it once: the cue passes ask it of a verb in turn.
func (c *sentenceCues) nounUse(sn *sentence, n int) bool {
	if c.noun[n] == 0 {
		c.noun[n] = 2
		if isNounUse(sn, c.at[n]) {
			c.noun[n] = 1
		}
	}
	return c.noun[n] == 1
}

// scanWord is what a word is to sentenceCues.read, a bit for each thing
// it tells, read once for every distinct word of an index.
type scanWord uint8

// The bits of a scanWord.
const (
	// scanName marks a capitalised title or name word (traitHonorific,
	// traitNameWord), which learnNames reads.
	scanName scanWord = 1 << iota
	// scanVerb marks a reporting verb (see reportingVerbAt).
	scanVerb
	// scanOther marks the word of another cue (see cueWord.other).
	scanOther
	// scanAccording marks "according", a word of another cue.
	scanAccording
	// scanNoun marks a cue noun (see nounCue).
	scanNoun
	// scanHearsay marks a hearsay adverb (see hearsay).
	scanHearsay
)

// scanOfWord returns what word w is to sentenceCues.read, cue being what
// it is to the cue passes and traits its traits.
func scanOfWord(w string, cue cueWord, traits wordTrait) scanWord {
	if w == "" {
		return 0
	}
	var scan scanWord
	capital := 'A' <= w[0] && w[0] <= 'Z' || w[0] >= utf8.RuneSelf && isCapitalized(w) // capitalizedAt
	if traits&(traitHonorific|traitNameWord) != 0 && capital {
		scan |= scanName
	}
	if len(w) < 3 || cue == (cueWord{}) {
		return scan // every cue word is one of the cue passes' (see lexicon.cueWords)
	}
	lx := words()
	if lx.cueNouns.has(w) {
		scan |= scanNoun
	}
	if lx.hearsayAdverbs.has(w) {
		scan |= scanHearsay
	}
	switch {
	case cue.base != "" && !capital:
		scan |= scanVerb
	case cue.other:
		scan |= scanOther
		if strings.EqualFold(w, "according") {
			scan |= scanAccording
		}
	}
	return scan
}

// scanWords returns sentenceCues.words for an index of the words vocab,
// which are to the cue passes cues and have the traits traits (see
// textIndex.vocab, textIndex.cues, textIndex.traits).
func scanWords(vocab []string, cues []cueWord, traits []wordTrait) []scanWord {
	words := make([]scanWord, len(vocab))
	for id, w := range vocab {
		words[id] = scanOfWord(w, cues[id], traits[id])
	}
	return words
}

// read reads sentence sn: its words of any cue (a reporting verb,
// "according", "per", a cue noun or "reportedly"), and the words
// learnNames reads. A word of the index c.words were made for is read by
// its id; any other from its text.
//
// The marks before a word are counted only when the word is a cue: most
// sentences hold none.
func (c *sentenceCues) read(sn *sentence) {
	c.at, c.quoted, c.names, c.noun = c.at[:0], c.quoted[:0], c.names[:0], c.noun[:0]
	var seen scanWord    // the bits of every word read
	var marks quoteDepth // a cue inside a quotation is its speaker's
	read := 0            // the words before which marks has counted
	scans := c.words
	for k := range sn.toks {
		var scan scanWord
		if id := sn.toks[k].id(); uint(id) < uint(len(scans)) {
			scan = scans[id]
		} else {
			w := sn.word(k)
			scan = scanOfWord(w, words().cueWords.get(w), traitsOf(w))
		}
		if scan == 0 {
			continue // most words
		}
		seen |= scan
		if scan&scanName != 0 && k+1 < len(sn.toks) {
			c.names = append(c.names, k)
		}
		if scan&scanVerb != 0 {
			read = marks.readTo(sn, read, k)
			c.at = append(c.at, k)
			c.quoted = append(c.quoted, marks.inside())
			c.noun = append(c.noun, 0)
		}
	}
	c.cue = seen&(scanVerb|scanOther) != 0
	c.according = seen&scanAccording != 0
	c.nouns = seen&scanNoun != 0
	c.hearsay = seen&scanHearsay != 0
}

// nounCue finds a noun that carries an attribution with its owner before
// it: "Her warning that the dam would fail", "the council's promise to
// rebuild". The content is the clause after the noun; the owner, a
// possessive name or pronoun, is the speaker. It reports whether a quote
// was added.
func (s *quoteScanner) nounCue(i int, sn *sentence, end int, direct []Span) bool {
	lx := words()
	s.x.work += sn.len()
	for k := 1; k+2 < sn.len(); k++ {
		if !sn.in(k, lx.cueNouns) || sn.broken(k) || sn.broken(k+1) || !complementAfter(sn, k) {
			continue
		}
		owner := sn.word(k - 1)
		speaker := ""
		switch {
		case lx.personPronouns.has(possessivePerson(owner)):
			speaker = s.pronounPerson()
		case isPossessive(owner) && isNameWord(owner):
			name, _ := cutPossessive(owner)
			first := k - 1
			for first > 0 && !sn.broken(first) && k-1-first < 3 && sn.personWord(first-1) {
				first--
			}
			if first < k-1 {
				name = sn.phrase(first, k-2) + " " + name // "Rosa Achebe's"
			}
			speaker = s.memory.person(name)
		}
		stop := subjectClauseEnd(sn, k, end)
		if speaker == "" {
			speaker = s.agentAfter(sn, k) // "The claim that ... was made by the group"
		}
		if speaker == "" {
			continue
		}
		return s.addReported(i, sn.start(k+1), stop, direct, speaker, sn.word(k))
	}
	return false
}

// subjectClauseEnd returns where the clause after the noun at word k ends
// when the noun opens the sentence's subject: before the main verb, the
// second auxiliary from the noun on ("His promise that every home would
// get a visit was met with laughter"); else end, the sentence's end.
func subjectClauseEnd(sn *sentence, k, end int) int {
	lx := words()
	for j := 0; j < k; j++ {
		if sn.in(j, lx.finiteVerbs) || reportingVerbAt(sn, j) {
			return end // the noun is the object of a verb before it
		}
	}
	seen := false
	for j := k + 2; j < sn.len(); j++ {
		if !sn.in(j, lx.finiteVerbs) {
			continue
		}
		if seen {
			return trimRightSpace(sn.text, sn.start(j))
		}
		seen = true
	}
	return end
}

// agentAfter returns who a passive later in the sentence names with "by"
// ("The claim that the farms would be lost was made by the action
// group"), reading from word k; or "".
func (s *quoteScanner) agentAfter(sn *sentence, k int) string {
	lx := words()
	passive := false
	for j := k + 1; j+1 < sn.len(); j++ {
		switch w := sn.word(j); {
		case lx.beForms.has(w):
			passive = true
		case passive && strings.EqualFold(w, "by"):
			name, _ := s.sourceAfter(sn, j+1)
			return name
		}
	}
	return ""
}

// complementAfter reports whether "that" or "to" after the noun at word k
// opens what the noun reports ("the claim that the farms would be lost",
// "a promise to rebuild"), not a relative clause ("the claim that was
// made").
func complementAfter(sn *sentence, k int) bool {
	lx := words()
	next, after := sn.word(k+1), sn.word(k+2)
	switch {
	case strings.EqualFold(next, "that"):
		return !lx.finiteVerbs.has(after) && !isReportingVerb(after)
	case strings.EqualFold(next, "to"):
		return !lx.determiners.has(after) && !isNameWord(after)
	}
	return false
}

// possessivePerson returns the personal pronoun a possessive one stands
// for: "he" for "his", "she" for "her", "they" for "their".
func possessivePerson(w string) string {
	switch strings.ToLower(w) {
	case "his":
		return "he"
	case "her":
		return "she"
	case "their":
		return "they"
	}
	return ""
}

// asReported reads a sentence that opens with "As" or "Per" and a cue
// set off by a comma: "As revealed at trial, the parents had ...", "As
// reported by the Ledger, ...", "Per the ministry's figures, ...". The
// rest of the sentence is the content; by whom, when named, the speaker.
// It reports whether a quote was added.
func (s *quoteScanner) asReported(i int, sn *sentence, end int, direct []Span) bool {
	if sn.len() < 4 || !sn.is(0, "as") && !sn.is(0, "per") {
		return false
	}
	comma := 2
	for comma < sn.len() && comma < 3*maxSourceWords && !sn.broken(comma) {
		comma++
	}
	if comma >= sn.len() || !sn.commaBefore(comma) {
		return false
	}
	speaker, cue := "", ""
	switch {
	case sn.is(0, "per"):
		speaker, _ = s.sourceAfter(sn, 1) // "Per the ministry's figures"
		cue = sn.word(0)
	case reportingVerbAt(sn, 1) && !strings.EqualFold(reportingBaseAt(sn, 1), sn.word(1)):
		cue = sn.word(0) + " " + sn.word(1)
		for j := 2; j+1 < comma; j++ {
			if sn.is(j, "by") {
				speaker, _ = s.sourceAfter(sn, j+1) // "As reported by the Ledger"
			}
		}
	default:
		return false
	}
	if sn.is(0, "per") && speaker == "" {
		return false
	}
	return s.addReported(i, sn.start(comma), end, direct, speaker, cue)
}

// trailingCue reads a cue that ends sentence sn of paragraph i after a
// comma, its speaker before or after the verb, as the outermost
// attribution of all the words before it: "The board expects the ward to
// be needed until Easter, a spokeswoman for the board said." / "..., said
// Mayor Ines Duval on Friday." A quotation before the comma is left to
// directQuotes. It reports whether a quote was added; end is where the
// sentence's words end.
func (s *quoteScanner) trailingCue(i int, sn *sentence, end int, direct []Span) bool {
	lx := words()
	v := sn.len() - 1
	for v > 1 && !sn.broken(v) && (sn.in(v, lx.timeWords) || sn.in(v, lx.timeLeads) || sn.in(v, lx.cueAdverbs) || sn.in(v, lx.hearers)) {
		v-- // "said on Friday", "told reporters"
	}
	speaker, first, cue := "", -1, ""
	if s.cues.according {
		for k := v; k > 1 && v-k < maxSourceWords+2 && first < 0; k-- {
			if sn.is(k, "to") && sn.is(k-1, "according") && sn.commaBefore(k-1) && k+1 < sn.len() {
				// "..., the minister said ..., according to the Courier."
				if name, last := s.sourceAfter(sn, k+1); name != "" && last >= v {
					speaker, first, cue = name, k-1, "according to"
				}
			}
		}
	}
	for n := len(s.cues.at) - 1; n >= 0 && first < 0; n-- {
		k := s.cues.at[n]
		if k > v {
			continue
		}
		if v-k >= maxSubjectWords || k == 0 || brokenBetween(sn, k, v) {
			break
		}
		w := sn.word(k)
		if strings.HasSuffix(w, "ing") || s.cues.nounUse(sn, n) {
			continue
		}
		switch {
		case sn.commaBefore(k):
			if k+1 > v || sn.in(k+1, words().personPronouns) || finiteSoon(sn, k+1) {
				return false // "..., said she would meet them": no cue at the end
			}
			if name, _ := s.subjectOf(i, sn, k); name != "" {
				return false // "Her daughter, Josephine Lee, confirmed the death": the verb's subject stands before it
			}
			speaker, first, cue = s.speakerAfter(sn, k+1), k, w // "..., said one skipper."
		default:
			name, at := s.subjectOf(i, sn, k)
			if at > 0 && !sn.broken(at) && sn.in(at-1, words().determiners) {
				at--
			}
			if name != "" && at > 0 && sn.commaBefore(at) {
				speaker, first, cue = name, at, w // "..., a spokeswoman said."
			}
		}
	}
	if speaker == "" || first <= 1 {
		return false
	}
	stop := trimRightSpace(sn.text, sn.start(first))
	for stop > sn.bounds.Start && strings.ContainsRune(",;", rune(sn.text[stop-1])) {
		stop = trimRightSpace(sn.text, stop-1)
	}
	if r, _ := utf8.DecodeRuneInString(sn.text[sn.bounds.Start:]); strings.ContainsRune(openers, r) || strings.ContainsAny(sn.text[stop-1:stop], closingMarks) {
		return false
	}
	return s.addReported(i, sn.bounds.Start, stop, direct, speaker, cue)
}

// subjectOf returns subjectBefore(sn, k) for sentence sn of paragraph
// i. trailingCue and reported may each ask it of the same verb, the
// later with nothing learnt in between: the answer of the last call is
// kept, and given again while quoteMemory has not changed since (see
// quoteMemory.changes), as subjectBefore, which reads nothing else that
// changes, would give it.
func (s *quoteScanner) subjectOf(i int, sn *sentence, k int) (string, int) {
	m := &s.subject
	if m.paragraph == i && m.sentence == sn.bounds.Start && m.verb == k && m.changes == s.memory.changes {
		return m.name, m.at
	}
	name, at := s.subjectBefore(sn, k)
	*m = subjectAnswer{paragraph: i, sentence: sn.bounds.Start, verb: k, changes: s.memory.changes, name: name, at: at}
	return name, at
}

// subjectAnswer is an answer of subjectBefore: the paragraph, the start
// of the sentence and the verb asked about, quoteMemory.changes after
// the call, and the speaker and the index of the speaker's first word.
type subjectAnswer struct {
	paragraph, sentence, verb, changes int
	name                               string
	at                                 int
}

// relativeBefore returns the index of a relative pronoun after a comma
// that is the subject of the cue at word k (", which said"), or -1.
func relativeBefore(sn *sentence, k int) int {
	lx := words()
	j := k - 1
	for j > 0 && !sn.broken(j+1) && sn.in(j, lx.cueAdverbs) {
		j--
	}
	if j > 0 && !sn.broken(j+1) && sn.in(j, lx.relatives) && sn.commaBefore(j) {
		return j
	}
	return -1
}

// nextComma returns where the words after word k end at the next comma
// of the sentence, or end when none comes.
func nextComma(sn *sentence, k, end int) int {
	for j := k + 1; j < sn.len(); j++ {
		if sn.commaBefore(j) {
			return min(end, trimRightSpace(sn.text, sn.end(j-1)))
		}
	}
	return end
}

// brokenBetween reports whether punctuation stands between words k and v
// (k < v) of a sentence.
func brokenBetween(sn *sentence, k, v int) bool {
	for j := k + 1; j <= v; j++ {
		if sn.broken(j) {
			return true
		}
	}
	return false
}

// coordinatedCue returns the indexes of a second reporting verb inside
// the content of the cue at word k, which starts at byte start, and of the
// word where that content ends: a verb of the same speaker joined by "and"
// or "but" ("She criticised the plan and said it would fail"), or one of
// a speaker of its own after a comma and "while", "but" or "and" ("...,
// while some say ..."); or -1, -1. The sentence's joined verbs are found
// once, on the first call for it (s.coords), so the cues of a long
// sentence do not each read it to its end, and among the reporting verbs
// that s.cues read in it, not word by word: sn is the sentence s.cues
// was read for.
func (s *quoteScanner) coordinatedCue(sn *sentence, k, start int) (verb, cut int) {
	if s.coords.sentence != sn.bounds {
		lx := words()
		s.coords.sentence, s.coords.at = sn.bounds, s.coords.at[:0]
		s.x.work += len(s.cues.at)
		for n, j := range s.cues.at {
			if j == 0 || s.cues.quoted[n] || s.cues.nounUse(sn, n) {
				continue
			}
			w := sn.word(j)
			switch {
			case strings.HasSuffix(w, "ing"):
				if sn.commaBefore(j) {
					s.coords.at = append(s.coords.at, Span{j, j}) // "..., saying ..."
				}
			case sn.in(j-1, lx.coordinators):
				s.coords.at = append(s.coords.at, Span{j - 1, j})
			case j >= 2 && sn.in(j-2, lx.contrasts) && sn.commaBefore(j-2) && !sn.broken(j-1) && isSubjectWord(sn.word(j-1)):
				s.coords.at = append(s.coords.at, Span{j - 2, j})
			}
		}
	}
	for _, c := range s.coords.at[s.coords.next(k+2):] {
		if sn.start(c.Start) >= start {
			return c.End, c.Start
		}
	}
	return -1, -1
}

// quoteDepth follows the quotation marks of a sentence read in order, to
// tell whether a word stands inside a quotation ("had been "heard and
// answered"").
type quoteDepth struct{ straight, curly int }

// read counts the marks of text, the next stretch of the sentence.
func (q *quoteDepth) read(text string) {
	if len(text) == 1 {
		return // one space, most gaps
	}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '"':
			q.straight++
		case "“"[0]: // and of ”
			if strings.HasPrefix(text[i:], "“") {
				q.curly++
			} else if strings.HasPrefix(text[i:], "”") {
				q.curly--
			}
		}
	}
}

// readTo counts the marks before words from to k of sentence sn, those
// before word from having been counted already: the text before the
// first word, and the gap before each later one. It returns k+1, where
// the next call goes on.
func (q *quoteDepth) readTo(sn *sentence, from, k int) int {
	for j := from; j <= k; j++ {
		if j == 0 {
			q.read(sn.text[sn.bounds.Start:sn.start(0)])
		} else {
			q.read(sn.gap(j))
		}
	}
	return k + 1
}

// inside reports whether the words read next are inside a quotation.
func (q *quoteDepth) inside() bool {
	return q.straight%2 == 1 || q.curly > 0
}

// isSubjectWord reports whether w alone can be the speaker of a cue
// that follows it: a pronoun, "some", "others", or a name.
func isSubjectWord(w string) bool {
	lx := words()
	return lx.personPronouns.has(w) || lx.quantifiers.has(w) || strings.EqualFold(w, "others") || isNameWord(w)
}

// hearsay records the clause holding "reportedly" ("the navy reportedly
// saved 200 more") as a quote without a speaker.
func (s *quoteScanner) hearsay(i int, sn *sentence, end int, direct []Span) {
	lx := words()
	s.x.work += sn.len()
	for k := range sn.len() {
		if !sn.in(k, lx.hearsayAdverbs) {
			continue
		}
		// The clause begins after the punctuation or the conjunction
		// before the adverb.
		start := k
		for start > 0 && !sn.broken(start) && !sn.in(start-1, lx.clauseConjunctions) {
			start--
		}
		s.x.work += k - start
		if start == k && k > 0 && sn.commaBefore(k) {
			// "Paul Ashdown, the minister's adviser, reportedly resigned"
			if name, at := s.appositiveSubject(sn, k-1); name != "" && at >= 0 {
				start = at
			}
		}
		if start == k && k+1 < sn.len() {
			start = k + 1 // "Allegedly, ..."
		}
		if start < k && k+1 < sn.len() {
			// "He reportedly resigned": the adverb is the cue, not content.
			s.addReported(i, sn.start(start), end, direct, "", sn.word(k), Span{trimRightSpace(sn.text, sn.start(k)), sn.start(k + 1)})
			return
		}
		s.addReported(i, sn.start(start), end, direct, "", sn.word(k))
		return
	}
}

// namesAfterNoun reports whether the naming verb at word k follows a
// noun it describes, after "a" or "an", as "called" and "named" do in "a
// dog called Rex" and "a man named Ede": no cue.
func namesAfterNoun(sn *sentence, k int) bool {
	if k == 0 || sn.broken(k) || isCapitalized(sn.word(k-1)) {
		return false
	}
	for j := k - 2; j >= 0 && j >= k-3 && !sn.broken(j+1); j-- {
		if sn.is(j, "a") || sn.is(j, "an") {
			return words().namingVerbs.has(reportingBaseAt(sn, k))
		}
	}
	return false
}

// absolute reports whether the participle at word k is the cue of a
// phrase with "with" and its own speaker: "..., with the radio station
// claiming the pier had closed".
func (s *quoteScanner) absolute(sn *sentence, k int) bool {
	for j := k - 1; j > 0 && k-j <= maxSubjectWords && !sn.broken(j+1); j-- {
		if sn.is(j-1, "with") {
			return !sn.broken(j)
		}
	}
	return false
}

// feeling reads a feeling about something, the verb at word k after a
// form of "be": "Farmers are worried that the streams will run dry",
// "The club was pleased with the result". The subject feels it; the
// content is the clause or what the preposition names. It reports
// whether a quote was added; end is where the sentence's words end.
func (s *quoteScanner) feeling(i int, sn *sentence, k, end int, direct []Span) bool {
	lx := words()
	if k < 2 || k+2 >= sn.len() || sn.broken(k) || sn.broken(k+1) || !sn.in(k-1, lx.beForms) || !lx.feelingVerbs.has(reportingBaseAt(sn, k)) {
		return false
	}
	start := -1
	switch next := sn.word(k + 1); {
	case strings.EqualFold(next, "that"):
		start = sn.start(k + 1)
	case lx.feelingLinks.has(next):
		start = sn.start(k + 2)
	default:
		return false
	}
	speaker, _ := s.subjectBefore(sn, k-1)
	if speaker == "" {
		return false
	}
	return s.addReported(i, start, end, direct, speaker, sn.word(k))
}

// subjectPassive reads the reporting verb at word k of sentence sn, in
// paragraph i, as a passive whose subject is what is reported: "The road
// is expected to reopen", "The driver was sentenced to two years". The
// content is the subject and what follows the verb, the verb group a gap
// between them; by whom, when "by" names it ("was criticised by
// residents"), is the speaker, and the content is then the subject. It
// reports whether a quote was added; end is where the sentence's words end.
func (s *quoteScanner) subjectPassive(i int, sn *sentence, k, end int, direct []Span) bool {
	lx := words()
	w := sn.word(k)
	base := reportingBase(w)
	if strings.EqualFold(base, w) || !(lx.passiveVerbs.has(base) || lx.objectVerbs.has(base)) {
		return false
	}
	be := k - 1
	for be > 0 && !sn.broken(be+1) && (strings.HasSuffix(sn.word(be), "ly") || sn.in(be, lx.cueAdverbs) && !sn.in(be, lx.beForms)) {
		be-- // "is widely believed", "was also proposed"
	}
	if be < 1 || sn.broken(be+1) || !sn.in(be, lx.beForms) {
		return false
	}
	for be > 1 && !sn.broken(be) && sn.in(be-1, lx.finiteVerbs) {
		be-- // "have been asked to", "will be sentenced"
	}
	first := be
	for first > 0 && !sn.broken(first) && be-first < 12 && !sn.in(first-1, lx.clauseConjunctions) {
		first--
	}
	if first == be || sn.in(first, lx.personPronouns) && first+1 == be || strings.EqualFold(sn.word(first), "it") || strings.EqualFold(sn.word(first), "there") {
		return false // no subject, or a dummy one ("it is said that" is passiveCue's)
	}
	gap := Span{trimRightSpace(sn.text, sn.start(be)), sn.end(k)}
	if k+1 >= sn.len() || sn.broken(k+1) {
		if !lx.passiveVerbs.has(base) {
			return false // "where it was shown."
		}
		return s.addReported(i, sn.start(first), trimRightSpace(sn.text, sn.start(be)), direct, "", w) // "No deaths were reported."
	}
	next := sn.word(k + 1)
	switch {
	case strings.EqualFold(next, "by"):
		speaker, _ := s.sourceAfter(sn, k+2)
		if speaker == "" {
			return false
		}
		return s.addReported(i, sn.start(first), trimRightSpace(sn.text, sn.start(be)), direct, speaker, w)
	case lx.passiveLinks.has(next):
		gap.End = sn.start(k + 1)
		return s.addReported(i, sn.start(first), passiveEnd(sn, k, end), direct, "", w, gap)
	case lx.passiveVerbs.has(base):
		gap.End = sn.start(k + 1) // "Two injuries were reported at the port"
		return s.addReported(i, sn.start(first), passiveEnd(sn, k, end), direct, "", w, gap)
	}
	return false
}

// passiveEnd returns where the content of the passive at word k ends:
// before ", and" when another passive follows it ("The tunnel is
// expected to open in 2031, and work on the roads is thought to be
// late"), else at end.
func passiveEnd(sn *sentence, k, end int) int {
	lx := words()
	cut := -1
	for j := k + 2; j < sn.len(); j++ {
		switch w := sn.word(j); {
		case sn.commaBefore(j) && lx.coordinators.has(w):
			cut = j
		case cut > 0 && sn.in(j-1, lx.beForms) && isReportingVerb(w) && !strings.EqualFold(reportingBase(w), w):
			return trimRightSpace(sn.text, sn.end(cut-1))
		}
	}
	return end
}

// passiveCue reports whether word k is the verb of a cue with no
// speaker: "it is said that", "it was reported that".
func (s *quoteScanner) passiveCue(sn *sentence, k int) bool {
	lx := words()
	j := k - 1
	if j >= 1 && sn.is(j, "been") {
		j--
	}
	if j < 1 || !sn.in(j, lx.finiteVerbs) || !sn.is(j-1, "it") {
		return false
	}
	return lx.passiveVerbs.has(reportingBaseAt(sn, k)) && k+1 < sn.len() && sn.is(k+1, "that")
}

// isNounUse reports whether the reporting verb at word k is a noun: "the
// report", "its own claims", "the council's statement", "the answer is",
// "58,825 votes".
func isNounUse(sn *sentence, k int) bool {
	lx := words()
	if k+1 < sn.len() && !sn.broken(k+1) && sn.in(k+1, lx.finiteVerbs) {
		return true // "the short answer is", "the report was"
	}
	if k == 0 || sn.broken(k) {
		return false
	}
	p := sn.word(k - 1)
	if k >= 2 && capitalizedAt(sn, k-1) && !sn.broken(k-1) && sn.in(k-2, lx.determiners) && strings.EqualFold(reportingBaseAt(sn, k), sn.word(k)) {
		return true // "a News.com.au report", not "The SDF said"
	}
	return sn.in(k-1, lx.determiners) || strings.EqualFold(p, "own") || isPossessive(p) || isNumberLike(p)
}

// invertedAside reads a cue set off by commas inside a sentence with its
// speaker after the verb: "Club members, said Okafor, are asked to
// ...". It returns the speaker.
func (s *quoteScanner) invertedAside(sn *sentence, k int) string {
	if k < 2 || !sn.commaBefore(k) || k+1 >= sn.len() || strings.ContainsAny(sn.gap(k), "\"“”«»") {
		return ""
	}
	end := k + 1
	for end+1 < sn.len() && !sn.broken(end+1) && end-k < 4 {
		end++
	}
	if end+1 >= sn.len() || !sn.commaBefore(end+1) {
		return ""
	}
	name, _ := s.nameAfter(sn, k+1)
	return name
}

// isAside reports whether the cue whose speaker's first word is at and
// whose verb is word k is set off by commas inside the sentence:
// "The busiest stall, reporters observed from the queue outside, was
// ...".
func (s *quoteScanner) isAside(sn *sentence, at, k int) bool {
	if !sn.commaBefore(at) {
		return false
	}
	for j := k + 1; j < sn.len() && j <= k+6; j++ {
		if sn.broken(j) {
			return sn.commaBefore(j)
		}
	}
	return false
}

// addReported records reported speech [start, end) in paragraph i. A
// clause running into a quotation ends before it when it is a clause of
// its own ("Burrows said kits would be available," "For example, ..."),
// and is left to the quotation otherwise. It reports whether a quote was
// added.
func (s *quoteScanner) addReported(i, start, end int, direct []Span, speaker, cue string, gaps ...Span) bool {
	text := s.d.Paragraphs[i].Text
	if end <= start {
		return false
	}
	end = clauseEnd(text, start, end)
	kind := QuoteIndirect
	if k, _ := slices.BinarySearchFunc(direct, start, func(sp Span, pos int) int { return cmp.Compare(sp.End, pos+1) }); k < len(direct) && direct[k].Start < end {
		switch cut := s.cutBefore(text, direct, k); {
		case direct[k].Start > start && continuesClause(text, direct[k].Start):
			// "said the plan was "a disaster for the town"": one quote,
			// the quotations in it not quotes of their own.
			kind, s.covered = QuoteMixed, Span{start, end}
		case direct[k].Start <= start || cut <= start || !s.hasFiniteVerb(text, start, cut):
			return false
		default:
			end = cut
		}
	}
	if n := countWordsUpTo(text[start:end], minReportedWords); n == 0 || n < minReportedWords && !isObjectNoun(text[start:end], cue) || text[trimRightSpace(text, end)-1] == ':' {
		return false // too short, or words that lead in to a quotation ("describes it like this:")
	}
	if kind == QuoteIndirect && holdsQuotation(text[start:end], cue) {
		kind = QuoteMixed
	}
	s.add(Quote{
		Speaker: speaker, Cue: cue, Kind: kind,
		Paragraph: i, Start: start, End: end, Gaps: gaps,
	})
	return true
}

// clauseMarks are the bytes clauseEnd stops at.
var clauseMarks = [256]bool{'"': true, ';': true, ',': true}

// clauseEnd returns where reported words [start, end) of text end when a
// new clause cuts them short: at a semicolon; before ", but", ", while"
// or another contrast. Quotations are passed over whole.
func clauseEnd(text string, start, end int) int {
	lx := words()
	inQuote := false
	for k := start; k < end; k++ {
		c := text[k]
		if !clauseMarks[c] {
			continue // most bytes
		}
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == ';':
			return trimRightSpace(text, k)
		case c == ',' && k+1 < end:
			w := text[skipSpace(text, k+1):end]
			w = w[:firstWordEnd(w)]
			if lx.contrasts.has(w) && !strings.EqualFold(w, "and") || lx.concessions.has(w) {
				return trimRightSpace(text, k)
			}
		}
	}
	return end
}

// isObjectNoun reports whether one word reported is the object of its
// cue, a noun such as "fraud" in "the defendants deny fraud".
func isObjectNoun(w, cue string) bool {
	lx := words()
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	return lx.objectVerbs.has(reportingBase(cue)) && len(w) > 2 && !lx.stopWords.has(w) && !isCapitalized(w)
}

// continuesClause reports whether the quotation whose mark is at mark
// goes on with the words before it, as a partial quotation does: no
// punctuation before its mark ("said the plan was "a disaster for the
// town"", "attacked the inquiry as "Witch hunt garbage."").
func continuesClause(text string, mark int) bool {
	before := trimRightSpace(text, mark)
	return before > 0 && !strings.ContainsRune(",:;", rune(text[before-1]))
}

// holdsQuotation reports whether reported words hold a quotation of
// speech, not only a name or a scare quote in quotation marks: ""nearly
// ready"", but not "the "Clean Harbour" campaign" or "the so-called
// "fast-track" tender". One quoted word counts only when the cue is a
// verb that names: "called the demand "unprecedented"".
func holdsQuotation(text, cue string) bool {
	for k := 0; k < len(text); {
		if k = skipPlainASCII(text, k); k == len(text) {
			break // most bytes: plain ASCII, no quotation mark
		}
		r, n := utf8.DecodeRuneInString(text[k:])
		closing, ok := quotePairs[r]
		if !ok || r == '‘' && !opensSingle(text, k) {
			k += n
			continue
		}
		end, next := findClose(text, k+n, closing)
		if q := strings.TrimFunc(text[k+n:end], IsSpace); q != "" && !isTitleCase(q) && (strings.ContainsFunc(q, IsSpace) || words().namingVerbs.has(reportingBase(cue))) {
			return true
		}
		k = next
	}
	return false
}

// cutBefore returns where a clause running into the quotation direct[k]
// ends: before its mark, the spaces and the ",;:" before it. Every cue
// of a sentence may run into the same quotation, so it is found once.
func (s *quoteScanner) cutBefore(text string, direct []Span, k int) int {
	if s.cut.mark == k {
		return s.cut.end
	}
	cut := trimRightSpace(text, direct[k].Start)
	for cut > 0 && strings.ContainsRune(",;:", rune(text[cut-1])) {
		cut = trimRightSpace(text, cut-1)
	}
	s.x.work += direct[k].Start - cut
	s.cut.mark, s.cut.end = k, cut
	return cut
}

// hasFiniteVerb reports whether text[start:cut] holds a finite verb
// ("would", "is"), start being the start of a word. The cues of a
// sentence may each ask it of a clause running to the same cut, later
// ones starting further on: a range found to hold none is remembered, and
// a clause starting inside it needs only its first word read.
func (s *quoteScanner) hasFiniteVerb(text string, start, cut int) bool {
	lx := words()
	if s.verbless.End == cut && s.verbless.Start <= start {
		end := start + firstWordEnd(text[start:cut])
		s.x.work += end - start
		return lx.finiteVerbs.inText(text[start:end])
	}
	s.x.work += cut - start
	if lx.finiteVerbs.inText(text[start:cut]) {
		return true
	}
	s.verbless = Span{start, cut}
	return false
}

// accordingTo finds "according to X" in a sentence with no other cue and
// records the rest of the sentence as X's: after the source when the
// sentence opens with it, before it when it closes the sentence, the
// whole sentence otherwise. It reports whether a quote was added.
func (s *quoteScanner) accordingTo(i int, sn *sentence, end int, direct []Span) bool {
	text := sn.text
	s.x.work += sn.len()
	for k := 0; k+2 < sn.len(); k++ {
		if !sn.is(k, "according") || !sn.is(k+1, "to") || sn.broken(k+1) {
			continue
		}
		speaker, last := s.sourceAfter(sn, k+2)
		if speaker == "" {
			return false
		}
		next := nextPart(sn, k+3)
		if k <= 1 && last+1 < next && last+1 < sn.len() {
			next = last + 1 // "According to the ministry over 300 were hurt"
		}
		// "According to Yonhap, quoting KCNA, the military ...": past
		// the source's own source.
		for next < sn.len() && strings.HasSuffix(sn.word(next), "ing") && nextPart(sn, next+1) < sn.len() {
			next = nextPart(sn, next+1)
		}
		start := sn.bounds.Start
		s.x.work += next - k
		switch {
		case k <= 1 && next < sn.len():
			start = sn.start(next)
		case k > 1 && (next >= sn.len() || !words().finiteVerbs.inText(text[sn.start(next):end])):
			// "..., according to Maria Lund, assistant professor."
			end = trimRightSpace(text, sn.start(k))
			for end > start && strings.ContainsRune(",;:", rune(text[end-1])) {
				end = trimRightSpace(text, end-1)
			}
		}
		return s.addReported(i, start, end, direct, speaker, "according to")
	}
	return false
}

// nextPart returns the index of the first word from word k on that
// follows punctuation, or sn.len() when none does.
func nextPart(sn *sentence, k int) int {
	for k < sn.len() && !sn.broken(k) {
		k++
	}
	return k
}

// clauseStart returns where the clause reported by the verb at word k
// begins, after a comma, a colon or "that", or -1 when the verb reports
// no clause ("said in a statement on Monday"); object is set when what
// it reports is its object rather than a clause (see objectStart).
func (s *quoteScanner) clauseStart(sn *sentence, k int) (start int, object bool) {
	lx := words()
	if k+1 >= sn.len() {
		return -1, false
	}
	// Look for "that" within a few words: "told reporters that",
	// "said on Monday that", "told a meeting of the council that".
	for j := k + 1; j < sn.len() && j <= k+maxThatDistance; j++ {
		if j > k+1 && sn.broken(j) {
			break
		}
		if sn.in(j, lx.finiteVerbs) || sn.in(j, lx.personPronouns) || j > k+1 && reportingVerbAt(sn, j) {
			break // the clause began without "that": "said the farm had changed so little that"
		}
		if sn.is(j, "that") {
			if j+1 >= sn.len() {
				return -1, false
			}
			if j > k+1 && j <= k+3 && sn.in(j-1, lx.cueNouns) && lx.objectVerbs.has(reportingBaseAt(sn, k)) {
				return sn.start(k + 1), false // "rejected the claim that ..."
			}
			if j > k+1 && sn.in(j+1, lx.finiteVerbs) {
				break // "announced the routes that would be closed"
			}
			return sn.start(j), false // "that" and the clause
		}
	}
	rest := sn.gap(k + 1)
	next := sn.word(k + 1)
	if strings.ContainsAny(rest, ",:") && !strings.ContainsAny(rest, "\"“”«»「") {
		if sn.in(k+1, lx.clauseConjunctions) {
			return -1, false // "...," she said, but refused to say more.
		}
		return sn.start(k + 1), false
	}
	if strings.TrimFunc(rest, IsSpace) != "" {
		return -1, false
	}
	base := reportingBaseAt(sn, k)
	if j := timeEnd(sn, k+1); j > k+1 && j < sn.len() {
		if sn.commaBefore(j) {
			return sn.start(j), false // "reported in mid-2019, 62 outlets had closed"
		}
		if sn.broken(j) {
			return -1, false
		}
		k, next = j-1, sn.word(j) // "said on Wednesday they had run out"
	}
	if base == "tell" {
		// "told Radio North the council will ...": past the hearer.
		if j := hearerEnd(sn, k+1); j > k+1 && j < sn.len() && !sn.broken(j) {
			k, next = j-1, sn.word(j)
			if sn.in(k+1, lx.finiteVerbs) {
				return -1, false // "the issues voters tell us are important"
			}
		}
	}
	// "said he would ...": a subject straight after the verb. Word k+1
	// is next here, past the time and the hearer too.
	if sn.in(k+1, lx.clauseSubjects) || sn.nameWord(k+1) {
		return sn.start(k + 1), false
	}
	if sn.in(k+1, lx.nonClauseStarts) && finiteSoon(sn, k+2) {
		return sn.start(k + 1), false // "state about 350 homes are flooded"
	}
	if sn.in(k+1, lx.nonClauseStarts) || sn.in(k+1, lx.clauseConjunctions) || isReportingVerb(next) {
		return objectStart(sn, k, base), true
	}
	if lx.clauseVerbs.has(base) || finiteSoon(sn, k+2) {
		return sn.start(k + 1), false // "said 500 institutions ...", "remarked toilet paper is ..."
	}
	return objectStart(sn, k, base), true
}

// asFollows reports whether "as" follows the verb at word k in its
// clause, as the label it gives does ("hailed the deal as a triumph").
func asFollows(sn *sentence, k int) bool {
	for j := k + 2; j < sn.len() && j <= k+maxThatDistance && !sn.broken(j); j++ {
		if sn.is(j, "as") {
			return true
		}
	}
	return false
}

// objectEnd returns where the object reported by the verb at word k ends:
// before a phrase of time after it ("approved the ring road late on
// Thursday") or a participle after a comma ("announced an inquiry,
// following complaints"), or at end.
func objectEnd(sn *sentence, k, end int) int {
	lx := words()
	for j := k + 2; j < sn.len(); j++ {
		if sn.broken(j) {
			if sn.commaBefore(j) && strings.HasSuffix(sn.word(j), "ing") && !reportingVerbAt(sn, j) {
				return trimRightSpace(sn.text, sn.end(j-1)) // "announced an inquiry, following complaints"
			}
			return end
		}
		if sn.in(j, lx.timeLeads) && timeEnd(sn, j) > j {
			return trimRightSpace(sn.text, sn.end(j-1))
		}
	}
	return end
}

// finiteSoon reports whether a finite verb stands within a few words from
// word k on, before any punctuation, as in a clause without "that".
func finiteSoon(sn *sentence, k int) bool {
	lx := words()
	for j := k; j < sn.len() && j < k+maxSubjectWords && !sn.broken(j); j++ {
		if sn.in(j, lx.finiteVerbs) {
			return true
		}
	}
	return false
}

// isYear reports whether w is a year of four digits ("2019").
func isYear(w string) bool {
	return len(w) == 4 && isNumberLike(w) && (w[0] == '1' || w[0] == '2')
}

// timeEnd returns the index after a phrase of time starting at word k
// ("on Wednesday", "on last Wednesday", "in mid-2019", "last week",
// "yesterday"), or k when none starts there.
func timeEnd(sn *sentence, k int) int {
	lx := words()
	j := k
	if sn.in(j, lx.timeLeads) {
		j++
		if j < sn.len() && !sn.broken(j) && sn.in(j, lx.timeLeads) {
			j++ // "on last Wednesday"
		}
	}
	if j >= sn.len() || j > k && sn.broken(j) {
		return k
	}
	w := sn.word(j)
	if sn.in(j, lx.timeWords) || j > k && (isYear(w) || strings.HasPrefix(strings.ToLower(w), "mid-")) {
		j++
		if j < sn.len() && !sn.broken(j) && isNumberLike(sn.word(j)) {
			j++ // "on March 3"
		}
		return j
	}
	return k
}

// objectStart returns where the content of the reporting verb at word k,
// of base form base, begins when it is not a clause: an infinitive ("plans
// to sell the ground"), or an object ("denied the claim", "banned night
// flights"), past a preposition the verb governs ("called for a new
// crossing"); or -1.
func objectStart(sn *sentence, k int, base string) int {
	lx := words()
	next := sn.word(k + 1)
	if strings.EqualFold(next, "to") {
		if lx.infinitiveVerbs.has(base) && k+2 < sn.len() && !sn.broken(k+2) {
			return sn.start(k + 1)
		}
		return -1
	}
	if !lx.objectVerbs.has(base) {
		return -1
	}
	if lx.governedPrepositions.has(next) {
		if k+2 < sn.len() && !sn.broken(k+2) && !sn.in(k+2, lx.nonClauseStarts) {
			return sn.start(k + 2)
		}
		return -1
	}
	if lx.nonClauseStarts.has(next) || lx.clauseConjunctions.has(next) || isReportingVerb(next) || lx.finiteVerbs.has(next) {
		return -1
	}
	return sn.start(k + 1)
}

// hearerEnd returns the index after the hearer of "told" starting at
// word k: a pronoun ("him", "reporters"), a name ("CBC News") or "the"
// and a name or word ("the court"); or k when there is none.
func hearerEnd(sn *sentence, k int) int {
	w := sn.word(k)
	switch {
	case words().hearers.has(w):
		return k + 1
	case strings.EqualFold(w, "the") && k+1 < sn.len() && !sn.broken(k+1):
		j := k + 1
		for j+1 < sn.len() && !sn.broken(j+1) && j-k < 3 && sn.nameWord(j+1) && sn.nameWord(j) {
			j++
		}
		return j + 1
	case isNameWord(w):
		j := k
		for j+1 < sn.len() && !sn.broken(j+1) && j-k < 3 && sn.nameWord(j+1) {
			j++
		}
		return j + 1
	}
	return k
}
