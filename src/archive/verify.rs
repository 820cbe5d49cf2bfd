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
    pub problems: Vec<String>,
    /// Harmless findings: leftovers of interrupted runs, unregistered files.
    pub notes: Vec<String>,
}

/// Files in an entry's sources folder that the register does not list: a
/// folder that renders the document again must hold exactly its sources.
fn extra_files(dir: &Path, files: &[(String, String)], label: &str) -> Vec<String> {
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
        .map(|p| format!("{label}: {p}: not archived: added to the sources folder"))
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
    for line in reg.integrity_check()? {
        report.problems.push(format!("{REGISTER_FILE}: {line}"));
    }
    let mut registered = Vec::new();
    for e in reg.entries()? {
        report.entries += 1;
        let mut files = vec![(e.file.clone(), e.sha256.clone())];
        files.extend(reg.files_of(e.id)?.into_iter().map(|f| (f.path, f.sha256)));
        let label = format!("entry {} ({})", e.id, e.number_symbol);
        report.problems.extend(extra_files(dir, &files, &label));
        for (path, sha) in files {
            report.files += 1;
            let label = format!("entry {} ({}): {path}", e.id, e.number_symbol);
            match fs::read(dir.join(&path)) {
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                    report.problems.push(format!("{label}: missing"))
                }
                Err(err) => report
                    .problems
                    .push(format!("{label}: cannot be read: {err}")),
                Ok(bytes) if sha256_hex(&bytes) != sha => report.problems.push(format!(
                    "{label}: altered (SHA-256 {} instead of the registered {sha})",
                    sha256_hex(&bytes)
                )),
                Ok(_) => {}
            }
            let top = path.split('/').next().unwrap_or(&path).to_string();
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
        if name.starts_with(".vanban-") {
            report.notes.push(format!(
                "{name}: left by an interrupted run; not registered, safe to delete"
            ));
        } else {
            report.notes.push(format!(
                "{name}: not in the register (archiving its document again registers it if it is the same PDF)"
            ));
        }
    }
    Ok(report)
}
