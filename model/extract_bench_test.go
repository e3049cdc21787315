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
	for _, in := range modeltest.Inputs(Sample) {
		b.Run(in.Name, func(b *testing.B) {
			d, err := Read(Input{Name: "bench", Data: in.Data})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(in.Data)))
			b.ReportAllocs()
			for b.Loop() {
				Extract(d)
			}
		})
	}
}
