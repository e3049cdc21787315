package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/library"
	"github.com/lede-tui/lede/model/modeltest"
	"github.com/lede-tui/lede/ui"
)

// openShelf opens a shelf of the files at paths with their memories in
// the library at library.Path(), 80 by 24 cells, and reads their rows.
func openShelf(t *testing.T, paths ...string) *session {
	t.Helper()
	in := &inputs{maxSize: defaultMaxSize, fetcher: newFetcher()}
	mems := &memories{path: library.Path()}
	s := &session{mem: mems, app: ui.NewShelf(shelfSources(context.Background(), in, paths, mems), ui.Options{Style: ui.StyleNoTTY})}
	s.app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	s.run(s.app.Init())
	return s
}

// TestShelfKeepsTheLibrary opens a document from a shelf, pages down
// and highlights: the library records it, and the reader opened on it
// alone resumes there with the highlight, as does the shelf when the
// document is opened from it again.
func TestShelfKeepsTheLibrary(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := logbook(t)
	other := filepath.Join(t.TempDir(), "other.md")
	if err := os.WriteFile(other, []byte("# The Tide Table\n\nThe tide turns twice a day at the harbour mouth.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s := openShelf(t, path, other)
	s.press("enter", "pgdown", "pgdown", "H")
	if !strings.Contains(s.screen(), "Highlighted") {
		t.Fatalf("H on the shelf's reader highlighted nothing:\n%s", s.screen())
	}
	s.close(t)

	lib, err := library.Open(library.Path())
	if err != nil {
		t.Fatal(err)
	}
	docs, err := lib.List()
	lib.Close()
	if err != nil || len(docs) != 1 || docs[0].Source != canonicalPath(path) {
		t.Fatalf("the library holds %+v, %v; want the document opened alone", docs, err)
	}

	r := openSession(t, path)
	if !strings.Contains(r.screen(), "resumed at") || gutterLines(r.article()) == 0 {
		t.Fatalf("opened alone, the reader did not resume with the highlight:\n%s", r.screen())
	}
	r.close(t)

	s = openShelf(t, path, other)
	defer s.close(t)
	s.press("enter")
	if !strings.Contains(s.screen(), "resumed at") || gutterLines(s.article()) == 0 {
		t.Fatalf("opened from the shelf again, the reader did not resume with the highlight:\n%s", s.screen())
	}
}

// openLibraryShelf opens the shelf of "lede library" on the library at
// library.Path(), 80 by 24 cells, and reads its rows.
func openLibraryShelf(t *testing.T) *session {
	t.Helper()
	lib, err := library.Open(library.Path())
	if err != nil {
		t.Fatal(err)
	}
	docs, err := lib.List()
	if err != nil {
		t.Fatal(err)
	}
	in := &inputs{maxSize: defaultMaxSize, fetcher: newFetcher()}
	mems := &memories{path: library.Path()}
	opts := ui.Options{Style: ui.StyleNoTTY, TextSearch: librarySearch(lib, docs)}
	s := &session{mem: closers{mems, lib}, app: ui.NewShelf(librarySources(context.Background(), lib, in, docs, mems), opts)}
	s.app.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	s.run(s.app.Init())
	return s
}

// closers closes each in turn, and returns the first error.
type closers []interface{ Close() error }

// Close closes each in turn, and returns the first error.
func (cs closers) Close() error {
	var first error
	for _, c := range cs {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// recordStdin records text as read from standard input, as the reader
// does, and returns its document.
func recordStdin(t *testing.T, text string) *model.Document {
	t.Helper()
	input := model.Input{Name: "-", Data: []byte(text)}
	doc, err := model.Read(input)
	if err != nil {
		t.Fatal(err)
	}
	mem := newMemory(library.Path(), input, library.Stdin, doc, false)
	mem.Place()
	if err := mem.Close(); err != nil {
		t.Fatal(err)
	}
	return doc
}

// libraryDocuments lists the library at library.Path().
func libraryDocuments(t *testing.T) []library.Document {
	t.Helper()
	lib, err := library.Open(library.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	docs, err := lib.List()
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestLibraryShelf opens the library's shelf: the documents, the most
// recently opened first, a file read from its file and resumed where it
// was left, standard input read from the text kept, under its title,
// recorded again as the same document.
func TestLibraryShelf(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := logbook(t)
	r := openSession(t, path)
	r.press("pgdown", "pgdown")
	r.close(t)
	recordStdin(t, "Notes From the Pier\n\nThe gulls gathered on the railings before the storm came in.\n")
	before := libraryDocuments(t)

	s := openLibraryShelf(t)
	screen := s.screen()
	pier, log := strings.Index(screen, "Notes From the Pier"), strings.Index(screen, "The Lighthouse Log")
	if pier < 0 || log < 0 || pier > log {
		t.Fatalf("the shelf does not list the documents, the most recent first:\n%s", screen)
	}
	s.press("enter")
	if !strings.Contains(s.screen(), "gulls gathered on the railings") {
		t.Fatalf("enter did not open standard input's text:\n%s", s.screen())
	}
	s.press("esc", "j", "enter")
	if !strings.Contains(s.screen(), "resumed at") {
		t.Fatalf("the file opened from the library's shelf did not resume:\n%s", s.screen())
	}
	s.close(t)

	after := libraryDocuments(t)
	if len(after) != len(before) {
		t.Fatalf("the shelf recorded %d documents, want the %d it opened again", len(after), len(before))
	}
	kept := map[int64]library.Document{}
	for _, d := range before {
		kept[d.ID] = d
	}
	for _, d := range after {
		was := kept[d.ID]
		if d.Source != was.Source || d.Hash != was.Hash || d.Title != was.Title || d.Format != was.Format {
			t.Fatalf("opened from the shelf, %+v is recorded as %+v", was, d)
		}
	}
}

// TestLibraryShelfSearchesTheText types a filter on the library's shelf:
// the titles that match come first, then the documents whose text holds
// it, each with a snippet; enter opens the document at the match.
func TestLibraryShelfSearchesTheText(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	var b strings.Builder
	b.WriteString("# Harbour Notes\n\n")
	for i := 1; i <= 40; i++ {
		b.WriteString("Entry " + strings.Repeat("X", i%6+1) + ": the harbour master logged the weather, the moorings and the boats out past the breakwater.\n\n")
		if i == 33 {
			b.WriteString("Under the floorboards of the office the keeper found a brass compass, still pointing north.\n\n")
		}
		if i == 2 {
			b.WriteString("The tide was low all morning.\n\n")
		}
	}
	harbour := filepath.Join(t.TempDir(), "harbour.md")
	tide := filepath.Join(t.TempDir(), "tide.md")
	if err := os.WriteFile(harbour, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(tide, []byte("# The Tide Table\n\nHigh water comes twice a day at the harbour mouth.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{harbour, tide} {
		openSession(t, path).close(t)
	}

	s := openLibraryShelf(t)
	defer s.close(t)
	s.press("/")
	for _, k := range "brass compass" {
		s.press(string(k))
	}
	screen := s.screen()
	if !strings.Contains(screen, "In the text") || !strings.Contains(screen, "Harbour Notes") || !strings.Contains(screen, "**brass** **compass**") || strings.Contains(screen, "The Tide Table") {
		t.Fatalf("the filter does not list the one document whose text holds the phrase, with a snippet:\n%s", screen)
	}
	s.press("enter", "enter")
	article := s.article()
	if !strings.Contains(article, "brass compass") || strings.Contains(article, "Harbour Notes") || strings.Contains(s.screen(), "resumed at") {
		t.Fatalf("enter did not open the document at the match:\n%s", s.screen())
	}

	s.press("esc", "esc", "/", "t", "i", "d", "e")
	screen = s.screen()
	title, text, match := strings.Index(screen, "The Tide Table"), strings.Index(screen, "In the text"), strings.Index(screen, "**tide**")
	if title < 0 || text < title || match < text {
		t.Fatalf("the title that matches is not listed before the matches in the text:\n%s", screen)
	}
}

// largeHarbour writes a generated article of about 512 KB, to be read
// head first, with a paragraph about a brass compass far past its head,
// and returns its path.
func largeHarbour(t *testing.T) string {
	t.Helper()
	text := string(modeltest.Article(1 << 19))
	cut := strings.Index(text[len(text)*3/4:], "\n\n") + len(text)*3/4
	text = text[:cut] + "\n\nUnder the floorboards of the office the keeper found a brass compass, still pointing north." + text[cut:]
	path := filepath.Join(t.TempDir(), "large-harbour.txt")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	head, err := model.ReadHead(model.Input{Name: path, Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	if !head.Partial() || strings.Contains(head.Paragraphs[len(head.Paragraphs)-1].Text, "brass compass") {
		t.Fatal("the compass is not past the head of the large article")
	}
	return path
}

// TestShelfOpensHeadFirst reads the documents of a shelf to be opened:
// a large one as its head, with the whole to read, a small one whole, as
// before, and neither with a memory when there is no library.
func TestShelfOpensHeadFirst(t *testing.T) {
	large := largeHarbour(t)
	small := filepath.Join("..", "..", "testdata", "xiaomi-century-brand.txt")
	in := &inputs{maxSize: defaultMaxSize, fetcher: newFetcher()}
	sources := shelfSources(context.Background(), in, []string{large, small}, nil)
	head, err := sources[0].Open()
	if err != nil || !head.Doc.Partial() || head.ReadWhole == nil || head.Memory != nil {
		t.Fatalf("the large document opens partial %v, with a whole to read %v, a memory %v: %v",
			head.Doc != nil && head.Doc.Partial(), head.ReadWhole != nil, head.Memory != nil, err)
	}
	whole, err := head.ReadWhole()
	if err != nil || whole.Partial() || len(whole.Paragraphs) <= len(head.Doc.Paragraphs) {
		t.Fatalf("the whole read has %d paragraphs, the head %d: %v", len(whole.Paragraphs), len(head.Doc.Paragraphs), err)
	}
	opened, err := sources[1].Open()
	loaded, lerr := sources[1].Load()
	if err != nil || lerr != nil || opened.Doc.Partial() || opened.ReadWhole != nil || opened.Memory != nil || len(opened.Doc.Paragraphs) != len(loaded.Paragraphs) {
		t.Fatalf("the small document does not open whole, as it loads: %v, %v", err, lerr)
	}
}

// TestLibraryShelfMatchPastTheHead opens a large document from the
// library's shelf at a match in its text past its head: the reader
// shows the match once the whole is read.
func TestLibraryShelfMatchPastTheHead(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	openSession(t, largeHarbour(t)).close(t)
	s := openLibraryShelf(t)
	defer s.close(t)
	s.press("/")
	for _, k := range "brass compass" {
		s.press(string(k))
	}
	if !strings.Contains(s.screen(), "**brass** **compass**") {
		t.Fatalf("the filter does not list the match in the text:\n%s", s.screen())
	}
	s.press("enter", "enter")
	if article := s.article(); !strings.Contains(article, "brass compass") {
		t.Fatalf("enter did not open the document at the match past its head:\n%s", s.screen())
	}
}
