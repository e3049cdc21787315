package model

import "testing"

func TestLinkURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.com/a?b=c": "https://example.com/a?b=c",
		" HTTP://Example.com ":      "http://Example.com",
		"mailto:ed@example.org":     "mailto:ed@example.org",
		"javascript:alert(1)":       "",
		"data:text/html,hi":         "",
		"file:///etc/passwd":        "",
		"/relative/path":            "",
		"https:///no-host":          "",
		"mailto:":                   "",
		"http://a/\x1b[2J":          "",
	} {
		got, ok := linkURL(in)
		if got != want || ok != (want != "") {
			t.Errorf("linkURL(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
