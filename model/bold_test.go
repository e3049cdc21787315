package model

import "testing"

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
