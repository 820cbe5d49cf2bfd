//! `vanban serve` in a real browser: headless Chromium driven by
//! tests/browser/serve.py (selenium), against the binary serving a copy of
//! the examples. scripts/test installs chromium, chromium-driver and selenium.
//! The screenshots stay in target/tmp/serve-screenshots to look at.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::common::*;

/// Stops the server even when the test fails.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

fn comments(text: &str) -> Vec<&str> {
    text.lines().filter(|l| l.contains('#')).collect()
}

#[test]
fn a_clerk_edits_the_seed_and_archives_a_report_from_excel_in_chromium() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("van-phong");
    copy_tree(&root().join("examples"), &dir);
    // The workbook comes from the clerk's own computer, outside the folder.
    let upload = tmp.path().join("so-lieu-6-thang.xlsx");
    std::fs::copy(
        root().join("examples/data/vu-quang/thuc-hien-6-thang-2026.xlsx"),
        &upload,
    )
    .unwrap();
    let seed = dir.join("nghi-quyet-07-NQ-DU-2025.toml");
    let original = std::fs::read_to_string(&seed).unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["serve", "--port", "0", "--dir"])
        .arg(&dir)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let server = Server(child);
    let mut line = String::new();
    BufReader::new(stderr).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();

    let shots = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serve-screenshots");
    let _ = std::fs::remove_dir_all(&shots);
    let downloads = tmp.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let out = Command::new("python3")
        .arg(root().join("tests/browser/serve.py"))
        .args([
            &url,
            &dir.display().to_string(),
            &upload.display().to_string(),
        ])
        .arg(&shots)
        .arg(&downloads)
        .output()
        .expect("python3 runs (scripts/test installs selenium, chromium, chromium-driver)");
    drop(server);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "browser test failed (screenshots in {}):\n{stdout}\n{stderr}",
        shots.display()
    );
    assert!(stdout.contains("browser test passed"), "{stdout}");

    // The word changed in the file, the recipient added and the group's
    // names reordered, nothing else
    // (the section added, moved and deleted left no trace): every comment kept.
    let saved = std::fs::read_to_string(&seed).unwrap();
    let last = "  \"Các đảng bộ cơ sở, chi bộ cơ sở, chi bộ trực thuộc\",\n";
    assert_eq!(
        saved,
        original
            .replacen(
                "Năm 2025, thực hiện nhiệm vụ",
                "Năm 2025, triển khai nhiệm vụ",
                1
            )
            .replacen(
                last,
                &format!("{last}  \"Ban Tuyên giáo và Dân vận Tỉnh ủy\",\n"),
                1
            )
            .replacen(
                "\"Các ban đảng, UBKT Tỉnh ủy\", \"Văn phòng Tỉnh ủy\"",
                "\"Văn phòng Tỉnh ủy\", \"Các ban đảng, UBKT Tỉnh ủy\"",
                1
            )
    );
    assert_eq!(comments(&saved), comments(&original));
    // The DOCX the browser downloaded is the saved document's.
    let docx = std::fs::read(downloads.join("nghi-quyet-07-NQ-DU-2025.docx")).unwrap();
    let r = vanban::Renderer::new();
    let resolved = r.resolve_file(&seed).unwrap();
    assert_eq!(
        docx,
        r.render_as(&resolved, vanban::output::Format::Docx)
            .unwrap()
    );

    // The report names the uploaded figures and is in the register.
    let report = std::fs::read_to_string(dir.join("bao-cao-6-thang-moi.toml")).unwrap();
    assert!(
        report.contains("thuc_hien = \"so-lieu-6-thang.xlsx\""),
        "{report}"
    );
    assert!(
        report.contains("# Tệp mẫu do `vanban new"),
        "the skeleton's comments are kept"
    );
    assert!(dir.join("so-lieu-6-thang.xlsx").exists());
    let register = vanban::archive::register::Register::open_existing(&dir.join("luu-tru"))
        .unwrap()
        .expect("the archive has a register");
    let entries = register.entries().unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].number_symbol, "01/BC-UBND");
    let pdf = std::fs::read(dir.join("luu-tru").join(&entries[0].file)).unwrap();
    let text = pdftotext(&pdf);
    assert!(text.contains("Số: 01/BC-UBND"), "{text}");
}
