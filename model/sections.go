package model

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

const (
	// tilingWindow is how many paragraphs on each side of a gap are
	// compared to measure lexical cohesion.
	tilingWindow = 2
	// minSectionParagraphs is the fewest paragraphs in a section found by
	// topic shift.
	minSectionParagraphs = 2
	// paragraphsPerSection bounds how many sections topic shifts may
	// create: at most one per this many paragraphs.
	paragraphsPerSection = 4
	// maxTopicSections caps the sections topic shifts create in a long
	// text, where only the deepest shifts help a reader find their way;
	// boundaries are then kept at least a tenth of an average section
	// apart.
	maxTopicSections = 40
	// maxPeakDistance bounds how far the depth of a similarity valley
	// looks for the peaks either side, keeping long texts linear.
	maxPeakDistance = 32
)

// findSections splits the paragraphs into sections, and returns them with
// the section of each paragraph. Markdown headings start sections titled
// by the heading. Plain text is split where its vocabulary shifts
// (TextTiling: the cosine similarity of the words in the paragraphs either
// side of each gap, cut at the deepest valleys) and where an interview's
// first question begins; each such section is Derived, named by lede (see
// titleSections), and one that lede cannot name joins a neighbour (see
// joinUntitled).
func findSections(d *Document, x *textIndex, exchanges []Exchange, voices []voice) ([]Section, []int) {
	n := len(d.Paragraphs)
	sectionOf := make([]int, n)
	if n == 0 {
		return nil, sectionOf
	}
	var starts []int
	if hasHeadings(d.Paragraphs) {
		starts = append(starts, 0)
		for i, p := range d.Paragraphs {
			if p.Heading && i > 0 {
				starts = append(starts, i)
			}
		}
	} else {
		forced := -1
		if len(exchanges) > 0 && exchanges[0].Start > 0 {
			forced = exchanges[0].Start
		}
		starts = keepExchangesWhole(topicBoundaries(d.Paragraphs, x, voices, forced), exchanges)
	}
	var sections []Section
	for k, start := range starts {
		end := n
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		s := Section{Derived: true, Start: start, End: end}
		if p := d.Paragraphs[start]; p.Heading {
			s = Section{Title: p.Text, Start: start, End: end}
		}
		sections = append(sections, s)
		for i := start; i < end; i++ {
			sectionOf[i] = k
		}
	}
	titleSections(d, x, sections, sectionOf, voices)
	sections = joinUntitled(sections)
	x.work += n
	for k, s := range sections {
		for i := s.Start; i < s.End; i++ {
			sectionOf[i] = k
		}
	}
	return sections, sectionOf
}

// joinUntitled joins each derived section that has no title to the
// section before it, and an untitled first section to the derived section
// after it, since a stop in the contents that says nothing of what
// follows is no help. Only an untitled first section before a heading, or
// the only section, stays untitled.
func joinUntitled(sections []Section) []Section {
	out := sections[:0]
	for _, s := range sections {
		switch last := len(out) - 1; {
		case s.Derived && s.Title == "" && last >= 0:
			out[last].End = s.End
		case last == 0 && out[0].Derived && out[0].Title == "" && s.Derived:
			s.Start = out[0].Start
			out[0] = s
		default:
			out = append(out, s)
		}
	}
	return out
}

// keepExchangesWhole moves each of the sorted section starts that falls
// within an exchange, between a question and its answer or inside an
// answer, back to the start of its question, and drops the starts that
// then repeat. exchanges are in the order of the text.
func keepExchangesWhole(starts []int, exchanges []Exchange) []int {
	k := 0
	for i, b := range starts {
		for k < len(exchanges) && exchanges[k].End <= b {
			k++
		}
		if k < len(exchanges) && exchanges[k].Start < b {
			starts[i] = exchanges[k].Start
		}
	}
	return slices.Compact(starts)
}

// titleSections names each derived section by its key phrase: the
// best-ranked phrase mentioned in it that fits it (see fitsTitle) and is
// not alike the title of any other section, preferring phrases said more
// than once. A first section that no phrase names takes the document's
// title, if that fits. A section that nothing fits stays untitled: a
// title that greets, or repeats the words the section opens with, tells
// a reader nothing, and two alike do not tell sections apart.
func titleSections(d *Document, x *textIndex, sections []Section, sectionOf []int, voices []voice) {
	untitled := 0
	used := map[string]bool{}
	for _, s := range sections {
		if s.Derived {
			untitled++
		} else {
			used[titleKey(s.Title)] = true
		}
	}
	// Phrases said more than once first, then any.
	for _, minMentions := range []int{2, 1} {
		for _, st := range x.phraseStats(d.Paragraphs, voices) {
			if untitled == 0 {
				break
			}
			key := titleKey(st.text)
			if len(st.mentions) < minMentions || used[key] {
				continue
			}
			x.work += len(st.mentions)
			title := capitalize(st.text)
			for _, m := range st.mentions {
				if s := &sections[sectionOf[m.para]]; s.Derived && s.Title == "" && fitsTitle(d, *s, title, voices) {
					s.Title = title
					untitled--
					used[key] = true
					break // one section a phrase, so that titles tell sections apart
				}
			}
		}
	}
	if s := &sections[0]; s.Derived && s.Title == "" && d.Title != "" && !used[titleKey(d.Title)] && fitsTitle(d, *s, d.Title, voices) {
		s.Title = d.Title
	}
}

// fitsTitle reports whether title may name the derived section s: it is
// no greeting ("Good afternoon"), and not the words the section opens
// with, which a title above them would only repeat ("Our guest this
// week" above "Our guest this week is Ines Duarte, ..."). Marks between
// the opening words ("Our guest - this week") are skipped, up to as many
// as the title has words: more, and the words are not the title's.
func fitsTitle(d *Document, s Section, title string, voices []voice) bool {
	if isCourtesy(title) {
		return false
	}
	opening := d.Paragraphs[s.Start].Text[voices[s.Start].body:]
	var words []string
	for w := range strings.FieldsSeq(title) {
		if k := wordKey(w); k != "" {
			words = append(words, k)
		}
	}
	marks := len(words)
	for w := range strings.FieldsSeq(opening) {
		if len(words) == 0 {
			break
		}
		k := wordKey(w)
		if k == "" {
			if marks--; marks < 0 {
				return true
			}
			continue
		}
		if k != words[0] {
			return true
		}
		words = words[1:]
	}
	return len(words) > 0
}

// titleKey is what two section titles are compared by: their words
// (see wordKey), one space apart. Titles with the same key are alike:
// "Harbour repairs", "harbour repair".
func titleKey(title string) string {
	var b strings.Builder
	for w := range strings.FieldsSeq(title) {
		if k := wordKey(w); k != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(k)
		}
	}
	return b.String()
}

// wordKey is a word as titles are compared: its letters and digits in
// lower case, without a plural "s" ("Repairs," and "repair" are alike).
func wordKey(w string) string {
	var buf [64]byte
	return trimPlural(string(appendKey(buf[:0], w)))
}

// capitalize upper-cases the first letter of a key phrase used as a title,
// unless its first word already mixes cases ("iPhone", "eBay").
func capitalize(s string) string {
	word, _, _ := strings.Cut(s, " ")
	if word == "" || strings.ToLower(word) != word {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// hasHeadings reports whether any paragraph is a heading.
func hasHeadings(paras []Paragraph) bool {
	for _, p := range paras {
		if p.Heading {
			return true
		}
	}
	return false
}

// topicBoundaries returns the first paragraph of each section of plain
// text, starting with 0; forced, when above 0, is a boundary whatever the
// words say.
func topicBoundaries(paras []Paragraph, x *textIndex, voices []voice, forced int) []int {
	n := len(paras)
	if n < 2*minSectionParagraphs {
		if forced > 0 {
			return []int{0, forced}
		}
		return []int{0}
	}
	sim := gapSimilarities(paragraphWords(paras, x, voices), n, x)
	// Depth of each valley: how far similarity rises on both sides.
	depth := make([]float64, n)
	var sum, sumSq float64
	x.work += n
	for g := 1; g < n; g++ {
		left, right := sim[g], sim[g]
		for i := g - 1; i >= max(1, g-maxPeakDistance) && sim[i] >= left; i-- {
			left = sim[i]
		}
		for i := g + 1; i < min(n, g+maxPeakDistance) && sim[i] >= right; i++ {
			right = sim[i]
		}
		depth[g] = (left - sim[g]) + (right - sim[g])
		sum += depth[g]
		sumSq += depth[g] * depth[g]
	}
	mean := sum / float64(n-1)
	sd := math.Sqrt(max(0, sumSq/float64(n-1)-mean*mean))
	cutoff := mean + sd/2
	gaps := make([]int, 0, n)
	for g := minSectionParagraphs; g <= n-minSectionParagraphs; g++ {
		if depth[g] > cutoff && depth[g] > 0 {
			gaps = append(gaps, g)
		}
	}
	slices.SortFunc(gaps, func(a, b int) int {
		switch {
		case depth[a] > depth[b]:
			return -1
		case depth[a] < depth[b]:
			return 1
		}
		return a - b
	})
	starts := []int{0}
	if forced > 0 {
		starts = append(starts, forced)
	}
	limit := min(max(1, n/paragraphsPerSection), maxTopicSections)
	spacing := max(minSectionParagraphs, n/(maxTopicSections*10))
	for _, g := range gaps {
		if len(starts) > limit {
			break
		}
		// Against the few starts chosen, not the paragraphs around g: a
		// long text's spacing is long.
		near := false
		for _, s := range starts {
			near = near || g-spacing < s && s < g+spacing
		}
		x.work += len(starts)
		if !near {
			starts = append(starts, g)
		}
	}
	slices.Sort(starts)
	return starts
}

// gapSimilarities returns, for each gap g in [1, n) before paragraph g,
// the cosine similarity of the counts of the content words (see
// contentWords) of the tilingWindow paragraphs before it and of those
// from it on, or 0 when either side has none; sim[0] is 0. It reads each
// paragraph's content words once, as the window reaches it, and keeps
// only the window's.
func gapSimilarities(words *contentWords, n int, x *textIndex) []float64 {
	// counts count each word in the paragraphs either side of the gap,
	// and dot, a and b are the dot product of the counts and their
	// squares' sums: whole numbers, kept as the window slides one
	// paragraph a gap. Paragraph i's words are in bags[i%len(bags)]
	// while the window holds it.
	sim := make([]float64, n)
	counts := make([]struct{ left, right int32 }, len(x.vocab))
	var bags [2*tilingWindow + 1][]int32
	bag := func(i int) []int32 { return bags[i%len(bags)] }
	var dot, a, b int64
	addRight := func(i int) {
		bags[i%len(bags)] = words.read(i, bags[i%len(bags)][:0])
		for _, w := range bag(i) {
			c := &counts[w]
			dot += int64(c.left)
			b += 2*int64(c.right) + 1
			c.right++
		}
	}
	if n > 0 {
		bags[0] = words.read(0, nil)
		for _, w := range bags[0] {
			c := &counts[w]
			a += 2*int64(c.left) + 1
			c.left++
		}
	}
	for i := 1; i < min(n, 1+tilingWindow); i++ {
		addRight(i)
	}
	for g := 1; g < n; g++ {
		if g > 1 {
			if out := g - 1 - tilingWindow; out >= 0 {
				for _, w := range bag(out) {
					c := &counts[w]
					c.left--
					a -= 2*int64(c.left) + 1
					dot -= int64(c.right)
				}
			}
			// Paragraph g-1 moves from the right to the left, a word
			// at a time: the sums come out as if all its words left
			// the right side first, and then joined the left.
			for _, w := range bag(g - 1) {
				c := &counts[w]
				c.right--
				b -= 2*int64(c.right) + 1
				dot += int64(c.right) - int64(c.left)
				a += 2*int64(c.left) + 1
				c.left++
			}
			if in := g - 1 + tilingWindow; in < n {
				addRight(in)
			}
			x.work += len(bag(g-1)) + len(bag(min(n-1, g-1+tilingWindow)))
		}
		if a > 0 && b > 0 {
			sim[g] = float64(dot) / math.Sqrt(float64(a)*float64(b))
		}
	}
	return sim
}

// contentWords reads the content words of paragraphs: lower-cased words
// of three letters or more that are not stop words, plural "s" dropped,
// as ids below the number of distinct words of the index, given in the
// order read.
type contentWords struct {
	paras  []Paragraph
	x      *textIndex
	voices []voice
	ids    map[string]int32
	// seen holds, by the id of each word as written (see
	// textIndex.vocab), its content id, -1 when it is no content word,
	// or unseen before it is met: a word met again is not read again.
	seen       []int32
	nonContent wordSet
	buf        []byte
}

// unseen marks a word contentWords has not met.
const unseen = -2

// paragraphWords returns the reader of the content words of paras,
// which x indexes.
func paragraphWords(paras []Paragraph, x *textIndex, voices []voice) *contentWords {
	c := &contentWords{paras: paras, x: x, voices: voices, ids: map[string]int32{}, seen: make([]int32, len(x.vocab)), nonContent: words().nonContent}
	for k := range c.seen {
		c.seen[k] = unseen
	}
	return c
}

// read appends paragraph i's content words to dst. Paragraphs are read
// in order, each once.
func (c *contentWords) read(i int, dst []int32) []int32 {
	x, p := c.x, c.paras[i]
	from, to := x.sentences(i)
	x.work += int(x.sentTok[to] - x.sentTok[from])
	body := c.voices[i].body
	for _, t := range x.toks[x.sentTok[from]:x.sentTok[to]] {
		if int(t.start) < body {
			continue
		}
		id := c.seen[t.id()]
		if id == unseen {
			id = -1
			if w, _ := cutPossessive(p.Text[t.start:t.end]); utf8.RuneCountInString(w) >= 3 && !c.nonContent.has(trimPlural(w)) {
				c.buf = c.buf[:0]
				for _, r := range w {
					c.buf = utf8.AppendRune(c.buf, unicode.ToLower(r))
				}
				if c.buf[len(c.buf)-1] == 's' {
					c.buf = c.buf[:len(c.buf)-1]
				}
				var ok bool
				if id, ok = c.ids[string(c.buf)]; !ok {
					id = int32(len(c.ids))
					c.ids[string(c.buf)] = id
				}
			}
			c.seen[t.id()] = id
		}
		if id >= 0 {
			dst = append(dst, id)
		}
	}
	return dst
}
