package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// The JSON shape of `lede extract --format json`. Every field is always
// present; unknown values are empty strings or empty arrays, never null.
type (
	jsonDocument struct {
		Title      string          `json:"title"`
		Byline     string          `json:"byline"`
		Source     string          `json:"source"`
		Date       string          `json:"date"`
		Paragraphs []jsonParagraph `json:"paragraphs"`
		Sections   []Section       `json:"sections"`
		Turns      []jsonTurn      `json:"turns"`
		QA         []jsonExchange  `json:"qa"`
		Quotes     []jsonQuote     `json:"quotes"`
		Entities   []jsonEntity    `json:"entities"`
		Removed    []Removed       `json:"removed"`
	}
	jsonParagraph struct {
		Text    string `json:"text"`
		Section int    `json:"section"`
		Speaker string `json:"speaker"`
	}
	jsonTurn struct {
		Speaker string `json:"speaker"`
		Role    Role   `json:"role"`
		Start   int    `json:"start"`
		End     int    `json:"end"`
		Text    string `json:"text"`
	}
	jsonExchange struct {
		Question string `json:"question"`
		Answer   string `json:"answer"`
		Asker    string `json:"asker"`
		Answerer string `json:"answerer"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
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

// MarshalJSON encodes the Section as {title, start, end}.
func (s Section) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Title string `json:"title"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	}{s.Title, s.Start, s.End})
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
// documented in the README under "extract".
func (d *Document) WriteJSON(w io.Writer) error {
	out := jsonDocument{
		Title: d.Title, Byline: d.Byline, Source: d.Source, Date: d.Date,
		Paragraphs: make([]jsonParagraph, len(d.Paragraphs)),
		Sections:   nonNil(d.Sections),
		Turns:      make([]jsonTurn, len(d.Turns)),
		QA:         make([]jsonExchange, len(d.Exchanges)),
		Quotes:     make([]jsonQuote, len(d.Quotes)),
		Entities:   make([]jsonEntity, len(d.Entities)),
		Removed:    nonNil(d.Removed),
	}
	for i, p := range d.Paragraphs {
		out.Paragraphs[i] = jsonParagraph{p.Text, p.Section, p.Speaker}
	}
	for i, t := range d.Turns {
		out.Turns[i] = jsonTurn{t.Speaker, t.Role, t.Start, t.End, d.TurnText(t)}
	}
	for i, e := range d.Exchanges {
		out.QA[i] = jsonExchange{d.Question(e), d.Answer(e), e.Asker, e.Answerer, e.Start, e.End}
	}
	for i, q := range d.Quotes {
		out.Quotes[i] = jsonQuote{d.QuoteText(q), q.Speaker, q.Cue, q.Kind, q.Paragraph, q.Start, q.End}
	}
	for i, e := range d.Entities {
		out.Entities[i] = jsonEntity{e.Name, e.Kind, nonNil(e.Aliases), nonNil(e.Mentions)}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := w.Write(escapeC1(buf.Bytes()))
	return err
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
