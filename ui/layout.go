package ui

// layoutMode is how the panes share the screen.
type layoutMode int

const (
	// layoutWide shows the article beside a column of Q&A over entities.
	layoutWide layoutMode = iota
	// layoutFolded shows the article beside one list, Q&A and entities
	// sharing a tab.
	layoutFolded
	// layoutSingle shows only the focused pane, full width.
	layoutSingle
)

// Layout thresholds, in cells.
const (
	// wideWidth is the narrowest terminal that shows all three panes.
	wideWidth = 100
	// minArticleWidth is what the article keeps when the lists fold into a
	// tab beside it.
	minArticleWidth = 60
	// minSideWidth is the narrowest useful list pane.
	minSideWidth = 18
)

// layout is every pane size for one terminal size, computed in one place.
type layout struct {
	mode         layoutMode
	articleWidth int
	sideWidth    int
	bodyHeight   int // rows for the panes, headers included
	qaHeight     int // rows of the Q&A pane in the wide layout
}

// computeLayout sizes the panes for w by h cells, for an article whose
// text is at most measure columns wide (maxTextWidth unless the options
// set one). The article keeps at least minArticleWidth columns whenever a
// list is shown beside it, and at most its measure and the mark gutter:
// on a wide screen the lists have the rest, so that no column sits empty.
func computeLayout(w, h, measure int) layout {
	l := layout{bodyHeight: h}
	switch {
	case w >= wideWidth:
		l.mode = layoutWide
		l.sideWidth = min(max(w*3/10, 30), 48)
		l.articleWidth = min(w-l.sideWidth-1, measure+1)
		l.sideWidth = w - l.articleWidth - 1
		l.qaHeight = l.bodyHeight / 2
	case w >= minArticleWidth+1+minSideWidth:
		l.mode = layoutFolded
		l.articleWidth = max(minArticleWidth, w*2/3)
		l.sideWidth = w - l.articleWidth - 1
	default:
		l.mode = layoutSingle
		l.articleWidth, l.sideWidth = w, w
	}
	return l
}

// boolInt is 1 for true and 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
