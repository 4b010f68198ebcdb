//! What `folio serve` keeps between loads of a site, so that saving one
//! write-up re-reads and re-builds that file only.
//!
//! Per project file it keeps the parsed entry (valid while the file's size and
//! modification time are the same) and the built [`Project`] with its messages,
//! assets and the links it resolved to other pages (valid while those links
//! resolve the same way). What every project depends on (the config, the
//! command-line options, the skills declared in `profile.yaml`) is fingerprinted;
//! when it changes, everything is read and built again.
//!
//! It also keeps the last site: when the watcher reported nothing but in-place
//! edits of project files, the loader's fast path rebuilds just those projects
//! into it (see [`crate::content::load::load_cached`]).

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::SystemTime;

use super::{Entry, Listing, Out, Target, Targets};
use crate::content::files::ProjectFrontMatter;
use crate::content::model::{Project, Site, Skill};
use crate::diagnostics::Diagnostic;

/// Loads of a site kept for the next load. Empty at first; see [`crate::content::load::load_cached`].
#[derive(Default)]
pub struct LoadCache {
    /// Fingerprint of the config and load options the entries were read with.
    config: u64,
    /// Fingerprint of the declared skills the projects were built with.
    skills: u64,
    pub(in crate::content) projects: HashMap<PathBuf, CachedProject>,
    /// The project files found by the last load; dropped when the watcher
    /// reports a file that may have come or gone, so the folder is listed again.
    pub(in crate::content) listing: Option<Arc<Listing>>,
    /// Since the last load, the watcher reported only in-place edits of
    /// known project files (nothing came or went, nothing else changed).
    pub(in crate::content) only_edits: bool,
    /// The last load, for the fast path (`None` after a failed full load).
    pub(in crate::content) last: Option<Last>,
    /// After a fast load: the positions in [`Site::projects`] of the projects
    /// it changed (nothing else changed). `None` after a full load.
    pub changed: Option<Vec<usize>>,
}

/// The last load: its site and what was used to build it.
pub(in crate::content) struct Last {
    pub(in crate::content) site: Arc<Site>,
    /// Its messages (an edit's replace those of the project it edits).
    pub(in crate::content) diags: Vec<Diagnostic>,
    pub(in crate::content) targets: Targets,
    /// The skills declared in `profile.yaml`.
    pub(in crate::content) skills: Vec<Skill>,
    /// Markdown files that failed to load.
    pub(in crate::content) failed: std::collections::HashSet<String>,
    /// Project file → its position in `site.projects`.
    pub(in crate::content) position: HashMap<PathBuf, usize>,
    /// The revisions of `site.projects`.
    pub(in crate::content) revisions: Arc<Revisions>,
}

impl Last {
    /// The last load, with the revisions of its projects as `projects` holds them.
    #[allow(clippy::too_many_arguments)]
    pub(in crate::content) fn new(
        site: Arc<Site>,
        diags: Vec<Diagnostic>,
        targets: Targets,
        skills: Vec<Skill>,
        failed: std::collections::HashSet<String>,
        position: HashMap<PathBuf, usize>,
        projects: &HashMap<PathBuf, CachedProject>,
    ) -> Last {
        let revisions = Arc::new(Revisions::of(&position, projects));
        Last {
            site,
            diags,
            targets,
            skills,
            failed,
            position,
            revisions,
        }
    }
}

/// One project file.
pub(in crate::content) struct CachedProject {
    /// `None` once the watcher reported a change: read it again.
    pub(in crate::content) stamp: Option<Stamp>,
    pub(in crate::content) entry: Arc<Entry<ProjectFrontMatter>>,
    /// The project last built from this file (from `entry`, or from an older
    /// version of the file, whose card an edit is compared with).
    pub(in crate::content) built: Option<Built>,
}

pub(in crate::content) struct Built {
    /// The entry it was built from.
    pub(in crate::content) from: Arc<Entry<ProjectFrontMatter>>,
    pub(in crate::content) project: Arc<Project>,
    pub(in crate::content) out: Arc<Out>,
    /// Its revisions (see [`Revisions`]).
    pub(in crate::content) rev: u64,
    pub(in crate::content) card_rev: u64,
}

/// Per project of a site loaded with a cache (by position in
/// [`Site::projects`]), two revision numbers within the `serve` session: `rev`
/// is new whenever the project is built again from a changed file; `card` is
/// kept when an edit left the [card](Project::card) as it was (only the body
/// changed), so lists that show the card need no re-render. Empty (every
/// revision 0) for a site loaded without a cache.
#[derive(Debug, Clone, Default)]
pub struct Revisions {
    rev: Vec<u64>,
    card: Vec<u64>,
}

impl Revisions {
    /// The revisions of the projects at these positions (`position`: file → position).
    fn of(position: &HashMap<PathBuf, usize>, projects: &HashMap<PathBuf, CachedProject>) -> Self {
        let mut revs = Revisions {
            rev: vec![0; position.len()],
            card: vec![0; position.len()],
        };
        for (path, &pos) in position {
            if let Some(b) = projects.get(path).and_then(|c| c.built.as_ref()) {
                revs.set(pos, b.rev, b.card_rev);
            }
        }
        revs
    }

    pub(in crate::content) fn set(&mut self, pos: usize, rev: u64, card: u64) {
        if let (Some(r), Some(c)) = (self.rev.get_mut(pos), self.card.get_mut(pos)) {
            (*r, *c) = (rev, card);
        }
    }

    /// The revision of the project at `pos` (0 when not known).
    pub fn rev(&self, pos: usize) -> u64 {
        self.rev.get(pos).copied().unwrap_or(0)
    }

    /// The revision of the card of the project at `pos` (0 when not known).
    pub fn card(&self, pos: usize) -> u64 {
        self.card.get(pos).copied().unwrap_or(0)
    }
}

/// A file's size and modification time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(in crate::content) struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

impl Stamp {
    pub(in crate::content) fn of(path: &Path) -> Option<Stamp> {
        let m = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
        })
    }
}

/// How a link to another Markdown file resolved when a page was built.
#[derive(Debug, Clone, PartialEq)]
pub(in crate::content) struct Lookup {
    target: String,
    found: Option<Target>,
    failed: bool,
}

impl Lookup {
    pub(in crate::content) fn new(target: &str, found: Option<&Target>, failed: bool) -> Lookup {
        Lookup {
            target: target.to_string(),
            found: found.cloned(),
            failed,
        }
    }

    /// Whether the link resolves the same way now.
    pub(in crate::content) fn same<'t>(
        &self,
        find: impl Fn(&str) -> Option<&'t Target>,
        failed: impl Fn(&str) -> bool,
    ) -> bool {
        find(&self.target) == self.found.as_ref() && failed(&self.target) == self.failed
    }
}

fn fingerprint(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

impl LoadCache {
    /// The revisions of the projects of the last site loaded, if it loaded.
    pub fn revisions(&self) -> Option<Arc<Revisions>> {
        self.last.as_ref().map(|l| l.revisions.clone())
    }

    /// A new, unique revision number for a project built now.
    pub(in crate::content) fn next_rev() -> u64 {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        NEXT.fetch_add(1, Ordering::Relaxed)
    }

    /// Starts a load with this config and options (their `Debug` text):
    /// if they differ from the last load's, nothing is reused.
    pub(in crate::content) fn start(&mut self, config: &str) {
        let f = fingerprint(config);
        if f != self.config {
            self.projects.clear();
            self.listing = None;
            self.last = None;
            self.config = f;
        }
    }

    /// Before building: if the declared skills changed, every project is built again.
    pub(in crate::content) fn check_skills(&mut self, skills: &str) {
        let f = fingerprint(skills);
        if f != self.skills {
            for p in self.projects.values_mut() {
                p.built = None;
            }
            self.skills = f;
        }
    }

    /// After reading: keeps the files that loaded now (`entries`) and records
    /// those read anew, whose projects must be built again.
    pub(in crate::content) fn keep_read(
        &mut self,
        entries: &[Arc<Entry<ProjectFrontMatter>>],
        read: Vec<(Stamp, Arc<Entry<ProjectFrontMatter>>)>,
        listing: Arc<Listing>,
    ) {
        let same_files = self.projects.len() == entries.len()
            && read
                .iter()
                .all(|(_, e)| self.projects.contains_key(&e.file.path));
        if !same_files {
            let now: std::collections::HashSet<&Path> =
                entries.iter().map(|e| e.file.path.as_path()).collect();
            self.projects.retain(|p, _| now.contains(p.as_path()));
        }
        self.listing = Some(listing);
        for (stamp, entry) in read {
            let built = self.projects.remove(&entry.file.path).and_then(|c| c.built);
            self.projects.insert(
                entry.file.path.clone(),
                CachedProject {
                    stamp: Some(stamp),
                    entry,
                    built,
                },
            );
        }
    }

    /// Marks what may be stale after these files changed (from the watcher), so
    /// it is read again: a project's file or a file in its bundle folder marks
    /// that project; a file beside the flat `projects/*.md` files (an image one
    /// of them may use) marks them all. Changes elsewhere are caught by the
    /// fingerprints and the links' lookups.
    pub fn forget(&mut self, content: &Path, changed: &[PathBuf]) {
        let projects = content.join("projects");
        for path in changed {
            // Only an in-place edit of a known project file keeps the fast path.
            let known = self.projects.contains_key(path) && path.is_file();
            if !known {
                self.only_edits = false;
            }
            let Ok(rel) = path.strip_prefix(&projects) else {
                continue;
            };
            let mut parts = rel.components();
            let (Some(first), rest) = (parts.next(), parts.next()) else {
                continue;
            };
            let first = projects.join(first);
            let file = if rest.is_some() {
                first.join("index.md")
            } else {
                first.clone()
            };
            if let Some(c) = self.projects.get_mut(&file) {
                // A known project's file, or a file in its bundle folder.
                c.stamp = None;
                if !file.is_file() {
                    self.listing = None;
                }
            } else if (rest.is_none() && first.extension().is_some_and(|e| e == "md"))
                || (rest.is_none() && first.is_dir())
                || (rest.is_some() && file.is_file())
            {
                // A project, or a bundle folder, may have come or gone.
                self.listing = None;
            } else {
                // A file beside the flat `*.md` files or in a folder of shared
                // files, which any of them may use.
                for c in self.projects.values_mut() {
                    c.stamp = None;
                }
                self.listing = None;
            }
        }
    }

    #[cfg(test)]
    fn stale(&self) -> usize {
        self.projects.values().filter(|c| c.stamp.is_none()).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forget_drops_only_what_a_change_can_touch() {
        let content = Path::new("/site/content");
        let mut c = LoadCache::default();
        let keys = [
            "/site/content/projects/a.md",
            "/site/content/projects/b.md",
            "/site/content/projects/c/index.md",
        ];
        let fill = |c: &mut LoadCache| {
            for k in keys {
                c.projects.insert(
                    PathBuf::from(k),
                    CachedProject {
                        stamp: Some(Stamp {
                            len: 0,
                            modified: None,
                        }),
                        entry: Arc::new(Entry::for_test(k)),
                        built: None,
                    },
                );
            }
        };
        fill(&mut c);
        c.forget(content, &[PathBuf::from("/site/content/projects/a.md")]);
        assert_eq!(c.stale(), 1);
        c.forget(
            content,
            &[PathBuf::from("/site/content/projects/c/shot.png")],
        );
        assert_eq!(c.stale(), 2);
        c.forget(content, &[PathBuf::from("/site/content/profile.yaml")]);
        assert_eq!(c.stale(), 2);
        fill(&mut c);
        assert_eq!(c.stale(), 0);
        c.forget(content, &[PathBuf::from("/site/content/projects/logo.png")]);
        assert_eq!(c.stale(), 3);
    }
}
