package readability

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// hasTextContent reports whether a node or any of its descendants have text content other than spaces.
func hasTextContent(node *html.Node) bool {
	if node.Type == html.TextNode {
		return hasContent(node.Data)
	}
	for child := range node.ChildNodes() {
		if hasTextContent(child) {
			return true
		}
	}
	return false
}

// textCount is what counting the runes of one string, one by one, tells a
// charCounter and a count of commas: the string's runes that are not white
// space, the runs of white space between them, its commas, and whether it
// holds white space at all, at its start and at its end. Counting a text
// node once and adding the result to each counter that needs it gives the
// totals that passing it every rune would, without a call per rune.
type textCount struct {
	chars, gaps, commas int

	hasSpace, leadingSpace, trailingSpace bool
}

// countText counts the runes of s: eight ASCII bytes at a time where it
// can, other runes one by one as unicode.IsSpace and isComma see them.
func countText(s string) textCount {
	var t textCount
	inSpace := false
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			if w := binary.LittleEndian.Uint64([]byte(s[i : i+8])); w&highBits == 0 {
				inSpace = t.countASCII(w, inSpace)
				i += 8
				continue
			}
		}
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = asciiSpace[c] == 1
			if c == ',' {
				t.commas++
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			if isComma(r) {
				t.commas++
			}
			i += size
		}
		if space {
			if t.chars == 0 {
				t.leadingSpace = true
			}
			t.hasSpace = true
			inSpace = true
			continue
		}
		if inSpace && t.chars > 0 {
			t.gaps++
		}
		inSpace = false
		t.chars++
	}
	t.trailingSpace = inSpace
	return t
}

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// countASCII counts the eight ASCII bytes of w, the first in its lowest
// byte, as the loop of countText would, after a byte that was white space
// when inSpace; it reports whether w's last byte is white space. Each byte
// is marked in its high bit: white space is a space or a byte from tab to
// carriage return, found by adding to every byte at once, which cannot
// carry into the next as no byte is above 0x7f.
func (t *textCount) countASCII(w uint64, inSpace bool) bool {
	tabToReturn := (w + (0x80-'\t')*lowBits) &^ (w + (0x80-'\r'-1)*lowBits)
	space := (equalBytes(w, ' ') | tabToReturn) & highBits
	other := space ^ highBits
	if space != 0 {
		t.hasSpace = true
		if t.chars == 0 && (other == 0 || bits.TrailingZeros64(space) < bits.TrailingZeros64(other)) {
			t.leadingSpace = true
		}
	}
	before := space << 8
	if inSpace {
		before |= 0x80
	}
	starts := other & before
	gaps := bits.OnesCount64(starts)
	if t.chars == 0 && starts&(other&-other) != 0 {
		gaps-- // the first character after leading space opens no gap
	}
	t.gaps += gaps
	t.chars += bits.OnesCount64(other)
	t.commas += bits.OnesCount64(equalBytes(w, ','))
	return space>>63 != 0
}

// equalBytes marks in its high bit each byte of w, all ASCII, that is c.
func equalBytes(w uint64, c byte) uint64 {
	x := w ^ uint64(c)*lowBits
	return ^((x&^highBits + ^uint64(highBits)) | x) & highBits
}

type charCounter struct {
	Total int

	lastCharWasSpace bool
	seenNonSpace     bool
}

// Add counts the runes t was counted from, keeping a number of total
// characters (runes). Leading and trailing whitespace are ignored, and
// consecutive runs of whitespace between words are counted as a single
// space.
func (c *charCounter) Add(t textCount) {
	if t.chars == 0 {
		if t.hasSpace {
			c.lastCharWasSpace = true
		}
		return
	}
	c.Total += t.chars + t.gaps
	if (c.lastCharWasSpace || t.leadingSpace) && c.seenNonSpace {
		c.Total++
	}
	c.lastCharWasSpace = t.trailingSpace
	c.seenNonSpace = true
}

func (c *charCounter) ResetContext() *charCounter {
	c.lastCharWasSpace = false
	c.seenNonSpace = false
	return c
}

// isComma reports whether r is a comma as used in Latin, Sindhi, Chinese and
// various other scripts.
// see: https://en.wikipedia.org/wiki/Comma#Comma_variants
func isComma(r rune) bool {
	switch r {
	case '\u002C', '\u060C', '\uFE50', '\uFE10', '\uFE11', '\u2E41', '\u2E34', '\u2E32', '\uFF0C':
		return true
	}
	return false
}

// countCharsAndCommas returns counts for both characters and commas in a node's
// text. Leading and trailing whitespace is not counted, nor are consecutive
// runs of whitespace.
func countCharsAndCommas(node *html.Node) (int, int) {
	chars := &charCounter{}
	commas := 0

	// Walk the node and its descendants to count all non-space characters and
	// different comma variants separately.
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			t := countText(n.Data)
			chars.Add(t)
			commas += t.commas
			return
		}
		for child := range n.ChildNodes() {
			walk(child)
		}
	}
	walk(node)

	return chars.Total, commas
}
