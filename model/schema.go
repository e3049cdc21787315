package model

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of a line of WriteJSONLine
// and WriteErrorLine, for SchemaVersion; `lede extract --schema` prints
// it.
//
//go:embed schema.json
var Schema []byte
