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
        Ok(())
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

    #[test]
    fn language_tags() {
        assert!(is_language_tag("en"));
        assert!(is_language_tag("zh-Hans-CN"));
        assert!(!is_language_tag("english"));
        assert!(!is_language_tag("e"));
    }
}
