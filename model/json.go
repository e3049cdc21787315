package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// The JSON shapes of the elements of `lede extract --format json`. Every
// field is always present; unknown values are empty strings or empty
// arrays, never null.
type (
	jsonParagraph struct {
		Text    string `json:"text"`
		Section int    `json:"section"`
		Speaker string `json:"speaker"`
	}
	jsonTurn struct {
		Speaker string `json:"speaker"`
		Name    string `json:"name"`
		Role    Role   `json:"role"`
		Start   int    `json:"start"`
		End     int    `json:"end"`
		Text    string `json:"text"`
	}
	jsonExchange struct {
		Question  string   `json:"question"`
		Answer    string   `json:"answer"`
		Asker     string   `json:"asker"`
		Answerer  string   `json:"answerer"`
		Answerers []string `json:"answerers"`
		Start     int      `json:"start"`
		End       int      `json:"end"`
	}
	jsonQuote struct {
		Text      string    `json:"text"`
		Speaker   string    `json:"speaker"`
		Cue       string    `json:"cue"`
		Kind      QuoteKind `json:"kind"`
		Paragraph int       `json:"paragraph"`
		Start     int       `json:"start"`
		End       int       `json:"end"`
	}
	jsonEntity struct {
		Name     string     `json:"name"`
		Kind     EntityKind `json:"kind"`
		Aliases  []string   `json:"aliases"`
		Mentions []Mention  `json:"mentions"`
	}
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
// documented in the README under "extract". It streams: each element is
// encoded and written on its own, so memory stays small for a large
// document whatever the size of the output.
func (d *Document) WriteJSON(w io.Writer) error {
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 64<<10), indent: true}
	jw.raw("{\n")
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
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 16<<10)}
	jw.raw("{")
	jw.field("input", input, false)
	jw.field("schema_version", SchemaVersion, false)
	d.writeFields(jw)
	return jw.close()
}

// WriteErrorLine writes the JSON Lines line of an input that could not be
// read or extracted: {"input", "schema_version", "error"}.
func WriteErrorLine(w io.Writer, input string, failure error) error {
	jw := &jsonWriter{w: bufio.NewWriterSize(w, 512)}
	jw.raw("{")
	jw.field("input", input, false)
	jw.field("schema_version", SchemaVersion, false)
	jw.field("error", OneLine(failure.Error()), true)
	return jw.close()
}

// writeFields writes the document's members, from title to removed.
func (d *Document) writeFields(jw *jsonWriter) {
	jw.field("title", d.Title, false)
	jw.field("byline", d.Byline, false)
	jw.field("source", d.Source, false)
	jw.field("date", d.Date, false)
	jw.field("format", string(d.Format), false)
	jsonArray(jw, "paragraphs", d.Paragraphs, false, func(i int, p Paragraph) any {
		a := d.Annotation(i)
		return jsonParagraph{p.Text, a.Section, a.Speaker}
	})
	jsonArray(jw, "sections", d.Sections, false, func(_ int, s Section) any { return s })
	jsonArray(jw, "turns", d.Turns, false, func(_ int, t Turn) any {
		return jsonTurn{t.Speaker, t.Name, t.Role, t.Start, t.End, d.TurnText(t)}
	})
	jsonArray(jw, "qa", d.Exchanges, false, func(_ int, e Exchange) any {
		return jsonExchange{d.Question(e), d.Answer(e), e.Asker, e.Answerer, nonNil(e.Answerers), e.Start, e.End}
	})
	jsonArray(jw, "quotes", d.Quotes, false, func(_ int, q Quote) any {
		return jsonQuote{d.QuoteText(q), q.Speaker, q.Cue, q.Kind, q.Paragraph, q.Start, q.End}
	})
	jsonArray(jw, "entities", d.Entities, false, func(_ int, e Entity) any {
		return jsonEntity{e.Name, e.Kind, nonNil(e.Aliases), nonNil(e.Mentions)}
	})
	jsonArray(jw, "removed", d.Removed, true, func(_ int, r Removed) any { return r })
}

// jsonWriter writes a JSON object member by member, keeping the first
// error: indented by two spaces as json.Encoder.SetIndent("", "  ")
// would, or compact on one line.
type jsonWriter struct {
	w      *bufio.Writer
	err    error
	indent bool
}

// raw writes s as it is.
func (jw *jsonWriter) raw(s string) {
	if jw.err == nil {
		_, jw.err = jw.w.WriteString(s)
	}
}

// value writes v encoded, indented to the depth of prefix.
func (jw *jsonWriter) value(v any, prefix string) {
	if jw.err != nil {
		return
	}
	var b []byte
	var err error
	if jw.indent {
		b, err = json.MarshalIndent(v, prefix, "  ")
	} else {
		b, err = json.Marshal(v)
	}
	if err != nil {
		jw.err = err
		return
	}
	_, jw.err = jw.w.Write(escapeC1(b))
}

// name starts the member name of the top-level object.
func (jw *jsonWriter) name(name string) {
	if jw.indent {
		jw.raw("  " + strconv.Quote(name) + ": ")
	} else {
		jw.raw(strconv.Quote(name) + ":")
	}
}

// field writes one "name": value member of the top-level object.
func (jw *jsonWriter) field(name string, v any, last bool) {
	jw.name(name)
	jw.value(v, "  ")
	jw.end(last)
}

// end closes a member or an array item, with a comma unless it is the
// last.
func (jw *jsonWriter) end(last bool) {
	if !last {
		jw.raw(",")
	}
	if jw.indent {
		jw.raw("\n")
	}
}

// close ends the object and its line, and flushes.
func (jw *jsonWriter) close() error {
	jw.raw("}\n")
	if jw.err != nil {
		return jw.err
	}
	return jw.w.Flush()
}

// jsonArray writes the member name as an array of the items, each shaped
// for JSON by shape, which is given its index too; last closes the
// object.
func jsonArray[T any](jw *jsonWriter, name string, items []T, last bool, shape func(int, T) any) {
	jw.name(name)
	if len(items) == 0 {
		jw.raw("[]")
		jw.end(last)
		return
	}
	jw.raw("[")
	if jw.indent {
		jw.raw("\n")
	}
	for i, it := range items {
		if jw.indent {
			jw.raw("    ")
		}
		jw.value(shape(i, it), "    ")
		jw.end(i == len(items)-1)
	}
	if jw.indent {
		jw.raw("  ")
	}
	jw.raw("]")
	jw.end(last)
}

// escapeC1 writes the C1 control characters U+0080-U+009F, which
// encoding/json leaves raw and some terminals obey, as \u escapes. They can
// only occur inside JSON strings, where the escape means the same.
func escapeC1(b []byte) []byte {
	if !bytes.Contains(b, []byte{0xC2}) {
		return b
	}
	out := make([]byte, 0, len(b)+64)
	for i := 0; i < len(b); i++ {
		if b[i] == 0xC2 && i+1 < len(b) && b[i+1] >= 0x80 && b[i+1] <= 0x9F {
			out = fmt.Appendf(out, `\u%04x`, b[i+1])
			i++
			continue
		}
		out = append(out, b[i])
	}
	return out
}

// nonNil returns s, or an empty slice when s is nil, so JSON shows [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
