package main

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/adrg/xdg"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/ui"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// configName is the config file's path under the XDG config directories.
const configName = "lede/config.toml"

// Pane choices of the config file's layout.panes.
const (
	panesAuto    = "auto"
	panesArticle = "article"
)

// config is what the config file sets: the defaults of the command line's
// flags and the reader's options. Its zero value is not the default; see
// defaultConfig.
type config struct {
	// style and width are the defaults of --style and --width.
	style string
	width int
	// mouse lets lede take the mouse.
	mouse bool
	// panes is panesAuto or panesArticle; sideWidth is the lists' width,
	// 0 for automatic.
	panes     string
	sideWidth int
	keys      ui.KeyMap
	// library lets the reader record what it opens and where it was left
	// in the library (see --no-library).
	library bool
}

// defaultConfig is lede's configuration when no file sets anything.
func defaultConfig() config {
	return config{mouse: true, panes: panesAuto, keys: ui.DefaultKeyMap(), library: true}
}

// configPath is the config file lede reads: the first of the XDG config
// directories that has one, else where the user's would be.
func configPath() string {
	xdg.Reload() // the environment may have changed since start
	if path, err := xdg.SearchConfigFile(configName); err == nil {
		return path
	}
	return filepath.Join(xdg.ConfigHome, filepath.FromSlash(configName))
}

// loadConfig reads the config file at path over the defaults. A missing
// file is no error. Each problem the file has is reported on stderr in
// one line naming the file, the line and the key, and what it could not
// set keeps its default.
func loadConfig(path string, stderr io.Writer) config {
	c := defaultConfig()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c
	}
	if err != nil {
		fmt.Fprintf(stderr, "lede: config %s; using the defaults\n", model.OneLine(err.Error()))
		return c
	}
	for _, p := range c.read(data) {
		fmt.Fprintf(stderr, "lede: %s\n", model.OneLine(p.in(path)))
	}
	return c
}

// configProblem is one thing wrong in a config file, where it is.
type configProblem struct {
	line int
	key  string
	msg  string
}

// in is the problem's message for the file at path.
func (p configProblem) in(path string) string {
	if p.key == "" {
		return fmt.Sprintf("%s:%d: %s", path, p.line, p.msg)
	}
	return fmt.Sprintf("%s:%d: %s: %s", path, p.line, p.key, p.msg)
}

// read sets c from a config file's text, and returns what it could not
// read, in the file's order. A file that is not TOML sets nothing.
func (c *config) read(data []byte) []configProblem {
	var file map[string]any
	if err := toml.Unmarshal(data, &file); err != nil {
		p := configProblem{line: 1, msg: strings.TrimPrefix(err.Error(), "toml: ") + "; the file is not read, lede uses the defaults"}
		var derr *toml.DecodeError
		if errors.As(err, &derr) {
			p.line, _ = derr.Position()
			p.key = strings.Join(derr.Key(), ".")
		}
		if p.key == "" {
			p.key = keyOnLine(data, p.line)
		}
		return []configProblem{p}
	}
	ps := &problems{lines: keyLines(data)}
	for key, v := range file {
		switch key {
		case "style":
			if s, ok := v.(string); !ok {
				ps.bad(key, "want a string, such as \"dark\"")
			} else if err := ui.CheckStyle(s); err != nil {
				ps.bad(key, "%v", err)
			} else {
				c.style = s
			}
		case "width":
			if n, ok := v.(int64); !ok || n < 0 || n > maxPrintWidth {
				ps.bad(key, "want a number of columns from 1 to %d, or 0 for the default", maxPrintWidth)
			} else {
				c.width = int(n)
			}
		case "mouse":
			if b, ok := v.(bool); !ok {
				ps.bad(key, "want true or false")
			} else {
				c.mouse = b
			}
		case "library":
			if b, ok := v.(bool); !ok {
				ps.bad(key, "want true or false")
			} else {
				c.library = b
			}
		case "layout":
			c.readLayout(v, ps)
		case "keys":
			c.readKeys(v, ps)
		default:
			ps.unknown(key, "setting")
		}
	}
	slices.SortFunc(ps.list, func(a, b configProblem) int {
		return cmp.Or(a.line-b.line, strings.Compare(a.key, b.key), strings.Compare(a.msg, b.msg))
	})
	return ps.list
}

// problems collects a config file's problems.
type problems struct {
	lines keyIndex
	list  []configProblem
}

// bad notes that key has a value lede cannot use, and why.
func (ps *problems) bad(key, format string, args ...any) {
	ps.list = append(ps.list, configProblem{line: ps.lines.of(key), key: key, msg: fmt.Sprintf(format, args...) + "; using the default"})
}

// clash notes that the file binds k to the action key names, and other
// has it too.
func (ps *problems) clash(key, k, other string) {
	ps.list = append(ps.list, configProblem{line: ps.lines.of(key), key: key, msg: fmt.Sprintf("%s is the key of %s too; bind it to one action", tomlString(k), other)})
}

// unknown notes that key is no setting lede has: what says what it is not.
func (ps *problems) unknown(key, what string) {
	ps.list = append(ps.list, configProblem{line: ps.lines.of(key), key: key, msg: "no such " + what + "; ignored"})
}

// readLayout sets the layout table's settings from v.
func (c *config) readLayout(v any, ps *problems) {
	table, ok := v.(map[string]any)
	if !ok {
		ps.bad("layout", "want a table: [layout]")
		return
	}
	for name, v := range table {
		key := "layout." + name
		switch name {
		case "panes":
			if s, ok := v.(string); !ok || (s != panesAuto && s != panesArticle) {
				ps.bad(key, "want %q (as many panes as fit) or %q (the article alone)", panesAuto, panesArticle)
			} else {
				c.panes = s
			}
		case "side_width":
			if n, ok := v.(int64); !ok || n < 0 || n > maxPrintWidth {
				ps.bad(key, "want a number of columns, or 0 for automatic")
			} else {
				c.sideWidth = int(n)
			}
		default:
			ps.unknown(key, "setting")
		}
	}
}

// readKeys binds the keys table's actions.
func (c *config) readKeys(v any, ps *problems) {
	table, ok := v.(map[string]any)
	if !ok {
		ps.bad("keys", "want a table: [keys]")
		return
	}
	for name, v := range table {
		key := "keys." + name
		if !slices.Contains(actionNames, name) {
			ps.unknown(key, "action")
			continue
		}
		list, ok := v.([]any)
		keys := make([]string, 0, len(list))
		for _, k := range list {
			s, isString := k.(string)
			ok = ok && isString
			keys = append(keys, s)
		}
		if !ok {
			ps.bad(key, "want a list of keys, such as [\"j\", \"down\"]")
		} else if err := c.keys.Bind(name, keys); err != nil {
			ps.bad(key, "%v", err)
		}
	}
	// A key bound to two actions does one of them: the file names
	// which it means.
	owner := map[string]string{}
	for _, a := range c.keys.Actions() {
		for _, k := range a.Keys {
			if other, ok := owner[k]; ok && other != a.Name {
				name := a.Name
				if _, set := table[name]; !set {
					name, other = other, name
				}
				ps.clash("keys."+name, k, other)
				continue
			}
			owner[k] = a.Name
		}
	}
}

// actionNames are the names of the reader's actions.
var actionNames = func() []string {
	var names []string
	for _, a := range ui.DefaultKeyMap().Actions() {
		names = append(names, a.Name)
	}
	return names
}()

// keyOnLine is the key set on line n of a config file ("width = ..."),
// or the table it opens ("[keys]"), or "" for neither.
func keyOnLine(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	line := strings.TrimSpace(lines[n-1])
	if k, _, ok := strings.Cut(line, "="); ok {
		return strings.TrimSpace(k)
	}
	if strings.HasPrefix(line, "[") {
		return strings.Trim(line, "[] ")
	}
	return ""
}

// keyIndex maps a config file's dotted keys to their lines.
type keyIndex map[string]int

// keyLines finds the line of every key of a TOML document, of tables as
// well as of values; a key in an inline table gets the table's line.
func keyLines(data []byte) keyIndex {
	lines := keyIndex{}
	var p unstable.Parser
	p.Reset(data)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		var parts []string
		for it := e.Key(); it.Next(); {
			parts = append(parts, string(it.Node().Data))
		}
		line := p.Shape(e.Raw).Start.Line
		if e.Kind == unstable.KeyValue {
			parts = append(slices.Clone(table), parts...)
		} else {
			table = parts
			if k := e.Key(); k.Next() {
				line = p.Shape(k.Node().Raw).Start.Line
			}
		}
		// A dotted key names its tables too, where they are first seen.
		for i := range parts {
			if _, ok := lines[strings.Join(parts[:i+1], ".")]; !ok {
				lines[strings.Join(parts[:i+1], ".")] = line
			}
		}
	}
	return lines
}

// of is the line of key, or of the nearest table that holds it.
func (ix keyIndex) of(key string) int {
	for {
		if line, ok := ix[key]; ok {
			return line
		}
		i := strings.LastIndexByte(key, '.')
		if i < 0 {
			return 1
		}
		key = key[:i]
	}
}

// options are the reader's options the config sets.
func (c config) options() ui.Options {
	keys := c.keys
	return ui.Options{
		Keys:    &keys,
		Width:   c.width,
		NoMouse: !c.mouse,
		Layout:  ui.Layout{ArticleOnly: c.panes == panesArticle, SideWidth: c.sideWidth},
	}
}

// text is c written as a config file, every setting with a comment, the
// key bindings each a list of quoted keys; read gives c back from it.
func (c config) text() string {
	var b strings.Builder
	fmt.Fprintf(&b, `# lede's configuration. Command-line flags win over it; "lede config
# --default" prints this file as lede comes, "lede config" as it reads it.

# The style: %s, or the path of a glamour
# JSON style file; "" or "auto" is dark or light as the terminal's
# background is.
style = %s

# The article's measure, in columns: the reader's text and lede print's
# lines are at most this wide; 0 is the terminal's width, at most 100.
width = %d

# Whether lede takes the mouse (the wheel scrolls, a click selects); with
# false the terminal keeps it, to select text without shift.
mouse = %t

# Whether the reader keeps a library of what it opens, and where it was
# left, to resume there (see "lede library"); --no-library is false.
library = %t

[layout]
# %q shows as many panes as fit; %q the article alone, the other
# panes in its place when focused.
panes = %s
# The width of the lists beside the article, in columns; 0 is automatic.
side_width = %d

# Keys, by action: a list of keys each, as lede names them: a character
# ("j", "G", ">"), or a name (enter, esc, tab, space, backspace, up, down,
# left, right, pgup, pgdown, home, end, f1...) after modifiers such as
# ctrl+, alt+ or shift+. An empty list unbinds the action.
[keys]
`, strings.Join(ui.StyleNames(), ", "), tomlString(c.style), c.width, c.mouse, c.library, panesAuto, panesArticle, tomlString(c.panes), c.sideWidth)
	for _, a := range c.keys.Actions() {
		quoted := make([]string, len(a.Keys))
		for i, k := range a.Keys {
			quoted[i] = tomlString(k)
		}
		fmt.Fprintf(&b, "%s = [%s] # %s\n", a.Name, strings.Join(quoted, ", "), a.Desc)
	}
	return b.String()
}

// tomlString quotes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// editConfig opens the config file at path in the user's editor
// ($VISUAL, else $EDITOR, else vi), first writing the default config
// there when there is no file.
func editConfig(path string, stdin *os.File, stdout, stderr io.Writer) error {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, []byte(defaultConfig().text()), 0o644); err != nil {
			return err
		}
	}
	editor := strings.Fields(cmp.Or(os.Getenv("VISUAL"), os.Getenv("EDITOR"), "vi"))
	cmd := exec.Command(editor[0], append(editor[1:], path)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("edit %s: %w", path, err)
	}
	return nil
}
