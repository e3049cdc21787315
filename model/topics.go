package model

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

const (
	// maxTopics is how many key phrases a document gets.
	maxTopics = 8
	// maxTopicWords is the longest key phrase.
	maxTopicWords = 3
	// listBoost multiplies the weight of a phrase given as an example in
	// a list ("such as the IoT, rural internet, industrial internet").
	listBoost = 3
)

// phraseStat counts one candidate key phrase.
type phraseStat struct {
	text   string
	weight int
	words  int
	listed bool // given as an example in a list
	first  int  // order of first sight
	// mentions are the phrase's occurrences, small as the entity
	// scanner's are: a long text has very many, and only the few phrases
	// that become topics take them as Mentions.
	mentions []mention
	// heads is how often the phrase's head, its last word spelt as the
	// phrase first had it, ends a noun phrase anywhere in the document,
	// this one or another, of one word or more.
	heads int
}

// phraseStats counts the document's candidate key phrases, noun phrases
// of two or three lower-case words (see nounPhrase), and ranks them by
// weight: each occurrence weighs its length squared, three times more
// when the text gives it as an example ("such as ..."). A plural and its
// singular ("smart locks", "smart lock") are one phrase, named as first
// seen. Code is not prose and has none. It is computed once.
func (x *textIndex) phraseStats(paras []Paragraph, voices []voice) []*phraseStat {
	return x.countPhrasesOnce(paras, voices, &x.work)
}

// keyPhrases are a document's key-phrase counts, which every branch of
// its index shares: the first to ask counts them, adding the steps to its
// work, and a branch that asks meanwhile waits for them.
type keyPhrases struct {
	once  sync.Once
	stats []*phraseStat
}

// countPhrasesOnce returns phraseStats, counting them, and adding the
// steps to work, if no branch of x has yet.
func (x *textIndex) countPhrasesOnce(paras []Paragraph, voices []voice, work *int) []*phraseStat {
	x.phrases.once.Do(func() { x.phrases.stats = countPhrases(paras, x, voices, work) })
	return x.phrases.stats
}

// countPhrases computes phraseStats, adding the steps it takes to work.
// A phrase is counted by the ids of its words in the index, its head's
// by the id of its singular (see phraseCounter.key), which tell phrases
// apart as their text would, without building the text of each.
func countPhrases(paras []Paragraph, x *textIndex, voices []voice, work *int) []*phraseStat {
	c := newPhraseCounter(x)
	stats := map[uint64]*phraseStat{}
	// heads counts how often each word, by id, ends a noun phrase; headOf
	// is the id of each phrase's head as first seen, by first sight.
	heads := make([]int32, len(x.vocab))
	var headOf []int32
	for i, p := range paras {
		if p.Heading || p.Code {
			continue
		}
		from, to := x.sentences(i)
		*work += 2 * int(x.sentTok[to]-x.sentTok[from])
		body := int32(voices[i].body)
		for n := from; n < to; n++ {
			toks := x.tokens(n)
			listed := c.listStart(toks)
			k := 0
			for k < len(toks) && toks[k].start < body {
				k++ // a speaker's label holds no phrase
			}
			for k < len(toks) {
				if c.words[toks[k].id()]&phraseTopic == 0 {
					k++ // no phrase starts at k, as nounPhrase would find
					continue
				}
				start, end, next := c.nounPhrase(toks, k, body)
				k = next
				if end == start {
					continue
				}
				heads[toks[end-1].id()]++
				if end-start < 2 {
					continue
				}
				key := c.key(toks[start:end])
				st := stats[key]
				if st == nil {
					// The phrase is its words, one space apart, however the
					// text spaces them.
					var b strings.Builder
					for j := start; j < end; j++ {
						if j > start {
							b.WriteByte(' ')
						}
						b.WriteString(p.Text[toks[j].start:toks[j].end])
					}
					st = &phraseStat{text: b.String(), first: len(stats), words: end - start}
					stats[key] = st
					headOf = append(headOf, int32(toks[end-1].id()))
				}
				w := st.words * st.words
				if listed >= 0 && start >= listed {
					w *= listBoost
					st.listed = true
				}
				st.weight += w
				st.mentions = append(st.mentions, newMention(i, int(toks[start].start), int(toks[end-1].end)))
			}
		}
	}
	ranked := make([]*phraseStat, 0, len(stats))
	for _, st := range stats {
		st.heads = int(heads[headOf[st.first]])
		ranked = append(ranked, st)
	}
	slices.SortFunc(ranked, func(a, b *phraseStat) int {
		return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(a.first, b.first))
	})
	return ranked
}

// phraseWord is what a word is to the key-phrase counter: the sets and
// words it asks of a sentence's words at every word (see nounPhrase,
// listStart), read once for every word of the index: a trait a bit.
type phraseWord uint16

// The traits of a word to the key-phrase counter.
const (
	// phraseTopic is isTopicWord's.
	phraseTopic phraseWord = 1 << iota
	// phraseIng is isIngForm's.
	phraseIng
	// phraseBe marks a form of "be" (lexicon.beForms).
	phraseBe
	// phraseModal marks a modal verb (lexicon.modals).
	phraseModal
	// phraseGeneric marks a generic modifier (lexicon.genericModifiers).
	phraseGeneric
	// phraseSingular marks a determiner of a singular noun
	// (lexicon.singularDeterminers).
	phraseSingular
	// phrasePredicate marks a predicate adjective
	// (lexicon.predicateAdjectives).
	phrasePredicate
	// phraseClause marks a finite verb, a clause conjunction or a
	// relative, before which an -ing form is a noun (see isVerbIng).
	phraseClause
	// phrasePlural marks a word that reads as a plural: singular
	// shortens it, and it does not end in "us" or "is".
	phrasePlural
	// phraseSuch, phraseAs, phraseIncluding, phraseTo and phraseUp mark
	// the words "such", "as", "including", "to" and "up", ignoring case.
	phraseSuch
	phraseAs
	phraseIncluding
	phraseTo
	phraseUp
	// phraseRelative marks a relative pronoun (lexicon.relatives).
	phraseRelative
)

// phraseWordOf returns what word id of x is to the key-phrase counter.
func phraseWordOf(x *textIndex, id int) phraseWord {
	lx, w, class := words(), x.vocab[id], x.classes[id]
	var t phraseWord
	for _, c := range []struct {
		trait phraseWord
		is    bool
	}{
		{phraseTopic, x.traits[id]&traitTopicWord != 0},
		{phraseIng, isIngForm(w)},
		{phraseBe, class&lx.beForms.class != 0},
		{phraseModal, class&lx.modals.class != 0},
		{phraseGeneric, class&lx.genericModifiers.class != 0},
		{phraseSingular, class&lx.singularDeterminers.class != 0},
		{phrasePredicate, class&lx.predicateAdjectives.class != 0},
		{phraseClause, class&(lx.finiteVerbs.class|lx.clauseConjunctions.class|lx.relatives.class) != 0},
		{phrasePlural, singular(w) != w && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")},
		{phraseSuch, strings.EqualFold(w, "such")},
		{phraseAs, strings.EqualFold(w, "as")},
		{phraseIncluding, strings.EqualFold(w, "including")},
		{phraseTo, strings.EqualFold(w, "to")},
		{phraseUp, strings.EqualFold(w, "up")},
		{phraseRelative, class&lx.relatives.class != 0},
	} {
		if c.is {
			t |= c.trait
		}
	}
	return t
}

// phraseCounter reads what countPhrases asks of each word of an index's
// vocabulary once.
type phraseCounter struct {
	vocab []string
	// words are the words' phraseWords, by id.
	words []phraseWord
	// singular is the id of each word's singular (see singular) among
	// the singulars met, by the word's id, or -1 before the word ends a
	// phrase; singulars gives the singulars their ids.
	singular  []int32
	singulars map[string]int32
	// pairs gives the first two words of each phrase of three, by their
	// ids, an id of the pair.
	pairs map[uint64]int32
}

// newPhraseCounter returns the phraseCounter of x's vocabulary.
func newPhraseCounter(x *textIndex) *phraseCounter {
	c := &phraseCounter{vocab: x.vocab, words: make([]phraseWord, len(x.vocab)), singular: make([]int32, len(x.vocab)), singulars: map[string]int32{}, pairs: map[uint64]int32{}}
	for id := range x.vocab {
		c.singular[id] = -1
		c.words[id] = phraseWordOf(x, id)
	}
	return c
}

// key returns the key of the phrase of words toks, two or three, by which
// countPhrases tells phrases apart: the ids of the words before the head
// as written, and the id of the head's singular, so that "smart locks"
// and "smart lock" are one, as phraseKey makes them. It is one number, a
// map's quickest key: the first word's id, or the id of the first two
// words' pair (see pairs) with the top bit set, above the singular's.
func (c *phraseCounter) key(toks []token) uint64 {
	last := len(toks) - 1
	id := toks[last].id()
	if c.singular[id] < 0 {
		s := singular(c.vocab[id])
		sid, ok := c.singulars[s]
		if !ok {
			sid = int32(len(c.singulars))
			c.singulars[s] = sid
		}
		c.singular[id] = sid
	}
	first := uint64(toks[0].id())
	if last == 2 {
		pair := first<<32 | uint64(toks[1].id())
		p, ok := c.pairs[pair]
		if !ok {
			p = int32(len(c.pairs))
			c.pairs[pair] = p
		}
		first = uint64(p) | 1<<31
	}
	return first<<32 | uint64(c.singular[id])
}

// is reports whether word k of toks has trait t.
func (c *phraseCounter) is(toks []token, k int, t phraseWord) bool {
	return c.words[toks[k].id()]&t != 0
}

// nounPhrase reads the run of topic words that starts at word k of a
// sentence's words toks, in the body of its paragraph, which starts at
// body, and returns the noun phrase in it, words [start, end), and where
// the next run may start. A noun phrase is modifiers, then a head noun,
// so the run is cut:
//   - where punctuation stands between two words;
//   - before a word ending in -ing that follows a word of the run and
//     goes on to an object or a preposition, a verb that is no part of
//     any phrase ("parish records going back", "a boat coming in");
//   - after its first word when that is a verb (see opensWithVerb);
//   - after the generic modifiers that open it ("new", "major");
//   - before a plural after the first noun of a phrase that "a" or
//     "every" opens, a verb ("a masonry arch works");
//   - after the last noun, before the adjectives that end a clause ("made
//     the building safe");
//   - before its last word when "up" follows that, a verb ("pilots end up
//     at sea"), unless "up to" measures the noun ("a rate up to 60");
//   - to its last maxTopicWords words.
func (c *phraseCounter) nounPhrase(toks []token, k int, body int32) (start, end, next int) {
	end = k
	for end < len(toks) && (end == k || !toks[end].isBroken()) && toks[end].start >= body {
		if !c.is(toks, end, phraseTopic) {
			next = end + 1 // a word no phrase holds opens none either
			break
		}
		if end > k && c.isVerbIng(toks, end) {
			next = end + 1
			break
		}
		end++
	}
	if end == k {
		return k, k, k + 1
	}
	next = max(next, end)
	start = k
	if c.opensWithVerb(toks, k) {
		start++
	}
	for start < end && c.is(toks, start, phraseGeneric) {
		start++
	}
	if end-start > 1 && k > 0 && !toks[k].isBroken() && c.is(toks, k-1, phraseSingular) {
		// After "a" or "every" the head is singular, so a word that
		// reads as a plural after the first noun is the verb of a
		// clause: "a loose stone sounds hollow", "every bridge moves".
		for j := start + 1; j < end; j++ {
			if c.is(toks, j, phrasePlural) {
				end = j
				break
			}
		}
	}
	for end > start && c.is(toks, end-1, phrasePredicate) {
		end--
	}
	if end-start > 1 && end < len(toks) && !toks[end].isBroken() && c.is(toks, end, phraseUp) && !(end+1 < len(toks) && c.is(toks, end+1, phraseTo)) {
		end--
	}
	return max(start, end-maxTopicWords), end, next
}

// opensWithVerb reports whether word k of toks, which opens a run of
// topic words, is a verb by the word before it: a modal ("could face
// similar cuts"), "to" ("to drive night buses"), a form of "be" before an
// -ing form ("are losing shops"), or a relative before what reads as a
// plural ("which designs autonomous machines").
func (c *phraseCounter) opensWithVerb(toks []token, k int) bool {
	if k == 0 || toks[k].isBroken() {
		return false
	}
	if c.is(toks, k, phraseIng) && c.is(toks, k-1, phraseBe) {
		return true
	}
	if c.is(toks, k, phrasePlural) && c.is(toks, k-1, phraseRelative) {
		return true
	}
	return c.is(toks, k-1, phraseTo|phraseModal)
}

// isIngForm reports whether w is the -ing form of a verb by its spelling:
// a stem with a vowel before the -ing ("going", "keeping", not "thing" or
// "spring").
func isIngForm(w string) bool {
	return len(w) >= 5 && strings.HasSuffix(w, "ing") && strings.ContainsAny(w[:len(w)-3], "aeiouy")
}

// isVerbIng reports whether word k of toks, which follows a topic word,
// is the -ing form of a verb rather than a noun: it goes straight on to
// a word that is no verb or conjunction, as a verb goes on to its object
// or a preposition ("records going back", "strain going round", "years
// keeping the bridges"). A noun ends its phrase at punctuation, or before
// a verb or a conjunction ("the town planning was", "the board meeting
// and").
func (c *phraseCounter) isVerbIng(toks []token, k int) bool {
	if !c.is(toks, k, phraseIng) || k+1 >= len(toks) || toks[k+1].isBroken() {
		return false
	}
	return !c.is(toks, k+1, phraseClause)
}

// singular returns a plural noun's singular as a prefix of it, dropping
// a final s: "locks", "lock". Words ending in ss keep it ("glass"), and
// so do the short ones ("gas", "bus").
func singular[S ~string | ~[]byte](w S) S {
	if len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' {
		return w[:len(w)-1]
	}
	return w
}

// topics returns the document's key phrases as topic entities, best
// first: phrases that recur, that the text gives as examples, or of three
// words whose head noun the text uses again ("mobile phone industry" in a
// text about the manufacturing industry). A phrase that names a named
// entity is left out, and so is one that ends a phrase kept before it or
// that such a phrase ends ("car park", "long-stay car park"). With the subject terms already among named ("IoT",
// "M&A") they make at most maxTopics topics.
func (x *textIndex) topics(paras []Paragraph, voices []voice, named []Entity) []Entity {
	limit := maxTopics
	// The names a key phrase could repeat: those of two words or more.
	names := map[string]bool{}
	addName := func(name string) {
		if strings.Contains(name, " ") {
			names[strings.ToLower(name)] = true
		}
	}
	for _, e := range named {
		if e.Kind == KindTopic {
			limit--
		}
		addName(e.Name)
		for _, a := range e.Aliases {
			addName(a)
		}
	}
	var out []Entity
	for _, st := range x.phraseStats(paras, voices) {
		if len(out) >= limit {
			break
		}
		if len(st.mentions) < 2 && !st.listed && (st.words < maxTopicWords || st.heads < 2) {
			continue // said once, and neither an example nor about a recurring noun
		}
		if names[strings.ToLower(st.text)] || slices.ContainsFunc(out, func(e Entity) bool { return endsPhrase(e.Name, st.text) }) {
			continue
		}
		ms := make([]Mention, len(st.mentions))
		for k, m := range st.mentions {
			ms[k] = m.toMention()
		}
		out = append(out, Entity{Name: st.text, Kind: KindTopic, Mentions: ms})
	}
	return out
}

// endsPhrase reports whether one of the phrases a and b ends the other,
// at a word's start and with the head in either number: "car park" and
// "long-stay car parks".
func endsPhrase(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	ka, kb := phraseKey(a), phraseKey(b)
	return ka == kb || strings.HasSuffix(kb, ka) && kb[len(kb)-len(ka)-1] == ' '
}

// head returns the last word of a phrase, its head.
func head[S ~string | ~[]byte](phrase S) S {
	for i := len(phrase) - 1; i >= 0; i-- {
		if phrase[i] == ' ' {
			return phrase[i+1:]
		}
	}
	return phrase
}

// phraseKey returns a phrase with its head made singular (see singular),
// so that "smart locks" and "smart lock" are one key.
func phraseKey[S ~string | ~[]byte](phrase S) S {
	h := head(phrase)
	return phrase[:len(phrase)-len(h)+len(singular(h))]
}

// listStart returns the index of the first word of toks, a sentence's
// words, after "such as" or "including", where examples are listed, or
// -1.
func (c *phraseCounter) listStart(toks []token) int {
	for k, t := range toks {
		switch w := c.words[t.id()]; {
		case w&phraseSuch != 0:
			if k+1 < len(toks) && c.is(toks, k+1, phraseAs) {
				return k + 2
			}
		case w&phraseIncluding != 0:
			return k + 1
		}
	}
	return -1
}

// isTopicWord reports whether w can be part of a key phrase: a lower-case
// word that is not a stop word, a verb of the lexicon, a number word
// ("twelve", "thirty-eight"), a unit, an adverb, a preposition or a past
// form, nor a file name or a figure ("trips.csv", "b2b").
func isTopicWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) || len(w) < 3 {
		return false
	}
	if strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ed") {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == '\'' || c == '.' || '0' <= c && c <= '9' || c == "’"[0] && strings.HasPrefix(w[i:], "’") {
			return false
		}
	}
	return !words().nonTopic.has(w) && !isNumberWord(w)
}

// isNumberWord reports whether w is a number written with hyphens, each
// part a number word: "twenty-six", "forty-two".
func isNumberWord(w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	for part := range strings.SplitSeq(w, "-") {
		if !words().numberWords.has(part) {
			return false
		}
	}
	return true
}
