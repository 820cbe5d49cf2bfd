//! The body: headings and paragraphs as the context flattened them (numbers
//! and run-in headings already in their text), and the tables placed among
//! them.

use docx_rs::{AlignmentType, Paragraph, SpecialIndentType};

use super::measure::width;
use super::{spaced, text, units, Item, Writer};
use crate::context::Block;
use crate::model::{Piece, Style};

impl Writer<'_> {
    /// `blocks` in order; from `keep_from` on they stay on the page of what
    /// follows them (the closing paragraphs travel with the signature).
    pub fn blocks(&mut self, blocks: &[Block], keep_from: usize, text_width: i32) -> Vec<Item> {
        let d = self.pt(&self.p.doan.dan_dong);
        let gap = self.pt(&self.p.doan.cach_doan);
        // A heading is a block in the PDF: 1.2 em above and below its line
        // box, where paragraphs are `cach_doan` apart.
        let heading_gap = 2.2 * self.size - d;
        let keep_from = self.kept_from(blocks, keep_from, text_width);
        let mut out = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            let keep = i >= keep_from;
            match b.kind {
                "table" => {
                    let table = self
                        .r
                        .placed
                        .get(&b.field)
                        .and_then(|name| self.r.tables.get(name));
                    if let Some(t) = table {
                        let t = self.free_table(t, text_width);
                        out.push(Item::T(t));
                    }
                }
                "heading" => {
                    let base = Style {
                        bold: b.dam,
                        italic: b.nghieng,
                        underline: false,
                    };
                    let mut p = self
                        .body_paragraph(heading_gap - gap, heading_gap, b.can_giua)
                        .keep_next(true)
                        .keep_lines(true);
                    for r in self.inline(&b.text.0 .0, base, None) {
                        p = p.add_run(r);
                    }
                    out.push(Item::P(p));
                }
                _ => {
                    let mut p = self.body_paragraph(0.0, gap, false);
                    if keep {
                        p = p.keep_next(true).keep_lines(true);
                    }
                    for r in self.inline(&b.text.0 .0, Style::default(), None) {
                        p = p.add_run(r);
                    }
                    out.push(Item::P(p));
                }
            }
        }
        out
    }
}

impl Writer<'_> {
    /// Of the closing paragraphs from `keep_from` on, the fewest last ones
    /// that make two lines, as the PDF's `cuoi-van-ban` keeps with the
    /// signature; the others flow. Word cannot measure a paragraph, so its
    /// lines are estimated from the font's advance widths.
    fn kept_from(&self, blocks: &[Block], keep_from: usize, text_width: i32) -> usize {
        let room = text_width as f64 / 20.0;
        let indent = self.pt(&self.p.doan.thut_dau_dong);
        let mut lines = 0.0;
        let mut from = blocks.len();
        while from > keep_from && lines < 2.0 {
            from -= 1;
            let text: String = blocks[from]
                .text
                .0
                 .0
                .iter()
                .filter_map(|p| match p {
                    Piece::Text { text, .. } => Some(text.as_str()),
                    Piece::Note(_) => None,
                })
                .collect();
            lines += text
                .split('\n')
                .map(|l| {
                    ((indent + width(l, self.size, false, false)) / room)
                        .ceil()
                        .max(1.0)
                })
                .sum::<f64>();
        }
        from
    }

    /// A quyết định's deciding authority, Căn cứ lines and "QUYẾT ĐỊNH:",
    /// as the PDF's `tham-quyen`, `can-cu` and `dong-quyet` print them.
    pub fn decision_block(&self) -> Vec<Item> {
        let ctx = &self.r.context;
        let c = &self.p.can_cu;
        let gap = self.pt(&self.p.doan.cach_doan);
        let line = |s: &str, centred: bool, bold: bool, italic: bool| {
            let p = self.body_paragraph(0.0, gap, centred);
            let p = if centred { p.keep_next(true) } else { p };
            Item::P(
                text(s, self.size, bold, italic)
                    .into_iter()
                    .fold(p, |p, r| p.add_run(r)),
            )
        };
        let mut out = Vec::new();
        if let Some(a) = &ctx.authority {
            out.push(line(a, true, c.tham_quyen_dam, false));
        }
        for l in &ctx.bases {
            out.push(line(l, false, false, c.nghieng));
        }
        if let Some(q) = &ctx.decision {
            out.push(line(q, true, c.dong_quyet_dam, false));
        }
        out
    }

    /// A body line `doan.dan_dong` apart, `before` and `after` points around
    /// it: centred with no indent, or justified with the first-line indent.
    fn body_paragraph(&self, before: f64, after: f64, centred: bool) -> Paragraph {
        let d = self.pt(&self.p.doan.dan_dong);
        let p = spaced(d, before, after);
        if centred {
            p.align(AlignmentType::Center).indent(
                Some(0),
                Some(SpecialIndentType::FirstLine(0)),
                None,
                None,
            )
        } else {
            let indent = units::twips(self.pt(&self.p.doan.thut_dau_dong));
            p.align(AlignmentType::Both).indent(
                None,
                Some(SpecialIndentType::FirstLine(indent)),
                None,
                None,
            )
        }
    }
}
