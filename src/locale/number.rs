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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_below_ten_take_a_leading_zero() {
        assert_eq!(doc_number(Some(7)), "07");
        assert_eq!(doc_number(Some(10)), "10");
        assert_eq!(doc_number(Some(127)), "127");
        assert_eq!(doc_number(None).chars().count(), 3);
    }
}
