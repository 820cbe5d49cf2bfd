/// Upper-cases Vietnamese text ("Đảng ủy xã Vũ Quang" → "ĐẢNG ỦY XÃ VŨ QUANG").
///
/// Rust's Unicode case mapping already covers the precomposed Vietnamese letters;
/// the input is NFC-normalised by the model, so every letter is one code point.
pub fn upper_vi(s: &str) -> String {
    s.to_uppercase()
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
}
