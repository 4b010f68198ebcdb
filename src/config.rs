//! `folio.yaml`: the site configuration.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Error};
use crate::source::{self, SourceFile};
use crate::yaml;

pub const CONFIG_FILE: &str = "folio.yaml";

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub title: String,
    #[serde(default = "default_base_url")]
    pub base_url: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default = "default_language")]
    pub language: String,
    /// The site's languages, the default first (at the site root), the others
    /// under `/<code>/`: `languages: [en, zh]` or items `{code, title, description}`.
    /// Empty: one language, `language:`. See [`Config::languages`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    #[serde(default = "default_theme")]
    pub theme: String,
    #[serde(default = "default_output_dir")]
    pub output_dir: PathBuf,
    #[serde(default)]
    pub upwork: UpworkConfig,
    #[serde(default)]
    pub linkedin: LinkedinConfig,
    #[serde(default)]
    pub github_pages: GithubPagesConfig,
    #[serde(default)]
    pub proposal: ProposalConfig,
    /// Publish the résumé as JSON Resume at `/resume.json`.
    #[serde(default)]
    pub jsonresume: bool,
    /// Which free-word pages the site has: `taxonomies: { tags: false }` hides tag pages.
    #[serde(default)]
    pub taxonomies: Taxonomies,
    /// What Markdown may use beyond CommonMark: `markdown: { math: true }`.
    #[serde(default)]
    pub markdown: MarkdownConfig,
    /// Draw a share image (`og:image`, 1200×630) for every page; `false` turns
    /// them off (a faster build, pages without a preview picture).
    #[serde(default = "default_true")]
    pub share_cards: bool,
    /// Fonts in `static/fonts/` that share cards use besides the theme's
    /// (Latin) ones: `card_fonts: [NotoSansSC-Regular.otf]` for Chinese titles.
    #[serde(default)]
    pub card_fonts: Vec<String>,
    /// Free data passed to templates as `site.extra`.
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One language of a site: its code, and the site's title and description
/// in it when they differ from the site's (`title:`, `description:`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Language {
    pub code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A language's name in itself, for a switcher (`中文` for `zh`; the code
/// itself when unknown).
pub fn native_name(code: &str) -> String {
    known_name(code).map_or_else(|| code.to_string(), String::from)
}

fn known_name(code: &str) -> Option<&'static str> {
    let primary = code.split('-').next().unwrap_or(code).to_ascii_lowercase();
    Some(match primary.as_str() {
        "en" => "English",
        "zh" => "中文",
        "ja" => "日本語",
        "ko" => "한국어",
        "fr" => "Français",
        "de" => "Deutsch",
        "es" => "Español",
        "pt" => "Português",
        "it" => "Italiano",
        "ru" => "Русский",
        "ar" => "العربية",
        "hi" => "हिन्दी",
        "vi" => "Tiếng Việt",
        "uk" => "Українська",
        "pl" => "Polski",
        "nl" => "Nederlands",
        "tr" => "Türkçe",
        _ => return None,
    })
}

impl Language {
    /// A language with only its code (the site's title and description).
    pub fn new(code: &str) -> Language {
        Language {
            code: code.to_string(),
            title: None,
            description: None,
        }
    }
}

/// A `languages:` item as written: `zh` or `{code: zh, title: …, description: …}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageMap {
    code: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
}

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Language;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(
                    "a language code (`zh`) or a map `{code: zh, title: …, description: …}`",
                )
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Language, E> {
                Ok(Language::new(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Language, A::Error> {
                let m =
                    LanguageMap::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Language {
                    code: m.code,
                    title: m.title,
                    description: m.description,
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct UpworkConfig {
    /// The freelancer's public Upwork profile, linked from the call to action.
    #[serde(default)]
    pub profile_url: Option<String>,
    /// Overrides of Upwork's field limits (used by `folio profile`).
    #[serde(default)]
    pub limits: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalConfig {
    /// More ways job posts name your skills: `{JS: JavaScript, "tech docs": Technical Writing}`.
    #[serde(default)]
    pub synonyms: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LinkedinConfig {
    /// Overrides of LinkedIn's field limits (used by `folio profile --platform linkedin`).
    #[serde(default)]
    pub limits: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GithubPagesConfig {
    /// A custom domain: written to `CNAME` in the output.
    #[serde(default)]
    pub cname: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Taxonomies {
    /// A page per tag (`tags:` of projects), linked from the projects.
    #[serde(default = "yes")]
    pub tags: bool,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// `$…$` and `$$…$$` as math (MathML); off, so prices like `$50 … $80` stay text.
    #[serde(default)]
    pub math: bool,
}

impl Default for Taxonomies {
    fn default() -> Self {
        Taxonomies { tags: true }
    }
}

fn yes() -> bool {
    true
}

fn default_base_url() -> String {
    "/".into()
}
fn default_language() -> String {
    "en".into()
}
fn default_true() -> bool {
    true
}

fn default_theme() -> String {
    "default".into()
}
fn default_output_dir() -> PathBuf {
    PathBuf::from("public")
}

impl Config {
    /// Reads and validates `DIR/folio.yaml`.
    pub fn load(root: &Path) -> crate::Result<(Config, SourceFile)> {
        let path = root.join(CONFIG_FILE);
        if !path.is_file() {
            return Err(Error::single(Diagnostic::error(format!(
                "no {CONFIG_FILE} in {}: this folder is not a folio site",
                if root.as_os_str().is_empty() { Path::new(".") } else { root }.display()
            ))
            .with_help(format!(
                "run `folio init {}` to create a site here, or pass the site folder: `folio build path/to/site`",
                root.display()
            ))));
        }
        let file = source::read(root, &path)?;
        let mut config: Config = yaml::parse(&file, &file.text, 1)?;
        config.validate(&file)?;
        Ok((config, file))
    }

    fn validate(&mut self, file: &SourceFile) -> crate::Result<()> {
        let spans = yaml::Spans::of(&file.text, 1);
        let at_key = |key: &str, message: String, help: &str| {
            let at = spans.value(key).or_else(|| spans.key(key));
            let (line, col) = at.map_or((1, None), |p| (p.line, Some(p.column)));
            Error::single(
                Diagnostic::error(message)
                    .in_file(&file.display)
                    .at(line, col, Some(&file.text))
                    .with_help(help.to_string()),
            )
        };
        if self.title.trim().is_empty() {
            return Err(at_key(
                "title",
                "`title` is empty".into(),
                "give the site a title",
            ));
        }
        if let Some(cname) = &self.github_pages.cname
            && spans.key("base_url").is_none()
        {
            // A custom domain serves the site at its root.
            self.base_url = format!("https://{}/", cname.trim().trim_end_matches('/'));
        }
        self.base_url = normalize_base_url(&self.base_url).map_err(|e| {
            at_key(
                "base_url",
                e.message().to_string(),
                "use the address the site will live at, e.g. https://ana.github.io/portfolio/ or /",
            )
        })?;
        if !is_language_tag(&self.language) {
            return Err(at_key(
                "language",
                format!("`{}` is not a language tag", self.language),
                "use a BCP 47 tag such as en, zh, zh-CN, ja, pt-BR",
            ));
        }
        self.validate_languages(&spans, &at_key)
    }

    /// `languages:`: tags, each once; `language:`, when also written, is the
    /// first of them (the default), which it becomes when not written.
    fn validate_languages(
        &mut self,
        spans: &yaml::Spans,
        at_key: &dyn Fn(&str, String, &str) -> Error,
    ) -> crate::Result<()> {
        for (i, lang) in self.languages.iter().enumerate() {
            let item = format!("languages[{i}]");
            let key = match spans.value(&format!("{item}.code")) {
                Some(_) => format!("{item}.code"),
                None => item,
            };
            if !is_language_tag(&lang.code) {
                return Err(at_key(
                    &key,
                    format!("`{}` is not a language tag", lang.code),
                    "use a BCP 47 tag such as en, zh, zh-CN, ja, pt-BR",
                ));
            }
            if self.languages[..i].iter().any(|l| l.code == lang.code) {
                return Err(at_key(
                    &key,
                    format!("the language `{}` is listed twice", lang.code),
                    "list each language once; the first is the site's default",
                ));
            }
        }
        let Some(first) = self.languages.first() else {
            return Ok(());
        };
        if spans.key("language").is_some() && self.language != first.code {
            return Err(at_key(
                "language",
                format!(
                    "`language: {}` is not the first of `languages:` (`{}`), the default language",
                    self.language, first.code
                ),
                "remove `language:` (the first of `languages:` is the default), or list it first",
            ));
        }
        self.language = first.code.clone();
        Ok(())
    }

    /// The site's languages, the default first: `languages:`, or the one
    /// `language:` when the site has a single language.
    pub fn languages(&self) -> Vec<Language> {
        match self.languages.is_empty() {
            true => vec![Language::new(&self.language)],
            false => self.languages.clone(),
        }
    }

    /// The default language (at the site root).
    pub fn default_language(&self) -> Language {
        self.languages
            .first()
            .cloned()
            .unwrap_or_else(|| Language::new(&self.language))
    }

    /// The codes of the languages besides the default (whose files are translations).
    pub fn other_language_codes(&self) -> Vec<String> {
        self.languages()
            .into_iter()
            .skip(1)
            .map(|l| l.code)
            .collect()
    }

    /// The path part of `base_url`, always starting and ending with `/`.
    pub fn base_path(&self) -> String {
        base_path_of(&self.base_url)
    }
}

/// Checks a base URL and gives it a trailing slash.
pub fn normalize_base_url(url: &str) -> crate::Result<String> {
    let url = url.trim();
    let ok = url.starts_with('/')
        || url.starts_with("http://") && url.len() > 7
        || url.starts_with("https://") && url.len() > 8;
    if !ok || url.contains(char::is_whitespace) || url.contains(['?', '#']) {
        return Err(Error::msg(format!(
            "`{url}` is not a usable base_url: it must start with https://, http:// or /"
        )));
    }
    let mut url = url.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    Ok(url)
}

/// `https://a.github.io/portfolio/` → `/portfolio/`; `/` → `/`.
pub fn base_path_of(base_url: &str) -> String {
    let path = match base_url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => base_url,
    };
    let mut p = path.to_string();
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    if !p.ends_with('/') {
        p.push('/');
    }
    p
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The 1-based line where a top-level `key:` is written, if it is (from the
/// parser's marks, not a text search: a `key:` inside a string is not it).
pub fn key_line(text: &str, key: &str) -> Option<usize> {
    yaml::Spans::of(text, 1).key(key).map(|p| p.line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths() {
        assert_eq!(
            base_path_of("https://ana.github.io/portfolio/"),
            "/portfolio/"
        );
        assert_eq!(base_path_of("https://example.com"), "/");
        assert_eq!(base_path_of("/"), "/");
        assert_eq!(base_path_of("/sub/"), "/sub/");
    }

    #[test]
    fn base_url_normalized() {
        assert_eq!(
            normalize_base_url("https://a.b/x").unwrap(),
            "https://a.b/x/"
        );
        assert!(normalize_base_url("a.b/x").is_err());
        assert!(normalize_base_url("https://").is_err());
    }

    fn parse(text: &str) -> crate::Result<Config> {
        let file = SourceFile {
            display: PathBuf::from("folio.yaml"),
            path: PathBuf::from("folio.yaml"),
            text: text.into(),
        };
        let mut config: Config = yaml::parse(&file, &file.text, 1)?;
        config.validate(&file)?;
        Ok(config)
    }

    #[test]
    fn one_language_by_default() {
        let c = parse("title: T\nlanguage: pt-BR\n").unwrap();
        assert_eq!(c.languages(), vec![Language::new("pt-BR")]);
        assert_eq!(c.default_language().code, "pt-BR");
        assert!(c.other_language_codes().is_empty());
        let c = parse("title: T\n").unwrap();
        assert_eq!(c.languages(), vec![Language::new("en")]);
    }

    #[test]
    fn languages_as_codes_and_maps() {
        let c = parse(
            "title: T\nlanguages:\n  - en\n  - code: zh\n    title: 安娜\n    description: 作品集\n",
        )
        .unwrap();
        let langs = c.languages();
        assert_eq!(langs[0], Language::new("en"));
        assert_eq!(langs[1].code, "zh");
        assert_eq!(langs[1].title.as_deref(), Some("安娜"));
        assert_eq!(langs[1].description.as_deref(), Some("作品集"));
        assert_eq!(c.language, "en");
        assert_eq!(c.default_language().code, "en");
        assert_eq!(c.other_language_codes(), vec!["zh"]);
        // The first is the default, and `language:` follows it.
        let c = parse("title: T\nlanguages: [zh, en]\n").unwrap();
        assert_eq!(c.language, "zh");
        assert!(parse("title: T\nlanguage: en\nlanguages: [en, zh]\n").is_ok());
    }

    #[test]
    fn bad_languages_point_at_the_line() {
        let e = parse("title: T\nlanguages:\n  - en\n  - chinese\n").unwrap_err();
        let d = &e.diagnostics[0];
        assert_eq!(d.message, "`chinese` is not a language tag");
        assert_eq!(d.line, Some(4));
        assert!(d.help.is_some());
        let e = parse("title: T\nlanguages:\n  - en\n  - code: zh\n  - code: zh\n").unwrap_err();
        let d = &e.diagnostics[0];
        assert!(d.message.contains("listed twice"), "{}", d.message);
        assert_eq!(d.line, Some(5));
        let e = parse("title: T\nlanguage: zh\nlanguages: [en, zh]\n").unwrap_err();
        let d = &e.diagnostics[0];
        assert!(d.message.contains("not the first"), "{}", d.message);
        assert_eq!(d.line, Some(2));
        let e = parse("title: T\nlanguages:\n  - {code: zh, titel: X}\n").unwrap_err();
        assert!(e.message().contains("titel"), "{}", e.message());
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("en"));
        assert!(is_language_tag("zh-Hans-CN"));
        assert!(!is_language_tag("english"));
        assert!(!is_language_tag("e"));
    }
}
