//! Reports computed from indicator data: the figures in the table and in the
//! prose are the computed ones, in Vietnamese notation, and follow the data.

use std::path::{Path, PathBuf};

use crate::common::*;
use vanban::indicators::{self, table, Evaluation};
use vanban::Renderer;

const PARTY: &str = "examples/bao-cao-quy-I-2026-dang-uy.toml";
const STATE: &str = "examples/bao-cao-6-thang-2026-ubnd.toml";

fn evaluation(example: &Path) -> Evaluation {
    let r = Renderer::new();
    let doc = r.load(example).unwrap();
    indicators::load(example, doc.so_lieu.as_ref().unwrap()).unwrap()
}

/// The appendix pages: from the page whose top line is "Phụ lục".
fn appendix_pages(p: &Probe) -> Vec<&Page> {
    let start = p
        .pages
        .iter()
        .position(|page| {
            lines(page)
                .first()
                .is_some_and(|l| l.text().starts_with("Phụ lục"))
        })
        .expect("an appendix page");
    p.pages[start..].iter().collect()
}

fn check_table(example: &str) {
    let path = root().join(example);
    let pdf = render_file(&path);
    let probe = probe(&pdf);
    let pages = appendix_pages(&probe);
    let eval = evaluation(&path);
    let rows = table::rows(&eval);
    let mut checked = 0;
    for row in rows.iter().filter(|r| r.kind == "chi-tieu") {
        let tt = &row.cells[0];
        // The row's first line: the words level with its number in the TT column.
        let line = pages
            .iter()
            .find_map(|page| {
                let left = page.words.iter().map(|w| w.x0).fold(f64::MAX, f64::min);
                let mark = page
                    .words
                    .iter()
                    .find(|w| &w.text == tt && w.x0 < left + 12.0 * MM)?;
                let mut words: Vec<&Word> = page
                    .words
                    .iter()
                    .filter(|w| (w.top - mark.top).abs() < 1.5)
                    .collect();
                words.sort_by(|a, b| a.x0.partial_cmp(&b.x0).unwrap());
                Some(words.iter().map(|w| w.text.clone()).collect::<Vec<_>>())
            })
            .unwrap_or_else(|| panic!("{example}: no table row for target {tt}"));
        let joined = line.join(" ");
        // TH, % so KH, CK, % so CK and the verdict as computed.
        for (i, cell) in row.cells.iter().enumerate().skip(4) {
            if cell.is_empty() {
                continue;
            }
            // A verdict may wrap in its cell; its first word stands on the row's line.
            let cell = if i == 8 {
                cell.split(' ').next().unwrap().to_string()
            } else {
                cell.clone()
            };
            assert!(
                line.contains(&cell) || joined.contains(cell.as_str()),
                "{example}: target {tt}: {cell:?} not in its row: {joined}"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 26, "every target has its row");
    // The header row repeats on every page of the table.
    for page in &pages {
        assert!(
            page.words.iter().any(|w| w.text == "Đánh"),
            "a table page without the header row"
        );
    }
}

#[test]
fn party_report_table_holds_the_computed_figures() {
    check_table(PARTY);
}

#[test]
fn state_report_table_holds_the_computed_figures_from_excel() {
    check_table(STATE);
}

#[test]
fn every_number_is_in_vietnamese_notation() {
    let bad = [
        (
            regex::Regex::new(r"\d,\d{3},\d{3}").unwrap(),
            "comma thousands",
        ),
        (regex::Regex::new(r"\d\s+%").unwrap(), "a space before %"),
        (
            regex::Regex::new(r"\d\.\d{1,2}(?:[^\d.]|$)").unwrap(),
            "a decimal point",
        ),
        (
            regex::Regex::new(r"(?i)\b(nan|inf|infinity)\b").unwrap(),
            "NaN or infinity",
        ),
    ];
    for example in [PARTY, STATE] {
        let text = pdftotext(&render_file(&root().join(example)));
        for (re, what) in &bad {
            if let Some(m) = re.find(&text) {
                panic!(
                    "{example}: {what}: {:?}",
                    &text[m.start().saturating_sub(40)..(m.end() + 20).min(text.len())]
                );
            }
        }
    }
}

#[test]
fn verdict_counts_in_the_prose_equal_the_table() {
    let path = root().join(PARTY);
    let pdf = render_file(&path);
    let text = squash(&pdftotext(&pdf));
    let re = regex::Regex::new(r"có (\d+)/(\d+) chỉ tiêu đạt và vượt").unwrap();
    let caps = re
        .captures(&text)
        .expect("a sentence counting the verdicts");
    let (said_met, said_total): (usize, usize) =
        (caps[1].parse().unwrap(), caps[2].parse().unwrap());
    let rows = table::rows(&evaluation(&path));
    let targets: Vec<_> = rows.iter().filter(|r| r.kind == "chi-tieu").collect();
    let met = targets
        .iter()
        .filter(|r| r.cells[8] == "Vượt" || r.cells[8] == "Đạt")
        .count();
    // Counted over the targets judged; the others are named apart.
    let not_judged = targets
        .iter()
        .filter(|r| r.cells[8] == "Chưa đánh giá")
        .count();
    assert!(
        not_judged > 0,
        "the example should have targets not yet judged"
    );
    assert_eq!((said_met, said_total), (met, targets.len() - not_judged));
    assert!(
        text.contains(&format!("{not_judged} chỉ tiêu chưa đánh giá")),
        "{text}"
    );
    // And the table as printed says the same.
    let probe = probe(&pdf);
    let printed: usize = appendix_pages(&probe)
        .iter()
        .map(|p| {
            // Only the verdict column: a target's name may start with "Đạt".
            let column = p.width - (15.0 + 27.0) * MM;
            p.words
                .iter()
                .filter(|w| w.x0 > column && (w.text == "Vượt" || w.text == "Đạt"))
                .count()
        })
        .sum();
    let sub_rows_met = rows
        .iter()
        .filter(|r| r.kind == "thanh-phan" && (r.cells[8] == "Vượt" || r.cells[8] == "Đạt"))
        .count();
    assert_eq!(printed, met + sub_rows_met);
}

#[test]
fn the_state_report_has_the_state_marks_and_the_party_report_has_none() {
    let state = squash(&pdftotext(&render_file(&root().join(STATE))));
    for mark in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số:",
        "TM.",
        "./.",
    ] {
        assert!(state.contains(mark), "state report lacks {mark:?}");
    }
    let party = squash(&pdftotext(&render_file(&root().join(PARTY))));
    for mark in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số:",
        "TM.",
        "./.",
    ] {
        assert!(!party.contains(mark), "party report has {mark:?}");
    }
    assert!(party.contains("ĐẢNG CỘNG SẢN VIỆT NAM") && party.contains("T/M BAN THƯỜNG VỤ"));
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

#[test]
fn changing_one_figure_changes_every_place_that_quotes_it() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("examples"), &dir.path().join("examples"));
    let doc: PathBuf = dir.path().join(PARTY);
    let figures = dir
        .path()
        .join("examples/data/vu-quang/thuc-hien-quy-I-2026.toml");

    let before = squash(&pdftotext(&render_file(&doc)));
    let text = std::fs::read_to_string(&figures).unwrap();
    assert!(text.contains("thuc_hien = 612500"));
    std::fs::write(
        &figures,
        text.replace("thuc_hien = 612500", "thuc_hien = 700000"),
    )
    .unwrap();
    let after = squash(&pdftotext(&render_file(&doc)));

    let old_quotes = before.matches("612.500").count();
    assert!(
        old_quotes >= 2,
        "the figure is quoted in prose and table ({old_quotes})"
    );
    assert_eq!(
        after.matches("612.500").count(),
        0,
        "an old figure survived"
    );
    assert_eq!(
        after.matches("700.000").count(),
        old_quotes,
        "not every quote changed"
    );
    // Derived values follow: 700.000 / 2.659.682 = 26,3% of the year's plan.
    assert!(after.contains("26,3%"), "% of plan not recomputed");
    assert!(!after.contains("23% kế hoạch"), "old % of plan survived");
}

#[test]
fn a_bad_reference_in_a_fragment_names_it_and_the_closest_indicator() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("examples"), &dir.path().join("examples"));
    let doc = dir.path().join(PARTY);
    let shared = dir.path().join("examples/data/vu-quang/doan-van.toml");
    let text = std::fs::read_to_string(&shared).unwrap();
    std::fs::write(
        &shared,
        text.replacen("chi_tieu.thu_ngan_sach", "chi_tieu.thu_ngan_sah", 1),
    )
    .unwrap();
    let r = Renderer::new();
    let err = r
        .render_pdf(&r.load(&doc).unwrap(), &doc)
        .unwrap_err()
        .to_string();
    assert!(err.contains("thu_ngan_sah"), "{err}");
    assert!(err.contains("did you mean `thu_ngan_sach`"), "{err}");
    assert!(err.contains("fragment `"), "{err}");
    assert!(err.contains("line "), "{err}");
}

#[test]
fn csv_toml_and_excel_figures_read_the_same() {
    let data = root().join("examples/data/vu-quang");
    let load = |file: &str, sheet: Option<&str>| {
        let f = indicators::load_figures(&data.join(file), sheet).unwrap();
        f.rows
            .into_iter()
            .map(|(k, (r, _))| (k, r.thuc_hien, r.cung_ky))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        load("thuc-hien-quy-I-2026.toml", None),
        load("thuc-hien-quy-I-2026.csv", None)
    );

    // An Excel sheet as offices keep it, with one bad cell.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so-lieu.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Quý I").unwrap();
    for (c, h) in ["ma", "thuc_hien", "cung_ky"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "thu_ngan_sach").unwrap();
    sheet.write_number(1, 1, 3420.0).unwrap();
    sheet.write_string(1, 2, "1.502.980").unwrap();
    sheet.write_string(2, 0, "bhyt").unwrap();
    sheet.write_number(2, 1, 93.1).unwrap();
    sheet.write_string(2, 2, "92,4").unwrap();
    book.save(&path).unwrap();
    let f = indicators::load_figures(&path, Some("Quý I")).unwrap();
    let (bhyt, _) = &f.rows["bhyt"];
    assert_eq!(bhyt.thuc_hien.unwrap().to_string(), "93.1");
    assert_eq!(bhyt.cung_ky.unwrap().to_string(), "92.4");
    assert_eq!(
        f.rows["thu_ngan_sach"].0.cung_ky.unwrap().to_string(),
        "1502980"
    );

    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Quý I").unwrap();
    sheet.write_string(0, 0, "ma").unwrap();
    sheet.write_string(0, 1, "thuc_hien").unwrap();
    sheet.write_string(1, 0, "bhyt").unwrap();
    sheet.write_string(1, 1, "chín mươi").unwrap();
    book.save(&path).unwrap();
    let err = indicators::load_figures(&path, None)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("sheet `Quý I`, row 2, column B (`thuc_hien`)"),
        "{err}"
    );
    assert!(err.contains("chín mươi"), "{err}");
}

fn report_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("examples"), &dir.path().join("examples"));
    let doc = dir.path().join(PARTY);
    (dir, doc)
}

/// [`report_copy`] reading its figures from the CSV beside the TOML, with
/// `from` replaced by `to` in that CSV.
fn report_from_csv(from: &str, to: &str) -> (tempfile::TempDir, PathBuf) {
    let (dir, doc) = report_copy();
    let text = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(
        &doc,
        text.replace(
            "thuc-hien-quy-I-2026.toml\"",
            "thuc-hien-quy-I-2026.csv\"\nky = \"quy-1\"",
        ),
    )
    .unwrap();
    let csv = dir
        .path()
        .join("examples/data/vu-quang/thuc-hien-quy-I-2026.csv");
    let figures = std::fs::read_to_string(&csv).unwrap();
    assert!(figures.contains(from), "the CSV has no {from:?}");
    std::fs::write(&csv, figures.replace(from, to)).unwrap();
    (dir, doc)
}

#[test]
fn a_negative_figure_of_a_quantity_is_refused_at_its_row() {
    let (dir, doc) = report_copy();
    let figures = dir
        .path()
        .join("examples/data/vu-quang/thuc-hien-quy-I-2026.toml");
    let text = std::fs::read_to_string(&figures).unwrap();
    std::fs::write(
        &figures,
        text.replace("thuc_hien = 612500", "thuc_hien = -612500"),
    )
    .unwrap();
    let (code, out) = run_vanban(&["check", doc.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("thuc-hien-quy-I-2026.toml") && out.contains("chi_tieu[0], `thuc_hien`"),
        "{out}"
    );
    assert!(out.contains("-612500") && out.contains("khoang"), "{out}");
}

/// In a CSV the same refusal names the cell, row and column letter, as a
/// cell the reader refuses does.
#[test]
fn a_negative_figure_in_a_csv_is_refused_at_its_cell() {
    let (dir, doc) = report_from_csv("thu_ngan_sach,3420,2980,", "thu_ngan_sach,3420,-2980,");
    let (code, out) = run_vanban(&["check", doc.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("hàng 6, cột C (`cung_ky`)"), "{out}");
}

#[test]
fn a_huge_figure_is_a_located_error_not_a_panic() {
    // The same report from a CSV of figures, one of them beyond any decimal sum.
    let (dir, doc) = report_from_csv(
        "thu_ngan_sach,3420,2980,",
        "thu_ngan_sach,79228162514264337593543950335,-79228162514264337593543950335,",
    );
    let (code, out) = run_vanban(&["render", doc.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("hàng 6, cột B (`thuc_hien`)"), "{out}");
    assert!(!doc.with_extension("pdf").exists());
}
