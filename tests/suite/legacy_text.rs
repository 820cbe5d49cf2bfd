//! The legacy-encoding check: report text with units, signs and foreign
//! names prints; a field the check doubts can be accepted by name.

use crate::common::*;

fn doc(mo_dau: &[&str], accept: &str) -> String {
    let list = mo_dau
        .iter()
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        r#"the_thuc = "dang"
loai = "bao-cao"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 3
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-03-18"
trich_yeu = "về việc thử"
mo_dau = [{list}]
{accept}
ky = {{ chuc_vu = "Bí thư", ho_ten = "Nguyễn Văn A" }}
noi_nhan = {{ danh_sach = ["Các chi bộ"] }}
"#
    )
}

#[test]
fn units_signs_and_foreign_names_print() {
    let phrases = [
        "Nhiệt độ trung bình 6°C … 12°C, có nơi dưới 5 °C.",
        "Bản quyền ©2026 Cổng thông tin điện tử xã.",
        "Xây dựng 2.400 m² nhà văn hóa, nạo vét 15.000 m³ kênh mương; 1.250 ha lúa; 637,76 km².",
        "Tỷ suất sinh 14,2‰; sai số ±5%; cấu kiện 20×20 cm; ½ thửa.",
        "Đoàn chuyên gia do ông Jürgen Müller làm trưởng đoàn; Señor Niño, Đại sứ quán.",
    ];
    let pdf = render_toml(&doc(&phrases, "")).unwrap_or_else(|e| panic!("{e}"));
    let text = squash(&pdftotext(&pdf));
    for p in [
        "6°C",
        "12°C",
        "©2026",
        "m²",
        "m³",
        "14,2‰",
        "±5%",
        "20×20",
        "½",
        "Jürgen Müller",
        "Señor Niño",
    ] {
        assert!(text.contains(p), "{p} missing from\n{text}");
    }
}

#[test]
fn a_doubted_field_is_accepted_when_listed_by_name() {
    // Two words the check reads as TCVN3 (a sign inside a word), in a
    // text without a Vietnamese letter: listed, it prints as typed.
    let odd = "ab§cd ef¶gh";
    let refused = render_toml(&doc(&["Mở đầu.", odd], "")).unwrap_err();
    let message = refused.to_string();
    assert!(
        message.contains("field `mo_dau[1]`")
            && message.contains("TCVN3")
            && message.contains("list `mo_dau[1]` in `bo_qua_kiem_tra_bang_ma`"),
        "{message}"
    );
    let pdf = render_toml(&doc(
        &["Mở đầu.", odd],
        "bo_qua_kiem_tra_bang_ma = [\"mo_dau[1]\"]",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(squash(&pdftotext(&pdf)).contains("ab§cd ef¶gh"));
    // A misspelt path is an error, not a silent no-op.
    let wrong = render_toml(&doc(
        &["Mở đầu.", odd],
        "bo_qua_kiem_tra_bang_ma = [\"mo_dau[7]\"]",
    ))
    .unwrap_err()
    .to_string();
    assert!(
        wrong.contains("bo_qua_kiem_tra_bang_ma[0]") && wrong.contains("`mo_dau[7]` names no text"),
        "{wrong}"
    );
}
