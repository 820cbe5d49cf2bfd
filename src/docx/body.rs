//! The body: headings and paragraphs as the context flattened them (numbers
//! and run-in headings already in their text), and the tables placed among
//! them.

use docx_rs::{AlignmentType, SpecialIndentType};

use super::{spaced, text, units, Item, Writer};
use crate::context::Block;
use crate::model::Style;

impl Writer<'_> {
    /// `blocks` in order; from `keep_from` on they stay on the page of what
    /// follows them (the closing paragraphs travel with the signature).
    pub fn blocks(&mut self, blocks: &[Block], keep_from: usize, text_width: i32) -> Vec<Item> {
        let d = self.pt(&self.p.doan.dan_dong);
        let gap = self.pt(&self.p.doan.cach_doan);
        let indent = units::twips(self.pt(&self.p.doan.thut_dau_dong));
        // A heading is a block in the PDF: 1.2 em above and below its line
        // box, where paragraphs are `cach_doan` apart.
        let heading_gap = 2.2 * self.size - d;
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
                    let mut p = spaced(d, heading_gap - gap, heading_gap)
                        .keep_next(true)
                        .keep_lines(true);
                    p = if b.can_giua {
                        p.align(AlignmentType::Center).indent(
                            Some(0),
                            Some(SpecialIndentType::FirstLine(0)),
                            None,
                            None,
                        )
                    } else {
                        p.align(AlignmentType::Both).indent(
                            None,
                            Some(SpecialIndentType::FirstLine(indent)),
                            None,
                            None,
                        )
                    };
                    for r in self.inline(&b.text.0 .0, base, None) {
                        p = p.add_run(r);
                    }
                    out.push(Item::P(p));
                }
                _ => {
                    let mut p = spaced(d, 0.0, gap).align(AlignmentType::Both).indent(
                        None,
                        Some(SpecialIndentType::FirstLine(indent)),
                        None,
                        None,
                    );
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
    /// A quyết định's deciding authority, Căn cứ lines and "QUYẾT ĐỊNH:",
    /// as the PDF's `tham-quyen`, `can-cu` and `dong-quyet` print them.
    pub fn decision_block(&self) -> Vec<Item> {
        let ctx = &self.r.context;
        let c = &self.p.can_cu;
        let d = self.pt(&self.p.doan.dan_dong);
        let gap = self.pt(&self.p.doan.cach_doan);
        let indent = units::twips(self.pt(&self.p.doan.thut_dau_dong));
        let centred = |s: &str, bold: bool| {
            let p = spaced(d, 0.0, gap)
                .align(AlignmentType::Center)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .keep_next(true);
            text(s, self.size, bold, false)
                .into_iter()
                .fold(p, |p, r| p.add_run(r))
        };
        let mut out = Vec::new();
        if let Some(a) = &ctx.authority {
            out.push(Item::P(centred(a, c.tham_quyen_dam)));
        }
        for l in &ctx.bases {
            let p = spaced(d, 0.0, gap).align(AlignmentType::Both).indent(
                None,
                Some(SpecialIndentType::FirstLine(indent)),
                None,
                None,
            );
            out.push(Item::P(
                text(l, self.size, false, c.nghieng)
                    .into_iter()
                    .fold(p, |p, r| p.add_run(r)),
            ));
        }
        if let Some(q) = &ctx.decision {
            out.push(Item::P(centred(q, c.dong_quyet_dam)));
        }
        out
    }
}
