package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
)

// common is the chrome the App owns and shares with the screens it
// shows: the styles, the key hint's look, and the note of the hint line.
type common struct {
	// styles are the chrome's styles, for the background and options.
	styles *Styles
	// help draws key hints in the chrome's styles.
	help help.Model
	// dark reports that the background is dark, as far as lede knows.
	dark bool
	// message is a one-off note shown in place of the key hint until the
	// next key.
	message string
	// clipboard is where text copied with y goes, told from the
	// terminal's environment.
	clipboard clipboard
}

// component is what the App shows between the top of the terminal and its
// status line: the reader of one document, or the shelf. A screen draws
// its body; the App draws the status line, the hint line and the help.
type component interface {
	help.KeyMap
	// Init starts the screen's work.
	Init() tea.Cmd
	// Update handles what the App does not: the keys it passes on, the
	// mouse, and the screen's own messages.
	Update(msg tea.Msg) tea.Cmd
	// SetSize sets the body's size, in cells.
	SetSize(w, h int)
	// View draws the body.
	View() string
	// Status is the text of the status line, fitted to width.
	Status(width int) string
	// Typing is the box keys type into, or nil.
	Typing() *filterBox
	// Capturing reports that the screen takes every key before the App:
	// something is typed or an overlay is open.
	Capturing() bool
	// HelpNotes are the titles of FullHelp's groups and a note under them.
	HelpNotes() (titles []string, note string)
	// Title is the window's title.
	Title() string
	// Restyle draws in the styles for the background (common.dark) from
	// now on; Remeasure lays out again after styles.Cells changed.
	Restyle()
	Remeasure()
}

// App is the root Bubble Tea model of lede: it owns the terminal's size,
// the chrome's styles, the status line, the key hint, the help overlay
// and the tea.View, and shows the reader of one document or the shelf.
type App struct {
	*common
	opts Options
	// keys are the keys the App takes before the screen: suspend, quit,
	// help, and those of the help overlay.
	keys    KeyMap
	helpBox helpOverlay
	width   int
	height  int
	// bodyHeight is the screen's height; hint reports that there is room
	// for the hint line under the status line.
	bodyHeight int
	hint       bool
	body       component
}

// New makes lede's root model for reading one document. A document that
// has not been extracted is shown at once, and extracted in the
// background when the program starts.
func New(d *model.Document, opts Options) *App {
	a := newApp(opts)
	a.body = newModel(d, opts, a.common)
	return a
}

// NewShelf makes lede's root model for a shelf of sources, read in the
// order given.
func NewShelf(sources []Source, opts Options) *App {
	a := newApp(opts)
	a.body = newShelfOf(sources, opts, a.common)
	return a
}

// newApp makes an App without a screen, its styles for the options.
func newApp(opts Options) *App {
	c := &common{styles: &Styles{}, dark: opts.Style != StyleLight}
	c.help = chromeStyles(opts, c.dark, c.styles)
	return &App{common: c, opts: opts, keys: opts.keyMap()}
}

// chromeStyles sets styles for the options and background, and returns a
// key hint model styled to match: no colour for NO_COLOR and the notty,
// nocolor and ascii styles; ASCII for the ascii style.
func chromeStyles(opts Options, dark bool, styles *Styles) help.Model {
	h := help.New()
	cells := styles.Cells
	switch opts.Style {
	case StyleNoTTY, StyleNoColor, StyleASCII:
		opts.Plain = true
	}
	if opts.Plain {
		*styles = plainStyles()
		h.Styles = help.Styles{}
	} else {
		*styles = colourStyles(dark)
		h.Styles = help.DefaultStyles(dark)
	}
	styles.Cells = cells
	styles.ASCII = opts.Style == StyleASCII
	styles.Spinner = spinner.MiniDot
	if styles.ASCII {
		styles.Spinner = spinner.Line
	}
	return h
}

// Init starts the screen, and asks the terminal for its background
// colour when the style is left to it.
func (a *App) Init() tea.Cmd {
	if a.opts.Style == "" {
		return tea.Batch(tea.RequestBackgroundColor, a.body.Init())
	}
	return a.body.Init()
}

// Update handles the window's size, the terminal's background colour,
// environment and way of measuring text, and the keys the App owns; the
// rest goes to the screen.
func (a *App) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		a.SetSize(msg.Width, msg.Height)
		return a, nil
	case tea.BackgroundColorMsg:
		if a.opts.Style == "" {
			a.dark = msg.IsDark()
			a.help = chromeStyles(a.opts, a.dark, a.styles)
			a.help.SetWidth(a.width)
			a.body.Restyle()
		}
		return a, nil
	case tea.EnvMsg:
		a.clipboard = clipboardFor(msg)
		return a, nil
	case tea.ModeReportMsg:
		if cells, ok := cellsFor(msg); ok && cells != a.styles.Cells {
			a.styles.Cells = cells
			a.body.Remeasure()
		}
		return a, nil
	case tea.KeyPressMsg:
		a.message = ""
		return a, a.key(msg)
	case tea.MouseWheelMsg, tea.MouseClickMsg:
		if a.helpBox.shown {
			return a, nil
		}
	}
	return a, a.body.Update(msg)
}

// key sends a key to what has it: ctrl+z, which suspends whatever is
// open, then the help, a screen that takes every key, the App's own keys,
// then the screen.
func (a *App) key(msg tea.KeyPressMsg) tea.Cmd {
	k := a.keys
	switch {
	case key.Matches(msg, k.Suspend):
		return tea.Suspend
	case a.helpBox.shown:
		return a.helpBox.key(k, msg, max(a.bodyHeight-2, 1))
	case a.body.Capturing():
		return a.body.Update(msg)
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		a.helpBox.shown = true
		return nil
	}
	return a.body.Update(msg)
}

// SetSize lays the screen out for a terminal of w by h cells: the body,
// a status line, and a hint line when there are at least 8 lines.
func (a *App) SetSize(w, h int) {
	a.width, a.height = max(w, 0), max(h, 0)
	a.hint = a.height >= 8
	a.bodyHeight = max(a.height-1-boolInt(a.hint), 0)
	a.help.SetWidth(a.width)
	a.body.SetSize(a.width, a.bodyHeight)
}

// View draws the screen in the alternate screen, with the mouse on unless
// the options leave it to the terminal; in the ascii style, every glyph of
// lede's is ASCII (see asciiGlyphs).
func (a *App) View() tea.View {
	content, title := a.render(), a.body.Title()
	if a.styles.ASCII {
		content, title = asciiGlyphs.Replace(content), asciiGlyphs.Replace(title)
	}
	v := tea.NewView(content)
	v.AltScreen = true
	if !a.opts.NoMouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = title
	return v
}

// render draws the body (or the help), the status line and the hint.
func (a *App) render() string {
	if a.width <= 0 || a.height <= 0 {
		return ""
	}
	cells := a.styles.Cells
	var parts []string
	switch {
	case a.bodyHeight == 0:
	case a.helpBox.shown:
		titles, note := a.body.HelpNotes()
		parts = append(parts, renderHelp(a.body.FullHelp(), titles, note, a.keys.closesHelp(), a.styles, a.width, a.bodyHeight, &a.helpBox.offset))
	default:
		parts = append(parts, a.body.View())
	}
	parts = append(parts, a.styles.Status.Render(fit(cells, a.body.Status(a.width), a.width)))
	if a.hint {
		parts = append(parts, a.hintLine())
	}
	return strings.Join(parts, "\n")
}

// hintLine is the box typed in, else a message, else the key hint.
func (a *App) hintLine() string {
	cells := a.styles.Cells
	switch box := a.body.Typing(); {
	case box != nil:
		return fit(cells, box.View(a.help, cells), a.width)
	case a.message != "":
		return fit(cells, a.styles.Hint.Render(a.message), a.width)
	}
	return fit(cells, a.help.ShortHelpView(a.body.ShortHelp()), a.width)
}
