//! Front matter kept in a data file: Eleventy and Jekyll sites that list their
//! projects in `projects.json` (or YAML), one record each, with the record
//! naming the Markdown file of the write-up (`"descLink": "tide.md"`). A
//! write-up without front matter takes its record's fields.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::frontmatter;

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
fn data_files(dir: &Path) -> Vec<PathBuf> {
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
}
