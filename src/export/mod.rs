//! `folio profile`: the text of platform profiles (Upwork, LinkedIn), field by
//! field, read from the same [`Site`] model the website is built from, and
//! checked against the platform's limits and rules.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use crate::config::key_line;
use crate::content::model::Site;
use crate::diagnostics::{Diagnostic, Error, Result, nearest};
use crate::platform::{Limits, Platform};
use crate::slug::slugify;

mod checks;
mod covers;
mod fields;
mod portfolio;
mod skills;
mod text;

pub use covers::write_covers;
pub use text::{fold_split, header, thousands, to_json, to_text, write_files};

/// Which profiles to export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Which {
    General,
    Specialized(String),
    All,
}

/// One pasteable field.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// Stable id: `title`, `portfolio.1.description`.
    pub id: String,
    /// Header shown above the text.
    pub label: String,
    /// The exact text to paste.
    pub text: String,
    /// For list fields (skills): the entries.
    pub items: Option<Vec<String>>,
    /// Unicode scalar values.
    pub chars: usize,
    /// UTF-16 code units (what browsers count).
    pub utf16: usize,
    /// What the limits judge: the entry count for lists, else the larger of the two.
    pub count: usize,
    pub min: Option<usize>,
    pub max: Option<usize>,
    /// The file it comes from, and the line where known.
    pub source: String,
    pub line: Option<usize>,
    /// Set when folio chose the text (skills without a list: how, and how to
    /// choose) or changed it (languages: the LinkedIn levels given as Upwork's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The findings about this field (also in [`ProfileExport::findings`]).
    #[serde(skip)]
    pub findings: Vec<Diagnostic>,
    /// The file `--out` writes it to (without `.txt`).
    #[serde(skip)]
    file: String,
    #[serde(skip)]
    rule: &'static str,
    #[serde(skip)]
    check_contact: bool,
}

/// The export of one profile.
#[derive(Debug, Clone, Serialize)]
pub struct ProfileExport {
    /// `general` or the specialized profile's slug.
    pub profile: String,
    pub platform: Platform,
    pub source: String,
    pub fields: Vec<Field>,
    /// Every finding: those of the fields, then those of the whole profile.
    pub findings: Vec<Diagnostic>,
    /// The findings about the whole profile, not about one field (also in `findings`).
    #[serde(skip)]
    pub profile_findings: Vec<Diagnostic>,
    /// The slugs of the projects in its portfolio, in order (`portfolio.N` is the N-th).
    #[serde(skip)]
    pub portfolio: Vec<String>,
}

impl ProfileExport {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|d| d.is_error()).count()
    }
}

/// The limits of `platform` with the site's overrides; unknown keys are errors in folio.yaml.
pub fn limits(site: &Site, platform: Platform) -> Result<Limits> {
    let overrides = match platform {
        Platform::Upwork => &site.config.upwork.limits,
        Platform::Linkedin => &site.config.linkedin.limits,
    };
    Limits::new(platform, overrides).map_err(|mut e| {
        // Each unknown key at its line in folio.yaml.
        let config =
            std::fs::read_to_string(site.root.join(crate::config::CONFIG_FILE)).unwrap_or_default();
        let unknown = Limits::unknown_overrides(platform, overrides);
        for (d, k) in e.diagnostics.iter_mut().zip(unknown) {
            let line = config
                .lines()
                .position(|l| l.trim_start().starts_with(&format!("{k}:")))
                .map_or(1, |i| i + 1);
            *d = d
                .clone()
                .in_file(crate::config::CONFIG_FILE)
                .at(line, None, Some(&config));
        }
        e
    })
}

/// Exports the chosen profiles for `platform`.
pub fn export(site: &Site, platform: Platform, which: &Which) -> Result<Vec<ProfileExport>> {
    let limits = limits(site, platform)?;
    let mut sources = Sources::new(site);
    let mut out = Vec::new();
    match which {
        Which::General => out.push(fields::export_one(site, &limits, None, &mut sources)),
        Which::Specialized(name) => {
            let sp = site
                .profiles
                .iter()
                .find(|p| p.slug == *name || p.slug == slugify(name))
                .ok_or_else(|| {
                    let known: Vec<&str> = site.profiles.iter().map(|p| p.slug.as_str()).collect();
                    let help = match nearest(name, known.iter().copied()) {
                        Some(n) => format!("did you mean `{n}`?"),
                        None if known.is_empty() => {
                            "add one in content/profiles/NAME.yaml".to_string()
                        }
                        None => format!("specialized profiles: {}", known.join(", ")),
                    };
                    Error::single(
                        Diagnostic::error(format!("there is no specialized profile `{name}`"))
                            .in_file(format!("content/profiles/{name}.yaml"))
                            .with_help(help),
                    )
                })?;
            out.push(fields::export_one(site, &limits, Some(sp), &mut sources));
        }
        Which::All => {
            out.push(fields::export_one(site, &limits, None, &mut sources));
            for sp in &site.profiles {
                out.push(fields::export_one(site, &limits, Some(sp), &mut sources));
            }
        }
    }
    Ok(out)
}

/// What `folio check` reports of the platforms' rules: every finding of every
/// profile on every platform, once, with the platform it comes from, as a
/// warning (an Upwork limit is the profile's business, not the site's; `folio
/// profile` fails on it). An error in the platforms' settings (`upwork.limits`
/// in folio.yaml) is the site's, so it is an error here.
pub fn platform_findings(site: &Site) -> Result<Vec<PlatformFinding>> {
    let mut out: Vec<PlatformFinding> = Vec::new();
    // Each finding once (a project in several profiles, a rule of both platforms).
    let mut seen = std::collections::HashSet::new();
    let mut errors = Vec::new();
    for platform in [Platform::Upwork, Platform::Linkedin] {
        let exports = match export(site, platform, &Which::All) {
            Ok(e) => e,
            Err(e) => {
                errors.extend(e.diagnostics);
                continue;
            }
        };
        for d in exports.into_iter().flat_map(|e| e.findings) {
            if !seen.insert((d.file.clone(), d.line, d.message.clone(), d.is_error())) {
                continue;
            }
            out.push(PlatformFinding {
                platform,
                diagnostic: Diagnostic {
                    severity: crate::diagnostics::Severity::Warning,
                    ..d.clone()
                },
                original: d,
            });
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::new(errors))
    }
}

/// A platform's finding as `folio check` reports it.
#[derive(Debug, Clone)]
pub struct PlatformFinding {
    pub platform: Platform,
    /// The finding as a warning.
    pub diagnostic: Diagnostic,
    /// The finding as `folio profile` reports it (an error or a warning).
    pub original: Diagnostic,
}

impl PlatformFinding {
    /// Whether `folio profile` fails on it.
    pub fn fails_profile(&self) -> bool {
        self.original.is_error()
    }

    /// `warning[upwork]: content/profile.yaml:4: …`
    pub fn render(&self, color: bool) -> String {
        // The label is the first word of a rendered diagnostic (painted or not).
        self.diagnostic.render(color).replacen(
            "warning",
            &format!("warning[{}]", self.platform.key()),
            1,
        )
    }
}

/// Source texts and the parser's positions in them, read once, for finding lines.
struct Sources<'a> {
    root: &'a Path,
    /// The language loaded when not the default: its translations hold the keys they override.
    lang: Option<&'a str>,
    texts: HashMap<String, String>,
    spans: HashMap<String, crate::yaml::Spans>,
}

impl<'a> Sources<'a> {
    fn new(site: &'a Site) -> Self {
        Sources {
            root: &site.root,
            lang: (!site.lang_prefix.is_empty()).then_some(site.lang.as_str()),
            texts: HashMap::new(),
            spans: HashMap::new(),
        }
    }
    fn text(&mut self, source: &str) -> &str {
        self.texts.entry(source.to_string()).or_insert_with(|| {
            crate::source::read(self.root, &self.root.join(source))
                .map(|f| f.text)
                .unwrap_or_default()
        })
    }
    /// The file that holds the top-level `key` of the YAML file `source`: its
    /// translation into the language loaded when that has the key, else `source`.
    fn holder(&mut self, source: &str, key: &str) -> String {
        let shown = self.shown(source);
        if shown != source && key_line(self.text(&shown), key).is_some() {
            shown
        } else {
            source.to_string()
        }
    }
    /// The file to name for a whole profile: its translation into the language
    /// loaded when there is one (its text is what the reader sees), else `source`.
    fn shown(&self, source: &str) -> String {
        match self.lang {
            Some(lang) => {
                let translation = crate::content::missing::translation_of(source, lang);
                let has = self.root.join(&translation).is_file();
                if has { translation } else { source.to_string() }
            }
            None => source.to_string(),
        }
    }
    fn key_line(&mut self, source: &str, key: &str) -> Option<usize> {
        let text = self.text(source);
        key_line(text, key).or_else(|| crate::yaml::any_key_line(text, key))
    }
    /// The line of the value at `path` (`experience[0].company`) in the YAML
    /// file `source`, from the parser; else of the nearest enclosing value.
    fn value_line(&mut self, source: &str, path: &str) -> Option<usize> {
        if !self.spans.contains_key(source) {
            let spans = crate::yaml::Spans::of(self.text(source), 1);
            self.spans.insert(source.to_string(), spans);
        }
        let spans = self.spans.get(source)?;
        let mut path = path;
        loop {
            if let Some(at) = spans.value(path) {
                return Some(at.line);
            }
            path = &path[..path.rfind(['.', '['])?];
        }
    }
    /// The first line containing `needle` (at or after `from`), if any: for
    /// text inside a value whose line the parser gave (contact details).
    fn find_line(&mut self, source: &str, needle: &str, from: Option<usize>) -> Option<usize> {
        let text = self.text(source);
        let skip = from.unwrap_or(1).saturating_sub(1);
        let first = needle.lines().next().unwrap_or(needle).trim();
        if first.is_empty() {
            return None;
        }
        text.lines()
            .enumerate()
            .skip(skip)
            .find(|(_, l)| l.contains(first))
            .map(|(i, _)| i + 1)
    }
}

/// Where a field comes from (file and line), and the file `--out` saves it to.
struct Place {
    source: String,
    line: Option<usize>,
    file: String,
}

impl Place {
    fn new(source: &str, line: Option<usize>, file: &str) -> Place {
        Place {
            source: source.to_string(),
            line,
            file: file.to_string(),
        }
    }
}
