//! The `vanban` binary's parts: [`args`] declares the command line,
//! [`run`] carries out a command, [`registry`] the archive and register
//! commands.

pub mod args;
pub mod registry;
pub mod run;
