//! Vietnamese for English text vanban receives as a string: what serde and
//! the parsers say ("missing field `x`"), and the domain checks that can only
//! speak through serde's `Error::custom` (a date, a period, a number in a
//! document field). Everything vanban says with a type of its own is in the
//! catalogue instead; this table is the fallback, and its tests feed it the
//! dependencies' real wording so an upgrade that rewords them fails here.

use std::sync::LazyLock;

use regex::Regex;

/// Known messages of the parsers and of vanban, as (pattern, Vietnamese
/// replacement); the first match wins, `$1` … are the pattern's groups.
const PHRASES: &[(&str, &str)] = &[
    (
        r#"^(`muc.kieu`: )?`([^`]*)` is not a numbering scheme; expected .*$"#,
        "$1`$2` không phải là kiểu đánh số; hãy viết I., 1., 1.1., 1.1.1., a), (1), -, +, Phần thứ nhất, \"\" (không đánh số) hoặc một mẫu có {roman}, {n}, {cha}, {chu}, {thu} (\"Điều {n}.\")",
    ),
    (
        r#"^a numbering scheme such as .*$"#,
        "một kiểu đánh số như \"a)\", hoặc một bảng { so = \"I.\", in_hoa = false }",
    ),
    (
        r"^unknown field `([^`]*)`; did you mean `([^`]*)`\?$",
        "khóa `$1` không có; có phải là `$2`?",
    ),
    (
        r"^unknown field `([^`]*)`, expected (.*)$",
        "khóa `$1` không có; các khóa hợp lệ: $2",
    ),
    (
        r"^unknown variant `([^`]*)`; did you mean `([^`]*)`\?$",
        "giá trị `$1` không hợp lệ; có phải là `$2`?",
    ),
    (
        r"^`(\d+)` is not a draft round; .*$",
        "`$1` không phải là lần dự thảo; hãy viết một số từ 1 đến 99, hoặc true",
    ),
    (
        r"^unknown variant `([^`]*)`, expected (.*)$",
        "giá trị `$1` không hợp lệ; các giá trị hợp lệ: $2",
    ),
    (r"^missing field `([^`]*)`$", "thiếu khóa `$1`"),
    (
        r"^invalid type: (.*), expected (.*)$",
        "sai kiểu dữ liệu: gặp $1, cần $2",
    ),
    (
        r"^invalid value: (.*), expected (.*)$",
        "giá trị không hợp lệ: gặp $1, cần $2",
    ),
    (
        r"^the file is not valid UTF-8 text; save it as UTF-8$",
        "tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8",
    ),
    (
        r"^brackets nested more than (\d+) deep$",
        "dấu ngoặc lồng nhau quá $1 cấp",
    ),
    (r"^recursion limit exceeded$", "cấu trúc lồng nhau quá sâu"),
    (
        r"^`([^`]*)` is not a valid date; expected .*$",
        "`$1` không phải là ngày hợp lệ; hãy viết dạng \"2025-12-30\" hoặc \"30/12/2025\"",
    ),
    (
        r"^`([^`]*)` is ambiguous: write (\S+) for the whole number or (\S+) for the decimal(.*)$",
        "`$1` không rõ nghĩa: viết $2 nếu là số nguyên, hoặc $3 nếu là số thập phân",
    ),
    (r"^`([^`]*)` is not a number(.*)$", "`$1` không phải là số"),
    (
        r"^`([^`]*)` is too large: .*$",
        "`$1` quá lớn: số liệu chỉ được có giá trị tuyệt đối tối đa 1.000.000.000.000.000 (10^15)",
    ),
    (
        r"^`([^`]*)` has the figure (\S+), below zero; .*$",
        "chỉ tiêu `$1` có số liệu $2, nhỏ hơn 0; giá trị, tỷ lệ hay số đếm không thể là số âm (chỉ chỉ tiêu dạng `khoang`, là tỷ lệ thay đổi như tỷ lệ giảm hộ nghèo, mới được âm): hãy kiểm tra lại số liệu",
    ),
    (
        r"^this cell is a date \(([^)]*)\), not a number; .*$",
        "ô này là ngày ($1), không phải số; hãy định dạng ô là số",
    ),
    (
        r"^the formula `([^`]*)` has no computed value stored; .*$",
        "công thức `$1` chưa có giá trị đã tính; hãy mở bảng tính bằng Excel hoặc LibreOffice rồi lưu lại để giá trị được ghi vào tệp",
    ),
    (
        r"^the header cells (\S+) are merged; .*$",
        "các ô tiêu đề $1 đang được gộp; hãy bỏ gộp ô và đặt tên riêng cho từng cột",
    ),
    (
        r"^the sheet is empty; .*$",
        "trang tính trống; dòng đầu tiên phải là dòng tiêu đề (`ma`, `thuc_hien`, …)",
    ),
    (
        r"^there are no figures below the header row$",
        "không có số liệu nào dưới dòng tiêu đề",
    ),
    (
        r"^`([^`]*)` is in a column without a name in the header row; name the column \((.*)\) or clear the cell$",
        "`$1` nằm trong cột chưa có tên ở dòng tiêu đề; hãy đặt tên cột ($2) hoặc xóa ô này",
    ),
    (
        r"^the column `([^`]*)` is named twice; .*$",
        "cột `$1` được đặt tên hai lần; một trong hai cột sẽ bị bỏ qua",
    ),
    (
        r"^(?:invalid operation: )?(`[^`]*`: )?the year (-?\d+) is outside (\d+)–(\d+), .*$",
        "${1}năm $2 nằm ngoài khoảng $3–$4 mà vanban chấp nhận; hãy kiểm tra lại năm",
    ),
    (
        r#"^(?:invalid operation: )?`([^`]*)` is not a period; expected .*$"#,
        "`$1` không phải là kỳ báo cáo; hãy viết quy-1…quy-4, 6-thang, 9-thang, nam, thang-1…thang-12, tuan-1…tuan-53 hoặc một khoảng ngày \"01/02/2026..15/02/2026\" (trong cùng một năm)",
    ),
    (
        r#"^a period: .*$"#,
        "một kỳ báo cáo: quy-1…quy-4, 6-thang, 9-thang, nam, thang-1…thang-12, tuan-1…tuan-53 hoặc một khoảng ngày \"01/02/2026..15/02/2026\"",
    ),
    (r"^syntax error: (.*)$", "lỗi cú pháp: $1"),
    (
        r"^engine ran out of fuel$",
        "đoạn văn chạy quá nhiều bước (vòng lặp quá dài)",
    ),
    (
        r"^invalid operation: `([^`]*)` cannot be written in Roman numerals: `la_ma` takes (\d+) to (\d+)$",
        "không viết được `$1` bằng chữ số La Mã: `la_ma` chỉ nhận từ $2 đến $3",
    ),

    // toml's syntax errors (no type of their own in toml 0.8).
    (r"^expected (.*)$", "cần $1 ở đây"),
    (r"^invalid key$", "tên khóa không hợp lệ"),
    (
        r"^duplicate key `([^`]*)`.*$",
        "khóa `$1` được ghi hai lần; hãy xóa một lần",
    ),];

/// The patterns, compiled once per process.
static COMPILED: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    PHRASES
        .iter()
        .map(|(p, vi)| (Regex::new(p).expect("a valid pattern"), *vi))
        .collect()
});

/// `message` in Vietnamese when a pattern knows it, else as it is.
pub(crate) fn translate(message: &str) -> String {
    let phrases = &*COMPILED;
    for (re, vi) in phrases {
        if re.is_match(message) {
            return re.replace(message, *vi).to_string();
        }
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parser_messages_read_in_vietnamese() {
        assert_eq!(
            translate("unknown field `trich_yue`; did you mean `trich_yeu`?"),
            "khóa `trich_yue` không có; có phải là `trich_yeu`?"
        );
        assert_eq!(translate("missing field `ky`"), "thiếu khóa `ky`");
        assert_eq!(
            translate("invalid type: string \"x\", expected u32"),
            "sai kiểu dữ liệu: gặp string \"x\", cần u32"
        );
        assert_eq!(translate("something else"), "something else");
        assert_eq!(
            translate(
                "this cell is a date (01/01/2026), not a number; format the cell as a number"
            ),
            "ô này là ngày (01/01/2026), không phải số; hãy định dạng ô là số"
        );
        assert!(translate(
            "`1e20` is too large: a figure may be at most 1.000.000.000.000.000 (10^15) in absolute value; expected a number"
        )
        .starts_with("`1e20` quá lớn"));
        assert!(translate(&format!(
            "`a` has the figure -5, below zero; {}",
            crate::indicators::Shape::NEGATIVE_RULE
        ))
        .starts_with("chỉ tiêu `a` có số liệu -5, nhỏ hơn 0"));
    }

    /// serde's and the parsers' wording, produced by the versions in
    /// Cargo.lock: a pattern that no longer matches shows here, not as an
    /// English message in front of a clerk.
    #[test]
    fn the_dependencies_still_say_what_the_patterns_expect() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct T {
            a: u32,
            k: K,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "kebab-case")]
        enum K {
            Mot,
        }
        let toml_says = |text: &str| {
            toml::from_str::<T>(text)
                .unwrap_err()
                .message()
                .trim()
                .to_string()
        };
        let syntax = |text: &str| {
            toml::from_str::<toml::Value>(text)
                .unwrap_err()
                .message()
                .trim()
                .to_string()
        };
        let said = [
            toml_says("k = \"mot\""),
            toml_says("a = 1\nk = \"mot\"\nb = 2"),
            toml_says("a = \"x\"\nk = \"mot\""),
            toml_says("a = 1\nk = \"hai\""),
            serde_json::from_value::<u32>(serde_json::json!(-1))
                .unwrap_err()
                .to_string(),
            syntax("a = 1 b = 2"),
            syntax("= 1"),
            syntax("a = 1\na = 2"),
        ];
        let expected = [
            "thiếu khóa `a`",
            "khóa `b` không có; các khóa hợp lệ:",
            "sai kiểu dữ liệu:",
            "giá trị `hai` không hợp lệ",
            "giá trị không hợp lệ: gặp",
            "cần ",
            "tên khóa không hợp lệ",
            "khóa `a` được ghi hai lần",
        ];
        for (english, vi) in said.iter().zip(expected) {
            let got = translate(english);
            assert!(got.starts_with(vi), "{english:?} became {got:?}");
        }
    }
}
