//! `vanban new KIND`: a ready-to-edit document file from a skeleton.
//!
//! The skeletons are data (`templates/moi/<kind>.<the-thuc>.toml`), compiled
//! into the binary like the other templates, so a clerk's office can read and
//! improve them without touching Rust. Each one renders as it is, as a draft.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::Error;
use crate::model::TheThuc;

/// The only placeholder in a skeleton: today's date, so a fresh draft carries
/// the year it is written in rather than a stale one.
const TODAY: &str = "{ngay_hom_nay}";

/// (kind, thể thức, skeleton). A kind missing for a thể thức is one that body
/// does not issue: a UBND xã issues no nghị quyết (its HĐND does).
const SKELETONS: &[(&str, TheThuc, &str)] = &[
    (
        "nghi-quyet",
        TheThuc::Dang,
        include_str!("../../templates/moi/nghi-quyet.dang.toml"),
    ),
    (
        "bao-cao-quy",
        TheThuc::Dang,
        include_str!("../../templates/moi/bao-cao-quy.dang.toml"),
    ),
    (
        "bao-cao-quy",
        TheThuc::NhaNuoc,
        include_str!("../../templates/moi/bao-cao-quy.nha-nuoc.toml"),
    ),
    (
        "bao-cao-6-thang",
        TheThuc::Dang,
        include_str!("../../templates/moi/bao-cao-6-thang.dang.toml"),
    ),
    (
        "bao-cao-6-thang",
        TheThuc::NhaNuoc,
        include_str!("../../templates/moi/bao-cao-6-thang.nha-nuoc.toml"),
    ),
    (
        "bao-cao-nam",
        TheThuc::Dang,
        include_str!("../../templates/moi/bao-cao-nam.dang.toml"),
    ),
    (
        "bao-cao-nam",
        TheThuc::NhaNuoc,
        include_str!("../../templates/moi/bao-cao-nam.nha-nuoc.toml"),
    ),
    (
        "ke-hoach",
        TheThuc::Dang,
        include_str!("../../templates/moi/ke-hoach.dang.toml"),
    ),
    (
        "ke-hoach",
        TheThuc::NhaNuoc,
        include_str!("../../templates/moi/ke-hoach.nha-nuoc.toml"),
    ),
    (
        "thong-bao",
        TheThuc::Dang,
        include_str!("../../templates/moi/thong-bao.dang.toml"),
    ),
    (
        "thong-bao",
        TheThuc::NhaNuoc,
        include_str!("../../templates/moi/thong-bao.nha-nuoc.toml"),
    ),
    (
        "to-trinh",
        TheThuc::Dang,
        include_str!("../../templates/moi/to-trinh.dang.toml"),
    ),
    (
        "to-trinh",
        TheThuc::NhaNuoc,
        include_str!("../../templates/moi/to-trinh.nha-nuoc.toml"),
    ),
];

/// Every (kind, thể thức) pair that has a skeleton, for tests and help.
pub fn available() -> Vec<(&'static str, TheThuc)> {
    SKELETONS.iter().map(|(k, t, _)| (*k, *t)).collect()
}

/// The kinds `new` knows, in order, without repeats.
pub fn kinds() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for (k, _, _) in SKELETONS {
        if !out.contains(k) {
            out.push(k);
        }
    }
    out
}

/// The skeleton of `kind`, with today's date filled in. Without `the_thuc`
/// the Party one is taken when there is one (the commune Party office is the
/// main user), else the only one there is.
pub fn skeleton(kind: &str, the_thuc: Option<TheThuc>, today: NaiveDate) -> Result<String, Error> {
    let refuse = |message: String| Error::NoSkeleton {
        kind: kind.to_string(),
        message,
    };
    if kind == "cong-van" {
        // A công văn has no type name and puts its trích yếu ("V/v …") under
        // the number: a layout the model does not have yet.
        return Err(refuse(
            "công văn is not a document kind vanban lays out yet (it has no type name and its \"V/v …\" summary sits under the number); write it in a word processor for now".into(),
        ));
    }
    let of_kind: Vec<_> = SKELETONS.iter().filter(|(k, _, _)| *k == kind).collect();
    if of_kind.is_empty() {
        return Err(refuse(format!(
            "unknown kind; the kinds are: {}",
            kinds().join(", ")
        )));
    }
    let chosen = match the_thuc {
        Some(t) => of_kind.iter().find(|(_, tt, _)| *tt == t).ok_or_else(|| {
            refuse(format!(
                "there is no {} skeleton of this kind (a commune People's Committee does not issue it); it exists for: {}",
                t.key(),
                of_kind
                    .iter()
                    .map(|(_, t, _)| t.key())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?,
        None => of_kind
            .iter()
            .find(|(_, t, _)| *t == TheThuc::Dang)
            .unwrap_or(&of_kind[0]),
    };
    Ok(chosen
        .2
        .replace(TODAY, &today.format("%Y-%m-%d").to_string()))
}

/// Writes the skeleton to `out` (atomically). An existing file is kept unless
/// `force`: it is most likely a document the clerk has been writing.
pub fn write(
    kind: &str,
    the_thuc: Option<TheThuc>,
    out: &Path,
    force: bool,
    today: NaiveDate,
) -> Result<(), Error> {
    if out.extension().and_then(|e| e.to_str()) != Some("toml") {
        // The explanations are comments, and only TOML (of the formats a
        // document may be in, bar YAML) keeps them as written here.
        return Err(Error::NoSkeleton {
            kind: kind.to_string(),
            message: format!(
                "{}: a new document is written as TOML; give a file name ending in .toml",
                out.display()
            ),
        });
    }
    let text = skeleton(kind, the_thuc, today)?;
    if out.exists() && !force {
        return Err(Error::Exists {
            file: out.to_path_buf(),
        });
    }
    crate::output::write_atomic(out, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 18).unwrap()
    }

    #[test]
    fn every_skeleton_parses_and_says_its_kind() {
        for (kind, t) in available() {
            let text = skeleton(kind, Some(t), day()).unwrap();
            assert!(!text.contains(TODAY), "{kind}: placeholder left");
            let doc: crate::Document =
                crate::model::parse(Path::new("x.toml"), &text, crate::model::Format::Toml)
                    .unwrap_or_else(|e| panic!("{kind} {}: {e}", t.key()));
            assert_eq!(doc.the_thuc, t, "{kind}");
            assert!(doc.so.is_none(), "{kind}: a skeleton is a draft");
        }
    }

    #[test]
    fn cong_van_and_unknown_kinds_are_refused() {
        let e = skeleton("cong-van", None, day()).unwrap_err();
        assert!(e.to_string().contains("công văn"), "{e}");
        assert!(e.is_input_error());
        let e = skeleton("nghi-quyet", Some(TheThuc::NhaNuoc), day()).unwrap_err();
        assert!(e.to_string().contains("dang"), "{e}");
        let e = skeleton("bao-cao", None, day()).unwrap_err();
        assert!(e.to_string().contains("bao-cao-quy"), "{e}");
    }

    #[test]
    fn the_party_skeleton_is_the_default() {
        let text = skeleton("thong-bao", None, day()).unwrap();
        assert!(text.contains("the_thuc = \"dang\""));
    }
}
