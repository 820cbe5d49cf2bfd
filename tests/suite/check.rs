//! `vanban check`: validation without rendering, lints with their rules,
//! `--strict`, and messages in Vietnamese by default, English with `--lang en`.

use crate::common::*;

const SLOPPY: &str = r#"
the_thuc = "dang"
loai = "thong-bao"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "UBND"
so = 4
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-03-02"
trich_yeu = "Về lịch làm việc"
mo_dau = ["Thực hiện Nghị quyết số 7-NQ/ĐU ngày 5 tháng 3 năm 2026 của Đảng ủy."]
[ky]
hinh_thuc = "TM."
thay_mat = "Ban Thường vụ"
chuc_vu = "Bí thư"
ho_ten = "Trần Nguyên Thọ"
[noi_nhan]
danh_sach = ["Các chi bộ", "Lưu VPĐU"]
"#;

#[test]
fn lints_name_their_rule_and_strict_makes_them_errors() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tb.toml");
    std::fs::write(&file, SLOPPY).unwrap();
    let (code, out) = run_vanban(&["check", file.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(0), "{out}");
    for rule in [
        "[ma-co-quan]",
        "[tm-t/m]",
        "[luu]",
        "[trich-yeu]",
        "[so-0]",
        "[ngay-0]",
    ] {
        assert!(out.contains(rule), "missing {rule}:\n{out}");
    }
    assert!(
        out.contains("cảnh báo") && out.contains("viết `07`"),
        "{out}"
    );
    let (code, _) = run_vanban(&["check", "--strict", file.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1));
    let (_, en) = run_vanban(
        &["--lang", "en", "check", file.to_str().unwrap()],
        dir.path(),
    );
    assert!(
        en.contains("warning [luu]") && en.contains("write `07`"),
        "{en}"
    );
    // No PDF is written by a check.
    assert!(!file.with_extension("pdf").exists());
}

#[test]
fn the_examples_pass_the_rules_they_should() {
    let (code, out) = run_vanban(
        &["check", "--strict", seed_example().to_str().unwrap()],
        &root(),
    );
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = run_vanban(
        &[
            "check",
            "--strict",
            "examples/bao-cao-quy-I-2026-dang-uy.toml",
        ],
        &root(),
    );
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_report_dated_outside_its_period_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["examples", "examples/data/vu-quang"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for e in std::fs::read_dir(root().join(sub)).unwrap().flatten() {
            if e.path().is_file() {
                std::fs::copy(e.path(), dir.path().join(sub).join(e.file_name())).unwrap();
            }
        }
    }
    let doc = dir.path().join("examples/bao-cao-quy-I-2026-dang-uy.toml");
    let text = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(
        &doc,
        text.replace(
            "ngay_ban_hanh = \"2026-03-18\"",
            "ngay_ban_hanh = \"2026-09-18\"",
        ),
    )
    .unwrap();
    let (_, out) = run_vanban(&["check", doc.to_str().unwrap()], dir.path());
    assert!(
        out.contains("[ky-bao-cao]") && out.contains("quý I năm 2026"),
        "{out}"
    );
}

#[test]
fn errors_are_in_vietnamese_by_default_and_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.toml");
    std::fs::write(&file, SLOPPY.replace("trich_yeu =", "trich_yue =")).unwrap();
    let (code, vi) = run_vanban(&["check", file.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1));
    assert!(
        vi.contains("khóa `trich_yue` không có; có phải là `trich_yeu`?"),
        "{vi}"
    );
    assert!(vi.contains("x.toml:9:"), "{vi}");
    let (_, en) = run_vanban(
        &["--lang", "en", "render", file.to_str().unwrap()],
        dir.path(),
    );
    assert!(
        en.contains("unknown field `trich_yue`; did you mean `trich_yeu`?"),
        "{en}"
    );
}

/// The examples and their data in a temporary folder, to spoil one figure.
fn report_copy() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["examples", "examples/data/vu-quang"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        for e in std::fs::read_dir(root().join(sub)).unwrap().flatten() {
            if e.path().is_file() {
                std::fs::copy(e.path(), dir.path().join(sub).join(e.file_name())).unwrap();
            }
        }
    }
    let doc = dir.path().join("examples/bao-cao-quy-I-2026-dang-uy.toml");
    let figures = dir
        .path()
        .join("examples/data/vu-quang/thuc-hien-quy-I-2026.toml");
    (dir, doc, figures)
}

#[test]
fn components_that_do_not_add_up_to_their_total_are_flagged() {
    let (dir, doc, figures) = report_copy();
    let text = std::fs::read_to_string(&figures).unwrap();
    // 110.000 + 318.000 + 184.500 = 612.500: one sector off by 1.
    std::fs::write(
        &figures,
        text.replace("thuc_hien = 110000", "thuc_hien = 110001"),
    )
    .unwrap();
    let (code, out) = run_vanban(&["check", doc.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("[tong-thanh-phan]"), "{out}");
    assert!(
        out.contains("Giá trị sản phẩm trên địa bàn")
            && out.contains("cộng lại được 612.501")
            && out.contains("là 612.500")
            && out.contains("chênh lệch 1"),
        "{out}"
    );
    let (code, _) = run_vanban(&["check", "--strict", doc.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1));
}

#[test]
fn a_bare_number_with_a_dot_and_three_digits_is_spelled_out() {
    let (dir, doc, figures) = report_copy();
    let text = std::fs::read_to_string(&figures).unwrap();
    std::fs::write(
        &figures,
        text.replace("thuc_hien = 93.1\n", "thuc_hien = 19.655\n"),
    )
    .unwrap();
    let line = std::fs::read_to_string(&figures)
        .unwrap()
        .lines()
        .position(|l| l == "thuc_hien = 19.655")
        .unwrap()
        + 1;
    let (code, out) = run_vanban(&["check", doc.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(&format!(
            "thuc-hien-quy-I-2026.toml, line {line}, `thuc_hien` (`bhyt`)"
        )),
        "{out}"
    );
    assert!(
        out.contains("19.655 được đọc là 19,655 (mười chín phẩy sáu trăm năm mươi lăm)")
            && out.contains("viết 19655"),
        "{out}"
    );
    let (_, en) = run_vanban(
        &["--lang", "en", "check", doc.to_str().unwrap()],
        dir.path(),
    );
    assert!(
        en.contains("19.655 is read as 19,655 (mười chín phẩy sáu trăm năm mươi lăm); if you meant 19 655 write 19655"),
        "{en}"
    );
}

#[test]
fn check_format_json_is_one_array_on_stdout_with_rule_field_and_place() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tb.toml");
    std::fs::write(&file, SLOPPY).unwrap();
    let f = file.to_str().unwrap();
    let (code, out, _) = run_vanban_out(&["check", "--format", "json", f], dir.path());
    assert_eq!(code, Some(0), "{out}");
    let lints: Vec<serde_json::Value> =
        serde_json::from_str(&out).expect("stdout is JSON and nothing else");
    let find = |rule: &str| {
        lints
            .iter()
            .find(|l| l["rule"] == rule)
            .unwrap_or_else(|| panic!("no {rule} in {out}"))
    };
    let code_lint = find("ma-co-quan");
    assert_eq!(code_lint["severity"], "warning");
    assert_eq!(code_lint["field"], "ma_co_quan");
    assert!(code_lint["source"]
        .as_str()
        .unwrap()
        .contains("the-thuc.md"));
    assert!(code_lint["message"].as_str().unwrap().contains("UBND"));
    // `ma_co_quan = "UBND"` is line 5 of the file (it opens with a newline).
    assert_eq!(
        (code_lint["line"].as_u64(), code_lint["column"].as_u64()),
        (Some(5), Some(1))
    );
    // An element of an array: "Lưu VPĐU" in `danh_sach = [...]` on line 17.
    let luu = lints
        .iter()
        .find(|l| l["field"] == "noi_nhan.danh_sach[1]")
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(luu["rule"], "luu");
    assert_eq!(
        (luu["line"].as_u64(), luu["column"].as_u64()),
        (Some(17), Some(28))
    );
    // The exit codes are those of the text form.
    let (code, out, _) = run_vanban_out(&["check", "--format", "json", "--strict", f], dir.path());
    assert_eq!(code, Some(1));
    assert!(serde_json::from_str::<Vec<serde_json::Value>>(&out).is_ok());

    // A document that does not load is one error entry, at its place, in
    // the same shape: an editor marks it as it marks a lint.
    let broken = SLOPPY.replacen("ma_co_quan = ", "ma_co_quann = ", 1);
    std::fs::write(&file, broken).unwrap();
    let (code, out, err) = run_vanban_out(&["check", "--format", "json", f], dir.path());
    assert_eq!(code, Some(1), "{err}");
    let entries: Vec<serde_json::Value> =
        serde_json::from_str(&out).expect("stdout is JSON and nothing else");
    assert_eq!(entries.len(), 1, "{out}");
    let e = &entries[0];
    assert_eq!(e["severity"], "error");
    assert_eq!(e["rule"], "vanban::tai_lieu::cu_phap");
    assert_eq!(e["field"], "ma_co_quann");
    assert_eq!(
        (e["line"].as_u64(), e["column"].as_u64()),
        (Some(5), Some(1))
    );
    assert!(
        e["message_vi"].as_str().unwrap().contains("ma_co_quan"),
        "{out}"
    );
    assert!(
        err.contains("ma_co_quann"),
        "the person at the terminal reads it too: {err}"
    );
}

/// The number-and-symbol lint reads the pattern of the document's own kind
/// (`[loai.<key>].mau_so`), not one fixed pattern per thể thức: a state
/// công văn without a unit prints "Số: 125/UBND", which is its pattern.
#[test]
fn the_symbol_lint_reads_the_kinds_own_pattern() {
    let dir = tempfile::tempdir().unwrap();
    let cv = std::fs::read_to_string(root().join("examples/cong-van-2026-ubnd.toml")).unwrap();
    let without_unit: String = cv
        .lines()
        .filter(|l| !l.starts_with("ma_don_vi"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path().join("cv.toml"), &without_unit).unwrap();
    let (code, out) = run_vanban(&["check", "cv.toml"], dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(!out.contains("[so-ky-hieu]"), "{out}");
    // A body code that is no code is still reported.
    std::fs::write(
        dir.path().join("cv.toml"),
        without_unit.replace("ma_co_quan = \"UBND\"", "ma_co_quan = \"ubnd xã\""),
    )
    .unwrap();
    let (_, out) = run_vanban(&["check", "cv.toml"], dir.path());
    assert!(out.contains("[so-ky-hieu]"), "{out}");

    // A kind a template set adds with a pattern of its own: Party numbers
    // written the state way, "Số 03/GM-ĐU".
    std::fs::create_dir_all(dir.path().join("tpl/loai/dang-hd36")).unwrap();
    std::fs::write(
        dir.path().join("tpl/loai/dang-hd36/giay-moi.toml"),
        "ten = \"GIẤY MỜI\"\nma = \"GM\"\nmau_so = \"Số {so}/{loai}-{co_quan}\"\nkhoi = { kinh_gui = \"khong\" }\n",
    )
    .unwrap();
    let gm = SLOPPY
        .replace("loai = \"thong-bao\"", "loai = \"giay-moi\"")
        .replace("so = 4", "so = 3");
    std::fs::write(dir.path().join("gm.toml"), &gm).unwrap();
    let (code, out) = run_vanban(&["check", "gm.toml", "--templates", "tpl"], dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("[ma-co-quan]"),
        "the other lints still run: {out}"
    );
    assert!(
        !out.contains("[so-ky-hieu]"),
        "Số 03/GM-UBND is the kind's pattern: {out}"
    );
    // With the Party pattern, a body code that is no code is reported.
    std::fs::write(
        dir.path().join("tpl/loai/dang-hd36/giay-moi.toml"),
        "ten = \"GIẤY MỜI\"\nma = \"GM\"\nmau_so = \"Số {so}-{loai}/{co_quan}\"\nkhoi = { kinh_gui = \"khong\" }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("gm.toml"),
        gm.replace("ma_co_quan = \"UBND\"", "ma_co_quan = \"ĐU xã\""),
    )
    .unwrap();
    let (_, out) = run_vanban(&["check", "gm.toml", "--templates", "tpl"], dir.path());
    assert!(
        out.contains("[so-ky-hieu]") && out.contains("Số 03-GM/ĐU xã"),
        "{out}"
    );
}
