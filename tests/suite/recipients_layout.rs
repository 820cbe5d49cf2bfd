//! Nơi nhận: a long note shared by a group of recipients wraps beside the
//! names instead of squeezing them to one word per line.

use crate::common::*;

const DOC: &str = r#"the_thuc = "dang"
loai = "nghi-quyet"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 7
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2025-12-30"
trich_yeu = "về việc thử"
mo_dau = ["Đoạn mở đầu."]

[ky]
chuc_vu = "Bí thư"
ho_ten = "Nguyễn Văn A"

[noi_nhan]
danh_sach = [
  "Thường trực Tỉnh ủy",
  { nhom = ["Các đồng chí Ủy viên Ban Thường vụ", "Các chi bộ trực thuộc"], ghi_chu = "NOTE" },
]
luu = "Văn phòng Đảng ủy"
"#;

/// The words of page 1 level with `word` (the first such word).
fn line_of<'a>(page: &'a Page, word: &str) -> Vec<&'a Word> {
    let w = page
        .words
        .iter()
        .find(|w| w.text == word)
        .unwrap_or_else(|| panic!("no word {word:?}"));
    page.words
        .iter()
        .filter(|o| (o.top - w.top).abs() < 1.0)
        .collect()
}

#[test]
fn a_long_group_note_wraps_and_leaves_the_names_their_width() {
    let note =
        "(để biết, thực hiện và báo cáo kết quả về Văn phòng Đảng ủy trước ngày 20 hằng tháng)";
    let pdf = render_toml(&DOC.replace("NOTE", note)).unwrap_or_else(|e| panic!("{e}"));
    let p = probe(&pdf);
    let page = &p.pages[0];
    // "- Các đồng chí Ủy viên" keeps several words on its first line.
    let first = line_of(page, "đồng");
    for w in ["Các", "chí", "Ủy"] {
        assert!(
            first.iter().any(|o| o.text == w),
            "the names are squeezed: {:?}",
            first.iter().map(|w| &w.text).collect::<Vec<_>>()
        );
    }
    // The note wraps within the Nơi nhận column (dang-hd36: 30 mm margin,
    // 90 mm column), not into the signature's.
    let column_right = (30.0 + 90.0) * MM;
    let note_words: Vec<&Word> = page
        .words
        .iter()
        .filter(|w| w.text.contains("hằng") || w.text.contains("(để"))
        .collect();
    assert_eq!(note_words.len(), 2, "{note_words:?}");
    for w in &note_words {
        assert!(
            w.x1 <= column_right,
            "{} runs into the signature: {w:?}",
            w.text
        );
    }
    // It wraps: its first and last words are on different lines.
    assert!(
        (note_words[0].top - note_words[1].top).abs() > 5.0,
        "{note_words:?}"
    );
}

#[test]
fn a_short_group_note_stays_on_one_line() {
    let pdf = render_toml(&DOC.replace("NOTE", "(để thực hiện)")).unwrap_or_else(|e| panic!("{e}"));
    let p = probe(&pdf);
    let line = line_of(&p.pages[0], "(để");
    assert!(line.iter().any(|w| w.text == "hiện)"), "{line:?}");
}
