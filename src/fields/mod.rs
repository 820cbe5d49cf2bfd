//! The value types the fields of input files hold, shared by the document
//! model ([`crate::model`]) and the indicator data ([`crate::indicators`]):
//! text (NFC, trimmed, legacy encodings refused), the issue date and the
//! reporting period (kỳ báo cáo). Both sides use them; neither imports the other
//! for them.

mod date;
pub(crate) mod period;
mod text;

pub use date::IssueDate;
pub use period::{short_date, Period, Share, EXPECTED as PERIODS};
pub use text::{legacy_encoding, Lines, Text};
