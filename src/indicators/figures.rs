//! Period figures: the actual value (thực hiện) and the same period last year
//! (cùng kỳ) of each indicator, from TOML, CSV or an Excel sheet. A bad cell is
//! reported by file, sheet, row and column.

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

use calamine::{open_workbook_from_rs, Data, Ods, Reader, Sheets, Xls, Xlsx};
use rust_decimal::Decimal;
use serde::Deserialize;

use super::number::{bounded, from_f64, optional};
use crate::error::{Error, Location};
use crate::fields::Period;
use crate::fields::Text;
use crate::locale::parse_number;
use crate::model;
use crate::parsing::{DataPlace, FiguresProblem, ParseProblem};

/// A verdict given by hand, for qualitative targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GivenVerdict {
    Vuot,
    Dat,
    ChuaDat,
}

/// One indicator's figures for the period.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub ma: String,
    #[serde(default, deserialize_with = "optional")]
    pub thuc_hien: Option<Decimal>,
    #[serde(default, deserialize_with = "optional")]
    pub cung_ky: Option<Decimal>,
    /// The year-to-date figure (lũy kế): from 1 January to the period's end.
    /// Monthly and weekly reports quote it beside the period's own figure.
    #[serde(default, deserialize_with = "optional")]
    pub luy_ke: Option<Decimal>,
    /// The year-to-date figure of the same period last year.
    #[serde(default, deserialize_with = "optional")]
    pub luy_ke_cung_ky: Option<Decimal>,
    #[serde(default)]
    pub ghi_chu: Option<Text>,
    #[serde(default)]
    pub danh_gia: Option<GivenVerdict>,
}

/// A figures file in TOML, which says its own period.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FiguresToml {
    nam: i32,
    ky: Period,
    #[serde(default)]
    chi_tieu: Vec<Row>,
}

/// Figures keyed by indicator code, with where each row came from.
#[derive(Debug, Default)]
pub struct Figures {
    pub year: Option<i32>,
    pub period: Option<Period>,
    pub rows: BTreeMap<String, (Row, DataPlace)>,
    /// The column letter of each named column of a sheet or CSV file, so a
    /// check made after reading (a negative figure) names its cell.
    pub letters: BTreeMap<String, String>,
}

impl Figures {
    /// `place` (a row) at the column `name`: with its letter in a sheet or CSV.
    pub fn at_column(&self, place: &DataPlace, name: &str) -> DataPlace {
        match self.letters.get(name) {
            Some(letter) => place.column(letter.clone(), Some(name.to_string())),
            None => place.key(name),
        }
    }
}

/// The letter of each named column of `header`, whose first column is `first_col`.
fn letters(header: &[String], first_col: usize) -> BTreeMap<String, String> {
    header
        .iter()
        .enumerate()
        .filter(|(_, h)| !h.is_empty())
        .map(|(c, h)| (h.clone(), column_letter(first_col + c)))
        .collect()
}

pub(crate) fn bad(file: &Path, at: DataPlace, problem: impl Into<ParseProblem>) -> Error {
    Error::Parse {
        loc: Location::file_only(file),
        field: String::new(),
        problem: Box::new(ParseProblem::InData {
            at,
            problem: Box::new(problem.into()),
        }),
    }
}

/// Reads the figures file `path` (TOML, JSON, YAML, CSV or a workbook).
pub fn load(path: &Path, sheet: Option<&str>) -> Result<Figures, Error> {
    model::check_size(path)?;
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        file: path.to_path_buf(),
        source,
    })?;
    parse(path, &bytes, sheet)
}

/// Parses `bytes`, the content of the figures file `path` (whose extension
/// says the format).
pub fn parse(path: &Path, bytes: &[u8], sheet: Option<&str>) -> Result<Figures, Error> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut figures = Figures::default();
    let rows: Vec<(Row, DataPlace)> = match ext.as_str() {
        "toml" | "json" | "yaml" | "yml" => {
            let f: FiguresToml = model::load_bytes(path, bytes)?;
            figures.year = Some(f.nam);
            figures.period = Some(f.ky);
            f.chi_tieu
                .into_iter()
                .enumerate()
                .map(|(i, r)| (r, DataPlace::entry(i)))
                .collect()
        }
        "csv" => read_csv(path, bytes, &mut figures.letters)?,
        "xlsx" | "xlsm" | "xls" | "ods" => read_sheet(path, bytes, sheet, &mut figures.letters)?,
        _ => {
            return Err(Error::UnknownFormat {
                file: path.to_path_buf(),
            })
        }
    };
    for (row, place) in rows {
        if let Some((_, first)) = figures.rows.get(&row.ma) {
            return Err(bad(
                path,
                place,
                FiguresProblem::CodeTwice {
                    code: row.ma.clone(),
                    first: first.clone(),
                },
            ));
        }
        figures.rows.insert(row.ma.clone(), (row, place));
    }
    Ok(figures)
}

/// The columns a sheet or CSV must have, and which are optional.
const COLUMNS: [&str; 7] = crate::parsing::FIGURE_COLUMNS;

/// The spreadsheet letter of column `i` (0 → A, 26 → AA).
pub(crate) fn column_letter(i: usize) -> String {
    let mut n = i + 1;
    let mut s = String::new();
    while n > 0 {
        let r = (n - 1) % 26;
        s.insert(0, (b'A' + r as u8) as char);
        n = (n - 1) / 26;
    }
    s
}

/// Builds a row from text cells; `place(col)` names a cell for errors.
fn row_from_cells(
    path: &Path,
    header: &[String],
    cells: &[CellValue],
    place: impl Fn(usize) -> DataPlace,
) -> Result<Option<Row>, Error> {
    let mut row = Row::default();
    // A value under no column name would be silently dropped: a merged or
    // blank header cell, or a row longer than the header.
    for (c, cell) in cells.iter().enumerate() {
        let named = header.get(c).is_some_and(|h| !h.is_empty());
        if !named && !cell.text().trim().is_empty() {
            return Err(bad(
                path,
                place(c),
                FiguresProblem::Unnamed {
                    value: cell.text().trim().to_string(),
                },
            ));
        }
    }
    for (c, name) in header.iter().enumerate() {
        let cell = cells.get(c).cloned().unwrap_or(CellValue::Empty);
        let number = |cell: &CellValue| -> Result<Option<Decimal>, Error> {
            match cell {
                CellValue::Empty => Ok(None),
                CellValue::Date(shown) => Err(bad(
                    path,
                    place(c),
                    FiguresProblem::DateCell {
                        shown: shown.clone(),
                    },
                )),
                CellValue::Number(n) => bounded(*n).map(Some).map_err(|e| bad(path, place(c), e)),
                CellValue::Text(t) if t.trim().is_empty() => Ok(None),
                CellValue::Text(t) => parse_number(t)
                    .and_then(bounded)
                    .map(Some)
                    .map_err(|e| bad(path, place(c), e)),
            }
        };
        match name.as_str() {
            "ma" => row.ma = cell.text().trim().to_string(),
            "thuc_hien" => row.thuc_hien = number(&cell)?,
            "cung_ky" => row.cung_ky = number(&cell)?,
            "luy_ke" => row.luy_ke = number(&cell)?,
            "luy_ke_cung_ky" => row.luy_ke_cung_ky = number(&cell)?,
            "ghi_chu" => {
                let t = cell.text();
                if !t.trim().is_empty() {
                    row.ghi_chu = Some(Text::new(&t));
                }
            }
            "danh_gia" => {
                row.danh_gia = match cell.text().trim() {
                    "" => None,
                    "vuot" => Some(GivenVerdict::Vuot),
                    "dat" => Some(GivenVerdict::Dat),
                    "chua-dat" => Some(GivenVerdict::ChuaDat),
                    other => {
                        return Err(bad(
                            path,
                            place(c),
                            FiguresProblem::NotAVerdict {
                                value: other.to_string(),
                            },
                        ))
                    }
                }
            }
            _ => {}
        }
    }
    if row.ma.is_empty() {
        let blank = cells.iter().all(|c| c.text().trim().is_empty());
        return if blank {
            Ok(None)
        } else {
            Err(bad(path, place(0), FiguresProblem::EmptyCode))
        };
    }
    Ok(Some(row))
}

#[derive(Debug, Clone)]
enum CellValue {
    Empty,
    Number(Decimal),
    Text(String),
    /// A cell formatted as a date or time: its serial (46023 for 2026-01-01)
    /// is no figure, so it may only be a note.
    Date(String),
}

impl CellValue {
    fn text(&self) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Number(n) => n.to_string(),
            CellValue::Text(t) | CellValue::Date(t) => t.clone(),
        }
    }
}

/// The csv reader's complaint, as its words.
fn csv_problem(e: &csv::Error) -> ParseProblem {
    ParseProblem::Csv {
        detail: e.to_string(),
    }
}

fn check_header(path: &Path, header: &[String], where_: &DataPlace) -> Result<(), Error> {
    for (i, h) in header.iter().enumerate() {
        if !h.is_empty() && header[..i].contains(h) {
            return Err(bad(
                path,
                where_.clone(),
                FiguresProblem::ColumnTwice { column: h.clone() },
            ));
        }
        if !h.is_empty() && !COLUMNS.contains(&h.as_str()) {
            return Err(bad(
                path,
                where_.clone(),
                FiguresProblem::UnknownColumn { column: h.clone() },
            ));
        }
    }
    if !header.iter().any(|h| h == "ma") {
        return Err(bad(path, where_.clone(), FiguresProblem::NoCodeColumn));
    }
    Ok(())
}

fn read_csv(
    path: &Path,
    bytes: &[u8],
    letters_of: &mut BTreeMap<String, String>,
) -> Result<Vec<(Row, DataPlace)>, Error> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    // The header's own line: blank lines may stand above it.
    let mut lines = crate::parsing::CsvLines::new(bytes);
    let header = reader.headers().cloned();
    let header_at = DataPlace::row(None, lines.of(&header).unwrap_or(1));
    let header: Vec<String> = header
        .map_err(|e| bad(path, header_at.clone(), csv_problem(&e)))?
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect();
    check_header(path, &header, &header_at)?;
    *letters_of = letters(&header, 0);
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        // The row as an editor or a spreadsheet numbers it: the reader skips
        // blank lines, so counting records would point above the row.
        let line = lines.of(&record).unwrap_or(i + 2);
        let at = DataPlace::row(None, line);
        let record = record.map_err(|e| bad(path, at.clone(), csv_problem(&e)))?;
        let cells: Vec<CellValue> = record
            .iter()
            .map(|t| CellValue::Text(t.to_string()))
            .collect();
        let place = |c: usize| column_at(&at, c, &header, 0);
        if let Some(row) = row_from_cells(path, &header, &cells, place)? {
            out.push((row, at));
        }
    }
    no_rows(path, &out, &header_at)?;
    Ok(out)
}

/// `at` in column `c` of the header: its letter, and its name if it has one.
fn column_at(at: &DataPlace, c: usize, header: &[String], first_col: usize) -> DataPlace {
    let name = header.get(c).filter(|h| !h.is_empty()).cloned();
    at.column(column_letter(first_col + c), name)
}

/// A file with a header and no figures under it leaves every target "chưa
/// đánh giá" without a word: surely the wrong file or sheet.
fn no_rows(path: &Path, rows: &[(Row, DataPlace)], header_at: &DataPlace) -> Result<(), Error> {
    if rows.is_empty() {
        return Err(bad(path, header_at.clone(), FiguresProblem::NoFigures));
    }
    Ok(())
}

/// The workbook in `bytes`, its format chosen by the extension of `path`
/// (as calamine's `open_workbook_auto` does with a file).
pub(crate) fn open_workbook<'a>(
    path: &Path,
    bytes: &'a [u8],
) -> Result<Sheets<Cursor<&'a [u8]>>, calamine::Error> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let data = Cursor::new(bytes);
    Ok(match ext.as_str() {
        "xls" => {
            Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(data).map_err(calamine::Error::Xls)?)
        }
        "ods" => {
            Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(data).map_err(calamine::Error::Ods)?)
        }
        _ => {
            Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(data).map_err(calamine::Error::Xlsx)?)
        }
    })
}

fn read_sheet(
    path: &Path,
    bytes: &[u8],
    sheet: Option<&str>,
    letters_of: &mut BTreeMap<String, String>,
) -> Result<Vec<(Row, DataPlace)>, Error> {
    let mut book = open_workbook(path, bytes).map_err(|e| {
        bad(
            path,
            DataPlace::default(),
            FiguresProblem::Workbook {
                detail: e.to_string(),
            },
        )
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => {
            if !names.iter().any(|n| n == s) {
                return Err(bad(
                    path,
                    DataPlace::default(),
                    FiguresProblem::NoSheet {
                        name: s.to_string(),
                        sheets: names.clone(),
                    },
                ));
            }
            s.to_string()
        }
        None => names
            .first()
            .cloned()
            .ok_or_else(|| bad(path, DataPlace::default(), FiguresProblem::NoSheets))?,
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        bad(
            path,
            DataPlace::sheet(&name),
            FiguresProblem::Workbook {
                detail: e.to_string(),
            },
        )
    })?;
    let Some((first_row, first_col)) = range.start() else {
        return Err(bad(
            path,
            DataPlace::sheet(&name),
            FiguresProblem::EmptySheet,
        ));
    };
    let header_at = DataPlace::row(Some(&name), first_row as usize + 1);
    merged_header(&mut book, &name, first_row, &header_at, path)?;
    let mut rows = range.rows();
    let header: Vec<String> = rows
        .next()
        .map(|r| {
            r.iter()
                .map(|c| c.to_string().trim().to_lowercase())
                .collect()
        })
        .unwrap_or_default();
    check_header(path, &header, &header_at)?;
    *letters_of = letters(&header, first_col as usize);
    // A formula whose value was never computed (a file written by a program,
    // not saved by Excel) reads as an empty cell: refuse it rather than
    // report "chưa đánh giá".
    if let Ok(formulas) = book.worksheet_formula(&name) {
        if let Some((f_row, f_col)) = formulas.start() {
            for (r, c, formula) in formulas.used_cells() {
                let (row, col) = (f_row + r as u32, f_col + c as u32);
                let cached = range.get_value((row, col));
                if row > first_row && matches!(cached, None | Some(Data::Empty)) {
                    // A formula-only column may lie left of the values.
                    let at = DataPlace::row(Some(&name), row as usize + 1);
                    let column = match col.checked_sub(first_col) {
                        Some(c) => column_at(&at, c as usize, &header, first_col as usize),
                        None => at.column(column_letter(col as usize), None),
                    };
                    return Err(bad(
                        path,
                        column,
                        FiguresProblem::Formula {
                            formula: formula.clone(),
                        },
                    ));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (i, r) in rows.enumerate() {
        let excel_row = first_row as usize + i + 2;
        let cells: Vec<CellValue> = r
            .iter()
            .map(|c| match c {
                Data::Empty => CellValue::Empty,
                Data::Int(n) => CellValue::Number(Decimal::from(*n)),
                Data::Float(f) => match from_f64(*f) {
                    Some(d) => CellValue::Number(d),
                    None => CellValue::Text(f.to_string()),
                },
                Data::String(s) => CellValue::Text(s.clone()),
                Data::Bool(b) => CellValue::Text(b.to_string()),
                Data::DateTime(d) => CellValue::Date(excel_date(d)),
                Data::DateTimeIso(d) | Data::DurationIso(d) => CellValue::Date(d.clone()),
                other => CellValue::Text(format!("{other}")),
            })
            .collect();
        let at = DataPlace::row(Some(&name), excel_row);
        let place = |c: usize| column_at(&at, c, &header, first_col as usize);
        if let Some(row) = row_from_cells(path, &header, &cells, place)? {
            out.push((row, at));
        }
    }
    no_rows(path, &out, &header_at)?;
    Ok(out)
}

/// A date cell as the clerk sees it (01/01/2026), from its serial.
pub(crate) fn excel_date(d: &calamine::ExcelDateTime) -> String {
    let serial = d.as_f64();
    let base = chrono::NaiveDate::from_ymd_opt(1899, 12, 30);
    match base {
        Some(base) if d.is_datetime() && serial.is_finite() && (0.0..3e6).contains(&serial) => base
            .checked_add_days(chrono::Days::new(serial as u64))
            .map(|day| day.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|| d.to_string()),
        _ => d.to_string(),
    }
}

/// A merged cell in the header row keeps its name in the first column only,
/// so the others lose theirs; refused with the range to unmerge.
fn merged_header<R: std::io::Read + std::io::Seek>(
    book: &mut calamine::Sheets<R>,
    name: &str,
    header_row: u32,
    header_at: &DataPlace,
    path: &Path,
) -> Result<(), Error> {
    let calamine::Sheets::Xlsx(xlsx) = book else {
        return Ok(());
    };
    let Some(Ok(merged)) = xlsx.worksheet_merge_cells(name) else {
        return Ok(());
    };
    for m in merged {
        if m.start.0 <= header_row && header_row <= m.end.0 {
            let range = format!(
                "{}{}:{}{}",
                column_letter(m.start.1 as usize),
                m.start.0 + 1,
                column_letter(m.end.1 as usize),
                m.end.0 + 1
            );
            return Err(bad(
                path,
                header_at.clone(),
                FiguresProblem::MergedHeader { range },
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(2), "C");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
    }

    #[test]
    fn a_bad_csv_cell_is_named_by_row_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("q1.csv");
        std::fs::write(
            &p,
            "ma,thuc_hien,cung_ky\nthu_ngan_sach,3500,3200\nthu_nhap,12a,50\n",
        )
        .unwrap();
        let err = load(&p, None).unwrap_err().to_string();
        assert!(err.contains("row 3, column B (`thuc_hien`)"), "{err}");
        assert!(err.contains("`12a` is not a number"), "{err}");
    }

    /// Blank lines and a cell over two lines: the row is the line the
    /// record starts on, as an editor or a spreadsheet shows it.
    #[test]
    fn a_csv_row_is_the_line_it_starts_on() {
        let dir = tempfile::tempdir().unwrap();
        for (text, row) in [
            ("ma,thuc_hien\n\nthu_nhap,12a\n", "row 3,"),
            // A header below blank lines: its own line.
            ("\n\nma,thuc_hienn\nthu_nhap,1\n", "row 3"),
            ("\u{feff}ma,thuc_hien\r\n\r\n\r\nthu_nhap,12a\r\n", "row 4,"),
            (
                "ma,thuc_hien,ghi_chu\nthu_ngan_sach,1,\"a\nb\"\n\nthu_nhap,12a,\n",
                "row 5,",
            ),
        ] {
            let p = write(dir.path(), "q.csv", text);
            let err = load(&p, None).unwrap_err().to_string();
            assert!(err.contains(row), "{text:?}: {err}");
        }
    }

    fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn a_huge_csv_value_is_refused_at_its_cell() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "q1.csv",
            "ma,thuc_hien,cung_ky\nthu,79228162514264337593543950335,-79228162514264337593543950335\n",
        );
        let err = load(&p, None).unwrap_err().to_string();
        assert!(err.contains("row 2, column B (`thuc_hien`)"), "{err}");
        assert!(err.contains("too large"), "{err}");
        let p = write(
            dir.path(),
            "ok.csv",
            "ma,thuc_hien\nthu,1.000.000.000.000.000\n",
        );
        assert!(load(&p, None).is_ok());
    }

    #[test]
    fn csv_cells_beyond_the_named_columns_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "q1.csv", "ma,thuc_hien\nthu,3420,2980\n");
        let err = load(&p, None).unwrap_err().to_string();
        assert!(err.contains("row 2, column C:"), "{err}");
        assert!(
            err.contains("`2980` is in a column without a name"),
            "{err}"
        );
        let p = write(dir.path(), "blank.csv", "ma,,thuc_hien\nthu,x,3420\n");
        let err = load(&p, None).unwrap_err().to_string();
        assert!(err.contains("row 2, column B:"), "{err}");
        // Trailing empty cells are harmless.
        let p = write(dir.path(), "trailing.csv", "ma,thuc_hien\nthu,3420,,\n");
        assert!(load(&p, None).is_ok());
        let p = write(dir.path(), "twice.csv", "ma,thuc_hien,thuc_hien\nthu,1,2\n");
        let err = load(&p, None).unwrap_err().to_string();
        assert!(err.contains("named twice"), "{err}");
        let p = write(dir.path(), "header-only.csv", "ma,thuc_hien\n");
        let err = load(&p, None).unwrap_err().to_string();
        assert!(err.contains("no figures below the header"), "{err}");
    }

    fn book(dir: &Path, fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> std::path::PathBuf {
        let path = dir.join("so-lieu.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet().set_name("Quý I").unwrap();
        fill(sheet);
        book.save(&path).unwrap();
        path
    }

    fn header(sheet: &mut rust_xlsxwriter::Worksheet) {
        for (c, h) in ["ma", "thuc_hien", "cung_ky"].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        sheet.write_string(1, 0, "thu").unwrap();
    }

    #[test]
    fn a_date_cell_is_no_number() {
        let dir = tempfile::tempdir().unwrap();
        let path = book(dir.path(), |sheet| {
            header(sheet);
            let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 1, 1).unwrap();
            let format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
            sheet
                .write_datetime_with_format(1, 1, &date, &format)
                .unwrap();
        });
        let err = load(&path, None).unwrap_err().to_string();
        assert!(
            err.contains("sheet `Quý I`, row 2, column B (`thuc_hien`)"),
            "{err}"
        );
        assert!(
            err.contains("is a date (01/01/2026), not a number"),
            "{err}"
        );
    }

    #[test]
    fn a_merged_header_and_an_empty_sheet_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = book(dir.path(), |sheet| {
            sheet
                .merge_range(0, 1, 0, 2, "thuc_hien", &rust_xlsxwriter::Format::new())
                .unwrap();
            sheet.write_string(0, 0, "ma").unwrap();
            sheet.write_string(1, 0, "thu").unwrap();
            sheet.write_number(1, 1, 3420.0).unwrap();
            sheet.write_number(1, 2, 2980.0).unwrap();
        });
        let err = load(&path, None).unwrap_err().to_string();
        assert!(err.contains("sheet `Quý I`, row 1"), "{err}");
        assert!(err.contains("B1:C1 are merged"), "{err}");
        let path = book(dir.path(), |_| {});
        let err = load(&path, None).unwrap_err().to_string();
        assert!(
            err.contains("sheet `Quý I`") && err.contains("the sheet is empty"),
            "{err}"
        );
        let path = book(dir.path(), |sheet| {
            header(sheet);
            sheet.write_number(1, 1, 3420.0).unwrap();
            sheet.write_number(1, 3, 1.0).unwrap();
        });
        let err = load(&path, None).unwrap_err().to_string();
        assert!(err.contains("row 2, column D:"), "{err}");
    }

    /// A workbook written by a program (not saved by Excel) may hold a formula
    /// without its computed value: it must not read as an empty cell.
    #[test]
    fn a_formula_without_a_stored_value_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = book(dir.path(), |sheet| {
            header(sheet);
            sheet.write_formula(1, 1, "=3000+420").unwrap();
        });
        // Strip the cached result rust_xlsxwriter stores, as other writers do.
        let stripped = dir.path().join("stripped.xlsx");
        {
            let mut zin = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
            let mut zout = zip::ZipWriter::new(std::fs::File::create(&stripped).unwrap());
            for i in 0..zin.len() {
                let mut entry = zin.by_index(i).unwrap();
                let name = entry.name().to_string();
                let mut bytes = Vec::new();
                std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
                if name.starts_with("xl/worksheets/") {
                    let text = String::from_utf8(bytes).unwrap();
                    assert!(text.contains("</f><v>0</v>"), "{text}");
                    bytes = text.replace("</f><v>0</v>", "</f>").into_bytes();
                }
                zout.start_file(name, zip::write::SimpleFileOptions::default())
                    .unwrap();
                std::io::Write::write_all(&mut zout, &bytes).unwrap();
            }
            zout.finish().unwrap();
        }
        let err = load(&stripped, None).unwrap_err().to_string();
        assert!(
            err.contains("sheet `Quý I`, row 2, column B (`thuc_hien`)"),
            "{err}"
        );
        assert!(
            err.contains("the formula `=3000+420` has no computed value"),
            "{err}"
        );
        // With its value stored (as Excel saves it), the value is read.
        assert_eq!(
            load(&path, None).unwrap().rows["thu"].0.thuc_hien,
            Some(Decimal::ZERO)
        );
    }
}
