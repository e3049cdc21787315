// Package ui shows a model.Document in the terminal: the root Bubble Tea
// model, one file per pane, the key map, styles and glamour rendering.
package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

// Focus names the pane that receives movement keys.
type Focus int

// The panes, in tab order.
const (
	FocusArticle Focus = iota
	FocusQA
	FocusSidebar
	focusCount
)

// String is the pane's name as its header shows it.
func (f Focus) String() string {
	switch f {
	case FocusArticle:
		return "Article"
	case FocusQA:
		return "Q&A"
	case FocusSidebar:
		return "Entities"
	}
	return fmt.Sprintf("Focus(%d)", int(f))
}

// Options configure the reader.
type Options struct {
	// Style is a style name other than auto (see StyleNames) or a JSON
	// style path; "" picks dark or light from the terminal's background.
	Style string
	// Plain turns off colour in the reader's own chrome (NO_COLOR).
	Plain bool
	// Keys are the reader's keys; nil means DefaultKeyMap.
	Keys *KeyMap
	// Width is the article's measure: the most columns its text takes,
	// however wide its pane; 0 means 100.
	Width int
	// NoMouse leaves the mouse to the terminal: the wheel and clicks do
	// nothing in lede, and a drag selects text without shift.
	NoMouse bool
	// Layout chooses the panes shown and their widths.
	Layout Layout
	// Memory keeps the reader's place between runs, or nil.
	Memory Memory
	// TextSearch, on a shelf, finds the filter in the text of its
	// documents, listed after the titles that match; nil matches titles
	// only.
	TextSearch TextSearch
	// ReadWhole reads the whole document when the reader is given the
	// head of one (see model.Document.Partial): the reader shows the
	// head, calls ReadWhole off the UI's goroutine, and shows the whole
	// in its place, at the same place, when it returns. The memory is
	// asked for its place, and extraction starts, only then. nil shows
	// the head as the whole.
	ReadWhole func() (*model.Document, error)
}

// Model is the reader of one document: the article, the Q&A and the
// entities side by side, with the search, the overlays and the jumps. It
// is a component of the App, which draws the chrome around it.
type Model struct {
	*common
	doc     *model.Document
	opts    Options
	keys    KeyMap
	article *articlePane
	qa      list
	sidebar list

	focus  Focus
	side   Focus // the list shown when Q&A and sidebar share a tab
	width  int
	height int
	layout layout

	// prompt is the search or filter input on the bottom line.
	prompt prompt
	// find is what n and N step through: search matches or the selected
	// entity's mentions.
	find finding
	// quote is the quote the reader last jumped to, or -1.
	quote int
	// overlay is the open contents or quotes list, or nil.
	overlay *overlay
	// extracting reports that extraction runs in the background; spinner
	// turns in the lists until it lands.
	extracting bool
	spinner    spinner.Model
	// reading reports that the document is the head of one whose whole
	// is being read (Options.ReadWhole); unread is why the whole could
	// not be read, when it could not: the head is then all there is.
	reading bool
	unread  error
	// memory is how far the reader is with opts.Memory; resume is the
	// place it recalled, remembered the place it was last told (the top
	// of the article, a place not worth writing, at first), and
	// moved reports that a key or the mouse moved the reader, whose
	// place then wins over the recalled one.
	memory     memoryState
	resume     recalledMsg
	remembered place
	moved      bool
	// awaiting is the key waiting for a letter (m, '), if any; marks
	// are the reader's marks by letter, each a paragraph and the byte
	// offset in it (Start).
	awaiting awaiting
	marks    map[rune]model.Mention
	// highlights are the reader's highlights in text order; note is the
	// box a note is typed in, for the span noting.
	highlights []Highlight
	note       filterBox
	noting     model.Mention
	// corrections are the reader's fixes of entities, by name.
	corrections map[string]Correction
}

// newModel makes a reader for d in the App's chrome c.
func newModel(d *model.Document, opts Options, c *common) *Model {
	m := &Model{common: c, doc: d, opts: opts, keys: opts.keyMap(), side: FocusQA, quote: -1, marks: map[rune]model.Mention{}, corrections: map[string]Correction{}}
	m.article = newArticlePane(d, m.glamourStyle(), m.styles)
	if opts.Width > 0 {
		m.article.measure = opts.Width
	}
	m.makeLists()
	m.prompt.box = newFilterBox("/", nil, "keep", true, m.styles)
	m.note = newFilterBox("note: ", nil, "keep", true, m.styles)
	m.reading = d.Partial() && opts.ReadWhole != nil
	m.extracting = !d.Extracted()
	m.keys = m.keys.forQuestions(m.extracting || len(d.Exchanges) > 0)
	m.spinner = newSpinner(m.styles)
	return m
}

// makeLists makes the Q&A and entity lists of the document. Each says
// what it is filtered by while it is.
func (m *Model) makeLists() {
	m.qa = newList(qaRows(m.doc), 3, true, "No questions found.", m.styles)
	m.qa.showsFilter = true
	m.sidebar = m.newSidebar()
}

// glamourStyle is the article's glamour style: the one asked for, else
// dark or light for the background.
func (m *Model) glamourStyle() string {
	switch {
	case m.opts.Style != "":
		return m.opts.Style
	case m.dark:
		return StyleDark
	}
	return StyleLight
}

// onShelf gives the reader the keys of a reader on a shelf.
func (m *Model) onShelf() { m.keys = m.keys.withShelf() }

// Restyle draws in the styles for the background from now on.
func (m *Model) Restyle() {
	m.article.SetStyle(m.glamourStyle())
	m.prompt.box.SetStyles(m.styles)
	m.note.SetStyles(m.styles)
	m.qa.Invalidate()
	m.sidebar.Invalidate()
}

// Remeasure lays out again what was measured, after the way the terminal
// measures text (styles.Cells) changed.
func (m *Model) Remeasure() {
	m.article.Remeasure()
	m.qa.Invalidate()
	m.sidebar.Invalidate()
}

// Init starts extraction when the document needs it, and looks up the
// place the reader's memory kept; for the head of a document it reads
// the whole first (see wholeMsg).
func (m *Model) Init() tea.Cmd {
	var cmds []tea.Cmd
	if m.reading {
		cmds = append(cmds, readWhole(m.doc, m.opts.ReadWhole))
	} else {
		cmds = m.start()
	}
	if m.extracting {
		cmds = append(cmds, m.spinner.Tick)
	}
	return tea.Batch(cmds...)
}

// start is what runs once the whole document is there: its extraction,
// when it needs one, and the lookup of the place the memory kept.
func (m *Model) start() []tea.Cmd {
	var cmds []tea.Cmd
	if m.extracting {
		cmds = append(cmds, extract(m.doc))
	}
	if m.opts.Memory != nil {
		cmds = append(cmds, recall(m.opts.Memory))
	}
	return cmds
}

// Update handles keys, the mouse, and the reader's own messages: its
// extraction, its spinner and its recalled place. It tells the memory
// where the reader is after each.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	defer m.remember()
	switch msg := msg.(type) {
	case recalledMsg:
		m.recalled(msg)
	case wholeMsg:
		if m.owns(msg) {
			return m.setWhole(msg)
		}
	case extractedMsg:
		if m.owns(msg) {
			m.setDocument(msg.doc)
		}
	case spinner.TickMsg:
		if m.extracting && m.owns(msg) {
			var cmd tea.Cmd
			m.spinner, cmd = m.spinner.Update(msg)
			return cmd
		}
	case tea.KeyPressMsg:
		m.moved = true
		return m.handleKey(msg)
	case searchedMsg:
		m.searched(msg)
	case tea.MouseWheelMsg:
		m.moved = true
		m.wheel(msg.Mouse())
	case tea.MouseClickMsg:
		m.moved = true
		m.click(msg.Mouse())
	}
	return nil
}

// Capturing reports that the reader takes every key: an overlay is open
// or a search or filter is typed.
func (m *Model) Capturing() bool {
	return m.overlay != nil || m.prompt.box.typing || m.note.typing || m.awaiting != awaitingNothing
}

// Typing is the search, filter or note box while it is typed in, or
// nil.
func (m *Model) Typing() *filterBox {
	switch {
	case m.prompt.box.typing:
		return &m.prompt.box
	case m.note.typing:
		return &m.note
	}
	return nil
}

// Clearable reports whether esc has something to clear: highlights, or
// the filter of the focused list.
func (m *Model) Clearable() bool {
	return m.find.label != "" || m.focus != FocusArticle && m.focusedList().Filter() != ""
}

// Place is the paragraph at the top of the article, where it opens again.
func (m *Model) Place() int { return max(m.article.topParagraph(), 0) }

// GoTo brings paragraph p to the top of the article.
func (m *Model) GoTo(p int) { m.article.JumpTo(p, 0, false) }

// goToSpan shows span at of the document, spotted, as a jump does: the
// place the reader's memory recalls no longer moves the reader. A span
// outside the document is ignored.
func (m *Model) goToSpan(at model.Mention) {
	if at.Paragraph < 0 || at.Paragraph >= len(m.doc.Paragraphs) {
		return
	}
	text := m.doc.Paragraphs[at.Paragraph].Text
	at.Start = min(max(at.Start, 0), len(text))
	at.End = min(max(at.End, at.Start), len(text))
	m.article.JumpToSpan(at)
	m.moved = true
}

// handleKey sends a key to what has it: an overlay, the prompt, the
// reader's keys, then the focused pane.
func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case m.overlay != nil:
		done, cmd := m.overlay.Update(msg)
		if done != nil {
			m.overlayDone(done)
		}
		return cmd
	case m.prompt.box.typing:
		return m.promptKey(msg)
	case m.note.typing:
		return m.noteKey(msg)
	case m.awaiting != awaitingNothing:
		m.letterKey(msg)
		return nil
	}
	switch {
	case key.Matches(msg, k.NextPane):
		m.setFocus((m.focus + 1) % focusCount)
	case key.Matches(msg, k.PrevPane):
		m.setFocus((m.focus + focusCount - 1) % focusCount)
	case key.Matches(msg, k.Article):
		m.setFocus(FocusArticle)
	case key.Matches(msg, k.QA):
		m.setFocus(FocusQA)
	case key.Matches(msg, k.Sidebar):
		m.setFocus(FocusSidebar)
	case key.Matches(msg, k.Search, k.NextMatch, k.PrevMatch, k.SetMark, k.GoToMark, k.Highlight, k.Note,
		k.Highlights, k.Bottom) && m.needsWhole():
	case key.Matches(msg, k.NextSection, k.PrevSection, k.NextQuestion, k.PrevQuestion,
		k.NextQuote, k.PrevQuote, k.Contents, k.Quotes, k.Copy, k.HideEntity, k.ChangeKind) && m.needsExtraction():
	case key.Matches(msg, k.NextSection):
		m.jumpSection(1)
	case key.Matches(msg, k.PrevSection):
		m.jumpSection(-1)
	case key.Matches(msg, k.NextQuestion):
		m.jumpQuestion(1)
	case key.Matches(msg, k.PrevQuestion):
		m.jumpQuestion(-1)
	case key.Matches(msg, k.NextQuote):
		m.jumpQuote(1)
	case key.Matches(msg, k.PrevQuote):
		m.jumpQuote(-1)
	case key.Matches(msg, k.NextMatch):
		m.jumpFind(1)
	case key.Matches(msg, k.PrevMatch):
		m.jumpFind(-1)
	case key.Matches(msg, k.Search):
		return m.openPrompt()
	case key.Matches(msg, k.Contents):
		return m.openContents()
	case key.Matches(msg, k.Quotes):
		return m.openQuotes()
	case key.Matches(msg, k.Copy):
		return m.copyQuote()
	case key.Matches(msg, k.SetMark):
		m.awaitLetter(awaitingSetMark)
	case key.Matches(msg, k.GoToMark):
		m.awaitLetter(awaitingGoToMark)
	case key.Matches(msg, k.Highlight):
		m.toggleHighlight()
	case key.Matches(msg, k.Note):
		return m.openNote()
	case key.Matches(msg, k.Highlights):
		return m.openHighlights()
	case key.Matches(msg, k.HideEntity):
		m.hideEntity()
	case key.Matches(msg, k.ChangeKind):
		m.changeKind()
	case key.Matches(msg, k.Close):
		if m.focus != FocusArticle && m.focusedList().Filter() != "" {
			m.focusedList().SetFilter("")
		}
		m.clearFind()
	case m.focus == FocusArticle:
		m.articleKey(msg)
	default:
		m.listKey(msg)
	}
	return nil
}

// articleKey scrolls the article, as less does. At the end of a
// document's head it says the rest is still being read.
func (m *Model) articleKey(msg tea.KeyPressMsg) {
	if m.article.Key(m.keys, msg) {
		m.quote = -1
		if m.reading && m.article.Percent() == 100 {
			m.message = "Still reading the article: the rest arrives in a moment."
		}
	}
}

// listKey moves the selection of the focused list; enter jumps the
// article to a question, or selects an entity and highlights its
// mentions.
func (m *Model) listKey(msg tea.KeyPressMsg) {
	if !m.keys.listKeys().move(m.focusedList(), msg) && key.Matches(msg, m.keys.Enter) {
		m.activate()
	}
}

// activate acts on the selected item of the focused list.
func (m *Model) activate() {
	r, ok := m.focusedList().Selected()
	if !ok {
		return
	}
	if m.focus == FocusSidebar {
		m.selectEntity(r.id)
	} else {
		m.article.JumpTo(r.at.Paragraph, r.at.Start, true)
		m.quote = -1
	}
	if m.layout.mode == layoutSingle {
		m.setFocus(FocusArticle)
	}
}

// focusedList is the list pane with focus, the Q&A when it is the
// article.
func (m *Model) focusedList() *list { return m.listOf(m.focus) }

// setFocus moves focus to f; a list focused in a shared tab is shown.
func (m *Model) setFocus(f Focus) {
	m.focus = f
	if f != FocusArticle {
		m.side = f
	}
}

// Focus is the pane that has focus.
func (m *Model) Focus() Focus { return m.focus }

// SetSize lays the panes out in w by h cells.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = max(w, 0), max(h, 0)
	m.layout = m.opts.Layout.apply(computeLayout(m.width, m.height, m.article.measure), m.width)
	l := m.layout
	content := max(l.bodyHeight-1, 0) // under each pane's header
	m.article.SetSize(l.articleWidth, content)
	switch l.mode {
	case layoutWide:
		m.qa.SetSize(l.sideWidth, max(l.qaHeight-1, 0))
		m.sidebar.SetSize(l.sideWidth, max(l.bodyHeight-l.qaHeight-1, 0))
	default:
		m.qa.SetSize(l.sideWidth, content)
		m.sidebar.SetSize(l.sideWidth, content)
	}
	m.prompt.box.SetWidth(m.width)
	m.note.SetWidth(m.width)
	if m.overlay != nil {
		m.overlay.SetSize(m.width, l.bodyHeight)
	}
	m.resumeNow()
}

// Title is the window's title: the document's.
func (m *Model) Title() string { return "lede: " + m.title() }

// title is the document's title, or its name when it has none.
func (m *Model) title() string {
	if m.doc.Title != "" {
		return m.doc.Title
	}
	return m.doc.Name
}

// View draws the panes, or the overlay over them.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.overlay != nil {
		return m.overlay.View(m.help, m.width, m.height)
	}
	return m.body()
}

// ShortHelp is the key hint.
func (m *Model) ShortHelp() []key.Binding { return m.keys.ShortHelp() }

// FullHelp is the help overlay's keys.
func (m *Model) FullHelp() [][]key.Binding { return m.keys.FullHelp() }

// HelpNotes head the help's columns, and say how quotes are shown and
// what the mouse does.
func (m *Model) HelpNotes() ([]string, string) {
	if m.opts.NoMouse {
		return helpTitles, quoteNote(m.keys.Copy) + "\n" + noMouseHelp
	}
	return helpTitles, quoteNote(m.keys.Copy) + "\n" + mouseHelp
}

// body draws the panes side by side for the current layout.
func (m *Model) body() string {
	l := m.layout
	article := m.pane([]Focus{FocusArticle}, l.articleWidth, l.bodyHeight, m.article.View())
	switch l.mode {
	case layoutWide:
		right := m.pane([]Focus{FocusQA}, l.sideWidth, l.qaHeight, m.listView(FocusQA)) + "\n" +
			m.pane([]Focus{FocusSidebar}, l.sideWidth, l.bodyHeight-l.qaHeight, m.listView(FocusSidebar))
		return m.columns(article, right, l.bodyHeight)
	case layoutFolded:
		side := m.pane([]Focus{FocusQA, FocusSidebar}, l.sideWidth, l.bodyHeight, m.listView(m.side))
		return m.columns(article, side, l.bodyHeight)
	}
	content := m.article.View()
	if m.focus != FocusArticle {
		content = m.listView(m.focus)
	}
	return m.pane([]Focus{FocusArticle, FocusQA, FocusSidebar}, m.width, l.bodyHeight, content)
}

// pane draws a header line of tabs over content, fitted to width and
// padded to height lines.
func (m *Model) pane(tabs []Focus, width, height int, content string) string {
	lines := strings.Split(content, "\n")
	out := make([]string, 0, height)
	out = append(out, m.tabs(tabs, width))
	for i := 0; len(out) < height; i++ {
		out = append(out, fit(m.styles.Cells, line(lines, i), width))
	}
	return strings.Join(out, "\n")
}

// tabs draws a pane header: "▸" marks the focused pane, "•" the list
// shown in a shared tab. Labels drop their counts, then their numbers,
// when the width is short.
func (m *Model) tabs(tabs []Focus, width int) string {
	for detail := 2; ; detail-- {
		parts := make([]string, len(tabs))
		plain := len(tabs) - 1
		for i, f := range tabs {
			marker, style := "  ", m.styles.Header
			switch {
			case f == m.focus:
				marker, style = "▸ ", m.styles.HeaderFocused
			case len(tabs) == 2 && f == m.side:
				marker = "• "
			}
			label := marker + m.tabLabel(f, detail)
			plain += m.styles.Cells.StringWidth(label)
			parts[i] = style.Render(label)
		}
		if plain <= width || detail == 0 {
			return fit(m.styles.Cells, strings.Join(parts, " "), width)
		}
	}
}

// tabLabel names a pane: with detail 1 its number key, with 2 its count.
func (m *Model) tabLabel(f Focus, detail int) string {
	label := f.String()
	if detail >= 1 {
		label = fmt.Sprintf("%d %s", int(f)+1, label)
	}
	if detail >= 2 && m.extracting && f != FocusArticle {
		return label + " (…)"
	}
	if detail >= 2 {
		switch f {
		case FocusQA:
			label += fmt.Sprintf(" (%d)", len(m.doc.Exchanges))
		case FocusSidebar:
			label += fmt.Sprintf(" (%d)", m.entityCount())
		}
	}
	return label
}

// columns joins two blocks of lines with a vertical rule between them.
func (m *Model) columns(left, right string, height int) string {
	ls, rs := strings.Split(left, "\n"), strings.Split(right, "\n")
	rule := m.styles.Separator.Render("│")
	var b strings.Builder
	for i := 0; i < height; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(fit(m.styles.Cells, line(ls, i), m.layout.articleWidth))
		b.WriteString(rule)
		b.WriteString(fit(m.styles.Cells, line(rs, i), m.layout.sideWidth))
	}
	return b.String()
}

// Status shows the title with the document's source, date and reading
// time, where the reader is, and the focused pane, in width cells, every
// fact set off from the next by " · ". When the width is short the title
// is shortened, then left out before the facts; the facts about the
// reader are left out from the last, whole. The facts about the document
// stand at the left and those about the reader at the right; spaces part
// the two where there is room, else a separator.
func (m *Model) Status(width int) string {
	cells := m.styles.Cells
	place := append(m.position(), m.focus.String())
	right := strings.Join(place, statusSeparator) + " "
	for len(place) > 1 && cells.StringWidth(right) >= width {
		place = place[:len(place)-1] // whole facts, never half of one
		right = strings.Join(place, statusSeparator) + " "
	}
	sep := cells.StringWidth(statusSeparator)
	avail := width - cells.StringWidth(right) - 1 - sep // " " left sep right
	if avail <= 1 {
		return fit(cells, " "+right, width)
	}
	about := strings.Join(facts(m.doc, false), statusSeparator)
	title := m.title()
	const minTitle = 12
	var left string
	switch rest := avail - cells.StringWidth(about) - sep; {
	case rest >= min(minTitle, cells.StringWidth(title)):
		left = truncate(cells, title, rest, "…") + statusSeparator + about
	case cells.StringWidth(about) <= avail:
		left = about
	default:
		left = truncate(cells, title, avail, "…")
	}
	gap := statusSeparator
	if room := avail - cells.StringWidth(left); room > 0 {
		gap = strings.Repeat(" ", room+sep)
	}
	return fit(cells, " "+left+gap+right, width)
}

// statusSeparator sets off one fact of the status line from the next.
const statusSeparator = " · "

// line returns lines[i], or "" past the end.
func line(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// fit truncates or pads s to exactly w cells, as cells measures them.
func fit(cells ansi.Method, s string, w int) string {
	if w <= 0 {
		return ""
	}
	s = truncate(cells, s, w, "")
	if n := cells.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}
