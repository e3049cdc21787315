package model

import (
	"cmp"
	"iter"
	"maps"
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
	// maxTitleWords is the longest quotation without a cue and without
	// sentence punctuation inside its marks that is read as a title or a
	// headline ("Coastal Light: Paintings and Prints"), not speech.
	maxTitleWords = 12
	// maxPullQuoteSignature is the most words of the name and description
	// that end a pull quote ("Mara Quillon, harbour master at Port Ellis").
	maxPullQuoteSignature = 12
)

// ClosingMarks returns the marks that close a quotation that the mark
// open opens, and whether open opens one.
func ClosingMarks(open rune) (string, bool) {
	closing, ok := quotePairs[open]
	return closing, ok
}

// QuoteMarks yields every opening quotation mark lede reads, with the
// marks that close it.
func QuoteMarks() iter.Seq2[rune, string] {
	return maps.All(quotePairs)
}

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

// quoteScanner finds the quotes of one document, reading its paragraphs
// in order. This file holds the driver and the quotations in marks
// (directQuotes, addDirect); quotecues.go finds the cue and speaker of a
// quotation or clause (directCue, subjectBefore, nameAfter, sourceAfter);
// quotereported.go finds reported speech (reported, accordingTo,
// hearsay); quotenames.go holds what the scanner remembers of the text
// read so far (quoteMemory).
type quoteScanner struct {
	d      *Document
	x      *textIndex
	voices []voice
	// quotes are the quotes found so far, in the order found; add records
	// one, and extendLast and the cue passes read and extend the last.
	quotes []Quote
	// speakers are the speakers of quotes, each told by a number, so that
	// the passes over all the quotes at the end read each distinct
	// speaker once.
	speakers speakerTable
	// read is how many bytes of text the paragraphs read so far, the one
	// being read included, hold, and size how many all of them do.
	read, size int
	// memory is what the text read so far tells about the text after it:
	// the people named, and the last quote found.
	memory quoteMemory
	// turnSpeaker is who speaks the paragraph being read, when a turn of
	// a transcript or an interview holds it.
	turnSpeaker string
	// cut remembers, for the paragraph being read, where a clause running
	// into its quotation number cut.mark ends (see cutBefore).
	cut struct{ mark, end int }
	// verbless is a range of the paragraph found to hold no finite verb
	// (see hasFiniteVerb). Like cut, it only saves work: an answer
	// remembered is the answer the text gives.
	verbless Span
	// window is room for the words around a quotation that directCue
	// reads, one buffer for all the quotations of the document; it holds
	// nothing from one call to the next. (A local array would move to
	// the heap at every call: the sentence holding the words shares its
	// text with the speaker names they yield, which live on.)
	window [4 * cueWindow]token
	// marks is room for the quotations of the paragraph being read (see
	// directQuotes).
	marks []Span
	// covered is the range of the paragraph being read that a mixed
	// quote holds: its quotations are part of it, not quotes of their own.
	covered Span
	// cues is what the last reading of a sentence found for the cue
	// passes (see sentenceCues), its buffers reused.
	cues sentenceCues
	// coords are the reporting verbs that "and" or "but" join to a cue
	// before them in the sentence read last (see coordinatedCue).
	coords coordinated
	// lastCue is where the cue of the last direct quote found starts, -1
	// for none: a quotation after it sharing that cue continues it.
	lastCue int
	// subject is the last answer of subjectOf.
	subject subjectAnswer
}

// coordinated holds, for one sentence in order, the reporting verbs
// joined to a cue before them (see coordinatedCue): each as the index of
// the word that joins it (Start) and of the verb (End).
type coordinated struct {
	sentence Span
	at       []Span
}

// next returns the position in c.at of the first verb from word k on.
func (c *coordinated) next(k int) int {
	n, _ := slices.BinarySearchFunc(c.at, k, func(sp Span, k int) int { return cmp.Compare(sp.End, k) })
	return n
}

// findQuotes finds quotes: speech in quotation marks (straight, curly,
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
	s := &quoteScanner{d: d, x: x, voices: voices, lastCue: -1, subject: subjectAnswer{paragraph: -1}}
	s.size = d.textBytes(0, len(d.Paragraphs))
	s.cues.words = scanWords(x.vocab, x.cues, x.traits)
	answers := answerSpeakers(len(d.Paragraphs), turns)
	label, interviewer := "", false // the last speaker's label, and whether it names the interviewer
	for i, p := range d.Paragraphs {
		s.read += len(p.Text)
		if p.Heading {
			continue
		}
		v := voices[i]
		if v.speaker != label {
			label, interviewer = v.speaker, isInterviewerLabel(v.speaker)
		}
		if v.speaker != "" && !interviewer {
			s.memory.remember(v.speaker)
		}
		speaker, answer := answers[i].speaker, answers[i].ok
		s.turnSpeaker = v.speaker
		if answer {
			s.turnSpeaker = speaker
			start, end := v.body, trimRightSpace(p.Text, len(p.Text))
			if end > start {
				s.add(Quote{Speaker: speaker, Kind: QuoteTurn, Paragraph: i, Start: start, End: end})
			}
		}
		if !answer && s.pullQuote(i) {
			continue
		}
		found := s.paragraph(i, !p.Quoted)
		if p.Quoted && !p.Code && !answer && !found {
			s.addBlockQuote(i)
		}
	}
	s.givenNames()
	oneNamePerPerson(s.quotes, &s.speakers)
	// The quotes of each paragraph are found together, paragraph after
	// paragraph: sorting each paragraph's quotes by where they start, the
	// same quote staying first at the same start, sorts them all.
	for from := 0; from < len(s.quotes); {
		to := from + 1
		for to < len(s.quotes) && s.quotes[to].Paragraph == s.quotes[from].Paragraph {
			to++
		}
		slices.SortStableFunc(s.quotes[from:to], func(a, b Quote) int { return a.Start - b.Start })
		from = to
	}
	return s.quotes
}

// pullQuote records paragraph i as a pull quote when its words end with
// the speaker's name and no cue, as a quotation set apart from a web page
// reads once its marks are lost: "We will rebuild the pier. Mara Quillon,
// harbour master". It reports whether it did.
func (s *quoteScanner) pullQuote(i int) bool {
	text := s.d.Paragraphs[i].Text
	from, to := s.x.sentences(i)
	if to-from < 2 {
		return false
	}
	sn := s.x.sentence(text, to-1)
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(text, IsSpace))
	if strings.ContainsRune(".!?…"+closers, last) || sn.len() > maxPullQuoteSignature {
		return false
	}
	n := 0
	for n < sn.len() && (n == 0 || !sn.broken(n)) && sn.personWord(n) {
		n++
	}
	if n < 2 || n > 4 || n < sn.len() && !sn.commaBefore(n) {
		return false // "Mara Quillon" or "Mara Quillon, harbour master"
	}
	name := collapseSpaces(sn.phrase(0, n-1))
	if isOrganisationLike(name) {
		return false
	}
	end := trimRightSpace(text, sn.bounds.Start)
	if countWordsUpTo(text[:end], minUnattributedWords) < minUnattributedWords {
		return false
	}
	s.add(Quote{Speaker: s.memory.person(name), Kind: QuoteDirect, Paragraph: i, Start: 0, End: end})
	return true
}

// givenNames gives a speaker known only by one name the full name the
// text gives elsewhere ("Petrik" is Milan Petrik when the story names him
// so), reading the document once, and only when such a speaker is left.
func (s *quoteScanner) givenNames() {
	lone := map[string]string{}
	for _, name := range s.speakers.names {
		if name != "" && !strings.Contains(name, " ") && isPersonWord(name) && !isOrganisationLike(name) {
			lone[name] = ""
		}
	}
	if len(lone) == 0 {
		return
	}
	left := len(lone)
	for i, p := range s.d.Paragraphs {
		from, to := s.x.sentences(i)
		for k := from; k < to && left > 0; k++ {
			sn := s.x.sentence(p.Text, k)
			s.x.work += sn.len()
			for t := 1; t < sn.len(); t++ {
				if sn.broken(t) || !sn.personWord(t) {
					continue // no lone name: each is a person word
				}
				full, ok := lone[sn.word(t)]
				if !ok || full != "" {
					continue
				}
				first := sn.word(t - 1)
				if full := first + " " + sn.word(t); isPersonWord(first) && !isHonorific(first) && !isOrganisationLike(full) {
					lone[sn.word(t)] = full
					left--
				}
			}
		}
	}
	to := make([]string, len(s.speakers.names))
	for id, name := range s.speakers.names {
		to[id] = lone[name]
	}
	s.speakers.rename(s.quotes, to)
}

// oneNamePerPerson gives each person one speaker name across quotes: a
// name's titles go ("Dr. Ruth Adler" and "Curator Ruth Adler" are Ruth
// Adler), and a name that is the end of a longer one becomes the longer
// one ("Adler" is Ruth Adler). speakers are the quotes' speakers; each
// distinct one is read once.
func oneNamePerPerson(quotes []Quote, speakers *speakerTable) {
	names := make([]string, len(speakers.names))
	var full []string
	for id, speaker := range speakers.names {
		if speaker == "" {
			continue
		}
		n := withoutTitles(speaker)
		names[id] = n
		if strings.Contains(n, " ") && !slices.Contains(full, n) {
			full = append(full, n)
		}
	}
	for id, n := range names {
		if n == "" {
			continue
		}
		for _, f := range full {
			if len(f) > len(n) && f[len(f)-len(n)-1] == ' ' && strings.HasSuffix(f, n) {
				names[id] = f
				break
			}
		}
	}
	speakers.rename(quotes, names)
}

// withoutTitles returns a person's name without the titles and the role
// word before it ("ESTA Administrator Kai Moreno" is Kai Moreno,
// "Glaciologist Henrik Solberg" Henrik Solberg), keeping at least two
// words; other speakers are returned as they are.
func withoutTitles(name string) string {
	name = withoutRoleWord(name)
	fields := strings.Fields(name)
	cut := -1
	for k := 0; k < len(fields)-2; k++ {
		if isHonorific(fields[k]) {
			cut = k
		}
	}
	if cut < 0 || !isPersonLike(fields[cut+1:]) {
		return name
	}
	return strings.Join(fields[cut+1:], " ")
}

// add records quote q, which becomes the last quote found.
func (s *quoteScanner) add(q Quote) {
	if len(s.quotes) == cap(s.quotes) {
		s.grow()
	}
	s.quotes = append(s.quotes, q)
	s.speakers.add(q.Speaker)
	s.memory.quoted(q)
}

// grow makes room for more quotes. It doubles the room until a
// sixteenth of the document's text is read, and from then on makes it
// what the quotes found so far foretell for the whole text, by its bytes,
// and an eighth more, but never more than five times the quotes found:
// quotes come about evenly through most documents, and a slice made large
// enough once allocates and copies far less than one that keeps growing
// (append grows a large slice by a quarter: a document of tens of
// thousands of quotes would allocate five times what it keeps). A
// document whose quotes all come first, before a long text without any,
// gets room for at most five times the quotes it has.
func (s *quoteScanner) grow() {
	n := len(s.quotes)
	more := n + 1
	if s.read >= s.size/16 && s.read > 0 {
		foretold := n * s.size / s.read
		more = max(more, min(foretold+foretold/8-n, 4*n))
	}
	s.quotes = slices.Grow(s.quotes, more)
	s.speakers.of = slices.Grow(s.speakers.of, cap(s.quotes)-len(s.speakers.of))
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
	if last, ok := s.memory.lastQuote(); ok && last.Paragraph >= i-2 && last.Kind != QuoteTurn {
		speaker = last.Speaker
	}
	s.add(Quote{Speaker: speaker, Kind: QuoteDirect, Paragraph: i, Start: start, End: end})
}

// answerSpeaker is the speaker of a paragraph of an answer turn; ok is
// unset for a paragraph of none.
type answerSpeaker struct {
	speaker string
	ok      bool
}

// answerSpeakers returns, for each of a document's paras paragraphs, the
// speaker of the answer turn it belongs to.
func answerSpeakers(paras int, turns []Turn) []answerSpeaker {
	m := make([]answerSpeaker, paras)
	for _, t := range turns {
		if t.Role != RoleAnswer {
			continue
		}
		for i := t.Start; i < t.End; i++ {
			m[i] = answerSpeaker{t.Name, true}
		}
	}
	return m
}

// paragraph finds the direct quotes of paragraph i, and its reported
// ones when withReported is set, and reports whether it found any. A block
// quote is read without its reported speech: it is someone's words, and
// only its outermost attribution counts.
func (s *quoteScanner) paragraph(i int, withReported bool) (found bool) {
	text := s.d.Paragraphs[i].Text
	sents := s.x.paragraphSpans(i)
	s.cut.mark, s.verbless, s.covered = -1, Span{}, Span{}
	s.coords.sentence = Span{-1, -1}
	before := len(s.quotes)
	marks := s.directQuotes(i)
	from, to := s.x.sentences(i)
	next := 0
	// Sentence by sentence, so a name learnt from one cue ("Tomas Reyes
	// said ...") resolves the next ("Reyes said"). One sentence value
	// serves them all, its words and bounds set for each.
	sn := sentence{text: text, cues: s.x.cues, classes: s.x.classes, traits: s.x.traits}
	for k := from; k < to; k++ {
		sn.toks, sn.bounds = s.x.tokens(k), s.x.spans[k]
		s.cues.read(&sn)
		if withReported {
			s.reported(i, &sn, marks)
		}
		s.learnNames(&sn)
		for ; next < len(marks) && marks[next].Start < sn.bounds.End; next++ {
			s.addDirect(i, sents, marks[next])
		}
	}
	for ; next < len(marks); next++ {
		s.addDirect(i, sents, marks[next])
	}
	return len(s.quotes) > before
}

// directQuotes returns the quotations of paragraph i that read as speech,
// quotation marks included, in text order, in s.marks: they hold until
// the next paragraph is read.
func (s *quoteScanner) directQuotes(i int) []Span {
	text := s.d.Paragraphs[i].Text
	marks := s.marks[:0]
	for k := 0; k < len(text); {
		if k = skipPlainASCII(text, k); k == len(text) {
			break // most bytes: plain ASCII, no quotation mark
		}
		r, n := utf8.DecodeRuneInString(text[k:])
		closing, ok := quotePairs[r]
		if !ok || (r == '‘' && !opensSingle(text, k)) {
			k += n
			continue
		}
		end, next := findClose(text, k+n, closing)
		if isSpeech(text[k+n : end]) {
			marks = append(marks, Span{k, next})
		}
		s.x.work += next - k
		k = next
	}
	s.marks = marks
	return marks
}

// skipPlainASCII returns the offset of the first byte of text from k on
// that may start a quotation mark, a straight one or one outside ASCII,
// or len(text). It reads eight bytes at a time.
func skipPlainASCII(text string, k int) int {
	for ; k+8 <= len(text); k += 8 {
		if w := load8(text, k); !isASCII8(w) || asciiLanesNot(w, '"') != laneHighs {
			break
		}
	}
	for ; k < len(text); k++ {
		if c := text[k]; c >= utf8.RuneSelf || c == '"' {
			return k
		}
	}
	return k
}

// isSpeech reports whether quoted words read as speech rather than a name,
// a title or a scare quote: a short phrase without sentence punctuation
// is not speech.
func isSpeech(q string) bool {
	if n := len(q); n > 0 && strings.IndexByte(".,!?;", q[n-1]) >= 0 {
		return true // most speech: its last byte is the punctuation read below
	}
	q = strings.TrimFunc(q, IsSpace)
	if q == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(q, closers))
	if strings.ContainsRune(".,!?…;。？！，", last) {
		return true
	}
	// Words past the longest title change nothing: count no further.
	n := countWordsUpTo(q, maxTitleQuoteWords+1)
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
//
// The closing marks are searched for as text, not rune by rune: no mark
// starts with a byte that continues another rune, so they are found
// where reading rune by rune finds them.
func findClose(text string, open int, closing string) (end, next int) {
	for k := open; k < len(text); {
		var at int
		if utf8.RuneCountInString(closing) == 1 {
			at = strings.Index(text[k:], closing)
		} else {
			at = strings.IndexAny(text[k:], closing)
		}
		if at < 0 {
			break
		}
		k += at
		r, n := utf8.DecodeRuneInString(text[k:])
		// A ’ followed by a letter is an apostrophe ("don’t").
		if r == '’' && k+n < len(text) {
			if r2, _ := utf8.DecodeRuneInString(text[k+n:]); isWordRune(r2) {
				k += n
				continue
			}
		}
		return k, k + n
	}
	return len(text), len(text)
}

// addDirect records the quotation whose marks span m in paragraph i,
// whose sentences are sents, with the speaker of its reporting cue. Without a cue, a quotation that
// reads as a title or headline (no sentence punctuation inside its marks,
// few words) is dropped; one that follows another quote of its paragraph,
// or opens its paragraph after a quotation, continues that quote's
// speaker; a short one is dropped.
func (s *quoteScanner) addDirect(i int, sents []Span, m Span) {
	if m.Start >= s.covered.Start && m.Start < s.covered.End {
		return
	}
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
	speaker, cue, cueAt := s.directCue(i, sents, m.Start, m.End)
	// The quote is the quotation with its marks, as written.
	whole := trimRightSpace(text, m.End)
	if s.joinsLast(i, sents, m.Start, speaker, cueAt) {
		s.extendLast(m.Start, whole)
		return
	}
	if speaker == "" {
		words := countWordsUpTo(text[start:end], maxTitleWords) // no more are needed
		last, _ := utf8.DecodeLastRuneInString(text[start:inner])
		if words < minUnattributedWords || (words < maxTitleWords && !strings.ContainsRune(".,!?…;:。？！，", last)) {
			return
		}
		speaker = s.continuedSpeaker(i, sents, m.Start)
	}
	s.add(Quote{Speaker: speaker, Cue: cue, Kind: QuoteDirect, Paragraph: i, Start: m.Start, End: whole})
	s.lastCue = cueAt
}

// joinsLast reports whether the quotation whose marks start at markStart
// in paragraph i (sentences sents), whose cue is the one at cueAt (-1
// without one), goes on with the direct quote found last: the two share
// the cue that splits them (""We are ready," she said, "and we will
// win.""), or the later one has no cue and follows within a sentence or
// two, the same speaker's words running on.
func (s *quoteScanner) joinsLast(i int, sents []Span, markStart int, speaker string, cueAt int) bool {
	last, ok := s.memory.lastQuote()
	if !ok || last.Paragraph != i || last.Kind != QuoteDirect {
		return false
	}
	if cueAt >= 0 {
		return cueAt == s.lastCue && cueAt > last.End && cueAt < markStart
	}
	return speaker == "" && last.Speaker != "" && sentenceAt(sents, markStart)-sentenceAt(sents, last.End-1) <= 2
}

// extendLast makes the quote found last run on to the quotation
// [start, end), the words between them a gap.
func (s *quoteScanner) extendLast(start, end int) {
	q := &s.quotes[len(s.quotes)-1]
	q.Gaps = append(q.Gaps, Span{q.End, start})
	q.End = end
	s.memory.quoted(*q)
}

// continuedSpeaker is the speaker of a quotation with no cue of its own,
// whose marks start at markStart in paragraph i (sentences sents): the
// speaker of the last quote found, when that quote comes a sentence or
// two before it in its paragraph ("...," Reyes said. "We asked them
// twice.") or, for a quotation that opens its paragraph, when it is the
// previous paragraph's last quotation, as when one person's words run on.
func (s *quoteScanner) continuedSpeaker(i int, sents []Span, markStart int) string {
	last, ok := s.memory.lastQuote()
	if !ok {
		return ""
	}
	switch {
	case last.Paragraph == i && last.Kind != QuoteTurn:
		// Only from a quote a sentence or two before.
		if sentenceAt(sents, markStart)-sentenceAt(sents, last.End-1) <= 2 {
			return last.Speaker
		}
	case markStart == 0 && last.Paragraph == i-1 && last.Kind == QuoteDirect:
		return last.Speaker
	}
	return ""
}

// sentenceAt returns the index in sents, a paragraph's sentences, of the
// one that holds offset pos, or that follows it.
func sentenceAt(sents []Span, pos int) int {
	k, _ := slices.BinarySearchFunc(sents, pos, func(st Span, p int) int { return cmp.Compare(st.End, p+1) })
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

// pronounPerson returns whom "he" or "she" stands for: the person named
// last, unless that is who speaks the turn being read, who would say "I"
// ("My mother read it. She said, ..." in the novelist's answer is not the
// novelist's).
func (s *quoteScanner) pronounPerson() string {
	if s.turnSpeaker != "" && s.memory.lastPerson == s.turnSpeaker {
		return ""
	}
	return s.memory.lastPerson
}
