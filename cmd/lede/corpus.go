package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/ui"
	"github.com/schollz/progressbar/v3"
)

// corpus extracts many inputs into JSON Lines: one line per input, in the
// inputs' order, a document's (model.Document.WriteJSONLine) or, for an
// input that fails, its error's (model.WriteErrorLine).
type corpus struct {
	in *inputs
	// parse reads and extracts one input; nil is in.parse.
	parse func(ctx context.Context, name string) (*model.Document, error)
	// jobs is how many inputs are read and extracted at once.
	jobs int
	// progress, when not nil, counts the inputs done and failed.
	progress *progressbar.ProgressBar
}

// extracted is the line of one input, and whether it is an error line.
type extracted struct {
	line   *lineBuffer
	failed bool
}

// Chunks of a lineBuffer: the first is firstLineChunk bytes, each next
// one twice the last, up to maxLineChunk.
const (
	firstLineChunk = 4 << 10
	maxLineChunk   = 1 << 20
)

// lineBuffer gathers a line in chunks, never copied once written: a
// large document's line runs to tens of megabytes, which a bytes.Buffer
// would copy at each doubling, holding half as much again at the last.
type lineBuffer struct {
	chunks [][]byte
}

// Write appends p to the line; it cannot fail.
func (b *lineBuffer) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		last := len(b.chunks) - 1
		if last < 0 || len(b.chunks[last]) == cap(b.chunks[last]) {
			size := firstLineChunk
			if last >= 0 {
				size = min(2*cap(b.chunks[last]), maxLineChunk)
			}
			b.chunks = append(b.chunks, make([]byte, 0, size))
			last++
		}
		k := min(len(p), cap(b.chunks[last])-len(b.chunks[last]))
		b.chunks[last] = append(b.chunks[last], p[:k]...)
		p = p[k:]
	}
	return n, nil
}

// WriteTo writes the line to w.
func (b *lineBuffer) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, c := range b.chunks {
		k, err := w.Write(c)
		n += int64(k)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// task is one input to extract, and where its line goes.
type task struct {
	name string
	done chan<- extracted
}

// run extracts the inputs named by names and writes their lines to w in
// the order of names, each as soon as it and those before it are done.
// Up to jobs inputs are extracted at once, and at most 2×jobs lines wait
// in memory to be written, so memory is bounded by the window, not the
// number of inputs. It returns how many inputs failed, and the first
// error writing to w, which stops the run.
func (c *corpus) run(ctx context.Context, names []string, w io.Writer) (failed int, err error) {
	ctx, cancel := context.WithCancel(ctx)
	tasks := make(chan task)
	// order holds each pending input's result channel in input order; its
	// capacity is the window of inputs in flight.
	order := make(chan chan extracted, 2*c.jobs)
	var workers sync.WaitGroup
	for range c.jobs {
		workers.Go(func() {
			for t := range tasks {
				t.done <- c.extract(ctx, t.name)
			}
		})
	}
	go func() {
		defer close(order)
		defer close(tasks)
		for _, name := range names {
			done := make(chan extracted, 1)
			select {
			case order <- done:
			case <-ctx.Done():
				return
			}
			select {
			case tasks <- task{name, done}:
			case <-ctx.Done():
				return
			}
		}
	}()
	// On the way out, early or not, the feeder stops and the workers
	// finish the inputs they hold.
	defer func() {
		cancel()
		workers.Wait()
	}()
	bw := bufio.NewWriterSize(w, 64<<10)
	for done := range order {
		var x extracted
		select {
		case x = <-done:
		case <-ctx.Done():
			return failed, ctx.Err()
		}
		if x.failed {
			failed++
		}
		if _, err := x.line.WriteTo(bw); err != nil {
			return failed, err
		}
		c.tick(failed)
	}
	if err := bw.Flush(); err != nil {
		return failed, err
	}
	if c.progress != nil {
		return failed, c.progress.Finish()
	}
	return failed, nil
}

// extract reads and extracts one input into its line, or its error line.
// A panic while doing so, which would end the whole run from this worker
// goroutine, fails this input only: its error line names the panic and
// the file holding its details (see saveCrash).
func (c *corpus) extract(ctx context.Context, name string) (x extracted) {
	defer func() {
		if r := recover(); r != nil {
			x = errorLine(name, crashError(ui.Caught(r)))
		}
	}()
	parse := c.parse
	if parse == nil {
		parse = c.in.parse
	}
	line := &lineBuffer{}
	doc, err := parse(ctx, name)
	if err == nil {
		err = doc.WriteJSONLine(line, name)
	}
	if err == nil {
		return extracted{line: line}
	}
	return errorLine(name, err)
}

// errorLine is the error line of the input name.
func errorLine(name string, err error) extracted {
	line := &lineBuffer{}
	// Writing to a lineBuffer cannot fail.
	_ = model.WriteErrorLine(line, name, withHint(err))
	return extracted{line: line, failed: true}
}

// tick counts one more input done on the progress bar, if any, and the
// errors so far.
func (c *corpus) tick(failed int) {
	if c.progress == nil {
		return
	}
	if failed > 0 {
		c.progress.Describe(fmt.Sprintf("extract, %d failed", failed))
	}
	// The bar only draws on stderr; a failure to draw is no failure of
	// the extraction.
	_ = c.progress.Add(1)
}

// newProgress returns the progress bar of total inputs, drawn on w: the
// inputs done, the rate, the failures and the time left.
func newProgress(w io.Writer, total int) *progressbar.ProgressBar {
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("extract"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

// readNameList reads the names of --files-from: one path or URL a line,
// blank lines skipped.
func readNameList(r io.Reader, from string) ([]string, error) {
	var names []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		if name := strings.TrimSuffix(sc.Text(), "\r"); strings.TrimSpace(name) != "" {
			names = append(names, name)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", from, err)
	}
	return names, nil
}

// openResume opens the JSON Lines file of --resume for appending, made if
// it is not there, and returns the inputs it has a line for. A last line
// without its newline, left by a run that was killed while writing it, is
// cut off, so that its input is done again.
func openResume(path string) (*os.File, map[string]bool, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, nil, err
	}
	done := map[string]bool{}
	r := bufio.NewReaderSize(f, 64<<10)
	var whole int64 // the length of the complete lines
	for n := 1; ; n++ {
		line, err := r.ReadBytes('\n')
		if err == io.EOF {
			break
		}
		if err != nil {
			f.Close()
			return nil, nil, fmt.Errorf("read %s: %w", path, err)
		}
		whole += int64(len(line))
		var head struct{ Input *string }
		if json.Unmarshal(line, &head) != nil || head.Input == nil {
			f.Close()
			return nil, nil, fmt.Errorf("%s:%d is not a line of lede extract --format jsonl", path, n)
		}
		done[*head.Input] = true
	}
	if err := f.Truncate(whole); err != nil {
		f.Close()
		return nil, nil, err
	}
	if _, err := f.Seek(whole, io.SeekStart); err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, done, nil
}
