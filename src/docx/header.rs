//! The top of page 1: the header block (issuing body and number left, the
//! title, motto and date right) as a borderless two-column table, then the
//! type name, the trích yếu with its rule or separator, and "Kính gửi:".

use docx_rs::{
    AlignmentType, Paragraph, SpecialIndentType, Table, TableCell, TableCellMargins,
    TableLayoutType, TableRow, WidthType,
};

use super::measure::width;
use super::{plain, rule, text, units, Item, Writer};

/// A borderless table of `columns` (twips) whose rows are cells of paragraphs.
pub fn layout_table(columns: &[usize], rows: Vec<Vec<Vec<Paragraph>>>) -> Table {
    let rows = rows
        .into_iter()
        .map(|cells| {
            cells
                .into_iter()
                .map(|ps| ps.into_iter().map(Item::P).collect())
                .collect()
        })
        .collect();
    layout_table_of(columns, rows)
}

/// [`layout_table`] whose cells may hold tables too.
pub fn layout_table_of(columns: &[usize], rows: Vec<Vec<Vec<Item>>>) -> Table {
    let rows = rows
        .into_iter()
        .map(|cells| {
            TableRow::new(
                cells
                    .into_iter()
                    .zip(columns)
                    .map(|(paragraphs, w)| {
                        let mut cell = TableCell::new().width(*w, WidthType::Dxa);
                        let ends_with_table = matches!(paragraphs.last(), Some(Item::T(_)));
                        for item in paragraphs {
                            cell = match item {
                                Item::P(p) => cell.add_paragraph(p),
                                Item::T(t) => cell.add_table(t),
                            };
                        }
                        // A cell ends with a paragraph (Word's rule).
                        if ends_with_table {
                            cell = cell.add_paragraph(super::rule_free_end());
                        }
                        cell
                    })
                    .collect(),
            )
            .cant_split()
        })
        .collect();
    Table::without_borders(rows)
        .set_grid(columns.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(columns.iter().sum(), WidthType::Dxa)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
}

fn line(s: &str, size: f64, bold: bool, italic: bool) -> Paragraph {
    text(s, size, bold, italic)
        .into_iter()
        .fold(plain(size), |p, r| p.add_run(r))
}

impl Writer<'_> {
    /// The header block; `number` and `date` are none in an appendix's copy.
    pub fn header_block(&self, text_width: i32, number_and_date: bool) -> Table {
        let d = &self.p.dau;
        let h = &self.r.context.header;
        let left_w = units::twips(self.pt(&d.cot_trai)).min(text_width);
        let columns = [left_w as usize, (text_width - left_w).max(1) as usize];
        let stroke = self.pt(&d.duong_ke_day);

        let mut left = Vec::new();
        if let Some(sup) = &h.superior {
            left.push(line(sup, self.pt(&d.cap_tren_co), d.cap_tren_dam, false));
        }
        let issuer_size = self.pt(&d.ban_hanh_co);
        for l in &h.issuer {
            left.push(line(l, issuer_size, d.ban_hanh_dam, false));
        }
        if let Some(f) = d.ke_ban_hanh {
            let widest = h
                .issuer
                .iter()
                .map(|l| width(l, issuer_size, d.ban_hanh_dam, false))
                .fold(0.0, f64::max);
            left.push(rule(
                widest * f,
                left_w as f64 / 20.0,
                stroke,
                0.25 * issuer_size,
            ));
        } else if let (Some(star), Some(size)) = (&d.dau_sao, &d.dau_sao_co) {
            left.push(line(star, self.pt(size), false, false));
        }

        let mut right = Vec::new();
        let title_size = self.pt(&d.tieu_de_co);
        right.push(line(&d.tieu_de, title_size, d.tieu_de_dam, false));
        let (last, last_size, last_bold) = match (&d.tieu_ngu, &d.tieu_ngu_co) {
            (Some(motto), Some(size)) => {
                let size = self.pt(size);
                right.push(line(motto, size, d.tieu_ngu_dam, false));
                (motto.as_str(), size, d.tieu_ngu_dam)
            }
            _ => (d.tieu_de.as_str(), title_size, d.tieu_de_dam),
        };
        right.push(rule(
            width(last, last_size, last_bold, false),
            columns[1] as f64 / 20.0,
            stroke,
            0.25 * last_size,
        ));

        let mut rows = vec![vec![left, right]];
        if number_and_date {
            // The layout library's row gutter (0.6 em) over the number line.
            let gap = 0.6 * self.size;
            let number = line(&h.number, self.pt(&d.so_co), false, false).line_spacing(
                docx_rs::LineSpacing::new()
                    .line_rule(docx_rs::LineSpacingType::Exact)
                    .line(units::twips(1.25 * self.pt(&d.so_co)))
                    .before(units::twips(gap) as u32),
            );
            let date = line(&h.date, self.pt(&d.ngay_co), false, d.ngay_nghieng).line_spacing(
                docx_rs::LineSpacing::new()
                    .line_rule(docx_rs::LineSpacingType::Exact)
                    .line(units::twips(1.25 * self.pt(&d.ngay_co)))
                    .before(units::twips(gap) as u32),
            );
            // A công văn's trích yếu sits under the number (PDF `_trich-yeu-duoi-so`).
            let mut left = vec![number];
            let t = &self.p.trich_yeu_duoi_so;
            for (i, l) in h.summary.iter().enumerate() {
                let size = self.pt(&t.co);
                let mut spacing = docx_rs::LineSpacing::new()
                    .line_rule(docx_rs::LineSpacingType::Exact)
                    .line(units::twips(1.25 * size));
                if i == 0 {
                    spacing = spacing.before(units::twips(self.pt(&t.cach_tren)) as u32);
                }
                left.push(line(l, size, false, t.nghieng).line_spacing(spacing));
            }
            rows.push(vec![left, vec![date]]);
        }
        layout_table(&columns, rows)
    }

    /// The type name, its extra lines, the trích yếu and what closes it.
    pub fn title_block(&self, text_width: i32) -> Vec<Item> {
        let t = &self.p.ten_loai;
        let title = &self.r.context.title;
        let size = self.pt(&t.co);
        let summary_size = self.pt(&t.trich_yeu_co);
        let mut out = Vec::new();
        let mut first = true;
        let mut push = |p: Paragraph| {
            let p = if first {
                first = false;
                p.line_spacing(
                    docx_rs::LineSpacing::new()
                        .line_rule(docx_rs::LineSpacingType::Exact)
                        .line(units::twips(1.25 * size))
                        .before(units::twips(self.pt(&t.cach_tren)) as u32),
                )
            } else {
                p
            };
            out.push(Item::P(p));
        };
        // A công văn prints no type line.
        if let Some(kind) = &title.kind {
            push(line(kind, size, t.dam, false));
        }
        for l in &title.extra {
            push(line(l, size, t.dam, false));
        }
        for l in &title.summary {
            push(line(l, summary_size, t.trich_yeu_dam, false));
        }
        let after = self.pt(&t.cach_duoi);
        if let Some(f) = t.ke_trich_yeu.filter(|_| !title.summary.is_empty()) {
            let widest = title
                .summary
                .iter()
                .map(|l| width(l, summary_size, t.trich_yeu_dam, false))
                .fold(0.0, f64::max);
            let stroke = self.pt(&self.p.dau.duong_ke_day);
            push(
                rule(
                    widest * f,
                    text_width as f64 / 20.0,
                    stroke,
                    0.25 * summary_size,
                )
                .line_spacing(
                    docx_rs::LineSpacing::new()
                        .line_rule(docx_rs::LineSpacingType::Exact)
                        .line(units::twips(2.0))
                        .before(units::twips(0.25 * summary_size) as u32)
                        .after(units::twips(after) as u32),
                ),
            );
        } else if let Some(sep) = &t.phan_cach {
            push(
                line(sep, summary_size, false, false).line_spacing(
                    docx_rs::LineSpacing::new()
                        .line_rule(docx_rs::LineSpacingType::Exact)
                        .line(units::twips(1.25 * summary_size))
                        .after(units::twips(after) as u32),
                ),
            );
        }
        out
    }

    /// "Kính gửi:" and the addressees: one on the label's line; several on
    /// their own lines, left-aligned under the colon in a centred block.
    pub fn addressees(&self, text_width: i32) -> Vec<Item> {
        let (Some(a), Some(k)) = (&self.r.context.addressees, &self.p.kinh_gui) else {
            return Vec::new();
        };
        let size = self.pt(&k.co);
        let after = self.pt(&k.cach_duoi);
        let label_runs = text(&a.label, size, false, k.nhan_nghieng);
        if let [one] = a.lines.as_slice() {
            let mut p = plain(size);
            for r in label_runs {
                p = p.add_run(r);
            }
            for r in text(&format!(" {one}"), size, false, false) {
                p = p.add_run(r);
            }
            return vec![Item::P(
                p.line_spacing(
                    docx_rs::LineSpacing::new()
                        .line_rule(docx_rs::LineSpacingType::Exact)
                        .line(units::twips(1.25 * size))
                        .after(units::twips(after) as u32),
                ),
            )];
        }
        let lead = width(a.label.trim_end_matches(':'), size, false, k.nhan_nghieng);
        let widest = a
            .lines
            .iter()
            .map(|l| width(l, size, false, false))
            .fold(0.0, f64::max);
        let block = width(&a.label, size, false, k.nhan_nghieng).max(lead + widest);
        let left = units::twips(((text_width as f64 / 20.0) - block).max(0.0) / 2.0);
        let at = |p: Paragraph, indent: i32| {
            p.align(AlignmentType::Left).indent(
                Some(indent),
                Some(SpecialIndentType::FirstLine(0)),
                Some(0),
                None,
            )
        };
        let mut out = vec![Item::P(at(
            label_runs
                .into_iter()
                .fold(plain(size), |p, r| p.add_run(r)),
            left,
        ))];
        let n = a.lines.len();
        for (i, l) in a.lines.iter().enumerate() {
            let mut p = at(line(l, size, false, false), left + units::twips(lead));
            if i + 1 == n {
                p = p.line_spacing(
                    docx_rs::LineSpacing::new()
                        .line_rule(docx_rs::LineSpacingType::Exact)
                        .line(units::twips(1.25 * size))
                        .after(units::twips(after) as u32),
                );
            }
            out.push(Item::P(p));
        }
        out
    }
}
