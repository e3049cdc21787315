package model

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// maxNameWords is the longest run of capitalised words read as one name.
	maxNameWords = 9
	// maxAcronymLen is the longest all-capitals word read as an acronym.
	maxAcronymLen = 6
	// businessCueMin is how many business words ("company", "CEO") make
	// a text about business, where unknown one-word names are companies.
	businessCueMin = 3
	// businessCueRate: at least one word in this many must be a business
	// word.
	businessCueRate = 60
)

// mention is one occurrence of a candidate name: its paragraph and its
// bytes there. It is small, as a long text holds very many.
type mention struct {
	para, start, end int32
}

// newMention returns the mention of paragraph para's bytes start to end.
func newMention(para, start, end int) mention {
	return mention{para: int32(para), start: int32(start), end: int32(end)}
}

// appendMention appends m to ms, doubling the room when it is full: a
// long text gives a name tens of thousands of mentions, and append grows
// a slice that large by a quarter at a time, copying it anew every few
// mentions.
func appendMention(ms []mention, m mention) []mention {
	if len(ms) == cap(ms) {
		ms = slices.Grow(ms, max(8, len(ms)))
	}
	return append(ms, m)
}

// toMention returns m as a Mention of the document's entities.
func (m mention) toMention() Mention {
	return Mention{Paragraph: int(m.para), Start: int(m.start), End: int(m.end)}
}

// nameGroup gathers the mentions of one name and the evidence of its kind.
type nameGroup struct {
	key      string
	forms    []string // surface forms, first seen first
	titled   []string // forms with a title: "Prof. Ines d'Amico"
	mentions []mention
	// votes count the clues for each kind, indexed like EntityKinds.
	votes  [5]int
	strong bool // seen at least once outside a sentence start
	// binomial counts the mentions followed by a Latin word in lower
	// case, as a genus is by its species ("Lasius flavus").
	binomial int
	// attributive counts the mentions of a one-word name shaped like an
	// adjective before a noun in lower case ("Mediterranean orchards").
	attributive int
	// products counts the clues of a program or product ("X, the
	// open-source build tool"); works the mentions after a capitalised
	// "The" inside a sentence, as a work's title is written.
	products, works int
	// article is set once a mention follows "the", as a person's name
	// does not: "the Northfold Echo".
	article bool
	// members lists the names a group name stands for ("BAT").
	members []string
	merged  bool // folded into another group
}

// entityScanner finds entity names in one document.
type entityScanner struct {
	d      *Document
	x      *textIndex
	voices []voice
	// found are the entities built so far.
	found    []Entity
	groups   map[string]*nameGroup
	order    []*nameGroup
	midCaps  map[string]int // capitalised words seen standing alone mid-sentence
	lower    map[string]int // words seen in lower case
	business bool
	// clubs is set in a text that names sports clubs, where "X Town" and
	// "X City" are clubs too.
	clubs bool
	// acronyms maps an acronym's key to the key of the name it abbreviates.
	acronyms map[string]string
	// speakers are the keys of the people quotes and turns name: a name
	// that speaks is a person's, unless its words say otherwise.
	speakers map[string]bool
	// labels maps the key of a speaker's label to the key of the name the
	// text gives the speaker ("NB" to "Nadia Berg").
	labels map[string]string
	// given remembers which words isGivenName knows: a binary search
	// of the large list, asked of the same words again and again.
	given map[string]bool
	// names are what the scanner knows of each name as the text writes
	// it (see runName); wordNames, of the names of one word, by the
	// word's id.
	names     map[string]*runName
	wordNames []*runName
	// traits are what each distinct word of the index is to the scanner
	// by its own text, by id (see textIndex.vocab).
	traits []scanTrait
	// lowers and firstNames are what the scanner learns of each distinct
	// word from the text once scanMidCaps has read it, by id, on first
	// asking (see lowerAt and firstNameAt): 0 until asked.
	lowers     []int32
	firstNames []int8
	// headingLike tells, for each paragraph, whether it is a heading or
	// reads as one (isHeadingLine), where any word may be capitalised.
	headingLike []bool
	// work counts the steps of scanEntities, which may run beside
	// findQuotes: finish adds it to the index's count.
	work int
}

// scanTrait is what a word is to the entity scanner by its own text, read
// once for every distinct word of the index: a trait a bit. The first
// four are read for every word before the scan; the clues of a name's
// kind, on first asking (see clue), as only the words around names are
// asked them.
type scanTrait uint32

// The traits of a word to the entity scanner.
const (
	// scanUpper is containsUpper's.
	scanUpper scanTrait = 1 << iota
	// scanNameToken is isNameToken's.
	scanNameToken
	// scanCapital is isCapitalized's.
	scanCapital
	// scanLowerInitial is set for a word that begins with a lower-case
	// letter.
	scanLowerInitial
	// scanClues is set once the clues below have been read.
	scanClues
	// scanLatinEpithet is isLatinEpithet's.
	scanLatinEpithet
	// scanAdjectiveShaped is isAdjectiveShaped's.
	scanAdjectiveShaped
	// scanNounAfter is isNounAfter's.
	scanNounAfter
	// scanReports is set for a reporting verb other than its base form
	// ("says", "said") and for "who": what follows a person's name.
	scanReports
	// scanProductNoun is isProductNoun's.
	scanProductNoun
	// scanPersonNoun is isPersonNoun's.
	scanPersonNoun
	// scanPossessive is isPossessive's.
	scanPossessive
	// scanLeading is set for a word that addRun drops from the start of
	// a run: a stop word not in capitals, a connector ("of", "for").
	scanLeading
	// scanPrefixed is isPrefixed's.
	scanPrefixed
	// scanOrgAcronym is isOrgAcronym's.
	scanOrgAcronym
	// scanPlaces is set once scanKnownPlace has been read, on first
	// asking (see knownPlace): it takes a search of the gazetteer's lists.
	scanPlaces
	// scanKnownPlace is isKnownPlace's.
	scanKnownPlace
	// scanThe and scanOf mark the words "the" and "of", ignoring case.
	scanThe
	scanOf
)

// scanTraitsOf returns the traits of w read before the scan.
func scanTraitsOf(w string) scanTrait {
	var t scanTrait
	if containsUpper(w) {
		t |= scanUpper
	}
	if isNameToken(w) {
		t |= scanNameToken
	}
	switch r, _ := utf8.DecodeRuneInString(w); {
	case unicode.IsUpper(r):
		t |= scanCapital
	case unicode.IsLower(r):
		t |= scanLowerInitial
	}
	// No letter of "the" or "of" has a fold outside ASCII, so a word
	// equal to either ignoring case is as long.
	switch {
	case len(w) == 3 && strings.EqualFold(w, "the"):
		t |= scanThe
	case len(w) == 2 && strings.EqualFold(w, "of"):
		t |= scanOf
	}
	return t
}

// clueTraitsOf returns the clues of a name's kind that w gives, with
// scanClues.
func clueTraitsOf(w string) scanTrait {
	t := scanClues
	for _, c := range []struct {
		trait scanTrait
		is    func(string) bool
	}{
		{scanLatinEpithet, isLatinEpithet},
		{scanAdjectiveShaped, isAdjectiveShaped},
		{scanNounAfter, isNounAfter},
		{scanProductNoun, isProductNoun},
		{scanPersonNoun, isPersonNoun},
		{scanPossessive, isPossessive},
		{scanPrefixed, isPrefixed},
		{scanOrgAcronym, isOrgAcronym},
	} {
		if c.is(w) {
			t |= c.trait
		}
	}
	if base := reportingBase(w); base != "" && w != base || w == "who" {
		t |= scanReports
	}
	lx, bare := words(), strings.TrimSuffix(w, ".")
	// "Sept." before "2024", "No." before "10": a short form written
	// before a number names nothing.
	if lx.stopWords.has(bare) && !(len(w) > 1 && isUpperWord(w)) || lx.titleConnectors.has(bare) || lx.orgConnectors.has(bare) || bare != w && lx.numberAbbreviations.has(bare) {
		t |= scanLeading
	}
	return t
}

// clue reports whether word k has trait t, one of the clues read on
// first asking.
func (s *entityScanner) clue(sn *sentence, k int, t scanTrait) bool {
	id := sn.toks[k].id()
	if s.traits[id]&scanClues == 0 {
		s.traits[id] |= clueTraitsOf(s.x.vocab[id])
	}
	return s.traits[id]&t != 0
}

// knownPlace reports whether a gazetteer names word k as a place
// (isKnownPlace).
func (s *entityScanner) knownPlace(sn *sentence, k int) bool {
	id := sn.toks[k].id()
	if s.traits[id]&scanPlaces == 0 {
		s.traits[id] |= scanPlaces
		if isKnownPlace(sn.word(k)) {
			s.traits[id] |= scanKnownPlace
		}
	}
	return s.traits[id]&scanKnownPlace != 0
}

// is reports whether word k has trait t, one of the traits read before
// the scan (see scanTraitsOf).
func (s *entityScanner) is(sn *sentence, k int, t scanTrait) bool {
	return s.traits[sn.toks[k].id()]&t != 0
}

// nameToken reports whether word k can be a word of a name (isNameToken).
func (s *entityScanner) nameToken(sn *sentence, k int) bool {
	return s.traits[sn.toks[k].id()]&scanNameToken != 0
}

// capitalized reports whether word k begins with a capital
// (isCapitalized).
func (s *entityScanner) capitalized(sn *sentence, k int) bool {
	return s.traits[sn.toks[k].id()]&scanCapital != 0
}

// in reports whether word k is in set, one of the sets with a class
// (see lexicon.classes), as sn.in does, by the word's classes. It
// inlines, as the scanner asks it of the words around every name.
func (s *entityScanner) in(sn *sentence, k int, set wordSet) bool {
	return s.x.classes[sn.toks[k].id()]&set.class != 0
}

// honorific reports whether word k is a title before a name
// (isHonorific), as sn.honorific does, inlined.
func (s *entityScanner) honorific(sn *sentence, k int) bool {
	return s.x.traits[sn.toks[k].id()]&traitHonorific != 0
}

// lowerAt returns how often the text writes word k in lower case, as
// lookupLower(s.lower, sn.word(k)) does. It is asked only once
// scanMidCaps has counted the words.
func (s *entityScanner) lowerAt(sn *sentence, k int) int {
	id := sn.toks[k].id()
	if s.lowers[id] == 0 {
		s.lowers[id] = int32(lookupLower(s.lower, sn.word(k))) + 1
	}
	return int(s.lowers[id] - 1)
}

// firstNameAt reports whether word k reads as a first name, as
// s.firstName(sn.word(k)) does. It is asked only once scanMidCaps has
// counted the words.
func (s *entityScanner) firstNameAt(sn *sentence, k int) bool {
	id := sn.toks[k].id()
	if s.firstNames[id] == 0 {
		s.firstNames[id] = -1
		if s.firstName(sn.word(k)) {
			s.firstNames[id] = 1
		}
	}
	return s.firstNames[id] > 0
}

// Entities are people, companies, organisations, places and topics,
// found in two steps, scanEntities and finish. Names are runs of
// capitalised words that do not start a sentence (a sentence-initial word
// counts only if the gazetteer knows it or it is capitalised elsewhere);
// their kind comes from the gazetteer, corporate suffixes, organisation
// and place head words, titles ("CEO Lei Jun"), reporting verbs ("X says")
// and prepositions ("in X"). Spelling variants, defined acronyms and a
// person's surname or given name fold into one entity.

// scanEntities runs the part of entity finding that needs neither turns
// nor quotes: it reads the words of every paragraph after its label,
// collects the runs of name words with the clues around them, and counts
// the key phrases. Of voices it reads only where each paragraph's words
// begin after its label (voice.body), which the labels alone decide, so
// it may run while the turns are found. It writes nothing that
// findTurns, findSections or findQuotes reads or writes, so it may run
// beside them too; the scanner's work is added to x's in finish.
func scanEntities(d *Document, x *textIndex, voices []voice) *entityScanner {
	s := &entityScanner{
		d:          d,
		x:          x,
		voices:     voices,
		groups:     map[string]*nameGroup{},
		midCaps:    map[string]int{},
		lower:      map[string]int{},
		acronyms:   map[string]string{},
		speakers:   map[string]bool{},
		labels:     map[string]string{},
		given:      map[string]bool{},
		names:      map[string]*runName{},
		traits:     make([]scanTrait, len(x.vocab)),
		lowers:     make([]int32, len(x.vocab)),
		firstNames: make([]int8, len(x.vocab)),
		wordNames:  make([]*runName, len(x.vocab)),
	}
	for id, w := range x.vocab {
		s.traits[id] = scanTraitsOf(w)
	}
	s.headingLike = make([]bool, len(d.Paragraphs))
	for i, p := range d.Paragraphs {
		s.headingLike[i] = p.Heading || isHeadingLine(p.Text, maxHeadingWords)
	}
	s.scanMidCaps()
	for i := range d.Paragraphs {
		s.paragraph(i)
	}
	x.countPhrasesOnce(d.Paragraphs, voices, &s.work)
	return s
}

// finish completes scanEntities' work once the turns and quotes are
// found: a name that speaks is a person's, and a speaker's label stands
// for the speaker's name. It folds the names that stand for one entity,
// tells their kinds, and adds the key phrases as topics.
func (s *entityScanner) finish(turns []Turn, quotes []Quote) []Entity {
	s.x.work += s.work
	for _, t := range turns {
		if t.Name != t.Speaker && strings.Contains(t.Name, " ") {
			s.speakers[nameKey(t.Name)] = true
			s.labels[nameKey(t.Speaker)] = nameKey(t.Name)
		}
	}
	asked := map[string]bool{} // a speaker is quoted again and again
	for _, q := range quotes {
		if asked[q.Speaker] {
			continue
		}
		asked[q.Speaker] = true
		if strings.Contains(q.Speaker, " ") && isCapitalized(q.Speaker) && !isOrganisationLike(q.Speaker) {
			s.speakers[nameKey(q.Speaker)] = true
		}
	}
	s.fold()
	s.build()
	entities := append(s.found, s.x.topics(s.d.Paragraphs, s.voices, s.found)...)
	sortEntities(entities)
	return entities
}

// scanMidCaps records the words written capitalised inside sentences and
// those written in lower case, and whether the text is about business. It
// counts each word by its id and turns the counts into words once a
// distinct word: most words are in lower case, and a map of them
// updated at every one would cost more than the rest of the scan.
func (s *entityScanner) scanMidCaps() {
	counts := make([]int32, len(s.x.vocab)) // every word after a speaker's label
	mid := make([]int32, len(s.x.vocab))    // the capitalised ones standing alone inside a sentence
	for i, p := range s.d.Paragraphs {
		if s.headingLike[i] {
			continue
		}
		from, to := s.x.sentences(i)
		s.work += int(s.x.sentTok[to] - s.x.sentTok[from])
		body := int32(s.voices[i].body)
		for n := from; n < to; n++ {
			toks := s.x.tokens(n)
			k := 0
			for k < len(toks) && toks[k].start < body {
				k++
			}
			for ; k < len(toks); k++ {
				id := toks[k].id()
				counts[id]++
				if k == 0 || s.traits[id]&scanCapital == 0 {
					continue
				}
				// A capitalised word stands alone inside a sentence
				// when no clause starts at it (see startsClause) and
				// it opens a name, rather than sitting inside one
				// ("Health" in "World Health Organization"): after a
				// break, where no colon or quotation mark stands
				// before it; otherwise after a word that is no name's.
				if toks[k].isBroken() {
					if !opensClause(p.Text[toks[k-1].end:toks[k].start]) {
						mid[id]++
					}
				} else if s.traits[toks[k-1].id()]&scanNameToken == 0 {
					mid[id]++
				}
			}
		}
	}
	cues, total := 0, 0
	for id, n := range counts {
		if n == 0 {
			continue
		}
		w := s.x.vocab[id]
		total += int(n)
		if s.traits[id]&scanLowerInitial != 0 {
			s.lower[w] = int(n)
		}
		if isBusinessWord(w) {
			cues += int(n)
		}
		if mid[id] > 0 {
			stem, _ := cutPossessive(w)
			s.midCaps[stem] += int(mid[id])
		}
	}
	s.business = cues >= businessCueMin && cues*businessCueRate >= total
}

// isBusinessWord reports whether w is a word of a text about business:
// "company", "CEO".
func isBusinessWord(w string) bool {
	return len(w) <= 12 && words().businessWords.has(w)
}

// startsClause reports whether word k begins a sentence or a quotation,
// where any word may be capitalised.
func startsClause(sn *sentence, k int) bool {
	if k == 0 {
		return true
	}
	// Only punctuation opens a clause, and a break records it: most
	// words follow a space alone.
	return sn.broken(k) && opensClause(sn.gap(k))
}

// opensClause reports whether gap, the text between two words, holds a
// colon or an opening quotation mark.
func opensClause(gap string) bool {
	for _, r := range gap {
		switch r {
		case ':', '"', '“', '‘', '«', '「':
			return true
		}
	}
	return false
}

// paragraph collects the names of paragraph i.
func (s *entityScanner) paragraph(i int) {
	p := s.d.Paragraphs[i]
	text := p.Text
	headingLike := s.headingLike[i]
	from, to := s.x.sentences(i)
	s.work += int(s.x.sentTok[to] - s.x.sentTok[from])
	for n := from; n < to; n++ {
		sn := s.x.sentence(text, n)
		for sn.len() > 0 && sn.start(0) < s.voices[i].body {
			sn.toks = sn.toks[1:] // a speaker label names no one new
		}
		for k := 0; k < sn.len(); {
			if s.traits[sn.toks[k].id()]&scanUpper == 0 {
				k++ // a word without a capital opens no name: most words
				continue
			}
			if end := s.invertedName(&sn, k); end > k {
				s.addInverted(i, &sn, k, end)
				k = end
				continue
			}
			end := s.runEnd(&sn, k)
			if end == k {
				k++
				continue
			}
			s.addRun(i, &sn, k, end, headingLike)
			s.work += end - k
			k = end
		}
	}
}

// invertedName returns the end of a person's name written surname first,
// as reading lists and references write it ("Lindqvist, Maja." or
// "Lindqvist, Maja Elin (1998)"), starting at word k, or k when there is
// none: a surname opening the sentence or following "and", a comma, a
// given name and at most one more name word, then the sentence's end, a
// full stop, a bracket or "and".
func (s *entityScanner) invertedName(sn *sentence, k int) int {
	// The comma first: a break records it, and most names have none
	// after their first word.
	if k+1 >= sn.len() || !sn.broken(k+1) || !sn.commaBefore(k+1) || k > 0 && !sn.is(k-1, "and") {
		return k
	}
	if !sn.personWord(k) || s.in(sn, k, words().stopWords) || s.honorific(sn, k) || !s.firstNameAt(sn, k+1) {
		return k
	}
	end := k + 2
	if end < sn.len() && !sn.broken(end) && sn.personWord(end) {
		end++
	}
	if end < sn.len() && !sn.is(end, "and") && !strings.ContainsAny(sn.gap(end), ".(;") {
		return k
	}
	return end
}

// addInverted records the name surname first in words k to end
// (excluded) as a person's, given name first: "Lindqvist, Maja" is Maja
// Lindqvist.
func (s *entityScanner) addInverted(i int, sn *sentence, k, end int) {
	surname := sn.word(k)
	given := sn.text[sn.start(k+1):sn.end(end-1)]
	var buf [maxEntryLen]byte
	name := given + " " + surname
	g := s.group(appendKey(buf[:0], name), name)
	g.addForm(surname)
	g.mentions = appendMention(g.mentions, newMention(i, sn.start(k), sn.end(end-1)))
	g.strong = true
	g.votes[kindIndex(KindPerson)] += 3
}

// runEnd returns the end of the run of name words starting at word k,
// or k when word k does not start one.
func (s *entityScanner) runEnd(sn *sentence, k int) int {
	if !s.nameToken(sn, k) {
		return k
	}
	lx := words()
	end := k + 1
	for end < sn.len() && end-k < maxNameWords && !sn.broken(end) {
		w := sn.word(end)
		nameWord := s.nameToken(sn, end)
		if nameWord && s.startsPerson(sn, end) {
			break // "... Science Museum Professor Lindqvist", "ESTA Administrator Ann Lee": a title or a person starts a new name
		}
		if nameWord {
			if prev := sn.word(end - 1); isPossessive(prev) && !s.namePossessive(sn, end-1) {
				break // "China’s Internet": a possessive ends the name
			}
			end++
			continue
		}
		// Glue joins two capitalised words: "University of Helsinki", but
		// not a person to their party: "Ann Lee of Veritas". "and" joins
		// words before an organisation's or a place's head word: "Sea
		// and Rail Museum".
		if end-k == 1 && startsClause(sn, k) && s.lowerAt(sn, k) > 0 && !s.in(sn, k, lx.orgWords) && !s.in(sn, k, lx.placeWords) {
			break // "Transcript of ...", "Members of ...": a common noun opening the sentence
		}
		particle := s.in(sn, end, lx.nameParticles)
		if (particle || s.in(sn, end, lx.titleConnectors) || s.in(sn, end, lx.orgConnectors)) && end+1 < sn.len() && !sn.broken(end+1) && (particle || gluable(sn, k, end) || w == "and" && s.hasHeadAfter(sn, end+1)) {
			next := sn.word(end + 1)
			if s.nameToken(sn, end+1) && !s.in(sn, end+1, lx.stopWords) && !(w == "and" && (!s.hasHeadAfter(sn, end+1) || pairedBefore(sn, k))) {
				end += 2
				continue
			}
			if w == "of" && next == "the" && end+2 < sn.len() && !sn.broken(end+2) && s.nameToken(sn, end+2) {
				end += 3
				continue
			}
		}
		break
	}
	return end
}

// gluable reports whether the name words k to end (excluded) can take "of" and
// more words: a single word ("Bank of ...") or a name with an
// organisation or place head word ("University of ...", "Bay of ...").
func gluable(sn *sentence, k, end int) bool {
	if end-k == 1 {
		return true
	}
	lx := words()
	for j := k; j < end; j++ {
		if sn.in(j, lx.orgWords) || sn.in(j, lx.placeWords) || sn.in(j, lx.companySuffixes) {
			return true
		}
	}
	return false
}

// pairedBefore reports whether the name at word k is the first of a
// pair, after "between" or "both": "between the Lantern and Northlight
// Theatre Company" names two.
func pairedBefore(sn *sentence, k int) bool {
	j := k - 1
	if j >= 0 && sn.is(j, "the") {
		j--
	}
	return j >= 0 && (sn.is(j, "between") || sn.is(j, "both"))
}

// hasHeadAfter reports whether the run of capitalised words from word k
// holds an organisation's head word, or ends in a place's after its
// first word, so "and" before it is part of the name ("Commerce and
// Industry Ministry", "Sea and Rail Museum"), not a list ("Paris and
// Lake Como").
func (s *entityScanner) hasHeadAfter(sn *sentence, k int) bool {
	lx := words()
	for j := k; j < sn.len() && j < k+maxNameWords; j++ {
		if j > k && (sn.broken(j) || !s.nameToken(sn, j)) {
			break
		}
		if s.in(sn, j, lx.orgWords) || s.in(sn, j, lx.companySuffixes) {
			return true
		}
		if j > k && s.in(sn, j, lx.placeWords) && (j+1 == sn.len() || sn.broken(j+1) || !s.nameToken(sn, j+1)) {
			return true
		}
	}
	return false
}

// startsPerson reports whether the capitalised word k, inside a run of
// name words, starts a new name: a title after a name that is not one
// ("... Science Museum Professor Lindqvist"), a role word before a full
// name ("ESTA Administrator Ann Lee"), or a full name after an acronym
// ("ESTA Kai Moreno", a photo credit).
func (s *entityScanner) startsPerson(sn *sentence, k int) bool {
	if s.honorific(sn, k) {
		return s.nameToken(sn, k-1) && !s.honorific(sn, k-1)
	}
	fullName := k+1 < sn.len() && !sn.broken(k+1) && s.capitalized(sn, k+1)
	switch {
	case !fullName:
		return false
	case s.firstNameAt(sn, k):
		// "ESTA Kai Moreno", "Governor of Oregon Ann Lee"; not "of
		// Brackenridge Marine Ltd.", a company's name
		return s.clue(sn, k-1, scanOrgAcronym) || k > 1 && s.is(sn, k-2, scanOf) && s.knownPlace(sn, k-1) && !sn.in(k+1, words().companySuffixes) && !sn.in(k+1, words().orgWords)
	}
	return s.clue(sn, k, scanPersonNoun) && s.firstNameAt(sn, k+1) && !s.in(sn, k, words().orgWords)
}

// afterPersonOf reports whether word k follows a person's full name and
// "of" or "of the": "Ann Lee of Veritas", "Kai Moreno of the Harbour
// Party".
func (s *entityScanner) afterPersonOf(sn *sentence, k int) bool {
	j := k - 1
	if j > 0 && !sn.broken(j+1) && s.is(sn, j, scanThe) {
		j--
	}
	return j > 1 && !sn.broken(j+1) && !sn.broken(j) && s.capitalized(sn, j-1) && s.is(sn, j, scanOf) && s.firstNameAt(sn, j-2)
}

// isKnownPlace reports whether a gazetteer names w as a place.
func isKnownPlace(w string) bool {
	if _, ok := placeKindOf(w); ok {
		return true
	}
	return words().gazetteer[nameKey(w)].Kind == KindPlace
}

// namePossessive reports whether the possessive word k is inside a name,
// as a plural or a common word is before a head word ("Tessaly People's
// Army", "Workers' Party", "Children's Hospital"), not a name's ("China's
// Internet", "ESTA's Launch Program").
func (s *entityScanner) namePossessive(sn *sentence, k int) bool {
	stem, _ := cutPossessive(sn.word(k))
	if !isPluralNoun(stem) && lookupLower(s.lower, stem) == 0 {
		return false
	}
	lx := words()
	for j := k + 1; j < sn.len() && j <= k+2 && !sn.broken(j) && s.nameToken(sn, j); j++ {
		if s.in(sn, j, lx.orgWords) || s.in(sn, j, lx.placeWords) {
			return true
		}
	}
	return false
}

// addRun records the name in words k to end (excluded) of paragraph i with the clues
// around it.
func (s *entityScanner) addRun(i int, sn *sentence, k, end int, headingLike bool) {
	text := sn.text
	lx := words()
	sentenceStart := headingLike || startsClause(sn, k)
	initial := sentenceStart
	// Drop leading stop words, connectors and titles; a title is a clue
	// to a person. A particle is part of the name it starts ("Van Dijk").
	title := ""
	if k > 0 && !sn.broken(k) {
		if s.honorific(sn, k-1) {
			title = strings.TrimSuffix(sn.word(k-1), ".")
		}
	}
	runStart := k
	office := false // a title and "of": "Secretary of State" names an office, not a person
	work := false
	for k < end {
		w := sn.word(k)
		lw := strings.TrimSuffix(w, ".")
		switch {
		case k+1 < end && s.honorific(sn, k):
			title = w
		case s.clue(sn, k, scanLeading):
			office = office || title != "" && lw == "of"
			work = work || w == "The" && !sentenceStart // "the arrival of The Salt Orchard": a work's title
		case k+1 < end && s.clue(sn, k, scanPrefixed):
			// "Pro-Union Alliance", "Anti-Austerity Alliance": a stance
			// before the name; the name holds it when it is all there is.
		case k+1 < end && k == runStart && sentenceStart && isGerund(w) && !lx.holidays.has(w+" "+sn.word(k+1)):
			// "Leaving Baxter: ...", "Visiting Kessling, ...": a verb
			// opening a sentence or a heading before the name.
		default:
			goto trimmed
		}
		k++
		sentenceStart = false
	}
trimmed:
	if office {
		title = ""
	}
	if k+2 < end && s.is(sn, k+1, scanOf) && isPluralPersonNoun(sn.word(k)) {
		k += 2 // "Commanders of the Tessaly People's Army": the people are not the name
		if s.is(sn, k, scanThe) {
			k++
		}
	}
	if end-k >= 2 && s.trailingRole(sn, k, end) {
		end-- // "ESTA Administrator", "Transport Ministry Spokesperson": the name is the organisation's
	}
	if k >= end {
		return
	}
	start, stop := sn.start(k), sn.end(end-1)
	if stem, ok := cutPossessive(text[start:stop]); ok {
		stop = start + len(stem)
	}
	var r *runName
	if id := sn.toks[k].id(); end-k == 1 && stop == sn.end(k) {
		// One word, as the index holds it: most names are, and a
		// table by id finds it sooner than a map by its text.
		if r = s.wordNames[id]; r == nil {
			r = s.runName(text[start:stop])
			s.wordNames[id] = r
		}
	} else {
		r = s.runName(text[start:stop])
	}
	name := r.name
	titled := ""
	if title != "" {
		// Keep the name with its title as an alias when the title is part
		// of the run or written right before it.
		from := runStart
		if k > 0 && from == k && !sn.broken(k) {
			from = k - 1
		}
		for from < k && !s.capitalized(sn, from) {
			from++
		}
		if from < k {
			titled = collapseSpaces(text[sn.start(from):stop])
		}
	}
	if end-k == 1 && r.notAlone || r.noKey {
		return
	}
	if k > 0 && !sn.broken(k) && s.afterHoliday(sn, k) {
		return // "Eve" in "New Year's Eve"
	}
	if isQuotedTitle(text, start, stop) {
		return
	}
	// A name seen only where any word is capitalised (the start of a
	// sentence, a heading) is weak: it counts only if the name is also
	// found elsewhere or is known.
	weak := false
	if initial && (sentenceStart || headingLike) {
		fullName := end-k >= 2 && s.firstNameAt(sn, k) && r.personLike
		weak = !r.known && (end-k == 1 || headingLike && !fullName) && r.midCaps == 0
	}
	if r.g == nil {
		r.g = s.group([]byte(r.key), name)
	}
	g := r.g
	if titled != "" && titled != name && !slices.Contains(g.titled, titled) && len(g.titled) < 8 {
		g.titled = append(g.titled, titled) // "Prof. Ines d'Amico"
	}
	g.mentions = appendMention(g.mentions, newMention(i, start, stop))
	before := g.votes
	s.vote(g, sn, k, end, title)
	if work {
		g.works++
	}
	// A clue of an organisation or a place around the name makes it a
	// name wherever it stands: "Veritas's Ann Lee said" opening a sentence.
	if weak {
		for _, kind := range []EntityKind{KindCompany, KindOrganization, KindPlace} {
			weak = weak && g.votes[kindIndex(kind)]-before[kindIndex(kind)] < 2
		}
	}
	if !weak {
		g.strong = true
	}
	s.acronymAfter(g, sn, end)
}

// runName is what addRun learns of a name as the text writes it, once a
// distinct spelling, from its words alone: a long text names the same
// few people and places again and again, and would otherwise fold, key
// and look each mention up in the gazetteer and the counts anew.
type runName struct {
	// name is the name with its spaces collapsed, key its key (see
	// nameKey).
	name, key string
	// noKey is set when the key is empty or only digits: no name.
	noKey bool
	// known is set when the gazetteer holds the name.
	known bool
	// notAlone is set for a name that is none when it is one word: a
	// demonym, a stop word, a word more often written in lower case, a
	// lone title ("the President").
	notAlone bool
	// personLike is isPersonLike's of the name's words.
	personLike bool
	// midCaps is how often the text writes the name standing alone
	// inside a sentence (see entityScanner.midCaps).
	midCaps int
	// g is the name's group, once a mention has made or found it; later
	// mentions add no form to it, as the name is already one of its forms
	// or its forms are full.
	g *nameGroup
}

// runName returns what the scanner knows of the name written as written,
// learning it on first sight. It is asked only once scanMidCaps has
// counted the words.
func (s *entityScanner) runName(written string) *runName {
	if r := s.names[written]; r != nil {
		return r
	}
	lx := words()
	name := collapseSpaces(written)
	var buf [maxEntryLen]byte
	key := appendKey(buf[:0], name)
	r := &runName{name: name, key: string(key), midCaps: s.midCaps[name]}
	r.noKey = len(key) == 0 || !bytes.ContainsFunc(key, notDigit)
	_, r.known = lx.gazetteer[r.key]
	r.personLike = isPersonLike(strings.Fields(name))
	// A word more often written in lower case is a common word.
	common := !r.known && lookupLower(s.lower, name) >= max(1, r.midCaps)
	r.notAlone = lx.demonyms.has(name) || lx.stopWords.has(name) && !(len(name) > 1 && isUpperWord(name)) || common || isHonorific(name)
	s.names[written] = r
	return r
}

// isPrefixed reports whether w is a capitalised word made with a prefix
// of stance or time and a hyphen: "Pro-Union", "Anti-war", "Ex-Mayor".
func isPrefixed(w string) bool {
	prefix, rest, ok := strings.Cut(w, "-")
	if !ok || rest == "" {
		return false
	}
	switch strings.ToLower(prefix) {
	case "pro", "anti", "ex", "non", "post", "pre":
		return true
	}
	return false
}

// isPluralNoun reports whether a capitalised word is a plural for
// people: an irregular one ("People", "Women") or one ending in "s"
// ("Workers", the stem of "Workers'").
func isPluralNoun(w string) bool {
	switch w {
	case "People", "Women", "Men", "Children":
		return true
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && isCapitalized(w)
}

// isPluralPersonNoun reports whether w is the plural of a noun for a
// person: "Commanders", "Members", "Workers".
func isPluralPersonNoun(w string) bool {
	stem, ok := strings.CutSuffix(w, "s")
	return ok && isCapitalized(w) && (isPersonNoun(stem) || isHonorific(stem))
}

// trailingRole reports whether the last of the name words k to end
// (excluded) is a role after an organisation's name: a title or a noun
// for a person after an acronym or a name holding an organisation's head
// word ("ESTA Administrator", "Transport Ministry Spokesperson"), not a
// surname ("Tom Baker").
func (s *entityScanner) trailingRole(sn *sentence, k, end int) bool {
	lx := words()
	// The words before the role first: they seldom name an organisation.
	org := end-k == 2 && s.clue(sn, k, scanOrgAcronym)
	for j := k; j < end-1 && !org; j++ {
		org = s.in(sn, j, lx.orgWords)
	}
	if !org {
		return false
	}
	return s.honorific(sn, end-1) || s.clue(sn, end-1, scanPersonNoun) && !s.in(sn, end-1, lx.orgWords) && !s.in(sn, end-1, lx.placeWords) && !s.firstNameAt(sn, end-1)
}

// afterHoliday reports whether word k follows a holiday's possessive, as
// "Eve" does in "New Year's Eve" and "Christmas Eve" does not need to.
func (s *entityScanner) afterHoliday(sn *sentence, k int) bool {
	stem, ok := cutPossessive(sn.word(k - 1))
	if !ok {
		return false
	}
	lx := words()
	return lx.holidays.has(stem) || k > 1 && !sn.broken(k-1) && lx.holidays.has(sn.word(k-2)+" "+stem)
}

// isQuotedTitle reports whether the name text[start:stop] stands alone in
// quotation marks, as the title of a work or a campaign does.
func isQuotedTitle(text string, start, stop int) bool {
	switch before, _ := utf8.DecodeLastRuneInString(text[:start]); before {
	case '"', '“', '‘', '«', '「':
	default:
		return false // most names: no mark before them, the end unread
	}
	switch after, _ := utf8.DecodeRuneInString(text[stop:]); after {
	case '"', '”', '’', '»', '」':
		return true
	}
	return false
}

// group returns the group for key, a name's key as appendKey makes it,
// creating it: only a new group copies the key.
func (s *entityScanner) group(key []byte, name string) *nameGroup {
	g := s.groups[string(key)]
	if g == nil {
		g = &nameGroup{key: string(key)}
		s.groups[g.key] = g
		s.order = append(s.order, g)
	}
	g.addForm(name)
	return g
}

// addForm records a surface form of the group's name. A form in mixed
// case goes before one in capitals, which a dateline or a heading may
// use: "Port Amble" names the group, not "PORT AMBLE".
func (g *nameGroup) addForm(name string) {
	if slices.Contains(g.forms, name) || len(g.forms) >= 8 {
		return
	}
	g.forms = append(g.forms, name)
	if len(g.forms) > 1 && strings.Contains(name, " ") && isUpperWord(g.forms[0]) && !isUpperWord(name) {
		g.forms[0], g.forms[len(g.forms)-1] = name, g.forms[0]
	}
}

// kindIndex is the index of kind in EntityKinds.
func kindIndex(kind EntityKind) int {
	return slices.Index(EntityKinds, kind)
}

// vote adds the clues around the name in words k to end (excluded) to g.
func (s *entityScanner) vote(g *nameGroup, sn *sentence, k, end int, title string) {
	lx := words()
	if title != "" {
		if lx.companyCues.has(title) {
			g.votes[kindIndex(KindPerson)] += 2
		} else {
			g.votes[kindIndex(KindPerson)] += 3
		}
	}
	if k > 0 && !sn.broken(k) {
		prev := sn.word(k - 1)
		fromTo := prev == "from" && end < sn.len() && sn.is(end, "to") // "from Kessling to the coast"
		if s.in(sn, k-1, lx.placeCues) || fromTo || (prev == "to" || prev == "from") && k > 1 && isMotion(sn.word(k-2)) {
			g.votes[kindIndex(KindPlace)]++
		}
		// People do not take an article: "the Smithsonian", "the Voice".
		if s.is(sn, k-1, scanThe) {
			if end-k == 1 {
				g.votes[kindIndex(KindOrganization)]++
			}
			// The article is the name's when no noun follows it, as one
			// does in "the O.J. Simpson trial".
			g.article = g.article || end == sn.len() || sn.broken(end) || s.in(sn, end, lx.stopWords)
		}
		// "CEO of X", "founder of X".
		if prev == "of" && k > 1 && s.in(sn, k-2, lx.companyCues) {
			g.votes[kindIndex(KindCompany)] += 2
		}
		// "the harbour town of X", "the village of X": a place named.
		if prev == "of" && k > 1 && !s.capitalized(sn, k-2) && s.in(sn, k-2, lx.placeWords) {
			g.votes[kindIndex(KindPlace)] += 2
		}
		// "Ann Lee of X": a person's party, club or employer, unless X is
		// a place ("Ann Lee of Oslo").
		if s.afterPersonOf(sn, k) && !s.knownPlace(sn, k) {
			g.votes[kindIndex(KindOrganization)] += 2
		}
		// "a spokeswoman for X": someone speaks for an organisation.
		if (prev == "for" || prev == "at") && k > 1 && strings.HasPrefix(strings.ToLower(sn.word(k-2)), "spokes") {
			g.votes[kindIndex(KindOrganization)] += 2
		}
	}
	// "X, a health economist at ...": a person described by what they do;
	// "X, the open-source build tool", "X, Veltro's own software": a
	// program.
	// A comma is a break (see token.isBroken): most names have none after.
	if end+2 < sn.len() && sn.broken(end) && sn.commaBefore(end) && (sn.is(end, "a") || sn.is(end, "an") || s.is(sn, end, scanThe) || s.clue(sn, end, scanPossessive)) {
		for j := end + 1; j < sn.len() && j <= end+4 && !sn.broken(j); j++ {
			if s.clue(sn, j, scanProductNoun) {
				g.products += 2
				break
			} else if j <= end+3 && !s.is(sn, end, scanThe) && s.clue(sn, j, scanPersonNoun) {
				g.votes[kindIndex(KindPerson)] += 2
				break
			}
		}
	}
	// "Pellwick says on its website", "Pellwick said its ferries...":
	// what speaks of its own need be no person, so the reporting verb
	// votes for none (its vote for a person is added below).
	if end+1 < sn.len() && !sn.broken(end) && s.clue(sn, end, scanReports) && reportingBase(sn.word(end)) == "say" {
		for j := end + 1; j < sn.len() && j <= end+4; j++ {
			if sn.is(j, "its") {
				g.votes[kindIndex(KindPerson)]--
				break
			}
			if sn.in(j, lx.thirdPerson) {
				break
			}
		}
	}
	// "its parent company, Halvard Home": a kind of company named in
	// apposition, unless the name is a speaker set off by commas ("the
	// company, Ann Lee said, ...") or a given name alone, as one is
	// called by ("take that to the bank, Marilyn").
	if k > 1 && sn.commaBefore(k) && !s.capitalized(sn, k-1) && sn.in(k-1, lx.companyNouns) && !(end < sn.len() && s.clue(sn, end, scanReports)) && !(end-k == 1 && s.firstNameAt(sn, k)) {
		g.votes[kindIndex(KindCompany)] += 2
	}
	// "Kelby, 14 June": a dateline names a place.
	if k == 0 && sn.opens(0) && end+1 < sn.len() && sn.commaBefore(end) && isDate(sn, end) {
		g.votes[kindIndex(KindPlace)] += 2
	}
	if end < sn.len() && !sn.broken(end) {
		if end-k == 1 && s.clue(sn, end, scanLatinEpithet) {
			g.binomial++
		}
		if end-k == 1 && s.clue(sn, k, scanAdjectiveShaped) && s.clue(sn, end, scanNounAfter) {
			g.attributive++
		}
		if s.clue(sn, end, scanReports) {
			g.votes[kindIndex(KindPerson)]++
		}
		if s.in(sn, end, lx.companyCues) {
			g.votes[kindIndex(KindCompany)] += 2
		}
		// "the Brannoch region", "the Keld valley": a place's head word
		// after the name, in lower case.
		if !s.capitalized(sn, end) && s.in(sn, end, lx.placeWords) {
			g.votes[kindIndex(KindPlace)] += 2
		}
	}
	possessive := s.clue(sn, end-1, scanPossessive)
	if possessive && end < sn.len() && s.in(sn, end, lx.companyCues) {
		g.votes[kindIndex(KindCompany)] += 2
	}
	// "Veritas's Ann Lee": a party, club or employer before a person's
	// full name, unless a place ("Norway's Ann Lee").
	if possessive && end+1 < sn.len() && !sn.broken(end) && !sn.broken(end+1) && s.firstNameAt(sn, end) && s.capitalized(sn, end+1) {
		if stem, _ := cutPossessive(sn.word(end - 1)); !s.firstNameAt(sn, k) && !s.firstName(stem) {
			if !isKnownPlace(stem) {
				g.votes[kindIndex(KindOrganization)] += 2
			}
		}
	}
}

// isGerund reports whether w, a capitalised word opening a name, is a
// verb's -ing form rather than a name: not a given name, not a place
// ("Reading", "Beijing").
func isGerund(w string) bool {
	return strings.HasSuffix(w, "ing") && len(w) > 5 && !isGivenName(w) && !isKnownPlace(w)
}

// isAdjectiveShaped reports whether a capitalised word ends as
// adjectives made from names do: "Mediterranean", "Victorian", "Gothic".
func isAdjectiveShaped(w string) bool {
	for _, end := range []string{"an", "ic", "ish", "ese"} {
		if strings.HasSuffix(w, end) && len(w) > len(end)+3 {
			return true
		}
	}
	return false
}

// isNounAfter reports whether w, after a capitalised word, reads as the
// noun it qualifies: a word in lower case that is no verb, function word
// or Latin epithet.
func isNounAfter(w string) bool {
	if w == "" || !unicode.IsLower(rune(w[0])) {
		return false
	}
	lx := words()
	return !lx.stopWords.has(w) && !lx.finiteVerbs.has(w) && !lx.commonVerbs.has(w) && reportingBase(w) == "" && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "ly")
}

// isProductNoun reports whether w names a kind of program or product.
func isProductNoun(w string) bool {
	switch strings.ToLower(w) {
	case "program", "programme", "app", "application", "software", "tool", "library", "package", "framework", "plugin", "platform", "browser", "service",
		"scheduler", "compiler", "editor", "database", "engine", "extension", "game", "server":
		return true
	}
	return false
}

// isMotion reports whether w is a verb or noun of going somewhere, after
// which "to" or "from" leads to a place: "travel to", "flew from".
func isMotion(w string) bool {
	switch strings.ToLower(w) {
	case "travel", "travels", "travelled", "traveled", "travelling", "traveling", "go", "goes", "went", "going",
		"move", "moves", "moved", "fly", "flies", "flew", "flown", "drive", "drove", "sail", "sailed",
		"return", "returns", "returned", "came", "come", "comes", "trip", "journey", "visit", "visits", "visited", "head", "heads", "headed", "emigrated", "fled":
		return true
	}
	return false
}

// isMonth reports whether w names a month, in full or shortened.
func isMonth(w string) bool {
	return words().months.has(strings.TrimSuffix(w, "."))
}

// isDate reports whether words k on read as a date: "14 June", "June
// 14", "2 September 2026".
func isDate(sn *sentence, k int) bool {
	if k+1 >= sn.len() {
		return false
	}
	a, b := sn.word(k), sn.word(k+1)
	digit := func(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' && len(w) <= 4 }
	return digit(a) && isMonth(b) || isMonth(a) && digit(b)
}

// isLatinEpithet reports whether w reads as the second, lower-case word
// of a species' Latin name: "flavus", "coli", "sapiens", "rerio".
func isLatinEpithet(w string) bool {
	if len(w) < 4 || !unicode.IsLower(rune(w[0])) {
		return false
	}
	for _, end := range []string{"a", "us", "um", "ii", "ae", "is", "i", "ens", "oides"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// acronymAfter links "World Health Organization (WHO)" and "BAT (Baidu,
// Alibaba and Tencent)": an acronym in brackets after a name whose
// initials it spells is an alias; a list of names in brackets after an
// acronym they spell is what the acronym stands for.
func (s *entityScanner) acronymAfter(g *nameGroup, sn *sentence, end int) {
	if end >= sn.len() || !sn.broken(end) {
		return // no bracket: a break records one
	}
	gap := sn.gap(end)
	bracket := strings.TrimSpace(gap)
	if bracket != "(" && bracket != "[" {
		return
	}
	text, open := sn.text, sn.start(end)
	close := strings.IndexByte(text[open:runeStart(text, open+121)], ")]"[strings.Index("([", bracket)])
	if close < 0 || close > 120 {
		return
	}
	inner := text[open : open+close]
	name := g.forms[len(g.forms)-1]
	var buf [maxEntryLen]byte
	if isAcronym(inner) && strings.EqualFold(string(appendInitials(buf[:0], name)), inner) {
		// Read before it is written: a text defines an acronym again
		// and again, and the key is copied only when it is new.
		if key := appendKey(buf[:0], inner); s.acronyms[string(key)] != g.key {
			s.acronyms[string(key)] = g.key
		}
		return
	}
	if isAcronym(name) {
		parts := splitList(inner)
		if len(parts) >= 2 && len(parts) == len(name) {
			var ini strings.Builder
			for _, p := range parts {
				r, _ := utf8.DecodeRuneInString(p)
				ini.WriteRune(unicode.ToUpper(r))
			}
			if ini.String() == strings.ToUpper(name) {
				g.members = parts
			}
		}
	}
}

// splitList splits "Baidu, Alibaba and Tencent" into its names.
func splitList(s string) []string {
	s = strings.ReplaceAll(s, " and ", ", ")
	s = strings.ReplaceAll(s, " & ", ", ")
	var out []string
	for p := range strings.SplitSeq(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// isAcronym reports whether w is an acronym: 2 to 6 capitals, possibly
// with one lower-case letter or '&' inside ("IoT", "M&A").
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > maxAcronymLen+1 {
		return false
	}
	upper, lower := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case r == '&' || r == '.':
		default:
			return false
		}
	}
	return upper >= 2 && lower <= 1
}

// isOrgAcronym reports whether w is an acronym as organisations write
// theirs, without full stops: "ESTA", not a person's initials "K.C.".
func isOrgAcronym(w string) bool {
	return isAcronym(w) && !strings.Contains(w, ".")
}

// initials returns the first letters of the capitalised words of name.
func initials(name string) string {
	return string(appendInitials(nil, name))
}

// appendInitials appends the initials of name (see initials) to dst.
func appendInitials(dst []byte, name string) []byte {
	for w := range strings.FieldsSeq(name) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

// nameKey is the form under which spellings of one name meet: lower case,
// letters and digits only, without a leading "the" ("Wal-mart" and
// "Walmart" give "walmart").
func nameKey(name string) string {
	var buf [maxEntryLen]byte
	return string(appendKey(buf[:0], name))
}

// notDigit reports whether r is no digit.
func notDigit(r rune) bool {
	return !unicode.IsDigit(r)
}

// isNumberLike reports whether a key is only digits.
func isNumberLike(key string) bool {
	return !strings.ContainsFunc(key, notDigit)
}
