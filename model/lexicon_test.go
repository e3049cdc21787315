package model

import (
	"strings"
	"testing"
)

// TestReportingVerbsAreNeverTopics checks that no form of a reporting verb
// can be a word of a key phrase: "warning" or "report" tell how something
// was said, not what it is about.
func TestReportingVerbsAreNeverTopics(t *testing.T) {
	for form := range words().reporting {
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
