package ui

import (
	"errors"
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// shelfFiles are three documents of different shapes.
var shelfFiles = []string{"xiaomi-century-brand.txt", "extract/translation-press-interview.md", "extract/harbour-council-news.txt"}

// testShelf drives a shelf through its App, as the program does, and
// shows the shelf's state to the assertions.
type testShelf struct {
	*Shelf
	app *App
}

// testShelfOf is the shelf of a.
func testShelfOf(a *App) *testShelf {
	return &testShelf{Shelf: a.body.(*Shelf), app: a}
}

// Update sends msg to the App.
func (s *testShelf) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return s.app.Update(msg) }

// View draws the App.
func (s *testShelf) View() tea.View { return s.app.View() }

// Init starts the App.
func (s *testShelf) Init() tea.Cmd { return s.app.Init() }

// newShelf makes a colourless shelf of shelfFiles at 100x30, not yet
// loaded.
func newShelf(t *testing.T) *testShelf {
	t.Helper()
	return newShelfIn(t, StyleNoTTY)
}

// newShelfIn makes a shelf of shelfFiles in style at 100x30, not yet
// loaded.
func newShelfIn(t *testing.T, style string) *testShelf {
	t.Helper()
	sources := make([]Source, len(shelfFiles))
	for i, name := range shelfFiles {
		path := filepath.Join("..", "testdata", name)
		sources[i] = Source{Name: path, Load: func() (*model.Document, error) {
			data, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			return model.Parse(model.Input{Name: path, Data: data})
		}}
	}
	s := testShelfOf(NewShelf(sources, Options{Style: style}))
	s.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	return s
}

// run executes cmd and feeds what it returns back to s, as the program
// would, batches included.
func run(s *testShelf, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			run(s, c)
		}
	case nil:
	default:
		_, next := s.Update(msg)
		run(s, next)
	}
}

// shelfPress sends keys to the shelf, running the commands they return.
func shelfPress(s *testShelf, keys ...string) {
	for _, k := range keys {
		_, cmd := s.Update(keyMsg(k))
		run(s, cmd)
	}
}

// shelfScreen is the shelf's view as plain text.
func shelfScreen(s *testShelf) string {
	return ansi.Strip(s.View().Content)
}

func TestShelfUsableWhileLoading(t *testing.T) {
	s := newShelf(t)
	got := shelfScreen(s)
	if strings.Count(got, "reading…") != 3 || !strings.Contains(got, "Shelf · 3 documents · reading 3…") {
		t.Fatalf("shelf before loading:\n%s", got)
	}
	shelfPress(s, "j", "enter")
	if s.open != -1 || !strings.Contains(shelfScreen(s), "Still reading") {
		t.Fatalf("opened a document still loading:\n%s", shelfScreen(s))
	}
	run(s, s.Init())
	got = shelfScreen(s)
	for _, want := range []string{"Xiaomi CEO Claimed", "min read", "Q&A"} {
		if !strings.Contains(got, want) {
			t.Fatalf("loaded shelf lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "reading") {
		t.Fatalf("loaded shelf still reading:\n%s", got)
	}
	if r, _ := s.list.Selected(); r.id != 1 {
		t.Fatalf("selection moved to %d while loading", r.id)
	}
	checkLines(t, s.styles.Cells, got, 100, 30)
}

func TestShelfFilterOpenAndSwitch(t *testing.T) {
	s := newShelf(t)
	run(s, s.Init())

	shelfPress(s, "/", "h", "a", "r", "b", "enter")
	if n := len(s.list.rows); n != 1 {
		t.Fatalf("filter harb keeps %d documents", n)
	}
	shelfPress(s, "enter")
	if s.open != 2 {
		t.Fatalf("enter opened %d, want the harbour story", s.open)
	}
	shelfPress(s, "j", "j", "j")
	harbour := s.entries[2].reader.article.Offset()
	if harbour == 0 {
		t.Fatal("j did not scroll the harbour story")
	}
	if !strings.Contains(shelfScreen(s), "harbour-council-news.txt") {
		t.Fatalf("status line lacks the source:\n%s", shelfScreen(s))
	}

	shelfPress(s, "backspace")
	if s.open != -1 {
		t.Fatal("backspace did not return to the shelf")
	}
	if got := shelfScreen(s); !strings.Contains(got, "open · harbour-council-news.txt") {
		t.Fatalf("the opened document is not marked open:\n%s", got)
	}
	shelfPress(s, "esc", "g", "enter")
	if s.open != 0 {
		t.Fatalf("enter on the first document opened %d", s.open)
	}

	shelfPress(s, "ctrl+n")
	if s.open != 2 || s.entries[2].reader.article.Offset() != harbour {
		t.Fatalf("ctrl+n showed %d at line %d; want the harbour story at line %d", s.open, s.entries[2].reader.article.Offset(), harbour)
	}
	shelfPress(s, "ctrl+p")
	if s.open != 0 {
		t.Fatalf("ctrl+p showed %d, want the sample back", s.open)
	}
	shelfPress(s, "esc")
	if s.open != -1 {
		t.Fatal("esc with nothing to clear did not return to the shelf")
	}
}

func TestShelfEscClearsBeforeLeaving(t *testing.T) {
	s := newShelf(t)
	run(s, s.Init())
	shelfPress(s, "enter", "/", "X", "i", "a", "o", "m", "i", "enter")
	if s.entries[0].reader.find.label == "" {
		t.Fatal("search found nothing")
	}
	shelfPress(s, "esc")
	if s.open != 0 || s.entries[0].reader.find.label != "" {
		t.Fatal("esc left the document instead of clearing the search")
	}
}

func TestShelfShowsLoadErrors(t *testing.T) {
	s := testShelfOf(NewShelf([]Source{{Name: "gone.txt", Load: func() (*model.Document, error) {
		return nil, os.ErrNotExist
	}}}, Options{Style: StyleNoTTY}))
	s.Update(tea.WindowSizeMsg{Width: 80, Height: 10})
	run(s, s.Init())
	shelfPress(s, "enter")
	if got := shelfScreen(s); !strings.Contains(got, "cannot read: file does not exist") || !strings.Contains(got, "Cannot open gone.txt") {
		t.Fatalf("error not shown:\n%s", got)
	}
}

// checkLines asserts that a screen has h lines of exactly w cells.
func checkLines(t *testing.T, cells ansi.Method, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(screen, "\n")
	if len(lines) != h {
		t.Fatalf("%d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if n := cells.StringWidth(l); n != w {
			t.Fatalf("line %d is %d cells, want %d: %q", i, n, w, l)
		}
	}
}

func TestBrokenTerminalSizes(t *testing.T) {
	m := newReader(t, 80, 24)
	s := newShelf(t)
	run(s, s.Init())
	for _, size := range [][2]int{{1, 1}, {0, 0}, {-5, -3}, {2, 1}, {10, 3}, {1, 40}, {300, 2}} {
		resize := tea.WindowSizeMsg{Width: size[0], Height: size[1]}
		m.Update(resize)
		s.Update(resize)
		for _, k := range []string{"j", "tab", "}", ">", "?", "esc", "t", "esc"} {
			m.Update(keyMsg(k))
		}
		m.View()
		shelfPress(s, "j", "/", "x", "esc", "enter", "j", "?", "esc", "backspace")
		s.View()
	}
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	s.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	checkScreen(t, m, 80, 24)
	checkLines(t, s.styles.Cells, shelfScreen(s), 80, 24)
}

func TestShelfHostileNamesAndErrors(t *testing.T) {
	name := "notes/evil\x1b]0;PWNED\x07\x1b[31mred.txt"
	sources := []Source{
		{Name: name, Load: func() (*model.Document, error) {
			return nil, errors.New("read " + name + ": server said \x1b[2J\u009b31m no\nway")
		}},
		{Name: "https://reader:secret@example.com/story", Load: func() (*model.Document, error) {
			return model.Parse(model.Input{Name: "https://reader:secret@example.com/story", Data: []byte("A story\n\nWith some words in it.")})
		}},
	}
	s := testShelfOf(NewShelf(sources, Options{Style: StyleDark}))
	s.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
	check := func(step string) {
		v := s.View()
		if why := modeltest.Unsafe(v.Content); why != "" || strings.Contains(ansi.Strip(v.Content), "secret") {
			t.Fatalf("%s: %s in\n%q", step, why, v.Content)
		}
		if why := modeltest.Unsafe(v.WindowTitle); why != "" {
			t.Fatalf("%s: window title %q", step, v.WindowTitle)
		}
	}
	check("loading")
	run(s, s.Init())
	check("loaded")
	shelfPress(s, "enter")
	check("error message")
	if !strings.Contains(shelfScreen(s), "Cannot open notes/evilred.txt: server said") {
		t.Fatalf("message:\n%s", shelfScreen(s))
	}
	shelfPress(s, "j", "enter")
	check("reader")
}

func TestShelfKeepsPlaceAndFilter(t *testing.T) {
	s := newShelf(t)
	shelfPress(s, "/", "x", "i", "a", "enter")
	run(s, s.Init()) // documents arrive while filtered
	if n := len(s.list.rows); n != 1 || s.list.rows[0].text != "Xiaomi CEO Claimed Xiaomi would be a Century-old Brand" {
		t.Fatalf("filter lost as documents arrived: %+v", s.list.rows)
	}
	shelfPress(s, "/", "backspace", "backspace", "backspace", "x", "m", "i", "enter")
	if n := len(s.list.rows); n != 1 {
		t.Fatalf("fuzzy filter xmi keeps %d documents", n)
	}
	shelfPress(s, "esc", "G", "enter", "ctrl+p")
	shelfPress(s, "esc")
	if r, _ := s.list.Selected(); s.open != -1 || r.id != 2 {
		t.Fatalf("back on the list at %d, want the harbour story last shown", r.id)
	}
	shelfPress(s, "?")
	if got := shelfScreen(s); !strings.Contains(got, "open the document") || !strings.Contains(got, "next open document") {
		t.Fatalf("shelf help:\n%s", got)
	}
	shelfPress(s, "?")
	if s.app.helpBox.shown {
		t.Fatal("? did not close the help")
	}
}

func TestShelfTakesReaderRequestsAtOnce(t *testing.T) {
	s := newShelf(t)
	run(s, s.Init())
	shelfPress(s, "enter")
	s.Update(keyMsg("backspace")) // no command run: the next key must already reach the list
	s.Update(keyMsg("?"))
	if s.open != -1 || !s.app.helpBox.shown {
		t.Fatalf("open %d, help %v after backspace then ?", s.open, s.app.helpBox.shown)
	}
}

func TestShelfEscKeepsTheSelection(t *testing.T) {
	s := newShelf(t)
	run(s, s.Init())
	shelfPress(s, "G", "esc")
	if r, _ := s.list.Selected(); r.id != 2 {
		t.Fatalf("esc moved the selection to %d", r.id)
	}
	shelfPress(s, "/", "p", "o", "r", "t", "enter", "esc")
	if r, _ := s.list.Selected(); r.id != 2 || len(s.list.rows) != 3 {
		t.Fatalf("clearing the filter selected %d of %d", r.id, len(s.list.rows))
	}
}

// TestShelfKeepsOnlyRows loads a shelf of four generated articles of
// 1 MB each: once they are read, the shelf holds their rows, not the
// documents, nor any piece of their text (a title is a slice of it).
func TestShelfKeepsOnlyRows(t *testing.T) {
	const n, size = 4, 1 << 20
	sources := make([]Source, n)
	for i := range sources {
		name := fmt.Sprintf("article-%d.txt", i)
		sources[i] = Source{Name: name, Load: func() (*model.Document, error) {
			return model.Read(model.Input{Name: name, Data: modeltest.Article(size)})
		}}
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := testShelfOf(NewShelf(sources, Options{Style: StyleNoTTY}))
	s.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	run(s, s.Init())
	runtime.GC()
	runtime.ReadMemStats(&after)
	if got := shelfScreen(s); strings.Count(got, "A Generated Interview About Markets") != n {
		t.Fatalf("the shelf does not list the %d articles:\n%s", n, got)
	}
	// One document read and extracted holds several times its text.
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > size/2 {
		t.Errorf("the shelf of %d rows holds %d bytes", n, grown)
	}
	runtime.KeepAlive(s)
}

// TestShelfLetsReadersGo opens three documents on a shelf whose readers
// may hold the text of two: the reader shown least recently is let go,
// and its document is read again (its third read, after the shelf's and
// the first opening), at the paragraph it was left at, when ctrl+n comes
// back to it.
func TestShelfLetsReadersGo(t *testing.T) {
	loads := make([]int, len(shelfFiles))
	sources := make([]Source, len(shelfFiles))
	texts := make([]int, len(shelfFiles))
	for i, name := range shelfFiles {
		path := filepath.Join("..", "testdata", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		d, err := model.Read(model.Input{Name: path, Data: data})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range d.Paragraphs {
			texts[i] += len(p.Text)
		}
		sources[i] = Source{Name: path, Load: func() (*model.Document, error) {
			loads[i]++
			return model.Read(model.Input{Name: path, Data: data})
		}}
	}
	s := testShelfOf(NewShelf(sources, Options{Style: StyleNoTTY}))
	s.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	run(s, s.Init())
	// Any two documents but the first two fit.
	s.budget = max(texts[1]+texts[2], texts[0]+texts[2])

	shelfPress(s, "enter", "G", "k", "k", "k", "k")
	place := s.entries[0].reader.article.topParagraph()
	if place <= 0 {
		t.Fatal("G did not move the first document")
	}
	shelfPress(s, "backspace", "j", "enter", "backspace", "j", "enter")
	if s.open != 2 || s.entries[0].reader != nil || s.entries[1].reader == nil {
		t.Fatalf("showing %d; readers kept: %v %v %v", s.open, s.entries[0].reader != nil, s.entries[1].reader != nil, s.entries[2].reader != nil)
	}
	shelfPress(s, "backspace")
	if got := shelfScreen(s); strings.Count(got, "open · ") != 3 {
		t.Fatalf("a document let go is no longer marked open:\n%s", got)
	}
	shelfPress(s, "enter", "ctrl+n")
	if s.open != 0 || loads[0] != 3 || s.entries[0].reader.article.topParagraph() != place {
		t.Fatalf("ctrl+n showed %d (read %d times) at paragraph %d; want the first document again at %d",
			s.open, loads[0], s.entries[0].reader.article.topParagraph(), place)
	}
	if s.entries[1].reader != nil || loads[2] != 2 {
		t.Fatalf("readers kept after ctrl+n: %v %v %v; the harbour story was read %d times",
			s.entries[0].reader != nil, s.entries[1].reader != nil, s.entries[2].reader != nil, loads[2])
	}
}

// TestShelfOpensWhatIsThereNow opens a document that was removed after
// the shelf listed it: the shelf reads it again to open it, and says it
// cannot.
func TestShelfOpensWhatIsThereNow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone-soon.txt")
	if err := os.WriteFile(path, []byte("A short story\n\nWith a few words in it."), 0o600); err != nil {
		t.Fatal(err)
	}
	s := testShelfOf(NewShelf([]Source{{Name: path, Load: func() (*model.Document, error) {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		return model.Read(model.Input{Name: path, Data: data})
	}}}, Options{Style: StyleNoTTY}))
	s.Update(tea.WindowSizeMsg{Width: 100, Height: 10})
	run(s, s.Init())
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	shelfPress(s, "enter")
	got := shelfScreen(s)
	if s.open != -1 || !strings.Contains(got, "Cannot open "+path+": no such file") || !strings.Contains(got, "cannot read:") {
		t.Fatalf("opening a removed document:\n%s", got)
	}
}

// TestShelfOverlayKeysWin opens a document from the shelf and its quotes:
// ctrl+n moves in the quotes instead of switching documents.
func TestShelfOverlayKeysWin(t *testing.T) {
	s := newShelf(t)
	run(s, s.Init())
	shelfPress(s, "enter", "backspace", "j", "enter", "backspace", "k", "enter", "\"")
	r := s.entries[0].reader
	if s.open != 0 || r.overlay == nil {
		t.Fatalf("showing %d, quotes open %v", s.open, r.overlay != nil)
	}
	shelfPress(s, "ctrl+n")
	if s.open != 0 || r.overlay == nil || r.overlay.list.selected == 0 {
		t.Fatalf("ctrl+n in the quotes showed %d, moved to %d", s.open, r.overlay.list.selected)
	}
	shelfPress(s, "esc", "ctrl+n")
	if s.open != 1 {
		t.Fatalf("ctrl+n after the quotes closed showed %d, want 1", s.open)
	}
}

// TestShelfSharesTheChrome tells a shelf whose style is left to the
// terminal that the background is light: a document opened afterwards
// renders in the light style, and the readers draw in the shelf's one set
// of styles.
func TestShelfSharesTheChrome(t *testing.T) {
	sources := []Source{{Name: "a.txt", Load: func() (*model.Document, error) {
		return model.Read(model.Input{Name: "a.txt", Data: []byte("A short story\n\nWith a few words in it.")})
	}}}
	s := testShelfOf(NewShelf(sources, Options{}))
	s.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	run(s, s.Init())
	s.Update(tea.BackgroundColorMsg{Color: color.White})
	shelfPress(s, "enter")
	r := s.reader()
	if r == nil || r.article.renderers.style != StyleLight {
		t.Fatalf("the document opened after a light background was reported does not render light")
	}
	if r.styles != s.styles || r.common != s.app.common {
		t.Fatal("the reader has styles of its own")
	}
}

// TestShelfLightStyle opens a shelf in the light style: its chrome is
// drawn for a light background, as a reader's is.
func TestShelfLightStyle(t *testing.T) {
	s := testShelfOf(NewShelf(nil, Options{Style: StyleLight}))
	if s.dark || s.styles.Status.GetBackground() != colourStyles(false).Status.GetBackground() {
		t.Fatal("a light shelf draws its chrome for a dark background")
	}
}
