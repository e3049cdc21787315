package library

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// open opens a new library in a temporary directory.
func open(t *testing.T) (*Library, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "lede", "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	return l, path
}

// record records a document of text from source, opened at second n.
func record(t *testing.T, l *Library, source, title, text string, n int) int64 {
	t.Helper()
	d := Document{Source: source, Hash: Hash([]byte(text)), Title: title, Format: "txt", Opened: time.Unix(int64(n), 0)}
	id, err := l.Record(d, text)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func TestMigrateFromEmptyAndAgain(t *testing.T) {
	l, path := open(t)
	var version int
	if err := l.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != Version() {
		t.Fatalf("user_version = %d, %v; want %d", version, err, Version())
	}
	var mode string
	if err := l.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	id := record(t, l, "/a.txt", "A", "kept across opens", 1)
	l.Close()
	// Opening an up-to-date library again changes nothing of it.
	again, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if d, err := again.Find("/a.txt"); err != nil || d.ID != id {
		t.Fatalf("Find after reopening = %+v, %v; want id %d", d, err, id)
	}
}

func TestNewerLibraryIsRefused(t *testing.T) {
	l, path := open(t)
	if _, err := l.db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	l.Close()
	if _, err := Open(path); !errors.Is(err, ErrNewer) {
		t.Fatalf("Open of a version 99 library = %v; want ErrNewer", err)
	}
}

func TestRecordUpdatesAndForgetRemovesEverything(t *testing.T) {
	l, _ := open(t)
	a := record(t, l, "/a.txt", "Old title", "first text", 1)
	b := record(t, l, "https://example.com/b", "B", "other text", 2)
	if again := record(t, l, "/a.txt", "New title", "second text", 3); again != a {
		t.Fatalf("recording the same source again gave id %d, want %d", again, a)
	}
	docs, err := l.List()
	if err != nil || len(docs) != 2 || docs[0].ID != a || docs[0].Title != "New title" || docs[1].ID != b {
		t.Fatalf("List = %+v, %v; want a (retitled) then b", docs, err)
	}
	if text, _ := l.Text(a); text != "second text" {
		t.Fatalf("Text = %q after the document changed", text)
	}
	// Standard input is told apart by its content.
	s1 := record(t, l, Stdin, "piped", "one", 4)
	s2 := record(t, l, Stdin, "piped", "two", 5)
	if s1 == s2 {
		t.Fatal("two different standard inputs got one id")
	}

	para := []string{"first text"}
	if err := l.SetPlace(a, NewAnchor(para, 0, 6)); err != nil {
		t.Fatal(err)
	}
	if err := l.SetMark(a, 'q', NewAnchor(para, 0, 0)); err != nil {
		t.Fatal(err)
	}
	h, err := l.AddHighlight(a, Highlight{At: NewAnchor(para, 0, 0), Text: "first"})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.SetNote(h, "a note"); err != nil {
		t.Fatal(err)
	}
	if err := l.SetCorrection(a, Correction{Entity: "Text", Hidden: true}); err != nil {
		t.Fatal(err)
	}
	if hs, _ := l.Highlights(a); len(hs) != 1 || hs[0].Note != "a note" || hs[0].Text != "first" {
		t.Fatalf("Highlights = %+v", hs)
	}
	other, err := l.AddHighlight(a, Highlight{At: NewAnchor(para, 0, 6), Text: "text"})
	if err != nil {
		t.Fatal(err)
	}
	if err := l.RemoveHighlight(other); err != nil {
		t.Fatal(err)
	}
	if ms, _ := l.Marks(a); ms['q'].Paragraph != 0 || len(ms) != 1 {
		t.Fatalf("Marks = %+v", ms)
	}
	if cs, _ := l.Corrections(a); len(cs) != 1 || !cs[0].Hidden {
		t.Fatalf("Corrections = %+v", cs)
	}

	if err := l.Forget(a); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Find("/a.txt"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("Find after Forget = %v; want ErrNotFound", err)
	}
	for _, table := range []string{"texts", "places", "marks", "highlights", "corrections"} {
		var n int
		if err := l.db.QueryRow("SELECT count(*) FROM "+table+" WHERE doc = ?", a).Scan(&n); err != nil || n != 0 {
			t.Errorf("%s keeps %d rows of the forgotten document (%v)", table, n, err)
		}
	}
	if hits, _ := l.Search("first", 10); len(hits) != 0 {
		t.Errorf("search still finds the forgotten document: %+v", hits)
	}
	if err := l.Forget(a); !errors.Is(err, ErrNotFound) {
		t.Errorf("forgetting twice = %v; want ErrNotFound", err)
	}
}

func TestFindByIDOrSource(t *testing.T) {
	l, _ := open(t)
	id := record(t, l, "/x.txt", "X", "x", 1)
	for _, name := range []string{"1", "/x.txt"} {
		if d, err := l.Find(name); err != nil || d.ID != id {
			t.Errorf("Find(%q) = %+v, %v", name, d, err)
		}
	}
	if _, err := l.Find("2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Find of an unknown id = %v", err)
	}
}

func TestSearch(t *testing.T) {
	l, _ := open(t)
	record(t, l, "/cafe.txt", "At the café", "We met in a café near the harbour. The mayor said the budget was final.", 1)
	record(t, l, "/cn.txt", "采访", "我们在北京大学见面。他说预算已经确定。", 2)
	record(t, l, "/other.txt", "Weather", "Rain is expected over the harbour tonight.", 3)
	cases := []struct {
		query string
		want  []string
	}{
		{"cafe", []string{"/cafe.txt"}},                  // diacritics ignored
		{"budget was final", []string{"/cafe.txt"}},      // every word
		{"harbour", []string{"/other.txt", "/cafe.txt"}}, // both, ranked
		{"北京大学", []string{"/cn.txt"}},                    // trigram
		{"北京", []string{"/cn.txt"}},                      // under three: LIKE
		{"arbou", []string{"/other.txt", "/cafe.txt"}},   // substring
		{`"budget" OR NEAR(`, nil},                       // FTS5 syntax is text
		{"absent", nil},
	}
	for _, c := range cases {
		hits, err := l.Search(c.query, 10)
		if err != nil {
			t.Errorf("Search(%q): %v", c.query, err)
			continue
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Source)
			if !strings.Contains(h.Snippet, "**") {
				t.Errorf("Search(%q): snippet %q marks no match", c.query, h.Snippet)
			}
		}
		if len(got) != len(c.want) || (len(got) > 0 && !sameSet(got, c.want)) {
			t.Errorf("Search(%q) = %v; want %v", c.query, got, c.want)
		}
	}
}

// sameSet reports whether a and b hold the same strings.
func sameSet(a, b []string) bool {
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		seen[s]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

func TestAnchorResolvesInAnEditedDocument(t *testing.T) {
	before := []string{
		"Q: Where did the company start?",
		"A: We rented a flat above a noodle shop, six of us.",
		"Q: And now?",
		"A: We bought the whole building, noodle shop, six of us.",
		"The interview has been edited for length.",
	}
	// The reader left the second answer, at "noodle": its words from
	// there on are the first answer's too.
	off := strings.Index(before[3], "noodle")
	a := NewAnchor(before, 3, off)
	if p, o, ok := a.Resolve(before); !ok || p != 3 || o != off {
		t.Fatalf("Resolve in the same text = %d, %d, %v", p, o, ok)
	}
	// Paragraphs added before it move it down: the text before the
	// place tells the quote's two copies apart.
	edited := append([]string{"An editor's note, added later.", "Another."}, before...)
	if p, o, ok := a.Resolve(edited); !ok || p != 5 || o != off {
		t.Fatalf("Resolve after two paragraphs were added = %d, %d, %v; want 5, %d", p, o, ok, off)
	}
	// The paragraph was rewritten before the place: the quote and its
	// context are found at the new offset.
	rewritten := append([]string{}, before...)
	rewritten[3] = "A: Since 2019 we have bought the whole building, noodle shop, six of us."
	want := strings.Index(rewritten[3], "noodle")
	if p, o, ok := a.Resolve(rewritten); !ok || p != 3 || o != want {
		t.Fatalf("Resolve after a rewrite = %d, %d, %v; want 3, %d", p, o, ok, want)
	}
	// The text is gone: the old place, clamped.
	short := []string{"Only this is left."}
	if p, o, ok := a.Resolve(short); ok || p != 0 || o > len(short[0]) {
		t.Fatalf("Resolve when the text is gone = %d, %d, %v", p, o, ok)
	}
	// A place in the middle of a character is moved to its start.
	cn := []string{"北京大学"}
	if b := NewAnchor(cn, 0, 4); b.Offset != 3 {
		t.Fatalf("NewAnchor in the middle of a character: offset %d", b.Offset)
	}
}
