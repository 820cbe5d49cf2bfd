//! Lints for `vanban check`: what the thể thức fixes but a document file can
//! still get wrong. Each warning names the rule it comes from; `--strict`
//! turns warnings into errors.

use std::path::Path;

use chrono::Datelike;
use serde::Serialize;

use crate::indicators::{Evaluation, Period};
use crate::model::{Document, Recipient, TheThuc};

/// One finding.
#[derive(Debug, Clone, Serialize)]
pub struct Lint {
    /// A short id, for `--allow` lists and tests.
    pub rule: &'static str,
    /// Where the rule comes from.
    pub source: &'static str,
    pub field: String,
    /// In English and in Vietnamese.
    pub message: String,
    pub message_vi: String,
}

fn lint(
    rule: &'static str,
    source: &'static str,
    field: &str,
    message: String,
    message_vi: String,
) -> Lint {
    Lint {
        rule,
        source,
        field: field.to_string(),
        message,
        message_vi,
    }
}

const PARTY_CODES: &[&str] = &[
    "NQ", "QĐ", "QĐi", "KL", "QC", "TB", "HD", "BC", "KH", "CTr", "TTr", "BB", "CT", "TT", "CV",
];

/// Runs every rule. `number` is the printed "Số …" line; `raw` the file's text.
pub fn run(
    doc: &Document,
    raw: &str,
    number: &str,
    evaluation: Option<&Evaluation>,
    fragments: &[(String, String)],
) -> Vec<Lint> {
    let mut out = Vec::new();
    symbol(doc, number, &mut out);
    leading_zeros(doc, &mut out);
    authority_spelling(doc, raw, &mut out);
    archive_line(doc, &mut out);
    summary_case(doc, &mut out);
    if let Some(eval) = evaluation {
        period_date(doc, eval, &mut out);
        quoted_without_figures(doc, eval, fragments, &mut out);
    }
    out
}

fn symbol(doc: &Document, number: &str, out: &mut Vec<Lint>) {
    let (pattern, source) = match doc.the_thuc {
        TheThuc::Dang => (
            r"^Số (\d{2,}|\s+)-[A-Za-zĐđ]+/[A-ZĐ][A-ZĐa-z-]*$",
            "HD 36-HD/VPTW, số và ký hiệu (the-thuc.md §3.5)",
        ),
        TheThuc::NhaNuoc => (
            r"^Số: (\d{2,}|\s+)/[A-Za-zĐđ]+-[A-ZĐ][A-ZĐa-z-]*$",
            "NĐ 30/2020/NĐ-CP, Phụ lục I (the-thuc.md §4.4)",
        ),
    };
    let re = regex::Regex::new(pattern).expect("a valid pattern");
    if !re.is_match(number) {
        out.push(lint(
            "so-ky-hieu",
            source,
            "ma_co_quan",
            format!("the number and symbol print as `{number}`, which is not the pattern of this thể thức"),
            format!("số và ký hiệu in ra là `{number}`, không đúng mẫu của thể thức này"),
        ));
    }
    let code = doc.ma_co_quan.as_str();
    let state_like = code.contains("UBND") || code.contains("HĐND");
    if doc.the_thuc == TheThuc::Dang && state_like {
        out.push(lint(
            "ma-co-quan",
            source,
            "ma_co_quan",
            format!("`{code}` is a state body's code, but this is a Party document (ĐU, CB …)"),
            format!(
                "`{code}` là ký hiệu cơ quan nhà nước, nhưng đây là văn bản của Đảng (ĐU, CB …)"
            ),
        ));
    }
    if doc.the_thuc == TheThuc::NhaNuoc && (code == "ĐU" || code == "CB") {
        out.push(lint(
            "ma-co-quan",
            source,
            "ma_co_quan",
            format!("`{code}` is a Party body's code, but this is a state document (UBND …)"),
            format!("`{code}` là ký hiệu của tổ chức Đảng, nhưng đây là văn bản nhà nước (UBND …)"),
        ));
    }
}

/// Citations in the text: "Nghị quyết số 7-NQ/ĐU" needs "07".
fn leading_zeros(doc: &Document, out: &mut Vec<Lint>) {
    let codes = PARTY_CODES.join("|");
    let party = regex::Regex::new(&format!(r"(?:^|[^\d/.,])(\d)-({codes})/")).unwrap();
    let state = regex::Regex::new(&format!(r"(?:^|[^\d/.,])(\d)/({codes})-")).unwrap();
    let day = regex::Regex::new(r"ngày (\d) tháng|tháng ([12]) năm").unwrap();
    for (field, text) in doc.texts() {
        for re in [&party, &state] {
            if let Some(c) = re.captures(text) {
                out.push(lint(
                    "so-0",
                    "HD 36 / NĐ 30: numbers below 10 take a leading zero (the-thuc.md §7)",
                    &field,
                    format!(
                        "write `0{}` in the cited number `{}`",
                        &c[1],
                        c[0].trim_start_matches(|ch: char| !ch.is_ascii_digit())
                    ),
                    format!(
                        "viết `0{}` trong số văn bản được dẫn `{}`",
                        &c[1],
                        c[0].trim_start_matches(|ch: char| !ch.is_ascii_digit())
                    ),
                ));
            }
        }
        if let Some(c) = day.captures(text) {
            out.push(lint(
                "ngay-0",
                "the-thuc.md §7: days below 10 and the months 1 and 2 take a leading zero",
                &field,
                format!("`{}`: write the day or month with a leading zero", &c[0]),
                format!(
                    "`{}`: ngày dưới 10 và tháng 1, 2 viết thêm số 0 ở trước",
                    &c[0]
                ),
            ));
        }
    }
}

/// "TM." in a Party file or "T/M" in a state file: vanban prints the right one,
/// but the writer should know the rule.
fn authority_spelling(doc: &Document, raw: &str, out: &mut Vec<Lint>) {
    let (wrong, right): (&[&str], &str) = match doc.the_thuc {
        TheThuc::Dang => (
            &[
                "\"TM.\"", "\"KT.\"", "\"TL.\"", "\"TM\"", "\"KT\"", "\"TL\"",
            ],
            "T/M, K/T, T/L",
        ),
        TheThuc::NhaNuoc => (&["\"T/M\"", "\"K/T\"", "\"T/L\""], "TM., KT., TL."),
    };
    for line in raw.lines().filter(|l| l.contains("hinh_thuc")) {
        if let Some(w) = wrong.iter().find(|w| line.contains(*w)) {
            out.push(lint(
                "tm-t/m",
                "the-thuc.md §3.8 (Party T/M, K/T, T/L) and §4.6 (state TM., KT., TL.)",
                "ky.hinh_thuc",
                format!("{w} is the other thể thức's spelling; this document prints {right}"),
                format!("{w} là cách viết của thể thức kia; văn bản này in {right}"),
            ));
        }
    }
}

fn archive_line(doc: &Document, out: &mut Vec<Lint>) {
    let source = "the-thuc.md §3.9 (Party \"- Lưu …\") and §4.7 (state \"- Lưu: VT, …\")";
    if doc.noi_nhan.luu.is_none() {
        out.push(lint(
            "luu",
            source,
            "noi_nhan.luu",
            "the last recipient line is the file copy (\"- Lưu …\"): set `luu`".into(),
            "dòng cuối của nơi nhận là bản lưu (\"- Lưu …\"): hãy ghi `luu`".into(),
        ));
    }
    for (i, r) in doc.noi_nhan.danh_sach.iter().enumerate() {
        if let Recipient::One(t) = r {
            if t.trim_start_matches(['-', ' ']).starts_with("Lưu") {
                out.push(lint(
                    "luu",
                    source,
                    &format!("noi_nhan.danh_sach[{i}]"),
                    "write the file copy as `luu`, so it is printed last with the right punctuation".into(),
                    "ghi bản lưu vào `luu` để được in ở dòng cuối với dấu câu đúng".into(),
                ));
            }
        }
    }
}

fn summary_case(doc: &Document, out: &mut Vec<Lint>) {
    let Some(first) = doc.trich_yeu.0.first().and_then(|t| t.chars().next()) else {
        return;
    };
    match doc.the_thuc {
        TheThuc::Dang if first.is_uppercase() => out.push(lint(
            "trich-yeu",
            "the-thuc.md §3.2: a Party trích yếu starts in lower case (\"về …\")",
            "trich_yeu[0]",
            "start the trích yếu in lower case".into(),
            "trích yếu văn bản của Đảng bắt đầu bằng chữ thường".into(),
        )),
        TheThuc::NhaNuoc if first.is_lowercase() => out.push(lint(
            "trich-yeu",
            "NĐ 30 Phụ lục I: a state trích yếu starts with a capital (\"Về …\")",
            "trich_yeu[0]",
            "start the trích yếu with a capital".into(),
            "trích yếu văn bản nhà nước bắt đầu bằng chữ hoa".into(),
        )),
        _ => {}
    }
}

/// A report is issued close to the end of its period (quarterly reports before
/// the 20th of the quarter's last month, six-monthly before the 15th).
fn period_date(doc: &Document, eval: &Evaluation, out: &mut Vec<Lint>) {
    let date = doc.ngay_ban_hanh.0;
    let last = eval.period.last_month() as i32;
    let months_after = (date.year() - eval.year) * 12 + date.month() as i32 - last;
    let ok = match eval.period {
        Period::Year => (-1..=2).contains(&months_after),
        _ => (-1..=1).contains(&months_after),
    };
    if !ok {
        out.push(lint(
            "ky-bao-cao",
            "07-NQ/ĐU III.5 and domain.md: reports are issued at the end of their period",
            "ngay_ban_hanh",
            format!(
                "the report covers {} but is dated {}",
                eval.period.long_name(eval.year),
                date.format("%d/%m/%Y")
            ),
            format!(
                "báo cáo {} nhưng ngày ban hành là {}",
                eval.period.long_name(eval.year),
                date.format("%d/%m/%Y")
            ),
        ));
    }
}

fn quoted_without_figures(
    doc: &Document,
    eval: &Evaluation,
    fragments: &[(String, String)],
    out: &mut Vec<Lint>,
) {
    let re = regex::Regex::new(
        r"chi_tieu\.([a-z0-9_]+)\.thuc_hien|chi_tieu\.([a-z0-9_]+)\s*\|\s*(so_ke_hoach|so_cung_ky)",
    )
    .unwrap();
    let by_code = eval.by_code();
    let sources = doc
        .texts()
        .into_iter()
        .map(|(f, t)| (f, t.to_string()))
        .chain(
            fragments
                .iter()
                .map(|(n, t)| (format!("manh_van.{n}"), t.clone())),
        );
    let mut seen = std::collections::BTreeSet::new();
    for (field, text) in sources {
        for c in re.captures_iter(&text) {
            let code = c.get(1).or(c.get(2)).unwrap().as_str();
            if let Some(e) = by_code.get(code) {
                if e.thuc_hien.is_none() && seen.insert(code.to_string()) {
                    out.push(lint(
                        "chi-tieu-thieu",
                        "domain.md: a figure is quoted from the data",
                        &field,
                        format!("the text quotes `{code}`, which has no figure for the period"),
                        format!("văn bản dẫn chỉ tiêu `{code}` nhưng kỳ này chưa có số liệu"),
                    ));
                }
            }
        }
    }
}

/// The file's own text, for rules about how something was spelled.
pub fn read_raw(file: &Path) -> String {
    std::fs::read_to_string(file).unwrap_or_default()
}
