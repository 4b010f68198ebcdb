//! Diagnostics: what folio tells the user about their content.
//!
//! Every problem found while loading, validating or rendering a site becomes a
//! [`Diagnostic`] that names the file (relative to the site folder), the line and
//! column where known, the offending line itself and a hint on how to fix it.
//! Loading collects them all, so one run reports every problem at once.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, located as precisely as folio can.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the site folder (or absolute when outside it).
    pub file: Option<PathBuf>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column, counted in characters.
    pub column: Option<usize>,
    pub message: String,
    /// The offending source line, shown under the message.
    pub snippet: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            line: None,
            column: None,
            message: message.into(),
            snippet: None,
            help: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    /// Sets line and column and, given the file's text, the snippet of that line.
    pub fn at(mut self, line: usize, column: Option<usize>, text: Option<&str>) -> Self {
        self.line = Some(line);
        self.column = column;
        if let Some(text) = text {
            self.snippet = text.lines().nth(line.saturating_sub(1)).map(str::to_owned);
        }
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `content/x.md:3:7` style location, or the empty string.
    pub fn location(&self) -> String {
        let mut out = String::new();
        if let Some(file) = &self.file {
            out.push_str(&file.display().to_string());
            if let Some(line) = self.line {
                out.push_str(&format!(":{line}"));
                if let Some(col) = self.column {
                    out.push_str(&format!(":{col}"));
                }
            }
        }
        out
    }

    /// Renders the diagnostic for a terminal (`color` adds ANSI colours).
    pub fn render(&self, color: bool) -> String {
        let (label, code) = match self.severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
        };
        let paint = |s: &str, code: &str| {
            if color {
                format!("\x1b[{code}m{s}\x1b[0m")
            } else {
                s.to_owned()
            }
        };
        let mut out = paint(label, code);
        out.push_str(": ");
        let location = self.location();
        if !location.is_empty() {
            out.push_str(&paint(&location, "1"));
            out.push_str(": ");
        }
        out.push_str(&self.message);
        if let (Some(line), Some(snippet)) = (self.line, &self.snippet) {
            let num = line.to_string();
            let pad = " ".repeat(num.len());
            out.push_str(&format!("\n {pad} |\n {num} | {snippet}"));
            if let Some(col) = self.column {
                let before: String = snippet
                    .chars()
                    .take(col.saturating_sub(1))
                    .map(|c| if c == '\t' { '\t' } else { ' ' })
                    .collect();
                out.push_str(&format!("\n {pad} | {before}{}", paint("^", code)));
            }
        }
        if let Some(help) = &self.help {
            out.push_str(&format!("\n  = help: {help}"));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// A collection of diagnostics gathered during one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by file, then line, so reports read top to bottom.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity).cmp(&(&b.file, b.line, b.column, b.severity))
        });
        self.items.dedup();
        self.items
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// What kind of failure an [`Error`] is, for callers that react differently
/// (serve keeps the last good site on a content error, tests match on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorKind {
    /// Something in the user's content folder is wrong (the usual case).
    Content,
    /// A theme or site template failed to parse or render.
    Template,
    /// Reading or writing a file, starting a server or a process failed.
    Io,
    /// A bug in folio: an invariant did not hold.
    Internal,
}

/// The one error type of the library: one or more diagnostics (at least one
/// of them an error), plus any warnings found on the way, and its kind.
#[derive(Debug, Clone)]
pub struct Error {
    pub kind: ErrorKind,
    pub diagnostics: Vec<Diagnostic>,
}

impl Error {
    /// A content error made of these diagnostics.
    pub fn new(diagnostics: Vec<Diagnostic>) -> Self {
        Error {
            kind: ErrorKind::Content,
            diagnostics,
        }
    }

    pub fn single(d: Diagnostic) -> Self {
        Error::new(vec![d])
    }

    pub fn msg(message: impl Into<String>) -> Self {
        Error::single(Diagnostic::error(message))
    }

    /// An I/O failure on `path`: `"{action} {path}: {err}"`, e.g.
    /// `Error::io("cannot read", path, e)`.
    pub fn io(action: &str, path: &Path, err: std::io::Error) -> Self {
        let d = Diagnostic::error(format!("{action} {}: {err}", path.display()));
        Error::single(d).with_kind(ErrorKind::Io)
    }

    /// A template error (parse or render) described by `d`.
    pub fn template(d: Diagnostic) -> Self {
        Error::single(d).with_kind(ErrorKind::Template)
    }

    /// A bug in folio.
    pub fn internal(message: impl Into<String>) -> Self {
        Error::msg(message).with_kind(ErrorKind::Internal)
    }

    pub fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.kind = kind;
        self
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message of the first error, for callers that re-locate a problem
    /// found by a helper that does not know the file (`Date::parse`, …).
    pub fn message(&self) -> &str {
        self.diagnostics
            .iter()
            .find(|d| d.is_error())
            .or(self.diagnostics.first())
            .map_or("", |d| d.message.as_str())
    }

    /// Gives every diagnostic that has no file this file and position.
    pub fn locate(mut self, file: &Path, line: usize, column: Option<usize>, text: &str) -> Self {
        for d in self.diagnostics.iter_mut().filter(|d| d.file.is_none()) {
            *d = std::mem::replace(d, Diagnostic::error(""))
                .in_file(file)
                .at(line, column, Some(text));
        }
        self
    }

    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Every diagnostic rendered, then a one-line summary.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&d.render(color));
            out.push_str("\n\n");
        }
        let n = self.error_count();
        out.push_str(&format!(
            "{} error{} found",
            n,
            if n == 1 { "" } else { "s" }
        ));
        out
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Error {}

impl From<Diagnostic> for Error {
    fn from(d: Diagnostic) -> Self {
        Error::single(d)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The known name nearest to `unknown`, if it is close enough to be a likely typo.
pub fn nearest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = unknown.to_lowercase();
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(&lower, &k.to_lowercase()), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_snippet_and_help() {
        let text = "title: x\nsumary: y\n";
        let d = Diagnostic::error("unknown key `sumary`")
            .in_file("content/projects/a.md")
            .at(2, Some(1), Some(text))
            .with_help("did you mean `summary`?");
        let out = d.render(false);
        assert_eq!(
            out,
            "error: content/projects/a.md:2:1: unknown key `sumary`\n   |\n 2 | sumary: y\n   | ^\n  = help: did you mean `summary`?"
        );
    }

    #[test]
    fn io_errors_name_the_path_and_kind() {
        let e = Error::io(
            "cannot read",
            Path::new("content/a.md"),
            std::io::Error::from(std::io::ErrorKind::NotFound),
        );
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(
            e.message().starts_with("cannot read content/a.md: "),
            "{}",
            e.message()
        );
        let located =
            Error::msg("bad date").locate(Path::new("a.md"), 3, Some(7), "x\ny\ndate: 1\n");
        assert_eq!(located.diagnostics[0].location(), "a.md:3:7");
        assert_eq!(located.diagnostics[0].snippet.as_deref(), Some("date: 1"));
        assert_eq!(located.kind(), ErrorKind::Content);
    }

    #[test]
    fn nearest_finds_typos_only() {
        let known = ["title", "summary", "date"];
        assert_eq!(nearest("sumary", known), Some("summary"));
        assert_eq!(nearest("Titel", known), Some("title"));
        assert_eq!(nearest("colour", known), None);
    }
}
