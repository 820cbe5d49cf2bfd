//! The archive: PDF/A output that carries its own sources, and a register in
//! an archive directory that numbers documents and keeps their checksums.
//!
//! [`pdfa`] exports PDF/A and writes the attachments, [`sources`] finds the
//! files a document is made from, [`numbering`] says which number sequence a
//! document belongs to, [`register`] is the SQLite register, [`store`] puts a
//! document into an archive directory, [`verify`] checks one, [`listing`]
//! prints the register, [`extract`] gets the sources out of a PDF again and
//! [`copy`] makes a registered bản sao of a registered document.

// PDF/A export, the source set and the numbering identity need no archive
// directory; the register (SQLite) and reading a PDF back (lopdf) do.
#[cfg(feature = "archive")]
pub mod copy;
#[cfg(feature = "archive")]
pub mod extract;
#[cfg(feature = "archive")]
pub mod listing;
pub mod numbering;
pub mod pdfa;
#[cfg(feature = "archive")]
pub mod register;
pub mod sources;
#[cfg(feature = "archive")]
pub mod store;
#[cfg(feature = "archive")]
pub mod verify;

use typst::foundations::Bytes;

/// The register's file name in the archive directory.
// Here, not in `register`, so messages can name it without the `archive` feature.
pub const REGISTER_FILE: &str = "register.sqlite";

pub use numbering::Identity;
pub use pdfa::{Attachment, PdfStandard};
pub use sources::SourceSet;

use crate::error::Error;
use crate::locale::numeric_date;
use crate::{typeset, Renderer, Resolved};

/// How to export a PDF beyond the defaults of [`Renderer::render`].
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A PDF/A level, or `None` for a plain PDF 1.7.
    pub pdf_standard: Option<PdfStandard>,
    /// Files to embed (PDF/A-3b or a plain PDF only).
    pub attachments: Vec<Attachment>,
}

/// Renders a resolved document to PDF bytes as `options` say. With the
/// default options this is exactly [`Renderer::render`].
pub fn render_pdf(
    renderer: &Renderer,
    r: &Resolved,
    options: &RenderOptions,
) -> Result<Vec<u8>, Error> {
    let standard = options.pdf_standard;
    if standard.is_none() && options.attachments.is_empty() {
        return renderer.render(r);
    }
    if let Some(s) = standard.filter(|s| !s.embeds_files()) {
        if !options.attachments.is_empty() {
            return Err(Error::Archive {
                file: r.file.clone(),
                message: format!(
                    "PDF/{} cannot carry embedded files; use a-3b, or store the sources beside the PDF",
                    s.name().to_uppercase()
                ),
            });
        }
    }
    register_pattern(r)?;
    let source = renderer.source(r)? + &pdfa::trailer(&metadata(&r.identity), &options.attachments);
    let files = options
        .attachments
        .iter()
        .map(|a| (pdfa::virtual_path(a), Bytes::new(a.bytes.clone())))
        .chain(r.image_files())
        .collect();
    let paged = typeset::compile_with_files(renderer.fonts(), source, r.pdf_date, files)?;
    pdfa::export(&paged, &r.identity.ident, r.pdf_date, standard)
}

/// The identity's number pattern, which the register and the archival
/// metadata need: a profile whose `dau.mau_so` has no `{so}` prints, but
/// cannot be numbered.
pub fn register_pattern(r: &Resolved) -> Result<&str, Error> {
    r.identity.pattern.as_deref().ok_or_else(|| Error::Profile {
        name: r.profile.ten.clone(),
        message: "`dau.mau_so` has no `{so}`, so the register cannot write numbers".into(),
    })
}

/// Keywords and subject of an archived PDF.
fn metadata(id: &Identity) -> pdfa::ArchiveMetadata {
    let date = numeric_date(id.date);
    let (number, keyword) = match id.number {
        Some(n) => (format!("số {}", id.number_symbol(n)), id.number_symbol(n)),
        None => (
            format!("(dự thảo, chưa có số) {}", id.symbol()),
            id.symbol(),
        ),
    };
    pdfa::ArchiveMetadata {
        keywords: vec![
            keyword,
            id.kind_name(),
            id.issuer.clone(),
            id.date.format("%Y-%m-%d").to_string(),
        ],
        description: format!("{} {number} ngày {date} của {}", id.kind_name(), id.issuer),
    }
}

/// Renders a resolved document as `standard`; a PDF/A-3b carries the
/// document's sources, the very bytes the render read. What `vanban render
/// --pdf-standard` writes.
pub fn render_standard(
    renderer: &Renderer,
    r: &Resolved,
    standard: PdfStandard,
) -> Result<Vec<u8>, Error> {
    let attachments = if standard.embeds_files() {
        SourceSet::collect(r, None)?.attachments()
    } else {
        Vec::new()
    };
    render_pdf(
        renderer,
        r,
        &RenderOptions {
            pdf_standard: Some(standard),
            attachments,
        },
    )
}
