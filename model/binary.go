package model

import (
	"bytes"
	"errors"
)

// ErrBinary is returned for input that looks like binary data rather than
// text; Input.Force reads it anyway.
var ErrBinary = errors.New("binary file")

// binarySniffLimit is how many leading bytes binaryKind examines.
const binarySniffLimit = 8 << 10

// magic numbers of common binary formats, and what to call them.
var magics = []struct {
	prefix string
	kind   string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"%PDF-", "PDF document"},
	{"PK\x03\x04", "ZIP archive"},
	{"PK\x05\x06", "ZIP archive"},
	{"\x1f\x8b", "gzip archive"},
	{"BZh", "bzip2 archive"},
	{"\xfd7zXZ\x00", "xz archive"},
	{"7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{"Rar!\x1a\x07", "RAR archive"},
	{"\x7fELF", "executable"},
	{"MZ", "Windows executable"},
	{"\xcf\xfa\xed\xfe", "Mach-O executable"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"},
	{"OggS", "Ogg media"},
	{"ID3", "MP3 audio"},
	{"fLaC", "FLAC audio"},
	{"\x00\x00\x01\x00", "icon"},
	{"wOFF", "web font"},
	{"wOF2", "web font"},
	{"SQLite format 3\x00", "SQLite database"},
}

// binaryKind names the binary format data is in, or returns "" for what
// may be text: a known magic number, or a NUL byte in the first 8 KiB of
// input without a UTF-16 or UTF-32 byte order mark. ("MZ" alone is too
// common a start of text to count; a Windows executable also holds NULs.)
func binaryKind(data []byte) string {
	p := data[:min(len(data), binarySniffLimit)]
	for _, bom := range [][]byte{bomUTF32LE, bomUTF32BE, bomUTF16LE, bomUTF16BE} {
		if bytes.HasPrefix(p, bom) {
			return ""
		}
	}
	for _, m := range magics {
		if m.prefix != "MZ" && bytes.HasPrefix(p, []byte(m.prefix)) {
			return m.kind
		}
	}
	if len(p) >= 12 && string(p[:4]) == "RIFF" {
		switch string(p[8:12]) {
		case "WEBP":
			return "WebP image"
		case "WAVE":
			return "WAV audio"
		case "AVI ":
			return "AVI video"
		}
	}
	if len(p) >= 12 && string(p[4:8]) == "ftyp" {
		return "MP4 or HEIF media"
	}
	if bytes.IndexByte(p, 0) >= 0 {
		if bytes.HasPrefix(p, []byte("MZ")) {
			return "Windows executable"
		}
		return "binary data"
	}
	return ""
}
