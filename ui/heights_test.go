package ui

import (
	"math/rand/v2"
	"testing"
)

func TestHeights(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	hs := make([]int, 37)
	for i := range hs {
		hs[i] = rng.IntN(5) + 1
	}
	ref := append([]int(nil), hs...)
	tree := newHeights(hs)
	check := func() {
		t.Helper()
		line := 0
		for i, h := range ref {
			if got := tree.start(i); got != line {
				t.Fatalf("start(%d) = %d, want %d", i, got, line)
			}
			for k := 0; k < h; k++ {
				if b, in := tree.find(line + k); b != i || in != k {
					t.Fatalf("find(%d) = %d,%d, want %d,%d", line+k, b, in, i, k)
				}
			}
			line += h
		}
		if tree.total() != line {
			t.Fatalf("total %d, want %d", tree.total(), line)
		}
	}
	check()
	for range 200 {
		i, v := rng.IntN(len(ref)), rng.IntN(9)+1
		ref[i] = v
		tree.set(i, v)
	}
	check()
	if b, in := tree.find(tree.total() + 5); b != len(ref)-1 || in != ref[len(ref)-1]+5 {
		t.Fatalf("find past the end = %d,%d", b, in)
	}
}
