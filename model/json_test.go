package model

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
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
