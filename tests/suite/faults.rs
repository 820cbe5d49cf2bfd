//! Bad input, pasted text and faults: a clear message and an untouched
//! output, never a panic, a wrong document or a changed file.

use std::io::Write;

use crate::common::*;
use vanban::{output, Error};

fn refused(name: &str, content: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    let (code, err) = run_vanban(&["render", path.to_str().unwrap()], dir.path());
    assert_eq!(code, Some(1), "{name}: {err}");
    assert!(!err.contains("panicked"), "{name}: {err}");
    assert!(
        err.contains(name),
        "{name}: the message names the file: {err}"
    );
    let pdf = path.with_extension("pdf");
    assert!(!pdf.exists(), "{name}: a PDF was written");
    err
}

#[test]
fn truncated_empty_binary_huge_and_deeply_nested_files_are_refused_cleanly() {
    let seed = std::fs::read(seed_example()).unwrap();
    refused("truncated.toml", &seed[..seed.len() / 2]);
    refused("empty.toml", b"");
    refused("empty.json", b"");
    refused("empty.yaml", b"");
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 24) as u8)
        .collect();
    let err = refused("binary.toml", &binary);
    assert!(err.contains("UTF-8"), "{err}");
    let huge = vec![b' '; 50 * 1024 * 1024];
    let err = refused("huge.toml", &huge);
    // A document file's own limit (1 MiB); data files may reach 16 MiB.
    assert!(err.contains("vượt giới hạn 1048576"), "{err}");
    let depth = 100_000;
    let nested_toml = format!("a = {}{}", "[".repeat(depth), "]".repeat(depth));
    refused("nested.toml", nested_toml.as_bytes());
    let nested_json = format!("{{\"a\": {}{}}}", "[".repeat(depth), "]".repeat(depth));
    refused("nested.json", nested_json.as_bytes());
    let nested_yaml = format!("a: {}{}", "[".repeat(depth), "]".repeat(depth));
    refused("nested.yaml", nested_yaml.as_bytes());
}

const DOC: &str = r#"
the_thuc = "dang"
loai = "thong-bao"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 4
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-03-02"
trich_yeu = "về lịch làm việc"
mo_dau = ["BEGIN", "TEXT", "END", "Hết."]
[ky]
chuc_vu = "Bí thư"
ho_ten = "Trần Nguyên Thọ"
[noi_nhan]
luu = "Văn phòng Đảng ủy"
"#;

fn pasted(text: &str) -> Result<String, Error> {
    let toml_text = DOC.replace(
        "\"TEXT\"",
        &toml::Value::String(text.to_string()).to_string(),
    );
    render_toml(&toml_text).map(|pdf| squash(&pdftotext(&pdf)))
}

#[test]
fn text_pasted_from_word_and_pdf_prints_as_meant() {
    let cases = [
        (
            "decomposed (NFD)",
            "Vu\u{0303} Quang đa\u{0323}t",
            "Vũ Quang đạt",
        ),
        (
            "non-breaking spaces",
            "Vũ\u{a0}Quang\u{202f}đạt",
            "Vũ Quang đạt",
        ),
        (
            "zero-width spaces",
            "Vũ\u{200b} Quang\u{feff} đạt\u{200d}",
            "Vũ Quang đạt",
        ),
        ("soft hyphens", "chuyển\u{ad}đổi số", "chuyểnđổi số"),
        (
            "smart quotes",
            "phong trào “Toàn dân đoàn kết” và ‘Học tập số’",
            "phong trào “Toàn dân đoàn kết” và ‘Học tập số’",
        ),
        ("tabs", "Vũ\tQuang\t\tđạt", "Vũ Quang đạt"),
        (
            "Windows line endings",
            "dòng một\r\ndòng hai",
            "dòng một dòng hai",
        ),
    ];
    for (what, input, want) in cases {
        let text = pasted(input).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(
            text.contains(&format!("BEGIN {want} END")),
            "{what}: {text}"
        );
    }
}

#[test]
fn a_file_with_byte_order_mark_and_windows_line_endings_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.toml");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(DOC.replace('\n', "\r\n").as_bytes());
    std::fs::write(&path, bytes).unwrap();
    let pdf = render_file(&path);
    assert!(squash(&pdftotext(&pdf)).contains("BEGIN TEXT END"));
}

#[test]
fn legacy_encoded_text_is_refused_with_its_field_and_encoding() {
    for (input, encoding) in [
        ("§¶ng ñy x· Vò Quang", "TCVN3"),
        ("Ñaûng uûy xaõ Vuõ Quang", "VNI"),
    ] {
        let err = pasted(input).unwrap_err();
        assert!(matches!(err, Error::LegacyEncoding { .. }), "{err}");
        let msg = err.to_string();
        assert!(msg.contains("mo_dau[1]") && msg.contains(encoding), "{msg}");
    }
}

#[test]
fn a_failed_write_leaves_the_previous_pdf_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("nq.pdf");
    std::fs::write(&target, b"the previous good PDF").unwrap();
    // Half the bytes, then the disk is full.
    let err = output::write_atomic_with(&target, |f| {
        f.write_all(b"%PDF-1.7 half")?;
        Err(std::io::Error::other("No space left on device"))
    })
    .unwrap_err();
    assert!(err.to_string().contains("No space left on device"), "{err}");
    assert_eq!(std::fs::read(&target).unwrap(), b"the previous good PDF");
    let entries: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(entries.len(), 1, "a temporary file was left behind");
    // And a write that succeeds replaces it whole.
    output::write_atomic(&target, b"%PDF-new").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-new");
}

#[test]
fn an_unwritable_target_is_a_clean_error() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = run_vanban(
        &[
            "render",
            seed_example().to_str().unwrap(),
            "-o",
            dir.path().join("no/such/dir/x.pdf").to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("x.pdf") && !err.contains("panicked"), "{err}");
}
