use rust_decimal::{Decimal, RoundingStrategy};

use crate::parsing::ValueProblem;

/// A document number as the thể thức writes it: below 10 with a leading zero
/// ("07"), otherwise as is ("15", "127"). `None` is a draft: the e-office system
/// stamps the number at signing, so the space is left blank.
pub fn doc_number(n: Option<u32>) -> String {
    match n {
        Some(n) => format!("{n:02}"),
        // Three spaces keep room for the number to be written in.
        None => "\u{a0}\u{a0}\u{a0}".to_string(),
    }
}

/// Rounds half away from zero, as offices round by hand (2,675 → 2,68).
pub fn round(value: Decimal, decimals: u32) -> Decimal {
    value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero)
}

/// A number in Vietnamese notation: "." between thousands, "," before the
/// decimals (Luật Kế toán, Điều 12): 2.659.682; 55,87; 1.500.050,3.
/// At most `decimals` decimals, trailing zeros dropped (57,2 not 57,20).
pub fn format_number(value: Decimal, decimals: u32) -> String {
    let rounded = round(value, decimals).normalize();
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = rounded.abs().to_string();
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    let digits: Vec<char> = int_part.chars().collect();
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(*d);
    }
    if let Some(f) = frac_part {
        out.push(',');
        out.push_str(f);
    }
    out
}

/// A percentage, the sign attached: "105,6%".
pub fn format_percent(value: Decimal, decimals: u32) -> String {
    format!("{}%", format_number(value, decimals))
}

/// Reads a number as offices write it in sheets and CSV: plain ("642150",
/// "55.87") or Vietnamese ("2.659.682", "55,87", "1.500.050,3"). A lone group
/// like "19.655" could be either 19655 or 19,655, so it is refused rather than
/// guessed.
pub fn parse_number(text: &str) -> Result<Decimal, ValueProblem> {
    let misplaced = || ValueProblem::MisplacedSeparator {
        value: text.to_string(),
    };
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if t.is_empty() {
        return Err(ValueProblem::EmptyNumber);
    }
    let (sign, body) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t.as_str()),
    };
    let grouped = |s: &str| {
        let groups: Vec<&str> = s.split('.').collect();
        groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[0].chars().all(|c| c.is_ascii_digit())
            && groups[1..]
                .iter()
                .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
    };
    let plain = if let Some((int, frac)) = body.split_once(',') {
        // Vietnamese decimal comma; the integer part may be grouped with dots.
        let int = if int.contains('.') {
            if !grouped(int) {
                return Err(misplaced());
            }
            int.replace('.', "")
        } else {
            int.to_string()
        };
        format!("{int}.{frac}")
    } else if body.matches('.').count() > 1 {
        if !grouped(body) {
            return Err(misplaced());
        }
        body.replace('.', "")
    } else if grouped(body) && !body.starts_with('0') {
        return Err(ValueProblem::AmbiguousNumber {
            value: text.to_string(),
            whole: body.replace('.', ""),
            decimal: body.replace('.', ","),
        });
    } else {
        body.to_string()
    };
    let ok = !plain.is_empty()
        && plain.chars().all(|c| c.is_ascii_digit() || c == '.')
        && plain.matches('.').count() <= 1
        && !plain.starts_with('.')
        && !plain.ends_with('.');
    if !ok {
        return Err(ValueProblem::NotANumber {
            value: text.to_string(),
        });
    }
    format!("{sign}{plain}")
        .parse::<Decimal>()
        .map_err(|_| ValueProblem::TooLarge {
            value: text.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn numbers_below_ten_take_a_leading_zero() {
        assert_eq!(doc_number(Some(7)), "07");
        assert_eq!(doc_number(Some(10)), "10");
        assert_eq!(doc_number(Some(127)), "127");
        assert_eq!(doc_number(None).chars().count(), 3);
    }

    #[test]
    fn vietnamese_separators() {
        assert_eq!(format_number(d("2659682"), 0), "2.659.682");
        assert_eq!(format_number(d("55.87"), 2), "55,87");
        assert_eq!(format_number(d("1500050.30"), 2), "1.500.050,3");
        assert_eq!(format_number(d("57.20"), 2), "57,2");
        assert_eq!(format_number(d("999"), 0), "999");
        assert_eq!(format_number(d("1000"), 0), "1.000");
        assert_eq!(format_number(d("-5.744"), 2), "-5,74");
        assert_eq!(format_number(d("-0.001"), 2), "0");
        assert_eq!(format_percent(d("105.55"), 1), "105,6%");
        assert_eq!(format_percent(d("151"), 1), "151%");
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(format_number(d("2.675"), 2), "2,68");
        assert_eq!(format_number(d("-2.675"), 2), "-2,68");
        assert_eq!(format_number(d("0.5"), 0), "1");
        assert_eq!(format_number(d("1.45"), 1), "1,5");
    }

    #[test]
    fn parses_plain_and_vietnamese_notation_and_refuses_ambiguity() {
        assert_eq!(parse_number("642150").unwrap(), d("642150"));
        assert_eq!(parse_number("55.87").unwrap(), d("55.87"));
        assert_eq!(parse_number("55,87").unwrap(), d("55.87"));
        assert_eq!(parse_number("2.659.682").unwrap(), d("2659682"));
        assert_eq!(parse_number("1.500.050,3").unwrap(), d("1500050.3"));
        assert_eq!(parse_number("-5,74").unwrap(), d("-5.74"));
        assert_eq!(parse_number("0.125").unwrap(), d("0.125"));
        assert!(matches!(
            parse_number("19.655"),
            Err(ValueProblem::AmbiguousNumber { .. })
        ));
        assert!(parse_number("2,528,008").is_err());
        assert!(parse_number("12a").is_err());
        assert!(parse_number("").is_err());
        assert!(parse_number("1.2.3").is_err());
    }
}
