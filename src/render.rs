//! Rendering: a validated [`Site`] and a [`Theme`] become the site's files, in memory.
//!
//! Site-wide data (`site`, `profile`, `projects`, `skills`, `profiles`, `pages`)
//! is put into Tera's global context once; each page's own context holds only
//! what that page is about, so rendering stays cheap as portfolios grow.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera};

use crate::content::model::{Project, ProjectCard, Site};
use crate::diagnostics::{Diagnostic, Error};
use crate::theme::{Origin, Theme};

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Output-relative path, `/`-separated (`projects/a/index.html`).
    pub path: String,
    pub contents: Contents,
}

#[derive(Debug, Clone)]
pub enum Contents {
    Bytes(Arc<[u8]>),
    /// Copied from this file when written.
    Copy(PathBuf),
    /// This image, resized to `width` when given and as WebP when `webp`, when written.
    Image {
        src: PathBuf,
        width: Option<u32>,
        webp: bool,
    },
}

/// Where rendered files go: written as they come (a build), or collected.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Error>;
}

/// A sink that keeps every file in memory (check, serve, deploy).
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

/// What every page's `page` variable holds.
#[derive(Debug, Serialize)]
struct PageMeta<'a> {
    /// home, projects, project, skills, skill, profile, resume, page, 404
    kind: &'a str,
    title: String,
    description: String,
    path: String,
    url: String,
    permalink: String,
    /// An absolute URL of the page's image (a project's cover, else the photo).
    image: Option<String>,
    image_alt: Option<String>,
    /// Structured data (schema.org JSON-LD) for the page, ready for a
    /// `<script type="application/ld+json">` element.
    jsonld: Option<String>,
}

/// JSON for a `<script>` element: `</` cannot close it early.
fn script_json(v: &serde_json::Value) -> String {
    v.to_string().replace("</", "<\\/")
}

/// schema.org `Person` for the site's owner.
fn person(site: &Site) -> serde_json::Value {
    let p = &site.profile;
    let home = crate::content::model::Location::new(&site.config, &site.base_path, "");
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Person",
        "name": p.name,
        "jobTitle": p.title,
        "url": home.permalink,
        "knowsAbout": p.skills.iter().map(|s| s.name.clone()).collect::<Vec<_>>(),
    });
    if let Some(photo) = &p.photo {
        v["image"] = serde_json::json!(crate::feeds::absolute(&site.config.base_url, &photo.url));
    }
    if !p.links.is_empty() {
        v["sameAs"] = serde_json::json!(p.links.iter().map(|l| l.url.clone()).collect::<Vec<_>>());
    }
    if let Some(l) = &p.location {
        v["homeLocation"] = serde_json::json!({"@type": "Place", "name": l});
    }
    v
}

/// schema.org `BreadcrumbList` from (name, url) pairs.
fn breadcrumbs(items: &[(&str, &str)]) -> serde_json::Value {
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": items.iter().enumerate().map(|(i, (name, url))| serde_json::json!({
            "@type": "ListItem", "position": i + 1, "name": name, "item": url,
        })).collect::<Vec<_>>(),
    })
}

#[derive(Serialize)]
struct SiteVars<'a> {
    title: &'a str,
    description: &'a Option<String>,
    language: &'a str,
    base_url: &'a str,
    base_path: &'a str,
    theme: &'a str,
    upwork: &'a crate::config::UpworkConfig,
    extra: &'a std::collections::BTreeMap<String, serde_json::Value>,
}

/// Rendered pages of the previous build, for incremental rebuilds in `serve`.
/// The default one caches nothing (a one-shot build has nothing to reuse and
/// skips the hashing); [`RenderCache::enabled`] keeps pages between renders.
#[derive(Debug, Default)]
pub struct RenderCache {
    enabled: bool,
    /// Hash of the templates and the site-wide data the pages were rendered with.
    key: u64,
    /// Output path → (hash of the page's own context, its HTML).
    pages: std::collections::HashMap<String, (u64, Arc<[u8]>)>,
    /// Pages rendered and reused by the last call.
    pub last_rendered: usize,
    pub last_reused: usize,
}

impl RenderCache {
    pub fn enabled() -> Self {
        RenderCache {
            enabled: true,
            ..RenderCache::default()
        }
    }
}

fn hash_value<T: Serialize + ?Sized>(hasher: &mut DefaultHasher, key: &str, value: &T) {
    // Serialized into a reused buffer, then hashed in one call: serde_json writes
    // in small pieces, and hashing each piece separately costs more than the copy.
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    key.hash(hasher);
    BUF.with_borrow_mut(|buf| {
        buf.clear();
        let _ = serde_json::to_writer(&mut *buf, value);
        hasher.write(buf);
    });
}

/// Tera's global context, hashed as it is filled.
struct GlobalContext<'a> {
    ctx: &'a mut Context,
    hasher: DefaultHasher,
}

impl GlobalContext<'_> {
    fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        hash_value(&mut self.hasher, key, value);
        self.ctx.insert(key, value);
    }
}

/// Adds one value to a Tera context.
type Fill<'a> = Box<dyn Fn(&mut Context) + Send + Sync + 'a>;

/// A page's own context: hashed as it is filled, turned into a Tera context
/// only when the page has to be rendered.
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
    fn insert<T: Serialize + Send + Sync + 'a>(&mut self, key: &'static str, value: T) {
        if let Some(h) = &mut self.hasher {
            hash_value(h, key, &value);
        }
        self.fills
            .push(Box::new(move |ctx: &mut Context| ctx.insert(key, &value)));
    }
    fn finish(self, template: &'static str, path: String) -> Job<'a> {
        Job {
            template,
            path,
            hash: self.hasher.map_or(0, |h| h.finish()),
            fills: self.fills,
        }
    }
}

/// One page to render.
struct Job<'a> {
    template: &'static str,
    path: String,
    fills: Vec<Fill<'a>>,
    hash: u64,
}

impl Job<'_> {
    fn context(&self) -> Context {
        let mut ctx = Context::new();
        for fill in &self.fills {
            fill(&mut ctx);
        }
        ctx
    }
}

/// The templates' identity (names and sources) and the site-wide data.
fn global_key(theme: &Theme, global_hash: u64) -> u64 {
    let mut h = DefaultHasher::new();
    global_hash.hash(&mut h);
    for (name, file) in theme.templates.iter().chain(theme.theme_templates.iter()) {
        name.hash(&mut h);
        if let Ok(bytes) = file.bytes() {
            bytes.hash(&mut h);
        }
    }
    h.finish()
}

/// A navigation entry.
#[derive(Serialize)]
struct NavItem {
    title: String,
    url: String,
    path: String,
}

/// Builds the Tera instance for a theme; template syntax errors are reported here.
pub fn templates(theme: &Theme, site: &Site) -> Result<Tera, Error> {
    let mut tera = Tera::new();
    let base_path = site.base_path.clone();
    tera.register_function(
        "url",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<String> {
            let path: String = kwargs.must_get("path")?;
            Ok(format!(
                "{}{}",
                base_path,
                crate::slug::encode_path(path.trim_start_matches('/'))
            ))
        },
    );
    let mut sources: Vec<(String, String)> = Vec::new();
    let mut diags = Vec::new();
    let mut add = |name: String, file: &crate::theme::ThemeFile| match file.bytes() {
        Ok(bytes) => match crate::source::decode(&bytes) {
            Ok(text) => sources.push((name, text)),
            Err(d) => diags.push(d.in_file(&file.display)),
        },
        Err(e) => diags.push(
            Diagnostic::error(format!("cannot read the template: {e}")).in_file(&file.display),
        ),
    };
    for (name, file) in &theme.theme_templates {
        add(format!("theme/{name}"), file);
    }
    for (name, file) in &theme.templates {
        add(name.clone(), file);
    }
    if !diags.is_empty() {
        return Err(Error::new(diags));
    }
    tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        .map_err(|e| Error::single(template_error(&e, theme)))?;
    for required in [
        "index.html",
        "projects.html",
        "project.html",
        "skills.html",
        "skill.html",
        "profile.html",
        "resume.html",
        "page.html",
        "404.html",
    ] {
        if !tera.contains_template(required) {
            return Err(Error::single(
                Diagnostic::error(format!(
                    "the theme `{}` has no template `{required}`",
                    theme.name
                ))
                .with_help(format!(
                    "add templates/{required} to the site or to the theme"
                )),
            ));
        }
    }
    Ok(tera)
}

/// Turns a Tera error into a diagnostic naming the template file, line and column.
pub fn template_error(err: &tera::Error, theme: &Theme) -> Diagnostic {
    use tera::ErrorKind;
    let file_of = |name: &str| {
        let (map, key) = match name.strip_prefix("theme/") {
            Some(rest) => (&theme.theme_templates, rest),
            None => (&theme.templates, name),
        };
        map.get(key)
    };
    match err.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => {
            let span = r.span();
            let file = file_of(r.filename());
            let text = file
                .and_then(|f| f.bytes().ok())
                .map(|b| String::from_utf8_lossy(&b).into_owned());
            let mut d = Diagnostic::error(format!("template error: {}", r.message()))
                .in_file(file.map_or_else(|| r.filename().to_string(), |f| f.display.clone()))
                .at(span.start_line, Some(span.start_col + 1), text.as_deref());
            if let Some(f) = file
                && let Origin::Builtin(_) = f.origin
            {
                d = d.with_help(
                    "this is in a built-in theme; if you override its templates, check that your templates/ give every variable it uses",
                );
            }
            d
        }
        _ => {
            let mut msg = err.to_string();
            let mut source = std::error::Error::source(err);
            while let Some(s) = source {
                msg.push_str(&format!(": {s}"));
                source = s.source();
            }
            Diagnostic::error(format!("template error: {msg}"))
        }
    }
}

/// Renders every page of the site and hands every file of the output to `sink`.
///
/// Pages whose inputs (templates, site-wide data and their own context) are the
/// same as in `cache` are not rendered again: an edit to one write-up renders
/// only the pages that show it.
pub fn render_site(
    site: &Site,
    theme: &Theme,
    tera: &mut Tera,
    cache: &mut RenderCache,
    sink: &dyn Sink,
) -> Result<(), Error> {
    let t = std::time::Instant::now();
    let cards: Vec<ProjectCard> = site.projects.iter().map(Project::card).collect();
    let nav: Vec<NavItem> = site
        .pages
        .iter()
        .map(|p| NavItem {
            title: p.title.clone(),
            url: p.location.url.clone(),
            path: p.location.path.clone(),
        })
        .collect();
    let strings = theme
        .strings(&site.config.language)
        .map_err(Error::single)?;
    let tr = |key: &str, fallback: &str| {
        strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| fallback.to_string())
    };
    let global_hash = {
        let mut g = GlobalContext {
            ctx: tera.global_context(),
            hasher: DefaultHasher::new(),
        };
        g.insert(
            "site",
            &SiteVars {
                title: &site.config.title,
                description: &site.config.description,
                language: &site.config.language,
                base_url: &site.config.base_url,
                base_path: &site.base_path,
                theme: &theme.name,
                upwork: &site.config.upwork,
                extra: &site.config.extra,
            },
        );
        g.insert("profile", &site.profile);
        g.insert("projects", &cards);
        g.insert("skills", &site.skills);
        g.insert("profiles", &site.profiles);
        g.insert("pages", &site.pages);
        g.insert("nav", &nav);
        g.insert("t", &strings);
        g.hasher.finish()
    };
    crate::build::phase("render: site-wide data", t);
    let t = std::time::Instant::now();
    let tera = &*tera;
    let default_description = site
        .config
        .description
        .clone()
        .unwrap_or_else(|| format!("{} — {}", site.profile.name, site.profile.title));
    let photo = site.profile.photo.as_ref();
    let meta = |kind: &'static str, title: String, description: Option<String>, path: &str| {
        let loc = crate::content::model::Location::new(&site.config, &site.base_path, path);
        PageMeta {
            kind,
            title,
            description: description.unwrap_or_else(|| default_description.clone()),
            path: loc.path,
            url: loc.url,
            permalink: loc.permalink,
            image: photo.map(|p| crate::feeds::absolute(&site.config.base_url, &p.url)),
            image_alt: photo.map(|p| p.alt.clone()),
            jsonld: None,
        }
    };
    let home_url =
        crate::content::model::Location::new(&site.config, &site.base_path, "").permalink;
    let projects_url =
        crate::content::model::Location::new(&site.config, &site.base_path, "projects/").permalink;
    let skills_url =
        crate::content::model::Location::new(&site.config, &site.base_path, "skills/").permalink;

    let card_of: std::collections::HashMap<&str, usize> =
        cards.iter().enumerate().map(|(i, c)| (c.slug, i)).collect();
    let mut jobs: Vec<Job> = Vec::with_capacity(site.page_count());
    fn add<'a>(jobs: &mut Vec<Job<'a>>, template: &'static str, path: &str, ctx: JobContext<'a>) {
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_string()
        };
        jobs.push(ctx.finish(template, file));
    }

    // Home
    let featured: Vec<&ProjectCard> = {
        let mut f: Vec<&ProjectCard> = cards.iter().filter(|c| c.featured).collect();
        if f.is_empty() {
            f = cards.iter().take(6).collect();
        }
        f
    };
    let mut ctx = JobContext::new(cache.enabled);
    let mut m = meta("home", site.config.title.clone(), None, "");
    m.jsonld = Some(script_json(&person(site)));
    ctx.insert("page", m);
    ctx.insert("featured", featured);
    add(&mut jobs, "index.html", "", ctx);

    // Projects
    let mut ctx = JobContext::new(cache.enabled);
    ctx.insert(
        "page",
        meta("projects", tr("projects", "Projects"), None, "projects/"),
    );
    add(&mut jobs, "projects.html", "projects/", ctx);
    for (i, p) in site.projects.iter().enumerate() {
        let mut ctx = JobContext::new(cache.enabled);
        let mut m = meta(
            "project",
            p.title.clone(),
            Some(plain_text(&p.summary_html)),
            &p.location.path,
        );
        if let Some(cover) = &p.cover {
            m.image = Some(crate::feeds::absolute(&site.config.base_url, &cover.url));
            m.image_alt = Some(cover.alt.clone());
        }
        let mut work = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": p.title,
            "description": m.description,
            "url": p.location.permalink,
            "dateCreated": p.date_raw.iso(),
            "creator": {"@type": "Person", "name": site.profile.name, "url": home_url},
            "keywords": p.skills.iter().map(|s| s.name.clone()).collect::<Vec<_>>().join(", "),
        });
        if let Some(image) = &m.image {
            work["image"] = serde_json::json!(image);
        }
        if let Some(client) = &p.client {
            work["sourceOrganization"] =
                serde_json::json!({"@type": "Organization", "name": client});
        }
        let crumbs = breadcrumbs(&[
            (&site.config.title, &home_url),
            (&tr("projects", "Projects"), &projects_url),
            (&p.title, &p.location.permalink),
        ]);
        m.jsonld = Some(script_json(&serde_json::json!([work, crumbs])));
        ctx.insert("page", m);
        ctx.insert("project", p);
        // Newer and older neighbours, for "next project" links.
        ctx.insert("newer", i.checked_sub(1).map(|j| &cards[j]));
        ctx.insert("older", cards.get(i + 1));
        add(&mut jobs, "project.html", &p.location.path, ctx);
    }

    // Skills
    let mut ctx = JobContext::new(cache.enabled);
    ctx.insert(
        "page",
        meta("skills", tr("skills", "Skills"), None, "skills/"),
    );
    add(&mut jobs, "skills.html", "skills/", ctx);
    for s in &site.skills {
        let projects: Vec<&ProjectCard> = s
            .projects
            .iter()
            .filter_map(|slug| card_of.get(slug.as_str()).map(|&i| &cards[i]))
            .collect();
        let mut ctx = JobContext::new(cache.enabled);
        let mut m = meta("skill", s.name.clone(), None, &s.location.path);
        m.jsonld = Some(script_json(&breadcrumbs(&[
            (&site.config.title, &home_url),
            (&tr("skills", "Skills"), &skills_url),
            (&s.name, &s.location.permalink),
        ])));
        ctx.insert("page", m);
        ctx.insert("skill", s);
        ctx.insert("skill_projects", projects);
        add(&mut jobs, "skill.html", &s.location.path, ctx);
    }

    // Specialized profiles
    for sp in &site.profiles {
        let projects: Vec<&ProjectCard> = sp
            .projects
            .iter()
            .filter_map(|slug| card_of.get(slug.as_str()).map(|&i| &cards[i]))
            .collect();
        let mut ctx = JobContext::new(cache.enabled);
        ctx.insert(
            "page",
            meta(
                "profile",
                format!("{} — {}", sp.name, sp.title),
                Some(plain_text(&sp.overview_html)),
                &sp.location.path,
            ),
        );
        ctx.insert("specialized", sp);
        ctx.insert("profile_projects", projects);
        add(&mut jobs, "profile.html", &sp.location.path, ctx);
    }

    // Résumé
    let mut ctx = JobContext::new(cache.enabled);
    let mut m = meta(
        "resume",
        format!("{} — {}", site.profile.name, tr("resume", "Résumé")),
        None,
        "resume/",
    );
    m.jsonld = Some(script_json(&person(site)));
    ctx.insert("page", m);
    add(&mut jobs, "resume.html", "resume/", ctx);

    // Pages
    for p in &site.pages {
        let mut ctx = JobContext::new(cache.enabled);
        ctx.insert(
            "page",
            meta(
                "page",
                p.title.clone(),
                p.description.clone(),
                &p.location.path,
            ),
        );
        ctx.insert("content_page", p);
        add(&mut jobs, "page.html", &p.location.path, ctx);
    }

    // 404: GitHub Pages serves it at any depth, so every link in it is absolute.
    let mut ctx = JobContext::new(cache.enabled);
    ctx.insert(
        "page",
        meta(
            "404",
            tr("page_not_found", "Page not found"),
            None,
            "404.html",
        ),
    );
    add(&mut jobs, "404.html", "404.html", ctx);

    crate::build::phase("render: page contexts", t);
    let t = std::time::Instant::now();

    // Render what changed; reuse the rest from the cache.
    let key = global_key(theme, global_hash);
    if cache.key != key {
        cache.pages.clear();
        cache.key = key;
    }
    // Everything that is not a page: feeds, static files, assets.
    let mut extra: Vec<OutputFile> =
        Vec::with_capacity(site.assets.len() + theme.static_files.len() + 5);
    // Sitemap, robots.txt and feed, unless the site ships its own in static/.
    for (path, text) in [
        ("sitemap.xml", crate::feeds::sitemap(site)),
        ("robots.txt", crate::feeds::robots(site)),
        ("feed.xml", crate::feeds::atom(site)),
    ] {
        if !theme.static_files.contains_key(path) {
            extra.push(OutputFile {
                path: path.into(),
                contents: Contents::Bytes(text.into_bytes().into()),
            });
        }
    }
    // Static files: the theme's, then the site's (already merged in the theme).
    for (rel, file) in &theme.static_files {
        extra.push(OutputFile {
            path: rel.clone(),
            contents: match &file.origin {
                Origin::Builtin(b) => Contents::Bytes(Arc::from(*b)),
                Origin::File(p) => Contents::Copy(p.clone()),
            },
        });
    }
    for a in &site.assets {
        extra.push(OutputFile {
            path: a.dest.clone(),
            contents: match (a.width, a.webp) {
                (None, false) => Contents::Copy(a.src.clone()),
                (width, webp) => Contents::Image {
                    src: a.src.clone(),
                    width,
                    webp,
                },
            },
        });
    }
    if site.config.jsonresume && !theme.static_files.contains_key("resume.json") {
        let json = serde_json::to_string_pretty(&crate::jsonresume::export(site))
            .unwrap_or_default()
            + "\n";
        extra.push(OutputFile {
            path: "resume.json".into(),
            contents: Contents::Bytes(json.into_bytes().into()),
        });
    }
    // GitHub Pages: serve files as they are (no Jekyll), and the custom domain.
    extra.push(OutputFile {
        path: ".nojekyll".into(),
        contents: Contents::Bytes(Arc::from(&[][..])),
    });
    if let Some(cname) = &site.config.github_pages.cname {
        extra.push(OutputFile {
            path: "CNAME".into(),
            contents: Contents::Bytes(format!("{}\n", cname.trim()).into_bytes().into()),
        });
    }
    check_collisions(
        jobs.iter()
            .map(|j| j.path.as_str())
            .chain(extra.iter().map(|f| f.path.as_str())),
    )?;
    crate::build::phase("render: feeds and static", t);
    let t = std::time::Instant::now();

    // Pages: rendered in parallel (or reused), handed to the sink as they are
    // done, so a build never holds the whole site in memory.
    // Per page: whether it was rendered (not reused), and its bytes when caching.
    type Done = Result<(bool, Option<Arc<[u8]>>), Error>;
    let results: Vec<Done> = jobs
        .par_iter()
        .map(|job| {
            let (new, bytes) = match cache.pages.get(&job.path) {
                Some((hash, bytes)) if cache.enabled && *hash == job.hash => (false, bytes.clone()),
                _ => match tera.render(job.template, &job.context()) {
                    Ok(html) => (true, Arc::from(html.into_bytes())),
                    Err(e) => return Err(Error::single(template_error(&e, theme))),
                },
            };
            sink.put(OutputFile {
                path: job.path.clone(),
                contents: Contents::Bytes(bytes.clone()),
            })?;
            // Kept only when caching (serve); a build lets each page go once written.
            Ok((new, cache.enabled.then_some(bytes)))
        })
        .collect();
    let mut errors: Vec<Diagnostic> = Vec::new();
    let (mut rendered, mut reused) = (0, 0);
    let mut fresh: std::collections::HashMap<String, (u64, Arc<[u8]>)> =
        std::collections::HashMap::new();
    for (job, result) in jobs.into_iter().zip(results) {
        match result {
            Ok((new, bytes)) => {
                if new {
                    rendered += 1;
                } else {
                    reused += 1;
                }
                if let Some(bytes) = bytes {
                    fresh.insert(job.path, (job.hash, bytes));
                }
            }
            Err(e) => errors.extend(e.diagnostics),
        }
    }
    cache.pages = fresh;
    cache.last_rendered = rendered;
    cache.last_reused = reused;
    if !errors.is_empty() {
        errors.dedup();
        return Err(Error::new(errors));
    }
    crate::build::phase("render: templates", t);
    let t = std::time::Instant::now();
    extra.into_par_iter().try_for_each(|f| sink.put(f))?;
    crate::build::phase("render: copy", t);
    Ok(())
}

/// Two sources writing the same output file is an error, not a silent overwrite
/// (a static file may replace a theme asset, which is resolved earlier).
fn check_collisions<'a>(paths: impl Iterator<Item = &'a str>) -> Result<(), Error> {
    let mut seen = std::collections::HashSet::new();
    let mut errors = Vec::new();
    for path in paths {
        if !seen.insert(path) {
            errors.push(
                Diagnostic::error(format!("two things would be written to {path}"))
                    .with_help("a file in static/ or beside a project has the same path as a page folio generates; rename it"),
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::new(errors))
    }
}
/// Text of an HTML fragment, for meta descriptions.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let text = out
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_of_html() {
        assert_eq!(
            plain_text("<p>Hello <em>big</em> &amp; small</p>\n"),
            "Hello big & small"
        );
    }
}
