//! Every message in both languages: none empty, none left in English.

use std::collections::BTreeSet;
use std::path::PathBuf;

use strum::IntoEnumIterator;

use super::*;
use crate::error::{ErrorKind, FileKind, Location};
use crate::parsing::*;
use crate::problems::*;

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
            problem: Box::new(ParseProblem::UnknownField {
                field: "trich_yue".into(),
                suggestion: Some("trich_yeu".into()),
                known: vec!["trich_yeu".into()],
            }),
        },
        Error::Invalid {
            file: f(),
            field: "so".into(),
            problem: Invalid::Empty,
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
            problem: ProfileProblem::NoKinds,
        },
        Error::Template {
            name: "t".into(),
            line: 1,
            problem: TemplateProblem::Engine { detail: "x".into() },
        },
        Error::Typeset {
            diagnostics: vec!["x".into()],
        },
        Error::Pdf {
            diagnostics: vec!["x".into()],
        },
        Error::Docx {
            source: Box::new(io()),
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
            problem: ArchiveProblem::Draft,
        },
        Error::DuplicateNumber {
            file: f(),
            number_symbol: "01-NQ/ĐU".into(),
            scope: "NQ".into(),
            existing: Box::new(Registered {
                id: 3,
                number_symbol: "01-NQ/ĐU".into(),
                issue_date: "2026-02-05".into(),
                file: "x.pdf".into(),
                summary: "về x".into(),
            }),
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
            problem: RegisterProblem::NameTaken {
                name: "x.pdf".into(),
            },
        },
        Error::NoRegister { dir: f() },
        Error::ReplacesOneFile { files: 2 },
        Error::ArchiveDamaged {
            dir: f(),
            problems: 1,
        },
        Error::NoSkeleton {
            kind: "x".into(),
            problem: SkeletonProblem::Several {
                choices: vec!["a".into()],
            },
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
            at: Some(Box::new(DataPlace::row(Some("Bảng"), 3))),
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
fn every_outline_problem_reads_in_both_languages() {
    let mut texts = BTreeSet::new();
    for problem in crate::error::OutlineProblem::iter() {
        let e = Error::Outline {
            file: PathBuf::from("vb.toml"),
            field: "noi_nhan.danh_sach[0].nhom[1]".into(),
            problem,
        };
        let (vi, en) = (error(&e, Lang::Vi), error(&e, Lang::En));
        assert!(has_vietnamese(&vi), "not Vietnamese: {vi}");
        assert_eq!(en, e.to_string());
        assert!(texts.insert(vi.clone()), "said twice: {vi}");
        assert!(texts.insert(en), "said twice in English: {problem:?}");
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

/// One reason of every variant of every reason enum, each inside the error
/// that carries it; the test below checks none is left out.
fn every_problem() -> Vec<Error> {
    let f = || PathBuf::from("vb.toml");
    let s = |x: &str| x.to_string();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 2, 5).unwrap();
    let invalid = |problem| Error::Invalid {
        file: f(),
        field: s("so"),
        problem,
    };
    let archive = |problem| Error::Archive { file: f(), problem };
    let profile = |problem| Error::Profile {
        name: s("p"),
        problem,
    };
    let register = |problem| Error::Register {
        register: f(),
        problem,
    };
    let skeleton = |problem| Error::NoSkeleton {
        kind: s("k"),
        problem,
    };
    let fragment = |place, problem| {
        invalid(Invalid::Fragment(Box::new(FragmentFailure {
            place,
            line: 2,
            problem,
        })))
    };
    let at = || s("nhom[0].chi_tieu[0] (`a`)");
    let mut out = vec![
        Invalid::NumberZero,
        Invalid::Empty,
        Invalid::EmptyRecipient,
        Invalid::NoSuchText {
            path: s("ky.ho_tn"),
        },
        Invalid::LoneAccent { code_point: 0x301 },
        Invalid::Notation(crate::model::NotationError::UnclosedNote { at: 3 }),
        Invalid::Notation(crate::model::NotationError::NestedNote { at: 3 }),
        Invalid::Notation(crate::model::NotationError::EmptyNote { at: 3 }),
        Invalid::CopyImages,
        Invalid::CirculationTwice,
        Invalid::ForWithoutForm,
        Invalid::YearOutside {
            year: 20266,
            first: 1945,
            last: 2100,
        },
        Invalid::ProfileTheThuc {
            profile: s("p"),
            profile_the_thuc: "dang",
            document_the_thuc: "nha-nuoc",
        },
        Invalid::NoAddresseeLayout { profile: s("p") },
        Invalid::NoCopyLayout { profile: s("p") },
        Invalid::NoMarkLayout {
            profile: s("p"),
            mark: s("do_mat"),
        },
        Invalid::DateOutsidePdf,
        Invalid::AppendixNeedsFigures,
        Invalid::PeriodMismatch {
            document: crate::fields::Period::Q1,
            figures_file: f(),
            figures: crate::fields::Period::Q2,
            year: 2026,
        },
        Invalid::NoPeriod { figures_file: f() },
        Invalid::FiguresYear {
            year: 2025,
            catalogue: f(),
            catalogue_year: 2026,
        },
        Invalid::PeriodYear {
            period: s("quý I năm 2025"),
            year: 2025,
            catalogue: f(),
            catalogue_year: 2026,
        },
        Invalid::NoWeek53 {
            year: 2026,
            period: s("tuan-53"),
        },
        Invalid::Catalogue(CatalogueProblem::BadCode {
            at: at(),
            code: s("A"),
        }),
        Invalid::Catalogue(CatalogueProblem::CodeTwice {
            at: at(),
            code: s("a"),
        }),
        Invalid::Catalogue(CatalogueProblem::NegativePlan {
            at: at(),
            key: "ke_hoach",
            value: s("-5"),
        }),
        Invalid::Catalogue(CatalogueProblem::ShapeNeeds {
            at: at(),
            shape: "khoang",
            needs: "`ke_hoach_tu` ≤ `ke_hoach_den`",
        }),
        Invalid::NoFragment {
            name: s("mo_dua"),
            suggestion: Some(s("mo_dau")),
        },
        Invalid::SameOutput {
            output: f(),
            first: f(),
        },
        Invalid::NotEditable,
        Invalid::NoSuchField,
        Invalid::CannotBeEmpty,
        Invalid::NumberNotDigits { value: s("x") },
        Invalid::YearNotDigits { value: s("x") },
        Invalid::FiguresNotTable,
        Invalid::Syntax { detail: s("x") },
    ]
    .into_iter()
    .map(invalid)
    .collect::<Vec<_>>();
    let name = || s("m");
    out.extend([
        fragment(
            FragmentPlace::Text,
            FragmentProblem::Undefined { expression: s("x") },
        ),
        fragment(
            FragmentPlace::Fragment { name: name() },
            FragmentProblem::UnknownFunction { expression: s("x") },
        ),
        fragment(
            FragmentPlace::Included {
                name: name(),
                by: s("n"),
            },
            FragmentProblem::NoIndicator {
                code: s("gtsp"),
                suggestion: Some(s("gtsx")),
            },
        ),
        fragment(
            FragmentPlace::Text,
            FragmentProblem::Engine { detail: s("x") },
        ),
        fragment(
            FragmentPlace::Text,
            FragmentProblem::Value(ValueProblem::NotRoman {
                value: 0,
                first: 1,
                last: 3999,
            }),
        ),
        fragment(
            FragmentPlace::Text,
            FragmentProblem::Syntax {
                detail: s("unexpected end of input"),
            },
        ),
        fragment(FragmentPlace::Text, FragmentProblem::TooManySteps),
    ]);
    out.extend(
        [
            TemplateProblem::MissingLibrary,
            TemplateProblem::Engine {
                detail: s("undefined value"),
            },
        ]
        .into_iter()
        .map(|problem| Error::Template {
            name: s("lib.typ"),
            line: 0,
            problem,
        }),
    );
    out.extend(parse_problems().into_iter().map(|problem| Error::Parse {
        loc: Location::at(&f(), 2, 3),
        field: s("so"),
        problem: Box::new(problem),
    }));
    out.extend(
        [
            ArchiveProblem::AbsoluteSource {
                field: s("so_lieu.chi_tieu"),
                name: f(),
            },
            ArchiveProblem::NotFromFile,
            ArchiveProblem::PathNotUnicode,
            ArchiveProblem::ReservedName { name: "m.json" },
            ArchiveProblem::UnsafeName { name: s("../x") },
            ArchiveProblem::NotAFolder,
            ArchiveProblem::Symlink,
            ArchiveProblem::Exists,
            ArchiveProblem::CannotWriteNumber { number: 3 },
            ArchiveProblem::StandardWithoutFiles {
                standard: s("A-2B"),
            },
            ArchiveProblem::Draft,
            ArchiveProblem::NotUtf8,
            ArchiveProblem::UnknownTypeCode {
                code: s("QQ"),
                the_thuc: s("dang"),
                codes: vec![s("NQ")],
            },
            ArchiveProblem::SeveralBodies {
                bodies: vec![s("ĐU"), s("UB")],
            },
            ArchiveProblem::NoEntry { entry: 3 },
            ArchiveProblem::AlreadyReplaced {
                entry: 3,
                number_symbol: s("01-NQ/ĐU"),
                by: 4,
            },
            ArchiveProblem::NotTheSameNumber {
                entry: 3,
                number_symbol: s("01-NQ/ĐU"),
                date: s("2026-02-05"),
                this: s("NQ/ĐU"),
                draft: true,
                this_date: day,
            },
            ArchiveProblem::NoTerm { date: day },
            ArchiveProblem::StrayFile,
            ArchiveProblem::StrayFolder,
            ArchiveProblem::UnreadablePdf { detail: s("x") },
            ArchiveProblem::DamagedTree {
                problem: TreeProblem::TooDeep,
            },
            ArchiveProblem::DamagedTree {
                problem: TreeProblem::Cycle,
            },
            ArchiveProblem::DamagedTree {
                problem: TreeProblem::NoData { name: s("a") },
            },
            ArchiveProblem::DamagedTree {
                problem: TreeProblem::NoStream { name: s("a") },
            },
            ArchiveProblem::DamagedTree {
                problem: TreeProblem::Undecodable {
                    name: s("a"),
                    detail: s("x"),
                },
            },
            ArchiveProblem::NoEmbeddedFiles,
            ArchiveProblem::BadManifest {
                manifest: "m.json",
                detail: s("x"),
            },
            ArchiveProblem::ManifestFormat {
                manifest: "m.json",
                found: s("x/2"),
                known: "x/1",
            },
            ArchiveProblem::NotEmbedded { path: s("a") },
            ArchiveProblem::Altered { path: s("a") },
            ArchiveProblem::CopyOrderUnwritable { detail: s("x") },
            ArchiveProblem::NotKeys,
        ]
        .into_iter()
        .map(archive),
    );
    let kind = |problem| ProfileProblem::Kind {
        key: s("quyet-dinh"),
        problem,
    };
    out.extend(
        [
            ProfileProblem::NoSuchProfile {
                looked_for: s("templates/profiles/x.toml"),
                known: vec![s("dang")],
            },
            ProfileProblem::Unreadable(Box::new(Error::UnknownFormat { file: f() })),
            ProfileProblem::Together {
                first: "dau.tieu_ngu",
                second: "dau.tieu_ngu_co",
            },
            ProfileProblem::MarkOrRule,
            ProfileProblem::SeparatorOrRule,
            ProfileProblem::Fraction {
                key: "dau.ke_ban_hanh",
                got: 2.0,
            },
            ProfileProblem::NoKinds,
            kind(KindProblem::EmptyName),
            kind(KindProblem::Signatures { got: 3 }),
            kind(KindProblem::ArticleScheme),
            kind(KindProblem::Template { got: s("a/b") }),
            kind(KindProblem::PatternWithoutNumber),
            ProfileProblem::MarkWords { mark: s("mat") },
            ProfileProblem::DraftRoundWords,
            ProfileProblem::Colour {
                group: "do_mat",
                value: s("red"),
            },
            ProfileProblem::CornerNeedsTop { group: "do_mat" },
            ProfileProblem::SealShare { got: 2.0 },
            ProfileProblem::NoFontFamily,
            ProfileProblem::HeadingLevels,
            ProfileProblem::Scheme { key: s("x") },
            ProfileProblem::CopyWords { key: s("sao-y") },
            ProfileProblem::NoNumberInPattern,
        ]
        .into_iter()
        .map(profile),
    );
    out.extend(
        [
            RegisterProblem::TermRenumbers {
                start: day,
                symbol: s("01-NQ/ĐU"),
                date: s("2026-03-01"),
            },
            RegisterProblem::TermNotDate { value: s("x") },
            RegisterProblem::NameTaken { name: s("x.pdf") },
        ]
        .into_iter()
        .map(register),
    );
    out.extend(
        [
            SkeletonProblem::UnknownKind {
                suggestion: Some(s("quyet-dinh")),
                known: vec![s("quyet-dinh")],
            },
            SkeletonProblem::Several {
                choices: vec![s("a"), s("b")],
            },
            SkeletonProblem::NotInTheThuc {
                the_thuc: s("nha-nuoc"),
                exists_for: vec![s("dang")],
            },
            SkeletonProblem::Missing {
                file: s("templates/moi/x.toml"),
            },
            SkeletonProblem::NotToml { out: f() },
            SkeletonProblem::UnknownTheThuc { value: s("x") },
        ]
        .into_iter()
        .map(skeleton),
    );
    out
}

/// The discriminant names of every reason in `errors`, nested ones included.
fn reasons_named(errors: &[Error]) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut add = |x: String| {
        seen.insert(x);
    };
    for e in errors {
        match e {
            Error::Invalid { problem, .. } => {
                add(format!("Invalid::{:?}", InvalidKind::from(problem)));
                match problem {
                    Invalid::Catalogue(c) => add(format!(
                        "CatalogueProblem::{:?}",
                        CatalogueProblemKind::from(c)
                    )),
                    Invalid::Fragment(failure) => {
                        let FragmentFailure { place, problem, .. } = failure.as_ref();
                        add(format!(
                            "FragmentPlace::{:?}",
                            FragmentPlaceKind::from(place)
                        ));
                        add(format!(
                            "FragmentProblem::{:?}",
                            FragmentProblemKind::from(problem)
                        ));
                    }
                    _ => {}
                }
            }
            Error::Archive { problem, .. } => {
                add(format!(
                    "ArchiveProblem::{:?}",
                    ArchiveProblemKind::from(problem)
                ));
                if let ArchiveProblem::DamagedTree { problem } = problem {
                    add(format!("TreeProblem::{:?}", TreeProblemKind::from(problem)));
                }
            }
            Error::Profile { problem, .. } => {
                add(format!(
                    "ProfileProblem::{:?}",
                    ProfileProblemKind::from(problem)
                ));
                if let ProfileProblem::Kind { problem, .. } = problem {
                    add(format!("KindProblem::{:?}", KindProblemKind::from(problem)));
                }
            }
            Error::Register { problem, .. } => add(format!(
                "RegisterProblem::{:?}",
                RegisterProblemKind::from(problem)
            )),
            Error::NoSkeleton { problem, .. } => add(format!(
                "SkeletonProblem::{:?}",
                SkeletonProblemKind::from(problem)
            )),
            Error::Template { problem, .. } => add(format!(
                "TemplateProblem::{:?}",
                TemplateProblemKind::from(problem)
            )),
            Error::Parse { problem, .. } => {
                add(format!(
                    "ParseProblem::{:?}",
                    ParseProblemKind::from(problem.as_ref())
                ));
                let inner = match problem.as_ref() {
                    ParseProblem::InData { problem, .. } => problem.as_ref(),
                    p => p,
                };
                match inner {
                    ParseProblem::Value(v) => {
                        add(format!("ValueProblem::{:?}", ValueProblemKind::from(v)))
                    }
                    ParseProblem::Figures(f) => {
                        add(format!("FiguresProblem::{:?}", FiguresProblemKind::from(f)))
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    seen
}

#[test]
fn every_reason_reads_in_both_languages() {
    let errors = every_problem();
    let seen = reasons_named(&errors);
    let all = InvalidKind::iter()
        .map(|k| format!("Invalid::{k:?}"))
        .chain(CatalogueProblemKind::iter().map(|k| format!("CatalogueProblem::{k:?}")))
        .chain(FragmentPlaceKind::iter().map(|k| format!("FragmentPlace::{k:?}")))
        .chain(FragmentProblemKind::iter().map(|k| format!("FragmentProblem::{k:?}")))
        .chain(ArchiveProblemKind::iter().map(|k| format!("ArchiveProblem::{k:?}")))
        .chain(TreeProblemKind::iter().map(|k| format!("TreeProblem::{k:?}")))
        .chain(ProfileProblemKind::iter().map(|k| format!("ProfileProblem::{k:?}")))
        .chain(KindProblemKind::iter().map(|k| format!("KindProblem::{k:?}")))
        .chain(RegisterProblemKind::iter().map(|k| format!("RegisterProblem::{k:?}")))
        .chain(SkeletonProblemKind::iter().map(|k| format!("SkeletonProblem::{k:?}")))
        .chain(ParseProblemKind::iter().map(|k| format!("ParseProblem::{k:?}")))
        .chain(TemplateProblemKind::iter().map(|k| format!("TemplateProblem::{k:?}")))
        .chain(ValueProblemKind::iter().map(|k| format!("ValueProblem::{k:?}")))
        .chain(FiguresProblemKind::iter().map(|k| format!("FiguresProblem::{k:?}")));
    for kind in all {
        assert!(
            seen.contains(&kind),
            "no sample of {kind}: add one to every_problem"
        );
    }
    let mut texts = BTreeSet::new();
    for e in &errors {
        let (vi, en) = (error(e, Lang::Vi), error(e, Lang::En));
        assert_ne!(vi, en, "{e:?}");
        assert!(has_vietnamese(&vi), "not Vietnamese: {vi}");
        assert_eq!(en, e.to_string());
        // Each reason says something of its own in each language.
        assert!(texts.insert(vi.clone()), "said twice: {vi}");
        assert!(texts.insert(en.clone()), "said twice: {en}");
    }
}

/// One reason of every kind a file can fail to read with: serde's (typed by
/// [`Typed`]), vanban's checks of a value, a figures file's faults.
fn parse_problems() -> Vec<ParseProblem> {
    let s = |x: &str| x.to_string();
    let values = vec![
        ValueProblem::NotADate {
            value: s("31/02/2026"),
        },
        ValueProblem::DateYear {
            value: s("2026-01-01"),
            year: 20260,
            first: 1945,
            last: 2100,
        },
        ValueProblem::NotAPeriod { value: s("quy-5") },
        ValueProblem::NotAScheme { value: s("x)") },
        ValueProblem::NotADraftRound { value: 0 },
        ValueProblem::NotALength { value: s("20") },
        ValueProblem::NotAWidth { value: s("rong") },
        ValueProblem::WidthOutside { mm: s("2000") },
        ValueProblem::CellFloat { value: s("19.655") },
        ValueProblem::EmptyGroup,
        ValueProblem::TableTakesNoText,
        ValueProblem::ParagraphMarker,
        ValueProblem::FragmentTakesNoText,
        ValueProblem::EmptyNumber,
        ValueProblem::MisplacedSeparator { value: s("1.23.4") },
        ValueProblem::AmbiguousNumber {
            value: s("19.655"),
            whole: s("19655"),
            decimal: s("19,655"),
        },
        ValueProblem::NotANumber { value: s("12a") },
        ValueProblem::TooLarge { value: s("1e20") },
        ValueProblem::NotRoman {
            value: 4000,
            first: 1,
            last: 3999,
        },
        ValueProblem::NotAFigure { value: s("abc") },
    ];
    let figures = vec![
        FiguresProblem::CodeTwice {
            code: s("a"),
            first: DataPlace::row(Some("Số liệu"), 2),
        },
        FiguresProblem::Unnamed { value: s("5") },
        FiguresProblem::DateCell {
            shown: s("01/01/2026"),
        },
        FiguresProblem::NotAVerdict { value: s("tot") },
        FiguresProblem::EmptyCode,
        FiguresProblem::ColumnTwice { column: s("ma") },
        FiguresProblem::UnknownColumn { column: s("mx") },
        FiguresProblem::NoCodeColumn,
        FiguresProblem::NoFigures,
        FiguresProblem::Workbook { detail: s("zip") },
        FiguresProblem::NoSheet {
            name: s("A"),
            sheets: vec![s("B")],
        },
        FiguresProblem::NoSheets,
        FiguresProblem::EmptySheet,
        FiguresProblem::Formula { formula: s("A1+1") },
        FiguresProblem::MergedHeader { range: s("B1:C1") },
        FiguresProblem::NoIndicator {
            code: s("gtsp"),
            catalogue: PathBuf::from("dm.toml"),
            suggestion: Some(s("gtsx")),
        },
        FiguresProblem::Negative {
            code: s("a"),
            value: s("-5"),
        },
    ];
    let mut out = vec![
        ParseProblem::Syntax {
            detail: s("expected `=`"),
        },
        ParseProblem::NotUtf8,
        ParseProblem::TooDeep { max: 64 },
        ParseProblem::MissingField { field: s("ky") },
        ParseProblem::UnknownField {
            field: s("trich_yue"),
            suggestion: None,
            known: vec![s("so"), s("ky")],
        },
        ParseProblem::UnknownVariant {
            value: s("hoa-tooc"),
            suggestion: Some(s("hoa-toc")),
            known: vec![s("hoa-toc")],
        },
        ParseProblem::DuplicateField { field: s("so") },
        ParseProblem::InvalidType {
            found: Found::Text(s("bảy")),
            wanted: Wanted::Integer,
        },
        ParseProblem::InvalidValue {
            found: Found::Integer(s("-1")),
            wanted: Wanted::Described(Described::DraftRound),
        },
        ParseProblem::InvalidLength {
            len: 3,
            wanted: Wanted::List,
        },
        ParseProblem::Csv {
            detail: s("found record with 2 fields"),
        },
        ParseProblem::Unexplained { detail: s("x") },
    ];
    out.extend(values.into_iter().map(ParseProblem::Value));
    out.extend(figures.into_iter().map(ParseProblem::Figures));
    // A reason at its place in a figures file.
    out.push(ParseProblem::InData {
        at: DataPlace::row(None, 3).column(s("B"), Some(s("thuc_hien"))),
        problem: Box::new(ParseProblem::Value(ValueProblem::NotANumber {
            value: s("12a"),
        })),
    });
    out
}

#[test]
fn every_described_value_reads_in_both_languages() {
    for d in <Described as strum::IntoEnumIterator>::iter() {
        let (vi, en) = (
            parsing::described(d, Lang::Vi),
            parsing::described(d, Lang::En),
        );
        assert_eq!(en, d.english());
        assert_ne!(vi, en, "{d:?}");
        assert!(has_vietnamese(&vi), "{d:?}: {vi}");
    }
}

#[cfg(feature = "archive")]
#[test]
fn every_verify_finding_reads_in_both_languages() {
    use crate::archive::verify::{EntryRef, Finding};
    let entry = || EntryRef {
        id: 1,
        number_symbol: "01-TB/ĐU".into(),
    };
    let path = || "a.pdf".to_string();
    let all = [
        Finding::RegisterDamaged { said: "x".into() },
        Finding::Missing {
            entry: entry(),
            path: path(),
        },
        Finding::Unreadable {
            entry: entry(),
            path: path(),
            said: "x".into(),
        },
        Finding::Altered {
            entry: entry(),
            path: path(),
            found: "ab".into(),
            registered: "cd".into(),
        },
        Finding::AddedToSources {
            entry: entry(),
            path: path(),
        },
        Finding::Leftover { name: "x".into() },
        Finding::Unregistered { name: "x".into() },
    ];
    for f in &all {
        // Every variant is listed: a new one must be added here.
        match f {
            Finding::RegisterDamaged { .. }
            | Finding::Missing { .. }
            | Finding::Unreadable { .. }
            | Finding::Altered { .. }
            | Finding::AddedToSources { .. }
            | Finding::Leftover { .. }
            | Finding::Unregistered { .. } => {}
        }
        let (vi, en) = (verify_finding(f, Lang::Vi), verify_finding(f, Lang::En));
        assert_ne!(vi, en, "{f:?}");
        assert!(has_vietnamese(&vi.replace("01-TB/ĐU", "")), "{f:?}: {vi}");
        assert!(!has_vietnamese(&en.replace("01-TB/ĐU", "")), "{f:?}: {en}");
    }
}
