package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"charm.land/bubbles/v2/spinner"
	glamourstyles "charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Styles groups every lipgloss style of the reader by pane.
type Styles struct {
	// Header is a pane's title line; HeaderFocused the focused pane's.
	Header, HeaderFocused lipgloss.Style
	// Separator draws the rule between panes.
	Separator lipgloss.Style
	// Mark is the gutter bar beside the paragraph a jump landed on.
	Mark lipgloss.Style
	// Highlight paints search matches and an entity's mentions; Current
	// the one the reader is on, and the quote a jump landed on.
	Highlight, Current lipgloss.Style
	// Kept paints the reader's own highlights (H), and KeptMark the bar
	// in the gutter beside their lines.
	Kept, KeptMark lipgloss.Style
	// Link marks a link's text, which is also a terminal hyperlink.
	Link lipgloss.Style

	// List rows: a group heading, an item, the selected item, an item's
	// second line, the count at the right, and the text of an empty list.
	ListHeading, ListItem, ListSelected, ListDetail, ListCount, ListEmpty lipgloss.Style

	// Status is the status line; Hint the key hint line under it; Input
	// the search prompt that replaces the hint.
	Status, Hint, Input lipgloss.Style

	// OverlayBox frames the contents and quotes lists.
	OverlayBox lipgloss.Style

	// HelpBox frames the help overlay; HelpKey and HelpDesc are its rows.
	HelpBox, HelpKey, HelpDesc lipgloss.Style

	// Spinner turns while extraction runs.
	Spinner spinner.Spinner

	// ASCII reports that the screen is drawn in ASCII (see asciiGlyphs).
	ASCII bool

	// Cells measures text as the terminal's renderer lays it out (see
	// cellsFor); every line the reader fits to a pane is measured by it.
	Cells ansi.Method
}

// plainStyles has no colour: for NO_COLOR and the notty, nocolor and
// ascii styles.
// State shows through marker glyphs, highlights through reverse video.
func plainStyles() Styles {
	return Styles{
		Highlight:  lipgloss.NewStyle().Reverse(true),
		Link:       lipgloss.NewStyle().Underline(true),
		Current:    lipgloss.NewStyle().Reverse(true).Bold(true).Underline(true),
		Input:      lipgloss.NewStyle(),
		HelpBox:    lipgloss.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, 1),
		OverlayBox: lipgloss.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, 1),
	}
}

// colourStyles is the palette for a dark or light terminal.
func colourStyles(dark bool) Styles {
	c := lipgloss.LightDark(dark)
	accent := c(lipgloss.Color("#5A3FC0"), lipgloss.Color("#A48BFF"))
	dim := c(lipgloss.Color("#77777A"), lipgloss.Color("#8A8A8F"))
	rule := c(lipgloss.Color("#CCCCCC"), lipgloss.Color("#3A3A3F"))
	barBg := c(lipgloss.Color("#E4E4E8"), lipgloss.Color("#26262B"))
	fg := c(lipgloss.Color("#1A1A1A"), lipgloss.Color("#E6E6E6"))
	return Styles{
		Header:        lipgloss.NewStyle().Foreground(dim).Bold(true),
		HeaderFocused: lipgloss.NewStyle().Foreground(accent).Bold(true).Underline(true),
		Separator:     lipgloss.NewStyle().Foreground(rule),
		Mark:          lipgloss.NewStyle().Foreground(accent),
		Link:          lipgloss.NewStyle().Foreground(accent).Underline(true),
		Highlight:     lipgloss.NewStyle().Background(c(lipgloss.Color("#FFE58A"), lipgloss.Color("#5C4A00"))).Foreground(fg),
		Kept:          lipgloss.NewStyle().Background(c(lipgloss.Color("#CDEFD6"), lipgloss.Color("#1F4A30"))).Foreground(fg),
		KeptMark:      lipgloss.NewStyle().Foreground(c(lipgloss.Color("#2E8B57"), lipgloss.Color("#6FCF97"))),
		Current:       lipgloss.NewStyle().Background(c(lipgloss.Color("#FFB347"), lipgloss.Color("#B8860B"))).Foreground(c(lipgloss.Color("#000000"), lipgloss.Color("#000000"))).Bold(true),
		Input:         lipgloss.NewStyle().Foreground(accent),
		OverlayBox:    lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		ListHeading:   lipgloss.NewStyle().Foreground(dim).Bold(true),
		ListItem:      lipgloss.NewStyle().Foreground(fg),
		ListSelected:  lipgloss.NewStyle().Foreground(accent).Bold(true),
		ListDetail:    lipgloss.NewStyle().Foreground(dim),
		ListCount:     lipgloss.NewStyle().Foreground(dim),
		ListEmpty:     lipgloss.NewStyle().Foreground(dim).Italic(true),
		Status:        lipgloss.NewStyle().Background(barBg).Foreground(fg),
		Hint:          lipgloss.NewStyle().Foreground(dim),
		HelpBox:       lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		HelpKey:       lipgloss.NewStyle().Foreground(accent).Bold(true),
		HelpDesc:      lipgloss.NewStyle().Foreground(fg),
	}
}

// Style names accepted by --style, besides glamour's other styles
// (dracula, pink, tokyo-night) and a path to a glamour JSON style.
const (
	// StyleAuto, the default, is dark or light as the terminal's
	// background is; Options and Print take "" for it.
	StyleAuto  = "auto"
	StyleDark  = "dark"
	StyleLight = "light"
	// StyleNoTTY is glamour's style for output that is not a terminal:
	// no escape codes, Markdown's markers for emphasis and headings.
	StyleNoTTY = "notty"
	// StyleASCII is glamour's ascii style, with lede's chrome and the
	// text's typographic marks in ASCII (see asciiGlyphs).
	StyleASCII = "ascii"
	// StyleNoColor is lede's style for NO_COLOR: no colour, and bold,
	// italics and underlines where notty shows markers.
	StyleNoColor = "nocolor"
)

// StyleNames are the names --style takes, sorted, auto first.
func StyleNames() []string {
	names := []string{StyleNoColor}
	for name := range glamourstyles.DefaultStyles {
		names = append(names, name)
	}
	slices.Sort(names)
	return append([]string{StyleAuto}, names...)
}

// isStandardStyle reports whether style names a built-in style.
func isStandardStyle(style string) bool {
	_, glamours := glamourstyles.DefaultStyles[style]
	return glamours || style == StyleAuto || style == StyleNoColor
}

// styleError explains a style that cannot be loaded.
func styleError(style string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("unknown style %q: use %s or the path of a glamour JSON style", style, strings.Join(StyleNames(), ", "))
	}
	var inner error = err
	for u := errors.Unwrap(inner); u != nil; u = errors.Unwrap(inner) {
		inner = u
	}
	return fmt.Errorf("style %s: %w", style, inner)
}

// CheckStyle reports whether style can be used: a built-in name, or a
// glamour JSON style file that loads.
func CheckStyle(style string) error {
	if style == "" || isStandardStyle(style) {
		return nil
	}
	_, err := newRenderers(style).get(maxTextWidth)
	return err
}

// asciiGlyphs puts ASCII, cell for cell, in place of the characters
// lede's chrome draws with (pane markers, rules, arrows, ellipses, key
// hints, box corners) and of typographic marks (curly quotes, dashes, a
// no-break space), in the text and glamour's ascii style alike (its list
// bullet is "•"). One cell for one keeps every line's width, so the
// screen can be drawn first and made ASCII after. Letters that are not
// ASCII are the text's own and stay.
var asciiGlyphs = strings.NewReplacer(
	"▸", ">", "•", "*", "·", "-", "│", "|", "▌", ">", "┃", "|", "─", "-",
	"┌", "+", "┐", "+", "└", "+", "┘", "+", "├", "+", "┤", "+", "┼", "+",
	"╭", "+", "╮", "+", "╰", "+", "╯", "+",
	"…", "~", "→", ">", "←", "<", "↑", "^", "↓", "v",
	"—", "-", "–", "-", "“", `"`, "”", `"`, "‘", "'", "’", "'",
	"\u00a0", " ",
)
