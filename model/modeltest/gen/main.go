// Command gen writes the benchmarks' generated article as files, for
// measuring the lede binary by hand (see the README's Bench section):
//
//	go run ./model/modeltest/gen -size 10 -out /tmp/lede-bench
//
// writes article.txt, article.md and article.html of about 10 MB each
// into /tmp/lede-bench, the same text BenchmarkFirstFrame and the other
// benchmarks build at test time.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/lede-tui/lede/model/modeltest"
)

func main() {
	size := flag.Int("size", 10, "the articles' size in MB")
	out := flag.String("out", ".", "the directory to write them into")
	flag.Parse()
	if err := write(*out, *size<<20); err != nil {
		fmt.Fprintf(os.Stderr, "gen: %v\n", err)
		os.Exit(1)
	}
}

// write writes the article of size bytes as text, Markdown and HTML into
// dir, making dir if it is missing.
func write(dir string, size int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, data := range map[string][]byte{
		"article.txt":  modeltest.Article(size),
		"article.md":   modeltest.Markdown(size),
		"article.html": modeltest.HTML(size),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
