//! The seed resolution 07-NQ/ĐU, rendered and read back: its text against the
//! reference, and its layout against the Party thể thức (the-thuc.md §3).

use std::sync::OnceLock;

use crate::common::*;

fn pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| render_file(&seed_example()))
}

fn probed() -> &'static Probe {
    static P: OnceLock<Probe> = OnceLock::new();
    P.get_or_init(|| probe(pdf()))
}

/// The reference text with the seed's typing errors corrected, as words.
fn reference_words() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("../shared/reference/07-NQ-DU-2025.txt"))
        .or_else(|_| std::fs::read_to_string(root().join("tests/data/07-NQ-DU-2025.txt")))
        .expect("the reference text");
    let fixed = text
        .replace("TĨNH HÀ TĨNH", "TỈNH HÀ TĨNH")
        .replace("2,528,008", "2.528.008")
        .replace("151 %", "151%")
        .replace("đàn b 2.000", "đàn bò 2.000")
        .replace("tiêm ph ng", "tiêm phòng")
        .replace("(23 ", "(23) ")
        .replace("(24 ", "(24) ")
        .replace("(26 ", "(26) ");
    words(&fixed)
}

fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn text_matches_the_seed_word_for_word() {
    let got = words(&pdftotext(pdf()));
    let want = reference_words();
    let got_refs: Vec<&str> = got.iter().map(String::as_str).collect();
    let want_refs: Vec<&str> = want.iter().map(String::as_str).collect();
    let ratio = similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Myers)
        .diff_slices(&want_refs, &got_refs)
        .ratio();
    assert!(
        ratio >= 0.97,
        "word-level similarity {ratio:.4} < 0.97 ({} words expected, {} found)",
        want.len(),
        got.len()
    );
    // The corrected forms are printed, the typing errors are not.
    let text = squash(&pdftotext(pdf()));
    for fixed in [
        "2.528.008 triệu đồng",
        "151%",
        "đàn bò 2.000",
        "tiêm phòng",
        "(23)",
        "(24)",
        "(26)",
    ] {
        assert!(text.contains(fixed), "missing {fixed:?}");
    }
    for wrong in ["2,528,008", "151 %", "đàn b ", "ph ng", "(23 ", "TĨNH HÀ"] {
        assert!(!text.contains(wrong), "still printed: {wrong:?}");
    }
    for n in 1..=26 {
        assert!(text.contains(&format!("({n})")), "target ({n}) is missing");
    }
}

#[test]
fn pages_are_a4() {
    for (i, p) in probed().pages.iter().enumerate() {
        assert!(
            (p.width - 210.0 * MM).abs() < 0.5,
            "page {} width {}",
            i + 1,
            p.width
        );
        assert!(
            (p.height - 297.0 * MM).abs() < 0.5,
            "page {} height {}",
            i + 1,
            p.height
        );
    }
    assert!(pdfinfo(pdf()).contains("(A4)"));
}

#[test]
fn every_font_is_embedded_liberation_serif() {
    let report = pdffonts(pdf());
    let rows: Vec<&str> = report
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "{report}");
    for row in rows {
        assert!(
            row.contains("LiberationSerif"),
            "not Liberation Serif: {row}"
        );
        // Columns: name type encoding emb sub uni object ID
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "font not embedded: {row}");
    }
}

#[test]
fn metadata_names_the_document() {
    let info = pdfinfo(pdf());
    assert!(
        info.contains("Title:           NGHỊ QUYẾT về tình hình kinh tế - xã hội"),
        "{info}"
    );
    assert!(
        info.contains("Author:          ĐẢNG ỦY XÃ VŨ QUANG"),
        "{info}"
    );
    assert!(
        info.contains("CreationDate:    Tue Dec 30 00:00:00 2025"),
        "{info}"
    );
    let xmp = {
        let f = write_temp(pdf());
        let out = std::process::Command::new("pdfinfo")
            .args(["-meta", f.path().to_str().unwrap()])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    assert!(
        xmp.contains("<rdf:li>vi</rdf:li>") || xmp.contains(">vi<"),
        "language vi missing: {xmp}"
    );
}

/// Body lines that fill the measure: not the last line of a paragraph, not a heading.
fn justified_body_lines(page: &Page) -> Vec<Line> {
    let all = lines(page);
    let mut out = Vec::new();
    for (i, l) in all.iter().enumerate() {
        let next = all.get(i + 1);
        let body = l
            .words
            .iter()
            .all(|w| (w.size - 14.0).abs() < 0.1 && !w.bold() && !w.italic());
        // A justified line is followed by another line of the same paragraph,
        // 18 pt lower (the profile's exact line spacing).
        let continued = next.is_some_and(|n| (n.top() - l.top() - 18.0).abs() < 0.6);
        if body && continued && l.words.len() > 4 {
            out.push(l.clone());
        }
    }
    out
}

#[test]
fn margins_are_30_mm_left_and_15_mm_right_on_justified_lines() {
    let left = 30.0 * MM;
    let right = (210.0 - 15.0) * MM;
    let mut checked = 0;
    for (i, page) in probed().pages.iter().enumerate() {
        for l in justified_body_lines(page) {
            let x0 = l.x0();
            // A paragraph's first line starts one indent (10 mm) further right.
            let indented = (x0 - left - 10.0 * MM).abs() < 0.5 * MM;
            assert!(
                (x0 - left).abs() < 0.5 * MM || indented,
                "page {}: line starts at {:.1} mm: {}",
                i + 1,
                x0 / MM,
                l.text()
            );
            assert!(
                (l.x1() - right).abs() < 0.5 * MM,
                "page {}: justified line ends at {:.1} mm, want 195: {}",
                i + 1,
                l.x1() / MM,
                l.text()
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "only {checked} justified lines found");
}

#[test]
fn page_numbers_from_page_two_centred_near_the_top() {
    let pages = &probed().pages;
    assert!(pages.len() >= 2);
    let centre = (30.0 + (210.0 - 15.0)) / 2.0 * MM;
    for (i, page) in pages.iter().enumerate() {
        let top_words: Vec<&Word> = page.words.iter().filter(|w| w.top < 15.0 * MM).collect();
        if i == 0 {
            assert!(top_words.is_empty(), "page 1 has a number: {top_words:?}");
            continue;
        }
        assert_eq!(top_words.len(), 1, "page {}: {top_words:?}", i + 1);
        let n = top_words[0];
        assert_eq!(n.text, (i + 1).to_string());
        assert!(
            ((n.x0 + n.x1) / 2.0 - centre).abs() < 1.0,
            "page {} number not centred",
            i + 1
        );
        assert!((n.size - 14.0).abs() < 0.1);
        assert!(
            n.top > 8.0 * MM && n.top < 13.0 * MM,
            "number at {:.1} mm",
            n.top / MM
        );
    }
}

fn find_line<'a>(lines: &'a [Line], starts: &str) -> &'a Line {
    lines
        .iter()
        .find(|l| l.text().starts_with(starts))
        .unwrap_or_else(|| panic!("no line starting {starts:?}"))
}

fn all_words(l: &Line, f: impl Fn(&Word) -> bool) -> bool {
    l.words.iter().all(f)
}

#[test]
fn header_blocks_sit_in_their_columns_with_the_profile_sizes() {
    let page = &probed().pages[0];
    let ls = lines(page);
    let left_col_centre = 30.0 * MM + 75.0 / 2.0 * MM;
    let right_col_centre = (30.0 + 75.0 + (210.0 - 45.0 - 75.0) / 2.0) * MM;
    let centre = |l: &Line| (l.x0() + l.x1()) / 2.0;
    let parts: Vec<Line> = ls
        .iter()
        .flat_map(|l| {
            // Split header rows into their left and right halves.
            let (a, b): (Vec<Word>, Vec<Word>) = l
                .words
                .iter()
                .cloned()
                .partition(|w| w.x0 < (30.0 + 75.0) * MM);
            [a, b]
                .into_iter()
                .filter(|v| !v.is_empty())
                .map(|words| Line { words })
        })
        .collect();

    let superior = find_line(&parts, "ĐẢNG BỘ TỈNH HÀ TĨNH");
    let issuer = find_line(&parts, "ĐẢNG ỦY XÃ VŨ QUANG");
    let star = find_line(&parts, "*");
    let number = find_line(&parts, "Số 07-NQ/ĐU");
    let title = find_line(&parts, "ĐẢNG CỘNG SẢN VIỆT NAM");
    let date = find_line(&parts, "Vũ Quang, ngày 30 tháng 12 năm 2025");
    for l in [superior, issuer, star, number] {
        assert!(
            (centre(l) - left_col_centre).abs() < 2.0,
            "not centred in the left column: {}",
            l.text()
        );
    }
    for l in [title, date] {
        assert!(
            (centre(l) - right_col_centre).abs() < 2.0,
            "not centred in the right column: {}",
            l.text()
        );
    }
    assert!(all_words(superior, |w| w.size == 14.0 && !w.bold()));
    assert!(all_words(issuer, |w| w.size == 14.0 && w.bold()));
    assert!(all_words(title, |w| w.size == 15.0 && w.bold()));
    assert!(all_words(number, |w| w.size == 14.0
        && !w.bold()
        && !w.italic()));
    assert!(all_words(date, |w| w.size == 14.0 && w.italic()));
    // Vertical order: superior, issuer, "*", then the number level with the date.
    assert!(
        superior.top() < issuer.top() && issuer.top() < star.top() && star.top() < number.top()
    );
    assert!((number.top() - date.top()).abs() < 1.0);
    // The rule under the title is exactly as long as the title.
    let rule = page
        .rules
        .iter()
        .find(|r| r.top > title.top() && r.top < date.top())
        .expect("a rule under the title");
    assert!((rule.x0 - title.x0()).abs() < 1.0 && (rule.x1 - title.x1()).abs() < 1.0);
    // "Số" without a colon (Party form).
    assert!(!number.text().contains("Số:"));
}

#[test]
fn type_name_summary_and_separator_are_centred() {
    let page = &probed().pages[0];
    let ls = lines(page);
    let centre = (30.0 + (210.0 - 15.0)) / 2.0 * MM;
    let kind = find_line(&ls, "NGHỊ QUYẾT");
    let summary = find_line(&ls, "về tình hình kinh tế");
    let sep = find_line(&ls, "-----");
    for l in [kind, summary, sep] {
        assert!(
            ((l.x0() + l.x1()) / 2.0 - centre).abs() < 2.0,
            "not centred: {}",
            l.text()
        );
    }
    assert!(all_words(kind, |w| w.size == 16.0 && w.bold()));
    assert!(all_words(summary, |w| w.size == 14.0 && w.bold()));
    assert!(kind.top() < summary.top() && summary.top() < sep.top());
}

#[test]
fn body_is_14_pt_regular_and_headings_bold() {
    let ls: Vec<Line> = probed().pages.iter().flat_map(lines).collect();
    let part = find_line(&ls, "I. KẾT QUẢ LÃNH ĐẠO");
    assert!(all_words(part, |w| w.bold() && w.size == 14.0));
    let sub = find_line(&ls, "1. Mục tiêu tổng quát");
    assert!(all_words(sub, |w| w.bold()));
    let para = find_line(&ls, "Năm 2025, thực hiện nhiệm vụ");
    assert!(all_words(para, |w| !w.bold()
        && !w.italic()
        && w.size == 14.0));
    // First-line indent of 10 mm on every paragraph, headings included.
    assert!((para.x0() - 40.0 * MM).abs() < 0.5 * MM);
    assert!((part.x0() - 40.0 * MM).abs() < 0.5 * MM);
    // The text ends with the profile's final mark ".", not "./.".
    let text = squash(&pdftotext(pdf()));
    assert!(
        text.contains("rộng rãi trong Nhân dân. Nơi nhận:")
            || text.contains("rộng rãi trong Nhân dân.")
    );
    assert!(!text.contains("./."));
}

#[test]
fn recipients_left_and_signature_right_on_the_last_page() {
    let page = probed().pages.last().unwrap();
    let ls = lines(page);
    let half = (30.0 + 90.0) * MM;
    let words = &page.words;
    let label: Vec<&Word> = words
        .iter()
        .filter(|w| w.text == "Nơi" || w.text == "nhận:")
        .collect();
    assert_eq!(label.len(), 2, "one 'Nơi nhận:' label");
    assert!(label
        .iter()
        .all(|w| w.x1 < half && w.size == 14.0 && !w.bold() && !w.italic()));
    assert!(
        (label[0].x0 - 30.0 * MM).abs() < 0.5 * MM,
        "label not at the left margin"
    );
    // Underlined: a rule just below the label.
    let under = page
        .rules
        .iter()
        .filter(|r| r.top > label[0].top && r.top < label[0].bottom + 3.0 && r.x0 < label[1].x1)
        .count();
    assert!(under >= 1, "'Nơi nhận:' is not underlined");

    let recipients: Vec<&Word> = words
        .iter()
        .filter(|w| w.x1 < half && w.top > label[0].bottom)
        .collect();
    assert!(
        recipients.iter().all(|w| w.size == 12.0),
        "recipients are 12 pt"
    );
    let text = squash(&pdftotext(pdf()));
    for line in [
        "- Thường trực Tỉnh ủy,",
        "- Các ban đảng, UBKT Tỉnh ủy,",
        "(Để báo cáo)",
        "- Các đảng bộ cơ sở, chi bộ cơ sở, chi bộ trực thuộc,",
        "- Lưu Văn phòng Đảng ủy.",
        "Đăng tải cổng thông tin điện tử xã",
    ] {
        assert!(text.contains(line), "recipient line missing: {line:?}");
    }
    let dash_lines = ls
        .iter()
        .filter(|l| l.x0() < half && l.text().starts_with("- "))
        .count();
    assert_eq!(dash_lines, 12, "12 recipients");

    let right: Vec<Line> = ls
        .iter()
        .map(|l| Line {
            words: l.words.iter().filter(|w| w.x0 > half).cloned().collect(),
        })
        .filter(|l| !l.words.is_empty())
        .collect();
    let authority = find_line(&right, "T/M ĐẢNG ỦY");
    let position = right.iter().find(|l| l.text() == "BÍ THƯ").expect("BÍ THƯ");
    let name = find_line(&right, "Trần Nguyên Thọ");
    for l in [authority, position, name] {
        assert!(
            l.x0() > half,
            "signature line not on the right: {}",
            l.text()
        );
    }
    assert!(all_words(authority, |w| w.bold() && w.size == 14.0));
    assert!(all_words(position, |w| !w.bold() && w.size == 14.0));
    assert!(all_words(name, |w| w.bold() && w.size == 14.0));
    assert!(
        (authority.top() - label[0].top).abs() < 1.0,
        "signature level with Nơi nhận"
    );
    assert!(authority.top() < position.top() && position.top() < name.top());
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let again = render_file(&seed_example());
    assert!(again == pdf(), "two renders of the same document differ");
}
