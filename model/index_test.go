package model

import (
	"slices"
	"testing"

	"github.com/lede-tui/lede/model/modeltest"
)

// TestIndexInPartsIsTheWhole checks that the index newIndex builds in
// parts, on several goroutines, is the one built in one pass: the same
// sentences and words, every offset into them the same.
func TestIndexInPartsIsTheWhole(t *testing.T) {
	d, err := Read(Input{Name: "big.txt", Data: modeltest.Article(2 * parallelIndexSize)})
	if err != nil {
		t.Fatal(err)
	}
	whole := newIndexPart(len(d.Paragraphs), 0)
	whole.add(d.Paragraphs)
	whole.paraSent = append(whole.paraSent, int32(len(whole.spans)))
	whole.sentTok = append(whole.sentTok, int32(len(whole.toks)))
	for _, cores := range []int{2, 3, 7} {
		bounds := splitBySize(d.Paragraphs, 2*parallelIndexSize, cores)
		if len(bounds) != cores+1 {
			t.Fatalf("%d cores: parts %v, want %d", cores, bounds, cores)
		}
		x := newIndexPart(len(d.Paragraphs), 0)
		for k := range cores {
			part := newIndexPart(0, 0)
			part.add(d.Paragraphs[bounds[k]:bounds[k+1]])
			x.join(part)
		}
		x.paraSent = append(x.paraSent, int32(len(x.spans)))
		x.sentTok = append(x.sentTok, int32(len(x.toks)))
		if !slices.Equal(x.spans, whole.spans) || !slices.Equal(x.toks, whole.toks) ||
			!slices.Equal(x.paraSent, whole.paraSent) || !slices.Equal(x.sentTok, whole.sentTok) {
			t.Errorf("%d cores: the index in parts differs from the whole", cores)
		}
	}
	if x := newIndex(d.Paragraphs); !slices.Equal(x.toks, whole.toks) || !slices.Equal(x.sentTok, whole.sentTok) {
		t.Errorf("newIndex differs from the index built in one pass")
	}
}

// TestSplitBySize checks that the parts are about equal in size and never
// empty, however few the paragraphs.
func TestSplitBySize(t *testing.T) {
	paras := func(sizes ...int) []Paragraph {
		var ps []Paragraph
		for _, n := range sizes {
			ps = append(ps, Paragraph{Text: string(make([]byte, n))})
		}
		return ps
	}
	for _, tc := range []struct {
		sizes []int
		parts int
		want  []int
	}{
		{[]int{10, 10, 10, 10}, 2, []int{0, 2, 4}},
		{[]int{10, 10, 10, 10}, 4, []int{0, 1, 2, 3, 4}},
		{[]int{100, 1, 1, 1}, 2, []int{0, 1, 4}},
		{[]int{100}, 2, []int{0, 1}},
		{[]int{1, 1, 100}, 3, []int{0, 2, 3}},
		{[]int{5}, 2, []int{0, 1}},
	} {
		size := 0
		for _, n := range tc.sizes {
			size += n
		}
		if got := splitBySize(paras(tc.sizes...), size, tc.parts); !slices.Equal(got, tc.want) {
			t.Errorf("splitBySize(%v, %d) = %v, want %v", tc.sizes, tc.parts, got, tc.want)
		}
	}
}
