//! `vanban new KIND`: a ready-to-edit document file from a skeleton.
//!
//! The skeletons are data (`templates/moi/<name>.<the-thuc>.toml`), compiled
//! into the binary like the other templates, so a clerk's office can read and
//! improve them without touching Rust. Which exist is what the profiles'
//! kind declarations say (`mau_moi`, by default the kind's key); a template
//! set given with `--templates` adds kinds and skeletons. Each one renders as
//! it is, as a draft.

use std::path::Path;

use chrono::NaiveDate;
use strum::VariantArray;

use crate::error::Error;
use crate::model::TheThuc;
use crate::problems::SkeletonProblem;
use crate::profile::Profile;
use crate::templating::TemplateSource;

/// The only placeholder in a skeleton: today's date, so a fresh draft carries
/// the year it is written in rather than a stale one.
const TODAY: &str = "{ngay_hom_nay}";

/// A skeleton `new` can write. A kind without one for a thể thức is one that
/// body does not issue: a UBND xã issues no nghị quyết (its HĐND does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skeleton {
    /// What `vanban new` is given: "bao-cao-quy", "cong-van".
    pub name: String,
    pub the_thuc: TheThuc,
    /// The kind it is a document of ("bao-cao").
    pub kind: String,
    /// The kind's explanation, for the help.
    pub description: String,
}

impl Skeleton {
    fn file(&self) -> String {
        format!("moi/{}.{}.toml", self.name, self.the_thuc.key())
    }
}

/// Every skeleton the kinds of the thể thức's default profiles declare and
/// the template set has, Party first, in the profiles' order.
pub fn available(templates: &TemplateSource) -> Result<Vec<Skeleton>, Error> {
    let mut out = Vec::new();
    for t in TheThuc::VARIANTS {
        let profile = Profile::load(t.default_profile(), templates)?;
        for k in profile.kinds() {
            for name in k.skeletons() {
                let s = Skeleton {
                    name,
                    the_thuc: *t,
                    kind: k.key.clone(),
                    description: k.decl.mo_ta.clone(),
                };
                if templates.get(&s.file()).is_some() {
                    out.push(s);
                }
            }
        }
    }
    Ok(out)
}

/// The names `new` knows, in order, without repeats.
pub fn names(available: &[Skeleton]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for s in available {
        if !out.contains(&s.name.as_str()) {
            out.push(&s.name);
        }
    }
    out
}

/// The help's list: one line per name, with its thể thức and explanation.
pub fn help(templates: &TemplateSource) -> String {
    let Ok(all) = available(templates) else {
        return String::new();
    };
    let mut out = String::new();
    for name in names(&all) {
        let of: Vec<&Skeleton> = all.iter().filter(|s| s.name == name).collect();
        let tt: Vec<&str> = of.iter().map(|s| s.the_thuc.key()).collect();
        out.push_str(&format!(
            "  {name:<16} {} ({})\n",
            of[0].description,
            tt.join(", ")
        ));
    }
    out
}

/// The skeleton `name` (a skeleton's name, or a kind with one skeleton), with
/// today's date filled in. Without `the_thuc` the Party one is taken when
/// there is one (the commune Party office is the main user), else the only
/// one there is.
pub fn skeleton(
    templates: &TemplateSource,
    name: &str,
    the_thuc: Option<TheThuc>,
    today: NaiveDate,
) -> Result<String, Error> {
    let refuse = |problem: SkeletonProblem| Error::NoSkeleton {
        kind: name.to_string(),
        problem,
    };
    let all = available(templates)?;
    let mut of_name: Vec<&Skeleton> = all.iter().filter(|s| s.name == name).collect();
    if of_name.is_empty() {
        let of_kind: Vec<&Skeleton> = all.iter().filter(|s| s.kind == name).collect();
        let kind_names = names(&of_kind.iter().map(|s| (*s).clone()).collect::<Vec<_>>())
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>();
        match kind_names.as_slice() {
            [] => {}
            [_] => of_name = of_kind,
            several => {
                return Err(refuse(SkeletonProblem::Several {
                    choices: several.to_vec(),
                }))
            }
        }
    }
    if of_name.is_empty() {
        let known = names(&all);
        return Err(refuse(SkeletonProblem::UnknownKind {
            suggestion: crate::suggest::suggestion(name, known.iter().copied()),
            known: known.iter().map(|k| k.to_string()).collect(),
        }));
    }
    let chosen = match the_thuc {
        Some(t) => of_name.iter().find(|s| s.the_thuc == t).ok_or_else(|| {
            refuse(SkeletonProblem::NotInTheThuc {
                the_thuc: t.key().to_string(),
                exists_for: of_name
                    .iter()
                    .map(|s| s.the_thuc.key().to_string())
                    .collect(),
            })
        })?,
        None => of_name
            .iter()
            .find(|s| s.the_thuc == TheThuc::Dang)
            .unwrap_or(&of_name[0]),
    };
    let text = templates.get(&chosen.file()).ok_or_else(|| {
        refuse(SkeletonProblem::Missing {
            file: format!("templates/{}", chosen.file()),
        })
    })?;
    Ok(text.replace(TODAY, &today.format("%Y-%m-%d").to_string()))
}

/// Writes the skeleton to `out` (atomically). An existing file is kept unless
/// `force`: it is most likely a document the clerk has been writing.
pub fn write(
    templates: &TemplateSource,
    kind: &str,
    the_thuc: Option<TheThuc>,
    out: &Path,
    force: bool,
    today: NaiveDate,
) -> Result<(), Error> {
    if out.extension().and_then(|e| e.to_str()) != Some("toml") {
        // The explanations are comments, and only TOML (of the formats a
        // document may be in, bar YAML) keeps them as written here.
        return Err(Error::NoSkeleton {
            kind: kind.to_string(),
            problem: SkeletonProblem::NotToml {
                out: out.to_path_buf(),
            },
        });
    }
    let text = skeleton(templates, kind, the_thuc, today)?;
    if out.exists() && !force {
        return Err(Error::Exists {
            file: out.to_path_buf(),
        });
    }
    crate::output::write_atomic(out, text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 18).unwrap()
    }

    #[test]
    fn every_skeleton_parses_and_says_its_kind() {
        let templates = TemplateSource::embedded();
        for s in available(&templates).unwrap() {
            let text = skeleton(&templates, &s.name, Some(s.the_thuc), day()).unwrap();
            assert!(!text.contains(TODAY), "{}: placeholder left", s.name);
            let doc: crate::Document =
                crate::model::parse(Path::new("x.toml"), &text, crate::model::Format::Toml)
                    .unwrap_or_else(|e| panic!("{} {}: {e}", s.name, s.the_thuc.key()));
            assert_eq!(doc.the_thuc, s.the_thuc, "{}", s.name);
            assert_eq!(doc.loai.as_str(), s.kind, "{}", s.name);
            assert!(doc.so.is_none(), "{}: a skeleton is a draft", s.name);
        }
    }

    /// A declared skeleton without its file would silently vanish from `new`.
    #[test]
    fn every_declared_skeleton_has_its_file() {
        let templates = TemplateSource::embedded();
        for t in TheThuc::VARIANTS {
            let p = Profile::load(t.default_profile(), &templates).unwrap();
            for k in p.kinds() {
                for name in k.skeletons() {
                    let file = format!("moi/{name}.{}.toml", t.key());
                    assert!(
                        templates.get(&file).is_some(),
                        "{file} is declared but missing"
                    );
                }
            }
        }
    }

    #[test]
    fn unknown_kinds_and_missing_the_thuc_are_refused() {
        let templates = TemplateSource::embedded();
        let e = skeleton(&templates, "cong-vna", None, day()).unwrap_err();
        assert!(e.to_string().contains("did you mean `cong-van`"), "{e}");
        assert!(e.is_input_error());
        let e = skeleton(&templates, "nghi-quyet", Some(TheThuc::NhaNuoc), day()).unwrap_err();
        assert!(e.to_string().contains("dang"), "{e}");
        let e = skeleton(&templates, "bao-cao", None, day()).unwrap_err();
        assert!(e.to_string().contains("bao-cao-quy"), "{e}");
        let text = skeleton(&templates, "cong-van", Some(TheThuc::NhaNuoc), day()).unwrap();
        assert!(text.contains("loai = \"cong-van\""));
    }

    #[test]
    fn the_party_skeleton_is_the_default() {
        let text = skeleton(&TemplateSource::embedded(), "thong-bao", None, day()).unwrap();
        assert!(text.contains("the_thuc = \"dang\""));
    }
}
