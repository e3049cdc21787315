package main

import (
	"strings"
	"testing"
)

// ferry is an article of our own with people, organisations and a place.
const ferry = `# The Night Ferry

By Tom Pell · The Harbour Gazette · 4 May 2026

Captain Nora Quill has run the night ferry to Port Ellery for twenty years. Quill says the crossing is calm in summer.

In winter, Quill told the crew, Port Ellery freezes at the quay, and the Harbour Board sends a tug.

"The tug is slow," said Quill. The Harbour Board has promised a new one for Port Ellery.
`

// sidebar is the right-hand column of the reader's screen: the Q&A or
// the entities beside the article.
func sidebar(screen string) string {
	var b strings.Builder
	for _, l := range strings.Split(screen, "\n") {
		if _, right, ok := strings.Cut(l, "│"); ok {
			b.WriteString(strings.TrimSpace(right) + "\n")
		}
	}
	return b.String()
}

// TestEntityCorrectionsAreKept hides an entity with x and gives another
// a new kind with K in the sidebar; reopened, the document shows both
// corrections.
func TestEntityCorrectionsAreKept(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", t.TempDir())
	path := writeArticle(t, "ferry.md", ferry)
	s := openSession(t, path)
	s.press("x")
	if !strings.Contains(s.screen(), "Select an entity in the entities pane (3) first.") {
		t.Fatalf("x in the article does not say where it works:\n%s", s.screen())
	}
	s.press("3", "enter")
	if !strings.Contains(s.screen(), "Nora Quill 1/4") {
		t.Fatalf("enter on the first entity did not paint its mentions:\n%s", s.screen())
	}
	s.press("3", "x")
	screen := s.screen()
	if !strings.Contains(screen, "Hidden Nora Quill. Kept: only lede library forget brings it back.") {
		t.Fatalf("x did not say it hid the entity:\n%s", screen)
	}
	if side := sidebar(screen); strings.Contains(side, "Nora Quill") || !strings.Contains(side, "People (1)") {
		t.Fatalf("the hidden entity is still in the sidebar:\n%s", side)
	}
	if strings.Contains(screen, "1/4") {
		t.Fatalf("the hidden entity's mentions are still painted:\n%s", screen)
	}
	s.press("G", "K")
	screen = s.screen()
	if !strings.Contains(screen, "Port Ellery is now in Topics.") {
		t.Fatalf("K did not say it changed the kind:\n%s", screen)
	}
	if side := sidebar(screen); strings.Contains(side, "Places") || !strings.Contains(side, "Topics (1)") || !strings.Contains(side, "▸ Port Ellery") {
		t.Fatalf("the sidebar did not regroup Port Ellery under Topics, selected:\n%s", side)
	}
	s.close(t)

	s = openSession(t, path)
	defer s.close(t)
	s.press("3")
	side := sidebar(s.screen())
	if strings.Contains(side, "Nora Quill") || strings.Contains(side, "Places") || !strings.Contains(side, "Topics (1)") {
		t.Fatalf("reopened, the corrections are not applied:\n%s", side)
	}
	// The kinds go round: after topic comes person again.
	s.press("G", "K")
	if side := sidebar(s.screen()); !strings.Contains(side, "People (2)") || strings.Contains(side, "Topics") {
		t.Fatalf("K on a topic did not make it a person:\n%s", side)
	}
}
