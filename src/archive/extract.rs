//! Getting the sources back out of an archived PDF/A-3: the files in the
//! catalogue's EmbeddedFiles name tree, written under a directory in the
//! layout the manifest records, each checked against its SHA-256.
//!
//! The PDF may come from anywhere, so every name it carries is checked before
//! it becomes a path (no absolute paths, no `..`), nothing is overwritten,
//! nothing is written through a symlink found in the output folder, and
//! decompression is bounded.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::sources::{self, Manifest, MANIFEST, MANIFEST_FORMAT};
use crate::error::Error;
use crate::problems::{ArchiveProblem, TreeProblem};

/// No source file is larger than this (a document or data file is at most
/// 16 MiB, see `model::load`); a larger stream is a decompression bomb.
const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Name trees are shallow; deeper means a malformed or hostile PDF.
const MAX_DEPTH: usize = 32;

/// One embedded file.
#[derive(Debug, Clone)]
pub struct Embedded {
    pub name: String,
    pub description: Option<String>,
    pub bytes: Vec<u8>,
}

/// What `extract` wrote.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The document file to render, when the PDF carries vanban's manifest.
    pub document: Option<PathBuf>,
    pub files: Vec<PathBuf>,
}

/// The files embedded in `pdf` (read from `file`, named in errors).
pub fn embedded_files(pdf: &[u8], file: &Path) -> Result<Vec<Embedded>, Error> {
    let bad = |problem: ArchiveProblem| Error::Archive {
        file: file.to_path_buf(),
        problem,
    };
    let unreadable = |e: lopdf::Error| {
        bad(ArchiveProblem::UnreadablePdf {
            detail: e.to_string(),
        })
    };
    let tree = |problem: TreeProblem| bad(ArchiveProblem::DamagedTree { problem });
    let doc = Document::load_mem(pdf).map_err(unreadable)?;
    let catalog = doc.catalog().map_err(unreadable)?;
    let Some(names) = catalog
        .get(b"Names")
        .ok()
        .and_then(|n| deref_dict(&doc, n))
        .and_then(|names| names.get(b"EmbeddedFiles").ok())
        .and_then(|t| deref_dict(&doc, t))
    else {
        return Ok(Vec::new());
    };
    let mut specs = Vec::new();
    let mut seen = HashSet::new();
    walk(&doc, names, 0, &mut seen, &mut specs).map_err(tree)?;
    specs
        .into_iter()
        .map(|(key, spec)| read_filespec(&doc, &key, spec).map_err(tree))
        .collect()
}

/// Collects (key, filespec) pairs of a name tree node and its kids.
fn walk<'a>(
    doc: &'a Document,
    node: &'a Dictionary,
    depth: usize,
    seen: &mut HashSet<ObjectId>,
    out: &mut Vec<(String, &'a Dictionary)>,
) -> Result<(), TreeProblem> {
    if depth > MAX_DEPTH {
        return Err(TreeProblem::TooDeep);
    }
    if let Ok(names) = node.get(b"Names").and_then(Object::as_array) {
        for pair in names.chunks(2) {
            if let [key, value] = pair {
                let key = lopdf::decode_text_string(key).unwrap_or_default();
                if let Some(spec) = deref_dict(doc, value) {
                    out.push((key, spec));
                }
            }
        }
    }
    if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
        for kid in kids {
            if let Object::Reference(id) = kid {
                if !seen.insert(*id) {
                    return Err(TreeProblem::Cycle);
                }
            }
            if let Some(kid) = deref_dict(doc, kid) {
                walk(doc, kid, depth + 1, seen, out)?;
            }
        }
    }
    Ok(())
}

fn read_filespec(doc: &Document, key: &str, spec: &Dictionary) -> Result<Embedded, TreeProblem> {
    let text = |k: &[u8]| {
        spec.get(k)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| lopdf::decode_text_string(o).ok())
    };
    let name = text(b"UF")
        .or_else(|| text(b"F"))
        .unwrap_or_else(|| key.to_string());
    let ef = spec
        .get(b"EF")
        .ok()
        .and_then(|o| deref_dict(doc, o))
        .ok_or_else(|| TreeProblem::NoData { name: name.clone() })?;
    let stream = ef
        .get(b"UF")
        .or_else(|_| ef.get(b"F"))
        .ok()
        .and_then(|o| doc.dereference(o).ok())
        .and_then(|(_, o)| o.as_stream().ok())
        .ok_or_else(|| TreeProblem::NoStream { name: name.clone() })?;
    let bytes = if stream.dict.has(b"Filter") {
        stream
            .decompressed_content_with_limit(MAX_FILE_BYTES)
            .map_err(|e| TreeProblem::Undecodable {
                name: name.clone(),
                detail: e.to_string(),
            })?
    } else {
        stream.content.clone()
    };
    Ok(Embedded {
        name,
        description: text(b"Desc"),
        bytes,
    })
}

fn deref_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(o).ok().and_then(|(_, o)| o.as_dict().ok())
}

/// Writes the sources embedded in the PDF `pdf_path` under `out`, in the
/// layout the manifest records, each checked against its SHA-256. Without a
/// manifest (a PDF not made by vanban), every embedded file is written under
/// its own name. Existing files are never overwritten.
pub fn extract(pdf_path: &Path, out: &Path) -> Result<Extracted, Error> {
    let pdf = std::fs::read(pdf_path).map_err(|source| Error::Read {
        file: pdf_path.to_path_buf(),
        source,
    })?;
    let files = embedded_files(&pdf, pdf_path)?;
    let bad = |problem: ArchiveProblem| Error::Archive {
        file: pdf_path.to_path_buf(),
        problem,
    };
    if files.is_empty() {
        return Err(bad(ArchiveProblem::NoEmbeddedFiles));
    }
    let Some(manifest_file) = files.iter().find(|f| f.name == MANIFEST) else {
        for f in &files {
            sources::check_new(out, &f.name)?;
        }
        let mut written = Vec::new();
        for f in &files {
            written.push(sources::write_new(out, &f.name, &f.bytes)?);
        }
        return Ok(Extracted {
            document: None,
            files: written,
        });
    };
    let manifest: Manifest = serde_json::from_slice(&manifest_file.bytes).map_err(|e| {
        bad(ArchiveProblem::BadManifest {
            manifest: MANIFEST,
            detail: e.to_string(),
        })
    })?;
    if manifest.format.split('/').next() != MANIFEST_FORMAT.split('/').next() {
        return Err(bad(ArchiveProblem::ManifestFormat {
            manifest: MANIFEST,
            found: manifest.format.clone(),
            known: MANIFEST_FORMAT,
        }));
    }
    // Check everything before writing anything: a damaged PDF leaves no
    // half-extracted tree behind.
    let mut plan = Vec::new();
    for entry in &manifest.files {
        let f = files.iter().find(|f| f.name == entry.path).ok_or_else(|| {
            bad(ArchiveProblem::NotEmbedded {
                path: entry.path.clone(),
            })
        })?;
        let sha = sources::sha256_hex(&f.bytes);
        if sha != entry.sha256 || f.bytes.len() as u64 != entry.size {
            return Err(bad(ArchiveProblem::Altered {
                path: entry.path.clone(),
            }));
        }
        if sources::safe_join(out, &entry.path).is_none() {
            return Err(bad(ArchiveProblem::UnsafeName {
                name: entry.path.clone(),
            }));
        }
        // Nothing in the way (an earlier extraction, a symlink) either.
        sources::check_new(out, &entry.path)?;
        plan.push(f);
    }
    let mut written = Vec::new();
    for f in plan {
        written.push(sources::write_new(out, &f.name, &f.bytes)?);
    }
    Ok(Extracted {
        document: sources::safe_join(out, &manifest.document),
        files: written,
    })
}
