//! Merge markers into spans: a region of rows (the header, or the body)
//! written one entry per column becomes the cells a table is built from, each
//! with its column and row span.

use serde::Serialize;

use super::TableProblem;
use crate::model::{Align, Merge};
use crate::templating::Rich;

/// A cell as read, before its merges are resolved.
#[derive(Debug, Clone)]
pub struct RawCell {
    pub merge: Option<Merge>,
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub align: Option<Align>,
    /// Where it was written, for errors.
    pub place: Place,
}

/// The place of a cell: a field of the document or a cell of a data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Field(String),
    /// A data file's cell: sheet `Bảng`, row 5, column C in `file`.
    File(std::path::PathBuf, Box<crate::parsing::DataPlace>),
}

/// A cell of the laid-out table: the anchor of its span.
#[derive(Debug, Clone, Serialize)]
pub struct LaidCell {
    /// The text as typed or read, for the checks (glyphs, lengths).
    pub text: String,
    /// What prints: a cell typed in the document takes the body's inline
    /// notation (emphasis, footnotes); a cell read from a CSV or a sheet is
    /// literal, since a data file is not written in vanban's notation.
    pub markup: Rich,
    pub colspan: usize,
    pub rowspan: usize,
    pub bold: bool,
    pub italic: bool,
    /// "left", "center", "right" or "justify" when it overrides the column's.
    pub align: Option<&'static str>,
    /// May break across pages: a cell spanning rows (so a row group taller
    /// than a page still prints whole), or a cell of a row holding a text
    /// too long to be sure it fits on one page. Other rows are never split.
    pub breakable: bool,
    /// Nothing but the text: written `[…]` in the Typst source.
    pub plain: bool,
}

/// A cell longer than this may be taller than a page in a narrow column
/// (400 characters are some 20 lines of a 40 mm column at 12 pt): its row
/// may break, rather than lose what does not fit.
pub const LONG_CELL_CHARS: usize = 400;

pub fn align_name(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "justify",
    }
}

/// Resolves `rows` (each exactly `columns` long, checked here) into anchor
/// cells in reading order. `body` says which region it is, for messages.
pub fn resolve(
    rows: &[Vec<RawCell>],
    columns: usize,
    body: bool,
) -> Result<Vec<LaidCell>, (Place, TableProblem)> {
    for row in rows {
        check_length(row, columns)?;
    }
    // owner[r][c]: the anchor (row, column) whose merged cell covers (r, c).
    let mut owner: Vec<Vec<(usize, usize)>> = Vec::with_capacity(rows.len());
    for (r, row) in rows.iter().enumerate() {
        let mut line = Vec::with_capacity(columns);
        for (c, cell) in row.iter().enumerate() {
            let o = match cell.merge {
                None => (r, c),
                Some(Merge::Left) if c == 0 => {
                    return Err((cell.place.clone(), TableProblem::NothingLeft))
                }
                Some(Merge::Left) => line[c - 1],
                Some(Merge::Up) if r == 0 => {
                    return Err((cell.place.clone(), TableProblem::NothingAbove { body }))
                }
                Some(Merge::Up) => owner[r - 1][c],
            };
            line.push(o);
        }
        owner.push(line);
    }
    // Each anchor's extent; every cell in it must be its own.
    let mut extent: std::collections::HashMap<(usize, usize), (usize, usize, usize)> =
        std::collections::HashMap::new();
    for (r, line) in owner.iter().enumerate() {
        for (c, o) in line.iter().enumerate() {
            let e = extent.entry(*o).or_insert((r, c, 0));
            e.0 = e.0.max(r);
            e.1 = e.1.max(c);
            e.2 += 1;
        }
    }
    let mut out = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let long = row.iter().any(|c| c.text.chars().count() > LONG_CELL_CHARS);
        for (c, cell) in row.iter().enumerate() {
            if owner[r][c] != (r, c) {
                continue;
            }
            let (last_r, last_c, count) = extent[&(r, c)];
            let (rowspan, colspan) = (last_r - r + 1, last_c - c + 1);
            let whole = (r..=last_r).all(|y| (c..=last_c).all(|x| owner[y][x] == (r, c)));
            if count != rowspan * colspan || !whole {
                return Err((cell.place.clone(), TableProblem::NotRectangle));
            }
            let breakable = long || rowspan > 1;
            out.push(LaidCell {
                plain: rowspan == 1
                    && colspan == 1
                    && !cell.bold
                    && !cell.italic
                    && cell.align.is_none()
                    && !breakable,
                breakable,
                markup: match &cell.place {
                    Place::Field(_) => Rich::parse(&cell.text),
                    Place::File(..) => Rich::literal(&cell.text),
                },
                text: cell.text.clone(),
                colspan,
                rowspan,
                bold: cell.bold,
                italic: cell.italic,
                align: cell.align.map(align_name),
            });
        }
    }
    Ok(out)
}

/// A row must have one entry per column.
pub fn check_length(row: &[RawCell], columns: usize) -> Result<(), (Place, TableProblem)> {
    if row.len() == columns {
        return Ok(());
    }
    let place = row
        .last()
        .map(|c| row_place(&c.place))
        .unwrap_or(Place::Field(String::new()));
    Err((
        place,
        TableProblem::RowLength {
            cells: row.len(),
            columns,
        },
    ))
}

/// The place of a whole row, from one of its cells: `hang[3][7]` → `hang[3]`.
fn row_place(p: &Place) -> Place {
    match p {
        Place::Field(f) => Place::Field(match f.rfind('[') {
            Some(i) if f.ends_with(']') => f[..i].to_string(),
            _ => f.clone(),
        }),
        Place::File(file, at) => Place::File(
            file.clone(),
            Box::new(crate::parsing::DataPlace {
                column: None,
                name: None,
                ..(**at).clone()
            }),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(r: usize, cells: &[&str]) -> Vec<RawCell> {
        cells
            .iter()
            .enumerate()
            .map(|(c, t)| RawCell {
                merge: match *t {
                    "^" => Some(Merge::Up),
                    "<" => Some(Merge::Left),
                    _ => None,
                },
                text: t.to_string(),
                bold: false,
                italic: false,
                align: None,
                place: Place::Field(format!("hang[{r}][{c}]")),
            })
            .collect()
    }

    fn spans(cells: &[LaidCell]) -> Vec<(String, usize, usize)> {
        cells
            .iter()
            .map(|c| (c.text.clone(), c.colspan, c.rowspan))
            .collect()
    }

    #[test]
    fn markers_become_spans() {
        let rows = vec![
            row(0, &["TT", "Tiến độ", "<", "<"]),
            row(1, &["^", "Đúng", "Trễ", "Không"]),
        ];
        let got = resolve(&rows, 4, false).unwrap();
        assert_eq!(
            spans(&got),
            [
                ("TT".into(), 1, 2),
                ("Tiến độ".into(), 3, 1),
                ("Đúng".into(), 1, 1),
                ("Trễ".into(), 1, 1),
                ("Không".into(), 1, 1)
            ]
        );
        // A 2 × 2 block.
        let rows = vec![row(0, &["a", "<", "b"]), row(1, &["^", "^", "c"])];
        let got = resolve(&rows, 3, true).unwrap();
        assert_eq!(
            spans(&got),
            [("a".into(), 2, 2), ("b".into(), 1, 1), ("c".into(), 1, 1)]
        );
    }

    #[test]
    fn wrong_markers_are_located() {
        let err = resolve(&[row(0, &["^", "a"])], 2, true).unwrap_err();
        assert_eq!(err.0, Place::Field("hang[0][0]".into()));
        assert_eq!(err.1, TableProblem::NothingAbove { body: true });
        let err = resolve(&[row(0, &["a"]), row(1, &["<"])], 1, true).unwrap_err();
        assert_eq!(err.1, TableProblem::NothingLeft);
        // An L shape: "a" spans two columns in row 0, only one in row 1.
        let rows = vec![row(0, &["a", "<"]), row(1, &["^", "b"])];
        let err = resolve(&rows, 2, true).unwrap_err();
        assert_eq!(err.1, TableProblem::NotRectangle);
        let err = resolve(&[row(0, &["a", "b", "c"])], 2, true).unwrap_err();
        assert_eq!(err.0, Place::Field("hang[0]".into()));
        assert_eq!(
            err.1,
            TableProblem::RowLength {
                cells: 3,
                columns: 2
            }
        );
    }
}
