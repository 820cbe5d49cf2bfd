//! Fuzzing in the test run (bounded): any bytes into the parsers, any text into
//! any field. Nothing panics; text comes out of the PDF as typed (after the
//! documented clean-up) or is refused with a message naming its field.

use std::path::Path;

use crate::common::*;
use proptest::prelude::*;
use serde_json::json;
use vanban::model::{parse, Format, Inline, Text};
use vanban::{Document, Error, Renderer};

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn parsers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        for format in [Format::Toml, Format::Json, Format::Yaml] {
            let _ = parse::<Document>(Path::new("f"), &text, format);
        }
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("f.csv");
        std::fs::write(&csv, &bytes).unwrap();
        let _ = vanban::indicators::load_figures(&csv, None);
    }
}

fn document(s: &str) -> serde_json::Value {
    json!({
        "the_thuc": "dang", "loai": "thong-bao",
        "co_quan_ban_hanh": "Đảng ủy xã Vũ Quang", "ma_co_quan": "ĐU", "so": 3,
        "dia_danh": "Vũ Quang", "ngay_ban_hanh": "2026-02-05",
        "trich_yeu": ["về", s],
        "mo_dau": ["BEGIN", s, "END"],
        "noi_dung": [{ "tieu_de": "Phần", "muc": [{ "tieu_de": s, "doan": ["Đoạn."] }] }],
        "ket_luan": ["Hết."],
        "ky": { "chuc_vu": "Bí thư", "ho_ten": s },
        "noi_nhan": { "danh_sach": [s], "luu": "Văn phòng Đảng ủy", "dong_cuoi": [s] }
    })
}

fn any_text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        5 => (0x20u32..0x7f).prop_map(|c| char::from_u32(c).unwrap()),
        3 => prop::sample::select("ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐƯƠ“”‘’–—…".chars().collect::<Vec<_>>()),
        1 => prop::sample::select(vec!['\n', '\r', '\t', '\u{a0}', '\u{200b}', '\u{ad}', '\u{feff}', '\u{0301}', '\u{0323}']),
        1 => any::<char>(),
        // The inline notation's markers, so that they meet everything else.
        2 => prop::sample::select(vec!['*', '_', '\\', '^', '[', ']']),
    ];
    prop::collection::vec(ch, 0..40).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_text_in_any_field_prints_as_typed_or_is_refused(s in any_text()) {
        let path = Path::new("fuzz.json");
        let doc: Document = match parse(path, &document(&s).to_string(), Format::Json) {
            Ok(d) => d,
            Err(e) => return Err(TestCaseError::fail(format!("a JSON string was refused: {e}"))),
        };
        match Renderer::new().render_pdf(&doc, path) {
            Ok(pdf) => {
                let text = unspaced(&pdftotext(&pdf));
                // Body text is inline notation: it prints without its markers;
                // the other fields print every character.
                let typed = Text::new(&s);
                let body = Inline::parse(typed.as_str()).map_err(|e| TestCaseError::fail(format!("{s:?} rendered although {e}")))?;
                if body.notes().is_empty() {
                    let want = unspaced(&body.plain());
                    prop_assert!(
                        text.contains(&format!("BEGIN{want}END")),
                        "paragraph {s:?} printed as {text}"
                    );
                    prop_assert!(text.contains(&format!("1.{want}")), "heading {s:?}");
                }
                for note in body.notes() {
                    prop_assert!(text.contains(&unspaced(&note)), "footnote {note:?} of {s:?}");
                }
                let literal = unspaced(typed.as_str());
                prop_assert!(text.contains(&literal), "the signer's name {s:?}");
            }
            Err(e @ (Error::MissingGlyph { .. } | Error::LegacyEncoding { .. } | Error::Invalid { .. })) => {
                let msg = e.to_string();
                prop_assert!(msg.contains("field `"), "{msg}");
            }
            Err(e) => return Err(TestCaseError::fail(format!("{s:?}: {e}"))),
        }
    }
}
