package model

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

const (
	// maxPlainQuestionWords is the longest question paragraph that reads as
	// the interviewer's without addressing the interviewee as "you".
	maxPlainQuestionWords = 60
	// maxQuestionWords is the longest question paragraph at all: longer
	// ones are answers that end in a rhetorical question.
	maxQuestionWords = 100
	// interviewCueParagraphs is how many leading paragraphs are searched
	// for words saying the text is an interview.
	interviewCueParagraphs = 6
	// maxStatementQuestionWords is the longest remark without a question
	// mark that can stand for a question.
	maxStatementQuestionWords = 40
	// maxHeadingWords is the longest unpunctuated paragraph read as a
	// heading.
	maxHeadingWords = 10
)

var (
	// interviewCueRe finds words saying the text is an interview.
	interviewCueRe = regexp.MustCompile(`(?i)\b(interview(?:s|ed)?|Q\s?&\s?A|q and a|spoke (?:to|with)|talk(?:s|ed)? (?:to|with)|sat down with|tells?|told)\b`)
	// titleWithRe finds the interviewee named at the end of a headline:
	// "Talking Trains with Ada Byrne", "Q&A with Dr. Ada Byrne".
	titleWithRe = regexp.MustCompile(`\bwith\s+((?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})\s*$`)
	// interviewedByRe finds a passive headline or lead: the interviewee
	// first, the interviewer after "interviewed by" ("Mara Quist, founder
	// of a seed library, interviewed by the Valley Courier").
	interviewedByRe = regexp.MustCompile(`^([^.;:!?()]{2,120}?),?\s+(?:is\s+|was\s+)?interviewed\s+by\s+(?:the\s+)?([^,.;:!?()]{2,80})`)
	// interviewWithRe finds who an interview is with: "an interview with
	// (the) X", "spoke with X", "sat down with X".
	interviewWithRe = regexp.MustCompile(`(?i:interview(?:ed)?\s+with|interviewed|spoke\s+(?:to|with)|talked\s+(?:to|with)|sat\s+down\s+with|speaks\s+(?:to|with)|talks\s+(?:to|with))\s+(the\s+)?([^,.;:!?()]{2,80})`)
	// tellsOutletRe finds "X tells/told Outlet" in a headline or lead.
	tellsOutletRe = regexp.MustCompile(`([\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3})\s+(?:tells|told|speaks\s+to|talks\s+to|talks\s+with)\s+([\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,3})`)
	// saysAfterRe finds the speaker named right after an outlet: ", Lei
	// Jun says".
	saysAfterRe = regexp.MustCompile(`^[^,]*,\s+([\p{Lu}][\p{L}'’-]*(?:\s+[\p{Lu}][\p{L}'’-]*){0,3})\s+(?:says|said|told|tells|notes|noted|explains|explained)\b`)
)

// indirectQuestionRe finds an interviewer asking without a question mark:
// "I'd like to know how you ...", "I wonder whether you ...".
var indirectQuestionRe = regexp.MustCompile(`(?i)\b(?:want(?:ed)? to (?:know|ask)|wonder(?:ed|ing)?|(?:like|love) to (?:know|ask|hear)|curious (?:about|whether|if|to))\b`)

// inferInterview finds the turns of an interview whose questions carry no
// speaker label: paragraphs that end in a question (or in a request after
// a question) followed by prose answers. It runs only when the text reads
// as an interview: it says so near the top, or a labelled answer follows a
// question, or it asks at least two such questions. The interviewer's
// turns take the outlet's name when the text gives one. labelled are the
// labelled turns, whose answers stay as they are, and voices the speakers
// and labels they give the paragraphs; it returns every turn.
func inferInterview(d *Document, x *textIndex, labelled []Turn, voices []voice) []Turn {
	n := len(d.Paragraphs)
	if n < 2 {
		return labelled
	}
	s := scanInterview(d, x, voices)
	isQ := make([]bool, n)
	questions, answered := 0, false
	for i := 0; i < n-1; i++ {
		if !s.asks[i] {
			continue
		}
		// Captions and headings may stand between a question and its answer.
		j := s.prose[i+1]
		if j < n && s.answers(j) {
			isQ[i] = true
			questions++
			if voices[j].speaker != "" {
				answered = true
			}
		}
	}
	// A question may run over several paragraphs: join an unanswered
	// question paragraph to the question after it.
	for i := n - 2; i >= 0; i-- {
		if !isQ[i] && isQ[i+1] && s.asks[i] && voices[i].speaker == "" {
			isQ[i] = true
		}
	}
	if questions == 0 || (questions < 2 && !answered && !hasInterviewCue(d, x)) {
		return labelled
	}
	// In an interview, the interviewer may also put a statement to the
	// interviewee ("You have kept bees for forty years."), and where the
	// questions are set apart in bold or as headings, any sentence so set
	// is the interviewer's ("Parents must worry about the risks.").
	bold, headed := 0, 0
	for i, q := range isQ {
		if q && d.Paragraphs[i].Bold {
			bold++
		} else if q && d.Paragraphs[i].Heading {
			headed++
		}
	}
	for i := 1; i < n-1; i++ {
		if j := s.prose[i+1]; isQ[i] || isQ[i-1] || isQ[i+1] || j >= n || !s.answers(j) {
			continue
		}
		p, reply := d.Paragraphs[i], d.Paragraphs[i+1].Text
		set := p.Bold && bold >= 2 || p.Heading && headed >= 2
		if set && isSentence(p.Text) || s.isStatementQuestion(i) && (countWords(reply) > countWords(p.Text) || opensWithAnswer(reply)) {
			isQ[i] = true
		}
	}
	// nextQ[i] is the first question at or after paragraph i, or n.
	nextQ := make([]int, n+1)
	nextQ[n] = n
	for i := n - 1; i >= 0; i-- {
		nextQ[i] = nextQ[i+1]
		if isQ[i] {
			nextQ[i] = i
		}
	}
	first := slices.Index(isQ, true)
	asker, answerer := interviewParties(d, x, labelled, first)
	var turns []Turn
	next := 0 // the first labelled turn not yet behind i
	labelledAt := func(i int) bool {
		for next < len(labelled) && labelled[next].End <= i {
			next++
		}
		return next < len(labelled) && labelled[next].Start == i
	}
	for i := 0; i < n; {
		switch {
		case isQ[i]:
			j := i + 1
			for j < n && isQ[j] {
				j++
			}
			turns = append(turns, Turn{Speaker: asker, Name: asker, Role: RoleQuestion, Start: i, End: j})
			i = j
		case labelledAt(i):
			t := labelled[next]
			turns = append(turns, Turn{Speaker: t.Speaker, Name: t.Name, Role: RoleAnswer, Start: i, End: t.End})
			i = t.End
		case len(turns) > 0 && turns[len(turns)-1].End == i:
			// The answer goes on over prose, and over captions and headings
			// with more prose after them, up to the next question.
			j := min(s.prose[i], nextQ[i])
			if j >= n || isQ[j] || labelledAt(j) {
				i = j
				continue
			}
			switch last := &turns[len(turns)-1]; {
			case last.Role == RoleQuestion:
				turns = append(turns, Turn{Speaker: answerer, Name: answerer, Role: RoleAnswer, Start: i, End: j + 1})
			case last.Role == RoleRemark && last.Speaker == asker:
				// The interviewee takes up the aside, and goes on up to
				// the next question: neither answers it.
				turns = append(turns, Turn{Speaker: answerer, Name: answerer, Role: RoleRemark, Start: i, End: j + 1})
			case last.Role == RoleAnswer && s.isAside(j):
				turns = append(turns, Turn{Speaker: asker, Name: asker, Role: RoleRemark, Start: i, End: j + 1})
			default:
				last.End = j + 1
			}
			i = j + 1
		default:
			i++
		}
	}
	return turns
}

// interviewScan is what inferInterview asks of every paragraph, worked
// out once: whether it reads as a question, and where the next paragraph
// of prose is. A run of headings and captions is then walked once, not
// once for every question before it ("## Why?" after "## Why?" ...).
type interviewScan struct {
	d      *Document
	x      *textIndex
	voices []voice
	// asks[i] reports whether paragraph i reads as an interviewer's
	// question (see isQuestionParagraph).
	asks []bool
	// prose[i] is the first paragraph at or after i that reads as prose
	// rather than a heading, caption or closing line, or
	// len(d.Paragraphs).
	prose []int
}

// scanInterview reads every paragraph once for inferInterview.
func scanInterview(d *Document, x *textIndex, voices []voice) *interviewScan {
	n := len(d.Paragraphs)
	s := &interviewScan{d: d, x: x, voices: voices, asks: make([]bool, n), prose: make([]int, n+1)}
	s.prose[n] = n
	for i := n - 1; i >= 0; i-- {
		s.asks[i] = s.isQuestionParagraph(i)
		s.prose[i] = i
		if !continuesAnswer(d.Paragraphs[i]) || isPullQuote(d.Paragraphs, i) || i == n-1 && isEndNote(d.Paragraphs[i].Text) {
			s.prose[i] = s.prose[i+1]
		}
	}
	x.work += n
	return s
}

// continuesAnswer reports whether a paragraph can belong to an answer: it
// is prose, not a heading, a caption, a writer's note or a closing line.
func continuesAnswer(p Paragraph) bool {
	return !p.Heading && !isEndLine(p.Text) && !isCaption(p.Text) && !isWritersNote(p.Text)
}

// maxCaptionWords is the longest line without a sentence's end that reads
// as a caption or an image's description rather than prose.
const maxCaptionWords = 25

// writersNoteRe matches the opening of a note the writer or editor adds to
// an interview, or of a picture's credit: "Editor's note:", "This
// interview has been edited", "Photo: ...", "Image credit: ...".
var writersNoteRe = regexp.MustCompile(`^(?i:(?:photo|image|picture|illustration|credit|caption|source)s?(?:\s+credits?)?\s*:|editor[’']?s'?\s+note|note\s*:|correction\s*:|update\s*:|(?:this|the)\s+(?:interview|conversation|transcript|q\s?&\s?a)\s+(?:has\s+been|was|have\s+been)\s+(?:lightly\s+)?(?:edited|condensed))`)

// writersNoteOpeners are the words, in lower case, with which a match of
// writersNoteRe begins, up to the first byte that is no ASCII letter;
// writersNoteSubjects those that follow "this" or "the" in one.
var (
	writersNoteOpeners = map[string]bool{
		"photo": true, "photos": true, "image": true, "images": true, "picture": true, "pictures": true,
		"illustration": true, "illustrations": true, "credit": true, "credits": true, "caption": true,
		"captions": true, "source": true, "sources": true, "editor": true, "editors": true, "note": true,
		"correction": true, "update": true, "this": true, "the": true,
	}
	writersNoteSubjects = map[string]bool{"interview": true, "conversation": true, "transcript": true, "q": true}
)

// isWritersNote reports whether text is a note of the writer's or a
// picture's credit, not anyone's words in an interview. Only a text that
// may open as one (see mayOpenWritersNote) is read by the expression, as
// every paragraph of a long turn would be.
func isWritersNote(text string) bool {
	t := trimOpenLeft(text)
	return mayOpenWritersNote(t) && writersNoteRe.MatchString(t[:writersNoteEnd(t)])
}

// mayOpenWritersNote reports whether a match of writersNoteRe can begin t:
// its first run of ASCII letters is one of writersNoteOpeners, in any
// case, and after "this" or "the" and spaces as \s reads them, the next
// run is one of writersNoteSubjects ("The interview was edited", not
// "The market grew"). A run that a byte from 0x80 up ends may still
// begin one, as that byte may fold to a letter ("ſ" for "s") or be a
// curly apostrophe ("Editor’s"); any other run is a word that no match
// has there, whatever follows.
func mayOpenWritersNote(t string) bool {
	var buf [16]byte
	w, end, open := asciiWordAt(t, 0, &buf)
	switch {
	case open:
		return true
	case !writersNoteOpeners[string(w)]:
		return false
	case string(w) != "this" && string(w) != "the":
		return true
	}
	next := end
	for next < len(t) && strings.IndexByte(" \t\n\f\r", t[next]) >= 0 {
		next++
	}
	if next == end {
		return false
	}
	w, _, open = asciiWordAt(t, next, &buf)
	return open || writersNoteSubjects[string(w)]
}

// asciiWordAt returns the run of ASCII letters of t from i, in lower case
// in buf (none when longer than buf), and where it ends; open reports
// that a byte from 0x80 up ends it.
func asciiWordAt(t string, i int, buf *[16]byte) (w []byte, end int, open bool) {
	j := i
	for ; j < len(t) && isASCIILetter(t[j]); j++ {
		if j-i < len(buf) {
			buf[j-i] = t[j] | 0x20
		}
	}
	open = j < len(t) && t[j] >= utf8.RuneSelf
	if j-i > len(buf) {
		return nil, j, open
	}
	return buf[:j-i], j, open
}

// writersNoteEnd returns where a match of writersNoteRe at the start of t
// must end by: at its first ASCII byte that is no letter, space (as \s
// reads one), apostrophe, colon or ampersand, which the expression never
// matches. A byte from 0x80 up may be a curly apostrophe or fold to a
// letter ("ſ"). The expression asks nothing of the text after its match,
// so it matches t exactly when it matches t up to there; and a paragraph
// of a long turn is read only up to its first full stop or comma.
func writersNoteEnd(t string) int {
	for i := 0; i < len(t); i++ {
		if c := t[i]; c < utf8.RuneSelf && (c|0x20 < 'a' || c|0x20 > 'z') && strings.IndexByte(" \t\n\f\r':&", c) < 0 {
			return i
		}
	}
	return len(t)
}

// isCaption reports whether text reads as a heading or a picture's caption:
// a line of a few words that ends no sentence, and if more than a
// heading's, describes rather than speaks ("A keeper lifts a frame of
// comb from the hive").
func isCaption(text string) bool {
	if isHeadingLine(text, maxHeadingWords) {
		return true
	}
	t := trimCloseRight(text)
	last, _ := utf8.DecodeLastRuneInString(t)
	return t != "" && !strings.ContainsRune(".!?…:;\"”’»)", last) && countWords(t) <= maxCaptionWords && !inVoice(t)
}

// minEndNoteWords is the fewest words of a note that closes an interview.
const minEndNoteWords = 8

// isEndNote reports whether the paragraph that ends a document is the
// writer's note rather than the last of an answer: it does not speak in a
// person's voice, and it names someone or something ("The book is
// published by Harbour Press.").
func isEndNote(text string) bool {
	if inVoice(text) || countWords(text) < minEndNoteWords {
		return false
	}
	fields := strings.Fields(text)
	for k := 1; k < len(fields); k++ {
		prev := trimCloseRight(fields[k-1])
		opens := strings.HasSuffix(prev, ".") || strings.HasSuffix(prev, "!") || strings.HasSuffix(prev, "?")
		if !opens && isCapitalized(strings.TrimLeft(fields[k], openers)) {
			return true // a name inside a sentence, not the word that opens one ("Then keep turning up.")
		}
	}
	return false
}

// pullQuoteWindow is how many paragraphs either side a pull quote is
// looked for in: a magazine repeats a line of an answer close to it.
const pullQuoteWindow = 8

// isPullQuote reports whether paragraph i is a pull quote: set apart as a
// block quote, it repeats words of a paragraph near it.
func isPullQuote(paras []Paragraph, i int) bool {
	p := paras[i]
	if !p.Quoted {
		return false
	}
	inner := trimCloseRight(trimOpenLeft(p.Text))
	if countWords(inner) < 4 {
		return false
	}
	for k := max(0, i-pullQuoteWindow); k < min(len(paras), i+pullQuoteWindow+1); k++ {
		if k != i && strings.Contains(paras[k].Text, inner) {
			return true
		}
	}
	return false
}

// answers reports whether paragraph i can answer the question before it:
// prose that is not itself a question.
func (s *interviewScan) answers(i int) bool {
	if speaker := s.voices[i].speaker; speaker != "" {
		return !isInterviewerLabel(speaker)
	}
	return s.prose[i] == i && !s.asks[i]
}

// isQuestionParagraph reports whether paragraph i reads as an interviewer's
// question: a heading or bold paragraph that asks one, or an unlabelled
// paragraph whose last sentence asks a question (or is a request following
// a question) and that addresses the interviewee or is short.
func (s *interviewScan) isQuestionParagraph(i int) bool {
	p, v := s.d.Paragraphs[i], s.voices[i]
	lx := words()
	if p.Heading || p.Bold {
		// Interviews set their questions, and requests, in bold or as
		// headings.
		return v.speaker == "" && (endsWithQuestion(p.Text) || isRequest(p.Text))
	}
	if v.speaker != "" && !isInterviewerLabel(v.speaker) {
		return false
	}
	text := p.Text[v.body:]
	if continuesSpeech(text) {
		return false // "-- and he's in the end ..." goes on someone's words
	}
	s.x.work += len(text)
	// Narration before the question does not count towards its length.
	words := countWords(text[questionOffset(p, v.body, s.x)-v.body:])
	if words > maxQuestionWords {
		return false
	}
	var buf [16]Span
	ss := appendSentences(buf[:0], text)
	if len(ss) == 0 {
		return false
	}
	last := text[ss[len(ss)-1].Start:ss[len(ss)-1].End]
	addressed := lx.secondPerson.inText(text)
	if endsWithQuestion(last) {
		return addressed || words <= maxPlainQuestionWords
	}
	// Set apart as a paragraph of its own, a question that the answer
	// breaks off or that trails off is still asked: "Could you show us,
	// just the one that you --", "... in the old archive? Although the
	// records …". (In a labelled transcript, such a turn shows only an
	// interruption.)
	if w, _ := firstWord(last); addressed && lx.questionOpeners.has(w) && isBrokenOff(last) {
		return true
	}
	if len(ss) >= 2 && isInterrupted(last) && endsWithQuestion(text[ss[len(ss)-2].Start:ss[len(ss)-2].End]) {
		return true
	}
	// A request after a question: "... this year? Describe your first
	// day in three words."
	if len(ss) < 2 || !addressed || !isRequest(last) {
		return false
	}
	for _, s := range ss[:len(ss)-1] {
		if endsWithQuestion(text[s.Start:s.End]) {
			return true
		}
	}
	return false
}

// isStatementQuestion reports whether paragraph i is a short remark put to
// the interviewee, which addresses "you" and says nothing of "I", or a
// short request for an account ("Tell me about the first winter.").
func (s *interviewScan) isStatementQuestion(i int) bool {
	p := s.d.Paragraphs[i]
	if s.voices[i].speaker != "" || p.Heading || isHeadingLine(p.Text, maxHeadingWords) {
		return false
	}
	s.x.work += len(p.Text)
	if isStatementQuestion(p.Text) {
		return true
	}
	var buf [8]Span
	ss := appendSentences(buf[:0], p.Text)
	return len(ss) > 0 && countWords(p.Text) <= maxStatementQuestionWords && isRequest(p.Text[ss[len(ss)-1].Start:ss[len(ss)-1].End])
}

// maxAsideWords is the longest paragraph that reads as the interviewer's
// aside within an answer.
const maxAsideWords = 30

// isAside reports whether unlabelled paragraph i, amid an answer, is the
// interviewer's aside rather than more of the answer: a short remark that
// asks nothing, after which the interviewee takes it up ("Well, there you
// are.") or agrees ("Yes, ...").
func (s *interviewScan) isAside(i int) bool {
	if s.voices[i].speaker != "" || s.asks[i] || countWords(s.d.Paragraphs[i].Text) > maxAsideWords {
		return false
	}
	j := s.prose[i+1]
	if j >= len(s.d.Paragraphs) || s.asks[j] || s.voices[j].speaker != "" {
		return false
	}
	reply := s.d.Paragraphs[j].Text
	w, _ := firstWord(reply)
	return words().replyOpeners.has(w) || opensWithAnswer(reply)
}

// isBrokenOff reports whether a sentence breaks off with a dash or an
// ellipsis.
func isBrokenOff(s string) bool {
	s = strings.TrimRightFunc(s, IsSpace)
	return isInterrupted(s) || strings.HasSuffix(s, "--") || strings.HasSuffix(s, "—")
}

// continuesSpeech reports whether text opens with a dash or an ellipsis
// that picks up a broken-off sentence.
func continuesSpeech(text string) bool {
	return strings.HasPrefix(text, "--") || strings.HasPrefix(text, "—") || strings.HasPrefix(text, "…") || strings.HasPrefix(text, "...")
}

// isInterrupted reports whether a sentence breaks off with an ellipsis.
func isInterrupted(s string) bool {
	s = strings.TrimRightFunc(s, IsSpace)
	return strings.HasSuffix(s, "…") || strings.HasSuffix(s, "...")
}

// hasInterviewCue reports whether the title or the first paragraphs say
// the text is an interview.
func hasInterviewCue(d *Document, x *textIndex) bool {
	if interviewCueRe.MatchString(d.Title) {
		return true
	}
	for i := 0; i < len(d.Paragraphs) && i < interviewCueParagraphs; i++ {
		x.work += len(d.Paragraphs[i].Text)
		if interviewCueRe.MatchString(d.Paragraphs[i].Text) {
			return true
		}
	}
	return false
}

// interviewParties names the interviewer and the interviewee of an
// interview whose questions start at paragraph first. The interviewee is
// the speaker of a labelled answer (among the labelled turns), or the one
// the opening names (see findCast), or "Interviewee"; the interviewer is
// the one the opening names, or the outlet the interview was given to, or
// "Interviewer".
func interviewParties(d *Document, x *textIndex, labelled []Turn, first int) (asker, answerer string) {
	for _, t := range labelled {
		if t.Role != RoleQuestion && t.Speaker != "" && !words().answerLabels.has(t.Speaker) {
			answerer = t.Name
			break
		}
	}
	inTurn := make([]bool, len(d.Paragraphs))
	for i := max(first, 0); i < len(inTurn); i++ {
		inTurn[i] = true
	}
	intro := introNames(d, x, inTurn)
	c := findCast(d, x, inTurn, intro)
	named, _ := namedParties(d, x)
	return cmp.Or(c.asker, c.lead, named, "Interviewer"), cmp.Or(answerer, c.answerer, "Interviewee")
}

// namedParties returns whom the headline or the opening paragraphs say an
// interview was given to (an outlet or a person) and whom it is with, each
// "" when they do not say. It reads them once a document.
func namedParties(d *Document, x *textIndex) (asker, answerer string) {
	if x.parties == nil {
		a, b := readParties(d, x)
		x.parties = &[2]string{a, b}
	}
	return x.parties[0], x.parties[1]
}

// readParties works out namedParties.
func readParties(d *Document, x *textIndex) (asker, answerer string) {
	texts := []string{d.Title}
	for i := 0; i < len(d.Paragraphs) && i < interviewCueParagraphs; i++ {
		texts = append(texts, d.Paragraphs[i].Text)
	}
	for _, t := range texts {
		x.work += len(t)
		if m := interviewedByRe.FindStringSubmatch(t); m != nil {
			subject, _, _ := strings.Cut(m[1], ",")
			if name := lastNameRun(subject); name != "" && answerer == "" {
				answerer = nameAsWritten(d, x, name)
			}
			if name := lastNameRun(m[2]); name != "" {
				asker = name
			}
			break
		}
		if m := interviewWithRe.FindStringSubmatchIndex(t); m != nil {
			name := lastNameRun(t[m[4]:m[5]])
			if m[2] >= 0 { // "with the Qianjiang Evening News": an outlet
				if name != "" {
					asker = name
				}
				if s := saysAfterRe.FindStringSubmatch(t[m[4]:]); s != nil && answerer == "" {
					answerer = s[1]
				}
			} else if answerer == "" && name != "" {
				answerer = nameAsWritten(d, x, name)
			}
			break
		}
		if m := tellsOutletRe.FindStringSubmatch(t); m != nil {
			if answerer == "" {
				answerer = nameAsWritten(d, x, lastNameRun(m[1]))
			}
			asker = m[2]
			break
		}
	}
	if m := titleWithRe.FindStringSubmatch(d.Title); m != nil && answerer == "" {
		answerer = m[1] // "A Conversation with Ada Byrne"
	}
	return asker, answerer
}

// nameAsWritten drops leading words of a name from a headline
// ("Biologist Nick Bos") down to the longest form the body text uses
// ("Nick Bos"), keeping at least two words.
func nameAsWritten(d *Document, x *textIndex, name string) string {
	fields := strings.Fields(name)
	for k := 0; k+2 <= len(fields); k++ {
		cand := strings.Join(fields[k:], " ")
		for _, p := range d.Paragraphs {
			x.work += len(p.Text)
			if strings.Contains(p.Text, cand) {
				return cand
			}
		}
	}
	return name
}

// lastNameRun returns the last run of capitalised words in s (at most
// four), skipping sentence-start stop words: "Swedish glassblower and
// teacher Linnea Sjöberg" gives "Linnea Sjöberg".
func lastNameRun(s string) string {
	fields := strings.Fields(s)
	end := len(fields)
	for end > 0 && !isNameWord(fields[end-1]) {
		end--
	}
	start := end
	for start > 0 && end-start < 4 && isNameWord(fields[start-1]) {
		start--
	}
	return strings.Join(fields[start:end], " ")
}
