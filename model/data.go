package model

import (
	"embed"
	"strings"
	"sync"
)

// dataFiles holds the word lists the extractors use; model/data/README.md
// records where each comes from.
//
//go:embed data/*.txt
var dataFiles embed.FS

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

// joinSets returns a new set holding the members of every set.
func joinSets(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, s := range sets {
		for k := range s {
			out[k] = true
		}
	}
	return out
}

// wordSet reads an embedded list into a set of lower-cased entries.
func wordSet(name string) map[string]bool {
	list := wordList(name)
	set := make(map[string]bool, len(list))
	for _, w := range list {
		set[strings.ToLower(w)] = true
	}
	return set
}

// lexicon is every embedded list, parsed once on first use.
type lexicon struct {
	// reporting maps each form of a reporting verb ("says", "told",
	// "pointed out") to its base form.
	reporting map[string]string
	// reportingMulti lists the multi-word reporting verbs' first words.
	reportingMulti map[string][]string
	honorifics     map[string]bool
	nonSpeakers    map[string]bool
	stopWords      map[string]bool
	suffixes       map[string]bool
	// gazetteer maps a name's key (see nameKey) to the entry it names.
	gazetteer map[string]gazetteerEntry
	// demonyms are nationality words, not entities on their own.
	demonyms map[string]bool
	// orgWords are head words that make a capitalised name an organisation.
	orgWords map[string]bool
	// placeWords are head words that make a capitalised name a place.
	placeWords map[string]bool
	// nonTopic joins the stop words, common verbs, auxiliaries and
	// reporting verbs: words that are never part of a key phrase.
	nonTopic map[string]bool
	// nonContent joins the stop words and auxiliaries: words that say
	// nothing of a paragraph's subject.
	nonContent map[string]bool
	// topicTerms maps a subject term's key to its usual form.
	topicTerms map[string]string
	// interviewerLabels are labels that mark the interviewer's turns.
	interviewerLabels map[string]bool
}

// gazetteerEntry is a known name: its usual form and its kind.
type gazetteerEntry struct {
	Name string
	Kind EntityKind
}

// words returns the lexicon, loading it on first use.
var words = sync.OnceValue(func() *lexicon {
	lx := &lexicon{
		reporting:         map[string]string{},
		reportingMulti:    map[string][]string{},
		honorifics:        wordSet("honorifics.txt"),
		nonSpeakers:       wordSet("nonspeaker-labels.txt"),
		stopWords:         wordSet("stopwords.txt"),
		suffixes:          wordSet("company-suffixes.txt"),
		gazetteer:         map[string]gazetteerEntry{},
		demonyms:          wordSet("demonyms.txt"),
		orgWords:          wordSet("organization-words.txt"),
		placeWords:        wordSet("place-words.txt"),
		interviewerLabels: wordSet("interviewer-labels.txt"),
		topicTerms:        map[string]string{},
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
		base := strings.TrimSpace(forms[0])
		for _, f := range forms {
			f = strings.ToLower(strings.TrimSpace(f))
			if f == "" {
				continue
			}
			lx.reporting[f] = base
			if first, rest, ok := strings.Cut(f, " "); ok {
				lx.reportingMulti[first] = append(lx.reportingMulti[first], rest)
			}
		}
	}
	// The non-topic words take in the reporting verbs, so they are joined
	// only now that those are loaded.
	lx.nonContent = joinSets(lx.stopWords, cueBlockers)
	lx.nonTopic = joinSets(lx.nonContent, commonVerbs)
	for form := range lx.reporting {
		lx.nonTopic[form] = true
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
	return lx
})
