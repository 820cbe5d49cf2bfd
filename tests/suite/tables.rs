//! Free tables, landscape pages and several appendices (issue 11), read back
//! from the PDF: page sizes, table rules, the header repeated on every page,
//! spans, marks in their column, whole rows, appendix titles and pagination.

use std::sync::OnceLock;

use crate::common::*;

fn progress_report() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| render_file(&root().join("examples/bao-cao-tien-do-2026-dang-uy.toml")))
}

fn progress_probe() -> &'static Probe {
    static PROBE: OnceLock<Probe> = OnceLock::new();
    PROBE.get_or_init(|| probe(progress_report()))
}

fn find<'a>(page: &'a Page, text: &str) -> Vec<&'a Word> {
    page.words.iter().filter(|w| w.text == text).collect()
}

/// The line (words sharing a top) that contains `phrase`, with its page index.
fn line_with(p: &Probe, phrase: &str) -> (usize, Line) {
    for (i, page) in p.pages.iter().enumerate() {
        for l in lines(page) {
            if l.text().contains(phrase) {
                return (i, l);
            }
        }
    }
    panic!("no line holds {phrase:?}");
}

fn centre(w: &Word) -> f64 {
    (w.x0 + w.x1) / 2.0
}

#[test]
fn a_landscape_body_is_set_on_842_by_595_pages() {
    let p = progress_probe();
    let body_pages = p.pages.len() - 1;
    assert!(
        body_pages >= 3,
        "the table flows over pages: {}",
        p.pages.len()
    );
    for (i, page) in p.pages[..body_pages].iter().enumerate() {
        assert!(
            (page.width - 841.89).abs() < 0.5 && (page.height - 595.28).abs() < 0.5,
            "page {} is {} × {}",
            i + 1,
            page.width,
            page.height
        );
    }
    // The appendix is portrait again, and the body's pages are numbered from 2 on.
    let last = p.pages.last().unwrap();
    assert!((last.width - 595.28).abs() < 0.5, "{}", last.width);
    for n in 2..=body_pages {
        let top = lines(&p.pages[n - 1]).into_iter().next().unwrap();
        assert_eq!(top.text(), n.to_string(), "page {n} number");
        assert!((top.top() - 10.0 * MM).abs() < 8.0, "{}", top.top());
    }
    assert!(!lines(&p.pages[0]).iter().any(|l| l.text() == "1"));
}

#[test]
fn the_table_has_rules_and_its_header_on_every_page() {
    let p = progress_probe();
    let body_pages = p.pages.len() - 1;
    let mut header_tops = Vec::new();
    for (i, page) in p.pages[..body_pages].iter().enumerate() {
        let Some(nd) = find(page, "Nội").into_iter().find(|w| w.bold()) else {
            // The last body page may hold only the closing text.
            assert_eq!(i + 1, body_pages, "page {} has no table header", i + 1);
            continue;
        };
        header_tops.push(nd.top);
        for word in ["Đúng", "Trễ", "Không", "Tiến", "TT"] {
            assert!(
                find(page, word)
                    .iter()
                    .any(|w| w.bold() && w.top < nd.top + 30.0),
                "page {}: header word {word} missing",
                i + 1
            );
        }
        // Column lines and row lines: 8 columns make 9 vertical lines at least.
        let xs: std::collections::BTreeSet<i64> =
            page.vrules.iter().map(|r| r.x.round() as i64).collect();
        assert!(xs.len() >= 9, "page {}: column rules at {xs:?}", i + 1);
        let rows = page.rules.iter().filter(|r| r.top > nd.top - 20.0).count();
        assert!(rows >= 4, "page {}: {rows} row rules", i + 1);
    }
    assert!(
        header_tops.len() >= 2,
        "header on {} pages",
        header_tops.len()
    );
    // On every page after the first the header is the first thing under the number.
    for (i, top) in header_tops.iter().enumerate().skip(1) {
        assert!(*top < 110.0, "header {i} at {top}");
    }
}

#[test]
fn marks_stand_in_their_sub_column() {
    let p = progress_probe();
    for (phrase, column) in [
        ("Tập trung các giải pháp thu", "Không"),
        ("Rà soát hồ sơ tồn đọng,", "Trễ"),
        ("Rà soát, lập và niêm yết", "Đúng"),
    ] {
        let (page, line) = line_with(p, phrase);
        let x = line
            .words
            .iter()
            .find(|w| w.text == "X")
            .unwrap_or_else(|| panic!("no X on the line of {phrase:?}: {}", line.text()));
        let heads: Vec<&Word> = ["Đúng", "Trễ", "Không"]
            .iter()
            .map(|h| {
                *find(&p.pages[page], h)
                    .iter()
                    .find(|w| w.bold())
                    .unwrap_or_else(|| panic!("no header {h}"))
            })
            .collect();
        let nearest = heads
            .iter()
            .min_by(|a, b| {
                (centre(a) - centre(x))
                    .abs()
                    .partial_cmp(&(centre(b) - centre(x)).abs())
                    .unwrap()
            })
            .unwrap();
        assert_eq!(nearest.text, column, "{phrase:?}: X at {}", centre(x));
        assert!(
            (centre(nearest) - centre(x)).abs() < 15.0,
            "{phrase:?}: X at {}, {} at {}",
            centre(x),
            nearest.text,
            centre(nearest)
        );
    }
}

#[test]
fn a_cell_spans_the_rows_of_its_directive() {
    let p = progress_probe();
    let (page, first) = line_with(p, "Xây dựng kế hoạch thực hiện");
    let (page2, second) = line_with(p, "Tập trung các giải pháp thu");
    assert_eq!(page, page2);
    let (page3, directive) = line_with(p, "Nghị quyết số");
    assert_eq!(page, page3);
    let cell = directive.words.iter().find(|w| w.text == "Nghị").unwrap();
    // The rule between the two rows stops at the spanning cell: it does not
    // cross the "Chỉ đạo" column, whose text stands across both rows.
    let between: Vec<&Rule> = p.pages[page]
        .rules
        .iter()
        .filter(|r| r.top > first.top() + 5.0 && r.top < second.top() - 1.0)
        .collect();
    assert!(!between.is_empty(), "no rule between the two rows");
    for r in &between {
        assert!(
            r.x0 > cell.x1 || r.x1 < cell.x0,
            "a rule crosses the span: {r:?}"
        );
    }
    // The number "2" spans the same rows, in the TT column left of it.
    let tt = p.pages[page]
        .words
        .iter()
        .find(|w| w.text == "2" && w.x1 < cell.x0 && w.top > first.top() - 2.0)
        .expect("TT 2");
    assert!(tt.top < second.top() + 20.0);
}

#[test]
fn no_row_is_split_across_pages() {
    let pdf = progress_report();
    let pages = probe(pdf).pages.len();
    let texts: Vec<String> = (1..=pages).map(|n| unspaced(&page_text(pdf, n))).collect();
    let doc: toml::Value = toml::from_str(
        &std::fs::read_to_string(root().join("examples/bao-cao-tien-do-2026-dang-uy.toml"))
            .unwrap(),
    )
    .unwrap();
    let rows = doc["bang"]["tien_do"]["hang"].as_array().unwrap();
    assert!(rows.len() >= 12);
    for row in rows {
        for cell in row.as_array().unwrap().iter().skip(1) {
            let Some(t) = cell.as_str() else { continue };
            if t.is_empty() || t == "^" {
                continue;
            }
            let whole = unspaced(t);
            let on = texts.iter().filter(|p| p.contains(&whole)).count();
            assert_eq!(on, 1, "the cell {t:?} is not whole on one page");
        }
    }
}

/// A state report with three appendices, a draft: Roman numbers, each
/// "(Kèm theo …)" line with the number and day blank, each paginated from 1.
const APPENDICES: &str = r#"
the_thuc = "nha-nuoc"
loai = "bao-cao"
co_quan_ban_hanh = "Ủy ban nhân dân xã Vũ Quang"
ma_co_quan = "UBND"
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2026-02-10"
trich_yeu = "Tình hình thực hiện nhiệm vụ tháng 01/2026"
mo_dau = ["Ủy ban nhân dân xã báo cáo như sau:"]
ket_luan = ["Trên đây là báo cáo của Ủy ban nhân dân xã"]

[[phu_luc]]
tieu_de = "DANH SÁCH THÔN"
noi_dung = [{ bang = "thon" }]

[[phu_luc]]
tieu_de = "BẢNG DÀI"
huong = "ngang"
ghi_chu = "(tính đến ngày 31/01/2026)"
noi_dung = ["Số liệu tổng hợp:", { bang = "dai" }]

[[phu_luc]]
tieu_de = "GHI CHÚ"
noi_dung = ["Không có."]

[bang.thon]
danh_so = true
tieu_de = [["Tên thôn", "Số hộ"]]
hang = [["Thanh Bình", "312"], ["Yên Thành", "^"]]

[bang.dai]
tieu_de = [["Mục", "Giá trị"]]
rong = ["*", 40]
can = ["trai", "phai"]

[ky]
hinh_thuc = "thay-mat"
thay_mat = "Ủy ban nhân dân"
chuc_vu = "Chủ tịch"
ho_ten = "Nguyễn Văn An"

[noi_nhan]
danh_sach = ["Thường trực Đảng ủy xã"]
luu = "VP"
"#;

fn long_rows(n: usize) -> String {
    (1..=n)
        .map(|i| format!("[\"Mục số {i}\", \"{i}\"]"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[test]
fn appendices_are_numbered_in_order_each_with_its_line_and_pages() {
    let text = APPENDICES.replace(
        "can = [\"trai\", \"phai\"]",
        &format!("can = [\"trai\", \"phai\"]\nhang = [{}]", long_rows(60)),
    );
    let pdf = render_toml(&text).unwrap_or_else(|e| panic!("{e}"));
    let p = probe(&pdf);
    let mut seen = Vec::new();
    for (i, page) in p.pages.iter().enumerate() {
        let ls = lines(page);
        if let Some(k) = ls.iter().position(|l| l.text().starts_with("Phụ lục")) {
            let label = ls[k].text();
            assert!(ls[k].words.iter().all(Word::bold), "{label}");
            let title = ls[k + 1].text();
            let kem = ls[k + 2].text();
            assert!(
                kem.starts_with("(Kèm theo Báo cáo số") && kem.contains("/BC-UBND ngày"),
                "{kem}"
            );
            assert!(ls[k + 2].words.iter().all(Word::italic), "{kem}");
            // A draft: no number before "/BC", no day before "/02/2026".
            assert!(unspaced(&kem).contains("số/BC-UBNDngày/02/2026"), "{kem}");
            seen.push((i, label, title, page.width > page.height));
        }
    }
    let labels: Vec<&str> = seen.iter().map(|s| s.1.as_str()).collect();
    assert_eq!(labels, ["Phụ lục I", "Phụ lục II", "Phụ lục III"]);
    let titles: Vec<&str> = seen.iter().map(|s| s.2.as_str()).collect();
    assert_eq!(titles, ["DANH SÁCH THÔN", "BẢNG DÀI", "GHI CHÚ"]);
    assert_eq!(
        seen.iter().map(|s| s.3).collect::<Vec<_>>(),
        [false, true, false],
        "only appendix II is landscape"
    );
    let (start, end) = (seen[1].0, seen[2].0);
    assert!(end - start >= 2, "the long table flows over pages");
    let ls = lines(&p.pages[seen[1].0]);
    let k = ls
        .iter()
        .position(|l| l.text().starts_with("(Kèm"))
        .unwrap();
    assert_eq!(ls[k + 1].text(), "(tính đến ngày 31/01/2026)");
    // Appendix II is paginated on its own: its second page is 2, its first unnumbered.
    let second = lines(&p.pages[start + 1]);
    assert_eq!(second[0].text(), "2");
    assert!(
        find(&p.pages[start + 1], "Giá").iter().any(|w| w.bold()),
        "header repeated"
    );
    assert_ne!(lines(&p.pages[start])[0].text(), "1");
    // A rowspan "^" in a two-row table of appendix I: "312" once.
    assert_eq!(find(&p.pages[seen[0].0], "312").len(), 1);
}

#[test]
fn every_cell_is_text_never_typst() {
    let text = APPENDICES.replace(
        "hang = [[\"Thanh Bình\", \"312\"], [\"Yên Thành\", \"^\"]]",
        r##"hang = [["#set page(width: 10pt) ]) #panic()", "$x$ // \\*b\\* _i_ @ref <l>"], ["\\", { o = "^" }], ["<x>", { o = "#strong[a]", dam = true }]]"##,
    )
    .replace("can = [\"trai\", \"phai\"]", "can = [\"trai\", \"phai\"]\nhang = [[\"a\", \"b\"]]");
    let pdf = render_toml(&text).unwrap_or_else(|e| panic!("{e}"));
    let t = squash(&pdftotext(&pdf));
    for s in [
        "#set page(width: 10pt) ]) #panic()",
        "$x$ // *b* _i_ @ref <l>",
        "#strong[a]",
    ] {
        assert!(t.contains(s), "{s:?} not printed literally in {t}");
    }
    // `{ o = "^" }` is the text "^", not a merge marker.
    assert!(t.contains("\\ ^"), "{t}");
}

#[test]
fn table_mistakes_are_located() {
    let cases = [
        (
            "hang = [[\"Thanh Bình\", \"312\"], [\"Yên Thành\", \"^\"]]",
            "hang = [[\"Thanh Bình\", \"312\", \"x\"]]",
            "bang.thon.hang[0]",
            "3 ô nhưng bảng có 2 cột",
        ),
        (
            "hang = [[\"Thanh Bình\", \"312\"], [\"Yên Thành\", \"^\"]]",
            "hang = [[\"^\", \"312\"]]",
            "bang.thon.hang[0][0]",
            "hàng đầu của thân bảng",
        ),
        (
            "hang = [[\"Thanh Bình\", \"312\"], [\"Yên Thành\", \"^\"]]",
            "hang = [[\"<\", \"312\"]]",
            "bang.thon.hang[0][0]",
            "cột đầu tiên",
        ),
        (
            "noi_dung = [{ bang = \"thon\" }]",
            "noi_dung = [{ bang = \"thn\" }]",
            "phu_luc[0].noi_dung[0].bang",
            "không có bảng nào tên `thn`",
        ),
        (
            "rong = [\"*\", 40]",
            "rong = [\"*\", 40, 20]",
            "bang.dai.rong",
            "`rong` có 3 giá trị nhưng bảng có 2 cột",
        ),
    ];
    for (from, to, field, message) in cases {
        let text = APPENDICES.replace(from, to);
        assert_ne!(text, APPENDICES, "{from}");
        let Err(err) = render_toml(&text) else {
            panic!("{to} was accepted")
        };
        let vi = vanban::messages::error(&err, vanban::messages::Lang::Vi);
        assert!(vi.contains(&format!("trường `{field}`")), "{vi}");
        assert!(vi.contains(message), "{vi}");
        assert!(err.is_input_error());
    }
    // A float in a cell is ambiguous and refused where it is.
    let Err(err) = render_toml(&APPENDICES.replace("\"312\"]", "19.655]")) else {
        panic!("a float was accepted")
    };
    assert!(err.to_string().contains("ambiguous"), "{err}");
}

#[test]
fn rows_come_from_csv_and_sheets_with_merges() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("thon.csv"),
        "Tên thôn,Số hộ\nThanh Bình,312\nYên Thành,^\nTổng,<\n",
    )
    .unwrap();
    let path = dir.path().join("bc.toml");
    let text = APPENDICES.replace(
        "tieu_de = [[\"Tên thôn\", \"Số hộ\"]]\nhang = [[\"Thanh Bình\", \"312\"], [\"Yên Thành\", \"^\"]]",
        "tep = \"thon.csv\"",
    );
    let text = text.replace(
        "can = [\"trai\", \"phai\"]",
        "can = [\"trai\", \"phai\"]\nhang = [[\"a\", \"b\"]]",
    );
    let pdf = render_toml_at(&text, &path).unwrap_or_else(|e| panic!("{e}"));
    let t = squash(&pdftotext(&pdf));
    assert!(t.contains("TT Tên thôn Số hộ"), "{t}");
    assert!(t.contains("1 Thanh Bình 312"), "{t}");
    assert!(!t.contains("^"), "{t}");

    // A workbook: the merged range B2:B3 is one cell; numbers in Vietnamese notation.
    let book_path = dir.path().join("thon.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet().set_name("Thôn").unwrap();
    sheet.write_string(0, 0, "Tên thôn").unwrap();
    sheet.write_string(0, 1, "Số hộ").unwrap();
    sheet.write_string(1, 0, "Thanh Bình").unwrap();
    sheet.write_string(2, 0, "Yên Thành").unwrap();
    sheet
        .merge_range(1, 1, 2, 1, "", &rust_xlsxwriter::Format::new())
        .unwrap();
    sheet.write_number(1, 1, 1312.5).unwrap();
    book.save(&book_path).unwrap();
    let xlsx = text.replace(
        "tep = \"thon.csv\"",
        "tep = \"thon.xlsx\"\ntrang_tinh = \"Thôn\"",
    );
    let pdf = render_toml_at(&xlsx, &path).unwrap_or_else(|e| panic!("{e}"));
    let t = squash(&pdftotext(&pdf));
    assert!(t.contains("1.312,5"), "{t}");
    let p = probe(&pdf);
    let page = p
        .pages
        .iter()
        .find(|pg| !find(pg, "Bình").is_empty())
        .unwrap();
    let (a, b) = (find(page, "Bình")[0], find(page, "Thành")[0]);
    let n = find(page, "1.312,5")[0];
    assert!(
        n.top > a.top && n.top < b.top,
        "the merged cell stands between its rows"
    );

    // Outside the document's folder: refused like the figures.
    let outside = text.replace("tep = \"thon.csv\"", "tep = \"/etc/passwd.csv\"");
    let Err(err) = render_toml_at(&outside, &path) else {
        panic!("a file outside was read")
    };
    assert!(err.is_input_error(), "{err}");
}

#[test]
fn the_reports_appendix_text_is_unchanged() {
    for name in ["bao-cao-quy-I-2026-dang-uy", "bao-cao-6-thang-2026-ubnd"] {
        let pdf = render_file(&root().join(format!("examples/{name}.toml")));
        let text = pdftotext(&pdf);
        let at = text
            .find("Phụ lục\n")
            .expect("the appendix label, unnumbered");
        let want =
            std::fs::read_to_string(root().join(format!("tests/data/{name}.phu-luc.txt"))).unwrap();
        assert_eq!(squash(&text[at..]), squash(&want), "{name}");
    }
}

fn cell_text() -> impl Strategy<Value = String> {
    let ascii = (0x20u8..0x7f).prop_map(|b| b as char);
    let vietnamese = prop::sample::select(
        "ăâđêôơưạấầẩẫậếềểễệốồổỗộớờởỡợứừửữự"
            .chars()
            .collect::<Vec<_>>(),
    );
    let breaks = prop::sample::select(vec!['\n', ' ', '\t']);
    let ch = prop_oneof![6 => ascii, 3 => vietnamese, 1 => breaks];
    prop::collection::vec(ch, 0..50).prop_map(|v| v.into_iter().collect())
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Any cell text, typed or as `{ o = … }`, prints as typed: a table is
    /// data like every other text, never Typst code.
    #[test]
    fn any_cell_text_comes_out_as_typed(s in cell_text()) {
        let trimmed = s.trim();
        prop_assume!(trimmed != "^" && trimmed != "<");
        // Typed cells take the body's inline notation: its characters are
        // escaped, so the cell must print exactly `s`.
        let escaped: String = s
            .chars()
            .flat_map(|c| {
                let esc = matches!(c, '\\' | '*' | '_' | '^' | '[' | ']');
                esc.then_some('\\').into_iter().chain([c])
            })
            .collect();
        let cell = serde_json::to_string(&escaped).unwrap();
        // One column as wide as the page: a word longer than its column
        // overflows it (as in Word without hyphenation), which is no escaping matter.
        let text = APPENDICES.replace(
            "noi_dung = [\"Không có.\"]",
            "noi_dung = [{ bang = \"p\" }]",
        )
        .replace("can = [\"trai\", \"phai\"]", "can = [\"trai\", \"phai\"]\nhang = [[\"a\", \"b\"]]")
            + &format!("\n[bang.p]\nhang = [[\"BEGIN\"], [{cell}], [{{ o = {cell}, dam = true }}], [\"END\"]]\n");
        let pdf = render_toml(&text).map_err(|e| TestCaseError::fail(format!("{s:?}: {e}")))?;
        let out = unspaced(&pdftotext(&pdf));
        let want = unspaced(&s);
        prop_assert!(out.contains(&format!("BEGIN{want}{want}END")), "{s:?} printed as:\n{out}");
    }
}

/// A cell typed in the document takes the inline notation: bold, and a
/// footnote printed at the foot of the page; a cell read from a file does not.
#[test]
fn typed_cells_take_emphasis_and_footnotes() {
    let text = APPENDICES.replace(
        "noi_dung = [\"Không có.\"]",
        "noi_dung = [{ bang = \"p\" }]",
    ) + "\n[bang.p]\nhang = [[\"Thôn **Quảng Phú**^[Sáp nhập từ ngày 01/7/2025.]\"]]\n";
    let pdf = render_toml(&text).unwrap_or_else(|e| panic!("{e}"));
    let t = squash(&pdftotext(&pdf));
    assert!(!t.contains("**") && !t.contains("^["), "{t}");
    assert!(t.contains("Sáp nhập từ ngày 01/7/2025."), "{t}");
    let p = probe(&pdf);
    let page = p
        .pages
        .iter()
        .find(|pg| !find(pg, "Quảng").is_empty())
        .unwrap();
    let (thon, binh) = (find(page, "Thôn")[0], find(page, "Quảng")[0]);
    assert!(binh.bold() && !thon.bold(), "{thon:?} {binh:?}");
    let note = find(page, "nhập")[0];
    assert!(
        note.top > binh.top && note.size < binh.size + 0.01,
        "{note:?}"
    );
}

/// An archived PDF/A-3 carries a table's CSV among its sources, so the
/// extracted copy renders again.
#[test]
fn a_tables_file_travels_in_the_archive() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data/vu-quang");
    std::fs::create_dir_all(&data).unwrap();
    let name = "bao-cao-tien-do-2026-dang-uy.toml";
    std::fs::copy(root().join("examples").join(name), dir.path().join(name)).unwrap();
    std::fs::copy(
        root().join("examples/data/vu-quang/bien-che-2025.csv"),
        data.join("bien-che-2025.csv"),
    )
    .unwrap();
    let (code, out, err) = run_vanban_out(
        &[
            "archive",
            name,
            "--to",
            "kho",
            "--nhiem-ky-tu",
            "2025-10-01",
        ],
        dir.path(),
    );
    assert_eq!(code, Some(0), "{err}");
    let pdf = out
        .trim()
        .split('\t')
        .nth(2)
        .expect("the archived PDF")
        .to_string();
    let (code, err) = run_vanban(&["extract", &pdf, "-o", "ra"], dir.path());
    assert_eq!(code, Some(0), "{err}");
    let csv = dir.path().join("ra/data/vu-quang/bien-che-2025.csv");
    assert_eq!(
        std::fs::read(&csv).unwrap(),
        std::fs::read(data.join("bien-che-2025.csv")).unwrap()
    );
    let (code, err) = run_vanban(&["render", &format!("ra/{name}")], dir.path());
    assert_eq!(code, Some(0), "{err}");
}
