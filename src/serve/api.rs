//! The requests the page makes. Each takes paths relative to the served
//! folder (checked by [`App::file`]), does what the matching command does
//! with the same library calls, and answers JSON; an error is answered with
//! its message in the clerk's language and, when it is about one field, the
//! field and its line.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};

use super::render::{problem, Preview, Problem};
use super::{form, lang_of, library, outline, App};
use crate::archive::{listing, register::Register, store, verify, PdfStandard};
use crate::error::Error;
use crate::messages::{self, Lang};
use crate::{limits, model, output};

type Shared = State<Arc<App>>;

/// An error as the page receives it.
pub struct Failure {
    status: StatusCode,
    problem: Problem,
}

impl Failure {
    pub fn new(e: Error, lang: Lang) -> Self {
        Failure {
            status: status(&e),
            problem: Problem {
                message: messages::error(&e, lang),
                field: String::new(),
                line: None,
                column: None,
                rule: "",
            },
        }
    }

    /// The error with paths shown relative to the served folder, and the
    /// field and line when it is about the text `text` of `file`.
    fn located(app: &App, e: Error, lang: Lang, file: &Path, text: &str) -> Self {
        Failure {
            status: status(&e),
            problem: problem(&e, file, text, lang, &|m| app.shown(m)),
        }
    }

    fn of(app: &App, e: Error, lang: Lang) -> Self {
        let mut f = Failure::new(e, lang);
        f.problem.message = app.shown(f.problem.message);
        f
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(serde_json::json!({ "error": self.problem })),
        )
            .into_response()
    }
}

fn status(e: &Error) -> StatusCode {
    match e {
        Error::ForeignHost { .. }
        | Error::MissingToken
        | Error::ForeignOrigin { .. }
        | Error::OutsideServed { .. } => StatusCode::FORBIDDEN,
        Error::ChangedOnDisk { .. } | Error::Exists { .. } => StatusCode::CONFLICT,
        Error::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        e if e.is_input_error() => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

type Reply<T> = Result<Json<T>, Failure>;

/// What every handler has: the app and the clerk's language, and the ways
/// an error becomes the page's [`Failure`].
struct Call<'a> {
    app: &'a App,
    lang: Lang,
}

impl Call<'_> {
    fn fail(&self, e: Error) -> Failure {
        Failure::of(self.app, e, self.lang)
    }

    /// An error about the text `text` of `file`: located at its field.
    fn located(&self, e: Error, file: &Path, text: &str) -> Failure {
        Failure::located(self.app, e, self.lang, file, text)
    }

    /// A document file inside the folder, which exists (see [`existing_document`]).
    fn document(&self, rel: &str) -> Result<PathBuf, Failure> {
        existing_document(self.app, rel).map_err(|e| self.fail(e))
    }

    fn preview(&self, file: &Path, text: &str) -> Preview {
        preview_of(self.app, file, text, self.lang)
    }

    /// A changed text, with its preview.
    fn edited(&self, file: &Path, text: String) -> Edited {
        let preview = self.preview(file, &text);
        Edited { text, preview }
    }
}

/// Runs `work` (which reads files and typesets) off the server's threads,
/// in the language `uri` asks for.
async fn blocking<T: Send + 'static>(
    app: &Arc<App>,
    uri: &Uri,
    work: impl FnOnce(&Call) -> Result<T, Failure> + Send + 'static,
) -> Result<T, Failure> {
    let lang = lang_of(uri);
    let shared = app.clone();
    tokio::task::spawn_blocking(move || work(&Call { app: &shared, lang }))
        .await
        .unwrap_or_else(|e| {
            Err(Failure::of(
                app,
                Error::Crashed {
                    file: PathBuf::from("-"),
                    message: e.to_string(),
                },
                lang,
            ))
        })
}

/// [`blocking`], answered as JSON.
async fn json<T: Serialize + Send + 'static>(
    app: Arc<App>,
    uri: Uri,
    work: impl FnOnce(&Call) -> Result<T, Failure> + Send + 'static,
) -> Reply<T> {
    blocking(&app, &uri, work).await.map(Json)
}

/// The SHA-256 of a file's bytes: what the page was given when it opened the
/// file, and what a save must still find there.
fn hash(bytes: &[u8]) -> String {
    crate::archive::sources::sha256_hex(bytes)
}

/// The text of the document file `file`, read as the command line reads one:
/// its extension known, its size within the document limit, UTF-8.
fn read_document(file: &Path) -> Result<(String, String), Error> {
    model::Format::from_path(file)?;
    let meta = std::fs::metadata(file).map_err(|source| Error::Read {
        file: file.to_path_buf(),
        source,
    })?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            file: file.to_path_buf(),
            kind: crate::output::kind_of(&meta.file_type()),
        });
    }
    model::check_document_size(file, meta.len())?;
    let bytes = std::fs::read(file).map_err(|source| Error::Read {
        file: file.to_path_buf(),
        source,
    })?;
    let digest = hash(&bytes);
    let text = String::from_utf8(bytes).map_err(|_| Error::Parse {
        loc: crate::error::Location::file_only(file),
        field: String::new(),
        problem: Box::new(crate::parsing::ParseProblem::NotUtf8),
    })?;
    Ok((text, digest))
}

pub async fn documents(State(app): Shared, uri: Uri) -> Reply<Vec<library::Listed>> {
    json(app, uri, |c| Ok(library::documents(c.app, c.lang))).await
}

#[derive(Serialize)]
pub struct KindChoice {
    kind: String,
    the_thuc: &'static str,
}

/// The skeletons `vanban new` has.
pub async fn kinds(State(app): Shared) -> Json<Vec<KindChoice>> {
    Json(
        crate::workflow::new::available(app.renderer.templates())
            .unwrap_or_default()
            .into_iter()
            .map(|s| KindChoice {
                kind: s.name,
                the_thuc: s.the_thuc.key(),
            })
            .collect(),
    )
}

#[derive(Serialize)]
pub struct DataFiles {
    /// TOML files that are not documents: catalogues (and fragment files).
    catalogues: Vec<String>,
    /// Figures: CSV, spreadsheets, TOML.
    figures: Vec<String>,
}

pub async fn data_files(State(app): Shared, uri: Uri) -> Reply<DataFiles> {
    json(app, uri, |c| {
        let app = c.app;
        let mut catalogues = Vec::new();
        let mut figures = Vec::new();
        for path in library::files(app, &["toml", "csv", "xlsx", "xlsm", "xls", "ods"]) {
            let rel = app.relative(&path);
            let toml = rel.ends_with(".toml");
            if toml {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                if text.contains("the_thuc") && text.contains("loai") {
                    continue;
                }
                if text.contains("[[nhom") {
                    catalogues.push(rel.clone());
                }
            }
            figures.push(rel);
        }
        Ok(DataFiles {
            catalogues,
            figures,
        })
    })
    .await
}

#[derive(Deserialize)]
pub struct PathQuery {
    path: String,
}

#[derive(Serialize)]
pub struct Opened {
    path: String,
    text: String,
    /// SHA-256 of the file as opened; a save sends it back.
    hash: String,
}

pub async fn open(State(app): Shared, uri: Uri, Query(q): Query<PathQuery>) -> Reply<Opened> {
    json(app, uri, move |c| {
        let file = c.app.file(&q.path).map_err(|e| c.fail(e))?;
        let (text, hash) = read_document(&file).map_err(|e| c.fail(e))?;
        Ok(Opened {
            path: c.app.relative(&file),
            text,
            hash,
        })
    })
    .await
}

#[derive(Deserialize)]
pub struct TextRequest {
    path: String,
    text: String,
}

/// The preview of an edited text, as [`super::render::Previews::preview`].
fn preview_of(app: &App, file: &Path, text: &str, lang: Lang) -> Preview {
    let mut previews = app.previews.lock().unwrap_or_else(|e| e.into_inner());
    previews.preview(file, text, lang, &|m| app.shown(m))
}

/// A document file to preview or save: inside the folder, and existing
/// (its folder is where its data files are looked for).
fn existing_document(app: &App, rel: &str) -> Result<PathBuf, Error> {
    let file = app.file(rel)?;
    model::Format::from_path(&file)?;
    if !file.is_file() {
        return Err(Error::Read {
            file,
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        });
    }
    Ok(file)
}

pub async fn preview(State(app): Shared, uri: Uri, Json(r): Json<TextRequest>) -> Reply<Preview> {
    json(app, uri, move |c| {
        let file = c.document(&r.path)?;
        Ok(c.preview(&file, &r.text))
    })
    .await
}

#[derive(Deserialize)]
pub struct EditRequest {
    path: String,
    text: String,
    field: String,
    value: String,
}

#[derive(Serialize)]
pub struct Edited {
    text: String,
    preview: Preview,
}

/// One form field changed: the new text (comments and layout kept) and its preview.
pub async fn edit(State(app): Shared, uri: Uri, Json(r): Json<EditRequest>) -> Reply<Edited> {
    json(app, uri, move |c| {
        let file = c.document(&r.path)?;
        let text = form::set(&file, &r.text, &r.field, &r.value)
            .map_err(|e| c.located(e, &file, &r.text))?;
        Ok(c.edited(&file, text))
    })
    .await
}

#[derive(Deserialize)]
pub struct OutlineRequest {
    path: String,
    text: String,
    /// The item (`noi_dung[1]`) or, to add at its end, the list (`noi_dung[1].muc`).
    target: String,
    op: outline::Op,
    /// The new item's text (a section's heading).
    #[serde(default)]
    value: String,
}

/// A section, paragraph, recipient or addressee added, moved or deleted:
/// the new text and its preview, whose form carries the new numbers.
pub async fn outline(State(app): Shared, uri: Uri, Json(r): Json<OutlineRequest>) -> Reply<Edited> {
    json(app, uri, move |c| {
        let file = c.document(&r.path)?;
        let text = outline::apply(&file, &r.text, &r.target, r.op, &r.value)
            .map_err(|e| c.located(e, &file, &r.text))?;
        Ok(c.edited(&file, text))
    })
    .await
}

#[derive(Deserialize)]
pub struct AttachRequest {
    path: String,
    text: String,
    /// Paths relative to the served folder.
    chi_tieu: String,
    thuc_hien: String,
    #[serde(default)]
    trang_tinh: String,
    #[serde(default)]
    ky: String,
    #[serde(default)]
    nam: String,
}

/// Names a catalogue and a figures file in the document's `[so_lieu]`.
pub async fn attach(State(app): Shared, uri: Uri, Json(r): Json<AttachRequest>) -> Reply<Edited> {
    json(app, uri, move |c| {
        let (app, fail) = (c.app, |e| c.fail(e));
        let file = c.document(&r.path)?;
        let folder = file.parent().unwrap_or(&app.dir).to_path_buf();
        let named = |field: &str, rel: &str| -> Result<String, Error> {
            let data = app.file(rel)?;
            // A document names only files in its own folder tree.
            if !data.starts_with(&folder) {
                return Err(Error::Outside {
                    file: file.clone(),
                    field: format!("so_lieu.{field}"),
                    name: PathBuf::from(rel),
                    folder: folder.clone(),
                });
            }
            Ok(super::security::relative(&folder, &data))
        };
        let sources = form::DataSourcesEdit {
            chi_tieu: named("chi_tieu", &r.chi_tieu).map_err(fail)?,
            thuc_hien: named("thuc_hien", &r.thuc_hien).map_err(fail)?,
            trang_tinh: r.trang_tinh.trim().to_string(),
            ky: r.ky.trim().to_string(),
            nam: r.nam.trim().to_string(),
        };
        let text =
            form::attach(&file, &r.text, &sources).map_err(|e| c.located(e, &file, &r.text))?;
        Ok(c.edited(&file, text))
    })
    .await
}

#[derive(Deserialize)]
pub struct SaveRequest {
    path: String,
    text: String,
    /// The hash the page was given when it opened (or last saved) the file.
    hash: String,
}

#[derive(Serialize)]
pub struct Saved {
    hash: String,
}

/// Writes the text back, atomically, if the file is still what the page
/// opened and the text is a document the command line would read.
pub async fn save(State(app): Shared, uri: Uri, Json(r): Json<SaveRequest>) -> Reply<Saved> {
    json(app, uri, move |c| {
        let fail = |e| c.fail(e);
        let file = c.document(&r.path)?;
        let (_, on_disk) = read_document(&file).map_err(fail)?;
        if on_disk != r.hash {
            return Err(fail(Error::ChangedOnDisk { file }));
        }
        let bytes = r.text.as_bytes();
        model::load_document_bytes::<model::Document>(&file, bytes)
            .map_err(|e| c.located(e, &file, &r.text))?;
        crate::output::write_atomic(&file, bytes).map_err(fail)?;
        Ok(Saved { hash: hash(bytes) })
    })
    .await
}

#[derive(Deserialize)]
pub struct NewRequest {
    kind: String,
    #[serde(default)]
    the_thuc: String,
    /// The new file, relative to the served folder.
    name: String,
}

/// `vanban new KIND -o NAME`.
pub async fn new_document(
    State(app): Shared,
    uri: Uri,
    Json(r): Json<NewRequest>,
) -> Reply<Opened> {
    json(app, uri, move |c| {
        let (app, fail) = (c.app, |e| c.fail(e));
        let file = app.file(&r.name).map_err(fail)?;
        let the_thuc = match r.the_thuc.as_str() {
            "" => None,
            "dang" => Some(model::TheThuc::Dang),
            "nha-nuoc" => Some(model::TheThuc::NhaNuoc),
            other => {
                return Err(fail(Error::NoSkeleton {
                    kind: r.kind.clone(),
                    problem: crate::problems::SkeletonProblem::UnknownTheThuc {
                        value: other.to_string(),
                    },
                }))
            }
        };
        let today = chrono::Local::now().date_naive();
        crate::workflow::new::write(
            app.renderer.templates(),
            &r.kind,
            the_thuc,
            &file,
            false,
            today,
        )
        .map_err(fail)?;
        let (text, hash) = read_document(&file).map_err(fail)?;
        Ok(Opened {
            path: app.relative(&file),
            text,
            hash,
        })
    })
    .await
}

#[derive(Deserialize)]
pub struct UploadQuery {
    path: String,
    #[serde(default)]
    replace: bool,
}

#[derive(Serialize)]
pub struct Uploaded {
    path: String,
    size: usize,
}

/// A figures file sent from the clerk's computer, written into the folder.
pub async fn upload(
    State(app): Shared,
    uri: Uri,
    Query(q): Query<UploadQuery>,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> Reply<Uploaded> {
    let lang = lang_of(&uri);
    let fail = |e| Failure::of(&app, e, lang);
    let file = app.file(&q.path).map_err(fail)?;
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !matches!(ext.as_str(), "csv" | "xlsx" | "xlsm" | "xls" | "ods") {
        return Err(fail(Error::UploadKind { file }));
    }
    let limit = limits::MAX_DATA_FILE_BYTES;
    let body = body.map_err(|_| {
        fail(Error::TooLarge {
            file: file.clone(),
            size: limit + 1,
            limit,
        })
    })?;
    if body.len() as u64 > limit {
        return Err(fail(Error::TooLarge {
            file,
            size: body.len() as u64,
            limit,
        }));
    }
    if file.exists() && !q.replace {
        return Err(fail(Error::Exists { file }));
    }
    let size = body.len();
    json(app.clone(), uri, move |c| {
        crate::output::write_atomic(&file, &body).map_err(|e| c.fail(e))?;
        Ok(Uploaded {
            path: c.app.relative(&file),
            size,
        })
    })
    .await
}

/// `vanban render FILE`: the saved file as PDF, downloaded.
pub async fn pdf(State(app): Shared, uri: Uri, Query(q): Query<PathQuery>) -> Response {
    download(app, uri, q.path, output::Format::Pdf).await
}

/// `vanban render FILE --format docx`: the saved file as DOCX, from the same
/// resolved document as the PDF.
pub async fn docx(State(app): Shared, uri: Uri, Query(q): Query<PathQuery>) -> Response {
    download(app, uri, q.path, output::Format::Docx).await
}

/// The saved file `rel` rendered as `format`, as an attachment.
async fn download(app: Arc<App>, uri: Uri, rel: String, format: output::Format) -> Response {
    let rendered = blocking(&app, &uri, move |c| {
        let file = c.document(&rel)?;
        let resolved = c.app.renderer.resolve_file(&file).map_err(|e| c.fail(e))?;
        let bytes = c
            .app
            .renderer
            .render_as(&resolved, format)
            .map_err(|e| c.fail(e))?;
        Ok((bytes, download_name(&file, format.extension())))
    })
    .await;
    match rendered {
        Ok((bytes, name)) => (
            [
                (header::CONTENT_TYPE, media_type(format).to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(f) => f.into_response(),
    }
}

fn media_type(format: output::Format) -> &'static str {
    match format {
        output::Format::Pdf => "application/pdf",
        output::Format::Docx => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }
}

/// An ASCII file name for a download: browsers disagree on others.
fn download_name(file: &Path, ext: &str) -> String {
    let stem = file
        .file_stem()
        .map(|s| crate::archive::numbering::ascii_name(&s.to_string_lossy()))
        .unwrap_or_default();
    let stem: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("{}.{ext}", if stem.is_empty() { "vanban" } else { &stem })
}

#[derive(Deserialize)]
pub struct ArchiveRequest {
    path: String,
    /// Give a draft the next free number of its sequence (`--assign-number`).
    #[serde(default)]
    assign_number: bool,
}

#[derive(Serialize)]
pub struct Archived {
    entry: crate::archive::register::Entry,
    /// The same PDF was archived before; nothing was written.
    unchanged: bool,
}

/// `vanban archive FILE --to ARCHIVE [--assign-number]`, as PDF/A-3b.
pub async fn archive(
    State(app): Shared,
    uri: Uri,
    Json(r): Json<ArchiveRequest>,
) -> Reply<Archived> {
    json(app, uri, move |c| {
        let (app, fail) = (c.app, |e| c.fail(e));
        let file = c.document(&r.path)?;
        let mut reg = Register::open(&app.archive).map_err(fail)?;
        let options = store::ArchiveOptions {
            standard: PdfStandard::A3b,
            assign_number: r.assign_number,
            replaces: None,
        };
        match store::archive(app.renderer, &mut reg, &app.archive, &file, &options).map_err(fail)? {
            store::Outcome::Archived(entry) => Ok(Archived {
                entry,
                unchanged: false,
            }),
            store::Outcome::Unchanged(entry) => Ok(Archived {
                entry,
                unchanged: true,
            }),
        }
    })
    .await
}

#[derive(Deserialize)]
pub struct RegisterQuery {
    #[serde(default)]
    year: Option<i32>,
    #[serde(default, rename = "type")]
    type_code: Option<String>,
    #[serde(default)]
    the_thuc: Option<String>,
}

/// `vanban register list`, filtered.
pub async fn register(
    State(app): Shared,
    uri: Uri,
    Query(q): Query<RegisterQuery>,
) -> Reply<Vec<crate::archive::register::Entry>> {
    json(app, uri, move |c| {
        let (app, fail) = (c.app, |e| c.fail(e));
        let Some(reg) = Register::open_existing(&app.archive).map_err(fail)? else {
            return Ok(Vec::new());
        };
        let filter = listing::Filter {
            year: q.year,
            type_code: q.type_code.filter(|t| !t.is_empty()),
            the_thuc: q.the_thuc.filter(|t| !t.is_empty()),
        };
        Ok(reg
            .entries()
            .map_err(fail)?
            .into_iter()
            .filter(|e| filter.keeps(e))
            .collect())
    })
    .await
}

#[derive(Serialize)]
pub struct Verified {
    entries: usize,
    files: usize,
    problems: Vec<String>,
    notes: Vec<String>,
}

/// `vanban register verify`.
pub async fn verify(State(app): Shared, uri: Uri) -> Reply<Verified> {
    json(app, uri, move |c| {
        let (app, fail) = (c.app, |e| c.fail(e));
        let Some(reg) = Register::open_existing(&app.archive).map_err(fail)? else {
            return Ok(Verified {
                entries: 0,
                files: 0,
                problems: Vec::new(),
                notes: Vec::new(),
            });
        };
        let report = verify::verify(&reg, &app.archive).map_err(fail)?;
        let words = |found: &[verify::Finding]| {
            found
                .iter()
                .map(|f| messages::verify_finding(f, c.lang))
                .collect()
        };
        Ok(Verified {
            entries: report.entries,
            files: report.files,
            problems: words(&report.problems),
            notes: words(&report.notes),
        })
    })
    .await
}
