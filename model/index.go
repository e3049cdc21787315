package model

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
	// phrases are the key-phrase counts, computed on first use.
	phrases []*phraseStat
	// parties are who the opening says an interview was given to and is
	// with, read on first use (see namedParties).
	parties *[2]string
	// work counts the steps extraction takes (see Extraction.work).
	work int
}

// newIndex splits paragraphs into sentences and words.
func newIndex(paras []Paragraph) *textIndex {
	size := 0
	for _, p := range paras {
		size += len(p.Text)
	}
	x := &textIndex{
		paraSent: make([]int32, 0, len(paras)+1),
		spans:    make([]Span, 0, size/80+1),
		sentTok:  make([]int32, 0, size/80+1),
		toks:     make([]token, 0, size/5+1),
	}
	for _, p := range paras {
		x.paraSent = append(x.paraSent, int32(len(x.spans)))
		from := len(x.spans)
		x.spans = appendSentences(x.spans, p.Text)
		for _, s := range x.spans[from:] {
			x.sentTok = append(x.sentTok, int32(len(x.toks)))
			x.toks = appendTokens(x.toks, p.Text, s.Start, s.End)
		}
	}
	x.paraSent = append(x.paraSent, int32(len(x.spans)))
	x.sentTok = append(x.sentTok, int32(len(x.toks)))
	x.work += size
	return x
}

// sentences returns the indexes [from, to) in x.spans of paragraph i's
// sentences.
func (x *textIndex) sentences(i int) (from, to int) {
	return int(x.paraSent[i]), int(x.paraSent[i+1])
}

// paragraphSpans returns paragraph i's sentences.
func (x *textIndex) paragraphSpans(i int) []Span {
	from, to := x.sentences(i)
	return x.spans[from:to]
}

// sentence returns sentence s, one of the paragraph whose text is text.
func (x *textIndex) sentence(text string, s int) sentence {
	return sentence{text: text, toks: x.tokens(s), bounds: x.spans[s]}
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
// computed on first use that x has not.
func (x *textIndex) merge(b *textIndex) {
	x.work += b.work
	if x.phrases == nil {
		x.phrases = b.phrases
	}
	if x.parties == nil {
		x.parties = b.parties
	}
}
