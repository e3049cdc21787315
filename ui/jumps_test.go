package ui

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

func TestNextQuoteFromTop(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, ">")
	first := m.doc.Quotes[0]
	if m.quote != 0 || m.article.spot != quoteSpan(first) {
		t.Fatalf("> landed on quote %d (spot %v), want the first, %v", m.quote, m.article.spot, quoteSpan(first))
	}
	assertOnScreen(t, m, first.Paragraph, first.Start)
	if !strings.Contains(m.Status(m.width), "quote 1/") {
		t.Fatalf("status line %q lacks quote 1/", m.Status(m.width))
	}
	press(m, ">", "<")
	if m.quote != 0 {
		t.Fatalf("> < left the reader on quote %d, want 0", m.quote)
	}
	press(m, "j")
	if m.article.spot.End != 0 {
		t.Fatal("scrolling did not clear the quote highlight")
	}
}

func TestQuotesInOrder(t *testing.T) {
	m := newReader(t, 80, 24)
	for i := range m.doc.Quotes {
		press(m, ">")
		if m.quote != i {
			t.Fatalf("press %d of > is on quote %d", i+1, m.quote)
		}
	}
	press(m, ">")
	if m.quote != len(m.doc.Quotes)-1 || m.message == "" {
		t.Fatalf("> past the last quote: quote %d, message %q", m.quote, m.message)
	}
}

func TestNextQuestionTwice(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "}", "}")
	p := m.doc.Paragraphs[m.article.mark].Text
	if !strings.HasPrefix(p, "Besides Xiaomi") {
		t.Fatalf("} } marked %q, want the Besides Xiaomi question", p)
	}
	if r, _ := m.qa.Selected(); r.id != 1 {
		t.Fatalf("Q&A selection %d did not follow the jump to exchange 1", r.id)
	}
	press(m, "{")
	if e := m.doc.Exchanges[0]; m.article.mark != e.Start {
		t.Fatalf("{ marked paragraph %d, want %d", m.article.mark, e.Start)
	}
}

func TestSectionsWalk(t *testing.T) {
	m := newReader(t, 120, 40)
	n := len(m.doc.Sections)
	if n < 2 {
		t.Fatalf("the sample has %d sections", n)
	}
	for k := 1; k < n; k++ {
		press(m, "]")
		if got := m.doc.Annotation(m.article.cursor.Paragraph).Section; got != k {
			t.Fatalf("press %d of ] is in section %d, want %d", k, got, k)
		}
		if !strings.Contains(m.Status(m.width), "section "+strconv.Itoa(k+1)+"/") {
			t.Fatalf("status %q after ] to section %d", m.Status(m.width), k+1)
		}
	}
	press(m, "]")
	if got := m.doc.Annotation(m.article.cursor.Paragraph).Section; got != n-1 || m.message != "At the last section." {
		t.Fatalf("] past the end: section %d, message %q", got, m.message)
	}
	for k := n - 2; k >= 0; k-- {
		press(m, "[")
		if got := m.doc.Annotation(m.article.cursor.Paragraph).Section; got != k {
			t.Fatalf("[ is in section %d, want %d", got, k)
		}
	}
}

func TestSearchCostco(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "/")
	if !m.prompt.box.typing {
		t.Fatal("/ did not open the search prompt")
	}
	for _, r := range "Costco" {
		press(m, string(r))
	}
	press(m, "enter")
	if m.prompt.box.typing {
		t.Fatal("enter did not close the prompt")
	}
	if len(m.find.spots) != 1 {
		t.Fatalf("/Costco found %d matches, want 1", len(m.find.spots))
	}
	s := m.find.spots[0]
	if got := m.doc.Paragraphs[s.Paragraph].Text[s.Start:s.End]; got != "Costco" {
		t.Fatalf("the match is %q", got)
	}
	assertOnScreen(t, m, s.Paragraph, s.Start)
	if !strings.Contains(m.Status(m.width), "match 1/1") {
		t.Fatalf("status %q lacks match 1/1", m.Status(m.width))
	}
	press(m, "esc")
	if len(m.find.spots) != 0 || len(m.article.highlights) != 0 {
		t.Fatal("esc did not clear the search")
	}
}

func TestSearchSmartCase(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "/", "i", "n", "t", "e", "r", "n", "e", "t")
	lower := len(m.find.spots)
	press(m, "esc", "/", "I", "n", "t", "e", "r", "n", "e", "t")
	upper := len(m.find.spots)
	if lower <= upper || upper != 1 {
		t.Fatalf("internet found %d, Internet %d: want more without capitals, and Internet once", lower, upper)
	}
}

func TestEntityMentionsCycle(t *testing.T) {
	m := newReader(t, 120, 40)
	idx := -1
	for i, e := range m.doc.Entities {
		if e.Name == "Xiaomi" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatal("no Xiaomi entity")
	}
	press(m, "3")
	m.sidebar.SelectID(idx)
	press(m, "enter")
	mentions := m.doc.Entities[idx].Mentions
	if m.find.current != 0 || m.article.spot != mentions[0] {
		t.Fatalf("enter on Xiaomi is on mention %d, want the first", m.find.current)
	}
	for i := 1; i <= len(mentions); i++ {
		press(m, "n")
		want := i % len(mentions)
		if m.find.current != want || m.article.spot != mentions[want] {
			t.Fatalf("n %d: on mention %d, want %d", i, m.find.current, want)
		}
		s := mentions[want]
		if got := m.doc.Paragraphs[s.Paragraph].Text[s.Start:s.End]; !strings.EqualFold(got, "xiaomi") {
			t.Fatalf("mention %d is %q", want, got)
		}
		assertOnScreen(t, m, s.Paragraph, s.Start)
	}
	press(m, "N")
	if m.find.current != len(mentions)-1 {
		t.Fatalf("N from the first mention is on %d, want the last", m.find.current)
	}
	for _, mt := range mentions {
		if mt.Paragraph >= len(m.doc.Paragraphs) {
			t.Fatal("a mention lies outside the body")
		}
	}
}

func TestListFilter(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "3", "/", "c", "o", "s")
	r, ok := m.sidebar.Selected()
	if !ok || r.text != "Costco" {
		t.Fatalf("filter cos selected %q", r.text)
	}
	press(m, "enter", "esc")
	if m.sidebar.filter != "" {
		t.Fatal("esc did not clear the list filter")
	}
}

func TestListFilterFuzzyNames(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "3", "/", "t", "c", "n", "t")
	r, ok := m.sidebar.Selected()
	if !ok || r.text != "Tencent" {
		t.Fatalf("filter tcnt selected %q", r.text)
	}
}

func TestContentsOverlay(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "t")
	if m.overlay == nil || m.overlay.kind != overlayContents {
		t.Fatal("t did not open the contents")
	}
	last := len(m.doc.Sections) - 1
	press(m, "end")
	m.overlay.list.SelectID(last)
	press(m, "enter")
	if m.overlay != nil {
		t.Fatal("enter did not close the contents")
	}
	if got := m.doc.Annotation(m.article.cursor.Paragraph).Section; got != last {
		t.Fatalf("contents jumped to section %d, want %d", got, last)
	}
}

func TestQuotesOverlayFilters(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "\"")
	if m.overlay == nil || m.overlay.kind != overlayQuotes {
		t.Fatal(`" did not open the quotes`)
	}
	if got := len(m.overlay.list.rows); got != len(m.doc.Quotes) {
		t.Fatalf("quotes list has %d rows, want %d", got, len(m.doc.Quotes))
	}
	press(m, "/")
	for _, r := range "satisfied" {
		press(m, string(r))
	}
	r, ok := m.overlay.list.Selected()
	if !ok || !strings.Contains(r.text, "satisfied") || len(m.overlay.list.rows) != 1 {
		t.Fatalf("filter selected %q of %d rows", r.text, len(m.overlay.list.rows))
	}
	press(m, "enter")
	q := m.doc.Quotes[r.id]
	if m.quote != r.id || m.article.spot != quoteSpan(q) {
		t.Fatalf("enter jumped to quote %d, want %d", m.quote, r.id)
	}
	press(m, "\"", "/", "x", "esc", "esc")
	if m.overlay != nil {
		t.Fatal("esc esc did not clear the filter and close")
	}
}

func TestMouse(t *testing.T) {
	m := newReader(t, 120, 40)
	m.Update(tea.MouseWheelMsg{X: 10, Y: 10, Button: tea.MouseWheelDown})
	if m.article.Offset() != wheelLines {
		t.Fatalf("wheel over the article scrolled to %d", m.article.Offset())
	}
	x := m.layout.articleWidth + 5
	y := m.layout.qaHeight + 3 // second line under the entities header
	m.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	if m.Focus() != FocusSidebar {
		t.Fatalf("click on the entities focused %v", m.Focus())
	}
	before, _ := m.sidebar.Selected()
	m.Update(tea.MouseWheelMsg{X: x, Y: y, Button: tea.MouseWheelDown})
	after, _ := m.sidebar.Selected()
	if before.id == after.id {
		t.Fatal("wheel over the sidebar did not move its selection")
	}
	if m.article.Offset() != wheelLines {
		t.Fatal("wheel over the sidebar scrolled the article")
	}
}

func TestClipCutsBetweenGraphemes(t *testing.T) {
	cases := []struct {
		text  string
		limit int
		want  string
		cut   bool
	}{
		{"short", 10, "short", false},
		{strings.Repeat("e\u0301", 40), 100, strings.Repeat("e\u0301", 33), true}, // 3 bytes each
		{"ab🇫🇷🇫🇷", 13, "ab🇫🇷", true},                                              // 8-byte flags
		{"日本語", 5, "日", true},
	}
	for _, c := range cases {
		got, cut := clip(c.text, c.limit)
		if got != c.want || cut != c.cut {
			t.Errorf("clip(%q, %d) = %q, %v; want %q, %v", c.text, c.limit, got, cut, c.want, c.cut)
		}
	}
}

// TestCopyIsCapped copies an answer of about 1 MB: the clipboard gets its
// first 100 KB, cut between graphemes and ended with an ellipsis, with the
// citation, and the message says how much was copied.
func TestCopyIsCapped(t *testing.T) {
	words := strings.Repeat("The café’s owner, Zoë Müller, said the harbour plan would go ahead. ", 30)
	var b strings.Builder
	b.WriteString("Harbour interview\n\nInterviewer: What did the council decide about the harbour?\n\nMayor: ")
	for b.Len() < 1<<20 {
		b.WriteString(words + "\n\n")
	}
	b.WriteString("Interviewer: And then?\n\nMayor: Then it opened.\n")
	d, err := model.Parse(model.Input{Name: "long-answer.txt", Data: []byte(b.String())})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Exchanges) != 2 || len(d.Answer(d.Exchanges[0])) < 1<<19 {
		t.Fatalf("%d exchanges; the document is not the long interview the test needs", len(d.Exchanges))
	}
	m := testReaderOf(New(d, Options{Style: StyleNoTTY}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Update(tea.EnvMsg{"TERM=foot"})
	press(m, "2")
	_, cmd := m.Update(keyMsg("y"))
	if cmd == nil {
		t.Fatal("y returned no command")
	}
	copied := reflect.ValueOf(cmd()).String()
	quote, rest, ok := strings.Cut(strings.TrimPrefix(copied, "“"), "…” — Mayor")
	if !ok || !strings.HasPrefix(copied, "“The café’s owner") || rest != ", Harbour interview" {
		t.Fatalf("copied %q … %q", copied[:min(len(copied), 80)], copied[max(len(copied)-80, 0):])
	}
	if len(quote) > copyLimit || len(quote) < copyLimit-100 || !utf8.ValidString(quote) {
		t.Fatalf("copied %d bytes of the answer, want just under %d", len(quote), copyLimit)
	}
	if !strings.HasPrefix(m.message, "Copied the first 100 KB of 1.0 MB: “The café’s owner") || len(m.message) > messageLimit {
		t.Fatalf("message %q", m.message[:min(len(m.message), 200)])
	}
}

// TestOverlayKeysWin opens the contents and the quotes: while one is
// open, j/k, the arrows and ctrl+n/ctrl+p move in it, and letters filter
// only after /.
func TestOverlayKeysWin(t *testing.T) {
	for _, open := range []string{"t", "\""} {
		for _, keys := range [][2]string{{"j", "k"}, {"down", "up"}, {"ctrl+n", "ctrl+p"}} {
			m := newReader(t, 120, 40)
			press(m, open)
			o := m.overlay
			first := o.list.selected
			press(m, keys[0])
			if o.list.selected <= first {
				t.Fatalf("%s then %s: selection stayed at %d", open, keys[0], first)
			}
			press(m, keys[1])
			if o.list.selected != first || m.overlay == nil {
				t.Fatalf("%s then %s %s: selection at %d, want %d", open, keys[0], keys[1], o.list.selected, first)
			}
		}
		m := newReader(t, 120, 40)
		press(m, open, "x", "z")
		if f := m.overlay.filter.Value(); f != "" || len(m.overlay.list.rows) != len(m.overlay.list.all) {
			t.Fatalf("%s: letters typed %q before /", open, f)
		}
		press(m, "/", "x", "z")
		if f := m.overlay.filter.Value(); f != "xz" || m.overlay.list.filter != "xz" {
			t.Fatalf("%s: / x z filtered %q", open, f)
		}
		press(m, "esc")
		if m.overlay == nil || m.overlay.filter.Value() != "" || m.overlay.filter.typing {
			t.Fatalf("%s: esc while typing did not clear the filter and keep the list open", open)
		}
		press(m, "esc")
		if m.overlay != nil {
			t.Fatalf("%s: esc did not close", open)
		}
	}
}

// TestListFilterStaysShown checks that a list pane says what it is
// filtered by after enter closes the box the filter was typed in, and
// stops saying it once esc clears the filter.
func TestListFilterStaysShown(t *testing.T) {
	for _, keys := range [][]string{{"2", "/", "f", "u", "t", "u", "r", "e"}, {"3", "/", "c", "o", "s"}} {
		m := newReader(t, 120, 40)
		press(m, keys...)
		press(m, "enter")
		want := "filter: " + strings.Join(keys[2:], "")
		if m.Typing() != nil || !strings.Contains(screen(m), want) {
			t.Fatalf("after %q and enter the screen lacks %q:\n%s", keys, want, screen(m))
		}
		checkScreen(t, m, 120, 40)
		press(m, "esc")
		if strings.Contains(screen(m), "filter: ") {
			t.Fatalf("esc cleared the filter but the list still shows it:\n%s", screen(m))
		}
	}
}

// TestClickJumps checks that a click on an item of a list selects it and
// jumps as enter does: to a question, or to an entity's first mention,
// highlighting them all; a click under the filter line picks the item
// drawn there.
func TestClickJumps(t *testing.T) {
	m := newReader(t, 120, 40)
	x := m.layout.articleWidth + 5
	// The second question: its row starts after the first's lines.
	y := 1 + len(m.qa.lines(0))
	m.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	e := m.doc.Exchanges[1]
	if r, _ := m.qa.Selected(); r.id != 1 || m.article.mark != e.Start {
		t.Fatalf("click on Q2 selected %d and marked paragraph %d, want 1 and %d", r.id, m.article.mark, e.Start)
	}
	assertOnScreen(t, m, e.Start, e.QuestionOffset)
	y = m.layout.qaHeight + 2 // the first entity, under its group's heading
	m.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	r, _ := m.sidebar.Selected()
	first := m.doc.Entities[r.id].Mentions[0]
	if m.Focus() != FocusSidebar || m.find.label != r.text || m.article.spot != first {
		t.Fatalf("click on %q: focus %v, finding %q, spot %v", r.text, m.Focus(), m.find.label, m.article.spot)
	}
	press(m, "/", "c", "o", "s", "enter")
	m.Update(tea.MouseClickMsg{X: x, Y: m.layout.qaHeight + 3, Button: tea.MouseLeft})
	if r, _ := m.sidebar.Selected(); r.text != "Costco" || m.find.label != "Costco" {
		t.Fatalf("click under the filter picked %q (%q)", r.text, m.find.label)
	}
}

// cellOf finds text on the screen: its row and the column of its first
// character.
func cellOf(t *testing.T, screen, text string) (x, y int) {
	t.Helper()
	for y, l := range strings.Split(screen, "\n") {
		if i := strings.Index(l, text); i >= 0 {
			return utf8.RuneCountInString(l[:i]), y
		}
	}
	t.Fatalf("%q is not on the screen:\n%s", text, screen)
	return 0, 0
}

// TestClickInOverlaysJumps clicks an item of the contents and of the
// quotes: the overlay closes and the article jumps to it, as enter does;
// a click beside the box does nothing.
func TestClickInOverlaysJumps(t *testing.T) {
	m := newReader(t, 120, 40)
	press(m, "t")
	m.Update(tea.MouseClickMsg{X: 1, Y: 10, Button: tea.MouseLeft})
	if m.overlay == nil {
		t.Fatal("a click beside the contents closed them")
	}
	last := len(m.doc.Sections) - 1
	x, y := cellOf(t, screen(m), fmt.Sprintf("%d. %s", last+1, m.doc.Sections[last].Title))
	m.Update(tea.MouseClickMsg{X: x + 2, Y: y, Button: tea.MouseLeft})
	if m.overlay != nil || m.doc.Annotation(m.article.Cursor().Paragraph).Section != last {
		t.Fatalf("click on the last section: overlay %v, section %d", m.overlay != nil, m.doc.Annotation(m.article.Cursor().Paragraph).Section)
	}
	press(m, "\"")
	q := m.doc.Quotes[2]
	x, y = cellOf(t, screen(m), shownQuote(m.doc, q)[:20])
	m.Update(tea.MouseClickMsg{X: x + 2, Y: y, Button: tea.MouseLeft})
	if m.overlay != nil || m.quote != 2 || m.article.spot != quoteSpan(q) {
		t.Fatalf("click on the third quote: overlay %v, quote %d", m.overlay != nil, m.quote)
	}
}

// TestShelfClickOpens clicks a document of the shelf: it opens, as enter
// opens it.
func TestShelfClickOpens(t *testing.T) {
	s := newShelf(t)
	run(s, s.Init())
	x, y := cellOf(t, shelfScreen(s), s.entries[2].about.title)
	_, cmd := s.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	run(s, cmd)
	if s.open != 2 || s.reader() == nil {
		t.Fatalf("click on the third document opened %d:\n%s", s.open, shelfScreen(s))
	}
}

// searchResults runs cmd and the commands it batches, and returns the
// background searches' results among their messages.
func searchResults(cmd tea.Cmd) []searchedMsg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case searchedMsg:
		return []searchedMsg{msg}
	case tea.BatchMsg:
		var out []searchedMsg
		for _, c := range msg {
			out = append(out, searchResults(c)...)
		}
		return out
	}
	return nil
}

// TestLongTextIsSearchedInTheBackground checks that in a text over
// backgroundSearchWords a typed letter does not search before the key
// returns, that the matches show when they come back, that the matches of
// an older query, or of a search left with esc, are dropped, and that a
// search overtaken before it ends stops and brings nothing back.
func TestLongTextIsSearchedInTheBackground(t *testing.T) {
	para := strings.Repeat("The harbour wall was mended in the spring by the ferry crew. ", 20)
	var text strings.Builder
	text.WriteString("Harbour notes\n\n")
	for i := 0; i*len(strings.Fields(para)) < 2*backgroundSearchWords; i++ {
		fmt.Fprintf(&text, "Day %d. %s\n\n", i, para)
	}
	d, err := model.Read(model.Input{Name: "long.txt", Data: []byte(text.String())})
	if err != nil {
		t.Fatal(err)
	}
	m := testReaderOf(New(d, Options{Style: StyleNoTTY}))
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m.Update(keyMsg("/"))
	_, first := m.Update(keyMsg("f"))
	if len(m.find.spots) != 0 {
		t.Fatal("the letter searched before its key returned")
	}
	older := searchResults(first)
	_, second := m.Update(keyMsg("e"))
	newer := searchResults(second)
	if len(older) != 1 || len(newer) != 1 {
		t.Fatalf("%d and %d background searches, want one a letter", len(older), len(newer))
	}
	m.Update(older[0])
	if len(m.find.spots) != 0 {
		t.Fatal("the matches of an older query were shown")
	}
	m.Update(newer[0])
	if want := len(d.Search("fe")); len(m.find.spots) != want || want == 0 {
		t.Fatalf("%d matches shown, want %d", len(m.find.spots), want)
	}
	_, overtaken := m.Update(keyMsg("r"))
	m.Update(keyMsg("r"))
	if found := searchResults(overtaken); len(found) != 0 {
		t.Fatalf("a search overtaken by the next letter brought back %d results", len(found))
	}
	_, late := m.Update(keyMsg("backspace"))
	m.Update(keyMsg("esc"))
	for _, msg := range searchResults(late) {
		m.Update(msg)
	}
	if len(m.find.spots) != 0 || len(m.article.highlights) != 0 {
		t.Fatal("a search left with esc showed its matches")
	}
}
