//! Input formats, drafts, and errors that name their place.

use std::path::Path;

use crate::common::*;
use vanban::model::{parse, Format};
use vanban::{Document, Error, Renderer};

const MINIMAL: &str = r#"
the_thuc = "dang"
loai = "bao-cao"
co_quan_cap_tren = "Đảng bộ tỉnh Hà Tĩnh"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
so = 15
dia_danh = "Vũ Quang"
ngay_ban_hanh = 2026-05-27
trich_yeu = "kết quả lãnh đạo thực hiện nhiệm vụ quý I"
mo_dau = ["Thực hiện chương trình công tác, Ban Thường vụ báo cáo như sau:"]

[[noi_dung]]
tieu_de = "Kết quả"
doan = ["Đạt nhiều kết quả.", { gach = "Kinh tế phát triển" }, { cong = "Nông nghiệp ổn định" }]

[[noi_dung.muc]]
tieu_de = "Kinh tế"
doan = ["Tăng trưởng khá"]

[[noi_dung.muc.muc]]
tieu_de = "Nông nghiệp"
doan = ["Ổn định"]

[[noi_dung.muc.muc.muc]]
doan = ["điểm thứ nhất"]

[[noi_dung.muc.muc.muc]]
doan = ["điểm thứ hai"]

[ky]
hinh_thuc = "thay-mat"
thay_mat = "Ban Thường vụ"
chuc_vu = "Phó Bí thư"
ho_ten = "Nguyễn Văn A"

[noi_nhan]
danh_sach = ["Thường trực Tỉnh ủy,", "- Các chi bộ"]
luu = "Văn phòng Đảng ủy"
"#;

fn doc(text: &str) -> Result<Document, Error> {
    parse(Path::new("doc.toml"), text, Format::Toml)
}

fn render(doc: &Document) -> Result<Vec<u8>, Error> {
    Renderer::new().render_pdf(doc, Path::new("doc.toml"))
}

#[test]
fn numbering_bullets_dates_and_recipient_punctuation_come_from_vanban() {
    let pdf = render(&doc(MINIMAL).unwrap()).unwrap();
    let text = squash(&pdftotext(&pdf));
    for want in [
        "Số 15-BC/ĐU",
        "Vũ Quang, ngày 27 tháng 5 năm 2026",
        "BÁO CÁO",
        "I. KẾT QUẢ",
        "- Kinh tế phát triển",
        "+ Nông nghiệp ổn định",
        "1. Kinh tế",
        "1.1. Nông nghiệp",
        "a) điểm thứ nhất",
        "b) điểm thứ hai.",
        "- Thường trực Tỉnh ủy,",
        "- Các chi bộ,",
        "- Lưu Văn phòng Đảng ủy.",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert!(
        !text.contains("Số:"),
        "Party documents write Số without a colon"
    );
}

#[test]
fn a_draft_leaves_number_and_day_blank() {
    let draft = MINIMAL.replace("so = 15\n", "");
    let pdf = render(&doc(&draft).unwrap()).unwrap();
    let page = &probe(&pdf).pages[0];
    let so = page.words.iter().find(|w| w.text == "Số").expect("Số");
    let symbol = page
        .words
        .iter()
        .find(|w| w.text == "-BC/ĐU")
        .expect("-BC/ĐU");
    // Room for the number to be written in: three spaces (about 10 pt at 14 pt).
    let gap = symbol.x0 - so.x1;
    assert!(
        (so.top - symbol.top).abs() < 1.0 && gap > 8.0 && gap < 16.0,
        "gap {gap}"
    );
    let text = squash(&pdftotext(&pdf));
    assert!(
        text.contains("Vũ Quang, ngày tháng 5 năm 2026"),
        "draft date: {text}"
    );
    let ngay = page.words.iter().find(|w| w.text == "ngày").unwrap();
    let thang = page.words.iter().find(|w| w.text == "tháng").unwrap();
    assert!(thang.x0 - ngay.x1 > 12.0, "no blank for the day");
}

#[test]
fn json_and_yaml_inputs_render_the_same_document_as_toml() {
    let from_toml = doc(MINIMAL).unwrap();
    let json = r#"{
      "the_thuc": "dang", "loai": "bao-cao",
      "co_quan_cap_tren": "Đảng bộ tỉnh Hà Tĩnh", "co_quan_ban_hanh": "Đảng ủy xã Vũ Quang",
      "ma_co_quan": "ĐU", "so": 15, "dia_danh": "Vũ Quang", "ngay_ban_hanh": "27/05/2026",
      "trich_yeu": "kết quả lãnh đạo thực hiện nhiệm vụ quý I",
      "mo_dau": ["Thực hiện chương trình công tác, Ban Thường vụ báo cáo như sau:"],
      "noi_dung": [{"tieu_de": "Kết quả",
        "doan": ["Đạt nhiều kết quả.", {"gach": "Kinh tế phát triển"}, {"cong": "Nông nghiệp ổn định"}],
        "muc": [{"tieu_de": "Kinh tế", "doan": ["Tăng trưởng khá"],
          "muc": [{"tieu_de": "Nông nghiệp", "doan": ["Ổn định"],
            "muc": [{"doan": ["điểm thứ nhất"]}, {"doan": ["điểm thứ hai"]}]}]}]}],
      "ky": {"hinh_thuc": "T/M", "thay_mat": "Ban Thường vụ", "chuc_vu": "Phó Bí thư", "ho_ten": "Nguyễn Văn A"},
      "noi_nhan": {"danh_sach": ["Thường trực Tỉnh ủy,", "- Các chi bộ"], "luu": "Văn phòng Đảng ủy"}
    }"#;
    let from_json: Document = parse(Path::new("doc.json"), json, Format::Json).unwrap();
    let yaml = serde_yaml_like(json);
    let from_yaml: Document = parse(Path::new("doc.yaml"), &yaml, Format::Yaml).unwrap();
    let a = render(&from_toml).unwrap();
    assert!(a == render(&from_json).unwrap(), "JSON renders differently");
    assert!(a == render(&from_yaml).unwrap(), "YAML renders differently");
}

/// JSON is YAML; indenting it keeps it so while exercising the YAML parser.
fn serde_yaml_like(json: &str) -> String {
    format!("# YAML\n{json}\n")
}

#[test]
fn decomposed_input_is_normalised_and_prints_composed() {
    // "Vũ Quang" and "Đảng ủy" typed decomposed (NFD), as some keyboards and PDFs give.
    let nfd = MINIMAL.replace("dia_danh = \"Vũ Quang\"", "dia_danh = \"Vu\u{0303} Quang\"");
    let pdf = render(&doc(&nfd).unwrap()).unwrap();
    assert!(squash(&pdftotext(&pdf)).contains("Vũ Quang, ngày 27 tháng 5 năm 2026"));
}

#[test]
fn parse_errors_name_file_line_column_and_field() {
    let bad = MINIMAL.replace("so = 15", "so = \"mười lăm\"");
    let err = doc(&bad).unwrap_err().to_string();
    assert!(err.starts_with("doc.toml:7:"), "{err}");
    assert!(err.contains("field `so`"), "{err}");
    assert!(err.contains("expected a whole number"), "{err}");

    let typo = MINIMAL.replace("trich_yeu =", "trich_yue =");
    let err = doc(&typo).unwrap_err().to_string();
    assert!(
        err.contains("unknown field `trich_yue`; did you mean `trich_yeu`?"),
        "{err}"
    );
    assert!(err.contains("doc.toml:10:"), "{err}");

    let nested = MINIMAL.replace("{ cong = \"Nông nghiệp ổn định\" }", "{ cong = 5 }");
    let err = doc(&nested).unwrap_err().to_string();
    assert!(err.contains("noi_dung[0].doan[2].cong"), "{err}");

    let date = MINIMAL.replace("2026-05-27", "\"30/02/2026\"");
    let err = doc(&date).unwrap_err().to_string();
    assert!(
        err.contains("ngay_ban_hanh") && err.contains("30/02/2026"),
        "{err}"
    );

    let json_err = parse::<Document>(
        Path::new("x.json"),
        "{\"the_thuc\": \"dang\",\n \"loai\": 3}",
        Format::Json,
    )
    .unwrap_err()
    .to_string();
    assert!(json_err.starts_with("x.json:2:"), "{json_err}");
    assert!(json_err.contains("field `loai`"), "{json_err}");
}

#[test]
fn a_character_the_font_cannot_draw_is_refused_before_typst_with_its_field() {
    let bad = MINIMAL.replace("Tăng trưởng khá", "Tăng trưởng khá 漢");
    let err = render(&doc(&bad).unwrap()).unwrap_err();
    assert!(matches!(err, Error::MissingGlyph { .. }), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("noi_dung[0].muc[0].doan[0]"), "{msg}");
    assert!(msg.contains("U+6F22"), "{msg}");
}

#[test]
fn a_profile_of_the_other_the_thuc_is_refused_naming_both() {
    let state = MINIMAL.replace(
        "the_thuc = \"dang\"",
        "the_thuc = \"nha-nuoc\"\nho_so = \"dang-hd36\"",
    );
    let err = render(&doc(&state).unwrap()).unwrap_err();
    assert!(err.is_input_error(), "{err}");
    let msg = err.to_string();
    assert!(msg.contains("field `ho_so`"), "{msg}");
    assert!(
        msg.contains("`dang-hd36`") && msg.contains("`dang`") && msg.contains("nha-nuoc"),
        "{msg}"
    );
    // And the other way round.
    let party = MINIMAL.replace(
        "the_thuc = \"dang\"",
        "the_thuc = \"dang\"\nho_so = \"nha-nuoc-nd30\"",
    );
    let msg = render(&doc(&party).unwrap()).unwrap_err().to_string();
    assert!(
        msg.contains("`nha-nuoc-nd30`") && msg.contains("the_thuc = \"dang\""),
        "{msg}"
    );
}

mod sandbox {
    use typst::foundations::Datetime;
    use vanban::typeset::{compile, FontSet};

    fn compile_src(src: &str) -> Result<(), String> {
        let fonts = FontSet::embedded();
        let today = Datetime::from_ymd(2026, 1, 1).unwrap();
        compile(&fonts, src.to_string(), today)
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    #[test]
    fn packages_are_refused_with_a_clear_message() {
        let err = compile_src("#import \"@preview/cetz:0.3.4\": canvas\n").unwrap_err();
        assert!(err.contains("does not load Typst packages"), "{err}");
        assert!(err.contains("@preview/cetz:0.3.4"), "{err}");
    }

    #[test]
    fn no_file_can_be_read() {
        for src in [
            "#read(\"/etc/passwd\")",
            "#image(\"/x.png\")",
            "#include \"other.typ\"",
        ] {
            let err = compile_src(src).unwrap_err();
            assert!(err.contains("access denied"), "{src}: {err}");
        }
    }

    #[test]
    fn an_unknown_font_family_is_an_error_not_a_warning() {
        let err = compile_src("#set text(font: \"Comic Sans MS\")\nxin chào").unwrap_err();
        assert!(err.contains("unknown font family"), "{err}");
        assert!(err.contains("line 1"), "{err}");
    }

    #[test]
    fn today_is_the_fixed_date() {
        let fonts = FontSet::embedded();
        let today = Datetime::from_ymd(2025, 12, 30).unwrap();
        let src =
            "#if datetime.today() != datetime(year: 2025, month: 12, day: 30) { panic(\"today\") }";
        assert!(compile(&fonts, src.into(), today).is_ok());
    }
}

#[test]
fn signature_authority_is_spelled_by_the_profile() {
    for (input, printed) in [
        ("ky-thay", "K/T BÍ THƯ"),
        ("KT.", "K/T BÍ THƯ"),
        ("thua-lenh", "T/L BÍ THƯ"),
        ("quyen", "Q. BÍ THƯ"),
    ] {
        let text = MINIMAL
            .replace(
                "hinh_thuc = \"thay-mat\"",
                &format!("hinh_thuc = \"{input}\""),
            )
            .replace("thay_mat = \"Ban Thường vụ\"", "thay_mat = \"Bí thư\"");
        let pdf = render(&doc(&text).unwrap()).unwrap();
        let out = squash(&pdftotext(&pdf));
        assert!(out.contains(printed), "{input}: {out}");
    }
    let err = render(&doc(&MINIMAL.replace("hinh_thuc = \"thay-mat\"\n", "")).unwrap())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("ky.thay_mat") && err.contains("hinh_thuc"),
        "{err}"
    );
    let err = render(&doc(&MINIMAL.replace("so = 15", "so = 0")).unwrap())
        .unwrap_err()
        .to_string();
    assert!(err.contains("field `so`"), "{err}");
}

#[test]
fn the_annotated_example_in_the_reference_renders() {
    let readme = std::fs::read_to_string(root().join("docs/reference.md")).unwrap();
    // The complete example, not the short snippets above it.
    let section = readme
        .find("### A complete example")
        .expect("the complete example in docs/reference.md");
    let start = section
        + readme[section..]
            .find("```toml\n")
            .expect("a TOML example in docs/reference.md")
        + 8;
    let end = start + readme[start..].find("```").unwrap();
    let pdf = render_toml(&readme[start..end]).unwrap_or_else(|e| panic!("reference example: {e}"));
    assert!(squash(&pdftotext(&pdf)).contains("KẾ HOẠCH"));
}
