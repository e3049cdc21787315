package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestCopySaysWhereTheTextWent copies a quote in the environments of
// several terminals: "Copied" only where the terminal takes the
// clipboard escape (OSC 52); inside tmux the message says that tmux
// passes the text on only with set-clipboard on; where nothing takes it,
// nothing is sent and the message says why; elsewhere it says the text
// was sent and may not arrive.
func TestCopySaysWhereTheTextWent(t *testing.T) {
	cases := []struct {
		env  []string
		want string
		sent bool
	}{
		{[]string{"TERM=xterm-kitty"}, "Copied: ", true},
		{[]string{"TERM=xterm-256color", "TERM_PROGRAM=WezTerm"}, "Copied: ", true},
		{[]string{"TERM=xterm-256color", "WT_SESSION=1"}, "Copied: ", true},
		{[]string{"TERM=tmux-256color", "TMUX=/tmp/tmux-0/default,1,0"}, "Sent to tmux, which copies it only with set-clipboard on: ", true},
		{[]string{"TERM=screen", "STY=1.pts-0"}, "Not copied: GNU screen", false},
		{[]string{"TERM=dumb"}, "Not copied: TERM says", false},
		{nil, "Not copied: TERM says", false},
		{[]string{"TERM=xterm-256color", "TERM_PROGRAM=Apple_Terminal"}, "Not copied: Terminal.app", false},
		{[]string{"TERM=xterm-256color", "VTE_VERSION=7600"}, "Not copied: this terminal (VTE", false},
		{[]string{"TERM=xterm-256color"}, "Sent to the terminal's clipboard (OSC 52; not every terminal takes it): ", true},
	}
	for _, c := range cases {
		m := newReader(t, 120, 40)
		m.Update(tea.EnvMsg(c.env))
		press(m, ">")
		_, cmd := m.Update(keyMsg("y"))
		if !strings.HasPrefix(m.message, c.want) {
			t.Errorf("%q: message %q, want it to start %q", c.env, m.message, c.want)
		}
		if sent := cmd != nil; sent != c.sent {
			t.Errorf("%q: sent %v, want %v", c.env, sent, c.sent)
		}
	}
}
