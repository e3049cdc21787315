package ui

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// TestActionsNameEveryBinding checks that the action table names every
// binding of the KeyMap once, so that a config file can bind each.
func TestActionsNameEveryBinding(t *testing.T) {
	bindings := 0
	for f := range reflect.TypeFor[KeyMap]().Fields() {
		if f.Type == reflect.TypeFor[key.Binding]() {
			bindings++
		}
	}
	seen := map[string]bool{}
	k := DefaultKeyMap()
	for _, a := range k.Actions() {
		if seen[a.Name] || len(a.Keys) == 0 || a.Desc == "" {
			t.Errorf("action %q: seen before %v, keys %q, desc %q", a.Name, seen[a.Name], a.Keys, a.Desc)
		}
		seen[a.Name] = true
	}
	if len(seen) != bindings {
		t.Fatalf("%d actions for %d bindings", len(seen), bindings)
	}
	// Each action reaches its own binding: binding a key nothing else has
	// to one changes that action alone.
	for _, a := range k.Actions() {
		b := DefaultKeyMap()
		if err := b.Bind(a.Name, []string{"f12"}); err != nil {
			t.Fatal(err)
		}
		for _, got := range b.Actions() {
			if rebound := len(got.Keys) == 1 && got.Keys[0] == "f12"; rebound != (got.Name == a.Name) {
				t.Errorf("binding %s changed %s: %q", a.Name, got.Name, got.Keys)
			}
		}
	}
}

// TestBoundKeyTakesEffect binds next_quote to m: m jumps to the first
// quote, > no longer does, and the help shows m beside "next quote"; its
// notes name the keys bound to copy and to close it.
func TestBoundKeyTakesEffect(t *testing.T) {
	keys := DefaultKeyMap()
	for action, k := range map[string]string{"next_quote": "m", "copy": "C", "help": "f1", "search": "s"} {
		if err := keys.Bind(action, []string{k}); err != nil {
			t.Fatal(err)
		}
	}
	m := testReaderOf(New(sample(t), Options{Style: StyleNoTTY, Keys: &keys}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	press(m, ">")
	if m.quote != -1 {
		t.Fatalf("> still jumps to quote %d", m.quote)
	}
	press(m, "m")
	if m.quote != 0 {
		t.Fatalf("m landed on quote %d, want the first", m.quote)
	}
	press(m, "n")
	if m.message != "Nothing to step through: search with s or pick an entity." {
		t.Fatalf("n with nothing to find says %q", m.message)
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyF1})
	help := screen(m)
	if !hasLine(help, "m", "next quote") || hasLine(help, ">", "next quote") || !hasLine(help, "C", "copy quote with citation") {
		t.Fatalf("the help does not show m as next quote and C as copy:\n%s", help)
	}
	if !strings.Contains(help, "C copies it as") || !strings.Contains(help, "f1 or esc closes this help.") {
		t.Fatalf("the help's notes do not name the keys bound:\n%s", help)
	}
}

// TestBoundKeysShowWithoutQuestions checks that the marks of a document
// without questions keep the keys bound.
func TestBoundKeysShowWithoutQuestions(t *testing.T) {
	keys := DefaultKeyMap()
	if err := keys.Bind("next_question", []string{"ctrl+down", "J"}); err != nil {
		t.Fatal(err)
	}
	k := keys.forQuestions(false)
	if h := k.NextQuestion.Help(); h.Key != "ctrl+down/J" || h.Desc != "next question (none)" {
		t.Fatalf("help %q %q", h.Key, h.Desc)
	}
	if h := k.forQuestions(true).NextQuestion.Help(); h.Desc != "next question" {
		t.Fatalf("with questions again: %q", h.Desc)
	}
}

// TestBindShelfKeysStayOffTheShelf checks that binding a shelf's key
// does not enable it out of a shelf, and that no keys unbind an action.
func TestBindShelfKeysStayOffTheShelf(t *testing.T) {
	k := DefaultKeyMap()
	if err := k.Bind("next_document", []string{"ctrl+j"}); err != nil {
		t.Fatal(err)
	}
	if k.NextDoc.Enabled() || !k.withShelf().NextDoc.Enabled() {
		t.Fatal("next_document is enabled off the shelf, or disabled on it")
	}
	if err := k.Bind("copy", nil); err != nil {
		t.Fatal(err)
	}
	if k.Copy.Enabled() || key.Matches(keyMsg("y"), k.Copy) {
		t.Fatal("an unbound copy still takes y")
	}
}

func TestCheckKey(t *testing.T) {
	for _, s := range []string{"j", "G", ">", "\"", "é", "enter", "space", "pgdown", "f1", "ctrl+n", "shift+tab", "alt+x", "ctrl+alt+up"} {
		if err := CheckKey(s); err != nil {
			t.Errorf("CheckKey(%q): %v", s, err)
		}
	}
	for _, s := range []string{"", " ", "ctrl+", "jj", "return", "\t", "\x1b", "Ctrl+N"} {
		if err := CheckKey(s); err == nil {
			t.Errorf("CheckKey(%q) accepts it", s)
		}
	}
	k := DefaultKeyMap()
	if err := k.Bind("next_qoute", []string{">"}); err == nil || err.Error() != `no action "next_qoute"` {
		t.Errorf("unknown action: %v", err)
	}
	if err := k.Bind("next_quote", []string{">", "jj"}); err == nil || k.NextQuote.Keys()[0] != ">" {
		t.Errorf("a bad key was bound: %v, %q", err, k.NextQuote.Keys())
	}
}

// TestLayoutOptions checks the article's measure, the pane choice and the
// side width the options set, and the mouse left to the terminal.
func TestLayoutOptions(t *testing.T) {
	open := func(o Options, w int) *testReader {
		o.Style = StyleNoTTY
		m := testReaderOf(New(sample(t), o))
		m.Update(tea.WindowSizeMsg{Width: w, Height: 40})
		return m
	}
	if m := open(Options{Width: 60}, 200); m.article.textWidth() != 60 {
		t.Errorf("measure 60: text width %d", m.article.textWidth())
	}
	if m := open(Options{Layout: Layout{ArticleOnly: true}}, 200); m.layout.mode != layoutSingle || m.layout.articleWidth != 200 {
		t.Errorf("article only: %+v", m.layout)
	}
	if m := open(Options{Layout: Layout{SideWidth: 40}}, 160); m.layout.mode != layoutWide || m.layout.sideWidth != 40 || m.layout.articleWidth != 119 {
		t.Errorf("side width 40: %+v", m.layout)
	}
	if m := open(Options{Layout: Layout{SideWidth: 70}}, 100); m.layout.sideWidth != 100-minArticleWidth-1 {
		t.Errorf("side width 70 in 100 cells: %+v", m.layout)
	}
	m := open(Options{NoMouse: true}, 120)
	if m.View().MouseMode != tea.MouseModeNone {
		t.Error("the mouse is on")
	}
	press(m, "?")
	if !strings.Contains(screen(m), "Mouse: off") {
		t.Errorf("the help does not say the mouse is off:\n%s", screen(m))
	}
}

// hasLine reports whether a line of s holds all of parts, in order,
// separated by spaces only.
func hasLine(s string, parts ...string) bool {
	for line := range strings.Lines(s) {
		if strings.Contains(" "+strings.Join(strings.Fields(line), " ")+" ", " "+strings.Join(parts, " ")+" ") {
			return true
		}
	}
	return false
}
