//! Dấu chỉ dẫn: the marks a document carries besides its text (NĐ 30 Phụ lục I
//! ô 10a–12; HD 36 ô 10a–11b): độ mật (the secrecy grade), độ khẩn (the
//! urgency grade), the circulation notes (chỉ dẫn phạm vi lưu hành) and the
//! draft marker (dự thảo). The document names the meaning; the profile gives
//! the printed words, sizes, frames and places, which the rules word
//! differently ("HỎA TỐC" / "HOẢ TỐC").

use serde::{Deserialize, Serialize};

/// Độ mật: how secret the content is (Luật Bảo vệ bí mật nhà nước 2018).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Secrecy {
    Mat,
    ToiMat,
    TuyetMat,
}

/// Độ khẩn: how fast it must be handled.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Urgency {
    Khan,
    ThuongKhan,
    HoaToc,
}

/// Chỉ dẫn phạm vi lưu hành: who may keep or read the copy.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Circulation {
    XemXongTraLai,
    TaiLieuHoiNghi,
    XongHoiNghiTraLai,
    LuuHanhNoiBo,
}

/// `du_thao = true` ("Dự thảo") or `du_thao = 2` ("Dự thảo lần 2").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub enum Draft {
    /// `du_thao = false`: the same as leaving the key out.
    #[default]
    No,
    Yes,
    Round(u32),
}

impl Draft {
    pub fn is_draft(self) -> bool {
        self != Draft::No
    }
}

impl schemars::JsonSchema for Draft {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Draft".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Dự thảo: true, or the draft's round (du_thao = 2)",
            "anyOf": [{ "type": "boolean" }, { "type": "integer", "minimum": 1, "maximum": 99 }]
        })
    }
}

impl<'de> Deserialize<'de> for Draft {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, Visitor};
        struct V;
        impl Visitor<'_> for V {
            type Value = Draft;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                crate::parsing::Described::DraftRound.write(f)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Draft, E> {
                Ok(if v { Draft::Yes } else { Draft::No })
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Draft, E> {
                match u32::try_from(v) {
                    Ok(n) if (1..=99).contains(&n) => Ok(Draft::Round(n)),
                    _ => Err(crate::parsing::ValueProblem::NotADraftRound { value: v }.raise()),
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Draft, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
        d.deserialize_any(V)
    }
}

/// The marks of one document (its `do_mat`, `do_khan`, `du_thao`, `luu_hanh`).
#[derive(Debug, Clone, Default)]
pub struct Marks {
    pub do_mat: Option<Secrecy>,
    pub do_khan: Option<Urgency>,
    pub du_thao: Draft,
    pub luu_hanh: Vec<Circulation>,
}

/// One mark to print: its group (the profile's table under `[chi_dan]`), its
/// key in the profile's `chu` table, and the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// "do_mat", "do_khan", "luu_hanh" or "du_thao".
    pub nhom: &'static str,
    /// "toi-mat", "hoa-toc", "du-thao-lan" …
    pub khoa: String,
}

impl Marks {
    pub fn is_empty(&self) -> bool {
        self.do_mat.is_none()
            && self.do_khan.is_none()
            && !self.du_thao.is_draft()
            && self.luu_hanh.is_empty()
    }

    /// The marks in reading order (draft, secrecy, urgency, circulation): the
    /// order of ô 10a, 10b, 11 under one another where they share a place.
    pub fn list(&self) -> Vec<Mark> {
        let mut out = Vec::new();
        match self.du_thao {
            Draft::No => {}
            Draft::Yes => out.push(mark("du_thao", "du-thao")),
            Draft::Round(_) => out.push(mark("du_thao", "du-thao-lan")),
        }
        if let Some(s) = self.do_mat {
            out.push(mark("do_mat", s.into()));
        }
        if let Some(u) = self.do_khan {
            out.push(mark("do_khan", u.into()));
        }
        for c in &self.luu_hanh {
            out.push(mark("luu_hanh", (*c).into()));
        }
        out
    }
}

fn mark(nhom: &'static str, khoa: &'static str) -> Mark {
    Mark {
        nhom,
        khoa: khoa.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_is_true_or_a_round() {
        #[derive(Deserialize)]
        struct T {
            du_thao: Draft,
        }
        let d = |s: &str| toml::from_str::<T>(s).map(|t| t.du_thao);
        assert_eq!(d("du_thao = true").unwrap(), Draft::Yes);
        assert_eq!(d("du_thao = false").unwrap(), Draft::No);
        assert_eq!(d("du_thao = 2").unwrap(), Draft::Round(2));
        assert!(d("du_thao = 0").is_err());
        assert!(d("du_thao = \"2\"").is_err());
    }

    #[test]
    fn marks_list_in_reading_order() {
        let m = Marks {
            do_mat: Some(Secrecy::ToiMat),
            do_khan: Some(Urgency::HoaToc),
            du_thao: Draft::Round(2),
            luu_hanh: vec![Circulation::XemXongTraLai],
        };
        let keys: Vec<_> = m.list().into_iter().map(|m| m.khoa).collect();
        assert_eq!(
            keys,
            ["du-thao-lan", "toi-mat", "hoa-toc", "xem-xong-tra-lai"]
        );
    }
}
