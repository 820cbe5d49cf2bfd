//! `vanban archive` (store documents) and `vanban register …` (everything
//! read out of an archive directory: the next number, the list, verifying,
//! extracting sources, making a numbered copy of a registered document).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use vanban::archive::{extract, listing, register::Register, store, verify};
use vanban::messages::{self, Lang, Msg};
use vanban::Error;

use super::args::{ArchiveArgs, ListFormat, RegisterCommand, TheThucArg};
use super::run::{display, say};

pub fn run_archive(a: ArchiveArgs, lang: Lang) -> Result<ExitCode, Error> {
    if a.replaces.is_some() && a.files.len() != 1 {
        return Err(Error::ReplacesOneFile {
            files: a.files.len(),
        });
    }
    let renderer = a.shared.renderer()?;
    let mut reg = Register::open(&a.to)?;
    if let Some(t) = a.nhiem_ky_tu {
        if store::record_term(&mut reg, t)? {
            say(
                Msg::RecordedTerm {
                    start: t.to_string(),
                },
                lang,
            );
        }
    }
    let options = store::ArchiveOptions {
        standard: a.pdf_standard,
        assign_number: a.assign_number,
        replaces: a.replaces,
    };
    for file in &a.files {
        let outcome = store::archive(&renderer, &mut reg, &a.to, file, &options)?;
        tell(outcome, file.clone(), &a.to, lang);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_register(command: RegisterCommand, lang: Lang) -> Result<ExitCode, Error> {
    let open = |dir: &Path| -> Result<Register, Error> {
        Register::open_existing(dir)?.ok_or_else(|| Error::NoRegister {
            dir: dir.to_path_buf(),
        })
    };
    match command {
        RegisterCommand::Extract { pdf, output } => return run_extract(&pdf, &output, lang),
        RegisterCommand::Next {
            archive,
            type_code,
            the_thuc,
            co_quan,
            year,
            date,
            nhiem_ky_tu,
            shared,
        } => {
            let reg = match Register::open_existing(&archive)? {
                Some(reg) => reg,
                None => Register::empty(&archive)?,
            };
            let today = chrono::Local::now().date_naive();
            let next = store::next_number(
                &shared.renderer()?,
                &reg,
                the_thuc.map(TheThucArg::get),
                &type_code,
                co_quan.as_deref(),
                store::next_date(date, year, today),
                nhiem_ky_tu,
            )?;
            println!("{:02}", next.number);
            say(
                Msg::NextNumber {
                    sequence: next.sequence.label.clone(),
                    number: next.number,
                    symbol: next.number_symbol.unwrap_or_default(),
                },
                lang,
            );
        }
        RegisterCommand::List {
            archive,
            year,
            type_code,
            the_thuc,
            format,
        } => {
            let filter = listing::Filter {
                year,
                type_code,
                the_thuc: the_thuc.map(|t| t.get().key().into()),
            };
            let entries: Vec<_> = open(&archive)?
                .entries()?
                .into_iter()
                .filter(|e| filter.keeps(e))
                .collect();
            let format = match format {
                ListFormat::Table => listing::Format::Table,
                ListFormat::Csv => listing::Format::Csv,
                ListFormat::Json => listing::Format::Json,
            };
            print!("{}", listing::render(&entries, format));
        }
        RegisterCommand::Copy {
            id,
            archive,
            order,
            form,
            date,
            parts,
            pdf_standard,
            shared,
        } => {
            let request = vanban::archive::copy::CopyRequest {
                original: id,
                order: order.clone(),
                form,
                date,
                parts,
                standard: pdf_standard,
                today: chrono::Local::now().date_naive(),
            };
            let mut reg = open(&archive)?;
            let outcome =
                vanban::archive::copy::copy(&shared.renderer()?, &mut reg, &archive, &request)?;
            tell(outcome, order, &archive, lang);
        }
        RegisterCommand::Verify { archive } => {
            let report = verify::verify(&open(&archive)?, &archive)?;
            for p in &report.problems {
                println!("{}", messages::verify_finding(p, lang));
            }
            for n in &report.notes {
                say(
                    Msg::Note {
                        text: messages::verify_finding(n, lang),
                    },
                    lang,
                );
            }
            if !report.problems.is_empty() {
                return Err(Error::ArchiveDamaged {
                    dir: archive,
                    problems: report.problems.len(),
                });
            }
            say(
                Msg::Intact {
                    dir: archive,
                    entries: report.entries,
                    files: report.files,
                },
                lang,
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_extract(pdf: &Path, out: &Path, lang: Lang) -> Result<ExitCode, Error> {
    let extracted = extract::extract(pdf, out)?;
    for f in &extracted.files {
        println!("{}", display(f));
    }
    if let Some(doc) = &extracted.document {
        say(
            Msg::Extracted {
                files: extracted.files.len(),
                document: doc.clone(),
            },
            lang,
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// What an archiving did to `file`: the entry on stdout (id, number and
/// symbol, stored path: for scripts), the sentence on stderr.
fn tell(outcome: store::Outcome, file: PathBuf, archive: &Path, lang: Lang) {
    let (e, fresh) = match outcome {
        store::Outcome::Archived(e) => (e, true),
        store::Outcome::Unchanged(e) => (e, false),
    };
    println!(
        "{}\t{}\t{}",
        e.id,
        e.number_symbol,
        display(&archive.join(&e.file))
    );
    let (id, number_symbol, stored) = (e.id, e.number_symbol, e.file);
    let m = if fresh {
        Msg::Archived {
            file,
            id,
            number_symbol,
            stored,
        }
    } else {
        Msg::AlreadyArchived {
            file,
            id,
            number_symbol,
            stored,
        }
    };
    say(m, lang);
}
