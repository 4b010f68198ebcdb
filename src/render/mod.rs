//! Rendering: a validated [`Site`] and a [`Theme`] become the site's files, in memory.
//!
//! Site-wide data (`site`, `profile`, `projects`, `skills`, `profiles`, `pages`)
//! is put into Tera's global context once ([`keys`]); each page's own context
//! holds only what that page is about, so rendering stays cheap as portfolios
//! grow. What a render makes is a plan ([`plan`]: one function per kind of
//! page or file); one loop renders it ([`run`]). Caching only filters the plan.

mod cache;
mod context;
mod keys;
mod languages;
mod plan;
mod run;
mod templates;

use std::time::Instant;

use tera::Value;

use crate::content::model::Site;
use crate::diagnostics::Error;
use crate::theme::Theme;
use crate::util::phase;

pub use crate::output::{Collect, Contents, OutputFile, Sink};
pub use cache::RenderCache;
pub use context::plain_text;
pub use languages::{Alternate, HrefLang, Languages};
pub use templates::{Templates, template_error, templates};

use context::Pages;
use keys::Keys;
use plan::Planner;
use run::Renderer;

/// Renders every page of the site in its language and hands every file of
/// the output to `sink`. `languages` holds every language of the site (the
/// alternates of each page); the default language's render also writes the
/// files every language shares (static files, assets, the sitemap).
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
    languages: &Languages,
) -> Result<bool, Error> {
    let t = Instant::now();
    if cache.enabled {
        cache.start(templates.key(), || templates.uses());
        if let Some(only) = cache.only.take()
            && cache.complete
        {
            render_edits(site, theme, templates, cache, &only, sink, languages)?;
            phase("render: edited pages", t);
            return Ok(true);
        }
        cache.complete = false;
    }
    let caching = cache.enabled;
    let strings = theme.strings(&site.config.language)?;
    let cards = keys::cards(site, cache);
    let tera = &mut templates.tera;
    let revs = &cache.revisions;
    let kept = caching.then_some(&mut cache.globals);
    let hashes = keys::site_wide(site, theme, &strings, &cards, revs, tera, kept);
    let keys = Keys::new(caching, hashes, &cache.uses);
    phase("render: site-wide data", t);
    let t = Instant::now();
    let pages = Pages::new(site, &strings, languages);
    let card = |j: usize| cards[j].clone();
    let planner = Planner {
        site,
        theme,
        pages: &pages,
        keys: &keys,
        card: &card,
        revs,
        languages,
    };
    let plan = planner.site();
    phase("render: plan", t);
    let renderer = Renderer {
        tera: &templates.tera,
        theme,
        caching,
        partial: false,
    };
    let counts = renderer.run(plan, &mut cache.done, sink)?;
    cache.last_rendered = counts.rendered;
    cache.last_reused = counts.reused;
    cache.complete = caching;
    Ok(false)
}

/// The fast path of [`render_site`] in `serve`: only the projects `only`
/// changed since the last complete render (the loader saw nothing else
/// change), so only what they can change is planned and rendered, with the
/// site-wide data and keys of that render.
fn render_edits(
    site: &Site,
    theme: &Theme,
    templates: &mut Templates,
    cache: &mut RenderCache,
    only: &std::collections::BTreeSet<usize>,
    sink: &dyn Sink,
    languages: &Languages,
) -> Result<(), Error> {
    keys::restore(&mut templates.tera, &cache.globals);
    let strings = theme.strings(&site.config.language)?;
    let pages = Pages::new(site, &strings, languages);
    let (cards, revs) = (&cache.cards, &*cache.revisions);
    let card = |j: usize| {
        let p = &site.projects[j];
        match cards.get(&revs.card(j)) {
            Some(v) => v.clone(),
            None => Value::from_serializable(&p.card()),
        }
    };
    let keys = Keys::from_cache(&cache.globals, &cache.uses);
    let planner = Planner {
        site,
        theme,
        pages: &pages,
        keys: &keys,
        card: &card,
        revs,
        languages,
    };
    let renderer = Renderer {
        tera: &templates.tera,
        theme,
        caching: true,
        partial: true,
    };
    let counts = renderer.run(planner.edits(only.iter().copied()), &mut cache.done, sink)?;
    cache.last_rendered = counts.rendered;
    cache.last_reused = cache.done.pages.saturating_sub(counts.rendered);
    Ok(())
}
