package model

import "strings"

// titleSeparators stand between the parts of a web page's title: the
// article's own title and its site's name ("The Quiet Harbour | Coastal
// Weekly", "Ferry times - Island Wiki", "Notes from the Lab » Blog
// Archive"). A colon is one only after the site's name ("Coastal Weekly:
// The Quiet Harbour"): before it, it leads to the title's second half
// ("Ferries: The Winter Timetable").
var titleSeparators = []string{" | ", " - ", " – ", " — ", " » ", " · ", colonSeparator}

// colonSeparator is the separator a site's name can only stand before.
const colonSeparator = ": "

// maxTitleHeadings is how many of a page's h1 and h2 headings scanPage
// keeps to check the page's title against.
const maxTitleHeadings = 8

// articleTitle returns the article's own title, taken from title, the
// page's title as its metadata gives it, and the part of title it left
// out as the site's name, or "". A title that agrees with one of the
// page's headings (its first h1 and h2) is kept whole. Otherwise, where a
// separator splits it in two, one side is the article's title when it
// agrees with a heading or one of names, the page's other names for the
// article (its og:title, its <title>), or else when the other side is the
// site's name: site, as the page's metadata gives it, or a name in host,
// the page's host name ("islandwiki.org" for "Island Wiki"). Titles agree
// when their letters and digits do, whatever their case.
func articleTitle(title string, headings, names []string, site, host string) (own, rest string) {
	agrees := func(s string, names ...[]string) bool {
		k := nameKey(s)
		for _, list := range names {
			for _, n := range list {
				if k != "" && nameKey(n) == k {
					return true
				}
			}
		}
		return false
	}
	if agrees(title, headings) {
		return title, ""
	}
	// split is title cut at a separator; siteFirst reports that only the
	// head may be the site's name.
	type split struct {
		head, tail string
		siteFirst  bool
	}
	var splits []split
	for _, sep := range titleSeparators {
		for i := 0; ; {
			k := strings.Index(title[i:], sep)
			if k < 0 {
				break
			}
			i += k
			splits = append(splits, split{strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):]), sep == colonSeparator})
			i += len(sep)
		}
	}
	for _, s := range splits {
		switch {
		case agrees(s.head, headings, names) && !s.siteFirst:
			return s.head, s.tail
		case agrees(s.tail, headings, names):
			return s.tail, s.head
		}
	}
	for _, s := range splits {
		switch {
		case s.head != "" && !s.siteFirst && isSiteName(s.tail, site, host):
			return s.head, s.tail
		case s.tail != "" && isSiteName(s.head, site, host):
			return s.tail, s.head
		}
	}
	return title, ""
}

// isSiteName reports whether part of a page's title names the site: it
// agrees with site, or with a name in the host name, a label of it other
// than the last ("Island Wiki" in "www.islandwiki.org").
func isSiteName(part, site, host string) bool {
	k := nameKey(part)
	if k == "" {
		return false
	}
	if k == nameKey(site) {
		return true
	}
	labels := strings.Split(host, ".")
	for _, l := range labels[:max(len(labels)-1, 0)] {
		if nameKey(l) == k {
			return true
		}
	}
	return false
}

// hostMatches reports whether part of a page's title may be the site's
// name as far as the page's host name tells: there is none, or part is a
// name in it.
func hostMatches(part, host string) bool {
	return host == "" || isSiteName(part, "", host)
}
