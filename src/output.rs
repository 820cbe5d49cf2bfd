//! Output: PDF export with fixed metadata, and atomic file writing.

use std::io::Write;
use std::path::Path;

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::error::Error;

/// Exports the PDF. The timestamp is the issue date and the identifier derives
/// from the number, symbol and date, so the same document always gives the same
/// bytes (no "now" anywhere).
pub fn pdf(doc: &PagedDocument, ident: &str, date: Datetime) -> Result<Vec<u8>, Error> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(date)),
        ..PdfOptions::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|diags| Error::Pdf {
        diagnostics: diags.iter().map(|d| d.message.to_string()).collect(),
    })
}

/// Writes `bytes` to `path` through a temporary file in the same directory and
/// a rename, so a crash or a full disk never leaves a truncated file and never
/// destroys the previous good one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// [`write_atomic`] with the writing done by `write`: if it fails (a full
/// disk, a crash), the temporary file is removed and `path` is untouched.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), Error> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = synced_temp(dir, path, write)?;
    tmp.persist(path).map_err(|e| Error::Write {
        file: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

/// A temporary file in `dir` (where it will be renamed into place, so the
/// rename is atomic), written by `write` and synced to disk. It is removed if
/// anything fails; `target` names the file in errors.
pub fn synced_temp(
    dir: &Path,
    target: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<tempfile::NamedTempFile, Error> {
    let fail = |source: std::io::Error| Error::Write {
        file: target.to_path_buf(),
        source,
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".vanban-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    write(tmp.as_file_mut()).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    Ok(tmp)
}
