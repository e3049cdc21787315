package model

import (
	"math"
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// maxAbbreviationContext is how many bytes before a full stop are read to
// tell an abbreviation.
const maxAbbreviationContext = 24

// Span is a byte range [Start, End) in one paragraph's text.
type Span struct{ Start, End int }

// closers are the marks that may follow a sentence's final punctuation and
// still belong to it: closing quotes and brackets.
const closers = "\"'”’»)]）」』"

// openers are the marks that may open a quotation or an aside.
const openers = "\"'“‘«([（「『"

// appendSentences appends the sentences of text to buf and returns it. A
// sentence ends at '.', '!', '?' or '…' (and their CJK forms) with any
// closing quotes, followed by a space and a word that does not continue
// the sentence, or by the end of the text. Abbreviations ("Mr.", "U.S.")
// and initials do not end sentences. Spans are trimmed of spaces.
func appendSentences(buf []Span, text string) []Span {
	start := skipSpace(text, 0)
	for i := 0; i < len(text); {
		if i = nextStop(text, i); i == len(text) {
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '.', '!', '?', '…', '。', '？', '！':
		default:
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune(".!?…"+closers, r2) {
				break
			}
			j += n2
		}
		cjk := r == '。' || r == '？' || r == '！'
		k := skipSpace(text, j)
		switch {
		case k >= len(text):
			// The end of the text ends the last sentence below.
		case cjk || (k > j && startsSentence(text[k:])):
			if r == '.' && isAbbreviation(text[max(start, runeStart(text, i-maxAbbreviationContext)):i], text[k:]) {
				break
			}
			if end := trimRightSpace(text, j); end > start {
				buf = append(buf, Span{start, end})
			}
			start = k
		}
		i = j
	}
	if end := trimRightSpace(text, len(text)); end > start {
		buf = append(buf, Span{start, end})
	}
	return buf
}

// nextStop returns the index of the first byte of text from i that may
// end a sentence, '.', '!', '?' or a byte from 0x80 up (of '…', of a CJK
// mark or of another rune), or len(text). It reads ASCII eight bytes at a
// time: the lowest lane that is a stop or no ASCII is right, as no lane
// carries into those below it.
func nextStop(text string, i int) int {
	for ; i+8 <= len(text); i += 8 {
		w := load8(text, i)
		if stops := ^(asciiLanesNot(w, '.')&asciiLanesNot(w, '!')&asciiLanesNot(w, '?'))&laneHighs | w&laneHighs; stops != 0 {
			return i + bits.TrailingZeros64(stops)/8
		}
	}
	for ; i < len(text); i++ {
		if c := text[i]; c >= utf8.RuneSelf || c == '.' || c == '!' || c == '?' {
			return i
		}
	}
	return len(text)
}

// startsSentence reports whether s (the text after a full stop and a
// space) can begin a new sentence: not with a lower-case letter.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return !unicode.IsLower(r)
}

// isAbbreviation reports whether the text before a '.' ends in an
// abbreviation or initial, so the full stop does not end the sentence;
// after is the text after the stop and its spaces (see
// stopsAfterAbbreviation). It reads a word of ASCII letters after an
// ASCII space byte by byte, and any other text by endsInAbbreviation.
func isAbbreviation(before, after string) bool {
	// Most full stops follow a word of ASCII letters after a space, which
	// is the word, needing no trimming.
	j := len(before)
	for j > 0 && isASCIILetter(before[j-1]) {
		j--
	}
	if j < len(before) && (j == 0 || before[j-1] < utf8.RuneSelf && asciiSpace[before[j-1]]) {
		if w := before[j:]; len(w) > 1 {
			return keepsStop(w, after)
		}
		return 'A' <= before[j] && before[j] <= 'Z'
	}
	return endsInAbbreviation(before, after)
}

// endsInAbbreviation is isAbbreviation for any text: it finds the word
// after the last space rune and trims the quotation marks and bracket
// that may open it.
func endsInAbbreviation(before, after string) bool {
	w := before
	if i := lastSpace(before); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		w = before[i+size:]
	}
	w = strings.TrimLeftFunc(w, func(r rune) bool {
		return r == '"' || r == '\'' || r == '“' || r == '‘' || r == '('
	})
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	if strings.Contains(w, ".") { // U.S, e.g, a.m
		return true
	}
	return keepsStop(w, after)
}

// keepsStop reports whether the full stop after word w, with after the
// text after it, is an abbreviation's, which ends no sentence.
func keepsStop(w, after string) bool {
	return isAbbreviationWord(w) && !stopsAfterAbbreviation(w, after)
}

// stopsAfterAbbreviation reports whether the full stop after w, an
// abbreviation, is a sentence's end all the same: w is written before a
// number ("Jan. 5", "No. 10", "approx. $40", "Vol. II", "Fig. S3"; see
// lexicon.numberAbbreviations) and after, the text after the stop, opens
// with no number but a capitalised word ("in Jun. The firm", "the answer
// was no. The board"), or is empty.
func stopsAfterAbbreviation(w, after string) bool {
	return (after == "" || opensCapitalWord(after)) && words().numberAbbreviations.has(w)
}

// opensCapitalWord reports whether text opens with a capitalised word of
// letters, not a Roman numeral of two letters or more ("II", "XIV"), nor
// a label of letters and digits ("S3").
func opensCapitalWord(text string) bool {
	r, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(r) {
		return false
	}
	roman, n := true, 0
	for _, r := range text {
		switch {
		case unicode.IsDigit(r):
			return false
		case !unicode.IsLetter(r):
			return !roman || n < 2
		case !strings.ContainsRune("IVXLCDM", r):
			roman = false
		}
		n++
	}
	return !roman || n < 2
}

// abbreviationKeys are the abbreviations (words().abbreviations) that
// are at most eight ASCII letters, by their keys (see shortKey): the word
// before a full stop, which every sentence's end has, is told apart by
// its bytes, with no map lookup of its text.
var abbreviationKeys = sync.OnceValue(func() *shortWords {
	keys := &shortWords{}
	for w := range words().abbreviations.m {
		if isShortLetters(w) {
			keys.put(shortKey(w), 0)
		}
	}
	return keys
})

// isShortLetters reports whether w is one to eight ASCII letters.
func isShortLetters(w string) bool {
	if w == "" || len(w) > 8 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isASCIILetter(w[i]) {
			return false
		}
	}
	return true
}

// isAbbreviationWord reports whether w is an abbreviation, in any case,
// as words().abbreviations.has(w) does: by its key in abbreviationKeys,
// lower-cased, when it is a few ASCII letters; else by the set.
func isAbbreviationWord(w string) bool {
	if !isShortLetters(w) {
		return words().abbreviations.has(w)
	}
	var key uint64
	for i := len(w) - 1; i >= 0; i-- {
		key = key<<8 | uint64(w[i]|0x20)
	}
	_, ok := abbreviationKeys().get(key)
	return ok
}

// lastSpace returns the index of the last space rune of s, or -1, as
// strings.LastIndexFunc(s, IsSpace) does, but reading ASCII a byte at a
// time: every full stop of a document asks it of the words before.
func lastSpace(s string) int {
	for i := len(s); i > 0; {
		if c := s[i-1]; c < utf8.RuneSelf {
			i--
			if asciiSpace[c] {
				return i
			}
			continue
		}
		r, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
		if IsSpace(r) {
			return i
		}
	}
	return -1
}

// skipSpace returns the index of the first non-space rune at or after i.
func skipSpace(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// trimRightSpace returns end moved left past trailing spaces of s[:end].
func trimRightSpace(s string, end int) int {
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !IsSpace(r) {
			break
		}
		end -= n
	}
	return end
}

// trimCloseRight returns s without trailing spaces and closing marks.
func trimCloseRight(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return IsSpace(r) || strings.ContainsRune(closers, r)
	})
}

// trimOpenLeft returns s without leading spaces and opening marks.
func trimOpenLeft(s string) string {
	if s != "" && isASCIILetter(s[0]) {
		return s
	}
	return strings.TrimLeftFunc(s, func(r rune) bool {
		return IsSpace(r) || strings.ContainsRune(openers, r)
	})
}

// endsWithQuestion reports whether a sentence ends in a question mark,
// ignoring closing quotes and a trailing ellipsis or dash.
func endsWithQuestion(s string) bool {
	s = trimCloseRight(s)
	s = strings.TrimRight(s, ".…-—– ")
	s = trimCloseRight(s)
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？")
}

// isHeadingLine reports whether text reads as a heading or a headline: at
// most maxWords words with no sentence punctuation at the end, nor the
// comma, colon or dash of a line that runs on into the next.
func isHeadingLine(text string, maxWords int) bool {
	if len(text) > maxWords*24 {
		return false
	}
	t := trimCloseRight(text)
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(".!?:;,-…—", last) && countWords(t) <= maxWords
}

// firstWord returns the first word of s, without punctuation, and the byte
// offset just after it.
func firstWord(s string) (string, int) {
	i := skipSpace(s, 0)
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		i += n
	}
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-' {
			break
		}
		j += n
	}
	return s[i:j], j
}

// countWords counts the space-separated words of s.
func countWords(s string) int {
	return countWordsUpTo(s, math.MaxInt)
}

// countWordsUpTo counts the space-separated words of s up to limit,
// reading no further than the start of the last one counted. ASCII text
// is read eight bytes at a time, but for the eight in which the limit is
// reached; of eight bytes that hold a multi-byte rune, those before it.
func countWordsUpTo(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			// The ASCII lanes up to the first byte from 0x80 up, if any:
			// the lanes from it are read as spaces, and the word that
			// runs on is told by the last ASCII byte.
			w, lanes := load8(s, i), 8
			if high := w & laneHighs; high != 0 {
				lanes = bits.TrailingZeros64(high) / 8
				ascii := uint64(1)<<(8*lanes) - 1
				w = w&ascii | ' '*laneOnes&^ascii
			}
			if k, on := asciiWordStarts(w, in); lanes > 0 && n+k < limit {
				if lanes < 8 {
					on = !asciiSpace[s[i+lanes-1]]
				}
				n, in = n+k, on
				i += lanes
				continue
			}
		}
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = IsSpace(r)
			i += size
		}
		if space {
			in = false
		} else if !in {
			in = true
			if n++; n == limit {
				break
			}
		}
	}
	return n
}

// firstWordEnd returns where the first word of s ends as wordSet.inText reads
// words (letters with apostrophes), or len(s).
func firstWordEnd(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			break
		}
		i += n
	}
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			break
		}
		i += n
	}
	return i
}

// isUpperWord reports whether w has letters and all of them are upper case.
func isUpperWord(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters = true
		}
	}
	return letters
}

// isCapitalized reports whether w begins with an upper-case letter.
func isCapitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// collapseSpaces replaces every run of spaces in s by one ASCII space and
// trims the ends. It returns s itself when nothing changes.
func collapseSpaces(s string) string {
	if isCollapsedASCII(s) {
		return s
	}
	s = strings.TrimFunc(s, IsSpace)
	clean := true
	prev := false
	for _, r := range s {
		sp := IsSpace(r)
		if sp && (r != ' ' || prev) {
			clean = false
			break
		}
		prev = sp
	}
	if clean {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, IsSpace), " ")
}

// isCollapsedASCII reports whether s is ASCII with one space between its
// words and none at its ends, which collapseSpaces leaves as it is: most
// names are, and telling it needs no rune decoded.
func isCollapsedASCII(s string) bool {
	prev := true // the start counts as a space, so one there is not kept
	for i := 0; i < len(s); i++ {
		c := s[i]
		sp := c == ' ' || '\t' <= c && c <= '\r'
		if c >= utf8.RuneSelf || sp && (c != ' ' || prev) {
			return false
		}
		prev = sp
	}
	return !prev
}

// lookupLower looks up the lower-case form of w in m, a map of words as
// the text writes them (the entity scanner's counts), without allocating
// for short ASCII words. Word lists are looked up through wordSet.
func lookupLower[V any](m map[string]V, w string) V {
	var buf [32]byte
	if len(w) > len(buf) {
		return m[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}

// reportingBase returns the base form of a reporting verb ("said" gives
// "say"), or "" when w is none.
func reportingBase(w string) string {
	return words().reporting.get(w)
}

// trimPlural returns w without a final "s" or "S".
func trimPlural(w string) string {
	if n := len(w); n > 0 && (w[n-1] == 's' || w[n-1] == 'S') {
		return w[:n-1]
	}
	return w
}

// runeStart clamps i to [0, len(s)] and moves it back to the start of a
// rune.
func runeStart(s string, i int) int {
	if i <= 0 {
		return 0
	}
	if i >= len(s) {
		return len(s)
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// Eight bytes at a time: the ASCII fast paths read a text a machine word
// at a time, each byte a lane of it, and tell in a few operations whether
// every lane is plain ASCII text (see asciiNonSpace, isPrintableASCII).
const (
	laneOnes  = 0x0101010101010101
	laneHighs = 0x8080808080808080
)

// load8 returns the eight bytes of s from i as a little-endian word: byte
// i in the lowest lane. The compiler makes the shifts one load.
func load8(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// isASCII8 reports whether every byte of w is ASCII.
func isASCII8(w uint64) bool { return w&laneHighs == 0 }

// asciiNonSpace returns, for a word w of ASCII bytes, the high bit of
// each lane whose byte is not white space as asciiSpace marks it (' ' and
// '\t' to '\r'). No lane carries into the next: every sum stays below
// 0x100.
func asciiNonSpace(w uint64) uint64 {
	notBlank := (w ^ (' ' * laneOnes)) + 0x7F*laneOnes // high bit: not ' '
	control := (w + (0x80-'\t')*laneOnes) &^ (w + (0x80-'\r'-1)*laneOnes)
	return notBlank &^ control & laneHighs
}

// asciiLanesNot returns, for a word w of ASCII bytes, the high bit of
// each lane whose byte is not c, an ASCII byte.
func asciiLanesNot(w uint64, c byte) uint64 {
	return ((w ^ uint64(c)*laneOnes) + 0x7F*laneOnes) & laneHighs
}

// asciiLanesIn returns, for a word w of ASCII bytes, the high bit of
// each lane whose byte is in [lo, hi], both ASCII.
func asciiLanesIn(w uint64, lo, hi byte) uint64 {
	return (w + uint64(0x80-lo)*laneOnes) &^ (w + uint64(0x7F-hi)*laneOnes) & laneHighs
}

// isPrintableASCII8 reports whether every byte of w is printable ASCII,
// ' ' to '~': no control, no DEL and no byte of a multi-byte rune.
func isPrintableASCII8(w uint64) bool {
	return w&laneHighs == 0 && (w+(0x80-' ')*laneOnes)&laneHighs == laneHighs && (w+laneOnes)&laneHighs == 0
}

// asciiLanes is how many lanes of w, from the lowest, hold ASCII bytes
// before the first byte of a multi-byte rune: eight when all do.
func asciiLanes(w uint64) int {
	return bits.TrailingZeros64(w&laneHighs) / 8
}

// asciiWordStarts counts the words that start in w, a word of ASCII
// bytes, where in tells whether a word runs on from the byte before it,
// and returns whether one runs on past w's last byte.
func asciiWordStarts(w uint64, in bool) (int, bool) {
	text := asciiNonSpace(w)
	before := text << 8
	if in {
		before |= 0x80
	}
	return bits.OnesCount64(text &^ before), text>>63 != 0
}
