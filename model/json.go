package model

import (
	"encoding/json"
	"io"
	"iter"
	"strconv"
	"strings"
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
// documented in the README under "extract". It streams: the output goes
// out in pieces of about 64 KB, so memory stays small for a large
// document whatever the size of the output.
func (d *Document) WriteJSON(w io.Writer) error {
	jw := newJSONWriter(w, true)
	jw.raw("{")
	d.writeFields(jw)
	return jw.close()
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
	jw := newJSONWriter(w, false)
	jw.raw("{")
	jw.top.string("input", input)
	jw.top.int("schema_version", SchemaVersion)
	d.writeFields(jw)
	return jw.close()
}

// WriteErrorLine writes the JSON Lines line of an input that could not be
// read or extracted: {"input", "schema_version", "error"}.
func WriteErrorLine(w io.Writer, input string, failure error) error {
	jw := newJSONWriter(w, false)
	jw.raw("{")
	jw.top.string("input", input)
	jw.top.int("schema_version", SchemaVersion)
	jw.top.string("error", OneLine(failure.Error()))
	return jw.close()
}

// writeFields writes the document's members, from title to removed.
func (d *Document) writeFields(jw *jsonWriter) {
	top := &jw.top
	top.string("title", d.Title)
	top.string("byline", d.Byline)
	top.string("source", d.Source)
	top.string("date", d.Date)
	top.string("format", string(d.Format))
	jsonArray(jw, "paragraphs", d.Paragraphs, func(o *jsonObject, i int, p Paragraph) {
		a := d.Annotation(i)
		o.string("text", p.Text)
		o.int("section", a.Section)
		o.string("speaker", a.Speaker)
	})
	jsonArray(jw, "sections", d.Sections, func(o *jsonObject, _ int, s Section) {
		o.string("title", s.Title)
		o.bool("derived", s.Derived)
		o.int("start", s.Start)
		o.int("end", s.End)
	})
	jsonArray(jw, "turns", d.Turns, func(o *jsonObject, _ int, t Turn) {
		o.string("speaker", t.Speaker)
		o.string("name", t.Name)
		o.string("role", string(t.Role))
		o.int("start", t.Start)
		o.int("end", t.End)
		o.pieces("text", d.turnPieces(t))
	})
	jsonArray(jw, "qa", d.Exchanges, func(o *jsonObject, _ int, e Exchange) {
		o.pieces("question", d.questionPieces(e))
		o.pieces("answer", d.answerPieces(e))
		o.string("asker", e.Asker)
		o.string("answerer", e.Answerer)
		o.strings("answerers", e.Answerers)
		o.int("start", e.Start)
		o.int("end", e.End)
	})
	jsonArray(jw, "quotes", d.Quotes, func(o *jsonObject, _ int, q Quote) {
		o.pieces("text", d.quotePieces(q))
		o.string("speaker", q.Speaker)
		o.string("cue", q.Cue)
		o.string("kind", string(q.Kind))
		o.int("paragraph", q.Paragraph)
		o.int("start", q.Start)
		o.int("end", q.End)
	})
	jsonArray(jw, "entities", d.Entities, func(o *jsonObject, _ int, e Entity) {
		o.string("name", e.Name)
		o.string("kind", string(e.Kind))
		o.strings("aliases", e.Aliases)
		o.mentions("mentions", e.Mentions)
	})
	jsonArray(jw, "removed", d.Removed, func(o *jsonObject, _ int, r Removed) {
		o.string("text", r.Text)
		o.string("reason", r.Reason)
	})
}

// jsonFlushSize is how much output jsonWriter gathers before it writes.
const jsonFlushSize = 64 << 10

// jsonWriter writes a JSON object member by member, keeping the first
// error: indented by two spaces as json.Encoder.SetIndent("", "  ")
// would, or compact on one line. It encodes by hand what encoding/json
// would encode by reflection, byte for byte the same (see
// appendJSONString), at a fraction of the cost: the output of a large
// document runs to tens of megabytes.
type jsonWriter struct {
	w      io.Writer
	err    error
	indent bool
	// buf is the output not written yet.
	buf []byte
	// top is the top-level object.
	top jsonObject
}

// newJSONWriter returns a writer to w, indented or compact.
func newJSONWriter(w io.Writer, indent bool) *jsonWriter {
	jw := &jsonWriter{w: w, indent: indent, buf: make([]byte, 0, jsonFlushSize+4<<10)}
	jw.top = jsonObject{jw: jw, depth: 1}
	return jw
}

// raw appends s as it is.
func (jw *jsonWriter) raw(s string) { jw.buf = append(jw.buf, s...) }

// newline starts a new line indented depth levels, when indenting.
func (jw *jsonWriter) newline(depth int) {
	if !jw.indent {
		return
	}
	jw.buf = append(jw.buf, '\n')
	for range depth {
		jw.buf = append(jw.buf, ' ', ' ')
	}
}

// flush writes the output gathered once there is enough of it, or all of
// it when all is set.
func (jw *jsonWriter) flush(all bool) {
	if len(jw.buf) < jsonFlushSize && !all || len(jw.buf) == 0 {
		return
	}
	if jw.err == nil {
		_, jw.err = jw.w.Write(jw.buf)
	}
	jw.buf = jw.buf[:0]
}

// close ends the top-level object and its line, and writes what is left.
func (jw *jsonWriter) close() error {
	jw.newline(0)
	jw.raw("}\n")
	jw.flush(true)
	return jw.err
}

// jsonObject writes the members of an object whose members stand depth
// levels in.
type jsonObject struct {
	jw    *jsonWriter
	depth int
	// members counts the members written so far.
	members int
}

// name starts a member: a comma after the one before, a new line and the
// quoted name.
func (o *jsonObject) name(name string) {
	jw := o.jw
	if o.members > 0 {
		jw.buf = append(jw.buf, ',')
	}
	o.members++
	jw.newline(o.depth)
	jw.buf = append(jw.buf, '"')
	jw.buf = append(jw.buf, name...)
	jw.buf = append(jw.buf, '"', ':')
	if jw.indent {
		jw.buf = append(jw.buf, ' ')
	}
}

// string writes a member whose value is the string s.
func (o *jsonObject) string(name, s string) {
	o.name(name)
	o.jw.buf = appendJSONString(o.jw.buf, s)
}

// pieces writes a member whose value is the string of the pieces joined,
// without joining them: a turn's or an answer's text may run to many
// paragraphs. Between two pieces stands an ASCII separator (a blank line,
// " … "), which no rune of UTF-8 spans, so escaping each piece on its own
// is escaping them joined.
func (o *jsonObject) pieces(name string, pieces iter.Seq[string]) {
	o.name(name)
	o.jw.buf = append(o.jw.buf, '"')
	for p := range pieces {
		o.jw.buf = appendJSONText(o.jw.buf, p)
	}
	o.jw.buf = append(o.jw.buf, '"')
}

// int writes a member whose value is the number n.
func (o *jsonObject) int(name string, n int) {
	o.name(name)
	o.jw.buf = strconv.AppendInt(o.jw.buf, int64(n), 10)
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
// {paragraph, start, end}, [] when there are none.
func (o *jsonObject) mentions(name string, items []Mention) {
	jw := o.jw
	nestedArray(o, name, items, func(m Mention) {
		jw.buf = append(jw.buf, '{')
		item := jsonObject{jw: jw, depth: o.depth + 2}
		item.int("paragraph", m.Paragraph)
		item.int("start", m.Start)
		item.int("end", m.End)
		jw.newline(o.depth + 1)
		jw.buf = append(jw.buf, '}')
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

// jsonArray writes the top-level member name as an array of objects, []
// when there are none; write writes the members of each, and is given
// its index too.
func jsonArray[T any](jw *jsonWriter, name string, items []T, write func(o *jsonObject, i int, it T)) {
	jw.top.name(name)
	jw.buf = append(jw.buf, '[')
	for i, it := range items {
		if i > 0 {
			jw.buf = append(jw.buf, ',')
		}
		jw.newline(2)
		jw.buf = append(jw.buf, '{')
		o := jsonObject{jw: jw, depth: 3}
		write(&o, i, it)
		jw.newline(2)
		jw.buf = append(jw.buf, '}')
		jw.flush(false)
	}
	if len(items) > 0 {
		jw.newline(1)
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

// Bytes repeated in every byte of a word, for plainWord.
const (
	everyByte  = 0x0101010101010101
	everyHigh  = 0x8080808080808080
	everyQuote = '"' * everyByte
	everySlash = '\\' * everyByte
	everyLess  = '<' * everyByte
	everyMore  = '>' * everyByte
	everyAmp   = '&' * everyByte
)

// plainWord reports whether all eight bytes of s are plain (jsonPlain),
// testing them at once. With no byte from 0x80 up, w-everyByte*n&^w has
// the high bit of some byte set exactly when some byte is below n; a
// byte equal to c is a zero byte of w^everyByte*c.
func plainWord(s string) bool {
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	if w&everyHigh != 0 {
		return false
	}
	special := (w-0x20*everyByte)&^w |
		zeroByte(w^everyQuote) | zeroByte(w^everySlash) |
		zeroByte(w^everyLess) | zeroByte(w^everyMore) | zeroByte(w^everyAmp)
	return special&everyHigh == 0
}

// zeroByte has the high bit of some byte set exactly when some byte of w,
// whose bytes are all below 0x80, is zero.
func zeroByte(w uint64) uint64 { return (w - everyByte) &^ w }

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

// appendJSONText appends s escaped as appendJSONString escapes it,
// without the quotation marks around it.
func appendJSONText(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) && plainWord(s[i:i+8]) {
			i += 8
		}
		for i < len(s) && jsonPlain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
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
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029' || 0x80 <= r && r <= 0x9F:
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', hexDigits[r>>12], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(dst, s[start:]...)
}
