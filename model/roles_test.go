package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestReadAsksInPartsIsOneByOne checks that readAsks, which reads the
// turns of a large document in parts on several goroutines, records for
// every turn what turnAsks and countWords say of it read alone.
func TestReadAsksInPartsIsOneByOne(t *testing.T) {
	const exchange = "INTERVIEWER: How did the harvest go this year?\n\n" +
		"MARA LIND: It was the best in a decade, and the rain came on time.\n\n" +
		"INTERVIEWER: Tell me about the first winter.\n\n" +
		"MARA LIND: Cold. We burned the fence posts. Would you have done otherwise?\n\n"
	text := "Mara Lind on the farm\n\n" + strings.Repeat(exchange, 2*parallelIndexSize/len(exchange)+1)
	d, err := Read(Input{Name: "big.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	x := newIndex(d.Paragraphs)
	labels := findLabels(d, x)
	turns := labelledTurns(d.Paragraphs, x, labels)
	views := viewTurns(d, x, turns, labels)
	speakers := labelSpeakers(turns)
	readAsks(d.Paragraphs, x, views, speakers)
	asks := 0
	for k, v := range views {
		if want := !v.stage && turnAsks(v.text, appendSentences(nil, v.text), speakers); v.asks != want {
			t.Errorf("turn %d: asks %v, read alone %v", k, v.asks, want)
		}
		if want := countWords(v.text); !v.stage && v.words != want {
			t.Errorf("turn %d: %d words, counted alone %d", k, v.words, want)
		}
		if v.asks {
			asks++
		}
	}
	if len(views) < 2 || asks == 0 || asks == len(views) {
		t.Fatalf("%d turns, %d ask: the document should have turns that ask and turns that do not", len(views), asks)
	}
}

// TestTurnSentencesSplitTheTurnsText checks that the sentences of a turn
// taken from its paragraphs in the index are those of its joined text,
// where paragraphs meet inside a sentence, after an abbreviation, before
// a lower-case word, without a full stop, in another script, after a
// label with no words, and after labels that read a full stop and a word
// differently; and so in every article of testdata/.
func TestTurnSentencesSplitTheTurnsText(t *testing.T) {
	docs := []string{
		"A cold year\n\nHOST: Welcome back. We met Dr. Lind in the U.S.\n\nLater that year she moved.\n\n" +
			"GUEST: It was cold in Jan.\n\nand wet too, she said. Wasn't it?\n\n" +
			"HOST: The list ran on without a stop\n\nthen ended (here).\n\n" +
			"GUEST:\n\n“Go home.”\n\n“Now?” he asked… Maybe.\n\n",
		"Harbour talk\n\n**Q:**Dr. Byrne, what now?\n\nThe harbour. Tell me.\n\n**A:** No. Ms.\n\nByrne left.\n\n" +
			"**Q:**U.S. ports? And then?\n\n**A:** 港口很好。\n\n我们走吧！\n\n",
		"Smith on Smith\n\nQ. Dr. Smith wrote it? Yes.\n\nA. No, J. R. did. Ask him.\n\nQ. Why?\n\nA. Because.\n\n",
	}
	check := func(name string, d *Document) {
		t.Helper()
		x := newIndex(d.Paragraphs)
		labels := findLabels(d, x)
		turns := labelledTurns(d.Paragraphs, x, labels)
		for k, v := range viewTurns(d, x, turns, labels) {
			got := turnSentences(nil, d.Paragraphs, x, &v)
			if want := appendSentences(nil, v.text); !slices.Equal(got, want) {
				t.Errorf("%s, turn %d %q: sentences %v, split alone %v", name, k, v.text, got, want)
			}
		}
	}
	for k, doc := range docs {
		d, err := Read(Input{Name: "turns.md", Data: []byte(doc)})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(labelledTurns(d.Paragraphs, newIndex(d.Paragraphs), findLabels(d, newIndex(d.Paragraphs)))); n < 4 {
			t.Fatalf("document %d: %d turns, want the labelled ones", k, n)
		}
		check(fmt.Sprintf("document %d", k), d)
	}
	for _, name := range testdataFiles(t) {
		check(name, parseTestdata(t, name))
	}
}

// TestSentenceAsksAsEndsWithQuestion checks that looking for a question
// mark first changes nothing of which sentences ask.
func TestSentenceAsksAsEndsWithQuestion(t *testing.T) {
	for _, s := range []string{
		"Why?", "Why now?”", "And then? —", "You went back?…", "你去了吗？", "你去了吗？」",
		"Why? No.", "He said it.", "“Is it?” she asked.", "Is it ?", "", "?", "？",
	} {
		if got, want := sentenceAsks(s), endsWithQuestion(s); got != want {
			t.Errorf("sentenceAsks(%q) = %v, endsWithQuestion %v", s, got, want)
		}
	}
}

// TestIsSelfAnswerAsTheExpression holds isSelfAnswer, which reads a
// text's first byte before the expression, to selfAnswerRe: each of a
// chair's answers, in any case and after any spaces, with its first
// letter replaced by every ASCII byte and by a long s, is one exactly
// when the expression matches it.
func TestIsSelfAnswerAsTheExpression(t *testing.T) {
	matched := 0
	for _, a := range []string{
		"Hearing none, so ordered.", "seeing none", "WITHOUT OBJECTION, it is agreed.", "None being heard.",
		"So ordered.", "so what?", "Nobody objected.", "", " ", "Why?",
	} {
		for _, lead := range []string{"", " ", "\t\n ", "\u00a0"} {
			variants := []string{lead + a, lead + strings.ToUpper(a), lead + "ſ" + a[min(1, len(a)):]}
			for c := range 0x80 {
				if a != "" {
					variants = append(variants, lead+string(rune(c))+a[1:])
				}
			}
			for _, s := range variants {
				want := selfAnswerRe.MatchString(s)
				if got := isSelfAnswer(s); got != want {
					t.Errorf("isSelfAnswer(%q) = %v, selfAnswerRe %v", s, got, want)
				}
				if want {
					matched++
				}
			}
		}
	}
	if matched < 30 {
		t.Fatalf("only %d of the variants are a chair's answers", matched)
	}
}

// TestFindAskersTie checks that when two speakers say as many words, the
// first to speak is the one who says the most, every time: the askers
// do not hang on the order a map is read in.
func TestFindAskersTie(t *testing.T) {
	turns := []Turn{{Speaker: "Ama"}, {Speaker: "Bo"}, {Speaker: "Bo"}, {Speaker: "Bo"}}
	views := []turnView{{asks: true, words: 18}, {words: 6}, {words: 6}, {words: 6}}
	for range 200 {
		if got := findAskers(turns, views); len(got) != 0 {
			t.Fatalf("findAskers = %v, want none: Ama, who speaks first, says the most, in too few turns for a host", got)
		}
	}
}

// TestFindAskersHost checks that a host who says the most, opening a
// talk at length, asks when nobody else stands apart as one who asks: it
// asks far more often than the guests and takes many of the turns. A
// speaker who says the most but asks no more often than another does not.
func TestFindAskersHost(t *testing.T) {
	turns := []Turn{{Speaker: "Kit"}, {Speaker: "Ann"}, {Speaker: "Kit"}, {Speaker: "Bo"}, {Speaker: "Kit"}, {Speaker: "Bo"}, {Speaker: "Kit"}}
	views := []turnView{{asks: true, words: 60}, {words: 20}, {asks: true, words: 12}, {words: 25}, {asks: true, words: 15}, {asks: true, words: 20}, {words: 8}}
	if got := findAskers(turns, views); len(got) != 1 || got["Kit"].rate != 0.75 {
		t.Errorf("findAskers = %v, want Kit, the host, asking in 3 of 4 turns", got)
	}
	views[1].asks = true // Ann asks as often as Bo: the host no longer asks 1.5 times as often as each
	views[3].asks = true
	if got := findAskers(turns, views); len(got) != 0 {
		t.Errorf("findAskers = %v, want none", got)
	}
}

// TestIntervieweeTalksToTheWriter checks that when the opening says the
// interviewee talked to the writer the byline names, the writer asks and
// the interviewee answers, and not the writer both.
func TestIntervieweeTalksToTheWriter(t *testing.T) {
	text := "---\nauthor: Nell Parrish\n---\n\n# A life in boats\n\n" +
		"*The boatbuilder Idris Maro, whose yard built the last ferry, talked to Nell Parrish about wood and weather.*\n\n" +
		"**When did you start building?**\n\nAt fourteen, in my uncle's yard on the estuary.\n\n" +
		"**What wood do you like best?**\n\nLarch, for the hull, and oak for the frames.\n"
	d, err := Parse(Input{Name: "boats.md", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Exchanges) != 2 {
		t.Fatalf("%d exchanges, want 2", len(d.Exchanges))
	}
	for _, e := range d.Exchanges {
		if e.Asker != "Nell Parrish" || e.Answerer != "Idris Maro" {
			t.Errorf("%s asks and %s answers, want Nell Parrish and Idris Maro", e.Asker, e.Answerer)
		}
	}
}
