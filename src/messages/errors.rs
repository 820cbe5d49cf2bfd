//! The text of every [`Error`], both languages side by side, and what the
//! diagnostic adds to it: a stable code, a hint, the field a label points at.
//!
//! The matches below name every variant and have no catch-all arm, so a new
//! variant does not compile until it has its Vietnamese and English text.

use std::borrow::Cow;
use std::path::Path;

use super::{problems, tr, Lang};
use crate::error::{excerpts, Error, ErrorKind};

/// ", field `x`" / ", trường `x`", or nothing when there is no field.
fn field(f: &str, lang: Lang) -> String {
    if f.is_empty() {
        String::new()
    } else {
        tr!(lang, ", trường `{}`", ", field `{}`", f)
    }
}

/// What is wrong with a signature or seal image.
fn image_problem(p: &crate::error::ImageProblem, lang: Lang) -> String {
    use crate::error::ImageProblem;
    match p {
        ImageProblem::NotPng => tr!(
            lang,
            "tệp không phải ảnh PNG; hãy lưu chữ ký hoặc con dấu dạng PNG nền trong suốt",
            "the file is not a PNG image; save the signature or seal as PNG with a transparent background",
        ),
        ImageProblem::Opaque => tr!(
            lang,
            "ảnh PNG không có nền trong suốt (không có kênh alpha) nên sẽ che chữ; hãy lưu lại với nền trong suốt",
            "the PNG is not transparent (no alpha channel), so its background would cover the text; save it with a transparent background",
        ),
        ImageProblem::TooManyBytes { size, limit } => tr!(
            lang,
            "ảnh nặng {} byte; tối đa {} byte",
            "the image is {} bytes; at most {} bytes",
            size,
            limit
        ),
        ImageProblem::TooManyPixels {
            width,
            height,
            limit,
        } => tr!(
            lang,
            "ảnh có kích thước {}×{} điểm ảnh; mỗi chiều tối đa {} điểm ảnh",
            "the image is {}×{} pixels; each side may be at most {} pixels",
            width,
            height,
            limit
        ),
        ImageProblem::Damaged(why) => tr!(lang, "ảnh PNG bị hỏng: {}", "the PNG is damaged: {}", why),
    }
}

/// What is wrong with a copy's `[ban_sao]`.
fn copy_problem(p: &crate::error::CopyProblem, lang: Lang) -> String {
    use crate::error::CopyProblem;
    match p {
        CopyProblem::NotNext { typed, next, year } => tr!(
            lang,
            "số bản sao {:02} không phải số tiếp theo của sổ: năm {} bản sao tiếp theo là số {:02}; bỏ `so` để sổ cấp số",
            "copy number {:02} is not the register's next: the next copy of {} is {:02}; leave `so` out and the register gives it",
            typed,
            year,
            next
        ),
        CopyProblem::PartsNotExtract => tr!(
            lang,
            "chỉ bản trích sao (`hinh_thuc = \"trich-sao\"`) mới giữ lại một số phần",
            "only a trích sao (`hinh_thuc = \"trich-sao\"`) keeps some parts",
        ),
        CopyProblem::NoSuchPart { part, parts } => tr!(
            lang,
            "không có phần thứ {}: nội dung có {} phần (đếm từ 1)",
            "there is no part {}: the body has {} parts (counted from 1)",
            part,
            parts
        ),
        CopyProblem::NoOrder => tr!(
            lang,
            "văn bản lưu làm bản sao cần bảng `[ban_sao]`",
            "a document archived as a copy needs a `[ban_sao]` table",
        ),
        CopyProblem::NoNumber => tr!(
            lang,
            "bản sao lưu vào sổ cần số của nó (`ban_sao.so`); `vanban register copy` ghi số do sổ cấp",
            "a copy archived into the register needs its number (`ban_sao.so`); `vanban register copy` writes the register's",
        ),
    }
}

/// Why a registered entry cannot be copied.
fn original_problem(p: &crate::error::OriginalProblem, lang: Lang) -> String {
    use crate::error::OriginalProblem;
    match p {
        OriginalProblem::Unknown => tr!(
            lang,
            "sổ không có văn bản này; `vanban register list` liệt kê các số thứ tự",
            "the register has no such entry; `vanban register list` shows the ids",
        ),
        OriginalProblem::Replaced { by } => tr!(
            lang,
            "văn bản đã được thay bằng #{}; hãy sao bản đó",
            "it was replaced by entry {}; copy that one",
            by
        ),
        OriginalProblem::IsCopy { of } => tr!(
            lang,
            "đây là một bản sao (của #{}); hãy sao từ văn bản gốc",
            "it is a copy (of entry {}); copy the original",
            of
        ),
        OriginalProblem::Altered { file } => tr!(
            lang,
            "tệp {} bị thiếu hoặc khác mã SHA-256 đã đăng ký; bản gốc không còn nguyên vẹn (`vanban register verify`)",
            "{} is missing or differs from its registered SHA-256; the original is not intact (`vanban register verify`)",
            file
        ),
    }
}

fn d(p: &Path) -> std::path::Display<'_> {
    p.display()
}

/// The error as the user reads it.
pub fn text(e: &Error, lang: Lang) -> String {
    match e {
        Error::Read { file, source } => tr!(
            lang,
            "không đọc được {}: {}",
            "cannot read {}: {}",
            d(file),
            source
        ),
        Error::UnknownFormat { file } => tr!(
            lang,
            "{}: không rõ loại tệp; tệp văn bản có đuôi .toml, .json, .yaml hoặc .yml",
            "{}: unknown file type; a document file ends in .toml, .json, .yaml or .yml",
            d(file)
        ),
        Error::Parse {
            loc,
            field: f,
            problem,
        } => format!(
            "{loc}{}: {}",
            field(&excerpts(f), lang),
            excerpts(&super::parsing::parse_problem(problem, lang))
        ),
        Error::Invalid {
            file,
            field: f,
            problem,
        } => format!(
            "{}{}: {}",
            d(file),
            field(f, lang),
            problems::invalid(problem, lang)
        ),
        Error::MissingGlyph {
            file,
            field: f,
            ch,
            family,
        } => tr!(
            lang,
            "{}{}: phông chữ `{}` không có ký tự {:?} (U+{:04X}); hãy xóa hoặc thay ký tự này, hoặc thêm phông chữ có ký tự đó bằng --font-path",
            "{}{}: the font `{}` cannot draw the character {:?} (U+{:04X}); remove or replace it, or add a font that has it with --font-path",
            d(file),
            field(f, lang),
            family,
            ch,
            *ch as u32
        ),
        Error::LegacyEncoding {
            file,
            field: f,
            encoding,
            sample,
        } => tr!(
            lang,
            "{0}{1}: đoạn chữ này có vẻ được gõ bằng bảng mã cũ {2} rồi dán vào như Unicode ({3:?}); hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi dán lại; nếu chữ vốn đúng như vậy, hãy ghi `{4}` vào `bo_qua_kiem_tra_bang_ma`",
            "{0}{1}: this text looks like Vietnamese typed in the legacy {2} encoding and pasted as Unicode ({3:?}); convert it to Unicode (e.g. with Unikey's converter) and paste it again; if the text is right as it is, list `{4}` in `bo_qua_kiem_tra_bang_ma`",
            d(file),
            field(f, lang),
            encoding,
            sample,
            f
        ),
        Error::Image {
            file,
            field: f,
            problem,
        } => format!("{}{}: {}", d(file), field(f, lang), image_problem(problem, lang)),
        Error::TooLarge { file, size, limit } => tr!(
            lang,
            "{}: tệp có {} byte; tệp văn bản hoặc số liệu chỉ được tối đa {} byte",
            "{}: the file is {} bytes; a document or data file may be at most {} bytes",
            d(file),
            size,
            limit
        ),
        Error::Limit {
            file,
            field: f,
            bound,
            value,
            limit,
        } => match lang {
            Lang::Vi => format!(
                "{}{}: {} là {value}, vượt giới hạn {limit}; {}",
                d(file),
                field(f, lang),
                bound.vi(),
                bound.advice_vi()
            ),
            Lang::En => format!(
                "{}{}: {} is {value}, over the limit of {limit}; {}",
                d(file),
                field(f, lang),
                bound.en(),
                bound.advice_en()
            ),
        },
        Error::Profile { name, problem } => tr!(
            lang,
            "bộ thể thức `{}`: {}",
            "layout profile `{}`: {}",
            name,
            problems::profile(problem, lang)
        ),
        Error::Template {
            name,
            line,
            problem,
        } => {
            let at = if *line > 0 {
                format!(":{line}")
            } else {
                String::new()
            };
            let problem = problems::template(problem, lang);
            tr!(lang, "mẫu {}{}: {}", "template {}{}: {}", name, at, problem)
        }
        Error::Typeset { diagnostics } => tr!(
            lang,
            "lỗi dàn trang:\n{}",
            "typesetting failed:\n{}",
            diagnostics.join("\n")
        ),
        Error::Pdf { diagnostics } => tr!(
            lang,
            "lỗi xuất PDF:\n{}",
            "PDF export failed:\n{}",
            diagnostics.join("\n")
        ),
        Error::Docx { source } => tr!(
            lang,
            "lỗi xuất tệp Word (DOCX): {}",
            "DOCX export failed: {}",
            source
        ),
        Error::FontRead { file, source } => tr!(
            lang,
            "phông chữ: không đọc được {}: {}",
            "fonts: cannot read {}: {}",
            d(file),
            source
        ),
        Error::NoFontIn { dir } => tr!(
            lang,
            "phông chữ: không có tệp phông chữ dùng được (.ttf, .otf, .ttc) trong {}",
            "fonts: no usable font (.ttf, .otf, .ttc) in {}",
            d(dir)
        ),
        Error::NoProfileFont { wanted, found } => tr!(
            lang,
            "phông chữ: không có phông nào trong các phông của bộ thể thức ({}); các phông hiện có: {}",
            "fonts: none of the profile's fonts ({}) is available; fonts found: {}",
            wanted.join(", "),
            found.join(", ")
        ),
        Error::Write { file, source } => tr!(
            lang,
            "không ghi được {}: {}",
            "cannot write {}: {}",
            d(file),
            source
        ),
        Error::Archive { file, problem } => {
            format!("{}: {}", d(file), problems::archive(problem, lang))
        }
        Error::DuplicateNumber {
            file,
            number_symbol,
            scope,
            existing,
        } => tr!(
            lang,
            "{0}: số và ký hiệu {1} đã được đăng ký ({2}): mục {3}, {4} ngày {5}, {6} ({7}); bản đính chính của văn bản đó được lưu với --replaces {3}",
            "{0}: {1} is already registered ({2}): entry {3}, {4} of {5}, {6} ({7}); a corrected version of it is archived with --replaces {3}",
            d(file),
            number_symbol,
            scope,
            existing.id,
            existing.number_symbol,
            existing.issue_date,
            existing.file,
            existing.summary
        ),
        Error::RegisterDb { register, source } => tr!(
            lang,
            "sổ đăng ký {}: {}",
            "register {}: {}",
            d(register),
            source
        ),
        Error::RegisterTooNew {
            register,
            version,
            known,
        } => tr!(
            lang,
            "sổ đăng ký {}: sổ có phiên bản cấu trúc {}, do một bản vanban mới hơn tạo ra; bản này chỉ đọc được tới phiên bản {}",
            "register {}: the register has schema version {}, made by a newer vanban; this one knows versions up to {}",
            d(register),
            version,
            known
        ),
        Error::Register { register, problem } => tr!(
            lang,
            "sổ đăng ký {}: {}",
            "register {}: {}",
            d(register),
            problems::register(problem, lang)
        ),
        Error::NoRegister { dir } => tr!(
            lang,
            "{}: không có sổ đăng ký ở đây (thiếu {})",
            "{}: no register here ({} is missing)",
            d(dir),
            crate::archive::REGISTER_FILE
        ),
        Error::ReplacesOneFile { files } => tr!(
            lang,
            "--replaces chỉ mục mà một văn bản đính chính; hãy đưa đúng một tệp (đang có {})",
            "--replaces names the entry one document corrects; give exactly one file (not {})",
            files
        ),
        Error::ArchiveDamaged { dir, problems } => tr!(
            lang,
            "kho lưu trữ {}: có {} vấn đề: tệp bị mất, bị sửa hoặc bị thêm vào sau khi lưu",
            "archive {}: {} problem(s) found: files missing, altered or added since they were archived",
            d(dir),
            problems
        ),
        Error::NoSkeleton { kind, problem } => tr!(
            lang,
            "vanban new {}: {}",
            "vanban new {}: {}",
            kind,
            problems::skeleton(problem, lang)
        ),
        Error::Exists { file } => tr!(
            lang,
            "{} đã có; hãy chọn tên khác bằng -o, hoặc thêm --force để ghi đè",
            "{} already exists; choose another name with -o, or add --force to overwrite it",
            d(file)
        ),
        Error::NoDocuments { dir } => tr!(
            lang,
            "{}: không có tệp văn bản nào (.toml, .json, .yaml, .yml) để in",
            "{}: no document file (.toml, .json, .yaml, .yml) to render",
            d(dir)
        ),
        Error::NoSuchPage { file, page, pages } => tr!(
            lang,
            "{}: yêu cầu trang {}, nhưng văn bản chỉ có {} trang",
            "{}: page {} asked for, but the document has {} page(s)",
            d(file),
            page,
            pages
        ),
        Error::Png { source } => tr!(
            lang,
            "lỗi tạo ảnh PNG: {}",
            "PNG encoding failed: {}",
            source
        ),
        Error::Watch { file, source } => tr!(
            lang,
            "không theo dõi được {}: {}",
            "watching {}: {}",
            d(file),
            source
        ),
        Error::Outside {
            file,
            field: f,
            name,
            folder,
        } => tr!(
            lang,
            "{}{}: `{}` nằm ngoài thư mục của văn bản ({}); văn bản chỉ được dùng các tệp trong thư mục của nó và các thư mục con (kể cả qua liên kết tượng trưng). Muốn cho phép một thư mục khác, thêm --allow-path THƯ_MỤC",
            "{}{}: `{}` is outside the document's folder {}; a document may name only files in its folder and below (symbolic links followed). To allow another folder, add --allow-path DIR",
            d(file),
            field(f, lang),
            d(name),
            d(folder)
        ),
        Error::NotAFile { file, kind } => match lang {
            Lang::Vi => format!(
                "{}: {}, không phải là tệp thông thường; vanban chỉ đọc và ghi tệp thông thường",
                d(file),
                kind.vietnamese()
            ),
            Lang::En => format!(
                "{}: {}, not a regular file; vanban reads and writes only regular files",
                d(file),
                kind.english()
            ),
        },
        Error::OverwritesInput { file, input } => tr!(
            lang,
            "{}: không ghi vào đây được: đây là tệp đầu vào của chính lần in này ({}); hãy chọn tên tệp ra khác bằng -o",
            "{}: refusing to write there: it is an input of this render ({}); choose another output with -o",
            d(file),
            d(input)
        ),
        Error::NotAFolder { file } => tr!(
            lang,
            "{}: --allow-path cần một thư mục",
            "{}: --allow-path takes a folder",
            d(file)
        ),
        Error::Table {
            file,
            field: f,
            at,
            problem,
        } => {
            let problem = match lang {
                Lang::Vi => problem.vietnamese(),
                Lang::En => problem.english(),
            };
            let at = match at {
                Some(at) => format!(", {}", super::parsing::data_place(at, lang)),
                None => String::new(),
            };
            format!("{}{}{at}: {problem}", d(file), field(f, lang))
        }
        Error::Threads { source } => tr!(
            lang,
            "không khởi động được các luồng xử lý: {}",
            "cannot start the worker threads: {}",
            source
        ),
        Error::StdoutIsTerminal => tr!(
            lang,
            "-o - ghi PDF ra đầu ra chuẩn, nhưng đầu ra chuẩn đang là màn hình; hãy chuyển hướng vào một tệp hoặc một lệnh khác (vanban render vb.toml -o - > vb.pdf)",
            "-o - writes the PDF to standard output, but standard output is a terminal; redirect it to a file or another command (vanban render vb.toml -o - > vb.pdf)",
        ),
        Error::UnknownKind {
            loc,
            kind,
            profile,
            suggestion,
            known,
        } => {
            let guess = suggestion.as_deref().map(|g| {
                tr!(lang, " (có phải `{}`?)", " (did you mean `{}`?)", g)
            });
            tr!(
                lang,
                // Positional arguments: the two languages name kind and
                // profile in opposite orders.
                "{0}, trường `loai`: bộ thể thức `{2}` không có loại văn bản `{1}`{3}; các loại là: {4}",
                "{0}, field `loai`: `{1}` is not a kind of profile `{2}`{3}; the kinds are: {4}",
                loc,
                kind,
                profile,
                guess.unwrap_or_default(),
                known.join(", ")
            )
        }
        Error::Copy {
            file,
            field: f,
            problem,
        } => {
            let problem = copy_problem(problem, lang);
            tr!(lang, "{}{}: {}", "{}{}: {}", d(file), field(f, lang), problem)
        }
        Error::CopyOriginal {
            register,
            id,
            problem,
        } => {
            let problem = original_problem(problem, lang);
            tr!(
                lang,
                "{}: không sao được văn bản #{}: {}",
                "{}: cannot copy entry {}: {}",
                d(register),
                id,
                problem
            )
        }
        Error::KindBlock {
            file,
            field: f,
            kind,
            problem,
        } => {
            let problem = match (problem, lang) {
                (crate::kinds::BlockProblem::Missing, Lang::Vi) => {
                    format!("văn bản loại {kind} cần phần này; hãy thêm vào")
                }
                (crate::kinds::BlockProblem::Missing, Lang::En) => {
                    format!("a {kind} needs this block; add it")
                }
                (crate::kinds::BlockProblem::NotPrinted, Lang::Vi) => format!(
                    "văn bản loại {kind} không in phần này (xem khai báo `[loai.{kind}]`); hãy bỏ đi hoặc chọn loại khác"
                ),
                (crate::kinds::BlockProblem::NotPrinted, Lang::En) => format!(
                    "a {kind} does not print this block (see its `[loai.{kind}]` declaration); remove it or choose another kind"
                ),
            };
            format!("{}{}: {problem}", d(file), field(f, lang))
        }
        Error::ChangedOnDisk { file } => tr!(
            lang,
            "{}: tệp đã bị sửa trên đĩa (bởi chương trình hoặc cửa sổ khác) từ khi mở ở đây; chưa lưu gì. Hãy chép lại phần vừa sửa, mở lại tệp rồi sửa lại",
            "{}: the file was changed on disk since it was opened here (by another program or window); nothing was saved. Copy your changes, open the file again and make them there",
            d(file)
        ),
        Error::Outline {
            file,
            field: f,
            problem,
        } => {
            use crate::error::OutlineProblem as P;
            let problem = match problem {
                P::NotAList => tr!(
                    lang,
                    "biểu mẫu chỉ thêm, chuyển, xóa mục, đoạn, nơi nhận và kính gửi; phần này hãy sửa trong tệp gốc",
                    "the form adds, moves and deletes only sections, paragraphs, recipients and addressees; change this in the file itself",
                ),
                P::NoItem => tr!(lang, "không có mục này", "there is no such item"),
                P::First => tr!(
                    lang,
                    "đã đứng đầu, không chuyển lên được",
                    "it is first already and cannot move up",
                ),
                P::Last => tr!(
                    lang,
                    "đã đứng cuối, không chuyển xuống được",
                    "it is last already and cannot move down",
                ),
                P::NothingBefore => tr!(
                    lang,
                    "mục đầu tiên không có mục nào phía trên để làm mục con",
                    "the first section has no section above it to go under",
                ),
                P::TopLevel => tr!(
                    lang,
                    "mục lớn nhất không lùi ra được nữa",
                    "a top-level section cannot move out a level",
                ),
                P::EmptyText => tr!(
                    lang,
                    "hãy ghi nội dung của phần mới",
                    "write the text of the new item",
                ),
                P::Inline => tr!(
                    lang,
                    "các mục viết trong một dòng (`noi_dung = [{{ … }}]`) chỉ đổi cấp được trong tệp gốc",
                    "sections written inline (`noi_dung = [{{ … }}]`) change level in the file itself only",
                ),
                P::GroupNamesMoveOnly => tr!(
                    lang,
                    "trong một nhóm nơi nhận, biểu mẫu chỉ đổi thứ tự các tên; thêm hoặc bỏ tên hãy sửa trong tệp gốc",
                    "inside a recipient group the form only changes the order of the names; add or remove a name in the file itself",
                ),
            };
            format!("{}{}: {problem}", d(file), field(f, lang))
        }
        Error::OutsideServed { path, dir } => tr!(
            lang,
            "`{}`: không phải tệp trong thư mục đang phục vụ {}; hãy ghi đường dẫn tính từ thư mục đó, không có `..`, không bắt đầu bằng `/`, không qua liên kết ra ngoài",
            "`{}`: not a file inside the served folder {}; give a path relative to it, without `..`, without a leading `/`, not through a link leading out",
            path,
            d(dir)
        ),
        Error::ForeignHost { host } => tr!(
            lang,
            "từ chối: yêu cầu gửi tới `{}`, không phải vanban trên máy này; hãy mở địa chỉ mà `vanban serve` đã in ra",
            "refused: the request is addressed to `{}`, not to vanban on this computer; open the address `vanban serve` printed",
            host
        ),
        Error::MissingToken => tr!(
            lang,
            "từ chối: yêu cầu không mang mã phiên của lần chạy này; hãy tải lại trang từ địa chỉ mà `vanban serve` đã in ra",
            "refused: the request does not carry this run's token; reload the page from the address `vanban serve` printed",
        ),
        Error::ForeignOrigin { origin } => tr!(
            lang,
            "từ chối: yêu cầu đến từ trang của một trang web khác (`{}`)",
            "refused: the request comes from the page of another site (`{}`)",
            origin
        ),
        Error::UploadKind { file } => tr!(
            lang,
            "{}: chỉ tải lên được tệp số liệu (.xlsx, .xls, .ods, .csv)",
            "{}: only figures files (.xlsx, .xls, .ods, .csv) can be uploaded",
            d(file)
        ),
        Error::Listen { addr, source } => tr!(
            lang,
            "không mở được cổng {}: {}",
            "cannot listen on {}: {}",
            addr,
            source
        ),
        Error::Crashed { file, message } => tr!(
            lang,
            "{}: vanban gặp lỗi nội bộ khi xử lý văn bản này: {}",
            "{}: vanban crashed on this document: {}",
            d(file),
            message
        ),
    }
}

/// The stable code a script or the documentation can name the error by:
/// `vanban::<stage>::<what>`, in the project's Vietnamese domain words.
/// Never reuse or rename one: people search for them.
pub fn code(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Read => "vanban::tep::khong_doc_duoc",
        ErrorKind::UnknownFormat => "vanban::tep::loai_tep_la",
        ErrorKind::TooLarge => "vanban::tep::qua_lon",
        ErrorKind::Image => "vanban::tep::anh",
        ErrorKind::NotAFile => "vanban::tep::khong_phai_tep",
        ErrorKind::Outside => "vanban::tep::ngoai_thu_muc",
        ErrorKind::NotAFolder => "vanban::tep::khong_phai_thu_muc",
        ErrorKind::Parse => "vanban::tai_lieu::cu_phap",
        ErrorKind::Invalid => "vanban::tai_lieu::gia_tri",
        ErrorKind::MissingGlyph => "vanban::tai_lieu::thieu_ky_tu",
        ErrorKind::LegacyEncoding => "vanban::tai_lieu::bang_ma_cu",
        ErrorKind::Limit => "vanban::tai_lieu::vuot_gioi_han",
        ErrorKind::Table => "vanban::tai_lieu::bang",
        ErrorKind::Profile => "vanban::the_thuc::bo_the_thuc",
        ErrorKind::Template => "vanban::the_thuc::mau",
        ErrorKind::FontRead => "vanban::phong::khong_doc_duoc",
        ErrorKind::NoFontIn => "vanban::phong::thu_muc_trong",
        ErrorKind::NoProfileFont => "vanban::phong::thieu_phong",
        ErrorKind::Typeset => "vanban::dan_trang::typst",
        ErrorKind::Pdf => "vanban::dan_trang::pdf",
        ErrorKind::Docx => "vanban::dan_trang::docx",
        ErrorKind::Png => "vanban::dan_trang::png",
        ErrorKind::Write => "vanban::ghi::khong_ghi_duoc",
        ErrorKind::Exists => "vanban::ghi::da_co",
        ErrorKind::OverwritesInput => "vanban::ghi::de_dau_vao",
        ErrorKind::StdoutIsTerminal => "vanban::ghi::man_hinh",
        ErrorKind::Archive => "vanban::luu_tru::tu_choi",
        ErrorKind::DuplicateNumber => "vanban::luu_tru::trung_so",
        ErrorKind::ArchiveDamaged => "vanban::luu_tru::hu_hong",
        ErrorKind::RegisterDb => "vanban::so_dang_ky::csdl",
        ErrorKind::RegisterTooNew => "vanban::so_dang_ky::phien_ban_moi",
        ErrorKind::Register => "vanban::so_dang_ky::mau_thuan",
        ErrorKind::NoRegister => "vanban::so_dang_ky::khong_co",
        ErrorKind::ReplacesOneFile => "vanban::luu_tru::thay_mot_tep",
        ErrorKind::NoSkeleton => "vanban::lenh::khong_co_mau",
        ErrorKind::NoDocuments => "vanban::lenh::khong_co_van_ban",
        ErrorKind::NoSuchPage => "vanban::lenh::khong_co_trang",
        ErrorKind::Watch => "vanban::lenh::theo_doi",
        ErrorKind::Threads => "vanban::lenh::luong",
        ErrorKind::UnknownKind => "vanban::tai_lieu::loai_van_ban",
        ErrorKind::KindBlock => "vanban::tai_lieu::khoi_cua_loai",
        ErrorKind::Copy => "vanban::ban_sao::khong_khop",
        ErrorKind::CopyOriginal => "vanban::ban_sao::ban_goc",
        ErrorKind::ChangedOnDisk => "vanban::trang::da_bi_sua",
        ErrorKind::Outline => "vanban::trang::bo_cuc",
        ErrorKind::OutsideServed => "vanban::trang::ngoai_thu_muc",
        ErrorKind::ForeignHost => "vanban::trang::may_chu_la",
        ErrorKind::MissingToken => "vanban::trang::thieu_ma_phien",
        ErrorKind::ForeignOrigin => "vanban::trang::nguon_la",
        ErrorKind::UploadKind => "vanban::trang::tep_tai_len",
        ErrorKind::Listen => "vanban::trang::khong_mo_duoc_cong",
        ErrorKind::Crashed => "vanban::noi_bo::loi",
    }
}

/// What to do next, when the message itself does not already say it.
pub fn help(e: &Error, lang: Lang) -> Option<String> {
    let text = match e {
        Error::UnknownKind { .. } => tr!(
            lang,
            "`vanban new --help` liệt kê các loại văn bản; loại mới được khai báo ở [loai.<tên>] trong hồ sơ thể thức (docs/loai-van-ban.md)",
            "`vanban new --help` lists the kinds; a new kind is declared as [loai.<key>] in the profile (docs/loai-van-ban.md)",
        ),
        Error::Parse { .. } | Error::Invalid { .. } => tr!(
            lang,
            "sửa chỗ được đánh dấu rồi chạy lại; `vanban check TỆP` kiểm tra mà không in",
            "fix the marked place and run again; `vanban check FILE` checks without rendering",
        ),
        Error::UnknownFormat { .. } => tr!(
            lang,
            "đổi tên tệp cho đúng đuôi, hoặc tạo văn bản mới bằng `vanban new`",
            "rename the file with the right extension, or start one with `vanban new`",
        ),
        Error::NoProfileFont { .. } | Error::NoFontIn { .. } => tr!(
            lang,
            "`vanban fonts` liệt kê các phông vanban dùng được",
            "`vanban fonts` lists the fonts vanban can use",
        ),
        Error::NoRegister { .. } => tr!(
            lang,
            "sổ được tạo khi lưu văn bản đầu tiên: `vanban archive VB.toml --to THƯ_MỤC`",
            "the register is created with the first archived document: `vanban archive DOC.toml --to DIR`",
        ),
        Error::Typeset { .. }
        | Error::Pdf { .. }
        | Error::Docx { .. }
        | Error::Png { .. }
        | Error::Crashed { .. } => {
            tr!(
                lang,
                "đây là lỗi của vanban, không phải của văn bản; hãy gửi tệp văn bản kèm thông báo này cho người bảo trì",
                "this is vanban's fault, not the document's; send the document file with this message to the maintainers",
            )
        }
        _ => return None,
    };
    Some(text)
}

/// The file an error is in and the field it names (may be empty), for the
/// source excerpt; `None` when the error is not about one place in a file.
pub fn place<'a>(e: &'a Error) -> Option<(&'a Path, usize, usize, Cow<'a, str>)> {
    let at = |file: &'a Path, field: &'static str| Some((file, 0, 0, Cow::Borrowed(field)));
    match e {
        Error::Parse { loc, .. } => Some((&loc.file, loc.line, loc.column, e.parse_field())),
        Error::UnknownKind { loc, .. } => {
            Some((&loc.file, loc.line, loc.column, Cow::Borrowed("loai")))
        }
        // A missing block has no place of its own: the kind asks for it.
        Error::KindBlock {
            file,
            problem: crate::kinds::BlockProblem::Missing,
            ..
        } => at(file, "loai"),
        Error::KindBlock { file, field, .. } | Error::Copy { file, field, .. } => {
            Some((file, 0, 0, Cow::Borrowed(field)))
        }
        // A profile file that does not parse: its own place.
        Error::Profile {
            problem: crate::problems::ProfileProblem::Unreadable(inner),
            ..
        } => place(inner),
        Error::Invalid { file, field, .. }
        | Error::MissingGlyph { file, field, .. }
        | Error::LegacyEncoding { file, field, .. }
        | Error::Limit { file, field, .. }
        | Error::Outside { file, field, .. }
        | Error::Table { file, field, .. }
        | Error::Outline { file, field, .. } => Some((file, 0, 0, Cow::Borrowed(field))),
        _ => None,
    }
}

/// Where an error stands as an editor wants it.
#[derive(Debug, PartialEq, Eq)]
pub struct Located<'a> {
    pub file: &'a Path,
    /// May be empty.
    pub field: String,
    /// 1-based line and column, when known.
    pub at: Option<(usize, usize)>,
}

/// [`Located`] for an error about one place in a file, a field's line
/// found in the text `text_of` gives for a TOML file; `None` when the error
/// is not about one place.
pub fn locate(e: &Error, text_of: impl FnOnce(&Path) -> Option<String>) -> Option<Located<'_>> {
    let (file, line, column, field) = place(e)?;
    let at = if line > 0 {
        Some((line, column))
    } else if !field.is_empty() && file.extension().is_some_and(|x| x == "toml") {
        text_of(file).and_then(|text| {
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            crate::locate::field(text, &field)
        })
    } else {
        None
    };
    Some(Located {
        file,
        field: field.into_owned(),
        at,
    })
}
