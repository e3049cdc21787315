package model

import (
	"strings"
)

// maxKnownNames caps the full names remembered for resolving surnames.
const maxKnownNames = 256

// quoteMemory is what quote extraction remembers as it reads on, for the
// words that point back to earlier text: he, she and they stand for the
// person named last; a lone surname or given name for a full name met
// before ("Bos" after "Nick Bos"); "it" for the organisation quoted last;
// and a quotation without a cue continues the last quote found. Its
// methods are the only ones that change it.
type quoteMemory struct {
	// lastPerson is the person named last.
	lastPerson string
	// short maps the first and the last word of each full name met so
	// far, at most maxKnownNames of them, to the latest full name with
	// that word ("Reyes" and "Tomas" to "Tomas Reyes").
	short map[string]string
	// names holds what is kept of each name met (see nameFacts), found
	// with one lookup: whether it is a full name of short, and
	// isOrganisationLike of it, kept for at most maxKnownNames names: a
	// story names the same few again and again.
	names map[string]nameFacts
	// known counts the full names in short, and orgKept the names whose
	// isOrganisationLike names keeps.
	known, orgKept int
	// roles map a title in lower case ("judge", "mayor") to the person
	// last named with it ("Judge Harriet Moss"), for "the judge" later.
	roles map[string]string
	// last is the last quote found, if hasLast is set.
	last    Quote
	hasLast bool
	// changes counts the changes made to what it remembers, so that an
	// answer read from it is known to hold while the count stays.
	changes int
	// lastOrganisation is the last organisation remember was given: to
	// remember one again changes nothing, for it is no "he" or "she", and
	// the full names kept are only ever added to.
	lastOrganisation string
}

// person returns the full form of a name: a lone surname or given name
// becomes the full name it shortens ("Reyes" after "Tomas Reyes"). The result
// becomes the last person named.
func (m *quoteMemory) person(name string) string {
	name = collapseSpaces(name)
	if !strings.Contains(name, " ") {
		if full := m.fullName(name); full != "" {
			name = full
		}
	}
	m.remember(name)
	return name
}

// fullName returns the full name met before that a lone surname or given
// name shortens, or "".
func (m *quoteMemory) fullName(name string) string {
	return m.short[name]
}

// remember makes name the last person named, unless it is an
// organisation, and keeps full names.
func (m *quoteMemory) remember(name string) {
	if name == m.lastPerson || name == m.lastOrganisation && name != "" {
		return
	}
	m.changes++
	first, _, full := strings.Cut(name, " ")
	facts := m.names[name]
	kept := false // whether facts changed
	if !isCapitalized(name) || !m.organisationOf(name, &facts, &kept) {
		m.lastPerson = name // an organisation is no "he" or "she"
	} else {
		m.lastOrganisation = name
	}
	if full && !facts.known && m.known < maxKnownNames {
		if m.short == nil {
			m.short = map[string]string{}
		}
		facts.known, kept = true, true
		m.known++
		m.short[first] = name
		m.short[name[strings.LastIndexByte(name, ' ')+1:]] = name
	}
	if kept {
		m.keep(name, facts)
	}
}

// nameFacts is what quoteMemory keeps of a name: whether it is a full
// name of short (known), and, when asked is set, isOrganisationLike of it
// (org).
type nameFacts struct{ known, asked, org bool }

// keep keeps facts for name.
func (m *quoteMemory) keep(name string, facts nameFacts) {
	if m.names == nil {
		m.names = map[string]nameFacts{}
	}
	m.names[name] = facts
}

// organisationLike returns isOrganisationLike(name), kept for the first
// maxKnownNames names asked about.
func (m *quoteMemory) organisationLike(name string) bool {
	facts, kept := m.names[name], false
	org := m.organisationOf(name, &facts, &kept)
	if kept {
		m.keep(name, facts)
	}
	return org
}

// organisationOf returns isOrganisationLike(name), facts being what is
// kept of name: from facts when it holds the answer, else into facts,
// setting kept, while fewer than maxKnownNames answers are kept.
func (m *quoteMemory) organisationOf(name string, facts *nameFacts, kept *bool) bool {
	if facts.asked {
		return facts.org
	}
	org := isOrganisationLike(name)
	if m.orgKept < maxKnownNames {
		facts.asked, facts.org = true, org
		m.orgKept++
		*kept = true
	}
	return org
}

// titled notes that the person name was named with title ("Judge").
func (m *quoteMemory) titled(title, name string) {
	if m.roles == nil {
		m.roles = map[string]string{}
	}
	if len(m.roles) >= maxKnownNames {
		return
	}
	title = strings.TrimSuffix(title, ".")
	if lookupLower(m.roles, title) == name {
		return // known already: no title lowered into a new string
	}
	m.changes++
	m.roles[strings.ToLower(title)] = name
}

// role returns the person last named with the title that noun names
// ("the judge" after "Judge Harriet Moss"), or "".
func (m *quoteMemory) role(noun string) string {
	return m.roles[strings.ToLower(noun)]
}

// quoted makes q the last quote found.
func (m *quoteMemory) quoted(q Quote) {
	m.last, m.hasLast = q, true
	m.changes++
}

// lastQuote returns the last quote found, and false before the first.
func (m *quoteMemory) lastQuote() (Quote, bool) {
	return m.last, m.hasLast
}

// quotedOrganisation is the speaker "it" stands for: the speaker of the
// last quote, when that is an organisation rather than a person.
func (m *quoteMemory) quotedOrganisation() string {
	if m.hasLast && isOrganisationLike(m.last.Speaker) {
		return m.last.Speaker
	}
	return ""
}

// learnNames notes the people a sentence names after a title ("CEO Lei
// Jun", "Dr. Smith") or before a description ("Dana Whitfield, an NTU
// lecturer"), so a later "she" can refer to them. s.cues has read sn: its
// titles and name words are the words read.
//
// A run of titles ("Dr. Prof. Sir Ada Byrne") is read once: every title in
// it leads to the name that the first one found.
func (s *quoteScanner) learnNames(sn *sentence) {
	s.x.work += sn.len()
	s.learnOpeningName(sn)
	titles := 0 // the end of the last run of titles read
	from := 0   // the first word not yet read as part of a name
	for _, k := range s.cues.names {
		if k < from {
			continue
		}
		traits := traitsAt(sn, k)
		honorific, nameWord := traits&traitHonorific != 0, traits&traitNameWord != 0
		if !honorific || sn.broken(k+1) {
			if nameWord && !sn.broken(k+1) {
				from = s.learnAppositive(sn, k) + 1
			}
			continue
		}
		if k+1 < titles {
			continue // inside the run, the same name again
		}
		name, at := s.nameAfter(sn, k+1) // nameAfter remembers the name
		if name != "" {
			for t := k; t < at; t++ {
				if sn.honorific(t) {
					s.memory.titled(sn.word(t), name)
				}
			}
		}
		titles = at
	}
}

// traitsAt returns the traits of word k of sn: by its id for a word of
// an index, read from the word otherwise.
func traitsAt(sn *sentence, k int) wordTrait {
	if id := sn.toks[k].id(); id >= 0 && sn.traits != nil {
		return sn.traits[id]
	}
	return traitsOf(sn.word(k))
}

// learnOpeningName notes the name that opens a sentence, or its main
// clause after an opening one and a comma, and is its subject ("Dana Holt
// left the board", "Holt left" after Dana Holt was named, "Asked about
// the vote, Holt laughed"), so a later "her" can refer to it.
func (s *quoteScanner) learnOpeningName(sn *sentence) {
	if !s.learnSubject(sn, 0) {
		if from := mainClauseStart(sn); from > 0 {
			s.learnSubject(sn, from)
		}
	}
}

// learnSubject notes the name at word from of sn that is followed by a
// lower-case word, as a subject is by its verb: a name of several words,
// or one word that shortens a full name met before. It reports whether
// there was one.
func (s *quoteScanner) learnSubject(sn *sentence, from int) bool {
	end := openingNameEnd(sn, from, 3)
	if end == 0 {
		return false
	}
	name := collapseSpaces(sn.phrase(from, end-1))
	if end-from == 1 {
		full := s.memory.fullName(name)
		if full != "" {
			s.memory.remember(full) // "Lund was nervous" after "Sunniva Lund"
		}
		return full != ""
	}
	if !s.memory.organisationLike(name) {
		s.memory.remember(name)
	}
	return true
}

// maxOpeningClause is the most words an opening clause before the main
// one may have ("After the vote in March,").
const maxOpeningClause = 12

// mainClauseStart returns the index of the word after the comma that
// ends an opening clause of sn, one led by a preposition, a conjunction or
// a participle ("Asked about the Senate, ...", "In her speech, ..."), or
// 0; a comma before a quotation ("She said, "Joe Morrow was ..."") ends
// none.
func mainClauseStart(sn *sentence) int {
	if sn.len() == 0 || !opensAdverbial(sn.word(0)) {
		return 0
	}
	for k := 1; k < sn.len() && k <= maxOpeningClause; k++ {
		if sn.commaBefore(k) {
			if strings.TrimSpace(sn.gap(k)) != "," {
				return 0
			}
			return k
		}
		if sn.broken(k) {
			return 0
		}
	}
	return 0
}

// learnAppositive notes the name of two to four capitalised words at
// word k when a description follows it ("Dana Whitfield, an NTU lecturer
// in law", "Sunniva Lund, who grew up here") or comes before it, set off
// by commas ("My editor, Dara Finch, was kinder"), and returns the index
// of the name's last word.
func (s *quoteScanner) learnAppositive(sn *sentence, k int) int {
	end := k
	for end+1 < sn.len() && !sn.broken(end+1) && end-k < 3 && traitsAt(sn, end+1)&(traitNameWord|traitHonorific) == traitNameWord {
		end++ // up to a title, which learnNames reads: "District Judge Ann Moss"
	}
	if end == k || end+1 >= sn.len() || !sn.broken(end+1) || !sn.commaBefore(end+1) {
		return end // no comma: a comma between words is a break (see token)
	}
	described := k > 0 && end > k && sn.commaBefore(k) && !capitalizedAt(sn, k-1) // "My editor, Dara Finch, was kinder"
	if d := sn.word(end + 1); !described && !strings.EqualFold(d, "a") && !strings.EqualFold(d, "an") && !strings.EqualFold(d, "the") && !strings.EqualFold(d, "who") {
		return end
	}
	if k > 0 && strings.ContainsAny(sn.gap(k), openers) {
		return end // a title in quotation marks: ""Night Train", the first feature"
	}
	name := collapseSpaces(sn.phrase(k, end))
	if !s.memory.organisationLike(name) { // which asks the gazetteer too
		s.memory.remember(name)
	}
	return end
}

// isOrganisationLike reports whether a speaker reads as an organisation,
// a country or a document rather than a person: an acronym, a name with
// an organisation word, a known organisation or place, or a common noun.
func isOrganisationLike(name string) bool {
	lx := words()
	if name == "" {
		return false
	}
	if !isCapitalized(name) || (!strings.Contains(name, " ") && isUpperWord(name)) {
		return true
	}
	for w := range strings.FieldsSeq(name) {
		if lx.orgWords.has(w) {
			return true
		}
	}
	_, ok := lx.gazetteer[nameKey(name)]
	return ok
}

// speakerTable numbers the distinct speakers of a document's quotes, so
// that a pass over every quote asks about each speaker once, by number,
// not by looking its name up again at every quote.
type speakerTable struct {
	// names are the distinct speakers, in the order first found; ids maps
	// each to its index there.
	names []string
	ids   map[string]int32
	// of holds the number of each quote's speaker, quote by quote.
	of []int32
}

// add numbers the speaker of the quote added last.
func (t *speakerTable) add(speaker string) {
	if n := len(t.of); n > 0 && t.names[t.of[n-1]] == speaker {
		t.of = append(t.of, t.of[n-1]) // quotes in a row by one speaker
		return
	}
	id, ok := t.ids[speaker]
	if !ok {
		if t.ids == nil {
			t.ids = map[string]int32{}
		}
		id = int32(len(t.names))
		t.ids[speaker] = id
		t.names = append(t.names, speaker)
	}
	t.of = append(t.of, id)
}

// rename gives each quote of quotes, whose speakers t numbers, the
// speaker to[n] when its speaker is number n and to[n] is not "", and
// numbers the speakers anew, in the order first found.
func (t *speakerTable) rename(quotes []Quote, to []string) {
	names := make([]string, 0, len(t.names))
	ids := make(map[string]int32, len(t.names))
	renumbered := make([]int32, len(t.names))
	for id, name := range t.names {
		if to[id] != "" {
			name = to[id]
		}
		n, ok := ids[name]
		if !ok {
			n = int32(len(names))
			ids[name] = n
			names = append(names, name)
		}
		renumbered[id] = n
	}
	for k, id := range t.of {
		if to[id] != "" {
			quotes[k].Speaker = to[id]
		}
		t.of[k] = renumbered[id]
	}
	t.names, t.ids = names, ids
}

// opensAdverbial reports whether w, a sentence's first word, may lead a
// clause that comes before the main one: a preposition or conjunction of
// time, place, cause or concession, or a participle ("Asked", "Speaking").
func opensAdverbial(w string) bool {
	return words().adverbialOpeners.has(w) || len(w) > 4 && (hasSuffixFoldASCII(w, "ed") || hasSuffixFoldASCII(w, "ing"))
}
