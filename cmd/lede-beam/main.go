// Command lede-beam extracts articles at scale on Apache Beam: every file
// matching --input becomes one line of `lede extract --format jsonl`,
// written to --output-SSSSS-of-NNNNN.jsonl. It runs on Beam's in-process
// runner (prism) unless --runner names another, such as flink, spark or
// dataflow, with that runner's usual flags.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
)

var (
	input   = flag.String("input", "", "the files to extract: a pattern such as articles/*.html, local or on any Beam filesystem (gs://...)")
	output  = flag.String("output", "", "the prefix of the output files: PREFIX-00000-of-00004.jsonl...")
	shards  = flag.Int("shards", 1, "how many output files the lines are spread over")
	maxSize = flag.Int64("max-size", 200<<20, "the largest file extracted, in bytes; a larger one gets an error line")
)

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" || *output == "" || *shards < 1 || *maxSize < 1 {
		fmt.Fprintln(os.Stderr, "lede-beam: --input and --output are required; --shards and --max-size are at least 1")
		os.Exit(2)
	}
	p, s := beam.NewPipelineWithRoot()
	extractLines(s, *input, *output, *shards, *maxSize)
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintf(os.Stderr, "lede-beam: %v\n", err)
		os.Exit(1)
	}
}
