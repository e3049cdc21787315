package ui

import (
	"strings"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
)

// trimPadding removes from a rendered line the padding after its text:
// glamour pads every line to the wrap width with spaces, each in its own
// colour sequence ("\x1b[38;5;252m \x1b[m", 15 bytes a cell), so a line
// of a few words printed at a width of 500 would carry 7 KB that shows
// nothing. Trailing spaces that do show (with a background colour,
// reverse video, an underline or a strike-through) are kept, as are the
// escape sequences other than colour among the trailing spaces, such as
// the end of a hyperlink; the line ends with a reset when its last cell
// was styled. A line of printable ASCII alone has no styles: its padding
// is its trailing spaces.
func trimPadding(line string) string {
	if printableASCII(line) {
		return strings.TrimRight(line, " ")
	}
	return trimStyledPadding(line)
}

// trimStyledPadding is trimPadding of a line that may hold escape
// sequences, read cell by cell.
func trimStyledPadding(line string) string {
	p := new(ansi.Parser)
	p.SetParamsSize(32)
	var pen, last uv.Style
	var kept strings.Builder // sequences after the last visible cell
	end := 0                 // where the last visible cell ends
	var state byte
	for i := 0; i < len(line); {
		seq, width, n, next := ansi.DecodeSequence(line[i:], state, p)
		state = next
		switch {
		case width > 0 && (seq != " " || showsSpace(pen)):
			end, last = i+n, pen
			kept.Reset()
		case width > 0:
		case isSGR(seq, p):
			uv.ReadStyle(p.Params(), &pen)
		default:
			kept.WriteString(seq)
		}
		i += n
	}
	if end == len(line) {
		return line
	}
	out := line[:end] + kept.String()
	if !last.IsZero() {
		out += ansi.ResetStyle
	}
	return out
}

// showsSpace reports whether a space drawn with pen shows on the screen.
func showsSpace(pen uv.Style) bool {
	return pen.Bg != nil || pen.Underline != uv.UnderlineStyleNone || pen.Attrs&(uv.AttrReverse|uv.AttrStrikethrough) != 0
}

// isSGR reports whether seq, just decoded by p, sets colours or
// attributes (Select Graphic Rendition).
func isSGR(seq string, p *ansi.Parser) bool {
	cmd := ansi.Cmd(p.Command())
	return ansi.HasCsiPrefix(seq) && cmd.Final() == 'm' && cmd.Prefix() == 0 && cmd.Intermediate() == 0
}

// printableASCII reports whether s holds printable ASCII characters only:
// no escape sequence, control character or wide cell, so that each byte is
// one cell as drawn.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}
