//! Syntax highlighting of fenced code at build time, as CSS classes (never inline
//! colours) so each theme colours code for its light and dark scheme.
//!
//! [`engine`] runs the grammars; a [`Highlighter`] is what a build hands to the
//! Markdown renderer: it highlights each distinct block once and keeps the result
//! in the site's cache ([`cache`], `<site>/.folio/cache/`), so a rebuild or
//! `folio serve` never highlights the same code twice. Commands that write no
//! HTML (`check`, `profile`, `proposal`, the exports) render without one: their
//! code stays plain and no grammar is ever loaded.

pub mod cache;
pub mod classes;
pub mod engine;
mod spans;
mod tree;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

pub use engine::language_of;

/// One highlighted block: its language, its code, and the HTML of its spans.
type Key = (String, String);

/// Highlights code blocks, each distinct (language, code) once per cache.
#[derive(Default)]
pub struct Highlighter {
    /// Blocks known before this run (from the cache file) or highlighted in it,
    /// with whether this run used them; `None`: the language is plain or unknown.
    memo: Mutex<HashMap<Key, Memo>>,
    /// Where the memo is kept between runs; `None`: in memory only.
    file: Option<cache::CacheFile>,
}

struct Memo {
    html: Option<Arc<str>>,
    used: bool,
    /// Not yet in the cache file.
    new: bool,
}

impl std::fmt::Debug for Highlighter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Highlighter")
            .field("blocks", &self.lock().len())
            .finish()
    }
}

impl Highlighter {
    /// A highlighter that keeps its results in memory only.
    pub fn in_memory() -> Highlighter {
        Highlighter::default()
    }

    /// A highlighter backed by `<site>/.folio/cache/`: what earlier builds
    /// highlighted is read back; an unreadable or outdated cache is ignored.
    pub fn for_site(root: &Path) -> Highlighter {
        let file = cache::CacheFile::in_site(root);
        let memo = file
            .read()
            .into_iter()
            .map(|e| {
                let memo = Memo {
                    html: e.html.map(Arc::from),
                    used: false,
                    new: false,
                };
                ((e.lang, e.code), memo)
            })
            .collect();
        Highlighter {
            memo: Mutex::new(memo),
            file: Some(file),
        }
    }

    /// The highlighted HTML (spans with `hl-` classes, text escaped) of `code` in
    /// `lang`, or `None` when the language is plain or unknown.
    pub fn html(&self, lang: &str, code: &str) -> Option<Arc<str>> {
        if engine::is_plain(lang) {
            return None;
        }
        let key = (lang.to_string(), code.to_string());
        if let Some(m) = self.lock().get_mut(&key) {
            m.used = true;
            return m.html.clone();
        }
        // Highlight outside the lock: other pages' blocks go on in parallel.
        let html: Option<Arc<str>> = engine::highlight(lang, code).map(Arc::from);
        let memo = Memo {
            html: html.clone(),
            used: true,
            new: true,
        };
        self.lock().insert(key, memo);
        html
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Memo>> {
        // A panic elsewhere cannot leave the map half-written: use it as it is.
        self.memo.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Keeps what this run highlighted for the next one. After a full build
    /// (`complete`), blocks no page used any more are dropped from the file.
    /// A cache that can't be written costs only speed: the error is returned
    /// for the caller to mention, never to fail a build on.
    pub fn save(&self, complete: bool) -> std::io::Result<()> {
        let Some(file) = &self.file else {
            return Ok(());
        };
        let mut memo = self.lock();
        let stale = memo.values().filter(|m| !m.used).count();
        let rewrite = complete && stale > 0;
        let keep = |m: &Memo| if rewrite { m.used } else { m.new };
        let entries = memo
            .iter()
            .filter(|(_, m)| keep(m))
            .map(|((lang, code), m)| (lang.as_str(), code.as_str(), m.html.as_deref()));
        if rewrite {
            file.rewrite(entries)?;
            memo.retain(|_, m| m.used);
        } else if memo.values().any(|m| m.new) {
            file.append(entries)?;
        }
        for m in memo.values_mut() {
            m.new = false;
            m.used = !complete && m.used;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_block_is_highlighted_once_and_plain_languages_never() {
        let h = Highlighter::in_memory();
        let a = h.html("rust", "fn main() {}").unwrap();
        let b = h.html("rust", "fn main() {}").unwrap();
        assert!(Arc::ptr_eq(&a, &b), "the second lookup reuses the first");
        assert!(a.contains("hl-"), "{a}");
        assert!(h.html("text", "x").is_none());
        assert!(h.html("no-such-language", "x").is_none());
    }

    #[test]
    fn a_site_reads_back_what_its_last_build_kept() {
        let dir = tempfile::tempdir().unwrap();
        // What an earlier build kept is used as it is, not highlighted again.
        cache::CacheFile::in_site(dir.path())
            .append([("rust", "fn a() {}", Some("KEPT"))])
            .unwrap();
        let h = Highlighter::for_site(dir.path());
        assert_eq!(h.html("rust", "fn a() {}").as_deref(), Some("KEPT"));
        h.html("python", "def f(): pass").unwrap();
        h.save(true).unwrap();
        let again = Highlighter::for_site(dir.path());
        assert_eq!(again.lock().len(), 2);
        // A complete build that used only one block keeps only that one.
        again.html("python", "def f(): pass");
        again.save(true).unwrap();
        let keys: Vec<Key> = Highlighter::for_site(dir.path())
            .lock()
            .keys()
            .cloned()
            .collect();
        assert_eq!(keys, vec![("python".into(), "def f(): pass".into())]);
    }

    #[test]
    fn an_incremental_save_appends_only_new_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let h = Highlighter::for_site(dir.path());
        h.html("rust", "fn a() {}");
        h.save(true).unwrap();
        h.html("rust", "fn b() {}");
        h.save(false).unwrap();
        h.save(false).unwrap();
        let entries = cache::CacheFile::in_site(dir.path()).read();
        let codes: Vec<&str> = entries.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, vec!["fn a() {}", "fn b() {}"]);
    }
}
