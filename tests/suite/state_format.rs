//! A state report of a People's Committee (UBND xã), rendered with the
//! `nha-nuoc-nd30` profile and read back: header, number, Kính gửi, body, "./.",
//! signature and Nơi nhận against Nghị định 30/2020/NĐ-CP (the-thuc.md §4, §8).
//! A Party document must keep none of it.

use std::sync::OnceLock;

use crate::common::*;

/// A six-monthly report of UBND xã Vũ Quang, long enough for two pages.
const STATE: &str = r#"
the_thuc = "nha-nuoc"
loai = "bao-cao"
co_quan_ban_hanh = "Ủy ban nhân dân xã Vũ Quang"
ma_co_quan = "UBND"
so = 85
dia_danh = "Vũ Quang"
ngay_ban_hanh = 2026-06-10
trich_yeu = "Tình hình kinh tế - xã hội 6 tháng đầu năm 2026"
kinh_gui = "Ban Thường vụ Đảng ủy xã"
mo_dau = [
  "Thực hiện chương trình công tác năm 2026, Ủy ban nhân dân xã báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm, nhiệm vụ, giải pháp 6 tháng cuối năm như sau:",
]
ket_luan = [
  "Trên đây là báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2026 của Ủy ban nhân dân xã, kính báo cáo Ban Thường vụ Đảng ủy xã xem xét, chỉ đạo",
]

[[noi_dung]]
tieu_de = "Kết quả thực hiện nhiệm vụ 6 tháng đầu năm"

[[noi_dung.muc]]
tieu_de = "Về phát triển kinh tế"
doan = [
  "Sản xuất nông nghiệp ổn định; tổng diện tích gieo trồng vụ Xuân đạt 1.250 ha, bằng 101,2% kế hoạch. Chăn nuôi phát triển khá, tổng đàn gia súc, gia cầm được duy trì, công tác tiêm phòng được thực hiện đúng kế hoạch, không để xảy ra dịch bệnh lớn trên địa bàn.",
  { gach = "Thu ngân sách đạt 62,5% dự toán." },
]

[[noi_dung.muc.muc]]
tieu_de = "Sản xuất nông nghiệp"
doan = [
  "Năng suất lúa vụ Xuân ước đạt 62 tạ/ha, cao hơn cùng kỳ 1,5 tạ/ha. Các hợp tác xã dịch vụ nông nghiệp chủ động cung ứng giống, vật tư, phân bón kịp thời cho bà con nông dân, bảo đảm khung lịch thời vụ.",
]

[[noi_dung.muc.muc.muc]]
doan = ["Cây lúa: đạt 980 ha."]

[[noi_dung.muc]]
tieu_de = "Về văn hóa - xã hội"
doan = [
  "Công tác giáo dục, y tế, an sinh xã hội được quan tâm; chi trả đầy đủ, kịp thời các chế độ chính sách cho người có công và đối tượng bảo trợ xã hội. Tỷ lệ người dân tham gia bảo hiểm y tế đạt 93,4%, tăng 1,2% so với cùng kỳ năm trước.",
  "Phong trào toàn dân đoàn kết xây dựng đời sống văn hóa tiếp tục được duy trì; các thiết chế văn hóa, thể thao ở thôn được sử dụng hiệu quả, phục vụ tốt nhu cầu sinh hoạt của Nhân dân.",
]

[[noi_dung]]
tieu_de = "Nhiệm vụ, giải pháp 6 tháng cuối năm"
doan = [
  "Tập trung chỉ đạo sản xuất vụ Hè Thu, phòng chống thiên tai, dịch bệnh; đẩy mạnh cải cách hành chính, chuyển đổi số; giữ vững quốc phòng, an ninh, trật tự an toàn xã hội trên địa bàn xã.",
  "Tăng cường công tác quản lý đất đai, trật tự xây dựng, bảo vệ môi trường; chỉ đạo quyết liệt công tác thu ngân sách, phấn đấu hoàn thành vượt mức dự toán được giao.",
  "Nâng cao chất lượng giải quyết thủ tục hành chính tại Bộ phận một cửa của xã; thực hiện tốt công tác tiếp công dân, giải quyết đơn thư kiến nghị, phản ánh của Nhân dân ngay từ cơ sở.",
]

[ky]
hinh_thuc = "thay-mat"
thay_mat = "Ủy ban nhân dân"
chuc_vu = "Chủ tịch"
ho_ten = "Trần Văn Bình"

[noi_nhan]
danh_sach = [
  "Thường trực Đảng ủy xã",
  "Thường trực HĐND xã",
  "Chủ tịch, các PCT UBND xã",
  "Các ban, ngành, đoàn thể xã",
]
luu = "VP"
"#;

/// A Party report for comparison.
const PARTY: &str = r#"
the_thuc = "dang"
loai = "bao-cao"
co_quan_cap_tren = "Đảng bộ tỉnh Hà Tĩnh"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 15
dia_danh = "Vũ Quang"
ngay_ban_hanh = 2026-05-27
trich_yeu = "kết quả lãnh đạo thực hiện nhiệm vụ quý I"
mo_dau = ["Ban Thường vụ báo cáo như sau:"]

[[noi_dung]]
tieu_de = "Kết quả"
doan = ["Đạt nhiều kết quả"]

[ky]
hinh_thuc = "thay-mat"
thay_mat = "Ban Thường vụ"
chuc_vu = "Phó Bí thư"
ho_ten = "Nguyễn Văn A"

[noi_nhan]
danh_sach = ["Thường trực Tỉnh ủy", "Các chi bộ"]
luu = "Văn phòng Đảng ủy"
"#;

fn pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| render_toml(STATE).unwrap_or_else(|e| panic!("{e}")))
}

fn probed() -> &'static Probe {
    static P: OnceLock<Probe> = OnceLock::new();
    P.get_or_init(|| probe(pdf()))
}

fn text() -> String {
    squash(&pdftotext(pdf()))
}

/// Page geometry of the profile: 30 mm left, 15 mm right margin; 62 mm left header column.
const LEFT: f64 = 30.0 * MM;
const RIGHT: f64 = (210.0 - 15.0) * MM;
const HEADER_SPLIT: f64 = (30.0 + 62.0) * MM;

fn centre(l: &Line) -> f64 {
    (l.x0() + l.x1()) / 2.0
}

fn all_words(l: &Line, f: impl Fn(&Word) -> bool) -> bool {
    l.words.iter().all(f)
}

/// Printed lines split at `split`: the header's two columns, or Nơi nhận | signature.
fn halves(page: &Page, split: f64) -> Vec<Line> {
    lines(page)
        .into_iter()
        .flat_map(|l| {
            let (a, b): (Vec<Word>, Vec<Word>) = l.words.into_iter().partition(|w| w.x0 < split);
            [a, b]
                .into_iter()
                .filter(|v| !v.is_empty())
                .map(|words| Line { words })
        })
        .collect()
}

fn find<'a>(ls: &'a [Line], starts: &str) -> &'a Line {
    ls.iter()
        .find(|l| l.text().starts_with(starts))
        .unwrap_or_else(|| {
            let all: Vec<String> = ls.iter().map(Line::text).collect();
            panic!("no line starting {starts:?} in {all:#?}")
        })
}

/// The rule between two tops (a line's top and the next line's top) that lies
/// within `x0..x1`.
fn rule_between(page: &Page, above: f64, below: f64, (x0, x1): (f64, f64)) -> &Rule {
    page.rules
        .iter()
        .find(|r| r.top > above && r.top < below && r.x0 >= x0 && r.x1 <= x1)
        .unwrap_or_else(|| {
            panic!(
                "no rule between {above:.1} and {below:.1}: {:?}",
                page.rules
            )
        })
}

#[test]
fn national_title_and_motto_with_a_rule_as_long_as_the_motto() {
    let page = &probed().pages[0];
    let ls = halves(page, HEADER_SPLIT);
    let title = find(&ls, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    let motto = find(&ls, "Độc lập - Tự do - Hạnh phúc");
    let date = find(&ls, "Vũ Quang, ngày 10 tháng 6 năm 2026");
    assert!(all_words(title, |w| w.size == 13.0
        && w.bold()
        && !w.italic()));
    assert!(all_words(motto, |w| w.size == 14.0
        && w.bold()
        && !w.italic()));
    assert!(title.x0() > HEADER_SPLIT && title.top() < motto.top());
    assert!(
        (centre(title) - centre(motto)).abs() < 1.0,
        "the motto is centred under the title"
    );
    let rule = rule_between(page, motto.top(), date.top(), (HEADER_SPLIT, RIGHT));
    assert!(
        (rule.x0 - motto.x0()).abs() < 1.0 && (rule.x1 - motto.x1()).abs() < 1.0,
        "rule {:.1}–{:.1} pt, motto {:.1}–{:.1} pt",
        rule.x0,
        rule.x1,
        motto.x0(),
        motto.x1()
    );
    // The top right has no Party title.
    assert!(!text().contains("ĐẢNG CỘNG SẢN VIỆT NAM"));
}

#[test]
fn issuing_body_on_two_bold_lines_over_a_short_rule_and_the_number_level_with_the_date() {
    let page = &probed().pages[0];
    let ls = halves(page, HEADER_SPLIT);
    let body = find(&ls, "ỦY BAN NHÂN DÂN");
    let commune = find(&ls, "XÃ VŨ QUANG");
    let number = find(&ls, "Số: 85/BC-UBND");
    let date = find(&ls, "Vũ Quang, ngày 10 tháng 6 năm 2026");
    let title = find(&ls, "CỘNG HÒA");
    assert_eq!(body.text(), "ỦY BAN NHÂN DÂN");
    assert_eq!(commune.text(), "XÃ VŨ QUANG");
    for l in [body, commune] {
        assert!(all_words(l, |w| w.size == 13.0 && w.bold()), "{}", l.text());
        assert!(
            l.x1() < HEADER_SPLIT,
            "not in the left column: {}",
            l.text()
        );
    }
    assert!(
        (body.top() - title.top()).abs() < 1.0,
        "both columns start level"
    );
    assert!(body.top() < commune.top() && commune.top() < number.top());
    // A solid rule 1/3–1/2 of the name's widest line, centred under it.
    let rule = rule_between(page, commune.top(), number.top(), (LEFT, HEADER_SPLIT));
    let ratio = (rule.x1 - rule.x0) / (body.x1() - body.x0());
    assert!(
        (1.0 / 3.0..=0.5).contains(&ratio),
        "rule is {ratio:.2} of the name"
    );
    assert!(((rule.x0 + rule.x1) / 2.0 - centre(commune)).abs() < 1.0);
    // "Số: 85/BC-UBND" 13 pt upright, centred under the body, level with the italic date.
    assert!(all_words(number, |w| w.size == 13.0
        && !w.bold()
        && !w.italic()));
    assert!((centre(number) - centre(commune)).abs() < 1.0);
    assert!((number.top() - date.top()).abs() < 1.5);
    assert!(all_words(date, |w| w.size == 14.0
        && w.italic()
        && !w.bold()));
    assert!(
        (centre(date) - centre(title)).abs() < 1.0,
        "date under the title"
    );
    // No Party asterisk, no Party number form.
    assert!(!ls.iter().any(|l| l.text() == "*"), "a '*' line");
    assert!(!text().contains("Số 85"));
}

#[test]
fn type_name_summary_rule_and_kinh_gui_are_centred() {
    let page = &probed().pages[0];
    let ls = lines(page);
    let mid = (LEFT + RIGHT) / 2.0;
    let kind = ls.iter().find(|l| l.text() == "BÁO CÁO").expect("BÁO CÁO");
    let summary = find(&ls, "Tình hình kinh tế - xã hội 6 tháng đầu năm 2026");
    let to = find(&ls, "Kính gửi:");
    assert_eq!(to.text(), "Kính gửi: Ban Thường vụ Đảng ủy xã");
    for l in [kind, summary, to] {
        assert!((centre(l) - mid).abs() < 1.5, "not centred: {}", l.text());
    }
    assert!(all_words(kind, |w| w.size == 14.0 && w.bold()));
    assert!(all_words(summary, |w| w.size == 14.0 && w.bold()));
    assert!(all_words(to, |w| w.size == 14.0
        && !w.bold()
        && !w.italic()));
    let rule = rule_between(page, summary.top(), to.top(), (LEFT, RIGHT));
    let ratio = (rule.x1 - rule.x0) / (summary.x1() - summary.x0());
    assert!(
        (1.0 / 3.0..=0.5).contains(&ratio),
        "rule is {ratio:.2} of the summary"
    );
    assert!(((rule.x0 + rule.x1) / 2.0 - mid).abs() < 1.0);
    assert!(!text().contains("-----"));
}

/// Body lines that fill the measure: 14 pt upright, followed 19 pt lower by the
/// next line of the same paragraph (the profile's exact line spacing).
fn justified_body_lines(page: &Page) -> Vec<Line> {
    let all = lines(page);
    let mut out = Vec::new();
    for (i, l) in all.iter().enumerate() {
        let body = all_words(l, |w| {
            (w.size - 14.0).abs() < 0.1 && !w.bold() && !w.italic()
        });
        let continued = all
            .get(i + 1)
            .is_some_and(|n| (n.top() - l.top() - 19.0).abs() < 0.6);
        if body && continued && l.words.len() > 4 {
            out.push(l.clone());
        }
    }
    out
}

#[test]
fn body_margins_indent_and_line_spacing() {
    let mut checked = 0;
    for (i, page) in probed().pages.iter().enumerate() {
        for l in justified_body_lines(page) {
            let indented = (l.x0() - LEFT - 12.7 * MM).abs() < 0.5 * MM;
            assert!(
                (l.x0() - LEFT).abs() < 0.5 * MM || indented,
                "page {}: line starts at {:.1} mm: {}",
                i + 1,
                l.x0() / MM,
                l.text()
            );
            assert!(
                (l.x1() - RIGHT).abs() < 0.5 * MM,
                "page {}: justified line ends at {:.1} mm, want 195: {}",
                i + 1,
                l.x1() / MM,
                l.text()
            );
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} justified lines found");
    // Paragraphs start 1.27 cm in.
    let ls: Vec<Line> = probed().pages.iter().flat_map(lines).collect();
    let para = find(&ls, "Thực hiện chương trình công tác");
    assert!((para.x0() - LEFT - 12.7 * MM).abs() < 0.5 * MM);
}

#[test]
fn headings_follow_the_state_hierarchy() {
    let ls: Vec<Line> = probed().pages.iter().flat_map(lines).collect();
    let part = find(&ls, "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM");
    let sub = find(&ls, "1. Về phát triển kinh tế");
    let subsub = find(&ls, "1.1. Sản xuất nông nghiệp");
    let point = find(&ls, "a) Cây lúa");
    assert!(all_words(part, |w| w.bold()
        && !w.italic()
        && w.size == 14.0));
    assert!(all_words(sub, |w| w.bold() && !w.italic()));
    assert!(all_words(subsub, |w| w.bold() && w.italic()));
    assert!(all_words(point, |w| !w.bold() && !w.italic()));
    find(&ls, "II. NHIỆM VỤ, GIẢI PHÁP 6 THÁNG CUỐI NĂM");
}

#[test]
fn the_text_ends_with_the_state_final_mark() {
    let t = text();
    let end = t.find("Nơi nhận:").expect("Nơi nhận");
    assert!(
        t[..end].trim_end().ends_with("xem xét, chỉ đạo./."),
        "{}",
        &t[end.saturating_sub(80)..end]
    );
    assert_eq!(t.matches("./.").count(), 1);
}

#[test]
fn signature_is_tm_uy_ban_nhan_dan_with_a_bold_position() {
    let page = probed().pages.last().unwrap();
    let split = (30.0 + 85.0) * MM;
    let ls = halves(page, split);
    let authority = find(&ls, "TM. ỦY BAN NHÂN DÂN");
    let position = ls
        .iter()
        .find(|l| l.text() == "CHỦ TỊCH")
        .expect("CHỦ TỊCH");
    let name = find(&ls, "Trần Văn Bình");
    for l in [authority, position, name] {
        assert!(l.x0() > split, "not on the right: {}", l.text());
        assert!(all_words(l, |w| w.bold() && w.size == 14.0), "{}", l.text());
    }
    assert!(authority.top() < position.top() && position.top() < name.top());
    assert!((centre(authority) - centre(name)).abs() < 1.0);
    let t = text();
    assert!(!t.contains("T/M"), "Party abbreviation printed");
}

#[test]
fn recipients_bold_italic_label_11_pt_list_and_the_archive_line() {
    let page = probed().pages.last().unwrap();
    let split = (30.0 + 85.0) * MM;
    let ls = halves(page, split);
    let label = find(&ls, "Nơi nhận:");
    assert_eq!(label.text(), "Nơi nhận:");
    assert!(all_words(label, |w| w.size == 12.0
        && w.bold()
        && w.italic()));
    assert!(
        (label.x0() - LEFT).abs() < 0.5 * MM,
        "label not at the left margin"
    );
    let authority = find(&ls, "TM. ỦY BAN NHÂN DÂN");
    assert!(
        (label.top() - authority.top()).abs() < 2.0,
        "Nơi nhận level with the signer's authority"
    );
    // Not underlined: no rule just below the label.
    assert!(!page
        .rules
        .iter()
        .any(|r| r.top > label.top() && r.top < label.top() + 16.0 && r.x0 < label.x1()));

    let list: Vec<&Line> = ls
        .iter()
        .filter(|l| l.x1() < split && l.top() > label.top() + 1.0)
        .collect();
    let printed: Vec<String> = list.iter().map(|l| l.text()).collect();
    assert_eq!(
        printed,
        [
            "- Như trên;",
            "- Thường trực Đảng ủy xã;",
            "- Thường trực HĐND xã;",
            "- Chủ tịch, các PCT UBND xã;",
            "- Các ban, ngành, đoàn thể xã;",
            "- Lưu: VT, VP.",
        ]
    );
    for l in &list {
        assert!(all_words(l, |w| w.size == 11.0 && !w.bold() && !w.italic()));
        assert!((l.x0() - LEFT).abs() < 0.5 * MM, "dash not flush left");
    }
}

#[test]
fn page_numbers_from_page_two_centred_in_the_top_margin() {
    let pages = &probed().pages;
    assert!(pages.len() >= 2, "the test report should run to two pages");
    let mid = (LEFT + RIGHT) / 2.0;
    for (i, page) in pages.iter().enumerate() {
        let top: Vec<&Word> = page.words.iter().filter(|w| w.top < 20.0 * MM).collect();
        if i == 0 {
            assert!(top.is_empty(), "page 1 has a number: {top:?}");
            continue;
        }
        assert_eq!(top.len(), 1, "page {}: {top:?}", i + 1);
        let n = top[0];
        assert_eq!(n.text, (i + 1).to_string());
        assert!(((n.x0 + n.x1) / 2.0 - mid).abs() < 1.0);
        assert!((n.size - 14.0).abs() < 0.1);
        // Inside the 20 mm top margin, about its middle.
        assert!(n.bottom < 20.0 * MM, "number reaches into the text");
        let middle = (n.top + n.bottom) / 2.0 / MM;
        assert!(
            (middle - 10.0).abs() < 2.0,
            "number centred at {middle:.1} mm"
        );
    }
}

#[test]
fn metadata_names_the_whole_body() {
    let info = pdfinfo(pdf());
    assert!(
        info.contains("Author:          ỦY BAN NHÂN DÂN XÃ VŨ QUANG"),
        "{info}"
    );
    assert!(
        info.contains("Title:           BÁO CÁO Tình hình kinh tế"),
        "{info}"
    );
}

#[test]
fn several_addressees_hang_under_the_colon_and_a_deputy_signs_kt() {
    let doc = STATE
        .replace(
            "kinh_gui = \"Ban Thường vụ Đảng ủy xã\"",
            "kinh_gui = [\"Ban Thường vụ Đảng ủy xã\", \"- Thường trực Hội đồng nhân dân xã;\"]",
        )
        .replace(
            "co_quan_ban_hanh = \"Ủy ban nhân dân xã Vũ Quang\"",
            "co_quan_cap_tren = \"UBND tỉnh Hà Tĩnh\"\nco_quan_ban_hanh = \"Ủy ban nhân dân xã Vũ Quang\"",
        )
        .replace("hinh_thuc = \"thay-mat\"", "hinh_thuc = \"KT.\"")
        .replace("thay_mat = \"Ủy ban nhân dân\"", "thay_mat = \"Chủ tịch\"")
        .replace("chuc_vu = \"Chủ tịch\"", "chuc_vu = \"Phó Chủ tịch\"");
    let pdf = render_toml(&doc).unwrap_or_else(|e| panic!("{e}"));
    let probe = probe(&pdf);
    let first = &probe.pages[0];
    let ls = lines(first);
    let label = ls
        .iter()
        .find(|l| l.text() == "Kính gửi:")
        .expect("label alone");
    let a = find(&ls, "- Ban Thường vụ Đảng ủy xã;");
    let b = find(&ls, "- Thường trực Hội đồng nhân dân xã.");
    assert!(label.top() < a.top() && a.top() < b.top());
    assert!((a.x0() - b.x0()).abs() < 0.5, "dashes aligned");
    // The dashes stand under the colon.
    let colon = label.words.last().unwrap();
    assert!(
        a.x0() > colon.x1 - 5.0 && a.x0() < colon.x1,
        "dash at {:.1}, colon ends at {:.1}",
        a.x0(),
        colon.x1
    );
    // The superior line prints above the two-line issuing body, upright.
    let header = halves(first, HEADER_SPLIT);
    let superior = find(&header, "UBND TỈNH HÀ TĨNH");
    assert!(all_words(superior, |w| w.size == 13.0 && !w.bold()));
    assert!(superior.top() < find(&header, "ỦY BAN NHÂN DÂN").top());

    let last = probe.pages.last().unwrap();
    let right = halves(last, (30.0 + 85.0) * MM);
    let kt = right
        .iter()
        .find(|l| l.text() == "KT. CHỦ TỊCH")
        .expect("KT. CHỦ TỊCH");
    let deputy = right
        .iter()
        .find(|l| l.text() == "PHÓ CHỦ TỊCH")
        .expect("PHÓ CHỦ TỊCH");
    assert!(all_words(kt, |w| w.bold()) && all_words(deputy, |w| w.bold()));
    assert!(kt.top() < deputy.top());
}

#[test]
fn a_party_document_keeps_its_own_layout() {
    let pdf = render_toml(PARTY).unwrap_or_else(|e| panic!("{e}"));
    let t = squash(&pdftotext(&pdf));
    for state_only in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập",
        "Số:",
        "TM.",
        "./.",
        "Lưu:",
        "Như trên",
    ] {
        assert!(
            !t.contains(state_only),
            "{state_only:?} in a Party document"
        );
    }
    for party in [
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 15-BC/ĐU",
        "T/M BAN THƯỜNG VỤ",
        "*",
    ] {
        assert!(t.contains(party), "{party:?} missing");
    }
}

#[test]
fn a_profile_without_kinh_gui_refuses_addressees_rather_than_dropping_them() {
    // The bundled Party profile has a "Kính gửi:" layout (công văn); a profile
    // without one still refuses addressees.
    let dir = tempfile::tempdir().unwrap();
    let profile =
        std::fs::read_to_string(root().join("templates/profiles/dang-hd36.toml")).unwrap();
    let start = profile.find("[kinh_gui]").unwrap();
    let end = start + profile[start..].find("\n\n").unwrap();
    let without = format!("{}{}", &profile[..start], &profile[end..]);
    std::fs::create_dir_all(dir.path().join("tpl/profiles")).unwrap();
    std::fs::write(dir.path().join("tpl/profiles/dang-hd36.toml"), without).unwrap();
    let doc = PARTY.replace("mo_dau =", "kinh_gui = \"Ban Thường vụ Tỉnh ủy\"\nmo_dau =");
    std::fs::write(dir.path().join("d.toml"), doc).unwrap();
    let (code, err) = run_vanban(
        &["--lang", "en", "render", "d.toml", "--templates", "tpl"],
        dir.path(),
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("kinh_gui") && err.contains("dang-hd36"),
        "{err}"
    );
    assert!(!dir.path().join("d.pdf").exists());
}

#[test]
fn the_issuing_body_may_be_given_on_lines_of_its_own() {
    let doc = STATE.replace(
        "co_quan_ban_hanh = \"Ủy ban nhân dân xã Vũ Quang\"",
        "co_quan_ban_hanh = \"Ủy ban nhân dân\\nxã Vũ Quang\"",
    );
    let pdf = render_toml(&doc).unwrap_or_else(|e| panic!("{e}"));
    let ls = halves(&probe(&pdf).pages[0], HEADER_SPLIT);
    assert!(ls.iter().any(|l| l.text() == "ỦY BAN NHÂN DÂN"));
    assert!(ls.iter().any(|l| l.text() == "XÃ VŨ QUANG"));
    assert!(pdfinfo(&pdf).contains("Author:          ỦY BAN NHÂN DÂN XÃ VŨ QUANG"));
}

#[test]
fn addressees_and_the_split_name_print_literally() {
    let doc = STATE
        .replace(
            "kinh_gui = \"Ban Thường vụ Đảng ủy xã\"",
            "kinh_gui = [\"#panic() $x$\", \"*đậm* // <b> @ref\"]",
        )
        .replace(
            "co_quan_ban_hanh = \"Ủy ban nhân dân xã Vũ Quang\"",
            "co_quan_ban_hanh = \"Ủy ban nhân dân xã #Vũ_Quang*\"",
        );
    let pdf = render_toml(&doc).unwrap_or_else(|e| panic!("{e}"));
    let t = squash(&pdftotext(&pdf));
    for literal in ["- #panic() $x$;", "- *đậm* // <b> @ref.", "XÃ #VŨ_QUANG*"] {
        assert!(t.contains(literal), "{literal:?} not printed as typed: {t}");
    }
}

/// The end of the text (issue 11 §5): a typed "./." or "." stays whatever the
/// profile says; with nothing typed, `dau_ket_thuc` chooses, else the profile.
#[test]
fn the_final_mark_typed_wins_then_the_document_key_then_the_profile() {
    let ending = |doc: &str| {
        let t = squash(&pdftotext(
            &render_toml(doc).unwrap_or_else(|e| panic!("{e}")),
        ));
        let end = t.find("Nơi nhận").expect("Nơi nhận");
        t[..end].trim_end().to_string()
    };
    let typed = PARTY.replace("\"Đạt nhiều kết quả\"", "\"Đạt nhiều kết quả./.\"");
    assert!(ending(&typed).ends_with("kết quả./."), "{}", ending(&typed));
    let typed_dot = STATE.replace("xem xét, chỉ đạo", "xem xét, chỉ đạo.");
    assert!(
        ending(&typed_dot).ends_with("chỉ đạo."),
        "{}",
        ending(&typed_dot)
    );
    assert!(!ending(&typed_dot).ends_with("./."));
    let keyed = PARTY.replace("mo_dau =", "dau_ket_thuc = \"./.\"\nmo_dau =");
    assert!(ending(&keyed).ends_with("kết quả./."), "{}", ending(&keyed));
    assert!(ending(PARTY).ends_with("kết quả."));
    assert!(!ending(PARTY).ends_with("./."));
    let wrong = PARTY.replace("mo_dau =", "dau_ket_thuc = \"/\"\nmo_dau =");
    assert!(render_toml(&wrong).is_err());
}
