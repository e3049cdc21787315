package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// headShelf is a shelf at 120x40 of a large generated article, opened
// head first with its whole from ReadWhole, and a small one, its rows
// loaded; reads counts the reads of the large article's whole.
func headShelf(t *testing.T) (s *testShelf, head, whole *model.Document, reads *int) {
	t.Helper()
	head, whole = headAndWhole(t, "long.txt", modeltest.Article(1<<20))
	path := filepath.Join("..", "testdata", "extract", "harbour-council-news.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	reads = new(int)
	sources := []Source{
		{
			Name: "long.txt",
			Load: func() (*model.Document, error) { return whole, nil },
			Open: func() (Opened, error) {
				return Opened{Doc: head, ReadWhole: func() (*model.Document, error) {
					*reads++
					return whole, nil
				}}, nil
			},
		},
		{Name: path, Load: func() (*model.Document, error) { return model.Read(model.Input{Name: path, Data: data}) }},
	}
	s = testShelfOf(NewShelf(sources, Options{Style: StyleNoTTY}))
	s.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	run(s, s.Init())
	return s, head, whole, reads
}

// openHead sends cmd, which opens a document of s, and the message it
// brings to s, and returns the messages of the reader's first command,
// unsent.
func openHead(t *testing.T, s *testShelf, cmd tea.Cmd) []tea.Msg {
	t.Helper()
	if cmd == nil {
		t.Fatal("nothing opens the document")
	}
	opened, ok := cmd().(openedMsg)
	if !ok {
		t.Fatal("the document is not read to be opened")
	}
	_, cmd = s.Update(opened)
	return runCmd(cmd)
}

// sendWhole sends s the whole the messages msgs bring.
func sendWhole(t *testing.T, s *testShelf, msgs []tea.Msg, whole *model.Document) {
	t.Helper()
	msg, ok := messageOf[wholeMsg](msgs)
	if !ok || msg.doc != whole {
		t.Fatal("the reader of the head does not read the whole")
	}
	_, cmd := s.Update(msg)
	run(s, cmd)
}

func TestShelfOpensALargeDocumentHeadFirst(t *testing.T) {
	s, head, whole, reads := headShelf(t)
	_, cmd := s.Update(keyMsg("enter"))
	msgs := openHead(t, s, cmd)
	e := s.entries[0]
	if s.open != 0 || e.reader.doc != head || !e.reader.reading {
		t.Fatalf("showing %d, the head shown %v, reading %v", s.open, e.reader.doc == head, e.reader.reading)
	}
	if first := head.Paragraphs[1].Text[:40]; !strings.Contains(shelfScreen(s), first) {
		t.Fatalf("the head's first screen lacks %q:\n%s", first, shelfScreen(s))
	}
	if e.textSize != textSize(head) {
		t.Fatalf("the head counts %d bytes against the budget, want %d", e.textSize, textSize(head))
	}
	sendWhole(t, s, msgs, whole)
	if *reads != 1 || e.reader.doc.Partial() || e.reader.reading || len(e.reader.doc.Paragraphs) != len(whole.Paragraphs) {
		t.Fatalf("after the whole landed: read %d times, reading %v, %d paragraphs of %d",
			*reads, e.reader.reading, len(e.reader.doc.Paragraphs), len(whole.Paragraphs))
	}
	if e.textSize != textSize(whole) {
		t.Fatalf("the whole counts %d bytes against the budget, want %d", e.textSize, textSize(whole))
	}
	if e.reader.extracting || !e.reader.doc.Extracted() {
		t.Fatal("the whole was not extracted")
	}
}

func TestShelfMatchBeyondTheHeadWaitsForTheWhole(t *testing.T) {
	s, head, whole, _ := headShelf(t)
	far := len(head.Paragraphs) + 50
	text := whole.Paragraphs[far].Text
	word, _, _ := strings.Cut(text, " ")
	at := model.Mention{Paragraph: far, Start: 0, End: len(word)}
	s.setMatches([]TextMatch{{Source: 0, Snippet: "**" + word + "**", At: at}})
	msgs := openHead(t, s, s.openRow(len(s.entries)))
	e := s.entries[0]
	if e.reader.Place() != 0 || e.at == nil {
		t.Fatalf("the head is at paragraph %d, the match waiting %v", e.reader.Place(), e.at != nil)
	}
	sendWhole(t, s, msgs, whole)
	if got := e.reader.article.Cursor(); got != at || e.at != nil {
		t.Fatalf("once the whole landed the reader is at %+v, want the match %+v", got, at)
	}
	if p := e.reader.Place(); p > far || p < far-5 {
		t.Fatalf("the match's paragraph %d is not on screen: the top is %d", far, p)
	}
}

func TestShelfPlaceOfAHeadWaitsForTheWhole(t *testing.T) {
	s, head, whole, reads := headShelf(t)
	far := len(head.Paragraphs) + 50
	s.entries[0].place = far
	s.entries[0].opened = true
	msgs := openHead(t, s, s.openEntry(0))
	e := s.entries[0]
	// Let go of the head before the whole lands: the place still waits.
	s.budget = 0
	shelfPress(s, "backspace", "j", "enter")
	if e.reader != nil || e.place != far {
		t.Fatalf("the head let go: reader kept %v, place %d, want %d", e.reader != nil, e.place, far)
	}
	if _, ok := messageOf[wholeMsg](msgs); !ok {
		t.Fatal("the head did not read the whole")
	}
	shelfPress(s, "backspace", "k")
	msgs = openHead(t, s, s.openEntry(0))
	sendWhole(t, s, msgs, whole)
	if *reads != 2 || e.reader.Place() != far {
		t.Fatalf("reopened after %d reads of the whole at paragraph %d, want %d", *reads, e.reader.Place(), far)
	}
}
