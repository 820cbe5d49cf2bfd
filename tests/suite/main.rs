//! The integration tests, one binary: linking typst into a dozen test
//! binaries cost more build time on two cores than all the tests' run time.
//! `tests/memory.rs` stays apart because it measures its own process.

#[path = "../common/mod.rs"]
mod common;

mod archive;
mod both_languages;
mod bounds;
mod check;
mod cli;
mod copies;
mod docs;
mod docx;
mod docx_features;
mod ending;
mod escaping;
mod examples_issue11;
mod faults;
mod files;
mod fragment_errors;
mod fuzz;
mod inline;
mod input_and_errors;
mod kinds;
mod layouts;
mod legacy_text;
mod marks;
mod messages;
mod numbering;
mod profile_versions;
mod recipients_layout;
mod register_copies;
mod reports;
mod resolved;
mod schema;
mod seed_resolution;
#[cfg(feature = "serve")]
mod serve;
#[cfg(feature = "serve")]
mod serve_browser;
mod signature_images;
mod state_format;
mod tables;
mod two_level;
mod workflow;
