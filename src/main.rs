//! The `vanban` command line: parse the arguments (in the user's language),
//! run the command, report an error with its place. The parts are in cli/.

mod cli;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use vanban::messages::{self, Lang};

use cli::args::{Cli, LangArg};
use cli::run::{report, run};

/// Typst's layout and PDF export allocate and free many small values: with
/// mimalloc a render runs 2–5% fewer instructions and a batch takes 12% less
/// CPU time than with the system's allocator (bench/instructions.md). The
/// library leaves the choice to its user.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A wrong command line is wrong input (exit 1), like a wrong document;
    // clap's own default would be 2, which here means "vanban failed".
    // Paths and field names must stay whole for the clerk to find them.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cli::args::initial_lang();
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
    let command = || {
        let command = Cli::command();
        if args.iter().skip(1).any(|a| a == "new") {
            messages::cli::with_kinds_help(command, lang)
        } else {
            command
        }
    };
    // The help texts are translated only when clap has something to say
    // (an error, --help, --version): a command line that parses, the usual
    // case, does not pay for words it never prints. Translating changes no
    // argument, so the second parse fails as the first did.
    let parsed = command()
        .try_get_matches_from(&args)
        .or_else(|_| messages::cli::localize(command(), lang).try_get_matches_from(&args))
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            return match messages::cli::error(&e, lang) {
                Some(text) => {
                    eprintln!("{text}");
                    ExitCode::from(1)
                }
                None => {
                    let _ = e.print();
                    ExitCode::SUCCESS
                }
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
