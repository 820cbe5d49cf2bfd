//! Tables: the free tables (`[bang.<ten>]`) with their spans and repeated
//! header rows, and a report's indicator table. Each cell is the anchor of its
//! span, as the layout stage gave it; the writer only places the anchors on
//! Word's grid and marks the cells a span covers.

use docx_rs::{
    AlignmentType, HeightRule, Paragraph, Run, SpecialIndentType, Table, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, VMergeType, WidthType,
};

use super::{spaced, units, Unindent, Writer};
use crate::appendices::AppendixContext;
use crate::model::Style;
use crate::tables::{LaidCell, LaidTable};

/// The row height that marks a header row for [`super::package`], which turns
/// it into `<w:tblHeader/>`: docx-rs has no repeated header rows.
pub const HEADER_ROW_MARK: f32 = 1.0;

/// Where each anchor stands on a grid `columns` wide: (row, column).
fn place(cells: &[(usize, usize)], columns: usize) -> (Vec<(usize, usize)>, usize) {
    let mut taken: Vec<Vec<bool>> = Vec::new();
    let mut at = Vec::with_capacity(cells.len());
    let (mut r, mut c) = (0usize, 0usize);
    for &(colspan, rowspan) in cells {
        loop {
            if c >= columns {
                r += 1;
                c = 0;
            }
            while taken.len() <= r {
                taken.push(vec![false; columns]);
            }
            if !taken[r][c] {
                break;
            }
            c += 1;
        }
        let cs = colspan.clamp(1, columns - c);
        for y in r..r + rowspan.max(1) {
            while taken.len() <= y {
                taken.push(vec![false; columns]);
            }
            for slot in &mut taken[y][c..c + cs] {
                *slot = true;
            }
        }
        at.push((r, c));
        c += cs;
    }
    (at, taken.len())
}

/// One cell's content and look.
pub struct CellSpec {
    pub colspan: usize,
    pub rowspan: usize,
    pub paragraph: Paragraph,
    pub middle: bool,
    pub breakable: bool,
}

/// A bordered table of `specs` (reading order) on `widths`; the first
/// `header_rows` rows repeat on every page.
fn grid(
    specs: Vec<CellSpec>,
    header_rows: usize,
    widths: &[usize],
    stroke: f64,
    inset: f64,
    bottom_inset: f64,
) -> Table {
    let columns = widths.len().max(1);
    let spans: Vec<(usize, usize)> = specs.iter().map(|s| (s.colspan, s.rowspan)).collect();
    let (at, rows) = place(&spans, columns);
    // For every grid position: the anchor covering it.
    let mut owner: Vec<Vec<Option<usize>>> = vec![vec![None; columns]; rows];
    for (i, &(r, c)) in at.iter().enumerate() {
        let cs = spans[i].0.clamp(1, columns - c);
        for row in owner.iter_mut().skip(r).take(spans[i].1.max(1)) {
            for slot in row.iter_mut().skip(c).take(cs) {
                *slot = Some(i);
            }
        }
    }
    let mut specs: Vec<Option<CellSpec>> = specs.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(rows);
    for (y, row) in owner.iter().enumerate() {
        let mut cells = Vec::new();
        let mut breakable = false;
        let mut x = 0;
        while x < columns {
            let width_of =
                |from: usize, n: usize| widths[from..(from + n).min(columns)].iter().sum();
            match row[x] {
                Some(i) => {
                    let (r, c) = at[i];
                    let cs = spans[i].0.clamp(1, columns - c);
                    let rs = spans[i].1.max(1);
                    let mut cell = TableCell::new().width(width_of(x, cs), WidthType::Dxa);
                    if cs > 1 {
                        cell = cell.grid_span(cs);
                    }
                    if r == y && c == x {
                        let spec = specs[i].take();
                        if let Some(spec) = spec {
                            breakable |= spec.breakable;
                            if spec.middle || rs > 1 {
                                cell = cell.vertical_align(VAlignType::Center);
                            }
                            cell = cell.add_paragraph(spec.paragraph);
                        }
                        if rs > 1 {
                            cell = cell.vertical_merge(VMergeType::Restart);
                        }
                    } else {
                        cell = cell
                            .vertical_merge(VMergeType::Continue)
                            .add_paragraph(Paragraph::new());
                    }
                    cells.push(cell);
                    x += cs;
                }
                None => {
                    cells.push(
                        TableCell::new()
                            .width(widths[x], WidthType::Dxa)
                            .add_paragraph(Paragraph::new()),
                    );
                    x += 1;
                }
            }
        }
        let mut tr = TableRow::new(cells);
        if !breakable {
            tr = tr.cant_split();
        }
        if y < header_rows {
            tr = tr.row_height(HEADER_ROW_MARK).height_rule(HeightRule::Auto);
        }
        out.push(tr);
    }
    let border = |pos| {
        TableBorder::new(pos)
            .size(units::eighths(stroke))
            .border_type(docx_rs::BorderType::Single)
    };
    let borders = TableBorders::new()
        .set(border(TableBorderPosition::Top))
        .set(border(TableBorderPosition::Bottom))
        .set(border(TableBorderPosition::Left))
        .set(border(TableBorderPosition::Right))
        .set(border(TableBorderPosition::InsideH))
        .set(border(TableBorderPosition::InsideV));
    let inset = units::twips(inset).max(0) as usize;
    let bottom = units::twips(bottom_inset).max(0) as usize;
    Table::new(out)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
        .set_borders(borders)
        .margins(TableCellMargins::new().margin(inset, inset, bottom, inset))
}

fn alignment(name: &str) -> AlignmentType {
    match name {
        "center" => AlignmentType::Center,
        "right" => AlignmentType::Right,
        "justify" => AlignmentType::Both,
        _ => AlignmentType::Left,
    }
}

/// A cell's lines: `1.3 em` apart, as the layout library's tables.
fn cell_paragraph(size: f64, align: AlignmentType) -> Paragraph {
    spaced(1.3 * size, 0.0, 0.0).align(align).unindented()
}

impl Writer<'_> {
    /// A free table across `text_width` twips.
    pub fn free_table(&mut self, t: &LaidTable, text_width: i32) -> Table {
        let b = &self.p.bang;
        let size = match &t.co {
            Some(co) => crate::profile::Length::parse(co)
                .map(|l| self.pt(&l))
                .unwrap_or(self.pt(&b.tu_do_co)),
            None => self.pt(&b.tu_do_co),
        };
        let widths = units::columns(&t.rong, text_width);
        let mut specs = Vec::new();
        let header_rows = {
            let spans: Vec<(usize, usize)> =
                t.header.iter().map(|c| (c.colspan, c.rowspan)).collect();
            place(&spans, widths.len().max(1)).1
        };
        for c in &t.header {
            specs.push(self.laid_cell(c, size, true, "center"));
        }
        let body_start = specs.len();
        for c in &t.body {
            specs.push(self.laid_cell(c, size, false, ""));
        }
        // The body's columns align as the table says; place them knowing
        // each anchor's column.
        let spans: Vec<(usize, usize)> = t.body.iter().map(|c| (c.colspan, c.rowspan)).collect();
        let (at, _) = place(&spans, widths.len().max(1));
        for (k, (spec, cell)) in specs[body_start..].iter_mut().zip(&t.body).enumerate() {
            if cell.align.is_none() {
                let column = at[k].1;
                let name = t.can.get(column).copied().unwrap_or("left");
                spec.paragraph = std::mem::take(&mut spec.paragraph).align(alignment(name));
            }
        }
        let stroke = self.pt(&b.net);
        let inset = self.pt(&b.dem);
        grid(
            specs,
            header_rows,
            &widths,
            stroke,
            inset,
            inset + 0.25 * size,
        )
    }

    fn laid_cell(&mut self, c: &LaidCell, size: f64, header: bool, default: &str) -> CellSpec {
        let style = Style {
            bold: header || c.bold,
            italic: c.italic,
            underline: false,
        };
        let align = alignment(c.align.unwrap_or(default));
        let mut p = cell_paragraph(size, align);
        for r in self.inline(&c.markup.0 .0, style, Some(size)) {
            p = p.add_run(r);
        }
        CellSpec {
            colspan: c.colspan,
            rowspan: c.rowspan,
            paragraph: p,
            middle: header,
            breakable: c.breakable,
        }
    }

    /// A report's indicator table (an appendix of kind "chi-tieu").
    pub fn indicator_table(&mut self, a: &AppendixContext, text_width: i32) -> Table {
        let b = &self.p.bang;
        let size = self.pt(&b.co);
        let columns: Vec<String> = b.cot.iter().map(|l| l.as_str().to_string()).collect();
        let widths = units::columns(&columns, text_width);
        let n = a.cot.len();
        let cell = |s: &str, align: AlignmentType, bold: bool, italic: bool, indent: i32| {
            let mut p = cell_paragraph(size, align);
            if indent > 0 {
                p = p.indent(
                    Some(indent),
                    Some(SpecialIndentType::FirstLine(0)),
                    Some(0),
                    None,
                );
            }
            super::runs::plain(s, Some(size), bold, italic, false)
                .into_iter()
                .fold(p, |p, r: Run| p.add_run(r))
        };
        let spec = |paragraph, colspan, middle| CellSpec {
            colspan,
            rowspan: 1,
            paragraph,
            middle,
            breakable: false,
        };
        let column_align = |x: usize| match x {
            0 | 2 | 8 => AlignmentType::Center,
            3..=7 => AlignmentType::Right,
            _ => AlignmentType::Left,
        };
        let mut specs: Vec<CellSpec> = a
            .cot
            .iter()
            .map(|c| spec(cell(c, AlignmentType::Center, true, false, 0), 1, true))
            .collect();
        let component = units::twips(self.pt(&b.thut_thanh_phan));
        for row in &a.hang {
            match row.kind {
                "nhom" => {
                    let first = row.cells.first().map(String::as_str).unwrap_or("");
                    let name = row.cells.get(1).map(String::as_str).unwrap_or("");
                    specs.push(spec(
                        cell(first, AlignmentType::Center, true, false, 0),
                        1,
                        false,
                    ));
                    specs.push(spec(
                        cell(name, AlignmentType::Left, true, false, 0),
                        n.saturating_sub(1).max(1),
                        false,
                    ));
                }
                kind => {
                    let italic = kind == "thanh-phan";
                    for (x, c) in row.cells.iter().enumerate() {
                        let indent = if italic && x == 1 { component } else { 0 };
                        specs.push(spec(
                            cell(c, column_align(x), false, italic, indent),
                            1,
                            false,
                        ));
                    }
                }
            }
        }
        let stroke = self.pt(&b.net);
        let inset = self.pt(&b.dem);
        grid(specs, 1, &widths, stroke, inset, inset)
    }
}
