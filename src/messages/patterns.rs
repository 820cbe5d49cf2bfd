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
        r"^(.*): `([^`]*)` is (\S+), below zero; .*$",
        "$1: `$2` là $3, nhỏ hơn 0; giá trị, tỷ lệ hay số đếm không thể là số âm (chỉ chỉ tiêu dạng `khoang`, là tỷ lệ thay đổi như tỷ lệ giảm hộ nghèo, mới được âm)",
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
        r"^document numbers start at 1 .*$",
        "số văn bản bắt đầu từ 1 (in là 01); bỏ trống `so` nếu là dự thảo",
    ),
    (
        r"^(.*)no indicator `([^`]*)` in the data; did you mean `([^`]*)`\?$",
        "${1}không có chỉ tiêu `$2` trong số liệu; có phải là `$3`?",
    ),
    (
        r"^no such profile .*known profiles: (.*)$",
        "không có bộ thể thức này; các bộ có sẵn: $1",
    ),
    (r"^must not be empty$", "không được để trống"),
    (
        r"^`([^`]*)` names no text of this document; .*$",
        "`$1` không phải là trường chữ nào của văn bản; hãy ghi tên trường như thông báo lỗi ghi (`ky.ho_ten`, `mo_dau[2]`, `noi_dung[0].doan[1]`)",
    ),
    (
        r"^`([^`]*)` is not defined \(.*$",
        "`$1` chưa được định nghĩa (đoạn văn dùng được chi_tieu.<mã>, tong_hop, nhom, ky, nam — khi có [so_lieu] — và tên các đoạn khác)",
    ),
    (
        r"^`([^`]*)`: unknown function \(.*$",
        "`$1`: không có hàm này (đoạn văn có các bộ lọc so, phan_tram, tang_giam, so_cung_ky, so_ke_hoach, th_kh, la_ma, ngay, ky)",
    ),
    (
        r#"^(?:invalid operation: )?`([^`]*)` is not a period; expected .*$"#,
        "`$1` không phải là kỳ báo cáo; hãy viết quy-1…quy-4, 6-thang, 9-thang, nam, thang-1…thang-12, tuan-1…tuan-53 hoặc một khoảng ngày \"01/02/2026..15/02/2026\" (trong cùng một năm)",
    ),
    (
        r#"^a period: .*$"#,
        "một kỳ báo cáo: quy-1…quy-4, 6-thang, 9-thang, nam, thang-1…thang-12, tuan-1…tuan-53 hoặc một khoảng ngày \"01/02/2026..15/02/2026\"",
    ),
    (
        r#"^the period (.*) lies in (\d+) but the catalogue (.*) sets the targets of (\d+)$"#,
        "kỳ $1 thuộc năm $2 nhưng danh mục $3 là chỉ tiêu năm $4",
    ),
    (
        r#"^(\d+) has no week (\S+): its last ISO week is 52$"#,
        "năm $1 không có $2: năm này chỉ có 52 tuần",
    ),
    (
        r#"^(.*) does not say its period: add `ky = "quy-1"` .*$"#,
        "$1 không ghi kỳ báo cáo: hãy thêm `ky = \"quy-1\"` (hoặc 6-thang, 9-thang, nam, thang-2, tuan-7, \"01/02/2026..15/02/2026\") vào [so_lieu]",
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

    (
        r"^the accent (U\+[0-9A-F]+) does not combine with the letter before it; retype the letter$",
        "dấu $1 không ghép được với chữ cái đứng trước; hãy gõ lại chữ này",
    ),
    (
        r"^a recipient must not be empty$",
        "nơi nhận không được để trống",
    ),
    (
        r"^the footnote opened with `\^\[` at character (\d+) has no closing `\]`.*$",
        "chú thích mở bằng `^[` ở ký tự thứ $1 chưa có dấu `]` đóng; hãy đóng lại, hoặc viết `\\^[` nếu muốn in đúng hai ký tự này",
    ),
    (
        r"^a footnote cannot hold another footnote \(`\^\[` at character (\d+)\).*$",
        "chú thích không được chứa chú thích khác (`^[` ở ký tự thứ $1); viết `\\^[` nếu muốn in đúng hai ký tự này",
    ),
    (
        r"^the footnote `\^\[\]` at character (\d+) is empty.*$",
        "chú thích `^[]` ở ký tự thứ $1 đang trống; hãy viết nội dung chú thích giữa hai dấu ngoặc vuông",
    ),
    (
        r"^công văn is not a document kind .*$",
        "công văn chưa phải là loại văn bản vanban trình bày được (không có tên loại, trích yếu \"V/v …\" nằm dưới số và ký hiệu); tạm thời hãy soạn bằng trình soạn thảo văn bản",
    ),
    (
        r"^unknown kind; the kinds are: (.*)$",
        "không có loại văn bản này; các loại có mẫu: $1",
    ),
    (
        r"^there is no (\S+) skeleton of this kind .*; it exists for: (.*)$",
        "không có mẫu thể thức $1 cho loại này (Ủy ban nhân dân xã không ban hành loại văn bản này); có mẫu cho: $2",
    ),
    (
        r"^already exists; extract never overwrites a file: extract into a new folder with -o$",
        "đã có; extract không bao giờ ghi đè tệp: hãy giải nén vào một thư mục mới bằng -o",
    ),
    (
        r"^is a symbolic link; extract never writes through one: extract into a new folder with -o$",
        "là liên kết tượng trưng; extract không bao giờ ghi qua liên kết: hãy giải nén vào một thư mục mới bằng -o",
    ),
    (
        r"^exists and is not a folder; extract into a new folder with -o$",
        "đã có và không phải là thư mục; hãy giải nén vào một thư mục mới bằng -o",
    ),
    (
        r"^(.*): a new document is written as TOML; give a file name ending in \.toml$",
        "$1: văn bản mới được ghi dưới dạng TOML; hãy đặt tên tệp có đuôi .toml",
    ),
    // toml's syntax errors (no type of their own in toml 0.8).
    (r"^expected (.*)$", "cần $1 ở đây"),
    (r"^invalid key$", "tên khóa không hợp lệ"),
    (
        r"^duplicate key `([^`]*)`.*$",
        "khóa `$1` được ghi hai lần; hãy xóa một lần",
    ),
    (
        r"^the document has no number \(`so`\): it is a draft.*$",
        "văn bản chưa có số (`so`): đây là dự thảo. Hãy ghi số, hoặc lưu với --assign-number để nhận số tiếp theo còn trống",
    ),
    (r"^the file is not UTF-8 text$", "tệp không phải văn bản UTF-8"),
    (r"^the name (.*) is already registered$", "tên $1 đã có trong sổ đăng ký"),
    (
        r"^Party documents are numbered within the Party committee's term .* on or before (\S+); .*$",
        "văn bản của Đảng được đánh số theo nhiệm kỳ cấp ủy, nhưng sổ chưa ghi nhiệm kỳ nào bắt đầu từ $1 trở về trước; hãy cho ngày đầu nhiệm kỳ bằng --nhiem-ky-tu NNNN-TT-NN",
    ),
    (
        r"^this file is in the archive directory but not in the register, and differs .*$",
        "tệp này nằm trong thư mục lưu trữ nhưng không có trong sổ, và khác với PDF đang lưu; tệp đã lưu không bao giờ bị ghi đè: hãy chuyển nó đi rồi lưu lại",
    ),
    (
        r"^this name is in the archive directory but not in the register, and is not a folder of sources.*$",
        "tên này nằm trong thư mục lưu trữ nhưng không có trong sổ, và không phải thư mục nguồn; tệp đã lưu không bao giờ bị ghi đè: hãy chuyển nó đi rồi lưu lại",
    ),
];

/// "fragment `m`, line 2 of the fragment: …": the place, then a message of its own.
const FRAGMENT_PLACE: &str = r"^(?:fragment `([^`]*)`(?: \(included by `([^`]*)`\))?|text), line (\d+)( of the fragment)?: (.*)$";

/// The patterns, compiled once per process.
static COMPILED: LazyLock<(Regex, Vec<(Regex, &'static str)>)> = LazyLock::new(|| {
    let place = Regex::new(FRAGMENT_PLACE).expect("a valid pattern");
    let phrases = PHRASES
        .iter()
        .map(|(p, vi)| (Regex::new(p).expect("a valid pattern"), *vi))
        .collect();
    (place, phrases)
});

/// `message` in Vietnamese when a pattern knows it, else as it is.
pub(crate) fn translate(message: &str) -> String {
    let (place, phrases) = &*COMPILED;
    if let Some(c) = place.captures(message) {
        let what = match (c.get(1), c.get(2)) {
            (Some(name), Some(by)) => {
                format!(
                    "đoạn `{}` (được chèn trong `{}`)",
                    name.as_str(),
                    by.as_str()
                )
            }
            (Some(name), None) => format!("đoạn `{}`", name.as_str()),
            _ => "chữ".to_string(),
        };
        let of = if c.get(4).is_some() {
            " của đoạn"
        } else {
            ""
        };
        return format!("{what}, dòng {}{of}: {}", &c[3], translate(&c[5]));
    }
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
        assert!(translate(&format!(
            "nhom[0].chi_tieu[0] (`a`): `ke_hoach` is -10, below zero; {}",
            crate::indicators::Shape::NEGATIVE_RULE
        ))
        .starts_with("nhom[0].chi_tieu[0] (`a`): `ke_hoach` là -10, nhỏ hơn 0"));
        assert_eq!(
            translate("fragment `a` (included by `b`), line 2 of the fragment: `x` is not defined (…)"),
            "đoạn `a` (được chèn trong `b`), dòng 2 của đoạn: `x` chưa được định nghĩa (đoạn văn dùng được chi_tieu.<mã>, tong_hop, nhom, ky, nam — khi có [so_lieu] — và tên các đoạn khác)"
        );
        assert_eq!(
            translate("text, line 1: invalid operation: `-0005-01-01`: the year -5 is outside 1900–2100, the years vanban accepts; check the year"),
            "chữ, dòng 1: `-0005-01-01`: năm -5 nằm ngoài khoảng 1900–2100 mà vanban chấp nhận; hãy kiểm tra lại năm"
        );
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

    #[test]
    fn notation_errors_read_in_vietnamese() {
        use crate::model::NotationError;
        for e in [
            NotationError::UnclosedNote { at: 7 },
            NotationError::NestedNote { at: 7 },
            NotationError::EmptyNote { at: 7 },
        ] {
            let vi = translate(&e.to_string());
            assert!(vi.starts_with("chú thích") && vi.contains("thứ 7"), "{vi}");
        }
    }
}
