//! The `vanban` command line: parse arguments, call the library, report errors.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use vanban::{output, Error, Renderer};

/// vanban: Vietnamese administrative documents (Party and state thể thức) from data to PDF.
///
/// Exit codes: 0 done, 1 the input (or the command line) is wrong, 2 vanban failed.
#[derive(Parser)]
#[command(name = "vanban", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render a document file (.toml, .json, .yaml) to PDF or to Typst source.
    Render {
        /// The document file.
        file: PathBuf,
        /// Where to write (default: beside the input, with .pdf or .typ).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// What to write.
        #[arg(long, value_enum, default_value_t = Emit::Pdf)]
        emit: Emit,
        /// A directory of templates that overrides the built-in ones file by file.
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// A directory of extra fonts (e.g. a licensed Times New Roman).
        #[arg(long, value_name = "DIR")]
        font_dir: Option<PathBuf>,
    },
    /// List the fonts vanban can use.
    Fonts {
        #[arg(long, value_name = "DIR")]
        font_dir: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Emit {
    /// A PDF.
    Pdf,
    /// The generated Typst source, self-contained.
    Typ,
}

fn main() -> ExitCode {
    // A wrong command line is wrong input (exit 1), like a wrong document;
    // clap's own default would be 2, which here means "vanban failed".
    let cli = match Cli::try_parse() {
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
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let code = if e.is_input_error() { 1 } else { 2 };
            eprintln!("{:?}", miette::Report::msg(e.to_string()));
            ExitCode::from(code)
        }
    }
}

fn run(cli: Cli) -> Result<(), Error> {
    match cli.command {
        Command::Render {
            file,
            output,
            emit,
            templates,
            font_dir,
        } => {
            let renderer = Renderer::with_options(templates.as_deref(), font_dir.as_deref())?;
            let doc = renderer.load(&file)?;
            let (bytes, ext) = match emit {
                Emit::Pdf => (renderer.render_pdf(&doc, &file)?, "pdf"),
                Emit::Typ => (renderer.prepare(&doc, &file)?.source.into_bytes(), "typ"),
            };
            let target = output.unwrap_or_else(|| file.with_extension(ext));
            output::write_atomic(&target, &bytes)?;
            eprintln!("wrote {}", display(&target));
            Ok(())
        }
        Command::Fonts { font_dir } => {
            let renderer = Renderer::with_options(None, font_dir.as_deref())?;
            for family in renderer.fonts().families() {
                println!("{family}");
            }
            Ok(())
        }
    }
}

fn display(p: &Path) -> String {
    p.display().to_string()
}
