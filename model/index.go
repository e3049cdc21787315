package model

import (
	"math/bits"
	"runtime"
)

// textIndex holds every paragraph's sentences and words, split once per
// Extract and shared by the extractors, and counts the work they do.
type textIndex struct {
	// spans are all sentences in reading order.
	spans []Span
	// paraSent[i] is the index in spans of paragraph i's first sentence;
	// paraSent[len(Paragraphs)] is len(spans).
	paraSent []int32
	// toks are all words; sentTok[s] is the index of sentence s's first.
	toks    []token
	sentTok []int32
	// vocab are the distinct words of toks, as written, in the order they
	// first occur; a token's id (token.id) indexes it, so that a pass can
	// keep what it learns of a word in a slice by id, not look the word up
	// again at every occurrence. While the index is built, short maps
	// the words of at most eight bytes to their ids, and ids the longer
	// ones.
	vocab []string
	short shortWords
	ids   map[string]int32
	// cues are what each word of vocab is to the cue passes, and classes
	// the word classes it belongs to, by id (see sentence.cueWord and
	// sentence.in).
	cues    []cueWord
	classes []wordClass
	// traits are the traits of each word of vocab, by id (see wordTrait).
	traits []wordTrait
	// phrases are the key-phrase counts, computed on first use by
	// whichever branch of the index asks first (see countPhrasesOnce).
	phrases *keyPhrases
	// parties are who the opening says an interview was given to and is
	// with, read on first use (see namedParties).
	parties *[2]string
	// work counts the steps extraction takes (see Extraction.work).
	work int
}

// parallelIndexSize is the size of text, in bytes, from which newIndex
// splits it on every core: below it, starting the goroutines costs more
// than it saves.
const parallelIndexSize = 256 << 10

// newIndex splits paragraphs into sentences and words. A large document
// is split in parts of about equal size, one a core, each indexed on its
// own goroutine and then appended in order to the first: the index is the
// same however the parts are scheduled.
func newIndex(paras []Paragraph) *textIndex {
	size := 0
	for _, p := range paras {
		size += len(p.Text)
	}
	x := newIndexPart(len(paras), size)
	bounds := []int{0, len(paras)}
	if cores := runtime.GOMAXPROCS(0); cores > 1 && size >= parallelIndexSize {
		bounds = splitBySize(paras, textSize, size, cores)
	}
	parts := make([]*textIndex, len(bounds)-2)
	waits := make([]func(), len(parts))
	for k := range parts {
		from, to := bounds[k+1], bounds[k+2]
		part := newIndexPart(to-from, size/(len(bounds)-1))
		parts[k] = part
		waits[k] = inBackground(func() { part.add(paras[from:to]) })
	}
	x.add(paras[:bounds[1]])
	for k, part := range parts {
		waits[k]()
		x.join(part)
	}
	x.paraSent = append(x.paraSent, int32(len(x.spans)))
	x.sentTok = append(x.sentTok, int32(len(x.toks)))
	x.short, x.ids = shortWords{}, nil
	x.phrases = &keyPhrases{}
	lx := words()
	x.cues = make([]cueWord, len(x.vocab))
	x.classes = make([]wordClass, len(x.vocab))
	x.traits = make([]wordTrait, len(x.vocab))
	for id, w := range x.vocab {
		x.cues[id] = lx.cueWords.get(w)
		x.classes[id], _ = lookup(lx.classes, w)
		x.traits[id] = traitsOf(w)
	}
	x.work += size
	return x
}

// newIndexPart returns an empty index with room for paras paragraphs of
// size bytes in all.
func newIndexPart(paras, size int) *textIndex {
	return &textIndex{
		paraSent: make([]int32, 0, paras+1),
		spans:    make([]Span, 0, size/80+1),
		sentTok:  make([]int32, 0, size/80+1),
		toks:     make([]token, 0, size/5+1),
		ids:      map[string]int32{},
	}
}

// splitBySize returns the bounds of at most parts parts of items, of
// about equal size, none empty: 0, the first item of each part but the
// first, and len(items). size is the sum of the items' lengths; a part
// starts at the item whose middle passes its share of size.
func splitBySize[T any](items []T, length func(T) int, size, parts int) []int {
	bounds := []int{0}
	done := 0
	for i, it := range items {
		n := length(it)
		if len(bounds) < parts && i > 0 && done+n/2 >= size*len(bounds)/parts {
			bounds = append(bounds, i)
		}
		done += n
	}
	return append(bounds, len(items))
}

// textSize is the length of a paragraph's text, by which splitBySize
// divides paragraphs.
func textSize(p Paragraph) int { return len(p.Text) }

// add appends the sentences and words of paras to x, without the closing
// entries of paraSent and sentTok.
func (x *textIndex) add(paras []Paragraph) {
	for _, p := range paras {
		x.paraSent = append(x.paraSent, int32(len(x.spans)))
		from := len(x.spans)
		x.spans = appendSentences(x.spans, p.Text)
		for _, s := range x.spans[from:] {
			x.sentTok = append(x.sentTok, int32(len(x.toks)))
			first := len(x.toks)
			x.toks = appendTokens(x.toks, p.Text, s.Start, s.End)
			for k := first; k < len(x.toks); k++ {
				t := x.toks[k]
				x.toks[k] = t.withID(x.internAt(p.Text, int(t.start), int(t.end)))
			}
		}
	}
}

// internAt returns the id in x.vocab of the word text[start:end],
// adding it if it is new. A word of at most eight bytes, as most are, is
// looked up by its bytes read as one number (see shortWords), which needs
// no hashing of a string; a longer one by its text.
func (x *textIndex) internAt(text string, start, end int) int {
	n := end - start
	if n > 8 {
		return x.intern(text[start:end])
	}
	var key uint64
	if start+8 <= len(text) {
		key = load8(text, start) & (1<<(8*n) - 1)
	} else {
		key = shortKey(text[start:end])
	}
	id, ok := x.short.get(key)
	if !ok {
		id = int32(len(x.vocab))
		x.short.put(key, id)
		x.vocab = append(x.vocab, text[start:end])
	}
	return int(id)
}

// intern returns the id of word w in x.vocab, adding it if it is new.
func (x *textIndex) intern(w string) int {
	if len(w) <= 8 {
		return x.internAt(w, 0, len(w))
	}
	id, ok := x.ids[w]
	if !ok {
		id = int32(len(x.vocab))
		x.ids[w] = id
		x.vocab = append(x.vocab, w)
	}
	return int(id)
}

// shortKey returns the bytes of w, at most eight, as a little-endian
// number: w[0] in the lowest byte, the bytes past its end zero. A word
// holds no zero byte (it is letters and digits with a few marks between
// them), so two words have the same key only if they are the same.
func shortKey(w string) uint64 {
	var key uint64
	for i := len(w) - 1; i >= 0; i-- {
		key = key<<8 | uint64(w[i])
	}
	return key
}

// shortWords maps the keys of short words (see shortKey) to their ids:
// an open-addressing table of a power of two slots, at most half full,
// found by the key's Fibonacci hash and the slots after it. Key 0, no
// word's, marks an empty slot.
type shortWords struct {
	keys  []uint64
	ids   []int32
	n     int
	shift uint
}

// get returns the id of key, and whether it is in the table.
func (t *shortWords) get(key uint64) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	mask := len(t.keys) - 1
	for i := int(key * 0x9E3779B97F4A7C15 >> t.shift); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case key:
			return t.ids[i], true
		case 0:
			return 0, false
		}
	}
}

// put adds key, not yet in the table, with id id, first doubling the
// table if it would be more than half full.
func (t *shortWords) put(key uint64, id int32) {
	if 2*(t.n+1) > len(t.keys) {
		old := *t
		size := max(64, 2*len(t.keys))
		*t = shortWords{keys: make([]uint64, size), ids: make([]int32, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
		for i, k := range old.keys {
			if k != 0 {
				t.put(k, old.ids[i])
			}
		}
	}
	mask := len(t.keys) - 1
	i := int(key * 0x9E3779B97F4A7C15 >> t.shift)
	for t.keys[i] != 0 {
		i = (i + 1) & mask
	}
	t.keys[i], t.ids[i] = key, id
	t.n++
}

// join appends part, the index of the paragraphs after x's made by add,
// to x.
func (x *textIndex) join(part *textIndex) {
	spans, toks := int32(len(x.spans)), int32(len(x.toks))
	for _, s := range part.paraSent {
		x.paraSent = append(x.paraSent, s+spans)
	}
	for _, t := range part.sentTok {
		x.sentTok = append(x.sentTok, t+toks)
	}
	x.spans = append(x.spans, part.spans...)
	ids := make([]int, len(part.vocab))
	for k, w := range part.vocab {
		ids[k] = x.intern(w)
	}
	for _, t := range part.toks {
		x.toks = append(x.toks, t.withID(ids[t.id()]))
	}
}

// sentences returns the indexes [from, to) in x.spans of paragraph i's
// sentences.
func (x *textIndex) sentences(i int) (from, to int) {
	return int(x.paraSent[i]), int(x.paraSent[i+1])
}

// holds reports whether a word of paragraph i has the trait t.
func (x *textIndex) holds(i int, t wordTrait) bool {
	from, to := x.sentences(i)
	for _, tok := range x.toks[x.sentTok[from]:x.sentTok[to]] {
		if x.traits[tok.id()]&t != 0 {
			return true
		}
	}
	return false
}

// paragraphSpans returns paragraph i's sentences.
func (x *textIndex) paragraphSpans(i int) []Span {
	from, to := x.sentences(i)
	return x.spans[from:to]
}

// sentence returns sentence s, one of the paragraph whose text is text.
func (x *textIndex) sentence(text string, s int) sentence {
	return sentence{text: text, toks: x.tokens(s), bounds: x.spans[s], cues: x.cues, classes: x.classes, traits: x.traits}
}

// tokens returns the words of sentence s.
func (x *textIndex) tokens(s int) []token {
	return x.toks[x.sentTok[s]:x.sentTok[s+1]]
}

// branch returns a copy of x for a step that runs beside another: it
// reads the same sentences and words, and counts its own work and keeps
// what it computes on first use apart, so that neither step writes what
// the other reads. merge takes them back once the step is done.
func (x *textIndex) branch() *textIndex {
	b := *x
	b.work = 0
	return &b
}

// merge adds the work of b, a branch of x, to x's, and keeps what b
// computed on first use that x has not. The key phrases need no merge:
// every branch shares them.
func (x *textIndex) merge(b *textIndex) {
	x.work += b.work
	if x.parties == nil {
		x.parties = b.parties
	}
}
