//! Why a file could not be read into vanban's types, as data: the reason an
//! [`crate::Error::Parse`] carries. The sentences, Vietnamese and English,
//! are in `crate::messages` (parsing.rs).
//!
//! serde reports a missing field, a wrong type or an unknown value through
//! typed methods of the deserializer's error ([`serde::de::Error`]); the
//! parsers' own errors flatten them into English sentences. [`Typed`] is an
//! error that keeps them, used to read a file a second time, from its tree,
//! once the first read has failed (see `model::load`). vanban's own checks
//! of a value (a date, a period, a number) speak through
//! `serde::de::Error::custom`, which takes only text; they raise a
//! [`ValueProblem`] with [`ValueProblem::raise`], which hands [`Typed`] the
//! problem itself while the parsers get its English.

mod tree;

pub use tree::{Tree, TreeDeserializer};

use std::cell::RefCell;
use std::fmt;

use serde::de;

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, strum::EnumDiscriminants)]
#[strum_discriminants(name(ParseProblemKind), derive(strum::EnumIter))]
pub enum ParseProblem {
    /// The text is not TOML, JSON or YAML there: the parser's own words,
    /// which have no type (toml, serde_json, serde_yaml_ng, csv).
    Syntax { detail: String },
    /// A byte sequence that is not UTF-8.
    NotUtf8,
    /// Brackets nested deeper than `max`.
    TooDeep { max: usize },
    /// A key the type needs is absent.
    MissingField { field: String },
    /// A key the type does not have; `suggestion` is a close known one.
    UnknownField {
        field: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// A value that is none of the type's choices.
    UnknownVariant {
        value: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// A key given twice.
    DuplicateField { field: String },
    /// A value of another kind than the field's (a text for a number).
    InvalidType { found: Found, wanted: Wanted },
    /// A value of the right kind but out of what the field takes.
    InvalidValue { found: Found, wanted: Wanted },
    /// A list with another number of entries.
    InvalidLength { len: usize, wanted: Wanted },
    /// One of vanban's checks of a value.
    Value(ValueProblem),
    /// A CSV file the csv reader refused (its words).
    Csv { detail: String },
    /// A figures file (TOML, CSV, workbook) that is not what vanban reads.
    Figures(FiguresProblem),
    /// A fault at a place of a data file (a row, a cell).
    InData {
        at: DataPlace,
        problem: Box<ParseProblem>,
    },
    /// A sentence from a deserializer nobody typed (none is known to reach a
    /// clerk; kept so that one would still be shown rather than lost).
    Unexplained { detail: String },
}

impl From<ValueProblem> for ParseProblem {
    fn from(p: ValueProblem) -> Self {
        ParseProblem::Value(p)
    }
}

impl From<FiguresProblem> for ParseProblem {
    fn from(p: FiguresProblem) -> Self {
        ParseProblem::Figures(p)
    }
}

/// What the file holds where the type wanted something else (serde's
/// [`de::Unexpected`], owned).
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Bool(bool),
    Integer(String),
    Float(String),
    Char(char),
    Text(String),
    Bytes,
    Unit,
    Option,
    List,
    Table,
    Choice,
    Other(String),
}

impl From<de::Unexpected<'_>> for Found {
    fn from(u: de::Unexpected<'_>) -> Self {
        use de::Unexpected as U;
        match u {
            U::Bool(b) => Found::Bool(b),
            U::Unsigned(n) => Found::Integer(n.to_string()),
            U::Signed(n) => Found::Integer(n.to_string()),
            U::Float(x) => Found::Float(x.to_string()),
            U::Char(c) => Found::Char(c),
            U::Str(s) => Found::Text(s.to_string()),
            U::Bytes(_) => Found::Bytes,
            U::Unit => Found::Unit,
            U::Option => Found::Option,
            U::NewtypeStruct | U::Other(_) => Found::Other(u.to_string()),
            U::Seq => Found::List,
            U::Map => Found::Table,
            U::Enum | U::UnitVariant | U::NewtypeVariant | U::TupleVariant | U::StructVariant => {
                Found::Choice
            }
        }
    }
}

/// What a field takes, as a visitor says it ([`de::Expected`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Wanted {
    /// A whole number not below zero (u8 … u64).
    Unsigned,
    /// A whole number (i8 … i64).
    Integer,
    /// Any number (f32, f64).
    Number,
    Bool,
    Text,
    Char,
    List,
    Table,
    /// One of an enum's values.
    Choice,
    /// One of vanban's own values, described by its visitor.
    Described(Described),
    /// A description no table here knows (shown as the visitor wrote it).
    Other(String),
}

impl Wanted {
    /// The kind `expected` names: serde's words for its primitives, or the
    /// exact text of one of vanban's visitors.
    pub fn of(expected: &dyn de::Expected) -> Self {
        let said = expected.to_string();
        if let Some(d) =
            <Described as strum::IntoEnumIterator>::iter().find(|d| d.english() == said)
        {
            return Wanted::Described(d);
        }
        match said.as_str() {
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Wanted::Unsigned,
            "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "an integer" => Wanted::Integer,
            "f32" | "f64" | "a number" => Wanted::Number,
            "a boolean" => Wanted::Bool,
            "a string" | "a borrowed string" | "path string" | "a text string" => Wanted::Text,
            "a character" | "a char" => Wanted::Char,
            "a sequence" | "a list" => Wanted::List,
            "a map" | "map with a single key" | "string or map" => Wanted::Table,
            "variant identifier" | "unit variant" => Wanted::Choice,
            s if s.starts_with("struct ") || s.starts_with("tuple ") => Wanted::Table,
            s if s.starts_with("enum ") => Wanted::Choice,
            s if s.starts_with("a tuple of size") || s.starts_with("tuple struct") => Wanted::List,
            _ => Wanted::Other(said),
        }
    }
}

/// The values vanban's own visitors read, each described once: its English
/// is what the visitor's `expecting` writes, its Vietnamese is in the
/// catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Described {
    Paragraph,
    Recipient,
    DraftRound,
    NumberingScheme,
    Width,
    Cell,
    Appendices,
    Figure,
    Period,
    Date,
    TextOrLines,
}

impl Described {
    /// The English a visitor's `expecting` writes.
    pub fn english(self) -> &'static str {
        match self {
            Described::Paragraph => {
                "a paragraph: a string, or a table { gach = \"…\" }, { cong = \"…\" } or { bang = \"…\" }"
            }
            Described::Recipient => "a recipient: a string, or { nhom = [\"…\", …], ghi_chu = \"…\" }",
            Described::DraftRound => "true, or the draft's round as a number from 1 (du_thao = 2)",
            Described::NumberingScheme => {
                "a numbering scheme such as \"a)\", or a table { so = \"I.\", in_hoa = false }"
            }
            Described::Width => {
                "a width: a number of millimetres (25), or \"*\" for a share of the rest (\"2*\" for two shares)"
            }
            Described::Cell => {
                "a cell: a text, \"^\" or \"<\" (merged with the cell above or on the left), true (printed X), a whole number, or { o = \"…\" }"
            }
            Described::Appendices => "an appendix [phu_luc], or a list of appendices [[phu_luc]]",
            Described::Figure => "a number (642150, 55.87, or \"2.659.682\", \"55,87\")",
            Described::Period => {
                "a period: quy-1…quy-4, 6-thang, 9-thang, nam, thang-1…thang-12, tuan-1…tuan-53 or a range of days \"01/02/2026..15/02/2026\""
            }
            Described::Date => "a date such as \"2025-12-30\" or \"30/12/2025\"",
            Described::TextOrLines => "a string or a list of strings",
        }
    }

    /// For a visitor's `expecting`.
    pub fn write(self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.english())
    }
}

/// What one of vanban's checks finds wrong with a value it reads (a date, a
/// period, a number, a numbering scheme …).
#[derive(Debug, Clone, PartialEq, Eq, strum::EnumDiscriminants)]
#[strum_discriminants(name(ValueProblemKind), derive(strum::EnumIter))]
pub enum ValueProblem {
    NotADate {
        value: String,
    },
    /// A date whose year is outside what vanban accepts.
    DateYear {
        value: String,
        year: i32,
        first: i32,
        last: i32,
    },
    NotAPeriod {
        value: String,
    },
    NotAScheme {
        value: String,
    },
    NotADraftRound {
        value: i64,
    },
    NotALength {
        value: String,
    },
    NotAWidth {
        value: String,
    },
    /// A width in millimetres outside 0–1000.
    WidthOutside {
        mm: String,
    },
    /// A TOML float in a table cell: 19.655 would print as 19.655000000000001.
    CellFloat {
        value: String,
    },
    /// `{ nhom = [] }`.
    EmptyGroup,
    /// `{ bang = "x" }` with a text beside it.
    TableTakesNoText,
    /// A paragraph table without `gach`, `cong` or `manh`.
    ParagraphMarker,
    /// `manh` with a text of its own.
    FragmentTakesNoText,
    EmptyNumber,
    /// Dots that do not group thousands ("1.23.4").
    MisplacedSeparator {
        value: String,
    },
    /// "19.655": 19655 or 19,655?
    AmbiguousNumber {
        value: String,
        whole: String,
        decimal: String,
    },
    NotANumber {
        value: String,
    },
    /// Over ±10^15.
    TooLarge {
        value: String,
    },
    /// `la_ma` of a number without a Roman form.
    NotRoman {
        value: i64,
        first: u32,
        last: u32,
    },
    /// A filter that formats numbers given something else.
    NotAFigure {
        value: String,
    },
}

/// What is wrong with a figures file (số liệu: the period's figures of each
/// indicator, by its code `ma`).
#[derive(Debug, Clone, PartialEq, strum::EnumDiscriminants)]
#[strum_discriminants(name(FiguresProblemKind), derive(strum::EnumIter))]
pub enum FiguresProblem {
    /// Two rows of one code; `first` is where the first stands.
    CodeTwice {
        code: String,
        first: DataPlace,
    },
    /// A value under a header cell without a name.
    Unnamed {
        value: String,
    },
    /// A cell formatted as a date where a number belongs.
    DateCell {
        shown: String,
    },
    NotAVerdict {
        value: String,
    },
    /// A row with figures but no code.
    EmptyCode,
    ColumnTwice {
        column: String,
    },
    UnknownColumn {
        column: String,
    },
    /// No `ma` column.
    NoCodeColumn,
    /// A header and nothing under it.
    NoFigures,
    /// The workbook (or its sheet) cannot be read: calamine's words.
    Workbook {
        detail: String,
    },
    NoSheet {
        name: String,
        sheets: Vec<String>,
    },
    NoSheets,
    EmptySheet,
    /// A formula cell without its computed value.
    Formula {
        formula: String,
    },
    /// Header cells merged into one (e.g. "B1:C1").
    MergedHeader {
        range: String,
    },
    /// A code the catalogue does not have.
    NoIndicator {
        code: String,
        catalogue: std::path::PathBuf,
        suggestion: Option<String>,
    },
    /// A figure below zero of a target that cannot be negative.
    Negative {
        code: String,
        value: String,
    },
}

/// Where in a data file (figures, or a table's CSV or workbook) a fault
/// stands: any of a workbook's sheet, a
/// row (as the spreadsheet numbers it), an entry `chi_tieu[i]` of a TOML,
/// JSON or YAML file, a column by its letter, and the name of the column
/// or key.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DataPlace {
    pub sheet: Option<String>,
    pub row: Option<usize>,
    pub entry: Option<usize>,
    pub column: Option<String>,
    pub name: Option<String>,
}

impl DataPlace {
    /// The dotted path of an entry of a TOML, JSON or YAML figures file
    /// (`chi_tieu[2].thuc_hien`), by which its line is found; `None` for a
    /// row of a sheet or a CSV file.
    pub fn field_path(&self) -> Option<String> {
        let entry = self.entry?;
        Some(match &self.name {
            Some(name) => format!("chi_tieu[{entry}].{name}"),
            None => format!("chi_tieu[{entry}]"),
        })
    }

    /// The entry `chi_tieu[i]`.
    pub fn entry(i: usize) -> Self {
        DataPlace {
            entry: Some(i),
            ..Self::default()
        }
    }

    /// Row `row` (1-based) of the CSV file, or of `sheet`.
    pub fn row(sheet: Option<&str>, row: usize) -> Self {
        DataPlace {
            sheet: sheet.map(str::to_string),
            row: Some(row),
            ..Self::default()
        }
    }

    /// The sheet `sheet` as a whole.
    pub fn sheet(sheet: &str) -> Self {
        DataPlace {
            sheet: Some(sheet.to_string()),
            ..Self::default()
        }
    }

    /// This place, in the column `letter` named `name` by the header.
    pub fn column(&self, letter: String, name: Option<String>) -> Self {
        DataPlace {
            column: Some(letter),
            name,
            ..self.clone()
        }
    }

    /// This place, at the key or column named `name`.
    pub fn key(&self, name: &str) -> Self {
        DataPlace {
            name: Some(name.to_string()),
            ..self.clone()
        }
    }
}

/// The lines of a CSV file its records start on, 1-based: the row as an
/// editor or a spreadsheet numbers it, asked for in the records' order so
/// the file is scanned once. Counted from a record's byte offset, past the
/// blank lines the reader skips (its own line number can stop before them).
pub struct CsvLines<'a> {
    bytes: &'a [u8],
    /// Where counting stopped, and the line there.
    at: usize,
    line: usize,
}

impl<'a> CsvLines<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        CsvLines {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// The line a record (or the reader's complaint about it) starts on.
    pub fn of(&mut self, record: &Result<csv::StringRecord, csv::Error>) -> Option<usize> {
        let position = match record {
            Ok(r) => r.position(),
            Err(e) => e.position(),
        }?;
        let start = usize::try_from(position.byte()).ok()?.min(self.bytes.len());
        let blank = self.bytes[start..]
            .iter()
            .take_while(|&&b| b == b'\n' || b == b'\r')
            .count();
        let end = start + blank;
        if end < self.at {
            // Records come in order; should one not, count from the start.
            (self.at, self.line) = (0, 1);
        }
        self.line += self.bytes[self.at..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = end;
        Some(self.line)
    }
}

/// The columns a figures sheet or CSV may have.
pub const FIGURE_COLUMNS: [&str; 7] = [
    "ma",
    "thuc_hien",
    "cung_ky",
    "luy_ke",
    "luy_ke_cung_ky",
    "ghi_chu",
    "danh_gia",
];

thread_local! {
    /// The problem being raised, for the length of one `custom` call.
    static RAISED: RefCell<Option<ValueProblem>> = const { RefCell::new(None) };
}

impl ValueProblem {
    /// The deserializer error for this problem: [`Typed`] keeps the problem,
    /// any other error type gets its English.
    pub fn raise<E: de::Error>(self) -> E {
        let english = self.to_string();
        RAISED.with(|r| *r.borrow_mut() = Some(self));
        let e = E::custom(english);
        // Another error type did not take it: nothing stays for a later call.
        RAISED.with(|r| r.borrow_mut().take());
        e
    }
}

impl fmt::Display for ValueProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::messages::value_problem(
            self,
            crate::messages::Lang::En,
        ))
    }
}

impl std::error::Error for ValueProblem {}

impl fmt::Display for ParseProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::messages::parse_problem(
            self,
            crate::messages::Lang::En,
        ))
    }
}

/// A deserializer error that keeps serde's reason as a [`ParseProblem`].
#[derive(Debug)]
pub struct Typed(pub ParseProblem);

impl fmt::Display for Typed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for Typed {}

impl de::Error for Typed {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Typed(match RAISED.with(|r| r.borrow_mut().take()) {
            Some(p) => ParseProblem::Value(p),
            None => ParseProblem::Unexplained {
                detail: msg.to_string(),
            },
        })
    }
    fn invalid_type(found: de::Unexpected, wanted: &dyn de::Expected) -> Self {
        Typed(ParseProblem::InvalidType {
            found: found.into(),
            wanted: Wanted::of(wanted),
        })
    }
    fn invalid_value(found: de::Unexpected, wanted: &dyn de::Expected) -> Self {
        Typed(ParseProblem::InvalidValue {
            found: found.into(),
            wanted: Wanted::of(wanted),
        })
    }
    fn invalid_length(len: usize, wanted: &dyn de::Expected) -> Self {
        Typed(ParseProblem::InvalidLength {
            len,
            wanted: Wanted::of(wanted),
        })
    }
    fn unknown_variant(value: &str, known: &'static [&'static str]) -> Self {
        Typed(ParseProblem::UnknownVariant {
            value: value.to_string(),
            suggestion: crate::suggest::typo_of(value, known.iter().copied()),
            known: known.iter().map(|k| k.to_string()).collect(),
        })
    }
    fn unknown_field(field: &str, known: &'static [&'static str]) -> Self {
        Typed(ParseProblem::UnknownField {
            field: field.to_string(),
            suggestion: crate::suggest::typo_of(field, known.iter().copied()),
            known: known.iter().map(|k| k.to_string()).collect(),
        })
    }
    fn missing_field(field: &'static str) -> Self {
        Typed(ParseProblem::MissingField {
            field: field.to_string(),
        })
    }
    fn duplicate_field(field: &'static str) -> Self {
        Typed(ParseProblem::DuplicateField {
            field: field.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_raised_problem_reaches_the_typed_error_and_only_it() {
        let e: Typed = ValueProblem::EmptyGroup.raise();
        assert_eq!(e.0, ParseProblem::Value(ValueProblem::EmptyGroup));
        let t: toml::de::Error = ValueProblem::EmptyGroup.raise();
        assert!(t.to_string().contains("nhom"), "{t}");
        // Nothing left over for serde's own sentences.
        let e = <Typed as de::Error>::custom("x");
        assert!(matches!(e.0, ParseProblem::Unexplained { .. }));
    }

    /// What `T` says it wants when given a value of the wrong kind.
    fn wanted<T: serde::de::DeserializeOwned>(wrong: Tree) -> Wanted {
        match T::deserialize(TreeDeserializer::<Typed>::new(wrong)) {
            Err(Typed(ParseProblem::InvalidType { wanted, .. })) => wanted,
            Err(Typed(other)) => panic!("{other:?}"),
            Ok(_) => panic!("read"),
        }
    }

    /// Every visitor of vanban's describes what it wants with a
    /// [`Described`], so the Vietnamese has a sentence for it: a visitor
    /// whose `expecting` no table knows would show its English.
    #[test]
    fn vanban_s_own_values_say_what_they_want_in_a_known_way() {
        use crate::model::numbering::ListStyle;
        use crate::model::{Appendices, Cell, Draft, Paragraph, Recipient, Width};
        let list = || Tree::List(vec![]);
        let got = [
            wanted::<crate::model::IssueDate>(list()),
            wanted::<crate::fields::Period>(list()),
            wanted::<ListStyle>(list()),
            wanted::<Draft>(list()),
            wanted::<Width>(list()),
            wanted::<Cell>(list()),
            wanted::<Appendices>(Tree::Bool(true)),
            wanted::<Paragraph>(list()),
            wanted::<Recipient>(list()),
            wanted::<crate::fields::Lines>(Tree::Bool(true)),
            wanted::<crate::fields::Text>(list()),
            wanted::<Option<u32>>(list()),
            wanted::<String>(list()),
            wanted::<bool>(list()),
            wanted::<Vec<String>>(Tree::Bool(true)),
            wanted::<f64>(list()),
        ];
        for w in got {
            assert!(!matches!(w, Wanted::Other(_)), "{w:?}");
        }
    }
}
