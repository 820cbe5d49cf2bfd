//! Indicators (chỉ tiêu): the year's catalogue of targets, the period's
//! figures, and everything derived from them. A figure is entered once; every
//! report sentence and table cell that quotes it is computed here.

mod catalogue;
mod derive;
mod figures;
mod number;
pub mod table;

pub use crate::fields::Period;
pub use catalogue::{Catalogue, Comparison, Group, Part, Shape, Target};
pub use derive::{
    evaluate, Evaluated, Evaluation, GroupResult, NoPlanPercent, Summary, Verdict,
    CHANGE_PERCENT_DECIMALS, PLAN_PERCENT_DECIMALS,
};
pub use figures::{load as load_figures, Figures, Row};
pub use number::from_f64;

use std::path::Path;

use crate::error::Error;
use crate::inputs::Inputs;
use crate::model::{self, DataSources};

/// Loads the catalogue and the figures a document names and evaluates them,
/// reading only inside the document's folder.
pub fn load(document: &Path, sources: &DataSources) -> Result<Evaluation, Error> {
    load_in(&Inputs::default(), document, sources)
}

/// [`load`], the files read through `inputs` (and kept there).
pub fn load_in(
    inputs: &Inputs,
    document: &Path,
    sources: &DataSources,
) -> Result<Evaluation, Error> {
    let catalogue_file = inputs.named(document, &sources.chi_tieu, "so_lieu.chi_tieu")?;
    let catalogue_path = catalogue_file.shown.clone();
    let catalogue: Catalogue = model::load_bytes(&catalogue_path, &catalogue_file.bytes)?;
    catalogue.validate().map_err(|message| Error::Invalid {
        file: catalogue_path.clone(),
        field: String::new(),
        message,
    })?;
    let figures_file = inputs.named(document, &sources.thuc_hien, "so_lieu.thuc_hien")?;
    let figures_path = figures_file.shown.clone();
    let figures = figures::parse(
        &figures_path,
        &figures_file.bytes,
        sources.trang_tinh.as_deref(),
    )?;

    let invalid = |field: &str, message: String| Error::Invalid {
        file: document.to_path_buf(),
        field: field.to_string(),
        message,
    };
    let period = match (sources.ky, figures.period) {
        (Some(a), Some(b)) if a != b => {
            return Err(invalid(
                "so_lieu.ky",
                format!(
                    "the document reports {} but {} holds the figures of {}",
                    a.long_name(catalogue.nam),
                    figures_path.display(),
                    b.long_name(catalogue.nam)
                ),
            ))
        }
        (Some(p), _) | (None, Some(p)) => p,
        (None, None) => {
            return Err(invalid(
                "so_lieu.ky",
                format!(
                    "{} does not say its period: add `ky = \"quy-1\"` (quy-1…quy-4, 6-thang, 9-thang, nam) to [so_lieu]",
                    figures_path.display()
                ),
            ))
        }
    };
    let year = sources.nam.or(figures.year).unwrap_or(catalogue.nam);
    for (name, y) in [("so_lieu.nam", sources.nam), ("nam", figures.year)] {
        if let Some(y) = y {
            if y != catalogue.nam {
                return Err(invalid(
                    name,
                    format!(
                        "the figures are for {y} but the catalogue {} sets the targets of {}",
                        catalogue_path.display(),
                        catalogue.nam
                    ),
                ));
            }
        }
    }
    let codes = catalogue.codes();
    for (code, (_, place)) in &figures.rows {
        if !codes.contains(&code.as_str()) {
            let closest = crate::suggest::did_you_mean(code, codes.iter().copied());
            return Err(Error::Parse {
                loc: crate::error::Location::file_only(&figures_path),
                field: place.clone(),
                message: format!(
                    "no indicator `{code}` in the catalogue {}{closest}",
                    catalogue_path.display()
                ),
            });
        }
    }
    refuse_negative_figures(&catalogue, &figures, &figures_path)?;
    Ok(evaluate(&catalogue, &figures, year, period))
}

/// A negative figure of a target that cannot be negative is a data error,
/// reported at its row rather than worded as "giảm 225%".
fn refuse_negative_figures(
    catalogue: &Catalogue,
    figures: &Figures,
    figures_path: &Path,
) -> Result<(), Error> {
    for t in catalogue.nhom.iter().flat_map(|g| &g.chi_tieu) {
        if t.dang.may_be_negative() {
            continue;
        }
        let codes = std::iter::once(&t.ma)
            .chain(t.thanh_phan.iter().map(|p| &p.ma))
            .chain(t.muc_tieu.iter().map(|p| &p.ma));
        for code in codes {
            let Some((row, place)) = figures.rows.get(code) else {
                continue;
            };
            for (key, value) in [("thuc_hien", row.thuc_hien), ("cung_ky", row.cung_ky)] {
                if let Some(v) = value.filter(|v| v.is_sign_negative() && !v.is_zero()) {
                    return Err(Error::Parse {
                        loc: crate::error::Location::file_only(figures_path),
                        field: format!("{place}, `{key}`"),
                        message: format!(
                            "`{code}` has the figure {v}, below zero; {}",
                            Shape::NEGATIVE_RULE
                        ),
                    });
                }
            }
        }
    }
    Ok(())
}
