//! Where a problem about a YAML value is: the value's line and column, from
//! the parser's marks (`yaml::Spans`), for YAML files and front matter alike.

use std::cell::OnceCell;

use super::*;
use crate::yaml::{Pos, Spans};

/// The positions of one file's YAML, parsed the first time a problem asks.
pub(super) struct Places<'a> {
    file: &'a SourceFile,
    spans: OnceCell<Spans>,
}

impl<'a> Places<'a> {
    pub(super) fn new(file: &'a SourceFile) -> Self {
        Places {
            file,
            spans: OnceCell::new(),
        }
    }

    /// The spans of the file's YAML: the whole file, or a Markdown file's front matter.
    pub(super) fn spans(&self) -> &Spans {
        self.spans.get_or_init(|| {
            let markdown = self.file.path.extension().is_some_and(|e| e == "md");
            match frontmatter::split(self.file) {
                Ok(s) if markdown => Spans::of(s.yaml, s.yaml_first_line),
                _ => Spans::of(&self.file.text, 1),
            }
        })
    }

    /// `d` in this file at the value of `path` (`experience[0].end`), or at
    /// its key when the value is not written.
    pub(super) fn at(&self, d: Diagnostic, path: &str) -> Diagnostic {
        let s = self.spans();
        self.at_pos(d, s.value(path).or_else(|| s.key(path)))
    }

    /// `d` in this file at the first value written `text` under `path`.
    pub(super) fn at_text(&self, d: Diagnostic, path: &str, text: &str) -> Diagnostic {
        let s = self.spans();
        self.at_pos(d, s.find(path, text).or_else(|| s.key(path)))
    }

    /// `d` in this file at `pos`, or at line 1 when the place is unknown.
    pub(super) fn at_pos(&self, d: Diagnostic, pos: Option<Pos>) -> Diagnostic {
        let (line, col) = pos.map_or((1, None), |p| (p.line, Some(p.column)));
        d.in_file(&self.file.display)
            .at(line, col, Some(&self.file.text))
    }
}
