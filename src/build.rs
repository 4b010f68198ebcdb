//! The pipeline shared by `build`, `check` and (later) `serve`:
//! load → validate → render → write.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::{self, LoadOptions, Site};
use crate::diagnostics::{Diagnostic, Error};
use crate::highlight::Highlighter;
use crate::output::{self, OutputFile, Sink};
use crate::render;
use crate::theme::{self, Theme};
use crate::util::phase;

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Overrides `output_dir` (relative to the current folder).
    pub output_dir: Option<PathBuf>,
    /// Overrides `base_url`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Leave fenced code plain and load no grammar (`check`, which publishes
    /// nothing). Otherwise code is highlighted through the site's cache.
    pub plain_code: bool,
}

/// A site rendered in memory.
pub struct Rendered {
    pub site: Arc<Site>,
    pub theme: Theme,
    pub files: Vec<OutputFile>,
    pub warnings: Vec<Diagnostic>,
    /// `files` holds only what changed since the last render with the same
    /// cache (`serve`); every other file is as it was.
    pub partial: bool,
    /// The site in the other languages of `languages:` (none for a
    /// one-language site), in their order.
    pub translations: Vec<Arc<Site>>,
}

/// What a build did.
#[derive(Debug)]
pub struct BuildReport {
    pub pages: usize,
    pub projects: usize,
    pub skills: usize,
    pub files: usize,
    pub output: PathBuf,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
}

impl BuildReport {
    /// `Built 14 pages (8 projects, 9 skills) in 38 ms → public/`
    pub fn summary(&self, shown_output: &Path) -> String {
        let mut out = shown_output.display().to_string();
        if !out.ends_with('/') {
            out.push('/');
        }
        format!(
            "Built {} pages ({} project{}, {} skill{}) in {} ms → {out}",
            self.pages,
            self.projects,
            if self.projects == 1 { "" } else { "s" },
            self.skills,
            if self.skills == 1 { "" } else { "s" },
            self.elapsed.as_millis(),
        )
    }
}

/// A loaded site with its theme and templates, ready to render.
struct Prepared {
    site: Arc<Site>,
    theme: Theme,
    templates: render::Templates,
    warnings: Vec<Diagnostic>,
}

/// Loads the site in one language (`None`: the default) with its theme and templates.
fn prepare(
    opts: &BuildOptions,
    cache: Option<&mut content::LoadCache>,
    highlight: Option<Arc<Highlighter>>,
    lang: Option<&str>,
) -> Result<Prepared, Error> {
    let t = Instant::now();
    let load = LoadOptions {
        drafts: opts.drafts,
        base_url: opts.base_url.clone(),
        highlight,
        lang: lang.map(String::from),
    };
    let (site, warnings) = match cache {
        Some(cache) => content::load_cached(&opts.root, &load, cache)?,
        None => content::load(&opts.root, &load).map(|(s, w)| (Arc::new(s), w))?,
    };
    phase("load", t);
    let t = Instant::now();
    let theme = theme::open(&opts.root, &site.config.theme)?;
    let mut warnings = warnings;
    warnings.extend(card_warnings(&site, &theme));
    let templates = render::templates(&theme, &site).map_err(|e| with_warnings(e, &warnings))?;
    phase("templates", t);
    Ok(Prepared {
        site,
        theme,
        templates,
        warnings,
    })
}

/// The site in every language, the default first. The warnings of files
/// every language reads are reported once, by the first load.
fn prepare_languages(
    opts: &BuildOptions,
    highlight: Option<Arc<Highlighter>>,
) -> Result<Vec<Prepared>, Error> {
    let first = prepare(opts, None, highlight.clone(), None)?;
    with_translations(opts, first, highlight)
}

/// The default language's `first` load, then the site in the other languages.
fn with_translations(
    opts: &BuildOptions,
    first: Prepared,
    highlight: Option<Arc<Highlighter>>,
) -> Result<Vec<Prepared>, Error> {
    let others = first.site.config.other_language_codes();
    let mut all = vec![first];
    for code in others {
        let mut p = prepare(opts, None, highlight.clone(), Some(&code))
            .map_err(|e| with_warnings(e, &all[0].warnings))?;
        p.warnings
            .retain(|w| !all.iter().any(|q| q.warnings.contains(w)));
        all.push(p);
    }
    Ok(all)
}

/// Renders every language into `sink`; gives the warnings of every load.
fn render_languages(
    prepared: &mut [Prepared],
    cache: &mut render::RenderCache,
    sink: &dyn Sink,
) -> Result<Vec<Diagnostic>, Error> {
    let warnings: Vec<Diagnostic> = prepared.iter().flat_map(|p| p.warnings.clone()).collect();
    let languages = render::Languages::new(prepared.iter().map(|p| p.site.clone()).collect());
    let (mut rendered, mut reused) = (0, 0);
    for p in prepared {
        render::render_site(&p.site, &p.theme, &mut p.templates, cache, sink, &languages)
            .map_err(|e| with_warnings(e, &warnings))?;
        rendered += cache.last_rendered;
        reused += cache.last_reused;
    }
    (cache.last_rendered, cache.last_reused) = (rendered, reused);
    Ok(warnings)
}

/// Fonts named in `card_fonts` that are missing, and one warning when no
/// card font covers some title (its card is drawn without it).
fn card_warnings(site: &Site, theme: &theme::Theme) -> Vec<Diagnostic> {
    if !site.config.share_cards {
        return Vec::new();
    }
    let (fonts, mut warnings) = crate::cards::Fonts::load(&site.root, &site.config, theme);
    let profile = profile_file(site);
    let mut texts = vec![
        (site.profile.name.clone(), profile.clone()),
        (site.profile.title.clone(), profile),
    ];
    for p in &site.projects {
        texts.push((p.title.clone(), p.source.clone()));
        texts.extend(p.client.iter().map(|c| (c.clone(), p.source.clone())));
    }
    texts.extend(
        site.pages
            .iter()
            .map(|p| (p.title.clone(), p.source.clone())),
    );
    texts.extend(
        site.profiles
            .iter()
            .map(|p| (p.title.clone(), p.source.clone())),
    );
    texts.extend(list_card_titles(site, theme));
    warnings.extend(crate::cards::missing_text_warning(&fonts, &texts));
    warnings
}

/// The titles of the cards of list pages (the theme's words for them, skills,
/// tags), with the file to name: `folio.yaml`, where `card_fonts` adds a font.
fn list_card_titles(site: &Site, theme: &theme::Theme) -> Vec<(String, String)> {
    let strings = theme.strings(&site.lang).unwrap_or_default();
    let config = "folio.yaml".to_string();
    let words = crate::cards::LIST_PAGES
        .iter()
        .map(|(_, key, word)| strings.get(*key).map_or(word.to_string(), |w| w.clone()));
    let skills = site.skills.iter().map(|s| s.name.clone());
    let tags = site.tags.iter().map(|t| t.name.clone());
    words
        .chain(skills)
        .chain(tags)
        .map(|t| (t, config.clone()))
        .collect()
}

/// The file the profile's text of this language comes from: its translation
/// (`content/profile.zh.yaml`) when there is one.
fn profile_file(site: &Site) -> String {
    let translated = format!("content/profile.{}.yaml", site.lang);
    let is_default = site.languages.first().is_none_or(|l| l.code == site.lang);
    if !is_default && site.root.join(&translated).is_file() {
        translated
    } else {
        "content/profile.yaml".to_string()
    }
}

/// What `serve` keeps from one build to the next: the loaded files and the
/// rendered pages, so an edit re-reads and re-renders only what it can change.
#[derive(Default)]
pub struct Incremental {
    pub load: content::LoadCache,
    pub render: render::RenderCache,
    /// Positions of the projects whose pages changed since the last complete
    /// render, when only project pages changed; `None` when anything may have.
    pending: Option<std::collections::BTreeSet<usize>>,
    /// Highlighted code, kept from one build to the next (set by the first).
    highlight: Option<Arc<Highlighter>>,
}

impl Incremental {
    pub fn new() -> Self {
        Incremental {
            load: content::LoadCache::default(),
            render: render::RenderCache::enabled(),
            pending: None,
            highlight: None,
        }
    }

    /// Tells the caches which files changed since the last build.
    /// `paths` are absolute (from the watcher); `root` is the site folder as given.
    pub fn changed(&mut self, root: &Path, paths: &[PathBuf]) {
        // The loader knows files by `root` joined with their relative paths.
        let absolute = crate::output::absolute(root);
        let paths: Vec<PathBuf> = paths
            .iter()
            .map(|p| match p.strip_prefix(&absolute) {
                Ok(rel) => root.join(rel),
                Err(_) => p.clone(),
            })
            .collect();
        self.load.forget(&root.join("content"), &paths);
    }
}

/// The highlighter a build of this site uses: the site's cache, or none.
fn highlighter(opts: &BuildOptions) -> Option<Arc<Highlighter>> {
    (!opts.plain_code).then(|| Arc::new(Highlighter::for_site(&opts.root)))
}

/// Keeps what a build highlighted for the next one. A cache that can't be
/// written costs the next build time, never this one its result.
fn keep_highlights(highlight: Option<&Highlighter>, complete: bool) {
    if let Some(h) = highlight
        && let Err(e) = h.save(complete)
        && std::env::var_os("FOLIO_TIMINGS").is_some()
    {
        eprintln!("  highlight cache not saved: {e}");
    }
}

/// Loads, validates and renders the site in memory. Writes no page (only the
/// site's highlight cache).
pub fn render_site(opts: &BuildOptions) -> Result<Rendered, Error> {
    let highlight = highlighter(opts);
    let mut prepared = prepare_languages(opts, highlight.clone())?;
    let t = Instant::now();
    let sink = output::Collect::default();
    let warnings = render_languages(&mut prepared, &mut Default::default(), &sink)?;
    phase("render", t);
    keep_highlights(highlight.as_deref(), true);
    Ok(complete(prepared, sink, warnings))
}

/// A complete render of every language in `prepared` (the default first).
fn complete(
    mut prepared: Vec<Prepared>,
    sink: output::Collect,
    warnings: Vec<Diagnostic>,
) -> Rendered {
    let first = prepared.remove(0);
    Rendered {
        site: first.site,
        theme: first.theme,
        files: sink.into_files(),
        warnings,
        partial: false,
        translations: prepared.into_iter().map(|p| p.site).collect(),
    }
}

/// [`render_site`], reusing what an earlier build of the same site left in
/// `cache` where it cannot have changed.
pub fn render_site_cached(opts: &BuildOptions, cache: &mut Incremental) -> Result<Rendered, Error> {
    let first = cache.highlight.is_none();
    if first {
        cache.highlight = highlighter(opts);
    }
    let prepared = prepare(opts, Some(&mut cache.load), cache.highlight.clone(), None);
    match (cache.load.changed.take(), &mut cache.pending) {
        (Some(changed), Some(pending)) => pending.extend(changed),
        _ => cache.pending = None,
    }
    let prepared = prepared?;
    if !prepared.site.config.other_language_codes().is_empty() {
        let rendered = render_translated(opts, prepared, cache);
        keep_highlights(cache.highlight.as_deref(), first);
        return rendered;
    }
    cache.render.only = cache.pending.clone();
    cache.render.revisions = cache.load.revisions().unwrap_or_default();
    let rendered = render_prepared(prepared, &mut cache.render)?;
    cache.pending = Some(Default::default());
    // Only the first build renders every page: later ones reuse pages whose
    // blocks they don't look up, which must stay in the cache file.
    keep_highlights(cache.highlight.as_deref(), first);
    Ok(rendered)
}

/// `serve` on a site in several languages: the default language is loaded
/// through the cache, the others as `build` loads them, and every page of
/// every language is rendered as `build` renders it (pages show the other
/// languages' pages in their switcher, so an edit in one language can change
/// pages of all of them).
fn render_translated(
    opts: &BuildOptions,
    default: Prepared,
    cache: &mut Incremental,
) -> Result<Rendered, Error> {
    cache.pending = None;
    let mut prepared = with_translations(opts, default, cache.highlight.clone())?;
    let t = Instant::now();
    let sink = output::Collect::default();
    let mut pages = render::RenderCache::default();
    let warnings = render_languages(&mut prepared, &mut pages, &sink)?;
    phase("render", t);
    (cache.render.last_rendered, cache.render.last_reused) = (pages.last_rendered, 0);
    Ok(complete(prepared, sink, warnings))
}

fn render_prepared(p: Prepared, cache: &mut render::RenderCache) -> Result<Rendered, Error> {
    let Prepared {
        site,
        theme,
        mut templates,
        warnings,
    } = p;
    let t = Instant::now();
    let sink = output::Collect::default();
    // `serve` shows the default language only (no switcher).
    let languages = render::Languages::one(site.clone());
    let partial = render::render_site(&site, &theme, &mut templates, cache, &sink, &languages)
        .map_err(|e| with_warnings(e, &warnings))?;
    phase("render", t);
    Ok(Rendered {
        site,
        theme,
        files: sink.into_files(),
        warnings,
        partial,
        translations: Vec::new(),
    })
}

fn with_warnings(mut e: Error, warnings: &[Diagnostic]) -> Error {
    e.diagnostics.extend(warnings.iter().cloned());
    e
}

/// The output folder for these options and config.
pub fn output_dir(opts: &BuildOptions, site: &Site) -> PathBuf {
    match &opts.output_dir {
        Some(dir) => dir.clone(),
        None => opts.root.join(&site.config.output_dir),
    }
}

/// `folio build`: renders the site straight into a staging folder beside the
/// output folder and swaps it in when everything succeeded.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Error> {
    let start = Instant::now();
    let highlight = highlighter(opts);
    let mut prepared = prepare_languages(opts, highlight.clone())?;
    let site = prepared[0].site.clone();
    let out = output_dir(opts, &site);
    output::check_output_dir(&opts.root, &out)?;
    let staging = output::Staging::new(&out)?;
    let t = Instant::now();
    let files = CountingSink {
        inner: &staging,
        count: std::sync::atomic::AtomicUsize::new(0),
        cards: Default::default(),
    };
    let warnings = render_languages(&mut prepared, &mut Default::default(), &files)?;
    phase("render and write", t);
    let written = files.count.into_inner();
    let cards = files.cards.into_inner().unwrap_or_else(|p| p.into_inner());
    let t = Instant::now();
    staging.commit()?;
    phase("swap", t);
    keep_highlights(highlight.as_deref(), true);
    if site.config.share_cards {
        crate::cards::prune_cache(&opts.root, &cards);
    }
    let report = BuildReport {
        pages: prepared.iter().map(|p| p.site.page_count()).sum(),
        projects: site.projects.len(),
        skills: site.skills.len(),
        files: written,
        output: out,
        warnings,
        elapsed: start.elapsed(),
    };
    drop_aside((prepared, site));
    Ok(report)
}

/// Frees the site's model on another thread: for 10,000 projects that is a
/// few percent of a build's wall time on one core, which a one-shot `folio
/// build` needn't wait for (the process exits while it runs). Without a
/// thread, it is freed here.
fn drop_aside<T: Send + 'static>(model: T) {
    let _ = std::thread::Builder::new()
        .name("free model".into())
        .spawn(move || drop(model));
}

/// Counts the files passing through to another sink, and notes the cache
/// names of the share cards among them.
struct CountingSink<'a> {
    inner: &'a dyn Sink,
    count: std::sync::atomic::AtomicUsize,
    cards: std::sync::Mutex<std::collections::HashSet<String>>,
}

impl Sink for CountingSink<'_> {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        self.count
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let output::Contents::Card(card) = &file.contents {
            let name = card.cache_name();
            let mut cards = self.cards.lock().unwrap_or_else(|p| p.into_inner());
            cards.insert(name);
        }
        self.inner.put(file)
    }
}
