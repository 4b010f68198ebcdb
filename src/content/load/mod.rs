//! Loading a content folder into a validated [`Site`].
//!
//! Every file is read and checked; problems are collected (not stopped at) so
//! one run reports them all. Order: config → profile → specialized profiles →
//! projects and pages (front matter, slugs, URLs) → Markdown with links
//! resolved → skills, testimonials and profile project lists cross-checked.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{Config, key_line};
use crate::content::files::{
    Links, PageFrontMatter, ProfileFile, ProjectFrontMatter, SkillEntry, SpecializedProfileFile,
};
use crate::content::frontmatter;
use crate::content::model::*;
use crate::date::DateView;
use crate::diagnostics::{Diagnostic, Diagnostics, Error, nearest};
use crate::highlight::Highlighter;
use crate::markdown::{self, Resolved};
use crate::shortcodes::Shortcodes;
use crate::slug::{check_slug, slugify};
use crate::source::{self, SourceFile};
use crate::util::paths::{is_ignored_name, normalize};
use crate::util::phase;
use crate::yaml;
use cache::{Built, CachedProject, Last, LoadCache, Lookup, Stamp};

mod assets;
mod bodies;
pub mod cache;
mod covers;
mod edits;
mod links;
mod list;
mod pagefiles;
mod places;
mod profiles;
mod projects;
mod read;
mod reuse;
mod translations;

use edits::Keep;
use links::link_targets;
pub(super) use list::Listing;
use places::Places;
use projects::{newest_first, skills_with_projects, tags_with_projects};
use read::Draft;
use reuse::{BuiltNow, last_built, record_built, revisions};

/// Options that change what is loaded.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include drafts.
    pub drafts: bool,
    /// Overrides `base_url` from the config.
    pub base_url: Option<String>,
    /// Highlights fenced code (commands that publish pages); `None`: code stays
    /// plain and no grammar is loaded (`check`, `profile`, `proposal`, exports).
    pub highlight: Option<Arc<Highlighter>>,
    /// The language to load (a code of `languages:`); `None`: the default.
    pub lang: Option<String>,
}

/// Paths of generated sections; a page may not take these slugs.
const RESERVED: &[&str] = &[
    "projects",
    "skills",
    "profiles",
    "resume",
    "static",
    "404",
    "feed.xml",
    "sitemap.xml",
];

/// Loads and validates the site in `root`. On success returns the site and its warnings.
pub fn load(root: &Path, opts: &LoadOptions) -> Result<(Site, Vec<Diagnostic>), Error> {
    let mut loader = Loader::new(root, opts)?;
    let mut out = Out::default();
    let site = loader.run(&mut out);
    finish(site, out.diags)
}

/// A loaded site, shared, and its warnings.
pub type Loaded = Result<(Arc<Site>, Vec<Diagnostic>), Error>;

/// [`load`], reusing what `cache` holds from an earlier load of the same site
/// (`serve`): a project file whose size and modification time are unchanged is
/// not read again, and its page is not built again unless something it
/// depends on (the config, the declared skills, a page it links to) changed.
///
/// When the watcher reported only in-place edits of project files, and the
/// edits left each project where it was (same card, same place in the order,
/// same files), the last site is updated in place: nothing else is looked at.
/// [`LoadCache::changed`] then says which projects changed.
pub fn load_cached(root: &Path, opts: &LoadOptions, cache: &mut LoadCache) -> Loaded {
    let mut loader = Loader::new(root, opts)?;
    if !loader.lang_prefix.is_empty() {
        // The cache knows the default language's files only.
        return load(root, opts).map(|(s, d)| (Arc::new(s), d));
    }
    loader.caching = true;
    // Owned by the loader while it runs (its parallel parts read it).
    let mut taken = std::mem::take(cache);
    let own = loader.shortcodes.as_ref().map_or("", |s| s.key());
    taken.start(&format!("{:?} {} {own}", loader.config, loader.drafts));
    let fast = std::mem::replace(&mut taken.only_edits, true);
    if fast && let Some(result) = loader.run_edits(&mut taken) {
        *cache = taken;
        return result;
    }
    taken.changed = None;
    taken.last = None;
    loader.cache = Some(taken);
    let mut out = Out::default();
    let site = loader.run(&mut out);
    let mut taken = loader.cache.take().unwrap_or_default();
    let keep = loader.keep.take();
    let result = finish(site, out.diags).map(|(s, d)| (Arc::new(s), d));
    if let (Ok((site, diags)), Some(keep)) = (&result, keep) {
        taken.last = Some(Last::new(
            site.clone(),
            diags.clone(),
            keep.targets,
            keep.skills,
            std::mem::take(&mut loader.failed),
            keep.position,
            &taken.projects,
        ));
    }
    *cache = taken;
    result
}

impl Loader {
    fn new(root: &Path, opts: &LoadOptions) -> Result<Loader, Error> {
        let (mut config, _) = Config::load(root)?;
        if let Some(url) = &opts.base_url {
            config.base_url = crate::config::normalize_base_url(url)
                .map_err(|e| Error::msg(format!("--base-url: {}", e.message())))?;
        }
        // A site's own shortcodes, compiled once per load (none: the built-ins).
        let dir = root.join("templates").join("shortcodes");
        let shortcodes = match dir.is_dir() {
            true => Some(Shortcodes::with_dir(&dir)?),
            false => None,
        };
        let languages = config.languages();
        let lang_prefix = in_language(&mut config, opts.lang.as_deref())?;
        Ok(Loader {
            lang: config.language.clone(),
            other_codes: config.other_language_codes(),
            languages,
            lang_prefix,
            shortcodes,
            root: root.to_path_buf(),
            content: root.join("content"),
            base_path: config.base_path(),
            config,
            drafts: opts.drafts,
            highlight: opts.highlight.clone(),
            failed: Default::default(),
            cache: None,
            caching: false,
            keep: None,
            orphans: Default::default(),
            no_profile: false,
        })
    }
}

/// Makes `config` the config of the language `lang` (its code, title and
/// description); gives the prefix of its pages' paths (`zh/`, `""` for the default).
fn in_language(config: &mut Config, lang: Option<&str>) -> Result<String, Error> {
    let languages = config.languages();
    let default = config.default_language();
    let lang = lang.unwrap_or(&default.code);
    let Some(this) = languages.iter().find(|l| l.code == lang) else {
        let codes: Vec<&str> = languages.iter().map(|l| l.code.as_str()).collect();
        return Err(Error::single(
            Diagnostic::error(format!("the site has no language `{lang}`"))
                .in_file(crate::config::CONFIG_FILE)
                .with_help(format!(
                    "its languages are {}; add `{lang}` to `languages:` in folio.yaml",
                    codes.join(", ")
                )),
        ));
    };
    config.language = this.code.clone();
    if let Some(t) = &this.title {
        config.title = t.clone();
    }
    if let Some(d) = &this.description {
        config.description = Some(d.clone());
    }
    // The default language's pages are at the site root.
    Ok(match lang == default.code {
        true => String::new(),
        false => format!("{lang}/"),
    })
}

fn finish(site: Option<Site>, problems: Vec<Diagnostic>) -> Result<(Site, Vec<Diagnostic>), Error> {
    let mut diags = Diagnostics::new();
    diags.extend(problems);
    match site {
        Some(site) if !diags.has_errors() => Ok((site, diags.into_sorted())),
        _ => Err(Error::new(diags.into_sorted())),
    }
}

struct Loader {
    /// The code of the language loaded.
    lang: String,
    /// The site's languages, the default first.
    languages: Vec<crate::config::Language>,
    /// The codes of the languages besides the default.
    other_codes: Vec<String>,
    /// `zh/` before the paths of a language's pages; `""` for the default.
    lang_prefix: String,
    root: PathBuf,
    content: PathBuf,
    config: Config,
    base_path: String,
    drafts: bool,
    /// Content-relative paths of Markdown files that failed to load (already
    /// reported; links to them are not reported again).
    failed: std::collections::HashSet<String>,
    /// What `serve` kept from the previous load; `None` in a one-shot build.
    cache: Option<LoadCache>,
    /// Loading for a cache (`serve`): record what it needs (links' lookups).
    caching: bool,
    /// Set by a full load with a cache, for the next load's fast path.
    keep: Option<Keep>,
    /// Bodies of files whose front matter failed, still checked for links.
    orphans: bodies::Orphans,
    /// The profile failed to load: skills are not checked against it.
    no_profile: bool,
    /// The site's shortcodes when it has its own (`templates/shortcodes/`).
    shortcodes: Option<Shortcodes>,
    highlight: Option<Arc<Highlighter>>,
}

/// A project or page read from disk, before its Markdown is rendered.
pub(super) struct Entry<FM> {
    /// The file of the front matter (a translation's, when translated).
    pub(super) file: SourceFile,
    /// The file of the body when it is not `file` (a translation without a body).
    body_file: Option<SourceFile>,
    fm: FM,
    body: String,
    body_first_line: usize,
    /// Content-relative path of the Markdown file (`projects/a.md`).
    rel: String,
    /// The bundle folder of an `index.md` (published with its page).
    bundle: Option<PathBuf>,
    slug: String,
    location: Location,
    /// A translation for the language loaded exists (always, for the default).
    translated: bool,
}

#[cfg(test)]
impl Entry<ProjectFrontMatter> {
    /// An entry for the file at `path`, for tests of what is kept around it.
    pub(super) fn for_test(path: &str) -> Self {
        Entry {
            file: SourceFile {
                display: PathBuf::from(path),
                path: PathBuf::from(path),
                text: String::new(),
            },
            body_file: None,
            fm: serde_yaml::from_str("{title: T, date: 2024-01-01, summary: S}").unwrap(),
            body: String::new(),
            body_first_line: 1,
            rel: String::new(),
            bundle: None,
            slug: "t".into(),
            location: Location {
                path: String::new(),
                url: String::new(),
                permalink: String::new(),
            },
            translated: true,
        }
    }
}

/// What a stage produced besides its value: problems, files to publish, and
/// (building one entry for a cache) the links to other pages it resolved.
/// Every stage writes to one, in order; parallel stages to one per entry,
/// merged in file order.
#[derive(Default)]
pub(super) struct Out {
    pub(super) diags: Vec<Diagnostic>,
    pub(super) assets: Vec<Asset>,
    pub(super) lookups: Vec<Lookup>,
}

impl Out {
    /// Adds another's problems and files (not its lookups, which stay with its entry).
    pub(super) fn merge(&mut self, other: &Out) {
        self.diags.extend(other.diags.iter().cloned());
        self.assets.extend(other.assets.iter().cloned());
    }
}

/// Entries kept and entries left out.
type Entries<FM> = (Vec<Arc<Entry<FM>>>, Vec<Arc<Entry<FM>>>);

/// What a content-relative `.md` path links to.
#[derive(Clone, PartialEq, Debug)]
pub(super) struct Target {
    url: String,
    draft: bool,
}

/// Every page a link may name, by its content-relative path (`projects/a.md`),
/// with an index by URL for root-relative links (one look-up, not a scan).
#[derive(Default, Clone)]
pub(super) struct Targets {
    by_rel: HashMap<String, Target>,
    /// URL without the site's base path and slashes at its ends → path.
    by_url: HashMap<String, String>,
}

impl Targets {
    fn insert(&mut self, rel: String, t: Target) {
        let url = t.url.trim_matches('/').to_string();
        self.by_url.insert(url, rel.clone());
        self.by_rel.insert(rel, t);
    }

    /// The page whose URL, without `base_path`, is `url` (no slashes at its ends).
    fn at_url(&self, base_path: &str, url: &str) -> Option<(&String, &Target)> {
        let base = base_path.trim_matches('/');
        let full = match base.is_empty() {
            true => url.to_string(),
            false if url.is_empty() => base.to_string(),
            false => format!("{base}/{url}"),
        };
        let rel = self.by_url.get(&full)?;
        self.by_rel.get_key_value(rel)
    }
}

impl std::ops::Deref for Targets {
    type Target = HashMap<String, Target>;
    fn deref(&self) -> &Self::Target {
        &self.by_rel
    }
}

impl Loader {
    /// Loads the site, stage by stage: each returns its value and writes its
    /// problems (and the files to publish) to `out`.
    fn run(&mut self, out: &mut Out) -> Option<Site> {
        if !self.content.is_dir() {
            out.diags.push(
                Diagnostic::error("the site has no `content/` folder")
                    .in_file("content")
                    .with_help("create content/profile.yaml and content/projects/, or run `folio init` in a new folder"),
            );
            return None;
        }
        let t = Instant::now();
        let profile_file = self.read_profile(out);
        let specialized = self.read_specialized(out);
        let projects = self.read_projects(out);
        let pages = self
            .read_entries::<PageFrontMatter>("pages", None, None, out)
            .entries;
        phase("load: read and parse", t);
        let t = Instant::now();

        // Drafts are read and checked, but left out unless asked for.
        let (projects, draft_projects) = self.without_drafts(projects);
        let (pages, draft_pages) = self.without_drafts(pages);
        self.check_duplicate_slugs(&projects, "project", out);
        self.check_duplicate_slugs(&pages, "page", out);
        self.check_reserved(&pages, out);
        let targets = link_targets(&projects, &draft_projects, &draft_pages, &pages);

        self.check_orphan_bodies(&targets, out);
        // Without a profile the write-ups are still checked (links, images),
        // only not their skills; the site itself is not built.
        self.no_profile = profile_file.is_none();
        let skills = match &profile_file {
            Some(p) => self.declared_skills(p, out),
            None => Vec::new(),
        };
        let built = self.build_projects(&projects, &targets, &skills, out);
        let (projects, entries) = (built, projects);
        let order = newest_first(&projects);
        let projects: Vec<Arc<Project>> = order.iter().map(|&i| projects[i].clone()).collect();
        let pages = self.build_pages(pages, &targets, out);
        self.keep_for_edits(targets, &skills, &entries, &order);
        phase("load: markdown", t);
        let t = Instant::now();
        let profile_file = profile_file?;

        let profile = self.build_profile(profile_file, &skills, &projects, out);
        let profiles = specialized
            .into_iter()
            .map(|(file, raw)| self.build_specialized(file, raw, &skills, &projects, out))
            .collect();
        let skills = skills_with_projects(skills, &projects);
        let tags = tags_with_projects(&projects, self.config.taxonomies.tags, self);
        let assets = self.publish_assets(&entries, out);
        phase("load: cross-checks", t);
        Some(Site {
            root: self.root.clone(),
            config: self.config.clone(),
            base_path: self.base_path.clone(),
            profile,
            profiles,
            projects,
            pages,
            skills,
            tags,
            assets,
            lang: self.lang.clone(),
            languages: self.languages.clone(),
            lang_prefix: self.lang_prefix.clone(),
        })
    }

    /// Leaves out drafts unless asked for them: (kept, left out).
    fn without_drafts<FM: Draft>(&self, entries: Vec<Arc<Entry<FM>>>) -> Entries<FM> {
        entries
            .into_iter()
            .partition(|e| self.drafts || !e.fm.draft())
    }

    fn location(&self, path: &str) -> Location {
        let path = format!("{}{path}", self.lang_prefix);
        Location::new(&self.config, &self.base_path, &path)
    }

    /// Where a page's own files are published: beside its default-language
    /// page (`projects/a/`), once for every language.
    fn files_dir<'a>(&self, location: &'a Location) -> &'a str {
        location
            .path
            .strip_prefix(&self.lang_prefix)
            .unwrap_or(&location.path)
    }
}

/// Minutes to read: 220 words a minute, or 400 characters for CJK text.
fn reading_minutes(md: &str) -> usize {
    let cjk = md.chars().filter(|c| crate::plaintext::is_cjk(*c)).count();
    let words = md.split_whitespace().count();
    ((words as f64 / 220.0 + cjk as f64 / 400.0).ceil() as usize).max(1)
}

/// Whether two versions of a project show the same card in lists.
fn same_card(a: &Project, b: &Project) -> bool {
    serde_json::to_vec(&a.card()).ok() == serde_json::to_vec(&b.card()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_takes_its_title_and_description_the_default_too() {
        let mut config: Config = serde_yaml::from_str(
            "title: Site\nlanguages:\n  - {code: en, title: Ana Lima}\n  - {code: zh, title: 安娜, description: 作品集}\n",
        )
        .unwrap();
        let mut zh = config.clone();
        assert_eq!(in_language(&mut config, None).unwrap(), "");
        assert_eq!(config.title, "Ana Lima");
        assert_eq!(in_language(&mut zh, Some("zh")).unwrap(), "zh/");
        assert_eq!(
            (zh.title.as_str(), zh.description.as_deref()),
            ("安娜", Some("作品集"))
        );
        assert!(in_language(&mut zh, Some("fr")).is_err());
    }

    #[test]
    fn reading_time() {
        assert_eq!(reading_minutes("word "), 1);
        assert_eq!(reading_minutes(&"word ".repeat(660)), 3);
    }
}
