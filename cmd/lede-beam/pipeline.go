package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"hash/fnv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/lede-tui/lede/model"
)

func init() {
	register.DoFn2x2[context.Context, fileio.ReadableFile, int, string](&extractFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
}

// extractLines adds to s the pipeline that extracts every file matching
// the pattern input and writes one JSON line for each, the line of `lede
// extract --format jsonl`, into shards files named output-SSSSS-of-NNNNN.jsonl.
// A file that cannot be read, or is larger than maxSize bytes, or holds no
// article, gets an error line, so one bad file never fails a bundle. The
// lines of a shard are in no particular order.
func extractLines(s beam.Scope, input, output string, shards int, maxSize int64) {
	s = s.Scope("lede")
	files := fileio.ReadMatches(s, fileio.MatchFiles(s, input), fileio.ReadDirectorySkip())
	lines := beam.ParDo(s, &extractFn{Shards: shards, MaxSize: maxSize}, files)
	beam.ParDo0(s, &writeShardFn{Output: output, Shards: shards}, beam.GroupByKey(s, lines))
}

// extractFn reads and extracts one file into its shard and its line.
type extractFn struct {
	// Shards is how many output files the lines are spread over.
	Shards int `json:"shards"`
	// MaxSize is the largest file extracted, in bytes.
	MaxSize int64 `json:"maxSize"`
}

// ProcessElement returns the file's shard, chosen from its path, and its
// line: the document's, or the error's.
func (fn *extractFn) ProcessElement(ctx context.Context, file fileio.ReadableFile) (int, string) {
	name := file.Metadata.Path
	h := fnv.New32a()
	h.Write([]byte(name))
	shard := int(h.Sum32() % uint32(fn.Shards))
	var line bytes.Buffer
	err := fn.extract(ctx, file, &line)
	if err != nil {
		line.Reset()
		// Writing to a bytes.Buffer cannot fail.
		_ = model.WriteErrorLine(&line, name, err)
	}
	return shard, string(bytes.TrimSuffix(line.Bytes(), []byte("\n")))
}

// extract writes the document of file as a JSON line to w.
func (fn *extractFn) extract(ctx context.Context, file fileio.ReadableFile, w *bytes.Buffer) error {
	name := file.Metadata.Path
	if file.Metadata.Size > fn.MaxSize {
		return fmt.Errorf("read %s: larger than %d bytes (--max-size raises the limit)", name, fn.MaxSize)
	}
	data, err := file.Read(ctx)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	doc, err := model.Parse(model.Input{Name: name, Data: data})
	if err != nil {
		return err
	}
	return doc.WriteJSONLine(w, name)
}

// writeShardFn writes the lines of one shard to its file.
type writeShardFn struct {
	// Output is the prefix of the files' names.
	Output string `json:"output"`
	// Shards is how many files there are.
	Shards int `json:"shards"`
}

// ProcessElement writes the lines of shard to its file, one a line.
func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	name := shardName(fn.Output, shard, fn.Shards)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	f, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var line string
	// The writer keeps its first error, which Flush reports.
	for lines(&line) {
		w.WriteString(line)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", name, err)
	}
	return f.Close()
}

// shardName names the file of shard, of shards, under the prefix output.
func shardName(output string, shard, shards int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", output, shard, shards)
}
