//! Appendices (phụ lục) after the signature: the indicator table of a report,
//! or free content (paragraphs and tables). Each has its label ("Phụ lục",
//! or "Phụ lục I", "Phụ lục II" … when there are several, as the profile
//! numbers them), its title, the "(Kèm theo …)" line naming the document it
//! goes with, and its own pages.

use std::path::Path;

use serde::Serialize;

use crate::context::{self, Block};
use crate::error::Error;
use crate::indicators::{self, table::TableRow};
use crate::locale::{numeric_date, roman};
use crate::model::{Document, Orientation};
use crate::profile::Profile;

/// What `kinds/phu-luc.typ` receives for one appendix.
#[derive(Debug, Serialize)]
pub struct AppendixContext {
    /// "chi-tieu" (the indicator table) or "noi-dung" (paragraphs and tables).
    pub kind: &'static str,
    /// "I", "2" …; none when the document has one appendix.
    pub so: Option<String>,
    pub ngang: bool,
    pub tieu_de: Vec<String>,
    /// "(Kèm theo Báo cáo số 15-BC/ĐU ngày 18/3/2026 của …)"
    pub kem_theo: String,
    /// Lines under it, as typed: "(tính đến ngày 15/9/2025)".
    pub ghi_chu: Vec<String>,
    /// Whether the issuing body's header block opens the appendix.
    pub dau: bool,
    /// The indicator table's columns and rows (kind "chi-tieu").
    pub cot: Vec<String>,
    pub hang: Vec<TableRow>,
    /// Paragraphs and tables (kind "noi-dung").
    pub blocks: Vec<Block>,
}

/// The "(Kèm theo …)" line. A draft has no number and no day yet: both are
/// left blank, as on the document's own date line, to be written in at signing.
pub fn attached_to(doc: &Document, kind: &str, number: &str) -> String {
    let number = number
        .trim_start_matches("Số:")
        .trim_start_matches("Số")
        .trim();
    let d = doc.ngay_ban_hanh.0;
    let date = numeric_date(d);
    let date = match doc.so {
        Some(_) => date,
        // "dd/m/yyyy": the day is the two characters before the first "/".
        None => format!("\u{a0}\u{a0}\u{a0}{}", &date[2..]),
    };
    format!(
        "(Kèm theo {kind} số {number} ngày {date} của {})",
        doc.co_quan_ban_hanh
    )
}

/// The appendices of `doc`, in order.
pub fn build(
    doc: &Document,
    file: &Path,
    evaluation: Option<&indicators::Evaluation>,
    profile: &Profile,
    identity: &crate::identity::Identity,
) -> Result<Vec<AppendixContext>, Error> {
    let list = &doc.phu_luc.list;
    let kem_theo = attached_to(doc, &identity.kind_sentence, &identity.printed);
    list.iter()
        .enumerate()
        .map(|(i, a)| {
            let field = doc.phu_luc.field(i);
            let so = (list.len() > 1).then(|| {
                profile
                    .bang
                    .so_phu_luc
                    .replace("{roman}", &roman(i as u32 + 1))
                    .replace("{n}", &(i + 1).to_string())
            });
            let mut out = AppendixContext {
                kind: "noi-dung",
                so,
                ngang: a.huong == Orientation::Landscape,
                tieu_de: a.tieu_de.0.iter().map(|t| t.to_string()).collect(),
                kem_theo: kem_theo.clone(),
                ghi_chu: a.ghi_chu.0.iter().map(|t| t.to_string()).collect(),
                dau: a.dau_van_ban.unwrap_or(profile.bang.phu_luc_dau),
                cot: Vec::new(),
                hang: Vec::new(),
                blocks: Vec::new(),
            };
            match &a.noi_dung {
                Some(paragraphs) => context::push_paragraphs(
                    &mut out.blocks,
                    &format!("{field}.noi_dung"),
                    paragraphs,
                    profile,
                    None,
                ),
                None => {
                    let Some(eval) = evaluation else {
                        return Err(Error::Invalid {
                            file: file.to_path_buf(),
                            field,
                            problem: crate::problems::Invalid::AppendixNeedsFigures,
                        });
                    };
                    out.kind = "chi-tieu";
                    out.cot = indicators::table::COLUMNS
                        .iter()
                        .map(|c| c.to_string())
                        .collect();
                    out.hang = indicators::table::rows(eval);
                }
            }
            Ok(out)
        })
        .collect()
}
