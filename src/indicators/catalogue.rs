//! The catalogue of targets (chỉ tiêu) a resolution sets for the year.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::fields::Text;
use crate::problems::CatalogueProblem;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub nam: i32,
    #[serde(default)]
    pub nguon: Option<Text>,
    pub nhom: Vec<Group>,
}

/// A field of targets: Kinh tế; Văn hóa - Xã hội; …
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub ten: Text,
    pub chi_tieu: Vec<Target>,
}

/// The shape of a target decides how its figures are judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, strum::IntoStaticStr)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Shape {
    /// A value, higher is better.
    GiaTri,
    /// A percentage, higher is better.
    TyLe,
    /// At least (≥).
    ToiThieu,
    /// At most (≤): lower is better.
    ToiDa,
    /// A range: met inside, exceeded above.
    Khoang,
    /// Reduce by a percentage against the same period last year.
    Giam,
    /// A count out of a total (26/31 thôn).
    SoTrenTong,
    /// Several numbers in one item, each a sub-target.
    NhieuSo,
    /// Qualitative only.
    DinhTinh,
}

impl Shape {
    /// Only a range of a rate of change can fall below zero (poverty rose
    /// instead of falling); for a value, a rate or a count a negative number
    /// is a typing error, and judging it would print "đạt -125% kế hoạch".
    pub fn may_be_negative(self) -> bool {
        self == Shape::Khoang
    }
}

/// How the change against the same period is worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    /// "tăng 11,47%"
    PhanTram,
    /// "tăng 2,87 triệu đồng"
    TuyetDoi,
}

fn default_decimals() -> u32 {
    2
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Its number in the resolution: (1) … (26).
    pub stt: u32,
    pub ma: String,
    pub ten: Text,
    #[serde(default)]
    pub dvt: Text,
    pub dang: Shape,
    #[serde(default, deserialize_with = "super::number::optional")]
    pub ke_hoach: Option<Decimal>,
    #[serde(default, deserialize_with = "super::number::optional")]
    pub ke_hoach_tu: Option<Decimal>,
    #[serde(default, deserialize_with = "super::number::optional")]
    pub ke_hoach_den: Option<Decimal>,
    #[serde(default, deserialize_with = "super::number::optional")]
    pub tong: Option<Decimal>,
    /// The figure accumulates over the year, so a period is judged against
    /// the plan pro-rated to its months.
    #[serde(default)]
    pub luy_ke: bool,
    /// Decimals printed for the values (percentages use their own).
    #[serde(default = "default_decimals")]
    pub so_le: u32,
    /// Decimals of this target's percentages (% of plan, change against the
    /// same period); by default 1 and 2, as offices write "105,6%" and "tăng 11,47%".
    #[serde(default)]
    pub so_le_phan_tram: Option<u32>,
    /// How the change is worded; by default points for a rate, % otherwise.
    #[serde(default)]
    pub so_sanh_cung_ky: Option<Comparison>,
    /// The target as the resolution words it ("≥ 80%").
    #[serde(default)]
    pub mo_ta: Option<Text>,
    /// Components that make up the value (reported as indented rows).
    #[serde(default)]
    pub thanh_phan: Vec<Part>,
    /// The components are only "trong đó" (of which): a part of the value,
    /// so `vanban check` does not expect them to add up to it.
    #[serde(default)]
    pub trong_do: bool,
    /// Sub-targets of a `nhieu-so` item.
    #[serde(default)]
    pub muc_tieu: Vec<Part>,
}

/// A component or sub-target: judged like a value.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub ma: String,
    pub ten: Text,
    #[serde(default)]
    pub dvt: Text,
    #[serde(default, deserialize_with = "super::number::optional")]
    pub ke_hoach: Option<Decimal>,
    #[serde(default)]
    pub so_le: Option<u32>,
}

impl Catalogue {
    /// Checks what serde cannot: unique codes, and each shape's plan values.
    pub fn validate(&self) -> Result<(), CatalogueProblem> {
        let mut seen = std::collections::BTreeSet::new();
        for (g, group) in self.nhom.iter().enumerate() {
            for (i, t) in group.chi_tieu.iter().enumerate() {
                let at = format!("nhom[{g}].chi_tieu[{i}] (`{}`)", t.ma);
                let codes = std::iter::once(&t.ma)
                    .chain(t.thanh_phan.iter().map(|p| &p.ma))
                    .chain(t.muc_tieu.iter().map(|p| &p.ma));
                for code in codes {
                    if !code
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
                        || code.is_empty()
                    {
                        return Err(CatalogueProblem::BadCode {
                            at,
                            code: code.clone(),
                        });
                    }
                    if !seen.insert(code.clone()) {
                        return Err(CatalogueProblem::CodeTwice {
                            at,
                            code: code.clone(),
                        });
                    }
                }
                let need = |ok: bool, what: &'static str| {
                    if ok {
                        Ok(())
                    } else {
                        Err(CatalogueProblem::ShapeNeeds {
                            at: at.clone(),
                            shape: t.dang.into(),
                            needs: what,
                        })
                    }
                };
                if !t.dang.may_be_negative() {
                    let plans = [("ke_hoach", t.ke_hoach), ("tong", t.tong)]
                        .into_iter()
                        .chain(t.muc_tieu.iter().map(|m| ("muc_tieu.ke_hoach", m.ke_hoach)))
                        .chain(
                            t.thanh_phan
                                .iter()
                                .map(|m| ("thanh_phan.ke_hoach", m.ke_hoach)),
                        );
                    for (key, value) in plans {
                        if let Some(v) = value.filter(|v| v.is_sign_negative() && !v.is_zero()) {
                            return Err(CatalogueProblem::NegativePlan {
                                at,
                                key,
                                value: v.to_string(),
                            });
                        }
                    }
                }
                match t.dang {
                    Shape::GiaTri | Shape::TyLe | Shape::ToiThieu | Shape::ToiDa | Shape::Giam => {
                        need(t.ke_hoach.is_some(), "`ke_hoach`")?
                    }
                    Shape::SoTrenTong => need(
                        t.ke_hoach.is_some() && t.tong.is_some(),
                        "`ke_hoach` and `tong`",
                    )?,
                    Shape::Khoang => need(
                        matches!((t.ke_hoach_tu, t.ke_hoach_den), (Some(a), Some(b)) if a <= b),
                        "`ke_hoach_tu` ≤ `ke_hoach_den`",
                    )?,
                    Shape::NhieuSo => need(
                        !t.muc_tieu.is_empty() && t.muc_tieu.iter().all(|m| m.ke_hoach.is_some()),
                        "`muc_tieu` entries, each with `ke_hoach`",
                    )?,
                    Shape::DinhTinh => {}
                }
            }
        }
        Ok(())
    }

    /// Every code with its display name, for lookups and suggestions.
    pub fn codes(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for g in &self.nhom {
            for t in &g.chi_tieu {
                out.push(t.ma.as_str());
                out.extend(t.thanh_phan.iter().map(|p| p.ma.as_str()));
                out.extend(t.muc_tieu.iter().map(|p| p.ma.as_str()));
            }
        }
        out
    }
}
