package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/lede-tui/lede/model"
)

// writeFiles writes files (name: content) under dir, making
// subdirectories as needed.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// mixedDir makes a directory of a text, a Markdown and an HTML article,
// a PNG image named as text, and a text article in a subdirectory.
func mixedDir(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"a-plain.txt": "Harbour repairs begin\n\nThe council said the work would take a year. \"We are ready,\" said Ana Ruiz, the harbour master.\n",
		"b-notes.md":  "# Orchard notes\n\n**Q:** When do you pick?\n\n**A:** In the second week of September, when the apples turn.\n",
		"c-page.html": "<html><head><title>Ferry timetable</title></head><body><article><h1>Ferry timetable</h1><p>The ferry leaves at nine, the operator said on Monday.</p></article></body></html>",
		"d-image.txt": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"sub/e.txt":   "Library hours\n\nThe library opens on Sundays from May, its director told residents.\n",
	})
	return dir
}

// jsonLines decodes each line of out as a JSON object.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	if out != "" && !strings.HasSuffix(out, "\n") {
		t.Fatalf("output does not end its last line: %.80q", out[max(0, len(out)-80):])
	}
	var lines []map[string]any
	for line := range strings.Lines(out) {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("line %d is not a JSON object: %v: %.100q", len(lines)+1, err, line)
		}
		lines = append(lines, v)
	}
	return lines
}

// inputsOf returns the "input" of each line.
func inputsOf(lines []map[string]any) []string {
	var names []string
	for _, l := range lines {
		names = append(names, l["input"].(string))
	}
	return names
}

// TestExtractJSONLinesMixedDirectory extracts a directory of every format
// and a binary file: each line is valid, in order, with an error line for
// the image, the same for -j 1 and -j 2, and each document's line is the
// one model writes for it.
func TestExtractJSONLinesMixedDirectory(t *testing.T) {
	dir := mixedDir(t)
	one := lede(t, "", "extract", "--format", "jsonl", "-r", "-j", "1", dir)
	two := lede(t, "", "extract", "--format", "jsonl", "-r", "-j", "2", dir)
	if one.stdout != two.stdout {
		t.Fatalf("-j 1 and -j 2 differ:\n%s\n%s", one.stdout, two.stdout)
	}
	image := filepath.Join(dir, "d-image.txt")
	for _, r := range []result{one, two} {
		if want := "lede: 1 of 5 inputs failed; their lines have an \"error\"\n"; r.code != exitError || r.stderr != want {
			t.Fatalf("exit %d, stderr %q; want 1, %q", r.code, r.stderr, want)
		}
	}
	lines := jsonLines(t, one.stdout)
	var want []string
	for _, name := range []string{"a-plain.txt", "b-notes.md", "c-page.html", "d-image.txt", "sub/e.txt"} {
		want = append(want, filepath.Join(dir, name))
	}
	if got := inputsOf(lines); !slices.Equal(got, want) {
		t.Fatalf("inputs %q, want %q", got, want)
	}
	if got := lines[3]["error"]; got != image+": binary file (PNG image); --force reads it anyway" {
		t.Errorf("the image's error is %q", got)
	}
	formats := []string{"txt", "md", "html", "", "txt"}
	for i, l := range lines {
		if l["format"] != nil && l["format"] != formats[i] {
			t.Errorf("%s: format %v, want %s", want[i], l["format"], formats[i])
		}
	}
	docLines := strings.SplitAfter(one.stdout, "\n")
	for _, i := range []int{0, 1, 2, 4} {
		data, err := os.ReadFile(want[i])
		if err != nil {
			t.Fatal(err)
		}
		doc, err := model.Parse(model.Input{Name: want[i], Data: data})
		if err != nil {
			t.Fatal(err)
		}
		var line bytes.Buffer
		if err := doc.WriteJSONLine(&line, want[i]); err != nil {
			t.Fatal(err)
		}
		if docLines[i] != line.String() {
			t.Errorf("%s: line\n%s\nwant\n%s", want[i], docLines[i], line.String())
		}
	}
	if lines[1]["qa"].([]any)[0].(map[string]any)["question"] != "When do you pick?" {
		t.Errorf("the Markdown interview's first question: %v", lines[1]["qa"])
	}
}

// TestExtractJSONLinesJobsAgree extracts every testdata article with one
// worker and with three: the same lines, in the order given.
func TestExtractJSONLinesJobsAgree(t *testing.T) {
	dir := "../../testdata/extract"
	one := lede(t, "", "extract", "--format", "jsonl", "-j", "1", dir)
	three := lede(t, "", "extract", "--format", "jsonl", "-j", "3", dir)
	if one.code != exitOK || one.stderr != "" || three.code != exitOK || three.stderr != "" {
		t.Fatalf("exit %d %d, stderr %q %q", one.code, three.code, one.stderr, three.stderr)
	}
	if one.stdout != three.stdout {
		t.Fatal("-j 1 and -j 3 differ")
	}
	in := &inputs{}
	want, err := in.articlesIn(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := inputsOf(jsonLines(t, one.stdout)); len(want) < 40 || !slices.Equal(got, want) {
		t.Fatalf("inputs %q, want %q", got, want)
	}
}

// TestExtractJSONLinesPipedStderrSilent checks that a run whose standard
// error is a file, not a terminal, writes nothing there on success.
func TestExtractJSONLinesPipedStderrSilent(t *testing.T) {
	dir := t.TempDir()
	stdin, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := os.Create(filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer stdout.Close()
	stderr, err := os.Create(filepath.Join(dir, "err"))
	if err != nil {
		t.Fatal(err)
	}
	defer stderr.Close()
	if code := run([]string{"extract", "--format", "jsonl", "../../testdata/extract"}, stdin, stdout, stderr); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if info, err := stderr.Stat(); err != nil || info.Size() != 0 {
		t.Fatalf("stderr has %d bytes (%v)", info.Size(), err)
	}
	if info, err := stdout.Stat(); err != nil || info.Size() == 0 {
		t.Fatalf("no output (%v)", err)
	}
}

// TestProgressCountsFailures runs a corpus with a progress bar drawn into
// a buffer: it shows the inputs done of the total, the rate and the
// failures.
func TestProgressCountsFailures(t *testing.T) {
	var bar bytes.Buffer
	c := &corpus{in: &inputs{maxSize: defaultMaxSize}, jobs: 2, progress: newProgress(&bar, 3)}
	var out bytes.Buffer
	failed, err := c.run(context.Background(), []string{"nope.txt", samplePath, samplePath}, &out)
	if err != nil || failed != 1 {
		t.Fatalf("failed %d, err %v", failed, err)
	}
	// The bar draws at most every 100 ms, so the count it showed depends
	// on the time taken; the count it holds does not.
	for _, want := range []string{"extract, 1 failed", "/3,", "docs/"} {
		if !strings.Contains(bar.String(), want) {
			t.Errorf("the bar shows no %q: %q", want, bar.String())
		}
	}
	if n := c.progress.State().CurrentNum; n != 3 {
		t.Errorf("the bar counts %d inputs done, want 3", n)
	}
	if got := inputsOf(jsonLines(t, out.String())); !slices.Equal(got, []string{"nope.txt", samplePath, samplePath}) {
		t.Errorf("inputs %q", got)
	}
}

// failingWriter fails every write.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestCorpusStopsOnWriteError checks that a run whose output fails stops
// with the error, its workers ended, instead of waiting for ever on the
// inputs left.
func TestCorpusStopsOnWriteError(t *testing.T) {
	names, err := (&inputs{}).articlesIn("../../testdata/extract")
	if err != nil {
		t.Fatal(err)
	}
	c := &corpus{in: &inputs{maxSize: defaultMaxSize}, jobs: 2}
	if _, err := c.run(context.Background(), names, failingWriter{}); err == nil || err.Error() != "disk full" {
		t.Fatalf("err %v, want disk full", err)
	}
}

// TestExtractJSONLinesURLs extracts URLs among files: a page, a page
// that answers 404 and a file, in the order given.
func TestExtractJSONLinesURLs(t *testing.T) {
	page, err := os.ReadFile("../../testdata/extract/circuit-ledger-news.html")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/lock" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	}))
	defer srv.Close()
	names := []string{srv.URL + "/lock", srv.URL + "/gone", samplePath}
	r := lede(t, "", append([]string{"extract", "--format", "jsonl", "-j", "2"}, names...)...)
	if r.code != exitError || r.stderr != "lede: 1 of 3 inputs failed; their lines have an \"error\"\n" {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	lines := jsonLines(t, r.stdout)
	if got := inputsOf(lines); !slices.Equal(got, names) {
		t.Fatalf("inputs %q, want %q", got, names)
	}
	if lines[0]["format"] != "html" || lines[0]["byline"] != "Marcus Hale" {
		t.Errorf("the page: format %v, byline %v", lines[0]["format"], lines[0]["byline"])
	}
	if e, _ := lines[1]["error"].(string); !strings.Contains(e, "404") {
		t.Errorf("the missing page's error is %q", e)
	}
}

// TestExtractFilesFrom reads the inputs' names from a file and from
// standard input, blank lines skipped, after the arguments.
func TestExtractFilesFrom(t *testing.T) {
	dir := mixedDir(t)
	a, b, e := filepath.Join(dir, "a-plain.txt"), filepath.Join(dir, "b-notes.md"), filepath.Join(dir, "sub", "e.txt")
	list := filepath.Join(dir, "list")
	writeFiles(t, dir, map[string]string{"list": e + "\r\n\n" + a + "\n"})
	for _, args := range [][]string{
		{"extract", "--format", "jsonl", "--files-from", list, b},
		{"extract", "--format", "jsonl", "--files-from", "-", b},
	} {
		r := lede(t, list, args...)
		if r.code != exitOK || r.stderr != "" {
			t.Fatalf("%q: exit %d, stderr %q", args, r.code, r.stderr)
		}
		if got := inputsOf(jsonLines(t, r.stdout)); !slices.Equal(got, []string{b, e, a}) {
			t.Errorf("%q: inputs %q", args, got)
		}
	}
}

// TestExtractResumeAfterKill resumes a run killed in the middle of a
// line: the cut line is dropped and its input done again, the inputs with
// a whole line are skipped, and the file ends as a run that was never
// stopped.
func TestExtractResumeAfterKill(t *testing.T) {
	dir := "../../testdata/extract"
	full := lede(t, "", "extract", "--format", "jsonl", dir)
	if full.code != exitOK {
		t.Fatalf("exit %d: %s", full.code, full.stderr)
	}
	lines := strings.SplitAfter(full.stdout, "\n")
	out := filepath.Join(t.TempDir(), "out.jsonl")
	killed := lines[0] + lines[1] + lines[2][:len(lines[2])/2]
	if err := os.WriteFile(out, []byte(killed), 0o600); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		r := lede(t, "", "extract", "--format", "jsonl", "--resume", out, "-j", "2", dir)
		if r.code != exitOK || r.stderr != "" || r.stdout != "" {
			t.Fatalf("exit %d, stderr %q, stdout %.80q", r.code, r.stderr, r.stdout)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != full.stdout {
			t.Fatalf("the resumed file has %d lines, want %d: %.200q", strings.Count(string(got), "\n"), len(lines)-1, got)
		}
	}
}

// TestExtractResumeRefusesOtherFiles checks that --resume leaves a file
// that is not lede's JSON Lines alone.
func TestExtractResumeRefusesOtherFiles(t *testing.T) {
	out := filepath.Join(t.TempDir(), "notes.txt")
	notes := "shopping list\nmilk\n"
	if err := os.WriteFile(out, []byte(notes), 0o600); err != nil {
		t.Fatal(err)
	}
	r := lede(t, "", "extract", "--format", "jsonl", "--resume", out, samplePath)
	if want := "lede: " + out + ":1 is not a line of lede extract --format jsonl\n"; r.code != exitError || r.stderr != want {
		t.Fatalf("exit %d, stderr %q; want %q", r.code, r.stderr, want)
	}
	if got, err := os.ReadFile(out); err != nil || string(got) != notes {
		t.Fatalf("the file is now %q (%v)", got, err)
	}
}

func TestExtractSchema(t *testing.T) {
	r := lede(t, "", "extract", "--schema")
	if r.code != exitOK || r.stdout != string(model.Schema) {
		t.Fatalf("exit %d, stdout %.80q", r.code, r.stdout)
	}
}

// TestCorpusPanicFailsOneInput checks that a panic while extracting one
// input of a run fails that input alone: its line names the panic and the
// file with the stack, and the inputs around it are extracted.
func TestCorpusPanicFailsOneInput(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	in := &inputs{maxSize: defaultMaxSize}
	c := &corpus{in: in, jobs: 2, parse: func(ctx context.Context, name string) (*model.Document, error) {
		if name == "boom" {
			var paras []model.Paragraph
			_ = paras[3]
		}
		return in.parse(ctx, name)
	}}
	var out bytes.Buffer
	failed, err := c.run(context.Background(), []string{samplePath, "boom", samplePath}, &out)
	if err != nil || failed != 1 {
		t.Fatalf("failed %d, err %v", failed, err)
	}
	lines := jsonLines(t, out.String())
	if got := inputsOf(lines); !slices.Equal(got, []string{samplePath, "boom", samplePath}) {
		t.Fatalf("inputs %q", got)
	}
	msg, _ := lines[1]["error"].(string)
	if !strings.Contains(msg, "internal error: runtime error: index out of range") || !strings.Contains(msg, "lede-crash-") {
		t.Fatalf("error line %q", msg)
	}
	crash, err := os.ReadFile(msg[strings.Index(msg, os.Getenv("TMPDIR")) : len(msg)-1])
	if err != nil || !bytes.Contains(crash, []byte("goroutine")) {
		t.Errorf("crash file: %v, %.200q", err, crash)
	}
	for _, i := range []int{0, 2} {
		if lines[i]["error"] != nil || lines[i]["title"] == "" {
			t.Errorf("line %d: %v", i, lines[i]["error"])
		}
	}
}

// TestLineBufferKeepsBytes checks that a lineBuffer gives back what was
// written to it, in writes small and large, in chunks of at most
// maxLineChunk, each filled before the next is made.
func TestLineBufferKeepsBytes(t *testing.T) {
	var want bytes.Buffer
	b := &lineBuffer{}
	for i, size := range []int{0, 1, 3 << 10, 5000, 70 << 10, 3 << 20, 17} {
		p := bytes.Repeat([]byte{byte('a' + i)}, size)
		want.Write(p)
		if n, err := b.Write(p); n != size || err != nil {
			t.Fatalf("Write of %d bytes: %d, %v", size, n, err)
		}
	}
	var got bytes.Buffer
	if n, err := b.WriteTo(&got); n != int64(want.Len()) || err != nil {
		t.Fatalf("WriteTo: %d, %v; want %d bytes", n, err, want.Len())
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatalf("lineBuffer gave back %d bytes unlike the %d written", got.Len(), want.Len())
	}
	for i, c := range b.chunks {
		if cap(c) > maxLineChunk || i < len(b.chunks)-1 && len(c) < cap(c) {
			t.Errorf("chunk %d holds %d of %d bytes", i, len(c), cap(c))
		}
	}
}
