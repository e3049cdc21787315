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
	// maxSectionTitleWords is the longest title made from a section's
	// opening words.
	maxSectionTitleWords = 6
)

// extractSections splits the paragraphs into sections. Markdown headings
// start sections titled by the heading. Plain text is split where its
// vocabulary shifts (TextTiling: the cosine similarity of the words in the
// paragraphs either side of each gap, cut at the deepest valleys) and
// where an interview's questions begin; each section is titled by its
// key phrase. Every paragraph gets its section's index.
func (d *Document) extractSections(x *textIndex) {
	d.Sections = nil
	n := len(d.Paragraphs)
	if n == 0 {
		return
	}
	var starts []int
	if d.hasHeadings() {
		starts = append(starts, 0)
		for i, p := range d.Paragraphs {
			if p.Heading && i > 0 {
				starts = append(starts, i)
			}
		}
	} else {
		starts = d.topicBoundaries(x)
	}
	for k, start := range starts {
		end := n
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		title := ""
		if p := d.Paragraphs[start]; p.Heading {
			title = p.Text
		}
		d.Sections = append(d.Sections, Section{Title: title, Start: start, End: end})
		for i := start; i < end; i++ {
			d.Paragraphs[i].Section = k
		}
	}
	d.titleSections(x)
}

// titleSections names each untitled section by its key phrase: the
// best-ranked phrase mentioned in it, preferring phrases said more than
// once, else the opening words of its first
// paragraph; an untitled first section without either takes the
// document's title.
func (d *Document) titleSections(x *textIndex) {
	untitled := 0
	for _, s := range d.Sections {
		if s.Title == "" {
			untitled++
		}
	}
	// Phrases said more than once first, then any.
	for _, minMentions := range []int{2, 1} {
		for _, st := range x.phraseStats(d) {
			if untitled == 0 {
				break
			}
			if len(st.mentions) < minMentions {
				continue
			}
			d.work += len(st.mentions)
			for _, m := range st.mentions {
				if s := &d.Sections[d.Paragraphs[m.Paragraph].Section]; s.Title == "" {
					s.Title = capitalize(st.text)
					untitled--
				}
			}
		}
	}
	for k := range d.Sections {
		s := &d.Sections[k]
		if s.Title != "" {
			continue
		}
		p := d.Paragraphs[s.Start]
		d.work += len(p.Text)
		fields := strings.Fields(p.Text[p.Body:])
		if len(fields) > maxSectionTitleWords {
			s.Title = strings.Join(fields[:maxSectionTitleWords], " ") + "…"
		} else {
			s.Title = strings.Join(fields, " ")
		}
		if k == 0 && s.Title == "" {
			s.Title = d.Title
		}
	}
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
func (d *Document) hasHeadings() bool {
	for _, p := range d.Paragraphs {
		if p.Heading {
			return true
		}
	}
	return false
}

// topicBoundaries returns the first paragraph of each section of plain
// text, starting with 0.
func (d *Document) topicBoundaries(x *textIndex) []int {
	n := len(d.Paragraphs)
	forced := -1
	if len(d.Exchanges) > 0 && d.Exchanges[0].Start > 0 {
		forced = d.Exchanges[0].Start
	}
	if n < 2*minSectionParagraphs {
		if forced > 0 {
			return []int{0, forced}
		}
		return []int{0}
	}
	bags, vocab := d.paragraphWords(x)
	// gap g lies before paragraph g, for g in [1, n).
	sim := make([]float64, n)
	left, right := make([]int32, vocab), make([]int32, vocab)
	var touched []int32
	for g := 1; g < n; g++ {
		for i := max(0, g-tilingWindow); i < g; i++ {
			for _, w := range bags[i] {
				if left[w] == 0 && right[w] == 0 {
					touched = append(touched, w)
				}
				left[w]++
			}
		}
		for i := g; i < min(n, g+tilingWindow); i++ {
			for _, w := range bags[i] {
				if left[w] == 0 && right[w] == 0 {
					touched = append(touched, w)
				}
				right[w]++
			}
		}
		d.work += len(touched)
		var dot, a, b float64
		for _, w := range touched {
			l, r := float64(left[w]), float64(right[w])
			dot += l * r
			a += l * l
			b += r * r
			left[w], right[w] = 0, 0
		}
		touched = touched[:0]
		if a > 0 && b > 0 {
			sim[g] = dot / math.Sqrt(a*b)
		}
	}
	// Depth of each valley: how far similarity rises on both sides.
	depth := make([]float64, n)
	var sum, sumSq float64
	d.work += n
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
		d.work += len(starts)
		if !near {
			starts = append(starts, g)
		}
	}
	slices.Sort(starts)
	return starts
}

// paragraphWords returns each paragraph's content words as ids below
// vocab: lower-cased words of three letters or more that are not stop
// words, plural "s" dropped.
func (d *Document) paragraphWords(x *textIndex) (bags [][]int32, vocab int) {
	ids := map[string]int32{}
	bags = make([][]int32, len(d.Paragraphs))
	var buf []byte
	for i, p := range d.Paragraphs {
		from, to := x.sentences(i)
		d.work += int(x.sentTok[to] - x.sentTok[from])
		for _, t := range x.toks[x.sentTok[from]:x.sentTok[to]] {
			if int(t.start) < p.Body {
				continue
			}
			w := stripPossessive(p.Text[t.start:t.end])
			if utf8.RuneCountInString(w) < 3 {
				continue
			}
			buf = buf[:0]
			for _, r := range w {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
			}
			if buf[len(buf)-1] == 's' {
				buf = buf[:len(buf)-1]
			}
			if words().nonContent[string(buf)] {
				continue
			}
			id, ok := ids[string(buf)]
			if !ok {
				id = int32(len(ids))
				ids[string(buf)] = id
			}
			bags[i] = append(bags[i], id)
		}
	}
	return bags, len(ids)
}
