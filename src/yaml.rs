//! YAML parsing with errors that point at the file, line and column, and that
//! turn serde's wording into advice ("unknown key `sumary`; did you mean `summary`?").

use serde::de::DeserializeOwned;

use crate::diagnostics::{Diagnostic, Error, nearest};
use crate::source::SourceFile;

mod spans;
mod syntax;
mod unclosed;

pub use spans::{Pos, Spans};

/// Parses `yaml`, a part of `file` starting at 1-based line `first_line`
/// (1 for a whole YAML file, 2 for front matter after its `---`).
pub fn parse<T: DeserializeOwned>(
    file: &SourceFile,
    yaml: &str,
    first_line: usize,
) -> crate::Result<T> {
    let result = if yaml.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#')
    }) {
        serde_yaml::from_str("{}")
    } else {
        serde_yaml::from_str(yaml)
    };
    result.map_err(|e| Error::single(to_diagnostic(file, yaml, &e, first_line)))
}

fn to_diagnostic(
    file: &SourceFile,
    yaml: &str,
    e: &serde_yaml::Error,
    first_line: usize,
) -> Diagnostic {
    if let Some(d) = repeated_key(file, yaml, e, first_line) {
        return d;
    }
    // A syntax error: the text is not YAML at all (not a wrong value).
    match serde_yaml::from_str::<serde_yaml::Value>(yaml) {
        Err(syntax) => syntax_diagnostic(file, yaml, &syntax, first_line),
        Ok(_) => value_diagnostic(file, yaml, e, first_line),
    }
}

/// A key written twice in one mapping, shown at its second line (the parser
/// gives no position for it).
fn repeated_key(
    file: &SourceFile,
    yaml: &str,
    e: &serde_yaml::Error,
    first_line: usize,
) -> Option<Diagnostic> {
    // serde's derive says "duplicate field `k`"; a map, "duplicate entry with key "k"".
    let raw = e.to_string();
    let key = ["duplicate field `", "duplicate entry with key \""]
        .iter()
        .find_map(|p| raw.split_once(p))?
        .1
        .split(['`', '"'])
        .next()?;
    let (again, first) = Spans::of(yaml, first_line).repeated(key)?;
    let message = format!("`{key}` is set twice (first on line {})", first.line);
    let d = Diagnostic::error(message)
        .in_file(&file.display)
        .at(again.line, Some(again.column), Some(&file.text))
        .with_help(format!(
            "a key may appear once in a mapping: keep the value you want and delete the other `{key}:` line"
        ));
    Some(d)
}

/// A syntax error, shown where the mistake is written: at a list, mapping
/// or quote never closed, at a common mistake, else where the parser stopped.
fn syntax_diagnostic(
    file: &SourceFile,
    yaml: &str,
    e: &serde_yaml::Error,
    first_line: usize,
) -> Diagnostic {
    let opened = unclosed::opened(yaml, &e.to_string());
    let located = |d: Diagnostic, line: usize, column: usize| {
        d.in_file(&file.display)
            .at(line + first_line - 1, Some(column), Some(&file.text))
    };
    if let Some(o) = opened.as_ref().filter(|o| !o.closed) {
        return located(Diagnostic::error(o.never_closed()), o.line, o.column).with_help(o.help());
    }
    let stopped = e.location().map(|l| (l.line(), l.column()));
    if let Some(m) = syntax::diagnose(yaml, stopped.map_or(usize::MAX, |l| l.0)) {
        return located(Diagnostic::error(m.message), m.line, m.column).with_help(m.help);
    }
    match (opened, stopped) {
        (Some(o), Some((line, column))) => {
            let message = format!(
                "{} in the {} opened at {}:{}",
                o.problem,
                o.what,
                o.line + first_line - 1,
                o.column
            );
            located(Diagnostic::error(message), line, column).with_help(o.inside_help())
        }
        _ => value_diagnostic(file, yaml, e, first_line),
    }
}

/// An error of a value (or one the parser gives no better place for).
fn value_diagnostic(
    file: &SourceFile,
    yaml: &str,
    e: &serde_yaml::Error,
    first_line: usize,
) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line L column C" (and libyaml may name a second
    // place inside the message): the one position is shown separately.
    let message = INNER_POSITION.replace_all(&raw, "").into_owned();
    let loc = e.location().map(|l| (l.line(), l.column()));
    let (message, help) = explain(&message);
    let mut d = Diagnostic::error(message.clone()).in_file(&file.display);
    // Errors raised after a value was read (custom checks) point at the start
    // of the document: point at the value the message names instead.
    let named = || {
        let spans = Spans::of(yaml, first_line);
        let path = message.split_once(": ").map(|(p, _)| p);
        path.and_then(|p| spans.key(p))
            .or_else(|| leading_key(&message).and_then(|k| spans.key_named(k)))
    };
    let from_serde = loc.map(|(line, col)| (line + first_line - 1, col));
    let at = match loc {
        Some((line, col)) if line > 1 || col > 1 => from_serde,
        _ => named().map(|p| (p.line, p.column)).or(from_serde),
    };
    let (line, col) = at.map_or((first_line, None), |(l, c)| (l, Some(c)));
    d = d.at(line, col, Some(&file.text));
    if let Some(h) = help {
        d = d.with_help(h);
    }
    d
}

/// libyaml's own " at line L column C" inside a message.
static INNER_POSITION: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r" at line \d+ column \d+").unwrap());

/// The 1-based line where a key `key:` is written at any depth (`- key:` too),
/// from the parser's marks. For a Markdown file, give its front matter.
pub(crate) fn any_key_line(text: &str, key: &str) -> Option<usize> {
    Spans::of(text, 1).key_named(key).map(|p| p.line)
}

/// The key a message starts with (`hourly_rate must be ...` → `hourly_rate`).
fn leading_key(message: &str) -> Option<&str> {
    let end = message
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(message.len());
    (end > 0).then(|| &message[..end])
}

/// folio's name for a key other generators (Hugo, Zola, Jekyll, Astro) use.
fn foreign_key(key: &str) -> Option<&'static str> {
    Some(match key {
        "description" | "excerpt" | "abstract" | "subtitle" => "summary",
        "image" | "img" | "thumbnail" | "featured_image" | "featuredImage" | "heroImage"
        | "heroImg" | "banner" | "images" => "cover",
        "image_alt" | "alt" | "heroImageAlt" => "cover_alt",
        "categories" | "category" | "keywords" | "taxonomies" => "tags",
        "publishDate" | "pubDate" | "published" | "startDate" | "lastmod" | "updated" => "date",
        "importance" | "order" | "sort" | "priority" => "weight",
        "github" | "repo" | "demo" | "url" | "link" | "website" | "redirect" => "links",
        "company" | "customer" => "client",
        "author" | "fullname" | "full_name" => "name",
        "bio" | "about" => "overview",
        "params" => "extra",
        _ => return None,
    })
}

/// Splits serde's `path: message` form and rewrites the common messages.
pub(crate) fn explain(message: &str) -> (String, Option<String>) {
    // "experience[0]: missing field `company`" → path "experience[0]"
    let (path, rest) = match message.split_once(": ") {
        Some((p, r)) if !p.contains(' ') && !p.is_empty() => (Some(p), r),
        _ => (None, message),
    };
    let within = |s: String| match path {
        Some(p) => format!("{p}: {s}"),
        None => s,
    };
    if let Some(tail) = rest.strip_prefix("unknown field `") {
        let (key, expected) = tail.split_once('`').unwrap_or((tail, ""));
        let known: Vec<&str> = expected
            .split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, s)| s)
            .collect();
        let foreign = foreign_key(key).filter(|k| known.contains(k));
        let help = match foreign.or_else(|| nearest(key, known.iter().copied())) {
            Some(k) => format!("did you mean `{k}`?"),
            None if known.is_empty() => "remove this key".to_string(),
            None => format!(
                "remove it, or put custom data under `extra:`. Known keys: {}",
                known.join(", ")
            ),
        };
        return (within(format!("unknown key `{key}`")), Some(help));
    }
    if let Some(tail) = rest.strip_prefix("missing field `") {
        let key = tail.trim_end_matches('`');
        return (
            within(format!("missing required key `{key}`")),
            Some(format!("add a line `{key}: ...`")),
        );
    }
    if rest.starts_with("invalid type: ") {
        let text = rest
            .trim_start_matches("invalid type: ")
            .replace(", expected", "; expected");
        return (within(format!("wrong type: found {text}")), None);
    }
    if rest.contains("mapping values are not allowed") {
        return (
            message.to_string(),
            Some("a value that contains `: ` must be quoted, e.g. `summary: \"Result: 40 % fewer tickets\"`".into()),
        );
    }
    if rest.contains("found character that cannot start any token") {
        return (
            message.to_string(),
            Some("a value starting with `@`, `` ` `` or `%` must be quoted".into()),
        );
    }
    (message.to_string(), None)
}

/// `--merge` of an import: adds the top-level keys of `imported` that the YAML
/// file `path` lacks, under a comment naming `by`; whether it changed.
pub fn merge_missing_keys(path: &std::path::Path, imported: &str, by: &str) -> crate::Result<bool> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("cannot read", path, e))?;
    let existing: serde_yaml::Value = serde_yaml::from_str(&text).map_err(|e| {
        Error::single(
            Diagnostic::error(format!(
                "cannot merge into this file, it is not valid YAML: {e}"
            ))
            .in_file(path),
        )
    })?;
    let new: serde_yaml::Value = serde_yaml::from_str(imported).unwrap_or(serde_yaml::Value::Null);
    let (Some(old), Some(new)) = (existing.as_mapping(), new.as_mapping()) else {
        return Ok(false);
    };
    let missing: serde_yaml::Mapping = new
        .iter()
        .filter(|(k, _)| !old.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if missing.is_empty() {
        return Ok(false);
    }
    let mut out = text.trim_end().to_string();
    out.push_str(&format!("\n# Added by {by}:\n"));
    out.push_str(&serde_yaml::to_string(&serde_yaml::Value::Mapping(missing)).unwrap_or_default());
    std::fs::write(path, out).map_err(|e| Error::io("cannot write", path, e))?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::path::PathBuf;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Fm {
        title: String,
        summary: String,
        weight: Option<i64>,
    }

    fn file(text: &str) -> SourceFile {
        SourceFile {
            display: PathBuf::from("content/projects/a.md"),
            path: PathBuf::from("/x/content/projects/a.md"),
            text: text.to_string(),
        }
    }

    #[test]
    fn unknown_key_suggests_nearest() {
        let text = "---\ntitle: A\nsumary: B\n---\n";
        let e = parse::<Fm>(&file(text), "title: A\nsumary: B\n", 2).unwrap_err();
        let d = &e.diagnostics[0];
        assert_eq!(d.message, "unknown key `sumary`");
        assert_eq!(d.help.as_deref(), Some("did you mean `summary`?"));
        assert_eq!(d.line, Some(3));
        assert_eq!(d.snippet.as_deref(), Some("sumary: B"));
    }

    #[test]
    fn foreign_keys_are_named() {
        let hint = |key: &str| {
            let yaml = format!("title: A\nsummary: B\n{key}: x\n");
            let e = parse::<Fm>(&file(&yaml), &yaml, 2).unwrap_err();
            e.diagnostics[0].help.clone().unwrap_or_default()
        };
        assert_eq!(hint("description"), "did you mean `summary`?");
        assert_eq!(hint("importance"), "did you mean `weight`?");
        // `cover` is not a key of this shape: no hint towards it.
        assert!(
            hint("thumbnail").starts_with("remove it"),
            "{}",
            hint("thumbnail")
        );
    }

    #[test]
    fn a_key_set_twice_is_shown_where_it_is_repeated() {
        let text = "title: A\nsummary: B\nweight: 2\ntitle: C\n";
        let e = parse::<Fm>(&file(text), text, 1).unwrap_err();
        let d = &e.diagnostics[0];
        assert_eq!(d.message, "`title` is set twice (first on line 1)");
        assert_eq!((d.line, d.column), (Some(4), Some(1)));
        assert!(d.help.as_deref().unwrap_or("").contains("delete"), "{d:?}");
    }

    #[test]
    fn missing_key_is_named() {
        let e = parse::<Fm>(&file("title: A\n"), "title: A\n", 1).unwrap_err();
        let d = &e.diagnostics[0];
        assert_eq!(d.message, "missing required key `summary`");
    }

    #[test]
    fn wrong_type_is_explained_with_position() {
        let text = "title: A\nsummary: B\nweight: heavy\n";
        let e = parse::<Fm>(&file(text), text, 1).unwrap_err();
        let d = &e.diagnostics[0];
        assert!(d.message.starts_with("weight: wrong type"), "{}", d.message);
        assert_eq!(d.line, Some(3));
        assert_eq!(d.column, Some(9));
    }

    #[test]
    fn syntax_error_is_located() {
        let text = "title: A\nsummary: [unclosed\n";
        let e = parse::<Fm>(&file(text), text, 1).unwrap_err();
        let d = &e.diagnostics[0];
        assert!(d.line.is_some());
    }

    /// Parses `text` as a whole file; the one diagnostic as `line:col message | help`.
    fn syntax(text: &str) -> String {
        let e = parse::<serde_yaml::Value>(&file(text), text, 1).unwrap_err();
        let d = &e.diagnostics[0];
        assert!(
            !d.message.contains(" at line "),
            "one position: {}",
            d.message
        );
        format!(
            "{}:{} {} | {}",
            d.line.unwrap(),
            d.column.unwrap_or(0),
            d.message,
            d.help.as_deref().unwrap_or("")
        )
    }

    #[test]
    fn common_syntax_mistakes_are_found_where_they_are_written() {
        let quote = syntax(
            "name: Ana
title: \"Writer\nskills:\n  - Go\n  - Rust\n",
        );
        assert!(
            quote.starts_with("2:8 this quote is never closed | end the value"),
            "{quote}"
        );
        let comma = syntax("name: Ana\nskills: [Go, Rust],\ntitle: W\n");
        assert!(comma.starts_with("2:19 a comma after the list"), "{comma}");
        assert!(comma.contains("no comma after `]`"), "{comma}");
        let tab = syntax("name: Ana\nskills:\n\t- Go\n");
        assert!(tab.starts_with("3:1 a tab is used"), "{tab}");
        assert!(tab.contains("spaces"), "{tab}");
        let colon = syntax("name: Ana\ntitle: Writer: and editor\n");
        assert!(
            colon.starts_with("2:14 mapping values are not allowed"),
            "{colon}"
        );
        assert!(colon.contains("must be quoted"), "{colon}");
        let indent = syntax("name: Ana\nskills:\n  - Go\n - Rust\ntitle: W\n");
        assert!(
            indent.starts_with("4:2 this list item is not indented"),
            "{indent}"
        );
        assert!(indent.contains("same column"), "{indent}");
    }

    #[test]
    fn a_check_after_parsing_points_at_its_value() {
        #[derive(Debug, Deserialize)]
        struct Rate {
            #[allow(dead_code)]
            rates: Vec<Option<u8>>,
        }
        let text = "# rates\nrates:\n  - 1\n  - 300\n";
        let e = parse::<Rate>(&file(text), text, 1).unwrap_err();
        let d = &e.diagnostics[0];
        assert_eq!((d.line, d.column), (Some(4), Some(5)), "{}", d.message);
    }
}
