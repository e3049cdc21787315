package model

import (
	"errors"
	"testing"
)

func TestBinaryRefused(t *testing.T) {
	for _, c := range []struct {
		name, data, kind string
	}{
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"},
		{"zip", "PK\x03\x04\x14\x00\x00\x00", "ZIP archive"},
		{"pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n4 0 obj\nstream\nx\x9c\x03\x00", "PDF document"},
		{"nul", "plain text\x00with a NUL", "binary data"},
		{"exe", "MZ\x90\x00\x03\x00", "Windows executable"},
		{"webp", "RIFF\x00\x00\x00\x00WEBPVP8 ", "WebP image"},
	} {
		_, err := Read(Input{Name: c.name, Data: []byte(c.data)})
		if !errors.Is(err, ErrBinary) || err.Error() != c.name+": binary file ("+c.kind+")" {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestTextNotBinary(t *testing.T) {
	for _, data := range []string{
		"MZ is a fine way to start a sentence.",
		"\xff\xfeH\x00i\x00",            // UTF-16 LE with its byte order mark
		"\xef\xbb\xbfUTF-8 with a mark", // UTF-8 with its byte order mark
		"GIF is pronounced with a hard g.",
		"ID3 tags explained\n\nAn ID3 tag is a block of metadata.",
		"BZh is how a bzip2 file begins.",
		"%PDF-1.4 is the version to target.",
		"\x1b]0;title\x07 text with a bell\x08 and a backspace",
		"",
	} {
		if kind := binaryKind([]byte(data)); kind != "" {
			t.Errorf("%q seen as %s", data, kind)
		}
	}
	d, err := Read(Input{Name: "x", Data: []byte("Words\x00 and more."), Force: true})
	if err != nil || d.Paragraphs[0].Text != "Words and more." {
		t.Fatalf("forced read: %v", err)
	}
}
