//! Checking an archive directory against its register: every registered file
//! must exist with the SHA-256 recorded when it was archived.

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
    /// Missing or altered files, and damage SQLite itself reports.
    pub problems: Vec<String>,
    /// Harmless findings: leftovers of interrupted runs, unregistered files.
    pub notes: Vec<String>,
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
