package model

import (
	"iter"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestReportingVerbsAreNeverTopics checks that no form of a reporting verb
// can be a word of a key phrase: "warning" or "report" tell how something
// was said, not what it is about.
func TestReportingVerbsAreNeverTopics(t *testing.T) {
	for form := range words().reporting.m {
		if !strings.Contains(form, " ") && isTopicWord(form) {
			t.Errorf("reporting verb %q can be a topic word", form)
		}
	}
	d := mustParse(t, "The harbour board sent a storm warning to the fishing fleet. "+
		"A second storm warning came at noon, and the fishing fleet stayed in.\n\n"+
		"Nobody in the fishing fleet ignored the storm warning.\n")
	var topics []string
	for _, e := range d.Entities {
		if e.Kind == KindTopic {
			topics = append(topics, e.Name)
		}
	}
	for _, name := range topics {
		if strings.Contains(name, "warning") {
			t.Errorf("topics %q hold the reporting verb \"warning\"", topics)
		}
	}
	if !strings.Contains(strings.Join(topics, "|"), "fishing fleet") {
		t.Errorf("topics %q miss \"fishing fleet\"", topics)
	}
}

// TestWordSetLookup checks that a word set is looked up without regard to
// case and with the curly apostrophe read as the straight one, and that
// lookups do not allocate.
func TestWordSetLookup(t *testing.T) {
	s := newWordSet("don't", "Inc.", "über")
	for w, want := range map[string]bool{
		"don't": true, "Don’t": true, "DON'T": true, "dont": false,
		"inc.": true, "INC.": true, "inc": false, "Über": true, "ÜBER": true,
		"": false, strings.Repeat("don't", 20): false,
	} {
		if got := s.has(w); got != want {
			t.Errorf("has(%q) = %v, want %v", w, got, want)
		}
	}
	for text, want := range map[string]bool{
		"I Don’t know.": true, "Über alles": true, "dont": false, "undon't": false,
	} {
		if got := s.inText(text); got != want {
			t.Errorf("inText(%q) = %v, want %v", text, got, want)
		}
	}
	m := wordMap[string]{m: map[string]string{"told": "tell"}}
	if got := m.get("TOLD"); got != "tell" {
		t.Errorf("get(TOLD) = %q, want tell", got)
	}
	if allocs := testing.AllocsPerRun(100, func() {
		s.has("Don’t")
		s.has("ÜBER")
		s.inText("Über alles, I don’t know")
		m.get("Told")
	}); allocs != 0 {
		t.Errorf("lookups allocate %v times", allocs)
	}
}

// lexiconSets names every word set of the lexicon, for the invariants
// below; TestLexiconSetsAreAllChecked keeps it complete.
func lexiconSets(lx *lexicon) map[string]wordSet {
	return map[string]wordSet{
		"honorifics": lx.honorifics, "nameParticles": lx.nameParticles,
		"titleConnectors": lx.titleConnectors, "orgConnectors": lx.orgConnectors,
		"stopWords": lx.stopWords, "companySuffixes": lx.companySuffixes,
		"demonyms": lx.demonyms, "holidays": lx.holidays, "orgWords": lx.orgWords, "placeWords": lx.placeWords,
		"companyCues": lx.companyCues, "businessWords": lx.businessWords,
		"hyphenSuffixes": lx.hyphenSuffixes, "placeCues": lx.placeCues, "clubWords": lx.clubWords,
		"nonSpeakers": lx.nonSpeakers, "interviewerLabels": lx.interviewerLabels,
		"questionOpeners": lx.questionOpeners, "imperativeOpeners": lx.imperativeOpeners,
		"firstPerson": lx.firstPerson, "secondPerson": lx.secondPerson,
		"clauseVerbs": lx.clauseVerbs, "passiveVerbs": lx.passiveVerbs, "objectVerbs": lx.objectVerbs, "infinitiveVerbs": lx.infinitiveVerbs,
		"quantifiers": lx.quantifiers, "contrasts": lx.contrasts, "timeWords": lx.timeWords, "asVerbs": lx.asVerbs, "modalLinks": lx.modalLinks, "namingVerbs": lx.namingVerbs, "documentNouns": lx.documentNouns, "relatives": lx.relatives, "feelingVerbs": lx.feelingVerbs, "feelingLinks": lx.feelingLinks, "concessions": lx.concessions, "cueNouns": lx.cueNouns, "timeLeads": lx.timeLeads, "phrasePrepositions": lx.phrasePrepositions, "coordinators": lx.coordinators, "beForms": lx.beForms,
		"passiveLinks": lx.passiveLinks, "governedPrepositions": lx.governedPrepositions,
		"personPronouns": lx.personPronouns, "cueBlockers": lx.cueBlockers,
		"cueAdverbs": lx.cueAdverbs, "determiners": lx.determiners,
		"postNominals": lx.postNominals, "clauseSubjects": lx.clauseSubjects,
		"nonClauseStarts": lx.nonClauseStarts, "clauseConjunctions": lx.clauseConjunctions,
		"finiteVerbs": lx.finiteVerbs, "hearers": lx.hearers,
		"hearsayAdverbs": lx.hearsayAdverbs, "genericModifiers": lx.genericModifiers,
		"commonVerbs": lx.commonVerbs, "nonContent": lx.nonContent,
		"nonTopic": lx.nonTopic, "abbreviations": lx.abbreviations, "numberAbbreviations": lx.numberAbbreviations, "companyNouns": lx.companyNouns, "thirdPerson": lx.thirdPerson, "months": lx.months, "adverbialOpeners": lx.adverbialOpeners,
		"firstPersonPlural": lx.firstPersonPlural, "askedObjects": lx.askedObjects,
		"floorWords": lx.floorWords, "courtesyOpeners": lx.courtesyOpeners,
		"thanksWords": lx.thanksWords, "questionLabels": lx.questionLabels,
		"answerLabels": lx.answerLabels, "leadLabels": lx.leadLabels,
		"audienceLabels": lx.audienceLabels, "answerOpeners": lx.answerOpeners,
		"replyOpeners": lx.replyOpeners,
		"numberWords":  lx.numberWords, "units": lx.units, "adverbs": lx.adverbs,
		"predicateAdjectives": lx.predicateAdjectives, "modals": lx.modals, "singularDeterminers": lx.singularDeterminers, "actionVerbs": lx.actionVerbs,
	}
}

// TestLexiconSetsAreAllChecked checks that lexiconSets names every word
// set of the lexicon.
func TestLexiconSetsAreAllChecked(t *testing.T) {
	sets := lexiconSets(words())
	typ := reflect.TypeFor[lexicon]()
	for i := range typ.NumField() {
		if f := typ.Field(i); f.Type == reflect.TypeFor[wordSet]() {
			if _, ok := sets[f.Name]; !ok {
				t.Errorf("lexiconSets misses %s", f.Name)
			}
		}
	}
}

// TestLexiconEntries checks every list's entries: no list empty, every
// entry folded (lower case, straight apostrophe), without surrounding
// space and short enough to be found.
func TestLexiconEntries(t *testing.T) {
	lx := words()
	check := func(set string, keys iter.Seq[string], n int) {
		if n == 0 {
			t.Errorf("%s is empty", set)
		}
		for k := range keys {
			if k == "" || k != strings.TrimSpace(k) || k != foldWord(k) || len(k) > maxEntryLen {
				t.Errorf("%s holds %q, which no lookup finds", set, k)
			}
		}
	}
	for name, s := range lexiconSets(lx) {
		check(name, maps.Keys(s.m), len(s.m))
	}
	check("reporting", maps.Keys(lx.reporting.m), len(lx.reporting.m))
	check("furniture", maps.Keys(lx.furniture.m), len(lx.furniture.m))
	if len(lx.gazetteer) == 0 || len(lx.topicTerms) == 0 {
		t.Errorf("the gazetteer has %d names and the topic terms %d", len(lx.gazetteer), len(lx.topicTerms))
	}
}

// TestDataFiles checks the embedded lists as written: each is recorded in
// data/README.md, none lists an entry twice, and entries use the straight
// apostrophe, which lookups read the curly one as.
func TestDataFiles(t *testing.T) {
	readme, err := dataFiles.ReadFile("data/README.md")
	if err != nil {
		readme, err = os.ReadFile(filepath.Join("data", "README.md"))
	}
	if err != nil {
		t.Fatal(err)
	}
	files, err := dataFiles.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := f.Name()
		if !strings.Contains(string(readme), "`"+name+"`") {
			t.Errorf("data/README.md does not record %s", name)
		}
		seen := map[string]bool{}
		named := map[string]string{} // a name's key to the line naming it
		for _, line := range wordList(name) {
			var entries []string
			switch {
			case name == "reporting-verbs.txt":
				entries = strings.Split(line, ",")
			case name == "page-furniture.txt":
				_, list, _ := strings.Cut(line, ":")
				entries = strings.Split(list, ",")
			case strings.HasPrefix(name, "gazetteer-") || name == "topic-terms.txt":
				entries = strings.Split(line, "|")
			default:
				entries = []string{line}
			}
			for _, e := range entries {
				e = strings.TrimSpace(e)
				if strings.ContainsRune(e, '’') {
					t.Errorf("%s: %q has a curly apostrophe", name, e)
				}
				if strings.HasPrefix(name, "gazetteer-") || name == "topic-terms.txt" {
					// Variants of one name may meet under one key ("US",
					// "U.S."); two names may not.
					if k := nameKey(e); named[k] != "" && named[k] != line {
						t.Errorf("%s: %q names both %q and %q", name, e, named[k], line)
					} else {
						named[k] = line
					}
					continue
				}
				key := foldWord(e)
				if seen[key] {
					t.Errorf("%s lists %q twice", name, e)
				}
				seen[key] = true
			}
		}
	}
}

// TestLexiconAgrees checks the lists against each other, where an entry in
// two of them would contradict what the callers do with it.
func TestLexiconAgrees(t *testing.T) {
	lx := words()
	disjoint := func(a, b string, why string) {
		sets := lexiconSets(lx)
		for w := range sets[a].m {
			if sets[b].has(w) {
				t.Errorf("%q is in %s and %s: %s", w, a, b, why)
			}
		}
	}
	// A title before a name is dropped from it and makes it a person's.
	disjoint("honorifics", "placeWords", "a title would make a place a person (\"Mount Kea\")")
	disjoint("honorifics", "orgWords", "a title would make an organisation a person")
	disjoint("honorifics", "companySuffixes", "a title would make a company a person")
	// classify reads a name's head words in order: company suffix,
	// organisation word, place word.
	disjoint("companySuffixes", "orgWords", "the suffix would always win")
	disjoint("companySuffixes", "placeWords", "the suffix would always win")
	disjoint("orgWords", "placeWords", "the organisation word would always win")
	// A name's leading stop words are dropped, but a particle belongs to
	// the name it starts ("Van Dijk").
	disjoint("nameParticles", "stopWords", "a particle would be cut off the name it starts")
	// subjectBefore reads a cue blocker before a pronoun.
	disjoint("personPronouns", "cueBlockers", "\"he said\" would be no cue")
	// clauseStart reads a subject before the words that end a clause.
	disjoint("clauseSubjects", "nonClauseStarts", "the subject would always win")
	disjoint("clauseSubjects", "clauseConjunctions", "the subject would always win")
	// A remark put to the interviewee says "you" and not "I".
	disjoint("firstPerson", "secondPerson", "a remark could never be a question")

	// The verbs of a clause or a passive cue are looked up by their base.
	for _, set := range []string{"clauseVerbs", "passiveVerbs", "objectVerbs", "infinitiveVerbs", "feelingVerbs", "asVerbs"} {
		for v := range lexiconSets(lx)[set].m {
			if lx.reporting.get(v) != v {
				t.Errorf("%s holds %q, not the base form of a reporting verb", set, v)
			}
		}
	}
	// A one-word name that is a demonym or a stop word is dropped before
	// the gazetteer is asked, so only acronyms ("US") may be both.
	for _, file := range []string{"gazetteer-places.txt", "gazetteer-companies.txt", "gazetteer-organizations.txt"} {
		for _, line := range wordList(file) {
			for n := range strings.SplitSeq(line, "|") {
				n = strings.TrimSpace(n)
				if strings.Contains(n, " ") {
					continue
				}
				if lx.demonyms.has(n) || lx.stopWords.has(n) && !(len(n) > 1 && isUpperWord(n)) {
					t.Errorf("%s: %q is a demonym or a stop word, never found as a name", file, n)
				}
			}
		}
	}
	// classify asks the gazetteer before the topic terms.
	for k := range lx.topicTerms {
		if _, ok := lx.gazetteer[k]; ok {
			t.Errorf("topic term %q is in the gazetteer, so never a topic", k)
		}
	}
	// Every interviewer label, written as a label, reads as one.
	for label := range lx.interviewerLabels.m {
		var text string
		for w := range strings.FieldsSeq(label) {
			text += strings.ToUpper(w[:1]) + w[1:] + " "
		}
		text = strings.TrimSpace(text) + ": What happened next?"
		if l, ok := parseLabel(text); !ok || !isInterviewerLabel(l.Speaker) {
			t.Errorf("interviewer label %q does not read as the interviewer's: %q", label, text)
		}
	}
	// Page furniture is removed for one of the reasons lede reports.
	for w, reason := range lx.furniture.m {
		switch reason {
		case reasonComments, reasonShare, reasonRelated, reasonNewsletter:
		default:
			t.Errorf("page furniture %q has the unknown reason %q", w, reason)
		}
	}
}
