use chrono::{Datelike, NaiveDate};

/// The place-and-date line: "Vũ Quang, ngày 30 tháng 12 năm 2025".
///
/// The thể thức puts a leading zero on days below 10 and on the months 1 and 2
/// only ("ngày 05 tháng 02 năm 2026", but "ngày 27 tháng 5 năm 2026"): January and
/// February are padded so that a 1 or 2 cannot later be extended to 10, 11 or 12.
/// With `draft` the day is left blank for the signer to fill in, as the
/// e-office system does: "ngày    tháng 12 năm 2025".
pub fn date_line(place: &str, date: NaiveDate, draft: bool) -> String {
    let day = if draft {
        "\u{a0}\u{a0}\u{a0}".to_string()
    } else {
        format!("{:02}", date.day())
    };
    format!(
        "{place}, ngày {day} tháng {} năm {}",
        month(date),
        date.year()
    )
}

/// A date in words, by the same rule as the date line: "30 tháng 4 năm
/// 2026", "05 tháng 02 năm 2026" (the giấy giới thiệu's validity).
pub fn date_words(date: NaiveDate) -> String {
    format!(
        "{:02} tháng {} năm {}",
        date.day(),
        month(date),
        date.year()
    )
}

/// The month as the thể thức writes it: 01 and 02 padded, the others not.
fn month(date: NaiveDate) -> String {
    if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    }
}

/// A date in figures, by the same rule as the date line: "05/02/2026",
/// "18/3/2026", "30/12/2025".
pub fn numeric_date(date: NaiveDate) -> String {
    format!("{:02}/{}/{}", date.day(), month(date), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_in_figures_pad_like_the_date_line() {
        assert_eq!(numeric_date(d(2026, 2, 5)), "05/02/2026");
        assert_eq!(numeric_date(d(2026, 3, 18)), "18/3/2026");
        assert_eq!(numeric_date(d(2025, 12, 30)), "30/12/2025");
    }

    #[test]
    fn leading_zero_on_small_days_and_on_january_and_february_only() {
        assert_eq!(
            date_line("Vũ Quang", d(2025, 12, 30), false),
            "Vũ Quang, ngày 30 tháng 12 năm 2025"
        );
        assert_eq!(
            date_line("X", d(2026, 2, 5), false),
            "X, ngày 05 tháng 02 năm 2026"
        );
        assert_eq!(
            date_line("X", d(2026, 1, 15), false),
            "X, ngày 15 tháng 01 năm 2026"
        );
        assert_eq!(
            date_line("X", d(2026, 5, 27), false),
            "X, ngày 27 tháng 5 năm 2026"
        );
        assert_eq!(
            date_line("X", d(2026, 3, 1), false),
            "X, ngày 01 tháng 3 năm 2026"
        );
        assert_eq!(
            date_line("X", d(2026, 10, 9), false),
            "X, ngày 09 tháng 10 năm 2026"
        );
    }

    #[test]
    fn a_draft_leaves_the_day_blank() {
        assert_eq!(
            date_line("Vũ Quang", d(2025, 12, 30), true),
            "Vũ Quang, ngày \u{a0}\u{a0}\u{a0} tháng 12 năm 2025"
        );
    }
}
