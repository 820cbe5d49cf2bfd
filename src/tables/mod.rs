//! Free tables (bảng): what a clerk copies from a Word or Excel table, laid out
//! for the template. Merge markers become spans ([`grid`]), rows may come from
//! a CSV file or a sheet ([`read`]), a "TT" column may number the rows. Every
//! text stays text: the template writes each cell escaped.

mod grid;
mod problem;
mod read;

pub use grid::LaidCell;
pub use problem::TableProblem;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;

use crate::error::Error;
use crate::inputs::Inputs;
use crate::model::{Align, Cell, Document, Merge, Paragraph, Section, Table, Width};
use crate::profile::Profile;
use grid::{Place, RawCell};

/// A table ready for the template.
#[derive(Debug, Clone, Serialize)]
pub struct LaidTable {
    /// Column widths as Typst lengths ("12mm", "1fr").
    pub rong: Vec<String>,
    /// Column alignments: "left", "center", "right", "justify".
    pub can: Vec<&'static str>,
    /// The font size ("12pt"), when the table sets its own.
    pub co: Option<String>,
    /// Header cells in reading order (repeated on every page).
    pub header: Vec<LaidCell>,
    /// Body cells in reading order.
    pub body: Vec<LaidCell>,
    /// Header and body rows.
    pub rows: usize,
}

impl LaidTable {
    /// Every printed text with where it came from, for the glyph check.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.header
            .iter()
            .chain(&self.body)
            .map(|c| c.text.as_str())
    }
}

/// Lays out every table the document defines, checking each place that
/// names one (`{ bang = "ten" }`) names a defined table.
pub fn lay_out_all(
    doc: &Document,
    file: &Path,
    inputs: &Inputs,
    profile: &Profile,
) -> Result<BTreeMap<String, LaidTable>, Error> {
    for (field, name) in references(doc) {
        if !doc.bang.contains_key(&name) {
            return Err(Error::Table {
                file: file.to_path_buf(),
                field,
                at: None,
                problem: TableProblem::Unknown {
                    name,
                    known: doc.bang.keys().cloned().collect(),
                },
            });
        }
    }
    let tables: BTreeMap<String, LaidTable> = doc
        .bang
        .iter()
        .map(|(name, t)| Ok((name.clone(), lay_out(name, t, file, inputs, profile)?)))
        .collect::<Result<_, Error>>()?;
    // Rows read from files count too: a sheet may hold far more than a page.
    let rows: usize = tables.values().map(|t| t.rows).sum();
    crate::limits::at_most(
        file,
        "bang",
        crate::limits::Bound::TableRows,
        rows,
        crate::limits::MAX_TABLE_ROWS,
    )?;
    for (name, t) in &tables {
        for text in t.texts() {
            crate::limits::at_most(
                file,
                &format!("bang.{name}"),
                crate::limits::Bound::TextLength,
                text.chars().count(),
                crate::limits::MAX_TEXT_CHARS,
            )?;
        }
    }
    Ok(tables)
}

/// Where the document places tables: (field, table name).
pub fn references(doc: &Document) -> Vec<(String, String)> {
    fn paragraphs(out: &mut Vec<(String, String)>, base: &str, list: &[Paragraph]) {
        for (i, p) in list.iter().enumerate() {
            if let Some(name) = &p.table {
                out.push((format!("{base}[{i}].bang"), name.clone()));
            }
        }
    }
    fn section(out: &mut Vec<(String, String)>, base: &str, s: &Section) {
        paragraphs(out, &format!("{base}.doan"), &s.doan);
        for (i, m) in s.muc.iter().enumerate() {
            section(out, &format!("{base}.muc[{i}]"), m);
        }
        paragraphs(out, &format!("{base}.doan_cuoi"), &s.doan_cuoi);
    }
    let mut out = Vec::new();
    paragraphs(&mut out, "mo_dau", &doc.mo_dau);
    for (i, s) in doc.noi_dung.iter().enumerate() {
        section(&mut out, &format!("noi_dung[{i}]"), s);
    }
    paragraphs(&mut out, "ket_luan", &doc.ket_luan);
    for (n, a) in doc.phu_luc.list.iter().enumerate() {
        if let Some(list) = &a.noi_dung {
            paragraphs(
                &mut out,
                &format!("{}.noi_dung", doc.phu_luc.field(n)),
                list,
            );
        }
    }
    out
}

fn typed(cells: &[Cell], base: &str) -> Vec<RawCell> {
    cells
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let (bold, italic, align) = match c {
                Cell::Text(_) => (false, false, None),
                Cell::Styled {
                    dam, nghieng, can, ..
                } => (*dam, *nghieng, *can),
            };
            RawCell {
                merge: c.merge(),
                text: c.text().to_string(),
                bold,
                italic,
                align,
                place: Place::Field(format!("{base}[{k}]")),
            }
        })
        .collect()
}

fn place_error(file: &Path, (place, problem): (Place, TableProblem)) -> Error {
    match place {
        Place::Field(field) => Error::Table {
            file: file.to_path_buf(),
            field,
            at: None,
            problem,
        },
        Place::File(data, at) => Error::Table {
            file: data,
            field: String::new(),
            at: Some(at),
            problem,
        },
    }
}

/// A "TT" cell in front of a body row: the next number, "^" for a row that
/// continues the one above (its first cell merged upward), nothing for a row
/// that spans the whole width (a group heading).
fn numbered(rows: Vec<Vec<RawCell>>) -> Vec<Vec<RawCell>> {
    let mut n = 0;
    rows.into_iter()
        .map(|row| {
            let first = row.first().cloned();
            let place = first
                .as_ref()
                .map(|c| c.place.clone())
                .unwrap_or(Place::Field(String::new()));
            let heading = row.len() > 1 && row[1..].iter().all(|c| c.merge == Some(Merge::Left));
            let (merge, text) = match first.and_then(|c| c.merge) {
                Some(Merge::Up) => (Some(Merge::Up), String::new()),
                _ if heading => (None, String::new()),
                _ => {
                    n += 1;
                    (None, n.to_string())
                }
            };
            let mut out = vec![RawCell {
                merge,
                text,
                bold: false,
                italic: false,
                align: None,
                place,
            }];
            out.extend(row);
            out
        })
        .collect()
}

pub fn lay_out(
    name: &str,
    t: &Table,
    file: &Path,
    inputs: &Inputs,
    profile: &Profile,
) -> Result<LaidTable, Error> {
    let base = format!("bang.{name}");
    let key_error = |key: &str, problem| Error::Table {
        file: file.to_path_buf(),
        field: format!("{base}.{key}"),
        at: None,
        problem,
    };
    let mut header: Vec<Vec<RawCell>> = t
        .tieu_de
        .iter()
        .enumerate()
        .map(|(i, r)| typed(r, &format!("{base}.tieu_de[{i}]")))
        .collect();
    let mut body: Vec<Vec<RawCell>> = t
        .hang
        .iter()
        .enumerate()
        .map(|(i, r)| typed(r, &format!("{base}.hang[{i}]")))
        .collect();
    if let Some(path) = &t.tep {
        let input = inputs.named(file, path, &format!("{base}.tep"))?;
        let mut rows = read::rows(&input.shown, &input.bytes, t.trang_tinh.as_deref())?;
        let from_file = t
            .dong_tieu_de
            .unwrap_or(if t.tieu_de.is_empty() { 1 } else { 0 });
        if from_file > rows.len() {
            return Err(key_error(
                "dong_tieu_de",
                TableProblem::HeaderRows {
                    asked: from_file,
                    rows: rows.len(),
                },
            ));
        }
        let rest = rows.split_off(from_file);
        header.extend(rows);
        body.extend(rest);
    }
    let Some(columns) = header.first().or(body.first()).map(Vec::len) else {
        return Err(key_error("hang", TableProblem::Empty));
    };
    if columns == 0 {
        return Err(key_error("hang", TableProblem::Empty));
    }
    // Lengths are checked against the typed columns, before a "TT" column,
    // and so is "<" in the first column: it must not merge into the numbers.
    for row in header.iter().chain(&body) {
        grid::check_length(row, columns).map_err(|e| place_error(file, e))?;
        if let Some(first) = row.first().filter(|c| c.merge == Some(Merge::Left)) {
            return Err(place_error(
                file,
                (first.place.clone(), TableProblem::NothingLeft),
            ));
        }
    }
    for (key, given) in [("rong", t.rong.len()), ("can", t.can.len())] {
        if given != 0 && given != columns {
            return Err(key_error(
                key,
                TableProblem::Columns {
                    key: if key == "rong" { "rong" } else { "can" },
                    given,
                    columns,
                },
            ));
        }
    }
    let mut rong: Vec<String> = if t.rong.is_empty() {
        vec![Width::Share(1.0).typst(); columns]
    } else {
        t.rong.iter().map(|w| w.typst()).collect()
    };
    let mut can: Vec<&'static str> = if t.can.is_empty() {
        vec![grid::align_name(Align::Left); columns]
    } else {
        t.can.iter().map(|a| grid::align_name(*a)).collect()
    };
    if t.danh_so {
        rong.insert(0, profile.bang.rong_tt.as_str().to_string());
        can.insert(0, "center");
        body = numbered(body);
        header = header
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let place = row
                    .first()
                    .map(|c| c.place.clone())
                    .unwrap_or(Place::Field(String::new()));
                let mut out = vec![RawCell {
                    merge: (i > 0).then_some(Merge::Up),
                    text: if i == 0 { "TT".into() } else { String::new() },
                    bold: false,
                    italic: false,
                    align: None,
                    place,
                }];
                out.extend(row);
                out
            })
            .collect();
    }
    let columns = rong.len();
    let co = match t.co_chu {
        Some(size) if !(6.0..=30.0).contains(&size) => {
            return Err(key_error(
                "co_chu",
                TableProblem::FontSize {
                    size: size.to_string(),
                },
            ))
        }
        Some(size) => Some(format!("{size}pt")),
        None => None,
    };
    let rows = header.len() + body.len();
    let header = grid::resolve(&header, columns, false).map_err(|e| place_error(file, e))?;
    let body = grid::resolve(&body, columns, true).map_err(|e| place_error(file, e))?;
    Ok(LaidTable {
        rong,
        can,
        co,
        header,
        body,
        rows,
    })
}
