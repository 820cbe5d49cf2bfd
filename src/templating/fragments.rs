//! Narrative fragments: prose that quotes the data. A fragment (or any
//! paragraph of a document with `[so_lieu]`) is a minijinja template evaluated
//! against the indicators; its output is plain text, escaped later like any
//! other text, so a fragment can never produce Typst code.

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::value::{Kwargs, Value};
use minijinja::{Environment, UndefinedBehavior};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::Error;
use crate::indicators::{
    self, Comparison, Evaluated, Evaluation, NoPlanPercent, Period, Summary,
    CHANGE_PERCENT_DECIMALS, PLAN_PERCENT_DECIMALS,
};
use crate::inputs::Inputs;
use crate::limits;
use crate::locale::{format_number, format_percent, roman};
use crate::model::{self, Document, Paragraph, Section, Step, Text};
use crate::parsing::ValueProblem;
use crate::problems::{FragmentFailure, FragmentPlace, FragmentProblem, Invalid};
use crate::suggest::suggestion;

use limits::FRAGMENT_FUEL as FUEL;

#[derive(Serialize)]
struct IndicatorView {
    ma: String,
    stt: Option<u32>,
    ten: String,
    dvt: String,
    ke_hoach: Option<f64>,
    ke_hoach_tu: Option<f64>,
    ke_hoach_den: Option<f64>,
    tong: Option<f64>,
    thuc_hien: Option<f64>,
    cung_ky: Option<f64>,
    phan_tram_ke_hoach: Option<f64>,
    /// Why there is no % of plan, as prose says it ("kế hoạch bằng 0, không tính tỷ lệ").
    khong_tinh_ke_hoach: Option<&'static str>,
    phan_tram_cung_ky: Option<f64>,
    chenh_lech_cung_ky: Option<f64>,
    /// The year so far (lũy kế), and the same against the year's plan and last year.
    luy_ke: Option<f64>,
    luy_ke_cung_ky: Option<f64>,
    phan_tram_ke_hoach_luy_ke: Option<f64>,
    khong_tinh_ke_hoach_luy_ke: Option<&'static str>,
    phan_tram_cung_ky_luy_ke: Option<f64>,
    chenh_lech_cung_ky_luy_ke: Option<f64>,
    danh_gia: &'static str,
    ghi_chu: Option<String>,
    so_le: u32,
    so_le_phan_tram_ke_hoach: u32,
    so_le_phan_tram_cung_ky: u32,
    so_sanh_cung_ky: &'static str,
    /// A percentage: changes are in percentage points.
    ty_le: bool,
    /// "so với cùng kỳ" or "so với năm 2025".
    so_voi: String,
    /// "kế hoạch năm" for a part of the year, "kế hoạch" for the year.
    ke_hoach_ten: &'static str,
}

fn f(d: Option<Decimal>) -> Option<f64> {
    d.and_then(|d| d.to_f64())
}

/// Why a target has no % of plan, as a report sentence says it.
fn no_plan_percent(why: NoPlanPercent) -> &'static str {
    match why {
        NoPlanPercent::NoFigure => "chưa có số liệu",
        NoPlanPercent::NotForShape => "không tính tỷ lệ so kế hoạch",
        NoPlanPercent::ZeroPlan => "kế hoạch bằng 0, không tính tỷ lệ",
        NoPlanPercent::NegativePlan => "kế hoạch là số âm, không tính tỷ lệ",
        NoPlanPercent::NegativeFigure => "thực hiện là số âm, không tính tỷ lệ so kế hoạch",
        NoPlanPercent::OutOfRange => "không tính được tỷ lệ so kế hoạch",
    }
}

fn view(e: &Evaluated, eval: &Evaluation) -> IndicatorView {
    IndicatorView {
        ma: e.ma.clone(),
        stt: e.stt,
        ten: e.ten.clone(),
        dvt: e.dvt.clone(),
        ke_hoach: f(e.ke_hoach),
        ke_hoach_tu: f(e.range.map(|r| r.0)),
        ke_hoach_den: f(e.range.map(|r| r.1)),
        tong: f(e.total),
        thuc_hien: f(e.thuc_hien),
        cung_ky: f(e.cung_ky),
        phan_tram_ke_hoach: f(e.phan_tram_ke_hoach),
        khong_tinh_ke_hoach: e.khong_tinh_ke_hoach.map(no_plan_percent),
        phan_tram_cung_ky: f(e.phan_tram_cung_ky),
        chenh_lech_cung_ky: f(e.chenh_lech_cung_ky),
        luy_ke: f(e.luy_ke),
        luy_ke_cung_ky: f(e.luy_ke_cung_ky),
        phan_tram_ke_hoach_luy_ke: f(e.phan_tram_ke_hoach_luy_ke),
        khong_tinh_ke_hoach_luy_ke: e.khong_tinh_ke_hoach_luy_ke.map(no_plan_percent),
        phan_tram_cung_ky_luy_ke: f(e.phan_tram_cung_ky_luy_ke),
        chenh_lech_cung_ky_luy_ke: f(e.chenh_lech_cung_ky_luy_ke),
        danh_gia: e.danh_gia.word(),
        ghi_chu: e.ghi_chu.clone(),
        so_le: e.decimals,
        so_le_phan_tram_ke_hoach: e.plan_percent_decimals,
        so_le_phan_tram_cung_ky: e.change_percent_decimals,
        so_sanh_cung_ky: match e.comparison {
            Comparison::PhanTram => "phan-tram",
            Comparison::TuyetDoi => "tuyet-doi",
        },
        ty_le: e.rate,
        so_voi: match eval.period {
            Period::Year => format!("so với năm {}", eval.year - 1),
            _ => "so với cùng kỳ".to_string(),
        },
        ke_hoach_ten: match eval.period {
            Period::Year => "kế hoạch",
            _ => "kế hoạch năm",
        },
    }
}

#[derive(Serialize)]
struct GroupView {
    ten: String,
    tong_hop: Summary,
    chi_tieu: Vec<String>,
}

#[derive(Serialize)]
struct PeriodView {
    ten: String,
    ngan: String,
    nam: i32,
    /// The first and last day: "01/02/2026", "28/02/2026".
    tu: String,
    den: String,
    /// The next period ("tháng 3 năm 2026" / "tháng 3/2026"), for the tasks
    /// ahead; none after a range of days.
    ke_tiep: Option<String>,
    ke_tiep_ngan: Option<String>,
}

/// What fragments see: `chi_tieu.<ma>`, `tong_hop`, `nhom`, `ky`, `nam`;
/// without data, nothing.
pub fn data_context(eval: Option<&Evaluation>) -> Value {
    let Some(eval) = eval else {
        return minijinja::context! {};
    };
    let indicators: BTreeMap<String, IndicatorView> = eval
        .by_code()
        .into_iter()
        .map(|(code, e)| (code.to_string(), view(e, eval)))
        .collect();
    let groups: Vec<GroupView> = eval
        .groups
        .iter()
        .map(|g| GroupView {
            ten: g.ten.clone(),
            tong_hop: g.summary.clone(),
            chi_tieu: g.targets.iter().map(|t| t.ma.clone()).collect(),
        })
        .collect();
    minijinja::context! {
        chi_tieu => Value::from(minijinja::value::Serde(&indicators)),
        tong_hop => Value::from(minijinja::value::Serde(&eval.summary)),
        nhom => Value::from(minijinja::value::Serde(&groups)),
        ky => Value::from(minijinja::value::Serde(PeriodView {
            ten: eval.period.long_name(eval.year),
            ngan: eval.period.short_name(eval.year),
            nam: eval.year,
            tu: indicators::short_date(eval.period.start(eval.year)),
            den: indicators::short_date(eval.period.end(eval.year)),
            ke_tiep: eval.period.next_name(eval.year, false),
            ke_tiep_ngan: eval.period.next_name(eval.year, true),
        })),
        nam => eval.year,
    }
}

fn decimal(v: &Value) -> Result<Option<Decimal>, minijinja::Error> {
    if v.is_none() || v.is_undefined() {
        return Ok(None);
    }
    if let Some(i) = v.as_i64() {
        return Ok(Some(Decimal::from(i)));
    }
    match f64::try_from(v.clone()) {
        Ok(x) => Ok(indicators::from_f64(x)),
        Err(_) => Err(refused(ValueProblem::NotAFigure {
            value: v.to_string(),
        })),
    }
}

fn so(v: Value, decimals: Option<u32>) -> Result<String, minijinja::Error> {
    Ok(match decimal(&v)? {
        Some(d) => format_number(d, decimals.unwrap_or(2)),
        None => "(chưa có số liệu)".to_string(),
    })
}

fn phan_tram(v: Value, decimals: Option<u32>) -> Result<String, minijinja::Error> {
    Ok(match decimal(&v)? {
        Some(d) => format_percent(d, decimals.unwrap_or(CHANGE_PERCENT_DECIMALS)),
        None => "(chưa có số liệu)".to_string(),
    })
}

/// "tăng 11,47%", "giảm 5,74%", "tăng 2,87 triệu đồng", "không đổi".
fn change_phrase(d: Decimal, unit: Option<&str>, decimals: u32) -> String {
    let amount = match unit {
        // A change of a rate is in percentage points, never "0,7 %".
        Some("%") => format!("{} điểm phần trăm", format_number(d.abs(), decimals)),
        Some(u) if !u.is_empty() => format!("{} {u}", format_number(d.abs(), decimals)),
        Some(_) => format_number(d.abs(), decimals),
        None => format_percent(d.abs(), decimals),
    };
    if crate::locale::round(d, decimals).is_zero() {
        "không đổi".to_string()
    } else if d.is_sign_positive() {
        format!("tăng {amount}")
    } else {
        format!("giảm {amount}")
    }
}

fn tang_giam(v: Value, unit: Option<String>, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let decimals: Option<u32> = kwargs.get("so_le")?;
    kwargs.assert_all_used()?;
    Ok(match decimal(&v)? {
        Some(d) => change_phrase(
            d,
            unit.as_deref(),
            decimals.unwrap_or(CHANGE_PERCENT_DECIMALS),
        ),
        None => "(chưa có số liệu)".to_string(),
    })
}

fn attr(v: &Value, name: &str) -> Result<Value, minijinja::Error> {
    v.get_attr(name)
}

fn uint_attr(v: &Value, name: &str, default: u32) -> Result<u32, minijinja::Error> {
    Ok(attr(v, name)?
        .as_i64()
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(default))
}

fn text_attr(v: &Value, name: &str) -> Result<String, minijinja::Error> {
    Ok(attr(v, name)?.as_str().unwrap_or_default().to_string())
}

/// The names of the figures a filter reads: the period's own, or with
/// `luy_ke=true` the year so far.
struct Figure {
    th: &'static str,
    ck: &'static str,
    pct_ck: &'static str,
    diff_ck: &'static str,
    pct_kh: &'static str,
    no_kh: &'static str,
}

fn figure(kwargs: &Kwargs) -> Result<Figure, minijinja::Error> {
    let to_date: Option<bool> = kwargs.get("luy_ke")?;
    Ok(if to_date.unwrap_or(false) {
        Figure {
            th: "luy_ke",
            ck: "luy_ke_cung_ky",
            pct_ck: "phan_tram_cung_ky_luy_ke",
            diff_ck: "chenh_lech_cung_ky_luy_ke",
            pct_kh: "phan_tram_ke_hoach_luy_ke",
            no_kh: "khong_tinh_ke_hoach_luy_ke",
        }
    } else {
        Figure {
            th: "thuc_hien",
            ck: "cung_ky",
            pct_ck: "phan_tram_cung_ky",
            diff_ck: "chenh_lech_cung_ky",
            pct_kh: "phan_tram_ke_hoach",
            no_kh: "khong_tinh_ke_hoach",
        }
    })
}

fn so_cung_ky(v: Value, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let fig = figure(&kwargs)?;
    kwargs.assert_all_used()?;
    let versus = text_attr(&v, "so_voi")?;
    if decimal(&attr(&v, fig.ck)?)?.is_none() || decimal(&attr(&v, fig.th)?)?.is_none() {
        return Ok("chưa có số liệu cùng kỳ".to_string());
    }
    let difference = || -> Result<String, minijinja::Error> {
        let Some(diff) = decimal(&attr(&v, fig.diff_ck)?)? else {
            return Ok(String::new());
        };
        // A rate changes by percentage points, whatever its unit is spelled.
        let unit = if attr(&v, "ty_le")?.is_true() {
            "%".to_string()
        } else {
            text_attr(&v, "dvt")?
        };
        Ok(change_phrase(diff, Some(&unit), uint_attr(&v, "so_le", 2)?))
    };
    let phrase = if text_attr(&v, "so_sanh_cung_ky")? == "tuyet-doi" {
        difference()?
    } else {
        match decimal(&attr(&v, fig.pct_ck)?)? {
            Some(p) => change_phrase(
                p,
                None,
                uint_attr(&v, "so_le_phan_tram_cung_ky", CHANGE_PERCENT_DECIMALS)?,
            ),
            // From zero, or across zero, there is no percentage: the
            // difference says what happened.
            None => difference()?,
        }
    };
    if phrase.is_empty() {
        return Ok(format!("chưa so sánh được {versus}"));
    }
    Ok(if phrase == "không đổi" {
        format!("bằng {}", versus.trim_start_matches("so với "))
    } else {
        format!("{phrase} {versus}")
    })
}

fn so_ke_hoach(v: Value, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let fig = figure(&kwargs)?;
    kwargs.assert_all_used()?;
    Ok(match decimal(&attr(&v, fig.pct_kh)?)? {
        Some(p) => format!(
            "đạt {} {}",
            format_percent(
                p,
                uint_attr(&v, "so_le_phan_tram_ke_hoach", PLAN_PERCENT_DECIMALS)?
            ),
            text_attr(&v, "ke_hoach_ten")?
        ),
        None => text_attr(&v, fig.no_kh)
            .ok()
            .filter(|why| !why.is_empty())
            .unwrap_or_else(|| "chưa có số liệu".to_string()),
    })
}

/// "650/2.040 triệu đồng": the figure over the year's plan, as monthly reports
/// pair them; `luy_ke=true` takes the year so far, `so_le=n` the decimals
/// (default the target's). Without a figure or a single plan it says so.
fn th_kh(v: Value, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let fig = figure(&kwargs)?;
    let decimals: Option<u32> = kwargs.get("so_le")?;
    kwargs.assert_all_used()?;
    let decimals = match decimals {
        Some(n) => n,
        None => uint_attr(&v, "so_le", 2)?,
    };
    let (Some(th), Some(kh)) = (
        decimal(&attr(&v, fig.th)?)?,
        decimal(&attr(&v, "ke_hoach")?)?,
    ) else {
        return Ok(if decimal(&attr(&v, fig.th)?)?.is_none() {
            "(chưa có số liệu)".to_string()
        } else {
            "(không có kế hoạch)".to_string()
        });
    };
    let unit = text_attr(&v, "dvt")?;
    let pair = format!(
        "{}/{}",
        format_number(th, decimals),
        format_number(kh, decimals)
    );
    Ok(match unit.trim() {
        "" => pair,
        "%" => format!("{pair}%"),
        u => format!("{pair} {u}"),
    })
}

/// Roman numerals past [`limits::ROMAN`] need a bar over the letters; a
/// huge number would also print (and allocate) millions of "M".
fn la_ma(v: i64) -> Result<String, minijinja::Error> {
    match u32::try_from(v) {
        Ok(n) if limits::ROMAN.contains(&n) => Ok(roman(n)),
        _ => Err(refused(ValueProblem::NotRoman {
            value: v,
            first: *limits::ROMAN.start(),
            last: *limits::ROMAN.end(),
        })),
    }
}

/// "2026-02-05" or "05/02/2026" → "ngày 05 tháng 02 năm 2026".
fn ngay(v: String) -> Result<String, minijinja::Error> {
    let date = model::IssueDate::parse(&v)
        .ok_or_else(|| refused(ValueProblem::NotADate { value: v.clone() }))?;
    let year = chrono::Datelike::year(&date.0);
    if !limits::QUOTED_YEARS.contains(&year) {
        return Err(refused(ValueProblem::DateYear {
            value: v,
            year,
            first: *limits::QUOTED_YEARS.start(),
            last: *limits::QUOTED_YEARS.end(),
        }));
    }
    let line = crate::locale::date_line("", date.0, false);
    Ok(line.trim_start_matches(", ").to_string())
}

/// "quy-1" with the year → "quý I năm 2026"; `ngan=true` → "quý I/2026".
fn ky(v: String, year: i32, kwargs: Kwargs) -> Result<String, minijinja::Error> {
    let short: Option<bool> = kwargs.get("ngan")?;
    kwargs.assert_all_used()?;
    let period =
        Period::parse(&v).ok_or_else(|| refused(ValueProblem::NotAPeriod { value: v.clone() }))?;
    Ok(if short.unwrap_or(false) {
        period.short_name(year)
    } else {
        period.long_name(year)
    })
}

/// The Vietnamese formatting filters, for fragments and for document templates.
pub fn add_filters(env: &mut Environment<'static>) {
    env.add_filter("so", so);
    env.add_filter("phan_tram", phan_tram);
    env.add_filter("tang_giam", tang_giam);
    env.add_filter("so_cung_ky", so_cung_ky);
    env.add_filter("so_ke_hoach", so_ke_hoach);
    env.add_filter("th_kh", th_kh);
    env.add_filter("la_ma", la_ma);
    env.add_filter("ngay", ngay);
    env.add_filter("ky", ky);
}

/// The environment fragments run in: plain-text output, strict about unknown
/// names, bounded work, the Vietnamese filters, fragments includable by name.
/// A fragment with a syntax error is refused here, named, even if unused.
fn environment(
    fragments: &BTreeMap<String, Fragment>,
    file: &Path,
) -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    // `debug()` prints the whole template state into the document; a fragment
    // is data and has no business showing it.
    env.remove_global("debug");
    // Debug mode would also snapshot the state into errors; the same messages
    // in debug and release builds.
    env.set_debug(false);
    add_filters(&mut env);
    for (name, fragment) in fragments {
        if let Err(e) = env.add_template_owned(name.clone(), fragment.source.clone()) {
            let (file, field) = fragment.place(name, file);
            return Err(Error::Invalid {
                file,
                field,
                problem: Invalid::Fragment(Box::new(FragmentFailure {
                    place: FragmentPlace::Fragment { name: name.clone() },
                    line: e.line().unwrap_or(1),
                    problem: describe(&e, &fragment.source),
                })),
            });
        }
    }
    Ok(env)
}

/// A fragment's text and where it was written.
#[derive(Debug, Clone, Serialize)]
pub struct Fragment {
    pub source: String,
    /// The fragment file it comes from; `None` for the document's `[manh_van]`.
    pub file: Option<std::path::PathBuf>,
}

impl Fragment {
    /// The file and field an error in fragment `name` points to.
    fn place(&self, name: &str, document: &Path) -> (std::path::PathBuf, String) {
        match &self.file {
            Some(f) => (f.clone(), name.to_string()),
            None => (document.to_path_buf(), format!("manh_van.{name}")),
        }
    }
}

/// A filter's refusal: minijinja's error, carrying the typed problem as its
/// source so [`describe`] finds it again.
fn refused(problem: ValueProblem) -> minijinja::Error {
    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, problem.to_string())
        .with_source(problem)
}

/// The problem a filter raised, if `e` is its refusal.
fn raised(e: &minijinja::Error) -> Option<&ValueProblem> {
    let mut inner = std::error::Error::source(e);
    while let Some(i) = inner {
        if let Some(p) = i.downcast_ref::<ValueProblem>() {
            return Some(p);
        }
        inner = i.source();
    }
    None
}

/// Why minijinja failed, with the expression it could not resolve: its own
/// message says only "undefined value".
fn describe(e: &minijinja::Error, source: &str) -> FragmentProblem {
    if let Some(p) = raised(e) {
        return FragmentProblem::Value(p.clone());
    }
    let expression = e
        .range()
        .and_then(|r| source.get(r))
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string);
    match (e.kind(), expression) {
        (minijinja::ErrorKind::UndefinedError, Some(expression)) => {
            FragmentProblem::Undefined { expression }
        }
        (minijinja::ErrorKind::UnknownFunction, Some(expression)) => {
            FragmentProblem::UnknownFunction { expression }
        }
        (minijinja::ErrorKind::SyntaxError, _) => FragmentProblem::Syntax {
            detail: e.detail().unwrap_or_default().to_string(),
        },
        (minijinja::ErrorKind::OutOfFuel, _) => FragmentProblem::TooManySteps,
        _ => {
            let mut detail = match e.detail() {
                Some(d) => format!("{}: {d}", e.kind()),
                None => e.kind().to_string(),
            };
            let mut inner = std::error::Error::source(e);
            while let Some(i) = inner {
                detail.push_str(&format!(": {i}"));
                inner = i.source();
            }
            FragmentProblem::Engine { detail }
        }
    }
}

/// The names quoted as `chi_tieu.<name>` in a template source.
fn quoted_codes(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (line_no, line) in source.lines().enumerate() {
        let mut rest = line;
        while let Some(i) = rest.find("chi_tieu.") {
            let after = &rest[i + "chi_tieu.".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.push((line_no + 1, name.clone()));
            }
            rest = &after[name.len()..];
        }
    }
    out
}

struct Resolver<'a> {
    /// Without data only `{ manh = … }` paragraphs are templates; every other
    /// text is printed as typed.
    all_texts: bool,
    env: Environment<'static>,
    ctx: Value,
    fragments: &'a BTreeMap<String, Fragment>,
    codes: Vec<String>,
    file: &'a Path,
}

impl Resolver<'_> {
    /// Evaluates one piece of text (or the fragment `name`) for field `field`.
    fn eval(&self, field: &str, source: &str, fragment: Option<&str>) -> Result<Text, Error> {
        if !self.all_texts && fragment.is_none() {
            return Ok(Text::new(source));
        }
        let mut out = BoundedText::default();
        let result = match fragment {
            Some(name) => {
                if !self.fragments.contains_key(name) {
                    return Err(Error::Invalid {
                        file: self.file.to_path_buf(),
                        field: field.to_string(),
                        problem: Invalid::NoFragment {
                            name: name.to_string(),
                            suggestion: suggestion(name, self.fragments.keys().map(String::as_str)),
                        },
                    });
                }
                self.env
                    .get_template(name)
                    .and_then(|t| t.render_captured_to(self.ctx.clone(), &mut out))
            }
            None => self
                .env
                .template_from_named_str(field, source)
                .and_then(|t| t.render_captured_to(self.ctx.clone(), &mut out)),
        };
        if out.chars > limits::MAX_TEXT_CHARS {
            let (file, field) = match fragment.and_then(|n| self.fragments.get(n).map(|f| (n, f))) {
                Some((name, f)) => f.place(name, self.file),
                None => (self.file.to_path_buf(), field.to_string()),
            };
            return Err(Error::Limit {
                file,
                field,
                bound: limits::Bound::TextLength,
                value: out.chars as u64,
                limit: limits::MAX_TEXT_CHARS as u64,
            });
        }
        match result {
            Ok(_) => Ok(Text::new(&String::from_utf8_lossy(&out.text))),
            Err(e) => Err(self.error(field, source, fragment, e)),
        }
    }

    fn error(
        &self,
        field: &str,
        source: &str,
        fragment: Option<&str>,
        e: minijinja::Error,
    ) -> Error {
        // The template that failed: the fragment itself or one it included.
        let failed = e.name().unwrap_or(field).to_string();
        let failed_fragment = self.fragments.get(&failed);
        let failed_source = failed_fragment.map(|f| f.source.as_str()).unwrap_or(source);
        let (file, field) = match failed_fragment {
            Some(f) => f.place(&failed, self.file),
            None => (self.file.to_path_buf(), field.to_string()),
        };
        let place = match fragment {
            Some(name) if name != failed => FragmentPlace::Included {
                name: failed,
                by: name.to_string(),
            },
            Some(name) => FragmentPlace::Fragment {
                name: name.to_string(),
            },
            None if failed_fragment.is_some() => FragmentPlace::Fragment { name: failed },
            None => FragmentPlace::Text,
        };
        for (line, code) in quoted_codes(failed_source) {
            if !self.codes.contains(&code) {
                let suggestion = suggestion(&code, self.codes.iter().map(String::as_str));
                return Error::Invalid {
                    file,
                    field,
                    problem: Invalid::Fragment(Box::new(FragmentFailure {
                        place,
                        line,
                        problem: FragmentProblem::NoIndicator { code, suggestion },
                    })),
                };
            }
        }
        Error::Invalid {
            file,
            field,
            problem: Invalid::Fragment(Box::new(FragmentFailure {
                place,
                line: e.line().unwrap_or(1),
                problem: describe(&e, failed_source),
            })),
        }
    }

    fn paragraphs(&self, base: &str, list: &[Paragraph]) -> Result<Vec<Paragraph>, Error> {
        list.iter()
            .enumerate()
            .map(|(i, p)| {
                let field = format!("{base}[{i}]");
                if p.table.is_some() {
                    return Ok(p.clone());
                }
                Ok(Paragraph {
                    marker: p.marker,
                    text: self.eval(&field, &p.text, p.fragment.as_deref())?,
                    fragment: None,
                    table: None,
                })
            })
            .collect()
    }

    /// The body with its headings and paragraphs evaluated.
    fn body(&self, sections: &[Section]) -> Result<Vec<Section>, Error> {
        // The sections opened and not yet closed, each with the sub-sections
        // evaluated so far; the bottom one collects the body.
        let mut open: Vec<Section> = vec![Section::default()];
        let mut body = model::walk("noi_dung", sections);
        while let Some(step) = body.next() {
            let base = body.path();
            match step {
                Step::Open { section: s, .. } => open.push(Section {
                    so: s.so.clone(),
                    tieu_de: match &s.tieu_de {
                        Some(t) => Some(self.eval(&format!("{base}.tieu_de"), t, None)?),
                        None => None,
                    },
                    doan: self.paragraphs(&format!("{base}.doan"), &s.doan)?,
                    muc: Vec::new(),
                    doan_cuoi: Vec::new(),
                    kieu_muc: s.kieu_muc.clone(),
                    in_hoa: s.in_hoa,
                    dam: s.dam,
                    nghieng: s.nghieng,
                    can_giua: s.can_giua,
                    chay_lien: s.chay_lien,
                }),
                Step::Close { section: s, .. } => {
                    let mut done = open.pop().expect("a section was opened");
                    done.doan_cuoi = self.paragraphs(&format!("{base}.doan_cuoi"), &s.doan_cuoi)?;
                    open.last_mut().expect("the body").muc.push(done);
                }
            }
        }
        Ok(open.pop().expect("the body").muc)
    }
}

/// Reads the fragments a document defines and names in files, the files
/// through `inputs`, each with the file it comes from.
pub fn collect(
    inputs: &Inputs,
    doc: &Document,
    file: &Path,
) -> Result<BTreeMap<String, Fragment>, Error> {
    let mut out: BTreeMap<String, Fragment> = BTreeMap::new();
    for (i, path) in doc.tep_manh_van.iter().enumerate() {
        let input = inputs.named(file, path, &format!("tep_manh_van[{i}]"))?;
        let table: BTreeMap<String, Text> = model::load_document_bytes(&input.shown, &input.bytes)?;
        out.extend(table.into_iter().map(|(k, v)| {
            (
                k,
                Fragment {
                    source: v.to_string(),
                    file: Some(input.shown.clone()),
                },
            )
        }));
    }
    // The document's own fragments win over shared ones of the same name.
    out.extend(doc.manh_van.iter().map(|(k, v)| {
        (
            k.clone(),
            Fragment {
                source: v.to_string(),
                file: None,
            },
        )
    }));
    Ok(out)
}

/// Collects a fragment's output, counting its characters but keeping no more
/// than [`limits::MAX_TEXT_CHARS`] of them: a loop or `"x" * 99999999` must
/// not fill memory before the length is refused.
#[derive(Default)]
struct BoundedText {
    text: Vec<u8>,
    chars: usize,
}

impl std::io::Write for BoundedText {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        // minijinja writes whole strings, so a chunk is whole characters.
        self.chars += String::from_utf8_lossy(buf).chars().count();
        if self.chars <= limits::MAX_TEXT_CHARS {
            self.text.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Whether the document uses fragments or data at all.
pub fn needed(doc: &Document) -> bool {
    doc.so_lieu.is_some() || !doc.manh_van.is_empty() || !doc.tep_manh_van.is_empty()
}

/// The document with every data-quoting text evaluated: trích yếu, headings,
/// paragraphs and fragments become plain text. Without `eval` (no `[so_lieu]`)
/// only fragment paragraphs are evaluated. `fragments`: what [`collect`] read.
pub fn resolve(
    doc: &Document,
    file: &Path,
    eval: Option<&Evaluation>,
    fragments: &BTreeMap<String, Fragment>,
) -> Result<Document, Error> {
    let r = Resolver {
        all_texts: eval.is_some(),
        env: environment(fragments, file)?,
        ctx: data_context(eval),
        fragments,
        codes: eval
            .map(|e| e.by_code().keys().map(|k| k.to_string()).collect())
            .unwrap_or_default(),
        file,
    };
    let mut out = doc.clone();
    out.trich_yeu.0 = doc
        .trich_yeu
        .0
        .iter()
        .enumerate()
        .map(|(i, t)| r.eval(&format!("trich_yeu[{i}]"), t, None))
        .collect::<Result<_, _>>()?;
    out.mo_dau = r.paragraphs("mo_dau", &doc.mo_dau)?;
    out.noi_dung = r.body(&doc.noi_dung)?;
    out.ket_luan = r.paragraphs("ket_luan", &doc.ket_luan)?;
    for (n, a) in out.phu_luc.list.iter_mut().enumerate() {
        let base = doc.phu_luc.field(n);
        a.tieu_de.0 = a
            .tieu_de
            .0
            .iter()
            .enumerate()
            .map(|(i, t)| r.eval(&format!("{base}.tieu_de[{i}]"), t, None))
            .collect::<Result<_, _>>()?;
        if let Some(list) = &a.noi_dung {
            a.noi_dung = Some(r.paragraphs(&format!("{base}.noi_dung"), list)?);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_phrases() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(change_phrase(d("11.4712"), None, 2), "tăng 11,47%");
        assert_eq!(change_phrase(d("-5.744"), None, 2), "giảm 5,74%");
        assert_eq!(
            change_phrase(d("2.87"), Some("triệu đồng"), 2),
            "tăng 2,87 triệu đồng"
        );
        assert_eq!(change_phrase(d("0.001"), None, 2), "không đổi");
        assert_eq!(
            change_phrase(d("0.7"), Some("%"), 1),
            "tăng 0,7 điểm phần trăm"
        );
    }

    #[test]
    fn date_period_and_number_filters() {
        let mut env = Environment::new();
        add_filters(&mut env);
        let out = env
            .render_str(
                "{{ '2026-02-05' | ngay }}; {{ '27/05/2026' | ngay }}; {{ 'quy-1' | ky(2026) }}; {{ '6-thang' | ky(2026, ngan=true) }}; {{ 4 | la_ma }}; {{ 2659682 | so }}; {{ 55.87 | so }}; {{ 105.55 | phan_tram(1) }}; {{ -5.744 | tang_giam }}; {{ none | so }}",
                (),
            )
            .unwrap();
        assert_eq!(
            out,
            "ngày 05 tháng 02 năm 2026; ngày 27 tháng 5 năm 2026; quý I năm 2026; 6 tháng/2026; IV; 2.659.682; 55,87; 105,6%; giảm 5,74%; (chưa có số liệu)"
        );
    }

    #[test]
    fn roman_numerals_stop_at_3999() {
        let mut env = Environment::new();
        add_filters(&mut env);
        let render = |n: i64| env.render_str("{{ n | la_ma }}", minijinja::context! { n });
        assert_eq!(render(3999).unwrap(), "MMMCMXCIX");
        assert_eq!(render(1).unwrap(), "I");
        for n in [0, 4000, -1, 4_000_000_000] {
            let e = render(n).unwrap_err();
            assert!(e.to_string().contains("la_ma` takes 1 to 3999"), "{n}: {e}");
        }
    }

    fn resolve_fragment(source: &str) -> Result<Document, Error> {
        let text = format!(
            r#"the_thuc = "dang"
loai = "nghi-quyet"
co_quan_ban_hanh = "Đảng ủy xã Vũ Quang"
ma_co_quan = "ĐU"
dia_danh = "Vũ Quang"
ngay_ban_hanh = "2025-12-30"
trich_yeu = "về việc thử"
mo_dau = [{{ manh = "m" }}]
manh_van = {{ m = {source:?} }}
ky = {{ chuc_vu = "Bí thư", ho_ten = "Nguyễn Văn A" }}
noi_nhan = {{ danh_sach = ["Các chi bộ"] }}
"#
        );
        let file = Path::new("d.toml");
        let doc: Document = model::parse(file, &text, model::Format::Toml).unwrap();
        let fragments = collect(&Inputs::default(), &doc, file)?;
        resolve(&doc, file, None, &fragments)
    }

    #[test]
    fn fragment_output_is_bounded_at_the_text_limit() {
        let n = limits::MAX_TEXT_CHARS;
        let at = resolve_fragment(&format!("{{{{ 'ệ' * {n} }}}}")).unwrap();
        assert_eq!(at.mo_dau[0].text.chars().count(), n);
        let over = format!("{{{{ 'ệ' * {} }}}}", n + 1);
        match resolve_fragment(&over) {
            Err(Error::Limit {
                field,
                bound,
                value,
                ..
            }) => {
                assert_eq!(field, "manh_van.m");
                assert_eq!(bound, limits::Bound::TextLength);
                assert_eq!(value, n as u64 + 1);
            }
            other => panic!("{other:?}"),
        }
        // A long output is counted, not kept (fuel charges every byte made,
        // so a far longer one runs out of fuel first).
        match resolve_fragment("{{ 'x' * 5000000 }}") {
            Err(Error::Limit { value, .. }) => assert_eq!(value, 5_000_000),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn quoted_codes_are_found_with_their_lines() {
        let src = "a {{ chi_tieu.thu_nhap.thuc_hien | so }}\nb {{ chi_tieu.gtsp | so_cung_ky }}";
        assert_eq!(
            quoted_codes(src),
            vec![(1, "thu_nhap".to_string()), (2, "gtsp".to_string())]
        );
    }

    /// Renders `template` against a one-group catalogue and figures (code, TH, CK).
    fn render_with(
        catalogue: &str,
        rows: &[(&str, Option<&str>, Option<&str>)],
        template: &str,
    ) -> String {
        use crate::indicators::{Catalogue, Figures, Row};
        let text = format!("nam = 2026\n[[nhom]]\nten = \"Kinh tế\"\n{catalogue}");
        let c: Catalogue = model::parse(Path::new("c.toml"), &text, model::Format::Toml).unwrap();
        c.validate().unwrap();
        let mut f = Figures::default();
        for (ma, th, ck) in rows {
            let row = Row {
                ma: ma.to_string(),
                thuc_hien: th.map(|v| v.parse().unwrap()),
                cung_ky: ck.map(|v| v.parse().unwrap()),
                ..Row::default()
            };
            f.rows.insert(ma.to_string(), (row, Default::default()));
        }
        let eval = indicators::evaluate(&c, &f, 2026, Period::Q1);
        let mut env = Environment::new();
        add_filters(&mut env);
        env.render_str(template, data_context(Some(&eval))).unwrap()
    }

    /// A monthly report quotes the year so far over the plan, in the unit's
    /// decimals: "650/2.040 triệu đồng, đạt 32% (KH)", "4,479/43,545 tỷ đồng,
    /// đạt 10,3% kế hoạch giao".
    #[test]
    fn a_month_quotes_the_year_so_far_over_the_plan() {
        use crate::indicators::{Catalogue, Figures, Row};
        let text = "nam = 2026\n[[nhom]]\nten = \"Kinh tế\"\n[[nhom.chi_tieu]]\nstt = 1\nma = \"thu\"\nten = \"Thu\"\ndvt = \"triệu đồng\"\ndang = \"gia-tri\"\nke_hoach = 2040\nluy_ke = true\nso_le = 0\n[[nhom.chi_tieu]]\nstt = 2\nma = \"von\"\nten = \"Vốn\"\ndvt = \"tỷ đồng\"\ndang = \"gia-tri\"\nke_hoach = 43.545\nluy_ke = true\nso_le = 3\n";
        let c: Catalogue = model::parse(Path::new("c.toml"), text, model::Format::Toml).unwrap();
        c.validate().unwrap();
        let mut f = Figures::default();
        for (ma, th, ck, lk, lk_ck) in [
            ("thu", "320", "290", "650", "600"),
            ("von", "2.1", "1.9", "4.479", "4.1"),
        ] {
            let n = |v: &str| Some(v.parse().unwrap());
            let row = Row {
                ma: ma.to_string(),
                thuc_hien: n(th),
                cung_ky: n(ck),
                luy_ke: n(lk),
                luy_ke_cung_ky: n(lk_ck),
                ..Row::default()
            };
            f.rows.insert(ma.to_string(), (row, Default::default()));
        }
        let eval = indicators::evaluate(&c, &f, 2026, Period::Month(2));
        let mut env = Environment::new();
        add_filters(&mut env);
        let out = env
            .render_str(
                "{{ chi_tieu.thu | th_kh(luy_ke=true) }}, đạt {{ chi_tieu.thu.phan_tram_ke_hoach_luy_ke | phan_tram(0) }} (KH); \
                 {{ chi_tieu.von | th_kh(luy_ke=true) }}, đạt {{ chi_tieu.von.phan_tram_ke_hoach_luy_ke | phan_tram(1) }} kế hoạch giao; \
                 tháng: {{ chi_tieu.thu | th_kh }}, {{ chi_tieu.thu | so_ke_hoach }}, {{ chi_tieu.thu | so_cung_ky }}; \
                 lũy kế {{ chi_tieu.thu | so_ke_hoach(luy_ke=true) }}, {{ chi_tieu.thu | so_cung_ky(luy_ke=true) }}; \
                 {{ ky.ten }}, {{ ky.ngan }}, {{ ky.tu }}–{{ ky.den }}, trọng tâm {{ ky.ke_tiep }}; \
                 {{ 'thang-3' | ky(2026, ngan=true) }}; {{ 'tuan-7' | ky(2026) }}; {{ '01/02/2026..15/02/2026' | ky(2026) }}",
                data_context(Some(&eval)),
            )
            .unwrap();
        assert_eq!(
            out,
            "650/2.040 triệu đồng, đạt 32% (KH); \
             4,479/43,545 tỷ đồng, đạt 10,3% kế hoạch giao; \
             tháng: 320/2.040 triệu đồng, đạt 15,7% kế hoạch năm, tăng 10,34% so với cùng kỳ; \
             lũy kế đạt 31,9% kế hoạch năm, tăng 8,33% so với cùng kỳ; \
             tháng 02 năm 2026, tháng 02/2026, 01/02/2026–28/02/2026, trọng tâm tháng 3 năm 2026; \
             tháng 3/2026; tuần 7 năm 2026; từ ngày 01/02/2026 đến ngày 15/02/2026"
        );
        let err = env
            .render_str("{{ 'thang-13' | ky(2026) }}", minijinja::context! {})
            .unwrap_err();
        assert!(err.to_string().contains("is not a period"), "{err}");
    }

    const TARGET: &str = "[[nhom.chi_tieu]]\nstt = 1\nma = \"a\"\nten = \"A\"\ndvt = \"triệu đồng\"\ndang = \"gia-tri\"\nke_hoach = 100\nso_le = 0\n";

    #[test]
    fn a_rate_changes_by_percentage_points_by_default() {
        let rate = "[[nhom.chi_tieu]]\nstt = 1\nma = \"hn\"\nten = \"Tỷ lệ hộ nghèo\"\ndvt = \"%\"\ndang = \"ty-le\"\nke_hoach = 3\nso_le = 1\n";
        let out = render_with(
            rate,
            &[("hn", Some("3.2"), Some("2.7"))],
            "{{ chi_tieu.hn | so_cung_ky }}",
        );
        assert_eq!(out, "tăng 0,5 điểm phần trăm so với cùng kỳ");
    }

    #[test]
    fn a_zero_plan_says_so() {
        let zero = TARGET.replace("ke_hoach = 100", "ke_hoach = 0");
        let out = render_with(
            &zero,
            &[("a", Some("5"), None)],
            "{{ chi_tieu.a | so_ke_hoach }}",
        );
        assert_eq!(out, "kế hoạch bằng 0, không tính tỷ lệ");
        let out = render_with(TARGET, &[], "{{ chi_tieu.a | so_ke_hoach }}");
        assert_eq!(out, "chưa có số liệu");
    }

    #[test]
    fn negative_values_are_worded_by_the_difference_not_a_percentage() {
        let out = render_with(
            TARGET,
            &[("a", Some("-125"), Some("100"))],
            "{{ chi_tieu.a | so_ke_hoach }}; {{ chi_tieu.a | so_cung_ky }}",
        );
        assert_eq!(
            out,
            "thực hiện là số âm, không tính tỷ lệ so kế hoạch; giảm 225 triệu đồng so với cùng kỳ"
        );
        // From a zero base there is no percentage either, but there is a difference.
        let out = render_with(
            TARGET,
            &[("a", Some("10"), Some("0"))],
            "{{ chi_tieu.a | so_cung_ky }}",
        );
        assert_eq!(out, "tăng 10 triệu đồng so với cùng kỳ");
    }

    #[test]
    fn the_summary_counts_over_the_targets_judged() {
        let two = format!(
            "{TARGET}{}",
            TARGET
                .replace("stt = 1", "stt = 2")
                .replace("ma = \"a\"", "ma = \"b\"")
                .replace("ten = \"A\"", "ten = \"B\"")
        );
        let out = render_with(
            &two,
            &[("a", Some("50"), None)],
            "{{ tong_hop.dat_va_vuot }}/{{ tong_hop.da_danh_gia }} đạt, {{ tong_hop.chua_dat }}/{{ tong_hop.da_danh_gia }} chưa đạt, {{ tong_hop.chua_danh_gia }} chưa đánh giá ({{ tong_hop.chua_danh_gia_stt | join(', ') }}: {{ tong_hop.chua_danh_gia_ten | join(', ') }})",
        );
        assert_eq!(out, "0/1 đạt, 1/1 chưa đạt, 1 chưa đánh giá (2: B)");
    }

    #[test]
    fn the_filters_never_panic_on_extreme_figures() {
        let extremes = [
            Decimal::MAX.to_string(),
            Decimal::MIN.to_string(),
            "0".to_string(),
            "0.0000000000000000000000000001".to_string(),
            "-1".to_string(),
        ];
        let template = "{{ chi_tieu.a | so_cung_ky }} {{ chi_tieu.a | so_ke_hoach }} {{ chi_tieu.a.thuc_hien | so }} {{ chi_tieu.a.phan_tram_cung_ky | tang_giam }} {{ chi_tieu.a.chenh_lech_cung_ky | phan_tram }}";
        for plan in ["0", "1", "1000000000000000"] {
            let target = TARGET.replace("ke_hoach = 100", &format!("ke_hoach = {plan}"));
            for th in &extremes {
                for ck in &extremes {
                    let out = render_with(&target, &[("a", Some(th), Some(ck))], template);
                    assert!(!out.contains("NaN") && !out.contains("inf"), "{out}");
                }
            }
        }
    }
}
