//! Dấu chỉ dẫn (độ mật, độ khẩn, circulation notes, the draft marker) where
//! the PDF's `chi-dan` puts them: `duoi-so` centred in the header's left
//! column under the number, `duoi-ngay` centred in the right column under the
//! date, both 2 mm apart in a borderless table; `goc-phai` flush right in the
//! top margin, `cach_mep_tren` from the page's edge, as a frame anchored to
//! the page so the header does not move. Words, size, weight, slant, ink and
//! frame come from the profile's `[chi_dan]` group, as the template reads it.

use docx_rs::{
    AlignmentType, BorderType, FrameProperty, HeightRule, Paragraph, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, Table, TableAlignmentType, TableCell,
    TableCellBorder, TableCellBorderPosition, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use super::header::layout_table_of;
use super::measure::width;
use super::{plain, spaced, units, Item, Unindent, Writer};
use crate::context::MarkLine;
use crate::profile::{MarkPlace, MarkStyle};

/// The template's frame padding: 1.5 mm beside the words, 1.2 mm above and
/// below them when the frame has no fixed height.
const PAD_X_MM: f64 = 1.5;
const PAD_Y_MM: f64 = 1.2;
/// The template's default frame line, and the gap between stacked marks.
const NET_PT: f64 = 0.6;
const GAP_MM: f64 = 2.0;

fn mm(v: f64) -> f64 {
    v * 72.0 / 25.4
}

/// The ink as Word writes a colour ("e00000"); black when the group has none.
fn ink(s: &MarkStyle) -> String {
    s.mau
        .as_deref()
        .map(|c| c.trim_start_matches('#').to_ascii_lowercase())
        .unwrap_or_else(|| "000000".into())
}

impl Writer<'_> {
    fn style_of(&self, m: &MarkLine) -> Option<&MarkStyle> {
        let c = self.p.chi_dan.as_ref()?;
        Some(match m.nhom {
            "do_mat" => &c.do_mat,
            "do_khan" => &c.do_khan,
            "luu_hanh" => &c.luu_hanh,
            _ => &c.du_thao,
        })
    }

    fn mark_run(&self, s: &MarkStyle, text: &str) -> Run {
        let mut r = Run::new()
            .add_text(text)
            .size(units::half_points(self.pt(&s.co)))
            .color(ink(s));
        if s.dam {
            r = r.bold();
        }
        if s.nghieng {
            r = r.italic();
        }
        r
    }

    /// The frame's outer width in points: fixed for the key, else the words
    /// and their padding.
    fn frame_width(&self, s: &MarkStyle, m: &MarkLine) -> f64 {
        match s.khung_rong.get(&m.khoa) {
            Some(w) => self.pt(w),
            None => width(&m.text, self.pt(&s.co), s.dam, s.nghieng) + 2.0 * mm(PAD_X_MM),
        }
    }

    /// One mark in a column: a centred line of words, or a one-cell table
    /// whose borders are the frame.
    fn column_mark(&self, s: &MarkStyle, m: &MarkLine) -> Item {
        let size = self.pt(&s.co);
        let words = plain(size).add_run(self.mark_run(s, &m.text));
        if !s.khung {
            return Item::P(words);
        }
        let net = units::eighths(s.net.as_ref().map_or(NET_PT, |n| self.pt(n)));
        let side = |p| {
            TableCellBorder::new(p)
                .border_type(BorderType::Single)
                .size(net)
                .color(ink(s))
        };
        let w = units::twips(self.frame_width(s, m)) as usize;
        let cell = TableCell::new()
            .width(w, WidthType::Dxa)
            .vertical_align(VAlignType::Center)
            .set_border(side(TableCellBorderPosition::Top))
            .set_border(side(TableCellBorderPosition::Bottom))
            .set_border(side(TableCellBorderPosition::Left))
            .set_border(side(TableCellBorderPosition::Right))
            .add_paragraph(words);
        let mut row = TableRow::new(vec![cell]).cant_split();
        let pad_y = match &s.khung_cao {
            Some(h) => {
                row = row
                    .row_height(units::twips(self.pt(h)) as f32)
                    .height_rule(HeightRule::Exact);
                0
            }
            None => units::twips(mm(PAD_Y_MM)) as usize,
        };
        let pad_x = units::twips(mm(PAD_X_MM)) as usize;
        Item::T(
            Table::without_borders(vec![row])
                .set_grid(vec![w])
                .layout(TableLayoutType::Fixed)
                .width(w, WidthType::Dxa)
                .align(TableAlignmentType::Center)
                .margins(TableCellMargins::new().margin(pad_y, pad_x, pad_y, pad_x)),
        )
    }

    /// The marks under the number and under the date: a 2 mm gap under the
    /// header, then a borderless table of the header's two columns.
    pub fn marks_under_header(&self, text_width: i32) -> Vec<Item> {
        let column = |place: MarkPlace| {
            let mut items = Vec::new();
            for m in &self.r.context.marks {
                let Some(s) = self.style_of(m).filter(|s| s.vi_tri == place) else {
                    continue;
                };
                if !items.is_empty() {
                    items.push(Item::P(gap(mm(GAP_MM))));
                }
                items.push(self.column_mark(s, m));
            }
            items
        };
        let (left, right) = (column(MarkPlace::DuoiSo), column(MarkPlace::DuoiNgay));
        if left.is_empty() && right.is_empty() {
            return Vec::new();
        }
        let left_w = units::twips(self.pt(&self.p.dau.cot_trai)).min(text_width);
        let columns = [left_w as usize, (text_width - left_w).max(1) as usize];
        let cell = |items: Vec<Item>| {
            if items.is_empty() {
                vec![Item::P(super::rule_free_end())]
            } else {
                items
            }
        };
        vec![
            // Also keeps Word from joining this table to the header's.
            Item::P(gap(mm(GAP_MM))),
            Item::T(layout_table_of(
                &columns,
                vec![vec![cell(left), cell(right)]],
            )),
        ]
    }

    /// The marks of the top margin: paragraphs framed at a fixed place on
    /// the page (`w:framePr`), flush right with the text block, their top
    /// `cach_mep_tren` below the page's edge.
    pub fn corner_marks(&self) -> Vec<Item> {
        let mut out = Vec::new();
        let mut y = 0.0;
        for m in &self.r.context.marks {
            let Some(s) = self.style_of(m).filter(|s| s.vi_tri == MarkPlace::GocPhai) else {
                continue;
            };
            if y == 0.0 {
                y = s.cach_mep_tren.as_ref().map_or(0.0, |l| self.pt(l));
            }
            let size = self.pt(&s.co);
            let pad_y = if s.khung && s.khung_cao.is_none() {
                mm(PAD_Y_MM)
            } else {
                0.0
            };
            // A frame's line is the words' size, as the template's box holds
            // them; a fixed height is the frame's.
            let line = match (&s.khung_cao, s.khung) {
                (Some(h), true) => self.pt(h),
                (None, true) => size,
                _ => 1.25 * size,
            };
            let mut frame = FrameProperty::new()
                .wrap("around")
                .h_anchor("margin")
                .x_align("right")
                .v_anchor("page")
                .y(units::twips(y));
            if s.khung && s.khung_rong.contains_key(&m.khoa) {
                frame =
                    frame.width(units::twips(self.frame_width(s, m) - 2.0 * mm(PAD_X_MM)) as u32);
            }
            let mut p = spaced(line, 0.0, 0.0)
                .align(AlignmentType::Center)
                .unindented()
                .add_run(self.mark_run(s, &m.text));
            p.property.frame_property = Some(frame);
            if s.khung {
                let net = units::eighths(s.net.as_ref().map_or(NET_PT, |n| self.pt(n)));
                // A border's `space` is in points: the padding beside the words.
                let side = |pos, space: f64| {
                    ParagraphBorder::new(pos)
                        .val(BorderType::Single)
                        .size(net)
                        .space(space.round() as usize)
                        .color(ink(s))
                };
                p.property = p.property.set_borders(
                    ParagraphBorders::with_empty()
                        .set(side(ParagraphBorderPosition::Top, pad_y))
                        .set(side(ParagraphBorderPosition::Bottom, pad_y))
                        .set(side(ParagraphBorderPosition::Left, mm(PAD_X_MM)))
                        .set(side(ParagraphBorderPosition::Right, mm(PAD_X_MM))),
                );
            }
            y += line + 2.0 * pad_y + mm(GAP_MM);
            out.push(Item::P(p));
        }
        out
    }
}

/// An empty paragraph `points` high.
fn gap(points: f64) -> Paragraph {
    spaced(points, 0.0, 0.0).size(2)
}
