package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/lede-tui/lede/model/modeltest"
)

// jsonKeys returns the sorted keys of a JSON object.
func jsonKeys(t *testing.T, v any) []string {
	t.Helper()
	obj, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("%v is not a JSON object", v)
	}
	var keys []string
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestJSONShape(t *testing.T) {
	d, err := Parse(Input{Name: SampleName, Data: Sample})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"":           {"byline", "date", "entities", "format", "paragraphs", "qa", "quotes", "removed", "sections", "source", "title", "turns"},
		"paragraphs": {"section", "speaker", "text"},
		"sections":   {"derived", "end", "start", "title"},
		"turns":      {"end", "name", "role", "speaker", "start", "text"},
		"qa":         {"answer", "answerer", "answerers", "asker", "end", "question", "start"},
		"quotes":     {"cue", "end", "kind", "paragraph", "speaker", "start", "text"},
		"entities":   {"aliases", "kind", "mentions", "name"},
		"removed":    {"reason", "text"},
	}
	if got := jsonKeys(t, doc); !reflect.DeepEqual(got, want[""]) {
		t.Fatalf("top-level keys %v, want %v", got, want[""])
	}
	for field, keys := range want {
		if field == "" {
			continue
		}
		items, ok := doc[field].([]any)
		if !ok {
			t.Fatalf("%s is %T, want an array", field, doc[field])
		}
		if len(items) == 0 {
			t.Errorf("%s is empty for the sample", field)
			continue
		}
		for _, item := range items {
			if got := jsonKeys(t, item); !reflect.DeepEqual(got, keys) {
				t.Errorf("%s item keys %v, want %v", field, got, keys)
			}
		}
	}
	if doc["title"] != "Xiaomi CEO Claimed Xiaomi would be a Century-old Brand" {
		t.Errorf("title %v", doc["title"])
	}
	mention := doc["entities"].([]any)[0].(map[string]any)["mentions"].([]any)[0]
	if got := jsonKeys(t, mention); !reflect.DeepEqual(got, []string{"end", "paragraph", "start"}) {
		t.Errorf("mention keys %v", got)
	}
}

// TestJSONSectionDerived checks that extract marks the sections lede
// named itself, and only those: the text before the first heading is
// one.
func TestJSONSectionDerived(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       []bool
	}{
		{"headed.md", "# Ferries\n\nIntro.\n\n## Timetable\n\nBoats leave at nine.\n\n## Fares\n\nA ticket costs two pounds.\n", []bool{true, false, false}},
		{"plain.txt", "One paragraph about the harbour wall and the harbour wall repairs.\n\nAnother.\n", []bool{true}},
	} {
		d, err := Parse(Input{Name: tc.name, Data: []byte(tc.text)})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := d.WriteJSON(&buf); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Sections []struct {
				Derived *bool `json:"derived"`
			} `json:"sections"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		var got []bool
		for _, s := range doc.Sections {
			if s.Derived == nil {
				t.Fatalf("%s: a section has no \"derived\" field: %s", tc.name, buf.Bytes())
			}
			got = append(got, *s.Derived)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: sections derived %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestJSONEmptyFieldsAreArrays(t *testing.T) {
	d, err := Parse(Input{Name: "x.txt", Data: []byte("one paragraph only")})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := d.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"turns", "qa", "quotes", "entities", "removed"} {
		if _, ok := doc[field].([]any); !ok {
			t.Errorf("%s is %v, want []", field, doc[field])
		}
	}
}

func TestJSONEscapesControls(t *testing.T) {
	d := &Document{Title: "a\x1bb", Paragraphs: []Paragraph{{Text: "x\u009by"}}}
	var buf bytes.Buffer
	if err := d.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsAny(buf.Bytes(), "\x1b\u009b") {
		t.Fatalf("JSON output holds a raw control character: %q", buf.String())
	}
}

// referenceJSON is the JSON of WriteJSON as encoding/json writes it: the
// document's shape as structs, indented by json.MarshalIndent, with the
// C1 controls escaped after. WriteJSON encodes by hand and must match it
// byte for byte.
func referenceJSON(t *testing.T, d *Document) []byte {
	t.Helper()
	type (
		paragraph struct {
			Text    string `json:"text"`
			Section int    `json:"section"`
			Speaker string `json:"speaker"`
		}
		turn struct {
			Speaker string `json:"speaker"`
			Name    string `json:"name"`
			Role    Role   `json:"role"`
			Start   int    `json:"start"`
			End     int    `json:"end"`
			Text    string `json:"text"`
		}
		exchange struct {
			Question  string   `json:"question"`
			Answer    string   `json:"answer"`
			Asker     string   `json:"asker"`
			Answerer  string   `json:"answerer"`
			Answerers []string `json:"answerers"`
			Start     int      `json:"start"`
			End       int      `json:"end"`
		}
		quote struct {
			Text      string    `json:"text"`
			Speaker   string    `json:"speaker"`
			Cue       string    `json:"cue"`
			Kind      QuoteKind `json:"kind"`
			Paragraph int       `json:"paragraph"`
			Start     int       `json:"start"`
			End       int       `json:"end"`
		}
		entity struct {
			Name     string     `json:"name"`
			Kind     EntityKind `json:"kind"`
			Aliases  []string   `json:"aliases"`
			Mentions []Mention  `json:"mentions"`
		}
	)
	doc := struct {
		Title      string      `json:"title"`
		Byline     string      `json:"byline"`
		Source     string      `json:"source"`
		Date       string      `json:"date"`
		Format     string      `json:"format"`
		Paragraphs []paragraph `json:"paragraphs"`
		Sections   []Section   `json:"sections"`
		Turns      []turn      `json:"turns"`
		QA         []exchange  `json:"qa"`
		Quotes     []quote     `json:"quotes"`
		Entities   []entity    `json:"entities"`
		Removed    []Removed   `json:"removed"`
	}{
		Title: d.Title, Byline: d.Byline, Source: d.Source, Date: d.Date, Format: string(d.Format),
		Paragraphs: []paragraph{}, Sections: nonNil(d.Sections), Turns: []turn{}, QA: []exchange{},
		Quotes: []quote{}, Entities: []entity{}, Removed: nonNil(d.Removed),
	}
	for i, p := range d.Paragraphs {
		a := d.Annotation(i)
		doc.Paragraphs = append(doc.Paragraphs, paragraph{p.Text, a.Section, a.Speaker})
	}
	for _, tu := range d.Turns {
		doc.Turns = append(doc.Turns, turn{tu.Speaker, tu.Name, tu.Role, tu.Start, tu.End, d.TurnText(tu)})
	}
	for _, e := range d.Exchanges {
		doc.QA = append(doc.QA, exchange{d.Question(e), d.Answer(e), e.Asker, e.Answerer, nonNil(e.Answerers), e.Start, e.End})
	}
	for _, q := range d.Quotes {
		doc.Quotes = append(doc.Quotes, quote{d.QuoteText(q), q.Speaker, q.Cue, q.Kind, q.Paragraph, q.Start, q.End})
	}
	for _, e := range d.Entities {
		doc.Entities = append(doc.Entities, entity{e.Name, e.Kind, nonNil(e.Aliases), nonNil(e.Mentions)})
	}
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	for c := byte(0x80); c <= 0x9F; c++ {
		b = bytes.ReplaceAll(b, []byte{0xC2, c}, fmt.Appendf(nil, `\u%04x`, c))
	}
	return append(b, '\n')
}

// TestJSONMatchesEncodingJSON checks WriteJSON against encoding/json on
// every testdata document and on one whose every string holds what
// encoding/json escapes: quotation marks, backslashes, controls, HTML's
// <, > and &, U+2028, invalid UTF-8, and the C1 controls lede escapes
// too.
func TestJSONMatchesEncodingJSON(t *testing.T) {
	const odd = "a\"b\\c\x00\x01\b\f\n\r\t\x1f\x7f <x> & \u2028\u2029 \xff\xc2 \u0080\u009b\u009f\u00a0 é “q” 😀"
	docs := map[string]*Document{"odd": {
		Title: odd, Byline: odd, Source: odd, Date: odd, Format: FormatText,
		Paragraphs: []Paragraph{{Text: odd}, {Text: odd + odd}},
		Removed:    []Removed{{Text: odd, Reason: odd}},
		Extraction: Extraction{
			Sections:    []Section{{Title: odd, Derived: true, Start: 0, End: 2}},
			Turns:       []Turn{{Speaker: odd, Name: odd, Role: RoleAnswer, Start: 0, End: 2}},
			Exchanges:   []Exchange{{Asker: odd, Answerer: odd, Answerers: []string{odd, "b"}, Start: 0, QuestionOffset: 1, QuestionEnd: 1, AnswerStart: 1, End: 2}},
			Quotes:      []Quote{{Speaker: odd, Cue: odd, Kind: QuoteMixed, Paragraph: 1, Start: 2, End: 30, Gaps: []Span{{Start: 5, End: 9}}}},
			Entities:    []Entity{{Name: odd, Kind: KindTopic, Aliases: []string{odd}, Mentions: []Mention{{0, 1, 2}, {1, 3, 4}}}, {Name: "x", Kind: KindPlace}},
			Annotations: []Annotation{{Section: 0, Speaker: odd, Body: 1}, {Section: 0, Speaker: odd}},
		},
	}}
	// Text that needs no escaping, with offsets that cut its runes: the
	// pieces cut so are invalid UTF-8, escaped as encoding/json escapes
	// them, not copied as the rest of their clean paragraph is.
	const cut = "é“q” 雷军 said it."
	docs["cut runes"] = &Document{
		Format:     FormatText,
		Paragraphs: []Paragraph{{Text: cut}, {Text: cut}},
		Extraction: Extraction{
			Turns:       []Turn{{Speaker: "A", Name: "A", Role: RoleAnswer, Start: 0, End: 2}},
			Exchanges:   []Exchange{{Asker: "Q", Answerer: "A", Start: 0, QuestionOffset: 3, QuestionEnd: 1, AnswerStart: 1, End: 2}},
			Quotes:      []Quote{{Speaker: "A", Kind: QuoteDirect, Paragraph: 0, Start: 1, End: 12, Gaps: []Span{{Start: 3, End: 7}}}, {Speaker: "A", Kind: QuoteDirect, Paragraph: 1, Start: 0, End: 15}},
			Annotations: []Annotation{{Body: 1}, {Body: 4}},
		},
	}
	for _, name := range testdataFiles(t) {
		docs[name] = parseTestdata(t, name)
	}
	for name, d := range docs {
		var got bytes.Buffer
		if err := d.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if want := referenceJSON(t, d); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s: WriteJSON\n%.400q\nencoding/json\n%.400q", name, got.Bytes(), want)
		}
	}
}

// nonNil returns s, or an empty slice when s is nil, so encoding/json
// writes [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// TestJSONStringEveryByteEveryPlace checks appendJSONString against
// encoding/json on plain text with one byte of every value, and the
// runes encoding/json or lede escape, at every place of the eight-byte
// words appendJSONText tests at once (plainWord), and at the end.
func TestJSONStringEveryByteEveryPlace(t *testing.T) {
	odd := []string{"\u2028", "\u2029", "\u0080", "\u009b", "é", "😀"}
	for b := range 256 {
		odd = append(odd, string([]byte{byte(b)}))
	}
	for _, o := range odd {
		for k := range 17 {
			s := strings.Repeat("A", k) + o + strings.Repeat("z", 17-k)
			want, err := json.Marshal(s)
			if err != nil {
				t.Fatal(err)
			}
			for c := byte(0x80); c <= 0x9F; c++ {
				want = bytes.ReplaceAll(want, []byte{0xC2, c}, fmt.Appendf(nil, `\u%04x`, c))
			}
			if got := appendJSONString(nil, s); !bytes.Equal(got, want) {
				t.Errorf("%q: got %s, encoding/json %s", s, got, want)
			}
		}
	}
}

// TestAppendIntIsStrconvs checks appendInt against strconv.AppendInt
// on every number around its cases' bounds.
func TestAppendIntIsStrconvs(t *testing.T) {
	for n := -20; n <= 200000; n++ {
		if got, want := appendInt([]byte("x"), n), strconv.AppendInt([]byte("x"), int64(n), 10); !bytes.Equal(got, want) {
			t.Errorf("appendInt(%d) = %s, want %s", n, got, want)
		}
	}
	for _, n := range []int{math.MinInt, -10000, 99999, 100000, 999999, 1000000, math.MaxInt} {
		if got, want := appendInt(nil, n), strconv.AppendInt(nil, int64(n), 10); !bytes.Equal(got, want) {
			t.Errorf("appendInt(%d) = %s, want %s", n, got, want)
		}
	}
}

// manyItems returns a document of n paragraphs with turns, exchanges,
// quotes, entities and removed pieces over them, every string of which
// holds something escaped, and one entity of twenty mentions a
// paragraph: enough items for its JSON to be cut into many segments,
// and one item large enough to be streamed (jsonStreamSize).
func manyItems(n int) *Document {
	const odd = "Ferry <times> & \"fares\" \u2028 \x01 \u009b é “q”"
	d := &Document{Title: odd, Byline: "By " + odd, Source: "x.txt", Date: "2026-12-01", Format: FormatText}
	harbour := Entity{Name: "Harbour Board", Kind: KindOrganization, Aliases: []string{"the Board", odd}}
	for i := range n {
		text := fmt.Sprintf("HB: Paragraph %d of the harbour report, on %s and the pier.", i, odd)
		d.Paragraphs = append(d.Paragraphs, Paragraph{Text: text})
		d.Annotations = append(d.Annotations, Annotation{Section: i / 10, Speaker: "HB", Body: 4})
		d.Quotes = append(d.Quotes, Quote{Speaker: "Harbour Board", Cue: "said", Kind: QuoteMixed, Paragraph: i, Start: 4, End: len(text) - 1, Gaps: []Span{{Start: 10, End: 14}}})
		for k := range 20 {
			harbour.Mentions = append(harbour.Mentions, Mention{Paragraph: i, Start: k, End: k + 2})
		}
		if i%10 == 0 {
			d.Sections = append(d.Sections, Section{Title: fmt.Sprintf("Part %d: %s", i/10, odd), Start: i, End: min(i+10, n)})
		}
		if i%3 == 0 && i+3 <= n {
			d.Turns = append(d.Turns, Turn{Speaker: "HB", Name: "Harbour Board", Role: RoleAnswer, Start: i, End: i + 3})
			d.Exchanges = append(d.Exchanges, Exchange{Asker: "Q", Answerer: "HB", Answerers: []string{"HB", odd}, Start: i, QuestionOffset: 4, QuestionEnd: i + 1, AnswerStart: i + 1, End: i + 3})
			d.Entities = append(d.Entities, Entity{Name: fmt.Sprintf("Pier %d", i), Kind: KindPlace, Mentions: []Mention{{Paragraph: i, Start: 40, End: 44}}})
			d.Removed = append(d.Removed, Removed{Text: odd, Reason: "navigation"})
		}
	}
	d.Entities = append(d.Entities, harbour)
	return d
}

// TestJSONParallelMatchesSerial checks that the JSON encoded in segments
// on several workers, a large one streamed between them, is the JSON
// encoded one segment after another, indented and compact, whether each
// item is a segment of its own or many share one, and that both are
// encoding/json's.
func TestJSONParallelMatchesSerial(t *testing.T) {
	for name, d := range map[string]*Document{"empty": {}, "many": manyItems(600)} {
		for _, indent := range []bool{true, false} {
			for _, size := range []int{1, 4 << 10, jsonSegmentSize} {
				segs := d.jsonSegments(nil, size)
				var serial, parallel bytes.Buffer
				if err := writeJSONSegments(&serial, indent, segs, 1); err != nil {
					t.Fatal(err)
				}
				if err := writeJSONSegments(&parallel, indent, segs, 3); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(parallel.Bytes(), serial.Bytes()) {
					t.Errorf("%s, indent %v, segments of %d bytes: parallel\n%.400q\nserial\n%.400q", name, indent, size, parallel.Bytes(), serial.Bytes())
				}
				if indent && !bytes.Equal(parallel.Bytes(), referenceJSON(t, d)) {
					t.Errorf("%s, segments of %d bytes: parallel JSON is not encoding/json's", name, size)
				}
			}
		}
	}
	segs := manyItems(600).jsonSegments(nil, 1)
	if len(segs) < 3*600 {
		t.Errorf("%d segments of 600 paragraphs, quotes and more, one item each: want one an item", len(segs))
	}
	if !slices.ContainsFunc(segs, func(s jsonSegment) bool { return s.weight >= jsonStreamSize }) {
		t.Errorf("no segment is streamed: the entity of 12,000 mentions weighs less than %d", jsonStreamSize)
	}
}

// failingWriter fails every write after the first ok.
type failingWriter struct{ ok int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.ok == 0 {
		return 0, errors.New("disk full")
	}
	w.ok--
	return len(p), nil
}

// TestJSONParallelWriteError checks that the parallel writer stops at
// the first error writing, and returns it.
func TestJSONParallelWriteError(t *testing.T) {
	segs := manyItems(600).jsonSegments(nil, 1)
	w := &failingWriter{ok: 5}
	if err := writeJSONSegments(w, true, segs, 2); err == nil || err.Error() != "disk full" {
		t.Fatalf("error %v, want disk full", err)
	}
}

// TestJSONParallelPanicReachesCaller checks that a panic encoding a
// segment on a worker, or streaming one in the caller, panics in the
// caller with its value, so that it can be recovered there.
func TestJSONParallelPanicReachesCaller(t *testing.T) {
	for _, stream := range []bool{false, true} {
		segs := manyItems(600).jsonSegments(nil, 4<<10)
		boom := jsonSegment{weight: 1, write: func(*jsonWriter) { panic("boom") }}
		if stream {
			boom.weight = jsonStreamSize
		}
		segs = slices.Insert(segs, len(segs)/2, boom)
		func() {
			defer func() {
				if r := panicValue(recover()); r != "boom" {
					t.Errorf("streamed %v: recovered %v, want boom", stream, r)
				}
			}()
			_ = writeJSONSegments(io.Discard, true, segs, 2)
		}()
	}
}

// BenchmarkWriteJSON measures writing an extracted document as JSON,
// in bytes of JSON a second.
func BenchmarkWriteJSON(b *testing.B) {
	for _, in := range modeltest.Inputs(Sample) {
		b.Run(in.Name, func(b *testing.B) {
			d, err := Parse(Input{Name: "bench.txt", Data: in.Data})
			if err != nil {
				b.Fatal(err)
			}
			var out countingWriter
			if err := d.WriteJSON(&out); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(out))
			b.ReportAllocs()
			for b.Loop() {
				if err := d.WriteJSON(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// countingWriter counts the bytes written to it.
type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

// TestExtractJSONIsWriteJSON checks that extracting while writing gives
// the JSON of extracting, then writing: on every article of testdata/, on
// one large enough for its JSON to be encoded on several cores, and on an
// empty one.
func TestExtractJSONIsWriteJSON(t *testing.T) {
	inputs := []Input{{Name: "large.txt", Data: modeltest.Article(1 << 20)}, {Name: "empty.txt", Data: []byte("Nothing but a title")}}
	for _, name := range testdataFiles(t) {
		data, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, Input{Name: name, Data: data})
	}
	for _, in := range inputs {
		d, err := Read(in)
		if err != nil {
			t.Fatal(err)
		}
		var want, got bytes.Buffer
		if err := d.WithExtraction(Extract(d)).WriteJSON(&want); err != nil {
			t.Fatal(err)
		}
		if err := ExtractJSON(&got, d); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("%s: ExtractJSON\n%.300q\nWriteJSON\n%.300q", in.Name, got.Bytes(), want.Bytes())
		}
		if d.Extracted() {
			t.Errorf("%s: ExtractJSON changed the document it was given", in.Name)
		}
	}
}

// TestExtractJSONWriteError checks that ExtractJSON returns the first
// error writing and writes nothing after it.
func TestExtractJSONWriteError(t *testing.T) {
	d, err := Read(Input{Name: "large.txt", Data: modeltest.Article(1 << 20)})
	if err != nil {
		t.Fatal(err)
	}
	w := &failingWriter{ok: 3}
	if err := ExtractJSON(w, d); err == nil || err.Error() != "disk full" {
		t.Fatalf("error %v, want disk full", err)
	}
}
