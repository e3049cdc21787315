package ui

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

// assertASCII fails when a byte of the view, its window title included,
// is not ASCII, naming the first such character and its line.
func assertASCII(t *testing.T, v tea.View) {
	t.Helper()
	for _, s := range []string{v.Content, v.WindowTitle} {
		for i := 0; i < len(s); i++ {
			if s[i] >= utf8.RuneSelf {
				r, _ := utf8.DecodeRuneInString(s[i:])
				start := strings.LastIndexByte(s[:i], '\n') + 1
				end := strings.IndexByte(s[i:], '\n')
				if end < 0 {
					end = len(s) - i
				}
				t.Fatalf("%q (%U) on the screen, in %q", r, r, ansi.Strip(s[start:i+end]))
			}
		}
	}
}

// TestASCIIScreens draws in the ascii style every state of the golden
// views, the reader while it extracts and a copied quote's message, and
// the shelf while it loads, filtered, and with a document open: every
// byte on the screen is ASCII, the sample's curly quotes included, and
// every line still fills the screen's width.
func TestASCIIScreens(t *testing.T) {
	views := append(slices.Clone(goldenViews),
		struct {
			name string
			w, h int
			keys []string
		}{"copied-quote", 120, 40, []string{">", "y"}})
	for _, c := range views {
		t.Run(c.name, func(t *testing.T) {
			m := testReaderOf(New(sample(t), Options{Style: StyleASCII}))
			m.Update(tea.WindowSizeMsg{Width: c.w, Height: c.h})
			press(m, c.keys...)
			checkScreen(t, m, c.w, c.h)
			assertASCII(t, m.View())
		})
	}
	t.Run("extracting", func(t *testing.T) {
		m := testReaderOf(New(unextracted(t), Options{Style: StyleASCII}))
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if !strings.Contains(screen(m), "Finding questions") {
			t.Fatalf("no spinner while extracting:\n%s", screen(m))
		}
		checkScreen(t, m, 120, 40)
		assertASCII(t, m.View())
	})
	t.Run("shelf", func(t *testing.T) {
		s := newShelfIn(t, StyleASCII)
		if !strings.Contains(shelfScreen(s), "reading") {
			t.Fatalf("the shelf is not loading:\n%s", shelfScreen(s))
		}
		assertASCII(t, s.View())
		run(s, s.Init())
		for _, keys := range [][]string{nil, {"/", "x", "q"}, {"backspace", "backspace", "backspace", "esc", "enter"}, {"backspace"}} {
			shelfPress(s, keys...)
			checkLines(t, s.styles.Cells, s.View().Content, 100, 30)
			assertASCII(t, s.View())
		}
	})
}

// sgrColour matches an SGR sequence that sets a colour: a foreground or
// background, basic, bright, 256-colour or true colour.
var sgrColour = regexp.MustCompile(`\x1b\[(?:[0-9:]*;)*(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:[;:][0-9:;]*)?m`)

// noColorMarkers lists what NO_COLOR's style must not show of the
// Markdown lede renders: the markers of bold and italic text and of
// headings.
func noColorMarkers(t *testing.T, out string) {
	t.Helper()
	if loc := sgrColour.FindStringIndex(out); loc != nil {
		t.Errorf("a colour: %q", out[loc[0]:loc[1]])
	}
	plain := ansi.Strip(out)
	for _, l := range strings.Split(plain, "\n") {
		if text := strings.TrimSpace(l); strings.HasPrefix(text, "#") || strings.Contains(text, "**") ||
			strings.HasPrefix(text, "*") && strings.HasSuffix(text, "*") {
			t.Errorf("a Markdown marker: %q", l)
		}
	}
}

// TestNoColorIsReadable prints the sample interview, with its title,
// sections, metadata line and speaker labels, and shows it in the reader,
// in the nocolor style NO_COLOR picks: no colour, and no Markdown
// markers, which notty shows; bold and underlines mark what they marked.
func TestNoColorIsReadable(t *testing.T) {
	d, err := model.Parse(model.Input{Name: model.SampleName, Data: model.Sample})
	if err != nil {
		t.Fatal(err)
	}
	notty, err := Print(d, StyleNoTTY, 80)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(notty, "**") || !strings.Contains(notty, "# ") {
		t.Fatalf("the sample has no markers to drop:\n%s", notty)
	}
	out, err := Print(d, StyleNoColor, 80)
	if err != nil {
		t.Fatal(err)
	}
	noColorMarkers(t, out)
	if !strings.Contains(out, "\x1b[1m") || !strings.Contains(ansi.Strip(out), d.Title) {
		t.Errorf("no bold, or no title:\n%q", out)
	}

	m := testReaderOf(New(d, Options{Style: StyleNoColor, Plain: true}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	checkScreen(t, m, 120, 40)
	noColorMarkers(t, m.View().Content)
}

// TestStyleNames checks that every name --style lists works: glamour's
// styles by name, lede's nocolor, auto; and that an unknown name's error
// lists them all.
func TestStyleNames(t *testing.T) {
	names := StyleNames()
	for _, want := range []string{StyleAuto, StyleASCII, StyleDark, "dracula", StyleLight, StyleNoColor, StyleNoTTY, "pink", "tokyo-night"} {
		if !slices.Contains(names, want) {
			t.Errorf("StyleNames lacks %s: %v", want, names)
		}
	}
	d, err := model.Read(model.Input{Name: "t.md", Data: []byte("# Title\n\nSome text.\n")})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if err := CheckStyle(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if name == StyleAuto {
			continue
		}
		if out, err := Print(d, name, 40); err != nil || !strings.Contains(ansi.Strip(out), "Some text.") {
			t.Errorf("%s prints %q, %v", name, out, err)
		}
	}
	err = CheckStyle("no-such-style")
	if err == nil {
		t.Fatal("an unknown style passes")
	}
	for _, name := range names {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("the error does not list %s: %v", name, err)
		}
	}
}
