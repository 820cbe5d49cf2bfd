//! PDF/A export: the standard chosen, the metadata an archive needs, and the
//! Typst code that attaches a document's sources to a PDF/A-3.
//!
//! Everything here is deterministic: the timestamp is the issue date and the
//! identifier derives from number, symbol and date (as for a plain PDF), so an
//! archived PDF can be rebuilt byte for byte from the sources it carries.

use std::fmt;
use std::str::FromStr;

use typst::foundations::Datetime;
use typst_layout::PagedDocument;
use typst_pdf::PdfStandards;

use crate::error::Error;
use crate::templating::typst_string_literal;

/// The PDF/A levels vanban writes. Only the "b" (basic: visual appearance)
/// conformance: "a" needs full logical structure and "u" a Unicode mapping of
/// every glyph, which Typst gives but no validator here checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PdfStandard {
    /// PDF/A-1b (ISO 19005-1, TCVN 14159-1:2024): PDF 1.4, no transparency,
    /// no embedded files.
    A1b,
    /// PDF/A-2b: PDF 1.7; files may not be embedded (Typst refuses them).
    A2b,
    /// PDF/A-3b: PDF 1.7 with embedded files of any type: the sources.
    A3b,
}

impl PdfStandard {
    pub const ALL: [PdfStandard; 3] = [PdfStandard::A1b, PdfStandard::A2b, PdfStandard::A3b];

    /// The command-line and register spelling: "a-1b".
    pub fn name(self) -> &'static str {
        match self {
            PdfStandard::A1b => "a-1b",
            PdfStandard::A2b => "a-2b",
            PdfStandard::A3b => "a-3b",
        }
    }

    /// Whether the PDF itself can carry the sources (PDF/A-3 only).
    pub fn embeds_files(self) -> bool {
        self == PdfStandard::A3b
    }

    fn typst(self) -> typst_pdf::PdfStandard {
        match self {
            PdfStandard::A1b => typst_pdf::PdfStandard::A_1b,
            PdfStandard::A2b => typst_pdf::PdfStandard::A_2b,
            PdfStandard::A3b => typst_pdf::PdfStandard::A_3b,
        }
    }
}

impl fmt::Display for PdfStandard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is none of the standards vanban writes (its message, in
/// both languages, is the catalogue's `Msg::NotAPdfStandard`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAPdfStandard;

impl FromStr for PdfStandard {
    type Err = NotAPdfStandard;
    fn from_str(s: &str) -> Result<Self, NotAPdfStandard> {
        let folded = s.trim().to_ascii_lowercase().replace(['/', '_'], "-");
        let folded = folded.strip_prefix("pdf-").unwrap_or(&folded);
        PdfStandard::ALL
            .into_iter()
            .find(|p| p.name() == folded || p.name().replace('-', "") == folded)
            .ok_or(NotAPdfStandard)
    }
}

/// How an attached file relates to the document (PDF/A-3 `AFRelationship`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relationship {
    /// The document was made from it (the document file, fragments).
    Source,
    /// Data the document presents (indicator catalogue and figures).
    Data,
    /// Anything else (the list of sources).
    Supplement,
}

impl Relationship {
    fn typst(self) -> &'static str {
        match self {
            Relationship::Source => "source",
            Relationship::Data => "data",
            Relationship::Supplement => "supplement",
        }
    }
}

/// A file to embed in the PDF, handed to Typst in memory.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Its name in the PDF: a relative path with `/` separators
    /// ("examples/x.toml", "data/vu-quang/chi-tieu-2026.toml").
    pub path: String,
    pub bytes: Vec<u8>,
    pub mime_type: &'static str,
    pub description: String,
    pub relationship: Relationship,
}

/// What identifies the document in the PDF's metadata, besides the title,
/// author and date the template already sets.
#[derive(Debug, Clone)]
pub struct ArchiveMetadata {
    /// Number and symbol ("07-NQ/ĐU"), kind, issuing body, date.
    pub keywords: Vec<String>,
    /// The subject: "Nghị quyết số 07-NQ/ĐU ngày 30/12/2025 của Đảng ủy xã Vũ Quang".
    pub description: String,
}

/// The virtual directory the attachments are served under in the sandbox.
/// Typst names an attached file by its path below the root, so the files keep
/// their relative paths as names; nothing else lives under the root but
/// `/main.typ`.
pub fn virtual_path(attachment: &Attachment) -> String {
    format!("/{}", attachment.path)
}

/// Typst code appended to the generated source for an archival export: the
/// keywords and subject (number and symbol, kind, body, date) in the PDF's
/// Info dictionary and XMP, and one `pdf.attach` per source. `set document`
/// applies wherever it stands at the top level; `pdf.attach` lays out nothing.
pub fn trailer(meta: &ArchiveMetadata, attachments: &[Attachment]) -> String {
    let keywords: String = meta
        .keywords
        .iter()
        .map(|k| typst_string_literal(k) + ", ")
        .collect();
    let mut out = format!(
        "\n// ---- archive metadata (vanban) ----\n#set document(keywords: ({keywords}), description: {})\n",
        typst_string_literal(&meta.description)
    );
    for a in attachments {
        out.push_str(&format!(
            "#pdf.attach({}, relationship: {}, mime-type: {}, description: {})\n",
            typst_string_literal(&virtual_path(a)),
            typst_string_literal(a.relationship.typst()),
            typst_string_literal(a.mime_type),
            typst_string_literal(&a.description),
        ));
    }
    out
}

/// Exports `doc` as `standard` (or a plain PDF 1.7), with the same fixed
/// identifier, creator and timestamp as every vanban PDF.
pub fn export(
    doc: &PagedDocument,
    ident: &str,
    date: Datetime,
    standard: Option<PdfStandard>,
) -> Result<Vec<u8>, Error> {
    let standards = match standard {
        Some(s) => PdfStandards::new(&[s.typst()]).map_err(|e| Error::Pdf {
            diagnostics: vec![e.message().to_string()],
        })?,
        None => PdfStandards::default(),
    };
    let label = standard.map(|s| s.name()).unwrap_or("PDF");
    crate::output::export(doc, ident, date, standards, Some(label))
}

/// The MIME type of a source file, by extension (PDF/A-3 requires one).
pub fn mime_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "toml" => "application/toml",
        "json" => "application/json",
        "yaml" | "yml" => "application/yaml",
        "csv" => "text/csv",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "txt" | "md" => "text/plain",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standards_parse_in_several_spellings() {
        for s in ["a-1b", "A-1B", "pdf/a-1b", "a1b"] {
            assert_eq!(s.parse::<PdfStandard>(), Ok(PdfStandard::A1b), "{s}");
        }
        assert_eq!("a-3b".parse::<PdfStandard>(), Ok(PdfStandard::A3b));
        assert!("a-1a".parse::<PdfStandard>().is_err());
    }

    #[test]
    fn trailer_is_literal_typst() {
        let meta = ArchiveMetadata {
            keywords: vec!["07-NQ/ĐU".into(), "Đảng ủy \"xã\"".into()],
            description: "Nghị quyết".into(),
        };
        let a = Attachment {
            path: "a b/x\".toml".into(),
            bytes: vec![],
            mime_type: "application/toml",
            description: "x".into(),
            relationship: Relationship::Source,
        };
        let t = trailer(&meta, &[a]);
        assert!(t.contains(r#"#pdf.attach("/a b/x\".toml", relationship: "source""#));
        assert!(t.contains(r#""Đảng ủy \"xã\"""#));
    }
}
