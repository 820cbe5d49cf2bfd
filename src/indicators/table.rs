//! The indicator table (bảng chỉ tiêu) of a report's appendix: every cell
//! formatted here, so the table and the prose quote the same computed values.

use serde::Serialize;

use super::derive::{Evaluated, Evaluation};
use crate::locale::{format_number, format_percent, roman, upper_vi};

/// Column headings, in order.
pub const COLUMNS: [&str; 9] = [
    "TT",
    "Chỉ tiêu",
    "ĐVT",
    "KH năm",
    "TH kỳ",
    "% so KH",
    "Cùng kỳ",
    "% so CK",
    "Đánh giá",
];

#[derive(Debug, Clone, Serialize)]
pub struct TableRow {
    /// "nhom" (a field heading), "chi-tieu" (a target) or "thanh-phan" (a component or sub-target).
    pub kind: &'static str,
    pub cells: Vec<String>,
}

fn num(d: Option<rust_decimal::Decimal>, decimals: u32) -> String {
    d.map(|d| format_number(d, decimals)).unwrap_or_default()
}

fn pct(d: Option<rust_decimal::Decimal>, decimals: u32) -> String {
    d.map(|d| format_percent(d, decimals)).unwrap_or_default()
}

fn row(kind: &'static str, tt: String, name: String, e: &Evaluated, verdict: bool) -> TableRow {
    // "% so CK" in a table is TH as a share of CK (111,47%), the prose's change plus 100.
    let vs_last_year = e
        .phan_tram_cung_ky
        .and_then(|p| p.checked_add(rust_decimal::Decimal::ONE_HUNDRED));
    TableRow {
        kind,
        cells: vec![
            tt,
            name,
            e.dvt.clone(),
            e.plan_text.clone(),
            num(e.thuc_hien, e.decimals),
            pct(e.phan_tram_ke_hoach, e.plan_percent_decimals),
            num(e.cung_ky, e.decimals),
            pct(vs_last_year, e.change_percent_decimals),
            if verdict {
                e.danh_gia.label().to_string()
            } else {
                String::new()
            },
        ],
    }
}

pub fn rows(eval: &Evaluation) -> Vec<TableRow> {
    let mut out = Vec::new();
    for (g, group) in eval.groups.iter().enumerate() {
        let mut cells = vec![String::new(); COLUMNS.len()];
        cells[0] = roman(g as u32 + 1);
        cells[1] = upper_vi(&group.ten);
        out.push(TableRow {
            kind: "nhom",
            cells,
        });
        for t in &group.targets {
            let tt = t.stt.map(|n| n.to_string()).unwrap_or_default();
            out.push(row("chi-tieu", tt, t.ten.clone(), t, true));
            for p in &t.parts {
                // Sub-targets are judged; components only add up to their target.
                let judged = t.shape == super::Shape::NhieuSo;
                out.push(row(
                    "thanh-phan",
                    String::new(),
                    format!("- {}", p.ten),
                    p,
                    judged,
                ));
            }
        }
    }
    out
}
