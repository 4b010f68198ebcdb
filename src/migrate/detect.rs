//! Which generator a site was made with, where its portfolio section is, and
//! which folders it publishes as they are (its static files).

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::sources::{discover, is_language};

/// The static-site generators `folio import site` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Generator {
    Hugo,
    Zola,
    Jekyll,
    Astro,
    /// Next.js, Nuxt, SvelteKit, Eleventy or Gatsby (from `package.json`),
    /// keeping write-ups as Markdown files.
    Js,
}

impl fmt::Display for Generator {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            Generator::Hugo => "Hugo",
            Generator::Zola => "Zola",
            Generator::Jekyll => "Jekyll",
            Generator::Astro => "Astro",
            Generator::Js => "a JavaScript site (Next.js, Nuxt, SvelteKit, Eleventy or Gatsby)",
        })
    }
}

/// What people call their portfolio section, most specific first (any case):
/// agencies and consultants call theirs case studies (Eleventy's `src/cases`,
/// Hugo's `content/case-studies`).
pub const NAMES: &[&str] = &[
    "projects",
    "portfolio",
    "work",
    "works",
    "project",
    "cases",
    "case-studies",
    "case_studies",
];

/// A blog, taken when no folder has one of [`NAMES`]: portfolio themes such as
/// Hugoplate keep their owner's project write-ups there. Only under the
/// content folders ([`BLOG_BASES`]), where a generator publishes them.
pub const BLOG_NAMES: &[&str] = &["blog", "posts", "post"];
const BLOG_BASES: &[&str] = &["content", "src/content"];

/// Sections that may hold the owner's work under another name (Hugo's
/// `content/experience`, an academic's `content/research`), tried last: after
/// the blogs, in the content folders ([`BLOG_BASES`]) only.
pub const OTHER_NAMES: &[&str] = &["experience", "research", "publications", "publication"];

/// Jekyll's blog, tried after the blogs of [`BLOG_BASES`]: portfolio themes
/// such as Freelancer keep each project as a post (`2020-01-01-name.md`, whose
/// slug and date [`super::sources::discover`] takes from the name, as Jekyll does).
const JEKYLL_POSTS: &str = "_posts";

/// Folders that hold sections, searched in this order: Hugo's and Zola's
/// `content` (and `content/<lang>`), Jekyll's `_<name>` collections, Astro's
/// `src/content` and `src/pages`, then the Markdown folders of JavaScript
/// sites (`src/<name>`, `<name>`).
const BASES: &[&str] = &["content", "_", "src/content", "src/pages", "src", ""];

/// Where write-ups are looked for, for the message when none are found
/// (made from the lists above, so it names what is really searched).
pub fn looked() -> String {
    let places = or_list(&["content/", "content/<language>/", "src/content/"]);
    format!(
        "content/<name>, content/<language>/<name>, _<name>, src/content/<name>, src/pages/<name>, src/<name> and <name>, for <name> one of {}; a collection in src/content whose name contains project, work, portfolio or case-stud; else a section the settings name (params.mainSections, contentTypeName) in {places}; else a blog ({}) in {places}, or Jekyll's {JEKYLL_POSTS} (also <folder>/{JEKYLL_POSTS}); else {} in {places}",
        NAMES.join(", "),
        or_list(BLOG_NAMES),
        or_list(OTHER_NAMES),
    )
}

/// `a, b or c`.
fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

fn contains(path: &Path, needle: &str) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| t.contains(needle))
}

/// Guesses the generator of the site in `src` from its configuration files.
/// The folders of `src` (three levels down at most) whose generator
/// [`detect`] tells, relative to `src`; none inside another one found, nor
/// in folders a site is never kept in (`node_modules`, `themes`, a theme's
/// `exampleSite`, build output, hidden folders).
pub fn sites_below(src: &Path) -> Vec<PathBuf> {
    const NOT_SITES: &[&str] = &[
        "node_modules",
        "vendor",
        "themes",
        "exampleSite",
        "public",
        "dist",
        "build",
        "_site",
    ];
    folders_where(src, 3, |e, name| {
        if name.starts_with('.') || NOT_SITES.contains(&name) {
            return (false, true);
        }
        let site = detect(e.path()).is_some();
        (site, site)
    })
}

/// The folders of `src` (down to `depth`, relative to it, by name) that
/// `look` takes; `look(folder, name)` says (take it, skip what is inside).
/// An unreadable folder is passed over; the search goes on.
fn folders_where(
    src: &Path,
    depth: usize,
    mut look: impl FnMut(&walkdir::DirEntry, &str) -> (bool, bool),
) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut walk = walkdir::WalkDir::new(src)
        .min_depth(1)
        .max_depth(depth)
        .sort_by_file_name()
        .into_iter();
    while let Some(next) = walk.next() {
        let Ok(e) = next else { continue };
        if !e.file_type().is_dir() {
            continue;
        }
        let (take, skip) = look(&e, &e.file_name().to_string_lossy());
        if take {
            found.extend(e.path().strip_prefix(src).ok().map(Path::to_path_buf));
        }
        if skip {
            walk.skip_current_dir();
        }
    }
    found
}

pub fn detect(src: &Path) -> Option<Generator> {
    let has = |name: &str| src.join(name).exists();
    let astro_config = ["mjs", "ts", "js", "cjs", "mts"]
        .iter()
        .any(|x| has(&format!("astro.config.{x}")));
    if astro_config || contains(&src.join("package.json"), "\"astro\"") {
        return Some(Generator::Astro);
    }
    if has("_config.yml") || has("_config.yaml") || contains(&src.join("Gemfile"), "jekyll") {
        return Some(Generator::Jekyll);
    }
    if has("zola.toml") || contains(&src.join("config.toml"), "base_url") {
        return Some(Generator::Zola);
    }
    let hugo_files = [
        "hugo.toml",
        "hugo.yaml",
        "hugo.yml",
        "hugo.json",
        "config/_default",
        "archetypes",
        "config.toml",
        "config.yaml",
        "config.yml",
    ];
    if hugo_files.iter().any(|f| has(f)) {
        return Some(Generator::Hugo);
    }
    js_site(src).then_some(Generator::Js)
}

/// Whether `package.json` names one of the JavaScript frameworks that keep
/// write-ups as Markdown.
fn js_site(src: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(src.join("package.json")) else {
        return false;
    };
    [
        "\"next\"",
        "\"nuxt\"",
        "\"@nuxt/content\"",
        "\"@sveltejs/kit\"",
        "\"@11ty/eleventy\"",
        "\"gatsby\"",
    ]
    .iter()
    .any(|f| text.contains(f))
}

/// The portfolio section of `src`: the first folder named as in [`NAMES`]
/// under one of [`BASES`] (or a language folder of `content`) that holds at
/// least one write-up; else the first whose own page lists projects under
/// headings ([`super::listpage`]); else, the same way, a blog folder
/// ([`BLOG_NAMES`]): projects are what a portfolio shows, posts only without them.
pub fn find_section(src: &Path) -> Option<PathBuf> {
    let (projects, blogs) = candidates(src);
    let configured = configured(src);
    let configured: Vec<&str> = configured.iter().map(String::as_str).collect();
    first_section(src, &projects)
        .or_else(|| first_section(src, &in_content(src, &configured)))
        .or_else(|| first_section(src, &blogs))
        .or_else(|| first_section(src, &in_content(src, OTHER_NAMES)))
}

/// The sections the site's settings name as its main ones: Hugo themes'
/// `params.mainSections` (PaperMod, Blowfish, Stack, hugo-coder; also a
/// language's `languages.xx.params`) and the terminal theme's
/// `params.contentTypeName`, any case; in the order found.
fn configured(src: &Path) -> Vec<String> {
    let settings = super::settings::settings(src);
    let mut tables = vec![&settings];
    tables.extend(key_ci(&settings, "params").and_then(Value::as_object));
    if let Some(languages) = key_ci(&settings, "languages").and_then(Value::as_object) {
        for language in languages.values().filter_map(Value::as_object) {
            tables.extend(key_ci(language, "params").and_then(Value::as_object));
        }
    }
    let mut names: Vec<String> = Vec::new();
    for table in tables {
        for key in CONFIG_KEYS {
            let named = match key_ci(table, key) {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            for n in named.iter().map(|n| n.trim_matches('/')) {
                if !n.is_empty() && !names.iter().any(|have| have.eq_ignore_ascii_case(n)) {
                    names.push(n.to_string());
                }
            }
        }
    }
    names
}

/// The settings that name a Hugo site's main sections.
const CONFIG_KEYS: &[&str] = &["mainSections", "contentTypeName"];

/// `table[key]`, the key in any case (Hugo's settings ignore case).
fn key_ci<'a>(table: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    table
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

/// Why `section` was taken, for the report, which asks to check it: the
/// site's settings name it as a main section (and it is no folder of
/// [`NAMES`] nor a blog), or it is one of [`OTHER_NAMES`].
pub fn section_note(src: &Path, section: &Path) -> Option<String> {
    let name = section.file_name()?.to_string_lossy().to_ascii_lowercase();
    let known = NAMES.contains(&name.as_str()) || BLOG_NAMES.contains(&name.as_str());
    let named = configured(src)
        .iter()
        .any(|c| c.eq_ignore_ascii_case(&name));
    if known || !named {
        return other_name_note(section);
    }
    Some(format!(
        "{} was imported as the portfolio: the site's settings name it as a main section (params.mainSections or contentTypeName) and it has no folder named {}; check its pages are write-ups, or choose the folder with --section PATH",
        section.display(),
        or_list(&NAMES[..3]),
    ))
}

/// Why `section` was taken, when it is one of [`OTHER_NAMES`]: for the
/// report, which asks to check it.
fn other_name_note(section: &Path) -> Option<String> {
    let name = section.file_name()?.to_string_lossy().to_ascii_lowercase();
    OTHER_NAMES.contains(&name.as_str()).then(|| {
        format!(
            "{} was imported as the portfolio: the site has no folder named {} nor a blog; check its pages are write-ups, or choose the folder with --section PATH",
            section.display(),
            or_list(&NAMES[..3]),
        )
    })
}

/// The section named as in [`NAMES`] (not a blog) that holds write-ups or a
/// list page of them.
pub fn find_project_section(src: &Path) -> Option<PathBuf> {
    first_section(src, &candidates(src).0)
}

/// The first of `found` holding write-ups, else the first with a list page.
fn first_section(src: &Path, found: &[PathBuf]) -> Option<PathBuf> {
    found
        .iter()
        .find(|s| !discover(&src.join(s)).0.is_empty())
        .or_else(|| {
            found
                .iter()
                .find(|s| !super::listpage::sources(&src.join(s)).is_empty())
        })
        .cloned()
}

/// Folders that may be the section, in the order they are tried: those
/// named as in [`NAMES`], and the blogs.
fn candidates(src: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut found = Vec::new();
    for base in BASES {
        let (dir, prefix) = match *base {
            "_" => (PathBuf::new(), "_"),
            b => (PathBuf::from(b), ""),
        };
        for d in base_dirs(src, base, &dir) {
            for name in NAMES {
                if let Some(sub) = child_named(&src.join(&d), &format!("{prefix}{name}")) {
                    found.push(d.join(sub));
                }
            }
        }
    }
    found.extend(super::collections::named_like(src));
    let posts = jekyll_post_folders(src);
    // Posts split into `_posts/portfolio/` and `_posts/blog/`: the portfolio's are the write-ups.
    for folder in &posts {
        for name in NAMES {
            if let Some(sub) = child_named(&src.join(folder), name) {
                found.push(folder.join(sub));
            }
        }
    }
    let mut blogs = in_content(src, BLOG_NAMES);
    blogs.extend(posts);
    (found, blogs)
}

/// Jekyll's post folders: `_posts` and those of other folders (`work/_posts`,
/// whose posts Jekyll files under the category `work`), the site's first,
/// then by path. As Jekyll's reader, folders whose names start with `_` or
/// `.` are not searched, nor `node_modules` and `vendor`.
pub fn jekyll_post_folders(src: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = child_named(src, JEKYLL_POSTS)
        .map(PathBuf::from)
        .into_iter()
        .collect();
    found.extend(folders_where(src, 4, |e, name| {
        let take = name == JEKYLL_POSTS && e.depth() > 1;
        let skip = name.starts_with(['_', '.']) || ["node_modules", "vendor"].contains(&name);
        (take, skip)
    }));
    found
}

/// The folders named as in `names` in the content folders ([`BLOG_BASES`]).
fn in_content(src: &Path, names: &[&str]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for base in BLOG_BASES {
        for d in base_dirs(src, base, Path::new(base)) {
            found.extend(
                names
                    .iter()
                    .filter_map(|name| child_named(&src.join(&d), name))
                    .map(|sub| d.join(sub)),
            );
        }
    }
    found
}

/// `dir` and, for `content`, its language folders.
fn base_dirs(src: &Path, base: &str, dir: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![dir.to_path_buf()];
    if base == "content" {
        dirs.extend(language_dirs(src, dir));
    }
    dirs
}

/// The folder of `dir` called `name` in any case (`Projects` for `projects`).
fn child_named(dir: &Path, name: &str) -> Option<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.eq_ignore_ascii_case(name))
        .collect();
    names.sort();
    names.into_iter().next()
}

/// `content/en`, `content/fr`, ...: the default language first (Hugo's
/// `defaultContentLanguage`, else English), then the others by name.
fn language_dirs(src: &Path, content: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(src.join(content)) else {
        return Vec::new();
    };
    let mut langs: Vec<String> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_language(n) || LANGUAGE_NAMES.contains(&n.as_str()))
        .collect();
    let default = default_language(src);
    langs.sort_by_key(|l| (l != &default && l != "english", l.clone()));
    langs.into_iter().map(|l| content.join(l)).collect()
}

/// Language folders named in full, as some Hugo themes do.
const LANGUAGE_NAMES: &[&str] = &[
    "english",
    "french",
    "german",
    "spanish",
    "italian",
    "portuguese",
    "dutch",
];

/// Hugo's `defaultContentLanguage`, or `en`.
fn default_language(src: &Path) -> String {
    let configs = [
        "hugo.toml",
        "config.toml",
        "config/_default/hugo.toml",
        "config/_default/config.toml",
    ];
    configs
        .iter()
        .filter_map(|c| std::fs::read_to_string(src.join(c)).ok())
        .find_map(|text| {
            text.lines().find_map(|l| {
                let (key, value) = l.split_once('=')?;
                (key.trim() == "defaultContentLanguage")
                    .then(|| value.trim().trim_matches(['"', '\'']).to_string())
            })
        })
        .unwrap_or_else(|| "en".to_string())
}

/// Folders whose files the generator publishes at the site root, as they are.
pub fn static_roots(src: &Path, generator: Generator) -> Vec<PathBuf> {
    let names: &[&str] = match generator {
        Generator::Hugo => &["static", "assets"],
        Generator::Zola => &["static"],
        Generator::Jekyll => &[""],
        Generator::Astro => &["public"],
        // Last, `src/`: Eleventy's usual input folder, whose images its
        // layouts and image shortcodes serve (`/images/x.png` from `src/images/`).
        Generator::Js => &["public", "static", "src/assets", "", "src"],
    };
    names
        .iter()
        .map(|n| src.join(n))
        .filter(|p| p.is_dir())
        .collect()
}

/// The URL path the generator gives the section (`/projects/` for
/// `content/projects` or `_projects`).
pub fn section_url(section: &Path) -> String {
    let name = section
        .file_name()
        .map(|n| n.to_string_lossy().trim_start_matches('_').to_string())
        .unwrap_or_default();
    if name.is_empty() {
        // The site's root is no section: `//` would make every link a write-up's.
        return "/projects/".to_string();
    }
    format!("/{name}/")
}

/// The URL folder of an Astro content collection's pages, from the one
/// dynamic route that reads it (`src/pages/project/[id].astro` calling
/// `getCollection("projectsContent")` → `/project/`); `None` for a section
/// outside `src/content` or when no single route names it.
pub fn route_url(src: &Path, section: &Path) -> Option<String> {
    let collection = section
        .strip_prefix(src.join("src/content"))
        .or_else(|_| section.strip_prefix("src/content"))
        .ok()?;
    let name = collection.to_string_lossy().replace('\\', "/");
    let quoted = [format!("\"{name}\""), format!("'{name}'")];
    let pages = src.join("src/pages");
    let mut found: Vec<String> = walkdir::WalkDir::new(&pages)
        .max_depth(4)
        .into_iter()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with('['))
        .filter(|e| {
            std::fs::read_to_string(e.path())
                .is_ok_and(|t| quoted.iter().any(|q| t.contains(q.as_str())))
        })
        .filter_map(|e| {
            let dir = e.path().parent()?.strip_prefix(&pages).ok()?;
            Some(dir.to_string_lossy().replace('\\', "/"))
        })
        .filter(|d| !d.is_empty())
        .collect();
    found.sort();
    found.dedup();
    match found.as_slice() {
        [one] => Some(format!("/{one}/")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_generator() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        assert_eq!(detect(d), None);
        std::fs::write(d.join("config.toml"), "baseURL = 'https://x.org/'\n").unwrap();
        assert_eq!(detect(d), Some(Generator::Hugo));
        std::fs::write(d.join("config.toml"), "base_url = 'https://x.org/'\n").unwrap();
        assert_eq!(detect(d), Some(Generator::Zola));
        std::fs::write(d.join("_config.yml"), "title: x\n").unwrap();
        assert_eq!(detect(d), Some(Generator::Jekyll));
        std::fs::write(d.join("astro.config.mjs"), "export default {}\n").unwrap();
        assert_eq!(detect(d), Some(Generator::Astro));
    }

    #[test]
    fn sections_and_urls() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("_projects")).unwrap();
        assert_eq!(
            find_section(dir.path()),
            None,
            "an empty folder is no section"
        );
        std::fs::write(dir.path().join("_projects/a.md"), "x").unwrap();
        assert_eq!(find_section(dir.path()), Some(PathBuf::from("_projects")));
        assert_eq!(section_url(Path::new("_projects")), "/projects/");
        assert_eq!(section_url(Path::new("content/work")), "/work/");
        assert_eq!(section_url(Path::new("")), "/projects/");
    }

    /// A blog of posts and a projects page listing projects under headings:
    /// the projects are the portfolio; the blog is taken only without them.
    #[test]
    fn a_projects_list_page_wins_over_a_blog_folder() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("content/blog")).unwrap();
        std::fs::create_dir_all(d.join("content/projects")).unwrap();
        std::fs::write(
            d.join("content/blog/hello.md"),
            "---\ntitle: Hello\n---\nHi.\n",
        )
        .unwrap();
        assert_eq!(find_section(d), Some(PathBuf::from("content/blog")));
        std::fs::write(
            d.join("content/projects/_index.md"),
            "---\ntitle: Projects\n---\n\n## Alpha\n\nA tool.\n\n## Beta\n\nAn app.\n",
        )
        .unwrap();
        assert_eq!(find_section(d), Some(PathBuf::from("content/projects")));
    }

    /// A Jekyll theme that keeps its projects as posts (Freelancer): `_posts`
    /// is the section when no projects folder nor other blog holds write-ups.
    #[test]
    fn the_message_names_the_places_searched() {
        assert_eq!(
            looked(),
            "content/<name>, content/<language>/<name>, _<name>, src/content/<name>, src/pages/<name>, src/<name> and <name>, for <name> one of projects, portfolio, work, works, project, cases, case-studies, case_studies; a collection in src/content whose name contains project, work, portfolio or case-stud; else a section the settings name (params.mainSections, contentTypeName) in content/, content/<language>/ or src/content/; else a blog (blog, posts or post) in content/, content/<language>/ or src/content/, or Jekyll's _posts (also <folder>/_posts); else experience, research, publications or publication in content/, content/<language>/ or src/content/"
        );
    }

    #[test]
    fn jekyll_posts_are_the_section_without_projects() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("_posts")).unwrap();
        std::fs::create_dir_all(d.join("_projects")).unwrap();
        std::fs::write(
            d.join("_posts/2020-01-01-kiln.md"),
            "---\ntitle: Kiln\n---\nA kiln.\n",
        )
        .unwrap();
        assert_eq!(find_section(d), Some(PathBuf::from("_posts")));
        assert_eq!(find_project_section(d), None, "posts are no projects");
        std::fs::write(
            d.join("_projects/lamp.md"),
            "---\ntitle: Lamp\n---\nA lamp.\n",
        )
        .unwrap();
        assert_eq!(find_section(d), Some(PathBuf::from("_projects")));
    }

    /// A section the settings name (`mainSections` of a language's params,
    /// any case) is taken before a blog, but not before a projects folder;
    /// a blog named there gains nothing over projects.
    #[test]
    fn a_main_section_of_the_settings_comes_after_projects() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(
            d.join("hugo.toml"),
            "title = 'x'\n[languages.en.params]\n  MainSections = ['posts', 'Notes']\n",
        )
        .unwrap();
        for f in ["content/en/posts/hi.md", "content/en/notes/kiln.md"] {
            std::fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
            std::fs::write(d.join(f), "Text.\n").unwrap();
        }
        assert_eq!(configured(d), vec!["posts", "Notes"]);
        assert_eq!(find_section(d), Some(PathBuf::from("content/en/posts")));
        std::fs::remove_file(d.join("content/en/posts/hi.md")).unwrap();
        let notes = find_section(d).unwrap();
        assert_eq!(notes, PathBuf::from("content/en/notes"));
        let note = section_note(d, &notes).unwrap();
        assert!(note.contains("settings name it"), "{note}");
        std::fs::create_dir_all(d.join("content/projects")).unwrap();
        std::fs::write(d.join("content/projects/lamp.md"), "Text.\n").unwrap();
        assert_eq!(find_section(d), Some(PathBuf::from("content/projects")));
        assert_eq!(section_note(d, Path::new("content/projects")), None);
        std::fs::write(
            d.join("config.toml"),
            "[params]\ncontentTypeName = 'experience'\n",
        )
        .unwrap();
        std::fs::remove_file(d.join("hugo.toml")).unwrap();
        assert_eq!(configured(d), vec!["experience"]);
    }

    /// Jekyll reads `_posts` in any folder not starting with `_` or `.`: a
    /// site with only `hardware/_posts` has posts, the root `_posts` first.
    #[test]
    fn jekyll_post_folders_of_categories() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in [
            "hardware/_posts/2020-01-01-kiln.md",
            "_site/hardware/_posts/2020-01-01-kiln.md",
            ".git/_posts/x.md",
            "notes/old/_posts/2020-01-02-lamp.md",
        ] {
            std::fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
            std::fs::write(d.join(f), "Text.\n").unwrap();
        }
        let folders = |d| jekyll_post_folders(d);
        assert_eq!(
            folders(d),
            vec![
                PathBuf::from("hardware/_posts"),
                PathBuf::from("notes/old/_posts")
            ]
        );
        assert_eq!(find_section(d), Some(PathBuf::from("hardware/_posts")));
        std::fs::create_dir_all(d.join("_posts")).unwrap();
        assert_eq!(folders(d)[0], PathBuf::from("_posts"));
    }

    /// A Hugo site whose write-ups are in `content/experience` (the terminal
    /// theme's `contentTypeName`): taken after projects and blogs, and named.
    #[test]
    fn an_experience_section_is_taken_last() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("content/Experience")).unwrap();
        std::fs::write(d.join("content/contact.md"), "Write to me.\n").unwrap();
        assert_eq!(find_section(d), None, "an empty folder is no section");
        std::fs::write(d.join("content/Experience/relay.md"), "Text.\n").unwrap();
        let found = find_section(d).unwrap();
        assert_eq!(found, PathBuf::from("content/Experience"));
        let note = other_name_note(&found).unwrap();
        assert!(note.starts_with("content/Experience was imported as the portfolio"));
        std::fs::create_dir_all(d.join("content/posts")).unwrap();
        std::fs::write(d.join("content/posts/hi.md"), "Text.\n").unwrap();
        assert_eq!(find_section(d), Some(PathBuf::from("content/posts")));
        assert_eq!(other_name_note(Path::new("content/posts")), None);
    }

    /// Case studies count as projects: before a blog, and a folder that
    /// holds only a README (notes for the repository) is no section.
    #[test]
    fn case_study_folders_are_project_sections() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for f in ["content/blog/hello.md", "content/Case-Studies/README.md"] {
            std::fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
            std::fs::write(d.join(f), "---\ntitle: T\n---\nText.\n").unwrap();
        }
        assert_eq!(find_section(d), Some(PathBuf::from("content/blog")));
        std::fs::write(d.join("content/Case-Studies/mill.md"), "Text.\n").unwrap();
        assert_eq!(find_section(d), Some(PathBuf::from("content/Case-Studies")));
        for f in ["src/cases/ferry.md", "src/case_studies/bell.md"] {
            let t = tempfile::tempdir().unwrap();
            std::fs::create_dir_all(t.path().join(f).parent().unwrap()).unwrap();
            std::fs::write(t.path().join(f), "Text.\n").unwrap();
            let section = Path::new(f).parent().unwrap().to_path_buf();
            assert_eq!(find_project_section(t.path()), Some(section), "{f}");
        }
    }
}
