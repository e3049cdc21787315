package ui

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/rivo/uniseg"
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
	// SetMark and GoToMark take a letter after them, as in less and vim:
	// m a marks the reader's place as a, ' a goes back to it.
	SetMark, GoToMark key.Binding
	// Highlight highlights what has focus, Note adds or edits its note,
	// Highlights lists them.
	Highlight, Note, Highlights key.Binding
	// HideEntity hides the entity selected in the sidebar as no entity,
	// ChangeKind gives it the next kind; both are kept.
	HideEntity, ChangeKind key.Binding
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
		SetMark:      key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "mark the place (m + letter)")),
		GoToMark:     key.NewBinding(key.WithKeys("'"), key.WithHelp("'", "go to a mark (' + letter)")),
		Highlight:    key.NewBinding(key.WithKeys("H"), key.WithHelp("H", "highlight (again: remove)")),
		Note:         key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "note on the highlight")),
		Highlights:   key.NewBinding(key.WithKeys("L"), key.WithHelp("L", "highlights list")),
		HideEntity:   key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "hide the entity (sidebar)")),
		ChangeKind:   key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "change the entity's kind")),
		Close:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close / clear the search")),
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
	k.Close.SetHelp(k.Close.Help().Key, "close / clear / back to the shelf")
	return k
}

// shelfHelp are the shelf list's keys, in groups for its help overlay:
// moving, then acting on documents.
func (k KeyMap) shelfHelp() [][]key.Binding {
	open, filter, clear := k.Enter, k.Search, k.Close
	open.SetHelp(open.Help().Key, "open the document")
	filter.SetHelp(filter.Help().Key, "filter the list")
	clear.SetHelp(clear.Help().Key, "clear the filter")
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{open, filter, clear, k.NextDoc, k.PrevDoc, k.Help, k.Suspend, k.Quit},
	}
}

// shelfHint is the shelf list's one-line key hint, in short words.
func (k KeyMap) shelfHint() []key.Binding {
	open, filter, next := k.Enter, k.Search, k.NextDoc
	open.SetHelp(open.Help().Key, "open")
	filter.SetHelp(filter.Help().Key, "filter")
	next.SetHelp(next.Help().Key, "next open")
	return []key.Binding{open, filter, next, k.Help, k.Quit}
}

// closesHelp is the help overlay's last line: the keys that close it.
func (k KeyMap) closesHelp() string {
	var keys []string
	for _, b := range []key.Binding{k.Help, k.Close} {
		if b.Enabled() {
			keys = append(keys, b.Help().Key)
		}
	}
	if len(keys) == 0 {
		return ""
	}
	return strings.Join(keys, " or ") + " closes this help."
}

// shelfTitles head the columns of shelfHelp.
var shelfTitles = []string{"Move", "Documents"}

// forQuestions returns the keys for a document with questions or
// without: without, the question keys stay (they say there are none) but
// the hint leaves them out and the help marks them. The keys shown are the
// ones bound, whatever a config file bound.
func (k KeyMap) forQuestions(has bool) KeyMap {
	d := DefaultKeyMap()
	k.noQuestions = !has
	for _, b := range []struct {
		binding *key.Binding
		desc    string
	}{{&k.NextQuestion, d.NextQuestion.Help().Desc}, {&k.PrevQuestion, d.PrevQuestion.Help().Desc}, {&k.QA, d.QA.Help().Desc}} {
		desc := b.desc
		if !has {
			desc += " (none)"
		}
		b.binding.SetHelp(b.binding.Help().Key, desc)
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
		{k.SetMark, k.GoToMark, k.Highlight, k.Note, k.Highlights, k.HideEntity, k.ChangeKind},
		{k.NextPane, k.PrevPane, k.Article, k.QA, k.Sidebar, k.Help, k.Suspend, k.Quit},
	}
	if k.Shelf.Enabled() {
		groups = append(groups, []key.Binding{k.Shelf, k.NextDoc, k.PrevDoc})
	}
	return groups
}

// helpTitles head the columns of FullHelp.
var helpTitles = []string{"Move", "Jump", "Find", "Keep", "Panes", "Documents"}

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

// actions name every binding of a KeyMap, as a config file binds keys to
// it ("next_quote = ['>']"), in the order of the help.
var actions = []struct {
	name    string
	binding func(*KeyMap) *key.Binding
}{
	{"down", func(k *KeyMap) *key.Binding { return &k.Down }},
	{"up", func(k *KeyMap) *key.Binding { return &k.Up }},
	{"page_down", func(k *KeyMap) *key.Binding { return &k.PageDown }},
	{"page_up", func(k *KeyMap) *key.Binding { return &k.PageUp }},
	{"half_down", func(k *KeyMap) *key.Binding { return &k.HalfDown }},
	{"half_up", func(k *KeyMap) *key.Binding { return &k.HalfUp }},
	{"top", func(k *KeyMap) *key.Binding { return &k.Top }},
	{"bottom", func(k *KeyMap) *key.Binding { return &k.Bottom }},
	{"next_section", func(k *KeyMap) *key.Binding { return &k.NextSection }},
	{"prev_section", func(k *KeyMap) *key.Binding { return &k.PrevSection }},
	{"next_question", func(k *KeyMap) *key.Binding { return &k.NextQuestion }},
	{"prev_question", func(k *KeyMap) *key.Binding { return &k.PrevQuestion }},
	{"next_quote", func(k *KeyMap) *key.Binding { return &k.NextQuote }},
	{"prev_quote", func(k *KeyMap) *key.Binding { return &k.PrevQuote }},
	{"contents", func(k *KeyMap) *key.Binding { return &k.Contents }},
	{"quotes", func(k *KeyMap) *key.Binding { return &k.Quotes }},
	{"search", func(k *KeyMap) *key.Binding { return &k.Search }},
	{"next_match", func(k *KeyMap) *key.Binding { return &k.NextMatch }},
	{"prev_match", func(k *KeyMap) *key.Binding { return &k.PrevMatch }},
	{"select", func(k *KeyMap) *key.Binding { return &k.Enter }},
	{"copy", func(k *KeyMap) *key.Binding { return &k.Copy }},
	{"close", func(k *KeyMap) *key.Binding { return &k.Close }},
	{"set_mark", func(k *KeyMap) *key.Binding { return &k.SetMark }},
	{"go_to_mark", func(k *KeyMap) *key.Binding { return &k.GoToMark }},
	{"highlight", func(k *KeyMap) *key.Binding { return &k.Highlight }},
	{"note", func(k *KeyMap) *key.Binding { return &k.Note }},
	{"highlights", func(k *KeyMap) *key.Binding { return &k.Highlights }},
	{"hide_entity", func(k *KeyMap) *key.Binding { return &k.HideEntity }},
	{"change_kind", func(k *KeyMap) *key.Binding { return &k.ChangeKind }},
	{"next_pane", func(k *KeyMap) *key.Binding { return &k.NextPane }},
	{"prev_pane", func(k *KeyMap) *key.Binding { return &k.PrevPane }},
	{"focus_article", func(k *KeyMap) *key.Binding { return &k.Article }},
	{"focus_questions", func(k *KeyMap) *key.Binding { return &k.QA }},
	{"focus_entities", func(k *KeyMap) *key.Binding { return &k.Sidebar }},
	{"help", func(k *KeyMap) *key.Binding { return &k.Help }},
	{"suspend", func(k *KeyMap) *key.Binding { return &k.Suspend }},
	{"quit", func(k *KeyMap) *key.Binding { return &k.Quit }},
	{"shelf", func(k *KeyMap) *key.Binding { return &k.Shelf }},
	{"next_document", func(k *KeyMap) *key.Binding { return &k.NextDoc }},
	{"prev_document", func(k *KeyMap) *key.Binding { return &k.PrevDoc }},
}

// Action is one thing a key does in the reader, by the name a config
// file binds keys to it.
type Action struct {
	// Name is the action's name, e.g. next_quote.
	Name string
	// Desc says what it does, as the help overlay does.
	Desc string
	// Keys are the keys bound to it, as KeyPressMsg.String names them.
	Keys []string
}

// Actions lists every action of k and its keys, in the order of the help.
func (k KeyMap) Actions() []Action {
	out := make([]Action, len(actions))
	for i, a := range actions {
		b := a.binding(&k)
		out[i] = Action{Name: a.name, Desc: b.Help().Desc, Keys: b.Keys()}
	}
	return out
}

// Bind binds keys to the action named name in place of its keys, and the
// help shows them; no keys unbind it. A shelf's actions stay disabled out
// of a shelf.
func (k *KeyMap) Bind(name string, keys []string) error {
	for _, a := range actions {
		if a.name != name {
			continue
		}
		for _, s := range keys {
			if err := CheckKey(s); err != nil {
				return err
			}
		}
		b := a.binding(k)
		enabled := b.Enabled()
		*b = key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey(keys), b.Help().Desc))
		b.SetEnabled(enabled && len(keys) > 0)
		return nil
	}
	return fmt.Errorf("no action %q", name)
}

// keyNames are the names of the keys that type no text ("enter",
// "pgdown", "f1"...), as KeyPressMsg.String names them.
var keyNames = func() map[string]bool {
	names := map[string]bool{}
	for _, code := range []rune{tea.KeyBackspace, tea.KeyTab, tea.KeyEnter, tea.KeyEscape, tea.KeySpace} {
		names[tea.Key{Code: code}.Keystroke()] = true
	}
	for code := tea.KeyUp; code <= tea.KeyIsoLevel5Shift; code++ {
		names[tea.Key{Code: code}.Keystroke()] = true
	}
	return names
}()

// CheckKey reports whether s names a key as a key press's String does:
// one character ("j", "G", ">"), or a named key ("pgdown", "f1"), after
// modifiers ("ctrl+n", "shift+tab", "alt+x").
func CheckKey(s string) error {
	rest := s
	for _, mod := range []string{"ctrl+", "alt+", "shift+", "meta+", "hyper+", "super+"} {
		rest = strings.TrimPrefix(rest, mod)
	}
	if keyNames[rest] {
		return nil
	}
	if r, _ := utf8.DecodeRuneInString(rest); uniseg.GraphemeClusterCount(rest) == 1 && unicode.IsGraphic(r) && !unicode.IsSpace(r) {
		return nil
	}
	return fmt.Errorf("%q is not a key (a character, or a name such as enter, space, pgdown, f1, with ctrl+, alt+ or shift+ before it)", s)
}

// helpKey is how the help shows keys: the first two, arrows as arrows.
func helpKey(keys []string) string {
	shown := make([]string, 0, 2)
	for _, s := range keys[:min(len(keys), 2)] {
		if g, ok := keyGlyphs[s]; ok {
			s = g
		}
		shown = append(shown, s)
	}
	return strings.Join(shown, "/")
}

// keyGlyphs are the help's short names of keys, as DefaultKeyMap writes
// them.
var keyGlyphs = map[string]string{"down": "↓", "up": "↑", "left": "←", "right": "→", "pgdown": "pgdn"}
