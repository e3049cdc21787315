package model

import (
	"regexp"
	"strings"
)

// Who asks and who answers, for every layout with speaker labels: an
// interview, a transcript, a debate, a panel, a hearing, a briefing.

const (
	// minAskRate is the fewest of a speaker's turns that must ask for the
	// speaker to be one who asks, and askRateShare how close to the most
	// asking speaker's rate it must come: an interviewee's counter-question
	// does not make an interviewer.
	minAskRate   = 0.25
	askRateShare = 0.5
	// An asker stands apart from the speaker who says the most, the main
	// answerer: it asks in askRateLead more of its turns, or its turns
	// run at most maxAskerLength of that speaker's on average, as
	// questions are short beside the answers they draw.
	askRateLead    = 0.5
	maxAskerLength = 0.5
	// maxHandOverWords is the longest sentence after a question that still
	// hands the floor over with it ("Secretary Lind, two minutes.").
	maxHandOverWords = 20
)

// stageDirectionRe matches a turn that only records what happened: "(APPLAUSE)",
// "[laughter]", "(CROSSTALK)".
var stageDirectionRe = regexp.MustCompile(`^\s*(?:[(\[][^)\]]*[)\]]\s*)+$`)

// floorWords are the words of a turn that only hands the floor over or
// keeps time: "You have two minutes.", "Go ahead.", "Your response?".
var floorWords = map[string]bool{
	"minute": true, "minutes": true, "seconds": true, "floor": true, "ahead": true,
	"respond": true, "response": true, "rebuttal": true, "time": true,
}

// leadLabels name the role of one who leads a conversation and may or may
// not ask in it: a debate's moderator asks, a press call's moderator only
// hands the floor around.
var leadLabels = map[string]bool{
	"host": true, "moderator": true, "chair": true, "the chair": true, "chairman": true,
	"chairwoman": true, "chairperson": true, "presenter": true, "anchor": true,
}

// courtesyWords open a turn that greets, thanks or takes leave: it draws a
// reply, but asks nothing.
var courtesyWords = map[string]bool{
	"thank": true, "thanks": true, "welcome": true, "hello": true, "hi": true,
	"good": true, "goodbye": true, "congratulations": true,
}

// turnView is what role inference reads of one turn: its text without the
// label, and whether it only records a stage direction.
type turnView struct {
	text  string
	stage bool
}

// viewTurns reads the text of every turn once.
func viewTurns(d *Document, x *textIndex, turns []Turn, labels map[int]Label) []turnView {
	views := make([]turnView, len(turns))
	var b strings.Builder
	for k, t := range turns {
		b.Reset()
		for i := t.Start; i < t.End; i++ {
			text := d.Paragraphs[i].Text
			if l, ok := labels[i]; ok {
				text = text[l.Body:]
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(text)
		}
		x.work += b.Len()
		views[k] = turnView{text: b.String(), stage: stageDirectionRe.MatchString(b.String())}
	}
	return views
}

// findAskers returns the speakers who ask, and whether each asks by its
// label: those whose label says they ask (Q, Interviewer, Reporter), whose
// every turn is a question; those whose label says they lead (Host,
// Moderator, Chair) and who ask at all; and those whose turns often ask,
// and ask far more often or run far shorter than the turns of the
// speaker who says the most, as an interviewer's, a moderator's or a
// committee member's do.
func findAskers(turns []Turn, views []turnView, speakers map[string]bool) map[string]bool {
	type stats struct{ turns, asks, words int }
	by := map[string]*stats{}
	for k, t := range turns {
		if views[k].stage {
			continue
		}
		s := by[t.Speaker]
		if s == nil {
			s = &stats{}
			by[t.Speaker] = s
		}
		s.turns++
		if turnAsks(views[k].text, speakers) {
			s.asks++
		}
		s.words += countWords(views[k].text)
	}
	askers := map[string]bool{}
	rate := func(s *stats) float64 { return float64(s.asks) / float64(s.turns) }
	length := func(s *stats) float64 { return float64(s.words) / float64(s.turns) }
	topRate := 0.0
	var main *stats // the speaker who says the most
	for sp, s := range by {
		switch {
		case isInterviewerLabel(sp):
			askers[sp] = true
			continue
		case inSet(leadLabels, sp):
			if s.asks > 0 {
				askers[sp] = false
			}
			continue
		}
		topRate = max(topRate, rate(s))
		if main == nil || s.words > main.words {
			main = s
		}
	}
	for sp, s := range by {
		if _, ok := askers[sp]; ok || inSet(leadLabels, sp) || s == main {
			continue
		}
		r := rate(s)
		apart := r >= rate(main)+askRateLead || length(s) <= maxAskerLength*length(main)
		if r >= minAskRate && r >= askRateShare*topRate && apart {
			askers[sp] = false
		}
	}
	return askers
}

// assignRoles gives each turn its role; askers are the speakers who ask,
// true for those whose every turn is a question (see findAskers). A run of
// turns by those who ask (stage directions between them count for
// nothing) is one question when any of its turns asks; else it is a
// remark, as thanks and time-keeping are. The turns of the others after a
// question answer it, up to the next turn of one who asks; other turns
// are remarks.
func assignRoles(turns []Turn, views []turnView, askers map[string]bool, speakers map[string]bool) {
	asker := func(k int) bool {
		_, ok := askers[turns[k].Speaker]
		return ok
	}
	// A stage direction is a question's whole text where the label says
	// its speaker asks: "Q (Inaudible.)".
	for k := range views {
		views[k].stage = views[k].stage && !askers[turns[k].Speaker]
	}
	open := false
	for k := 0; k < len(turns); k++ {
		if views[k].stage {
			turns[k].Role = RoleRemark
			continue
		}
		if !asker(k) {
			turns[k].Role = RoleRemark
			if open {
				turns[k].Role = RoleAnswer
			}
			continue
		}
		end := k + 1
		for end < len(turns) && (asker(end) || views[end].stage) {
			end++
		}
		asks := false
		for j := k; j < end; j++ {
			asks = asks || !views[j].stage && (askers[turns[j].Speaker] || turnAsks(views[j].text, speakers))
		}
		if last := end - 1; !asks && end < len(turns) && isStatementQuestion(views[last].text) {
			asks = true // "So you were twenty." draws its answer too
		}
		role := RoleRemark
		if asks {
			role = RoleQuestion
		}
		for j := k; j < end; j++ {
			turns[j].Role = RoleRemark
			if !views[j].stage {
				turns[j].Role = role
			}
		}
		open = asks
		k = end - 1
	}
}

// turnAsks reports whether a turn hands the floor over with a question: a
// sentence that asks, after which comes nothing but a short word to whom
// it is put ("Secretary Lind, two minutes."), or a closing request
// addressed to the listener ("Tell me about the first winter.").
// speakers are the names the document's labels give.
func turnAsks(text string, speakers map[string]bool) bool {
	var buf [32]span
	ss := appendSentences(buf[:0], text)
	if len(ss) == 0 {
		return false
	}
	for k := len(ss) - 1; k >= 0; k-- {
		if !endsWithQuestion(text[ss[k].Start:ss[k].End]) {
			continue
		}
		tail := text[ss[k].End:]
		return k == len(ss)-1 || countWords(tail) <= maxHandOverWords && (hasWord(tail, secondPerson) || namesSpeaker(tail, speakers))
	}
	last := text[ss[len(ss)-1].Start:ss[len(ss)-1].End]
	w, _ := firstWord(last)
	return inSet(imperativeOpeners, w) && hasWord(last, secondPerson) && !hasWord(last, floorWords)
}

// namesSpeaker reports whether text names one of the speakers, as a word
// of their label ("Mr. Trump", "Secretary Lind").
func namesSpeaker(text string, speakers map[string]bool) bool {
	for sp := range speakers {
		for _, w := range strings.Fields(sp) {
			w = strings.Trim(w, ".,")
			if len(w) > 2 && !inSet(words().honorifics, w) && strings.Contains(strings.ToLower(text), strings.ToLower(w)) {
				return true
			}
		}
	}
	return false
}

// isStatementQuestion reports whether an interviewer's turn that asks
// nothing still puts something to the interviewee: a short remark about
// "you" ("So you were twenty."), not thanks or a greeting, not a word on
// whose turn or how much time it is, and not broken off by the reply.
func isStatementQuestion(text string) bool {
	if countWords(text) > maxStatementQuestionWords || !hasWord(text, secondPerson) || hasWord(text, floorWords) || isBrokenOff(text) {
		return false
	}
	if w, _ := firstWord(text); inSet(courtesyWords, w) {
		return false
	}
	return !hasWord(text, firstPerson) || indirectQuestionRe.MatchString(text)
}

// labelSpeakers lists the speakers the labelled turns name.
func labelSpeakers(turns []Turn) map[string]bool {
	out := map[string]bool{}
	for _, t := range turns {
		out[t.Speaker] = true
	}
	return out
}
