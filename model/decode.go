package model

import (
	"bytes"
	"fmt"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// Byte order marks, longest first where one is a prefix of another.
var (
	bomUTF32LE = []byte{0xFF, 0xFE, 0x00, 0x00}
	bomUTF32BE = []byte{0x00, 0x00, 0xFE, 0xFF}
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decode returns data as valid UTF-8 text.
//
// A byte order mark decides the encoding when there is one: UTF-8 (the mark
// is stripped and stray bytes after it are repaired as repairUTF8 does),
// UTF-16 or UTF-32 in either byte order. A UTF-32 LE mark (FF FE 00 00)
// wins over the UTF-16 LE mark it begins with. Input that is valid UTF-8
// is returned unchanged.
//
// Anything else is guessed (see guessEncoding): either it is UTF-8 with
// stray bytes, which are repaired as repairUTF8 does, or it is in the legacy
// encoding whose reading of it looks most like real text, and it is decoded
// whole with that encoding.
//
// Empty input, or a byte order mark alone, decodes to "" without error.
func decode(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, bomUTF32LE):
		return decodeWith(data[len(bomUTF32LE):], utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), "utf-32le")
	case bytes.HasPrefix(data, bomUTF32BE):
		return decodeWith(data[len(bomUTF32BE):], utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), "utf-32be")
	case bytes.HasPrefix(data, bomUTF8):
		rest := data[len(bomUTF8):]
		if utf8.Valid(rest) {
			return string(rest), nil
		}
		return repairUTF8(rest), nil
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeWith(data[len(bomUTF16LE):], xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "utf-16le")
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeWith(data[len(bomUTF16BE):], xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), "utf-16be")
	}
	if utf8.Valid(data) {
		return string(data), nil
	}
	if c := guessEncoding(data); c != nil {
		return decodeWith(data, c.enc, c.name)
	}
	return repairUTF8(data), nil
}

// decodeSanitized returns data decoded and sanitized: sanitize(decode(data)).
// Data that is already such text, as most articles are, is the text
// itself, without a copy: valid UTF-8 that sanitize leaves as it is
// (firstUnsafe finds nothing to do) and so starts with no byte order mark,
// whose every form either is no valid UTF-8 (FF FE, FE FF), starts with a
// NUL (00 00 FE FF) or is U+FEFF, which sanitize drops. The text then
// shares data's bytes, which the caller must not change afterwards (see
// Input.Data). Other data is decoded into a copy and sanitized.
func decodeSanitized(data []byte) (string, error) {
	if s := unsafe.String(unsafe.SliceData(data), len(data)); isSanitized(s) {
		return s, nil
	}
	text, err := decode(data)
	if err != nil {
		return "", err
	}
	return sanitize(text), nil
}

// decodeWith decodes data, which carries no byte order mark, with enc.
// The x/text decoders used here replace malformed input with U+FFFD, so an
// error means something unexpected went wrong inside the transformer.
func decodeWith(data []byte, enc encoding.Encoding, name string) (string, error) {
	if len(data) == 0 {
		return "", nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("decode %s: %w", name, err)
	}
	return string(out), nil
}

// repairUTF8 returns data, which is not valid UTF-8, as valid UTF-8 text,
// repaired as appendRepaired does.
func repairUTF8(data []byte) string {
	out, _ := appendRepaired(make([]byte, 0, len(data)+len(data)/8), data)
	return string(out)
}

// maxStrayRun is the longest run of stray bytes in UTF-8 text that
// appendRepaired reads as Windows-1252. Latin text rarely has more than two
// non-ASCII characters in a row ("é”", "’”").
const maxStrayRun = 2

// appendRepaired appends p to dst as UTF-8 text and returns it, with the
// number of bytes it replaced by U+FFFD. Valid UTF-8 sequences are kept as
// they are: they win over any other reading. Each run of stray bytes, those
// no valid sequence explains, becomes the Windows-1252 characters they
// stand for when the run is at most maxStrayRun bytes long and none of
// those characters counts against the text where it stands (see
// runeScore): the curly quotes, dashes and accented letters of a word
// processor's text pasted among UTF-8. Any other run becomes one U+FFFD,
// as strings.ToValidUTF8 does: 0xFF ("ÿ"), a byte Windows-1252 leaves
// undefined, a letter beside CJK ("一é家"), or a UTF-8 sequence cut short
// ("\xE2\x80" would read as "â€", a currency sign closing a word).
func appendRepaired(dst, p []byte) ([]byte, int) {
	lost := 0
	for i := 0; i < len(p); {
		j := i
		for j < len(p) {
			if p[j] < utf8.RuneSelf {
				j++
				continue
			}
			r, n := utf8.DecodeRune(p[j:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			j += n
		}
		dst = append(dst, p[i:j]...)
		if j == len(p) {
			break
		}
		k := j + 1
		for k < len(p) && isStray(p[k:]) {
			k++
		}
		if out, ok := appendLatin(dst, p[j:k], p[k:]); ok {
			dst = out
		} else {
			dst = utf8.AppendRune(dst, utf8.RuneError)
			lost += k - j
		}
		i = k
	}
	return dst, lost
}

// isStray reports whether p starts with a byte that begins no valid UTF-8
// sequence.
func isStray(p []byte) bool {
	if p[0] < utf8.RuneSelf {
		return false
	}
	r, n := utf8.DecodeRune(p)
	return r == utf8.RuneError && n == 1
}

// appendLatin appends the run of stray bytes run, read as Windows-1252, to
// dst, which holds the text before it; rest is the input after it. It
// reports false, leaving dst as it was, when the run is too long or its
// characters do not read as Latin text between their neighbours.
func appendLatin(dst, run, rest []byte) ([]byte, bool) {
	if len(run) > maxStrayRun {
		return dst, false
	}
	prev := ' '
	if len(dst) > 0 {
		prev, _ = utf8.DecodeLastRune(dst)
	}
	next := ' '
	if len(rest) > 0 && !isStray(rest) {
		next, _ = utf8.DecodeRune(rest)
	}
	var rs [maxStrayRun]rune
	for i, b := range run {
		rs[i] = charmap.Windows1252.DecodeByte(b)
	}
	n := len(dst)
	for i, r := range rs[:len(run)] {
		after := next
		if i+1 < len(run) {
			after = rs[i+1]
		}
		if runeScore(classify(prev), classify(r), classify(after), scoreContext{}, &win1252) < 0 {
			return dst[:n], false
		}
		dst = utf8.AppendRune(dst, r)
		prev = r
	}
	return dst, true
}
