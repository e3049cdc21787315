package modeltest

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-tui/lede/model/internal/invisible"
)

// Sequences are the control and escape sequences a hostile article may
// carry to take over a terminal or hide text, and addresses it may try to
// make links of, by name.
var Sequences = []Input{
	{"OSC 52 clipboard write", []byte("\x1b]52;c;cHduZWQ=\x07")},
	{"OSC 8 link with ESC in the URL", []byte("\x1b]8;;http://evil.example/\x1b[2J\x1b\\click\x1b]8;;\x1b\\")},
	{"window title", []byte("\x1b]0;pwned\x07\x1b]2;pwned\x1b\\")},
	{"DCS string", []byte("\x1bP1$qm\x1b\\")},
	{"APC string", []byte("\x1b_Gf=100;AAAA\x1b\\")},
	{"PM string", []byte("\x1b^private\x1b\\")},
	{"SOS string", []byte("\x1bXstart of string\x1b\\")},
	{"CSI cursor move", []byte("\x1b[10;10H\x1b[5A\x1b[s\x1b[u")},
	{"CSI screen clear", []byte("\x1b[2J\x1b[3J\x1bc")},
	{"SGR colour", []byte("\x1b[31;1mred\x1b[0m")},
	{"8-bit CSI and OSC", []byte("\u009b2J\u009d0;pwned\u009c\u0090q\u009c")},
	{"C1 controls", []byte("\u0080\u0085\u008d\u009f")},
	{"bell and backspace", []byte("\x07\x08\x08\x08\x7f")},
	{"bidi overrides", []byte("\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069")},
	{"zero-width characters", []byte("hid\u200bden\u200c\u200d\u2060\ufefftext")},
	{"carriage return overwrite", []byte("safe\rEVIL")},
	{"default-ignorable characters", []byte("hid\u2061\u2062den\u034f \u115f\u1160\u3164\uffa0name \ufff9an\ufffano\ufffb " +
		"\U0001D173\u17b4\u17b5\u061c\u200e\u200f\u206a\U0001BCA0\u00ad end")},
	{"tag characters", []byte("Plan\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065 \U000E0001B " +
		"🏴\U000E0068\U000E0069\U000E0064\U000E0064\U000E0065\U000E006E\U000E007F")},
	{"emoji sequences and variation selectors", []byte("🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F " +
		"❤\ufe0f 👩\u200d💻 1\ufe0f\u20e3 葛\U000E0100 \ufe0fstray\ufe0f\ufe0f *\ufe0f* **\ufe0f**")},
	{"grapheme clusters", []byte("e\u0302\u0323 \u0302lone n\u0303o ก\u0e33 👍🏽 🇫🇷🇩 \u1100\u1161\u11a8 क्षि 👩\u200d💻")},
	{"mixed encodings", []byte("\x93Caf\xc3\xa9 \xe9tait\x94 \x97 cut \xe2\x80 \xff\xfe \xe5\xb0\x8f\xe7\xb1\xb3\xe9\xe9\x9b\x86")},
	{"link to a non-web address", []byte("ftp://evil.example/x file:///etc/passwd javascript:alert(1)")},
	{"dense matches", []byte(strings.Repeat("ha", 400) + " " + strings.Repeat(". ", 300))},
	{"tabs", []byte("col\tumn\t\tend\t")},
	{"wide characters", []byte("👨\u200d👩\u200d👧\u200d👦 🇫🇷 ❤\ufe0f 👍🏽 中文標題 ｗｉｄｅ ｶﾅ")},
}

// Containers wrap a payload in an article of one format: plain text,
// Markdown (in text, inline HTML, a link title and URL, a code span, front
// matter) or HTML (text, attributes, entities, the title). Each is named
// with the extension that selects its reader.
var Containers = []struct {
	Name string
	Wrap func(payload string) []byte
}{
	{"text.txt", func(p string) []byte {
		return []byte("Harbour plan " + p + " passes\n\nThe council voted " + p + " on Tuesday, she said.\n")
	}},
	{"front-matter.md", func(p string) []byte {
		return []byte("---\ntitle: \"Plan " + p + "\"\nauthor: Ed " + p + "\n---\n\nThe council voted on Tuesday.\n")
	}},
	{"inline.md", func(p string) []byte {
		return []byte("# Plan " + p + "\n\nThe council <span title=\"" + p + "\">voted</span> " + p + " and `code " + p + "` on Tuesday.\n")
	}},
	{"link.md", func(p string) []byte {
		return []byte("# Plan\n\nRead [the minutes " + p + "](http://example.org/" + p + " \"title " + p + "\") and <http://example.org/" + p + ">.\n\n> **Q:** " + p + "?\n")
	}},
	{"text.html", func(p string) []byte {
		return []byte("<html><head><title>Plan " + p + "</title><meta name=\"author\" content=\"" + p + "\"></head><body><article><h1>Plan " + p + "</h1><p>The council voted " + p + " on Tuesday, <a href=\"http://example.org/" + p + "\" title=\"" + p + "\">the minutes</a> say.</p></article></body></html>")
	}},
	{"entities.html", func(p string) []byte {
		return []byte("<html><head><title>&#27;]0;pwned&#7;Plan</title></head><body><article><p>The council &#27;[2J voted &#x9b;2J &#155;H &#8238;on &#8203;Tuesday &#27;]52;c;cHduZWQ=&#7; " + htmlEscape(p) + ".</p><a href=\"javascript:alert(1)\">j</a></article></body></html>")
	}},
}

// htmlEscape writes each byte of p that is not printable ASCII as a
// numeric character reference, so the payload reaches the reader through
// entities.
func htmlEscape(p string) string {
	var b strings.Builder
	for _, r := range p {
		if r < 0x20 || r >= 0x7f {
			fmt.Fprintf(&b, "&#%d;", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Hostile returns every sequence in every container, named
// "sequence/container".
func Hostile() []Input {
	var out []Input
	for _, s := range Sequences {
		for _, c := range Containers {
			out = append(out, Input{s.Name + "/" + c.Name, c.Wrap(string(s.Data))})
		}
	}
	return out
}

// TerminalModes pairs each sequence that sets a terminal mode with the
// one that resets it: the alternate screen, the hidden cursor, mouse
// reporting (button events and SGR encoding) and bracketed paste. A
// reader that sets one must reset it however it ends.
var TerminalModes = [][2]string{
	{EnterAltScreen, "\x1b[?1049l"},
	{"\x1b[?25l", "\x1b[?25h"},
	{"\x1b[?1002h", "\x1b[?1002l"},
	{"\x1b[?1006h", "\x1b[?1006l"},
	{"\x1b[?2004h", "\x1b[?2004l"},
}

// EnterAltScreen is what a full-screen program writes first.
const EnterAltScreen = "\x1b[?1049h"

// Unsafe returns a description of the first thing in out that could change
// a terminal's state or hide text, or "" when out holds only printable
// text, line breaks, SGR colour sequences (ESC [ ... m) and OSC 8
// hyperlinks to http, https or mailto addresses. Hiding text is holding a
// character that sanitizing drops (see invisible.Dropped): a
// default-ignorable code point other than the zero-width joiner and
// non-joiner (U+200C, U+200D), which scripts and emoji need, a variation
// selector after a visible character, or the tags of an emoji flag.
func Unsafe(out string) string {
	prev := rune(-1)
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return fmt.Sprintf("invalid UTF-8 at %d", i)
		case r == 0x1b:
			n, why := allowedEscape(out[i:])
			if why != "" {
				return fmt.Sprintf("%s at %d: %q", why, i, out[i:min(i+24, len(out))])
			}
			i += n
			continue
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r <= 0x9f:
			return fmt.Sprintf("control %U at %d", r, i)
		case unicode.Is(unicode.Variation_Selector, r):
			if !invisible.SelectorKept(prev) {
				return fmt.Sprintf("variation selector %U after %U at %d", r, prev, i)
			}
		case invisible.Dropped(r):
			return fmt.Sprintf("invisible %U at %d", r, i)
		}
		if n := invisible.FlagLen(out[i:]); n > 0 {
			size = n
		}
		prev = r
		i += size
	}
	return ""
}

// allowedEscape returns the length of the escape sequence at the start of
// s when it is an SGR or a safe OSC 8, else why it is not allowed.
func allowedEscape(s string) (int, string) {
	if strings.HasPrefix(s, "\x1b[") {
		for j := 2; j < len(s); j++ {
			c := s[j]
			if c >= 0x40 && c <= 0x7e {
				if c != 'm' {
					return 0, "CSI sequence"
				}
				return j + 1, ""
			}
			if c < 0x20 || c > 0x3f {
				return 0, "broken CSI sequence"
			}
		}
		return 0, "unterminated CSI sequence"
	}
	if strings.HasPrefix(s, "\x1b]8;") {
		end := strings.Index(s, "\x1b\\")
		bel := strings.IndexByte(s, 0x07)
		n := end + 2
		if bel >= 0 && (end < 0 || bel < end) {
			end, n = bel, bel+1
		}
		if end < 0 {
			return 0, "unterminated OSC 8"
		}
		body := s[4:end]
		_, target, _ := strings.Cut(body, ";")
		for _, c := range []byte(target) {
			if c < 0x21 || c >= 0x7f {
				return 0, "OSC 8 target with a control or space"
			}
		}
		if target != "" && !strings.HasPrefix(target, "http://") && !strings.HasPrefix(target, "https://") && !strings.HasPrefix(target, "mailto:") {
			return 0, "OSC 8 target " + target
		}
		return n, ""
	}
	return 0, "escape sequence"
}

// Flood is a family of inputs that repeat one construct to make a reader
// or an extractor do more than linear work: a naive one walks the run
// again for each repetition, or nests one level deeper on each line.
type Flood struct {
	// Name ends in the extension that selects the reader.
	Name string
	// Make builds an input of at most size bytes, and nearly that many.
	Make func(size int) []byte
}

// Floods are the repeated constructs lede's readers and extractors are
// held to linear work on: runs of titles, initials, quotation marks,
// capitalised words, labels, questions and reporting cues in one
// paragraph; headings that ask questions; and Markdown nested by
// indentation (tabs or spaces), by block quotes or by both across lines,
// or lines indented far inside a deep list. Titles, cues, question
// headings and nested Markdown once cost more.
var Floods = []Flood{
	{"titles.txt", repeat("Dr. ", "")},
	{"honorifics.txt", repeat("Mr. Prof. Sir ", "")},
	{"initials.txt", repeat("J. ", "")},
	{"straight quotes.txt", repeat("\" ", "")},
	{"curly quotes.txt", repeat("“ ” ", "")},
	{"opening quotes.txt", repeat("“ ", "")},
	{"capitalised words.txt", repeat("Word ", "")},
	{"labels.txt", repeat("A: ", "")},
	{"questions.txt", repeat("? ", "")},
	{"cues.txt", repeat("Smith said, ", " \"Yes, it works,\" he said.")},
	{"question headings.md", repeat("# Why?\n\n", "An answer, at last.\n")},
	{"tab-indented list.md", nested("\t", "- x")},
	{"space-indented list.md", nested("  ", "- x")},
	{"ordered list.md", nested("   ", "1. x")},
	{"block quotes.md", nested("> ", "x")},
	{"quoted lists.md", nested("> ", "  - x")},
	{"lazy list.md", nested("  ", "- x\nlazy")},
	{"deep indentation.md", func(size int) []byte {
		var b strings.Builder
		for k := range 30 {
			b.WriteString(strings.Repeat("  ", k) + "- x\n")
		}
		line := strings.Repeat("\t", 1000) + "x\n"
		for b.Len()+len(line) <= size {
			b.WriteString(line)
		}
		return []byte(b.String())
	}},
}

// repeat makes a Flood's builder: unit repeated, then end.
func repeat(unit, end string) func(size int) []byte {
	return func(size int) []byte {
		n := max(size-len(end), len(unit)) / len(unit)
		return []byte(strings.Repeat(unit, n) + end)
	}
}

// nested makes a Flood's builder: lines of text, each after one more
// indent than the line before, starting again from none after a
// thousand.
func nested(indent, text string) func(size int) []byte {
	return func(size int) []byte {
		var b strings.Builder
		for k := 0; ; k = (k + 1) % 1000 {
			line := strings.Repeat(indent, k) + text + "\n"
			if b.Len()+len(line) > size {
				return []byte(b.String())
			}
			b.WriteString(line)
		}
	}
}
