//! What `serve` keeps between renders, and the hashing its keys are made with.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;

use serde::Serialize;
use tera::Value;

use crate::content::Revisions;
use crate::template_vars::Uses;

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
    pub(super) enabled: bool,
    /// Hash of the templates' names and sources.
    pub(super) templates: u64,
    /// Per template: the site-wide variables it can read.
    pub(super) uses: HashMap<String, Uses>,
    /// Project card revision → the card as a template value.
    pub(super) cards: HashMap<u64, Value>,
    /// Site-wide variable → (hash, value).
    pub(super) globals: HashMap<&'static str, (u64, Value)>,
    /// What the last renders produced.
    pub(super) done: Done,
    /// The last render succeeded and rendered (or reused) every page.
    pub(super) complete: bool,
    /// Set before a render: when only the pages of these projects (by
    /// position) can have changed since the last complete render.
    pub only: Option<std::collections::BTreeSet<usize>>,
    /// Set before a render: the revisions of the site's projects (from the
    /// cached load), which the keys of the pages that show them are made of.
    pub revisions: Arc<Revisions>,
    /// Pages rendered and reused by the last call.
    pub last_rendered: usize,
    pub last_reused: usize,
}

/// Output path → (key, bytes) of every page and generated file last rendered.
#[derive(Default)]
pub(super) struct Done {
    pub(super) files: HashMap<String, (u64, Arc<[u8]>)>,
    /// How many of them are pages (rendered from a template).
    pub(super) pages: usize,
}

impl RenderCache {
    pub fn enabled() -> Self {
        RenderCache {
            enabled: true,
            ..RenderCache::default()
        }
    }

    /// Starts a render with these templates (their key, and what each reads):
    /// other templates than last time, and nothing rendered before is reused.
    pub(super) fn start(&mut self, templates: u64, uses: impl FnOnce() -> HashMap<String, Uses>) {
        if templates != self.templates {
            *self = RenderCache {
                enabled: true,
                templates,
                uses: uses(),
                revisions: std::mem::take(&mut self.revisions),
                ..RenderCache::default()
            };
        }
    }
}

/// Hashes a value through its JSON form, written into a reused buffer and
/// hashed in one call (serde_json writes in small pieces, and hashing each
/// piece separately costs more than the copy).
pub(super) fn hash_json<T: Serialize + ?Sized>(hasher: &mut DefaultHasher, value: &T) {
    thread_local! {
        static BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    BUF.with_borrow_mut(|buf| {
        buf.clear();
        let _ = serde_json::to_writer(&mut *buf, value);
        hasher.write(buf);
    });
}

pub(super) fn hash_of(parts: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}
