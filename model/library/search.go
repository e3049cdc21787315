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
}

// snippetWords is about how many words a snippet holds; snippetRunes is
// how many characters of context each side of a LIKE match it shows.
const (
	snippetWords = 12
	snippetRunes = 30
)

// Search returns the documents whose title or text matches query, best
// first, at most limit of them. Words match whole words, diacritics
// ignored ("cafe" finds "café"), ranked by BM25; then, for text the word
// index cannot split (Chinese, a word's middle), documents holding the
// query as a substring follow, by trigram. Trigrams match nothing under
// three characters, so a shorter query that matched no word (北京) is
// looked for with LIKE on the trigram table's text instead.
func (l *Library) Search(query string, limit int) ([]Hit, error) {
	query = strings.Join(strings.Fields(query), " ")
	if query == "" {
		return nil, nil
	}
	hits, err := l.query(`SELECT `+prefixed("d.")+`, snippet(texts_words, 1, '**', '**', '…', ?)
		FROM texts_words JOIN documents d ON d.id = texts_words.rowid
		WHERE texts_words MATCH ? ORDER BY bm25(texts_words, 5.0, 1.0), d.opened DESC LIMIT ?`,
		snippetWords, phrases(query), limit)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	for _, h := range hits {
		seen[h.ID] = true
	}
	var more []Hit
	switch {
	case utf8.RuneCountInString(query) >= 3:
		more, err = l.query(`SELECT `+prefixed("d.")+`, snippet(texts_trigram, 1, '**', '**', '…', ?)
			FROM texts_trigram JOIN documents d ON d.id = texts_trigram.rowid
			WHERE texts_trigram MATCH ? ORDER BY bm25(texts_trigram, 5.0, 1.0), d.opened DESC LIMIT ?`,
			snippetWords, quote(query), limit)
	case len(hits) == 0:
		more, err = l.query(`SELECT `+prefixed("d.")+`, texts_trigram.body
			FROM texts_trigram JOIN documents d ON d.id = texts_trigram.rowid
			WHERE texts_trigram.title LIKE ?1 ESCAPE '\' OR texts_trigram.body LIKE ?1 ESCAPE '\'
			ORDER BY d.opened DESC LIMIT ?2`, "%"+escapeLike(query)+"%", limit)
		for i := range more {
			more[i].Snippet = around(more[i].Snippet, query)
		}
	}
	if err != nil {
		return nil, err
	}
	for _, h := range more {
		if !seen[h.ID] && len(hits) < limit {
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// query runs a search returning documents' columns and a snippet.
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
		if err := rows.Scan(&h.ID, &h.Source, &h.Hash, &h.Title, &h.Byline, &h.SourceName, &h.Date, &h.Format, &opened, &h.Snippet); err != nil {
			return nil, explain(err)
		}
		h.Opened = time.UnixMilli(opened)
		h.Snippet = strings.Join(strings.Fields(h.Snippet), " ")
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

// around is a snippet of text around the first match of q, ignoring
// case: snippetRunes characters each side, the match between ** and **.
func around(text, q string) string {
	i := strings.Index(strings.ToLower(text), strings.ToLower(q))
	if i < 0 || len(strings.ToLower(text)) != len(text) {
		// The lower-cased text has other offsets; match as written.
		i = strings.Index(text, q)
	}
	if i < 0 {
		return ""
	}
	start, end := i, i+len(q)
	for n := 0; n < snippetRunes && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:start])
		start -= size
	}
	stop := end
	for n := 0; n < snippetRunes && stop < len(text); n++ {
		_, size := utf8.DecodeRuneInString(text[stop:])
		stop += size
	}
	s := text[start:i] + "**" + text[i:end] + "**" + text[end:stop]
	if start > 0 {
		s = "…" + s
	}
	if stop < len(text) {
		s += "…"
	}
	return strings.Join(strings.Fields(s), " ")
}
