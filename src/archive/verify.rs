//! Checking an archive directory against its register: every registered file
//! must exist with the SHA-256 recorded when it was archived, and a sources
//! folder must hold nothing else.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use super::register::{Register, REGISTER_FILE};
use super::sources::sha256_hex;
use crate::error::Error;

/// What `verify` found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub entries: usize,
    pub files: usize,
    /// Missing or altered files, files added to a sources folder, and damage
    /// SQLite itself reports.
    pub problems: Vec<Finding>,
    /// Harmless findings: leftovers of interrupted runs, unregistered files.
    pub notes: Vec<Finding>,
}

/// The entry a finding is about: its register id and number and symbol.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRef {
    pub id: i64,
    pub number_symbol: String,
}

/// One finding of `verify`, as data; its words, in both languages, are in
/// [`crate::messages`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// SQLite's integrity check found damage in the register (its words).
    RegisterDamaged { said: String },
    /// A registered file is gone.
    Missing { entry: EntryRef, path: String },
    /// A registered file cannot be read (the system's words).
    Unreadable {
        entry: EntryRef,
        path: String,
        said: String,
    },
    /// A registered file whose SHA-256 is not the registered one.
    Altered {
        entry: EntryRef,
        path: String,
        found: String,
        registered: String,
    },
    /// A file in an entry's sources folder that the register does not list.
    AddedToSources { entry: EntryRef, path: String },
    /// A temporary file of an interrupted run (a note: safe to delete).
    Leftover { name: String },
    /// A file in the archive that no entry names (a note).
    Unregistered { name: String },
}

/// Files in an entry's sources folder that the register does not list: a
/// folder that renders the document again must hold exactly its sources.
fn extra_files(dir: &Path, files: &[(String, String)], entry: &EntryRef) -> Vec<Finding> {
    let listed: BTreeSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    let folders: BTreeSet<&str> = files
        .iter()
        .filter_map(|(p, _)| p.split_once('/').map(|(top, _)| top))
        .collect();
    let mut found = Vec::new();
    for folder in folders {
        walk(&dir.join(folder), folder, &mut found);
    }
    found
        .into_iter()
        .filter(|p| !listed.contains(p.as_str()))
        .map(|path| Finding::AddedToSources {
            entry: entry.clone(),
            path,
        })
        .collect()
}

/// Every entry below `path` that is not a folder (symlinks included, never
/// followed), as `rel/…`.
fn walk(path: &Path, rel: &str, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(path) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = format!("{rel}/{}", e.file_name().to_string_lossy());
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&e.path(), &name, out),
            _ => out.push(name),
        }
    }
}

/// Recomputes the SHA-256 of every file the register of `dir` names.
pub fn verify(reg: &Register, dir: &Path) -> Result<Report, Error> {
    let mut report = Report::default();
    for said in reg.integrity_check()? {
        report.problems.push(Finding::RegisterDamaged { said });
    }
    let mut registered = Vec::new();
    for e in reg.entries()? {
        report.entries += 1;
        let mut files = vec![(e.file.clone(), e.sha256.clone())];
        files.extend(reg.files_of(e.id)?.into_iter().map(|f| (f.path, f.sha256)));
        let entry = EntryRef {
            id: e.id,
            number_symbol: e.number_symbol.clone(),
        };
        report.problems.extend(extra_files(dir, &files, &entry));
        for (path, sha) in files {
            report.files += 1;
            let top = path.split('/').next().unwrap_or(&path).to_string();
            let entry = entry.clone();
            match fs::read(dir.join(&path)) {
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                    report.problems.push(Finding::Missing { entry, path })
                }
                Err(err) => report.problems.push(Finding::Unreadable {
                    entry,
                    path,
                    said: err.to_string(),
                }),
                Ok(bytes) => {
                    let found = sha256_hex(&bytes);
                    if found != sha {
                        report.problems.push(Finding::Altered {
                            entry,
                            path,
                            found,
                            registered: sha,
                        });
                    }
                }
            }
            registered.push(top);
        }
    }
    let listing = fs::read_dir(dir).map_err(|source| Error::Read {
        file: dir.to_path_buf(),
        source,
    })?;
    let mut names: Vec<String> = listing
        .filter_map(|d| d.ok())
        .map(|d| d.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in names {
        if name.starts_with(REGISTER_FILE) || registered.contains(&name) {
            continue;
        }
        report.notes.push(if name.starts_with(".vanban-") {
            Finding::Leftover { name }
        } else {
            Finding::Unregistered { name }
        });
    }
    Ok(report)
}
