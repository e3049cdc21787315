package ui

import (
	"bufio"
	"io"
	"runtime"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/lede-tui/lede/model"
)

// printChunk is how many blocks a print worker renders at a time, and
// printAhead how many chunks per worker may wait, rendered, to be written:
// what bounds print's memory whatever the document's length.
const (
	printChunk = 32
	printAhead = 2
)

// Print renders the whole document for `lede print`: title, metadata line,
// sections and paragraphs, wrapped to width in the given style, a style
// name other than auto or a JSON style path. In the notty and ascii styles
// the output holds no escape codes at all, not even hyperlinks; in ascii,
// lede's glyphs and the text's typographic marks are ASCII too (see
// asciiGlyphs). No line is padded beyond its text (see renderBlock), so the
// output grows with the text, not with the width.
func Print(d *model.Document, style string, width int) (string, error) {
	var b strings.Builder
	err := PrintTo(&b, d, style, width)
	return b.String(), err
}

// PrintTo writes what Print renders to w as it is rendered: the blocks are
// rendered in parallel, a chunk of them at a time by each worker with its
// own renderers, and written in order, with a bounded number of chunks
// rendered ahead of the writing.
func PrintTo(w io.Writer, d *model.Document, style string, width int) error {
	blocks := articleBlocks(d)
	chunks := (len(blocks) + printChunk - 1) / printChunk
	workers := max(min(runtime.GOMAXPROCS(0), chunks), 1)
	// results[c] receives chunk c's text; ahead holds a token for every
	// chunk handed out and not yet written.
	results := make([]chan printed, chunks)
	for c := range results {
		results[c] = make(chan printed, 1)
	}
	ahead := make(chan struct{}, workers*printAhead)
	next := make(chan int)
	done := make(chan struct{})
	defer close(done)
	go func() {
		defer close(next)
		for c := range chunks {
			select {
			case ahead <- struct{}{}:
			case <-done:
				return
			}
			select {
			case next <- c:
			case <-done:
				return
			}
		}
	}()
	for range workers {
		go func() {
			r := newRenderers(style)
			for c := range next {
				results[c] <- printBlocks(r, d, blocks[c*printChunk:min((c+1)*printChunk, len(blocks))], c == 0, style, width)
			}
		}()
	}
	bw := bufio.NewWriter(w)
	for c := range chunks {
		p := <-results[c]
		<-ahead
		if p.err != nil {
			return p.err
		}
		if _, err := bw.WriteString(p.text); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// printed is a chunk of print's output, or why it could not be rendered.
type printed struct {
	text string
	err  error
}

// printBlocks renders blocks with r for print, each but the document's
// first after a blank line. In the plain styles a run of flowing
// paragraphs is rendered in one go (see flowingRun); in the others that
// saves no time and allocates more, as glamour's writers read the run's
// escape sequences again.
func printBlocks(r *renderers, d *model.Document, blocks []block, first bool, style string, width int) printed {
	plain := style == StyleNoTTY || style == StyleASCII
	var b strings.Builder
	written := 0
	write := func(lines []string) {
		if written > 0 || !first {
			b.WriteByte('\n')
		}
		written++
		for _, l := range lines {
			if plain && !printableASCII(l) {
				// glamour makes links OSC 8 hyperlinks whatever the style.
				l = ansi.Strip(l)
			}
			if style == StyleASCII {
				l = asciiGlyphs.Replace(l)
			}
			b.WriteString(l)
			b.WriteByte('\n')
		}
	}
	for i := 0; i < len(blocks); {
		alone := 1 // how many blocks to render one by one
		if plain {
			if markdown := flowingRun(r, d, blocks[i:], width); len(markdown) > 1 {
				if runs, ok := r.flowingLines(markdown, width); ok {
					for _, lines := range runs {
						write(lines)
					}
					i += len(markdown)
					continue
				}
				alone = len(markdown) // not tried together again from the next
			}
		}
		for _, blk := range blocks[i : i+alone] {
			lines, err := r.blockLines(blk, d, true, width)
			if err != nil {
				return printed{err: err}
			}
			write(lines)
		}
		i += alone
	}
	return printed{text: b.String()}
}

// flowingRun returns the Markdown of the flowing paragraphs that blocks
// begin with: paragraphs of one line of Markdown, wrapped to width as
// they are, that are no heading, list item, code, table or block quote,
// and do not begin with a colon, which after another paragraph would
// make it a term and this its definition (": a fruit" after "Apple").
// Glamour renders such paragraphs one after another as it renders each
// alone, a blank line between them, and a render costs glamour much the
// same whatever its length, so they are rendered together.
func flowingRun(r *renderers, d *model.Document, blocks []block, width int) []string {
	var markdown []string
	for _, blk := range blocks {
		if blk.kind != blockParagraph {
			break
		}
		p := d.Paragraphs[blk.paragraph]
		if p.Heading || p.Item != "" || p.Code || p.Table || p.Quoted {
			break
		}
		md := blk.markdown(d, true)
		if strings.Contains(md, "\n") || strings.HasPrefix(md, ":") || wrapWidth(r.cells, md, width) != width {
			break
		}
		markdown = append(markdown, md)
	}
	return markdown
}

// flowingLines renders the Markdown of flowing paragraphs, and returns
// each paragraph's lines, as blockLines would: the paragraphs of plain
// prose each by plainLines, the others together in one glamour render,
// split into the runs of lines between blank ones. It reports false,
// when those runs are not one a paragraph, for the paragraphs to be
// rendered one by one. Each paragraph wraps to width as it is, and so do
// they all.
func (r *renderers) flowingLines(markdown []string, width int) ([][]string, bool) {
	runs := make([][]string, len(markdown))
	var rest []int // the paragraphs glamour renders
	for i, md := range markdown {
		if lines, ok := r.plainLines(md, width); ok {
			runs[i] = lines
		} else {
			rest = append(rest, i)
		}
	}
	if len(rest) == 0 {
		return runs, true
	}
	joined := make([]string, len(rest))
	for k, i := range rest {
		joined[k] = markdown[i]
	}
	lines, err := r.glamourLines(strings.Join(joined, "\n\n"), width)
	if err != nil {
		return nil, false
	}
	k, start := 0, 0
	for i := 0; i <= len(lines); i++ {
		if i == len(lines) || isBlankLine(lines[i]) {
			if i > start {
				if k == len(rest) {
					return nil, false
				}
				runs[rest[k]] = lines[start:i]
				k++
			}
			start = i + 1
		}
	}
	return runs, k == len(rest)
}
