package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// Source is one document of a shelf: its name, and how to read it. Load
// runs off the UI's goroutine and returns the document read, extracted or
// not; the shelf calls it again each time the document is opened after
// its reader was let go (see readerBudget).
type Source struct {
	Name string
	Load func() (*model.Document, error)
	// Open, when set, reads the document to be opened in a reader, as
	// Load does or only its head, with the Memory of that reader. The
	// shelf calls it instead of Load each time it opens the document,
	// off the UI's goroutine; Load still reads the document's row.
	Open func() (Opened, error)
}

// Opened is a document a Source read to be opened in a reader.
type Opened struct {
	// Doc is the document, or the head of a large one (see
	// model.Document.Partial), which the reader shows while ReadWhole
	// reads the whole.
	Doc *model.Document
	// Memory keeps the reader's place, marks, highlights and
	// corrections between runs, or is nil.
	Memory Memory
	// ReadWhole reads the whole of a Doc that is a head, as
	// Options.ReadWhole does; the shelf ignores it otherwise.
	ReadWhole func() (*model.Document, error)
}

// open reads src to be opened in a reader, with the reader's Memory, if
// any.
func (src Source) open() (Opened, error) {
	if src.Open != nil {
		return src.Open()
	}
	doc, err := src.Load()
	return Opened{Doc: doc}, err
}

// shelfEntry is a document of the shelf as it loads and is read. A
// document that is not open is only its row: the shelf keeps its summary,
// not the document.
type shelfEntry struct {
	source Source
	about  *summary // nil while loading or after an error
	err    error
	// opened reports that the document has been opened: ctrl+n and ctrl+p
	// step through these, and its row says so.
	opened bool
	// reader is the document's reader while the shelf keeps it, with the
	// reader's place; textSize is the length of its document's text.
	reader   *Model
	textSize int
	// place is the paragraph at the top of the reader when it was let
	// go, where the document opens again; at, when set, is the match in
	// its text it is being opened at instead. Both wait while the reader
	// shows the head of its document, until the whole lands (see
	// wholeLanded).
	place int
	at    *model.Mention
}

// summary is what a shelf row shows of a document: its title, its facts
// (byline, source, date, reading time) and its number of Q&A exchanges,
// copied out of the document so that the document itself can go.
type summary struct {
	title, facts string
	exchanges    int
}

// summarize returns the summary of d, extracting it if it is not yet.
func summarize(d *model.Document) *summary {
	if !d.Extracted() {
		d = d.WithExtraction(model.Extract(d))
	}
	return &summary{
		title:     strings.Clone(d.Title),
		facts:     strings.Clone(strings.Join(facts(d, true), " · ")),
		exchanges: len(d.Exchanges),
	}
}

// loadedMsg brings the summary of shelf entry i, or why it failed.
type loadedMsg struct {
	entry int
	about *summary
	err   error
}

// openedMsg brings shelf entry i, read again to be opened, with its
// reader's memory, or why it failed.
type openedMsg struct {
	entry  int
	opened Opened
	err    error
}

// textFoundMsg brings the shelf's text search's matches for query, or
// why it failed.
type textFoundMsg struct {
	query   string
	matches []TextMatch
	err     error
}

// readerBudget is how much document text the readers a shelf keeps may
// hold between them, in bytes, counting the most recently shown first;
// the reader shown is always kept. A reader holds about four times its
// text (the document, its extracted structure, its rendered lines), so
// a shelf of articles keeps a reader for every document opened, and one
// of twelve 10 MB transcripts about 100 MB instead of 500 MB. A document
// whose reader was let go is read again when it is shown, at the
// paragraph it was left at.
const readerBudget = 16 << 20

// shelfFuzzyLimit lets the shelf filter match whole titles fuzzily.
const shelfFuzzyLimit = 200

// Shelf is what lede shows when it opens several documents: a list of
// them that fills in as they are read in the background, and a reader for
// each one opened. It is a component of the App; while a document is
// open, it shows that document's reader.
type Shelf struct {
	*common
	opts    Options
	keys    KeyMap
	entries []*shelfEntry
	list    list
	// filter narrows the list as the reader types, after /.
	filter filterBox
	// matches are the places in the documents' text that the filter
	// matched, listed after the titles (see Options.TextSearch): row
	// len(entries)+k is matches[k].
	matches []TextMatch
	// open is the entry whose reader is shown, or -1 for the list.
	open int
	// last is the entry ctrl+n and ctrl+p step from on the list.
	last int
	// opening is the entry being read again to be shown, or -1.
	opening int
	// recent lists the entries that have a reader, the most recently
	// shown first; budget is how much text their readers may hold (see
	// readerBudget).
	recent        []int
	budget        int
	width, height int
	// loading counts the documents not read yet.
	loading int
}

// newShelfOf makes a shelf of sources in the App's chrome c.
func newShelfOf(sources []Source, opts Options, c *common) *Shelf {
	s := &Shelf{common: c, opts: opts, keys: opts.keyMap().withShelf(), open: -1, last: -1, opening: -1, budget: readerBudget, loading: len(sources)}
	rows := make([]row, len(sources))
	for i, src := range sources {
		e := &shelfEntry{source: src}
		s.entries = append(s.entries, e)
		rows[i] = e.row(i)
	}
	s.list = newList(rows, 1, true, "No documents.", s.styles)
	s.list.fuzzyLimit = shelfFuzzyLimit
	s.filter = newFilterBox("filter: ", &s.list, "keep", true, s.styles)
	return s
}

// Init reads every document in the background, a few at a time, keeping
// only its summary.
func (s *Shelf) Init() tea.Cmd {
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	cmds := make([]tea.Cmd, 0, len(s.entries))
	for i, e := range s.entries {
		load := e.source.Load
		cmds = append(cmds, func() tea.Msg {
			slots <- struct{}{}
			defer func() { <-slots }()
			doc, err := load()
			if err != nil {
				return loadedMsg{entry: i, err: err}
			}
			return loadedMsg{entry: i, about: summarize(doc)}
		})
	}
	return tea.Batch(cmds...)
}

// reader is the reader shown, or nil on the list.
func (s *Shelf) reader() *Model {
	if s.open < 0 {
		return nil
	}
	return s.entries[s.open].reader
}

// Restyle draws the list and every reader kept in the styles for the
// background from now on.
func (s *Shelf) Restyle() {
	s.list.Invalidate()
	s.filter.SetStyles(s.styles)
	for _, i := range s.recent {
		s.entries[i].reader.Restyle()
	}
}

// Remeasure lays the list and every reader kept out again after the way
// the terminal measures text changed.
func (s *Shelf) Remeasure() {
	s.list.Invalidate()
	for _, i := range s.recent {
		s.entries[i].reader.Remeasure()
	}
}

// Update handles the shelf's own messages, keys and mouse (the wheel
// moves in the list, a click opens the document clicked), and passes the
// rest to the open document's reader.
func (s *Shelf) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case loadedMsg:
		e := s.entries[msg.entry]
		e.about, e.err = msg.about, msg.err
		if s.loading--; s.loading == 0 {
			// The documents read for their rows are garbage now. The
			// runtime would collect them at its next cycle, which
			// nothing may start for minutes, so they are let go now.
			debug.FreeOSMemory()
		}
		if s.message == stillReading(e) {
			s.message = ""
		}
		s.list.SetRow(msg.entry, e.row(msg.entry))
		return nil
	case openedMsg:
		return s.opened(msg)
	case textFoundMsg:
		s.textFound(msg)
		return nil
	case wholeMsg, extractedMsg, searchedMsg, spinner.TickMsg, recalledMsg:
		// These go to the reader that asked for them, shown or not.
		for _, i := range s.recent {
			if r := s.entries[i].reader; r.owns(msg) {
				cmd := r.Update(msg)
				if _, ok := msg.(wholeMsg); ok {
					s.wholeLanded(i)
				}
				return cmd
			}
		}
		return nil
	case tea.KeyPressMsg:
		if r := s.reader(); r != nil {
			return s.readerKey(r, msg)
		}
		return s.handleKey(msg)
	}
	if r := s.reader(); r != nil {
		return r.Update(msg)
	}
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelDown {
			s.list.Move(1)
		} else if msg.Mouse().Button == tea.MouseWheelUp {
			s.list.Move(-1)
		}
	case tea.MouseClickMsg:
		// The list is drawn under the shelf's header line.
		if i, ok := s.list.rowAt(msg.Mouse().Y - 1); ok && msg.Mouse().Button == tea.MouseLeft {
			s.list.SelectRow(i)
			return s.openRow(s.list.rows[i].id)
		}
	}
	return nil
}

// readerKey takes the shelf's keys while reader r is shown (back to the
// list, the next or previous document; esc when the reader has nothing
// to clear), unless r takes every key; the rest go to r.
func (s *Shelf) readerKey(r *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case r.Capturing():
	case key.Matches(msg, k.Shelf), key.Matches(msg, k.Close) && !r.Clearable():
		s.open = -1
		s.list.SelectID(s.last)
		return nil
	case key.Matches(msg, k.NextDoc):
		return s.step(1)
	case key.Matches(msg, k.PrevDoc):
		return s.step(-1)
	}
	return r.Update(msg)
}

// handleKey moves in the list, filters it, opens a document, or steps to
// an open one.
func (s *Shelf) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case s.filter.typing:
		return s.filterKey(msg)
	case k.listKeys().move(&s.list, msg):
	case key.Matches(msg, k.Search):
		return s.filter.Start(s.list.Filter())
	case key.Matches(msg, k.Close):
		s.clearFilter()
	case key.Matches(msg, k.NextDoc):
		return s.step(1)
	case key.Matches(msg, k.PrevDoc):
		return s.step(-1)
	case key.Matches(msg, k.Enter):
		if r, ok := s.list.Selected(); ok {
			return s.openRow(r.id)
		}
	}
	return nil
}

// filterKey edits the filter: the list narrows as the reader types, enter
// keeps the filter and esc drops it.
func (s *Shelf) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	event, cmd := s.filter.Update(msg)
	switch event {
	case filterCancelled:
		s.clearFilter()
	case filterChanged:
		return tea.Batch(cmd, s.searchText(s.list.Filter()))
	}
	return cmd
}

// clearFilter shows every document again, the selected one still
// selected.
func (s *Shelf) clearFilter() {
	s.filter.input.SetValue("")
	s.setMatches(nil)
	s.list.ClearFilter()
}

// searchText looks query up in the documents' text in the background,
// when the shelf has a text search and query is not blank.
func (s *Shelf) searchText(query string) tea.Cmd {
	search := s.opts.TextSearch
	if search == nil || strings.TrimSpace(query) == "" {
		s.setMatches(nil)
		return nil
	}
	return func() tea.Msg {
		matches, err := search(query)
		return textFoundMsg{query: query, matches: matches, err: err}
	}
}

// textFound lists the matches of a text search after the titles, unless
// the filter changed meanwhile.
func (s *Shelf) textFound(msg textFoundMsg) {
	if msg.query != s.list.Filter() {
		return
	}
	if msg.err != nil {
		s.say("Cannot search the text: " + model.OneLine(msg.err.Error()))
		s.setMatches(nil)
		return
	}
	s.setMatches(msg.matches)
}

// setMatches makes matches the rows after the titles: under a heading,
// each the title of its document and the snippet of its match.
func (s *Shelf) setMatches(matches []TextMatch) {
	s.matches = matches
	var rows []row
	for k, m := range matches {
		if m.Source < 0 || m.Source >= len(s.entries) {
			continue
		}
		if rows == nil {
			rows = append(rows, row{heading: true, text: "In the text", id: -1})
		}
		title := s.entries[m.Source].row(m.Source).text
		rows = append(rows, row{text: title, detail: m.Snippet, id: len(s.entries) + k})
	}
	s.list.SetMore(rows)
}

// openRow opens what row id of the list is: a document, or a document at
// a match in its text.
func (s *Shelf) openRow(id int) tea.Cmd {
	if k := id - len(s.entries); k >= 0 {
		m := s.matches[k]
		return s.openAt(m.Source, m.At)
	}
	return s.openEntry(id)
}

// openAt opens entry i (see openEntry) at span at of its document.
func (s *Shelf) openAt(i int, at model.Mention) tea.Cmd {
	cmd := s.openEntry(i)
	e := s.entries[i]
	switch {
	case s.open == i && !e.reader.reading:
		e.reader.goToSpan(at)
	case s.opening == i || s.open == i:
		e.at = &at
	}
	return cmd
}

// openEntry shows entry i in its reader, or, when the shelf has no
// reader for it, reads it again (see readerBudget) and shows it once it
// is read.
func (s *Shelf) openEntry(i int) tea.Cmd {
	e := s.entries[i]
	e.at = nil
	switch {
	case e.err != nil:
		s.say("Cannot open " + e.name() + ": " + e.reason())
		return nil
	case e.about == nil:
		s.say(stillReading(e))
		return nil
	case e.reader != nil:
		s.show(i)
		return nil
	}
	s.say("Opening " + e.name() + "…")
	if s.opening == i {
		return nil
	}
	s.opening = i
	src := e.source
	return func() tea.Msg {
		opened, err := src.open()
		return openedMsg{entry: i, opened: opened, err: err}
	}
}

// opened makes the reader of an entry read to be shown, and shows it,
// unless another document was asked for meanwhile. It returns the
// reader's first command, which extracts the document.
func (s *Shelf) opened(msg openedMsg) tea.Cmd {
	if msg.entry != s.opening {
		return nil
	}
	s.opening = -1
	e := s.entries[msg.entry]
	if msg.err != nil {
		e.err = msg.err
		s.list.SetRow(msg.entry, e.row(msg.entry))
		s.say("Cannot open " + e.name() + ": " + e.reason())
		return nil
	}
	s.say("")
	opts := s.opts
	opts.Memory, opts.ReadWhole = msg.opened.Memory, msg.opened.ReadWhole
	e.reader = newModel(msg.opened.Doc, opts, s.common)
	e.reader.onShelf()
	e.opened = true
	e.textSize = textSize(msg.opened.Doc)
	cmd := e.reader.Init()
	s.show(msg.entry)
	if !e.reader.reading {
		e.goToWaiting()
	}
	s.list.SetRow(msg.entry, e.row(msg.entry))
	return cmd
}

// wholeLanded counts the text of entry i's reader again once the whole
// of its document replaced the head, and takes the reader to the match
// it was opened at, else to the place it was let go at unless a key
// moved it meanwhile.
func (s *Shelf) wholeLanded(i int) {
	e := s.entries[i]
	e.textSize = textSize(e.reader.doc)
	if e.at != nil || !e.reader.moved {
		e.goToWaiting()
	}
}

// goToWaiting takes the entry's reader to the match it is being opened
// at, else to the place it was let go at.
func (e *shelfEntry) goToWaiting() {
	switch {
	case e.at != nil:
		e.reader.goToSpan(*e.at)
		e.at = nil
	case e.place > 0:
		e.reader.GoTo(e.place)
	}
}

// textSize is the length of d's text, which the readers a shelf keeps
// count against readerBudget.
func textSize(d *model.Document) int {
	n := 0
	for _, p := range d.Paragraphs {
		n += len(p.Text)
	}
	return n
}

// show shows entry i, which has a reader, as the most recently shown, and
// lets go of the readers over the budget.
func (s *Shelf) show(i int) {
	e := s.entries[i]
	e.reader.SetSize(s.width, s.height)
	s.open, s.last = i, i
	s.recent = append([]int{i}, slices.DeleteFunc(s.recent, func(j int) bool { return j == i })...)
	total := 0
	for k, j := range s.recent {
		total += s.entries[j].textSize
		if k > 0 && total > s.budget {
			for _, old := range s.recent[k:] {
				gone := s.entries[old]
				if r := gone.reader; !r.reading || r.moved {
					// A head not moved yet still waits for its place.
					gone.place = r.Place()
				}
				gone.reader = nil
			}
			s.recent = s.recent[:k]
			break
		}
	}
}

// say shows a note on the hint line until the next key.
func (s *Shelf) say(note string) { s.message = note }

// stillReading says that e is not read yet.
func stillReading(e *shelfEntry) string {
	return "Still reading " + e.name() + "…"
}

// step shows the next or previous opened document after the one shown
// (or last shown), wrapping around.
func (s *Shelf) step(dir int) tea.Cmd {
	from := s.open
	if from < 0 {
		from = s.last
	}
	n := len(s.entries)
	for k := 1; k <= n; k++ {
		i := ((from+dir*k)%n + n) % n
		if s.entries[i].opened && i != s.open {
			return s.openEntry(i)
		}
	}
	if s.open < 0 {
		s.say("No document is open yet: enter opens one.")
	}
	return nil
}

// name is the entry's file name or URL, made safe to show.
func (e *shelfEntry) name() string {
	return model.DisplayName(e.source.Name)
}

// reason is why the entry could not be read, without its name, which
// error messages start with.
func (e *shelfEntry) reason() string {
	msg := model.OneLine(e.err.Error())
	for _, prefix := range []string{e.name() + ": ", "open " + e.name() + ": ", "read " + e.name() + ": ", "fetch " + e.name() + ": "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	if errors.Is(e.err, model.ErrEmpty) && msg == model.ErrEmpty.Error() {
		return "no text to read"
	}
	return msg
}

// row is how entry i shows in the list: its title (its file name until
// it is read), then its facts, marked open once it has been opened, with
// the number of questions at the right.
func (e *shelfEntry) row(i int) row {
	r := row{text: filepath.Base(e.name()), id: i}
	switch {
	case e.err != nil:
		r.detail = "cannot read: " + e.reason()
	case e.about == nil:
		r.detail = "reading…"
	default:
		if e.about.title != "" {
			r.text = e.about.title
		}
		r.detail = e.about.facts
		r.count = fmt.Sprintf("%d Q&A", e.about.exchanges)
		if e.opened {
			r.detail = "open · " + r.detail
		}
	}
	return r
}

// SetSize lays the shelf, and the open reader, out in w by h cells.
func (s *Shelf) SetSize(w, h int) {
	s.width, s.height = max(w, 0), max(h, 0)
	s.list.SetSize(s.width, max(s.height-1, 0))
	s.filter.SetWidth(s.width)
	if r := s.reader(); r != nil {
		r.SetSize(s.width, s.height)
	}
}

// View draws the open reader, or the list under a header.
func (s *Shelf) View() string {
	if r := s.reader(); r != nil {
		return r.View()
	}
	if s.width <= 0 || s.height <= 0 {
		return ""
	}
	header := "Shelf · " + count(len(s.entries), "document", "documents")
	if s.loading > 0 {
		header += fmt.Sprintf(" · reading %d…", s.loading)
	}
	cells := s.styles.Cells
	lines := []string{s.styles.HeaderFocused.Render(fit(cells, " "+header, s.width))}
	list := strings.Split(s.list.View(), "\n")
	for i := 0; len(lines) < s.height; i++ {
		lines = append(lines, fit(cells, line(list, i), s.width))
	}
	return strings.Join(lines, "\n")
}

// Status is the open reader's status line, or the place in the list and
// its filter, fitted to width.
func (s *Shelf) Status(width int) string {
	if r := s.reader(); r != nil {
		return r.Status(width)
	}
	selected, rows := s.list.Position()
	status := fmt.Sprintf(" %d/%d", max(selected+1, 0), rows)
	if f := s.list.Filter(); f != "" {
		status += " · filter “" + f + "”"
	}
	return fit(s.styles.Cells, status, width)
}

// Typing is the box typed in: the open reader's, or the list's filter.
func (s *Shelf) Typing() *filterBox {
	if r := s.reader(); r != nil {
		return r.Typing()
	}
	if s.filter.typing {
		return &s.filter
	}
	return nil
}

// Capturing reports that the open reader, or the list's filter, takes
// every key.
func (s *Shelf) Capturing() bool {
	if r := s.reader(); r != nil {
		return r.Capturing()
	}
	return s.filter.typing
}

// ShortHelp is the key hint: the open reader's, or the list's.
func (s *Shelf) ShortHelp() []key.Binding {
	if r := s.reader(); r != nil {
		return r.ShortHelp()
	}
	return s.keys.shelfHint()
}

// FullHelp is the help's keys: the open reader's, or the list's.
func (s *Shelf) FullHelp() [][]key.Binding {
	if r := s.reader(); r != nil {
		return r.FullHelp()
	}
	return s.keys.shelfHelp()
}

// HelpNotes head the help's columns: the open reader's, or the list's.
func (s *Shelf) HelpNotes() ([]string, string) {
	if r := s.reader(); r != nil {
		return r.HelpNotes()
	}
	return shelfTitles, ""
}

// Title is the window's title: the open document's, or the shelf's.
func (s *Shelf) Title() string {
	if r := s.reader(); r != nil {
		return r.Title()
	}
	return "lede: shelf"
}
