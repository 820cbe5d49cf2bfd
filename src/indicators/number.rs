//! Numbers in data files: TOML integers and floats, or text in plain or
//! Vietnamese notation, all read into exact decimals.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};

use crate::locale::parse_number;
use crate::parsing::ValueProblem;

/// Reads a float through its shortest decimal form, so 57.2 is 57.2 and not
/// 57.2000000000000028421709.
pub fn from_f64(v: f64) -> Option<Decimal> {
    if !v.is_finite() {
        return None;
    }
    format!("{v}").parse::<Decimal>().ok().or_else(|| {
        // Exponent notation for very large or small values.
        Decimal::from_scientific(&format!("{v:e}")).ok()
    })
}

/// The largest magnitude a figure may have: 10^15, a million times the
/// largest figure a commune reports (2.659.682 triệu đồng). Bounding figures
/// where they are read keeps every derived value (TH × 100, TH − CK, a plan
/// pro-rated by months) far inside what a decimal holds.
pub const MAX_MAGNITUDE: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);

/// `value`, or why it is refused: beyond ±[`MAX_MAGNITUDE`].
pub fn bounded(value: Decimal) -> Result<Decimal, ValueProblem> {
    if value.abs() > MAX_MAGNITUDE {
        Err(ValueProblem::TooLarge {
            value: value.to_string(),
        })
    } else {
        Ok(value)
    }
}

struct NumberVisitor;

impl Visitor<'_> for NumberVisitor {
    type Value = Decimal;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        crate::parsing::Described::Figure.write(f)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        bounded(Decimal::from(v)).map_err(ValueProblem::raise)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        bounded(Decimal::from(v)).map_err(ValueProblem::raise)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        if v.is_finite() && v.abs() > 1e15 {
            return Err(ValueProblem::TooLarge {
                value: format!("{v:e}"),
            }
            .raise());
        }
        from_f64(v)
            .ok_or_else(|| ValueProblem::NotANumber {
                value: v.to_string(),
            })
            .and_then(bounded)
            .map_err(ValueProblem::raise)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_number(v)
            .and_then(bounded)
            .map_err(ValueProblem::raise)
    }
}

pub fn required<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(NumberVisitor)
}

pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    required(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bound_is_ten_to_the_fifteenth() {
        assert_eq!(MAX_MAGNITUDE, Decimal::from(1_000_000_000_000_000i64));
        assert!(bounded(MAX_MAGNITUDE).is_ok() && bounded(-MAX_MAGNITUDE).is_ok());
        let over = MAX_MAGNITUDE + Decimal::new(1, 2);
        assert!(matches!(bounded(over), Err(ValueProblem::TooLarge { .. })));
        assert!(bounded(-over).is_err());
    }
}
