//! The resolved document: the one stage between reading a document and
//! writing anything from it. Loading, evaluating the indicators and the
//! fragments, choosing the profile and the font, checking, computing the
//! identity and formatting every printed text happen here, once; the PDF, the
//! Typst source, `check`, the archive, `watch` and `batch` all take the
//! [`Resolved`] document and compute none of it again.
//!
//! The files a document names are listed by [`dependencies`] and nowhere
//! else: the render reads them, `watch` watches them, the archive keeps them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use typst::foundations::Datetime;

use crate::appendices::{self, AppendixContext};
use crate::context::{self, Context};
use crate::error::Error;
use crate::identity::Identity;
use crate::indicators::{self, Evaluation};
use crate::inputs::{Input, Inputs};
use crate::kinds::Kind;
use crate::limits;
use crate::model::Document;
use crate::profile::Profile;
use crate::tables::{self, LaidTable};
use crate::templating::fragments::Fragment;
use crate::templating::{self, TemplateSource};
use crate::typeset::FontSet;

/// What a file is to the document it is read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Role {
    /// The document file itself.
    VanBan,
    /// The catalogue of targets (`so_lieu.chi_tieu`).
    ChiTieu,
    /// The period figures (`so_lieu.thuc_hien`).
    ThucHien,
    /// A fragment file (`tep_manh_van`).
    ManhVan,
    /// The rows of a free table (`bang.<ten>.tep`).
    Bang,
    /// The signature image (`ky.anh_chu_ky`).
    AnhChuKy,
    /// The seal image (`ky.anh_dau`).
    AnhDau,
}

impl Role {
    /// The spelling in manifests and the register: "van-ban", "chi-tieu".
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// What the file is, for people: "Danh mục chỉ tiêu".
    pub fn label(self) -> &'static str {
        match self {
            Role::VanBan => "Tệp nội dung văn bản",
            Role::ChiTieu => "Danh mục chỉ tiêu",
            Role::ThucHien => "Số liệu thực hiện",
            Role::ManhVan => "Tệp mảnh văn dùng chung",
            Role::Bang => "Số liệu của bảng",
            Role::AnhChuKy => "Ảnh chữ ký",
            Role::AnhDau => "Ảnh con dấu",
        }
    }
}

/// A file a document names, as it names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dependency {
    pub role: Role,
    /// The field that names it: "so_lieu.chi_tieu", "tep_manh_van[0]".
    pub field: String,
    /// The name as written, relative to the document's folder.
    pub name: PathBuf,
}

/// The files `doc` names, in the order a render reads them: catalogue,
/// figures, fragment files, the rows of free tables, the signature and seal images.
pub fn dependencies(doc: &Document) -> Vec<Dependency> {
    let mut out = Vec::new();
    if let Some(s) = &doc.so_lieu {
        out.push(Dependency {
            role: Role::ChiTieu,
            field: "so_lieu.chi_tieu".into(),
            name: s.chi_tieu.clone(),
        });
        out.push(Dependency {
            role: Role::ThucHien,
            field: "so_lieu.thuc_hien".into(),
            name: s.thuc_hien.clone(),
        });
    }
    for (i, p) in doc.tep_manh_van.iter().enumerate() {
        out.push(Dependency {
            role: Role::ManhVan,
            field: format!("tep_manh_van[{i}]"),
            name: p.clone(),
        });
    }
    for (name, t) in &doc.bang {
        if let Some(p) = &t.tep {
            out.push(Dependency {
                role: Role::Bang,
                field: format!("bang.{name}.tep"),
                name: p.clone(),
            });
        }
    }
    for (role, field, name) in [
        (Role::AnhChuKy, "ky.anh_chu_ky", &doc.ky.anh_chu_ky),
        (Role::AnhDau, "ky.anh_dau", &doc.ky.anh_dau),
    ] {
        if let Some(p) = name {
            out.push(Dependency {
                role,
                field: field.into(),
                name: p.clone(),
            });
        }
    }
    out
}

/// One file a render read, with what it is to the document.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub role: Role,
    /// The field that names it; empty for the document itself.
    pub field: String,
    /// The name the document wrote (the document: the path it was read from).
    pub name: PathBuf,
    pub input: Input,
}

/// A document with everything a writer needs, computed once.
#[derive(Debug, Serialize)]
pub struct Resolved {
    /// The document file, as named on the command line.
    pub file: PathBuf,
    /// The document as written (fragments and figures not yet evaluated).
    pub written: Document,
    /// The document with every fragment and figure evaluated to plain text.
    pub document: Document,
    /// The indicators, when the document quotes data.
    #[serde(skip)]
    pub evaluation: Option<Evaluation>,
    /// The fragments (`manh_van` and the fragment files), by name, as written.
    pub fragments: BTreeMap<String, Fragment>,
    pub profile: Profile,
    /// The document's kind, as the profile declares it.
    pub kind: Kind,
    /// The font family chosen from the profile's list.
    pub font: String,
    pub identity: Identity,
    /// Every printed text, formatted in Vietnamese.
    pub context: Context,
    /// The appendices (phụ lục), in order: the indicator table, free content.
    pub appendices: Vec<AppendixContext>,
    /// The free tables (`[bang.<ten>]`), laid out, by name.
    pub tables: BTreeMap<String, LaidTable>,
    /// Where each table stands: the field of its `{ bang = … }` block → its name.
    pub placed: BTreeMap<String, String>,
    /// Every file read, the document first (when it was read from its file),
    /// then its [`dependencies`].
    pub sources: Vec<Source>,
    /// The issue date as the PDF carries it.
    #[serde(skip)]
    pub pdf_date: Datetime,
}

/// Resolves `doc`, read from `file` (named in errors), the files it names read
/// through `inputs`, the profile from `templates` and the font from `fonts`.
pub fn resolve(
    inputs: &Inputs,
    templates: &TemplateSource,
    fonts: &FontSet,
    doc: &Document,
    file: &Path,
) -> Result<Resolved, Error> {
    limits::check_document(doc, file)?;
    // Figures and fragments first: the texts they produce are checked and
    // typeset like any other text.
    let evaluation = match &doc.so_lieu {
        Some(sources) => Some(indicators::load_in(inputs, file, sources)?),
        None => None,
    };
    let (document, fragments) = if templating::fragments::needed(doc) {
        let fragments = templating::fragments::collect(inputs, doc, file)?;
        let document = templating::fragments::resolve(doc, file, evaluation.as_ref(), &fragments)?;
        (document, fragments)
    } else {
        (doc.clone(), BTreeMap::new())
    };
    let profile_name = document
        .ho_so
        .as_deref()
        .unwrap_or(document.the_thuc.default_profile());
    let mut profile = Profile::load(profile_name, templates)?;
    // Two names need a wider left column (the profile says how wide); every
    // writer takes the column from the profile resolved here.
    if let (Some(_), Some(w)) = (&document.lien_tich, &profile.lien_tich.cot_trai) {
        profile.dau.cot_trai = w.clone();
    }
    if profile.the_thuc != document.the_thuc {
        return Err(Error::Invalid {
            file: file.to_path_buf(),
            field: "ho_so".into(),
            problem: crate::problems::Invalid::ProfileTheThuc {
                profile: profile.ten.clone(),
                profile_the_thuc: profile.the_thuc.key(),
                document_the_thuc: document.the_thuc.key(),
            },
        });
    }
    let font = fonts
        .first_family(&profile.chu.ho_phong)
        .ok_or_else(|| Error::NoProfileFont {
            wanted: profile.chu.ho_phong.clone(),
            found: fonts.families(),
        })?
        .to_string();
    // Fragments may have lengthened the texts.
    limits::check_document(&document, file)?;
    document.validate(file)?;
    let kind = profile
        .kind(&document.loai, file)
        .map_err(|e| with_line(e, inputs, file))?;
    kind.check_document(&document, file)?;
    profile.check_document(&document, file)?;
    check_glyphs(document.texts(), file, fonts, &font)?;
    let tables = tables::lay_out_all(&document, file, inputs, &profile)?;
    // Rows read from a CSV or a sheet are text too.
    for (name, t) in &tables {
        let field = format!("bang.{name}");
        check_glyphs(t.texts().map(|x| (field.clone(), x)), file, fonts, &font)?;
    }
    let placed = tables::references(&document)
        .into_iter()
        .map(|(field, name)| (field.trim_end_matches(".bang").to_string(), name))
        .collect();

    let sources = read_sources(inputs, doc, file)?;
    for s in &sources {
        if matches!(s.role, Role::AnhChuKy | Role::AnhDau) {
            crate::images::check_png(&s.input.bytes, &s.input.shown, &s.field)?;
        }
    }
    let printed = Printed::of(&document, file, &profile, &kind, &font, evaluation.as_ref())?;
    Ok(Resolved {
        file: file.to_path_buf(),
        written: doc.clone(),
        document,
        evaluation,
        fragments,
        profile,
        kind,
        font,
        identity: printed.identity,
        context: printed.context,
        appendices: printed.appendices,
        tables,
        placed,
        sources,
        pdf_date: printed.pdf_date,
    })
}

impl Resolved {
    /// The images the layout places (signature, seal), at the virtual paths
    /// the context names them by.
    pub fn image_files(&self) -> Vec<(String, typst::foundations::Bytes)> {
        self.sources
            .iter()
            .filter_map(|s| {
                let path = crate::images::virtual_path(s.role)?;
                Some((
                    path.to_string(),
                    typst::foundations::Bytes::new((*s.input.bytes).clone()),
                ))
            })
            .collect()
    }

    /// The same document numbered `number` (an archived draft): the number,
    /// the date line and everything that quotes them are formatted again;
    /// nothing is read or evaluated again.
    pub fn numbered(mut self, number: u32) -> Result<Self, Error> {
        self.written.so = Some(number);
        self.document.so = Some(number);
        let printed = Printed::of(
            &self.document,
            &self.file,
            &self.profile,
            &self.kind,
            &self.font,
            self.evaluation.as_ref(),
        )?;
        self.identity = printed.identity;
        self.context = printed.context;
        self.appendices = printed.appendices;
        self.pdf_date = printed.pdf_date;
        Ok(self)
    }

    /// The files an output must not replace: every file read, and the
    /// document file even when the document came from elsewhere.
    pub fn protected(&self) -> Vec<PathBuf> {
        self.sources
            .iter()
            .map(|s| s.input.real.clone())
            .chain([self.file.clone()])
            .collect()
    }

    /// The document file's own text, when it was read from its file.
    pub fn document_text(&self) -> Option<&str> {
        self.sources
            .iter()
            .find(|s| s.role == Role::VanBan)
            .and_then(|s| std::str::from_utf8(&s.input.bytes).ok())
    }
}

/// What the numbering changes: the identity, the printed texts, the
/// appendices (which quote the number) and the PDF date.
struct Printed {
    identity: Identity,
    context: Context,
    appendices: Vec<AppendixContext>,
    pdf_date: Datetime,
}

impl Printed {
    fn of(
        doc: &Document,
        file: &Path,
        profile: &Profile,
        kind: &Kind,
        font: &str,
        evaluation: Option<&Evaluation>,
    ) -> Result<Self, Error> {
        let identity = Identity::new(doc, profile, kind);
        let context = context::build(doc, profile, kind, font, &identity);
        Ok(Printed {
            appendices: appendices::build(doc, file, evaluation, profile, &identity)?,
            context,
            pdf_date: pdf_date(doc, file)?,
            identity,
        })
    }
}

/// An unknown kind located at its line and column, when the document is a
/// TOML file that was read (its spans are kept).
fn with_line(e: Error, inputs: &Inputs, file: &Path) -> Error {
    match e {
        Error::UnknownKind {
            loc,
            kind,
            profile,
            suggestion,
            known,
        } => {
            let at = inputs
                .already_read(file)
                .and_then(|i| crate::locate::field(std::str::from_utf8(&i.bytes).ok()?, "loai"));
            Error::UnknownKind {
                loc: at.map_or(loc, |(l, c)| crate::error::Location::at(file, l, c)),
                kind,
                profile,
                suggestion,
                known,
            }
        }
        e => e,
    }
}

/// The document (if it was read from `file`) and the files it names, each
/// with its role. A render has read them all by now: this reads nothing again.
fn read_sources(inputs: &Inputs, doc: &Document, file: &Path) -> Result<Vec<Source>, Error> {
    let mut out: Vec<Source> = Vec::new();
    if let Some(input) = inputs.already_read(file) {
        out.push(Source {
            role: Role::VanBan,
            field: String::new(),
            name: file.to_path_buf(),
            input,
        });
    }
    for dep in dependencies(doc) {
        let input = inputs.named(file, &dep.name, &dep.field)?;
        out.push(Source {
            role: dep.role,
            field: dep.field,
            name: dep.name,
            input,
        });
    }
    Ok(out)
}

fn pdf_date(doc: &Document, file: &Path) -> Result<Datetime, Error> {
    use chrono::Datelike;
    let d = doc.ngay_ban_hanh.0;
    Datetime::from_ymd_hms(d.year(), d.month() as u8, d.day() as u8, 0, 0, 0).ok_or_else(|| {
        Error::Invalid {
            file: file.to_path_buf(),
            field: "ngay_ban_hanh".into(),
            problem: crate::problems::Invalid::DateOutsidePdf,
        }
    })
}

/// Stops before Typst when a character cannot be drawn, naming the field, the
/// character and its code point: Typst would print a blank box (tofu) instead.
fn check_glyphs<S: AsRef<str>>(
    texts: impl IntoIterator<Item = (String, S)>,
    file: &Path,
    fonts: &FontSet,
    family: &str,
) -> Result<(), Error> {
    // A document repeats a hundred or so characters thousands of times; each
    // is looked up in the faces once (this check was an eighth of a cold render).
    let mut covered = std::collections::HashSet::new();
    for (field, text) in texts {
        for ch in text.as_ref().chars() {
            if ch.is_whitespace() || ch.is_control() || covered.contains(&ch) {
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
            covered.insert(ch);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Renderer;

    fn example(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(name)
    }

    #[test]
    fn a_report_reads_document_catalogue_figures_and_fragments_once_each() {
        let file = example("bao-cao-quy-I-2026-dang-uy.toml");
        let renderer = Renderer::new();
        let inputs = renderer.inputs();
        let doc = renderer.load_in(&inputs, &file).unwrap();
        let r = renderer.resolve_in(&inputs, &doc, &file).unwrap();
        let roles: Vec<Role> = r.sources.iter().map(|s| s.role).collect();
        assert_eq!(
            roles,
            [Role::VanBan, Role::ChiTieu, Role::ThucHien, Role::ManhVan]
        );
        let dir = file.parent().unwrap();
        let expected = [
            file.clone(),
            dir.join("data/vu-quang/chi-tieu-2026.toml"),
            dir.join("data/vu-quang/thuc-hien-quy-I-2026.toml"),
            dir.join("data/vu-quang/doan-van.toml"),
        ];
        for (source, path) in r.sources.iter().zip(&expected) {
            assert_eq!(&source.input.shown, path);
            assert_eq!(
                *source.input.bytes,
                std::fs::read(path).unwrap(),
                "{}",
                path.display()
            );
        }
        assert_eq!(r.sources[1].field, "so_lieu.chi_tieu");
        assert_eq!(r.sources[3].field, "tep_manh_van[0]");
        // Resolving read nothing beyond them, and each once.
        assert_eq!(inputs.files().len(), 4);
        // The fragment files' fragments are kept for the lints.
        assert!(!r.fragments.is_empty());
        assert!(r.document_text().unwrap().contains("tep_manh_van"));
    }

    #[test]
    fn the_identity_is_what_the_pdf_prints() {
        let r = Renderer::new()
            .resolve_file(&example("bao-cao-quy-I-2026-dang-uy.toml"))
            .unwrap();
        let id = &r.identity;
        assert_eq!(id.printed, "Số 15-BC/ĐU");
        assert_eq!(id.ident, "Số 15-BC/ĐU 2026-03-18");
        assert_eq!(id.number_symbol(15), "15-BC/ĐU");
        assert_eq!(id.symbol(), "BC/ĐU");
        assert_eq!((id.type_code.as_str(), id.body_code.as_str()), ("BC", "ĐU"));
        assert_eq!(r.context.header.number, id.printed);
        assert_eq!(r.context.meta.ident, id.ident);
        assert_eq!(
            r.appendices[0].kem_theo,
            "(Kèm theo Báo cáo số 15-BC/ĐU ngày 18/3/2026 của Đảng ủy xã Vũ Quang)"
        );

        let state = Renderer::new()
            .resolve_file(&example("bao-cao-6-thang-2026-ubnd.toml"))
            .unwrap();
        assert_eq!(state.identity.printed, "Số: 85/BC-UBND");
        assert_eq!(state.identity.symbol(), "BC-UBND");
        // A plain data type: the later writers can take it as JSON too.
        let json = serde_json::to_value(&state).unwrap();
        assert_eq!(json["identity"]["printed"], "Số: 85/BC-UBND");
        assert_eq!(json["sources"][0]["role"], "van-ban");
    }

    #[test]
    fn a_draft_numbered_later_is_formatted_again_without_reading_again() {
        let file = example("nghi-quyet-07-NQ-DU-2025.toml");
        let renderer = Renderer::new();
        let mut doc = renderer.load(&file).unwrap();
        doc.so = None;
        let draft = renderer.resolve(&doc, &file).unwrap();
        assert!(draft.sources.is_empty(), "the document came from memory");
        assert_eq!(draft.identity.printed, "Số \u{a0}\u{a0}\u{a0}-NQ/ĐU");
        assert!(draft
            .context
            .header
            .date
            .contains("ngày \u{a0}\u{a0}\u{a0} tháng 12"));
        let numbered = draft.numbered(8).unwrap();
        assert_eq!(numbered.identity.printed, "Số 08-NQ/ĐU");
        assert_eq!(numbered.identity.number, Some(8));
        assert_eq!(numbered.context.header.number, "Số 08-NQ/ĐU");
        assert!(numbered
            .context
            .header
            .date
            .contains("ngày 30 tháng 12 năm 2025"));
        assert_eq!(numbered.written.so, Some(8));
    }

    #[test]
    fn the_dependencies_are_the_named_files_in_reading_order() {
        let file = example("bao-cao-6-thang-2026-ubnd.toml");
        let doc = crate::model::load(&file).unwrap();
        let deps: Vec<(Role, String)> = dependencies(&doc)
            .into_iter()
            .map(|d| (d.role, d.name.display().to_string()))
            .collect();
        assert_eq!(
            deps,
            [
                (Role::ChiTieu, "data/vu-quang/chi-tieu-2026.toml".into()),
                (
                    Role::ThucHien,
                    "data/vu-quang/thuc-hien-6-thang-2026.xlsx".into()
                ),
                (Role::ManhVan, "data/vu-quang/doan-van.toml".into()),
            ]
        );
        let plain = crate::model::load(&example("nghi-quyet-07-NQ-DU-2025.toml")).unwrap();
        assert!(dependencies(&plain).is_empty());
        assert_eq!(Role::ManhVan.name(), "manh-van");
    }
}
