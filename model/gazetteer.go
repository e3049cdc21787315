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
	// The kind that wins a shared name is read last.
	regions := listKeys("places-regions.txt.gz", appendKey)
	cities := listKeys("places-cities.txt.gz", appendKey)
	countries := listKeys("places-countries.txt.gz", appendKey)
	places := make(map[string]placeKind, len(regions)+len(cities)+len(countries))
	for _, l := range []struct {
		keys []string
		kind placeKind
	}{{regions, placeRegion}, {cities, placeCity}, {countries, placeCountry}} {
		for _, k := range l.keys {
			places[k] = l.kind
		}
	}
	loadedGazetteers = &gazetteers{
		givenNames:    newKeySet(listKeys("given-names.txt.gz", appendFold)),
		nationalities: newKeySet(listKeys("country-demonyms.txt.gz", appendFold)),
		places:        places,
	}
}

// newKeySet makes a word set of keys already folded.
func newKeySet(keys []string) wordSet {
	s := wordSet{m: make(map[string]struct{}, len(keys))}
	for _, k := range keys {
		s.m[k] = struct{}{}
	}
	return s
}

// listKeys returns the keys of a compressed list's names, each made by
// appendKey and none empty. The keys share one string, so a list of many
// thousand names costs a few allocations, not one a name.
func listKeys(file string, appendKey func(dst []byte, name string) []byte) []string {
	var (
		buf  []byte
		ends []int
	)
	for n := range gzipNames(file) {
		buf = appendKey(buf, n)
		ends = append(ends, len(buf))
	}
	all := string(buf)
	keys := make([]string, 0, len(ends))
	start := 0
	for _, end := range ends {
		if end > start {
			keys = append(keys, all[start:end])
		}
		start = end
	}
	return keys
}

// appendFold appends the folded form of w (see fold) to dst.
func appendFold(dst []byte, w string) []byte {
	for _, r := range w {
		if r == '’' {
			r = '\''
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
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
		// Cut, not SplitSeq: an iterator a line would cost an allocation
		// each.
		for rest := text.String(); rest != ""; {
			var line string
			line, rest, _ = strings.Cut(rest, "\n")
			if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
				continue
			}
			for line != "" {
				var n string
				n, line, _ = strings.Cut(line, "|")
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
	key := appendKey(buf[:0], name)
	if len(key) == 0 || len(key) > maxEntryLen {
		return 0, false
	}
	k, ok := names().places[string(key)]
	return k, ok
}
