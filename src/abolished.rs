//! The two-level local government (chính quyền địa phương hai cấp): since
//! 01/7/2025 there is no district level (cấp huyện), so a document issued
//! after that date that names a district body (Huyện ủy, UBND huyện, HĐND
//! huyện, "Phòng … huyện", Thị ủy, Quận ủy …) as a living body copies an old
//! header or recipient list (the-thuc.md §0.3).
//!
//! A name in quotation marks, or followed by "cũ" ("trước đây") in its clause,
//! is a reference to the past and is left alone: reports often compare with
//! what "UBND huyện (cũ)" did. The check is a warning, never an error.

use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::lint::Lint;
use crate::model::Document;

/// The day the district level ended (Nghị quyết 202/2025/QH15; Luật Tổ chức
/// chính quyền địa phương 2025).
pub fn abolished_from() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 1).expect("a valid date")
}

const SOURCE: &str =
    "Luật Tổ chức chính quyền địa phương 2025: no district level since 01/7/2025 (the-thuc.md §0.3)";

/// Names of district-level bodies, matched on text lower-cased with the new
/// accent placement ("uỷ" → "ủy"). "Phòng … huyện" needs the capital P of a
/// body's name, so "phòng, chống … huyện" in a sentence does not match.
static BODIES: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?x)
        \b(?:huyện|thị|quận)\ ủy\b
        | \b(?:ủy\ ban\ nhân\ dân|ubnd|hội\ đồng\ nhân\ dân|hđnd)\ (?:huyện|quận|thị\ xã)\b
        | \bđảng\ bộ\ (?:huyện|quận|thị\ xã)\b
        | \bủy\ ban\ mặt\ trận\ tổ\ quốc\ (?:việt\ nam\ )?(?:huyện|quận|thị\ xã)\b
        ",
    )
    .expect("a valid pattern")
});

static OFFICE: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"\bPhòng\s[^,;.:()\n]{1,60}?\s(?:huyện|quận|thị xã)\b")
        .expect("a valid pattern")
});

/// The warnings for `doc`: one per field that names a district body.
pub fn lints(doc: &Document) -> Vec<Lint> {
    if doc.ngay_ban_hanh.0 < abolished_from() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (field, text) in doc.texts() {
        if let Some(name) = first_living_mention(text) {
            out.push(Lint {
                rule: "cap-huyen",
                source: SOURCE,
                field,
                message: format!(
                    "`{name}` is a district-level body, abolished on 01/7/2025; name the body that took over its work (the commune or the province), or write \"(cũ)\" after it if the text refers to the past"
                ),
                message_vi: format!(
                    "`{name}` là cơ quan cấp huyện, đã kết thúc hoạt động từ 01/7/2025; hãy ghi cơ quan đã nhận lại nhiệm vụ (cấp xã hoặc cấp tỉnh), hoặc ghi \"(cũ)\" sau tên nếu văn bản nói về trước đây"
                ),
            });
        }
    }
    out
}

/// The first district body `text` names as a living body, as typed.
fn first_living_mention(text: &str) -> Option<String> {
    let folded = fold(text);
    let cased = fold_keep_case(text);
    // Folding maps characters one to one: a char index in a folded text is
    // the same char index in `text`.
    let chars: Vec<char> = text.chars().collect();
    let index = |s: &str, byte: usize| s[..byte].chars().count();
    let hits = BODIES
        .find_iter(&folded)
        .map(|m| (index(&folded, m.start()), index(&folded, m.end())))
        .chain(
            OFFICE
                .find_iter(&cased)
                .map(|m| (index(&cased, m.start()), index(&cased, m.end()))),
        );
    let mut best: Option<(usize, usize)> = None;
    for (start, end) in hits {
        if quoted(&chars, start) || past(&chars, end) {
            continue;
        }
        if best.is_none_or(|(s, _)| start < s) {
            best = Some((start, end));
        }
    }
    best.map(|(s, e)| chars[s..e].iter().collect())
}

/// Lower case with the accent on the second vowel of "uy"/"oa"/"oe"
/// ("Uỷ" → "ủy", "hoà" → "hòa"), character for character.
fn fold(text: &str) -> String {
    fold_keep_case(&text.to_lowercase())
}

/// The accent placement folded, the case kept. Only the old placements on
/// "uy" are rewritten: the names matched here contain no "oa"/"oe".
fn fold_keep_case(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, 'u' | 'U') && i + 1 < chars.len() {
            let moved = match chars[i + 1] {
                'ỷ' => Some('ỷ'),
                'ý' => Some('ý'),
                'ỳ' => Some('ỳ'),
                'ỹ' => Some('ỹ'),
                'ỵ' => Some('ỵ'),
                'Ỷ' => Some('Ỷ'),
                'Ý' => Some('Ý'),
                'Ỳ' => Some('Ỳ'),
                'Ỹ' => Some('Ỹ'),
                'Ỵ' => Some('Ỵ'),
                _ => None,
            };
            if let Some(y) = moved {
                let (u, plain_y) = accent_onto_u(c, y);
                out.push(u);
                out.push(plain_y);
                i += 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// "u" + "ỷ" → "ủ" + "y": the tone moved from the y to the u.
fn accent_onto_u(u: char, y: char) -> (char, char) {
    let upper = u == 'U';
    let (lower_u, plain) = match y.to_lowercase().next().unwrap_or(y) {
        'ỷ' => ('ủ', 'y'),
        'ý' => ('ú', 'y'),
        'ỳ' => ('ù', 'y'),
        'ỹ' => ('ũ', 'y'),
        'ỵ' => ('ụ', 'y'),
        _ => ('u', 'y'),
    };
    let u = if upper {
        lower_u.to_uppercase().next().unwrap_or(lower_u)
    } else {
        lower_u
    };
    let y = if y.is_uppercase() { 'Y' } else { plain };
    (u, y)
}

/// Whether the character at `at` is inside quotation marks (“…”, "…", «…»).
fn quoted(chars: &[char], at: usize) -> bool {
    let before = &chars[..at];
    let open_curly = before.iter().filter(|c| **c == '“').count();
    let close_curly = before.iter().filter(|c| **c == '”').count();
    let straight = before.iter().filter(|c| **c == '"').count();
    let guillemets =
        before.iter().filter(|c| **c == '«').count() > before.iter().filter(|c| **c == '»').count();
    open_curly > close_curly || straight % 2 == 1 || guillemets
}

/// Whether the clause after `end` says the body is a former one ("cũ", "trước đây").
fn past(chars: &[char], end: usize) -> bool {
    let clause: String = chars[end..]
        .iter()
        .take_while(|c| !matches!(c, ',' | ';' | '.' | ':' | '\n'))
        .collect();
    let clause = clause.to_lowercase();
    clause
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "cũ")
        || clause.contains("trước đây")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn district_bodies_are_found_in_either_accent_placement_and_case() {
        for (text, found) in [
            ("Huyện ủy Vũ Quang", "Huyện ủy"),
            ("HUYỆN UỶ ĐỊNH HOÁ", "HUYỆN UỶ"),
            ("Thường trực Huyện uỷ", "Huyện uỷ"),
            ("UBND huyện Vũ Quang", "UBND huyện"),
            ("Ủy ban nhân dân huyện Vũ Quang", "Ủy ban nhân dân huyện"),
            ("Uỷ ban nhân dân huyện", "Uỷ ban nhân dân huyện"),
            ("HĐND huyện", "HĐND huyện"),
            (
                "Phòng Tài chính - Kế hoạch huyện",
                "Phòng Tài chính - Kế hoạch huyện",
            ),
            ("Thị ủy Kỳ Anh", "Thị ủy"),
            ("Đảng bộ huyện Vũ Quang", "Đảng bộ huyện"),
        ] {
            assert_eq!(first_living_mention(text).as_deref(), Some(found), "{text}");
        }
    }

    #[test]
    fn communes_provinces_and_references_to_the_past_are_left_alone() {
        for text in [
            "Ủy ban nhân dân xã Vũ Quang",
            "Đảng bộ tỉnh Hà Tĩnh",
            "Tỉnh ủy Hà Tĩnh",
            "công tác phòng, chống thiên tai trên địa bàn huyện",
            "so với kết quả của UBND huyện (cũ) năm 2024",
            "theo “Kế hoạch của Huyện ủy” năm 2020",
            "Huyện ủy Vũ Quang trước đây đã chỉ đạo",
        ] {
            assert_eq!(first_living_mention(text), None, "{text}");
        }
    }
}
