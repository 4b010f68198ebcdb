//! The cache seam's fast path (beside `reuse`): an in-place edit of project files rebuilds
//! just those projects into the last site.

use super::*;

/// What a full load leaves for [`Loader::run_edits`].
pub(super) struct Keep {
    pub(super) targets: Targets,
    pub(super) skills: Vec<Skill>,
    pub(super) position: HashMap<PathBuf, usize>,
}

impl Loader {
    /// The fast path of [`load_cached`]: rebuilds the projects whose files the
    /// watcher reported, in place in the last site. `None` when an edit may
    /// change more than its own page (then everything is loaded as usual).
    pub(super) fn run_edits(&mut self, cache: &mut LoadCache) -> Option<Loaded> {
        let last = cache.last.as_ref()?;
        self.failed = last.failed.clone();
        let mut updates = Vec::new();
        for (path, c) in cache.projects.iter().filter(|(_, c)| c.stamp.is_none()) {
            let &pos = last.position.get(path)?;
            let old = c.built.as_ref()?;
            if !Arc::ptr_eq(&old.project, last.site.projects.get(pos)?) {
                return None;
            }
            let stamp = Stamp::of(path)?;
            let entry = self
                .parse_entry::<ProjectFrontMatter>("projects", path, c.entry.bundle.as_deref())
                .ok()?;
            if entry.fm.draft && !self.drafts {
                return None;
            }
            let mut out = Out::default();
            let p = self.build_project(&entry, &last.targets, &last.skills, &mut out);
            let o = &old.project;
            let in_place = same_card(o, &p)
                && o.weight == p.weight
                && o.date_raw == p.date_raw
                // Tag pages list projects by tag: a changed tag reloads the site.
                && o.tags == p.tags
                && out.assets == old.out.assets;
            if !in_place {
                return None;
            }
            let entry = Arc::new(entry);
            let built = Built {
                from: entry.clone(),
                project: Arc::new(p),
                out: Arc::new(out),
                rev: LoadCache::next_rev(),
                card_rev: old.card_rev,
            };
            updates.push((path.clone(), pos, stamp, entry, built, old.out.clone()));
        }
        let last = cache.last.as_mut()?;
        let site = Arc::make_mut(&mut last.site);
        let mut changed = Vec::new();
        for (path, pos, stamp, entry, built, old_out) in updates {
            site.projects[pos] = built.project.clone();
            Arc::make_mut(&mut last.revisions).set(pos, built.rev, built.card_rev);
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
