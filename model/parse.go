package model

import (
	"errors"
	"fmt"
	"runtime/debug"
)

// ErrEmpty is returned for input with no readable text.
var ErrEmpty = errors.New("no text to read")

// Parse reads an article and extracts its structure: Read, then Extract.
func Parse(in Input) (*Document, error) {
	d, err := Read(in)
	if err != nil {
		return nil, err
	}
	d.Extraction = Extract(d)
	return d, nil
}

// Extracted reports whether the document carries an extraction.
func (d *Document) Extracted() bool { return d.done }

// WithExtraction returns a copy of d that carries x. d itself, which a
// reader may be showing, does not change; the copy shares its paragraphs.
func (d *Document) WithExtraction(x Extraction) *Document {
	c := *d
	c.Extraction = x
	return &c
}

// Extract finds the document's structure. It reads d and changes nothing
// in it, so it can run while d is shown. Each step takes what it needs and
// returns what it finds:
//
//  1. the text index: every paragraph's sentences and words;
//  2. labels: the speaker labels the document uses (findLabels);
//  3. turns: labelled turns and their roles, or an unlabelled
//     interview's questions and answers (findTurns), and so every
//     paragraph's speaker and label (voicesOf);
//  4. exchanges: each question paired with its answer (pairExchanges);
//  5. sections: headings, or topic shifts and the first question
//     (findSections);
//  6. quotes: answers, quotations and reported speech (findQuotes),
//     found while step 5 runs;
//  7. entities: people, organisations, places and topics, scanned
//     once the labels are known, while steps 3 to 6 run (scanEntities),
//     and finished with the turns' and quotes' speakers (finish).
func Extract(d *Document) Extraction { return extract(d, nil, nil) }

// extract is Extract, telling of the parts of the extraction as soon as
// each is complete, in the order the JSON holds them, on the caller's
// goroutine while the rest is still being found: opened, when not nil,
// is given the sections, turns, exchanges and annotations; quoted, when
// not nil, those and the quotes. The entities come last, in what extract
// returns.
func extract(d *Document, opened, quoted func(Extraction)) Extraction {
	x := newIndex(d.Paragraphs)
	labels := findLabels(d, x)
	// The entities' scan needs only where each paragraph's words begin
	// after its label: it runs on a branch of the index of its own from
	// here, beside the turns, sections and quotes, and the entities, which
	// take the turns and quotes, are finished once all are done.
	scanned := x.branch()
	var scan *entityScanner
	waitScan := inBackground(func() {
		scan = scanEntities(d, scanned, voicesOf(len(d.Paragraphs), nil, labels))
	})
	turns, stage := findTurns(d, x, labels)
	voices := voicesOf(len(d.Paragraphs), turns, labels)
	exchanges := pairExchanges(d, x, turns, stage, voices)
	// Sections and quotes do not depend on each other: each runs on a
	// branch of the index of its own.
	var (
		sections  []Section
		sectionOf []int
		quotes    []Quote
	)
	branch := x.branch()
	waitSections := inBackground(func() {
		sections, sectionOf = findSections(d, branch, exchanges, voices)
	})
	cited := x.branch()
	waitQuotes := inBackground(func() { quotes = findQuotes(d, cited, turns, voices) })
	waitSections()
	notes := make([]Annotation, len(d.Paragraphs))
	for i := range notes {
		notes[i] = Annotation{Section: sectionOf[i], Speaker: voices[i].speaker, Body: voices[i].body}
	}
	part := Extraction{Sections: sections, Turns: turns, Exchanges: exchanges, Annotations: notes}
	if opened != nil {
		opened(part)
	}
	waitQuotes()
	part.Quotes = quotes
	var entities []Entity
	waitEntities := inBackground(func() {
		waitScan()
		entities = scan.finish(turns, quotes)
	})
	if quoted != nil {
		quoted(part)
	}
	waitEntities()
	part.Entities = entities
	for _, b := range []*textIndex{branch, cited, scanned} {
		x.merge(b)
	}
	part.done, part.work = true, x.work
	return part
}

// inBackground runs f on a goroutine of its own and returns wait, which
// blocks until f is done. A panic of f is raised again by wait, on the
// caller's goroutine, as a *Relayed holding the stack f panicked on,
// where the caller's recover (the reader's, the command line's) sees it
// as if f had run there.
func inBackground(f func()) (wait func()) {
	done := make(chan struct{})
	var failure any
	go func() {
		defer close(done)
		defer func() {
			if r := recover(); r != nil {
				failure = relay(r)
			}
		}()
		f()
	}()
	return func() {
		<-done
		if failure != nil {
			panic(failure)
		}
	}
}

// Relayed is a panic of work done on a goroutine of its own, raised again
// on the goroutine that waits for the work (see inBackground), with the
// stack it was first raised on, which a crash report needs: the stack of
// the second raising only shows the waiting.
type Relayed struct {
	Value any
	Stack []byte
}

// String is the panic's own value as fmt writes it, so that the relayed
// panic reads as the first one did.
func (r *Relayed) String() string { return fmt.Sprint(r.Value) }

// relay makes r, a value just recovered, a *Relayed with the stack of the
// panic being recovered. A panic relayed already keeps its first stack.
func relay(r any) *Relayed {
	if rel, ok := r.(*Relayed); ok {
		return rel
	}
	return &Relayed{Value: r, Stack: debug.Stack()}
}
