//! A Hugo multilingual site's other languages (`content/ja/project` beside
//! the imported `content/en/project`): each write-up that matches one of the
//! default language by file or bundle name becomes its translation
//! (`content/projects/<slug>/index.ja.md`) and the languages go into
//! folio.yaml (`languages: [en, ja]`); the report names those with no match.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::refs::SiteMap;
use super::sources::{Source, discover, is_language};
use super::write::Planned;
use super::{FileReport, Report, page};

/// The section `content/<lang>/<name>`'s language and name.
fn language_section(section: &Path) -> Option<(String, String)> {
    let parts: Vec<String> = section
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.as_slice() {
        [content, lang, name] if content == "content" && is_language(lang) => {
            Some((lang.clone(), name.clone()))
        }
        _ => None,
    }
}

/// The same section in the site's other language folders: (language, folder).
fn other_languages(src: &Path, lang: &str, name: &str) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(src.join("content")) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = entries
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|l| l != lang && is_language(l))
        .map(|l| (src.join("content").join(&l).join(name), l))
        .filter(|(dir, _)| dir.is_dir())
        .map(|(dir, l)| (l, dir))
        .collect();
    found.sort();
    found
}

/// A name for matching across languages: letters and digits, lower case
/// (`201404narok-water` and `201404-narok-water` match).
fn key(slug: &str) -> String {
    slug.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The translations of `sources` (the default language's write-ups) to
/// write, and the languages added to `config`; those with no match are
/// named in the report as not imported.
pub fn plan(
    src: &Path,
    section: &Path,
    sources: &[Source],
    map: &SiteMap,
    report: &mut Report,
    config: &mut serde_yaml::Mapping,
) -> crate::Result<Vec<Planned>> {
    let Some((lang, name)) = language_section(section) else {
        return Ok(Vec::new());
    };
    let mut planned = Vec::new();
    let settings = super::settings::settings(src);
    let mut languages = vec![default_code(config, &code_of(&settings, &lang))];
    for (folder, dir) in other_languages(src, &lang, &name) {
        let other = code_of(&settings, &folder);
        let (found, _) = discover(&dir);
        for mut t in found {
            let Some(of) = sources.iter().find(|s| key(&s.slug) == key(&t.slug)) else {
                report.skipped.push((
                    rel(src, &t.path),
                    format!("a `{folder}` write-up with no page of the same name in `{lang}`: not imported (import it with --section {})", rel(src, &dir).display()),
                ));
                continue;
            };
            t.slug = of.slug.clone();
            t.collided = None;
            let (file, files) = convert(src, &t, map, &other)?;
            planned.extend(files);
            report.files.push(file);
            if !languages.contains(&other) {
                languages.push(other.clone());
            }
        }
    }
    if languages.len() > 1 {
        let list = languages
            .into_iter()
            .map(serde_yaml::Value::String)
            .collect();
        config.insert("languages".into(), serde_yaml::Value::Sequence(list));
    }
    Ok(planned)
}

/// Write-up `s` converted as the translation into `lang` of the write-up
/// with its slug: its text planned as `content/projects/<slug>/index.<lang>.md`.
pub fn convert(
    src: &Path,
    s: &Source,
    map: &SiteMap,
    lang: &str,
) -> crate::Result<(FileReport, Vec<Planned>)> {
    let (mut file, files) = page::convert(s, map)?;
    file.source = rel(src, &s.path);
    let index = Path::new("content/projects").join(&s.slug).join("index.md");
    let translated = index.with_file_name(format!("index.{lang}.md"));
    let mut planned = Vec::with_capacity(files.len());
    for mut p in files {
        if p.rel == index {
            p.rel = translated.clone();
            file.dest = Some(translated.clone());
        }
        planned.push(p);
    }
    Ok((file, planned))
}

/// The code folio writes for the Hugo language `key` (its content folder):
/// the key when it is the first part of the language's `languageCode` or
/// there is none, else that code (`jp` with `languageCode = "ja-JP"` →
/// `ja-JP`): folio gives it to `lang=` and to its theme's words, which need a
/// real language.
fn code_of(settings: &Map<String, Value>, key: &str) -> String {
    let code = settings
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("languages"))
        .and_then(|(_, v)| v.get(key))
        .and_then(Value::as_object)
        .and_then(|l| {
            l.iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("languageCode"))
                .and_then(|(_, v)| v.as_str())
        });
    match code {
        Some(c)
            if c.split(['-', '_'])
                .next()
                .is_some_and(|p| !p.eq_ignore_ascii_case(key)) =>
        {
            c.to_string()
        }
        _ => key.to_string(),
    }
}

/// The site's `language:` (`en-US`) when the folder (`en`) is its primary
/// part, else the folder's name: folio wants it first in `languages:`.
fn default_code(config: &serde_yaml::Mapping, lang: &str) -> String {
    config
        .get("language")
        .and_then(|v| v.as_str())
        .filter(|l| l.split(['-', '_']).next() == Some(lang))
        .map_or_else(|| lang.to_string(), str::to_string)
}

fn rel(src: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(src).unwrap_or(p).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_folder_that_is_no_language_code_is_named_by_its_language_code() {
        let settings = serde_json::json!({
            "Languages": {
                "us": {"languageCode": "en-US"},
                "jp": {"LanguageCode": "ja-JP"},
                "de": {"languageCode": "de-DE"},
                "fr": {}
            }
        });
        let settings = settings.as_object().unwrap();
        assert_eq!(code_of(settings, "us"), "en-US");
        assert_eq!(code_of(settings, "jp"), "ja-JP");
        // The folder is the language: URLs keep it.
        assert_eq!(code_of(settings, "de"), "de");
        assert_eq!(code_of(settings, "fr"), "fr");
        assert_eq!(code_of(&Map::new(), "cn"), "cn");
    }
}
