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
	// searched for its reporting cue, which may come after a description
	// ("...," Rosa Lindgren, editor at large, said) or govern a lead-in
	// ("Smith told the jury that, in the weeks before the vote, "...").
	cueWindow = 16
	// maxTitleWords is the longest quotation without a cue and without
	// sentence punctuation inside its marks that is read as a title or a
	// headline ("Coastal Light: Paintings and Prints"), not speech.
	maxTitleWords = 12
	// maxSourceWords is the longest name read as a speaker after a cue
	// ("according to Norway's Coastal Rescue Authority").
	maxSourceWords = 5
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

// clauseVerbs are the reporting verbs whose reported clause may follow
// them straight, without "that" or a comma: "said 500 institutions ...",
// "announced the start of ...". The others ("continued", "wrote",
// "answered") take a clause only after "that" or a comma, or when a
// subject opens it.
var clauseVerbs = map[string]bool{
	"say": true, "tell": true, "note": true, "emphasize": true, "believe": true, "claim": true,
	"add": true, "explain": true, "argue": true, "insist": true, "warn": true, "admit": true,
	"acknowledge": true, "stress": true, "state": true, "announce": true, "assert": true,
	"confirm": true, "declare": true, "deny": true, "estimate": true, "predict": true,
	"report": true, "suggest": true, "think": true, "ask": true, "observe": true, "mention": true,
	"contend": true, "maintain": true, "concede": true, "expect": true,
}

// nonClauseStarts are words that, straight after a reporting verb, show
// that no reported clause follows it: prepositions ("said in a
// statement"), times ("said yesterday") and adverbs.
var nonClauseStarts = map[string]bool{
	"in": true, "on": true, "at": true, "to": true, "of": true, "for": true, "with": true,
	"by": true, "from": true, "during": true, "after": true, "before": true, "about": true,
	"into": true, "over": true, "under": true, "through": true, "without": true, "against": true,
	"between": true, "since": true, "until": true, "upon": true, "via": true, "toward": true,
	"towards": true, "across": true, "around": true, "near": true, "like": true, "as": true,
	"yesterday": true, "today": true, "tonight": true, "tomorrow": true, "last": true,
	"earlier": true, "later": true, "recently": true, "previously": true, "then": true,
	"now": true, "again": true, "also": true, "once": true, "twice": true, "so": true,
	"nothing": true, "little": true, "much": true, "more": true, "goodbye": true, "thanks": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "not": true, "only": true, "publicly": true, "privately": true,
	"many": true, "very": true, "clearly": true, "directly": true, "repeatedly": true,
	"strongly": true, "openly": true, "here": true, "himself": true, "herself": true,
	"itself": true, "themselves": true, "myself": true, "ourselves": true, "yourself": true,
}

// clauseConjunctions open a new clause of the sentence, not a reported
// one: "..." she said, but refused to say more.
var clauseConjunctions = map[string]bool{"but": true, "and": true, "or": true, "nor": true, "yet": true}

// finiteVerbs are auxiliaries that show words form a clause of their own
// ("kits would be available," "For example, ...").
var finiteVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "will": true, "would": true, "can": true,
	"could": true, "may": true, "might": true, "should": true, "must": true, "has": true,
	"have": true, "had": true, "do": true, "does": true, "did": true, "shall": true,
}

// objectPronouns may be the hearer after "told": "told him the plan ...".
var objectPronouns = map[string]bool{
	"him": true, "her": true, "them": true, "us": true, "me": true, "you": true,
	"reporters": true, "journalists": true, "listeners": true, "viewers": true, "readers": true,
}

// determiners open a noun phrase that may speak: "the ministry said".
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "its": true, "their": true, "his": true, "her": true,
	"this": true, "that": true, "these": true, "those": true,
}

// postNominals are letters after a name, set off by commas ("Tom
// Molomby, SC, said"): they are not a name of their own.
var postNominals = map[string]bool{
	"qc": true, "kc": true, "sc": true, "mp": true, "mep": true, "msp": true, "md": true,
	"phd": true, "obe": true, "mbe": true, "cbe": true, "jr": true, "sr": true, "esq": true,
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
	d      *Document
	x      *textIndex
	voices []voice
	// quotes are the quotes found so far, in the order found.
	quotes     []Quote
	lastPerson string
	names      []string
	toks       []token
	sents      []span
	// sentStart is where the sentence being read begins.
	sentStart int
	// cut remembers, for the paragraph being read, where a clause running
	// into its quotation number cut.mark ends (see cutBefore).
	cut struct{ mark, end int }
	// verbless is a range of the paragraph found to hold no finite verb
	// (see hasFiniteVerb).
	verbless span
}

// extractQuotes finds quotes: speech in quotation marks (straight, curly,
// guillemets, CJK brackets), reported speech after a cue ("X says that
// ...", "X told Y ...", "according to X, ...", "..., said X, ...", "it
// was reported that ..."), and interview answers, one quote per answer
// paragraph. Speakers come from the nearest reporting cue: a name with its
// title or description, an organisation or a noun phrase ("the
// ministry"); he, she and they stand for the last person named, it for
// the organisation last quoted; a quotation without a cue continues the
// quote just before it. Scare quotes, quoted names and titles are left
// out.
func findQuotes(d *Document, x *textIndex, turns []Turn, voices []voice) []Quote {
	s := &quoteScanner{d: d, x: x, voices: voices}
	answers := answerSpeakers(turns)
	for i, p := range d.Paragraphs {
		if p.Heading {
			continue
		}
		v := voices[i]
		if v.speaker != "" && !isInterviewerLabel(v.speaker) {
			s.remember(v.speaker)
		}
		speaker, answer := answers[i]
		if answer {
			start, end := v.body, trimRightSpace(p.Text, len(p.Text))
			if end > start {
				s.quotes = append(s.quotes, Quote{Speaker: speaker, Kind: QuoteTurn, Paragraph: i, Start: start, End: end})
			}
		}
		found := len(s.quotes)
		s.paragraph(i)
		if p.Quoted && !p.Code && !answer && len(s.quotes) == found {
			s.addBlockQuote(i)
		}
	}
	slices.SortStableFunc(s.quotes, func(a, b Quote) int {
		if a.Paragraph != b.Paragraph {
			return a.Paragraph - b.Paragraph
		}
		return a.Start - b.Start
	})
	return s.quotes
}

// addBlockQuote records block-quoted paragraph i, which holds no quotation
// of its own, as a direct quote: a news story sets long quotations apart
// this way. Its speaker is the one quoted in the two paragraphs before it
// ("I waited a long time," Aydemir wrote. Then the block quote), as for a
// quotation without a cue.
func (s *quoteScanner) addBlockQuote(i int) {
	p := s.d.Paragraphs[i]
	start, end := skipSpace(p.Text, s.voices[i].body), trimRightSpace(p.Text, len(p.Text))
	if countWords(p.Text[start:end]) < minUnattributedWords {
		return
	}
	speaker := ""
	if n := len(s.quotes); n > 0 {
		if last := s.quotes[n-1]; last.Paragraph >= i-2 && last.Kind != QuoteTurn {
			speaker = last.Speaker
		}
	}
	s.quotes = append(s.quotes, Quote{Speaker: speaker, Kind: QuoteDirect, Paragraph: i, Start: start, End: end})
}

// answerSpeakers maps each paragraph of an answer turn to its speaker.
func answerSpeakers(turns []Turn) map[int]string {
	m := map[int]string{}
	for _, t := range turns {
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
	s.cut.mark, s.verbless = -1, span{}
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
		s.x.work += next - k
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
// reads as a title or headline (no sentence punctuation inside its marks,
// few words) is dropped; one that follows another quote of its paragraph,
// or opens its paragraph after a quotation, continues that quote's
// speaker; a short one is dropped.
func (s *quoteScanner) addDirect(i int, m span) {
	text := s.d.Paragraphs[i].Text
	_, n := utf8.DecodeRuneInString(text[m.Start:])
	start := skipSpace(text, m.Start+n)
	end := m.End
	if r, n := utf8.DecodeLastRuneInString(text[:end]); end < len(text) || strings.ContainsRune(closers, r) {
		end -= n // the closing mark
	}
	end = trimRightSpace(text, end)
	inner := end
	for end > start && strings.ContainsRune(",;:", rune(text[end-1])) {
		end = trimRightSpace(text, end-1) // "...," she said
	}
	if end <= start {
		return
	}
	s.x.work += end - start
	speaker, cue := s.directCue(text, m.Start, m.End)
	if speaker == "" {
		words := countWords(text[start:end])
		last, _ := utf8.DecodeLastRuneInString(text[start:inner])
		if words < minUnattributedWords || (words < maxTitleWords && !strings.ContainsRune(".,!?…;:。？！，", last)) {
			return
		}
		speaker = s.continuedSpeaker(i, m.Start)
	}
	s.quotes = append(s.quotes, Quote{Speaker: speaker, Cue: cue, Kind: QuoteDirect, Paragraph: i, Start: start, End: end})
}

// continuedSpeaker is the speaker of a quotation with no cue of its own:
// the speaker of the quote before it in its paragraph ("...," Reyes
// said. "We asked them twice."), or, for a quotation that opens its
// paragraph, of the previous paragraph's last quotation, as when one
// person's words run on.
func (s *quoteScanner) continuedSpeaker(i, markStart int) string {
	if len(s.quotes) == 0 {
		return ""
	}
	last := s.quotes[len(s.quotes)-1]
	switch {
	case last.Paragraph == i && last.Kind != QuoteTurn:
		// Only from a quote a sentence or two before.
		if s.sentenceAt(markStart)-s.sentenceAt(last.End-1) <= 2 {
			return last.Speaker
		}
	case markStart == 0 && last.Paragraph == i-1 && last.Kind == QuoteDirect:
		return last.Speaker
	}
	return ""
}

// sentenceAt returns the index of the sentence of the paragraph being
// read that holds offset pos, or that follows it.
func (s *quoteScanner) sentenceAt(pos int) int {
	k, _ := slices.BinarySearchFunc(s.sents, pos, func(st span, p int) int { return cmp.Compare(st.End, p+1) })
	return k
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
	s.sentStart = sentStart
	// Only a few words either side matter: bound the text looked at.
	sentEnd = min(sentEnd, runeStart(text, markEnd+cueBytes))
	sentStart = max(sentStart, runeStart(text, markStart-cueBytes))
	s.x.work += sentEnd - markEnd + markStart - sentStart
	var buf [4 * cueWindow]token
	after := appendTokens(buf[:0], text, markEnd, sentEnd)
	if len(after) > cueWindow {
		after = after[:cueWindow]
	}
	// A name may come with a description before its verb: "...,"
	// Rosa Lindgren, editor at large at the Harbour Gazette, said.
	parts := 1
	if len(after) > 0 && isPersonWord(text[after[0].start:after[0].end]) {
		parts = 3
	}
	for k := range after {
		if k > 0 && after[k].broken {
			if parts--; parts == 0 || !commaBefore(text, after, k) {
				break
			}
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
// ("said Smith"); or "according to X", "in the words of X".
func (s *quoteScanner) cueAt(text string, toks []token, k int, inverted bool) (speaker, cue string) {
	w := text[toks[k].start:toks[k].end]
	if strings.EqualFold(w, "according") && k+2 < len(toks) && tokenIs(text, toks[k+1], "to") {
		if name := s.sourceAfter(text, toks, k+2); name != "" {
			return name, "according to"
		}
		return "", ""
	}
	if strings.EqualFold(w, "words") && k >= 2 && k+2 < len(toks) && tokenIs(text, toks[k-1], "the") &&
		tokenIs(text, toks[k-2], "in") && tokenIs(text, toks[k+1], "of") {
		if name := s.sourceAfter(text, toks, k+2); name != "" {
			return name, "in the words of"
		}
		return "", ""
	}
	if !isReportingVerb(w) {
		return "", ""
	}
	cue = text[toks[k].start:toks[k].end]
	if name, _ := s.subjectBefore(text, toks, k); name != "" {
		return name, cue
	}
	if inverted {
		if name, _ := s.nameAfter(text, toks, k+1); name != "" {
			return name, cue
		}
	}
	return "", ""
}

// isReportingVerb reports whether w is a reporting verb as a verb: in
// lower case, for "State" and "Reports" in names are none.
func isReportingVerb(w string) bool {
	return reportingBase(w) != "" && !isCapitalized(w)
}

// tokenIs reports whether the word t is w, ignoring case.
func tokenIs(text string, t token, w string) bool {
	return strings.EqualFold(text[t.start:t.end], w)
}

// subjectBefore returns the speaker named just before the reporting verb
// at toks[k], and the index of the speaker's first word: a capitalised
// name; a pronoun for the last person named, or "it" for the last
// organisation quoted; or a noun phrase ("the ministry", "Officials").
func (s *quoteScanner) subjectBefore(text string, toks []token, k int) (string, int) {
	j := k - 1
	for j >= 0 && !toks[j+1].broken && inSet(cueAdverbs, text[toks[j].start:toks[j].end]) {
		j--
	}
	if j < 0 {
		return "", -1
	}
	if toks[j+1].broken {
		return s.appositiveSubject(text, toks, j)
	}
	w := text[toks[j].start:toks[j].end]
	if p, _, ok := strings.Cut(strings.ReplaceAll(w, "’", "'"), "'"); ok && (inSet(personPronouns, p) || inSet(cueBlockers, p)) {
		w = p // "You've said", "he'd said"
	}
	if strings.EqualFold(w, "it") {
		return s.quotedOrganisation(), j
	}
	if inSet(cueBlockers, w) {
		return "", -1
	}
	if inSet(personPronouns, w) {
		return s.lastPerson, j
	}
	if !isPersonWord(w) {
		return s.nounSubject(text, toks, j)
	}
	start := j
	for start > 0 && !toks[start].broken && j-start < 3 && isPersonWord(text[toks[start-1].start:toks[start-1].end]) {
		start--
	}
	return s.person(text[toks[start].start:toks[j].end]), start
}

// nounSubject reads a common noun phrase ending at toks[j] as a speaker:
// "the New Zealand government said", "Estimates suggest": a determiner
// before it, or the start of the sentence. It returns the phrase without
// its determiner.
func (s *quoteScanner) nounSubject(text string, toks []token, j int) (string, int) {
	w := text[toks[j].start:toks[j].end]
	if len(w) < 3 || isCapitalized(w) && j > 0 || inSet(words().stopWords, w) || strings.HasSuffix(w, "ly") {
		return "", -1
	}
	start := j
	for start > 0 && !toks[start].broken && j-start < 3 {
		p := text[toks[start-1].start:toks[start-1].end]
		if inSet(words().stopWords, p) || inSet(cueBlockers, p) || isReportingVerb(p) || isPossessive(p) {
			break
		}
		start--
	}
	if v := text[toks[j+1].start:toks[j+1].end]; strings.EqualFold(reportingBase(v), v) && !strings.HasSuffix(w, "s") {
		return "", -1 // "a false claim": a noun, or the verb would agree
	}
	switch {
	case start > 0 && !toks[start].broken && inSet(determiners, text[toks[start-1].start:toks[start-1].end]):
		// "the ministry", "its spokesman"; not "from all the press".
		for p := start - 2; p >= 0 && p >= start-3 && !toks[p+1].broken; p-- {
			if inSet(nonClauseStarts, text[toks[p].start:toks[p].end]) {
				return "", -1
			}
		}
	case start > 0 && !toks[start].broken && isPossessive(text[toks[start-1].start:toks[start-1].end]) && isNameWord(text[toks[start-1].start:toks[start-1].end]):
		// "Cornyn's statement added"
		start--
	case int(toks[start].start) == s.sentStart && strings.HasSuffix(w, "s"):
		// "Officials said", "Estimates suggest"
	default:
		return "", -1
	}
	return collapseSpaces(text[toks[start].start:toks[j].end]), start
}

// quotedOrganisation is the speaker "it" stands for: the speaker of the
// last quote, when that is an organisation rather than a person.
func (s *quoteScanner) quotedOrganisation() string {
	if len(s.quotes) == 0 {
		return ""
	}
	if sp := s.quotes[len(s.quotes)-1].Speaker; isOrganisationLike(sp) {
		return sp
	}
	return ""
}

// isOrganisationLike reports whether a speaker reads as an organisation,
// a country or a document rather than a person: an acronym, a name with
// an organisation word, a known organisation or place, or a common noun.
func isOrganisationLike(name string) bool {
	if name == "" {
		return false
	}
	if !isCapitalized(name) || (!strings.Contains(name, " ") && isUpperWord(name)) {
		return true
	}
	for _, w := range strings.Fields(name) {
		if inSet(words().orgWords, w) {
			return true
		}
	}
	_, ok := words().gazetteer[nameKey(name)]
	return ok
}

// appositiveSubject finds the speaker of a reporting verb set off by a
// comma, the subject ending at toks[j]: "Mark Devlin, the transport
// ministry's spokesman, said" (the name before the description),
// "The company's chief executive, Priya Natarajan, told" (the name
// between commas), "Tom Molomby, SC, said" (letters after a name).
func (s *quoteScanner) appositiveSubject(text string, toks []token, j int) (string, int) {
	// Walk back over the comma-separated parts ending at toks[j].
	end := j
	inDesc := false // the part is the start of a description
	for part := 0; part < 4 && end >= 0; part++ {
		start := end
		for start > 0 && !toks[start].broken && end-start < 12 {
			start--
		}
		if !toks[start].broken {
			return "", -1 // a part too long to be a name or description
		}
		w := text[toks[start].start:toks[start].end]
		// A single name after a part ending in a name continues a
		// description: "... at the University of Kent, Canterbury".
		placeTail := part == 0 && start == end && start > 0 && isNameWord(text[toks[start-1].start:toks[start-1].end])
		switch {
		case start == end && inSet(postNominals, w):
			// Letters after a name: the name is the part before.
		case placeTail:
			inDesc = true // the description goes on before the place
		case isNamePart(text, toks, start, end) && !inDesc:
			// A name: "The company's chief executive, Priya Natarajan,".
			if part == 0 && start > 0 && !commaBefore(text, toks, start) {
				return "", -1
			}
			return s.person(text[toks[start].start:toks[end].end]), start
		case part > 0 && !inDesc:
			// The part before a description ends with the name: "Police
			// superintendent Ola Brandt, spokeswoman for ..." gives Ola Brandt.
			first := end
			for first > start && end-first < 3 && isPersonWord(text[toks[first-1].start:toks[first-1].end]) {
				first--
			}
			if !isPersonWord(text[toks[end].start:toks[end].end]) || !commaBefore(text, toks, end+1) {
				return "", -1
			}
			if first > start && !isPersonWord(text[toks[first].start:toks[first].end]) {
				first++
			}
			return s.person(text[toks[first].start:toks[end].end]), first
		default:
			if !hasCommonWord(text, toks, start, end) {
				return "", -1 // a list of names, not a description
			}
			inDesc = false
		}
		if start == 0 || !commaBefore(text, toks, start) {
			return "", -1
		}
		end = start - 1
	}
	return "", -1
}

// isPersonWord reports whether w can be part of a person's name: a name
// word, or one with a lower-case particle ("al-Amr", "el-Baradei").
func isPersonWord(w string) bool {
	if isNameWord(w) {
		return true
	}
	p, rest, ok := strings.Cut(w, "-")
	return ok && len(p) <= 3 && isCapitalized(rest) && !strings.ContainsRune(rest, '-')
}

// isNamePart reports whether toks[start..end] is a name of a few words,
// every one capitalised.
func isNamePart(text string, toks []token, start, end int) bool {
	if end-start >= 4 {
		return false
	}
	for k := start; k <= end; k++ {
		if !isNameWord(text[toks[k].start:toks[k].end]) {
			return false
		}
	}
	return true
}

// hasCommonWord reports whether toks[start..end] holds a lower-case word,
// as a description does ("NTU associate professor of marine biology").
func hasCommonWord(text string, toks []token, start, end int) bool {
	for k := start; k <= end; k++ {
		if w := text[toks[k].start:toks[k].end]; !isCapitalized(w) {
			return true
		}
	}
	return false
}

// commaBefore reports whether a comma stands between toks[k] and the
// word before it.
func commaBefore(text string, toks []token, k int) bool {
	if k <= 0 || k >= len(toks) {
		return false
	}
	return strings.ContainsRune(text[toks[k-1].end:toks[k].start], ',')
}

// nameAfter returns the capitalised name (or pronoun) starting at toks[k],
// and the index of the word after the titles it passed ("the company's
// CEO", "Mayor"), where the name starts: a title in between leads to the
// same name.
func (s *quoteScanner) nameAfter(text string, toks []token, k int) (string, int) {
	if k >= len(toks) || toks[k].broken {
		return "", k
	}
	w := text[toks[k].start:toks[k].end]
	if inSet(personPronouns, w) {
		return s.lastPerson, k
	}
	// Skip the titles ("the company's CEO", "Mayor") to the name.
	from := k
	for k < len(toks)-1 && !toks[k+1].broken && (strings.EqualFold(w, "the") || inSet(words().honorifics, strings.TrimSuffix(w, "."))) {
		k++
		w = text[toks[k].start:toks[k].end]
	}
	s.x.work += k - from
	if !isPersonWord(w) {
		return "", k
	}
	end := k
	for end+1 < len(toks) && !toks[end+1].broken && end-k < 3 && isPersonWord(text[toks[end+1].start:toks[end+1].end]) {
		end++
	}
	return s.person(text[toks[k].start:toks[end].end]), k
}

// sourceAfter returns the source named by the phrase starting at toks[k],
// after "according to" or "in the words of": its capitalised name, past
// a determiner and lower-case titles ("curator Elaine Gustafon"), or the
// name after a comma that a role before it introduces ("the Crown
// prosecutor, Mark Tedeschi"). A source without a capitalised name ("the
// council's own report") gives "".
func (s *quoteScanner) sourceAfter(text string, toks []token, k int) string {
	if k >= len(toks) || toks[k].broken {
		return ""
	}
	if w := text[toks[k].start:toks[k].end]; inSet(personPronouns, w) {
		return s.lastPerson
	}
	end := k
	for end+1 < len(toks) && !toks[end+1].broken && end-k < 6 {
		end++
	}
	first := -1
	for j := k; j <= end; j++ {
		w := text[toks[j].start:toks[j].end]
		if isNameWord(w) && !inSet(words().honorifics, strings.TrimSuffix(w, ".")) {
			first = j
			break
		}
		if !inSet(determiners, w) && inSet(words().stopWords, w) {
			return "" // "according to some of them"
		}
	}
	if first < 0 {
		return ""
	}
	last := first
	for last+1 <= end && last-first < maxSourceWords-1 {
		if w := text[toks[last+1].start:toks[last+1].end]; isPersonWord(w) {
			last++
		} else if inSet(nameGlue, w) && last+2 <= end && isNameWord(text[toks[last+2].start:toks[last+2].end]) {
			last += 2 // "University of Arkansas", "Arts and Humanities"
		} else {
			break
		}
	}
	// "the Crown prosecutor, Mark Tedeschi": a role, then the name.
	if last < end && last == end-1 && end+1 < len(toks) && commaBefore(text, toks, end+1) {
		n := end + 1
		m := n
		for m+1 < len(toks) && !toks[m+1].broken && m-n < 3 && isNameWord(text[toks[m+1].start:toks[m+1].end]) {
			m++
		}
		if isNamePart(text, toks, n, m) {
			return s.person(text[toks[n].start:toks[m].end])
		}
	}
	return s.person(text[toks[first].start:toks[last].end])
}

// person returns the full form of a name: a lone surname or given name
// becomes the full name it shortens ("Reyes" after "Tomas Reyes"). The result
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
// Jun", "Dr. Smith") or before a description ("Dana Whitfield, an NTU
// lecturer"), so a later "she" can refer to them.
//
// A run of titles ("Dr. Prof. Sir Ada Byrne") is read once: every title in
// it leads to the name that the first one found.
func (s *quoteScanner) learnNames(text string) {
	toks := s.toks
	s.x.work += len(toks)
	titles := 0 // the end of the last run of titles read
	for k := 0; k+1 < len(toks); k++ {
		w := strings.TrimSuffix(text[toks[k].start:toks[k].end], ".")
		if !inSet(words().honorifics, w) || !isCapitalized(w) || toks[k+1].broken {
			if isNameWord(w) && !toks[k+1].broken {
				k = s.learnAppositive(text, toks, k)
			}
			continue
		}
		if k+1 < titles {
			continue // inside the run, the same name again
		}
		name, at := s.nameAfter(text, toks, k+1)
		if name != "" && name != s.lastPerson {
			s.remember(name)
		}
		titles = at
	}
}

// learnAppositive notes the name of two to four capitalised words at
// toks[k] when a description follows it ("Dana Whitfield, an NTU lecturer
// in law"), and returns the index of the name's last word.
func (s *quoteScanner) learnAppositive(text string, toks []token, k int) int {
	end := k
	for end+1 < len(toks) && !toks[end+1].broken && end-k < 3 && isNameWord(text[toks[end+1].start:toks[end+1].end]) {
		end++
	}
	if end == k || end+1 >= len(toks) || !commaBefore(text, toks, end+1) {
		return end
	}
	if d := text[toks[end+1].start:toks[end+1].end]; !strings.EqualFold(d, "a") && !strings.EqualFold(d, "an") && !strings.EqualFold(d, "the") {
		return end
	}
	name := collapseSpaces(text[toks[k].start:toks[end].end])
	if _, known := words().gazetteer[nameKey(name)]; !known && !isOrganisationLike(name) {
		s.remember(name)
	}
	return end
}

// reported finds reported speech in one sentence: a cue ("X says, ...",
// "X says that ...", "He believes that ...", "Institutional recipients,
// said Mauer, are ...") and its reported clause to the end of the
// sentence or to a quotation that follows it; failing that, "according to
// X" with the rest of the sentence, or "it was reported that ...". A
// clause that would hold a quotation is left to directQuotes.
func (s *quoteScanner) reported(i int, sent span, direct []span) {
	text := s.d.Paragraphs[i].Text
	toks := s.toks
	s.sentStart = sent.Start
	end := trimRightSpace(text, sent.End)
	if r, n := utf8.DecodeLastRuneInString(text[:end]); strings.ContainsRune(".!?…。", r) {
		end -= n
	}
	s.x.work += len(toks)
	for k := range toks {
		w := text[toks[k].start:toks[k].end]
		if !isReportingVerb(w) || strings.HasSuffix(w, "ing") || isNounUse(text, toks, k) {
			continue
		}
		speaker, at := s.subjectBefore(text, toks, k)
		start := -1
		switch {
		case speaker != "":
			start = s.clauseStart(text, toks, k)
			if start < 0 && at > 0 && s.isAside(text, toks, at, k) {
				start = sent.Start // "The busiest stall, reporters observed, was ..."
			}
		case s.passiveCue(text, toks, k):
			start = s.clauseStart(text, toks, k) // "it was reported that ..."
		default:
			if speaker = s.invertedAside(text, toks, k); speaker != "" {
				start = sent.Start // "Recipients, said Mauer, are ..."
			}
		}
		if start < 0 {
			continue
		}
		if s.addReported(i, start, end, direct, speaker, text[toks[k].start:toks[k].end]) {
			return
		}
	}
	if !s.accordingTo(i, sent, end, direct) {
		s.hearsay(i, end, direct)
	}
}

// hearsayAdverbs mark a clause as reported without naming its source.
var hearsayAdverbs = map[string]bool{
	"reportedly": true, "allegedly": true, "purportedly": true, "reputedly": true,
}

// hearsay records the clause holding "reportedly" ("the navy reportedly
// saved 200 more") as a quote without a speaker.
func (s *quoteScanner) hearsay(i, end int, direct []span) {
	text := s.d.Paragraphs[i].Text
	toks := s.toks
	s.x.work += len(toks)
	for k := range toks {
		if !inSet(hearsayAdverbs, text[toks[k].start:toks[k].end]) {
			continue
		}
		// The clause begins after the punctuation or the conjunction
		// before the adverb.
		start := k
		for start > 0 && !toks[start].broken && !inSet(clauseConjunctions, text[toks[start-1].start:toks[start-1].end]) {
			start--
		}
		s.x.work += k - start
		if start == k && k+1 < len(toks) {
			start = k + 1 // "Allegedly, ..."
		}
		s.addReported(i, int(toks[start].start), end, direct, "", text[toks[k].start:toks[k].end])
		return
	}
}

// passiveVerbs are the verbs of a passive cue without a speaker.
var passiveVerbs = map[string]bool{
	"say": true, "report": true, "claim": true, "announce": true, "state": true, "confirm": true,
}

// passiveCue reports whether toks[k] is the verb of a cue with no
// speaker: "it is said that", "it was reported that".
func (s *quoteScanner) passiveCue(text string, toks []token, k int) bool {
	j := k - 1
	if j >= 1 && tokenIs(text, toks[j], "been") {
		j--
	}
	if j < 1 || !inSet(finiteVerbs, text[toks[j].start:toks[j].end]) || !tokenIs(text, toks[j-1], "it") {
		return false
	}
	return passiveVerbs[reportingBase(text[toks[k].start:toks[k].end])] && k+1 < len(toks) && tokenIs(text, toks[k+1], "that")
}

// isNounUse reports whether the reporting verb at toks[k] is a noun: "the
// report", "its own claims", "the council's statement", "the answer is".
func isNounUse(text string, toks []token, k int) bool {
	if k+1 < len(toks) && !toks[k+1].broken && inSet(finiteVerbs, text[toks[k+1].start:toks[k+1].end]) {
		return true // "the short answer is", "the report was"
	}
	if k == 0 || toks[k].broken {
		return false
	}
	p := text[toks[k-1].start:toks[k-1].end]
	return inSet(determiners, p) || strings.EqualFold(p, "own") || isPossessive(p)
}

// isPossessive reports whether w ends in "'s".
func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// invertedAside reads a cue set off by commas inside a sentence with its
// speaker after the verb: "Club members, said Okafor, are asked to
// ...". It returns the speaker.
func (s *quoteScanner) invertedAside(text string, toks []token, k int) string {
	if k < 2 || !commaBefore(text, toks, k) || k+1 >= len(toks) || strings.ContainsAny(text[toks[k-1].end:toks[k].start], "\"“”«»") {
		return ""
	}
	end := k + 1
	for end+1 < len(toks) && !toks[end+1].broken && end-k < 4 {
		end++
	}
	if end+1 >= len(toks) || !commaBefore(text, toks, end+1) {
		return ""
	}
	name, _ := s.nameAfter(text, toks, k+1)
	return name
}

// isAside reports whether the cue whose speaker starts at toks[at] and
// whose verb is toks[k] is set off by commas inside the sentence:
// "The busiest stall, reporters observed from the queue outside, was
// ...".
func (s *quoteScanner) isAside(text string, toks []token, at, k int) bool {
	if !commaBefore(text, toks, at) {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+6; j++ {
		if toks[j].broken {
			return commaBefore(text, toks, j)
		}
	}
	return false
}

// addReported records reported speech [start, end) in paragraph i. A
// clause running into a quotation ends before it when it is a clause of
// its own ("Burrows said kits would be available," "For example, ..."),
// and is left to the quotation otherwise. It reports whether a quote was
// added.
func (s *quoteScanner) addReported(i, start, end int, direct []span, speaker, cue string) bool {
	text := s.d.Paragraphs[i].Text
	if end <= start {
		return false
	}
	if k, _ := slices.BinarySearchFunc(direct, start, func(sp span, pos int) int { return cmp.Compare(sp.End, pos+1) }); k < len(direct) && direct[k].Start < end {
		cut := s.cutBefore(text, direct, k)
		if direct[k].Start <= start || cut <= start || !s.hasFiniteVerb(text, start, cut) {
			return false
		}
		end = cut
	}
	if countWordsUpTo(text[start:end], 3) < 3 {
		return false
	}
	s.quotes = append(s.quotes, Quote{
		Speaker: speaker, Cue: cue, Kind: QuoteIndirect,
		Paragraph: i, Start: start, End: end,
	})
	return true
}

// cutBefore returns where a clause running into the quotation direct[k]
// ends: before its mark, the spaces and the ",;:" before it. Every cue
// of a sentence may run into the same quotation, so it is found once.
func (s *quoteScanner) cutBefore(text string, direct []span, k int) int {
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
	if s.verbless.End == cut && s.verbless.Start <= start {
		end := start + firstWordEnd(text[start:cut])
		s.x.work += end - start
		return hasWord(text[start:end], finiteVerbs)
	}
	s.x.work += cut - start
	if hasWord(text[start:cut], finiteVerbs) {
		return true
	}
	s.verbless = span{start, cut}
	return false
}

// accordingTo finds "according to X" in a sentence with no other cue and
// records the rest of the sentence as X's: after the source when the
// sentence opens with it, before it when it closes the sentence, the
// whole sentence otherwise. It reports whether a quote was added.
func (s *quoteScanner) accordingTo(i int, sent span, end int, direct []span) bool {
	text := s.d.Paragraphs[i].Text
	toks := s.toks
	s.x.work += len(toks)
	for k := 0; k+2 < len(toks); k++ {
		if !tokenIs(text, toks[k], "according") || !tokenIs(text, toks[k+1], "to") || toks[k+1].broken {
			continue
		}
		speaker := s.sourceAfter(text, toks, k+2)
		if speaker == "" {
			return false
		}
		next := nextPart(toks, k+3)
		// "According to Yonhap, quoting KCNA, the military ...": past
		// the source's own source.
		for next < len(toks) && strings.HasSuffix(text[toks[next].start:toks[next].end], "ing") && nextPart(toks, next+1) < len(toks) {
			next = nextPart(toks, next+1)
		}
		start := sent.Start
		s.x.work += next - k
		switch {
		case k <= 1 && next < len(toks):
			start = int(toks[next].start)
		case k > 1 && (next >= len(toks) || !hasWord(text[toks[next].start:end], finiteVerbs)):
			// "..., according to Maria Lund, assistant professor."
			end = trimRightSpace(text, int(toks[k].start))
			for end > start && strings.ContainsRune(",;:", rune(text[end-1])) {
				end = trimRightSpace(text, end-1)
			}
		}
		return s.addReported(i, start, end, direct, speaker, "according to")
	}
	return false
}

// nextPart returns the index of the first word at or after toks[k] that
// follows punctuation, or len(toks).
func nextPart(toks []token, k int) int {
	for k < len(toks) && !toks[k].broken {
		k++
	}
	return k
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
		if tokenIs(text, toks[j], "that") {
			if j+1 >= len(toks) {
				return -1
			}
			if j > k+1 && inSet(finiteVerbs, text[toks[j+1].start:toks[j+1].end]) {
				break // "announced the routes that would be closed"
			}
			return int(toks[j+1].start) // past "that, " too
		}
	}
	rest := text[after:toks[k+1].start]
	next := text[toks[k+1].start:toks[k+1].end]
	if strings.ContainsAny(rest, ",:") && !strings.ContainsAny(rest, "\"“”«»「") {
		if inSet(clauseConjunctions, next) {
			return -1 // "...," she said, but refused to say more.
		}
		return int(toks[k+1].start)
	}
	if strings.TrimFunc(rest, IsSpace) != "" {
		return -1
	}
	base := reportingBase(text[toks[k].start:toks[k].end])
	if base == "tell" {
		// "told Radio North the council will ...": past the hearer.
		if j := hearerEnd(text, toks, k+1); j > k+1 && j < len(toks) && !toks[j].broken {
			k, next = j-1, text[toks[j].start:toks[j].end]
			if inSet(finiteVerbs, next) {
				return -1 // "the issues voters tell us are important"
			}
		}
	}
	// "said he would ...": a subject straight after the verb.
	if inSet(clauseSubjects, next) || isNameWord(next) {
		return int(toks[k+1].start)
	}
	if clauseVerbs[base] && !inSet(nonClauseStarts, next) && !inSet(clauseConjunctions, next) && !isReportingVerb(next) {
		return int(toks[k+1].start) // "said 500 institutions ..."
	}
	return -1
}

// hearerEnd returns the index after the hearer of "told" starting at
// toks[k]: a pronoun ("him", "reporters"), a name ("CBC News") or "the"
// and a name or word ("the court"); or k when there is none.
func hearerEnd(text string, toks []token, k int) int {
	w := text[toks[k].start:toks[k].end]
	switch {
	case inSet(objectPronouns, w):
		return k + 1
	case strings.EqualFold(w, "the") && k+1 < len(toks) && !toks[k+1].broken:
		j := k + 1
		for j+1 < len(toks) && !toks[j+1].broken && j-k < 3 && isNameWord(text[toks[j+1].start:toks[j+1].end]) && isNameWord(text[toks[j].start:toks[j].end]) {
			j++
		}
		return j + 1
	case isNameWord(w):
		j := k
		for j+1 < len(toks) && !toks[j+1].broken && j-k < 3 && isNameWord(text[toks[j+1].start:toks[j+1].end]) {
			j++
		}
		return j + 1
	}
	return k
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
