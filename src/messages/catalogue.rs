//! What the commands say besides errors: progress lines, summaries, the
//! words of a diagnostic. One variant per message, its values as fields.

use std::path::PathBuf;

use super::{tr, Lang};

/// A message of the command line. `strum::EnumIter` lets the tests render
/// every one in both languages (fields take their default values there).
#[derive(Debug, Clone, strum::EnumIter)]
pub enum Msg {
    /// An output file was written.
    Wrote { file: PathBuf },
    /// `watch` started.
    Watching { file: PathBuf },
    /// `watch` rendered again.
    Rewrote { files: String, ms: u128 },
    /// `watch` met an error and left the last output alone.
    KeptLastOutput,
    /// The end of `check`.
    CheckSummary { file: PathBuf, warnings: usize },
    /// The end of `batch`.
    BatchSummary {
        done: usize,
        failed: usize,
        secs: f64,
        threads: usize,
    },
    /// `archive --nhiem-ky-tu` recorded a new term.
    RecordedTerm { start: String },
    /// `archive` stored a document.
    Archived {
        file: PathBuf,
        id: i64,
        number_symbol: String,
        stored: String,
    },
    /// `archive` found the same document already stored.
    AlreadyArchived {
        file: PathBuf,
        id: i64,
        number_symbol: String,
        stored: String,
    },
    /// `register next`.
    NextNumber {
        sequence: String,
        number: u32,
        symbol: String,
    },
    /// A remark of `register verify` that is not a problem.
    Note { text: String },
    /// `register verify` found nothing wrong.
    Intact {
        dir: PathBuf,
        entries: usize,
        files: usize,
    },
    /// `extract` wrote the sources.
    Extracted { files: usize, document: PathBuf },
    /// `vanban serve` is listening at `address`.
    ServeReady { address: String },
    /// `vanban serve --listen` on an address other computers can reach.
    ServeExposed,
    /// The word before a lint.
    Warning,
    /// A diagnostic's label at the offending field.
    LabelField { field: String },
    /// A diagnostic's label where no field is known.
    LabelHere,
    /// The heading of the kinds listed under `vanban new --help`.
    KindsHeading,
    /// `--pdf-standard` given something else than a standard vanban writes.
    NotAPdfStandard { value: String },
    /// `--form` of `register copy` given something else than a copy's form.
    NotACopyForm { value: String, forms: String },
}

impl Msg {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            Msg::Wrote { file } => tr!(lang, "đã ghi {}", "wrote {}", file.display()),
            Msg::Watching { file } => tr!(
                lang,
                "đang theo dõi {} (Ctrl+C để dừng)",
                "watching {} (Ctrl+C to stop)",
                file.display()
            ),
            Msg::Rewrote { files, ms } => {
                tr!(
                    lang,
                    "đã ghi {} trong {} ms",
                    "wrote {} in {} ms",
                    files,
                    ms
                )
            }
            Msg::KeptLastOutput => tr!(
                lang,
                "(giữ nguyên bản in trước)",
                "(the last good output is kept)"
            ),
            Msg::CheckSummary { file, warnings } => tr!(
                lang,
                "{}: {} cảnh báo",
                "{}: {} warning(s)",
                file.display(),
                warnings
            ),
            Msg::BatchSummary {
                done,
                failed,
                secs,
                threads,
            } => tr!(
                lang,
                "batch: {} văn bản xong, {} lỗi, trong {:.2} giây ({} luồng)",
                "batch: {} done, {} failed, in {:.2} s ({} threads)",
                done,
                failed,
                secs,
                threads
            ),
            Msg::RecordedTerm { start } => tr!(
                lang,
                "đã ghi nhiệm kỳ cấp ủy bắt đầu từ {}",
                "recorded a Party committee term starting {}",
                start
            ),
            Msg::Archived {
                file,
                id,
                number_symbol,
                stored,
            } => tr!(
                lang,
                "{}: đã lưu: mục {}, {}, {}",
                "{}: archived: entry {}, {}, {}",
                file.display(),
                id,
                number_symbol,
                stored
            ),
            Msg::AlreadyArchived {
                file,
                id,
                number_symbol,
                stored,
            } => tr!(
                lang,
                "{}: đã lưu từ trước, không đổi: mục {}, {}, {}",
                "{}: already archived, unchanged: entry {}, {}, {}",
                file.display(),
                id,
                number_symbol,
                stored
            ),
            Msg::NextNumber {
                sequence,
                number,
                symbol,
            } => tr!(
                lang,
                "số tiếp theo trong {}: {:02} {}",
                "next number in {}: {:02} {}",
                sequence,
                number,
                symbol
            ),
            Msg::Note { text } => tr!(lang, "ghi chú: {}", "note: {}", text),
            Msg::Intact {
                dir,
                entries,
                files,
            } => tr!(
                lang,
                "{}: {} mục, {} tệp, tất cả còn nguyên vẹn",
                "{}: {} entries, {} files, all intact",
                dir.display(),
                entries,
                files
            ),
            Msg::Extracted { files, document } => tr!(
                lang,
                "đã giải nén {} tệp; văn bản là {}",
                "extracted {} files; the document is {}",
                files,
                document.display()
            ),
            Msg::ServeReady { address } => tr!(
                lang,
                "vanban serve: mở {} trong trình duyệt (Ctrl+C để dừng)",
                "vanban serve: open {} in a browser (Ctrl+C to stop)",
                address
            ),
            Msg::ServeExposed => tr!(
                lang,
                "CẢNH BÁO: vanban serve nghe trên mạng (--listen): mọi máy kết nối được tới địa chỉ này đều đọc và sửa được các tệp trong thư mục. Chỉ dùng trong mạng nội bộ tin cậy.",
                "WARNING: vanban serve listens on the network (--listen): every computer that can reach this address can read and change the files in the folder. Use it only on a trusted office network.",
            ),
            Msg::Warning => tr!(lang, "cảnh báo", "warning"),
            Msg::LabelField { field } => tr!(lang, "trường `{}`", "field `{}`", field),
            Msg::LabelHere => tr!(lang, "ở đây", "here"),
            Msg::KindsHeading => tr!(
                lang,
                "Loại văn bản ([loai.*] trong hồ sơ thể thức):",
                "Kinds ([loai.*] in the profiles):",
            ),
            Msg::NotAPdfStandard { value } => tr!(
                lang,
                "`{}` không phải chuẩn PDF vanban ghi được; hãy dùng a-1b, a-2b hoặc a-3b",
                "`{}` is not a PDF standard vanban writes; use a-1b, a-2b or a-3b",
                value
            ),
            Msg::NotACopyForm { value, forms } => tr!(
                lang,
                "`{}` không phải hình thức bản sao; hãy dùng một trong: {}",
                "`{}` is not a form of copy; use one of: {}",
                value,
                forms
            ),
        }
    }
}
