//! The highlight cache on disk: `<site>/.folio/cache/highlight.bin`, a header
//! naming what made it, then (language, code, HTML) records in bincode. A build
//! appends what it highlighted new, in one write; a full build that finds
//! records no page uses any more rewrites the file (to a temporary file, then
//! renamed). A file made by another folio version or grammar set is ignored, and
//! a record cut short (a build stopped mid-write) ends the reading there.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Changes whenever what the highlighter writes for the same input may change:
/// the record format, folio's version (grammars come with it: Cargo.lock pins
/// them), the engines and the scope and capture → class rules.
fn stamp() -> String {
    format!(
        "folio-highlight 3; folio {}; syntect 5.3 oniguruma; {:?}; tree-sitter {:?}",
        env!("CARGO_PKG_VERSION"),
        super::classes::RULES,
        super::tree::CAPTURES
    )
}

/// How records are read and written: bincode's fixed-size integers, and no
/// length read from the file may claim more bytes than the file has (a damaged
/// cache must cost a rebuild, never memory).
fn options(limit: usize) -> impl bincode::Options {
    use bincode::Options;
    bincode::DefaultOptions::new()
        .with_fixint_encoding()
        .allow_trailing_bytes()
        .with_limit(limit as u64)
}

/// One highlighted block, as read back.
#[derive(Deserialize, Debug, PartialEq)]
pub struct Entry {
    pub lang: String,
    pub code: String,
    pub html: Option<String>,
}

/// One highlighted block, as written (the same bytes as [`Entry`]).
#[derive(Serialize)]
struct EntryRef<'a> {
    lang: &'a str,
    code: &'a str,
    html: Option<&'a str>,
}

/// The site's cache of highlighted code.
pub struct CacheFile {
    path: PathBuf,
}

impl CacheFile {
    /// The cache of the site in `root`.
    pub fn in_site(root: &Path) -> CacheFile {
        CacheFile {
            path: root.join(".folio/cache/highlight.bin"),
        }
    }

    /// Every record the file holds; nothing when it is missing, unreadable or
    /// from another version.
    pub fn read(&self) -> Vec<Entry> {
        let Ok(bytes) = std::fs::read(&self.path) else {
            return Vec::new();
        };
        use bincode::Options;
        let mut reader = bytes.as_slice();
        match options(reader.len()).deserialize_from::<_, String>(&mut reader) {
            Ok(s) if s == stamp() => {}
            _ => return Vec::new(),
        }
        let mut entries = Vec::new();
        while !reader.is_empty() {
            match options(reader.len()).deserialize_from::<_, Entry>(&mut reader) {
                Ok(e) => entries.push(e),
                Err(_) => break,
            }
        }
        entries
    }

    /// Adds records at the end of the file (starting it when there is none).
    pub fn append<'a>(
        &self,
        entries: impl IntoIterator<Item = EntryOf<'a>>,
    ) -> std::io::Result<()> {
        let fresh = !self.path.is_file();
        let bytes = encode(fresh, entries)?;
        self.make_dir()?;
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.path)?;
        // One write: a build running beside this one never interleaves a record.
        f.write_all(&bytes)
    }

    /// Replaces the file with exactly these records.
    pub fn rewrite<'a>(
        &self,
        entries: impl IntoIterator<Item = EntryOf<'a>>,
    ) -> std::io::Result<()> {
        let bytes = encode(true, entries)?;
        self.make_dir()?;
        let mut tmp = tempfile::NamedTempFile::new_in(self.dir())?;
        tmp.write_all(&bytes)?;
        tmp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }

    /// Makes the cache folder; `.folio/` gets a `.gitignore` of `*`, so the
    /// cache stays out of git in sites made before `folio init` ignored it.
    fn make_dir(&self) -> std::io::Result<()> {
        std::fs::create_dir_all(self.dir())?;
        if let Some(folio) = self.dir().parent() {
            let ignore = folio.join(".gitignore");
            if !ignore.exists() {
                std::fs::write(
                    ignore,
                    "# folio's cache: rebuilt on demand, never committed\n*\n",
                )?;
            }
        }
        Ok(())
    }

    fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }
}

/// A record to write: language, code and HTML (`None`: plain).
pub type EntryOf<'a> = (&'a str, &'a str, Option<&'a str>);

fn encode<'a>(
    header: bool,
    entries: impl IntoIterator<Item = EntryOf<'a>>,
) -> std::io::Result<Vec<u8>> {
    use bincode::Options;
    let mut bytes = Vec::new();
    let err = |e: bincode::Error| std::io::Error::other(e.to_string());
    if header {
        options(usize::MAX)
            .serialize_into(&mut bytes, &stamp())
            .map_err(err)?;
    }
    for (lang, code, html) in entries {
        options(usize::MAX)
            .serialize_into(&mut bytes, &EntryRef { lang, code, html })
            .map_err(err)?;
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(lang: &str, code: &str, html: Option<&str>) -> Entry {
        Entry {
            lang: lang.into(),
            code: code.into(),
            html: html.map(str::to_string),
        }
    }

    #[test]
    fn records_come_back_in_order_after_appends_and_rewrites() {
        let dir = tempfile::tempdir().unwrap();
        let c = CacheFile::in_site(dir.path());
        assert!(c.read().is_empty());
        c.append([("rust", "fn a()", Some("<span>a</span>"))])
            .unwrap();
        c.append([("zz", "x", None)]).unwrap();
        assert_eq!(
            c.read(),
            vec![
                entry("rust", "fn a()", Some("<span>a</span>")),
                entry("zz", "x", None)
            ]
        );
        c.rewrite([("py", "def f", Some("<b>"))]).unwrap();
        assert_eq!(c.read(), vec![entry("py", "def f", Some("<b>"))]);
        let ignore = std::fs::read_to_string(dir.path().join(".folio/.gitignore")).unwrap();
        assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
    }

    #[test]
    fn a_cut_record_ends_the_reading_and_another_stamp_empties_it() {
        let dir = tempfile::tempdir().unwrap();
        let c = CacheFile::in_site(dir.path());
        c.append([("rust", "a", Some("1")), ("rust", "b", Some("2"))])
            .unwrap();
        let bytes = std::fs::read(&c.path).unwrap();
        std::fs::write(&c.path, &bytes[..bytes.len() - 3]).unwrap();
        assert_eq!(c.read(), vec![entry("rust", "a", Some("1"))]);
        let mut other = Vec::new();
        bincode::serialize_into(&mut other, "folio-highlight 0").unwrap();
        std::fs::write(&c.path, other).unwrap();
        assert!(c.read().is_empty());
    }

    /// A damaged file costs a rebuild, never a crash: a length that claims
    /// more than the file holds, or bytes that are no records at all.
    #[test]
    fn a_damaged_file_reads_as_empty_or_up_to_the_damage() {
        let dir = tempfile::tempdir().unwrap();
        let c = CacheFile::in_site(dir.path());
        c.append([("rust", "a", Some("1"))]).unwrap();
        let good = std::fs::read(&c.path).unwrap();
        for tail in [
            vec![0xff; 8],
            vec![0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f],
        ] {
            std::fs::write(&c.path, [good.as_slice(), &tail].concat()).unwrap();
            assert_eq!(c.read(), vec![entry("rust", "a", Some("1"))]);
        }
        let mut huge = vec![0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
        huge.extend_from_slice(b"folio");
        std::fs::write(&c.path, huge).unwrap();
        assert!(c.read().is_empty());
    }
}
