//! vanban writes Vietnamese administrative documents: a document file (and,
//! later, indicator data) goes in, a PDF laid out to the thể thức comes out.
//!
//! The pipeline, one module per step:
//! [`model`] reads the document → [`profile`] holds the layout values →
//! [`context`] formats everything in Vietnamese ([`locale`]) → [`templating`]
//! fills the Typst templates → [`typeset`] compiles them in a sandbox →
//! [`output`] writes the PDF.

pub mod appendices;
pub mod archive;
pub mod context;
pub mod error;
pub mod indicators;
pub mod inputs;
pub mod limits;
pub mod lint;
pub mod locale;
pub mod messages;
pub mod model;
pub mod output;
pub mod profile;
pub mod tables;
pub mod templating;
pub mod typeset;
pub mod workflow;

use std::path::{Path, PathBuf};

use typst::foundations::Datetime;

pub use error::Error;
pub use model::Document;

use inputs::Inputs;
use profile::Profile;
use templating::{TemplateSource, LAYOUT_LIBRARIES};
use typeset::FontSet;

/// Generated Typst source plus what the PDF export needs to be reproducible.
pub struct Prepared {
    pub source: String,
    pub ident: String,
    pub date: Datetime,
    /// The printed number and symbol ("Số 07-NQ/ĐU").
    pub number: String,
    /// The indicators, when the document quotes data.
    pub evaluation: Option<indicators::Evaluation>,
    /// The files the render read (the document among them): no output may
    /// replace one of them.
    pub inputs: Vec<PathBuf>,
}

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

    /// The Typst source for `doc` (read from `file`, named in errors):
    /// self-contained, the layout library inlined, compilable by typst-cli.
    pub fn prepare(&self, doc: &Document, file: &Path) -> Result<Prepared, Error> {
        self.prepare_in(doc, file, &self.inputs())
    }

    /// [`Renderer::prepare`], the files the document names read through `inputs`.
    pub fn prepare_in(
        &self,
        doc: &Document,
        file: &Path,
        inputs: &Inputs,
    ) -> Result<Prepared, Error> {
        limits::check_document(doc, file)?;
        // Figures and fragments first: the texts they produce are checked and
        // typeset like any other text.
        let evaluation = match &doc.so_lieu {
            Some(sources) => Some(indicators::load_in(inputs, file, sources)?),
            None => None,
        };
        let resolved;
        let doc = if templating::fragments::needed(doc) {
            resolved = templating::fragments::resolve(inputs, doc, file, evaluation.as_ref())?;
            &resolved
        } else {
            doc
        };
        let profile_name = doc
            .ho_so
            .as_deref()
            .unwrap_or(doc.the_thuc.default_profile());
        let profile = Profile::load(profile_name, &self.templates)?;
        if profile.the_thuc != doc.the_thuc {
            return Err(Error::Invalid {
                file: file.to_path_buf(),
                field: "ho_so".into(),
                message: format!(
                    "profile `{}` is for thể thức `{}`, but the document says `the_thuc = \"{}\"`",
                    profile.ten,
                    kebab(&profile.the_thuc),
                    kebab(&doc.the_thuc)
                ),
            });
        }
        let font = self
            .fonts
            .first_family(&profile.chu.ho_phong)
            .ok_or_else(|| Error::Fonts {
                message: format!(
                    "none of the profile's fonts ({}) is available; fonts found: {}",
                    profile.chu.ho_phong.join(", "),
                    self.fonts.families().join(", ")
                ),
            })?
            .to_string();
        // Fragments may have lengthened the texts.
        limits::check_document(doc, file)?;
        doc.validate(file)?;
        profile.check_document(doc, file)?;
        check_glyphs(doc.texts(), file, &self.fonts, &font)?;
        let tables = tables::lay_out_all(doc, file, inputs, &profile)?;
        // Rows read from a CSV or a sheet are text too.
        for (name, t) in &tables {
            let field = format!("bang.{name}");
            check_glyphs(
                t.texts().map(|x| (field.clone(), x)),
                file,
                &self.fonts,
                &font,
            )?;
        }

        let type_code = profile.type_code(&kebab(&doc.loai))?;
        let ctx = context::build(doc, &profile, &font, type_code);
        let env = templating::environment(&self.templates);
        let kind_template = format!("kinds/{}.typ", kebab(&doc.loai));
        let name = if self.templates.get(&kind_template).is_some() {
            kind_template
        } else {
            "kinds/van-ban.typ".to_string()
        };
        // Where each table stands: the field of its `{ bang = … }` block.
        let placed: std::collections::BTreeMap<String, String> = tables::references(doc)
            .into_iter()
            .map(|(field, name)| (field.trim_end_matches(".bang").to_string(), name))
            .collect();
        let appendices =
            appendices::build(doc, file, evaluation.as_ref(), &profile, &ctx.header.number)?;
        let body = templating::render(
            &env,
            &name,
            &minijinja::context! {
                profile_literal => profile.to_typst(),
                appendices => minijinja::Value::from(minijinja::value::Serde(&appendices)),
                tables => minijinja::Value::from(minijinja::value::Serde(&tables)),
                placed => minijinja::Value::from(minijinja::value::Serde(&placed)),
                landscape => doc.huong == model::Orientation::Landscape,
                ..minijinja::Value::from(minijinja::value::Serde(&ctx))
            },
        )?;
        let library = LAYOUT_LIBRARIES
            .iter()
            .map(|name| {
                self.templates.get(name).ok_or_else(|| Error::Template {
                    name: name.to_string(),
                    line: 0,
                    message: "this layout library is missing from the template set".into(),
                })
            })
            .collect::<Result<Vec<_>, _>>()?
            .into_iter()
            .zip(LAYOUT_LIBRARIES)
            .map(|(text, name)| format!("{}\n{text}", typeset::file_mark(name)))
            .collect::<Vec<_>>()
            .join("\n");
        let source = format!(
            "// Generated by vanban {} from {} with profile {}.\n// The layout library ({}) is inlined so this file compiles on its own:\n//   typst compile --font-path fonts --ignore-system-fonts THIS.typ\n\n{library}\n{}\n{body}",
            env!("CARGO_PKG_VERSION"),
            file.file_name().map(|f| f.to_string_lossy()).unwrap_or_default(),
            profile.ten,
            LAYOUT_LIBRARIES.join(", "),
            typeset::file_mark(&name),
        );
        let d = doc.ngay_ban_hanh.0;
        use chrono::Datelike;
        let date = Datetime::from_ymd_hms(d.year(), d.month() as u8, d.day() as u8, 0, 0, 0)
            .ok_or_else(|| Error::Invalid {
                file: file.to_path_buf(),
                field: "ngay_ban_hanh".into(),
                message: "the date is outside the range a PDF can carry".into(),
            })?;
        Ok(Prepared {
            source,
            ident: ctx.meta.ident.clone(),
            date,
            number: ctx.header.number.clone(),
            evaluation,
            inputs: inputs
                .paths()
                .into_iter()
                .chain([file.to_path_buf()])
                .collect(),
        })
    }

    /// Everything a render checks, without typesetting, plus the lints of
    /// [`lint`]: the warnings `vanban check` prints.
    pub fn check(&self, doc: &Document, file: &Path) -> Result<Vec<lint::Lint>, Error> {
        self.check_in(doc, file, &self.inputs())
    }

    /// [`Renderer::check`], the files read through `inputs`.
    pub fn check_in(
        &self,
        doc: &Document,
        file: &Path,
        inputs: &Inputs,
    ) -> Result<Vec<lint::Lint>, Error> {
        let prepared = self.prepare_in(doc, file, inputs)?;
        let fragments: Vec<(String, String)> = templating::fragments::collect(inputs, doc, file)?
            .into_iter()
            .collect();
        let mut lints = lint::run(
            doc,
            &lint::read_raw(file),
            &prepared.number,
            prepared.evaluation.as_ref(),
            &fragments,
        );
        lints.extend(lint::ambiguous_numbers(doc, file));
        Ok(lints)
    }

    /// Renders `doc` to PDF bytes.
    pub fn render_pdf(&self, doc: &Document, file: &Path) -> Result<Vec<u8>, Error> {
        self.render_pdf_in(doc, file, &self.inputs())
    }

    /// [`Renderer::render_pdf`], the files read through `inputs`.
    pub fn render_pdf_in(
        &self,
        doc: &Document,
        file: &Path,
        inputs: &Inputs,
    ) -> Result<Vec<u8>, Error> {
        let (paged, prepared) = self.typeset_in(doc, file, inputs)?;
        output::pdf(&paged, &prepared.ident, prepared.date)
    }

    /// Lays `doc` out into pages, for the PDF or for PNG previews.
    pub fn typeset(
        &self,
        doc: &Document,
        file: &Path,
    ) -> Result<(typst_layout::PagedDocument, Prepared), Error> {
        self.typeset_in(doc, file, &self.inputs())
    }

    /// [`Renderer::typeset`], the files read through `inputs`.
    pub fn typeset_in(
        &self,
        doc: &Document,
        file: &Path,
        inputs: &Inputs,
    ) -> Result<(typst_layout::PagedDocument, Prepared), Error> {
        let prepared = self.prepare_in(doc, file, inputs)?;
        let paged = typeset::compile(&self.fonts, prepared.source.clone(), prepared.date)?;
        Ok((paged, prepared))
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
    ) -> Result<(typst_layout::PagedDocument, Prepared), Error> {
        let inputs = self.renderer.inputs();
        let doc = self.renderer.load_in(&inputs, file)?;
        let prepared = self.renderer.prepare_in(&doc, file, &inputs)?;
        let world = match &mut self.world {
            Some(world) => {
                world.update(&prepared.source, prepared.date);
                world
            }
            None => self.world.insert(typeset::SandboxWorld::new(
                &self.renderer.fonts,
                prepared.source.clone(),
                prepared.date,
            )),
        };
        let paged = typeset::compile_world(world)?;
        Ok((paged, prepared))
    }

    /// Reads `file` again and renders it to PDF bytes.
    pub fn render_pdf(&mut self, file: &Path) -> Result<Vec<u8>, Error> {
        let (paged, prepared) = self.typeset(file)?;
        output::pdf(&paged, &prepared.ident, prepared.date)
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

/// The serde name of a unit enum variant ("nghi-quyet", "dang").
fn kebab<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Stops before Typst when a character cannot be drawn, naming the field, the
/// character and its code point: Typst would print a blank box (tofu) instead.
fn check_glyphs<S: AsRef<str>>(
    texts: impl IntoIterator<Item = (String, S)>,
    file: &Path,
    fonts: &FontSet,
    family: &str,
) -> Result<(), Error> {
    for (field, text) in texts {
        let text = text.as_ref();
        for ch in text.chars() {
            if ch.is_whitespace() || ch.is_control() {
                continue;
            }
            let upper_ok = ch.to_uppercase().all(|u| fonts.covers(family, u));
            if !fonts.covers(family, ch) || !upper_ok {
                return Err(Error::MissingGlyph {
                    file: file.to_path_buf(),
                    field,
                    ch,
                    family: family.to_string(),
                });
            }
        }
    }
    Ok(())
}
