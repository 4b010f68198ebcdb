//! Where themes keep the person and the page's language, besides the main
//! config: Hugo's `languages` table (its `title`, `params`, `languageCode`),
//! HugoBlox/Academic `content/authors/*/_index.md`, a Jekyll site whose
//! `title` is its owner's name, and the `<html lang>` of a layout.

use std::path::{Path, PathBuf};

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::frontmatter;

/// Hugo's `[languages.xx]` of the default language: its `title`, `params`
/// and `languageCode` fill what the top level lacks.
pub fn default_language(s: &mut Map<String, Value>) {
    let Some(Value::Object(langs)) = s.get("languages").cloned() else {
        return;
    };
    let default = ["defaultContentLanguage", "DefaultContentLanguage"]
        .iter()
        .find_map(|k| s.get(*k)?.as_str().map(str::to_string));
    let entry = default
        .as_deref()
        .and_then(|d| langs.get(d))
        .or_else(|| langs.values().next());
    let Some(Value::Object(entry)) = entry else {
        return;
    };
    for (k, v) in entry {
        match (s.get_mut(k), v) {
            (Some(Value::Object(have)), Value::Object(add)) => {
                for (ak, av) in add {
                    have.entry(ak.clone()).or_insert(av.clone());
                }
            }
            (None, _) => {
                s.insert(k.clone(), v.clone());
            }
            _ => {}
        }
    }
}

/// Hugo's one file per language, `config/_default/languages.en.toml`: `f(en, its table)`.
pub fn language_files(src: &Path, mut f: impl FnMut(&str, Value)) {
    let Ok(entries) = std::fs::read_dir(src.join("config/_default")) else {
        return;
    };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(lang) = name
            .strip_prefix("languages.")
            .and_then(|r| r.strip_suffix(".toml").or(r.strip_suffix(".yaml")))
            .filter(|l| !l.is_empty() && !l.contains('.'))
        else {
            continue;
        };
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let value = if name.ends_with(".toml") {
            toml::from_str::<toml::Table>(&text)
                .ok()
                .map(|t| frontmatter::toml_to_json(toml::Value::Table(t)))
        } else {
            serde_yaml::from_str::<serde_yaml::Value>(&text)
                .ok()
                .map(frontmatter::yaml_to_json)
        };
        if let Some(v) = value {
            f(lang, v);
        }
    }
}

/// HugoBlox/Academic: the site owner's page, `content/authors/admin/_index.md`
/// (or the one marked `superuser: true`), as `author_page.{name, title,
/// overview, email, social, photo}`.
pub fn author_page(src: &Path, s: &mut Map<String, Value>) {
    let Some((dir, front)) = owner_author(src) else {
        return;
    };
    let m = &front.map;
    let get = |k: &str| m.get(k).and_then(Value::as_str).map(str::trim);
    let full = [get("first_name"), get("last_name")]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let name = get("title")
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .or(Some(full).filter(|f| !f.is_empty()));
    let body: String = front
        .body
        .lines()
        .filter(|l| !l.contains("{{") && !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let overview = Some(body.trim().to_string())
        .filter(|b| !b.is_empty())
        .or(get("bio").map(str::to_string));
    let mut page = Map::new();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            page.insert(k.into(), Value::String(v));
        }
    };
    put("name", name);
    put("title", get("role").map(str::to_string));
    put("overview", overview);
    put("email", get("email").map(str::to_string));
    put("photo", avatar(&dir).map(|p| p.display().to_string()));
    if let Some(social) = m.get("profiles").or(m.get("social")) {
        page.insert("social".into(), social.clone());
    }
    s.insert("author_page".into(), Value::Object(page));
}

fn owner_author(src: &Path) -> Option<(PathBuf, frontmatter::Front)> {
    let pages = author_bundles(&src.join("content/authors"));
    if !pages.is_empty() {
        return chosen(pages);
    }
    // Hugoplate and like themes: `content/<lang>/authors/<name>.md`, taken
    // only when one page names one person (several are the theme's examples).
    let mut langs: Vec<PathBuf> = std::fs::read_dir(src.join("content"))
        .ok()?
        .flatten()
        .map(|e| e.path().join("authors"))
        .filter(|p| p.is_dir())
        .collect();
    langs.sort();
    langs.into_iter().find_map(|dir| {
        let mut singles = author_files(&dir);
        (singles.len() == 1).then(|| singles.remove(0))
    })
}

/// `dir/*/_index.md`: one bundle per author.
fn author_bundles(dir: &Path) -> Vec<(PathBuf, frontmatter::Front)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("_index.md").is_file())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .filter_map(|d| Some((d.clone(), parsed(&d.join("_index.md"))?)))
        .collect()
}

/// `dir/<name>.md`: one file per author (the section's `_index.md` is not one).
fn author_files(dir: &Path) -> Vec<(PathBuf, frontmatter::Front)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('_'))
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|f| Some((dir.to_path_buf(), parsed(&f)?)))
        .collect()
}

/// The one `author` that the write-ups name, when at least two name one and
/// none names another (`writeups_author`, read when nothing else names them).
pub fn writeups_author(files: &[PathBuf], s: &mut Map<String, Value>) {
    let mut names = files.iter().filter_map(|f| {
        let front = parsed(f)?;
        match front.map.get("author").or(front.map.get("authors"))? {
            Value::String(a) => Some(a.trim().to_string()),
            Value::Array(a) if a.len() == 1 => Some(a[0].as_str()?.trim().to_string()),
            _ => None,
        }
    });
    let Some(first) = names.next().filter(|n| !n.is_empty()) else {
        return;
    };
    let mut count = 1;
    for n in names {
        if n != first {
            return;
        }
        count += 1;
    }
    if count >= 2 {
        s.entry("writeups_author").or_insert(Value::String(first));
    }
}

fn parsed(file: &Path) -> Option<frontmatter::Front> {
    frontmatter::parse(&std::fs::read_to_string(file).ok()?).ok()
}

/// The page marked `superuser: true`, else `admin`, else the first.
fn chosen(pages: Vec<(PathBuf, frontmatter::Front)>) -> Option<(PathBuf, frontmatter::Front)> {
    let chosen = pages
        .iter()
        .position(|(_, f)| f.map.get("superuser") == Some(&Value::Bool(true)))
        .or_else(|| pages.iter().position(|(d, _)| d.ends_with("admin")))
        .unwrap_or(0);
    pages.into_iter().nth(chosen)
}

fn avatar(dir: &Path) -> Option<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_stem()
                .is_some_and(|n| n.eq_ignore_ascii_case("avatar"))
        })
        .collect();
    found.sort();
    found.into_iter().next()
}

/// A site `title` that is a person's name (two to four capitalised words,
/// no site words), or names one beside a site word (`Jake - Portfolio`),
/// names the owner (`title_name`, read when nothing else names them).
pub fn title_as_name(s: &mut Map<String, Value>) {
    let Some(title) = s.get("title").and_then(Value::as_str) else {
        return;
    };
    let name = if looks_like_name(title) {
        Some(title.trim())
    } else {
        name_beside_site_word(title)
    };
    if let Some(name) = name {
        let name = Value::String(name.to_string());
        s.entry("title_name").or_insert(name);
    }
}

fn single(p: &str) -> Option<&str> {
    let p = p.trim();
    let one_word = !p.contains(' ') && p.chars().next().is_some_and(char::is_uppercase);
    (looks_like_name(p) || one_word).then_some(p)
}

/// `Jake - Portfolio`, `Blog | Jane Doe` → the name part.
fn name_beside_site_word(title: &str) -> Option<&str> {
    let Some((a, b)) = [" - ", " | ", " — ", " · ", " – "]
        .iter()
        .find_map(|sep| title.split_once(sep))
    else {
        // `Portfolio Jane Doe`, `Jane Doe Portfolio`
        let t = title.trim();
        let is_site = |w: &str| SITE_WORDS.contains(&w.to_lowercase().as_str());
        let (first, rest) = t.split_once(' ')?;
        let (init, last) = t.rsplit_once(' ')?;
        let name = if is_site(first) {
            rest.trim()
        } else if is_site(last) {
            init.trim()
        } else {
            return None;
        };
        return looks_like_name(name).then_some(name);
    };
    let has_site_word = |p: &str| {
        p.split_whitespace()
            .any(|w| SITE_WORDS.contains(&w.to_lowercase().as_str()))
    };
    if has_site_word(b) {
        single(a)
    } else if has_site_word(a) {
        single(b)
    } else {
        None
    }
}

const SITE_WORDS: &[&str] = &[
    "portfolio",
    "blog",
    "site",
    "website",
    "page",
    "home",
    "projects",
    "notes",
    "the",
    "personal",
];

fn looks_like_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '-')
                && !SITE_WORDS.contains(&w.to_lowercase().as_str())
        })
}

/// Files where JavaScript sites (Astro, Next, Nuxt, Gatsby) keep their
/// owner: site config objects and `src/data` files.
const JS_CONFIGS: &[&str] = &[
    "gatsby-config.js",
    "data/SiteConfig.js",
    "nuxt.config.ts",
    "nuxt.config.js",
    "app.vue",
    "site.config.ts",
    "src/site.config.ts",
    "src/config.ts",
    "src/config.js",
    "src/config.mjs",
    "src/consts.ts",
    "src/data/config.ts",
    "src/data/presentation.ts",
    "src/data/site.ts",
    "src/data/about.ts",
    "src/data/profile.ts",
    "src/data/site.json",
    "src/data/about.json",
];

/// `key: "text"` pairs of JavaScript site configs: `author`, `email`, a
/// `title` that is a name, `description`, the site's URL, and links to
/// profiles on known networks.
pub fn js_config(src: &Path, s: &mut Map<String, Value>) {
    let Ok(re) =
        regex::Regex::new(r#"["']?(\w+)["']?\s*:\s*(?:"([^"\n]+)"|'([^'\n]+)'|`([^`]+)`)"#)
    else {
        return;
    };
    let mut links = Vec::new();
    for text in JS_CONFIGS
        .iter()
        .filter_map(|f| std::fs::read_to_string(src.join(f)).ok())
    {
        for c in re.captures_iter(&text) {
            let Some(value) = c.get(2).or(c.get(3)).or(c.get(4)) else {
                continue;
            };
            let (key, value) = (c[1].to_ascii_lowercase(), value.as_str().trim().to_string());
            let slot = match key.as_str() {
                "author" | "authorname" | "fullname" | "full_name" | "owner" => "author",
                "title" | "sitetitle" if looks_like_name(&value) => "author",
                "title" | "greeting" | "headline" if greeting_name(&value).is_some() => {
                    let name = greeting_name(&value).unwrap_or_default();
                    s.entry("author").or_insert(Value::String(name));
                    continue;
                }
                "email" | "mail" => "email",
                "description" | "sitedescription" => "description",
                "siteurl" | "site" => "url",
                _ if profile_url(&value) => {
                    links.push(serde_json::json!({ "url": value }));
                    continue;
                }
                _ => continue,
            };
            s.entry(slot).or_insert(Value::String(value));
        }
    }
    if !links.is_empty() {
        s.entry("js_links").or_insert(Value::Array(links));
    }
}

/// The JSON data files of [`JS_CONFIGS`] (Eleventy's `src/data/site.json`):
/// their `author` object, a top-level `name` that is a person's, and `description`.
pub fn json_data(src: &Path, s: &mut Map<String, Value>) {
    for file in JS_CONFIGS.iter().filter(|f| f.ends_with(".json")) {
        let Some(Value::Object(data)) = std::fs::read_to_string(src.join(file))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
        else {
            continue;
        };
        let name = data.get("name").and_then(Value::as_str);
        let author = match data.get("author") {
            Some(a @ Value::Object(_)) => Some(a.clone()),
            _ => name.filter(|n| looks_like_name(n)).map(Value::from),
        };
        if let Some(a) = author {
            s.entry("author").or_insert(a);
        }
        if let Some(d) = data.get("description").filter(|d| d.is_string()) {
            s.entry("description").or_insert(d.clone());
        }
    }
}

static GREETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\bMy name is|\bI['’]m|\bI am|\bHi,)\s+(?:\*+|<[^>]+>|\s)*(\p{Lu}[\p{L}'-]+(?:[ \t]+\p{Lu}[\p{L}'-]+){0,2})")
        .expect("valid regex")
});

/// `Hi, I'm Jane Doe`, `My name is <span>Jane</span>` → the name.
fn greeting_name(text: &str) -> Option<String> {
    GREETING.captures(text).map(|c| c[1].to_string())
}

/// Components where Astro and JavaScript sites greet their reader by name.
const GREETING_FILES: &[&str] = &[
    "src/components/Hero.astro",
    "src/components/About.astro",
    "src/components/Intro.astro",
    "src/components/Head.astro",
    "src/components/Header.astro",
    "src/pages/index.astro",
    "src/pages/about.astro",
    "src/app/page.tsx",
    "src/pages/index.tsx",
    "pages/index.vue",
    "src/routes/+page.svelte",
];

/// SvelteKit's home page inside a route group: `src/routes/(app)/+page.svelte`.
fn route_group_pages(src: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(src.join("src/routes")) else {
        return Vec::new();
    };
    let mut pages: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('(') && n.ends_with(')'))
        })
        .map(|p| p.join("+page.svelte"))
        .filter(|p| p.is_file())
        .collect();
    pages.sort();
    pages
}

/// The name a site's home page greets with, when no config names its owner.
pub fn greeting(src: &Path, s: &mut Map<String, Value>) {
    let found = GREETING_FILES
        .iter()
        .map(|f| src.join(f))
        .chain(route_group_pages(src))
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .find_map(|t| greeting_name(&t));
    if let Some(name) = found {
        s.entry("author").or_insert(Value::String(name));
    }
}

/// The `<title>` of a layout, when it is literal text or a variable given a
/// literal default in the same file (Astro's `const { title = "Jane Doe" } = Astro.props`).
pub fn layout_title(src: &Path) -> Option<String> {
    layout_files(src)
        .into_iter()
        .chain(route_group_pages(src))
        .filter_map(|l| std::fs::read_to_string(l).ok())
        .find_map(|t| title_of(&t))
}

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<title>(?:([^<{}]+)|\{\s*(\w+)\s*\})</title>").expect("valid regex")
});

fn title_of(text: &str) -> Option<String> {
    let c = TITLE.captures(text)?;
    if let Some(literal) = c.get(1) {
        return Some(literal.as_str().trim().to_string());
    }
    let var = regex::escape(&c[2]);
    let default = Regex::new(&format!(r#"\b{var}\s*=\s*["'`]([^"'`\n{{}}$]+)["'`]"#)).ok()?;
    default.captures(text).map(|d| d[1].trim().to_string())
}

/// A link to a person's page on a known network (`https://github.com/user`,
/// not one of its repositories).
fn profile_url(u: &str) -> bool {
    let Some(rest) = u.strip_prefix("https://").or(u.strip_prefix("http://")) else {
        return false;
    };
    let rest = rest.trim_start_matches("www.").trim_end_matches('/');
    let mut parts = rest.split('/');
    let host = parts.next().unwrap_or_default();
    let depth = parts.count();
    match host {
        "github.com" | "gitlab.com" | "x.com" | "twitter.com" | "instagram.com"
        | "dribbble.com" | "behance.net" | "medium.com" => depth == 1,
        "linkedin.com" => depth == 2,
        _ => false,
    }
}

/// Folders whose files hold the page's `<html>` tag, per generator.
const LAYOUT_DIRS: &[&str] = &[
    "layouts/_default",
    "layouts",
    "_layouts",
    "_includes",
    "templates",
    "src/layouts",
    "src/layout",
    "src/_includes",
    "src/_includes/layouts",
    "src/app",
    "app",
    "src/pages",
    "pages",
    "src",
    ".",
];
const LAYOUT_EXTS: &[&str] = &[
    "html", "astro", "njk", "ejs", "liquid", "tsx", "jsx", "vue", "svelte", "ts", "js", "mjs",
];

fn layout_files(src: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in LAYOUT_DIRS {
        let Ok(entries) = std::fs::read_dir(src.join(dir)) else {
            continue;
        };
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| LAYOUT_EXTS.contains(&e))
            })
            .collect();
        found.sort();
        files.extend(found);
    }
    files
}

/// The `lang` of the layout's `<html lang="…">` (or Nuxt's `htmlAttrs: { lang }`),
/// when it is a literal language tag.
pub fn layout_lang(src: &Path) -> Option<String> {
    let re = regex::Regex::new(r#"(?:<html[^>]*\slang\s*=|(?:htmlAttrs|htmlAttributes)\s*[:=]\s*\{\{?\s*lang\s*:)\s*["']([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})?)["']"#).ok()?;
    layout_files(src)
        .iter()
        .filter_map(|l| std::fs::read_to_string(l).ok())
        .find_map(|text| re.captures(&text).map(|c| c[1].to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_author_the_write_ups_name() {
        let dir = tempfile::tempdir().unwrap();
        let file = |name: &str, author: &str| {
            let p = dir.path().join(name);
            std::fs::write(
                &p,
                format!("---\ntitle: x\nauthor: \"{author}\"\n---\nText.\n"),
            )
            .unwrap();
            p
        };
        let (a, b, c) = (
            file("a.md", "Rae-K"),
            file("b.md", "Rae-K"),
            file("c.md", "Sam"),
        );
        let mut s = Map::new();
        writeups_author(&[a.clone(), b.clone()], &mut s);
        assert_eq!(
            s.get("writeups_author"),
            Some(&Value::String("Rae-K".into()))
        );
        let mut s = Map::new();
        writeups_author(&[a.clone(), b, c], &mut s);
        assert_eq!(s.get("writeups_author"), None, "two authors: no owner");
        writeups_author(&[a], &mut s);
        assert_eq!(s.get("writeups_author"), None, "one write-up is not enough");
    }

    #[test]
    fn names_and_layout_languages() {
        assert!(looks_like_name("Jane Q. Doe"));
        assert!(!looks_like_name("My Portfolio"));
        assert!(!looks_like_name("jane"));
        assert_eq!(
            name_beside_site_word("Jake - Portfolio & Blog"),
            Some("Jake")
        );
        assert_eq!(name_beside_site_word("Notes | Jane Doe"), Some("Jane Doe"));
        assert_eq!(name_beside_site_word("Foo - Bar"), None);
        assert_eq!(
            name_beside_site_word("Portfolio Jane Doe"),
            Some("Jane Doe")
        );
        assert_eq!(
            greeting_name("Hi! My name is <span class=\"x\">Jane Doe</span> and I"),
            Some("Jane Doe".into())
        );
        assert_eq!(greeting_name("*Hi*, I’m Ana "), Some("Ana".into()));
        assert_eq!(greeting_name("I am currently a student"), None);
        assert_eq!(
            title_of("const { title = \"Jane Doe\" } = Astro.props\n<title>{title}</title>"),
            Some("Jane Doe".into())
        );
        assert_eq!(title_of("<title>{title}</title>"), None);
        assert!(profile_url("https://github.com/jdoe"));
        assert!(!profile_url("https://github.com/jdoe/repo"));
        assert!(profile_url("https://www.linkedin.com/in/jdoe/"));
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("src/layouts")).unwrap();
        std::fs::write(
            dir.path().join("src/layouts/Layout.astro"),
            "---\n---\n<html lang=\"ja\" class=\"x\">",
        )
        .unwrap();
        assert_eq!(layout_lang(dir.path()).as_deref(), Some("ja"));
        std::fs::write(
            dir.path().join("src/layouts/Layout.astro"),
            "<html lang={lang}>",
        )
        .unwrap();
        assert_eq!(layout_lang(dir.path()), None);
    }
}
