//! Output: PDF export with fixed metadata, and atomic file writing.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandards, Timestamp};

use crate::error::{Error, FileKind};

/// Exports the PDF. The timestamp is the issue date and the identifier derives
/// from the number, symbol and date, so the same document always gives the same
/// bytes (no "now" anywhere).
pub fn pdf(doc: &PagedDocument, ident: &str, date: Datetime) -> Result<Vec<u8>, Error> {
    export(doc, ident, date, PdfStandards::default(), None)
}

/// [`pdf`] conforming to `standards`; `label` ("a-2b", "PDF") heads each of
/// Typst's complaints, to say which standard refused.
pub fn export(
    doc: &PagedDocument,
    ident: &str,
    date: Datetime,
    standards: PdfStandards,
    label: Option<&str>,
) -> Result<Vec<u8>, Error> {
    let options = PdfOptions {
        ident: Smart::Custom(ident.to_string()),
        creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
        timestamp: Some(Timestamp::new_utc(date)),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(doc, &options).map_err(|diags| Error::Pdf {
        diagnostics: diags
            .iter()
            .map(|d| match label {
                Some(label) => format!("{label}: {}", d.message),
                None => d.message.to_string(),
            })
            .collect(),
    })
}

/// Writes `bytes` to `path` through a temporary file in the same directory and
/// a rename, so a crash or a full disk never leaves a truncated file and never
/// destroys the previous good one. See [`write_output`] for what is refused.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_output(path, bytes, &[])
}

/// [`write_atomic`] that also refuses to replace any of `inputs`, the files
/// the output was made from (compared as files: a hard link or a symlink to
/// an input is that input).
pub fn write_output(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), Error> {
    write_checked(path, inputs, |file| file.write_all(bytes))
}

/// [`write_atomic`] with the writing done by `write`: if it fails (a full
/// disk, a crash), the temporary file is removed and `path` is untouched.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), Error> {
    write_checked(path, &[], write)
}

fn write_checked(
    path: &Path,
    inputs: &[PathBuf],
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), Error> {
    let target = check_target(path, inputs)?;
    let dir = match target.path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = synced_temp(dir, path, write)?;
    if let Some(perms) = target.permissions {
        // A replaced file keeps its mode; a new one has the umask's.
        fs::set_permissions(tmp.path(), perms).map_err(|source| Error::Write {
            file: path.to_path_buf(),
            source,
        })?;
    }
    tmp.persist(&target.path).map_err(|e| Error::Write {
        file: path.to_path_buf(),
        source: e.error,
    })?;
    Ok(())
}

/// Where an output goes, once it is known to be a new path or a regular file.
pub struct Target {
    /// The file to replace: `path` itself, or the file a symlink leads to
    /// (the link stays).
    pub path: PathBuf,
    /// The mode of the file it replaces.
    pub permissions: Option<fs::Permissions>,
}

/// Checks that `path` is a new name or a regular file (through a symlink)
/// that is none of `inputs`. A rename would replace a device node, a FIFO or
/// a socket with a file, and a document or its data with a PDF.
pub fn check_target(path: &Path, inputs: &[PathBuf]) -> Result<Target, Error> {
    let io = |source| Error::Write {
        file: path.to_path_buf(),
        source,
    };
    let own = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Target {
                path: path.to_path_buf(),
                permissions: None,
            })
        }
        Err(e) => return Err(io(e)),
        Ok(m) => m,
    };
    let (real, meta) = if own.file_type().is_symlink() {
        match fs::metadata(path) {
            Ok(meta) => (fs::canonicalize(path).map_err(io)?, meta),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NotAFile {
                    file: path.to_path_buf(),
                    kind: FileKind::BrokenLink,
                })
            }
            Err(e) => return Err(io(e)),
        }
    } else {
        (path.to_path_buf(), own)
    };
    if !meta.is_file() {
        return Err(Error::NotAFile {
            file: path.to_path_buf(),
            kind: kind_of(&meta.file_type()),
        });
    }
    if let Some(input) = inputs.iter().find(|i| same_file(&real, &meta, i)) {
        return Err(Error::OverwritesInput {
            file: path.to_path_buf(),
            input: input.clone(),
        });
    }
    Ok(Target {
        path: real,
        permissions: Some(meta.permissions()),
    })
}

/// Whether `input` is the file `path` (whose metadata is `meta`).
fn same_file(path: &Path, meta: &fs::Metadata, input: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = path;
        if let Ok(m) = fs::metadata(input) {
            return m.dev() == meta.dev() && m.ino() == meta.ino();
        }
        false
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        match (fs::canonicalize(path), fs::canonicalize(input)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        }
    }
}

/// What a path that is not a regular file is, for messages.
pub fn kind_of(t: &fs::FileType) -> FileKind {
    if t.is_dir() {
        return FileKind::Directory;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return FileKind::Fifo;
        }
        if t.is_char_device() || t.is_block_device() {
            return FileKind::Device;
        }
        if t.is_socket() {
            return FileKind::Socket;
        }
    }
    FileKind::Other
}

/// A temporary file in `dir` (where it will be renamed into place, so the
/// rename is atomic), written by `write` and synced to disk. It is removed if
/// anything fails; `target` names the file in errors. It is created as any
/// new file is (0666 less the umask), not 0600 as temporary files are.
pub fn synced_temp(
    dir: &Path,
    target: &Path,
    write: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<tempfile::NamedTempFile, Error> {
    let fail = |source: std::io::Error| Error::Write {
        file: target.to_path_buf(),
        source,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".vanban-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).map_err(fail)?;
    write(tmp.as_file_mut()).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    Ok(tmp)
}

/// What a render writes: the PDF, or the same document as a Word file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Pdf,
    Docx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }
}
