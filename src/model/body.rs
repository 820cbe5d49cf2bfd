//! The body (nội dung) of a document: numbered parts holding paragraphs.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::numbering::{ListStyle, Style};
use crate::fields::Text;
use crate::parsing::{Described, ValueProblem};

/// A section of the body. Its number (I., 1., 3.1., a)) comes from its list's
/// scheme and its position, so a clerk never types or re-types a number; `so`
/// overrides it, and `so = ""` leaves it unnumbered and uncounted.
/// Without `tieu_de` the section is a numbered paragraph ("1. Các cấp ủy …").
#[derive(Debug, Clone, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    #[serde(default)]
    pub so: Option<Text>,
    #[serde(default)]
    pub tieu_de: Option<Text>,
    #[serde(default)]
    pub doan: Vec<Paragraph>,
    #[serde(default)]
    pub muc: Vec<Section>,
    /// Paragraphs after the sub-sections.
    #[serde(default)]
    pub doan_cuoi: Vec<Paragraph>,
    /// The scheme and style of the sub-sections (`muc`): `"a)"`, `"(1)"`, …
    #[serde(default)]
    pub kieu_muc: Option<ListStyle>,
    /// This heading's own style, over its list's.
    #[serde(default)]
    pub in_hoa: Option<bool>,
    #[serde(default)]
    pub dam: Option<bool>,
    #[serde(default)]
    pub nghieng: Option<bool>,
    #[serde(default)]
    pub can_giua: Option<bool>,
    /// Whether the heading runs into the first paragraph ("1.1. Về kinh tế:
    /// Đảng ủy …"); by default it does when `tieu_de` ends with ":" and the
    /// first paragraph is not a bullet.
    #[serde(default)]
    pub chay_lien: Option<bool>,
}

/// One step of a walk through the body's sections, in reading order.
#[derive(Debug, Clone, Copy)]
pub enum Step<'a> {
    /// A section begins: its number, heading and first paragraphs (`doan`)
    /// come here, before its sub-sections.
    Open {
        /// Its depth, 0 for a part of `noi_dung`.
        depth: usize,
        /// Its position among its siblings, from 0.
        index: usize,
        section: &'a Section,
    },
    /// After its sub-sections: its closing paragraphs (`doan_cuoi`).
    Close { depth: usize, section: &'a Section },
}

/// Walks `sections` (the body, `noi_dung`) depth first, in reading order;
/// [`Walk::path`] is the field path of the current section.
pub fn walk<'a>(base: &str, sections: &'a [Section]) -> Walk<'a> {
    Walk {
        base: base.to_string(),
        stack: sections
            .iter()
            .enumerate()
            .rev()
            .map(|(index, section)| Pending {
                open: true,
                depth: 0,
                index,
                section,
            })
            .collect(),
        path: Vec::new(),
    }
}

/// The iterator of [`walk`].
pub struct Walk<'a> {
    base: String,
    stack: Vec<Pending<'a>>,
    /// The index of each section from the top down to the current one.
    path: Vec<usize>,
}

struct Pending<'a> {
    open: bool,
    depth: usize,
    index: usize,
    section: &'a Section,
}

impl Walk<'_> {
    /// The field path of the section the last step was about:
    /// `noi_dung[2].muc[0]`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for (level, i) in self.path.iter().enumerate() {
            if level == 0 {
                out.push_str(&format!("{}[{i}]", self.base));
            } else {
                out.push_str(&format!(".muc[{i}]"));
            }
        }
        out
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = Step<'a>;

    fn next(&mut self) -> Option<Step<'a>> {
        let p = self.stack.pop()?;
        self.path.truncate(p.depth);
        self.path.push(p.index);
        if !p.open {
            return Some(Step::Close {
                depth: p.depth,
                section: p.section,
            });
        }
        self.stack.push(Pending { open: false, ..p });
        self.stack.extend(
            p.section
                .muc
                .iter()
                .enumerate()
                .rev()
                .map(|(index, section)| Pending {
                    open: true,
                    depth: p.depth + 1,
                    index,
                    section,
                }),
        );
        Some(Step::Open {
            depth: p.depth,
            index: p.index,
            section: p.section,
        })
    }
}

impl Section {
    /// The style keys set on this section itself.
    pub fn own_style(&self) -> Style {
        Style {
            in_hoa: self.in_hoa,
            dam: self.dam,
            nghieng: self.nghieng,
            can_giua: self.can_giua,
        }
    }
}

/// What starts a paragraph: nothing, a dash "-" or a plus "+" (the two bullet levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Marker {
    None,
    Dash,
    Plus,
}

/// A paragraph: a plain string, `{ gach = "…" }` / `{ cong = "…" }` for bullets,
/// or `{ manh = "ten" }` for a named narrative fragment (optionally with `gach`
/// or `cong` set to `""` to mark it). The bullet is structure, not text: a plain
/// paragraph that happens to start with "- " prints exactly as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub marker: Marker,
    pub text: Text,
    /// The name of the fragment this paragraph is (then `text` is empty).
    pub fragment: Option<String>,
    /// `{ bang = "ten" }`: the named table printed here (then `text` is empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
}

/// A paragraph written as a table: a bullet, a fragment or a table's place.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "ParagraphTable")]
struct BulletRepr {
    #[serde(default)]
    gach: Option<Text>,
    #[serde(default)]
    cong: Option<Text>,
    #[serde(default)]
    manh: Option<Text>,
    #[serde(default)]
    bang: Option<Text>,
}

impl schemars::JsonSchema for Paragraph {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Paragraph".into()
    }
    fn json_schema(gen: &mut schemars::SchemaGenerator) -> schemars::Schema {
        super::schema::any_of(
            "A paragraph: a string, or { gach = \"…\" } (\"-\"), { cong = \"…\" } (\"+\"), { manh = \"ten\" } (a fragment), { bang = \"ten\" } (a table)",
            vec![
                super::schema::string("A plain paragraph, in the inline notation"),
                gen.subschema_for::<BulletRepr>(),
            ],
        )
    }
}

impl<'de> Deserialize<'de> for Paragraph {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Paragraph;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                Described::Paragraph.write(f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Paragraph, E> {
                Ok(Paragraph {
                    marker: Marker::None,
                    text: Text::new(v),
                    fragment: None,
                    table: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Paragraph, A::Error> {
                let repr = BulletRepr::deserialize(MapAccessDeserializer::new(map))?;
                if let Some(name) = repr.bang {
                    if repr.gach.is_some() || repr.cong.is_some() || repr.manh.is_some() {
                        return Err(ValueProblem::TableTakesNoText.raise());
                    }
                    return Ok(Paragraph {
                        marker: Marker::None,
                        text: Text::default(),
                        fragment: None,
                        table: Some(name.to_string()),
                    });
                }
                let fragment = repr.manh.map(|t| t.to_string());
                let (marker, text) = match (repr.gach, repr.cong) {
                    (Some(text), None) => (Marker::Dash, text),
                    (None, Some(text)) => (Marker::Plus, text),
                    (None, None) if fragment.is_some() => (Marker::None, Text::default()),
                    _ => return Err(ValueProblem::ParagraphMarker.raise()),
                };
                if fragment.is_some() && !text.is_empty() {
                    return Err(ValueProblem::FragmentTakesNoText.raise());
                }
                Ok(Paragraph {
                    marker,
                    text,
                    fragment,
                    table: None,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod walk_tests {
    use super::*;

    fn section(title: &str, muc: Vec<Section>) -> Section {
        Section {
            tieu_de: Some(Text::new(title)),
            muc,
            ..Section::default()
        }
    }

    #[test]
    fn the_walk_opens_and_closes_in_reading_order_with_paths() {
        let body = vec![
            section("A", vec![section("A1", vec![]), section("A2", vec![])]),
            section("B", vec![]),
        ];
        let mut walk = walk("noi_dung", &body);
        let mut seen = Vec::new();
        while let Some(step) = walk.next() {
            let (what, depth, s) = match step {
                Step::Open { depth, section, .. } => ("open", depth, section),
                Step::Close { depth, section } => ("close", depth, section),
            };
            let title = s.tieu_de.as_deref().unwrap_or("").to_string();
            seen.push(format!("{what} {title} {depth} {}", walk.path()));
        }
        assert_eq!(
            seen,
            [
                "open A 0 noi_dung[0]",
                "open A1 1 noi_dung[0].muc[0]",
                "close A1 1 noi_dung[0].muc[0]",
                "open A2 1 noi_dung[0].muc[1]",
                "close A2 1 noi_dung[0].muc[1]",
                "close A 0 noi_dung[0]",
                "open B 0 noi_dung[1]",
                "close B 0 noi_dung[1]",
            ]
        );
    }
}
