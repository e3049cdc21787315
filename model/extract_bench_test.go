package model

import (
	"testing"

	"github.com/lede-tui/lede/model/modeltest"
)

// BenchmarkParse measures reading bytes into paragraphs: decode,
// sanitize, split and boilerplate removal, before any extraction.
func BenchmarkParse(b *testing.B) {
	for _, in := range modeltest.Inputs(Sample) {
		b.Run(in.Name, func(b *testing.B) {
			b.SetBytes(int64(len(in.Data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(Input{Name: "bench", Data: in.Data}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExtract measures the full extraction of a read document.
func BenchmarkExtract(b *testing.B) {
	benchDocuments(b, func(b *testing.B, d *Document) {
		for b.Loop() {
			Extract(d)
		}
	})
}

// benchDocuments runs bench on each input BenchmarkExtract reads, read
// into a document, with its bytes set as the work of an operation and
// allocations reported. What bench does before b.Loop is not timed.
func benchDocuments(b *testing.B, bench func(b *testing.B, d *Document)) {
	for _, in := range modeltest.Inputs(Sample) {
		b.Run(in.Name, func(b *testing.B) {
			d, err := Read(Input{Name: "bench", Data: in.Data})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(in.Data)))
			b.ReportAllocs()
			bench(b, d)
		})
	}
}

// turnsOf runs the steps of Extract that the later ones take: the index,
// the labels and turns, and every paragraph's voice.
func turnsOf(d *Document) (*textIndex, []Turn, []voice) {
	x := newIndex(d.Paragraphs)
	labels := findLabels(d, x)
	turns, _ := findTurns(d, x, labels)
	return x, turns, voicesOf(len(d.Paragraphs), turns, labels)
}
