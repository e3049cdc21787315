package model

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/lede-tui/lede/model/modeltest"
)

// TestExtractLabelsIsLayoutsLabels checks that ExtractLabels puts every
// paragraph's words where Extract does, after the same speaker
// labels, on every document of testdata/ and on the generated interview,
// and does not count as an extraction.
func TestExtractLabelsIsLayoutsLabels(t *testing.T) {
	inputs := []Input{{Name: "generated", Data: modeltest.Article(256 << 10)}}
	for _, name := range testdataFiles(t) {
		data, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{Name: name, Data: data})
	}
	labelled := 0
	for _, in := range inputs {
		d, err := Read(in)
		if err != nil {
			t.Fatal(err)
		}
		layout, labels := Extract(d), ExtractLabels(d)
		if len(labels.Annotations) != len(d.Paragraphs) {
			t.Fatalf("%s: %d annotations for %d paragraphs", in.Name, len(labels.Annotations), len(d.Paragraphs))
		}
		for i := range d.Paragraphs {
			if got, want := labels.Annotations[i].Body, layout.Annotations[i].Body; got != want {
				t.Errorf("%s: paragraph %d's words begin at %d, want %d", in.Name, i, got, want)
			}
			if labels.Annotations[i].Body > 0 {
				labelled++
			}
		}
		if d.WithExtraction(labels).Extracted() {
			t.Errorf("%s: the labels count as an extraction", in.Name)
		}
	}
	if labelled == 0 {
		t.Error("no document has a speaker label: the test checks nothing")
	}
}
