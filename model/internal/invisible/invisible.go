// Package invisible knows the characters that take no room and show
// nothing: Unicode's default-ignorable code points, with which a text can
// hide words in a title, a search or a copied quote, and the few places
// where text needs them. Sanitizing in package model drops them, and the
// safety checks of package modeltest look for them, from the same tables.
package invisible

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/rangetable"
)

// Ignorable is Unicode's Default_Ignorable_Code_Point property. The
// unicode package has no table for it, so it is derived from the
// package's tables as DerivedCoreProperties.txt derives it:
// Other_Default_Ignorable_Code_Point, format characters (Cf) and variation
// selectors, less white space, the interlinear annotation characters
// U+FFF9–U+FFFB, the Egyptian hieroglyph format controls U+13430–U+1343F
// and the prepended concatenation marks, which show.
var Ignorable = derive()

// derive builds Ignorable.
func derive() *unicode.RangeTable {
	var runes []rune
	add := func(r rune) {
		switch {
		case unicode.Is(unicode.White_Space, r),
			r >= 0xFFF9 && r <= 0xFFFB,
			r >= 0x13430 && r <= 0x1343F,
			unicode.Is(unicode.Prepended_Concatenation_Mark, r):
			return
		}
		runes = append(runes, r)
	}
	for _, t := range []*unicode.RangeTable{unicode.Other_Default_Ignorable_Code_Point, unicode.Cf, unicode.Variation_Selector} {
		rangetable.Visit(t, add)
	}
	return rangetable.New(runes...)
}

// Hidden is what text shown to a reader loses: the default-ignorable code
// points and the interlinear annotation characters (U+FFF9–U+FFFB, which
// hide the text they annotate), but not U+200C ZERO WIDTH NON-JOINER and
// U+200D ZERO WIDTH JOINER, which Persian, Indic scripts and emoji need.
// Two kinds are kept where they stand: a variation selector after a base
// (see SelectorKept) and the tags of an emoji flag (see FlagLen).
var Hidden = func() *unicode.RangeTable {
	runes := []rune{0xFFF9, 0xFFFA, 0xFFFB}
	rangetable.Visit(Ignorable, func(r rune) {
		if r != '\u200C' && r != '\u200D' {
			runes = append(runes, r)
		}
	})
	return rangetable.New(runes...)
}()

// Dropped reports whether r is in Hidden.
func Dropped(r rune) bool {
	return unicode.Is(Hidden, r)
}

// SelectorKept reports whether a variation selector after prev is kept:
// prev is a visible character (a letter, mark, number, punctuation or
// symbol) that is not itself dropped or a selector, so the selector picks
// its form ("❤\uFE0F", "葛\U000E0100"). A selector anywhere else selects
// nothing and is dropped.
func SelectorKept(prev rune) bool {
	return prev != utf8.RuneError && !Dropped(prev) && !unicode.Is(unicode.Variation_Selector, prev) &&
		unicode.In(prev, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S)
}

// Tag characters that spell an emoji flag.
const (
	// FlagBase, U+1F3F4 WAVING BLACK FLAG, starts every emoji flag spelled
	// with tags.
	FlagBase  = '\U0001F3F4'
	cancelTag = '\U000E007F'
)

// FlagLen returns the length in bytes of the emoji tag sequence at the
// start of s, or 0 when there is none: U+1F3F4 WAVING BLACK FLAG, the tags
// of a subdivision code (three to seven lower-case letters and digits,
// "gbsct" for Scotland), and U+E007F CANCEL TAG. These are the only tags
// text needs; anywhere else they spell hidden text and are dropped.
func FlagLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	if r != FlagBase {
		return 0
	}
	for tags := 0; n < len(s); tags++ {
		r, size := utf8.DecodeRuneInString(s[n:])
		n += size
		switch {
		case r == cancelTag && tags >= 3:
			return n
		case tags == 7 || !(r >= 0xE0030 && r <= 0xE0039 || r >= 0xE0061 && r <= 0xE007A):
			return 0
		}
	}
	return 0
}
