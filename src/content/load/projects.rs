//! Stage 5, projects (and content pages): built from their entries, in parallel,
//! reusing what the cache kept when their inputs are the same.

use super::*;
use crate::content::summary;

/// A project's summary three ways: Markdown, HTML and plain text.
#[derive(Default)]
pub(super) struct Summary {
    markdown: String,
    html: String,
    text: String,
    from_body: bool,
}

/// The 1-based column of the value on `line` of a `key: value` line (after
/// the colon and its spaces).
fn value_column(text: &str, line: usize) -> Option<usize> {
    let l = text.lines().nth(line.checked_sub(1)?)?;
    let colon = l.find(':')?;
    let value = l[colon + 1..].trim_start();
    Some(l[..l.len() - value.len()].chars().count() + 1)
}

/// The order of projects on the site: newest first (the time of a date-time
/// orders one day's projects), undated ones last; then by weight, then
/// title, so the order never depends on the disk.
pub(super) fn newest_first(projects: &[Arc<Project>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..projects.len()).collect();
    order.sort_by(|&a, &b| {
        let (a, b) = (&projects[a], &projects[b]);
        // Dated projects newest first, undated ones after them.
        let when = |d: &Option<crate::date::Date>| d.map(|d| (d.sort_key(), d.time));
        match (when(&a.date_raw), when(&b.date_raw)) {
            (Some(x), Some(y)) => y.cmp(&x),
            (x, y) => x.is_none().cmp(&y.is_none()),
        }
        .then(a.weight.cmp(&b.weight))
        .then(a.title.cmp(&b.title))
        .then(a.slug.cmp(&b.slug))
    });
    order
}

/// The tags of `projects` by name (the first spelling of a slug wins), each
/// with its projects in site order; none when the site hides tag pages.
pub(super) fn tags_with_projects(
    projects: &[Arc<Project>],
    shown: bool,
    loader: &Loader,
) -> Vec<Tag> {
    let mut tags: Vec<Tag> = Vec::new();
    if !shown {
        return tags;
    }
    // Where each slug's tag is in `tags`: one look-up per use, not a scan.
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, p) in projects.iter().enumerate() {
        for r in &p.tags {
            let n = *at.entry(r.slug.clone()).or_insert_with(|| {
                tags.push(Tag {
                    name: r.name.clone(),
                    slug: r.slug.clone(),
                    projects: Vec::new(),
                    project_indexes: Vec::new(),
                    location: loader.location(&format!("tags/{}/", r.slug)),
                });
                tags.len() - 1
            });
            let tag = &mut tags[n];
            if tag.project_indexes.last() != Some(&i) {
                tag.projects.push(p.slug.clone());
                tag.project_indexes.push(i);
            }
        }
    }
    tags.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.slug.cmp(&b.slug))
    });
    tags
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
        targets: &Targets,
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
        targets: &Targets,
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
    /// The skills of `names`, written under `key` (`skills`, `upwork_skills`).
    pub(super) fn resolve_skills(
        &self,
        key: &str,
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
                        .push(places.at_text(d, key, &entry.name).with_help(help));
                }
            }
        }
        refs
    }

    pub(super) fn build_project(
        &self,
        e: &Entry<ProjectFrontMatter>,
        targets: &Targets,
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
        let skill_refs = self.resolve_skills("skills", &names, skills, &e.file, out);
        let tags = self.tag_refs(&e.fm.tags);
        let lang = self.config.language.clone();
        let content = self.render_markdown(e, &e.body, e.body_first_line, targets, out);
        let summary = self.summary(e, out);
        let cover = self.cover(e, out);
        let links = self.check_links(&e.fm.links, &e.file, out);
        Project {
            slug: e.slug.clone(),
            title: e.fm.title.clone(),
            date: e.fm.date.as_ref().map(|d| DateView::new(d, &lang)),
            date_raw: e.fm.date,
            summary: summary.markdown,
            summary_html: summary.html,
            summary_text: summary.text,
            summary_from_body: summary.from_body,
            role: e.fm.role.clone(),
            client: e.fm.client.clone(),
            skills: skill_refs,
            tags,
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
            translated: e.translated,
        }
    }

    /// The summary as written, else taken from the body (see
    /// [`crate::content::summary`]); one written empty is an error.
    pub(super) fn summary(&self, e: &Entry<ProjectFrontMatter>, out: &mut Out) -> Summary {
        match e.fm.summary.as_deref() {
            Some(md) if md.trim().is_empty() => {
                let line = key_line(&e.file.text, "summary").unwrap_or(1);
                out.diags.push(
                    Diagnostic::error("`summary:` is empty")
                        .in_file(&e.file.display)
                        .at(line, value_column(&e.file.text, line), Some(&e.file.text))
                        .with_help("write one or two sentences on what you did and what came of it, or remove `summary:` to use the first paragraph of the write-up"),
                );
                Summary::default()
            }
            Some(md) => Summary {
                markdown: md.to_string(),
                html: markdown::render_simple(md),
                text: summary::plain(md),
                from_body: false,
            },
            None => match summary::derive(&e.body) {
                Some(md) => {
                    let text = summary::shorten(&summary::plain(md), summary::MAX_COLUMNS);
                    Summary {
                        markdown: md.to_string(),
                        html: format!("<p>{}</p>\n", markdown::escape_markup(&text)),
                        text,
                        from_body: true,
                    }
                }
                None => {
                    out.diags.push(
                        Diagnostic::warning("this project has no summary: cards and search results will show none")
                            .in_file(&e.file.display)
                            .with_help("add `summary:` to the front matter, or start the write-up with a paragraph"),
                    );
                    Summary::default()
                }
            },
        }
    }

    /// `tags:` as written, without blanks or repeats; each links to its page
    /// unless the site hides tag pages.
    fn tag_refs(&self, names: &[String]) -> Vec<TagRef> {
        let mut refs: Vec<TagRef> = Vec::new();
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let slug = slugify(name);
            if slug.is_empty() || refs.iter().any(|r| r.slug == slug) {
                continue;
            }
            let url = match self.config.taxonomies.tags {
                true => self.location(&format!("tags/{slug}/")).url,
                false => String::new(),
            };
            refs.push(TagRef {
                name: name.to_string(),
                slug,
                url,
            });
        }
        refs
    }

    pub(super) fn build_page(
        &self,
        e: &Entry<PageFrontMatter>,
        targets: &Targets,
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
            translated: e.translated,
        }
    }
}
