package ui

import "charm.land/lipgloss/v2"

// Styles groups every lipgloss style of the reader by pane.
type Styles struct {
	// Header is a pane's title line; HeaderFocused the focused pane's.
	Header, HeaderFocused lipgloss.Style
	// Separator draws the rule between panes.
	Separator lipgloss.Style
	// Mark is the gutter bar beside the paragraph a jump landed on.
	Mark lipgloss.Style

	// List rows: a group heading, an item, the selected item, an item's
	// second line, the count at the right, and the text of an empty list.
	ListHeading, ListItem, ListSelected, ListDetail, ListCount, ListEmpty lipgloss.Style

	// Status is the status line; Hint the key hint line under it.
	Status, Hint lipgloss.Style

	// HelpBox frames the help overlay; HelpKey and HelpDesc are its rows.
	HelpBox, HelpKey, HelpDesc lipgloss.Style
}

// plainStyles has no colour or attribute at all: for NO_COLOR, the notty
// and ascii styles, and golden tests. State shows through marker glyphs.
func plainStyles() Styles {
	s := Styles{}
	s.HelpBox = lipgloss.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, 1)
	return s
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
