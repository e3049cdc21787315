package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// The extraction cases of testdata/extract, the way goldmark keeps its
// cases: each case is NAME.json beside its document NAME.txt, NAME.md or
// NAME.html (or the file its "input" names, relative to the folder), and
// holds only the part of `lede extract --format json` the case is about.
// Adding a case is adding the two files.
//
// A case is matched against the document's JSON object like this:
//   - a string, number or boolean must equal the field of that name;
//   - "FIELD_starts", "FIELD_ends" and "FIELD_contains" hold a string the
//     field must start with, end with or contain;
//   - an object under an object field is matched field by field;
//   - an array under an array field is the whole list, in order, each
//     item matched as above;
//   - an object under an array field says what the list holds, in any of
//     "count" (its length), "first" and "last" (the items it starts or
//     ends with, in order), "include" (items some item matches, in any
//     order) and "exclude" (items no item matches).
//
// So {"qa": [{"asker": "Host", "question_starts": "Why"}]} says the
// document has exactly one exchange, asked by Host, whose question starts
// "Why"; {"entities": {"include": [{"name": "Port Ellis", "kind": "place"}]}}
// says one of its entities is that place, whatever the others are.

// fixtureDir is the folder of the extraction cases.
var fixtureDir = filepath.Join("..", "testdata", "extract")

// fixtureDocExts are the extensions a case's document may have, in the
// order they are looked for.
var fixtureDocExts = []string{".txt", ".md", ".html"}

// listModes are the keys of an object that describes a list.
var listModes = []string{"count", "first", "last", "include", "exclude"}

// textOp compares a string field in part, and says how in a message.
type textOp struct {
	match func(got, want string) bool
	verb  string
}

// textOps are the suffixes of a key that compares a string field in part.
var textOps = map[string]textOp{
	"_starts":   {strings.HasPrefix, "start with"},
	"_ends":     {strings.HasSuffix, "end with"},
	"_contains": {strings.Contains, "contain"},
}

// extractJSON parses data as the document name and returns what `lede
// extract --format json` prints for it, decoded. It is the one place the
// fixture runner calls the model.
func extractJSON(t *testing.T, name string, data []byte) map[string]any {
	t.Helper()
	d, err := Parse(Input{Name: name, Data: data})
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
	return doc
}

// TestExtractionFixtures runs every case in testdata/extract.
func TestExtractionFixtures(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	if err != nil || len(cases) == 0 {
		t.Fatalf("no cases in %s: %v", fixtureDir, err)
	}
	for _, path := range cases {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			want, doc := readFixture(t, path)
			data, err := os.ReadFile(doc)
			if err != nil {
				t.Fatal(err)
			}
			got := extractJSON(t, filepath.Base(doc), data)
			for _, msg := range matchJSON("", want, got) {
				t.Errorf("%s: %s", filepath.Base(path), msg)
			}
		})
	}
}

// TestExtractionFixturesHaveCases checks that every document in
// testdata/extract has its case, so none lies there untested.
func TestExtractionFixturesHaveCases(t *testing.T) {
	entries, err := os.ReadDir(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if !slices.Contains(fixtureDocExts, ext) {
			continue
		}
		if _, err := os.Stat(filepath.Join(fixtureDir, strings.TrimSuffix(e.Name(), ext)+".json")); err != nil {
			t.Errorf("%s has no case beside it: %v", e.Name(), err)
		}
	}
}

// readFixture reads the case at path and finds its document: the file its
// "input" names, or the file beside it with the same name.
func readFixture(t *testing.T, path string) (want map[string]any, doc string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&want); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if in, ok := want["input"].(string); ok {
		delete(want, "input")
		return want, filepath.Join(filepath.Dir(path), filepath.FromSlash(in))
	}
	base := strings.TrimSuffix(path, ".json")
	for _, ext := range fixtureDocExts {
		if _, err := os.Stat(base + ext); err == nil {
			return want, base + ext
		}
	}
	t.Fatalf("%s: no document %s.{txt,md,html} beside it and no \"input\"", path, filepath.Base(base))
	return nil, ""
}

// matchJSON compares what a case wants at path with what extraction gave,
// as the comment at the top of this file describes, and returns one
// message for each difference.
func matchJSON(path string, want, got any) []string {
	switch w := want.(type) {
	case map[string]any:
		switch g := got.(type) {
		case []any:
			return matchList(path, w, g)
		case map[string]any:
			return matchObject(path, w, g)
		}
		return []string{fmt.Sprintf("%s = %s, want an object or a list", pathName(path), brief(got))}
	case []any:
		g, ok := got.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s = %s, want a list", pathName(path), brief(got))}
		}
		if len(g) != len(w) {
			return []string{fmt.Sprintf("%s has %d items, want %d; got:%s", pathName(path), len(g), len(w), listing(g))}
		}
		var msgs []string
		for i := range w {
			msgs = append(msgs, matchJSON(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return msgs
	case json.Number:
		if n, ok := got.(float64); !ok || w.String() != fmt.Sprint(n) {
			return []string{fmt.Sprintf("%s = %s, want %s", pathName(path), brief(got), w)}
		}
		return nil
	}
	if !reflect.DeepEqual(want, got) {
		return []string{fmt.Sprintf("%s = %s, want %s", pathName(path), brief(got), brief(want))}
	}
	return nil
}

// matchObject compares the fields a case names with those of an object.
func matchObject(path string, want, got map[string]any) []string {
	var msgs []string
	for _, key := range sortedKeys(want) {
		field, op := key, ""
		for suffix := range textOps {
			if f, ok := strings.CutSuffix(key, suffix); ok {
				field, op = f, suffix
			}
		}
		g, ok := got[field]
		if !ok {
			msgs = append(msgs, fmt.Sprintf("%s: the JSON has no field %q", pathName(path), field))
			continue
		}
		at := join(path, field)
		if op == "" {
			msgs = append(msgs, matchJSON(at, want[key], g)...)
			continue
		}
		ws, wok := want[key].(string)
		gs, gok := g.(string)
		if !wok || !gok {
			msgs = append(msgs, fmt.Sprintf("%s: %s compares strings, got %s and want %s", at, op, brief(g), brief(want[key])))
		} else if !textOps[op].match(gs, ws) {
			msgs = append(msgs, fmt.Sprintf("%s = %s, want it to %s %q", at, brief(gs), textOps[op].verb, ws))
		}
	}
	return msgs
}

// matchList checks what a case says about a list: its count, the items it
// starts and ends with, and items it does or does not hold.
func matchList(path string, want map[string]any, got []any) []string {
	var msgs []string
	for key := range want {
		if !slices.Contains(listModes, key) {
			msgs = append(msgs, fmt.Sprintf("%s: %q is not one of %v", pathName(path), key, listModes))
		}
	}
	if n, ok := want["count"].(json.Number); ok && n.String() != fmt.Sprint(len(got)) {
		msgs = append(msgs, fmt.Sprintf("%s has %d items, want %s; got:%s", pathName(path), len(got), n, listing(got)))
	}
	if first, ok := want["first"].([]any); ok {
		if len(got) < len(first) {
			msgs = append(msgs, fmt.Sprintf("%s has %d items, want at least %d; got:%s", pathName(path), len(got), len(first), listing(got)))
		} else {
			for i, w := range first {
				msgs = append(msgs, matchJSON(fmt.Sprintf("%s[%d]", path, i), w, got[i])...)
			}
		}
	}
	if last, ok := want["last"].([]any); ok {
		if len(got) < len(last) {
			msgs = append(msgs, fmt.Sprintf("%s has %d items, want at least %d; got:%s", pathName(path), len(got), len(last), listing(got)))
		} else {
			for i, w := range last {
				k := len(got) - len(last) + i
				msgs = append(msgs, matchJSON(fmt.Sprintf("%s[%d]", path, k), w, got[k])...)
			}
		}
	}
	include, _ := want["include"].([]any)
	for _, w := range include {
		if !slices.ContainsFunc(got, func(g any) bool { return matchJSON(path, w, g) == nil }) {
			msgs = append(msgs, fmt.Sprintf("%s has no item matching %s", pathName(path), brief(w)))
		}
	}
	exclude, _ := want["exclude"].([]any)
	for _, w := range exclude {
		for i, g := range got {
			if matchJSON(path, w, g) == nil {
				msgs = append(msgs, fmt.Sprintf("%s[%d] = %s matches %s, which it must not", path, i, brief(g), brief(w)))
			}
		}
	}
	return msgs
}

// pathName names a place in the JSON for a message: the top is "the
// document".
func pathName(path string) string {
	if path == "" {
		return "the document"
	}
	return path
}

// join adds a field name to a path.
func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// sortedKeys returns the keys of m in order, so messages come in a
// stable order.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// brief encodes v as JSON for a message, long strings cut to about 80
// bytes.
func brief(v any) string {
	switch x := v.(type) {
	case string:
		if len(x) > 80 {
			cut := 80
			for !utf8.RuneStart(x[cut]) {
				cut--
			}
			x = x[:cut] + "…"
		}
		return fmt.Sprintf("%q", x)
	case map[string]any:
		parts := make([]string, 0, len(x))
		for _, k := range sortedKeys(x) {
			switch x[k].(type) {
			case []any, map[string]any:
				continue // mentions and the like: too long to help
			}
			parts = append(parts, k+": "+brief(x[k]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// listing formats a list one item a line, for a message about its length.
func listing(items []any) string {
	var b strings.Builder
	for i, it := range items {
		fmt.Fprintf(&b, "\n\t[%d] %s", i, brief(it))
	}
	return b.String()
}
