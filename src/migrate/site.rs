//! The plan of an import: the write-ups of the section (single files and
//! bundles), each converted by [`super::page`], and the owner's profile and
//! site settings.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::detect::{self, Generator};
use super::refs::SiteMap;
use super::write::{Planned, What};
use super::{Report, page, profile};
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
}

const MARKDOWN: &[&str] = &["md", "markdown", "mdx"];

fn is_markdown(p: &Path) -> bool {
    p.extension()
        .is_some_and(|x| MARKDOWN.contains(&x.to_string_lossy().to_ascii_lowercase().as_str()))
}

/// The file name without extension nor language suffix (`about` of `about.hu.md`).
fn stem(p: &Path) -> String {
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
fn is_language(s: &str) -> bool {
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
        if name.starts_with("_index") || name == "index" && bundle.is_none() {
            skipped.push((f, "the section's own page, not a write-up".into()));
            continue;
        }
        if bundle.is_some() && name != "index" {
            skipped.push((
                f,
                "a Markdown file inside a bundle (only its index is imported)".into(),
            ));
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
        let slug = unique(&mut taken, &base);
        let mdx = f.extension().is_some_and(|x| x.eq_ignore_ascii_case("mdx"));
        sources.push(Source {
            path: f,
            bundle,
            slug,
            file_date,
            mdx,
        });
    }
    (sources, skipped)
}

/// `2024-05-01-beacon` → (`2024-05-01`, `beacon`).
fn split_date_prefix(name: &str) -> (Option<String>, String) {
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

fn unique(taken: &mut Vec<String>, base: &str) -> String {
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
    slug
}

/// Everything to write for the site in `src`, and the report so far.
pub fn plan(
    src: &Path,
    generator: Generator,
    section: &Path,
) -> crate::Result<(Report, Vec<Planned>)> {
    let (sources, skipped) = discover(&src.join(section));
    let mut pages = HashMap::new();
    let mut names = HashMap::new();
    let mut bundles = HashMap::new();
    for s in &sources {
        pages.insert(s.path.clone(), s.slug.clone());
        let old = match &s.bundle {
            Some(b) => b
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            None => stem(&s.path),
        };
        if let Some(b) = &s.bundle {
            bundles.insert(old.clone(), b.clone());
        }
        names.insert(old, s.slug.clone());
        names.insert(s.slug.clone(), s.slug.clone());
    }
    let map = SiteMap {
        static_roots: detect::static_roots(src, generator),
        section_url: detect::section_url(section),
        pages,
        names,
        bundles,
        taxonomies: profile::taxonomies(src),
        own_shortcodes: own_shortcodes(src).into_iter().map(|(n, _)| n).collect(),
    };
    let mut report = Report {
        generator: Some(generator),
        section: section.to_path_buf(),
        skipped: skipped
            .into_iter()
            .map(|(p, why)| (rel(src, &p), why))
            .collect(),
        ..Report::default()
    };
    let mut planned = Vec::new();
    for s in &sources {
        let (mut file, files) = page::convert(s, &map)?;
        file.source = rel(src, &s.path);
        planned.extend(files);
        report.files.push(file);
    }
    planned.extend(shortcode_files(src, &mut report));
    let owner = profile::extract(src, generator);
    planned.extend(owner_files(&owner, &mut report));
    Ok((report, planned))
}

/// The old site's own shortcodes, `templates/shortcodes/NAME.html` (Zola's,
/// Tera as folio's): (name, file), sorted.
fn own_shortcodes(src: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(src.join("templates").join("shortcodes")) else {
        return Vec::new();
    };
    let mut found: Vec<(String, PathBuf)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.strip_suffix(".html")?.to_string();
            Some((name, p))
        })
        .collect();
    found.sort();
    found
}

/// Functions and variables of Zola's templates that folio's shortcodes lack.
const ZOLA_ONLY: &[&str] = &[
    "get_url(",
    "resize_image(",
    "get_image_metadata(",
    "load_data(",
    "get_page(",
    "get_section(",
    "get_taxonomy",
    "config.",
    "page.",
    "section.",
    "| markdown",
    "|markdown",
    "trans(",
];

/// The old site's own shortcodes, copied to `templates/shortcodes/`; one that
/// uses what only Zola has is named as needing a hand.
fn shortcode_files(src: &Path, report: &mut Report) -> Vec<Planned> {
    let mut planned = Vec::new();
    for (name, path) in own_shortcodes(src) {
        let rel = PathBuf::from("templates/shortcodes").join(format!("{name}.html"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some(what) = ZOLA_ONLY.iter().find(|w| text.contains(**w)) {
            report.site_hands.push(format!(
                "{}: the shortcode `{name}` uses `{}`, which only Zola has; rewrite that part",
                rel.display(),
                what.trim_start_matches('|').trim()
            ));
        }
        report.shortcodes.push(name);
        planned.push(Planned {
            rel,
            what: What::Copy(path),
        });
    }
    planned
}

fn rel(root: &Path, p: &Path) -> PathBuf {
    p.strip_prefix(root).unwrap_or(p).to_path_buf()
}

fn owner_files(owner: &profile::Owner, report: &mut Report) -> Vec<Planned> {
    let mut profile = owner.profile.clone();
    let y = |s: &str| serde_yaml::Value::String(s.into());
    for (key, placeholder) in [
        ("name", "Your Name"),
        ("title", "Freelancer"),
        (
            "overview",
            "Replace this text: two or three sentences on what you do, for whom, and what changes for your clients after working with you.",
        ),
    ] {
        if !profile.contains_key(key) {
            profile.insert(y(key), y(placeholder));
        }
    }
    let mut config = owner.config.clone();
    if !config.contains_key("title") {
        let name = profile
            .get("name")
            .and_then(|v| v.as_str())
            .unwrap_or("Portfolio");
        config.insert(y("title"), y(&format!("{name} — Portfolio")));
    }
    let overview = profile
        .get("overview")
        .and_then(|v| v.as_str())
        .unwrap_or("");
    let chars = overview.chars().count();
    if !owner.missing.iter().any(|m| m == "overview") && chars < 100 {
        report.site_hands.push(format!(
            "content/profile.yaml: the overview is {chars} characters; Upwork asks for at least 100 (`folio check` says so)"
        ));
    }
    report.profile = owner.mapped.clone();
    report.profile_missing = owner.missing.clone();
    let text = |m: serde_yaml::Mapping| {
        serde_yaml::to_string(&serde_yaml::Value::Mapping(m)).unwrap_or_default()
    };
    vec![
        Planned {
            rel: "folio.yaml".into(),
            what: What::Yaml(text(config)),
        },
        Planned {
            rel: "content/profile.yaml".into(),
            what: What::Yaml(text(profile)),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_shortcodes_are_copied_and_zola_only_ones_named() {
        let dir = tempfile::tempdir().unwrap();
        let sc = dir.path().join("templates/shortcodes");
        std::fs::create_dir_all(&sc).unwrap();
        std::fs::write(sc.join("note.html"), "<aside>{{ body }}</aside>").unwrap();
        std::fs::write(
            sc.join("gh.html"),
            "<a href=\"{{ get_url(path=p) }}\">x</a>",
        )
        .unwrap();
        std::fs::write(sc.join("README.md"), "not a shortcode").unwrap();
        let mut report = Report::default();
        let planned = shortcode_files(dir.path(), &mut report);
        let rels: Vec<_> = planned.iter().map(|p| p.rel.clone()).collect();
        assert_eq!(
            rels,
            [
                PathBuf::from("templates/shortcodes/gh.html"),
                PathBuf::from("templates/shortcodes/note.html")
            ]
        );
        assert_eq!(report.shortcodes, ["gh", "note"]);
        assert_eq!(report.site_hands.len(), 1, "{:?}", report.site_hands);
        assert!(report.site_hands[0].contains("`gh` uses `get_url(`"));
    }

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
        ] {
            std::fs::create_dir_all(s.join(f).parent().unwrap()).unwrap();
            std::fs::write(s.join(f), "x").unwrap();
        }
        let (found, skipped) = discover(s);
        let slugs: Vec<&str> = found.iter().map(|f| f.slug.as_str()).collect();
        assert_eq!(slugs, vec!["big-thing", "c", "d", "a"]);
        assert_eq!(found[0].file_date.as_deref(), Some("2024-05-01"));
        assert!(found[3].bundle.is_some());
        assert!(found[1].mdx);
        assert_eq!(skipped.len(), 5, "{skipped:?}");
    }
}
