//! Splitting a Markdown file into its front matter and its body: YAML between
//! `---` lines, or TOML between `+++` lines (as Hugo and Zola write it).

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
    /// TOML (`+++`) rather than YAML (`---`).
    pub toml: bool,
}

const HOW: &str = "a content file starts with front matter: a line `---`, keys such as `title: My project`, then a closing line `---` (or TOML between `+++` lines)";

/// Splits `file.text` at its `---` fences.
pub fn split(file: &SourceFile) -> crate::Result<Split<'_>> {
    let text = file.text.as_str();
    let first_end = text.find('\n').unwrap_or(text.len());
    let fence = text[..first_end].trim_end();
    if fence != "---" && fence != "+++" {
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
        let closes = match fence {
            "+++" => trimmed == "+++",
            _ => trimmed == "---" || trimmed == "...",
        };
        if closes {
            let body_start = offset + line.len();
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                body: &text[body_start..],
                yaml_first_line: 2,
                body_first_line: line_no + 1,
                toml: fence == "+++",
            });
        }
        offset += line.len();
    }
    Err(Error::single(
        Diagnostic::error("the front matter is not closed")
            .in_file(&file.display)
            .at(1, Some(1), Some(text))
            .with_help(format!(
                "add a line `{fence}` after the last front matter key, before the text of the page"
            )),
    ))
}

/// Reads the front matter of `split` (YAML or TOML) as a `T`; errors name the line.
pub fn parse<T: serde::de::DeserializeOwned>(file: &SourceFile, split: &Split) -> crate::Result<T> {
    if !split.toml {
        return crate::yaml::parse(file, split.yaml, split.yaml_first_line);
    }
    let at = |line: usize, message: String| {
        Error::single(Diagnostic::error(message).in_file(&file.display).at(
            line + split.yaml_first_line - 1,
            None,
            Some(&file.text),
        ))
    };
    let table: toml::Table = toml::from_str(split.yaml).map_err(|e| {
        let line = e
            .span()
            .map_or(1, |s| split.yaml[..s.start].lines().count().max(1));
        at(
            line,
            format!("the TOML front matter is not valid: {}", e.message().trim()),
        )
    })?;
    let value = toml_to_json(toml::Value::Table(table));
    serde_json::from_value(value).map_err(|e| {
        let (message, help) = crate::yaml::explain(&e.to_string());
        let key = message.split('`').nth(1).unwrap_or_default();
        let line = toml_key_line(split.yaml, key).unwrap_or(1);
        let err = at(line, message);
        match help {
            Some(h) => Error::new(
                err.diagnostics
                    .into_iter()
                    .map(|d| d.with_help(h.clone()))
                    .collect(),
            ),
            None => err,
        }
    })
}

/// The 1-based line of `key = ` in TOML text.
fn toml_key_line(text: &str, key: &str) -> Option<usize> {
    if key.is_empty() {
        return None;
    }
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

/// A TOML value as JSON, dates and date-times as their text (`2025-04-16T17:36:46+08:00`).
fn toml_to_json(v: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
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
    fn toml_front_matter() {
        use crate::content::files::ProjectFrontMatter;
        let f = file(
            "+++\ntitle = \"Kite\"\ndate = 2025-04-16T17:36:46+08:00\nsummary = \"S\"\ntags = [\"rust\"]\n[extra]\nrepo = \"x\"\n+++\nBody\n",
        );
        let s = split(&f).unwrap();
        assert!(s.toml);
        assert_eq!(s.body, "Body\n");
        let fm: ProjectFrontMatter = parse(&f, &s).unwrap();
        assert_eq!(fm.title, "Kite");
        assert_eq!(fm.date.unwrap().iso(), "2025-04-16");
        assert_eq!(fm.tags, vec!["rust"]);
        assert_eq!(fm.extra["repo"], "x");
        let f = file(
            "+++\ntitle = \"K\"\ndate = 2024-01-02\nsummary = \"S\"\ndescription = \"D\"\n+++\n",
        );
        let e = parse::<ProjectFrontMatter>(&f, &split(&f).unwrap()).unwrap_err();
        let d = &e.diagnostics[0];
        assert_eq!(
            (d.message.as_str(), d.line),
            ("unknown key `description`", Some(5))
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `summary`?"));
        let f = file("+++\ntitle = \n+++\n");
        let e = parse::<ProjectFrontMatter>(&f, &split(&f).unwrap()).unwrap_err();
        assert!(e.message().contains("TOML"), "{}", e.message());
        assert!(
            split(&file("+++\ntitle = 1\n---\n"))
                .unwrap_err()
                .message()
                .contains("not closed")
        );
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
