package model

import (
	"regexp"
	"strings"
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
// questions are unlabelled is recognised by inferInterview.
func findTurns(d *Document, x *textIndex, labels map[int]Label) []Turn {
	turns := labelledTurns(d.Paragraphs, x, labels)
	assignRoles(turns)
	if !hasQuestionTurns(turns) {
		turns = inferInterview(d, x, turns, voicesOf(len(d.Paragraphs), turns, labels))
	}
	return turns
}

// labelledTurns makes a turn of each labelled paragraph and the unlabelled
// ones after it, up to the next label, heading or closing line.
func labelledTurns(paras []Paragraph, x *textIndex, labels map[int]Label) []Turn {
	var turns []Turn
	x.work += len(paras)
	open := false
	for i, p := range paras {
		if l, ok := labels[i]; ok {
			turns = append(turns, Turn{Speaker: l.Speaker, Start: i, End: i + 1})
			open = true
			continue
		}
		if !open {
			continue
		}
		if p.Heading || isEndLine(p.Text) {
			open = false
			continue
		}
		turns[len(turns)-1].End = i + 1
	}
	return turns
}

// voicesOf gives each of n paragraphs the speaker of the turn holding it,
// and a labelled paragraph the offset after its label.
func voicesOf(n int, turns []Turn, labels map[int]Label) []voice {
	v := make([]voice, n)
	for _, t := range turns {
		for k := t.Start; k < t.End; k++ {
			v[k].speaker = t.Speaker
		}
	}
	for i, l := range labels {
		v[i].body = l.Body
	}
	return v
}

// findLabels returns the accepted speaker label of each labelled paragraph.
func findLabels(d *Document, x *textIndex) map[int]Label {
	labels := map[int]Label{}
	count := map[string]int{}
	for i, p := range d.Paragraphs {
		if p.Heading {
			continue
		}
		if l, ok := paragraphLabel(p); ok {
			if !l.Strong && i == 0 && d.Title == "" && isHeadingLine(p.Text[l.Body:], maxHeadlineWords) {
				continue // "Frank Messina: An Interview with the 'Mets Poet'"
			}
			labels[i] = l
			count[strings.ToUpper(l.Speaker)]++
		}
	}
	checks := 0
	for i, l := range labels {
		if l.Strong || count[strings.ToUpper(l.Speaker)] > 1 {
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

// isEndLine reports whether a paragraph closes a transcript or stamps its
// time ("3:22 P.M. EDT", "END"), so it belongs to no turn.
func isEndLine(text string) bool {
	if len(text) > 48 {
		return false
	}
	t := collapseSpaces(text)
	return timeLineRe.MatchString(t) || endLineRe.MatchString(t)
}

// assignRoles marks interviewer turns as questions and, when there are
// any, every other turn as an answer; otherwise all turns are remarks.
func assignRoles(turns []Turn) {
	questions := false
	for i := range turns {
		if isInterviewerLabel(turns[i].Speaker) {
			turns[i].Role = RoleQuestion
			questions = true
		}
	}
	for i := range turns {
		switch {
		case turns[i].Role == RoleQuestion:
		case questions:
			turns[i].Role = RoleAnswer
		default:
			turns[i].Role = RoleRemark
		}
	}
}

// isInterviewerLabel reports whether a speaker label marks the interviewer.
func isInterviewerLabel(speaker string) bool {
	return words().interviewerLabels.has(speaker)
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
