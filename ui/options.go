package ui

// Layout is the choice of panes an Options makes: which show, and how
// wide the lists beside the article are.
type Layout struct {
	// ArticleOnly shows the article alone, full width, however wide the
	// terminal; the pane keys show each list in its place.
	ArticleOnly bool
	// SideWidth is the width of the lists beside the article, in cells;
	// 0 picks it from the terminal's width. The article keeps at least
	// minArticleWidth cells, and a list at least minSideWidth.
	SideWidth int
}

// apply returns the pane sizes l, computed for a terminal w cells wide,
// changed as the layout asks.
func (o Layout) apply(l layout, w int) layout {
	switch {
	case o.ArticleOnly:
		l.mode = layoutSingle
		l.articleWidth, l.sideWidth = w, w
	case o.SideWidth > 0 && l.mode != layoutSingle:
		l.sideWidth = min(max(o.SideWidth, minSideWidth), w-minArticleWidth-1)
		l.articleWidth = w - l.sideWidth - 1
	}
	return l
}

// keyMap is the reader's keys for the options.
func (o Options) keyMap() KeyMap {
	if o.Keys != nil {
		return *o.Keys
	}
	return DefaultKeyMap()
}
