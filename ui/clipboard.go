package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// clipboard is where y's text goes, as far as lede can tell from the
// environment of the terminal it runs in. lede writes to the clipboard
// with an escape sequence (OSC 52), which only some terminals take, and
// which a multiplexer between lede and the terminal may drop.
type clipboard struct {
	kind clipboardKind
	// why says what drops the text, for clipboardNone.
	why string
}

// clipboardKind names where the text goes.
type clipboardKind int

const (
	// clipboardUnknown: a terminal lede knows nothing of; it may take
	// the text or not.
	clipboardUnknown clipboardKind = iota
	// clipboardTerminal: a terminal that takes OSC 52 by default.
	clipboardTerminal
	// clipboardTmux: tmux, which copies the text into its buffer and on to
	// the terminal only when its set-clipboard option is on (the default,
	// "external", drops it).
	clipboardTmux
	// clipboardNone: nothing takes the text.
	clipboardNone
)

// osc52Terminals are values of TERM, and of TERM_PROGRAM, by their
// prefix, of terminals that take OSC 52 as they come: kitty, foot,
// Alacritty, WezTerm, Ghostty, Contour, Windows Terminal's own.
var osc52Terminals = []string{"xterm-kitty", "foot", "alacritty", "wezterm", "xterm-ghostty", "ghostty", "contour"}

// clipboardFor tells from the terminal's environment where text written
// to the clipboard goes. A multiplexer is asked about first, as it
// stands between lede and the terminal.
func clipboardFor(env tea.EnvMsg) clipboard {
	term, program := strings.ToLower(env.Getenv("TERM")), strings.ToLower(env.Getenv("TERM_PROGRAM"))
	switch {
	case env.Getenv("TMUX") != "" || program == "tmux":
		return clipboard{kind: clipboardTmux}
	case env.Getenv("STY") != "" || strings.HasPrefix(term, "screen") && program == "":
		return clipboard{kind: clipboardNone, why: "GNU screen passes no clipboard escape (OSC 52) on"}
	case term == "" || term == "dumb":
		return clipboard{kind: clipboardNone, why: "TERM says this is no terminal that takes a clipboard escape (OSC 52)"}
	case program == "apple_terminal":
		return clipboard{kind: clipboardNone, why: "Terminal.app takes no clipboard escape (OSC 52)"}
	case env.Getenv("VTE_VERSION") != "" && program == "":
		return clipboard{kind: clipboardNone, why: "this terminal (VTE, as GNOME Terminal) takes no clipboard escape (OSC 52)"}
	case env.Getenv("KITTY_WINDOW_ID") != "" || env.Getenv("WT_SESSION") != "":
		return clipboard{kind: clipboardTerminal}
	}
	for _, t := range osc52Terminals {
		if strings.HasPrefix(term, t) || strings.HasPrefix(program, t) {
			return clipboard{kind: clipboardTerminal}
		}
	}
	return clipboard{kind: clipboardUnknown}
}

// copied is the message that says where copied text went: what (the
// text, or "the first 100 KB of 1.0 MB") and the citation copied,
// shown after it.
func (c clipboard) copied(what, citation string) string {
	switch c.kind {
	case clipboardTerminal:
		return "Copied" + what + ": " + citation
	case clipboardTmux:
		return "Sent" + what + " to tmux, which copies it only with set-clipboard on: " + citation
	case clipboardNone:
		return "Not copied: " + c.why + "."
	}
	return "Sent" + what + " to the terminal's clipboard (OSC 52; not every terminal takes it): " + citation
}

// sends reports whether text written to the clipboard can get anywhere.
func (c clipboard) sends() bool { return c.kind != clipboardNone }
