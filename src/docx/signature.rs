//! The end of the document: Nơi nhận bottom left, the signature bottom
//! right, level with each other, in a borderless table kept on one page.

use docx_rs::{AlignmentType, Paragraph, SpecialIndentType, VAlignType};

use super::header::{layout_table, layout_table_of};
use super::{spaced, text, units, Item, Unindent, Writer};
use crate::context::{RecipientLines, SignatureLines};

impl Writer<'_> {
    /// The document's own ending.
    pub fn ending(&self, text_width: i32) -> Vec<Item> {
        let c = &self.r.context;
        self.ending_of(
            &c.recipients,
            &c.signature,
            c.signature_left.as_ref(),
            text_width,
        )
    }

    /// Nơi nhận `rec` left and the signature `sig` right (a second signature
    /// `left_sig` beside it, Nơi nhận then under them).
    pub fn ending_of(
        &self,
        rec: &RecipientLines,
        sig: &SignatureLines,
        left_sig: Option<&SignatureLines>,
        text_width: i32,
    ) -> Vec<Item> {
        let n = &self.p.noi_nhan;
        let k = &self.p.ky;
        let before = self.pt(&self.p.doan.cach_doan);
        let left_w = units::twips(self.pt(&k.cot_trai)).min(text_width);
        // The layout library's 4 mm gutter, as a column of its own.
        let gutter = units::twips(4.0 * 72.0 / 25.4);
        let right_w = (text_width - left_w - gutter).max(1);
        // Two signatures side by side only when this ending has two: a
        // copy block under a joint document or a biên bản has one.
        let columns = match left_sig {
            None => [left_w as usize, gutter as usize, right_w as usize],
            Some(_) => side_by_side(text_width, gutter),
        };

        // Nơi nhận.
        let size = self.pt(&n.co);
        let line = self.pt(&n.dan_dong);
        let hanging = units::twips(0.7 * size);
        let listed = |s: &str| {
            text(s, size, false, false)
                .into_iter()
                .fold(spaced(line, 0.0, 0.0), |p, r| p.add_run(r))
                .align(AlignmentType::Left)
                .indent(
                    Some(hanging),
                    Some(SpecialIndentType::Hanging(hanging)),
                    Some(0),
                    None,
                )
        };
        let label_size = self.pt(&n.nhan_co);
        let mut label = spaced(line.max(label_size * 1.15), before, 0.0)
            .align(AlignmentType::Left)
            .unindented();
        for r in super::runs::plain(
            &rec.label,
            Some(label_size),
            n.nhan_dam,
            n.nhan_nghieng,
            n.nhan_gach_chan,
        ) {
            label = label.add_run(r);
        }
        let mut left = vec![Item::P(label)];
        for g in &rec.groups {
            match &g.note {
                None => left.extend(g.lines.iter().map(|l| Item::P(listed(l)))),
                Some(note) => {
                    // The names left; the note right of them, a rule
                    // standing for the PDF's brace.
                    let note_w = (left_w / 2) as usize;
                    let names_w = (left_w as usize).saturating_sub(note_w).max(1);
                    let names: Vec<Paragraph> = g.lines.iter().map(|l| listed(l)).collect();
                    let note_p = text(note, size, false, false)
                        .into_iter()
                        .fold(spaced(line, 0.0, 0.0), |p, r| p.add_run(r))
                        .align(AlignmentType::Left)
                        .indent(Some(units::twips(4.0)), None, None, None);
                    let t = layout_table(&[names_w, note_w], vec![vec![names, vec![note_p]]]);
                    left.push(Item::T(brace(t)));
                }
            }
        }
        for l in &rec.trailing {
            left.push(Item::P(listed(l)));
        }

        // Signature (and a biên bản's second one, on the left).
        let ksize = self.pt(&k.co);
        let block = |s: &SignatureLines| {
            let mut out = Vec::new();
            let mut first = true;
            let mut sign_line = |t: &str, bold: bool, gap: f64| {
                let gap = if first { before + gap } else { gap };
                first = false;
                Item::P(
                    text(t, ksize, bold, false)
                        .into_iter()
                        .fold(spaced(1.25 * ksize, gap, 0.0), |p, r| p.add_run(r))
                        .align(AlignmentType::Center)
                        .unindented(),
                )
            };
            if let Some(a) = &s.authority {
                out.push(sign_line(a, k.quyen_dam, 0.0));
            }
            out.push(sign_line(&s.position, k.chuc_vu_dam, 0.0));
            match self.signature_zone(s, right_w as f64 / 20.0) {
                Some(zone) => {
                    out.push(Item::P(zone));
                    out.push(sign_line(&s.name, k.ho_ten_dam, 0.0));
                }
                None => out.push(sign_line(&s.name, k.ho_ten_dam, self.pt(&k.khoang_ky))),
            }
            out
        };
        let right = block(sig);
        let gap_cell = || vec![Item::P(super::rule_free_end())];
        let rows = match left_sig {
            None => vec![vec![left, gap_cell(), right]],
            Some(second) => {
                let mut rows = vec![vec![block(second), gap_cell(), right]];
                if !(rec.groups.is_empty() && rec.trailing.is_empty()) {
                    rows.push(vec![left, gap_cell(), gap_cell()]);
                }
                rows
            }
        };
        vec![Item::T(layout_table_of(&columns, rows))]
    }
}

/// Two signatures (biên bản, văn bản liên tịch) stand in equal halves of the
/// text width with the gutter between, as the layout library sets them.
fn side_by_side(text_width: i32, gutter: i32) -> [usize; 3] {
    let half = ((text_width - gutter) / 2).max(1) as usize;
    [half, gutter as usize, half]
}

/// The note column of a recipients' group: centred on the names, with a
/// line on its left where the PDF draws a brace.
fn brace(t: docx_rs::Table) -> docx_rs::Table {
    let mut t = t;
    for docx_rs::TableChild::TableRow(row) in &mut t.rows {
        if let Some(docx_rs::TableRowChild::TableCell(cell)) = row.cells.get_mut(1) {
            let c = std::mem::take(cell)
                .vertical_align(VAlignType::Center)
                .set_border(
                    docx_rs::TableCellBorder::new(docx_rs::TableCellBorderPosition::Left)
                        .size(4)
                        .border_type(docx_rs::BorderType::Single),
                );
            *cell = c;
        }
    }
    t
}
