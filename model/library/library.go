// Package library is lede's memory of what was read: every document the
// reader opened, with its text for full-text search, the place the reader
// left it at, and what the reader marked, highlighted, noted and
// corrected in it. It keeps them in one SQLite file (see Path), through
// the pure-Go driver modernc.org/sqlite, in WAL mode so that several
// lede processes may use it at once. It never imports a UI library.
package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/adrg/xdg"
	// The driver registers itself as "sqlite".
	_ "modernc.org/sqlite"
)

// fileName is the library's path under the XDG data directory.
const fileName = "lede/library.db"

// busyTimeout is how long, in milliseconds, a statement waits for another
// process's write to end before it fails: writes are short, so a longer
// wait means the file is locked for good.
const busyTimeout = 2000

// Library is an open library file. Its methods are safe for concurrent
// use; each write is one short transaction.
type Library struct {
	db   *sql.DB
	path string
}

// Path is where the library file lives: lede/library.db under
// $XDG_DATA_HOME (~/.local/share by default).
func Path() string {
	xdg.Reload() // the environment may have changed since start
	return filepath.Join(xdg.DataHome, filepath.FromSlash(fileName))
}

// Open opens the library file at path, making it and its directory when
// there is none, and brings its schema up to date. A file that is not a
// library, cannot be written, or is locked by another process fails here,
// so that a caller can go on without it.
func Open(path string) (*Library, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("library %s: %w", path, err)
	}
	dsn := path + "?_busy_timeout=" + fmt.Sprint(busyTimeout) +
		"&_journal_mode=WAL&_synchronous=NORMAL&_foreign_keys=1&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("library %s: %w", path, err)
	}
	// One connection: the pragmas hold on it, and the writes of one
	// process queue in Go instead of in SQLite's busy handler.
	db.SetMaxOpenConns(1)
	l := &Library{db: db, path: path}
	if err := l.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("library %s: %w", path, explain(err))
	}
	return l, nil
}

// Close closes the file.
func (l *Library) Close() error { return l.db.Close() }

// explain words SQLite's errors for the states a library file can be in;
// nil stays nil.
func explain(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked"):
		return fmt.Errorf("locked by another program: %w", err)
	case strings.Contains(msg, "readonly") || strings.Contains(msg, "read-only"):
		return fmt.Errorf("cannot be written: %w", err)
	case strings.Contains(msg, "not a database") || strings.Contains(msg, "malformed"):
		return fmt.Errorf("not a lede library or damaged: %w", err)
	}
	return err
}

// ErrNewer is the error for a library written by a newer lede, whose
// schema this one does not know.
var ErrNewer = errors.New("made by a newer lede")

// migrate brings the schema to the newest version, one step at a time,
// each in its own transaction: user_version counts the steps done. It
// always takes the write lock, so that a file that cannot be written is
// found out at Open.
func (l *Library) migrate(ctx context.Context) error {
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var version int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return err
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d: %w", version, ErrNewer)
	}
	for ; version < len(migrations); version++ {
		if _, err := tx.ExecContext(ctx, migrations[version]); err != nil {
			return fmt.Errorf("schema version %d: %w", version+1, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version+1)); err != nil {
			return err
		}
	}
	// A write in every case: taking the lock is not enough to learn that
	// the file is read-only.
	if _, err := tx.ExecContext(ctx, "UPDATE meta SET opened = opened + 1"); err != nil {
		return err
	}
	return tx.Commit()
}

// Version is the schema version of the newest library this package
// writes.
func Version() int { return len(migrations) }

// migrations are the schema's versions: migrations[i] takes a library
// from version i to i+1. A released step never changes; a new one is
// appended.
var migrations = []string{
	// Version 1: documents with their text and its two full-text indexes
	// (words without diacritics; trigrams for CJK and substrings), the
	// place each was left at, marks, highlights with notes, and entity
	// corrections. Places are Anchors: paragraph, byte offset, and the
	// text at and before them.
	`CREATE TABLE meta (opened INTEGER NOT NULL);
	INSERT INTO meta VALUES (0);
	CREATE TABLE documents (
		id INTEGER PRIMARY KEY,
		key TEXT NOT NULL UNIQUE,
		source TEXT NOT NULL,
		hash TEXT NOT NULL,
		title TEXT NOT NULL,
		byline TEXT NOT NULL,
		source_name TEXT NOT NULL,
		date TEXT NOT NULL,
		format TEXT NOT NULL,
		opened INTEGER NOT NULL
	);
	CREATE INDEX documents_opened ON documents (opened);
	CREATE TABLE texts (
		doc INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
		title TEXT NOT NULL,
		body TEXT NOT NULL
	);
	CREATE VIRTUAL TABLE texts_words USING fts5 (title, body,
		content = 'texts', content_rowid = 'doc',
		tokenize = 'unicode61 remove_diacritics 2');
	CREATE VIRTUAL TABLE texts_trigram USING fts5 (title, body,
		content = 'texts', content_rowid = 'doc',
		tokenize = 'trigram remove_diacritics 1');
	CREATE TRIGGER texts_insert AFTER INSERT ON texts BEGIN
		INSERT INTO texts_words (rowid, title, body) VALUES (new.doc, new.title, new.body);
		INSERT INTO texts_trigram (rowid, title, body) VALUES (new.doc, new.title, new.body);
	END;
	CREATE TRIGGER texts_delete AFTER DELETE ON texts BEGIN
		INSERT INTO texts_words (texts_words, rowid, title, body) VALUES ('delete', old.doc, old.title, old.body);
		INSERT INTO texts_trigram (texts_trigram, rowid, title, body) VALUES ('delete', old.doc, old.title, old.body);
	END;
	CREATE TRIGGER texts_update AFTER UPDATE ON texts BEGIN
		INSERT INTO texts_words (texts_words, rowid, title, body) VALUES ('delete', old.doc, old.title, old.body);
		INSERT INTO texts_trigram (texts_trigram, rowid, title, body) VALUES ('delete', old.doc, old.title, old.body);
		INSERT INTO texts_words (rowid, title, body) VALUES (new.doc, new.title, new.body);
		INSERT INTO texts_trigram (rowid, title, body) VALUES (new.doc, new.title, new.body);
	END;
	CREATE TABLE places (
		doc INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
		paragraph INTEGER NOT NULL, offset INTEGER NOT NULL,
		quote TEXT NOT NULL, before TEXT NOT NULL
	);
	CREATE TABLE marks (
		doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		letter TEXT NOT NULL,
		paragraph INTEGER NOT NULL, offset INTEGER NOT NULL,
		quote TEXT NOT NULL, before TEXT NOT NULL,
		PRIMARY KEY (doc, letter)
	);
	CREATE TABLE highlights (
		id INTEGER PRIMARY KEY,
		doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		paragraph INTEGER NOT NULL, offset INTEGER NOT NULL,
		quote TEXT NOT NULL, before TEXT NOT NULL,
		text TEXT NOT NULL,
		note TEXT NOT NULL,
		created INTEGER NOT NULL
	);
	CREATE INDEX highlights_doc ON highlights (doc, paragraph, offset);
	CREATE TABLE corrections (
		doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
		entity TEXT NOT NULL,
		kind TEXT NOT NULL,
		hidden INTEGER NOT NULL,
		PRIMARY KEY (doc, entity)
	);`,
}
