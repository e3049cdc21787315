package model

import (
	"strings"
	"testing"
)

func TestBoilerplateReason(t *testing.T) {
	cases := []struct {
		text, reason string
	}{
		{"Leave a Reply", reasonComments},
		{"Leave a comment", reasonComments},
		{"23 Comments", reasonComments},
		{"Your email address will not be published. Required fields are marked *", reasonComments},
		{"Save my name, email, and website in this browser for the next time I comment.", reasonComments},
		{"Share this article", reasonShare},
		{"Share Tweet Email", reasonShare},
		{"Follow us on Twitter and Facebook", reasonShare},
		{"Sign up for our daily newsletter", reasonNewsletter},
		{"Subscribe", reasonNewsletter},
		{"We use cookies to improve your experience. By continuing to use this site, you agree.", reasonCookies},
		{"Related Posts", reasonRelated},
		{"You might also like", reasonRelated},
		{"Read more:", reasonRelated},
		{"Back to top button", reasonChrome},
		{"Skip to content", reasonChrome},
		{"Next post: How we built it", reasonChrome},
		{"Tags: china, phones", reasonChrome},
		{"© 2016 Example Media. All rights reserved.", reasonCopyright},
		{"FOR IMMEDIATE RELEASE", reasonRelease},
		{"-ENDS-", reasonRelease},
		{"Embargoed until 00:01 Tuesday 4 March", reasonRelease},
		{"The press release said the plant would close in May.", ""},
		{"Advertisement", reasonAdvertLabel},
		{"Buy the new phone for $199.99 today", reasonAdvert},
		{"Use code SAVE10 for 10% off", reasonAdvert},
		// Real prose must survive, even when it talks about the same things.
		{"The company said it would buy the startup for $2 billion. Analysts were surprised.", ""},
		{"Readers left more than 400 comments on the original story, most of them angry.", ""},
		{"He shared the story with his family and followed up a week later.", ""},
		{"Home", reasonChrome},
		{"Home prices rose 5% last year.", ""},
		{"Search engines changed how people read news.", ""},
		{"Related: the company's earnings fell in the last quarter as costs rose across all units.", ""},
		{"Q: What would you say to readers who want to share your view?", ""},
	}
	for _, c := range cases {
		if got := boilerplateReason(c.text); got != c.reason {
			t.Errorf("boilerplateReason(%q) = %q, want %q", c.text, got, c.reason)
		}
	}
}

// TestContainsByRare checks the search of a word by a rare byte of it
// against strings.Contains, with the word at the ends of the text, cut
// short by them and repeated.
func TestContainsByRare(t *testing.T) {
	for _, s := range []string{"", "k", "ookie", "cookie", "Our cookies.", "ookiookie", "bookkeeper ookie", "ooki", "kie", "oo kie", "OOKIE POLICY", "okie"} {
		if got, want := containsByRare(s, "ookie", 2), strings.Contains(s, "ookie"); got != want {
			t.Errorf("containsByRare(%q, \"ookie\", 2) = %v, want %v", s, got, want)
		}
	}
}

// TestRemoveBoilerplateKeepsOrder checks that removing boilerplate keeps
// the paragraphs left, and lists those removed, in text order, whether
// the first removed is the first paragraph or stands after others.
func TestRemoveBoilerplateKeepsOrder(t *testing.T) {
	texts := []string{"The ferry left at noon.", "Share this article", "It came back at six.",
		"Advertisement", "Nobody was on it.", "Tags: ferries, harbour"}
	for _, lead := range []string{"", "Skip to content"} {
		d := &Document{}
		for _, text := range append([]string{lead}, texts...) {
			if text != "" {
				d.Paragraphs = append(d.Paragraphs, Paragraph{Text: text})
			}
		}
		d.removeBoilerplate()
		var kept, removed []string
		for _, p := range d.Paragraphs {
			kept = append(kept, p.Text)
		}
		for _, r := range d.Removed {
			removed = append(removed, r.Text)
		}
		wantRemoved := []string{"Share this article", "Advertisement", "Tags: ferries, harbour"}
		if lead != "" {
			wantRemoved = append([]string{lead}, wantRemoved...)
		}
		if got, want := strings.Join(kept, "|"), "The ferry left at noon.|It came back at six.|Nobody was on it."; got != want {
			t.Errorf("lead %q: kept %q, want %q", lead, got, want)
		}
		if got, want := strings.Join(removed, "|"), strings.Join(wantRemoved, "|"); got != want {
			t.Errorf("lead %q: removed %q, want %q", lead, got, want)
		}
	}
}
