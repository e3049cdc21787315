package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/lede-tui/lede/model"
	"github.com/lede-tui/lede/model/library"
)

// exportFormats are the values of export's --format.
var exportFormats = []string{"md", "json", "csv"}

// exported is one document as "lede export" writes it: its citation and
// what to quote from it.
type exported struct {
	ID     int64  `json:"id"`
	Title  string `json:"title"`
	Byline string `json:"byline,omitempty"`
	// Source is the publication; URL the address it was opened at, Path
	// the file.
	Source string `json:"source,omitempty"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
	Path   string `json:"path,omitempty"`
	Items  []item `json:"items"`
}

// item is a highlight, quote or Q&A exchange of an exported document,
// with its place: the paragraph's number, from 1.
type item struct {
	Kind      string `json:"kind"`
	Speaker   string `json:"speaker,omitempty"`
	Question  string `json:"question,omitempty"`
	Asker     string `json:"asker,omitempty"`
	Text      string `json:"text"`
	Note      string `json:"note,omitempty"`
	Paragraph int    `json:"paragraph"`
}

// runExport is "lede export": the documents named, or every one, with
// their highlights and notes, quotes and Q&A exchanges, cited.
func (c *command) runExport(ctx context.Context, docs []string) error {
	if !slices.Contains(exportFormats, c.exportFormat) {
		return usageError{fmt.Sprintf("unknown export format %q: md, json or csv", c.exportFormat)}
	}
	lib, ok, err := libraryFile()
	if err != nil {
		return err
	}
	var chosen []library.Document
	if ok {
		defer lib.Close()
		if len(docs) == 0 {
			if chosen, err = lib.List(); err != nil {
				return err
			}
		}
		for _, name := range docs {
			d, err := findDocument(lib, name)
			if err != nil {
				return err
			}
			chosen = append(chosen, d)
		}
	} else if len(docs) > 0 {
		return fmt.Errorf("%s: %w", docs[0], library.ErrNotFound)
	}
	var out []exported
	for _, d := range chosen {
		e, err := exportDocument(ctx, lib, d)
		if err != nil {
			return err
		}
		out = append(out, e)
	}
	switch c.exportFormat {
	case "json":
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if out == nil {
			out = []exported{}
		}
		return enc.Encode(out)
	case "csv":
		return writeCSV(c.stdout, out)
	}
	return writeMarkdown(c.stdout, out)
}

// exportDocument reads d again, from its file when it is still there,
// else from the text the library kept, extracts it and collects what to
// export.
func exportDocument(ctx context.Context, lib *library.Library, d library.Document) (exported, error) {
	e := exported{ID: d.ID, Title: d.Title, Byline: d.Byline, Source: d.SourceName, Date: d.Date}
	switch {
	case isURL(d.Source):
		e.URL = d.Source
	case d.Source != library.Stdin:
		e.Path = d.Source
	}
	var doc *model.Document
	if e.Path != "" {
		if data, err := os.ReadFile(e.Path); err == nil {
			doc, _ = model.Parse(model.Input{Name: e.Path, Data: data})
		}
	}
	if doc == nil {
		text, err := lib.Text(d.ID)
		if err != nil {
			return e, err
		}
		if doc, err = model.Parse(model.Input{Name: d.Source, Data: []byte(text), Format: model.FormatText}); err != nil {
			return e, err
		}
	}
	if err := ctx.Err(); err != nil {
		return e, err
	}
	paragraphs := make([]string, len(doc.Paragraphs))
	for i, p := range doc.Paragraphs {
		paragraphs[i] = p.Text
	}
	highlights, err := lib.Highlights(d.ID)
	if err != nil {
		return e, err
	}
	for _, h := range highlights {
		p, _, _ := h.At.Resolve(paragraphs)
		e.Items = append(e.Items, item{Kind: "highlight", Text: h.Text, Note: h.Note, Paragraph: p + 1})
	}
	for _, x := range doc.Exchanges {
		e.Items = append(e.Items, item{Kind: "exchange", Asker: x.Asker, Speaker: x.Answerer,
			Question: oneLine(doc.Question(x)), Text: oneLine(doc.Answer(x)), Paragraph: x.Start + 1})
	}
	for _, q := range doc.Quotes {
		e.Items = append(e.Items, item{Kind: "quote", Speaker: q.Speaker, Text: oneLine(doc.QuoteText(q)), Paragraph: q.Paragraph + 1})
	}
	return e, nil
}

// oneLine joins text's lines and spaces into single spaces.
func oneLine(text string) string { return strings.Join(strings.Fields(text), " ") }

// citation is the document's citation: title, byline, source, date and
// where it was read.
func (e exported) citation() string {
	var parts []string
	for _, s := range []string{e.Byline, e.Source, e.Date, e.URL} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, ", ")
}

// writeMarkdown writes docs as Markdown to paste into notes: a heading
// per document with its citation, then each item as a block quote cited
// with its speaker and paragraph.
func writeMarkdown(w io.Writer, docs []exported) error {
	var b strings.Builder
	for i, e := range docs {
		if i > 0 {
			b.WriteString("\n")
		}
		title := e.Title
		if title == "" {
			title = "Untitled"
		}
		fmt.Fprintf(&b, "## %s\n\n", oneLine(title))
		if c := e.citation(); c != "" {
			fmt.Fprintf(&b, "%s\n\n", c)
		}
		for _, it := range e.Items {
			switch it.Kind {
			case "exchange":
				fmt.Fprintf(&b, "> **%s** %s\n>\n> **%s** %s\n\n", label(it.Asker, "Q"), it.Question, label(it.Speaker, "A"), it.Text)
			default:
				fmt.Fprintf(&b, "> %s\n\n", it.Text)
			}
			var who []string
			if it.Speaker != "" && it.Kind != "exchange" {
				who = append(who, it.Speaker)
			}
			who = append(who, "*"+oneLine(title)+"*", "¶"+strconv.Itoa(it.Paragraph))
			fmt.Fprintf(&b, "— %s\n\n", strings.Join(who, ", "))
			if it.Note != "" {
				fmt.Fprintf(&b, "Note: %s\n\n", oneLine(it.Note))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// label is a speaker's label, with a colon, or fallback's.
func label(speaker, fallback string) string {
	if speaker == "" {
		speaker = fallback
	}
	return speaker + ":"
}

// writeCSV writes docs as CSV, one row an item, each with its
// document's citation.
func writeCSV(w io.Writer, docs []exported) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "title", "byline", "source", "date", "url", "path", "kind", "speaker", "asker", "question", "text", "note", "paragraph"})
	for _, e := range docs {
		for _, it := range e.Items {
			cw.Write([]string{strconv.FormatInt(e.ID, 10), e.Title, e.Byline, e.Source, e.Date, e.URL, e.Path,
				it.Kind, it.Speaker, it.Asker, it.Question, it.Text, it.Note, strconv.Itoa(it.Paragraph)})
		}
	}
	cw.Flush()
	return cw.Error()
}
