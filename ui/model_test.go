package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/lede-tui/lede/model"
)

// sample parses the sample interview from the repository's testdata.
func sample(t testing.TB) *model.Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "xiaomi-century-brand.txt"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Parse(model.Input{Name: "xiaomi-century-brand.txt", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// testReader drives a reader through its App, as the program does, and
// shows the reader's state to the assertions.
type testReader struct {
	*Model
	app *App
}

// testReaderOf is the reader of a.
func testReaderOf(a *App) *testReader {
	return &testReader{Model: a.body.(*Model), app: a}
}

// Update sends msg to the App.
func (r *testReader) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return r.app.Update(msg) }

// View draws the App.
func (r *testReader) View() tea.View { return r.app.View() }

// newReader makes a colourless reader of the sample at w by h.
func newReader(t testing.TB, w, h int) *testReader {
	t.Helper()
	m := testReaderOf(New(sample(t), Options{Style: StyleNoTTY}))
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// press sends key presses to m: single characters, or names such as
// "tab", "enter", "esc", "shift+tab", "pgdown".
func press(m *testReader, keys ...string) {
	for _, k := range keys {
		m.Update(keyMsg(k))
	}
}

// keyMsg builds the key press message a terminal sends for k.
func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "ctrl+n":
		return tea.KeyPressMsg{Code: 'n', Mod: tea.ModCtrl}
	case "ctrl+p":
		return tea.KeyPressMsg{Code: 'p', Mod: tea.ModCtrl}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	case "ctrl+z":
		return tea.KeyPressMsg{Code: 'z', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the reader's view as plain text.
func screen(m *testReader) string {
	return ansi.Strip(m.View().Content)
}

// checkScreen asserts that every line of the view is exactly w cells wide,
// as the terminal measures them, and that there are exactly h lines, so
// no pane overflows into another.
func checkScreen(t *testing.T, m *testReader, w, h int) {
	t.Helper()
	lines := strings.Split(m.View().Content, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := m.styles.Cells.StringWidth(l); got != w {
			t.Errorf("line %d is %d cells wide, want %d: %q", i, got, w, ansi.Strip(l))
		}
	}
}

// goldenViews are the states of the reader that golden files show: a
// size, and the keys pressed after opening the sample.
var goldenViews = []struct {
	name string
	w, h int
	keys []string
}{
	{"wide", 120, 40, nil},
	{"wider", 160, 48, nil},
	{"widest", 200, 60, nil},
	{"widest-qa", 200, 60, []string{"2", "j", "enter"}},
	{"narrow", 80, 24, nil},
	{"tiny", 40, 12, nil},
	{"help", 120, 40, []string{"?"}},
	{"help-narrow", 80, 24, []string{"?"}},
	{"help-narrow-scrolled", 80, 24, []string{"?", "space"}},
	{"qa-jump", 120, 40, []string{"2", "j", "enter"}},
	{"entity-jump", 80, 24, []string{"3", "enter"}},
	{"tiny-entities", 40, 12, []string{"3"}},
	{"scrolled", 80, 24, []string{"space", "j", "j"}},
	{"contents", 120, 40, []string{"t"}},
	{"contents-narrow", 80, 24, []string{"t"}},
	{"quotes", 120, 40, []string{"\""}},
	{"quotes-narrow", 80, 24, []string{"\"", "/", "n", "o", "t", "e"}},
	{"search", 120, 40, []string{"/", "i", "n", "t", "e", "r", "n", "e", "t"}},
	{"search-narrow", 80, 24, []string{"/", "C", "o", "s", "t", "c", "o"}},
	{"entity-jump-wide", 120, 40, []string{"3", "j", "enter", "n"}},
}

func TestGoldenViews(t *testing.T) {
	for _, c := range goldenViews {
		t.Run(c.name, func(t *testing.T) {
			m := newReader(t, c.w, c.h)
			press(m, c.keys...)
			checkScreen(t, m, c.w, c.h)
			golden.RequireEqual(t, screen(m))
		})
	}
}

func TestFocusKeys(t *testing.T) {
	m := newReader(t, 120, 40)
	steps := []struct {
		key  string
		want Focus
	}{
		{"tab", FocusQA}, {"tab", FocusSidebar}, {"tab", FocusArticle},
		{"shift+tab", FocusSidebar}, {"1", FocusArticle}, {"3", FocusSidebar}, {"2", FocusQA},
	}
	for _, s := range steps {
		press(m, s.key)
		if m.Focus() != s.want {
			t.Fatalf("after %q focus is %v, want %v", s.key, m.Focus(), s.want)
		}
	}
}

func TestArticleScrolling(t *testing.T) {
	m := newReader(t, 80, 24)
	a := m.article
	press(m, "j", "j")
	if a.Offset() != 2 {
		t.Fatalf("j j: offset %d, want 2", a.Offset())
	}
	press(m, "k")
	if a.Offset() != 1 {
		t.Fatalf("k: offset %d, want 1", a.Offset())
	}
	press(m, "G")
	if bottom := a.lineCount() - a.height; a.Offset() != bottom || a.Percent() != 100 {
		t.Fatalf("G: offset %d (%d%%), want %d (100%%)", a.Offset(), a.Percent(), bottom)
	}
	press(m, "space")
	if a.Offset() != a.lineCount()-a.height {
		t.Fatalf("space at the bottom moved to %d", a.Offset())
	}
	press(m, "g")
	if a.Offset() != 0 || a.Percent() != 0 {
		t.Fatalf("g: offset %d, want 0", a.Offset())
	}
	press(m, "pgdown")
	if a.Offset() != a.height-2 {
		t.Fatalf("pgdown: offset %d, want %d", a.Offset(), a.height-2)
	}
}

func TestEnterJumpsToExchange(t *testing.T) {
	m := newReader(t, 120, 40)
	if len(m.doc.Exchanges) == 0 {
		t.Fatal("the sample has no exchanges")
	}
	press(m, "2", "G", "enter")
	last := m.doc.Exchanges[len(m.doc.Exchanges)-1]
	if m.article.mark != last.Start {
		t.Fatalf("mark on paragraph %d, want %d", m.article.mark, last.Start)
	}
	assertOnScreen(t, m, last.Start, last.QuestionOffset)
	if !strings.Contains(screen(m), "▌") {
		t.Fatal("the jump target is not marked on screen")
	}
	press(m, "1", "j")
	if m.article.mark != -1 {
		t.Fatal("scrolling did not clear the mark")
	}
}

// assertOnScreen fails unless byte off of paragraph p is on screen.
func assertOnScreen(t *testing.T, m *testReader, p, off int) {
	t.Helper()
	a := m.article
	if line := a.lineOf(p, off); line < a.Offset() || line >= a.Offset()+a.height {
		t.Fatalf("paragraph %d byte %d is on line %d, off the screen (lines %d-%d)", p, off, line, a.Offset(), a.Offset()+a.height-1)
	}
}

func TestEnterJumpsToEntity(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "3")
	r, ok := m.sidebar.Selected()
	if !ok {
		t.Fatal("no entity selected")
	}
	press(m, "enter")
	first := m.doc.Entities[r.id].Mentions[0]
	if m.article.spot != first || m.find.label != r.text {
		t.Fatalf("spot %v (%q), want %v (%q)", m.article.spot, m.find.label, first, r.text)
	}
	assertOnScreen(t, m, first.Paragraph, first.Start)
	if m.Focus() != FocusSidebar {
		t.Fatalf("focus moved to %v; the article is visible, so it should stay", m.Focus())
	}
}

func TestEnterInSinglePaneShowsArticle(t *testing.T) {
	m := newReader(t, 40, 12)
	press(m, "2", "enter")
	if m.Focus() != FocusArticle {
		t.Fatalf("focus %v after enter in the one-pane layout, want the article", m.Focus())
	}
}

func TestHelpOverlay(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "?")
	s := screen(m)
	for _, b := range m.keys.FullHelp() {
		for _, k := range b {
			if !strings.Contains(s, k.Help().Desc) {
				t.Errorf("help overlay lacks %q", k.Help().Desc)
			}
		}
	}
	press(m, "j", "tab")
	if m.article.Offset() != 0 || m.Focus() != FocusArticle {
		t.Fatal("keys other than help, esc and quit reach the panes under the overlay")
	}
	press(m, "esc")
	if m.app.helpBox.shown {
		t.Fatal("esc did not close the help")
	}
}

func TestResizeKeepsPlace(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "space")
	top := m.article.topParagraph()
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if got := m.article.topParagraph(); got != top {
		t.Fatalf("after resize paragraph %d is at the top, want %d", got, top)
	}
	for _, size := range [][2]int{{1, 1}, {0, 0}, {-5, -5}, {2, 3}, {40, 12}, {200, 60}} {
		m.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		press(m, "j", "tab", "j", "enter", "?", "esc")
		w, h := max(size[0], 0), max(size[1], 0)
		if w > 0 && h > 0 {
			checkScreen(t, m, w, h)
		}
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := newReader(t, 80, 24)
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s returned no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Fatalf("%s did not quit", k)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	cases := map[string]string{
		"M&A and AT&T":       "M&#38;A and AT&#38;T",
		"*bold* _it_ `code`": `\*bold\* \_it\_ \` + "`code\\`",
		"- not a list":       `\- not a list`,
		"12. not a list":     `12\. not a list`,
		"<b>tag</b>":         `\<b\>tag\</b\>`,
		"~5 km":              "&#126;5 km",
		"# not a heading":    `\# not a heading`,
	}
	for in, want := range cases {
		if got := escapeMarkdown(in); got != want {
			t.Errorf("escapeMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrintShowsTextLiterally(t *testing.T) {
	d := &model.Document{Title: "A *title*", Paragraphs: []model.Paragraph{{Text: "M&A at <b>AT&T</b>: 1. *no* ~markup~ [x](y)"}}}
	d.Extraction = model.Extract(d)
	out, err := Print(d, StyleNoTTY, 80)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"A *title*", "M&A at <b>AT&T</b>: 1. *no* ~markup~ [x](y)"} {
		if !strings.Contains(out, want) {
			t.Errorf("print output lacks %q:\n%s", want, out)
		}
	}
}

func TestProgram(t *testing.T) {
	tm := teatest.NewTestModel(t, New(sample(t), Options{Style: StyleNoTTY}), teatest.WithInitialTermSize(120, 40))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("Century-old Brand"))
	}, teatest.WithDuration(5*time.Second))
	for _, k := range []string{"2", "G", "enter", "1", "j"} {
		tm.Send(keyMsg(k))
	}
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App).body.(*Model)
	if final.Focus() != FocusArticle {
		t.Fatalf("final focus %v, want article", final.Focus())
	}
	if final.article.Offset() == 0 {
		t.Fatal("the jump and scroll did not move the article")
	}
}

func TestPrintPlainHasNoEscapes(t *testing.T) {
	d, err := model.Read(model.Input{Name: "links.md", Data: []byte("# Links\n\nSee [the minutes](https://example.org/minutes) and https://example.org/plan for more.\n")})
	if err != nil {
		t.Fatal(err)
	}
	d.Extraction = model.Extract(d)
	for _, style := range []string{StyleNoTTY, StyleASCII} {
		out, err := Print(d, style, 80)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(out, "\x1b") || !strings.Contains(out, "the minutes") {
			t.Fatalf("%s: %q", style, out)
		}
	}
	out, _ := Print(d, StyleDark, 80)
	if !strings.Contains(out, "\x1b]8;") {
		t.Fatal("dark style lost the hyperlinks")
	}
}

// TestCtrlZSuspends presses ctrl+z wherever the reader and the shelf can
// be: it suspends lede from each, even while a search or filter is typed.
func TestCtrlZSuspends(t *testing.T) {
	suspends := func(cmd tea.Cmd) bool {
		return cmd != nil && cmd() == tea.SuspendMsg{}
	}
	for _, keys := range [][]string{nil, {"?"}, {"/", "x"}, {"t"}, {"\""}, {"2"}} {
		m := newReader(t, 100, 30)
		press(m, keys...)
		if _, cmd := m.Update(keyMsg("ctrl+z")); !suspends(cmd) {
			t.Errorf("reader after %q: ctrl+z does not suspend", keys)
		}
	}
	for _, keys := range [][]string{nil, {"?"}, {"/", "x"}, {"enter"}} {
		s := newShelf(t)
		run(s, s.Init())
		shelfPress(s, keys...)
		if _, cmd := s.Update(keyMsg("ctrl+z")); !suspends(cmd) {
			t.Errorf("shelf after %q: ctrl+z does not suspend", keys)
		}
	}
}

// TestOnlyTheAppIsAProgram checks that the reader and the shelf are
// components: only the App is a Bubble Tea model, which returns the
// tea.View with its alternate screen and mouse mode.
func TestOnlyTheAppIsAProgram(t *testing.T) {
	for _, c := range []any{&Model{}, &Shelf{}} {
		if _, ok := c.(tea.Model); ok {
			t.Errorf("%T is a Bubble Tea model of its own", c)
		}
	}
	v := New(sample(t), Options{Style: StyleNoTTY}).View()
	if !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion {
		t.Fatal("the App's view is not in the alternate screen with the mouse on")
	}
}
