package ui

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// Source is one document of a shelf: its name, and how to read it. Load
// runs off the UI's goroutine and returns the document extracted.
type Source struct {
	Name string
	Load func() (*model.Document, error)
}

// shelfEntry is a document of the shelf as it loads and is read.
type shelfEntry struct {
	source Source
	doc    *model.Document // nil while loading or after an error
	err    error
	// reader is the document's reader once opened; it keeps the reader's
	// place while another document is shown.
	reader *Model
}

// loadedMsg brings shelf entry i, read or failed.
type loadedMsg struct {
	entry int
	doc   *model.Document
	err   error
}

// backMsg asks the shelf to show its list again.
type backMsg struct{}

// switchMsg asks the shelf for the next (dir 1) or previous (dir -1) open
// document.
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
	entries []*shelfEntry
	list    list
	input   textinput.Model
	// filtering reports that typed keys go to the filter input.
	filtering bool
	// open is the entry whose reader is shown, or -1 for the list.
	open int
	// last is the entry ctrl+n and ctrl+p step from on the list.
	last          int
	width, height int
	// background is the terminal's background, once known, for readers
	// opened later.
	background *tea.BackgroundColorMsg
	message    string
}

// NewShelf makes a shelf of sources, read in the order given.
func NewShelf(sources []Source, opts Options) *Shelf {
	s := &Shelf{opts: opts, keys: DefaultKeyMap().withShelf(), styles: &Styles{}, open: -1, last: -1}
	*s.styles = shelfStyles(opts, true)
	for _, src := range sources {
		s.entries = append(s.entries, &shelfEntry{source: src})
	}
	s.list = newList(s.rows(), 1, true, "No documents.", s.styles)
	s.list.fuzzyLimit = shelfFuzzyLimit
	s.input = newInput(s.styles)
	s.input.Prompt = "filter: "
	return s
}

// shelfStyles are the chrome styles for the options and background.
func shelfStyles(opts Options, dark bool) Styles {
	if opts.Plain || opts.Style == StyleNoTTY || opts.Style == StyleASCII {
		return plainStyles()
	}
	return colourStyles(dark)
}

// Init reads every document in the background, a few at a time, and asks
// the terminal for its background colour when the style is left to it.
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
			return loadedMsg{entry: i, doc: doc, err: err}
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
		*s.styles = shelfStyles(s.opts, msg.IsDark())
		s.list.cache = nil
		for _, e := range s.entries {
			if e.reader != nil {
				e.reader.Update(msg)
			}
		}
		return s, nil
	case loadedMsg:
		e := s.entries[msg.entry]
		e.doc, e.err = msg.doc, msg.err
		if s.message == stillReading(e) {
			s.message = ""
		}
		s.refresh()
		return s, nil
	case backMsg:
		s.open = -1
		return s, nil
	case switchMsg:
		s.step(msg.dir)
		return s, nil
	}
	if s.open >= 0 {
		_, cmd := s.entries[s.open].reader.Update(msg)
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

// handleKey moves in the list, filters it, opens a document or quits.
func (s *Shelf) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := s.keys
	if s.filtering {
		return s.filterKey(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Down):
		s.list.Move(1)
	case key.Matches(msg, k.Up):
		s.list.Move(-1)
	case key.Matches(msg, k.PageDown, k.HalfDown):
		s.list.Page(1)
	case key.Matches(msg, k.PageUp, k.HalfUp):
		s.list.Page(-1)
	case key.Matches(msg, k.Top):
		s.list.Home()
	case key.Matches(msg, k.Bottom):
		s.list.End()
	case key.Matches(msg, k.Search):
		s.filtering = true
		s.input.SetValue(s.list.filter)
		return s.input.Focus()
	case key.Matches(msg, k.Close):
		s.input.SetValue("")
		s.list.SetFilter("")
	case key.Matches(msg, k.NextDoc):
		s.step(1)
	case key.Matches(msg, k.PrevDoc):
		s.step(-1)
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
	switch {
	case msg.String() == "ctrl+c":
		return tea.Quit
	case key.Matches(msg, s.keys.Enter):
		s.filtering = false
		s.input.Blur()
		return nil
	case key.Matches(msg, s.keys.Close):
		s.filtering = false
		s.input.Blur()
		s.input.SetValue("")
		s.list.SetFilter("")
		return nil
	case msg.String() == "down":
		s.list.Move(1)
		return nil
	case msg.String() == "up":
		s.list.Move(-1)
		return nil
	}
	before := s.input.Value()
	var cmd tea.Cmd
	s.input, cmd = s.input.Update(msg)
	if v := s.input.Value(); v != before {
		s.list.SetFilter(v)
	}
	return cmd
}

// openEntry shows entry i in its reader, made on first opening.
func (s *Shelf) openEntry(i int) tea.Cmd {
	e := s.entries[i]
	switch {
	case e.err != nil:
		s.message = fmt.Sprintf("Cannot open %s: %v", e.source.Name, e.err)
		return nil
	case e.doc == nil:
		s.message = stillReading(e)
		return nil
	}
	var cmd tea.Cmd
	if e.reader == nil {
		e.reader = New(e.doc, s.opts)
		e.reader.keys = e.reader.keys.withShelf()
		cmd = e.reader.Init()
		if s.background != nil {
			e.reader.Update(*s.background)
		}
	}
	e.reader.SetSize(s.width, s.height)
	s.open, s.last = i, i
	return cmd
}

// stillReading says that e is not read yet.
func stillReading(e *shelfEntry) string {
	return "Still reading " + e.source.Name + "…"
}

// step shows the next or previous open document after the one shown (or
// last shown), wrapping around.
func (s *Shelf) step(dir int) {
	from := s.open
	if from < 0 {
		from = s.last
	}
	n := len(s.entries)
	for k := 1; k <= n; k++ {
		i := ((from+dir*k)%n + n) % n
		if s.entries[i].reader != nil && i != s.open {
			s.openEntry(i)
			return
		}
	}
	if s.open < 0 {
		s.message = "No document is open yet: enter opens one."
	}
}

// refresh rebuilds the rows as documents arrive, keeping the filter and
// the selection.
func (s *Shelf) refresh() {
	selected := -1
	if r, ok := s.list.Selected(); ok {
		selected = r.id
	}
	l := newList(s.rows(), 1, true, s.list.empty, s.styles)
	l.fuzzyLimit = shelfFuzzyLimit
	l.SetSize(s.list.width, s.list.height)
	l.SetFilter(s.list.filter)
	if selected >= 0 {
		l.SelectID(selected)
	}
	s.list = l
}

// rows lists the documents: title, then byline, source, date and reading
// time, with the number of questions at the right.
func (s *Shelf) rows() []row {
	rows := make([]row, len(s.entries))
	for i, e := range s.entries {
		r := row{text: filepath.Base(e.source.Name), id: i}
		switch {
		case e.err != nil:
			r.detail = "cannot read: " + e.err.Error()
		case e.doc == nil:
			r.detail = "reading…"
		default:
			if e.doc.Title != "" {
				r.text = e.doc.Title
			}
			r.detail = strings.Join(documentFacts(e.doc), " · ")
			r.count = fmt.Sprintf("%d Q&A", len(e.doc.Exchanges))
		}
		rows[i] = r
	}
	return rows
}

// documentFacts are what the shelf and the status line say about a
// document: byline, source, date and reading time, whichever are known.
func documentFacts(d *model.Document) []string {
	var facts []string
	for _, f := range []string{d.Byline, sourceOf(d), d.Date} {
		if f != "" {
			facts = append(facts, f)
		}
	}
	return append(facts, readingTime(d))
}

// sourceOf names where a document came from: its publication, else its
// file's base name or URL.
func sourceOf(d *model.Document) string {
	switch {
	case d.Source != "":
		return d.Source
	case strings.Contains(d.Name, "://"), d.Name == "-":
		return d.Name
	}
	return filepath.Base(d.Name)
}

// SetSize lays the shelf, and the open reader, out for w by h cells.
func (s *Shelf) SetSize(w, h int) {
	s.width, s.height = max(w, 0), max(h, 0)
	s.list.SetSize(s.width, max(s.height-3, 0))
	s.input.SetWidth(max(s.width-len(s.input.Prompt)-1, 1))
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
	read := 0
	for _, e := range s.entries {
		if e.doc != nil || e.err != nil {
			read++
		}
	}
	header := fmt.Sprintf("Shelf · %d documents", len(s.entries))
	if read < len(s.entries) {
		header += fmt.Sprintf(" · reading %d…", len(s.entries)-read)
	}
	lines := []string{s.styles.HeaderFocused.Render(fit(" "+header, s.width))}
	body := strings.Split(s.list.View(), "\n")
	for i := 0; i < max(s.height-3, 0); i++ {
		lines = append(lines, fit(line(body, i), s.width))
	}
	status := " " + fmt.Sprintf("%d/%d", max(s.list.selected+1, 0), len(s.list.rows))
	if s.list.filter != "" {
		status += " · filter “" + s.list.filter + "”"
	}
	lines = append(lines, s.styles.Status.Render(fit(status, s.width)))
	switch {
	case s.filtering:
		lines = append(lines, fit(s.input.View(), s.width))
	case s.message != "":
		lines = append(lines, fit(s.styles.Hint.Render(s.message), s.width))
	default:
		lines = append(lines, fit(s.styles.Hint.Render("enter open · / filter · j/k move · ctrl+n/ctrl+p open documents · q quit"), s.width))
	}
	return strings.Join(lines[:min(len(lines), s.height)], "\n")
}
