//! The person and the site: name, title, overview and links for
//! `content/profile.yaml`, and the settings for `folio.yaml`, from Hugo params
//! (config.toml, hugo.toml, config.yaml), Zola's config.toml, Jekyll's
//! `_config.yml` (with al-folio's `_data/socials.yml` and `_pages/about.md`).

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::detect::Generator;
use super::frontmatter;
use super::settings::settings;
use super::{address, person};

/// What the old site says about its owner and itself.
#[derive(Debug, Default)]
pub struct Owner {
    pub profile: serde_yaml::Mapping,
    pub config: serde_yaml::Mapping,
    /// `where → key` for the report.
    pub mapped: Vec<String>,
    /// Keys written as placeholders.
    pub missing: Vec<String>,
    /// The owner's photo in the old site, to copy beside the profile.
    pub photo: Option<std::path::PathBuf>,
    /// What the user should set by hand (a `base_url` not taken).
    pub hints: Vec<String>,
}

/// Where themes keep the profile's keys, first found wins.
#[rustfmt::skip]
const PROFILE_FIELDS: [(&str, &[&str]); 4] = [
    ("name", &["author_page.name", "full_name", "params.author.name", "params.author", "author.name", "author",
        "params.name", "params.profileMode.title", "extra.author.name", "extra.author", "name", "title_name", "writeups_author"]),
    ("title", &["author_page.title", "author.headline", "params.author.headline", "about.subtitle", "params.jobTitle", "params.job_title", "params.role",
        "params.subtitle", "params.tagline", "params.profile.subtitle", "params.profileMode.subtitle", "extra.subtitle",
        "subtitle", "tagline"]),
    ("overview", &["author_page.overview", "author.bio", "params.author.bio", "about.body", "params.bio", "params.description", "params.summary",
        "extra.description", "description"]),
    ("email", &["author_page.email", "params.email", "params.author.email", "author.email", "socials.email",
        "email", "extra.email"]),
];
/// Username keys (al-folio, Jekyll themes, Hugo params) and their profile URLs.
const USERNAMES: &[(&str, &str, &str)] = &[
    ("github", "GitHub", "https://github.com/"),
    ("gitlab", "GitLab", "https://gitlab.com/"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/in/"),
    ("twitter", "X", "https://x.com/"),
    ("x", "X", "https://x.com/"),
    (
        "scholar",
        "Google Scholar",
        "https://scholar.google.com/citations?user=",
    ),
    ("orcid", "ORCID", "https://orcid.org/"),
    ("medium", "Medium", "https://medium.com/@"),
    ("instagram", "Instagram", "https://www.instagram.com/"),
    ("dribbble", "Dribbble", "https://dribbble.com/"),
    ("behance", "Behance", "https://www.behance.net/"),
    ("mastodon", "Mastodon", ""),
    ("telegram", "Telegram", "https://t.me/"),
    (
        "stackoverflow",
        "Stack Overflow",
        "https://stackoverflow.com/users/",
    ),
];

/// Hugo's custom taxonomies (`[taxonomies] language = "languages"`): the
/// front matter keys (`languages`) that hold free words.
pub fn taxonomies(src: &Path) -> Vec<String> {
    let s = settings(src);
    let Some(Value::Object(t)) = s.get("taxonomies") else {
        return Vec::new();
    };
    t.values()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect()
}

fn at<'v>(v: &'v Map<String, Value>, path: &str) -> Option<&'v Value> {
    let mut parts = path.split('.');
    let mut cur = v.get(parts.next()?)?;
    for p in parts {
        cur = cur.get(p)?;
    }
    Some(cur)
}

fn first_text(v: &Map<String, Value>, paths: &[&str]) -> Option<(String, String)> {
    paths.iter().find_map(|p| match at(v, p) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some((p.to_string(), strip_html(s))),
        _ => None,
    })
}

fn strip_html(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn y(s: &str) -> serde_yaml::Value {
    serde_yaml::Value::String(s.to_string())
}

/// Reads the owner of the site in `src`.
pub fn extract(src: &Path, generator: Generator, writeups: &[PathBuf]) -> Owner {
    let mut s = settings(src);
    person::writeups_author(writeups, &mut s);
    match generator {
        Generator::Jekyll => about_page(src, &mut s),
        Generator::Astro => {
            astro_site(src, &mut s);
            person::json_data(src, &mut s);
            person::js_config(src, &mut s);
            person::greeting(src, &mut s);
        }
        Generator::Js => {
            person::json_data(src, &mut s);
            person::js_config(src, &mut s);
            person::greeting(src, &mut s);
        }
        Generator::Hugo => {
            person::default_language(&mut s);
            person::author_page(src, &mut s);
        }
        _ => {}
    }
    person::title_as_name(&mut s);
    if let Some(t) = person::layout_title(src) {
        let mut from_layout = Map::new();
        from_layout.insert("title".into(), Value::String(t));
        person::title_as_name(&mut from_layout);
        if let Some(name) = from_layout.remove("title_name") {
            s.entry("title_name").or_insert(name);
        }
    }
    let mut o = Owner::default();
    let full_name = [
        at(&s, "first_name"),
        at(&s, "middle_name"),
        at(&s, "last_name"),
    ]
    .iter()
    .filter_map(|v| v.and_then(Value::as_str))
    .filter(|p| !p.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" ");
    if !full_name.is_empty() {
        s.insert("full_name".into(), Value::String(full_name));
    }
    for (key, paths) in PROFILE_FIELDS {
        match first_text(&s, paths) {
            Some((from, v)) => {
                o.profile.insert(y(key), y(&v));
                o.mapped.push(format!("{} → {key}", where_from(&from)));
            }
            None if key != "email" => o.missing.push(key.to_string()),
            None => {}
        }
    }
    let links = links(&s);
    if !links.is_empty() {
        o.mapped.push(format!("{} links", links.len()));
        o.profile
            .insert(y("links"), serde_yaml::Value::Mapping(links));
    }
    o.photo = at(&s, "author_page.photo")
        .and_then(Value::as_str)
        .map(std::path::PathBuf::from);
    if let Some(p) = &o.photo {
        let rel = p.strip_prefix(src).unwrap_or(p);
        o.mapped.push(format!("{} → photo", rel.display()));
    }
    o.config = site_config(src, &s, &mut o);
    // A literal `<html lang>` is what readers were served: it wins.
    if let Some(l) = person::layout_lang(src) {
        o.config.insert(y("language"), y(&language(&l)));
        o.mapped.push("<html lang> → language".into());
    }
    o
}

/// A settings path as the report names it: `author_page.title` → `the
/// authors page's title`.
fn where_from(path: &str) -> String {
    if let Some(k) = path.strip_prefix("author_page.") {
        let k = match k {
            "name" => "title",
            "title" => "role",
            "overview" => "text",
            k => k,
        };
        return format!("content/authors/*/_index.md {k}");
    }
    match path {
        "title_name" => "the site's title".into(),
        "writeups_author" => "the write-ups' author".into(),
        "full_name" => "first and last name".into(),
        p => p.to_string(),
    }
}

/// al-folio's about page: its subtitle (an affiliation) and its text.
fn about_page(src: &Path, s: &mut Map<String, Value>) {
    let Ok(text) = std::fs::read_to_string(src.join("_pages/about.md")) else {
        return;
    };
    let Ok(front) = frontmatter::parse(&text) else {
        return;
    };
    let mut about = front.map;
    let body: String = front
        .body
        .lines()
        .filter(|l| !l.contains("{%") && !l.contains("{{"))
        .collect::<Vec<_>>()
        .join("\n");
    about.insert("body".into(), Value::String(body.trim().to_string()));
    s.insert("about".into(), Value::Object(about));
}

/// Astro: `site:` of astro.config.*, and the starter's SITE_TITLE and
/// SITE_DESCRIPTION constants (src/consts.ts).
fn astro_site(src: &Path, s: &mut Map<String, Value>) {
    let read = |names: &[&str]| -> String {
        names
            .iter()
            .filter_map(|n| std::fs::read_to_string(src.join(n)).ok())
            .collect()
    };
    let config = read(&[
        "astro.config.mjs",
        "astro.config.ts",
        "astro.config.js",
        "astro.config.mts",
    ]);
    let consts = read(&["src/consts.ts", "src/consts.js", "src/config.ts"]);
    let grab = |text: &str, pattern: &str| -> Option<String> {
        let re = regex::Regex::new(pattern).ok()?;
        re.captures(text).map(|c| c[1].to_string())
    };
    let found = [
        ("url", grab(&config, r#"\bsite\s*:\s*['"]([^'"]+)['"]"#)),
        (
            "title",
            grab(&consts, r#"SITE_TITLE\s*=\s*['"]([^'"]+)['"]"#),
        ),
        (
            "description",
            grab(&consts, r#"SITE_DESCRIPTION\s*=\s*['"]([^'"]+)['"]"#),
        ),
        (
            "author",
            grab(&consts, r#"(?:AUTHOR|SITE_AUTHOR)\s*=\s*['"]([^'"]+)['"]"#),
        ),
    ];
    for (k, v) in found {
        if let Some(v) = v {
            s.entry(k.to_string()).or_insert(Value::String(v));
        }
    }
}

fn links(s: &Map<String, Value>) -> serde_yaml::Mapping {
    let mut out = serde_yaml::Mapping::new();
    let mut add = |name: &str, url: String| {
        if !out.values().any(|v| v.as_str() == Some(&url)) && !out.contains_key(name) {
            out.insert(y(name), y(&url));
        }
    };
    let mut sources: Vec<(String, &Value)> = Vec::new();
    for base in [
        "author_page.social",
        "author.links",
        "params.author.links",
        "js_links",
        "socials",
        "params.social",
        "params.socials",
        "extra.social",
        "extra.socials",
        "params.socialIcons",
        "social",
    ] {
        match at(s, base) {
            Some(Value::Object(m)) => sources.extend(m.iter().map(|(k, v)| (k.clone(), v))),
            Some(Value::Array(a)) => sources.extend(a.iter().filter_map(social_item)),
            _ => {}
        }
    }
    // Theme keys such as `params.github` or `extra.linkedin`, known names only.
    for base in ["params", "extra"] {
        if let Some(Value::Object(m)) = at(s, base) {
            let known = m
                .iter()
                .filter(|(k, _)| USERNAMES.iter().any(|u| u.0 == k.to_ascii_lowercase()));
            sources.extend(known.map(|(k, v)| (k.clone(), v)));
        }
    }
    sources.extend(
        s.iter()
            .filter(|(k, _)| {
                k.ends_with("_username") || k.ends_with("_userid") || k.ends_with("_id")
            })
            .map(|(k, v)| (k.clone(), v)),
    );
    for (key, v) in sources {
        let Some(v) = v.as_str().map(str::trim).filter(|v| !v.is_empty()) else {
            continue;
        };
        let base = key.to_ascii_lowercase();
        let base = base.split('_').next().unwrap_or_default();
        let known = USERNAMES.iter().find(|(k, _, _)| *k == base);
        if v.starts_with("http://") || v.starts_with("https://") {
            add(known.map_or(key.as_str(), |k| k.1), v.to_string());
        } else if let Some((_, name, prefix)) = known.filter(|k| !k.2.is_empty()) {
            add(name, format!("{prefix}{}", v.trim_start_matches('@')));
        }
    }
    out
}

/// `{name, url}` or `{icon: "fa-brands fa-github", url}`: the name, or the
/// known network the icon names, or the URL's host.
fn social_item(item: &Value) -> Option<(String, &Value)> {
    // Blowfish: `links = [{ github = "https://…" }]`
    if let Value::Object(m) = item
        && m.len() == 1
        && let Some((k, v)) = m.iter().next()
        && v.as_str().is_some_and(|u| u.starts_with("http"))
    {
        return Some((k.clone(), v));
    }
    let url = item.get("url").or(item.get("link"))?;
    let named = ["name", "title", "label"]
        .iter()
        .find_map(|k| item.get(*k)?.as_str());
    let icon = item
        .get("icon")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_ascii_lowercase();
    let from_icon = USERNAMES
        .iter()
        .find(|u| u.0.len() > 1 && icon.contains(u.0))
        .map(|u| u.1);
    let host = url
        .as_str()
        .and_then(|u| u.split("://").nth(1))
        .and_then(|rest| rest.split('/').next())
        .map(|h| h.trim_start_matches("www."));
    let from_host = host.and_then(|h| {
        USERNAMES
            .iter()
            .find(|u| u.0.len() > 1 && h.starts_with(&format!("{}.", u.0)))
            .map(|u| u.1)
    });
    let name = named.or(from_icon).or(from_host).or(host)?;
    Some((name.to_string(), url))
}

/// The site's address: from its settings' `keys`, else from the files that
/// name it ([`address::find`], said in the report); what is not the
/// site's address is refused with a hint.
fn site_url(src: &Path, s: &Map<String, Value>, keys: &[&str], o: &mut Owner) -> Option<String> {
    let refuse = |what: &str| {
        format!(
            "folio.yaml: base_url: {what}, so it was not taken; set base_url: to the address the site is published at"
        )
    };
    // The first key holding an address: Jekyll's `baseurl` path may come first.
    let from_settings = keys
        .iter()
        .filter_map(|k| first_text(s, &[k]))
        .map(|(_, u)| u)
        .find(|u| u.starts_with("http://") || u.starts_with("https://"))
        .filter(|u| match address::not_the_site(u) {
            Some(why) => {
                o.hints.push(refuse(&format!("`{u}` {why}")));
                false
            }
            None => true,
        });
    if from_settings.is_some() {
        return from_settings;
    }
    match address::find(src) {
        Ok((url, from)) => {
            o.mapped.push(format!("{from} → base_url"));
            Some(url)
        }
        Err(refused) => {
            o.hints.extend(refused.iter().map(|r| refuse(r)));
            None
        }
    }
}

fn site_config(src: &Path, s: &Map<String, Value>, o: &mut Owner) -> serde_yaml::Mapping {
    let mut c = serde_yaml::Mapping::new();
    // al-folio's `title: blank` means "show the name".
    if let Some((_, t)) = first_text(s, &["title"]).filter(|(_, t)| t != "blank") {
        c.insert(y("title"), y(&t));
    }
    // Hugo reads its keys in any case (`baseurl`); Jekyll's `baseurl` is a path.
    let keys = [
        "baseURL",
        "baseurl",
        "BaseURL",
        "baseurl_full",
        "base_url",
        "url",
    ];
    let url = site_url(src, s, &keys, o);
    // Jekyll's `baseurl` path (not Hugo's lower-case address).
    let path = at(s, "baseurl")
        .and_then(Value::as_str)
        .filter(|p| !p.contains("://"))
        .unwrap_or("")
        .trim_matches('/');
    let base = match url {
        Some(u) if path.is_empty() => format!("{}/", u.trim_end_matches('/')),
        Some(u) => format!("{}/{path}/", u.trim_end_matches('/')),
        None => "/".into(),
    };
    c.insert(y("base_url"), y(&base));
    if let Some((_, d)) = first_text(s, &["description", "params.description"]) {
        c.insert(y("description"), y(&d));
    }
    let lang = first_text(
        s,
        &[
            "languageCode",
            "languagecode",
            "defaultContentLanguage",
            "defaultcontentlanguage",
            "default_language",
            "lang",
            "locale",
        ],
    );
    if let Some((_, l)) = lang {
        c.insert(y("language"), y(&language(&l)));
    }
    c
}

/// `en-us` → `en-US`, `zh_CN` → `zh-CN`.
fn language(l: &str) -> String {
    let mut parts = l.split(['-', '_']);
    let primary = parts.next().unwrap_or("en").to_ascii_lowercase();
    match parts.next() {
        Some(r) if r.len() == 2 => format!("{primary}-{}", r.to_ascii_uppercase()),
        _ => primary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn al_folio_owner() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("_pages")).unwrap();
        std::fs::create_dir_all(d.join("_data")).unwrap();
        std::fs::write(d.join("_config.yml"), "first_name: Mei\nlast_name: Lin\ntitle: blank\nurl: https://mei.example.org\nbaseurl: ''\nlang: zh_CN\n").unwrap();
        std::fs::write(
            d.join("_data/socials.yml"),
            "github_username: meilin\nemail: mei@example.org\n",
        )
        .unwrap();
        std::fs::write(d.join("_pages/about.md"), "---\nlayout: about\nsubtitle: <a href='#'>Data</a> engineer\n---\nI build pipelines.\n{% include news.liquid %}\n").unwrap();
        let o = extract(d, Generator::Jekyll, &[]);
        assert_eq!(o.profile[&y("name")], y("Mei Lin"));
        assert_eq!(o.profile[&y("title")], y("Data engineer"));
        assert_eq!(o.profile[&y("overview")], y("I build pipelines."));
        assert_eq!(o.profile[&y("email")], y("mei@example.org"));
        assert_eq!(
            o.profile[&y("links")][&y("GitHub")],
            y("https://github.com/meilin")
        );
        assert_eq!(o.config[&y("base_url")], y("https://mei.example.org/"));
        assert_eq!(o.config[&y("language")], y("zh-CN"));
        assert!(o.missing.is_empty());
    }

    /// PaperMod's home page in profile mode names the person and their work;
    /// Hugo's `baseurl` in lower case is its address.
    #[test]
    fn papermod_profile_mode_owner() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(
            d.join("hugo.yaml"),
            "baseurl: https://kim.example.org/\ntitle: \"Kim Park – ML Engineer\"\nparams:\n  profileMode:\n    enabled: true\n    title: \"Kim Park\"\n    subtitle: \"Machine learning engineer\"\n",
        )
        .unwrap();
        let o = extract(d, Generator::Hugo, &[]);
        assert_eq!(o.profile[&y("name")], y("Kim Park"));
        assert_eq!(o.profile[&y("title")], y("Machine learning engineer"));
        assert_eq!(o.config[&y("base_url")], y("https://kim.example.org/"));
    }

    #[test]
    fn a_repository_or_local_url_is_not_the_base_url() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(
            d.join("_config.yml"),
            "title: Jane Doe\nurl: https://github.com/jdoe/jdoe.github.io\n",
        )
        .unwrap();
        let o = extract(d, Generator::Jekyll, &[]);
        assert_eq!(o.config[&y("base_url")], y("/"));
        assert!(o.hints[0].contains("repository"), "{:?}", o.hints);
        assert_eq!(o.profile[&y("name")], y("Jane Doe"));
        std::fs::write(d.join("_config.yml"), "url: http://localhost:4000\n").unwrap();
        let o = extract(d, Generator::Jekyll, &[]);
        assert_eq!(o.config[&y("base_url")], y("/"));
        assert!(o.hints[0].contains("local server"), "{:?}", o.hints);
        // Jekyll's `baseurl` path before `url`: the address is both.
        std::fs::write(
            d.join("_config.yml"),
            "baseurl: '/folio-old'\nurl: 'https://jdoe.example.org'\n",
        )
        .unwrap();
        let o = extract(d, Generator::Jekyll, &[]);
        assert_eq!(
            o.config[&y("base_url")],
            y("https://jdoe.example.org/folio-old/")
        );
    }
}
