//! The DOCX writer (issue 13): the document read back with python-docx
//! (tests/docx_probe.py), and every example converted by LibreOffice and
//! checked like vanban's own PDF: A4, margins, header columns, the ending's
//! sides, page numbers from page 2, the same words.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use serde::Deserialize;
use vanban::Renderer;

use crate::common::*;

#[derive(Debug, Deserialize)]
pub(crate) struct Docx {
    pub body: Vec<Block>,
    pub sections: Vec<Section>,
    footnotes: Vec<Note>,
    title: String,
    author: String,
    created: Option<String>,
    font: String,
    /// Every run of the body, nested ones too, with its colour.
    pub runs: Vec<AnyRun>,
    /// Paragraphs framed at a fixed place (`w:framePr`).
    pub frames: Vec<FramedParagraph>,
    /// Table cells with borders of their own (the frames of marks).
    pub boxes: Vec<BorderedCell>,
    /// Floating pictures.
    pub drawings: Vec<Drawing>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct AnyRun {
    pub text: String,
    pub size: Option<f64>,
    pub bold: bool,
    pub italic: bool,
    pub color: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Side {
    pub val: Option<String>,
    /// Width in points.
    pub pt: f64,
    pub color: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct FramedParagraph {
    pub text: String,
    pub x_align: Option<String>,
    pub h_anchor: Option<String>,
    pub v_anchor: Option<String>,
    /// From the page's top edge, in mm.
    pub y: f64,
    pub borders: BTreeMap<String, Side>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct BorderedCell {
    pub text: String,
    /// mm
    pub width: Option<f64>,
    pub height: Option<f64>,
    pub exact: bool,
    pub borders: BTreeMap<String, Side>,
}

/// Sizes and offsets in mm.
#[derive(Debug, Deserialize)]
pub(crate) struct Drawing {
    pub width: f64,
    pub height: f64,
    pub x: f64,
    pub y: f64,
    pub from_h: String,
    pub from_v: String,
    pub in_cell: bool,
    pub overlap: bool,
    pub wrap: Option<String>,
    pub sha256: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Block {
    pub kind: String,
    #[serde(default)]
    pub text: String,
    /// A paragraph's top border (a rule), its width in points.
    #[serde(default)]
    pub top_rule: Option<f64>,
    #[serde(default)]
    keep_next: bool,
    /// The last paragraph of a section that is not the document's last.
    #[serde(default)]
    pub ends_section: bool,
    #[serde(default)]
    runs: Vec<Run>,
    #[serde(default)]
    pub rows: Vec<Row>,
    #[serde(default)]
    bordered: bool,
    /// A table's column widths in mm.
    #[serde(default)]
    pub widths: Vec<f64>,
}

#[derive(Debug, Deserialize)]
struct Run {
    text: String,
    bold: bool,
    italic: bool,
    underline: bool,
    size: Option<f64>,
    footnote: bool,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Row {
    header: bool,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Cell {
    pub text: String,
    span: usize,
    vmerge: Option<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Section {
    pub landscape: bool,
    width: f64,
    height: f64,
    top: f64,
    bottom: f64,
    left: f64,
    right: f64,
    pub title_pg: bool,
    pub restart: bool,
    pub header_field: String,
}

#[derive(Debug, Deserialize)]
struct Note {
    id: usize,
    text: String,
    numbered: bool,
}

pub(crate) fn docx_of(path: &Path) -> Vec<u8> {
    let r = Renderer::new();
    let resolved = r.resolve_file(path).unwrap_or_else(|e| panic!("{e}"));
    vanban::docx::write(&resolved).unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn docx_of_toml(text: &str) -> Vec<u8> {
    let path = Path::new("test.toml");
    let doc: vanban::Document = vanban::model::parse(path, text, vanban::model::Format::Toml)
        .unwrap_or_else(|e| panic!("{e}"));
    let resolved = Renderer::new()
        .resolve(&doc, path)
        .unwrap_or_else(|e| panic!("{e}"));
    vanban::docx::write(&resolved).unwrap()
}

pub(crate) fn read_back(bytes: &[u8]) -> Docx {
    let mut f = tempfile::Builder::new().suffix(".docx").tempfile().unwrap();
    std::io::Write::write_all(&mut f, bytes).unwrap();
    let out = Command::new("python3")
        .arg(root().join("tests/docx_probe.py"))
        .arg(f.path())
        .output()
        .expect("python3 with python-docx (scripts/test installs it)");
    assert!(
        out.status.success(),
        "docx_probe failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A state report with what a Word reader must see: emphasis, a footnote in
/// a heading and in a paragraph, a table with spans and a header row, and a
/// landscape appendix.
const RICH: &str = r#"
the_thuc = "nha-nuoc"
loai = "bao-cao"
co_quan_ban_hanh = "Ủy ban nhân dân xã Vũ Quang"
ma_co_quan = "UBND"
so = 12
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-02-10"
trich_yeu = "Tình hình thực hiện nhiệm vụ tháng 01/2026"
kinh_gui = ["Ủy ban nhân dân huyện"]
mo_dau = ["Ủy ban nhân dân xã **báo cáo** tình hình *tháng 01* như sau:"]
ket_luan = ["Trên đây là báo cáo của __Ủy ban nhân dân xã__"]

[[noi_dung]]
tieu_de = "Kết quả^[Số liệu đến ngày 31/01/2026.]"
doan = ["Thu ngân sách đạt 120 triệu đồng^[Theo Kho bạc.].", { bang = "thu" }]

[[noi_dung]]
tieu_de = "Nhiệm vụ tháng 02"
doan = ["Tiếp tục triển khai."]

[[phu_luc]]
tieu_de = "BẢNG RỘNG"
huong = "ngang"
noi_dung = ["Chi tiết:", { bang = "rong" }]

[bang.thu]
tieu_de = [["Nguồn", "Tháng 01", "<"], ["^", "Dự toán", "Thực hiện"]]
hang = [["Thuế", "100", "80"], ["Phí", "20", "^"]]

[bang.rong]
tieu_de = [["Mục", "Giá trị"]]
hang = [["A", "1"], ["B", "2"]]

[ky]
hinh_thuc = "thay-mat"
thay_mat = "Ủy ban nhân dân"
chuc_vu = "Chủ tịch"
ho_ten = "Nguyễn Văn An"

[noi_nhan]
danh_sach = ["Thường trực Đảng ủy xã"]
luu = "VP"
"#;

fn rich() -> &'static Docx {
    static DOCX: OnceLock<Docx> = OnceLock::new();
    DOCX.get_or_init(|| read_back(&docx_of_toml(RICH)))
}

fn paragraphs(d: &Docx) -> Vec<&Block> {
    d.body
        .iter()
        .filter(|b| b.kind == "p" && !b.text.is_empty())
        .collect()
}

#[test]
fn the_docx_reads_back_in_the_pdfs_order_with_its_header_styles() {
    let d = rich();
    // The header block is a borderless table: issuing body left, Quốc hiệu right.
    let header = &d.body[0];
    assert_eq!(header.kind, "t");
    assert!(!header.bordered, "the header block has no borders");
    let first = &header.rows[0].cells;
    assert_eq!(first[0].text, "ỦY BAN NHÂN DÂN\nXÃ VŨ QUANG");
    assert_eq!(
        first[1].text,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    );
    assert_eq!(header.rows[1].cells[0].text, "Số: 12/BC-UBND");
    assert_eq!(
        header.rows[1].cells[1].text,
        "Vũ Quang, ngày 10 tháng 02 năm 2026"
    );
    let texts: Vec<&str> = paragraphs(d).iter().map(|b| b.text.as_str()).collect();
    let expected = [
        "BÁO CÁO",
        "Tình hình thực hiện nhiệm vụ tháng 01/2026",
        "Kính gửi: Ủy ban nhân dân huyện",
        "Ủy ban nhân dân xã báo cáo tình hình tháng 01 như sau:",
        "I. KẾT QUẢ",
        "Thu ngân sách đạt 120 triệu đồng.",
        "II. NHIỆM VỤ THÁNG 02",
        "Tiếp tục triển khai.",
        "Trên đây là báo cáo của Ủy ban nhân dân xã./.",
        "Phụ lục",
        "BẢNG RỘNG",
    ];
    let mut at = 0;
    for e in expected {
        let found = texts[at..].iter().position(|t| *t == e);
        let Some(i) = found else {
            panic!("{e:?} not found after {:?} in {texts:?}", texts.get(at));
        };
        at += i + 1;
    }
    // Sizes and styles as the profile (nha-nuoc-nd30) gives them.
    let by_text = |t: &str| *paragraphs(d).iter().find(|b| b.text == t).unwrap();
    let kind = &by_text("BÁO CÁO").runs[0];
    assert!(kind.bold && kind.size == Some(14.0), "{kind:?}");
    let summary = &by_text("Tình hình thực hiện nhiệm vụ tháng 01/2026").runs[0];
    assert!(summary.bold && summary.size == Some(14.0), "{summary:?}");
    let heading = by_text("I. KẾT QUẢ");
    assert!(heading.runs.iter().filter(|r| !r.footnote).all(|r| r.bold));
    assert_eq!(d.font, "Times New Roman");
}

#[test]
fn emphasis_and_footnotes_are_words_runs_and_footnotes() {
    let d = rich();
    let opening = paragraphs(d)
        .into_iter()
        .find(|b| b.text.starts_with("Ủy ban nhân dân xã báo cáo"))
        .unwrap();
    let run = |t: &str| opening.runs.iter().find(|r| r.text == t).unwrap();
    assert!(run("báo cáo").bold && !run("báo cáo").italic);
    assert!(run("tháng 01").italic && !run("tháng 01").bold);
    assert!(!run("Ủy ban nhân dân xã ").bold);
    let closing = paragraphs(d)
        .into_iter()
        .find(|b| b.text.starts_with("Trên đây"))
        .unwrap();
    assert!(closing
        .runs
        .iter()
        .any(|r| r.text == "Ủy ban nhân dân xã" && r.underline));
    // Two real footnotes, numbered in order, each with its number mark.
    let notes: Vec<(usize, &str, bool)> = d
        .footnotes
        .iter()
        .map(|n| (n.id, n.text.as_str(), n.numbered))
        .collect();
    assert_eq!(
        notes,
        [
            (1, "Số liệu đến ngày 31/01/2026.", true),
            (2, "Theo Kho bạc.", true)
        ]
    );
    let marks: usize = paragraphs(d)
        .iter()
        .map(|b| b.runs.iter().filter(|r| r.footnote).count())
        .sum();
    assert_eq!(marks, 2);
}

#[test]
fn table_spans_and_header_rows_are_words() {
    let d = rich();
    let table = d
        .body
        .iter()
        .find(|b| b.kind == "t" && b.bordered && b.rows[0].cells[0].text == "Nguồn")
        .expect("the free table");
    // Header: "Nguồn" spans two rows, "Tháng 01" two columns; both rows repeat.
    assert!(table.rows[0].header && table.rows[1].header && !table.rows[2].header);
    let h0 = &table.rows[0].cells;
    assert_eq!((h0[0].vmerge.as_deref(), h0[1].span), (Some("restart"), 2));
    assert_eq!(h0[1].text, "Tháng 01");
    let h1 = &table.rows[1].cells;
    assert_eq!(h1[0].vmerge.as_deref(), Some("continue"));
    assert_eq!(
        (h1[1].text.as_str(), h1[2].text.as_str()),
        ("Dự toán", "Thực hiện")
    );
    // Body: "80" spans the two body rows.
    let b0 = &table.rows[2].cells;
    assert_eq!(
        (b0[2].text.as_str(), b0[2].vmerge.as_deref()),
        ("80", Some("restart"))
    );
    assert_eq!(table.rows[3].cells[2].vmerge.as_deref(), Some("continue"));
}

#[test]
fn sections_pages_margins_numbers_and_metadata() {
    let d = rich();
    assert_eq!(d.sections.len(), 2, "the body, then the appendix");
    let (body, appendix) = (&d.sections[0], &d.sections[1]);
    assert!(!body.landscape && appendix.landscape);
    assert!((body.width - 210.0).abs() < 0.1 && (body.height - 297.0).abs() < 0.1);
    assert!((appendix.width - 297.0).abs() < 0.1 && (appendix.height - 210.0).abs() < 0.1);
    for s in &d.sections {
        // nha-nuoc-nd30: 20 / 20 / 30 / 15 mm.
        let m = [s.top, s.bottom, s.left, s.right];
        for (got, want) in m.iter().zip([20.0, 20.0, 30.0, 15.0]) {
            assert!((got - want).abs() < 0.05, "{m:?}");
        }
        assert!(s.title_pg, "no number on a section's first page");
        assert_eq!(s.header_field, "PAGE");
    }
    assert!(
        !body.restart && appendix.restart,
        "the appendix counts from 1"
    );
    assert_eq!(d.author, "ỦY BAN NHÂN DÂN XÃ VŨ QUANG");
    assert_eq!(
        d.title,
        "BÁO CÁO Tình hình thực hiện nhiệm vụ tháng 01/2026"
    );
    assert_eq!(d.created.as_deref(), Some("2026-02-10T00:00:00+00:00"));
}

#[test]
fn only_the_closing_paragraphs_making_two_lines_travel_with_the_signature() {
    // The quyết định closes with Điều 2 (three lines) and Điều 3 (three
    // lines): Điều 3 alone makes two lines, so only it is kept with the
    // signature, as the PDF's `cuoi-van-ban` keeps it; Điều 2 flows.
    let d = read_back(&docx_of(&root().join("examples/quyet-dinh-2026-ubnd.toml")));
    let keep = |start: &str| {
        d.body
            .iter()
            .find(|b| b.kind == "p" && b.text.starts_with(start))
            .unwrap_or_else(|| panic!("no {start:?}"))
            .keep_next
    };
    assert!(!keep("Điều 2."));
    assert!(keep("Điều 3."));
    // A last paragraph of one line takes the one before it along.
    let d = read_back(&docx_of_toml(RICH));
    let kept: Vec<&str> = d
        .body
        .iter()
        .filter(|b| b.kind == "p" && b.keep_next && !b.text.is_empty())
        .map(|b| b.text.as_str())
        .collect();
    assert!(kept.iter().any(|t| t.starts_with("Trên đây")), "{kept:?}");
    assert!(kept.iter().any(|t| t.starts_with("Tiếp tục")), "{kept:?}");
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let path = root().join("examples/bao-cao-quy-I-2026-dang-uy.toml");
    let first = docx_of(&path);
    // Again in this thread, and on another: no counter may leak into the file.
    assert!(first == docx_of(&path));
    let other = std::thread::spawn(move || docx_of(&path)).join().unwrap();
    assert!(first == other);
    // Every entry dated the zip epoch (1980-01-01 00:00).
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(first)).unwrap();
    for i in 0..zip.len() {
        let e = zip.by_index(i).unwrap();
        let t = e.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1), "{}", e.name());
    }
}

#[test]
fn render_batch_and_errors_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let example = root().join("examples/nghi-quyet-07-NQ-DU-2025.toml");
    let out = dir.path().join("nq.docx");
    let (code, err) = run_vanban(
        &[
            "render",
            example.to_str().unwrap(),
            "--format",
            "docx",
            "-o",
            out.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    let outdir = dir.path().join("out");
    let (code, err) = run_vanban(
        &[
            "batch",
            root().join("examples").to_str().unwrap(),
            "--format",
            "docx",
            "-o",
            outdir.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(outdir.join("bao-cao-quy-I-2026-dang-uy.docx").is_file());
    assert!(!outdir.join("bao-cao-quy-I-2026-dang-uy.pdf").exists());
    // A document that does not resolve writes nothing and exits 1.
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "the_thuc = \"dang\"\n").unwrap();
    let target = dir.path().join("bad.docx");
    let (code, err) = run_vanban(&["render", "bad.toml", "--format", "docx"], dir.path());
    assert_eq!(code, Some(1), "{err}");
    assert!(!target.exists());
}

/// The short forms' lines and a joint document's two bodies and two
/// signatures are in the DOCX as in the PDF (tests/suite/layouts.rs).
#[test]
fn a_giay_moi_and_a_joint_document_read_back_with_their_own_blocks() {
    let d = read_back(&docx_of(&root().join("examples/giay-moi-2026-ubnd.toml")));
    let texts: Vec<&str> = paragraphs(&d).iter().map(|b| b.text.as_str()).collect();
    let expected = [
        "GIẤY MỜI",
        "Ủy ban nhân dân xã Vũ Quang trân trọng kính mời:",
        "- Trưởng các ban, ngành, đoàn thể xã;",
        "- Bí thư Chi bộ, Trưởng thôn các thôn.",
        "Tới dự: Hội nghị sơ kết công tác quý I, triển khai nhiệm vụ quý II năm 2026.",
        "Thời gian: 08 giờ 00 phút, thứ Ba, ngày 07 tháng 4 năm 2026.",
        "Địa điểm: Hội trường Ủy ban nhân dân xã Vũ Quang.",
        "Nội dung:",
    ];
    let mut at = 0;
    for e in expected {
        let Some(i) = texts[at..].iter().position(|t| *t == e) else {
            panic!("{e:?} not found after {:?} in {texts:?}", texts.get(at));
        };
        at += i + 1;
    }
    assert!(texts
        .iter()
        .any(|t| t.starts_with("Liên hệ:") && t.ends_with("./.")));
    let kind = &paragraphs(&d)
        .iter()
        .find(|b| b.text == "GIẤY MỜI")
        .unwrap()
        .runs[0];
    assert!(kind.bold, "{kind:?}");

    // A Party biên bản: the labels are bold runs, the values are not.
    let d = read_back(&docx_of(
        &root().join("examples/bien-ban-2026-dang-uy.toml"),
    ));
    let chair = *paragraphs(&d)
        .iter()
        .find(|b| b.text.starts_with("Chủ trì:"))
        .unwrap();
    assert!(chair.runs[0].bold && chair.runs[0].text.starts_with("Chủ trì:"));
    assert!(chair.runs.iter().skip(1).all(|r| !r.bold), "{chair:?}");

    let d = read_back(&docx_of_toml(&Doc::joint_plan("nha-nuoc").toml()));
    let header = &d.body[0];
    assert_eq!(
        header.rows[0].cells[0].text,
        "ỦY BAN NHÂN DÂN\nXÃ VŨ QUANG -\nHỘI NÔNG DÂN\nXÃ VŨ QUANG"
    );
    assert_eq!(header.rows[1].cells[0].text, "Số: 05/KHLT-UBND-HND");
    // Two signature cells in one row: the co-issuer left, the lead right.
    let signatures = d
        .body
        .iter()
        .filter(|b| b.kind == "t")
        .flat_map(|b| &b.rows)
        .find(|r| r.cells.iter().any(|c| c.text.contains("Trần Văn Cường")))
        .expect("the signature row");
    let filled: Vec<&str> = signatures
        .cells
        .iter()
        .map(|c| c.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        filled,
        [
            "TM. BAN CHẤP HÀNH\nCHỦ TỊCH\nTrần Văn Cường",
            "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Thành"
        ]
    );
}

// ---- LibreOffice: every example, converted once per run ----

struct Converted {
    name: String,
    file: PathBuf,
    pdf: Vec<u8>,
    lo: Vec<u8>,
}

/// Every example as vanban's PDF and as LibreOffice's PDF of vanban's DOCX,
/// converted in one soffice call (it starts slowly).
fn converted() -> &'static [Converted] {
    static ALL: OnceLock<Vec<Converted>> = OnceLock::new();
    ALL.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap().keep();
        let mut examples: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        examples.sort();
        let mut docs = Vec::new();
        for file in &examples {
            let name = file.file_stem().unwrap().to_string_lossy().to_string();
            let docx = dir.join(format!("{name}.docx"));
            std::fs::write(&docx, docx_of(file)).unwrap();
            docs.push(docx);
        }
        libreoffice_pdfs(&dir, &docs);
        examples
            .iter()
            .map(|file| {
                let name = file.file_stem().unwrap().to_string_lossy().to_string();
                let lo = std::fs::read(dir.join("lo").join(format!("{name}.pdf")))
                    .unwrap_or_else(|e| panic!("LibreOffice did not convert {name}: {e}"));
                Converted {
                    name,
                    file: file.clone(),
                    pdf: render_file(file),
                    lo,
                }
            })
            .collect()
    })
}

fn probes() -> &'static BTreeMap<String, (Probe, Probe)> {
    static P: OnceLock<BTreeMap<String, (Probe, Probe)>> = OnceLock::new();
    P.get_or_init(|| {
        converted()
            .iter()
            .map(|c| (c.name.clone(), (probe(&c.pdf), probe(&c.lo))))
            .collect()
    })
}

/// The words a reader compares, page by page, in reading order: lines top
/// to bottom, and a ruled table cell by cell (row by row, left to right,
/// each cell's own lines in order), since the two writers wrap a cell's text
/// at different places and a text extractor then interleaves neighbouring
/// cells differently. Left out: bare page numbers (vanban's content stream
/// puts the number last, Word's header first); a table's header rows
/// repeated at the top of a later page (the pages break at different rows,
/// so each side repeats them elsewhere); the footnotes' texts, which sit at
/// the foot of whichever page their marker lands on (each is checked on its
/// own).
fn compared_words(pdf: &[u8], notes: &[Vec<String>]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    // The first rows of each page's table: a later page opening with them
    // repeats a header.
    let mut top_rows: Vec<String> = Vec::new();
    for (n, page) in probe(pdf).pages.iter().enumerate() {
        let mut units = reading_units(page);
        let rows: Vec<f64> = {
            let mut r: Vec<f64> = units.iter().filter_map(|u| u.row).collect();
            r.dedup_by(|a, b| (*a - *b).abs() < 0.5);
            r
        };
        let row_text = |row: f64, units: &[Unit]| {
            units
                .iter()
                .filter(|u| u.row.is_some_and(|r| (r - row).abs() < 0.5))
                .flat_map(|u| u.words.iter().cloned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let mut repeated = Vec::new();
        if n > 0 {
            for &row in &rows {
                if top_rows.contains(&row_text(row, &units)) {
                    repeated.push(row);
                } else {
                    break;
                }
            }
        }
        for &row in rows.iter().take(3) {
            top_rows.push(row_text(row, &units));
        }
        units.retain(|u| {
            !u.row
                .is_some_and(|r| repeated.iter().any(|x| (x - r).abs() < 0.5))
        });
        for u in units {
            let line = u.words.join(" ");
            if u.row.is_none() && line.len() <= 3 && line.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            words.extend(u.words);
        }
    }
    // A note's first word may carry its number ("4Theo").
    let bare = |w: &str| {
        w.trim_start_matches(|c: char| c.is_ascii_digit())
            .to_string()
    };
    for note in notes {
        if note.is_empty() {
            continue;
        }
        let n = note.len();
        if let Some(at) = (0..words.len().saturating_sub(n - 1)).find(|&i| {
            bare(&words[i]) == note[0]
                && words[i + 1..i + n]
                    .iter()
                    .zip(&note[1..])
                    .all(|(a, b)| a == b)
        }) {
            words.drain(at..at + n);
        }
    }
    words
}

/// A line outside any table, or a table cell's text.
struct Unit {
    /// Where it sorts: the line's top, or the top rule of the cell's row.
    top: f64,
    /// The cell's left rule (0 outside tables).
    column: f64,
    /// The top rule of the cell's row.
    row: Option<f64>,
    words: Vec<String>,
}

/// The page's lines and table cells, in reading order.
fn reading_units(page: &Page) -> Vec<Unit> {
    let mut free = Vec::new();
    let mut cells: BTreeMap<(i64, i64), Vec<Word>> = BTreeMap::new();
    for w in &page.words {
        let (cx, cy) = ((w.x0 + w.x1) / 2.0, (w.top + w.bottom) / 2.0);
        let spans = |v: &&VRule| v.top <= cy && cy <= v.bottom;
        let left = page
            .vrules
            .iter()
            .filter(spans)
            .filter(|v| v.x <= cx)
            .map(|v| v.x)
            .fold(f64::MIN, f64::max);
        let right = page.vrules.iter().filter(spans).any(|v| v.x >= cx);
        if left > f64::MIN && right {
            let row = page
                .rules
                .iter()
                .filter(|r| r.top <= cy && r.x0 <= cx && cx <= r.x1)
                .map(|r| r.top)
                .fold(0.0, f64::max);
            // Keyed in hundredths of a point, so the map sorts them.
            let key = ((row * 100.0) as i64, (left * 100.0) as i64);
            cells.entry(key).or_default().push(w.clone());
        } else {
            free.push(w.clone());
        }
    }
    let mut units: Vec<Unit> = text_lines(free)
        .into_iter()
        .map(|l| Unit {
            top: l[0].top,
            column: 0.0,
            row: None,
            words: l.into_iter().map(|w| w.text).collect(),
        })
        .collect();
    for ((row, column), ws) in cells {
        let row = row as f64 / 100.0;
        units.push(Unit {
            top: row,
            column: column as f64 / 100.0,
            row: Some(row),
            words: text_lines(ws)
                .into_iter()
                .flatten()
                .map(|w| w.text)
                .collect(),
        });
    }
    units.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.column.total_cmp(&b.column)));
    units
}

/// Words grouped into lines by their vertical overlap (a footnote marker,
/// raised and smaller, stays on its line), top to bottom, left to right.
fn text_lines(mut words: Vec<Word>) -> Vec<Vec<Word>> {
    words.sort_by(|a, b| (a.top + a.bottom).total_cmp(&(b.top + b.bottom)));
    let mut lines: Vec<(f64, f64, Vec<Word>)> = Vec::new();
    for w in words {
        let joins = lines.last().is_some_and(|(top, bottom, _)| {
            let overlap = bottom.min(w.bottom) - top.max(w.top);
            overlap > 0.4 * (bottom - top).min(w.bottom - w.top)
        });
        if joins {
            let (top, bottom, ws) = lines.last_mut().unwrap();
            *top = top.min(w.top);
            *bottom = bottom.max(w.bottom);
            ws.push(w);
        } else {
            lines.push((w.top, w.bottom, vec![w]));
        }
    }
    lines
        .into_iter()
        .map(|(_, _, mut ws)| {
            ws.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            ws
        })
        .collect()
}

/// Word similarity: difflib's ratio (2 × matched words / all words) over
/// the two PDFs' [`compared_words`].
fn similarity(a: &[String], b: &[String]) -> f64 {
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let b: Vec<&str> = b.iter().map(String::as_str).collect();
    similar::TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .diff_slices(&a, &b)
        .ratio() as f64
}

/// The footnotes' texts of a document, as words.
fn notes_of(file: &Path) -> Vec<Vec<String>> {
    let r = Renderer::new().resolve_file(file).unwrap();
    r.document
        .texts()
        .into_iter()
        .filter(|(field, _)| vanban::model::is_notation_field(field))
        .flat_map(|(_, t)| {
            vanban::model::Inline::parse(t)
                .map(|i| i.notes())
                .unwrap_or_default()
        })
        .map(|n| n.split_whitespace().map(str::to_string).collect())
        .collect()
}

/// Bag-of-words similarity: 2 × shared words / all words, counting repeats
/// (Dice over word multisets): the words are all there, whatever their
/// order.
fn bag_similarity(a: &[String], b: &[String]) -> f64 {
    let mut count: BTreeMap<&str, i64> = BTreeMap::new();
    for w in a {
        *count.entry(w).or_default() += 1;
    }
    let mut shared = 0;
    for w in b {
        if let Some(n) = count.get_mut(w.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            shared += 1;
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()).max(1) as f64
}

#[test]
fn libreoffice_prints_the_same_words_as_vanban() {
    for c in converted() {
        let notes = notes_of(&c.file);
        let (a, b) = (
            compared_words(&c.pdf, &notes),
            compared_words(&c.lo, &notes),
        );
        let bag = bag_similarity(&a, &b);
        assert!(bag >= 0.98, "{}: word similarity {bag:.4}", c.name);
        let ratio = similarity(&a, &b);
        assert!(ratio >= 0.98, "{}: words in order {ratio:.4}", c.name);
        // Each footnote is printed whole in both.
        let text = squash(&pdftotext(&c.lo));
        for note in &notes {
            assert!(
                text.contains(&note.join(" ")),
                "{}: footnote {note:?}",
                c.name
            );
        }
    }
}

fn margins(profile: &str) -> [f64; 4] {
    let p = Renderer::new().profile(profile).unwrap();
    let mm = |l: &vanban::profile::Length| {
        let s = l.as_str();
        s.trim_end_matches("mm").parse::<f64>().unwrap() * MM
    };
    [
        mm(&p.trang.le_tren),
        mm(&p.trang.le_duoi),
        mm(&p.trang.le_trai),
        mm(&p.trang.le_phai),
    ]
}

#[test]
fn libreoffice_pages_are_a4_with_the_profiles_margins() {
    for c in converted() {
        let (ours, lo) = &probes()[&c.name];
        let doc: vanban::Document = vanban::model::load_document(&c.file).unwrap();
        let [_, _, left, right] = margins(doc.the_thuc.default_profile());
        for (i, page) in lo.pages.iter().enumerate() {
            let (w, h) = (page.width.min(page.height), page.width.max(page.height));
            assert!(
                (w - 595.28).abs() < 1.0 && (h - 841.89).abs() < 1.0,
                "{} page {}: {} × {}",
                c.name,
                i + 1,
                page.width,
                page.height
            );
            // The text block: nothing left of the left margin or right of
            // the right one; justified lines reach the right margin.
            let body: Vec<&Word> = page.words.iter().filter(|w| w.size >= 9.0).collect();
            let x0 = body.iter().map(|w| w.x0).fold(f64::MAX, f64::min);
            let x1 = body.iter().map(|w| w.x1).fold(0.0, f64::max);
            assert!(
                x0 >= left - MM,
                "{} page {}: text at {x0:.1}",
                c.name,
                i + 1
            );
            assert!(
                x1 <= page.width - right + MM,
                "{} page {}: text to {x1:.1}",
                c.name,
                i + 1
            );
        }
        // The first page's left edge is the margin, as in vanban's PDF.
        let edge = |p: &Page| p.words.iter().map(|w| w.x0).fold(f64::MAX, f64::min);
        let (a, b) = (edge(&ours.pages[0]), edge(&lo.pages[0]));
        assert!((a - b).abs() < MM, "{}: left edge {a:.1} vs {b:.1}", c.name);
        assert!(
            (b - left).abs() < 3.0 * MM,
            "{}: page 1 starts {b:.1} pt from the edge",
            c.name
        );
    }
}

fn line_with(page: &Page, phrase: &str) -> Option<Line> {
    lines(page).into_iter().find(|l| l.text().contains(phrase))
}

#[test]
fn libreoffice_keeps_the_header_columns_and_the_endings_sides() {
    for c in converted() {
        let (ours, lo) = &probes()[&c.name];
        let r = Renderer::new().resolve_file(&c.file).unwrap();
        let h = &r.context.header;
        // Header: issuing body, title and date lines centred where vanban
        // centres them (within 2 mm), the issuer left of the title.
        let title = &r.profile.dau.tieu_de;
        for phrase in [h.issuer[0].as_str(), title.as_str(), h.number.as_str()] {
            let a = line_with(&ours.pages[0], phrase);
            let b = line_with(&lo.pages[0], phrase);
            let (Some(a), Some(b)) = (a, b) else {
                panic!("{}: {phrase:?} missing from page 1", c.name);
            };
            // Two header cells share a line: compare the words of the phrase.
            let pick = |l: &Line| {
                let first = phrase.split_whitespace().next().unwrap();
                let last = phrase.split_whitespace().last().unwrap();
                let s = l.words.iter().position(|w| w.text == first).unwrap();
                let e = s + l.words[s..].iter().position(|w| w.text == last).unwrap();
                (l.words[s].x0 + l.words[e].x1) / 2.0
            };
            let (ca, cb) = (pick(&a), pick(&b));
            assert!(
                (ca - cb).abs() < 2.0 * MM,
                "{}: {phrase:?} centred at {ca:.1} (vanban) vs {cb:.1} (DOCX)",
                c.name
            );
        }
        // Ending: Nơi nhận at the left margin, the signer's name right of
        // the middle of the text block.
        let find = |p: &Probe, phrase: &str| {
            p.pages
                .iter()
                .find_map(|pg| line_with(pg, phrase).map(|l| (pg.width, l)))
        };
        let label = r.context.recipients.label.as_str();
        let rec = &r.context.recipients;
        if r.context.signature_left.is_some() && rec.groups.is_empty() && rec.trailing.is_empty() {
            // A biên bản: two signatures and no Nơi nhận.
            continue;
        }
        let (_, l) = find(lo, label).unwrap_or_else(|| panic!("{}: no {label:?}", c.name));
        let (_, ol) = find(ours, label).unwrap();
        assert!(
            (l.x0() - ol.x0()).abs() < MM,
            "{}: {label} at {:.1} vs {:.1}",
            c.name,
            l.x0(),
            ol.x0()
        );
        let name = r.context.signature.name.as_str();
        let (w, n) = find(lo, name).unwrap_or_else(|| panic!("{}: no {name:?}", c.name));
        let (_, on) = find(ours, name).unwrap();
        let mid = |l: &Line| {
            let first = name.split_whitespace().next().unwrap();
            let s = l.words.iter().position(|x| x.text == first).unwrap();
            (l.words[s].x0 + l.words.last().unwrap().x1) / 2.0
        };
        assert!(
            mid(&n) > w / 2.0,
            "{}: the signature is on the right",
            c.name
        );
        assert!(
            (mid(&n) - mid(&on)).abs() < 2.0 * MM,
            "{}: signer centred at {:.1} vs {:.1}",
            c.name,
            mid(&n),
            mid(&on)
        );
    }
}

#[test]
fn libreoffice_numbers_the_pages_from_2() {
    for c in converted() {
        let (_, lo) = &probes()[&c.name];
        let number_at_top = |page: &Page, n: usize| {
            page.words.iter().any(|w| {
                w.text == n.to_string()
                    && w.top < 20.0 * MM
                    && ((w.x0 + w.x1) / 2.0 - page.width / 2.0).abs() < 60.0
            })
        };
        assert!(
            !lo.pages[0].words.iter().any(|w| w.top < 15.0 * MM),
            "{}: page 1 has no number",
            c.name
        );
        if lo.pages.len() > 1 {
            assert!(
                number_at_top(&lo.pages[1], 2),
                "{}: page 2 is numbered 2",
                c.name
            );
        }
    }
}
