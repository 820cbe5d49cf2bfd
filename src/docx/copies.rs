//! The copy block of a bản sao, as the PDF's `ban-sao` prints it after the
//! copied content: `cach_tren` below it a solid rule across the text width,
//! `cach_duoi` under the rule the copying body and the copy's number on the
//! left, the form ("SAO Y") and the place-date on the right, then Nơi nhận
//! and the signature as at the end of a document; kept on one page.

use docx_rs::{LineSpacing, LineSpacingType, Paragraph};

use super::header::layout_table;
use super::{plain, rule, text, units, Item, Writer};

fn line(s: &str, size: f64, bold: bool, italic: bool) -> Paragraph {
    text(s, size, bold, italic)
        .into_iter()
        .fold(plain(size), |p, r| p.add_run(r))
        .keep_next(true)
}

impl Writer<'_> {
    pub fn copy_block(&self, text_width: i32) -> Vec<Item> {
        let (Some(c), Some(b)) = (&self.r.context.copy, &self.p.ban_sao) else {
            return Vec::new();
        };
        let d = &self.p.dau;
        let room = text_width as f64 / 20.0;
        let rule = rule(room, room, self.pt(&b.net), self.pt(&b.cach_tren))
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Exact)
                    .line(units::twips(2.0))
                    .before(units::twips(self.pt(&b.cach_tren)) as u32)
                    .after(units::twips(self.pt(&b.cach_duoi)) as u32),
            )
            .keep_next(true);

        let mut left = Vec::new();
        if let Some(sup) = &c.superior {
            left.push(line(sup, self.pt(&d.cap_tren_co), d.cap_tren_dam, false));
        }
        for l in &c.issuer {
            left.push(line(l, self.pt(&d.ban_hanh_co), d.ban_hanh_dam, false));
        }
        let form = line(&c.form, self.pt(&b.ten_co), b.ten_dam, false);
        // The grid's row gutter (0.6 em) over the number and date.
        let below = |p: Paragraph, size: f64| {
            p.line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Exact)
                    .line(units::twips(1.25 * size))
                    .before(units::twips(0.6 * self.size) as u32),
            )
        };
        let (so, ngay) = (self.pt(&d.so_co), self.pt(&d.ngay_co));
        let number = below(line(&c.number, so, false, false), so);
        let date = below(line(&c.date, ngay, false, d.ngay_nghieng), ngay);
        let left_w = units::twips(self.pt(&d.cot_trai)).min(text_width);
        let columns = [left_w as usize, (text_width - left_w).max(1) as usize];
        let head = layout_table(
            &columns,
            vec![vec![left, vec![form]], vec![vec![number], vec![date]]],
        );

        // A paragraph between the tables, or Word joins them into one.
        let mut out = vec![
            Item::P(rule),
            Item::T(head),
            Item::P(super::rule_free_end().keep_next(true)),
        ];
        out.extend(self.ending_of(&c.recipients, &c.signature, None, text_width));
        out
    }
}
