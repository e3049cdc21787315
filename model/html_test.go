package model

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// readHTMLPage reads a page of testdata/extract through the HTML reader.
func readHTMLPage(t *testing.T, name string) *Document {
	t.Helper()
	d, err := Read(Input{Name: name, Data: readTestdata(t, filepath.Join("extract", name))})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestHTMLPages(t *testing.T) {
	tests := []struct {
		name, title, byline, source, date string
		// contains are texts some paragraph must hold; headings, items,
		// quoted and code count the paragraphs so marked, at least.
		contains                      []string
		headings, items, quoted, code int
		links                         int
		removed                       string // a reason Removed must list, or ""
	}{
		{
			name:     "tidepool-colophon.html",
			title:    "Colophon", // the site's name, in the host name too, goes to source
			source:   "Tidepool Notes",
			contains: []string{"Tidepool Notes is written, edited and photographed by Miriam Oyelaran", "ImageMagick"},
			headings: 6, items: 10, links: 20,
		},
		{
			name:     "brook-blog.html",
			title:    "Reading CSV in constant memory with Brook 0.9", // as the h1 has it
			source:   "Brook",
			date:     "2025-01-28",
			contains: []string{"// count.go\npackage main\n\nimport (\n\t\"fmt\"", "Migrating other readers"},
			headings: 9, items: 6, code: 8, links: 20,
		},
		{
			name:     "circuit-ledger-news.html",
			title:    "Researcher publishes flaw that lets strangers unlock Brightbolt smart locks",
			byline:   "Marcus Hale",
			source:   "The Circuit Ledger",
			date:     "2025-03-06",
			contains: []string{"A flaw in the pairing code of Brightbolt", "for position in range(4):\n    best = max("},
			quoted:   8, code: 1, links: 5,
			removed: reasonComments,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readHTMLPage(t, tt.name)
			checkDocument(t, d)
			if d.Title != tt.title || d.Byline != tt.byline || d.Source != tt.source || d.Date != tt.date {
				t.Errorf("metadata %q, %q, %q, %q; want %q, %q, %q, %q",
					d.Title, d.Byline, d.Source, d.Date, tt.title, tt.byline, tt.source, tt.date)
			}
			var headings, items, quoted, code, links int
			var all []string
			for _, p := range d.Paragraphs {
				headings += count(p.Heading)
				items += count(p.Item != "")
				quoted += count(p.Quoted)
				code += count(p.Code)
				links += len(p.Links)
				all = append(all, p.Text)
			}
			text := strings.Join(all, "\n\n")
			for _, want := range tt.contains {
				if !strings.Contains(text, want) {
					t.Errorf("text lacks %q", want)
				}
			}
			if headings < tt.headings || items < tt.items || quoted < tt.quoted || code < tt.code || links < tt.links {
				t.Errorf("%d headings, %d items, %d quoted, %d code, %d links; want at least %d, %d, %d, %d, %d",
					headings, items, quoted, code, links, tt.headings, tt.items, tt.quoted, tt.code, tt.links)
			}
			if tt.removed != "" && !hasRemoved(d, tt.removed) {
				t.Errorf("Removed %v lacks a %q", d.Removed, tt.removed)
			}
		})
	}
}

// count is 1 for true and 0 for false.
func count(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hasRemoved reports whether d lists a removed piece for reason.
func hasRemoved(d *Document, reason string) bool {
	for _, r := range d.Removed {
		if r.Reason == reason {
			return true
		}
	}
	return false
}

// buildParagraphs runs the paragraph builder over a fragment of a page.
func buildParagraphs(t *testing.T, page string, base string) []Paragraph {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	info := scanPage(root)
	if base != "" {
		info.setURL(base, true)
	}
	b := newParagraphBuilder(info.url, false)
	b.walk(root)
	return b.finish()
}

func TestHTMLBlocks(t *testing.T) {
	tests := []struct {
		name, page, base string
		want             []Paragraph
	}{
		{
			name: "white space collapses, no-break spaces stay inside",
			page: "<p>\n  Two   words\tand\u00a0more\n</p><p>&nbsp;</p><p>\u00a0 edge \u00a0</p>",
			want: []Paragraph{{Text: "Two words and\u00a0more"}, {Text: "edge"}},
		},
		{
			name: "inline elements join, blocks split",
			page: "<div>one<span>two</span> <em>three</em><div>four</div>five</div>",
			want: []Paragraph{{Text: "onetwo three"}, {Text: "four"}, {Text: "five"}},
		},
		{
			name: "headings, quotes and bold questions",
			page: "<h2>Part one</h2><blockquote><p>Said once.</p></blockquote>" +
				"<p><strong>Why trains?</strong></p><p><b>Lead</b> and then plain.</p>",
			want: []Paragraph{
				{Text: "Part one", Heading: true},
				{Text: "Said once.", Quoted: true},
				{Text: "Why trains?", Bold: true},
				{Text: "Lead and then plain."},
			},
		},
		{
			name: "a line break splits a question from its answer",
			page: "<p><b>What next?</b><br>\nWe build.</p><h3>A<br>B</h3>",
			want: []Paragraph{{Text: "What next?", Bold: true}, {Text: "We build."}, {Text: "A B", Heading: true}},
		},
		{
			name: "lists",
			page: `<ul><li>apple</li><li><p>pear</p></li></ul><ol start="3"><li>third<li>fourth<br>more</ol>`,
			want: []Paragraph{
				{Text: "apple", Item: "-"}, {Text: "pear", Item: "-"},
				{Text: "third", Item: "3."}, {Text: "fourth", Item: "4."}, {Text: "more"},
			},
		},
		{
			name: "preformatted code keeps its lines",
			page: "<pre>\n  if x {\n<span>\treturn</span><br>  }\n\n</pre><p>after</p>",
			want: []Paragraph{{Text: "  if x {\n\treturn\n  }", Code: true}, {Text: "after"}},
		},
		{
			name: "q gets typographic quotes",
			page: `<p>He said <q>we will</q>, then <q> left </q>.<q></q> Done.</p>`,
			want: []Paragraph{{Text: "He said “we will”, then “left” .“” Done."}},
		},
		{
			name: "table rows",
			page: "<table><tr><th>Year</th><th>Sales</th></tr><tr><td>2023</td><td></td><td>5</td></tr></table>",
			want: []Paragraph{{Text: "Year | Sales"}, {Text: "2023 | 5"}},
		},
		{
			name: "links resolve against the page, only web and mail links kept",
			page: `<p>See <a href="/a"> the <b>notes</b> </a>, <a href="mailto:x@example.org">mail</a>, ` +
				`<a href="javascript:alert(1)">script</a>, <a href="ftp://h/f">ftp</a> and <a href="#top">top</a>.</p>`,
			base: "https://example.org/news/story.html",
			want: []Paragraph{{
				Text: "See the notes , mail, script, ftp and top.",
				Links: []Link{
					{Start: 4, End: 13, URL: "https://example.org/a"},
					{Start: 16, End: 20, URL: "mailto:x@example.org"},
				},
			}},
		},
		{
			name: "relative links without a page address are text",
			page: `<p><a href="/a">here</a> and <a href="https://example.com/b">there</a></p>`,
			want: []Paragraph{{Text: "here and there", Links: []Link{{Start: 9, End: 14, URL: "https://example.com/b"}}}},
		},
		{
			name: "a link around blocks marks each",
			page: `<a href="https://example.com/"><h2>Title</h2><p>Teaser</p></a>`,
			want: []Paragraph{
				{Text: "Title", Heading: true, Links: []Link{{Start: 0, End: 5, URL: "https://example.com/"}}},
				{Text: "Teaser", Links: []Link{{Start: 0, End: 6, URL: "https://example.com/"}}},
			},
		},
		{
			name: "scripts, styles, forms controls and hidden parts are not text",
			page: `<p>kept<script>var x = "<p>no</p>";</script><style>p{}</style></p>` +
				`<noscript><p>no</p></noscript><p hidden>no</p><button>no</button><select><option>no</select>`,
			want: []Paragraph{{Text: "kept"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := buildParagraphs(t, tt.page, tt.base)
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// articlePage returns a page whose article is paragraphs of invented
// prose, long enough for Readability, between the given head and the
// given furniture after it.
func articlePage(head, after string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head>" + head + "</head><body>")
	b.WriteString(`<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Harbour plan approved</h1>`)
	for i := range 8 {
		fmt.Fprintf(&b, "<p>Paragraph %d of the story: the harbour council voted on Tuesday to approve the new "+
			"breakwater, which residents had asked for since the storms of last winter damaged the pier, "+
			"and work is to start in the spring.</p>\n", i+1)
	}
	b.WriteString("</article>" + after + "</body></html>")
	return b.String()
}

func TestHTMLMetadataAndRemoved(t *testing.T) {
	head := `<title>Harbour plan approved | Harbour News</title>
<meta property="og:site_name" content="Harbour News">
<link rel="canonical" href="https://news.example/harbour">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Harbour plan approved","datePublished":"2024-03-05T09:30:00+01:00",
"author":{"@type":"Person","name":"Ana Reyes"}}</script>`
	after := `<div class="share-bar"><a href="https://twitter.example/share">Share on Twitter</a></div>
<section id="comments"><h3>3 comments</h3><p>First!</p><form><textarea></textarea></form></section>
<aside class="related-stories"><ul><li><a href="/old">Pier damaged in storm</a></li></ul></aside>`
	d, err := Read(Input{Name: "page.html", Data: []byte(articlePage(head, after))})
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	if d.Title != "Harbour plan approved" || d.Byline != "Ana Reyes" || d.Source != "Harbour News" || d.Date != "2024-03-05" {
		t.Errorf("metadata %q, %q, %q, %q", d.Title, d.Byline, d.Source, d.Date)
	}
	if len(d.Paragraphs) != 8 || !strings.HasPrefix(d.Paragraphs[0].Text, "Paragraph 1 of the story") {
		t.Errorf("paragraphs %+v", d.Paragraphs)
	}
	want := []Removed{
		{Text: "Share on Twitter", Reason: reasonShare},
		{Text: "3 comments First!", Reason: reasonComments},
		{Text: "Pier damaged in storm", Reason: reasonRelated},
	}
	if fmt.Sprint(d.Removed) != fmt.Sprint(want) {
		t.Errorf("removed %+v\nwant    %+v", d.Removed, want)
	}
}

func TestHTMLCharset(t *testing.T) {
	body := "<p>" + strings.TrimSpace(chineseSimplified) + "</p>"
	page := func(meta string) string {
		return "<html><head>" + meta + "<title>小米</title></head><body>" + body + "</body></html>"
	}
	latin := "<html><body><p>Caf\u00e9 cr\u00e8me, na\u00efve fa\u00e7ade, \u00bfqu\u00e9?</p></body></html>"
	tests := []struct {
		name        string
		data        []byte
		contentType string
		want        string
	}{
		{"meta charset gbk", mustEncode(t, simplifiedchinese.GBK, page(`<meta charset="gbk">`)), "", chineseSimplified},
		{
			"meta http-equiv gb2312 after a long comment",
			mustEncode(t, simplifiedchinese.GBK, "<!--"+strings.Repeat("x", 4000)+"-->"+
				page(`<meta http-equiv="Content-Type" content="text/html; charset=GB2312">`)),
			"", chineseSimplified,
		},
		{"undeclared gb18030 is guessed", mustEncode(t, simplifiedchinese.GB18030, page("")), "", chineseSimplified},
		{
			"utf-16le with byte order mark",
			mustEncode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), page(`<meta charset="utf-16">`)),
			"", chineseSimplified,
		},
		{
			"utf-16be with byte order mark",
			mustEncode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), page("")),
			"", chineseSimplified,
		},
		{"header charset wins over meta", mustEncode(t, charmap.Windows1252, latin), "text/html; charset=ISO-8859-1", "Café crème"},
		{
			"declared utf-8 with windows-1252 quotes pasted in",
			[]byte("<html><head><meta charset=\"utf-8\"></head><body><p>\x93Caf\xc3\xa9 cr\xc3\xa8me,\x94 she said.</p></body></html>"),
			"text/html; charset=utf-8", "“Café crème,” she said.",
		},
		{
			"meta naming utf-16 in ascii bytes means utf-8",
			[]byte(`<html><head><meta charset="utf-16"></head><body><p>Café crème</p></body></html>`),
			"", "Café crème",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := readHTML(tt.data, tt.contentType, "page.html")
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, d)
			if len(d.Paragraphs) == 0 || !strings.HasPrefix(d.Paragraphs[0].Text, strings.TrimSpace(tt.want)[:10]) {
				t.Errorf("paragraphs %+v, want one starting %q", d.Paragraphs, tt.want[:10])
			}
		})
	}
}

func TestHTMLHostile(t *testing.T) {
	page := "<html><head><title>Bad\x1b]0;owned\x07 &#27;[31mred&#27;[0m \u202eevil\u202c</title>" +
		`<meta name="author" content="Eve &#27;[2J&#x9b;1m&#x85;">` +
		`<meta property="og:site_name" content="Site&#7;&#0;">` +
		`<meta property="article:published_time" content="&#27;[31m2024-01-02">` +
		"</head><body><article>" +
		strings.Repeat("<p>Text with an escape \x1b[2J here and &#27;]8;;https://evil.example&#27;\\ a link "+
			`<a href="https://example.org/&#27;[31m">there</a>, a C1 `+"\u009b31m control, &#x9b;, and a bell &#7;.</p>", 6) +
		`<div class="comments">Comment &#27;[5m blink</div></article></body></html>`
	d, err := Read(Input{Name: "hostile.html", Data: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	if len(d.Paragraphs) == 0 || d.Title == "" || d.Byline == "" {
		t.Errorf("lost the text: %+v", d)
	}
}

func TestHTMLNoPanic(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		empty   bool // Read must fail with ErrEmpty
		wantAny string
	}{
		{name: "empty", data: "", empty: true},
		{name: "doctype alone", data: "<!doctype html>", empty: true},
		{name: "head only", data: "<html><head><meta charset=utf-8></head></html>", empty: true},
		{name: "comments only", data: "<html><!-- a --><body><!-- b --></body></html>", empty: true},
		{name: "no body", data: "<html><head><title>Only a title</title></head></html>", wantAny: "Only a title"},
		{name: "no html, head or body", data: "<p>Bare paragraph.</p>", wantAny: "Bare paragraph."},
		{name: "frameset", data: "<html><frameset><frame src=a></frameset></html>", empty: true},
		{name: "deep divs", data: strings.Repeat("<div>", 10000) + "deep text" + strings.Repeat("</div>", 10000), wantAny: "deep text"},
		{name: "deep unclosed bold", data: "<p>" + strings.Repeat("<b>x", 10000), wantAny: "x"},
		{name: "deep lists", data: strings.Repeat("<ul><li>", 10000) + "item", wantAny: "item"},
		{name: "deep tables", data: strings.Repeat("<table><tr><td>", 5000) + "cell", wantAny: "cell"},
		{name: "deep quotes", data: strings.Repeat("<q>", 10000) + "said", wantAny: "said"},
		{name: "unterminated tag", data: "<html><body><p>text<a href=\"", wantAny: "text"},
		{name: "invalid bytes", data: "<html><body>\xff\xfe<p>\xc3(text\x01\x7f</p>", wantAny: "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Read(Input{Name: tt.name, Data: []byte(tt.data), Format: FormatHTML})
			if tt.empty {
				if !errors.Is(err, ErrEmpty) {
					t.Errorf("got %+v, %v; want ErrEmpty", d, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkDocument(t, d)
			text := d.Title
			for _, p := range d.Paragraphs {
				text += "\n" + p.Text
			}
			if !strings.Contains(text, tt.wantAny) {
				t.Errorf("text %.200q lacks %q", text, tt.wantAny)
			}
		})
	}
}

func TestHTMLNULBytes(t *testing.T) {
	d, err := readHTML([]byte("<html>\x00<body>\x00<p>te\x00xt</p>"), "", "nul.html")
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, d)
	if len(d.Paragraphs) != 1 || d.Paragraphs[0].Text != "text" {
		t.Errorf("paragraphs %+v", d.Paragraphs)
	}
}

func TestHTMLStream(t *testing.T) {
	page := `<html><head><title>Big | Site</title><style>p{}</style></head><body>
<header><h1>Site</h1></header><nav><ul><li>Home</ul></nav>
<main><h1>Headline</h1><p>First <b>para</b>.<p>Second<br>line</p><ul><li>one<li>two</ul>
<pre>a
  b</pre><img src=x alt=pic><form><input value=q><button>Go</button></form></main>
<aside><p>Aside</p></aside><footer><p>Footer</p></footer>`
	d := readHTMLStream(page)
	want := []Paragraph{
		{Text: "Headline", Heading: true}, {Text: "First para."}, {Text: "Second"}, {Text: "line"},
		{Text: "one", Item: "-"}, {Text: "two", Item: "-"}, {Text: "a\n  b", Code: true},
	}
	if d.Title != "Big | Site" || fmt.Sprintf("%+v", d.Paragraphs) != fmt.Sprintf("%+v", want) {
		t.Errorf("got %q %+v\nwant %+v", d.Title, d.Paragraphs, want)
	}
}

func TestCountTags(t *testing.T) {
	tests := []struct {
		text  string
		limit int
		want  int
	}{
		{"", 10, 0},
		{"<p>a < b <!-- c --> </p><BR/><", 10, 2},
		{strings.Repeat("<i>", 50), 10, 10},
	}
	for _, tt := range tests {
		if got := countTags(tt.text, tt.limit); got != tt.want {
			t.Errorf("countTags(%q, %d) = %d, want %d", tt.text, tt.limit, got, tt.want)
		}
	}
}

// bigPage repeats the paragraphs of a page of testdata/extract up to size
// bytes.
func bigPage(t testing.TB, name string, size int) []byte {
	page := string(readTestdata(t, filepath.Join("extract", name)))
	paragraphs := strings.Join(regexp.MustCompile(`(?s)<p[ >].*?</p>`).FindAllString(page, -1), "\n")
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>Big page</title></head><body><article>")
	for b.Len() < size {
		b.WriteString(paragraphs)
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}

// BenchmarkReadHTML reads the paragraphs of a news page repeated up to
// 1 MB and up to 10 MB (96,000 start tags, just under maxTreeTags): both
// go through Readability.
func BenchmarkReadHTML(b *testing.B) {
	for _, size := range []int{1 << 20, 10 << 20} {
		data := bigPage(b, "circuit-ledger-news.html", size)
		b.Run(fmt.Sprintf("%dMB", size>>20), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := readHTML(data, "", "deep.html"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestHTMLLinksResolveAgainstTheURL(t *testing.T) {
	page := `<html><body><article><p>The council <a href="/minutes/12">published its minutes</a> on Tuesday, and the harbour plan is in them.</p></article></body></html>`
	d, err := Read(Input{Name: "https://news.example.org/2024/harbour", Data: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	links := d.Paragraphs[0].Links
	if len(links) != 1 || links[0].URL != "https://news.example.org/minutes/12" {
		t.Fatalf("links %+v", links)
	}
	if got := d.Paragraphs[0].Text[links[0].Start:links[0].End]; got != "published its minutes" {
		t.Fatalf("link text %q", got)
	}
}

func TestHTMLStreamWithoutHeadEnd(t *testing.T) {
	page := "<html><head><title>T</title><meta charset=utf-8><body><p>First words of the body.</p><p>More.</p>"
	d := readHTMLStream(page)
	if d.Title != "T" || len(d.Paragraphs) != 2 || d.Paragraphs[0].Text != "First words of the body." {
		t.Fatalf("title %q, paragraphs %+v", d.Title, d.Paragraphs)
	}
}

func TestHTMLHeadingPermalinks(t *testing.T) {
	page := `<html><body><article><h2>Current status <a href="#current-status">#</a></h2><p>The work goes on and the team is pleased with how far it has come.</p>` +
		`<h2>Next steps <a href="https://example.org/a#next">¶</a></h2><p>More work follows in the spring, when the new members join the team.</p>` +
		`<h2>Issue #</h2><h2>C#</h2></article></body></html>`
	d, err := Read(Input{Name: "page.html", Data: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	var headings []string
	for _, p := range d.Paragraphs {
		if p.Heading {
			headings = append(headings, p.Text)
			if len(p.Links) > 0 {
				t.Errorf("heading %q keeps its permalink", p.Text)
			}
		}
	}
	if got := strings.Join(headings, " | "); got != "Current status | Next steps | Issue | C#" {
		t.Fatalf("headings %q", got)
	}
}

// TestHTMLTextCollapsesSpace checks that a text node's runs of HTML white
// space (space, tab, line feed, carriage return, form feed) each become
// one space between its words, whatever else it holds, once sanitized,
// and that its words are counted as plain text.
func TestHTMLTextCollapsesSpace(t *testing.T) {
	pieces := []string{"a", "bc", " ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "é", "  \n\t"}
	isSpace := func(r rune) bool { return strings.ContainsRune(" \t\n\r\f", r) }
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var s strings.Builder
		for range rng.IntN(8) {
			s.WriteString(pieces[rng.IntN(len(pieces))])
		}
		b := newParagraphBuilder(nil, false)
		b.text(s.String())
		words := strings.FieldsFunc(sanitize(s.String()), isSpace)
		if got, want := b.buf.String(), strings.Join(words, " "); got != want {
			t.Errorf("text(%q) wrote %q, want %q", s.String(), got, want)
		}
		if got, want := b.plain, len(strings.Join(words, "")); got != want {
			t.Errorf("text(%q) counted %d bytes of plain text, want %d", s.String(), got, want)
		}
	}
}

// TestRemovedFromSearchesWindows checks that the page furniture
// removedFrom lists is the furniture whose text, white space taken out, is
// not in the paragraphs' text, white space taken out, found by searching
// all of it at once, when the text runs to many search windows: pieces
// that cross a window's edge, or a paragraph's, are found, whatever the
// spaces in them; pieces not in the text are listed once each.
func TestRemovedFromSearchesWindows(t *testing.T) {
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune {
			if IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	words := []string{"harbour", "ferry", "plan", "é", "\u00a0", "council", "日本", "\xff", "vote"}
	rng := rand.New(rand.NewPCG(5, 6))
	var paragraphs []Paragraph
	var all strings.Builder
	var ends []int // where each paragraph ends in text
	for all.Len() < 5*removedWindow {
		// Words of ASCII open and close each paragraph, so that the
		// pieces cut across its end start and stop at any byte.
		var p strings.Builder
		n := 40 + rng.IntN(4000)
		for i := range n {
			w := words[rng.IntN(len(words))]
			if i < 2 || i >= n-30 {
				w = words[rng.IntN(3)]
			}
			p.WriteString(w)
			p.WriteString([]string{" ", "", "\n", "  "}[rng.IntN(4)])
		}
		paragraphs = append(paragraphs, Paragraph{Text: p.String()})
		all.WriteString(p.String())
		ends = append(ends, all.Len())
	}
	text := all.String()
	var page pageInfo
	add := func(piece string) {
		if rng.IntN(3) == 0 {
			piece = "gone" + piece // not in the text
		}
		page.furniture = append(page.furniture, Removed{Text: piece, Reason: "comments"})
	}
	// Pieces that open at each of the 80 bytes before a paragraph's end,
	// where windows end too, and pieces from anywhere.
	for _, end := range ends[:len(ends)-1] {
		for from := end - 80; from < end; from++ {
			add(text[from : from+120])
		}
	}
	for range 400 {
		from := rng.IntN(len(text) - 150)
		add(text[from : from+1+rng.IntN(150)])
	}
	page.furniture = append(page.furniture, page.furniture[0])
	content := squeeze(text)
	var want []string
	seen := map[Removed]bool{}
	for _, r := range page.furniture {
		key := squeeze(r.Text)
		key = strings.ToValidUTF8(key[:min(len(key), maxRemovedKey)], "")
		if !seen[r] && !strings.Contains(content, key) {
			want = append(want, r.Text)
			seen[r] = true
		}
	}
	var got []string
	for _, r := range page.removedFrom(paragraphs) {
		got = append(got, r.Text)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("removed %d pieces, want %d:\n%q\n%q", len(got), len(want), got, want)
	}
	if len(want) < len(page.furniture)/5 || len(want) > len(page.furniture)/2 {
		t.Fatalf("%d of %d pieces not found: the test lost its point", len(want), len(page.furniture))
	}
}
