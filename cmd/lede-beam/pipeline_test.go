package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/lede-tui/lede/model"
)

// TestMain runs the tests' pipelines on ptest's runner: prism, in this
// process, unless --runner says otherwise.
func TestMain(m *testing.M) {
	ptest.Main(m)
}

// TestPipelineWritesCLILines runs the pipeline over the articles of
// testdata/extract, of every format, a PNG image named as text and a file over the size cap:
// the shards hold one line for each file, the document's line as lede
// extract writes it, or an error line.
func TestPipelineWritesCLILines(t *testing.T) {
	dir := t.TempDir()
	var articles []string
	for _, ext := range []string{"txt", "md", "html"} {
		found, err := filepath.Glob(filepath.Join("..", "..", "testdata", "extract", "*."+ext))
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, found...)
	}
	for _, path := range articles {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(path)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	image := filepath.Join(dir, "image.txt")
	if err := os.WriteFile(image, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o600); err != nil {
		t.Fatal(err)
	}
	const maxSize = 40 << 10
	big := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("Word after word. "), maxSize/8), 0o600); err != nil {
		t.Fatal(err)
	}

	out := filepath.Join(t.TempDir(), "lines")
	p, s := beam.NewPipelineWithRoot()
	extractLines(s, filepath.Join(dir, "*"), out, 2, maxSize)
	if err := ptest.Run(p); err != nil {
		t.Fatal(err)
	}

	var got []string
	for shard := range 2 {
		data, err := os.ReadFile(shardName(out, shard, 2))
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, strings.SplitAfter(string(data), "\n")...)
	}
	got = slices.DeleteFunc(got, func(l string) bool { return l == "" })
	slices.Sort(got)

	paths, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, path := range paths {
		var line bytes.Buffer
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		switch doc, err := model.Parse(model.Input{Name: path, Data: data}); {
		case path == big:
			if err := model.WriteErrorLine(&line, path, errors.New("read "+path+": larger than 40960 bytes (--max-size raises the limit)")); err != nil {
				t.Fatal(err)
			}
		case err != nil:
			if path != image {
				t.Fatalf("%s: %v", path, err)
			}
			if err := model.WriteErrorLine(&line, path, err); err != nil {
				t.Fatal(err)
			}
		default:
			if err := doc.WriteJSONLine(&line, path); err != nil {
				t.Fatal(err)
			}
		}
		want = append(want, line.String())
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("the pipeline wrote\n%.2000s\nwant\n%.2000s", strings.Join(got, ""), strings.Join(want, ""))
	}
	if len(got) != len(articles)+2 || len(articles) < 50 {
		t.Errorf("%d lines for %d articles and 2 more files", len(got), len(articles))
	}
	if !strings.Contains(strings.Join(got, ""), `"error":"`+image+`: binary file (PNG image)"`) {
		t.Errorf("no error line for the image")
	}
}
