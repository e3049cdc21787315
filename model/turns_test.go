package model

import (
	"strings"
	"testing"
)

// TestClosingsInPartsAreOneByOne checks that closings, which reads the
// paragraphs of a large document in parts on several goroutines, records
// for every unlabelled paragraph after the first label what closesTurn
// says of it alone, and that the turns end where it says.
func TestClosingsInPartsAreOneByOne(t *testing.T) {
	const record = "CHAIR: The committee will come to order. Who is first?\n\n" +
		"MARA LIND, having affirmed, gave evidence as follows:\n\n" +
		"MS. LIND: I farm the north bank.\n\nThe water rose in March.\n\n" +
		"Editor's note: the record was shortened.\n\n" +
		"CHAIR: Thank you.\n\nEND\n\n"
	text := "Evidence to the committee\n\nThe hearing began at ten.\n\n" + strings.Repeat(record, 2*parallelIndexSize/len(record)+1)
	d, err := Read(Input{Name: "record.txt", Data: []byte(text)})
	if err != nil {
		t.Fatal(err)
	}
	x := newIndex(d.Paragraphs)
	labels := findLabels(d, x)
	labelled := make([]bool, len(d.Paragraphs))
	first := len(d.Paragraphs)
	for i := range labels {
		labelled[i] = true
		first = min(first, i)
	}
	closes := closings(d.Paragraphs, x, labelled)
	n := 0
	for i, p := range d.Paragraphs {
		if want := i > first && !labelled[i] && closesTurn(p, x, i); closes[i] != want {
			t.Errorf("paragraph %d %q: closes %v, read alone %v", i, p.Text, closes[i], want)
		}
		if closes[i] {
			n++
		}
	}
	if n < 3*len(d.Paragraphs)/8 {
		t.Fatalf("%d of %d paragraphs close a turn: want the sworn line, the note and END of each record", n, len(d.Paragraphs))
	}
	for _, turn := range labelledTurns(d.Paragraphs, x, labels) {
		for i := turn.Start + 1; i < turn.End; i++ {
			if closes[i] {
				t.Errorf("turn %d-%d holds paragraph %d %q, which closes turns", turn.Start, turn.End, i, d.Paragraphs[i].Text)
			}
		}
	}
}

// BenchmarkTurns measures the steps of Extract that run before any other
// can start: the index, the labels, the turns and the exchanges.
func BenchmarkTurns(b *testing.B) {
	benchDocuments(b, func(b *testing.B, d *Document) {
		for b.Loop() {
			x := newIndex(d.Paragraphs)
			labels := findLabels(d, x)
			turns, stage := findTurns(d, x, labels)
			pairExchanges(d, x, turns, stage, voicesOf(len(d.Paragraphs), turns, labels))
		}
	})
}
