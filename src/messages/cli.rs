//! The command line's help in Vietnamese. The English is the doc comments of
//! the argument definitions (clap's derive); this table gives each command
//! and option its Vietnamese, keyed by the command's path and the option's
//! id (`"render"`, `"render.output"`, or `"*.output"` for every command
//! that has none of its own). `localize` rewrites the built command tree
//! before parsing, so `--help`, errors' usage lines and the man page all
//! follow `--lang`.

use clap::Command;

use super::{tr, Lang};

/// (key, Vietnamese). Root: `""`; a subcommand: `"register next"`; an
/// option: `"<command path>.<id>"`; `"*.<id>"` for one that means the same
/// everywhere.
pub const VI: &[(&str, &str)] = &[
    (
        "",
        "vanban: văn bản hành chính (thể thức Đảng và Nhà nước) từ dữ liệu ra PDF.\n\nMã thoát: 0 xong, 1 đầu vào (hoặc dòng lệnh) sai, 2 vanban gặp lỗi.",
    ),
    ("*.help", "In hướng dẫn"),
    ("*.version", "In phiên bản"),
    ("*.lang", "Ngôn ngữ của thông báo: vi (tiếng Việt) hoặc en (tiếng Anh); mặc định theo biến VANBAN_LANG, không có thì vi"),
    ("*.templates", "Thư mục mẫu thay cho các mẫu có sẵn, từng tệp một"),
    ("*.font_path", "Thư mục phông chữ bổ sung (ví dụ Times New Roman có bản quyền), tìm cả thư mục con"),
    ("*.allow_path", "Thư mục ngoài thư mục của văn bản mà văn bản được dùng tệp trong đó (số liệu, đoạn văn); lặp lại nếu có nhiều"),
    ("*.file", "Tệp văn bản"),
    ("*.the_thuc", "Thể thức: dang (Đảng) hoặc nha-nuoc (Nhà nước)"),
    ("*.archive", "Thư mục lưu trữ"),
    ("*.type_code", "Mã loại văn bản: NQ, BC, QĐ (hoặc QD) …, hoặc tên của loại không có mã (cong-van)"),
    ("*.pdf_standard", "Ghi PDF/A: a-1b, a-2b hoặc a-3b (a-3b gắn kèm nguồn của văn bản)"),
    ("render", "In một tệp văn bản (.toml, .json, .yaml) ra PDF hoặc mã Typst"),
    ("render.output", "Ghi vào đâu (mặc định: cạnh tệp vào, đuôi .pdf, .docx hoặc .typ); `-` là đầu ra chuẩn"),
    ("render.emit", "Ghi gì: pdf, docx (cùng văn bản cho Word) hoặc typ (mã Typst)"),
    (
        "check",
        "Kiểm tra văn bản mà không in: mọi điều lệnh in kiểm tra, thêm các cảnh báo về thể thức (lỗi nếu có --strict)",
    ),
    ("check.strict", "Coi cảnh báo là lỗi (mã thoát 1)"),
    ("check.format", "Cách in cảnh báo: text (ra stderr) hoặc json (một mảng ra stdout)"),
    ("new", "Ghi một tệp văn bản mẫu để sửa (TOML, chú thích tiếng Việt)"),
    ("new.kind", "Loại văn bản, hoặc một mẫu của loại đó (bao-cao-quy …): xem danh sách bên dưới"),
    ("new.the_thuc", "Thể thức (mặc định: dang nếu loại này có)"),
    ("new.output", "Ghi vào đâu (mặc định: LOẠI.toml trong thư mục hiện tại)"),
    ("new.force", "Ghi đè tệp đã có"),
    ("new.templates", "Thư mục mẫu bổ sung loại văn bản và tệp mẫu (loai/, moi/)"),
    ("batch", "In nhiều văn bản song song vào THƯ_MỤC_RA (một văn bản lỗi không làm dừng các văn bản khác)"),
    ("batch.inputs", "Các tệp văn bản, hoặc thư mục mà mọi tệp văn bản trong đó đều được in"),
    ("batch.output", "Thư mục ghi PDF (tạo nếu chưa có); mỗi PDF mang tên tệp vào"),
    ("batch.format", "Ghi gì: pdf hoặc docx (tệp Word)"),
    ("batch.jobs", "Số luồng xử lý (mặc định: số nhân của máy)"),
    ("preview", "Ghi các trang ra ảnh PNG: THƯ_MỤC/TÊN-1.png, TÊN-2.png …"),
    ("preview.page", "Chỉ trang này (1 là trang đầu)"),
    ("preview.ppi", "Độ phân giải, điểm ảnh trên mỗi inch"),
    ("preview.output", "Thư mục ghi ảnh (mặc định: cạnh tệp vào)"),
    ("watch", "In lại mỗi khi văn bản, số liệu hoặc các tệp đoạn văn thay đổi"),
    ("watch.output", "Ghi PDF vào đâu (mặc định: cạnh tệp vào); với --png là thư mục"),
    ("watch.png", "Ghi các trang PNG (96 dpi) thay cho PDF"),
    ("watch.format", "Ghi gì mỗi lần sửa: pdf hoặc docx (tệp Word)"),
    ("fonts", "Liệt kê các phông chữ vanban dùng được"),
    ("archive", "Lưu văn bản dạng PDF/A vào THƯ_MỤC và ghi vào sổ đăng ký của thư mục đó"),
    ("archive.files", "Các tệp văn bản"),
    ("archive.to", "Thư mục lưu trữ (tạo nếu chưa có); sổ đăng ký là THƯ_MỤC/register.sqlite"),
    ("archive.pdf_standard", "a-3b (gắn kèm nguồn), a-2b hoặc a-1b (nguồn để trong thư mục cạnh PDF)"),
    ("archive.assign_number", "Cấp số tiếp theo cho dự thảo (chưa có `so`) và ghi số vào PDF"),
    ("archive.replaces", "Mục trong sổ mà văn bản này đính chính; văn bản giữ số của mục đó"),
    ("*.nhiem_ky_tu", "Ngày bắt đầu nhiệm kỳ cấp ủy; được ghi vào sổ đăng ký"),
    ("register", "Sổ đăng ký của một thư mục lưu trữ và những gì trong đó: số tiếp theo còn trống, danh sách, kiểm tra các tệp, lấy lại nguồn của một PDF đã lưu"),
    ("register next", "In số tiếp theo còn trống của một loại văn bản"),
    ("register next.the_thuc", "Mặc định: thể thức duy nhất của sổ, nếu không thì dang"),
    ("register next.co_quan", "Mã cơ quan ban hành (ĐU, UBND); cần khi sổ có nhiều cơ quan"),
    ("register next.year", "Năm (văn bản Nhà nước; Đảng: nhiệm kỳ đang có hiệu lực vào cuối năm)"),
    ("register next.date", "Ngày văn bản sẽ mang (chọn năm hoặc nhiệm kỳ)"),
    ("register next.nhiem_ky_tu", "Ngày bắt đầu một nhiệm kỳ chưa được ghi"),
    ("register list", "In sổ đăng ký"),
    ("register list.year", "Chỉ văn bản ban hành trong năm này"),
    ("register list.type_code", "Chỉ mã loại này (BC, NQ …)"),
    ("register list.format", "Cách in: table (bảng), csv hoặc json"),
    ("register copy", "Sao một văn bản đã lưu (SAO Y, SAO LỤC, TRÍCH SAO): sổ cấp số bản sao theo năm, lưu và ghi vào sổ là bản sao của văn bản đó"),
    ("register copy.id", "Số thứ tự (ID) của văn bản được sao trong `register list`"),
    ("register copy.archive", "Thư mục lưu trữ có văn bản gốc; bản sao được lưu vào đây"),
    ("register copy.order", "Tệp lệnh sao: bảng `[ban_sao]` (cơ quan sao, người ký, nơi nhận)"),
    ("register copy.form", "sao-y, sao-luc hoặc trich-sao (thay `hinh_thuc` của tệp lệnh; mặc định sao-y)"),
    ("register copy.date", "Ngày sao (mặc định: `ngay` của tệp lệnh, nếu không có thì hôm nay)"),
    ("register copy.parts", "TRÍCH SAO: các phần của nội dung được giữ, đếm từ 1 (`--parts 2,3`)"),
    ("register copy.pdf_standard", "a-3b (gắn kèm nguồn), a-2b hoặc a-1b (nguồn để trong thư mục cạnh PDF)"),
    ("register verify", "Tính lại SHA-256 của mọi tệp đã lưu; mã thoát 1 nếu có tệp bị mất hoặc bị sửa"),
    ("completions", "In đoạn mã gợi ý lệnh cho shell (bash, zsh, fish, elvish, powershell)"),
    ("completions.shell", "Shell: bash, zsh, fish, elvish hoặc powershell"),
    ("man", "In trang hướng dẫn (roff), ví dụ `vanban man > vanban.1`"),
    ("serve", "Trang web trên máy này để liệt kê, soạn, kiểm tra, xem trước, in và lưu trữ các văn bản của một thư mục (mở http://127.0.0.1:CỔNG/)"),
    ("serve.dir", "Thư mục phục vụ: chỉ đọc và ghi các tệp trong thư mục này"),
    ("serve.port", "Cổng (0: một cổng bất kỳ còn trống)"),
    ("serve.listen", "Nghe trên địa chỉ này thay cho 127.0.0.1 (ví dụ 0.0.0.0 cho mạng nội bộ): mọi máy vào được địa chỉ này đều đọc và sửa được thư mục"),
    ("serve.archive", "Thư mục lưu trữ (mặc định: THƯ_MỤC/luu-tru)"),
    ("extract", "Cách viết cũ của `register extract`, còn dùng được trong một phiên bản"),
    ("extract.pdf", "Tệp PDF đã lưu"),
    ("extract.output", "Thư mục ghi vào (giữ nguyên cấu trúc thư mục)"),
    ("register extract", "Ghi lại ra tệp các nguồn được gắn trong một PDF/A-3b đã lưu"),
    ("register extract.pdf", "Tệp PDF đã lưu"),
    ("register extract.output", "Thư mục ghi vào (giữ nguyên cấu trúc thư mục)"),
    ("help", "In hướng dẫn của lệnh này hoặc của các lệnh con"),
    ("help.subcommand", "Lệnh cần xem hướng dẫn"),
];

/// The Vietnamese for `path` (a command) or `path.id` (an option).
pub fn vi(path: &str, id: Option<&str>) -> Option<&'static str> {
    // clap's `help` command mirrors the tree (`help register next`,
    // `register help next`): those are the commands they name.
    let words: Vec<&str> = path.split(' ').collect();
    let path = if words.contains(&"help") {
        if words.last() == Some(&"help") {
            "help".to_string()
        } else {
            words
                .iter()
                .filter(|w| **w != "help")
                .copied()
                .collect::<Vec<_>>()
                .join(" ")
        }
    } else {
        path.to_string()
    };
    let path = path.as_str();
    let find = |key: &str| VI.iter().find(|(k, _)| *k == key).map(|(_, t)| *t);
    match id {
        None => find(path),
        Some(id) => find(&format!("{path}.{id}")).or_else(|| find(&format!("*.{id}"))),
    }
}

/// `cmd` with the kinds `vanban new` knows, read from the bundled profiles'
/// declarations, under `new`'s help. Reading them is 1,3% of a cold render's
/// instructions, so the binary adds them only when the command line names
/// `new` (`vanban new --help`, `vanban help new`) or writes the man page.
pub fn with_kinds_help(cmd: Command, lang: Lang) -> Command {
    let kinds = format!(
        "{}\n{}",
        super::Msg::KindsHeading.text(lang),
        crate::workflow::new::help(&crate::templating::TemplateSource::embedded())
    );
    cmd.mut_subcommand("new", |s| s.after_help(kinds))
}

/// `cmd` with its help in `lang`: English is clap's own (the doc comments),
/// Vietnamese replaces every about and help text and clap's headings.
pub fn localize(mut cmd: Command, lang: Lang) -> Command {
    // The built tree holds clap's own `--help`, `--version` and `help`
    // command and the global options copied into every subcommand.
    cmd.build();
    match lang {
        Lang::En => cmd,
        Lang::Vi => walk(cmd, ""),
    }
}

fn walk(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = vi(path, None) {
        let short = about.split("\n\n").next().unwrap_or(about);
        cmd = cmd.about(short).long_about(about);
    }
    let args: Vec<(String, bool)> = cmd
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in args {
        let help = vi(path, Some(&id));
        cmd = cmd.mut_arg(&id, |mut a| {
            if let Some(h) = help {
                let text = with_values(&a, h);
                a = a.help(text).long_help(None::<&str>);
                // clap would add its own English "[default: …]" and
                // "[possible values: …]"; `with_values` says them in Vietnamese.
                a = a.hide_default_value(true).hide_possible_values(true);
            }
            a.help_heading(if positional {
                "Đối số"
            } else {
                "Tùy chọn"
            })
        });
    }
    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subcommands {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(&name, |s| walk(s, &sub_path));
    }
    // The usage line's placeholders for options and commands, in Vietnamese
    // too; the value names (<FILE>, <DIR>) are the ones the help explains.
    let usage = cmd
        .render_usage()
        .to_string()
        .trim_start_matches("Usage: ")
        .replace("[OPTIONS]", "[TÙY_CHỌN]")
        .replace("<COMMAND>", "<LỆNH>");
    cmd.override_usage(usage)
        .subcommand_help_heading("Lệnh")
        .help_template(
            "{before-help}{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}",
        )
}

/// `help` followed by the argument's default and possible values, as clap
/// would print them but in Vietnamese.
fn with_values(arg: &clap::Arg, help: &str) -> String {
    let mut text = help.to_string();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        text.push_str(&format!(" [mặc định: {}]", defaults.join(", ")));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() && arg.get_action().takes_values() {
        text.push_str(&format!(" [giá trị: {}]", values.join(", ")));
    }
    text
}

/// Every command and visible option of `cmd` without Vietnamese help, as
/// its key: what a test asserts empty.
pub fn untranslated(cmd: &Command) -> Vec<String> {
    let mut missing = Vec::new();
    collect(cmd, "", &mut missing);
    missing
}

fn collect(cmd: &Command, path: &str, missing: &mut Vec<String>) {
    if vi(path, None).is_none() {
        missing.push(format!("command `{path}`"));
    }
    for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let id = a.get_id().as_str();
        if vi(path, Some(id)).is_none() {
            missing.push(format!("{path}.{id}"));
        }
    }
    for s in cmd.get_subcommands() {
        let sub_path = if path.is_empty() {
            s.get_name().to_string()
        } else {
            format!("{path} {}", s.get_name())
        };
        collect(s, &sub_path, missing);
    }
}

/// A wrong command line as the user reads it, in `lang`: clap's own message
/// rebuilt from its kind and context (the argument, the value, the valid
/// values, the suggestion), then clap's usage line and where to look next.
/// `None` for what is not an error (`--help`, `--version`): clap prints those.
pub fn error(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if !e.use_stderr() {
        return None;
    }
    let one = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let all = |k: ContextKind| match e.get(k) {
        Some(ContextValue::Strings(v)) => v.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>(),
        Some(ContextValue::String(s)) => vec![format!("`{s}`")],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| format!("`{s}`")).collect(),
        _ => Vec::new(),
    };
    if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        // `vanban register` alone: the command's help, already in `lang`
        // (the tree was localized), is the best answer; still an error.
        return Some(e.render().to_string());
    }
    let arg = one(ContextKind::InvalidArg).unwrap_or_default();
    let value = one(ContextKind::InvalidValue).unwrap_or_default();
    let mut text = match e.kind() {
        ErrorKind::UnknownArgument => tr!(
            lang,
            "không có đối số `{}`",
            "unexpected argument `{}`",
            arg
        ),
        ErrorKind::InvalidSubcommand => tr!(
            lang,
            "không có lệnh `{}`",
            "unrecognized subcommand `{}`",
            one(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue => {
            let valid = all(ContextKind::ValidValue).join(", ");
            if value.is_empty() {
                tr!(
                    lang,
                    "`{}` cần một giá trị; các giá trị hợp lệ: {}",
                    "`{}` needs a value; the valid values are: {}",
                    arg,
                    valid
                )
            } else if valid.is_empty() {
                tr!(
                    lang,
                    "giá trị `{}` không hợp lệ cho `{}`",
                    "invalid value `{}` for `{}`",
                    value,
                    arg
                )
            } else {
                tr!(
                    lang,
                    "giá trị `{}` không hợp lệ cho `{}`; các giá trị hợp lệ: {}",
                    "invalid value `{}` for `{}`; the valid values are: {}",
                    value,
                    arg,
                    valid
                )
            }
        }
        ErrorKind::ValueValidation => {
            // The parser's own reason (a date, a range) follows, as it said it.
            let why = std::error::Error::source(e)
                .map(|s| s.to_string())
                .unwrap_or_default();
            tr!(
                lang,
                "giá trị `{}` không hợp lệ cho `{}`: {}",
                "invalid value `{}` for `{}`: {}",
                value,
                arg,
                why
            )
        }
        ErrorKind::MissingRequiredArgument => tr!(
            lang,
            "thiếu đối số bắt buộc: {}",
            "required arguments were not provided: {}",
            all(ContextKind::InvalidArg).join(", ")
        ),
        ErrorKind::MissingSubcommand => {
            tr!(
                lang,
                "`{}` cần một lệnh con",
                "`{}` needs a subcommand",
                one(ContextKind::InvalidSubcommand).unwrap_or_else(|| "vanban".into())
            )
        }
        ErrorKind::ArgumentConflict => tr!(
            lang,
            "không dùng được `{}` cùng với {}",
            "`{}` cannot be used with {}",
            arg,
            all(ContextKind::PriorArg).join(", ")
        ),
        ErrorKind::NoEquals => tr!(
            lang,
            "`{}` cần dấu `=` trước giá trị",
            "`{}` needs `=` before its value",
            arg
        ),
        ErrorKind::TooManyValues => tr!(
            lang,
            "thừa giá trị `{}` cho `{}`",
            "unexpected value `{}` for `{}`",
            value,
            arg
        ),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => tr!(
            lang,
            "`{}` nhận {} giá trị",
            "`{}` takes {} value(s)",
            arg,
            one(ContextKind::ExpectedNumValues).unwrap_or_default()
        ),
        ErrorKind::InvalidUtf8 => tr!(
            lang,
            "dòng lệnh có ký tự không phải UTF-8",
            "the command line holds characters that are not UTF-8",
        ),
        // clap's remaining kinds (I/O while printing help, formatting) are
        // not about what was typed; its own words are the best there are.
        _ => e
            .to_string()
            .trim_start_matches("error: ")
            .trim()
            .to_string(),
    };
    for (kind, vi, en) in [
        (ContextKind::SuggestedArg, "có phải là", "did you mean"),
        (
            ContextKind::SuggestedSubcommand,
            "có phải là lệnh",
            "did you mean the command",
        ),
        (ContextKind::SuggestedValue, "có phải là", "did you mean"),
    ] {
        let s = all(kind);
        if !s.is_empty() {
            let lead = match lang {
                Lang::Vi => vi,
                Lang::En => en,
            };
            let or = match lang {
                Lang::Vi => " hoặc ",
                Lang::En => " or ",
            };
            text.push_str(&format!("; {lead} {}?", s.join(or)));
        }
    }
    let usage = one(ContextKind::Usage)
        .map(|u| {
            let u = u
                .trim()
                .trim_start_matches("Usage:")
                .trim_start_matches("Cách dùng:")
                .trim();
            tr!(lang, "\n\nCách dùng: {}", "\n\nUsage: {}", u)
        })
        .unwrap_or_default();
    Some(tr!(
        lang,
        "lỗi: {}{}\n\nXem `--help` để biết cách dùng.",
        "error: {}{}\n\nFor more information, try `--help`.",
        text,
        usage
    ))
}
