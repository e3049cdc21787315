package library

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The library's snippets are made here, not by FTS5's snippet(), which
// scores every window of a document's text against every match of the
// query: its work grows with the square of the matches, so a common word
// in a long document took seconds (1 MB) to minutes (10 MB). Here the
// text is read once, to the first match.
//
// A match is looked for as the search indexes compare text: case and
// diacritics ignored ("Café" is "cafe"); by the words index, as whole
// words, each word of the query a phrase (see phrases); by the trigram
// index and LIKE, as characters anywhere.

// snippetBefore is how many words of context a snippet shows before the
// match; the rest of its snippetWords come after.
const snippetBefore = 4

// span is a run of bytes of a text: a word, a match.
type span struct{ start, end int }

// snippetOf makes the snippet of text for query, found as the words index
// finds it (words) or as characters anywhere: about snippetWords words
// around the first match, each match among them between ** and **, and
// where that first match stands in text. ok is false when the text holds
// no match (the query matched the title): the snippet is then the text's
// first words, unmarked.
func snippetOf(text, query string, words bool) (snippet string, at span, ok bool) {
	var phrases [][]string
	if words {
		phrases = queryPhrases(query)
		at, ok = firstPhrase(text, phrases)
	} else {
		at, ok = firstChars(text, query)
	}
	if !ok {
		w, cut := window(text, span{0, len(text)}, 0)
		return render(text, w, cut, nil), span{}, false
	}
	// A match runs across a blank line as the indexes read words across
	// it ("ferry" ending one paragraph, "started" opening the next): it
	// stands in the paragraph it starts in.
	if k := strings.Index(text[at.start:at.end], "\n\n"); k >= 0 {
		at.end = at.start + len(strings.TrimRightFunc(text[at.start:at.start+k], unicode.IsSpace))
	}
	w, cut := window(text, paragraphAround(text, at), at.start)
	var marks []span
	if words {
		marks = phraseSpans(text[w.start:w.end], phrases)
	} else {
		marks = charSpans(text[w.start:w.end], query)
	}
	for i := range marks {
		marks[i].start += w.start
		marks[i].end += w.start
	}
	if !slices.ContainsFunc(marks, func(m span) bool { return m.start == at.start }) {
		i, _ := slices.BinarySearchFunc(marks, at.start, func(m span, start int) int { return m.start - start })
		marks = slices.Insert(marks, i, at)
	}
	return render(text, w, cut, marks), at, true
}

// window is the span of about snippetWords words of para, a span of text,
// from snippetBefore words before byte from; cut says whether para goes
// on before it and after it.
func window(text string, para span, from int) (w span, cut [2]bool) {
	before := make([]span, 0, snippetBefore+1)
	n := 0
	w = span{-1, -1}
	for word := range words(text[para.start:para.end], para.start) {
		if w.start < 0 {
			if word.end <= from {
				if len(before) == snippetBefore {
					copy(before, before[1:])
					before = before[:snippetBefore-1]
					cut[0] = true
				}
				before = append(before, word)
				continue
			}
			n = len(before)
			w.start = word.start
			if len(before) > 0 {
				w.start = before[0].start
			}
		}
		if n == snippetWords {
			cut[1] = true
			break
		}
		w.end = word.end
		n++
	}
	if w.start < 0 {
		return span{para.end, para.end}, cut
	}
	if !cut[0] {
		w.start = para.start
	}
	if !cut[1] {
		w.end = para.end
	}
	return w, cut
}

// render is the snippet of text's span w: each of marks that lies wholly
// inside it between ** and **, "…" where cut says the text goes on, and
// runs of space as one space.
func render(text string, w span, cut [2]bool, marks []span) string {
	var b strings.Builder
	if cut[0] {
		b.WriteString("…")
	}
	at := w.start
	for _, m := range marks {
		if m.start < at || m.end > w.end {
			continue
		}
		b.WriteString(text[at:m.start])
		b.WriteString("**")
		b.WriteString(text[m.start:m.end])
		b.WriteString("**")
		at = m.end
	}
	b.WriteString(text[at:w.end])
	if cut[1] {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// paragraphAround is the paragraph of text holding at: text is the
// paragraphs the library kept, joined by blank lines ("\n\n").
func paragraphAround(text string, at span) span {
	start := strings.LastIndex(text[:at.start], "\n\n")
	if start < 0 {
		start = 0
	} else {
		start += 2
	}
	end := strings.Index(text[at.end:], "\n\n")
	if end < 0 {
		return span{start, len(text)}
	}
	return span{start, at.end + end}
}

// paragraphOf is the paragraph at byte i of text, the paragraphs the
// library kept joined by blank lines, as strings.Split(text, "\n\n")
// numbers them, and i's offset in it.
func paragraphOf(text string, i int) (paragraph, offset int) {
	start := 0
	for {
		k := strings.Index(text[start:], "\n\n")
		if k < 0 || start+k >= i {
			return paragraph, i - start
		}
		start += k + 2
		paragraph++
	}
}

// queryPhrases are the words of query as the words index reads them:
// each field of the query a phrase, its words folded (see fold); fields
// with no word left out.
func queryPhrases(query string) [][]string {
	var phrases [][]string
	for field := range strings.FieldsSeq(query) {
		var phrase []string
		for _, w := range wordSpans(field, 0) {
			phrase = append(phrase, foldString(field[w.start:w.end]))
		}
		if len(phrase) > 0 {
			phrases = append(phrases, phrase)
		}
	}
	return phrases
}

// firstPhrase is the first place in text where one of phrases stands,
// word for word, reading text's words once.
func firstPhrase(text string, phrases [][]string) (span, bool) {
	longest := 0
	for _, p := range phrases {
		longest = max(longest, len(p))
	}
	if longest == 0 {
		return span{}, false
	}
	// recent holds the last longest words read, the newest last.
	recent := make([]span, 0, longest)
	for w := range words(text, 0) {
		if len(recent) == longest {
			copy(recent, recent[1:])
			recent = recent[:longest-1]
		}
		recent = append(recent, w)
		for _, p := range phrases {
			if len(p) <= len(recent) && phraseEnds(text, recent[len(recent)-len(p):], p) {
				return span{recent[len(recent)-len(p)].start, w.end}, true
			}
		}
	}
	return span{}, false
}

// phraseSpans are the places in text where one of phrases stands.
func phraseSpans(text string, phrases [][]string) []span {
	words := wordSpans(text, 0)
	var found []span
	for i := 0; i < len(words); i++ {
		for _, p := range phrases {
			if i+len(p) <= len(words) && phraseEnds(text, words[i:i+len(p)], p) {
				found = append(found, span{words[i].start, words[i+len(p)-1].end})
				i += len(p) - 1
				break
			}
		}
	}
	return found
}

// phraseEnds reports whether the words of text at spans are phrase's.
func phraseEnds(text string, spans []span, phrase []string) bool {
	for i, w := range spans {
		if !foldedEqual(text[w.start:w.end], phrase[i]) {
			return false
		}
	}
	return true
}

// wordSpans are the words of text (see words), offset by base.
func wordSpans(text string, base int) []span {
	var spans []span
	for w := range words(text, base) {
		spans = append(spans, w)
	}
	return spans
}

// words yields the words of text as the words index splits it (FTS5's
// unicode61): runs of letters, digits and marks; offset by base.
func words(text string, base int) func(yield func(span) bool) {
	return func(yield func(span) bool) {
		start := -1
		for i, r := range text {
			switch {
			case isWordRune(r):
				if start < 0 {
					start = i
				}
			case start >= 0:
				if !yield(span{base + start, base + i}) {
					return
				}
				start = -1
			}
		}
		if start >= 0 {
			yield(span{base + start, base + len(text)})
		}
	}
}

// isWordRune reports whether r belongs to a word: a letter, a digit, a
// mark or a private-use character.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.In(r, unicode.L, unicode.N, unicode.M, unicode.Co)
}

// firstChars is the first place in text where query's characters stand,
// folded (see fold), runs of space in query matching one space.
func firstChars(text, query string) (span, bool) {
	want := foldRunes(query)
	if len(want) == 0 {
		return span{}, false
	}
	for i := 0; i < len(text); {
		if end, ok := charsAt(text, i, want); ok {
			return span{i, end}, true
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return span{}, false
}

// charSpans are the places in text where query's characters stand.
func charSpans(text, query string) []span {
	want := foldRunes(query)
	var found []span
	for i := 0; len(want) > 0 && i < len(text); {
		if end, ok := charsAt(text, i, want); ok {
			found = append(found, span{i, end})
			i = end
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return found
}

// charsAt reports whether want, folded characters, stand in text from
// byte i, and where they end. Marks in text, which folding drops, are
// passed over.
func charsAt(text string, i int, want []rune) (end int, ok bool) {
	k := 0
	for k < len(want) && i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		f, kept := fold(r)
		switch {
		case !kept:
			if k == 0 {
				return 0, false
			}
		case f == want[k]:
			k++
		default:
			return 0, false
		}
	}
	return i, k == len(want)
}

// foldedEqual reports whether word, folded, is want.
func foldedEqual(word, want string) bool {
	for _, r := range word {
		f, kept := fold(r)
		if !kept {
			continue
		}
		w, size := utf8.DecodeRuneInString(want)
		if size == 0 || w != f {
			return false
		}
		want = want[size:]
	}
	return want == ""
}

// foldString is s folded (see fold).
func foldString(s string) string {
	return string(foldRunes(s))
}

// foldRunes are the characters of s folded (see fold).
func foldRunes(s string) []rune {
	var out []rune
	for _, r := range s {
		if f, kept := fold(r); kept {
			out = append(out, f)
		}
	}
	return out
}

// fold is r as the search indexes compare it: in lower case, without its
// diacritics ("É" is "e"). kept is false for a mark on its own, which
// they drop.
func fold(r rune) (f rune, kept bool) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r, true
	}
	if unicode.Is(unicode.Mn, r) {
		return 0, false
	}
	if unicode.Is(unicode.L, r) {
		var buf [utf8.UTFMax * 4]byte
		d := norm.NFD.AppendString(buf[:0], string(r))
		r, _ = utf8.DecodeRune(d)
	}
	return unicode.ToLower(r), true
}
