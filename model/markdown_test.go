package model

import (
	"reflect"
	"strings"
	"testing"

	"github.com/lede-tui/lede/model/modeltest"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// mdPara is what a test expects of a paragraph read from Markdown: its
// text, marks and links, each link as "text -> URL".
type mdPara struct {
	Text                               string
	Heading, Bold, Quoted, Code, Table bool
	Item                               string
	Links                              []string
}

// mdParas summarizes paragraphs for comparison with what a test expects.
func mdParas(ps []Paragraph) []mdPara {
	out := make([]mdPara, len(ps))
	for i, p := range ps {
		out[i] = mdPara{Text: p.Text, Heading: p.Heading, Bold: p.Bold, Quoted: p.Quoted, Code: p.Code, Table: p.Table, Item: p.Item}
		for _, l := range p.Links {
			out[i].Links = append(out[i].Links, p.Text[l.Start:l.End]+" -> "+l.URL)
		}
	}
	return out
}

func TestReadMarkdown(t *testing.T) {
	cases := []struct {
		name                  string
		in                    string
		title, byline, source string
		want                  []mdPara
	}{
		{
			name:   "front matter with YAML quotes, lists and comments",
			in:     "---\ntitle: 'It''s \\here'\nauthors: [Ada Byrne, \"Tom\\_Reyes\"]\nsource: The Ledger # print\n---\n# Not the title\n\nBody.",
			title:  `It's \here`,
			byline: "Ada Byrne, Tom\u00a0Reyes",
			source: "The Ledger",
			want:   []mdPara{{Text: "Not the title", Heading: true}, {Text: "Body."}},
		},
		{
			name:  "front matter's title repeated by the first heading",
			in:    "---\ntitle: Leaving the Mill\n---\n# Leaving the mill\n\nBody.\n\n# Leaving the Mill\n\nMore.",
			title: "Leaving the Mill",
			want:  []mdPara{{Text: "Body."}, {Text: "Leaving the Mill", Heading: true}, {Text: "More."}},
		},
		{
			name:   "authors as a block list",
			in:     "---\ntitle: \"A \\\"quoted\\\" \\u00e9t\\u00e9\"\nauthor:\n  - Ada Byrne\n  - Tom Reyes\n---\nBody.",
			title:  `A "quoted" été`,
			byline: "Ada Byrne, Tom Reyes",
			want:   []mdPara{{Text: "Body."}},
		},
		{
			name:  "the first heading is the title, later ones stay",
			in:    "The Title\n=========\n\nIntro *text*.\n\n## Part two\n\nMore.",
			title: "The Title",
			want:  []mdPara{{Text: "Intro text."}, {Text: "Part two", Heading: true}, {Text: "More."}},
		},
		{
			name: "paragraphs wholly in strong emphasis are bold",
			in:   "Intro.\n\n**Why trains?**\n\n__Why not?__\n\n***Both?***\n\n**Half** bold.\n\n*Only emphasis.*",
			want: []mdPara{
				{Text: "Intro."}, {Text: "Why trains?", Bold: true}, {Text: "Why not?", Bold: true},
				{Text: "Both?", Bold: true}, {Text: "Half bold."}, {Text: "Only emphasis."},
			},
		},
		{
			name: "list items",
			in:   "Intro.\n\n- one\n- two\n  wrapped\n\n3. three\n4. four\n   - nested\n\n* para one\n\n  para two\n* \n\nAfter.",
			want: []mdPara{
				{Text: "Intro."}, {Text: "one", Item: "-"}, {Text: "two wrapped", Item: "-"},
				{Text: "three", Item: "3."}, {Text: "four", Item: "4."}, {Text: "nested", Item: "-"},
				{Text: "para one", Item: "-"}, {Text: "para two"}, {Text: "After."},
			},
		},
		{
			name: "block quotes",
			in:   "> quoted *text*\n> > nested\n\n> - item\n\nafter",
			want: []mdPara{
				{Text: "quoted text", Quoted: true}, {Text: "nested", Quoted: true},
				{Text: "item", Quoted: true, Item: "-"}, {Text: "after"},
			},
		},
		{
			name: "code blocks keep their lines, code spans their marks",
			in:   "Intro.\n\n```go\nfunc main() {\n\n\tprint(\"**x**\")\n}\n```\n\n    indented\n      more\n\ntext `code *span*` end\n\n```\n```",
			want: []mdPara{
				{Text: "Intro."}, {Text: "func main() {\n\n\tprint(\"**x**\")\n}", Code: true},
				{Text: "indented\n  more", Code: true}, {Text: "text code *span* end"},
			},
		},
		{
			name: "links keep web and mail URLs only",
			in:   "Intro.\n\nSee [the *report*](https://example.com/a_(b) \"T\") and <https://x.org>, [mail](mailto:a@b.c), <me@x.org>, [js](javascript:alert(1)), [rel](/wiki/A), [ref] and ![a photo](p.jpg).\n\n[ref]: http://ref.example/\n\n**[Bold link](http://b.example/)**",
			want: []mdPara{
				{Text: "Intro."},
				{
					Text: "See the report and https://x.org, mail, me@x.org, js, rel, ref and a photo.",
					Links: []string{
						"the report -> https://example.com/a_(b)", "https://x.org -> https://x.org",
						"mail -> mailto:a@b.c", "me@x.org -> mailto:me@x.org", "ref -> http://ref.example/",
					},
				},
				{Text: "Bold link", Bold: true, Links: []string{"Bold link -> http://b.example/"}},
			},
		},
		{
			name: "link text across a line break",
			in:   "Intro.\n\nA [long\nlink](http://a.example/) and [ spaced ](http://b.example/).",
			want: []mdPara{
				{Text: "Intro."},
				{Text: "A long link and  spaced .", Links: []string{"long link -> http://a.example/", "spaced -> http://b.example/"}},
			},
		},
		{
			name: "escapes and entity references, sanitized",
			in:   "Intro.\n\nFish \\*and\\* chips &amp; peas &#27;[31m red &#x1b; &copy; &notanentity; AT&T &#8232;x \\\\ \\q\n\n[x](http://a.example/&#27;[2J)",
			want: []mdPara{
				{Text: "Intro."},
				{Text: `Fish *and* chips & peas [31m red  © &notanentity; AT&T  x \ \q`},
				{Text: "x", Links: []string{"x -> http://a.example/"}}, // the escape sequence goes whole
			},
		},
		{
			name:  "a strong label after a hard break starts a paragraph",
			in:    "Briefing\n\nMS. OKORO: Who is first today?  \nQ\u00a0\u00a0 So, the Governor\nsaid more.  \nNot a label: here.\n\n**Host:** Hi.\\\n[00:01:02] **Guest:**  Hello.\n**Host:** Bye.",
			title: "Briefing",
			want: []mdPara{
				{Text: "MS. OKORO: Who is first today?"},
				{Text: "Q\u00a0\u00a0 So, the Governor said more. Not a label: here."},
				{Text: "**Host:** Hi."},
				{Text: "[00:01:02] **Guest:**  Hello. Host: Bye."},
			},
		},
		{
			name:  "lines of spaces separate paragraphs; line breaks are spaces",
			in:    "Title line\n\none\n\u00a0\u00a0\ntwo\u00a0\nthree  \nfour\\\nfive",
			title: "Title line",
			want:  []mdPara{{Text: "one"}, {Text: "two three four five"}},
		},
		{
			name: "HTML tags go, their text stays",
			in:   "Some <em>marked</em> text<br>next. <!-- c -->\n\n<div class=\"note\">\nA <b>block</b>&amp;note\n</div>\n\n<script>\nalert(1)\n</script>\n\n<!-- comment -->\n\n---\n\nEnd.",
			want: []mdPara{{Text: "Some marked text next."}, {Text: "A block &note"}, {Text: "End."}},
		},
		{
			name: "a table is one paragraph, a line a row, a tab between cells",
			in:   "Intro.\n\n| Ferry | Departs |\n|:--|--:|\n| Island *Queen* | 09:00 |\n| Sea [Swift](https://x.org) | 10:30 \\| late\tor not |\n| Gull |\n\nAfter.",
			want: []mdPara{
				{Text: "Intro."},
				{Text: "Ferry\tDeparts\nIsland Queen\t09:00\nSea Swift\t10:30 | late or not\nGull\t", Table: true, Links: []string{"Swift -> https://x.org"}},
				{Text: "After."},
			},
		},
		{
			name: "a table in a list item or a block quote",
			in:   "Intro.\n\n- Fares:\n\n  | Ticket | Price |\n  | --- | --- |\n  | Single | 4 |\n\n> | A | B |\n> |---|---|\n> | 1 | 2 |",
			want: []mdPara{
				{Text: "Intro."}, {Text: "Fares:", Item: "-"}, {Text: "Ticket\tPrice\nSingle\t4", Table: true},
				{Text: "A\tB\n1\t2", Table: true, Quoted: true},
			},
		},
		{
			name: "struck-out text keeps its marks, a task's box reads [ ] or [x]",
			in:   "Intro.\n\nThe fare is ~~four~~ five pounds.\n\n- [x] Book the ferry\n- [ ] Pack",
			want: []mdPara{
				{Text: "Intro."}, {Text: "The fare is ~~four~~ five pounds."},
				{Text: "[x] Book the ferry", Item: "-"}, {Text: "[ ] Pack", Item: "-"},
			},
		},
		{
			name: "bare web and mail addresses are links",
			in:   "Intro.\n\nSee www.example.com/fares, https://x.org/a?b=c and ada@example.org today.",
			want: []mdPara{
				{Text: "Intro."},
				{
					Text: "See www.example.com/fares, https://x.org/a?b=c and ada@example.org today.",
					Links: []string{
						"www.example.com/fares -> http://www.example.com/fares", "https://x.org/a?b=c -> https://x.org/a?b=c",
						"ada@example.org -> mailto:ada@example.org",
					},
				},
			},
		},
		{
			name: "a list or quote first is no title",
			in:   "- Short item\n\nText.\n\n| Fare |\n| --- |",
			want: []mdPara{{Text: "Short item", Item: "-"}, {Text: "Text."}, {Text: "Fare", Table: true}},
		},
		{
			name: "a table first is no title",
			in:   "| Fare |\n| --- |\n\nText.",
			want: []mdPara{{Text: "Fare", Table: true}, {Text: "Text."}},
		},
		{
			name: "variation selectors markup leaves bare go, those after a character stay",
			in:   "Intro.\n\nHello *\ufe0f* world, ❤\ufe0f and _❤_\ufe0f.\n\n**\ufe0f**\n\n*\ufe0f*  \n*\ufe0f*next",
			want: []mdPara{{Text: "Intro."}, {Text: "Hello  world, ❤\ufe0f and _❤_\ufe0f."}, {Text: "next"}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := readMarkdown(sanitize(c.in))
			if d.Title != c.title || d.Byline != c.byline || d.Source != c.source {
				t.Errorf("title %q byline %q source %q, want %q %q %q", d.Title, d.Byline, d.Source, c.title, c.byline, c.source)
			}
			if got := mdParas(d.Paragraphs); !reflect.DeepEqual(got, c.want) {
				t.Errorf("paragraphs\n%+v\nwant\n%+v", got, c.want)
			}
			checkDocument(t, d)
		})
	}
}

// TestReadMarkdownInterview checks what the Markdown reader makes of a
// long interview: the questions in bold, the editor's note as a block
// quote, the list items and the links. Its extraction is the case
// testdata/extract/seed-exchange-interview.json.
func TestReadMarkdownInterview(t *testing.T) {
	d, err := Read(Input{Name: "seed-exchange-interview.md", Data: readTestdata(t, "extract/seed-exchange-interview.md")})
	if err != nil {
		t.Fatal(err)
	}
	var bold, quoted, items []string
	links := map[string]string{}
	for _, p := range d.Paragraphs {
		switch {
		case p.Bold:
			bold = append(bold, p.Text)
		case p.Quoted:
			quoted = append(quoted, p.Text)
		case p.Item != "":
			items = append(items, p.Item+" "+p.Text[:20])
		}
		for _, l := range p.Links {
			links[p.Text[l.Start:l.End]] = l.URL
		}
	}
	questions := []string{
		"For readers who have never borrowed a packet of seed, could you explain what the Seedkeepers Exchange is?",
		"Why did you start the Exchange?",
		"Why publish the catalogue under an open licence?",
		"The Exchange now lends more than forty thousand packets a year. How did it grow that fast?",
	}
	if !reflect.DeepEqual(bold, questions) {
		t.Errorf("bold paragraphs %q, want the questions", bold)
	}
	if want := []string{"[Editor's note: the 3,000th variety, a climbing bean, was registered two days after this interview.]"}; !reflect.DeepEqual(quoted, want) {
		t.Errorf("quoted %q, want %q", quoted, want)
	}
	if want := []string{"- We are small and loc", "- We are a charity, bu", "- We care more about s"}; !reflect.DeepEqual(items, want) {
		t.Errorf("items %q, want %q", items, want)
	}
	wantLinks := map[string]string{
		"open data licence":                         "https://opendatacommons.org/",
		"https://seedkeepers.example.org/guides":    "https://seedkeepers.example.org/guides",
		"https://seedkeepers.example.org/accounts":  "https://seedkeepers.example.org/accounts",
		"https://seedkeepers.example.org/catalogue": "https://seedkeepers.example.org/catalogue",
		"https://seedkeepers.example.org/figures":   "https://seedkeepers.example.org/figures",
	}
	if !reflect.DeepEqual(links, wantLinks) {
		t.Errorf("links %q", links)
	}
	checkDocument(t, d)
}

// TestReadMarkdownLikePlain checks that Markdown with no marks but bold
// questions and speaker labels reads as the plain reader reads it, and
// gives the same turns and exchanges.
func TestReadMarkdownLikePlain(t *testing.T) {
	for _, name := range []string{"extract/podcast-transcript.md", "extract/translation-press-interview.md", "extract/state-press-briefing-excerpt.md"} {
		t.Run(name, func(t *testing.T) {
			text := sanitize(string(readTestdata(t, name)))
			// The briefing escapes its brackets (`\[`), which the plain
			// reader keeps as written.
			plain := readPlain(strings.NewReplacer(`\[`, "[", `\]`, "]").Replace(text))
			md := readMarkdown(text)
			if !reflect.DeepEqual(md, plain) {
				t.Fatalf("Markdown reading\n%+v\ndiffers from plain\n%+v", md, plain)
			}
			md.Extraction = Extract(md)
			plain.Extraction = Extract(plain)
			if !reflect.DeepEqual(md.Turns, plain.Turns) || !reflect.DeepEqual(md.Exchanges, plain.Exchanges) {
				t.Errorf("turns %+v exchanges %+v, plain %+v %+v", md.Turns, md.Exchanges, plain.Turns, plain.Exchanges)
			}
			checkDocument(t, md)
		})
	}
}

// hostileMarkdown are inputs that make naive Markdown parsers slow or
// crash: runs of marks, deep nesting, quadratic link scans.
var hostileMarkdown = map[string]string{
	"stars":            strings.Repeat("*", 1<<16),
	"alternate stars":  strings.Repeat("*a **b ", 1<<13),
	"underscores":      strings.Repeat("_a", 1<<15),
	"open brackets":    strings.Repeat("[", 1<<16),
	"nested brackets":  strings.Repeat("[", 1<<12) + "a" + strings.Repeat("](http://x)", 1<<12),
	"link openers":     strings.Repeat("[a](", 1<<14),
	"angle openers":    strings.Repeat("[a](<", 1<<14),
	"label lines":      strings.Repeat("[x]\n", 1<<14),
	"deep quotes":      strings.Repeat(">", 1<<14) + " x",
	"deep lists":       strings.Repeat("- ", 1<<14) + "x",
	"deep ordered":     strings.Repeat("1. ", 1<<12) + "x",
	"many list lines":  strings.Repeat("- - - - - - - - x\n", 1<<12),
	"angles":           strings.Repeat("<", 1<<16),
	"backticks":        strings.Repeat("`a``", 1<<14),
	"entities":         strings.Repeat("&#27;&amp", 1<<13),
	"backslashes":      strings.Repeat("\\", 1<<16),
	"labels":           strings.Repeat("**Host:** hi  \n", 1<<12),
	"emphasis in link": strings.Repeat("*[a*](http://x)", 1<<12),
	"unclosed html":    "<div\n" + strings.Repeat("a <b ", 1<<12),
	"wide table": strings.Repeat("| a header cell of some length ", 1<<10) + "|\n" +
		strings.Repeat("| --- ", 1<<10) + "|\n" + strings.Repeat("one short row of text\n", 1<<12),
	"pipes":      strings.Repeat("|\n|-|\n", 1<<13),
	"tildes":     strings.Repeat("~~a~", 1<<14),
	"bare links": strings.Repeat("www.a.b http://c.d e@f.g ", 1<<12),
	"task boxes": strings.Repeat("- [ ] [x] ", 1<<13),
}

func TestReadMarkdownHostile(t *testing.T) {
	for name, in := range hostileMarkdown {
		t.Run(name, func(t *testing.T) {
			checkDocument(t, readMarkdown(sanitize(in)))
		})
	}
}

func TestTooHardForGoldmark(t *testing.T) {
	for _, name := range []string{"extract/podcast-transcript.md", "extract/translation-press-interview.md", "extract/seed-exchange-interview.md", "extract/state-press-briefing-excerpt.md"} {
		if tooHardForGoldmark(strings.Repeat(string(readTestdata(t, name))+"\n\n", 200)) {
			t.Errorf("%s is too hard for goldmark", name)
		}
	}
	for _, name := range []string{"link openers", "angle openers", "label lines", "deep quotes", "deep lists", "many list lines", "open brackets", "wide table"} {
		if !tooHardForGoldmark(hostileMarkdown[name]) {
			t.Errorf("%s is not too hard for goldmark", name)
		}
	}
	// A transcript without blank lines, where every line has a time code
	// in brackets, is read as plain text once it is long.
	if !tooHardForGoldmark(strings.Repeat("[00:00:15] Host: Welcome to the show.\n", 1<<13)) {
		t.Error("a long paragraph full of brackets is not too hard for goldmark")
	}
	// Markdown nested a level deeper on each line, by indentation or
	// block quotes, passes maxMarkdownNesting within a few KB; lines
	// indented far inside a deep list add up to too many rescans.
	for _, f := range modeltest.Floods {
		if !strings.HasSuffix(f.Name, ".md") || f.Name == "question headings.md" {
			continue
		}
		if !tooHardForGoldmark(sanitize(string(f.Make(1 << 20)))) {
			t.Errorf("a flood of %s is not too hard for goldmark", f.Name)
		}
	}
	// Outlines and quoted e-mail nest ten levels deep, over and over;
	// tables of a few columns follow one another.
	var outline, email, tables strings.Builder
	for range 200 {
		tables.WriteString("| Ferry | Departs | Fare |\n| :-- | :-: | --: |\n")
		for range 40 {
			tables.WriteString("| Island Queen | 09:00 | £4 |\n| Sea Swift | 10:30 | |\n")
		}
		tables.WriteString("\n")
		for k := range 10 {
			outline.WriteString(strings.Repeat("\t", k) + "- point\n")
			email.WriteString(strings.Repeat("> ", 10-k) + "wrote\n>\n")
		}
		outline.WriteString("\n")
		email.WriteString("\n")
	}
	for name, src := range map[string]string{"outline": outline.String(), "e-mail": email.String(), "tables": tables.String()} {
		if tooHardForGoldmark(src) {
			t.Errorf("%s is too hard for goldmark", name)
		}
	}
}

// TestMarkdownNesting checks the nesting that the guard counts against
// the tree goldmark builds: the deepest line of each input stands in as
// many block quotes and list items in both.
func TestMarkdownNesting(t *testing.T) {
	for _, src := range []string{
		"- a\n  - b\n    - c\n  - d\n- e\n",
		"- a\n\n  - b\n\n    - c\n\n      more of c\n",
		"1. a\n2. b\n   1. c\n      - d\n3. e\n",
		"\t- a\n\t\t- b\n\t\t\t- c\n",
		"- a\n\t- b\n\t\t- c\n\t\t\t- d\n",
		"> a\n> > b\n> > > c\nlazy\n> > > > d\n",
		"> - a\n>   > b\n>   > - c\n",
		"- a\n  - b\nlazy text\n    - c\n",
		"* * *\n- a\n",
		"```\n> > > code\n```\n",
	} {
		if got, want := markdownDepth(src), goldmarkDepth(src); got < want || got > want+3 {
			t.Errorf("%q: guard counts %d, goldmark nests %d", src, got, want)
		}
	}
}

// FuzzMarkdownNesting builds Markdown from pieces that open, continue and
// close block quotes and list items, and checks that the guard never
// counts less nesting than goldmark builds, up to the bound that matters.
func FuzzMarkdownNesting(f *testing.F) {
	pieces := []string{" ", "  ", "   ", "    ", "\t", "\n", "\n\n", ">", "> ", ">\t", "\n> ",
		"-", "- ", "-\t", "-     ", "+ ", "* ", "1. ", "1.\t", "2) ", "10.  ", "0. ",
		"  - ", "\t- ", "x", "text ", "```", "# ", "\n---\n", "<div>"}
	f.Add([]byte{11, 5, 0, 0, 11, 5, 7, 12, 24})
	f.Add([]byte{22, 24, 5, 23, 24, 5, 4, 23, 24, 5, 25, 5, 0, 0, 0, 0, 12, 24})
	f.Fuzz(func(t *testing.T, b []byte) {
		var md strings.Builder
		for _, c := range b {
			md.WriteString(pieces[int(c)%len(pieces)])
		}
		src := sanitize(md.String())
		if got, want := min(markdownDepth(src), maxMarkdownNesting+1), min(goldmarkDepth(src), maxMarkdownNesting+1); got < want {
			t.Fatalf("%q: guard counts %d, goldmark nests %d", src, got, want)
		}
	})
}

// markdownDepth is the deepest nesting the guard counts in src.
func markdownDepth(src string) int {
	var n nesting
	deepest := 0
	for line := range strings.Lines(src) {
		_, depth, _ := n.line(strings.TrimSuffix(line, "\n"))
		deepest = max(deepest, depth)
	}
	return deepest
}

// goldmarkDepth is the most block quotes and list items that goldmark
// nests one in another when it parses src.
func goldmarkDepth(src string) int {
	root := goldmark.New().Parser().Parse(text.NewReader([]byte(src)))
	deepest := 0
	var walk func(n ast.Node, depth int)
	walk = func(n ast.Node, depth int) {
		switch n.(type) {
		case *ast.Blockquote, *ast.ListItem:
			depth++
		}
		deepest = max(deepest, depth)
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c, depth)
		}
	}
	walk(root, 0)
	return deepest
}

// BenchmarkReadMarkdown reads about 1 MB of Markdown: the Tidewell Press
// interview repeated.
func BenchmarkReadMarkdown(b *testing.B) {
	text := sanitize(string(readTestdata(b, "extract/translation-press-interview.md")))
	front := text[:len(text)-len((&Document{}).readFrontMatter(text))]
	body := text[len(front):] + "\n"
	in := front + strings.Repeat(body, (1<<20)/len(body))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		readMarkdown(in)
	}
}
