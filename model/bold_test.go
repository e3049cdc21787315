package model

import (
	"strings"
	"testing"
)

func TestBoldAndHeadingQuestions(t *testing.T) {
	cases := []struct {
		name      string
		in        string
		questions []string
		answerer  string
	}{
		{
			name: "Wikinews interview with questions in bold",
			in:   string(readTestdata(t, "librivox-interview-bold.md")),
			questions: []string{
				"Why did you decide to take the acoustic fate",
				"Do you personally record audiobooks",
				"Browsing the catalog, I find that the quality",
			},
			answerer: "Hugh McGuire",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := Parse("t.md", []byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Exchanges) != len(c.questions) {
				t.Fatalf("%d exchanges, want %d", len(d.Exchanges), len(c.questions))
			}
			for i, e := range d.Exchanges {
				if q := d.Question(e); !strings.HasPrefix(q, c.questions[i]) || strings.Contains(q, "**") {
					t.Errorf("question %d is %q, want it to start %q", i, q, c.questions[i])
				}
				if e.Answerer != c.answerer || d.Answer(e) == "" {
					t.Errorf("exchange %d answered by %q (%q)", i, e.Answerer, d.Answer(e))
				}
			}
		})
	}
}

func TestBoldText(t *testing.T) {
	for in, want := range map[string]string{
		"**Why?**":        "Why?",
		"__Why?__":        "Why?",
		"**a** and **b**": "",
		"** spaced **":    "",
		"****":            "",
		"plain":           "",
	} {
		got, ok := boldText(in)
		if got != want || ok != (want != "") {
			t.Errorf("boldText(%q) = %q, %v", in, got, ok)
		}
	}
}
