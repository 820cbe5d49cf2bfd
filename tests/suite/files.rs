//! Output and files (issue 9): what vanban writes never replaces a special
//! file or an input, follows the umask and keeps a replaced file's mode; what
//! a document names stays inside its folder; the A-3b sources round-trip;
//! `extract` never writes through a symlink; errors locate without quoting.

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::*;

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn vanban_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    run_vanban_out(args, dir)
}

/// Runs vanban under `umask`, through the shell (a process's umask is
/// inherited, and the test process must keep its own).
fn vanban_umask(umask: &str, dir: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn mkfifo(p: &Path) {
    let ok = Command::new("mkfifo").arg(p).status().unwrap().success();
    assert!(ok, "mkfifo {}", p.display());
}

/// The Party report and its data copied into `dir/docs` (the data under
/// `docs/data/vu-quang`, as the example names it).
fn report_folder(dir: &Path) -> PathBuf {
    let docs = dir.join("docs");
    let data = docs.join("data/vu-quang");
    std::fs::create_dir_all(&data).unwrap();
    for e in std::fs::read_dir(root().join("examples/data/vu-quang"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(e.path(), data.join(e.file_name())).unwrap();
    }
    let doc = docs.join("report.toml");
    std::fs::copy(
        root().join("examples/bao-cao-quy-I-2026-dang-uy.toml"),
        &doc,
    )
    .unwrap();
    doc
}

// ---- item 1: special files and inputs are never replaced ----

#[test]
fn render_refuses_a_target_that_is_not_a_regular_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let fifo = d.join("fifo.pdf");
    mkfifo(&fifo);
    let folder = d.join("folder.pdf");
    std::fs::create_dir(&folder).unwrap();
    let to_fifo = d.join("link-to-fifo.pdf");
    std::os::unix::fs::symlink(&fifo, &to_fifo).unwrap();
    let to_null = d.join("link-to-null.pdf");
    std::os::unix::fs::symlink("/dev/null", &to_null).unwrap();
    let mut targets = vec![fifo.clone(), folder.clone(), to_fifo.clone(), to_null];
    // A device node of our own (as root): what `-o /dev/null` would replace.
    let device = d.join("null.pdf");
    if Command::new("mknod")
        .args([s(&device), "c", "1", "3"])
        .status()
        .is_ok_and(|st| st.success())
    {
        targets.push(device.clone());
    }
    for target in &targets {
        for emit in ["pdf", "typ"] {
            let (code, _, err) = vanban_in(
                d,
                &[
                    "--lang",
                    "en",
                    "render",
                    s(&seed_example()),
                    "--emit",
                    emit,
                    "-o",
                    s(target),
                ],
            );
            assert_eq!(code, Some(1), "{}: {err}", target.display());
            assert!(
                err.contains("not a regular file") && err.contains(s(target)),
                "{}: {err}",
                target.display()
            );
        }
    }
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    assert!(folder.is_dir());
    assert!(std::fs::symlink_metadata(&to_fifo)
        .unwrap()
        .file_type()
        .is_symlink());
    if device.exists() {
        assert!(std::fs::symlink_metadata(&device)
            .unwrap()
            .file_type()
            .is_char_device());
    }
    // Vietnamese by default.
    let (code, _, err) = vanban_in(d, &["render", s(&seed_example()), "-o", s(&fifo)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("không phải là tệp thông thường"), "{err}");
}

#[test]
fn render_refuses_to_overwrite_its_own_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let doc = report_folder(dir.path());
    let docs = doc.parent().unwrap().to_path_buf();
    let catalogue = docs.join("data/vu-quang/chi-tieu-2026.toml");
    let figures = docs.join("data/vu-quang/thuc-hien-quy-I-2026.toml");
    let fragments = docs.join("data/vu-quang/doan-van.toml");
    // A hard link and a symlink are the same file under another name.
    let hard = docs.join("hard.pdf");
    std::fs::hard_link(&figures, &hard).unwrap();
    let soft = docs.join("soft.pdf");
    std::os::unix::fs::symlink(&fragments, &soft).unwrap();
    let before: Vec<Vec<u8>> = [&doc, &catalogue, &figures, &fragments]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    for target in [&doc, &catalogue, &figures, &fragments, &hard, &soft] {
        for emit in ["pdf", "typ"] {
            let (code, _, err) = vanban_in(
                &docs,
                &[
                    "--lang",
                    "en",
                    "render",
                    s(&doc),
                    "--emit",
                    emit,
                    "-o",
                    s(target),
                ],
            );
            assert_eq!(code, Some(1), "{}: {err}", target.display());
            assert!(
                err.contains("is an input of this render"),
                "{}: {err}",
                target.display()
            );
        }
    }
    let after: Vec<Vec<u8>> = [&doc, &catalogue, &figures, &fragments]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert!(before == after, "an input was overwritten");
    assert!(std::fs::symlink_metadata(&soft)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn preview_and_batch_refuse_special_files_and_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let doc = d.join("nq.toml");
    std::fs::copy(seed_example(), &doc).unwrap();
    mkfifo(&d.join("nq-1.png"));
    let (code, _, err) = vanban_in(d, &["--lang", "en", "preview", "nq.toml", "--page", "1"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("not a regular file"), "{err}");

    // A batch whose output folder holds a link to one of the documents.
    let out = d.join("out");
    std::fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink(&doc, out.join("nq.pdf")).unwrap();
    let before = std::fs::read(&doc).unwrap();
    let (code, _, err) = vanban_in(d, &["--lang", "en", "batch", "nq.toml", "-o", "out"]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("is an input of this render"), "{err}");
    assert_eq!(std::fs::read(&doc).unwrap(), before);
}

// ---- item 2: modes ----

#[test]
fn new_files_follow_the_umask_and_replaced_files_keep_their_mode() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pdf = d.join("nq.pdf");
    for (umask, want) in [("022", 0o644), ("027", 0o640), ("077", 0o600)] {
        let _ = std::fs::remove_file(&pdf);
        let (code, err) = vanban_umask(umask, d, &["render", s(&seed_example()), "-o", s(&pdf)]);
        assert_eq!(code, Some(0), "{err}");
        assert_eq!(mode(&pdf), want, "umask {umask}");
    }
    // A replaced file keeps its mode, whatever the umask.
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o664)).unwrap();
    let (code, err) = vanban_umask("077", d, &["render", s(&seed_example()), "-o", s(&pdf)]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(mode(&pdf), 0o664);
    // PNG pages too.
    let (code, err) = vanban_umask(
        "022",
        d,
        &["preview", s(&seed_example()), "--page", "1", "-o", s(d)],
    );
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(mode(&d.join("nghi-quyet-07-NQ-DU-2025-1.png")), 0o644);
}

// ---- item 3: confinement, excerpts, the A-3b round trip ----

/// `dir/docs/report.toml` naming its data in `dir/shared` (`../shared/…`).
fn report_naming_outside(dir: &Path) -> PathBuf {
    let doc = report_folder(dir);
    std::fs::rename(dir.join("docs/data"), dir.join("shared")).unwrap();
    let text = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(
        &doc,
        text.replace("\"data/vu-quang/", "\"../shared/vu-quang/"),
    )
    .unwrap();
    doc
}

#[test]
fn a_document_names_files_only_in_its_folder_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let doc = report_naming_outside(d);
    let (code, _, err) = vanban_in(d, &["--lang", "en", "render", s(&doc)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("outside the document's folder") && err.contains("--allow-path"),
        "{err}"
    );
    assert!(err.contains("../shared/vu-quang/"), "{err}");
    assert!(!doc.with_extension("pdf").exists());
    // In Vietnamese too, and for check.
    let (code, _, err) = vanban_in(d, &["check", s(&doc)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("nằm ngoài thư mục của văn bản"), "{err}");
    // The option widens it, for every command that reads documents.
    let (code, _, err) = vanban_in(d, &["render", s(&doc), "--allow-path", "shared"]);
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = vanban_in(d, &["check", s(&doc), "--allow-path", "shared"]);
    assert_eq!(code, Some(0), "{err}");

    // A symlink inside the folder that leads out of it is outside too, and so
    // is an absolute path.
    let docs = d.join("docs");
    std::os::unix::fs::symlink(d.join("shared"), docs.join("link")).unwrap();
    let text = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(&doc, text.replace("\"../shared/", "\"link/")).unwrap();
    let (code, _, err) = vanban_in(d, &["--lang", "en", "render", s(&doc)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("outside the document's folder"), "{err}");
    let abs = s(&d.join("shared")).to_string();
    std::fs::write(&doc, text.replace("\"../shared/", &format!("\"{abs}/"))).unwrap();
    let (code, _, err) = vanban_in(d, &["--lang", "en", "render", s(&doc)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("outside the document's folder"), "{err}");
    // A file outside that does not exist is refused the same way: "not found"
    // would tell whether someone else's file exists.
    std::fs::write(
        &doc,
        text.replace("\"../shared/", &format!("\"{abs}/no-such-")),
    )
    .unwrap();
    let (code, _, err) = vanban_in(d, &["--lang", "en", "render", s(&doc)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("outside the document's folder"), "{err}");
}

#[test]
fn a_file_that_fails_to_parse_is_never_quoted_beyond_a_short_excerpt() {
    let dir = tempfile::tempdir().unwrap();
    let doc = report_folder(dir.path());
    let docs = doc.parent().unwrap();
    let secret = format!("root:x:0:0:{}:/root:/bin/bash", "s".repeat(200));
    // A "CSV" of figures whose header is someone's secret.
    std::fs::write(docs.join("secret.csv"), format!("{secret}\nsecond line\n")).unwrap();
    let text = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(
        &doc,
        text.replace("data/vu-quang/thuc-hien-quy-I-2026.toml", "secret.csv"),
    )
    .unwrap();
    let (code, _, err) = vanban_in(docs, &["--lang", "en", "render", s(&doc)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("secret.csv"), "{err}");
    assert!(!err.contains(&"s".repeat(61)), "{err}");
    assert!(!err.contains("second line"), "{err}");
    // A catalogue whose string sits where a number belongs.
    let long = "T".repeat(300);
    std::fs::write(
        docs.join("bad.json"),
        format!("{{\"nam\": \"{long}\", \"chi_tieu\": []}}"),
    )
    .unwrap();
    std::fs::write(
        &doc,
        text.replace("data/vu-quang/chi-tieu-2026.toml", "bad.json"),
    )
    .unwrap();
    let (code, _, err) = vanban_in(docs, &["--lang", "en", "render", s(&doc)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("bad.json:1:"), "{err}");
    assert!(!err.contains(&"T".repeat(61)), "{err}");
}

#[test]
fn a_3b_sources_named_through_a_symlink_or_dotdot_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let doc = report_folder(d);
    let docs = doc.parent().unwrap().to_path_buf();
    // The data reached through a symlinked folder and through `x/../`.
    std::fs::rename(docs.join("data"), docs.join("real")).unwrap();
    std::os::unix::fs::symlink("real", docs.join("data")).unwrap();
    std::fs::create_dir(docs.join("x")).unwrap();
    let text = std::fs::read_to_string(&doc).unwrap();
    std::fs::write(
        &doc,
        text.replace(
            "\"data/vu-quang/thuc-hien",
            "\"x/../real/vu-quang/thuc-hien",
        ),
    )
    .unwrap();
    let pdf = d.join("a3b.pdf");
    let (code, _, err) = vanban_in(
        d,
        &["render", s(&doc), "--pdf-standard", "a-3b", "-o", s(&pdf)],
    );
    assert_eq!(code, Some(0), "{err}");
    let out = d.join("out");
    let (code, listed, err) = vanban_in(d, &["extract", s(&pdf), "-o", s(&out)]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!listed.contains(".."), "{listed}");
    let again = d.join("again.pdf");
    let (code, _, err) = vanban_in(
        d,
        &[
            "render",
            s(&out.join("report.toml")),
            "--pdf-standard",
            "a-3b",
            "-o",
            s(&again),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        std::fs::read(&pdf).unwrap() == std::fs::read(&again).unwrap(),
        "the extracted sources render another PDF"
    );
}

// ---- item 4: extract and verify ----

fn party_a3b(d: &Path) -> PathBuf {
    let pdf = d.join("a3b.pdf");
    let (code, _, err) = vanban_in(
        d,
        &[
            "render",
            s(&root().join("examples/bao-cao-quy-I-2026-dang-uy.toml")),
            "--pdf-standard",
            "a-3b",
            "-o",
            s(&pdf),
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    pdf
}

#[test]
fn extract_never_writes_through_a_symlink_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let pdf = party_a3b(d);
    let out = d.join("out");
    let elsewhere = d.join("elsewhere");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("data")).unwrap();
    let (code, _, err) = vanban_in(d, &["--lang", "en", "extract", s(&pdf), "-o", s(&out)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 0);
    assert!(
        !out.join("bao-cao-quy-I-2026-dang-uy.toml").exists(),
        "half an extraction was written"
    );
    // A symlinked file is refused as well, and its target left alone.
    std::fs::remove_file(out.join("data")).unwrap();
    let target = d.join("victim.toml");
    std::fs::write(&target, "x = 1\n").unwrap();
    std::os::unix::fs::symlink(&target, out.join("bao-cao-quy-I-2026-dang-uy.toml")).unwrap();
    let (code, _, err) = vanban_in(d, &["--lang", "en", "extract", s(&pdf), "-o", s(&out)]);
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "x = 1\n");

    // Over an earlier extraction: a user error (exit 1), nothing changed.
    let fresh = d.join("fresh");
    let (code, _, err) = vanban_in(d, &["extract", s(&pdf), "-o", s(&fresh)]);
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = vanban_in(d, &["--lang", "en", "extract", s(&pdf), "-o", s(&fresh)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn verify_reports_a_file_added_to_a_sources_folder() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let archive = d.join("archive");
    let (code, _, err) = vanban_in(
        d,
        &[
            "archive",
            s(&root().join("examples/bao-cao-quy-I-2026-dang-uy.toml")),
            "--to",
            s(&archive),
            "--pdf-standard",
            "a-1b",
            "--nhiem-ky-tu",
            "2025-10-01",
        ],
    );
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = vanban_in(d, &["register", "verify", "--archive", s(&archive)]);
    assert_eq!(code, Some(0), "{err}");
    let folder = archive.join("2026-03-18_15-BC-DU.nguon");
    std::fs::write(folder.join("data/vu-quang/extra.csv"), "ma\n").unwrap();
    let (code, out, err) = vanban_in(d, &["register", "verify", "--archive", s(&archive)]);
    assert_eq!(code, Some(1), "{err}");
    assert!(
        out.contains("2026-03-18_15-BC-DU.nguon/data/vu-quang/extra.csv"),
        "{out}"
    );
}

// ---- item 16: UTF-8 errors at their place ----

#[test]
fn an_invalid_utf8_byte_is_reported_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        b"the_thuc = \"dang\"\n# ghi ch\xc3\xba\nloai = \"\xe1\xbbxx\"\n",
    )
    .unwrap();
    let (code, _, err) = vanban_in(dir.path(), &["--lang", "en", "render", s(&path)]);
    assert_eq!(code, Some(1), "{err}");
    // Line 3, column 9: after `loai = "` (8 characters).
    assert!(err.contains("bad.toml:3:9"), "{err}");
}
