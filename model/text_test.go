package model

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestIsHeadingLine checks the one test of a heading or headline, at the
// two lengths its callers allow.
func TestIsHeadingLine(t *testing.T) {
	eleven := "One two three four five six seven eight nine ten eleven"
	for _, c := range []struct {
		text     string
		maxWords int
		want     bool
	}{
		{"Harbour news", maxHeadingWords, true},
		{"“Coastal Light”", maxHeadingWords, true},
		{"Why did the ferry stop?", maxHeadingWords, false},
		{"The river keeps rising.", maxHeadingWords, false},
		{"What she said next:", maxHeadingWords, false},
		{eleven, maxHeadingWords, false},
		{eleven, maxHeadlineWords, true},
		{"An Interview with the Harbour Poet", maxHeadlineWords, true},
		{"", maxHeadlineWords, false},
	} {
		if got := isHeadingLine(c.text, c.maxWords); got != c.want {
			t.Errorf("isHeadingLine(%q, %d) = %v, want %v", c.text, c.maxWords, got, c.want)
		}
	}
}

// TestLastSpace checks lastSpace against strings.LastIndexFunc with
// IsSpace, on ASCII and other spaces and on broken UTF-8.
func TestLastSpace(t *testing.T) {
	for _, s := range []string{"", "Dr", "the Dr", "a\tb", "x\u00a0Dr", "x\u2007y z\u202f", "\xff \xc2", "é\u3000ü", "  ", "\u0085a"} {
		if got, want := lastSpace(s), strings.LastIndexFunc(s, IsSpace); got != want {
			t.Errorf("lastSpace(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestCollapseSpaces checks that a name already written with single
// spaces comes back as it is, and that every other run of white space,
// tabs, line breaks and no-break spaces included, becomes one space.
func TestCollapseSpaces(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Ann Lee", "Ann Lee"},
		{"Ann", "Ann"},
		{" Ann Lee", "Ann Lee"},
		{"Ann Lee ", "Ann Lee"},
		{"Ann  Lee", "Ann Lee"},
		{"Ann\tLee", "Ann Lee"},
		{"Ann\nLee", "Ann Lee"},
		{"Ann\u00a0Lee", "Ann Lee"},
		{"Zoë Lee", "Zoë Lee"},
		{"Zoë \u202f Lee\n", "Zoë Lee"},
		{"   ", ""},
	} {
		if got := collapseSpaces(c.in); got != c.want {
			t.Errorf("collapseSpaces(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestAbbreviationAfterAnySpace checks that a title's full stop ends no
// sentence whatever space stands before the title: a no-break space is
// two bytes, and the word after it begins after both.
func TestAbbreviationAfterAnySpace(t *testing.T) {
	for _, space := range []string{" ", "\u00a0", "\u2009", "\u3000"} {
		text := "We met" + space + "Dr. Orla Vance at the harbour. She waved."
		if got := appendSentences(nil, text); len(got) != 2 {
			t.Errorf("%q: %d sentences, want 2", text, len(got))
		}
	}
}

// TestAbbreviationsBeforeNumbers checks that the full stop of a short
// form written before a number ("Jan. 5", "No. 10") ends no sentence when
// a digit follows, and ends one like any other stop otherwise, in any
// case; that other abbreviations hold before any word; and that the
// words of the sentences keep the stop only where it ends no sentence.
func TestAbbreviationsBeforeNumbers(t *testing.T) {
	for _, tt := range []struct {
		text      string
		sentences []string
	}{
		{"The vote is on Jan. 5 at noon.", []string{"The vote is on Jan. 5 at noon."}},
		{"She lives at No. 10 now. He left.", []string{"She lives at No. 10 now.", "He left."}},
		{"See FIG. 3 and Vol. 2 of the report.", []string{"See FIG. 3 and Vol. 2 of the report."}},
		{"It opened in Sept. 2024 to crowds.", []string{"It opened in Sept. 2024 to crowds."}},
		{"The council said no. The mayor left.", []string{"The council said no.", "The mayor left."}},
		{"It will ship in Oct. The firm agreed.", []string{"It will ship in Oct.", "The firm agreed."}},
		{"Shares rose for Feng Jun. His firm grew.", []string{"Shares rose for Feng Jun.", "His firm grew."}},
		{"It costs approx. 40 euros.", []string{"It costs approx. 40 euros."}},
		{"Dr. Vance met Sen. Ortiz.", []string{"Dr. Vance met Sen. Ortiz."}},
		{"The hall cost approx. $40 million, est. £2m of it in 2023.", []string{"The hall cost approx. $40 million, est. £2m of it in 2023."}},
		{"Lows of approx. -5 are due. See Vol. II and Fig. S3 for more.", []string{"Lows of approx. -5 are due.", "See Vol. II and Fig. S3 for more."}},
		{"It opened in Oct. '24 to crowds. It cost approx. (in all) 40 euros.", []string{"It opened in Oct. '24 to crowds.", "It cost approx. (in all) 40 euros."}},
		{"The ferry sails in Dec. I will be on it.", []string{"The ferry sails in Dec.", "I will be on it."}},
	} {
		var got []string
		for _, sp := range appendSentences(nil, tt.text) {
			got = append(got, tt.text[sp.Start:sp.End])
		}
		if !slices.Equal(got, tt.sentences) {
			t.Errorf("%q: sentences %q, want %q", tt.text, got, tt.sentences)
		}
	}
	for _, tt := range []struct{ text, word string }{
		{"on Jan. 5", "Jan."}, {"at No. 10", "No."}, {"Shares rose for Feng Jun.", "Jun"}, {"It will ship in Oct.", "Oct"},
	} {
		var words []string
		for _, tok := range appendTokens(nil, tt.text, 0, len(tt.text)) {
			words = append(words, tt.text[tok.start:tok.end])
		}
		if !slices.Contains(words, tt.word) {
			t.Errorf("%q: words %q, want %q among them", tt.text, words, tt.word)
		}
	}
}

// TestASCIILanes checks the eight-byte tests of the ASCII fast paths
// against the byte tables they stand for: every ASCII byte in every lane,
// among neighbours of every kind.
func TestASCIILanes(t *testing.T) {
	for _, fill := range []byte{'a', ' ', '\t', '\n', 0x00, 0x7F, '~', 'Z', '0', '9', '@', '[', '`', '{', '/', ':'} {
		for lane := 0; lane < 8; lane++ {
			for c := 0; c < utf8.RuneSelf; c++ {
				b := []byte(strings.Repeat(string(fill), 8))
				b[lane] = byte(c)
				w := load8(string(b), 0)
				var text uint64
				printable := true
				for k, x := range b {
					if !asciiSpace[x] {
						text |= 0x80 << (8 * k)
					}
					printable = printable && x >= ' ' && x <= '~'
				}
				if got := asciiNonSpace(w); got != text {
					t.Fatalf("asciiNonSpace(%q) = %#x, want %#x", b, got, text)
				}
				for _, d := range []byte{'.', 'a', ' ', 0x7F} {
					var not uint64
					for k, x := range b {
						if x != d {
							not |= 0x80 << (8 * k)
						}
					}
					if got := asciiLanesNot(w, d); got != not {
						t.Fatalf("asciiLanesNot(%q, %q) = %#x, want %#x", b, d, got, not)
					}
				}
				run := 0
				for run < len(b) && asciiWord[b[run]] {
					run++
				}
				if got := asciiWordRun(w); got != run {
					t.Fatalf("asciiWordRun(%q) = %d, want %d", b, got, run)
				}
				if got := isPrintableASCII8(w); got != printable {
					t.Fatalf("isPrintableASCII8(%q) = %v, want %v", b, got, printable)
				}
				if got := asciiLanes(w); got != 8 {
					t.Fatalf("asciiLanes(%q) = %d, want 8", b, got)
				}
				for lanes := range 8 {
					mixed := append(b[:lanes:lanes], "\xff\xe2\x80\x9c\xc2\xa0\x80\xe3"[:8-lanes]...)
					if got := asciiLanes(load8(string(mixed), 0)); got != lanes {
						t.Fatalf("asciiLanes(%q) = %d, want %d", mixed, got, lanes)
					}
				}
				for _, in := range []bool{false, true} {
					n, on := asciiWordStarts(w, in)
					want, prev := 0, in
					for _, x := range b {
						if !asciiSpace[x] && !prev {
							want++
						}
						prev = !asciiSpace[x]
					}
					if n != want || on != prev {
						t.Fatalf("asciiWordStarts(%q, %v) = %d, %v, want %d, %v", b, in, n, on, want, prev)
					}
				}
			}
		}
	}
}

// TestCountWordsEightAtATime holds countWordsUpTo, which reads ASCII
// eight bytes at a time, to a count rune by rune, at every limit, on
// texts whose words and spaces fall across the eight-byte boundaries.
func TestCountWordsEightAtATime(t *testing.T) {
	for _, text := range []string{
		"", " ", "one", "one two three four five six seven eight nine ten",
		"  lead\tand\ntrail  ", "abcdefgh ijklmnop qrstuvwx", "p o n m l k j i h g f e d c b a",
		"café au lait, s’il vous plaît — deux\u00a0fois", "x\u2003y z\u00a0\u00a0w v u t s r q p o n m",
		strings.Repeat("word ", 7) + "wörd " + strings.Repeat("w ", 9),
	} {
		want, in := 0, false
		for _, r := range text {
			if IsSpace(r) {
				in = false
			} else if !in {
				in, want = true, want+1
			}
		}
		for limit := 1; limit <= want+2; limit++ {
			if got := countWordsUpTo(text, limit); got != min(want, limit) {
				t.Errorf("countWordsUpTo(%q, %d) = %d, want %d", text, limit, got, min(want, limit))
			}
		}
		if got := countWords(text); got != want {
			t.Errorf("countWords(%q) = %d, want %d", text, got, want)
		}
	}
}

// TestAbbreviationWordAsTheSet holds isAbbreviationWord, which looks a
// short word up by its bytes, to the set of abbreviations: every entry,
// in lower, upper and title case, with a letter more or less, and words
// that are none, are abbreviations to both or to neither.
func TestAbbreviationWordAsTheSet(t *testing.T) {
	ws := []string{"", "a", "Z", "Dr.", "U.S", "e.g", "approxi", "Messrsx", "co-op", "Ménage", "STREET", "Berlin", "market"}
	for w := range words().abbreviations.m {
		ws = append(ws, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", w[:len(w)-1], w+"’")
	}
	n := 0
	for _, w := range ws {
		want := words().abbreviations.has(w)
		if got := isAbbreviationWord(w); got != want {
			t.Errorf("isAbbreviationWord(%q) = %v, the set says %v", w, got, want)
		}
		if want {
			n++
		}
	}
	if n < 3*len(words().abbreviations.m) {
		t.Fatalf("only %d of the words are abbreviations", n)
	}
}

// TestNextStopEightAtATime holds nextStop, which reads ASCII eight bytes
// at a time, to a reading byte by byte, from every offset of texts whose
// stops and runes fall in every lane.
func TestNextStopEightAtATime(t *testing.T) {
	for _, text := range []string{
		"", "no stop here at all, none", "Dr. Lind left. Why? Go!", "j.i.h.g.f.e.d.c.b.a",
		"café… and “quotes” then 你去了吗？ ok.", "abcdefg.abcdefg!abcdefg?abcdefg\x7fé",
		strings.Repeat("word ", 5) + "é" + strings.Repeat("x", 9) + "?",
	} {
		for i := 0; i <= len(text); i++ {
			want := i
			for want < len(text) && text[want] < utf8.RuneSelf && !strings.ContainsRune(".!?", rune(text[want])) {
				want++
			}
			if got := nextStop(text, i); got != want {
				t.Errorf("nextStop(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	}
}

// TestAbbreviationFastPath holds isAbbreviation, which reads a word of
// ASCII letters after an ASCII space byte by byte, to endsInAbbreviation,
// which reads any text: every abbreviation and other words, in any case,
// after every kind of space, mark and text, are abbreviations to both or
// to neither.
func TestAbbreviationFastPath(t *testing.T) {
	ws := []string{"", "A", "a", "É", "é", "Berlin", "market", "U.S", "e.g", "ab", "Xy", "Z9", "co-op"}
	for w := range words().abbreviations.m {
		ws = append(ws, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:])
	}
	n := 0
	for _, w := range ws {
		for _, before := range []string{"", " ", "  ", "\t", "\n", "\u00a0", "\u3000", "(", "“", "\"", "'", "x", "é", "-", "the ", "met “", "U.S."} {
			for _, after := range []string{"", "5 May", "The"} {
				text := before + w
				want := endsInAbbreviation(text, after)
				if got := isAbbreviation(text, after); got != want {
					t.Errorf("isAbbreviation(%q, %q) = %v, endsInAbbreviation %v", text, after, got, want)
				}
				if want {
					n++
				}
			}
		}
	}
	if n < 60*len(words().abbreviations.m) {
		t.Fatalf("only %d of the texts end in an abbreviation", n)
	}
}

// TestTrimOpenLeftFastPath checks that trimOpenLeft, which returns a text
// that starts with an ASCII letter as it is, trims every other text of
// its leading spaces and opening marks.
func TestTrimOpenLeftFastPath(t *testing.T) {
	for c := range 0x80 {
		for _, rest := range []string{"", "bc", " “x", "\u00a0y"} {
			s := string(rune(c)) + rest
			want := strings.TrimLeftFunc(s, func(r rune) bool { return IsSpace(r) || strings.ContainsRune(openers, r) })
			if got := trimOpenLeft(s); got != want {
				t.Errorf("trimOpenLeft(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// TestNumberAbbreviationsAreAbbreviations checks that every short form
// written before a number is an abbreviation too, as stopsAfterAbbreviation
// is asked only of those.
func TestNumberAbbreviationsAreAbbreviations(t *testing.T) {
	for w := range words().numberAbbreviations.m {
		if !isAbbreviationWord(w) {
			t.Errorf("%q is in number-abbreviations.txt, not in abbreviations.txt", w)
		}
	}
}
