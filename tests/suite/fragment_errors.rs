//! A broken fragment is reported where it is written: its file or field, its
//! line and the name it got wrong; fragments cannot print the template state.

use crate::common::*;

const DOC: &str = r#"the_thuc = "dang"
loai = "nghi-quyet"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 7
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2025-12-30"
trich_yeu = "về việc thử"
mo_dau = [{ manh = "m" }]
tep_manh_van = ["chung.toml"]
ky = { chuc_vu = "Bí thư", ho_ten = "Nguyễn Văn A" }
noi_nhan = { danh_sach = ["Các chi bộ"] }
"#;

/// Checks a document whose fragment `m` is `fragment` (in the document, or
/// in the shared file when `shared`): exit code and stderr in English.
fn check(fragment: &str, shared: bool) -> (Option<i32>, String, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let (own, file) = if shared {
        (String::new(), format!("m = {fragment:?}\n"))
    } else {
        (
            format!("\n[manh_van]\nm = {fragment:?}\n"),
            "khac = \"Đoạn khác.\"\n".to_string(),
        )
    };
    std::fs::write(dir.path().join("d.toml"), format!("{DOC}{own}")).unwrap();
    std::fs::write(dir.path().join("chung.toml"), file).unwrap();
    let (code, err) = run_vanban(
        &["render", "d.toml", "-o", "out.pdf", "--lang", "en"],
        dir.path(),
    );
    (code, err, dir)
}

#[test]
fn a_syntax_error_names_the_fragment_and_its_line() {
    let (code, err, dir) = check("Dòng một.\nDòng hai {% if %}", false);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(
            "d.toml, field `manh_van.m`: fragment `m`, line 2 of the fragment: syntax error"
        ),
        "{err}"
    );
    assert!(!err.contains("does not exist"), "{err}");
    assert!(!dir.path().join("out.pdf").exists());
}

#[test]
fn a_syntax_error_in_a_fragment_file_names_the_file() {
    let (code, err, _dir) = check("Một {{ so_lieu }", true);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("chung.toml, field `m`: fragment `m`, line 1 of the fragment: syntax error"),
        "{err}"
    );
}

#[test]
fn an_unknown_name_is_named() {
    let (code, err, _dir) = check("Dòng một.\nDòng hai {{ khong_co }}.", false);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("d.toml, field `manh_van.m`: fragment `m`, line 2 of the fragment: `khong_co` is not defined"),
        "{err}"
    );
    // And in Vietnamese.
    let (_, vi) = run_vanban(&["check", "d.toml"], _dir.path());
    assert!(
        vi.contains(
            "trường `manh_van.m`: đoạn `m`, dòng 2 của đoạn: `khong_co` chưa được định nghĩa"
        ),
        "{vi}"
    );
}

#[test]
fn fragments_cannot_print_the_template_state() {
    for source in ["Trạng thái: {{ debug() }}", "{{ debug }}"] {
        let (code, err, dir) = check(source, false);
        assert_eq!(code, Some(1), "{source}: {err}");
        assert!(
            err.contains("d.toml, field `manh_van.m`"),
            "{source}: {err}"
        );
        assert!(!dir.path().join("out.pdf").exists());
        assert!(!err.contains("State"), "{err}");
    }
}
