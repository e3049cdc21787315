package ui

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// headAndWhole reads data named name with model.ReadHead and with
// model.Read; the head must be partial.
func headAndWhole(t *testing.T, name string, data []byte) (head, whole *model.Document) {
	t.Helper()
	head, err := model.ReadHead(model.Input{Name: name, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	whole, err = model.Read(model.Input{Name: name, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	if !head.Partial() {
		t.Fatalf("%s: the head of %d bytes is the whole", name, len(data))
	}
	return head, whole
}

// readerOfHead makes a colourless reader of head at 120x40, with memory
// mem (or none), whose whole is whole, or err when it cannot be read.
func readerOfHead(head, whole *model.Document, err error, mem Memory) *testReader {
	opts := Options{Style: StyleNoTTY, Memory: mem, ReadWhole: func() (*model.Document, error) { return whole, err }}
	m := testReaderOf(New(head, opts))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return m
}

// runCmd runs cmd and the commands of the batches it returns, as the
// program does, and returns the messages they bring.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var msgs []tea.Msg
		for _, c := range msg {
			msgs = append(msgs, runCmd(c)...)
		}
		return msgs
	case nil:
		return nil
	default:
		return []tea.Msg{msg}
	}
}

// messageOf is the first message of msgs of type T, and whether there
// is one.
func messageOf[T tea.Msg](msgs []tea.Msg) (T, bool) {
	for _, msg := range msgs {
		if m, ok := msg.(T); ok {
			return m, true
		}
	}
	var zero T
	return zero, false
}

// samePanes reports how the panes of head, a reader of a document's
// head, differ from those of whole, a reader of the whole, or "": the
// line under the title may differ by the reading time alone, which only
// the whole has.
func samePanes(head, whole *testReader) string {
	got := strings.Split(ansi.Strip(head.Model.View()), "\n")
	want := strings.Split(ansi.Strip(whole.Model.View()), "\n")
	if len(got) != len(want) {
		return fmt.Sprintf("%d lines, the whole's %d", len(got), len(want))
	}
	for i := range got {
		if w := readingTimeFact.ReplaceAllString(want[i], ""); w != want[i] {
			if strings.Fields(got[i])[0] != strings.Fields(w)[0] {
				return fmt.Sprintf("line %d is\n%s\nthe whole's\n%s", i, got[i], want[i])
			}
			continue
		}
		if got[i] != want[i] {
			return fmt.Sprintf("line %d is\n%s\nthe whole's\n%s", i, got[i], want[i])
		}
	}
	return ""
}

// readingTimeFact is the reading time under the title.
var readingTimeFact = regexp.MustCompile(` · \d+ min read`)

// longMarkdown is a generated article in Markdown whose first paragraph
// links to a report defined at its end.
func longMarkdown() []byte {
	text := string(modeltest.Markdown(1 << 20))
	title, rest, _ := strings.Cut(text, "\n\n")
	return []byte(title + "\n\nThe council published [the ferry report][report] on Monday.\n\n" + rest + "\n[report]: https://example.com/ferry-report\n")
}

func TestHeadShowsTheFirstScreenOfTheWhole(t *testing.T) {
	for name, data := range map[string][]byte{
		"long.txt":  modeltest.Article(1 << 20),
		"long.md":   longMarkdown(),
		"long.html": modeltest.HTML(1 << 20),
	} {
		head, whole := headAndWhole(t, name, data)
		m := readerOfHead(head, whole, nil, nil)
		w := testReaderOf(New(whole, Options{Style: StyleNoTTY}))
		w.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if diff := samePanes(m, w); diff != "" {
			t.Errorf("%s: on the head's first screen %s", name, diff)
		}
		m.Update(wholeMsg{of: head, doc: whole})
		if got, want := ansi.Strip(m.Model.View()), ansi.Strip(w.Model.View()); got != want {
			t.Errorf("%s: once the whole lands the screen is\n%s\nthe whole's\n%s", name, got, want)
		}
	}
}

func TestWholeKeepsThePlace(t *testing.T) {
	// A banner above the article: the stream reader of the head keeps
	// it, Readability's reading of the whole leaves it out, so every
	// paragraph of the whole stands one before the head's.
	page := strings.Replace(string(modeltest.HTML(1<<20)), "<article>",
		"<div class=\"sidebar\"><p>Winter sale: umbrellas at half price in every shop of the harbour town, this week only.</p></div><article>", 1)
	head, whole := headAndWhole(t, "banner.html", []byte(page))
	if !strings.HasPrefix(head.Paragraphs[0].Text, "Winter sale") || head.Paragraphs[1].Text != whole.Paragraphs[0].Text {
		t.Fatalf("the head does not have the banner the whole lacks: %q, %q", head.Paragraphs[0].Text, whole.Paragraphs[0].Text)
	}
	txtHead, txtWhole := headAndWhole(t, "long.txt", modeltest.Article(1<<20))
	for name, docs := range map[string][2]*model.Document{"banner.html": {head, whole}, "long.txt": {txtHead, txtWhole}} {
		m := readerOfHead(docs[0], docs[1], nil, nil)
		press(m, "space", "space", "space", "j", "j", "j")
		p, off := m.article.readingPlace()
		before := docs[0].Paragraphs[p].Text[off:]
		top := strings.Split(ansi.Strip(m.article.View()), "\n")[0]
		m.Update(wholeMsg{of: docs[0], doc: docs[1]})
		if m.doc != docs[1] || m.reading {
			t.Fatalf("%s: the whole did not land", name)
		}
		p, off = m.article.readingPlace()
		if after := docs[1].Paragraphs[p].Text[off:]; after != before {
			t.Errorf("%s: the reader's place moved from %q to %q", name, before, after)
		}
		if got := strings.Split(ansi.Strip(m.article.View()), "\n")[0]; got != top {
			t.Errorf("%s: the top line was %q, is %q", name, top, got)
		}
	}
}

func TestKeysWaitForTheWhole(t *testing.T) {
	head, whole := headAndWhole(t, "long.txt", modeltest.Article(1<<20))
	mem := &notebook{}
	m := readerOfHead(head, whole, nil, mem)
	for _, k := range []string{"/", "G", "m", "H", "]"} {
		m.message = ""
		press(m, k)
		if !strings.HasPrefix(m.message, "Still reading") || m.Capturing() {
			t.Errorf("%s while the whole is read: message %q, capturing %v", k, m.message, m.Capturing())
		}
	}
	if s := ansi.Strip(m.Status(120)); strings.Contains(s, "%") || strings.Contains(s, "min read") {
		t.Errorf("the status of the head has a share or a reading time of the whole: %q", s)
	}
	press(m, "space")
	if m.message != "" {
		t.Fatalf("a page down in the head says %q", m.message)
	}
	at := m.article.Cursor().Paragraph
	if len(mem.told) != 0 {
		t.Fatalf("the memory was told %v before the whole was read", mem.told)
	}
	m.Update(wholeMsg{of: head, doc: whole})
	if len(mem.told) != 1 || mem.told[0] != at {
		t.Fatalf("once the whole landed the memory was told %v, want the place the key moved to, %d", mem.told, at)
	}
	press(m, "/")
	if !m.Capturing() {
		t.Fatal("/ does not search once the whole is read")
	}
}

func TestEndOfTheHeadSaysTheRestIsComing(t *testing.T) {
	head, _ := headAndWhole(t, "long.txt", modeltest.Article(1<<20))
	m := readerOfHead(head, nil, errors.New("not yet"), nil)
	for i := 0; i < 100 && m.article.Percent() < 100; i++ {
		press(m, "space")
	}
	if !strings.HasPrefix(m.message, "Still reading") {
		t.Fatalf("at the end of the head the reader says %q", m.message)
	}
}

func TestResumeBeyondTheHead(t *testing.T) {
	head, whole := headAndWhole(t, "long.txt", modeltest.Article(1<<20))
	far := len(head.Paragraphs) + 100
	mem := &notebook{paragraph: far, ok: true}
	m := readerOfHead(head, whole, nil, mem)
	msgs := runCmd(m.Init())
	if _, ok := messageOf[recalledMsg](msgs); ok {
		t.Fatal("the memory was asked for its place before the whole was read")
	}
	if _, ok := messageOf[extractedMsg](msgs); ok {
		t.Fatal("the head was extracted")
	}
	got, ok := messageOf[wholeMsg](msgs)
	if !ok || got.doc != whole {
		t.Fatal("the reader of the head does not read the whole")
	}
	_, cmd := m.Update(got)
	msgs = runCmd(cmd)
	recalled, ok := messageOf[recalledMsg](msgs)
	if !ok {
		t.Fatal("the memory was not asked for its place once the whole was read")
	}
	m.Update(recalled)
	if m.Place() != far {
		t.Fatalf("the reader resumed at paragraph %d, want %d past the head", m.Place(), far)
	}
	extracted, ok := messageOf[extractedMsg](msgs)
	if !ok {
		t.Fatal("the whole was not extracted")
	}
	m.Update(extracted)
	if m.extracting || !m.doc.Extracted() || m.Place() != far {
		t.Fatalf("extraction of the whole: extracting %v, at paragraph %d", m.extracting, m.Place())
	}
}

func TestWholeThatCannotBeRead(t *testing.T) {
	head, _ := headAndWhole(t, "long.txt", modeltest.Article(1<<20))
	mem := &notebook{paragraph: 3, ok: true}
	m := readerOfHead(head, nil, errors.New("long.txt: disk gone"), mem)
	msg, ok := messageOf[wholeMsg](runCmd(m.Init()))
	if !ok {
		t.Fatal("the reader of the head does not read the whole")
	}
	_, cmd := m.Update(msg)
	if cmd != nil {
		t.Fatal("a whole that could not be read is extracted or recalled")
	}
	if !strings.Contains(m.message, "Could not read the whole article") || !strings.Contains(m.message, "disk gone") {
		t.Fatalf("message = %q, want why the whole could not be read", m.message)
	}
	if m.reading || m.extracting || m.doc != head {
		t.Fatalf("after the failure: reading %v, extracting %v, head shown %v", m.reading, m.extracting, m.doc == head)
	}
	if s := screen(m); !strings.Contains(s, "only the beginning") || strings.Contains(s, "Finding") {
		t.Fatalf("the lists do not say only the beginning was read:\n%s", s)
	}
	press(m, "]")
	if !strings.Contains(m.message, "Only the beginning") {
		t.Fatalf("] after the failure says %q", m.message)
	}
	press(m, "space", "G", "/", "e", "enter")
	checkScreen(t, m, 120, 40)
	if len(mem.told) != 0 {
		t.Fatalf("the memory was told %v of a document it never had", mem.told)
	}
}

func TestProgramReadsTheWholeOfAHead(t *testing.T) {
	head, whole := headAndWhole(t, "long.txt", modeltest.Article(1<<20))
	opts := Options{Style: StyleNoTTY, ReadWhole: func() (*model.Document, error) { return whole, nil }}
	tm := teatest.NewTestModel(t, New(head, opts), teatest.WithInitialTermSize(120, 40))
	// The sidebar's people show once the whole is read and extracted.
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("People ("))
	}, teatest.WithDuration(60*time.Second))
	tm.Send(keyMsg("q"))
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(*App).body.(*Model)
	if final.reading || final.extracting || final.doc.Partial() || len(final.doc.Paragraphs) != len(whole.Paragraphs) {
		t.Fatalf("the program quit without the whole, extracted: reading %v, extracting %v, %d paragraphs of %d",
			final.reading, final.extracting, len(final.doc.Paragraphs), len(whole.Paragraphs))
	}
}
