//! `vanban register copy`: a SAO Y, SAO LỤC or TRÍCH SAO of a registered
//! document, made from the sources the register kept and numbered in the
//! copying body's yearly sequence of copies.
//!
//! The original is taken only when every file of its entry still has its
//! registered SHA-256; its sources come out of the PDF/A-3b (or its sources
//! folder) into a temporary folder, its document file gains the `[ban_sao]`
//! table of the copy order, and the result is archived as a copy that names
//! its original. The copy is a document like any other: `vanban extract`
//! gives back the files it was made from.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;

use super::extract;
use super::numbering;
use super::register::{Entry, Register};
use super::sources::{self, sha256_hex, Manifest, MANIFEST};
use super::store::{self, Outcome};
use super::PdfStandard;
use crate::error::{Error, OriginalProblem};
use crate::fields::{IssueDate, Text};
use crate::model::Format;
use crate::model::{CopyForm, Recipients, Signature, TheThuc};
use crate::Renderer;

/// What the clerk asks for.
#[derive(Debug, Clone)]
pub struct CopyRequest {
    /// The register entry copied.
    pub original: i64,
    /// The order file: a `[ban_sao]` table, as in a document.
    pub order: PathBuf,
    /// Over the order's `hinh_thuc`.
    pub form: Option<CopyForm>,
    /// Over the order's `ngay`; without both, today.
    pub date: Option<NaiveDate>,
    /// A trích sao's kept parts, over the order's `giu`.
    pub parts: Vec<u32>,
    pub standard: PdfStandard,
    pub today: NaiveDate,
}

/// The order file. Its `[ban_sao]` is checked here, where a mistake can be
/// pointed at in the clerk's own file; what the command line gives (form,
/// date, parts) and the number the register gives are filled in after.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrderFile {
    ban_sao: OrderFields,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read for its checks; the table itself is copied as written
struct OrderFields {
    #[serde(default)]
    hinh_thuc: Option<CopyForm>,
    #[serde(default)]
    co_quan_cap_tren: Option<Text>,
    co_quan_ban_hanh: Text,
    ma_co_quan: Text,
    #[serde(default)]
    so: Option<u32>,
    dia_danh: Text,
    #[serde(default)]
    ngay: Option<IssueDate>,
    ky: Signature,
    noi_nhan: Recipients,
    #[serde(default)]
    giu: Vec<u32>,
}

/// Makes, archives and registers the copy.
pub fn copy(
    renderer: &Renderer,
    reg: &mut Register,
    dir: &Path,
    req: &CopyRequest,
) -> Result<Outcome, Error> {
    let original = copyable(reg, dir, req.original)?;
    let order: OrderFile = crate::model::load_document(&req.order)?;
    let mut table: serde_json::Value = crate::model::load_document(&req.order)?;
    let ban_sao = table
        .get_mut("ban_sao")
        .and_then(|v| v.as_object_mut())
        .expect("checked by OrderFile");
    let form = req
        .form
        .or(order.ban_sao.hinh_thuc)
        .unwrap_or(CopyForm::SaoY);
    let date = req
        .date
        .or(order.ban_sao.ngay.map(|d| d.0))
        .unwrap_or(req.today);
    ban_sao.insert("hinh_thuc".into(), form.key().into());
    ban_sao.insert("ngay".into(), date.format("%Y-%m-%d").to_string().into());
    if !req.parts.is_empty() {
        ban_sao.insert("giu".into(), req.parts.clone().into());
    }
    // The register's next number unless the clerk typed one. A typed number
    // nobody holds must be the next, said here in the clerk's order file;
    // under the register's lock the archiving checks it again (another run
    // may have taken it) and takes a held one only for this very copy.
    let the_thuc = if original.the_thuc == TheThuc::NhaNuoc.key() {
        TheThuc::NhaNuoc
    } else {
        TheThuc::Dang
    };
    let seq = numbering::copy_sequence(the_thuc, &order.ban_sao.ma_co_quan, date);
    let next = reg.last_number(&seq.key)? + 1;
    let number = match order.ban_sao.so {
        Some(typed) if typed != next => {
            let held = reg
                .entries()?
                .iter()
                .any(|e| e.sequence == seq.key && e.number == typed);
            if !held {
                return Err(Error::Copy {
                    file: req.order.clone(),
                    field: "ban_sao.so".into(),
                    problem: crate::error::CopyProblem::NotNext {
                        typed,
                        next,
                        year: chrono::Datelike::year(&date),
                    },
                });
            }
            typed
        }
        Some(typed) => typed,
        None => next,
    };
    ban_sao.insert("so".into(), number.into());
    let ban_sao = serde_json::Value::Object(ban_sao.clone());

    let work = tempfile::Builder::new()
        .prefix("vanban-ban-sao-")
        .tempdir()
        .map_err(|source| Error::Write {
            file: std::env::temp_dir(),
            source,
        })?;
    let document = sources_of(reg, dir, &original, work.path())?;
    let text = fs::read_to_string(&document).map_err(|source| Error::Read {
        file: document.clone(),
        source,
    })?;
    let with_order = with_copy_order(&document, &text, ban_sao)?;
    // Extracted sources are read-only; the document file is written anew.
    fs::remove_file(&document)
        .and_then(|()| fs::write(&document, with_order))
        .map_err(|source| Error::Write {
            file: document.clone(),
            source,
        })?;
    store::archive_copy(
        renderer,
        reg,
        dir,
        &document,
        &original,
        req.standard,
        &format!("#{} + {}", original.id, req.order.display()),
    )
    // The document is a temporary file; what the clerk wrote is the order.
    .map_err(|e| match e {
        Error::Copy {
            file,
            field,
            problem,
        } if file == document => Error::Copy {
            file: req.order.clone(),
            field,
            problem,
        },
        e => e,
    })
}

/// The entry `id`, if it may be copied: it exists, is the latest version,
/// is not itself a copy, and every file of it has its registered SHA-256.
fn copyable(reg: &Register, dir: &Path, id: i64) -> Result<Entry, Error> {
    let refuse = |problem| Error::CopyOriginal {
        register: reg.path().to_path_buf(),
        id,
        problem,
    };
    let entry = reg
        .entries()?
        .into_iter()
        .find(|e| e.id == id)
        .ok_or_else(|| refuse(OriginalProblem::Unknown))?;
    if let Some(by) = entry.replaced_by {
        return Err(refuse(OriginalProblem::Replaced { by }));
    }
    if let Some(of) = entry.copy_of {
        return Err(refuse(OriginalProblem::IsCopy { of }));
    }
    let files = std::iter::once((entry.file.clone(), entry.sha256.clone()))
        .chain(reg.files_of(id)?.into_iter().map(|f| (f.path, f.sha256)));
    for (path, sha) in files {
        let intact = fs::read(dir.join(&path)).is_ok_and(|bytes| sha256_hex(&bytes) == sha);
        if !intact {
            return Err(refuse(OriginalProblem::Altered { file: path }));
        }
    }
    Ok(entry)
}

/// Puts the original's sources under `work` as they were laid out when it
/// was archived; returns the document file's path.
fn sources_of(reg: &Register, dir: &Path, e: &Entry, work: &Path) -> Result<PathBuf, Error> {
    let pdf = dir.join(&e.file);
    let missing = || Error::CopyOriginal {
        register: reg.path().to_path_buf(),
        id: e.id,
        problem: OriginalProblem::Altered {
            file: e.file.clone(),
        },
    };
    let embedded = e
        .pdf_standard
        .parse::<PdfStandard>()
        .is_ok_and(|s| s.embeds_files());
    if embedded {
        return extract::extract(&pdf, work)?.document.ok_or_else(missing);
    }
    // PDF/A-1b or A-2b: the registered sources folder, already checked.
    let folder = format!(
        "{}/",
        store::sources_dir_name(e.file.trim_end_matches(".pdf"))
    );
    let mut manifest = None;
    for f in reg.files_of(e.id)? {
        let Some(rel) = f.path.strip_prefix(&folder) else {
            continue;
        };
        let bytes = fs::read(dir.join(&f.path)).map_err(|source| Error::Read {
            file: dir.join(&f.path),
            source,
        })?;
        if rel == MANIFEST {
            manifest = serde_json::from_slice::<Manifest>(&bytes).ok();
        } else {
            sources::write_new(work, rel, &bytes)?;
        }
    }
    manifest
        .and_then(|m| sources::safe_join(work, &m.document))
        .ok_or_else(missing)
}

/// The document's text with the `[ban_sao]` table added, in its own format.
/// TOML keeps the clerk's text and comments and gains the table at its end.
fn with_copy_order(file: &Path, text: &str, ban_sao: serde_json::Value) -> Result<String, Error> {
    let unwritable = |message: String| Error::Archive {
        file: file.to_path_buf(),
        message,
    };
    match Format::from_path(file)? {
        Format::Toml => {
            let mut table = toml::Table::new();
            table.insert(
                "ban_sao".into(),
                toml::Value::try_from(ban_sao).map_err(|e| unwritable(e.to_string()))?,
            );
            let order = toml::to_string(&table).map_err(|e| unwritable(e.to_string()))?;
            let sep = if text.ends_with('\n') { "\n" } else { "\n\n" };
            Ok(format!(
                "{text}{sep}# Bản sao (vanban register copy)\n{order}"
            ))
        }
        Format::Json => {
            let mut doc: serde_json::Value =
                serde_json::from_str(text).map_err(|e| unwritable(e.to_string()))?;
            let obj = doc
                .as_object_mut()
                .ok_or_else(|| unwritable("the document is not a JSON object".into()))?;
            obj.insert("ban_sao".into(), ban_sao);
            let mut out = serde_json::to_string_pretty(&doc).expect("a JSON value serialises");
            out.push('\n');
            Ok(out)
        }
        Format::Yaml => {
            let mut doc: serde_yaml_ng::Value =
                serde_yaml_ng::from_str(text).map_err(|e| unwritable(e.to_string()))?;
            let map = doc
                .as_mapping_mut()
                .ok_or_else(|| unwritable("the document is not a YAML mapping".into()))?;
            let value = serde_yaml_ng::to_value(ban_sao).map_err(|e| unwritable(e.to_string()))?;
            map.insert("ban_sao".into(), value);
            serde_yaml_ng::to_string(&doc).map_err(|e| unwritable(e.to_string()))
        }
    }
}
