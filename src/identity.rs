//! Who a document is: thể thức, kind, type code, issuing body, number, date,
//! trích yếu, and how its number and symbol are written. The PDF prints it
//! ("Số 07-NQ/ĐU"), derives its identifier from it, and the register files the
//! document under it; all of them take it from here.
//!
//! The symbol pattern is the profile's `dau.mau_so` ("Số {so}-{loai}/{co_quan}");
//! [`fill`] is the only place it is filled in.

use chrono::NaiveDate;
use serde::Serialize;

use crate::kinds::{Kind, Period};
use crate::locale::doc_number;
use crate::model::{Document, TheThuc};
use crate::profile::Profile;

/// The placeholder of the number in `dau.mau_so`; the symbol pattern of the
/// register starts there.
pub const NUMBER: &str = "{so}";

#[derive(Debug, Clone, Serialize)]
pub struct Identity {
    pub the_thuc: TheThuc,
    /// The kind's key ("nghi-quyet").
    pub kind: String,
    /// The kind in sentence case: "Nghị quyết".
    pub kind_sentence: String,
    /// The type code of the symbol, from the kind's declaration: "NQ", "BC",
    /// "QĐ"; empty when the symbol has none (state công văn).
    pub type_code: String,
    /// The drafting unit's code (`{don_vi}`), when the document gives one.
    pub unit_code: String,
    /// The number sequence's name: the type code, or a sequence the kind
    /// shares with others (its declaration's `danh_so.day`).
    pub sequence_name: String,
    /// Over what the numbers run, when the kind says; else the thể thức's.
    pub period: Option<Period>,
    /// The issuing body's code: "ĐU", "UBND".
    pub body_code: String,
    /// The issuing body's name as written: "Đảng ủy xã Vũ Quang".
    pub issuer: String,
    /// None for a draft.
    pub number: Option<u32>,
    pub date: NaiveDate,
    /// The trích yếu, its lines joined by spaces.
    pub summary: String,
    /// The profile's number pattern from `{so}` on: "{so}-{loai}/{co_quan}"
    /// (Party), "{so}/{loai}-{co_quan}" (state); None when the profile's
    /// pattern has no number (it prints, but the register cannot number it).
    pub pattern: Option<String>,
    /// The printed number line: "Số 07-NQ/ĐU", "Số: 85/BC-UBND"; a draft
    /// keeps blank room for the number.
    pub printed: String,
    /// What the PDF identifier is derived from: printed number and ISO date.
    pub ident: String,
}

impl Identity {
    /// The identity of `doc` (fragments evaluated) of `kind` under `profile`.
    pub fn new(doc: &Document, profile: &Profile, kind: &Kind) -> Self {
        let mau = kind.decl.mau_so.as_ref().unwrap_or(&profile.dau.mau_so);
        let unit = doc.ma_don_vi.as_deref().unwrap_or("");
        // A joint document has its own codes ("KHLT", "UBND-MTTQ") and so
        // its own sequence.
        let (type_code, body_code, sequence_name) = match &doc.lien_tich {
            Some(co) => {
                let (t, b) = crate::forms::joint_codes(
                    &kind.decl.ma,
                    &doc.ma_co_quan,
                    &co.ma_co_quan,
                    &profile.lien_tich,
                );
                let sequence = if t.is_empty() {
                    kind.sequence_name().to_string()
                } else {
                    t.clone()
                };
                (t, b, sequence)
            }
            None => (
                kind.decl.ma.clone(),
                doc.ma_co_quan.to_string(),
                kind.sequence_name().to_string(),
            ),
        };
        let printed = fill(mau, &doc_number(doc.so), &type_code, &body_code, unit);
        let date = doc.ngay_ban_hanh.0;
        let mut ident = format!("{printed} {}", date.format("%Y-%m-%d"));
        // A copy is a document of its own: its identifier names it too, so
        // the original and each copy have PDF identifiers of their own.
        if let Some(order) = &doc.ban_sao {
            let code = profile
                .ban_sao
                .as_ref()
                .and_then(|s| s.ma.get(order.hinh_thuc.key()))
                .map_or("", String::as_str);
            let copy = fill(
                &profile.dau.mau_so,
                &doc_number(order.so),
                code,
                &order.ma_co_quan,
                "",
            );
            ident = format!("{ident} {copy} {}", order.ngay.0.format("%Y-%m-%d"));
        }
        Identity {
            the_thuc: doc.the_thuc,
            kind: kind.key.clone(),
            kind_sentence: kind.sentence_name(),
            type_code,
            unit_code: unit.to_string(),
            sequence_name,
            period: kind.decl.danh_so.theo,
            body_code,
            issuer: doc.co_quan_ban_hanh.to_string(),
            number: doc.so,
            date,
            summary: doc
                .trich_yeu
                .0
                .iter()
                .map(|t| t.as_str().trim())
                .collect::<Vec<_>>()
                .join(" "),
            pattern: symbol_pattern(mau).map(str::to_string),
            ident,
            printed,
        }
    }

    /// Number and symbol as printed, without "Số": "07-NQ/ĐU", "85/BC-UBND".
    pub fn number_symbol(&self, number: u32) -> String {
        self.fill(&doc_number(Some(number)))
    }

    /// The document's own number and symbol, a draft's with blank room for
    /// the number: what "Kèm theo … số …" quotes.
    pub fn own_number_symbol(&self) -> String {
        self.fill(&doc_number(self.number)).trim().to_string()
    }

    /// The symbol alone: "NQ/ĐU", "BC-UBND".
    pub fn symbol(&self) -> String {
        let filled = self.fill("");
        filled
            .trim_matches(|c: char| c == '-' || c == '/' || c.is_whitespace())
            .to_string()
    }

    fn fill(&self, number: &str) -> String {
        let pattern = self.pattern.as_deref().unwrap_or(NUMBER);
        fill(
            pattern,
            number,
            &self.type_code,
            &self.body_code,
            &self.unit_code,
        )
    }

    /// The archived file's stable name, without extension, ASCII only:
    /// "2025-12-30_07-NQ-DU". The same for Party and state documents, so the
    /// files of one archive sort by date.
    pub fn stable_name(&self, number: u32) -> String {
        format!(
            "{}_{number:02}-{}-{}",
            self.date.format("%Y-%m-%d"),
            crate::archive::numbering::ascii_name(if self.type_code.is_empty() {
                &self.sequence_name
            } else {
                &self.type_code
            }),
            crate::archive::numbering::ascii_name(&self.body_code)
        )
    }

    /// The kind in sentence case: "Nghị quyết".
    pub fn kind_name(&self) -> String {
        self.kind_sentence.clone()
    }
}

/// A number pattern filled in: `{so}` by `number` (already written, "07"),
/// `{loai}` by the type code, `{co_quan}` by the issuing body's code,
/// `{don_vi}` by the drafting unit's. An empty code takes the "-" or "/"
/// before it along ("Số: 12/UBND" when no unit is given).
pub fn fill(pattern: &str, number: &str, type_code: &str, body_code: &str, unit: &str) -> String {
    let mut out = pattern.to_string();
    for (key, value) in [("{loai}", type_code), ("{don_vi}", unit)] {
        if value.is_empty() {
            for joined in ["-", "/"] {
                out = out.replace(&format!("{joined}{key}"), "");
                out = out.replace(&format!("{key}{joined}"), "");
            }
        }
        out = out.replace(key, value);
    }
    out.replace(NUMBER, number).replace("{co_quan}", body_code)
}

/// The pattern of the number and symbol in `mau_so`, from `{so}` on, without
/// trailing space: "{so}-{loai}/{co_quan}".
pub fn symbol_pattern(mau_so: &str) -> Option<&str> {
    mau_so.find(NUMBER).map(|i| mau_so[i..].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_is_filled_in_one_way() {
        assert_eq!(
            fill("Số {so}-{loai}/{co_quan}", "07", "NQ", "ĐU", ""),
            "Số 07-NQ/ĐU"
        );
        let cong_van = "Số: {so}/{co_quan}-{don_vi}";
        assert_eq!(fill(cong_van, "12", "", "UBND", "VP"), "Số: 12/UBND-VP");
        assert_eq!(fill(cong_van, "12", "", "UBND", ""), "Số: 12/UBND");
        assert_eq!(
            symbol_pattern("Số: {so}/{loai}-{co_quan} "),
            Some("{so}/{loai}-{co_quan}")
        );
        assert_eq!(symbol_pattern("Số {loai}"), None);
    }
}
