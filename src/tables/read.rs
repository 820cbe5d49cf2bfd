//! Table rows from a CSV file or a workbook sheet, with the readers and rules
//! of the figures (src/indicators/figures.rs): the same CSV and calamine
//! readers, dates shown as the clerk sees them, a formula without its stored
//! value refused. A merged range of a sheet becomes a merged cell; in CSV the
//! clerk writes the markers "^" and "<" as in the document.

use std::path::Path;

use calamine::{Data, Reader};
use rust_decimal::Decimal;

use super::grid::{Place, RawCell};
use super::TableProblem;
use crate::error::Error;
use crate::indicators::{column_letter, excel_date, from_f64, open_workbook};
use crate::locale::format_number;
use crate::model::{Cell, Merge, Text};
use crate::parsing::DataPlace;

fn fail(file: &Path, at: Option<DataPlace>, problem: TableProblem) -> Error {
    Error::Table {
        file: file.to_path_buf(),
        field: String::new(),
        at: at.map(Box::new),
        problem,
    }
}

/// A typed text as a cell: markers are recognised as in the document.
fn text_cell(text: &str, place: Place) -> RawCell {
    let cell = Cell::Text(Text::new(text));
    RawCell {
        merge: cell.merge(),
        text: cell.text().to_string(),
        bold: false,
        italic: false,
        align: None,
        place,
    }
}

/// The rows of `bytes`, the content of `path` (CSV or a workbook, by extension).
pub fn rows(path: &Path, bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Vec<RawCell>>, Error> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut rows = match ext.as_str() {
        "csv" => csv_rows(path, bytes)?,
        "xlsx" | "xlsm" | "xls" | "ods" => sheet_rows(path, bytes, sheet)?,
        _ => {
            return Err(Error::UnknownFormat {
                file: path.to_path_buf(),
            })
        }
    };
    // Blank rows (spacing in a sheet) are no table rows.
    rows.retain(|r| r.iter().any(|c| !c.text.is_empty() || c.merge.is_some()));
    // Trailing empty cells a program leaves out are padded back, so rows
    // compare by their real length.
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        while row.len() < width {
            let place = match row.last().map(|c| &c.place) {
                Some(Place::File(f, p)) => Place::File(f.clone(), p.clone()),
                _ => Place::File(path.to_path_buf(), Box::default()),
            };
            row.push(text_cell("", place));
        }
    }
    Ok(rows)
}

fn csv_rows(path: &Path, bytes: &[u8]) -> Result<Vec<Vec<RawCell>>, Error> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut out = Vec::new();
    let mut lines = crate::parsing::CsvLines::new(bytes);
    for (i, record) in reader.records().enumerate() {
        let line = lines.of(&record).unwrap_or(i + 1);
        let record = record.map_err(|e| Error::Parse {
            loc: crate::error::Location::file_only(path),
            field: String::new(),
            problem: Box::new(crate::parsing::ParseProblem::InData {
                at: DataPlace::row(None, line),
                problem: Box::new(crate::parsing::ParseProblem::Csv {
                    detail: e.to_string(),
                }),
            }),
        })?;
        out.push(
            record
                .iter()
                .enumerate()
                .map(|(c, t)| {
                    text_cell(
                        t,
                        Place::File(
                            path.to_path_buf(),
                            Box::new(DataPlace::row(None, line).column(column_letter(c), None)),
                        ),
                    )
                })
                .collect(),
        );
    }
    Ok(out)
}

/// A number as Vietnamese notation prints it: 1.500; 12,5.
fn number(d: Decimal) -> String {
    let d = d.normalize();
    format_number(d, d.scale())
}

fn sheet_rows(path: &Path, bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Vec<RawCell>>, Error> {
    let sheet_problem = |problem| fail(path, None, problem);
    let unreadable = |e: &dyn std::fmt::Display| {
        sheet_problem(TableProblem::Workbook {
            detail: crate::error::excerpts(&e.to_string()),
        })
    };
    let mut book = open_workbook(path, bytes).map_err(|e| unreadable(&e))?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) if names.iter().any(|n| n == s) => s.to_string(),
        Some(s) => {
            return Err(sheet_problem(TableProblem::NoSheet {
                name: s.to_string(),
                sheets: names.clone(),
            }))
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| sheet_problem(TableProblem::NoSheets))?,
    };
    let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
    let Some((first_row, first_col)) = range.start() else {
        return Ok(Vec::new());
    };
    let place = |row: u32, col: u32| {
        Place::File(
            path.to_path_buf(),
            Box::new(
                DataPlace::row(Some(&name), row as usize + 1)
                    .column(column_letter(col as usize), None),
            ),
        )
    };
    if let Ok(formulas) = book.worksheet_formula(&name) {
        if let Some((f_row, f_col)) = formulas.start() {
            for (r, c, formula) in formulas.used_cells() {
                let (row, col) = (f_row + r as u32, f_col + c as u32);
                if matches!(range.get_value((row, col)), None | Some(Data::Empty)) {
                    let Place::File(_, at) = place(row, col) else {
                        unreachable!()
                    };
                    return Err(fail(
                        path,
                        Some(*at),
                        TableProblem::Formula {
                            formula: formula.clone(),
                        },
                    ));
                }
            }
        }
    }
    let mut out: Vec<Vec<RawCell>> = range
        .rows()
        .enumerate()
        .map(|(r, cells)| {
            cells
                .iter()
                .enumerate()
                .map(|(c, d)| {
                    let text = match d {
                        Data::Empty => String::new(),
                        Data::Int(n) => number(Decimal::from(*n)),
                        Data::Float(f) => from_f64(*f).map(number).unwrap_or_else(|| f.to_string()),
                        Data::String(s) => s.clone(),
                        Data::Bool(b) => {
                            if *b {
                                "X".into()
                            } else {
                                String::new()
                            }
                        }
                        Data::DateTime(d) => excel_date(d),
                        Data::DateTimeIso(d) | Data::DurationIso(d) => d.clone(),
                        other => format!("{other}"),
                    };
                    text_cell(&text, place(first_row + r as u32, first_col + c as u32))
                })
                .collect()
        })
        .collect();
    // A merged range keeps its value in its first cell; the others become
    // markers, as the clerk would write them.
    if let calamine::Sheets::Xlsx(xlsx) = &mut book {
        if let Some(Ok(merged)) = xlsx.worksheet_merge_cells(&name) {
            for m in merged {
                for row in m.start.0..=m.end.0 {
                    for col in m.start.1..=m.end.1 {
                        if (row, col) == m.start || row < first_row || col < first_col {
                            continue;
                        }
                        let (r, c) = ((row - first_row) as usize, (col - first_col) as usize);
                        if let Some(cell) = out.get_mut(r).and_then(|l| l.get_mut(c)) {
                            cell.merge = Some(if row == m.start.0 {
                                Merge::Left
                            } else {
                                Merge::Up
                            });
                            cell.text.clear();
                        }
                    }
                }
            }
        }
    }
    Ok(out)
}
