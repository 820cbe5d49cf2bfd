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
    pub fn new(raw: &str) -> Self {
        let s = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        Text(s.nfc().collect::<String>().trim().to_string())
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
}
