package model

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// maxParagraphLen is the longest paragraph kept whole, in bytes. Longer
// ones (a 10 MB file with no line breaks) are cut into pieces of about
// this size, so no single paragraph is costly to render, search or show.
const maxParagraphLen = 16 << 10

// splitLongParagraphs cuts every paragraph over maxParagraphLen bytes into
// pieces, each ending at a sentence end or, failing that, a space in the
// last quarter of the allowed length (see cutParagraph).
func (d *Document) splitLongParagraphs() {
	long := false
	for _, p := range d.Paragraphs {
		if len(p.Text) > maxParagraphLen {
			long = true
			break
		}
	}
	if !long {
		return
	}
	out := make([]Paragraph, 0, len(d.Paragraphs)+1)
	for _, p := range d.Paragraphs {
		var cuts []int
		for at := 0; len(p.Text)-at > maxParagraphLen; {
			cut := at + cutPoint(p.Text[at:], maxParagraphLen)
			cuts = append(cuts, cut)
			at = cut + len(p.Text[cut:]) - len(trimLeadingSpaces(p.Text[cut:]))
		}
		out = append(out, splitParagraph(p, cuts)...)
	}
	d.Paragraphs = out
}

// splitParagraph cuts p before each of cuts, byte offsets of its text in
// increasing order, in one pass. Each piece loses the spaces at its cuts;
// empty pieces are left out. Links and labels move with their text; a
// link across a cut stays on the piece where it starts, cut short. Only
// the first piece keeps the marks of a heading, a bold paragraph or a
// list item.
func splitParagraph(p Paragraph, cuts []int) []Paragraph {
	if len(cuts) == 0 {
		return []Paragraph{p}
	}
	out := make([]Paragraph, 0, len(cuts)+1)
	links, labels := p.Links, p.Labels
	from := 0
	for k := 0; k <= len(cuts); k++ {
		to := len(p.Text)
		if k < len(cuts) {
			to = cuts[k]
		}
		start := from
		if k > 0 {
			start = to - len(trimLeadingSpaces(p.Text[from:to]))
		}
		end := start + len(strings.TrimRight(p.Text[start:to], " "))
		from = to
		piece := p
		piece.Text, piece.Links, piece.Labels = p.Text[start:end], nil, nil
		if k > 0 {
			piece.Bold, piece.Heading, piece.Item = false, false, ""
		}
		for ; len(links) > 0 && links[0].Start < to; links = links[1:] {
			if l := links[0]; l.Start >= start && l.Start < end {
				l.Start, l.End = l.Start-start, min(l.End, end)-start
				piece.Links = append(piece.Links, l)
			}
		}
		for ; len(labels) > 0 && labels[0].Start < to; labels = labels[1:] {
			if l := labels[0]; l.Start >= start && l.Start < end {
				l.Start, l.Body = l.Start-start, min(l.Body, end)-start
				l.Break = l.Break && l.Start > 0
				piece.Labels = append(piece.Labels, l)
			}
		}
		if piece.Text != "" {
			out = append(out, piece)
		}
	}
	return out
}

// cutPoint finds where to cut text, which is longer than limit bytes, at
// most limit bytes in, always between two grapheme clusters, so that no
// piece starts with a combining mark torn from its letter or half an
// emoji: after the last sentence end followed by a space, else after the
// last space, in the last quarter of the limit; else after the last whole
// cluster there (see lastClusterEnd).
func cutPoint(text string, limit int) int {
	base := limit * 3 / 4
	for _, end := range []string{". ", "? ", "! ", "。", "？", "！"} {
		if cut := lastCutAfter(text, base, limit, end); cut > 0 {
			return cut
		}
	}
	if cut := lastCutAfter(text, base+1, limit, " "); cut > 0 {
		return cut
	}
	return lastClusterEnd(text, base, limit)
}

// lastCutAfter returns the end of the last occurrence of sep in
// text[from:to] that ends a grapheme cluster, or 0 when there is none. A
// space or full stop ends one unless a combining mark or joiner follows.
func lastCutAfter(text string, from, to int, sep string) int {
	_, lastSize := utf8.DecodeLastRuneInString(sep)
	for w := text[from:to]; ; {
		i := strings.LastIndex(w, sep)
		if i < 0 {
			return 0
		}
		cut := from + i + len(sep)
		if cluster, _, _, _ := uniseg.FirstGraphemeClusterInString(text[cut-lastSize:], -1); len(cluster) == lastSize {
			return cut
		}
		w = w[:i]
	}
}

// lastClusterEnd returns the end of the last grapheme cluster that ends
// after from and at most at limit. It walks the clusters of the last 64
// bytes before the limit, then of twice as many, and so on back to from,
// so ordinary text costs a few clusters. A cluster longer than the
// quarter of the limit, which only made-up text has, is cut at a rune
// boundary at the limit.
func lastClusterEnd(text string, from, limit int) int {
	for span := 64; ; span *= 2 {
		start := max(from, limit-span)
		if cut := clusterEndIn(text, start, limit); cut > 0 {
			return cut
		}
		if start == from {
			break
		}
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(text[cut]) {
		cut--
	}
	return cut
}

// regionalIndicatorSize is the length in UTF-8 of a regional indicator,
// U+1F1E6–U+1F1FF, two of which make a flag.
const regionalIndicatorSize = 4

// endsWithRegionalIndicator reports whether s ends with a regional
// indicator, F0 9F 87 A6 to F0 9F 87 BF in UTF-8. It compares bytes, so
// that counting a long run of them back costs little.
func endsWithRegionalIndicator(s string) bool {
	n := len(s)
	return n >= regionalIndicatorSize && s[n-4] == 0xF0 && s[n-3] == 0x9F && s[n-2] == 0x87 && s[n-1] >= 0xA6 && s[n-1] <= 0xBF
}

// clusterEndIn walks the grapheme clusters from start and returns the end
// of the last one that ends at most at limit, or 0 when there is none. A
// walk that starts inside a cluster finds an end there that may be no
// true boundary, so the first end is not taken; regional indicators pair
// from the start of their run, so a walk that would start after an odd
// number of them starts one earlier.
func clusterEndIn(text string, start, limit int) int {
	for start > 0 && !utf8.RuneStart(text[start]) {
		start--
	}
	indicators := 0
	for i := start; endsWithRegionalIndicator(text[:i]); i -= regionalIndicatorSize {
		indicators++
	}
	if indicators%2 == 1 {
		start -= regionalIndicatorSize
	}
	cut, first := 0, true
	state := -1
	for pos, rest := start, text[start:]; rest != ""; first = false {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if pos += len(cluster); pos > limit {
			break
		}
		if !first {
			cut = pos
		}
	}
	return cut
}

// trimLeadingSpaces returns s without the spaces it starts with, but for a
// space that carries a combining mark, which would be left bare.
func trimLeadingSpaces(s string) string {
	for strings.HasPrefix(s, " ") {
		if cluster, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1); len(cluster) > 1 {
			break
		}
		s = s[1:]
	}
	return s
}
