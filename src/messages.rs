//! Messages in the user's language. Clerks read Vietnamese, so errors and
//! lints are Vietnamese by default and English with `--lang en`; the English
//! text is the errors' `Display`.

use std::fmt::Write as _;

use crate::error::{excerpts, Error};
use crate::lint::Lint;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Vi,
    En,
}

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
];

/// "fragment `m`, line 2 of the fragment: …": the place, then a message of its own.
const FRAGMENT_PLACE: &str = r"^(?:fragment `([^`]*)`(?: \(included by `([^`]*)`\))?|text), line (\d+)( of the fragment)?: (.*)$";

fn translate(message: &str) -> String {
    let place = regex::Regex::new(FRAGMENT_PLACE).expect("a valid pattern");
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
    for (pattern, vi) in PHRASES {
        let re = regex::Regex::new(pattern).expect("a valid pattern");
        if re.is_match(message) {
            return re.replace(message, *vi).to_string();
        }
    }
    message.to_string()
}

fn field(f: &str) -> String {
    if f.is_empty() {
        String::new()
    } else {
        format!(", trường `{f}`")
    }
}

/// The error as the user reads it.
/// `vanban serve` is listening at `address`.
pub fn serve_ready(address: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("vanban serve: mở {address} trong trình duyệt (Ctrl+C để dừng)"),
        Lang::En => format!("vanban serve: open {address} in a browser (Ctrl+C to stop)"),
    }
}

/// `vanban serve --listen` on an address other computers can reach.
pub fn serve_exposed(lang: Lang) -> String {
    match lang {
        Lang::Vi => "CẢNH BÁO: vanban serve nghe trên mạng (--listen): mọi máy kết nối được tới địa chỉ này đều đọc và sửa được các tệp trong thư mục. Chỉ dùng trong mạng nội bộ tin cậy.".into(),
        Lang::En => "WARNING: vanban serve listens on the network (--listen): every computer that can reach this address can read and change the files in the folder. Use it only on a trusted office network.".into(),
    }
}

pub fn error(e: &Error, lang: Lang) -> String {
    if lang == Lang::En {
        return e.to_string();
    }
    match e {
        Error::Read { file, source } => format!("không đọc được {}: {source}", file.display()),
        Error::UnknownFormat { file } => format!(
            "{}: không rõ loại tệp; tệp văn bản có đuôi .toml, .json, .yaml hoặc .yml",
            file.display()
        ),
        Error::Parse {
            loc,
            field: f,
            message,
        } => format!(
            "{loc}{}: {}",
            field(&excerpts(f)),
            excerpts(&translate(message))
        ),
        Error::Invalid {
            file,
            field: f,
            message,
        } => format!("{}{}: {}", file.display(), field(f), translate(message)),
        Error::MissingGlyph {
            file,
            field: f,
            ch,
            family,
        } => format!(
            "{}{}: phông chữ `{family}` không có ký tự {ch:?} (U+{:04X}); hãy xóa hoặc thay ký tự này, hoặc thêm phông chữ có ký tự đó bằng --font-dir",
            file.display(),
            field(f),
            *ch as u32
        ),
        Error::LegacyEncoding {
            file,
            field: f,
            encoding,
            sample,
        } => format!(
            "{}{}: đoạn chữ này có vẻ được gõ bằng bảng mã cũ {encoding} rồi dán vào như Unicode ({sample:?}); hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi dán lại; nếu chữ vốn đúng như vậy, hãy ghi `{f}` vào `bo_qua_kiem_tra_bang_ma`",
            file.display(),
            field(f)
        ),
        Error::TooLarge { file, size, limit } => format!(
            "{}: tệp có {size} byte; tệp văn bản hoặc số liệu chỉ được tối đa {limit} byte",
            file.display()
        ),
        Error::Limit {
            file,
            field: f,
            bound,
            value,
            limit,
        } => format!(
            "{}{}: {} là {value}, vượt giới hạn {limit}; {}",
            file.display(),
            field(f),
            bound.vi(),
            bound.advice_vi()
        ),
        Error::Profile { name, message } => {
            format!("bộ thể thức `{name}`: {}", translate(message))
        }
        Error::Template {
            name,
            line,
            message,
        } => format!("mẫu {name}:{line}: {message}"),
        Error::Typeset { diagnostics } => {
            format!("lỗi dàn trang:\n{}", diagnostics.join("\n"))
        }
        Error::Pdf { diagnostics } => format!("lỗi xuất PDF:\n{}", diagnostics.join("\n")),
        Error::Fonts { message } => format!("phông chữ: {message}"),
        Error::Write { file, source } => format!("không ghi được {}: {source}", file.display()),
        Error::NoSkeleton { kind, message } => {
            format!("vanban new {kind}: {}", translate(message))
        }
        Error::Exists { file } => format!(
            "{} đã có; hãy chọn tên khác bằng -o, hoặc thêm --force để ghi đè",
            file.display()
        ),
        Error::NoDocuments { dir } => format!(
            "{}: không có tệp văn bản nào (.toml, .json, .yaml, .yml) để in",
            dir.display()
        ),
        Error::NoSuchPage { file, page, pages } => format!(
            "{}: yêu cầu trang {page}, nhưng văn bản chỉ có {pages} trang",
            file.display()
        ),
        Error::Png { message } => format!("lỗi tạo ảnh PNG: {message}"),
        Error::Watch { file, message } => {
            format!("không theo dõi được {}: {message}", file.display())
        }
        Error::ChangedOnDisk { file } => format!(
            "{}: tệp đã bị sửa trên đĩa (bởi chương trình hoặc cửa sổ khác) từ khi mở ở đây; chưa lưu gì. Hãy chép lại phần vừa sửa, mở lại tệp rồi sửa lại",
            file.display()
        ),
        Error::OutsideServed { path, dir } => format!(
            "`{path}`: không phải tệp trong thư mục đang phục vụ {}; hãy ghi đường dẫn tính từ thư mục đó, không có `..`, không bắt đầu bằng `/`, không qua liên kết ra ngoài",
            dir.display()
        ),
        Error::ForeignHost { host } => format!(
            "từ chối: yêu cầu gửi tới `{host}`, không phải vanban trên máy này; hãy mở địa chỉ mà `vanban serve` đã in ra"
        ),
        Error::MissingToken => "từ chối: yêu cầu không mang mã phiên của lần chạy này; hãy tải lại trang từ địa chỉ mà `vanban serve` đã in ra".to_string(),
        Error::ForeignOrigin { origin } => {
            format!("từ chối: yêu cầu đến từ trang của một trang web khác (`{origin}`)")
        }
        Error::UploadKind { file } => format!(
            "{}: chỉ tải lên được tệp số liệu (.xlsx, .xls, .ods, .csv)",
            file.display()
        ),
        Error::Unavailable { what } => format!(
            "phiên bản vanban này chưa xuất được tệp {what}; hãy tải bản PDF"
        ),
        Error::Listen { addr, source } => format!("không mở được cổng {addr}: {source}"),
        Error::Threads { message } => format!("không khởi động được các luồng xử lý: {message}"),
        Error::Crashed { file, message } => format!(
            "{}: vanban gặp lỗi nội bộ khi xử lý văn bản này: {message}",
            file.display()
        ),
        Error::Archive { file, message } => format!("{}: {}", file.display(), translate(message)),
        Error::DuplicateNumber {
            file,
            number_symbol,
            scope,
            existing,
        } => format!(
            "{}: số và ký hiệu {number_symbol} đã được đăng ký ({scope}): {existing}",
            file.display()
        ),
        Error::Register { register, message } => {
            format!("sổ đăng ký {}: {message}", register.display())
        }
        Error::ArchiveDamaged { dir, problems } => format!(
            "kho lưu trữ {}: có {problems} vấn đề: tệp bị mất, bị sửa hoặc bị thêm vào sau khi lưu",
            dir.display()
        ),
        Error::Outside {
            file,
            field: f,
            name,
            folder,
        } => format!(
            "{}{}: `{}` nằm ngoài thư mục của văn bản ({}); văn bản chỉ được dùng các tệp trong thư mục của nó và các thư mục con (kể cả qua liên kết tượng trưng). Muốn cho phép một thư mục khác, thêm --allow-path THƯ_MỤC",
            file.display(),
            field(f),
            name.display(),
            folder.display()
        ),
        Error::NotAFile { file, kind } => format!(
            "{}: {}, không phải là tệp thông thường; vanban chỉ đọc và ghi tệp thông thường",
            file.display(),
            kind.vietnamese()
        ),
        Error::OverwritesInput { file, input } => format!(
            "{}: không ghi vào đây được: đây là tệp đầu vào của chính lần in này ({}); hãy chọn tên tệp ra khác bằng -o",
            file.display(),
            input.display()
        ),
        Error::NotAFolder { file } => {
            format!("{}: --allow-path cần một thư mục", file.display())
        }
        Error::Table {
            file,
            field: f,
            problem,
        } => format!("{}{}: {}", file.display(), field(f), problem.vietnamese()),
        // Messages not yet translated are shown in English.
        #[allow(unreachable_patterns)]
        other => other.to_string(),
    }
}

/// A lint warning as the user reads it.
pub fn warning(l: &Lint, lang: Lang) -> String {
    let mut out = String::new();
    let label = match lang {
        Lang::Vi => "cảnh báo",
        Lang::En => "warning",
    };
    let _ = write!(out, "{label} [{}]", l.rule);
    if !l.field.is_empty() {
        let _ = write!(out, " `{}`", l.field);
    }
    let message = match lang {
        Lang::Vi => &l.message_vi,
        Lang::En => &l.message,
    };
    let _ = write!(out, ": {message}\n    ({})", l.source);
    out
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
