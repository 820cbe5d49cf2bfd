//! Reporting periods (kỳ báo cáo): a month, a week, a quarter, the first six or
//! nine months, the year, or any range of days inside one year.
//!
//! A period knows two shares of the year: its own ([`Period::share`]), which a
//! cumulative plan is pro-rated by for the period's figure, and the share from
//! 1 January to its end ([`Period::share_to_date`]), which the year-to-date
//! figure (lũy kế) is judged against.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::locale::roman;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Q1,
    Q2,
    Q3,
    Q4,
    SixMonths,
    NineMonths,
    Year,
    /// A calendar month, 1 to 12 (`thang-2`).
    Month(u32),
    /// An ISO week (Monday to Sunday), 1 to 53 (`tuan-7`); the days of a
    /// week that fall in another year are not counted in this one.
    Week(u32),
    /// From one day to another, both included, inside one year.
    Range(NaiveDate, NaiveDate),
}

/// What a period is written as, for messages.
pub const EXPECTED: &str = "quy-1…quy-4, 6-thang, 9-thang, nam, thang-1…thang-12, tuan-1…tuan-53 or a range of days \"01/02/2026..15/02/2026\"";

fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn days_in_year(year: i32) -> i64 {
    (date(year + 1, 1, 1) - date(year, 1, 1)).num_days()
}

/// "15/01/2026", "05/7/2025": the short date of Vietnamese text, with the
/// same leading zeros as the date line (days below 10, January and February).
pub fn short_date(d: NaiveDate) -> String {
    format!("{:02}/{}/{}", d.day(), month_number(d.month()), d.year())
}

/// "02", "3": the month as dates write it (January and February padded).
fn month_number(m: u32) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

impl Period {
    /// Reads `quy-1`, `thang-2`, `tuan-7`, `01/02/2026..15/02/2026` (ISO dates
    /// also), …; `None` for anything else, including a month 13 or a range
    /// that ends before it starts or crosses a year.
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim();
        let fixed = match s {
            "quy-1" => Some(Period::Q1),
            "quy-2" => Some(Period::Q2),
            "quy-3" => Some(Period::Q3),
            "quy-4" => Some(Period::Q4),
            "6-thang" => Some(Period::SixMonths),
            "9-thang" => Some(Period::NineMonths),
            "nam" => Some(Period::Year),
            _ => None,
        };
        if fixed.is_some() {
            return fixed;
        }
        let number = |rest: &str| rest.parse::<u32>().ok();
        if let Some(m) = s.strip_prefix("thang-").and_then(number) {
            return (1..=12).contains(&m).then_some(Period::Month(m));
        }
        if let Some(w) = s.strip_prefix("tuan-").and_then(number) {
            return (1..=53).contains(&w).then_some(Period::Week(w));
        }
        let (a, b) = s.split_once("..")?;
        let a = crate::model::IssueDate::parse(a)?.0;
        let b = crate::model::IssueDate::parse(b)?.0;
        (a <= b && a.year() == b.year()).then_some(Period::Range(a, b))
    }

    /// The year a range lies in; other periods take the report's year.
    pub fn own_year(self) -> Option<i32> {
        match self {
            Period::Range(a, _) => Some(a.year()),
            _ => None,
        }
    }

    /// Whether week `tuan-N` exists in `year` (53 only in long ISO years).
    pub fn exists_in(self, year: i32) -> bool {
        match self {
            Period::Week(w) => NaiveDate::from_isoywd_opt(year, w, Weekday::Mon).is_some(),
            Period::Range(a, _) => a.year() == year,
            _ => true,
        }
    }

    /// The first day the figures cover, inside `year`.
    pub fn start(self, year: i32) -> NaiveDate {
        match self {
            Period::Q1 | Period::SixMonths | Period::NineMonths | Period::Year => date(year, 1, 1),
            Period::Q2 => date(year, 4, 1),
            Period::Q3 => date(year, 7, 1),
            Period::Q4 => date(year, 10, 1),
            Period::Month(m) => date(year, m, 1),
            Period::Week(w) => NaiveDate::from_isoywd_opt(year, w, Weekday::Mon)
                .unwrap_or(NaiveDate::MIN)
                .max(date(year, 1, 1)),
            Period::Range(a, _) => a,
        }
    }

    /// The last day the figures cover, inside `year`.
    pub fn end(self, year: i32) -> NaiveDate {
        let month_end = |m: u32| {
            if m == 12 {
                date(year, 12, 31)
            } else {
                date(year, m + 1, 1) - Days::new(1)
            }
        };
        match self {
            Period::Q1 => month_end(3),
            Period::Q2 | Period::SixMonths => month_end(6),
            Period::Q3 | Period::NineMonths => month_end(9),
            Period::Q4 | Period::Year => month_end(12),
            Period::Month(m) => month_end(m),
            Period::Week(w) => NaiveDate::from_isoywd_opt(year, w, Weekday::Sun)
                .unwrap_or(NaiveDate::MIN)
                .min(date(year, 12, 31)),
            Period::Range(_, b) => b,
        }
    }

    /// Whether the period starts on 1 January: its own figure is then the
    /// year-to-date figure too.
    pub fn from_new_year(self, year: i32) -> bool {
        self.start(year) == date(year, 1, 1)
    }

    /// The share of the year the period covers, what a cumulative plan is
    /// pro-rated by for the period's own figure: months by twelfths (as
    /// offices count), a week or a range by days.
    pub fn share(self, year: i32) -> Share {
        match self {
            Period::Q1 | Period::Q2 | Period::Q3 | Period::Q4 => twelfths(3),
            Period::SixMonths => twelfths(6),
            Period::NineMonths => twelfths(9),
            Period::Year => twelfths(12),
            Period::Month(_) => twelfths(1),
            Period::Week(_) | Period::Range(..) => Share {
                part: (self.end(year) - self.start(year)).num_days() + 1,
                whole: days_in_year(year),
            },
        }
    }

    /// The share of the year from 1 January to the period's end: what the
    /// year-to-date figure (lũy kế) is judged against.
    pub fn share_to_date(self, year: i32) -> Share {
        match self {
            Period::Week(_) | Period::Range(..) => Share {
                part: (self.end(year) - date(year, 1, 1)).num_days() + 1,
                whole: days_in_year(year),
            },
            _ => twelfths(self.end(year).month()),
        }
    }

    /// "quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "năm 2026",
    /// "tháng 02 năm 2026", "tuần 7 năm 2026", "từ ngày 15/01/2026 đến ngày 14/02/2026".
    pub fn long_name(self, year: i32) -> String {
        match self {
            Period::Q1 | Period::Q2 | Period::Q3 | Period::Q4 => {
                format!("quý {} năm {year}", roman(self.quarter()))
            }
            Period::SixMonths => format!("6 tháng đầu năm {year}"),
            Period::NineMonths => format!("9 tháng năm {year}"),
            Period::Year => format!("năm {year}"),
            Period::Month(m) => format!("tháng {} năm {year}", month_number(m)),
            Period::Week(w) => format!("tuần {w} năm {year}"),
            Period::Range(a, b) => {
                format!("từ ngày {} đến ngày {}", short_date(a), short_date(b))
            }
        }
    }

    /// "quý I/2026", "6 tháng/2026", "9 tháng/2026", "năm 2026", "tháng 02/2026",
    /// "tuần 7/2026", "15/01 - 14/02/2026".
    pub fn short_name(self, year: i32) -> String {
        match self {
            Period::Q1 | Period::Q2 | Period::Q3 | Period::Q4 => {
                format!("quý {}/{year}", roman(self.quarter()))
            }
            Period::SixMonths => format!("6 tháng/{year}"),
            Period::NineMonths => format!("9 tháng/{year}"),
            Period::Year => format!("năm {year}"),
            Period::Month(m) => format!("tháng {}/{year}", month_number(m)),
            Period::Week(w) => format!("tuần {w}/{year}"),
            Period::Range(a, b) => format!(
                "{:02}/{} - {}",
                a.day(),
                month_number(a.month()),
                short_date(b)
            ),
        }
    }

    /// The period after this one, as the "nhiệm vụ trọng tâm tháng 3" part of a
    /// report names it: the next month, week or quarter; after 6 or 9 months
    /// the rest of the year ("6 tháng cuối năm"); after a range, none.
    pub fn next_name(self, year: i32, short: bool) -> Option<String> {
        let name = |p: Period, y: i32| {
            if short {
                p.short_name(y)
            } else {
                p.long_name(y)
            }
        };
        Some(match self {
            Period::Q1 => name(Period::Q2, year),
            Period::Q2 => name(Period::Q3, year),
            Period::Q3 => name(Period::Q4, year),
            Period::Q4 | Period::Year => name(Period::Year, year + 1),
            Period::SixMonths if short => format!("6 tháng cuối năm/{year}"),
            Period::SixMonths => format!("6 tháng cuối năm {year}"),
            Period::NineMonths => name(Period::Q4, year),
            Period::Month(12) => name(Period::Month(1), year + 1),
            Period::Month(m) => name(Period::Month(m + 1), year),
            Period::Week(w) => {
                let next = self.end(year) + Days::new(1);
                let iso = next.iso_week();
                if iso.year() == year {
                    name(Period::Week(iso.week()), year)
                } else if w >= 52 {
                    name(Period::Week(iso.week()), iso.year())
                } else {
                    return None;
                }
            }
            Period::Range(..) => return None,
        })
    }

    fn quarter(self) -> u32 {
        match self {
            Period::Q1 => 1,
            Period::Q2 => 2,
            Period::Q3 => 3,
            _ => 4,
        }
    }
}

/// A share of the year as a fraction, so a plan is pro-rated as plan × part
/// / whole: 2.040 × 1/12 is exactly 170, where 2.040 × 0,0833… is not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share {
    pub part: i64,
    pub whole: i64,
}

impl Share {
    /// `plan` × part / whole; None only if it does not fit a decimal.
    pub fn of(self, plan: Decimal) -> Option<Decimal> {
        plan.checked_mul(Decimal::from(self.part))?
            .checked_div(Decimal::from(self.whole))
    }
}

fn twelfths(n: u32) -> Share {
    Share {
        part: i64::from(n),
        whole: 12,
    }
}

impl fmt::Display for Period {
    /// As a document or figures file writes it (`thang-2`).
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Period::Q1 => f.write_str("quy-1"),
            Period::Q2 => f.write_str("quy-2"),
            Period::Q3 => f.write_str("quy-3"),
            Period::Q4 => f.write_str("quy-4"),
            Period::SixMonths => f.write_str("6-thang"),
            Period::NineMonths => f.write_str("9-thang"),
            Period::Year => f.write_str("nam"),
            Period::Month(m) => write!(f, "thang-{m}"),
            Period::Week(w) => write!(f, "tuan-{w}"),
            Period::Range(a, b) => write!(f, "{}..{}", a.format("%d/%m/%Y"), b.format("%d/%m/%Y")),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl schemars::JsonSchema for Period {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        crate::model::schema::string(&format!("A reporting period: {EXPECTED}"))
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Period;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                crate::parsing::Described::Period.write(f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Period, E> {
                Period::parse(v).ok_or_else(|| {
                    crate::parsing::ValueProblem::NotAPeriod {
                        value: v.to_string(),
                    }
                    .raise()
                })
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn sh(part: i64, whole: i64) -> Share {
        Share { part, whole }
    }

    #[test]
    fn period_names() {
        assert_eq!(Period::Q1.long_name(2026), "quý I năm 2026");
        assert_eq!(Period::Q1.short_name(2026), "quý I/2026");
        assert_eq!(Period::SixMonths.long_name(2026), "6 tháng đầu năm 2026");
        assert_eq!(Period::NineMonths.long_name(2026), "9 tháng năm 2026");
        assert_eq!(Period::Year.long_name(2026), "năm 2026");
        assert_eq!(Period::Q4.share(2026), sh(3, 12));
        assert_eq!(Period::SixMonths.end(2026).month(), 6);
    }

    #[test]
    fn months_weeks_and_ranges_are_named_as_reports_write_them() {
        assert_eq!(Period::Month(2).long_name(2026), "tháng 02 năm 2026");
        assert_eq!(Period::Month(2).short_name(2026), "tháng 02/2026");
        assert_eq!(Period::Month(3).short_name(2026), "tháng 3/2026");
        assert_eq!(
            Period::Month(2).next_name(2026, false).unwrap(),
            "tháng 3 năm 2026"
        );
        assert_eq!(
            Period::Month(12).next_name(2026, true).unwrap(),
            "tháng 01/2027"
        );
        assert_eq!(Period::Week(7).long_name(2026), "tuần 7 năm 2026");
        assert_eq!(Period::Week(7).short_name(2026), "tuần 7/2026");
        let range = Period::parse("15/01/2026..14/02/2026").unwrap();
        assert_eq!(
            range.long_name(2026),
            "từ ngày 15/01/2026 đến ngày 14/02/2026"
        );
        assert_eq!(range.short_name(2026), "15/01 - 14/02/2026");
        assert_eq!(range.next_name(2026, false), None);
        assert_eq!(Period::parse("2026-01-15..2026-02-14"), Some(range));
        assert_eq!(Period::parse("thang-02"), Some(Period::Month(2)));
        for bad in [
            "thang-13",
            "thang-0",
            "tuan-54",
            "14/02/2026..15/01/2026",
            "15/12/2025..14/01/2026",
            "thang",
        ] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
        // Written back as it is read.
        for p in ["thang-2", "tuan-7", "15/01/2026..14/02/2026", "quy-3"] {
            assert_eq!(Period::parse(p).unwrap().to_string(), p);
        }
    }

    #[test]
    fn shares_of_the_year_for_pro_rating() {
        // A month is a twelfth; February's year-to-date is two twelfths.
        assert_eq!(Period::Month(2).share(2026), sh(1, 12));
        assert_eq!(Period::Month(2).share_to_date(2026), sh(2, 12));
        assert_eq!(sh(1, 12).of(d("2040")), Some(d("170")));
        assert!(!Period::Month(2).from_new_year(2026));
        assert!(Period::Month(1).from_new_year(2026));
        // ISO week 7 of 2026: Monday 9 to Sunday 15 February.
        let w = Period::Week(7);
        assert_eq!(w.start(2026), date(2026, 2, 9));
        assert_eq!(w.end(2026), date(2026, 2, 15));
        assert_eq!(w.share(2026), sh(7, 365));
        assert_eq!(w.share_to_date(2026), sh(46, 365));
        // Week 1 of 2026 starts on 29 December 2025: only its days in 2026 count.
        assert_eq!(Period::Week(1).start(2026), date(2026, 1, 1));
        assert_eq!(Period::Week(1).share(2026), sh(4, 365));
        assert!(Period::Week(53).exists_in(2026));
        assert!(!Period::Week(53).exists_in(2027));
        // A range counts its days, both ends included; 2028 is a leap year.
        let r = Period::parse("01/02/2028..29/02/2028").unwrap();
        assert_eq!(r.share(2028), sh(29, 366));
        assert_eq!(r.share_to_date(2028), sh(60, 366));
        // The fixed periods keep their twelfths.
        assert_eq!(Period::Q2.share(2026), sh(3, 12));
        assert_eq!(Period::Q2.share_to_date(2026), sh(6, 12));
        assert_eq!(Period::NineMonths.share(2026), sh(9, 12));
    }
}
