//! The commands of the `folio` binary, one module each; `main.rs` parses the
//! arguments and calls `cmd::<name>::execute`. What they share is in [`report`].

pub mod report;

pub mod build;
pub mod check;
pub mod deploy;
pub mod export;
pub mod import;
pub mod import_site;
pub mod init;
pub mod profile;
pub mod proposal;
pub mod serve;

/// The output format of `profile` and `proposal`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}
