package model

import (
	"slices"
	"strings"
	"testing"
)

// topicNames returns the names of the topics Parse finds in text.
func topicNames(t *testing.T, text string) []string {
	t.Helper()
	var names []string
	for _, e := range mustParse(t, text).Entities {
		if e.Kind == KindTopic {
			names = append(names, e.Name)
		}
	}
	return names
}

// TestTopicsAreNounPhrases checks that a key phrase is modifiers and a
// head noun: no verb form, number, unit, adverb, preposition or
// predicate adjective opens or ends one, whatever the text repeats. Each
// case names the key phrases it must keep and the words no topic may
// hold.
func TestTopicsAreNounPhrases(t *testing.T) {
	for _, c := range []struct {
		name, text string
		keep       []string
		reject     []string
	}{
		{
			name: "-ing verb after a noun",
			text: "The parish records going back to 1641 sit in the vault.\n\n" +
				"Parish records going back that far are rare, and the parish records are fragile.\n",
			keep:   []string{"parish records"},
			reject: []string{"going", "back"},
		},
		{
			name: "past tense head",
			text: "The fire service rang the school at noon.\n\n" +
				"Later the fire service rang again, and the fire service sent a crew.\n",
			keep:   []string{"fire service"},
			reject: []string{"rang"},
		},
		{
			name: "number words and units",
			text: "She spent twelve years aboard the ferry and sailed thirty-eight thousand miles.\n\n" +
				"Twelve years aboard taught her patience. Fares rose forty per cent in twelve years.\n",
			reject: []string{"twelve", "years", "thirty-eight", "thousand", "miles", "cent", "aboard"},
		},
		{
			name: "adverb and predicate adjective at the end",
			text: "Crews made the harbour wall safe overnight.\n\n" +
				"The crews made the harbour wall safe overnight once more, and the harbour wall held.\n",
			keep:   []string{"harbour wall"},
			reject: []string{"safe", "overnight"},
		},
		{
			name: "verb after a modal or to",
			text: "Other rural lines could face similar cuts next year.\n\n" +
				"The valley towns could face similar cuts. The council wants to fund buffer strips. " +
				"Farmers want to fund buffer strips too.\n",
			reject: []string{"face", "fund"},
		},
		{
			name: "a verb after a relative",
			text: "The harbour trust, which runs ferry services, met on Monday.\n\n" +
				"A firm that builds ferry services bid. The harbour trust, which runs ferry services too, agreed.\n",
			keep:   []string{"ferry services"},
			reject: []string{"runs", "builds"},
		},
		{
			name:   "-ing after a form of be",
			text:   "Our town centres are losing shops.\n\nThe villages are losing shops as well.\n",
			reject: []string{"losing"},
		},
		{
			name: "a verb before up",
			text: "Young harbour pilots end up tired by May.\n\n" +
				"Most harbour pilots end up at sea, and a fuel price up to 40 per cent higher hurt. The fuel price fell in July.\n",
			keep:   []string{"harbour pilots", "fuel price"},
			reject: []string{"end"},
		},
		{
			name:   "preposition in the middle",
			text:   "Costs per tonne fell.\n\nThe costs per tonne of grain rose.\n",
			reject: []string{"per", "tonne"},
		},
		{
			name:   "code is not prose",
			text:   "# Notes\n\nThe build passed.\n\n```\nscratch buffer flat\nscratch buffer flat\n```\n\nThe build failed.\n",
			reject: []string{"scratch", "buffer", "flat"},
		},
		{
			name: "real key phrases stay",
			text: "The regional transport authority cut the rural bus routes. " +
				"The mobile phone industry and the car industry watched.\n\n" +
				"The regional transport authority said the weather station by the rural bus routes " +
				"would stay, and the weather station kept working, as the regional transport authority promised.\n",
			keep: []string{"regional transport authority", "rural bus routes", "weather station", "mobile phone industry"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := topicNames(t, c.text)
			for _, want := range c.keep {
				if !slices.Contains(got, want) {
					t.Errorf("topics %q miss %q", got, want)
				}
			}
			for _, name := range got {
				for _, w := range strings.Fields(name) {
					if slices.Contains(c.reject, strings.ToLower(w)) {
						t.Errorf("topic %q holds %q (topics %q)", name, w, got)
					}
				}
			}
		})
	}
}

// TestTopicsNeedEvidence checks that a two-word phrase said once is no
// topic unless the text gives it as an example, and that a three-word
// phrase said once is one only when its head noun recurs.
func TestTopicsNeedEvidence(t *testing.T) {
	got := topicNames(t, "The night porter locked the stone sounds hollow.\n\n"+
		"Grants go to causes such as sea rescue.\n\n"+
		"The brewers backed the harbour yacht club. The new tennis club opened.\n")
	for _, want := range []string{"sea rescue", "harbour yacht club"} {
		if !slices.Contains(got, want) {
			t.Errorf("topics %q miss %q", got, want)
		}
	}
	for _, not := range []string{"night porter", "stone sounds hollow", "stone sounds"} {
		if slices.Contains(got, not) {
			t.Errorf("topics %q hold %q, said once", got, not)
		}
	}
}

// TestTopicsDoNotRepeat checks that a plural and its singular make one
// topic, that a phrase is no topic beside a kept one it ends or that ends
// it, and that none names a named entity.
func TestTopicsDoNotRepeat(t *testing.T) {
	d := mustParse(t, "The harbour board met. Harbour Board members said the harbour board would meet again.\n\n"+
		"The harbour board closed the quay.\n")
	for _, e := range d.Entities {
		if e.Kind == KindTopic && strings.EqualFold(e.Name, "harbour board") {
			t.Errorf("topic %q repeats the organisation", e.Name)
		}
	}
	got := topicNames(t, "The smart locks failed. One smart lock opened.\n\n"+
		"The car park was full. The car park closed, and the long-stay car park too.\n")
	if !slices.Contains(got, "smart locks") || slices.Contains(got, "smart lock") {
		t.Errorf("topics %q: want \"smart locks\" once, for both numbers", got)
	}
	if slices.Contains(got, "car park") == slices.Contains(got, "long-stay car park") {
		t.Errorf("topics %q: want one of \"car park\" and \"long-stay car park\"", got)
	}
}

// TestPhraseWordsAreTheirSets checks that the traits the key-phrase
// counter reads once for every word of an index (see phraseWordOf) are
// what the lexicon's sets and the spelling tests say of the word, in
// every case the text writes it. The text is our own.
func TestPhraseWordsAreTheirSets(t *testing.T) {
	text := "Such as it is, the Harbour Board is planning repairs, including new gates, and we are losing shops.\n\n" +
		"Crews could face similar cuts; the stones WERE safe. A loose stone sounds hollow, every bridge moves up TO a point.\n\n" +
		"SUCH AS the bus, the virus, the thesis: the works which UP the rates that keep going to Including.\n"
	x := newIndex([]Paragraph{{Text: text}})
	c, lx := newPhraseCounter(x), words()
	for id, w := range x.vocab {
		for _, want := range []struct {
			trait phraseWord
			is    bool
		}{
			{phraseTopic, isTopicWord(w)},
			{phraseIng, isIngForm(w)},
			{phraseBe, lx.beForms.has(w)},
			{phraseModal, lx.modals.has(w)},
			{phraseGeneric, lx.genericModifiers.has(w)},
			{phraseSingular, lx.singularDeterminers.has(w)},
			{phrasePredicate, lx.predicateAdjectives.has(w)},
			{phraseClause, lx.finiteVerbs.has(w) || lx.clauseConjunctions.has(w) || lx.relatives.has(w)},
			{phrasePlural, singular(w) != w && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")},
			{phraseSuch, strings.ToLower(w) == "such"},
			{phraseAs, strings.ToLower(w) == "as"},
			{phraseIncluding, strings.ToLower(w) == "including"},
			{phraseTo, strings.ToLower(w) == "to"},
			{phraseUp, strings.ToLower(w) == "up"},
			{phraseRelative, lx.relatives.has(w)},
		} {
			if got := c.words[id]&want.trait != 0; got != want.is {
				t.Errorf("%q: trait %#x is %v, want %v", w, want.trait, got, want.is)
			}
		}
	}
	seen := 0
	for _, w := range c.words {
		seen |= int(w)
	}
	if all := int(phraseRelative)<<1 - 1; seen != all {
		t.Errorf("the text gives traits %#x, want every one (%#x)", seen, all)
	}
}

// TestPhraseKeysTellPhrasesApart checks that two phrases have one key
// (see phraseCounter.key) exactly when their words are the same but for
// the head's number: "harbour wall repairs" and "harbour wall repair",
// not "harbour gate repairs", "sea wall repairs" or "wall repairs".
func TestPhraseKeysTellPhrasesApart(t *testing.T) {
	phrases := []string{"harbour wall repairs", "harbour wall repair", "harbour gate repairs", "sea wall repairs", "wall repairs", "wall repair", "harbour repairs", "sea gate repairs"}
	var paras []Paragraph
	for _, p := range phrases {
		paras = append(paras, Paragraph{Text: p})
	}
	x := newIndex(paras)
	c := newPhraseCounter(x)
	keys := map[uint64]string{}
	for n := range x.spans {
		key, phrase := c.key(x.tokens(n)), phraseKey(phrases[n])
		if other, ok := keys[key]; ok && phraseKey(other) != phrase {
			t.Errorf("%q and %q have one key", other, phrases[n])
		}
		for k, other := range keys {
			if k != key && phraseKey(other) == phrase {
				t.Errorf("%q and %q have different keys", other, phrases[n])
			}
		}
		keys[key] = phrases[n]
	}
	if len(keys) != 6 {
		t.Errorf("%d keys, want 6: %v", len(keys), keys)
	}
}

// BenchmarkPhraseStats measures counting the key phrases of the inputs
// BenchmarkExtract reads, once their sentences and words are split.
func BenchmarkPhraseStats(b *testing.B) {
	benchDocuments(b, func(b *testing.B, d *Document) {
		x := newIndex(d.Paragraphs)
		voices := make([]voice, len(d.Paragraphs))
		for b.Loop() {
			x.phrases = &keyPhrases{}
			x.phraseStats(d.Paragraphs, voices)
		}
	})
}
