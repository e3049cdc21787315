package library

import (
	"strings"
	"unicode/utf8"
)

// Lengths of an Anchor's text, in bytes, cut back to whole characters:
// enough to find the place again in a long interview, short enough to
// keep a row small.
const (
	quoteLen  = 64
	beforeLen = 32
)

// Anchor is a place in a document that survives edits to it and its
// extraction changing: a paragraph index and a byte offset into that
// paragraph's text, with the text at the place and just before it, by
// which the place is found again when the document changed.
type Anchor struct {
	// Paragraph is the paragraph's index; Offset the byte offset in its
	// text.
	Paragraph, Offset int
	// Quote is the text from Offset on, up to quoteLen bytes of the
	// paragraph; Before the text before Offset in it, up to beforeLen.
	Quote, Before string
}

// NewAnchor anchors byte off of paragraph p of paragraphs (their texts,
// in order). A place out of range is clamped to the text.
func NewAnchor(paragraphs []string, p, off int) Anchor {
	if len(paragraphs) == 0 {
		return Anchor{}
	}
	p = min(max(p, 0), len(paragraphs)-1)
	text := paragraphs[p]
	off = startOfRune(text, min(max(off, 0), len(text)))
	return Anchor{
		Paragraph: p,
		Offset:    off,
		Quote:     text[off:startOfRune(text, min(off+quoteLen, len(text)))],
		Before:    text[endOfRuneAfter(text, max(off-beforeLen, 0)):off],
	}
}

// Resolve finds the anchor in paragraphs (their texts, in order) and
// returns its paragraph and byte offset there. Where the text at the
// place is unchanged, that is the place; else the quote is looked for,
// with the text before it when that tells copies apart, and the copy
// nearest the old paragraph wins. found is false when the quote is
// nowhere: the place is then the old one, clamped to the text.
func (a Anchor) Resolve(paragraphs []string) (p, off int, found bool) {
	if len(paragraphs) == 0 {
		return 0, 0, false
	}
	if a.at(paragraphs, a.Paragraph, a.Offset) {
		return a.Paragraph, a.Offset, true
	}
	best, bestOff, bestScore := -1, 0, 0
	for i, text := range paragraphs {
		for start := 0; ; {
			k := strings.Index(text[start:], a.Quote)
			if k < 0 {
				break
			}
			at := start + k
			// A copy with the same text before it is worth more than
			// any other; among equals, the nearest to the old place.
			score := 1
			if strings.HasSuffix(text[:at], a.Before) {
				score = 2
			}
			if score > bestScore || score == bestScore && distance(i, a.Paragraph) < distance(best, a.Paragraph) {
				best, bestOff, bestScore = i, at, score
			}
			if a.Quote == "" {
				break
			}
			start = at + len(a.Quote)
		}
	}
	if best < 0 {
		p = min(max(a.Paragraph, 0), len(paragraphs)-1)
		return p, startOfRune(paragraphs[p], min(max(a.Offset, 0), len(paragraphs[p]))), false
	}
	return best, bestOff, true
}

// at reports whether the anchor's text is at byte off of paragraph p.
func (a Anchor) at(paragraphs []string, p, off int) bool {
	if p < 0 || p >= len(paragraphs) || off < 0 || off > len(paragraphs[p]) {
		return false
	}
	text := paragraphs[p]
	return strings.HasPrefix(text[off:], a.Quote) && strings.HasSuffix(text[:off], a.Before)
}

// distance is how far paragraph i is from p; -1, no paragraph, is the
// farthest.
func distance(i, p int) int {
	if i < 0 {
		return int(^uint(0) >> 1)
	}
	if i > p {
		return i - p
	}
	return p - i
}

// startOfRune moves byte i of s back to the start of the character it is
// in.
func startOfRune(s string, i int) int {
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// endOfRuneAfter moves byte i of s forward to the start of the next
// whole character.
func endOfRuneAfter(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}
