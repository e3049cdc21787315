// Package model is what an article is: the Document with its paragraphs,
// sections, speaker turns, question-and-answer exchanges, quotes and entities,
// and the pipeline that builds it from raw bytes (decode, sanitize, read,
// clean, extract). It never imports a UI library.
package model

import (
	"iter"
	"strings"
)

// Document is one article, parsed and annotated. Every position in it is a
// paragraph index, plus byte offsets into that paragraph's Text where a finer
// position is needed, so the reader can map any item back to the text.
type Document struct {
	// Name is where the document came from: a file name, a URL or "-",
	// made safe to show (see DisplayName).
	Name string
	// Title is the article's headline, or "" when it has none.
	Title string
	// Byline names the author(s), when known.
	Byline string
	// Source names the publication, when known.
	Source string
	// Date is the publication date as written, when known.
	Date string
	// Format is the reader that read the document.
	Format Format
	// Words is how many words the paragraphs hold.
	Words int

	// Paragraphs hold the body text in reading order, boilerplate removed,
	// as the reader found it. Nothing changes them after Read.
	Paragraphs []Paragraph
	// Removed lists the boilerplate taken out of the text, in source order.
	Removed []Removed

	// Extraction is what Extract found; it is empty until the document is
	// extracted (see Extracted).
	Extraction

	// partial records that the document holds only the head of its
	// input (see ReadHead).
	partial bool
}

// Extraction is the structure Extract finds in a document. Every position
// in it is a paragraph index of the document, plus byte offsets into that
// paragraph's Text.
type Extraction struct {
	// Sections split the paragraphs into consecutive, titled ranges.
	Sections []Section
	// Turns are the speaker turns of an interview or transcript.
	Turns []Turn
	// Exchanges pair each interviewer question with its answer.
	Exchanges []Exchange
	// Quotes are direct, reported and interview-answer quotes in text order.
	Quotes []Quote
	// Entities are the people, companies, organisations, places and topics
	// the article mentions, most-mentioned first within each kind.
	Entities []Entity
	// Annotations hold what extraction found about each paragraph, one
	// for each (see Document.Annotation).
	Annotations []Annotation

	// done records that Extract made this extraction.
	done bool
	// work counts the steps extraction took: the words, bytes and
	// paragraphs its loops went over, more than once where they went
	// back. Tests read it to check that extraction stays linear in the
	// text; loops bounded by a constant (a window of a few words) count
	// once.
	work int
}

// Annotation is what extraction found about one paragraph.
type Annotation struct {
	// Section is the index of the section holding the paragraph.
	Section int
	// Speaker is who speaks the paragraph in an interview, or "".
	Speaker string
	// Body is the byte offset in the paragraph's Text where the words
	// after its speaker label ("Lei Jun:", "Q:") begin; 0 when the
	// paragraph has no label.
	Body int
}

// Annotation returns what extraction found about paragraph i: its section,
// speaker and label; the zero Annotation before extraction.
func (d *Document) Annotation(i int) Annotation {
	if i < 0 || i >= len(d.Annotations) {
		return Annotation{}
	}
	return d.Annotations[i]
}

// Paragraph is one block of body text and its layout in the source.
type Paragraph struct {
	// Text is the paragraph with hard line wraps joined, sanitized.
	Text string
	// Heading reports that the paragraph is a heading in the source.
	Heading bool
	// Bold reports that the whole paragraph is in bold in the source, as
	// interviews often set their questions.
	Bold bool
	// Quoted reports that the paragraph stands in a block quote.
	Quoted bool
	// Item is the marker of a list item ("-" for a bullet, "3." for an
	// ordered item), or "" when the paragraph is not in a list.
	Item string
	// Code reports that the paragraph is preformatted text or code, shown
	// with its line breaks kept.
	Code bool
	// Table reports that the paragraph is a table: each line of Text is a
	// row, the header row first, and a tab stands between the cells of a
	// row.
	Table bool
	// Links are the hyperlinks in Text, in order.
	Links []Link
	// Labels are the prefixes that read as speaker labels at the start of
	// the paragraph or of one of its lines, in order. Whether the
	// document uses them as labels is for extraction to decide.
	Labels []Label
}

// Label is a prefix that reads as a speaker label at the start of a line:
// "Q:", "MR. KIRBY:", "**Host:**", "[00:01:02] Ana:".
type Label struct {
	// Start is the byte offset in the paragraph's Text where the line and
	// the label begin, and Body where the words after the label and its
	// spaces begin.
	Start, Body int
	// Speaker is the name as written, without marks, time code or colon.
	Speaker string
	// Strong reports a label that stands out by its form: Q or A, a name
	// in capitals or in bold, or one after a time code. Others ("Holt:")
	// are labels where the document uses them as labels.
	Strong bool
	// Break reports that the line before the label's ended in a hard line
	// break; it is false at the start of a paragraph.
	Break bool
}

// Link is a hyperlink on the bytes [Start, End) of a paragraph's Text.
type Link struct {
	Start, End int
	URL        string
}

// wordsPerMinute is a common adult reading speed for non-fiction.
const wordsPerMinute = 230

// ReadingMinutes estimates how long the document takes to read, at least
// one minute.
func (d *Document) ReadingMinutes() int {
	return max((d.Words+wordsPerMinute-1)/wordsPerMinute, 1)
}

// Section is a titled run of paragraphs [Start, End).
type Section struct {
	// Title is the section's heading as written, or, when Derived, the
	// name lede gives it; "" when lede finds no name that fits.
	Title string
	// Derived reports that the source has no heading here: lede found
	// the section where the text's subject shifts and named it itself.
	// Its title serves navigation (contents, status line, the jumps
	// between sections); it is no heading of the article's text, so the
	// article and print never show it as one.
	Derived    bool
	Start, End int
}

// Role is what a speaker turn does in an interview.
type Role string

// The roles of a turn.
const (
	RoleQuestion Role = "question"
	RoleAnswer   Role = "answer"
	RoleRemark   Role = "remark"
)

// Turn is one speaker's uninterrupted run of paragraphs [Start, End).
type Turn struct {
	// Speaker is the speaker's label as written ("NB", "MS. OKORO", "Q"),
	// or the name given to an unlabelled interview's speaker.
	Speaker string
	// Name is the speaker's full name, as the text gives it ("Nadia
	// Berg"), or Speaker when the text gives none.
	Name       string
	Role       Role
	Start, End int
}

// Exchange is a question and its answer. The question occupies paragraphs
// [Start, QuestionEnd), beginning QuestionOffset bytes into paragraph Start
// (so a lead-in before the question can be left out); the answer occupies
// [AnswerStart, End). Between them stand any interjections: counsel's
// objection before the witness answers.
type Exchange struct {
	Asker, Answerer string
	// Answerers are all who answer, in the order they first do: a panel's
	// or a debate's several speakers; Answerer is the first of them.
	Answerers      []string
	Start          int
	QuestionOffset int
	QuestionEnd    int
	AnswerStart    int
	End            int
}

// QuoteKind tells how a quote was found.
type QuoteKind string

// The kinds of quote.
const (
	// QuoteDirect is speech inside quotation marks.
	QuoteDirect QuoteKind = "direct"
	// QuoteIndirect is reported speech, thought or decision without
	// quotation marks ("X says that ...", "X fears the dam could fail").
	QuoteIndirect QuoteKind = "indirect"
	// QuoteMixed is reported speech that holds a quotation ("X called the
	// plan "a disaster"", "X said it was "nearly ready"").
	QuoteMixed QuoteKind = "mixed"
	// QuoteTurn is an interviewee's answer in an interview.
	QuoteTurn QuoteKind = "turn"
)

// Quote is what the text attributes to a speaker. Start and End are byte
// offsets into Paragraphs[Paragraph].Text. Gaps are the ranges inside
// [Start, End) that are not part of it, in order: the cue that splits a
// quotation (""We are ready," she said, "and we will win."").
type Quote struct {
	Speaker    string
	Cue        string
	Kind       QuoteKind
	Paragraph  int
	Start, End int
	Gaps       []Span
}

// EntityKind is what an entity is.
type EntityKind string

// The kinds of entity, in the order the sidebar shows them.
const (
	KindPerson       EntityKind = "person"
	KindCompany      EntityKind = "company"
	KindOrganization EntityKind = "organization"
	KindPlace        EntityKind = "place"
	KindTopic        EntityKind = "topic"
)

// EntityKinds lists every kind in display order.
var EntityKinds = []EntityKind{KindPerson, KindCompany, KindOrganization, KindPlace, KindTopic}

// Entity is a named thing with every place the text mentions it.
type Entity struct {
	Name     string
	Kind     EntityKind
	Aliases  []string
	Mentions []Mention
}

// Mention is a byte range [Start, End) in Paragraphs[Paragraph].Text.
type Mention struct {
	Paragraph  int
	Start, End int
}

// Removed is a piece of boilerplate taken out of the article, and why.
type Removed struct {
	Text   string
	Reason string
}

// TurnText is the text of turn t without its speaker label, paragraphs
// separated by blank lines.
func (d *Document) TurnText(t Turn) string { return joined(d.turnPieces(t)) }

// Question is the text of the exchange's question.
func (d *Document) Question(e Exchange) string { return joined(d.questionPieces(e)) }

// Answer is the text of the exchange's answer, without a speaker label.
func (d *Document) Answer(e Exchange) string { return joined(d.answerPieces(e)) }

// QuoteText is the words of q, its parts joined by " … ".
func (d *Document) QuoteText(q Quote) string {
	if len(q.Gaps) == 0 {
		return d.Paragraphs[q.Paragraph].Text[q.Start:q.End]
	}
	return joined(d.quotePieces(q))
}

// noParagraph is the paragraph a text's pieces (turnPieces and the
// others) give a separator between two, which is no paragraph's text.
// Each other piece comes with the index of the paragraph whose Text it is
// a piece of, so that the pieces can be written out without being joined
// first, and what is known of a paragraph's text serves its pieces (see
// jsonObject.pieces).
const noParagraph = -1

// turnPieces yields the pieces of TurnText in order.
func (d *Document) turnPieces(t Turn) iter.Seq2[int, string] {
	return d.piecesFrom(t.Start, d.Annotation(t.Start).Body, t.End)
}

// questionPieces yields the pieces of Question in order.
func (d *Document) questionPieces(e Exchange) iter.Seq2[int, string] {
	return d.piecesFrom(e.Start, e.QuestionOffset, e.QuestionEnd)
}

// answerPieces yields the pieces of Answer in order.
func (d *Document) answerPieces(e Exchange) iter.Seq2[int, string] {
	if e.AnswerStart >= e.End {
		return func(func(int, string) bool) {}
	}
	return d.piecesFrom(e.AnswerStart, d.Annotation(e.AnswerStart).Body, e.End)
}

// quotePieces yields the pieces of QuoteText in order: its parts, with
// " … " between two once one has words.
func (d *Document) quotePieces(q Quote) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		text := d.Paragraphs[q.Paragraph].Text
		started := false
		for p := range q.Parts() {
			if started && !yield(noParagraph, " … ") {
				return
			}
			started = started || p.End > p.Start
			if !yield(q.Paragraph, text[p.Start:p.End]) {
				return
			}
		}
	}
}

// joined returns the pieces joined.
func joined(pieces iter.Seq2[int, string]) string {
	var b strings.Builder
	for _, p := range pieces {
		b.WriteString(p)
	}
	return b.String()
}

// Parts yields the ranges of q's paragraph that hold its words: [Start,
// End) without its gaps, in order.
func (q Quote) Parts() iter.Seq[Span] {
	return Parts(q.Start, q.End, q.Gaps)
}

// Parts yields the ranges of [start, end) outside gaps, which lie in it in
// order: the parts of a quote's words around the cue that splits them.
func Parts(start, end int, gaps []Span) iter.Seq[Span] {
	return func(yield func(Span) bool) {
		from := start
		for _, g := range gaps {
			if !yield(Span{from, g.Start}) {
				return
			}
			from = g.End
		}
		yield(Span{from, end})
	}
}

// piecesFrom yields the paragraphs [start, end) trimmed, skipping the
// first off bytes of the first one, with a blank line between two.
func (d *Document) piecesFrom(start, off, end int) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		for i := start; i < end; i++ {
			p := d.Paragraphs[i].Text
			if i == start {
				p = p[off:]
			} else if !yield(noParagraph, "\n\n") {
				return
			}
			if !yield(i, strings.TrimSpace(p)) {
				return
			}
		}
	}
}
