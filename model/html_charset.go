package model

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// charsetScanLimit is how many leading bytes of a page are searched for a
// <meta> that declares its charset. The HTML standard's prescan stops at
// 1024 bytes, but browsers switch encoding on a later declaration too, and
// many pages put theirs after long scripts or comments.
const charsetScanLimit = 32 << 10

// decodeHTML returns the page as UTF-8, choosing the encoding as a browser
// does: a byte order mark first, then the charset of the Content-Type the
// server sent, then a <meta charset> or <meta http-equiv="Content-Type">
// in the page's head. A page that declares nothing is guessed by decode:
// UTF-8 when it is valid, else the legacy encoding its bytes fit best. A
// page declared UTF-8 that holds stray bytes is repaired as decode repairs
// text: the Windows-1252 quotes and letters of a pasted paragraph survive.
func decodeHTML(data []byte, contentType string) (string, error) {
	if hasBOM(data) {
		return decode(data)
	}
	enc, name := htmlCharset(data, contentType)
	switch {
	case enc == nil:
		return decode(data)
	case name == "utf-8" && utf8.Valid(data):
		return string(data), nil
	case name == "utf-8":
		return repairUTF8(data), nil
	}
	return decodeWith(data, enc, name)
}

// htmlCharset is the encoding a page without a byte order mark declares,
// and its name: the charset of the Content-Type the server sent, else of
// the page's <meta>; nil when neither names one.
func htmlCharset(data []byte, contentType string) (encoding.Encoding, string) {
	enc, name := charset.Lookup(contentTypeCharset(contentType))
	if enc == nil {
		enc, name = charset.Lookup(metaCharset(data[:min(len(data), charsetScanLimit)]))
		// A page that says it is UTF-16 in ASCII bytes is not (HTML
		// standard, "prescan a byte stream").
		if strings.HasPrefix(name, "utf-16") {
			enc, name = charset.Lookup("utf-8")
		}
	}
	return enc, name
}

// hasBOM reports whether data starts with a Unicode byte order mark.
func hasBOM(data []byte) bool {
	for _, bom := range [][]byte{bomUTF8, bomUTF16LE, bomUTF16BE} {
		if bytes.HasPrefix(data, bom) {
			return true
		}
	}
	return false
}

// contentTypeCharset returns the charset parameter of a media type such as
// "text/html; charset=gbk", or "". It is as lenient as browsers are with
// the content of a <meta> pragma: any case, quotes or none, spaces around
// the "=".
func contentTypeCharset(contentType string) string {
	lower := strings.ToLower(contentType)
	i := strings.Index(lower, "charset")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(lower[i+len("charset"):], " \t")
	value, ok := strings.CutPrefix(rest, "=")
	if !ok {
		return ""
	}
	value = strings.TrimLeft(value, " \t")
	if value != "" && (value[0] == '"' || value[0] == '\'') {
		value, _, _ = strings.Cut(value[1:], value[:1])
	}
	value, _, _ = strings.Cut(value, ";")
	return strings.TrimSpace(value)
}

// metaCharset returns the charset label that a <meta> element in head
// declares, or "". It stops at the first tag of the body.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			switch t.Data {
			case "meta":
				if label := metaTagCharset(t.Attr); label != "" {
					return label
				}
			case "body", "p", "div", "article", "main":
				return ""
			}
		}
	}
}

// metaTagCharset returns the charset a <meta> element with attributes attr
// declares: its charset attribute, or the charset in the content of an
// http-equiv="Content-Type" pragma.
func metaTagCharset(attr []html.Attribute) string {
	var content string
	pragma := false
	for _, a := range attr {
		switch a.Key {
		case "charset":
			return strings.TrimSpace(a.Val)
		case "http-equiv":
			pragma = strings.EqualFold(strings.TrimSpace(a.Val), "content-type")
		case "content":
			content = a.Val
		}
	}
	if !pragma {
		return ""
	}
	return contentTypeCharset(content)
}
