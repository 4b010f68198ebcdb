//! `folio import jsonresume`: a resume.json → folio.yaml, content/profile.yaml and one
//! write-up per dated project. Every entry lands on the site or in the report.

mod basics;
mod entry;
mod projects;
mod sections;
mod skills;
mod write;
mod yaml;

pub use write::write as write_files;

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};
use serde_yaml::Value as Y;

use super::{ImportOptions, ImportReport};
use crate::diagnostics::{Diagnostic, Error};
use yaml::{yaml, ystr};

/// Sections folio shows from `extra.jsonresume` as written (a list per section).
const KEPT_SECTIONS: [&str; 4] = ["volunteer", "awards", "publications", "interests"];

/// Imports `resume` (the text of a resume.json) into the site folder `dir`.
pub fn import(
    resume: &str,
    source: &Path,
    dir: &Path,
    opts: &ImportOptions,
) -> crate::Result<ImportReport> {
    let doc = parse(resume, source)?;
    let mut report = ImportReport::default();
    let files = site_files(&doc, source, opts, &mut report.unmapped)?;
    write::write(files, dir, opts, &mut report)?;
    Ok(report)
}

/// The JSON document; a BOM is skipped, an error points at the line of the problem.
pub fn parse(resume: &str, source: &Path) -> crate::Result<Value> {
    let text = resume.strip_prefix('\u{feff}').unwrap_or(resume);
    let doc: Value = serde_json::from_str(text).map_err(|e| {
        // serde_json reports a raw control character (a newline inside a string)
        // at column 0 of the next line: point at the end of the line it is on.
        let (mut line, mut col) = (e.line(), e.column());
        if col == 0 && line > 1 {
            line -= 1;
            col = text
                .lines()
                .nth(line - 1)
                .map_or(1, |l| l.chars().count() + 1);
        }
        Error::single(
            Diagnostic::error(format!("this is not valid JSON: {e}"))
                .in_file(source)
                .at(line, Some(col), Some(text))
                .with_help(
                    "a JSON Resume file is one JSON object, as exported by jsonresume.org tools",
                ),
        )
    })?;
    if !doc.is_object() {
        return Err(Error::single(
            Diagnostic::error("a JSON Resume file is one JSON object").in_file(source),
        ));
    }
    Ok(doc)
}

/// Every file of the new site, by path under the site folder.
pub fn site_files(
    doc: &Value,
    source: &Path,
    opts: &ImportOptions,
    notes: &mut Vec<String>,
) -> crate::Result<Vec<(PathBuf, Vec<u8>)>> {
    let b = basics::read(doc, source, notes);
    let Some(name) = b.name.clone() else {
        return Err(Error::single(no_name(doc).in_file(source)));
    };
    let mut profile = b.profile;
    let mut kept = Map::new();
    if !b.kept.is_empty() {
        kept.insert("basics".into(), Value::Object(b.kept));
    }
    let mut skills = skills::read(&list(doc, "skills"), notes);
    let projects = projects::read(&list(doc, "projects"), &mut skills, notes);
    map_sections(doc, &mut profile, &mut kept, notes);
    if !skills.list.is_empty() {
        profile.insert(ystr("skills"), Y::Sequence(skills.list));
    }
    for (key, v) in [
        ("skills", Value::Array(skills.unnamed)),
        ("skill_extra", Value::Object(skills.extra)),
        ("keyword_skills", Value::Array(projects.keyword_skills)),
        ("projects", Value::Array(projects.undated)),
    ] {
        if !entry::is_empty(&v) {
            kept.insert(key.into(), v);
        }
    }
    keep_the_rest(doc, &mut kept, notes);
    if !kept.is_empty() {
        let mut extra = serde_yaml::Mapping::new();
        extra.insert(ystr("jsonresume"), yaml(&Value::Object(kept)));
        profile.insert(ystr("extra"), Y::Mapping(extra));
    }
    let language = opts
        .language
        .clone()
        .or_else(|| doc.pointer("/meta/language").and_then(entry::text_of))
        .or_else(|| super::language::detect(doc).map(str::to_string))
        .unwrap_or_else(|| "en".into());
    let profile_text = format!(
        "# Imported from {}.\n{}",
        source.display(),
        serde_yaml::to_string(&profile).unwrap_or_default()
    );
    let mut files = vec![
        (
            PathBuf::from(crate::config::CONFIG_FILE),
            config(source, &name, b.label.as_deref(), &language).into_bytes(),
        ),
        (
            PathBuf::from("content/profile.yaml"),
            profile_text.into_bytes(),
        ),
    ];
    if let Some((src, dest)) = b.photo_file {
        let bytes = std::fs::read(&src).map_err(|e| Error::io("cannot read", &src, e))?;
        files.push((dest, bytes));
    }
    files.extend(projects.files);
    Ok(files)
}

/// The array at `key` (empty when missing or not an array).
fn list(doc: &Value, key: &str) -> Vec<Value> {
    doc.get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default()
}

/// Work, education, certificates, languages and references into the profile; a
/// section with an entry folio cannot place is kept whole for the résumé page and the export.
fn map_sections(
    doc: &Value,
    profile: &mut serde_yaml::Mapping,
    kept: &mut Map<String, Value>,
    notes: &mut Vec<String>,
) {
    for (key, yaml_key) in [
        ("work", "experience"),
        ("education", "education"),
        ("certificates", "certifications"),
        ("languages", "languages"),
        ("references", "testimonials"),
    ] {
        let items = list(doc, key);
        let mapped = if key == "languages" {
            sections::languages(&items, notes)
        } else {
            sections::section(&items, key, notes)
        };
        match mapped {
            Ok(v) if v.is_empty() => {}
            Ok(v) => {
                profile.insert(ystr(yaml_key), Y::Sequence(v));
            }
            Err(why) => {
                let why = why.message();
                notes.push(format!(
                    "{key}: {why}; the whole section is listed on the résumé page as written and exported back"
                ));
                kept.insert(key.into(), Value::Array(items));
            }
        }
    }
}

/// Why there is no name: no `basics` at all means another résumé format.
fn no_name(doc: &Value) -> Diagnostic {
    if doc.get("basics").is_some() {
        return Diagnostic::error("basics.name is missing: folio needs your name")
            .with_help("add `\"name\": \"Your Name\"` to `basics`");
    }
    let keys: Vec<&str> = doc
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, _)| k.as_str())
        .take(6)
        .collect();
    Diagnostic::error(format!(
        "this is not a JSON Resume file: it has no `basics` (its top-level keys: {})",
        keys.join(", ")
    ))
    .with_help("folio reads the JSON Resume format (jsonresume.org/schema): `basics`, `work`, `education`, ...")
}

/// Sections folio shows only as written, `meta`, and keys JSON Resume does not define.
fn keep_the_rest(doc: &Value, kept: &mut Map<String, Value>, notes: &mut Vec<String>) {
    let mapped = [
        "$schema",
        "basics",
        "work",
        "education",
        "certificates",
        "skills",
        "languages",
        "projects",
        "references",
    ];
    for (k, v) in doc.as_object().into_iter().flatten() {
        if mapped.contains(&k.as_str()) || entry::is_empty(v) {
            continue;
        }
        if k != "meta" {
            let how = if KEPT_SECTIONS.contains(&k.as_str()) && v.is_array() {
                "listed on the résumé page as written"
            } else {
                "not shown"
            };
            notes.push(format!(
                "{k}: {how}; kept in profile.yaml under extra.jsonresume and exported back"
            ));
        }
        kept.insert(k.clone(), v.clone());
    }
}

fn config(source: &Path, name: &str, label: Option<&str>, language: &str) -> String {
    let title = match label {
        Some(l) => format!("{name} — {l}"),
        None => name.to_string(),
    };
    let q = |s: &str| {
        serde_yaml::to_string(&ystr(s))
            .unwrap_or_default()
            .trim()
            .to_string()
    };
    format!(
        "# Imported from {} by folio import.\ntitle: {}\nbase_url: /\nlanguage: {}\njsonresume: true\n",
        source.display(),
        q(&title),
        q(language)
    )
}
