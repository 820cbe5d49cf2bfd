//! The files a render reads besides the templates and fonts: the document and
//! the files it names (catalogue, figures, fragment files).
//!
//! A document is data from anyone, so a file it names must lie in the
//! document's folder tree, symlinks resolved, or in a folder the user allowed
//! (`--allow-path`): it cannot make vanban print someone else's file. Each file
//! is read once and kept, so the checks, the render and the sources an archive
//! embeds are the same bytes. `..` in a name is resolved by name, as an
//! extracted copy of the sources (which has no symlinks) resolves it.

use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::error::Error;
use crate::model::MAX_INPUT_BYTES;

/// One file read for a render.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Input {
    /// As messages show it: the document's folder joined with the name the
    /// document wrote.
    pub shown: PathBuf,
    /// Absolute, with `.` and `..` resolved by name: the layout an archive keeps.
    pub named: PathBuf,
    /// The file itself, every symlink resolved: what was checked and read.
    pub real: PathBuf,
    #[serde(skip)]
    pub bytes: Arc<Vec<u8>>,
}

/// The files one render has read, and the folders beyond the document's own
/// that it may read from.
#[derive(Debug, Default)]
pub struct Inputs {
    allowed: Vec<PathBuf>,
    read: Mutex<Vec<Input>>,
}

impl Inputs {
    /// `allowed`: folders, canonical, a document may also name files in.
    pub fn new(allowed: Vec<PathBuf>) -> Self {
        Inputs {
            allowed,
            read: Mutex::new(Vec::new()),
        }
    }

    /// Reads the document file itself (the user named it: no confinement).
    pub fn document(&self, file: &Path) -> Result<Input, Error> {
        let named = absolute(file)?;
        let real = std::fs::canonicalize(file).map_err(|source| Error::Read {
            file: file.to_path_buf(),
            source,
        })?;
        self.read(file.to_path_buf(), named, real)
    }

    /// Records `bytes` as the document file `file`'s content without reading
    /// it: a text being edited in `vanban serve` is checked and rendered as if
    /// it were saved, and the file itself must exist (it is where the
    /// document's folder is).
    pub fn document_text(&self, file: &Path, bytes: Vec<u8>) -> Result<Input, Error> {
        let named = absolute(file)?;
        let real = std::fs::canonicalize(file).map_err(|source| Error::Read {
            file: file.to_path_buf(),
            source,
        })?;
        let input = Input {
            shown: file.to_path_buf(),
            named,
            real,
            bytes: Arc::new(bytes),
        };
        let mut read = self.read.lock().unwrap_or_else(|e| e.into_inner());
        read.retain(|f| f.real != input.real);
        read.push(input.clone());
        Ok(input)
    }

    /// Reads the file the document `document` names as `name` in `field`.
    pub fn named(&self, document: &Path, name: &Path, field: &str) -> Result<Input, Error> {
        let (shown, named, real) = self.resolve(document, name, field)?;
        self.read(shown, named, real)
    }

    /// Where the file named `name` is (as shown, by name, for real), if it
    /// exists and lies where the document may read.
    pub fn resolve(
        &self,
        document: &Path,
        name: &Path,
        field: &str,
    ) -> Result<(PathBuf, PathBuf, PathBuf), Error> {
        let shown = relative_to(document, name);
        let named = absolute(&shown)?;
        let doc_dir = absolute(document)?
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("/"));
        let folder = std::fs::canonicalize(&doc_dir).map_err(|source| Error::Read {
            file: doc_dir.clone(),
            source,
        })?;
        let inside =
            |p: &Path| p.starts_with(&folder) || self.allowed.iter().any(|a| p.starts_with(a));
        let outside = || Error::Outside {
            file: document.to_path_buf(),
            field: field.to_string(),
            name: name.to_path_buf(),
            folder: folder.clone(),
        };
        let real = match std::fs::canonicalize(&named) {
            Ok(real) => real,
            // A missing file outside the folder is refused as outside: "not
            // found" would tell whether someone else's file exists.
            Err(_) if !inside(&named) && !named.starts_with(&doc_dir) => return Err(outside()),
            Err(source) => {
                return Err(Error::Read {
                    file: shown.clone(),
                    source,
                })
            }
        };
        if inside(&real) {
            return Ok((shown, named, real));
        }
        Err(outside())
    }

    /// The document file `file`, if [`Inputs::document`] has read it.
    pub fn already_read(&self, file: &Path) -> Option<Input> {
        let named = absolute(file).ok()?;
        let read = self.read.lock().unwrap_or_else(|e| e.into_inner());
        read.iter().find(|f| f.named == named).cloned()
    }

    /// Every file read so far.
    pub fn files(&self) -> Vec<Input> {
        self.read.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The real paths of every file read so far: what an output must not replace.
    pub fn paths(&self) -> Vec<PathBuf> {
        self.files().into_iter().map(|f| f.real).collect()
    }

    /// The bytes of `real`, read on first use only.
    fn read(&self, shown: PathBuf, named: PathBuf, real: PathBuf) -> Result<Input, Error> {
        let mut read = self.read.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = read.iter().find(|f| f.real == real) {
            let bytes = known.bytes.clone();
            let input = Input {
                shown,
                named,
                real,
                bytes,
            };
            if !read.iter().any(|f| f.named == input.named) {
                read.push(input.clone());
            }
            return Ok(input);
        }
        let bytes = Arc::new(read_regular(&shown, &real)?);
        let input = Input {
            shown,
            named,
            real,
            bytes,
        };
        read.push(input.clone());
        Ok(input)
    }
}

/// Reads a regular file of at most [`MAX_INPUT_BYTES`]: a FIFO or a device
/// would block or never end.
fn read_regular(shown: &Path, real: &Path) -> Result<Vec<u8>, Error> {
    let fail = |source| Error::Read {
        file: shown.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(real).map_err(fail)?;
    let meta = file.metadata().map_err(fail)?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            file: shown.to_path_buf(),
            kind: crate::output::kind_of(&meta.file_type()),
        });
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            file: shown.to_path_buf(),
            size: meta.len(),
            limit: MAX_INPUT_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may grow while it is read; the limit holds anyway.
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(fail)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::TooLarge {
            file: shown.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(bytes)
}

/// Resolves `p` against the directory of the document that names it.
pub fn relative_to(document: &Path, p: &Path) -> PathBuf {
    if p.is_absolute() {
        return p.to_path_buf();
    }
    match document.parent() {
        Some(dir) => dir.join(p),
        None => p.to_path_buf(),
    }
}

/// `p` made absolute against the current directory, `.` and `..` resolved
/// by name (never through the file system).
pub fn absolute(p: &Path) -> Result<PathBuf, Error> {
    let abs = std::path::absolute(p).map_err(|source| Error::Read {
        file: p.to_path_buf(),
        source,
    })?;
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    Ok(out)
}

/// The folders `--allow-path` names, canonical.
pub fn allowed_folders(dirs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    dirs.iter()
        .map(|d| {
            let c = std::fs::canonicalize(d).map_err(|source| Error::Read {
                file: d.clone(),
                source,
            })?;
            if !c.is_dir() {
                return Err(Error::NotAFolder { file: d.clone() });
            }
            Ok(c)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotdot_is_resolved_by_name() {
        let p = absolute(Path::new("/a/b/../c/./d")).unwrap();
        assert_eq!(p, PathBuf::from("/a/c/d"));
        assert_eq!(absolute(Path::new("/../x")).unwrap(), PathBuf::from("/x"));
    }
}
