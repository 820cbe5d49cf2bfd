//! `vanban register copy`: a SAO Y / SAO LỤC / TRÍCH SAO of a registered
//! document, made from the sources the register kept, numbered in the
//! copying body's yearly sequence of copies (one for the three forms,
//! NĐ 30 Phụ lục I), archived and registered as a copy of its original.

use std::path::Path;

use serde_json::Value;

use crate::common::*;

/// The committee's thông báo số 15 with three numbered sections.
fn original() -> Doc {
    Doc::state_notice().with(
        r#"[[noi_dung]]
tieu_de = "Thành phần"
doan = ["Tổ trưởng và các tổ viên."]
[[noi_dung]]
tieu_de = "Nhiệm vụ"
doan = ["Rà soát hạ tầng số của xã."]
[[noi_dung]]
tieu_de = "Thời gian"
doan = ["Đến hết năm 2026."]"#,
    )
}

/// The copy order file: who copies, who signs, who receives.
fn order() -> String {
    format!("[ban_sao]\n{COPY_ORDER}")
}

/// A folder with the original archived as entry 1 and the order file.
fn archived() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    original().write(&tmp.path().join("tb.toml"));
    std::fs::write(tmp.path().join("lenh.toml"), order()).unwrap();
    let (code, out, err) = run_vanban_out(&["archive", "tb.toml", "--to", "arch"], tmp.path());
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.starts_with("1\t15/TB-UBND"), "{out}");
    tmp
}

/// Runs `register copy` on entry `id`; returns (exit code, stdout, stderr).
fn copy(dir: &Path, id: &str, extra: &[&str]) -> (Option<i32>, String, String) {
    let mut args = vec![
        "register",
        "copy",
        id,
        "--archive",
        "arch",
        "--order",
        "lenh.toml",
    ];
    args.extend(extra);
    run_vanban_out(&args, dir)
}

fn copied(dir: &Path, extra: &[&str]) -> (String, String) {
    let (code, out, err) = copy(dir, "1", extra);
    assert_eq!(code, Some(0), "{out}{err}");
    let mut cols = out.trim().split('\t');
    let _id = cols.next().unwrap();
    let symbol = cols.next().unwrap().to_string();
    (symbol, cols.next().unwrap().to_string())
}

fn list_json(dir: &Path) -> Vec<Value> {
    let (code, out, err) = run_vanban_out(
        &["register", "list", "--archive", "arch", "--format", "json"],
        dir,
    );
    assert_eq!(code, Some(0), "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn copies_are_numbered_per_year_in_one_sequence_and_listed_with_their_original() {
    let tmp = archived();
    let dir = tmp.path();
    let (a, _) = copied(dir, &["--date", "2026-07-02"]);
    let (b, _) = copied(
        dir,
        &[
            "--date",
            "2026-08-03",
            "--form",
            "trich-sao",
            "--parts",
            "2",
        ],
    );
    let (c, _) = copied(dir, &["--date", "2027-01-05", "--form", "sao-luc"]);
    assert_eq!(
        [a.as_str(), b.as_str(), c.as_str()],
        ["01/SY-VP", "02/TrS-VP", "01/SL-VP"],
        "the forms share one sequence, which starts again on 1 January"
    );
    let entries = list_json(dir);
    assert_eq!(entries.len(), 4);
    assert!(entries[0]["copy_of"].is_null());
    for (e, form) in entries[1..].iter().zip(["sao-y", "trich-sao", "sao-luc"]) {
        assert_eq!(e["copy_of"], 1, "{e}");
        assert_eq!(e["copy_form"], form);
        assert_eq!(e["kind_name"], "Thông báo");
        assert_eq!(e["issuing_body"], "Văn phòng HĐND và UBND xã Vũ Quang");
    }
    assert_eq!(entries[1]["file"], "2026-07-02_01-SY-VP.pdf");
    let (_, table, _) = run_vanban_out(&["register", "list", "--archive", "arch"], dir);
    let row = table
        .lines()
        .find(|l| l.contains("01/SY-VP"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(row.contains("bản sao y của #1 (15/TB-UBND)"), "{table}");
    // Copies of the year, by their code.
    let (_, csv, _) = run_vanban_out(
        &[
            "register",
            "list",
            "--archive",
            "arch",
            "--format",
            "csv",
            "--type",
            "TrS",
        ],
        dir,
    );
    assert_eq!(csv.lines().count(), 2, "{csv}");
    assert!(csv
        .lines()
        .next()
        .unwrap()
        .ends_with("kind_name,copy_of,copy_form"));
    // Every file the register holds is intact.
    let (code, out) = run_vanban(&["register", "verify", "--archive", "arch"], dir);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn the_copy_prints_the_original_then_a_full_width_rule_and_the_copy_block() {
    let tmp = archived();
    let dir = tmp.path();
    let (_, file) = copied(dir, &["--date", "2026-07-02"]);
    let pdf = std::fs::read(dir.join(&file)).unwrap();
    let page = &probe(&pdf).pages[0];
    let ls = lines(page);
    let original_number = find(&ls, "Số: 15/TB-UBND");
    let original_name = find(&ls, "Nguyễn Văn A");
    assert!(original_number.top() < original_name.top());
    find(&ls, "III. THỜI GIAN");
    let rule = full_width_rule_below(page, original_name.top());
    // The form, bold, in the right column (the copying body shares its line).
    let form: Vec<&Word> = find(&ls, "SAO Y")
        .words
        .iter()
        .filter(|w| w.x0 > (30.0 + 62.0) * MM)
        .collect();
    assert_eq!(
        form.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
        ["SAO", "Y"]
    );
    assert!(form.iter().all(|w| w.top > rule.top));
    let body = find(&ls, "VĂN PHÒNG HĐND");
    assert!(body.top() > rule.top && body.x0() < (30.0 + 62.0) * MM);
    let number = find(&ls, "Số: 01/SY-VP");
    assert!(number.top() > rule.top && number.x0() < (30.0 + 62.0) * MM);
    let date = ls
        .iter()
        .find(|l| l.text().contains("ngày 02 tháng 7 năm 2026"))
        .expect("the copy's date");
    assert!((number.top() - date.top()).abs() < 1.0);
    assert!(find(&ls, "Trần Thị Bình").top() > number.top());

    // The copy carries the files it was made from: the original's document
    // with the copy order and the number the register gave.
    let (code, out) = run_vanban(&["extract", &file, "-o", "nguon"], dir);
    assert_eq!(code, Some(0), "{out}");
    let text = std::fs::read_to_string(dir.join("nguon/tb.toml")).unwrap();
    assert!(
        text.starts_with(&original().toml()),
        "the original's text is kept as written"
    );
    assert!(
        text.contains("[ban_sao]") && text.contains("so = 1"),
        "{text}"
    );
    // Copying the same way again registers nothing new... with the next number.
    let (again, _) = copied(dir, &["--date", "2026-07-02"]);
    assert_eq!(again, "02/SY-VP");
}

#[test]
fn a_trich_sao_prints_only_the_kept_parts_with_their_own_numbers() {
    let tmp = archived();
    let dir = tmp.path();
    let (_, file) = copied(
        dir,
        &[
            "--date",
            "2026-07-02",
            "--form",
            "trich-sao",
            "--parts",
            "2",
        ],
    );
    let pdf = std::fs::read(dir.join(&file)).unwrap();
    let text = pdftotext(&pdf);
    assert!(
        text.contains("II. NHIỆM VỤ"),
        "numbered as in the original: {text}"
    );
    assert!(text.contains("Rà soát hạ tầng số của xã"), "{text}");
    for gone in ["THÀNH PHẦN", "Tổ trưởng", "THỜI GIAN", "Đến hết năm"] {
        assert!(!text.contains(gone), "{gone} is not in the extract: {text}");
    }
    assert!(
        text.contains("TRÍCH SAO") && text.contains("Số: 01/TrS-VP"),
        "{text}"
    );
}

#[test]
fn an_unknown_altered_or_copied_original_and_a_wrong_number_are_refused() {
    let tmp = archived();
    let dir = tmp.path();
    let (code, _, err) = copy(dir, "9", &[]);
    assert_eq!(code, Some(1));
    assert!(err.contains("không sao được văn bản #9"), "{err}");

    // Kept parts are for a trích sao only, and must exist.
    let (code, _, err) = copy(dir, "1", &["--parts", "2"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("lenh.toml") && err.contains("ban_sao.giu") && err.contains("trích sao"),
        "named after the clerk's order, not a temporary file: {err}"
    );
    let (code, _, err) = copy(dir, "1", &["--form", "trich-sao", "--parts", "4"]);
    assert_eq!(code, Some(1));
    assert!(err.contains("không có phần thứ 4"), "{err}");

    // A typed number that is not the register's next, pointed at in the order.
    std::fs::write(dir.join("lenh.toml"), format!("{}so = 5\n", order())).unwrap();
    let (code, _, err) = copy(dir, "1", &["--date", "2026-07-02"]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("lenh.toml:7")
            && err.contains("ban_sao.so")
            && err.contains("số bản sao 05")
            && err.contains("số 01"),
        "{err}"
    );
    std::fs::write(dir.join("lenh.toml"), format!("{}so = 1\n", order())).unwrap();
    let (_, copy_file) = copied(dir, &["--date", "2026-07-02"]);
    assert!(copy_file.ends_with("2026-07-02_01-SY-VP.pdf"));
    // The same order again is the same copy: nothing new is registered.
    let (code, _, err) = copy(dir, "1", &["--date", "2026-07-02"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(list_json(dir).len(), 2);
    std::fs::write(dir.join("lenh.toml"), order()).unwrap();

    // A copy is copied from its original, not from itself.
    let (code, _, err) = copy(dir, "2", &[]);
    assert_eq!(code, Some(1));
    assert!(err.contains("đây là một bản sao (của #1)"), "{err}");

    // An original whose PDF was altered is not copied.
    let pdf = dir.join("arch/2026-06-10_15-TB-UBND.pdf");
    let mut perms = std::fs::metadata(&pdf).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&pdf, perms).unwrap();
    let mut bytes = std::fs::read(&pdf).unwrap();
    bytes.push(b'\n');
    std::fs::write(&pdf, bytes).unwrap();
    let (code, _, err) = copy(dir, "1", &[]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("2026-06-10_15-TB-UBND.pdf") && err.contains("SHA-256"),
        "{err}"
    );
    assert_eq!(list_json(dir).len(), 2, "nothing was registered");
}

#[test]
fn a_copy_of_an_a1b_original_is_made_from_its_sources_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    original().write(&dir.join("tb.toml"));
    std::fs::write(dir.join("lenh.toml"), order()).unwrap();
    let (code, out, err) = run_vanban_out(
        &[
            "archive",
            "tb.toml",
            "--to",
            "arch",
            "--pdf-standard",
            "a-1b",
        ],
        dir,
    );
    assert_eq!(code, Some(0), "{out}{err}");
    let (symbol, file) = copied(dir, &["--date", "2026-07-02", "--pdf-standard", "a-1b"]);
    assert_eq!(symbol, "01/SY-VP");
    let text = pdftotext(&std::fs::read(dir.join(&file)).unwrap());
    assert!(
        text.contains("SAO Y") && text.contains("Về việc thành lập Tổ công tác"),
        "{text}"
    );
    assert!(dir.join("arch/2026-07-02_01-SY-VP.nguon/tb.toml").exists());
}

#[test]
fn a_json_original_gains_the_order_as_a_key() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let doc: toml::Table = toml::from_str(&original().toml()).unwrap();
    std::fs::write(
        dir.join("tb.json"),
        serde_json::to_string_pretty(&doc).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.join("lenh.toml"), order()).unwrap();
    let (code, out, err) = run_vanban_out(&["archive", "tb.json", "--to", "arch"], dir);
    assert_eq!(code, Some(0), "{out}{err}");
    let (symbol, file) = copied(dir, &["--date", "2026-07-02"]);
    assert_eq!(symbol, "01/SY-VP");
    let text = pdftotext(&std::fs::read(dir.join(&file)).unwrap());
    assert!(
        text.contains("SAO Y") && text.contains("III. THỜI GIAN"),
        "{text}"
    );
}

/// A document file that already has its `[ban_sao]` (a copy of a document
/// received from elsewhere) is archived among the copies too, never under
/// its original's number; its typed number is checked the same way.
#[test]
fn archiving_a_document_with_a_copy_block_registers_a_copy() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let copy = original().copied_as("sao-y");
    copy.write(&dir.join("sy.toml"));
    let (code, _, err) = run_vanban_out(&["archive", "sy.toml", "--to", "arch"], dir);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("số bản sao 03") && err.contains("số 01"),
        "{err}"
    );
    copy.set("ban_sao.so", 1).write(&dir.join("sy.toml"));
    let (code, out, err) = run_vanban_out(&["archive", "sy.toml", "--to", "arch"], dir);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("1\t01/SY-VP\t"), "{out}");
    let entries = list_json(dir);
    assert_eq!(entries.len(), 1);
    assert!(entries[0]["copy_of"].is_null());
    assert_eq!(entries[0]["copy_form"], "sao-y");
    assert_eq!(entries[0]["number_symbol"], "01/SY-VP");
}
