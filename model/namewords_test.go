package model

import "testing"

// TestNameWords checks the word tests of namewords.go side by side, where
// they differ on purpose.
func TestNameWords(t *testing.T) {
	for _, c := range []struct {
		w                   string
		token, word, person bool
	}{
		{"Okafor", true, true, true},
		{"The", true, false, false}, // a stop word: the scanner trims it
		{"US", true, true, true},    // an acronym, though "us" is a stop word
		{"eBay", true, false, false},
		{"d'Amico", true, false, false},
		{"d’Amico", true, false, false},
		{"l’Élan", true, false, false}, // a capital outside ASCII after the apostrophe
		{"o'clock", false, false, false},
		{"rock'n'Roll", true, false, false}, // an apostrophe further in: any capital
		{"Ängel", true, true, true},
		{"naïve", false, false, false},
		{"iPhone", true, false, false},
		{"al-Amr", false, false, true},
		{"Orwell-like", false, true, true},
		{"Orwell-Like", false, true, true},
		{"pro-Beijing", false, false, true},
		{"harbour", false, false, false},
		{"Okafor,", true, true, true}, // isNameWord trims punctuation
	} {
		if got := isNameToken(c.w); got != c.token {
			t.Errorf("isNameToken(%q) = %v, want %v", c.w, got, c.token)
		}
		if got := isNameWord(c.w); got != c.word {
			t.Errorf("isNameWord(%q) = %v, want %v", c.w, got, c.word)
		}
		if got := isPersonWord(c.w); got != c.person {
			t.Errorf("isPersonWord(%q) = %v, want %v", c.w, got, c.person)
		}
	}
	for _, c := range []struct {
		fields []string
		want   bool
	}{
		{[]string{"Ines", "Okafor"}, true},
		{[]string{"NATO"}, false},
		{[]string{"J.", "Okafor"}, true},
		{[]string{"Windows-1252"}, false},
		{[]string{"README.md"}, false},
		{[]string{"The", "Voice"}, false},
	} {
		if got := isPersonLike(c.fields); got != c.want {
			t.Errorf("isPersonLike(%q) = %v, want %v", c.fields, got, c.want)
		}
	}
	for _, c := range []struct {
		w           string
		org, person bool
	}{
		{"van", true, true}, {"di", true, true}, {"of", true, true}, {"and", true, true},
		{"for", true, false}, {"the", true, false}, {"in", false, false},
	} {
		if got := isNameGlue(c.w, true); got != c.org {
			t.Errorf("isNameGlue(%q, true) = %v, want %v", c.w, got, c.org)
		}
		if got := isNameGlue(c.w, false); got != c.person {
			t.Errorf("isNameGlue(%q, false) = %v, want %v", c.w, got, c.person)
		}
	}
	for w, want := range map[string]string{
		"China’s": "China", "CHINA'S": "CHINA", "Okafor's": "Okafor", "its": "its", "Jonas": "Jonas",
		"Rovers'": "Rovers", "Rovers’": "Rovers", "Okafor’": "Okafor’", "'": "'", "": "", "harbour": "harbour",
	} {
		if got, ok := cutPossessive(w); got != want || ok != (got != w) {
			t.Errorf("cutPossessive(%q) = %q, %v, want %q", w, got, ok, want)
		}
	}
	for w, want := range map[string]bool{"Dr.": true, "Dr": true, "mayor": true, "Harbour": false} {
		if got := isHonorific(w); got != want {
			t.Errorf("isHonorific(%q) = %v, want %v", w, got, want)
		}
	}
}
