// Command lede is a terminal reader for interviews and news articles: it
// cleans an article of web boilerplate and shows it beside the questions
// and answers, quotes and entities it extracts.
package main

import (
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

// maxInput is the largest input lede reads, in bytes.
const maxInput = 200 << 20

// defaultWidth is the print width when stdout is not a terminal, and
// maxWidth caps it for reading comfort on wide terminals.
const (
	defaultWidth = 80
	maxWidth     = 100
)

// Exit statuses.
const (
	exitOK    = 0
	exitError = 1
	exitUsage = 2
)

const usage = `lede reads interviews and news articles in the terminal.

Usage:
  lede [--style STYLE] [FILE|-]        open the reader
  lede print [flags] [FILE|-]          print the rendered article
  lede extract [flags] [FILE|-]        print the extracted structure as JSON
  lede help [COMMAND]                  show help

With no FILE and a terminal on standard input, lede opens the sample
interview built into it; "-" or piped input reads standard input. When
standard output is not a terminal, "lede FILE" works like "lede print FILE".

Flags:
  --style STYLE   dark, light, notty, ascii or a glamour JSON style file
                  (default: from the terminal's background; notty when
                  output is not a terminal or NO_COLOR is set)
  --version       print the version and exit
  -h, --help      show help

Run "lede help print" or "lede help extract" for their flags; the README
lists every key of the reader.
`

const printUsage = `Usage: lede print [--style STYLE] [--width N] [FILE|-]

Prints the article rendered for the terminal: title, metadata line,
sections and paragraphs, web boilerplate removed.

Flags:
  --style STYLE   dark, light, notty, ascii or a glamour JSON style file
                  (default: from the terminal's background; notty when
                  output is not a terminal or NO_COLOR is set)
  --width N       wrap width in columns (default: the terminal's width,
                  at most 100; 80 when output is not a terminal)
`

const extractUsage = `Usage: lede extract [--format json] [FILE|-]

Prints the document as one JSON object: title, byline, source, date,
paragraphs, sections, turns, qa, quotes, entities and removed. The README
documents every field.

Flags:
  --format FORMAT   output format; only json (the default) for now
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// usageError is a mistake in the command line: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run is lede's whole command line; it returns the exit status.
func run(args []string, stdin, stdout *os.File, stderr io.Writer) int {
	cmd := ""
	if len(args) > 0 {
		switch args[0] {
		case "print", "extract", "help":
			cmd, args = args[0], args[1:]
		}
	}
	var err error
	switch cmd {
	case "help":
		err = showHelp(args, stdout)
	case "print":
		err = runPrint(args, stdin, stdout)
	case "extract":
		err = runExtract(args, stdin, stdout)
	default:
		err = runReader(args, stdin, stdout)
	}
	var uerr usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &uerr):
		fmt.Fprintf(stderr, "lede: %s (see 'lede --help')\n", uerr.msg)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "lede: %s\n", err)
		return exitError
	}
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
	showVersion bool
}

// newFlagSet makes a silent flag set with the common flags; run reports
// its errors itself.
func newFlagSet(name string, c *commonFlags) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&c.style, "style", "", "")
	fs.BoolVar(&c.showVersion, "version", false, "")
	return fs
}

// parseFlags parses flags anywhere among the arguments ("lede extract FILE
// --format json"), returning the positional ones. After "--" every
// argument is positional. At most one FILE is accepted.
func parseFlags(fs *flag.FlagSet, args []string, help string, stdout io.Writer) (string, error) {
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
				return "", err
			}
			return "", usageError{flagMessage(err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos, args = append(pos, args[0]), args[1:]
	}
	pos = append(pos, rest...)
	if len(pos) > 1 {
		return "", usageError{fmt.Sprintf("too many arguments: %s", strings.Join(pos, " "))}
	}
	if len(pos) == 1 {
		return pos[0], nil
	}
	return "", nil
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
	v := version
	if v == "" {
		v = "(devel)"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
			v = info.Main.Version
		}
	}
	_, err := fmt.Fprintf(stdout, "lede %s\n", v)
	return err
}

// runReader opens the reader, or prints when stdout is not a terminal.
func runReader(args []string, stdin, stdout *os.File) error {
	var c commonFlags
	fs := newFlagSet("lede", &c)
	file, err := parseFlags(fs, args, usage, stdout)
	if err != nil || c.showVersion {
		return versionOr(err, c.showVersion, stdout)
	}
	if !isTerminal(stdout) {
		return printDocument(file, c.style, 0, stdin, stdout)
	}
	if err := ui.CheckStyle(c.style); err != nil {
		return err
	}
	name, data, err := readInput(file, stdin)
	if err != nil {
		return err
	}
	// The reader shows the text at once and extracts it in the background.
	doc, err := model.Read(name, data)
	if err != nil {
		return err
	}
	opts := ui.Options{Style: c.style, Plain: noColor()}
	if opts.Plain && opts.Style == "" {
		opts.Style = ui.StyleNoTTY
	}
	if _, err := tea.NewProgram(ui.New(doc, opts)).Run(); err != nil {
		return fmt.Errorf("reader: %w", err)
	}
	return nil
}

// runPrint is "lede print".
func runPrint(args []string, stdin, stdout *os.File) error {
	var c commonFlags
	fs := newFlagSet("print", &c)
	width := fs.Int("width", 0, "")
	file, err := parseFlags(fs, args, printUsage, stdout)
	if err != nil || c.showVersion {
		return versionOr(err, c.showVersion, stdout)
	}
	if *width < 0 || *width > 10000 {
		return usageError{fmt.Sprintf("--width %d is out of range (1 to 10000, or 0 for the terminal's width)", *width)}
	}
	return printDocument(file, c.style, *width, stdin, stdout)
}

// printDocument renders the article in file to stdout.
func printDocument(file, style string, width int, stdin, stdout *os.File) error {
	if err := ui.CheckStyle(style); err != nil {
		return err
	}
	doc, err := load(file, stdin)
	if err != nil {
		return err
	}
	tty := isTerminal(stdout)
	if style == "" {
		switch {
		case !tty || noColor():
			style = ui.StyleNoTTY
		default:
			style = ui.TerminalStyle(stdout)
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
func runExtract(args []string, stdin, stdout *os.File) error {
	var c commonFlags
	fs := newFlagSet("extract", &c)
	format := fs.String("format", "json", "")
	file, err := parseFlags(fs, args, extractUsage, stdout)
	if err != nil || c.showVersion {
		return versionOr(err, c.showVersion, stdout)
	}
	if *format != "json" {
		return usageError{fmt.Sprintf("unknown format %q: only json is supported", *format)}
	}
	doc, err := load(file, stdin)
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

// load reads and parses the input: FILE, "-" for stdin, or with no FILE
// either piped stdin or, from a terminal, the built-in sample.
func load(file string, stdin *os.File) (*model.Document, error) {
	name, data, err := readInput(file, stdin)
	if err != nil {
		return nil, err
	}
	return model.Parse(name, data)
}

// readInput returns the input's name and bytes, refusing more than
// maxInput bytes.
func readInput(file string, stdin *os.File) (string, []byte, error) {
	switch {
	case file == "" && isTerminal(stdin):
		return model.SampleName, model.Sample, nil
	case file == "" || file == "-":
		data, err := readCapped(stdin, "standard input")
		return "-", data, err
	}
	f, err := os.Open(file)
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return "", nil, fmt.Errorf("read %s: is a directory", file)
	}
	data, err := readCapped(f, file)
	return file, data, err
}

// readCapped reads r to the end, or fails past maxInput bytes.
func readCapped(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("read %s: larger than %d MB", name, maxInput>>20)
	}
	return data, nil
}

// isTerminal reports whether f is a terminal.
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}

// noColor reports whether the NO_COLOR convention asks for no colour.
func noColor() bool {
	return os.Getenv("NO_COLOR") != ""
}
