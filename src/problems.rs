//! What went wrong, as data: the reasons carried by [`crate::Error::Invalid`],
//! [`crate::Error::Archive`], [`crate::Error::Profile`],
//! [`crate::Error::Register`] and [`crate::Error::NoSkeleton`]. Each reason
//! holds the values its message quotes; the sentences, Vietnamese and
//! English, are written once in `crate::messages` (problems.rs).
//!
//! A `detail: String` below is a dependency's own description of its failure
//! (lopdf, serde_json, minijinja, toml_edit): vanban cannot say it better, and
//! shows it after its own sentence the way an `io::Error` is shown.

use std::path::PathBuf;

use chrono::NaiveDate;

/// A document value that parses but cannot be used.
#[derive(Debug, Clone, PartialEq, strum::EnumDiscriminants)]
#[strum_discriminants(name(InvalidKind), derive(strum::EnumIter))]
pub enum Invalid {
    /// `so = 0`.
    NumberZero,
    /// A required text left empty.
    Empty,
    /// A recipient of `noi_nhan` that is only punctuation.
    EmptyRecipient,
    /// `bo_qua_kiem_tra_bang_ma` names a field the document does not have.
    NoSuchText { path: String },
    /// A combining accent after a letter that has no such precomposed form.
    LoneAccent { code_point: u32 },
    /// The inline notation (footnotes) is not well formed.
    Notation(crate::model::NotationError),
    /// A copy (`ban_sao.ky`) with signature or seal images.
    CopyImages,
    /// A circulation note listed twice.
    CirculationTwice,
    /// `ky.thay_mat` without `ky.hinh_thuc`.
    ForWithoutForm,
    /// A year outside what vanban accepts.
    YearOutside { year: i32, first: i32, last: i32 },
    /// The profile (`ho_so`) belongs to the other thể thức.
    ProfileTheThuc {
        profile: String,
        profile_the_thuc: &'static str,
        document_the_thuc: &'static str,
    },
    /// The profile has no `[kinh_gui]`, so the addressees would be lost.
    NoAddresseeLayout { profile: String },
    /// The profile has no `[ban_sao]`.
    NoCopyLayout { profile: String },
    /// The profile has no `[chi_dan]`, so the mark would be lost.
    NoMarkLayout { profile: String, mark: String },
    /// The issue date cannot be written in a PDF's date fields.
    DateOutsidePdf,
    /// An appendix asks for the indicator table but the document has no figures.
    AppendixNeedsFigures,
    /// The figures file reports another period than the document.
    PeriodMismatch {
        document: crate::fields::Period,
        figures_file: PathBuf,
        figures: crate::fields::Period,
        /// The year the periods are named in.
        year: i32,
    },
    /// Neither the document nor the figures say the period.
    NoPeriod { figures_file: PathBuf },
    /// Figures of one year against the targets of another.
    FiguresYear {
        year: i32,
        catalogue: PathBuf,
        catalogue_year: i32,
    },
    /// The period lies in another year than the catalogue's.
    PeriodYear {
        period: String,
        year: i32,
        catalogue: PathBuf,
        catalogue_year: i32,
    },
    /// `tuan-53` in a year of 52 ISO weeks.
    NoWeek53 { year: i32, period: String },
    /// The indicator catalogue contradicts itself.
    Catalogue(CatalogueProblem),
    /// A fragment's text (or a text evaluated as a template) failed.
    // Boxed: the error stays under clippy's size for an error.
    Fragment(Box<FragmentFailure>),
    /// `{ manh = "x" }` names no fragment.
    NoFragment {
        name: String,
        suggestion: Option<String>,
    },
    /// Two documents of one batch would write the same PDF.
    SameOutput { output: PathBuf, first: PathBuf },
    /// `vanban serve`: the page tried to edit a field its form does not show.
    NotEditable,
    /// `vanban serve`: the field path does not lead anywhere in the file.
    NoSuchField,
    /// `vanban serve`: a list element cannot be emptied.
    CannotBeEmpty,
    /// `vanban serve`: the document number typed in the form is not digits.
    NumberNotDigits { value: String },
    /// `vanban serve`: the year typed in the form is not digits.
    YearNotDigits { value: String },
    /// `vanban serve`: the document's `so_lieu` is not a table.
    FiguresNotTable,
    /// `vanban serve`: the file is no longer valid TOML (toml_edit's words).
    Syntax { detail: String },
}

/// Why a layout template (the profile's Typst templates, written with
/// minijinja) failed: a fault of the template set, not of the document.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(TemplateProblemKind), derive(strum::EnumIter))]
pub enum TemplateProblem {
    /// A layout library the renderer needs is not in the set.
    MissingLibrary,
    /// minijinja's kind and words.
    Engine { detail: String },
}

/// A fragment (or a text evaluated as a template) that failed: where, on
/// which line of its own text, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FragmentFailure {
    pub place: FragmentPlace,
    pub line: usize,
    pub problem: FragmentProblem,
}

/// Where a failing template text stands.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(FragmentPlaceKind), derive(strum::EnumIter))]
pub enum FragmentPlace {
    /// A document text, evaluated because the document has figures.
    Text,
    /// The fragment `name`.
    Fragment { name: String },
    /// The fragment `name`, included by `by`.
    Included { name: String, by: String },
}

/// Why a fragment failed.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(FragmentProblemKind), derive(strum::EnumIter))]
pub enum FragmentProblem {
    /// A name that is not in the fragment's context.
    Undefined { expression: String },
    /// A filter or function that does not exist.
    UnknownFunction { expression: String },
    /// `chi_tieu.<code>` with a code the figures do not have.
    NoIndicator {
        code: String,
        suggestion: Option<String>,
    },
    /// A filter refused its value (`{{ "x" | ngay }}`).
    Value(crate::parsing::ValueProblem),
    /// The template text is not well formed: minijinja's words.
    Syntax { detail: String },
    /// The fragment ran past the step budget (a loop too long).
    TooManySteps,
    /// Anything else minijinja reports: its kind and its words.
    Engine { detail: String },
}

/// What is wrong in an indicator catalogue; `at` is `nhom[0].chi_tieu[1]`, `code` its code.
#[derive(Debug, Clone, PartialEq, strum::EnumDiscriminants)]
#[strum_discriminants(name(CatalogueProblemKind), derive(strum::EnumIter))]
pub enum CatalogueProblem {
    BadCode {
        at: String,
        code: String,
    },
    CodeTwice {
        at: String,
        code: String,
    },
    NegativePlan {
        at: String,
        key: &'static str,
        value: String,
    },
    /// The target's shape (`dang`) needs values the entry does not give;
    /// `needs` names the keys.
    ShapeNeeds {
        at: String,
        shape: &'static str,
        needs: &'static str,
    },
}

/// A document or PDF the archive will not take, or cannot extract.
#[derive(Debug, Clone, PartialEq, strum::EnumDiscriminants)]
#[strum_discriminants(name(ArchiveProblemKind), derive(strum::EnumIter))]
pub enum ArchiveProblem {
    /// A data file named by an absolute path.
    AbsoluteSource { field: String, name: PathBuf },
    /// The document came from memory, not a file.
    NotFromFile,
    /// A source path that is not valid Unicode.
    PathNotUnicode,
    /// A source named like the manifest.
    ReservedName { name: &'static str },
    /// A name in a PDF that would leave the output folder.
    UnsafeName { name: String },
    /// `extract`: a path on the way is a file.
    NotAFolder,
    /// `extract`: a symbolic link in the way.
    Symlink,
    /// `extract`: the file is already there.
    Exists,
    /// `--assign-number` cannot put `so` into the document's text.
    CannotWriteNumber { number: u32 },
    /// The chosen PDF standard has no embedded files.
    StandardWithoutFiles { standard: String },
    /// A draft (no `so`) without `--assign-number`.
    Draft,
    /// The document's bytes are not UTF-8.
    NotUtf8,
    /// `register next`: a type code the thể thức does not have.
    UnknownTypeCode {
        code: String,
        the_thuc: String,
        codes: Vec<String>,
    },
    /// `register next`: several issuing bodies and no `--co-quan`.
    SeveralBodies { bodies: Vec<String> },
    /// `--replaces N`: no such entry.
    NoEntry { entry: i64 },
    /// `--replaces N`: N was already replaced by `by`.
    AlreadyReplaced {
        entry: i64,
        number_symbol: String,
        by: i64,
    },
    /// `--replaces N`: N is another number than this document's.
    NotTheSameNumber {
        entry: i64,
        number_symbol: String,
        date: String,
        /// The document's number and symbol, or its symbol when a draft.
        this: String,
        draft: bool,
        this_date: NaiveDate,
    },
    /// Party numbering without a recorded term for the date.
    NoTerm { date: NaiveDate },
    /// A stray file where the archived PDF would go.
    StrayFile,
    /// A stray name where the sources folder would go.
    StrayFolder,
    /// The PDF cannot be read (lopdf's words).
    UnreadablePdf { detail: String },
    /// The PDF's embedded-files tree is damaged.
    DamagedTree { problem: TreeProblem },
    /// The PDF has no embedded files at all.
    NoEmbeddedFiles,
    /// The manifest does not parse (serde_json's words).
    BadManifest {
        manifest: &'static str,
        detail: String,
    },
    /// The manifest is of a format this vanban does not read.
    ManifestFormat {
        manifest: &'static str,
        found: String,
        known: &'static str,
    },
    /// The manifest lists a file the PDF does not embed.
    NotEmbedded { path: String },
    /// An embedded file's digest differs from the manifest's.
    Altered { path: String },
    /// `register copy`: the copy order cannot be written into the
    /// original's text (the parser's words, or the shape the top level needs).
    CopyOrderUnwritable { detail: String },
    /// `register copy`: the original's top level is not keys and values.
    NotKeys,
}

/// What is wrong with a PDF's embedded-files name tree.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(TreeProblemKind), derive(strum::EnumIter))]
pub enum TreeProblem {
    TooDeep,
    Cycle,
    NoData {
        name: String,
    },
    NoStream {
        name: String,
    },
    /// The stream cannot be decoded (lopdf's words).
    Undecodable {
        name: String,
        detail: String,
    },
}

/// A layout profile (or a kind file of a template set) that cannot be used.
#[derive(Debug, strum::EnumDiscriminants)]
#[strum_discriminants(name(ProfileProblemKind), derive(strum::EnumIter))]
pub enum ProfileProblem {
    /// No `profiles/<name>.toml` in the template set.
    NoSuchProfile {
        looked_for: String,
        known: Vec<String>,
    },
    /// The profile file does not parse; the error with its place.
    Unreadable(Box<crate::Error>),
    /// Two keys that are given together or not at all.
    Together {
        first: &'static str,
        second: &'static str,
    },
    /// Under the issuing body: a mark or a rule, not both.
    MarkOrRule,
    /// Under the trích yếu: a separator or a rule, not both.
    SeparatorOrRule,
    /// A fraction of the text's length outside (0, 1].
    Fraction {
        key: &'static str,
        got: f64,
    },
    NoKinds,
    /// A kind's declaration is wrong.
    Kind {
        key: String,
        problem: KindProblem,
    },
    /// `chi_dan.chu` lacks the words of a mark.
    MarkWords {
        mark: String,
    },
    /// `chi_dan.chu.du-thao-lan` without `{n}`.
    DraftRoundWords,
    /// `chi_dan.<group>.mau` is not #rrggbb.
    Colour {
        group: &'static str,
        value: String,
    },
    /// `goc-phai` without `cach_mep_tren`.
    CornerNeedsTop {
        group: &'static str,
    },
    /// `ky.anh_dau_phu` outside 0–1.
    SealShare {
        got: f64,
    },
    NoFontFamily,
    /// `muc.*` lists of different lengths.
    HeadingLevels,
    /// `muc.kieu` has a key that is not a numbering scheme.
    Scheme {
        key: String,
    },
    /// The copy kind has no words in `ban_sao.ten`/`ban_sao.ma`.
    CopyWords {
        key: String,
    },
    /// `dau.mau_so` has no `{so}`: the register cannot write numbers.
    NoNumberInPattern,
}

/// What is wrong with a `[loai.<key>]` declaration.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(KindProblemKind), derive(strum::EnumIter))]
pub enum KindProblem {
    EmptyName,
    Signatures { got: u8 },
    ArticleScheme,
    Template { got: String },
    PatternWithoutNumber,
}

/// A register entry an error points to (the one a number already belongs to).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    pub id: i64,
    pub number_symbol: String,
    pub issue_date: String,
    pub file: String,
    pub summary: String,
}

/// The register contradicts what is asked of it.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(RegisterProblemKind), derive(strum::EnumIter))]
pub enum RegisterProblem {
    /// A term start that would renumber documents already registered.
    TermRenumbers {
        start: NaiveDate,
        symbol: String,
        date: String,
    },
    /// The register's stored term start is not a date.
    TermNotDate { value: String },
    /// The archive name is taken.
    NameTaken { name: String },
}

/// Why `vanban new` has no skeleton to write.
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(SkeletonProblemKind), derive(strum::EnumIter))]
pub enum SkeletonProblem {
    UnknownKind {
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// Several thể thức have this kind; `--the-thuc` must choose.
    Several { choices: Vec<String> },
    /// The kind has no skeleton in the asked thể thức.
    NotInTheThuc {
        the_thuc: String,
        exists_for: Vec<String>,
    },
    /// The template set lacks the skeleton file.
    Missing { file: String },
    /// The output is not a .toml file.
    NotToml { out: PathBuf },
    /// `vanban serve`: a thể thức that is neither `dang` nor `nha-nuoc`.
    UnknownTheThuc { value: String },
}
