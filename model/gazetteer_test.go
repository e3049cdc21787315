package model

import (
	"compress/gzip"
	"io"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestGazetteersFindNames checks that the compressed lists load and know
// names of many places and languages, looked up as text writes them.
func TestGazetteersFindNames(t *testing.T) {
	for _, w := range []string{"Maria", "Oluwaseun", "Siobhan", "Kwame", "Priya", "Hiroshi", "Ngozi", "MARIA"} {
		if !isGivenName(w) {
			t.Errorf("isGivenName(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"Saskatchewan", "the", "May", "Chinese", "Xqzt", ""} {
		if isGivenName(w) {
			t.Errorf("isGivenName(%q) = true, want false", w)
		}
	}
	for _, w := range []string{"Kenyan", "south korean", "Ivorian"} {
		if !isNationality(w) {
			t.Errorf("isNationality(%q) = false, want true", w)
		}
	}
	for name, want := range map[string]placeKind{
		"Lagos": placeCity, "LAGOS": placeCity, "Tromsø": placeCity, "São Paulo": placeCity, "Sao Paulo": placeCity,
		"Saskatchewan": placeRegion, "Bavaria": placeRegion,
		"Kenya": placeCountry, "Côte d'Ivoire": placeCountry, "Cote d’Ivoire": placeCountry, "the United States": placeCountry,
		// A name of a city and a country is the country's.
		"Singapore": placeCountry,
	} {
		if got, ok := placeKindOf(name); !ok || got != want {
			t.Errorf("placeKindOf(%q) = %v, %v, want %v", name, got, ok, want)
		}
	}
	for _, name := range []string{"Maria", "Xqzt", "", "---", strings.Repeat("Lagos", 10)} {
		if got, ok := placeKindOf(name); ok {
			t.Errorf("placeKindOf(%q) = %v, want no place", name, got)
		}
	}
	if allocs := testing.AllocsPerRun(100, func() {
		isGivenName("Oluwaseun")
		isNationality("Kenyan")
		placeKindOf("São Paulo")
	}); allocs != 0 {
		t.Errorf("lookups allocate %v times", allocs)
	}
}

// TestKeysAreLookups checks that the keys lookups make are the lexicon's:
// appendKey's are nameKey's, foldKey's foldWord's, and foldKey finds no
// key longer than any entry.
func TestKeysAreLookups(t *testing.T) {
	for _, name := range []string{"Lagos", " The Hague ", "Côte d’Ivoire", "St. John's", "ÚSTÍ nad Labem", "the", "The X", "İzmir", "", "\xffbad", strings.Repeat("a", maxEntryLen)} {
		if got := string(appendKey(nil, name)); got != nameKey(name) {
			t.Errorf("appendKey(%q) = %q, want %q", name, got, nameKey(name))
		}
		var buf [maxEntryLen]byte
		if got, ok := foldKey(&buf, name); !ok || string(got) != foldWord(name) {
			t.Errorf("foldKey(%q) = %q, %v, want %q", name, got, ok, foldWord(name))
		}
	}
	for _, name := range []string{strings.Repeat("a", maxEntryLen+1), strings.Repeat("é", maxEntryLen/2) + "a"} {
		var buf [maxEntryLen]byte
		if got, ok := foldKey(&buf, name); ok {
			t.Errorf("foldKey(%q) = %q, want no key: longer than any entry", name, got)
		}
	}
}

// TestHasKey checks the binary search of a key file at its ends, between
// its keys and on keys that are a prefix of one or have one as a prefix.
func TestHasKey(t *testing.T) {
	keys := []byte("ab\nabc\nb\nbanana\nc\n")
	for key, want := range map[string]bool{
		"ab": true, "abc": true, "b": true, "banana": true, "c": true,
		"": false, "a": false, "abcd": false, "ba": false, "bananas": false, "bb": false, "d": false, "\n": false,
	} {
		if got := hasKey(keys, []byte(key)); got != want {
			t.Errorf("hasKey(%q) = %v, want %v", key, got, want)
		}
	}
	for _, l := range []string{"", "x\n"} {
		if hasKey([]byte(l), []byte("a")) {
			t.Errorf("hasKey(%q, \"a\") = true", l)
		}
	}
}

// TestKeyFilesAreTheLists checks that each key file holds what lookups
// make of its list's names: appendKey's keys for places, foldWord's for
// the others, sorted byte by byte, each once and ended by a line feed.
// model/data/gen makes them; a list changed without them fails here.
func TestKeyFilesAreTheLists(t *testing.T) {
	for list, embedded := range map[string][]byte{
		"given-names.txt.gz":      givenNameKeys,
		"country-demonyms.txt.gz": nationalityKeys,
		"places-countries.txt.gz": countryKeys,
		"places-regions.txt.gz":   regionKeys,
		"places-cities.txt.gz":    cityKeys,
	} {
		var keys []string
		for n := range gzipNames(t, list) {
			k := foldWord(n)
			if strings.HasPrefix(list, "places-") {
				k = nameKey(n)
			}
			if k != "" {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		if want := strings.Join(keys, "\n") + "\n"; string(embedded) != want {
			t.Errorf("the key file of %s is not made from it: run go run ./model/data/gen -keys", list)
		}
		for _, k := range keys[:min(len(keys), 200)] {
			if !hasKey(embedded, []byte(k)) {
				t.Errorf("%s: key %q is not found", list, k)
			}
		}
	}
}

// TestGazetteerFiles checks the compressed lists as the lexicon tests
// check the others: each recorded in data/README.md, none empty, no name
// twice, entries without a curly apostrophe, short enough to be found, and
// no one-word name a stop word, which is dropped before a name is looked
// up (nor a demonym, but in the list of demonyms).
func TestGazetteerFiles(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("data", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join("data", "*.txt.gz"))
	if err != nil {
		t.Fatal(err)
	}
	keyFiles, err := filepath.Glob(filepath.Join("data", "*.keys"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 || len(keyFiles) != len(files) {
		t.Fatalf("%d compressed lists, %d key files: want one key file a list", len(files), len(keyFiles))
	}
	lx := words()
	for _, f := range append(files, keyFiles...) {
		if name := filepath.Base(f); !strings.Contains(string(readme), "`"+name+"`") {
			t.Errorf("data/README.md does not record %s", name)
		}
	}
	for _, f := range files {
		name := filepath.Base(f)
		seen := map[string]bool{}
		entries := 0
		for e := range gzipNames(t, name) {
			entries++
			key := foldWord(e)
			if strings.HasPrefix(name, "places-") {
				key = nameKey(e)
			}
			switch {
			case e == "" || key == "":
				t.Errorf("%s has an empty name", name)
			case strings.ContainsRune(e, '’'):
				t.Errorf("%s: %q has a curly apostrophe", name, e)
			case len(foldWord(e)) > maxEntryLen:
				t.Errorf("%s: %q is too long to be found", name, e)
			case seen[key]:
				t.Errorf("%s lists %q twice", name, e)
			case !strings.Contains(e, " ") && lx.stopWords.has(e):
				t.Errorf("%s: %q is a stop word, never found as a name", name, e)
			case !strings.Contains(e, " ") && name != "country-demonyms.txt.gz" && lx.demonyms.has(e):
				t.Errorf("%s: %q is a demonym, never found as a name", name, e)
			}
			seen[key] = true
		}
		if entries == 0 {
			t.Errorf("%s is empty", name)
		}
	}
}

// gzipNames yields the names of one compressed list of model/data. Its
// format is that of the gazetteers: one thing a line, its names separated
// by " | ", blank lines and lines starting with '#' skipped.
func gzipNames(t *testing.T, name string) iter.Seq[string] {
	t.Helper()
	f, err := os.Open(filepath.Join("data", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	text, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return func(yield func(string) bool) {
		for line := range strings.SplitSeq(string(text), "\n") {
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

// BenchmarkGazetteerLookups measures looking words up in the large lists:
// a given name, a nationality, a city and a word that is none.
func BenchmarkGazetteerLookups(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		isGivenName("Oluwaseun")
		isNationality("Kenyan")
		placeKindOf("São Paulo")
		isGivenName("harbour")
	}
}
