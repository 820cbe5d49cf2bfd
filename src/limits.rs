//! Every bound vanban puts on its input, in one place. Each is far above what
//! a real document needs (the figures in the comments are the largest seen in
//! practice) and low enough that any input within them renders in seconds and
//! in a few hundred megabytes: past them typesetting time and memory explode
//! (a 2 MB paragraph took 92 s, 4.000 sections 617 MB), so input over a bound
//! is refused with a message naming the file, the field, the limit and the value.

use std::ops::RangeInclusive;

/// A data file (figures in CSV, XLSX, TOML): spreadsheets are large.
pub const MAX_DATA_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A signature or seal image (PNG): a 600 dpi scan of a seal is about 300 KB.
pub const MAX_IMAGE_BYTES: u64 = 4 * 1024 * 1024;

/// The width and height of a signature or seal image, in pixels: a 40 mm seal
/// at 1200 dpi is 1.900 px; a larger image only slows the render.
pub const MAX_IMAGE_SIDE: u32 = 3_000;

/// A document file, a fragment file, a catalogue: a long resolution is 60 KB.
pub const MAX_DOCUMENT_FILE_BYTES: u64 = 1024 * 1024;

/// One text field (a paragraph, a title, a fragment's output), in characters:
/// the longest real paragraph is about 3.000. A single paragraph is broken
/// into lines as a whole, in more than linear time.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// All the text of a document, fragments evaluated, in characters: about
/// 400 pages; a long resolution has 60.000.
pub const MAX_TOTAL_TEXT_CHARS: usize = 1_000_000;

/// Sections (numbered parts at every level) in a document: a long resolution has 60.
pub const MAX_SECTIONS: usize = 1_000;

/// Paragraphs in a document, all parts together: a long resolution has 200.
pub const MAX_PARAGRAPHS: usize = 2_000;

/// Recipients (Nơi nhận) of a document, group members included: usually under 30.
pub const MAX_RECIPIENTS: usize = 200;

/// Rows of the indicator table: indicators in a catalogue (a commune sets 26).
pub const MAX_INDICATORS: usize = 500;

/// Rows of all free tables of a document, header rows and rows read from
/// files included: a long progress or staffing table has a few hundred, and
/// 2.000 rows take about 4 s to typeset (`cargo bench --bench tables`).
pub const MAX_TABLE_ROWS: usize = 5_000;

/// Nodes a YAML file may have once its aliases are expanded (a document has a
/// few thousand): anchors and aliases let 40 KB of YAML stand for gigabytes.
pub const MAX_YAML_NODES: usize = 100_000;

/// Text a YAML file may hold once its aliases are expanded, in bytes.
pub const MAX_YAML_TEXT_BYTES: usize = MAX_DATA_FILE_BYTES as usize;

/// Brackets nested deeper than this are refused: no document nests more than
/// a few levels, and the YAML parser takes minutes on `[[[[…`.
pub const MAX_NESTING: usize = 64;

/// Template instructions one fragment may run: a loop cannot hang a render.
pub const FRAGMENT_FUEL: u64 = 200_000;

/// Numbers the `la_ma` filter writes in Roman numerals: 3999 is MMMCMXCIX,
/// the largest without a bar over the letters.
pub const ROMAN: RangeInclusive<u32> = 1..=3999;

/// Years an issue date may have. 1945: the state's first documents (the
/// Democratic Republic was founded on 2 September 1945); the thể thức rules
/// vanban follows are recent, and a year outside this window is a typing
/// error (0025, 20255), not a document.
pub const ISSUE_YEARS: RangeInclusive<i32> = 1945..=2100;

/// Years a date quoted in a fragment (`{{ '2025-12-30' | ngay }}`) may have:
/// a report may cite the Party's founding (3 February 1930).
pub const QUOTED_YEARS: RangeInclusive<i32> = 1900..=2100;

/// What a count or size limit bounds, for the error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    DocumentFile,
    TextLength,
    TotalText,
    Sections,
    Paragraphs,
    Recipients,
    Indicators,
    TableRows,
    YamlNodes,
    YamlText,
}

impl Bound {
    /// What is counted, in English: "the document file's size in bytes".
    pub fn en(self) -> &'static str {
        match self {
            Bound::DocumentFile => "a document file's size in bytes",
            Bound::TextLength => "the length of one text in characters",
            Bound::TotalText => "the length of the document's whole text in characters",
            Bound::Sections => "the number of sections",
            Bound::Paragraphs => "the number of paragraphs",
            Bound::Recipients => "the number of recipients",
            Bound::Indicators => {
                "the number of rows of the indicator table (groups, targets, parts)"
            }
            Bound::TableRows => "the number of rows of the document's tables",
            Bound::YamlNodes => "the number of YAML nodes with aliases expanded",
            Bound::YamlText => "the YAML text in bytes with aliases expanded",
        }
    }

    pub fn vi(self) -> &'static str {
        match self {
            Bound::DocumentFile => "kích thước tệp văn bản (byte)",
            Bound::TextLength => "độ dài một đoạn chữ (ký tự)",
            Bound::TotalText => "độ dài toàn bộ chữ của văn bản (ký tự)",
            Bound::Sections => "số mục",
            Bound::Paragraphs => "số đoạn văn",
            Bound::Recipients => "số nơi nhận",
            Bound::Indicators => "số dòng của bảng chỉ tiêu (nhóm, chỉ tiêu, thành phần)",
            Bound::TableRows => "số hàng của các bảng trong văn bản",
            Bound::YamlNodes => "số nút YAML khi đã thay các bí danh (alias)",
            Bound::YamlText => "dung lượng chữ YAML khi đã thay các bí danh (alias, byte)",
        }
    }

    /// Why the limit is there and what to do, in English.
    pub fn advice_en(self) -> &'static str {
        match self {
            Bound::DocumentFile => "a document is a few tens of kilobytes; split the file",
            Bound::TextLength => "split the text into several paragraphs",
            Bound::TotalText | Bound::Sections | Bound::Paragraphs => "split the document",
            Bound::Recipients => "group the recipients (\"Các chi bộ trực thuộc\")",
            Bound::Indicators => "split the catalogue",
            Bound::TableRows => "split the table into several appendices or documents",
            Bound::YamlNodes | Bound::YamlText => {
                "write the repeated parts out instead of using anchors (&) and aliases (*)"
            }
        }
    }

    pub fn advice_vi(self) -> &'static str {
        match self {
            Bound::DocumentFile => "một văn bản chỉ vài chục kilobyte; hãy tách tệp",
            Bound::TextLength => "hãy tách thành nhiều đoạn",
            Bound::TotalText | Bound::Sections | Bound::Paragraphs => "hãy tách văn bản",
            Bound::Recipients => "hãy gộp nơi nhận (\"Các chi bộ trực thuộc\")",
            Bound::Indicators => "hãy tách danh mục chỉ tiêu",
            Bound::TableRows => "hãy tách bảng thành nhiều phụ lục hoặc nhiều văn bản",
            Bound::YamlNodes | Bound::YamlText => {
                "hãy viết ra các phần lặp lại thay vì dùng neo (&) và bí danh (*)"
            }
        }
    }
}

/// Refuses `value` over `limit`, naming the file, the field and the bound.
pub fn at_most(
    file: &std::path::Path,
    field: &str,
    bound: Bound,
    value: usize,
    limit: usize,
) -> Result<(), crate::Error> {
    if value > limit {
        return Err(crate::Error::Limit {
            file: file.to_path_buf(),
            field: field.to_string(),
            bound,
            value: value as u64,
            limit: limit as u64,
        });
    }
    Ok(())
}

/// Refuses a document over the count and length bounds, before anything is
/// typeset: the figures the bounds protect against are those of typesetting.
pub fn check_document(
    doc: &crate::model::Document,
    file: &std::path::Path,
) -> Result<(), crate::Error> {
    use crate::model::{Recipient, Section};
    let over = |field: &str, bound: Bound, value: usize, limit: usize| {
        at_most(file, field, bound, value, limit)
    };
    // (sections, paragraphs) of a section and everything under it.
    fn count(s: &Section) -> (usize, usize) {
        s.muc
            .iter()
            .map(count)
            .fold((1, s.doan.len() + s.doan_cuoi.len()), |(a, b), (c, d)| {
                (a + c, b + d)
            })
    }
    let (sections, paragraphs) = doc.noi_dung.iter().map(count).fold(
        (0, doc.mo_dau.len() + doc.ket_luan.len()),
        |(a, b), (c, d)| (a + c, b + d),
    );
    over("noi_dung", Bound::Sections, sections, MAX_SECTIONS)?;
    // The short forms' lists print a paragraph per entry too.
    let form_lines = doc
        .bien_ban
        .as_ref()
        .map_or(0, |b| b.thanh_phan.0.len() + b.vang_mat.0.len())
        + doc.giay_moi.as_ref().map_or(0, |g| g.noi_dung.0.len());
    over(
        "",
        Bound::Paragraphs,
        paragraphs + form_lines,
        MAX_PARAGRAPHS,
    )?;
    let recipients: usize = doc
        .noi_nhan
        .danh_sach
        .iter()
        .map(|r| match r {
            Recipient::One(_) => 1,
            Recipient::Group { nhom, .. } => nhom.len(),
        })
        .sum::<usize>()
        + doc.noi_nhan.dong_cuoi.0.len();
    over("noi_nhan", Bound::Recipients, recipients, MAX_RECIPIENTS)?;
    over(
        "kinh_gui",
        Bound::Recipients,
        doc.kinh_gui.0.len(),
        MAX_RECIPIENTS,
    )?;
    if let Some(g) = &doc.giay_moi {
        over(
            "giay_moi.kinh_moi",
            Bound::Recipients,
            g.kinh_moi.0.len(),
            MAX_RECIPIENTS,
        )?;
    }
    let mut total = 0;
    for (field, text) in doc.texts() {
        let chars = text.chars().count();
        over(&field, Bound::TextLength, chars, MAX_TEXT_CHARS)?;
        total += chars;
    }
    over("", Bound::TotalText, total, MAX_TOTAL_TEXT_CHARS)
}

/// A year outside `window`, as the reason an error carries.
pub fn year_outside(year: i32, window: &RangeInclusive<i32>) -> crate::problems::Invalid {
    crate::problems::Invalid::YearOutside {
        year,
        first: *window.start(),
        last: *window.end(),
    }
}
