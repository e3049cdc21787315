package model

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTMLStream reads a page in one pass over its tags, without building
// a tree: the text of its body, leaving out navigation, headers, footers,
// asides and forms, and the <title> as title. It is linear in the page's
// size whatever its nesting, for pages too large or too deep for a tree.
func readHTMLStream(text string) *Document {
	z := html.NewTokenizer(strings.NewReader(text))
	b := newParagraphBuilder(nil, true)
	d := &Document{}
	var skip atom.Atom // the element whose content is being skipped
	depth := 0         // how many elements named skip are open
	inTitle, inBody := false, false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		t := z.Token()
		if t.DataAtom == atom.Title && !inBody {
			// The page's title, even inside the skipped <head>.
			inTitle = tt == html.StartTagToken && d.Title == ""
			continue
		}
		inBody = inBody || t.DataAtom == atom.Body
		if skip == atom.Head && (tt == html.StartTagToken || tt == html.SelfClosingTagToken) && !inHead(t.DataAtom) {
			skip, depth = 0, 0 // </head> is optional: the body's first element ends the head
		}
		switch {
		case tt == html.TextToken && inTitle:
			d.Title = cleanMeta(t.Data)
		case skip != 0:
			depth += skipDepthChange(tt, t.DataAtom, skip)
			if depth == 0 {
				skip = 0
			}
		case tt == html.StartTagToken || tt == html.SelfClosingTagToken:
			switch {
			case !b.open(t.DataAtom, t.Attr):
				if tt == html.StartTagToken && !isVoid(t.DataAtom) {
					skip, depth = t.DataAtom, 1
				}
			case tt == html.SelfClosingTagToken || isVoid(t.DataAtom):
				b.close(t.DataAtom)
			}
		case tt == html.EndTagToken:
			b.close(t.DataAtom)
		case tt == html.TextToken:
			b.text(t.Data)
		}
	}
	d.Paragraphs = b.finish()
	return d
}

// inHead reports whether an element belongs in a page's <head>.
func inHead(tag atom.Atom) bool {
	switch tag {
	case atom.Head, atom.Title, atom.Meta, atom.Link, atom.Style, atom.Script, atom.Base, atom.Noscript, atom.Template:
		return true
	}
	return false
}

// skipDepthChange tells how a token changes the count of open elements
// named skip: +1 for a start tag, -1 for an end tag, 0 otherwise.
func skipDepthChange(tt html.TokenType, tag, skip atom.Atom) int {
	switch {
	case tag != skip:
		return 0
	case tt == html.StartTagToken:
		return 1
	case tt == html.EndTagToken:
		return -1
	}
	return 0
}

// isVoid reports whether the element tag never has content or an end tag.
func isVoid(tag atom.Atom) bool {
	switch tag {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img,
		atom.Input, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
