package model

import (
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lede-tui/lede/model/modeltest"
)

// markdownBlocks are pieces of Markdown whose blocks run across empty
// lines or end at them, to be cut between.
var markdownBlocks = []string{
	"Intro.\n\n```\ncode one\n\nletters inside\n\nmore\n```\n\nAfter the fence.\n\nLast words.",
	"~~~~ go\nfunc\n\nbody\n~~~\n\nstill code\n~~~~\n\nOut.",
	"Before.\n\n<!-- a comment\n\nhidden words\n\nend -->\n\nAfter.",
	"<pre>\nline\n\nkept\n</pre>\n\nText after.",
	"<script>\nvar a;\n\nb\n</script>\n\nVisible.",
	"<div>\nInside div\n\nOutside now</div>\n\nPara.",
	"<custom-tag>\n\nwords\n\n</custom-tag>\n\nEnd.",
	"- one\n\n  continued para\n\n- two\n\nAfter list.\n\n1. first\n\n   more\n\n2. second\n\nEnd.",
	"- \n\nFollowing text.\n\n-\n\nagain text",
	"> quoted\n\n> second quote\n\nPlain.\n\n> lazy\ncontinuation\n\nDone.",
	"Nested quotes.\n\n> > deep\n> still\n\nOut.",
	"| a | b |\n|---|---|\n| 1 | 2 |\n\nText after table.\n\nHost: a label line\n\nGuest: an answer",
	"Title here\n==========\n\nSub here\n--------\n\nBody text.",
	"    code line\n\n    more code\n\nText.\n\n\tTabbed code\n\nText.",
	"- item\n\n  ```\n  code in item\n\n  more\n  ```\n\nAfter.\n\n```\nTop fence\n\nstill\n```\n\nEnd.",
	"- item\n\n  ```\n  open in item\n\nOut of item.\n\n```\nreal fence\n\nwords\n```\n\nEnd.",
	"See www.example.com and **bold\n\ntext** here.\n\n*Em* and [a link](http://x.example) end.",
	"**Host:** Hello there.\n\n**Guest:** Hi.\n\nQ: And?\n\nA: Yes.",
	"Line one  \nline two\\\nline three\n\nNext.",
	"&amp; and &copy;\n\nText.",
	"A.\n\n\n\nB.\n\n\nC.",
	"```\nnever closed\n\nall code\n\nto the end",
	"<!-- never closed\n\nall hidden\n\nto the end",
}

// TestMarkdownPartsAreTheWhole holds the paragraphs of a Markdown text
// parsed in parts, cut as often as markdownCuts may, to those of the
// whole text's tree: on blocks that run across empty lines, on random
// runs of them, on the Markdown of testdata and on a generated article.
func TestMarkdownPartsAreTheWhole(t *testing.T) {
	texts := markdownTexts(t)
	cut := 0
	for name, src := range texts {
		want, _ := markdownPart(src)
		for _, size := range []int{1, 40, 300, 4096} {
			cuts := markdownCuts(src, size)
			cut += len(cuts) - 2
			if got := markdownPartsParagraphs(src, cuts); !slices.EqualFunc(got, want, samePara) {
				t.Errorf("%s cut at %v: the parts' paragraphs\n%+v\nare not the whole's\n%+v", name, cuts, got, want)
			}
		}
	}
	if cut < 1000 {
		t.Fatalf("only %d cuts: the parts are hardly tried", cut)
	}
}

// markdownTexts returns Markdown texts without front matter, by name:
// the blocks, random runs of them, the Markdown of testdata and a
// generated article.
func markdownTexts(t *testing.T) map[string]string {
	texts := map[string]string{"generated": string(modeltest.Markdown(64 << 10))}
	for i, b := range markdownBlocks {
		texts["block "+string(rune('a'+i))] = b
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 300 {
		var b strings.Builder
		for range 1 + rng.IntN(6) {
			b.WriteString(markdownBlocks[rng.IntN(len(markdownBlocks))])
			sep := strings.Repeat("\n", rng.IntN(4))
			if sep == "" {
				sep = " "
			}
			b.WriteString(sep)
		}
		texts["random "+strconv.Itoa(i)] = b.String()
	}
	files, err := filepath.Glob(filepath.Join("..", "testdata", "*", "*.md"))
	if err != nil || len(files) == 0 {
		t.Fatal("no Markdown in testdata", err)
	}
	for _, f := range files {
		text := sanitize(string(readTestdata(t, filepath.Join(filepath.Base(filepath.Dir(f)), filepath.Base(f)))))
		texts[f] = (&Document{}).readFrontMatter(text)
	}
	return texts
}

// TestMarkdownWithoutLinkify holds the paragraphs of Markdown that holds
// no bare link, read without looking for them, to those read with
// GitHub's extensions whole: the texts of markdownTexts with what may
// start a link taken out.
func TestMarkdownWithoutLinkify(t *testing.T) {
	unlink := strings.NewReplacer("http", "hxxp", "ftp:", "ftp;", "www.", "www,", "@", "(at)")
	for name, src := range markdownTexts(t) {
		src = unlink.Replace(src)
		if mayLinkify(src) {
			t.Fatalf("%s: %q may still hold a link", name, src)
		}
		want, _ := markdownTreeParagraphs(src, true)
		if got, _ := markdownPart(src); !slices.EqualFunc(got, want, samePara) {
			t.Errorf("%s: the paragraphs without Linkify\n%+v\nare not those with it\n%+v", name, got, want)
		}
	}
}

// samePara reports whether a and b are the same paragraph.
func samePara(a, b Paragraph) bool { return reflect.DeepEqual(a, b) }

// TestMarkdownCuts checks where a Markdown text is cut: after an empty
// line, at a line that opens with a letter, about size bytes apart, and
// nowhere in a text that may hold a link reference definition.
func TestMarkdownCuts(t *testing.T) {
	cases := []struct {
		src  string
		size int
		want []int
	}{
		{"One.\n\nTwo.\n\nThree.", 1, []int{0, 6, 12, 18}},
		{"One.\n\nTwo.\n\nThree.", 7, []int{0, 12, 18}},
		{"One.\n\n- two\n\n> three\n\n```\n\n\nFour.", 1, []int{0, 28, 33}},
		{"One.\n\nTwo [a].\n\n[a]: http://a.example\n\nThree.", 1, []int{0, 45}},
		{"No empty line\nat all.", 1, []int{0, 21}},
		{"", 1, []int{0, 0}},
	}
	for _, c := range cases {
		if got := markdownCuts(c.src, c.size); !reflect.DeepEqual(got, c.want) {
			t.Errorf("markdownCuts(%q, %d) = %v, want %v", c.src, c.size, got, c.want)
		}
	}
}

// TestMarkdownPartOpen checks that a part whose last block a later line
// may belong to says so.
func TestMarkdownPartOpen(t *testing.T) {
	for src, want := range map[string]bool{
		"Text.\n\n```\ncode\n\n":      true,
		"Text.\n\n```\ncode\n```\n\n": true,
		"<!-- note\n\n":               true,
		"<div>\nx\n\n":                true,
		"Text.\n\n":                   false,
		"- item\n\n  ```\n  code\n\n": false,
		"> ```\n> code\n\n":           false,
		"| a |\n|---|\n| 1 |\n\n":     false,
		"    indented code\n\n":       false,
		"":                            false,
	} {
		if _, got := markdownPart(src); got != want {
			t.Errorf("markdownPart(%q) open = %v, want %v", src, got, want)
		}
	}
}

// TestEachOnCores checks that eachOnCores calls do once for every k
// below n, and not at all for none.
func TestEachOnCores(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100} {
		calls := make([]int32, n)
		eachOnCores(n, func(k int) { atomic.AddInt32(&calls[k], 1) })
		for k, c := range calls {
			if c != 1 {
				t.Errorf("n = %d: do(%d) called %d times", n, k, c)
			}
		}
	}
}
