package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Search finds every occurrence of query in the paragraphs, in text order.
// It is case-insensitive unless query holds an upper-case letter ("smart
// case"), and any space in query matches any space in the text, so a
// non-breaking space matches a typed one. Matches do not overlap.
func (d *Document) Search(query string) []Mention {
	out, _ := d.SearchUntil(query, nil)
	return out
}

// SearchUntil is Search that gives up as soon as stop reports true, asked
// before each paragraph, and then reports false with the matches found so
// far; a search run in the background stops so when a newer one makes
// its matches unwanted. A nil stop never stops.
func (d *Document) SearchUntil(query string, stop func() bool) ([]Mention, bool) {
	q := []rune(strings.TrimFunc(query, IsSpace))
	if len(q) == 0 {
		return nil, true
	}
	fold := !hasUpper(q)
	starts := firstRunes(q[0], fold)
	var out []Mention
	for p, para := range d.Paragraphs {
		if stop != nil && stop() {
			return out, false
		}
		text := para.Text
		for i := 0; i < len(text); {
			j := strings.IndexAny(text[i:], starts)
			if j < 0 {
				break
			}
			i += j
			if end, ok := matchAt(text, i, q, fold); ok {
				out = append(out, Mention{Paragraph: p, Start: i, End: end})
				i = end
				continue
			}
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
	}
	return out, true
}

// hasUpper reports whether any rune of q is upper case.
func hasUpper(q []rune) bool {
	for _, r := range q {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// firstRunes lists the runes a match can start with: r, its case
// variants when folding, and every space when r is a space.
func firstRunes(r rune, fold bool) string {
	if IsSpace(r) {
		return " \t\n\u00a0\u2007\u202f"
	}
	if !fold {
		return string(r)
	}
	var b strings.Builder
	b.WriteRune(r)
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		b.WriteRune(f)
	}
	return b.String()
}

// matchAt reports whether q matches text at byte i, and where it ends.
func matchAt(text string, i int, q []rune, fold bool) (int, bool) {
	for _, want := range q {
		if i >= len(text) {
			return 0, false
		}
		got, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case IsSpace(want):
			if !IsSpace(got) {
				return 0, false
			}
		case got == want:
		case fold && equalFold(got, want):
		default:
			return 0, false
		}
		i += size
	}
	return i, true
}

// equalFold reports whether a and b are the same letter in another case.
func equalFold(a, b rune) bool {
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}
