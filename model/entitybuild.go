package model

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold merges the names that stand for one entity: a defined acronym
// into its long form, gazetteer variants ("U.S." and "United States")
// into one, and a person's lone surname or given name into the full
// name ("Reyes" into "Tomas Reyes", "Lei" into "Lei Jun").
func (s *entityScanner) fold() {
	lx := words()
	for akey, full := range s.acronyms {
		if a, f := s.groups[akey], s.groups[full]; a != nil && f != nil && a != f {
			s.merge(f, a)
		}
	}
	for lkey, full := range s.labels {
		if l, f := s.groups[lkey], s.groups[full]; l != nil && f != nil && l != f && !l.merged {
			s.merge(f, l) // a speaker's label is the speaker: "NB" is Nadia Berg
		}
	}
	canon := map[string]*nameGroup{}
	for _, g := range s.order {
		if g.merged {
			continue
		}
		e, ok := lx.gazetteer[g.key]
		if !ok {
			continue
		}
		ck := nameKey(e.Name)
		if c := canon[ck]; c != nil {
			s.merge(c, g)
			continue
		}
		canon[ck] = g
	}
	s.clubs = s.hasClubs()
	s.foldRoleWords()
	s.foldInitials()
	s.foldCompanySuffixes()
	s.foldPossessives()
	s.foldInitialisms()
	s.headlineNames()
	kinds := make(map[*nameGroup]EntityKind, len(s.order))
	for _, g := range s.order {
		if !g.merged {
			kinds[g] = s.classify(g)
		}
	}
	// A lone word that names two organisations or more is the place they
	// are named after: "Elmsworth" beside "Elmsworth Community Trust" and
	// "Friends of Elmsworth Library". One that begins one organisation's
	// name only, with no clue of a place, is that organisation's short
	// name: "Ashcombe" for "Ashcombe Rovers".
	named := map[string]int{}
	firstOf := map[string]*nameGroup{} // the one organisation a word begins, nil for several
	ends := map[string]*nameGroup{}    // the one organisation a word ends, nil for several
	venues := map[string]*nameGroup{}  // the one place with a head word a word begins, nil for several
	for _, g := range s.order {
		f := strings.Fields(g.forms[0])
		if !g.merged && len(f) == 2 && kinds[g] == KindPlace && lx.placeWords.has(f[1]) {
			onlyOne(venues, nameKey(f[0]), g)
		}
		if g.merged || len(f) < 2 || kinds[g] != KindOrganization && kinds[g] != KindCompany {
			continue
		}
		for _, w := range f {
			named[nameKey(w)]++
		}
		onlyOne(firstOf, nameKey(f[0]), g)
		if kinds[g] == KindOrganization {
			onlyOne(ends, nameKey(f[len(f)-1]), g)
		}
	}
	for _, g := range s.order {
		if g.merged || strings.Contains(g.forms[0], " ") || g.votes[kindIndex(KindPerson)] > 0 || words().orgWords.has(g.forms[0]) {
			continue
		}
		switch o := firstOf[g.key]; {
		case named[g.key] >= 2:
			g.votes[kindIndex(KindPlace)] += 2
			g.strong = true
		case o != nil && o != g && g.votes[kindIndex(KindPlace)] == 0 && kinds[g] != KindPlace:
			s.merge(o, g) // "Ashcombe" for "Ashcombe Rovers", the club's short name
		case venues[g.key] != nil && g.votes[kindIndex(KindOrganization)] > 0 && g.votes[kindIndex(KindPlace)] == 0 && kinds[g] != KindPlace:
			s.merge(venues[g.key], g) // "the Lantern" for "Lantern Theatre": a town takes no article
		}
	}
	// A lone word that ends one organisation's name is that organisation:
	// "Rovers" for "Ashcombe Rovers", and "Kopimism" for "Church of
	// Kopimism" when it too reads as an organisation's name.
	for _, g := range s.order {
		o := ends[g.key]
		if o == nil || g.merged || o == g {
			continue
		}
		f := strings.Fields(o.forms[0])
		if lx.orgWords.has(g.forms[0]) || f[len(f)-2] == "of" && (kinds[g] == KindOrganization || kinds[g] == KindCompany) {
			s.merge(o, g)
		}
	}
	// A lone word that is part of a person's name is that person, and so
	// is a role before a surname.
	parts := map[string]*nameGroup{}
	for _, g := range s.order {
		if g.merged || kinds[g] != KindPerson {
			continue
		}
		fields := strings.Fields(g.forms[0])
		if len(fields) < 2 {
			continue
		}
		for _, f := range []string{fields[0], fields[len(fields)-1]} {
			k := nameKey(f)
			if p := parts[k]; p == nil || len(p.mentions) < len(g.mentions) {
				parts[k] = g
			}
		}
	}
	for _, g := range s.order {
		key := g.key
		if f := strings.Fields(g.forms[0]); len(f) == 2 && isPersonNoun(f[0]) && !s.firstName(f[0]) {
			key = nameKey(f[1]) // a role and a surname: "Administrator Lund"
		} else if len(f) > 1 {
			continue
		}
		if g.merged {
			continue
		}
		if _, known := lx.gazetteer[g.key]; known && g.votes[kindIndex(KindPlace)] > 0 {
			continue // "in Paris", not "Paris said" after Valeska Paris
		}
		if p := parts[key]; p != nil && p != g {
			s.merge(p, g)
		}
	}
}

// foldInitialisms merges an acronym the text never spells out into the
// one name of several words whose initials it is: "NPP" into "New
// People's Party", "KSA" into "Kelmarsh Sailing Association".
func (s *entityScanner) foldInitialisms() {
	long := map[string]*nameGroup{} // initials to the one name with them, nil for several
	for _, g := range s.order {
		if f := strings.Fields(g.forms[0]); !g.merged && len(f) >= 2 && len(f) <= maxAcronymLen {
			onlyOne(long, initials(g.forms[0]), g)
		}
	}
	for _, g := range s.order {
		if name := g.forms[0]; !g.merged && isOrgAcronym(name) {
			if l := long[strings.ToUpper(name)]; l != nil && l != g {
				s.merge(l, g)
			}
		}
	}
}

// hasClubs reports whether the text names two sports clubs or more by
// their clubs' head words ("Ashcombe Rovers", "Dunmore Athletic"), as a
// sports report does.
func (s *entityScanner) hasClubs() bool {
	n := 0
	for _, g := range s.order {
		if f := strings.Fields(g.forms[0]); !g.merged && len(f) >= 2 && words().clubWords.has(f[len(f)-1]) {
			n++
		}
	}
	return n >= 2
}

// foldRoleWords merges a name written after a role word and the same name
// without it: "Pan-democrat Gary Fan" and "Gary Fan".
func (s *entityScanner) foldRoleWords() {
	for _, g := range s.order {
		if g.merged {
			continue
		}
		if bare := s.withoutRole(g.forms[0]); bare != g.forms[0] {
			if b := s.groups[nameKey(bare)]; b != nil && b != g && !b.merged {
				s.merge(b, g)
			}
		}
	}
}

// withoutRoleWord returns a person's name without a capitalised role word
// before the given name ("Glaciologist Henrik Solberg" is Henrik
// Solberg, "Pan-democrat Gary Fan" Gary Fan): a first word that is no
// given name and reads as a role, a noun of a person or a compound,
// before one that is a given name.
func withoutRoleWord(name string) string {
	fields := strings.Fields(name)
	if len(fields) < 3 || isGivenName(fields[0]) || !isGivenName(fields[1]) || !isCapitalized(fields[2]) {
		return name
	}
	if !isPersonNoun(fields[0]) && !strings.Contains(fields[0], "-") {
		return name // "Sigrún Halla Jónsdóttir": a first name the list lacks, not a role
	}
	return strings.Join(fields[1:], " ")
}

// withoutRole is withoutRoleWord, also taking off a first word the text
// writes in lower case elsewhere, an adjective or a role before a given
// name and a surname ("Nonpartisan Ann Lee" where the text says
// "nonpartisan").
func (s *entityScanner) withoutRole(name string) string {
	if bare := withoutRoleWord(name); bare != name {
		return bare
	}
	f := strings.Fields(name)
	if len(f) >= 3 && lookupLower(s.lower, f[0]) > 0 && !s.firstName(f[0]) && s.firstName(f[1]) && isCapitalized(f[2]) {
		return strings.Join(f[1:], " ")
	}
	return name
}

// foldInitials merges a name written with middle initials or names and
// the same name without them: "Donald J. Trump" and "Donald Trump", "Ann
// B. C. Lee" and "Ann Lee", "Rosa Mary Delahunt" and "Rosa Delahunt".
func (s *entityScanner) foldInitials() {
	bare := map[string]*nameGroup{} // first and last word's key, for names without initials
	for _, g := range s.order {
		if f := strings.Fields(g.forms[0]); !g.merged && len(f) == 2 {
			bare[nameKey(f[0]+" "+f[1])] = g
		}
	}
	for _, g := range s.order {
		f := strings.Fields(g.forms[0])
		if g.merged || len(f) < 3 || slices.ContainsFunc(f[1:len(f)-1], func(w string) bool { return !isMiddleInitial(w) && !s.firstName(w) }) {
			continue
		}
		if b := bare[nameKey(f[0]+" "+f[len(f)-1])]; b != nil && b != g {
			s.merge(g, b)
		}
	}
}

// onlyOne records g under key k in m, or nil once a second group comes
// under the same key.
func onlyOne(m map[string]*nameGroup, k string, g *nameGroup) {
	if _, seen := m[k]; seen {
		m[k] = nil
		return
	}
	m[k] = g
}

// headlineNames gives a person the body names by surname alone the full
// name the headline gives ("Oona Falk: ..." above "Falk, 61, has
// worked ..."), and counts the surname as a name even where it opens a
// sentence.
func (s *entityScanner) headlineNames() {
	title := s.d.Title
	sn := sentence{text: title, toks: appendTokens(nil, title, 0, len(title)), bounds: Span{0, len(title)}}
	for k := 0; k+1 < sn.len(); k++ {
		first, last := sn.word(k), sn.word(k+1)
		if sn.broken(k+1) || !isPersonWord(first) || !isPersonWord(last) || isHonorific(first) || words().stopWords.has(first) || isGerund(first) {
			continue
		}
		g := s.groups[nameKey(last)]
		if g == nil || g.merged || strings.Contains(g.forms[0], " ") {
			continue
		}
		if full := s.groups[nameKey(first+" "+last)]; full != nil && !full.merged {
			s.merge(full, g) // the headline is also a heading of the text
			g = full
		} else {
			g.forms = append(g.forms, first+" "+last)
		}
		g.strong = true
		g.votes[kindIndex(KindPerson)] += 2
	}
}

// foldCompanySuffixes merges a company's name without its suffix into the
// name with it: "Fennick Systems" into "Fennick Systems Inc.".
func (s *entityScanner) foldCompanySuffixes() {
	lx := words()
	for _, g := range s.order {
		f := strings.Fields(g.forms[0])
		if g.merged || len(f) < 2 || !lx.companySuffixes.has(strings.TrimSuffix(f[len(f)-1], ".")) && !lx.companySuffixes.has(f[len(f)-1]) {
			continue
		}
		if b := s.groups[nameKey(strings.Join(f[:len(f)-1], " "))]; b != nil && b != g && !b.merged {
			s.merge(g, b)
		}
	}
}

// foldPossessives merges the spellings of a name with and without a
// possessive inside: "Harbour People's Party" and "Harbour People Party".
func (s *entityScanner) foldPossessives() {
	bare := map[string]*nameGroup{}
	for _, g := range s.order {
		f := strings.Fields(g.forms[0])
		if g.merged || len(f) < 2 {
			continue
		}
		for i, w := range f[:len(f)-1] {
			f[i], _ = cutPossessive(w)
		}
		key := nameKey(strings.Join(f, " "))
		if b := bare[key]; b != nil && b != g {
			s.merge(b, g)
			continue
		}
		bare[key] = g
	}
}

// isCountryAdjective reports whether a word is made from a country's name
// as its adjective is: "Icelandic" from Iceland, "Kenyan" from Kenya,
// "Cuban" from Cuba. The lists of nationalities hold nouns ("Icelander")
// more often than adjectives.
func isCountryAdjective(w string) bool {
	for _, suffix := range []string{"ic", "ian", "an", "n", "ish", "ese", "i"} {
		stem, ok := strings.CutSuffix(w, suffix)
		if !ok || len(stem) < 3 {
			continue
		}
		if k, ok := placeKindOf(stem); ok && k == placeCountry {
			return true
		}
	}
	return false
}

// isCompoundAdjective reports whether a one-word name is a capitalised
// word joined by a hyphen to a lower-case one, as adjectives are
// ("Polish-language", "BSL-interpreted"), not names ("Jean-Pierre",
// "al-Amr").
func isCompoundAdjective(name string) bool {
	i := strings.LastIndexByte(name, '-')
	if i <= 0 || i == len(name)-1 || strings.Contains(name, " ") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(name[i+1:])
	return isCapitalized(name) && unicode.IsLower(r)
}

// isMiddleInitial reports whether w is a capital letter standing for a
// name, with or without its full stop ("J.", "B").
func isMiddleInitial(w string) bool {
	return utf8.RuneCountInString(strings.TrimSuffix(w, ".")) == 1 && isCapitalized(w)
}

// merge folds group b into group a.
func (s *entityScanner) merge(a, b *nameGroup) {
	for _, f := range b.forms {
		if !slices.Contains(a.forms, f) {
			a.forms = append(a.forms, f)
		}
	}
	a.titled = append(a.titled, b.titled...)
	a.mentions = append(a.mentions, b.mentions...)
	for k := range a.votes {
		a.votes[k] += b.votes[k]
	}
	a.strong = a.strong || b.strong
	a.article = a.article || b.article
	b.merged = true
}

// classify decides the kind of a name from the gazetteer, the words of
// the name and the clues around its mentions.
func (s *entityScanner) classify(g *nameGroup) EntityKind {
	lx := words()
	if e, ok := lx.gazetteer[g.key]; ok {
		return e.Kind
	}
	if _, ok := lx.topicTerms[g.key]; ok {
		return KindTopic
	}
	name := g.forms[0]
	fields := strings.Fields(name)
	last := strings.ToLower(strings.TrimRight(fields[len(fields)-1], "."))
	if len(fields) > 1 && (lx.companySuffixes.has(last) || lx.companySuffixes.has(last+".")) {
		return KindCompany
	}
	if len(fields) == 2 && (last == "town" || last == "city" || last == "united") && s.clubs {
		return KindOrganization // "Tolverton Town" among "Ashcombe Rovers" and "Dunmore Athletic": a club
	}
	if len(fields) > 2 && lx.placeWords.has(last) && !lx.orgWords.has(last) {
		return KindPlace // the head word comes last: "Wright-Patterson Air Force Base"
	}
	for _, f := range fields {
		if lx.orgWords.has(f) {
			return KindOrganization
		}
	}
	if len(fields) > 1 && lx.placeWords.has(last) {
		return KindPlace
	}
	if len(g.members) > 0 {
		return KindCompany
	}
	if g.products >= 2 && g.votes[kindIndex(KindPerson)] < 2 {
		return "" // a program: "Kelvin, the open-source build tool"
	}
	if g.works > 0 && g.votes[kindIndex(KindPerson)] < 3 {
		return KindOrganization // "bands such as The Drifters", "a review in The Clarion": a band, a paper, a work's title
	}

	best, bestVotes := -1, 0
	for k, v := range g.votes {
		if v > bestVotes {
			best, bestVotes = k, v
		}
	}
	if best >= 0 && bestVotes >= 2 {
		return EntityKinds[best]
	}
	if isAcronym(name) || len(fields) == 1 && isCamelCase(name) {
		return KindOrganization // "NATO", "YouGov"
	}
	if len(fields) > 1 && lx.placeWords.has(fields[0]) {
		return KindPlace // "Cape Canaveral", "Mount Everest"
	}
	if len(fields) > 1 && !isGivenName(fields[0]) && g.votes[kindIndex(KindPerson)] < 2 {
		// "Winnipeg Free Press", "Statistics Canada": a place's name inside a
		// longer name is an organisation named after it, whatever "said"
		// follows it.
		for i, f := range fields {
			if e, ok := lx.gazetteer[nameKey(f)]; ok && e.Kind == KindPlace || i == 0 && len(f) >= 5 && isKnownPlace(f) && !isGivenName(f) {
				return KindOrganization // a short city's name ("Ho", "Lu") may be a surname
			}
		}
	}
	if s.speakers[g.key] && isPersonLike(fields) {
		return KindPerson // a name that speaks: quoted, or a speaker's name
	}
	if len(fields) == 1 && s.firstName(name) && isPersonLike(fields) && g.votes[kindIndex(KindPlace)] == 0 {
		return KindPerson // a first name alone: "Marilyn"
	}
	if best >= 0 {
		return EntityKinds[best]
	}
	if _, ok := placeKindOf(name); ok && g.votes[kindIndex(KindPerson)] == 0 {
		return KindPlace // a city, region or country of the large gazetteer, not "Obama said"
	}
	if len(fields) <= 3 && isPersonLike(fields) {
		if len(fields) == 1 && s.business {
			return KindCompany
		}
		if len(fields) == 1 && !s.firstName(name) {
			if len(g.mentions) < 2 {
				return "" // one word, named once, without a clue: "Survival"
			}
			return KindOrganization // a word named again and again, no given name, no person's clue: "Quorvo", "Kubernetes"
		}
		if len(fields) > 1 && !s.firstName(fields[0]) && (s.commonWords(fields) || lookupLower(s.lower, fields[len(fields)-1]) > 0) {
			return "" // common words capitalised: "Tide Pools", "Boat Ramp", "Price Index"
		}
		if len(fields) > 1 && g.article && !s.firstName(fields[0]) && !isInitial(fields[0]) {
			return KindOrganization // a name after "the", as no person's is: "the Northfold Echo"
		}
		return KindPerson
	}
	if best < 0 && len(fields) > 1 && s.commonWords(fields) {
		return "" // common words capitalised, no clue: "Interview of the Month"
	}
	if s.business {
		return KindCompany
	}
	return KindOrganization
}

// firstName reports whether a one-word name reads as a first name: the
// list of given names holds it and the text never writes it in lower
// case, as it writes "state" or "galaxy", which the list holds too.
func (s *entityScanner) firstName(w string) bool {
	given, ok := s.given[w]
	if !ok {
		given = isGivenName(w)
		s.given[w] = given
	}
	return given && lookupLower(s.lower, w) == 0
}

// commonWords reports whether every word of a name is written in lower
// case elsewhere in the text, as the words of a capitalised phrase are
// and those of a person's name seldom all are.
func (s *entityScanner) commonWords(fields []string) bool {
	common := 0
	for _, f := range fields {
		switch {
		case words().stopWords.has(f):
		case lookupLower(s.lower, f) == 0:
			return false
		default:
			common++
		}
	}
	return common > 0
}

// isCamelCase reports whether w has a capital after a lower-case letter,
// as product and company names do ("YouGov", "eBay").
func isCamelCase(w string) bool {
	lower := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r) && lower:
			return true
		}
	}
	return false
}

// neverEntity reports whether a name the gazetteer does not know is never
// an entity on its own: a single letter ("C"), a holiday ("Easter"), a
// company suffix or a weekday alone ("Ltd", "Tuesdays"), an adjective
// made with a hyphen ("Polish-language"), a word and a letter ("Plan
// B"), a notice in capitals ("SOLD OUT"), a genus followed by its
// species ("Lasius flavus"), or an acronym or word in
// capitals that the text never spells out and uses once ("IQ", "HUGE");
// an acronym defined in the text was folded into its long form before.
func (s *entityScanner) neverEntity(g *nameGroup) bool {
	name := g.forms[0]
	fields := strings.Fields(name)
	switch {
	case utf8.RuneCountInString(strings.TrimRight(name, ".")) == 1:
		return true
	case words().holidays.has(name) || isNationality(name) || isCountryAdjective(name):
		return true
	case words().companySuffixes.has(strings.TrimSuffix(name, ".")) || words().stopWords.has(trimPlural(name)):
		return true // "Ltd" alone, "Tuesdays"
	case len(g.mentions) > 1 && g.binomial == len(g.mentions):
		return true // a genus before its species: "Lasius flavus"
	case isCompoundAdjective(name):
		return true // "Polish-language", "BSL-interpreted"
	case len(fields) == 1 && (words().orgWords.has(name) || words().placeWords.has(name) && !isCompassWord(name)):
		return true // a head word without its name: "the Council", "the Army", "the State", not "the West"
	case len(fields) == 2 && isMiddleInitial(fields[1]) && !strings.HasSuffix(fields[1], "."):
		return true // "Plan B", "Room C"
	case len(fields) > 1 && !slices.ContainsFunc(fields, func(f string) bool { return !isUpperWord(f) }):
		return true // a notice in capitals: "SOLD OUT", "CLOSED UNTIL FURTHER NOTICE"
	case !strings.Contains(name, " ") && (isAcronym(name) || isUpperWord(name)):
		_, term := words().topicTerms[g.key]
		used := len(g.mentions) >= 2 || g.votes[kindIndex(KindOrganization)]+g.votes[kindIndex(KindCompany)] >= 2
		return !term && len(g.members) == 0 && !used // not "IoT", "BAT (Baidu, Alibaba and Tencent)", nor an acronym used as a name again
	}
	return false
}

// nestedPlaces records the places named inside the names of
// organisations as places of their own: Tromsø in
// "University of Tromsø", Canada in "Statistics Canada", Northern Iowa
// in "University of Northern Iowa". A place is a country or
// region the gazetteer knows, or a city that is no given name (see
// isNestedPlace), and the text never writes it in lower case ("Orange",
// "Union" are words too).
func (s *entityScanner) nestedPlaces() {
	canon := map[string]*nameGroup{} // a gazetteer entry's usual name to the group of one of its names
	for _, g := range s.order {
		if e, ok := words().gazetteer[g.key]; ok && !g.merged {
			canon[nameKey(e.Name)] = g
		}
	}
	for _, g := range s.order {
		fields := strings.Fields(g.forms[0])
		if g.merged || len(fields) < 2 || s.neverEntity(g) {
			continue
		}
		if kind := s.classify(g); kind != KindOrganization && kind != KindCompany {
			continue
		}
		for i := 0; i < len(fields); i++ {
			for n := min(3, len(fields)-i); n >= 1; n-- {
				if n == len(fields) {
					continue
				}
				sub := strings.Join(fields[i:i+n], " ")
				if !isNameToken(fields[i]) || !isNameToken(fields[i+n-1]) || !s.isNestedPlace(fields[i:i+n], i > 0 && fields[i-1] == "of") {
					continue
				}
				p := s.placeGroup(sub, canon)
				p.strong = true
				p.votes[kindIndex(KindPlace)] += 2
				for _, m := range g.mentions {
					text := s.d.Paragraphs[m.para].Text
					if at := strings.Index(text[m.start:m.end], sub); at >= 0 {
						p.mentions = append(p.mentions, newMention(int(m.para), int(m.start)+at, int(m.start)+at+len(sub)))
					}
				}
				i += n - 1
				break
			}
		}
	}
}

// placeGroup returns the group of the place named sub, which may be the
// group of another name of the same place ("US" for "United States"),
// found in canon by the gazetteer's usual name.
func (s *entityScanner) placeGroup(sub string, canon map[string]*nameGroup) *nameGroup {
	var buf [maxEntryLen]byte
	key := appendKey(buf[:0], sub)
	if e, ok := words().gazetteer[string(key)]; ok {
		if g := canon[nameKey(e.Name)]; g != nil {
			g.addForm(sub)
			return g
		}
	}
	g := s.group(key, sub)
	if e, ok := words().gazetteer[string(key)]; ok {
		canon[nameKey(e.Name)] = g
	}
	return g
}

// isNestedPlace reports whether the words name a place on their own
// inside a longer name (see nestedPlaces); a compass word joins the place
// after it ("Northern Iowa"). A city counts only after "of" in the
// name, as in "University of Tromsø", or where the text also names it
// alone: many a newspaper's or company's first word is also a city's name
// somewhere.
func (s *entityScanner) isNestedPlace(fields []string, afterOf bool) bool {
	lx := words()
	name := strings.Join(fields, " ")
	if len(fields) == 2 && isCompassWord(fields[0]) {
		name = fields[1]
	}
	if isNationality(name) || lx.demonyms.has(name) || isCompassWord(name) {
		return false // "Saudi Herald", "Southeastern University"
	}
	if e, ok := lx.gazetteer[nameKey(name)]; ok {
		return e.Kind == KindPlace
	}
	kind, ok := placeKindOf(name)
	if !ok || lx.orgWords.has(name) || lx.placeWords.has(name) || lookupLower(s.lower, name) > 0 {
		return false
	}
	if kind != placeCity {
		return true
	}
	alone := s.groups[nameKey(name)]
	return !isGivenName(name) && (afterOf || alone != nil && alone.strong)
}

// isCompassWord reports whether w names a part of a place by its
// direction: "Southern", "North", "Central", "Southeastern".
func isCompassWord(w string) bool {
	if w == "Central" {
		return true
	}
	for _, d := range []string{"North", "South", "East", "West"} {
		if rest, ok := strings.CutPrefix(w, d); ok {
			rest = strings.TrimSuffix(rest, "ern")
			return rest == "" || rest == "east" || rest == "west"
		}
	}
	return false
}

// build turns the groups into entities.
func (s *entityScanner) build() {
	lx := words()
	s.nestedPlaces()
	for _, g := range s.order {
		if g.merged {
			continue
		}
		entry, known := lx.gazetteer[g.key]
		if !g.strong && !known || !known && s.neverEntity(g) || g.attributive > 0 && g.attributive == len(g.mentions) {
			continue // the last: an adjective, "the Mediterranean orchards"
		}
		kind := s.classify(g)
		if kind == "" {
			continue // no kind can be told: not an entity
		}
		name := g.forms[0]
		if known && slices.Contains(g.forms, entry.Name) {
			name = entry.Name // "North Korea", not "DPRK"
		} else if (len(name) > maxAcronymLen || strings.Contains(name, " ")) && isUpperWord(name) {
			// "Kilbride", not the "KILBRIDE" of a dateline, where the
			// text writes it so too; an acronym ("NATO") stays
			for _, f := range g.forms {
				if !isUpperWord(f) && strings.EqualFold(f, name) {
					name = f
					break
				}
			}
		}
		if kind == KindPerson {
			for _, f := range g.forms {
				if len(strings.Fields(f)) > len(strings.Fields(name)) {
					name = f
				}
			}
			if bare := s.withoutRole(name); bare != name {
				g.forms = append(g.forms, name) // kept as an alias
				name = bare
			} else if f := strings.Fields(name); len(f) > 2 && slices.Contains(g.forms, strings.Join(f[1:], " ")) {
				name = strings.Join(f[1:], " ") // "Critic Jonas Berg" where the text also says "Jonas Berg"
			}
		}
		var aliases []string
		for _, f := range g.forms {
			if f != name && !slices.Contains(aliases, f) {
				aliases = append(aliases, f)
			}
		}
		for _, f := range g.titled {
			if f != name && !slices.Contains(aliases, f) {
				aliases = append(aliases, f)
			}
		}
		if term, ok := lx.topicTerms[g.key]; ok && term != name && !slices.Contains(aliases, term) {
			aliases = append(aliases, term)
		}
		if known && nameKey(entry.Name) != nameKey(name) && !slices.Contains(aliases, entry.Name) {
			aliases = append(aliases, entry.Name)
		}
		mentions := sortMentions(g.mentions)
		ms := make([]Mention, len(mentions))
		for k, m := range mentions {
			ms[k] = m.toMention()
		}
		s.found = append(s.found, Entity{Name: name, Kind: kind, Aliases: aliases, Mentions: ms})
	}
}

// sortMentions sorts a group's mentions in place by paragraph and
// start, and drops those that repeat one. A group's mentions are runs in
// the order of the text, each after the one before: its own, then those
// of each group merged into it. Runs whose mentions all start apart
// have one order, which merging them finds in linear time a run;
// others are sorted, with the comparison build always sorted them by.
func sortMentions(ms []mention) []mention {
	var runs []int // where each run but the first starts
	for k := 1; k < len(ms); k++ {
		if !mentionBefore(ms[k-1], ms[k]) {
			runs = append(runs, k)
		}
	}
	if len(runs) == 0 {
		return ms
	}
	if merged, ok := mergeRuns(ms, runs); ok {
		return merged
	}
	slices.SortFunc(ms, func(a, b mention) int {
		return cmp.Or(cmp.Compare(a.para, b.para), cmp.Compare(a.start, b.start))
	})
	return slices.Compact(ms)
}

// mentionBefore reports whether a starts before b.
func mentionBefore(a, b mention) bool {
	return a.para < b.para || a.para == b.para && a.start < b.start
}

// mergeRuns merges the runs of ms that start at 0 and at each of runs,
// each in order, pairwise until one is left, into new slices, leaving ms
// as it is. It reports false when two mentions start at one place.
func mergeRuns(ms []mention, runs []int) ([]mention, bool) {
	bounds := append(append([]int{0}, runs...), len(ms))
	src := ms
	var bufs [2][]mention // written in turn, pass by pass
	for pass := 0; len(bounds) > 2; pass++ {
		if bufs[pass%2] == nil {
			bufs[pass%2] = make([]mention, len(ms))
		}
		dst := bufs[pass%2]
		next := bounds[:1]
		for r := 0; r+1 < len(bounds); r += 2 {
			from, mid, to := bounds[r], bounds[r+1], len(ms)
			if r+2 < len(bounds) {
				to = bounds[r+2]
			}
			i, j, k := from, mid, from
			for i < mid && j < to {
				a, b := src[i], src[j]
				if a.para == b.para && a.start == b.start {
					return nil, false
				}
				if mentionBefore(a, b) {
					dst[k], i = a, i+1
				} else {
					dst[k], j = b, j+1
				}
				k++
			}
			k += copy(dst[k:], src[i:mid])
			copy(dst[k:], src[j:to])
			next = append(next, to)
		}
		bounds, src = next, dst
	}
	return src, true
}

// sortEntities orders entities by kind, then by mentions, most first;
// ties keep their order.
func sortEntities(es []Entity) {
	slices.SortStableFunc(es, func(a, b Entity) int {
		return cmp.Or(
			cmp.Compare(kindIndex(a.Kind), kindIndex(b.Kind)),
			cmp.Compare(len(b.Mentions), len(a.Mentions)),
		)
	})
}
