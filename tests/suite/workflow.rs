//! The daily workflow as a clerk runs it, through the built binary: `new`
//! for every kind and thể thức, `batch` with a broken document among good
//! ones, `preview` PNGs, and `watch` re-rendering after an edit.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;
use vanban::model::TheThuc;

/// The printed type line of `kind` under thể thức `t`, as its profile
/// declares it; none for a kind without one (công văn).
fn type_name(kind: &str, t: TheThuc) -> Option<String> {
    let templates = vanban::templating::TemplateSource::embedded();
    let p = vanban::profile::Profile::load(t.default_profile(), &templates).unwrap();
    let decl = &p.loai[kind];
    decl.khoi.ten_loai.then(|| decl.ten.clone())
}

#[test]
fn every_new_document_renders_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let templates = vanban::templating::TemplateSource::embedded();
    let available = vanban::workflow::new::available(&templates).unwrap();
    // Every skeleton file is declared by a kind, and every declared one is here.
    let files = std::fs::read_dir(root().join("templates/moi"))
        .unwrap()
        .count();
    assert_eq!(available.len(), files);
    for s in available {
        let (kind, t) = (s.name.as_str(), s.the_thuc);
        let tt = match t {
            TheThuc::Dang => "dang",
            TheThuc::NhaNuoc => "nha-nuoc",
        };
        let file = format!("{kind}.{tt}.toml");
        let (code, err) = run_vanban(&["new", kind, "--the-thuc", tt, "-o", &file], dir.path());
        assert_eq!(code, Some(0), "new {kind} {tt}: {err}");
        let (code, err) = run_vanban(&["render", &file], dir.path());
        assert_eq!(code, Some(0), "render {kind} {tt}: {err}");
        let pdf = std::fs::read(dir.path().join(&file).with_extension("pdf")).unwrap();
        let text = pdftotext(&pdf);
        match type_name(&s.kind, t) {
            Some(name) => assert!(text.contains(&name), "{kind} {tt}:\n{text}"),
            None => assert!(text.contains("Kính gửi:"), "{kind} {tt}:\n{text}"),
        }
        let header = match t {
            TheThuc::Dang => "ĐẢNG CỘNG SẢN VIỆT NAM",
            TheThuc::NhaNuoc => "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        };
        assert!(text.contains(header), "{kind} {tt}:\n{text}");
    }
}

#[test]
fn new_refuses_unknown_kinds_other_formats_and_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = run_vanban(&["new", "cong-vna"], dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("cong-van"), "did you mean: {err}");
    let (code, err) = run_vanban(&["new", "nghi-quyet", "--the-thuc", "nha-nuoc"], dir.path());
    assert_eq!(code, Some(1), "{err}");
    let (code, err) = run_vanban(&["new", "thong-bao", "-o", "tb.json"], dir.path());
    assert_eq!(code, Some(1), "{err}");

    // The default name is KIND.toml; a second `new` keeps the clerk's edits.
    let (code, err) = run_vanban(&["new", "thong-bao"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    let file = dir.path().join("thong-bao.toml");
    std::fs::write(&file, "# edited").unwrap();
    let (code, err) = run_vanban(&["new", "thong-bao"], dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "# edited");
    let (code, err) = run_vanban(&["new", "thong-bao", "--force"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("loai = \"thong-bao\""));
}

/// The examples in `docs/`, their data in `docs/data/` (the examples name
/// it as `data/vu-quang/…`), plus `broken.toml`.
fn batch_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    let data = docs.join("data/vu-quang");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::create_dir_all(&data).unwrap();
    for e in std::fs::read_dir(root().join("examples"))
        .unwrap()
        .flatten()
    {
        if e.path().extension().is_some_and(|x| x == "toml") {
            std::fs::copy(e.path(), docs.join(e.file_name())).unwrap();
        }
    }
    for e in std::fs::read_dir(root().join("examples/data/vu-quang"))
        .unwrap()
        .flatten()
    {
        std::fs::copy(e.path(), data.join(e.file_name())).unwrap();
    }
    let broken = std::fs::read_to_string(seed_example()).unwrap().replace(
        "ngay_ban_hanh = \"2025-12-30\"",
        "ngay_ban_hanh = \"31/02/2026\"",
    );
    std::fs::write(docs.join("broken.toml"), broken).unwrap();
    dir
}

#[test]
fn batch_renders_the_good_documents_and_names_the_bad_one() {
    let dir = batch_folder();
    let (code, out, err) = run_vanban_out(
        &["--lang", "en", "batch", "docs", "-o", "out", "-j", "2"],
        dir.path(),
    );
    assert_eq!(code, Some(1), "{err}");
    // The bad document is named with its reason; the others are all written.
    assert!(
        err.contains("broken.toml") && err.contains("31/02/2026"),
        "{err}"
    );
    // Every example (their number grows as examples are added), less none.
    let examples = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .count();
    assert!(err.contains(&format!("{examples} done, 1 failed")), "{err}");
    let written: Vec<PathBuf> = out.lines().map(PathBuf::from).collect();
    assert_eq!(written.len(), examples, "{out}");
    for (pdf, name) in [
        ("nghi-quyet-07-NQ-DU-2025.pdf", "NGHỊ QUYẾT"),
        ("bao-cao-quy-I-2026-dang-uy.pdf", "BÁO CÁO"),
        ("bao-cao-6-thang-2026-ubnd.pdf", "BÁO CÁO"),
    ] {
        let bytes = std::fs::read(dir.path().join("out").join(pdf)).unwrap();
        assert!(pdftotext(&bytes).contains(name), "{pdf}");
    }
    assert!(!dir.path().join("out/broken.pdf").exists());
    // The PDFs are those `render` writes.
    let seed = render_file(&dir.path().join("docs/nghi-quyet-07-NQ-DU-2025.toml"));
    assert_eq!(
        std::fs::read(dir.path().join("out/nghi-quyet-07-NQ-DU-2025.pdf")).unwrap(),
        seed
    );

    std::fs::remove_file(dir.path().join("docs/broken.toml")).unwrap();
    let (code, _, err) = run_vanban_out(&["batch", "docs", "-o", "out"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = run_vanban_out(&["batch", "data", "-o", "out"], dir.path());
    assert_eq!(code, Some(1), "an empty folder is wrong input: {err}");
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let be = |b: &[u8]| u32::from_be_bytes(b.try_into().unwrap());
    (be(&png[16..20]), be(&png[20..24]))
}

#[test]
fn preview_writes_png_pages_at_the_asked_resolution() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed_example();
    let seed = seed.to_str().unwrap();
    let out = dir.path().to_str().unwrap();
    let (code, err) = run_vanban(
        &["preview", seed, "--page", "2", "--dpi", "96", "-o", out],
        dir.path(),
    );
    assert_eq!(code, Some(0), "{err}");
    let png = std::fs::read(dir.path().join("nghi-quyet-07-NQ-DU-2025-2.png")).unwrap();
    // A4 is 595.28 × 841.89 pt; at 96 dpi, 4/3 pixel per point.
    let (w, h) = png_size(&png);
    assert!((793..=794).contains(&w), "{w}");
    assert!((1122..=1123).contains(&h), "{h}");
    assert!(!dir.path().join("nghi-quyet-07-NQ-DU-2025-1.png").exists());

    let (code, err) = run_vanban(&["preview", seed, "--dpi", "72", "-o", out], dir.path());
    assert_eq!(code, Some(0), "{err}");
    let pages = std::fs::read_dir(dir.path()).unwrap().count();
    assert!(pages >= 5, "every page written: {pages}");
    let (w, _) =
        png_size(&std::fs::read(dir.path().join("nghi-quyet-07-NQ-DU-2025-1.png")).unwrap());
    assert!((595..=596).contains(&w), "{w}");

    let (code, err) = run_vanban(&["preview", seed, "--page", "99", "-o", out], dir.path());
    assert_eq!(code, Some(1), "{err}");
}

fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn watch_renders_again_after_an_edit_and_keeps_the_last_good_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("tb.toml");
    let (code, err) = run_vanban(&["new", "thong-bao", "-o", "tb.toml"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    let pdf = dir.path().join("tb.pdf");
    let stderr = dir.path().join("watch.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["--lang", "en", "watch", "tb.toml"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&stderr).unwrap())
        .spawn()
        .unwrap();
    let log = || std::fs::read_to_string(&stderr).unwrap_or_default();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        wait_for("the first render", || log().matches(" ms").count() >= 1);
        let first = std::fs::read(&pdf).unwrap();
        assert!(pdftotext(&first).contains("Nguyễn Văn A"));

        let text = std::fs::read_to_string(&doc).unwrap();
        std::fs::write(&doc, text.replace("Nguyễn Văn A", "Trần Văn C")).unwrap();
        wait_for("the re-render", || log().matches(" ms").count() >= 2);
        let second = std::fs::read(&pdf).unwrap();
        assert!(pdftotext(&second).contains("Trần Văn C"), "{}", log());

        // A broken edit: the error is printed and the last good PDF stays.
        std::fs::write(&doc, "the_thuc = \"dang\"\nloai = ").unwrap();
        wait_for("the error", || log().contains("last good output is kept"));
        assert_eq!(std::fs::read(&pdf).unwrap(), second);
    }));
    child.kill().unwrap();
    child.wait().unwrap();
    if let Err(e) = result {
        eprintln!("watch log:\n{}", log());
        std::panic::resume_unwind(e);
    }
}
