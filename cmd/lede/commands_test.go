package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// withConfig points the XDG config directories at a new directory, writes
// text there as lede's config file unless it is "", and returns the
// file's path.
func withConfig(t *testing.T, text string) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "home"))
	t.Setenv("XDG_CONFIG_DIRS", filepath.Join(dir, "etc"))
	path := filepath.Join(dir, "home", "lede", "config.toml")
	if text != "" {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// maxLineWidth is the width of the widest line of out, in cells.
func maxLineWidth(out string) int {
	w := 0
	for line := range strings.Lines(out) {
		w = max(w, ansi.StringWidth(strings.TrimRight(line, "\n")))
	}
	return w
}

// TestShortFlagsAndFlagsAfterFiles checks -s and -w, before and after the
// file, in print and in the reader printing to a pipe.
func TestShortFlagsAndFlagsAfterFiles(t *testing.T) {
	want := lede(t, "", "print", "--style", "notty", "--width", "40", samplePath)
	if want.code != 0 || maxLineWidth(want.stdout) > 40 || maxLineWidth(want.stdout) < 30 {
		t.Fatalf("print --width 40: exit %d, %d cells wide, %s", want.code, maxLineWidth(want.stdout), want.stderr)
	}
	for _, args := range [][]string{
		{"print", "-s", "notty", "-w", "40", samplePath},
		{"print", samplePath, "-w", "40", "-s", "notty"},
		{"print", "-w40", "-snotty", samplePath},
		{"-s", "notty", "-w", "40", samplePath},
		{samplePath, "--width", "40", "--style", "notty"},
	} {
		r := lede(t, "", args...)
		if r.code != 0 || r.stderr != "" || r.stdout != want.stdout {
			t.Errorf("%q: exit %d, stderr %q, output differs from print --width 40", args, r.code, r.stderr)
		}
	}
}

// TestFlagOfAnotherCommand checks that a flag given to a command that
// does not take it names the commands that do.
func TestFlagOfAnotherCommand(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"extract", "--width", "60", samplePath}, "--width is a flag of lede and lede print, not of lede extract"},
		{[]string{"extract", samplePath, "-w", "60"}, "-w (--width) is a flag of lede and lede print, not of lede extract"},
		{[]string{"extract", "--style", "dark", samplePath}, "--style is a flag of lede and lede print, not of lede extract"},
		{[]string{"print", "-r", samplePath}, "-r (--recursive) is a flag of lede and lede extract, not of lede print"},
		{[]string{"print", "--path"}, "--path is a flag of lede config, not of lede print"},
		{[]string{"config", "--width", "60"}, "--width is a flag of lede and lede print, not of lede config"},
		{[]string{"config", "--from", "md"}, "--from is a flag of lede, lede print and lede extract, not of lede config"},
		{[]string{"--edit"}, "--edit is a flag of lede config, not of lede"},
		{[]string{"print", "-x", samplePath}, "unknown flag -x"},
		{[]string{"print", "--width"}, "flag needs an argument: --width"},
		{[]string{"config", "extra"}, "lede config takes no arguments: extra"},
		{[]string{"config", "--path", "--default"}, "--default, --path and --edit go one at a time"},
		{[]string{"extract", samplePath, "../../testdata/extract/brook-blog.html"}, "2 inputs: --format jsonl extracts many, one line each"},
		{[]string{"extract", "--files-from", "-", samplePath}, "--files-from and --resume write JSON Lines: add --format jsonl"},
		{[]string{"extract", "--format", "jsonl", "--files-from", "-", "-"}, "standard input cannot be both --files-from and an input"},
		{[]string{"extract", "--format", "jsonl", "-j", "-1", samplePath}, "--jobs -1: at least 1, or 0 for the number of CPUs"},
		{[]string{"extract", "--schema", samplePath}, "--schema takes no inputs"},
		{[]string{"--width", "900", samplePath}, "--width 900 is out of range (1 to 500, or 0 for the terminal's width)"},
		{[]string{"help", "print", "extra"}, "too many arguments: print extra"},
		{[]string{"completion", "nosh"}, "unknown command \"nosh\" for \"lede completion\""},
	} {
		r := lede(t, "", c.args...)
		if want := "lede: " + c.msg + " (see 'lede --help')\n"; r.code != exitUsage || r.stderr != want || r.stdout != "" {
			t.Errorf("%q: exit %d, stderr %q, stdout %.60q; want %d, %q", c.args, r.code, r.stderr, r.stdout, exitUsage, want)
		}
	}
}

// TestFormatMeansInputForReaderAndPrint checks that --format is the
// input format for the reader and print, as --from is.
func TestFormatMeansInputForReaderAndPrint(t *testing.T) {
	path := writeInput(t, "notes.txt", []byte("# Harbour\n\nThe *ferry* leaves at nine.\n"))
	for _, args := range [][]string{
		{"print", "-s", "notty", "--format", "md", path},
		{"print", "-s", "notty", "--from", "md", path},
		{"-s", "notty", "--format", "md", path},
		{"-s", "notty", path, "--from", "markdown"},
	} {
		r := lede(t, "", args...)
		if r.code != 0 || strings.Contains(r.stdout, "*ferry*") || !strings.Contains(r.stdout, "# Harbour") {
			t.Errorf("%q: exit %d, stderr %q, not read as Markdown:\n%s", args, r.code, r.stderr, r.stdout)
		}
	}
	r := lede(t, "", "print", "-s", "notty", "--format", "txt", path)
	if r.code != 0 || !strings.Contains(r.stdout, "*ferry*") {
		t.Errorf("--format txt: exit %d, stderr %q, read as Markdown:\n%s", r.code, r.stderr, r.stdout)
	}
}

// TestHelpOfEveryCommand checks the help of each command, by flag and by
// the help command, and that each flag's help is there.
func TestHelpOfEveryCommand(t *testing.T) {
	for _, c := range []struct {
		args  []string
		flags []string
	}{
		{[]string{"--help"}, []string{"-s, --style STYLE", "-w, --width N", "--format FMT", "--from FMT", "-r, --recursive", "--force", "--max-size SIZE", "--version", "print", "extract", "config", "completion"}},
		{[]string{"help", "print"}, []string{"-s, --style STYLE", "-w, --width N", "--from FMT", "-h, --help"}},
		{[]string{"extract", "-h"}, []string{"--format FORMAT", "--from FMT", "--force", "--max-size SIZE"}},
		{[]string{"config", "--help"}, []string{"--default", "--path", "--edit"}},
		{[]string{"help", "config"}, []string{"--default", "--path", "--edit"}},
		{[]string{"completion", "--help"}, []string{"bash", "zsh", "fish"}},
	} {
		r := lede(t, "", c.args...)
		if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "Usage:") {
			t.Errorf("%q: exit %d, stderr %q:\n%s", c.args, r.code, r.stderr, r.stdout)
		}
		for _, f := range c.flags {
			if !strings.Contains(r.stdout, f) {
				t.Errorf("%q: the help lacks %q:\n%s", c.args, f, r.stdout)
			}
		}
	}
}

// TestCompletions generates each shell's completion script, and asks
// lede's completion for the commands and flag values the scripts offer.
func TestCompletions(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		r := lede(t, "", "completion", shell)
		if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "lede __complete") && !strings.Contains(r.stdout, "__complete") {
			t.Errorf("%s: exit %d, stderr %q, script:\n%.300s", shell, r.code, r.stderr, r.stdout)
		}
	}
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", ""}, []string{"print", "extract", "config", "completion", "help"}},
		{[]string{"__complete", "print", "--style", ""}, []string{"dark", "light", "notty", "ascii"}},
		{[]string{"__complete", "-s", ""}, []string{"dark", "light"}},
		{[]string{"__complete", "extract", "--format", ""}, []string{"json", "jsonl"}},
		{[]string{"__complete", "extract", "--from", ""}, []string{"txt", "md", "html"}},
		{[]string{"__complete", "config", "--"}, []string{"--default", "--path", "--edit"}},
		{[]string{"__complete", "help", ""}, []string{"print", "extract", "config"}},
	} {
		r := lede(t, "", c.args...)
		for _, w := range c.want {
			if !hasLineWith(r.stdout, w) {
				t.Errorf("%q: no %q in:\n%s", c.args, w, r.stdout)
			}
		}
	}
}

// TestConfigRoundTrip checks that the default config, written to the
// config file, reads back as the defaults, unchanged, with every binding
// a quoted key.
func TestConfigRoundTrip(t *testing.T) {
	path := withConfig(t, "")
	def := lede(t, "", "config", "--default")
	if def.code != 0 || def.stderr != "" {
		t.Fatalf("config --default: exit %d, stderr %q", def.code, def.stderr)
	}
	if !strings.Contains(def.stdout, `next_quote = [">"]`) || !strings.Contains(def.stdout, `quotes = ["\""]`) || !strings.Contains(def.stdout, `page_down = ["space", "pgdown", "f"]`) {
		t.Errorf("the default config lacks quoted bindings:\n%s", def.stdout)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(def.stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	read := lede(t, "", "config")
	if read.code != 0 || read.stderr != "" || read.stdout != def.stdout {
		t.Fatalf("config after writing the default: exit %d, stderr %q, differs: %v", read.code, read.stderr, read.stdout != def.stdout)
	}
	c := defaultConfig()
	if problems := c.read([]byte(def.stdout)); len(problems) != 0 {
		t.Fatalf("problems in the default config: %v", problems)
	}
	if d := defaultConfig(); !reflect.DeepEqual(c.keys.Actions(), d.keys.Actions()) || c.text() != d.text() {
		t.Fatal("the default config reads back as another")
	}
	// Keys TOML quotes with care survive the round trip too: a
	// backslash, an apostrophe, a letter beyond ASCII, modifiers. (The
	// default has a double quote, for quotes.) The apostrophe goes to
	// marks as lede comes, so they move to the backtick.
	for _, keys := range [][]string{{`\`, "'", "é"}, {"ctrl+alt+up", "#", "="}} {
		c := defaultConfig()
		if err := c.keys.Bind("go_to_mark", []string{"`"}); err != nil {
			t.Fatal(err)
		}
		if err := c.keys.Bind("copy", keys); err != nil {
			t.Fatal(err)
		}
		back := defaultConfig()
		if problems := back.read([]byte(c.text())); len(problems) != 0 || !reflect.DeepEqual(back.keys.Copy.Keys(), keys) {
			t.Errorf("copy = %q reads back as %q (%v)", keys, back.keys.Copy.Keys(), problems)
		}
	}
}

// TestConfigPath checks where the config file is looked for: the user's
// config directory, else one of the system's that has one; and that
// running lede writes none.
func TestConfigPath(t *testing.T) {
	path := withConfig(t, "")
	r := lede(t, "", "config", "--path")
	if r.code != 0 || r.stdout != path+"\n" {
		t.Fatalf("config --path: exit %d, %q; want %q", r.code, r.stdout, path)
	}
	for _, args := range [][]string{{"config"}, {"config", "--default"}, {"print", samplePath}, {samplePath}} {
		lede(t, "", args...)
	}
	if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
		t.Fatalf("lede made its config directory unasked: %v", err)
	}
	system := filepath.Join(os.Getenv("XDG_CONFIG_DIRS"), "lede", "config.toml")
	if err := os.MkdirAll(filepath.Dir(system), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(system, []byte("width = 50\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r := lede(t, "", "config", "--path"); r.stdout != system+"\n" {
		t.Fatalf("config --path with a system config: %q, want %q", r.stdout, system)
	}
	if r := lede(t, "", "print", "-s", "notty", samplePath); maxLineWidth(r.stdout) > 50 {
		t.Fatalf("the system config's width is not used: %d cells", maxLineWidth(r.stdout))
	}
}

// TestConfigEdit checks that config --edit writes the default config
// when there is none and opens it in $EDITOR, and leaves a config alone.
func TestConfigEdit(t *testing.T) {
	path := withConfig(t, "")
	editor := filepath.Join(t.TempDir(), "editor")
	if err := os.WriteFile(editor, []byte("#!/bin/sh\necho '# edited' >> \"$1\"\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", editor)
	for _, want := range []string{defaultConfig().text() + "# edited\n", defaultConfig().text() + "# edited\n# edited\n"} {
		r := lede(t, "", "config", "--edit")
		data, err := os.ReadFile(path)
		if r.code != 0 || err != nil || string(data) != want {
			t.Fatalf("config --edit: exit %d, stderr %q, %v; the file:\n%s", r.code, r.stderr, err, data)
		}
	}
	t.Setenv("EDITOR", filepath.Join(t.TempDir(), "no-editor"))
	if r := lede(t, "", "config", "--edit"); r.code != exitError || !strings.HasPrefix(r.stderr, "lede: edit "+path+": ") {
		t.Fatalf("a missing editor: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestConfigSetsDefaultsFlagsWin checks that the config file's style and
// width are used, and that flags beat them.
func TestConfigSetsDefaultsFlagsWin(t *testing.T) {
	style := filepath.Join(t.TempDir(), "style.json")
	if err := os.WriteFile(style, []byte(`{"document":{"margin":0},"paragraph":{"prefix":"| "}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	withConfig(t, "style = "+tomlString(style)+"\nwidth = 50\n[layout]\npanes = \"article\"\nside_width = 30\n[keys]\nquit = [\"Q\"]\n")
	r := lede(t, "", "print", samplePath)
	if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "| As for its founder") || maxLineWidth(r.stdout) > 50 {
		t.Fatalf("config style and width: exit %d, stderr %q, %d cells:\n%s", r.code, r.stderr, maxLineWidth(r.stdout), r.stdout)
	}
	r = lede(t, "", "print", "-s", "notty", "-w", "70", samplePath)
	if r.code != 0 || strings.Contains(r.stdout, "| As for") || maxLineWidth(r.stdout) <= 50 || maxLineWidth(r.stdout) > 70 {
		t.Fatalf("flags over the config: exit %d, stderr %q, %d cells", r.code, r.stderr, maxLineWidth(r.stdout))
	}
	c := loadConfig(configPath(), os.Stderr)
	o := c.options()
	if o.Width != 50 || !o.Layout.ArticleOnly || o.Layout.SideWidth != 30 || o.NoMouse || o.Keys.Quit.Keys()[0] != "Q" {
		t.Fatalf("reader options %+v", o)
	}
}

// TestBadConfig checks that each problem of a config file is one line
// naming the file, the line and the key, that lede goes on with the
// defaults for what it could not read, and that the exit status is
// unchanged.
func TestBadConfig(t *testing.T) {
	path := withConfig(t, "# mine\nwidth = 45\nstyle = \"neon\"\nmouse = \"no\"\ncolour = \"red\"\n\n[layout]\npanes = \"two\"\n\n[keys]\nnext_quote = [\"m\", \"jj\"]\nnxt_quote = [\">\"]\nquit = [\"Q\"]\n")
	r := lede(t, "", "print", samplePath)
	want := "lede: " + path + ":3: style: unknown style \"neon\": use auto, ascii, dark, dracula, light, nocolor, notty, pink, tokyo-night or the path of a glamour JSON style; using the default\n" +
		"lede: " + path + ":4: mouse: want true or false; using the default\n" +
		"lede: " + path + ":5: colour: no such setting; ignored\n" +
		"lede: " + path + ":8: layout.panes: want \"auto\" (as many panes as fit) or \"article\" (the article alone); using the default\n" +
		"lede: " + path + ":11: keys.next_quote: \"jj\" is not a key (a character, or a name such as enter, space, pgdown, f1, with ctrl+, alt+ or shift+ before it); using the default\n" +
		"lede: " + path + ":12: keys.nxt_quote: no such action; ignored\n"
	if r.code != 0 || r.stderr != want || maxLineWidth(r.stdout) > 45 || !strings.Contains(r.stdout, "Century-old") {
		t.Fatalf("exit %d, %d cells, stderr:\n%s\nwant:\n%s", r.code, maxLineWidth(r.stdout), r.stderr, want)
	}
	c := loadConfig(path, &strings.Builder{})
	if c.width != 45 || !c.mouse || c.panes != panesAuto || c.keys.NextQuote.Keys()[0] != ">" || c.keys.Quit.Keys()[0] != "Q" {
		t.Fatalf("what could be read is not kept, or the rest not the default: %+v", c)
	}
	if r := lede(t, "", "extract", "nope.txt"); r.code != exitError || r.stderr != "lede: open nope.txt: no such file or directory\n" {
		t.Fatalf("extract reads no config: exit %d, stderr %q", r.code, r.stderr)
	}

	for _, c := range []struct{ text, want string }{
		{"style = \"dark\"\nwidth = \n", ":2: width: unexpected character U+000A at start of value; the file is not read, lede uses the defaults\n"},
		{"[keys]\nnext_quote = [\">\"]\nnext_quote = [\"m\"]\n", ":3: next_quote: key next_quote is already defined; the file is not read, lede uses the defaults\n"},
		{"\n[keys\n", ":2: keys: expected ']' to close table name; the file is not read, lede uses the defaults\n"},
		{"keys = 3\n", ":1: keys: want a table: [keys]; using the default\n"},
		{"keys = { next_quote = \">\" }\n", ":1: keys.next_quote: want a list of keys, such as [\"j\", \"down\"]; using the default\n"},
		{"[layout]\n\nside_width = -4\n", ":3: layout.side_width: want a number of columns, or 0 for automatic; using the default\n"},
		{"width = 12.5\n", ":1: width: want a number of columns from 1 to 500, or 0 for the default; using the default\n"},
		{"[keys]\nnext_quote = [\"n\"]\n", ":2: keys.next_quote: \"n\" is the key of next_match too; bind it to one action\n"},
		{"[keys]\ndown = [\"X\"]\nup = [\"k\", \"X\"]\n", ":3: keys.up: \"X\" is the key of down too; bind it to one action\n"},
		{"[keys]\nnext_quote = [\"n\"]\nnext_match = [\">\", \">\"]\n", ""},
	} {
		path := withConfig(t, c.text)
		want := ""
		if c.want != "" {
			want = "lede: " + path + c.want
		}
		r := lede(t, "", "print", "-s", "notty", samplePath)
		if r.code != 0 || r.stderr != want || !strings.Contains(r.stdout, "Century-old") {
			t.Errorf("%q: exit %d, stderr %q; want %q", c.text, r.code, r.stderr, want)
		}
	}
}

func TestVersionOf(t *testing.T) {
	build := func(version string, settings ...string) *debug.BuildInfo {
		info := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/lede-tui/lede", Version: version}}
		for i := 0; i+1 < len(settings); i += 2 {
			info.Settings = append(info.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return info
	}
	for _, c := range []struct {
		set  string
		info *debug.BuildInfo
		want string
	}{
		{"v1.2.3", build("v1.0.0"), "v1.2.3"},
		{"", build("v1.0.0"), "v1.0.0"},
		{"", build("v0.0.0-20261130214245-6e08bd413f24+dirty", "vcs.revision", "6e08bd413f24a64816ecd8751bd83313e06a0f59"), "v0.0.0-20261130214245-6e08bd413f24+dirty"},
		{"", build("(devel)", "vcs.revision", "6e08bd413f24a64816ecd8751bd83313e06a0f59", "vcs.modified", "true"), "6e08bd413f24a64816ecd8751bd83313e06a0f59-dirty"},
		{"", build("", "vcs.revision", "6e08bd413f24a64816ecd8751bd83313e06a0f59", "vcs.modified", "false"), "6e08bd413f24a64816ecd8751bd83313e06a0f59"},
		{"", build("(devel)"), "(devel)"},
		{"", nil, "(devel)"},
	} {
		if got := versionOf(c.set, c.info); got != c.want {
			t.Errorf("versionOf(%q, %v) = %q, want %q", c.set, c.info, got, c.want)
		}
	}
	r := lede(t, "", "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "lede (devel), built with go") || !strings.Contains(r.stdout, "-buildvcs=true") {
		t.Errorf("--version of a test binary: %q", r.stdout)
	}
}

// TestVersionFromGit builds lede with -buildvcs=true in a git repository
// of a copy of the sources, with a change not committed: --version names
// the commit and says the tree was dirty. (A git worktree's .git is a
// file, which go build does not take for a repository.)
func TestVersionFromGit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds lede")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	files, err := exec.Command("git", "-C", root, "ls-files", "-co", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("the sources are not in git: %v", err)
	}
	repo := t.TempDir()
	for _, name := range strings.Fields(string(files)) {
		data, err := os.ReadFile(filepath.Join(root, name))
		if os.IsNotExist(err) {
			continue // deleted, not yet committed
		}
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(repo, name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=lede", "-c", "user.email=lede@localhost", "-c", "commit.gpgsign=false"}, args...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "sources")
	revision := git("rev-parse", "HEAD")
	if err := os.WriteFile(filepath.Join(repo, "uncommitted.txt"), []byte("change"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Without -trimpath the dependencies' compiled packages are those of
	// the tests' own build; only lede's packages compile again.
	bin := filepath.Join(t.TempDir(), "lede")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, "./cmd/lede")
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if v := string(out); !strings.HasPrefix(v, "lede v0.0.0-") || !strings.Contains(v, revision[:12]) || !strings.HasSuffix(v, "+dirty\n") {
		t.Fatalf("--version %q, want the pseudo-version of commit %s, dirty", v, revision)
	}
}
