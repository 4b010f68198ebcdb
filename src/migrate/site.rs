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

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
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
    files.sort();
    let bundles: Vec<PathBuf> = files
        .iter()
        .filter(|f| stem(f) == "index" && f.parent() != Some(section))
        .filter_map(|f| f.parent().map(Path::to_path_buf))
        .collect();
    let mut sources = Vec::new();
    let mut skipped = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for f in files {
        let name = stem(&f);
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
    for s in &sources {
        pages.insert(s.path.clone(), s.slug.clone());
        let old = match &s.bundle {
            Some(b) => b
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default(),
            None => stem(&s.path),
        };
        names.insert(old, s.slug.clone());
        names.insert(s.slug.clone(), s.slug.clone());
    }
    let map = SiteMap {
        static_roots: detect::static_roots(src, generator),
        section_url: detect::section_url(section),
        pages,
        names,
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
    let owner = profile::extract(src, generator);
    planned.extend(owner_files(&owner, &mut report));
    Ok((report, planned))
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
            "Write two or three sentences: what you do, for whom, and what changes after working with you.",
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
        report.profile_hands.push(format!(
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
    fn finds_bundles_and_singles() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        for f in [
            "_index.md",
            "a/index.md",
            "a/notes.md",
            "a/pic.png",
            "2024-05-01-Big Thing.markdown",
            "c.mdx",
            "index.md",
        ] {
            std::fs::create_dir_all(s.join(f).parent().unwrap()).unwrap();
            std::fs::write(s.join(f), "x").unwrap();
        }
        let (found, skipped) = discover(s);
        let slugs: Vec<&str> = found.iter().map(|f| f.slug.as_str()).collect();
        assert_eq!(slugs, vec!["big-thing", "a", "c"]);
        assert_eq!(found[0].file_date.as_deref(), Some("2024-05-01"));
        assert!(found[1].bundle.is_some());
        assert!(found[2].mdx);
        assert_eq!(skipped.len(), 3);
    }
}
