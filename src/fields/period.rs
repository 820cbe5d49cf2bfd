//! Reporting periods (kỳ báo cáo): a quarter, the first six or nine months, the year.

use serde::{Deserialize, Serialize};

use crate::locale::roman;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum Period {
    #[serde(rename = "quy-1")]
    Q1,
    #[serde(rename = "quy-2")]
    Q2,
    #[serde(rename = "quy-3")]
    Q3,
    #[serde(rename = "quy-4")]
    Q4,
    #[serde(rename = "6-thang")]
    SixMonths,
    #[serde(rename = "9-thang")]
    NineMonths,
    #[serde(rename = "nam")]
    Year,
}

impl Period {
    /// Months the figures cover: what a cumulative plan is pro-rated by.
    pub fn months(self) -> u32 {
        match self {
            Period::Q1 | Period::Q2 | Period::Q3 | Period::Q4 => 3,
            Period::SixMonths => 6,
            Period::NineMonths => 9,
            Period::Year => 12,
        }
    }

    /// The month in which the period ends.
    pub fn last_month(self) -> u32 {
        match self {
            Period::Q1 => 3,
            Period::Q2 | Period::SixMonths => 6,
            Period::Q3 | Period::NineMonths => 9,
            Period::Q4 | Period::Year => 12,
        }
    }

    /// "quý I năm 2026", "6 tháng đầu năm 2026", "9 tháng năm 2026", "năm 2026".
    pub fn long_name(self, year: i32) -> String {
        match self {
            Period::Q1 | Period::Q2 | Period::Q3 | Period::Q4 => {
                format!("quý {} năm {year}", roman(self.quarter()))
            }
            Period::SixMonths => format!("6 tháng đầu năm {year}"),
            Period::NineMonths => format!("9 tháng năm {year}"),
            Period::Year => format!("năm {year}"),
        }
    }

    /// "quý I/2026", "6 tháng/2026", "9 tháng/2026", "năm 2026".
    pub fn short_name(self, year: i32) -> String {
        match self {
            Period::Q1 | Period::Q2 | Period::Q3 | Period::Q4 => {
                format!("quý {}/{year}", roman(self.quarter()))
            }
            Period::SixMonths => format!("6 tháng/{year}"),
            Period::NineMonths => format!("9 tháng/{year}"),
            Period::Year => format!("năm {year}"),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_names() {
        assert_eq!(Period::Q1.long_name(2026), "quý I năm 2026");
        assert_eq!(Period::Q1.short_name(2026), "quý I/2026");
        assert_eq!(Period::SixMonths.long_name(2026), "6 tháng đầu năm 2026");
        assert_eq!(Period::NineMonths.long_name(2026), "9 tháng năm 2026");
        assert_eq!(Period::Year.long_name(2026), "năm 2026");
        assert_eq!(Period::Q4.months(), 3);
        assert_eq!(Period::SixMonths.last_month(), 6);
    }
}
