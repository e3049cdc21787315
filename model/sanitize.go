package model

import (
	"runtime"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-tui/lede/model/internal/invisible"
	"golang.org/x/text/unicode/rangetable"
)

// Control characters sanitize treats specially.
const (
	bel = 0x07 // ends an OSC string in xterm's dialect
	esc = 0x1B // introduces every 7-bit escape sequence

	c1DCS = 0x90 // device control string
	c1SOS = 0x98 // start of string
	c1CSI = 0x9B // control sequence introducer
	c1ST  = 0x9C // string terminator
	c1OSC = 0x9D // operating system command
	c1PM  = 0x9E // privacy message
	c1APC = 0x9F // application program command
)

// sanitize makes s safe to print to a terminal and normalises it, in one
// linear pass:
//
//   - Escape sequences are removed whole: CSI (ESC [ or U+009B, parameters
//     and intermediates, one final byte 0x40–0x7E), the strings OSC (ESC ] or
//     U+009D), DCS (ESC P or U+0090), SOS (ESC X or U+0098), PM (ESC ^ or
//     U+009E) and APC (ESC _ or U+009F), and the short forms ESC, any
//     intermediates 0x20–0x2F, one final 0x30–0x7E (such as ESC c or ESC ( B).
//     A string ends after BEL, ESC \ or U+009C, or before another ESC,
//     which starts a new sequence. An unterminated string ends at the next
//     line break, which is kept, or at the end of the text, so a stray
//     introducer never swallows the rest of a document. A CSI that meets a
//     character it cannot contain ends before that character.
//   - CRLF and lone CR become LF; U+2028 LINE SEPARATOR becomes LF and
//     U+2029 PARAGRAPH SEPARATOR a blank line.
//   - Every other C0 control but '\n' and '\t', DEL and every C1 control
//     (U+0080–U+009F) is dropped.
//   - Characters that hide or reorder text are dropped: every Unicode
//     default-ignorable code point (see invisible.Ignorable) and the
//     interlinear annotation characters U+FFF9–U+FFFB. Among them are the
//     bidi embeddings, overrides, isolates and marks, U+200B ZERO WIDTH
//     SPACE, U+2060 WORD JOINER and the invisible operators after it,
//     U+FEFF (anywhere), U+00AD SOFT HYPHEN (invisible in most terminals,
//     and it would break search), U+034F COMBINING GRAPHEME JOINER, the
//     Hangul fillers, and the tag characters U+E0000–U+E007F that spell
//     hidden words. Kept are U+200C and U+200D (ZWNJ and ZWJ), which
//     Persian, Indic scripts and emoji need; a variation selector after a
//     visible character, whose form it picks ("❤\uFE0F"); the tags of an
//     emoji flag such as Scotland's (see invisible.FlagLen); and no-break
//     spaces such as U+00A0.
//   - Invalid UTF-8 bytes become U+FFFD, so no raw byte can reach the
//     terminal as an 8-bit control.
//
// Text that needs none of this is returned as is, without allocating.
// A large text is sanitized in parts on every core (see sanitizeInParts).
func sanitize(s string) string {
	if cores := runtime.GOMAXPROCS(0); cores > 1 && len(s) >= parallelReadSize {
		return sanitizeInParts(s, cores)
	}
	return sanitizeWhole(s)
}

// sanitizeInParts sanitizes s in parts of about equal size, one for each
// of cores, each on its own goroutine, and joins them. A part ends after
// a line break, which is kept: no escape sequence or control string runs
// across one, and a variation selector after it is dropped as one at the
// start of a text is, so the parts sanitized on their own and joined are
// s sanitized whole.
func sanitizeInParts(s string, cores int) string {
	cuts := cutsAfter(s, "\n", cores)
	parts := make([]string, len(cuts)-1)
	waits := make([]func(), len(parts))
	for k := 1; k < len(parts); k++ {
		waits[k] = inBackground(func() { parts[k] = sanitizeWhole(s[cuts[k]:cuts[k+1]]) })
	}
	parts[0] = sanitizeWhole(s[:cuts[1]])
	same := true
	for k := range parts {
		if k > 0 {
			waits[k]()
		}
		// A part left as it was is the very same string: comparing it
		// costs no more than its pointer.
		same = same && parts[k] == s[cuts[k]:cuts[k+1]]
	}
	if same {
		return s
	}
	return strings.Join(parts, "")
}

// isSanitized reports whether s is valid UTF-8 that sanitize returns as
// it is: firstUnsafe finds nothing in it to change, drop or look at. A
// large s is checked in parts on every core, cut after line breaks as
// sanitizeInParts cuts it, so that s is sanitized exactly when each part
// is.
func isSanitized(s string) bool {
	cores := runtime.GOMAXPROCS(0)
	if cores < 2 || len(s) < parallelReadSize {
		return firstUnsafe(s) == len(s)
	}
	cuts := cutsAfter(s, "\n", cores)
	safe := make([]bool, len(cuts)-1)
	waits := make([]func(), len(safe))
	for k := 1; k < len(safe); k++ {
		waits[k] = inBackground(func() { safe[k] = firstUnsafe(s[cuts[k]:cuts[k+1]]) == cuts[k+1]-cuts[k] })
	}
	all := firstUnsafe(s[:cuts[1]]) == cuts[1]
	for k := 1; k < len(safe); k++ {
		waits[k]()
		all = all && safe[k]
	}
	return all
}

// sanitizeWhole sanitizes s in one pass: see sanitize.
func sanitizeWhole(s string) string {
	i := firstUnsafe(s)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		i = sanitizeAt(&b, s, i)
		// Copy the safe text up to the next thing to handle in one call.
		j := i + firstUnsafe(s[i:])
		b.WriteString(s[i:j])
		i = j
	}
	return b.String()
}

// sanitizeAt handles the control, invalid byte or special rune that starts
// at s[i], writing what it stands for to b, and returns the index after it
// and any sequence it introduces.
func sanitizeAt(b *strings.Builder, s string, i int) int {
	if s[i] < utf8.RuneSelf {
		return sanitizeControl(b, s, i)
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == utf8.RuneError && size == 1:
		b.WriteRune(utf8.RuneError)
	case r == c1CSI:
		return skipCSI(s, i+size)
	case r == c1OSC || r == c1DCS || r == c1SOS || r == c1PM || r == c1APC:
		return skipString(s, i+size)
	case r == '\u2028':
		b.WriteByte('\n')
	case r == '\u2029':
		b.WriteString("\n\n")
	case isVariationSelector(r):
		if last, n := utf8.DecodeLastRuneInString(b.String()); n > 0 && invisible.SelectorKept(last) {
			b.WriteRune(r)
		}
	case !dropped(r):
		b.WriteString(s[i : i+size]) // defensive: firstUnsafe stops only at runes to handle
	}
	return i + size
}

// sanitizeControl handles the ASCII control or DEL at s[i], writing what
// it stands for to b, and returns the index after it and anything it
// introduces.
func sanitizeControl(b *strings.Builder, s string, i int) int {
	switch s[i] {
	case '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return i + 1 // the '\n' is written next
		}
		b.WriteByte('\n')
		return i + 1
	case esc:
		return skipEscape(s, i+1)
	default:
		return i + 1
	}
}

// skipEscape returns the index after the escape sequence whose ESC ends
// just before s[i]. An ESC followed by nothing it can introduce is dropped
// alone.
func skipEscape(s string, i int) int {
	if i == len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	j := i
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2F {
		j++
	}
	if j < len(s) && s[j] >= 0x30 && s[j] <= 0x7E {
		return j + 1
	}
	return i
}

// skipCSI returns the index after the control sequence whose parameters
// start at s[i]: parameter and intermediate bytes 0x20–0x3F, then one final
// byte 0x40–0x7E. Any other character ends the sequence and is kept.
func skipCSI(s string, i int) int {
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x3F {
		i++
	}
	if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7E {
		i++
	}
	return i
}

// skipString returns the index after the control string whose body starts
// at s[i]. The string ends after BEL, ESC \ or U+009C; before another ESC,
// which starts a new sequence; or before a line break, which is kept.
func skipString(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case bel:
			return i + 1
		case esc:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i
		case '\n', '\r':
			return i
		case 0xC2:
			if i+1 < len(s) && s[i+1] == c1ST {
				return i + 2
			}
		}
		i++
	}
	return i
}

// dropped reports whether sanitize removes the printable-looking but
// invisible or reordering rune r, or the C1 control r. Variation selectors
// and tags are dropped too unless their context keeps them, which
// firstUnsafe and sanitizeAt look at.
func dropped(r rune) bool {
	if r < 0x10000 {
		return isSpecial(r) && r != '\u2028' && r != '\u2029'
	}
	return invisible.Dropped(r)
}

// special marks, one bit per rune of the Basic Multilingual Plane, the
// runes firstUnsafe must stop at or look at in context: the C1 controls,
// U+2028, U+2029, and the runes dropped alone or by context
// (invisible.Hidden). It is built from the table dropped reads, so the
// fast lanes of firstUnsafe never skip such a rune.
var special = func() *[0x10000 / 64]uint64 {
	var b [0x10000 / 64]uint64
	mark := func(r rune) { b[r>>6] |= 1 << (r & 63) }
	for r := rune(0x80); r <= 0x9F; r++ {
		mark(r)
	}
	mark('\u2028')
	mark('\u2029')
	rangetable.Visit(invisible.Hidden, func(r rune) {
		if r < 0x10000 {
			mark(r)
		}
	})
	return &b
}()

// clearLead marks the lead bytes of two- and three-byte UTF-8 sequences
// that start no special rune, such as those of the CJK ideographs, so that
// firstUnsafe skips their runes on the lead byte alone.
var clearLead = func() *[256]bool {
	var t [256]bool
	for c := 0xC2; c <= 0xEF; c++ {
		first, blocks := (c&0x1F)<<6, 1 // a two-byte lead holds one block of 64
		if c >= 0xE0 {
			first, blocks = (c&0x0F)<<12, 64
		}
		t[c] = true
		for b := first >> 6; b < first>>6+blocks; b++ {
			if special[b] != 0 {
				t[c] = false
			}
		}
	}
	return &t
}()

// isSpecial reports whether the rune r of the Basic Multilingual Plane is
// marked in special.
func isSpecial(r rune) bool {
	return special[r>>6]&(1<<(r&63)) != 0
}

// firstUnsafe returns the index of the first byte of s that sanitize must
// change, drop or look at in context, or len(s) when there is none.
// Printable ASCII is skipped eight bytes at a time, other ASCII checked
// byte by byte. Two- and three-byte runes whose lead byte makes them
// valid with any continuation bytes are skipped on a clear lead byte (see
// clearLead), else assembled in place and looked up in special; other
// runes are decoded and checked. An emoji flag spelled with tags is
// skipped whole, and a variation selector after a visible character is
// kept.
func firstUnsafe(s string) int {
	for i := 0; i < len(s); {
		if i+8 <= len(s) && isPrintableASCII8(load8(s, i)) {
			i += 8
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7F {
				return i
			}
			i++
			continue
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 &&
			(clearLead[c] || !isSpecial(rune(c&0x1F)<<6|rune(s[i+1]&0x3F))) {
			i += 2
			continue
		}
		if c >= 0xE1 && c <= 0xEF && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 &&
			(clearLead[c] || !isSpecial(rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F))) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return i
		case r < 0x10000 && !isSpecial(r):
		case r == '\u2028', r == '\u2029':
			return i
		case isVariationSelector(r):
			if last, n := utf8.DecodeLastRuneInString(s[:i]); n == 0 || !invisible.SelectorKept(last) {
				return i
			}
		case dropped(r):
			return i
		case r == invisible.FlagBase:
			if n := invisible.FlagLen(s[i:]); n > 0 {
				size = n
			}
		}
		i += size
	}
	return len(s)
}

// isVariationSelector reports whether r selects a form of the character
// before it.
func isVariationSelector(r rune) bool {
	return unicode.Is(unicode.Variation_Selector, r)
}

// IsSpace reports whether r is white space for matching and splitting
// text: every rune unicode.IsSpace accepts, which includes the no-break
// spaces U+00A0, U+2007 FIGURE SPACE and U+202F NARROW NO-BREAK SPACE that
// sanitize keeps as text. They are listed here explicitly so that the
// promise does not depend on the Unicode tables.
func IsSpace(r rune) bool {
	switch r {
	case '\u00A0', '\u2007', '\u202F':
		return true
	}
	return unicode.IsSpace(r)
}
