package model

import (
	"bytes"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
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
	reasonRelease     = "press-release slug"
	reasonNewsletter  = "newsletter prompt"
	reasonCopyright   = "copyright line"
	reasonAdvertLabel = "advert label"
)

// boilerplateRule removes a paragraph that matches re, for reason. The
// regexps are costly, so each rule also says cheaply which paragraphs it
// can match at all: those whose first word (lower-cased, a number read as
// "#") is in starts, or whose last is "»" when starts has it, or, for
// rules that match anywhere, those that pass gate.
type boilerplateRule struct {
	reason string
	starts []string
	gate   func(t string) bool
	re     *regexp.Regexp
}

// boilerplateRules are tried in order on every short paragraph. They
// describe kinds of page furniture, not the wording of any one site.
var boilerplateRules = []boilerplateRule{
	{reason: reasonComments,
		starts: []string{"leave", "post", "add", "join", "#", "comment", "comments", "show", "view", "load", "read", "your", "required", "save", "you", "notify", "cancel"},
		re:     regexp.MustCompile(`(?i)^(leave a (reply|comment)|post a comment|add (a|your) comment|join the discussion|\d+ (comments?|responses?|replies)|comments?( \(\d+\))?|(show|view|load|read) (all )?(\d+ )?comments|your email address will not be published.*|required fields are marked.*|save my name,? email.*|you must be logged in to post a comment.*|notify me of (new|follow-up) (comments|posts).*|cancel reply)[.:!]?$`)},
	{reason: reasonShare,
		starts: []string{"share", "tweet", "pin", "email", "print", "follow", "like"},
		re:     regexp.MustCompile(`(?i)^(share|share this( article| story| post| page)?|share on \w+|tweet( this)?|pin it|email this( article| story)?|print( this)?( article| story| page)?|(share|follow|like) us on [\w ,&]+|follow us|follow @\w+.*|(share|tweet|email|print)( (share|tweet|email|print|facebook|twitter|linkedin|whatsapp|reddit|pinterest|copy link))+)[.:!]?$`)},
	{reason: reasonNewsletter,
		starts: []string{"subscribe", "sign", "get"},
		re:     regexp.MustCompile(`(?i)^(subscribe( now| today| here)?|(subscribe|sign up) (to|for) (our|the) [\w ]*newsletter.*|get (our|the) [\w ]*newsletter.*|sign up for [\w ]*(newsletter|updates|alerts).*)[.:!]?$`)},
	{reason: reasonCookies,
		gate: mentionsCookie,
		re:   regexp.MustCompile(`(?i)(\bwe use cookies\b|\bthis (web)?site uses cookies\b|\bby (continuing to (use|browse)|using) (this|our) (web)?site,? you (agree|consent)\b|\baccept (all )?cookies\b|\bcookie (policy|settings|preferences)\b)`)},
	{reason: reasonRelated,
		starts: []string{"related", "you", "read", "see", "more", "recommended", "trending", "most", "popular", "also"},
		re:     regexp.MustCompile(`(?i)^(related( posts| articles| stories| content| reading| coverage)?|you (may|might) also (like|enjoy)|(read|see) (more|next|also)|more (from|on|stories|articles)\b.*|recommended( for you| reading| stories)?|trending( now| stories)?|(most )?popular( posts| stories| now)?|also on [\w .]+)[.:!]?$`)},
	{reason: reasonChrome,
		starts: []string{"back", "skip", "jump", "home", "menu", "search", "toggle", "open", "close", "next", "previous", "prev", "older", "newer", "«", "log", "login", "sign", "signin", "signup", "register", "click", "loading", "tags", "tag", "categories", "category", "filed", "posted", "»"},
		re:     regexp.MustCompile(`(?i)^(back to top( button)?|(skip|jump) to (main )?(content|navigation)|home|menu|search|(toggle|open|close) (menu|navigation|search)|(next|previous|prev|older|newer) (post|article|story|entry)s?.*|« .*|.* »|log ?in|sign ?in|sign up|register|click here( to .*)?|loading\.*|tags?:.*|categories?:.*|filed under:?.*|posted in .*)[.:!]?$`)},
	{reason: reasonRelease,
		starts: []string{"for", "press", "news", "media", "embargoed", "ends", "-", "#"},
		re:     regexp.MustCompile(`(?i)^(for immediate release|(press|news|media) release|embargoed( until| till| to)? .*|-?ends-?|###)[.:!]?$`)},
	{reason: reasonCopyright,
		starts: []string{"copyright", "©", "c", "all"},
		re:     regexp.MustCompile(`(?i)^((copyright|©|\(c\))\s.*|all rights reserved\.?)$`)},
	{reason: reasonAdvertLabel,
		starts: []string{"advertisement", "advertising", "sponsored", "promoted", "ad", "paid"},
		re:     regexp.MustCompile(`(?i)^(advertisement|advertising|sponsored( content)?|promoted|ad|paid (content|post))[.:]?$`)},
	{reason: reasonAdvert,
		gate: mayBePromo,
		re:   regexp.MustCompile(`(?i)(\b(buy|shop|order|get|save)\b.*(\$|€|£|¥|usd\s?)\d|\b\d+% off\b|\b(coupon|promo code|discount code|free shipping)\b)`)},
}

// removeBoilerplate drops web furniture from the paragraphs (comment forms,
// share and follow prompts, cookie notices, related links, promos, page
// chrome) and records each piece in d.Removed. A title that is web
// furniture goes too. The paragraphs of a large document are judged on
// every core, each on its own text; those before the first removed stay
// where they are, not copied onto themselves.
func (d *Document) removeBoilerplate() {
	if reason := boilerplateReason(d.Title); reason != "" {
		d.Removed = append(d.Removed, Removed{Text: d.Title, Reason: reason})
		d.Title = ""
	}
	reasons := make([]string, len(d.Paragraphs))
	inParts(d.Paragraphs, func(from, to int) {
		for i := from; i < to; i++ {
			if p := d.Paragraphs[i]; !p.Code {
				reasons[i] = boilerplateReason(p.Text)
			}
		}
	})
	first := slices.IndexFunc(reasons, func(r string) bool { return r != "" })
	if first < 0 {
		return
	}
	kept := d.Paragraphs[:first]
	for i := first; i < len(d.Paragraphs); i++ {
		if reasons[i] != "" {
			d.Removed = append(d.Removed, Removed{Text: d.Paragraphs[i].Text, Reason: reasons[i]})
			continue
		}
		kept = append(kept, d.Paragraphs[i])
	}
	d.Paragraphs = kept
}

// ruleSet is a set of boilerplateRules, a bit for each by its index.
type ruleSet uint16

// rulesStarting maps each first word key that a rule's starts names to
// the rules that name it, so that a paragraph's first word is looked up
// once, not compared with every rule's starts in turn.
var rulesStarting = func() map[string]ruleSet {
	m := map[string]ruleSet{}
	for k, r := range boilerplateRules {
		for _, w := range r.starts {
			m[w] |= 1 << k
		}
	}
	return m
}()

// boilerplateReason tells why text is boilerplate, or returns "".
func boilerplateReason(text string) string {
	if len(text) > maxBoilerplateLen {
		return ""
	}
	t := strings.TrimSpace(text)
	may := lookupLower(rulesStarting, firstWordKey(t))
	if lastWordKey(t) == "»" {
		may |= rulesStarting["»"]
	}
	for k, r := range boilerplateRules {
		if (may&(1<<k) != 0 || r.gate != nil && r.gate(t)) && r.re.MatchString(t) {
			return r.reason
		}
	}
	return ""
}

// maxKeyLen is the longest first word a rule names.
const maxKeyLen = 13

// firstWordKey is the first word of t as the rules' starts name it once
// lower-cased: its ASCII letters, "#" for a number, or its first symbol.
func firstWordKey(t string) string {
	end := 0
	for end < len(t) && end <= maxKeyLen && isASCIILetter(t[end]) {
		end++
	}
	switch {
	case end > maxKeyLen:
		return ""
	case end > 0:
		return t[:end]
	case t == "":
		return ""
	case t[0] >= '0' && t[0] <= '9':
		return "#"
	case t[0] == '(':
		return firstWordKey(t[1:])
	}
	_, size := utf8.DecodeRuneInString(t)
	return t[:size]
}

// lastWordKey is the last symbol of t, for rules such as "Older posts »"
// that are known by their end.
func lastWordKey(t string) string {
	_, size := utf8.DecodeLastRuneInString(t)
	return t[len(t)-size:]
}

// promoWords are the words of a promo line that carries no price.
var promoWords = [][]byte{[]byte("coupon"), []byte("promo code"), []byte("discount code"), []byte("free shipping"), []byte("usd")}

// mayBePromo reports whether t is short, unlike a sentence of prose, and
// names a price, a discount or a coupon: a line the advert rule may match.
func mayBePromo(t string) bool {
	if !isPromo(t) {
		return false
	}
	for _, sign := range priceSigns {
		if strings.Contains(t, sign) {
			return true
		}
	}
	var buf [maxPromoLen]byte
	lower := appendLower(buf[:0], t)
	for _, w := range promoWords {
		if bytes.Contains(lower, w) {
			return true
		}
	}
	return false
}

// priceSigns are the currency and per cent signs of a price or a
// discount. Each is looked for on its own: strings.ContainsAny decodes
// every rune of the text when the set is not all ASCII.
var priceSigns = []string{"$", "%", "€", "£", "¥"}

// mentionsCookie reports whether t holds "ookie" or "OOKIE", as every
// line the cookie rule matches does.
func mentionsCookie(t string) bool {
	return containsByRare(t, "ookie", 2) || containsByRare(t, "OOKIE", 2)
}

// containsByRare reports whether s contains word, as strings.Contains
// does, but looks for word's byte at k, one rare in text ('k' in
// "ookie"), rather than its first: strings.Contains stops at every 'o'.
func containsByRare(s, word string, k int) bool {
	for from := k; from < len(s); {
		i := strings.IndexByte(s[from:], word[k])
		if i < 0 {
			return false
		}
		if at := from + i - k; at+len(word) <= len(s) && s[at:at+len(word)] == word {
			return true
		}
		from += i + 1
	}
	return false
}

// maxPromoLen is the length from which a line is too long to be a promo.
const maxPromoLen = 160

// isPromo tells a line that could be a sales pitch from a sentence of
// reporting that mentions a price: promos are short and do not read as
// full sentences of prose.
func isPromo(t string) bool {
	return len(t) < maxPromoLen && !strings.Contains(t, ". ")
}

// appendLower appends s lower-cased, as strings.ToLower writes it, to
// buf: byte by byte when s is ASCII, so that a buffer on the stack
// spares the allocation.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(buf, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// isASCIILetter reports whether b is an ASCII letter.
func isASCIILetter(b byte) bool {
	return b|0x20 >= 'a' && b|0x20 <= 'z'
}
