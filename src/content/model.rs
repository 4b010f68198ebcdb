//! The typed model of a site: what templates render, what `profile` exports and
//! what `serve` keeps in memory. Built once by [`crate::content::load`].

use std::path::PathBuf;
use std::sync::Arc;

use serde::Serialize;

use crate::config::Config;
use crate::content::files::{Extra, LanguageEntry, Link, Rate};
use crate::date::{Date, DateView};

/// A whole site, loaded and validated.
#[derive(Debug, Clone)]
pub struct Site {
    /// The site folder.
    pub root: PathBuf,
    pub config: Config,
    /// Path part of `base_url`, with leading and trailing slash (`/portfolio/`).
    pub base_path: String,
    pub profile: Profile,
    /// Specialized profiles, by file name.
    pub profiles: Vec<SpecializedProfile>,
    /// Projects, newest first (drafts only with `--drafts`). Shared, so `serve`
    /// keeps an unchanged project between rebuilds without copying it.
    pub projects: Vec<Arc<Project>>,
    pub pages: Vec<Page>,
    /// Every skill declared in `profile.yaml`, in the order written.
    pub skills: Vec<Skill>,
    /// The tags of the published projects, by name; empty when tag pages are hidden.
    pub tags: Vec<Tag>,
    /// Files from `content/` to publish (bundle files, covers, the photo),
    /// at one place for every language.
    pub assets: Vec<Asset>,
    /// The code of the language this load is in (`config.language`).
    pub lang: String,
    /// All the site's languages, the default first.
    pub languages: Vec<crate::config::Language>,
    /// Before the paths of this language's pages: `""` for the default, `zh/` for others.
    pub lang_prefix: String,
}

/// A file to copy into the output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Asset {
    pub src: PathBuf,
    /// Output-relative path, `/`-separated.
    pub dest: String,
    /// Published resized to this width (a variant of a cover image).
    pub width: Option<u32>,
    /// Published as lossless WebP (a variant of a PNG cover).
    pub webp: bool,
}

/// Where a generated page lives: `path` is output-relative (`projects/a/`),
/// `url` is what links use (`/portfolio/projects/a/`, percent-encoded),
/// `permalink` is absolute when `base_url` is.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub url: String,
    pub permalink: String,
}

impl Location {
    pub fn new(config: &Config, base_path: &str, path: &str) -> Location {
        let encoded = crate::slug::encode_path(path);
        Location {
            path: path.to_string(),
            url: format!("{base_path}{encoded}"),
            permalink: format!("{}{encoded}", config.base_url),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Image {
    pub url: String,
    pub alt: String,
    /// Intrinsic size, when folio could read it (raster images).
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Resized variants for `srcset` (`url-480w.jpg 480w, ..., url 2000w`).
    pub srcset: Option<String>,
    /// The same sizes as lossless WebP, for PNG covers (`<picture><source>`).
    pub webp_srcset: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RateView {
    pub amount: f64,
    pub currency: String,
    pub display: String,
}

impl From<&Rate> for RateView {
    fn from(r: &Rate) -> Self {
        RateView {
            amount: r.amount,
            currency: r.currency.clone(),
            display: r.display(),
        }
    }
}

/// A reference to a skill, as shown on cards and profiles.
#[derive(Debug, Clone, Serialize)]
pub struct SkillRef {
    pub name: String,
    pub slug: String,
    pub url: String,
    pub level: Option<String>,
    pub years: Option<f64>,
    /// Position of the skill in [`Site::skills`].
    #[serde(skip)]
    pub index: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub name: String,
    pub title: String,
    /// Markdown as written (for the Upwork export).
    pub overview: String,
    pub overview_html: String,
    pub photo: Option<Image>,
    pub location: Option<String>,
    pub timezone: Option<String>,
    pub hourly_rate: Option<RateView>,
    #[serde(skip)]
    pub rate: Option<Rate>,
    pub availability: Option<String>,
    pub email: Option<String>,
    pub languages: Vec<LanguageEntry>,
    pub links: Vec<Link>,
    pub skills: Vec<SkillRef>,
    /// `upwork_skills:`: the general profile's skills on Upwork, when chosen.
    pub upwork_skills: Option<Vec<SkillRef>>,
    pub experience: Vec<Experience>,
    pub education: Vec<Education>,
    pub certifications: Vec<Certification>,
    pub testimonials: Vec<Testimonial>,
    pub extra: Extra,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Experience {
    pub company: String,
    pub title: String,
    /// `None` = undated (see `start_text`).
    pub start: Option<DateView>,
    /// `None` = present, unless `end_text` says otherwise.
    pub end: Option<DateView>,
    #[serde(skip)]
    pub start_date: Option<Date>,
    #[serde(skip)]
    pub end_date: Option<Date>,
    pub location: Option<String>,
    pub url: Option<String>,
    pub description: Option<String>,
    pub description_html: Option<String>,
    /// Dates as written when folio cannot read them (`Spring 2020`, `至今`).
    pub start_text: Option<String>,
    pub end_text: Option<String>,
    pub extra: Extra,
}

#[derive(Debug, Clone, Serialize)]
pub struct Education {
    pub school: String,
    pub degree: Option<String>,
    pub area: Option<String>,
    pub url: Option<String>,
    pub start: Option<DateView>,
    pub end: Option<DateView>,
    pub start_text: Option<String>,
    pub end_text: Option<String>,
    pub extra: Extra,
}

#[derive(Debug, Clone, Serialize)]
pub struct Certification {
    pub name: String,
    pub issuer: Option<String>,
    pub date: Option<DateView>,
    pub url: Option<String>,
    pub date_text: Option<String>,
    pub extra: Extra,
}

#[derive(Debug, Clone, Serialize)]
pub struct Testimonial {
    pub quote: String,
    pub author: String,
    pub role: Option<String>,
    pub project: Option<ProjectRef>,
    pub rating: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProjectRef {
    pub slug: String,
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpecializedProfile {
    pub slug: String,
    /// Short label ("Writer").
    pub name: String,
    pub title: String,
    pub overview: String,
    pub overview_html: String,
    pub skills: Vec<SkillRef>,
    pub hourly_rate: Option<RateView>,
    #[serde(skip)]
    pub rate: Option<Rate>,
    /// Slugs of its projects, in display order.
    pub projects: Vec<String>,
    #[serde(flatten)]
    pub location: Location,
    pub extra: Extra,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Project {
    pub slug: String,
    pub title: String,
    /// None for an undated project (shown without a date, listed after dated ones).
    pub date: Option<DateView>,
    #[serde(skip)]
    pub date_raw: Option<Date>,
    /// Markdown as written, or the part of the body it was taken from (for
    /// the Upwork export).
    pub summary: String,
    pub summary_html: String,
    /// Plain text on one line, for meta descriptions (a summary taken from
    /// the body is cut to about 160 characters).
    pub summary_text: String,
    /// The summary was taken from the body (no `summary:`): a page that shows
    /// the body does not show it again.
    pub summary_from_body: bool,
    pub role: Option<String>,
    pub client: Option<String>,
    pub skills: Vec<SkillRef>,
    /// Free words from `tags:`, in the order written.
    pub tags: Vec<TagRef>,
    pub cover: Option<Image>,
    pub links: Vec<Link>,
    pub featured: bool,
    pub draft: bool,
    pub weight: i64,
    /// The body, rendered to HTML.
    pub content: String,
    #[serde(skip)]
    pub body: String,
    pub reading_minutes: usize,
    #[serde(flatten)]
    pub location: Location,
    pub extra: Extra,
    pub source: String,
    /// A translation into this load's language exists (always true in the default language).
    pub translated: bool,
}

/// A project as shown in lists: everything but the body.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectCard<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub date: &'a Option<DateView>,
    pub summary_html: &'a str,
    pub summary_text: &'a str,
    pub role: &'a Option<String>,
    pub client: &'a Option<String>,
    pub skills: &'a [SkillRef],
    pub cover: &'a Option<Image>,
    pub featured: bool,
    pub draft: bool,
    pub url: &'a str,
    pub path: &'a str,
    pub extra: &'a Extra,
}

impl Project {
    pub fn card(&self) -> ProjectCard<'_> {
        ProjectCard {
            slug: &self.slug,
            title: &self.title,
            date: &self.date,
            summary_html: &self.summary_html,
            summary_text: &self.summary_text,
            role: &self.role,
            client: &self.client,
            skills: &self.skills,
            cover: &self.cover,
            featured: self.featured,
            draft: self.draft,
            url: &self.location.url,
            path: &self.location.path,
            extra: &self.extra,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub description: Option<String>,
    pub draft: bool,
    pub weight: i64,
    pub content: String,
    #[serde(flatten)]
    pub location: Location,
    pub extra: Extra,
    pub source: String,
    /// A translation into this load's language exists (always true in the default language).
    pub translated: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Skill {
    pub name: String,
    pub slug: String,
    pub level: Option<String>,
    pub years: Option<f64>,
    /// Slugs of the projects that use it, newest first.
    pub projects: Vec<String>,
    /// Positions of those projects in [`Site::projects`].
    #[serde(skip)]
    pub project_indexes: Vec<usize>,
    #[serde(flatten)]
    pub location: Location,
}

/// A tag as shown on a project: its page's URL is empty when the site hides
/// tag pages (`taxonomies: { tags: false }`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TagRef {
    pub name: String,
    pub slug: String,
    pub url: String,
}

/// A tag with the projects that have it (a page `tags/<slug>/`).
#[derive(Debug, Clone, Serialize)]
pub struct Tag {
    pub name: String,
    pub slug: String,
    /// Slugs of its projects, in site order.
    pub projects: Vec<String>,
    #[serde(skip)]
    pub project_indexes: Vec<usize>,
    #[serde(flatten)]
    pub location: Location,
}

impl Site {
    pub fn project(&self, slug: &str) -> Option<&Project> {
        self.projects
            .iter()
            .map(AsRef::as_ref)
            .find(|p| p.slug == slug)
    }

    pub fn skill(&self, slug: &str) -> Option<&Skill> {
        self.skills.iter().find(|s| s.slug == slug)
    }

    /// The number of pages a build writes (HTML files).
    pub fn page_count(&self) -> usize {
        // home, projects index, skills index, resume, 404
        5 + self.projects.len()
            + self.skills.len()
            + self.tags.len()
            + self.profiles.len()
            + self.pages.len()
    }
}
