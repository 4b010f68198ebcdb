//! Projects kept as one data record per file with their text in Markdown
//! files named after them, one per language: Nuxt Content's data collection
//! (`content/projects/<name>.json` or `.yml`, with `title`, `tech`, `link`…)
//! and a page collection of descriptions (`descriptions/<lang>/<name>.md` or
//! `<name>.<lang>.md`) the site's components join by name. Each record is one
//! write-up: its keys as front matter (a value per language, `{en, pt}` or
//! `title_en`, read in the write-up's language), its text in the default
//! language (`defaultLocale` of the i18n config) as the body, and its other
//! languages as translations (`index.<lang>.md`, see [`translations`]).

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::Report;
use super::refs::SiteMap;
use super::sources::{Record, Source, is_language, stem, unique};
use super::write::Planned;

/// A project: its record and its text in each language.
#[derive(Debug)]
pub struct Project {
    pub file: PathBuf,
    pub map: Map<String, Value>,
    pub slug: String,
    /// (language, Markdown file), sorted.
    pub texts: Vec<(String, PathBuf)>,
}

/// The projects of a section kept as records, and the site's languages.
#[derive(Debug)]
pub struct Described {
    /// The default language first.
    pub languages: Vec<String>,
    pub projects: Vec<Project>,
}

/// The section's projects kept as records, when at least one record has a
/// Markdown text named after it.
pub fn find(src: &Path, section: &Path) -> Option<Described> {
    let dir = src.join(section);
    let records = record_files(&dir);
    if records.is_empty() {
        return None;
    }
    let (default, locales) = i18n(src);
    let texts = texts(&dir, &locales);
    let mut taken = Vec::new();
    let mut projects = Vec::new();
    for (file, map) in records {
        let name = stem(&file);
        let slug_key = map.get("slug").and_then(Value::as_str).map(str::to_string);
        let names = |n: &String| *n == name || slug_key.as_ref() == Some(n);
        let mine: Vec<(String, PathBuf)> = (texts.iter().filter(|(n, _, _)| names(n)))
            .map(|(_, l, p)| (l.clone().unwrap_or_default(), p.clone()))
            .collect();
        let (slug, _) = unique(&mut taken, slug_key.as_deref().unwrap_or(&name));
        projects.push(Project {
            file,
            map,
            slug,
            texts: mine,
        });
    }
    if projects.iter().all(|p| p.texts.is_empty()) {
        return None;
    }
    let languages = languages(default, &projects);
    for p in &mut projects {
        for (l, _) in &mut p.texts {
            if l.is_empty() {
                *l = languages[0].clone();
            }
        }
    }
    Some(Described {
        languages,
        projects,
    })
}

/// The site's languages, the default first: the i18n config's default, else
/// the language most texts are in; then the other languages of the texts.
fn languages(default: Option<String>, projects: &[Project]) -> Vec<String> {
    let mut all: Vec<String> = (projects.iter())
        .flat_map(|p| p.texts.iter().map(|(l, _)| l.clone()))
        .filter(|l| !l.is_empty())
        .collect();
    all.sort();
    let count = |l: &String| all.iter().filter(|x| *x == l).count();
    // The most texts; of two as many, the first by name.
    let most = (all.iter()).max_by(|a, b| count(a).cmp(&count(b)).then(b.cmp(a)));
    let first = default
        .or_else(|| most.cloned())
        .unwrap_or_else(|| "en".into());
    let mut languages = vec![first];
    for l in all {
        if !languages.contains(&l) {
            languages.push(l);
        }
    }
    languages
}

/// The files of `dir` holding one record each (a mapping with a title or name).
fn record_files(dir: &Path) -> Vec<(PathBuf, Map<String, Value>)> {
    super::datafile::data_files(dir)
        .into_iter()
        .filter_map(|f| match super::datafile::parse(&f)? {
            Value::Object(map) if ["title", "name"].iter().any(|k| titled(map.get(*k))) => {
                Some((f, map))
            }
            _ => None,
        })
        .collect()
}

/// A title: text, or a text per language (`{en: …, pt: …}`).
fn titled(v: Option<&Value>) -> bool {
    match v {
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Object(m)) => !m.is_empty() && m.keys().all(|k| is_language(k)),
        _ => false,
    }
}

/// The Markdown files of `dir` and its folders: (name, language, file); the
/// language of a suffix (`oscar.en.md`) or of a folder (`en/oscar.md`), one
/// of `locales` when the site names them (else none: the default language).
fn texts(dir: &Path, locales: &[String]) -> Vec<(String, Option<String>, PathBuf)> {
    // Without locales named, two letters (`en`, `pt-BR`): not a folder such as `old`.
    let known = |l: &str| match locales {
        [] => is_language(l) && l.split('-').next().is_some_and(|p| p.len() == 2),
        _ => locales.iter().any(|x| x == l),
    };
    walkdir::WalkDir::new(dir)
        .max_depth(4)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            let x = p.extension().and_then(|x| x.to_str()).unwrap_or_default();
            ["md", "markdown", "mdx"].contains(&x.to_ascii_lowercase().as_str())
        })
        .map(|p| {
            let name = stem(&p);
            let full = p.file_stem().map(|s| s.to_string_lossy().into_owned());
            let suffix = full.and_then(|f| Some(f.rsplit_once('.')?.1.to_string()));
            let folders = p.strip_prefix(dir).unwrap_or(&p).parent().map(|f| {
                f.iter()
                    .map(|c| c.to_string_lossy().into_owned())
                    .rfind(|c| known(c.as_str()))
            });
            let lang = suffix.filter(|s| known(s.as_str())).or(folders.flatten());
            (name, lang, p)
        })
        .collect()
}

static DEFAULT_LOCALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"defaultLocale\s*:\s*["']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)["']"#)
        .expect("valid regex")
});
static LOCALE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\bcode\s*:\s*["']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)["']"#)
        .expect("valid regex")
});

/// The i18n config's default locale and its locales' codes (Nuxt's
/// `i18n: { defaultLocale: "pt", locales: [{ code: "en" }, …] }`).
fn i18n(src: &Path) -> (Option<String>, Vec<String>) {
    let names = ["nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs"];
    let more = ["i18n.config.ts", "i18n.config.js", "i18n/i18n.config.ts"];
    let text: String = (names.iter().chain(&more))
        .filter_map(|n| std::fs::read_to_string(src.join(n)).ok())
        .collect();
    let default = DEFAULT_LOCALE.captures(&text).map(|c| c[1].to_string());
    let mut codes: Vec<String> = LOCALE_CODE
        .captures_iter(&text)
        .map(|c| c[1].to_string())
        .collect();
    codes.extend(default.clone());
    codes.sort();
    codes.dedup();
    (default, codes)
}

impl Described {
    /// The write-ups: one per record (in the default language), then those
    /// of `found` that are no record's text, each with a slug none before it has.
    pub fn sources(&self, src: &Path, found: Vec<Source>) -> Vec<Source> {
        let claimed: Vec<&PathBuf> = (self.projects.iter())
            .flat_map(|p| p.texts.iter().map(|(_, f)| f))
            .collect();
        let mut taken: Vec<String> = self.projects.iter().map(|p| p.slug.clone()).collect();
        let mut sources: Vec<Source> = (self.projects.iter())
            .map(|p| self.source(src, p, &self.languages[0]))
            .collect();
        for mut s in found.into_iter().filter(|s| !claimed.contains(&&s.path)) {
            let base = s.collided.take().unwrap_or_else(|| s.slug.clone());
            (s.slug, s.collided) = unique(&mut taken, &base);
            sources.push(s);
        }
        sources
    }

    /// The write-up of `p` in `lang`: its record read in that language, with
    /// its text in it (none when it has no text in `lang`).
    fn source(&self, src: &Path, p: &Project, lang: &str) -> Source {
        let text = p.texts.iter().find(|(l, _)| l == lang).map(|(_, f)| f);
        let mdx = text.is_some_and(|t| t.extension().is_some_and(|x| x == "mdx"));
        Source {
            path: text.unwrap_or(&p.file).clone(),
            bundle: None,
            slug: p.slug.clone(),
            file_date: None,
            mdx,
            collided: None,
            part: None,
            record: Some(Record {
                map: localize(&p.map, lang, &self.languages),
                line: 1,
                place: rel(src, &p.file).display().to_string(),
                text: text.cloned(),
            }),
        }
    }

    /// The translations to write (`content/projects/<slug>/index.<lang>.md`)
    /// of each project with a text in another language, and the languages
    /// added to `config`.
    pub fn translations(
        &self,
        src: &Path,
        map: &SiteMap,
        report: &mut Report,
        config: &mut serde_yaml::Mapping,
    ) -> crate::Result<Vec<Planned>> {
        let mut planned = Vec::new();
        for p in &self.projects {
            for (lang, _) in p.texts.iter().filter(|(l, _)| *l != self.languages[0]) {
                let s = self.source(src, p, lang);
                let (file, files) = super::translations::convert(src, &s, map, lang)?;
                planned.extend(files);
                report.files.push(file);
            }
        }
        if self.languages.len() > 1 {
            let language = config.get("language").and_then(|v| v.as_str());
            if language.is_some_and(|l| l != self.languages[0]) {
                config.remove("language");
            }
            let list = self
                .languages
                .iter()
                .cloned()
                .map(serde_yaml::Value::String);
            config.insert(
                "languages".into(),
                serde_yaml::Value::Sequence(list.collect()),
            );
        }
        Ok(planned)
    }
}

/// The record read in `lang`: a value per language (`{en: …, pt: …}`) as
/// the one of `lang` (else of the default language, the first of
/// `languages`); `title_en` as `title` in `en`, the other languages' left out.
pub fn localize(map: &Map<String, Value>, lang: &str, languages: &[String]) -> Map<String, Value> {
    let default = languages.first().map_or("", String::as_str);
    let ours = |l: &str| languages.iter().any(|x| x == l);
    let mut out = Map::new();
    let mut fallback = Map::new();
    for (k, v) in map {
        let v = match v {
            Value::Object(m) if !m.is_empty() && m.keys().all(|l| ours(l.as_str())) => {
                match m.get(lang).or_else(|| m.get(default)) {
                    Some(v) => v.clone(),
                    None => continue,
                }
            }
            v => v.clone(),
        };
        match k.rsplit_once(['_', '-']) {
            Some((base, l)) if ours(l) && !base.is_empty() => {
                if l == lang {
                    out.insert(base.to_string(), v);
                } else if l == default {
                    fallback.insert(base.to_string(), v);
                }
            }
            _ => {
                out.entry(k.clone()).or_insert(v);
            }
        }
    }
    for (k, v) in fallback {
        out.entry(k).or_insert(v);
    }
    out
}

fn rel(src: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(src).unwrap_or(p).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn langs() -> Vec<String> {
        vec!["pt".into(), "en".into()]
    }

    #[test]
    fn a_record_is_read_in_each_language() {
        let Value::Object(map) = json!({
            "title": {"pt": "Lanterna", "en": "Lantern"},
            "summary_pt": "Uma lanterna.",
            "summary_en": "A lantern.",
            "note_pt": "Só em português.",
            "tech": ["rust"],
        }) else {
            unreachable!()
        };
        let pt = localize(&map, "pt", &langs());
        assert_eq!(pt["title"], "Lanterna");
        assert_eq!(pt["summary"], "Uma lanterna.");
        let en = localize(&map, "en", &langs());
        assert_eq!(en["title"], "Lantern");
        assert_eq!(en["summary"], "A lantern.");
        assert_eq!(en["note"], "Só em português.");
        assert_eq!(en["tech"], json!(["rust"]));
        assert!(!en.contains_key("summary_pt") && !en.contains_key("title_en"));
    }

    #[test]
    fn records_take_their_texts_by_name_or_slug_and_language() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        let files = [
            (
                "nuxt.config.ts",
                "i18n: { defaultLocale: 'pt', locales: [{ code: 'en' }, { code: 'pt' }] }",
            ),
            (
                "content/work/kite.json",
                r#"{"title": {"pt": "Pipa", "en": "Kite"}}"#,
            ),
            ("content/work/sled.yml", "title: Sled\nslug: snow-sled\n"),
            ("content/work/text/en/kite.md", "Kite text."),
            ("content/work/text/pt/kite.md", "Texto da pipa."),
            ("content/work/text/pt/snow-sled.md", "Trenó."),
            (
                "content/work/text/pt/other.md",
                "---\ntitle: Other\n---\nOwn page.",
            ),
        ];
        for (f, text) in files {
            std::fs::create_dir_all(s.join(f).parent().unwrap()).unwrap();
            std::fs::write(s.join(f), text).unwrap();
        }
        let d = find(s, Path::new("content/work")).unwrap();
        assert_eq!(d.languages, ["pt", "en"]);
        let slugs: Vec<&str> = d.projects.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["kite", "snow-sled"]);
        let kite: Vec<&str> = d.projects[0]
            .texts
            .iter()
            .map(|(l, _)| l.as_str())
            .collect();
        assert_eq!(kite, ["en", "pt"]);
        assert_eq!(d.projects[1].texts.len(), 1);
        let (found, _) = super::super::sources::discover(&s.join("content/work"));
        let sources = d.sources(s, found);
        let slugs: Vec<&str> = sources.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["kite", "snow-sled", "other"]);
        let kite = sources[0].record.as_ref().unwrap();
        assert_eq!(kite.map["title"], "Pipa");
        assert!(kite.text.as_ref().unwrap().ends_with("pt/kite.md"));
    }

    #[test]
    fn records_without_texts_are_left_to_the_other_readers() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        std::fs::create_dir_all(s.join("content/work")).unwrap();
        std::fs::write(s.join("content/work/kite.json"), r#"{"title": "Kite"}"#).unwrap();
        std::fs::write(s.join("content/work/sled.md"), "Sled.").unwrap();
        assert!(find(s, Path::new("content/work")).is_none());
    }
}
