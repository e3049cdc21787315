package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestTrimPadding(t *testing.T) {
	const (
		grey  = "\x1b[38;5;252m"
		box   = "\x1b[38;5;228;48;5;63;1m" // a foreground on a background
		reset = "\x1b[m"
		link  = "\x1b]8;;https://example.org/\x07"
		end   = "\x1b]8;;\x07"
	)
	pad := strings.Repeat(grey+" "+reset, 40)
	cases := []struct{ name, in, want string }{
		{"plain spaces", "  text   ", "  text"},
		{"nothing to trim", "  " + grey + "text" + reset, "  " + grey + "text" + reset},
		{"styled padding", "  " + grey + "text" + reset + pad, "  " + grey + "text" + reset},
		{"a style left open gets a reset", "  " + grey + "text  " + pad, "  " + grey + "text" + reset},
		{"a space on a background shows", box + " Title " + reset + pad, box + " Title " + reset},
		{"an underlined space shows", "\x1b[4mgap " + reset + pad, "\x1b[4mgap " + reset},
		{"a reversed space shows", "\x1b[7m " + reset + pad, "\x1b[7m " + reset},
		{"background turned off", box + "x" + "\x1b[49m   ", box + "x" + reset},
		{"the end of a link is kept", link + grey + "minutes" + end + reset + pad, link + grey + "minutes" + end + reset},
		{"wide characters", grey + "会议" + reset + pad, grey + "会议" + reset},
		{"only padding", pad, ""},
		{"empty", "", ""},
	}
	for _, c := range cases {
		if got := trimPadding(c.in); got != c.want {
			t.Errorf("%s: trimPadding(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

// TestTrimPaddingOfASCII checks that a line of printable ASCII, which
// trimPadding trims as a string, comes out as its cells, read one by one,
// would leave it.
func TestTrimPaddingOfASCII(t *testing.T) {
	for _, line := range []string{
		"", " ", "   ", "text", "  text", "  text   ", "a b  c ", "~!@#$%^&*()_+{}|:<>?`-=[]\\;',./ \"",
		"  ordinary words wrapped by glamour, with the padding after them" + strings.Repeat(" ", 40),
	} {
		if !printableASCII(line) {
			t.Fatalf("%q is printable ASCII", line)
		}
		if got, want := trimPadding(line), trimStyledPadding(line); got != want {
			t.Errorf("trimPadding(%q) = %q, read cell by cell %q", line, got, want)
		}
	}
	for _, line := range []string{"\x1b[1mbold\x1b[m ", "tab\tstop ", "café ", "del\x7f "} {
		if printableASCII(line) {
			t.Errorf("%q is not printable ASCII", line)
		}
	}
}

// TestSameWidths checks that the characters sameWidths passes measure
// the same by characters and by clusters, alone and beside one another,
// and that it passes no wide, combining or joining character.
func TestSameWidths(t *testing.T) {
	var passed []rune
	for r := rune(0); r <= 0x3000; r++ {
		if sameWidths(string(r)) {
			passed = append(passed, r)
		}
	}
	for _, a := range passed {
		for _, b := range passed {
			s := "x" + string(a) + string(b)
			if wc, gc := ansi.StringWidthWc(s), ansi.StringWidth(s); wc != gc {
				t.Fatalf("%q is %d cells by characters and %d by clusters", s, wc, gc)
			}
		}
	}
	for _, s := range []string{"e\u0301", "会", "a\u200db", "soft\u00adhyphen", "👍🏽", "\xff"} {
		if sameWidths(s) {
			t.Errorf("sameWidths(%q) is true", s)
		}
	}
}
