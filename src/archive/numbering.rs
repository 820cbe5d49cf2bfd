//! Who a document is in the register, and which number sequence it belongs to.
//!
//! The thể thức fixes the sequences (the-thuc.md §3.5, §4.4):
//! - Party documents (HD 36) number from 01 **per document type within the
//!   Party committee's term** (nhiệm kỳ); numbers do not restart each year.
//! - State documents (NĐ 30, Điều 15) number from 01 on 1 January each
//!   calendar year. NĐ 30 leaves to the head of the body whether the types share
//!   one sequence; vanban keeps one sequence per type, like the Party rule.
//!
//! Every sequence also belongs to one issuing body (its code, "ĐU", "UBND"), so
//! one archive may hold the Đảng ủy's and the UBND's documents side by side.

use chrono::{Datelike, NaiveDate};
use unicode_normalization::UnicodeNormalization;

pub use crate::identity::Identity;
use crate::kinds::Period;
use crate::model::TheThuc;

/// A number sequence: a stable key for the register and a label for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sequence {
    pub key: String,
    pub label: String,
}

/// Why a document has no sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoSequence {
    /// A Party document dated before every recorded term start.
    NoTerm { date: NaiveDate },
}

/// The sequence a document of `the_thuc` and body, in the sequence named
/// `type_code` (its type code, or a sequence its kind shares), dated `date`
/// numbers in. `period` is the kind's declaration's (`danh_so.theo`), else
/// the thể thức's. `terms` are the recorded first days of the Party
/// committee's terms; the term of a date is the last one starting on or before it.
pub fn sequence(
    the_thuc: TheThuc,
    period: Option<Period>,
    body_code: &str,
    type_code: &str,
    date: NaiveDate,
    terms: &[NaiveDate],
) -> Result<Sequence, NoSequence> {
    let period = period.unwrap_or(match the_thuc {
        TheThuc::Dang => Period::NhiemKy,
        TheThuc::NhaNuoc => Period::Nam,
    });
    let prefix = the_thuc.key();
    match period {
        Period::NhiemKy => {
            let start = terms
                .iter()
                .filter(|t| **t <= date)
                .max()
                .ok_or(NoSequence::NoTerm { date })?;
            Ok(Sequence {
                key: format!(
                    "{prefix}/{body_code}/{type_code}/nhiem-ky-tu-{}",
                    start.format("%Y-%m-%d")
                ),
                label: format!(
                    "{type_code}/{body_code}, nhiệm kỳ từ ngày {}",
                    start.format("%d/%m/%Y")
                ),
            })
        }
        Period::Nam => Ok(Sequence {
            key: format!("{prefix}/{body_code}/{type_code}/{}", date.year()),
            label: format!("{type_code}-{body_code}, năm {}", date.year()),
        }),
    }
}

/// The sequence of the copies (bản sao) a body makes in a year: one for all
/// three forms, from 01 on 1 January (NĐ 30 Phụ lục I, thể thức bản sao:
/// "số thứ tự đăng ký được đánh chung cho các loại bản sao", ◐ — the-thuc.md
/// does not quote it; the Party's "BS" is one code for all forms, ✔).
pub fn copy_sequence(the_thuc: TheThuc, body_code: &str, date: NaiveDate) -> Sequence {
    Sequence {
        key: format!("{}/{body_code}/ban-sao/{}", the_thuc.key(), date.year()),
        label: format!("bản sao của {body_code}, năm {}", date.year()),
    }
}

/// ASCII for file names: diacritics stripped, Đ → D, anything but letters and
/// digits → "-". "QĐi" → "QDi", "BTCTU-BDVTU" stays.
pub fn ascii_name(s: &str) -> String {
    let mut out = String::new();
    for c in s.nfd() {
        let c = match c {
            'Đ' => 'D',
            'đ' => 'd',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if unicode_normalization::char::is_combining_mark(c) {
            continue;
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// Whether two type codes are the same, also when one is typed without
/// diacritics ("QD" for "QĐ") on the command line.
pub fn same_code(a: &str, b: &str) -> bool {
    a == b || ascii_name(a).eq_ignore_ascii_case(&ascii_name(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn identity(the_thuc: TheThuc, pattern: &str, type_code: &str, body: &str) -> Identity {
        Identity {
            the_thuc,
            kind: "nghi-quyet".into(),
            kind_sentence: "Nghị quyết".into(),
            type_code: type_code.into(),
            unit_code: String::new(),
            sequence_name: type_code.into(),
            period: None,
            body_code: body.into(),
            issuer: String::new(),
            number: Some(7),
            date: date("2025-12-30"),
            summary: String::new(),
            pattern: Some(pattern.into()),
            printed: String::new(),
            ident: String::new(),
        }
    }

    #[test]
    fn names_and_symbols() {
        let p = identity(TheThuc::Dang, "{so}-{loai}/{co_quan}", "NQ", "ĐU");
        assert_eq!(p.number_symbol(7), "07-NQ/ĐU");
        assert_eq!(p.symbol(), "NQ/ĐU");
        assert_eq!(p.stable_name(7), "2025-12-30_07-NQ-DU");
        assert_eq!(p.kind_name(), "Nghị quyết");
        let s = identity(TheThuc::NhaNuoc, "{so}/{loai}-{co_quan}", "BC", "UBND");
        assert_eq!(s.number_symbol(85), "85/BC-UBND");
        assert_eq!(s.symbol(), "BC-UBND");
        assert_eq!(s.stable_name(85), "2025-12-30_85-BC-UBND");
        assert_eq!(ascii_name("QĐi"), "QDi");
        assert_eq!(ascii_name("Ủy ban/xã đông"), "Uy-ban-xa-dong");
        assert!(same_code("QĐ", "qd"));
        assert!(!same_code("QĐ", "QĐi"));
    }

    #[test]
    fn party_numbers_run_per_term_and_state_numbers_per_year() {
        let terms = [date("2020-10-15"), date("2025-10-01")];
        let a = sequence(TheThuc::Dang, None, "ĐU", "NQ", date("2025-12-30"), &terms).unwrap();
        let b = sequence(TheThuc::Dang, None, "ĐU", "NQ", date("2026-06-30"), &terms).unwrap();
        let c = sequence(TheThuc::Dang, None, "ĐU", "NQ", date("2025-09-30"), &terms).unwrap();
        let d = sequence(TheThuc::Dang, None, "ĐU", "BC", date("2026-06-30"), &terms).unwrap();
        assert_eq!(a, b, "a new year is the same term");
        assert_ne!(a, c, "the day before the term belongs to the previous one");
        assert_ne!(b, d, "each type has its own sequence");
        assert_eq!(
            sequence(TheThuc::Dang, None, "ĐU", "NQ", date("2019-01-01"), &terms),
            Err(NoSequence::NoTerm {
                date: date("2019-01-01")
            })
        );
        let y1 = sequence(
            TheThuc::NhaNuoc,
            None,
            "UBND",
            "BC",
            date("2026-12-31"),
            &[],
        )
        .unwrap();
        let y2 = sequence(
            TheThuc::NhaNuoc,
            None,
            "UBND",
            "BC",
            date("2027-01-01"),
            &[],
        )
        .unwrap();
        assert_ne!(y1, y2);
        assert_eq!(y1.label, "BC-UBND, năm 2026");
        // A kind may declare its own period: a Party kind numbered per year.
        let p = sequence(
            TheThuc::Dang,
            Some(Period::Nam),
            "ĐU",
            "CV",
            date("2026-03-01"),
            &[],
        )
        .unwrap();
        assert_eq!(p.key, "dang/ĐU/CV/2026");
    }
}
