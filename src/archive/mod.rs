//! The archive: PDF/A output that carries its own sources, and a register in
//! an archive directory that numbers documents and keeps their checksums.
//!
//! [`pdfa`] exports PDF/A and writes the attachments, [`sources`] finds the
//! files a document is made from, [`numbering`] says which number sequence a
//! document belongs to, [`register`] is the SQLite register, [`store`] puts a
//! document into an archive directory, [`verify`] checks one, [`listing`]
//! prints the register and [`extract`] gets the sources out of a PDF again.

pub mod extract;
pub mod listing;
pub mod numbering;
pub mod pdfa;
pub mod register;
pub mod sources;
pub mod store;
pub mod verify;

use std::borrow::Cow;
use std::path::Path;

use typst::foundations::Bytes;

pub use numbering::Identity;
pub use pdfa::{Attachment, PdfStandard};
pub use sources::SourceSet;

use crate::error::Error;
use crate::inputs::Inputs;
use crate::model::Document;
use crate::profile::Profile;
use crate::{indicators, templating, typeset, Renderer};

/// How to export a PDF beyond the defaults of [`Renderer::render_pdf`].
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// A PDF/A level, or `None` for a plain PDF 1.7.
    pub pdf_standard: Option<PdfStandard>,
    /// Files to embed (PDF/A-3b or a plain PDF only).
    pub attachments: Vec<Attachment>,
}

impl Renderer {
    /// Renders `doc` to PDF bytes as `options` say. With the default options
    /// this is exactly [`Renderer::render_pdf`].
    pub fn render_pdf_with(
        &self,
        doc: &Document,
        file: &Path,
        options: &RenderOptions,
    ) -> Result<Vec<u8>, Error> {
        self.render_pdf_with_in(doc, file, &self.inputs(), options)
    }

    /// [`Renderer::render_pdf_with`], the files read through `inputs`.
    pub fn render_pdf_with_in(
        &self,
        doc: &Document,
        file: &Path,
        inputs: &Inputs,
        options: &RenderOptions,
    ) -> Result<Vec<u8>, Error> {
        let standard = options.pdf_standard;
        if standard.is_none() && options.attachments.is_empty() {
            return self.render_pdf_in(doc, file, inputs);
        }
        if let Some(s) = standard.filter(|s| !s.embeds_files()) {
            if !options.attachments.is_empty() {
                return Err(Error::Archive {
                    file: file.to_path_buf(),
                    message: format!(
                        "PDF/{} cannot carry embedded files; use a-3b, or store the sources beside the PDF",
                        s.name().to_uppercase()
                    ),
                });
            }
        }
        let prepared = self.prepare_in(doc, file, inputs)?;
        let identity = self.identity_in(doc, file, inputs)?;
        let source = prepared.source + &pdfa::trailer(&metadata(&identity), &options.attachments);
        let files = options
            .attachments
            .iter()
            .map(|a| (pdfa::virtual_path(a), Bytes::new(a.bytes.clone())))
            .collect();
        let paged = typeset::compile_with_files(&self.fonts, source, prepared.date, files)?;
        pdfa::export(&paged, &prepared.ident, prepared.date, standard)
    }

    /// Who `doc` is for the register: thể thức, type code (from the profile),
    /// issuing body, number, date, trích yếu (evaluated, for a report that
    /// quotes its data there) and the number pattern.
    pub fn identity(&self, doc: &Document, file: &Path) -> Result<Identity, Error> {
        self.identity_in(doc, file, &self.inputs())
    }

    /// [`Renderer::identity`], the files read through `inputs`.
    pub fn identity_in(
        &self,
        doc: &Document,
        file: &Path,
        inputs: &Inputs,
    ) -> Result<Identity, Error> {
        let doc = self.resolved(doc, file, inputs)?;
        let profile_name = doc
            .ho_so
            .as_deref()
            .unwrap_or(doc.the_thuc.default_profile());
        let profile = Profile::load(profile_name, &self.templates)?;
        let type_code = profile.type_code(&crate::kebab(&doc.loai))?.to_string();
        let mau = &profile.dau.mau_so;
        let pattern = mau
            .find("{so}")
            .map(|i| mau[i..].trim_end().to_string())
            .ok_or_else(|| Error::Profile {
                name: profile.ten.clone(),
                message: "`dau.mau_so` has no `{so}`, so the register cannot write numbers".into(),
            })?;
        Ok(Identity {
            the_thuc: doc.the_thuc,
            kind: doc.loai,
            type_code,
            body_code: doc.ma_co_quan.to_string(),
            issuer: doc.co_quan_ban_hanh.to_string(),
            number: doc.so,
            date: doc.ngay_ban_hanh.0,
            summary: doc
                .trich_yeu
                .0
                .iter()
                .map(|t| t.as_str().trim())
                .collect::<Vec<_>>()
                .join(" "),
            pattern,
        })
    }

    /// `doc` with its fragments and figures evaluated, as `prepare` sees it.
    fn resolved<'d>(
        &self,
        doc: &'d Document,
        file: &Path,
        inputs: &Inputs,
    ) -> Result<Cow<'d, Document>, Error> {
        if !templating::fragments::needed(doc) {
            return Ok(Cow::Borrowed(doc));
        }
        let evaluation = match &doc.so_lieu {
            Some(sources) => Some(indicators::load_in(inputs, file, sources)?),
            None => None,
        };
        Ok(Cow::Owned(templating::fragments::resolve(
            inputs,
            doc,
            file,
            evaluation.as_ref(),
        )?))
    }
}

/// Keywords and subject of an archived PDF.
fn metadata(id: &Identity) -> pdfa::ArchiveMetadata {
    let date = id.date.format("%d/%m/%Y").to_string();
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

/// Renders `doc` as `standard`; a PDF/A-3b carries the document's sources,
/// the very bytes the render read (through `inputs`, which read the document).
/// What `vanban render --pdf-standard` writes.
pub fn render_standard(
    renderer: &Renderer,
    inputs: &Inputs,
    doc: &Document,
    file: &Path,
    standard: PdfStandard,
) -> Result<Vec<u8>, Error> {
    let attachments = if standard.embeds_files() {
        SourceSet::collect(doc, file, inputs, None)?.attachments()
    } else {
        Vec::new()
    };
    renderer.render_pdf_with_in(
        doc,
        file,
        inputs,
        &RenderOptions {
            pdf_standard: Some(standard),
            attachments,
        },
    )
}
