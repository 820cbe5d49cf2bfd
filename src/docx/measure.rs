//! Text widths, for the rules whose length the thể thức ties to a line of
//! text (under the Quốc hiệu, the issuing body, the trích yếu) and for the
//! "Kính gửi:" block. Word cannot size a rule to text, so the writer measures:
//! with the embedded Liberation Serif, metric-compatible with Times New Roman,
//! so the widths hold for the font the DOCX names.

use std::sync::OnceLock;

use typst::text::{Font, FontStyle, FontWeight};

fn faces() -> &'static [Font] {
    static FACES: OnceLock<Vec<Font>> = OnceLock::new();
    FACES.get_or_init(|| crate::typeset::FontSet::embedded().fonts)
}

fn face(bold: bool, italic: bool) -> Option<&'static Font> {
    let all = faces();
    all.iter()
        .find(|f| {
            let v = f.info().variant;
            (v.weight >= FontWeight::SEMIBOLD) == bold && (v.style != FontStyle::Normal) == italic
        })
        .or(all.first())
}

/// The advance width of `text` at `size` points, in points.
pub fn width(text: &str, size: f64, bold: bool, italic: bool) -> f64 {
    let Some(font) = face(bold, italic) else {
        return 0.0;
    };
    let Ok(ttf) = ttf_parser::Face::parse(font.data().as_slice(), font.index()) else {
        return 0.0;
    };
    let units: f64 = text
        .chars()
        .map(|c| {
            ttf.glyph_index(c)
                .and_then(|g| ttf.glyph_hor_advance(g))
                .unwrap_or(0) as f64
        })
        .sum();
    units / f64::from(ttf.units_per_em()) * size
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_capitals_are_wider_than_regular_ones() {
        let regular = width("CỘNG HÒA", 13.0, false, false);
        let bold = width("CỘNG HÒA", 13.0, true, false);
        assert!(regular > 50.0 && bold > regular, "{regular} {bold}");
    }
}
