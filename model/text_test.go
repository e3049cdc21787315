package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestIsHeadingLine checks the one test of a heading or headline, at the
// two lengths its callers allow.
func TestIsHeadingLine(t *testing.T) {
	eleven := "One two three four five six seven eight nine ten eleven"
	for _, c := range []struct {
		text     string
		maxWords int
		want     bool
	}{
		{"Harbour news", maxHeadingWords, true},
		{"“Coastal Light”", maxHeadingWords, true},
		{"Why did the ferry stop?", maxHeadingWords, false},
		{"The river keeps rising.", maxHeadingWords, false},
		{"What she said next:", maxHeadingWords, false},
		{eleven, maxHeadingWords, false},
		{eleven, maxHeadlineWords, true},
		{"An Interview with the Harbour Poet", maxHeadlineWords, true},
		{"", maxHeadlineWords, false},
	} {
		if got := isHeadingLine(c.text, c.maxWords); got != c.want {
			t.Errorf("isHeadingLine(%q, %d) = %v, want %v", c.text, c.maxWords, got, c.want)
		}
	}
}

// TestLastSpace checks lastSpace against strings.LastIndexFunc with
// IsSpace, on ASCII and other spaces and on broken UTF-8.
func TestLastSpace(t *testing.T) {
	for _, s := range []string{"", "Dr", "the Dr", "a\tb", "x\u00a0Dr", "x\u2007y z\u202f", "\xff \xc2", "é\u3000ü", "  ", "\u0085a"} {
		if got, want := lastSpace(s), strings.LastIndexFunc(s, IsSpace); got != want {
			t.Errorf("lastSpace(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestCollapseSpaces checks that a name already written with single
// spaces comes back as it is, and that every other run of white space,
// tabs, line breaks and no-break spaces included, becomes one space.
func TestCollapseSpaces(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Ann Lee", "Ann Lee"},
		{"Ann", "Ann"},
		{" Ann Lee", "Ann Lee"},
		{"Ann Lee ", "Ann Lee"},
		{"Ann  Lee", "Ann Lee"},
		{"Ann\tLee", "Ann Lee"},
		{"Ann\nLee", "Ann Lee"},
		{"Ann\u00a0Lee", "Ann Lee"},
		{"Zoë Lee", "Zoë Lee"},
		{"Zoë \u202f Lee\n", "Zoë Lee"},
		{"   ", ""},
	} {
		if got := collapseSpaces(c.in); got != c.want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestAbbreviationAfterAnySpace checks that a title's full stop ends no
// sentence whatever space stands before the title: a no-break space is
// two bytes, and the word after it begins after both.
func TestAbbreviationAfterAnySpace(t *testing.T) {
	for _, space := range []string{" ", "\u00a0", "\u2009", "\u3000"} {
		text := "We met" + space + "Dr. Orla Vance at the harbour. She waved."
		if got := appendSentences(nil, text); len(got) != 2 {
			t.Errorf("%q: %d sentences, want 2", text, len(got))
		}
	}
}

// TestASCIILanes checks the eight-byte tests of the ASCII fast paths
// against the byte tables they stand for: every ASCII byte in every lane,
// among neighbours of every kind.
func TestASCIILanes(t *testing.T) {
	for _, fill := range []byte{'a', ' ', '\t', '\n', 0x00, 0x7F, '~', 'Z', '0', '9', '@', '[', '`', '{', '/', ':'} {
		for lane := 0; lane < 8; lane++ {
			for c := 0; c < utf8.RuneSelf; c++ {
				b := []byte(strings.Repeat(string(fill), 8))
				b[lane] = byte(c)
				w := load8(string(b), 0)
				var text uint64
				printable := true
				for k, x := range b {
					if !asciiSpace[x] {
						text |= 0x80 << (8 * k)
					}
					printable = printable && x >= ' ' && x <= '~'
				}
				if got := asciiNonSpace(w); got != text {
					t.Fatalf("asciiNonSpace(%q) = %#x, want %#x", b, got, text)
				}
				for _, d := range []byte{'.', 'a', ' ', 0x7F} {
					var not uint64
					for k, x := range b {
						if x != d {
							not |= 0x80 << (8 * k)
						}
					}
					if got := asciiLanesNot(w, d); got != not {
						t.Fatalf("asciiLanesNot(%q, %q) = %#x, want %#x", b, d, got, not)
					}
				}
				run := 0
				for run < len(b) && asciiWord[b[run]] {
					run++
				}
				if got := asciiWordRun(w); got != run {
					t.Fatalf("asciiWordRun(%q) = %d, want %d", b, got, run)
				}
				if got := isPrintableASCII8(w); got != printable {
					t.Fatalf("isPrintableASCII8(%q) = %v, want %v", b, got, printable)
				}
				if got := asciiLanes(w); got != 8 {
					t.Fatalf("asciiLanes(%q) = %d, want 8", b, got)
				}
				for lanes := range 8 {
					mixed := append(b[:lanes:lanes], "\xff\xe2\x80\x9c\xc2\xa0\x80\xe3"[:8-lanes]...)
					if got := asciiLanes(load8(string(mixed), 0)); got != lanes {
						t.Fatalf("asciiLanes(%q) = %d, want %d", mixed, got, lanes)
					}
				}
				for _, in := range []bool{false, true} {
					n, on := asciiWordStarts(w, in)
					want, prev := 0, in
					for _, x := range b {
						if !asciiSpace[x] && !prev {
							want++
						}
						prev = !asciiSpace[x]
					}
					if n != want || on != prev {
						t.Fatalf("asciiWordStarts(%q, %v) = %d, %v, want %d, %v", b, in, n, on, want, prev)
					}
				}
			}
		}
	}
}
