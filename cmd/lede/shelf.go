package main

import (
	"context"
	"fmt"

	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/library"
	"github.com/lede-tui/lede/ui"
)

// The shelf of "lede library": the library's documents, read again to be
// opened, and the search of their text behind its filter.

// librarySources are the library's documents docs on a shelf, each
// opened with its memory in mems.
func librarySources(ctx context.Context, lib *library.Library, in *inputs, docs []library.Document, mems *memories) []ui.Source {
	sources := make([]ui.Source, len(docs))
	for i, d := range docs {
		sources[i] = ui.Source{
			Name: d.Source,
			Load: func() (*model.Document, error) {
				_, doc, _, err := readKept(ctx, lib, in, d, model.Read)
				return doc, err
			},
			Open: func() (ui.Opened, error) {
				input, doc, kept, err := readKept(ctx, lib, in, d, model.ReadHead)
				switch {
				case err != nil:
					return ui.Opened{}, err
				case kept:
					return ui.Opened{Doc: doc, Memory: mems.openKept(d, doc)}, nil
				}
				return openedHead(input, doc, mems.open(input, d.Source, doc)), nil
			},
		}
	}
	return sources
}

// readKept reads the library's document d: a file as it is now, while it
// is there, with read (model.Read, or model.ReadHead for its head); a
// URL, standard input or a file gone from the text the library kept
// (kept is true), whole, titled as it was recorded.
func readKept(ctx context.Context, lib *library.Library, in *inputs, d library.Document, read func(model.Input) (*model.Document, error)) (input model.Input, doc *model.Document, kept bool, err error) {
	if !isURL(d.Source) && d.Source != library.Stdin {
		if input, err := in.read(ctx, d.Source); err == nil {
			doc, err := read(input)
			return input, doc, false, withHint(err)
		}
	}
	doc, err = keptDocument(lib, d)
	return model.Input{}, doc, true, err
}

// keptDocument reads d from the text the library kept, as plain text,
// with the title, byline, source and date it was recorded with.
func keptDocument(lib *library.Library, d library.Document) (*model.Document, error) {
	text, err := lib.Text(d.ID)
	if err != nil {
		return nil, err
	}
	doc, err := model.Read(model.Input{Name: d.Source, Data: []byte(text), Format: model.FormatText})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.Source, err)
	}
	doc.Title, doc.Byline, doc.Source, doc.Date = d.Title, d.Byline, d.SourceName, d.Date
	return doc, nil
}

// librarySearch is the text search of the shelf of the library's
// documents docs: the library's matches, best first, each at the place in
// the text kept that its snippet shows. A document matched by its title
// alone is left to the shelf's filter of titles.
func librarySearch(lib *library.Library, docs []library.Document) ui.TextSearch {
	index := make(map[int64]int, len(docs))
	for i, d := range docs {
		index[d.ID] = i
	}
	return func(query string) ([]ui.TextMatch, error) {
		hits, err := lib.Search(query, searchLimit)
		if err != nil {
			return nil, err
		}
		var matches []ui.TextMatch
		for _, h := range hits {
			if i, shelved := index[h.ID]; shelved && h.InText {
				at := model.Mention{Paragraph: h.Paragraph, Start: h.Start, End: h.End}
				matches = append(matches, ui.TextMatch{Source: i, Snippet: h.Snippet, At: at})
			}
		}
		return matches, nil
	}
}
