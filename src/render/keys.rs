//! The site-wide data every page can read (Tera's global context), made once
//! per render, and the cache keys of pages made from it.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Tera, Value};

use super::cache::{RenderCache, hash_json, hash_of};
use crate::content::Revisions;
use crate::content::model::Site;
use crate::template_vars::Uses;
use crate::theme::Theme;

#[derive(Serialize)]
struct SiteVars<'a> {
    title: &'a str,
    description: &'a Option<String>,
    language: &'a str,
    base_url: &'a str,
    base_path: &'a str,
    theme: &'a str,
    upwork: &'a crate::config::UpworkConfig,
    extra: &'a std::collections::BTreeMap<String, serde_json::Value>,
}

/// A navigation entry.
#[derive(Serialize)]
struct NavItem {
    title: String,
    url: String,
    path: String,
}

/// Makes the cache keys of pages: what their templates can read of the
/// site-wide data, and what every page's `page` variable is made from.
/// Every key is 0 when nothing is cached.
pub(super) struct Keys<'a> {
    pub(super) caching: bool,
    /// Site-wide variable → its hash.
    globals: Vec<(&'static str, u64)>,
    /// Per template: the site-wide variables it can read.
    uses: &'a HashMap<String, Uses>,
    /// What every page's `page` variable and structured data are made from.
    pub(super) meta: u64,
}

impl<'a> Keys<'a> {
    pub(super) fn new(
        caching: bool,
        globals: Vec<(&'static str, u64)>,
        uses: &'a HashMap<String, Uses>,
    ) -> Self {
        let mut keys = Keys {
            caching,
            globals,
            uses,
            meta: 0,
        };
        keys.meta = hash_of((
            keys.global("site"),
            keys.global("profile"),
            keys.global("t"),
        ));
        keys
    }

    /// The keys of the last complete render, from the site-wide variables
    /// it kept (name → hash and value).
    pub(super) fn from_cache(
        globals: &HashMap<&'static str, (u64, Value)>,
        uses: &'a HashMap<String, Uses>,
    ) -> Self {
        let mut hashes: Vec<(&'static str, u64)> =
            globals.iter().map(|(n, (h, _))| (*n, *h)).collect();
        hashes.sort_by_key(|g| GLOBALS.iter().position(|n| n == &g.0));
        Keys::new(true, hashes, uses)
    }

    fn global(&self, name: &str) -> u64 {
        self.globals.iter().find(|g| g.0 == name).map_or(0, |g| g.1)
    }

    /// The key of what `template` can read of the site-wide data.
    pub(super) fn site(&self, template: &str) -> u64 {
        if !self.caching {
            return 0;
        }
        let reads = |g: &str| self.uses.get(template).is_none_or(|u| u.reads(g));
        hash_of((
            template,
            self.meta,
            self.globals
                .iter()
                .filter(|g| reads(g.0))
                .copied()
                .collect::<Vec<_>>(),
        ))
    }

    /// The key of the sitemap, robots.txt and feed: they show the projects'
    /// cards (not their bodies), skills, tags, profiles and pages.
    pub(super) fn lists(&self) -> u64 {
        hash_of((
            self.meta,
            ["projects", "skills", "tags", "profiles", "pages"].map(|g| self.global(g)),
        ))
    }
}

/// The site-wide variables, in the order they are hashed.
const GLOBALS: [&str; 9] = [
    "site", "profile", "projects", "skills", "tags", "profiles", "pages", "nav", "t",
];

/// Identifies the cards of these projects (by position).
pub(super) fn card_revs(revs: &Revisions, indexes: &mut dyn Iterator<Item = usize>) -> u64 {
    hash_of(indexes.map(|i| revs.card(i)).collect::<Vec<_>>())
}

/// Every project's card as a template value, made once and shared by every
/// list that shows it (and, in `serve`, kept while the card is unchanged).
pub(super) fn cards(site: &Site, cache: &mut RenderCache) -> Vec<Value> {
    let caching = cache.enabled;
    let old = std::mem::take(&mut cache.cards);
    let revs = &cache.revisions;
    let cards: Vec<Value> = site
        .projects
        .par_iter()
        .enumerate()
        .map(|(i, p)| match old.get(&revs.card(i)) {
            Some(v) if caching => v.clone(),
            _ => Value::from_serializable(&p.card()),
        })
        .collect();
    if caching {
        cache.cards = (0..cards.len())
            .map(|i| (revs.card(i), cards[i].clone()))
            .collect();
    }
    cards
}

/// A site-wide variable's hash and value (the last value, if the hash is the same).
fn global<T: Serialize + ?Sized>(
    old: &mut HashMap<&'static str, (u64, Value)>,
    caching: bool,
    name: &'static str,
    value: &T,
) -> (u64, Value) {
    if !caching {
        return (0, Value::from_serializable(value));
    }
    let mut h = DefaultHasher::new();
    hash_json(&mut h, value);
    let hash = h.finish();
    match old.remove(name) {
        Some((was, v)) if was == hash => (hash, v),
        _ => (hash, Value::from_serializable(value)),
    }
}

/// Puts the site-wide data into Tera's global context; with a cache, each
/// variable also gets a hash (and keeps its value while the hash is the same).
/// Returns each variable's hash. When caching, `kept` holds the variables of
/// the last render, then of this one; without it, every hash is 0.
pub(super) fn site_wide(
    site: &Site,
    theme: &Theme,
    strings: &std::collections::BTreeMap<String, String>,
    cards: &[Value],
    revs: &Revisions,
    tera: &mut Tera,
    mut kept: Option<&mut HashMap<&'static str, (u64, Value)>>,
) -> Vec<(&'static str, u64)> {
    let caching = kept.is_some();
    let site_vars = SiteVars {
        title: &site.config.title,
        description: &site.config.description,
        language: &site.config.language,
        base_url: &site.config.base_url,
        base_path: &site.base_path,
        theme: &theme.name,
        upwork: &site.config.upwork,
        extra: &site.config.extra,
    };
    let nav: Vec<NavItem> = site
        .pages
        .iter()
        .map(|p| NavItem {
            title: p.title.clone(),
            url: p.location.url.clone(),
            path: p.location.path.clone(),
        })
        .collect();
    let projects_key = match caching {
        true => card_revs(revs, &mut (0..site.projects.len())),
        false => 0,
    };
    let mut old = kept.as_deref_mut().map(std::mem::take).unwrap_or_default();
    let old = &mut old;
    let globals: [(&'static str, (u64, Value)); 9] = [
        ("site", global(old, caching, "site", &site_vars)),
        ("profile", global(old, caching, "profile", &site.profile)),
        ("projects", (projects_key, Value::from(cards.to_vec()))),
        ("skills", global(old, caching, "skills", &site.skills)),
        ("tags", global(old, caching, "tags", &site.tags)),
        ("profiles", global(old, caching, "profiles", &site.profiles)),
        ("pages", global(old, caching, "pages", &site.pages)),
        ("nav", global(old, caching, "nav", &nav)),
        ("t", global(old, caching, "t", strings)),
    ];
    let ctx = tera.global_context();
    for (name, (_, value)) in &globals {
        ctx.insert_value(*name, value.clone());
    }
    let hashes = globals.iter().map(|(n, (h, _))| (*n, *h)).collect();
    if let Some(kept) = kept {
        *kept = globals.into_iter().collect();
    }
    hashes
}

/// The last complete render's site-wide data, back in Tera's global context
/// (the templates are compiled anew for every render).
pub(super) fn restore(tera: &mut Tera, kept: &HashMap<&'static str, (u64, Value)>) {
    let ctx = tera.global_context();
    for (name, (_, value)) in kept {
        ctx.insert_value(*name, value.clone());
    }
}
