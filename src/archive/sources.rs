//! The files a document is made from (the document file, the indicator data
//! and the fragment files it names), with the relative layout they must keep
//! for the document to render again, and the manifest that records them.
//!
//! The layout is relative to the deepest directory holding all of them, by
//! the names the document gives (`..` resolved by name, symlinks kept as
//! names), so `docs/x.toml` naming `../shared/chi-tieu-2026.toml` (allowed
//! with `--allow-path`) is kept as `docs/x.toml` + `shared/chi-tieu-2026.toml`.
//! Written back anywhere, the document finds its data where it says, and
//! renders the same.

use std::fs;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::pdfa::{self, Attachment, Relationship};
use crate::error::Error;
use crate::inputs::Input;
use crate::model::{self, Document, Format};
use crate::problems::ArchiveProblem;
pub use crate::resolve::Role;
use crate::Resolved;

/// The manifest's name among the attachments and in a sources folder.
pub const MANIFEST: &str = "vanban-sources.json";
/// Its `format` value; bump it if the manifest changes incompatibly.
pub const MANIFEST_FORMAT: &str = "vanban-sources/1";

/// How PDF/A-3 relates a source to the document.
fn relationship(role: Role) -> Relationship {
    match role {
        Role::VanBan | Role::ManhVan | Role::AnhChuKy | Role::AnhDau => Relationship::Source,
        Role::ChiTieu | Role::ThucHien | Role::Bang => Relationship::Data,
    }
}

/// One source file.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the common root, `/`-separated.
    pub path: String,
    pub role: Role,
    pub bytes: Vec<u8>,
}

/// The manifest: which file is the document, and every file's checksum.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    /// The document file's relative path: the one to render.
    pub document: String,
    pub files: Vec<ManifestEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ManifestEntry {
    pub path: String,
    pub role: Role,
    pub sha256: String,
    pub size: u64,
}

/// A document's sources, the document first.
#[derive(Debug, Clone)]
pub struct SourceSet {
    pub files: Vec<SourceFile>,
}

impl SourceSet {
    /// The sources of a resolved document: the bytes the render read, laid
    /// out by the names the document gives them (`..` resolved by name), so
    /// that written back anywhere the document finds each by its name.
    /// `document_bytes` replaces the document file's content (a draft with
    /// its assigned number written in).
    pub fn collect(r: &Resolved, document_bytes: Option<Vec<u8>>) -> Result<Self, Error> {
        let mut named: Vec<(&Input, Role)> = Vec::new();
        for source in &r.sources {
            if source.role != Role::VanBan && source.name.is_absolute() {
                return Err(Error::Archive {
                    file: r.file.clone(),
                    problem: ArchiveProblem::AbsoluteSource {
                        field: source.field.clone(),
                        name: source.name.clone(),
                    },
                });
            }
            // A file named twice by the same name is carried once.
            if !named.iter().any(|(q, _)| q.named == source.input.named) {
                named.push((&source.input, source.role));
            }
        }
        if named.first().is_none_or(|(_, role)| *role != Role::VanBan) {
            return Err(Error::Archive {
                file: r.file.clone(),
                problem: ArchiveProblem::NotFromFile,
            });
        }
        let root = common_dir(named.iter().map(|(f, _)| f.named.as_path()));
        let mut files = Vec::new();
        let mut document_bytes = document_bytes;
        for (input, role) in named {
            let path = relative_slash_path(&input.named, &root).ok_or_else(|| Error::Archive {
                file: input.shown.clone(),
                problem: ArchiveProblem::PathNotUnicode,
            })?;
            let bytes = match (role, document_bytes.take()) {
                (Role::VanBan, Some(b)) => b,
                _ => input.bytes.to_vec(),
            };
            if path == MANIFEST {
                return Err(Error::Archive {
                    file: input.shown.clone(),
                    problem: ArchiveProblem::ReservedName { name: MANIFEST },
                });
            }
            files.push(SourceFile { path, role, bytes });
        }
        Ok(SourceSet { files })
    }

    pub fn manifest(&self) -> Manifest {
        Manifest {
            format: MANIFEST_FORMAT.into(),
            document: self.files[0].path.clone(),
            files: self
                .files
                .iter()
                .map(|f| ManifestEntry {
                    path: f.path.clone(),
                    role: f.role,
                    sha256: sha256_hex(&f.bytes),
                    size: f.bytes.len() as u64,
                })
                .collect(),
        }
    }

    pub fn manifest_bytes(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(&self.manifest()).expect("plain data serialises");
        out.push(b'\n');
        out
    }

    /// The files to embed in a PDF/A-3, the manifest last.
    pub fn attachments(&self) -> Vec<Attachment> {
        let mut out: Vec<Attachment> = self
            .files
            .iter()
            .map(|f| Attachment {
                path: f.path.clone(),
                bytes: f.bytes.clone(),
                mime_type: pdfa::mime_type(&f.path),
                description: format!("{}: {}", f.role.label(), f.path),
                relationship: relationship(f.role),
            })
            .collect();
        out.push(Attachment {
            path: MANIFEST.into(),
            bytes: self.manifest_bytes(),
            mime_type: "application/json",
            description: format!(
                "Danh sách tệp nguồn (vanban): văn bản {}, mã SHA-256 từng tệp",
                self.files[0].path
            ),
            relationship: Relationship::Supplement,
        });
        out
    }

    /// Writes the sources and the manifest under `dir`, keeping their layout.
    pub fn write_to(&self, dir: &Path) -> Result<(), Error> {
        for f in &self.files {
            write_new(dir, &f.path, &f.bytes)?;
        }
        write_new(dir, MANIFEST, &self.manifest_bytes())?;
        Ok(())
    }
}

/// Writes `bytes` to `dir/rel`, creating folders; never overwrites, never
/// writes through a symlink below `dir`, and refuses a `rel` that could leave
/// `dir` (it may come from an untrusted PDF).
pub fn write_new(dir: &Path, rel: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
    let target = check_new(dir, rel)?;
    let fail = |source: std::io::Error| Error::Write {
        file: target.clone(),
        source,
    };
    fs::create_dir_all(dir).map_err(fail)?;
    // Folder by folder, each checked: create_dir_all would follow a symlink
    // put there since the check.
    let mut at = dir.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for part in &parts[..parts.len() - 1] {
        at.push(part);
        match fs::create_dir(&at) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                check_folder(&at)?;
            }
            Err(e) => return Err(fail(e)),
        }
    }
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&target)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => exists(&target),
            _ => fail(e),
        })?;
    std::io::Write::write_all(&mut f, bytes).map_err(fail)?;
    f.sync_all().map_err(fail)?;
    Ok(target)
}

/// `dir/rel`, if [`write_new`] may create it: a plain relative name, no
/// symlink and no file where a folder must be below `dir`, and no file there
/// yet. Checked for every file before any is written.
pub fn check_new(dir: &Path, rel: &str) -> Result<PathBuf, Error> {
    let target = safe_join(dir, rel).ok_or_else(|| Error::Archive {
        file: dir.to_path_buf(),
        problem: ArchiveProblem::UnsafeName {
            name: rel.to_string(),
        },
    })?;
    let mut at = dir.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        at.push(part);
        if fs::symlink_metadata(&at).is_err() {
            // Missing: so is everything below it.
            break;
        }
        if i + 1 == parts.len() {
            if fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
                return Err(symlink(&at));
            }
            return Err(exists(&at));
        }
        check_folder(&at)?;
    }
    Ok(target)
}

/// `at` exists: it must be a real folder, not a symlink to one.
fn check_folder(at: &Path) -> Result<(), Error> {
    let meta = fs::symlink_metadata(at).map_err(|source| Error::Write {
        file: at.to_path_buf(),
        source,
    })?;
    if meta.file_type().is_symlink() {
        return Err(symlink(at));
    }
    if !meta.is_dir() {
        return Err(Error::Archive {
            file: at.to_path_buf(),
            problem: ArchiveProblem::NotAFolder,
        });
    }
    Ok(())
}

fn symlink(at: &Path) -> Error {
    Error::Archive {
        file: at.to_path_buf(),
        problem: ArchiveProblem::Symlink,
    }
}

fn exists(at: &Path) -> Error {
    Error::Archive {
        file: at.to_path_buf(),
        problem: ArchiveProblem::Exists,
    }
}

/// `dir/rel` when `rel` is `/`-separated plain names: no root, no `..`, no
/// `.`, no backslash, no empty part.
pub fn safe_join(dir: &Path, rel: &str) -> Option<PathBuf> {
    if rel.is_empty() || rel.contains('\\') || rel.contains('\0') {
        return None;
    }
    let mut out = dir.to_path_buf();
    for part in rel.split('/') {
        let mut comps = Path::new(part).components();
        match (comps.next(), comps.next()) {
            (Some(Component::Normal(name)), None) if name == part => out.push(name),
            _ => return None,
        }
    }
    Some(out)
}

/// The deepest directory containing every path.
fn common_dir<'a>(paths: impl Iterator<Item = &'a Path>) -> PathBuf {
    let mut common: Option<PathBuf> = None;
    for p in paths {
        let dir = p.parent().unwrap_or(Path::new("/"));
        common = Some(match common {
            None => dir.to_path_buf(),
            Some(c) => c
                .components()
                .zip(dir.components())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    common.unwrap_or_default()
}

fn relative_slash_path(p: &Path, root: &Path) -> Option<String> {
    let rel = p.strip_prefix(root).ok()?;
    let parts = rel
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str(),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()?;
    Some(parts.join("/"))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The document file's text with `so = number` written in, for a draft
/// archived with an assigned number: the archived sources must render the
/// numbered PDF. The line goes first, before any key, where every format takes
/// a top-level key; the result is parsed back and must equal the draft with
/// the number set, or the clerk is asked to write it by hand.
pub fn with_number(file: &Path, text: &str, doc: &Document, number: u32) -> Result<String, Error> {
    let format = Format::from_path(file)?;
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let note = "số do sổ đăng ký văn bản cấp (vanban archive --assign-number)";
    let numbered = match format {
        Format::Toml => insert_before_first_key(body, &format!("so = {number}  # {note}\n"), "#"),
        Format::Yaml => insert_before_first_key(body, &format!("so: {number}  # {note}\n"), "#"),
        Format::Json => body
            .find('{')
            .map(|i| format!("{}{{\"so\": {number}, {}", &body[..i], &body[i + 1..])),
    };
    let refuse = || Error::Archive {
        file: file.to_path_buf(),
        problem: ArchiveProblem::CannotWriteNumber { number },
    };
    let numbered = numbered.ok_or_else(refuse)?;
    let parsed: Document = model::parse(file, &numbered, format).map_err(|_| refuse())?;
    let mut expected = doc.clone();
    expected.so = Some(number);
    let same = serde_json::to_value(&parsed).ok() == serde_json::to_value(&expected).ok();
    if !same {
        return Err(refuse());
    }
    Ok(format!("{bom}{numbered}"))
}

/// Inserts `line` before the first line that is not blank, a comment or a YAML
/// document marker: above the first key, so it is a top-level key.
fn insert_before_first_key(text: &str, line: &str, comment: &str) -> Option<String> {
    let mut offset = 0;
    for l in text.split_inclusive('\n') {
        let t = l.trim();
        if t.is_empty() || t.starts_with(comment) || t == "---" || t.starts_with('%') {
            offset += l.len();
            continue;
        }
        return Some(format!("{}{line}{}", &text[..offset], &text[offset..]));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_join_refuses_escapes() {
        let d = Path::new("/out");
        assert_eq!(
            safe_join(d, "examples/x.toml"),
            Some(PathBuf::from("/out/examples/x.toml"))
        );
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "./a",
            "a\\b",
            "a/.",
        ] {
            assert_eq!(safe_join(d, bad), None, "{bad:?}");
        }
    }

    const TOML: &str = "\u{feff}# a draft\nthe_thuc = \"dang\"\nloai = \"thong-bao\"\nco_quan_ban_hanh = \"Đảng ủy xã Vũ Quang\"\nma_co_quan = \"ĐU\"\ndia_danh = \"Vũ Quang\"\nngay_ban_hanh = \"2026-01-05\"\ntrich_yeu = [\"về x\"]\n[ky]\nchuc_vu = \"Bí thư\"\nho_ten = \"A\"\n[noi_nhan]\n";
    const JSON: &str = " {\"the_thuc\": \"dang\", \"loai\": \"thong-bao\", \"co_quan_ban_hanh\": \"Đảng ủy xã Vũ Quang\", \"ma_co_quan\": \"ĐU\", \"dia_danh\": \"Vũ Quang\", \"ngay_ban_hanh\": \"2026-01-05\", \"trich_yeu\": \"về x\", \"ky\": {\"chuc_vu\": \"Bí thư\", \"ho_ten\": \"A\"}, \"noi_nhan\": {}}";
    const YAML: &str = "# a draft\n---\nthe_thuc: dang\nloai: thong-bao\nco_quan_ban_hanh: Đảng ủy xã Vũ Quang\nma_co_quan: ĐU\ndia_danh: Vũ Quang\nngay_ban_hanh: \"2026-01-05\"\ntrich_yeu: về x\nky:\n  chuc_vu: Bí thư\n  ho_ten: A\nnoi_nhan: {}\n";

    #[test]
    fn an_assigned_number_is_written_into_each_format() {
        for (name, text) in [("d.toml", TOML), ("d.json", JSON), ("d.yaml", YAML)] {
            let file = Path::new(name);
            let format = Format::from_path(file).unwrap();
            let doc: Document = model::parse(file, text, format).unwrap();
            assert_eq!(doc.so, None);
            let numbered = with_number(file, text, &doc, 8).unwrap();
            let back: Document = model::parse(file, &numbered, format).unwrap();
            assert_eq!(back.so, Some(8), "{name}: {numbered}");
            assert!(numbered.ends_with(&text[text.len() - 20..]), "{name}");
        }
        assert!(with_number(
            Path::new("d.toml"),
            TOML,
            &model::parse(Path::new("d.toml"), TOML, Format::Toml).unwrap(),
            8
        )
        .unwrap()
        .starts_with("\u{feff}# a draft\nso = 8  #"));
        // A document whose top level is not where the number can go is refused.
        let flow = "{the_thuc: dang, loai: thong-bao, co_quan_ban_hanh: X, ma_co_quan: ĐU, dia_danh: X, ngay_ban_hanh: \"2026-01-05\", trich_yeu: x, ky: {chuc_vu: X, ho_ten: A}, noi_nhan: {}}\n";
        let file = Path::new("f.yaml");
        let doc: Document = model::parse(file, flow, Format::Yaml).unwrap();
        assert!(with_number(file, flow, &doc, 8).is_err());
    }

    #[test]
    fn common_dir_of_siblings_and_cousins() {
        let ps = [
            Path::new("/r/examples/x.toml"),
            Path::new("/r/data/v/c.toml"),
        ];
        assert_eq!(common_dir(ps.into_iter()), PathBuf::from("/r"));
        assert_eq!(
            common_dir([Path::new("/r/a/x.toml")].into_iter()),
            PathBuf::from("/r/a")
        );
    }
}
