//go:build linux

package main

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestConfigBindingInTheTerminal runs the reader in a terminal with a
// config file that binds quit to Q: q no longer quits (the help opens
// after it), the help shows Q, and Q quits.
func TestConfigBindingInTheTerminal(t *testing.T) {
	withConfig(t, "[keys]\nquit = [\"Q\"]\n")
	term := startIn(t, "lede", t.TempDir(), samplePath)
	at := term.waitFor(t, 0, "Century-old Brand")
	term.typeKeys(t, "q?")
	at = term.waitFor(t, at, "closes this help")
	term.typeKeys(t, "Q")
	code, out := term.wait(t, 0)
	if code != exitOK {
		t.Fatalf("exit status %d after Q: %q", code, out[at:])
	}
	if help := ansi.Strip(out); !hasLineWith(help, "Q", "quit") || hasLineWith(help, "q ", "quit") {
		t.Errorf("the help does not show Q for quit:\n%s", help)
	}
	assertRestored(t, term, out)
	if strings.Contains(ansi.Strip(out), "lede:") {
		t.Errorf("a message: %q", out)
	}
}
