//! Typesetting: compiles the generated Typst source in a sandboxed world and
//! turns diagnostics into located messages.

mod fonts;
mod world;

pub use fonts::FontSet;
pub use world::SandboxWorld;

use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Bytes, Datetime};
use typst::WorldExt;
use typst_layout::PagedDocument;

use crate::error::Error;

/// Compiles `source`. Any warning is an error: an "unknown font family" or a
/// missing glyph means a wrong-looking document, which must not be issued.
pub fn compile(fonts: &FontSet, source: String, today: Datetime) -> Result<PagedDocument, Error> {
    compile_with_files(fonts, source, today, Vec::new())
}

/// [`compile`] with in-memory files the source may read (absolute virtual
/// path, bytes): the sources a PDF/A-3 attaches.
pub fn compile_with_files(
    fonts: &FontSet,
    source: String,
    today: Datetime,
    files: Vec<(String, Bytes)>,
) -> Result<PagedDocument, Error> {
    let world = SandboxWorld::new(fonts, source, today)
        .with_files(files)
        .map_err(|message| Error::Typeset {
            diagnostics: vec![message],
        })?;
    compile_world(&world)
}

/// Compiles the world's source as it stands. `watch` keeps one world and
/// replaces its source between compiles, so Typst reparses only the edited
/// part and its memoised layout of the unchanged rest is reused.
pub fn compile_world(world: &SandboxWorld) -> Result<PagedDocument, Error> {
    let Warned { output, warnings } = typst::compile::<PagedDocument>(world);
    let result = match output {
        Ok(doc) if warnings.is_empty() => Ok(doc),
        Ok(_) => Err(Error::Typeset {
            diagnostics: warnings.iter().map(|d| describe(world, d)).collect(),
        }),
        Err(errors) => Err(Error::Typeset {
            diagnostics: errors
                .iter()
                .chain(warnings.iter())
                .map(|d| describe(world, d))
                .collect(),
        }),
    };
    // Typst memoises every compile; without eviction a long-running process
    // (batch, watch) grows by megabytes per document. Failed compiles too.
    // Entries unused for 3 compiles go: watch reuses the previous compile's
    // layout, and a batch's 2 workers each the other's latest (typst-cli's 10
    // kept a batch of 200 different documents at 322 MiB, 3 at 297 MiB).
    typst::comemo::evict(3);
    result
}

/// The comment that starts a file's text in the generated source; errors in
/// the layout libraries are reported at their own line.
pub fn file_mark(name: &str) -> String {
    format!("// ==== file: {name} ====")
}

/// Where in the templates and the data a line of the generated source came from.
fn trace(source: &str, line: usize) -> String {
    let lines: Vec<&str> = source.lines().collect();
    let mut field: Option<&str> = None;
    for back in (0..line.min(lines.len())).rev() {
        let l = lines[back];
        if let Some(f) = l.strip_prefix("// field: ") {
            field.get_or_insert(f);
        } else if let Some(at) = l.strip_prefix("// @") {
            // The line is in the body a template loop wrote for a data field,
            // or inside the template call that starts here.
            return match field {
                Some(f) => {
                    let name = at.rsplit_once(':').map(|(n, _)| n).unwrap_or(at);
                    format!("template {name} (body), data field `{f}`")
                }
                None => format!("template {at}"),
            };
        } else if let Some(name) = l
            .strip_prefix("// ==== file: ")
            .and_then(|r| r.strip_suffix(" ===="))
        {
            if name.starts_with("kinds/") {
                let data = field
                    .map(|f| format!(", data field `{f}`"))
                    .unwrap_or_default();
                return format!("template {name}{data}");
            }
            return format!("{name}:{}", line - back);
        }
    }
    String::from("generated source")
}

/// "the-thuc.typ:45 (generated line 310, column 5): error: …", tracing the
/// generated line back to its template line and data field.
pub fn describe(world: &SandboxWorld, d: &SourceDiagnostic) -> String {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = String::new();
    let source = world.main_source();
    let place = world.range(d.span).and_then(|range| {
        let lines = source.lines();
        let (line, col) = lines.byte_to_line_column(range.start)?;
        let text = source.text().lines().nth(line).unwrap_or("").trim();
        Some((line, col + 1, text.to_string()))
    });
    match place {
        Some((line, col, text)) => {
            let text: String = text.chars().take(120).collect();
            out.push_str(&format!(
                "{} (generated line {}, column {col}): {severity}: {}\n    | {text}",
                trace(source.text(), line),
                line + 1,
                d.message
            ));
        }
        None => out.push_str(&format!("{severity}: {}", d.message)),
    }
    for hint in &d.hints {
        out.push_str(&format!("\n    hint: {}", hint.v));
    }
    out
}
