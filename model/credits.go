package model

import (
	"strings"
	"time"
	"unicode"
)

const (
	// maxCreditParagraphs is how many of a document's first paragraphs
	// may hold its credits.
	maxCreditParagraphs = 4
	// maxCreditLen is the longest paragraph read as credits, in bytes.
	maxCreditLen = 160
	// maxCreditPartWords is the most words a part of a credits line that
	// is neither a byline nor a date may have: a publication, a section
	// ("Sport"), a role ("Staff Writer").
	maxCreditPartWords = 6
)

// creditSeparators split a credits line into its parts: "By Ana Ruiz ·
// Harbour Record · 3 May 2025".
const creditSeparators = "·|•—–"

// bylineOpeners are what a byline starts with, in lower case, longest
// first so that "words by" is not read as "by".
var bylineOpeners = []string{"interviewed by ", "interview by ", "reporting by ", "written by ", "words by ", "story by ", "text by ", "by "}

// datePrefixes are words before a date on a credits line, in lower case.
var datePrefixes = []string{"last updated", "published", "updated", "posted"}

// creditDateLayouts are the written dates readDate knows, after it has
// dropped the weekday, ordinal suffixes and full stops of short months.
var creditDateLayouts = []string{
	"January 2, 2006", "January 2 2006", "2 January 2006", "2 January, 2006",
	"Jan 2, 2006", "Jan 2 2006", "2 Jan 2006", "2 Jan, 2006",
}

// readCredits fills in the byline, publication and date that the
// document's metadata did not give, from a credits line among its first
// paragraphs: "By Ana Ruiz · Harbour Record · 3 May 2025", "Words by Ana
// Ruiz and Kai Moreno", or a date standing alone ("Thursday, April 10,
// 2025"). A line is credits only when every part of it reads as one: a
// byline, a date, or a few capitalised words, of which a publication's
// name ("Harbour Record", "The Fenmoor Post") gives the source. The line
// stays in the text, as the article's own words.
func (d *Document) readCredits() {
	for _, p := range d.Paragraphs[:min(len(d.Paragraphs), maxCreditParagraphs)] {
		if p.Heading || p.Code || len(p.Text) > maxCreditLen {
			continue
		}
		byline, source, date, ok := creditsOf(p.Text)
		if !ok {
			continue
		}
		if d.Byline == "" {
			d.Byline = byline
		}
		if d.Source == "" {
			d.Source = source
		}
		if d.Date == "" {
			d.Date = date
		}
	}
}

// creditsOf reads text as a credits line (see readCredits). ok is false
// when it is not one: a part reads as nothing, or none is a byline or a
// date.
func creditsOf(text string) (byline, source, date string, ok bool) {
	parts := strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune(creditSeparators, r) })
	for len(parts) > 0 {
		part := strings.TrimSpace(parts[0])
		parts = parts[1:]
		if part == "" {
			continue
		}
		if names, rest, found := bylineNames(part); found && byline == "" {
			byline = names
			if rest != "" {
				parts = append([]string{rest}, parts...)
			}
			continue
		}
		if written, found := readDate(part); found && date == "" {
			date = written
			continue
		}
		if before, written, found := cutDate(part); found && date == "" {
			date = written
			parts = append([]string{before}, parts...)
			continue
		}
		if !isCreditWords(part) {
			return "", "", "", false
		}
		if source == "" && isPublication(part) {
			source = part
		}
	}
	return byline, source, date, byline != "" || date != ""
}

// bylineNames reads part as a byline: an opener ("By", "Words by") and
// the names of one or more people, two to four capitalised words each,
// apart by commas, "and" or "&". rest is what follows the names after a
// comma, when it names no person: a role or a publication ("By Ana Ruiz,
// Harbour Record").
func bylineNames(part string) (names, rest string, ok bool) {
	lower := strings.ToLower(part)
	opened := false
	for _, o := range bylineOpeners {
		if strings.HasPrefix(lower, o) {
			part, opened = part[len(o):], true
			break
		}
	}
	if !opened {
		return "", "", false
	}
	var people []string
	comma := false // a comma came before part
	for len(part) > 0 {
		name, after, nextComma := cutAuthor(part)
		if !isBylineName(name, len(people) > 0) {
			if !comma {
				return "", "", false
			}
			return joinNames(people), strings.TrimSpace(part), true
		}
		people = append(people, name)
		part, comma = after, nextComma
	}
	if len(people) == 0 {
		return "", "", false
	}
	return joinNames(people), "", true
}

// cutAuthor cuts the first author off a byline's names: before a comma,
// " and " or " & ". comma says whether a comma ended it.
func cutAuthor(s string) (name, after string, comma bool) {
	end, next := len(s), len(s)
	for _, sep := range []string{",", " and ", " & "} {
		if i := strings.Index(s, sep); i >= 0 && i < end {
			end, next, comma = i, i+len(sep), sep == ","
		}
	}
	after = strings.TrimSpace(s[next:])
	if comma {
		after = strings.TrimSpace(strings.TrimPrefix(after, "and "))
	}
	return strings.TrimSpace(s[:end]), after, comma
}

// isBylineName reports whether s reads as a person's name in a byline:
// two to four capitalised words, an honorific or an initial among them
// ("Dr. Ana Ruiz", "K. J. Moreno"). A name after the first must open with
// a known first name or an initial, as a role after the names need not
// ("By Ana Ruiz, Transport Correspondent").
func isBylineName(s string, after bool) bool {
	fields := strings.Fields(s)
	if len(fields) < 2 || len(fields) > 4 {
		return false
	}
	if first := fields[0]; after && !isGivenName(first) && !isInitial(first) {
		return false
	}
	for _, f := range fields {
		if !isPersonWord(f) || strings.ContainsFunc(f, unicode.IsDigit) {
			return false
		}
	}
	return true
}

// joinNames writes people's names as a byline does: "Ana Ruiz", "Ana Ruiz
// and Kai Moreno", "Ana Ruiz, Kai Moreno and Li Wei".
func joinNames(people []string) string {
	if len(people) == 1 {
		return people[0]
	}
	return strings.Join(people[:len(people)-1], ", ") + " and " + people[len(people)-1]
}

// readDate reads part as a date written out, and returns it as written,
// without the word that may introduce it: "3 May 2025", "Thursday, April
// 10, 2025", "Published: Sept. 3, 2025, 9:41 a.m." (a time after the
// date is left out), "2025-05-03".
func readDate(part string) (string, bool) {
	written := part
	lower := strings.ToLower(part)
	for _, p := range datePrefixes {
		if strings.HasPrefix(lower, p) {
			written = strings.TrimLeft(part[len(p):], ": ")
			if strings.HasPrefix(strings.ToLower(written), "on ") {
				written = written[len("on "):]
			}
			break
		}
	}
	if iso := len(time.DateOnly); len(written) >= iso && (len(written) == iso || !isDigitByte(written[iso])) {
		if _, err := time.Parse(time.DateOnly, written[:iso]); err == nil {
			return written[:iso], true
		}
	}
	year := yearEnd(written)
	if year < 0 {
		return "", false
	}
	written = written[:year]
	var fields []string
	for i, f := range strings.Fields(written) {
		f = strings.TrimSuffix(f, ".")
		if i == 0 && isWeekday(strings.TrimSuffix(f, ",")) {
			continue
		}
		f = strings.Replace(f, "Sept", "Sep", 1)
		fields = append(fields, dropOrdinal(f))
	}
	s := strings.Join(fields, " ")
	for _, layout := range creditDateLayouts {
		if _, err := time.Parse(layout, s); err == nil {
			return written, true
		}
	}
	return "", false
}

// cutDate reads a part that ends in a date after a comma ("Harbour
// Record, 3 May 2025"): what comes before the date, and the date.
func cutDate(part string) (before, date string, ok bool) {
	for i := strings.IndexByte(part, ','); i >= 0; {
		if date, ok := readDate(strings.TrimSpace(part[i+1:])); ok {
			return strings.TrimSpace(part[:i]), date, true
		}
		next := strings.IndexByte(part[i+1:], ',')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return "", "", false
}

// yearEnd is the end of the first year of four digits in s standing as a
// word (1000 to 2999), or -1.
func yearEnd(s string) int {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' || s[i] == '2') && isDigits(s[i:i+4]) && (i == 0 || !isDigitByte(s[i-1])) && (i+4 == len(s) || !isDigitByte(s[i+4])) {
			return i + 4
		}
	}
	return -1
}

// isDigits reports whether s is all ASCII digits.
func isDigits(s string) bool {
	for i := range len(s) {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}

// isDigitByte reports whether c is an ASCII digit.
func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// isWeekday reports whether w names a day of the week, in full or in
// three letters.
func isWeekday(w string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		if name := d.String(); strings.EqualFold(w, name) || strings.EqualFold(w, name[:3]) {
			return true
		}
	}
	return false
}

// dropOrdinal drops the suffix of a day written as an ordinal: "3rd,"
// is "3,".
func dropOrdinal(f string) string {
	digits := strings.TrimRight(f, ",")
	comma := f[len(digits):]
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(digits, suffix); ok && isDigits(n) {
			return n + comma
		}
	}
	return f
}

// isCreditWords reports whether part can stand on a credits line beside
// a byline or a date: a few words, each capitalised or a short word that
// joins a name ("of", "the", "and").
func isCreditWords(part string) bool {
	fields := strings.Fields(part)
	if len(fields) > maxCreditPartWords {
		return false
	}
	for _, f := range fields {
		if !isCapitalized(f) && !isNameGlue(f, true) {
			return false
		}
	}
	return true
}

// isPublication reports whether credit words name a publication: they
// open with "The" or end in an organisation's head word ("Harbour
// Record", "The Fenmoor Post").
func isPublication(part string) bool {
	fields := strings.Fields(part)
	last := strings.TrimRight(fields[len(fields)-1], ".,")
	return len(fields) > 1 && fields[0] == "The" || words().orgWords.has(last)
}
