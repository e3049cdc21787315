package main

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/library"
	"github.com/lede-tui/lede/model/modeltest"
)

// lockFile takes the write lock of the SQLite file at path, as another
// program writing it would, until unlock.
func lockFile(path string) (unlock func(), err error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if _, err := db.Exec("BEGIN EXCLUSIVE; UPDATE meta SET opened = opened"); err != nil {
		db.Close()
		return nil, err
	}
	return func() { db.Exec("ROLLBACK"); db.Close() }, nil
}

// interview is an interview of our own, with questions and a quote.
const interview = `# Keeping Bees on a Roof

By Ada Marsh · The Harbour Gazette · 3 May 2026

Q: How did the hives get up there?

A: One crate at a time, up the fire escape, at dawn before the traffic.

Q: What do the neighbours say?

A: They complain about the stairs, not the bees. "The honey buys a lot of patience," the caretaker told me.
`

// remember records the documents at paths in the library, as the
// reader does when it opens them.
func remember(t *testing.T, paths ...string) {
	t.Helper()
	for _, path := range paths {
		input, doc := readFile(t, path)
		source, _ := librarySource(input, false)
		m := newMemory(library.Path(), input, source, doc, false)
		m.Place()
		m.SetPlace(len(doc.Paragraphs)-1, 0)
		if err := m.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// writeArticle writes text to name in a new directory.
func writeArticle(t *testing.T, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLibraryCommands(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	if r := lede(t, "", "library"); r.code != exitOK || r.stdout != "" {
		t.Fatalf("lede library without a library = %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	bees := writeArticle(t, "bees.md", interview)
	tides := writeArticle(t, "tides.txt", "Tide Tables\n\nThe spring tide floods the lower market twice a year.\n")
	remember(t, bees, tides)
	if _, err := os.Stat(library.Path()); err != nil {
		t.Fatal(err)
	}

	r := lede(t, "", "library", "--list")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != exitOK || len(lines) != 2 || !strings.HasPrefix(lines[0], "2\t") || !strings.Contains(lines[1], "Keeping Bees on a Roof\t"+canonicalPath(bees)) {
		t.Fatalf("lede library --list = %d, %q, %q", r.code, r.stdout, r.stderr)
	}

	r = lede(t, "", "search", "fire", "escape")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "1\tKeeping Bees on a Roof") || strings.Contains(r.stdout, "Tide") || !strings.Contains(r.stdout, "**fire**") {
		t.Fatalf("lede search fire escape = %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	r = lede(t, "", "search", "--json", "tide")
	var hits []found
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil || len(hits) != 1 || hits[0].Source != canonicalPath(tides) {
		t.Fatalf("lede search --json tide = %q (%v)", r.stdout, err)
	}
	if r = lede(t, "", "search", "zeppelin"); r.code != exitError || !strings.Contains(r.stderr, "no document") {
		t.Fatalf("lede search zeppelin = %d, %q", r.code, r.stderr)
	}

	r = lede(t, "", "export", "--format", "md", bees)
	for _, want := range []string{"## Keeping Bees on a Roof", ":** How did the hives get up there?", "One crate at a time", "— *Keeping Bees on a Roof*, ¶"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("lede export --format md lacks %q:\n%s%s", want, r.stdout, r.stderr)
		}
	}
	r = lede(t, "", "export", "--format", "json")
	var docs []exported
	if err := json.Unmarshal([]byte(r.stdout), &docs); err != nil || len(docs) != 2 {
		t.Fatalf("lede export --format json = %q (%v)", r.stdout, err)
	}
	r = lede(t, "", "export", "--format", "csv", "1")
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "id,title,byline,source,date,url,path,kind,") || !strings.Contains(r.stdout, "exchange") {
		t.Fatalf("lede export --format csv 1 = %d, %q, %q", r.code, r.stdout, r.stderr)
	}
	if r = lede(t, "", "export", "--format", "pdf"); r.code != exitUsage {
		t.Fatalf("lede export --format pdf = %d, %q", r.code, r.stderr)
	}

	if r = lede(t, "", "library", "forget", bees); r.code != exitOK {
		t.Fatalf("lede library forget = %d, %q", r.code, r.stderr)
	}
	if r = lede(t, "", "search", "crate"); r.code != exitError {
		t.Fatalf("search finds a forgotten document: %q", r.stdout)
	}
	if r = lede(t, "", "library", "forget", "1"); r.code != exitError || !strings.Contains(r.stderr, "not in the library") {
		t.Fatalf("forgetting it again = %d, %q", r.code, r.stderr)
	}
}

func TestMemoryResumesAChangedDocument(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := writeArticle(t, "bees.md", interview)
	remember(t, path) // left at the last paragraph
	edited := strings.Replace(interview, "# Keeping Bees on a Roof\n", "# Keeping Bees on a Roof\n\nAn editor's note added later.\n", 1)
	if err := os.WriteFile(path, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	input := model.Input{Name: path, Data: []byte(edited)}
	doc, err := model.Read(input)
	if err != nil {
		t.Fatal(err)
	}
	m := newMemory(library.Path(), input, canonicalPath(path), doc, false)
	p, _, ok := m.Place()
	if !ok || !strings.Contains(doc.Paragraphs[p].Text, "They complain about the stairs") {
		t.Fatalf("resumed at paragraph %d (%v), want the last answer", p, ok)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	lib, err := library.Open(library.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	if docs, _ := lib.List(); len(docs) != 1 || docs[0].Hash != library.Hash([]byte(edited)) {
		t.Fatalf("the library holds %+v after the document changed", docs)
	}
}

func TestMemoryOfAHeadKeepsPlacesInTheWhole(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := writeArticle(t, "long.txt", string(modeltest.Article(1<<20)))
	input := model.Input{Name: path, Data: modeltest.Article(1 << 20)}
	head, err := model.ReadHead(input)
	if err != nil || !head.Partial() {
		t.Fatalf("the head of 1 MB: partial %v, %v", head.Partial(), err)
	}
	m := newMemory(library.Path(), input, canonicalPath(path), head, false)
	whole, err := readWhole(input, m)()
	if err != nil {
		t.Fatal(err)
	}
	far := len(head.Paragraphs) + 100
	m.Place() // records the document, as the reader does once the whole is read
	m.SetPlace(far, 5)
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	again := newMemory(library.Path(), input, canonicalPath(path), whole, false)
	defer again.Close()
	if p, off, ok := again.Place(); !ok || p != far || off != 5 {
		t.Fatalf("the place kept past the head is paragraph %d, byte %d (%v), want %d, 5", p, off, ok, far)
	}
	lib, err := library.Open(library.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	text, err := lib.Text(1)
	if err != nil || len(text) < textLen(whole) {
		t.Fatalf("the library kept %d bytes of text, want the whole's %d (%v)", len(text), textLen(whole), err)
	}
}

// textLen is how many bytes of text d's paragraphs hold.
func textLen(d *model.Document) int {
	n := 0
	for _, p := range d.Paragraphs {
		n += len(p.Text)
	}
	return n
}
