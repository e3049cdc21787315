package model

import (
	"bytes"
	_ "embed" // the key files
	"strings"
	"unicode"
	"unicode/utf8"
)

// The large name lists, made from openly licensed data by model/data/gen
// (model/data/README.md records the source and licence of each), are
// embedded as key files: the keys of a list's names, sorted, each ended by
// a line feed. They are searched as they stand in the binary, so there is
// nothing to load: the first lookup costs what any other does.
var (
	// givenNameKeys are the folded first names of many languages
	// (given-names.keys).
	//
	//go:embed data/given-names.keys
	givenNameKeys []byte
	// nationalityKeys are the folded demonyms of every country
	// (country-demonyms.keys).
	//
	//go:embed data/country-demonyms.keys
	nationalityKeys []byte
	// countryKeys, regionKeys and cityKeys are the keys (see nameKey) of
	// the names of countries and territories, of first-level divisions and
	// of cities (places-*.keys).
	//
	//go:embed data/places-countries.keys
	countryKeys []byte
	//go:embed data/places-regions.keys
	regionKeys []byte
	//go:embed data/places-cities.keys
	cityKeys []byte
)

// hasKey reports whether key is one of a key file's keys (sorted byte by
// byte, each ended by a line feed) by binary search over the file's
// bytes: the line around the middle of the range left is compared, and
// the range narrowed to the lines before or after it. Lines are short, so
// finding one's ends costs a few bytes. It does not allocate.
func hasKey(l, key []byte) bool {
	lo, hi := 0, len(l) // both at the start of a line, or the end
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		start := lo + bytes.LastIndexByte(l[lo:mid], '\n') + 1
		end := start + bytes.IndexByte(l[start:hi], '\n')
		if end < start {
			return false // a last line without its line feed: not a key file
		}
		switch bytes.Compare(l[start:end], key) {
		case 0:
			return true
		case -1:
			lo = end + 1
		default:
			hi = start
		}
	}
	return false
}

// placeKind is what sort of place a gazetteer name is.
type placeKind uint8

// The kinds of place.
const (
	// placeCity is a city or town: "Lagos", "Tromsø".
	placeCity placeKind = iota + 1
	// placeRegion is a first-level division of a country, a state, a
	// province or a region: "Saskatchewan", "Bavaria".
	placeRegion
	// placeCountry is a country or a territory: "Kenya", "Greenland".
	placeCountry
)

// String names the kind of place.
func (k placeKind) String() string {
	switch k {
	case placeCity:
		return "city"
	case placeRegion:
		return "region"
	case placeCountry:
		return "country"
	}
	return "unknown"
}

// foldKey writes the folded form of w (see fold: lower case, the curly
// apostrophe made straight) into buf and returns it, or reports false when
// it is longer than buf, and so than any key. Plain ASCII, most words, is
// folded a byte at a time.
func foldKey(buf *[maxEntryLen]byte, w string) ([]byte, bool) {
	b := buf[:0]
	for i := 0; i < len(w); {
		r, size := rune(w[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(w[i:])
			if r == '’' {
				r = '\''
			}
		}
		i += size
		r = unicode.ToLower(r)
		if len(b)+utf8.RuneLen(r) > len(buf) {
			return nil, false
		}
		b = utf8.AppendRune(b, r)
	}
	return b, true
}

// appendKey appends the key of name (see nameKey) to dst.
func appendKey(dst []byte, name string) []byte {
	name = strings.TrimSpace(name)
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		name = name[4:]
	}
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// isGivenName reports whether the word is a known first name: "Maria",
// "Oluwaseun", "Jean-Luc". The list is large and international, so it
// holds names that are also everyday words ("Hope", "Rich"): a hit says a
// capitalised word may be a first name, not that it is one. Stop words and
// demonyms are left out of it. It does not allocate.
func isGivenName(w string) bool {
	var buf [maxEntryLen]byte
	key, ok := foldKey(&buf, w)
	return ok && hasKey(givenNameKeys, key)
}

// isNationality reports whether the word or phrase is a nationality
// adjective of a country: "Kenyan", "South Korean", "Ivorian". It does not
// allocate.
func isNationality(w string) bool {
	var buf [maxEntryLen]byte
	key, ok := foldKey(&buf, w)
	return ok && hasKey(nationalityKeys, key)
}

// placeKindOf returns the kind of the place that name names, looked up by
// its key (see nameKey): "Lagos" is a city, "Saskatchewan" a region,
// "Côte d'Ivoire" a country. Cities are those of at least 15,000 people,
// some of whose names are everyday words too ("Reading", "Split"). A name
// of places of two kinds is a country's before a city's, and a city's
// before a region's, which is mostly named after its city: "Singapore" is
// a country, "Lagos" a city. It does not allocate.
func placeKindOf(name string) (placeKind, bool) {
	var buf [maxEntryLen]byte
	key := appendKey(buf[:0], name)
	switch {
	case len(key) == 0 || len(key) > maxEntryLen:
		return 0, false
	case hasKey(countryKeys, key):
		return placeCountry, true
	case hasKey(cityKeys, key):
		return placeCity, true
	case hasKey(regionKeys, key):
		return placeRegion, true
	}
	return 0, false
}
