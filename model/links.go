package model

import (
	"net/url"
	"strings"
)

// linkURL returns dest as a link lede may keep: an absolute http or https
// URL with a host, or a mailto address, sanitized. Anything else
// (javascript:, data:, file:, a relative path) gives false, and the link's
// text stays plain text.
func linkURL(dest string) (string, bool) {
	u, err := url.Parse(strings.TrimSpace(dest))
	if err != nil {
		return "", false
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		if u.Host == "" {
			return "", false
		}
	case "mailto":
		if u.Opaque == "" {
			return "", false
		}
	default:
		return "", false
	}
	link := sanitize(u.String())
	return link, link != ""
}
