package model

import (
	"regexp"
	"runtime"
	"strings"
	"unicode/utf8"
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
	// When no speaker stands apart so, the one who says the most may be
	// the asker, as a host who opens a talk at length is: it asks in
	// askRateLeadFactor times as many of its turns as anyone else, and
	// takes minHostTurnShare of the turns at least.
	askRateLeadFactor = 1.5
	minHostTurnShare  = 1.0 / 3
	// maxHandOverWords is the longest sentence after a question that still
	// hands the floor over with it ("Secretary Lind, two minutes.").
	maxHandOverWords = 20
)

// stageDirectionRe matches a turn that only records what happened: "(APPLAUSE)",
// "[laughter]", "(CROSSTALK)".
var stageDirectionRe = regexp.MustCompile(`^\s*(?:[(\[][^)\]]*[)\]]\s*)+$`)

// isCourtesy reports whether a turn only greets, thanks or takes leave:
// it asks nothing, and each of its sentences opens with a greeting or
// greets or thanks ("Thank you, Dana. Good night.").
func isCourtesy(text string) bool {
	if strings.ContainsAny(text, "?？") {
		return false
	}
	var buf [8]Span
	ss := appendSentences(buf[:0], text)
	for _, sp := range ss {
		s := text[sp.Start:sp.End]
		if w, _ := firstWord(s); !words().courtesyOpeners.has(w) && !words().thanksWords.inText(s) {
			return false
		}
	}
	return len(ss) > 0
}

// turnView is what role inference reads of one turn: its text without the
// label, whether it only records a stage direction, and, set by readAsks
// unless it does, whether it asks (see turnAsks) and how many words it
// has (countWords). start and end are the turn's paragraphs, and body
// where the text begins in the first, after its label: the text is their
// texts from there, one space apart.
type turnView struct {
	text             string
	stage            bool
	asks             bool
	words            int
	start, end, body int
}

// viewTurns reads the text of every turn once. The text of a turn of one
// paragraph is that paragraph's; only a turn of several is joined into a
// new string. Only a turn's first paragraph has a label: a label starts
// a turn.
func viewTurns(d *Document, x *textIndex, turns []Turn, labels map[int]Label) []turnView {
	views := make([]turnView, len(turns))
	var b strings.Builder
	for k, t := range turns {
		body := labels[t.Start].Body
		text := d.Paragraphs[t.Start].Text[body:]
		if t.End > t.Start+1 {
			n := len(text)
			for i := t.Start + 1; i < t.End; i++ {
				n += 1 + len(d.Paragraphs[i].Text)
			}
			b.Reset()
			b.Grow(n)
			b.WriteString(text)
			for i := t.Start + 1; i < t.End; i++ {
				b.WriteByte(' ')
				b.WriteString(d.Paragraphs[i].Text)
			}
			text = b.String()
		}
		x.work += len(text)
		views[k] = turnView{text: text, stage: stageDirectionRe.MatchString(text), start: t.Start, end: t.End, body: body}
	}
	return views
}

// readAsks records in views whether each turn that is no stage direction
// asks (see turnAsks), and its words, once, for findAskers and
// assignRoles to read: they ask it of no other turn. A turn's sentences
// are those of its paragraphs in the index x (see turnSentences). The
// turns of a large document are read in parts of about equal size, one a
// core, as newIndex splits paragraphs; each turn is read on its own, so
// the answers are the same however the parts are scheduled.
func readAsks(paras []Paragraph, x *textIndex, views []turnView, speakers map[string]bool) {
	size := 0
	for _, v := range views {
		size += len(v.text)
	}
	bounds := []int{0, len(views)}
	if cores := runtime.GOMAXPROCS(0); cores > 1 && size >= parallelIndexSize {
		bounds = splitBySize(views, func(v turnView) int { return len(v.text) }, size, cores)
	}
	read := func(part []turnView) {
		var buf []Span
		for k := range part {
			if v := &part[k]; !v.stage {
				buf = turnSentences(buf[:0], paras, x, v)
				v.asks = turnAsks(v.text, buf, speakers)
				v.words = countWords(v.text)
			}
		}
	}
	waits := make([]func(), 0, len(bounds)-2)
	for k := 1; k+1 < len(bounds); k++ {
		part := views[bounds[k]:bounds[k+1]]
		waits = append(waits, inBackground(func() { read(part) }))
	}
	read(views[:bounds[1]])
	for _, wait := range waits {
		wait()
	}
}

// asker is what role inference knows of a speaker who asks.
type asker struct {
	// byLabel reports that the label makes every turn a question ("Q").
	byLabel bool
	// rate is the share of the speaker's turns that ask.
	rate float64
}

// findAskers returns the speakers who ask: those labelled as questions
// ("Q"); those whose label names the role of one who asks or leads
// (Interviewer, Reporter, Host, Moderator, Chair) and who ask at all; and
// those whose turns often ask (as readAsks recorded in views),
// and ask far more often or run far shorter than the turns of the speaker
// who says the most, as an interviewer's, a moderator's or a committee
// member's do. When none does, the speaker who says the most asks if it
// asks far more often than the others and takes many of the turns, as a
// host who opens a talk at length does.
func findAskers(turns []Turn, views []turnView) map[string]asker {
	type stats struct{ turns, asks, words, first int }
	by := map[string]*stats{}
	for k, t := range turns {
		if views[k].stage {
			continue
		}
		s := by[t.Speaker]
		if s == nil {
			s = &stats{first: k}
			by[t.Speaker] = s
		}
		s.turns++
		if views[k].asks {
			s.asks++
		}
		s.words += views[k].words
	}
	lx := words()
	askers := map[string]asker{}
	rate := func(s *stats) float64 { return float64(s.asks) / float64(s.turns) }
	length := func(s *stats) float64 { return float64(s.words) / float64(s.turns) }
	topRate := 0.0
	var main *stats // the speaker who says the most, the first to speak of any who say as much
	host := ""      // main's name
	for sp, s := range by {
		switch {
		case lx.questionLabels.has(sp):
			askers[sp] = asker{byLabel: true, rate: 1}
			continue
		case isInterviewerLabel(sp) || lx.audienceLabels.has(sp):
			if s.asks > 0 {
				askers[sp] = asker{rate: rate(s)}
			}
			continue
		}
		topRate = max(topRate, rate(s))
		if main == nil || s.words > main.words || s.words == main.words && s.first < main.first {
			main, host = s, sp
		}
	}
	for sp, s := range by {
		if _, ok := askers[sp]; ok || isInterviewerLabel(sp) || lx.audienceLabels.has(sp) || s == main {
			continue
		}
		r := rate(s)
		apart := r >= rate(main)+askRateLead || length(s) <= maxAskerLength*length(main)
		if r >= minAskRate && r >= askRateShare*topRate && apart {
			askers[sp] = asker{rate: r}
		}
	}
	if len(askers) == 0 && main != nil && rate(main) >= minAskRate && float64(main.turns) >= minHostTurnShare*float64(len(turns)) {
		for _, s := range by {
			if s != main && rate(main) < askRateLeadFactor*rate(s) {
				return askers
			}
		}
		askers[host] = asker{rate: rate(main)}
	}
	return askers
}

// assignRoles gives each turn its role; askers are the speakers who ask
// (see findAskers), stages the turns that count for nothing (see
// stageTurns), to which it adds the turns that only hand the floor to one
// of several who answer (see handsOver). A run of turns by those who ask (stage directions
// between them count for nothing) is one question when any of its turns
// asks, or when it puts something to the one who answers next (see
// putsToOther); else it is a remark, as thanks and time-keeping are. The
// turns of the others after a question answer it, up to the next turn of
// one who asks; other turns are remarks.
func assignRoles(turns []Turn, views []turnView, stages []bool, askers map[string]asker, speakers map[string]bool) {
	isAsker := func(k int) bool {
		_, ok := askers[turns[k].Speaker]
		return ok
	}
	stage := func(k int) bool { return stages[k] }
	answering := map[string]bool{}
	labelledQ, labelledA := false, false
	for k, t := range turns {
		switch {
		case stage(k):
		case !isAsker(k):
			answering[t.Speaker] = true
			labelledA = labelledA || words().answerLabels.has(t.Speaker)
		default:
			labelledQ = labelledQ || words().questionLabels.has(t.Speaker)
		}
	}
	labelledAnswers := labelledQ && labelledA
	// Where questions and answers are both labelled as such ("Q." and
	// "A."), the answers are only those so labelled: others who speak
	// between a question and its answer (counsel's objection, the court)
	// make remarks.
	answers := func(k int) bool {
		return !labelledAnswers || words().answerLabels.has(turns[k].Speaker)
	}
	open := false
	for k := 0; k < len(turns); k++ {
		if stage(k) {
			turns[k].Role = RoleRemark
			continue
		}
		if !isAsker(k) {
			turns[k].Role = RoleRemark
			if open && answers(k) {
				turns[k].Role = RoleAnswer
			}
			continue
		}
		end := k + 1
		for end < len(turns) && (isAsker(end) || stage(end)) {
			end++
		}
		asks := false
		for j := k; j < end; j++ {
			a := askers[turns[j].Speaker]
			asks = asks || !stage(j) && (a.byLabel || views[j].asks)
		}
		if !asks && len(answering) > 1 && end-k == 1 && handsOver(views[k].text, speakers) {
			// One of several who answer is given the floor on the question
			// in hand ("Femi, you're shaking your head."): the turn counts
			// for nothing, as a stage direction does.
			stages[k] = true
			turns[k].Role = RoleRemark
			continue
		}
		if last := end - 1; !asks && end < len(turns) {
			asks = putsToOther(views[last].text, views[end].text, askers[turns[last].Speaker])
		}
		role := RoleRemark
		if asks {
			role = RoleQuestion
		}
		for j := k; j < end; j++ {
			turns[j].Role = RoleRemark
			if !stage(j) {
				turns[j].Role = role
			}
		}
		// The question is asked by the first who asks in the run; others
		// before, asking nothing, only give them the floor ("The chair
		// recognises Councillor Lind.") and are not part of it.
		first := k
		for first < end && (stage(first) || !askers[turns[first].Speaker].byLabel && !views[first].asks) {
			first++
		}
		for j := k; asks && first < end && j < first; j++ {
			if turns[j].Speaker != turns[first].Speaker {
				turns[j].Role = RoleRemark
			}
		}
		open = asks
		k = end - 1
	}
}

// handsOver reports whether a short turn that asks nothing gives the floor
// to someone by name, on the question in hand: "Femi, you're shaking your
// head.", "Over to you, Okonjo." A turn that keeps time ("Mr. Lind, two
// minutes.") or thanks ends the exchange instead.
func handsOver(text string, speakers map[string]bool) bool {
	return countWords(text) <= maxHandOverWords && (namesSpeaker(text, speakers) || startsWithVocative(text)) &&
		!isCourtesy(text) && !words().floorWords.inText(text)
}

// startsWithVocative reports whether text opens by calling someone by
// name: a capitalised word, not a common one, and a comma ("Femi, ...").
func startsWithVocative(text string) bool {
	w, end := firstWord(text)
	return w != "" && isCapitalized(w) && strings.HasPrefix(text[end:], ",") && !words().stopWords.has(w) && !words().courtesyOpeners.has(w)
}

// stageTurns marks the turns that only record a stage direction and count
// for nothing in an exchange ("Audience: (APPLAUSE)"), but where the label
// says their speaker asks: "Q (Inaudible.)" is a question all the same.
func stageTurns(turns []Turn, views []turnView, askers map[string]asker) []bool {
	stage := make([]bool, len(turns))
	for k, v := range views {
		stage[k] = v.stage && !askers[turns[k].Speaker].byLabel
	}
	return stage
}

// interviewerRate is the share of turns that ask of a speaker who does
// little but ask, as an interviewer; a debate's moderator also keeps time
// and thanks.
const interviewerRate = 0.6

// putsToOther reports whether a turn that asks nothing still puts
// something to the one who speaks next, who answers it: a statement about
// "you" ("So you were twenty.") or one that draws a conclusion ("So it's
// settled now."), or, from an interviewer who does little but ask, any
// remark ("Parents must worry."), or one whose reply opens as an answer
// does ("Not yet."); never thanks or a greeting, a word on
// whose turn or how much time it is, or a remark broken off by the reply.
func putsToOther(text, reply string, a asker) bool {
	if countWords(text) > maxStatementQuestionWords || words().floorWords.inText(text) || isCourtesy(text) || isBrokenOff(text) {
		return false
	}
	if a.rate >= interviewerRate || opensWithAnswer(reply) {
		return true
	}
	if w, _ := firstWord(text); strings.EqualFold(w, "so") {
		return true
	}
	return isStatementQuestion(text)
}

// opensWithAnswer reports whether a reply opens by answering yes or no, or
// agreeing: "Yes.", "No, it was not.", "Not yet.", "That's right."
func opensWithAnswer(reply string) bool {
	w, end := firstWord(reply)
	if words().answerOpeners.has(w) {
		return true
	}
	switch strings.ToLower(w) {
	case "not", "that's", "that’s":
		n, _ := firstWord(reply[end:])
		n = strings.ToLower(n)
		return n == "yet" || n == "really" || n == "quite" || n == "exactly" || n == "right" || n == "correct" || n == "true"
	}
	return false
}

// turnAsks reports whether a turn hands the floor over with a question: a
// sentence that asks, after which comes nothing but a short word to whom
// it is put ("Secretary Lind, two minutes."), or a closing request
// addressed to the listener ("Tell me about the first winter.").
// ss are the turn's sentences (see appendSentences), and speakers the
// names the document's labels give.
func turnAsks(text string, ss []Span, speakers map[string]bool) bool {
	if len(ss) == 0 {
		return false
	}
	for k := len(ss) - 1; k >= 0; k-- {
		if !sentenceAsks(text[ss[k].Start:ss[k].End]) {
			continue
		}
		tail := text[ss[k].End:]
		if isSelfAnswer(tail) {
			return false // "Is there any objection? Hearing none, ..."
		}
		return k == len(ss)-1 || countWordsUpTo(tail, maxHandOverWords+1) <= maxHandOverWords && (words().secondPerson.inText(tail) || namesSpeaker(tail, speakers))
	}
	return isRequest(text[ss[len(ss)-1].Start:ss[len(ss)-1].End])
}

// turnSentences appends to buf the sentences of the text of turn v, as
// appendSentences splits it, and returns it. They are the sentences of
// its paragraphs in the index x, split once, wherever they are provably
// the same:
//   - after a label, the index's sentences of the whole paragraph are its
//     body's, the first cut to start where the body does, when a space
//     stands before the body: the text before a full stop that tells an
//     abbreviation ("Dr.") is then read from the same word in both;
//   - where two paragraphs meet, the last sentence of the first ends the
//     same in the turn's text only if the next paragraph opens a new
//     sentence there ("... in the U.S." then "Later that year" does not,
//     nor does a paragraph that ends with no full stop), which
//     appendSentences is asked of that sentence and the next one's first
//     letter alone: what ends a sentence depends on no text before it.
//     Where it does not end there, the rest of the text is split anew
//     from that sentence's start.
//
// A body after a label with no space before it, the turn's text is split
// anew.
func turnSentences(buf []Span, paras []Paragraph, x *textIndex, v *turnView) []Span {
	off := 0 // where paragraph i's body starts in v.text
	for i := v.start; i < v.end; i++ {
		body := 0
		if i == v.start && v.body > 0 {
			body = v.body
			if r, _ := utf8.DecodeLastRuneInString(paras[i].Text[:body]); !IsSpace(r) {
				return appendSentences(buf[:0], v.text)
			}
		}
		first := len(buf)
		for _, s := range x.paragraphSpans(i) {
			if s.End > body {
				buf = append(buf, Span{max(s.Start, body) - body + off, s.End - body + off})
			}
		}
		if first > 0 && len(buf) > first {
			_, size := utf8.DecodeRuneInString(v.text[buf[first].Start:])
			var pair [3]Span
			if last := buf[first-1].Start; len(appendSentences(pair[:0], v.text[last:buf[first].Start+size])) != 2 {
				// The sentence runs on into this paragraph: the rest of
				// the text is split from its start, as appendSentences
				// goes on from there.
				rest := appendSentences(buf[first-1:first-1], v.text[last:])
				for j := range rest {
					rest[j].Start += last
					rest[j].End += last
				}
				return append(buf[:first-1], rest...)
			}
		}
		off += len(paras[i].Text) - body + 1
	}
	return buf
}

// sentenceAsks reports whether sentence s ends with a question mark (see
// endsWithQuestion). Most sentences hold none, and looking for one is
// quicker than trimming their ends.
func sentenceAsks(s string) bool {
	return (strings.IndexByte(s, '?') >= 0 || strings.Contains(s, "？")) && endsWithQuestion(s)
}

// selfAnswerRe matches the words with which a chair answers the question
// they put to the room: "Is there any objection? Hearing none, so
// ordered."
var selfAnswerRe = regexp.MustCompile(`^\s*(?i:hearing none|seeing none|without objection|none being heard|so ordered)\b`)

// isSelfAnswer reports whether text opens with the words of a chair who
// answers their own question (see selfAnswerRe). Only a text whose first
// byte after its spaces may begin them, one of their initials in any case
// or a byte from 0x80 up that may fold to one ("ſ" to "s"), is read by
// the expression: after most questions there is no text at all.
func isSelfAnswer(text string) bool {
	i := 0
	for i < len(text) && strings.IndexByte(" \t\n\f\r", text[i]) >= 0 {
		i++
	}
	if i == len(text) || text[i] < utf8.RuneSelf && strings.IndexByte("hHsSwWnN", text[i]) < 0 {
		return false
	}
	return selfAnswerRe.MatchString(text)
}

// isRequest reports whether a sentence asks for an account: an imperative
// addressed to the listener or naming the askers ("Tell me about the first
// winter.", "Describe your day."), not one that keeps time ("Go ahead,
// you have a minute.").
func isRequest(sentence string) bool {
	w, _ := firstWord(sentence)
	if strings.EqualFold(w, "let") {
		return false // "Let me stop you there": the speaker's own move
	}
	lx := words()
	return lx.imperativeOpeners.has(w) && (lx.secondPerson.inText(sentence) || lx.askedObjects.inText(sentence)) && !lx.floorWords.inText(sentence)
}

// isSentence reports whether text ends as a sentence does, with a full
// stop, not as a heading or a label.
func isSentence(text string) bool {
	t := trimCloseRight(text)
	return strings.HasSuffix(t, ".") && countWords(t) >= 3
}

// namesSpeaker reports whether text names one of the speakers, as a word
// of their label ("Mr. Trump", "Secretary Lind").
func namesSpeaker(text string, speakers map[string]bool) bool {
	for sp := range speakers {
		for _, w := range strings.Fields(sp) {
			w = strings.Trim(w, ".,")
			if len(w) > 2 && !words().honorifics.has(w) && !words().stopWords.has(w) && strings.Contains(strings.ToLower(text), strings.ToLower(w)) {
				return true
			}
		}
	}
	return false
}

// isStatementQuestion reports whether a remark puts something to the one
// it is said to: it is short, says "you" and nothing of "I", unless to say
// what the speaker wonders ("I wonder whether you ...").
func isStatementQuestion(text string) bool {
	if countWords(text) > maxStatementQuestionWords || !words().secondPerson.inText(text) {
		return false
	}
	return !words().firstPerson.inText(text) || indirectQuestionRe.MatchString(text)
}

// labelSpeakers lists the speakers the labelled turns name.
func labelSpeakers(turns []Turn) map[string]bool {
	out := map[string]bool{}
	for _, t := range turns {
		out[t.Speaker] = true
	}
	return out
}
