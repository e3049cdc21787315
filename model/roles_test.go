package model

import (
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
	readAsks(views, speakers)
	asks := 0
	for k, v := range views {
		if want := !v.stage && turnAsks(v.text, speakers); v.asks != want {
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
