/// Upper-cases Vietnamese text ("Đảng ủy xã Vũ Quang" → "ĐẢNG ỦY XÃ VŨ QUANG").
///
/// Rust's Unicode case mapping already covers the precomposed Vietnamese letters;
/// the input is NFC-normalised by the model, so every letter is one code point.
pub fn upper_vi(s: &str) -> String {
    s.to_uppercase()
}

/// Sentence case: the first letter kept as it is, the rest in lower case
/// ("ĐỀ ÁN" → "Đề án", "NGHỊ QUYẾT" → "Nghị quyết"). The first letter is taken
/// as a character, never as a byte: "Đ" is two bytes in UTF-8.
pub fn sentence_vi(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_string() + &chars.as_str().to_lowercase(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_cases_every_vietnamese_letter() {
        assert_eq!(upper_vi("Đảng ủy xã Vũ Quang"), "ĐẢNG ỦY XÃ VŨ QUANG");
        assert_eq!(upper_vi("đảng bộ tỉnh Hà Tĩnh"), "ĐẢNG BỘ TỈNH HÀ TĨNH");
        assert_eq!(
            upper_vi("ắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵđ"),
            "ẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴĐ"
        );
    }

    #[test]
    fn every_kind_name_in_sentence_case() {
        let templates = crate::templating::TemplateSource::embedded();
        for name in ["dang-hd36", "nha-nuoc-nd30"] {
            let p = crate::profile::Profile::load(name, &templates).unwrap();
            for k in p.kinds() {
                let s = k.sentence_name();
                let mut chars = s.chars();
                let first = chars.next().unwrap();
                assert!(first.is_uppercase(), "{s}");
                assert_eq!(chars.as_str(), chars.as_str().to_lowercase(), "{s}");
                assert_eq!(upper_vi(&s), k.decl.ten);
            }
            let qd = p.kind("quyet-dinh", std::path::Path::new("x")).unwrap();
            assert_eq!(qd.sentence_name(), "Quyết định");
        }
    }

    #[test]
    fn sentence_case_starts_on_a_character() {
        assert_eq!(sentence_vi("ĐỀ ÁN"), "Đề án");
        assert_eq!(sentence_vi("Ề"), "Ề");
        assert_eq!(sentence_vi("ỀA"), "Ềa");
        assert_eq!(sentence_vi(""), "");
    }
}
