//! The library's errors. Every input error carries its place (file, line,
//! column, field path) so a clerk can find and fix it; the binary reports them.

use std::fmt;
use std::path::{Path, PathBuf};

/// The register's database error; without the `archive` feature there is
/// no register, so none can occur.
#[cfg(feature = "archive")]
pub type DbError = rusqlite::Error;
#[cfg(not(feature = "archive"))]
pub type DbError = std::convert::Infallible;

/// The file watcher's error; without the `watch` feature there is none.
#[cfg(feature = "watch")]
pub type WatchError = notify::Error;
#[cfg(not(feature = "watch"))]
pub type WatchError = std::convert::Infallible;

/// Why a change of a list in the page's form (a section, a paragraph, a
/// recipient added, moved or deleted) cannot be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum OutlineProblem {
    /// The field is not a list the form changes (sections, paragraphs,
    /// recipients, addressees).
    NotAList,
    /// No item at that place.
    NoItem,
    /// The first item cannot move up.
    First,
    /// The last item cannot move down.
    Last,
    /// The first section of a list has no section before it to go under.
    NothingBefore,
    /// A top-level section cannot move out a level.
    TopLevel,
    /// A new item needs its text.
    EmptyText,
    /// Sections written inline (`noi_dung = [{ … }]`) move between levels in the file only.
    Inline,
    /// The names of a recipient group are reordered only; a name is added
    /// or removed in the file (a group keeps one name at least).
    GroupNamesMoveOnly,
}

/// A place in an input file. Line and column are 1-based; 0 means unknown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl Location {
    pub fn at(file: &Path, line: usize, column: usize) -> Self {
        Location {
            file: file.to_path_buf(),
            line,
            column,
        }
    }

    pub fn file_only(file: &Path) -> Self {
        Self::at(file, 0, 0)
    }

    /// The line and column (in characters) of byte offset `byte` in `text`.
    pub fn at_byte(file: &Path, text: &str, byte: usize) -> Self {
        let byte = byte.min(text.len());
        let before = &text[..text.floor_char_boundary(byte)];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Self::at(file, line, column)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        Ok(())
    }
}

/// What a path is when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Device,
    Socket,
    BrokenLink,
    Symlink,
    Other,
}

impl FileKind {
    pub fn english(self) -> &'static str {
        match self {
            FileKind::Directory => "a directory",
            FileKind::Fifo => "a named pipe (FIFO)",
            FileKind::Device => "a device",
            FileKind::Socket => "a socket",
            FileKind::BrokenLink => "a symbolic link to nothing",
            FileKind::Symlink => "a symbolic link",
            FileKind::Other => "a special file",
        }
    }

    pub fn vietnamese(self) -> &'static str {
        match self {
            FileKind::Directory => "là thư mục",
            FileKind::Fifo => "là ống dẫn có tên (FIFO)",
            FileKind::Device => "là tệp thiết bị",
            FileKind::Socket => "là socket",
            FileKind::BrokenLink => "là liên kết tượng trưng trỏ tới tệp không tồn tại",
            FileKind::Symlink => "là liên kết tượng trưng",
            FileKind::Other => "là tệp đặc biệt",
        }
    }
}

impl fmt::Display for FileKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.english())
    }
}

/// The longest excerpt of a file's content a message quotes.
pub const MAX_EXCERPT_CHARS: usize = 60;

/// `message` with every quoted part (`…`, "…", '…') cut to its first line
/// and [`MAX_EXCERPT_CHARS`] characters: a parser quotes the value it stopped
/// at, and a file that is not what the document says (a password file named
/// as a CSV) must not be printed whole into an error.
pub fn excerpts(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if !matches!(c, '`' | '"') {
            continue;
        }
        let mut quoted = String::new();
        let mut closed = false;
        for q in chars.by_ref() {
            if q == c {
                closed = true;
                break;
            }
            quoted.push(q);
        }
        out.push_str(&clip(&quoted));
        if closed {
            out.push(c);
        }
    }
    out
}

/// The first line of `s`, at most [`MAX_EXCERPT_CHARS`] characters, with "…"
/// where it was cut.
pub fn clip(s: &str) -> String {
    let line = s.lines().next().unwrap_or("");
    let mut out: String = line.chars().take(MAX_EXCERPT_CHARS).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Every way vanban can fail. The variants hold what happened as data; the
/// text a person reads, in Vietnamese or English, is written in
/// [`crate::messages`] (one place, both languages), and `Display` is its
/// English form. Grouped by stage: reading files, the document, rendering,
/// writing, the archive, the commands.
/// What is wrong with a copy's `[ban_sao]` (its text is in [`crate::messages`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyProblem {
    /// `so` is not the next number of the copying body's copies that year.
    NotNext { typed: u32, next: u32, year: i32 },
    /// `giu` names kept parts, but only a trích sao keeps parts.
    PartsNotExtract,
    /// `giu` names a part the body does not have.
    NoSuchPart { part: u32, parts: usize },
    /// A document archived as a copy has no `[ban_sao]`.
    NoOrder,
    /// A copy archived into the register has no number (`ban_sao.so`).
    NoNumber,
}

/// Why a registered entry cannot be copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OriginalProblem {
    /// No entry has this id.
    Unknown,
    /// A later version replaces it; copy that one.
    Replaced { by: i64 },
    /// It is itself a copy (of entry `of`); copy the original.
    IsCopy { of: i64 },
    /// A file of the entry is missing or differs from its registered SHA-256.
    Altered { file: String },
}

/// What is wrong with a signature or seal image (its text is in
/// [`crate::messages`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageProblem {
    NotPng,
    /// No alpha channel and no transparent colour.
    Opaque,
    TooManyBytes {
        size: u64,
        limit: u64,
    },
    TooManyPixels {
        width: u32,
        height: u32,
        limit: u32,
    },
    /// The decoder's complaint.
    Damaged(String),
}

#[derive(Debug, strum::EnumDiscriminants)]
#[strum_discriminants(name(ErrorKind), derive(strum::EnumIter))]
pub enum Error {
    /// A signature or seal image that cannot be placed.
    Image {
        file: PathBuf,
        field: String,
        problem: ImageProblem,
    },

    Read {
        file: PathBuf,
        source: std::io::Error,
    },

    UnknownFormat {
        file: PathBuf,
    },

    /// The reason and field may quote the file (a value, a header): only
    /// short excerpts are shown, see [`excerpts`].
    Parse {
        loc: Location,
        field: String,
        // Boxed: the variant stays under clippy's size for an error.
        problem: Box<crate::parsing::ParseProblem>,
    },

    /// A value that parses but cannot be used.
    Invalid {
        file: PathBuf,
        field: String,
        problem: crate::problems::Invalid,
    },

    MissingGlyph {
        file: PathBuf,
        field: String,
        ch: char,
        family: String,
    },

    LegacyEncoding {
        file: PathBuf,
        field: String,
        encoding: &'static str,
        sample: String,
    },

    TooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },

    /// An input over one of the bounds of [`crate::limits`].
    Limit {
        file: PathBuf,
        field: String,
        bound: crate::limits::Bound,
        value: u64,
        limit: u64,
    },

    Profile {
        name: String,
        problem: crate::problems::ProfileProblem,
    },

    Template {
        name: String,
        line: usize,
        problem: crate::problems::TemplateProblem,
    },

    Typeset {
        diagnostics: Vec<String>,
    },

    Pdf {
        diagnostics: Vec<String>,
    },

    /// The DOCX writer could not pack the document (a fault of vanban's).
    Docx {
        source: Box<dyn std::error::Error + Send + Sync>,
    },

    /// A font file or folder given with --font-path cannot be read.
    FontRead {
        file: PathBuf,
        source: std::io::Error,
    },

    /// --font-path names a folder without a font file in it.
    NoFontIn {
        dir: PathBuf,
    },

    /// None of the profile's font families is installed or embedded.
    NoProfileFont {
        wanted: Vec<String>,
        found: Vec<String>,
    },

    Write {
        file: PathBuf,
        source: std::io::Error,
    },

    /// A document or PDF the archive cannot take: a draft without a number, an
    /// unknown term, a PDF without sources, a wrong `--replaces`.
    Archive {
        file: PathBuf,
        problem: crate::problems::ArchiveProblem,
    },

    DuplicateNumber {
        file: PathBuf,
        number_symbol: String,
        scope: String,
        // Boxed: the variant stays under clippy's size for an error.
        existing: Box<crate::problems::Registered>,
    },

    /// The register database failed (locked too long, damaged).
    RegisterDb {
        register: PathBuf,
        source: DbError,
    },

    /// The register was written by a newer vanban.
    RegisterTooNew {
        register: PathBuf,
        version: i64,
        known: i64,
    },

    /// The register's content contradicts what is asked of it (a term that
    /// would renumber documents, a name already registered).
    Register {
        register: PathBuf,
        problem: crate::problems::RegisterProblem,
    },

    /// `archive --replaces` with other than one document file.
    ReplacesOneFile {
        files: usize,
    },

    /// A register command names a folder without a register.
    NoRegister {
        dir: PathBuf,
    },

    ArchiveDamaged {
        dir: PathBuf,
        problems: usize,
    },

    /// `vanban new` has no skeleton for this kind (or thể thức, or file type).
    NoSkeleton {
        kind: String,
        problem: crate::problems::SkeletonProblem,
    },

    /// `vanban new` would overwrite a file; it may be a document being written.
    Exists {
        file: PathBuf,
    },

    /// `vanban batch` was given no document file.
    NoDocuments {
        dir: PathBuf,
    },

    /// `vanban preview --page N` past the last page.
    NoSuchPage {
        file: PathBuf,
        page: usize,
        pages: usize,
    },

    /// A PNG page could not be encoded.
    Png {
        source: Box<dyn std::error::Error + Send + Sync>,
    },

    /// The file watcher failed (e.g. the system's limit on watched files).
    Watch {
        file: PathBuf,
        source: WatchError,
    },

    /// A document names a file outside its folder tree (symlinks resolved).
    Outside {
        file: PathBuf,
        field: String,
        name: PathBuf,
        folder: PathBuf,
    },

    /// A path to read or write is a directory, a FIFO, a device, a socket.
    NotAFile {
        file: PathBuf,
        kind: FileKind,
    },

    /// An output would replace a file the render reads.
    OverwritesInput {
        file: PathBuf,
        input: PathBuf,
    },

    /// `--allow-path` names something that is not a folder.
    NotAFolder {
        file: PathBuf,
    },

    /// A free table as written cannot be laid out; `field` is the cell or key
    /// (`bang.tien_do.hang[3][1]`, or `sheet `Bảng`, row 5, column C` in a data file).
    Table {
        file: PathBuf,
        field: String,
        /// The cell or row of a data file (CSV, workbook) the table reads.
        // Boxed: the variant stays under clippy's size for an error.
        at: Option<Box<crate::parsing::DataPlace>>,
        problem: crate::tables::TableProblem,
    },

    /// The batch's worker threads could not be started.
    Threads {
        source: rayon::ThreadPoolBuildError,
    },

    /// `-o -` for a PDF while standard output is a terminal: the bytes would
    /// garble the screen.
    StdoutIsTerminal,

    /// `loai` names no kind the profile declares (`[loai.<key>]`).
    UnknownKind {
        loc: Location,
        kind: String,
        profile: String,
        // Boxed: the variant stays under clippy's size for an error.
        suggestion: Option<Box<str>>,
        known: Box<[String]>,
    },

    /// A block the document's kind needs is missing, or one it does not
    /// print is given.
    KindBlock {
        file: PathBuf,
        field: String,
        kind: String,
        problem: crate::kinds::BlockProblem,
    },

    /// A copy's `[ban_sao]` disagrees with the register or with its
    /// document: a typed number that is not the register's next copy
    /// number, or kept parts (`giu`) that are not there.
    Copy {
        file: PathBuf,
        field: String,
        problem: CopyProblem,
    },

    /// `vanban register copy ID`: the entry cannot be copied.
    CopyOriginal {
        register: PathBuf,
        id: i64,
        problem: OriginalProblem,
    },

    /// `vanban serve`: the file changed on disk since the page opened it;
    /// saving would overwrite someone else's change.
    ChangedOnDisk {
        file: PathBuf,
    },

    /// `vanban serve`: a change of the body's tree of sections or of a list
    /// of recipients that cannot be made (see [`OutlineProblem`]).
    Outline {
        file: PathBuf,
        field: String,
        problem: OutlineProblem,
    },

    /// `vanban serve`: a path that is not a plain relative path inside the
    /// served folder (`..`, absolute, hidden, or a link leading out).
    OutsideServed {
        path: String,
        dir: PathBuf,
    },

    /// `vanban serve`: the request was addressed to another host name (DNS
    /// rebinding: a web site pointing its own name at this computer).
    ForeignHost {
        host: String,
    },

    /// `vanban serve`: a request without the page's per-run token.
    MissingToken,

    /// `vanban serve`: a write sent by a page of another site.
    ForeignOrigin {
        origin: String,
    },

    /// `vanban serve`: an upload that is not a figures file.
    UploadKind {
        file: PathBuf,
    },

    /// `vanban serve` could not listen on its address.
    Listen {
        addr: String,
        source: std::io::Error,
    },

    /// vanban panicked on this document (caught, so a batch goes on).
    Crashed {
        file: PathBuf,
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::messages::error(self, crate::messages::Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Read { source, .. }
            | Error::Write { source, .. }
            | Error::FontRead { source, .. } => Some(source),
            Error::RegisterDb { source, .. } => Some(source),
            Error::Watch { source, .. } => Some(source),
            Error::Threads { source } => Some(source),
            Error::Png { source } | Error::Docx { source } => Some(source.as_ref()),
            _ => None,
        }
    }
}

impl Error {
    /// The field a parse error names: its own, or for a check of a figures
    /// file's entry after it was read (an unknown code, a negative figure)
    /// the entry's path, so its line can be found as a field's is.
    pub fn parse_field(&self) -> std::borrow::Cow<'_, str> {
        use std::borrow::Cow;
        match self {
            Error::Parse { field, problem, .. } if field.is_empty() => match problem.as_ref() {
                crate::parsing::ParseProblem::InData { at, .. } => {
                    at.field_path().map_or(Cow::Borrowed(""), Cow::Owned)
                }
                _ => Cow::Borrowed(""),
            },
            Error::Parse { field, .. } => Cow::Borrowed(field),
            _ => Cow::Borrowed(""),
        }
    }

    /// Whether the input is at fault (exit 1) rather than vanban or the system (exit 2).
    pub fn is_input_error(&self) -> bool {
        matches!(
            self,
            Error::Read { .. }
                | Error::Image { .. }
                | Error::UnknownFormat { .. }
                | Error::Parse { .. }
                | Error::Invalid { .. }
                | Error::MissingGlyph { .. }
                | Error::LegacyEncoding { .. }
                | Error::TooLarge { .. }
                | Error::Limit { .. }
                | Error::Profile { .. }
                | Error::FontRead { .. }
                | Error::NoFontIn { .. }
                | Error::NoProfileFont { .. }
                | Error::NoRegister { .. }
                | Error::ReplacesOneFile { .. }
                | Error::StdoutIsTerminal
                | Error::Archive { .. }
                | Error::DuplicateNumber { .. }
                | Error::ArchiveDamaged { .. }
                | Error::NoSkeleton { .. }
                | Error::Exists { .. }
                | Error::NoDocuments { .. }
                | Error::NoSuchPage { .. }
                | Error::Outside { .. }
                | Error::NotAFile { .. }
                | Error::OverwritesInput { .. }
                | Error::NotAFolder { .. }
                | Error::Table { .. }
                | Error::UnknownKind { .. }
                | Error::KindBlock { .. }
                | Error::Copy { .. }
                | Error::CopyOriginal { .. }
                | Error::ChangedOnDisk { .. }
                | Error::Outline { .. }
                | Error::OutsideServed { .. }
                | Error::ForeignHost { .. }
                | Error::MissingToken
                | Error::ForeignOrigin { .. }
                | Error::UploadKind { .. }
        )
    }

    /// The field the error is about and where it stands (1-based line and
    /// column), when it is about the text `text` of the document `file`:
    /// what an editor or the web page marks. Empty and `None` otherwise.
    pub fn place_in(&self, file: &Path, text: &str) -> (String, Option<(usize, usize)>) {
        match crate::messages::locate(self, |f| (f == file).then(|| text.to_string())) {
            Some(l) if l.file == file => (l.field, l.at),
            _ => (String::new(), None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_content_is_cut_to_a_short_first_line() {
        let long = "x".repeat(200);
        let msg = excerpts(&format!("invalid type: string \"{long}\", expected i32"));
        assert_eq!(
            msg,
            format!("invalid type: string \"{}…\", expected i32", "x".repeat(60))
        );
        assert_eq!(
            excerpts("unknown column `a\nsecret`; the columns are `ma`"),
            "unknown column `a…`; the columns are `ma`"
        );
        assert_eq!(excerpts("missing field `ky`"), "missing field `ky`");
    }
}
