//! Bản sao: a copy of a document issued by a body (NĐ 30 Điều 25–27; HD 36
//! "BS"): SAO Y (the whole, from the original or a main copy), SAO LỤC (the
//! whole, from a copy) or TRÍCH SAO (a part). The copied content prints as
//! the original has it; the copy block (form, copying body, the copy's own
//! number, place and date, signature, Nơi nhận) follows it under a rule
//! across the text width.

use serde::{Deserialize, Serialize};

use super::{Recipients, Signature};
use crate::fields::{IssueDate, Text};

/// Hình thức sao.
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
pub enum CopyForm {
    SaoY,
    SaoLuc,
    TrichSao,
}

impl CopyForm {
    /// The key in documents and profiles: "sao-y".
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// `[ban_sao]`: who copies, under which number, signed by whom.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CopyOrder {
    pub hinh_thuc: CopyForm,
    #[serde(default)]
    pub co_quan_cap_tren: Option<Text>,
    /// The copying body (it may differ from the original's issuer).
    pub co_quan_ban_hanh: Text,
    pub ma_co_quan: Text,
    /// The copy's number in the copying body's yearly sequence of copies;
    /// absent, blank room is left for it.
    #[serde(default)]
    pub so: Option<u32>,
    pub dia_danh: Text,
    pub ngay: IssueDate,
    pub ky: Signature,
    pub noi_nhan: Recipients,
    /// A trích sao's kept parts: the positions (from 1) of the parts of
    /// `noi_dung` it reproduces. The others are left out, and the kept ones
    /// keep the numbers they have in the original ("II.", "Điều 3.").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub giu: Vec<u32>,
}

impl CopyOrder {
    /// Whether the part of `noi_dung` at `index` (from 0) is printed.
    pub fn keeps(&self, index: usize) -> bool {
        self.giu.is_empty() || self.giu.iter().any(|&p| p as usize == index + 1)
    }
}
