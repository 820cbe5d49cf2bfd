//! User text is data, never code: whatever a clerk types comes out of the PDF
//! exactly as typed (spaces aside) and never changes the Typst program. In
//! the body the inline notation (`**đậm**`, `*nghiêng*`, `__gạch chân__`,
//! `^[chú thích]`, `\*`) styles text; its markers vanish and nothing else does.

use std::path::Path;

use crate::common::*;
use proptest::prelude::*;
use serde_json::json;
use vanban::model::{parse, Format, Inline, Piece, Text};
use vanban::Renderer;

/// A small document with `text` as a paragraph, a level-2 heading and a
/// recipient note. The last paragraph is fixed, because the final mark of the
/// profile is applied to whatever ends the text.
fn document_with(text: &str) -> serde_json::Value {
    json!({
        "the_thuc": "dang",
        "loai": "thong-bao",
        "co_quan_cap_tren": "Đảng bộ tỉnh Hà Tĩnh",
        "co_quan_ban_hanh": "Đảng ủy xã Vũ Quang",
        "ma_co_quan": "ĐU",
        "so": 3,
        "dia_danh": "Vũ Quang",
        "ngay_ban_hanh": "2026-02-05",
        "trich_yeu": "về một việc",
        "mo_dau": ["BEGIN", text, "END"],
        "noi_dung": [{
            "tieu_de": "Phần một",
            "muc": [{ "tieu_de": text, "doan": ["Đoạn."] }]
        }],
        "ket_luan": ["Hết."],
        "ky": { "hinh_thuc": "T/M", "thay_mat": "Ban Thường vụ", "chuc_vu": "Phó Bí thư", "ho_ten": "Nguyễn Văn A" },
        "noi_nhan": { "danh_sach": ["Các chi bộ"], "luu": "Văn phòng Đảng ủy" }
    })
}

fn render_json(doc: &serde_json::Value) -> Result<Vec<u8>, vanban::Error> {
    let path = Path::new("escaping.json");
    let doc: vanban::Document = parse(path, &doc.to_string(), Format::Json)?;
    Renderer::new().render_pdf(&doc, path)
}

const ATTACKS: &[&str] = &[
    "1. Một đoạn bắt đầu bằng số",
    "- một đoạn bắt đầu bằng gạch",
    "+ cộng",
    "= Heading",
    "/ Term: description",
    "#read(\"/etc/passwd\")",
    "#include \"/main.typ\"",
    "#image(\"/etc/passwd\")",
    "#import \"@preview/cetz:0.3.4\": canvas",
    "#set page(paper: \"a5\")",
    "\\*đậm\\* _nghiêng_ $x^2$ <nhan> @tham-chieu",
    "a \\ b \\u{41} \\#",
    "// không phải chú thích",
    "/* khối */ */",
    "`raw` ```rust let x = 1;```",
    "] #set text(red) [",
    "#{ panic() } #let x = 1 #x",
    "http://example.com/a_b\\*c\\*",
    "5 * 3 (*) a* b ** c",
    "~ -- --- -? ... -1",
    "dòng một\n= Tiêu đề\n- mục\n#panic()",
];

#[test]
fn hostile_text_prints_literally_in_the_regular_font() {
    for attack in ATTACKS {
        let pdf = render_json(&document_with(attack)).unwrap_or_else(|e| panic!("{attack:?}: {e}"));
        let text = squash(&pdftotext(&pdf));
        // The notation's escapes aside (`\*` prints "*"), as typed.
        let want = squash(&Inline::parse(attack).unwrap().plain());
        assert!(
            text.contains(&format!("BEGIN {want} END")),
            "{attack:?} did not print as typed:\n{text}"
        );
        // Nothing became bold, italic, a heading or a list: the words between
        // BEGIN and END are 14 pt regular, and the page stayed A4.
        let probe = probe(&pdf);
        let page = &probe.pages[0];
        assert!(
            (page.width - 210.0 * MM).abs() < 0.5,
            "{attack:?} changed the page"
        );
        let begin = page.words.iter().find(|w| w.text == "BEGIN").unwrap();
        let end = page.words.iter().find(|w| w.text == "END").unwrap();
        for w in &page.words {
            if w.top > begin.top + 1.0 && w.top < end.top - 1.0 {
                assert!(
                    !w.bold() && !w.italic() && (w.size - 14.0).abs() < 0.1,
                    "{attack:?}: {w:?} is styled"
                );
            }
        }
    }
}

fn text_strategy() -> impl Strategy<Value = String> {
    let ascii = (0x20u8..0x7f).prop_map(|b| b as char);
    let vietnamese = prop::sample::select(
        "ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
            .chars()
            .collect::<Vec<_>>(),
    );
    let breaks = prop::sample::select(vec!['\n', ' ', '\t']);
    let ch = prop_oneof![6 => ascii, 3 => vietnamese, 1 => breaks];
    prop::collection::vec(ch, 0..60).prop_map(|v| v.into_iter().collect())
}

/// Typst code inside the notation's markers and footnotes is still text.
#[test]
fn typst_code_inside_markers_and_footnotes_stays_text() {
    const CASES: &[(&str, &str, &str)] = &[
        ("**#read(\"/etc/passwd\")**", "#read(\"/etc/passwd\")", ""),
        ("*] #set text(red) [*", "] #set text(red) [", ""),
        ("__$x^2$ <nhan>__", "$x^2$ <nhan>", ""),
        (
            "a^[#panic() [ #set page(paper: \"a5\")]]",
            "a1",
            "#panic() [ #set page(paper: \"a5\")]",
        ),
        ("b^[**\\]; #x**]", "b1", "]; #x"),
        ("\\*\\*không đậm\\*\\*", "**không đậm**", ""),
    ];
    for (typed, body, note) in CASES {
        let pdf = render_json(&document_with(typed)).unwrap_or_else(|e| panic!("{typed:?}: {e}"));
        let text = squash(&pdftotext(&pdf));
        assert!(
            text.contains(&format!("BEGIN {body} END")),
            "{typed:?} printed as:\n{text}"
        );
        assert!(
            note.is_empty() || text.contains(&format!("1 {note}")),
            "{typed:?}: footnote {note:?} not in:\n{text}"
        );
        let page = &probe(&pdf).pages[0];
        assert!(
            (page.width - 210.0 * MM).abs() < 0.5,
            "{typed:?} changed the page"
        );
    }
}

/// Whether `printed` is `typed` with some notation markers taken out and
/// nothing else changed: the check that does not trust the parser.
fn only_markers_removed(typed: &str, printed: &str) -> bool {
    let mut p = printed.chars().peekable();
    for c in typed.chars() {
        if p.peek() == Some(&c) {
            p.next();
        } else if !matches!(c, '*' | '_' | '\\') {
            return false;
        }
    }
    p.next().is_none()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_text_comes_out_as_typed(s in text_strategy()) {
        let parsed = Inline::parse(Text::new(&s).as_str());
        let pdf = match render_json(&document_with(&s)) {
            Ok(pdf) => pdf,
            // An unclosed or nested footnote is refused, naming the field.
            Err(e) if parsed.is_err() => {
                prop_assert!(e.to_string().contains("field `mo_dau[1]`"), "{e}");
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(format!("{s:?}: {e}"))),
        };
        let parsed = parsed.unwrap();
        let text = unspaced(&pdftotext(&pdf));
        let notes = parsed.notes();
        let want = unspaced(&parsed.plain());
        if notes.is_empty() {
            prop_assert!(only_markers_removed(&unspaced(&s), &want), "{s:?} parsed as {want:?}");
            // Spaces aside: a heading may wrap after "?" where extraction adds one.
            prop_assert!(text.contains(&format!("BEGIN{want}END")), "paragraph {s:?} printed as:\n{text}");
            // As a level-2 heading it is numbered "1." and not upper-cased.
            prop_assert!(text.contains(&format!("1.{want}")), "heading {s:?} printed as:\n{text}");
        }
        for note in notes {
            prop_assert!(text.contains(&unspaced(&note)), "footnote {note:?} of {s:?} not printed:\n{text}");
        }
    }
}

/// Runs of text for the notation test: no whitespace at their ends, so a
/// marker around them always opens and closes.
fn span_strategy() -> impl Strategy<Value = (u8, String)> {
    let word = text_strategy().prop_map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "));
    (0u8..8, word.prop_filter("a word", |w| !w.is_empty()))
}

/// `text` with every marker character escaped: it prints as it is.
fn escaped(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if matches!(c, '*' | '_' | '^' | '[' | ']' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Spans of random text (Typst syntax included) in every combination of
    /// bold, italic and underline: the text comes out as typed, minus the
    /// markers, and each character in the font its span asks for.
    #[test]
    fn styled_spans_come_out_as_typed_in_their_fonts(spans in prop::collection::vec(span_strategy(), 1..6)) {
        let mut typed = Vec::new();
        let mut want_bold = 0;
        let mut want_italic = 0;
        for (style, text) in &spans {
            let (bold, italic, underline) = (style & 1 != 0, style & 2 != 0, style & 4 != 0);
            let stars = match (bold, italic) {
                (true, true) => "***",
                (true, false) => "**",
                (false, true) => "*",
                (false, false) => "",
            };
            let lines = if underline { "__" } else { "" };
            typed.push(format!("{lines}{stars}{}{stars}{lines}", escaped(text)));
            let visible = unspaced(text).chars().count();
            if bold { want_bold += visible; }
            if italic { want_italic += visible; }
        }
        let typed = typed.join(" ");
        let pdf = render_json(&document_with(&typed)).map_err(|e| TestCaseError::fail(format!("{typed:?}: {e}")))?;
        let want: String = spans.iter().map(|(_, t)| unspaced(t)).collect();
        let text = unspaced(&pdftotext(&pdf));
        prop_assert!(text.contains(&format!("BEGIN{want}END")), "{typed:?} printed as:\n{text}");
        let parsed = Inline::parse(&typed).unwrap();
        prop_assert_eq!(parsed.0.iter().filter(|p| matches!(p, Piece::Note(_))).count(), 0);
        // Characters between BEGIN and END, by font.
        let probed = probe(&pdf);
        let words: Vec<Word> = lines(&probed.pages[0]).into_iter().flat_map(|l| l.words).collect();
        let begin = words.iter().position(|w| w.text == "BEGIN").unwrap();
        let end = words.iter().position(|w| w.text == "END").unwrap();
        let count = |f: &dyn Fn(&Word) -> bool| -> usize {
            words[begin + 1..end].iter().filter(|w| f(w)).map(|w| w.text.chars().count()).sum()
        };
        prop_assert_eq!(count(&|w: &Word| w.bold()), want_bold, "bold in {:?}", typed);
        prop_assert_eq!(count(&|w: &Word| w.italic()), want_italic, "italic in {:?}", typed);
    }
}

/// Symbols and short dates are never split at a line end (issue 11 §6): the
/// office reads "02-" / "QĐ/UBKTĐU" as a typing error. Padding words of
/// growing length put each symbol at every position of the line, so without
/// the rule some of them break after "-" or "/".
#[test]
fn symbols_and_short_dates_never_break_at_a_line_end() {
    const SYMBOLS: &[&str] = &[
        "02-QĐ/UBKTĐU",
        "26-CV/TU",
        "07-NQ/ĐU",
        "30/2020/NĐ-CP",
        "05/7/2025",
        "50-CT/TW",
    ];
    let mut paragraphs = Vec::new();
    for pad in 0..24 {
        let lead = "ư".repeat(pad % 7 + 1) + &" và".repeat(pad / 3);
        let sentence: Vec<String> = SYMBOLS
            .iter()
            .map(|s| format!("{lead} theo văn bản số {s}"))
            .collect();
        paragraphs.push(sentence.join(", ") + ".");
    }
    let text = paragraphs.join("\n");
    let pdf = render_json(&document_with(&text)).unwrap();
    let lines = pdftotext(&pdf);
    for symbol in SYMBOLS {
        // Every occurrence: 24 in the paragraph, 24 in the heading.
        let whole = lines.matches(symbol).count();
        assert_eq!(
            whole, 48,
            "{symbol} is split at a line end somewhere:\n{lines}"
        );
    }
}
