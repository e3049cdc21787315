package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// titled runs titleSections over paragraphs split into derived sections
// at starts, the document titled docTitle, and returns their titles.
func titled(docTitle string, texts []string, starts ...int) []string {
	d := &Document{Title: docTitle}
	for _, t := range texts {
		d.Paragraphs = append(d.Paragraphs, Paragraph{Text: t})
	}
	sectionOf := make([]int, len(texts))
	var sections []Section
	for k, start := range starts {
		end := len(texts)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		sections = append(sections, Section{Derived: true, Start: start, End: end})
		for i := start; i < end; i++ {
			sectionOf[i] = k
		}
	}
	titleSections(d, newIndex(d.Paragraphs), sections, sectionOf, make([]voice, len(texts)))
	var out []string
	for _, s := range sections {
		out = append(out, s.Title)
	}
	return out
}

func TestSectionTitleNeverAlike(t *testing.T) {
	got := titled("", []string{
		"The harbour repairs began in May.",
		"Everyone asked about the harbour repairs.",
		"Nobody liked the harbour repair.",
		"Then came the harbour repair again.",
	}, 0, 2)
	if got[0] != "Harbour repairs" {
		t.Errorf("first section titled %q, want %q", got[0], "Harbour repairs")
	}
	if got[1] != "" {
		t.Errorf("second section titled %q, want none: its only phrase is alike the first's %q", got[1], got[0])
	}
}

func TestSectionTitleNotTheOpeningWords(t *testing.T) {
	// No key phrase names the first section, and the document's title
	// is only the words it opens with.
	got := titled("Our guest this week", []string{
		"Our guest this week is Ines Duarte.",
		"She has run the ferry for years.",
	}, 0)
	if got[0] != "" {
		t.Errorf("first section titled %q, the words it opens with", got[0])
	}
	// Marks between the words do not hide a copy, unless there are more
	// of them than words.
	for opening, fits := range map[string]bool{
		"Our guest — this week is Ines Duarte.":  false,
		"Our guest - - - - - this week is Ines.": true,
	} {
		d := &Document{Paragraphs: []Paragraph{{Text: opening}}}
		if got := fitsTitle(d, Section{Derived: true, End: 1}, "Our guest this week", make([]voice, 1)); got != fits {
			t.Errorf("title %q over %q fits: %v, want %v", "Our guest this week", opening, got, fits)
		}
	}
	// A key phrase that opens the section is no title for it, but may be
	// one for another section that mentions it.
	got = titled("", []string{
		"harbour dues went up in spring, the port said.",
		"The mayor wrote to the port.",
		"The fishermen paid their harbour dues.",
		"The port let them.",
	}, 0, 2)
	if !slices.Equal(got, []string{"", "Harbour dues"}) {
		t.Errorf("titles %q, want the phrase on the section it does not open", got)
	}
}

func TestSectionTitleNotAGreeting(t *testing.T) {
	for _, title := range []string{"Good afternoon", "Hello and welcome", "Thank you"} {
		got := titled(title, []string{"Today we talk about boats.", "And about the sea."}, 0)
		if got[0] != "" {
			t.Errorf("document titled %q: first section titled %q, want none", title, got[0])
		}
	}
	got := titled("Island ferries", []string{"Today we talk about boats.", "And about the sea."}, 0)
	if got[0] != "Island ferries" {
		t.Errorf("first section titled %q, want the document's title", got[0])
	}
}

func TestSectionTitleNotAFragment(t *testing.T) {
	// "own" needs the word before it ("their own berth"): the phrase
	// starts after it, and a lone "berth" is no key phrase.
	got := titled("", []string{
		"The fishing fleet has their own berth.",
		"The ferries have their own berth too.",
	}, 0)
	if got[0] != "Fishing fleet" {
		t.Errorf("section titled %q, want %q", got[0], "Fishing fleet")
	}
}

func TestJoinUntitled(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []Section
		want []Section
	}{
		{"untitled joins the one before",
			[]Section{{Title: "Fares", Derived: true, Start: 0, End: 2}, {Derived: true, Start: 2, End: 4}, {Title: "Boats", Derived: true, Start: 4, End: 6}},
			[]Section{{Title: "Fares", Derived: true, Start: 0, End: 4}, {Title: "Boats", Derived: true, Start: 4, End: 6}}},
		{"untitled first joins the one after",
			[]Section{{Derived: true, Start: 0, End: 2}, {Derived: true, Start: 2, End: 3}, {Title: "Boats", Derived: true, Start: 3, End: 6}},
			[]Section{{Title: "Boats", Derived: true, Start: 0, End: 6}}},
		{"untitled first before a heading stays",
			[]Section{{Derived: true, Start: 0, End: 2}, {Title: "Boats", Start: 2, End: 6}},
			[]Section{{Derived: true, Start: 0, End: 2}, {Title: "Boats", Start: 2, End: 6}}},
		{"the only section stays",
			[]Section{{Derived: true, Start: 0, End: 2}},
			[]Section{{Derived: true, Start: 0, End: 2}}},
	} {
		if got := joinUntitled(slices.Clone(tc.in)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: got %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestSectionsOfPlainText parses a heading-less interview of our own: its
// sections are all derived, and none is titled by a greeting, by the
// words it opens with, or alike the one before.
func TestSectionsOfPlainText(t *testing.T) {
	text := `Good afternoon.

Our guest this week is Ines Duarte, who runs the harbour ferry service on the island and has done so for twelve years.

She talks about the ferry timetable, the winter storms and the harbour repairs that kept the boats tied up for a month.

Ines Duarte: The ferry timetable changes every winter. We cut the evening crossings when the storms come, and the harbour repairs take the rest.

Interviewer: How did the harbour repairs go this year?

Ines Duarte: The harbour repairs went slowly. The engineers wrote their own report on the harbour wall, and the council read their own report before it paid.

Interviewer: What about the school children who take the ferry?

Ines Duarte: The school children come first. The school bus meets the morning ferry, and the school bus waits when the ferry is late.

Interviewer: And the fishing fleet?

Ines Duarte: The fishing fleet has its own berth now. The fishing fleet pays harbour dues like everyone else.
`
	d, err := Parse(Input{Name: "guest.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sections) < 2 {
		t.Fatalf("%d sections, want several", len(d.Sections))
	}
	for k, s := range d.Sections {
		if !s.Derived || s.Title == "" {
			t.Errorf("section %d %+v: want a derived title", k, s)
		}
		checkDerivedTitle(t, d, k)
	}
}

// checkDerivedTitle reports a derived title of section k of d that greets,
// repeats the words its section opens with or is alike the one before.
func checkDerivedTitle(t *testing.T, d *Document, k int) {
	t.Helper()
	s := d.Sections[k]
	if !s.Derived || s.Title == "" {
		return
	}
	if isCourtesy(s.Title) {
		t.Errorf("%s: section %d titled by the greeting %q", d.Name, k, s.Title)
	}
	if opening := d.Paragraphs[s.Start].Text[d.Annotation(s.Start).Body:]; strings.HasPrefix(titleKey(opening)+" ", titleKey(s.Title)+" ") {
		t.Errorf("%s: section %d titled %q, the words it opens with: %q", d.Name, k, s.Title, opening)
	}
	if k > 0 && titleKey(d.Sections[k-1].Title) == titleKey(s.Title) {
		t.Errorf("%s: sections %d and %d are both titled %q", d.Name, k-1, k, s.Title)
	}
}

// TestGapSimilaritiesSlideExactly checks that the similarities of the
// gaps, kept as the window slides, are the cosines of the word counts
// either side of each gap computed afresh, to the last bit, with words
// that recur within a paragraph, across the window and not at all.
func TestGapSimilaritiesSlideExactly(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	nouns := []string{"harbour", "ferry", "tide", "wall", "crane", "gull", "net", "pier", "storm", "keel"}
	var b strings.Builder
	b.WriteString("The harbour year\n\n")
	for range 60 {
		for range 1 + rng.IntN(4) {
			fmt.Fprintf(&b, "The %s met the %s and the %s. ", nouns[rng.IntN(len(nouns))], nouns[rng.IntN(len(nouns))], nouns[rng.IntN(3)])
		}
		b.WriteString("\n\n")
	}
	b.WriteString("Nothing.\n\nNothing.\n")
	d, err := Read(Input{Name: "harbour.txt", Data: []byte(b.String())})
	if err != nil {
		t.Fatal(err)
	}
	x := newIndex(d.Paragraphs)
	n := len(d.Paragraphs)
	got := gapSimilarities(paragraphWords(d.Paragraphs, x, make([]voice, n)), n, x)
	words := paragraphWords(d.Paragraphs, x, make([]voice, n))
	bags := make([][]int32, n)
	for i := range bags {
		bags[i] = words.read(i, nil)
	}
	for g := 1; g < n; g++ {
		left, right := map[int32]float64{}, map[int32]float64{}
		for i := max(0, g-tilingWindow); i < g; i++ {
			for _, w := range bags[i] {
				left[w]++
			}
		}
		for i := g; i < min(n, g+tilingWindow); i++ {
			for _, w := range bags[i] {
				right[w]++
			}
		}
		var dot, a, b float64
		for w, l := range left {
			dot += l * right[w]
			a += l * l
		}
		for _, r := range right {
			b += r * r
		}
		want := 0.0
		if a > 0 && b > 0 {
			want = dot / math.Sqrt(a*b)
		}
		if got[g] != want {
			t.Errorf("gap %d: similarity %v, afresh %v", g, got[g], want)
		}
	}
	if got[n-1] != 0 || got[n/2] == 0 {
		t.Errorf("similarities %v: want 0 between the empty paragraphs and more in the middle", got)
	}
}
