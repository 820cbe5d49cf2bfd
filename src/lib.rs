//! vanban writes Vietnamese administrative documents: a document file (and,
//! later, indicator data) goes in, a PDF laid out to the thể thức comes out.
//!
//! The pipeline, one module per step:
//! [`model`] reads the document → [`resolve`] evaluates its data and
//! fragments, chooses the profile ([`profile`]) and the font, and formats
//! everything in Vietnamese ([`context`], [`locale`]) into one [`Resolved`]
//! document → [`templating`] fills the Typst templates → [`typeset`] compiles
//! them in a sandbox → [`output`] writes the PDF. `check`, the archive,
//! `watch` and `batch` take the same [`Resolved`] document.

pub mod abolished;
pub mod appendices;
pub mod archive;
pub mod context;
pub mod docx;
pub mod error;
pub mod fields;
pub mod forms;
pub mod identity;
pub mod images;
pub mod indicators;
pub mod inputs;
pub mod kinds;
pub mod limits;
pub mod lint;
pub mod locale;
pub mod locate;
pub mod messages;
pub mod model;
pub mod output;
pub mod parsing;
pub mod problems;
pub mod profile;
pub mod resolve;
#[cfg(feature = "serve")]
pub mod serve;
pub mod suggest;
pub mod tables;
pub mod templating;
pub mod typeset;
pub mod workflow;

use std::path::{Path, PathBuf};

pub use error::Error;
pub use model::Document;
pub use resolve::Resolved;

use inputs::Inputs;
use templating::{TemplateSource, LAYOUT_LIBRARIES};
use typeset::FontSet;

/// Renders documents with one template set and one font set, both loaded once.
pub struct Renderer {
    templates: TemplateSource,
    fonts: FontSet,
    /// Folders beyond a document's own it may name files in (`--allow-path`).
    allowed: Vec<PathBuf>,
}

impl Renderer {
    /// The built-in templates and fonts.
    pub fn new() -> Self {
        Renderer {
            templates: TemplateSource::embedded(),
            fonts: FontSet::embedded(),
            allowed: Vec::new(),
        }
    }

    /// The template set (built in, or `--templates`), for `new`'s skeletons.
    pub fn templates(&self) -> &TemplateSource {
        &self.templates
    }

    /// `templates`: a directory overlaying the built-in templates file by file;
    /// `font_dir`: more fonts (e.g. a licensed Times New Roman).
    pub fn with_options(templates: Option<&Path>, font_dir: Option<&Path>) -> Result<Self, Error> {
        Ok(Renderer {
            templates: match templates {
                Some(dir) => TemplateSource::with_overlay(dir),
                None => TemplateSource::embedded(),
            },
            fonts: match font_dir {
                Some(dir) => FontSet::with_dir(dir)?,
                None => FontSet::embedded(),
            },
            allowed: Vec::new(),
        })
    }

    /// Lets documents name files in `dirs` too, besides their own folder
    /// tree (`--allow-path`).
    pub fn allow_paths(mut self, dirs: &[PathBuf]) -> Result<Self, Error> {
        self.allowed = inputs::allowed_folders(dirs)?;
        Ok(self)
    }

    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }

    /// A fresh record of the files one render reads, with this renderer's
    /// allowed folders.
    pub fn inputs(&self) -> Inputs {
        Inputs::new(self.allowed.clone())
    }

    /// The layout profile `name`, from this renderer's templates.
    pub fn profile(&self, name: &str) -> Result<profile::Profile, Error> {
        profile::Profile::load(name, &self.templates)
    }

    /// Reads a document file (TOML, JSON or YAML by extension).
    pub fn load(&self, path: &Path) -> Result<Document, Error> {
        model::load_document(path)
    }

    /// [`Renderer::load`], the file read through `inputs`.
    pub fn load_in(&self, inputs: &Inputs, path: &Path) -> Result<Document, Error> {
        model::Format::from_path(path)?;
        // A document's own limit is far below a data file's: refuse a huge
        // one before reading it.
        if let Ok(meta) = std::fs::metadata(path) {
            model::check_document_size(path, meta.len())?;
        }
        let input = inputs.document(path)?;
        model::load_document_bytes(path, &input.bytes)
    }

    /// Reads the document `file` and resolves it: every file read once.
    pub fn resolve_file(&self, file: &Path) -> Result<Resolved, Error> {
        let inputs = self.inputs();
        let doc = self.load_in(&inputs, file)?;
        self.resolve_in(&inputs, &doc, file)
    }

    /// Resolves `doc` (read from `file`, named in errors).
    pub fn resolve(&self, doc: &Document, file: &Path) -> Result<Resolved, Error> {
        self.resolve_in(&self.inputs(), doc, file)
    }

    /// [`Renderer::resolve`], the files the document names read through `inputs`.
    pub fn resolve_in(
        &self,
        inputs: &Inputs,
        doc: &Document,
        file: &Path,
    ) -> Result<Resolved, Error> {
        resolve::resolve(inputs, &self.templates, &self.fonts, doc, file)
    }

    /// The Typst source of a resolved document: self-contained, the layout
    /// library inlined, compilable by typst-cli.
    pub fn source(&self, r: &Resolved) -> Result<String, Error> {
        let env = templating::environment(&self.templates);
        let name = format!("kinds/{}.typ", r.kind.decl.mau);
        let body = templating::render(
            &env,
            &name,
            &minijinja::context! {
                profile_literal => r.profile.to_typst(),
                appendices => minijinja::Value::from(minijinja::value::Serde(&r.appendices)),
                tables => minijinja::Value::from(minijinja::value::Serde(&r.tables)),
                placed => minijinja::Value::from(minijinja::value::Serde(&r.placed)),
                landscape => r.document.huong == model::Orientation::Landscape,
                ..minijinja::Value::from(minijinja::value::Serde(&r.context))
            },
        )?;
        let library = LAYOUT_LIBRARIES
            .iter()
            .map(|name| {
                self.templates.get(name).ok_or_else(|| Error::Template {
                    name: name.to_string(),
                    line: 0,
                    problem: crate::problems::TemplateProblem::MissingLibrary,
                })
            })
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .zip(LAYOUT_LIBRARIES)
            .map(|(text, name)| format!("{}\n{text}", typeset::file_mark(name)))
            .collect::<Vec<_>>()
            .join("\n");
        Ok(format!(
            "// Generated by vanban {} from {} with profile {}.\n// The layout library ({}) is inlined so this file compiles on its own:\n//   typst compile --font-path fonts --ignore-system-fonts THIS.typ\n\n{library}\n{}\n{body}",
            env!("CARGO_PKG_VERSION"),
            r.file.file_name().map(|f| f.to_string_lossy()).unwrap_or_default(),
            r.profile.ten,
            LAYOUT_LIBRARIES.join(", "),
            typeset::file_mark(&name),
        ))
    }

    /// The lints of [`lint`] over a resolved document: the warnings
    /// `vanban check` prints (a document that does not resolve has errors).
    pub fn check(&self, r: &Resolved) -> Vec<lint::Lint> {
        let fragments: Vec<(String, String)> = r
            .fragments
            .iter()
            .map(|(name, f)| (name.clone(), f.source.clone()))
            .collect();
        let codes: Vec<String> = r.profile.kinds().map(|k| k.decl.ma).collect();
        let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
        let mut lints = lint::run(
            &r.written,
            &codes,
            r.document_text().unwrap_or_default(),
            (
                r.kind.decl.mau_so.as_ref().unwrap_or(&r.profile.dau.mau_so),
                // The identity's code: a joint document's is "KHLT".
                &r.identity.type_code,
            ),
            &r.context.header.number,
            r.evaluation.as_ref(),
            &fragments,
        );
        lints.extend(lint::ambiguous_numbers(&r.sources));
        lints
    }

    /// Lays a resolved document out into pages, for the PDF or for PNG previews.
    pub fn typeset(&self, r: &Resolved) -> Result<typst_layout::PagedDocument, Error> {
        typeset::compile_with_files(&self.fonts, self.source(r)?, r.pdf_date, r.image_files())
    }

    /// A resolved document as PDF bytes.
    pub fn render(&self, r: &Resolved) -> Result<Vec<u8>, Error> {
        output::pdf(&self.typeset(r)?, &r.identity.ident, r.pdf_date)
    }

    /// A resolved document as PDF or DOCX bytes: both from the same
    /// [`Resolved`] document.
    pub fn render_as(&self, r: &Resolved, format: output::Format) -> Result<Vec<u8>, Error> {
        match format {
            output::Format::Pdf => self.render(r),
            output::Format::Docx => docx::write(r),
        }
    }

    /// Renders `doc` (read from `file`, named in errors) to PDF bytes.
    pub fn render_pdf(&self, doc: &Document, file: &Path) -> Result<Vec<u8>, Error> {
        self.render(&self.resolve(doc, file)?)
    }

    /// A session that keeps one Typst world between renders (see [`Session`]).
    pub fn session(&self) -> Session<'_> {
        Session {
            renderer: self,
            world: None,
        }
    }
}

/// Renders the same document again and again (`vanban watch`). It keeps one
/// Typst world and only replaces its source, so an edit reparses the changed
/// part and reuses Typst's memoised layout of the rest.
pub struct Session<'a> {
    renderer: &'a Renderer,
    world: Option<typeset::SandboxWorld<'a>>,
}

impl Session<'_> {
    /// Reads `file` again and lays it out.
    pub fn typeset(
        &mut self,
        file: &Path,
    ) -> Result<(typst_layout::PagedDocument, Resolved), Error> {
        let resolved = self.renderer.resolve_file(file)?;
        let paged = self.typeset_resolved(&resolved)?;
        Ok((paged, resolved))
    }

    /// Lays out a document resolved elsewhere (`vanban serve` resolves the
    /// text being edited, not the file) in this session's world.
    pub fn typeset_resolved(
        &mut self,
        resolved: &Resolved,
    ) -> Result<typst_layout::PagedDocument, Error> {
        let source = self.renderer.source(resolved)?;
        let world = match &mut self.world {
            Some(world) => {
                world.update(&source, resolved.pdf_date);
                world
            }
            None => self.world.insert(typeset::SandboxWorld::new(
                &self.renderer.fonts,
                source,
                resolved.pdf_date,
            )),
        };
        // The signature and seal may have been replaced since the last render.
        world
            .set_files(resolved.image_files())
            .map_err(|message| Error::Typeset {
                diagnostics: vec![message],
            })?;
        typeset::compile_world(world)
    }

    /// Reads `file` again and resolves it (for writers that need no layout).
    pub fn resolve(&self, file: &Path) -> Result<Resolved, Error> {
        self.renderer.resolve_file(file)
    }

    /// Reads `file` again and renders it to PDF bytes.
    pub fn render_pdf(&mut self, file: &Path) -> Result<Vec<u8>, Error> {
        let (paged, resolved) = self.typeset(file)?;
        output::pdf(&paged, &resolved.identity.ident, resolved.pdf_date)
    }
}

// Batch renders share one Renderer across threads: fonts are parsed once.
const _: () = {
    const fn sync_and_send<T: Sync + Send>() {}
    sync_and_send::<Renderer>();
};

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}
