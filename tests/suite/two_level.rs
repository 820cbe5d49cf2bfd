//! The two-level local government: `vanban check` warns about district
//! bodies (abolished 01/7/2025) named in a document issued after that day,
//! with the field and its line, and leaves references to the past alone.

use crate::common::*;

const DOC: &str = r#"the_thuc = "dang"
loai = "bao-cao"
co_quan_cap_tren = "Đảng bộ huyện Vũ Quang"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 12
dia_danh = "Vũ Quang"
ngay_ban_hanh = "DATE"
trich_yeu = "kết quả công tác quý II"
mo_dau = ["So với kết quả của UBND huyện (cũ) năm 2024, xã đạt khá.", "Theo “Chương trình của Huyện ủy” năm 2020."]
[ky]
hinh_thuc = "thay-mat"
thay_mat = "Đảng ủy"
chuc_vu = "Bí thư"
ho_ten = "Nguyễn Văn A"
[noi_nhan]
danh_sach = ["Thường trực Huyện uỷ", "Phòng Nội vụ huyện"]
luu = "VPĐU"
"#;

fn check_json(text: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bc.toml"), text).unwrap();
    let (code, out, err) = run_vanban_out(&["check", "--format", "json", "bc.toml"], dir.path());
    assert_eq!(code, Some(0), "{out}{err}");
    serde_json::from_str::<Vec<serde_json::Value>>(&out)
        .unwrap()
        .into_iter()
        .filter(|l| l["rule"] == "cap-huyen")
        .collect()
}

#[test]
fn district_bodies_after_july_2025_are_warned_with_field_and_line() {
    let lints = check_json(&DOC.replace("DATE", "2026-06-10"));
    let at = |field: &str| {
        lints
            .iter()
            .find(|l| l["field"] == field)
            .unwrap_or_else(|| panic!("no cap-huyen on {field}: {lints:?}"))
    };
    let superior = at("co_quan_cap_tren");
    assert_eq!(superior["line"].as_u64(), Some(3));
    assert!(superior["message"]
        .as_str()
        .unwrap()
        .contains("Đảng bộ huyện"));
    // The old accent placement "uỷ" is the same body.
    assert!(at("noi_nhan.danh_sach[0]")["message"]
        .as_str()
        .unwrap()
        .contains("Huyện uỷ"));
    assert!(at("noi_nhan.danh_sach[1]")["message"]
        .as_str()
        .unwrap()
        .contains("Phòng Nội vụ huyện"));
    // "(cũ)" and a quoted title refer to the past.
    assert!(
        !lints
            .iter()
            .any(|l| l["field"].as_str().unwrap().starts_with("mo_dau")),
        "{lints:?}"
    );
    assert_eq!(lints.len(), 3, "{lints:?}");
}

#[test]
fn a_document_from_before_july_2025_names_its_district_freely() {
    assert!(check_json(&DOC.replace("DATE", "2025-06-30")).is_empty());
}

#[test]
fn the_warning_reads_in_vietnamese_by_default() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bc.toml"),
        DOC.replace("DATE", "2026-06-10"),
    )
    .unwrap();
    let (code, out) = run_vanban(&["check", "bc.toml"], dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("[cap-huyen]"), "{out}");
    assert!(
        out.contains("là cơ quan cấp huyện, đã kết thúc hoạt động từ 01/7/2025"),
        "{out}"
    );
    let (code, _) = run_vanban(&["check", "--strict", "bc.toml"], dir.path());
    assert_eq!(code, Some(1));
}
