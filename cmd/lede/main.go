// Command lede is a terminal reader for interviews and news articles: it
// cleans an article of web boilerplate and shows it beside the questions
// and answers, quotes and entities it extracts.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/ui"
	"golang.org/x/term"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version from the build info is used.
var version = ""

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

const usage = `lede reads interviews and news articles in the terminal.

Usage:
  lede [flags] [FILE|DIR|URL|-]...     open the reader
  lede print [flags] [FILE|URL|-]      print the rendered article
  lede extract [flags] [FILE|URL|-]    print the extracted structure as JSON
  lede help [COMMAND]                  show help

A FILE may be plain text, Markdown or HTML, in any common encoding; a URL
starts with http:// or https://. With no FILE and a terminal on standard
input, lede opens the sample interview built into it; "-" or piped input
reads standard input. Several FILEs, or a DIR, open a shelf of documents
to choose from. When standard output is not a terminal, "lede FILE" works
like "lede print FILE".

Flags:
  --style STYLE   auto, ascii, dark, dracula, light, nocolor, notty,
                  pink, tokyo-night or a glamour JSON style file
                  (default: auto, dark or light as the terminal's
                  background is; notty when output is not a terminal,
                  nocolor when NO_COLOR is set)
  --format FMT    read the input as txt, md or html (default: from its
                  content, then its name); --from is the same
  -r              open the articles in the subdirectories of a DIR too
  --force         read a file that looks binary (NUL bytes, an image...)
  --max-size N    refuse inputs larger than N (default 200MB; 20MB for a
                  URL unless set), e.g. 500MB or 1G
  --version       print the version and exit
  -h, --help      show help

Run "lede help print" or "lede help extract" for their flags; the README
lists every key of the reader.
`

const printUsage = `Usage: lede print [--style STYLE] [--width N] [--format FMT] [FILE|URL|-]

Prints the article rendered for the terminal: title, metadata line,
sections and paragraphs, web boilerplate removed.

Flags:
  --style STYLE   auto, ascii, dark, dracula, light, nocolor, notty,
                  pink, tokyo-night or a glamour JSON style file
                  (default: auto, dark or light as the terminal's
                  background is; notty when output is not a terminal,
                  nocolor when NO_COLOR is set)
  --width N       wrap width in columns, 1 to 500 (default: the
                  terminal's width, at most 100; 80 when output is not a
                  terminal)
  --format FMT    read the input as txt, md or html (default: from its
                  content, then its name); --from is the same
  --force         read a file that looks binary (NUL bytes, an image...)
  --max-size N    refuse inputs larger than N (default 200MB; 20MB for a
                  URL unless set), e.g. 500MB or 1G
`

const extractUsage = `Usage: lede extract [--format json] [--from FMT] [FILE|URL|-]

Prints the document as one JSON object: title, byline, source, date,
format, paragraphs, sections, turns, qa, quotes, entities and removed.
The README documents every field.

Flags:
  --format FORMAT   output format; only json (the default) for now
  --from FMT        read the input as txt, md or html (default: from its
                    content, then its name)
  --force           read a file that looks binary
  --max-size N      refuse inputs larger than N (default 200MB; 20MB for
                    a URL unless set)
`

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
			status = exitStatus(&ui.PanicError{Value: r, Stack: debug.Stack()}, stderr)
		}
	}()
	cmd := ""
	if len(args) > 0 {
		switch args[0] {
		case "print", "extract", "help":
			cmd, args = args[0], args[1:]
		}
	}
	// ctrl+c ends lede as usual; the reader gets it as a key.
	ctx := context.Background()
	var err error
	switch cmd {
	case "help":
		err = showHelp(args, stdout)
	case "print":
		err = runPrint(ctx, args, stdin, stdout, stderr)
	case "extract":
		err = runExtract(ctx, args, stdin, stdout, stderr)
	default:
		err = runReader(ctx, args, stdin, stdout, stderr)
	}
	return exitStatus(err, stderr)
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
	case err == nil, errors.Is(err, flag.ErrHelp):
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

// showHelp prints the help of lede or of one command.
func showHelp(args []string, stdout io.Writer) error {
	text := usage
	if len(args) > 0 {
		switch args[0] {
		case "print":
			text = printUsage
		case "extract":
			text = extractUsage
		default:
			return usageError{fmt.Sprintf("no help for %q", args[0])}
		}
	}
	_, err := io.WriteString(stdout, text)
	return err
}

// commonFlags are the flags every command takes.
type commonFlags struct {
	style       string
	from        string
	force       bool
	maxSize     string
	showVersion bool
}

// newFlagSet makes a silent flag set with the common flags; run reports
// its errors itself. withFormat makes --format another name for --from,
// for the commands whose output has no formats.
func newFlagSet(name string, c *commonFlags, withFormat bool) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.style, "style", "", "")
	fs.StringVar(&c.from, "from", "", "")
	if withFormat {
		fs.StringVar(&c.from, "format", "", "")
	}
	fs.BoolVar(&c.force, "force", false, "")
	fs.StringVar(&c.maxSize, "max-size", "", "")
	fs.BoolVar(&c.showVersion, "version", false, "")
	return fs
}

// inputs makes the reader of the command line's inputs, checking --from.
func (c *commonFlags) inputs(stdin *os.File, stderr io.Writer) (*inputs, error) {
	in := &inputs{stdin: stdin, stderr: stderr, force: c.force, maxSize: defaultMaxSize, fetcher: newFetcher()}
	if c.maxSize != "" {
		n, err := parseSize(c.maxSize)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		in.maxSize, in.fetcher.limit = n, n
	}
	if c.from != "" {
		f, err := model.ParseFormat(c.from)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		in.format = f
	}
	return in, nil
}

// checkStyle checks --style, and leaves it empty for auto, the default.
func (c *commonFlags) checkStyle() error {
	if c.style == ui.StyleAuto {
		c.style = ""
	}
	return ui.CheckStyle(c.style)
}

// parseFlags parses flags anywhere among the arguments ("lede extract FILE
// --format json"), returning the positional ones. After "--" every
// argument is positional.
func parseFlags(fs *flag.FlagSet, args []string, help string, stdout io.Writer) ([]string, error) {
	var rest []string
	for i, a := range args {
		if a == "--" {
			args, rest = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				io.WriteString(stdout, help)
				return nil, err
			}
			return nil, usageError{flagMessage(err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos, args = append(pos, args[0]), args[1:]
	}
	return append(pos, rest...), nil
}

// oneFile is the single FILE a command takes, or "" for none.
func oneFile(pos []string) (string, error) {
	switch len(pos) {
	case 0:
		return "", nil
	case 1:
		return pos[0], nil
	}
	return "", usageError{fmt.Sprintf("too many arguments: %s", strings.Join(pos, " "))}
}

// flagMessage rewords the flag package's errors as one short clause.
func flagMessage(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "unknown flag -" + name
	}
	return msg
}

// printVersion prints lede's version.
func printVersion(stdout io.Writer) error {
	_, err := fmt.Fprintf(stdout, "lede %s\n", currentVersion())
	return err
}

// currentVersion is the version set at build time, else the module's.
func currentVersion() string {
	if version != "" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}

// runReader opens the reader on one document or a shelf of several, or
// prints when stdout is not a terminal.
func runReader(ctx context.Context, args []string, stdin, stdout *os.File, stderr io.Writer) error {
	var c commonFlags
	fs := newFlagSet("lede", &c, true)
	recursive := fs.Bool("r", false, "")
	pos, err := parseFlags(fs, args, usage, stdout)
	if err != nil || c.showVersion {
		return versionOr(err, c.showVersion, stdout)
	}
	in, err := c.inputs(stdin, stderr)
	if err != nil {
		return err
	}
	in.recursive = *recursive
	if err := c.checkStyle(); err != nil {
		return err
	}
	names := []string{""}
	if len(pos) > 0 {
		if names, err = in.expand(pos); err != nil {
			return err
		}
	}
	if !isTerminal(stdout) {
		return printAll(ctx, in, names, c.style, stdout, stderr)
	}
	opts := ui.Options{Style: c.style, Plain: noColor()}
	if opts.Plain && opts.Style == "" {
		opts.Style = ui.StyleNoColor
	}
	var root tea.Model
	if len(names) == 1 && !isDir(pos) {
		input, err := in.read(ctx, names[0])
		if err != nil {
			return err
		}
		// The reader shows the text at once and extracts it in the
		// background.
		doc, err := model.Read(input)
		if err != nil {
			return err
		}
		root = ui.New(doc, opts)
	} else {
		// The shelf reads each document again to open it; only standard
		// input is kept, read now: once the reader runs, the terminal's
		// keys come in on it.
		sources := make([]ui.Source, len(names))
		for i, name := range names {
			load := func() (*model.Document, error) { return readInput(in.read(ctx, name)) }
			if name == "-" {
				input, err := in.read(ctx, name)
				load = func() (*model.Document, error) { return readInput(input, err) }
			}
			sources[i] = ui.Source{Name: name, Load: func() (*model.Document, error) {
				doc, err := load()
				return doc, withHint(err)
			}}
		}
		root = ui.NewShelf(sources, opts)
	}
	return runTerminal(ctx, root, stdin, stdout)
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

// printAll prints each document in turn, a blank line between them. A
// document that cannot be read is reported on stderr and skipped, and the
// error returned then counts them; a failed write stops at once.
func printAll(ctx context.Context, in *inputs, names []string, style string, stdout *os.File, stderr io.Writer) error {
	if len(names) == 1 {
		return printDocument(ctx, in, names[0], style, 0, stdout)
	}
	failed, printed := 0, 0
	for _, name := range names {
		doc, err := in.parse(ctx, name)
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
		if err := writeDocument(doc, style, 0, stdout); err != nil {
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
func runPrint(ctx context.Context, args []string, stdin, stdout *os.File, stderr io.Writer) error {
	var c commonFlags
	fs := newFlagSet("print", &c, true)
	width := fs.Int("width", 0, "")
	pos, err := parseFlags(fs, args, printUsage, stdout)
	if err != nil || c.showVersion {
		return versionOr(err, c.showVersion, stdout)
	}
	file, err := oneFile(pos)
	if err != nil {
		return err
	}
	if *width < 0 || *width > maxPrintWidth {
		return usageError{fmt.Sprintf("--width %d is out of range (1 to %d, or 0 for the terminal's width)", *width, maxPrintWidth)}
	}
	in, err := c.inputs(stdin, stderr)
	if err != nil {
		return err
	}
	if err := c.checkStyle(); err != nil {
		return err
	}
	return printDocument(ctx, in, file, c.style, *width, stdout)
}

// printDocument renders the article named name to stdout.
func printDocument(ctx context.Context, in *inputs, name, style string, width int, stdout *os.File) error {
	doc, err := in.parse(ctx, name)
	if err != nil {
		return err
	}
	return writeDocument(doc, style, width, stdout)
}

// writeDocument renders doc to stdout, in the terminal's style and width
// unless given.
func writeDocument(doc *model.Document, style string, width int, stdout *os.File) error {
	tty := isTerminal(stdout)
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
		if w, _, err := term.GetSize(int(stdout.Fd())); err == nil && tty && w > 0 {
			width = min(w, maxWidth)
		}
	}
	out, err := ui.Print(doc, style, width)
	if err != nil {
		return err
	}
	_, err = io.WriteString(stdout, out)
	return err
}

// runExtract is "lede extract".
func runExtract(ctx context.Context, args []string, stdin, stdout *os.File, stderr io.Writer) error {
	var c commonFlags
	fs := newFlagSet("extract", &c, false)
	format := fs.String("format", "json", "")
	pos, err := parseFlags(fs, args, extractUsage, stdout)
	if err != nil || c.showVersion {
		return versionOr(err, c.showVersion, stdout)
	}
	file, err := oneFile(pos)
	if err != nil {
		return err
	}
	if *format != "json" {
		if f, err := model.ParseFormat(*format); err == nil {
			return usageError{fmt.Sprintf("--format is the output format, only json; --from %s reads the input as %s", f, f)}
		}
		return usageError{fmt.Sprintf("unknown format %q: only json is supported", *format)}
	}
	in, err := c.inputs(stdin, stderr)
	if err != nil {
		return err
	}
	doc, err := in.parse(ctx, file)
	if err != nil {
		return err
	}
	return doc.WriteJSON(stdout)
}

// versionOr prints the version when asked, else passes err on.
func versionOr(err error, showVersion bool, stdout io.Writer) error {
	if err == nil && showVersion {
		return printVersion(stdout)
	}
	return err
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// noColor reports whether the NO_COLOR convention asks for no colour.
func noColor() bool {
	return os.Getenv("NO_COLOR") != ""
}
