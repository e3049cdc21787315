package library

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Hit is a document that matches a search, with a snippet of the match.
type Hit struct {
	Document
	// Snippet is a few words of the text around the match, the matched
	// words between ** and **, on one line.
	Snippet string
	// InText says whether the match is in the document's text, not its
	// title alone; Paragraph, Start and End are then where it stands:
	// the paragraph, as strings.Split(text, "\n\n") numbers the text's
	// (see Text), and the bytes of it the match spans.
	InText     bool
	Paragraph  int
	Start, End int
}

// snippetWords is about how many words a snippet holds.
const snippetWords = 12

// Search returns the documents whose title or text matches query, best
// first, at most limit of them. Words match whole words, diacritics
// ignored ("cafe" finds "café"), ranked by BM25; then, for text the word
// index cannot split (Chinese, a word's middle), documents holding the
// query as a substring follow, by trigram. Trigrams match nothing under
// three characters, so a shorter query that matched no word (北京) is
// looked for with LIKE on the trigram table's text instead. Each hit's
// snippet is made from its text (see snippetOf).
func (l *Library) Search(query string, limit int) ([]Hit, error) {
	query = strings.Join(strings.Fields(query), " ")
	if query == "" {
		return nil, nil
	}
	hits, err := l.query(`SELECT `+prefixed("d.")+`
		FROM texts_words JOIN documents d ON d.id = texts_words.rowid
		WHERE texts_words MATCH ? ORDER BY bm25(texts_words, 5.0, 1.0), d.opened DESC LIMIT ?`,
		phrases(query), limit)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	for _, h := range hits {
		seen[h.ID] = true
	}
	words := len(hits)
	var more []Hit
	switch {
	case utf8.RuneCountInString(query) >= 3:
		more, err = l.query(`SELECT `+prefixed("d.")+`
			FROM texts_trigram JOIN documents d ON d.id = texts_trigram.rowid
			WHERE texts_trigram MATCH ? ORDER BY bm25(texts_trigram, 5.0, 1.0), d.opened DESC LIMIT ?`,
			quote(query), limit)
	case len(hits) == 0:
		more, err = l.query(`SELECT `+prefixed("d.")+`
			FROM texts_trigram JOIN documents d ON d.id = texts_trigram.rowid
			WHERE texts_trigram.title LIKE ?1 ESCAPE '\' OR texts_trigram.body LIKE ?1 ESCAPE '\'
			ORDER BY d.opened DESC LIMIT ?2`, "%"+escapeLike(query)+"%", limit)
	}
	if err != nil {
		return nil, err
	}
	for _, h := range more {
		if !seen[h.ID] && len(hits) < limit {
			hits = append(hits, h)
		}
	}
	for i := range hits {
		text, err := l.Text(hits[i].ID)
		if err != nil {
			return nil, err
		}
		h := &hits[i]
		var at span
		h.Snippet, at, h.InText = snippetOf(text, query, i < words)
		if h.InText {
			h.Paragraph, h.Start = paragraphOf(text, at.start)
			h.End = h.Start + at.end - at.start
		}
	}
	return hits, nil
}

// query runs a search returning documents' columns.
func (l *Library) query(q string, args ...any) ([]Hit, error) {
	rows, err := l.db.Query(q, args...)
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var hits []Hit
	for rows.Next() {
		var h Hit
		var opened int64
		if err := rows.Scan(&h.ID, &h.Source, &h.Hash, &h.Title, &h.Byline, &h.SourceName, &h.Date, &h.Format, &opened); err != nil {
			return nil, explain(err)
		}
		h.Opened = time.UnixMilli(opened)
		hits = append(hits, h)
	}
	return hits, explain(rows.Err())
}

// prefixed is columns with each name prefixed by table.
func prefixed(table string) string {
	return table + strings.ReplaceAll(columns, ", ", ", "+table)
}

// phrases makes a query of the words of q for FTS5: each word a quoted
// phrase, all of them required, so that no character of q is read as
// FTS5's syntax.
func phrases(q string) string {
	words := strings.Fields(q)
	for i, w := range words {
		words[i] = quote(w)
	}
	return strings.Join(words, " ")
}

// quote makes s one FTS5 phrase.
func quote(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// escapeLike escapes LIKE's wildcards in s, with \ as the escape.
func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}
