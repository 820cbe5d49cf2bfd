//! Numbers in data files: TOML integers and floats, or text in plain or
//! Vietnamese notation, all read into exact decimals.

use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};

use crate::locale::parse_number;

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

struct NumberVisitor;

impl Visitor<'_> for NumberVisitor {
    type Value = Decimal;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number (642150, 55.87, or \"2.659.682\", \"55,87\")")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        from_f64(v).ok_or_else(|| E::custom(format!("{v} is not a usable number")))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_number(v).map_err(E::custom)
    }
}

pub fn required<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
    d.deserialize_any(NumberVisitor)
}

pub fn optional<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    required(d).map(Some)
}
