package ui

import (
	"bytes"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/lede-tui/lede/model"
)

// unextracted reads the sample without extracting it.
func unextracted(t *testing.T) *model.Document {
	t.Helper()
	d, err := model.Read(model.Input{Name: model.SampleName, Data: model.Sample})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestBackgroundExtraction(t *testing.T) {
	d := unextracted(t)
	m := testReaderOf(New(d, Options{Style: StyleNoTTY}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if !m.extracting || m.Init() == nil {
		t.Fatal("an unextracted document does not start extraction")
	}
	if s := screen(m); !strings.Contains(s, "Finding questions…") || !strings.Contains(s, "Century-old Brand") {
		t.Fatalf("the first screen lacks the article or the spinner:\n%s", s)
	}
	press(m, "}")
	if !strings.Contains(m.message, "Still reading") {
		t.Fatalf("} during extraction says %q", m.message)
	}
	press(m, "space")
	top := m.article.topParagraph()
	m.Update(extract(d)())
	if m.extracting || len(m.doc.Exchanges) != 2 || len(m.qa.rows) != 2 {
		t.Fatalf("extraction did not land: extracting %v, %d exchanges", m.extracting, len(m.doc.Exchanges))
	}
	if got := m.article.topParagraph(); got != top {
		t.Fatalf("paragraph %d at the top after extraction, want %d", got, top)
	}
	press(m, "}")
	if m.article.mark != m.doc.Exchanges[0].Start && m.article.mark != m.doc.Exchanges[1].Start {
		t.Fatalf("} after extraction marked paragraph %d", m.article.mark)
	}
	if d.Extracted() {
		t.Fatal("background extraction changed the document the reader was showing")
	}
}

func TestProgramExtractsInBackground(t *testing.T) {
	tm := teatest.NewTestModel(t, New(unextracted(t), Options{Style: StyleNoTTY}), teatest.WithInitialTermSize(120, 40))
	// The renderer sends only the cells that change, so wait for a word
	// only the filled sidebar shows, rather than the tab's count.
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("Organisations"))
	}, teatest.WithDuration(30*time.Second))
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App).body.(*Model)
	if final.extracting || len(final.doc.Quotes) == 0 {
		t.Fatal("the program quit without the extracted document")
	}
}
