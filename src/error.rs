//! The library's errors. Every input error carries its place (file, line,
//! column, field path) so a clerk can find and fix it; the binary reports them.

use std::fmt;
use std::path::{Path, PathBuf};

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

fn field_suffix(field: &str) -> String {
    if field.is_empty() {
        String::new()
    } else {
        format!(", field `{field}`")
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

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot read {}: {source}", file.display())]
    Read {
        file: PathBuf,
        source: std::io::Error,
    },

    #[error("{}: unknown file type; a document file ends in .toml, .json, .yaml or .yml", file.display())]
    UnknownFormat { file: PathBuf },

    /// The message and field may quote the file (a value, a header): only
    /// short excerpts are shown, see [`excerpts`].
    #[error("{loc}{}: {}", field_suffix(&excerpts(field)), excerpts(message))]
    Parse {
        loc: Location,
        field: String,
        message: String,
    },

    #[error("{}{}: {message}", file.display(), field_suffix(field))]
    Invalid {
        file: PathBuf,
        field: String,
        message: String,
    },

    #[error("{}, field `{field}`: the font `{family}` cannot draw the character {ch:?} (U+{code:04X}); remove or replace it, or add a font that has it with --font-dir", file.display(), code = *ch as u32)]
    MissingGlyph {
        file: PathBuf,
        field: String,
        ch: char,
        family: String,
    },

    #[error("{}, field `{field}`: this text looks like Vietnamese typed in the legacy {encoding} encoding and pasted as Unicode ({sample:?}); convert it to Unicode (e.g. with Unikey's converter) and paste it again; if the text is right as it is, list `{field}` in `bo_qua_kiem_tra_bang_ma`", file.display())]
    LegacyEncoding {
        file: PathBuf,
        field: String,
        encoding: &'static str,
        sample: String,
    },

    #[error("{}: the file is {size} bytes; a document or data file may be at most {limit} bytes", file.display())]
    TooLarge {
        file: PathBuf,
        size: u64,
        limit: u64,
    },

    /// An input over one of the bounds of [`crate::limits`].
    #[error("{}{}: {} is {value}, over the limit of {limit}; {}", file.display(), field_suffix(field), bound.en(), bound.advice_en())]
    Limit {
        file: PathBuf,
        field: String,
        bound: crate::limits::Bound,
        value: u64,
        limit: u64,
    },

    #[error("layout profile `{name}`: {message}")]
    Profile { name: String, message: String },

    #[error("template {name}{}: {message}", if *line > 0 { format!(":{line}") } else { String::new() })]
    Template {
        name: String,
        line: usize,
        message: String,
    },

    #[error("typesetting failed:\n{}", diagnostics.join("\n"))]
    Typeset { diagnostics: Vec<String> },

    #[error("PDF export failed:\n{}", diagnostics.join("\n"))]
    Pdf { diagnostics: Vec<String> },

    #[error("fonts: {message}")]
    Fonts { message: String },

    #[error("cannot write {}: {source}", file.display())]
    Write {
        file: PathBuf,
        source: std::io::Error,
    },

    /// A document or PDF the archive cannot take: a draft without a number, an
    /// unknown term, a PDF without sources, a wrong `--replaces`.
    #[error("{}: {message}", file.display())]
    Archive { file: PathBuf, message: String },

    #[error("{}: {number_symbol} is already registered ({scope}): {existing}", file.display())]
    DuplicateNumber {
        file: PathBuf,
        number_symbol: String,
        scope: String,
        existing: String,
    },

    /// The register database failed (locked too long, damaged, too new).
    #[error("register {}: {message}", register.display())]
    Register { register: PathBuf, message: String },

    #[error("archive {}: {problems} problem(s) found: files missing, altered or added since they were archived", dir.display())]
    ArchiveDamaged { dir: PathBuf, problems: usize },

    /// `vanban new` has no skeleton for this kind (or thể thức, or file type).
    #[error("vanban new {kind}: {message}")]
    NoSkeleton { kind: String, message: String },

    /// `vanban new` would overwrite a file; it may be a document being written.
    #[error("{} already exists; choose another name with -o, or add --force to overwrite it", file.display())]
    Exists { file: PathBuf },

    /// `vanban batch` was given no document file.
    #[error("{}: no document file (.toml, .json, .yaml, .yml) to render", dir.display())]
    NoDocuments { dir: PathBuf },

    /// `vanban preview --page N` past the last page.
    #[error("{}: page {page} asked for, but the document has {pages} page(s)", file.display())]
    NoSuchPage {
        file: PathBuf,
        page: usize,
        pages: usize,
    },

    /// A PNG page could not be encoded.
    #[error("PNG encoding failed: {message}")]
    Png { message: String },

    /// The file watcher failed (e.g. the system's limit on watched files).
    #[error("watching {}: {message}", file.display())]
    Watch { file: PathBuf, message: String },

    /// A document names a file outside its folder tree (symlinks resolved).
    #[error("{}, field `{field}`: `{}` is outside the document's folder {}; a document may name only files in its folder and below (symbolic links followed). To allow another folder, add --allow-path DIR", file.display(), name.display(), folder.display())]
    Outside {
        file: PathBuf,
        field: String,
        name: PathBuf,
        folder: PathBuf,
    },

    /// A path to read or write is a directory, a FIFO, a device, a socket.
    #[error("{}: {kind}, not a regular file; vanban reads and writes only regular files", file.display())]
    NotAFile { file: PathBuf, kind: FileKind },

    /// An output would replace a file the render reads.
    #[error("{}: refusing to write there: it is an input of this render ({}); choose another output with -o", file.display(), input.display())]
    OverwritesInput { file: PathBuf, input: PathBuf },

    /// `--allow-path` names something that is not a folder.
    #[error("{}: --allow-path takes a folder", file.display())]
    NotAFolder { file: PathBuf },

    /// A free table as written cannot be laid out; `field` is the cell or key
    /// (`bang.tien_do.hang[3][1]`, or `sheet `Bảng`, row 5, column C` in a data file).
    #[error("{}{}: {}", file.display(), field_suffix(field), problem.english())]
    Table {
        file: PathBuf,
        field: String,
        problem: crate::tables::TableProblem,
    },

    /// The batch's worker threads could not be started.
    #[error("cannot start the worker threads: {message}")]
    Threads { message: String },

    /// `vanban serve`: the file changed on disk since the page opened it;
    /// saving would overwrite someone else's change.
    #[error("{}: the file was changed on disk since it was opened here (by another program or window); nothing was saved. Copy your changes, open the file again and make them there", file.display())]
    ChangedOnDisk { file: PathBuf },

    /// `vanban serve`: a path that is not a plain relative path inside the
    /// served folder (`..`, absolute, hidden, or a link leading out).
    #[error("`{path}`: not a file inside the served folder {}; give a path relative to it, without `..`, without a leading `/`, not through a link leading out", dir.display())]
    OutsideServed { path: String, dir: PathBuf },

    /// `vanban serve`: the request was addressed to another host name (DNS
    /// rebinding: a web site pointing its own name at this computer).
    #[error("refused: the request is addressed to `{host}`, not to vanban on this computer; open the address `vanban serve` printed")]
    ForeignHost { host: String },

    /// `vanban serve`: a request without the page's per-run token.
    #[error("refused: the request does not carry this run's token; reload the page from the address `vanban serve` printed")]
    MissingToken,

    /// `vanban serve`: a write sent by a page of another site.
    #[error("refused: the request comes from the page of another site (`{origin}`)")]
    ForeignOrigin { origin: String },

    /// `vanban serve`: an upload that is not a figures file.
    #[error("{}: only figures files (.xlsx, .xls, .ods, .csv) can be uploaded", file.display())]
    UploadKind { file: PathBuf },

    /// An output this build cannot write yet (the DOCX writer, issue 13).
    #[error("{what} output is not available in this version of vanban yet; download the PDF")]
    Unavailable { what: String },

    /// `vanban serve` could not listen on its address.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },

    /// vanban panicked on this document (caught, so a batch goes on).
    #[error("{}: vanban crashed on this document: {message}", file.display())]
    Crashed { file: PathBuf, message: String },
}

impl Error {
    /// Whether the input is at fault (exit 1) rather than vanban or the system (exit 2).
    pub fn is_input_error(&self) -> bool {
        matches!(
            self,
            Error::Read { .. }
                | Error::UnknownFormat { .. }
                | Error::Parse { .. }
                | Error::Invalid { .. }
                | Error::MissingGlyph { .. }
                | Error::LegacyEncoding { .. }
                | Error::TooLarge { .. }
                | Error::Limit { .. }
                | Error::Profile { .. }
                | Error::Fonts { .. }
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
                | Error::ChangedOnDisk { .. }
                | Error::OutsideServed { .. }
                | Error::ForeignHost { .. }
                | Error::MissingToken
                | Error::ForeignOrigin { .. }
                | Error::UploadKind { .. }
        )
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
