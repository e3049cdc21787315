package model

import (
	"embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// dataFiles holds the word lists the extractors use; model/data/README.md
// records where each comes from.
//
//go:embed data/*.txt
var dataFiles embed.FS

// maxEntryLen is the longest entry of a word set, in bytes once folded. A
// lookup folds its word into a buffer this long, so it never allocates.
const maxEntryLen = 32

// wordSet is a set of words (or short phrases) looked up the way text
// writes them: without regard to case, and with the curly apostrophe read
// as the straight one, so "Don’t" finds "don't". Every word list goes
// through it; its entries are folded when the set is made.
type wordSet struct {
	m map[string]struct{}
	// class is the set's bit among the word classes that an index reads
	// once for every distinct word (see lexicon.classes), or 0 for a set
	// without one.
	class wordClass
}

// wordClass is a set of word sets, a bit each: the sets a word belongs
// to, of those given a class in loadLexicon.
type wordClass uint64

// newWordSet makes a set of the words.
func newWordSet(words ...string) wordSet {
	s := wordSet{m: make(map[string]struct{}, len(words))}
	for _, w := range words {
		s.m[foldWord(w)] = struct{}{}
	}
	return s
}

// has reports whether w is in the set. It does not allocate.
func (s wordSet) has(w string) bool {
	_, ok := lookup(s.m, w)
	return ok
}

// inText reports whether text holds one of the set's words as a whole
// word: a run of letters with apostrophes. It does not allocate.
func (s wordSet) inText(text string) bool {
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) && r2 != '\'' && r2 != '’' {
				break
			}
			j += n2
		}
		if s.has(text[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// joinWordSets returns a new set holding the entries of every set.
func joinWordSets(sets ...wordSet) wordSet {
	out := wordSet{m: map[string]struct{}{}}
	for _, s := range sets {
		for w := range s.m {
			out.m[w] = struct{}{}
		}
	}
	return out
}

// wordMap maps words, looked up as a wordSet looks them up, to values.
type wordMap[V any] struct{ m map[string]V }

// get returns the value of w, or the zero value when w has none. It does
// not allocate.
func (m wordMap[V]) get(w string) V {
	v, _ := lookup(m.m, w)
	return v
}

// lookup looks w up in m, whose keys are folded (see fold). A word
// already in folded form, as most words of running text are, is looked up
// as it is; any other is folded into a buffer on the stack.
func lookup[V any](m map[string]V, w string) (V, bool) {
	i := 0
	for i < len(w) && w[i] < utf8.RuneSelf && (w[i] < 'A' || w[i] > 'Z') {
		i++
	}
	if i == len(w) {
		v, ok := m[w]
		return v, ok
	}
	var buf [maxEntryLen]byte
	n, ok := fold(&buf, w)
	if !ok {
		var zero V
		return zero, false
	}
	v, ok := m[string(buf[:n])]
	return v, ok
}

// fold writes the folded form of w into buf, lower case with the curly
// apostrophe made straight, and returns its length. It reports false when
// the folded form is longer than buf, and so than any entry.
func fold(buf *[maxEntryLen]byte, w string) (int, bool) {
	n := 0
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf {
			if n == len(buf) {
				return 0, false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[n] = c
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		if r == '’' {
			r = '\''
		} else {
			r = unicode.ToLower(r)
		}
		if n+utf8.RuneLen(r) > len(buf) {
			return 0, false
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	return n, true
}

// foldWord returns the folded form of w (see fold), of any length.
func foldWord(w string) string {
	return strings.ReplaceAll(strings.ToLower(w), "’", "'")
}

// wordList reads one embedded list: one entry a line, blank lines and lines
// starting with '#' skipped.
func wordList(name string) []string {
	b, err := dataFiles.ReadFile("data/" + name)
	if err != nil {
		// The files are embedded at build time; a missing one is a build
		// mistake that the tests catch, so an empty list is enough here.
		return nil
	}
	var out []string
	for line := range strings.SplitSeq(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		out = append(out, line)
	}
	return out
}

// listSet reads an embedded list into a word set.
func listSet(name string) wordSet {
	return newWordSet(wordList(name)...)
}

// cueWord is what a word is to the cue passes (see lexicon.cueWords).
type cueWord struct {
	// base is the base form of the reporting verb the word is a form of.
	base string
	// other is set for the word of another cue.
	other bool
}

// lexicon is every word list lede knows, loaded in one place: the
// embedded lists of model/data and the few closed sets of function words
// written here. Each set's comment names the list it holds.
type lexicon struct {
	// Names.

	// honorifics are titles before a person's name (honorifics.txt).
	honorifics wordSet
	// nameParticles are the lower-case words inside a person's name
	// (name-particles.txt): "Ludwig van Beethoven", "Hafez al Assad".
	nameParticles wordSet
	// titleConnectors join the words of a title or a name: "Secretary of
	// State", "Arts and Humanities".
	titleConnectors wordSet
	// orgConnectors join the words of an organisation's or a place's name
	// only: "Centre for Ageing", "Bank of the West" (an ampersand between
	// names does not break their run: see appendTokens).
	orgConnectors wordSet
	// stopWords are capitalised at a sentence start but never a name on
	// their own (stopwords.txt).
	stopWords wordSet
	// companySuffixes end a company's name (company-suffixes.txt).
	companySuffixes wordSet
	// demonyms are nationality words, not entities on their own
	// (demonyms.txt).
	demonyms wordSet
	// holidays are feasts and festivals, never entities (holidays.txt).
	holidays wordSet
	// orgWords are head words that make a capitalised name an
	// organisation (organization-words.txt).
	orgWords wordSet
	// placeWords are head words that make a capitalised name a place
	// (place-words.txt).
	placeWords wordSet
	// companyCues are words around a name that make it a company
	// (company-cues.txt).
	companyCues wordSet
	// businessWords mark a text about business (business-words.txt).
	businessWords wordSet
	// hyphenSuffixes turn a name into an adjective after a hyphen
	// (hyphen-suffixes.txt): "Orwell-like".
	hyphenSuffixes wordSet
	// clubWords end the names of sports clubs: "Ashcombe Rovers", "Dunmore
	// Athletic".
	clubWords wordSet
	// placeCues are the prepositions before a place: "in China", "across
	// Europe".
	placeCues wordSet
	// gazetteer maps a name's key (see nameKey) to the entry it names
	// (gazetteer-*.txt).
	gazetteer map[string]gazetteerEntry
	// topicTerms maps a subject term's key (see nameKey) to its usual form
	// (topic-terms.txt).
	topicTerms map[string]string

	// Speakers and interviews.

	// nonSpeakers label content, not a speaker, before a colon
	// (nonspeaker-labels.txt).
	nonSpeakers wordSet
	// interviewerLabels name the one who asks by role
	// (interviewer-labels.txt).
	interviewerLabels wordSet
	// questionOpeners open a direct question (question-openers.txt).
	questionOpeners wordSet
	// imperativeOpeners open a request that closes an interviewer's
	// question (imperative-openers.txt).
	imperativeOpeners wordSet
	// firstPerson are the words of a speaker talking about themself.
	firstPerson wordSet
	// secondPerson are the words of an interviewer addressing the
	// interviewee.
	secondPerson wordSet
	// thirdPerson are the pronouns of a person or of people, not of a
	// thing: he, she, they and their other cases.
	thirdPerson wordSet
	// months are the names of the months, in full and shortened ("Jan",
	// "Sept").
	months wordSet
	// adverbialOpeners are the prepositions and conjunctions that may
	// lead a clause before a sentence's main one ("After the vote, ...").
	adverbialOpeners wordSet
	// firstPersonPlural are the words of speakers talking about
	// themselves together.
	firstPersonPlural wordSet
	// askedObjects are the words a request names its askers by: "Tell me
	// about the first winter.", "Give us a sense of it."
	askedObjects wordSet
	// floorWords are the words of a turn that only hands the floor over
	// or keeps time: "You have two minutes.", "Go ahead.", "Your
	// response?".
	floorWords wordSet
	// courtesyOpeners open a turn that greets ("Good morning."), and
	// thanksWords greet or thank anywhere in one ("Dana, welcome to the
	// show."): such a turn draws a reply, but asks nothing.
	courtesyOpeners, thanksWords wordSet
	// answerOpeners open a reply that answers yes or no or agrees ("Yes.",
	// "Right."), and replyOpeners one that takes up what was just said
	// ("Well, there it is.", "Oh, I know.").
	answerOpeners, replyOpeners wordSet

	// Labels that name a role in a conversation rather than a person:
	// questionLabels make every turn a question ("Q"); answerLabels stand
	// for the interviewee (answer-labels.txt); leadLabels for one who
	// leads and may ask, a host, a moderator, a chair (lead-labels.txt);
	// audienceLabels for those who may put a question from the floor
	// (audience-labels.txt).
	questionLabels, answerLabels, leadLabels, audienceLabels wordSet

	// Quotes.

	// reporting maps each form of a reporting verb ("says", "told") to its
	// base form (reporting-verbs.txt).
	reporting wordMap[string]
	// clauseVerbs are the base forms of the reporting verbs whose reported
	// clause may follow them straight (clause-verbs.txt).
	clauseVerbs wordSet
	// passiveVerbs are the base forms of the reporting verbs of a passive
	// cue without a speaker (passive-verbs.txt).
	passiveVerbs wordSet
	// objectVerbs are the base forms of the reporting verbs whose content
	// may be their object (object-verbs.txt): "denied the claim".
	objectVerbs wordSet
	// infinitiveVerbs are the base forms of the reporting verbs whose
	// content may be an infinitive (infinitive-verbs.txt): "plans to sell".
	infinitiveVerbs wordSet
	// timeWords name a day or a time: they may stand between a speaker
	// and the cue ("the board on Monday approved") or after it ("said on
	// Wednesday they ...").
	timeWords wordSet
	// timeLeads open a phrase of time ("on Monday", "last week").
	timeLeads wordSet
	// phrasePrepositions join a speaker's head noun to what it belongs to
	// ("spokesman for the port", "residents of the village").
	phrasePrepositions wordSet
	// quantifiers open a speaker of a group, before "of" ("one of the
	// children", "many of the residents").
	quantifiers wordSet
	// coordinators join two cues of one speaker ("denied it and said").
	coordinators wordSet
	// contrasts open, after a comma, the clause of a second speaker's cue
	// ("..., while some say ...").
	contrasts wordSet
	// concessions open, after a comma, a clause that is not part of
	// reported words before it (", although ...").
	concessions wordSet
	// documentNouns name what states something for its maker ("the
	// council's report", "the firm's figures").
	documentNouns wordSet
	// cueWords maps every word of a cue to what it is: a form of a
	// reporting verb (its base), or another cue's word ("according",
	// "per", a hearsay adverb, a cue noun). Made from those lists, so that
	// a sentence's cue words are found with one lookup a word.
	cueWords wordMap[cueWord]
	// asVerbs are the base forms of the reporting verbs that attribute only
	// with the label "as" gives ("attacked the plan as a waste"): "attack",
	// "hail", "brand".
	asVerbs wordSet
	// modalLinks stand before "to" and a cue that is still the subject's
	// ("has to approve", "went on to say").
	modalLinks wordSet
	// namingVerbs are the base forms of the reporting verbs that give a
	// name or a label ("called it "unexpected"").
	namingVerbs wordSet
	// relatives are the pronouns that may be the subject of a cue in a
	// relative clause ("the firm, which said ...").
	relatives wordSet
	// beForms are the forms of "be" that make a passive.
	beForms wordSet
	// passiveLinks may follow the verb of a passive whose subject is what
	// is reported ("is expected to", "was sentenced to", "is described
	// as", "was charged with").
	passiveLinks wordSet
	// cueNouns carry an attribution when "that" or an infinitive follows
	// them (cue-nouns.txt).
	cueNouns wordSet
	// feelingVerbs are the base forms of the reporting verbs of a feeling
	// about something after "be" (feeling-verbs.txt): "are worried that".
	feelingVerbs wordSet
	// feelingLinks join a feeling to what it is about ("pleased with").
	feelingLinks wordSet
	// governedPrepositions may join a verb of objectVerbs to its object
	// ("called for", "warned of").
	governedPrepositions wordSet
	// personPronouns are the pronouns a reporting cue may use for a person.
	personPronouns wordSet
	// cueBlockers before a reporting verb make it no cue (cue-blockers.txt).
	cueBlockers wordSet
	// cueAdverbs may stand between a speaker and a reporting verb
	// (cue-adverbs.txt).
	cueAdverbs wordSet
	// determiners open a noun phrase that may speak: "the ministry said".
	determiners wordSet
	// postNominals are letters after a name, set off by commas
	// (post-nominals.txt).
	postNominals wordSet
	// clauseSubjects may open a reported clause straight after its verb:
	// "said he would ...".
	clauseSubjects wordSet
	// nonClauseStarts show, straight after a reporting verb, that no
	// reported clause follows it (non-clause-starts.txt).
	nonClauseStarts wordSet
	// clauseConjunctions open a new clause of the sentence, not a reported
	// one: "..." she said, but refused to say more.
	clauseConjunctions wordSet
	// finiteVerbs are auxiliaries that show words form a clause of their
	// own (finite-verbs.txt).
	finiteVerbs wordSet
	// hearers may follow "told" as the one told (hearers.txt).
	hearers wordSet
	// hearsayAdverbs mark a clause as reported without naming its source.
	hearsayAdverbs wordSet

	// Topics and sections.

	// genericModifiers open noun phrases without saying what they are
	// about (generic-modifiers.txt).
	genericModifiers wordSet
	// commonVerbs break noun phrases (common-verbs.txt).
	commonVerbs wordSet
	// numberWords count (number-words.txt): "twelve", "thousand", "fifth".
	numberWords wordSet
	// units measure a quantity or a time after a number (units.txt):
	// "per cent", "tonnes", "minutes".
	units wordSet
	// adverbs are the adverbs, prepositions and particles the stop words
	// lack (adverbs.txt): "back", "beside", "overnight", "harder".
	adverbs wordSet
	// predicateAdjectives follow a verb far more often than they head a
	// noun (predicate-adjectives.txt): "safe", "hollow", "wrong".
	predicateAdjectives wordSet
	// singularDeterminers open a noun phrase whose head is singular: "a",
	// "every".
	singularDeterminers wordSet
	// modals are the modal verbs, which a verb's base form follows: "could
	// face similar cuts".
	modals wordSet
	// actionVerbs are the verbs seldom used as nouns, in every form but
	// the regular past: the base forms of action-verbs.txt, inflected, and
	// the irregular past forms of past-verbs.txt ("keeps", "bringing",
	// "taught").
	actionVerbs wordSet
	// nonContent joins the stop words and the cue blockers (auxiliaries):
	// words that say nothing of a paragraph's subject.
	nonContent wordSet
	// nonTopic joins the non-content words, the common verbs, the action
	// verbs, the number words, the units, the adverbs and every form of
	// the reporting verbs: words that are never part of a key phrase.
	nonTopic wordSet

	// Text and pages.

	// abbreviations end in a full stop inside a sentence
	// (abbreviations.txt).
	abbreviations wordSet
	// companyNouns are the nouns that make a name a company in apposition
	// after them (company-nouns.txt).
	companyNouns wordSet
	// numberAbbreviations are the abbreviations written before a number,
	// which end no sentence only when a digit follows
	// (number-abbreviations.txt).
	numberAbbreviations wordSet
	// furniture maps the words of HTML class names and ids to the reason
	// the page furniture they mark is removed (page-furniture.txt).
	furniture wordMap[string]

	// classes maps every word of the sets with a class (see
	// wordSet.class) to the classes it belongs to: the sets the quote,
	// entity and topic passes ask of a sentence's words, which an index
	// reads once for every distinct word (see sentence.in).
	classes map[string]wordClass
}

// gazetteerEntry is a known name: its usual form and its kind.
type gazetteerEntry struct {
	Name string
	Kind EntityKind
}

var (
	// lexiconOnce loads the lexicon on first use.
	lexiconOnce sync.Once
	// loadedLexicon is the lexicon, once loaded.
	loadedLexicon *lexicon
)

// words returns the lexicon, loading it on first use. The extractors ask
// for it at every word they read, so it is small enough to inline.
func words() *lexicon {
	lexiconOnce.Do(loadLexicon)
	return loadedLexicon
}

// loadLexicon reads every list into loadedLexicon.
func loadLexicon() {
	lx := &lexicon{
		honorifics:      listSet("honorifics.txt"),
		nameParticles:   listSet("name-particles.txt"),
		titleConnectors: newWordSet("of", "and"),
		orgConnectors:   newWordSet("for", "the"),
		stopWords:       listSet("stopwords.txt"),
		companySuffixes: listSet("company-suffixes.txt"),
		demonyms:        listSet("demonyms.txt"),
		holidays:        listSet("holidays.txt"),
		orgWords:        listSet("organization-words.txt"),
		placeWords:      listSet("place-words.txt"),
		companyCues:     listSet("company-cues.txt"),
		businessWords:   listSet("business-words.txt"),
		hyphenSuffixes:  listSet("hyphen-suffixes.txt"),
		clubWords:       newWordSet("Rovers", "Athletic", "Wanderers", "Albion", "Rangers", "FC", "AFC", "Hotspur", "Argyle"),
		placeCues:       newWordSet("in", "near", "across", "throughout", "outside", "inside"),
		gazetteer:       map[string]gazetteerEntry{},
		topicTerms:      map[string]string{},

		nonSpeakers:       listSet("nonspeaker-labels.txt"),
		interviewerLabels: listSet("interviewer-labels.txt"),
		questionOpeners:   listSet("question-openers.txt"),
		imperativeOpeners: listSet("imperative-openers.txt"),
		firstPerson:       newWordSet("i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"),
		secondPerson:      newWordSet("you", "your", "yours", "yourself", "you're", "you've", "you'd", "you'll"),
		months: newWordSet("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
			"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"),
		thirdPerson: newWordSet("he", "she", "they", "him", "her", "them", "his", "hers", "their"),
		adverbialOpeners: newWordSet("after", "before", "during", "in", "on", "at", "for", "with", "without", "despite", "since", "when", "while",
			"as", "although", "though", "if", "because", "unlike", "like", "until", "once", "following", "from", "by", "over", "under"),
		firstPersonPlural: newWordSet("we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll"),
		askedObjects:      newWordSet("me", "us"),
		floorWords:        newWordSet("minute", "minutes", "seconds", "floor", "ahead", "respond", "response", "rebuttal", "time"),
		courtesyOpeners:   newWordSet("hi", "good", "congratulations"),
		questionLabels:    newWordSet("q", "question"),
		answerLabels:      listSet("answer-labels.txt"),
		leadLabels:        listSet("lead-labels.txt"),
		audienceLabels:    listSet("audience-labels.txt"),
		thanksWords:       newWordSet("thank", "thanks", "welcome", "hello", "goodbye"),
		answerOpeners:     newWordSet("yes", "no", "yeah", "yep", "nope", "correct", "exactly", "right", "absolutely", "definitely", "certainly", "indeed", "uh-huh", "mm-hm", "mhm"),
		replyOpeners:      newWordSet("well", "oh", "ah", "mm", "hmm", "gosh"),

		reporting:       wordMap[string]{m: map[string]string{}},
		clauseVerbs:     listSet("clause-verbs.txt"),
		passiveVerbs:    listSet("passive-verbs.txt"),
		objectVerbs:     listSet("object-verbs.txt"),
		infinitiveVerbs: listSet("infinitive-verbs.txt"),
		timeWords: newWordSet("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
			"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
			"week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"),
		timeLeads:          newWordSet("on", "in", "last", "this", "next", "early", "late"),
		phrasePrepositions: newWordSet("of", "for", "at", "in", "from", "on", "with", "by"),
		quantifiers:        newWordSet("one", "two", "three", "some", "many", "most", "all", "several", "few", "each", "both", "none", "half"),
		coordinators:       newWordSet("and", "but"),
		contrasts:          newWordSet("while", "whereas", "but", "and"),
		concessions:        newWordSet("although", "though", "despite"),
		documentNouns: newWordSet("report", "reports", "figures", "data", "statement", "statements", "study", "survey", "records",
			"documents", "website", "release", "filing", "letter", "analysis", "estimates", "findings", "database", "post", "account",
			"research", "review", "audit", "assessment", "poll", "photos", "footage", "accounts", "minutes"),
		asVerbs:              newWordSet("attack", "hail", "brand"),
		modalLinks:           newWordSet("has", "have", "had", "need", "needs", "needed", "on", "continued", "went"),
		namingVerbs:          newWordSet("call", "describe", "label", "characterise", "characterize", "name"),
		relatives:            newWordSet("which", "who", "that"),
		beForms:              newWordSet("is", "are", "was", "were", "be", "been", "being"),
		passiveLinks:         newWordSet("to", "that", "as", "with", "of", "from", "over", "for"),
		cueNouns:             listSet("cue-nouns.txt"),
		feelingVerbs:         listSet("feeling-verbs.txt"),
		feelingLinks:         newWordSet("about", "with", "by", "at", "over"),
		governedPrepositions: newWordSet("for", "about", "of", "against", "on"),
		personPronouns:       newWordSet("he", "she", "they"),
		cueBlockers:          listSet("cue-blockers.txt"),
		cueAdverbs:           listSet("cue-adverbs.txt"),
		determiners:          newWordSet("the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"),
		postNominals:         listSet("post-nominals.txt"),
		clauseSubjects:       newWordSet("he", "she", "they", "it", "the", "there", "we", "i", "this", "these", "no"),
		nonClauseStarts:      listSet("non-clause-starts.txt"),
		clauseConjunctions:   newWordSet("but", "and", "or", "nor", "yet"),
		finiteVerbs:          listSet("finite-verbs.txt"),
		hearers:              listSet("hearers.txt"),
		hearsayAdverbs:       newWordSet("reportedly", "allegedly", "purportedly", "reputedly"),

		genericModifiers:    listSet("generic-modifiers.txt"),
		commonVerbs:         listSet("common-verbs.txt"),
		numberWords:         listSet("number-words.txt"),
		units:               listSet("units.txt"),
		singularDeterminers: newWordSet("a", "an", "each", "every", "another", "either", "neither"),
		modals:              newWordSet("will", "would", "can", "could", "may", "might", "must", "should", "shall"),
		adverbs:             listSet("adverbs.txt"),
		predicateAdjectives: listSet("predicate-adjectives.txt"),
		actionVerbs:         newWordSet(append(verbForms(wordList("action-verbs.txt")), wordList("past-verbs.txt")...)...),

		abbreviations:       listSet("abbreviations.txt"),
		numberAbbreviations: listSet("number-abbreviations.txt"),
		companyNouns:        listSet("company-nouns.txt"),
		furniture:           wordMap[string]{m: map[string]string{}},
	}
	for _, line := range wordList("topic-terms.txt") {
		names := strings.Split(line, "|")
		for _, n := range names {
			if k := nameKey(strings.TrimSpace(n)); k != "" {
				lx.topicTerms[k] = strings.TrimSpace(names[0])
			}
		}
	}
	for _, line := range wordList("reporting-verbs.txt") {
		forms := strings.Split(line, ",")
		base := foldWord(strings.TrimSpace(forms[0]))
		for _, f := range forms {
			if f = strings.TrimSpace(f); f != "" {
				lx.reporting.m[foldWord(f)] = base
			}
		}
	}
	// The non-topic words take in the reporting verbs, so they are joined
	// only now that those are loaded.
	lx.nonContent = joinWordSets(lx.stopWords, lx.cueBlockers)
	lx.nonTopic = joinWordSets(lx.nonContent, lx.commonVerbs, lx.actionVerbs, lx.numberWords, lx.units, lx.adverbs)
	for form := range lx.reporting.m {
		lx.nonTopic.m[form] = struct{}{}
	}
	lx.cueWords = wordMap[cueWord]{m: map[string]cueWord{"according": {other: true}, "per": {other: true}}}
	for _, set := range []wordSet{lx.cueNouns, lx.hearsayAdverbs} {
		for w := range set.m {
			lx.cueWords.m[w] = cueWord{other: true}
		}
	}
	for form, base := range lx.reporting.m {
		c := lx.cueWords.m[form]
		c.base = base
		lx.cueWords.m[form] = c
	}
	for _, line := range wordList("page-furniture.txt") {
		reason, list, _ := strings.Cut(line, ":")
		for w := range strings.SplitSeq(list, ",") {
			if w = strings.TrimSpace(w); w != "" {
				lx.furniture.m[foldWord(w)] = strings.TrimSpace(reason)
			}
		}
	}
	for _, g := range []struct {
		file string
		kind EntityKind
	}{
		{"gazetteer-places.txt", KindPlace},
		{"gazetteer-companies.txt", KindCompany},
		{"gazetteer-organizations.txt", KindOrganization},
	} {
		for _, line := range wordList(g.file) {
			names := strings.Split(line, "|")
			entry := gazetteerEntry{Name: strings.TrimSpace(names[0]), Kind: g.kind}
			for _, n := range names {
				if k := nameKey(strings.TrimSpace(n)); k != "" {
					lx.gazetteer[k] = entry
				}
			}
		}
	}
	lx.classes = map[string]wordClass{}
	for n, set := range []*wordSet{
		&lx.determiners, &lx.finiteVerbs, &lx.timeLeads, &lx.beForms, &lx.nonClauseStarts, &lx.cueAdverbs,
		&lx.clauseConjunctions, &lx.contrasts, &lx.timeWords, &lx.quantifiers, &lx.personPronouns, &lx.cueNouns,
		&lx.coordinators, &lx.stopWords, &lx.relatives, &lx.phrasePrepositions, &lx.modalLinks, &lx.hearsayAdverbs,
		&lx.hearers, &lx.governedPrepositions, &lx.documentNouns, &lx.genericModifiers, &lx.singularDeterminers,
		&lx.predicateAdjectives, &lx.modals, &lx.businessWords, &lx.nameParticles, &lx.titleConnectors, &lx.orgConnectors,
		&lx.orgWords, &lx.placeWords, &lx.companySuffixes, &lx.companyCues, &lx.placeCues, &lx.cueBlockers,
		&lx.clauseSubjects,
	} {
		set.class = 1 << n
		for w := range set.m {
			lx.classes[w] |= set.class
		}
	}
	loadedLexicon = lx
}

// verbForms returns the verbs with their third person and -ing forms:
// "keep" gives "keeps" and "keeping", "carry" "carries", "reach"
// "reaches", "serve" "serving", "let" "letting".
func verbForms(verbs []string) []string {
	out := make([]string, 0, 3*len(verbs))
	for _, v := range verbs {
		out = append(out, v)
		n := len(v)
		if n < 2 {
			continue
		}
		last, before := v[n-1], v[n-2]
		switch {
		case last == 'y' && !isVowel(rune(before)):
			out = append(out, v[:n-1]+"ies")
		case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "sh"):
			out = append(out, v+"es")
		default:
			out = append(out, v+"s")
		}
		switch {
		case last == 'e' && before != 'e':
			out = append(out, v[:n-1]+"ing")
		case n <= 4 && n >= 3 && !isVowel(rune(last)) && last != 'w' && isVowel(rune(before)) && !isVowel(rune(v[n-3])):
			// A short verb ending in one vowel and a consonant doubles
			// it: "let", "letting"; "sit", "sitting".
			out = append(out, v+v[n-1:]+"ing")
		default:
			out = append(out, v+"ing")
		}
	}
	return out
}
