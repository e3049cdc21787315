package model

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tests of whether a word belongs to a name. Three steps ask it, each
// in its own way on purpose:
//
//   - isNameToken is the entity scanner's: a word of a name as text
//     writes it, titles and sentence-initial stop words included ("The",
//     "Mr"), since the scanner trims those off a run after collecting it,
//     and acronyms, inner capitals and "d'Amico" too.
//   - isNameWord is the quote scanner's and the headline reader's, which
//     take a name as it stands: a capitalised word that is not a stop word
//     ("US" is, "Us" is not); isPersonWord also takes "al-Amr".
//   - isPersonLike asks it of a whole name once found, to tell a person
//     from an organisation: no acronyms, no stop words.
//
// The words that join a name's words (isNameGlue), a possessive ending
// (cutPossessive) and a title (isHonorific) are read here for all of them.

// isNameToken reports whether w can be a word of a name: capitalised, an
// acronym, a word with inner capitals ("eBay", "YouGov"), or a particle
// before a capital ("d'Amico").
func isNameToken(w string) bool {
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		// "pro-Beijing", "Orwell-like" are adjectives, not names.
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
			return false
		}
		if words().hyphenSuffixes.has(w[i+1:]) {
			return false
		}
	}
	r, n := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return true
	}
	if unicode.IsDigit(r) {
		return false
	}
	rest := w[n:]
	// An apostrophe among the first bytes: the capital after it decides.
	// Byte by byte, as the word's other letters are read below: most words
	// are in lower case and plain ASCII, and this runs on every word.
	for i := 0; i <= 2 && i < len(rest); i++ {
		switch {
		case rest[i] == '\'':
			r2, _ := utf8.DecodeRuneInString(rest[i+len("'"):])
			return unicode.IsUpper(r2)
		case strings.HasPrefix(rest[i:], "’"):
			r2, _ := utf8.DecodeRuneInString(rest[i+len("’"):])
			return unicode.IsUpper(r2)
		}
	}
	return containsUpper(rest)
}

// containsUpper reports whether s holds an upper-case letter.
func containsUpper(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsUpper(r) {
			return true
		}
		i += size
	}
	return false
}

// isNameWord reports whether w, trimmed of punctuation, can be part of a
// name: capitalised and not a stop word.
func isNameWord(w string) bool {
	w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
	if w == "" || !isCapitalized(w) {
		return false
	}
	// "US" is a name even though "us" is a stop word.
	return (len(w) > 1 && isUpperWord(w)) || !words().stopWords.has(w)
}

// isPersonWord reports whether w can be part of a person's name: a name
// word, or one with a lower-case particle ("al-Amr", "el-Baradei").
func isPersonWord(w string) bool {
	if isNameWord(w) {
		return true
	}
	p, rest, ok := strings.Cut(w, "-")
	return ok && len(p) <= 3 && isCapitalized(rest) && !strings.ContainsRune(rest, '-')
}

// isPersonLike reports whether the words read as a person's name: each
// capitalised, made of letters, none a stop word, none with a digit or a
// file's extension ("Windows-1252", "README.md").
func isPersonLike(fields []string) bool {
	for _, f := range fields {
		if !isCapitalized(f) || isUpperWord(f) && len(f) > 1 && !strings.HasSuffix(f, ".") {
			return false
		}
		if strings.ContainsFunc(f, unicode.IsDigit) || hasExtension(f) {
			return false
		}
		if words().stopWords.has(f) {
			return false
		}
	}
	return true
}

// hasExtension reports whether w ends in a full stop and lower-case
// letters, as a file's name does ("README.md", "main.go").
func hasExtension(w string) bool {
	i := strings.LastIndexByte(w, '.')
	if i <= 0 || i == len(w)-1 {
		return false
	}
	return !strings.ContainsFunc(w[i+1:], func(r rune) bool { return !unicode.IsLower(r) })
}

// isHonorific reports whether w, with or without a full stop, is a title
// before a person's name ("Dr.", "Mayor", "CEO").
func isHonorific(w string) bool {
	return words().honorifics.has(strings.TrimSuffix(w, "."))
}

// isNameGlue reports whether w, a lower-case word between two capitalised
// ones, may join them into one name: a particle of a person's name ("Ludwig
// van Beethoven"), a connector of a title ("Secretary of State", "Arts and
// Humanities"), or, when org is set, a connector that only the names of
// organisations and places take ("Centre for Ageing", "Bank of the
// West"). A speaker's label names a person or a title, and reads with
// org unset.
func isNameGlue(w string, org bool) bool {
	return words().nameParticles.has(w) || isNameConnector(w, org)
}

// isNameConnector reports whether w is a connector that isNameGlue takes:
// not a particle, so not part of a person's name at its start.
func isNameConnector(w string, org bool) bool {
	lx := words()
	return lx.titleConnectors.has(w) || org && lx.orgConnectors.has(w)
}

// possessiveEnds are the endings of a possessive word.
var possessiveEnds = [...]string{"'s", "’s", "'S", "’S"}

// cutPossessive returns w without its possessive ending ("China’s",
// "CHINA'S") and whether it had one. Words as appendTokens reads them
// never end in a bare apostrophe, so a plural possessive ("the Joneses'")
// needs no other case.
func cutPossessive(w string) (string, bool) {
	if w == "" {
		return w, false
	}
	switch w[len(w)-1] {
	case 's', 'S', '\'', "’"[len("’")-1]:
	default:
		return w, false // most words: no ending of a possessive
	}
	for _, end := range possessiveEnds {
		if strings.HasSuffix(w, end) {
			return w[:len(w)-len(end)], true
		}
	}
	for _, mark := range []string{"'", "’"} {
		if stem, ok := strings.CutSuffix(w, mark); ok && (strings.HasSuffix(stem, "s") || strings.HasSuffix(stem, "S")) {
			return stem, true // a plural's: "the Rovers' lead"
		}
	}
	return w, false
}

// isPossessive reports whether w ends in a possessive "'s".
func isPossessive(w string) bool {
	_, ok := cutPossessive(w)
	return ok
}
