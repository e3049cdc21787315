package model

import (
	"bytes"
	"compress/gzip"
	"embed"
	"io"
	"iter"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// gazetteerFiles holds the large name lists, made from openly licensed
// data by model/data/gen and compressed; model/data/README.md records the
// source and licence of each.
//
//go:embed data/*.txt.gz
var gazetteerFiles embed.FS

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

// gazetteers are the large name lists: too big to load with the lexicon,
// they are loaded the first time extraction asks one of them.
type gazetteers struct {
	// givenNames are first names of many languages (given-names.txt.gz).
	givenNames wordSet
	// nationalities are the demonyms of every country
	// (country-demonyms.txt.gz).
	nationalities wordSet
	// places maps a place name's key (see nameKey) to its kind
	// (places-*.txt.gz). A name of places of two kinds is a country's
	// before a city's, and a city's before a region's, which is mostly
	// named after its city: "Singapore" is a country, "Lagos" a city.
	places map[string]placeKind
}

var (
	// gazetteersOnce loads the gazetteers on first use.
	gazetteersOnce sync.Once
	// loadedGazetteers are the gazetteers, once loaded.
	loadedGazetteers *gazetteers
)

// names returns the gazetteers, loading them on first use. Only
// extraction asks for them, so reading a document and drawing its first
// frame never pay for the load.
func names() *gazetteers {
	gazetteersOnce.Do(loadGazetteers)
	return loadedGazetteers
}

// loadGazetteers reads every compressed list into loadedGazetteers.
func loadGazetteers() {
	g := &gazetteers{
		givenNames:    wordSet{m: map[string]struct{}{}},
		nationalities: wordSet{m: map[string]struct{}{}},
		places:        map[string]placeKind{},
	}
	for n := range gzipNames("given-names.txt.gz") {
		g.givenNames.m[foldWord(n)] = struct{}{}
	}
	for n := range gzipNames("country-demonyms.txt.gz") {
		g.nationalities.m[foldWord(n)] = struct{}{}
	}
	// The kind that wins a shared name is read last.
	for _, f := range []struct {
		file string
		kind placeKind
	}{
		{"places-regions.txt.gz", placeRegion},
		{"places-cities.txt.gz", placeCity},
		{"places-countries.txt.gz", placeCountry},
	} {
		for n := range gzipNames(f.file) {
			if k := nameKey(n); k != "" {
				g.places[k] = f.kind
			}
		}
	}
	loadedGazetteers = g
}

// gzipNames yields the names of one compressed list. Its format is that
// of the gazetteers: one thing a line, its names separated by " | ", blank
// lines and lines starting with '#' skipped. The names share one string,
// the list's text.
func gzipNames(name string) iter.Seq[string] {
	return func(yield func(string) bool) {
		b, err := gazetteerFiles.ReadFile("data/" + name)
		if err != nil {
			// The files are embedded at build time; a missing one is a
			// build mistake that the tests catch.
			return
		}
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return
		}
		var text strings.Builder
		if _, err := io.Copy(&text, zr); err != nil {
			return
		}
		for line := range strings.SplitSeq(text.String(), "\n") {
			if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
				continue
			}
			for n := range strings.SplitSeq(line, "|") {
				if !yield(strings.TrimSpace(n)) {
					return
				}
			}
		}
	}
}

// isGivenName reports whether the word is a known first name: "Maria",
// "Oluwaseun", "Jean-Luc". The list is large and international, so it
// holds names that are also everyday words ("Hope", "Rich"): a hit says a
// capitalised word may be a first name, not that it is one. Stop words and
// demonyms are left out of it. It does not allocate once loaded.
func isGivenName(w string) bool {
	return names().givenNames.has(w)
}

// isNationality reports whether the word or phrase is a nationality
// adjective of a country: "Kenyan", "South Korean", "Ivorian". It does not
// allocate once loaded.
func isNationality(w string) bool {
	return names().nationalities.has(w)
}

// placeKindOf returns the kind of the place that name names, looked up by
// its key (see nameKey): "Lagos" is a city, "Saskatchewan" a region,
// "Côte d'Ivoire" a country. Cities are those of at least 15,000 people,
// some of whose names are everyday words too ("Reading", "Split"). It does
// not allocate.
func placeKindOf(name string) (placeKind, bool) {
	var buf [maxEntryLen]byte
	n, ok := keyInto(&buf, name)
	if !ok || n == 0 {
		return 0, false
	}
	k, ok := names().places[string(buf[:n])]
	return k, ok
}

// keyInto writes the key of name (see nameKey) into buf and returns its
// length. It reports false when the key is longer than buf, and so than
// any place's.
func keyInto(buf *[maxEntryLen]byte, name string) (int, bool) {
	name = strings.TrimSpace(name)
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		name = name[4:]
	}
	n := 0
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		r = unicode.ToLower(r)
		if n+utf8.RuneLen(r) > len(buf) {
			return 0, false
		}
		n += utf8.EncodeRune(buf[n:], r)
	}
	return n, true
}
