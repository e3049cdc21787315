package ui

// heights keeps the height of every block in a Fenwick tree, so that the
// line a block starts on, and the block a line falls in, are found in
// O(log n) while heights change as blocks render and replace estimates.
type heights struct {
	n    int
	tree []int // 1-based Fenwick tree of heights
	h    []int // the heights themselves
}

// newHeights builds the tree over hs in O(n).
func newHeights(hs []int) *heights {
	t := &heights{n: len(hs), tree: make([]int, len(hs)+1), h: hs}
	for i, v := range hs {
		t.tree[i+1] += v
		if j := (i + 1) + ((i + 1) & -(i + 1)); j <= t.n {
			t.tree[j] += t.tree[i+1]
		}
	}
	return t
}

// set changes the height of block i.
func (t *heights) set(i, v int) {
	d := v - t.h[i]
	if d == 0 {
		return
	}
	t.h[i] = v
	for j := i + 1; j <= t.n; j += j & -j {
		t.tree[j] += d
	}
}

// start is the first line of block i: the sum of the heights before it.
func (t *heights) start(i int) int {
	s := 0
	for j := i; j > 0; j -= j & -j {
		s += t.tree[j]
	}
	return s
}

// total is the sum of all heights.
func (t *heights) total() int { return t.start(t.n) }

// find returns the block that holds line n and the line within it;
// lines past the end fall in the last block.
func (t *heights) find(n int) (int, int) {
	if t.n == 0 {
		return 0, 0
	}
	i, rest := 0, n
	step := 1
	for step*2 <= t.n {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if j := i + step; j <= t.n && t.tree[j] <= rest {
			i, rest = j, rest-t.tree[j]
		}
	}
	if i >= t.n {
		return t.n - 1, rest + t.h[t.n-1]
	}
	return i, rest
}
