package model

import "testing"

func TestDisplayName(t *testing.T) {
	for in, want := range map[string]string{
		"https://reader:secret@example.com/a":    "https://reader:xxxxx@example.com/a",
		"https://example.com/a?b=c":              "https://example.com/a?b=c",
		"http://":                                "http://",
		"notes/evil\x1b]0;PWNED\x07\x1b[31m.txt": "notes/evil.txt",
		"two\nlines\tand a tab.md":               "two lines and a tab.md",
	} {
		if got := DisplayName(in); got != want {
			t.Errorf("DisplayName(%q) = %q, want %q", in, got, want)
		}
	}
}
