package model

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/lede-tui/lede/model/internal/invisible"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"plain", "Hello, 世界 — “quoted”\n\tindented", "Hello, 世界 — “quoted”\n\tindented"},
		{"empty", "", ""},
		{"osc 52 clipboard", "a\x1b]52;c;aGVsbG8=\x07b", "ab"},
		{"osc 8 link", "see \x1b]8;;https://example.com\x1b\\here\x1b]8;;\x1b\\ now", "see here now"},
		{"window title", "x\x1b]0;pwned\x1b\\y", "xy"},
		{"osc ended by c1 st", "x\x1b]0;pwned\u009cy", "xy"},
		{"unterminated osc ends at line", "x\x1b]0;pwned\nnext line", "x\nnext line"},
		{"unterminated osc ends at text", "x\x1b]0;pwned", "x"},
		{"osc interrupted by escape", "x\x1b]0;a\x1b[31my", "xy"},
		{"dcs", "a\x1bP1$r0m\x1b\\b", "ab"},
		{"apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"sos and pm", "a\x1bXsos\x1b\\b\x1b^pm\x1b\\c", "abc"},
		{"csi clear and home", "\x1b[2J\x1b[Htext", "text"},
		{"csi colour", "\x1b[1;31mred\x1b[0m", "red"},
		{"csi private mode", "\x1b[?1049hscreen", "screen"},
		{"csi cut by newline", "a\x1b[12\nb", "a\nb"},
		{"two-byte escape", "a\x1bcb\x1b7c\x1b=d", "abcd"},
		{"charset designation", "a\x1b(Bb", "ab"},
		{"lone escape at end", "a\x1b", "a"},
		{"escape before newline", "a\x1b\nb", "a\nb"},
		{"8-bit csi", "\u009b31mred", "red"},
		{"8-bit osc", "a\u009d0;title\u0007b", "ab"},
		{"8-bit dcs", "a\u0090data\u009cb", "ab"},
		{"8-bit apc", "a\u009fdata\u009cb", "ab"},
		{"other c1", "a\u0085b\u0080c", "abc"},
		{"c0 controls", "a\x00b\x07c\x08d\x7fe\x0cf", "abcdef"},
		{"crlf", "one\r\ntwo\r\n", "one\ntwo\n"},
		{"lone cr", "one\rtwo\r\r\nthree", "one\ntwo\n\nthree"},
		{"line and paragraph separators", "a\u2028b\u2029c", "a\nb\n\nc"},
		{"bidi override", "abc\u202edcba\u202c", "abcdcba"},
		{"bidi isolates", "\u2066x\u2067y\u2068z\u2069", "xyz"},
		{"zero width space", "pass\u200bword", "password"},
		{"word joiner and bom", "\ufeffa\u2060b\ufeffc", "abc"},
		{"mongolian vowel separator", "a\u180eb", "ab"},
		{"soft hyphen", "co\u00adoperate", "cooperate"},
		{"zwnj and zwj kept", "می\u200cخواهم 👩\u200d💻", "می\u200cخواهم 👩\u200d💻"},
		{"bidi marks", "a\u200eb\u200fc\u061cd", "abcd"},
		{"invisible operators", "f\u2061(x)\u2062y\u2063z\u2064", "f(x)yz"},
		{"combining grapheme joiner", "a\u034fb", "ab"},
		{"hangul fillers", "\u3164name\u115f\u1160\uffa0", "name"},
		{"interlinear annotation", "\ufff9base\ufffaruby\ufffb text", "baseruby text"},
		{"musical format and khmer inherent vowels", "a\U0001D173b\U0001D17Ac\u17b4d\u17b5", "abcd"},
		{"deprecated format and shorthand controls", "a\u206ab\u206fc\U0001BCA0d", "abcd"},
		{"tags spell hidden words", "Plan\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065 B\U000E0001", "Plan B"},
		{"tags after a flag that spell no subdivision", "🏴\U000E0068\U000E0069\U000E0064\U000E0064\U000E0065\U000E006E\U000E0020\U000E0074\U000E007F!", "🏴!"},
		{"subdivision flag kept", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F Scotland", "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F Scotland"},
		{"variation selectors after a base kept", "❤\ufe0f 1\ufe0f\u20e3 葛\U000E0100 ✈\ufe0e", "❤\ufe0f 1\ufe0f\u20e3 葛\U000E0100 ✈\ufe0e"},
		{"stray variation selectors", "\ufe0fstart \ufe0f ❤\ufe0f\ufe0f a\u200b\ufe0f\n\U000E0100", "start  ❤\ufe0f a\ufe0f\n"},
		{"mongolian free variation selector after a letter kept", "\u1820\u180b", "\u1820\u180b"},
		{"nbsp kept", "10\u00a0km and 5\u202f%", "10\u00a0km and 5\u202f%"},
		{"curly quotes and dashes kept", "“a” — ‘b’…", "“a” — ‘b’…"},
		{"invalid utf-8", "a\xffb\xc2", "a\uFFFDb\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sanitize(tt.in); got != tt.want {
				t.Errorf("sanitize(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSanitizeCleanDoesNotAllocate(t *testing.T) {
	clean := strings.Repeat("Hello, 世界 — “quoted”, 10\u00a0km. カタカナ 한국어 ❤\ufe0f 👩\u200d💻 "+
		"🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F\n\t", 100)
	allocs := testing.AllocsPerRun(10, func() {
		if sanitize(clean) != clean {
			t.Fatal("clean text changed")
		}
	})
	if allocs != 0 {
		t.Errorf("sanitize of clean text allocated %v times, want 0", allocs)
	}
}

// TestSanitizeRandom checks that no control character survives sanitize,
// whatever the input.
func TestSanitizeRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	// Bytes that start or end sequences are over-represented so that the
	// random strings exercise the escape handling, not just plain text.
	special := []byte{0x1b, '[', ']', 'P', '_', '\\', 0x07, '\r', '\n', 0xc2, 0x9b, 0x9c, 0x9d, 0xe2, 0x80, 0xae,
		0xef, 0xb8, 0x8f, 0xf3, 0xa0, 0x81, 0xa7, 0xbf}
	buf := make([]byte, 0, 256)
	for n := 0; n < 5000; n++ {
		buf = buf[:0]
		for range rng.Intn(256) {
			if rng.Intn(3) == 0 {
				buf = append(buf, special[rng.Intn(len(special))])
			} else {
				buf = append(buf, byte(rng.Intn(256)))
			}
		}
		in := strings.ToValidUTF8(string(buf), "\uFFFD")
		got := sanitize(in)
		prev := rune(-1)
		for i, r := range got {
			if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7F && r <= 0x9F ||
				invisible.Dropped(r) && !(unicode.Is(unicode.Variation_Selector, r) && invisible.SelectorKept(prev)) {
				t.Fatalf("sanitize(%q) = %q: control %U at byte %d", in, got, r, i)
			}
			prev = r
		}
		if !utf8.ValidString(got) {
			t.Fatalf("sanitize(%q) = %q: invalid UTF-8", in, got)
		}
		if again := sanitize(got); again != got {
			t.Fatalf("sanitize is not idempotent on %q: %q then %q", in, got, again)
		}
	}
}

func TestIsSpace(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{' ', true},
		{'\t', true},
		{'\n', true},
		{'\u00a0', true},
		{'\u2007', true},
		{'\u202f', true},
		{'\u3000', true},
		{'a', false},
		{'\u200b', false},
		{'，', false},
	}
	for _, tt := range tests {
		if got := IsSpace(tt.r); got != tt.want {
			t.Errorf("IsSpace(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func BenchmarkSanitize(b *testing.B) {
	clean := benchmarkText()
	dirty := strings.ReplaceAll(clean, "Tuesday", "\x1b[1mTuesday\x1b[0m\r")
	dirty = strings.ReplaceAll(dirty, "Lei Jun", "\x1b]8;;https://example.com\x1b\\Lei\u200bJun\x1b]8;;\x07")
	for _, bm := range []struct {
		name string
		text string
	}{
		{"clean", clean},
		{"dirty", dirty},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(bm.text)))
			for b.Loop() {
				sanitize(bm.text)
			}
		})
	}
}

// TestSanitizeInPartsIsTheWhole checks that text sanitized in parts on
// several goroutines is the text sanitized in one pass, wherever the
// parts are cut: beside escape sequences and control strings cut short
// by a line break, carriage returns, variation selectors and flags.
func TestSanitizeInPartsIsTheWhole(t *testing.T) {
	units := []string{
		"plain words\n", "\x1b[31mred\x1b[0m\n", "\x1b]0;title\n", "\x1b]8;;http://x.example\x07link\x1b]8;;\x07\n",
		"\r\n", "lone\rcr\n", "\n\ufe0fselector after a break\n", "❤\ufe0f\n", "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F\n",
		"\u009b2J\u009d0;t\n", "bad \xff byte\n", "\u2028\u2029", "zero\u200bwidth\n", "\x1bP", "\x1b", "\n\n",
	}
	var b strings.Builder
	for k := 0; b.Len() < 2*parallelReadSize; k++ {
		b.WriteString(units[k*5%len(units)])
	}
	for _, lead := range []string{"", "x", "\x1b[", "\ufe0f"} {
		s := lead + b.String()
		want := sanitizeWhole(s)
		for _, cores := range []int{2, 3, 7} {
			if got := sanitizeInParts(s, cores); got != want {
				t.Fatalf("lead %q, %d parts: %d bytes sanitized in parts, %d whole", lead, cores, len(got), len(want))
			}
		}
	}
	clean := strings.Repeat("Clean text of a line.\n", parallelReadSize/16)
	if got := sanitizeInParts(clean, 2); got != clean {
		t.Fatal("clean text changed")
	}
}
