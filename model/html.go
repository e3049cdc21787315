package model

import (
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// maxTreeTags is the most start tags a page may have to be built into a
// tree and handed to Readability. Pages with more are read in one
// streaming pass over their tags (see readHTMLStream). Readability scores
// elements several times over, which on a page of 100,000 elements costs
// up to a second or two, and the tree parser's work per tag grows with
// the depth of the nesting; ordinary articles have a few thousand.
const maxTreeTags = 100_000

// readHTML reads an HTML page: it decodes the bytes by the charset the
// server or the page declares (or a guess, see decode), finds the main
// content with Readability (a port of Firefox's reader view), takes title,
// byline, publication and date from the page's metadata, and turns the
// content's blocks into paragraphs with their marks and links. Page parts
// that look like comments, share bars or related links and are not in the
// content are listed in Document.Removed.
//
// Pages too large or too deeply nested for a tree are read as a stream of
// tags, keeping the text of the body outside navigation, headers, footers,
// asides and forms.
func readHTML(data []byte, contentType, address string) (*Document, error) {
	text, err := decodeHTML(data, contentType)
	if err != nil {
		return nil, err
	}
	if countTags(text, maxTreeTags+1) > maxTreeTags {
		return readHTMLStream(text), nil
	}
	root, err := html.Parse(strings.NewReader(text))
	if err != nil {
		// The parser refuses pages nested deeper than it can follow.
		return readHTMLStream(text), nil
	}
	return readHTMLTree(root, address), nil
}

// readHTMLTree reads a parsed page. It looks at the whole page first, for
// what Readability drops or does not report, and then lets Readability
// take the page apart to find the content.
func readHTMLTree(root *html.Node, address string) *Document {
	page := scanPage(root)
	page.setURL(address, false)
	parser := readability.NewParser()
	// Parsing fails only past a size limit, which is not set; a failed
	// parse leaves article empty, and the whole body is read below.
	article, _ := parser.ParseAndMutate(root, page.url)
	b := newParagraphBuilder(page.url, false)
	if article.Node != nil {
		b.walk(article.Node)
	}
	d := &Document{Paragraphs: b.finish()}
	if len(d.Paragraphs) == 0 {
		// Readability found nothing it trusts: read what is left of the
		// body after it took out scripts and hidden parts.
		b = newParagraphBuilder(page.url, true)
		b.walk(root)
		d.Paragraphs = b.finish()
	}
	d.setMetadata(article, page)
	d.Removed = page.removedFrom(d.Paragraphs)
	return d
}

// countTags counts the start tags of a page ('<' and a letter), up to
// limit, without parsing it.
func countTags(text string, limit int) int {
	n := 0
	for n < limit {
		i := strings.IndexByte(text, '<')
		if i < 0 || i+1 == len(text) {
			break
		}
		if c := text[i+1] | 0x20; c >= 'a' && c <= 'z' {
			n++
		}
		text = text[i+1:]
	}
	return n
}
