//! The sentences of [`crate::parsing`]: why a file could not be read,
//! Vietnamese and English side by side. Every match names every variant.

use super::{tr, Lang};
use crate::parsing::{
    DataPlace, Described, FiguresProblem, Found, ParseProblem, ValueProblem, Wanted, FIGURE_COLUMNS,
};

/// "`a`, `b`, `c`".
fn quoted<S: AsRef<str>>(list: &[S]) -> String {
    list.iter()
        .map(|k| format!("`{}`", k.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn parse_problem(p: &ParseProblem, lang: Lang) -> String {
    match p {
        ParseProblem::Syntax { detail } => tr!(
            lang,
            "lỗi cú pháp (lời của bộ đọc tệp: {})",
            "syntax error: {}",
            detail
        ),
        ParseProblem::NotUtf8 => tr!(
            lang,
            "tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8",
            "the file is not valid UTF-8 text; save it as UTF-8",
        ),
        ParseProblem::TooDeep { max } => tr!(
            lang,
            "dấu ngoặc lồng nhau quá {} cấp",
            "brackets nested more than {} deep",
            max
        ),
        ParseProblem::MissingField { field } => {
            tr!(lang, "thiếu khóa `{}`", "missing field `{}`", field)
        }
        ParseProblem::UnknownField {
            field,
            suggestion: Some(s),
            ..
        } => tr!(
            lang,
            "khóa `{}` không có; có phải là `{}`?",
            "unknown field `{}`; did you mean `{}`?",
            field,
            s
        ),
        ParseProblem::UnknownField {
            field,
            suggestion: None,
            known,
        } if known.is_empty() => tr!(
            lang,
            "khóa `{}` không có; ở đây không có khóa nào",
            "unknown field `{}`, there are no fields",
            field
        ),
        ParseProblem::UnknownField {
            field,
            suggestion: None,
            known,
        } => tr!(
            lang,
            "khóa `{}` không có; các khóa hợp lệ: {}",
            "unknown field `{}`, expected one of {}",
            field,
            quoted(known)
        ),
        ParseProblem::UnknownVariant {
            value,
            suggestion: Some(s),
            ..
        } => tr!(
            lang,
            "giá trị `{}` không hợp lệ; có phải là `{}`?",
            "unknown variant `{}`; did you mean `{}`?",
            value,
            s
        ),
        ParseProblem::UnknownVariant {
            value,
            suggestion: None,
            known,
        } => tr!(
            lang,
            "giá trị `{}` không hợp lệ; các giá trị hợp lệ: {}",
            "unknown variant `{}`, expected one of {}",
            value,
            quoted(known)
        ),
        ParseProblem::DuplicateField { field } => tr!(
            lang,
            "khóa `{}` được ghi hai lần; hãy xóa một lần",
            "duplicate field `{}`; remove one",
            field
        ),
        ParseProblem::InvalidType {
            found: f,
            wanted: w,
        } => tr!(
            lang,
            "sai kiểu dữ liệu: gặp {}, cần {}",
            "invalid type: {}, expected {}",
            found(f, lang),
            wanted(w, lang)
        ),
        ParseProblem::InvalidValue {
            found: f,
            wanted: w,
        } => tr!(
            lang,
            "giá trị không hợp lệ: gặp {}, cần {}",
            "invalid value: {}, expected {}",
            found(f, lang),
            wanted(w, lang)
        ),
        ParseProblem::InvalidLength { len, wanted: w } => tr!(
            lang,
            "số phần tử không đúng: có {}, cần {}",
            "invalid length {}, expected {}",
            len,
            wanted(w, lang)
        ),
        ParseProblem::Value(v) => value_problem(v, lang),
        ParseProblem::Csv { detail } => tr!(
            lang,
            "không đọc được tệp CSV (lời của bộ đọc CSV: {})",
            "the CSV file cannot be read: {}",
            detail
        ),
        ParseProblem::Figures(f) => figures(f, lang),
        ParseProblem::InData { at, problem } => match data_place(at, lang) {
            at if at.is_empty() => parse_problem(problem, lang),
            at => format!("{at}: {}", parse_problem(problem, lang)),
        },
        ParseProblem::Unexplained { detail } => tr!(
            lang,
            "không đọc được giá trị này (lời của bộ đọc tệp: {})",
            "this value cannot be read: {}",
            detail
        ),
    }
}

/// What the file holds there.
fn found(f: &Found, lang: Lang) -> String {
    match f {
        Found::Bool(b) => tr!(lang, "giá trị `{}`", "boolean `{}`", b),
        Found::Integer(n) => tr!(lang, "số nguyên `{}`", "integer `{}`", n),
        Found::Float(x) => tr!(lang, "số thập phân `{}`", "floating point `{}`", x),
        Found::Char(c) => tr!(lang, "ký tự `{}`", "character `{}`", c),
        Found::Text(s) => tr!(lang, "chuỗi \"{}\"", "string \"{}\"", s),
        Found::Bytes => tr!(lang, "dữ liệu nhị phân", "bytes"),
        Found::Unit => tr!(lang, "giá trị rỗng", "an empty value"),
        Found::Option => tr!(lang, "giá trị có thể trống", "an optional value"),
        Found::List => tr!(lang, "một danh sách", "a list"),
        Found::Table => tr!(lang, "một bảng", "a table"),
        Found::Choice => tr!(lang, "một lựa chọn", "a choice"),
        Found::Other(s) => tr!(lang, "`{}`", "`{}`", s),
    }
}

/// What the field takes.
fn wanted(w: &Wanted, lang: Lang) -> String {
    match w {
        Wanted::Unsigned => tr!(
            lang,
            "một số nguyên không âm (0, 1, 2, …)",
            "a whole number not below zero (0, 1, 2, …)"
        ),
        Wanted::Integer => tr!(lang, "một số nguyên", "a whole number"),
        Wanted::Number => tr!(lang, "một số", "a number"),
        Wanted::Bool => tr!(lang, "true hoặc false", "true or false"),
        Wanted::Text => tr!(lang, "một chuỗi chữ", "a string"),
        Wanted::Char => tr!(lang, "một ký tự", "a character"),
        Wanted::List => tr!(lang, "một danh sách [ … ]", "a list [ … ]"),
        Wanted::Table => tr!(lang, "một bảng {{ … }}", "a table {{ … }}"),
        Wanted::Choice => tr!(lang, "một giá trị được phép", "one of the allowed values"),
        Wanted::Described(d) => described(*d, lang),
        Wanted::Other(s) => tr!(lang, "`{}`", "`{}`", s),
    }
}

/// vanban's own values, as their visitors describe them.
pub fn described(d: Described, lang: Lang) -> String {
    match (d, lang) {
        (_, Lang::En) => d.english().to_string(),
        (Described::Paragraph, Lang::Vi) => {
            "một đoạn: chuỗi chữ, hoặc bảng { gach = \"…\" }, { cong = \"…\" } hoặc { bang = \"…\" }"
                .into()
        }
        (Described::Recipient, Lang::Vi) => {
            "một nơi nhận: chuỗi chữ, hoặc { nhom = [\"…\", …], ghi_chu = \"…\" }".into()
        }
        (Described::DraftRound, Lang::Vi) => {
            "true, hoặc lần dự thảo là một số từ 1 (du_thao = 2)".into()
        }
        (Described::NumberingScheme, Lang::Vi) => {
            "một kiểu đánh số như \"a)\", hoặc một bảng { so = \"I.\", in_hoa = false }".into()
        }
        (Described::Width, Lang::Vi) => {
            "một độ rộng: số milimét (25), hoặc \"*\" cho một phần chỗ còn lại (\"2*\" cho hai phần)"
                .into()
        }
        (Described::Cell, Lang::Vi) => {
            "một ô: chữ, \"^\" hoặc \"<\" (gộp với ô trên hoặc ô bên trái), true (in dấu X), một số nguyên, hoặc { o = \"…\" }"
                .into()
        }
        (Described::Appendices, Lang::Vi) => {
            "một phụ lục [phu_luc], hoặc danh sách phụ lục [[phu_luc]]".into()
        }
        (Described::Figure, Lang::Vi) => {
            "một số (642150, 55.87, hoặc \"2.659.682\", \"55,87\")".into()
        }
        (Described::Period, Lang::Vi) => {
            "một kỳ báo cáo: quy-1…quy-4, 6-thang, 9-thang, nam, thang-1…thang-12, tuan-1…tuan-53 hoặc một khoảng ngày \"01/02/2026..15/02/2026\""
                .into()
        }
        (Described::Date, Lang::Vi) => "một ngày dạng \"2025-12-30\" hoặc \"30/12/2025\"".into(),
        (Described::TextOrLines, Lang::Vi) => "một chuỗi chữ hoặc một danh sách chuỗi".into(),
    }
}

pub fn value_problem(p: &ValueProblem, lang: Lang) -> String {
    match p {
        ValueProblem::NotADate { value } => tr!(
            lang,
            "`{}` không phải là ngày hợp lệ; hãy viết dạng \"2025-12-30\" hoặc \"30/12/2025\"",
            "`{}` is not a valid date; expected a date such as \"2025-12-30\" or \"30/12/2025\"",
            value
        ),
        ValueProblem::DateYear {
            value,
            year,
            first,
            last,
        } => format!(
            "`{value}`: {}",
            super::problems::invalid(
                &crate::problems::Invalid::YearOutside {
                    year: *year,
                    first: *first,
                    last: *last,
                },
                lang
            )
        ),
        ValueProblem::NotAPeriod { value } => match lang {
            Lang::Vi => format!(
                "`{value}` không phải là kỳ báo cáo; hãy viết quy-1…quy-4, 6-thang, 9-thang, nam, thang-1…thang-12, tuan-1…tuan-53 hoặc một khoảng ngày \"01/02/2026..15/02/2026\" (trong cùng một năm)"
            ),
            Lang::En => format!(
                "`{value}` is not a period; expected {}",
                crate::fields::period::EXPECTED
            ),
        },
        ValueProblem::NotAScheme { value } => match lang {
            Lang::Vi => format!(
                "`{value}` không phải là kiểu đánh số; hãy viết I., 1., 1.1., 1.1.1., a), (1), -, +, Phần thứ nhất, \"\" (không đánh số) hoặc một mẫu có {{roman}}, {{n}}, {{cha}}, {{chu}}, {{thu}} (\"Điều {{n}}.\")"
            ),
            Lang::En => format!(
                "`{value}` is not a numbering scheme; expected {}",
                crate::model::numbering::EXPECTED
            ),
        },
        ValueProblem::NotADraftRound { value } => tr!(
            lang,
            "`{}` không phải là lần dự thảo; hãy viết một số từ 1 đến 99, hoặc true",
            "`{}` is not a draft round; write a number from 1 to 99, or true",
            value
        ),
        ValueProblem::NotALength { value } => tr!(
            lang,
            "`{}` không phải là độ dài; hãy viết một số và đơn vị: 20mm, 1.5cm, 14pt",
            "`{}` is not a length; write a number and a unit: 20mm, 1.5cm, 14pt",
            value
        ),
        ValueProblem::NotAWidth { value } => tr!(
            lang,
            "`{}` không phải là độ rộng; hãy viết số milimét (25) hoặc \"*\" cho một phần chỗ còn lại",
            "`{}` is not a width; write millimetres (25) or \"*\" for a share of the rest",
            value
        ),
        ValueProblem::WidthOutside { mm } => tr!(
            lang,
            "độ rộng {} mm không nằm trong khoảng 0 đến 1000",
            "the width {} mm is not between 0 and 1000",
            mm
        ),
        ValueProblem::CellFloat { value } => tr!(
            lang,
            "số {} trong ô không rõ nghĩa (trong TOML, 19.655 là mười chín phẩy sáu năm năm); hãy viết đúng như khi in, trong ngoặc kép: \"19.655\" hoặc \"19,655\"",
            "the number {} in a cell is ambiguous (in TOML 19.655 is the decimal nineteen point six five five); write the text as it prints, in quotes: \"19.655\" or \"19,655\"",
            value
        ),
        ValueProblem::EmptyGroup => tr!(
            lang,
            "`nhom` cần ít nhất một nơi nhận",
            "`nhom` needs at least one recipient",
        ),
        ValueProblem::TableTakesNoText => tr!(
            lang,
            "`{{ bang = \"ten\" }}` đặt một bảng: không kèm `gach`, `cong` hay `manh`",
            "`{{ bang = \"ten\" }}` places a table: it takes no `gach`, `cong` or `manh`",
        ),
        ValueProblem::ParagraphMarker => tr!(
            lang,
            "đoạn viết dạng bảng cần một trong `gach` (\"-\"), `cong` (\"+\") hoặc `manh` (tên một đoạn văn mẫu)",
            "a paragraph table has one of `gach` (\"-\") or `cong` (\"+\"), or `manh` (a fragment name)",
        ),
        ValueProblem::FragmentTakesNoText => tr!(
            lang,
            "có `manh` thì chữ là của đoạn văn mẫu: hãy để trống `gach`/`cong` (\"\")",
            "with `manh` the text is the fragment's: leave `gach`/`cong` empty (\"\")",
        ),
        ValueProblem::EmptyNumber => tr!(
            lang,
            "giá trị trống; cần một số",
            "an empty value; expected a number",
        ),
        ValueProblem::MisplacedSeparator { value } => tr!(
            lang,
            "`{}` có dấu phân cách hàng nghìn đặt sai chỗ",
            "`{}` has a misplaced thousands separator",
            value
        ),
        ValueProblem::AmbiguousNumber {
            value,
            whole,
            decimal,
        } => tr!(
            lang,
            "`{}` không rõ nghĩa: viết {} nếu là số nguyên, hoặc {} nếu là số thập phân",
            "`{}` is ambiguous: write {} for the whole number or {} for the decimal",
            value,
            whole,
            decimal
        ),
        ValueProblem::NotANumber { value } => {
            tr!(lang, "`{}` không phải là số", "`{}` is not a number", value)
        }
        ValueProblem::NotRoman { value, first, last } => tr!(
            lang,
            "không viết được `{}` bằng chữ số La Mã: `la_ma` chỉ nhận từ {} đến {}",
            "`{}` cannot be written in Roman numerals: `la_ma` takes {} to {}",
            value,
            first,
            last
        ),
        ValueProblem::NotAFigure { value } => tr!(
            lang,
            "cần một số, gặp {}",
            "expected a number, found {}",
            value
        ),
        ValueProblem::TooLarge { value } => tr!(
            lang,
            "`{}` quá lớn: số liệu chỉ được có giá trị tuyệt đối tối đa 1.000.000.000.000.000 (10^15)",
            "`{}` is too large: a figure may be at most 1.000.000.000.000.000 (10^15) in absolute value",
            value
        ),
    }
}

/// What is wrong with a figures file.
fn figures(p: &FiguresProblem, lang: Lang) -> String {
    let columns = || quoted(&FIGURE_COLUMNS);
    match p {
        FiguresProblem::CodeTwice { code, first } => tr!(
            lang,
            "mã `{}` có số liệu hai lần (lần đầu ở {})",
            "the code `{}` has figures twice (first at {})",
            code,
            data_place(first, lang)
        ),
        FiguresProblem::Unnamed { value } => tr!(
            lang,
            "`{}` nằm trong cột chưa có tên ở dòng tiêu đề; hãy đặt tên cột ({}) hoặc xóa ô này",
            "`{}` is in a column without a name in the header row; name the column ({}) or clear the cell",
            value,
            columns()
        ),
        FiguresProblem::DateCell { shown } => tr!(
            lang,
            "ô này là ngày ({}), không phải số; hãy định dạng ô là số",
            "this cell is a date ({}), not a number; format the cell as a number",
            shown
        ),
        FiguresProblem::NotAVerdict { value } => tr!(
            lang,
            "`{}` không phải là đánh giá; hãy viết vuot, dat hoặc chua-dat",
            "`{}` is not a verdict; expected vuot, dat or chua-dat",
            value
        ),
        FiguresProblem::EmptyCode => tr!(
            lang,
            "mã chỉ tiêu (`ma`) bị trống",
            "the code (`ma`) is empty",
        ),
        FiguresProblem::ColumnTwice { column } => tr!(
            lang,
            "cột `{}` được đặt tên hai lần; một trong hai cột sẽ bị bỏ qua",
            "the column `{}` is named twice; one of them would be ignored",
            column
        ),
        FiguresProblem::UnknownColumn { column } => tr!(
            lang,
            "không có cột `{}`; các cột là {}",
            "unknown column `{}`; the columns are {}",
            column,
            columns()
        ),
        FiguresProblem::NoCodeColumn => tr!(
            lang,
            "dòng tiêu đề cần cột `ma` (mã chỉ tiêu)",
            "the header row needs a `ma` column (the indicator code)",
        ),
        FiguresProblem::NoFigures => tr!(
            lang,
            "không có số liệu nào dưới dòng tiêu đề",
            "there are no figures below the header row",
        ),
        FiguresProblem::Workbook { detail } => tr!(
            lang,
            "không mở được bảng tính (lời của bộ đọc bảng tính: {})",
            "cannot open the workbook: {}",
            detail
        ),
        FiguresProblem::NoSheet { name, sheets } => tr!(
            lang,
            "không có trang tính tên `{}`; các trang tính là {}",
            "no sheet named `{}`; the sheets are {}",
            name,
            sheets.join(", ")
        ),
        FiguresProblem::NoSheets => tr!(
            lang,
            "bảng tính không có trang tính nào",
            "the workbook has no sheet",
        ),
        FiguresProblem::EmptySheet => tr!(
            lang,
            "trang tính trống; dòng đầu tiên phải là dòng tiêu đề (`ma`, `thuc_hien`, …)",
            "the sheet is empty; its first row must be the header (`ma`, `thuc_hien`, …)",
        ),
        FiguresProblem::Formula { formula } => tr!(
            lang,
            "công thức `={}` chưa có giá trị đã tính; hãy mở bảng tính bằng Excel hoặc LibreOffice rồi lưu lại để giá trị được ghi vào tệp",
            "the formula `={}` has no computed value stored; open the workbook in Excel or LibreOffice and save it, so that its values are stored",
            formula
        ),
        FiguresProblem::MergedHeader { range } => tr!(
            lang,
            "các ô tiêu đề {} đang được gộp; hãy bỏ gộp ô và đặt tên riêng cho từng cột",
            "the header cells {} are merged; unmerge them and give each column its own name",
            range
        ),
        FiguresProblem::NoIndicator {
            code,
            catalogue,
            suggestion,
        } => {
            let guess = suggestion
                .as_deref()
                .map(|s| tr!(lang, "; có phải là `{}`?", "; did you mean `{}`?", s))
                .unwrap_or_default();
            tr!(
                lang,
                "không có chỉ tiêu `{}` trong danh mục {}{}",
                "no indicator `{}` in the catalogue {}{}",
                code,
                catalogue.display(),
                guess
            )
        }
        FiguresProblem::Negative { code, value } => tr!(
            lang,
            "chỉ tiêu `{}` có số liệu {}, nhỏ hơn 0; giá trị, tỷ lệ hay số đếm không thể là số âm (chỉ chỉ tiêu dạng `khoang`, là tỷ lệ thay đổi như tỷ lệ giảm hộ nghèo, mới được âm): hãy kiểm tra lại số liệu",
            "`{}` has the figure {}, below zero; a value, rate or count cannot be below zero; only a `khoang` target (a rate of change, such as the poverty reduction rate) may be negative",
            code,
            value
        ),
    }
}

/// "trang tính `Số liệu`, hàng 5, cột C (`thuc_hien`)" / "sheet `Số liệu`, row 5, column C (`thuc_hien`)".
pub fn data_place(at: &DataPlace, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(i) = at.entry {
        parts.push(format!("chi_tieu[{i}]"));
    }
    if let Some(s) = &at.sheet {
        parts.push(tr!(lang, "trang tính `{}`", "sheet `{}`", s));
    }
    if let Some(r) = at.row {
        parts.push(tr!(lang, "hàng {}", "row {}", r));
    }
    match (&at.column, &at.name) {
        (Some(c), Some(n)) => parts.push(tr!(lang, "cột {} (`{}`)", "column {} (`{}`)", c, n)),
        (Some(c), None) => parts.push(tr!(lang, "cột {}", "column {}", c)),
        (None, Some(n)) => parts.push(format!("`{n}`")),
        (None, None) => {}
    }
    parts.join(", ")
}
