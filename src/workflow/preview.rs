//! `vanban preview FILE`: the pages as PNG pictures, to look at a document
//! while writing it without opening a PDF viewer.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use typst::utils::Scalar;
use typst_layout::PagedDocument;
use typst_render::RenderOptions;

use crate::error::Error;

/// One PNG of `page` (0-based) at `dpi` dots per inch.
pub fn png(doc: &PagedDocument, page: usize, dpi: f64) -> Result<Vec<u8>, Error> {
    let options = RenderOptions {
        // Typst measures in points: 72 per inch.
        pixel_per_pt: Scalar::new(dpi / 72.0),
        render_bleed: false,
    };
    typst_render::render(&doc.pages()[page], &options)
        .encode_png()
        .map_err(|e| Error::Png { source: e.into() })
}

/// Writes `DIR/<stem>-<page>.png` for `page` (1-based) or for every page, and
/// returns the files written; none replaces one of `inputs`. Pages are
/// independent, so they render in parallel.
pub fn write_pages(
    doc: &PagedDocument,
    file: &Path,
    page: Option<usize>,
    dpi: f64,
    dir: &Path,
    inputs: &[PathBuf],
) -> Result<Vec<PathBuf>, Error> {
    let count = doc.pages().len();
    let pages: Vec<usize> = match page {
        Some(n) if n == 0 || n > count => {
            return Err(Error::NoSuchPage {
                file: file.to_path_buf(),
                page: n,
                pages: count,
            })
        }
        Some(n) => vec![n],
        None => (1..=count).collect(),
    };
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "vanban".into());
    pages
        .par_iter()
        .map(|&n| {
            let target = dir.join(format!("{stem}-{n}.png"));
            crate::output::write_output(&target, &png(doc, n - 1, dpi)?, inputs)?;
            Ok(target)
        })
        .collect()
}
