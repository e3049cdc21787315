// Command lede is a terminal reader for interviews and news articles: it
// cleans an article of web boilerplate and shows it beside the questions
// and answers, quotes and entities it extracts.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/library"
	"github.com/lede-tui/lede/ui"
	"golang.org/x/term"
)

// defaultMaxSize is the largest file or standard input lede reads, in
// bytes, unless --max-size says otherwise.
const defaultMaxSize = 200 << 20

// defaultWidth is the print width when stdout is not a terminal, and
// maxWidth caps it for reading comfort on wide terminals. maxPrintWidth is
// the widest --width: no terminal shows lines wider, and glamour's work
// and memory grow with the width.
const (
	defaultWidth  = 80
	maxWidth      = 100
	maxPrintWidth = 500
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run is lede's whole command line; it returns the exit status. A panic
// is reported in one line, with its details in a file (see reportCrash).
func run(args []string, stdin, stdout *os.File, stderr io.Writer) (status int) {
	defer func() {
		if r := recover(); r != nil {
			status = exitStatus(ui.Caught(r), stderr)
		}
	}()
	// ctrl+c ends lede as usual; the reader gets it as a key.
	return exitStatus(newCommand(stdin, stdout, stderr).run(context.Background(), args), stderr)
}

// exitStatus reports err on stderr, in one line, and returns the exit
// status it calls for.
func exitStatus(err error, stderr io.Writer) int {
	// Messages can quote file names, URLs and servers' words: they are
	// sanitized so that none can reach the terminal as a control sequence.
	err = withHint(err)
	var uerr usageError
	var serr signalError
	var perr *ui.PanicError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &serr):
		return 128 + int(serr.sig)
	case errors.As(err, &perr):
		reportCrash(perr, stderr)
		return exitError
	case errors.As(err, &uerr):
		fmt.Fprintf(stderr, "lede: %s (see 'lede --help')\n", model.OneLine(uerr.msg))
		return exitUsage
	default:
		fmt.Fprintf(stderr, "lede: %s\n", model.OneLine(err.Error()))
		return exitError
	}
}

// withHint adds to err what the user can do about it, if anything.
func withHint(err error) error {
	if errors.Is(err, model.ErrBinary) {
		return fmt.Errorf("%w; --force reads it anyway", err)
	}
	return err
}

// runReader opens the reader on one document or a shelf of several, or
// prints when stdout is not a terminal.
func (c *command) runReader(ctx context.Context, pos []string) error {
	in, cfg, err := c.renderSetup()
	if err != nil {
		return err
	}
	names := []string{""}
	if len(pos) > 0 {
		if names, err = in.expand(pos); err != nil {
			return err
		}
	}
	if !isTerminal(c.stdout) {
		return printAll(ctx, in, names, c.page(cfg), c.stdout, c.stderr)
	}
	opts := c.readerOptions(cfg)
	var root tea.Model
	if len(names) == 1 && !isDir(pos) {
		input, err := in.read(ctx, names[0])
		if err != nil {
			return err
		}
		// The reader shows the text at once, from the head of a large
		// document, and reads the whole and extracts it in the
		// background.
		doc, err := model.ReadHead(input)
		if err != nil {
			return err
		}
		var mem *memory
		if source, ok := librarySource(input, names[0] == "" && isTerminal(c.stdin)); ok && c.useLibrary(cfg) {
			mem = newMemory(library.Path(), input, source, doc, c.fromStart)
			opts.Memory = mem
			defer func() {
				if err := mem.Close(); err != nil {
					fmt.Fprintf(c.stderr, "lede: %s\n", model.OneLine(err.Error()))
				}
			}()
		}
		if doc.Partial() {
			opts.ReadWhole = readWhole(input, mem)
		}
		root = ui.New(doc, opts)
	} else {
		var mems *memories
		if c.useLibrary(cfg) {
			mems = &memories{path: library.Path(), fromStart: c.fromStart}
			defer func() {
				if err := mems.Close(); err != nil {
					fmt.Fprintf(c.stderr, "lede: %s\n", model.OneLine(err.Error()))
				}
			}()
		}
		root = ui.NewShelf(shelfSources(ctx, in, names, mems), opts)
	}
	return runTerminal(ctx, root, c.stdin, c.stdout)
}

// readWhole reads the whole of input, whose head the reader shows, and
// gives it to the memory, if any, which the reader asks for its place
// only then.
func readWhole(input model.Input, mem *memory) func() (*model.Document, error) {
	return func() (*model.Document, error) {
		doc, err := model.Read(input)
		if err != nil {
			return nil, withHint(err)
		}
		if mem != nil {
			mem.setDocument(doc)
		}
		return doc, nil
	}
}

// readerOptions are the reader's options: the config file's, with the
// style, colour and width of the command line.
func (c *command) readerOptions(cfg config) ui.Options {
	opts := cfg.options()
	opts.Style, opts.Plain = c.style, noColor()
	if c.width != 0 {
		opts.Width = c.width
	}
	if opts.Plain && opts.Style == "" {
		opts.Style = ui.StyleNoColor
	}
	return opts
}

// shelfSources are the documents names on a shelf, each opened with its
// memory in the library when mems is not nil. The shelf reads each
// document again to open it, a large one head first (see
// model.ReadHead); only standard input is kept, read now: once the
// reader runs, the terminal's keys come in on it.
func shelfSources(ctx context.Context, in *inputs, names []string, mems *memories) []ui.Source {
	sources := make([]ui.Source, len(names))
	for i, name := range names {
		read := func() (model.Input, error) { return in.read(ctx, name) }
		if name == "-" {
			input, err := in.read(ctx, name)
			read = func() (model.Input, error) { return input, err }
		}
		sources[i] = ui.Source{
			Name: name,
			Load: func() (*model.Document, error) {
				doc, err := readInput(read())
				return doc, withHint(err)
			},
			Open: func() (ui.Opened, error) {
				input, err := read()
				if err != nil {
					return ui.Opened{}, withHint(err)
				}
				doc, err := model.ReadHead(input)
				if err != nil {
					return ui.Opened{}, withHint(err)
				}
				var mem *memory
				if mems != nil {
					source, _ := librarySource(input, false)
					mem = mems.open(input, source, doc)
				}
				return openedHead(input, doc, mem), nil
			},
		}
	}
	return sources
}

// openedHead is doc, read from input with model.ReadHead, opened with
// memory mem (nil for none): the shelf's reader reads the whole of a
// head as the reader of one document does.
func openedHead(input model.Input, doc *model.Document, mem *memory) ui.Opened {
	opened := ui.Opened{Doc: doc}
	if mem != nil {
		opened.Memory = mem
	}
	if doc.Partial() {
		opened.ReadWhole = readWhole(input, mem)
	}
	return opened
}

// isDir reports whether the only argument is a directory, which opens a
// shelf even when it holds one article.
func isDir(pos []string) bool {
	if len(pos) != 1 {
		return false
	}
	info, err := os.Stat(pos[0])
	return err == nil && info.IsDir()
}

// printLayout is how a document is printed: its glamour style ("" for the
// terminal's), and its width, exactly, or 0 for the terminal's width up to
// measure columns (0 for maxWidth).
type printLayout struct {
	style          string
	width, measure int
}

// printAll prints each document in turn, a blank line between them. A
// document that cannot be read is reported on stderr and skipped, and the
// error returned then counts them; a failed write stops at once.
func printAll(ctx context.Context, in *inputs, names []string, p printLayout, stdout *os.File, stderr io.Writer) error {
	if len(names) == 1 {
		return printDocument(ctx, in, names[0], p, stdout)
	}
	failed, printed := 0, 0
	for _, name := range names {
		doc, err := in.parseLayout(ctx, name)
		if err != nil {
			fmt.Fprintf(stderr, "lede: %s\n", model.OneLine(withHint(err).Error()))
			failed++
			continue
		}
		if printed > 0 {
			if _, err := io.WriteString(stdout, "\n"); err != nil {
				return err
			}
		}
		if err := writeDocument(doc, p, stdout); err != nil {
			return err
		}
		printed++
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d documents could not be read", failed, len(names))
	}
	return nil
}

// runPrint is "lede print".
func (c *command) runPrint(ctx context.Context, file string) error {
	in, cfg, err := c.renderSetup()
	if err != nil {
		return err
	}
	return printDocument(ctx, in, file, c.page(cfg), c.stdout)
}

// printDocument renders the article named name to stdout.
func printDocument(ctx context.Context, in *inputs, name string, p printLayout, stdout *os.File) error {
	doc, err := in.parseLayout(ctx, name)
	if err != nil {
		return err
	}
	return writeDocument(doc, p, stdout)
}

// writeDocument renders doc to stdout, in the terminal's style and width
// unless p sets them.
func writeDocument(doc *model.Document, p printLayout, stdout *os.File) error {
	tty := isTerminal(stdout)
	style, width := p.style, p.width
	if style == "" {
		switch {
		case !tty:
			style = ui.StyleNoTTY
		case noColor():
			style = ui.StyleNoColor
		default:
			style = terminalStyle()
		}
	}
	if width == 0 {
		width = defaultWidth
		if p.measure > 0 {
			width = p.measure
		}
		if w, _, err := term.GetSize(int(stdout.Fd())); err == nil && tty && w > 0 {
			width = min(w, maxWidth)
			if p.measure > 0 {
				width = min(w, p.measure)
			}
		}
	}
	return ui.PrintTo(stdout, doc, style, width)
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// noColor reports whether the NO_COLOR convention asks for no colour.
func noColor() bool {
	return os.Getenv("NO_COLOR") != ""
}
