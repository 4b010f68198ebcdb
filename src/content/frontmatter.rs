//! Splitting a Markdown file into its YAML front matter and its body.

use crate::diagnostics::{Diagnostic, Error};
use crate::source::SourceFile;

/// The two parts of a content file.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    pub yaml: &'a str,
    pub body: &'a str,
    /// 1-based line of the first YAML line (2: right after the opening `---`).
    pub yaml_first_line: usize,
    /// 1-based line where the body starts.
    pub body_first_line: usize,
}

const HOW: &str = "a content file starts with front matter: a line `---`, keys such as `title: My project`, then a closing line `---`";

/// Splits `file.text` at its `---` fences.
pub fn split(file: &SourceFile) -> crate::Result<Split<'_>> {
    let text = file.text.as_str();
    let first_end = text.find('\n').unwrap_or(text.len());
    if text[..first_end].trim_end() != "---" {
        let first_nonblank = text
            .lines()
            .position(|l| !l.trim().is_empty())
            .map_or(1, |i| i + 1);
        return Err(Error::single(
            Diagnostic::error("the file has no front matter")
                .in_file(&file.display)
                .at(first_nonblank, Some(1), Some(text))
                .with_help(HOW),
        ));
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut offset = yaml_start;
    for (line_no, line) in (2..).zip(text[yaml_start..].split_inclusive('\n')) {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_start = offset + line.len();
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                body: &text[body_start..],
                yaml_first_line: 2,
                body_first_line: line_no + 1,
            });
        }
        offset += line.len();
    }
    Err(Error::single(
        Diagnostic::error("the front matter is not closed")
            .in_file(&file.display)
            .at(1, Some(1), Some(text))
            .with_help(
                "add a line `---` after the last front matter key, before the text of the page",
            ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            display: PathBuf::from("a.md"),
            path: PathBuf::from("a.md"),
            text: text.into(),
        }
    }

    #[test]
    fn splits() {
        let f = file("---\ntitle: A\n---\nBody\n");
        let s = split(&f).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.body_first_line, 4);
    }

    #[test]
    fn empty_body_and_trailing_spaces() {
        let f = file("--- \ntitle: A\n---");
        let s = split(&f).unwrap();
        assert_eq!(s.yaml, "title: A\n");
        assert_eq!(s.body, "");
    }

    #[test]
    fn unclosed_and_missing() {
        let e = split(&file("---\ntitle: A\nBody\n")).unwrap_err();
        let d = &e.diagnostics[0];
        assert!(d.message.contains("not closed"));
        assert_eq!(d.line, Some(1));
        let e = split(&file("\n# Just markdown\n")).unwrap_err();
        let d = &e.diagnostics[0];
        assert!(d.message.contains("no front matter"));
        assert_eq!(d.line, Some(2));
    }
}
