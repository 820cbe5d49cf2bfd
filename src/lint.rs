//! Lints for `vanban check`: what the thể thức fixes but a document file can
//! still get wrong. Each warning names the rule it comes from; `--strict`
//! turns warnings into errors.

use std::path::Path;

use chrono::Datelike;
use serde::Serialize;

use rust_decimal::Decimal;

use crate::indicators::{Evaluated, Evaluation, Period};
use crate::locale::format_number;
use crate::model::{Document, Recipient, TheThuc};
use crate::resolve::{Role, Source};

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

/// Codes cited from higher levels that no commune profile declares: chỉ thị,
/// thông tri (not issued at commune level, the-thuc.md §3.10).
const CITED_ONLY_CODES: &[&str] = &["CT", "TT"];

/// Runs every rule. `number` is the printed "Số …" line, `pattern` the
/// `mau_so` it was filled from and the kind's type code; `raw` the file's text.
/// `codes` are the type codes the profile's kinds declare.
pub fn run(
    doc: &Document,
    codes: &[&str],
    raw: &str,
    pattern: (&str, &str),
    number: &str,
    evaluation: Option<&Evaluation>,
    fragments: &[(String, String)],
) -> Vec<Lint> {
    let mut out = Vec::new();
    symbol(doc, pattern, number, &mut out);
    leading_zeros(doc, codes, &mut out);
    authority_spelling(doc, raw, &mut out);
    archive_line(doc, &mut out);
    summary_case(doc, &mut out);
    out.extend(crate::abolished::lints(doc));
    if let Some(eval) = evaluation {
        period_date(doc, eval, &mut out);
        quoted_without_figures(doc, eval, fragments, &mut out);
        components_add_up(eval, &mut out);
    }
    out
}

fn symbol(doc: &Document, (mau_so, type_code): (&str, &str), number: &str, out: &mut Vec<Lint>) {
    let source = match doc.the_thuc {
        TheThuc::Dang => "HD 36-HD/VPTW, số và ký hiệu (the-thuc.md §3.5)",
        TheThuc::NhaNuoc => "NĐ 30/2020/NĐ-CP, Phụ lục I (the-thuc.md §4.4)",
    };
    let re = number_regex(mau_so, type_code, doc.ma_don_vi.is_some());
    if !re.is_match(number.trim()) {
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

/// What a number line of the pattern `mau_so` (the kind's own, else the
/// profile's `dau.mau_so`) may print: the pattern filled in as
/// [`crate::identity::fill`] fills it, so a kind whose symbol has no type
/// code or no unit is read as it prints, with a number of two digits or
/// more (or a draft's blank room), the kind's type code, and body and unit
/// codes that start with a capital.
fn number_regex(mau_so: &str, type_code: &str, has_unit: bool) -> regex::Regex {
    // Private-use characters stand for the variable parts while the literal
    // rest is escaped; nobody types them in a pattern.
    const NUMBER: &str = "\u{E000}";
    const BODY: &str = "\u{E002}";
    const UNIT: &str = "\u{E003}";
    let unit = if has_unit { UNIT } else { "" };
    let filled = crate::identity::fill(mau_so, NUMBER, type_code, BODY, unit);
    let pattern = regex::escape(&filled)
        .replace(NUMBER, r"(\d{2,}|\s+)")
        .replace(BODY, "[A-ZĐ][A-ZĐa-z-]*")
        .replace(UNIT, "[A-ZĐ][A-ZĐa-z-]*");
    regex::Regex::new(&format!("^{}$", pattern.trim())).expect("an escaped pattern is valid")
}

/// Citations in the text: "Nghị quyết số 7-NQ/ĐU" needs "07".
fn leading_zeros(doc: &Document, declared: &[&str], out: &mut Vec<Lint>) {
    let mut codes: Vec<String> = declared
        .iter()
        .chain(CITED_ONLY_CODES)
        .filter(|c| !c.is_empty())
        .map(|c| regex::escape(c))
        .collect();
    // Longest first, so "QĐi" is not read as "QĐ".
    codes.sort_by_key(|c| std::cmp::Reverse(c.len()));
    codes.dedup();
    let codes = codes.join("|");
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
    // Minutes signed by two (biên bản) are often sent nowhere: no list, no line.
    let unsent = doc.ky_trai.is_some() && doc.noi_nhan.danh_sach.is_empty();
    if doc.noi_nhan.luu.is_none() && !unsent {
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
    let end = eval.period.end(eval.year);
    let months_after = (date.year() - end.year()) * 12 + date.month() as i32 - end.month() as i32;
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

/// Reads one figure (TH or CK) of a target or a component.
type Figure = fn(&Evaluated) -> Option<Decimal>;

/// The period's component rows (the three sectors of the production value)
/// must add up to their target's figure; a difference is a typing error in one
/// of them, which the table would print as if both were right.
fn components_add_up(eval: &Evaluation, out: &mut Vec<Lint>) {
    for t in eval.groups.iter().flat_map(|g| &g.targets) {
        let parts: Vec<_> = t.parts.iter().filter(|p| p.component).collect();
        if parts.is_empty() {
            continue;
        }
        let columns: [(&str, &str, Figure); 2] = [
            ("thuc_hien", "thực hiện", |e| e.thuc_hien),
            ("cung_ky", "cùng kỳ", |e| e.cung_ky),
        ];
        for (key, name_vi, figure) in columns {
            let Some(total) = figure(t) else { continue };
            // Only when every component has its figure: a missing one is
            // reported by what quotes it, not as a wrong sum.
            let Some(sum) = parts
                .iter()
                .map(|p| figure(p))
                .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v?))
            else {
                continue;
            };
            if sum == total {
                continue;
            }
            let Some(diff) = sum.checked_sub(total) else {
                continue;
            };
            let n = |d: Decimal| format_number(d, 28);
            let names: Vec<&str> = parts.iter().map(|p| p.ma.as_str()).collect();
            out.push(lint(
                "tong-thanh-phan",
                "domain.md: a value with children that sum to it",
                &format!("chi_tieu.{}.{key}", t.ma),
                format!(
                    "the components of {} (`{}` = {}) add up to {} but its {key} is {}: a difference of {}",
                    t.ten,
                    t.ma,
                    names.join(" + "),
                    n(sum),
                    n(total),
                    n(diff)
                ),
                format!(
                    "các thành phần của chỉ tiêu {} (`{}` = {}) cộng lại được {} nhưng số {name_vi} của chỉ tiêu là {}: chênh lệch {}",
                    t.ten,
                    t.ma,
                    names.join(" + "),
                    n(sum),
                    n(total),
                    n(diff)
                ),
            ));
        }
    }
}

/// A bare number such as `19.655` in a TOML, JSON or YAML data file is read
/// as nineteen and a fraction, as those languages define it; but a clerk who
/// copies "19.655" from a Vietnamese sheet means 19655, and the same text in
/// quotes is refused as ambiguous. Each such number is shown with how it was
/// read, in words, and how to write the other reading.
pub fn ambiguous_numbers(sources: &[Source]) -> Vec<Lint> {
    let mut out = Vec::new();
    for source in sources {
        if !matches!(source.role, Role::ChiTieu | Role::ThucHien) {
            continue;
        }
        let path = &source.input.shown;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(ext.as_str(), "toml" | "json" | "yaml" | "yml") {
            if let Ok(text) = std::str::from_utf8(&source.input.bytes) {
                out.extend(ambiguous_in(path, text));
            }
        }
    }
    out
}

/// The lints of [`ambiguous_numbers`] for one file's text.
fn ambiguous_in(path: &Path, text: &str) -> Vec<Lint> {
    use std::sync::LazyLock;
    // A key, then `=` or `:`, then a bare number with one group of three
    // after the point and no leading zero ("0.655" is unambiguous).
    static NUMBER: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r#"([A-Za-z0-9_]+)"?\s*[=:]\s*(-?)([1-9]\d{0,2})\.(\d{3})\s*(?:[,}\]#]|$)"#,
        )
        .expect("a valid pattern")
    });
    static CODE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r#"\bma"?\s*[=:]\s*"([^"]*)""#).expect("a valid pattern")
    });
    static BLOCK_START: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^\s*(?:\[|\{|- )").expect("a valid pattern"));
    let (number, code, block_start) = (&*NUMBER, &*CODE, &*BLOCK_START);
    let lines: Vec<&str> = text.lines().collect();
    // The indicator code of the block each line is in (rows and targets are
    // blocks: `[[chi_tieu]]`, `{ … }`, `- …`), wherever in the block it is.
    let mut codes: Vec<Option<String>> = vec![None; lines.len()];
    let mut start = 0;
    for i in 0..=lines.len() {
        if i == lines.len() || (i > start && block_start.is_match(lines[i])) {
            let found = lines[start..i]
                .iter()
                .find_map(|l| code.captures(l).map(|c| c[1].to_string()));
            codes[start..i].fill(found);
            start = i;
        }
    }
    let name = path.display().to_string();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        for c in number.captures_iter(line) {
            let (key, sign, whole, frac) = (&c[1], &c[2], &c[3], &c[4]);
            let (w, f): (u32, u32) = (whole.parse().unwrap_or(0), frac.parse().unwrap_or(0));
            let minus = if sign.is_empty() { "" } else { "âm " };
            let of = codes[i]
                .as_ref()
                .map(|m| format!(" (`{m}`)"))
                .unwrap_or_default();
            out.push(lint(
                "so-mo-ho",
                "domain.md: \".\" groups thousands in Vietnamese notation, while TOML, JSON and YAML read it as the decimal point",
                &format!("{name}, line {}, `{key}`{of}", i + 1),
                format!(
                    "{sign}{whole}.{frac} is read as {sign}{whole},{frac} ({minus}{}); if you meant {sign}{whole} {frac} write {sign}{whole}{frac}, or write \"{sign}{whole},{frac}\" to keep the decimal",
                    crate::locale::decimal_in_words(w, f)
                ),
                format!(
                    "{sign}{whole}.{frac} được đọc là {sign}{whole},{frac} ({minus}{}); nếu là {sign}{whole}.{frac} ({minus}{}) thì viết {sign}{whole}{frac}, hoặc viết \"{sign}{whole},{frac}\" để giữ số thập phân",
                    crate::locale::decimal_in_words(w, f),
                    crate::locale::whole_in_words(w * 1000 + f)
                ),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_number_with_three_decimals_is_spelled_out_with_its_place() {
        let text = "nam = 2026\nky = \"quy-1\"\n[[chi_tieu]]\nthuc_hien = 19.655 # TH\nma = \"bhyt\"\ncung_ky = 19.65\n[[chi_tieu]]\nma = \"x\"\nthuc_hien = 0.655\ncung_ky = 1234.567\n";
        let lints = ambiguous_in(Path::new("q1.toml"), text);
        assert_eq!(lints.len(), 1, "{lints:?}");
        let l = &lints[0];
        assert_eq!(l.field, "q1.toml, line 4, `thuc_hien` (`bhyt`)");
        assert!(
            l.message
                .contains("19.655 is read as 19,655 (mười chín phẩy sáu trăm năm mươi lăm)")
                && l.message.contains("write 19655"),
            "{}",
            l.message
        );
        assert!(
            l.message_vi
                .contains("mười chín nghìn sáu trăm năm mươi lăm"),
            "{}",
            l.message_vi
        );
        let json = "{\"chi_tieu\": [\n{\"ma\": \"a\", \"thuc_hien\": 2.500}\n]}";
        let lints = ambiguous_in(Path::new("q1.json"), json);
        assert_eq!(lints.len(), 1);
        assert_eq!(lints[0].field, "q1.json, line 2, `thuc_hien` (`a`)");
    }
}
