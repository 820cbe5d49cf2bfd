//! The end of a document: the signature block never stands alone on a page.
//! Offices never issue a page with Nơi nhận and the signature and no body text
//! above it (issue 11 §7); the Party quarterly example used to end that way.

use crate::common::*;

/// The lines above "Nơi nhận" on its page, the page number left out; in a
/// biên bản, which has no recipients, above its two signatures' positions.
fn body_lines_above_the_recipients(pdf: &[u8]) -> (usize, Vec<String>) {
    let probed = probe(pdf);
    for (i, page) in probed.pages.iter().enumerate() {
        let ls = lines(page);
        let ending = |t: &str| t.starts_with("Nơi nhận") || t.contains("CHỦ TRÌ HỘI NGHỊ");
        if let Some(at) = ls.iter().position(|l| ending(&l.text())) {
            let above = ls[..at]
                .iter()
                .map(|l| l.text())
                .filter(|t| !t.chars().all(|c| c.is_ascii_digit()))
                .collect();
            return (i + 1, above);
        }
    }
    panic!("no Nơi nhận in the PDF");
}

#[test]
fn every_example_has_body_text_above_its_signature() {
    let mut examples: Vec<_> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 3);
    for example in examples {
        let (page, above) = body_lines_above_the_recipients(&render_file(&example));
        assert!(
            above.len() >= 2,
            "{}: page {page} holds the signature with {} line(s) of text above it: {above:?}",
            example.display(),
            above.len()
        );
    }
}
