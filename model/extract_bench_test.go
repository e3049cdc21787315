package model

import (
	"testing"

	"github.com/lede-tui/lede/model/modeltest"
)

// benchInputs are the sample and the generated articles, by name.
func benchInputs() []struct {
	name string
	data []byte
} {
	in := []struct {
		name string
		data []byte
	}{{"sample", Sample}}
	for _, s := range modeltest.Sizes {
		in = append(in, struct {
			name string
			data []byte
		}{s.Name, modeltest.Article(s.Bytes)})
	}
	return in
}

// BenchmarkParse measures reading bytes into paragraphs: decode,
// sanitize, split and boilerplate removal, before any extraction.
func BenchmarkParse(b *testing.B) {
	for _, in := range benchInputs() {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read("bench", in.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkExtract measures the full extraction of a read document.
func BenchmarkExtract(b *testing.B) {
	for _, in := range benchInputs() {
		b.Run(in.name, func(b *testing.B) {
			d, err := Read("bench", in.data)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				d.Extract()
			}
		})
	}
}
