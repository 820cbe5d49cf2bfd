//! Numbers read out in Vietnamese words ("mười chín phẩy sáu trăm năm mươi
//! lăm"), so a warning can say how vanban understood a figure.

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// 0 … 999. `full` reads the hundreds even when zero ("không trăm linh
/// năm"), as after "nghìn" or "phẩy".
fn three(n: u32, full: bool) -> String {
    let (h, t, u) = (n / 100, n / 10 % 10, n % 10);
    let mut words: Vec<&str> = Vec::new();
    if h > 0 || full {
        words.extend([DIGITS[h as usize], "trăm"]);
    }
    match t {
        0 if u > 0 && !words.is_empty() => words.extend(["linh", DIGITS[u as usize]]),
        0 if words.is_empty() => words.push(DIGITS[u as usize]),
        0 => {}
        1 => {
            words.push("mười");
            match u {
                0 => {}
                5 => words.push("lăm"),
                _ => words.push(DIGITS[u as usize]),
            }
        }
        _ => {
            words.extend([DIGITS[t as usize], "mươi"]);
            match u {
                0 => {}
                1 => words.push("mốt"),
                4 => words.push("tư"),
                5 => words.push("lăm"),
                _ => words.push(DIGITS[u as usize]),
            }
        }
    }
    words.join(" ")
}

/// A whole number below a million in words: 19655 → "mười chín nghìn sáu trăm
/// năm mươi lăm".
pub fn whole_in_words(n: u32) -> String {
    let n = n.min(999_999);
    let (thousands, rest) = (n / 1000, n % 1000);
    if thousands == 0 {
        return three(rest, false);
    }
    let mut out = format!("{} nghìn", three(thousands, false));
    if rest > 0 {
        out.push(' ');
        out.push_str(&three(rest, true));
    }
    out
}

/// "19.655" read with a decimal point, the three decimals read as a number,
/// as Vietnamese reads decimals: "mười chín phẩy sáu trăm năm mươi lăm".
pub fn decimal_in_words(whole: u32, three_decimals: u32) -> String {
    format!(
        "{} phẩy {}",
        whole_in_words(whole),
        three(three_decimals.min(999), true)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_vietnamese_reads_them() {
        assert_eq!(
            decimal_in_words(19, 655),
            "mười chín phẩy sáu trăm năm mươi lăm"
        );
        assert_eq!(
            whole_in_words(19655),
            "mười chín nghìn sáu trăm năm mươi lăm"
        );
        assert_eq!(whole_in_words(5), "năm");
        assert_eq!(whole_in_words(15), "mười lăm");
        assert_eq!(whole_in_words(21), "hai mươi mốt");
        assert_eq!(whole_in_words(24), "hai mươi tư");
        assert_eq!(whole_in_words(105), "một trăm linh năm");
        assert_eq!(whole_in_words(110), "một trăm mười");
        assert_eq!(whole_in_words(1005), "một nghìn không trăm linh năm");
        assert_eq!(whole_in_words(2000), "hai nghìn");
        assert_eq!(decimal_in_words(1, 50), "một phẩy không trăm năm mươi");
    }
}
