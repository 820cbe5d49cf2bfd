//! Free tables (bảng) as a clerk writes them: rows of cells copied word for
//! word from a Word or Excel table, merged cells marked where they are.
//!
//! A merged cell is written once, where its text is; every other cell it
//! covers holds a marker: `"^"` (merged with the cell above) or `"<"` (merged
//! with the cell on the left). So every row has one entry per column, as in
//! the printed table, and a row can be checked by counting.

use std::fmt;
use std::path::PathBuf;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::fields::Text;

/// A table of the document, named in `[bang.<ten>]` and placed with
/// `{ bang = "<ten>" }` among paragraphs.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table {
    /// Column widths: a number is millimetres, `"*"` (or `"2*"`) a share of
    /// the width left; absent, the columns share the width equally.
    #[serde(default)]
    pub rong: Vec<Width>,
    /// Alignment of each column's body cells.
    #[serde(default)]
    pub can: Vec<Align>,
    /// Header rows (tiêu đề), repeated on every page.
    #[serde(default)]
    pub tieu_de: Vec<Vec<Cell>>,
    /// Body rows.
    #[serde(default)]
    pub hang: Vec<Vec<Cell>>,
    /// A CSV or Excel file holding the rows (after `hang`, if both).
    #[serde(default)]
    pub tep: Option<PathBuf>,
    /// The sheet of an Excel file (default: the first).
    #[serde(default)]
    pub trang_tinh: Option<String>,
    /// How many of the file's first rows are header rows (default 1 when the
    /// document types no `tieu_de`, else 0).
    #[serde(default)]
    pub dong_tieu_de: Option<usize>,
    /// Adds a "TT" column in front, numbering the rows 1, 2, 3 …
    #[serde(default)]
    pub danh_so: bool,
    /// Font size in points (default: the profile's).
    #[serde(default)]
    pub co_chu: Option<f64>,
}

/// A column width.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub enum Width {
    Mm(f64),
    /// A share of the width the fixed columns leave.
    Share(f64),
}

impl schemars::JsonSchema for Width {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Width".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        super::schema::any_of(
            "A column width: millimetres (25), or \"*\" for a share of the rest (\"2*\" for two shares)",
            vec![
                schemars::json_schema!({ "type": "number", "exclusiveMinimum": 0, "maximum": 1000 }),
                super::schema::string("\"*\", \"2*\" (shares) or \"25mm\""),
            ],
        )
    }
}

impl<'de> Deserialize<'de> for Width {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Width;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                crate::parsing::Described::Width.write(f)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Width, E> {
                self.visit_f64(v as f64)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Width, E> {
                self.visit_f64(v as f64)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Width, E> {
                if v.is_finite() && v > 0.0 && v <= 1000.0 {
                    Ok(Width::Mm(v))
                } else {
                    Err(crate::parsing::ValueProblem::WidthOutside { mm: v.to_string() }.raise())
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Width, E> {
                let t = v.trim();
                if let Some(n) = t.strip_suffix('*') {
                    let share = if n.trim().is_empty() {
                        Ok(1.0)
                    } else {
                        n.trim().replace(',', ".").parse::<f64>()
                    };
                    if let Ok(s) = share {
                        if s.is_finite() && s > 0.0 && s <= 100.0 {
                            return Ok(Width::Share(s));
                        }
                    }
                }
                if let Some(n) = t.strip_suffix("mm") {
                    if let Ok(n) = n.trim().replace(',', ".").parse::<f64>() {
                        return self.visit_f64(n);
                    }
                }
                Err(crate::parsing::ValueProblem::NotAWidth {
                    value: v.to_string(),
                }
                .raise())
            }
        }
        d.deserialize_any(V)
    }
}

impl Width {
    /// As a Typst length.
    pub fn typst(self) -> String {
        match self {
            Width::Mm(v) => format!("{}mm", trim_float(v)),
            Width::Share(v) => format!("{}fr", trim_float(v)),
        }
    }
}

fn trim_float(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Horizontal alignment of a column or a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
pub enum Align {
    #[serde(rename = "trai")]
    Left,
    #[serde(rename = "giua")]
    Center,
    #[serde(rename = "phai")]
    Right,
    /// Justified, as body text.
    #[serde(rename = "deu")]
    Justify,
}

/// One cell as typed: a text (or a merge marker), `true` for "X", an integer,
/// or `{ o = "…", dam = true, can = "giua" }` for a text that is exactly what
/// it says (a literal "^") or styled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Cell {
    Text(Text),
    /// `{ o = … }`: never a marker.
    Styled {
        o: Text,
        dam: bool,
        nghieng: bool,
        can: Option<Align>,
    },
}

/// What a typed cell is, once markers are told from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    /// `"^"`
    Up,
    /// `"<"`
    Left,
}

impl Cell {
    /// The marker this cell is, if it is one.
    pub fn merge(&self) -> Option<Merge> {
        match self {
            Cell::Text(t) if t.as_str() == "^" => Some(Merge::Up),
            Cell::Text(t) if t.as_str() == "<" => Some(Merge::Left),
            _ => None,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Cell::Text(t) => t,
            Cell::Styled { o, .. } => o,
        }
    }
}

/// A cell written as a table: its text taken literally, styled.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "CellTable")]
struct StyledRepr {
    o: Text,
    #[serde(default)]
    dam: bool,
    #[serde(default)]
    nghieng: bool,
    #[serde(default)]
    can: Option<Align>,
}

impl schemars::JsonSchema for Cell {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Cell".into()
    }
    fn json_schema(gen: &mut schemars::SchemaGenerator) -> schemars::Schema {
        super::schema::any_of(
            "A cell: a text, \"^\" or \"<\" (merged with the cell above or on the left), true (printed X), a whole number, or { o = \"…\" }",
            vec![
                super::schema::string("The cell's text, in the inline notation; \"^\" and \"<\" merge"),
                schemars::json_schema!({ "type": "boolean" }),
                schemars::json_schema!({ "type": "integer" }),
                gen.subschema_for::<StyledRepr>(),
            ],
        )
    }
}

impl<'de> Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Cell;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                crate::parsing::Described::Cell.write(f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Cell, E> {
                Ok(Cell::Text(Text::new(v)))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Cell, E> {
                Ok(Cell::Text(Text::new(if v { "X" } else { "" })))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Cell, E> {
                Ok(Cell::Text(Text::new(&v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Cell, E> {
                Ok(Cell::Text(Text::new(&v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Cell, E> {
                Err(crate::parsing::ValueProblem::CellFloat {
                    value: v.to_string(),
                }
                .raise())
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Cell, A::Error> {
                let r = StyledRepr::deserialize(MapAccessDeserializer::new(map))?;
                Ok(Cell::Styled {
                    o: r.o,
                    dam: r.dam,
                    nghieng: r.nghieng,
                    can: r.can,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// An appendix (phụ lục): the indicator table of a report, or free content
/// (paragraphs and tables), on pages of its own after the signature.
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Appendix {
    /// Title lines of the appendix.
    #[serde(default)]
    pub tieu_de: super::Lines,
    /// "doc" (portrait) or "ngang" (landscape).
    #[serde(default)]
    pub huong: super::Orientation,
    /// Lines under the "(Kèm theo …)" line, as typed: "(tính đến ngày 15/9/2025)".
    #[serde(default)]
    pub ghi_chu: super::Lines,
    /// Paragraphs and tables (`{ bang = "ten" }`); absent, the appendix is
    /// the indicator table of the report's data.
    #[serde(default)]
    pub noi_dung: Option<Vec<super::Paragraph>>,
    /// Prints the issuing body's header block at the top of the appendix
    /// (default: the profile's `bang.phu_luc_dau`).
    #[serde(default)]
    pub dau_van_ban: Option<bool>,
}

/// The appendices, in order. Written `[phu_luc]` (one, the form of earlier
/// documents) or `[[phu_luc]]` (one or more).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Appendices {
    pub list: Vec<Appendix>,
    /// Written as one table `[phu_luc]`: its fields are named `phu_luc.…`.
    #[serde(skip)]
    pub single: bool,
}

impl Appendices {
    /// The field path of appendix `i`.
    pub fn field(&self, i: usize) -> String {
        if self.single {
            "phu_luc".into()
        } else {
            format!("phu_luc[{i}]")
        }
    }
}

impl schemars::JsonSchema for Appendices {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Appendices".into()
    }
    fn json_schema(gen: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one = gen.subschema_for::<Appendix>();
        super::schema::any_of(
            "An appendix [phu_luc], or a list of appendices [[phu_luc]]",
            vec![
                one.clone(),
                schemars::json_schema!({ "type": "array", "items": one }),
            ],
        )
    }
}

impl<'de> Deserialize<'de> for Appendices {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Appendices;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                crate::parsing::Described::Appendices.write(f)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Appendices, A::Error> {
                let one = Appendix::deserialize(MapAccessDeserializer::new(map))?;
                Ok(Appendices {
                    list: vec![one],
                    single: true,
                })
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Appendices, A::Error> {
                let mut list = Vec::new();
                while let Some(a) = seq.next_element::<Appendix>()? {
                    list.push(a);
                }
                Ok(Appendices {
                    list,
                    single: false,
                })
            }
        }
        d.deserialize_any(V)
    }
}
