package model

import (
	"encoding/json"
	"io"
	"iter"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// MarshalJSON encodes the Section as {title, derived, start, end}.
func (s Section) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Title   string `json:"title"`
		Derived bool   `json:"derived"`
		Start   int    `json:"start"`
		End     int    `json:"end"`
	}{s.Title, s.Derived, s.Start, s.End})
}

// MarshalJSON encodes the Mention as {paragraph, start, end}.
func (m Mention) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Paragraph int `json:"paragraph"`
		Start     int `json:"start"`
		End       int `json:"end"`
	}{m.Paragraph, m.Start, m.End})
}

// MarshalJSON encodes the Removed piece as {text, reason}.
func (r Removed) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Text   string `json:"text"`
		Reason string `json:"reason"`
	}{r.Text, r.Reason})
}

// WriteJSON writes the document as one indented JSON object, the format
// documented in the README under "extract". It streams, and a large
// document's JSON is encoded on every core at once (see
// writeJSONSegments): memory stays small whatever the size of the
// output.
func (d *Document) WriteJSON(w io.Writer) error {
	segs := d.jsonSegments(nil, jsonSegmentSize)
	return writeJSONSegments(w, true, segs, jsonWorkers(segs))
}

// ExtractJSON extracts d, as Extract does, and writes it to w as WriteJSON
// would, byte for byte, but sooner: each part of the JSON is encoded and
// written as soon as the extraction has what it holds, the paragraphs,
// sections, turns and Q&A while the quotes and entities are still being
// found, the quotes while the entities are finished. d itself does not
// change.
func ExtractJSON(w io.Writer, d *Document) error {
	var err error
	write := func(segs []jsonSegment) {
		if err == nil {
			err = writeJSONSegments(w, true, segs, jsonWorkers(segs))
		}
	}
	clean := d.jsonCleanParagraphs()
	x := extract(d, func(part Extraction) {
		write(d.WithExtraction(part).jsonOpening(nil, jsonSegmentSize, clean))
	}, func(part Extraction) {
		write(d.WithExtraction(part).jsonQuotes(jsonSegmentSize, clean))
	})
	write(d.WithExtraction(x).jsonClosing(jsonSegmentSize))
	return err
}

// SchemaVersion is the version of the JSON Lines output's shape, in its
// "schema_version" field and its JSON Schema (Schema). It grows by one
// whenever a field changes its meaning or goes; a new field does not
// change it.
const SchemaVersion = 1

// WriteJSONLine writes the document as one line of JSON Lines: the
// object of WriteJSON, compact, led by "input", the path or URL it was
// read from, and "schema_version". Its shape is Schema's.
func (d *Document) WriteJSONLine(w io.Writer, input string) error {
	head := func(top *jsonObject) {
		top.string("input", input)
		top.int("schema_version", SchemaVersion)
	}
	segs := d.jsonSegments(head, jsonSegmentSize)
	return writeJSONSegments(w, false, segs, jsonWorkers(segs))
}

// WriteErrorLine writes the JSON Lines line of an input that could not be
// read or extracted: {"input", "schema_version", "error"}.
func WriteErrorLine(w io.Writer, input string, failure error) error {
	jw := newJSONWriter(w, false, nil)
	jw.raw("{")
	top := jsonObject{jw: jw, depth: 1}
	top.string("input", input)
	top.int("schema_version", SchemaVersion)
	top.string("error", OneLine(failure.Error()))
	jw.close()
	return jw.err
}

// Sizes of the pieces of output, in bytes.
const (
	// jsonFlushSize is how much output a streaming jsonWriter gathers
	// before it writes.
	jsonFlushSize = 64 << 10
	// jsonSegmentSize is about how much JSON a segment of an array holds
	// (see jsonArray).
	jsonSegmentSize = 256 << 10
	// jsonParallelSize is about how much JSON a document must come to
	// for its segments to be encoded on more than one core: below it,
	// starting the workers costs more than they save.
	jsonParallelSize = 1 << 20
	// jsonStreamSize is the weight from which a segment is not encoded
	// into a buffer but streamed (see writeJSONSegments): one item of
	// it or more, a turn that runs through a whole book, an entity of
	// ten thousand mentions.
	jsonStreamSize = 4 * jsonSegmentSize
)

// jsonSegment is a piece of a document's JSON that can be encoded on its
// own: the document's segments, written one after another in order,
// are its JSON.
type jsonSegment struct {
	// weight is about how many bytes of JSON the segment comes to.
	weight int
	// write appends the segment to jw.
	write func(jw *jsonWriter)
}

// jsonSegments returns the segments of the document's JSON object: the
// members of head first, when not nil, then the document's, from title
// to removed. Each array is cut into segments of about size bytes, by
// the weight of each item: the bytes of its text and about those of
// the rest of its indented JSON, the names, numbers and indentation.
//
// Which paragraphs' text needs no escaping is found first, once (see
// jsonCleanParagraphs): the text of the turns, the exchanges and the
// quotes is that of the paragraphs again, and is then copied, not
// escaped again.
func (d *Document) jsonSegments(head func(top *jsonObject), size int) []jsonSegment {
	clean := d.jsonCleanParagraphs()
	return slices.Concat(d.jsonOpening(head, size, clean), d.jsonQuotes(size, clean), d.jsonClosing(size))
}

// jsonOpening returns the segments of jsonSegments up to the quotes: the
// members of head, the document's from title to qa. Extraction has them
// all before it has the quotes (see extract). clean is
// jsonCleanParagraphs'.
func (d *Document) jsonOpening(head func(top *jsonObject), size int, clean []bool) []jsonSegment {
	segs := []jsonSegment{{weight: 256, write: func(jw *jsonWriter) {
		jw.raw("{")
		top := jsonObject{jw: jw, depth: 1}
		if head != nil {
			head(&top)
		}
		top.string("title", d.Title)
		top.string("byline", d.Byline)
		top.string("source", d.Source)
		top.string("date", d.Date)
		top.string("format", string(d.Format))
	}}}
	segs = jsonArray(segs, size, "paragraphs", d.Paragraphs,
		func(p Paragraph) int { return 64 + len(p.Text) },
		func(o *jsonObject, i int, p Paragraph) {
			a := d.Annotation(i)
			o.paragraph("text", p.Text, clean[i])
			o.int("section", a.Section)
			o.string("speaker", a.Speaker)
		})
	segs = jsonArray(segs, size, "sections", d.Sections,
		func(s Section) int { return 96 + len(s.Title) },
		func(o *jsonObject, _ int, s Section) {
			o.string("title", s.Title)
			o.bool("derived", s.Derived)
			o.int("start", s.Start)
			o.int("end", s.End)
		})
	segs = jsonArray(segs, size, "turns", d.Turns,
		func(t Turn) int { return 128 + d.textBytes(t.Start, t.End) },
		func(o *jsonObject, _ int, t Turn) {
			o.string("speaker", t.Speaker)
			o.string("name", t.Name)
			o.string("role", string(t.Role))
			o.int("start", t.Start)
			o.int("end", t.End)
			o.pieces("text", d.turnPieces(t), clean)
		})
	segs = jsonArray(segs, size, "qa", d.Exchanges,
		func(e Exchange) int { return 192 + d.textBytes(e.Start, e.End) },
		func(o *jsonObject, _ int, e Exchange) {
			o.pieces("question", d.questionPieces(e), clean)
			o.pieces("answer", d.answerPieces(e), clean)
			o.string("asker", e.Asker)
			o.string("answerer", e.Answerer)
			o.strings("answerers", e.Answerers)
			o.int("start", e.Start)
			o.int("end", e.End)
		})
	return segs
}

// jsonQuotes returns the segments of jsonSegments' quotes. clean is
// jsonCleanParagraphs'.
func (d *Document) jsonQuotes(size int, clean []bool) []jsonSegment {
	return jsonArray(nil, size, "quotes", d.Quotes,
		func(q Quote) int { return 192 + q.End - q.Start },
		func(o *jsonObject, _ int, q Quote) {
			if len(q.Gaps) == 0 {
				o.piece("text", q.Paragraph, d.QuoteText(q), clean)
			} else {
				o.pieces("text", d.quotePieces(q), clean)
			}
			o.string("speaker", q.Speaker)
			o.string("cue", q.Cue)
			o.string("kind", string(q.Kind))
			o.int("paragraph", q.Paragraph)
			o.int("start", q.Start)
			o.int("end", q.End)
		})
}

// jsonClosing returns the segments of jsonSegments after the quotes: the
// entities, what reading removed, and the object's end.
func (d *Document) jsonClosing(size int) []jsonSegment {
	segs := jsonArray(nil, size, "entities", d.Entities,
		func(e Entity) int { return 64 + 32*len(e.Aliases) + 96*len(e.Mentions) },
		func(o *jsonObject, _ int, e Entity) {
			o.string("name", e.Name)
			o.string("kind", string(e.Kind))
			o.strings("aliases", e.Aliases)
			o.mentions("mentions", e.Mentions)
		})
	segs = jsonArray(segs, size, "removed", d.Removed,
		func(r Removed) int { return 64 + len(r.Text) },
		func(o *jsonObject, _ int, r Removed) {
			o.string("text", r.Text)
			o.string("reason", r.Reason)
		})
	return append(segs, jsonSegment{write: (*jsonWriter).close})
}

// jsonCleanParagraphs tells for each paragraph whether its text needs no
// escaping in JSON (see jsonClean), the paragraphs of a large document
// looked at on every core.
func (d *Document) jsonCleanParagraphs() []bool {
	clean := make([]bool, len(d.Paragraphs))
	inParts(d.Paragraphs, func(from, to int) {
		for i := from; i < to; i++ {
			clean[i] = jsonClean(d.Paragraphs[i].Text)
		}
	})
	return clean
}

// textBytes is how many bytes of text the paragraphs [start, end) hold.
func (d *Document) textBytes(start, end int) int {
	n := 0
	for _, p := range d.Paragraphs[max(start, 0):min(end, len(d.Paragraphs))] {
		n += len(p.Text)
	}
	return n
}

// jsonArray appends to segs the segments of the top-level member name,
// an array of objects, [] when there are none: each segment holds
// items of about size bytes of JSON by their weight. write writes the
// members of each item, and is given its index too.
func jsonArray[T any](segs []jsonSegment, size int, name string, items []T, weight func(T) int, write func(o *jsonObject, i int, it T)) []jsonSegment {
	add := func(lo, hi, bytes int) {
		segs = append(segs, jsonSegment{weight: bytes, write: func(jw *jsonWriter) {
			jsonItems(jw, name, items, lo, hi, write)
		}})
	}
	lo, bytes := 0, 0
	for i, it := range items {
		bytes += weight(it)
		if bytes >= size {
			add(lo, i+1, bytes)
			lo, bytes = i+1, 0
		}
	}
	if lo < len(items) || len(items) == 0 {
		add(lo, len(items), bytes)
	}
	return segs
}

// jsonItems writes the items [lo, hi) of the top-level array name (see
// jsonArray), each an object whose members write writes; the member's
// name and the opening bracket before the first item, and the closing
// bracket after the last.
func jsonItems[T any](jw *jsonWriter, name string, items []T, lo, hi int, write func(o *jsonObject, i int, it T)) {
	if lo == 0 {
		// An array always follows the title, so a comma leads its name.
		top := jsonObject{jw: jw, depth: 1, members: 1}
		top.name(name)
		jw.buf = append(jw.buf, '[')
	}
	o := &jsonObject{jw: jw, depth: 3}
	for i := lo; i < hi; i++ {
		if i > 0 {
			jw.buf = append(jw.buf, ',')
		}
		jw.newline(2)
		jw.buf = append(jw.buf, '{')
		o.members = 0
		write(o, i, items[i])
		jw.newline(2)
		jw.buf = append(jw.buf, '}')
		jw.flush(false)
	}
	if hi == len(items) {
		if len(items) > 0 {
			jw.newline(1)
		}
		jw.buf = append(jw.buf, ']')
	}
}

// jsonWorkers is how many goroutines should encode the segments: one
// for each core when they come to jsonParallelSize or more, else one.
func jsonWorkers(segs []jsonSegment) int {
	total := 0
	for _, s := range segs {
		total += s.weight
	}
	if total < jsonParallelSize {
		return 1
	}
	return runtime.GOMAXPROCS(0)
}

// writeJSONSegments writes the segments in order to w, indented or
// compact. With two workers or more, the workers encode segments at
// once, each into a buffer of its own, while the caller writes the
// buffers out in order; no more than two segments a worker are encoded
// ahead of the writing, so memory stays flat. A segment of
// jsonStreamSize or more, though, the caller streams to w itself when
// its turn comes, in pieces of about jsonFlushSize, while the workers
// go on with the segments after it. With one worker, every segment is
// streamed so, one after another. The output is the same either way. A
// panic encoding a segment on a worker panics again in the caller, with
// the same value, once the workers have ended, so that a caller that
// recovers from panics (lede extract's crash report) still can.
func writeJSONSegments(w io.Writer, indent bool, segs []jsonSegment, workers int) error {
	stream := newJSONWriter(w, indent, make([]byte, 0, jsonFlushSize+4<<10))
	if workers < 2 {
		for _, s := range segs {
			s.write(stream)
		}
		stream.flush(true)
		return stream.err
	}
	workers = min(workers, len(segs))
	encoded := make([]chan jsonEncoded, len(segs))
	for i := range encoded {
		encoded[i] = make(chan jsonEncoded, 1)
	}
	// Each segment taken holds a token until it is written.
	tokens := make(chan struct{}, 2*workers)
	// free holds the buffers written, for the workers to reuse.
	free := make(chan []byte, 2*workers)
	quit := make(chan struct{})
	var next atomic.Int64
	var running sync.WaitGroup
	for range workers {
		running.Go(func() {
			for {
				select {
				case tokens <- struct{}{}:
				case <-quit:
					return
				}
				i := int(next.Add(1) - 1)
				if i >= len(segs) {
					return
				}
				if segs[i].weight >= jsonStreamSize {
					encoded[i] <- jsonEncoded{}
					continue
				}
				var buf []byte
				select {
				case buf = <-free:
				default:
				}
				if cap(buf) < segs[i].weight {
					buf = make([]byte, 0, segs[i].weight+segs[i].weight/4)
				}
				encoded[i] <- encodeSegment(segs[i], indent, buf)
			}
		})
	}
	// On the way out, by an error or a panic too, the workers stop.
	defer func() {
		close(quit)
		running.Wait()
	}()
	for i, done := range encoded {
		x := <-done
		if x.panicked != nil {
			panic(x.panicked)
		}
		if segs[i].weight >= jsonStreamSize {
			segs[i].write(stream)
			stream.flush(true)
			if stream.err != nil {
				return stream.err
			}
		} else {
			if _, err := w.Write(x.buf); err != nil {
				return err
			}
			select {
			case free <- x.buf[:0]:
			default:
			}
		}
		<-tokens
	}
	return nil
}

// jsonEncoded is a segment encoded by a worker: its JSON, or the value
// of the panic encoding it.
type jsonEncoded struct {
	buf      []byte
	panicked any
}

// encodeSegment encodes s into buf, or recovers the panic doing so.
func encodeSegment(s jsonSegment, indent bool, buf []byte) (x jsonEncoded) {
	defer func() {
		if r := recover(); r != nil {
			x = jsonEncoded{panicked: relay(r)}
		}
	}()
	jw := newJSONWriter(nil, indent, buf)
	s.write(jw)
	return jsonEncoded{buf: jw.buf}
}

// jsonWriter appends JSON to buf, indented by two spaces as
// json.Encoder.SetIndent("", "  ") would, or compact on one line. It
// encodes by hand what encoding/json would encode by reflection, byte
// for byte the same (see appendJSONString), at a fraction of the cost:
// the output of a large document runs to tens of megabytes.
type jsonWriter struct {
	// w, when not nil, takes the output in pieces of about
	// jsonFlushSize, and err is the first error writing it; when nil,
	// buf keeps all the output.
	w      io.Writer
	err    error
	indent bool
	buf    []byte
	// piece appends a piece of a string, the one of paragraph i or a
	// separator (noParagraph), and returns true: the yield of pieces,
	// made once. It copies a piece of a paragraph that clean marks and
	// escapes any other piece.
	piece func(i int, piece string) bool
	// clean tells which paragraphs' text needs no escaping (see
	// jsonCleanParagraphs), for the pieces being written.
	clean []bool
}

// newJSONWriter returns a writer to w, or into buf when w is nil,
// indented or compact.
func newJSONWriter(w io.Writer, indent bool, buf []byte) *jsonWriter {
	jw := &jsonWriter{w: w, indent: indent, buf: buf}
	jw.piece = func(i int, piece string) bool {
		if i != noParagraph && jw.clean[i] && wholeRunes(piece) {
			jw.buf = append(jw.buf, piece...)
		} else {
			jw.buf = appendJSONText(jw.buf, piece)
		}
		return true
	}
	return jw
}

// raw appends s as it is.
func (jw *jsonWriter) raw(s string) { jw.buf = append(jw.buf, s...) }

// jsonIndents is a new line and the indentation of the deepest level a
// document's JSON has, a mention's members (see jsonObject.mentions).
const jsonIndents = "\n          "

// newline starts a new line indented depth levels, when indenting.
func (jw *jsonWriter) newline(depth int) {
	if jw.indent {
		jw.buf = append(jw.buf, jsonIndents[:1+2*depth]...)
	}
}

// flush writes the output gathered to w, if any, once there is enough
// of it, or all of it when all is set.
func (jw *jsonWriter) flush(all bool) {
	if jw.w == nil || len(jw.buf) < jsonFlushSize && !all || len(jw.buf) == 0 {
		return
	}
	if jw.err == nil {
		_, jw.err = jw.w.Write(jw.buf)
	}
	jw.buf = jw.buf[:0]
}

// close ends the top-level object and its line, and writes what is left.
func (jw *jsonWriter) close() {
	jw.newline(0)
	jw.raw("}\n")
	jw.flush(true)
}

// jsonObject writes the members of an object whose members stand depth
// levels in.
type jsonObject struct {
	jw    *jsonWriter
	depth int
	// members counts the members written so far.
	members int
}

// jsonMemberStarts are, for each depth of indentation, what stands
// before a member's name after the member before: a comma, a new line,
// the indentation and the opening quotation mark.
var jsonMemberStarts = func() (starts [(len(jsonIndents) + 1) / 2]string) {
	for depth := range starts {
		starts[depth] = "," + jsonIndents[:1+2*depth] + `"`
	}
	return starts
}()

// name starts a member: a comma after the one before, a new line and the
// quoted name. It appends to a copy of the buffer, which the compiler
// can keep in registers, and stores it once.
func (o *jsonObject) name(name string) {
	jw := o.jw
	start, end := `,"`, `":`
	if jw.indent {
		start, end = jsonMemberStarts[o.depth], `": `
	}
	if o.members == 0 {
		start = start[1:]
	}
	o.members++
	b := append(jw.buf, start...)
	b = append(b, name...)
	jw.buf = append(b, end...)
}

// string writes a member whose value is the string s.
func (o *jsonObject) string(name, s string) {
	o.name(name)
	o.jw.buf = appendJSONString(o.jw.buf, s)
}

// paragraph writes a member whose value is the string s, a paragraph's
// text, copied when clean reports that it needs no escaping.
func (o *jsonObject) paragraph(name, s string, clean bool) {
	if !clean {
		o.string(name, s)
		return
	}
	o.name(name)
	b := append(o.jw.buf, '"')
	b = append(b, s...)
	o.jw.buf = append(b, '"')
}

// pieces writes a member whose value is the string of the pieces joined,
// without joining them: a turn's or an answer's text may run to many
// paragraphs. Between two pieces stands an ASCII separator (a blank line,
// " … "), which no rune of UTF-8 spans, so escaping each piece on its own
// is escaping them joined. A piece of a paragraph that clean marks
// (see jsonCleanParagraphs) is copied as it is when it cuts no rune of
// the paragraph's text, as a piece of valid text needing no escaping
// then needs none either.
func (o *jsonObject) pieces(name string, pieces iter.Seq2[int, string], clean []bool) {
	o.name(name)
	jw := o.jw
	jw.buf = append(jw.buf, '"')
	jw.clean = clean
	pieces(jw.piece)
	jw.buf = append(jw.buf, '"')
}

// piece writes a member whose value is the string s, a piece of
// paragraph i's text, as pieces writes a piece.
func (o *jsonObject) piece(name string, i int, s string, clean []bool) {
	o.name(name)
	jw := o.jw
	jw.buf = append(jw.buf, '"')
	jw.clean = clean
	jw.piece(i, s)
	jw.buf = append(jw.buf, '"')
}

// wholeRunes reports whether s, a piece of valid UTF-8 text, cuts no
// rune of it: it starts with no continuation byte, and its last rune is
// whole.
func wholeRunes(s string) bool {
	if s == "" {
		return true
	}
	r, size := utf8.DecodeLastRuneInString(s)
	return utf8.RuneStart(s[0]) && (r != utf8.RuneError || size > 1)
}

// int writes a member whose value is the number n.
func (o *jsonObject) int(name string, n int) {
	o.name(name)
	o.jw.buf = appendInt(o.jw.buf, n)
}

// appendInt appends n in decimal, as strconv.AppendInt does, but for the
// numbers below 100,000, most of a document's offsets and indexes (the
// paragraphs of a long book among them), with no call.
func appendInt(b []byte, n int) []byte {
	switch {
	case n < 0 || n >= 100000:
		return strconv.AppendInt(b, int64(n), 10)
	case n < 10:
		return append(b, byte('0'+n))
	case n < 100:
		return append(b, byte('0'+n/10), byte('0'+n%10))
	case n < 1000:
		return append(b, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
	case n < 10000:
		return append(b, byte('0'+n/1000), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
	}
	return append(b, byte('0'+n/10000), byte('0'+n/1000%10), byte('0'+n/100%10), byte('0'+n/10%10), byte('0'+n%10))
}

// bool writes a member whose value is b.
func (o *jsonObject) bool(name string, b bool) {
	o.name(name)
	o.jw.buf = strconv.AppendBool(o.jw.buf, b)
}

// strings writes a member whose value is an array of strings, [] when
// there are none.
func (o *jsonObject) strings(name string, items []string) {
	nestedArray(o, name, items, func(s string) {
		o.jw.buf = appendJSONString(o.jw.buf, s)
	})
}

// mentions writes a member whose value is an array of mentions, each
// {paragraph, start, end}, [] when there are none. What stands around
// the three numbers of a mention is the same for all, and is made once:
// an entity may have thousands of mentions.
func (o *jsonObject) mentions(name string, items []Mention) {
	jw := o.jw
	var form [4]string // before the paragraph, the start and the end, and after
	w := jsonWriter{indent: jw.indent}
	item := jsonObject{jw: &w, depth: o.depth + 2}
	w.raw("{")
	for k, key := range [...]string{"paragraph", "start", "end"} {
		item.name(key)
		form[k], w.buf = string(w.buf), w.buf[:0]
	}
	w.newline(o.depth + 1)
	w.raw("}")
	form[3] = string(w.buf)
	nestedArray(o, name, items, func(m Mention) {
		b := append(jw.buf, form[0]...)
		b = appendInt(b, m.Paragraph)
		b = append(b, form[1]...)
		b = appendInt(b, m.Start)
		b = append(b, form[2]...)
		b = appendInt(b, m.End)
		jw.buf = append(b, form[3]...)
		jw.flush(false)
	})
}

// nestedArray writes the member name of o as an array, each of items on
// a line of its own written by write, [] when there are none.
func nestedArray[T any](o *jsonObject, name string, items []T, write func(T)) {
	o.name(name)
	jw := o.jw
	jw.buf = append(jw.buf, '[')
	for i, item := range items {
		if i > 0 {
			jw.buf = append(jw.buf, ',')
		}
		jw.newline(o.depth + 1)
		write(item)
	}
	if len(items) > 0 {
		jw.newline(o.depth)
	}
	jw.buf = append(jw.buf, ']')
}

// hexDigits are the digits of a \u escape, in the lower case
// encoding/json writes.
const hexDigits = "0123456789abcdef"

// jsonPlain tells the bytes appendJSONText copies as they are: ASCII
// from the space up, but for the quotation mark, the backslash, <, > and
// &. A byte from 0x80 up starts or continues a multi-byte rune, which
// appendJSONText decodes.
var jsonPlain = func() (plain [256]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		plain[b] = !strings.ContainsRune(`"\<>&`, rune(b))
	}
	return plain
}()

// plainWord reports whether all eight bytes of the word w are plain
// (jsonPlain), testing them at once: none from 0x80 up, and then,
// w-laneOnes*n&^w has the high bit of some byte set exactly when some
// byte is below n, and so w holds the byte c when w^laneOnes*c has a
// zero byte (zeroByte). A byte is '"' or '&' when with bit 0x04 set it
// is '&', and '<' or '>' when with bit 0x02 set it is '>'.
func plainWord(w uint64) bool {
	quoteAmp := (w | 0x04*laneOnes) ^ '&'*laneOnes
	lessMore := (w | 0x02*laneOnes) ^ '>'*laneOnes
	slash := w ^ '\\'*laneOnes
	special := w | (w-0x20*laneOnes)&^w | zeroByte(quoteAmp) | zeroByte(lessMore) | zeroByte(slash)
	return special&laneHighs == 0
}

// zeroByte has the high bit of some byte set exactly when some byte of w,
// whose bytes are all below 0x80, is zero.
func zeroByte(w uint64) uint64 { return (w - laneOnes) &^ w }

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it: quotation mark, backslash and control characters; <, > and
// & (as \u003c, \u003e, \u0026); U+2028 and U+2029; an invalid byte of
// UTF-8 as U+FFFD. It escapes the C1 control characters U+0080-U+009F as
// well, which encoding/json leaves raw and some terminals obey.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = appendJSONText(dst, s)
	return append(dst, '"')
}

// jsonClean reports whether s needs no escaping in JSON: appendJSONText
// appends it as it is.
func jsonClean(s string) bool {
	return jsonPlainLen(s) == len(s)
}

// jsonPlainLen returns the length of the longest prefix of s that
// appendJSONText appends as it is: plain ASCII (jsonPlain), read eight
// bytes at a time, and whole runes of UTF-8 that need no escape.
func jsonPlainLen(s string) int {
	i := 0
	for i < len(s) {
		for i+8 <= len(s) && plainWord(load8(s, i)) {
			i += 8
		}
		for i < len(s) && jsonPlain[s[i]] {
			i++
		}
		if i == len(s) || s[i] < utf8.RuneSelf {
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' || 0x80 <= r && r <= 0x9F {
			break
		}
		i += size
	}
	return i
}

// appendJSONText appends s escaped as appendJSONString escapes it,
// without the quotation marks around it.
func appendJSONText(dst []byte, s string) []byte {
	for {
		i := jsonPlainLen(s)
		dst = append(dst, s[:i]...)
		if i == len(s) {
			return dst
		}
		b := s[i]
		if b < utf8.RuneSelf {
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			s = s[i+1:]
			continue
		}
		// A rune jsonPlainLen stopped at: an invalid byte, U+2028,
		// U+2029 or a C1 control.
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError {
			dst = append(dst, `\ufffd`...)
		} else {
			dst = append(dst, '\\', 'u', hexDigits[r>>12], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
		}
		s = s[i+size:]
	}
}
