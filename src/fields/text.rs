use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// A piece of user text, NFC-normalised when it is read.
///
/// Vietnamese typed on some systems (or pasted from PDF) arrives decomposed
/// (NFD: "e" + U+0302 + U+0301); normalising at the door means every later step
/// (upper-casing, glyph checks, PDF text) sees one code point per letter.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct Text(String);

impl Text {
    /// Cleans text as it arrives from Word, PDF or a browser: NFC, Windows line
    /// endings, tabs and non-breaking spaces become plain spaces or newlines,
    /// invisible characters (zero-width spaces and joiners, soft hyphens, byte
    /// order marks) are dropped. Typographic quotes and dashes are kept.
    pub fn new(raw: &str) -> Self {
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.nfc().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {
                    if chars.peek() != Some(&'\n') {
                        out.push('\n');
                    }
                }
                '\t' | '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push(' '),
                '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => {}
                '\u{2028}' | '\u{2029}' => out.push('\n'),
                // Bidirectional and other invisible format marks print nothing.
                '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2061}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{061c}'
                | '\u{180e}'
                | '\u{fff9}'..='\u{fffb}' => {}
                // Other control characters have no printed form.
                c if c.is_control() && c != '\n' => {}
                c => out.push(c),
            }
        }
        Text(out.trim().to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::new(v))
            }
        }
        d.deserialize_str(V)
    }
}

/// Letters of the Latin-1 block that Vietnamese does not use, but that the
/// legacy 8-bit Vietnamese encodings put where Vietnamese letters belong.
const TCVN3_MARKS: &str = "¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÆÇÐÑ×ØÞßåæçðñ÷øþ";
const VNI_MARKS: &str = "ÑñØøÙÛÕÏÖÄËäëïöûüÿåæç";

/// Whether `s` looks like Vietnamese typed in a legacy 8-bit font (TCVN3/ABC
/// or VNI) and pasted as if it were Unicode: such text prints as gibberish.
/// Two or more tell-tale characters inside words are required.
pub fn legacy_encoding(s: &str) -> Option<&'static str> {
    let in_words = |marks: &str| {
        let chars: Vec<char> = s.chars().collect();
        chars
            .iter()
            .enumerate()
            .filter(|(i, c)| {
                marks.contains(**c)
                    && (chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
                        || (*i > 0 && chars[i - 1].is_alphabetic()))
            })
            .count()
    };
    // VNI writes a base letter followed by a mark letter ("aû", "Ñ"); TCVN3
    // replaces whole letters by symbols ("§", "¶", "·").
    let vni = in_words(VNI_MARKS);
    let tcvn3 = in_words(TCVN3_MARKS);
    if vni >= 2 && vni >= tcvn3 {
        Some("VNI")
    } else if tcvn3 >= 2 {
        Some("TCVN3 (ABC)")
    } else {
        None
    }
}

/// One or more lines: a single string or a list of strings
/// (`trich_yeu = "về …"` or `trich_yeu = ["về …;", "mục tiêu …"]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct Lines(pub Vec<Text>);

impl<'de> Deserialize<'de> for Lines {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Lines;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Lines, E> {
                Ok(Lines(vec![Text::new(v)]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Lines, A::Error> {
                let mut out = Vec::new();
                while let Some(t) = seq.next_element::<Text>()? {
                    out.push(t);
                }
                Ok(Lines(out))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decomposed_vietnamese_is_composed() {
        let nfd = "Vu\u{0303} Quang, Đa\u{0309}ng u\u{0309}y";
        assert_eq!(Text::new(nfd).as_str(), "Vũ Quang, Đảng ủy");
    }

    #[test]
    fn byte_order_mark_and_outer_spaces_are_dropped() {
        assert_eq!(Text::new("\u{feff}  Nơi nhận  ").as_str(), "Nơi nhận");
    }

    #[test]
    fn text_pasted_from_word_and_pdf_is_cleaned() {
        assert_eq!(Text::new("Vũ\u{a0}Quang").as_str(), "Vũ Quang");
        assert_eq!(Text::new("Đảng\u{200b}ủy").as_str(), "Đảngủy");
        assert_eq!(Text::new("chuyển\u{ad}đổi").as_str(), "chuyểnđổi");
        assert_eq!(Text::new("a\r\nb\rc").as_str(), "a\nb\nc");
        assert_eq!(Text::new("a\tb").as_str(), "a b");
        assert_eq!(Text::new("“Toàn dân” – ‘x’").as_str(), "“Toàn dân” – ‘x’");
    }

    #[test]
    fn legacy_encodings_are_recognised() {
        // "Đảng ủy xã Vũ Quang" typed with the TCVN3 (ABC) font .VnTime.
        assert_eq!(legacy_encoding("§¶ng ñy x· Vò Quang"), Some("TCVN3 (ABC)"));
        // The same in VNI-Times.
        assert_eq!(legacy_encoding("Ñaûng uûy xaõ Vuõ Quang"), Some("VNI"));
        assert_eq!(
            legacy_encoding("Đảng ủy xã Vũ Quang, “Toàn dân” – 55,87%"),
            None
        );
        assert_eq!(legacy_encoding("Café à la carte"), None);
    }
}
