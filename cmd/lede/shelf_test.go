package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model/library"
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
