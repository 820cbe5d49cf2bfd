//! Pages: the document's section (portrait, or landscape with `huong =
//! "ngang"`) and one section per appendix, each on pages of its own, in its
//! orientation, paginated from 1 when the profile says so. The page number is
//! a PAGE field centred in the header, absent from each section's first page
//! (Word's "different first page"), as the PDF numbers from page 2.

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Header, InstrPAGE, InstrText, LineSpacing, LineSpacingType,
    PageMargin, PageNumType, PageOrientationType, PageSize, Paragraph, Run, RunFonts, RunProperty,
    Section, Style, StyleType, VertAlignType,
};

use super::{plain, text, units, Item, Writer};
use crate::appendices::AppendixContext;
use crate::model::Orientation;

/// A run of pages with one orientation and numbering.
struct Part {
    items: Vec<Item>,
    landscape: bool,
    /// Numbered from 1 (an appendix paginated on its own).
    restart: bool,
    /// Its first page shows no number.
    first_unnumbered: bool,
}

impl Writer<'_> {
    fn text_width(&self, landscape: bool) -> i32 {
        let t = &self.p.trang;
        let paper = if landscape {
            units::A4_HEIGHT
        } else {
            units::A4_WIDTH
        };
        paper - units::twips(self.pt(&t.le_trai)) - units::twips(self.pt(&t.le_phai))
    }

    fn main_part(&mut self) -> Part {
        let landscape = self.r.document.huong == Orientation::Landscape;
        let width = self.text_width(landscape);
        let ctx = &self.r.context;
        let mut items = vec![Item::T(self.header_block(width, true))];
        // After the header table: LibreOffice drops a frame that opens the body.
        items.extend(self.corner_marks());
        items.extend(self.marks_under_header(width));
        items.extend(self.title_block(width));
        items.extend(self.addressees(width));
        items.extend(self.decision_block());
        items.extend(self.blocks(&ctx.blocks, ctx.ending_from, width));
        items.extend(self.ending(width));
        Part {
            items,
            landscape,
            restart: false,
            first_unnumbered: true,
        }
    }

    fn appendix_part(&mut self, a: &AppendixContext) -> Part {
        let width = self.text_width(a.ngang);
        let b = &self.p.bang;
        let mut items = Vec::new();
        if a.dau {
            items.push(Item::T(self.header_block(width, false)));
        }
        let title_size = self.pt(&b.tieu_de_co);
        let small = self.pt(&b.co);
        let label = match &a.so {
            Some(so) => format!("{} {so}", b.nhan),
            None => b.nhan.clone(),
        };
        let mut lines: Vec<(String, f64, bool, bool)> = vec![(label, title_size, true, false)];
        lines.extend(
            a.tieu_de
                .iter()
                .map(|l| (l.clone(), title_size, true, false)),
        );
        lines.push((a.kem_theo.clone(), small, false, true));
        lines.extend(a.ghi_chu.iter().map(|l| (l.clone(), small, false, true)));
        let n = lines.len();
        for (i, (s, size, bold, italic)) in lines.into_iter().enumerate() {
            let before = if i == 0 && a.dau {
                self.pt(&self.p.ten_loai.cach_tren)
            } else {
                0.0
            };
            let after = if i + 1 == n {
                self.pt(&b.cach_tren)
            } else {
                0.0
            };
            let p = text(&s, size, bold, italic).into_iter().fold(
                plain(size).line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Exact)
                        .line(units::twips(1.3 * size))
                        .before(units::twips(before) as u32)
                        .after(units::twips(after) as u32),
                ),
                |p, r| p.add_run(r),
            );
            items.push(Item::P(p));
        }
        if a.kind == "chi-tieu" {
            items.push(Item::T(self.indicator_table(a, width)));
        } else {
            items.extend(self.blocks(&a.blocks, a.blocks.len(), width));
        }
        let restart = b.phu_luc_trang_rieng;
        Part {
            items,
            landscape: a.ngang,
            restart,
            first_unnumbered: restart,
        }
    }

    /// The page-number header: a PAGE field, centred.
    fn number_header(&self) -> Header {
        let size = units::half_points(self.pt(&self.p.trang.so_trang_co));
        let run = || Run::new().size(size);
        Header::new().add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(0))
                .add_run(run().add_field_char(FieldCharType::Begin, false))
                .add_run(run().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
                .add_run(run().add_field_char(FieldCharType::Separate, false))
                .add_run(run().add_text("2"))
                .add_run(run().add_field_char(FieldCharType::End, false)),
        )
    }

    fn geometry(&self, landscape: bool) -> (PageSize, PageMargin, PageOrientationType) {
        let t = &self.p.trang;
        let tw = |l| units::twips(self.pt(l));
        let size = if landscape {
            PageSize::new()
                .size(units::A4_HEIGHT as u32, units::A4_WIDTH as u32)
                .orient(PageOrientationType::Landscape)
        } else {
            PageSize::new().size(units::A4_WIDTH as u32, units::A4_HEIGHT as u32)
        };
        let margin = PageMargin::new()
            .top(tw(&t.le_tren))
            .bottom(tw(&t.le_duoi))
            .left(tw(&t.le_trai))
            .right(tw(&t.le_phai))
            .header(tw(&t.so_trang_cach_mep_tren))
            .footer(tw(&t.le_duoi) / 2)
            .gutter(0);
        let orient = if landscape {
            PageOrientationType::Landscape
        } else {
            PageOrientationType::Portrait
        };
        (size, margin, orient)
    }
}

/// The whole document, before packing.
pub fn document(w: &mut Writer) -> Docx {
    let font = w.font().to_string();
    let fonts = RunFonts::new()
        .ascii(&font)
        .hi_ansi(&font)
        .cs(&font)
        .east_asia(&font);
    let mut footnote_mark =
        Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
    footnote_mark.run_property = RunProperty::new().vert_align(VertAlignType::SuperScript);
    let mut docx = Docx::new()
        .default_fonts(fonts)
        .default_size(units::half_points(w.size))
        // Paragraphs the writer does not space itself (the ones closing a
        // section) take no room.
        .default_line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(20)
                .before(0)
                .after(0),
        )
        .add_style(footnote_mark);

    let mut parts = vec![w.main_part()];
    for a in &w.r.appendices {
        parts.push(w.appendix_part(a));
    }
    // The copy block follows everything copied, appendices too. An appendix
    // has pages of its own, so after one the block starts a page of the
    // document's own orientation, numbered on from the appendix, as the PDF
    // does (the appendix there is a `page` of its own).
    let copy = w.copy_block(w.text_width(parts[0].landscape));
    if parts.len() > 1 && !copy.is_empty() {
        parts.push(Part {
            items: Vec::new(),
            landscape: parts[0].landscape,
            restart: false,
            first_unnumbered: false,
        });
    }
    let last = parts.len() - 1;
    parts[last].items.extend(copy);
    for (i, part) in parts.into_iter().enumerate() {
        let (page, margin, orient) = w.geometry(part.landscape);
        if i < last {
            let mut s = Section::new()
                .page_size(page)
                .page_margin(margin)
                .page_orient(orient)
                .header(w.number_header());
            if part.first_unnumbered {
                s = s.first_header(Header::new()).title_pg();
            }
            if part.restart {
                s = s.page_num_type(PageNumType::new().start(1));
            }
            for item in part.items {
                s = match item {
                    Item::P(p) => s.add_paragraph(p),
                    Item::T(t) => s.add_table(t),
                };
            }
            docx = docx.add_section(s);
        } else {
            docx = docx
                .page_size(
                    if part.landscape {
                        units::A4_HEIGHT
                    } else {
                        units::A4_WIDTH
                    } as u32,
                    if part.landscape {
                        units::A4_WIDTH
                    } else {
                        units::A4_HEIGHT
                    } as u32,
                )
                .page_margin(margin)
                .page_orient(orient)
                .header(w.number_header());
            if part.first_unnumbered {
                docx = docx.first_header(Header::new()).title_pg();
            }
            if part.restart {
                docx = docx.page_num_type(PageNumType::new().start(1));
            }
            for item in part.items {
                docx = match item {
                    Item::P(p) => docx.add_paragraph(p),
                    Item::T(t) => docx.add_table(t),
                };
            }
        }
    }
    docx
}
