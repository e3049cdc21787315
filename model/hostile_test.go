package model

import (
	"strings"
	"testing"

	"github.com/lede-tui/lede/model/modeltest"
)

// TestHostileCorpus reads every hostile input in every container, as the
// reader and the printer do, and extracts it: the document keeps the
// model's invariants, and no text in it could change the terminal or hide
// words (see modeltest.Unsafe).
func TestHostileCorpus(t *testing.T) {
	for _, in := range modeltest.Hostile() {
		_, container, _ := strings.Cut(in.Name, "/")
		d, err := Read(Input{Name: container, Data: in.Data})
		if err != nil {
			t.Fatalf("%s: %v", in.Name, err)
		}
		d.Extraction = Extract(d)
		checkDocument(t, d)
		texts := []string{d.Title, d.Byline, d.Source, d.Date}
		for i, p := range d.Paragraphs {
			texts = append(texts, p.Text, d.Annotation(i).Speaker)
		}
		for _, e := range d.Entities {
			texts = append(texts, e.Name)
		}
		for _, s := range texts {
			if why := modeltest.Unsafe(s); why != "" {
				t.Fatalf("%s: %s in %q", in.Name, why, s)
			}
		}
	}
}
