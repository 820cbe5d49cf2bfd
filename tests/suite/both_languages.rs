//! Every way a file the suite feeds vanban can fail, read in Vietnamese and
//! in English: the Vietnamese has no English sentence left in it, the
//! English no Vietnamese, except inside the values quoted from the file and
//! inside a parser's own account of a syntax error, which vanban shows in
//! the parser's words after a sentence of its own.

use std::path::{Path, PathBuf};

use vanban::messages::{error, help, Lang};
use vanban::model::{parse, Format};
use vanban::{Document, Renderer};

use crate::common::*;

/// Letters only Vietnamese uses, and its tone marks.
fn has_vietnamese(s: &str) -> bool {
    s.chars().any(|c| {
        "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
            .contains(c.to_lowercase().next().unwrap_or(c))
    })
}

/// `s` without what it quotes from the file (`…`, "…"), without the file's
/// path, and without a dependency's own words, which vanban frames as
/// "(lời của …: …)" in Vietnamese and after "syntax error: " in English.
fn own_words(s: &str, dir: &Path) -> String {
    let mut s = s.replace(&dir.display().to_string(), "");
    // Notation a clerk types as it is, in either language.
    for value in NOTATION {
        s = s.replace(value, "");
    }
    let mut out = String::new();
    let mut quote: Option<char> = None;
    for c in s.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '`' || c == '"' => quote = Some(c),
            None => out.push(c),
        }
    }
    for frame in ["(lời của ", "syntax error: ", "cannot open the workbook: "] {
        if let Some(i) = out.find(frame) {
            out.truncate(i + frame.len());
        }
    }
    out
}

/// Values of vanban's notation, written the same in both languages (the
/// numbering scheme "Phần thứ nhất", a pattern "Điều {n}.").
const NOTATION: &[&str] = &["Phần thứ nhất", "Điều"];

/// English words no Vietnamese sentence of vanban's has.
const ENGLISH: &[&str] = &[
    "the", "is", "not", "expected", "found", "field", "invalid", "unknown", "missing", "of", "and",
    "or", "with", "cannot", "must", "type", "string", "number", "value", "error", "at", "to", "be",
    "has", "no", "in",
];

fn english_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

/// A copy of the quarterly report and its data in `dir`; returns its path.
fn report(dir: &Path) -> PathBuf {
    let data = dir.join("data/vu-quang");
    std::fs::create_dir_all(&data).unwrap();
    for e in std::fs::read_dir(root().join("examples/data/vu-quang"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(e.path(), data.join(e.file_name())).unwrap();
    }
    let doc = dir.join("report.toml");
    std::fs::copy(
        root().join("examples/bao-cao-quy-I-2026-dang-uy.toml"),
        &doc,
    )
    .unwrap();
    doc
}

/// Edits the quarter's figures file the quarterly report reads.
fn edit_figures(dir: &Path, from: &str, to: &str) {
    edit(
        &dir.join("data/vu-quang/thuc-hien-quy-I-2026.toml"),
        from,
        to,
    )
}

/// Replaces `from` (which must be there) by `to` in the file `path`.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

type Case = (&'static str, fn(&Path, &Path));

/// The failing inputs: each edits the report (`doc`) or its data (in `dir`).
const CASES: &[Case] = &[
    ("text for a number", |_, d| {
        edit(d, "so = 15", "so = \"mười lăm\"")
    }),
    ("negative number", |_, d| edit(d, "so = 15", "so = -3")),
    ("mistyped key", |_, d| edit(d, "trich_yeu =", "trich_yue =")),
    ("unknown key", |_, d| {
        edit(d, "so = 15", "so = 15\nxyzxyzxyz = 1")
    }),
    ("unknown value", |_, d| {
        edit(d, "the_thuc = \"dang\"", "the_thuc = \"dangg\"")
    }),
    ("missing key", |_, d| {
        edit(d, "co_quan_ban_hanh = \"Đảng ủy xã Vũ Quang\"\n", "")
    }),
    ("not a date", |_, d| {
        edit(d, "\"2026-03-18\"", "\"2026-02-30\"")
    }),
    ("date out of range", |_, d| {
        edit(d, "\"2026-03-18\"", "\"18/03/2206\"")
    }),
    ("syntax", |_, d| edit(d, "so = 15", "so = 15 16")),
    ("key twice", |_, d| edit(d, "so = 15", "so = 15\nso = 16")),
    ("not utf-8", |_, d| {
        let mut bytes = std::fs::read(d).unwrap();
        bytes.extend_from_slice(b"\nx = \"\xff\"\n");
        std::fs::write(d, bytes).unwrap();
    }),
    ("too deep", |_, d| {
        edit(d, "so = 15", &format!("so = 15\nx = {}", "[".repeat(200)))
    }),
    ("draft round", |_, d| {
        edit(d, "so = 15", "so = 15\ndu_thao = 0")
    }),
    ("numbering scheme", |_, d| {
        edit(d, "so = 15", "so = 15\nkieu_so = [\"I.\", \"x)\"]")
    }),
    ("period", |dir, _| {
        edit_figures(dir, "ky = \"quy-1\"", "ky = \"quy-5\"")
    }),
    ("ambiguous figure", |dir, _| {
        edit_figures(dir, "thuc_hien = 612500", "thuc_hien = \"19.655\"")
    }),
    ("not a figure", |dir, _| {
        edit_figures(dir, "thuc_hien = 612500", "thuc_hien = \"12a\"")
    }),
    ("negative figure", |dir, _| {
        edit_figures(dir, "thuc_hien = 612500", "thuc_hien = -5")
    }),
    ("unknown indicator", |dir, _| {
        edit_figures(
            dir,
            "ma = \"gia_tri_san_pham\"",
            "ma = \"gia_tri_san_phamm\"",
        )
    }),
    ("csv column", |dir, d| {
        edit(
            &dir.join("data/vu-quang/thuc-hien-quy-I-2026.csv"),
            "ma,thuc_hien",
            "ma,thuc_hein",
        );
        edit(
            d,
            "thuc_hien = \"data/vu-quang/thuc-hien-quy-I-2026.toml\"",
            "thuc_hien = \"data/vu-quang/thuc-hien-quy-I-2026.csv\"",
        );
    }),
    ("csv figure", |dir, d| {
        edit(
            &dir.join("data/vu-quang/thuc-hien-quy-I-2026.csv"),
            "gia_tri_san_pham,612500",
            "gia_tri_san_pham,1.23.4",
        );
        edit(
            d,
            "thuc_hien = \"data/vu-quang/thuc-hien-quy-I-2026.toml\"",
            "thuc_hien = \"data/vu-quang/thuc-hien-quy-I-2026.csv\"",
        );
    }),
    ("roman numeral", |_, d| {
        edit(d, "như sau:", "như sau {{ 4000 | la_ma }}:")
    }),
    ("filter date", |_, d| {
        edit(d, "như sau:", "như sau {{ 'hôm qua' | ngay }}:")
    }),
    ("filter period", |_, d| {
        edit(d, "như sau:", "như sau {{ 'quy-9' | ky(2026) }}:")
    }),
    ("undefined name", |_, d| {
        edit(d, "như sau:", "như sau {{ khong_co }}:")
    }),
    ("template syntax", |_, d| {
        edit(d, "như sau:", "như sau {% if %}:")
    }),
];

/// Documents in JSON and YAML, read alone.
const OTHER_FORMATS: &[(&str, &str, Format)] = &[
    ("a.json", "{\"so\": \"bảy\"}", Format::Json),
    ("a.json", "{\"so\": 1,, }", Format::Json),
    ("a.json", "{\"trich_yue\": \"x\"}", Format::Json),
    ("a.yaml", "so: bảy\n", Format::Yaml),
    ("a.yaml", "so: [1\n", Format::Yaml),
    ("a.yaml", "the_thuc: dangg\n", Format::Yaml),
];

fn check_both(what: &str, e: &vanban::Error, dir: &Path) {
    let vi = error(e, Lang::Vi);
    let en = error(e, Lang::En);
    assert!(has_vietnamese(&vi), "{what}: not Vietnamese: {vi}");
    let left = english_words(&own_words(&vi, dir));
    assert!(left.is_empty(), "{what}: English {left:?} in: {vi}");
    assert!(
        !has_vietnamese(&own_words(&en, dir)),
        "{what}: Vietnamese in: {en}"
    );
    if let Some(h) = help(e, Lang::Vi) {
        assert!(has_vietnamese(&h), "{what}: {h}");
        let en_help = help(e, Lang::En).unwrap();
        assert!(!has_vietnamese(&own_words(&en_help, dir)), "{en_help}");
    }
}

#[test]
fn every_failing_input_reads_in_vietnamese_and_in_english() {
    let renderer = Renderer::new();
    for (what, break_it) in CASES {
        let dir = tempfile::tempdir().unwrap();
        let doc = report(dir.path());
        break_it(dir.path(), &doc);
        let e = match renderer.resolve_file(&doc) {
            Err(e) => e,
            Ok(_) => panic!("{what}: the broken report resolved"),
        };
        check_both(what, &e, dir.path());
    }
    for (name, text, format) in OTHER_FORMATS {
        let dir = tempfile::tempdir().unwrap();
        let e = parse::<Document>(&dir.path().join(name), text, *format).unwrap_err();
        check_both(text, &e, dir.path());
    }
}

/// A figure refused after the figures file was read (a code the catalogue
/// lacks, a negative figure, another year than the catalogue's) is shown at
/// its line of that file, labelled with its field, as an error found while
/// reading is.
#[test]
fn a_refused_figure_is_shown_at_its_line_in_the_figures_file() {
    let cases = [
        (
            "ma = \"gia_tri_san_pham\"",
            "ma = \"gia_tri_san_phamm\"",
            "[[chi_tieu]]",
            "trường `chi_tieu[0]`",
        ),
        (
            "thuc_hien = 612500",
            "thuc_hien = -5",
            "thuc_hien = -5",
            "trường `chi_tieu[0].thuc_hien`",
        ),
        // A year other than the catalogue's, in the figures file itself.
        ("nam = 2026", "nam = 2025", "nam = 2025", "trường `nam`"),
    ];
    for (from, to, shown, label) in cases {
        let dir = tempfile::tempdir().unwrap();
        report(dir.path());
        edit_figures(dir.path(), from, to);
        let (code, _, err) = run_vanban_out(&["--lang", "vi", "render", "report.toml"], dir.path());
        assert_eq!(code, Some(1), "{to}: {err}");
        assert!(
            err.lines()
                .any(|l| l.contains("╭─[data/vu-quang/thuc-hien-quy-I-2026.toml:")),
            "{to}: no excerpt of the figures file:\n{err}"
        );
        assert!(
            err.lines().any(|l| l.contains('│') && l.contains(shown)),
            "{to}: the line `{shown}` is not shown:\n{err}"
        );
        assert!(
            err.lines().any(|l| l.contains("╰──") && l.ends_with(label)),
            "{to}: no label `{label}`:\n{err}"
        );
        // `check --format json` names the same file, field and line.
        let (code, out, err) =
            run_vanban_out(&["check", "--format", "json", "report.toml"], dir.path());
        assert_eq!(code, Some(1), "{to}: {err}");
        let entries: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
        let e = &entries[0];
        assert_eq!(
            e["file"], "data/vu-quang/thuc-hien-quy-I-2026.toml",
            "{out}"
        );
        let field = label.trim_start_matches("trường `").trim_end_matches('`');
        assert_eq!(e["field"], field, "{out}");
        let figures =
            std::fs::read_to_string(dir.path().join("data/vu-quang/thuc-hien-quy-I-2026.toml"))
                .unwrap();
        let line = e["line"].as_u64().expect("a line") as usize;
        assert!(
            figures.lines().nth(line - 1).unwrap().contains(shown),
            "{to}: line {line} is not `{shown}`: {out}"
        );
    }
}
