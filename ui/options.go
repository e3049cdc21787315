package ui

import "github.com/lede-tui/lede/model"

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

// Memory keeps the reader's place in a document from one run to the
// next. Places are paragraph indexes and byte offsets into their text.
type Memory interface {
	// Place returns where the reader left the document; ok is false
	// when it left no place, or should start at the top. The reader
	// calls it once, off the UI's goroutine, and shows the text without
	// waiting for it.
	Place() (paragraph, offset int, ok bool)
	// SetPlace keeps paragraph and offset as where the reader is. The
	// reader calls it on the UI's goroutine, so it must not block.
	SetPlace(paragraph, offset int)
}

// TextMatch is a place in the text of a shelf's document that a text
// search found.
type TextMatch struct {
	// Source is the document's index in the shelf's sources.
	Source int
	// Snippet is the text around the match, on one line.
	Snippet string
	// At is the match: a paragraph of the document and a byte span of
	// its text.
	At model.Mention
}

// TextSearch finds query in the text of a shelf's documents and returns
// the matches, best first. The shelf calls it off the UI's goroutine as
// the filter is typed.
type TextSearch func(query string) ([]TextMatch, error)
