//! Cards kept on disk: `<site>/.folio/cache/cards/<key>.<ext>`, where the key
//! identifies everything a card is made from (folio's version, its text,
//! colours, fonts, and its cover's size and modification time). A card that
//! can't be kept costs the next build time, never this one its result.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The name a card of `key` is kept under.
pub fn file_name(key: u64, ext: &str) -> String {
    format!("{key:016x}.{ext}")
}

/// Whether `name` is one [`file_name`] gives.
fn is_card_name(name: &str) -> bool {
    let Some((key, ext)) = name.split_once('.') else {
        return false;
    };
    key.len() == 16 && key.bytes().all(|b| b.is_ascii_hexdigit()) && matches!(ext, "png" | "jpg")
}

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
        Some(self.dir.as_ref()?.join(file_name(key, ext)))
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

    /// After a full build, removes the kept cards it did not use (`used`: their
    /// file names), so cards of deleted or changed pages don't pile up. Only
    /// card files directly in the cards folder go: never a folder, a link, a
    /// file of another name, or the folder itself when it is a link. Returns
    /// how many were removed; one that can't be costs only disk space.
    pub fn prune(&self, used: &HashSet<String>) -> usize {
        let Some(dir) = &self.dir else {
            return 0;
        };
        if !std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
            return 0;
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return 0;
        };
        let stale = entries.flatten().filter(|e| {
            let name = e.file_name();
            let name = name.to_str().unwrap_or("");
            is_card_name(name) && !used.contains(name) && e.file_type().is_ok_and(|t| t.is_file())
        });
        stale
            .filter(|e| std::fs::remove_file(e.path()).is_ok())
            .count()
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

    #[test]
    fn prune_removes_only_unused_card_files() {
        let dir = tempfile::tempdir().unwrap();
        let c = CardCache::in_site(dir.path());
        c.put(1, "png", b"used");
        c.put(2, "jpg", b"stale");
        c.put(3, "png", b"stale");
        let cards = dir.path().join(".folio/cache/cards");
        for other in ["notes.txt", "0000000000000004.svg", "000000000000005.png"] {
            std::fs::write(cards.join(other), "keep").unwrap();
        }
        std::fs::create_dir(cards.join("0000000000000006.png")).unwrap();
        let used = HashSet::from([file_name(1, "png")]);
        assert_eq!(c.prune(&used), 2);
        let mut left: Vec<String> = std::fs::read_dir(&cards)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        let kept = [
            "0000000000000001.png",
            "0000000000000004.svg",
            "0000000000000006.png",
            "000000000000005.png",
            "notes.txt",
        ];
        assert_eq!(left, kept);
        assert_eq!(c.get(1, "png").as_deref(), Some(&b"used"[..]));
        assert_eq!(CardCache::none().prune(&used), 0);
    }

    #[cfg(unix)]
    #[test]
    fn prune_never_follows_a_linked_cards_folder() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        std::fs::write(elsewhere.join(file_name(9, "png")), "not ours").unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join(".folio/cache")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, site.join(".folio/cache/cards")).unwrap();
        assert_eq!(CardCache::in_site(&site).prune(&HashSet::new()), 0);
        assert!(elsewhere.join(file_name(9, "png")).exists());
    }
}
