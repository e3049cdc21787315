package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/ui"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// readerLong is the reader's help, under its usage.
const readerLong = `lede reads interviews and news articles in the terminal.

A FILE may be plain text, Markdown or HTML, in any common encoding; a URL
starts with http:// or https://. With no FILE and a terminal on standard
input, lede opens the sample interview built into it; "-" or piped input
reads standard input. Several FILEs, or a DIR, open a shelf of documents
to choose from. When standard output is not a terminal, "lede FILE" works
like "lede print FILE".

The config file (see "lede config") sets the style, the width, the mouse,
the panes and every key; flags win over it. The README lists every key of
the reader.`

// inputFormats are the values of --from, for completion.
var inputFormats = []string{string(model.FormatText), string(model.FormatMarkdown), string(model.FormatHTML)}

// command is lede's command line: its commands, the values of their
// flags, and the files it reads and writes.
type command struct {
	root *cobra.Command
	// ownCommands are lede's commands, cobra's completion and help not
	// included: the ones a flag of another command is looked up in.
	ownCommands   []*cobra.Command
	stdin, stdout *os.File
	stderr        io.Writer
	// ran is the command that runs, once its flags are parsed.
	ran *cobra.Command

	// The flags' values. from is the input's format (--from, and
	// --format of the reader and print), output extract's --format.
	style, from, output, maxSize string
	width                        int
	force, recursive             bool
	// extract's --files-from, --resume, --jobs and --schema.
	filesFrom, resume string
	jobs              int
	schema            bool
	showVersion       bool
	// config's --default, --path and --edit.
	showDefault, showPath, edit bool
	// The reader's --no-library and --from-start; library's --list,
	// search's --json and export's --format.
	noLibrary, fromStart bool
	list, asJSON         bool
	exportFormat         string
}

// newCommand builds lede's commands, reading stdin and writing to stdout
// and stderr.
func newCommand(stdin, stdout *os.File, stderr io.Writer) *command {
	c := &command{stdin: stdin, stdout: stdout, stderr: stderr}
	c.root = &cobra.Command{
		Use:   "lede [FILE|DIR|URL|-]...",
		Short: "A terminal reader for interviews and news articles",
		Long:  readerLong,
		Args:  cobra.ArbitraryArgs,
		RunE:  c.action(func(ctx context.Context, args []string) error { return c.runReader(ctx, args) }),
		// Errors are lede's to report, in one line; see exitStatus.
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	printCmd := &cobra.Command{
		Use:   "print [FILE|URL|-]",
		Short: "Print the rendered article",
		Long: `Prints the article rendered for the terminal: title, metadata line,
sections and paragraphs, web boilerplate removed.`,
		Args: oneFile,
		RunE: c.action(func(ctx context.Context, args []string) error { return c.runPrint(ctx, first(args)) }),
	}
	extractCmd := &cobra.Command{
		Use:   "extract [FILE|DIR|URL|-]...",
		Short: "Print the extracted structure as JSON, or JSON Lines for many inputs",
		Long: `Prints the document as one JSON object: title, byline, source, date,
format, paragraphs, sections, turns, qa, quotes, entities and removed.
The README documents every field.

With --format jsonl, prints one line for each input, in the order given:
the same object, compact, led by "input" (the path or URL) and
"schema_version"; an input that fails gets {"input", "schema_version",
"error"} and the run goes on, ending with exit status 1. The inputs are
files, the articles in a DIR (-r: and in its subdirectories), URLs, and
the names listed in --files-from, read by -j workers at once. A progress
bar shows on standard error when it is a terminal. --resume OUT appends
to OUT instead of printing, skipping the inputs it has a line for, so a
killed run goes on where it stopped. --schema prints the JSON Schema of
a line.`,
		Args: cobra.ArbitraryArgs,
		RunE: c.action(func(ctx context.Context, args []string) error { return c.runExtract(ctx, args) }),
	}
	configCmd := &cobra.Command{
		Use:   "config",
		Short: "Print the configuration, its default or its path, or edit it",
		Long: `Prints the configuration lede reads, from the config file over the
defaults; --default prints the defaults, a complete config file to start
from; --path prints where the file is looked for; --edit opens it in
$VISUAL or $EDITOR, writing the default there first if there is none.
lede never writes a config file otherwise.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Sprintf("lede config takes no arguments: %s", strings.Join(args, " "))}
			}
			return nil
		},
		RunE: c.action(func(context.Context, []string) error { return c.runConfig() }),
	}
	libraryCmd := &cobra.Command{
		Use:   "library [--list]",
		Short: "Open a shelf of the documents the reader has opened",
		Long: `Opens a shelf of the library: every document the reader opened, the
most recently opened first; / filters it. A file is read as it is now, a
URL or standard input from the text the library kept. Piped, or with
--list, it lists them instead, one a line: its id, title, source (path or
URL as opened, "-" for standard input) and when it was last opened. The library lives
in $XDG_DATA_HOME/lede/library.db; --no-library, or library = false in
the config file, keeps the reader from writing it.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError{fmt.Sprintf("lede library takes no arguments: %s (see lede library forget)", strings.Join(args, " "))}
			}
			return nil
		},
		RunE: c.action(func(ctx context.Context, _ []string) error { return c.runLibrary(ctx) }),
	}
	forgetCmd := &cobra.Command{
		Use:   "forget DOC...",
		Short: "Remove documents and everything kept with them from the library",
		Long: `Removes each DOC from the library with its place, marks, highlights,
notes and corrections. DOC is the id "lede library" prints, or the path
or URL the document was opened as.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{"lede library forget needs a DOC: an id from lede library, or a path or URL"}
			}
			return nil
		},
		RunE: c.action(func(_ context.Context, args []string) error { return c.runForget(args) }),
	}
	libraryCmd.AddCommand(forgetCmd)
	searchCmd := &cobra.Command{
		Use:   "search QUERY...",
		Short: "Search the text of every document in the library",
		Long: `Lists the documents of the library whose title or text holds every word
of QUERY, best first, each with a snippet of the match. Words match
whole, accents ignored; text without spaces (Chinese) and parts of words
match as written.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if strings.TrimSpace(strings.Join(args, "")) == "" {
				return usageError{"lede search needs a QUERY"}
			}
			return nil
		},
		RunE: c.action(func(_ context.Context, args []string) error { return c.runSearch(args) }),
	}
	exportCmd := &cobra.Command{
		Use:   "export [DOC...]",
		Short: "Export quotes and Q&A of documents in the library, with citations",
		Long: `Prints the highlights and notes, quotes and Q&A exchanges of each DOC,
or of every document in the library when none is named, each with its
citation: speaker, title, byline, source, date, URL and paragraph.
--format md is Markdown to paste into notes; json and csv are for
programs. A document is read again from its file when it is still
there, else from the text the library kept.`,
		Args: cobra.ArbitraryArgs,
		RunE: c.action(func(ctx context.Context, args []string) error { return c.runExport(ctx, args) }),
	}
	c.ownCommands = []*cobra.Command{c.root, printCmd, extractCmd, configCmd, libraryCmd, forgetCmd, searchCmd, exportCmd}

	for _, cmd := range []*cobra.Command{c.root, printCmd} {
		fs := cmd.Flags()
		c.styleFlag(fs)
		c.widthFlag(fs)
		c.fromFlag(fs)
		fs.StringVar(&c.from, "format", "", "the same as --from `FMT`")
		completeWith(cmd, "format", inputFormats...)
	}
	c.root.Flags().BoolVarP(&c.recursive, "recursive", "r", false, "open the articles in the subdirectories of a DIR too")
	c.extractFlags(extractCmd.Flags())
	completeWith(extractCmd, "format", outputFormats...)
	c.root.Flags().BoolVar(&c.noLibrary, "no-library", false, "neither record the document in the library nor resume where it was left")
	c.root.Flags().BoolVar(&c.fromStart, "from-start", false, "open the document at its start, not where the reader left it")
	libraryCmd.Flags().BoolVar(&c.list, "list", false, "list the documents instead of opening a shelf of them")
	searchCmd.Flags().BoolVar(&c.asJSON, "json", false, "print the matches as JSON")
	exportCmd.Flags().StringVar(&c.exportFormat, "format", "md", "write `FORMAT`: md, json or csv")
	completeWith(exportCmd, "format", exportFormats...)
	c.fromFlag(extractCmd.Flags())
	for _, cmd := range []*cobra.Command{c.root, printCmd, extractCmd} {
		c.inputFlags(cmd.Flags())
	}
	configCmd.Flags().BoolVar(&c.showDefault, "default", false, "print the default configuration")
	configCmd.Flags().BoolVar(&c.showPath, "path", false, "print where the config file is looked for")
	configCmd.Flags().BoolVar(&c.edit, "edit", false, "open the config file in $VISUAL or $EDITOR")
	c.root.PersistentFlags().BoolVar(&c.showVersion, "version", false, "print the version and exit")
	for _, cmd := range c.ownCommands {
		completeWith(cmd, "style", ui.StyleNames()...)
		completeWith(cmd, "from", inputFormats...)
	}

	c.root.AddCommand(printCmd, extractCmd, configCmd, libraryCmd, searchCmd, exportCmd)
	c.root.SetHelpCommand(&cobra.Command{
		Use:   "help [COMMAND]",
		Short: "Help about any command",
		Args:  oneFile,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var names []cobra.Completion
			for _, cmd := range c.root.Commands() {
				if cmd.IsAvailableCommand() {
					names = append(names, cmd.Name())
				}
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			target, rest, err := c.root.Find(args)
			if err != nil || len(rest) > 0 {
				return usageError{fmt.Sprintf("no help for %q", strings.Join(args, " "))}
			}
			target.InitDefaultHelpFlag()
			return target.Help()
		},
	})
	c.root.SetFlagErrorFunc(c.flagError)
	c.root.SetIn(stdin)
	c.root.SetOut(stdout)
	c.root.SetErr(stderr)
	// The completion command takes the output set before it is made.
	c.root.InitDefaultCompletionCmd()
	if completion, _, err := c.root.Find([]string{"completion"}); err == nil {
		// Runnable, so that its arguments are checked: a shell it does
		// not know is a usage error, not its help.
		completion.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	}
	usageArgs(c.root)
	return c
}

// run runs the command line args.
func (c *command) run(ctx context.Context, args []string) error {
	// Without arguments set, cobra would read the process's own.
	c.root.SetArgs(append([]string{}, args...))
	return c.root.ExecuteContext(ctx)
}

// styleFlag adds --style, -s to fs.
func (c *command) styleFlag(fs *pflag.FlagSet) {
	fs.StringVarP(&c.style, "style", "s", "", "render in `STYLE`: "+strings.Join(ui.StyleNames(), ", ")+" or a glamour JSON style file (default: the config file's, else auto, dark or light as the terminal's background is; notty when output is not a terminal, nocolor when NO_COLOR is set)")
}

// widthFlag adds --width, -w to fs.
func (c *command) widthFlag(fs *pflag.FlagSet) {
	fs.IntVarP(&c.width, "width", "w", 0, "wrap the article at `N` columns, 1 to 500 (default: the terminal's width, at most the config file's width or 100; 80 when output is not a terminal)")
}

// outputFormats are the values of extract's --format.
var outputFormats = []string{"json", "jsonl"}

// extractFlags adds the flags of extract but --from and the input flags.
func (c *command) extractFlags(fs *pflag.FlagSet) {
	fs.StringVar(&c.output, "format", "json", "print the document as `FORMAT`: json, or jsonl for one line per input")
	fs.BoolVarP(&c.recursive, "recursive", "r", false, "read the articles in the subdirectories of a DIR too")
	fs.StringVar(&c.filesFrom, "files-from", "", "read the inputs' names from `FILE`, one a line; - for standard input")
	fs.IntVarP(&c.jobs, "jobs", "j", 0, "extract `N` inputs at once (default: the number of CPUs)")
	fs.StringVar(&c.resume, "resume", "", "append the lines to `OUT.jsonl`, skipping the inputs it has a line for")
	fs.BoolVar(&c.schema, "schema", false, "print the JSON Schema of a line of --format jsonl")
}

// fromFlag adds --from to fs.
func (c *command) fromFlag(fs *pflag.FlagSet) {
	fs.StringVar(&c.from, "from", "", "read the input as `FMT`: txt, md or html (default: from its content, then its name)")
}

// inputFlags adds the flags of every command that reads a document.
func (c *command) inputFlags(fs *pflag.FlagSet) {
	fs.BoolVar(&c.force, "force", false, "read a file that looks binary (NUL bytes, an image...)")
	fs.StringVar(&c.maxSize, "max-size", "", "refuse inputs larger than `SIZE` (default 200MB; 20MB for a URL unless set), e.g. 500MB or 1G")
}

// completeWith completes the flag name of cmd, if it has one, with
// values.
func completeWith(cmd *cobra.Command, name string, values ...string) {
	if cmd.Flags().Lookup(name) == nil {
		return
	}
	// The error is for a flag that does not exist, or has a completion.
	_ = cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
}

// action wraps a command's work: --version prints the version instead,
// and the flags every command checks are checked first.
func (c *command) action(work func(ctx context.Context, args []string) error) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) error {
		c.ran = cmd
		if c.showVersion {
			_, err := fmt.Fprintln(c.stdout, versionLine())
			return err
		}
		if c.width < 0 || c.width > maxPrintWidth {
			return usageError{fmt.Sprintf("--width %d is out of range (1 to %d, or 0 for the terminal's width)", c.width, maxPrintWidth)}
		}
		return work(cmd.Context(), args)
	}
}

// usageArgs makes the errors of the checks of cmd's arguments, and of its
// subcommands', usage errors, cobra's own commands' too.
func usageArgs(cmd *cobra.Command) {
	if check := cmd.Args; check != nil {
		cmd.Args = func(cmd *cobra.Command, args []string) error {
			err := check(cmd, args)
			if _, ok := err.(usageError); err != nil && !ok {
				return usageError{err.Error()}
			}
			return err
		}
	}
	for _, sub := range cmd.Commands() {
		usageArgs(sub)
	}
}

// oneFile checks that a command has at most one FILE.
func oneFile(_ *cobra.Command, args []string) error {
	if len(args) > 1 {
		return usageError{fmt.Sprintf("too many arguments: %s", strings.Join(args, " "))}
	}
	return nil
}

// first is the first of args, or "" for none.
func first(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// flagError rewords an error of cmd's flags as one short usage error; a
// flag of another command says which commands take it.
func (c *command) flagError(cmd *cobra.Command, err error) error {
	var missing *pflag.NotExistError
	var invalid *pflag.InvalidValueError
	var needs *pflag.ValueRequiredError
	switch {
	case errors.As(err, &missing):
		name := "--" + missing.GetSpecifiedName()
		if missing.GetSpecifiedShortnames() != "" {
			name = "-" + missing.GetSpecifiedName()
		}
		if long, owners := c.flagOwners(name); len(owners) > 0 {
			if long != name {
				name += " (" + long + ")"
			}
			return usageError{fmt.Sprintf("%s is a flag of %s, not of %s", name, joinAnd(owners), cmd.CommandPath())}
		}
		return usageError{"unknown flag " + name}
	case errors.As(err, &invalid):
		return usageError{fmt.Sprintf("invalid value %q for flag -%s: parse error", invalid.GetValue(), invalid.GetFlag().Name)}
	case errors.As(err, &needs):
		return usageError{fmt.Sprintf("flag needs an argument: --%s", needs.GetFlag().Name)}
	}
	return usageError{err.Error()}
}

// flagOwners are the commands that have the flag named name ("--width"
// or "-w"), and its long name.
func (c *command) flagOwners(name string) (long string, owners []string) {
	for _, cmd := range c.ownCommands {
		var f *pflag.Flag
		if short, ok := strings.CutPrefix(name, "-"); ok && !strings.HasPrefix(short, "-") {
			f = cmd.Flags().ShorthandLookup(short)
		} else {
			f = cmd.Flags().Lookup(strings.TrimPrefix(name, "--"))
		}
		if f != nil {
			long = "--" + f.Name
			owners = append(owners, cmd.CommandPath())
		}
	}
	return long, owners
}

// joinAnd joins words as a list in English: "a", "a and b", "a, b and c".
func joinAnd(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// inputs makes the reader of the command line's inputs, checking
// --max-size and --from.
func (c *command) inputs() (*inputs, error) {
	in := &inputs{stdin: c.stdin, stderr: c.stderr, force: c.force, recursive: c.recursive, maxSize: defaultMaxSize, fetcher: newFetcher()}
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

// renderSetup makes the reader of the inputs and reads the config file
// for the commands that render documents (the reader, print, the library's
// shelf), checking the style they will render in.
func (c *command) renderSetup() (*inputs, config, error) {
	in, err := c.inputs()
	if err != nil {
		return nil, config{}, err
	}
	cfg := c.readConfig()
	if err := ui.CheckStyle(c.style); err != nil {
		return nil, config{}, err
	}
	return in, cfg, nil
}

// readConfig reads the config file, reporting its problems, and takes
// the style from it unless --style set one.
func (c *command) readConfig() config {
	cfg := loadConfig(configPath(), c.stderr)
	if !c.ran.Flags().Changed("style") {
		c.style = cfg.style
	}
	if c.style == ui.StyleAuto {
		c.style = ""
	}
	return cfg
}

// page is how print lays a document out: in the style and width of the
// flags, else in the config's measure.
func (c *command) page(cfg config) printLayout {
	return printLayout{style: c.style, width: c.width, measure: cfg.width}
}

// runConfig is "lede config".
func (c *command) runConfig() error {
	set := 0
	for _, b := range []bool{c.showDefault, c.showPath, c.edit} {
		if b {
			set++
		}
	}
	if set > 1 {
		return usageError{"--default, --path and --edit go one at a time"}
	}
	path := configPath()
	var err error
	switch {
	case c.showDefault:
		_, err = io.WriteString(c.stdout, defaultConfig().text())
	case c.showPath:
		_, err = fmt.Fprintln(c.stdout, path)
	case c.edit:
		err = editConfig(path, c.stdin, c.stdout, c.stderr)
	default:
		_, err = io.WriteString(c.stdout, loadConfig(path, c.stderr).text())
	}
	return err
}
