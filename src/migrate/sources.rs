//! The write-ups of the old site's section: single files and bundles, their
//! slugs, and the files that are not write-ups (section pages, translations).

use std::path::{Path, PathBuf};

use crate::slug::{check_slug, slugify};

/// One write-up of the old site.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    /// The bundle folder, when the write-up is `index.md` of its own folder.
    pub bundle: Option<PathBuf>,
    pub slug: String,
    /// A date from a Jekyll file name (`2024-05-01-name.md`).
    pub file_date: Option<String>,
    pub mdx: bool,
    /// The slug it would have had, when another write-up took it first.
    pub collided: Option<String>,
    /// The project's part of a list page (a section page listing projects under headings).
    pub part: Option<Part>,
    /// The project's item of a data list (`_data/projects.yml`).
    pub record: Option<Record>,
}

/// One project of a list page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub title: String,
    /// The text under the heading, up to the next heading of its level or above.
    pub body: String,
    /// 1-based line of the body's first line in the source file.
    pub first_line: usize,
    /// The heading of a higher level it is listed under (`## Machine Learning`).
    pub group: Option<String>,
    /// Where the heading linked to (`## [Name](https://…)`): the project's site.
    pub link: Option<String>,
}

/// One item of a data list, as [`super::page`] (see [`super::datalist`]) converts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub map: serde_json::Map<String, serde_json::Value>,
    /// 1-based line of its title in the data file (1 when not found).
    pub line: usize,
    /// Where the list is in the file, for the report (`_data/projects.yml`, `params.projects.items`).
    pub place: String,
    /// The Markdown file of its text, when that is not in the record (a
    /// Nuxt Content description, see [`super::described`]).
    pub text: Option<PathBuf>,
}

const MARKDOWN: &[&str] = &["md", "markdown", "mdx"];

fn is_markdown(p: &Path) -> bool {
    p.extension()
        .is_some_and(|x| MARKDOWN.contains(&x.to_string_lossy().to_ascii_lowercase().as_str()))
}

/// The file name without extension nor language suffix (`about` of `about.hu.md`).
pub fn stem(p: &Path) -> String {
    let stem = p
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    match stem.rsplit_once('.') {
        Some((base, lang)) if is_language(lang) => base.to_string(),
        _ => stem,
    }
}

/// `hu`, `zh-cn`, `pt-BR`: the language suffix of Hugo's and Zola's translations.
pub fn is_language(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|r| (2..=4).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether the file name has a language suffix (a translation).
fn translated(p: &Path) -> bool {
    let full = p
        .file_stem()
        .map(|s| s.to_string_lossy().len())
        .unwrap_or_default();
    stem(p).len() != full
}

/// The write-ups of `section`, and the files skipped with why.
pub fn discover(section: &Path) -> (Vec<Source>, Vec<(PathBuf, String)>) {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(section)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && is_markdown(e.path()))
        .map(|e| e.into_path())
        .collect();
    // The page in the default language (no suffix) first, then its translations.
    files.sort_by_key(|f| {
        (
            f.parent().map(Path::to_path_buf),
            stem(f),
            translated(f),
            f.clone(),
        )
    });
    let bundles: Vec<PathBuf> = files
        .iter()
        .filter(|f| stem(f) == "index" && f.parent() != Some(section))
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();
    let mut sources = Vec::new();
    let mut skipped = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    let mut seen: Vec<(Option<PathBuf>, String)> = Vec::new();
    for f in files {
        let name = stem(&f);
        let key = (f.parent().map(Path::to_path_buf), name.clone());
        if seen.contains(&key) {
            skipped.push((
                f,
                "a translation of a page already imported (folio sites have one language)".into(),
            ));
            continue;
        }
        seen.push(key);
        let bundle = bundles.iter().find(|b| f.starts_with(b)).cloned();
        if let Some(why) = not_a_write_up(&f, &name, bundle.is_some()) {
            skipped.push((f, why.into()));
            continue;
        }
        let base = match &bundle {
            Some(b) => b
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            None => name,
        };
        let (file_date, base) = split_date_prefix(&base);
        let (slug, collided) = unique(&mut taken, &base);
        let mdx = f.extension().is_some_and(|x| x.eq_ignore_ascii_case("mdx"));
        sources.push(Source {
            path: f,
            bundle,
            slug,
            file_date,
            mdx,
            collided,
            part: None,
            record: None,
        });
    }
    (sources, skipped)
}

/// Why the Markdown file `f` (named `name`, inside a bundle or not) is no
/// write-up of its own; `None` when it is one.
fn not_a_write_up(f: &Path, name: &str, in_bundle: bool) -> Option<&'static str> {
    if name.starts_with("_index") || name == "index" && !in_bundle {
        return Some("the section's own page, not a write-up");
    }
    if name.eq_ignore_ascii_case("readme") && !in_bundle {
        return Some("a README: notes for the repository, not a write-up");
    }
    if let Some(why) = unpublished(f, name).or_else(|| blank_template(f)) {
        return Some(why);
    }
    (in_bundle && name != "index")
        .then_some("a Markdown file inside a bundle (only its index is imported)")
}

/// `2024-05-01-beacon` → (`2024-05-01`, `beacon`).
pub(super) fn split_date_prefix(name: &str) -> (Option<String>, String) {
    let bytes = name.as_bytes();
    let dated = name.len() > 11
        && bytes[10] == b'-'
        && crate::date::Date::parse(&name[..10]).is_ok_and(|d| d.day.is_some());
    if dated {
        (Some(name[..10].to_string()), name[11..].to_string())
    } else {
        (None, name.to_string())
    }
}

/// Why the old generator never published `f` (named `name`), if it did not:
/// Jekyll and Astro leave out files whose names start with `_`, every
/// generator hidden ones (`.draft.md`, as Nuxt Content keeps drafts), and a
/// page whose front matter is commented out (`<!--` then `---`) has none.
fn unpublished(f: &Path, name: &str) -> Option<&'static str> {
    if name.starts_with('_') {
        return Some("its name starts with `_`: the old site did not publish it");
    }
    if name.starts_with('.') {
        return Some("its name starts with `.` (a hidden file): the old site did not publish it");
    }
    let text = std::fs::read_to_string(f).unwrap_or_default();
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let commented = lines.next().is_some_and(|l| l.starts_with("<!--"))
        && (text.trim_start().starts_with("<!-- ---") || lines.next() == Some("---"));
    commented.then_some(
        "its front matter is commented out (`<!--` then `---`): the old site did not publish it as a page",
    )
}

/// Why `f` is not a write-up when it is a theme's blank template to copy
/// (`title: ''`, `date: ''` and no text): an empty title, no date, no text.
fn blank_template(f: &Path) -> Option<&'static str> {
    let text = std::fs::read_to_string(f).ok()?;
    let front = super::frontmatter::parse(&text).ok()?;
    let empty = |key: &str| match front.map.get(key) {
        None | Some(serde_json::Value::Null) => true,
        Some(serde_json::Value::String(s)) => s.trim().is_empty(),
        Some(_) => false,
    };
    let blank = front.map.contains_key("title")
        && empty("title")
        && empty("date")
        && front.body.trim().is_empty();
    blank.then_some("looks like a blank template: not imported (an empty title, no date, no text)")
}

/// A slug for `base` no other write-up has; and `base`'s own slug when it was taken.
pub(super) fn unique(taken: &mut Vec<String>, base: &str) -> (String, Option<String>) {
    let base = if check_slug(base).is_ok() && !base.contains(' ') {
        base.to_string()
    } else {
        slugify(base)
    };
    let base = if base.is_empty() {
        "project".to_string()
    } else {
        base
    };
    let mut slug = base.clone();
    let mut n = 2;
    while taken.contains(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    taken.push(slug.clone());
    let collided = (slug != base).then_some(base);
    (slug, collided)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_bundles_and_singles() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        for f in [
            "_index.md",
            "a/index.md",
            "a/index.de.md",
            "a/notes.md",
            "a/pic.png",
            "2024-05-01-Big Thing.markdown",
            "c.mdx",
            "c.zh-cn.md",
            "index.md",
            "d.hu.md",
            "_unlisted.md",
            "hidden.md",
            "sub/c.md",
            "README.md",
            "sub/readme.markdown",
        ] {
            std::fs::create_dir_all(s.join(f).parent().unwrap()).unwrap();
            std::fs::write(s.join(f), "x").unwrap();
        }
        std::fs::write(s.join("hidden.md"), "<!--\n---\ntitle: Old\n---\n-->\nText").unwrap();
        let (found, skipped) = discover(s);
        let slugs: Vec<&str> = found.iter().map(|f| f.slug.as_str()).collect();
        assert_eq!(slugs, vec!["big-thing", "c", "d", "a", "c-2"]);
        assert_eq!(found[4].collided.as_deref(), Some("c"));
        assert_eq!(found[1].collided, None);
        assert_eq!(found[0].file_date.as_deref(), Some("2024-05-01"));
        assert!(found[3].bundle.is_some());
        assert!(found[1].mdx);
        assert_eq!(skipped.len(), 9, "{skipped:?}");
        assert!(
            skipped
                .iter()
                .any(|(p, why)| p.ends_with("sub/readme.markdown") && why.contains("README"))
        );
        assert!(
            skipped
                .iter()
                .any(|(p, why)| p.ends_with("_unlisted.md") && why.contains("`_`"))
        );
        assert!(
            skipped
                .iter()
                .any(|(p, why)| p.ends_with("hidden.md") && why.contains("commented out"))
        );
    }

    /// A theme's template to copy is not a write-up; a write-up with only
    /// front matter, or a title and no text, is one.
    #[test]
    fn a_blank_template_is_not_a_write_up() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        let files = [
            (
                "template.md",
                "---\ntitle: ''\ndate: ''\nsummary:\nkind: For...\n---",
            ),
            ("card.md", "---\ntitle: ''\ndate: 2021-01-01\n---\n"),
            ("named.md", "---\ntitle: Lamp\n---\n"),
            ("untitled.md", "---\ntitle: null\n---\nSome text.\n"),
        ];
        for (name, text) in files {
            std::fs::write(s.join(name), text).unwrap();
        }
        let (found, skipped) = discover(s);
        let slugs: Vec<&str> = found.iter().map(|f| f.slug.as_str()).collect();
        assert_eq!(slugs, vec!["card", "named", "untitled"]);
        assert_eq!(skipped.len(), 1);
        assert!(
            skipped[0].1.starts_with("looks like a blank template"),
            "{skipped:?}"
        );
    }
}
