//! The `vanban` command line: parse arguments, call the library, report errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use vanban::messages::{self, Lang, Msg};
use vanban::{output, workflow, Error, Renderer};
// archive, register, extract (issue 5)
use chrono::NaiveDate;
use vanban::archive::{self, extract, listing, register::Register, store, verify, PdfStandard};
use vanban::model::{IssueDate, TheThuc};

/// vanban: Vietnamese administrative documents (Party and state thể thức) from data to PDF.
///
/// Exit codes: 0 done, 1 the input (or the command line) is wrong, 2 vanban failed.
#[derive(Parser)]
#[command(name = "vanban", version, about)]
struct Cli {
    /// Language of messages: vi (Vietnamese) or en; default: the VANBAN_LANG
    /// environment variable, else vi.
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LangArg {
    Vi,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Render a document file (.toml, .json, .yaml) to PDF or to Typst source.
    Render {
        /// The document file.
        file: PathBuf,
        /// Where to write (default: beside the input, with .pdf, .docx or .typ); `-`
        /// is standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// What to write: pdf, docx (the same document for Word) or typ.
        #[arg(long, visible_alias = "format", value_enum, default_value_t = Emit::Pdf)]
        emit: Emit,
        #[command(flatten)]
        shared: SharedArgs,
        /// Write PDF/A: a-1b, a-2b or a-3b (a-3b embeds the document's sources).
        #[arg(long, value_name = "STANDARD", value_parser = parse_standard)]
        pdf_standard: Option<PdfStandard>,
    },
    /// Check a document without rendering it: everything a render checks, plus
    /// lints for what the thể thức fixes (warnings; errors with --strict).
    Check {
        file: PathBuf,
        /// Treat warnings as errors (exit 1).
        #[arg(long)]
        strict: bool,
        /// How to print the lints: text (on stderr) or json (an array on stdout).
        #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
        format: CheckFormat,
        #[command(flatten)]
        shared: SharedArgs,
    },
    /// Write a ready-to-edit document file (TOML, with comments in Vietnamese).
    New {
        /// The kind, or one of its skeletons (bao-cao-quy …): see the list below.
        kind: String,
        /// The thể thức (default: dang where the kind exists for it).
        #[arg(long, value_enum)]
        the_thuc: Option<TheThucArg>,
        /// Where to write (default: KIND.toml in the current directory).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// A directory of templates that adds kinds and skeletons (loai/, moi/).
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
    },
    /// Render many documents in parallel into OUTDIR (one bad document never stops the others).
    Batch {
        /// Document files, or directories whose document files are all rendered.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The directory for the PDFs (created if missing); each is named after its input.
        #[arg(short, long, value_name = "OUTDIR")]
        output: PathBuf,
        /// What to write: pdf or docx.
        #[arg(long, value_enum, default_value_t = DocFormat::Pdf)]
        format: DocFormat,
        /// Worker threads (default: the number of processor cores).
        #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
        jobs: Option<u16>,
        #[command(flatten)]
        shared: SharedArgs,
    },
    /// Write the pages as PNG pictures: DIR/NAME-1.png, NAME-2.png …
    Preview {
        file: PathBuf,
        /// Only this page (1 is the first).
        #[arg(long = "pages", alias = "page", value_name = "N")]
        page: Option<usize>,
        /// Resolution in pixels per inch.
        #[arg(long = "ppi", alias = "dpi", default_value_t = 96, value_parser = clap::value_parser!(u32).range(10..=1200))]
        ppi: u32,
        /// The directory to write into (default: beside the input).
        #[arg(short, long, value_name = "DIR")]
        output: Option<PathBuf>,
        #[command(flatten)]
        shared: SharedArgs,
    },
    /// Render again whenever the document, its data or its fragment files change.
    Watch {
        file: PathBuf,
        /// Where to write the PDF (default: beside the input); with --png, the directory.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write PNG pages (at 96 dpi) instead of the PDF.
        #[arg(long)]
        png: bool,
        /// What to write on each change: pdf or docx.
        #[arg(long, value_enum, default_value_t = DocFormat::Pdf, conflicts_with = "png")]
        format: DocFormat,
        #[command(flatten)]
        shared: SharedArgs,
    },
    /// List the fonts vanban can use.
    Fonts {
        /// A directory of extra fonts (e.g. a licensed Times New Roman), searched recursively.
        #[arg(long = "font-path", alias = "font-dir", value_name = "DIR")]
        font_path: Option<PathBuf>,
    },
    /// Archive documents as PDF/A in DIR and record them in its register.
    Archive(ArchiveArgs),
    /// The register of an archive directory: next number, list, verify.
    Register {
        #[command(subcommand)]
        command: RegisterCommand,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff), e.g. `vanban man > vanban.1`.
    Man,
    /// A local web page to list, write, check, preview, render and archive
    /// the documents of a folder (opens http://127.0.0.1:PORT/).
    #[cfg(feature = "serve")]
    Serve {
        /// The folder served: only its files are read and written.
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
        /// The port (0: any free port).
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Listen on this address instead of 127.0.0.1 (e.g. 0.0.0.0 for the
        /// office network): anyone who can reach it can read and change the folder.
        #[arg(long, value_name = "ADDR")]
        listen: Option<std::net::IpAddr>,
        /// The archive folder (default: DIR/luu-tru).
        #[arg(long, value_name = "DIR")]
        archive: Option<PathBuf>,
        #[command(flatten)]
        shared: SharedArgs,
    },
    /// Write the sources embedded in an archived PDF/A-3b back to files.
    Extract {
        /// The archived PDF.
        pdf: PathBuf,
        /// The directory to write them under (their layout is kept).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// One warning per paragraph on stderr.
    Text,
    /// A JSON array on stdout, for editors and scripts.
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Emit {
    /// A PDF.
    Pdf,
    /// The same document as a Word file.
    Docx,
    /// The generated Typst source, self-contained.
    Typ,
}

/// What `batch` and `watch` write.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DocFormat {
    Pdf,
    Docx,
}

impl From<DocFormat> for output::Format {
    fn from(f: DocFormat) -> Self {
        match f {
            DocFormat::Pdf => output::Format::Pdf,
            DocFormat::Docx => output::Format::Docx,
        }
    }
}

fn main() -> ExitCode {
    // A wrong command line is wrong input (exit 1), like a wrong document;
    // clap's own default would be 2, which here means "vanban failed".
    // Paths and field names must stay whole for the clerk to find them.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let env_lang = std::env::var("VANBAN_LANG").ok();
    let lang = Lang::choose(&args, env_lang.as_deref());
    let _ = miette::set_hook(Box::new(|_| {
        use std::io::IsTerminal;
        // Colour only for a person at a terminal: piped output and tests
        // get plain, byte-stable text.
        let colour = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Box::new(
            miette::MietteHandlerOpts::new()
                .wrap_lines(false)
                .terminal_links(false)
                .color(colour)
                .unicode(true)
                .build(),
        )
    }));
    let parsed = messages::cli::localize(command(&args), lang)
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let lang = match cli.lang {
        Some(LangArg::Vi) => Lang::Vi,
        Some(LangArg::En) => Lang::En,
        None => lang,
    };
    match run(cli, lang) {
        Ok(code) => code,
        Err(e) => {
            let code = if e.is_input_error() { 1 } else { 2 };
            report(&e, lang);
            ExitCode::from(code)
        }
    }
}

/// Prints `e` on stderr with its source excerpt, in `lang`.
fn report(e: &Error, lang: Lang) {
    eprintln!(
        "{:?}",
        miette::Report::new(messages::Localized::new(e, lang))
    );
}

fn say(m: Msg, lang: Lang) {
    eprintln!("{}", m.text(lang));
}

fn run(cli: Cli, lang: Lang) -> Result<ExitCode, Error> {
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
            let resolved = renderer.resolve_file(&file)?;
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

/// A lint with where its field stands in the document file, for `check --format json`.
#[derive(serde::Serialize)]
struct LocatedLint<'a> {
    #[serde(flatten)]
    lint: &'a vanban::lint::Lint,
    line: Option<usize>,
    column: Option<usize>,
}

/// What every command that renders or reads documents takes, declared once
/// (as typst-cli's `SharedArgs`), so a custom profile that renders can also be
/// checked, archived and numbered. The old spelling `--font-dir` stays as a
/// hidden alias.
#[derive(clap::Args, Clone, Default)]
struct SharedArgs {
    /// A directory of templates that overrides the built-in ones file by file.
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// A directory of extra fonts (e.g. a licensed Times New Roman), searched recursively.
    #[arg(long = "font-path", alias = "font-dir", value_name = "DIR")]
    font_path: Option<PathBuf>,
    /// A folder outside the document's own that it may name files in
    /// (data, fragments); repeat for several.
    #[arg(long = "allow-path", value_name = "DIR")]
    allow_path: Vec<PathBuf>,
}

impl SharedArgs {
    /// The renderer the options ask for.
    fn renderer(&self) -> Result<Renderer, Error> {
        Renderer::with_options(self.templates.as_deref(), self.font_path.as_deref())?
            .allow_paths(&self.allow_path)
    }
}

/// The command tree. `new`'s help lists the kinds, read from the bundled
/// profiles: 1,3% of a cold render's instructions, so it is only built when
/// the command line names `new` (`vanban new --help`, `vanban help new`).
fn command(args: &[std::ffi::OsString]) -> clap::Command {
    let cmd = Cli::command();
    if args.iter().skip(1).any(|a| a == "new") {
        cmd.mut_subcommand("new", |c| c.after_help(new_kinds_help()))
    } else {
        cmd
    }
}

/// The kinds `vanban new` knows, read from the bundled profiles' declarations.
fn new_kinds_help() -> String {
    format!(
        "Loại văn bản / kinds ([loai.*] trong hồ sơ thể thức / in the profiles):\n{}",
        workflow::new::help(&vanban::templating::TemplateSource::embedded())
    )
}

fn display(p: &Path) -> String {
    p.display().to_string()
}

/// The directory a file is in ("." for a bare name).
fn beside(file: &Path) -> PathBuf {
    match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn run_batch(
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

// ---- archive, register, extract (issue 5) ----

#[derive(clap::Args)]
struct ArchiveArgs {
    /// The document files.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The archive directory (created if missing); its register is DIR/register.sqlite.
    #[arg(long, value_name = "DIR")]
    to: PathBuf,
    /// a-3b (sources embedded), a-2b or a-1b (sources in a folder beside the PDF).
    #[arg(long, value_name = "STANDARD", default_value = "a-3b", value_parser = parse_standard)]
    pdf_standard: PdfStandard,
    /// Give a draft (no `so`) the next free number and write it into the PDF.
    #[arg(long)]
    assign_number: bool,
    /// The register entry this document corrects; it keeps that number.
    #[arg(long, value_name = "ID")]
    replaces: Option<i64>,
    /// First day of the Party committee's term (nhiệm kỳ); recorded in the register.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    nhiem_ky_tu: Option<NaiveDate>,
    #[command(flatten)]
    shared: SharedArgs,
}

#[derive(Subcommand)]
enum RegisterCommand {
    /// Print the next free number of a document type.
    Next {
        #[arg(long, value_name = "DIR")]
        archive: PathBuf,
        /// The type code: NQ, BC, QĐ (or QD) …, or the key of a kind whose symbol has none (cong-van)
        #[arg(long = "type", value_name = "CODE")]
        type_code: String,
        /// Default: the register's only thể thức, else dang.
        #[arg(long, value_enum)]
        the_thuc: Option<TheThucArg>,
        /// The issuing body's code (ĐU, UBND); needed when the register holds several.
        #[arg(long, value_name = "CODE")]
        co_quan: Option<String>,
        /// The year (state documents; Party: the term in force at its end).
        /// `--nam` is the old spelling.
        #[arg(long = "year", alias = "nam")]
        year: Option<i32>,
        /// The date the document will bear (picks the year or the term).
        /// `--ngay` is the old spelling.
        #[arg(long = "date", alias = "ngay", value_name = "DATE", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// A term start not recorded yet.
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        nhiem_ky_tu: Option<NaiveDate>,
        // The templates choose the profile, and so the symbol pattern.
        #[command(flatten)]
        shared: SharedArgs,
    },
    /// Print the register.
    List {
        #[arg(long, value_name = "DIR")]
        archive: PathBuf,
        /// Only documents issued in this year.
        #[arg(long, alias = "nam")]
        year: Option<i32>,
        /// Only this type code (BC, NQ …).
        #[arg(long = "type", value_name = "CODE")]
        type_code: Option<String>,
        #[arg(long, value_enum)]
        the_thuc: Option<TheThucArg>,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Make a copy (SAO Y, SAO LỤC, TRÍCH SAO) of a registered document:
    /// numbered in the register's yearly sequence of copies, archived and
    /// registered as a copy of it.
    Copy {
        /// The register entry copied (its ID in `register list`).
        id: i64,
        #[arg(long, value_name = "DIR")]
        archive: PathBuf,
        /// The copy order: a file with the `[ban_sao]` table (copying body, signature, Nơi nhận).
        #[arg(long, value_name = "FILE")]
        order: PathBuf,
        /// sao-y, sao-luc or trich-sao (over the order's `hinh_thuc`; default sao-y).
        #[arg(long, value_name = "FORM", value_parser = parse_copy_form)]
        form: Option<vanban::model::CopyForm>,
        /// The copy's date (default: the order's `ngay`, else today).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        date: Option<NaiveDate>,
        /// TRÍCH SAO: the parts of the body kept, by position from 1 (`--parts 2,3`).
        #[arg(long, value_name = "N,N", value_delimiter = ',')]
        parts: Vec<u32>,
        #[arg(long, value_name = "STANDARD", default_value = "a-3b", value_parser = parse_standard)]
        pdf_standard: PdfStandard,
        #[command(flatten)]
        shared: SharedArgs,
    },
    /// Recompute every archived file's SHA-256; exit 1 if one is missing or altered.
    Verify {
        #[arg(long, value_name = "DIR")]
        archive: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TheThucArg {
    Dang,
    NhaNuoc,
}

impl TheThucArg {
    fn get(self) -> TheThuc {
        match self {
            TheThucArg::Dang => TheThuc::Dang,
            TheThucArg::NhaNuoc => TheThuc::NhaNuoc,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Table,
    Csv,
    Json,
}

fn parse_standard(s: &str) -> Result<PdfStandard, String> {
    s.parse()
}

fn parse_copy_form(s: &str) -> Result<vanban::model::CopyForm, String> {
    use strum::VariantArray;
    let forms = vanban::model::CopyForm::VARIANTS;
    forms.iter().copied().find(|f| f.key() == s).ok_or_else(|| {
        let keys: Vec<&str> = forms.iter().map(|f| f.key()).collect();
        keys.join(", ")
    })
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    IssueDate::parse_issue(s).map(|d| d.0)
}

fn run_archive(a: ArchiveArgs, lang: Lang) -> Result<ExitCode, Error> {
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
        let (e, fresh) = match store::archive(&renderer, &mut reg, &a.to, file, &options)? {
            store::Outcome::Archived(e) => (e, true),
            store::Outcome::Unchanged(e) => (e, false),
        };
        println!(
            "{}\t{}\t{}",
            e.id,
            e.number_symbol,
            display(&a.to.join(&e.file))
        );
        let (file, id, number_symbol, stored) =
            (file.clone(), e.id, e.number_symbol.clone(), e.file.clone());
        say(
            if fresh {
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
            },
            lang,
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn run_register(command: RegisterCommand, lang: Lang) -> Result<ExitCode, Error> {
    let open = |dir: &Path| -> Result<Register, Error> {
        Register::open_existing(dir)?.ok_or_else(|| Error::NoRegister {
            dir: dir.to_path_buf(),
        })
    };
    match command {
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
            let (e, fresh) = match vanban::archive::copy::copy(
                &shared.renderer()?,
                &mut reg,
                &archive,
                &request,
            )? {
                store::Outcome::Archived(e) => (e, true),
                store::Outcome::Unchanged(e) => (e, false),
            };
            println!(
                "{}\t{}\t{}",
                e.id,
                e.number_symbol,
                display(&archive.join(&e.file))
            );
            let (file, id, number_symbol, stored) = (order, e.id, e.number_symbol, e.file);
            say(
                if fresh {
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
                },
                lang,
            );
        }
        RegisterCommand::Verify { archive } => {
            let report = verify::verify(&open(&archive)?, &archive)?;
            for p in &report.problems {
                println!("{p}");
            }
            for n in &report.notes {
                say(
                    Msg::Note {
                        text: n.to_string(),
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

fn run_extract(pdf: &Path, out: &Path, lang: Lang) -> Result<ExitCode, Error> {
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

/// Writes the output to standard output (`-o -`). A PDF or a DOCX is
/// refused when stdout is a terminal: its bytes would garble the screen and
/// the clerk meant a file; Typst source is text, so it may go to the screen.
fn to_stdout(bytes: &[u8], emit: Emit) -> Result<(), Error> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and visible option has its Vietnamese help: a command
    /// added without one fails here.
    #[test]
    fn every_help_text_has_its_vietnamese() {
        let mut cmd = Cli::command();
        cmd.build();
        let missing = messages::cli::untranslated(&cmd);
        assert!(missing.is_empty(), "no Vietnamese help for: {missing:?}");
    }
}
