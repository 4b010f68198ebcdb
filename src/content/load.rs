//! Loading a content folder into a validated [`Site`].
//!
//! Every file is read and checked; problems are collected (not stopped at) so
//! one run reports them all. Order: config → profile → specialized profiles →
//! projects and pages (front matter, slugs, URLs) → Markdown with links
//! resolved → skills, testimonials and profile project lists cross-checked.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::config::{Config, key_line};
use crate::content::cache::{Built, CachedProject, Last, LoadCache, Lookup, Stamp};
use crate::content::files::{
    Links, PageFrontMatter, ProfileFile, ProjectFrontMatter, SkillEntry, SpecializedProfileFile,
};
use crate::content::frontmatter;
use crate::content::model::*;
use crate::date::DateView;
use crate::diagnostics::{Diagnostic, Diagnostics, Error, nearest};
use crate::markdown::{self, Resolved};
use crate::slug::{check_slug, slugify};
use crate::source::{self, SourceFile};
use crate::yaml;

/// Options that change what is loaded.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Include drafts.
    pub drafts: bool,
    /// Overrides `base_url` from the config.
    pub base_url: Option<String>,
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
    let site = loader.run();
    finish(site, std::mem::take(&mut loader.diags))
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
    // Owned by the loader while it runs (its parallel parts read it).
    let mut taken = std::mem::take(cache);
    taken.start(&format!("{:?} {}", loader.config, loader.drafts));
    let fast = std::mem::replace(&mut taken.only_edits, true);
    if fast && let Some(result) = loader.run_edits(&mut taken) {
        *cache = taken;
        return result;
    }
    taken.changed = None;
    taken.last = None;
    loader.cache = Some(taken);
    let site = loader.run();
    let mut taken = loader.cache.take().unwrap_or_default();
    let keep = loader.keep.take();
    let result = finish(site, std::mem::take(&mut loader.diags)).map(|(s, d)| (Arc::new(s), d));
    if let (Ok((site, diags)), Some(keep)) = (&result, keep) {
        taken.last = Some(Last {
            site: site.clone(),
            diags: diags.clone(),
            targets: keep.targets,
            skills: keep.skills,
            failed: std::mem::take(&mut loader.failed),
            position: keep.position,
        });
    }
    *cache = taken;
    result
}

impl Loader {
    fn new(root: &Path, opts: &LoadOptions) -> Result<Loader, Error> {
        let (mut config, _) = Config::load(root)?;
        if let Some(url) = &opts.base_url {
            config.base_url = crate::config::normalize_base_url(url)
                .map_err(|m| Error::single(Diagnostic::error(format!("--base-url: {m}"))))?;
        }
        Ok(Loader {
            root: root.to_path_buf(),
            content: root.join("content"),
            base_path: config.base_path(),
            config,
            diags: Diagnostics::new(),
            drafts: opts.drafts,
            assets: Vec::new(),
            failed: Default::default(),
            cache: None,
            keep: None,
        })
    }

    /// The fast path of [`load_cached`]: rebuilds the projects whose files the
    /// watcher reported, in place in the last site. `None` when an edit may
    /// change more than its own page (then everything is loaded as usual).
    fn run_edits(&mut self, cache: &mut LoadCache) -> Option<Loaded> {
        let last = cache.last.as_ref()?;
        let projects_dir = self.content.join("projects");
        self.failed = last.failed.clone();
        let mut updates = Vec::new();
        for (path, c) in cache.projects.iter().filter(|(_, c)| c.stamp.is_none()) {
            let &pos = last.position.get(path)?;
            let old = c.built.as_ref()?;
            if !Arc::ptr_eq(&old.project, last.site.projects.get(pos)?) {
                return None;
            }
            let stamp = Stamp::of(path)?;
            let parent = path.parent()?;
            let bundle =
                (path.file_name()? == "index.md" && parent != projects_dir).then_some(parent);
            let entry = self
                .parse_entry::<ProjectFrontMatter>("projects", path, bundle)
                .ok()?;
            if entry.fm.draft && !self.drafts {
                return None;
            }
            let mut out = Out::default();
            let mut p = self.build_project(&entry, &last.targets, &last.skills, &mut out);
            let o = &old.project;
            let in_place = same_card(o, &p)
                && o.weight == p.weight
                && o.date_raw.sort_key() == p.date_raw.sort_key()
                && out.assets == old.out.assets;
            if !in_place {
                return None;
            }
            p.rev = LoadCache::next_rev();
            p.card_rev = o.card_rev;
            let entry = Arc::new(entry);
            let built = Built {
                from: entry.clone(),
                project: Arc::new(p),
                out: Arc::new(out),
            };
            updates.push((path.clone(), pos, stamp, entry, built, old.out.clone()));
        }
        let last = cache.last.as_mut()?;
        let site = Arc::make_mut(&mut last.site);
        let mut changed = Vec::new();
        for (path, pos, stamp, entry, built, old_out) in updates {
            site.projects[pos] = built.project.clone();
            for d in &old_out.diags {
                if let Some(i) = last.diags.iter().position(|x| x == d) {
                    last.diags.remove(i);
                }
            }
            last.diags.extend(built.out.diags.iter().cloned());
            cache.projects.insert(
                path,
                CachedProject {
                    stamp: Some(stamp),
                    entry,
                    built: Some(built),
                },
            );
            changed.push(pos);
        }
        cache.changed = Some(changed);
        let mut diags = Diagnostics::new();
        diags.extend(last.diags.iter().cloned());
        Some(if diags.has_errors() {
            Err(Error::new(diags.into_sorted()))
        } else {
            Ok((last.site.clone(), diags.into_sorted()))
        })
    }
}

/// What a full load leaves for [`Loader::run_edits`].
struct Keep {
    targets: HashMap<String, Target>,
    skills: Vec<Skill>,
    position: HashMap<PathBuf, usize>,
}

fn finish(site: Option<Site>, diags: Diagnostics) -> Result<(Site, Vec<Diagnostic>), Error> {
    match site {
        Some(site) if !diags.has_errors() => Ok((site, diags.into_sorted())),
        _ => Err(Error::new(diags.into_sorted())),
    }
}

struct Loader {
    root: PathBuf,
    content: PathBuf,
    config: Config,
    base_path: String,
    diags: Diagnostics,
    drafts: bool,
    assets: Vec<Asset>,
    /// Content-relative paths of Markdown files that failed to load (already
    /// reported; links to them are not reported again).
    failed: std::collections::HashSet<String>,
    /// What `serve` kept from the previous load; `None` in a one-shot build.
    cache: Option<LoadCache>,
    /// Set by a full load with a cache, for the next load's fast path.
    keep: Option<Keep>,
}

/// A project or page read from disk, before its Markdown is rendered.
pub(super) struct Entry<FM> {
    pub(super) file: SourceFile,
    fm: FM,
    body: String,
    body_first_line: usize,
    /// Content-relative path of the Markdown file (`projects/a.md`).
    rel: String,
    slug: String,
    location: Location,
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
            fm: serde_yaml::from_str("{title: T, date: 2024-01-01, summary: S}").unwrap(),
            body: String::new(),
            body_first_line: 1,
            rel: String::new(),
            slug: "t".into(),
            location: Location {
                path: String::new(),
                url: String::new(),
                permalink: String::new(),
            },
        }
    }
}

/// The Markdown files of a section, and the warnings found listing them.
pub(super) struct Listing {
    /// Each file, with its bundle folder for an `index.md`.
    pub(super) files: Vec<(PathBuf, Option<PathBuf>)>,
    warnings: Vec<Diagnostic>,
}

/// Gives the entry already read from a file with this stamp, if any.
type Reuse<'a, FM> = dyn Fn(&Path, &Stamp) -> Option<Arc<Entry<FM>>> + Sync + 'a;

/// What reading a section gave.
struct Read<FM> {
    /// Every entry that loaded, in file order.
    entries: Vec<Arc<Entry<FM>>>,
    /// Those of them read from disk now (not reused), with their stamps.
    read: Vec<(Stamp, Arc<Entry<FM>>)>,
    listing: Arc<Listing>,
}

/// A parsed entry, or its content-relative path and the problem (if not reported yet).
type Parsed<FM> = Result<Entry<FM>, (String, Option<Diagnostic>)>;

/// What building one entry produced besides its value: problems, files to
/// publish, and the links to other pages it resolved.
#[derive(Default)]
pub(super) struct Out {
    pub(super) diags: Vec<Diagnostic>,
    pub(super) assets: Vec<Asset>,
    pub(super) lookups: Vec<Lookup>,
}

/// What a content-relative `.md` path links to.
#[derive(Clone, PartialEq, Debug)]
pub(super) struct Target {
    url: String,
    draft: bool,
}

impl Loader {
    fn run(&mut self) -> Option<Site> {
        if !self.content.is_dir() {
            self.diags.push(
                Diagnostic::error("the site has no `content/` folder")
                    .in_file("content")
                    .with_help("create content/profile.yaml and content/projects/, or run `folio init` in a new folder"),
            );
            return None;
        }
        let t = std::time::Instant::now();
        let profile_file = self.read_profile();
        let specialized = self.read_specialized();
        let projects = {
            let mut cache = self.cache.take();
            let listing = cache.as_mut().and_then(|c| c.listing.take());
            let reuse = |path: &Path, stamp: &Stamp| {
                let c = cache.as_ref()?.projects.get(path)?;
                (c.stamp.as_ref() == Some(stamp)).then(|| c.entry.clone())
            };
            let read = self.read_entries::<ProjectFrontMatter>("projects", listing, &reuse);
            self.cache = cache;
            if let Some(c) = &mut self.cache {
                c.keep_read(&read.entries, read.read, read.listing);
            }
            read.entries
        };
        let pages = self
            .read_entries::<PageFrontMatter>("pages", None, &|_, _| None)
            .entries;
        crate::build::phase("load: read and parse", t);
        let t = std::time::Instant::now();

        // Drafts are read and checked, but left out unless asked for.
        let (projects, draft_projects): (Vec<_>, Vec<_>) = projects
            .into_iter()
            .partition(|e| self.drafts || !e.fm.draft);
        let (pages, draft_pages): (Vec<_>, Vec<_>) =
            pages.into_iter().partition(|e| self.drafts || !e.fm.draft);

        self.check_duplicate_slugs(&projects, "project");
        self.check_duplicate_slugs(&pages, "page");
        for p in &pages {
            if RESERVED.contains(&p.slug.as_str()) {
                self.diags.push(
                    Diagnostic::error(format!(
                        "the page slug `{}` is taken by a section folio generates",
                        p.slug
                    ))
                    .in_file(&p.file.display)
                    .with_help("give the page another `slug:` in its front matter"),
                );
            }
        }

        // Every .md file a link may point at.
        let mut targets: HashMap<String, Target> = HashMap::new();
        for p in &projects {
            targets.insert(
                p.rel.clone(),
                Target {
                    url: p.location.url.clone(),
                    draft: false,
                },
            );
        }
        let drafts = draft_projects.iter().map(|e| (&e.rel, &e.location));
        let drafts = drafts.chain(draft_pages.iter().map(|e| (&e.rel, &e.location)));
        for (rel, location) in drafts {
            targets.insert(
                rel.clone(),
                Target {
                    url: location.url.clone(),
                    draft: true,
                },
            );
        }
        for p in &pages {
            targets.insert(
                p.rel.clone(),
                Target {
                    url: p.location.url.clone(),
                    draft: false,
                },
            );
        }

        let profile_file = profile_file?;
        let skills = self.declared_skills(&profile_file);

        let entries = projects;
        let built = self.build_projects(&entries, &targets, &skills);
        // Newest first; then by weight, then title, so the order never depends on the disk.
        let mut order: Vec<usize> = (0..built.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&built[a], &built[b]);
            b.date_raw
                .sort_key()
                .cmp(&a.date_raw.sort_key())
                .then(a.weight.cmp(&b.weight))
                .then(a.title.cmp(&b.title))
                .then(a.slug.cmp(&b.slug))
        });
        let projects: Vec<Arc<Project>> = order.iter().map(|&i| built[i].clone()).collect();
        drop(built);
        let mut pages: Vec<Page> = pages
            .into_par_iter()
            .map(|e| {
                let mut out = Out::default();
                let p = self.build_page(&e, &targets, &mut out);
                (p, out)
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|(p, out)| {
                self.merge(&out);
                p
            })
            .collect();
        pages.sort_by(|a, b| a.weight.cmp(&b.weight).then(a.title.cmp(&b.title)));
        if self.cache.is_some() {
            // What the next load's fast path builds an edited project with.
            self.keep = Some(Keep {
                targets,
                skills: skills.clone(),
                position: order
                    .iter()
                    .enumerate()
                    .map(|(pos, &i)| (entries[i].file.path.clone(), pos))
                    .collect(),
            });
        }
        crate::build::phase("load: markdown", t);
        let t = std::time::Instant::now();

        let profile = self.build_profile(profile_file, &skills, &projects);
        let profiles = specialized
            .into_iter()
            .map(|(file, raw)| self.build_specialized(file, raw, &skills, &projects))
            .collect();

        let mut skills = skills;
        for (i, p) in projects.iter().enumerate() {
            for r in &p.skills {
                if let Some(s) = skills.get_mut(r.index) {
                    s.projects.push(p.slug.clone());
                    s.project_indexes.push(i);
                }
            }
        }

        self.collect_bundle_assets(&projects);
        let mut assets = std::mem::take(&mut self.assets);
        assets.sort();
        assets.dedup();
        self.check_asset_collisions(&assets);

        crate::build::phase("load: cross-checks", t);
        Some(Site {
            root: self.root.clone(),
            config: self.config.clone(),
            base_path: self.base_path.clone(),
            profile,
            profiles,
            projects,
            pages,
            skills,
            assets,
        })
    }

    fn merge(&mut self, out: &Out) {
        self.diags.extend(out.diags.iter().cloned());
        self.assets.extend(out.assets.iter().cloned());
    }

    /// Builds the projects in parallel, in file order; with a cache, reuses
    /// each project whose file and inputs did not change.
    fn build_projects(
        &mut self,
        entries: &[Arc<Entry<ProjectFrontMatter>>],
        targets: &HashMap<String, Target>,
        skills: &[Skill],
    ) -> Vec<Arc<Project>> {
        let mut cache = self.cache.take();
        if let Some(c) = &mut cache {
            c.check_skills(&format!("{skills:?}"));
        }
        let built: Vec<(Arc<Project>, Arc<Out>, bool)> = entries
            .par_iter()
            .map(|e| {
                let old = cache
                    .as_ref()
                    .and_then(|c| c.projects.get(&e.file.path))
                    .and_then(|c| c.built.as_ref());
                if let Some(b) = old
                    && Arc::ptr_eq(&b.from, e)
                    && b.out
                        .lookups
                        .iter()
                        .all(|l| l.same(|t| targets.get(t), |t| self.failed.contains(t)))
                {
                    return (b.project.clone(), b.out.clone(), false);
                }
                let mut out = Out::default();
                let mut p = self.build_project(e, targets, skills, &mut out);
                if cache.is_some() {
                    p.rev = LoadCache::next_rev();
                    p.card_rev = match old.map(|b| &b.project) {
                        Some(o) if same_card(o, &p) => o.card_rev,
                        _ => p.rev,
                    };
                }
                (Arc::new(p), Arc::new(out), true)
            })
            .collect();
        if let Some(c) = &mut cache {
            for (e, (p, out, _)) in entries.iter().zip(&built).filter(|(_, b)| b.2) {
                if let Some(slot) = c.projects.get_mut(&e.file.path) {
                    slot.built = Some(Built {
                        from: e.clone(),
                        project: p.clone(),
                        out: out.clone(),
                    });
                }
            }
        }
        self.cache = cache;
        built
            .into_iter()
            .map(|(p, out, _)| {
                self.merge(&out);
                p
            })
            .collect()
    }

    fn location(&self, path: &str) -> Location {
        Location::new(&self.config, &self.base_path, path)
    }

    fn read_source(&mut self, path: &Path) -> Option<SourceFile> {
        match source::read(&self.root, path) {
            Ok(f) => Some(f),
            Err(d) => {
                self.diags.push(d);
                None
            }
        }
    }

    fn read_profile(&mut self) -> Option<(SourceFile, ProfileFile)> {
        let path = self.content.join("profile.yaml");
        if !path.is_file() {
            self.diags.push(
                Diagnostic::error("the site has no profile")
                    .in_file("content/profile.yaml")
                    .with_help("create content/profile.yaml with at least `name:`, `title:` and `overview:`"),
            );
            return None;
        }
        let file = self.read_source(&path)?;
        match yaml::parse::<ProfileFile>(&file, &file.text, 1) {
            Ok(p) => Some((file, p)),
            Err(d) => {
                self.diags.push(d);
                None
            }
        }
    }

    fn read_specialized(&mut self) -> Vec<(SourceFile, SpecializedProfileFile)> {
        let dir = self.content.join("profiles");
        let mut out = Vec::new();
        for path in self.list_files(&dir, &["yaml", "yml"]) {
            let Some(file) = self.read_source(&path) else {
                continue;
            };
            match yaml::parse::<SpecializedProfileFile>(&file, &file.text, 1) {
                Ok(p) => out.push((file, p)),
                Err(d) => self.diags.push(d),
            }
        }
        out
    }

    /// Files with one of `exts` directly in `dir`, sorted; ignores hidden and editor files.
    fn list_files(&mut self, dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
        let Ok(read) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = read
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| !is_ignored_name(p))
            .filter(|p| {
                p.is_file()
                    && p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| exts.contains(&e.to_ascii_lowercase().as_str()))
            })
            .collect();
        files.sort();
        files
    }

    /// Reads `content/<section>/*.md` and `content/<section>/<name>/index.md`.
    /// `reuse` gives the entry already read from a file with this stamp, if any.
    /// Returns the entries, and those of them that were read now.
    fn read_entries<FM: serde::de::DeserializeOwned + HasSlug + Send + Sync>(
        &mut self,
        section: &str,
        listing: Option<Arc<Listing>>,
        reuse: &Reuse<'_, FM>,
    ) -> Read<FM> {
        // A listing from the last load is kept while the watcher saw no file
        // come or go; each file's stamp is still checked.
        let listing = match listing {
            Some(l) => l,
            None => Arc::new(self.list_entries(section)),
        };
        self.diags.extend(listing.warnings.iter().cloned());
        let found = &listing.files;
        // Each file is read and parsed on its own, in parallel; results are
        // merged in file order so messages and output never depend on timing.
        type One<FM> = (
            Option<Stamp>,
            Result<Arc<Entry<FM>>, (String, Option<Diagnostic>)>,
        );
        let parsed: Vec<One<FM>> = found
            .par_iter()
            .map(|(path, bundle)| {
                let stamp = Stamp::of(path);
                if let Some(stamp) = &stamp
                    && let Some(entry) = reuse(path, stamp)
                {
                    return (None, Ok(entry));
                }
                (
                    stamp,
                    self.parse_entry::<FM>(section, path, bundle.as_deref())
                        .map(Arc::new),
                )
            })
            .collect();
        let mut entries = Vec::with_capacity(parsed.len());
        let mut read = Vec::new();
        for ((_, _), (stamp, result)) in found.iter().zip(parsed) {
            match result {
                Ok(entry) => {
                    if let Some(stamp) = stamp {
                        read.push((stamp, entry.clone()));
                    }
                    entries.push(entry)
                }
                Err((rel, diag)) => {
                    if let Some(d) = diag {
                        self.diags.push(d);
                    }
                    self.failed.insert(rel);
                }
            }
        }
        Read {
            entries,
            read,
            listing,
        }
    }

    /// The Markdown files of `content/<section>/`: `*.md` and `<name>/index.md`.
    fn list_entries(&self, section: &str) -> Listing {
        let dir = self.content.join(section);
        let mut found: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
        let mut warnings = Vec::new();
        if let Ok(read) = std::fs::read_dir(&dir) {
            let mut paths: Vec<PathBuf> = read.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if is_ignored_name(&path) {
                    continue;
                }
                if path.is_dir() {
                    let index = path.join("index.md");
                    if index.is_file() {
                        found.push((index, Some(path)));
                    } else if section == "projects" && has_markdown(&path) {
                        warnings.push(
                            Diagnostic::warning(
                                "this folder holds Markdown files but no index.md, so it is not a project",
                            )
                            .in_file(source::display_path(&self.root, &path))
                            .with_help("a project bundle is a folder with index.md and its images beside it"),
                        );
                    }
                } else if path.extension().is_some_and(|e| e == "md") {
                    found.push((path, None));
                }
            }
        }
        Listing {
            files: found,
            warnings,
        }
    }

    /// Reads and parses one content file: its front matter, slug and URL.
    /// On failure returns its content-relative path and the problem.
    fn parse_entry<FM: serde::de::DeserializeOwned + HasSlug>(
        &self,
        section: &str,
        path: &Path,
        bundle: Option<&Path>,
    ) -> Parsed<FM> {
        let rel = source::display_path(&self.content, path)
            .to_string_lossy()
            .replace('\\', "/");
        let file = source::read(&self.root, path).map_err(|d| (rel.clone(), Some(d)))?;
        let split = frontmatter::split(&file).map_err(|d| (rel.clone(), Some(d)))?;
        let fm: FM = yaml::parse(&file, split.yaml, split.yaml_first_line)
            .map_err(|d| (rel.clone(), Some(d)))?;
        let body = split.body.to_string();
        let body_first_line = split.body_first_line;
        let stem = match bundle {
            Some(dir) => dir.file_name(),
            None => path.file_stem(),
        }
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
        let slug = match fm.slug() {
            Some(s) => {
                if let Err(m) = check_slug(s) {
                    let line = key_line(split.yaml, "slug").map_or(1, |l| l + 1);
                    return Err((
                        rel,
                        Some(
                            Diagnostic::error(m)
                                .in_file(&file.display)
                                .at(line, None, Some(&file.text))
                                .with_help("a slug is one URL segment of letters, digits and dashes, e.g. `slug: my-project`"),
                        ),
                    ));
                }
                s.to_string()
            }
            None => {
                let s = slugify(&stem);
                if s.is_empty() {
                    return Err((
                        rel,
                        Some(
                            Diagnostic::error(format!(
                                "cannot make a URL from the file name `{stem}`"
                            ))
                            .in_file(&file.display)
                            .with_help("add `slug: a-name` to the front matter"),
                        ),
                    ));
                }
                s
            }
        };
        let out_path = if section == "pages" {
            format!("{slug}/")
        } else {
            format!("{section}/{slug}/")
        };
        let location = self.location(&out_path);
        Ok(Entry {
            file,
            fm,
            body,
            body_first_line,
            rel,
            slug,
            location,
        })
    }

    fn check_duplicate_slugs<FM>(&mut self, entries: &[Arc<Entry<FM>>], what: &str) {
        let mut seen: BTreeMap<&str, &Entry<FM>> = BTreeMap::new();
        for e in entries {
            if let Some(first) = seen.get(e.slug.as_str()) {
                self.diags.push(
                    Diagnostic::error(format!(
                        "two {what}s have the slug `{}`: {} and {}",
                        e.slug,
                        first.file.display.display(),
                        e.file.display.display()
                    ))
                    .in_file(&e.file.display)
                    .with_help(
                        "give one of them another `slug:` in its front matter, or rename the file",
                    ),
                );
            } else {
                seen.insert(&e.slug, e);
            }
        }
    }

    fn declared_skills(&mut self, (file, profile): &(SourceFile, ProfileFile)) -> Vec<Skill> {
        let mut skills: Vec<Skill> = Vec::new();
        for entry in &profile.skills {
            let slug = slugify(&entry.name);
            let line = find_line(&file.text, &entry.name);
            if slug.is_empty() {
                self.diags.push(
                    Diagnostic::error(format!(
                        "the skill `{}` has no letters or digits",
                        entry.name
                    ))
                    .in_file(&file.display)
                    .at(line, None, Some(&file.text)),
                );
                continue;
            }
            if let Some(other) = skills.iter().find(|s| s.slug == slug) {
                self.diags.push(
                    Diagnostic::error(format!(
                        "the skill `{}` is listed twice (also as `{}`)",
                        entry.name, other.name
                    ))
                    .in_file(&file.display)
                    .at(line, None, Some(&file.text))
                    .with_help("remove one of them"),
                );
                continue;
            }
            let location = self.location(&format!("skills/{slug}/"));
            skills.push(Skill {
                name: entry.name.trim().to_string(),
                slug,
                level: entry.level.clone(),
                years: entry.years,
                projects: Vec::new(),
                project_indexes: Vec::new(),
                location,
            });
        }
        skills
    }

    /// Resolves skill names used in a project or specialized profile against the
    /// skills declared in `profile.yaml`.
    fn resolve_skills(
        &self,
        names: &[SkillEntry],
        skills: &[Skill],
        file: &SourceFile,
        out: &mut Out,
    ) -> Vec<SkillRef> {
        let mut refs: Vec<SkillRef> = Vec::new();
        for entry in names {
            let slug = slugify(&entry.name);
            match skills.iter().position(|s| s.slug == slug) {
                Some(index) => {
                    let s = &skills[index];
                    if !refs.iter().any(|r| r.slug == s.slug) {
                        refs.push(SkillRef {
                            name: s.name.clone(),
                            slug: s.slug.clone(),
                            url: s.location.url.clone(),
                            level: entry.level.clone().or_else(|| s.level.clone()),
                            years: entry.years.or(s.years),
                            index,
                        });
                    }
                }
                None => {
                    let line = find_line(&file.text, &entry.name);
                    let help = match nearest(&entry.name, skills.iter().map(|s| s.name.as_str())) {
                        Some(n) => format!(
                            "did you mean `{n}`? Otherwise add `{}` to `skills:` in content/profile.yaml",
                            entry.name
                        ),
                        None => format!(
                            "add `{}` to `skills:` in content/profile.yaml, or fix its spelling",
                            entry.name
                        ),
                    };
                    out.diags.push(
                        Diagnostic::error(format!(
                            "unknown skill `{}`: it is not in the skills of content/profile.yaml",
                            entry.name
                        ))
                        .in_file(&file.display)
                        .at(line, None, Some(&file.text))
                        .with_help(help),
                    );
                }
            }
        }
        refs
    }

    fn build_project(
        &self,
        e: &Entry<ProjectFrontMatter>,
        targets: &HashMap<String, Target>,
        skills: &[Skill],
        out: &mut Out,
    ) -> Project {
        let names: Vec<SkillEntry> =
            e.fm.skills
                .iter()
                .map(|n| SkillEntry {
                    name: n.clone(),
                    level: None,
                    years: None,
                })
                .collect();
        let skill_refs = self.resolve_skills(&names, skills, &e.file, out);
        let lang = self.config.language.clone();
        let content = self.render_markdown(e, &e.body, e.body_first_line, targets, out);
        let summary_html = markdown::render_simple(&e.fm.summary);
        let cover = e.fm.cover.as_ref().and_then(|cover| {
            let line = key_line(&e.file.text, "cover").unwrap_or(1);
            match self.resolve_asset(e, cover, out) {
                Ok(url) => {
                    let alt = e.fm.cover_alt.clone().unwrap_or_default();
                    if alt.trim().is_empty() {
                        out.diags.push(
                            Diagnostic::warning("the cover image has no alt text")
                                .in_file(&e.file.display)
                                .at(line, None, Some(&e.file.text))
                                .with_help("add `cover_alt:` describing the image, for visitors who cannot see it and for search engines"),
                        );
                    }
                    let src = self.asset_for(e, cover).map(|a| a.src).ok();
                    let v = match src {
                        Some(src) => self.cover_variants(e, cover, &src, &url, out),
                        None => Variants::default(),
                    };
                    Some(Image {
                        url,
                        alt,
                        width: v.width,
                        height: v.height,
                        srcset: v.srcset,
                        webp_srcset: v.webp_srcset,
                    })
                }
                Err(m) => {
                    out.diags.push(
                        Diagnostic::error(format!("cover image: {m}"))
                            .in_file(&e.file.display)
                            .at(line, None, Some(&e.file.text))
                            .with_help("`cover:` is a path relative to this file, e.g. `cover: cover.png` beside index.md"),
                    );
                    None
                }
            }
        });
        let links = self.check_links(&e.fm.links, &e.file, out);
        Project {
            slug: e.slug.clone(),
            title: e.fm.title.clone(),
            date: DateView::new(&e.fm.date, &lang),
            date_raw: e.fm.date,
            summary: e.fm.summary.clone(),
            summary_html,
            role: e.fm.role.clone(),
            client: e.fm.client.clone(),
            skills: skill_refs,
            cover,
            links,
            featured: e.fm.featured,
            draft: e.fm.draft,
            weight: e.fm.weight,
            reading_minutes: reading_minutes(&e.body),
            content,
            body: e.body.clone(),
            location: e.location.clone(),
            extra: e.fm.extra.clone(),
            source: e.file.display.to_string_lossy().into_owned(),
            rev: 0,
            card_rev: 0,
        }
    }

    fn build_page(
        &self,
        e: &Entry<PageFrontMatter>,
        targets: &HashMap<String, Target>,
        out: &mut Out,
    ) -> Page {
        let content = self.render_markdown(e, &e.body, e.body_first_line, targets, out);
        Page {
            slug: e.slug.clone(),
            title: e.fm.title.clone(),
            description: e.fm.description.clone(),
            draft: e.fm.draft,
            weight: e.fm.weight,
            content,
            location: e.location.clone(),
            extra: e.fm.extra.clone(),
            source: e.file.display.to_string_lossy().into_owned(),
        }
    }

    fn check_links(
        &self,
        links: &Links,
        file: &SourceFile,
        out: &mut Out,
    ) -> Vec<crate::content::files::Link> {
        for l in &links.0 {
            let u = l.url.trim();
            if !(u.starts_with("https://") || u.starts_with("http://") || u.starts_with("mailto:"))
            {
                out.diags.push(
                    Diagnostic::warning(format!(
                        "the link `{}` is not a full URL: `{}`",
                        l.name, l.url
                    ))
                    .in_file(&file.display)
                    .at(find_line(&file.text, &l.url), None, Some(&file.text))
                    .with_help("write it with https://, e.g. https://github.com/ana"),
                );
            }
        }
        links.0.clone()
    }

    /// Renders a Markdown body, resolving its links; link problems become diagnostics.
    fn render_markdown<FM>(
        &self,
        e: &Entry<FM>,
        md: &str,
        first_line: usize,
        targets: &HashMap<String, Target>,
        out: &mut Out,
    ) -> String {
        let mut assets: Vec<Asset> = Vec::new();
        let mut lookups: Vec<Lookup> = Vec::new();
        let rendered = {
            let this = self;
            markdown::render(md, |dest, _is_image| {
                this.resolve_link(e, dest, targets, &mut assets, &mut lookups)
            })
        };
        out.assets.extend(assets);
        out.lookups.extend(lookups);
        for p in rendered.problems {
            out.diags.push(
                Diagnostic::error(p.message.clone())
                    .in_file(&e.file.display)
                    .at(p.line + first_line - 1, Some(p.column), Some(&e.file.text))
                    .with_help(
                        "link to another page by its file (`../other.md`, `@/projects/other.md`); link files beside this page by name",
                    ),
            );
        }
        rendered.html
    }

    fn resolve_link<FM>(
        &self,
        e: &Entry<FM>,
        dest: &str,
        targets: &HashMap<String, Target>,
        assets: &mut Vec<Asset>,
        lookups: &mut Vec<Lookup>,
    ) -> Result<Resolved, String> {
        if markdown::is_external_or_fragment(dest) || dest.is_empty() {
            return Ok(Resolved::Keep);
        }
        let (path, fragment) = match dest.find(['#', '?']) {
            Some(i) => (&dest[..i], &dest[i..]),
            None => (dest, ""),
        };
        let path = percent_encoding::percent_decode_str(path)
            .decode_utf8_lossy()
            .into_owned();
        if let Some(site_path) = path.strip_prefix('/') {
            // Site-absolute: make it honour the base path.
            if self.base_path != "/" && path.starts_with(&self.base_path) {
                return Ok(Resolved::Keep);
            }
            return Ok(Resolved::Url(format!(
                "{}{}{fragment}",
                self.base_path,
                crate::slug::encode_path(site_path)
            )));
        }
        let (target, from_root) = match path.strip_prefix("@/") {
            Some(rest) => (normalize(rest), true),
            None => {
                let dir = Path::new(&e.rel)
                    .parent()
                    .map(|p| p.to_string_lossy().replace('\\', "/"))
                    .unwrap_or_default();
                (normalize(&format!("{dir}/{path}")), false)
            }
        };
        let Some(target) = target else {
            return Err(format!(
                "the link `{dest}` points outside the content folder"
            ));
        };
        if target.ends_with(".md") {
            lookups.push(Lookup::new(
                &target,
                targets.get(&target),
                self.failed.contains(&target),
            ));
            return match targets.get(&target) {
                Some(t) if t.draft => Err(format!(
                    "the link `{dest}` points at a draft; it would be broken on the published site"
                )),
                Some(t) => Ok(Resolved::Url(format!("{}{fragment}", t.url))),
                // Reported already where it failed to load.
                None if self.failed.contains(&target) => Ok(Resolved::Keep),
                None => Err(format!(
                    "broken link `{dest}`: there is no content/{target}"
                )),
            };
        }
        if from_root {
            return Err(format!(
                "`@/` links point at Markdown pages; `{dest}` is not one (put files in static/ and link them as /file)"
            ));
        }
        let asset = self.asset_for(e, &path)?;
        let url = self.asset_url(&asset);
        assets.push(asset);
        Ok(Resolved::Url(format!("{url}{fragment}")))
    }

    /// Maps a file beside a page (cover, image, download) to its published URL.
    fn resolve_asset<FM>(&self, e: &Entry<FM>, rel: &str, out: &mut Out) -> Result<String, String> {
        let asset = self.asset_for(e, rel)?;
        let url = self.asset_url(&asset);
        out.assets.push(asset);
        Ok(url)
    }

    /// For a raster cover: its size, and resized variants (never upscaled)
    /// published beside it for `srcset`; for a PNG, the same sizes as lossless
    /// WebP too (smaller than PNG). Vector images need none.
    fn cover_variants<FM>(
        &self,
        e: &Entry<FM>,
        rel: &str,
        src: &Path,
        url: &str,
        out: &mut Out,
    ) -> Variants {
        let ext = src
            .extension()
            .and_then(|x| x.to_str())
            .map(str::to_ascii_lowercase);
        if !matches!(ext.as_deref(), Some("png" | "jpg" | "jpeg")) {
            return Variants::default();
        }
        let Ok((w, h)) = image::image_dimensions(src) else {
            out.diags.push(
                Diagnostic::warning(format!("cannot read the size of the cover image `{rel}`"))
                    .in_file(&e.file.display)
                    .with_help("check that the file is a valid PNG or JPEG"),
            );
            return Variants::default();
        };
        let Ok(asset) = self.asset_for(e, rel) else {
            return Variants {
                width: Some(w),
                height: Some(h),
                ..Variants::default()
            };
        };
        let png = ext.as_deref() == Some("png");
        let mut srcset = Vec::new();
        let mut webp = Vec::new();
        let widths: Vec<u32> = COVER_WIDTHS
            .iter()
            .copied()
            .filter(|&t| t < w)
            .chain([w])
            .collect();
        // Each copy: its URL in a srcset list, and the asset that writes it.
        let mut publish =
            |dest: String, width: Option<u32>, webp: bool, label: u32, list: &mut Vec<String>| {
                list.push(format!("{} {label}w", self.dest_url(&dest)));
                out.assets.push(Asset {
                    src: asset.src.clone(),
                    dest,
                    width,
                    webp,
                });
            };
        for target in widths {
            let original = target == w;
            let resized = (!original).then_some(target);
            if !original {
                publish(
                    variant_name(&asset.dest, target),
                    resized,
                    false,
                    target,
                    &mut srcset,
                );
            }
            if png {
                publish(
                    webp_name(&variant_name(&asset.dest, target)),
                    resized,
                    true,
                    target,
                    &mut webp,
                );
            }
        }
        srcset.push(format!("{url} {w}w"));
        Variants {
            width: Some(w),
            height: Some(h),
            srcset: Some(srcset.join(", ")),
            webp_srcset: png.then(|| webp.join(", ")),
        }
    }

    fn asset_url(&self, asset: &Asset) -> String {
        self.dest_url(&asset.dest)
    }

    /// The URL of an output-relative path.
    fn dest_url(&self, dest: &str) -> String {
        format!("{}{}", self.base_path, crate::slug::encode_path(dest))
    }

    fn asset_for<FM>(&self, e: &Entry<FM>, rel: &str) -> Result<Asset, String> {
        let rel = percent_encoding::percent_decode_str(rel)
            .decode_utf8_lossy()
            .into_owned();
        let Some(inner) = normalize(&rel) else {
            return Err(format!(
                "`{rel}` points outside this page's folder; put shared files in static/ and link them as /file"
            ));
        };
        let dir = e.file.path.parent().unwrap_or(&self.content);
        let src = dir.join(&inner);
        if !src.is_file() {
            return Err(format!(
                "`{rel}` does not exist (looked for {})",
                source::display_path(&self.root, &src).display()
            ));
        }
        Ok(Asset {
            src,
            dest: format!("{}{inner}", e.location.path),
            width: None,
            webp: false,
        })
    }

    fn collect_bundle_assets(&mut self, projects: &[Arc<Project>]) {
        // Every file in a bundle folder is published with its page.
        let bundles: Vec<(PathBuf, String)> = projects
            .iter()
            .filter_map(|p| {
                let src = self.root.join(&p.source);
                if src.file_name()? != "index.md" {
                    return None;
                }
                Some((src.parent()?.to_path_buf(), p.location.path.clone()))
            })
            .collect();
        for (dir, out) in bundles {
            for entry in WalkDir::new(&dir).follow_links(true).min_depth(1) {
                match entry {
                    Ok(entry) => {
                        let path = entry.path();
                        if !entry.file_type().is_file()
                            || path == dir.join("index.md")
                            || is_ignored_name(path)
                        {
                            continue;
                        }
                        let rel = path
                            .strip_prefix(&dir)
                            .unwrap_or(path)
                            .to_string_lossy()
                            .replace('\\', "/");
                        self.assets.push(Asset {
                            src: path.to_path_buf(),
                            dest: format!("{out}{rel}"),
                            width: None,
                            webp: false,
                        });
                    }
                    Err(err) => {
                        let at = err
                            .path()
                            .map(|p| source::display_path(&self.root, p))
                            .unwrap_or_else(|| source::display_path(&self.root, &dir));
                        let msg = if err.loop_ancestor().is_some() {
                            "a symbolic link here loops back to a folder that contains it; it is skipped".to_string()
                        } else {
                            format!("cannot read this file or folder: {err}")
                        };
                        self.diags.push(Diagnostic::warning(msg).in_file(at));
                    }
                }
            }
        }
    }

    fn check_asset_collisions(&mut self, assets: &[Asset]) {
        for pair in assets.windows(2) {
            if pair[0].dest == pair[1].dest && pair[0].src != pair[1].src {
                self.diags.push(
                    Diagnostic::error(format!(
                        "two files would be published at the same place, {}: {} and {}",
                        pair[1].dest,
                        source::display_path(&self.root, &pair[0].src).display(),
                        source::display_path(&self.root, &pair[1].src).display()
                    ))
                    .with_help("rename one of them"),
                );
            }
        }
    }

    fn build_profile(
        &mut self,
        (file, p): (SourceFile, ProfileFile),
        skills: &[Skill],
        projects: &[Arc<Project>],
    ) -> Profile {
        let lang = self.config.language.clone();
        let check_required = |key: &str, value: &str, diags: &mut Diagnostics| {
            if value.trim().is_empty() {
                diags.push(
                    Diagnostic::error(format!("`{key}` is empty"))
                        .in_file(&file.display)
                        .at(
                            key_line(&file.text, key).unwrap_or(1),
                            None,
                            Some(&file.text),
                        )
                        .with_help(format!("write your {key}")),
                );
            }
        };
        check_required("name", &p.name, &mut self.diags);
        check_required("title", &p.title, &mut self.diags);
        check_required("overview", &p.overview, &mut self.diags);

        let photo = p.photo.as_ref().and_then(|photo| {
            let rel = normalize(photo.trim_start_matches('/'));
            let src = rel.as_ref().map(|r| self.content.join(r));
            let static_src = rel.as_ref().map(|r| self.root.join("static").join(r));
            match (rel, src, static_src) {
                (Some(rel), Some(src), _) if src.is_file() => {
                    self.assets.push(Asset {
                        src,
                        dest: rel.clone(),
                        width: None,
                        webp: false,
                    });
                    Some(Image {
                        url: format!("{}{}", self.base_path, crate::slug::encode_path(&rel)),
                        alt: p.photo_alt.clone().unwrap_or_else(|| p.name.clone()),
                        width: None,
                        height: None,
                        srcset: None,
                        webp_srcset: None,
                    })
                }
                (Some(rel), _, Some(s)) if s.is_file() => Some(Image {
                    url: format!("{}{}", self.base_path, crate::slug::encode_path(&rel)),
                    alt: p.photo_alt.clone().unwrap_or_else(|| p.name.clone()),
                    width: None,
                    height: None,
                    srcset: None,
                    webp_srcset: None,
                }),
                _ => {
                    self.diags.push(
                        Diagnostic::error(format!("the photo `{photo}` does not exist"))
                            .in_file(&file.display)
                            .at(key_line(&file.text, "photo").unwrap_or(1), None, Some(&file.text))
                            .with_help("`photo:` is a path relative to content/, e.g. `photo: ana.jpg` for content/ana.jpg"),
                    );
                    None
                }
            }
        });

        let mut out = Out::default();
        let skill_refs = self.resolve_skills(&p.skills, skills, &file, &mut out);
        let upwork_skills = p
            .upwork_skills
            .as_ref()
            .map(|s| self.resolve_skills(s, skills, &file, &mut out));
        let links = self.check_links(&p.links, &file, &mut out);
        self.merge(&out);

        let experience = p
            .experience
            .iter()
            .map(|x| {
                if let Some(end) = x.end
                    && end.sort_key() < x.start.sort_key()
                {
                    self.diags.push(
                        Diagnostic::error(format!(
                            "experience at {}: it ends ({end}) before it starts ({})",
                            x.company, x.start
                        ))
                        .in_file(&file.display)
                        .at(
                            find_line(&file.text, &x.company),
                            None,
                            Some(&file.text),
                        ),
                    );
                }
                Experience {
                    company: x.company.clone(),
                    title: x.title.clone(),
                    start: DateView::new(&x.start, &lang),
                    end: x.end.as_ref().map(|d| DateView::new(d, &lang)),
                    start_date: x.start,
                    end_date: x.end,
                    location: x.location.clone(),
                    url: x.url.clone(),
                    description: x.description.clone(),
                    description_html: x.description.as_deref().map(markdown::render_simple),
                }
            })
            .collect();
        let education = p
            .education
            .iter()
            .map(|x| Education {
                school: x.school.clone(),
                degree: x.degree.clone(),
                area: x.area.clone(),
                url: x.url.clone(),
                start: x.start.as_ref().map(|d| DateView::new(d, &lang)),
                end: x.end.as_ref().map(|d| DateView::new(d, &lang)),
            })
            .collect();
        let certifications = p
            .certifications
            .iter()
            .map(|x| Certification {
                name: x.name.clone(),
                issuer: x.issuer.clone(),
                date: x.date.as_ref().map(|d| DateView::new(d, &lang)),
                url: x.url.clone(),
            })
            .collect();
        let testimonials = p
            .testimonials
            .iter()
            .map(|t| {
                let project = t.project.as_ref().and_then(|slug| {
                    match projects.iter().find(|p| &p.slug == slug) {
                        Some(pr) => Some(ProjectRef {
                            slug: pr.slug.clone(),
                            title: pr.title.clone(),
                            url: pr.location.url.clone(),
                        }),
                        None if self.project_file_exists(slug) => None,
                        None => {
                            let help = match nearest(slug, projects.iter().map(|p| p.slug.as_str())) {
                                Some(n) => format!("did you mean `{n}`?"),
                                None => "`project:` is the slug of a project (its file name without .md)".into(),
                            };
                            self.diags.push(
                                Diagnostic::error(format!(
                                    "the testimonial by {} is about project `{slug}`, which does not exist",
                                    t.author
                                ))
                                .in_file(&file.display)
                                .at(find_line(&file.text, slug), None, Some(&file.text))
                                .with_help(help),
                            );
                            None
                        }
                    }
                });
                if let Some(r) = t.rating
                    && !(0.0..=5.0).contains(&r)
                {
                    self.diags.push(
                        Diagnostic::error(format!("the rating {r} of the testimonial by {} is not between 0 and 5", t.author))
                            .in_file(&file.display)
                            .at(find_line(&file.text, &t.author), None, Some(&file.text)),
                    );
                }
                Testimonial {
                    quote: t.quote.trim().to_string(),
                    author: t.author.clone(),
                    role: t.role.clone(),
                    project,
                    rating: t.rating,
                }
            })
            .collect();

        Profile {
            name: p.name.trim().to_string(),
            title: p.title.trim().to_string(),
            overview_html: markdown::render_simple(&p.overview),
            overview: p.overview,
            photo,
            location: p.location,
            timezone: p.timezone,
            hourly_rate: p.hourly_rate.as_ref().map(RateView::from),
            rate: p.hourly_rate,
            availability: p.availability,
            email: p.email,
            languages: p.languages,
            links,
            skills: skill_refs,
            upwork_skills,
            experience,
            education,
            certifications,
            testimonials,
            extra: p.extra,
            source: file.display.to_string_lossy().into_owned(),
        }
    }

    fn build_specialized(
        &mut self,
        file: SourceFile,
        raw: SpecializedProfileFile,
        skills: &[Skill],
        projects: &[Arc<Project>],
    ) -> SpecializedProfile {
        let stem = file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let slug = slugify(&stem);
        let mut out = Out::default();
        let skill_refs = self.resolve_skills(&raw.skills, skills, &file, &mut out);
        self.merge(&out);
        let chosen: Vec<String> = match &raw.projects {
            Some(slugs) => {
                let mut out = Vec::new();
                for s in slugs {
                    match projects.iter().find(|p| &p.slug == s) {
                        Some(p) => out.push(p.slug.clone()),
                        // A draft (left out) or a file that failed to load (reported already).
                        None if self.project_file_exists(s) => {}
                        None => {
                            let help = match nearest(s, projects.iter().map(|p| p.slug.as_str())) {
                                Some(n) => format!("did you mean `{n}`?"),
                                None => "list projects by slug (the file name without .md)".into(),
                            };
                            self.diags.push(
                                Diagnostic::error(format!("unknown project `{s}`"))
                                    .in_file(&file.display)
                                    .at(find_line(&file.text, s), None, Some(&file.text))
                                    .with_help(help),
                            );
                        }
                    }
                }
                out
            }
            None => {
                // Projects that share a skill with the profile: featured first, then newest.
                let mut matching: Vec<&Project> = projects
                    .iter()
                    .map(AsRef::as_ref)
                    .filter(|p| {
                        p.skills
                            .iter()
                            .any(|s| skill_refs.iter().any(|r| r.slug == s.slug))
                    })
                    .collect();
                matching.sort_by_key(|p| !p.featured);
                matching.into_iter().map(|p| p.slug.clone()).collect()
            }
        };
        let name = raw.name.clone().unwrap_or_else(|| {
            let mut c = stem.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect(),
                None => stem.clone(),
            }
        });
        SpecializedProfile {
            location: self.location(&format!("profiles/{slug}/")),
            slug,
            name,
            title: raw.title.trim().to_string(),
            overview_html: markdown::render_simple(&raw.overview),
            overview: raw.overview,
            skills: skill_refs,
            hourly_rate: raw.hourly_rate.as_ref().map(RateView::from),
            rate: raw.hourly_rate,
            projects: chosen,
            extra: raw.extra,
            source: file.display.to_string_lossy().into_owned(),
        }
    }

    fn project_file_exists(&self, slug: &str) -> bool {
        let dir = self.content.join("projects");
        [
            dir.join(format!("{slug}.md")),
            dir.join(slug).join("index.md"),
        ]
        .iter()
        .any(|p| p.is_file())
    }
}

/// Front matter types that may set their own slug.
trait HasSlug {
    fn slug(&self) -> Option<&str>;
}
impl HasSlug for ProjectFrontMatter {
    fn slug(&self) -> Option<&str> {
        self.slug.as_deref()
    }
}
impl HasSlug for PageFrontMatter {
    fn slug(&self) -> Option<&str> {
        self.slug.as_deref()
    }
}

/// Editor swap, backup and hidden files, which are never content.
pub fn is_ignored_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".bck")
        || name.ends_with(".tmp")
        || name == "4913"
}

/// Widths of the resized variants of cover images: cards at 1x and 2x, the
/// project page at 1x and 2x.
const COVER_WIDTHS: [u32; 4] = [480, 960, 1200, 2400];

/// What [`Loader::cover_variants`] found.
#[derive(Default)]
struct Variants {
    width: Option<u32>,
    height: Option<u32>,
    srcset: Option<String>,
    webp_srcset: Option<String>,
}

/// `projects/a/cover-480w.png` → `projects/a/cover-480w.webp`.
fn webp_name(dest: &str) -> String {
    match dest.rsplit_once('.') {
        Some((stem, _)) => format!("{stem}.webp"),
        None => format!("{dest}.webp"),
    }
}

/// `projects/a/cover.png` → `projects/a/cover-480w.png`.
fn variant_name(dest: &str, width: u32) -> String {
    match dest.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') => format!("{stem}-{width}w.{ext}"),
        _ => format!("{dest}-{width}w"),
    }
}

/// Whether a folder directly holds Markdown files (a bundle missing its index.md).
fn has_markdown(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|rd| {
        rd.filter_map(|e| e.ok())
            .any(|e| e.path().extension().is_some_and(|x| x == "md"))
    })
}

/// Normalises a `/`-separated relative path; `None` if `..` climbs above its start.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(parts.join("/"))
}

/// The first 1-based line containing `needle`, or 1.
fn find_line(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map_or(1, |i| i + 1)
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
    fn normalize_paths() {
        assert_eq!(normalize("a/./b/../c.md").as_deref(), Some("a/c.md"));
        assert_eq!(normalize("../x"), None);
        assert_eq!(normalize("projects/../../x"), None);
        assert_eq!(normalize("projects/x.md").as_deref(), Some("projects/x.md"));
    }

    #[test]
    fn ignored_names() {
        for n in [".x.md.swp", "a.md~", "4913", ".DS_Store", "a.bck", "#a.md#"] {
            assert!(is_ignored_name(Path::new(n)), "{n}");
        }
        assert!(!is_ignored_name(Path::new("a.md")));
    }

    #[test]
    fn reading_time() {
        assert_eq!(reading_minutes("word "), 1);
        assert_eq!(reading_minutes(&"word ".repeat(660)), 3);
    }
}
