//! Numbering schemes (kiểu đánh số) of a list of sections, and heading styles.
//!
//! A list of sections (the body's parts, or the sub-sections of one section)
//! is numbered by one scheme, written as the first number it prints ("I.",
//! "1.", "1.1.", "a)", "(1)", "Phần thứ nhất") or as a pattern with
//! placeholders ("Điều {n}."). The scheme is chosen for the whole list, so a
//! real report needs no number typed per section.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::locale::{point_letter, roman};

/// The named schemes, as a clerk writes them, with their patterns:
/// `{roman}` I, II; `{n}` 1, 2; `{cha}` the parent's number; `{chu}` a, b, c,
/// d, đ; `{thu}` nhất, hai, ba, tư (the ordinal of "Phần thứ nhất").
const NAMED: &[(&str, &str)] = &[
    ("I.", "{roman}."),
    ("1.", "{n}."),
    ("1.1.", "{cha}.{n}."),
    ("1.1.1.", "{cha}.{n}."),
    ("a)", "{chu})"),
    ("(1)", "({n})"),
    ("-", "-"),
    ("+", "+"),
    ("Phần thứ nhất", "Phần thứ {thu}"),
    ("PHẦN THỨ NHẤT", "PHẦN THỨ {THU}"),
];

const PLACEHOLDERS: &[&str] = &["roman", "n", "cha", "chu", "thu", "THU"];

/// What a scheme may be written as, for messages.
pub const EXPECTED: &str = "I., 1., 1.1., 1.1.1., a), (1), -, +, Phần thứ nhất, \"\" (no number) or a pattern with {roman}, {n}, {cha}, {chu}, {thu} (\"Điều {n}.\")";

/// A numbering scheme: its name (how it was written, named schemes in their
/// canonical spelling) and its pattern; no pattern prints no number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scheme {
    pub name: String,
    pub pattern: Option<String>,
}

impl Scheme {
    /// Reads a scheme; `None` if it is neither named nor a valid pattern.
    pub fn parse(s: &str) -> Option<Scheme> {
        let s = s.trim();
        if s.is_empty() {
            return Some(Scheme {
                name: String::new(),
                pattern: None,
            });
        }
        if let Some((name, pattern)) = NAMED.iter().find(|(n, _)| *n == s) {
            return Some(Scheme {
                name: name.to_string(),
                pattern: Some(pattern.to_string()),
            });
        }
        valid_pattern(s).then(|| Scheme {
            name: s.to_string(),
            pattern: Some(s.to_string()),
        })
    }

    /// The scheme a profile pattern (`[muc] so`) stands for.
    pub fn from_pattern(p: &str) -> Scheme {
        let name = NAMED
            .iter()
            .find(|(_, pattern)| *pattern == p)
            .map_or(p, |(n, _)| n);
        Scheme {
            name: name.to_string(),
            pattern: Some(p.to_string()),
        }
    }

    /// Whether the title goes on the line under the number, centred under
    /// it, as "Phần thứ nhất" / "TÌNH HÌNH …" is printed.
    pub fn own_line(&self) -> bool {
        self.pattern
            .as_deref()
            .is_some_and(|p| p.contains("{thu}") || p.contains("{THU}"))
    }

    /// The number of the `index`th numbered item (from 0) under a parent whose
    /// bare number is `parent` ("3.1"; "" at the top or under a part).
    pub fn label(&self, index: usize, parent: &str) -> String {
        let Some(pattern) = &self.pattern else {
            return String::new();
        };
        let n = index + 1;
        let pattern = if parent.is_empty() {
            // Under an unnumbered parent "1.1." reads "1.".
            pattern.replace("{cha}.", "").replace("{cha}", "")
        } else {
            pattern.replace("{cha}", parent)
        };
        let ordinal = ordinal(n);
        pattern
            .replace("{roman}", &roman(n as u32))
            .replace("{n}", &n.to_string())
            .replace("{chu}", &point_letter(index))
            .replace("{thu}", &ordinal)
            .replace("{THU}", &crate::locale::upper_vi(&ordinal))
    }

    /// The part of a label that the children's `{cha}` repeats: "3.1" of
    /// "3.1.", "2" of "(2)"; nothing for a bullet or a "Phần thứ …".
    pub fn bare(&self, label: &str) -> String {
        if self.own_line() || matches!(self.name.as_str(), "-" | "+") {
            return String::new();
        }
        bare(label).to_string()
    }
}

/// "3.1" of "3.1.", "IV" of "IV-", "2" of "(2)".
pub fn bare(label: &str) -> &str {
    label
        .trim_end_matches(['.', '-', ')', ' '])
        .trim_start_matches('(')
}

fn valid_pattern(s: &str) -> bool {
    let mut rest = s;
    let mut any = false;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            return false;
        };
        if !PLACEHOLDERS.contains(&&rest[open + 1..open + close]) {
            return false;
        }
        any = true;
        rest = &rest[open + close + 1..];
    }
    any && !rest.contains('}')
}

/// "nhất", "hai", "ba", "tư", …, "mười", "mười một": the ordinal words of
/// "Phần thứ nhất", "Phần thứ tư".
pub fn ordinal(n: usize) -> String {
    match n {
        1 => "nhất".to_string(),
        4 => "tư".to_string(),
        _ => crate::locale::whole_in_words(n as u32),
    }
}

/// Upper case, bold, italic and centring of a heading; unset values come from
/// the list, then the scheme's profile style.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Style {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_hoa: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dam: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nghieng: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub can_giua: Option<bool>,
}

impl Style {
    /// `self`, with what it leaves unset taken from `under`.
    pub fn over(self, under: Style) -> Style {
        Style {
            in_hoa: self.in_hoa.or(under.in_hoa),
            dam: self.dam.or(under.dam),
            nghieng: self.nghieng.or(under.nghieng),
            can_giua: self.can_giua.or(under.can_giua),
        }
    }
}

/// How a list of sections is numbered and styled: `"a)"`, or a table
/// `{ so = "I.", in_hoa = false }`; the table may leave `so` out to keep the
/// depth's scheme and only restyle it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListStyle {
    pub scheme: Option<Scheme>,
    pub style: Style,
}

/// A list's scheme (`so`, as the first number it prints) and heading style.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ListStyleTable")]
struct ListStyleRepr {
    #[serde(default)]
    so: Option<String>,
    #[serde(default)]
    in_hoa: Option<bool>,
    #[serde(default)]
    dam: Option<bool>,
    #[serde(default)]
    nghieng: Option<bool>,
    #[serde(default)]
    can_giua: Option<bool>,
}

fn scheme<E: de::Error>(s: &str) -> Result<Scheme, E> {
    // Composed first, so "Phần thứ nhất" typed in NFD is still the named scheme.
    let s = super::Text::new(s);
    let s = s.as_str();
    Scheme::parse(s).ok_or_else(|| {
        crate::parsing::ValueProblem::NotAScheme {
            value: s.to_string(),
        }
        .raise()
    })
}

impl schemars::JsonSchema for ListStyle {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ListStyle".into()
    }
    fn json_schema(gen: &mut schemars::SchemaGenerator) -> schemars::Schema {
        super::schema::any_of(
            "A numbering scheme such as \"a)\", or a table { so = \"I.\", in_hoa = false }",
            vec![
                super::schema::string(&format!("A numbering scheme: {EXPECTED}")),
                gen.subschema_for::<ListStyleRepr>(),
            ],
        )
    }
}

impl<'de> Deserialize<'de> for ListStyle {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ListStyle;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                crate::parsing::Described::NumberingScheme.write(f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ListStyle, E> {
                Ok(ListStyle {
                    scheme: Some(scheme(v)?),
                    style: Style::default(),
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ListStyle, A::Error> {
                let r = ListStyleRepr::deserialize(MapAccessDeserializer::new(map))?;
                Ok(ListStyle {
                    scheme: r.so.as_deref().map(scheme).transpose()?,
                    style: Style {
                        in_hoa: r.in_hoa,
                        dam: r.dam,
                        nghieng: r.nghieng,
                        can_giua: r.can_giua,
                    },
                })
            }
        }
        d.deserialize_any(V)
    }
}

impl Serialize for ListStyle {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        if let Some(scheme) = &self.scheme {
            m.serialize_entry("so", &scheme.name)?;
        }
        for (key, value) in [
            ("in_hoa", self.style.in_hoa),
            ("dam", self.style.dam),
            ("nghieng", self.style.nghieng),
            ("can_giua", self.style.can_giua),
        ] {
            if let Some(v) = value {
                m.serialize_entry(key, &v)?;
            }
        }
        m.end()
    }
}

/// A heading's style with nothing left unset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    pub in_hoa: bool,
    pub dam: bool,
    pub nghieng: bool,
    pub can_giua: bool,
}

/// The scheme and style a list of sections at `depth` (0 for the body's parts)
/// is printed in. The scheme: the parent's `kieu_muc`, else the document's
/// `kieu_so` for the depth, else the profile's pattern for the depth. The
/// style, key by key: the list's own keys, then the document's for the depth,
/// then the profile's for the scheme (`[muc.kieu]` by name, else the depth
/// whose pattern it is), then the profile's for the depth. So a scheme keeps
/// its look wherever it is used: "a)" under "2." is upright like any "a)".
pub fn list_format(
    headings: &crate::profile::Headings,
    document: &[ListStyle],
    chosen: Option<&ListStyle>,
    depth: usize,
) -> (Scheme, Style) {
    let at = |v: &Vec<bool>, d: usize| v.get(d.min(v.len().saturating_sub(1))).copied();
    let depth_style = |d: usize| Style {
        in_hoa: at(&headings.in_hoa, d),
        dam: at(&headings.dam, d),
        nghieng: at(&headings.nghieng, d),
        can_giua: Some(false),
    };
    let by_document = document.get(depth);
    let scheme = chosen
        .and_then(|l| l.scheme.clone())
        .or_else(|| by_document.and_then(|l| l.scheme.clone()))
        .unwrap_or_else(|| {
            let patterns = &headings.so;
            Scheme::from_pattern(&patterns[depth.min(patterns.len() - 1)])
        });
    let profile_style = headings
        .kieu
        .iter()
        .find(|(name, _)| Scheme::parse(name).is_some_and(|s| s.name == scheme.name))
        .map(|(_, style)| *style)
        .or_else(|| {
            let pattern = scheme.pattern.as_deref()?;
            let d = headings.so.iter().position(|p| p == pattern)?;
            Some(depth_style(d))
        })
        .unwrap_or_default();
    // The document's style for the depth goes with its scheme, not with one
    // a parent chose instead.
    let document_style = match chosen.and_then(|l| l.scheme.as_ref()) {
        Some(_) => Style::default(),
        None => by_document.map(|l| l.style).unwrap_or_default(),
    };
    let style = chosen
        .map(|l| l.style)
        .unwrap_or_default()
        .over(document_style)
        .over(profile_style)
        .over(depth_style(depth));
    (scheme, style)
}

impl Style {
    /// Every key set, unset ones false.
    pub fn resolve(self) -> Resolved {
        Resolved {
            in_hoa: self.in_hoa.unwrap_or(false),
            dam: self.dam.unwrap_or(false),
            nghieng: self.nghieng.unwrap_or(false),
            can_giua: self.can_giua.unwrap_or(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(scheme: &str, index: usize, parent: &str) -> String {
        Scheme::parse(scheme).unwrap().label(index, parent)
    }

    #[test]
    fn each_scheme_numbers_as_it_is_written() {
        assert_eq!(label("I.", 3, ""), "IV.");
        assert_eq!(label("1.", 1, "II"), "2.");
        assert_eq!(label("1.1.", 2, "4"), "4.3.");
        assert_eq!(label("1.1.1.", 0, "4.1"), "4.1.1.");
        assert_eq!(label("1.1.", 0, ""), "1.");
        assert_eq!(label("a)", 5, "2"), "e)");
        assert_eq!(label("(1)", 3, "2"), "(4)");
        assert_eq!(label("-", 3, "2"), "-");
        assert_eq!(label("Phần thứ nhất", 0, ""), "Phần thứ nhất");
        assert_eq!(label("Phần thứ nhất", 1, ""), "Phần thứ hai");
        assert_eq!(label("Phần thứ nhất", 3, ""), "Phần thứ tư");
        assert_eq!(label("PHẦN THỨ NHẤT", 2, ""), "PHẦN THỨ BA");
        assert_eq!(label("Điều {n}.", 6, ""), "Điều 7.");
        assert_eq!(label("", 6, ""), "");
    }

    #[test]
    fn a_decomposed_part_scheme_is_still_named() {
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "Phần thứ nhất".nfd().collect();
        assert_ne!(nfd, "Phần thứ nhất");
        let l: ListStyle = serde_json::from_value(serde_json::Value::String(nfd)).unwrap();
        assert_eq!(l.scheme.unwrap().name, "Phần thứ nhất");
    }

    #[test]
    fn unknown_schemes_are_refused() {
        for bad in ["i.", "1)", "{x}.", "{n", "n}", "A."] {
            assert_eq!(Scheme::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn children_repeat_the_bare_number() {
        let s = Scheme::parse("(1)").unwrap();
        assert_eq!(s.bare("(2)"), "2");
        let s = Scheme::parse("1.1.").unwrap();
        assert_eq!(s.bare("3.1."), "3.1");
        let s = Scheme::parse("Phần thứ nhất").unwrap();
        assert_eq!(s.bare("Phần thứ nhất"), "");
        assert!(s.own_line());
    }
}
