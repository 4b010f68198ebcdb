//! The plan of an import: the write-ups of the section (found by
//! [`super::sources`]), each converted by [`super::page`], and the owner's
//! profile and site settings.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::datalist::{self, DataList};
use super::detect::{self, Generator};
use super::refs::SiteMap;
use super::sources::{Source, discover, stem};
use super::write::{Planned, What};
use super::{Report, page, profile, shortcodes};

/// Everything to write for the site in `src`, and the report so far.
pub fn plan(
    src: &Path,
    generator: Generator,
    section: &Path,
    data: Option<DataList>,
) -> crate::Result<(Report, Vec<Planned>)> {
    // The section a data list's items come from is the list itself.
    let shown = data.as_ref().map(|l| PathBuf::from(&l.place));
    // Projects kept as records with their texts in Markdown files (Nuxt Content).
    let described = data
        .is_none()
        .then(|| super::described::find(src, section))
        .flatten();
    let (sources, skipped, data_note) = match data {
        Some(list) => (datalist::sources(&list), Vec::new(), list.notes()),
        None => writeups(src, section),
    };
    let sources = match &described {
        Some(d) => d.sources(src, sources),
        None => sources,
    };
    let vars = super::sitevars::of(src);
    let (pages, names, bundles, post_urls) = addresses(src, &sources, &vars);
    let shortcodes = own_shortcodes(src);
    let writeups: Vec<PathBuf> = sources.iter().map(|s| s.path.clone()).collect();
    let mut owner = profile::extract(src, generator, &writeups);
    let old_url = owner
        .config
        .get("base_url")
        .and_then(|v| v.as_str())
        .filter(|u| u.starts_with("http"))
        .map(str::to_string);
    let map = SiteMap {
        static_roots: detect::static_roots(src, generator),
        // A data list's items had no pages of their own in its folder (`_data/`):
        // the usual projects address stands in.
        section_url: match &shown {
            Some(_) => "/projects/".to_string(),
            None => detect::route_url(src, section).unwrap_or_else(|| detect::section_url(section)),
        },
        pages,
        names,
        bundles,
        taxonomies: profile::taxonomies(src),
        own_shortcodes: shortcodes.0.iter().map(|(n, _)| n.clone()).collect(),
        old_url,
        bibliography: super::cite::bibliography(src),
        root: src.to_path_buf(),
        vars,
        post_urls,
        aliases: super::aliases::of(src),
        eleventy: super::eleventy_site::Site::of(src),
        jekyll: generator == Generator::Jekyll,
        image_host: super::imagehost::of(src),
    };
    let shown = shown.unwrap_or_else(|| section.to_path_buf());
    let mut report = first_report(src, generator, section, shown, skipped, &sources);
    report.site_hands.splice(0..0, data_note);
    let mut planned = Vec::new();
    for s in &sources {
        let (mut file, files) = page::convert(s, &map)?;
        file.source = rel(src, &s.path);
        planned.extend(files);
        report.files.push(file);
    }
    let config = &mut owner.config;
    let translated = super::translations::plan(src, section, &sources, &map, &mut report, config);
    planned.extend(translated?);
    if let Some(d) = &described {
        planned.extend(d.translations(src, &map, &mut report, config)?);
    }
    planned.extend(shortcode_files(shortcodes, &mut report));
    let stubs = shortcode_stubs(&planned, &report.shortcodes, &mut report.site_hands);
    planned.extend(stubs);
    planned.extend(owner_files(&owner, &mut report));
    Ok((report, planned))
}

/// The report before any write-up is converted: the generator, the section
/// shown, the files skipped and the site's own problems (its section, its
/// data files).
fn first_report(
    src: &Path,
    generator: Generator,
    section: &Path,
    shown: PathBuf,
    skipped: Vec<(PathBuf, String)>,
    sources: &[Source],
) -> Report {
    let mut report = Report {
        generator: Some(generator),
        section: shown,
        skipped: skipped
            .into_iter()
            .map(|(p, why)| (rel(src, &p), why))
            .collect(),
        ..Report::default()
    };
    report.site_hands.extend(detect::section_note(src, section));
    report.site_hands.extend(super::datafile::broken(src));
    report
        .site_hands
        .extend(super::datafile::broken_beside(src, sources));
    report
}

/// Where links find each write-up: its source file, its old name (file stem
/// or bundle folder), its slug and a Jekyll post's old URL path (`/2020/01/05/name`,
/// see [`super::permalink`]), each to its slug; the bundles by old name; each
/// Jekyll post's old URL path by source.
type Addresses = (
    HashMap<PathBuf, String>,
    HashMap<String, String>,
    HashMap<String, PathBuf>,
    HashMap<PathBuf, String>,
);

fn addresses(src: &Path, sources: &[Source], vars: &HashMap<String, String>) -> Addresses {
    let (mut pages, mut names, mut bundles, mut post_urls) = Addresses::default();
    for s in sources {
        pages.insert(s.path.clone(), s.slug.clone());
        if let Some(url) = super::permalink::jekyll_post(src, &s.path, vars) {
            names.insert(super::permalink::key(&url), s.slug.clone());
            post_urls.insert(s.path.clone(), url);
        }
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
    (pages, names, bundles, post_urls)
}

/// The write-ups of `section` (files, else the headings of its list page),
/// the files skipped, and a note naming a data list of projects the site also has.
fn writeups(src: &Path, section: &Path) -> (Vec<Source>, Vec<Skip>, Vec<String>) {
    let (mut sources, mut skipped) = discover(&src.join(section));
    if section.file_name().is_some_and(|n| n == "_posts") {
        let (posts, posts_skipped) = jekyll_posts(src, section, &sources);
        sources.extend(posts);
        skipped.extend(posts_skipped);
    }
    if sources.is_empty() {
        sources = super::listpage::sources(&src.join(section));
        if !sources.is_empty() {
            skipped.retain(|(p, _)| !sources.iter().any(|s| &s.path == p));
        }
    }
    let note = datalist::find(src).map(|list| data_list_note(&list, &sources));
    (sources, skipped, note.into_iter().collect())
}

/// The other posts of a Jekyll site whose section is a `_posts` folder: those
/// of its other `_posts` folders (`work/_posts`), then those of each `_drafts/`
/// beside one (imported as drafts, see [`super::page`]); each with a slug
/// no write-up before it has.
fn jekyll_posts(src: &Path, section: &Path, posts: &[Source]) -> (Vec<Source>, Vec<Skip>) {
    let folders = detect::jekyll_post_folders(src);
    let others = folders.iter().filter(|f| f.as_path() != section);
    let drafts = folders.iter().map(|f| f.with_file_name("_drafts"));
    let mut taken: Vec<String> = posts.iter().map(|p| p.slug.clone()).collect();
    let (mut found, mut skipped) = (Vec::new(), Vec::new());
    for folder in others.cloned().chain(drafts) {
        let folder = src.join(folder);
        if !folder.is_dir() {
            continue;
        }
        let (mut more, more_skipped) = discover(&folder);
        for d in &mut more {
            let (slug, collided) = super::sources::unique(&mut taken, &d.slug);
            d.collided = d.collided.take().or(collided);
            d.slug = slug;
        }
        found.extend(more);
        skipped.extend(more_skipped);
    }
    (found, skipped)
}

/// A data list of projects beside the write-ups: the write-ups are preferred
/// (they have the text); the list is named, with the items that have none.
fn data_list_note(list: &DataList, sources: &[Source]) -> String {
    let missing = datalist::uncovered(list, sources);
    let place = &list.place;
    let n = list.items.len();
    if missing.is_empty() {
        format!("{place}: its {n} projects all have write-ups, which were imported instead")
    } else {
        format!(
            "{place}: a data list of {n} projects; the write-ups were imported instead; its items without a write-up ({}): {}; add them as write-ups (content/projects/<slug>/index.md) if they belong in the portfolio",
            missing.len(),
            missing.join(", ")
        )
    }
}

/// A file that is not a write-up, and why.
type Skip = (PathBuf, String);

/// A shortcode template: its name and file.
type Template = (String, PathBuf);

/// The old site's own shortcodes that folio can compile (Zola's, Tera as
/// folio's): (name, file), sorted; and why each other one cannot be used.
fn own_shortcodes(src: &Path) -> (Vec<Template>, Vec<(String, String)>) {
    let mut failed = Vec::new();
    let usable = shortcode_templates(src)
        .into_iter()
        .filter(|(name, path)| {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            let file = path.display().to_string();
            let Err(e) = crate::shortcodes::Shortcodes::new(vec![(name.clone(), text, file)])
            else {
                return true;
            };
            let why = e.message().lines().next().unwrap_or_default();
            let why = why.trim_start_matches("shortcode template error: ");
            failed.push((name.clone(), why.trim_start_matches("error: ").to_string()));
            false
        })
        .collect();
    (usable, failed)
}

/// The files `templates/shortcodes/NAME.html` of the old site: (name, file), sorted.
fn shortcode_templates(src: &Path) -> Vec<Template> {
    let Ok(entries) = std::fs::read_dir(src.join("templates").join("shortcodes")) else {
        return Vec::new();
    };
    let mut found: Vec<Template> = entries
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
    "section.",
    "| markdown",
    "|markdown",
    "trans(",
];

/// The `page` and `config` fields folio gives a site's own shortcode, as
/// Zola does (see `shortcodes::PageFiles::context`).
const GIVEN: &[(&str, &str)] = &[
    ("page", "path"),
    ("page", "permalink"),
    ("page", "slug"),
    ("page", "lang"),
    ("config", "base_url"),
    ("config", "title"),
];

/// What the shortcode template `text` uses of Zola's that folio's
/// shortcodes lack: a function, a filter, or a field of `page` or `config`
/// beyond [`GIVEN`].
fn zola_only(text: &str) -> Option<String> {
    static FIELD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b(page|config)\.(\w+)").expect("valid regex")
    });
    if let Some(w) = ZOLA_ONLY.iter().find(|w| text.contains(**w)) {
        return Some(w.trim_start_matches('|').trim().to_string());
    }
    FIELD
        .captures_iter(text)
        .find(|c| !GIVEN.contains(&(&c[1], &c[2])))
        .map(|c| c[0].to_string())
}

/// An empty `templates/shortcodes/NAME.html` for each shortcode the imported
/// write-ups still call that is neither folio's nor copied (a theme's, when
/// the theme is not in the folder, or one folio cannot compile): the site
/// passes `check` and the calls stay for the owner to write it, as the
/// report says.
fn shortcode_stubs(
    planned: &[Planned],
    copied: &[String],
    hands: &mut Vec<String>,
) -> Vec<Planned> {
    let mut names = std::collections::BTreeSet::new();
    for p in planned {
        let What::Text(text) = &p.what else { continue };
        if p.rel.extension().is_none_or(|e| e != "md") {
            continue;
        }
        for c in super::body::ZOLA_CALL.captures_iter(text) {
            let name = &c[1];
            if !shortcodes::FOLIO.contains(&name) && !copied.iter().any(|n| n == name) {
                names.insert(name.to_string());
            }
        }
    }
    names
        .into_iter()
        .map(|name| {
            let rel = PathBuf::from("templates/shortcodes").join(format!("{name}.html"));
            hands.push(format!(
                "{}: written empty, so pages that call `{name}` build (it shows nothing); write it for folio, or remove its calls",
                rel.display()
            ));
            let text = format!(
                "{{#- `{name}`: a shortcode of the old site that was not imported. Write it here, or remove its calls. -#}}\n"
            );
            Planned { rel, what: What::Text(text) }
        })
        .collect()
}

/// The old site's own shortcodes, copied to `templates/shortcodes/`; one that
/// uses what only Zola has is named as needing a hand, one that folio cannot
/// compile is not copied (and named).
fn shortcode_files(
    (usable, failed): (Vec<Template>, Vec<(String, String)>),
    report: &mut Report,
) -> Vec<Planned> {
    let mut planned = Vec::new();
    for (name, why) in failed {
        report.site_hands.push(format!(
            "templates/shortcodes/{name}.html: not copied, folio cannot compile it ({why}); write it again for folio if a page calls `{name}`"
        ));
    }
    for (name, path) in usable {
        let rel = PathBuf::from("templates/shortcodes").join(format!("{name}.html"));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if let Some(what) = zola_only(&text) {
            report.site_hands.push(format!(
                "{}: the shortcode `{name}` uses `{what}`, which only Zola has; rewrite that part",
                rel.display(),
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
    let mut planned = Vec::new();
    if let Some(photo) = &owner.photo {
        let ext = photo.extension().and_then(|e| e.to_str()).unwrap_or("jpg");
        let rel = format!("photo.{}", ext.to_ascii_lowercase());
        profile.insert(y("photo"), y(&rel));
        planned.push(Planned {
            rel: PathBuf::from("content").join(rel),
            what: What::Copy(photo.clone()),
        });
    }
    let mut config = owner.config.clone();
    language_hint(&config, report);
    report.site_hands.extend(owner.hints.iter().cloned());
    if report.files.iter().any(|f| f.math) {
        let mut markdown = serde_yaml::Mapping::new();
        markdown.insert(y("math"), serde_yaml::Value::Bool(true));
        config.insert(y("markdown"), serde_yaml::Value::Mapping(markdown));
        report
            .profile
            .push("markdown.math: on (the write-ups have $…$ math)".into());
    }
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
    report.profile.splice(0..0, owner.mapped.iter().cloned());
    report.profile_missing = owner.missing.clone();
    let text = |m: serde_yaml::Mapping| {
        serde_yaml::to_string(&serde_yaml::Value::Mapping(m)).unwrap_or_default()
    };
    planned.push(Planned {
        rel: "folio.yaml".into(),
        what: What::Yaml(text(config)),
    });
    planned.push(Planned {
        rel: "content/profile.yaml".into(),
        what: What::Yaml(text(profile)),
    });
    planned
}

/// One warning when the default theme has no strings for the site's language.
fn language_hint(config: &serde_yaml::Mapping, report: &mut Report) {
    let Some(lang) = config.get("language").and_then(|v| v.as_str()) else {
        return;
    };
    if !crate::theme::builtin_has_strings("default", lang) {
        let primary = lang.split('-').next().unwrap_or(lang);
        report.site_hands.push(format!(
            "folio.yaml: language: {lang}: the theme has no {primary} strings, so its words (\"Projects\", \"Contact\", …) are in English; translate them in i18n/{primary}.yaml beside folio.yaml, with the keys of the theme's i18n/en.yaml"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zola_shortcode_is_named_only_for_what_folio_does_not_give_it() {
        let given = "{% set p = config.base_url ~ page.path ~ name %}<img src=\"{{ p }}\">";
        assert_eq!(zola_only(given), None);
        let more = "{{ page.title }} {{ config.extra.author }}";
        assert_eq!(zola_only(more).as_deref(), Some("page.title"));
        assert_eq!(
            zola_only("{{ config.extra.x }}").as_deref(),
            Some("config.extra")
        );
        assert_eq!(
            zola_only("{{ body | markdown | safe }}").as_deref(),
            Some("markdown")
        );
        assert_eq!(zola_only("{{ homepage.x }}"), None);
    }

    #[test]
    fn a_data_file_that_cannot_be_read_is_named_in_the_report() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        std::fs::create_dir_all(s.join("content/projects")).unwrap();
        std::fs::create_dir_all(s.join("data")).unwrap();
        std::fs::write(s.join("hugo.toml"), "title = \"Site\"\n").unwrap();
        std::fs::write(
            s.join("content/projects/kite.md"),
            "---\ntitle: Kite\n---\nText.\n",
        )
        .unwrap();
        std::fs::write(
            s.join("data/projects.yaml"),
            "- title: Sled\n  summary: \"open\n",
        )
        .unwrap();
        let section = Path::new("content/projects");
        let (report, _) = plan(s, Generator::Hugo, section, None).unwrap();
        let named: Vec<_> = report
            .site_hands
            .iter()
            .filter(|h| h.starts_with("data/projects.yaml:2:"))
            .collect();
        assert_eq!(named.len(), 1, "{:#?}", report.site_hands);
    }

    #[test]
    fn own_shortcodes_are_copied_zola_only_ones_named_and_broken_ones_left() {
        let dir = tempfile::tempdir().unwrap();
        let sc = dir.path().join("templates/shortcodes");
        std::fs::create_dir_all(&sc).unwrap();
        std::fs::write(sc.join("note.html"), "<aside>{{ body }}</aside>").unwrap();
        std::fs::write(sc.join("gh.html"), "<a href=\"{{ page.title }}\">x</a>").unwrap();
        std::fs::write(
            sc.join("img.html"),
            "{%- set s = resize_image(path=src, width=400, op=\"fit_width\") -%}<img src=\"{{ s.url }}\">",
        )
        .unwrap();
        std::fs::write(
            sc.join("card.html"),
            "{% import \"macros/ui.html\" as ui %}{{ ui::card(t=title) }}",
        )
        .unwrap();
        std::fs::write(sc.join("README.md"), "not a shortcode").unwrap();
        let mut report = Report::default();
        let planned = shortcode_files(own_shortcodes(dir.path()), &mut report);
        let rels: Vec<_> = planned.iter().map(|p| p.rel.clone()).collect();
        assert_eq!(
            rels,
            [
                PathBuf::from("templates/shortcodes/gh.html"),
                PathBuf::from("templates/shortcodes/note.html")
            ]
        );
        assert_eq!(report.shortcodes, ["gh", "note"]);
        let hands = &report.site_hands;
        assert_eq!(hands.len(), 3, "{hands:?}");
        assert!(hands[0].starts_with("templates/shortcodes/card.html: not copied"));
        assert!(hands[1].contains("img.html: not copied") && hands[1].contains("resize_image"));
        assert!(hands[2].contains("`gh` uses `page.title`"));
        assert_eq!(own_shortcodes(dir.path()).0.len(), 2);
    }
}
