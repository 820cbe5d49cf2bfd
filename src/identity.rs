//! Who a document is: thể thức, kind, type code, issuing body, number, date,
//! trích yếu, and how its number and symbol are written. The PDF prints it
//! ("Số 07-NQ/ĐU"), derives its identifier from it, and the register files the
//! document under it; all of them take it from here.
//!
//! The symbol pattern is the profile's `dau.mau_so` ("Số {so}-{loai}/{co_quan}");
//! [`fill`] is the only place it is filled in.

use chrono::NaiveDate;
use serde::Serialize;

use crate::locale::doc_number;
use crate::model::{Document, Kind, TheThuc};
use crate::profile::Profile;

/// The placeholder of the number in `dau.mau_so`; the symbol pattern of the
/// register starts there.
pub const NUMBER: &str = "{so}";

#[derive(Debug, Clone, Serialize)]
pub struct Identity {
    pub the_thuc: TheThuc,
    pub kind: Kind,
    /// The type code of the symbol, from the profile: "NQ", "BC", "QĐ".
    pub type_code: String,
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
    /// The identity of `doc` (fragments evaluated) under `profile`, whose
    /// type code for the document's kind is `type_code`.
    pub fn new(doc: &Document, profile: &Profile, type_code: &str) -> Self {
        let mau = &profile.dau.mau_so;
        let printed = fill(mau, &doc_number(doc.so), type_code, &doc.ma_co_quan);
        let date = doc.ngay_ban_hanh.0;
        Identity {
            the_thuc: doc.the_thuc,
            kind: doc.loai,
            type_code: type_code.to_string(),
            body_code: doc.ma_co_quan.to_string(),
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
            ident: format!("{printed} {}", date.format("%Y-%m-%d")),
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
        fill(pattern, number, &self.type_code, &self.body_code)
    }

    /// The archived file's stable name, without extension, ASCII only:
    /// "2025-12-30_07-NQ-DU". The same for Party and state documents, so the
    /// files of one archive sort by date.
    pub fn stable_name(&self, number: u32) -> String {
        format!(
            "{}_{number:02}-{}-{}",
            self.date.format("%Y-%m-%d"),
            crate::archive::numbering::ascii_name(&self.type_code),
            crate::archive::numbering::ascii_name(&self.body_code)
        )
    }

    /// The kind in sentence case: "Nghị quyết".
    pub fn kind_name(&self) -> String {
        self.kind.sentence_name()
    }
}

/// A number pattern filled in: `{so}` by `number` (already written, "07"),
/// `{loai}` by the type code, `{co_quan}` by the issuing body's code.
pub fn fill(pattern: &str, number: &str, type_code: &str, body_code: &str) -> String {
    pattern
        .replace(NUMBER, number)
        .replace("{loai}", type_code)
        .replace("{co_quan}", body_code)
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
            fill("Số {so}-{loai}/{co_quan}", "07", "NQ", "ĐU"),
            "Số 07-NQ/ĐU"
        );
        assert_eq!(
            symbol_pattern("Số: {so}/{loai}-{co_quan} "),
            Some("{so}/{loai}-{co_quan}")
        );
        assert_eq!(symbol_pattern("Số {loai}"), None);
    }
}
