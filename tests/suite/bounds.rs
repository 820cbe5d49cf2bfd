//! Inputs that used to panic or run away: every one must finish quickly with
//! a PDF or a located error naming the limit.

use std::path::{Path, PathBuf};

use crate::common::*;

/// A folder holding the Party quarterly report (its data copied beside it),
/// with `edit` applied to the document text; returns the folder and the file.
fn report_with(edit: impl Fn(String) -> String) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    for entry in std::fs::read_dir(root().join("data/vu-quang")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(
            entry.path(),
            dir.path().join("data").join(entry.file_name()),
        )
        .unwrap();
    }
    let text = std::fs::read_to_string(root().join("examples/bao-cao-quy-I-2026-dang-uy.toml"))
        .unwrap()
        .replace("../data/vu-quang/", "data/");
    let file = dir.path().join("bao-cao.toml");
    std::fs::write(&file, edit(text)).unwrap();
    (dir, file)
}

fn render(dir: &Path, file: &Path) -> (Option<i32>, String) {
    run_vanban(
        &[
            "render",
            file.to_str().unwrap(),
            "-o",
            "out.pdf",
            "--lang",
            "en",
        ],
        dir,
    )
}

#[test]
fn every_kind_names_itself_in_the_appendix_line() {
    // ĐỀ ÁN starts with a two-byte letter: the sentence-case name was cut by byte.
    for (kind, name) in [
        ("de-an", "Đề án"),
        ("bao-cao", "Báo cáo"),
        ("to-trinh", "Tờ trình"),
    ] {
        let (dir, file) =
            report_with(|t| t.replace("loai = \"bao-cao\"", &format!("loai = \"{kind}\"")));
        let (code, err) = render(dir.path(), &file);
        assert_eq!(code, Some(0), "{kind}: {err}");
        let text = squash(&pdftotext(
            &std::fs::read(dir.path().join("out.pdf")).unwrap(),
        ));
        assert!(
            text.contains(&format!("(Kèm theo {name} số 15-")),
            "{kind}: no appendix line in\n{text}"
        );
    }
}
