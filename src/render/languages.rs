//! The languages of a site side by side: where each page is in every
//! language, for the alternate links, the language switcher and the sitemap.
//! A language's pages are known by their path without the language's prefix
//! (`projects/a/` for `zh/projects/a/`).

use std::collections::HashMap;
use std::sync::Arc;

use serde::Serialize;

use crate::content::model::{Location, Site};

/// Every loaded language of one site, the default first.
pub struct Languages {
    langs: Vec<Lang>,
}

struct Lang {
    site: Arc<Site>,
    name: String,
    /// The language's pages by path without its prefix → translated.
    pages: HashMap<String, bool>,
}

/// The same page in one language (`page.alternates`).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Alternate {
    /// The language's code (`zh`).
    pub lang: String,
    /// The language's name in itself (`中文`), for a switcher.
    pub name: String,
    /// Where the page is in that language; its home when not translated.
    pub url: String,
    pub permalink: String,
    /// The page is translated into that language.
    pub translated: bool,
    /// The language of the page itself.
    pub current: bool,
}

/// A `<link rel="alternate" hreflang>` of a page (`page.hreflang`), `x-default` last.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct HrefLang {
    pub lang: String,
    pub href: String,
}

impl Languages {
    /// The languages of these loads of one site (the default language first).
    pub fn new(sites: Vec<Arc<Site>>) -> Self {
        // One language has no alternates: its pages are never looked up
        // (at 10,000 projects the map costs `serve` milliseconds per save).
        let alone = sites.len() == 1;
        let langs = sites
            .into_iter()
            .map(|site| Lang {
                name: crate::config::native_name(&site.lang),
                pages: if alone {
                    HashMap::new()
                } else {
                    pages_of(&site)
                },
                site,
            })
            .collect();
        Languages { langs }
    }

    /// A site in one language only.
    pub fn one(site: Arc<Site>) -> Self {
        Languages::new(vec![site])
    }

    /// How many languages.
    pub fn len(&self) -> usize {
        self.langs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.langs.is_empty()
    }

    /// The loads, the default language first.
    pub fn sites(&self) -> impl Iterator<Item = &Site> {
        self.langs.iter().map(|l| &*l.site)
    }

    /// The page at `path` (with the prefix of `site`'s language) in every
    /// language: where it is translated, the page; elsewhere, that language's home.
    pub fn alternates(&self, site: &Site, path: &str) -> Vec<Alternate> {
        if self.langs.len() < 2 {
            return Vec::new();
        }
        let bare = path.strip_prefix(&site.lang_prefix).unwrap_or(path);
        self.langs
            .iter()
            .map(|l| {
                let current = l.site.lang == site.lang;
                let translated = l.pages.get(bare).copied().unwrap_or(false);
                let at = match current || translated {
                    true => format!("{}{bare}", l.site.lang_prefix),
                    false => l.site.lang_prefix.clone(),
                };
                let loc = Location::new(&l.site.config, &l.site.base_path, &at);
                Alternate {
                    lang: l.site.lang.clone(),
                    name: l.name.clone(),
                    url: loc.url,
                    permalink: loc.permalink,
                    translated,
                    current,
                }
            })
            .collect()
    }

    /// The `hreflang` links of the page at `path`: every language it is
    /// translated into and `x-default` (the default language's page); none
    /// when the page itself is not translated (it has no alternates of its own).
    pub fn hreflang(&self, site: &Site, path: &str) -> Vec<HrefLang> {
        hreflang_of(&self.alternates(site, path))
    }
}

/// The `hreflang` links of a page with these alternates (see [`Languages::hreflang`]).
pub fn hreflang_of(alternates: &[Alternate]) -> Vec<HrefLang> {
    if !alternates.iter().any(|a| a.current && a.translated) {
        return Vec::new();
    }
    let mut links: Vec<HrefLang> = alternates
        .iter()
        .filter(|a| a.translated)
        .map(|a| HrefLang {
            lang: a.lang.clone(),
            href: a.permalink.clone(),
        })
        .collect();
    if let Some(default) = alternates.first().filter(|a| a.translated) {
        links.push(HrefLang {
            lang: "x-default".into(),
            href: default.permalink.clone(),
        });
    }
    links
}

/// Every page of a load by its path without the language's prefix, and
/// whether it is translated (the pages folio makes always are).
fn pages_of(site: &Site) -> HashMap<String, bool> {
    let bare = |l: &Location| {
        l.path
            .strip_prefix(&site.lang_prefix)
            .unwrap_or(&l.path)
            .to_string()
    };
    let mut pages: HashMap<String, bool> = ["", "projects/", "skills/", "resume/", "404.html"]
        .into_iter()
        .map(|p| (p.to_string(), true))
        .collect();
    pages.extend(
        site.projects
            .iter()
            .map(|p| (bare(&p.location), p.translated)),
    );
    pages.extend(site.pages.iter().map(|p| (bare(&p.location), p.translated)));
    pages.extend(site.skills.iter().map(|s| (bare(&s.location), true)));
    pages.extend(site.tags.iter().map(|t| (bare(&t.location), true)));
    pages.extend(site.profiles.iter().map(|p| (bare(&p.location), true)));
    pages
}

/// The sitemap of every language, each page with its `hreflang` alternates.
pub(super) fn sitemap(languages: &Languages) -> String {
    let sites: Vec<&Site> = languages.sites().collect();
    let alternates = |site: &Site, loc: &Location| {
        languages
            .hreflang(site, &loc.path)
            .into_iter()
            .map(|h| (h.lang, h.href))
            .collect()
    };
    crate::feeds::sitemap(&sites, &alternates)
}
