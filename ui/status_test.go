package ui

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCountsAgreeWithTheirNumber checks that a count of one thing is in
// the singular wherever lede writes one: the status line and the shelf.
func TestCountsAgreeWithTheirNumber(t *testing.T) {
	for n, want := range map[int]string{0: "0 quotes", 1: "1 quote", 2: "2 quotes", 12: "12 quotes"} {
		if got := count(n, "quote", "quotes"); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
	m := newReader(t, 120, 40)
	m.doc.Quotes = m.doc.Quotes[:1]
	press(m, "g")
	if s := m.Status(120); !strings.Contains(s, "· 1 quote ·") {
		t.Errorf("status with one quote: %q", s)
	}
	s := newShelf(t)
	run(s, s.Init())
	s.entries = s.entries[:1]
	if v := shelfScreen(s); !strings.Contains(v, "Shelf · 1 document") || strings.Contains(v, "1 documents") {
		t.Errorf("shelf of one document:\n%s", v)
	}
}

// TestStatusSetsFactsApart checks that every fact of the status line is
// set off from the next by " · ", or by two spaces or more where the
// facts about the document end, at every width: none runs into the
// next ("3 min read section 1/2").
func TestStatusSetsFactsApart(t *testing.T) {
	m := newReader(t, 120, 40)
	known := append(facts(m.doc, false), m.position()...)
	known = append(known, m.Focus().String())
	apart := regexp.MustCompile(` · | {2,}`)
	for w := 20; w <= 200; w++ {
		s := strings.TrimSpace(m.Status(w))
		for _, f := range apart.Split(s, -1) {
			if f == "" || f == m.title() || slicesContain(known, f) {
				continue
			}
			// Only the title may be cut, and then it ends in "…".
			if cut, ok := strings.CutSuffix(f, "…"); ok && strings.HasPrefix(m.title(), strings.TrimSpace(cut)) {
				continue
			}
			t.Errorf("width %d: %q is no fact of its own in %q", w, f, s)
		}
		if got := m.styles.Cells.StringWidth(m.Status(w)); got != w {
			t.Errorf("width %d: status is %d wide", w, got)
		}
	}
}

// slicesContain reports whether ss holds s.
func slicesContain(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// TestHelpShowsEveryLetterKey checks that the help names every key that
// is a single character (f pages down, as space does), so no key works
// unlisted.
func TestHelpShowsEveryLetterKey(t *testing.T) {
	m := newReader(t, 120, 40)
	for _, group := range m.FullHelp() {
		for _, b := range group {
			for _, k := range b.Keys() {
				if utf8.RuneCountInString(k) == 1 && !strings.Contains(b.Help().Key, k) {
					t.Errorf("%q does %q but the help lists it as %q", k, b.Help().Desc, b.Help().Key)
				}
			}
		}
	}
}
