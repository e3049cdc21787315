package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key binding of the reader. The help overlay and the
// hint line are generated from it.
type KeyMap struct {
	Down, Up             key.Binding
	PageDown, PageUp     key.Binding
	HalfDown, HalfUp     key.Binding
	Top, Bottom          key.Binding
	Enter                key.Binding
	NextPane, PrevPane   key.Binding
	Article, QA, Sidebar key.Binding
	Close                key.Binding
	Help, Quit           key.Binding
}

// DefaultKeyMap returns the reader's keys, as listed in the README.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Down:     key.NewBinding(key.WithKeys("j", "down"), key.WithHelp("j/↓", "down")),
		Up:       key.NewBinding(key.WithKeys("k", "up"), key.WithHelp("k/↑", "up")),
		PageDown: key.NewBinding(key.WithKeys("space", "pgdown", "f"), key.WithHelp("space/pgdn", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "page up")),
		HalfDown: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "half page down")),
		HalfUp:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "half page up")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g/home", "top")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G/end", "bottom")),
		Enter:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "jump to item in text")),
		NextPane: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next pane")),
		PrevPane: key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous pane")),
		Article:  key.NewBinding(key.WithKeys("1"), key.WithHelp("1", "article")),
		QA:       key.NewBinding(key.WithKeys("2"), key.WithHelp("2", "questions")),
		Sidebar:  key.NewBinding(key.WithKeys("3"), key.WithHelp("3", "entities")),
		Close:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close help")),
		Help:     key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:     key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}
}

// ShortHelp is the one-line key hint under the panes.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.NextPane, k.Down, k.PageDown, k.Enter, k.Help, k.Quit}
}

// FullHelp is the help overlay, one group a column.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom},
		{k.NextPane, k.PrevPane, k.Article, k.QA, k.Sidebar, k.Enter},
		{k.Help, k.Close, k.Quit},
	}
}
