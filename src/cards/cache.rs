//! Cards kept on disk: `<site>/.folio/cache/cards/<key>.<ext>`, where the key
//! identifies everything a card is made from (folio's version, its text,
//! colours, fonts, and its cover's size and modification time). A card that
//! can't be kept costs the next build time, never this one its result.

use std::io::Write;
use std::path::{Path, PathBuf};

pub struct CardCache {
    dir: Option<PathBuf>,
}

impl CardCache {
    pub fn in_site(root: &Path) -> CardCache {
        CardCache {
            dir: Some(root.join(".folio/cache/cards")),
        }
    }

    pub fn none() -> CardCache {
        CardCache { dir: None }
    }

    fn path(&self, key: u64, ext: &str) -> Option<PathBuf> {
        Some(self.dir.as_ref()?.join(format!("{key:016x}.{ext}")))
    }

    /// The kept card, if any.
    pub fn get(&self, key: u64, ext: &str) -> Option<Vec<u8>> {
        std::fs::read(self.path(key, ext)?)
            .ok()
            .filter(|b| !b.is_empty())
    }

    /// Keeps a card (written to a temporary file, then renamed, so a reader
    /// never sees half a file).
    pub fn put(&self, key: u64, ext: &str, bytes: &[u8]) {
        let (Some(dir), Some(path)) = (&self.dir, self.path(key, ext)) else {
            return;
        };
        let _ = std::fs::create_dir_all(dir).and_then(|_| {
            let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
            tmp.write_all(bytes)?;
            tmp.persist(&path).map_err(|e| e.error)?;
            Ok(())
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_card_comes_back_and_no_cache_keeps_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let c = CardCache::in_site(dir.path());
        assert_eq!(c.get(7, "png"), None);
        c.put(7, "png", b"PNG");
        assert_eq!(c.get(7, "png").as_deref(), Some(&b"PNG"[..]));
        assert_eq!(c.get(7, "jpg"), None);
        let none = CardCache::none();
        none.put(7, "png", b"PNG");
        assert_eq!(none.get(7, "png"), None);
    }
}
