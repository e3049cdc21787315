package model

import (
	"slices"
	"strings"
)

// pairExchanges pairs each question turn with the answer turns after it,
// up to the next question; stage directions between them ("Audience:
// (APPLAUSE)") neither end the question nor answer it, and remarks
// between a question and its first answer are interjections ("MR. PELL:
// Objection. Form."). A question
// paragraph that opens with the writer's narration ("Lei Jun notes that
// ... Now will these giants ...?") is cut to its closing questions;
// labelled questions keep their text.
func pairExchanges(d *Document, x *textIndex, turns []Turn, stage []bool, voices []voice) []Exchange {
	var exchanges []Exchange
	// next is the first turn after k that is not a stage direction.
	next := func(k int) int {
		for k++; k < len(turns) && stage[k]; k++ {
		}
		return k
	}
	for k := 0; k < len(turns); k++ {
		q := turns[k]
		if q.Role != RoleQuestion {
			continue
		}
		start := q.Start
		// Consecutive question turns are one question, asked by the last
		// of them: a moderator's introduction and the question from the
		// floor it introduces.
		for j := next(k); j < len(turns) && turns[j].Role == RoleQuestion && turns[j].Start == turns[j-1].End; j = next(k) {
			k = j
		}
		q.Name = turns[k].Name
		questionEnd := turns[k].End
		j := next(k)
		for j < len(turns) && turns[j].Role == RoleRemark {
			j = next(j)
		}
		if j == len(turns) || turns[j].Role != RoleAnswer {
			continue
		}
		answerStart := turns[j].Start
		end := answerStart
		var answerers []string
		for ; j < len(turns) && turns[j].Role == RoleAnswer; j = next(j) {
			k = j
			if !slices.Contains(answerers, turns[k].Name) {
				answerers = append(answerers, turns[k].Name)
			}
			end = turns[k].End
		}
		exchanges = append(exchanges, Exchange{
			Asker:          q.Name,
			Answerer:       answerers[0],
			Answerers:      answerers,
			Start:          start,
			QuestionOffset: questionOffset(d.Paragraphs[start], voices[start].body, x),
			QuestionEnd:    questionEnd,
			AnswerStart:    answerStart,
			End:            end,
		})
	}
	return exchanges
}

// questionOffset is where the question in paragraph p begins; body is
// where its words begin after a speaker label. In an unlabelled paragraph
// whose opening sentences report someone's words in the third person
// ("Lei Jun notes that ..."), the question is the run of closing
// sentences that ask or request; otherwise it is the whole text after the
// label.
func questionOffset(p Paragraph, body int, x *textIndex) int {
	if body > 0 {
		return body
	}
	x.work += len(p.Text)
	var buf [16]Span
	ss := appendSentences(buf[:0], p.Text)
	if len(ss) < 2 {
		return 0
	}
	narrated := false
	for _, s := range ss[:len(ss)-1] {
		if reportsSpeech(p.Text[s.Start:s.End]) {
			narrated = true
		}
	}
	if !narrated || words().firstPerson.inText(p.Text) {
		return 0 // a speaker's own words, not a writer's narration
	}
	k := len(ss) - 1
	for k > 0 {
		prev := p.Text[ss[k-1].Start:ss[k-1].End]
		if !endsWithQuestion(prev) {
			break
		}
		k--
	}
	return ss[k].Start
}

// reportsSpeech reports whether a sentence reports someone's words with a
// reporting verb in the third person: a name or he/she/they before it
// ("Lei Jun notes", "he said"), not "You mentioned".
func reportsSpeech(s string) bool {
	lx := words()
	prev := ""
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",.;:\"'“”‘’()")
		lw := strings.ToLower(w)
		if base := lx.reporting.get(w); base != "" && lw != base && !strings.HasSuffix(lw, "ing") {
			switch p := strings.ToLower(prev); {
			case lx.personPronouns.has(prev):
				return true
			case isCapitalized(prev) && p != "you" && p != "i" && p != "we":
				return true
			}
		}
		prev = w
	}
	return false
}
