//! Numbering schemes read back from the PDF: each list's numbers in order,
//! in its scheme's style (fonts probed), centred unnumbered headings on the
//! text block's centre, sentence items kept in their case, and the monthly
//! figures computed from data.

use std::sync::OnceLock;

use crate::common::*;

/// The text block of both bundled profiles: 30 mm left, 15 mm right margins
/// on A4 (the-thuc.md §2, §4.1), so its centre is at 112,5 mm.
const BLOCK_CENTRE: f64 = (30.0 + (210.0 - 15.0)) / 2.0 * MM;

fn example(name: &str) -> Vec<Line> {
    let pdf = render_file(&root().join("examples").join(name));
    probe(&pdf).pages.iter().flat_map(lines).collect()
}

fn congress() -> &'static [Line] {
    static L: OnceLock<Vec<Line>> = OnceLock::new();
    L.get_or_init(|| example("nghi-quyet-dai-hoi-2025-2030.toml"))
}

fn monthly() -> &'static [Line] {
    static L: OnceLock<Vec<Line>> = OnceLock::new();
    L.get_or_init(|| example("bao-cao-thang-02-2026-ubnd.toml"))
}

fn parts() -> &'static [Line] {
    static L: OnceLock<Vec<Line>> = OnceLock::new();
    L.get_or_init(|| example("bao-cao-nam-2025-ubnd.toml"))
}

/// The index of the first line starting with `prefix`, after `from`.
fn find(lines: &[Line], prefix: &str, from: usize) -> usize {
    lines
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, l)| l.text().starts_with(prefix))
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("no line starting with {prefix:?} after line {from}"))
}

/// The lines starting with each of `prefixes`, in that order.
fn in_order(lines: &[Line], prefixes: &[&str]) -> Vec<usize> {
    let mut at = 0;
    prefixes
        .iter()
        .map(|p| {
            at = find(lines, p, at) + 1;
            at - 1
        })
        .collect()
}

fn all_bold(l: &Line) -> bool {
    l.words.iter().all(|w| w.bold())
}

fn all_italic(l: &Line) -> bool {
    l.words.iter().all(|w| w.italic())
}

fn centred(l: &Line) -> bool {
    ((l.x0() + l.x1()) / 2.0 - BLOCK_CENTRE).abs() <= 1.0 * MM
}

#[test]
fn an_unnumbered_heading_is_centred_bold_and_not_counted() {
    let lines = congress();
    let q = find(lines, "QUYẾT NGHỊ", 0);
    let l = &lines[q];
    assert_eq!(l.text(), "QUYẾT NGHỊ");
    assert!(all_bold(l), "{l:?}");
    assert!(
        centred(l),
        "centre {:.1} mm, text block centre {:.1} mm",
        (l.x0() + l.x1()) / 2.0 / MM,
        BLOCK_CENTRE / MM
    );
    // The first numbered part after it is "I.": the heading took no number.
    let items = in_order(lines, &["I. Tán thành", "II. ", "III. ", "IV. "]);
    assert!(items[0] > q);
}

#[test]
fn sentence_items_keep_their_case_and_the_scheme_its_weight() {
    let lines = congress();
    let i = find(lines, "I. Tán thành", 0);
    let l = &lines[i];
    assert!(
        l.text().starts_with("I. Tán thành những nội dung"),
        "upper-cased: {}",
        l.text()
    );
    assert!(all_bold(l), "{l:?}");
    assert!(!all_italic(l));
    let ii = find(lines, "II. Mục tiêu tổng quát", i);
    assert!(all_bold(&lines[ii]));
}

#[test]
fn groups_are_numbered_one_to_four_in_parentheses_in_italic() {
    let lines = congress();
    let at = in_order(
        lines,
        &[
            "2. Các chỉ tiêu chủ yếu",
            "(1) Nhóm chỉ tiêu về kinh tế",
            "(2) Nhóm chỉ tiêu về văn hóa",
            "(3) Nhóm chỉ tiêu về môi trường",
            "(4) Nhóm chỉ tiêu về xây dựng Đảng",
        ],
    );
    assert!(all_bold(&lines[at[0]]));
    for &g in &at[1..] {
        let l = &lines[g];
        assert!(all_italic(l) && !l.words.iter().any(|w| w.bold()), "{l:?}");
    }
    // The targets under a group are its "-" bullets.
    assert!(lines[at[1] + 1].text().starts_with("- Tốc độ tăng"));
}

#[test]
fn the_fourth_level_reads_4_1_1_and_keeps_one_style() {
    let lines = monthly();
    let at = in_order(
        lines,
        &[
            "I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THÁNG 02/2026",
            "1. Về phát triển kinh tế",
            "1.1. Sản xuất nông nghiệp",
            "1.1.1. Chăn nuôi",
            "1.1.2. Trồng trọt",
            "1.2. Giá trị sản xuất",
            "2. Về tài chính, ngân sách",
        ],
    );
    let (part, two, three, four_a, four_b, three_b, two_b) =
        (at[0], at[1], at[2], at[3], at[4], at[5], at[6]);
    assert!(all_bold(&lines[part]) && !all_italic(&lines[part]));
    for l in [two, two_b] {
        assert!(
            all_bold(&lines[l]) && !all_italic(&lines[l]),
            "{:?}",
            lines[l]
        );
    }
    for l in [three, three_b] {
        assert!(
            all_bold(&lines[l]) && all_italic(&lines[l]),
            "{:?}",
            lines[l]
        );
    }
    // Both level-4 headings alike: italic, not bold (the profile's "1.1.1." style).
    for l in [four_a, four_b] {
        let l = &lines[l];
        assert!(all_italic(l) && !l.words.iter().any(|w| w.bold()), "{l:?}");
    }
}

#[test]
fn points_a_b_follow_directly_under_2_upright() {
    let lines = monthly();
    let at = in_order(
        lines,
        &[
            "II. NHIỆM VỤ TRỌNG TÂM THÁNG 3 NĂM 2026",
            "1. Chỉ đạo hoàn thành",
            "2. Tập trung các nhiệm vụ thu, chi ngân sách",
            "a) Rà soát các nguồn thu",
            "b) Quản lý chặt chẽ",
            "3. Chuẩn bị các điều kiện",
        ],
    );
    for &p in &at[3..5] {
        let l = &lines[p];
        assert!(
            !l.words.iter().any(|w| w.bold() || w.italic()),
            "a) b) are upright: {l:?}"
        );
    }
}

#[test]
fn a_monthly_report_computes_its_figures_from_monthly_data() {
    let text = squash(
        &monthly()
            .iter()
            .map(Line::text)
            .collect::<Vec<_>>()
            .join(" "),
    );
    for expected in [
        "tháng 02 năm 2026 và nhiệm vụ trọng tâm tháng 3 năm 2026",
        // 1.085 / 12.990 = 8,35%: "đạt 8% (KH)" with no decimals.
        "lũy kế 1.085/12.990 triệu đồng, đạt 8% (KH), tăng 7,21% so với cùng kỳ",
        // 655 / 1.920 = 34,11%; (655 − 610) / 610 = 7,38%; (312 − 298) / 298 = 4,70%.
        "đạt 312 tấn, tăng 4,7% so với cùng kỳ; lũy kế 655/1.920 tấn, đạt 34,1% kế hoạch năm, tăng 7,38% so với cùng kỳ",
        "lũy kế 418.700/2.659.682 triệu đồng, đạt 15,7% kế hoạch năm",
        "đạt 93,1%, tăng 0,7 điểm phần trăm so với cùng kỳ",
        "nhiệm vụ tháng 02/2026 và nhiệm vụ trọng tâm tháng 3 năm 2026",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
}

#[test]
fn parts_are_centred_with_their_title_under_them() {
    let lines = parts();
    let at = in_order(
        lines,
        &[
            "Phần thứ nhất",
            "TÌNH HÌNH THỰC HIỆN NHIỆM VỤ PHÁT TRIỂN",
            "I. KẾT QUẢ ĐẠT ĐƯỢC",
            "1. Về phát triển kinh tế",
            "a) Sản xuất nông nghiệp",
            "b) Công nghiệp, xây dựng",
            "II. HẠN CHẾ, NGUYÊN NHÂN",
            "Phần thứ hai",
            "MỤC TIÊU, NHIỆM VỤ, GIẢI PHÁP NĂM 2026",
            "I. MỤC TIÊU TỔNG QUÁT",
        ],
    );
    for &i in &[at[0], at[1], at[7], at[8]] {
        let l = &lines[i];
        assert!(all_bold(l), "{l:?}");
        assert!(centred(l), "not centred: {}", l.text());
    }
    assert_eq!(lines[at[0]].text(), "Phần thứ nhất");
    assert_eq!(at[1], at[0] + 1, "the part's title is on the next line");
    // Under a part, "I." is the second level yet keeps the I. style: upper case, bold.
    assert!(all_bold(&lines[at[2]]) && !all_italic(&lines[at[2]]));
    assert!(!lines[at[2]].words[0].x0.eq(&lines[at[0]].words[0].x0));
}

/// Every scheme a list may choose, with a section-level exception.
#[test]
fn each_scheme_and_the_per_section_exception() {
    let doc = r#"
the_thuc = "dang"
loai = "bao-cao"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-02-20"
trich_yeu = ["thử các kiểu đánh số"]
kieu_so = ["Điều {n}.", { so = "-", dam = true }]

[[noi_dung]]
tieu_de = "Một"
kieu_muc = { so = "+", nghieng = true }
[[noi_dung.muc]]
tieu_de = "cộng một"
[[noi_dung.muc]]
tieu_de = "cộng hai"
in_hoa = true
nghieng = false

[[noi_dung]]
tieu_de = "Hai"
[[noi_dung.muc]]
tieu_de = "gạch một"

[[noi_dung]]
so = "Điều 9."
tieu_de = "Ngoại lệ"

[[noi_dung]]
tieu_de = "Bốn"

[ky]
hinh_thuc = "thay-mat"
thay_mat = "Đảng ủy"
chuc_vu = "Bí thư"
ho_ten = "Nguyễn Văn A"

[noi_nhan]
danh_sach = ["Lưu"]
"#;
    let pdf = render_toml(doc).unwrap();
    let lines: Vec<Line> = probe(&pdf).pages.iter().flat_map(lines).collect();
    let at = in_order(
        &lines,
        &[
            "Điều 1. MỘT",
            "+ cộng một",
            "+ CỘNG HAI",
            "Điều 2. HAI",
            "- gạch một",
            "Điều 9. NGOẠI LỆ",
            "Điều 4. BỐN",
        ],
    );
    let l = |i: usize| &lines[at[i]];
    assert!(all_italic(l(1)), "{:?}", l(1));
    assert!(!l(2).words.iter().any(|w| w.italic()), "{:?}", l(2));
    assert!(all_bold(l(4)), "{:?}", l(4));
}

#[test]
fn an_unknown_scheme_is_refused_where_it_is_written() {
    let doc = std::fs::read_to_string(root().join("examples/nghi-quyet-dai-hoi-2025-2030.toml"))
        .unwrap()
        .replace("kieu_muc = \"(1)\"", "kieu_muc = \"1)\"");
    let err = vanban::messages::error(&render_toml(&doc).unwrap_err(), vanban::messages::Lang::En);
    assert!(err.contains("kieu_muc"), "{err}");
    assert!(err.contains("`1)` is not a numbering scheme"), "{err}");
    let vi = vanban::messages::error(&render_toml(&doc).unwrap_err(), vanban::messages::Lang::Vi);
    assert!(vi.contains("không phải là kiểu đánh số"), "{vi}");
}
