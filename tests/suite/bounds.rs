//! Inputs that used to panic or run away: every one must finish quickly with
//! a PDF or a located error naming the limit.

use std::path::{Path, PathBuf};

use crate::common::*;

/// A folder holding the Party quarterly report (its data copied beside it),
/// with `edit` applied to the document text; returns the folder and the file.
fn report_with(edit: impl Fn(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    for entry in std::fs::read_dir(root().join("examples/data/vu-quang")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            dir.path().join("data").join(entry.file_name()),
        )
        .unwrap();
    }
    let text = std::fs::read_to_string(root().join("examples/bao-cao-quy-I-2026-dang-uy.toml"))
        .unwrap()
        .replace("\"data/vu-quang/", "\"data/");
    let file = dir.path().join("bao-cao.toml");
    std::fs::write(&file, edit(text)).unwrap();
    (dir, file)
}

fn render(dir: &Path, file: &Path) -> (Option<i32>, String) {
    run_vanban(
        &[
            "render",
            file.to_str().unwrap(),
            "-o",
            "out.pdf",
            "--lang",
            "en",
        ],
        dir,
    )
}

#[test]
fn every_kind_names_itself_in_the_appendix_line() {
    // ĐỀ ÁN starts with a two-byte letter: the sentence-case name was cut by byte.
    for (kind, name) in [
        ("de-an", "Đề án"),
        ("bao-cao", "Báo cáo"),
        ("to-trinh", "Tờ trình"),
    ] {
        let (dir, file) =
            report_with(|t| t.replace("loai = \"bao-cao\"", &format!("loai = \"{kind}\"")));
        let (code, err) = render(dir.path(), &file);
        assert_eq!(code, Some(0), "{kind}: {err}");
        let text = squash(&pdftotext(
            &std::fs::read(dir.path().join("out.pdf")).unwrap(),
        ));
        assert!(
            text.contains(&format!("(Kèm theo {name} số 15-")),
            "{kind}: no appendix line in\n{text}"
        );
    }
}

use vanban::limits::{self, Bound};
use vanban::model::{self, Format};
use vanban::{Document, Error, Renderer};

/// A small valid document; `extra` is TOML placed before the first table.
fn doc_toml(extra: &str, recipients: &str) -> String {
    format!(
        r#"the_thuc = "dang"
loai = "nghi-quyet"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 7
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2025-12-30"
trich_yeu = "về việc thử"
{extra}

[ky]
chuc_vu = "Bí thư"
ho_ten = "Nguyễn Văn A"

[noi_nhan]
danh_sach = [{recipients}]
"#
    )
}

fn parse(text: &str) -> Document {
    model::parse(Path::new("d.toml"), text, Format::Toml).unwrap_or_else(|e| panic!("{e}"))
}

/// The bound `check_document` refused with, and the value it names.
fn refused_bound(doc: &Document) -> Option<(Bound, u64, u64, String)> {
    match limits::check_document(doc, Path::new("d.toml")) {
        Ok(()) => None,
        Err(Error::Limit {
            bound,
            value,
            limit,
            field,
            ..
        }) => Some((bound, value, limit, field)),
        Err(e) => panic!("not a limit error: {e}"),
    }
}

fn quoted(items: impl Iterator<Item = String>) -> String {
    items
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn a_text_of_the_limit_passes_and_one_character_more_is_refused() {
    // Vietnamese letters are two or three bytes: the limit counts characters.
    let at = "ệ".repeat(limits::MAX_TEXT_CHARS);
    let doc = parse(&doc_toml(&format!("mo_dau = [{at:?}]"), "\"Các chi bộ\""));
    assert_eq!(refused_bound(&doc), None);
    let over = format!("{at}ệ");
    let doc = parse(&doc_toml(
        &format!("mo_dau = [\"Đầu.\", {over:?}]"),
        "\"Các chi bộ\"",
    ));
    assert_eq!(
        refused_bound(&doc),
        Some((
            Bound::TextLength,
            limits::MAX_TEXT_CHARS as u64 + 1,
            limits::MAX_TEXT_CHARS as u64,
            "mo_dau[1]".to_string()
        ))
    );
}

#[test]
fn counts_of_sections_paragraphs_and_recipients_are_bounded_at_their_limit() {
    let sections = |n: usize| {
        // Nested one level down, so every level is counted.
        let mut t = String::new();
        for i in 0..n {
            if i % 2 == 0 {
                t.push_str("\n[[noi_dung]]\ntieu_de = \"Mục\"\n");
            } else {
                t.push_str("\n[[noi_dung.muc]]\ntieu_de = \"Tiểu mục\"\n");
            }
        }
        // Tables come after the top-level keys, and [ky] must follow them.
        let base = doc_toml("", "\"Các chi bộ\"");
        let (head, tail) = base.split_once("\n[ky]").unwrap();
        format!("{head}{t}\n[ky]{tail}")
    };
    assert_eq!(refused_bound(&parse(&sections(limits::MAX_SECTIONS))), None);
    let (bound, value, _, _) = refused_bound(&parse(&sections(limits::MAX_SECTIONS + 1))).unwrap();
    assert_eq!(
        (bound, value),
        (Bound::Sections, limits::MAX_SECTIONS as u64 + 1)
    );

    let paragraphs = |n: usize| {
        let list = quoted((0..n).map(|i| format!("Đoạn {i}.")));
        doc_toml(&format!("mo_dau = [{list}]"), "\"Các chi bộ\"")
    };
    assert_eq!(
        refused_bound(&parse(&paragraphs(limits::MAX_PARAGRAPHS))),
        None
    );
    let (bound, value, _, _) =
        refused_bound(&parse(&paragraphs(limits::MAX_PARAGRAPHS + 1))).unwrap();
    assert_eq!(
        (bound, value),
        (Bound::Paragraphs, limits::MAX_PARAGRAPHS as u64 + 1)
    );

    // Group members count one by one.
    let recipients = |n: usize| {
        let names = quoted((1..n).map(|i| format!("Chi bộ thôn {i}")));
        doc_toml(
            "",
            &format!("{{ nhom = [{names}], ghi_chu = \"(để thực hiện)\" }}, \"Lưu VP\""),
        )
    };
    assert_eq!(
        refused_bound(&parse(&recipients(limits::MAX_RECIPIENTS))),
        None
    );
    let (bound, value, _, field) =
        refused_bound(&parse(&recipients(limits::MAX_RECIPIENTS + 1))).unwrap();
    assert_eq!(
        (bound, value, field.as_str()),
        (
            Bound::Recipients,
            limits::MAX_RECIPIENTS as u64 + 1,
            "noi_nhan"
        )
    );
}

#[test]
fn the_whole_text_is_bounded_once_fragments_are_evaluated() {
    let filler = |total: usize| {
        let base = parse(&doc_toml("", "\"Các chi bộ\""));
        let used: usize = base.texts().iter().map(|(_, t)| t.chars().count()).sum();
        let mut left = total - used;
        let mut paragraphs = Vec::new();
        while left > 0 {
            let n = left.min(limits::MAX_TEXT_CHARS);
            paragraphs.push("a".repeat(n));
            left -= n;
        }
        parse(&doc_toml(
            &format!("mo_dau = [{}]", quoted(paragraphs.into_iter())),
            "\"Các chi bộ\"",
        ))
    };
    assert_eq!(refused_bound(&filler(limits::MAX_TOTAL_TEXT_CHARS)), None);
    let (bound, value, _, _) = refused_bound(&filler(limits::MAX_TOTAL_TEXT_CHARS + 1)).unwrap();
    assert_eq!(
        (bound, value),
        (Bound::TotalText, limits::MAX_TOTAL_TEXT_CHARS as u64 + 1)
    );
}

#[test]
fn a_document_file_of_the_limit_is_read_and_one_byte_more_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let base = doc_toml("", "\"Các chi bộ\"");
    let padded = |size: u64| {
        // A comment pads the file to exactly `size` bytes.
        let pad = size as usize - base.len() - 3;
        format!("{base}# {}\n", "x".repeat(pad))
    };
    let file = dir.path().join("d.toml");
    std::fs::write(&file, padded(limits::MAX_DOCUMENT_FILE_BYTES)).unwrap();
    assert_eq!(
        std::fs::metadata(&file).unwrap().len(),
        limits::MAX_DOCUMENT_FILE_BYTES
    );
    Renderer::new()
        .load(&file)
        .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&file, padded(limits::MAX_DOCUMENT_FILE_BYTES + 1)).unwrap();
    let (code, err) = run_vanban(&["check", "d.toml", "--lang", "en"], dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "d.toml: a document file's size in bytes is 1048577, over the limit of 1048576"
        ),
        "{err}"
    );
}

#[test]
fn yaml_aliases_cannot_blow_a_small_file_up() {
    // 60 KB: one 20 KB paragraph anchored and aliased 10.000 times stood for
    // 200 MB of paragraphs, read (and then typeset) before anything was checked.
    let dir = tempfile::tempdir().unwrap();
    let big = "lol ".repeat(5_000);
    let aliases = vec!["*p"; 10_000].join(", ");
    let yaml = format!(
        "the_thuc: dang\nloai: nghi-quyet\nco_quan_ban_hanh: Đảng ủy xã Vũ Quang\nma_co_quan: ĐU\nso: 7\ndia_danh: Vũ Quang\nngay_ban_hanh: \"2025-12-30\"\ntrich_yeu: về việc thử\nky: {{chuc_vu: Bí thư, ho_ten: Nguyễn Văn A}}\nnoi_nhan: {{danh_sach: [Các chi bộ]}}\nmo_dau: [&p \"{big}\", {aliases}]\n"
    );
    std::fs::write(dir.path().join("bom.yaml"), &yaml).unwrap();
    let started = std::time::Instant::now();
    let (code, err) = run_vanban(&["check", "bom.yaml", "--lang", "en"], dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("the YAML text in bytes with aliases expanded is")
            && err.contains(&format!(
                "over the limit of {}",
                limits::MAX_YAML_TEXT_BYTES
            )),
        "{err}"
    );
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn implausible_issue_years_are_refused_where_they_are_written() {
    let dir = tempfile::tempdir().unwrap();
    for (date, ok) in [
        ("\"1945-01-01\"", true),
        ("\"31/12/2100\"", true),
        ("\"1944-12-31\"", false),
        ("\"01/01/2101\"", false),
        ("\"-2025-12-30\"", false),
        ("0001-12-30", false),
        ("9999-12-30", false),
    ] {
        let text = doc_toml("", "\"Các chi bộ\"").replace(
            "ngay_ban_hanh = \"2025-12-30\"",
            &format!("ngay_ban_hanh = {date}"),
        );
        std::fs::write(dir.path().join("d.toml"), text).unwrap();
        let (code, err) = run_vanban(&["check", "d.toml", "--lang", "en"], dir.path());
        if ok {
            assert_eq!(code, Some(0), "{date}: {err}");
        } else {
            assert_eq!(code, Some(1), "{date}: {err}");
            assert!(
                err.contains("d.toml:7:17, field `ngay_ban_hanh`")
                    && err.contains("is outside 1945–2100"),
                "{date}: {err}"
            );
        }
    }
}

#[test]
fn a_data_file_of_the_limit_is_read_and_one_byte_more_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("thuc-hien.csv");
    let f = std::fs::File::create(&file).unwrap();
    // Sparse: the size is what is checked, before anything is read.
    f.set_len(limits::MAX_DATA_FILE_BYTES).unwrap();
    assert!(model::check_size(&file).is_ok());
    f.set_len(limits::MAX_DATA_FILE_BYTES + 1).unwrap();
    match model::check_size(&file) {
        Err(Error::TooLarge { size, limit, .. }) => {
            assert_eq!(
                (size, limit),
                (limits::MAX_DATA_FILE_BYTES + 1, limits::MAX_DATA_FILE_BYTES)
            )
        }
        other => panic!("{other:?}"),
    }
}
