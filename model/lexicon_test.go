package model

import (
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
