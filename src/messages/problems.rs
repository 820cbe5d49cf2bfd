//! The sentences of the reasons in [`crate::problems`], Vietnamese and
//! English side by side. Like errors.rs, every match names every variant.

use super::{tr, Lang};
use crate::problems::{
    ArchiveProblem, CatalogueProblem, FragmentFailure, FragmentPlace, FragmentProblem, Invalid,
    KindProblem, ProfileProblem, RegisterProblem, SkeletonProblem, TreeProblem,
};

/// " (có phải là `x`?)" / " (did you mean `x`?)", or nothing.
fn guess(suggestion: Option<&str>, lang: Lang) -> String {
    suggestion
        .map(|s| tr!(lang, " (có phải là `{}`?)", " (did you mean `{}`?)", s))
        .unwrap_or_default()
}

fn joined(list: &[String]) -> String {
    list.join(", ")
}

pub fn invalid(p: &Invalid, lang: Lang) -> String {
    match p {
        Invalid::NumberZero => tr!(
            lang,
            "số văn bản bắt đầu từ 1 (in là 01); bỏ trống `so` nếu là dự thảo",
            "document numbers start at 1 (printed 01); leave `so` out for a draft",
        ),
        Invalid::Empty => tr!(lang, "không được để trống", "must not be empty"),
        Invalid::EmptyRecipient => tr!(
            lang,
            "nơi nhận không được để trống",
            "a recipient must not be empty",
        ),
        Invalid::NoSuchText { path } => tr!(
            lang,
            "`{}` không phải là trường chữ nào của văn bản; hãy ghi tên trường như thông báo lỗi ghi (`ky.ho_ten`, `mo_dau[2]`, `noi_dung[0].doan[1]`)",
            "`{}` names no text of this document; write the field as an error names it (`ky.ho_ten`, `mo_dau[2]`, `noi_dung[0].doan[1]`)",
            path
        ),
        Invalid::LoneAccent { code_point } => tr!(
            lang,
            "dấu U+{:04X} không ghép được với chữ cái đứng trước; hãy gõ lại chữ này",
            "the accent U+{:04X} does not combine with the letter before it; retype the letter",
            code_point
        ),
        Invalid::Notation(e) => notation(e, lang),
        Invalid::CopyImages => tr!(
            lang,
            "ảnh chữ ký và con dấu chỉ dùng trong `[ky]` của văn bản; bản sao được ký trên giấy hoặc bằng chữ ký số",
            "signature and seal images go with the document's own `[ky]`; a copy is signed on paper or with a digital signature",
        ),
        Invalid::CirculationTwice => tr!(
            lang,
            "chỉ dẫn phạm vi lưu hành này được ghi hai lần",
            "this circulation note is listed twice",
        ),
        Invalid::ForWithoutForm => tr!(
            lang,
            "`thay_mat` ghi cơ quan được ký thay nên cần `hinh_thuc` (thay-mat, ky-thay, thua-lenh hoặc quyen)",
            "`thay_mat` names the body signed for, so it needs `hinh_thuc` (thay-mat, ky-thay, thua-lenh or quyen)",
        ),
        Invalid::YearOutside { year, first, last } => tr!(
            lang,
            "năm {} nằm ngoài khoảng {}–{} mà vanban chấp nhận; hãy kiểm tra lại năm",
            "the year {} is outside {}–{}, the years vanban accepts; check the year",
            year,
            first,
            last
        ),
        Invalid::ProfileTheThuc {
            profile,
            profile_the_thuc,
            document_the_thuc,
        } => tr!(
            lang,
            "bộ thể thức `{}` dành cho thể thức `{}`, nhưng văn bản ghi `the_thuc = \"{}\"`",
            "profile `{}` is for thể thức `{}`, but the document says `the_thuc = \"{}\"`",
            profile,
            profile_the_thuc,
            document_the_thuc
        ),
        Invalid::NoAddresseeLayout { profile } => tr!(
            lang,
            "bộ thể thức `{}` không có cách trình bày \"Kính gửi:\" (thiếu bảng `[kinh_gui]`) nên nơi được gửi sẽ không được in; hãy bỏ `kinh_gui` hoặc dùng bộ thể thức khác",
            "profile `{}` has no layout for \"Kính gửi:\" (no `[kinh_gui]` table), so the addressees would not be printed; remove `kinh_gui` or use a profile that has one",
            profile
        ),
        Invalid::NoCopyLayout { profile } => tr!(
            lang,
            "bộ thể thức `{}` không có cách trình bày bản sao (thiếu bảng `[ban_sao]`); hãy dùng bộ thể thức khác",
            "profile `{}` has no layout for copies (no `[ban_sao]` table); use a profile that has one",
            profile
        ),
        Invalid::NoMarkLayout { profile, mark } => tr!(
            lang,
            "bộ thể thức `{}` không có cách trình bày dấu chỉ dẫn (thiếu bảng `[chi_dan]`) nên `{}` sẽ không được in; hãy bỏ dấu này hoặc dùng bộ thể thức khác",
            "profile `{}` has no layout for marks (no `[chi_dan]` table), so `{}` would not be printed; remove it or use a profile that has one",
            profile,
            mark
        ),
        Invalid::DateOutsidePdf => tr!(
            lang,
            "ngày này nằm ngoài khoảng ngày mà tệp PDF ghi được",
            "the date is outside the range a PDF can carry",
        ),
        Invalid::AppendixNeedsFigures => tr!(
            lang,
            "bảng chỉ tiêu cần số liệu: hãy thêm [so_lieu] với `chi_tieu` và `thuc_hien`, hoặc ghi `noi_dung` riêng cho phụ lục",
            "the indicator table needs figures: add [so_lieu] with `chi_tieu` and `thuc_hien`, or give the appendix its own `noi_dung`",
        ),
        Invalid::PeriodMismatch {
            document,
            figures_file,
            figures,
            year,
        } => tr!(
            lang,
            "văn bản báo cáo {} nhưng {} là số liệu {}",
            "the document reports {} but {} holds the figures of {}",
            document.long_name(*year),
            figures_file.display(),
            figures.long_name(*year)
        ),
        Invalid::NoPeriod { figures_file } => match lang {
            Lang::Vi => format!(
                "{} không ghi kỳ báo cáo: hãy thêm `ky = \"quy-1\"` (hoặc 6-thang, 9-thang, nam, thang-2, tuan-7, \"01/02/2026..15/02/2026\") vào [so_lieu]",
                figures_file.display()
            ),
            Lang::En => format!(
                "{} does not say its period: add `ky = \"quy-1\"` ({}) to [so_lieu]",
                figures_file.display(),
                crate::fields::PERIODS
            ),
        },
        Invalid::FiguresYear {
            year,
            catalogue,
            catalogue_year,
        } => tr!(
            lang,
            "số liệu là của năm {} nhưng danh mục {} là chỉ tiêu năm {}",
            "the figures are for {} but the catalogue {} sets the targets of {}",
            year,
            catalogue.display(),
            catalogue_year
        ),
        Invalid::PeriodYear {
            period,
            year,
            catalogue,
            catalogue_year,
        } => tr!(
            lang,
            "kỳ {} thuộc năm {} nhưng danh mục {} là chỉ tiêu năm {}",
            "the period {} lies in {} but the catalogue {} sets the targets of {}",
            period,
            year,
            catalogue.display(),
            catalogue_year
        ),
        Invalid::NoWeek53 { year, period } => tr!(
            lang,
            "năm {} không có {}: năm này chỉ có 52 tuần",
            "{} has no week {}: its last ISO week is 52",
            year,
            period
        ),
        Invalid::Catalogue(c) => catalogue(c, lang),
        Invalid::Fragment(failure) => {
            let FragmentFailure {
                place,
                line,
                problem,
            } = failure.as_ref();
            let (what, of) = match (place, lang) {
                (FragmentPlace::Text, Lang::Vi) => ("chữ".to_string(), ""),
                (FragmentPlace::Text, Lang::En) => ("text".to_string(), ""),
                (FragmentPlace::Fragment { name }, Lang::Vi) => {
                    (format!("đoạn `{name}`"), " của đoạn")
                }
                (FragmentPlace::Fragment { name }, Lang::En) => {
                    (format!("fragment `{name}`"), " of the fragment")
                }
                (FragmentPlace::Included { name, by }, Lang::Vi) => {
                    (format!("đoạn `{name}` (được chèn trong `{by}`)"), " của đoạn")
                }
                (FragmentPlace::Included { name, by }, Lang::En) => (
                    format!("fragment `{name}` (included by `{by}`)"),
                    " of the fragment",
                ),
            };
            tr!(
                lang,
                "{}, dòng {}{}: {}",
                "{}, line {}{}: {}",
                what,
                line,
                of,
                fragment(problem, lang)
            )
        }
        Invalid::NoFragment { name, suggestion } => tr!(
            lang,
            "không có đoạn nào tên `{}`{}",
            "no fragment named `{}`{}",
            name,
            guess(suggestion.as_deref(), lang)
        ),
        Invalid::SameOutput { output, first } => tr!(
            lang,
            "tệp PDF {} của văn bản này sẽ ghi đè tệp của {}; hãy đổi tên một trong hai",
            "its PDF {} would overwrite that of {}; rename one of them",
            output.display(),
            first.display()
        ),
        Invalid::NotEditable => tr!(
            lang,
            "trang này không sửa trường này; hãy sửa ngay trong tệp",
            "this field is not one the form edits; change it in the file itself",
        ),
        Invalid::NoSuchField => tr!(lang, "không có trường này", "no such field"),
        Invalid::CannotBeEmpty => tr!(
            lang,
            "trường này không được để trống",
            "this field cannot be empty",
        ),
        Invalid::NumberNotDigits { value } => tr!(
            lang,
            "`{}` không phải là số; hãy ghi số văn bản bằng chữ số, hoặc để trống nếu là dự thảo",
            "`{}` is not a number; write the document number in digits, or leave it empty for a draft",
            value
        ),
        Invalid::YearNotDigits { value } => tr!(
            lang,
            "`{}` không phải là năm; hãy ghi bằng chữ số (2026)",
            "`{}` is not a year; write it in digits (2026)",
            value
        ),
        Invalid::FiguresNotTable => tr!(
            lang,
            "`so_lieu` không phải là một bảng",
            "`so_lieu` is not a table",
        ),
        Invalid::Syntax { detail } => tr!(
            lang,
            "tệp không còn đúng cú pháp TOML: {}",
            "the file is no longer valid TOML: {}",
            detail
        ),
    }
}

pub fn notation(e: &crate::model::NotationError, lang: Lang) -> String {
    use crate::model::NotationError;
    match e {
        NotationError::UnclosedNote { at } => tr!(
            lang,
            "chú thích mở bằng `^[` ở ký tự thứ {} chưa có dấu `]` đóng; hãy đóng lại, hoặc viết `\\^[` nếu muốn in đúng hai ký tự này",
            "the footnote opened with `^[` at character {} has no closing `]`; close it, or write `\\^[` for the characters themselves",
            at
        ),
        NotationError::NestedNote { at } => tr!(
            lang,
            "chú thích không được chứa chú thích khác (`^[` ở ký tự thứ {}); viết `\\^[` nếu muốn in đúng hai ký tự này",
            "a footnote cannot hold another footnote (`^[` at character {}); write `\\^[` for the characters themselves",
            at
        ),
        NotationError::EmptyNote { at } => tr!(
            lang,
            "chú thích `^[]` ở ký tự thứ {} đang trống; hãy viết nội dung chú thích giữa hai dấu ngoặc vuông",
            "the footnote `^[]` at character {} is empty; write its text between the brackets",
            at
        ),
    }
}

fn fragment(p: &FragmentProblem, lang: Lang) -> String {
    match p {
        FragmentProblem::Undefined { expression } => tr!(
            lang,
            "`{}` chưa được định nghĩa (đoạn văn dùng được chi_tieu.<mã>, tong_hop, nhom, ky, nam — khi có [so_lieu] — và tên các đoạn khác)",
            "`{}` is not defined (the names a fragment can use: chi_tieu.<code>, tong_hop, nhom, ky, nam — with [so_lieu] — and the other fragments by name)",
            expression
        ),
        FragmentProblem::UnknownFunction { expression } => tr!(
            lang,
            "`{}`: không có hàm này (đoạn văn có các bộ lọc so, phan_tram, tang_giam, so_cung_ky, so_ke_hoach, th_kh, la_ma, ngay, ky)",
            "`{}`: unknown function (fragments have the filters so, phan_tram, tang_giam, so_cung_ky, so_ke_hoach, th_kh, la_ma, ngay, ky)",
            expression
        ),
        FragmentProblem::NoIndicator { code, suggestion } => tr!(
            lang,
            "không có chỉ tiêu `{}` trong số liệu{}",
            "no indicator `{}` in the data{}",
            code,
            guess(suggestion.as_deref(), lang)
        ),
        FragmentProblem::Value(v) => super::parsing::value_problem(v, lang),
        FragmentProblem::Syntax { detail } => tr!(
            lang,
            "đoạn văn viết sai cú pháp (lời của bộ máy mẫu: {})",
            "syntax error: {}",
            detail
        ),
        FragmentProblem::TooManySteps => tr!(
            lang,
            "đoạn văn chạy quá nhiều bước (vòng lặp quá dài)",
            "the fragment ran too many steps (a loop too long)",
        ),
        // minijinja's kind and words, after a sentence of vanban's.
        FragmentProblem::Engine { detail } => tr!(
            lang,
            "đoạn văn không chạy được (lời của bộ máy mẫu: {})",
            "the fragment failed: {}",
            detail
        ),
    }
}

/// Why a layout template failed.
pub fn template(p: &crate::problems::TemplateProblem, lang: Lang) -> String {
    use crate::problems::TemplateProblem;
    match p {
        TemplateProblem::MissingLibrary => tr!(
            lang,
            "bộ mẫu thiếu thư viện bố cục này",
            "this layout library is missing from the template set",
        ),
        TemplateProblem::Engine { detail } => tr!(
            lang,
            "mẫu không chạy được (lời của bộ máy mẫu: {})",
            "{}",
            detail
        ),
    }
}

fn catalogue(p: &CatalogueProblem, lang: Lang) -> String {
    match p {
        CatalogueProblem::BadCode { at, code } => tr!(
            lang,
            "{}: mã `{}` chỉ được có chữ a-z, chữ số 0-9 và dấu _",
            "{}: the code `{}` may hold only a-z, 0-9 and _",
            at,
            code
        ),
        CatalogueProblem::CodeTwice { at, code } => tr!(
            lang,
            "{}: mã `{}` được dùng hai lần",
            "{}: the code `{}` is used twice",
            at,
            code
        ),
        CatalogueProblem::NegativePlan { at, key, value } => tr!(
            lang,
            "{}: `{}` là {}, nhỏ hơn 0; giá trị, tỷ lệ hay số đếm không thể là số âm (chỉ chỉ tiêu dạng `khoang`, là tỷ lệ thay đổi như tỷ lệ giảm hộ nghèo, mới được âm)",
            "{}: `{}` is {}, below zero; a value, rate or count cannot be below zero; only a `khoang` target (a rate of change, such as the poverty reduction rate) may be negative",
            at,
            key,
            value
        ),
        CatalogueProblem::ShapeNeeds { at, shape, needs } => tr!(
            lang,
            "{}: chỉ tiêu dạng `{}` cần {}",
            "{}: a `{}` target needs {}",
            at,
            shape,
            needs
        ),
    }
}

pub fn archive(p: &ArchiveProblem, lang: Lang) -> String {
    let again = match lang {
        Lang::Vi => "tệp đã lưu không bao giờ bị ghi đè: hãy chuyển nó đi rồi lưu lại",
        Lang::En => "archived files are never overwritten: move it away and archive again",
    };
    match p {
        ArchiveProblem::AbsoluteSource { field, name } => tr!(
            lang,
            "trường `{}`: `{}` là đường dẫn tuyệt đối; văn bản lưu trữ phải ghi tệp số liệu theo đường dẫn tính từ chính nó, để các tệp nguồn đi kèm in lại được ở bất cứ đâu",
            "field `{}`: `{}` is an absolute path; an archived document names its data relative to itself, so that the sources it carries render again anywhere",
            field,
            name.display()
        ),
        ArchiveProblem::NotFromFile => tr!(
            lang,
            "văn bản không được đọc từ tệp nên không giữ được các tệp nguồn",
            "the document was not read from its file, so its sources cannot be kept",
        ),
        ArchiveProblem::PathNotUnicode => tr!(
            lang,
            "đường dẫn không phải Unicode hợp lệ; hãy đổi tên tệp",
            "the path is not valid Unicode; rename the file",
        ),
        ArchiveProblem::ReservedName { name } => tr!(
            lang,
            "tệp nguồn không được đặt tên {}: vanban dùng tên này",
            "a source may not be named {}: vanban uses that name",
            name
        ),
        ArchiveProblem::UnsafeName { name } => tr!(
            lang,
            "từ chối tên tệp `{}`: không phải đường dẫn tương đối thông thường",
            "refusing the file name `{}`: it is not a plain relative path",
            name
        ),
        ArchiveProblem::NotAFolder => tr!(
            lang,
            "đã có và không phải là thư mục; hãy giải nén vào một thư mục mới bằng -o",
            "exists and is not a folder; extract into a new folder with -o",
        ),
        ArchiveProblem::Symlink => tr!(
            lang,
            "là liên kết tượng trưng; lệnh giải nén không bao giờ ghi qua liên kết: hãy giải nén vào một thư mục mới bằng -o",
            "is a symbolic link; extract never writes through one: extract into a new folder with -o",
        ),
        ArchiveProblem::Exists => tr!(
            lang,
            "đã có; lệnh giải nén không bao giờ ghi đè tệp: hãy giải nén vào một thư mục mới bằng -o",
            "already exists; extract never overwrites a file: extract into a new folder with -o",
        ),
        ArchiveProblem::CannotWriteNumber { number } => tr!(
            lang,
            "không ghi được số {0} vừa cấp vào tệp này; hãy tự thêm `so = {0}` rồi lưu lại, không dùng --assign-number",
            "cannot write the assigned number {0} into this file; add `so = {0}` by hand and archive it again without --assign-number",
            number
        ),
        ArchiveProblem::StandardWithoutFiles { standard } => tr!(
            lang,
            "PDF/{} không đính kèm được tệp; hãy dùng a-3b, hoặc lưu các tệp nguồn bên cạnh PDF",
            "PDF/{} cannot carry embedded files; use a-3b, or store the sources beside the PDF",
            standard
        ),
        ArchiveProblem::Draft => tr!(
            lang,
            "văn bản chưa có số (`so`): đây là dự thảo. Hãy ghi số, hoặc lưu với --assign-number để nhận số tiếp theo còn trống",
            "the document has no number (`so`): it is a draft. Give it its number, or archive it with --assign-number to take the next free one",
        ),
        ArchiveProblem::NotUtf8 => tr!(
            lang,
            "tệp không phải văn bản UTF-8",
            "the file is not UTF-8 text",
        ),
        ArchiveProblem::UnknownTypeCode {
            code,
            the_thuc,
            codes,
        } => tr!(
            lang,
            "`{}` không phải là mã loại văn bản của thể thức `{}`; các mã là {}",
            "`{}` is not a type code of thể thức `{}`; the codes are {}",
            code,
            the_thuc,
            joined(codes)
        ),
        ArchiveProblem::SeveralBodies { bodies } => tr!(
            lang,
            "sổ có văn bản của nhiều cơ quan ban hành ({}); hãy chọn một bằng --co-quan",
            "the register holds documents of several issuing bodies ({}); say which with --co-quan",
            joined(bodies)
        ),
        ArchiveProblem::NoEntry { entry } => tr!(
            lang,
            "--replaces {}: sổ không có mục này",
            "--replaces {}: there is no such entry in the register",
            entry
        ),
        ArchiveProblem::AlreadyReplaced {
            entry,
            number_symbol,
            by,
        } => tr!(
            lang,
            "--replaces {0}: mục {0} ({1}) đã được thay bằng mục {2}; hãy lưu bản đính chính tiếp theo với --replaces {2}",
            "--replaces {0}: entry {0} ({1}) was already replaced by entry {2}; archive a further correction with --replaces {2}",
            entry,
            number_symbol,
            by
        ),
        ArchiveProblem::NotTheSameNumber {
            entry,
            number_symbol,
            date,
            this,
            draft,
            this_date,
        } => {
            let this = match (draft, lang) {
                (true, Lang::Vi) => format!("dự thảo {this}"),
                (true, Lang::En) => format!("a draft {this}"),
                (false, _) => this.clone(),
            };
            tr!(
                lang,
                "--replaces {0}: mục {0} là {1} ngày {2}; bản đính chính giữ nguyên số và ký hiệu, nhưng văn bản này là {3} ngày {4}",
                "--replaces {0}: entry {0} is {1} of {2}; a corrected version keeps its number and symbol, but this document is {3} of {4}",
                entry,
                number_symbol,
                date,
                this,
                this_date.format("%Y-%m-%d")
            )
        }
        ArchiveProblem::NoTerm { date } => tr!(
            lang,
            "văn bản của Đảng được đánh số theo nhiệm kỳ cấp ủy, nhưng sổ chưa ghi nhiệm kỳ nào bắt đầu từ {} trở về trước; hãy cho ngày đầu nhiệm kỳ bằng --nhiem-ky-tu NNNN-TT-NN",
            "Party documents are numbered within the Party committee's term (nhiệm kỳ), and the register records no term that began on or before {}; give the term's first day with --nhiem-ky-tu YYYY-MM-DD",
            date.format("%d/%m/%Y")
        ),
        ArchiveProblem::StrayFile => tr!(
            lang,
            "tệp này nằm trong thư mục lưu trữ nhưng không có trong sổ, và khác với PDF đang lưu; {}",
            "this file is in the archive directory but not in the register, and differs from the PDF being archived; {}",
            again
        ),
        ArchiveProblem::StrayFolder => tr!(
            lang,
            "tên này nằm trong thư mục lưu trữ nhưng không có trong sổ, và không phải thư mục nguồn; {}",
            "this name is in the archive directory but not in the register, and is not a folder of sources; {}",
            again
        ),
        ArchiveProblem::UnreadablePdf { detail } => tr!(
            lang,
            "không đọc được tệp PDF: {}",
            "not a readable PDF: {}",
            detail
        ),
        ArchiveProblem::DamagedTree { problem } => tree(problem, lang),
        ArchiveProblem::NoEmbeddedFiles => tr!(
            lang,
            "tệp PDF không đính kèm tệp nào; chỉ PDF/A-3b do `vanban archive` hoặc `vanban render --pdf-standard a-3b` tạo ra mới mang theo tệp nguồn",
            "the PDF carries no embedded files; only a PDF/A-3b made by `vanban archive` or `vanban render --pdf-standard a-3b` carries its sources",
        ),
        ArchiveProblem::BadManifest { manifest, detail } => tr!(
            lang,
            "{} không phải là bản kê của vanban: {}",
            "{} is not a vanban manifest: {}",
            manifest,
            detail
        ),
        ArchiveProblem::ManifestFormat {
            manifest,
            found,
            known,
        } => tr!(
            lang,
            "{} có định dạng `{}`; bản vanban này đọc `{}`",
            "{} has format `{}`; this vanban reads `{}`",
            manifest,
            found,
            known
        ),
        ArchiveProblem::NotEmbedded { path } => tr!(
            lang,
            "bản kê ghi `{}` nhưng tệp này không được đính kèm",
            "the manifest lists `{}`, which is not embedded",
            path
        ),
        ArchiveProblem::Altered { path } => tr!(
            lang,
            "tệp đính kèm `{}` không khớp mã SHA-256 trong bản kê: tệp PDF đã bị sửa",
            "embedded `{}` does not match its SHA-256 in the manifest: the PDF was altered",
            path
        ),
        ArchiveProblem::NotKeys => tr!(
            lang,
            "văn bản gốc không phải là một bảng khóa và giá trị nên không thêm được lệnh sao",
            "the original document is not a table of keys and values, so the copy order cannot be added",
        ),
        ArchiveProblem::CopyOrderUnwritable { detail } => tr!(
            lang,
            "không ghi được lệnh sao vào văn bản gốc: {}",
            "cannot write the copy order into the original document: {}",
            detail
        ),
    }
}

fn tree(p: &TreeProblem, lang: Lang) -> String {
    match p {
        TreeProblem::TooDeep => tr!(
            lang,
            "cây tệp đính kèm của PDF lồng quá sâu",
            "the embedded files tree is too deep",
        ),
        TreeProblem::Cycle => tr!(
            lang,
            "cây tệp đính kèm của PDF có vòng lặp",
            "the embedded files tree has a cycle",
        ),
        TreeProblem::NoData { name } => tr!(
            lang,
            "tệp đính kèm `{}` không có dữ liệu",
            "embedded file `{}` has no data",
            name
        ),
        TreeProblem::NoStream { name } => tr!(
            lang,
            "tệp đính kèm `{}` không có luồng dữ liệu",
            "embedded file `{}` has no data stream",
            name
        ),
        TreeProblem::Undecodable { name, detail } => tr!(
            lang,
            "tệp đính kèm `{}` không giải mã được: {}",
            "embedded file `{}` cannot be decoded: {}",
            name,
            detail
        ),
    }
}

pub fn profile(p: &ProfileProblem, lang: Lang) -> String {
    match p {
        ProfileProblem::NoSuchProfile { looked_for, known } => tr!(
            lang,
            "không có bộ thể thức này (đã tìm {}); các bộ có sẵn: {}",
            "no such profile (looked for {}); known profiles: {}",
            looked_for,
            joined(known)
        ),
        ProfileProblem::Unreadable(e) => super::errors::text(e, lang),
        ProfileProblem::Together { first, second } => tr!(
            lang,
            "`{}` và `{}` phải đi cùng nhau: ghi cả hai hoặc không ghi",
            "`{}` and `{}` go together: give both or neither",
            first,
            second
        ),
        ProfileProblem::MarkOrRule => tr!(
            lang,
            "dưới tên cơ quan ban hành có dấu sao (`dau.dau_sao`) hoặc đường kẻ (`dau.ke_ban_hanh`), không có cả hai",
            "under the issuing body there is either a mark (`dau.dau_sao`) or a rule (`dau.ke_ban_hanh`), not both",
        ),
        ProfileProblem::SeparatorOrRule => tr!(
            lang,
            "dưới trích yếu có dấu phân cách (`ten_loai.phan_cach`) hoặc đường kẻ (`ten_loai.ke_trich_yeu`), không có cả hai",
            "under the trích yếu there is either a separator (`ten_loai.phan_cach`) or a rule (`ten_loai.ke_trich_yeu`), not both",
        ),
        ProfileProblem::Fraction { key, got } => tr!(
            lang,
            "`{}` là tỷ lệ so với độ dài dòng chữ, lớn hơn 0 và không quá 1 (0.4 là 2/5); đang là {}",
            "`{}` is a fraction of the text's length, above 0 and at most 1 (0.4 is 2/5); got {}",
            key,
            got
        ),
        ProfileProblem::NoKinds => tr!(
            lang,
            "bộ thể thức không khai báo loại văn bản nào; hãy thêm các bảng `[loai.<tên>]` (xem docs/loai-van-ban.md)",
            "the profile declares no kind of document; add `[loai.<key>]` tables (see docs/loai-van-ban.md)",
        ),
        ProfileProblem::Kind { key, problem } => kind(key, problem, lang),
        ProfileProblem::MarkWords { mark } => tr!(
            lang,
            "`chi_dan.chu` chưa có chữ cho dấu `{}`",
            "`chi_dan.chu` has no words for the mark `{}`",
            mark
        ),
        ProfileProblem::DraftRoundWords => tr!(
            lang,
            "`chi_dan.chu.du-thao-lan` cần `{{n}}` ở chỗ ghi lần dự thảo (\"Dự thảo lần {{n}}\")",
            "`chi_dan.chu.du-thao-lan` needs `{{n}}` where the round goes (\"Dự thảo lần {{n}}\")",
        ),
        ProfileProblem::Colour { group, value } => tr!(
            lang,
            "`chi_dan.{}.mau` là `{}`; hãy ghi màu dạng #rrggbb (#e00000)",
            "`chi_dan.{}.mau` is `{}`; write a colour as #rrggbb (#e00000)",
            group,
            value
        ),
        ProfileProblem::CornerNeedsTop { group } => tr!(
            lang,
            "`chi_dan.{}` đặt ở `goc-phai` nên cần `cach_mep_tren` (khoảng cách tới mép trên)",
            "`chi_dan.{}` is placed `goc-phai`, which needs `cach_mep_tren` (its distance from the top edge)",
            group
        ),
        ProfileProblem::SealShare { got } => tr!(
            lang,
            "`ky.anh_dau_phu` là phần chữ ký mà con dấu trùm lên, từ 0 đến 1 (0.33 là một phần ba); đang là {}",
            "`ky.anh_dau_phu` is the share of the signature the seal covers, from 0 to 1 (0.33 is a third); got {}",
            got
        ),
        ProfileProblem::NoFontFamily => tr!(
            lang,
            "`chu.ho_phong` cần ít nhất một họ phông chữ",
            "`chu.ho_phong` needs at least one font family",
        ),
        ProfileProblem::HeadingLevels => tr!(
            lang,
            "`muc.so`, `muc.in_hoa`, `muc.dam` và `muc.nghieng` cần mỗi cấp đề mục một mục, cùng số lượng",
            "`muc.so`, `muc.in_hoa`, `muc.dam` and `muc.nghieng` need one entry per heading level, the same number each",
        ),
        ProfileProblem::Scheme { key } => format!(
            "`muc.kieu`: {}",
            super::value_problem(
                &crate::parsing::ValueProblem::NotAScheme { value: key.clone() },
                lang
            )
        ),
        ProfileProblem::CopyWords { key } => tr!(
            lang,
            "`ban_sao.ten` và `ban_sao.ma` cần một mục cho `{}`",
            "`ban_sao.ten` and `ban_sao.ma` need an entry for `{}`",
            key
        ),
        ProfileProblem::NoNumberInPattern => tr!(
            lang,
            "`dau.mau_so` không có `{{so}}` nên sổ đăng ký không ghi được số",
            "`dau.mau_so` has no `{{so}}`, so the register cannot write numbers",
        ),
    }
}

fn kind(key: &str, p: &KindProblem, lang: Lang) -> String {
    match p {
        KindProblem::EmptyName => tr!(
            lang,
            "`loai.{}.ten` không được để trống",
            "`loai.{}.ten` must not be empty",
            key
        ),
        KindProblem::Signatures { got } => tr!(
            lang,
            "`loai.{}.khoi.so_chu_ky` là 1 hoặc 2 (hai chữ ký cạnh nhau); đang là {}",
            "`loai.{}.khoi.so_chu_ky` is 1 or 2 (two signatures side by side); got {}",
            key,
            got
        ),
        KindProblem::ArticleScheme => tr!(
            lang,
            "`loai.{}.khoi.dieu` cần kiểu đánh số: `{{ so = \"Điều {{n}}.\" }}`",
            "`loai.{}.khoi.dieu` needs its scheme: `{{ so = \"Điều {{n}}.\" }}`",
            key
        ),
        KindProblem::Template { got } => tr!(
            lang,
            "`loai.{}.mau` là tên một mẫu trong kinds/, không có đuôi (\"van-ban\"); đang là `{}`",
            "`loai.{}.mau` names a template in kinds/ without its extension (\"van-ban\"); got `{}`",
            key,
            got
        ),
        KindProblem::PatternWithoutNumber => tr!(
            lang,
            "`loai.{}.mau_so` cần `{{so}}`, chỗ ghi số",
            "`loai.{}.mau_so` needs `{{so}}`, the number",
            key
        ),
    }
}

pub fn register(p: &RegisterProblem, lang: Lang) -> String {
    match p {
        RegisterProblem::TermRenumbers { start, symbol, date } => tr!(
            lang,
            "không ghi được nhiệm kỳ bắt đầu {}: văn bản {} ngày {} đã được đánh số trong nhiệm kỳ trước",
            "cannot record a term starting {}: {} of {} is already numbered in the previous term",
            start.format("%Y-%m-%d"),
            symbol,
            date
        ),
        RegisterProblem::TermNotDate { value } => tr!(
            lang,
            "ngày đầu nhiệm kỳ `{}` trong sổ không phải là ngày",
            "a term start `{}` is not a date",
            value
        ),
        RegisterProblem::NameTaken { name } => tr!(
            lang,
            "tên {} đã có trong sổ đăng ký",
            "the name {} is already registered",
            name
        ),
    }
}

pub fn skeleton(p: &SkeletonProblem, lang: Lang) -> String {
    match p {
        SkeletonProblem::UnknownKind { suggestion, known } => tr!(
            lang,
            "không có loại văn bản này{}; các loại có mẫu: {}",
            "unknown kind{}; the kinds are: {}",
            guess(suggestion.as_deref(), lang),
            joined(known)
        ),
        SkeletonProblem::Several { choices } => tr!(
            lang,
            "loại văn bản này có nhiều mẫu; hãy chọn một: {}",
            "this kind has several skeletons; name one: {}",
            joined(choices)
        ),
        SkeletonProblem::NotInTheThuc {
            the_thuc,
            exists_for,
        } => tr!(
            lang,
            "không có mẫu thể thức {} cho loại này (Ủy ban nhân dân xã không ban hành loại văn bản này); có mẫu cho: {}",
            "there is no {} skeleton of this kind (a commune People's Committee does not issue it); it exists for: {}",
            the_thuc,
            joined(exists_for)
        ),
        SkeletonProblem::Missing { file } => tr!(
            lang,
            "thiếu tệp mẫu {}",
            "{} is missing",
            file
        ),
        SkeletonProblem::NotToml { out } => tr!(
            lang,
            "{}: văn bản mới được ghi dưới dạng TOML; hãy đặt tên tệp có đuôi .toml",
            "{}: a new document is written as TOML; give a file name ending in .toml",
            out.display()
        ),
        SkeletonProblem::UnknownTheThuc { value } => tr!(
            lang,
            "`{}` không phải là thể thức; hãy dùng dang hoặc nha-nuoc",
            "`{}` is not a thể thức; use dang or nha-nuoc",
            value
        ),
    }
}

/// A finding of `vanban register verify`.
#[cfg(feature = "archive")]
pub fn verify_finding(f: &crate::archive::verify::Finding, lang: Lang) -> String {
    use crate::archive::verify::{EntryRef, Finding};
    let entry = |e: &EntryRef, path: &str| match lang {
        Lang::Vi => format!("mục {} ({}): {path}", e.id, e.number_symbol),
        Lang::En => format!("entry {} ({}): {path}", e.id, e.number_symbol),
    };
    match f {
        Finding::RegisterDamaged { said } => tr!(
            lang,
            "{}: SQLite báo sổ bị hỏng: {}",
            "{}: SQLite reports damage: {}",
            crate::archive::REGISTER_FILE,
            said
        ),
        Finding::Missing { entry: e, path } => {
            tr!(lang, "{}: không còn tệp", "{}: missing", entry(e, path))
        }
        Finding::Unreadable {
            entry: e,
            path,
            said,
        } => tr!(
            lang,
            "{}: không đọc được ({})",
            "{}: cannot be read ({})",
            entry(e, path),
            said
        ),
        Finding::Altered {
            entry: e,
            path,
            found,
            registered,
        } => tr!(
            lang,
            "{}: đã bị sửa (SHA-256 là {} thay vì {} đã đăng ký)",
            "{}: altered (SHA-256 {} instead of the registered {})",
            entry(e, path),
            found,
            registered
        ),
        Finding::AddedToSources { entry: e, path } => tr!(
            lang,
            "{}: không được lưu trữ: tệp thêm vào thư mục nguồn",
            "{}: not archived: added to the sources folder",
            entry(e, path)
        ),
        Finding::Leftover { name } => tr!(
            lang,
            "{}: do một lần chạy bị ngắt để lại; không có trong sổ, xóa được",
            "{}: left by an interrupted run; not registered, safe to delete",
            name
        ),
        Finding::Unregistered { name } => tr!(
            lang,
            "{}: không có trong sổ (lưu trữ lại văn bản của nó thì được ghi vào sổ nếu đúng là tệp PDF đó)",
            "{}: not in the register (archiving its document again registers it if it is the same PDF)",
            name
        ),
    }
}
