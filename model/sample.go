package model

import _ "embed"

// SampleName is the file name of the sample interview built into lede.
const SampleName = "xiaomi-century-brand.txt"

// Sample is the sample interview lede opens when started with no file: an
// interview with Xiaomi's founder, copied from a web page with its comment
// form and advert. It is a byte-identical copy of
// testdata/xiaomi-century-brand.txt.
//
//go:embed sample/xiaomi-century-brand.txt
var Sample []byte
