//! What the dev server serves: one immutable snapshot of the built site,
//! replaced whole after each successful rebuild, plus the current error.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::output::{Contents, OutputFile};

/// A file of the snapshot.
#[derive(Debug, Clone)]
pub enum Body {
    Bytes(Arc<[u8]>),
    /// Read from disk when requested (images and other copied files).
    File(PathBuf),
    /// An image resized or converted when requested.
    Image(PathBuf, Option<u32>, bool),
    /// A share card, made (or read from the card cache) when requested.
    Card(Arc<crate::cards::CardFile>),
}

/// One version of the site.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Output-relative path → body.
    pub files: HashMap<String, Body>,
    /// Increases with every successful rebuild.
    pub version: u64,
    /// Set when the last rebuild changed only stylesheets: the version it changed from.
    pub css_only_since: Option<u64>,
    /// The last build's errors, as HTML for the overlay; `None` when it succeeded.
    pub error: Option<String>,
    pub base_path: String,
}

fn body(contents: Contents) -> Body {
    match contents {
        Contents::Bytes(b) => Body::Bytes(b),
        Contents::Copy(p) => Body::File(p),
        Contents::Image { src, width, webp } => Body::Image(src, width, webp),
        Contents::Card(card) => Body::Card(card),
    }
}

impl Snapshot {
    pub fn new(files: Vec<OutputFile>, version: u64, base_path: &str) -> Snapshot {
        let files = files
            .into_iter()
            .map(|f| (f.path, body(f.contents)))
            .collect();
        Snapshot {
            files,
            version,
            css_only_since: None,
            error: None,
            base_path: base_path.to_string(),
        }
    }

    /// The next version: these files changed, the others are the same.
    pub fn updated(&self, changed: Vec<OutputFile>) -> Snapshot {
        let mut files = self.files.clone();
        for f in changed {
            files.insert(f.path, body(f.contents));
        }
        Snapshot {
            files,
            version: self.version + 1,
            css_only_since: None,
            error: None,
            base_path: self.base_path.clone(),
        }
    }

    /// The same files with a new error (the last good build stays served).
    pub fn with_error(&self, error: String) -> Snapshot {
        Snapshot {
            files: self.files.clone(),
            version: self.version,
            css_only_since: None,
            error: Some(error),
            base_path: self.base_path.clone(),
        }
    }

    /// The message sent to browsers: `{"version":3,"css_only_since":2,"error":null}`.
    pub fn message(&self) -> String {
        serde_json::json!({
            "version": self.version,
            "css_only_since": self.css_only_since,
            "error": self.error,
        })
        .to_string()
    }
}
