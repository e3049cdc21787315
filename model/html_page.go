package model

import (
	"bytes"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageInfo is what readHTMLTree learns from the whole page before
// Readability takes it apart.
type pageInfo struct {
	// url is the page's own address, from <base>, the canonical link or
	// og:url; nil when the page does not say.
	url *url.URL
	// title is the text of <title>, and time the first <time> in the body.
	title, time string
	// ogTitle is the page's Open Graph title (og:title), and headings the
	// text of its first h1 and h2 headings: the names the page gives the
	// article, which its title is checked against (see articleTitle).
	ogTitle  string
	headings []string
	// furniture lists the parts of the body whose class or id marks them
	// as comments, share bars, related links or newsletter prompts.
	furniture []Removed
}

// Limits on what scanPage keeps of a piece of page furniture.
const (
	// maxRemovedText is the most text, in bytes, kept of one piece.
	maxRemovedText = 200
	// maxRemoved is the most pieces kept of one page.
	maxRemoved = 50
)

// scanPage walks the whole page once, before Readability changes it.
func scanPage(root *html.Node) pageInfo {
	var page pageInfo
	var visit func(n *html.Node, inBody bool)
	visit = func(n *html.Node, inBody bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if page.visit(c, inBody) {
				visit(c, inBody || c.DataAtom == atom.Body)
			}
		}
	}
	visit(root, false)
	return page
}

// visit records what the element n tells about the page, and reports
// whether its children are to be visited too.
func (page *pageInfo) visit(n *html.Node, inBody bool) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
		return false
	case atom.Title:
		if page.title == "" && !inBody {
			page.title = nodeText(n, maxMetaLen)
		}
		return false
	case atom.Base:
		page.setURL(attrValue(n.Attr, "href"), true)
	case atom.Link:
		if strings.EqualFold(attrValue(n.Attr, "rel"), "canonical") {
			page.setURL(attrValue(n.Attr, "href"), false)
		}
	case atom.Meta:
		switch attrValue(n.Attr, "property") {
		case "og:url":
			page.setURL(attrValue(n.Attr, "content"), false)
		case "og:title":
			if page.ogTitle == "" {
				page.ogTitle = attrValue(n.Attr, "content")
			}
		}
	case atom.H1, atom.H2:
		if inBody && len(page.headings) < maxTitleHeadings {
			page.headings = append(page.headings, nodeText(n, maxMetaLen))
		}
	case atom.Time:
		if page.time == "" && inBody {
			page.time = strings.TrimSpace(attrValue(n.Attr, "datetime"))
		}
	}
	if !inBody || len(page.furniture) >= maxRemoved {
		return true
	}
	if reason := furnitureReason(n); reason != "" {
		if text := nodeText(n, maxRemovedText); text != "" {
			page.furniture = append(page.furniture, Removed{Text: text, Reason: reason})
		}
		return false
	}
	return true
}

// setURL takes href as the page's address when it is an absolute http or
// https URL and the page has none yet, or when it comes from <base>, which
// decides how the page's links resolve.
func (page *pageInfo) setURL(href string, isBase bool) {
	if page.url != nil && !isBase {
		return
	}
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		return
	}
	page.url = u
}

// furnitureReason tells from its class and id what kind of page furniture
// the element n is, or returns "".
func furnitureReason(n *html.Node) string {
	for _, key := range []string{"class", "id"} {
		for _, word := range strings.FieldsFunc(strings.ToLower(attrValue(n.Attr, key)), isNameSeparator) {
			if reason := words().furniture.get(word); reason != "" {
				return reason
			}
		}
	}
	return ""
}

// isNameSeparator splits class names and ids into words.
func isNameSeparator(r rune) bool {
	return r == '-' || r == '_' || r == ' ' || r == '\t' || r == '\n' || r == ':'
}

// nodeText returns the text of n with white space collapsed, cut after
// about limit bytes at a word's end with "…".
func nodeText(n *html.Node, limit int) string {
	var b strings.Builder
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				for _, w := range strings.Fields(sanitize(c.Data)) {
					if b.Len() > 0 {
						b.WriteByte(' ')
					}
					if b.Len()+len(w) > limit {
						b.WriteString("…")
						return false
					}
					b.WriteString(w)
				}
			case c.Type == html.ElementNode && !skippedAlways[c.DataAtom]:
				if !visit(c) {
					return false
				}
			}
		}
		return true
	}
	visit(n)
	return b.String()
}

// removedFrom returns the page furniture whose text is not in the
// paragraphs, what Readability left out, each piece once.
func (page *pageInfo) removedFrom(paragraphs []Paragraph) []Removed {
	if len(page.furniture) == 0 {
		return nil
	}
	keys := make([][]byte, len(page.furniture))
	for i, r := range page.furniture {
		key := appendSqueezed(nil, r.Text)
		keys[i] = bytes.ToValidUTF8(key[:min(len(key), maxRemovedKey)], nil) // a cut rune
	}
	kept := make([]bool, len(keys))
	// The content is squeezed a window at a time; each window opens with
	// the end of the one before, so that a key across two is found whole.
	var window []byte
	search := func() {
		for i, key := range keys {
			kept[i] = kept[i] || bytes.Contains(window, key)
		}
	}
	for _, p := range paragraphs {
		window = appendSqueezed(window, p.Text)
		if len(window) >= removedWindow {
			search()
			window = append(window[:0], window[len(window)-(maxRemovedKey-1):]...)
		}
	}
	search()
	var removed []Removed
	seen := make(map[Removed]bool)
	for i, r := range page.furniture {
		if !seen[r] && !kept[i] {
			removed = append(removed, r)
			seen[r] = true
		}
	}
	return removed
}

const (
	// maxRemovedKey is how many bytes of a piece of furniture, spaces
	// taken out, are looked for in the content.
	maxRemovedKey = 60
	// removedWindow is how many bytes of content, spaces taken out, are
	// searched for the pieces of furniture at once.
	removedWindow = 64 << 10
)

// appendSqueezed appends s to b without its white space (see IsSpace), so
// that text can be found whatever the paragraphs and spaces around it. A
// byte that is not UTF-8 is appended as U+FFFD.
func appendSqueezed(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !IsSpace(r) {
			b = utf8.AppendRune(b, r)
		}
		i += size
	}
	return b
}

// setMetadata fills in title, byline, publication and date, from what
// Readability found (from JSON-LD, Open Graph and other <meta> tags, and
// the page's title and headings) and, where it found nothing, from the
// page's <title> and first <time>. The title is the article's own,
// without the site's name (see articleTitle), which becomes the
// publication when the page names none and its host name does not say
// otherwise.
func (d *Document) setMetadata(article readability.Article, page pageInfo) {
	d.Title = cleanMeta(article.Title())
	d.Byline = cleanMeta(article.Byline())
	d.Source = cleanMeta(article.SiteName())
	if t, err := article.PublishedTime(); err == nil {
		d.Date = t.Format(time.DateOnly)
	}
	if d.Title == "" {
		d.Title = cleanMeta(page.title)
	}
	host := ""
	if page.url != nil {
		host = page.url.Hostname()
	}
	title, site := articleTitle(d.Title, page.headings, []string{page.ogTitle, page.title}, d.Source, host)
	d.Title = title
	if d.Source == "" && site != "" && hostMatches(site, host) {
		d.Source = site
	}
	if d.Date == "" {
		d.Date = formatDate(page.time)
	}
}

// maxMetaLen is the longest title, byline or publication name kept, in
// runes; longer ones are page text caught by mistake.
const maxMetaLen = 300

// cleanMeta sanitizes a metadata string and collapses its white space.
func cleanMeta(s string) string {
	s = strings.Join(strings.FieldsFunc(sanitize(s), IsSpace), " ")
	if utf8.RuneCountInString(s) > maxMetaLen {
		return ""
	}
	return s
}

// dateLayouts are the forms of a <time datetime> that formatDate reads.
var dateLayouts = []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly}

// formatDate returns a machine-readable date as a calendar date, or s
// cleaned as it is when it is in no form known.
func formatDate(s string) string {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return cleanMeta(s)
}
