package main

import (
	"os"
	"strings"
	"testing"

	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/library"
	"github.com/lede-tui/lede/ui"
)

// logbook writes an article of our own, long enough to page through, to
// a new directory, and returns its path.
func logbook(t *testing.T) string {
	return writeArticle(t, "log.md", pagedArticle("The Lighthouse Log", 40, func(i int) string {
		return "Night " + strings.Repeat("V", i%5+1) + " of the log: the keeper trimmed the wick, wound the clockwork and counted the ships that passed the reef."
	}))
}

// session is the reader open on one document, or a shelf, with its
// memory in the library, driven by key messages as the program would
// drive it.
type session struct {
	app tea.Model
	mem interface{ Close() error }
}

// readFile reads the file at path as the reader does, into its input and
// its document, not extracted yet.
func readFile(t *testing.T, path string) (model.Input, *model.Document) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	input := model.Input{Name: path, Data: data}
	doc, err := model.Read(input)
	if err != nil {
		t.Fatal(err)
	}
	return input, doc
}

// openSession opens the reader on the file at path with the library at
// library.Path(), 80 by 24 cells, and runs its start-up (extraction, the
// lookup of its place, marks and highlights) to the end.
func openSession(t *testing.T, path string) *session {
	t.Helper()
	input, doc := readFile(t, path)
	mem := newMemory(library.Path(), input, canonicalPath(path), doc, false)
	s := &session{mem: mem, app: ui.New(doc, ui.Options{Style: ui.StyleNoTTY, Memory: mem})}
	s.app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	s.run(s.app.Init())
	return s
}

// run runs cmd as the program would and gives its messages to the
// reader, and theirs in turn; the spinner's ticks are left out, as they
// only turn it.
func (s *session) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			s.run(c)
		}
	case spinner.TickMsg, nil:
	default:
		_, next := s.app.Update(msg)
		s.run(next)
	}
}

// press types keys, each a key's text or "pgdown".
func (s *session) press(keys ...string) {
	for _, k := range keys {
		msg := tea.KeyPressMsg{Code: []rune(k)[0], Text: k}
		switch k {
		case "pgdown":
			msg = tea.KeyPressMsg{Code: tea.KeyPgDown}
		case "esc":
			msg = tea.KeyPressMsg{Code: tea.KeyEscape}
		case "enter":
			msg = tea.KeyPressMsg{Code: tea.KeyEnter}
		}
		_, cmd := s.app.Update(msg)
		s.run(cmd)
	}
}

// screen is the reader's screen as text.
func (s *session) screen() string {
	return ansi.Strip(s.app.View().Content)
}

// article is the article's lines on screen: the screen without its
// status and hint lines.
func (s *session) article() string {
	lines := strings.Split(s.screen(), "\n")
	return strings.Join(lines[:len(lines)-2], "\n")
}

// close quits the reader: its memory writes what is left and closes.
func (s *session) close(t *testing.T) {
	t.Helper()
	if err := s.mem.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestMarksAreKept(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := logbook(t)
	s := openSession(t, path)
	s.press("g")
	top := s.article()
	s.press("pgdown", "pgdown", "m", "a")
	if !strings.Contains(s.screen(), "Mark a set.") {
		t.Fatalf("m a did not say it set the mark:\n%s", s.screen())
	}
	s.press("g", "'", "a")
	// The mark is the place the reader keeps: the line at the top, or
	// the start of its paragraph when a blank line is there.
	marked := s.article()
	if marked == top || !strings.Contains(marked, "Night") {
		t.Fatalf("' a stayed at the top:\n%s", marked)
	}
	s.press("'", "b")
	if !strings.Contains(s.screen(), "No mark b.") {
		t.Fatalf("' b without a mark b says nothing:\n%s", s.screen())
	}
	s.press("g")
	s.close(t)

	s = openSession(t, path)
	defer s.close(t)
	if s.article() == marked {
		t.Fatal("the reader reopened at the mark; the test proves nothing")
	}
	s.press("'", "a")
	if s.article() != marked {
		t.Fatalf("after reopening, ' a went to\n%s\nwant the marked place\n%s", s.article(), marked)
	}
}

func TestMarkWaitsForALetter(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	s := openSession(t, logbook(t))
	defer s.close(t)
	// q after m or ' is not a quit: marks are letters, and q is one.
	s.press("pgdown", "m", "a", "m", "q", "g", "'", "a")
	at := s.article()
	s.press("g", "'", "q")
	if s.article() != at {
		t.Fatalf("m q then ' q went to\n%s\nwant where ' a goes\n%s", s.article(), at)
	}
	s.press("m", "1")
	if !strings.Contains(s.screen(), "A mark is a letter.") {
		t.Fatalf("m 1 says nothing:\n%s", s.screen())
	}
	s.press("m", "esc")
	if strings.Contains(s.screen(), "A mark is a letter.") || strings.Contains(s.screen(), "Mark:") {
		t.Fatalf("esc after m did not just give up:\n%s", s.screen())
	}
}

// gutterLines counts the article's lines marked in the gutter as
// highlighted.
func gutterLines(article string) int {
	n := 0
	for _, l := range strings.Split(article, "\n") {
		if strings.HasPrefix(l, "┃") {
			n++
		}
	}
	return n
}

func TestHighlightsAndNotesAreKept(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := logbook(t)
	s := openSession(t, path)
	s.press("pgdown", "pgdown", "H")
	if !strings.Contains(s.screen(), "Highlighted") || gutterLines(s.article()) == 0 {
		t.Fatalf("H highlighted nothing:\n%s", s.screen())
	}
	s.press("A")
	for _, k := range "kept a spare wick" {
		s.press(string(k))
	}
	s.press("enter")
	if !strings.Contains(s.screen(), "Note kept.") {
		t.Fatalf("enter did not keep the note:\n%s", s.screen())
	}
	s.close(t)

	// Reopened, the reader resumes where it was, and the highlight
	// shows there.
	s = openSession(t, path)
	if !strings.Contains(s.screen(), "resumed at") || gutterLines(s.article()) == 0 {
		t.Fatalf("reopened, the highlight does not show:\n%s", s.screen())
	}
	s.press("g")
	if gutterLines(s.article()) != 0 {
		t.Fatalf("at the top, the highlight further down shows:\n%s", s.article())
	}
	s.press("L")
	if !strings.Contains(s.screen(), "Highlights") || !strings.Contains(s.screen(), "kept a spare wick") {
		t.Fatalf("L does not list the highlight and its note:\n%s", s.screen())
	}
	s.press("enter")
	if gutterLines(s.article()) == 0 {
		t.Fatalf("enter in the highlights did not go to the highlight, shown:\n%s", s.article())
	}
	s.close(t)

	r := lede(t, "", "export", "--format", "md", path)
	if r.code != exitOK || !strings.Contains(r.stdout, "keeper trimmed the wick") || !strings.Contains(r.stdout, "Note: kept a spare wick") || !strings.Contains(r.stdout, "The Lighthouse Log") {
		t.Fatalf("lede export = %d, %q, %q", r.code, r.stdout, r.stderr)
	}

	// H on a highlight takes it off, for good.
	s = openSession(t, path)
	s.press("L", "enter", "H")
	if !strings.Contains(s.screen(), "Highlight removed.") || gutterLines(s.article()) != 0 {
		t.Fatalf("H on the highlight did not remove it:\n%s", s.screen())
	}
	s.close(t)
	s = openSession(t, path)
	defer s.close(t)
	s.press("L")
	if !strings.Contains(s.screen(), "No highlights yet") {
		t.Fatalf("the removed highlight came back:\n%s", s.screen())
	}
}

// TestHighlightWhatHasFocus highlights a quote the reader jumped to,
// then the question selected in the Q&A pane: each alone, not its
// paragraph or the one at the reading position.
func TestHighlightWhatHasFocus(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := writeArticle(t, "bees.md", interview)
	s := openSession(t, path)
	defer s.close(t)
	s.press(">", ">", ">", "H", "L")
	screen := s.screen()
	if !strings.Contains(screen, "The honey buys a lot of patience") || strings.Contains(screen, "They complain") {
		t.Fatalf("after > H the highlights are not the quote alone:\n%s", screen)
	}
	s.press("esc", "2", "j", "H", "L")
	screen = s.screen()
	if !strings.Contains(screen, "What do the neighbours say?") || strings.Contains(screen, "How did the hives") {
		t.Fatalf("after 2 j H the highlights do not hold the second question alone:\n%s", screen)
	}
}
