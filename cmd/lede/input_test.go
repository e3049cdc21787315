package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// endless is an input that never ends: its pattern, over and over. It
// counts the bytes read from it.
type endless struct {
	pattern string
	read    int64
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.pattern[(e.read+int64(i))%int64(len(e.pattern))]
	}
	e.read += int64(len(p))
	return len(p), nil
}

// onlyReader hides every method of a reader but Read, as a pipe's.
type onlyReader struct{ io.Reader }

func TestReadAtMost(t *testing.T) {
	text := []byte(strings.Repeat("The council voted on Tuesday. ", 40_000)) // 1.2 MB
	for _, c := range []struct {
		name  string
		limit int64
		size  int64
		over  bool
	}{
		{"known size", 2 << 20, int64(len(text)), false},
		{"unknown size, many buffers", 2 << 20, 0, false},
		{"exactly the limit", int64(len(text)), 0, false},
		{"one byte over", int64(len(text)) - 1, 0, true},
		{"a size that lies", 2 << 20, 10, false},
	} {
		got, over, err := readAtMost(onlyReader{bytes.NewReader(text)}, c.limit, c.size)
		if err != nil || over != c.over || !over && !bytes.Equal(got, text) {
			t.Errorf("%s: %d bytes, over %v, %v; want %d bytes, over %v", c.name, len(got), over, err, len(text), c.over)
		}
		if c.name == "known size" && cap(got) != len(text)+1 {
			t.Errorf("a file of known size was read into %d bytes of buffer, not one of its size", cap(got))
		}
	}
	cut := errors.New("connection reset")
	if _, _, err := readAtMost(io.MultiReader(bytes.NewReader(text[:100]), iotestErr{cut}), 1<<20, 200); !errors.Is(err, cut) {
		t.Errorf("an input cut short gave %v, want its error", err)
	}
}

// iotestErr is a reader that fails.
type iotestErr struct{ err error }

func (r iotestErr) Read([]byte) (int, error) { return 0, r.err }

// TestEndlessTextStopsAtTheCap reads an input that never ends (yes |
// lede): reading stops one byte past the cap, and what it allocated is
// the cap, not the doubling a growing slice costs.
func TestEndlessTextStopsAtTheCap(t *testing.T) {
	const limit = 8 << 20
	in := &endless{pattern: "y\n"}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, over, err := readAtMost(in, limit, 0)
	runtime.ReadMemStats(&after)
	if err != nil || !over {
		t.Fatalf("over %v, %v; want over the limit", over, err)
	}
	if in.read != limit+1 {
		t.Errorf("read %d bytes, want the limit and one more, %d", in.read, limit+1)
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > limit*5/4 {
		t.Errorf("allocated %d bytes to read %d", allocated, limit)
	}
}

// TestBinaryStreamIsRefusedAtOnce pipes zeros to lede without end: it is
// refused from its first bytes, not read to the 200 MB cap; with --force
// it is read to the cap and refused for its size.
func TestBinaryStreamIsRefusedAtOnce(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	written := make(chan int64)
	go func() {
		zeros := make([]byte, 4<<10)
		var n int64
		for {
			k, err := w.Write(zeros)
			n += int64(k)
			if err != nil {
				w.Close()
				written <- n
				return
			}
		}
	}()
	in := &inputs{maxSize: defaultMaxSize}
	_, err = in.readCapped(r, "standard input")
	r.Close()
	if !errors.Is(err, model.ErrBinary) || err.Error() != "standard input: binary file (binary data)" {
		t.Fatalf("error %v, want a binary file", err)
	}
	// The pipe holds what was written but not read: 64 KB on Linux, 1 MB
	// at most.
	if n := <-written; n > 1<<20 {
		t.Errorf("%d bytes were read from a binary stream before it was refused", n)
	}
	forced := &inputs{maxSize: 1 << 20, force: true}
	zeros, err := os.Open("/dev/zero")
	if err != nil {
		t.Skip(err)
	}
	defer zeros.Close()
	if _, err := forced.readCapped(zeros, "/dev/zero"); err == nil || err.Error() != "read /dev/zero: larger than 1 MB (--max-size raises the limit)" {
		t.Errorf("--force: %v", err)
	}
}

// TestPrintHeapIsBounded checks that reading a document of
// boundedPrintBytes or more to print bounds the heap to what the process
// holds and printHeadroom more, and that reading the next document lifts
// the bound first, since the next may be larger; a smaller document sets
// none.
func TestPrintHeapIsBounded(t *testing.T) {
	defer debug.SetMemoryLimit(math.MaxInt64)
	big := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(big, modeltest.Article(boundedPrintBytes), 0o644); err != nil {
		t.Fatal(err)
	}
	in := &inputs{maxSize: defaultMaxSize}
	if _, err := in.parseLayout(context.Background(), big); err != nil {
		t.Fatal(err)
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if limit := debug.SetMemoryLimit(-1); limit == math.MaxInt64 || limit > int64(m.Sys)+printHeadroom {
		t.Errorf("the memory limit after reading is %d, want at most %d (the memory held, and headroom)", limit, int64(m.Sys)+printHeadroom)
	}
	if _, err := in.parseLayout(context.Background(), "../../testdata/xiaomi-century-brand.txt"); err != nil {
		t.Fatal(err)
	}
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("the memory limit after reading a small document is %d, want none", limit)
	}
	if _, err := in.parseLayout(context.Background(), big); err != nil {
		t.Fatal(err)
	}
	if _, err := in.parseLayout(context.Background(), "missing.txt"); err == nil {
		t.Fatal("reading a missing file did not fail")
	}
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("the memory limit while reading the next document is %d, want none", limit)
	}
}
