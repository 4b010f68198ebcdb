//! folio: a static-site generator for freelancers.
//!
//! One content folder (Markdown write-ups of projects, YAML profiles) becomes a
//! portfolio site, and later the text of platform profiles. Data flows one way:
//! [`content::load`] reads the folder into one typed [`content::Site`], which
//! [`render`] turns into pages and [`output`] writes atomically. Modules are in
//! layers and import only downward; `tests/layers.rs` holds the table and checks it.

// Diagnostics travel on the error path only (once per problem, never in a hot
// loop), so their size does not matter; boxing them would only add noise.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod cards;
pub mod config;
pub mod contact;
pub mod content;
pub mod date;
pub mod deploy;
pub mod diagnostics;
pub mod export;
pub mod feeds;
pub mod highlight;
pub mod images;
pub mod init;
pub mod jsonresume;
pub mod markdown;
pub mod migrate;
pub mod output;
pub mod plaintext;
pub mod platform;
pub mod preview;
pub mod proposal;
pub mod render;
pub mod serve;
pub mod shortcodes;
pub mod slug;
pub mod source;
pub mod template_vars;
pub mod theme;
pub mod util;
pub mod version;
pub mod workflow;
pub mod yaml;

pub use diagnostics::{Diagnostic, Error, ErrorKind, Result};
