package model

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"

	"github.com/lede-tui/lede/model/modeltest"
)

const (
	chineseSimplified = "小米集团由雷军于2010年在北京创立，是一家以智能手机和智能硬件为核心的消费电子公司。" +
		"雷军在接受采访时表示：“我们的目标是让每个人都能享受科技带来的美好生活。”" +
		"今年，小米发布了新款手机，并宣布正式进入电动汽车市场，这在业内引起了很大的关注。\n"
	chineseTraditional = "台灣的半導體產業在全球市場中扮演著非常重要的角色。" +
		"記者昨天在台北訪問了一位工程師，他說：「我們的技術還在不斷進步，未來會有更多的發展。」\n"
	japaneseText = "今日はとても良い天気ですね。東京の桜が咲きました。" +
		"記者の質問に対して、社長は「来年も新しい製品を発表する予定です」と答えました。\n"
)

// mustEncode encodes s with enc for a test input.
func mustEncode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode test input: %v", err)
	}
	return b
}

func TestDecode(t *testing.T) {
	latin := strings.Repeat("The same sentence, again and again, in plain ASCII. ", 40)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, ""},
		{"utf-8", []byte("Hello, 世界 — café\n"), "Hello, 世界 — café\n"},
		{"utf-8 with bom", []byte("\xEF\xBB\xBFHello, 世界\n"), "Hello, 世界\n"},
		{"utf-8 bom then invalid byte", []byte("\xEF\xBB\xBFa\xFFb"), "a\uFFFDb"},
		{"lone utf-8 bom", []byte{0xEF, 0xBB, 0xBF}, ""},
		{"lone utf-16le bom", []byte{0xFF, 0xFE}, ""},
		{"lone utf-16be bom", []byte{0xFE, 0xFF}, ""},
		{"lone utf-32le bom", []byte{0xFF, 0xFE, 0x00, 0x00}, ""},
		{
			"utf-16le by hand",
			[]byte{0xFF, 0xFE, 'H', 0, 'i', 0, 0x16, 0x4E, 0x4C, 0x75, 0x3D, 0xD8, 0x00, 0xDE},
			"Hi世界😀",
		},
		{
			"utf-16be by hand",
			[]byte{0xFE, 0xFF, 0, 'H', 0, 'i', 0x4E, 0x16, 0x75, 0x4C, 0xD8, 0x3D, 0xDE, 0x00},
			"Hi世界😀",
		},
		{
			"utf-16le encoder",
			mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), chineseSimplified),
			chineseSimplified,
		},
		{
			"utf-16be encoder",
			mustEncode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), chineseTraditional),
			chineseTraditional,
		},
		{"utf-16le odd trailing byte", []byte{0xFF, 0xFE, 'a', 0, 'b'}, "a\uFFFD"},
		{
			"utf-32le",
			mustEncode(t, utf32.UTF32(utf32.LittleEndian, utf32.UseBOM), "Hi 世界😀"),
			"Hi 世界😀",
		},
		{
			"utf-32be",
			mustEncode(t, utf32.UTF32(utf32.BigEndian, utf32.UseBOM), "Hi 世界😀"),
			"Hi 世界😀",
		},
		{"gb18030", mustEncode(t, simplifiedchinese.GB18030, chineseSimplified), chineseSimplified},
		{"gbk", mustEncode(t, simplifiedchinese.GBK, chineseSimplified), chineseSimplified},
		{
			"gb18030 with english",
			mustEncode(t, simplifiedchinese.GB18030, "Xiaomi 小米 Lei Jun 雷军 said: 我们会继续努力。\n"),
			"Xiaomi 小米 Lei Jun 雷军 said: 我们会继续努力。\n",
		},
		{"big5", mustEncode(t, traditionalchinese.Big5, chineseTraditional), chineseTraditional},
		{"shift_jis", mustEncode(t, japanese.ShiftJIS, japaneseText), japaneseText},
		{
			"windows-1252",
			[]byte("\x93Caf\xe9 culture,\x94 she said, \x93is na\xefve.\x94 \x96 Jos\xe9\n"),
			"“Café culture,” she said, “is naïve.” – José\n",
		},
		{"windows-1252 one byte", []byte("Caf\xe9"), "Café"},
		{
			"stray byte in utf-8",
			[]byte("Xiaomi 小米 was founded by 雷军 in 2010.\xFF The company — “very” big — grew fast.\n"),
			"Xiaomi 小米 was founded by 雷军 in 2010.\uFFFD The company — “very” big — grew fast.\n",
		},
		{
			"stray byte in utf-8 chinese",
			[]byte(strings.Replace(chineseSimplified, "一家", "一\xFF家", 1)),
			strings.Replace(chineseSimplified, "一家", "一\uFFFD家", 1),
		},
		{
			"stray 0xff in ascii",
			[]byte(latin + "\xFF" + latin),
			latin + "\uFFFD" + latin,
		},
		{
			"damage past the sniffed prefix",
			[]byte(strings.Repeat("x", sniffLimit+10) + " \xE2\x80"),
			strings.Repeat("x", sniffLimit+10) + " \uFFFD",
		},
		{"binary noise", []byte{0xFF, 0xFF, 0xFF, 0xFF, 'x', 0xFF}, "\uFFFDx\uFFFD"},
		{"a few stray bytes read as nothing", []byte("Valid text \xff\xfe\xc3 and more."), "Valid text \uFFFD and more."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode(tt.data)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if got != tt.want {
				t.Errorf("decode(% x)\n got %q\nwant %q", truncate(tt.data), got, tt.want)
			}
			if !utf8.ValidString(got) {
				t.Errorf("decode returned invalid UTF-8: %q", got)
			}
		})
	}
}

// TestDecodeLongLegacy checks that a guess made on the prefix decodes the
// whole of a document longer than the prefix.
func TestDecodeLongLegacy(t *testing.T) {
	want := strings.Repeat(chineseSimplified, sniffLimit/len(chineseSimplified)*3)
	got, err := decode(mustEncode(t, simplifiedchinese.GB18030, want))
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if got != want {
		t.Errorf("decode of %d bytes of GB18030 did not round-trip", len(want))
	}
}

// TestDecodeJudgesLinesWithNonASCII checks that the guess is made on the
// lines that hold non-ASCII bytes, wherever they are: after a long ASCII
// header, and past a lone Windows-1252 sign far ahead of the text.
func TestDecodeJudgesLinesWithNonASCII(t *testing.T) {
	header := strings.Repeat("An ASCII line of a long page header.\n", 2*sniffLimit/36)
	for _, tt := range []struct {
		name string
		head []byte
	}{
		{"after an ascii header", []byte(header)},
		{"after a lone sign and an ascii header", append([]byte("Copyright \xa9 2024 Example.\n"), header...)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := append(tt.head, mustEncode(t, simplifiedchinese.GBK, chineseSimplified+chineseSimplified)...)
			got, err := decode(data)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if !strings.HasSuffix(got, chineseSimplified+chineseSimplified) {
				t.Errorf("decode did not read the GBK text: %q", got[max(0, len(got)-80):])
			}
		})
	}
}

// truncate shortens test input for error messages.
func truncate(b []byte) []byte {
	if len(b) > 64 {
		return b[:64]
	}
	return b
}

// benchmarkText returns about 1 MB of article-like UTF-8 text mixing
// English and Chinese.
func benchmarkText() string {
	para := "In an interview on Tuesday, Lei Jun said: “We will keep our prices honest.” " +
		chineseSimplified
	return strings.Repeat(para, (1<<20)/len(para)+1)
}

func BenchmarkDecode(b *testing.B) {
	text := benchmarkText()
	gb := mustEncode(b, simplifiedchinese.GB18030, text)
	latin := bytes.Repeat([]byte("\x93Caf\xe9 culture,\x94 she said, \x93is na\xefve.\x94\n"), (1<<20)/45)
	mixed := bytes.ReplaceAll([]byte(text), []byte("“"), []byte("\x93"))
	for _, bm := range []struct {
		name string
		data []byte
	}{
		{"utf-8", []byte(text)},
		{"gb18030", gb},
		{"windows-1252", latin},
		{"mixed", mixed},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(bm.data)))
			for b.Loop() {
				if _, err := decode(bm.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// Texts of our own in the languages the legacy encodings serve.
const (
	koreanText = "서울시는 어제 새로운 교통 정책을 발표했다. 시장은 기자들에게 \"우리는 시민들의 안전을 가장 중요하게 생각한다\"고 말했다. " +
		"이번 정책은 다음 달부터 시행될 예정이다.\n"
	westernText = "“Le café était très célèbre à Montréal,” a-t-elle dit. Die Straße führt über die Brücke nach Köln. " +
		"El niño comió piña en España — ¿verdad?\n"
	latin1Text = "Le garçon a vu l'hôtel près de la forêt. Die Mädchen spielen im Garten. Ça coûte 5 £, ou 6 ¥ ? Non.\n"
	polishText = "Wczoraj w Krakowie odbyło się spotkanie rady miasta. Rzecznik powiedział, że źródła finansowania " +
		"są już znane, a prace ruszą jesienią.\n"
	polishQuoted = "„Zażółć gęślą jaźń” — powiedział rzecznik. Świadkowie widzieli, jak żółw przeszedł przez ulicę.\n"
	czechText    = "Starosta řekl novinářům, že město letos opraví další silnice a mosty. Příliš žluťoučký kůň úpěl ďábelské ódy.\n"
	russianText  = "Вчера в Москве прошла встреча министров. Мы договорились о новых правилах, сказал представитель " +
		"правительства журналистам. Работа начнется уже в следующем месяце.\n"
	russianQuoted = "«Мы договорились о новых правилах», — сказал представитель правительства журналистам.\n"
	ukrainianText = "Київ оголосив про нові правила для їжі та освіти. Міністр сказав, що зміни почнуться вже цього тижня.\n"
	greekText     = "Η κυβέρνηση ανακοίνωσε χθες νέα μέτρα για την οικονομία. «Θα στηρίξουμε τις μικρές επιχειρήσεις», " +
		"είπε ο υπουργός στους δημοσιογράφους.\n"
)

// TestDecodeLegacy checks that text in each legacy encoding decode may
// guess is read back as it was written, whole paragraphs and a short line.
// The inputs are made with the x/text encoders, the same tables decode
// reads with, so the test shows text and needs no binary fixtures.
func TestDecodeLegacy(t *testing.T) {
	tests := []struct {
		name string
		enc  encoding.Encoding
		text string
	}{
		{"gb18030", simplifiedchinese.GB18030, chineseSimplified},
		{"gb18030 short", simplifiedchinese.GB18030, "北京今天下雨了，记者说。\n"},
		{"gbk", simplifiedchinese.GBK, chineseSimplified},
		{"big5", traditionalchinese.Big5, chineseTraditional},
		{"big5 short", traditionalchinese.Big5, "記者昨天在台北訪問了他。\n"},
		{"shift_jis", japanese.ShiftJIS, japaneseText},
		{"euc-jp", japanese.EUCJP, japaneseText},
		{"euc-jp short", japanese.EUCJP, "東京の桜が咲きました。\n"},
		{"euc-kr", korean.EUCKR, koreanText},
		{"euc-kr short", korean.EUCKR, "시장은 기자들에게 말했다.\n"},
		{"windows-1252", charmap.Windows1252, westernText},
		{"windows-1252 short", charmap.Windows1252, "Ils sont allés à Montréal.\n"},
		{"iso-8859-1", charmap.ISO8859_1, latin1Text},
		{"windows-1250", charmap.Windows1250, polishQuoted + czechText},
		{"iso-8859-2", charmap.ISO8859_2, polishText},
		{"iso-8859-2 czech", charmap.ISO8859_2, czechText},
		{"windows-1251", charmap.Windows1251, russianQuoted + russianText},
		{"windows-1251 ukrainian", charmap.Windows1251, ukrainianText},
		{"windows-1251 short", charmap.Windows1251, "Москва, сказал он.\n"},
		{"koi8-r", charmap.KOI8R, russianText},
		{"koi8-r short", charmap.KOI8R, "Москва, сказал он.\n"},
		{"iso-8859-5", charmap.ISO8859_5, russianText},
		{"iso-8859-7", charmap.ISO8859_7, greekText},
		{"iso-8859-7 short", charmap.ISO8859_7, "Είπε ο υπουργός.\n"},
		{"windows-1252 spanish", charmap.Windows1252, "¿Dónde está el niño? En España, señor. El año pasado comió piña.\n"},
		{"windows-1252 italian", charmap.Windows1252, "Perché è così difficile? Però la città è bella.\n"},
		{"windows-1252 french short", charmap.Windows1252, "Où est la gare ?\n"},
		{"windows-1250 slovak", charmap.Windows1250, "Minister povedal, že vláda schválila nový zákon o školách a ťažbe.\n"},
		{"iso-8859-2 romanian", charmap.ISO8859_2, "Primăria a anunţat că străzile vor fi reparate până în toamnă.\n"},
		{"windows-1251 bulgarian", charmap.Windows1251, "Министърът каза, че правителството ще подкрепи малките фирми през следващата година.\n"},
		{"windows-1251 serbian", charmap.Windows1251, "Влада је јуче објавила нове мере. Министар је рекао да ће ђаци добити књиге.\n"},
		{"koi8-r capitals", charmap.KOI8R, "МОСКВА. Президент России заявил, что ООН должна действовать.\n"},
		{"shift_jis kanji only", japanese.ShiftJIS, "東京都知事選挙\n"},
		{"gbk among english", simplifiedchinese.GBK, "苹果公司CEO库克表示，iPhone销量增长了20%。\n"},
		{"big5 among english", traditionalchinese.Big5, "台積電TSMC今年營收成長，董事長說：「AI需求很強。」\n"},
		{"euc-kr among english", korean.EUCKR, "삼성전자는 Galaxy S24를 발표했다.\n"},
		{"gbk name in english", simplifiedchinese.GBK, "Interview with 雷军 (Lei Jun), CEO of Xiaomi.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := mustEncode(t, tt.enc, tt.text)
			got, err := decode(data)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if got != tt.text {
				t.Errorf("decode(% x)\n got %q\nwant %q", truncate(data), got, tt.text)
			}
		})
	}
}

// TestDecodeMixed checks text that is mostly UTF-8 with a few stray bytes:
// valid sequences are kept, and each stray byte becomes what it most
// plausibly is, without taking its neighbours with it.
func TestDecodeMixed(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{
			"windows-1252 quotes around utf-8 french",
			"\x93Le café était très célèbre à Montréal,\x94 dit-elle.\n",
			"“Le café était très célèbre à Montréal,” dit-elle.\n",
		},
		{
			"windows-1252 apostrophe and dash keep the letters after them",
			"\x93We\x92re ready,\x94 said Lei Jun (雷军) \x97 and the room applauded.\n",
			"“We’re ready,” said Lei Jun (雷军) — and the room applauded.\n",
		},
		{
			"latin-1 letter in a utf-8 word",
			"Le café de Montr\xe9al — ouvert en 1920 — ferme.\n",
			"Le café de Montréal — ouvert en 1920 — ferme.\n",
		},
		{
			"windows-1252 letter before a closing quote",
			"Elle a dit « oui » au caf\xe9\x94 puis est partie.\n",
			"Elle a dit « oui » au café” puis est partie.\n",
		},
		{
			"mostly windows-1252 with one utf-8 euro sign",
			"Le caf\xe9 co\xfbte 3 \xe2\x82\xac, dit-il.\n",
			"Le café coûte 3 €, dit-il.\n",
		},
		{
			"utf-8 sequence cut short in the middle",
			"Il a dit « oui » puis \xe2\x80 non, très vite.\n",
			"Il a dit « oui » puis \uFFFD non, très vite.\n",
		},
		{
			"stray letter byte between ideographs",
			"小米集团\xe9创立于北京。\n",
			"小米集团\uFFFD创立于北京。\n",
		},
		{
			"utf-8 cut short at the end",
			"Il a dit « oui » très vite \xe2\x80",
			"Il a dit « oui » très vite \uFFFD",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode([]byte(tt.data))
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if got != tt.want {
				t.Errorf("decode(%q)\n got %q\nwant %q", tt.data, got, tt.want)
			}
		})
	}
}

// TestDecodeSanitizedIsDecodeThenSanitize holds decodeSanitized's fast
// path to the slow one: for text already valid and sanitized it must
// return the very bytes it was given, and for anything else (byte order
// marks, legacy encodings, stray bytes, controls, in a small text or in
// any part of a large one) what sanitize(decode(data)) returns.
func TestDecodeSanitizedIsDecodeThenSanitize(t *testing.T) {
	line := "“Clean text,” she said of the 雷军 interview. Ça va.\n"
	large := strings.Repeat(line, 2*parallelReadSize/len(line))
	inputs := map[string][]byte{
		"empty":          nil,
		"clean":          []byte(line),
		"clean large":    []byte(large),
		"utf-8 bom":      append([]byte("\xef\xbb\xbf"), line...),
		"utf-16le bom":   append([]byte("\xff\xfe"), mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), line)...),
		"utf-16be bom":   append([]byte("\xfe\xff"), mustEncode(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), line)...),
		"utf-32be bom":   append([]byte("\x00\x00\xfe\xff"), mustEncode(t, utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), line)...),
		"utf-16le":       mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), line),
		"windows-1252":   []byte("\x93Caf\xe9 culture,\x94 she said.\n"),
		"gb18030":        mustEncode(t, simplifiedchinese.GB18030, chineseSimplified),
		"crlf":           []byte("one\r\ntwo\r\n"),
		"last delete":    []byte(line + "\x7f"),
		"early escape":   []byte("\x1b[31m" + large),
		"late escape":    []byte(large + "\x1b[31m"),
		"late stray":     []byte(large[:len(large)-len(line)] + "caf\xe9\n" + line),
		"late selector":  []byte(large + "\ufe0fstray"),
		"middle control": []byte(large[:len(large)/2] + "\u0085" + large[len(large)/2:]),
	}
	for _, seq := range modeltest.Sequences {
		inputs[seq.Name] = seq.Data
	}
	for name, data := range inputs {
		text, err := decode(data)
		if err != nil {
			t.Fatalf("%s: decode: %v", name, err)
		}
		want := sanitize(text)
		got, err := decodeSanitized(data)
		if err != nil {
			t.Fatalf("%s: decodeSanitized: %v", name, err)
		}
		if got != want {
			t.Errorf("%s: decodeSanitized gives %d bytes %.40q, sanitize(decode) %d bytes %.40q", name, len(got), got, len(want), want)
		}
		if shared := len(got) > 0 && unsafe.StringData(got) == unsafe.SliceData(data); shared != (len(data) > 0 && want == string(data)) {
			t.Errorf("%s: text shares the input's bytes: %v, want %v", name, shared, !shared)
		}
	}
}
