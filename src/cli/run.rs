//! What each command does: the dispatch from parsed arguments to the
//! library. Everything printed for a person goes through the catalogue
//! (`Msg`, `messages::warning`); data (a listing, JSON) goes to stdout.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::CommandFactory;
use vanban::messages::{self, Lang, Msg};
use vanban::{archive, output, workflow, Error, Renderer};

use super::args::{CheckFormat, Cli, Command, Emit, TheThucArg};
use super::registry::{run_archive, run_extract, run_register};

/// Prints `e` on stderr with its source excerpt, in `lang`.
pub fn report(e: &Error, lang: Lang) {
    eprintln!(
        "{:?}",
        miette::Report::new(messages::Localized::new(e, lang))
    );
}

pub fn say(m: Msg, lang: Lang) {
    eprintln!("{}", m.text(lang));
}

pub fn run(cli: Cli, lang: Lang) -> Result<ExitCode, Error> {
    match cli.command {
        Command::Render {
            file,
            output,
            emit,
            shared,
            pdf_standard,
        } => {
            let renderer = shared.renderer()?;
            let resolved = renderer.resolve_file(&file)?;
            let (bytes, ext) = match emit {
                Emit::Pdf => (
                    match pdf_standard {
                        Some(s) => archive::render_standard(&renderer, &resolved, s)?,
                        None => renderer.render(&resolved)?,
                    },
                    "pdf",
                ),
                Emit::Docx => (vanban::docx::write(&resolved)?, "docx"),
                Emit::Typ => (renderer.source(&resolved)?.into_bytes(), "typ"),
            };
            match output {
                Some(o) if o.as_os_str() == "-" => to_stdout(&bytes, emit)?,
                o => {
                    let target = o.unwrap_or_else(|| file.with_extension(ext));
                    output::write_output(&target, &bytes, &resolved.protected())?;
                    say(Msg::Wrote { file: target }, lang);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Fonts { font_path } => {
            let renderer = Renderer::with_options(None, font_path.as_deref())?;
            for family in renderer.fonts().families() {
                println!("{family}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::New {
            kind,
            the_thuc,
            output,
            force,
            templates,
        } => {
            let target = output.unwrap_or_else(|| PathBuf::from(format!("{kind}.toml")));
            let today = chrono::Local::now().date_naive();
            let templates = match templates {
                Some(dir) => vanban::templating::TemplateSource::with_overlay(&dir),
                None => vanban::templating::TemplateSource::embedded(),
            };
            workflow::new::write(
                &templates,
                &kind,
                the_thuc.map(TheThucArg::get),
                &target,
                force,
                today,
            )?;
            say(Msg::Wrote { file: target }, lang);
            Ok(ExitCode::SUCCESS)
        }
        Command::Batch {
            inputs,
            output,
            jobs,
            format,
            shared,
        } => run_batch(
            &inputs,
            &output,
            jobs,
            format.into(),
            shared.renderer()?,
            lang,
        ),
        Command::Preview {
            file,
            page,
            ppi,
            output,
            shared,
        } => {
            let renderer = shared.renderer()?;
            let resolved = renderer.resolve_file(&file)?;
            let paged = renderer.typeset(&resolved)?;
            let dir = output.unwrap_or_else(|| beside(&file));
            let pages = workflow::preview::write_pages(
                &paged,
                &file,
                page,
                ppi as f64,
                &dir,
                &resolved.protected(),
            )?;
            for written in pages {
                say(Msg::Wrote { file: written }, lang);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Watch {
            file,
            output,
            png,
            format,
            shared,
        } => {
            let renderer = shared.renderer()?;
            let target = if png {
                workflow::watch::Target::Png {
                    dir: output.unwrap_or_else(|| beside(&file)),
                    dpi: 96.0,
                }
            } else {
                match output::Format::from(format) {
                    output::Format::Pdf => workflow::watch::Target::Pdf(
                        output.unwrap_or_else(|| file.with_extension("pdf")),
                    ),
                    output::Format::Docx => workflow::watch::Target::Docx(
                        output.unwrap_or_else(|| file.with_extension("docx")),
                    ),
                }
            };
            say(Msg::Watching { file: file.clone() }, lang);
            workflow::watch::watch(&renderer, &file, &target, |result| match result {
                Ok(r) => {
                    let files: Vec<String> = r.written.iter().map(|p| display(p)).collect();
                    let ms = r.elapsed.as_millis();
                    say(
                        Msg::Rewrote {
                            files: files.join(", "),
                            ms,
                        },
                        lang,
                    );
                }
                Err(e) => {
                    report(&e, lang);
                    say(Msg::KeptLastOutput, lang);
                }
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Archive(args) => run_archive(args, lang),
        Command::Register { command } => run_register(command, lang),
        Command::Extract { pdf, output } => run_extract(&pdf, &output, lang),
        #[cfg(feature = "serve")]
        Command::Serve {
            dir,
            port,
            listen,
            archive,
            shared,
        } => {
            let options = vanban::serve::Options {
                dir,
                port,
                listen,
                archive,
            };
            vanban::serve::run(shared.renderer()?, options, |address, exposed| {
                if exposed {
                    say(Msg::ServeExposed, lang);
                }
                say(
                    Msg::ServeReady {
                        address: address.to_string(),
                    },
                    lang,
                );
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut messages::cli::localize(Cli::command(), lang),
                "vanban",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            clap_mangen::Man::new(messages::cli::localize(Cli::command(), lang))
                .render(&mut std::io::stdout())
                .map_err(|source| Error::Write {
                    file: PathBuf::from("-"),
                    source,
                })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            file,
            strict,
            format,
            shared,
        } => {
            let renderer = shared.renderer()?;
            let resolved = match renderer.resolve_file(&file) {
                Ok(r) => r,
                // An editor reading the JSON needs the error too, at its place.
                Err(e) if format == CheckFormat::Json && e.is_input_error() => {
                    println!("{}", check_error_json(&e, &file));
                    report(&e, lang);
                    return Ok(ExitCode::from(1));
                }
                Err(e) => return Err(e),
            };
            let lints = renderer.check(&resolved);
            match format {
                CheckFormat::Text => {
                    for l in &lints {
                        eprintln!("{}", messages::warning(l, lang));
                    }
                }
                CheckFormat::Json => {
                    // Only a TOML document keeps the spans a line needs.
                    let toml = resolved
                        .document_text()
                        .filter(|_| file.extension().is_some_and(|e| e == "toml"));
                    let located: Vec<LocatedLint> = lints
                        .iter()
                        .map(|lint| {
                            let at = toml.and_then(|t| vanban::locate::field(t, &lint.field));
                            LocatedLint {
                                severity: "warning",
                                lint,
                                line: at.map(|a| a.0),
                                column: at.map(|a| a.1),
                            }
                        })
                        .collect();
                    let json = serde_json::to_string_pretty(&located)
                        .expect("lints are plain strings and numbers");
                    println!("{json}");
                }
            }
            let warnings = lints.len();
            say(Msg::CheckSummary { file, warnings }, lang);
            Ok(if strict && !lints.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
    }
}

/// `check --format json`'s array when the document does not load: one entry
/// shaped like a lint's, with the error's code as its rule, and the file it
/// is in, which may be a data file the document reads.
fn check_error_json(e: &Error, file: &Path) -> String {
    let messages::Located {
        file: in_file,
        field,
        at,
    } = messages::locate(e, |f| std::fs::read_to_string(f).ok()).unwrap_or(messages::Located {
        file,
        field: String::new(),
        at: None,
    });
    let entry = serde_json::json!([{
        "severity": "error",
        "rule": messages::code(e.into()),
        "source": "vanban",
        "file": display(in_file),
        "field": field,
        "message": messages::error(e, Lang::En),
        "message_vi": messages::error(e, Lang::Vi),
        "line": at.map(|a| a.0),
        "column": at.map(|a| a.1),
    }]);
    serde_json::to_string_pretty(&entry).expect("strings and numbers")
}

/// A lint with where its field stands in the document file, for `check --format json`.
#[derive(serde::Serialize)]
pub struct LocatedLint<'a> {
    severity: &'static str,
    #[serde(flatten)]
    lint: &'a vanban::lint::Lint,
    line: Option<usize>,
    column: Option<usize>,
}

pub fn display(p: &Path) -> String {
    p.display().to_string()
}

/// The directory a file is in ("." for a bare name).
pub fn beside(file: &Path) -> PathBuf {
    match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

pub fn run_batch(
    inputs: &[PathBuf],
    outdir: &Path,
    jobs: Option<u16>,
    format: output::Format,
    renderer: Renderer,
    lang: Lang,
) -> Result<ExitCode, Error> {
    use workflow::batch::{self, Outcome};
    let files = batch::inputs(inputs)?;
    std::fs::create_dir_all(outdir).map_err(|source| Error::Write {
        file: outdir.to_path_buf(),
        source,
    })?;
    let plan = batch::plan_as(files, outdir, format);
    let threads = jobs.map(usize::from).unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let bar = batch::progress(plan.len());
    let start = std::time::Instant::now();
    let outcomes = batch::run(&renderer, &plan, threads, |o| {
        bar.set_message(display(o.input()));
        bar.inc(1);
    })?;
    bar.finish_and_clear();
    let mut failed = 0;
    for o in &outcomes {
        match o {
            Outcome::Done { output, .. } => println!("{}", display(output)),
            Outcome::Failed { error, .. } => {
                failed += 1;
                report(error, lang);
            }
        }
    }
    let done = outcomes.len() - failed;
    let secs = start.elapsed().as_secs_f64();
    say(
        Msg::BatchSummary {
            done,
            failed,
            secs,
            threads,
        },
        lang,
    );
    Ok(ExitCode::from(batch::exit_code(&outcomes)))
}

/// Writes the output to standard output (`-o -`). A PDF or a DOCX is
/// refused when stdout is a terminal: its bytes would garble the screen and
/// the clerk meant a file; Typst source is text, so it may go to the screen.
pub fn to_stdout(bytes: &[u8], emit: Emit) -> Result<(), Error> {
    use std::io::{IsTerminal, Write};
    let mut out = std::io::stdout().lock();
    if emit != Emit::Typ && out.is_terminal() {
        return Err(Error::StdoutIsTerminal);
    }
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|source| Error::Write {
            file: PathBuf::from("-"),
            source,
        })
}
