//! Errors as the clerk sees them: in Vietnamese by default, English with
//! VANBAN_LANG=en or --lang en (the flag wins), with the offending line of
//! the file and a label under the place; `-o -` writes to standard output.

use std::path::Path;
use std::process::Command;

use crate::common::*;

/// Runs vanban in `dir` with `VANBAN_LANG` set to `lang` (or unset):
/// (exit code, stdout bytes, stderr).
fn vanban_env(dir: &Path, lang: Option<&str>, args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vanban"));
    cmd.args(args).current_dir(dir).env_remove("NO_COLOR");
    match lang {
        Some(l) => cmd.env("VANBAN_LANG", l),
        None => cmd.env_remove("VANBAN_LANG"),
    };
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The seed example with `so = 7` replaced by a line `so = "bảy"` (a string
/// where a number belongs): the value stands at column 6 of its line.
fn bad_document(dir: &Path) -> String {
    let seed = std::fs::read_to_string(seed_example()).unwrap();
    assert!(
        seed.lines().any(|l| l.starts_with("so = ")),
        "seed has no `so`"
    );
    let bad: Vec<String> = seed
        .lines()
        .map(|l| {
            if l.starts_with("so = ") {
                "so = \"bảy\"".to_string()
            } else {
                l.to_string()
            }
        })
        .collect();
    std::fs::write(dir.join("nq.toml"), bad.join("\n") + "\n").unwrap();
    "so = \"bảy\"".to_string()
}

/// The excerpt's line showing `source`, and the column (in characters, within
/// the printed line) where the label's underline starts on the next line.
fn label_under(stderr: &str, source: &str) -> (usize, usize) {
    let lines: Vec<&str> = stderr.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.ends_with(source) && l.contains('│'))
        .unwrap_or_else(|| panic!("no excerpt line `{source}` in:\n{stderr}"));
    let value_col = lines[at].chars().count() - source.chars().count() + "so = ".len();
    let underline = lines[at + 1];
    let mark = underline
        .chars()
        .position(|c| matches!(c, '─' | '┬' | '^'))
        .unwrap_or_else(|| panic!("no label under the line:\n{stderr}"));
    (value_col, mark)
}

#[test]
fn a_bad_value_is_shown_in_its_line_with_a_label_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let line = bad_document(dir.path());
    let (code, out, err) = vanban_env(dir.path(), None, &["render", "nq.toml"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(out.is_empty());
    assert!(!dir.path().join("nq.pdf").exists(), "half-written output");
    // The message, in Vietnamese, names the file, line, column and field.
    assert!(err.contains("nq.toml:"), "{err}");
    assert!(err.contains("trường `so`"), "{err}");
    assert!(err.contains("sai kiểu dữ liệu"), "{err}");
    // The stable code and the hint.
    assert!(err.contains("vanban::tai_lieu::cu_phap"), "{err}");
    assert!(err.contains("sửa chỗ được đánh dấu"), "{err}");
    // The source line, and the label starting under the value.
    let (value_col, mark) = label_under(&err, &line);
    assert_eq!(mark, value_col, "label not under `\"bảy\"`:\n{err}");
    assert!(
        !err.contains('\u{1b}'),
        "colour codes in piped output:\n{err}"
    );
}

#[test]
fn vanban_lang_en_gives_english_and_the_flag_wins() {
    let dir = tempfile::tempdir().unwrap();
    let line = bad_document(dir.path());
    let (code, _, en) = vanban_env(dir.path(), Some("en"), &["render", "nq.toml"]);
    assert_eq!(code, Some(1));
    assert!(
        en.contains("field `so`") && en.contains("invalid type"),
        "{en}"
    );
    assert!(en.contains("fix the marked place"), "{en}");
    let (value_col, mark) = label_under(&en, &line);
    assert_eq!(mark, value_col, "{en}");

    let (_, _, vi) = vanban_env(
        dir.path(),
        Some("en"),
        &["--lang", "vi", "render", "nq.toml"],
    );
    assert!(
        vi.contains("trường `so`") && !vi.contains("field `so`"),
        "{vi}"
    );
    let (_, _, en) = vanban_env(dir.path(), Some("vi"), &["render", "nq.toml", "--lang=en"]);
    assert!(en.contains("field `so`"), "{en}");
}

#[test]
fn a_field_without_a_parser_position_is_found_by_its_path() {
    // A legacy-encoding error is found after parsing: only the field path is
    // known, and the excerpt still points at its key.
    let dir = tempfile::tempdir().unwrap();
    let seed = std::fs::read_to_string(seed_example()).unwrap();
    let first = "\"về tình hình kinh tế - xã hội, quốc phòng, an ninh năm 2025;\"";
    assert!(seed.contains(first));
    // Two words the check reads as TCVN3 (a sign inside a word).
    let text = seed.replacen(first, "\"ab§cd ef¶gh\"", 1);
    std::fs::write(dir.path().join("nq.toml"), text).unwrap();
    let (code, _, err) = vanban_env(dir.path(), None, &["render", "nq.toml"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("bảng mã cũ"), "{err}");
    let (_, mark) = label_under(&err, "\"ab§cd ef¶gh\",");
    let shown = err
        .lines()
        .find(|l| l.ends_with("\"ab§cd ef¶gh\","))
        .unwrap();
    assert_eq!(mark, shown.chars().position(|c| c == '"').unwrap(), "{err}");
    assert!(err.contains("╰── trường `trich_yeu[0]`"), "{err}");
}

#[test]
fn help_follows_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, _) = vanban_env(dir.path(), None, &["render", "--help"]);
    assert_eq!(code, Some(0));
    let vi = String::from_utf8(out).unwrap();
    assert!(vi.contains("Cách dùng:") && vi.contains("Tùy chọn"), "{vi}");
    assert!(vi.contains("đầu ra chuẩn"), "{vi}");
    let (_, out, _) = vanban_env(dir.path(), Some("en"), &["render", "--help"]);
    let en = String::from_utf8(out).unwrap();
    assert!(
        en.contains("Usage:") && en.contains("standard output"),
        "{en}"
    );
    assert!(!en.contains("Cách dùng"), "{en}");
    // The kinds under `new --help` have a heading in the language too.
    let (_, out, _) = vanban_env(dir.path(), None, &["new", "--help"]);
    let vi = String::from_utf8(out).unwrap();
    assert!(
        vi.contains("Loại văn bản ([loai.*]") && vi.contains("quyet-dinh"),
        "{vi}"
    );
    let (_, out, _) = vanban_env(dir.path(), Some("en"), &["new", "--help"]);
    let en = String::from_utf8(out).unwrap();
    assert!(
        en.contains("Kinds ([loai.*]") && !en.contains("Loại văn bản"),
        "{en}"
    );
}

#[test]
fn dash_output_writes_the_same_bytes_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_example();
    let doc = dir.path().join("nq.toml");
    std::fs::copy(&seed, &doc).unwrap();
    for emit in ["pdf", "typ"] {
        let (code, file_err) = run_vanban(&["render", "nq.toml", "--emit", emit], dir.path());
        assert_eq!(code, Some(0), "{file_err}");
        let written = std::fs::read(dir.path().join(format!("nq.{emit}"))).unwrap();
        let (code, out, err) = vanban_env(
            dir.path(),
            None,
            &["render", "nq.toml", "--emit", emit, "-o", "-"],
        );
        assert_eq!(code, Some(0), "{err}");
        assert!(
            out == written,
            "{emit}: stdout differs from the file output"
        );
        // Nothing but the output on stdout, no "đã ghi" line for a file.
        assert!(!err.contains("đã ghi"), "{err}");
    }
    assert!(!dir.path().join("-").exists());
}

#[test]
fn register_next_takes_year_and_its_old_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let next = |args: &[&str]| {
        let mut all = vec![
            "register",
            "next",
            "--archive",
            "kho",
            "--type",
            "BC",
            "--the-thuc",
            "nha-nuoc",
        ];
        all.extend_from_slice(args);
        let (code, out, err) = vanban_env(dir.path(), None, &all);
        assert_eq!(code, Some(0), "{err}");
        (String::from_utf8(out).unwrap(), err)
    };
    let (new, err) = next(&["--year", "2027"]);
    let (old, _) = next(&["--nam", "2027"]);
    assert_eq!(new, old);
    assert_eq!(new.trim(), "01");
    assert!(err.contains("số tiếp theo"), "{err}");
    let (by_date, _) = next(&["--date", "05/03/2027"]);
    let (by_ngay, _) = next(&["--ngay", "05/03/2027"]);
    assert_eq!(by_date, by_ngay);
}

/// clap's own errors (an unknown option, a wrong value, a missing argument
/// or subcommand) read in the user's language, name what was typed, and
/// exit 1: a wrong command line is wrong input.
#[test]
fn a_wrong_command_line_is_told_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&[&str], &str, &str, &[&str])] = &[
        (
            &["render", "x.toml", "--outptu", "y.pdf"],
            "không có đối số `--outptu`; có phải là `--output`?",
            "unexpected argument `--outptu`; did you mean `--output`?",
            &[],
        ),
        (
            &["render", "x.toml", "--emit", "pdff"],
            "giá trị `pdff` không hợp lệ cho `--emit <EMIT>`; các giá trị hợp lệ: `pdf`, `docx`, `typ`",
            "invalid value `pdff` for `--emit <EMIT>`; the valid values are: `pdf`, `docx`, `typ`",
            &[],
        ),
        (
            &["rendr", "x.toml"],
            "không có lệnh `rendr`; có phải là lệnh `render`?",
            "unrecognized subcommand `rendr`; did you mean the command `render`?",
            &[],
        ),
        (
            &["render"],
            "thiếu đối số bắt buộc: `<FILE>`",
            "required arguments were not provided: `<FILE>`",
            &[],
        ),
        (
            &["preview", "x.toml", "--ppi", "5"],
            "giá trị `5` không hợp lệ cho `--ppi <PPI>`: ",
            "invalid value `5` for `--ppi <PPI>`: ",
            &["10..=1200"],
        ),
        (
            &["watch", "x.toml", "--png", "--format", "docx"],
            "không dùng được `--png` cùng với `--format <FORMAT>`",
            "`--png` cannot be used with `--format <FORMAT>`",
            &[],
        ),
    ];
    for (args, vi, en, also) in cases {
        for (lang, said, usage, more) in [
            ("vi", vi, "Cách dùng: vanban", "Xem `--help`"),
            ("en", en, "Usage: vanban", "try `--help`"),
        ] {
            let (code, out, err) = vanban_env(dir.path(), Some(lang), args);
            assert_eq!(code, Some(1), "{args:?} {lang}: {err}");
            assert!(out.is_empty(), "{args:?}");
            assert!(
                err.contains(said),
                "{args:?} {lang}: expected `{said}` in:\n{err}"
            );
            assert!(err.contains(more), "{args:?}: {err}");
            // clap gives the usage line with an unknown or missing argument.
            if args.len() == 1 || args.get(2) == Some(&"--outptu") {
                assert!(err.contains(usage), "{args:?}: {err}");
            }
            for a in *also {
                assert!(err.contains(a), "{args:?}: {err}");
            }
            if lang == "vi" {
                // No sentence of clap's English left.
                for english in [
                    "unexpected",
                    "invalid value",
                    "required",
                    "For more information",
                ] {
                    assert!(
                        !err.contains(english),
                        "{args:?}: English `{english}` in:\n{err}"
                    );
                }
            }
        }
    }
    // A command group alone: its help, in the language, and exit 1.
    for (lang, about) in [
        ("vi", "Sổ đăng ký của một thư mục lưu trữ"),
        ("en", "What an archive directory holds"),
    ] {
        let (code, _, err) = vanban_env(dir.path(), Some(lang), &["register"]);
        assert_eq!(code, Some(1), "{err}");
        assert!(err.contains(about) && err.contains("next"), "{err}");
    }
    // A value vanban itself refuses while clap parses, in the language.
    for (lang, words) in [
        ("vi", "không phải chuẩn PDF vanban ghi được"),
        ("en", "is not a PDF standard vanban writes"),
    ] {
        let args = ["render", "x.toml", "--pdf-standard", "a-9"];
        let (code, _, err) = vanban_env(dir.path(), Some(lang), &args);
        assert_eq!(code, Some(1), "{err}");
        assert!(err.contains(words), "{lang}: {err}");
    }
    for (lang, words) in [
        ("vi", "không phải hình thức bản sao"),
        ("en", "is not a form of copy"),
    ] {
        let args = [
            "register",
            "copy",
            "1",
            "--archive",
            ".",
            "--order",
            "x.toml",
            "--form",
            "sao",
        ];
        let (code, _, err) = vanban_env(dir.path(), Some(lang), &args);
        assert_eq!(code, Some(1), "{err}");
        assert!(err.contains(words), "{lang}: {err}");
    }
    // Help and version are not errors: exit 0, on stdout.
    let (code, out, _) = vanban_env(dir.path(), Some("vi"), &["--version"]);
    assert_eq!(code, Some(0));
    assert!(String::from_utf8_lossy(&out).contains("vanban"));
}

/// Every error that knows its place in the document shows it: the file,
/// line and column in the excerpt's header, the line itself and a label
/// naming the field under it. One bad input per located kind of error.
#[test]
fn every_located_error_shows_its_line_with_a_label() {
    let seed = std::fs::read_to_string(seed_example()).unwrap();
    let replace = |from: &str, to: &str| {
        assert!(seed.contains(from), "seed has no `{from}`");
        seed.replacen(from, to, 1)
    };
    let long = format!("\"{}\",", "a".repeat(20_001));
    // (what, document text, code, line:column, label, excerpt shows)
    let cases: Vec<(&str, String, &str, &str, &str, &str)> = vec![
        (
            "Parse",
            replace("so = 7", "so = \"bảy\""),
            "vanban::tai_lieu::cu_phap",
            "32:6",
            "trường `so`",
            "so = \"bảy\"",
        ),
        (
            // The parser places an unclosed string after the line's last
            // character: the label stands there, at the message's column.
            "Parse (syntax)",
            replace("loai = \"nghi-quyet\"", "loai = \"nghi-quyet"),
            "vanban::tai_lieu::cu_phap",
            "27:19",
            "ở đây",
            "loai = \"nghi-quyet",
        ),
        (
            "Invalid",
            replace("so = 7", "so = 0"),
            "vanban::tai_lieu::gia_tri",
            "32:1",
            "trường `so`",
            "so = 0",
        ),
        (
            "UnknownKind",
            replace("loai = \"nghi-quyet\"", "loai = \"nghi-qyet\""),
            "vanban::tai_lieu::loai_van_ban",
            "27:1",
            "trường `loai`",
            "loai = \"nghi-qyet\"",
        ),
        (
            "KindBlock",
            replace("loai = \"nghi-quyet\"", "loai = \"cong-van\""),
            "vanban::tai_lieu::khoi_cua_loai",
            "27:1",
            "trường `loai`",
            "loai = \"cong-van\"",
        ),
        (
            "MissingGlyph",
            replace("dia_danh = \"Vũ Quang\"", "dia_danh = \"Vũ Quang ☃\""),
            "vanban::tai_lieu::thieu_ky_tu",
            "33:1",
            "trường `dia_danh`",
            "dia_danh = \"Vũ Quang ☃\"",
        ),
        (
            "LegacyEncoding",
            replace(
                "\"mục tiêu, nhiệm vụ, giải pháp năm 2026\"",
                "\"ab§cd ef¶gh\"",
            ),
            "vanban::tai_lieu::bang_ma_cu",
            "37:3",
            "trường `trich_yeu[1]`",
            "\"ab§cd ef¶gh\"",
        ),
        (
            "Limit",
            replace("\"mục tiêu, nhiệm vụ, giải pháp năm 2026\",", &long),
            "vanban::tai_lieu::vuot_gioi_han",
            "37:3",
            "trường `trich_yeu[1]`",
            "\"aaaaaaaaaa",
        ),
        (
            "Outside",
            format!("{seed}\n[so_lieu]\nchi_tieu = \"../x.toml\"\nthuc_hien = \"../y.csv\"\n"),
            "vanban::tep::ngoai_thu_muc",
            ":1]",
            "trường `so_lieu.chi_tieu`",
            "chi_tieu = \"../x.toml\"",
        ),
    ];
    let root = tempfile::tempdir().unwrap();
    std::fs::write(root.path().join("x.toml"), "nam = 2026\n").unwrap();
    let dir = root.path().join("vb");
    std::fs::create_dir(&dir).unwrap();
    for (what, text, code, at, label, shown) in cases {
        std::fs::write(dir.join("vb.toml"), &text).unwrap();
        let (status, _, err) = vanban_env(&dir, Some("vi"), &["render", "vb.toml"]);
        assert_eq!(status, Some(1), "{what}: {err}");
        assert!(err.contains(code), "{what}: not {code}:\n{err}");
        let header = err
            .lines()
            .find(|l| l.contains("╭─[vb.toml:"))
            .unwrap_or_else(|| panic!("{what}: no excerpt header in:\n{err}"));
        assert!(
            header.contains(at),
            "{what}: header {header} lacks {at}:\n{err}"
        );
        assert!(
            err.lines().any(|l| l.contains('│') && l.contains(shown)),
            "{what}: the line `{shown}` is not shown:\n{err}"
        );
        assert!(
            err.lines().any(|l| l.contains("╰──") && l.ends_with(label)),
            "{what}: no label `{label}`:\n{err}"
        );
        assert!(!dir.join("vb.pdf").exists(), "{what}: a PDF was written");
    }
}
