package model

import (
	"strings"
	"testing"
)

func TestArticleTitle(t *testing.T) {
	for _, tc := range []struct {
		title           string
		headings, names []string
		site, host      string
		own, rest       string
	}{
		// The part that agrees with a heading, og:title or <title>.
		{"The Quiet Harbour | Coastal Weekly", []string{"The Quiet Harbour"}, nil, "", "", "The Quiet Harbour", "Coastal Weekly"},
		{"Notes from the Lab » Blog Archive", []string{"Archives", "notes from the lab"}, nil, "", "", "Notes from the Lab", "Blog Archive"},
		{"The Quiet Harbour | Coastal Weekly", nil, []string{"The Quiet Harbour | Coastal Weekly", "The Quiet Harbour"}, "", "", "The Quiet Harbour", "Coastal Weekly"},
		{"Coastal Weekly · The Quiet Harbour", []string{"The Quiet Harbour"}, nil, "", "", "The Quiet Harbour", "Coastal Weekly"},
		// The part beside the site's name, from the metadata or the host.
		{"Ferry times - Island Wiki", nil, nil, "", "islandwiki.org", "Ferry times", "Island Wiki"},
		{"The Quiet Harbour | Coastal Weekly", nil, nil, "Coastal Weekly", "", "The Quiet Harbour", "Coastal Weekly"},
		{"Coastal Weekly — The Quiet Harbour", nil, nil, "", "www.coastalweekly.example", "The Quiet Harbour", "Coastal Weekly"},
		{"Coastal Weekly: The Quiet Harbour", nil, nil, "Coastal Weekly", "", "The Quiet Harbour", "Coastal Weekly"},
		{"Winter - Summer - Island Wiki", nil, nil, "", "islandwiki.org", "Winter - Summer", "Island Wiki"},
		// Kept whole: it agrees with a heading, nothing says which part
		// is the site's, or a colon leads to the title's second half.
		{"Ferries: What Happens Next", []string{"Ferries: What Happens Next"}, nil, "", "", "Ferries: What Happens Next", ""},
		{"Ferry times - Island Wiki", nil, nil, "", "", "Ferry times - Island Wiki", ""},
		{"Ferry times - Island Wiki", nil, nil, "", "example.org", "Ferry times - Island Wiki", ""},
		{"Ferries: The Winter Timetable", []string{"Ferries"}, nil, "", "", "Ferries: The Winter Timetable", ""},
		{"The Winter Timetable: Ferries", nil, nil, "Ferries", "", "The Winter Timetable: Ferries", ""},
		{"Harbour – Past and Present", []string{"Harbour – Past and Present"}, nil, "Past and Present", "", "Harbour – Past and Present", ""},
		{"| Coastal Weekly", nil, nil, "Coastal Weekly", "", "| Coastal Weekly", ""},
	} {
		own, rest := articleTitle(tc.title, tc.headings, tc.names, tc.site, tc.host)
		if own != tc.own || rest != tc.rest {
			t.Errorf("articleTitle(%q, %q, %q, %q, %q) = %q, %q; want %q, %q",
				tc.title, tc.headings, tc.names, tc.site, tc.host, own, rest, tc.own, tc.rest)
		}
	}
}

// TestHTMLPageTitles reads pages of our own whose <title> or og:title
// carries the site's name: the document's title is the article's own,
// and the site's name becomes its source where the page gives none.
func TestHTMLPageTitles(t *testing.T) {
	body := "<p>The harbour at Port Ellen was quiet on Tuesday morning, as the ferry crews waited for the wind to drop before the first crossing of the day.</p>" +
		"<p>Fishermen mended nets along the quay while the harbour master checked the forecast every hour, and the cafe by the slipway served tea to anyone who asked.</p>" +
		"<p>By noon the wind had fallen, the first boat left, and the harbour came back to life with the sound of engines and gulls.</p>"
	for _, tc := range []struct {
		head, heading, title, source string
	}{
		{`<title>The Quiet Harbour | Coastal Weekly</title>`, "<h1>The Quiet Harbour</h1>", "The Quiet Harbour", "Coastal Weekly"},
		{`<title>Ferry times - Island Wiki</title><link rel="canonical" href="https://islandwiki.org/wiki/Ferry_times">`, "", "Ferry times", "Island Wiki"},
		{`<title>Notes from the Lab » Blog Archive</title><link rel="canonical" href="https://labnotes.example/2026/notes">`, "<h2>Notes from the Lab</h2>", "Notes from the Lab", ""},
		{`<title>The Quiet Harbour | Coastal Weekly</title><meta property="og:title" content="The Quiet Harbour | Coastal Weekly"><meta property="og:site_name" content="Coastal Weekly">`, "", "The Quiet Harbour", "Coastal Weekly"},
		{`<title>Coastal Weekly — The Quiet Harbour</title><meta property="og:url" content="https://www.coastalweekly.example/2026/harbour">`, "", "The Quiet Harbour", "Coastal Weekly"},
		// The host names another site: the part the h1 leaves out is no
		// source.
		{`<title>The Quiet Harbour | Coastal Weekly</title><link rel="canonical" href="https://news.example/harbour">`, "<h1>The Quiet Harbour</h1>", "The Quiet Harbour", ""},
		{`<title>Harbours: The Quiet Season</title>`, "<h1>Harbours: The Quiet Season</h1>", "Harbours: The Quiet Season", ""},
	} {
		page := "<html><head>" + tc.head + "</head><body><article>" + tc.heading + body + "</article></body></html>"
		d, err := Read(Input{Name: "page.html", Data: []byte(page)})
		if err != nil {
			t.Fatal(err)
		}
		if d.Title != tc.title || d.Source != tc.source {
			t.Errorf("%s: title %q, source %q; want %q, %q", tc.head, d.Title, d.Source, tc.title, tc.source)
		}
		if !strings.HasPrefix(d.Paragraphs[0].Text, "The harbour at Port Ellen") {
			t.Errorf("%s: the text begins %q", tc.head, d.Paragraphs[0].Text)
		}
	}
}
