package model

import (
	"bytes"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/unicode/norm"
)

// sniffLimit is how many bytes decode judges when it has to guess the
// encoding of text that is not valid UTF-8 (see sniffSample). The guess
// is applied to the whole input.
const sniffLimit = 8 << 10

// sniffContext is how many bytes before the first non-ASCII byte of a
// line the sample decode judges takes at most, so that the character is
// judged beside the word it belongs to.
const sniffContext = 64

// candidate is an encoding decode may guess.
type candidate struct {
	name string
	enc  encoding.Encoding
	// scripts are the scripts of the letters text in the encoding is
	// written in; a letter of any other script counts against it.
	scripts script
	// common holds the characters that make up much of ordinary text in
	// those scripts. Finding them is the strongest evidence that a guess
	// is right; a wrong guess produces them rarely.
	common map[rune]bool
	// frequent returns the set of kana, Hangul and ideographs that the
	// first level of the encoding's character set holds, which is the set
	// its users need daily, or nil for an encoding with none. A CJK letter
	// outside it counts against the encoding.
	frequent func() *cjkSet
}

// script is a set of writing systems, one bit each, as far as guessing an
// encoding needs to tell them apart.
type script uint8

const (
	scriptLatin script = 1 << iota
	scriptGreek
	scriptCyrillic
	// scriptCJK is Han, kana and Hangul, which mix in one text, with the
	// fullwidth forms CJK text sets among them.
	scriptCJK
	scriptOther

	// alphabetic scripts separate words by spaces and have letter case.
	alphabetic = scriptLatin | scriptGreek | scriptCyrillic
	allScripts = alphabetic | scriptCJK | scriptOther
)

// Frequent characters of the languages the candidates are used for. Each
// list is ours, from general knowledge of the languages; only membership
// matters, not order.
const (
	commonSimplified  = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直资命山金指许统区保至队形社便空决治展科司五基书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取"
	commonTraditional = "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身果加西月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直資命山金指許統區保至隊形社便空決治展科司五基書非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取"
	commonJapanese    = "ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをん日本人年一大十二中出子生会行見時分上国"
	commonKorean      = "이다의는에하고을를가한지서로기사도있대인리수자으시아정어나해국과일게주상제보면들장전여부라적소말구성우중니만생동요할화그것원와위문신내경관했된되때년무교비조까없오연거개모세유저분실공회선방발마행계학간각치르터음안데합니습용통업물당민"
	// commonCJKPunctuation is punctuation that CJK text uses constantly.
	commonCJKPunctuation = "，。、：；？！《》「」『』（）“”‘’—…·"
	// Letters frequent in French, German, Spanish, Portuguese and Italian,
	// and in Polish, Czech, Slovak, Hungarian and Romanian.
	commonWestern = "éèàùçâêôîûëïüöäßñáíóúãõ“”‘’–—…«»¿¡"
	commonCentral = "ąćęłńóśźżčďěňřšťůžáéíúýőűăâîșțşţäöü„”“‘’–—…«»"
	// Lower-case letters frequent in Russian, Ukrainian and Bulgarian.
	commonCyrillic = "оеаинтсрвлі«»—–„“…№"
	commonGreek    = "αεοιτνσςρηάέίόή«»―’"
)

// The first levels of the CJK double-byte character sets, as rows of
// lead and trail bytes (see cjkRows): the symbol rows, which hold letters
// such as "々" and "ー", then the kana or Hangul rows and the ideographs
// of level one. Each standard orders its ideographs by frequency of use,
// so these sets come from the standards, not from a list of ours.
var (
	gb2312Level1 = sync.OnceValue(func() *cjkSet {
		return decodeRows(simplifiedchinese.GBK, cjkRows{{0xA1, 0xA1, 0xA1, 0xFE}, {0xA4, 0xA5, 0xA1, 0xFE}, {0xB0, 0xD7, 0xA1, 0xFE}})
	})
	big5Level1 = sync.OnceValue(func() *cjkSet {
		return decodeRows(traditionalchinese.Big5, cjkRows{{0xA1, 0xC5, 0x40, 0x7E}, {0xA1, 0xC5, 0xA1, 0xFE}, {0xC6, 0xC6, 0x40, 0x7E}})
	})
	jisLevel1 = sync.OnceValue(func() *cjkSet {
		return decodeRows(japanese.EUCJP, cjkRows{{0xA1, 0xA1, 0xA1, 0xFE}, {0xA4, 0xA5, 0xA1, 0xFE}, {0xB0, 0xCF, 0xA1, 0xFE}})
	})
	ksLevel1 = sync.OnceValue(func() *cjkSet {
		return decodeRows(korean.EUCKR, cjkRows{{0xA1, 0xA1, 0xA1, 0xFE}, {0xB0, 0xC8, 0xA1, 0xFE}})
	})
	anyLevel1 = sync.OnceValue(func() *cjkSet {
		var s cjkSet
		for _, l := range []*cjkSet{gb2312Level1(), big5Level1(), jisLevel1(), ksLevel1()} {
			for i := range s {
				s[i] |= l[i]
			}
		}
		return &s
	})
)

var (
	utf8Candidate = candidate{name: "utf-8", scripts: allScripts, common: runeSet(
		commonSimplified + commonTraditional + commonJapanese + commonKorean + commonCJKPunctuation +
			commonWestern + commonCentral + commonCyrillic + commonGreek), frequent: anyLevel1}
	win1252 = candidate{"windows-1252", charmap.Windows1252, scriptLatin, runeSet(commonWestern), nil}
	// legacyCandidates are the legacy encodings decode may guess, in the
	// order that breaks ties.
	legacyCandidates = []*candidate{
		{"gb18030", simplifiedchinese.GB18030, scriptCJK, runeSet(commonSimplified + commonCJKPunctuation), gb2312Level1},
		{"big5", traditionalchinese.Big5, scriptCJK, runeSet(commonTraditional + commonCJKPunctuation), big5Level1},
		{"shift_jis", japanese.ShiftJIS, scriptCJK, runeSet(commonJapanese + commonCJKPunctuation), jisLevel1},
		{"euc-jp", japanese.EUCJP, scriptCJK, runeSet(commonJapanese + commonCJKPunctuation), jisLevel1},
		{"euc-kr", korean.EUCKR, scriptCJK, runeSet(commonKorean + commonCJKPunctuation), ksLevel1},
		&win1252,
		{"windows-1250", charmap.Windows1250, scriptLatin, runeSet(commonCentral), nil},
		{"iso-8859-2", charmap.ISO8859_2, scriptLatin, runeSet(commonCentral), nil},
		{"windows-1251", charmap.Windows1251, scriptCyrillic, runeSet(commonCyrillic), nil},
		{"koi8-r", charmap.KOI8R, scriptCyrillic, runeSet(commonCyrillic), nil},
		{"iso-8859-5", charmap.ISO8859_5, scriptCyrillic, runeSet(commonCyrillic), nil},
		{"iso-8859-7", charmap.ISO8859_7, scriptGreek, runeSet(commonGreek), nil},
	}
)

// cjkSet is a set of runes from U+3000 to U+D7AF: CJK symbols, kana,
// ideographs and Hangul syllables.
type cjkSet [(cjkHi - cjkLo + 63) / 64]uint64

// The range of runes a cjkSet holds.
const (
	cjkLo = 0x3000
	cjkHi = 0xD7B0
)

// has reports whether r is in s.
func (s *cjkSet) has(r rune) bool {
	return r >= cjkLo && r < cjkHi && s[(r-cjkLo)/64]&(1<<((r-cjkLo)%64)) != 0
}

// add puts r in s, when it is in the range s holds.
func (s *cjkSet) add(r rune) {
	if r >= cjkLo && r < cjkHi {
		s[(r-cjkLo)/64] |= 1 << ((r - cjkLo) % 64)
	}
}

// cjkRows lists parts of a double-byte character set, each as the first
// and last lead byte and the first and last trail byte.
type cjkRows [][4]byte

// decodeRows returns the set of the characters enc decodes from every
// pair of bytes in rows, one pair at a time.
func decodeRows(enc encoding.Encoding, rows cjkRows) *cjkSet {
	var s cjkSet
	dec := enc.NewDecoder()
	var out [8]byte
	for _, row := range rows {
		for lead := int(row[0]); lead <= int(row[1]); lead++ {
			for trail := int(row[2]); trail <= int(row[3]); trail++ {
				dec.Reset()
				n, _, err := dec.Transform(out[:], []byte{byte(lead), byte(trail)}, true)
				if r, size := utf8.DecodeRune(out[:n]); err == nil && size == n {
					s.add(r)
				}
			}
		}
	}
	return &s
}

// runeSet returns the runes of s as a set.
func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool, utf8.RuneCountInString(s))
	for _, r := range s {
		m[r] = true
	}
	return m
}

// guessEncoding picks the legacy encoding data, which is not valid UTF-8,
// is written in, or returns nil when it is UTF-8 with stray bytes. It
// judges a sample (see sniffSample):
//
//  1. Valid UTF-8 sequences win: the sample is UTF-8 when the bytes its
//     valid multi-byte sequences hold beyond their first are at least as
//     many as its stray bytes. Legacy text forms valid sequences only by
//     accident: double-byte text rarely and mostly two bytes long, Latin
//     and Cyrillic text hardly ever, since a byte from 0xC2 to 0xF4 would
//     have to be followed by one to three from 0x80 to 0xBF.
//  2. Otherwise the sample is read as UTF-8 with its stray bytes repaired
//     (see appendRepaired) and with each legacy candidate, and every
//     reading is scored by how much it looks like real text in the
//     candidate's scripts (see plausibility); a UTF-8 reading also loses
//     two points for each byte it had to replace.
//
// The highest score wins, the earlier candidate on a tie, and UTF-8 before
// them all when it has a valid sequence. A legacy encoding must also score
// at least one point for each non-ASCII character it reads, as a plausible
// letter does on its own: a few stray bytes ("\xFF\xFE\xC3") read as
// anything ("яюГ") score less. The work is one pass over data to gather
// the sample, then a pass over the sample for each candidate.
func guessEncoding(data []byte) *candidate {
	sample := sniffSample(data)
	valid, stray := utf8Evidence(sample)
	if valid >= stray {
		return nil
	}
	buf := make([]byte, 0, 3*len(sample)+utf8.UTFMax)
	buf, lost := appendRepaired(buf, sample)
	var best *candidate
	bestScore, _ := plausibility(buf, &utf8Candidate)
	bestScore -= 2 * lost
	if valid == 0 {
		// Nothing speaks for UTF-8: a legacy reading that scores as well
		// reads the same and decodes faster.
		bestScore--
	}
	for _, c := range legacyCandidates {
		// No decoder here writes more than three bytes of UTF-8 for each
		// byte it reads, so buf is large enough; an error skips c.
		n, _, err := c.enc.NewDecoder().Transform(buf[:cap(buf)], sample, true)
		if err != nil {
			continue
		}
		if s, chars := plausibility(buf[:n], c); s > bestScore && s >= chars {
			best, bestScore = c, s
		}
	}
	return best
}

// utf8Evidence returns how many bytes of p's valid multi-byte UTF-8
// sequences follow their first byte, and how many bytes of p are stray:
// the first byte of no valid sequence. A sequence cut short by the end of
// p (utf8.FullRune reports false only for the start of a valid one), which
// is how UTF-8 ends when a download or a buffer is cut, counts as valid.
func utf8Evidence(p []byte) (valid, stray int) {
	for i := 0; i < len(p); {
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		if !utf8.FullRune(p[i:]) {
			return valid + len(p) - i - 1, stray
		}
		r, n := utf8.DecodeRune(p[i:])
		if r == utf8.RuneError && n == 1 {
			stray++
		} else {
			valid += n - 1
		}
		i += n
	}
	return valid, stray
}

// sniffSample returns what guessEncoding judges: the lines of data that
// hold a non-ASCII byte, in order, up to sniffLimit bytes in all, since
// ASCII reads the same in every candidate. A line starts at most
// sniffContext bytes before its first non-ASCII byte. A sample cut short
// within a line is cut before a UTF-8 sequence it would split.
func sniffSample(data []byte) []byte {
	sample := make([]byte, 0, sniffLimit)
	for i := 0; i < len(data) && len(sample) < sniffLimit; {
		j := i
		for j < len(data) && data[j] < utf8.RuneSelf {
			j++
		}
		if j == len(data) {
			break
		}
		start := max(i, j-sniffContext)
		if k := bytes.LastIndexByte(data[start:j], '\n'); k >= 0 {
			start += k + 1
		}
		end := len(data)
		if k := bytes.IndexByte(data[j:], '\n'); k >= 0 {
			end = j + k + 1
		}
		if room := sniffLimit - len(sample); end-start > room {
			sample = append(sample, data[start:start+room]...)
			return trimPartialRune(sample)
		}
		sample = append(sample, data[start:end]...)
		i = end
	}
	return sample
}

// trimPartialRune returns p without a UTF-8 sequence cut short at its end.
func trimPartialRune(p []byte) []byte {
	for k := 1; k <= min(utf8.UTFMax, len(p)); k++ {
		if utf8.RuneStart(p[len(p)-k]) {
			if !utf8.FullRune(p[len(p)-k:]) {
				return p[:len(p)-k]
			}
			break
		}
	}
	return p
}

// plausibility scores how much text, a reading of the sample in c's
// encoding, looks like real text in c's scripts, and counts the non-ASCII
// characters it scored. ASCII scores nothing; each other character scores
// by its kind and its neighbours:
//
//   - -4 for U+FFFD (a byte the encoding cannot decode) or a C1 control;
//   - -2 for characters text almost never holds: private use, Bopomofo,
//     vertical forms, halfwidth katakana, the planes beyond the first but
//     for emoji, "ÿ", "¤", "¦";
//   - a letter: -1 outside c's scripts; -2 beside a letter of another
//     script, as a Latin word read as CJK is ("caf茅", "tr猫s"), unless it
//     is CJK with CJK on its other side ("iPhone销量"); -2 for a third of
//     the same letter in a row ("яяя", as noise makes); -1 for a letter
//     that breaks the case pattern of words (see isMiscased), one past the
//     maxWordLen-th of a word of an alphabetic script, "ς" inside a word, a
//     third Latin letter or symbol in a row without ASCII between, and a
//     Latin consonant beyond ASCII standing alone as a word ("č" for
//     Italian "è"); +3 for a common character of c's languages; -1 for
//     another CJK letter outside the first level of c's character set; 0
//     for one with no CJK beside it (one ideograph alone proves little);
//     else +1;
//   - a combining mark: 0;
//   - anything else: +3 for common punctuation of c's languages; -3 glued
//     to a letter of an alphabetic script where nothing of its kind
//     belongs: between two letters unless it joins words ("odby³o"), after
//     a letter unless it can close a word, before one unless it can open a
//     word ("â€", a UTF-8 "’" cut short and read as Windows-1252); -1 as a
//     third Latin letter or symbol in a row; +1 for punctuation, spaces and
//     currency signs; -1 for modifier symbols ("¨", "´"); else 0.
func plausibility(text []byte, c *candidate) (score, chars int) {
	var ctx scoreContext
	space := classify(' ')
	prev := space
	r, n := utf8.DecodeRune(text)
	cur := classify(r)
	for i := 0; i < len(text); {
		i += n
		next, m := space, 0
		if i < len(text) {
			r, m = utf8.DecodeRune(text[i:])
			next = classify(r)
		}
		if cur.r >= utf8.RuneSelf {
			score += runeScore(prev, cur, next, ctx, c)
			chars++
		}
		ctx.update(prev, cur)
		prev, cur, n = cur, next, m
	}
	return score, chars
}

// maxWordLen is the most letters in a row that an alphabetic script's
// words have, give or take a compound. A legacy CJK text read as Cyrillic
// or Greek makes "words" as long as its sentences.
const maxWordLen = 20

// scoreContext is what runeScore knows of the text before a rune beyond
// the rune just before it, prev.
type scoreContext struct {
	// before2 is the rune before prev.
	before2 rune
	// latinRun counts the Latin letters and symbols in a row up to prev,
	// with no ASCII between.
	latinRun int
	// wordLen counts the letters in a row up to prev, and upperRun the
	// upper-case ones among the last of them.
	wordLen, upperRun int
}

// update moves ctx past cur, which followed prev.
func (ctx *scoreContext) update(prev, cur classified) {
	ctx.before2 = prev.r
	switch {
	case cur.r < utf8.RuneSelf || cur.letter() && cur.script != scriptLatin:
		ctx.latinRun = 0
	default:
		ctx.latinRun++
	}
	switch {
	case cur.letter():
		ctx.wordLen++
		if cur.upper() {
			ctx.upperRun++
		} else {
			ctx.upperRun = 0
		}
	case !cur.mark():
		ctx.wordLen, ctx.upperRun = 0, 0
	}
}

// runeScore scores cur, a non-ASCII rune, between prev and next, in ctx,
// as plausibility describes.
func runeScore(prev, cur, next classified, ctx scoreContext, c *candidate) int {
	r := cur.r
	switch {
	case r == utf8.RuneError || r < 0xA0:
		return -4
	case isRare(r):
		return -2
	case cur.mark():
		return 0
	case cur.letter():
		sc := cur.script
		switch {
		case c.scripts&sc == 0:
			return -1
		case (prev.letter() && prev.script != sc || next.letter() && next.script != sc) &&
			(sc != scriptCJK || prev.script != scriptCJK && next.script != scriptCJK):
			return -2
		case r == prev.r && r == ctx.before2:
			return -2
		case sc&alphabetic != 0 && isMiscased(prev, cur, ctx),
			sc&alphabetic != 0 && ctx.wordLen >= maxWordLen,
			r == 'ς' && next.letter(),
			sc == scriptLatin && ctx.latinRun >= 2,
			sc == scriptLatin && !prev.letter() && !next.letter() && !isVowel(r):
			return -1
		case c.common[r]:
			return 3
		case sc == scriptCJK && !c.frequent().has(r):
			return -1
		case sc == scriptCJK && prev.script != scriptCJK && next.script != scriptCJK:
			return 0
		}
		return 1
	case prev.isAlphabetic() && next.isAlphabetic() && cur.flags&flagJoins == 0,
		prev.isAlphabetic() && cur.flags&flagCloses == 0,
		next.isAlphabetic() && cur.flags&flagOpens == 0:
		return -3
	case ctx.latinRun >= 2, cur.flags&flagModifier != 0:
		return -1
	case c.common[r]:
		return 3
	case cur.flags&flagPlain != 0:
		return 1
	}
	return 0
}

// classified is a rune with what plausibility needs to know of it.
type classified struct {
	r      rune
	flags  runeFlags
	script script // of a letter or of CJK punctuation; 0 for anything else
}

// runeFlags are the properties of a rune that plausibility looks at.
type runeFlags uint16

const (
	flagLetter runeFlags = 1 << iota
	flagUpper
	flagLower
	flagMark
	// Kinds of the other runes.
	flagPlain    // punctuation, a space or a currency sign (P, Zs, Sc)
	flagModifier // a modifier symbol (Sk), such as "¨"
	flagCloses   // may follow a letter (see closesWord)
	flagOpens    // may come just before a letter (see opensWord)
	flagJoins    // may stand between two letters (see joinsWords)
)

func (x classified) letter() bool { return x.flags&flagLetter != 0 }
func (x classified) upper() bool  { return x.flags&flagUpper != 0 }
func (x classified) lower() bool  { return x.flags&flagLower != 0 }
func (x classified) mark() bool   { return x.flags&flagMark != 0 }

// tableRanges are the runes classTable holds, each range from its first
// rune to before its last: Latin, Greek, Cyrillic and the scripts to
// U+07FF; general punctuation, currency and letterlike symbols; CJK
// punctuation and kana; fullwidth and halfwidth forms and U+FFFD. Wrong
// readings are made of these as much as right ones.
var tableRanges = [...][2]rune{{0, 0x800}, {0x2000, 0x2200}, {0x3000, 0x3100}, {0xFF00, 0x10000}}

// classTable holds what classifyRune says of every rune in tableRanges,
// one range after another, so that plausibility, which classifies every
// rune of a dozen readings, searches no unicode table for them.
var classTable = func() []classified {
	var t []classified
	for _, rg := range tableRanges {
		for r := rg[0]; r < rg[1]; r++ {
			t = append(t, classifyRune(r))
		}
	}
	return t
}()

// classify returns r classified, from classTable or, for ideographs and
// Hangul syllables, at once; other runes are looked up in the unicode
// tables. It is small enough to be inlined for the runes of the first
// table range, ASCII among them.
func classify(r rune) classified {
	if r < tableRanges[0][1] {
		return classTable[r]
	}
	return classifyWide(r)
}

// classifyWide is classify for runes beyond the first table range.
func classifyWide(r rune) classified {
	if r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xAC00 && r <= 0xD7A3 {
		return classified{r, flagLetter, scriptCJK}
	}
	offset := rune(0)
	for _, rg := range tableRanges {
		if r < rg[0] {
			break
		}
		if r < rg[1] {
			return classTable[offset+r-rg[0]]
		}
		offset += rg[1] - rg[0]
	}
	return classifyRune(r)
}

// classifyRune returns r classified from the unicode tables.
func classifyRune(r rune) classified {
	switch {
	case unicode.IsLetter(r):
		f := flagLetter
		if unicode.IsUpper(r) {
			f |= flagUpper
		} else if unicode.IsLower(r) {
			f |= flagLower
		}
		return classified{r, f, scriptOf(r)}
	case unicode.IsMark(r):
		return classified{r, flagMark, 0}
	}
	var f runeFlags
	if unicode.In(r, unicode.P, unicode.Zs, unicode.Sc) {
		f |= flagPlain
	}
	if unicode.Is(unicode.Sk, r) {
		f |= flagModifier
	}
	if closesWord(r) {
		f |= flagCloses
	}
	if opensWord(r) {
		f |= flagOpens
	}
	if joinsWords(r) {
		f |= flagJoins
	}
	var sc script
	if r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
		sc = scriptCJK // CJK and fullwidth punctuation
	}
	return classified{r, f, sc}
}

// isAlphabetic reports whether x is a letter of an alphabetic script.
func (x classified) isAlphabetic() bool {
	return x.script&alphabetic != 0
}

// isMiscased reports whether the letter cur, after prev, breaks the case
// pattern of words: an upper-case letter after a lower-case one ("нПСК"),
// or a lower-case letter after two upper-case ones ("ДЖу"). A wrong reading
// of Cyrillic, or of CJK as Cyrillic, mixes cases at random.
func isMiscased(prev, cur classified, ctx scoreContext) bool {
	switch {
	case prev.script != cur.script:
		return false
	case cur.upper():
		return prev.lower()
	}
	return cur.lower() && ctx.upperRun >= 2
}

// isVowel reports whether the Latin letter r is a vowel, with or without
// marks: the only letters beyond ASCII that stand alone as words ("à",
// "è", "å"), where a lone "č" or "ŕ" is a wrong reading.
func isVowel(r rune) bool {
	var buf [utf8.UTFMax]byte
	base, _ := utf8.DecodeRune(norm.NFD.Properties(utf8.AppendRune(buf[:0], r)).Decomposition())
	if base == utf8.RuneError {
		base = r // no decomposition
	}
	return strings.ContainsRune("aeiouyAEIOUYæøœÆØŒ", base)
}

// isRare reports whether r is a character that real text almost never
// holds but a wrong decoding often makes.
func isRare(r rune) bool {
	switch {
	case r == 'ÿ', r == '¤', r == '¦':
	case r >= 0xE000 && r <= 0xF8FF: // private use
	case r >= 0x3100 && r <= 0x312F: // Bopomofo
	case r >= 0xFE10 && r <= 0xFE4F: // vertical and compatibility forms
	case r >= 0xFF61 && r <= 0xFF9F: // halfwidth katakana
	case r >= 0xFFF0:
		return r < 0x1F000 || r > 0x1FAFF // emoji are common
	default:
		return false
	}
	return true
}

// scriptOf returns the script of the letter r.
func scriptOf(r rune) script {
	switch {
	case r < 0x250, r >= 0x1E00 && r < 0x1F00:
		return scriptLatin
	case r >= 0x370 && r < 0x400, r >= 0x1F00 && r < 0x2000:
		return scriptGreek
	case r >= 0x400 && r < 0x530:
		return scriptCyrillic
	case r >= 0x1100 && r < 0x1200, // Hangul jamo
		r >= 0x2E80 && r < 0xA000,   // CJK radicals to ideographs
		r >= 0xAC00 && r < 0xD7B0,   // Hangul syllables
		r >= 0xF900 && r < 0xFB00,   // CJK compatibility ideographs
		r >= 0xFF00 && r < 0xFFF0,   // fullwidth and halfwidth forms
		r >= 0x20000 && r < 0x40000: // CJK ideographs beyond the first plane
		return scriptCJK
	}
	return scriptOther
}

// closesWord reports whether the non-letter r may follow a letter, as
// closing punctuation, a space or a mark such as "™" does.
func closesWord(r rune) bool {
	return unicode.In(r, unicode.Pe, unicode.Pf, unicode.Pi, unicode.Po, unicode.Pd, unicode.Zs) ||
		strings.ContainsRune("®™°¹²³", r)
}

// opensWord reports whether the non-letter r may come just before a
// letter, as opening punctuation or a space does. Quotation marks both
// open and close: "„so“" opens with U+201E and closes with U+201C.
func opensWord(r rune) bool {
	return unicode.In(r, unicode.Ps, unicode.Pi, unicode.Pf, unicode.Pd, unicode.Zs) ||
		strings.ContainsRune("¿¡", r)
}

// joinsWords reports whether the non-letter r may stand between two
// letters: an apostrophe, a hyphen or dash, a middle dot or a space.
func joinsWords(r rune) bool {
	return r == '’' || r == 'ʼ' || r == '·' || unicode.In(r, unicode.Pd, unicode.Zs)
}
