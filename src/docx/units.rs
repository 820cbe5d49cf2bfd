//! Lengths of the profile in Word's units: twips (1/20 pt) for page and
//! paragraph geometry, half-points for font sizes, eighths of a point for
//! borders.

use crate::profile::Length;

/// A4 in twips (210 × 297 mm), the paper of both thể thức.
pub const A4_WIDTH: i32 = 11906;
pub const A4_HEIGHT: i32 = 16838;

/// `l` in points; `em` lengths are relative to `size` (points).
pub fn pt_at(l: &Length, size: f64) -> f64 {
    let s = l.as_str();
    let unit_at = s.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(s.len());
    let (num, unit) = s.split_at(unit_at);
    // The profile checked the number when it was read.
    let v: f64 = num.parse().unwrap_or(0.0);
    match unit {
        "mm" => v * 72.0 / 25.4,
        "cm" => v * 72.0 / 2.54,
        "in" => v * 72.0,
        "em" => v * size,
        _ => v,
    }
}

/// `l` in points (absolute lengths).
pub fn pt(l: &Length) -> f64 {
    pt_at(l, 0.0)
}

pub fn twips(points: f64) -> i32 {
    (points * 20.0).round() as i32
}

pub fn half_points(points: f64) -> usize {
    (points * 2.0).round().max(1.0) as usize
}

/// A border's width in eighths of a point, at least Word's thinnest (2).
pub fn eighths(points: f64) -> usize {
    ((points * 8.0).round() as usize).max(2)
}

/// Column widths in twips from widths as the templates write them ("12mm",
/// "1fr", "auto"): fixed widths first, the rest shared by the fractions.
pub fn columns(widths: &[String], total: i32) -> Vec<usize> {
    let parsed: Vec<(f64, bool)> = widths
        .iter()
        .map(|w| {
            let w = w.trim();
            if let Some(fr) = w.strip_suffix("fr") {
                (fr.parse().unwrap_or(1.0), true)
            } else if w == "auto" {
                (1.0, true)
            } else {
                let l = Length::parse(w);
                (l.map(|l| twips(pt(&l)) as f64).unwrap_or(0.0), false)
            }
        })
        .collect();
    let fixed: f64 = parsed.iter().filter(|p| !p.1).map(|p| p.0).sum();
    let shares: f64 = parsed.iter().filter(|p| p.1).map(|p| p.0).sum();
    let rest = (total as f64 - fixed).max(0.0);
    parsed
        .iter()
        .map(|&(v, fr)| {
            let w = if fr && shares > 0.0 {
                rest * v / shares
            } else {
                v
            };
            w.round().max(1.0) as usize
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_share_what_the_fixed_columns_leave() {
        let w = columns(&["10mm".into(), "1fr".into(), "3fr".into()], 9355);
        assert_eq!(w[0], 567);
        assert_eq!(w[1] + w[2], 9355 - 567);
        assert!((w[2] as f64 / w[1] as f64 - 3.0).abs() < 0.01);
    }
}
