package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/lede-tui/lede/model/modeltest"
)

// The fuzz targets below check the invariants every reader keeps, whatever
// its input: no panic, every string safe to show, every offset in range and
// on a UTF-8 boundary, and work that stays within a bound: the steps
// extraction counts, and the nesting goldmark builds. `go test` runs their
// seed corpora (testdata/ and testdata/fuzz/) as ordinary tests;
// `go test -fuzz FuzzParse ./model` fuzzes one.

// Bounds on the work of reading and extracting one fuzz input: far above
// what linear work needs (articles count 5 to 10 steps a byte, a text of
// one-off speaker labels up to 64 more), far below what quadratic work
// on a few KB of a pathological input counts.
const (
	// maxWorkPerByte bounds the steps Extract counts per byte of input.
	maxWorkPerByte = 128
	// minWorkBound is the work any input may take, however short.
	minWorkBound = 1 << 12
)

// floodSeedSize is the size of the floods added to the seeds: enough for
// work that grows with the square of a run to pass maxWorkPerByte.
const floodSeedSize = 8 << 10

// addFuzzSeeds adds the hostile seeds, the floods and the repository's
// articles whose names end in one of exts to the corpus, at most 64 KB of
// each, as bytes.
func addFuzzSeeds(f *testing.F, exts ...string) {
	f.Helper()
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	for _, fl := range modeltest.Floods {
		if hasExt(fl.Name, exts) {
			f.Add(fl.Make(floodSeedSize))
		}
	}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "*"))
	cases, _ := filepath.Glob(filepath.Join("..", "testdata", "extract", "*"))
	for _, path := range append(paths, cases...) {
		if !hasExt(path, exts) {
			continue
		}
		data, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		f.Add(data[:min(len(data), 64<<10)])
	}
}

// hasExt reports whether path ends in one of exts.
func hasExt(path string, exts []string) bool {
	for _, e := range exts {
		if strings.HasSuffix(path, e) {
			return true
		}
	}
	return false
}

// hostileSeeds are inputs made to break the readers and the terminal.
var hostileSeeds = []string{
	"\x1b]52;c;cHduZWQ=\x07Clipboard \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x1b]0;title\x07",
	"\x1bP1$qm\x1b\\ \x1b_apc\x1b\\ \x1b^pm\x1b\\ \x1b[2J\x1b[H\x1b[31mred\x9b2J\u0085\u009d0;t\u009c",
	"\u202eevil\u202c \u2066iso\u2069 hid\u200bden\u2060 \ufeff text",
	"<html><head><title>\x1b]0;x\x07T&#27;[2J</title></head><body><p title=\"\x1b[2J\">A &#27;]52;c;x&#7; &#x9b;2J &#8238;b</p><a href=\"javascript:alert(1)\">j</a><a href=\"http://a/\x1b[2J\">e</a></body></html>",
	"---\ntitle: \"\\e]0;x\\a\"\n---\n# H \x1b[1m\n\n[t](http://a \"\x1b]0;t\x07\") `\x1b[2J` <span>\x1b]52;c;x\x07</span> &#27;[31m",
	"Q: Why?\n\nA: Because.\n\n“Yes,” he said. She says that it works.\n\nLei Jun: Sure.",
	"**Host:** Hi\n\n[00:01] X: «Bonjour» — “”\"\n\n BAT(Baidu, Alibaba and Tencent) said (WHO)",
	"\x93Le caf\xc3\xa9 \xe9tait tr\xe8s\x94 \x97 cut \xe2\x80 \xff\xfe 小米\xe9集团 \xc2",
	"e\u0302\u0323 \u0302lone 👩\u200d💻 👍🏽 🇫🇷🇩 \u1100\u1161\u11a8 क्षि ก\u0e33",
	"Plan\U000E0069\U000E0067 \u2061\u034f\u3164\ufff9a\ufffb \u200e\u061c 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F ❤\ufe0f\ufe0f \ufe0f",
}

// checkDocument fails t when d breaks an invariant of the model.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	safe := func(what, s string) {
		if !utf8.ValidString(s) || firstUnsafe(s) < len(s) {
			t.Fatalf("%s is not safe to show: %q", what, s)
		}
	}
	for _, s := range []string{d.Title, d.Byline, d.Source, d.Date} {
		safe("metadata", s)
	}
	n := len(d.Paragraphs)
	span := func(what string, p, start, end int) {
		if p < 0 || p >= n {
			t.Fatalf("%s: paragraph %d of %d", what, p, n)
		}
		text := d.Paragraphs[p].Text
		if start < 0 || start > end || end > len(text) || !utf8.ValidString(text[start:end]) ||
			start < len(text) && !utf8.RuneStart(text[start]) || end < len(text) && !utf8.RuneStart(text[end]) {
			t.Fatalf("%s: bytes [%d, %d) of %q", what, start, end, text)
		}
	}
	paragraphs := func(what string, start, end int) {
		if start < 0 || start > end || end > n {
			t.Fatalf("%s: paragraphs [%d, %d) of %d", what, start, end, n)
		}
	}
	if d.Extracted() && len(d.Annotations) != n {
		t.Fatalf("%d annotations of %d paragraphs", len(d.Annotations), n)
	}
	for i, p := range d.Paragraphs {
		a := d.Annotation(i)
		safe("paragraph", p.Text)
		safe("speaker", a.Speaker)
		if strings.TrimSpace(p.Text) == "" {
			t.Fatalf("paragraph %d is empty", i)
		}
		if !p.Code && !p.Table && (trimSpace(p.Text) != p.Text || strings.Contains(p.Text, "\n")) {
			t.Fatalf("paragraph %d is not trimmed or holds a line break: %q", i, p.Text)
		}
		if p.Table {
			cells := -1
			for row := range strings.Lines(p.Text) {
				if n := strings.Count(row, "\t"); cells >= 0 && n != cells {
					t.Fatalf("table %d has rows of %d and %d cells: %q", i, cells+1, n+1, p.Text)
				}
				cells = strings.Count(row, "\t")
			}
		}
		span("label", i, 0, a.Body)
		start := -1
		for _, l := range p.Labels {
			if l.Start <= start || l.Body <= l.Start {
				t.Fatalf("paragraph %d: labels out of order or empty: %+v", i, p.Labels)
			}
			start = l.Start
			span("line label", i, l.Start, l.Body)
			safe("label speaker", l.Speaker)
		}
		end := 0
		for _, l := range p.Links {
			if l.Start < end || l.End <= l.Start {
				t.Fatalf("paragraph %d: links overlap or are empty: %+v", i, p.Links)
			}
			end = l.End
			span("link", i, l.Start, l.End)
			safe("link", l.URL)
			if _, ok := linkURL(l.URL); !ok {
				t.Fatalf("link to %q", l.URL)
			}
		}
		if len(d.Sections) > 0 && (a.Section < 0 || a.Section >= len(d.Sections)) {
			t.Fatalf("paragraph %d in section %d of %d", i, a.Section, len(d.Sections))
		}
	}
	for _, s := range d.Sections {
		safe("section title", s.Title)
		paragraphs("section", s.Start, s.End)
	}
	for _, turn := range d.Turns {
		safe("turn speaker", turn.Speaker)
		paragraphs("turn", turn.Start, turn.End)
		_ = d.TurnText(turn)
	}
	for _, e := range d.Exchanges {
		paragraphs("exchange", e.Start, e.End)
		if e.AnswerStart < e.Start || e.AnswerStart > e.End {
			t.Fatalf("exchange answer at %d outside [%d, %d)", e.AnswerStart, e.Start, e.End)
		}
		if e.Start < e.End {
			span("question", e.Start, e.QuestionOffset, len(d.Paragraphs[e.Start].Text))
		}
		safe("asker", e.Asker)
		safe("answerer", e.Answerer)
		_, _ = d.Question(e), d.Answer(e)
	}
	for _, q := range d.Quotes {
		span("quote", q.Paragraph, q.Start, q.End)
		safe("quote speaker", q.Speaker)
		safe("cue", q.Cue)
	}
	for _, e := range d.Entities {
		safe("entity", e.Name)
		for _, a := range e.Aliases {
			safe("alias", a)
		}
		for _, m := range e.Mentions {
			span("mention", m.Paragraph, m.Start, m.End)
		}
	}
	for _, r := range d.Removed {
		safe("removed", r.Text)
	}
}

// readAndExtract reads in as the reader would and extracts it, failing t
// when goldmark nests Markdown deeper than maxMarkdownNesting or
// extraction counts more work than the input's bytes allow.
func readAndExtract(t *testing.T, in Input) {
	t.Helper()
	d, err := Read(in)
	if err != nil {
		return
	}
	if d.Format == FormatMarkdown {
		if depth := goldmarkNesting(in.Data); depth > maxMarkdownNesting {
			t.Fatalf("goldmark nests %d deep", depth)
		}
	}
	checkDocument(t, d)
	for i, p := range d.Paragraphs {
		if len(p.Text) > maxParagraphLen {
			t.Fatalf("paragraph %d is %d bytes", i, len(p.Text))
		}
	}
	d.Extraction = Extract(d)
	checkDocument(t, d)
	if limit := maxWorkPerByte*len(in.Data) + minWorkBound; d.work > limit {
		t.Fatalf("%d bytes took %d steps of work, over %d", len(in.Data), d.work, limit)
	}
}

// goldmarkNesting is how deeply goldmark nests the Markdown in data, as
// readMarkdown would hand it over: 0 when the guard reads it as plain
// text.
func goldmarkNesting(data []byte) int {
	text, err := decode(data)
	if err != nil {
		return 0
	}
	src := sanitize(text)
	if tooHardForGoldmark(src) {
		return 0
	}
	return goldmarkDepth((&Document{}).readFrontMatter(src))
}

func FuzzDecodeSanitize(f *testing.F) {
	addFuzzSeeds(f, ".txt", ".md", ".html")
	f.Add([]byte{0xFF, 0xFE, 'H', 0, 0x1b, 0, '[', 0, '2', 0, 'J', 0})
	f.Add([]byte("\xc4\xe3\xba\xc3\x1b]0;x\x07\xca\xc0\xbd\xe7"))
	f.Add([]byte("\xc2\xf7\xe5\xf0\xe0 \xe2 \xcc\xee\xf1\xea\xe2\xe5, \xab\xe4\xe0\xbb \x97 \xf1\xea\xe0\xe7\xe0\xeb."))
	f.Add([]byte("\xbc\xad\xbf\xef\xbd\xc3\xb4\xc2 Galaxy\xb8\xa6 \xb9\xdf\xc7\xa5\xc7\xdf\xb4\xd9."))
	f.Fuzz(func(t *testing.T, data []byte) {
		text, err := decode(data)
		if err != nil {
			return
		}
		if !utf8.ValidString(text) {
			t.Fatalf("decode gave invalid UTF-8")
		}
		clean := sanitize(text)
		if i := firstUnsafe(clean); i < len(clean) {
			t.Fatalf("sanitize left %q at %d", clean[i:min(i+8, len(clean))], i)
		}
		if sanitize(clean) != clean {
			t.Fatalf("sanitize is not idempotent on %q", clean)
		}
	})
}

// fuzzRead fuzzes reading and extracting the inputs that input makes of
// fuzzed bytes, from the seeds addFuzzSeeds adds for exts.
func fuzzRead(f *testing.F, input func([]byte) Input, exts ...string) {
	addFuzzSeeds(f, exts...)
	f.Fuzz(func(t *testing.T, data []byte) {
		readAndExtract(t, input(data))
	})
}

func FuzzReadText(f *testing.F) {
	fuzzRead(f, func(data []byte) Input {
		return Input{Name: "fuzz.txt", Data: data, Format: FormatText, Force: true}
	}, ".txt")
}

func FuzzReadMarkdown(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: \"x\\e[2J\"\n---\n# T\n\n**Q?**\n\n> - [k](http://m) `w` ![q](z) <v@j.x>\n",
		"**Host:** a  \n[0:01] **B:** c\n\n1. x\n   ```\n   y\n   ```\n\n<div>\n&#27; &amp;\n</div>\n",
		"[a\nb](mailto:x) \\* &copy; <br/> \u00a0\n\u00a0\nz",
	} {
		f.Add([]byte(s))
	}
	fuzzRead(f, func(data []byte) Input {
		return Input{Name: "fuzz.md", Data: data, Format: FormatMarkdown, Force: true}
	}, ".md")
}

func FuzzReadHTML(f *testing.F) {
	fuzzRead(f, func(data []byte) Input {
		return Input{Name: "https://example.com/fuzz.html", Data: data, Format: FormatHTML, Force: true}
	}, ".html")
}

func FuzzParse(f *testing.F) {
	fuzzRead(f, func(data []byte) Input { return Input{Name: "fuzz", Data: data} }, ".txt", ".md", ".html")
}
