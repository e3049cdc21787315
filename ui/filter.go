package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// filterKeyMap holds the keys of a filter box while the reader types in
// it; every other key edits the text. Its hint is generated from it.
type filterKeyMap struct {
	// Accept ends the typing and keeps the text; Cancel ends it and
	// drops the text.
	Accept, Cancel key.Binding
	// Down and Up move the selection of the list under the box; PageDown
	// and PageUp move it by a screen.
	Down, Up, PageDown, PageUp key.Binding
	// Quit leaves lede, as it does everywhere.
	Quit key.Binding
}

// defaultFilterKeys returns the keys of a filter box: acting says what
// enter does ("keep", "jump", "open").
func defaultFilterKeys(acting string) filterKeyMap {
	return filterKeyMap{
		Accept:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", acting)),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
		Down:     key.NewBinding(key.WithKeys("down", "ctrl+n"), key.WithHelp("↓/↑", "move")),
		Up:       key.NewBinding(key.WithKeys("up", "ctrl+p"), key.WithHelp("↑", "up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "page down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		Quit:     key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// filterEvent is what a key did to a filter box, for its owner to act on.
type filterEvent int

const (
	// filterKept: the key moved the list or the cursor; nothing to do.
	filterKept filterEvent = iota
	// filterChanged: the text changed (the list, if any, is filtered).
	filterChanged
	// filterAccepted: the reader pressed enter; the box stopped typing.
	filterAccepted
	// filterCancelled: the reader pressed esc; the box stopped typing
	// and its text is still there for the owner to drop or keep.
	filterCancelled
)

// filterBox is the one text box of lede: a text input over a list, which
// narrows as the reader types and whose selection the arrow keys move. It
// serves the article's search (with no list), the filter of a list pane,
// the contents and quotes overlays, and the shelf.
type filterBox struct {
	input textinput.Model
	// list is what the text filters and the arrow keys move in, or nil
	// for a search, which its owner runs on filterChanged.
	list *list
	keys filterKeyMap
	// typing reports that keys go to the box.
	typing bool
	// hinted boxes show their hint after the text, when there is room.
	hinted bool
	// width is the box's width in cells, hint included.
	width int
}

// minInput is the fewest cells the text of a hinted box keeps; a box
// narrower than this and its hint shows no hint.
const minInput = 24

// ShortHelp is the hint shown while typing: the arrow keys only when there
// is a list to move in.
func (f *filterBox) ShortHelp() []key.Binding {
	if f.list == nil {
		return []key.Binding{f.keys.Accept, f.keys.Cancel}
	}
	return []key.Binding{f.keys.Down, f.keys.Accept, f.keys.Cancel}
}

// newFilterBox makes a box with a prompt, filtering l (nil for none); enter
// does what acting says, and a hinted box shows its keys after the text.
func newFilterBox(prompt string, l *list, acting string, hinted bool, styles *Styles) filterBox {
	in := textinput.New()
	s := in.Styles()
	s.Focused.Prompt, s.Focused.Text = styles.Input, styles.Input
	s.Cursor.Blink = false
	in.SetStyles(s)
	in.Prompt = prompt
	return filterBox{input: in, list: l, keys: defaultFilterKeys(acting), hinted: hinted}
}

// Start begins typing, from the text given.
func (f *filterBox) Start(text string) tea.Cmd {
	f.typing = true
	f.input.SetValue(text)
	f.input.CursorEnd()
	return f.input.Focus()
}

// Stop ends typing, keeping the text.
func (f *filterBox) Stop() {
	f.typing = false
	f.input.Blur()
}

// Clear drops the text and the list's filter.
func (f *filterBox) Clear() {
	f.input.SetValue("")
	if f.list != nil {
		f.list.SetFilter("")
	}
}

// Value is the text typed.
func (f *filterBox) Value() string { return f.input.Value() }

// SetWidth fits the box to w cells, prompt and hint included.
func (f *filterBox) SetWidth(w int) {
	f.width = w
	room := w - len(f.input.Prompt) - 1
	if hint := f.hintWidth(); hint > 0 && room-hint >= minInput {
		room -= hint
	}
	f.input.SetWidth(max(room, 1))
}

// hintGap is the room between a box's text and its hint.
const hintGap = 2

// hintWidth is the cells a hinted box's hint takes with the gap before
// it, or 0 for a box without one.
func (f *filterBox) hintWidth() int {
	if !f.hinted {
		return 0
	}
	return lipgloss.Width(help.New().ShortHelpView(f.ShortHelp())) + hintGap
}

// SetPrompt changes the text before the input.
func (f *filterBox) SetPrompt(prompt string) {
	f.input.Prompt = prompt
	f.SetWidth(f.width)
}

// SetStyles restyles the box's text for new chrome styles.
func (f *filterBox) SetStyles(styles *Styles) {
	s := f.input.Styles()
	s.Focused.Prompt, s.Focused.Text = styles.Input, styles.Input
	f.input.SetStyles(s)
}

// Update handles a key while typing: enter and esc stop typing, the arrow
// keys move in the list, ctrl+c quits, and any other key edits the text,
// filtering the list when it changed. It reports what the key did.
func (f *filterBox) Update(msg tea.KeyPressMsg) (filterEvent, tea.Cmd) {
	k := f.keys
	switch {
	case key.Matches(msg, k.Quit):
		return filterKept, tea.Quit
	case key.Matches(msg, k.Accept):
		f.Stop()
		return filterAccepted, nil
	case key.Matches(msg, k.Cancel):
		f.Stop()
		return filterCancelled, nil
	case f.list != nil && key.Matches(msg, k.Down):
		f.list.Move(1)
		return filterKept, nil
	case f.list != nil && key.Matches(msg, k.Up):
		f.list.Move(-1)
		return filterKept, nil
	case f.list != nil && key.Matches(msg, k.PageDown):
		f.list.Page(1)
		return filterKept, nil
	case f.list != nil && key.Matches(msg, k.PageUp):
		f.list.Page(-1)
		return filterKept, nil
	}
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	v := f.input.Value()
	if v == before {
		return filterKept, cmd
	}
	if f.list != nil {
		f.list.SetFilter(v)
	}
	return filterChanged, cmd
}

// View draws the input line, and after it the hint of a hinted box
// drawn by h when there is room.
func (f *filterBox) View(h help.Model, cells ansi.Method) string {
	in := f.input.View()
	hint := f.hintWidth()
	if hint == 0 || f.width-cells.StringWidth(in) < hint {
		return in
	}
	return in + strings.Repeat(" ", hintGap) + h.ShortHelpView(f.ShortHelp())
}
