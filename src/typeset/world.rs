use typst::diag::{FileError, FileResult, PackageError};
use typst::ecow::eco_format;
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use std::sync::LazyLock;

use super::fonts::FontSet;

/// The fixed path of the generated source. Always the same: Typst interns file
/// ids for the life of the process, so a new path per document would leak.
pub const MAIN: &str = "/main.typ";

/// A sandboxed Typst world: one in-memory source, the given fonts, a fixed
/// "today". There is no file system behind it: every file read and every
/// package import is refused, so nothing a document says can reach the disk.
/// Typst's standard library, built once per process: building it is a good
/// part of a small render's fixed cost, and it is the same for every document
/// (no inputs, no features), so batch and watch share one.
static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

pub struct SandboxWorld<'a> {
    fonts: &'a FontSet,
    main: Source,
    today: Datetime,
    /// In-memory files the source may read (the sources a PDF/A-3 embeds with
    /// `pdf.attach`); they are handed over, never read from the disk.
    files: Vec<(FileId, Bytes)>,
}

pub fn main_id() -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(MAIN).expect("a fixed, valid path"),
    )
    .intern()
}

impl<'a> SandboxWorld<'a> {
    pub fn new(fonts: &'a FontSet, source: String, today: Datetime) -> Self {
        SandboxWorld {
            fonts,
            main: Source::new(main_id(), source),
            today,
            files: Vec::new(),
        }
    }

    /// Serves `files` (absolute virtual path, bytes) besides the source. A path
    /// that is not a valid virtual path, or is the source's own, is refused.
    pub fn with_files(mut self, files: Vec<(String, Bytes)>) -> Result<Self, String> {
        self.add_files(files)?;
        Ok(self)
    }

    fn add_files(&mut self, files: Vec<(String, Bytes)>) -> Result<(), String> {
        for (path, bytes) in files {
            let vpath = VirtualPath::new(&path).map_err(|e| format!("{path}: {e}"))?;
            let id = RootedPath::new(VirtualRoot::Project, vpath).intern();
            if id == self.main.id() || self.files.iter().any(|(f, _)| *f == id) {
                return Err(format!("{path}: this virtual path is already taken"));
            }
            self.files.push((id, bytes));
        }
        Ok(())
    }

    /// Replaces the served files with `files` (see [`Self::with_files`]):
    /// `watch` keeps one world while the images on disk may change.
    pub fn set_files(&mut self, files: Vec<(String, Bytes)>) -> Result<(), String> {
        self.files.clear();
        self.add_files(files)
    }

    /// Replaces the source text and date. `Source::replace` reparses only
    /// the changed range, which is what makes a re-render in `watch` cheap.
    pub fn update(&mut self, source: &str, today: Datetime) {
        self.main.replace(source);
        self.today = today;
    }

    pub fn main_source(&self) -> &Source {
        &self.main
    }
}

impl World for SandboxWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(refuse(id))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        match self.files.iter().find(|(f, _)| *f == id) {
            Some((_, bytes)) => Ok(bytes.clone()),
            None => Err(refuse(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn refuse(id: FileId) -> FileError {
    match id.root() {
        VirtualRoot::Package(spec) => FileError::Package(PackageError::Other(Some(eco_format!(
            "vanban does not load Typst packages (tried to load {spec}); the layout library is built in"
        )))),
        VirtualRoot::Project => FileError::AccessDenied,
    }
}
