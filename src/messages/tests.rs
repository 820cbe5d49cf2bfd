//! Every message in both languages: none empty, none left in English.

use std::collections::BTreeSet;
use std::path::PathBuf;

use strum::IntoEnumIterator;

use super::*;
use crate::error::{ErrorKind, FileKind, Location};

/// Letters only Vietnamese uses (and its tone marks): a "Vietnamese" text
/// without one of them is English that slipped through.
fn has_vietnamese(s: &str) -> bool {
    s.chars().any(|c| {
        "ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐ"
            .contains(c.to_lowercase().next().unwrap_or(c))
    })
}

fn io() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::NotFound, "x")
}

/// One error of every variant; the test below checks none is left out.
fn one_of_each() -> Vec<Error> {
    let f = || PathBuf::from("vb.toml");
    vec![
        Error::Read {
            file: f(),
            source: io(),
        },
        Error::UnknownFormat { file: f() },
        Error::Parse {
            loc: Location::at(&f(), 3, 1),
            field: "trich_yue".into(),
            message: "unknown field `trich_yue`; did you mean `trich_yeu`?".into(),
        },
        Error::Invalid {
            file: f(),
            field: "so".into(),
            message: "must not be empty".into(),
        },
        Error::MissingGlyph {
            file: f(),
            field: "ky.ho_ten".into(),
            ch: '☃',
            family: "Tinos".into(),
        },
        Error::LegacyEncoding {
            file: f(),
            field: "trich_yeu".into(),
            encoding: "TCVN3",
            sample: "x".into(),
        },
        Error::TooLarge {
            file: f(),
            size: 2,
            limit: 1,
        },
        Error::Image {
            file: f(),
            field: "ky.anh_dau".into(),
            problem: crate::error::ImageProblem::Opaque,
        },
        Error::Limit {
            file: f(),
            field: "noi_dung".into(),
            bound: crate::limits::Bound::Sections,
            value: 2,
            limit: 1,
        },
        Error::Profile {
            name: "p".into(),
            message: "must not be empty".into(),
        },
        Error::Template {
            name: "t".into(),
            line: 1,
            message: "x".into(),
        },
        Error::Typeset {
            diagnostics: vec!["x".into()],
        },
        Error::Pdf {
            diagnostics: vec!["x".into()],
        },
        Error::Docx {
            message: "x".into(),
        },
        Error::FontRead {
            file: f(),
            source: io(),
        },
        Error::NoFontIn { dir: f() },
        Error::NoProfileFont {
            wanted: vec!["A".into()],
            found: vec!["B".into()],
        },
        Error::Write {
            file: f(),
            source: io(),
        },
        Error::Archive {
            file: f(),
            message: "must not be empty".into(),
        },
        Error::DuplicateNumber {
            file: f(),
            number_symbol: "01-NQ/ĐU".into(),
            scope: "NQ".into(),
            existing: "x".into(),
        },
        Error::RegisterDb {
            register: f(),
            source: rusqlite::Error::InvalidQuery,
        },
        Error::RegisterTooNew {
            register: f(),
            version: 2,
            known: 1,
        },
        Error::Register {
            register: f(),
            message: "must not be empty".into(),
        },
        Error::NoRegister { dir: f() },
        Error::ReplacesOneFile { files: 2 },
        Error::ArchiveDamaged {
            dir: f(),
            problems: 1,
        },
        Error::NoSkeleton {
            kind: "x".into(),
            message: "unknown kind; the kinds are: a".into(),
        },
        Error::Exists { file: f() },
        Error::UnknownKind {
            loc: crate::error::Location::at(&f(), 3, 1),
            kind: "quyet-dnh".into(),
            profile: "nha-nuoc-nd30".into(),
            suggestion: Some("quyet-dinh".into()),
            known: vec!["quyet-dinh".to_string()].into(),
        },
        Error::Copy {
            file: f(),
            field: "ban_sao.so".into(),
            problem: crate::error::CopyProblem::NotNext {
                typed: 5,
                next: 2,
                year: 2026,
            },
        },
        Error::CopyOriginal {
            register: f(),
            id: 3,
            problem: crate::error::OriginalProblem::Unknown,
        },
        Error::KindBlock {
            file: f(),
            field: "kinh_gui".into(),
            kind: "cong-van".into(),
            problem: crate::kinds::BlockProblem::Missing,
        },
        Error::NoDocuments { dir: f() },
        Error::NoSuchPage {
            file: f(),
            page: 3,
            pages: 2,
        },
        Error::Png { source: "x".into() },
        Error::Watch {
            file: f(),
            source: notify::Error::generic("x"),
        },
        Error::Outside {
            file: f(),
            field: "so_lieu.tep".into(),
            name: f(),
            folder: f(),
        },
        Error::NotAFile {
            file: f(),
            kind: FileKind::Directory,
        },
        Error::OverwritesInput {
            file: f(),
            input: f(),
        },
        Error::NotAFolder { file: f() },
        Error::Table {
            file: f(),
            field: "bang".into(),
            problem: crate::tables::TableProblem::Empty,
        },
        Error::Threads {
            source: rayon::ThreadPoolBuilder::new()
                .num_threads(1)
                .spawn_handler(|_| Err(io()))
                .build()
                .unwrap_err(),
        },
        Error::StdoutIsTerminal,
        Error::ChangedOnDisk { file: f() },
        Error::Outline {
            file: f(),
            field: "noi_dung[0]".into(),
            problem: crate::error::OutlineProblem::First,
        },
        Error::OutsideServed {
            path: "../x.toml".into(),
            dir: f(),
        },
        Error::ForeignHost {
            host: "evil.example:8080".into(),
        },
        Error::MissingToken,
        Error::ForeignOrigin {
            origin: "http://evil.example".into(),
        },
        Error::UploadKind { file: f() },
        Error::Listen {
            addr: "127.0.0.1:8080".into(),
            source: io(),
        },
        Error::Crashed {
            file: f(),
            message: "x".into(),
        },
    ]
}

#[test]
fn every_error_reads_in_both_languages() {
    let errors = one_of_each();
    let kinds: BTreeSet<String> = errors
        .iter()
        .map(|e| format!("{:?}", ErrorKind::from(e)))
        .collect();
    for kind in ErrorKind::iter() {
        assert!(
            kinds.contains(&format!("{kind:?}")),
            "no sample of {kind:?}: add one to one_of_each"
        );
    }
    let mut codes = BTreeSet::new();
    for e in &errors {
        let (vi, en) = (error(e, Lang::Vi), error(e, Lang::En));
        assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{e:?}");
        assert_ne!(vi, en, "{e:?} reads the same in both languages");
        assert!(has_vietnamese(&vi), "not Vietnamese: {vi}");
        assert_eq!(en, e.to_string());
        if let Some(h) = help(e, Lang::Vi) {
            assert!(has_vietnamese(&h), "{h}");
            assert_ne!(Some(h), help(e, Lang::En));
        }
        let c = code(ErrorKind::from(e));
        assert!(c.starts_with("vanban::") && c.is_ascii(), "{c}");
        assert!(codes.insert(c), "code {c} used twice");
    }
}

#[test]
fn every_message_reads_in_both_languages() {
    for m in Msg::iter() {
        let (vi, en) = (m.text(Lang::Vi), m.text(Lang::En));
        assert!(!vi.trim().is_empty() && !en.trim().is_empty(), "{m:?}");
        assert_ne!(vi, en, "{m:?}");
        assert!(has_vietnamese(&vi), "{m:?}: {vi}");
    }
}

#[test]
fn lang_flag_wins_over_the_environment() {
    let args = |a: &[&str]| {
        a.iter()
            .map(Into::into)
            .collect::<Vec<std::ffi::OsString>>()
    };
    assert_eq!(Lang::choose(&args(&["vanban", "check"]), None), Lang::Vi);
    assert_eq!(
        Lang::choose(&args(&["vanban"]), Some("en_US.UTF-8")),
        Lang::En
    );
    assert_eq!(
        Lang::choose(&args(&["vanban", "--lang", "vi"]), Some("en")),
        Lang::Vi
    );
    assert_eq!(
        Lang::choose(&args(&["vanban", "x", "--lang=en"]), Some("vi")),
        Lang::En
    );
    // After `--` a file may be called `--lang`.
    assert_eq!(
        Lang::choose(&args(&["vanban", "--", "--lang", "en"]), None),
        Lang::Vi
    );
    assert_eq!(Lang::choose(&args(&["vanban"]), Some("fr")), Lang::Vi);
}
