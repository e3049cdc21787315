package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// readerOf makes a colourless reader at 120 by 40 of a document in the
// repository's testdata/extract.
func readerOf(t *testing.T, name string) *testReader {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "extract", name))
	if err != nil {
		t.Fatal(err)
	}
	d, err := model.Parse(model.Input{Name: name, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	m := testReaderOf(New(d, Options{Style: StyleNoTTY}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return m
}

// TestQARowsNameBothSides checks that each row of the Q&A pane names the
// one who asks and everyone who answers, by full name, not by label.
func TestQARowsNameBothSides(t *testing.T) {
	m := readerOf(t, "panel-several-answerers.md")
	rows := qaRows(m.doc)
	if len(rows) == 0 {
		t.Fatal("the panel has no exchanges")
	}
	several := false
	for i, r := range rows {
		e := m.doc.Exchanges[i]
		want := e.Asker + " → " + strings.Join(e.Answerers, ", ")
		if r.detail != want {
			t.Errorf("row %d names %q, want %q", i, r.detail, want)
		}
		if strings.Contains(r.detail, "Moderator") {
			t.Errorf("row %d names a label, not a person: %q", i, r.detail)
		}
		several = several || len(e.Answerers) > 1
	}
	if !several {
		t.Error("no exchange of the panel has several answerers")
	}
}

// TestNoQuestionsSaysSo checks that a document without questions does not
// offer the question keys in the hint, marks them in the help, and says
// so when they are pressed; a document with questions offers them.
func TestNoQuestionsSaysSo(t *testing.T) {
	m := readerOf(t, "news-no-qa.txt")
	if len(m.doc.Exchanges) != 0 {
		t.Fatalf("the news story has %d exchanges", len(m.doc.Exchanges))
	}
	if s := screen(m); strings.Contains(s, "next question") {
		t.Errorf("the hint offers the question keys:\n%s", s)
	}
	press(m, "}")
	if s := screen(m); !strings.Contains(s, "No questions in this article.") {
		t.Errorf("} does not say there are no questions:\n%s", s)
	}
	press(m, "?")
	if s := screen(m); !strings.Contains(s, "next question (none)") {
		t.Errorf("the help does not mark the question keys:\n%s", s)
	}
	if s := screen(newReader(t, 120, 40)); !strings.Contains(s, "} next question") {
		t.Errorf("the hint of an interview lacks the question keys:\n%s", s)
	}
}
