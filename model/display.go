package model

import (
	"net/url"
	"strings"
)

// lineBreaks turns the line breaks and tabs sanitize keeps into spaces.
var lineBreaks = strings.NewReplacer("\n", " ", "\t", " ")

// OneLine makes s safe to show as one line of a terminal: control and
// escape sequences removed, line breaks and tabs turned into spaces. File
// names, URLs and error messages go through it before they are shown.
func OneLine(s string) string {
	return lineBreaks.Replace(sanitize(s))
}

// DisplayName is a document's name (a file name or URL) as lede shows
// it: one safe line, a URL's password replaced by "xxxxx".
func DisplayName(name string) string {
	if u, err := url.Parse(name); err == nil && u.User != nil {
		name = u.Redacted()
	}
	return OneLine(name)
}
