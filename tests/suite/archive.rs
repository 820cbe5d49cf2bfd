//! The archive (issue 5): PDF/A output checked by independent readers (Apache
//! PDFBox Preflight for PDF/A-1b, pikepdf for the XMP identification and the
//! embedded files), sources that round-trip to the same PDF bytes, and the
//! register: numbering rules, duplicates, corrections, verify, concurrent runs
//! and interrupted runs. Everything goes through the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::common::{example, root};

const SEED: &str = "nghi-quyet-07-NQ-DU-2025.toml";
const PARTY_REPORT: &str = "bao-cao-quy-I-2026-dang-uy.toml";
const STATE_REPORT: &str = "bao-cao-6-thang-2026-ubnd.toml";

fn vanban(args: &[&str]) -> Output {
    vanban_env(args, &[])
}

fn vanban_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_vanban"));
    cmd.args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run vanban")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[track_caller]
fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "vanban failed ({:?}):\n{}",
        o.status,
        stderr(&o)
    );
    stdout(&o)
}

#[track_caller]
fn fails_with(o: Output, code: i32, needles: &[&str]) -> String {
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(code), "stderr:\n{err}");
    for n in needles {
        assert!(err.contains(n), "expected {n:?} in:\n{err}");
    }
    err
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// pikepdf's view of a PDF (tests/pdfa_probe.py).
fn probe(pdf: &Path) -> Value {
    let out = Command::new("python3")
        .arg(root().join("tests/pdfa_probe.py"))
        .arg(pdf)
        .output()
        .expect("python3 (pip install pikepdf)");
    assert!(
        out.status.success(),
        "pdfa_probe.py failed (pip install pikepdf): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const PREFLIGHT_JARS: [&str; 7] = [
    "preflight",
    "pdfbox2",
    "fontbox2",
    "xmpbox",
    "commons-logging",
    "javax.activation",
    "jaxb-api",
];

/// Apache PDFBox Preflight's PDF/A-1b verdict: (valid, its report).
fn preflight(pdf: &Path) -> (bool, String) {
    let jars: Vec<String> = PREFLIGHT_JARS
        .iter()
        .map(|j| format!("/usr/share/java/{j}.jar"))
        .collect();
    for j in &jars {
        assert!(
            Path::new(j).exists(),
            "{j} is missing: apt-get install libpdfbox2-java libactivation-java libjaxb-api-java"
        );
    }
    let out = Command::new("java")
        .arg("-cp")
        .arg(jars.join(":"))
        .arg("org.apache.pdfbox.preflight.Validator_A1b")
        .arg(pdf)
        .output()
        .expect("java");
    let report = format!("{}{}", stdout(&out), stderr(&out));
    (out.status.success(), report)
}

fn list_json(dir: &Path) -> Vec<Value> {
    let out = ok(vanban(&[
        "register",
        "list",
        "--archive",
        s(dir),
        "--format",
        "json",
    ]));
    serde_json::from_str::<Vec<Value>>(&out).unwrap()
}

fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", s(pdf), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A short Party document: `so` (None: a draft), date and a distinguishing note.
fn party_doc(loai: &str, so: Option<u32>, date: &str, note: &str) -> String {
    let so = so.map(|n| format!("so = {n}\n")).unwrap_or_default();
    format!(
        r#"# a short test document
the_thuc = "dang"
loai = "{loai}"
co_quan_cap_tren = "Đảng bộ tỉnh Hà Tĩnh"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
{so}dia_danh = "Vũ Quang"
ngay_ban_hanh = "{date}"
trich_yeu = ["về {note}"]
mo_dau = ["Văn bản thử của vanban: {note}."]

[ky]
hinh_thuc = "thay-mat"
thay_mat = "Ban Chấp hành"
chuc_vu = "Bí thư"
ho_ten = "Nguyễn Văn An"

[noi_nhan]
danh_sach = ["Các chi bộ trực thuộc"]
luu = "Văn phòng Đảng ủy"
"#
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn archive(dir: &Path, files: &[&Path], extra: &[&str]) -> Output {
    let mut args = vec!["archive"];
    args.extend(files.iter().map(|f| s(f)));
    args.extend(["--to", s(dir)]);
    args.extend(extra);
    vanban(&args)
}

const TERM: [&str; 2] = ["--nhiem-ky-tu", "2025-10-01"];

// ---- PDF/A ----

#[test]
fn pdf_a_1b_passes_preflight_and_carries_the_metadata() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = tmp.path().join("seed.pdf");
    ok(vanban(&[
        "render",
        s(&example(SEED)),
        "--pdf-standard",
        "a-1b",
        "-o",
        s(&seed),
    ]));
    let (valid, report) = preflight(&seed);
    assert!(valid, "Preflight rejects the seed as PDF/A-1b:\n{report}");
    assert!(report.contains("is a valid PDF/A-1b file"), "{report}");

    let p = probe(&seed);
    assert_eq!(p["version"], "1.4");
    assert_eq!(p["pdfaid_part"], "1");
    assert_eq!(p["pdfaid_conformance"], "B");
    assert_eq!(p["attachments"].as_array().unwrap().len(), 0);
    let title = p["title"].as_str().unwrap();
    assert!(
        title.starts_with("NGHỊ QUYẾT về tình hình kinh tế"),
        "{title}"
    );
    assert_eq!(p["creator"][0], "ĐẢNG ỦY XÃ VŨ QUANG");
    assert_eq!(
        p["description"],
        "Nghị quyết số 07-NQ/ĐU ngày 30/12/2025 của Đảng ủy xã Vũ Quang"
    );
    let keywords = p["keywords"].as_str().unwrap();
    assert!(keywords.starts_with("07-NQ/ĐU, Nghị quyết"), "{keywords}");
    assert_eq!(p["language"][0], "vi");
    assert_eq!(p["create_date"], "2025-12-30T00:00:00Z");
    assert_eq!(p["info"]["/CreationDate"], "D:20251230000000Z");
    assert_eq!(p["info"]["/Subject"], p["description"]);

    // The validator really validates: the plain PDF 1.7 is not PDF/A-1b.
    let plain = tmp.path().join("plain.pdf");
    ok(vanban(&["render", s(&example(SEED)), "-o", s(&plain)]));
    assert!(!preflight(&plain).0, "Preflight accepts a non-PDF/A file");

    // A report with its landscape indicator table appendix too.
    let state = tmp.path().join("state.pdf");
    ok(vanban(&[
        "render",
        s(&example(STATE_REPORT)),
        "--pdf-standard",
        "a-1b",
        "-o",
        s(&state),
    ]));
    let (valid, report) = preflight(&state);
    assert!(valid, "Preflight rejects the state report:\n{report}");
}

#[test]
fn pdf_a_2b_is_identified_and_embeds_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("seed.pdf");
    ok(vanban(&[
        "render",
        s(&example(SEED)),
        "--pdf-standard",
        "a-2b",
        "-o",
        s(&pdf),
    ]));
    let p = probe(&pdf);
    assert_eq!(p["version"], "1.7");
    assert_eq!(p["pdfaid_part"], "2");
    assert_eq!(p["pdfaid_conformance"], "B");
    assert_eq!(p["attachments"].as_array().unwrap().len(), 0);
    assert_eq!(p["pages"], 9);
}

/// The A-3b of `name` carries exactly its sources, with the layout, MIME
/// types, descriptions and relationships; extracting them and rendering what
/// was extracted gives the same bytes.
fn round_trip(name: &str, expected: &[(&str, &str, &str)]) {
    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("archived.pdf");
    ok(vanban(&[
        "render",
        s(&example(name)),
        "--pdf-standard",
        "a-3b",
        "-o",
        s(&pdf),
    ]));
    let p = probe(&pdf);
    assert_eq!(p["pdfaid_part"], "3");
    assert_eq!(p["pdfaid_conformance"], "B");
    let attachments = p["attachments"].as_array().unwrap();
    let mut names: Vec<&str> = attachments
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    names.sort();
    let mut want: Vec<&str> = expected.iter().map(|e| e.0).collect();
    want.push("vanban-sources.json");
    want.sort();
    assert_eq!(names, want);
    assert_eq!(
        p["catalog_af"],
        attachments.len(),
        "every file is associated"
    );
    for (path, mime, relationship) in expected {
        let a = attachments.iter().find(|a| a["name"] == *path).unwrap();
        assert_eq!(a["mime_type"], *mime, "{path}");
        assert_eq!(a["relationship"], *relationship, "{path}");
        let desc = a["description"].as_str().unwrap();
        assert!(desc.ends_with(path), "{path}: {desc}");
        let original = std::fs::read(root().join("examples").join(path)).unwrap();
        assert_eq!(a["sha256"], sha256(&original), "{path} is embedded as is");
    }

    let out = tmp.path().join("extracted");
    let listed = ok(vanban(&["register", "extract", s(&pdf), "-o", s(&out)]));
    assert_eq!(listed.lines().count(), expected.len());
    // The old spelling `vanban extract` still works, for one release, and
    // does the same (into a fresh folder: extracting never overwrites).
    let old = tmp.path().join("old-spelling");
    assert_eq!(
        ok(vanban(&["extract", s(&pdf), "-o", s(&old)]))
            .lines()
            .count(),
        expected.len()
    );
    for (path, _, _) in expected {
        assert_eq!(
            std::fs::read(old.join(path)).unwrap(),
            std::fs::read(out.join(path)).unwrap()
        );
    }
    for (path, _, _) in expected {
        let back = std::fs::read(out.join(path)).unwrap();
        assert_eq!(
            back,
            std::fs::read(root().join("examples").join(path)).unwrap(),
            "{path}"
        );
    }
    let again = tmp.path().join("again.pdf");
    ok(vanban(&[
        "render",
        s(&out.join(name)),
        "--pdf-standard",
        "a-3b",
        "-o",
        s(&again),
    ]));
    assert!(
        std::fs::read(&pdf).unwrap() == std::fs::read(&again).unwrap(),
        "rendering the extracted sources gives other bytes"
    );
    // Extracting never overwrites: the user's mistake, exit 1.
    fails_with(
        vanban(&[
            "--lang",
            "en",
            "register",
            "extract",
            s(&pdf),
            "-o",
            s(&out),
        ]),
        1,
        &["already exists"],
    );
}

#[test]
fn pdf_a_3b_carries_the_sources_and_round_trips() {
    round_trip(
        PARTY_REPORT,
        &[
            (
                "bao-cao-quy-I-2026-dang-uy.toml",
                "application/toml",
                "/Source",
            ),
            (
                "data/vu-quang/chi-tieu-2026.toml",
                "application/toml",
                "/Data",
            ),
            (
                "data/vu-quang/thuc-hien-quy-I-2026.toml",
                "application/toml",
                "/Data",
            ),
            ("data/vu-quang/doan-van.toml", "application/toml", "/Source"),
        ],
    );
}

#[test]
fn pdf_a_3b_carries_a_binary_workbook_and_round_trips() {
    round_trip(
        STATE_REPORT,
        &[
            (
                "bao-cao-6-thang-2026-ubnd.toml",
                "application/toml",
                "/Source",
            ),
            (
                "data/vu-quang/chi-tieu-2026.toml",
                "application/toml",
                "/Data",
            ),
            (
                "data/vu-quang/thuc-hien-6-thang-2026.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "/Data",
            ),
            ("data/vu-quang/doan-van.toml", "application/toml", "/Source"),
        ],
    );
}

#[test]
fn default_options_render_the_plain_pdf_and_extract_refuses_it() {
    let r = vanban::Renderer::new();
    let file = example(SEED);
    let doc = r.load(&file).unwrap();
    let plain = r.render_pdf(&doc, &file).unwrap();
    let resolved = r.resolve_file(&file).unwrap();
    let with =
        vanban::archive::render_pdf(&r, &resolved, &vanban::archive::RenderOptions::default())
            .unwrap();
    assert!(
        plain == with,
        "archive::render_pdf(default) differs from render_pdf"
    );

    let tmp = tempfile::tempdir().unwrap();
    let pdf = tmp.path().join("plain.pdf");
    std::fs::write(&pdf, &plain).unwrap();
    fails_with(
        vanban(&["extract", s(&pdf), "-o", s(&tmp.path().join("x"))]),
        1,
        &["plain.pdf"],
    );
    fails_with(
        vanban(&["render", s(&file), "--pdf-standard", "a-4"]),
        1,
        &["a-4"],
    );
}

// ---- the register ----

#[test]
fn register_numbers_party_documents_per_type_and_term_and_state_ones_per_year() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let seed = example(SEED);

    // A Party document needs its term.
    fails_with(archive(&dir, &[&seed], &[]), 1, &["--nhiem-ky-tu"]);
    let out = ok(archive(&dir, &[&seed], &TERM));
    assert!(out.contains("2025-12-30_07-NQ-DU.pdf"), "{out}");
    let pdf = dir.join("2025-12-30_07-NQ-DU.pdf");
    assert_eq!(probe(&pdf)["pdfaid_part"], "3");

    let next = |extra: &[&str]| {
        let mut args = vec!["register", "next", "--archive", s(&dir)];
        args.extend(extra);
        ok(vanban(&args)).trim().to_string()
    };
    assert_eq!(next(&["--type", "NQ"]), "08");
    assert_eq!(next(&["--type", "BC"]), "01", "each type has its sequence");
    assert_eq!(
        next(&["--type", "NQ", "--nam", "2027"]),
        "08",
        "a new year is the same term"
    );
    assert_eq!(
        next(&[
            "--type",
            "NQ",
            "--ngay",
            "2030-11-01",
            "--nhiem-ky-tu",
            "2030-10-15"
        ]),
        "01",
        "a new term starts again from 01"
    );

    // State documents: per calendar year.
    ok(archive(&dir, &[&example(STATE_REPORT)], &[]));
    let state = |year: &str| next(&["--type", "BC", "--the-thuc", "nha-nuoc", "--nam", year]);
    assert_eq!(state("2026"), "86");
    assert_eq!(state("2027"), "01");

    // A draft gets the next number, printed in the PDF and written into the
    // document it carries.
    let drafts = tmp.path().join("drafts");
    std::fs::create_dir(&drafts).unwrap();
    let draft = write(
        &drafts,
        "du-thao.toml",
        &party_doc("nghi-quyet", None, "2026-02-05", "dự thảo thứ nhất"),
    );
    fails_with(archive(&dir, &[&draft], &[]), 1, &["--assign-number"]);
    let out = ok(archive(&dir, &[&draft], &["--assign-number"]));
    assert!(out.starts_with("3\t08-NQ/ĐU\t"), "{out}");
    let numbered = dir.join("2026-02-05_08-NQ-DU.pdf");
    let text = pdftotext(&numbered);
    assert!(text.contains("Số 08-NQ/ĐU"), "{text}");
    assert!(text.contains("ngày 05 tháng 02 năm 2026"), "{text}");
    let extracted = tmp.path().join("extracted");
    ok(vanban(&["extract", s(&numbered), "-o", s(&extracted)]));
    let carried = std::fs::read_to_string(extracted.join("du-thao.toml")).unwrap();
    assert!(carried.contains("\nso = 8  #"), "{carried}");
    let again = tmp.path().join("again.pdf");
    ok(vanban(&[
        "render",
        s(&extracted.join("du-thao.toml")),
        "--pdf-standard",
        "a-3b",
        "-o",
        s(&again),
    ]));
    assert!(std::fs::read(&again).unwrap() == std::fs::read(&numbered).unwrap());
    // The draft file itself is left as it was.
    assert!(!std::fs::read_to_string(&draft).unwrap().contains("so = "));
    // Archiving the same draft again does not take another number.
    let out = ok(archive(&dir, &[&draft], &["--assign-number"]));
    assert!(out.starts_with("3\t08-NQ/ĐU\t"), "{out}");
    assert_eq!(list_json(&dir).len(), 3);
    assert_eq!(next(&["--type", "NQ"]), "09");

    let entries = list_json(&dir);
    assert_eq!(entries.len(), 3);
    let e = &entries[2];
    assert_eq!(e["number_symbol"], "85/BC-UBND");
    assert_eq!(e["file"], "2026-06-10_85-BC-UBND.pdf");
    assert_eq!(e["the_thuc"], "nha-nuoc");
    assert_eq!(e["issue_date"], "2026-06-10");
    assert_eq!(e["pdf_standard"], "a-3b");
    assert_eq!(e["issuing_body"], "Ủy ban nhân dân xã Vũ Quang");
    assert_eq!(
        e["sha256"],
        sha256(&std::fs::read(dir.join("2026-06-10_85-BC-UBND.pdf")).unwrap())
    );
    let summary = e["summary"].as_str().unwrap();
    assert!(summary.starts_with("Kết quả thực hiện"), "{summary}");
    let archived_at = e["archived_at"].as_str().unwrap();
    assert!(
        archived_at.ends_with('Z') && archived_at.len() == 20,
        "{archived_at}"
    );
}

#[test]
fn register_refuses_duplicates_and_registers_corrections() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let first = write(
        tmp.path(),
        "a.toml",
        &party_doc("ket-luan", Some(3), "2026-01-20", "văn bản thứ nhất"),
    );
    let other = write(
        tmp.path(),
        "b.toml",
        &party_doc("ket-luan", Some(3), "2026-01-22", "văn bản khác"),
    );
    ok(archive(&dir, &[&first], &TERM));
    let before = std::fs::read(dir.join("2026-01-20_03-KL-DU.pdf")).unwrap();

    // Another document with the same number and symbol in the same term.
    fails_with(
        archive(&dir, &[&other], &[]),
        1,
        &["03-KL/ĐU", "2026-01-20_03-KL-DU.pdf", "--replaces 1"],
    );
    // The same document again: nothing new.
    ok(archive(&dir, &[&first], &[]));
    assert_eq!(list_json(&dir).len(), 1);

    // A corrected version, registered as a new entry that names the first.
    let corrected = write(
        tmp.path(),
        "a-sua.toml",
        &party_doc(
            "ket-luan",
            Some(3),
            "2026-01-20",
            "văn bản thứ nhất, đã sửa",
        ),
    );
    let out = ok(archive(&dir, &[&corrected], &["--replaces", "1"]));
    assert!(out.contains("2026-01-20_03-KL-DU_v2.pdf"), "{out}");
    let entries = list_json(&dir);
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["replaced_by"], 2);
    assert_eq!(entries[1]["replaces"], 1);
    assert_eq!(entries[1]["number_symbol"], "03-KL/ĐU");
    // The first file is kept as it was.
    assert!(std::fs::read(dir.join("2026-01-20_03-KL-DU.pdf")).unwrap() == before);
    // A replaced entry is not replaced twice; a correction keeps its number.
    fails_with(
        archive(&dir, &[&corrected], &["--replaces", "1"]),
        1,
        &["--replaces 1", "--replaces 2"],
    );
    fails_with(
        archive(&dir, &[&other], &["--replaces", "9"]),
        1,
        &["--replaces 9"],
    );
    let renumbered = write(
        tmp.path(),
        "c.toml",
        &party_doc("ket-luan", Some(4), "2026-01-20", "số khác"),
    );
    fails_with(
        archive(&dir, &[&renumbered], &["--replaces", "2"]),
        1,
        &["04-KL/ĐU", "03-KL/ĐU"],
    );
    // The register refuses changes and deletions by itself too.
    let conn = rusqlite::Connection::open(dir.join("register.sqlite")).unwrap();
    assert!(conn
        .execute("DELETE FROM entries WHERE id = 1", [])
        .is_err());
    assert!(conn
        .execute("UPDATE entries SET number = 5 WHERE id = 1", [])
        .is_err());
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, vanban::archive::register::SCHEMA_VERSION);

    let csv = ok(vanban(&[
        "register",
        "list",
        "--archive",
        s(&dir),
        "--format",
        "csv",
    ]));
    assert!(csv.starts_with("id,number,number_symbol,"), "{csv}");
    assert_eq!(csv.lines().count(), 3);
    let table = ok(vanban(&["register", "list", "--archive", s(&dir)]));
    assert!(
        table.contains("Số, ký hiệu") && table.contains("thay thế #1"),
        "{table}"
    );
    let none = ok(vanban(&[
        "register",
        "list",
        "--archive",
        s(&dir),
        "--year",
        "2025",
        "--format",
        "json",
    ]));
    assert_eq!(none.trim(), "[]");
    let kl = list_json_filtered(&dir, &["--type", "KL"]);
    assert_eq!(kl.len(), 2);
    assert!(list_json_filtered(&dir, &["--type", "NQ"]).is_empty());
}

fn list_json_filtered(dir: &Path, extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["register", "list", "--archive", s(dir), "--format", "json"];
    args.extend(extra);
    serde_json::from_str(&ok(vanban(&args))).unwrap()
}

#[test]
fn verify_reports_altered_and_missing_files() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let a = write(
        tmp.path(),
        "a.toml",
        &party_doc("thong-bao", Some(1), "2026-01-05", "thông báo một"),
    );
    let b = write(
        tmp.path(),
        "b.toml",
        &party_doc("thong-bao", Some(2), "2026-01-06", "thông báo hai"),
    );
    ok(archive(&dir, &[&a, &b], &TERM));
    assert_eq!(
        ok(vanban(&["register", "verify", "--archive", s(&dir)])),
        ""
    );

    // Archived files are read-only; alter one byte anyway.
    let altered = dir.join("2026-01-05_01-TB-DU.pdf");
    let mut perms = std::fs::metadata(&altered).unwrap().permissions();
    assert!(perms.readonly());
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&altered, perms).unwrap();
    let mut bytes = std::fs::read(&altered).unwrap();
    let i = bytes.len() / 2;
    bytes[i] ^= 0x20;
    std::fs::write(&altered, &bytes).unwrap();
    let verify = |lang| vanban(&["--lang", lang, "register", "verify", "--archive", s(&dir)]);
    let out = verify("vi");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(
        report.contains("mục 1 (01-TB/ĐU): 2026-01-05_01-TB-DU.pdf: đã bị sửa"),
        "{report}"
    );
    assert_eq!(report.lines().count(), 1);

    std::fs::remove_file(dir.join("2026-01-06_02-TB-DU.pdf")).unwrap();
    let out = verify("en");
    assert_eq!(out.status.code(), Some(1));
    let report = stdout(&out);
    assert!(
        report.contains("2026-01-06_02-TB-DU.pdf: missing"),
        "{report}"
    );
    assert_eq!(report.lines().count(), 2);
}

#[test]
fn pdf_a_1b_archive_keeps_the_sources_beside_the_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    ok(archive(
        &dir,
        &[&example(PARTY_REPORT)],
        &["--pdf-standard", "a-1b", TERM[0], TERM[1]],
    ));
    let pdf = dir.join("2026-03-18_15-BC-DU.pdf");
    let (valid, report) = preflight(&pdf);
    assert!(valid, "{report}");
    let folder = dir.join("2026-03-18_15-BC-DU.nguon");
    for rel in [
        "bao-cao-quy-I-2026-dang-uy.toml",
        "data/vu-quang/chi-tieu-2026.toml",
        "data/vu-quang/thuc-hien-quy-I-2026.toml",
        "data/vu-quang/doan-van.toml",
    ] {
        assert!(
            std::fs::read(folder.join(rel)).unwrap()
                == std::fs::read(root().join("examples").join(rel)).unwrap(),
            "{rel}"
        );
    }
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(folder.join("vanban-sources.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["document"], "bao-cao-quy-I-2026-dang-uy.toml");
    ok(vanban(&["register", "verify", "--archive", s(&dir)]));
    let conn = rusqlite::Connection::open(dir.join("register.sqlite")).unwrap();
    let files: i64 = conn
        .query_row("SELECT count(*) FROM entry_files", [], |r| r.get(0))
        .unwrap();
    assert_eq!(files, 5, "four sources and the manifest");
    // The folder renders the same PDF again.
    let again = tmp.path().join("again.pdf");
    ok(vanban(&[
        "render",
        s(&folder.join("bao-cao-quy-I-2026-dang-uy.toml")),
        "--pdf-standard",
        "a-1b",
        "-o",
        s(&again),
    ]));
    assert!(std::fs::read(&again).unwrap() == std::fs::read(&pdf).unwrap());
    // A source altered in the folder is caught.
    let data = folder.join("data/vu-quang/doan-van.toml");
    std::fs::remove_file(&data).unwrap();
    std::fs::write(&data, "sua = \"x\"\n").unwrap();
    let out = vanban(&["--lang", "vi", "register", "verify", "--archive", s(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("data/vu-quang/doan-van.toml: đã bị sửa"));
}

#[test]
fn concurrent_archive_runs_never_share_a_number() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let drafts: Vec<PathBuf> = (1..=4)
        .map(|i| {
            write(
                tmp.path(),
                &format!("d{i}.toml"),
                &party_doc(
                    "ke-hoach",
                    None,
                    &format!("2026-03-0{i}"),
                    &format!("kế hoạch {i}"),
                ),
            )
        })
        .collect();
    // All start at once on a directory without a register: creating it,
    // recording the term and numbering all race.
    let children: Vec<_> = drafts
        .iter()
        .map(|d| {
            Command::new(env!("CARGO_BIN_EXE_vanban"))
                .args(["archive", s(d), "--to", s(&dir), "--assign-number"])
                .args(TERM)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut numbers = Vec::new();
    for child in children {
        let out = ok(child.wait_with_output().unwrap());
        numbers.push(out.split('\t').nth(1).unwrap().to_string());
    }
    numbers.sort();
    assert_eq!(numbers, ["01-KH/ĐU", "02-KH/ĐU", "03-KH/ĐU", "04-KH/ĐU"]);
    assert_eq!(list_json(&dir).len(), 4);
    ok(vanban(&["register", "verify", "--archive", s(&dir)]));
}

#[test]
fn an_interrupted_archive_leaves_no_half_registered_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("archive");
    let first = write(
        tmp.path(),
        "a.toml",
        &party_doc("bao-cao", Some(1), "2026-01-10", "báo cáo một"),
    );
    ok(archive(&dir, &[&first], &TERM));
    let draft = write(
        tmp.path(),
        "b.toml",
        &party_doc("bao-cao", None, "2026-01-12", "báo cáo hai"),
    );
    let crash = |point: &str| {
        let out = vanban_env(
            &["archive", s(&draft), "--to", s(&dir), "--assign-number"],
            &[("VANBAN_FAILPOINT", point)],
        );
        assert!(!out.status.success(), "{point}: the failpoint did not fire");
        assert!(stderr(&out).contains(point));
    };

    // Killed after inserting the entry, before the rename: nothing registered.
    crash("archive-after-insert");
    assert_eq!(list_json(&dir).len(), 1);
    let out = vanban(&["--lang", "vi", "register", "verify", "--archive", s(&dir)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!dir.join("2026-01-12_02-BC-DU.pdf").exists());
    assert!(stderr(&out).contains("do một lần chạy bị ngắt để lại"));

    // Killed after the rename, before the commit: the file is in place but
    // unregistered, and the number is still free.
    crash("archive-after-rename");
    assert_eq!(list_json(&dir).len(), 1);
    assert!(dir.join("2026-01-12_02-BC-DU.pdf").exists());
    let out = vanban(&["--lang", "en", "register", "verify", "--archive", s(&dir)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("2026-01-12_02-BC-DU.pdf: not in the register"));
    let next = ok(vanban(&[
        "register",
        "next",
        "--archive",
        s(&dir),
        "--type",
        "BC",
    ]));
    assert_eq!(next.trim(), "02");

    // Running it again registers it, taking over the identical file.
    let out = ok(archive(&dir, &[&draft], &["--assign-number"]));
    assert!(out.starts_with("2\t02-BC/ĐU\t"), "{out}");
    ok(vanban(&["register", "verify", "--archive", s(&dir)]));

    // A real kill in the middle of a batch, as soon as its first PDF is in
    // place: whatever was registered is complete, the rest leaves no entry.
    let batch: Vec<PathBuf> = (1..=12)
        .map(|i| {
            write(
                tmp.path(),
                &format!("k{i}.toml"),
                &party_doc(
                    "bao-cao",
                    None,
                    &format!("2026-02-{i:02}"),
                    &format!("báo cáo {i}"),
                ),
            )
        })
        .collect();
    let pdfs = |dir: &Path| {
        std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| {
                let name = e.as_ref().unwrap().file_name();
                let name = name.to_string_lossy();
                name.ends_with(".pdf") && name.starts_with("2026-02-")
            })
            .count()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("archive")
        .args(batch.iter().map(|p| s(p)))
        .args(["--to", s(&dir), "--assign-number"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    while pdfs(&dir) == 0 && child.try_wait().unwrap().is_none() {
        std::thread::sleep(Duration::from_millis(2));
    }
    let _ = child.kill();
    let _ = child.wait();
    let registered = list_json(&dir).len() - 2;
    assert!(
        registered < batch.len(),
        "the kill came too late to test anything"
    );
    let out = vanban(&["register", "verify", "--archive", s(&dir)]);
    assert!(out.status.success(), "after a kill: {}", stderr(&out));
    // The batch again completes it, with no number handed out twice.
    let mut args = vec!["archive"];
    args.extend(batch.iter().map(|p| s(p)));
    args.extend(["--to", s(&dir), "--assign-number"]);
    ok(vanban(&args));
    let entries = list_json(&dir);
    assert_eq!(entries.len(), 14);
    let mut numbers: Vec<u64> = entries
        .iter()
        .map(|e| e["number"].as_u64().unwrap())
        .collect();
    numbers.sort();
    assert_eq!(numbers, (1..=14).collect::<Vec<u64>>());
    ok(vanban(&["register", "verify", "--archive", s(&dir)]));
}
