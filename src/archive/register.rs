//! The register of issued documents (sổ đăng ký văn bản đi): an SQLite file in
//! the archive directory, the place of record for numbers and checksums.
//!
//! Every change is a transaction. Number assignment and registration take the
//! write lock first (`BEGIN IMMEDIATE`), so two `vanban archive` runs on one
//! directory queue behind each other instead of reading the same "next number".
//! Entries are never updated or deleted (triggers refuse it); a corrected
//! version is a new entry that names the one it replaces.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{
    params, Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};
use serde::Serialize;

use crate::error::Error;

pub use super::REGISTER_FILE;

/// The schema this vanban writes (`PRAGMA user_version`). An older register is
/// migrated on opening; a newer one is refused rather than misread.
pub const SCHEMA_VERSION: i64 = 2;

/// How long a run waits for another run's transaction. A run holds the lock
/// while it renders a draft it numbers, a few seconds per document.
const BUSY_TIMEOUT: Duration = Duration::from_secs(600);

const SCHEMA_V1: &str = "
CREATE TABLE terms (
    -- first day of a Party committee's term (nhiệm kỳ), ISO date
    start_date  TEXT PRIMARY KEY,
    recorded_at TEXT NOT NULL
);
CREATE TABLE entries (
    id            INTEGER PRIMARY KEY,
    sequence      TEXT NOT NULL,    -- the number sequence (numbering.rs)
    the_thuc      TEXT NOT NULL,    -- dang | nha-nuoc
    kind          TEXT NOT NULL,    -- nghi-quyet, bao-cao ...
    type_code     TEXT NOT NULL,    -- NQ, BC ...
    body_code     TEXT NOT NULL,    -- ĐU, UBND ...
    issuing_body  TEXT NOT NULL,
    number        INTEGER NOT NULL CHECK (number > 0),
    number_symbol TEXT NOT NULL,    -- 07-NQ/ĐU
    issue_date    TEXT NOT NULL,    -- ISO date
    summary       TEXT NOT NULL,    -- trích yếu
    file_name     TEXT NOT NULL UNIQUE,
    sha256        TEXT NOT NULL,
    pdf_standard  TEXT NOT NULL,
    archived_at   TEXT NOT NULL,    -- UTC; the only clock reading vanban keeps
    replaces      INTEGER UNIQUE REFERENCES entries(id),
    source_name   TEXT NOT NULL,    -- the document file as given
    source_sha256 TEXT NOT NULL     -- of that file, before a number was written in
);
-- One first registration per number and sequence; corrections chain behind it.
CREATE UNIQUE INDEX entries_number ON entries(sequence, number) WHERE replaces IS NULL;
CREATE TABLE entry_files (
    entry_id INTEGER NOT NULL REFERENCES entries(id),
    path     TEXT NOT NULL,         -- relative to the archive directory
    sha256   TEXT NOT NULL,
    role     TEXT NOT NULL,
    PRIMARY KEY (entry_id, path)
);
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
BEGIN SELECT RAISE(ABORT, 'register entries are never changed; register a corrected version'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'register entries are never deleted'); END;
CREATE TRIGGER entry_files_no_update BEFORE UPDATE ON entry_files
BEGIN SELECT RAISE(ABORT, 'register entries are never changed'); END;
CREATE TRIGGER entry_files_no_delete BEFORE DELETE ON entry_files
BEGIN SELECT RAISE(ABORT, 'register entries are never deleted'); END;
";

/// Version 2: copies (bản sao) and the kind's printed name. A copy is an
/// entry of its own (its own number in the copying body's yearly sequence of
/// copies) that names the entry it copies; the kind's name is kept as it
/// was declared when the document was archived, so a kind a template set
/// added is listed by its name without that template set.
const SCHEMA_V2: &str = "
ALTER TABLE entries ADD COLUMN copy_of INTEGER REFERENCES entries(id);
ALTER TABLE entries ADD COLUMN copy_form TEXT;   -- sao-y | sao-luc | trich-sao
ALTER TABLE entries ADD COLUMN kind_name TEXT;   -- Nghị quyết, Giấy mời ...
";

/// One registered document, as listed.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub id: i64,
    pub number: u32,
    pub number_symbol: String,
    pub the_thuc: String,
    pub kind: String,
    pub type_code: String,
    pub body_code: String,
    pub issuing_body: String,
    pub issue_date: String,
    pub summary: String,
    pub file: String,
    pub sha256: String,
    pub pdf_standard: String,
    pub archived_at: String,
    pub replaces: Option<i64>,
    pub replaced_by: Option<i64>,
    pub sequence: String,
    /// The kind's name in sentence case when it was archived ("Giấy mời");
    /// absent for entries of registers older than copies.
    pub kind_name: Option<String>,
    /// For a copy: the entry it copies, and how ("sao-y").
    pub copy_of: Option<i64>,
    pub copy_form: Option<String>,
    #[serde(skip)]
    pub source_sha256: String,
}

/// A file registered with an entry besides its PDF (PDF/A-1b sources).
#[derive(Debug, Clone, Serialize)]
pub struct EntryFile {
    pub path: String,
    pub sha256: String,
    pub role: String,
}

/// An entry to insert.
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub sequence: String,
    pub the_thuc: String,
    pub kind: String,
    pub type_code: String,
    pub body_code: String,
    pub issuing_body: String,
    pub number: u32,
    pub number_symbol: String,
    pub issue_date: NaiveDate,
    pub summary: String,
    pub file_name: String,
    pub sha256: String,
    pub pdf_standard: String,
    pub replaces: Option<i64>,
    pub source_name: String,
    pub source_sha256: String,
    pub files: Vec<EntryFile>,
    pub kind_name: String,
    /// For a copy: the entry it copies (when this register holds it), and
    /// the form's key.
    pub copy_of: Option<(Option<i64>, String)>,
}

/// The register of one archive directory.
pub struct Register {
    conn: Connection,
    path: PathBuf,
}

/// The write lock, held from `BEGIN IMMEDIATE` to commit or drop (rollback).
pub struct Lock<'a> {
    tx: Transaction<'a>,
    path: &'a Path,
}

impl Register {
    /// Opens the register of `dir`, creating the directory and the register.
    pub fn open(dir: &Path) -> Result<Self, Error> {
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            file: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(REGISTER_FILE);
        let conn = Connection::open(&path).map_err(|e| db(&path, e))?;
        let mut reg = Register { conn, path };
        reg.configure()?;
        reg.migrate()?;
        Ok(reg)
    }

    /// Opens an existing register without changing its schema; `None` if
    /// `dir` has none yet.
    pub fn open_existing(dir: &Path) -> Result<Option<Self>, Error> {
        let path = dir.join(REGISTER_FILE);
        if !path.exists() {
            return Ok(None);
        }
        // Read-write when possible: SQLite then rolls back the journal a
        // killed run left behind. Read-only for an archive on read-only media.
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .or_else(|_| {
            Connection::open_with_flags(
                &path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )
        })
        .map_err(|e| db(&path, e))?;
        let mut reg = Register { conn, path };
        reg.configure()?;
        let version: i64 = reg
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| db(&reg.path, e))?;
        reg.check_version(version)?;
        // An older register gains the columns this vanban reads (they only
        // add; nothing recorded changes).
        if version < SCHEMA_VERSION {
            reg.migrate()?;
        }
        Ok(Some(reg))
    }

    /// An empty register in memory, for questions about an archive `dir` that
    /// has no register yet ("the next number is 01"); messages name `dir`'s.
    pub fn empty(dir: &Path) -> Result<Self, Error> {
        let path = dir.join(REGISTER_FILE);
        let conn = Connection::open_in_memory().map_err(|e| db(&path, e))?;
        let mut reg = Register { conn, path };
        reg.migrate()?;
        Ok(reg)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn configure(&self) -> Result<(), Error> {
        self.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| db(&self.path, e))?;
        // A rollback journal keeps the register one self-contained file (no
        // -wal/-shm beside it to lose when the archive is copied); FULL syncs
        // make a commit durable before vanban reports it.
        self.conn
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;")
            .map_err(|e| db(&self.path, e))
    }

    fn check_version(&self, version: i64) -> Result<(), Error> {
        if version > SCHEMA_VERSION {
            return Err(Error::RegisterTooNew {
                register: self.path.clone(),
                version,
                known: SCHEMA_VERSION,
            });
        }
        Ok(())
    }

    /// Brings the schema to [`SCHEMA_VERSION`], under the write lock so two
    /// first runs do not both create it.
    fn migrate(&mut self) -> Result<(), Error> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| db(&path, e))?;
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| db(&path, e))?;
        if version > SCHEMA_VERSION {
            drop(tx);
            return self.check_version(version);
        }
        if version < 1 {
            tx.execute_batch(SCHEMA_V1).map_err(|e| db(&path, e))?;
        }
        if version < 2 {
            tx.execute_batch(SCHEMA_V2).map_err(|e| db(&path, e))?;
        }
        // Later versions: `if version < 3 { … }`, each step in this transaction.
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)
            .map_err(|e| db(&path, e))?;
        tx.commit().map_err(|e| db(&path, e))
    }

    /// Takes the write lock.
    pub fn lock(&mut self) -> Result<Lock<'_>, Error> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| db(&self.path, e))?;
        Ok(Lock {
            tx,
            path: &self.path,
        })
    }

    pub fn terms(&self) -> Result<Vec<NaiveDate>, Error> {
        terms(&self.conn, &self.path)
    }

    pub fn entries(&self) -> Result<Vec<Entry>, Error> {
        select_entries(&self.conn, &self.path, "1 = 1", &[])
    }

    pub fn files_of(&self, id: i64) -> Result<Vec<EntryFile>, Error> {
        let path = &self.path;
        let mut stmt = self
            .conn
            .prepare("SELECT path, sha256, role FROM entry_files WHERE entry_id = ?1 ORDER BY path")
            .map_err(|e| db(path, e))?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(EntryFile {
                    path: r.get(0)?,
                    sha256: r.get(1)?,
                    role: r.get(2)?,
                })
            })
            .map_err(|e| db(path, e))?;
        rows.collect::<Result<_, _>>().map_err(|e| db(path, e))
    }

    /// The highest number of `sequence` (0 if none).
    pub fn last_number(&self, sequence: &str) -> Result<u32, Error> {
        last_number(&self.conn, &self.path, sequence)
    }

    /// SQLite's own check of the file.
    pub fn integrity_check(&self) -> Result<Vec<String>, Error> {
        let mut stmt = self
            .conn
            .prepare("PRAGMA integrity_check")
            .map_err(|e| db(&self.path, e))?;
        let rows = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| db(&self.path, e))?;
        let lines: Vec<String> = rows
            .collect::<Result<_, _>>()
            .map_err(|e| db(&self.path, e))?;
        Ok(lines.into_iter().filter(|l| l != "ok").collect())
    }
}

impl Lock<'_> {
    pub fn terms(&self) -> Result<Vec<NaiveDate>, Error> {
        terms(&self.tx, self.path)
    }

    /// Records the first day of a Party committee's term. Refused if Party
    /// documents dated on or after it are already numbered in an earlier term:
    /// their numbers would belong to the wrong sequence.
    pub fn record_term(&self, start: NaiveDate) -> Result<bool, Error> {
        let known = self.terms()?;
        if known.contains(&start) {
            return Ok(false);
        }
        let iso = start.format("%Y-%m-%d").to_string();
        let later_key = known
            .iter()
            .filter(|t| **t < start)
            .max()
            .map(|t| format!("%/nhiem-ky-tu-{}", t.format("%Y-%m-%d")));
        if let Some(pattern) = later_key {
            let clash: Option<(String, String)> = self
                .tx
                .query_row(
                    "SELECT number_symbol, issue_date FROM entries
                     WHERE the_thuc = 'dang' AND issue_date >= ?1 AND sequence LIKE ?2
                     ORDER BY issue_date LIMIT 1",
                    params![iso, pattern],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()
                .map_err(|e| db(self.path, e))?;
            if let Some((symbol, date)) = clash {
                return Err(Error::Register {
                    register: self.path.to_path_buf(),
                    message: format!(
                        "cannot record a term starting {iso}: {symbol} of {date} is already numbered in the previous term"
                    ),
                });
            }
        }
        self.tx
            .execute(
                "INSERT INTO terms (start_date, recorded_at) VALUES (?1, ?2)",
                params![iso, now()],
            )
            .map_err(|e| db(self.path, e))?;
        Ok(true)
    }

    pub fn last_number(&self, sequence: &str) -> Result<u32, Error> {
        last_number(&self.tx, self.path, sequence)
    }

    /// The current holder of `number` in `sequence`: the latest version, the
    /// one no entry replaces.
    pub fn holder(&self, sequence: &str, number: u32) -> Result<Option<Entry>, Error> {
        Ok(select_entries(
            &self.tx,
            self.path,
            "e.sequence = ?1 AND e.number = ?2 AND r.id IS NULL",
            &[&sequence, &number],
        )?
        .into_iter()
        .next())
    }

    pub fn entry(&self, id: i64) -> Result<Option<Entry>, Error> {
        Ok(select_entries(&self.tx, self.path, "e.id = ?1", &[&id])?
            .into_iter()
            .next())
    }

    /// An entry made from a document file with these bytes, in `sequence`:
    /// the same draft archived before.
    pub fn by_source(&self, sequence: &str, source_sha256: &str) -> Result<Option<Entry>, Error> {
        Ok(select_entries(
            &self.tx,
            self.path,
            "e.sequence = ?1 AND e.source_sha256 = ?2",
            &[&sequence, &source_sha256],
        )?
        .into_iter()
        .next())
    }

    /// How many versions `id` is: 1 for a first registration.
    pub fn version_of(&self, id: i64) -> Result<u32, Error> {
        self.tx
            .query_row(
                "WITH RECURSIVE chain(id, replaces) AS (
                     SELECT id, replaces FROM entries WHERE id = ?1
                     UNION ALL
                     SELECT e.id, e.replaces FROM entries e JOIN chain c ON e.id = c.replaces)
                 SELECT count(*) FROM chain",
                [id],
                |r| r.get(0),
            )
            .map_err(|e| db(self.path, e))
    }

    pub fn name_taken(&self, file_name: &str) -> Result<bool, Error> {
        self.tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM entries WHERE file_name = ?1
                 UNION ALL SELECT 1 FROM entry_files
                 WHERE path = ?1 OR substr(path, 1, length(?1) + 1) = ?1 || '/')",
                [file_name],
                |r| r.get(0),
            )
            .map_err(|e| db(self.path, e))
    }

    pub fn insert(&self, e: &NewEntry) -> Result<i64, Error> {
        self.tx
            .execute(
                "INSERT INTO entries (sequence, the_thuc, kind, type_code, body_code, issuing_body,
                     number, number_symbol, issue_date, summary, file_name, sha256, pdf_standard,
                     archived_at, replaces, source_name, source_sha256, kind_name, copy_of, copy_form)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                     ?18, ?19, ?20)",
                params![
                    e.sequence,
                    e.the_thuc,
                    e.kind,
                    e.type_code,
                    e.body_code,
                    e.issuing_body,
                    e.number,
                    e.number_symbol,
                    e.issue_date.format("%Y-%m-%d").to_string(),
                    e.summary,
                    e.file_name,
                    e.sha256,
                    e.pdf_standard,
                    now(),
                    e.replaces,
                    e.source_name,
                    e.source_sha256,
                    e.kind_name,
                    e.copy_of.as_ref().and_then(|c| c.0),
                    e.copy_of.as_ref().map(|c| c.1.as_str()),
                ],
            )
            .map_err(|e| db(self.path, e))?;
        let id = self.tx.last_insert_rowid();
        for f in &e.files {
            self.tx
                .execute(
                    "INSERT INTO entry_files (entry_id, path, sha256, role) VALUES (?1, ?2, ?3, ?4)",
                    params![id, f.path, f.sha256, f.role],
                )
                .map_err(|e| db(self.path, e))?;
        }
        Ok(id)
    }

    pub fn commit(self) -> Result<(), Error> {
        self.tx.commit().map_err(|e| db(self.path, e))
    }
}

fn terms(conn: &Connection, path: &Path) -> Result<Vec<NaiveDate>, Error> {
    let mut stmt = conn
        .prepare("SELECT start_date FROM terms ORDER BY start_date")
        .map_err(|e| db(path, e))?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(|e| db(path, e))?;
    let mut out = Vec::new();
    for row in rows {
        let s = row.map_err(|e| db(path, e))?;
        let d = NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| Error::Register {
            register: path.to_path_buf(),
            message: format!("a term start `{s}` is not a date"),
        })?;
        out.push(d);
    }
    Ok(out)
}

fn last_number(conn: &Connection, path: &Path, sequence: &str) -> Result<u32, Error> {
    conn.query_row(
        "SELECT coalesce(max(number), 0) FROM entries WHERE sequence = ?1",
        [sequence],
        |r| r.get(0),
    )
    .map_err(|e| db(path, e))
}

fn select_entries(
    conn: &Connection,
    path: &Path,
    condition: &str,
    args: &[&dyn rusqlite::ToSql],
) -> Result<Vec<Entry>, Error> {
    let sql = format!(
        "SELECT e.id, e.number, e.number_symbol, e.the_thuc, e.kind, e.type_code, e.body_code,
                e.issuing_body, e.issue_date, e.summary, e.file_name, e.sha256, e.pdf_standard,
                e.archived_at, e.replaces, r.id, e.sequence, e.source_sha256,
                e.kind_name, e.copy_of, e.copy_form
         FROM entries e LEFT JOIN entries r ON r.replaces = e.id
         WHERE {condition}
         ORDER BY e.issue_date, e.id"
    );
    let mut stmt = conn.prepare(&sql).map_err(|e| db(path, e))?;
    let rows = stmt
        .query_map(args, |r| {
            Ok(Entry {
                id: r.get(0)?,
                number: r.get(1)?,
                number_symbol: r.get(2)?,
                the_thuc: r.get(3)?,
                kind: r.get(4)?,
                type_code: r.get(5)?,
                body_code: r.get(6)?,
                issuing_body: r.get(7)?,
                issue_date: r.get(8)?,
                summary: r.get(9)?,
                file: r.get(10)?,
                sha256: r.get(11)?,
                pdf_standard: r.get(12)?,
                archived_at: r.get(13)?,
                replaces: r.get(14)?,
                replaced_by: r.get(15)?,
                sequence: r.get(16)?,
                source_sha256: r.get(17)?,
                kind_name: r.get(18)?,
                copy_of: r.get(19)?,
                copy_form: r.get(20)?,
            })
        })
        .map_err(|e| db(path, e))?;
    rows.collect::<Result<_, _>>().map_err(|e| db(path, e))
}

/// The time of archiving, UTC to the second: the register's only clock reading.
fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn db(path: &Path, source: rusqlite::Error) -> Error {
    Error::RegisterDb {
        register: path.to_path_buf(),
        source,
    }
}
