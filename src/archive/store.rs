//! Putting a document into an archive directory: number it if asked, render it
//! as PDF/A, and register it, so that the register and the files never
//! disagree about a finished entry.
//!
//! The order makes an interrupted run harmless. The PDF (and, for PDF/A-1b,
//! the sources folder) is written to a temporary name first. Then, in one
//! transaction under the register's write lock, the entry is inserted, the
//! files are renamed into place, and the transaction commits. Killed before
//! the commit, the entry does not exist: at worst a temporary file, or a file
//! in place but unregistered, is left. A later run of the same document writes
//! the same bytes, adopts that file and registers it; `verify` names leftovers.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::numbering::{self, same_code, Identity, NoSequence, Sequence};
use super::register::{Entry, EntryFile, Lock, NewEntry, Register};
use super::sources::{self, sha256_hex, SourceSet, MANIFEST};
use super::{PdfStandard, RenderOptions};
use crate::error::{CopyProblem, Error, FileKind};
use crate::identity;
use crate::locale::doc_number;
use crate::model::TheThuc;
use crate::problems::{ArchiveProblem, RegisterProblem};
use crate::Renderer;

/// How to archive.
#[derive(Debug, Clone)]
pub struct ArchiveOptions {
    pub standard: PdfStandard,
    /// Give a draft (no `so`) the next free number of its sequence.
    pub assign_number: bool,
    /// The entry this document corrects: it keeps that entry's number.
    pub replaces: Option<i64>,
}

/// What happened to one document.
#[derive(Debug, Clone)]
pub enum Outcome {
    Archived(Entry),
    /// The same PDF was registered before; nothing was written.
    Unchanged(Entry),
}

/// The folder beside a PDF/A-1b or A-2b that holds its sources.
pub fn sources_dir_name(base: &str) -> String {
    format!("{base}.nguon")
}

/// Records the first day of a Party committee's term in the register.
pub fn record_term(reg: &mut Register, start: NaiveDate) -> Result<bool, Error> {
    let lock = reg.lock()?;
    let recorded = lock.record_term(start)?;
    lock.commit()?;
    Ok(recorded)
}

/// Archives the document `file` into `dir`, whose register is `reg`.
pub fn archive(
    renderer: &Renderer,
    reg: &mut Register,
    dir: &Path,
    file: &Path,
    options: &ArchiveOptions,
) -> Result<Outcome, Error> {
    // Every file is read once, through `inputs`: the sources kept are the
    // bytes the PDF was made from.
    let resolved = renderer.resolve_file(file)?;
    // A bản sao is numbered among the copies, never under its original's number.
    if resolved.document.ban_sao.is_some() {
        let source_name = file.display().to_string();
        let copy = CopyOf {
            original: None,
            standard: options.standard,
            source_name: &source_name,
        };
        return archive_resolved_copy(renderer, reg, dir, file, resolved, &copy);
    }
    super::register_pattern(&resolved)?;
    let original = resolved
        .sources
        .first()
        .map(|s| s.input.bytes.to_vec())
        .unwrap_or_default();
    let id = resolved.identity.clone();
    let source_sha = sha256_hex(&original);

    // The lock is held from choosing the number to the commit, rendering
    // included: a second run waits instead of choosing the same number.
    let lock = reg.lock()?;
    let seq = numbering::sequence(
        id.the_thuc,
        id.period,
        &id.body_code,
        &id.sequence_name,
        id.date,
        &lock.terms()?,
    )
    .map_err(|e| no_term(file, e))?;
    let replaced = match options.replaces {
        Some(r) => Some(replaceable(&lock, file, &id, &seq, r)?),
        None => None,
    };
    let (number, existing) = match (id.number, &replaced) {
        (Some(n), _) => {
            let holder = lock
                .holder(&seq.key, n)?
                .filter(|h| Some(h.id) != options.replaces);
            (n, holder)
        }
        (None, Some(r)) => (r.number, None),
        (None, None) if options.assign_number => match lock.by_source(&seq.key, &source_sha)? {
            Some(e) => (e.number, Some(e)),
            None => (lock.last_number(&seq.key)? + 1, None),
        },
        (None, None) => {
            return Err(Error::Archive {
                file: file.to_path_buf(),
                problem: ArchiveProblem::Draft,
            })
        }
    };
    // A different document under a registered number: refuse before rendering.
    if let Some(e) = &existing {
        if e.source_sha256 != source_sha {
            return Err(duplicate(file, &id, number, &seq, e));
        }
    }

    let document_bytes = match id.number {
        Some(_) => original.clone(),
        None => {
            let text = String::from_utf8(original.clone()).map_err(|_| Error::Archive {
                file: file.to_path_buf(),
                problem: ArchiveProblem::NotUtf8,
            })?;
            sources::with_number(file, &text, &resolved.written, number)?.into_bytes()
        }
    };
    let set = SourceSet::collect(&resolved, Some(document_bytes))?;
    let numbered = resolved.numbered(number)?;
    let embeds = options.standard.embeds_files();
    let pdf = super::render_pdf(
        renderer,
        &numbered,
        &RenderOptions {
            pdf_standard: Some(options.standard),
            attachments: if embeds {
                set.attachments()
            } else {
                Vec::new()
            },
        },
    )?;
    let mut base = id.stable_name(number);
    if let Some(r) = &replaced {
        base = format!("{base}_v{}", lock.version_of(r.id)? + 1);
    }
    let entry = NewEntry {
        sequence: seq.key.clone(),
        the_thuc: id.the_thuc.key().into(),
        kind: id.kind.clone(),
        type_code: id.type_code.clone(),
        body_code: id.body_code.clone(),
        issuing_body: id.issuer.clone(),
        number,
        number_symbol: id.number_symbol(number),
        issue_date: id.date,
        summary: id.summary.clone(),
        file_name: String::new(),
        sha256: String::new(),
        pdf_standard: options.standard.name().into(),
        replaces: options.replaces,
        source_name: file.display().to_string(),
        source_sha256: source_sha,
        files: Vec::new(),
        kind_name: id.kind_name(),
        copy_of: None,
    };
    finish(lock, dir, &base, pdf, &set, existing, entry, |e| {
        duplicate(file, &id, number, &seq, e)
    })
}

/// Archives `file`, a copy of the registered entry `original` (its
/// `[ban_sao]` says how, by whom and under which number), as a copy in the
/// copying body's yearly sequence of copies. The number must be the
/// register's next one (or the one this very file was registered under
/// before); `source_name` is what the register records as its source.
pub fn archive_copy(
    renderer: &Renderer,
    reg: &mut Register,
    dir: &Path,
    file: &Path,
    original: &Entry,
    standard: PdfStandard,
    source_name: &str,
) -> Result<Outcome, Error> {
    let resolved = renderer.resolve_file(file)?;
    let copy = CopyOf {
        original: Some(original),
        standard,
        source_name,
    };
    archive_resolved_copy(renderer, reg, dir, file, resolved, &copy)
}

/// What a copy is archived as.
struct CopyOf<'a> {
    /// The registered entry it copies; `None` for a copy of a document this
    /// register does not hold (one received from another body).
    original: Option<&'a Entry>,
    standard: PdfStandard,
    source_name: &'a str,
}

fn archive_resolved_copy(
    renderer: &Renderer,
    reg: &mut Register,
    dir: &Path,
    file: &Path,
    resolved: crate::Resolved,
    copy: &CopyOf,
) -> Result<Outcome, Error> {
    let standard = copy.standard;
    let pattern = super::register_pattern(&resolved)?.to_string();
    let copy_error = |field: &str, problem| Error::Copy {
        file: file.to_path_buf(),
        field: field.into(),
        problem,
    };
    let order = resolved
        .document
        .ban_sao
        .clone()
        .ok_or_else(|| copy_error("ban_sao", CopyProblem::NoOrder))?;
    let typed = order
        .so
        .ok_or_else(|| copy_error("ban_sao.so", CopyProblem::NoNumber))?;
    // The profile check made sure the form has its code.
    let code = resolved
        .profile
        .ban_sao
        .as_ref()
        .and_then(|s| s.ma.get(order.hinh_thuc.key()))
        .cloned()
        .unwrap_or_default();
    let body = order.ma_co_quan.to_string();
    let date = order.ngay.0;
    let source = resolved
        .sources
        .first()
        .map(|s| s.input.bytes.to_vec())
        .unwrap_or_default();
    let source_sha = sha256_hex(&source);
    let seq = numbering::copy_sequence(resolved.document.the_thuc, &body, date);

    let lock = reg.lock()?;
    let existing = match lock.holder(&seq.key, typed)? {
        Some(h) if h.source_sha256 == source_sha => Some(h),
        holder => {
            let next = lock.last_number(&seq.key)? + 1;
            if typed != next {
                return Err(copy_error(
                    "ban_sao.so",
                    CopyProblem::NotNext {
                        typed,
                        next,
                        year: date.year(),
                    },
                ));
            }
            holder
        }
    };
    let set = SourceSet::collect(&resolved, None)?;
    let pdf = super::render_pdf(
        renderer,
        &resolved,
        &RenderOptions {
            pdf_standard: Some(standard),
            attachments: if standard.embeds_files() {
                set.attachments()
            } else {
                Vec::new()
            },
        },
    )?;
    let number_symbol = identity::fill(&pattern, &doc_number(Some(typed)), &code, &body, "");
    let base = format!(
        "{}_{typed:02}-{}-{}",
        date.format("%Y-%m-%d"),
        numbering::ascii_name(&code),
        numbering::ascii_name(&body)
    );
    let id = &resolved.identity;
    let entry = NewEntry {
        sequence: seq.key.clone(),
        the_thuc: resolved.document.the_thuc.key().into(),
        kind: copy
            .original
            .map_or_else(|| id.kind.clone(), |o| o.kind.clone()),
        type_code: code,
        body_code: body,
        issuing_body: order.co_quan_ban_hanh.to_string(),
        number: typed,
        number_symbol: number_symbol.clone(),
        issue_date: date,
        summary: copy
            .original
            .map_or_else(|| id.summary.clone(), |o| o.summary.clone()),
        file_name: String::new(),
        sha256: String::new(),
        pdf_standard: standard.name().into(),
        replaces: None,
        source_name: copy.source_name.to_string(),
        source_sha256: source_sha,
        files: Vec::new(),
        kind_name: copy
            .original
            .and_then(|o| o.kind_name.clone())
            .unwrap_or_else(|| id.kind_name()),
        copy_of: Some((
            copy.original.map(|o| o.id),
            order.hinh_thuc.key().to_string(),
        )),
    };
    finish(lock, dir, &base, pdf, &set, existing, entry, |e| {
        duplicate_symbol(file, number_symbol, &seq, e)
    })
}

/// The end of archiving, the same for a document and a copy: the same PDF
/// registered before is `Unchanged` and another one under its number
/// refused (`duplicate`); else the files are written under temporary names,
/// the entry inserted, the files renamed into place, and the transaction
/// committed.
#[allow(clippy::too_many_arguments)]
fn finish(
    lock: Lock,
    dir: &Path,
    base: &str,
    pdf: Vec<u8>,
    set: &SourceSet,
    existing: Option<Entry>,
    mut new: NewEntry,
    duplicate: impl FnOnce(&Entry) -> Error,
) -> Result<Outcome, Error> {
    let embeds = set_embedded(&new);
    let sha = sha256_hex(&pdf);
    if let Some(e) = existing {
        if e.sha256 == sha && e.pdf_standard == new.pdf_standard {
            return Ok(Outcome::Unchanged(e));
        }
        return Err(duplicate(&e));
    }

    let file_name = format!("{base}.pdf");
    let folder = sources_dir_name(base);
    if lock.name_taken(&file_name)? || lock.name_taken(&folder)? {
        return Err(Error::Register {
            register: reg_path(dir),
            problem: RegisterProblem::NameTaken { name: file_name },
        });
    }

    // Write everything under temporary names in the archive directory (same
    // file system, so the renames below are atomic).
    let tmp_pdf = temp_file(dir, &pdf)?;
    let mut entry_files = Vec::new();
    let tmp_sources = if embeds {
        None
    } else {
        let mut builder = tempfile::Builder::new();
        builder.prefix(".vanban-");
        // It becomes the sources folder: a new folder's mode, not 0700.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o777));
        let tmp = builder.tempdir_in(dir).map_err(|source| Error::Write {
            file: dir.to_path_buf(),
            source,
        })?;
        set.write_to(tmp.path())?;
        for f in &set.files {
            read_only(&tmp.path().join(&f.path))?;
        }
        read_only(&tmp.path().join(MANIFEST))?;
        for f in &set.files {
            entry_files.push(EntryFile {
                path: format!("{folder}/{}", f.path),
                sha256: sha256_hex(&f.bytes),
                role: f.role.name().into(),
            });
        }
        entry_files.push(EntryFile {
            path: format!("{folder}/{MANIFEST}"),
            sha256: sha256_hex(&set.manifest_bytes()),
            role: "manifest".into(),
        });
        Some(tmp)
    };

    new.file_name = file_name.clone();
    new.sha256 = sha.clone();
    new.files = entry_files.clone();
    let entry_id = lock.insert(&new)?;
    failpoint("archive-after-insert");

    if let Some(tmp) = tmp_sources {
        let target = dir.join(&folder);
        if fs::symlink_metadata(&target).is_ok() {
            adopt_folder(dir, &target, &entry_files)?;
        } else {
            let kept = tmp.keep();
            fs::rename(&kept, &target).map_err(|source| Error::Write {
                file: target.clone(),
                source,
            })?;
        }
    }
    let target = dir.join(&file_name);
    if fs::symlink_metadata(&target).is_ok() {
        adopt_file(&target, &sha)?;
    } else {
        tmp_pdf
            .persist_noclobber(&target)
            .map_err(|e| Error::Write {
                file: target.clone(),
                source: e.error,
            })?;
    }
    failpoint("archive-after-rename");

    let entry = lock.entry(entry_id)?.expect("the entry was just inserted");
    lock.commit()?;
    sync_dir(dir);
    Ok(Outcome::Archived(entry))
}

/// Whether the entry's PDF carries its sources (else they go in a folder).
fn set_embedded(new: &NewEntry) -> bool {
    new.pdf_standard
        .parse::<PdfStandard>()
        .is_ok_and(|s| s.embeds_files())
}

/// The next free number of a sequence, without registering anything.
#[derive(Debug, Clone)]
pub struct Next {
    pub number: u32,
    pub sequence: Sequence,
    /// "08-NQ/ĐU", when the issuing body is known.
    pub number_symbol: Option<String>,
}

/// What `register next` answers. `the_thuc` may be left out when the register
/// holds only state documents (else Party); `type_code` may be typed without
/// diacritics ("QD"); `body_code` may be left out when the register holds one
/// issuing body of this thể thức; `date` picks the term (Party) or year (state);
/// `extra_term` is a term start not (yet) recorded.
pub fn next_number(
    renderer: &Renderer,
    reg: &Register,
    the_thuc: Option<TheThuc>,
    type_code: &str,
    body_code: Option<&str>,
    date: NaiveDate,
    extra_term: Option<NaiveDate>,
) -> Result<Next, Error> {
    let usage = |problem: ArchiveProblem| Error::Archive {
        file: reg.path().to_path_buf(),
        problem,
    };
    let entries = reg.entries()?;
    // Without --the-thuc: the register's only thể thức, else Party.
    let the_thuc = the_thuc.unwrap_or_else(|| {
        if !entries.is_empty() && entries.iter().all(|e| e.the_thuc == TheThuc::NhaNuoc.key()) {
            TheThuc::NhaNuoc
        } else {
            TheThuc::Dang
        }
    });
    let profile = renderer.profile(the_thuc.default_profile())?;
    // A type code ("QD" for "QĐ") or a kind's key ("cong-van", for a kind
    // whose symbol has no code): the kind's declaration says how it is numbered.
    let kind = profile
        .kinds()
        .find(|k| !k.decl.ma.is_empty() && same_code(&k.decl.ma, type_code))
        .or_else(|| profile.kinds().find(|k| k.key == type_code))
        .ok_or_else(|| {
            let mut codes: Vec<String> = profile
                .kinds()
                .map(|k| {
                    if k.decl.ma.is_empty() {
                        k.key
                    } else {
                        k.decl.ma
                    }
                })
                .collect();
            codes.sort();
            codes.dedup();
            usage(ArchiveProblem::UnknownTypeCode {
                code: type_code.to_string(),
                the_thuc: the_thuc.key().to_string(),
                codes,
            })
        })?;
    let type_code = kind.decl.ma.clone();
    let the_thuc_name = the_thuc.key();
    let body = match body_code {
        Some(b) => Some(b.to_string()),
        None => {
            let mut bodies: Vec<&str> = entries
                .iter()
                .filter(|e| e.the_thuc == the_thuc_name)
                .map(|e| e.body_code.as_str())
                .collect();
            bodies.sort();
            bodies.dedup();
            match bodies.as_slice() {
                [] => None,
                [one] => Some(one.to_string()),
                many => {
                    return Err(usage(ArchiveProblem::SeveralBodies {
                        bodies: many.iter().map(|b| b.to_string()).collect(),
                    }))
                }
            }
        }
    };
    let mut terms = reg.terms()?;
    terms.extend(extra_term);
    // No body registered yet: every sequence of it is empty, the answer is 01.
    let body_key = body.clone().unwrap_or_else(|| "…".into());
    let sequence = numbering::sequence(
        the_thuc,
        kind.decl.danh_so.theo,
        &body_key,
        kind.sequence_name(),
        date,
        &terms,
    )
    .map_err(|e| no_term(reg.path(), e))?;
    let number = reg.last_number(&sequence.key)? + 1;
    let mau = kind.decl.mau_so.as_ref().unwrap_or(&profile.dau.mau_so);
    let number_symbol = body.map(|b| {
        let pattern = identity::symbol_pattern(mau).unwrap_or(identity::NUMBER);
        identity::fill(pattern, &doc_number(Some(number)), &type_code, &b, "")
    });
    Ok(Next {
        number,
        sequence,
        number_symbol,
    })
}

/// The date `register next` numbers for: `--ngay`, else the end of `--nam`
/// (or today, in the current year), else today.
pub fn next_date(day: Option<NaiveDate>, year: Option<i32>, today: NaiveDate) -> NaiveDate {
    match (day, year) {
        (Some(d), _) => d,
        (None, Some(y)) if y == today.year() => today,
        (None, Some(y)) => NaiveDate::from_ymd_opt(y, 12, 31).unwrap_or(today),
        (None, None) => today,
    }
}

/// The entry `--replaces ID` names, if this document may replace it: it must
/// be the latest version, of the same number sequence and number.
fn replaceable(
    lock: &Lock,
    file: &Path,
    id: &Identity,
    seq: &Sequence,
    r: i64,
) -> Result<Entry, Error> {
    let refuse = |problem: ArchiveProblem| Error::Archive {
        file: file.to_path_buf(),
        problem,
    };
    let e = lock
        .entry(r)?
        .ok_or_else(|| refuse(ArchiveProblem::NoEntry { entry: r }))?;
    if let Some(by) = e.replaced_by {
        return Err(refuse(ArchiveProblem::AlreadyReplaced {
            entry: r,
            number_symbol: e.number_symbol,
            by,
        }));
    }
    if e.sequence != seq.key || id.number.is_some_and(|n| n != e.number) {
        return Err(refuse(ArchiveProblem::NotTheSameNumber {
            entry: r,
            number_symbol: e.number_symbol,
            date: e.issue_date,
            this: id
                .number
                .map(|n| id.number_symbol(n))
                .unwrap_or_else(|| id.symbol()),
            draft: id.number.is_none(),
            this_date: id.date,
        }));
    }
    Ok(e)
}

fn duplicate(file: &Path, id: &Identity, number: u32, seq: &Sequence, e: &Entry) -> Error {
    duplicate_symbol(file, id.number_symbol(number), seq, e)
}

/// `number_symbol` (of `file`) is taken in `seq` by the entry `e`.
fn duplicate_symbol(file: &Path, number_symbol: String, seq: &Sequence, e: &Entry) -> Error {
    Error::DuplicateNumber {
        file: file.to_path_buf(),
        number_symbol,
        scope: seq.label.clone(),
        existing: Box::new(crate::problems::Registered {
            id: e.id,
            number_symbol: e.number_symbol.clone(),
            issue_date: e.issue_date.clone(),
            file: e.file.clone(),
            summary: e.summary.clone(),
        }),
    }
}

fn no_term(file: &Path, e: NoSequence) -> Error {
    match e {
        NoSequence::NoTerm { date } => Error::Archive {
            file: file.to_path_buf(),
            problem: ArchiveProblem::NoTerm { date },
        },
    }
}

fn temp_file(dir: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Error> {
    let tmp = crate::output::synced_temp(dir, dir, |f| std::io::Write::write_all(f, bytes))?;
    read_only(tmp.path())?;
    Ok(tmp)
}

/// Archived files are read-only (a slip in a file manager does not alter the
/// record) and otherwise as the umask makes new files.
fn read_only(path: &Path) -> Result<(), Error> {
    let mut perms = fs::metadata(path)
        .map_err(|source| Error::Write {
            file: path.to_path_buf(),
            source,
        })?
        .permissions();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        perms.set_mode(perms.mode() & !0o222);
    }
    #[cfg(not(unix))]
    perms.set_readonly(true);
    fs::set_permissions(path, perms).map_err(|source| Error::Write {
        file: path.to_path_buf(),
        source,
    })
}

/// A PDF already in place but not registered: left by a run killed between
/// renaming and committing. Rendering is deterministic, so the same bytes
/// mean the same document and the file is taken over; anything else is
/// somebody's file, which is never overwritten.
fn adopt_file(target: &Path, sha: &str) -> Result<(), Error> {
    // A FIFO would block the read, a symlink lead outside the archive.
    let meta = fs::symlink_metadata(target).map_err(|source| Error::Read {
        file: target.to_path_buf(),
        source,
    })?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            file: target.to_path_buf(),
            kind: if meta.file_type().is_symlink() {
                FileKind::Symlink
            } else {
                crate::output::kind_of(&meta.file_type())
            },
        });
    }
    let bytes = fs::read(target).map_err(|source| Error::Read {
        file: target.to_path_buf(),
        source,
    })?;
    if sha256_hex(&bytes) == sha {
        return Ok(());
    }
    Err(Error::Archive {
        file: target.to_path_buf(),
        problem: ArchiveProblem::StrayFile,
    })
}

fn adopt_folder(dir: &Path, folder: &Path, files: &[EntryFile]) -> Result<(), Error> {
    let meta = fs::symlink_metadata(folder).map_err(|source| Error::Read {
        file: folder.to_path_buf(),
        source,
    })?;
    if !meta.is_dir() {
        return Err(Error::Archive {
            file: folder.to_path_buf(),
            problem: ArchiveProblem::StrayFolder,
        });
    }
    for f in files {
        adopt_file(&dir.join(&f.path), &f.sha256)?;
    }
    Ok(())
}

/// Makes the renames durable; best effort (not every system syncs directories).
fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

fn reg_path(dir: &Path) -> PathBuf {
    dir.join(super::register::REGISTER_FILE)
}

/// A test hook: `VANBAN_FAILPOINT=<name>` aborts the process at that point,
/// as a kill would (no unwinding, no rollback by vanban), so the tests can
/// show that an interrupted archive leaves no half-registered entry.
fn failpoint(name: &str) {
    if std::env::var_os("VANBAN_FAILPOINT").is_some_and(|v| v == name) {
        eprintln!("vanban: failpoint {name}: aborting");
        std::process::abort();
    }
}
