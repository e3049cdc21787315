package ui

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/modeltest"
)

// BenchmarkFirstFrame measures what stands between the bytes and the
// first screen at 120x40, as the program does it: reading the head of
// the document (model.ReadHead; a small one whole), building the reader,
// sizing it and drawing it. The whole is read and extracted after.
func BenchmarkFirstFrame(b *testing.B) {
	inputs := append(modeltest.Inputs(model.Sample),
		modeltest.Input{Name: "10MB.md", Data: modeltest.Markdown(10 << 20)},
		modeltest.Input{Name: "10MB.html", Data: modeltest.HTML(10 << 20)})
	for _, in := range inputs {
		b.Run(in.Name, func(b *testing.B) {
			input := model.Input{Name: "bench" + path.Ext(in.Name), Data: in.Data}
			b.ReportAllocs()
			for b.Loop() {
				d, err := model.ReadHead(input)
				if err != nil {
					b.Fatal(err)
				}
				opts := Options{Style: StyleDark}
				if d.Partial() {
					opts.ReadWhole = func() (*model.Document, error) { return model.Read(input) }
				}
				m := testReaderOf(New(d, opts))
				m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
				_ = m.View()
			}
		})
	}
}

// benchReader is a reader of the extracted document, sized and drawn.
func benchReader(b *testing.B, data []byte) *testReader {
	b.Helper()
	d, err := model.Parse(model.Input{Name: "bench", Data: data})
	if err != nil {
		b.Fatal(err)
	}
	m := testReaderOf(New(d, Options{Style: StyleDark}))
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	_ = m.View()
	return m
}

// BenchmarkKeyPress measures a key press to the next View: scrolling,
// paging and jumping through the article.
func BenchmarkKeyPress(b *testing.B) {
	keys := []string{"j", "space", "}", ">", "]", "b", "G", "g", "n"}
	for _, in := range modeltest.Inputs(model.Sample) {
		b.Run(in.Name, func(b *testing.B) {
			m := benchReader(b, in.Data)
			press(m, "/", "m", "a", "r", "k", "e", "t", "enter")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m.Update(keyMsg(keys[i%len(keys)]))
				_ = m.View()
				i++
			}
		})
	}
}

// BenchmarkResize measures a terminal resize to the next View.
func BenchmarkResize(b *testing.B) {
	sizes := [][2]int{{80, 24}, {120, 40}, {100, 30}}
	for _, in := range modeltest.Inputs(model.Sample) {
		b.Run(in.Name, func(b *testing.B) {
			m := benchReader(b, in.Data)
			press(m, "space", "space")
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				s := sizes[i%len(sizes)]
				m.Update(tea.WindowSizeMsg{Width: s[0], Height: s[1]})
				_ = m.View()
				i++
			}
		})
	}
}

// denseMatches is an article whose second paragraph holds 1,000 matches
// of "a", packed as tightly as the reader's lines allow, and whose first
// holds 1,000 spread over words.
func denseMatches() []byte {
	return []byte("# Dense\n\n" + strings.Repeat("banana ", 333) + "a\n\n" + strings.Repeat("a", 1000) + "\n")
}

// BenchmarkSearchKey measures a letter typed into the search to the next
// View at 200x60: on a paragraph of 1,000 matches where every rendered
// line is full of them, on every article in testdata/ and
// testdata/extract/, and on a 10 MB article, searched in the background.
// One op is the letter and its backspace; in a text searched in the
// background, also the matches coming back between them, found once
// before the loop (BenchmarkBackgroundSearch measures finding them).
func BenchmarkSearchKey(b *testing.B) {
	docs := map[string][]byte{"dense": denseMatches(), "10MB": modeltest.Article(10 << 20)}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "*.*"))
	cases, _ := filepath.Glob(filepath.Join("..", "testdata", "extract", "*.*"))
	for _, path := range append(paths, cases...) {
		if filepath.Base(path) != "README.md" && (strings.HasSuffix(path, ".md") || strings.HasSuffix(path, ".txt")) {
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			docs[filepath.Base(path)] = data
		}
	}
	for name, data := range docs {
		b.Run(name, func(b *testing.B) {
			d, err := model.Parse(model.Input{Name: name, Data: data})
			if err != nil {
				b.Fatal(err)
			}
			m := testReaderOf(New(d, Options{Style: StyleDark}))
			m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
			press(m, "/")
			_ = m.View()
			letter := "a"
			if name != "dense" {
				letter = "e"
			}
			_, cmd := m.Update(keyMsg(letter))
			found := searchResults(cmd)
			press(m, "backspace")
			b.ReportAllocs()
			for b.Loop() {
				m.Update(keyMsg(letter))
				_ = m.View()
				for _, msg := range found {
					msg.generation = m.prompt.generation.Load()
					m.Update(msg)
					_ = m.View()
				}
				m.Update(keyMsg("backspace"))
				_ = m.View()
			}
		})
	}
}

// BenchmarkBackgroundSearch measures the search a letter typed in a 10 MB
// article runs in the background (see BenchmarkSearchKey).
func BenchmarkBackgroundSearch(b *testing.B) {
	d, err := model.Read(model.Input{Name: "10MB", Data: modeltest.Article(10 << 20)})
	if err != nil {
		b.Fatal(err)
	}
	m := testReaderOf(New(d, Options{Style: StyleDark}))
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 60})
	press(m, "/")
	b.ReportAllocs()
	for b.Loop() {
		_, cmd := m.Update(keyMsg("e"))
		if found := searchResults(cmd); len(found) != 1 {
			b.Fatalf("a letter ran %d background searches, want 1", len(found))
		}
		m.Update(keyMsg("backspace"))
	}
}

// BenchmarkPrint measures `lede print` of an extracted document at 80
// columns, in the dark style and in notty.
func BenchmarkPrint(b *testing.B) {
	for _, in := range modeltest.Inputs(model.Sample)[:2] {
		d, err := model.Parse(model.Input{Name: "bench", Data: in.Data})
		if err != nil {
			b.Fatal(err)
		}
		for _, style := range []string{StyleDark, StyleNoTTY} {
			b.Run(in.Name+"/"+style, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Print(d, style, 80); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
