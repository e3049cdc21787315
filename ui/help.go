package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// mouseHelp is the help overlay's note on the mouse.
const mouseHelp = "Mouse: the wheel scrolls the pane under the pointer; a click focuses a\npane and jumps to the item clicked, as enter does. Hold shift (option\non macOS) to select text."

// noMouseHelp is the help overlay's note on the mouse when the options
// leave it to the terminal.
const noMouseHelp = "Mouse: off (mouse = false in the config file); the terminal selects text."

// quoteNote is the help overlay's note on how quotes are shown, and
// copied with the copy key (see citation).
func quoteNote(copy key.Binding) string {
	const shown = "Quotes: a speaker's own words are in “…”; reported speech is not"
	if !copy.Enabled() {
		return shown + "."
	}
	return shown + ", and\n" + copy.Help().Key + " copies it as Speaker says … — Title, or Reported: … — Speaker, Title."
}

// helpOverlay is whether a help overlay is shown, and how far it is
// scrolled.
type helpOverlay struct {
	shown  bool
	offset int // first line shown
}

// key scrolls the help by a line, or by page lines for the page keys,
// closes it on ? or esc, and quits on q.
func (h *helpOverlay) key(k KeyMap, msg tea.KeyPressMsg, page int) tea.Cmd {
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help, k.Close):
		*h = helpOverlay{}
	case key.Matches(msg, k.Down):
		h.offset++
	case key.Matches(msg, k.Up):
		h.offset--
	case key.Matches(msg, k.PageDown):
		h.offset += page
	case key.Matches(msg, k.PageUp):
		h.offset -= page
	}
	return nil
}

// renderHelp draws a help overlay generated from groups of keys, each
// under its title, in as many columns as fit a width by height area, with
// a note under them and the closing line, which says how to close it; it
// scrolls from *offset when too tall, and keeps *offset in range.
func renderHelp(groups [][]key.Binding, titles []string, note, closing string, styles *Styles, width, height int, offset *int) string {
	blocks := make([]string, len(groups))
	for i, group := range groups {
		rows := []string{styles.ListHeading.Render(titles[i])}
		for _, b := range group {
			h := b.Help()
			rows = append(rows, styles.HelpKey.Render(fmt.Sprintf("%-11s", h.Key))+styles.HelpDesc.Render(h.Desc))
		}
		blocks[i] = strings.Join(rows, "\n")
	}
	var body string
	for perColumn := 1; perColumn <= len(blocks); perColumn++ {
		body = helpColumns(blocks, perColumn)
		if lipgloss.Width(body) <= width-4 {
			break
		}
	}
	body += "\n\n" + styles.HelpDesc.Render(strings.Trim(note+"\n"+closing, "\n"))
	lines := strings.Split(body, "\n")
	room := max(height-2, 1) // inside the box's border
	if len(lines) > room {
		*offset = min(max(*offset, 0), len(lines)-room+1)
		more := styles.ListDetail.Render(fmt.Sprintf("↑/↓ scroll · %d more", len(lines)-room+1-*offset))
		lines = append(lines[*offset:*offset+room-1], more)
	} else {
		*offset = 0
	}
	inner := 0
	for _, l := range lines {
		inner = max(inner, styles.Cells.StringWidth(l))
	}
	return placeCentre(styles.Cells, frame(styles.Cells, styles.HelpBox, lines, min(inner, max(width-4, 1))), width, height)
}

// helpColumns lays blocks out in columns of perColumn blocks each, a blank
// line between blocks and three cells between columns.
func helpColumns(blocks []string, perColumn int) string {
	var cols []string
	for i := 0; i < len(blocks); i += perColumn {
		end := min(i+perColumn, len(blocks))
		col := strings.Join(blocks[i:end], "\n\n")
		if end < len(blocks) {
			col = lipgloss.NewStyle().PaddingRight(3).Render(col)
		}
		cols = append(cols, col)
	}
	return lipgloss.JoinHorizontal(lipgloss.Top, cols...)
}
