package modeltest

import (
	"bytes"
	"html"
	"strings"
)

// Markdown is Article(size) written in Markdown: its title a heading.
func Markdown(size int) []byte {
	return append([]byte("# "), Article(size)...)
}

// HTML is Article(size) as a web page: its title in the <title>, with
// the site's name, and again in an <h1> after a navigation bar, then
// each paragraph a <p>.
func HTML(size int) []byte {
	paragraphs := bytes.Split(bytes.TrimSpace(Article(size)), []byte("\n\n"))
	var b strings.Builder
	b.Grow(size + size/8)
	title := html.EscapeString(string(paragraphs[0]))
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + " - The Daily</title></head><body>")
	b.WriteString("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>" + title + "</h1>\n")
	for _, p := range paragraphs[1:] {
		b.WriteString("<p>" + html.EscapeString(string(p)) + "</p>\n")
	}
	b.WriteString("</article></body></html>\n")
	return []byte(b.String())
}
