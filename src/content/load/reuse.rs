//! The seam between loading and `serve`'s [`LoadCache`]: what the loader does
//! only when it loads for a cache (reusing entries and projects, recording what
//! the next load needs). A plain build has no cache and pays nothing here: no
//! file stamps, no recorded lookups, no revisions. The fast path for in-place
//! edits is beside it, in `edits`.

use super::read::Reuse;
use super::*;

/// A project built in this load: it, what building it gave, and (with a
/// cache, when built now rather than reused) its revisions.
pub(super) type BuiltNow = (Arc<Project>, Arc<Out>, Option<(u64, u64)>);

impl Loader {
    /// Reads the project files; with a cache, reuses the entries of files
    /// whose stamp is unchanged and keeps what was read for the next load.
    pub(super) fn read_projects(&mut self, out: &mut Out) -> Vec<Arc<Entry<ProjectFrontMatter>>> {
        let mut cache = self.cache.take();
        let listing = cache.as_mut().and_then(|c| c.listing.take());
        let reuse = |path: &Path, stamp: &Stamp| {
            let c = cache.as_ref()?.projects.get(path)?;
            (c.stamp.as_ref() == Some(stamp)).then(|| c.entry.clone())
        };
        let reuse = cache.is_some().then_some(&reuse as &Reuse<'_, _>);
        let read = self.read_entries::<ProjectFrontMatter>("projects", listing, reuse, out);
        self.cache = cache;
        if let Some(c) = &mut self.cache {
            c.keep_read(&read.entries, read.read, read.listing);
        }
        read.entries
    }

    /// The project built last time from this very entry, if the links it
    /// resolved to other pages still resolve the same way.
    pub(super) fn reusable<'c>(
        &self,
        last: Option<&'c Built>,
        e: &Arc<Entry<ProjectFrontMatter>>,
        targets: &Targets,
    ) -> Option<&'c Built> {
        last.filter(|b| {
            Arc::ptr_eq(&b.from, e)
                && b.out
                    .lookups
                    .iter()
                    .all(|l| l.same(|t| targets.get(t), |t| self.failed.contains(t)))
        })
    }

    /// With a cache: what the next load's fast path builds an edited project
    /// with (`order` gives the site position of each of `entries`' projects).
    pub(super) fn keep_for_edits(
        &mut self,
        targets: Targets,
        skills: &[Skill],
        entries: &[Arc<Entry<ProjectFrontMatter>>],
        order: &[usize],
    ) {
        if self.cache.is_none() {
            return;
        }
        let position = order
            .iter()
            .enumerate()
            .map(|(pos, &i)| (entries[i].file.path.clone(), pos))
            .collect();
        self.keep = Some(Keep {
            targets,
            skills: skills.to_vec(),
            position,
        });
    }
}

/// The project last built from `e`'s file, if the cache holds one.
pub(super) fn last_built<'c>(
    cache: Option<&'c LoadCache>,
    e: &Entry<ProjectFrontMatter>,
) -> Option<&'c Built> {
    cache?.projects.get(&e.file.path)?.built.as_ref()
}

/// The revisions of a project built now: a new one, and its card's, kept
/// when the card is the same as the one last built from its file.
pub(super) fn revisions(old: Option<&Built>, p: &Project) -> (u64, u64) {
    let rev = LoadCache::next_rev();
    match old {
        Some(o) if same_card(&o.project, p) => (rev, o.card_rev),
        _ => (rev, rev),
    }
}

/// Keeps the projects built now (not reused) in the cache, for the next load.
pub(super) fn record_built(
    cache: &mut LoadCache,
    entries: &[Arc<Entry<ProjectFrontMatter>>],
    built: &[BuiltNow],
) {
    for (e, (p, out, revs)) in entries.iter().zip(built) {
        if let (Some((rev, card_rev)), Some(slot)) = (revs, cache.projects.get_mut(&e.file.path)) {
            slot.built = Some(Built {
                from: e.clone(),
                project: p.clone(),
                out: out.clone(),
                rev: *rev,
                card_rev: *card_rev,
            });
        }
    }
}
