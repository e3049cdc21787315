package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"
)

// writeInput writes data to a file named name in a fresh directory.
func writeInput(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// zipped is a small zip archive holding one text file.
func zipped(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.Create("article.txt")
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("An article in an archive."))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestRefusedInput asserts the one line each unreadable input gets.
func TestRefusedInput(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		want string // after "lede: FILE: "
	}{
		{"empty.txt", nil, "no text to read"},
		{"blank.txt", []byte(" \n\t\n\u00a0\u00a0\n\r\n"), "no text to read"},
		{"bom.txt", []byte{0xFF, 0xFE}, "no text to read"},
		{"furniture.txt", []byte("Share this article\n\nSubscribe to our newsletter\n\n© 2024 Example Media. All rights reserved."), "no text to read: all of it looks like web boilerplate (share or follow prompt)"},
		{"photo.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "binary file (PNG image); --force reads it anyway"},
		{"archive.zip", zipped(t), "binary file (ZIP archive); --force reads it anyway"},
		{"nul.txt", []byte("Almost text\x00 but not."), "binary file (binary data); --force reads it anyway"},
		{"controls.txt", []byte("\x1b[2J\x1b]0;title\x07\u202e\u200b"), "no text to read"},
		{"nobody.html", []byte("<!doctype html><html><head><meta charset=utf-8></head></html>"), "no text to read"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeInput(t, c.name, c.data)
			for _, cmd := range []string{"print", "extract"} {
				r := lede(t, "", cmd, path)
				if want := "lede: " + path + ": " + c.want + "\n"; r.code != 1 || r.stderr != want || r.stdout != "" {
					t.Fatalf("%s: exit %d, stderr %q, stdout %.80q; want exit 1, %q", cmd, r.code, r.stderr, r.stdout, want)
				}
			}
		})
	}
}

// TestHostileButReadable runs inputs built to break a parser and checks
// that each is read, printed and extracted without a crash.
func TestHostileButReadable(t *testing.T) {
	word := "Words "
	cases := []struct {
		name string
		data []byte
		// want is a piece of text the output must hold.
		want string
	}{
		{"invalid-utf8.txt", []byte("Valid text \xff\xfe\xc3 and more valid text."), "Valid text \uFFFD and more"},
		{"one-line.txt", []byte(strings.Repeat(word, 10<<20/len(word))), "Words Words"},
		{"paragraphs.txt", []byte(strings.Repeat("A line.\n\n", 100_000)), "A line."},
		{"questions.txt", []byte(strings.Repeat("Q: Why?\n\n", 10_000)), "Why?"},
		{"unclosed.txt", []byte(strings.Repeat("“He said it and never stopped ", 20_000)), "He said it"},
		{"quote-marks.txt", []byte(strings.Repeat("\"every \"word 'has \u201cone ", 20_000)), "every"},
		{"nested.html", []byte("<html><body>" + strings.Repeat("<div>", 10_000) + "<p>Deep text at the bottom.</p>" + strings.Repeat("</div>", 10_000)), "Deep text at the bottom."},
		{"unclosed.html", []byte("<html><body><p>Open " + strings.Repeat("<b><i><a href='x'>", 5_000)), "Open"},
		{"title-only.html", []byte("<html><head><title>Only a title</title></head><body></body></html>"), "Only a title"},
		{"emphasis.md", []byte("# Emphasis\n\n" + strings.Repeat("*_", 20_000) + " text " + strings.Repeat("**", 20_000)), "text"},
		{"links.md", []byte("# Links\n\n" + strings.Repeat("[", 20_000) + "text" + strings.Repeat("](x)", 20_000)), "text"},
		{"quotes.md", []byte("# Quotes\n\n" + strings.Repeat("> - ", 5_000) + "deep item"), "deep item"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeInput(t, c.name, c.data)
			for _, cmd := range []string{"print", "extract"} {
				r := lede(t, "", cmd, path)
				if r.code != 0 || r.stderr != "" {
					t.Fatalf("%s: exit %d, stderr %q", cmd, r.code, r.stderr)
				}
				if !utf8.ValidString(r.stdout) || strings.ContainsAny(r.stdout, "\x1b\x07\x00\u009b") {
					t.Fatalf("%s: output holds invalid UTF-8 or control characters", cmd)
				}
				if cmd == "print" && !strings.Contains(r.stdout, c.want) {
					t.Fatalf("print lacks %q:\n%.400s", c.want, r.stdout)
				}
			}
		})
	}
}

// TestUnreadableFiles covers files the system will not give.
func TestUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	gone := filepath.Join(dir, "gone.txt")
	if err := os.WriteFile(gone, []byte("here"), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Remove(gone)
	notDir := filepath.Join(writeInput(t, "file.txt", []byte("x")), "inside.txt")
	cases := []struct{ path, want string }{
		{gone, "lede: open " + gone + ": no such file or directory\n"},
		{notDir, "lede: open " + notDir + ": not a directory\n"},
		{dir, "lede: " + dir + ": no articles in it (.txt, .text, .md, .markdown, .html, .htm, .xhtml)\n"},
	}
	if os.Geteuid() != 0 { // root reads any file whatever its mode
		locked := writeInput(t, "locked.txt", []byte("secret"))
		if err := os.Chmod(locked, 0); err != nil {
			t.Fatal(err)
		}
		cases = append(cases, struct{ path, want string }{locked, "lede: open " + locked + ": permission denied\n"})
	}
	for _, c := range cases {
		if r := lede(t, "", "extract", c.path); r.code != 1 || r.stderr != c.want {
			t.Errorf("%s: exit %d, stderr %q; want %q", c.path, r.code, r.stderr, c.want)
		}
	}
}

// TestFIFO reads a named pipe, as a shell's process substitution gives.
func TestFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		f.Write([]byte("Piped words arrive.\n\nThen more."))
		f.Close()
	}()
	r := lede(t, "", "print", fifo)
	if r.code != 0 || !strings.Contains(r.stdout, "Piped words arrive.") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}
