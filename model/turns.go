package model

import (
	"maps"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"
)

const (
	// maxElsewhereChecks caps the label names looked up in the rest of the
	// text, so a document full of one-off "Word:" openings stays linear.
	maxElsewhereChecks = 64
	// maxHeadlineWords is the longest headline after a name and a colon
	// in a document's first paragraph ("Ada Byrne: An Interview with the
	// Harbour Poet"): longer than a heading among paragraphs may be.
	maxHeadlineWords = 15
)

var (
	// timeLineRe matches a paragraph that is only a clock time, as at the
	// start and end of a transcript: "3:22 P.M. EDT".
	timeLineRe = regexp.MustCompile(`^(?i:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?)(?:\s+[A-Z]{2,5})?\.?$`)
	// endLineRe matches the closing mark of a transcript: "END",
	// "END 3:22 P.M. EDT", "(END)", "###", "-30-".
	endLineRe = regexp.MustCompile(`^(?:\(?(?i:end)\)?|\\?#{3}|-30-)(?:[.\s]+(?i:\d{1,2}:\d{2}\s*(?:[ap]\.?\s?m\.?)?)(?:\s+[A-Z]{2,5})?\.?)?$`)
)

// voice is who speaks a paragraph, and where the words after the
// speaker's label begin in it (0 without a label).
type voice struct {
	speaker string
	body    int
}

// findTurns finds speaker turns and their roles. Labelled paragraphs
// ("Q:", "MR. KIRBY:", "**Name:**") start turns and later unlabelled
// paragraphs continue them; a heading or a transcript's closing line ends
// the current turn. Without labelled questions, an interview whose
// questions are unlabelled is recognised by inferInterview. stage marks
// the turns that only record a stage direction ("(APPLAUSE)").
func findTurns(d *Document, x *textIndex, labels map[int]Label) (turns []Turn, stage []bool) {
	turns = labelledTurns(d.Paragraphs, x, labels)
	views := viewTurns(d, x, turns, labels)
	speakers := labelSpeakers(turns)
	readAsks(d.Paragraphs, x, views, speakers)
	askers := findAskers(turns, views)
	stage = stageTurns(turns, views, askers)
	assignRoles(turns, views, stage, askers, speakers)
	names := speakerNames(d, x, turns, askers)
	for k := range turns {
		if n, ok := names[turns[k].Speaker]; ok {
			turns[k].Name = n
		}
	}
	if !hasQuestionTurns(turns) {
		turns = inferInterview(d, x, turns, voicesOf(len(d.Paragraphs), turns, labels))
		return turns, make([]bool, len(turns))
	}
	return turns, stage
}

// labelledTurns makes a turn of each labelled paragraph and the unlabelled
// ones after it, up to the next label, heading, closing line, writer's note
// or a record's line that a witness is sworn. The
// unlabelled paragraphs that end the document belong to the last turn
// only while they are not the writer's end note (see isEndNote: "The
// exhibition runs at the Harbour Gallery until May.") or a record of what
// happened ("(The meeting closed at noon.)").
func labelledTurns(paras []Paragraph, x *textIndex, labels map[int]Label) []Turn {
	var turns []Turn
	x.work += len(paras)
	labelled := make([]bool, len(paras))
	for i := range labels {
		labelled[i] = true
	}
	closes := closings(paras, x, labelled)
	open := false
	for i := range paras {
		if labelled[i] {
			l := labels[i]
			turns = append(turns, Turn{Speaker: l.Speaker, Name: l.Speaker, Start: i, End: i + 1})
			open = true
			continue
		}
		if !open {
			continue
		}
		if closes[i] {
			open = false
			continue
		}
		turns[len(turns)-1].End = i + 1
	}
	if n := len(turns); n > 0 {
		last := &turns[n-1]
		for last.End > last.Start+1 && last.End == len(paras) && isAfterword(paras[last.End-1].Text) {
			last.End--
		}
	}
	return turns
}

// closings reports, for each paragraph after the first that labelled
// marks, and not so marked, whether it would close the turn it follows
// (see closesTurn). The
// paragraphs of a large document are read in parts of about equal size,
// one a core, as newIndex splits them; each is read on its own, so the
// answers are the same however the parts are scheduled.
func closings(paras []Paragraph, x *textIndex, labelled []bool) []bool {
	closes := make([]bool, len(paras))
	first := slices.Index(labelled, true)
	if first < 0 {
		return closes
	}
	read := func(from, to int) {
		for i := from; i < to; i++ {
			if !labelled[i] {
				closes[i] = closesTurn(paras[i], x, i)
			}
		}
	}
	rest := paras[first:]
	size := 0
	for _, p := range rest {
		size += len(p.Text)
	}
	bounds := []int{0, len(rest)}
	if cores := runtime.GOMAXPROCS(0); cores > 1 && size >= parallelIndexSize {
		bounds = splitBySize(rest, textSize, size, cores)
	}
	waits := make([]func(), 0, len(bounds)-2)
	for k := 1; k+1 < len(bounds); k++ {
		from, to := first+bounds[k], first+bounds[k+1]
		waits = append(waits, inBackground(func() { read(from, to) }))
	}
	read(first, first+bounds[1])
	for _, wait := range waits {
		wait()
	}
	return closes
}

// closesTurn reports whether p, an unlabelled paragraph, paragraph i of
// the index x, closes the turn it follows: a heading, a closing line, a
// writer's note or a record's line that a witness is sworn. Only a
// paragraph with a word that a swearing-in needs (see traitSworn) is
// read for one, which its words in the index tell without reading the
// text again.
func closesTurn(p Paragraph, x *textIndex, i int) bool {
	return p.Heading || isEndLine(p.Text) || isWritersNote(p.Text) || x.holds(i, traitSworn) && isSwearingIn(p.Text)
}

// isAfterword reports whether a paragraph that ends the document closes
// it rather than the last speaker's turn: the writer's end note or a
// stage direction.
func isAfterword(text string) bool {
	return isEndNote(text) || stageDirectionRe.MatchString(text)
}

// inVoice reports whether text speaks in the first or second person, as a
// speaker does and a writer's note does not.
func inVoice(text string) bool {
	lx := words()
	return lx.firstPerson.inText(text) || lx.secondPerson.inText(text) || lx.firstPersonPlural.inText(text)
}

// voicesOf gives each of n paragraphs the speaker of the turn holding it,
// and a labelled paragraph the offset after its label.
func voicesOf(n int, turns []Turn, labels map[int]Label) []voice {
	v := make([]voice, n)
	for _, t := range turns {
		for k := t.Start; k < t.End; k++ {
			v[k].speaker = t.Name
		}
	}
	for i, l := range labels {
		v[i].body = l.Body
	}
	return v
}

// findLabels returns the label of each paragraph that the document uses
// as a speaker's: one that recurs, or names a role ("Q", "Audience
// member"); or, said once, one that opens speech rather than a heading, a
// list or a headline ("PRESENT: ...", "Harbour Lights: a history") and
// that stands out by its form or names someone the text mentions
// elsewhere.
func findLabels(d *Document, x *textIndex) map[int]Label {
	labels := map[int]Label{}
	count := map[string]int{}
	for i, p := range d.Paragraphs {
		if p.Heading {
			continue
		}
		if l, ok := paragraphLabel(p); ok {
			labels[i] = l
			count[l.Speaker]++
		}
	}
	// A label recurs with those that differ from it only in case ("MR.
	// KIRBY", "Mr. Kirby"), folded once a speaker, not once a label.
	folded := map[string]int{}
	for sp, n := range count {
		folded[strings.ToUpper(sp)] += n
	}
	recurs := map[string]bool{}
	for sp := range count {
		recurs[sp] = folded[strings.ToUpper(sp)] > 1
	}
	checks := 0
	// In the document's order, so that which labels the cap leaves
	// unchecked does not change from run to run.
	for _, i := range slices.Sorted(maps.Keys(labels)) {
		l := labels[i]
		if recurs[l.Speaker] || isRoleLabel(l.Speaker) {
			continue
		}
		if !opensSpeech(d.Paragraphs[i].Text[l.Body:]) {
			delete(labels, i)
			continue
		}
		if l.Strong {
			continue
		}
		checks++
		if checks > maxElsewhereChecks || !mentionedElsewhere(d, x, l.Speaker, i) {
			delete(labels, i)
		}
	}
	return labels
}

// mentionedElsewhere reports whether name occurs in the title or in a
// paragraph other than skip, as written.
func mentionedElsewhere(d *Document, x *textIndex, name string, skip int) bool {
	if strings.Contains(d.Title, name) {
		return true
	}
	for i, p := range d.Paragraphs {
		x.work += len(p.Text)
		if i != skip && strings.Contains(p.Text, name) {
			return true
		}
	}
	return false
}

// opensSpeech reports whether the words after a label read as someone's
// speech: they hold a whole sentence, or record a stage direction.
func opensSpeech(text string) bool {
	t := trimCloseRight(text)
	r, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?…-—", r) || stageDirectionRe.MatchString(text) {
		return true
	}
	var buf [2]Span
	return len(appendSentences(buf[:0], text)) > 1
}

// isEndLine reports whether a paragraph closes a transcript or stamps its
// time ("3:22 P.M. EDT", "END"), so it belongs to no turn.
func isEndLine(text string) bool {
	if len(text) > 48 {
		return false
	}
	t := collapseSpaces(text)
	return timeLineRe.MatchString(t) || endLineRe.MatchString(t)
}

// isInterviewerLabel reports whether a speaker label marks the interviewer.
func isInterviewerLabel(speaker string) bool {
	lx := words()
	return lx.questionLabels.has(speaker) || lx.interviewerLabels.has(speaker) || lx.leadLabels.has(speaker)
}

// hasQuestionTurns reports whether any turn is a question.
func hasQuestionTurns(turns []Turn) bool {
	for _, t := range turns {
		if t.Role == RoleQuestion {
			return true
		}
	}
	return false
}
