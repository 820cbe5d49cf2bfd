//! `vanban watch FILE`: render again whenever the document, its data or its
//! fragment files change, so the PDF beside the editor is always current.
//!
//! A failed render is reported and the last good output stays (writes are
//! atomic). One [`Session`] lives for the whole watch: Typst reparses only
//! what an edit changed and reuses its memoised layout of the rest.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult};

use crate::error::Error;
use crate::resolve::dependencies;
use crate::{inputs, Renderer, Session};

/// Editors write a file in several steps (truncate, write, rename); changes
/// closer together than this count as one.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// What `watch` writes on each change.
#[derive(Debug, Clone)]
pub enum Target {
    /// The PDF at this path.
    Pdf(PathBuf),
    /// PNG pages `<stem>-<n>.png` in this directory, at this dpi.
    Png { dir: PathBuf, dpi: f64 },
}

/// One render: what was written and how long it took (read, check, typeset,
/// export, write).
pub struct Rendered {
    pub written: Vec<PathBuf>,
    pub elapsed: Duration,
}

/// Renders once, then after every change until the watcher fails. `report`
/// hears each render's result.
pub fn watch(
    renderer: &Renderer,
    file: &Path,
    target: &Target,
    mut report: impl FnMut(Result<Rendered, Error>),
) -> Result<(), Error> {
    let fail = |source: notify::Error| Error::Watch {
        file: file.to_path_buf(),
        source,
    };
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, tx).map_err(fail)?;
    let mut session = renderer.session();
    let mut watched_dirs: BTreeSet<PathBuf> = BTreeSet::new();
    let mut files: BTreeSet<PathBuf> = BTreeSet::new();
    loop {
        report(render(&mut session, file, target));
        // The inputs may have changed (a data file added): watch them all.
        // Directories, not files: an editor that saves by renaming a new file
        // over the old one would end a watch on the old file.
        // Never shrinks: after a failed read the last known inputs stay watched.
        files.extend(inputs(renderer, file));
        for dir in files.iter().filter_map(|f| f.parent()) {
            if watched_dirs.insert(dir.to_path_buf()) {
                debouncer
                    .watcher()
                    .watch(dir, RecursiveMode::NonRecursive)
                    .map_err(fail)?;
            }
        }
        // Wait for a change to one of the inputs; other files in the same
        // directories (the PDF being written, an editor's swap file) are not.
        loop {
            let events = match rx.recv() {
                Ok(Ok(events)) => events,
                Ok(Err(e)) => return Err(fail(e)),
                Err(_) => return Ok(()),
            };
            if events.iter().any(|e| files.contains(&canonical(&e.path))) {
                break;
            }
        }
    }
}

fn render(session: &mut Session, file: &Path, target: &Target) -> Result<Rendered, Error> {
    let start = Instant::now();
    let written = match target {
        Target::Pdf(out) => {
            let (paged, resolved) = session.typeset(file)?;
            let pdf = crate::output::pdf(&paged, &resolved.identity.ident, resolved.pdf_date)?;
            crate::output::write_output(out, &pdf, &resolved.protected())?;
            vec![out.clone()]
        }
        Target::Png { dir, dpi } => {
            let (paged, resolved) = session.typeset(file)?;
            super::preview::write_pages(&paged, file, None, *dpi, dir, &resolved.protected())?
        }
    };
    Ok(Rendered {
        written,
        elapsed: start.elapsed(),
    })
}

/// The files a render reads: the document and its [`dependencies`], as
/// canonical paths (events carry absolute ones). A named file that does not
/// exist yet is watched too, so creating it renders again. Just the document
/// when it cannot be read.
pub fn inputs(renderer: &Renderer, file: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::from([canonical(file)]);
    let Ok(doc) = renderer.load(file) else {
        return out;
    };
    // Only files the document may read: a render refuses the others anyway.
    let scope = renderer.inputs();
    for dep in dependencies(&doc) {
        let shown = inputs::relative_to(file, &dep.name);
        if scope.resolve(file, &dep.name, &dep.field).is_ok() || !shown.exists() {
            out.insert(canonical(&shown));
        }
    }
    out
}

/// An absolute path with the directory resolved; the file itself may be
/// missing for a moment while an editor saves it.
fn canonical(p: &Path) -> PathBuf {
    if let Ok(c) = p.canonicalize() {
        return c;
    }
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (dir.canonicalize(), p.file_name()) {
        (Ok(d), Some(name)) => d.join(name),
        _ => p.to_path_buf(),
    }
}
