package model

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of a sentence: a byte range in the paragraph, and
// whether punctuation (other than a word's own), a tab or a line break
// stands between it and the word before, which ends a run of capitalised
// words: the cells of a table's row ("Ada Byrne\tPorto") and the lines of
// an address are not one name.
type token struct {
	start, end int32
	// word is the word's id in its index's vocabulary plus one, 0 for a
	// word of no index, in the low 31 bits, and in the top bit whether
	// punctuation, a tab or a line break stands between this word and the
	// previous one (see isBroken). One field keeps a token at 12 bytes: a
	// large document has millions.
	word uint32
}

// brokenBit is the bit of token.word that records a break before it.
const brokenBit = 1 << 31

// isBroken reports punctuation, a tab or a line break between this word
// and the previous one.
func (t token) isBroken() bool { return t.word&brokenBit != 0 }

// id returns the word's id in its index's vocabulary (see
// textIndex.vocab), or -1 for a word of no index.
func (t token) id() int { return int(t.word&^brokenBit) - 1 }

// withID returns t with the vocabulary id id.
func (t token) withID(id int) token {
	t.word = t.word&brokenBit | uint32(id+1)
	return t
}

// sentence is the words of a sentence, or of a window of one, with the
// paragraph text their offsets index and where the sentence starts and
// ends. Its methods name a word by its index k, so code reads sn.word(k)
// rather than slicing the text by a token's offsets. They inline, and
// code hands a sentence on by pointer: a struct of more than four words
// is not kept in registers, and every inlined call on a value would copy
// it.
type sentence struct {
	text string
	toks []token
	// bounds is the whole sentence in text; a window of a sentence keeps
	// the bounds of the whole.
	bounds Span
	// cues are what each word of the index's vocabulary is to the cue
	// passes, and classes the word classes it belongs to, by id, for the
	// sentences of an index; nil for others.
	cues    []cueWord
	classes []wordClass
	traits  []wordTrait
}

// wordTrait is what a word is by its own text, read once for every
// distinct word of an index (see textIndex.traits): a trait a bit.
type wordTrait uint8

// The traits of a word.
const (
	// traitNameWord is isNameWord's.
	traitNameWord wordTrait = 1 << iota
	// traitPersonWord is isPersonWord's.
	traitPersonWord
	// traitHonorific is isHonorific's.
	traitHonorific
	// traitTopicWord is isTopicWord's.
	traitTopicWord
	// traitSworn marks a word that begins, in any case, with one of
	// swornNeeds ("sworn", "Affirmed,"): no swearing-in is recorded
	// without one (see isSwearingIn).
	traitSworn
)

// traitsOf returns the traits of w.
func traitsOf(w string) wordTrait {
	var t wordTrait
	if isNameWord(w) {
		t |= traitNameWord
	}
	if isPersonWord(w) {
		t |= traitPersonWord
	}
	if isHonorific(w) {
		t |= traitHonorific
	}
	if isTopicWord(w) {
		t |= traitTopicWord
	}
	for _, stem := range swornNeeds {
		if hasPrefixFold(w, stem) {
			t |= traitSworn
		}
	}
	return t
}

// hasPrefixFold reports whether w begins with prefix under Unicode case
// folding, as a regular expression's (?i) reads it: "SWORN" and "ſworn"
// begin with "sworn".
func hasPrefixFold(w, prefix string) bool {
	for _, c := range prefix {
		r, n := utf8.DecodeRuneInString(w)
		if n == 0 || !equalFoldRune(r, c) {
			return false
		}
		w = w[n:]
	}
	return true
}

// equalFoldRune reports whether r and c are the same letter under
// Unicode simple case folding.
func equalFoldRune(r, c rune) bool {
	for f := c; ; {
		if f == r {
			return true
		}
		if f = unicode.SimpleFold(f); f == c {
			return false
		}
	}
}

// len returns the number of words.
func (sn *sentence) len() int { return len(sn.toks) }

// word returns word k.
func (sn *sentence) word(k int) string { return sn.text[sn.toks[k].start:sn.toks[k].end] }

// phrase returns the text from the start of word first to the end of
// word last, both included.
func (sn *sentence) phrase(first, last int) string {
	return sn.text[sn.toks[first].start:sn.toks[last].end]
}

// start returns the offset in the paragraph where word k starts.
func (sn *sentence) start(k int) int { return int(sn.toks[k].start) }

// end returns the offset in the paragraph where word k ends.
func (sn *sentence) end(k int) int { return int(sn.toks[k].end) }

// broken reports whether punctuation stands between word k and the word
// before it (see token.broken).
func (sn *sentence) broken(k int) bool { return sn.toks[k].isBroken() }

// in reports whether word k is in set, as set.has(sn.word(k)) does: by
// the classes of the word, read once for every distinct word of an index,
// when set has a class (see lexicon.classes).
func (sn *sentence) in(k int, set wordSet) bool {
	if id := sn.toks[k].id(); id >= 0 && set.class != 0 && sn.classes != nil {
		return sn.classes[id]&set.class != 0
	}
	return set.has(sn.word(k))
}

// nameWord reports whether word k is a name word (isNameWord).
func (sn *sentence) nameWord(k int) bool {
	if id := sn.toks[k].id(); id >= 0 && sn.traits != nil {
		return sn.traits[id]&traitNameWord != 0
	}
	return isNameWord(sn.word(k))
}

// personWord reports whether word k can be part of a person's name
// (isPersonWord).
func (sn *sentence) personWord(k int) bool {
	if id := sn.toks[k].id(); id >= 0 && sn.traits != nil {
		return sn.traits[id]&traitPersonWord != 0
	}
	return isPersonWord(sn.word(k))
}

// honorific reports whether word k is a title before a name
// (isHonorific).
func (sn *sentence) honorific(k int) bool {
	if id := sn.toks[k].id(); id >= 0 && sn.traits != nil {
		return sn.traits[id]&traitHonorific != 0
	}
	return isHonorific(sn.word(k))
}

// cueWord returns what word k is to the cue passes (see lexicon.cueWords):
// read once for every distinct word of an index, looked up for a word of
// no index.
func (sn *sentence) cueWord(k int) cueWord {
	if id := sn.toks[k].id(); id >= 0 && sn.cues != nil {
		return sn.cues[id]
	}
	return words().cueWords.get(sn.word(k))
}

// gap returns the text between word k-1 and word k: spaces and
// punctuation.
func (sn *sentence) gap(k int) string { return sn.text[sn.toks[k-1].end:sn.toks[k].start] }

// is reports whether word k is w, ignoring case.
func (sn *sentence) is(k int, w string) bool { return strings.EqualFold(sn.word(k), w) }

// opens reports whether word k starts where the sentence does, with no
// quotation mark or other punctuation before it.
func (sn *sentence) opens(k int) bool { return sn.start(k) == sn.bounds.Start }

// commaBefore reports whether a comma stands between word k and the word
// before it; it is false for the first word and past the last.
func (sn *sentence) commaBefore(k int) bool {
	return k > 0 && k < len(sn.toks) && strings.ContainsRune(sn.gap(k), ',')
}

// appendTokens appends the words of text[start:end] to buf. A word is a
// run of letters and digits with inner apostrophes, hyphens, ampersands
// and full stops ("Wal-mart", "O'Reilly", "U.S.", "AT&T"); a full stop
// at a word's end is kept only for initials and abbreviations ("Dr."), an
// apostrophe only for a plural possessive ("bakers'"). An ampersand
// between spaces before a capital joins words as "and" does ("Hollin Aviation &
// Sea Museum") and does not break the run.
func appendTokens(buf []token, text string, start, end int) []token {
	broken := true
	for i := start; i < end; {
		if c := text[i]; c < utf8.RuneSelf && !asciiWord[c] {
			if c == '\t' || c == '\n' || !asciiSpace[c] && !joinsNames(text[:end], i) {
				broken = true
			}
			i++
			continue
		}
		r, word, n := runeAt(text, i, end)
		if !word {
			if r == '\t' || r == '\n' || !IsSpace(r) && !joinsNames(text[:end], i) {
				broken = true
			}
			i += n
			continue
		}
		j := i + n
		for j < end {
			var r2 rune
			var n2 int
			w := uint64(laneHighs) // read byte by byte below: fewer than eight are left
			if j+8 <= end {
				w = load8(text, j)
			}
			if isASCII8(w) {
				// A run of ASCII letters and digits eight bytes at a
				// time, up to the byte that ends it.
				run := asciiWordRun(w)
				if j += run; run == 8 {
					continue
				}
				r2, n2 = rune(text[j]), 1
			} else {
				var word2 bool
				if r2, word2, n2 = runeAt(text, j, end); word2 {
					j += n2
					continue
				}
			}
			if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '&' || r2 == '.' {
				if j+n2 < end {
					if _, word3, _ := runeAt(text, j+n2, end); word3 {
						j += n2
						continue
					}
				}
			}
			break
		}
		// Keep the apostrophe of a plural possessive: "the bakers' union".
		if j+1 < end && (text[j-1] == 's' || text[j-1] == 'S') {
			if r2, n2 := utf8.DecodeRuneInString(text[j:end]); (r2 == '\'' || r2 == '’') && j+n2 < end && text[j+n2] == ' ' {
				if r3, _ := utf8.DecodeRuneInString(text[skipSpace(text[:end], j+n2):end]); unicode.IsLetter(r3) {
					j += n2
				}
			}
		}
		// Keep the full stop of "U.S." and of an initial such as "J.".
		if j < end && text[j] == '.' && (j-i == 1 || hasInnerDot(text[i:j]) || (j-i <= 6 && keepsStop(text[i:j], text[skipSpace(text[:end], j+1):end]))) {
			j++
		}
		t := token{start: int32(i), end: int32(j)}
		if broken {
			t.word = brokenBit
		}
		buf = append(buf, t)
		broken = false
		i = j
	}
	return buf
}

// runeAt returns the rune of text[:end] at i, whether it can be part of
// a word (isWordRune) and its length, reading ASCII by a table.
func runeAt(text string, i, end int) (r rune, word bool, size int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), asciiWord[c], 1
	}
	r, size = utf8.DecodeRuneInString(text[i:end])
	return r, isWordRune(r), size
}

// asciiWordRun returns how many of the bytes of w, a word of ASCII
// bytes, from the lowest lane, are letters or digits as asciiWord marks
// them: 8 when all are.
func asciiWordRun(w uint64) int {
	return bits.TrailingZeros64(^(asciiLanesIn(w|' '*laneOnes, 'a', 'z')|asciiLanesIn(w, '0', '9'))&laneHighs) / 8
}

// asciiWord marks the ASCII bytes that can be part of a word: letters and
// digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

// hasInnerDot reports whether w has a full stop inside it ("U.S").
func hasInnerDot(w string) bool {
	for k := 1; k < len(w)-1; k++ {
		if w[k] == '.' {
			return true
		}
	}
	return false
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// joinsNames reports whether text[i] is an ampersand standing alone
// between spaces, before a capitalised word: "Johnson & Johnson".
func joinsNames(text string, i int) bool {
	if text[i] != '&' || i == 0 || text[i-1] != ' ' || i+2 >= len(text) || text[i+1] != ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i+2:])
	return unicode.IsUpper(r)
}
