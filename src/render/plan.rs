//! The render plan: one function per kind of page or file, each returning the
//! jobs it needs (output path, how to make it, cache key). [`super::run`]
//! renders a plan; caching only decides which jobs are made again.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use serde::Serialize;
use tera::{Context, Value};

use super::cache::{hash_json, hash_of};
use super::context::{
    PageMeta, Pages, breadcrumbs, page_file, person, plain_text, script_json, share_path,
};
use super::keys::{Keys, card_revs};
use super::languages::{Languages, sitemap};
use crate::cards::{CardFile, Maker, Picture, SHARE, Spec, Text};
use crate::content::Revisions;
use crate::content::model::Site;
use crate::output::{Contents, OutputFile};
use crate::theme::{Origin, Theme};

/// Builds a page's Tera context when the page has to be rendered.
type Build<'a> = Box<dyn Fn() -> Context + Send + Sync + 'a>;

/// How a job makes its file.
pub(super) enum Make<'a> {
    /// A page: this template, with the context `Build` makes.
    Page(&'static str, Build<'a>),
    /// A generated text file (feed, sitemap, `resume.json`).
    Text(Box<dyn Fn() -> String + Send + Sync + 'a>),
}

/// One file to make.
pub(super) struct Job<'a> {
    pub(super) path: String,
    /// Identifies everything the file is made from; 0 when nothing is cached.
    pub(super) key: u64,
    pub(super) make: Make<'a>,
}

/// What a render makes: jobs, then files written as they are (static files
/// and assets), once every job succeeded.
#[derive(Default)]
pub(super) struct Plan<'a> {
    pub(super) jobs: Vec<Job<'a>>,
    pub(super) files: Vec<OutputFile>,
}

/// Gives the card of the project at a position, as a template value.
pub(super) type Card<'a> = dyn Fn(usize) -> Value + Send + Sync + 'a;

/// What the plan functions read.
pub(super) struct Planner<'a> {
    pub(super) site: &'a Site,
    pub(super) theme: &'a Theme,
    pub(super) pages: &'a Pages<'a>,
    pub(super) keys: &'a Keys<'a>,
    pub(super) card: &'a Card<'a>,
    pub(super) revs: &'a Revisions,
    pub(super) languages: &'a Languages,
}

/// Adds one value to a Tera context.
type Fill<'a> = Box<dyn Fn(&mut Context) + Send + Sync + 'a>;

/// A page's own context, filled eagerly and hashed as it is filled (for the
/// pages that are not one per project).
struct JobContext<'a> {
    fills: Vec<Fill<'a>>,
    /// `None` when nothing is cached (no need to hash).
    hasher: Option<DefaultHasher>,
}

impl<'a> JobContext<'a> {
    fn new(hash: bool) -> Self {
        JobContext {
            fills: Vec::with_capacity(4),
            hasher: hash.then(DefaultHasher::new),
        }
    }
    /// Adds a value, hashed through its JSON form.
    fn insert<T: Serialize + Send + Sync + 'a>(&mut self, key: &'static str, value: T) {
        if let Some(h) = &mut self.hasher {
            key.hash(h);
            hash_json(h, &value);
        }
        self.fills
            .push(Box::new(move |ctx: &mut Context| ctx.insert(key, &value)));
    }
    /// Adds a template value whose identity is `fingerprint` (cheaper than hashing it).
    fn insert_value(&mut self, key: &'static str, value: Value, fingerprint: u64) {
        if let Some(h) = &mut self.hasher {
            key.hash(h);
            fingerprint.hash(h);
        }
        self.fills.push(Box::new(move |ctx: &mut Context| {
            ctx.insert_value(key, value.clone())
        }));
    }
    fn finish(self, template: &'static str, path: &str, site_key: u64) -> Job<'a> {
        let fills = self.fills;
        Job {
            path: page_file(path),
            key: self.hasher.map_or(0, |h| hash_of((h.finish(), site_key))),
            make: Make::Page(
                template,
                Box::new(move || {
                    let mut ctx = Context::new();
                    for fill in &fills {
                        fill(&mut ctx);
                    }
                    ctx
                }),
            ),
        }
    }
}

impl<'a> Planner<'a> {
    fn context(&self) -> JobContext<'a> {
        JobContext::new(self.keys.caching)
    }

    /// The cards of these projects as one list, and its key.
    fn card_list(&self, indexes: &[usize]) -> (Value, u64) {
        let value = Value::from(indexes.iter().map(|&i| (self.card)(i)).collect::<Vec<_>>());
        let key = match self.keys.caching {
            true => card_revs(self.revs, &mut indexes.iter().copied()),
            false => 0,
        };
        (value, key)
    }

    /// A page whose own context is its `page` variable only.
    fn meta_only(&self, template: &'static str, path: &str, m: PageMeta<'static>) -> Job<'a> {
        let mut ctx = self.context();
        ctx.insert("page", m);
        ctx.finish(template, path, self.keys.site(template))
    }

    fn tr(&self, key: &str, fallback: &str) -> String {
        self.pages.tr(key, fallback)
    }

    /// The path of one of folio's own pages in this render's language
    /// (`zh/projects/` for `projects/`).
    fn at(&self, path: &str) -> String {
        format!("{}{path}", self.site.lang_prefix)
    }

    /// Whether this render is of the default language (which writes the
    /// files every language shares).
    fn default_language(&self) -> bool {
        self.site.lang_prefix.is_empty()
    }

    /// The home page: the featured projects (or the six newest).
    pub(super) fn home(&self) -> Job<'a> {
        let site = self.site;
        let featured: Vec<usize> = (0..site.projects.len())
            .filter(|&i| site.projects[i].featured)
            .collect();
        let featured = match featured.is_empty() {
            true => (0..site.projects.len().min(6)).collect(),
            false => featured,
        };
        let mut ctx = self.context();
        let home = self.at("");
        let mut m = self
            .pages
            .meta("home", site.config.title.clone(), None, &home);
        m.jsonld = Some(script_json(&person(site)));
        ctx.insert("page", m);
        let (value, key) = self.card_list(&featured);
        ctx.insert_value("featured", value, key);
        ctx.finish("index.html", &home, self.keys.site("index.html"))
    }

    /// The list of projects (its cards are site-wide data).
    pub(super) fn project_list(&self) -> Job<'a> {
        let title = self.tr("projects", "Projects");
        let path = self.at("projects/");
        let m = self.pages.meta("projects", title, None, &path);
        self.meta_only("projects.html", &path, m)
    }

    /// The pages of the projects at these positions: each context is made only
    /// if the page is rendered, and in parallel with the other pages.
    pub(super) fn project_pages(&self, positions: impl Iterator<Item = usize>) -> Vec<Job<'a>> {
        let (site, pages, card) = (self.site, self.pages, self.card);
        let template_key = self.keys.site("project.html");
        positions
            .filter(|&i| i < site.projects.len())
            .map(|i| Job {
                path: page_file(&site.projects[i].location.path),
                key: match self.keys.caching {
                    true => project_page_key(self.revs, template_key, i, site.projects.len()),
                    false => 0,
                },
                make: Make::Page("project.html", Box::new(move || pages.project(i, card))),
            })
            .collect()
    }

    /// The list of skills, and a page per skill with its projects.
    pub(super) fn skill_pages(&self) -> Vec<Job<'a>> {
        let site = self.site;
        let skills = self.tr("skills", "Skills");
        let path = self.at("skills/");
        let m = self.pages.meta("skills", skills.clone(), None, &path);
        let mut jobs = vec![self.meta_only("skills.html", &path, m)];
        let skill_key = self.keys.site("skill.html");
        for s in &site.skills {
            let mut ctx = self.context();
            let mut m = self
                .pages
                .meta("skill", s.name.clone(), None, &s.location.path);
            m.jsonld = Some(script_json(&breadcrumbs(&[
                (&site.config.title, &self.pages.home_url),
                (&skills, &self.pages.skills_url),
                (&s.name, &s.location.permalink),
            ])));
            ctx.insert("page", m);
            ctx.insert("skill", s);
            let (value, key) = self.card_list(&s.project_indexes);
            ctx.insert_value("skill_projects", value, key);
            jobs.push(ctx.finish("skill.html", &s.location.path, skill_key));
        }
        jobs
    }

    /// A page per tag with its projects (none when the site hides them:
    /// the loader then has no tags).
    pub(super) fn tag_pages(&self) -> Vec<Job<'a>> {
        let site = self.site;
        let tags = self.tr("tags", "Tags");
        let tag_key = self.keys.site("tag.html");
        let mut jobs = Vec::with_capacity(site.tags.len());
        for g in &site.tags {
            let mut ctx = self.context();
            let title = format!("#{}", g.name);
            let mut m = self
                .pages
                .meta("tag", title.clone(), None, &g.location.path);
            m.jsonld = Some(script_json(&breadcrumbs(&[
                (&site.config.title, &self.pages.home_url),
                (&tags, &g.location.permalink),
                (&title, &g.location.permalink),
            ])));
            ctx.insert("page", m);
            ctx.insert("tag", g);
            let (value, key) = self.card_list(&g.project_indexes);
            ctx.insert_value("tag_projects", value, key);
            jobs.push(ctx.finish("tag.html", &g.location.path, tag_key));
        }
        jobs
    }

    /// A page per specialized profile, with its projects.
    pub(super) fn profile_pages(&self) -> Vec<Job<'a>> {
        let site = self.site;
        let card_of: HashMap<&str, usize> = site
            .projects
            .iter()
            .enumerate()
            .map(|(i, p)| (p.slug.as_str(), i))
            .collect();
        let profile_key = self.keys.site("profile.html");
        let mut jobs = Vec::with_capacity(site.profiles.len());
        for sp in &site.profiles {
            let projects: Vec<usize> = sp
                .projects
                .iter()
                .filter_map(|slug| card_of.get(slug.as_str()).copied())
                .collect();
            let mut ctx = self.context();
            let title = format!("{} — {}", sp.name, sp.title);
            let description = Some(plain_text(&sp.overview_html));
            let m = self
                .pages
                .meta("profile", title, description, &sp.location.path);
            ctx.insert("page", m);
            ctx.insert("specialized", sp);
            let (value, key) = self.card_list(&projects);
            ctx.insert_value("profile_projects", value, key);
            jobs.push(ctx.finish("profile.html", &sp.location.path, profile_key));
        }
        jobs
    }

    /// The résumé page.
    pub(super) fn resume(&self) -> Job<'a> {
        let site = self.site;
        let title = format!("{} — {}", site.profile.name, self.tr("resume", "Résumé"));
        let path = self.at("resume/");
        let mut m = self.pages.meta("resume", title, None, &path);
        m.jsonld = Some(script_json(&person(site)));
        self.meta_only("resume.html", &path, m)
    }

    /// A page per content page (`content/pages/`).
    pub(super) fn content_pages(&self) -> Vec<Job<'a>> {
        let page_key = self.keys.site("page.html");
        let pages = self.site.pages.iter().map(|p| {
            let mut ctx = self.context();
            let description = p.description.clone();
            let m = self
                .pages
                .meta("page", p.title.clone(), description, &p.location.path);
            ctx.insert("page", m);
            ctx.insert("content_page", p);
            ctx.finish("page.html", &p.location.path, page_key)
        });
        pages.collect()
    }

    /// The 404 page: GitHub Pages serves it at any depth, so every link in it is absolute.
    pub(super) fn not_found(&self) -> Job<'a> {
        let title = self.tr("page_not_found", "Page not found");
        let path = self.at("404.html");
        let m = self.pages.meta("404", title, None, &path);
        self.meta_only("404.html", &path, m)
    }

    /// This language's feed; with the default language, the sitemap (of
    /// every language) and robots.txt. None the site ships in static/.
    pub(super) fn feeds(&self) -> Vec<Job<'a>> {
        type Text<'a> = Box<dyn Fn() -> String + Send + Sync + 'a>;
        let (site, languages) = (self.site, self.languages);
        let mut feeds: Vec<(String, Text<'a>)> = Vec::with_capacity(3);
        if self.default_language() {
            feeds.push(("sitemap.xml".into(), Box::new(|| sitemap(languages))));
            feeds.push(("robots.txt".into(), Box::new(|| crate::feeds::robots(site))));
        }
        feeds.push((self.at("feed.xml"), Box::new(|| crate::feeds::atom(site))));
        let key = self.keys.lists();
        feeds
            .into_iter()
            .filter(|(path, _)| !self.theme.static_files.contains_key(path.as_str()))
            .map(|(path, make)| Job {
                path,
                key,
                make: Make::Text(make),
            })
            .collect()
    }

    /// `resume.json` (JSON Resume) when the config asks for it and the site
    /// ships none; made from whole projects (their bodies give the highlights).
    pub(super) fn resume_json(&self) -> Option<Job<'a>> {
        let site = self.site;
        let path = self.at("resume.json");
        if !site.config.jsonresume || self.theme.static_files.contains_key(&path) {
            return None;
        }
        let key = hash_of((
            self.keys.meta,
            (0..site.projects.len())
                .map(|i| self.revs.rev(i))
                .collect::<Vec<_>>(),
        ));
        Some(Job {
            path,
            key,
            make: Make::Text(Box::new(move || {
                serde_json::to_string_pretty(&crate::jsonresume::export(site)).unwrap_or_default()
                    + "\n"
            })),
        })
    }

    /// Files written as they are: the theme's static files (the site's are
    /// merged in the theme), the content's assets, and for GitHub Pages
    /// `.nojekyll` (serve files as they are) and the custom domain.
    pub(super) fn static_files(&self) -> Vec<OutputFile> {
        let (site, theme) = (self.site, self.theme);
        let mut files = Vec::with_capacity(site.assets.len() + theme.static_files.len() + 2);
        for (rel, file) in &theme.static_files {
            files.push(OutputFile {
                path: rel.clone(),
                contents: match &file.origin {
                    Origin::Builtin(b) => Contents::Bytes(Arc::from(*b)),
                    Origin::File(p) => Contents::Copy(p.clone()),
                },
            });
        }
        for a in &site.assets {
            let contents = match (a.width, a.webp) {
                (None, false) => Contents::Copy(a.src.clone()),
                (width, webp) => Contents::Image {
                    src: a.src.clone(),
                    width,
                    webp,
                },
            };
            files.push(OutputFile {
                path: a.dest.clone(),
                contents,
            });
        }
        files.push(OutputFile {
            path: ".nojekyll".into(),
            contents: Contents::Bytes(Arc::from(&[][..])),
        });
        if let Some(cname) = &site.config.github_pages.cname {
            files.push(OutputFile {
                path: "CNAME".into(),
                contents: Contents::Bytes(format!("{}\n", cname.trim()).into_bytes().into()),
            });
        }
        files
    }

    /// Every page and file of the site.
    pub(super) fn site(&self) -> Plan<'a> {
        let site = self.site;
        let mut jobs = Vec::with_capacity(site.page_count() + 4);
        jobs.push(self.home());
        jobs.push(self.project_list());
        jobs.extend(self.project_pages(0..site.projects.len()));
        jobs.extend(self.skill_pages());
        jobs.extend(self.tag_pages());
        jobs.extend(self.profile_pages());
        jobs.push(self.resume());
        jobs.extend(self.content_pages());
        jobs.push(self.not_found());
        jobs.extend(self.feeds());
        jobs.extend(self.resume_json());
        let mut files = match self.default_language() {
            true => self.static_files(),
            false => Vec::new(),
        };
        files.extend(self.share_cards());
        Plan { jobs, files }
    }

    /// The maker of this render's share cards (`None`: the site has none).
    fn maker(&self) -> Option<Arc<Maker>> {
        self.pages
            .sharing()
            .then(|| Arc::new(Maker::for_site(self.site, self.theme).0))
    }

    /// The share card of every page but the 404, beside it (made when written).
    pub(super) fn share_cards(&self) -> Vec<OutputFile> {
        let Some(maker) = self.maker() else {
            return Vec::new();
        };
        let site = self.site;
        let page = |title: &str| crate::cards::page_text(site, Some(title), None);
        let mut cards: Vec<(String, Text)> = vec![(self.at(""), home_text(site))];
        cards.extend(
            crate::cards::LIST_PAGES
                .iter()
                .map(|(path, key, word)| (self.at(path), page(&self.tr(key, word)))),
        );
        let path = |l: &crate::content::model::Location| l.path.clone();
        cards.extend(
            site.skills
                .iter()
                .map(|s| (path(&s.location), page(&s.name))),
        );
        let tags = site
            .tags
            .iter()
            .map(|g| (path(&g.location), page(&format!("#{}", g.name))));
        cards.extend(tags);
        let profiles = site.profiles.iter();
        cards.extend(profiles.map(|p| (path(&p.location), page(&p.title))));
        cards.extend(
            site.pages
                .iter()
                .map(|p| (path(&p.location), page(&p.title))),
        );
        let drawn = cards.into_iter().map(|(path, text)| {
            let spec = Spec {
                picture: Picture::Drawn,
                text,
                size: SHARE,
            };
            card_file(&maker, &path, spec)
        });
        let mut files: Vec<OutputFile> = drawn.flatten().collect();
        files.extend(self.project_cards(&maker, 0..site.projects.len()));
        files
    }

    /// The share cards of the projects at `positions`.
    fn project_cards(
        &self,
        maker: &Arc<Maker>,
        positions: impl Iterator<Item = usize>,
    ) -> Vec<OutputFile> {
        let site = self.site;
        positions
            .filter_map(|i| site.projects.get(i))
            .filter_map(|p| {
                let spec = Spec {
                    picture: self.pages.picture(p),
                    text: crate::cards::project_text(site, p),
                    size: SHARE,
                };
                card_file(maker, &p.location.path, spec)
            })
            .collect()
    }

    /// What an edit of the projects at `positions` can change when nothing
    /// else changed: their own pages, and `resume.json` (made from bodies).
    pub(super) fn edits(&self, positions: impl Iterator<Item = usize>) -> Plan<'a> {
        let positions: Vec<usize> = positions.collect();
        let mut jobs = self.project_pages(positions.iter().copied());
        jobs.extend(self.resume_json());
        let files = match self.maker() {
            Some(maker) => self.project_cards(&maker, positions.into_iter()),
            None => Vec::new(),
        };
        Plan { jobs, files }
    }
}

/// The text of the home page's card: who, and what they do.
fn home_text(site: &Site) -> Text {
    Text {
        kicker: None,
        title: Some(site.profile.name.clone()),
        detail: Some(site.profile.title.clone()),
        footer: crate::cards::site_address(site),
    }
}

/// The card of the page at `path`, beside it.
fn card_file(maker: &Arc<Maker>, path: &str, spec: Spec) -> Option<OutputFile> {
    Some(OutputFile {
        path: share_path(path, spec.picture.extension())?,
        contents: Contents::Card(Arc::new(CardFile {
            maker: maker.clone(),
            spec,
        })),
    })
}

/// The cache key of the `i`th project's page: its template's inputs
/// (`template_key`), the project and its neighbours' cards.
fn project_page_key(revs: &Revisions, template_key: u64, i: usize, count: usize) -> u64 {
    let card = |j: usize| (j < count).then(|| revs.card(j));
    hash_of((
        template_key,
        revs.rev(i),
        i.checked_sub(1).and_then(card),
        card(i + 1),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::context::Pages;
    use crate::render::keys::Keys;

    /// The example site, its theme and strings.
    fn example() -> (Site, Theme, std::collections::BTreeMap<String, String>) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site");
        let (site, _) = crate::content::load(&root, &Default::default()).unwrap();
        let theme = crate::theme::open(&root, &site.config.theme).unwrap();
        let strings = theme.strings(&site.config.language).unwrap();
        (site, theme, strings)
    }

    #[test]
    fn a_site_plan_has_every_page_once_and_an_edit_plan_only_the_edited_page() {
        let (site, theme, strings) = example();
        let uses = HashMap::new();
        let keys = Keys::new(false, Vec::new(), &uses);
        let site = std::sync::Arc::new(site);
        let languages = Languages::one(site.clone());
        let pages = Pages::new(&site, &strings, &languages);
        let card = |_: usize| Value::from(0);
        let revs = Revisions::default();
        let planner = Planner {
            site: &site,
            theme: &theme,
            pages: &pages,
            keys: &keys,
            card: &card,
            revs: &revs,
            languages: &languages,
        };
        let plan = planner.site();
        let paths: Vec<&str> = plan.jobs.iter().map(|j| j.path.as_str()).collect();
        let unique: std::collections::BTreeSet<&str> = paths.iter().copied().collect();
        assert_eq!(paths.len(), unique.len(), "{paths:?}");
        let templated = plan
            .jobs
            .iter()
            .filter(|j| matches!(j.make, Make::Page(..)))
            .count();
        assert_eq!(templated, site.page_count());
        for path in ["index.html", "404.html", "resume/index.html", "sitemap.xml"] {
            assert!(unique.contains(path), "{path} is not planned");
        }
        assert!(plan.files.iter().any(|f| f.path == ".nojekyll"));

        let edit = planner.edits([1, site.projects.len() + 5].into_iter());
        let paths: Vec<&str> = edit.jobs.iter().map(|j| j.path.as_str()).collect();
        let mut expected = vec![format!("{}index.html", site.projects[1].location.path)];
        if site.config.jsonresume {
            expected.push("resume.json".into());
        }
        assert_eq!(paths, expected);
        // Only the edited project's share card is made again.
        let files: Vec<&str> = edit.files.iter().map(|f| f.path.as_str()).collect();
        let card = format!("{}share.png", site.projects[1].location.path);
        assert_eq!(files, vec![card.as_str()]);
    }
}
