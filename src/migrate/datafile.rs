//! Front matter kept in a data file: Eleventy and Jekyll sites that list their
//! projects in `projects.json` (or YAML), one record each, with the record
//! naming the Markdown file of the write-up (`"descLink": "tide.md"`). A
//! write-up without front matter takes its record's fields.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::frontmatter;
use super::sources::Source;
use crate::diagnostics::Diagnostic;

/// How many folders above the write-up's own are searched.
const LEVELS: usize = 2;

/// The record that names `md` (by file name) in a JSON or YAML file of its
/// folder or the folders above it; (data file, record).
pub fn record_for(md: &Path) -> Option<(PathBuf, Map<String, Value>)> {
    let name = md.file_name()?.to_str()?;
    md.ancestors()
        .skip(1)
        .take(LEVELS + 1)
        .flat_map(data_files)
        .find_map(|file| {
            let record = records(&file).into_iter().find(|r| names(r, name))?;
            Some((file, record))
        })
}

/// The JSON and YAML files of `dir` (not package manifests), sorted.
pub(super) fn data_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| ["json", "yaml", "yml"].contains(&x))
        })
        .filter(|p| {
            let n = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !n.starts_with("package") && !n.starts_with("tsconfig")
        })
        .collect();
    files.sort();
    files
}

/// The records of a data file: a list of mappings at its top (or under one key).
fn records(file: &Path) -> Vec<Map<String, Value>> {
    let list = match parse(file) {
        Some(Value::Array(a)) => a,
        Some(Value::Object(o)) if o.len() == 1 => match o.into_iter().next() {
            Some((_, Value::Array(a))) => a,
            _ => Vec::new(),
        },
        _ => Vec::new(),
    };
    list.into_iter()
        .filter_map(|v| match v {
            Value::Object(o) => Some(o),
            _ => None,
        })
        .collect()
}

/// A data file read as JSON values; `None` when absent or not valid.
pub(super) fn parse(file: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(file).ok()?;
    match file.extension()?.to_str()? {
        "json" => serde_json::from_str(&text).ok(),
        "toml" => toml::from_str::<toml::Table>(&text)
            .ok()
            .map(|t| frontmatter::toml_to_json(toml::Value::Table(t))),
        _ => serde_yaml::from_str::<serde_yaml::Value>(&text)
            .ok()
            .map(frontmatter::yaml_to_json),
    }
}

/// Where sites keep their data files: Jekyll's `_data/`, Hugo's `data/`.
const DATA_DIRS: &[&str] = &["_data", "data"];

/// The data files of `src` (in `_data/` and `data/`, at any depth) that
/// cannot be read, each named for the report: where, what is wrong and how
/// to fix it. Nothing of such a file is imported (its projects, its links).
pub fn broken(src: &Path) -> Vec<String> {
    DATA_DIRS
        .iter()
        .flat_map(|d| {
            walkdir::WalkDir::new(src.join(d))
                .sort_by_file_name()
                .into_iter()
                .flatten()
        })
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| problem(src, e.path()))
        .map(|d| unread(&d))
        .collect()
}

/// The data files beside the write-ups without front matter, which take
/// their record from one ([`record_for`]: Eleventy's `projects.json`), that
/// cannot be read, named like [`broken`]'s (those of `_data/` and `data/`
/// are named there).
pub fn broken_beside(src: &Path, writeups: &[Source]) -> Vec<String> {
    let bare = |s: &&Source| {
        let text = std::fs::read_to_string(&s.path).unwrap_or_default();
        s.record.is_none() && frontmatter::parse(&text).is_ok_and(|f| f.map.is_empty())
    };
    let mut files: Vec<PathBuf> = (writeups.iter().filter(bare))
        .flat_map(|s| s.path.ancestors().skip(1).take(LEVELS + 1))
        .filter(|d| d.starts_with(src))
        .flat_map(data_files)
        .filter(|f| {
            let first = f.strip_prefix(src).ok().and_then(|r| r.iter().next());
            !first.is_some_and(|d| DATA_DIRS.iter().any(|n| d == *n))
        })
        .collect();
    files.sort();
    files.dedup();
    files
        .iter()
        .filter_map(|f| problem(src, f))
        .map(|d| unread(&d))
        .collect()
}

/// The report's note for a data file that cannot be read.
fn unread(d: &Diagnostic) -> String {
    let help = d
        .help
        .as_ref()
        .map(|h| format!("; {h}"))
        .unwrap_or_default();
    format!(
        "{}: {}{help}; the file could not be read, so nothing of it was imported: fix it and import again",
        d.location(),
        d.message
    )
}

/// What is wrong with the data file `file` (JSON, YAML or TOML); `None` when
/// it reads, or is not a data file.
fn problem(src: &Path, file: &Path) -> Option<Diagnostic> {
    let ext = file.extension()?.to_str()?.to_ascii_lowercase();
    if !["json", "yaml", "yml", "toml"].contains(&ext.as_str()) {
        return None;
    }
    let sf = match crate::source::read(src, file) {
        Ok(sf) => sf,
        Err(e) => return e.diagnostics.into_iter().next(),
    };
    let at = |d: Diagnostic, line: usize, col: usize| {
        d.in_file(&sf.display).at(line, Some(col), Some(&sf.text))
    };
    match ext.as_str() {
        "json" => serde_json::from_str::<Value>(&sf.text).err().map(|e| {
            let message = e.to_string();
            let message = message.split(" at line ").next().unwrap_or_default();
            let d = Diagnostic::error(format!("not valid JSON: {message}"));
            at(d, e.line().max(1), e.column().max(1))
                .with_help("a comma, quote or bracket is missing or one too many there")
        }),
        "toml" => toml::from_str::<toml::Table>(&sf.text).err().map(|e| {
            let start = e.span().map_or(0, |s| s.start).min(sf.text.len());
            let before = sf.text.get(..start).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let col = before
                .rsplit('\n')
                .next()
                .unwrap_or_default()
                .chars()
                .count()
                + 1;
            let d = Diagnostic::error(format!("not valid TOML: {}", e.message().trim()));
            at(d, line, col).with_help("write `key = value`, with text values in quotes")
        }),
        _ => crate::yaml::parse::<serde_yaml::Value>(&sf, &sf.text, 1)
            .err()
            .and_then(|e| e.diagnostics.into_iter().next()),
    }
}

/// Whether a string value of `record` is the file name `name` (or a path ending in it).
fn names(record: &Map<String, Value>, name: &str) -> bool {
    record.values().any(|v| {
        v.as_str().is_some_and(|s| {
            let s = s.trim();
            !s.contains("://") && (s == name || s.ends_with(&format!("/{name}")))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `text` to `rel` under `dir`; its path.
    fn write(dir: &Path, rel: &str, text: &str) -> PathBuf {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }

    #[test]
    fn the_record_naming_the_file_is_found_above_it() {
        let dir = tempfile::tempdir().unwrap();
        let desc = dir.path().join("projects/desc");
        std::fs::create_dir_all(&desc).unwrap();
        std::fs::write(
            dir.path().join("projects/projects.json"),
            r#"[{"name": "Other", "descLink": "https://example.org/other.md"},
                {"name": "Tide gauge", "descLink": "tide.md"}]"#,
        )
        .unwrap();
        std::fs::write(dir.path().join("projects/package.json"), "[]").unwrap();
        let md = desc.join("tide.md");
        std::fs::write(&md, "Text.").unwrap();
        let (file, record) = record_for(&md).unwrap();
        assert!(file.ends_with("projects/projects.json"));
        assert_eq!(record["name"], "Tide gauge");
        assert!(record_for(&desc.join("other.md")).is_none());
    }

    #[test]
    fn a_broken_data_file_beside_bare_write_ups_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        let write = |rel: &str, text: &str| write(s, rel, text);
        write(
            "src/projects/projects.json",
            "[\n  {\"name\": \"Kiosk\", \"descLink\": \"kiosk.md\"}\n  {\"name\": \"Sled\"}\n]\n",
        );
        write("src/projects/package-lock.json", "{");
        write("src/posts/posts.json", "[{");
        let source = |p: PathBuf| Source {
            path: p,
            bundle: None,
            slug: "a".into(),
            file_date: None,
            mdx: false,
            collided: None,
            part: None,
            record: None,
        };
        let writeups = [
            source(write("src/projects/descriptions/kiosk.md", "Text.\n")),
            source(write("src/projects/descriptions/sled.md", "Sled.\n")),
            source(write("src/posts/a.md", "---\ntitle: A\n---\nText.\n")),
        ];
        let named = broken_beside(s, &writeups);
        assert_eq!(named.len(), 1, "{named:#?}");
        assert!(
            named[0].starts_with("src/projects/projects.json:3:3: not valid JSON: expected"),
            "{}",
            named[0]
        );
        assert!(
            named[0].ends_with("fix it and import again"),
            "{}",
            named[0]
        );
    }

    #[test]
    fn broken_data_files_are_named_with_their_place_and_a_fix() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        let write = |rel: &str, text: &str| write(s, rel, text);
        write(
            "_data/projects.yml",
            "- title: Kite\n  tags: [a, b\n- title: Sled\n",
        );
        write("_data/nav.yml", "- name: Home\n");
        write(
            "data/fr/work.json",
            "[{\"title\": \"A\"}\n {\"title\": \"B\"}]",
        );
        write("data/work.toml", "[[items]]\ntitle = Lamp\n");
        write("data/notes.txt", "not: [data");
        let broken = broken(s);
        assert_eq!(broken.len(), 3, "{broken:#?}");
        assert!(
            broken[0].starts_with("_data/projects.yml:2:"),
            "{}",
            broken[0]
        );
        assert!(
            broken[1].starts_with("data/fr/work.json:2:2: not valid JSON: expected"),
            "{}",
            broken[1]
        );
        assert!(
            broken[2].starts_with("data/work.toml:2:9: not valid TOML: "),
            "{}",
            broken[2]
        );
        for b in &broken {
            assert!(
                b.contains("; ") && b.ends_with("fix it and import again"),
                "{b}"
            );
        }
    }
}
