package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// mouseHelp is the help overlay's note on the mouse.
const mouseHelp = "Mouse: the wheel scrolls the pane under the pointer; a click focuses a pane\nand selects an item. Hold shift (option on macOS) to select text."

// helpView draws the help overlay, generated from the key map.
func (m *Model) helpView(height int) string {
	var cols []string
	for i, group := range m.keys.FullHelp() {
		rows := []string{m.styles.ListHeading.Render(helpTitles[i])}
		for _, b := range group {
			h := b.Help()
			rows = append(rows, m.styles.HelpKey.Render(fmt.Sprintf("%-11s", h.Key))+m.styles.HelpDesc.Render(h.Desc))
		}
		cols = append(cols, strings.Join(rows, "\n"))
	}
	for i := range cols[:len(cols)-1] {
		cols[i] = lipgloss.NewStyle().PaddingRight(3).Render(cols[i])
	}
	body := lipgloss.JoinHorizontal(lipgloss.Top, cols...)
	if lipgloss.Width(body) > m.width-4 {
		body = lipgloss.JoinVertical(lipgloss.Left, spacedRows(cols)...)
	}
	body += "\n\n" + m.styles.HelpDesc.Render(mouseHelp+"\n? or esc closes this help.")
	return placeCentre(m.styles.HelpBox.Render("Keys\n\n"+body), m.width, height)
}

// spacedRows puts a blank line after every block but the last, for the
// help's groups stacked on a narrow screen.
func spacedRows(blocks []string) []string {
	out := make([]string, len(blocks))
	for i, b := range blocks {
		out[i] = strings.TrimRight(b, " ")
		if i < len(blocks)-1 {
			out[i] += "\n"
		}
	}
	return out
}
