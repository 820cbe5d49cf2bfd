//! Word out: the resolved document as a DOCX, laid out to the same thể thức
//! as the PDF. Like the Typst templates, this writer only places what the
//! [`Resolved`] document already holds (texts formatted, sections numbered,
//! tables laid out, the "(Kèm theo …)" line written); it computes none of it.
//!
//! One module per part of the page: [`header`] (the two-column header block,
//! type name, trích yếu, "Kính gửi:"), [`body`] (headings and paragraphs),
//! [`runs`] (inline emphasis and footnotes), [`tables`], [`signature`] (Nơi
//! nhận and the signature), [`sections`] (pages, orientation, page numbers,
//! appendices) and [`package`] (the parts docx-rs cannot write, and the zip).

mod body;
mod copies;
mod header;
mod images;
mod marks;
mod measure;
mod package;
mod runs;
mod sections;
mod signature;
mod tables;
mod units;

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, SpecialIndentType, Table,
};

use crate::error::Error;
use crate::profile::Profile;
use crate::resolve::Resolved;
use units::{pt, twips};

/// The DOCX of `r`: the same bytes for the same document.
pub fn write(r: &Resolved) -> Result<Vec<u8>, Error> {
    let mut w = Writer::new(r);
    let docx = sections::document(&mut w);
    package::pack(docx, r)
}

/// A paragraph or a table, in the order they stand. Few live at once (one
/// document's blocks), so the paragraph's size needs no box.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Item {
    P(Paragraph),
    T(Table),
}

/// What the parts share while a document is written.
pub(crate) struct Writer<'a> {
    pub r: &'a Resolved,
    pub p: &'a Profile,
    /// The body size in points.
    pub size: f64,
    /// The footnotes numbered so far (Word's ids, from 1).
    pub notes: usize,
}

impl<'a> Writer<'a> {
    fn new(r: &'a Resolved) -> Self {
        let p = &r.profile;
        Writer {
            r,
            p,
            size: pt(&p.chu.co),
            notes: 0,
        }
    }

    /// A length of the profile in points, `em` at the body size.
    pub fn pt(&self, l: &crate::profile::Length) -> f64 {
        units::pt_at(l, self.size)
    }

    /// The font the DOCX names: the profile's first family (Times New Roman).
    pub fn font(&self) -> &str {
        self.p
            .chu
            .ho_phong
            .first()
            .map(|s| s.as_str())
            .unwrap_or(&self.r.font)
    }
}

/// A paragraph with lines exactly `line` points apart, `before` and `after`
/// points around it: the "exactly" spacing the thể thức is written in.
pub(crate) fn spaced(line: f64, before: f64, after: f64) -> Paragraph {
    Paragraph::new().line_spacing(
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(twips(line))
            .before(twips(before.max(0.0)) as u32)
            .after(twips(after.max(0.0)) as u32),
    )
}

/// A block's paragraph sits flush: no side or first-line indent, whatever
/// Word's Normal style says.
pub(crate) trait Unindent {
    fn unindented(self) -> Self;
}

impl Unindent for Paragraph {
    fn unindented(self) -> Self {
        self.indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(0)),
            Some(0),
            None,
        )
    }
}

/// Lines of a block (header, signature, title): `1.25 em` apart, as the
/// layout library's `_plain`, no indent, centred unless said otherwise.
pub(crate) fn plain(size: f64) -> Paragraph {
    spaced(1.25 * size, 0.0, 0.0)
        .align(AlignmentType::Center)
        .unindented()
}

/// A solid rule `length` points long, centred in `room` points, `stroke`
/// points thick, `gap` points below the line above: a paragraph of no text
/// whose top border is the rule (Word has no rule the width of a text).
pub(crate) fn rule(length: f64, room: f64, stroke: f64, gap: f64) -> Paragraph {
    let side = twips(((room - length) / 2.0).max(0.0));
    let mut p = Paragraph::new();
    // Only the top side: docx-rs's default borders draw all four.
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .size(units::eighths(stroke))
                .space(0),
        ),
    );
    p.line_spacing(
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(twips(2.0))
            .before(twips(gap) as u32)
            .after(0),
    )
    .size(2)
    .indent(
        Some(side),
        Some(SpecialIndentType::FirstLine(0)),
        Some(side),
        None,
    )
    .add_run(Run::new().size(2))
}

/// Runs of plain text at `size` points, line breaks kept.
pub(crate) fn text(text: &str, size: f64, bold: bool, italic: bool) -> Vec<Run> {
    runs::plain(text, Some(size), bold, italic, false)
}

/// An empty paragraph as small as Word allows: where the format needs a
/// paragraph and the page needs none (after a table in a cell).
pub(crate) fn rule_free_end() -> Paragraph {
    spaced(1.0, 0.0, 0.0).size(2)
}
