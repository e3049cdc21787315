package model

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// readTestdata reads a file from the repository's testdata folder.
func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSampleIsTestdataCopy(t *testing.T) {
	if !bytes.Equal(Sample, readTestdata(t, SampleName)) {
		t.Fatal("model/sample/xiaomi-century-brand.txt differs from testdata/xiaomi-century-brand.txt")
	}
}

func TestReadSample(t *testing.T) {
	d, err := Read(Input{Name: SampleName, Data: Sample})
	if err != nil {
		t.Fatal(err)
	}
	if want := "Xiaomi CEO Claimed Xiaomi would be a Century-old Brand"; d.Title != want {
		t.Errorf("title %q, want %q", d.Title, want)
	}
	if len(d.Paragraphs) != 10 {
		t.Fatalf("%d paragraphs, want 10", len(d.Paragraphs))
	}
	if !strings.HasPrefix(d.Paragraphs[0].Text, "As for its founder") ||
		!strings.HasPrefix(d.Paragraphs[9].Text, "The internet is about") {
		t.Errorf("first and last paragraphs are %q ... %q", d.Paragraphs[0].Text[:20], d.Paragraphs[9].Text[:20])
	}
	want := []Removed{
		{"Buy xiaomi redmi note 3 from for $199.99 new users have $5 coupon", reasonAdvert},
		{"Leave a Reply", reasonComments},
		{"Your email address will not be published. Required fields are marked *", reasonComments},
		{"Back to top button", reasonChrome},
	}
	if !reflect.DeepEqual(d.Removed, want) {
		t.Errorf("removed:\n%q\nwant:\n%q", d.Removed, want)
	}
}

func TestReadPlain(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		title  string
		paras  []string
		byline string
	}{
		{
			name:  "hard-wrapped lines join",
			in:    "A Headline\n\nFirst line\nwraps here\n  and here.\n\nSecond.",
			title: "A Headline",
			paras: []string{"First line wraps here and here.", "Second."},
		},
		{
			name:  "lines of non-breaking spaces separate paragraphs",
			in:    "Title line\n\none\n\u00a0\u00a0\ntwo",
			title: "Title line",
			paras: []string{"one", "two"},
		},
		{
			name:  "a first line ending a sentence is not a title",
			in:    "This is a sentence.\n\nAnother one.",
			paras: []string{"This is a sentence.", "Another one."},
		},
		{
			name:  "a single paragraph is not a title",
			in:    "Just one line",
			paras: []string{"Just one line"},
		},
		{
			name:   "front matter gives title and byline",
			in:     "---\ntitle: \"Press Briefing\"\nauthor: Jane Roe\ndate: 2023-06-01\n---\n\nBody text.\n\nMore.",
			title:  "Press Briefing",
			byline: "Jane Roe",
			paras:  []string{"Body text.", "More."},
		},
		{
			name:  "markdown headings",
			in:    "# The Title\n\nIntro.\n## Part two\nText.",
			title: "The Title",
			paras: []string{"Intro.", "Part two", "Text."},
		},
		{
			name:  "a label after a hard break starts a paragraph",
			in:    "Briefing\n\nMS. OKORO: Who is first today?  \nQ\u00a0\u00a0 So, the Governor\nsaid more.\nNot a label: here.",
			title: "Briefing",
			paras: []string{"MS. OKORO: Who is first today?", "Q\u00a0\u00a0 So, the Governor said more. Not a label: here."},
		},
		{
			name:  "a headline may end in a quoted name",
			in:    "Iris Calder: A Conversation with the 'Harbour Painter'\n\nBody.",
			title: "Iris Calder: A Conversation with the 'Harbour Painter'",
			paras: []string{"Body."},
		},
		{
			name:  "a quoted sentence is not a headline",
			in:    "He said “no.”\n\nBody.",
			paras: []string{"He said “no.”", "Body."},
		},
		{
			name:  "CRLF after sanitizing",
			in:    sanitize("Head\r\n\r\nOne\r\ntwo\r\n\r\nThree"),
			title: "Head",
			paras: []string{"One two", "Three"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := readPlain(c.in)
			if d.Title != c.title || d.Byline != c.byline {
				t.Errorf("title %q byline %q, want %q %q", d.Title, d.Byline, c.title, c.byline)
			}
			var got []string
			for _, p := range d.Paragraphs {
				got = append(got, p.Text)
			}
			if !reflect.DeepEqual(got, c.paras) {
				t.Errorf("paragraphs %q, want %q", got, c.paras)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"", "   \n\n\t\n", "\xef\xbb\xbf", "\x1b[2J\x1b]0;title\x07"} {
		if _, err := Read(Input{Name: "x.txt", Data: []byte(in)}); err == nil || !strings.Contains(err.Error(), "x.txt: no text to read") {
			t.Errorf("Read(%q) error %v, want x.txt: no text to read", in, err)
		}
	}
}

func TestReadStripsEscapes(t *testing.T) {
	d, err := Read(Input{Name: "x.txt", Data: []byte("Title\x1b]0;pwned\x07 here\n\nBody \x1b[31mred\x1b[0m text\u009b2J.")})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Title here" || d.Paragraphs[0].Text != "Body red text." {
		t.Fatalf("title %q, paragraph %q", d.Title, d.Paragraphs[0].Text)
	}
}

func TestExtractChangesNothing(t *testing.T) {
	d, err := Read(Input{Name: SampleName, Data: Sample})
	if err != nil {
		t.Fatal(err)
	}
	before := *d
	before.Paragraphs = slices.Clone(d.Paragraphs)
	x := Extract(d)
	if d.Extracted() || len(d.Quotes) != 0 || !reflect.DeepEqual(*d, before) {
		t.Fatal("Extract changed the document it read")
	}
	e := d.WithExtraction(x)
	if !e.Extracted() || len(e.Quotes) == 0 || &e.Paragraphs[0] != &d.Paragraphs[0] {
		t.Fatalf("the extracted copy: extracted %v, %d quotes, paragraphs shared %v", e.Extracted(), len(e.Quotes), &e.Paragraphs[0] == &d.Paragraphs[0])
	}
}

func TestReadFrontMatter(t *testing.T) {
	cases := []struct {
		in                          string
		title, byline, source, date string
	}{
		{in: "title: \"Nadia\\_Okoro \\\"NO\\\" \\e[2J\\u00e9\\x41\\q\"", title: "Nadia\u00a0Okoro \"NO\" éA\\q"},
		{in: "title: 'It''s # quoted' # a comment\ndate: 2024-01-02 # a comment", title: "It's # quoted", date: "2024-01-02"},
		{in: "authors:\n- Ada Byrne\n  - \"Tom Reyes\"\ntitle: T", byline: "Ada Byrne, Tom Reyes", title: "T"},
		{in: "author: [Ada, 'Tom']\nurl: https://a.example/\nsite: Ledger", byline: "Ada, Tom", source: "Ledger"},
		{in: "url: https://a.example/\nsource: Ledger\nurl: https://b.example/", source: "Ledger"},
		{in: "title: >-\n  A long\n  headline\ndate: 2024", title: "A long headline", date: "2024"},
		{in: "author:\n  name: Ada\n  url: x\ntitle: T", title: "T"},
	}
	for _, c := range cases {
		d := &Document{}
		rest := d.readFrontMatter("---\n" + c.in + "\n---\nBody.")
		if rest != "Body." || d.Title != c.title || d.Byline != c.byline || d.Source != c.source || d.Date != c.date {
			t.Errorf("%q: rest %q, title %q, byline %q, source %q, date %q", c.in, rest, d.Title, d.Byline, d.Source, d.Date)
		}
	}
}

func TestTitlesAreOneLine(t *testing.T) {
	for _, in := range []string{
		"Harbour\tplan  passes\n\nThe council voted.\n",
		"---\ntitle: \"Harbour\\tplan\\npasses\"\n---\n\nThe council voted.\n",
	} {
		d, err := Read(Input{Name: "tabs.txt", Data: []byte(in)})
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != "Harbour plan passes" {
			t.Errorf("%q: title %q", in, d.Title)
		}
	}
}

// TestReleaseSlugIsNoTitle checks that a press release's slug above its
// headline is neither the title nor a paragraph.
func TestReleaseSlugIsNoTitle(t *testing.T) {
	d, err := Read(Input{Name: "release.txt", Data: []byte("FOR IMMEDIATE RELEASE\n\nHarbour firm opens a workshop in Port Amble\n\nThe firm will hire forty people, its director said.\n")})
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Harbour firm opens a workshop in Port Amble" {
		t.Errorf("title %q", d.Title)
	}
	for _, p := range d.Paragraphs {
		if strings.Contains(p.Text, "RELEASE") {
			t.Errorf("the slug is a paragraph: %q", p.Text)
		}
	}
}

// TestRunInHeading checks that a heading written on the line above its
// text is a paragraph of its own, and that a wrapped sentence is not cut.
func TestRunInHeading(t *testing.T) {
	d, err := Read(Input{Name: "release.txt", Data: []byte("Harbour firm opens a workshop\n\nThe firm will hire forty people.\n\nAbout Veltro Instruments\nVeltro Instruments Ltd designs gauges for ports and shipyards.\n\nThe new workshop\nwill open in May, the firm said.\n")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Paragraphs {
		got = append(got, p.Text)
	}
	want := []string{"The firm will hire forty people.", "About Veltro Instruments", "Veltro Instruments Ltd designs gauges for ports and shipyards.", "The new workshop will open in May, the firm said."}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs %q, want %q", got, want)
	}
}

// TestPlainInPartsIsTheWhole checks that text read in parts on several
// goroutines gives the paragraphs read in one pass, wherever the parts
// are cut: between wrapped lines, hard breaks, headings written above
// their text, blank lines of spaces and labels.
func TestPlainInPartsIsTheWhole(t *testing.T) {
	blocks := []string{
		"Harbour Plans\nThe council met on Tuesday to weigh the new harbour plan.\n\n",
		"A wrapped line that goes on\nand on over a second line  \nand a hard break before a third.\n\n",
		"## Later Steps\nThe works start in May.\n  \n",
		"Q: Will the quay be rebuilt?\nA: Only the north end of it.\n\n",
		"MS. OKORO: We have the money.\\\nMR. HALE: We do not.\n\n\n",
		"**Why now?**\n\n",
		"One line alone.\n",
		"\n\u00a0\nAnother paragraph after a line of no-break space.\n\n",
	}
	var b strings.Builder
	for k := 0; b.Len() < 2*parallelReadSize; k++ {
		b.WriteString(blocks[k*7%len(blocks)])
	}
	body := b.String()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, cores := range []int{2, 3, 5} {
		runtime.GOMAXPROCS(cores)
		for _, lead := range []string{"", "x\n", "Lead line.\n\n", "An opening line\n"} {
			text := lead + body
			if got, want := plainParagraphsInParts(text), plainParagraphs(nil, text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%d cores, lead %q: %d paragraphs in parts, %d in one pass", cores, lead, len(got), len(want))
			}
		}
	}
}
