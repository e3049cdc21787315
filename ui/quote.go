package ui

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/lede-tui/lede/model"
)

// A quote is shown and copied as what it is. A direct quote and an
// interview answer are the speaker's own words and stand in quotation
// marks; reported speech, and reported speech that holds a quotation, are
// the article's words about what someone said or thought, and are never
// put in marks: they keep only the marks the article gives them.

// isQuotation reports whether quotes of kind k are the speaker's own
// words, shown inside “…”.
func isQuotation(k model.QuoteKind) bool {
	return k == model.QuoteDirect || k == model.QuoteTurn
}

// kindLabel names a kind of quote in the quotes list.
func kindLabel(k model.QuoteKind) string {
	switch k {
	case model.QuoteDirect:
		return "quoted"
	case model.QuoteMixed:
		return "partly quoted"
	case model.QuoteTurn:
		return "answer"
	}
	return "reported"
}

// quoteWords is the words of q as lede shows them. A quotation's parts
// lose the quotation marks of their own that the document may give them
// (the opening and closing marks, or those cut off by a gap), since the
// quotation is shown inside “…” and ““…”” would double them; its parts
// are joined by " … ", as Document.QuoteText joins them. Reported speech
// is the document's text as it stands.
func quoteWords(d *model.Document, q model.Quote) string {
	if !isQuotation(q.Kind) {
		return d.QuoteText(q)
	}
	text := d.Paragraphs[q.Paragraph].Text
	var parts []string
	for s := range q.Parts() {
		if p := withoutOwnMarks(strings.TrimSpace(text[s.Start:s.End])); p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " … ")
}

// withoutOwnMarks removes from a quotation s the marks at its ends that
// open or close s itself rather than a quotation inside it: an opening
// mark whose closing mark is s's last character, or that is not closed
// in s ("“We are ready,” she said" cut before its cue); a closing mark
// that no mark in s opens. ‘She is “ready”’ loses its ‘ ’ but “ready” is
// left whole, as is ‘ready’ in ‘ready’ is all she said. A ’ after a
// letter may be an apostrophe (the workers’), so it is only removed with
// its ‘.
func withoutOwnMarks(s string) string {
	first, n := utf8.DecodeRuneInString(s)
	if closing, ok := model.ClosingMarks(first); ok {
		switch end := closeOf(s, n, closing); {
		case end == len(s):
			_, last := utf8.DecodeLastRuneInString(s)
			return strings.TrimSpace(s[n : len(s)-last])
		case end < 0:
			s = strings.TrimSpace(s[n:])
		}
	}
	last, n := utf8.DecodeLastRuneInString(s)
	if !opened(s[:len(s)-n], last) {
		if before, _ := utf8.DecodeLastRuneInString(s[:len(s)-n]); last != '’' || !unicode.IsLetter(before) {
			s = strings.TrimSpace(s[:len(s)-n])
		}
	}
	return s
}

// closeOf returns the offset after the first of the closing marks closing
// in s from byte from on, or -1 when there is none. A ’ followed by a
// letter is an apostrophe (don’t), not a closing mark.
func closeOf(s string, from int, closing string) int {
	for k := from; k < len(s); {
		r, n := utf8.DecodeRuneInString(s[k:])
		k += n
		if !strings.ContainsRune(closing, r) {
			continue
		}
		if next, _ := utf8.DecodeRuneInString(s[k:]); r == '’' && unicode.IsLetter(next) {
			continue
		}
		return k
	}
	return -1
}

// opened reports whether s holds a quotation mark that the closing mark
// c may close; false when c closes no quotation.
func opened(s string, c rune) bool {
	for open, closing := range model.QuoteMarks() {
		if strings.ContainsRune(closing, c) && strings.ContainsRune(s, open) {
			return true
		}
	}
	return !isClosingMark(c)
}

// isClosingMark reports whether r closes a quotation.
func isClosingMark(r rune) bool {
	for _, closing := range model.QuoteMarks() {
		if strings.ContainsRune(closing, r) {
			return true
		}
	}
	return false
}

// oneLine is s with every run of white space made one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// shownQuote is q as a list shows it, on one line: a quotation inside
// “…”, reported speech without marks.
func shownQuote(d *model.Document, q model.Quote) string {
	if isQuotation(q.Kind) {
		return "“" + oneLine(quoteWords(d, q)) + "”"
	}
	return oneLine(quoteWords(d, q))
}

// citation formats words, the text of quote q (or the start of it), as y
// copies it, on one line:
//
//   - a quotation (direct, or an interview answer):
//     “words” — Speaker, Title (Source, Date);
//   - reported speech whose cue stands just before its words:
//     Speaker cue words — Title (Source, Date), the cue as written
//     ("Ann says that the bridge will reopen");
//   - reported speech after "according to":
//     According to Speaker, words — Title (Source, Date);
//   - any other reported speech: Reported: words — Speaker, Title
//     (Source, Date).
//
// Reported speech keeps the marks the article gives it and gets none of
// its own. Parts left unknown are left out.
func citation(d *model.Document, q model.Quote, words string) string {
	words = oneLine(words)
	speaker := q.Speaker
	var b strings.Builder
	switch lead := reportLead(d, q); {
	case isQuotation(q.Kind):
		b.WriteString("“" + words + "”")
	case speaker != "" && lead != "":
		b.WriteString(speaker + " " + lead + " " + words)
		speaker = ""
	case speaker != "" && q.Cue == "according to":
		b.WriteString("According to " + speaker + ", " + words)
		speaker = ""
	default:
		b.WriteString("Reported: " + words)
	}
	var who []string
	for _, s := range []string{speaker, d.Title} {
		if s != "" {
			who = append(who, s)
		}
	}
	if len(who) > 0 {
		b.WriteString(" — " + strings.Join(who, ", "))
	}
	var where []string
	for _, s := range []string{d.Source, d.Date} {
		if s != "" {
			where = append(where, s)
		}
	}
	if len(where) > 0 {
		b.WriteString(" (" + strings.Join(where, ", ") + ")")
	}
	return b.String()
}

// reportLead returns the words that report quote q as the text has them,
// from its cue up to its words ("says", "emphasizes that", "said:"), when
// the cue stands right before them, optionally followed by "that"; ""
// otherwise, as for a quotation, "told reporters that ...", "said on
// Monday that ..." or a cue set off inside the words themselves: a cue
// moved next to the words would say what the text does not.
func reportLead(d *model.Document, q model.Quote) string {
	if isQuotation(q.Kind) || q.Cue == "" {
		return ""
	}
	text := d.Paragraphs[q.Paragraph].Text
	end := len(strings.TrimRightFunc(text[:q.Start], unicode.IsSpace))
	before := strings.TrimRight(text[:end], ",:")
	if w := len(before) - len("that"); w > 0 && strings.EqualFold(before[w:], "that") && !isWordEnd(before[:w]) {
		before = strings.TrimRightFunc(before[:w], unicode.IsSpace)
	}
	at := len(before) - len(q.Cue)
	if at < 0 || !strings.EqualFold(before[at:], q.Cue) || isWordEnd(before[:at]) {
		return ""
	}
	return oneLine(text[at:end])
}

// isWordEnd reports whether s ends in a letter or digit, so that a word
// starting right after it would be the end of a longer word.
func isWordEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
