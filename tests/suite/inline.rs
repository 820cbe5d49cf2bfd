//! Inline notation in the body (issue 11 §1, §3): footnotes at the foot of
//! their page, bold, italic and underlined spans, run-in lead-ins, and the
//! escapes that keep a "*" typeable. Every check reads the PDF back.

use crate::common::*;

const HEAD: &str = r#"
the_thuc = "dang"
loai = "bao-cao"
co_quan_cap_tren = "Đảng bộ tỉnh Hà Tĩnh"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 12
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-03-02"
trich_yeu = "tình hình thực hiện nhiệm vụ tháng 02/2026"
"#;

const TAIL: &str = r#"
[ky]
hinh_thuc = "T/M"
thay_mat = "Đảng ủy"
chuc_vu = "Bí thư"
ho_ten = "Nguyễn Văn A"

[noi_nhan]
danh_sach = ["Ban Thường vụ Đảng ủy"]
luu = "Văn phòng Đảng ủy"
"#;

fn render(body: &str) -> Vec<u8> {
    render_toml(&format!("{HEAD}{body}{TAIL}")).unwrap_or_else(|e| panic!("{e}"))
}

/// Where a footnote's marker and its text were found.
struct Footnote {
    page: usize,
    marker: Word,
    /// The word the marker is glued to.
    word: Word,
    /// The footnote's first line.
    entry: Line,
}

/// Finds footnote `n`: a small raised "n" right after a body word, and a line
/// at the foot of a page that starts with a small "n".
fn footnote(pdf: &Probe, n: usize, glued_to: &str) -> Footnote {
    let label = n.to_string();
    for (i, page) in pdf.pages.iter().enumerate() {
        let ws = &page.words;
        let Some(at) = ws.iter().enumerate().position(|(j, w)| {
            w.text == label
                && w.size < 12.0
                && j > 0
                && ws[j - 1].text.ends_with(glued_to)
                && (w.x0 - ws[j - 1].x1).abs() < 0.5
        }) else {
            continue;
        };
        // The entry's number is raised too: its line is the text beside it.
        let number = ws
            .iter()
            .rev()
            .find(|w| w.text == label && w.size < 12.0 && w.top > ws[at].bottom)
            .unwrap_or_else(|| panic!("footnote {n}: no text on page {}", i + 1));
        let mut entry: Vec<Word> = ws
            .iter()
            .filter(|w| w.top > number.top - 1.0 && w.top < number.top + 5.0)
            .cloned()
            .collect();
        entry.sort_by(|a, b| a.x0.partial_cmp(&b.x0).unwrap());
        let entry = Line { words: entry };
        return Footnote {
            page: i + 1,
            marker: ws[at].clone(),
            word: ws[at - 1].clone(),
            entry,
        };
    }
    panic!("footnote {n}: no marker after {glued_to:?}");
}

#[test]
fn footnotes_sit_at_the_foot_of_their_page_in_the_smaller_size() {
    // Enough text that the third footnote falls on page 2: numbering runs
    // through the document and each text goes to its marker's page.
    let filler = "Các chi bộ tiếp tục quán triệt, triển khai thực hiện nghiêm túc các nghị quyết, chỉ thị của cấp trên và của Đảng ủy xã. ".repeat(4);
    let fillers = vec![format!("\"{filler}\""); 6].join(", ");
    let pdf = render(&format!(
        r#"mo_dau = ["Thực hiện chương trình công tác toàn khóa của Đảng ủy^[Theo Chương trình số 01-CTr/ĐU ngày 05/01/2026.], Đảng ủy báo cáo như sau:"]

[[noi_dung]]
tieu_de = "Kết quả thực hiện^[Số liệu tính đến ngày 25/02/2026.]"
doan = [{fillers}, "Đảng ủy chỉ đạo các chi bộ^[Gồm 12 chi bộ nông thôn và 4 chi bộ trường học.] tổ chức học tập nghị quyết."]
"#
    ));
    let probed = probe(&pdf);
    let notes = [
        (1, "ủy", "Theo Chương trình"),
        (2, "HIỆN", "Số liệu tính"),
        (3, "bộ", "Gồm 12 chi bộ"),
    ];
    let mut pages = Vec::new();
    for (n, glued, text) in notes {
        let f = footnote(&probed, n, glued);
        pages.push(f.page);
        let page = &probed.pages[f.page - 1];
        // The marker: superscript, smaller than the word it follows, raised.
        assert!(
            f.marker.size < f.word.size * 0.75 && f.marker.bottom < f.word.bottom - 2.0,
            "footnote {n}: marker {:?} after {:?}",
            f.marker,
            f.word
        );
        // The text: on the marker's page, in the profile's 12 pt, below all body text.
        assert!(
            f.entry.text().contains(text),
            "footnote {n}: {}",
            f.entry.text()
        );
        for w in &f.entry.words[1..] {
            assert!(
                (w.size - 12.0).abs() < 0.1 && !w.bold() && !w.italic(),
                "footnote {n}: {w:?}"
            );
        }
        let body_bottom = page
            .words
            .iter()
            .filter(|w| (w.size - 14.0).abs() < 0.1)
            .map(|w| w.bottom)
            .fold(0.0, f64::max);
        assert!(
            f.entry.top() > body_bottom,
            "footnote {n} text at {} is not below the body (ends at {body_bottom})",
            f.entry.top()
        );
        // Typst's short rule above the footnotes, from the left margin.
        assert!(
            page.rules.iter().any(|r| r.top < f.entry.top()
                && r.top > body_bottom
                && (r.x0 - 30.0 * MM).abs() < 1.0
                && r.x1 - r.x0 < 80.0 * MM),
            "footnote {n}: no short rule above it: {:?}",
            page.rules
        );
    }
    assert_eq!(pages[0], 1);
    assert!(
        pages[2] > 1,
        "the third footnote should fall on a later page: {pages:?}"
    );
    // The upper-cased heading keeps its footnote as typed.
    assert!(pdftotext(&pdf).contains("Số liệu tính đến ngày 25/02/2026."));
}

/// The words of the printed line that contains `word`.
fn line_with(pdf: &Probe, word: &str) -> Line {
    pdf.pages
        .iter()
        .flat_map(lines)
        .find(|l| l.words.iter().any(|w| w.text == word))
        .unwrap_or_else(|| panic!("no line with {word:?}"))
}

#[test]
fn a_run_in_heading_and_a_typed_lead_in_share_their_line_with_the_text() {
    let pdf = render(
        r#"[[noi_dung]]
tieu_de = "Kết quả"

[[noi_dung.muc]]
tieu_de = "Công tác xây dựng Đảng"

[[noi_dung.muc.muc]]
tieu_de = "Về chính trị, tư tưởng:"
doan = ["Đảng ủy chỉ đạo quán triệt nghị quyết."]

[[noi_dung.muc.muc]]
tieu_de = "Về tổ chức:"
doan = [{ gach = "Kết nạp 5 đảng viên." }]

[[noi_dung.muc.muc]]
tieu_de = "Về kiểm tra"
chay_lien = true
doan = ["Ủy ban Kiểm tra giám sát 3 chi bộ."]

[[noi_dung.muc]]
doan = ["**Về kinh tế:** tổng thu ngân sách đạt khá."]
"#,
    );
    let probed = probe(&pdf);
    // "1.1. Về chính trị, tư tưởng:" in the level-3 style (bold italic), then regular text.
    let l = line_with(&probed, "tưởng:");
    let text = l.text();
    assert!(
        text.starts_with("1.1. Về chính trị, tư tưởng: Đảng ủy chỉ đạo"),
        "{text}"
    );
    for w in &l.words {
        let lead = ["1.1.", "Về", "chính", "trị,", "tư", "tưởng:"].contains(&w.text.as_str());
        assert_eq!(w.bold() && w.italic(), lead, "{w:?}");
        assert!(lead || (!w.bold() && !w.italic()), "{w:?}");
    }
    // `chay_lien = true` runs in a heading without a colon.
    let l = line_with(&probed, "kiểm");
    assert!(
        l.text().starts_with("1.3. Về kiểm tra Ủy ban Kiểm tra"),
        "{}",
        l.text()
    );
    // A heading with ":" over a bullet stays on its own line.
    let l = line_with(&probed, "chức:");
    assert_eq!(l.text(), "1.2. Về tổ chức:");
    assert!(l.words.iter().all(|w| w.bold() && w.italic()));
    // A lead-in typed with the notation: bold words, then regular ones, on one line.
    let l = line_with(&probed, "tế:");
    assert_eq!(l.text(), "2. Về kinh tế: tổng thu ngân sách đạt khá.");
    let bold: Vec<bool> = l.words.iter().map(|w| w.bold()).collect();
    assert_eq!(
        bold,
        [false, true, true, true, false, false, false, false, false, false]
    );
}

#[test]
fn italic_underlined_and_escaped_spans_print_as_typed() {
    let pdf = render(
        r#"mo_dau = ['Đảng ủy ban hành *Nghị quyết* __số 07-NQ/ĐU__ về ***đột phá*** và **__trọng tâm__**; ký hiệu \*giữ nguyên\*, ghi chú (*) và 5 * 3 = 15, tệp bao_cao.docx.']
"#,
    );
    let probed = probe(&pdf);
    let text = squash(&pdftotext(&pdf));
    assert!(
        text.contains("Đảng ủy ban hành Nghị quyết số 07-NQ/ĐU về đột phá và trọng tâm; ký hiệu *giữ nguyên*, ghi chú (*) và 5 * 3 = 15, tệp bao_cao.docx."),
        "{text}"
    );
    let page = &probed.pages[0];
    let word = |t: &str| {
        page.words
            .iter()
            .find(|w| w.text == t)
            .unwrap_or_else(|| panic!("{t}"))
    };
    assert!(word("Nghị").italic() && !word("Nghị").bold());
    assert!(word("đột").italic() && word("đột").bold());
    assert!(word("trọng").bold() && !word("trọng").italic());
    assert!(!word("*giữ").bold() && !word("*giữ").italic());
    assert!(!word("hành").bold() && !word("hành").italic());
    // Underlined: a rule just under the word; none under its neighbours.
    let underlined = |w: &Word| {
        page.rules.iter().any(|r| {
            r.top > w.bottom - 3.0
                && r.top < w.bottom + 3.0
                && r.x0 < w.x1 - 1.0
                && r.x1 > w.x0 + 1.0
        })
    };
    assert!(underlined(word("07-NQ/ĐU")) && underlined(word("số")));
    assert!(underlined(word("tâm")));
    assert!(!underlined(word("Nghị")) && !underlined(word("về")) && !underlined(word("đột")));
}

#[test]
fn an_unclosed_footnote_is_refused_naming_its_field() {
    let err = render_toml(&format!(
        "{HEAD}[[noi_dung]]\ntieu_de = \"Kết quả\"\ndoan = [\"Đảng ủy^[chưa đóng\"]\n{TAIL}"
    ))
    .unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("noi_dung[0].doan[0]") && msg.contains("character 8") && msg.contains("`]`"),
        "{msg}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bc.toml");
    std::fs::write(&file, format!("{HEAD}mo_dau = [\"a^[b^[c]]\"]\n{TAIL}")).unwrap();
    let (code, stderr) = run_vanban(&["render", "bc.toml"], dir.path());
    assert_eq!(code, Some(1), "{stderr}");
    assert!(
        stderr.contains("mo_dau[0]") && stderr.contains("chú thích không được chứa chú thích khác"),
        "{stderr}"
    );
    assert!(!dir.path().join("bc.pdf").exists());
}

/// The footnote size is the profile's (`chu.chu_thich_co`); a profile written
/// before footnotes existed gets 12 pt.
#[test]
fn the_footnote_size_is_the_profiles() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("tpl/profiles")).unwrap();
    std::fs::write(
        dir.path().join("bc.toml"),
        format!(
            "{HEAD}mo_dau = [\"Đảng ủy chỉ đạo các chi bộ^[Gồm 12 chi bộ.] thực hiện.\"]\n{TAIL}"
        ),
    )
    .unwrap();
    let bundled =
        std::fs::read_to_string(root().join("templates/profiles/dang-hd36.toml")).unwrap();
    let line = bundled
        .lines()
        .find(|l| l.starts_with("chu_thich_co"))
        .expect("the bundled profile sets the footnote size");
    for (profile, size) in [
        (bundled.replace(line, "chu_thich_co = \"10pt\""), 10.0),
        (bundled.replace(line, ""), 12.0),
    ] {
        std::fs::write(dir.path().join("tpl/profiles/dang-hd36.toml"), profile).unwrap();
        let (code, stderr) = run_vanban(&["render", "bc.toml", "--templates", "tpl"], dir.path());
        assert_eq!(code, Some(0), "{stderr}");
        let pdf = std::fs::read(dir.path().join("bc.pdf")).unwrap();
        let words = &probe(&pdf).pages[0].words;
        let note = words.iter().find(|w| w.text == "Gồm").unwrap();
        assert!((note.size - size).abs() < 0.1, "{note:?}, want {size} pt");
    }
}

/// A fragment (minijinja text) may carry the notation: the emphasis and the
/// footnote come from the text it produces.
#[test]
fn a_fragment_carries_emphasis_and_a_footnote_quoting_its_data() {
    let pdf = render(
        r#"mo_dau = [{ manh = "thu_ngan_sach" }]

[manh_van]
thu_ngan_sach = "**Về thu ngân sách:** đạt {{ 650.5|so }} triệu đồng^[Trong đó thu tiền sử dụng đất {{ 1250000|so }} nghìn đồng.]."
"#,
    );
    let probed = probe(&pdf);
    let l = line_with(&probed, "sách:");
    assert!(
        l.text()
            .starts_with("Về thu ngân sách: đạt 650,5 triệu đồng"),
        "{}",
        l.text()
    );
    assert!(
        l.words[..4].iter().all(|w| w.bold()) && !l.words[4].bold(),
        "{:?}",
        l.words
    );
    let f = footnote(&probed, 1, "đồng");
    assert!(
        f.entry
            .text()
            .contains("Trong đó thu tiền sử dụng đất 1.250.000 nghìn đồng."),
        "{}",
        f.entry.text()
    );
}
