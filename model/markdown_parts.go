package model

import (
	"runtime"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// markdownPartSize is about the size, in bytes, of the parts a long
// Markdown text is parsed in. goldmark's tree of a part is a few times
// the part's size; parts of this size, a core each at a time, keep the
// trees' memory small whatever the text's size (lede print of 10 MB
// peaks about 4 MB lower than with parts of 1 MB, as fast), and come to
// enough of them to share among the cores.
const markdownPartSize = 256 << 10

// markdownParagraphs returns the paragraphs of Markdown text without front
// matter, as markdownReader reads goldmark's tree of it. A text of
// parallelReadSize or more is parsed in parts on every core (see
// markdownPartsParagraphs).
func markdownParagraphs(src string) []Paragraph {
	if runtime.GOMAXPROCS(0) < 2 || len(src) < parallelReadSize {
		paras, _ := markdownPart(src)
		return paras
	}
	return markdownPartsParagraphs(src, markdownCuts(src, markdownPartSize))
}

// markdownPartsParagraphs returns the paragraphs of Markdown text src
// parsed in parts that start at cuts (see markdownCuts), on every core,
// each part's tree dropped once its paragraphs are read: the same
// paragraphs as the whole text's tree. A part whose last block may run
// on past its cut (see markdownPart) is parsed again with the rest of
// the text, as one.
func markdownPartsParagraphs(src string, cuts []int) []Paragraph {
	type part struct {
		paras []Paragraph
		open  bool
	}
	parts := make([]part, len(cuts)-1)
	eachOnCores(len(parts), func(k int) {
		parts[k].paras, parts[k].open = markdownPart(src[cuts[k]:cuts[k+1]])
	})
	n := 0
	for _, p := range parts {
		n += len(p.paras)
	}
	paras := slices.Grow([]Paragraph(nil), n)
	for k, p := range parts {
		if p.open && k < len(parts)-1 {
			rest, _ := markdownPart(src[cuts[k]:])
			return append(paras, rest...)
		}
		paras = append(paras, p.paras...)
	}
	return paras
}

// markdownPart parses Markdown text without front matter and returns its
// paragraphs, and whether its last block is a fenced code block or an
// HTML block: blocks that a line after an empty line may still belong
// to. Bare links are looked for only in text that may hold one.
func markdownPart(src string) ([]Paragraph, bool) {
	return markdownTreeParagraphs(src, mayLinkify(src))
}

// markdownTreeParagraphs is markdownPart, looking for bare links when
// links is set (see parseMarkdown).
func markdownTreeParagraphs(src string, links bool) ([]Paragraph, bool) {
	source := []byte(src)
	root := parseMarkdown(source, links)
	r := &markdownReader{
		src:        src,
		source:     source,
		paragraphs: roomFor(src),
		w:          paragraphWriter{src: src, origin: -1, linkStart: noLink},
	}
	r.blocks(root)
	var open bool
	switch root.LastChild().(type) {
	case *ast.FencedCodeBlock, *ast.HTMLBlock:
		open = true
	}
	return r.paragraphs, open
}

// parseMarkdown returns goldmark's tree of source: CommonMark with
// GitHub's extensions, but for bare links (extension.Linkify) unless
// links is set. Linkify is asked at every space of the text whether a
// link starts after it, a quarter of goldmark's work on text that holds
// none; without it the tree's text is the same, in fewer Text nodes.
func parseMarkdown(source []byte, links bool) ast.Node {
	extensions := []goldmark.Extender{extension.Table, extension.Strikethrough, extension.TaskList}
	if links {
		extensions = append(extensions, extension.Linkify)
	}
	return goldmark.New(goldmark.WithExtensions(extensions...)).Parser().Parse(text.NewReader(source))
}

// mayLinkify reports whether text may hold a bare link, as
// extension.Linkify finds them: a URL that starts "http:", "https:",
// "ftp:" or "www.", or an e-mail address, which holds "@".
func mayLinkify(text string) bool {
	return strings.Contains(text, "http") || strings.Contains(text, "ftp:") ||
		strings.Contains(text, "www.") || strings.IndexByte(text, '@') >= 0
}

// markdownCuts returns where the parts of src of about size bytes each
// start, with len(src) last: each after an empty line ("\n\n") and at a
// line that opens with an ASCII letter. Such a line starts a paragraph of
// the whole text, outside every list and block quote, unless a fenced
// code block or an HTML block before it is still open, which the part
// before tells (see markdownPart). Link reference definitions hold for
// the whole text, so a text that may hold one ("]:") is not cut.
func markdownCuts(src string, size int) []int {
	cuts := []int{0}
	if strings.Contains(src, "]:") {
		return append(cuts, len(src))
	}
	for from := size; from < len(src); {
		i := strings.Index(src[from:], "\n\n")
		if i < 0 {
			break
		}
		at := from + i + 2
		if at < len(src) && isASCIILetter(src[at]) {
			cuts = append(cuts, at)
			from = at + size
			continue
		}
		from = at - 1
	}
	return append(cuts, len(src))
}

// eachOnCores calls do for every k below n, on every core, each core
// taking the next k when it is done with its last, and returns once all
// are done. A panic of do panics again in the caller (see inBackground).
func eachOnCores(n int, do func(k int)) {
	var next atomic.Int64
	work := func() {
		for k := int(next.Add(1) - 1); k < n; k = int(next.Add(1) - 1) {
			do(k)
		}
	}
	waits := make([]func(), max(min(runtime.GOMAXPROCS(0), n)-1, 0))
	for i := range waits {
		waits[i] = inBackground(work)
	}
	work()
	for _, wait := range waits {
		wait()
	}
}
