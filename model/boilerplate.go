package model

import (
	"regexp"
	"strings"
)

// maxBoilerplateLen is the longest paragraph a boilerplate rule looks at:
// page furniture is short, and real paragraphs that merely mention a
// coupon or a comment must survive.
const maxBoilerplateLen = 400

// Reasons a piece of text is removed.
const (
	reasonAdvert      = "advert"
	reasonComments    = "comment form"
	reasonShare       = "share or follow prompt"
	reasonCookies     = "cookie notice"
	reasonRelated     = "related links"
	reasonChrome      = "page chrome"
	reasonNewsletter  = "newsletter prompt"
	reasonCopyright   = "copyright line"
	reasonAdvertLabel = "advert label"
)

// boilerplateRule removes a paragraph that matches re, for reason.
type boilerplateRule struct {
	reason string
	re     *regexp.Regexp
}

// boilerplateRules are tried in order on every short paragraph. They
// describe kinds of page furniture, not the wording of any one site.
var boilerplateRules = []boilerplateRule{
	{reasonComments, regexp.MustCompile(`(?i)^(leave a (reply|comment)|post a comment|add (a|your) comment|join the discussion|\d+ (comments?|responses?|replies)|comments?( \(\d+\))?|(show|view|load|read) (all )?(\d+ )?comments|your email address will not be published.*|required fields are marked.*|save my name,? email.*|you must be logged in to post a comment.*|notify me of (new|follow-up) (comments|posts).*|cancel reply)[.:!]?$`)},
	{reasonShare, regexp.MustCompile(`(?i)^(share|share this( article| story| post| page)?|share on \w+|tweet( this)?|pin it|email this( article| story)?|print( this)?( article| story| page)?|(share|follow|like) us on [\w ,&]+|follow us|follow @\w+.*|(share|tweet|email|print)( (share|tweet|email|print|facebook|twitter|linkedin|whatsapp|reddit|pinterest|copy link))+)[.:!]?$`)},
	{reasonNewsletter, regexp.MustCompile(`(?i)^(subscribe( now| today| here)?|(subscribe|sign up) (to|for) (our|the) [\w ]*newsletter.*|get (our|the) [\w ]*newsletter.*|sign up for [\w ]*(newsletter|updates|alerts).*)[.:!]?$`)},
	{reasonCookies, regexp.MustCompile(`(?i)(\bwe use cookies\b|\bthis (web)?site uses cookies\b|\bby (continuing to (use|browse)|using) (this|our) (web)?site,? you (agree|consent)\b|\baccept (all )?cookies\b|\bcookie (policy|settings|preferences)\b)`)},
	{reasonRelated, regexp.MustCompile(`(?i)^(related( posts| articles| stories| content| reading| coverage)?|you (may|might) also (like|enjoy)|(read|see) (more|next|also)|more (from|on|stories|articles)\b.*|recommended( for you| reading| stories)?|trending( now| stories)?|(most )?popular( posts| stories| now)?|also on [\w .]+)[.:!]?$`)},
	{reasonChrome, regexp.MustCompile(`(?i)^(back to top( button)?|(skip|jump) to (main )?(content|navigation)|home|menu|search|(toggle|open|close) (menu|navigation|search)|(next|previous|prev|older|newer) (post|article|story|entry)s?.*|« .*|.* »|log ?in|sign ?in|sign up|register|click here( to .*)?|loading\.*|tags?:.*|categories?:.*|filed under:?.*|posted in .*)[.:!]?$`)},
	{reasonCopyright, regexp.MustCompile(`(?i)^((copyright|©|\(c\))\s.*|all rights reserved\.?)$`)},
	{reasonAdvertLabel, regexp.MustCompile(`(?i)^(advertisement|advertising|sponsored( content)?|promoted|ad|paid (content|post))[.:]?$`)},
	{reasonAdvert, regexp.MustCompile(`(?i)(\b(buy|shop|order|get|save)\b.*(\$|€|£|¥|usd\s?)\d|\b\d+% off\b|\b(coupon|promo code|discount code|free shipping)\b)`)},
}

// removeBoilerplate drops web furniture from the paragraphs (comment forms,
// share and follow prompts, cookie notices, related links, promos, page
// chrome) and records each piece in d.Removed.
func (d *Document) removeBoilerplate() {
	kept := d.Paragraphs[:0]
	for _, p := range d.Paragraphs {
		if reason := boilerplateReason(p.Text); reason != "" {
			d.Removed = append(d.Removed, Removed{Text: p.Text, Reason: reason})
			continue
		}
		kept = append(kept, p)
	}
	d.Paragraphs = kept
}

// boilerplateReason tells why text is boilerplate, or returns "".
func boilerplateReason(text string) string {
	if len(text) > maxBoilerplateLen {
		return ""
	}
	t := strings.TrimSpace(text)
	for _, r := range boilerplateRules {
		if r.re.MatchString(t) {
			if r.reason == reasonAdvert && !isPromo(t) {
				continue
			}
			return r.reason
		}
	}
	return ""
}

// isPromo tells a sales line from a sentence of reporting that mentions a
// price: promos are short and do not read as full sentences of prose.
func isPromo(t string) bool {
	return len(t) < 160 && strings.Count(t, ". ") == 0
}
