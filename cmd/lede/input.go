package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/lede-tui/lede/model"
)

// articleExts are the extensions of the files lede opens in a directory.
var articleExts = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}

// inputs reads what the command line names: files, directories, URLs,
// standard input, or the built-in sample.
type inputs struct {
	stdin *os.File
	// stderr takes notes for the user while reading, such as that lede
	// waits for standard input typed at the terminal.
	stderr io.Writer
	// format overrides the reader chosen from content and name.
	format model.Format
	// recursive opens the articles in subdirectories too.
	recursive bool
	// force reads input that looks binary.
	force bool
	// maxSize is the largest file or standard input read, in bytes.
	maxSize int64
	fetcher *fetcher
}

// isURL reports whether arg is an http or https address.
func isURL(arg string) bool {
	lower := strings.ToLower(arg)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// expand turns the arguments into the list of documents to read: a
// directory gives the articles in it (by extension, hidden files left
// out, in name order), and a file or URL named twice is read once.
func (in *inputs) expand(args []string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(name string) {
		key := name
		if !isURL(name) && name != "-" {
			key = canonicalPath(name)
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, name)
		}
	}
	for _, arg := range args {
		if arg == "-" || isURL(arg) {
			add(arg)
			continue
		}
		info, err := os.Stat(arg)
		if err != nil || !info.IsDir() {
			add(arg) // reading it reports the error
			continue
		}
		files, err := in.articlesIn(arg)
		if err != nil {
			return nil, err
		}
		if len(files) == 0 {
			return nil, fmt.Errorf("%s: no articles in it (%s)", arg, strings.Join(articleExts, ", "))
		}
		for _, f := range files {
			add(f)
		}
	}
	return out, nil
}

// canonicalPath names a file the same way however it was written, so it
// is read once.
func canonicalPath(name string) string {
	if abs, err := filepath.Abs(name); err == nil {
		name = abs
	}
	if real, err := filepath.EvalSymlinks(name); err == nil {
		name = real
	}
	return name
}

// articlesIn lists the article files in dir, and in its subdirectories
// when recursive, skipping hidden files and directories. dir may be a
// symbolic link to a directory, and the files in it links to files;
// links to directories inside are not followed, so no walk can loop.
func (in *inputs) articlesIn(dir string) ([]string, error) {
	var files []string
	root := dir
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		root = real
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
		}
		hidden := strings.HasPrefix(d.Name(), ".") && path != root
		switch {
		case d.IsDir() && path != root && (hidden || !in.recursive):
			return fs.SkipDir
		case d.IsDir(), hidden:
			return nil
		case slices.Contains(articleExts, strings.ToLower(filepath.Ext(path))) && isRegular(path, d):
			rel, _ := filepath.Rel(root, path)
			files = append(files, filepath.Join(dir, rel))
		}
		return nil
	})
	return files, err
}

// isRegular reports whether the walked entry d at path is a regular file,
// or a link to one.
func isRegular(path string, d fs.DirEntry) bool {
	if d.Type()&fs.ModeSymlink != 0 {
		info, err := os.Stat(path)
		return err == nil && info.Mode().IsRegular()
	}
	return d.Type().IsRegular()
}

// read returns the bytes of one input: a file, a URL, "-" for standard
// input, or "" for piped standard input or, from a terminal, the sample.
func (in *inputs) read(ctx context.Context, name string) (model.Input, error) {
	input := model.Input{Name: name, Format: in.format, Force: in.force}
	var err error
	switch {
	case name == "" && isTerminal(in.stdin):
		input.Name, input.Data = model.SampleName, model.Sample
	case name == "" || name == "-":
		input.Name = "-"
		if isTerminal(in.stdin) {
			fmt.Fprintln(in.stderr, "lede: reading standard input; end it with ctrl+d")
		}
		input.Data, err = in.readCapped(in.stdin, "standard input")
	case isURL(name):
		fetched, ferr := in.fetcher.fetch(ctx, name)
		fetched.Format, fetched.Force = in.format, in.force
		return fetched, ferr
	default:
		input.Data, err = in.readFile(name)
	}
	return input, err
}

// readFile reads a file, refusing a directory and more than maxSize bytes.
func (in *inputs) readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, fmt.Errorf("read %s: is a directory", name)
	}
	return in.readCapped(f, name)
}

// readCapped reads f to the end, or fails past maxSize bytes. Unless
// --force, it judges the first bytes first and refuses binary input at
// once, so that /dev/zero or an image piped in is not read to the cap. A
// regular file is refused for its size before it is read, and read into
// one buffer of that size.
func (in *inputs) readCapped(f *os.File, name string) ([]byte, error) {
	var size int64
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		if size = info.Size(); size > in.maxSize {
			return nil, in.tooLarge(name)
		}
	}
	var r io.Reader = f
	if !in.force {
		br := bufio.NewReaderSize(r, model.BinarySniffLen)
		head, err := br.Peek(model.BinarySniffLen)
		if err != nil && err != io.EOF {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		if err := model.CheckBinary(name, head); err != nil {
			return nil, err
		}
		r = br
	}
	data, over, err := readAtMost(r, in.maxSize, size)
	switch {
	case err != nil:
		return nil, fmt.Errorf("read %s: %w", name, err)
	case over:
		return nil, in.tooLarge(name)
	}
	return data, nil
}

// Buffers readAtMost reads an input of unknown length into: the first
// is firstChunk bytes, each next one twice the last, up to maxChunk.
const (
	firstChunk = 64 << 10
	maxChunk   = 4 << 20
)

// readAtMost reads r to the end, or stops as soon as it has read more
// than limit bytes and reports that r is over it. size is r's length when
// known (a regular file's, a page's Content-Length), read into one buffer
// of that length; else r is read into buffers of growing length, joined
// at the end. So an input longer than the limit (yes | lede) never holds
// more than the limit and one buffer, where reading into one growing
// slice held twice that at the last growth.
func readAtMost(r io.Reader, limit, size int64) ([]byte, bool, error) {
	var chunks [][]byte
	var total int64
	next := int64(firstChunk)
	if size > 0 {
		next = size + 1 // one byte more, to meet the end in the same read
	}
	for {
		chunk := make([]byte, min(next, limit+1-total))
		n, err := fill(r, chunk)
		chunks, total = append(chunks, chunk[:n]), total+int64(n)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, err
		}
		if total > limit {
			return nil, true, nil
		}
		next = min(max(next, firstChunk)*2, maxChunk)
	}
	if len(chunks) == 1 {
		return chunks[0], false, nil
	}
	data := make([]byte, 0, total)
	for _, c := range chunks {
		data = append(data, c...)
	}
	return data, false, nil
}

// fill reads from r until buf is full or r fails, and returns how much
// it read and r's error (io.EOF at the end), unlike io.ReadFull, which
// turns an end in the middle of buf into io.ErrUnexpectedEOF and so hides
// an input cut short.
func fill(r io.Reader, buf []byte) (int, error) {
	n := 0
	for n < len(buf) {
		k, err := r.Read(buf[n:])
		n += k
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// tooLarge is the error for an input over the cap.
func (in *inputs) tooLarge(name string) error {
	return fmt.Errorf("read %s: larger than %s (--max-size raises the limit)", name, byteSize(in.maxSize))
}

// parseSize reads a size such as "200MB", "1.5G", "64k" or "1000" (bytes),
// in powers of 1024.
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	unit := 1.0
	if n := len(t); n > 0 {
		if i := strings.IndexByte("KMGT", t[n-1]); i >= 0 {
			unit, t = float64(int64(1)<<(10*(i+1))), strings.TrimSpace(t[:n-1])
		}
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v*unit < 1 || v*unit > 1<<40 || math.IsNaN(v) {
		return 0, fmt.Errorf("--max-size %q is not a size from 1 byte to 1 TB (e.g. 500MB)", s)
	}
	return int64(v * unit), nil
}

// parse reads and extracts one input.
func (in *inputs) parse(ctx context.Context, name string) (*model.Document, error) {
	input, err := in.read(ctx, name)
	if err != nil {
		return nil, err
	}
	return model.Parse(input)
}

// parseLayout reads the input named name into a document carrying what
// print shows of an extraction: the speaker labels, not sections, quotes
// or entities (see model.ExtractLabels). An input of boundedPrintBytes
// or more then bounds print's heap to what it holds and printHeadroom
// more (see boundPrintHeap).
func (in *inputs) parseLayout(ctx context.Context, name string) (*model.Document, error) {
	debug.SetMemoryLimit(math.MaxInt64) // the last document's bound is no bound of this one's
	input, err := in.read(ctx, name)
	if err != nil {
		return nil, err
	}
	size := len(input.Data)
	d, err := model.Read(input)
	if err != nil {
		return nil, err
	}
	d.Extraction = model.ExtractLabels(d)
	if size >= boundedPrintBytes {
		boundPrintHeap()
	}
	return d, nil
}

const (
	// boundedPrintBytes is the size of input from which print bounds its
	// heap: below it the heap stays small whatever GOGC does with it, and
	// printing a directory of articles should not collect and return
	// memory before each.
	boundedPrintBytes = 1 << 20
	// printHeadroom is how much more heap print may use than it holds
	// when it starts: room for the chunks rendered ahead of the writing
	// and for glamour's garbage between two collections.
	printHeadroom = 12 << 20
)

// boundPrintHeap sets the Go runtime's soft memory limit to the memory
// the process holds now, after a collection, and printHeadroom more.
// Rendering allocates a hundred times the text it renders, all of it
// garbage at once; under the default GOGC the heap would grow to twice
// what it holds, a second document's worth, before each collection.
func boundPrintHeap() {
	debug.FreeOSMemory()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	held := m.Sys - m.HeapReleased // what the limit counts
	debug.SetMemoryLimit(int64(held) + printHeadroom)
}

// readInput reads input into a document, not extracted yet, or passes on
// the error of getting it.
func readInput(input model.Input, err error) (*model.Document, error) {
	if err != nil {
		return nil, err
	}
	return model.Read(input)
}
