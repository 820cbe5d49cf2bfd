use std::fmt;
use std::ops::Deref;

use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use unicode_normalization::{IsNormalized, UnicodeNormalization};

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
        // Most text arrives composed already; the quick check settles that
        // without NFC's decompose-and-recompose buffers.
        let composed: std::borrow::Cow<str> =
            if unicode_normalization::is_nfc_quick(raw.chars()) == IsNormalized::Yes {
                std::borrow::Cow::Borrowed(raw)
            } else {
                std::borrow::Cow::Owned(raw.nfc().collect())
            };
        let mut chars = composed.chars().peekable();
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

impl schemars::JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
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

/// Characters of the Latin-1 block that TCVN3 (ABC) fonts draw as Vietnamese
/// letters ("§" Đ, "¶" ả, "·" ã …). Vietnamese written in Unicode never has
/// them inside a word, but units and signs put some next to digits (6°C,
/// ©2026, ±5) or after a unit (m², cm³).
const TCVN3_SIGNS: &str = "¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷";

/// Latin-1 letters Vietnamese never uses, that TCVN3 draws as Vietnamese
/// letters ("tæng" tổng, "lîn" lợn) but European names have too (Søren,
/// François, Señor, Jürgen): they count only in a text that has a sign of
/// [`TCVN3_SIGNS`] inside a word as well.
const TCVN3_LETTERS: &str = "ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ";

/// Whether `s` looks like Vietnamese typed in a legacy 8-bit font (TCVN3/ABC
/// or VNI) and pasted as if it were Unicode: such text prints as gibberish.
///
/// A word is suspect when it holds a character in a place only the legacy
/// encoding puts it (TCVN3: a symbol inside a word; VNI: a tone letter after
/// a vowel, "ñ" for đ at the start of a word). Foreign names ("Jürgen",
/// "Señor") and units ("6°C", "m²") do not fit those places. The text is
/// refused when at least two words are suspect and they outnumber the words
/// written with Vietnamese-only Unicode letters (ơ, ư, ă, đ, ạ …), which a
/// legacy paste can never contain.
pub fn legacy_encoding(s: &str) -> Option<&'static str> {
    let (mut vni, mut tcvn3, mut tcvn3_weak, mut unicode) = (0usize, 0usize, 0usize, 0usize);
    let mut chars: Vec<char> = Vec::new();
    for word in s.split_whitespace() {
        // Every mark either encoding leaves is outside ASCII, and the trimmed
        // punctuation is never a Vietnamese-only letter: most words are
        // settled without collecting their characters.
        if word.is_ascii() {
            continue;
        }
        if word.chars().any(vietnamese_only) {
            unicode += 1;
            continue;
        }
        chars.clear();
        chars.extend(
            word.trim_matches(|c: char| c.is_ascii_punctuation() || "“”‘’…–—".contains(c))
                .chars(),
        );
        // A word may fit both encodings; the text goes to the one more words fit.
        vni += usize::from(vni_word(&chars));
        if tcvn3_word(&chars) {
            tcvn3 += 1;
        } else if chars.iter().any(|c| TCVN3_LETTERS.contains(*c)) {
            tcvn3_weak += 1;
        }
    }
    if tcvn3 > 0 {
        tcvn3 += tcvn3_weak;
    }
    if vni >= 2 && vni > tcvn3 && vni > unicode {
        Some("VNI")
    } else if tcvn3 >= 2 && tcvn3 > unicode {
        Some("TCVN3 (ABC)")
    } else {
        None
    }
}

/// Letters only Vietnamese Unicode has (beyond Latin-1): no 8-bit paste holds them.
fn vietnamese_only(c: char) -> bool {
    matches!(
        c,
        'Ă' | 'ă' | 'Đ' | 'đ' | 'Ĩ' | 'ĩ' | 'Ũ' | 'ũ' | 'Ơ' | 'ơ' | 'Ư' | 'ư' | '\u{1EA0}'
            ..='\u{1EF9}'
    )
}

/// A word with a VNI mark where VNI writes it: a tone or shape letter right
/// after a vowel ("aû" ả, "eá" ế, "aë" ặ), "ñ" (đ) opening the word, or "ö"
/// (ư) / "æ" (ỉ) / "î" (ỵ) after a consonant.
fn vni_word(w: &[char]) -> bool {
    let vowel = |c: char| "aeiouyAEIOUYâêôÂÊÔöÖ".contains(c);
    w.iter().enumerate().any(|(i, &c)| {
        let prev = if i > 0 { Some(w[i - 1]) } else { None };
        match c {
            // Tones after any vowel: ø huyền, û hỏi, ï nặng.
            'ø' | 'û' | 'ï' | 'Ø' | 'Û' | 'Ï' => prev.is_some_and(vowel),
            // ù sắc, õ ngã are Vietnamese letters too, but never after a, e, o.
            'ù' | 'õ' | 'Ù' | 'Õ' => prev.is_some_and(|p| "aeoAEO".contains(p)),
            // â, ê, ô: a, e, o then â (alone or with a tone: á à å ã ä);
            // in Unicode no such letter follows a or e.
            'â' | 'å' | 'ä' | 'Â' | 'Å' | 'Ä' => prev.is_some_and(|p| "aeoAEO".contains(p)),
            'á' | 'à' | 'ã' | 'Á' | 'À' | 'Ã' => prev.is_some_and(|p| "aeAE".contains(p)),
            // ă: a then ê (alone or with a tone: é è ú ü ë).
            'ê' | 'é' | 'è' | 'ú' | 'ë' | 'ü' | 'Ê' | 'É' | 'È' | 'Ú' | 'Ë' | 'Ü' => {
                prev.is_some_and(|p| "aA".contains(p))
            }
            // đ opens a syllable, followed by a vowel.
            'ñ' | 'Ñ' => i == 0 && w.get(1).is_some_and(|n| vowel(*n)),
            // ư, ỉ, ỵ after a consonant and before a letter or a tone.
            'ö' | 'Ö' | 'æ' | 'Æ' | 'î' | 'Î' => {
                prev.is_some_and(|p| p.is_ascii_alphabetic() && !vowel(p))
                    && w.get(i + 1).is_some_and(|n| n.is_alphabetic())
            }
            _ => false,
        }
    })
}

/// A word with a TCVN3 symbol that is not a unit or a sign (one next to a
/// letter, unless next to a digit: 6°C, ©2026, 1½; a degree of a scale: °C,
/// °F; a power after a short unit: m², km², cm³; a sign closing a name:
/// Office®), or with a Latin-1 capital
/// after a small letter.
fn tcvn3_word(w: &[char]) -> bool {
    let unit = |i: usize| {
        let c = w[i];
        let digit_near = (i > 0 && w[i - 1].is_ascii_digit())
            || w.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        let scale = c == '°' && w.len() == i + 2 && "CFK".contains(w[i + 1]);
        let power = "¹²³".contains(c)
            && i + 1 == w.len()
            && (1..=3).contains(&i)
            && w[..i].iter().all(|p| p.is_ascii_alphabetic());
        // A registered or copyright sign closes a name (Office®); TCVN3's
        // ® is đ and © is â, which never end a word.
        let brand = "®©".contains(c) && i > 0 && i + 1 == w.len();
        digit_near || scale || power || brand
    };
    w.iter().enumerate().any(|(i, &c)| {
        TCVN3_SIGNS.contains(c)
            && (w.get(i + 1).is_some_and(|n| n.is_alphabetic())
                || (i > 0 && w[i - 1].is_alphabetic()))
            && !unit(i)
    }) || w.windows(2).any(|p| {
        // TCVN3 draws lower-case letters with Latin-1 capitals ("nhiÒu"
        // nhiều, "chÊt" chất); no word has a capital after a small letter.
        p[0].is_lowercase() && p[1].is_uppercase() && ('\u{C0}'..='\u{DE}').contains(&p[1])
    })
}

/// One or more lines: a single string or a list of strings
/// (`trich_yeu = "về …"` or `trich_yeu = ["về …;", "mục tiêu …"]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(transparent)]
pub struct Lines(pub Vec<Text>);

impl schemars::JsonSchema for Lines {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Lines".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "anyOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" } }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Lines {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Lines;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                crate::parsing::Described::TextOrLines.write(f)
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

    /// Lines of a corpus in tests/data/legacy, cleaned as text is read.
    fn corpus(text: &str) -> Vec<Text> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(Text::new)
            .collect()
    }

    #[test]
    fn report_phrases_with_units_signs_and_foreign_names_pass() {
        for line in corpus(include_str!("../../tests/data/legacy/unicode.txt")) {
            assert_eq!(legacy_encoding(&line), None, "{line}");
        }
        for short in [
            "6°C … 12°C",
            "©2026",
            "m²",
            "Jürgen Müller",
            "Señor Niño",
            "km² ha ‰ ± × ½",
        ] {
            assert_eq!(legacy_encoding(short), None, "{short}");
        }
    }

    /// The seed resolution's sentences converted to the legacy encodings
    /// (tests/data/legacy/README.md says how).
    #[test]
    fn real_sentences_in_legacy_encodings_are_refused() {
        let tcvn3 = corpus(include_str!("../../tests/data/legacy/tcvn3.txt"));
        let vni = corpus(include_str!("../../tests/data/legacy/vni.txt"));
        assert!(tcvn3.len() >= 100 && vni.len() >= 100);
        let missed: Vec<String> = tcvn3
            .iter()
            .filter(|l| legacy_encoding(l) != Some("TCVN3 (ABC)"))
            .chain(vni.iter().filter(|l| legacy_encoding(l) != Some("VNI")))
            .map(|l| format!("{l} → {:?}", legacy_encoding(l)))
            .collect();
        assert!(missed.is_empty(), "{}", missed.join("\n"));
    }
}
