package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/lede-tui/lede/model"
)

// articleExts are the extensions of the files lede opens in a directory.
var articleExts = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml"}

// inputs reads what the command line names: files, directories, URLs,
// standard input, or the built-in sample.
type inputs struct {
	stdin *os.File
	// format overrides the reader chosen from content and name.
	format model.Format
	// recursive opens the articles in subdirectories too.
	recursive bool
	fetcher   *fetcher
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
// when recursive, skipping hidden files and directories.
func (in *inputs) articlesIn(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read %s: %w", path, errors.Unwrap(err))
		}
		hidden := strings.HasPrefix(d.Name(), ".") && path != dir
		switch {
		case d.IsDir() && path != dir && (hidden || !in.recursive):
			return fs.SkipDir
		case d.IsDir(), hidden:
			return nil
		case slices.Contains(articleExts, strings.ToLower(filepath.Ext(path))) && d.Type().IsRegular():
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

// read returns the bytes of one input: a file, a URL, "-" for standard
// input, or "" for piped standard input or, from a terminal, the sample.
func (in *inputs) read(ctx context.Context, name string) (model.Input, error) {
	input := model.Input{Name: name, Format: in.format}
	var err error
	switch {
	case name == "" && isTerminal(in.stdin):
		input.Name, input.Data = model.SampleName, model.Sample
	case name == "" || name == "-":
		input.Name = "-"
		input.Data, err = readCapped(in.stdin, "standard input")
	case isURL(name):
		fetched, ferr := in.fetcher.fetch(ctx, name)
		fetched.Format = in.format
		return fetched, ferr
	default:
		input.Data, err = readFile(name)
	}
	return input, err
}

// readFile reads a file, refusing a directory and more than maxInput bytes.
func readFile(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.IsDir() {
		return nil, fmt.Errorf("read %s: is a directory", name)
	}
	return readCapped(f, name)
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

// parse reads and extracts one input.
func (in *inputs) parse(ctx context.Context, name string) (*model.Document, error) {
	input, err := in.read(ctx, name)
	if err != nil {
		return nil, err
	}
	doc, err := input.Read()
	if err != nil {
		return nil, err
	}
	doc.Extract()
	return doc, nil
}
