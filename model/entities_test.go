package model

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/lede-tui/lede/model/modeltest"
)

// entitiesOf extracts text, a story after its headline, and returns its
// entities other than topics as "kind|name|aliases" lines.
func entitiesOf(t *testing.T, text string) []string {
	t.Helper()
	d, err := Parse(Input{Name: "story.txt", Data: []byte("A day at the harbour\n\n" + text + "\n")})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.Entities {
		if e.Kind != KindTopic {
			got = append(got, string(e.Kind)+"|"+e.Name+"|"+strings.Join(e.Aliases, ","))
		}
	}
	return got
}

// TestEntityNevers checks names that are never entities on their own, on
// stories written for this test.
func TestEntityNevers(t *testing.T) {
	for _, c := range []struct{ name, text, never string }{
		{"a single letter", "Plan C was dropped by Mara Quillon on Friday. Mara Quillon said Plan C had cost too much.", "C"},
		{"a holiday", "The ferry will not sail at Easter, Mara Quillon said. Easter traffic is heavy, she added.", "Easter"},
		{"an acronym used once and never spelt out", "Mara Quillon said the harbour had a HUGE backlog of repairs.", "HUGE"},
		{"a nationality", "Kenyan runners won twice. Mara Quillon said Kenyan athletes train at altitude.", "Kenyan"},
		{"a head word without its name", "Mara Quillon wrote to the Ministry twice. The Ministry did not answer her.", "Ministry"},
		{"a country's adjective", "Mara Quillon sang three Icelandic songs. Icelandic music filled the hall.", "Icelandic"},
		{"a word named once without a clue", "Survival was the theme of the evening, Mara Quillon said.", "Survival"},
		{"common words capitalised", "Mara Quillon showed the Tide Pools display. The tide pools came from the museum.", "Tide Pools"},
		{"a piece of a holiday", "The pier shut on New Year's Eve. Mara Quillon said New Year's Eve was always busy.", "Eve"},
		{"a weekday in the plural", "The library opens on Saturdays. Saturdays are busy, Mara Quillon said.", "Saturdays"},
		{"an adjective made with a hyphen", "Mara Quillon runs Polish-language classes. Polish-language books fill a shelf.", "Polish-language"},
		{"a word and a letter", "Mara Quillon said Plan B would cost less. Plan B was agreed.", "Plan B"},
		{"a month after a name and the", "I married Frank the October before, Mara Quillon said.", "Frank the October"},
		{"a month", "In March the ferry stopped. March was cold, Mara Quillon said.", "March"},
		{"a function word opening a sentence", "However, Mara Quillon said the pier was safe. Nobody disagreed.", "However"},
		{"a function word opening a sentence", "However, Mara Quillon said the pier was safe. Nobody disagreed.", "Nobody"},
		{"a piece of a longer name", "Mara Quillon chairs the Kelby Harbour Preservation Trust. The Kelby Harbour Preservation Trust meets monthly.", "Preservation Trust"},
		{"a piece of a longer name", "Mara Quillon chairs the Kelby Harbour Preservation Trust. The Kelby Harbour Preservation Trust meets monthly.", "Harbour Preservation"},
		{"a genus before its species", "Mara Quillon found Lasius flavus under stones. She said Lasius flavus nests in meadows.", "Lasius"},
		{"an office", "The Secretary of State, Ann Lee, flew home on Monday. She said the talks had gone well.", "State"},
		{"a place's head word alone", "Ann Lee said the State would pay. The State has paid before, she said.", "State"},
		{"an adjective made from a place", "Ann Lee cooks Mediterranean dishes. Her Mediterranean recipes sell well.", "Mediterranean"},
		{"a program described in apposition", "We sorted the calls with SoundSieve, a free program from the museum. SoundSieve found 300 calls.", "SoundSieve"},
		{"a verb opening a heading", "# Leaving Halvorsen: why we moved\n\nFor years every build went through Halvorsen, the build server.", "Leaving Halvorsen"},
		{"a common noun opening a sentence before of", "Transcript of Harbour Hour on Kelby Radio. The transcript has been edited.", "Transcript of Harbour Hour"},
		{"a notice in capitals", "A sign on the door read CLOSED UNTIL FURTHER NOTICE, Mara Quillon said.", "CLOSED UNTIL FURTHER NOTICE"},
		{"a short month before a year", "The pier reopened in Sept. 2024, Mara Quillon said. Crowds came.", "Sept."},
		{"a short form before a number", "The tides are drawn in Fig. 3 of the survey, Mara Quillon said.", "Fig."},
		{"a short month ending a sentence", "Mara Quillon said the ferry would sail in Nov. The council agreed.", "Nov"},
		{"a name across a short month's stop", "Mara Quillon met Feng Jun. Halvard Ferries said it had hired him.", "Feng Jun. Halvard Ferries"},
	} {
		for _, line := range entitiesOf(t, c.text) {
			if strings.Split(line, "|")[1] == c.never {
				t.Errorf("%s: %q is an entity: %q", c.name, c.never, line)
			}
		}
	}
}

// TestEntityFolds checks that the spellings of one person make one entry:
// a middle initial, a title, a surname, and a speaker's label.
func TestEntityFolds(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"middle initial", "Donald J. Vance visited the port. Later Donald Vance said the port was busy. Vance left on Tuesday.",
			"person|Donald J. Vance|Donald Vance,Vance"},
		{"a company's name without its suffix", "Fennick Systems Inc. makes locks. Mara Quillon said Fennick Systems had agreed to the plan.",
			"company|Fennick Systems Inc.|Fennick Systems"},
		{"a surname that is also a city", "Valeska Paris left the ship in 2007. Paris said she had been told to stay.",
			"person|Valeska Paris|Paris"},
		{"a role word before a name", "Glaciologist Henrik Solberg measured the ice. Henrik Solberg said it had thinned. Solberg left on Friday.",
			"person|Henrik Solberg|Glaciologist Henrik Solberg,Solberg"},
		{"a club's short names", "Ashcombe Rovers beat the champions on Saturday. Ashcombe scored first, and the Rovers' lead held.",
			"organization|Ashcombe Rovers|Ashcombe,Rovers"},
		{"a middle name", "Rosa Mary Delahunt was born in 1940. Rosa Delahunt kept the station for years.",
			"person|Rosa Mary Delahunt|Rosa Delahunt"},
		{"a role before a surname", "Administrator Ruth Lund opened the depot. Later Administrator Lund said the depot was full.",
			"person|Ruth Lund|Administrator Ruth Lund,Administrator Lund"},
		{"an adjective the text also writes in lower case", "Nonpartisan Kai Moreno won the seat. Two nonpartisan members lost theirs. Kai Moreno thanked the voters.",
			"person|Kai Moreno|Nonpartisan Kai Moreno"},
		{"a name with and without a possessive inside", "Ann Lee of the Harbour People's Party spoke first. Harbour People Party's Kai Moreno spoke next.",
			"organization|Harbour People's Party|Harbour People Party"},
		{"a stance before a title", "Ex-Mayor Ann Lee opened the fair. Ann Lee said it was the best yet.",
			"person|Ann Lee|"},
		{"a country's other name", "The ship sailed from Holland at dawn. The Netherlands said the crossing was routine.",
			"place|Netherlands|Holland"},
		{"a church and its faith", "Ann Lee joined the Church of Kopimism in 2012. She says Kopimism holds copying sacred, and that the Kopimism of her youth has grown.",
			"organization|Church of Kopimism|Kopimism"},
		{"title and surname", "Dr. Ruth Adler, a virologist at the Kessing Institute, spoke on Monday. Ruth Adler said the season was early. Adler has studied flu for years.",
			"person|Ruth Adler|Adler,Dr. Ruth Adler"},
	}
	for _, c := range cases {
		got := entitiesOf(t, c.text)
		found := false
		for _, line := range got {
			found = found || line == c.want
		}
		if !found {
			t.Errorf("%s: want %q in %q", c.name, c.want, got)
		}
	}
	d, err := Parse(Input{Name: "show.md", Data: []byte("# Night sky\n\nThis week Rafe Tanaka talks to Dagny Kowal about her comet.\n\nRT: Dagny, welcome to the show.\n\nDK: Thank you, Rafe.\n\nRT: What were you looking for?\n\nDK: Nothing in particular, which is the honest answer for most finds.\n")})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		if e.Name == "RT" || e.Name == "DK" {
			t.Errorf("a speaker's label is an entity of its own: %+v", e)
		}
	}
}

// TestHeadlineNamesThePerson checks that a person the body calls only by
// surname takes the full name the headline gives.
func TestHeadlineNamesThePerson(t *testing.T) {
	d, err := Parse(Input{Name: "potter.txt", Data: []byte("Oona Falk: clay remembers every mistake\n\nFalk, 61, has worked in the harbour town of Skerrow since 1991. Falk said the kiln was old.\n")})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Entities {
		if e.Name == "Oona Falk" && e.Kind == KindPerson && len(e.Mentions) == 2 {
			return
		}
	}
	t.Errorf("no person Oona Falk with two mentions: %+v", d.Entities)
}

// TestEntityKinds checks kinds that the gazetteers and the words of a
// name decide, on sentences written for this test. A want ending in "|"
// with prefix set may be followed by aliases.
func TestEntityKinds(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
		prefix     bool
	}{
		{"a place the large gazetteer knows", "Mara Quillon moved the firm to Saskatoon. Saskatoon winters are long, she said.",
			[]string{"place|Saskatoon|"}, true},
		{"a place's head word last", "The crew flew from Kelby Air Force Base on Monday, Mara Quillon said.",
			[]string{"place|Kelby Air Force Base|"}, true},
		{"a place's head word after the name", "Bats have returned to the Brannoch region, Mara Quillon said.",
			[]string{"place|Brannoch|"}, true},
		{"a party after a person's name", "Ann Lee of Veritas won the seat, and Kai Moreno of Veritas came second.",
			[]string{"organization|Veritas|"}, false},
		{"two names after between", "The show is shared between the Lantern and Northlight Theatre Company.",
			[]string{"company|Northlight Theatre Company|"}, false},
		{"a venue's short name", "The play opens at the Lantern Theatre in May. The Lantern seats 300.",
			[]string{"place|Lantern Theatre|Lantern"}, false},
		{"a work's title inside a sentence", "Ann Lee wrote the music for The Salt Meadow, which opens on Friday.",
			[]string{"organization|Salt Meadow|"}, false},
		{"a dateline", "Carrowby, 14 June — Bats have returned to the hills, Ann Lee said.",
			[]string{"place|Carrowby|"}, false},
		{"where one travels to, and a range from one place to another", "Ashcombe travel to Kelmarsh on Saturday. Her bowls sell from Tresco to the coast.",
			[]string{"place|Kelmarsh|", "place|Tresco|"}, false},
		{"a town's club among clubs", "Ashcombe Rovers beat Dunmore Athletic. Dunmore Athletic are at home to Tolverton Town next.",
			[]string{"organization|Tolverton Town|"}, false},
		{"a full name in a heading-like line", "Media contact: Priti Anand, Veltro Instruments",
			[]string{"person|Priti Anand|"}, false},
		{"a word named again and again with no person's clue", "The firm moved its servers to Quorvo in May. Quorvo now runs the booking site, and Quorvo bills monthly.",
			[]string{"organization|Quorvo|"}, false},
		{"a party after a person's name and the", "Ann Ho of the Tidewater Greens won. Kai Moreno of the Tidewater Greens lost.",
			[]string{"organization|Tidewater Greens|", "person|Ann Ho|"}, false},
		{"a newspaper named after a city", "The fire began at noon, according to the Kelowna Sun. The Kelowna Courier said it began at one.",
			[]string{"organization|Kelowna Sun|", "organization|Kelowna Courier|"}, false},
		{"newspapers named by their press word", "Mara Quillon spoke to the Ashby Record about the mill. The Ashby Ledger printed her letter.",
			[]string{"organization|Ashby Record|", "organization|Ashby Ledger|"}, false},
		{"a party before a person's full name", "Veritas's Ann Lee won the seat. Ann Lee said the party had worked hard.",
			[]string{"organization|Veritas|"}, false},
		{"an acronym never spelt out", "Kai Moreno of the Kelmarsh Sailing Association raced on Sunday. The KSA has 40 members, Kai Moreno said.",
			[]string{"organization|Kelmarsh Sailing Association|KSA"}, false},
		{"an office, its place and its holder", "The Governor of Oregon Ann Lee signed the bill. Ann Lee said it would pass.",
			[]string{"place|Oregon|", "person|Ann Lee|"}, false},
		{"a city and a newspaper named after it", "The Lagos Evening Post reported the fire. Lagos was quiet on Sunday, Ann Lee said.",
			[]string{"place|Lagos|", "organization|Lagos Evening Post|"}, false},
		{"a factory and a gallery", "The strike began at the Calder Windows and Doors Factory, Mara Quillon said. Her prints hang in the Ostrand Gallery.",
			[]string{"place|Calder Windows and Doors Factory|", "organization|Ostrand Gallery|"}, false},
		{"a given name alone, and a place's name inside a longer name", "In 1962 Marilyn painted the harbour. The light, Marilyn said, was best in May. Statistics Canada said prices rose.",
			[]string{"person|Marilyn|", "organization|Statistics Canada|"}, false},
		{"a kind of company in apposition before the name", "The mill was sold to its new owner, the carmaker, Dorrow Haskett. Dorrow Haskett kept the staff.",
			[]string{"company|Dorrow Haskett|"}, false},
		{"a name that says something of its own", "The ferries are run by Pellwick. Pellwick said its boats would sail all winter. “Fares will rise,” Pellwick says on its website.",
			[]string{"organization|Pellwick|"}, false},
		{"a person who says something of its", "Pellan Ortiz said its roof had leaked for years. Pellan Ortiz runs the hall.",
			[]string{"person|Pellan Ortiz|"}, false},
		{"a given name called by after a kind of company", "You can take that to the bank, Marilyn. Marilyn laughed.",
			[]string{"person|Marilyn|"}, false},
		{"places named by a head word of the shore and the street", "The new terminal at Tarrow Point opens in May. Ann Lee lives on Mallen Crescent, near Sorrel Quay.",
			[]string{"place|Tarrow Point|", "place|Mallen Crescent|", "place|Sorrel Quay|"}, false},
		{"a dateline in capitals and the name as the text writes it", "TARROWBY, 3 May — The mill in Tarrowby closed today, Ann Lee said. Tarrowby has lost 200 jobs.",
			[]string{"place|Tarrowby|TARROWBY"}, false},
		{"companies named by their trade", "The pickers came from Greenhollow Farms. Ann Lee of Calderbank Estates said the land was sold.",
			[]string{"company|Greenhollow Farms|", "company|Calderbank Estates|"}, false},
		{"a company named after a place, with a given name inside", "Ann Lee, chief executive of Boston Marine Ltd., said the yard would grow.",
			[]string{"company|Boston Marine Ltd.|"}, false},
		{"names after the, which no person's is", "The debate was held at the Pellow Arches. Ann Lee of the Tarrant Echo asked the first question.",
			[]string{"organization|Pellow Arches|", "organization|Tarrant Echo|"}, false},
		{"the before a person's name and the noun it leads", "Ann Lee asked about the Pellan Ortiz case. Pellan Ortiz has not spoken since.",
			[]string{"person|Pellan Ortiz|"}, false},
	} {
		got := entitiesOf(t, c.text)
		for _, want := range c.want {
			if !slices.ContainsFunc(got, func(line string) bool { return line == want || c.prefix && strings.HasPrefix(line, want) }) {
				t.Errorf("%s: no %q in %q", c.name, want, got)
			}
		}
	}
}

// TestEntityBounds checks where a name begins and ends: "and" and "&"
// inside an organisation's or a place's name, a common plural's
// possessive inside one, a role word between an organisation and a
// person, people "of" an organisation, and an acronym in square brackets.
func TestEntityBounds(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want, not  []string
	}{
		{"and before a place's head word", "The capsule went to the Corran Sea and Rail Museum on Monday, Mara Quillon said. She had visited Paris and Lake Como.",
			[]string{"place|Corran Sea and Rail Museum|", "place|Paris|", "place|Lake Como|"}, []string{"Corran Sea", "Rail Museum", "Paris and Lake Como"}},
		{"an ampersand between names", "The trainer goes to the Hollin Aviation & Sea Museum, Mara Quillon said. Johnson & Johnson paid for the move.",
			[]string{"|Hollin Aviation & Sea Museum|", "|Johnson & Johnson|"}, []string{"Hollin Aviation", "Sea Museum"}},
		{"a common plural's possessive inside a name", "Commanders of the Tessaly People's Army [TPA] met on Friday, Mara Quillon said. The people were told to stay indoors. The TPA denied it.",
			[]string{"organization|Tessaly People's Army|TPA"}, []string{"Commanders of the Tessaly People's Army", "Tessaly People"}},
		{"a role between an organisation and a person", "ESTA Administrator Ruth Adler opened the hall. Ruth Adler, ESTA Administrator, said the ESTA had paid for it. Photo: ESTA Kai Moreno.",
			[]string{"person|Ruth Adler|", "person|Kai Moreno|"}, []string{"ESTA Administrator", "ESTA Kai Moreno", "ESTA Administrator Ruth Adler"}},
		{"a place named inside an organisation's name", "Mara Quillon studied at the University of Tromsø and wrote for the Winnipeg Free Press. She now advises the Saudi Herald Trust, Southeastern University and the Lagos & Accra Shipping Board, and lives in New Zealand.",
			[]string{"place|Tromsø|", "place|New Zealand|", "place|Lagos|", "place|Accra|"}, []string{"Saudi", "Southeastern", "Zealand", "Lagos &", "Winnipeg"}},
		{"names surname first in a reading list", "Reading list\n\nLindqvist, Maja. Salt and Iron.\n\nOkafor, Chidi Ade (2004). The Long Quay.\n\nBrandt, Ilse and Moreau, Paul. Letters.",
			[]string{"person|Maja Lindqvist|Lindqvist", "person|Chidi Ade Okafor|Okafor", "person|Ilse Brandt|Brandt", "person|Paul Moreau|Moreau"}, []string{"Maja", "Lindqvist", "Ilse"}},
		{"a person's initials are no acronym", "J.R. Ostby, finance director at the Dunmore Trust, said the sale was done. Ostby left on Friday.",
			[]string{"person|J.R. Ostby|"}, []string{"J.R."}},
	} {
		got := entitiesOf(t, c.text)
		for _, want := range c.want {
			if !slices.ContainsFunc(got, func(line string) bool { return strings.Contains("|"+line, want) }) {
				t.Errorf("%s: no %q in %q", c.name, want, got)
			}
		}
		for _, line := range got {
			if slices.Contains(c.not, strings.Split(line, "|")[1]) {
				t.Errorf("%s: %q is an entity: %q", c.name, strings.Split(line, "|")[1], got)
			}
		}
	}
}

// TestEntityScanBesideQuotes runs the part of entity extraction that
// needs neither turns nor quotes, from the labels alone, while the turns,
// sections and quotes are found, as Extract does, and checks that the
// entities and the work counted are Extract's. With -race it also checks
// that the scan shares nothing it writes with the others.
func TestEntityScanBesideQuotes(t *testing.T) {
	for _, in := range []Input{
		{Name: SampleName, Data: Sample},
		{Name: "article.txt", Data: modeltest.Article(64 << 10)},
	} {
		t.Run(in.Name, func(t *testing.T) {
			d, err := Read(in)
			if err != nil {
				t.Fatal(err)
			}
			want := Extract(d)
			x := newIndex(d.Paragraphs)
			labels := findLabels(d, x)
			scanned := make(chan *entityScanner)
			go func() { scanned <- scanEntities(d, x, voicesOf(len(d.Paragraphs), nil, labels)) }()
			turns, stage := findTurns(d, x, labels)
			voices := voicesOf(len(d.Paragraphs), turns, labels)
			exchanges := pairExchanges(d, x, turns, stage, voices)
			findSections(d, x, exchanges, voices)
			quotes := findQuotes(d, x, turns, voices)
			got := (<-scanned).finish(turns, quotes)
			if !reflect.DeepEqual(got, want.Entities) {
				t.Errorf("entities differ from Extract's:\n got %v\nwant %v", got, want.Entities)
			}
			if x.work != want.work {
				t.Errorf("work counted %d, Extract counts %d", x.work, want.work)
			}
		})
	}
}

// TestSortMentionsIsTheSort checks that sortMentions, which leaves
// mentions already in order as they are, gives what sorting every
// group's mentions by paragraph and start and dropping repeats gives:
// in order, the runs of two groups or of five merged, repeated, and two
// at one start.
func TestSortMentionsIsTheSort(t *testing.T) {
	var merged []mention
	for k := range 40 {
		merged = append(merged, newMention(k, 10, 14))
	}
	for k := range 30 {
		merged = append(merged, newMention(k*2, 3, 9), newMention(k*2+1, 20, 24))
	}
	var five, three []mention // five groups' runs merged; three, the last repeating one of the first's
	for r := range 5 {
		for k := range 20 - r {
			five = append(five, newMention(k*5+r, r, r+4))
		}
	}
	for r := range 3 {
		for k := range 10 {
			three = append(three, newMention(k*3+r%2, 7, 9))
		}
	}
	for _, ms := range [][]mention{
		nil,
		five,
		three,
		{newMention(0, 4, 8)},
		{newMention(0, 4, 8), newMention(0, 12, 16), newMention(3, 0, 2)},
		merged,
		{newMention(2, 4, 8), newMention(2, 4, 8), newMention(1, 0, 3)},
		{newMention(0, 1, 2), newMention(0, 1, 2), newMention(1, 0, 1)},
		{newMention(1, 4, 8), newMention(1, 4, 12), newMention(0, 4, 8), newMention(1, 4, 8)},
	} {
		var want []Mention
		for _, m := range ms {
			want = append(want, m.toMention())
		}
		slices.SortFunc(want, func(a, b Mention) int {
			return cmp.Or(cmp.Compare(a.Paragraph, b.Paragraph), cmp.Compare(a.Start, b.Start))
		})
		want = slices.Compact(want)
		var got []Mention
		for _, m := range sortMentions(slices.Clone(ms)) {
			got = append(got, m.toMention())
		}
		if !slices.Equal(got, want) {
			t.Errorf("sortMentions(%v) = %v, want %v", ms, got, want)
		}
	}
}

// TestScannerSetsHaveClasses checks that the word sets the entity
// scanner asks of words by their classes (see entityScanner.in) have a
// class: one without would read as empty there.
func TestScannerSetsHaveClasses(t *testing.T) {
	lx := words()
	for name, set := range map[string]wordSet{
		"companyCues": lx.companyCues, "companySuffixes": lx.companySuffixes, "nameParticles": lx.nameParticles,
		"orgConnectors": lx.orgConnectors, "orgWords": lx.orgWords, "placeCues": lx.placeCues,
		"placeWords": lx.placeWords, "stopWords": lx.stopWords, "titleConnectors": lx.titleConnectors,
	} {
		if set.class == 0 {
			t.Errorf("%s has no class", name)
		}
	}
}

// TestScanTraitsTheAndOf checks that the traits read before the scan
// mark "the" and "of" as strings.EqualFold finds them, and nothing else.
func TestScanTraitsTheAndOf(t *testing.T) {
	for _, w := range []string{"the", "The", "THE", "tHe", "of", "Of", "OF", "oF", "thee", "off", "o", "th", "theatre", "Ofsted", "þe", "ōf"} {
		if got, want := scanTraitsOf(w)&scanThe != 0, strings.EqualFold(w, "the"); got != want {
			t.Errorf("%q: scanThe %v, want %v", w, got, want)
		}
		if got, want := scanTraitsOf(w)&scanOf != 0, strings.EqualFold(w, "of"); got != want {
			t.Errorf("%q: scanOf %v, want %v", w, got, want)
		}
	}
}

// TestWordNamesAreTheNames checks that what the scanner knows of a name
// of one word, kept by the word's id (entityScanner.wordNames), is what
// it knows of the name by its text, and that a possessive's stem is not
// taken for the word. The text is our own.
func TestWordNamesAreTheNames(t *testing.T) {
	text := "Tolland sold the pier to Harbour Lines. Tolland's mayor, Mara Quillon, said Tolland would gain.\n\n" +
		"Quillon met Vesta in Tolland. Vesta's ferry left; Vesta said the ferry of Harbour Lines was late.\n"
	d, err := Read(Input{Name: "pier.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	x, _, voices := turnsOf(d)
	s := scanEntities(d, x, voices)
	known := 0
	for id, r := range s.wordNames {
		if r == nil {
			continue
		}
		known++
		if w := x.vocab[id]; s.names[w] != r {
			t.Errorf("%q: by id %+v, by text %+v", w, r, s.names[w])
		}
	}
	if known < 3 || s.names["Vesta"] == nil || s.wordNames[slices.Index(x.vocab, "Vesta's")] != nil {
		t.Errorf("names of one word by id: %d; want Tolland, Quillon and Vesta, not Vesta's", known)
	}
}

// BenchmarkScanEntities measures the part of entity extraction that needs
// no quotes (scanEntities) on the inputs BenchmarkExtract reads, with the
// key phrases, which findSections may count before, counted once outside.
func BenchmarkScanEntities(b *testing.B) {
	benchDocuments(b, func(b *testing.B, d *Document) {
		x, _, voices := turnsOf(d)
		x.phraseStats(d.Paragraphs, voices)
		for b.Loop() {
			scanEntities(d, x, voices)
		}
	})
}

// TestScanMidCapsCountsEveryWord checks that scanMidCaps, which counts
// words by their index ids, finds the words a word-by-word count of the
// text finds: those in lower case, those capitalised alone inside a
// sentence (possessives by their stem), none in a speaker's label or a
// heading, and whether the text is about business. The text is our own.
func TestScanMidCapsCountsEveryWord(t *testing.T) {
	text := "The Ferry Timetable\n\n" +
		"MARA: The ferry leaves at dawn, and Tolland's pier is busy. The company said the ferry is late.\n\n" +
		"JON: Is the Company late again? the ferry's owner asked. Tolland said: \"Yes, the firm is late.\"\n\n" +
		"Mara Quillon, the CEO of Harbour Lines, said the shareholders' meeting was at Tolland Hall.\n\n" +
		"Harbour Lines sold shares; the company's profit rose, Quillon said, and the market agreed.\n"
	d, err := Read(Input{Name: "ferry.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	x := newIndex(d.Paragraphs)
	voices := voicesOf(len(d.Paragraphs), nil, findLabels(d, x))
	s := scanEntities(d, x, voices)

	lower, midCaps := map[string]int{}, map[string]int{}
	cues, total := 0, 0
	for i, p := range d.Paragraphs {
		if p.Heading || isHeadingLine(p.Text, maxHeadingWords) {
			continue
		}
		from, to := x.sentences(i)
		for n := from; n < to; n++ {
			sn := x.sentence(p.Text, n)
			for k := range sn.len() {
				if sn.start(k) < voices[i].body {
					continue
				}
				w := sn.word(k)
				total++
				if isBusinessWord(w) {
					cues++
				}
				switch {
				case unicode.IsLower([]rune(w)[0]):
					lower[w]++
				case k > 0 && isCapitalized(w) && !startsClause(&sn, k) && (sn.broken(k) || !isNameToken(sn.word(k-1))):
					stem, _ := cutPossessive(w)
					midCaps[stem]++
				}
			}
		}
	}
	if !reflect.DeepEqual(s.lower, lower) {
		t.Errorf("lower-case words %v, want %v", s.lower, lower)
	}
	if !reflect.DeepEqual(s.midCaps, midCaps) {
		t.Errorf("capitalised words %v, want %v", s.midCaps, midCaps)
	}
	if business := cues >= businessCueMin && cues*businessCueRate >= total; s.business != business || !business {
		t.Errorf("business %v, want %v (%d cues in %d words)", s.business, business, cues, total)
	}
	if lower["ferry"] != 2 || lower["ferry's"] != 1 || midCaps["Tolland"] != 2 || midCaps["Company"] != 1 {
		t.Errorf("the word-by-word count itself is wrong: %v %v", lower, midCaps)
	}
}

// TestIsMonth checks isMonth, a lookup, against the months spelt out: each
// in full, its first three letters and "Sept", in any case and with a full
// stop, and words that only start like one.
func TestIsMonth(t *testing.T) {
	full := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	want := func(w string) bool {
		w = strings.TrimSuffix(strings.ToLower(w), ".")
		for _, m := range full {
			if w == m || len(w) == 3 && strings.HasPrefix(m, w) || w == "sept" {
				return true
			}
		}
		return false
	}
	var ws []string
	for _, m := range append(full, "sept", "ju", "marc", "decem", "mayor", "janus", "octo") {
		for _, v := range []string{m, m[:min(3, len(m))], strings.ToUpper(m), strings.ToUpper(m[:1]) + m[1:]} {
			ws = append(ws, v, v+".")
		}
	}
	for _, w := range ws {
		if got := isMonth(w); got != want(w) {
			t.Errorf("isMonth(%q) = %v, want %v", w, got, want(w))
		}
	}
}
