package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// notebook is a Memory that holds one place, and the paragraphs and
// places it was told.
type notebook struct {
	paragraph, offset int
	ok                bool
	told              []int
	last              place
}

func (n *notebook) Place() (int, int, bool) { return n.paragraph, n.offset, n.ok }
func (n *notebook) SetPlace(p, off int) {
	n.told = append(n.told, p)
	n.last = place{p, off}
}

// readerWith makes a colourless reader of the sample with memory mem,
// not sized yet.
func readerWith(t *testing.T, mem Memory) *testReader {
	t.Helper()
	return testReaderOf(New(sample(t), Options{Style: StyleNoTTY, Memory: mem}))
}

// recallOf runs the reader's lookup of its place, as the program does
// off the UI's goroutine, and returns the message it brings.
func recallOf(m *testReader) tea.Msg {
	return recall(m.opts.Memory)()
}

func TestResumeAtTheRecalledPlace(t *testing.T) {
	mem := &notebook{paragraph: 6, ok: true}
	m := readerWith(t, mem)
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 12})
	if m.Place() != 0 {
		t.Fatalf("the first frame is at paragraph %d, want the top", m.Place())
	}
	m.Update(recallOf(m))
	if m.Place() != 6 {
		t.Fatalf("after the lookup the reader is at paragraph %d, want 6", m.Place())
	}
	if !strings.HasPrefix(m.message, "resumed at ") || !strings.HasSuffix(m.message, "%") {
		t.Fatalf("message = %q, want \"resumed at N%%\"", m.message)
	}
	if len(mem.told) != 0 {
		t.Fatalf("resuming told the memory %v; the place is the one it kept", mem.told)
	}
	press(m, "pgdown")
	if len(mem.told) != 1 || mem.told[0] < 6 {
		t.Fatalf("after pgdown the memory was told %v, want one place from paragraph 6 on", mem.told)
	}
	if m.message != "" {
		t.Fatalf("the note stays after a key: %q", m.message)
	}
}

func TestResumeWaitsForTheLayout(t *testing.T) {
	m := readerWith(t, &notebook{paragraph: 6, ok: true})
	m.Update(recallOf(m)) // the lookup lands before the window's size
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 12})
	if m.Place() != 6 {
		t.Fatalf("the reader is at paragraph %d, want 6", m.Place())
	}
}

func TestKeyBeforeTheLookupWins(t *testing.T) {
	mem := &notebook{paragraph: 6, ok: true}
	m := readerWith(t, mem)
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 12})
	press(m, "pgdown")
	at := m.Place()
	if len(mem.told) != 1 {
		t.Fatalf("a key before the lookup told the memory %v; a reader that quits now would lose its place", mem.told)
	}
	m.Update(recallOf(m))
	if m.Place() != at || m.message != "" {
		t.Fatalf("a late lookup moved the reader to %d (message %q) after a key put it at %d", m.Place(), m.message, at)
	}
	if mem.last != m.readingPlace() || len(mem.told) != 1 {
		t.Fatalf("the memory was told %v, last %+v; want the place the key moved to, %+v", mem.told, mem.last, m.readingPlace())
	}
}

func TestNoPlaceStartsAtTheTop(t *testing.T) {
	mem := &notebook{}
	m := readerWith(t, mem)
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 12})
	m.Update(recallOf(m))
	if m.Place() != 0 || m.message != "" {
		t.Fatalf("without a place the reader is at %d, message %q", m.Place(), m.message)
	}
	press(m, "pgdown")
	if len(mem.told) != 1 {
		t.Fatalf("the memory was told %v after pgdown", mem.told)
	}
}

func TestResumeReturnsToTheSameLine(t *testing.T) {
	first := &notebook{}
	m := readerWith(t, first)
	m.Update(tea.WindowSizeMsg{Width: 60, Height: 12})
	m.Update(recallOf(m))
	press(m, "pgdown", "pgdown", "j")
	left := m.readingPlace()
	if first.last != left || left.offset == 0 {
		t.Fatalf("the memory keeps %+v, the reader left at %+v (want a line inside a paragraph)", first.last, left)
	}
	top := m.article.Offset()
	again := readerWith(t, &notebook{paragraph: left.paragraph, offset: left.offset, ok: true})
	again.Update(tea.WindowSizeMsg{Width: 60, Height: 12})
	again.Update(recallOf(again))
	if again.readingPlace() != left || again.article.Offset() != top {
		t.Fatalf("reopened at %+v, line %d; left at %+v, line %d", again.readingPlace(), again.article.Offset(), left, top)
	}
}
