//! Rendering: a validated [`Site`] and a [`Theme`] become the site's files, in memory.
//!
//! Site-wide data (`site`, `profile`, `projects`, `skills`, `profiles`, `pages`)
//! is put into Tera's global context once; each page's own context holds only
//! what that page is about, so rendering stays cheap as portfolios grow.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Kwargs, State, Tera, Value};

use crate::content::model::Site;
use crate::diagnostics::{Diagnostic, Error};
use crate::template_vars::Uses;
use crate::theme::{Origin, Theme};

pub use crate::output::{Collect, Contents, OutputFile, Sink};

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

/// What `serve` keeps between renders, so an edit re-renders only the pages it
/// can change. The default one caches nothing (a one-shot build has nothing to
/// reuse and skips the bookkeeping); [`RenderCache::enabled`] keeps pages.
///
/// A page is reused when its key is the same as last time. The key covers the
/// page's own data (for a project page: the project's revision and its
/// neighbours' cards) and the site-wide variables its template can read
/// ([`crate::template_vars`]); any template change clears everything.
#[derive(Default)]
pub struct RenderCache {
    enabled: bool,
    /// Hash of the templates' names and sources.
    templates: u64,
    /// Per template: the site-wide variables it can read.
    uses: HashMap<String, Uses>,
    /// Project card revision → the card as a template value.
    cards: HashMap<u64, Value>,
    /// Site-wide variable → (hash, value).
    globals: HashMap<&'static str, (u64, Value)>,
    /// Output path → (key, bytes) of generated files that are not pages.
    files: HashMap<String, (u64, Arc<[u8]>)>,
    /// Output path → (key, HTML).
    pages: HashMap<String, (u64, Arc<[u8]>)>,
    /// The last render succeeded and rendered (or reused) every page.
    complete: bool,
    /// Set before a render: when only the pages of these projects (by
    /// position) can have changed since the last complete render.
    pub only: Option<std::collections::BTreeSet<usize>>,
    /// The key of the project template's inputs, and of what every page's
    /// `page` variable is made from, in the last complete render.
    project_key: u64,
    meta_key: u64,
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

/// Hashes a value through its JSON form, written into a reused buffer and
/// hashed in one call (serde_json writes in small pieces, and hashing each
/// piece separately costs more than the copy).
fn hash_json<T: Serialize + ?Sized>(hasher: &mut DefaultHasher, value: &T) {
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with_borrow_mut(|buf| {
        buf.clear();
        let _ = serde_json::to_writer(&mut *buf, value);
        hasher.write(buf);
    });
}

fn hash_of(parts: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// Builds a page's Tera context when the page has to be rendered.
type Build<'a> = Box<dyn Fn() -> Context + Send + Sync + 'a>;

/// One page to render.
struct Job<'a> {
    template: &'static str,
    path: String,
    /// Identifies everything the page is made from; 0 when nothing is cached.
    key: u64,
    build: Build<'a>,
}

/// Adds one value to a Tera context.
type Fill<'a> = Box<dyn Fn(&mut Context) + Send + Sync + 'a>;

/// A page's own context, filled eagerly and hashed as it is filled (for the
/// few pages that are not one per project).
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
            template,
            path: page_file(path),
            key: self.hasher.map_or(0, |h| hash_of((h.finish(), site_key))),
            build: Box::new(move || {
                let mut ctx = Context::new();
                for fill in &fills {
                    fill(&mut ctx);
                }
                ctx
            }),
        }
    }
}

/// `projects/a/` → `projects/a/index.html`.
fn page_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// A theme's templates, compiled, with the names and sources they were compiled from.
pub struct Templates {
    pub tera: Tera,
    sources: Vec<(String, String)>,
}

impl Templates {
    /// Identifies the templates (names and sources).
    fn key(&self) -> u64 {
        hash_of(&self.sources)
    }

    /// What each template can read of the site-wide variables.
    fn uses(&self) -> HashMap<String, Uses> {
        crate::template_vars::uses(self.sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
    }
}

/// A navigation entry.
#[derive(Serialize)]
struct NavItem {
    title: String,
    url: String,
    path: String,
}

/// Compiles a theme's templates; template syntax errors are reported here.
pub fn templates(theme: &Theme, site: &Site) -> Result<Templates, Error> {
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
    Ok(Templates { tera, sources })
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

/// What page contexts are made from, shared by every page of one render.
struct Pages<'a> {
    site: &'a Site,
    strings: &'a std::collections::BTreeMap<String, String>,
    default_description: String,
    home_url: String,
    projects_url: String,
    skills_url: String,
}

impl<'a> Pages<'a> {
    fn new(site: &'a Site, strings: &'a std::collections::BTreeMap<String, String>) -> Self {
        let permalink = |path: &str| {
            crate::content::model::Location::new(&site.config, &site.base_path, path).permalink
        };
        Pages {
            site,
            strings,
            default_description: site
                .config
                .description
                .clone()
                .unwrap_or_else(|| format!("{} — {}", site.profile.name, site.profile.title)),
            home_url: permalink(""),
            projects_url: permalink("projects/"),
            skills_url: permalink("skills/"),
        }
    }

    /// A string of the theme's translations.
    fn tr(&self, key: &str, fallback: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| fallback.to_string())
    }

    fn meta(
        &self,
        kind: &'static str,
        title: String,
        description: Option<String>,
        path: &str,
    ) -> PageMeta<'static> {
        let site = self.site;
        let photo = site.profile.photo.as_ref();
        let loc = crate::content::model::Location::new(&site.config, &site.base_path, path);
        PageMeta {
            kind,
            title,
            description: description.unwrap_or_else(|| self.default_description.clone()),
            path: loc.path,
            url: loc.url,
            permalink: loc.permalink,
            image: photo.map(|p| crate::feeds::absolute(&site.config.base_url, &p.url)),
            image_alt: photo.map(|p| p.alt.clone()),
            jsonld: None,
        }
    }

    /// The context of the page of the `i`th project; `card` gives a project's card.
    fn project(&self, i: usize, card: &dyn Fn(usize) -> Value) -> Context {
        let site = self.site;
        let p = &site.projects[i];
        let mut m = self.meta(
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
            "creator": {"@type": "Person", "name": site.profile.name, "url": self.home_url},
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
            (&site.config.title, &self.home_url),
            (&self.tr("projects", "Projects"), &self.projects_url),
            (&p.title, &p.location.permalink),
        ]);
        m.jsonld = Some(script_json(&serde_json::json!([work, crumbs])));
        let mut ctx = Context::new();
        ctx.insert("page", &m);
        ctx.insert("project", &**p);
        // Newer and older neighbours, for "next project" links.
        let newer = i.checked_sub(1);
        let older = (i + 1 < site.projects.len()).then_some(i + 1);
        ctx.insert_value("newer", Value::from(newer.map(card)));
        ctx.insert_value("older", Value::from(older.map(card)));
        ctx
    }
}

/// The cache key of the `i`th project's page: its template's inputs
/// (`template_key`), the project and its neighbours' cards.
fn project_page_key(site: &Site, template_key: u64, i: usize) -> u64 {
    let card = |j: usize| site.projects.get(j).map(|p| p.card_rev);
    hash_of((
        template_key,
        site.projects[i].rev,
        i.checked_sub(1).and_then(card),
        card(i + 1),
    ))
}

/// `resume.json` (JSON Resume), made from whole projects (their bodies give the highlights).
fn resume_json(site: &Site) -> String {
    serde_json::to_string_pretty(&crate::jsonresume::export(site)).unwrap_or_default() + "\n"
}

/// The key of `resume.json` in the cache.
fn resume_key(site: &Site, meta_key: u64) -> u64 {
    hash_of((
        meta_key,
        site.projects.iter().map(|p| p.rev).collect::<Vec<_>>(),
    ))
}

/// The fast path of [`render_site`] in `serve`: only the pages of the
/// projects `only` changed since the last complete render (the loader saw
/// nothing else change), so only those pages (and `resume.json`, made from
/// bodies) are rendered and handed to `sink`.
fn render_edits(
    site: &Site,
    theme: &Theme,
    tera: &mut Tera,
    cache: &mut RenderCache,
    only: &std::collections::BTreeSet<usize>,
    sink: &dyn Sink,
) -> Result<(), Error> {
    let ctx = tera.global_context();
    for (name, (_, value)) in &cache.globals {
        ctx.insert_value(*name, value.clone());
    }
    let tera = &*tera;
    let strings = theme
        .strings(&site.config.language)
        .map_err(Error::single)?;
    let pages = Pages::new(site, &strings);
    let card = |j: usize| {
        let p = &site.projects[j];
        match cache.cards.get(&p.card_rev) {
            Some(v) => v.clone(),
            None => Value::from_serializable(&p.card()),
        }
    };
    type Page = (String, u64, Arc<[u8]>);
    let done: Vec<Result<Page, Error>> = only
        .par_iter()
        .filter(|&&i| i < site.projects.len())
        .map(|&i| {
            let html = tera
                .render("project.html", &pages.project(i, &card))
                .map_err(|e| Error::single(template_error(&e, theme)))?;
            let key = project_page_key(site, cache.project_key, i);
            let path = page_file(&site.projects[i].location.path);
            Ok((path, key, Arc::from(html.into_bytes())))
        })
        .collect();
    let mut rendered = 0;
    for d in done {
        let (path, key, bytes) = d?;
        sink.put(OutputFile {
            path: path.clone(),
            contents: Contents::Bytes(bytes.clone()),
        })?;
        cache.pages.insert(path, (key, bytes));
        rendered += 1;
    }
    if site.config.jsonresume && !theme.static_files.contains_key("resume.json") {
        let bytes: Arc<[u8]> = Arc::from(resume_json(site).into_bytes());
        let key = resume_key(site, cache.meta_key);
        cache
            .files
            .insert("resume.json".into(), (key, bytes.clone()));
        sink.put(OutputFile {
            path: "resume.json".into(),
            contents: Contents::Bytes(bytes),
        })?;
    }
    cache.last_rendered = rendered;
    cache.last_reused = cache.pages.len() - rendered;
    Ok(())
}

/// Renders every page of the site and hands every file of the output to `sink`.
///
/// With an enabled `cache`, pages whose key did not change are not rendered
/// again: an edit to one write-up renders only the pages that show it. When
/// the cache says that only some projects' own pages can have changed
/// ([`RenderCache::only`]), only those are rendered and handed to `sink`, and
/// the result is `true` (the other files are as last time).
pub fn render_site(
    site: &Site,
    theme: &Theme,
    templates: &mut Templates,
    cache: &mut RenderCache,
    sink: &dyn Sink,
) -> Result<bool, Error> {
    let t = std::time::Instant::now();
    let caching = cache.enabled;
    if caching {
        let key = templates.key();
        if key != cache.templates {
            // Other templates: nothing rendered before can be reused.
            *cache = RenderCache {
                enabled: true,
                templates: key,
                uses: templates.uses(),
                ..RenderCache::default()
            };
        }
        if let Some(only) = cache.only.take()
            && cache.complete
        {
            let tera = &mut templates.tera;
            render_edits(site, theme, tera, cache, &only, sink)?;
            crate::util::phase("render: edited pages", t);
            return Ok(true);
        }
        cache.complete = false;
    }
    let tera = &mut templates.tera;
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

    // Every project's card as a template value, made once and shared by every
    // list that shows it (and, in `serve`, kept while the card is unchanged).
    let cards: Vec<Value> = {
        let old = std::mem::take(&mut cache.cards);
        let cards: Vec<Value> = site
            .projects
            .par_iter()
            .map(|p| match old.get(&p.card_rev) {
                Some(v) if caching => v.clone(),
                _ => Value::from_serializable(&p.card()),
            })
            .collect();
        if caching {
            cache.cards = site
                .projects
                .iter()
                .zip(&cards)
                .map(|(p, v)| (p.card_rev, v.clone()))
                .collect();
        }
        cards
    };
    // Identifies the cards of these projects (by position).
    let card_revs = |indexes: &mut dyn Iterator<Item = usize>| -> u64 {
        hash_of(
            indexes
                .map(|i| site.projects[i].card_rev)
                .collect::<Vec<_>>(),
        )
    };

    // Site-wide data, in Tera's global context; with a cache, each variable
    // also gets a hash (and keeps its value while the hash is the same).
    let site_vars = SiteVars {
        title: &site.config.title,
        description: &site.config.description,
        language: &site.config.language,
        base_url: &site.config.base_url,
        base_path: &site.base_path,
        theme: &theme.name,
        upwork: &site.config.upwork,
        extra: &site.config.extra,
    };
    let mut old = std::mem::take(&mut cache.globals);
    /// A site-wide variable's hash and value (the last value, if the hash is the same).
    fn global<T: Serialize + ?Sized>(
        old: &mut HashMap<&'static str, (u64, Value)>,
        caching: bool,
        name: &'static str,
        value: &T,
    ) -> (u64, Value) {
        if !caching {
            return (0, Value::from_serializable(value));
        }
        let mut h = DefaultHasher::new();
        hash_json(&mut h, value);
        let hash = h.finish();
        match old.remove(name) {
            Some((was, v)) if was == hash => (hash, v),
            _ => (hash, Value::from_serializable(value)),
        }
    }
    let globals: [(&'static str, (u64, Value)); 8] = [
        ("site", global(&mut old, caching, "site", &site_vars)),
        (
            "profile",
            global(&mut old, caching, "profile", &site.profile),
        ),
        (
            "projects",
            (
                if caching {
                    card_revs(&mut (0..site.projects.len()))
                } else {
                    0
                },
                Value::from(cards.clone()),
            ),
        ),
        ("skills", global(&mut old, caching, "skills", &site.skills)),
        (
            "profiles",
            global(&mut old, caching, "profiles", &site.profiles),
        ),
        ("pages", global(&mut old, caching, "pages", &site.pages)),
        ("nav", global(&mut old, caching, "nav", &nav)),
        ("t", global(&mut old, caching, "t", &strings)),
    ];
    let hash_of_global = |name: &str| globals.iter().find(|g| g.0 == name).map_or(0, |g| g.1.0);
    // What every page's `page` variable and structured data are made from.
    let meta_key = hash_of((
        hash_of_global("site"),
        hash_of_global("profile"),
        hash_of_global("t"),
    ));
    // Per template: the hashes of the site-wide variables it can read.
    let uses = &cache.uses;
    let site_key = |template: &str| -> u64 {
        if !caching {
            return 0;
        }
        let reads = |g: &str| uses.get(template).is_none_or(|u| u.reads(g));
        hash_of((
            template,
            meta_key,
            globals
                .iter()
                .filter(|g| reads(g.0))
                .map(|g| (g.0, g.1.0))
                .collect::<Vec<_>>(),
        ))
    };
    {
        let ctx = tera.global_context();
        for (name, (_, value)) in &globals {
            ctx.insert_value(*name, value.clone());
        }
    }
    if caching {
        cache.globals = globals.iter().map(|(n, g)| (*n, g.clone())).collect();
    }
    crate::util::phase("render: site-wide data", t);
    let t = std::time::Instant::now();

    let tera = &*tera;
    let pages = Pages::new(site, &strings);
    let (meta, tr) = (
        |kind, title, description, path: &str| pages.meta(kind, title, description, path),
        |key: &str, fallback: &str| pages.tr(key, fallback),
    );
    let (home_url, skills_url) = (&pages.home_url, &pages.skills_url);

    let card_of: HashMap<&str, usize> = site
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| (p.slug.as_str(), i))
        .collect();
    let card_list = |indexes: &[usize]| -> (Value, u64) {
        let value = Value::from(
            indexes
                .iter()
                .map(|&i| cards[i].clone())
                .collect::<Vec<_>>(),
        );
        let key = if caching {
            card_revs(&mut indexes.iter().copied())
        } else {
            0
        };
        (value, key)
    };
    let mut jobs: Vec<Job> = Vec::with_capacity(site.page_count());

    // Home
    let featured: Vec<usize> = {
        let f: Vec<usize> = (0..site.projects.len())
            .filter(|&i| site.projects[i].featured)
            .collect();
        if f.is_empty() {
            (0..site.projects.len().min(6)).collect()
        } else {
            f
        }
    };
    let mut ctx = JobContext::new(caching);
    let mut m = meta("home", site.config.title.clone(), None, "");
    m.jsonld = Some(script_json(&person(site)));
    ctx.insert("page", m);
    let (value, key) = card_list(&featured);
    ctx.insert_value("featured", value, key);
    jobs.push(ctx.finish("index.html", "", site_key("index.html")));

    // A page whose own context is its `page` variable only.
    let meta_only = |template: &'static str, path: &str, m: PageMeta<'static>| {
        let mut ctx = JobContext::new(caching);
        ctx.insert("page", m);
        ctx.finish(template, path, site_key(template))
    };

    // Projects
    let m = meta("projects", tr("projects", "Projects"), None, "projects/");
    jobs.push(meta_only("projects.html", "projects/", m));

    // One page per project: its context is made only if the page is rendered,
    // and in parallel with the other pages.
    let project_key = site_key("project.html");
    cache.project_key = project_key;
    cache.meta_key = meta_key;
    for (i, p) in site.projects.iter().enumerate() {
        let key = if caching {
            project_page_key(site, project_key, i)
        } else {
            0
        };
        let (pages, cards) = (&pages, &cards);
        let build = move || pages.project(i, &|j| cards[j].clone());
        jobs.push(Job {
            template: "project.html",
            path: page_file(&p.location.path),
            key,
            build: Box::new(build),
        });
    }

    // Skills
    let m = meta("skills", tr("skills", "Skills"), None, "skills/");
    jobs.push(meta_only("skills.html", "skills/", m));
    let skill_key = site_key("skill.html");
    for s in &site.skills {
        let projects = &s.project_indexes;
        let mut ctx = JobContext::new(caching);
        let mut m = meta("skill", s.name.clone(), None, &s.location.path);
        m.jsonld = Some(script_json(&breadcrumbs(&[
            (&site.config.title, home_url),
            (&tr("skills", "Skills"), skills_url),
            (&s.name, &s.location.permalink),
        ])));
        ctx.insert("page", m);
        ctx.insert("skill", s);
        let (value, key) = card_list(projects);
        ctx.insert_value("skill_projects", value, key);
        jobs.push(ctx.finish("skill.html", &s.location.path, skill_key));
    }

    // Specialized profiles
    let profile_key = site_key("profile.html");
    for sp in &site.profiles {
        let projects: Vec<usize> = sp
            .projects
            .iter()
            .filter_map(|slug| card_of.get(slug.as_str()).copied())
            .collect();
        let mut ctx = JobContext::new(caching);
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
        let (value, key) = card_list(&projects);
        ctx.insert_value("profile_projects", value, key);
        jobs.push(ctx.finish("profile.html", &sp.location.path, profile_key));
    }

    // Résumé
    let mut ctx = JobContext::new(caching);
    let mut m = meta(
        "resume",
        format!("{} — {}", site.profile.name, tr("resume", "Résumé")),
        None,
        "resume/",
    );
    m.jsonld = Some(script_json(&person(site)));
    ctx.insert("page", m);
    jobs.push(ctx.finish("resume.html", "resume/", site_key("resume.html")));

    // Pages
    let page_key = site_key("page.html");
    for p in &site.pages {
        let mut ctx = JobContext::new(caching);
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
        jobs.push(ctx.finish("page.html", &p.location.path, page_key));
    }

    // 404: GitHub Pages serves it at any depth, so every link in it is absolute.
    let m = meta(
        "404",
        tr("page_not_found", "Page not found"),
        None,
        "404.html",
    );
    jobs.push(meta_only("404.html", "404.html", m));

    crate::util::phase("render: page contexts", t);
    let t = std::time::Instant::now();

    // Everything that is not a page: feeds, static files, assets.
    let mut extra: Vec<OutputFile> =
        Vec::with_capacity(site.assets.len() + theme.static_files.len() + 5);
    // Generated files, kept in `serve` while what they are made from is the same.
    let old_files = std::mem::take(&mut cache.files);
    let mut new_files: HashMap<String, (u64, Arc<[u8]>)> = HashMap::new();
    let mut generated = |path: &str, key: u64, make: &dyn Fn() -> String| {
        let bytes = match old_files.get(path) {
            Some((was, bytes)) if caching && *was == key => bytes.clone(),
            _ => Arc::from(make().into_bytes()),
        };
        if caching {
            new_files.insert(path.to_string(), (key, bytes.clone()));
        }
        extra.push(OutputFile {
            path: path.into(),
            contents: Contents::Bytes(bytes),
        });
    };
    // Sitemap, robots.txt and feed, unless the site ships its own in static/.
    // They show the projects' cards (not their bodies), skills, profiles and pages.
    let lists_key = hash_of((
        meta_key,
        ["projects", "skills", "profiles", "pages"].map(hash_of_global),
    ));
    type Feed = (&'static str, fn(&Site) -> String);
    let feeds: [Feed; 3] = [
        ("sitemap.xml", crate::feeds::sitemap),
        ("robots.txt", crate::feeds::robots),
        ("feed.xml", crate::feeds::atom),
    ];
    for (path, make) in feeds {
        if !theme.static_files.contains_key(path) {
            generated(path, lists_key, &|| make(site));
        }
    }
    if site.config.jsonresume && !theme.static_files.contains_key("resume.json") {
        // Made from whole projects (their bodies give the highlights).
        generated("resume.json", resume_key(site, meta_key), &|| {
            resume_json(site)
        });
    }
    if caching {
        cache.files = new_files;
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
    crate::util::phase("render: feeds and static", t);
    let t = std::time::Instant::now();

    // Pages: rendered in parallel (or reused), handed to the sink as they are
    // done, so a build never holds the whole site in memory.
    // Per page: whether it was rendered (not reused), and its bytes when caching.
    let old_pages = std::mem::take(&mut cache.pages);
    type Done = Result<(bool, Option<Arc<[u8]>>), Error>;
    let results: Vec<Done> = jobs
        .par_iter()
        .map(|job| {
            let (new, bytes) = match old_pages.get(&job.path) {
                Some((key, bytes)) if caching && *key == job.key => (false, bytes.clone()),
                _ => match tera.render(job.template, &(job.build)()) {
                    Ok(html) => (true, Arc::from(html.into_bytes())),
                    Err(e) => return Err(Error::single(template_error(&e, theme))),
                },
            };
            sink.put(OutputFile {
                path: job.path.clone(),
                contents: Contents::Bytes(bytes.clone()),
            })?;
            // Kept only when caching (serve); a build lets each page go once written.
            Ok((new, caching.then_some(bytes)))
        })
        .collect();
    drop(old_pages);
    let mut errors: Vec<Diagnostic> = Vec::new();
    let (mut rendered, mut reused) = (0, 0);
    let mut fresh: HashMap<String, (u64, Arc<[u8]>)> = HashMap::with_capacity(jobs.len());
    for (job, result) in jobs.into_iter().zip(results) {
        match result {
            Ok((new, bytes)) => {
                if new {
                    rendered += 1;
                } else {
                    reused += 1;
                }
                if let Some(bytes) = bytes {
                    fresh.insert(job.path, (job.key, bytes));
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
    crate::util::phase("render: templates", t);
    let t = std::time::Instant::now();
    extra.into_par_iter().try_for_each(|f| sink.put(f))?;
    crate::util::phase("render: copy", t);
    cache.complete = caching;
    Ok(false)
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
