//! Stage 5, projects (and content pages): built from their entries, in parallel,
//! reusing what the cache kept when their inputs are the same.

use super::*;

/// The order of projects on the site: newest first; then by weight, then
/// title, so the order never depends on the disk.
pub(super) fn newest_first(projects: &[Arc<Project>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..projects.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&projects[a], &projects[b]);
        b.date_raw
            .sort_key()
            .cmp(&a.date_raw.sort_key())
            .then(a.weight.cmp(&b.weight))
            .then(a.title.cmp(&b.title))
            .then(a.slug.cmp(&b.slug))
    });
    order
}

/// The declared skills, each with the projects (in site order) that use it.
pub(super) fn skills_with_projects(
    mut skills: Vec<Skill>,
    projects: &[Arc<Project>],
) -> Vec<Skill> {
    for (i, p) in projects.iter().enumerate() {
        for r in &p.skills {
            if let Some(s) = skills.get_mut(r.index) {
                s.projects.push(p.slug.clone());
                s.project_indexes.push(i);
            }
        }
    }
    skills
}

impl Loader {
    /// Builds the content pages in parallel, ordered by weight, then title.
    pub(super) fn build_pages(
        &self,
        entries: Vec<Arc<Entry<PageFrontMatter>>>,
        targets: &HashMap<String, Target>,
        out: &mut Out,
    ) -> Vec<Page> {
        let built: Vec<(Page, Out)> = entries
            .into_par_iter()
            .map(|e| {
                let mut own = Out::default();
                let p = self.build_page(&e, targets, &mut own);
                (p, own)
            })
            .collect();
        let mut pages: Vec<Page> = built
            .into_iter()
            .map(|(p, own)| {
                out.merge(&own);
                p
            })
            .collect();
        pages.sort_by(|a, b| a.weight.cmp(&b.weight).then(a.title.cmp(&b.title)));
        pages
    }

    /// Builds the projects in parallel, in file order; with a cache, reuses
    /// each project whose file and inputs did not change.
    pub(super) fn build_projects(
        &mut self,
        entries: &[Arc<Entry<ProjectFrontMatter>>],
        targets: &HashMap<String, Target>,
        skills: &[Skill],
        out: &mut Out,
    ) -> Vec<Arc<Project>> {
        let mut cache = self.cache.take();
        if let Some(c) = &mut cache {
            c.check_skills(&format!("{skills:?}"));
        }
        let built: Vec<BuiltNow> = entries
            .par_iter()
            .map(|e| {
                let old = last_built(cache.as_ref(), e);
                if let Some(b) = self.reusable(old, e, targets) {
                    return (b.project.clone(), b.out.clone(), None);
                }
                let mut own = Out::default();
                let p = self.build_project(e, targets, skills, &mut own);
                let revs = cache.as_ref().map(|_| revisions(old, &p));
                (Arc::new(p), Arc::new(own), revs)
            })
            .collect();
        if let Some(c) = &mut cache {
            record_built(c, entries, &built);
        }
        self.cache = cache;
        built
            .into_iter()
            .map(|(p, own, _)| {
                out.merge(&own);
                p
            })
            .collect()
    }

    pub(super) fn declared_skills(
        &self,
        (file, profile): &(SourceFile, ProfileFile),
        out: &mut Out,
    ) -> Vec<Skill> {
        let mut skills: Vec<Skill> = Vec::new();
        let places = Places::new(file);
        for (i, entry) in profile.skills.iter().enumerate() {
            let slug = slugify(&entry.name);
            let at = |d| places.at(d, &format!("skills[{i}]"));
            if slug.is_empty() {
                out.diags.push(at(Diagnostic::error(format!(
                    "the skill `{}` has no letters or digits",
                    entry.name
                ))));
                continue;
            }
            if let Some(other) = skills.iter().find(|s| s.slug == slug) {
                let d = Diagnostic::error(format!(
                    "the skill `{}` is listed twice (also as `{}`)",
                    entry.name, other.name
                ));
                out.diags.push(at(d).with_help("remove one of them"));
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
    pub(super) fn resolve_skills(
        &self,
        names: &[SkillEntry],
        skills: &[Skill],
        file: &SourceFile,
        out: &mut Out,
    ) -> Vec<SkillRef> {
        let mut refs: Vec<SkillRef> = Vec::new();
        let places = Places::new(file);
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
                None if self.no_profile => {}
                None => {
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
                    let d = Diagnostic::error(format!(
                        "unknown skill `{}`: it is not in the skills of content/profile.yaml",
                        entry.name
                    ));
                    out.diags
                        .push(places.at_text(d, "skills", &entry.name).with_help(help));
                }
            }
        }
        refs
    }

    pub(super) fn build_project(
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
        let cover = self.cover(e, out);
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
        }
    }

    pub(super) fn build_page(
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
}
