//! One resolved document for every consumer: the render, `watch` and the
//! archive agree on the files a document is made from and on who it is.

use std::collections::BTreeSet;
use std::path::PathBuf;

use sha2::{Digest, Sha256};
use vanban::archive::register::Register;
use vanban::archive::store::{self, ArchiveOptions, Outcome};
use vanban::archive::PdfStandard;
use vanban::Renderer;

use crate::common::*;

const EXAMPLES: &[&str] = &[
    "examples/bao-cao-quy-I-2026-dang-uy.toml",
    "examples/bao-cao-6-thang-2026-ubnd.toml",
    "examples/nghi-quyet-07-NQ-DU-2025.toml",
];

fn sha(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn render_watch_and_archive_agree_on_inputs_and_identity() {
    let renderer = Renderer::new();
    for example in EXAMPLES {
        let file = root().join(example);
        let resolved = renderer.resolve_file(&file).unwrap();

        // The render's inputs, as files.
        let rendered: BTreeSet<PathBuf> = resolved
            .sources
            .iter()
            .map(|s| s.input.real.clone())
            .collect();
        let expected_count = if example.contains("bao-cao") { 4 } else { 1 };
        assert_eq!(rendered.len(), expected_count, "{example}: {rendered:?}");

        // What `watch` watches: the same files.
        let watched = vanban::workflow::watch::inputs(&renderer, &file);
        assert_eq!(watched, rendered, "{example}: watch and render differ");

        // The PDF prints the identity.
        let pdf = renderer.render(&resolved).unwrap();
        assert_eq!(pdf, render_file(&file), "{example}: one path, one PDF");
        let text = pdftotext(&pdf);
        assert!(
            text.contains(&resolved.identity.printed),
            "{example}: {} not printed",
            resolved.identity.printed
        );

        // The archive keeps the same files, byte for byte, and files the
        // document under the same identity.
        let tmp = tempfile::tempdir().unwrap();
        let mut reg = Register::open(tmp.path()).unwrap();
        store::record_term(
            &mut reg,
            chrono::NaiveDate::from_ymd_opt(2025, 10, 1).unwrap(),
        )
        .unwrap();
        let outcome = store::archive(
            &renderer,
            &mut reg,
            tmp.path(),
            &file,
            &ArchiveOptions {
                standard: PdfStandard::A1b,
                assign_number: false,
                replaces: None,
            },
        )
        .unwrap();
        let Outcome::Archived(entry) = outcome else {
            panic!("{example}: not archived");
        };
        let id = &resolved.identity;
        let number = id.number.unwrap();
        assert_eq!(entry.number, number);
        assert_eq!(entry.number_symbol, id.number_symbol(number));
        assert_eq!(entry.type_code, id.type_code);
        assert_eq!(entry.body_code, id.body_code);
        assert_eq!(entry.issue_date, id.date.format("%Y-%m-%d").to_string());
        assert_eq!(entry.kind, id.kind);
        let kept: BTreeSet<(String, String)> = reg
            .files_of(entry.id)
            .unwrap()
            .into_iter()
            .filter(|f| f.role != "manifest")
            .map(|f| (f.role, f.sha256))
            .collect();
        let read: BTreeSet<(String, String)> = resolved
            .sources
            .iter()
            .map(|s| (s.role.name().to_string(), sha(&s.input.bytes)))
            .collect();
        assert_eq!(kept, read, "{example}: archive and render differ");
        let archived = std::fs::read(tmp.path().join(&entry.file)).unwrap();
        assert!(pdftotext(&archived).contains(&id.printed), "{example}");
    }
}
