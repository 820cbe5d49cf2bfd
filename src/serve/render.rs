//! The preview of the text being edited: resolved exactly as `vanban render`
//! and `vanban check` resolve a file (same parser, limits, lints), laid out
//! in a Typst world kept per document, and drawn as PNG pages.
//!
//! An edit changes one or two pages; the others come out identical, so
//! their pictures are kept by the hash of the laid-out page and not drawn
//! again. With the kept world (Typst reuses its layout of unchanged parts)
//! this is what makes a preview follow typing.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use base64::Engine as _;
use rayon::prelude::*;
use serde::Serialize;

use super::form::{self, FormField};
use crate::error::Error;
use crate::indicators::{self, table::TableRow, Summary};
use crate::messages::{self, Lang};
use crate::{model, Renderer, Resolved, Session};

/// Resolution of the preview pictures: an A4 page is 661 pixels wide, sharp
/// enough beside an editor, quick to draw and to send.
pub const PREVIEW_PPI: f64 = 80.0;

/// Documents whose Typst world is kept: a clerk edits one or two at a time.
const KEPT_SESSIONS: usize = 4;

/// Page pictures kept: a few documents' worth.
const KEPT_PAGES: usize = 64;

/// The worlds and pictures of recent previews.
pub struct Previews {
    renderer: &'static Renderer,
    sessions: VecDeque<(PathBuf, Session<'static>)>,
    pages: HashMap<u128, Arc<str>>,
    order: VecDeque<u128>,
}

/// One problem, where the page shows it: an error stops the render, a lint
/// does not.
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub message: String,
    /// The field path (`trich_yeu[0]`), empty when the problem is not one field's.
    pub field: String,
    /// Where the field stands in the document's text (1-based), when it does.
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The lint's rule; empty for an error.
    pub rule: &'static str,
}

/// The indicator table of a report with figures: the values and verdicts the
/// text will quote, as the appendix prints them.
#[derive(Debug, Clone, Serialize)]
pub struct Indicators {
    pub columns: Vec<&'static str>,
    pub rows: Vec<TableRow>,
    pub summary: Summary,
}

/// How long each step took, in milliseconds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Timing {
    pub resolve: f64,
    pub typeset: f64,
    pub png: f64,
    /// Pages drawn (the others were unchanged).
    pub drawn: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Preview {
    /// The pages as `data:image/png;base64,…`; empty when the text has an
    /// error (the page keeps showing the last good pictures).
    #[serde(serialize_with = "strings")]
    pub pages: Vec<Arc<str>>,
    /// Each page's words as laid out, a line per line: the pictures' text
    /// (for screen readers, and to find a heading's printed number).
    pub page_texts: Vec<String>,
    pub error: Option<Problem>,
    pub lints: Vec<Problem>,
    pub form: Vec<FormField>,
    /// The kind prints "Kính gửi:" (the form offers its list); false when
    /// the text does not resolve.
    pub addressed: bool,
    pub indicators: Option<Indicators>,
    pub timing: Timing,
}

/// Shared pictures as plain strings (serde's `rc` feature is not needed for this).
fn strings<S: serde::Serializer>(pages: &[Arc<str>], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(pages.iter().map(|p| &**p))
}

impl Previews {
    pub fn new(renderer: &'static Renderer) -> Self {
        Previews {
            renderer,
            sessions: VecDeque::new(),
            pages: HashMap::new(),
            order: VecDeque::new(),
        }
    }

    /// The preview of `text` as the content of `file` (which exists: its
    /// folder is where the document's data files are looked for).
    pub fn preview(
        &mut self,
        file: &Path,
        text: &str,
        lang: Lang,
        shown: &dyn Fn(String) -> String,
    ) -> Preview {
        let mut form = form::fields(text);
        let mut timing = Timing::default();
        let start = Instant::now();
        let resolved = resolve_text(self.renderer, file, text);
        timing.resolve = ms(start);
        let failed = |e: Error, timing: Timing, form: Vec<FormField>| Preview {
            pages: Vec::new(),
            page_texts: Vec::new(),
            error: Some(problem(&e, file, text, lang, shown)),
            lints: Vec::new(),
            form,
            addressed: false,
            indicators: None,
            timing,
        };
        let resolved = match resolved {
            Ok(r) => r,
            Err(e) => return failed(e, timing, form),
        };
        number_sections(&mut form, &resolved);
        let addressed = resolved.kind.decl.khoi.kinh_gui != crate::kinds::Presence::Khong;
        let lints = lints(self.renderer, &resolved, text, lang);
        let indicators = resolved.evaluation.as_ref().map(|e| Indicators {
            columns: indicators::table::COLUMNS.to_vec(),
            rows: indicators::table::rows(e),
            summary: e.summary.clone(),
        });
        let start = Instant::now();
        let paged = match self.session(file).typeset_resolved(&resolved) {
            Ok(p) => p,
            Err(e) => return failed(e, timing, form),
        };
        timing.typeset = ms(start);
        let start = Instant::now();
        let keys: Vec<u128> = paged.pages().iter().map(typst::utils::hash128).collect();
        let missing: Vec<usize> = (0..keys.len())
            .filter(|&i| !self.pages.contains_key(&keys[i]))
            .collect();
        let drawn: Vec<(usize, Result<Vec<u8>, Error>)> = missing
            .par_iter()
            .map(|&i| (i, crate::workflow::preview::png(&paged, i, PREVIEW_PPI)))
            .collect();
        timing.drawn = drawn.len();
        // The pictures of this preview are taken before any is kept: keeping
        // one may drop an old one, which this preview may still show.
        let mut pages: Vec<Option<Arc<str>>> = keys.iter().map(|k| self.reuse(*k)).collect();
        for (i, png) in drawn {
            match png {
                Ok(png) => {
                    let url = data_url(&png);
                    self.keep(keys[i], url.clone());
                    pages[i] = Some(url);
                }
                Err(e) => return failed(e, timing, form),
            }
        }
        timing.png = ms(start);
        Preview {
            pages: pages
                .into_iter()
                .map(|p| p.expect("every page is kept or drawn"))
                .collect(),
            page_texts: paged.pages().iter().map(|p| page_text(&p.frame)).collect(),
            error: None,
            lints,
            form,
            addressed,
            indicators,
            timing,
        }
    }

    fn session(&mut self, file: &Path) -> &mut Session<'static> {
        match self.sessions.iter().position(|(f, _)| f == file) {
            Some(i) => {
                let kept = self.sessions.remove(i).expect("position is in range");
                self.sessions.push_back(kept);
            }
            None => {
                if self.sessions.len() == KEPT_SESSIONS {
                    self.sessions.pop_front();
                }
                self.sessions
                    .push_back((file.to_path_buf(), self.renderer.session()));
            }
        }
        &mut self.sessions.back_mut().expect("just pushed").1
    }

    /// A kept picture, now the most recently used: the pages a clerk keeps
    /// looking at are the last to be dropped.
    fn reuse(&mut self, key: u128) -> Option<Arc<str>> {
        let url = self.pages.get(&key)?.clone();
        if let Some(i) = self.order.iter().position(|k| *k == key) {
            self.order.remove(i);
            self.order.push_back(key);
        }
        Some(url)
    }

    fn keep(&mut self, key: u128, url: Arc<str>) {
        if self.order.len() == KEPT_PAGES {
            if let Some(old) = self.order.pop_front() {
                self.pages.remove(&old);
            }
        }
        self.order.push_back(key);
        self.pages.insert(key, url);
    }
}

/// The text of a laid-out page in layout order, a new line wherever the
/// baseline moves.
fn page_text(frame: &typst::layout::Frame) -> String {
    fn walk(frame: &typst::layout::Frame, y0: f64, last: &mut Option<f64>, out: &mut String) {
        for (at, item) in frame.items() {
            let y = y0 + at.y.to_pt();
            match item {
                typst::layout::FrameItem::Group(g) => walk(&g.frame, y, last, out),
                typst::layout::FrameItem::Text(t) => {
                    if last.is_some_and(|l| (l - y).abs() > 1.0) {
                        out.push('\n');
                    }
                    *last = Some(y);
                    out.push_str(&t.text);
                }
                _ => {}
            }
        }
    }
    let mut out = String::new();
    walk(frame, 0.0, &mut None, &mut out);
    out
}

fn ms(start: Instant) -> f64 {
    (start.elapsed().as_secs_f64() * 10_000.0).round() / 10.0
}

fn data_url(png: &[u8]) -> Arc<str> {
    let mut s = String::from("data:image/png;base64,");
    base64::engine::general_purpose::STANDARD.encode_string(png, &mut s);
    s.into()
}

/// `text` resolved as the content of `file`, through the same steps as
/// [`Renderer::resolve_file`]: the format by extension, the document's size
/// limit, the parser, then the resolved stage.
pub fn resolve_text(renderer: &Renderer, file: &Path, text: &str) -> Result<Resolved, Error> {
    model::Format::from_path(file)?;
    let inputs = renderer.inputs();
    inputs.document_text(file, text.as_bytes().to_vec())?;
    let doc: model::Document = model::load_document_bytes(file, text.as_bytes())?;
    renderer.resolve_in(&inputs, &doc, file)
}

/// Each section's number as the resolved document prints it.
fn number_sections(form: &mut [FormField], r: &Resolved) {
    let numbers: HashMap<&str, &str> = r
        .context
        .section_numbers
        .iter()
        .map(|n| (n.field.as_str(), n.label.as_str()))
        .collect();
    for f in form.iter_mut().filter(|f| f.role == "section") {
        if let Some(label) = numbers.get(f.item.as_str()) {
            f.section_number = label.to_string();
        }
    }
}

/// `check`'s lints, each with its place in the text.
fn lints(renderer: &Renderer, r: &Resolved, text: &str, lang: Lang) -> Vec<Problem> {
    let toml = r.file.extension().is_some_and(|e| e == "toml");
    renderer
        .check(r)
        .into_iter()
        .map(|l| {
            let at = toml.then(|| crate::locate::field(text, &l.field)).flatten();
            Problem {
                message: messages::warning(&l, lang),
                field: l.field.clone(),
                line: at.map(|a| a.0),
                column: at.map(|a| a.1),
                rule: l.rule,
            }
        })
        .collect()
}

/// An error as the page shows it: the message in the clerk's language, and
/// the field and line when the error is about the document's own text.
pub fn problem(
    e: &Error,
    file: &Path,
    text: &str,
    lang: Lang,
    shown: &dyn Fn(String) -> String,
) -> Problem {
    let (field, at) = e.place_in(file, text);
    Problem {
        message: shown(messages::error(e, lang)),
        field,
        line: at.map(|a| a.0),
        column: at.map(|a| a.1),
        rule: "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pictures a preview shows are the last dropped: after a long
    /// session of edits the pages that never changed are still there.
    #[test]
    fn pictures_in_use_outlive_newer_ones() {
        let renderer: &'static Renderer = Box::leak(Box::new(Renderer::new()));
        let mut p = Previews::new(renderer);
        let url = |k: u128| -> Arc<str> { format!("data:{k}").into() };
        for k in 0..KEPT_PAGES as u128 {
            p.keep(k, url(k));
        }
        // Page 0 is shown again (unchanged), then a new picture is kept.
        assert_eq!(p.reuse(0).as_deref(), Some("data:0"));
        p.keep(1000, url(1000));
        assert!(p.pages.contains_key(&0), "the picture in use was dropped");
        assert!(
            !p.pages.contains_key(&1),
            "the least recently used is dropped"
        );
        assert_eq!(p.pages.len(), KEPT_PAGES);
        assert_eq!(p.reuse(1), None);
    }
}
