//! The documents in the served folder, as the first screen lists them, and
//! the data files a report may take its figures from.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::App;
use crate::messages::{self, Lang};

/// How deep below the served folder documents are looked for: an office
/// keeps a folder per year or per body, not deeper.
const DEPTH: usize = 4;

/// Files looked at, at most: the listing must come back in a moment even
/// when the clerk serves a large folder by mistake.
const MAX_FILES: usize = 2_000;

/// One document of the folder.
#[derive(Debug, Clone, Serialize)]
pub struct Listed {
    pub path: String,
    /// "NGHỊ QUYẾT".
    pub kind: String,
    pub the_thuc: String,
    /// The number and symbol as printed ("Số 07-NQ/ĐU"); the symbol alone for a draft.
    pub number: String,
    pub draft: bool,
    /// The issue date, "30/12/2025".
    pub date: String,
    /// The trích yếu, its lines joined.
    pub summary: String,
    /// Why it does not render as it stands, if it does not.
    pub error: Option<String>,
}

/// The files below `dir` whose name ends in one of `exts`, outside hidden
/// folders and the archive, sorted.
pub fn files(app: &App, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(&app.dir, &app.archive, exts, 0, &mut out);
    out.sort();
    out
}

fn walk(dir: &Path, skip: &Path, exts: &[&str], depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if out.len() >= MAX_FILES {
            return;
        }
        let name = e.file_name().to_string_lossy().to_string();
        let path = e.path();
        if name.starts_with('.') || path == skip {
            continue;
        }
        // Symlinks are not followed: a listed file is one `confine` accepts.
        match e.file_type() {
            Ok(t) if t.is_dir() && depth < DEPTH => walk(&path, skip, exts, depth + 1, out),
            Ok(t) if t.is_file() => {
                let ext = path
                    .extension()
                    .and_then(|x| x.to_str())
                    .unwrap_or("")
                    .to_ascii_lowercase();
                if exts.contains(&ext.as_str()) {
                    out.push(path);
                }
            }
            _ => {}
        }
    }
}

/// The documents of the folder: every document file (one that says its
/// `the_thuc` and `loai`), resolved as `render` would resolve it.
pub fn documents(app: &App, lang: Lang) -> Vec<Listed> {
    files(app, &["toml", "json", "yaml", "yml"])
        .par_iter()
        .filter_map(|path| listed(app, path, lang))
        .collect()
}

fn listed(app: &App, path: &Path, lang: Lang) -> Option<Listed> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.len() > crate::limits::MAX_DOCUMENT_FILE_BYTES {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    // Catalogues, figures and fragment files share the extensions.
    if !(text.contains("the_thuc") && text.contains("loai")) {
        return None;
    }
    let rel = app.relative(path);
    let empty = |error: String| Listed {
        path: rel.clone(),
        kind: String::new(),
        the_thuc: String::new(),
        number: String::new(),
        draft: true,
        date: String::new(),
        summary: String::new(),
        error: Some(error),
    };
    let renderer = app.renderer;
    let doc = match renderer.load(path) {
        Ok(d) => d,
        Err(e) => return Some(empty(app.shown(messages::error(&e, lang)))),
    };
    let (number, kind, error) = match renderer.resolve_file(path) {
        Ok(r) => (r.identity.printed.clone(), r.kind.decl.ten.clone(), None),
        Err(e) => (
            String::new(),
            doc.loai.to_string(),
            Some(app.shown(messages::error(&e, lang))),
        ),
    };
    Some(Listed {
        path: rel,
        kind,
        the_thuc: doc.the_thuc.key().to_string(),
        number: number.split_whitespace().collect::<Vec<_>>().join(" "),
        draft: doc.so.is_none(),
        date: doc.ngay_ban_hanh.0.format("%d/%m/%Y").to_string(),
        summary: doc
            .trich_yeu
            .0
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join(" "),
        error,
    })
}
