package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model/modeltest"
)

// TestHostileSequences feeds every hostile sequence, in every format and
// place, to lede print and lede extract: nothing but lede's own colour and
// safe hyperlinks may reach the terminal, and the JSON holds none of it.
// Printed at the widest --width in a style that colours text and paints
// no background, where any space that ends a line would be padding, no
// line is padded.
func TestHostileSequences(t *testing.T) {
	colourOnly := writeInput(t, "colour-only.json", []byte(`{"document": {"color": "252", "margin": 2}, "heading": {"color": "39", "bold": true}}`))
	for _, in := range modeltest.Hostile() {
		t.Run(in.Name, func(t *testing.T) {
			_, container, _ := strings.Cut(in.Name, "/")
			path := writeInput(t, container, in.Data)
			for _, width := range []string{"0", "500"} {
				for _, style := range []string{"notty", "dark"} {
					r := lede(t, "", "print", "--style", style, "--width", width, path)
					if r.code != 0 {
						t.Fatalf("print: exit %d, %s", r.code, r.stderr)
					}
					if why := modeltest.Unsafe(r.stdout); why != "" || style == "notty" && strings.Contains(r.stdout, "\x1b") {
						t.Fatalf("print --style %s --width %s: %s in\n%q", style, width, why, r.stdout)
					}
				}
			}
			r := lede(t, "", "print", "--style", colourOnly, "--width", "500", path)
			for _, line := range strings.Split(r.stdout, "\n") {
				if r.code != 0 || strings.HasSuffix(ansi.Strip(line), " ") {
					t.Fatalf("print --width 500: exit %d, padded line %q", r.code, line)
				}
			}
			r = lede(t, "", "extract", path)
			if r.code != 0 || strings.Contains(r.stdout, "\x1b") || modeltest.Unsafe(r.stdout) != "" {
				t.Fatalf("extract: exit %d, %s, raw controls in the JSON", r.code, r.stderr)
			}
			var doc any
			if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
				t.Fatal(err)
			}
			walkStrings(doc, func(s string) {
				if why := modeltest.Unsafe(s); why != "" || strings.Contains(s, "\x1b") {
					t.Fatalf("extract: %s in %q", why, s)
				}
			})
		})
	}
}

// walkStrings calls f on every string in a decoded JSON value.
func walkStrings(v any, f func(string)) {
	switch v := v.(type) {
	case string:
		f(v)
	case []any:
		for _, e := range v {
			walkStrings(e, f)
		}
	case map[string]any:
		for k, e := range v {
			f(k)
			walkStrings(e, f)
		}
	}
}
