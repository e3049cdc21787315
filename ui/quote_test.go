package ui

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// quoteIn builds a quote of kind k in paragraph 0 of text: its words are
// the first occurrence of words, less the first occurrence of each gap
// after them.
func quoteIn(t *testing.T, text string, k model.QuoteKind, speaker, cue, words string, gaps ...string) model.Quote {
	t.Helper()
	start := strings.Index(text, words)
	if start < 0 {
		t.Fatalf("%q is not in %q", words, text)
	}
	q := model.Quote{Speaker: speaker, Cue: cue, Kind: k, Start: start, End: start + len(words)}
	for _, g := range gaps {
		at := strings.Index(text[start:q.End], g)
		if at < 0 {
			t.Fatalf("gap %q is not in %q", g, words)
		}
		q.Gaps = append(q.Gaps, model.Span{Start: start + at, End: start + at + len(g)})
	}
	return q
}

// TestCitation copies each kind of quote: a quotation in marks (its own
// marks not doubled, its parts around a cut-out cue joined), reported
// speech never in marks, with its cue as the text has it where the cue
// stands before its words and marked as reported otherwise.
func TestCitation(t *testing.T) {
	const (
		ann     = "Ann Lee"
		trailer = " — Ann Lee, T (Wire, 2016-01-02)"
		place   = " — T (Wire, 2016-01-02)"
	)
	cases := []struct {
		name, text         string
		kind               model.QuoteKind
		speaker, cue, part string
		gaps               []string
		want               string
	}{
		{"direct", "“The bridge will reopen in May,” Ann Lee said.", model.QuoteDirect, ann, "said",
			"The bridge will reopen in May", nil, "“The bridge will reopen in May”" + trailer},
		{"direct with its own marks", "“The bridge will reopen in May.”", model.QuoteDirect, ann, "",
			"“The bridge will reopen in May.”", nil, "“The bridge will reopen in May.”" + trailer},
		{"direct holding a quotation", "‘Ready’ is all she said to us, Ann Lee recalled.", model.QuoteDirect, ann, "recalled",
			"‘Ready’ is all she said to us", nil, "“‘Ready’ is all she said to us”" + trailer},
		{"direct without a speaker", "“We will not give up on the harbour.”", model.QuoteDirect, "", "",
			"We will not give up on the harbour.", nil, "“We will not give up on the harbour.”" + place},
		{"direct split by its cue", "“We are ready,” Ann Lee said, “and we will win.”", model.QuoteDirect, ann, "said",
			"We are ready,” Ann Lee said, “and we will win.", []string{"” Ann Lee said, “"},
			"“We are ready, … and we will win.”" + trailer},
		{"direct split, its marks in its parts", "“We are ready,” Ann Lee said, “and we will win.”", model.QuoteDirect, ann, "said",
			"“We are ready,” Ann Lee said, “and we will win.”", []string{" Ann Lee said, "},
			"“We are ready, … and we will win.”" + trailer},
		{"answer", "I have always liked bridges.", model.QuoteTurn, ann, "",
			"I have always liked bridges.", nil, "“I have always liked bridges.”" + trailer},
		{"reported after its cue", "Ann Lee says the bridge will reopen in May.", model.QuoteIndirect, ann, "says",
			"the bridge will reopen in May", nil, "Ann Lee says the bridge will reopen in May" + place},
		{"reported after its cue and that", "Ann Lee said  that the bridge will reopen in May.", model.QuoteIndirect, ann, "said",
			"the bridge will reopen in May", nil, "Ann Lee said that the bridge will reopen in May" + place},
		{"reported thought", "Engineers fear the dam could fail.", model.QuoteIndirect, "Engineers", "fear",
			"the dam could fail", nil, "Engineers fear the dam could fail" + place},
		{"reported to a hearer", "Ann Lee told reporters that the bridge will reopen in May.", model.QuoteIndirect, ann, "told",
			"the bridge will reopen in May", nil, "Reported: the bridge will reopen in May" + trailer},
		{"reported, its cue inside", "The bridge, said Ann Lee, will reopen in May.", model.QuoteIndirect, ann, "said",
			"The bridge, said Ann Lee, will reopen in May", nil, "Reported: The bridge, said Ann Lee, will reopen in May" + trailer},
		{"reported, its cue cut out", "The bridge, said Ann Lee, will reopen in May.", model.QuoteIndirect, ann, "said",
			"The bridge, said Ann Lee, will reopen in May", []string{", said Ann Lee,"}, "Reported: The bridge … will reopen in May" + trailer},
		{"reported without a cue", "Ann Lee expects a reopening in May.", model.QuoteIndirect, ann, "",
			"a reopening in May", nil, "Reported: a reopening in May" + trailer},
		{"reported without a speaker", "It was reported that the ferry would stop in winter.", model.QuoteIndirect, "", "reported",
			"the ferry would stop in winter", nil, "Reported: the ferry would stop in winter" + place},
		{"according to", "The port will close in June, according to Ann Lee.", model.QuoteIndirect, ann, "according to",
			"The port will close in June", nil, "According to Ann Lee, The port will close in June" + place},
		{"mixed after its cue", "Ann Lee called the plan “a disaster for the town” on Monday.", model.QuoteMixed, ann, "called",
			"the plan “a disaster for the town”", nil, "Ann Lee called the plan “a disaster for the town”" + place},
		{"mixed without a cue", "She thinks the plan is “a disaster for the town”.", model.QuoteMixed, ann, "",
			"She thinks the plan is “a disaster for the town”", nil, "Reported: She thinks the plan is “a disaster for the town”" + trailer},
	}
	for _, c := range cases {
		d := &model.Document{Title: "T", Source: "Wire", Date: "2016-01-02", Paragraphs: []model.Paragraph{{Text: c.text}}}
		q := quoteIn(t, c.text, c.kind, c.speaker, c.cue, c.part, c.gaps...)
		if got := citation(d, q, quoteWords(d, q)); got != c.want {
			t.Errorf("%s: citation\n %q, want\n %q", c.name, got, c.want)
		}
	}
	d := &model.Document{Paragraphs: []model.Paragraph{{Text: "x"}}}
	if got := citation(d, model.Quote{Kind: model.QuoteTurn, End: 1}, " some\nwords "); got != "“some words”" {
		t.Fatalf("bare citation %q", got)
	}
}

func TestWithoutOwnMarks(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"“enclosed words.”", "enclosed words."},
		{"\"straight words\"", "straight words"},
		{"„Wir sind bereit“", "Wir sind bereit"},
		{"‘single words’", "single words"},
		{"‘We’re ready’", "We’re ready"},
		{"“opened, then cut", "opened, then cut"},
		{"cut, then closed,”", "cut, then closed,"},
		{"“ready” is all she said", "“ready” is all she said"},
		{"she said “ready”", "she said “ready”"},
		{"‘ready’ and ‘set’", "‘ready’ and ‘set’"},
		{"the workers’", "the workers’"},
		{"“She said ‘no’”", "She said ‘no’"},
		{"“", ""},
		{"", ""},
	}
	for _, c := range cases {
		if got := withoutOwnMarks(c.in); got != c.want {
			t.Errorf("withoutOwnMarks(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestCopyReportedQuote presses y on the sample's first quote, Lei Jun's
// reported words: the clipboard gets them after his cue, as the article
// reports them, not in quotation marks, and the message shows the same.
func TestCopyReportedQuote(t *testing.T) {
	m := newReader(t, 120, 40)
	m.Update(tea.EnvMsg{"TERM=xterm-kitty"})
	press(m, ">")
	if q := m.doc.Quotes[m.quote]; q.Kind != model.QuoteIndirect {
		t.Fatalf("the sample's first quote is %s; the test needs reported speech", q.Kind)
	}
	_, cmd := m.Update(keyMsg("y"))
	if cmd == nil {
		t.Fatal("y returned no command")
	}
	copied := reflect.ValueOf(cmd()).String()
	want := "Lei Jun says, he is satisfied with Xiaomi’s performance and they will keep the original intention to make the product with quality materials — " + m.doc.Title
	if copied != want {
		t.Fatalf("copied\n %q, want\n %q", copied, want)
	}
	if m.message != "Copied: "+want {
		t.Fatalf("message %q", m.message)
	}
}

// TestCopyAnswerQuote presses y on an interview answer: it is the
// speaker's words, so it is copied in quotation marks.
func TestCopyAnswerQuote(t *testing.T) {
	m := newReader(t, 120, 40)
	i := len(m.doc.Quotes) - 1
	q := m.doc.Quotes[i]
	if q.Kind != model.QuoteTurn {
		t.Fatalf("the sample's last quote is %s; the test needs an answer", q.Kind)
	}
	for range m.doc.Quotes {
		press(m, ">")
	}
	if m.quote != i {
		t.Fatalf("> went to quote %d, want the last, %d", m.quote, i)
	}
	_, cmd := m.Update(keyMsg("y"))
	copied := reflect.ValueOf(cmd()).String()
	if !strings.HasPrefix(copied, "“The internet is about") || !strings.HasSuffix(copied, "human beings.” — Lei Jun, "+m.doc.Title) {
		t.Fatalf("copied %q", copied)
	}
}

// TestQuotesListShowsKinds opens the quotes list at 80 columns: reported
// speech stands without quotation marks, answers in them, and each quote
// says what kind it is.
func TestQuotesListShowsKinds(t *testing.T) {
	m := newReader(t, 80, 40)
	press(m, "\"")
	s := screen(m)
	for _, want := range []string{
		"▸ he is satisfied with Xiaomi’s performance",
		"reported — Lei Jun · says",
		"  “The internet is about a certain kind of thoughts",
		"answer — Lei Jun",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the quotes list lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "“he is satisfied") || strings.Contains(s, "materials”") {
		t.Errorf("reported speech is shown in quotation marks:\n%s", s)
	}
}

// painted matches text a notty reader paints in reverse video, after the
// code that starts it.
var painted = regexp.MustCompile(`\x1b\[[0-9;]*7[0-9;]*m([^\x1b]*)`)

// TestSplitQuoteIsPaintedWithoutItsCue jumps to a quotation split by its
// cue: its two parts are painted, the cue between them is not.
func TestSplitQuoteIsPaintedWithoutItsCue(t *testing.T) {
	text := "“We are ready,” Ann Lee said, “and we will win.”"
	d, err := model.Parse(model.Input{Name: "split.txt", Data: []byte("Vote night\n\n" + text + "\n")})
	if err != nil {
		t.Fatal(err)
	}
	q := quoteIn(t, text, model.QuoteDirect, "Ann Lee", "said", "We are ready,” Ann Lee said, “and we will win.", "” Ann Lee said, “")
	q.Paragraph = slices.IndexFunc(d.Paragraphs, func(p model.Paragraph) bool { return p.Text == text })
	if q.Paragraph < 0 {
		t.Fatalf("no paragraph reads %q", text)
	}
	x := d.Extraction
	x.Quotes = []model.Quote{q}
	d = d.WithExtraction(x)
	m := testReaderOf(New(d, Options{Style: StyleNoTTY}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 20})
	press(m, ">")
	var got strings.Builder
	for _, r := range painted.FindAllStringSubmatch(m.article.View(), -1) {
		got.WriteString(r[1])
	}
	// lipgloss underlines the spaces of a run but does not reverse them.
	if want := "Weareready,andwewillwin."; got.String() != want {
		t.Fatalf("painted %q, want %q", got.String(), want)
	}
}
