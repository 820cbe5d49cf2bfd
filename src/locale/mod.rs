//! Vietnamese formatting: everything a template prints is formatted here, once,
//! so that no template (and no clerk) formats a date, a number or a case by hand.

mod case;
mod date;
mod number;
mod roman;
mod words;

pub use case::{sentence_vi, upper_vi};
pub use date::{date_line, date_words, numeric_date};
pub use number::{doc_number, format_number, format_percent, parse_number, round};
pub use roman::roman;
pub use words::{decimal_in_words, whole_in_words};

/// Vietnamese letters used to number points (điểm): a) b) c) d) đ) e) g) h) i) k) …
/// The Vietnamese alphabet has no f, j, w, z and puts đ after d.
pub fn point_letter(index: usize) -> String {
    const LETTERS: [&str; 24] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s",
        "t", "u", "v", "x", "y", "aa",
    ];
    LETTERS
        .get(index)
        .map(|s| s.to_string())
        .unwrap_or_else(|| format!("{}", index + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn point_letters_follow_the_vietnamese_alphabet() {
        let got: Vec<String> = (0..8).map(point_letter).collect();
        assert_eq!(got, ["a", "b", "c", "d", "đ", "e", "g", "h"]);
    }
}
