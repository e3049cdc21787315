package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap holds every key binding of the reader. The help overlay and the
// hint line are generated from it.
type KeyMap struct {
	Down, Up                     key.Binding
	PageDown, PageUp             key.Binding
	HalfDown, HalfUp             key.Binding
	Top, Bottom                  key.Binding
	NextSection, PrevSection     key.Binding
	NextQuestion, PrevQuestion   key.Binding
	NextQuote, PrevQuote         key.Binding
	Search, NextMatch, PrevMatch key.Binding
	Contents, Quotes, Copy       key.Binding
	Enter                        key.Binding
	NextPane, PrevPane           key.Binding
	Article, QA, Sidebar         key.Binding
	Close, Help, Quit            key.Binding
	// Suspend stops lede and gives the terminal back to the shell, as
	// ctrl+z does in any program; fg resumes it.
	Suspend key.Binding
	// Shelf, NextDoc and PrevDoc move between the documents of a shelf;
	// they are disabled when lede reads one document.
	Shelf, NextDoc, PrevDoc key.Binding
	// noQuestions is set for a document without questions: the hint
	// leaves out the question keys, and the help says there are none.
	noQuestions bool
}

// DefaultKeyMap returns the reader's keys, as listed in the README.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Down:         key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		Up:           key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		PageDown:     key.NewBinding(key.WithKeys("space", "pgdown", "f"), key.WithHelp("f/space", "page down")),
		PageUp:       key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "page up")),
		HalfDown:     key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "half page down")),
		HalfUp:       key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "half page up")),
		Top:          key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:       key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),
		NextSection:  key.NewBinding(key.WithKeys("]"), key.WithHelp("]", "next section")),
		PrevSection:  key.NewBinding(key.WithKeys("["), key.WithHelp("[", "previous section")),
		NextQuestion: key.NewBinding(key.WithKeys("}"), key.WithHelp("}", "next question")),
		PrevQuestion: key.NewBinding(key.WithKeys("{"), key.WithHelp("{", "previous question")),
		NextQuote:    key.NewBinding(key.WithKeys(">"), key.WithHelp(">", "next quote")),
		PrevQuote:    key.NewBinding(key.WithKeys("<"), key.WithHelp("<", "previous quote")),
		Search:       key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search (in a list: filter)")),
		NextMatch:    key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match or mention")),
		PrevMatch:    key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match or mention")),
		Contents:     key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "contents")),
		Quotes:       key.NewBinding(key.WithKeys("\""), key.WithHelp("\"", "quotes list")),
		Copy:         key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "copy quote with citation")),
		Enter:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "jump to item / pick entity")),
		NextPane:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane:     key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Article:      key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "article")),
		QA:           key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "questions")),
		Sidebar:      key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "entities")),
		Close:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close / clear highlights")),
		Help:         key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:         key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Suspend:      key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend (fg resumes)")),
		Shelf:        key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "back to the shelf"), key.WithDisabled()),
		NextDoc:      key.NewBinding(key.WithKeys("ctrl+n"), key.WithHelp("ctrl+n", "next open document"), key.WithDisabled()),
		PrevDoc:      key.NewBinding(key.WithKeys("ctrl+p"), key.WithHelp("ctrl+p", "previous open document"), key.WithDisabled()),
	}
}

// withShelf returns the keys of a reader on a shelf: the shelf's keys
// enabled, and esc going back to the shelf when it has nothing to close.
func (k KeyMap) withShelf() KeyMap {
	k.Shelf.SetEnabled(true)
	k.NextDoc.SetEnabled(true)
	k.PrevDoc.SetEnabled(true)
	k.Close.SetHelp("esc", "close / clear / back to the shelf")
	return k
}

// shelfHelp are the shelf list's keys, in groups for its help overlay:
// moving, then acting on documents.
func (k KeyMap) shelfHelp() [][]key.Binding {
	open, filter, clear := k.Enter, k.Search, k.Close
	open.SetHelp("enter", "open the document")
	filter.SetHelp("/", "filter the list")
	clear.SetHelp("esc", "clear the filter")
	next, prev := k.NextDoc, k.PrevDoc
	next.SetHelp("ctrl+n", "next open document")
	prev.SetHelp("ctrl+p", "previous open document")
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{open, filter, clear, next, prev, k.Help, k.Suspend, k.Quit},
	}
}

// shelfHint is the shelf list's one-line key hint, in short words.
func (k KeyMap) shelfHint() []key.Binding {
	open, filter, next := k.Enter, k.Search, k.NextDoc
	open.SetHelp("enter", "open")
	filter.SetHelp("/", "filter")
	next.SetHelp("ctrl+n", "next open")
	return []key.Binding{open, filter, next, k.Help, k.Quit}
}

// shelfTitles head the columns of shelfHelp.
var shelfTitles = []string{"Move", "Documents"}

// forQuestions returns the keys for a document with questions or
// without: without, the question keys stay (they say there are none) but
// the hint leaves them out and the help marks them.
func (k KeyMap) forQuestions(has bool) KeyMap {
	d := DefaultKeyMap()
	k.NextQuestion.SetHelp(d.NextQuestion.Help().Key, d.NextQuestion.Help().Desc)
	k.PrevQuestion.SetHelp(d.PrevQuestion.Help().Key, d.PrevQuestion.Help().Desc)
	k.QA.SetHelp(d.QA.Help().Key, d.QA.Help().Desc)
	k.noQuestions = !has
	if !has {
		k.NextQuestion.SetHelp("}", "next question (none)")
		k.PrevQuestion.SetHelp("{", "previous question (none)")
		k.QA.SetHelp("2", "questions (none)")
	}
	return k
}

// ShortHelp is the one-line key hint under the panes.
func (k KeyMap) ShortHelp() []key.Binding {
	if k.noQuestions {
		return []key.Binding{k.NextPane, k.NextSection, k.NextQuote, k.Search, k.Help, k.Quit}
	}
	return []key.Binding{k.NextPane, k.NextSection, k.NextQuestion, k.NextQuote, k.Search, k.Help, k.Quit}
}

// FullHelp is the help overlay, one group a column; the shelf's keys
// make a group when they are enabled.
func (k KeyMap) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.NextSection, k.PrevSection, k.NextQuestion, k.PrevQuestion, k.NextQuote, k.PrevQuote, k.Contents, k.Quotes},
		{k.Search, k.NextMatch, k.PrevMatch, k.Enter, k.Copy, k.Close},
		{k.NextPane, k.PrevPane, k.Article, k.QA, k.Sidebar, k.Help, k.Suspend, k.Quit},
	}
	if k.Shelf.Enabled() {
		groups = append(groups, []key.Binding{k.Shelf, k.NextDoc, k.PrevDoc})
	}
	return groups
}

// helpTitles head the columns of FullHelp.
var helpTitles = []string{"Move", "Jump", "Find", "Panes", "Documents"}

// listKeyMap holds the keys that move the selection of a list, as less
// moves.
type listKeyMap struct {
	Down, Up, PageDown, PageUp, Top, Bottom key.Binding
}

// listKeys returns the reader's keys that move in a list pane or the
// shelf: a half page moves a page, as a list's items are not lines.
func (k KeyMap) listKeys() listKeyMap {
	both := func(a, b key.Binding) key.Binding {
		return key.NewBinding(key.WithKeys(append(a.Keys(), b.Keys()...)...), key.WithHelp(a.Help().Key, a.Help().Desc))
	}
	return listKeyMap{Down: k.Down, Up: k.Up, PageDown: both(k.PageDown, k.HalfDown), PageUp: both(k.PageUp, k.HalfUp), Top: k.Top, Bottom: k.Bottom}
}

// move moves the selection of l for a movement key, and reports whether
// msg was one.
func (k listKeyMap) move(l *list, msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, k.Down):
		l.Move(1)
	case key.Matches(msg, k.Up):
		l.Move(-1)
	case key.Matches(msg, k.PageDown):
		l.Page(1)
	case key.Matches(msg, k.PageUp):
		l.Page(-1)
	case key.Matches(msg, k.Top):
		l.Home()
	case key.Matches(msg, k.Bottom):
		l.End()
	default:
		return false
	}
	return true
}

// overlayKeyMap holds the keys of the contents and quotes overlays, which
// win over the reader's while one is open: ctrl+n and ctrl+p move in the
// list there, although they switch documents elsewhere.
type overlayKeyMap struct {
	listKeyMap
	// Filter starts typing a filter; until then keys do not type.
	Filter key.Binding
	// Jump goes to the selected item; Close clears the filter, then
	// closes the overlay; Quit leaves lede.
	Jump, Close, Quit key.Binding
}

// defaultOverlayKeys returns the overlay's keys.
func defaultOverlayKeys() overlayKeyMap {
	return overlayKeyMap{
		listKeyMap: listKeyMap{
			Down:     key.NewBinding(key.WithKeys("j", "down", "ctrl+n"), key.WithHelp("j/k", "move")),
			Up:       key.NewBinding(key.WithKeys("k", "up", "ctrl+p"), key.WithHelp("k", "up")),
			PageDown: key.NewBinding(key.WithKeys("space", "pgdown", "f", "d"), key.WithHelp("space", "page down")),
			PageUp:   key.NewBinding(key.WithKeys("b", "pgup", "u"), key.WithHelp("b", "page up")),
			Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
			Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		},
		Filter: key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Jump:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "jump")),
		Close:  key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "close")),
		Quit:   key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// ShortHelp is the overlay's hint line.
func (k overlayKeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.Filter, k.Jump, k.Close}
}
