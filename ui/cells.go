package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Bubble Tea's renderer lays text out in cells character by character, as
// wcwidth does, unless the terminal reports that it clusters graphemes
// (mode 2027); then it lays out whole grapheme clusters. The reader
// measures every line it fits to a pane the same way, so that the line is
// exactly as wide on the screen: the family emoji 👨‍👩‍👧 is one cluster
// two cells wide, but six cells to a terminal that counts its characters,
// and measured the other way it would push the end of the line off the
// screen.

// cellsFor returns the way of measuring text that a terminal's report of
// a mode switches the renderer to, and whether it switches it.
func cellsFor(msg tea.ModeReportMsg) (ansi.Method, bool) {
	if msg.Mode != ansi.ModeUnicodeCore {
		return 0, false
	}
	switch msg.Value {
	case ansi.ModeSet, ansi.ModeReset, ansi.ModePermanentlySet:
		return ansi.GraphemeWidth, true
	}
	return 0, false
}

// The measuring functions of x/ansi v0.11.9 fail for WcWidth: its
// Truncate returns a string whole when its width in grapheme clusters
// fits, and its Cut truncates the left end from the right. lede's own cut
// and truncate below measure only as they are told.

// cut returns the cells [left, right) of s as cells measures them, with
// every escape code of s kept in place; tail stands where text is cut
// off at the right. A character that straddles an edge is left out.
func cut(cells ansi.Method, s string, left, right int, tail string) string {
	var b strings.Builder
	col, state, kept, tailed := 0, byte(0), false, false
	for s != "" {
		seq, w, n, next := cells.DecodeSequenceInString(s, state, nil)
		s, state = s[n:], next
		switch {
		case seq[0] == ansi.ESC:
			b.WriteString(seq)
			continue
		case w == 0:
			// A zero-width character goes with the one before it.
			if kept {
				b.WriteString(seq)
			}
			continue
		}
		kept = col >= left && col+w <= right
		if kept {
			b.WriteString(seq)
		} else if col+w > right && !tailed {
			b.WriteString(tail)
			tailed = true
		}
		col += w
	}
	return b.String()
}

// truncate returns s shortened to w cells as cells measures them, ending
// in tail when it was cut; escape codes are kept.
func truncate(cells ansi.Method, s string, w int, tail string) string {
	if cells.StringWidth(s) <= w {
		return s
	}
	tw := cells.StringWidth(tail)
	if tw > w {
		tail, tw = "", 0
	}
	return cut(cells, s, 0, w-tw, tail)
}
