package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"

	"github.com/lede-tui/lede/model"
)

// runExtract is "lede extract": one document as JSON, or any number as
// JSON Lines.
func (c *command) runExtract(ctx context.Context, args []string) error {
	if c.schema {
		if len(args) > 0 || c.filesFrom != "" {
			return usageError{"--schema takes no inputs"}
		}
		_, err := c.stdout.Write(model.Schema)
		return err
	}
	if !slices.Contains(outputFormats, c.output) {
		if f, err := model.ParseFormat(c.output); err == nil {
			return usageError{fmt.Sprintf("--format is the output format, json or jsonl; --from %s reads the input as %s", f, f)}
		}
		return usageError{fmt.Sprintf("unknown format %q: json or jsonl", c.output)}
	}
	switch {
	case c.jobs < 0:
		return usageError{fmt.Sprintf("--jobs %d: at least 1, or 0 for the number of CPUs", c.jobs)}
	case c.jobs == 0:
		c.jobs = runtime.NumCPU()
	}
	if c.filesFrom == "-" && slices.Contains(args, "-") {
		return usageError{"standard input cannot be both --files-from and an input"}
	}
	in, err := c.inputs()
	if err != nil {
		return err
	}
	if c.output == "json" {
		return c.extractOne(ctx, in, args)
	}
	names, err := c.extractInputs(in, args)
	if err != nil {
		return err
	}
	out := io.Writer(c.stdout)
	if c.resume != "" {
		f, done, err := openResume(c.resume)
		if err != nil {
			return err
		}
		defer f.Close()
		names = slices.DeleteFunc(names, func(name string) bool { return done[name] })
		out = f
	}
	run := &corpus{in: in, jobs: c.jobs}
	if f, ok := c.stderr.(*os.File); ok && isTerminal(f) && len(names) > 0 {
		run.progress = newProgress(f, len(names))
	}
	failed, err := run.run(ctx, names, out)
	switch {
	case err != nil:
		return err
	case failed > 0:
		return fmt.Errorf("%d of %d inputs failed; their lines have an \"error\"", failed, len(names))
	}
	return nil
}

// extractOne is "lede extract --format json": one input, as one indented
// JSON object.
func (c *command) extractOne(ctx context.Context, in *inputs, args []string) error {
	if c.filesFrom != "" || c.resume != "" {
		return usageError{"--files-from and --resume write JSON Lines: add --format jsonl"}
	}
	names := []string{""}
	if len(args) > 0 {
		var err error
		if names, err = in.expand(args); err != nil {
			return err
		}
	}
	if len(names) > 1 {
		return usageError{fmt.Sprintf("%d inputs: --format jsonl extracts many, one line each", len(names))}
	}
	input, err := in.read(ctx, names[0])
	if err != nil {
		return err
	}
	doc, err := model.Read(input)
	if err != nil {
		return err
	}
	return model.ExtractJSON(c.stdout, doc)
}

// extractInputs lists the inputs of --format jsonl: the arguments, then
// the names in --files-from, directories expanded; standard input when
// there are none.
func (c *command) extractInputs(in *inputs, args []string) ([]string, error) {
	names := slices.Clone(args)
	switch c.filesFrom {
	case "":
	case "-":
		listed, err := readNameList(c.stdin, "standard input")
		if err != nil {
			return nil, err
		}
		names = append(names, listed...)
	default:
		f, err := os.Open(c.filesFrom)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		listed, err := readNameList(f, c.filesFrom)
		if err != nil {
			return nil, err
		}
		names = append(names, listed...)
	}
	if len(names) == 0 && c.filesFrom == "" {
		return []string{"-"}, nil
	}
	return in.expand(names)
}
