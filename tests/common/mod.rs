//! Shared helpers for the integration tests: render through the library, then
//! read the PDF back with poppler (pdftotext, pdffonts) and pdfplumber.
#![allow(dead_code)]

mod samples;
// tests/memory.rs, a binary of its own, takes these helpers without the samples.
#[allow(unused_imports)]
pub use samples::*;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;
use vanban::Renderer;

pub const MM: f64 = 72.0 / 25.4;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `examples/NAME`.
pub fn example(name: &str) -> PathBuf {
    root().join("examples").join(name)
}

pub fn seed_example() -> PathBuf {
    root().join("examples/nghi-quyet-07-NQ-DU-2025.toml")
}

/// Renders a document file to PDF bytes with the built-in templates and fonts.
pub fn render_file(path: &Path) -> Vec<u8> {
    let r = Renderer::new();
    let doc = r.load(path).unwrap_or_else(|e| panic!("{e}"));
    r.render_pdf(&doc, path).unwrap_or_else(|e| panic!("{e}"))
}

/// Renders a document given as TOML text, as if it were the file `path`
/// (whose folder is where the files it names are looked for).
pub fn render_toml_at(text: &str, path: &Path) -> Result<Vec<u8>, vanban::Error> {
    let doc: vanban::Document = vanban::model::parse(path, text, vanban::model::Format::Toml)?;
    Renderer::new().render_pdf(&doc, path)
}

/// The text of page `n` (1-based), raw order.
pub fn page_text(pdf: &[u8], n: usize) -> String {
    let f = write_temp(pdf);
    let n = n.to_string();
    run(
        "pdftotext",
        &["-raw", "-f", &n, "-l", &n, f.path().to_str().unwrap(), "-"],
    )
}

/// Renders a document given as TOML text.
pub fn render_toml(text: &str) -> Result<Vec<u8>, vanban::Error> {
    let path = Path::new("test.toml");
    let doc: vanban::Document = vanban::model::parse(path, text, vanban::model::Format::Toml)?;
    Renderer::new().render_pdf(&doc, path)
}

pub fn write_temp(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut f = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    std::io::Write::write_all(&mut f, bytes).unwrap();
    f
}

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd} (scripts/test installs it): {e}"));
    assert!(
        out.status.success(),
        "{cmd} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Converts DOCX files to PDF with LibreOffice headless in one call (it
/// starts slowly): `dir/lo/NAME.pdf` for each `NAME.docx`, with a profile of
/// its own in `dir` so parallel runs do not share one.
pub fn libreoffice_pdfs(dir: &Path, docs: &[PathBuf]) {
    let profile = format!("-env:UserInstallation=file://{}/lo-profile", dir.display());
    let outdir = dir.join("lo");
    let mut args = vec![
        profile.as_str(),
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        outdir.to_str().unwrap(),
    ];
    args.extend(docs.iter().map(|d| d.to_str().unwrap()));
    run("soffice", &args);
}

/// The PDF's text in content order (`pdftotext -raw`). The default mode's
/// layout analysis drops spaces and merges "duplicate" glyphs around runs of
/// punctuation ("a ! ! b" → "a!!b"), so exact-text checks use raw order.
pub fn pdftotext(pdf: &[u8]) -> String {
    let f = write_temp(pdf);
    run("pdftotext", &["-raw", f.path().to_str().unwrap(), "-"])
}

pub fn pdffonts(pdf: &[u8]) -> String {
    let f = write_temp(pdf);
    run("pdffonts", &[f.path().to_str().unwrap()])
}

pub fn pdfinfo(pdf: &[u8]) -> String {
    let f = write_temp(pdf);
    run("pdfinfo", &[f.path().to_str().unwrap()])
}

#[derive(Debug, Deserialize)]
pub struct Probe {
    pub pages: Vec<Page>,
}

#[derive(Debug, Deserialize)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub words: Vec<Word>,
    pub rules: Vec<Rule>,
    /// Vertical rules (table column lines).
    #[serde(default)]
    pub vrules: Vec<VRule>,
    /// Stroked rectangles (the frames of marks).
    #[serde(default)]
    pub boxes: Vec<Frame>,
    /// Placed images (signature and seal).
    #[serde(default)]
    pub images: Vec<Placed>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Frame {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    /// "#rrggbb"
    pub color: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Placed {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
}

#[derive(Debug, Deserialize)]
pub struct VRule {
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Word {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    pub font: String,
    pub size: f64,
    /// The fill colour, "#rrggbb".
    #[serde(default)]
    pub color: String,
}

#[derive(Debug, Deserialize)]
pub struct Rule {
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
}

impl Word {
    pub fn bold(&self) -> bool {
        self.font.contains("Bold")
    }
    pub fn italic(&self) -> bool {
        self.font.contains("Italic")
    }
}

/// Words, boxes, fonts and rules of every page (tests/pdf_probe.py).
pub fn probe(pdf: &[u8]) -> Probe {
    let f = write_temp(pdf);
    let json = run(
        "python3",
        &[
            root().join("tests/pdf_probe.py").to_str().unwrap(),
            f.path().to_str().unwrap(),
        ],
    );
    serde_json::from_str(&json).unwrap()
}

/// A printed line: words sharing a top (±1 pt), left to right.
#[derive(Debug, Clone)]
pub struct Line {
    pub words: Vec<Word>,
}

impl Line {
    pub fn text(&self) -> String {
        self.words
            .iter()
            .map(|w| w.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
    pub fn x0(&self) -> f64 {
        self.words.first().unwrap().x0
    }
    pub fn x1(&self) -> f64 {
        self.words.last().unwrap().x1
    }
    pub fn top(&self) -> f64 {
        self.words.first().unwrap().top
    }
}

pub fn lines(page: &Page) -> Vec<Line> {
    let mut words = page.words.clone();
    words.sort_by(|a, b| {
        a.top
            .partial_cmp(&b.top)
            .unwrap()
            .then(a.x0.partial_cmp(&b.x0).unwrap())
    });
    let mut out: Vec<Line> = Vec::new();
    for w in words {
        match out.last_mut() {
            Some(l) if (l.top() - w.top).abs() <= 1.0 => l.words.push(w),
            _ => out.push(Line { words: vec![w] }),
        }
    }
    for l in &mut out {
        l.words.sort_by(|a, b| a.x0.partial_cmp(&b.x0).unwrap());
    }
    out
}

/// The texts of the lines, for a failing check's message.
pub fn texts(ls: &[Line]) -> Vec<String> {
    ls.iter().map(Line::text).collect()
}

/// The first line containing `text`.
pub fn find<'a>(ls: &'a [Line], text: &str) -> &'a Line {
    ls.iter()
        .find(|l| l.text().contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} in {:#?}", texts(ls)))
}

/// The rule across a nha-nuoc page's text width (30 mm from the left edge
/// to 15 mm from the right) below `top`: the one over a copy block.
pub fn full_width_rule_below(page: &Page, top: f64) -> &Rule {
    let (left, right) = (30.0 * MM, page.width - 15.0 * MM);
    page.rules
        .iter()
        .find(|r| r.top > top && (r.x0 - left).abs() < 1.0 && (r.x1 - right).abs() < 1.0)
        .unwrap_or_else(|| panic!("no full-width rule below {top}: {:?}", page.rules))
}

/// Runs the `vanban` binary in `cwd`: its exit code, stdout and stderr.
pub fn run_vanban_out(args: &[&str], cwd: &Path) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// Runs the `vanban` binary in `cwd`: its exit code and what it wrote on stderr.
pub fn run_vanban(args: &[&str], cwd: &Path) -> (Option<i32>, String) {
    let (code, _, err) = run_vanban_out(args, cwd);
    (code, err)
}

/// Drops all whitespace: for comparing text that may wrap at a break
/// opportunity without a space ("Zg?" | "ỉđ"), where extraction adds one.
pub fn unspaced(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Collapses all whitespace to single spaces.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
