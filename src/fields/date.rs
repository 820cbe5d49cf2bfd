use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use crate::limits;
use crate::parsing::{Described, ValueProblem};

/// The issue date. Written `"2025-12-30"`, `"30/12/2025"` or as a TOML date
/// (`2025-12-30` without quotes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IssueDate(pub NaiveDate);

impl IssueDate {
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
            .ok()
            .map(IssueDate)
    }

    /// `parse`, then refuses a year outside [`limits::ISSUE_YEARS`]: a
    /// negative or five-digit year is a typing error, and Typst cannot date
    /// a PDF before year 1.
    pub fn parse_issue(s: &str) -> Result<Self, ValueProblem> {
        let value = s.trim().to_string();
        let Some(date) = Self::parse(s) else {
            return Err(ValueProblem::NotADate { value });
        };
        let year = date.0.year();
        if limits::ISSUE_YEARS.contains(&year) {
            Ok(date)
        } else {
            Err(ValueProblem::DateYear {
                value,
                year,
                first: *limits::ISSUE_YEARS.start(),
                last: *limits::ISSUE_YEARS.end(),
            })
        }
    }
}

impl Serialize for IssueDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0.format("%Y-%m-%d").to_string())
    }
}

impl schemars::JsonSchema for IssueDate {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "IssueDate".into()
    }
    // A TOML date without quotes reaches a JSON Schema validator as a string.
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        crate::model::schema::string(&format!("The issue date: {}", Described::Date.english()))
    }
}

impl<'de> Deserialize<'de> for IssueDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = IssueDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                Described::Date.write(f)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<IssueDate, E> {
                IssueDate::parse_issue(v).map_err(ValueProblem::raise)
            }
            // A bare TOML date arrives as a one-entry map holding its text.
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<IssueDate, A::Error> {
                let Some((_, text)) = map.next_entry::<String, String>()? else {
                    return Err(ValueProblem::NotADate {
                        value: String::new(),
                    }
                    .raise());
                };
                IssueDate::parse_issue(&text).map_err(ValueProblem::raise)
            }
        }
        d.deserialize_any(V)
    }
}
