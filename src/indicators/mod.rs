//! Indicators (chỉ tiêu): the year's catalogue of targets, the period's
//! figures, and everything derived from them. A figure is entered once; every
//! report sentence and table cell that quotes it is computed here.

mod catalogue;
mod derive;
mod figures;
mod number;
pub mod table;

pub use crate::fields::Period;
pub use crate::fields::{short_date, PERIODS};
pub use catalogue::{Catalogue, Comparison, Group, Part, Shape, Target};
pub use derive::{
    evaluate, Evaluated, Evaluation, GroupResult, NoPlanPercent, Summary, Verdict,
    CHANGE_PERCENT_DECIMALS, PLAN_PERCENT_DECIMALS,
};
/// The sheet readers free tables share with the figures.
pub(crate) use figures::{column_letter, excel_date, open_workbook};
pub use figures::{load as load_figures, Figures, Row};
pub use number::from_f64;

use std::path::Path;

use crate::error::Error;
use crate::inputs::Inputs;
use crate::model::{self, DataSources};
use crate::parsing::FiguresProblem;
use crate::problems::Invalid;

/// Loads the catalogue and the figures a document names and evaluates them,
/// reading only inside the document's folder.
pub fn load(document: &Path, sources: &DataSources) -> Result<Evaluation, Error> {
    load_in(&Inputs::default(), document, sources)
}

/// The year a catalogue sets targets for is an issue year (a typing error
/// such as 20266 would print as it is), and its table has at most
/// [`limits::MAX_INDICATORS`] rows.
fn check_catalogue_bounds(catalogue: &Catalogue, path: &Path) -> Result<(), Error> {
    if !crate::limits::ISSUE_YEARS.contains(&catalogue.nam) {
        return Err(Error::Invalid {
            file: path.to_path_buf(),
            field: "nam".into(),
            problem: crate::limits::year_outside(catalogue.nam, &crate::limits::ISSUE_YEARS),
        });
    }
    let rows: usize = catalogue
        .nhom
        .iter()
        .map(|g| {
            1 + g
                .chi_tieu
                .iter()
                .map(|t| 1 + t.thanh_phan.len() + t.muc_tieu.len())
                .sum::<usize>()
        })
        .sum();
    crate::limits::at_most(
        path,
        "nhom",
        crate::limits::Bound::Indicators,
        rows,
        crate::limits::MAX_INDICATORS,
    )
}

/// [`load`], the files read through `inputs` (and kept there).
pub fn load_in(
    inputs: &Inputs,
    document: &Path,
    sources: &DataSources,
) -> Result<Evaluation, Error> {
    let catalogue_file = inputs.named(document, &sources.chi_tieu, "so_lieu.chi_tieu")?;
    let catalogue_path = catalogue_file.shown.clone();
    let catalogue: Catalogue = model::load_document_bytes(&catalogue_path, &catalogue_file.bytes)?;
    catalogue.validate().map_err(|problem| Error::Invalid {
        file: catalogue_path.clone(),
        field: String::new(),
        problem: Invalid::Catalogue(problem),
    })?;
    check_catalogue_bounds(&catalogue, &catalogue_path)?;
    let figures_file = inputs.named(document, &sources.thuc_hien, "so_lieu.thuc_hien")?;
    let figures_path = figures_file.shown.clone();
    let figures = figures::parse(
        &figures_path,
        &figures_file.bytes,
        sources.trang_tinh.as_deref(),
    )?;

    let invalid = |field: &str, problem: Invalid| Error::Invalid {
        file: document.to_path_buf(),
        field: field.to_string(),
        problem,
    };
    let period = match (sources.ky, figures.period) {
        (Some(a), Some(b)) if a != b => {
            return Err(invalid(
                "so_lieu.ky",
                Invalid::PeriodMismatch {
                    document: a,
                    figures_file: figures_path.clone(),
                    figures: b,
                    year: catalogue.nam,
                },
            ))
        }
        (Some(p), _) | (None, Some(p)) => p,
        (None, None) => {
            return Err(invalid(
                "so_lieu.ky",
                Invalid::NoPeriod {
                    figures_file: figures_path.clone(),
                },
            ))
        }
    };
    let year = sources.nam.or(figures.year).unwrap_or(catalogue.nam);
    // The year written in the document's [so_lieu], or in the figures file:
    // the error names the file the wrong year is in.
    for (file, name, y) in [
        (document, "so_lieu.nam", sources.nam),
        (figures_path.as_path(), "nam", figures.year),
    ] {
        if let Some(y) = y.filter(|&y| y != catalogue.nam) {
            return Err(Error::Invalid {
                file: file.to_path_buf(),
                field: name.to_string(),
                problem: Invalid::FiguresYear {
                    year: y,
                    catalogue: catalogue_path.clone(),
                    catalogue_year: catalogue.nam,
                },
            });
        }
    }
    if let Some(y) = period.own_year().filter(|&y| y != catalogue.nam) {
        return Err(invalid(
            "so_lieu.ky",
            Invalid::PeriodYear {
                period: period.long_name(y),
                year: y,
                catalogue: catalogue_path.clone(),
                catalogue_year: catalogue.nam,
            },
        ));
    }
    if !period.exists_in(year) {
        return Err(invalid(
            "so_lieu.ky",
            Invalid::NoWeek53 {
                year,
                period: period.to_string(),
            },
        ));
    }
    let codes = catalogue.codes();
    for (code, (_, place)) in &figures.rows {
        if !codes.contains(&code.as_str()) {
            let suggestion = crate::suggest::suggestion(code, codes.iter().copied());
            return Err(figures::bad(
                &figures_path,
                place.clone(),
                FiguresProblem::NoIndicator {
                    code: code.clone(),
                    catalogue: catalogue_path.to_path_buf(),
                    suggestion,
                },
            ));
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
            for (key, value) in [
                ("thuc_hien", row.thuc_hien),
                ("cung_ky", row.cung_ky),
                ("luy_ke", row.luy_ke),
                ("luy_ke_cung_ky", row.luy_ke_cung_ky),
            ] {
                if let Some(v) = value.filter(|v| v.is_sign_negative() && !v.is_zero()) {
                    return Err(figures::bad(
                        figures_path,
                        figures.at_column(place, key),
                        FiguresProblem::Negative {
                            code: code.clone(),
                            value: v.to_string(),
                        },
                    ));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A catalogue of one group with `targets` plain targets.
    fn catalogue(year: i32, targets: usize) -> Catalogue {
        let mut t = format!("nam = {year}\n[[nhom]]\nten = \"Kinh tế\"\n");
        for i in 0..targets {
            t.push_str(&format!(
                "[[nhom.chi_tieu]]\nstt = {}\nma = \"c{i}\"\nten = \"Chỉ tiêu {i}\"\ndvt = \"%\"\ndang = \"gia-tri\"\nke_hoach = 1\n",
                i + 1
            ));
        }
        model::parse(Path::new("c.toml"), &t, model::Format::Toml).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_indicator_table_is_bounded_at_its_limit() {
        let path = Path::new("c.toml");
        let rows = crate::limits::MAX_INDICATORS;
        // The group's heading is a row too.
        assert!(check_catalogue_bounds(&catalogue(2026, rows - 1), path).is_ok());
        match check_catalogue_bounds(&catalogue(2026, rows), path) {
            Err(Error::Limit { value, field, .. }) => {
                assert_eq!((value, field.as_str()), (rows as u64 + 1, "nhom"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_catalogue_year_is_an_issue_year() {
        let path = Path::new("c.toml");
        assert!(check_catalogue_bounds(&catalogue(1945, 1), path).is_ok());
        assert!(check_catalogue_bounds(&catalogue(2100, 1), path).is_ok());
        for year in [1944, 2101, -5, 20266] {
            match check_catalogue_bounds(&catalogue(year, 1), path) {
                Err(Error::Invalid { field, problem, .. }) => {
                    assert_eq!(field, "nam");
                    assert!(
                        matches!(
                            problem,
                            Invalid::YearOutside {
                                first: 1945,
                                last: 2100,
                                ..
                            }
                        ),
                        "{problem:?}"
                    );
                }
                other => panic!("{year}: {other:?}"),
            }
        }
    }
}
