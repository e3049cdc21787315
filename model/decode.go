package model

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// sniffLimit is how many leading bytes Decode examines when it has to guess
// a legacy encoding. The guess is applied to the whole input.
const sniffLimit = 64 << 10

// Byte order marks, longest first where one is a prefix of another.
var (
	bomUTF32LE = []byte{0xFF, 0xFE, 0x00, 0x00}
	bomUTF32BE = []byte{0x00, 0x00, 0xFE, 0xFF}
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode returns data as valid UTF-8 text.
//
// A byte order mark decides the encoding when there is one: UTF-8 (the mark
// is stripped and any invalid bytes after it become U+FFFD), UTF-16 or UTF-32
// in either byte order. A UTF-32 LE mark (FF FE 00 00) wins over the UTF-16
// LE mark it begins with. Input that is valid UTF-8 is returned unchanged.
//
// Anything else is guessed from its first 64 KiB among GB18030 (a superset
// of GBK and GB2312), Big5, Shift_JIS and Windows-1252, then decoded whole
// with the winner; see guessEncoding for the heuristic. Text that is mostly
// valid UTF-8 with a few bad bytes, or that fits no candidate, is kept as
// UTF-8 with each run of invalid bytes replaced by one U+FFFD, as
// strings.ToValidUTF8 does.
//
// Empty input, or a byte order mark alone, decodes to "" without error.
func Decode(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF32LE):
		return decodeWith(data[len(bomUTF32LE):], utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), "utf-32le")
	case bytes.HasPrefix(data, bomUTF32BE):
		return decodeWith(data[len(bomUTF32BE):], utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), "utf-32be")
	case bytes.HasPrefix(data, bomUTF8):
		rest := data[len(bomUTF8):]
		if utf8.Valid(rest) {
			return string(rest), nil
		}
		return strings.ToValidUTF8(string(rest), "\uFFFD"), nil
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeWith(data[len(bomUTF16LE):], unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le")
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(data[len(bomUTF16BE):], unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be")
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	prefix := sniffPrefix(data)
	c := guessEncoding(prefix, len(prefix) < len(data))
	if c == nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), nil
	}
	return decodeWith(data, c.enc, c.name)
}

// decodeWith decodes data, which carries no byte order mark, with enc.
// The x/text decoders used here replace malformed input with U+FFFD, so an
// error means something unexpected went wrong inside the transformer.
func decodeWith(data []byte, enc encoding.Encoding, name string) (string, error) {
	if len(data) == 0 {
		return "", nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	return string(out), nil
}

// sniffPrefix returns the part of data that guessEncoding examines: at most
// sniffLimit bytes, cut after a newline in the second half of the window when
// there is one, so that no multi-byte character is split at the cut.
func sniffPrefix(data []byte) []byte {
	if len(data) <= sniffLimit {
		return data
	}
	p := data[:sniffLimit]
	if i := bytes.LastIndexByte(p, '\n'); i >= sniffLimit/2 {
		return p[:i+1]
	}
	return p
}

// candidate is a legacy encoding Decode may guess.
type candidate struct {
	name string
	enc  encoding.Encoding
	// common holds the characters that make up much of ordinary text in
	// the scripts the encoding is used for. Finding them is the strongest
	// evidence that a guess is right; a wrong guess produces them rarely.
	common map[rune]bool
}

var (
	gb18030Candidate  = candidate{"gb18030", simplifiedchinese.GB18030, runeSet(commonSimplified)}
	big5Candidate     = candidate{"big5", traditionalchinese.Big5, runeSet(commonTraditional)}
	shiftJISCandidate = candidate{"shift_jis", japanese.ShiftJIS, runeSet(commonJapanese)}
	cjkCandidates     = []*candidate{&gb18030Candidate, &big5Candidate, &shiftJISCandidate}
	win1252Candidate  = candidate{name: "windows-1252", enc: charmap.Windows1252}
)

// Frequent characters of simplified Chinese, traditional Chinese and
// Japanese text (hiragana covers a large share of any Japanese sentence).
const (
	commonSimplified  = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指许统区保至队形社便空决治展科司五基书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取"
	commonTraditional = "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身果加西月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直資命山金指許統區保至隊形社便空決治展科司五基書非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取"
	commonJapanese    = "ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをん日本人年一大十二中出子生会行見時分上国"
	// commonPunctuation is punctuation that CJK text uses constantly.
	commonPunctuation = "，。、：；？！《》「」『』（）“”‘’—…·"
)

// runeSet returns the runes of s as a set.
func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool, utf8.RuneCountInString(s))
	for _, r := range s {
		m[r] = true
	}
	return m
}

var punctuationSet = runeSet(commonPunctuation)

// guessEncoding picks the legacy encoding that best explains prefix, the
// start of a text that is not valid UTF-8 (all of it unless truncated), or
// returns nil when the text should be kept as UTF-8
// with its invalid bytes replaced. The heuristic is cheap and deterministic:
//
//  1. UTF-8 first: if the prefix is valid (the damage lies further on), or
//     has at least four valid multi-byte sequences per invalid byte, it is
//     damaged UTF-8. Legacy double-byte text forms valid UTF-8 sequences
//     only by accident, far less often than that.
//  2. Each CJK candidate decodes the prefix and scores every non-ASCII
//     rune: +3 for a frequent character of its script or common CJK
//     punctuation, +1 for other ideographs, kana and CJK symbols or
//     fullwidth forms, -1 for halfwidth katakana and other scripts, -2 for
//     private use, supplementary planes, Bopomofo and vertical forms, and
//     -4 for each decoding error.
//  3. Windows-1252 scores runs of consecutive high bytes, since Latin text
//     has isolated high bytes between ASCII while double-byte text has
//     runs: a lone defined byte scores +2 (+1 for a letter with no ASCII
//     letter beside it), a lone undefined byte or 0xFF (ÿ) -2, a lone byte
//     just one ASCII byte after the previous high byte -1 (Big5, GBK and
//     Shift_JIS trail bytes can be ASCII), a pair 0 and a longer run -1 per
//     byte.
//
// The highest positive score wins, CJK candidates first on a tie; with no
// positive score the text is kept as UTF-8.
func guessEncoding(prefix []byte, truncated bool) *candidate {
	if looksLikeUTF8(prefix, truncated) {
		return nil
	}
	var best *candidate
	bestScore := 0
	for _, c := range cjkCandidates {
		if s := scoreCJK(prefix, c); s > bestScore {
			best, bestScore = c, s
		}
	}
	if s := score1252(prefix); s > bestScore {
		best = &win1252Candidate
	}
	return best
}

// looksLikeUTF8 reports whether p, the start of a text that is not valid
// UTF-8, is better read as UTF-8 with a few damaged bytes than as a legacy
// encoding. When p is truncated, a sequence cut short at its end is ignored.
func looksLikeUTF8(p []byte, truncated bool) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && size == 1 {
			if truncated && !utf8.FullRune(p[i:]) {
				break
			}
			invalid++
		} else {
			valid++
		}
		i += size
	}
	return invalid == 0 || valid >= 4*invalid
}

// scoreCJK scores how plausible p is as text in c's encoding.
func scoreCJK(p []byte, c *candidate) int {
	out, err := c.enc.NewDecoder().Bytes(p)
	if err != nil {
		return 0
	}
	score := 0
	for _, r := range string(out) {
		if r < utf8.RuneSelf {
			continue
		}
		switch {
		case r == utf8.RuneError:
			score -= 4
		case c.common[r] || punctuationSet[r]:
			score += 3
		case r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
			r >= 0x3000 && r <= 0x30FF, // CJK symbols, hiragana, katakana
			r >= 0xFF01 && r <= 0xFF60, // fullwidth forms
			r >= 0xFFE0 && r <= 0xFFEF: // fullwidth signs
			score++
		case r >= 0xE000 && r <= 0xF8FF, // private use
			r >= 0x10000,               // rare planes
			r >= 0x3100 && r <= 0x312F, // Bopomofo
			r >= 0xFE30 && r <= 0xFE4F: // vertical and compatibility forms
			score -= 2
		default:
			score--
		}
	}
	return score
}

// score1252 scores how plausible p is as Windows-1252 (Latin) text from the
// runs of bytes at or above 0x80 it contains.
func score1252(p []byte) int {
	score := 0
	lastHigh := -3 // index of the last byte of the previous run
	for i := 0; i < len(p); {
		if p[i] < 0x80 {
			i++
			continue
		}
		j := i + 1
		for j < len(p) && p[j] >= 0x80 {
			j++
		}
		switch n := j - i; {
		case n == 1 && i-lastHigh == 2:
			// High bytes alternating with single ASCII bytes are the
			// pattern of double-byte text whose trail bytes are ASCII.
			score--
		case n == 1:
			score += score1252Byte(p, i)
		case n == 2:
			// Neutral: "’”" happens in Latin text, but rarely.
		default:
			score -= n
		}
		lastHigh = j - 1
		i = j
	}
	return score
}

// score1252Byte scores the lone high byte p[i] as Windows-1252.
func score1252Byte(p []byte, i int) int {
	switch b := p[i]; {
	case b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D || b == 0xFF:
		return -2 // undefined in Windows-1252, or the rare ÿ
	case b >= 0xC0 && b != 0xD7 && b != 0xF7:
		if (i > 0 && isASCIILetter(p[i-1])) || (i+1 < len(p) && isASCIILetter(p[i+1])) {
			return 2
		}
		return 1
	default:
		return 2 // punctuation, symbols, NBSP
	}
}

// isASCIILetter reports whether b is an ASCII letter.
func isASCIILetter(b byte) bool {
	return b|0x20 >= 'a' && b|0x20 <= 'z'
}
