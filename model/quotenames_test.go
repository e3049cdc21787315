package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestQuoteMemoryCarriesAcrossParagraphs checks what quote extraction
// hands from earlier text to later text, on a story of our own: a plural
// noun speaks when it opens its clause; "it" stands for the
// organisation quoted last; a surname for the full name a description
// introduced; a quotation without a cue continues the quote before it, in
// its paragraph and in the next; "she" stands for the person named last.
func TestQuoteMemoryCarriesAcrossParagraphs(t *testing.T) {
	text := strings.Join([]string{
		"Across town, residents said the noise had kept them awake for weeks.",
		"Officials said the old pier had been closed since the winter storm.",
		"The Harbour Authority said the old pier would reopen in May after repairs.",
		"It also said that the ferry timetable would change for the summer months.",
		"Mara Quillon, a ferry pilot, watched the cranes from the dock.",
		`"We have waited two long years for this," Quillon said. "The whole town will be down here on opening day."`,
		`"Nobody expected the storm to do that much damage to the old timbers."`,
		"She said the crews would need to work through the night to finish.",
	}, "\n\n")
	d, err := Parse(Input{Name: "pier.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range d.Quotes {
		got = append(got, fmt.Sprintf("%d %s %q: %s", q.Paragraph, q.Kind, q.Speaker, d.QuoteText(q)))
	}
	want := []string{
		`0 indirect "residents": the noise had kept them awake for weeks`,
		`1 indirect "Officials": the old pier had been closed since the winter storm`,
		`2 indirect "Harbour Authority": the old pier would reopen in May after repairs`,
		`3 indirect "Harbour Authority": that the ferry timetable would change for the summer months`,
		`5 direct "Mara Quillon": "We have waited two long years for this," … "The whole town will be down here on opening day."`,
		`6 direct "Mara Quillon": "Nobody expected the storm to do that much damage to the old timbers."`,
		`7 indirect "Mara Quillon": the crews would need to work through the night to finish`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("quotes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestOrganisationLikeIsRemembered checks that the quote memory's
// isOrganisationLike, kept for the names it meets, answers as the
// function does, the second time and past the names it keeps.
func TestOrganisationLikeIsRemembered(t *testing.T) {
	var m quoteMemory
	names := []string{"Ada Byrne", "the ministry", "NASA", "Harbour Authority", "Tomas Reyes"}
	for k := range maxKnownNames + 10 {
		names = append(names, fmt.Sprintf("Person%c Number%d", 'A'+k%26, k))
	}
	for round := range 2 {
		for _, name := range names {
			if got, want := m.organisationLike(name), isOrganisationLike(name); got != want {
				t.Errorf("round %d: organisationLike(%q) = %v, want %v", round, name, got, want)
			}
		}
	}
	if m.orgKept > maxKnownNames || len(m.names) > maxKnownNames {
		t.Errorf("%d answers kept for %d names, at most %d", m.orgKept, len(m.names), maxKnownNames)
	}
}

// TestMainClauseStart checks where the main clause of a sentence starts
// after an opening clause set off by a comma: only after one led by a
// preposition, a conjunction or a participle, and not at a comma before a
// quotation.
func TestMainClauseStart(t *testing.T) {
	for _, c := range []struct {
		text, want string // want: the word the main clause starts with, or ""
	}{
		{"Asked about the vote, Vale laughed.", "Vale"},
		{"In her speech to the council, Vale said no.", "Vale"},
		{"After the storm in March, the pier shut.", "the"},
		{"It was the plan of the town, Marr and Hale, to shut it.", ""},
		{"Vale, the governor, laughed.", ""},
		{`In March she said, "Marr was right."`, ""},
		{"When the ferry that runs from the harbour to the island twice a day stopped, Vale left.", ""},
	} {
		sn := sentence{text: c.text, toks: appendTokens(nil, c.text, 0, len(c.text))}
		got := ""
		if k := mainClauseStart(&sn); k > 0 {
			got = sn.word(k)
		}
		if got != c.want {
			t.Errorf("%q: main clause at %q, want %q", c.text, got, c.want)
		}
	}
}
