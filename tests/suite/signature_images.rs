//! Signature and seal images of an electronically signed copy (NĐ 30 Phụ lục I
//! §II.7d, §II.8a; the-thuc.md §3.8, §4.6): the signature centred between the
//! position and the name, the seal over its left third, transparent PNGs only,
//! read only from the document's folder tree, and listed as the document's
//! sources.

use std::path::Path;

use crate::common::*;

/// The committee's tờ trình số 12.
fn state() -> Doc {
    Doc::state_submission().set("so", 12)
}

/// The Party committee's báo cáo số 12.
fn party() -> Doc {
    Doc::party_report().set("so", 12)
}

/// Signs with the sample signature and seal.
fn with_images(doc: Doc) -> Doc {
    doc.set("ky.anh_chu_ky", "chu-ky.png")
        .set("ky.anh_dau", "dau.png")
}

/// A folder with the document and a 240×90 signature and 200×200 seal.
fn folder(doc: Doc) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    doc.write(&dir.path().join("d.toml"));
    signature_and_seal(dir.path());
    dir
}

fn page_of(dir: &Path) -> Page {
    let pdf = render_file(&dir.join("d.toml"));
    probe(&pdf).pages.into_iter().next().unwrap()
}

fn word<'a>(page: &'a Page, text: &str) -> &'a Word {
    page.words
        .iter()
        .find(|w| w.text == text)
        .unwrap_or_else(|| panic!("no word {text:?}"))
}

/// Checks the zone: signature centred under the position line, between it
/// and the name; the seal `width_mm` wide, its right edge a third into the
/// signature, on the same middle line.
fn assert_zone(page: &Page, position: &str, width_mm: f64) {
    let [sig, seal] = [0, 1].map(|i| page.images[i].clone());
    let position_line = lines(page)
        .into_iter()
        .find(|l| l.text() == position)
        .unwrap_or_else(|| panic!("no line {position:?}"));
    let name = word(page, "Nguyễn");
    let centre = (position_line.x0() + position_line.x1()) / 2.0;
    assert!(
        ((sig.x0 + sig.x1) / 2.0 - centre).abs() < 1.0,
        "{sig:?} vs {centre}"
    );
    assert!(
        sig.top > position_line.words[0].bottom && sig.bottom < name.top,
        "{sig:?}"
    );
    // 18 mm high, as the profile's `ky.anh_chu_ky_cao`.
    assert!(((sig.bottom - sig.top) - 18.0 * MM).abs() < 0.5, "{sig:?}");
    assert!(
        ((seal.x1 - seal.x0) - width_mm * MM).abs() < 0.5,
        "{seal:?}"
    );
    let third = sig.x0 + (sig.x1 - sig.x0) / 3.0;
    assert!(
        (seal.x1 - third).abs() < 1.0,
        "{seal:?} does not cover a third of {sig:?}"
    );
    assert!(seal.x0 < sig.x0, "the seal is on the signature's left");
    let mid = |t: f64, b: f64| (t + b) / 2.0;
    assert!((mid(sig.top, sig.bottom) - mid(seal.top, seal.bottom)).abs() < 1.0);
}

#[test]
fn state_signature_is_centred_and_the_seal_covers_its_left_third() {
    let dir = folder(with_images(state()));
    let with = page_of(dir.path());
    assert_eq!(with.images.len(), 2, "{:?}", with.images);
    assert_zone(&with, "CHỦ TỊCH", 36.0);
    // The zone keeps its height: the name is where the paper copy has it.
    let plain = folder(state());
    let without = page_of(plain.path());
    assert!(without.images.is_empty());
    assert!((word(&with, "Nguyễn").top - word(&without, "Nguyễn").top).abs() < 0.5);
}

#[test]
fn party_signature_uses_the_same_zone() {
    let dir = folder(with_images(party()));
    let page = page_of(dir.path());
    assert_eq!(page.images.len(), 2);
    assert_zone(&page, "BÍ THƯ", 36.0);
}

#[test]
fn an_opaque_or_foreign_image_is_refused_with_its_field() {
    let dir = folder(with_images(state()));
    std::fs::write(
        dir.path().join("dau.png"),
        png(200, 200, [200, 0, 0], false),
    )
    .unwrap();
    let (code, err) = run_vanban(&["render", "d.toml", "--lang", "en"], dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains("field `ky.anh_dau`") && err.contains("not transparent"),
        "{err}"
    );
    assert!(!dir.path().join("d.pdf").exists());
    let (_, vi) = run_vanban(&["render", "d.toml"], dir.path());
    assert!(vi.contains("không có nền trong suốt"), "{vi}");

    std::fs::write(dir.path().join("dau.png"), b"GIF89a not a png").unwrap();
    let (code, err) = run_vanban(&["render", "d.toml", "--lang", "en"], dir.path());
    assert_eq!(code, Some(1));
    assert!(err.contains("not a PNG"), "{err}");

    // Outside the document's folder tree.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("s.png"), png(20, 20, [200, 0, 0], true)).unwrap();
    let far = outside.path().join("s.png");
    state()
        .set("ky.anh_chu_ky", far.to_str().unwrap())
        .write(&dir.path().join("d.toml"));
    let (code, err) = run_vanban(&["render", "d.toml", "--lang", "en"], dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("ky.anh_chu_ky"), "{err}");
    // --allow-path widens it.
    let (code, err) = run_vanban(
        &[
            "render",
            "d.toml",
            "--allow-path",
            outside.path().to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn the_images_are_sources_of_the_resolved_document() {
    let dir = folder(with_images(state()));
    let file = dir.path().join("d.toml");
    let r = vanban::Renderer::new().resolve_file(&file).unwrap();
    let roles: Vec<(&str, &str)> = r
        .sources
        .iter()
        .map(|s| (s.role.name(), s.field.as_str()))
        .collect();
    assert!(
        roles.contains(&("anh-chu-ky", "ky.anh_chu_ky")),
        "{roles:?}"
    );
    assert!(roles.contains(&("anh-dau", "ky.anh_dau")), "{roles:?}");
    let deps = vanban::resolve::dependencies(&r.written);
    assert_eq!(deps.len(), 2);
}
