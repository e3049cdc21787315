//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model/library"
	"github.com/lede-tui/lede/model/modeltest"
)

// longArticle writes an article of our own, long enough to page through,
// to a new directory, and returns its path.
func longArticle(t *testing.T) string {
	return writeArticle(t, "ferry.md", pagedArticle("The Ferry Timetable", 60, func(i int) string {
		return "Crossing number " + strings.Repeat("I", i%7+1) + " leaves the north pier when the tide allows, and the ferryman writes the hour on a slate by the gangway."
	}))
}

// pagedArticle is a Markdown article of title and n paragraphs,
// paragraph(1) to paragraph(n).
func pagedArticle(title string, n int, paragraph func(i int) string) string {
	var b strings.Builder
	b.WriteString("# " + title + "\n\n")
	for i := 1; i <= n; i++ {
		b.WriteString(paragraph(i) + "\n\n")
	}
	return b.String()
}

// readAndQuit opens the reader on args in a terminal, types keys once
// the title shows, and returns its output once it has exited.
func readAndQuit(t *testing.T, keys string, args ...string) string {
	t.Helper()
	return readUntil(t, "Ferry Timetable", keys, args...)
}

// readUntil opens the reader on args in a terminal, types keys once it
// shows seen, and returns its output once it has exited.
func readUntil(t *testing.T, seen, keys string, args ...string) string {
	t.Helper()
	term := startIn(t, "lede", t.TempDir(), args...)
	term.waitFor(t, 0, seen)
	term.typeKeys(t, keys)
	code, out := term.wait(t, 0)
	if code != exitOK {
		t.Fatalf("exit status %d: %q", code, out)
	}
	return ansi.Strip(out)
}

// pageDown is the key pgdown as a terminal sends it.
const pageDown = "\x1b[6~"

// TestReaderResumesWhereItWasLeft opens an article, pages down and
// quits; opened again, the reader returns there and says so, unless
// --from-start. --no-library neither records nor resumes.
func TestReaderResumesWhereItWasLeft(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := longArticle(t)
	if out := readAndQuit(t, pageDown+pageDown+"q", path); strings.Contains(out, "resumed at") {
		t.Fatalf("the first opening resumed: %q", out)
	}
	// The place comes after the first frame; the reader says so.
	out := readUntil(t, "resumed at ", "q", path)
	if !strings.Contains(out, "Crossing number") || strings.Contains(out, "resumed at 0%") {
		t.Fatalf("the second opening resumed at the top: %q", out)
	}
	if out := readAndQuit(t, "q", "--from-start", path); strings.Contains(out, "resumed at") {
		t.Fatalf("--from-start resumed: %q", out)
	}
	if out := readAndQuit(t, "q", "--no-library", path); strings.Contains(out, "resumed at") {
		t.Fatalf("--no-library resumed: %q", out)
	}
	r := lede(t, "", "library", "--list")
	if r.code != exitOK || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, "The Ferry Timetable\t"+canonicalPath(path)) {
		t.Fatalf("lede library --list = %d, %q, %q", r.code, r.stdout, r.stderr)
	}
}

// TestNoLibraryWritesNothing opens an article with --no-library, and
// with library = false in the config file: no library file is made.
func TestNoLibraryWritesNothing(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	path := longArticle(t)
	readAndQuit(t, "q", "--no-library", path)
	withConfig(t, "library = false\n")
	readAndQuit(t, "q", path)
	if _, err := os.Stat(filepath.Join(data, "lede")); !os.IsNotExist(err) {
		t.Fatalf("the reader wrote the library: %v", err)
	}
}

// TestCorruptLibraryLeavesTheReaderWorking opens an article with a
// library file that is not one: one line says so, and the reader shows
// the article.
func TestCorruptLibraryLeavesTheReaderWorking(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	file := filepath.Join(data, "lede", "library.db")
	if err := os.MkdirAll(filepath.Dir(file), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(strings.Repeat("not a database at all\n", 300)), 0o600); err != nil {
		t.Fatal(err)
	}
	out := readAndQuit(t, "q", longArticle(t))
	if n := strings.Count(out, "lede: "); n != 1 || !strings.Contains(out, file+": not a lede library or damaged") || !strings.Contains(out, "read without the library") {
		t.Fatalf("want one line about the library, got %d: %q", n, out)
	}
	if r := lede(t, "", "library"); r.code != exitError || !strings.Contains(r.stderr, "not a lede library") || strings.Count(r.stderr, "\n") != 1 {
		t.Fatalf("lede library on a corrupt file = %d, %q", r.code, r.stderr)
	}
}

// TestLockedLibraryLeavesTheReaderWorking opens an article while another
// program holds the library's write lock.
func TestLockedLibraryLeavesTheReaderWorking(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	lib, err := library.Open(library.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	unlock, err := lockFile(library.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	out := readAndQuit(t, "q", longArticle(t))
	if !strings.Contains(out, "locked by another program") || !strings.Contains(out, "read without the library") {
		t.Fatalf("no line about the locked library: %q", out)
	}
}

// TestLibraryOpensAShelf runs "lede library" in a terminal: a shelf of
// the documents read, where enter opens one where it was left; with
// --list it prints the list, as when piped.
func TestLibraryOpensAShelf(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := longArticle(t)
	readAndQuit(t, pageDown+pageDown+"q", path)
	term := startIn(t, "lede", t.TempDir(), "library")
	// The window's title names the shelf; its row the document, read.
	from := term.waitFor(t, 0, "lede: shelf")
	term.waitFor(t, from, "The Ferry Timetable")
	term.typeKeys(t, "\r")
	term.waitFor(t, 0, "resumed at ")
	term.typeKeys(t, "q")
	if code, out := term.wait(t, 0); code != exitOK {
		t.Fatalf("exit status %d: %q", code, out)
	}
	term = startIn(t, "lede", t.TempDir(), "library", "--list")
	code, out := term.wait(t, 0)
	if code != exitOK || !strings.Contains(out, "The Ferry Timetable\t"+canonicalPath(path)) || strings.Contains(out, "lede: shelf") {
		t.Fatalf("lede library --list in a terminal = %d, %q", code, out)
	}
}

// TestReaderResumesBeyondTheHead opens an article large enough to be
// shown from its head first, goes to its end once the whole is read
// (the reading time under the title says so), and quits; opened again,
// the reader resumes there, past the head, once the whole is read.
func TestReaderResumesBeyondTheHead(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(path, modeltest.Article(1<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	readUntil(t, " min read", "Gq", path)
	out := readUntil(t, "resumed at ", "q", path)
	if !strings.Contains(out, "resumed at 100%") {
		t.Fatalf("the second opening did not resume at the end: %q", out[max(len(out)-2000, 0):])
	}
}
