//! Stage 6, profiles: the main profile and the specialized ones, checked
//! against the projects and skills.

use super::*;

impl Loader {
    pub(super) fn build_profile(
        &self,
        (file, p): (SourceFile, ProfileFile),
        skills: &[Skill],
        projects: &[Arc<Project>],
        out: &mut Out,
    ) -> Profile {
        let lang = self.config.language.clone();
        // Title and overview may be empty (an imported résumé without a label
        // or summary): folio never invents them; the platform checks flag them.
        for (key, value) in [("name", &p.name)] {
            if value.trim().is_empty() {
                let d = Diagnostic::error(format!("`{key}` is empty"));
                out.diags.push(
                    Places::new(&file)
                        .at(d, key)
                        .with_help(format!("write your {key}")),
                );
            }
        }
        let photo = self.photo(&file, &p, out);
        let skill_refs = self.resolve_skills("skills", &p.skills, skills, &file, out);
        let upwork_skills = p
            .upwork_skills
            .as_ref()
            .map(|s| self.resolve_skills("upwork_skills", s, skills, &file, out));
        let links = self.check_links(&p.links, &file, out);
        let experience = self.experience(&file, &p, &lang, out);
        let education = education(&p, &lang);
        let certifications = certifications(&p, &lang);
        let testimonials = self.testimonials(&file, &p, projects, out);
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

    /// The profile photo: a file in content/ (published) or in static/.
    fn photo(&self, file: &SourceFile, p: &ProfileFile, out: &mut Out) -> Option<Image> {
        let photo = p.photo.as_ref()?;
        if photo.starts_with("https://") || photo.starts_with("http://") {
            // The user's own picture on their host, used as is.
            return Some(Image {
                url: photo.clone(),
                alt: p.photo_alt.clone().unwrap_or_else(|| p.name.clone()),
                width: None,
                height: None,
                srcset: None,
                webp_srcset: None,
            });
        }
        let rel = normalize(photo.trim_start_matches('/'));
        let src = rel.as_ref().map(|r| self.content.join(r));
        let static_src = rel.as_ref().map(|r| self.root.join("static").join(r));
        let image = |rel: &str| Image {
            url: format!("{}{}", self.base_path, crate::slug::encode_path(rel)),
            alt: p.photo_alt.clone().unwrap_or_else(|| p.name.clone()),
            width: None,
            height: None,
            srcset: None,
            webp_srcset: None,
        };
        match (rel, src, static_src) {
            (Some(rel), Some(src), _) if src.is_file() => {
                let img = image(&rel);
                out.assets.push(Asset {
                    src,
                    dest: rel,
                    width: None,
                    webp: false,
                });
                Some(img)
            }
            (Some(rel), _, Some(s)) if s.is_file() => Some(image(&rel)),
            _ => {
                let d = Diagnostic::error(format!("the photo `{photo}` does not exist"));
                out.diags.push(
                    Places::new(file).at(d, "photo")
                        .with_help("`photo:` is a path relative to content/, e.g. `photo: ana.jpg` for content/ana.jpg"),
                );
                None
            }
        }
    }

    /// The work history; a job may not end before it starts.
    fn experience(
        &self,
        file: &SourceFile,
        p: &ProfileFile,
        lang: &str,
        out: &mut Out,
    ) -> Vec<Experience> {
        let places = Places::new(file);
        p.experience
            .iter()
            .enumerate()
            .map(|(i, x)| {
                if let (Some(start), Some(end)) = (x.start, x.end)
                    && end.sort_key() < start.sort_key()
                {
                    let d = Diagnostic::error(format!(
                        "experience at {}: it ends ({end}) before it starts ({start})",
                        x.company
                    ));
                    out.diags
                        .push(places.at(d, &format!("experience[{i}].end")));
                }
                Experience {
                    company: x.company.clone(),
                    title: x.title.clone(),
                    start: x.start.as_ref().map(|d| DateView::new(d, lang)),
                    end: x.end.as_ref().map(|d| DateView::new(d, lang)),
                    start_date: x.start,
                    end_date: x.end,
                    location: x.location.clone(),
                    url: x.url.clone(),
                    description: x.description.clone(),
                    description_html: x.description.as_deref().map(markdown::render_simple),
                    start_text: x.start_text.clone(),
                    end_text: x.end_text.clone(),
                    extra: x.extra.clone(),
                }
            })
            .collect()
    }

    /// The testimonials; the project one is about must exist.
    fn testimonials(
        &self,
        file: &SourceFile,
        p: &ProfileFile,
        projects: &[Arc<Project>],
        out: &mut Out,
    ) -> Vec<Testimonial> {
        let places = Places::new(file);
        p.testimonials
            .iter()
            .enumerate()
            .map(|(i, t)| {
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
                            let d = Diagnostic::error(format!(
                                "the testimonial by {} is about project `{slug}`, which does not exist",
                                t.author
                            ));
                            let path = format!("testimonials[{i}].project");
                            out.diags.push(places.at(d, &path).with_help(help));
                            None
                        }
                    }
                });
                if let Some(r) = t.rating
                    && !(0.0..=5.0).contains(&r)
                {
                    let d = Diagnostic::error(format!("the rating {r} of the testimonial by {} is not between 0 and 5", t.author));
                    out.diags.push(places.at(d, &format!("testimonials[{i}].rating")));
                }
                Testimonial {
                    quote: t.quote.trim().to_string(),
                    author: t.author.clone(),
                    role: t.role.clone(),
                    project,
                    rating: t.rating,
                }
            })
            .collect()
    }

    pub(super) fn build_specialized(
        &self,
        file: SourceFile,
        raw: SpecializedProfileFile,
        skills: &[Skill],
        projects: &[Arc<Project>],
        out: &mut Out,
    ) -> SpecializedProfile {
        let stem = file
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let slug = slugify(&stem);
        let skill_refs = self.resolve_skills("skills", &raw.skills, skills, &file, out);
        let chosen: Vec<String> = match &raw.projects {
            Some(slugs) => {
                let mut chosen = Vec::new();
                for s in slugs {
                    match projects.iter().find(|p| &p.slug == s) {
                        Some(p) => chosen.push(p.slug.clone()),
                        // A draft (left out) or a file that failed to load (reported already).
                        None if self.project_file_exists(s) => {}
                        None => {
                            let help = match nearest(s, projects.iter().map(|p| p.slug.as_str())) {
                                Some(n) => format!("did you mean `{n}`?"),
                                None => "list projects by slug (the file name without .md)".into(),
                            };
                            let d = Diagnostic::error(format!("unknown project `{s}`"));
                            out.diags
                                .push(Places::new(&file).at_text(d, "projects", s).with_help(help));
                        }
                    }
                }
                chosen
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

    pub(super) fn project_file_exists(&self, slug: &str) -> bool {
        let dir = self.content.join("projects");
        [
            dir.join(format!("{slug}.md")),
            dir.join(slug).join("index.md"),
        ]
        .iter()
        .any(|p| p.is_file())
    }
}

fn education(p: &ProfileFile, lang: &str) -> Vec<Education> {
    p.education
        .iter()
        .map(|x| Education {
            school: x.school.clone(),
            degree: x.degree.clone(),
            area: x.area.clone(),
            url: x.url.clone(),
            start: x.start.as_ref().map(|d| DateView::new(d, lang)),
            end: x.end.as_ref().map(|d| DateView::new(d, lang)),
            start_text: x.start_text.clone(),
            end_text: x.end_text.clone(),
            extra: x.extra.clone(),
        })
        .collect()
}

fn certifications(p: &ProfileFile, lang: &str) -> Vec<Certification> {
    p.certifications
        .iter()
        .map(|x| Certification {
            name: x.name.clone(),
            issuer: x.issuer.clone(),
            date: x.date.as_ref().map(|d| DateView::new(d, lang)),
            url: x.url.clone(),
            date_text: x.date_text.clone(),
            extra: x.extra.clone(),
        })
        .collect()
}
