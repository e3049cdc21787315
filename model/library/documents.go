package library

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Stdin is the Source of a document read from standard input; such
// documents are told apart by their content's Hash.
const Stdin = "-"

// Document is what the library keeps about one document it recorded.
type Document struct {
	// ID is the library's number for it, stable while it is kept.
	ID int64
	// Source is where it was read from: a path, made absolute, a URL as
	// opened, or Stdin.
	Source string
	// Hash is the hex SHA-256 of the content read (see Hash).
	Hash string
	// Title, Byline, SourceName, Date and Format are the document's, as
	// lede read them.
	Title, Byline, SourceName, Date, Format string
	// Opened is when the reader last opened it.
	Opened time.Time
}

// key is the document's identity in the library: its source, or for
// standard input its hash.
func (d Document) key() string {
	if d.Source == Stdin {
		return "sha256:" + d.Hash
	}
	return d.Source
}

// Hash is the content hash the library keeps for data.
func Hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ErrNotFound is the error for a document the library does not hold.
var ErrNotFound = errors.New("not in the library")

// Record keeps d, opened at d.Opened (now when it is zero), with its text for search, and returns its
// ID: a document from the same source (or standard input with the same
// hash) is updated, keeping its place, marks and highlights; a new one is
// added. The text is replaced only when the hash changed.
func (l *Library) Record(d Document, text string) (int64, error) {
	ctx := context.Background()
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, explain(err)
	}
	defer tx.Rollback()
	var id int64
	var hash string
	err = tx.QueryRowContext(ctx, "SELECT id, hash FROM documents WHERE key = ?", d.key()).Scan(&id, &hash)
	if d.Opened.IsZero() {
		d.Opened = time.Now()
	}
	opened := d.Opened.UnixMilli()
	switch {
	case errors.Is(err, sql.ErrNoRows):
		res, err := tx.ExecContext(ctx, `INSERT INTO documents (key, source, hash, title, byline, source_name, date, format, opened)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.key(), d.Source, d.Hash, d.Title, d.Byline, d.SourceName, d.Date, d.Format, opened)
		if err != nil {
			return 0, explain(err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO texts (doc, title, body) VALUES (?, ?, ?)", id, d.Title, text); err != nil {
			return 0, explain(err)
		}
	case err != nil:
		return 0, explain(err)
	default:
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET hash = ?, title = ?, byline = ?, source_name = ?, date = ?, format = ?, opened = ?
			WHERE id = ?`, d.Hash, d.Title, d.Byline, d.SourceName, d.Date, d.Format, opened, id); err != nil {
			return 0, explain(err)
		}
		if hash != d.Hash {
			if _, err := tx.ExecContext(ctx, "UPDATE texts SET title = ?, body = ? WHERE doc = ?", d.Title, text, id); err != nil {
				return 0, explain(err)
			}
		}
	}
	return id, explain(tx.Commit())
}

// columns are the documents' columns Document is scanned from.
const columns = "id, source, hash, title, byline, source_name, date, format, opened"

// scanDocument reads a row of columns.
func scanDocument(row interface{ Scan(...any) error }) (Document, error) {
	var d Document
	var opened int64
	err := row.Scan(&d.ID, &d.Source, &d.Hash, &d.Title, &d.Byline, &d.SourceName, &d.Date, &d.Format, &opened)
	d.Opened = time.UnixMilli(opened)
	return d, err
}

// Find returns the document named by doc: its ID as printed by List, or
// its source (an absolute path or a URL).
func (l *Library) Find(doc string) (Document, error) {
	// An ID that is not a number matches no row.
	id, _ := strconv.ParseInt(doc, 10, 64)
	d, err := scanDocument(l.db.QueryRow("SELECT "+columns+" FROM documents WHERE id = ? OR source = ? ORDER BY id = ? DESC, opened DESC LIMIT 1", id, doc, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("%s: %w", doc, ErrNotFound)
	}
	return d, explain(err)
}

// List returns every document, the most recently opened first.
func (l *Library) List() ([]Document, error) {
	rows, err := l.db.Query("SELECT " + columns + " FROM documents ORDER BY opened DESC, id DESC")
	if err != nil {
		return nil, explain(err)
	}
	defer rows.Close()
	var docs []Document
	for rows.Next() {
		d, err := scanDocument(rows)
		if err != nil {
			return nil, explain(err)
		}
		docs = append(docs, d)
	}
	return docs, explain(rows.Err())
}

// Forget removes document id and everything kept with it: its text,
// place, marks, highlights, notes and corrections.
func (l *Library) Forget(id int64) error {
	res, err := l.db.Exec("DELETE FROM documents WHERE id = ?", id)
	if err != nil {
		return explain(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	return nil
}

// Text returns the text document id was recorded with.
func (l *Library) Text(id int64) (string, error) {
	var body string
	err := l.db.QueryRow("SELECT body FROM texts WHERE doc = ?", id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("document %d: %w", id, ErrNotFound)
	}
	return body, explain(err)
}

// Place returns where the reader left document id; ok is false when it
// left no place.
func (l *Library) Place(id int64) (a Anchor, ok bool, err error) {
	err = l.db.QueryRow("SELECT paragraph, offset, quote, before FROM places WHERE doc = ?", id).
		Scan(&a.Paragraph, &a.Offset, &a.Quote, &a.Before)
	if errors.Is(err, sql.ErrNoRows) {
		return a, false, nil
	}
	return a, err == nil, explain(err)
}

// SetPlace records a as where the reader left document id.
func (l *Library) SetPlace(id int64, a Anchor) error {
	_, err := l.db.Exec(`INSERT INTO places (doc, paragraph, offset, quote, before) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (doc) DO UPDATE SET paragraph = excluded.paragraph, offset = excluded.offset,
		quote = excluded.quote, before = excluded.before`, id, a.Paragraph, a.Offset, a.Quote, a.Before)
	return explain(err)
}
