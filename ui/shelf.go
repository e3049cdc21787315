package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
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
	// go, where the document opens again.
	place int
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

// openedMsg brings shelf entry i, read again to be opened, or why it
// failed.
type openedMsg struct {
	entry int
	doc   *model.Document
	err   error
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

// backMsg is a reader's request to the shelf to show its list again.
type backMsg struct{}

// switchMsg is a reader's request to the shelf for the next (dir 1) or
// previous (dir -1) open document.
type switchMsg struct{ dir int }

// shelfFuzzyLimit lets the shelf filter match whole titles fuzzily.
const shelfFuzzyLimit = 200

// Shelf is the root model when lede opens several documents: a list of
// them that fills in as they are read in the background, and a reader for
// each one opened.
type Shelf struct {
	opts    Options
	keys    KeyMap
	styles  *Styles
	help    help.Model
	entries []*shelfEntry
	list    list
	// filter narrows the list as the reader types, after /.
	filter filterBox
	// helpBox shows the shelf's keys.
	helpBox helpOverlay
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
	// background is the terminal's background, once known, for readers
	// opened later.
	background *tea.BackgroundColorMsg
	message    string
}

// NewShelf makes a shelf of sources, read in the order given.
func NewShelf(sources []Source, opts Options) *Shelf {
	s := &Shelf{opts: opts, keys: DefaultKeyMap().withShelf(), styles: &Styles{}, open: -1, last: -1, opening: -1, budget: readerBudget, loading: len(sources)}
	s.help = chromeStyles(opts, true, s.styles)
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
// only its summary, and asks the terminal for its background colour when
// the style is left to it.
func (s *Shelf) Init() tea.Cmd {
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	cmds := make([]tea.Cmd, 0, len(s.entries)+1)
	if s.opts.Style == "" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
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

// Update handles the shelf's own messages and keys, and passes the rest to
// the open document's reader.
func (s *Shelf) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.SetSize(msg.Width, msg.Height)
		return s, nil
	case tea.BackgroundColorMsg:
		s.background = &msg
		s.help = chromeStyles(s.opts, msg.IsDark(), s.styles)
		s.help.SetWidth(s.width)
		s.filter.SetStyles(s.styles)
		s.list.Invalidate()
		for _, e := range s.entries {
			if e.reader != nil {
				e.reader.Update(msg)
			}
		}
		return s, nil
	case tea.ModeReportMsg:
		if cells, ok := cellsFor(msg); ok {
			s.styles.Cells = cells
			s.list.Invalidate()
			for _, e := range s.entries {
				if e.reader != nil {
					e.reader.setCells(cells)
				}
			}
		}
		return s, nil
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
		return s, nil
	case openedMsg:
		return s, s.opened(msg)
	case extractedMsg, spinner.TickMsg:
		// These go to the reader that asked for them, shown or not.
		for _, i := range s.recent {
			if r := s.entries[i].reader; r.owns(msg) {
				_, cmd := r.Update(msg)
				return s, cmd
			}
		}
		return s, nil
	case backMsg:
		s.open = -1
		s.list.SelectID(s.last)
		return s, nil
	case switchMsg:
		return s, s.step(msg.dir)
	}
	if s.open >= 0 {
		r := s.entries[s.open].reader
		_, cmd := r.Update(msg)
		if req := r.request; req != nil {
			r.request = nil
			_, then := s.Update(req)
			cmd = tea.Batch(cmd, then)
		}
		return s, cmd
	}
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		s.message = ""
		return s, s.handleKey(msg)
	case tea.MouseWheelMsg:
		if msg.Mouse().Button == tea.MouseWheelDown {
			s.list.Move(1)
		} else if msg.Mouse().Button == tea.MouseWheelUp {
			s.list.Move(-1)
		}
	}
	return s, nil
}

// handleKey suspends lede, moves in the list, filters it, opens a
// document, shows the help or quits.
func (s *Shelf) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	switch {
	case key.Matches(msg, k.Suspend):
		return tea.Suspend
	case s.filter.typing:
		return s.filterKey(msg)
	case s.helpBox.shown:
		return s.helpBox.key(k, msg, max(s.height-5, 1))
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case k.listKeys().move(&s.list, msg):
	case key.Matches(msg, k.Help):
		s.helpBox.shown = true
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
			return s.openEntry(r.id)
		}
	}
	return nil
}

// filterKey edits the filter: the list narrows as the reader types, enter
// keeps the filter and esc drops it.
func (s *Shelf) filterKey(msg tea.KeyPressMsg) tea.Cmd {
	event, cmd := s.filter.Update(msg)
	if event == filterCancelled {
		s.clearFilter()
	}
	return cmd
}

// clearFilter shows every document again, the selected one still
// selected.
func (s *Shelf) clearFilter() {
	s.filter.input.SetValue("")
	s.list.ClearFilter()
}

// openEntry shows entry i in its reader, or, when the shelf has no
// reader for it, reads it again (see readerBudget) and shows it once it
// is read.
func (s *Shelf) openEntry(i int) tea.Cmd {
	e := s.entries[i]
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
	load := e.source.Load
	return func() tea.Msg {
		doc, err := load()
		return openedMsg{entry: i, doc: doc, err: err}
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
	e.reader = New(msg.doc, s.opts)
	e.reader.keys = e.reader.keys.withShelf()
	e.opened = true
	e.textSize = 0
	for _, p := range msg.doc.Paragraphs {
		e.textSize += len(p.Text)
	}
	if s.background != nil {
		e.reader.Update(*s.background)
	}
	e.reader.setCells(s.styles.Cells)
	cmd := e.reader.Init()
	s.show(msg.entry)
	if e.place > 0 {
		e.reader.article.JumpTo(e.place, 0, false)
	}
	s.list.SetRow(msg.entry, e.row(msg.entry))
	return cmd
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
				gone.place = max(gone.reader.article.topParagraph(), 0)
				gone.reader = nil
			}
			s.recent = s.recent[:k]
			break
		}
	}
}

// say shows a note where the user looks: in the reader shown, else under
// the list, until the next key.
func (s *Shelf) say(note string) {
	if s.open >= 0 {
		s.entries[s.open].reader.message = note
		return
	}
	s.message = note
}

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

// SetSize lays the shelf, and the open reader, out for w by h cells.
func (s *Shelf) SetSize(w, h int) {
	s.width, s.height = max(w, 0), max(h, 0)
	s.list.SetSize(s.width, max(s.height-3, 0))
	s.filter.SetWidth(s.width)
	s.help.SetWidth(s.width)
	if s.open >= 0 {
		s.entries[s.open].reader.SetSize(s.width, s.height)
	}
}

// View draws the open reader, or the list with a header, a status line
// and a key hint.
func (s *Shelf) View() tea.View {
	if s.open >= 0 {
		return s.entries[s.open].reader.View()
	}
	v := tea.NewView(s.render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "lede: shelf"
	return v
}

// render draws the list screen as a string.
func (s *Shelf) render() string {
	if s.width <= 0 || s.height <= 0 {
		return ""
	}
	header := fmt.Sprintf("Shelf · %d documents", len(s.entries))
	if s.loading > 0 {
		header += fmt.Sprintf(" · reading %d…", s.loading)
	}
	cells := s.styles.Cells
	lines := []string{s.styles.HeaderFocused.Render(fit(cells, " "+header, s.width))}
	body := max(s.height-3, 0)
	if s.helpBox.shown {
		groups := s.keys.shelfHelp()
		lines = append(lines, strings.Split(renderHelp(groups, shelfTitles, "", s.styles, s.width, body, &s.helpBox.offset), "\n")...)
	} else {
		list := strings.Split(s.list.View(), "\n")
		for i := 0; i < body; i++ {
			lines = append(lines, fit(cells, line(list, i), s.width))
		}
	}
	status := " " + fmt.Sprintf("%d/%d", max(s.list.selected+1, 0), len(s.list.rows))
	if s.list.filter != "" {
		status += " · filter “" + s.list.filter + "”"
	}
	lines = append(lines, s.styles.Status.Render(fit(cells, status, s.width)))
	switch {
	case s.filter.typing:
		lines = append(lines, fit(cells, s.filter.View(s.help, cells), s.width))
	case s.message != "":
		lines = append(lines, fit(cells, s.styles.Hint.Render(s.message), s.width))
	default:
		lines = append(lines, fit(cells, s.help.ShortHelpView(s.keys.shelfHint()), s.width))
	}
	return strings.Join(lines[:min(len(lines), s.height)], "\n")
}
