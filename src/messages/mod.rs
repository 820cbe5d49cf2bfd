//! Every text vanban shows a person, in Vietnamese (the default: clerks read
//! it) and English (`--lang en`, `VANBAN_LANG=en`).
//!
//! # Where a message lives
//!
//! - An error: a variant of [`crate::Error`] with typed fields, and one arm in
//!   [`errors::text`] written with [`tr!`]: Vietnamese, then English, then the
//!   values both use. Also one arm in [`errors::code`] (its stable code) and,
//!   if the message does not already say what to do, one in [`errors::help`].
//!   The matches have no catch-all arm, so a variant without both languages
//!   does not compile.
//! - Anything else the commands print: a variant of [`Msg`] and its arm in
//!   [`Msg::text`], the same way.
//! - A command's or an option's help: the English is its doc comment in
//!   main.rs (clap's way), the Vietnamese is in [`cli::VI`], keyed by the
//!   command path and the option's id; a test walks the whole command tree
//!   and fails on any help without its Vietnamese.
//! - Lints carry both languages themselves ([`crate::lint::Lint`]).
//! - Why a file could not be read ([`crate::parsing`]): serde's reasons and
//!   vanban's checks of a value, typed, with their sentences in parsing.rs.
//!   Only a parser's own account of a syntax error stays in its words, inside
//!   a sentence of vanban's.

mod catalogue;
#[cfg(feature = "cli")]
pub mod cli;
mod diagnostic;
mod errors;
mod parsing;
mod problems;

use std::fmt::Write as _;

pub use catalogue::Msg;
pub use diagnostic::Localized;
pub use errors::{code, help, locate, Located};
pub use parsing::{parse_problem, value_problem};
#[cfg(feature = "archive")]
pub use problems::verify_finding;

use crate::error::Error;
use crate::lint::Lint;

/// The language of everything vanban says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::EnumIter)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// `vi` or `en`, as `--lang` and `VANBAN_LANG` spell it; a locale such as
    /// `en_US.UTF-8` counts by its language.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let language = s.split(['_', '-', '.']).next().unwrap_or("");
        match language {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language `--lang` asks for in `args`, else `VANBAN_LANG`, else
    /// Vietnamese. Read before the arguments are parsed, because the help
    /// clap prints is built in this language.
    pub fn choose(args: &[std::ffi::OsString], env: Option<&str>) -> Lang {
        let mut flag = None;
        let mut it = args.iter().filter_map(|a| a.to_str());
        while let Some(a) = it.next() {
            if a == "--" {
                break;
            }
            if a == "--lang" {
                flag = it.next().and_then(Lang::parse).or(flag);
            } else if let Some(v) = a.strip_prefix("--lang=") {
                flag = Lang::parse(v).or(flag);
            }
        }
        flag.or_else(|| env.and_then(Lang::parse))
            .unwrap_or_default()
    }
}

/// One text in two languages, chosen at run time: `tr!(lang, "vi {}", "en {}", x)`.
/// Both formats take the same values, in the same order (use `{0}`, `{1}` to
/// reorder).
macro_rules! tr {
    ($lang:expr, $vi:literal, $en:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::messages::Lang::Vi => format!($vi $(, $arg)*),
            $crate::messages::Lang::En => format!($en $(, $arg)*),
        }
    };
}
pub(crate) use tr;

/// The error as the user reads it, one line (or a few for typesetting
/// diagnostics), without the source excerpt.
pub fn error(e: &Error, lang: Lang) -> String {
    errors::text(e, lang)
}

/// A lint warning as the user reads it.
pub fn warning(l: &Lint, lang: Lang) -> String {
    let mut out = String::new();
    let _ = write!(out, "{} [{}]", Msg::Warning.text(lang), l.rule);
    if !l.field.is_empty() {
        let _ = write!(out, " `{}`", l.field);
    }
    let message = match lang {
        Lang::Vi => &l.message_vi,
        Lang::En => &l.message,
    };
    let _ = write!(out, ": {message}\n    ({})", l.source);
    out
}

#[cfg(test)]
mod tests;
