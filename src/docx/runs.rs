//! Inline notation as Word runs: bold, italic and underline spans, and
//! footnotes (chú thích) as real Word footnotes, numbered through the document.

use docx_rs::{BreakType, FootnoteReference, Run, RunChild};

use super::{units, Writer};
use crate::model::{Piece, Style};

/// Runs of `text` in one style; a "\n" is a line break, as in the PDF.
pub fn plain(text: &str, size: Option<f64>, bold: bool, italic: bool, underline: bool) -> Vec<Run> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if let Some(size) = size {
            run = run.size(units::half_points(size));
        }
        if bold {
            run = run.bold();
        }
        if italic {
            run = run.italic();
        }
        if underline {
            run = run.underline("single");
        }
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        if !line.is_empty() {
            run = run.add_text(line);
        }
        out.push(run);
    }
    out
}

impl Writer<'_> {
    /// The runs of `pieces` over `base` (a heading's weight and slant: a
    /// span's own style adds to it, as in the PDF), at `size` points or the
    /// paragraph's.
    pub fn inline(&mut self, pieces: &[Piece], base: Style, size: Option<f64>) -> Vec<Run> {
        let mut out = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Text { text, style } => {
                    let s = style.with(base);
                    out.extend(plain(text, size, s.bold, s.italic, s.underline));
                }
                Piece::Note(inner) => out.push(self.footnote(inner, size)),
            }
        }
        out
    }

    /// The marker of a footnote where it was typed; its text, regular and
    /// upright even in a bold heading, at the profile's footnote size.
    fn footnote(&mut self, inner: &[Piece], size: Option<f64>) -> Run {
        self.notes += 1;
        let note_size = self.pt(&self.p.chu.chu_thich_co);
        let runs = self.inline(inner, Style::default(), Some(note_size));
        let mut para = super::spaced(1.15 * note_size, 0.0, 0.0).indent(
            Some(0),
            Some(docx_rs::SpecialIndentType::FirstLine(0)),
            None,
            None,
        );
        for run in runs {
            para = para.add_run(run);
        }
        let mut reference = FootnoteReference::new(self.notes);
        reference.footnote(para);
        let mut run = Run::new().style("FootnoteReference");
        if let Some(size) = size {
            run = run.size(units::half_points(size));
        }
        run.children.push(RunChild::FootnoteReference(reference));
        run
    }
}
