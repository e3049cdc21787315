package model

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// parseTestdata parses a file of testdata/.
func parseTestdata(t *testing.T, name string) *Document {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Parse(Input{Name: name, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestParseLabel(t *testing.T) {
	tests := []struct {
		in      string
		speaker string // "" when no label
		body    string
		strong  bool
	}{
		{"Q:  How are you?", "Q", "How are you?", true},
		{"Q. What now?", "Q", "What now?", true},
		{"A: Fine.", "A", "Fine.", true},
		{"Q\u00a0\u00a0\u00a0 Good afternoon.", "Q", "Good afternoon.", true},
		{"Q Thanks, Nadia.", "Q", "Thanks, Nadia.", false},
		{"MS. OKORO:\u00a0 Good afternoon.", "MS. OKORO", "Good afternoon.", true},
		{"MS.  ABARA: Well, good morning.", "MS. ABARA", "Well, good morning.", true},
		{"SENIOR ADMINISTRATION OFFICIAL: Great.", "SENIOR ADMINISTRATION OFFICIAL", "Great.", true},
		{"Lindqvist: Good evening.", "Lindqvist", "Good evening.", false},
		{"Lei Jun: I have paid more attention.", "Lei Jun", "I have paid more attention.", false},
		{"Rafael di Stefano: We leave with a plan.", "Rafael di Stefano", "We leave with a plan.", false},
		{"Secretary of State: Thank you.", "Secretary of State", "Thank you.", false},
		{"[00:01:02] Host: Welcome back.", "Host", "Welcome back.", true},
		{"**Ines Okafor:** Start small.", "Ines Okafor", "Start small.", true},
		{"**Host**: Why?", "Host", "Why?", true},
		{"Note: this part was recorded later.", "", "", false},
		{"Update: the council replied.", "", "", false},
		{"Photo: Jane Doe.", "", "", false},
		{"10:30 is when we start.", "", "", false},
		{"See http://example.com for more.", "", "", false},
		{"The point is: The river keeps rising.", "", "", false},
		{"A man walked in.", "", "", false},
		{"A. B. Smith wrote the report.", "", "", false},
		{"Questions remain: who paid?", "", "", false},
		{"In the long run, what matters most to the people of this town: jobs.", "", "", false},
	}
	for _, tt := range tests {
		l, ok := parseLabel(tt.in)
		if tt.speaker == "" {
			if ok {
				t.Errorf("parseLabel(%q) = %q, want no label", tt.in, l.Speaker)
			}
			continue
		}
		if !ok || l.Speaker != tt.speaker || tt.in[l.Body:] != tt.body || l.Strong != tt.strong {
			t.Errorf("parseLabel(%q) = %q %q strong=%v ok=%v, want %q %q strong=%v",
				tt.in, l.Speaker, tt.in[min(l.Body, len(tt.in)):], l.Strong, ok, tt.speaker, tt.body, tt.strong)
		}
	}
}

func TestQuoteSpans(t *testing.T) {
	for _, name := range testdataFiles(t) {
		d := parseTestdata(t, name)
		for k, q := range d.Quotes {
			text := d.Paragraphs[q.Paragraph].Text
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
				t.Errorf("%s: quote %d has span [%d, %d) in %d bytes", name, k, q.Start, q.End, len(text))
				continue
			}
			s := text[q.Start:q.End]
			if !utf8.ValidString(s) || strings.TrimFunc(s, IsSpace) != s {
				t.Errorf("%s: quote %d %q is not trimmed on rune boundaries", name, k, s)
			}
			if k > 0 {
				prev := d.Quotes[k-1]
				if prev.Paragraph > q.Paragraph || prev.Paragraph == q.Paragraph && prev.Start > q.Start {
					t.Errorf("%s: quote %d out of text order", name, k)
				}
			}
		}
	}
}

// TestEntityVariantsFold checks that acronyms defined in the text and
// spelling variants fold into one entity.
func TestEntityVariantsFold(t *testing.T) {
	d := mustParse(t, "Health ministers met the World Health Organization (WHO) in Geneva on Monday. Officials at the WHO said the IoT and the IOT were one topic, and Wal-mart shoppers went to Walmart.\n\nThe meeting ended late.")
	keys := map[string]int{}
	for _, e := range d.Entities {
		seen := map[string]bool{}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if k := nameKey(n); !seen[k] {
				seen[k] = true
				keys[k]++
			}
		}
		if e.Name == "Health" {
			t.Errorf("sentence-initial %q taken for a name", e.Name)
		}
	}
	for _, k := range []string{"who", "iot", "walmart"} {
		if keys[k] != 1 {
			t.Errorf("%q names %d entities, want 1: %+v", k, keys[k], d.Entities)
		}
	}
}

// mustParse parses text as an article.
func mustParse(t *testing.T, text string) *Document {
	t.Helper()
	d, err := Parse(Input{Name: "test", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestSections(t *testing.T) {
	d := parseTestdata(t, "xiaomi-century-brand.txt")
	if n := len(d.Sections); n < 2 || n > 4 {
		t.Errorf("sample has %d sections, want 2 to 4", n)
	}
	if q := d.Exchanges[0].Start; d.Annotation(q).Section == 0 {
		t.Errorf("the first question (paragraph %d) is in the first section", q)
	}
	empty := &Document{}
	empty.Extraction = Extract(empty)
	if len(empty.Sections) != 0 {
		t.Errorf("empty document has sections %v", empty.Sections)
	}
}

func TestInvariants(t *testing.T) {
	for _, name := range testdataFiles(t) {
		d := parseTestdata(t, name)
		next := 0
		for k, s := range d.Sections {
			if s.Start != next || s.End <= s.Start || s.Title == "" {
				t.Errorf("%s: section %d %+v does not follow on from %d", name, k, s, next)
			}
			for i := s.Start; i < s.End; i++ {
				if d.Annotation(i).Section != k {
					t.Errorf("%s: paragraph %d in section %d, marked %d", name, i, k, d.Annotation(i).Section)
				}
			}
			next = s.End
			checkDerivedTitle(t, d, k)
		}
		if next != len(d.Paragraphs) {
			t.Errorf("%s: sections end at %d of %d paragraphs", name, next, len(d.Paragraphs))
		}
		// Sections found by topic shift keep each exchange whole, and
		// their titles tell them apart.
		if !hasHeadings(d.Paragraphs) {
			titles := map[string]bool{}
			for _, s := range d.Sections {
				for _, e := range d.Exchanges {
					if e.Start < s.Start && s.Start < e.End {
						t.Errorf("%s: section %q starts inside the exchange at %d-%d", name, s.Title, e.Start, e.End)
					}
				}
				if titles[s.Title] {
					t.Errorf("%s: two sections are titled %q", name, s.Title)
				}
				titles[s.Title] = true
			}
		}
		for _, turn := range d.Turns {
			if turn.Start < 0 || turn.End > len(d.Paragraphs) || turn.Start >= turn.End {
				t.Errorf("%s: bad turn %+v", name, turn)
				continue
			}
			// Every paragraph of a turn, its unlabelled continuations
			// too, is the turn speaker's.
			for i := turn.Start; i < turn.End; i++ {
				if d.Annotation(i).Speaker != turn.Name {
					t.Errorf("%s: paragraph %d speaker %q, in turn of %q", name, i, d.Annotation(i).Speaker, turn.Name)
				}
			}
		}
		// Entities come by kind, then by mentions, most first; topics are
		// capped.
		topics := 0
		for k, e := range d.Entities {
			if e.Kind == KindTopic {
				topics++
			}
			if k == 0 {
				continue
			}
			prev := d.Entities[k-1]
			pk, ek := slices.Index(EntityKinds, prev.Kind), slices.Index(EntityKinds, e.Kind)
			if pk > ek || pk == ek && len(prev.Mentions) < len(e.Mentions) {
				t.Errorf("%s: %q before %q breaks the order", name, prev.Name, e.Name)
			}
		}
		if topics > maxTopics {
			t.Errorf("%s: %d topics, want at most %d", name, topics, maxTopics)
		}
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				text := d.Paragraphs[m.Paragraph].Text
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End || !utf8.ValidString(text[m.Start:m.End]) {
					t.Errorf("%s: bad mention %+v of %q", name, m, e.Name)
				}
			}
		}
	}
}

// testdataFiles lists the articles of testdata/, of its extraction cases
// in testdata/extract/ and of its quote gold in testdata/quotes/, as paths
// relative to testdata/.
func testdataFiles(t *testing.T) []string {
	t.Helper()
	var names []string
	for _, dir := range []string{"", "extract", "quotes"} {
		entries, err := os.ReadDir(filepath.Join("..", "testdata", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if n := e.Name(); !e.IsDir() && slices.Contains(fixtureDocExts, filepath.Ext(n)) && n != "README.md" {
				names = append(names, filepath.Join(dir, n))
			}
		}
	}
	return names
}

func TestCapitalize(t *testing.T) {
	for in, want := range map[string]string{
		"internet market": "Internet market",
		"iPhone sales":    "iPhone sales",
		"ünited front":    "Ünited front",
		"M&A":             "M&A",
		"":                "",
	} {
		if got := capitalize(in); got != want {
			t.Errorf("capitalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNamesAreOneLine(t *testing.T) {
	text := "Harbour plan\n\nThe harbour master Maria\tOkafor met the dock\t\tworkers union on Tuesday. " +
		"Maria Okafor said the dock workers union would vote. Dr.\tJohn Smith agreed with Maria\tOkafor.\n"
	d, err := Parse(Input{Name: "tabs.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range d.Entities {
		names = append(append(names, e.Name), e.Aliases...)
	}
	for _, s := range d.Sections {
		names = append(names, s.Title)
	}
	for _, q := range d.Quotes {
		names = append(names, q.Speaker)
	}
	if len(names) == 0 {
		t.Fatal("nothing extracted")
	}
	for _, n := range names {
		if strings.ContainsAny(n, "\t\n\r") || strings.Contains(n, "  ") {
			t.Errorf("name %q is not one line", n)
		}
	}
}
