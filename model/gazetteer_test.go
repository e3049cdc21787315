package model

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lede-tui/lede/model/modeltest"
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

// TestKeysAreLookups checks that the keys the lists are stored under are
// those lookups make: appendKey's are nameKey's, appendFold's foldWord's.
func TestKeysAreLookups(t *testing.T) {
	for _, name := range []string{"Lagos", " The Hague ", "Côte d’Ivoire", "St. John's", "ÚSTÍ nad Labem", "the", "The X", "İzmir", ""} {
		if got := string(appendKey(nil, name)); got != nameKey(name) {
			t.Errorf("appendKey(%q) = %q, want %q", name, got, nameKey(name))
		}
		if got := string(appendFold(nil, name)); got != foldWord(name) {
			t.Errorf("appendFold(%q) = %q, want %q", name, got, foldWord(name))
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
	files, err := gazetteerFiles.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no compressed lists embedded")
	}
	lx := words()
	for _, f := range files {
		name := f.Name()
		if !strings.Contains(string(readme), "`"+name+"`") {
			t.Errorf("data/README.md does not record %s", name)
		}
		seen := map[string]bool{}
		entries := 0
		for e := range gzipNames(name) {
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

// TestReadLoadsNoGazetteer checks that reading a document, all that its
// first frame needs, leaves the large lists unloaded. Other tests load
// them, so the check runs in a test binary of its own that runs this test
// alone.
func TestReadLoadsNoGazetteer(t *testing.T) {
	if os.Getenv("LEDE_TEST_READ_ALONE") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestReadLoadsNoGazetteer$", "-test.count=1")
		cmd.Env = append(os.Environ(), "LEDE_TEST_READ_ALONE=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		return
	}
	if loadedGazetteers != nil {
		t.Fatal("the gazetteers are loaded before any document is read")
	}
	for _, in := range modeltest.Inputs(Sample) {
		if _, err := Read(Input{Name: in.Name, Data: in.Data}); err != nil {
			t.Fatal(err)
		}
	}
	if loadedGazetteers != nil {
		t.Error("Read loaded the gazetteers")
	}
}

// BenchmarkLoadGazetteers measures loading the compressed lists, which the
// first extraction pays for.
func BenchmarkLoadGazetteers(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadGazetteers()
	}
}
