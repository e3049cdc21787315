package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/ui"
)

const samplePath = "../../testdata/xiaomi-century-brand.txt"

// result is what one run of lede printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

// lede runs the command line with stdin read from the file at stdinPath
// (or an empty file) and stdout captured in a file, as when piped.
func lede(t *testing.T, stdinPath string, args ...string) result {
	t.Helper()
	dir := t.TempDir()
	if stdinPath == "" {
		stdinPath = filepath.Join(dir, "empty")
		if err := os.WriteFile(stdinPath, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	stdin, err := os.Open(stdinPath)
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := os.Create(filepath.Join(dir, "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	defer stdout.Close()
	var stderr bytes.Buffer
	code := run(args, stdin, stdout, &stderr)
	out, err := os.ReadFile(stdout.Name())
	if err != nil {
		t.Fatal(err)
	}
	return result{code, string(out), stderr.String()}
}

func TestExtractJSON(t *testing.T) {
	for _, args := range [][]string{
		{"extract", "--format", "json", samplePath},
		{"extract", samplePath, "--format", "json"},
		{"extract", samplePath},
		{"extract", "-"},
	} {
		stdin := ""
		if args[len(args)-1] == "-" {
			stdin = samplePath
		}
		r := lede(t, stdin, args...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
		var doc struct {
			Title      string `json:"title"`
			Paragraphs []any  `json:"paragraphs"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if doc.Title != "Xiaomi CEO Claimed Xiaomi would be a Century-old Brand" || len(doc.Paragraphs) != 10 {
			t.Fatalf("%v: title %q, %d paragraphs", args, doc.Title, len(doc.Paragraphs))
		}
	}
}

func TestPrint(t *testing.T) {
	r := lede(t, "", "print", "--style", "notty", "--width", "40", samplePath)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, "Century-old") || strings.Contains(r.stdout, "coupon") {
		t.Fatalf("unexpected output:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "\x1b") {
		t.Fatal("notty output holds escape sequences")
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if w := ansi.StringWidth(line); w > 40 {
			t.Fatalf("line of %d cells in 40-column output: %q", w, line)
		}
	}
}

// TestPrintInventsNoHeading checks that print shows the sections lede
// found in a text without headings as no heading, while an author's
// headings stay.
func TestPrintInventsNoHeading(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "talk.txt")
	text := "Good afternoon.\n\nOur guest this week is Ines Duarte, who runs the harbour ferry service.\n\n" +
		"She talks about the ferry timetable, the winter storms and the harbour repairs.\n\n" +
		"Interviewer: How did the harbour repairs go this year?\n\n" +
		"Ines Duarte: The harbour repairs went slowly. The engineers wrote a report on the harbour wall.\n\n" +
		"Interviewer: What about the school children who take the ferry?\n\n" +
		"Ines Duarte: The school children come first. The school bus meets the morning ferry, and the school bus waits.\n\n" +
		"Interviewer: And the fishing fleet?\n\n" +
		"Ines Duarte: The fishing fleet has a berth now. The fishing fleet pays harbour dues like everyone else.\n"
	headed := filepath.Join(dir, "ferries.md")
	md := "Intro about the harbour.\n\n## Timetable\n\nBoats leave at nine.\n\n## Fares\n\nA ticket costs two pounds.\n"
	for name, data := range map[string]string{plain: text, headed: md} {
		if err := os.WriteFile(name, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	r := lede(t, "", "extract", plain)
	var doc struct {
		Sections []struct {
			Title   string `json:"title"`
			Derived bool   `json:"derived"`
		} `json:"sections"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sections) < 2 {
		t.Fatalf("%d sections in the plain text, want several for the test to mean something", len(doc.Sections))
	}
	printed := lede(t, "", "print", "--style", "notty", plain)
	if printed.code != 0 {
		t.Fatalf("exit %d: %s", printed.code, printed.stderr)
	}
	for _, line := range strings.Split(printed.stdout, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") {
			t.Errorf("print shows a heading the text does not have: %q", line)
		}
		for _, s := range doc.Sections {
			if s.Derived && line == s.Title {
				t.Errorf("print shows the derived title %q", s.Title)
			}
		}
	}
	printed = lede(t, "", "print", "--style", "notty", headed)
	for _, heading := range []string{"# Timetable", "# Fares"} {
		if !strings.Contains(printed.stdout, heading) {
			t.Errorf("print lost the heading %q:\n%s", heading, printed.stdout)
		}
	}
}

// TestPrintMarkdownTable checks that print shows a GitHub-flavoured
// table as a table, a row's cells on one line, and keeps the marks of
// struck-out text and task boxes; the README's own tables too.
func TestPrintMarkdownTable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fares.md")
	md := "# Fares\n\nThe timetable for the summer.\n\n| Ferry | Departs |\n|:--|--:|\n| Island Queen | 09:00 |\n| Sea Swift | 10:30 \\| late |\n\n" +
		"The fare is ~~four~~ five pounds.\n\n- [x] Book the ferry\n- [ ] Pack\n"
	if err := os.WriteFile(path, []byte(md), 0o600); err != nil {
		t.Fatal(err)
	}
	r := lede(t, "", "print", "--style", "notty", "--width", "60", path)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, cells := range [][]string{{"Ferry", "Departs"}, {"Island Queen", "09:00"}, {"Sea Swift", "10:30 | late"}, {"---", "|", "---"}, {"~~four~~ five"}, {"[x] Book the ferry"}, {"[ ] Pack"}} {
		if !hasLineWith(r.stdout, cells...) {
			t.Errorf("no line holds %q:\n%s", cells, r.stdout)
		}
	}
	r = lede(t, "", "print", "--style", "notty", "../../README.md")
	if !hasLineWith(r.stdout, "--width N", "print", "wrap width") {
		t.Errorf("the README's table of flags is no table:\n%s", r.stdout)
	}
}

// hasLineWith reports whether a line of out holds all of parts, in order.
func hasLineWith(out string, parts ...string) bool {
	for line := range strings.Lines(out) {
		rest, ok := line, true
		for _, p := range parts {
			i := strings.Index(rest, p)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(p):]
		}
		if ok {
			return true
		}
	}
	return false
}

func TestReaderPrintsWhenPiped(t *testing.T) {
	piped := lede(t, "", samplePath)
	printed := lede(t, "", "print", samplePath)
	if piped.code != 0 || piped.stdout != printed.stdout {
		t.Fatalf("lede FILE | cat differs from lede print FILE (exit %d, %s)", piped.code, piped.stderr)
	}
	if strings.Contains(piped.stdout, "\x1b") {
		t.Fatal("piped output holds escape sequences")
	}
}

func TestStyleFromFile(t *testing.T) {
	style := filepath.Join(t.TempDir(), "style.json")
	if err := os.WriteFile(style, []byte(`{"document":{"margin":0},"paragraph":{"prefix":"| "}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	r := lede(t, "", "print", "--style", style, samplePath)
	if r.code != 0 || !strings.Contains(r.stdout, "| As for its founder") {
		t.Fatalf("exit %d, stderr %q, output:\n%s", r.code, r.stderr, r.stdout)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	png, nul := filepath.Join(dir, "photo.txt"), filepath.Join(dir, "nul.txt")
	if err := os.WriteFile(png, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(nul, []byte("text\x00more text"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"missing file", []string{"nope.txt"}, 1, "lede: open nope.txt: no such file or directory\n"},
		{"missing file to extract", []string{"extract", "nope.txt"}, 1, "lede: open nope.txt: no such file or directory\n"},
		{"directory", []string{"print", dir}, 1, "lede: read " + dir + ": is a directory\n"},
		{"unknown flag", []string{"--bogus"}, 2, "lede: unknown flag --bogus (see 'lede --help')\n"},
		{"unknown flag after file", []string{"extract", samplePath, "--nope"}, 2, "lede: unknown flag --nope (see 'lede --help')\n"},
		{"bad format", []string{"extract", "--format", "yaml", samplePath}, 2, "lede: unknown format \"yaml\": json or jsonl (see 'lede --help')\n"},
		{"bad width", []string{"print", "--width", "-3", samplePath}, 2, "lede: --width -3 is out of range (1 to 500, or 0 for the terminal's width) (see 'lede --help')\n"},
		{"too wide", []string{"print", "--width", "501", samplePath}, 2, "lede: --width 501 is out of range (1 to 500, or 0 for the terminal's width) (see 'lede --help')\n"},
		{"width not a number", []string{"print", "--width", "wide", samplePath}, 2, "lede: invalid value \"wide\" for flag -width: parse error (see 'lede --help')\n"},
		{"two files", []string{"print", samplePath, samplePath}, 2, "lede: too many arguments: " + samplePath + " " + samplePath + " (see 'lede --help')\n"},
		{"unknown style", []string{"print", "--style", "neon", samplePath}, 1, "lede: unknown style \"neon\": use auto, ascii, dark, dracula, light, nocolor, notty, pink, tokyo-night or the path of a glamour JSON style\n"},
		{"broken style file", []string{"print", "--style", samplePath, samplePath}, 1, "lede: style " + samplePath + ": invalid character 'X' looking for beginning of value\n"},
		{"empty input", []string{"extract", "-"}, 1, "lede: -: no text to read\n"},
		{"escape sequences in a name", []string{"extract", "nope\x1b]0;pwned\x07\n.txt"}, 1, "lede: open nope .txt: no such file or directory\n"},
		{"binary", []string{"extract", png}, 1, "lede: " + png + ": binary file (PNG image); --force reads it anyway\n"},
		{"NUL bytes", []string{"print", nul}, 1, "lede: " + nul + ": binary file (binary data); --force reads it anyway\n"},
		{"endless zeros", []string{"print", "/dev/zero"}, 1, "lede: /dev/zero: binary file (binary data); --force reads it anyway\n"},
		{"over the cap", []string{"extract", "--max-size", "1k", samplePath}, 1, "lede: read " + samplePath + ": larger than 1 KB (--max-size raises the limit)\n"},
		{"bad cap", []string{"extract", "--max-size", "lots", samplePath}, 2, "lede: --max-size \"lots\" is not a size from 1 byte to 1 TB (e.g. 500MB) (see 'lede --help')\n"},
		{"help for nothing", []string{"help", "frobnicate"}, 2, "lede: no help for \"frobnicate\" (see 'lede --help')\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := lede(t, "", c.args...)
			if r.code != c.code || r.stderr != c.stderr {
				t.Fatalf("exit %d, stderr %q; want %d, %q", r.code, r.stderr, c.code, c.stderr)
			}
		})
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}, {"print", "--help"}, {"extract", "-h"}, {"help", "extract"}} {
		r := lede(t, "", args...)
		if r.code != 0 || !strings.Contains(r.stdout, "Usage:") || r.stderr != "" {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", args, r.code, r.stdout, r.stderr)
		}
	}
	for _, args := range [][]string{{"--version"}, {"print", "--version"}, {"extract", "--version"}} {
		r := lede(t, "", args...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "lede ") {
			t.Fatalf("%v: exit %d, stdout %q", args, r.code, r.stdout)
		}
	}
}

func TestFormatFlag(t *testing.T) {
	page := filepath.Join(t.TempDir(), "page.txt")
	html := "<html><head><title>T</title></head><body><p>Plain words here.</p></body></html>"
	if err := os.WriteFile(page, []byte(html), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", page}, `"format": "html"`},
		{[]string{"extract", "--from", "txt", page}, `"format": "txt"`},
		{[]string{"extract", "--from", "markdown", page}, `"format": "md"`},
	} {
		r := lede(t, "", c.args...)
		if r.code != 0 || !strings.Contains(r.stdout, c.want) {
			t.Fatalf("%v: exit %d, stderr %q, output lacks %s:\n%.300s", c.args, r.code, r.stderr, c.want, r.stdout)
		}
	}
	r := lede(t, "", "print", "--format", "rtf", page)
	if r.code != 2 || r.stderr != "lede: unknown format \"rtf\" (want txt, md or html) (see 'lede --help')\n" {
		t.Fatalf("bad --format: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestExpandDirectories(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.md", "a.txt", "c.html", "notes.pdf", ".hidden.txt", "sub/d.txt", ".git/e.txt"} {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("words"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	rel := func(paths []string) string {
		var out []string
		for _, p := range paths {
			r, _ := filepath.Rel(dir, p)
			out = append(out, r)
		}
		return strings.Join(out, " ")
	}
	in := &inputs{}
	got, err := in.expand([]string{dir, filepath.Join(dir, "a.txt"), dir + "/./b.md"})
	if err != nil || rel(got) != "a.txt b.md c.html" {
		t.Fatalf("expand: %q, %v", rel(got), err)
	}
	in.recursive = true
	got, err = in.expand([]string{dir})
	if err != nil || rel(got) != "a.txt b.md c.html sub/d.txt" {
		t.Fatalf("expand -r: %q, %v", rel(got), err)
	}
	empty := t.TempDir()
	if _, err := in.expand([]string{empty}); err == nil || err.Error() != empty+": no articles in it (.txt, .text, .md, .markdown, .html, .htm, .xhtml)" {
		t.Fatalf("empty directory: %v", err)
	}
}

func TestPipedReaderPrintsEveryDocument(t *testing.T) {
	other := "../../testdata/extract/harbour-council-news.txt"
	r := lede(t, "", samplePath, other, samplePath)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if strings.Count(r.stdout, "Century-old Brand") != 1 || !strings.Contains(r.stdout, "harbour expansion") {
		t.Fatalf("want each document printed once:\n%s", r.stdout)
	}
}

func TestForceReadsBinary(t *testing.T) {
	nul := filepath.Join(t.TempDir(), "nul.txt")
	if err := os.WriteFile(nul, []byte("Some text\x00 with a NUL."), 0o600); err != nil {
		t.Fatal(err)
	}
	r := lede(t, "", "extract", "--force", nul)
	if r.code != 0 || !strings.Contains(r.stdout, `"text": "Some text with a NUL."`) {
		t.Fatalf("exit %d, stderr %q:\n%s", r.code, r.stderr, r.stdout)
	}
}

func TestStdinOverTheCap(t *testing.T) {
	r := lede(t, samplePath, "extract", "--max-size", "100", "-")
	if r.code != 1 || r.stderr != "lede: read standard input: larger than 100 bytes (--max-size raises the limit)\n" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{"1000": 1000, "0.5k": 512, "64k": 64 << 10, "200MB": 200 << 20, "1.5G": 3 << 29, "2 MiB": 2 << 20, "1T": 1 << 40} {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "0", "-5MB", "lots", "2T", "NaN", "1e400"} {
		if _, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) succeeded", in)
		}
	}
}

func TestExtractURL(t *testing.T) {
	page, err := os.ReadFile("../../testdata/extract/circuit-ledger-news.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()
	r := lede(t, "", "extract", srv.URL+"/security/2025/03/brightbolt-smart-lock-flaw/")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var doc struct {
		Title, Byline, Format string
		Paragraphs            []struct{ Text string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Researcher publishes flaw that lets strangers unlock Brightbolt smart locks" || doc.Byline != "Marcus Hale" || doc.Format != "html" || len(doc.Paragraphs) < 10 {
		t.Fatalf("title %q, byline %q, format %q, %d paragraphs", doc.Title, doc.Byline, doc.Format, len(doc.Paragraphs))
	}
}

func TestExpandFollowsLinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.MkdirAll(real, 0o700); err != nil {
		t.Fatal(err)
	}
	article := writeInput(t, "story.txt", []byte("words"))
	for _, err := range []error{
		os.WriteFile(filepath.Join(real, "a.txt"), []byte("words"), 0o600),
		os.Symlink(article, filepath.Join(real, "b.txt")),
		os.Symlink(real, filepath.Join(dir, "link")),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	in := &inputs{}
	got, err := in.expand([]string{filepath.Join(dir, "link")})
	want := []string{filepath.Join(dir, "link", "a.txt"), filepath.Join(dir, "link", "b.txt")}
	if err != nil || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("expand a link: %q, %v", got, err)
	}
}

func TestPipedShelfSkipsUnreadable(t *testing.T) {
	empty := writeInput(t, "empty.txt", nil)
	r := lede(t, "", empty, samplePath)
	if r.code != 1 || r.stderr != "lede: "+empty+": no text to read\nlede: 1 of 2 documents could not be read\n" || !strings.Contains(r.stdout, "Century-old") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestExtractFormatSuggestsFrom(t *testing.T) {
	r := lede(t, "", "extract", "--format", "md", samplePath)
	if r.code != 2 || r.stderr != "lede: --format is the output format, json or jsonl; --from md reads the input as md (see 'lede --help')\n" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestPrintStopsOnAWriteError(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	var stderr bytes.Buffer
	code := run([]string{samplePath, "../../testdata/extract/harbour-council-news.txt"}, full, full, &stderr)
	if code != 1 || stderr.String() != "lede: write /dev/full: no space left on device\n" {
		t.Fatalf("exit %d, stderr %q", code, stderr.String())
	}
}

// wideArticle has every block lede prints: a title from front matter, a
// paragraph ending in a link, a block-quoted question, a list, code and a
// quote.
const wideArticle = `---
title: Harbour notes
author: Ann Field
---

# Harbour notes

The council met on Tuesday and read [the minutes](https://example.org/minutes)

> **Q:** Will the harbour open?

- first item of a list
- second item, [linked](https://example.org/second)

` + "```\ncode line one\n    indented code\n```" + `

Mayor: "We will open it in May," she said.
`

// TestWidePrintIsNotPadded prints an article at the widest --width in
// every style: no line is padded to the width, so the output is no bigger
// than at 80 columns (where it has more lines, each with its own colour
// codes); glamour's padding made it four times bigger.
func TestWidePrintIsNotPadded(t *testing.T) {
	path := writeInput(t, "harbour.md", []byte(wideArticle))
	for _, style := range ui.StyleNames() {
		narrow := lede(t, "", "print", "--style", style, "--width", "80", path)
		wide := lede(t, "", "print", "--style", style, "--width", "500", path)
		if narrow.code != 0 || wide.code != 0 {
			t.Fatalf("%s: exit %d, %d: %s%s", style, narrow.code, wide.code, narrow.stderr, wide.stderr)
		}
		if len(wide.stdout) > len(narrow.stdout) {
			t.Errorf("%s: %d bytes at width 500, %d at width 80", style, len(wide.stdout), len(narrow.stdout))
		}
		for _, line := range strings.Split(wide.stdout, "\n") {
			// The title's box ends in one space of its background colour.
			if text := ansi.Strip(line); len(text)-len(strings.TrimRight(text, " ")) > 1 {
				t.Errorf("%s: padded line %q", style, line)
			}
		}
	}
}

// TestHelpListsEveryStyle checks that lede's help and print's name every
// style --style takes.
func TestHelpListsEveryStyle(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"print", "--help"}} {
		help := lede(t, "", args...).stdout
		for _, name := range ui.StyleNames() {
			if !strings.Contains(help, " "+name+",") && !strings.Contains(help, " "+name+" ") {
				t.Errorf("the help does not list %s:\n%s", name, help)
			}
		}
	}
}
