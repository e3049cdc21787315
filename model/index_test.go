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
		bounds := splitBySize(d.Paragraphs, textSize, 2*parallelIndexSize, cores)
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
		if got := splitBySize(paras(tc.sizes...), textSize, size, tc.parts); !slices.Equal(got, tc.want) {
			t.Errorf("splitBySize(%v, %d) = %v, want %v", tc.sizes, tc.parts, got, tc.want)
		}
	}
}

// TestIndexVocabulary checks that every word of the index has the id of
// its text in the vocabulary, every id one text, and that what the cue
// passes read of a word by its id (its cue, the sets it is in, its
// traits) is what the lexicon says of it.
func TestIndexVocabulary(t *testing.T) {
	text := "Ada Byrne said the plan, which she announced, would work. “We are ready,” said Byrne. " +
		"According to the council, the Council reportedly SAID no. Said and said, said she. Byrne’s and Byrne's. " +
		"The board on Monday was expected to approve it, but they had not, while some of the residents WERE worried. " +
		"Dr. Ana al-Amr, the US envoy, and Prof. Ito spoke; CEO Lei Jun agreed. " +
		// Words of up to eight bytes are told apart by their bytes, from
		// the text or, near a paragraph's end, one by one: these differ
		// in their last bytes, or only in length, around eight.
		"Sail said so; sails, sailed, sailings. Abcdefgh abcdefg abcdefghi Abcdefgi. Ménage ménagé ménages."
	d, err := Read(Input{Name: "vocab.txt", Data: []byte(text + "\n\n" + text + "\n\nAnother paragraph says little.\n\nSail sails said sailed\n\nAbcdefgh abcdefgi\n")})
	if err != nil {
		t.Fatal(err)
	}
	x := newIndex(d.Paragraphs)
	seen := map[string]int{}
	for i, p := range d.Paragraphs {
		from, to := x.sentences(i)
		for s := from; s < to; s++ {
			sn := x.sentence(p.Text, s)
			for k := range sn.len() {
				id := sn.toks[k].id()
				if id < 0 || id >= len(x.vocab) || x.vocab[id] != sn.word(k) {
					t.Fatalf("word %q has id %d", sn.word(k), id)
				}
				if prev, ok := seen[sn.word(k)]; ok && prev != id {
					t.Errorf("word %q has ids %d and %d", sn.word(k), prev, id)
				}
				seen[sn.word(k)] = id
				if got, want := sn.cueWord(k), words().cueWords.get(sn.word(k)); got != want {
					t.Errorf("cueWord(%q) = %v, the lexicon says %v", sn.word(k), got, want)
				}
				w := sn.word(k)
				if sn.nameWord(k) != isNameWord(w) || sn.personWord(k) != isPersonWord(w) || sn.honorific(k) != isHonorific(w) {
					t.Errorf("traits of %q: name word %v, person word %v, honorific %v; want %v, %v, %v", w,
						sn.nameWord(k), sn.personWord(k), sn.honorific(k), isNameWord(w), isPersonWord(w), isHonorific(w))
				}
				for name, set := range lexiconSets(words()) {
					if got, want := sn.in(k, set), set.has(sn.word(k)); got != want {
						t.Errorf("in(%q, %s) = %v, has says %v", sn.word(k), name, got, want)
					}
				}
			}
		}
	}
	if len(seen) != len(x.vocab) {
		t.Errorf("%d distinct words, vocabulary of %d", len(seen), len(x.vocab))
	}
}

// BenchmarkIndex measures splitting a read document into sentences and
// words, the first step of Extract.
func BenchmarkIndex(b *testing.B) {
	benchDocuments(b, func(b *testing.B, d *Document) {
		for b.Loop() {
			newIndex(d.Paragraphs)
		}
	})
}
