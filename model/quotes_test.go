package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// quotesOf extracts text, a news story of one paragraph after its
// headline, and returns its quotes as "kind|speaker|cue|text" lines.
func quotesOf(t *testing.T, text string) []string {
	t.Helper()
	d, err := Parse(Input{Name: "story.txt", Data: []byte("A story of the coast\n\n" + text + "\n")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range d.Quotes {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s", q.Kind, q.Speaker, q.Cue, d.QuoteText(q)))
	}
	return got
}

// TestAttributions checks the shapes of attribution that QUOTES-GUIDE.md
// (the development data's guide) describes, each on a sentence written
// for this test.
func TestAttributions(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"split by its cue", `"The dam is safe," said Kofi Mensah, "but the road is not."`,
			[]string{`direct|Kofi Mensah|said|"The dam is safe," … "but the road is not."`}},
		{"question before its cue", `"Who pays for this?" Ada Rowntree asked.`,
			[]string{`direct|Ada Rowntree|asked|"Who pays for this?"`}},
		{"inverted with a descriptor", `"We have waited eleven hours," says nurse Beatriz Soto.`,
			[]string{`direct|Beatriz Soto|says|"We have waited eleven hours,"`}},
		{"mixed", `Mara Quillon said the repairs were "nearly finished".`,
			[]string{`mixed|Mara Quillon|said|the repairs were "nearly finished"`}},
		{"called X Y", `Councillor Ann Lee called the plan "a disaster for the town".`,
			[]string{`mixed|Ann Lee|called|the plan "a disaster for the town"`}},
		{"thought", `Engineers fear the dam could fail.`,
			[]string{`indirect|Engineers|fear|the dam could fail`}},
		{"intention", `The club plans to sell the ground.`,
			[]string{`indirect|club|plans|to sell the ground`}},
		{"decision", `A judge sentenced the driver to two years.`,
			[]string{`indirect|judge|sentenced|the driver to two years`}},
		{"denial of a noun", `The union denied the claim.`,
			[]string{`indirect|union|denied|the claim`}},
		{"according to a common noun", `According to court records, he paid the fine.`,
			[]string{`indirect|court records|according to|he paid the fine`}},
		{"a witness by her role", `Witness Nora Pike told the jury she saw the van.`,
			[]string{`indirect|Nora Pike|told|she saw the van`}},
		{"a joke", `"We will be back next year," Ann Lee joked.`,
			[]string{`direct|Ann Lee|joked|"We will be back next year,"`}},
		{"a subject in apposition before an object verb", `Her daughter, Josephine Lee, confirmed the death.`,
			[]string{`indirect|Josephine Lee|confirmed|the death`}},
		{"a person and where she is from", `Mayor Ines Carver of Tollby said the budget was safe.`,
			[]string{`indirect|Ines Carver|said|the budget was safe`}},
		{"a person and the body he is of", `Kai Moreno of the Ashby Sailing Club said the race was fair.`,
			[]string{`indirect|Kai Moreno|said|the race was fair`}},
		{"a body named with of", `The Royal College of Harpists said fees would rise.`,
			[]string{`indirect|Royal College of Harpists|said|fees would rise`}},
		{"according to a common noun and whom it speaks for", `According to a spokeswoman for the Kelby Port Authority, dredging will begin in May.`,
			[]string{`indirect|spokeswoman for the Kelby Port Authority|according to|dredging will begin in May`}},
		{"passive", `The bridge is expected to reopen next week.`,
			[]string{`indirect||expected|The bridge … to reopen next week`}},
		{"hedge", `He reportedly resigned on Friday.`,
			[]string{`indirect||reportedly|He … resigned on Friday`}},
		{"noun cue", `Dana Holt left the board in May. Her warning that rents would rise was ignored.`,
			[]string{`indirect|Dana Holt|warning|that rents would rise`}},
		{"cue at the end", `The ward will stay open until Easter, a spokeswoman for the board said.`,
			[]string{`indirect|spokeswoman for the board|said|The ward will stay open until Easter`}},
		{"two cues of one speaker", `The mayor criticised the plan and said it would fail.`,
			[]string{`indirect|mayor|criticised|the plan`, `indirect|mayor|said|it would fail`}},
		{"a second speaker after while", `Some doctors believe the rule works, while others say it costs lives.`,
			[]string{`indirect|Some doctors|believe|the rule works`, `indirect|others|say|it costs lives`}},
		{"a feeling about something", `Farmers in the valley are worried that the streams will run dry.`,
			[]string{`indirect|Farmers in the valley|worried|that the streams will run dry`}},
		{"recipient left out", `Ann Lee told reporters the pier would reopen.`,
			[]string{`indirect|Ann Lee|told|the pier would reopen`}},
		{"a plain action is none", `Police searched the house on Monday.`, nil},
		{"a bare feeling is none", `He was angry.`, nil},
		{"a name after a noun is none", `A dog called Rex barked at the postman.`, nil},
		{"obligation", `The regulator has to approve the sale.`,
			[]string{`indirect|regulator|approve|the sale`}},
		{"progressive", `The union is demanding a new contract.`,
			[]string{`indirect|union|demanding|a new contract`}},
		{"as reported", `As reported by the Ledger, the mill will close in May.`,
			[]string{`indirect|Ledger|As reported|the mill will close in May`}},
		{"a group described by a participle", `Photos released by the police showed a burnt-out car.`,
			[]string{`indirect|Photos released by the police|showed|a burnt-out car`}},
		{"a label with as", `The mayor attacked the budget as "a betrayal of the town".`,
			[]string{`mixed|mayor|attacked|the budget as "a betrayal of the town"`}},
		{"an attack is no cue without as", `Troops attacked the village at dawn.`, nil},
		{"a second cue after a quotation", `The grocer reported that with the limit in place, "stores sell out within an hour", and called the demand "unprecedented".`,
			[]string{`direct|grocer|reported|"stores sell out within an hour"`, `mixed|grocer|called|the demand "unprecedented"`}},
		{"an acronym after a described speaker", `On Monday, Director Ann Lee of the National Institute of Health (NIH), announced the trial had ended.`,
			[]string{`indirect|Ann Lee|announced|the trial had ended`}},
		{"a title in marks is none", `The festival opened with "Night Train" on Friday.`, nil},
		{"a sentence without words", `"Nobody came," Ann Lee said. "[...] We waited all day."`,
			[]string{`direct|Ann Lee|said|"Nobody came," … "[...] We waited all day."`}},
		{"she after the subject of a main clause", `Gov. Ruth Vale met Sen. Tom Ard on Monday. Asked about the vote, Vale laughed. "Ask me in May," she said.`,
			[]string{`direct|Ruth Vale|said|"Ask me in May,"`}},
		{"she before a quotation naming another", `Pia Lund went to see the work of Joe Marr. In March she said, "Joe Marr was the centre of it all."`,
			[]string{`direct|Pia Lund|said|"Joe Marr was the centre of it all."`}},
	}
	for _, c := range cases {
		if got := quotesOf(t, c.text); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n%s\ngot  %q\nwant %q", c.name, c.text, got, c.want)
		}
	}
}

// TestIsPersonNoun checks the endings that make a noun a person's, in
// any case, and that a word no longer than its ending plus two letters
// is not one.
func TestIsPersonNoun(t *testing.T) {
	for w, want := range map[string]bool{
		"spokesman": true, "SPOKESMAN": true, "Chairwoman": true, "Economist": true,
		"inspector": true, "TRUSTEE": true, "Ökonomist": true, "ÉDITOR": true,
		"Oman": false, "Deer": false, "report": false, "Pianist": true, "": false,
	} {
		if got := isPersonNoun(w); got != want {
			t.Errorf("isPersonNoun(%q) = %v, want %v", w, got, want)
		}
	}
}

// BenchmarkFindQuotes measures quote extraction (findQuotes) on the
// inputs BenchmarkExtract reads, on an index built once outside.
func BenchmarkFindQuotes(b *testing.B) {
	benchDocuments(b, func(b *testing.B, d *Document) {
		x, turns, voices := turnsOf(d)
		for b.Loop() {
			findQuotes(d, x, turns, voices)
		}
	})
}

// TestQuotesRoomBounded checks that the room findQuotes makes for its
// quotes stays near what it finds, however they are spread: evenly, all
// in the first paragraphs before thousands of short ones, or all in the
// first sixteenth of the text before a long one without any.
func TestQuotesRoomBounded(t *testing.T) {
	quotes := func(n int) string {
		var b strings.Builder
		for k := range n {
			b.WriteString("“The pier will open,” Tam Ruddock said. ")
			if k%20 == 19 {
				b.WriteString("\n\n")
			}
		}
		return b.String()
	}
	for name, text := range map[string]string{
		"even":         strings.Repeat(quotes(20)+"The tide was low.\n\n", 400),
		"first, short": quotes(8000) + strings.Repeat("Ok\n\n", 2800),
		"first, long":  quotes(8000) + strings.Repeat("The tide was low and the boats stayed in.\n\n", 50000),
	} {
		d, err := Read(Input{Name: "pier.txt", Data: []byte("The pier\n\n" + text)})
		if err != nil {
			t.Fatal(err)
		}
		x, turns, voices := turnsOf(d)
		q := findQuotes(d, x, turns, voices)
		if len(q) < 7000 {
			t.Fatalf("%s: only %d quotes found", name, len(q))
		}
		if cap(q) > 5*len(q) {
			t.Errorf("%s: room for %d quotes, %d found", name, cap(q), len(q))
		}
	}
}

// TestWindowTokens checks that the words directCue reads around a
// quotation, taken from the index, are the words appendTokens reads in
// the same stretch of text, with the same breaks, whatever stretch of a
// sentence it is: cut inside a word, before a possessive's apostrophe or
// an abbreviation's full stop, or next to an ampersand joining names.
func TestWindowTokens(t *testing.T) {
	paras := []Paragraph{
		{Text: `The bakers’ union met Dr. Ines Duval of Hollin Aviation & Sea Museum at 10.30 on Friday.`},
		{Text: `“We will rebuild,” said O'Reilly, the U.S. envoy; Wal-mart’s staff agreed. Then—quietly—Mara left.`},
		{Text: "Gov. Zoë al-Amr told the Joneses' lawyers\tand AT&T: \"No.\" Johnson & Johnson’s chief, Sen. Ode, said so."},
	}
	x := newIndex(paras)
	s := &quoteScanner{x: x}
	for i, p := range paras {
		from, to := x.sentences(i)
		for sent := from; sent < to; sent++ {
			sp := x.spans[sent]
			for a := sp.Start; a <= sp.End; a++ {
				for b := a; b <= sp.End; b++ {
					if !utf8.RuneStart(p.Text[min(a, len(p.Text)-1)]) || b < len(p.Text) && !utf8.RuneStart(p.Text[b]) {
						continue
					}
					want := appendTokens(nil, p.Text, a, b)
					got := s.windowTokens(p.Text, sent, a, b)
					if len(got) != len(want) {
						t.Fatalf("%q: %d words, want %d", p.Text[a:b], len(got), len(want))
					}
					for k := range want {
						if got[k].start != want[k].start || got[k].end != want[k].end || got[k].isBroken() != want[k].isBroken() {
							t.Fatalf("%q: word %d is %q (broken %v), want %q (broken %v)", p.Text[a:b], k,
								p.Text[got[k].start:got[k].end], got[k].isBroken(), p.Text[want[k].start:want[k].end], want[k].isBroken())
						}
					}
				}
			}
		}
	}
}

// TestSkipPlainASCII checks that skipPlainASCII, which reads eight bytes
// at a time, stops at the first straight quotation mark or byte outside
// ASCII wherever it stands in a block.
func TestSkipPlainASCII(t *testing.T) {
	for _, mark := range []string{`"`, "“", "é", "\x80"} {
		for n := range 20 {
			text := strings.Repeat("a! ", 7)[:n] + mark + "tail"
			for k := 0; k <= n; k++ {
				if got := skipPlainASCII(text, k); got != n {
					t.Errorf("skipPlainASCII(%q, %d) = %d, want %d", text, k, got, n)
				}
			}
		}
	}
	if got := skipPlainASCII("plain words only, and more of them", 3); got != 34 {
		t.Errorf("plain text: got %d, want 34", got)
	}
}

// TestSentenceScanByIDMatchesByText checks that sentenceCues.read, which
// tells what a word is from a byte of bits by the word's id, finds what
// it finds reading the words' own text with no index: the reporting
// verbs and whether each stands in a quotation, "according", cue nouns,
// hearsay adverbs, and the titles and name words learnNames reads.
func TestSentenceScanByIDMatchesByText(t *testing.T) {
	paras := []Paragraph{
		{Text: `Dr. Prof. Ines Duval said the pier would close, and Mayor Tom Ode denied it. Li Wu agreed.`},
		{Text: `“We will rebuild,” said O'Reilly, the U.S. envoy, according to the Harbour Gazette.`},
		{Text: `The council's claim that the dam would fail reportedly angered Dana Whitfield, a lecturer who says “it holds, she said”.`},
		{Text: `Residents, said Okafor, are worried that CEO Lei Jun told reporters the plant is allegedly unsafe. SAID Ode.`},
		{Text: `Per the ministry, they say the road is shut, and Ode's aides ask why.`},
	}
	x := newIndex(paras)
	var byID, byText sentenceCues
	byID.words = scanWords(x.vocab, x.cues, x.traits)
	var seen sentenceCues // what the sentences hold between them, so the test is not idle
	for i, p := range paras {
		from, to := x.sentences(i)
		for k := from; k < to; k++ {
			sn := x.sentence(p.Text, k)
			byID.read(&sn)
			plain := sentence{text: p.Text, toks: slices.Clone(sn.toks), bounds: sn.bounds}
			for j := range plain.toks {
				plain.toks[j] = plain.toks[j].withID(-1)
			}
			byText.read(&plain)
			byWords := readWordByWord(&sn)
			for _, c := range []*sentenceCues{&byText, &byWords} {
				if !slices.Equal(byID.at, c.at) || !slices.Equal(byID.quoted, c.quoted) || !slices.Equal(byID.names, c.names) ||
					byID.according != c.according || byID.nouns != c.nouns || byID.hearsay != c.hearsay || byID.cue != c.cue {
					t.Errorf("%q: by id %+v, want %+v", p.Text[sn.bounds.Start:sn.bounds.End], byID, *c)
				}
			}
			seen.according = seen.according || byID.according
			seen.nouns = seen.nouns || byID.nouns
			seen.hearsay = seen.hearsay || byID.hearsay
			seen.quoted = append(seen.quoted, slices.Contains(byID.quoted, true))
			seen.names = append(seen.names, byID.names...)
		}
	}
	if !seen.according || !seen.nouns || !seen.hearsay || !slices.Contains(seen.quoted, true) || len(seen.names) < 8 {
		t.Errorf("the sentences hold too little to compare: %+v", seen)
	}
}

// readWordByWord is what sentenceCues.read finds in sn, read a word at a
// time by the sentence's own tests: the reference it is held to.
func readWordByWord(sn *sentence) sentenceCues {
	lx := words()
	var c sentenceCues
	var marks quoteDepth
	read := 0
	for k := range sn.len() {
		if (sn.honorific(k) || sn.nameWord(k)) && capitalizedAt(sn, k) && k+1 < sn.len() {
			c.names = append(c.names, k)
		}
		if sn.in(k, lx.cueNouns) {
			c.nouns = true
		}
		if sn.in(k, lx.hearsayAdverbs) {
			c.hearsay = true
		}
		switch cw := sn.cueWord(k); {
		case reportingVerbAt(sn, k):
			read = marks.readTo(sn, read, k)
			c.at = append(c.at, k)
			c.quoted = append(c.quoted, marks.inside())
			c.cue = true
		case cw.other:
			c.cue = true
			c.according = c.according || sn.is(k, "according")
		}
	}
	return c
}

// TestPronounInATurnIsSomeoneElse checks that "she said" inside a turn is
// never the turn's speaker, who would say "I": the quotation keeps no
// speaker when nobody else has been named, and the one named in the turn
// otherwise.
func TestPronounInATurnIsSomeoneElse(t *testing.T) {
	text := "A talk about boats\n\n" +
		"ANN LEE: Welcome. What did your mother think of the book?\n\n" +
		"KAI MORENO: She read it in one night and rang me at six. She said, \"You got the boats wrong.\" I laughed.\n\n" +
		"ANN LEE: And your editor?\n\n" +
		"KAI MORENO: My editor, Dara Finch, was kinder. She said, \"Keep the storm.\" So I did.\n"
	d, err := Parse(Input{Name: "talk.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{`"You got the boats wrong."`: "", `"Keep the storm."`: "Dara Finch"}
	found := 0
	for _, q := range d.Quotes {
		if speaker, ok := want[d.QuoteText(q)]; ok {
			found++
			if q.Speaker != speaker {
				t.Errorf("%s: speaker %q, want %q", d.QuoteText(q), q.Speaker, speaker)
			}
		}
	}
	if found != len(want) {
		t.Errorf("found %d of the %d quotations: %+v", found, len(want), d.Quotes)
	}
}
