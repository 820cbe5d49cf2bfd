//! User text is data, never code: whatever a clerk types comes out of the PDF
//! exactly as typed (spaces aside) and never changes the Typst program.

use std::path::Path;

use crate::common::*;
use proptest::prelude::*;
use serde_json::json;
use vanban::model::{parse, Format};
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
    "*đậm* _nghiêng_ $x^2$ <nhan> @tham-chieu",
    "a \\ b \\u{41} \\#",
    "// không phải chú thích",
    "/* khối */ */",
    "`raw` ```rust let x = 1;```",
    "] #set text(red) [",
    "#{ panic() } #let x = 1 #x",
    "http://example.com/a_b*c*",
    "~ -- --- -? ... -1",
    "dòng một\n= Tiêu đề\n- mục\n#panic()",
];

#[test]
fn hostile_text_prints_literally_in_the_regular_font() {
    for attack in ATTACKS {
        let pdf = render_json(&document_with(attack)).unwrap_or_else(|e| panic!("{attack:?}: {e}"));
        let text = squash(&pdftotext(&pdf));
        let want = squash(attack);
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

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_text_comes_out_as_typed(s in text_strategy()) {
        let pdf = render_json(&document_with(&s)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Spaces aside: a heading may wrap after "?" where extraction adds one.
        let text = unspaced(&pdftotext(&pdf));
        let want = unspaced(&s);
        prop_assert!(text.contains(&format!("BEGIN{want}END")), "paragraph {s:?} printed as:\n{text}");
        // As a level-2 heading it is numbered "1." and not upper-cased.
        prop_assert!(text.contains(&format!("1.{want}")), "heading {s:?} printed as:\n{text}");
    }
}
