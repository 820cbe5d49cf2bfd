//! The command line's arguments (clap's derive), as typst-cli lays out its
//! args.rs: the command tree, the options shared by every command that
//! renders (flattened), the value types. The English help is the doc
//! comments; the Vietnamese is in `vanban::messages::cli`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};
use vanban::archive::PdfStandard;
use vanban::messages::{Lang, Msg};
use vanban::model::{IssueDate, TheThuc};
use vanban::{output, Error, Renderer};

/// vanban: Vietnamese administrative documents (Party and state thể thức) from data to PDF.
///
/// Exit codes: 0 done, 1 the input (or the command line) is wrong, 2 vanban failed.
#[derive(Parser)]
#[command(name = "vanban", version, about)]
pub struct Cli {
    /// Language of messages: vi (Vietnamese) or en; default: the VANBAN_LANG
    /// environment variable, else vi.
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Vi,
    En,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// The document file.
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
    // The list of kinds under the help is added by
    // `messages::cli::with_kinds_help`, in the help's language.
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
        /// The document file.
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
        /// The document file.
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
    /// What an archive directory holds: the next free number, the register's
    /// list, verifying the files, extracting an archived PDF's sources.
    Register {
        #[command(subcommand)]
        command: RegisterCommand,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
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
    /// The old spelling of `register extract`, kept for one release.
    #[command(hide = true)]
    Extract {
        /// The archived PDF.
        pdf: PathBuf,
        /// The directory to write them under (their layout is kept).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One warning per paragraph on stderr.
    Text,
    /// A JSON array on stdout, for editors and scripts.
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Emit {
    /// A PDF.
    Pdf,
    /// The same document as a Word file.
    Docx,
    /// The generated Typst source, self-contained.
    Typ,
}

/// What `batch` and `watch` write.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
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

/// What every command that renders or reads documents takes, declared once
/// (as typst-cli's `SharedArgs`), so a custom profile that renders can also be
/// checked, archived and numbered. The old spelling `--font-dir` stays as a
/// hidden alias.
#[derive(clap::Args, Clone, Default)]
pub struct SharedArgs {
    /// A directory of templates that overrides the built-in ones file by file.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// A directory of extra fonts (e.g. a licensed Times New Roman), searched recursively.
    #[arg(long = "font-path", alias = "font-dir", value_name = "DIR")]
    pub font_path: Option<PathBuf>,
    /// A folder outside the document's own that it may name files in
    /// (data, fragments); repeat for several.
    #[arg(long = "allow-path", value_name = "DIR")]
    pub allow_path: Vec<PathBuf>,
}

impl SharedArgs {
    /// The renderer the options ask for.
    pub fn renderer(&self) -> Result<Renderer, Error> {
        Renderer::with_options(self.templates.as_deref(), self.font_path.as_deref())?
            .allow_paths(&self.allow_path)
    }
}

#[derive(clap::Args)]
pub struct ArchiveArgs {
    /// The document files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The archive directory (created if missing); its register is DIR/register.sqlite.
    #[arg(long, value_name = "DIR")]
    pub to: PathBuf,
    /// a-3b (sources embedded), a-2b or a-1b (sources in a folder beside the PDF).
    #[arg(long, value_name = "STANDARD", default_value = "a-3b", value_parser = parse_standard)]
    pub pdf_standard: PdfStandard,
    /// Give a draft (no `so`) the next free number and write it into the PDF.
    #[arg(long)]
    pub assign_number: bool,
    /// The register entry this document corrects; it keeps that number.
    #[arg(long, value_name = "ID")]
    pub replaces: Option<i64>,
    /// First day of the Party committee's term (nhiệm kỳ); recorded in the register.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub nhiem_ky_tu: Option<NaiveDate>,
    #[command(flatten)]
    pub shared: SharedArgs,
}

#[derive(Subcommand)]
pub enum RegisterCommand {
    /// Print the next free number of a document type.
    Next {
        /// The archive directory (the one `vanban archive --to` wrote).
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
        /// The archive directory (the one `vanban archive --to` wrote).
        #[arg(long, value_name = "DIR")]
        archive: PathBuf,
        /// Only documents issued in this year.
        #[arg(long, alias = "nam")]
        year: Option<i32>,
        /// Only this type code (BC, NQ …).
        #[arg(long = "type", value_name = "CODE")]
        type_code: Option<String>,
        /// Only this thể thức: dang (Party) or nha-nuoc (state).
        #[arg(long, value_enum)]
        the_thuc: Option<TheThucArg>,
        /// How to print: table, csv or json.
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Make a copy (SAO Y, SAO LỤC, TRÍCH SAO) of a registered document:
    /// numbered in the register's yearly sequence of copies, archived and
    /// registered as a copy of it.
    Copy {
        /// The register entry copied (its ID in `register list`).
        id: i64,
        /// The archive directory (the one `vanban archive --to` wrote).
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
        /// a-3b (sources embedded), a-2b or a-1b (sources in a folder beside the PDF).
        #[arg(long, value_name = "STANDARD", default_value = "a-3b", value_parser = parse_standard)]
        pdf_standard: PdfStandard,
        #[command(flatten)]
        shared: SharedArgs,
    },
    /// Recompute every archived file's SHA-256; exit 1 if one is missing or altered.
    Verify {
        /// The archive directory (the one `vanban archive --to` wrote).
        #[arg(long, value_name = "DIR")]
        archive: PathBuf,
    },
    /// Write the sources embedded in an archived PDF/A-3b back to files.
    Extract {
        /// The archived PDF.
        pdf: PathBuf,
        /// The directory to write them under (their layout is kept).
        #[arg(short, long, value_name = "DIR")]
        output: PathBuf,
    },
    // Operations on registered documents (like `copy` above) belong here
    // too: one group for everything done with what an archive holds.
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TheThucArg {
    Dang,
    NhaNuoc,
}

impl TheThucArg {
    pub fn get(self) -> TheThuc {
        match self {
            TheThucArg::Dang => TheThuc::Dang,
            TheThucArg::NhaNuoc => TheThuc::NhaNuoc,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
    Json,
}

/// The language chosen before the arguments are parsed (`--lang`, else
/// `VANBAN_LANG`, else Vietnamese): for clap's own messages, and for those
/// vanban gives while clap parses.
pub fn initial_lang() -> Lang {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    Lang::choose(&args, std::env::var("VANBAN_LANG").ok().as_deref())
}

pub fn parse_standard(s: &str) -> Result<PdfStandard, String> {
    s.parse().map_err(|_| {
        Msg::NotAPdfStandard {
            value: s.to_string(),
        }
        .text(initial_lang())
    })
}

pub fn parse_copy_form(s: &str) -> Result<vanban::model::CopyForm, String> {
    use strum::VariantArray;
    let forms = vanban::model::CopyForm::VARIANTS;
    forms.iter().copied().find(|f| f.key() == s).ok_or_else(|| {
        let keys: Vec<&str> = forms.iter().map(|f| f.key()).collect();
        Msg::NotACopyForm {
            value: s.to_string(),
            forms: keys.join(", "),
        }
        .text(initial_lang())
    })
}

pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    IssueDate::parse_issue(s)
        .map(|d| d.0)
        .map_err(|p| vanban::messages::value_problem(&p, initial_lang()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every command and visible option has its Vietnamese help: a command
    /// added without one fails here.
    #[test]
    fn every_help_text_has_its_vietnamese() {
        let mut cmd = Cli::command();
        cmd.build();
        let missing = vanban::messages::cli::untranslated(&cmd);
        assert!(missing.is_empty(), "no Vietnamese help for: {missing:?}");
    }

    /// Every command and visible option has its English help (the doc
    /// comment): an option added without one prints an empty line.
    #[test]
    fn every_option_has_its_english_help() {
        fn visit(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            for a in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
                if a.get_help().is_none() && a.get_long_help().is_none() {
                    missing.push(format!("{path} {}", a.get_id()));
                }
            }
            for sub in cmd.get_subcommands() {
                visit(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut missing = Vec::new();
        visit(&cmd, "vanban", &mut missing);
        assert!(missing.is_empty(), "no English help for: {missing:?}");
    }

    /// clap's own words around the help texts (usage, defaults, possible
    /// values) are Vietnamese too, in the short and the long help of every
    /// command.
    #[test]
    fn vietnamese_help_has_none_of_claps_english() {
        fn visit(cmd: &mut clap::Command, found: &mut Vec<String>) {
            for text in [cmd.render_help(), cmd.render_long_help()] {
                let text = text.to_string();
                for english in [
                    "Usage",
                    "[OPTIONS]",
                    "<COMMAND>",
                    "default:",
                    "ossible values",
                ] {
                    if text.contains(english) {
                        found.push(format!("{}: {english}", cmd.get_name()));
                    }
                }
            }
            for sub in cmd.get_subcommands_mut() {
                visit(sub, found);
            }
        }
        let mut cmd = vanban::messages::cli::localize(Cli::command(), vanban::messages::Lang::Vi);
        let mut found = Vec::new();
        visit(&mut cmd, &mut found);
        assert!(
            found.is_empty(),
            "English left in the Vietnamese help: {found:?}"
        );
    }
}
