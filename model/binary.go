package model

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// ErrBinary is returned for input that looks like binary data rather than
// text; Input.Force reads it anyway.
var ErrBinary = errors.New("binary file")

// BinarySniffLen is how many leading bytes of an input binaryKind and
// CheckBinary judge: their verdict on them is their verdict on the whole
// input.
const BinarySniffLen = 8 << 10

// CheckBinary returns the error Input.Read refuses input with when it
// looks binary: ErrBinary, with the input's name and the format it seems
// to be in. It looks at the first BinarySniffLen bytes of data only, so a
// reader can refuse a binary stream (/dev/zero, an image piped in) from
// its first bytes, without reading the rest.
func CheckBinary(name string, data []byte) error {
	if kind := binaryKind(data); kind != "" {
		return fmt.Errorf("%s: %w (%s)", DisplayName(name), ErrBinary, kind)
	}
	return nil
}

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
// may be text. Input with a UTF-16 or UTF-32 byte order mark is text.
// Otherwise data is binary when its first 8 KiB look it (see
// looksBinary), and is named by its magic number when it has a known
// one. Text that merely starts like a magic number ("ID3 tags explained",
// "BZh is") holds no NUL or run of controls, so it is never refused.
func binaryKind(data []byte) string {
	p := data[:min(len(data), BinarySniffLen)]
	for _, bom := range [][]byte{bomUTF32LE, bomUTF32BE, bomUTF16LE, bomUTF16BE} {
		if bytes.HasPrefix(p, bom) {
			return ""
		}
	}
	if !looksBinary(p) {
		return ""
	}
	for _, m := range magics {
		if bytes.HasPrefix(p, []byte(m.prefix)) {
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
	return "binary data"
}

// looksBinary reports whether p looks like binary data rather than
// text: it holds a NUL, or at least eight C0 controls that text does
// not use, more than one byte in a hundred. TAB, LF, FF, CR, BEL, BS, ESC and SUB
// (the end-of-file mark of old DOS files) are left out of the count, as
// text copied from a terminal, or made to attack one, holds them.
func looksBinary(p []byte) bool {
	if bytes.IndexByte(p, 0) >= 0 {
		return true
	}
	controls := 0
	for _, c := range p {
		if c < 0x20 && !strings.ContainsRune("\t\n\f\r\a\b\x1b\x1a", rune(c)) {
			controls++
		}
	}
	return controls >= 8 && controls*100 > len(p)
}
