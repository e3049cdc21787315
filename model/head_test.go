package model

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/lede-tui/lede/model/modeltest"
)

// longArticle is an article of our own in format, of at least size bytes:
// a title, a paragraph that links to a report, then numbered paragraphs
// of a ferry timetable's story. In Markdown the link is a reference
// whose definition ends the text; in HTML the page has a <title> with
// the site's name, a navigation bar, and the title again as an <h1>.
func longArticle(format Format, size int) []byte {
	var b strings.Builder
	para := func(i int) string {
		return fmt.Sprintf("Paragraph %d: the harbour master read the winter timetable aloud, and the ferry crews answered with the hours they could keep.", i)
	}
	switch format {
	case FormatMarkdown:
		b.WriteString("# Harbour Lights\n\nThe council published [the ferry report][report] on Monday.\n\n")
		for i := 0; b.Len() < size; i++ {
			b.WriteString(para(i) + "\n\n")
		}
		b.WriteString("[report]: https://example.com/ferry-report\n")
	case FormatHTML:
		b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Harbour Lights - Coastal Weekly</title></head><body>")
		b.WriteString("<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>Harbour Lights</h1>\n")
		b.WriteString("<p>The council published <a href=\"https://example.com/ferry-report\">the ferry report</a> on Monday.</p>\n")
		for i := 0; b.Len() < size; i++ {
			b.WriteString("<p>" + para(i) + "</p>\n")
		}
		b.WriteString("</article></body></html>\n")
	default:
		b.WriteString("Harbour Lights\n\nThe council published the ferry report on Monday.\n\n")
		for i := 0; b.Len() < size; i++ {
			b.WriteString(para(i) + "\n\n")
		}
	}
	return []byte(b.String())
}

// readBoth reads data with ReadHead and with Read.
func readBoth(t *testing.T, name string, data []byte) (head, whole *Document) {
	t.Helper()
	head, err := ReadHead(Input{Name: name, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	whole, err = Read(Input{Name: name, Data: data})
	if err != nil {
		t.Fatal(err)
	}
	return head, whole
}

func TestReadHeadOfSmallInputIsRead(t *testing.T) {
	for _, in := range []Input{
		{Name: SampleName, Data: Sample},
		{Name: "a.md", Data: longArticle(FormatMarkdown, 100<<10)},
		{Name: "a.html", Data: longArticle(FormatHTML, wholeSize-1<<10)},
	} {
		head, whole := readBoth(t, in.Name, in.Data)
		if head.Partial() || !reflect.DeepEqual(head, whole) {
			t.Errorf("%s: ReadHead of %d bytes is not Read's document (partial %v)", in.Name, len(in.Data), head.Partial())
		}
	}
}

func TestReadHeadIsAPrefixOfTheWhole(t *testing.T) {
	for _, format := range []Format{FormatText, FormatMarkdown, FormatHTML} {
		name := "long." + string(format)
		head, whole := readBoth(t, name, longArticle(format, 2*wholeSize))
		if !head.Partial() || whole.Partial() {
			t.Fatalf("%s: head partial %v, whole partial %v", name, head.Partial(), whole.Partial())
		}
		if n := len(head.Paragraphs); n < 50 || n >= len(whole.Paragraphs) {
			t.Fatalf("%s: the head has %d paragraphs of the whole's %d", name, n, len(whole.Paragraphs))
		}
		if head.Title != "Harbour Lights" || head.Title != whole.Title || head.Name != whole.Name || head.Format != whole.Format {
			t.Errorf("%s: head titled %q (%s, %s), whole %q (%s, %s)", name, head.Title, head.Name, head.Format, whole.Title, whole.Name, whole.Format)
		}
		for i, p := range head.Paragraphs {
			if !reflect.DeepEqual(p, whole.Paragraphs[i]) {
				t.Fatalf("%s: paragraph %d of the head is\n%+v\nthe whole's\n%+v", name, i, p, whole.Paragraphs[i])
			}
		}
		if head.Words != 0 || whole.Words == 0 {
			t.Errorf("%s: the head counts %d words, the whole %d; only the whole is counted", name, head.Words, whole.Words)
		}
	}
}

func TestReadHeadKeepsReferenceLinks(t *testing.T) {
	head, _ := readBoth(t, "long.md", longArticle(FormatMarkdown, 2*wholeSize))
	p := head.Paragraphs[0]
	if p.Text != "The council published the ferry report on Monday." || len(p.Links) != 1 || p.Links[0].URL != "https://example.com/ferry-report" {
		t.Fatalf("the head's first paragraph lost the link defined at the end: %+v", p)
	}
}

func TestReadHeadOfTheGeneratedArticle(t *testing.T) {
	data := modeltest.Article(1 << 20)
	head, whole := readBoth(t, "big.txt", data)
	if !head.Partial() || head.Title != whole.Title {
		t.Fatalf("head partial %v titled %q, whole titled %q", head.Partial(), head.Title, whole.Title)
	}
	for i, p := range head.Paragraphs {
		if p.Text != whole.Paragraphs[i].Text {
			t.Fatalf("paragraph %d of the head is %q, the whole's %q", i, p.Text, whole.Paragraphs[i].Text)
		}
	}
}

func TestReadHeadReadsOtherInputWhole(t *testing.T) {
	latin := []byte(strings.Replace(string(longArticle(FormatText, 2*wholeSize)), "Monday", "Monday at the Caf\xe9 du Port", 1))
	declared := []byte(strings.Replace(string(longArticle(FormatHTML, 2*wholeSize)), `charset="utf-8"`, `charset="windows-1252"`, 1))
	oneLine := []byte(strings.Repeat("ferry ", 2*wholeSize/6))
	scripts := []byte("<html><head><script>" + strings.Repeat("var x = 1;\n", maxHeadSize/10) + "</script></head><body><p>Only after the scripts.</p>" +
		strings.Repeat("<p>More text after the scripts, of the ferry and the harbour.</p>\n", 100) + "</body></html>")
	for name, data := range map[string][]byte{"latin.txt": latin, "declared.html": declared, "oneline.txt": oneLine, "scripts.html": scripts} {
		head, whole := readBoth(t, name, data)
		if head.Partial() || !reflect.DeepEqual(head, whole) {
			t.Errorf("%s: ReadHead did not read it whole (partial %v)", name, head.Partial())
		}
	}
}

func TestReadHeadGrowsPastScripts(t *testing.T) {
	page := strings.Replace(string(longArticle(FormatHTML, 4*wholeSize)), "</head>",
		"<script>"+strings.Repeat("var x = 1;\n", 2*headSize/11)+"</script></head>", 1)
	head, whole := readBoth(t, "scripts.html", []byte(page))
	if !head.Partial() || len(head.Paragraphs) == 0 || head.Paragraphs[0].Text != whole.Paragraphs[0].Text {
		t.Fatalf("a page whose first bytes are a script has no head of its text: partial %v, %d paragraphs", head.Partial(), len(head.Paragraphs))
	}
}

func TestReadHeadRefusesWhatReadRefuses(t *testing.T) {
	data := append([]byte("\x89PNG\r\n\x1a\n\x00\x00"), longArticle(FormatText, 2*wholeSize)...)
	if _, err := ReadHead(Input{Name: "x.png", Data: data}); err == nil {
		t.Fatal("ReadHead read a PNG image")
	}
}

func TestPlaceIn(t *testing.T) {
	paras := func(texts ...string) *Document {
		d := &Document{}
		for _, s := range texts {
			d.Paragraphs = append(d.Paragraphs, Paragraph{Text: s})
		}
		return d
	}
	head := paras("Harbour Lights", "The ferry leaves at nine.", "The crews answered with the hours they could keep, and the council listened.")
	for _, c := range []struct {
		name          string
		whole         *Document
		p, off        int
		wantP, wantOf int
	}{
		{"same paragraphs", paras("Harbour Lights", "The ferry leaves at nine.", head.Paragraphs[2].Text, "More."), 2, 10, 2, 10},
		{"a paragraph less above", paras("The ferry leaves at nine.", head.Paragraphs[2].Text, "More."), 2, 10, 1, 10},
		{"joined with the one above", paras("Harbour Lights", "The ferry leaves at nine. "+head.Paragraphs[2].Text), 2, 4, 1, 30},
		{"text nowhere", paras("Other", "Words", "Here", "Again"), 2, 10, 2, 0},
		{"past the whole's end", paras("Other"), 2, 10, 0, 0},
		{"before the paragraphs", paras("Other", "Words"), -1, 0, 0, 0},
	} {
		p, off := c.whole.PlaceIn(head, c.p, c.off)
		if p != c.wantP || off != c.wantOf {
			t.Errorf("%s: PlaceIn(%d, %d) = %d, %d, want %d, %d", c.name, c.p, c.off, p, off, c.wantP, c.wantOf)
		}
	}
}

func TestHeadOfHostileInput(t *testing.T) {
	// Each hostile sequence at a few places around where the head is
	// cut, in text, Markdown and HTML: the head is as safe as the whole.
	for _, s := range modeltest.Sequences {
		for _, format := range []Format{FormatText, FormatMarkdown, FormatHTML} {
			long := string(longArticle(format, 2*wholeSize))
			cut := headCut(format, []byte(long), headSize)
			for _, at := range []int{cut - 40, cut - 1, cut, cut + 3} {
				data := long[:at] + string(s.Data) + long[at:]
				name := "hostile." + string(format)
				d, err := ReadHead(Input{Name: name, Data: []byte(data)})
				if err != nil {
					t.Fatalf("%s in %s at %d: %v", s.Name, name, at, err)
				}
				texts := []string{d.Title}
				for _, p := range d.Paragraphs {
					texts = append(texts, p.Text)
				}
				for _, text := range texts {
					if why := modeltest.Unsafe(text); why != "" {
						t.Fatalf("%s in %s at %d: %s in %q", s.Name, name, at, why, text)
					}
				}
			}
		}
	}
}

func TestMayUseReferences(t *testing.T) {
	for text, want := range map[string]bool{
		"No links at all.": false,
		"An [inline link](https://example.com/) only.":     false,
		"A [reference link][report] here.":                 true,
		"A [shortcut] reference.":                          true,
		"Brackets at the end]":                             true,
		"[inline](https://a.example/) then [ref][r] later": true,
	} {
		if got := mayUseReferences(text); got != want {
			t.Errorf("mayUseReferences(%q) = %v, want %v", text, got, want)
		}
	}
}
