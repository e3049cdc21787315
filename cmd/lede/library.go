package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/library"
	"github.com/lede-tui/lede/ui"
)

// useLibrary reports whether the reader keeps the library: not with
// --no-library or library = false in the config file.
func (c *command) useLibrary(cfg config) bool {
	return !c.noLibrary && cfg.library
}

// librarySource is how the library names the input: a file by its
// absolute path, a URL as opened, standard input as library.Stdin. The
// built-in sample is not recorded: ok is false.
func librarySource(input model.Input, sample bool) (source string, ok bool) {
	switch {
	case sample:
		return "", false
	case input.Name == "-" || input.Name == "":
		return library.Stdin, true
	case isURL(input.Name):
		return input.Name, true
	}
	return canonicalPath(input.Name), true
}

// memory is the reader's ui.Memory for one document, kept in the
// library: Place opens the library, records the document and looks its
// place up, all off the UI goroutine; SetPlace hands the place to a
// goroutine that writes the latest one, so the UI never waits for the
// file. A library that cannot be opened or written is left alone, and
// Close reports why.
type memory struct {
	path       string
	doc        library.Document
	data       []byte
	paragraphs []string
	// fromStart ignores the place kept (--from-start).
	fromStart bool

	mu sync.Mutex
	// lib is the library, nil until Place opened it; id is the
	// document's in it, 0 until Place recorded it;
	// next is the place to write, nil when written; ops are the marks,
	// highlights and corrections to write, in the order the reader made
	// them.
	lib  *library.Library
	id   int64
	next *library.Anchor
	ops  []func(lib *library.Library, id int64) error
	// marks, highlights and corrections are the document's as Place
	// read them; highlightIDs are the library's IDs of the highlights by
	// span, as read and as written.
	marks        map[rune]model.Mention
	highlights   []ui.Highlight
	corrections  []ui.Correction
	highlightIDs map[model.Mention]int64
	// err is the first error, reported when the reader is done.
	err    error
	closed bool
	// placing is closed when a Place that started has returned; nil
	// before one starts.
	placing chan struct{}
	// wake tells the writer there is a place to write; done is closed
	// when it has stopped.
	wake chan struct{}
	done chan struct{}
}

// newMemory makes the memory of doc, read from input, in the library
// file at path, and starts its writer.
func newMemory(path string, input model.Input, source string, doc *model.Document, fromStart bool) *memory {
	m := &memory{
		path:         path,
		data:         input.Data,
		doc:          library.Document{Source: source},
		fromStart:    fromStart,
		highlightIDs: map[model.Mention]int64{},
		wake:         make(chan struct{}, 1),
		done:         make(chan struct{}),
	}
	m.setDocument(doc)
	go m.write()
	return m
}

// setDocument makes doc the document the memory records and keeps places
// in: the one it was made with, or the whole of it when it was made with
// its head (see model.ReadHead). The reader asks for the place, and
// tells places, only once it has the whole, after this returned.
func (m *memory) setDocument(doc *model.Document) {
	m.doc.Title, m.doc.Byline, m.doc.SourceName, m.doc.Date = doc.Title, doc.Byline, doc.Source, doc.Date
	m.doc.Format = string(doc.Format)
	m.paragraphs = make([]string, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		m.paragraphs[i] = p.Text
	}
}

// Place opens the library, records the document as opened now, with
// its text, reads its marks for Annotations, and returns where the
// reader left it, found again by its text if it changed.
func (m *memory) Place() (paragraph, offset int, ok bool) {
	m.mu.Lock()
	if m.closed {
		m.mu.Unlock()
		return 0, 0, false
	}
	m.placing = make(chan struct{})
	defer close(m.placing)
	m.mu.Unlock()
	lib, err := library.Open(m.path)
	if err != nil {
		m.fail(fmt.Errorf("%w; read without the library", err))
		return 0, 0, false
	}
	m.mu.Lock()
	m.lib = lib
	m.mu.Unlock()
	if m.doc.Hash == "" {
		m.doc.Hash = library.Hash(m.data)
	}
	id, err := lib.Record(m.doc, strings.Join(m.paragraphs, "\n\n"))
	if err != nil {
		m.fail(fmt.Errorf("%w; the document was not recorded", err))
		return 0, 0, false
	}
	anchor, kept, err := lib.Place(id)
	m.readAnnotations(lib, id)
	m.mu.Lock()
	m.id = id
	m.mu.Unlock()
	m.poke()
	if err != nil {
		m.fail(err)
		return 0, 0, false
	}
	if !kept || m.fromStart {
		return 0, 0, false
	}
	p, off, _ := anchor.Resolve(m.paragraphs)
	return p, off, true
}

// SetPlace keeps paragraph p, byte off as the reader's place, to be
// written by the writer.
func (m *memory) SetPlace(p, off int) {
	a := library.NewAnchor(m.paragraphs, p, off)
	m.mu.Lock()
	m.next = &a
	m.mu.Unlock()
	m.poke()
}

// poke wakes the writer, unless it is awake already or stopped.
func (m *memory) poke() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return
	}
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// write writes the latest place each time it is woken, once the document
// is recorded, and the last one when the memory is closed.
func (m *memory) write() {
	defer close(m.done)
	for range m.wake {
		m.flush()
	}
	m.flush()
}

// flush writes the place and the marks and highlights waiting, if any
// and the document is recorded.
func (m *memory) flush() {
	m.mu.Lock()
	lib, id, next, ops := m.lib, m.id, m.next, m.ops
	if id != 0 {
		m.next, m.ops = nil, nil
	}
	m.mu.Unlock()
	if id == 0 {
		return
	}
	if next != nil {
		if err := lib.SetPlace(id, *next); err != nil {
			m.fail(fmt.Errorf("%w; the place was not kept", err))
		}
	}
	for _, op := range ops {
		if err := op(lib, id); err != nil {
			m.fail(err)
		}
	}
}

// fail keeps the first error.
func (m *memory) fail(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err == nil {
		m.err = err
	}
}

// Close waits for a Place still running (the reader quit at once),
// writes the last place, closes the library and returns the first error
// the library gave, if any.
func (m *memory) Close() error {
	m.mu.Lock()
	m.closed = true
	placing := m.placing
	m.mu.Unlock()
	if placing != nil {
		<-placing
	}
	m.mu.Lock()
	close(m.wake)
	m.mu.Unlock()
	<-m.done
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.lib != nil {
		m.lib.Close()
	}
	return m.err
}

// memories makes the memory of each document a shelf opens, in the
// library file at path, and closes them all when the shelf is done.
type memories struct {
	path string
	// fromStart ignores the places kept (--from-start).
	fromStart bool

	mu   sync.Mutex
	made []*memory
}

// open makes the memory of doc, read from input, recorded as source. A
// shelf calls it off the UI goroutine each time it opens a document.
func (ms *memories) open(input model.Input, source string, doc *model.Document) *memory {
	return ms.add(newMemory(ms.path, input, source, doc, ms.fromStart))
}

// openKept makes the memory of doc, read again from the text the library
// kept for d: it is recorded as d was, with d's facts and hash, which
// tells standard input apart and keeps the text as it is.
func (ms *memories) openKept(d library.Document, doc *model.Document) ui.Memory {
	m := newMemory(ms.path, model.Input{}, d.Source, doc, ms.fromStart)
	m.doc = d
	m.doc.ID, m.doc.Opened = 0, time.Time{}
	return ms.add(m)
}

// add keeps m, to be closed with the others.
func (ms *memories) add(m *memory) *memory {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	ms.made = append(ms.made, m)
	return m
}

// Close closes the memories in the order they were made, so that the
// place of a document opened twice is the later reader's, and returns
// the first error any gave.
func (ms *memories) Close() error {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	var first error
	for _, m := range ms.made {
		if err := m.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// libraryFile opens the library for a command that reads it; exists is
// false, with no error, when there is none yet.
func libraryFile() (lib *library.Library, exists bool, err error) {
	path := library.Path()
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	lib, err = library.Open(path)
	return lib, err == nil, err
}

// findDocument finds DOC in lib: an ID, or a path or URL as opened.
func findDocument(lib *library.Library, doc string) (library.Document, error) {
	d, err := lib.Find(doc)
	if errors.Is(err, library.ErrNotFound) && !isURL(doc) && doc != library.Stdin {
		if d, err2 := lib.Find(canonicalPath(doc)); err2 == nil {
			return d, nil
		}
	}
	return d, err
}

// runLibrary is "lede library": on a terminal, a shelf of the library's
// documents, the most recently opened first; piped, or with --list, their
// list.
func (c *command) runLibrary(ctx context.Context) error {
	lib, ok, err := libraryFile()
	if err != nil {
		return err
	}
	if !ok {
		if isTerminal(c.stdout) && !c.list {
			fmt.Fprintln(c.stdout, "The library is empty: the reader records each document it opens.")
		}
		return nil
	}
	defer lib.Close()
	docs, err := lib.List()
	if err != nil {
		return err
	}
	if !isTerminal(c.stdout) || c.list {
		return writeList(c.stdout, docs)
	}
	in, cfg, err := c.renderSetup()
	if err != nil {
		return err
	}
	mems := &memories{path: library.Path(), fromStart: c.fromStart}
	defer func() {
		if err := mems.Close(); err != nil {
			fmt.Fprintf(c.stderr, "lede: %s\n", model.OneLine(err.Error()))
		}
	}()
	opts := c.readerOptions(cfg)
	opts.TextSearch = librarySearch(lib, docs)
	return runTerminal(ctx, ui.NewShelf(librarySources(ctx, lib, in, docs, mems), opts), c.stdin, c.stdout)
}

// writeList writes docs as a table: id, title, source, last opened.
func writeList(w io.Writer, docs []library.Document) error {
	for _, d := range docs {
		title := d.Title
		if title == "" {
			title = "(untitled)"
		}
		if _, err := fmt.Fprintf(w, "%d\t%s\t%s\t%s\n", d.ID, model.OneLine(title), model.OneLine(d.Source), d.Opened.Local().Format("2006-01-02 15:04")); err != nil {
			return err
		}
	}
	return nil
}

// runForget is "lede library forget DOC...".
func (c *command) runForget(docs []string) error {
	lib, ok, err := libraryFile()
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("%s: %w", docs[0], library.ErrNotFound)
	}
	defer lib.Close()
	for _, doc := range docs {
		d, err := findDocument(lib, doc)
		if err != nil {
			return err
		}
		if err := lib.Forget(d.ID); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "forgot %d\t%s\n", d.ID, model.OneLine(d.Source))
	}
	return nil
}

// searchLimit is the most documents "lede search" lists.
const searchLimit = 50

// found is a search hit as "lede search --json" writes it.
type found struct {
	ID      int64  `json:"id"`
	Title   string `json:"title"`
	Source  string `json:"source"`
	Byline  string `json:"byline,omitempty"`
	Site    string `json:"site,omitempty"`
	Date    string `json:"date,omitempty"`
	Opened  string `json:"opened"`
	Snippet string `json:"snippet"`
}

// runSearch is "lede search QUERY": the documents of the library that
// match, best first, each with a snippet.
func (c *command) runSearch(query []string) error {
	lib, ok, err := libraryFile()
	if err != nil {
		return err
	}
	var hits []library.Hit
	if ok {
		defer lib.Close()
		if hits, err = lib.Search(strings.Join(query, " "), searchLimit); err != nil {
			return err
		}
	}
	if c.asJSON {
		out := make([]found, len(hits))
		for i, h := range hits {
			out[i] = found{ID: h.ID, Title: h.Title, Source: h.Source, Byline: h.Byline, Site: h.SourceName,
				Date: h.Date, Opened: h.Opened.UTC().Format(time.RFC3339), Snippet: h.Snippet}
		}
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(hits) == 0 {
		return fmt.Errorf("no document in the library matches %q", strings.Join(query, " "))
	}
	for _, h := range hits {
		title := h.Title
		if title == "" {
			title = "(untitled)"
		}
		if _, err := fmt.Fprintf(c.stdout, "%d\t%s\t%s\n\t%s\n", h.ID, model.OneLine(title), model.OneLine(h.Source), h.Snippet); err != nil {
			return err
		}
	}
	return nil
}
