//! Derived values, computed exactly in decimals: % of plan, change against the
//! same period, the verdict by shape and direction, and the summary counts.
//! Division by zero, a missing figure or a qualitative target gives "no value"
//! or "chưa đánh giá", never NaN, infinity or a guessed verdict.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use super::catalogue::{Catalogue, Comparison, Part, Shape, Target};
use super::figures::{Figures, GivenVerdict, Row};
use crate::fields::{Period, Share};
use crate::locale::format_number;

/// Default decimals of "% so kế hoạch" ("105,6%") and of changes ("tăng 11,47%").
pub const PLAN_PERCENT_DECIMALS: u32 = 1;
pub const CHANGE_PERCENT_DECIMALS: u32 = 2;

/// The verdict on a target for the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Verdict {
    #[serde(rename = "vượt")]
    Vuot,
    #[serde(rename = "đạt")]
    Dat,
    #[serde(rename = "chưa đạt")]
    ChuaDat,
    #[serde(rename = "chưa đánh giá")]
    ChuaDanhGia,
}

impl Verdict {
    /// As prose writes it ("vượt").
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Vuot => "vượt",
            Verdict::Dat => "đạt",
            Verdict::ChuaDat => "chưa đạt",
            Verdict::ChuaDanhGia => "chưa đánh giá",
        }
    }

    /// As a table cell writes it ("Vượt").
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Vuot => "Vượt",
            Verdict::Dat => "Đạt",
            Verdict::ChuaDat => "Chưa đạt",
            Verdict::ChuaDanhGia => "Chưa đánh giá",
        }
    }

    fn from_given(g: GivenVerdict) -> Self {
        match g {
            GivenVerdict::Vuot => Verdict::Vuot,
            GivenVerdict::Dat => Verdict::Dat,
            GivenVerdict::ChuaDat => Verdict::ChuaDat,
        }
    }
}

/// Why a target has no % of plan, so prose can say it instead of a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoPlanPercent {
    /// No figure for the period.
    NoFigure,
    /// The shape has no single plan to divide by (a range, a reduction, …).
    NotForShape,
    ZeroPlan,
    NegativePlan,
    /// A negative result is no share of a plan ("đạt -125% kế hoạch").
    NegativeFigure,
    /// The quotient does not fit a decimal (a tiny plan under a huge figure).
    OutOfRange,
}

/// One target (or a component or sub-target) with its figures and derived values.
#[derive(Debug, Clone)]
pub struct Evaluated {
    pub stt: Option<u32>,
    pub ma: String,
    pub ten: String,
    pub dvt: String,
    pub shape: Shape,
    pub decimals: u32,
    /// Decimals of the % of plan and of the change against the same period.
    pub plan_percent_decimals: u32,
    pub change_percent_decimals: u32,
    pub comparison: Comparison,
    /// A percentage (a `ty-le` target or a "%" unit): its change is in
    /// percentage points, never a relative %.
    pub rate: bool,
    /// A component (thành phần) of its target's value, which its sibling
    /// components should add up to; sub-targets and "trong đó" parts are not.
    pub component: bool,
    /// The year's plan as printed: "2.659.682", "≥ 80", "0,3 - 0,5", "26/31".
    pub plan_text: String,
    pub ke_hoach: Option<Decimal>,
    /// The bounds of a range target.
    pub range: Option<(Decimal, Decimal)>,
    /// The total of a count-out-of-total target.
    pub total: Option<Decimal>,
    pub thuc_hien: Option<Decimal>,
    pub cung_ky: Option<Decimal>,
    /// TH / KH × 100, against the year's plan.
    pub phan_tram_ke_hoach: Option<Decimal>,
    /// Why `phan_tram_ke_hoach` is none.
    pub khong_tinh_ke_hoach: Option<NoPlanPercent>,
    /// (TH − CK) / CK × 100.
    pub phan_tram_cung_ky: Option<Decimal>,
    /// TH − CK.
    pub chenh_lech_cung_ky: Option<Decimal>,
    /// The year-to-date figure (lũy kế) and its same period last year: as
    /// given, or the period's own figures when the period starts on 1 January.
    pub luy_ke: Option<Decimal>,
    pub luy_ke_cung_ky: Option<Decimal>,
    /// Lũy kế / KH × 100 ("650/2.040 triệu đồng, đạt 32% KH"), or why there is none.
    pub phan_tram_ke_hoach_luy_ke: Option<Decimal>,
    pub khong_tinh_ke_hoach_luy_ke: Option<NoPlanPercent>,
    /// The year-to-date change against last year's, in % and in the unit.
    pub phan_tram_cung_ky_luy_ke: Option<Decimal>,
    pub chenh_lech_cung_ky_luy_ke: Option<Decimal>,
    pub danh_gia: Verdict,
    pub ghi_chu: Option<String>,
    /// Components (thành phần) or sub-targets (mục tiêu), printed as indented rows.
    pub parts: Vec<Evaluated>,
}

/// Counts of verdicts. Offices count met targets over the targets that
/// could be judged ("5/9 chỉ tiêu đạt và vượt") and name the others apart
/// ("2 chỉ tiêu chưa đánh giá"), so `da_danh_gia` is the denominator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub tong: u32,
    /// The targets with a verdict: `tong` − `chua_danh_gia`.
    pub da_danh_gia: u32,
    pub vuot: u32,
    pub dat: u32,
    pub dat_va_vuot: u32,
    pub chua_dat: u32,
    pub chua_danh_gia: u32,
    /// The targets not judged, by their number and by their name.
    pub chua_danh_gia_stt: Vec<u32>,
    pub chua_danh_gia_ten: Vec<String>,
}

impl Summary {
    fn add(&mut self, t: &Evaluated) {
        let v = t.danh_gia;
        self.tong += 1;
        if v != Verdict::ChuaDanhGia {
            self.da_danh_gia += 1;
        }
        match v {
            Verdict::Vuot => {
                self.vuot += 1;
                self.dat_va_vuot += 1;
            }
            Verdict::Dat => {
                self.dat += 1;
                self.dat_va_vuot += 1;
            }
            Verdict::ChuaDat => self.chua_dat += 1,
            Verdict::ChuaDanhGia => {
                self.chua_danh_gia += 1;
                self.chua_danh_gia_stt.extend(t.stt);
                self.chua_danh_gia_ten.push(t.ten.clone());
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct GroupResult {
    pub ten: String,
    pub targets: Vec<Evaluated>,
    pub summary: Summary,
}

/// Everything a report quotes about the period.
#[derive(Debug, Clone)]
pub struct Evaluation {
    pub year: i32,
    pub period: Period,
    pub groups: Vec<GroupResult>,
    pub summary: Summary,
}

impl Evaluation {
    /// Every target, component and sub-target by code.
    pub fn by_code(&self) -> BTreeMap<&str, &Evaluated> {
        let mut out = BTreeMap::new();
        for g in &self.groups {
            for t in &g.targets {
                out.insert(t.ma.as_str(), t);
                for p in &t.parts {
                    out.insert(p.ma.as_str(), p);
                }
            }
        }
        out
    }
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// a / b × 100, only where it means something (b > 0) and fits a decimal.
fn percent_of(a: Decimal, b: Decimal) -> Option<Decimal> {
    if b <= Decimal::ZERO {
        return None;
    }
    a.checked_mul(HUNDRED)?.checked_div(b)
}

/// TH / KH × 100, or why there is none.
fn percent_of_plan(th: Option<Decimal>, kh: Option<Decimal>) -> Result<Decimal, NoPlanPercent> {
    let th = th.ok_or(NoPlanPercent::NoFigure)?;
    let kh = kh.ok_or(NoPlanPercent::NotForShape)?;
    if kh.is_zero() {
        Err(NoPlanPercent::ZeroPlan)
    } else if kh.is_sign_negative() {
        Err(NoPlanPercent::NegativePlan)
    } else if th.is_sign_negative() && !th.is_zero() {
        Err(NoPlanPercent::NegativeFigure)
    } else {
        percent_of(th, kh).ok_or(NoPlanPercent::OutOfRange)
    }
}

fn split(r: Result<Decimal, NoPlanPercent>) -> (Option<Decimal>, Option<NoPlanPercent>) {
    match r {
        Ok(p) => (Some(p), None),
        Err(why) => (None, Some(why)),
    }
}

/// Whether a target's figures are percentages.
fn is_rate(shape: Shape, unit: &str) -> bool {
    shape == Shape::TyLe || unit.trim() == "%"
}

/// How a target words its change by default: a rate by the difference in
/// percentage points (a relative % of a % misleads), anything else by %.
fn comparison(t: &Target) -> Comparison {
    t.so_sanh_cung_ky.unwrap_or(if is_rate(t.dang, &t.dvt) {
        Comparison::TuyetDoi
    } else {
        Comparison::PhanTram
    })
}

/// Higher is better: above the target exceeds it, equal meets it.
fn judge_higher(actual: Decimal, target: Decimal) -> Verdict {
    match actual.cmp(&target) {
        std::cmp::Ordering::Greater => Verdict::Vuot,
        std::cmp::Ordering::Equal => Verdict::Dat,
        std::cmp::Ordering::Less => Verdict::ChuaDat,
    }
}

/// Lower is better.
fn judge_lower(actual: Decimal, target: Decimal) -> Verdict {
    match actual.cmp(&target) {
        std::cmp::Ordering::Less => Verdict::Vuot,
        std::cmp::Ordering::Equal => Verdict::Dat,
        std::cmp::Ordering::Greater => Verdict::ChuaDat,
    }
}

struct Ctx {
    /// The share of a year's cumulative plan due for the period's own figure.
    share: Share,
    /// The share due from 1 January to the period's end, for the lũy kế.
    share_to_date: Share,
    /// The period starts on 1 January: its figures are the year-to-date ones.
    from_new_year: bool,
}

impl Ctx {
    /// The figure a cumulative target is judged by, with the plan share due
    /// for it: the lũy kế when the data give one (a month is judged by the
    /// year so far), else the period's own figure.
    fn judged(&self, th: Option<Decimal>, to_date: Option<Decimal>, cumulative: bool) -> Judged {
        match to_date {
            Some(v) if cumulative => Judged {
                value: Some(v),
                share: self.share_to_date,
            },
            _ => Judged {
                value: th,
                share: self.share,
            },
        }
    }

    /// (lũy kế, lũy kế cùng kỳ) of a row: as given, else the period's own
    /// figures when the period starts on 1 January.
    fn to_date(&self, row: Option<&Row>) -> (Option<Decimal>, Option<Decimal>) {
        let Some(r) = row else { return (None, None) };
        if self.from_new_year {
            (r.luy_ke.or(r.thuc_hien), r.luy_ke_cung_ky.or(r.cung_ky))
        } else {
            (r.luy_ke, r.luy_ke_cung_ky)
        }
    }
}

struct Judged {
    value: Option<Decimal>,
    share: Share,
}

impl Judged {
    /// The plan due for the judged figure; None only if the product does not
    /// fit a decimal.
    fn due(&self, plan: Decimal, cumulative: bool) -> Option<Decimal> {
        if cumulative {
            self.share.of(plan)
        } else {
            Some(plan)
        }
    }
}

fn plan_text(t: &Target) -> String {
    let n = |d: Decimal| format_number(d, t.so_le.max(2));
    match t.dang {
        Shape::GiaTri | Shape::TyLe => t.ke_hoach.map(n).unwrap_or_default(),
        Shape::ToiThieu => t
            .ke_hoach
            .map(|k| format!("≥ {}", n(k)))
            .unwrap_or_default(),
        Shape::ToiDa => t
            .ke_hoach
            .map(|k| format!("≤ {}", n(k)))
            .unwrap_or_default(),
        Shape::Khoang => match (t.ke_hoach_tu, t.ke_hoach_den) {
            (Some(a), Some(b)) => format!("{} - {}", n(a), n(b)),
            _ => String::new(),
        },
        Shape::Giam => t
            .ke_hoach
            .map(|k| format!("giảm {}%", n(k)))
            .unwrap_or_default(),
        Shape::SoTrenTong => match (t.ke_hoach, t.tong) {
            (Some(k), Some(total)) => format!("{}/{}", n(k), n(total)),
            _ => String::new(),
        },
        // The sub-targets carry the numbers; the item has none of its own.
        Shape::NhieuSo => String::new(),
        Shape::DinhTinh => "Định tính".to_string(),
    }
}

fn changes(th: Option<Decimal>, ck: Option<Decimal>) -> (Option<Decimal>, Option<Decimal>) {
    match (th, ck) {
        (Some(th), Some(ck)) => {
            let diff = th.checked_sub(ck);
            // From a positive base to a negative value is no percentage
            // ("giảm 225%"): prose words it by the difference instead.
            let pct = if th.is_sign_negative() && !th.is_zero() {
                None
            } else {
                diff.and_then(|d| percent_of(d, ck))
            };
            (pct, diff)
        }
        _ => (None, None),
    }
}

fn evaluate_part(
    p: &Part,
    parent: &Target,
    figures: &Figures,
    ctx: &Ctx,
    judged: bool,
) -> Evaluated {
    let row = figures.rows.get(&p.ma).map(|(r, _)| r);
    let th = row.and_then(|r| r.thuc_hien);
    let ck = row.and_then(|r| r.cung_ky);
    let (pct_ck, diff_ck) = changes(th, ck);
    let (lk, lk_ck) = ctx.to_date(row);
    let (pct_lk_ck, diff_lk_ck) = changes(lk, lk_ck);
    let decimals = p.so_le.unwrap_or(parent.so_le);
    let basis = ctx.judged(th, lk, parent.luy_ke);
    let danh_gia = match (judged, basis.value, p.ke_hoach) {
        (true, Some(v), Some(kh)) => basis
            .due(kh, parent.luy_ke)
            .map_or(Verdict::ChuaDanhGia, |due| judge_higher(v, due)),
        _ => Verdict::ChuaDanhGia,
    };
    let dvt = if p.dvt.is_empty() {
        parent.dvt.to_string()
    } else {
        p.dvt.to_string()
    };
    let rate = is_rate(parent.dang, &dvt);
    let (phan_tram_ke_hoach, khong_tinh_ke_hoach) = split(percent_of_plan(th, p.ke_hoach));
    let (phan_tram_ke_hoach_luy_ke, khong_tinh_ke_hoach_luy_ke) =
        split(percent_of_plan(lk, p.ke_hoach));
    Evaluated {
        stt: None,
        ma: p.ma.clone(),
        ten: p.ten.to_string(),
        dvt,
        shape: Shape::GiaTri,
        decimals,
        plan_percent_decimals: parent.so_le_phan_tram.unwrap_or(PLAN_PERCENT_DECIMALS),
        change_percent_decimals: parent.so_le_phan_tram.unwrap_or(CHANGE_PERCENT_DECIMALS),
        comparison: parent.so_sanh_cung_ky.unwrap_or(if rate {
            Comparison::TuyetDoi
        } else {
            Comparison::PhanTram
        }),
        rate,
        component: !judged,
        plan_text: p
            .ke_hoach
            .map(|k| format_number(k, decimals.max(2)))
            .unwrap_or_default(),
        ke_hoach: p.ke_hoach,
        range: None,
        total: None,
        thuc_hien: th,
        cung_ky: ck,
        phan_tram_ke_hoach,
        khong_tinh_ke_hoach,
        phan_tram_cung_ky: pct_ck,
        chenh_lech_cung_ky: diff_ck,
        luy_ke: lk,
        luy_ke_cung_ky: lk_ck,
        phan_tram_ke_hoach_luy_ke,
        khong_tinh_ke_hoach_luy_ke,
        phan_tram_cung_ky_luy_ke: pct_lk_ck,
        chenh_lech_cung_ky_luy_ke: diff_lk_ck,
        danh_gia,
        ghi_chu: row.and_then(|r| r.ghi_chu.as_ref()).map(|t| t.to_string()),
        parts: Vec::new(),
    }
}

fn evaluate_target(t: &Target, figures: &Figures, ctx: &Ctx) -> Evaluated {
    let row = figures.rows.get(&t.ma).map(|(r, _)| r);
    let th = row.and_then(|r| r.thuc_hien);
    let ck = row.and_then(|r| r.cung_ky);
    let (pct_ck, diff_ck) = changes(th, ck);
    let (lk, lk_ck) = ctx.to_date(row);
    let (pct_lk_ck, diff_lk_ck) = changes(lk, lk_ck);
    let basis = ctx.judged(th, lk, t.luy_ke);
    let sub_targets: Vec<Evaluated> = t
        .muc_tieu
        .iter()
        .map(|p| evaluate_part(p, t, figures, ctx, true))
        .collect();
    let components: Vec<Evaluated> = t
        .thanh_phan
        .iter()
        .map(|p| evaluate_part(p, t, figures, ctx, false))
        .map(|mut p| {
            p.component = !t.trong_do;
            p
        })
        .collect();
    let given = row.and_then(|r| r.danh_gia).map(Verdict::from_given);
    let danh_gia = match t.dang {
        Shape::GiaTri | Shape::TyLe | Shape::ToiThieu | Shape::SoTrenTong => match (
            basis.value,
            t.ke_hoach.and_then(|kh| basis.due(kh, t.luy_ke)),
        ) {
            (Some(v), Some(due)) => judge_higher(v, due),
            _ => Verdict::ChuaDanhGia,
        },
        Shape::ToiDa => match (
            basis.value,
            t.ke_hoach.and_then(|kh| basis.due(kh, t.luy_ke)),
        ) {
            (Some(v), Some(due)) => judge_lower(v, due),
            _ => Verdict::ChuaDanhGia,
        },
        Shape::Khoang => match (
            basis.value,
            t.ke_hoach_tu.and_then(|a| basis.due(a, t.luy_ke)),
            t.ke_hoach_den.and_then(|b| basis.due(b, t.luy_ke)),
        ) {
            (Some(th), Some(a), Some(b)) => {
                if th < a {
                    Verdict::ChuaDat
                } else if th > b {
                    Verdict::Vuot
                } else {
                    Verdict::Dat
                }
            }
            _ => Verdict::ChuaDanhGia,
        },
        // "Giảm 5%": the reduction against the same period must reach the target.
        Shape::Giam => match (th, ck, t.ke_hoach) {
            (Some(th), Some(ck), Some(goal)) => {
                match ck.checked_sub(th).and_then(|fall| percent_of(fall, ck)) {
                    Some(reduction) => judge_higher(reduction, goal),
                    None => Verdict::ChuaDanhGia,
                }
            }
            _ => Verdict::ChuaDanhGia,
        },
        Shape::NhieuSo => {
            let verdicts: Vec<Verdict> = sub_targets.iter().map(|s| s.danh_gia).collect();
            if verdicts.is_empty() || verdicts.contains(&Verdict::ChuaDanhGia) {
                Verdict::ChuaDanhGia
            } else if verdicts.contains(&Verdict::ChuaDat) {
                Verdict::ChuaDat
            } else if verdicts.contains(&Verdict::Vuot) {
                Verdict::Vuot
            } else {
                Verdict::Dat
            }
        }
        Shape::DinhTinh => given.unwrap_or(Verdict::ChuaDanhGia),
    };
    let (phan_tram_ke_hoach, khong_tinh_ke_hoach) = split(match t.dang {
        Shape::GiaTri | Shape::TyLe | Shape::ToiThieu | Shape::SoTrenTong | Shape::ToiDa => {
            percent_of_plan(th, t.ke_hoach)
        }
        _ if th.is_none() => Err(NoPlanPercent::NoFigure),
        _ => Err(NoPlanPercent::NotForShape),
    });
    let (phan_tram_ke_hoach_luy_ke, khong_tinh_ke_hoach_luy_ke) = split(match t.dang {
        Shape::GiaTri | Shape::TyLe | Shape::ToiThieu | Shape::SoTrenTong | Shape::ToiDa => {
            percent_of_plan(lk, t.ke_hoach)
        }
        _ if lk.is_none() => Err(NoPlanPercent::NoFigure),
        _ => Err(NoPlanPercent::NotForShape),
    });
    let mut parts = components;
    parts.extend(sub_targets);
    Evaluated {
        stt: Some(t.stt),
        ma: t.ma.clone(),
        ten: t.ten.to_string(),
        dvt: t.dvt.to_string(),
        shape: t.dang,
        decimals: t.so_le,
        plan_percent_decimals: t.so_le_phan_tram.unwrap_or(PLAN_PERCENT_DECIMALS),
        change_percent_decimals: t.so_le_phan_tram.unwrap_or(CHANGE_PERCENT_DECIMALS),
        comparison: comparison(t),
        rate: is_rate(t.dang, &t.dvt),
        component: false,
        plan_text: plan_text(t),
        ke_hoach: t.ke_hoach,
        range: t.ke_hoach_tu.zip(t.ke_hoach_den),
        total: t.tong,
        thuc_hien: th,
        cung_ky: ck,
        phan_tram_ke_hoach,
        khong_tinh_ke_hoach,
        phan_tram_cung_ky: pct_ck,
        chenh_lech_cung_ky: diff_ck,
        luy_ke: lk,
        luy_ke_cung_ky: lk_ck,
        phan_tram_ke_hoach_luy_ke,
        khong_tinh_ke_hoach_luy_ke,
        phan_tram_cung_ky_luy_ke: pct_lk_ck,
        chenh_lech_cung_ky_luy_ke: diff_lk_ck,
        danh_gia,
        ghi_chu: row.and_then(|r| r.ghi_chu.as_ref()).map(|t| t.to_string()),
        parts,
    }
}

/// Evaluates every target of the catalogue against the period's figures.
pub fn evaluate(catalogue: &Catalogue, figures: &Figures, year: i32, period: Period) -> Evaluation {
    let ctx = Ctx {
        share: period.share(year),
        share_to_date: period.share_to_date(year),
        from_new_year: period.from_new_year(year),
    };
    let mut summary = Summary::default();
    let groups = catalogue
        .nhom
        .iter()
        .map(|g| {
            let targets: Vec<Evaluated> = g
                .chi_tieu
                .iter()
                .map(|t| evaluate_target(t, figures, &ctx))
                .collect();
            let mut s = Summary::default();
            for t in &targets {
                s.add(t);
                summary.add(t);
            }
            GroupResult {
                ten: g.ten.to_string(),
                targets,
                summary: s,
            }
        })
        .collect();
    Evaluation {
        year,
        period,
        groups,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{parse, Format};
    use std::path::Path;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn catalogue(body: &str) -> Catalogue {
        let text = format!("nam = 2026\n[[nhom]]\nten = \"Kinh tế\"\n{body}");
        let c: Catalogue = parse(Path::new("c.toml"), &text, Format::Toml).unwrap();
        c.validate().unwrap();
        c
    }

    fn figures(rows: &[(&str, Option<&str>, Option<&str>)]) -> Figures {
        let mut f = Figures::default();
        for (ma, th, ck) in rows {
            let row = Row {
                ma: ma.to_string(),
                thuc_hien: th.map(d),
                cung_ky: ck.map(d),
                ..Row::default()
            };
            f.rows
                .insert(ma.to_string(), (row, crate::parsing::DataPlace::default()));
        }
        f
    }

    fn one(body: &str, rows: &[(&str, Option<&str>, Option<&str>)], period: Period) -> Evaluated {
        let e = evaluate(&catalogue(body), &figures(rows), 2026, period);
        e.groups[0].targets[0].clone()
    }

    const GTSP: &str = "[[nhom.chi_tieu]]\nstt = 1\nma = \"gtsp\"\nten = \"GTSP\"\ndvt = \"triệu đồng\"\ndang = \"gia-tri\"\nke_hoach = 2659682\nluy_ke = true\n";

    #[test]
    fn percent_of_plan_and_change_against_the_same_period() {
        // Hand-computed: 2.528.008 / 2.394.000 = 105,598…%; (2.528.008 − 2.267.870) / 2.267.870 = 11,470…%.
        let body = GTSP.replace("2659682", "2394000");
        let e = one(
            &body,
            &[("gtsp", Some("2528008"), Some("2267870"))],
            Period::Year,
        );
        assert_eq!(format_number(e.phan_tram_ke_hoach.unwrap(), 1), "105,6");
        assert_eq!(format_number(e.phan_tram_cung_ky.unwrap(), 2), "11,47");
        assert_eq!(e.chenh_lech_cung_ky.unwrap(), d("260138"));
        assert_eq!(e.danh_gia, Verdict::Vuot);
    }

    #[test]
    fn a_cumulative_quarter_is_judged_against_a_quarter_of_the_plan() {
        // A quarter of 2.659.682 is 664.920,5.
        let e = one(GTSP, &[("gtsp", Some("664921"), None)], Period::Q1);
        assert_eq!(e.danh_gia, Verdict::Vuot);
        assert_eq!(format_number(e.phan_tram_ke_hoach.unwrap(), 2), "25");
        let e = one(GTSP, &[("gtsp", Some("664920"), None)], Period::Q1);
        assert_eq!(e.danh_gia, Verdict::ChuaDat);
        let e = one(
            &GTSP.replace("2659682", "2659680"),
            &[("gtsp", Some("664920"), None)],
            Period::Q1,
        );
        assert_eq!(e.danh_gia, Verdict::Dat);
    }

    #[test]
    fn missing_figures_and_zero_bases_give_no_value_and_no_verdict() {
        let e = one(GTSP, &[], Period::Q1);
        assert_eq!(e.danh_gia, Verdict::ChuaDanhGia);
        assert!(e.phan_tram_ke_hoach.is_none() && e.phan_tram_cung_ky.is_none());
        let e = one(GTSP, &[("gtsp", Some("10"), Some("0"))], Period::Q1);
        assert!(
            e.phan_tram_cung_ky.is_none(),
            "no percentage against a zero base"
        );
        assert_eq!(e.chenh_lech_cung_ky, Some(d("10")));
        let zero_plan = GTSP.replace("2659682", "0");
        let e = one(&zero_plan, &[("gtsp", Some("5"), None)], Period::Year);
        assert!(e.phan_tram_ke_hoach.is_none());
        let e = one(GTSP, &[("gtsp", Some("-5"), Some("-10"))], Period::Year);
        assert!(
            e.phan_tram_cung_ky.is_none(),
            "no percentage against a negative base"
        );
        assert_eq!(e.danh_gia, Verdict::ChuaDat);
    }

    #[test]
    fn lower_bounds_upper_bounds_and_ranges() {
        let at_least = "[[nhom.chi_tieu]]\nstt = 20\nma = \"hs\"\nten = \"Hồ sơ trực tuyến\"\ndvt = \"%\"\ndang = \"toi-thieu\"\nke_hoach = 80\n";
        assert_eq!(
            one(at_least, &[("hs", Some("80"), None)], Period::Q1).danh_gia,
            Verdict::Dat
        );
        assert_eq!(
            one(at_least, &[("hs", Some("79.9"), None)], Period::Q1).danh_gia,
            Verdict::ChuaDat
        );
        let at_most = at_least.replace("toi-thieu", "toi-da");
        assert_eq!(
            one(&at_most, &[("hs", Some("70"), None)], Period::Q1).danh_gia,
            Verdict::Vuot
        );
        assert_eq!(
            one(&at_most, &[("hs", Some("81"), None)], Period::Q1).danh_gia,
            Verdict::ChuaDat
        );
        let range = "[[nhom.chi_tieu]]\nstt = 8\nma = \"htx\"\nten = \"HTX mới\"\ndang = \"khoang\"\nke_hoach_tu = 2\nke_hoach_den = 3\n";
        assert_eq!(
            one(range, &[("htx", Some("1"), None)], Period::Year).danh_gia,
            Verdict::ChuaDat
        );
        assert_eq!(
            one(range, &[("htx", Some("2"), None)], Period::Year).danh_gia,
            Verdict::Dat
        );
        assert_eq!(
            one(range, &[("htx", Some("3"), None)], Period::Year).danh_gia,
            Verdict::Dat
        );
        assert_eq!(
            one(range, &[("htx", Some("4"), None)], Period::Year).danh_gia,
            Verdict::Vuot
        );
        assert_eq!(one(range, &[], Period::Year).plan_text, "2 - 3");
    }

    #[test]
    fn a_reduction_is_judged_against_the_same_period() {
        let crime = "[[nhom.chi_tieu]]\nstt = 24\nma = \"toi_pham\"\nten = \"Tội phạm\"\ndvt = \"vụ\"\ndang = \"giam\"\nke_hoach = 5\n";
        // 20 → 19 is a 5% reduction: met. 20 → 18: 10%, exceeded. 20 → 21: not met.
        assert_eq!(
            one(crime, &[("toi_pham", Some("19"), Some("20"))], Period::Q1).danh_gia,
            Verdict::Dat
        );
        assert_eq!(
            one(crime, &[("toi_pham", Some("18"), Some("20"))], Period::Q1).danh_gia,
            Verdict::Vuot
        );
        assert_eq!(
            one(crime, &[("toi_pham", Some("21"), Some("20"))], Period::Q1).danh_gia,
            Verdict::ChuaDat
        );
        assert_eq!(
            one(crime, &[("toi_pham", Some("19"), None)], Period::Q1).danh_gia,
            Verdict::ChuaDanhGia
        );
        assert_eq!(
            one(crime, &[("toi_pham", Some("0"), Some("0"))], Period::Q1).danh_gia,
            Verdict::ChuaDanhGia
        );
    }

    #[test]
    fn several_numbers_and_counts_and_qualitative_targets() {
        let ocop = "[[nhom.chi_tieu]]\nstt = 12\nma = \"ocop\"\nten = \"OCOP\"\ndang = \"nhieu-so\"\n[[nhom.chi_tieu.muc_tieu]]\nma = \"ocop_duy_tri\"\nten = \"Duy trì\"\nke_hoach = 11\n[[nhom.chi_tieu.muc_tieu]]\nma = \"ocop_3_sao\"\nten = \"Thêm 3 sao\"\nke_hoach = 1\n";
        let met = one(
            ocop,
            &[
                ("ocop_duy_tri", Some("11"), None),
                ("ocop_3_sao", Some("1"), None),
            ],
            Period::Year,
        );
        assert_eq!(met.danh_gia, Verdict::Dat);
        assert_eq!(met.parts.len(), 2);
        let partial = one(ocop, &[("ocop_duy_tri", Some("11"), None)], Period::Year);
        assert_eq!(partial.danh_gia, Verdict::ChuaDanhGia);
        let short = one(
            ocop,
            &[
                ("ocop_duy_tri", Some("10"), None),
                ("ocop_3_sao", Some("2"), None),
            ],
            Period::Year,
        );
        assert_eq!(short.danh_gia, Verdict::ChuaDat);
        let villages = "[[nhom.chi_tieu]]\nstt = 11\nma = \"thon\"\nten = \"Thôn kiểu mẫu\"\ndang = \"so-tren-tong\"\nke_hoach = 26\ntong = 31\nso_le = 0\n";
        let e = one(villages, &[("thon", Some("26"), None)], Period::Year);
        assert_eq!((e.danh_gia, e.plan_text.as_str()), (Verdict::Dat, "26/31"));
        let drugs = "[[nhom.chi_tieu]]\nstt = 26\nma = \"ma_tuy\"\nten = \"Ma túy\"\ndang = \"dinh-tinh\"\n";
        assert_eq!(
            one(drugs, &[("ma_tuy", Some("3"), None)], Period::Year).danh_gia,
            Verdict::ChuaDanhGia
        );
    }

    #[test]
    fn summary_counts_per_group_and_in_total() {
        let body = format!(
            "{GTSP}[[nhom.chi_tieu]]\nstt = 2\nma = \"thu\"\nten = \"Thu\"\ndang = \"gia-tri\"\nke_hoach = 100\n[[nhom]]\nten = \"Văn hóa\"\n[[nhom.chi_tieu]]\nstt = 3\nma = \"bhyt\"\nten = \"BHYT\"\ndang = \"ty-le\"\nke_hoach = 94\n"
        );
        let e = evaluate(
            &catalogue(&body),
            &figures(&[("gtsp", Some("3000000"), None), ("thu", Some("50"), None)]),
            2026,
            Period::Year,
        );
        assert_eq!(
            e.summary,
            Summary {
                tong: 3,
                da_danh_gia: 2,
                vuot: 1,
                dat: 0,
                dat_va_vuot: 1,
                chua_dat: 1,
                chua_danh_gia: 1,
                chua_danh_gia_stt: vec![3],
                chua_danh_gia_ten: vec!["BHYT".to_string()],
            }
        );
        assert_eq!(e.groups[0].summary.tong, 2);
        assert_eq!(e.groups[1].summary.chua_danh_gia, 1);
    }

    #[test]
    fn a_rate_compares_by_points_unless_told_otherwise() {
        let rate = "[[nhom.chi_tieu]]\nstt = 15\nma = \"ho_ngheo\"\nten = \"Tỷ lệ hộ nghèo\"\ndvt = \"%\"\ndang = \"ty-le\"\nke_hoach = 3\n";
        let e = one(
            rate,
            &[("ho_ngheo", Some("2.3"), Some("2.8"))],
            Period::Year,
        );
        assert!(e.rate);
        assert_eq!(e.comparison, Comparison::TuyetDoi);
        let told = format!("{rate}so_sanh_cung_ky = \"phan-tram\"\n");
        assert_eq!(
            one(&told, &[], Period::Year).comparison,
            Comparison::PhanTram
        );
        let value = one(GTSP, &[], Period::Year);
        assert!(!value.rate);
        assert_eq!(value.comparison, Comparison::PhanTram);
    }

    #[test]
    fn a_zero_or_negative_base_and_a_negative_result_say_why_there_is_no_percentage() {
        let zero_plan = GTSP.replace("2659682", "0");
        let e = one(&zero_plan, &[("gtsp", Some("5"), None)], Period::Year);
        assert_eq!(e.khong_tinh_ke_hoach, Some(NoPlanPercent::ZeroPlan));
        let e = one(GTSP, &[], Period::Year);
        assert_eq!(e.khong_tinh_ke_hoach, Some(NoPlanPercent::NoFigure));
        // "đạt -125% kế hoạch" and "giảm 225%" are not percentages offices write.
        let plan_100 = GTSP.replace("2659682", "100");
        let e = one(
            &plan_100,
            &[("gtsp", Some("-125"), Some("100"))],
            Period::Year,
        );
        assert_eq!(e.phan_tram_ke_hoach, None);
        assert_eq!(e.khong_tinh_ke_hoach, Some(NoPlanPercent::NegativeFigure));
        assert_eq!(e.phan_tram_cung_ky, None);
        assert_eq!(e.chenh_lech_cung_ky, Some(d("-225")));
        let range = "[[nhom.chi_tieu]]\nstt = 4\nma = \"giam_ngheo\"\nten = \"Tỷ lệ giảm hộ nghèo\"\ndvt = \"%\"\ndang = \"khoang\"\nke_hoach_tu = 0.3\nke_hoach_den = 0.5\n";
        let e = one(range, &[("giam_ngheo", Some("0.4"), None)], Period::Year);
        assert_eq!(e.khong_tinh_ke_hoach, Some(NoPlanPercent::NotForShape));
    }

    #[test]
    fn a_negative_plan_is_refused_except_for_a_range() {
        let text = "nam = 2026\n[[nhom]]\nten = \"Kinh tế\"\n[[nhom.chi_tieu]]\nstt = 1\nma = \"a\"\nten = \"A\"\ndang = \"gia-tri\"\nke_hoach = -5\n";
        let c: Catalogue = parse(Path::new("c.toml"), text, Format::Toml).unwrap();
        let err = c.validate().unwrap_err();
        assert!(
            matches!(
                &err,
                crate::problems::CatalogueProblem::NegativePlan { key, value, .. }
                    if *key == "ke_hoach" && value == "-5"
            ),
            "{err:?}"
        );
        let range = text.replace(
            "dang = \"gia-tri\"\nke_hoach = -5",
            "dang = \"khoang\"\nke_hoach_tu = -1\nke_hoach_den = 1",
        );
        let c: Catalogue = parse(Path::new("c.toml"), &range, Format::Toml).unwrap();
        c.validate().unwrap();
    }

    fn with_to_date(
        body: &str,
        row: (&str, &str, &str, Option<&str>, Option<&str>),
        period: Period,
    ) -> Evaluated {
        let (ma, th, ck, lk, lk_ck) = row;
        let mut f = figures(&[(ma, Some(th), Some(ck))]);
        let (r, _) = f.rows.get_mut(ma).unwrap();
        r.luy_ke = lk.map(d);
        r.luy_ke_cung_ky = lk_ck.map(d);
        let e = evaluate(&catalogue(body), &f, 2026, period);
        e.groups[0].targets[0].clone()
    }

    const REVENUE: &str = "[[nhom.chi_tieu]]\nstt = 1\nma = \"thu\"\nten = \"Thu ngân sách\"\ndvt = \"triệu đồng\"\ndang = \"gia-tri\"\nke_hoach = 2040\nluy_ke = true\n";

    /// A monthly report: the month's own figure and the year so far, each
    /// against the year's plan and against last year's.
    #[test]
    fn month_with_year_to_date_figures() {
        let e = with_to_date(
            REVENUE,
            ("thu", "320", "300", Some("650"), Some("600")),
            Period::Month(2),
        );
        assert_eq!(e.luy_ke, Some(d("650")));
        assert_eq!(
            e.phan_tram_ke_hoach_luy_ke.map(|p| p.round_dp(4)),
            Some(d("31.8627"))
        );
        assert_eq!(
            e.phan_tram_ke_hoach.map(|p| p.round_dp(4)),
            Some(d("15.6863"))
        );
        assert_eq!(
            e.phan_tram_cung_ky_luy_ke.map(|p| p.round_dp(4)),
            Some(d("8.3333"))
        );
        assert_eq!(e.chenh_lech_cung_ky_luy_ke, Some(d("50")));
        assert_eq!(e.chenh_lech_cung_ky, Some(d("20")));
        // Judged by the year so far against 2/12 of the plan (340): 650 exceeds it.
        assert_eq!(e.danh_gia, Verdict::Vuot);
        let behind = with_to_date(
            REVENUE,
            ("thu", "320", "300", Some("330"), None),
            Period::Month(2),
        );
        assert_eq!(behind.danh_gia, Verdict::ChuaDat);
        assert_eq!(behind.phan_tram_cung_ky_luy_ke, None);
        // Without a lũy kế the month is judged by itself against 1/12 (170).
        let alone = with_to_date(REVENUE, ("thu", "320", "300", None, None), Period::Month(2));
        assert_eq!(alone.danh_gia, Verdict::Vuot);
        assert_eq!(alone.luy_ke, None);
        assert_eq!(
            alone.khong_tinh_ke_hoach_luy_ke,
            Some(NoPlanPercent::NoFigure)
        );
        // January starts the year: its figure is the year so far.
        let january = with_to_date(REVENUE, ("thu", "170", "150", None, None), Period::Month(1));
        assert_eq!(january.luy_ke, Some(d("170")));
        assert_eq!(january.luy_ke_cung_ky, Some(d("150")));
        assert_eq!(january.danh_gia, Verdict::Dat);
        // A rate is not pro-rated: a month's rate is judged against the whole plan.
        let rate = "[[nhom.chi_tieu]]\nstt = 1\nma = \"bhyt\"\nten = \"BHYT\"\ndvt = \"%\"\ndang = \"ty-le\"\nke_hoach = 94\n";
        let e = with_to_date(
            rate,
            ("bhyt", "93", "92", Some("93"), None),
            Period::Month(2),
        );
        assert_eq!(e.danh_gia, Verdict::ChuaDat);
    }

    #[test]
    fn week_and_range_pro_rate_by_days() {
        // Week 7 of 2026 is 7 of 365 days: the plan due is 2040 × 7/365 ≈ 39,12.
        let e = with_to_date(REVENUE, ("thu", "40", "35", None, None), Period::Week(7));
        assert_eq!(e.danh_gia, Verdict::Vuot);
        let e = with_to_date(REVENUE, ("thu", "39", "35", None, None), Period::Week(7));
        assert_eq!(e.danh_gia, Verdict::ChuaDat);
        // Its lũy kế runs to 15 February, 46 days: 2040 × 46/365 ≈ 257,1.
        let e = with_to_date(
            REVENUE,
            ("thu", "39", "35", Some("258"), Some("240")),
            Period::Week(7),
        );
        assert_eq!(e.danh_gia, Verdict::Vuot);
        assert_eq!(e.chenh_lech_cung_ky_luy_ke, Some(d("18")));
        // A range from 1 January is its own lũy kế: 31 + 28 = 59 days, due ≈ 329,75.
        let range = Period::parse("01/01/2026..28/02/2026").unwrap();
        let e = with_to_date(REVENUE, ("thu", "330", "300", None, None), range);
        assert_eq!(e.luy_ke, Some(d("330")));
        assert_eq!(e.danh_gia, Verdict::Vuot);
        let e = with_to_date(REVENUE, ("thu", "329", "300", None, None), range);
        assert_eq!(e.danh_gia, Verdict::ChuaDat);
        assert_eq!(
            e.phan_tram_cung_ky.map(|p| p.round_dp(4)),
            Some(d("9.6667"))
        );
    }

    /// Every shape, period and cumulation over the extreme decimals: no
    /// arithmetic path may panic (rust_decimal panics on overflow with + − ×).
    #[test]
    fn extreme_figures_never_panic() {
        let extremes = [
            Decimal::MAX,
            Decimal::MIN,
            Decimal::ZERO,
            Decimal::ONE,
            Decimal::NEGATIVE_ONE,
            Decimal::new(1, 28),
            Decimal::new(-1, 28),
            Decimal::MAX / Decimal::TWO,
            Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, false, 28),
            d("79228162514264337593543950"),
        ];
        let values: Vec<String> = extremes.iter().map(|v| v.to_string()).collect();
        let shapes = [
            "dang = \"gia-tri\"\nke_hoach = PLAN",
            "dang = \"ty-le\"\nke_hoach = PLAN",
            "dang = \"toi-thieu\"\nke_hoach = PLAN",
            "dang = \"toi-da\"\nke_hoach = PLAN",
            "dang = \"giam\"\nke_hoach = PLAN",
            "dang = \"so-tren-tong\"\nke_hoach = PLAN\ntong = PLAN",
            "dang = \"khoang\"\nke_hoach_tu = PLAN\nke_hoach_den = PLAN",
            "dang = \"nhieu-so\"\n[[nhom.chi_tieu.muc_tieu]]\nma = \"p\"\nten = \"P\"\nke_hoach = PLAN",
        ];
        let periods = [
            Period::Q1,
            Period::SixMonths,
            Period::NineMonths,
            Period::Year,
            Period::Month(2),
            Period::Week(7),
        ];
        for shape in shapes {
            for luy_ke in [false, true] {
                for plan in &extremes {
                    // Built directly: the catalogue parser reads TOML numbers as i64/f64.
                    let body = format!(
                        "[[nhom.chi_tieu]]\nstt = 1\nma = \"x\"\nten = \"X\"\nluy_ke = {luy_ke}\n{}",
                        shape.replace("PLAN", "1")
                    );
                    let mut c = catalogue(&body);
                    let t = &mut c.nhom[0].chi_tieu[0];
                    for slot in [
                        &mut t.ke_hoach,
                        &mut t.ke_hoach_tu,
                        &mut t.ke_hoach_den,
                        &mut t.tong,
                    ] {
                        if slot.is_some() {
                            *slot = Some(*plan);
                        }
                    }
                    for p in &mut t.muc_tieu {
                        p.ke_hoach = Some(*plan);
                    }
                    for th in &values {
                        for ck in &values {
                            let mut f =
                                figures(&[("x", Some(th), Some(ck)), ("p", Some(th), Some(ck))]);
                            // The year-to-date figures take the other extremes.
                            for (row, _) in f.rows.values_mut() {
                                row.luy_ke = Some(d(ck));
                                row.luy_ke_cung_ky = Some(d(th));
                            }
                            for period in periods {
                                let e = evaluate(&c, &f, 2026, period);
                                let _ = super::super::table::rows(&e);
                            }
                        }
                    }
                }
            }
        }
    }
}
