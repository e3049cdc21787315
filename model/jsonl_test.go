package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// jsonLine returns d's JSON Lines line for input.
func jsonLine(t *testing.T, d *Document, input string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := d.WriteJSONLine(&buf, input); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestJSONLineIsJSONCompacted checks that the line of every testdata
// document is the indented JSON of WriteJSON, compacted, led by input and
// schema_version, on one line.
func TestJSONLineIsJSONCompacted(t *testing.T) {
	for _, name := range testdataFiles(t) {
		d := parseTestdata(t, name)
		var indented, compact bytes.Buffer
		if err := d.WriteJSON(&indented); err != nil {
			t.Fatal(err)
		}
		if err := json.Compact(&compact, indented.Bytes()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want := `{"input":"dir/` + name + `","schema_version":1,` + strings.TrimPrefix(compact.String(), "{") + "\n"
		if got := string(jsonLine(t, d, "dir/"+name)); got != want {
			t.Errorf("%s: line\n%.300s\nwant\n%.300s", name, got, want)
		}
	}
}

func TestErrorLine(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteErrorLine(&buf, "a\x1b]0;x\x07.txt", errors.New("open a.txt:\nno such file")); err != nil {
		t.Fatal(err)
	}
	want := `{"input":"a\u001b]0;x\u0007.txt","schema_version":1,"error":"open a.txt: no such file"}` + "\n"
	if buf.String() != want {
		t.Errorf("error line %q, want %q", buf.String(), want)
	}
}

// compileSchema compiles Schema.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validate validates one line against s.
func validate(s *jsonschema.Schema, line []byte) error {
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
	if err != nil {
		return err
	}
	return s.Validate(v)
}

// TestSchemaValidatesLines validates the line of every testdata document
// and an error line against Schema, and checks that the schema refuses
// lines that lack a field, carry an unknown one or a kind it does not
// know.
func TestSchemaValidatesLines(t *testing.T) {
	s := compileSchema(t)
	var sample []byte
	for _, name := range testdataFiles(t) {
		line := jsonLine(t, parseTestdata(t, name), name)
		if err := validate(s, line); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if strings.HasPrefix(name, "xiaomi") {
			sample = line
		}
	}
	var failure bytes.Buffer
	if err := WriteErrorLine(&failure, "x.txt", ErrEmpty); err != nil {
		t.Fatal(err)
	}
	if err := validate(s, failure.Bytes()); err != nil {
		t.Errorf("error line: %v", err)
	}
	for _, c := range []struct{ old, new string }{
		{`"quotes":[`, `"quotations":[`},
		{`"schema_version":1`, `"schema_version":2`},
		{`"kind":"person"`, `"kind":"alien"`},
		{`"schema_version":1,`, `"schema_version":1,"extra":0,`},
	} {
		if !bytes.Contains(sample, []byte(c.old)) {
			t.Fatalf("the sample's line has no %s", c.old)
		}
		bad := bytes.Replace(sample, []byte(c.old), []byte(c.new), 1)
		if validate(s, bad) == nil {
			t.Errorf("the schema takes a line with %s for %s", c.new, c.old)
		}
	}
	if validate(s, []byte(`{"input":"x.txt","schema_version":1,"error":""}`)) == nil {
		t.Error("the schema takes an empty error")
	}
}
