//! Projects kept as a data list instead of Markdown write-ups: Jekyll's
//! `_data/projects.yml` (or the list a page loops over with
//! `{% for p in site.data.NAME %}`), Hugo's `data/projects.*`, the Toha
//! theme's `data/<lang>/sections/projects.yaml` and the hugo-profile theme's
//! `params.projects.items`: found, read, and one write-up planned per item
//! (its keys are mapped by [`super::dataitem`] and [`super::fields`]).

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value};

use super::datafile::parse;
use super::sources::{Record, Source, unique};

/// A data list of projects: the file holding it and its items.
#[derive(Debug)]
pub struct DataList {
    pub file: PathBuf,
    /// `_data/projects.yml`, or the key path inside a config file.
    pub place: String,
    pub items: Vec<Record>,
    /// The same list in the site's other languages (Toha's `data/<lang>/…`), not imported.
    pub others: Vec<String>,
    /// Its items without a title (or not a mapping of keys), not imported:
    /// where each is and how to fix it.
    pub untitled: Vec<String>,
}

impl DataList {
    /// What of the list is not imported, for the report: its items without
    /// a title, and the same list in other languages.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = self.untitled.clone();
        notes.extend(self.elsewhere());
        notes
    }

    /// The note naming the lists in other languages, which are not imported.
    pub fn elsewhere(&self) -> Option<String> {
        (!self.others.is_empty()).then(|| {
            format!(
                "{}: the projects in the site's other languages are not imported (a folio site has one language; {} was); write translations beside each write-up (index.<lang>.md) to keep them",
                self.others.join(", "),
                self.place
            )
        })
    }
}

/// The keys that name an item; an item without one is not a project.
const TITLES: &[&str] = &["title", "name"];
const EXTS: &[&str] = &["yml", "yaml", "json", "toml"];
/// Hugo's config files, where hugo-profile keeps `params.projects.items`.
const HUGO_CONFIGS: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config/_default/params.toml",
    "config/_default/params.yaml",
    "config/_default/hugo.toml",
    "config/_default/hugo.yaml",
    "config/_default/config.toml",
    "config/_default/config.yaml",
];

/// A loop over a data list: Jekyll's `{% for p in site.data.NAME %}`, Hugo's
/// `{{ range .Site.Data.NAME }}` (or `range $p := …`).
static LOOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\{%-?\s*for\s+\w+\s+in\s+site\.data\.([A-Za-z0-9_.-]+)|\{\{-?\s*range\s+(?:\$\w+(?:\s*,\s*\$\w+)?\s*:?=\s*)?(?:\$)?\.Site\.Data\.([A-Za-z0-9_.]+)",
    )
    .expect("valid regex")
});

/// The site's data list of projects, if it has one.
pub fn find(src: &Path) -> Option<DataList> {
    let mut files: Vec<(PathBuf, Vec<String>)> = Vec::new();
    for name in looped_names(src) {
        let mut keys: Vec<String> = name.split('.').map(str::to_string).collect();
        let first = keys.remove(0);
        for (base, ext) in ["_data", "data"]
            .iter()
            .flat_map(|b| EXTS.iter().map(move |x| (b, x)))
        {
            let file = src.join(base).join(format!("{first}.{ext}"));
            files.push((file, keys.clone()));
        }
    }
    for base in ["_data", "data"] {
        for ext in EXTS {
            files.push((src.join(base).join(format!("projects.{ext}")), Vec::new()));
        }
    }
    let toha = toha_files(src);
    files.extend(toha.iter().map(|f| (f.clone(), Vec::new())));
    let found = files.into_iter().find_map(|(file, keys)| {
        let items = records(&parse(&file)?, &keys);
        let place = rel(src, &file);
        titled(&items).then(|| list(file, place, items))
    });
    let mut found = found.or_else(|| hugo_params(src))?;
    let per_language = language_files(src);
    let others = toha
        .iter()
        .chain(&per_language)
        .filter(|f| **f != found.file && parse(f).is_some_and(|v| titled(&records(&v, &[]))));
    let others: Vec<String> = others.map(|f| rel(src, f)).collect();
    found.others.extend(others);
    Some(found)
}

/// `data/<lang>/projects.*`: a list of projects per language.
fn language_files(src: &Path) -> Vec<PathBuf> {
    data_dirs(src)
        .iter()
        .filter(|d| {
            let name = d.file_name().map(|n| n.to_string_lossy().into_owned());
            name.is_some_and(|n| super::sources::is_language(&n))
        })
        .flat_map(|d| EXTS.iter().map(move |x| d.join(format!("projects.{x}"))))
        .collect()
}

/// The folders of `data/`, sorted.
fn data_dirs(src: &Path) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(src.join("data"))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Whether a list has an item with a title (else it is not a list of projects).
fn titled(items: &[Value]) -> bool {
    items
        .iter()
        .filter_map(Value::as_object)
        .any(|i| title(i).is_some())
}

/// The list of `file`: its items with a title, the others named.
fn list(file: PathBuf, place: String, items: Vec<Value>) -> DataList {
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let lines = title_lines(&text, &items);
    let n = items.len();
    let mut untitled = Vec::new();
    let mut records = Vec::new();
    for (i, (item, line)) in items.into_iter().zip(lines).enumerate() {
        let at = format!(
            "{}{}",
            rel_file(&place),
            line.map_or(String::new(), |l| format!(":{l}"))
        );
        let Value::Object(map) = item else {
            untitled.push(not_a_mapping(&at, i + 1, n, &item));
            continue;
        };
        if title(&map).is_some() {
            let (line, place) = (line.unwrap_or(1), place.clone());
            records.push(Record {
                map,
                line,
                place,
                text: None,
            });
            continue;
        }
        untitled.push(format!(
            "{at}: item {} of {n} has no title, so it was not imported: add `title:` to it and import again",
            i + 1
        ));
    }
    DataList {
        file,
        place,
        items: records,
        others: Vec::new(),
        untitled,
    }
}

/// The note for item `i` of `n`, at `at`, that is not a mapping of keys
/// (`- "Kite"`): not imported, and how to write it.
fn not_a_mapping(at: &str, i: usize, n: usize, item: &Value) -> String {
    let (what, fix) = match item {
        Value::String(s) if !s.trim().is_empty() => (
            format!("only the text \"{}\"", s.trim()),
            format!("write it as `- title: {}`", s.trim()),
        ),
        Value::Number(x) => (
            format!("only the number {x}"),
            format!("write it as `- title: {x}`"),
        ),
        Value::Array(_) => ("a list".into(), "write it as `- title: …`".into()),
        _ => ("empty".into(), "give it a `title:` or delete it".into()),
    };
    format!(
        "{at}: item {i} of {n} is {what}, not a mapping of keys, so it was not imported: {fix} and import again"
    )
}

/// The file of a place (`hugo.yaml (params.projects.items)` → `hugo.yaml`).
fn rel_file(place: &str) -> &str {
    place.split(" (").next().unwrap_or(place)
}

/// hugo-profile's `params.projects.items` in the site's Hugo config.
fn hugo_params(src: &Path) -> Option<DataList> {
    HUGO_CONFIGS.iter().find_map(|name| {
        let file = src.join(name);
        let value = parse(&file)?;
        let params_file = name.ends_with("params.toml") || name.ends_with("params.yaml");
        let keys = if params_file {
            vec!["projects".to_string(), "items".into()]
        } else {
            params_keys(&value)
        };
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let items = items_at(&value, &keys);
        let place = format!("{} ({})", rel(src, &file), keys.join("."));
        let others = language_lists(&value, &keys);
        let others = others.iter().map(|k| format!("{} ({k})", rel(src, &file)));
        let others = others.collect();
        let found = titled(&items).then(|| list(file, place, items))?;
        Some(DataList { others, ..found })
    })
}

/// hugo-profile's lists of the config's languages other than the one at `chosen`.
fn language_lists(config: &Value, chosen: &[&str]) -> Vec<String> {
    let Some(Value::Object(langs)) = config.get("languages") else {
        return Vec::new();
    };
    let mut names: Vec<&String> = langs.keys().collect();
    names.sort();
    names
        .into_iter()
        .map(|l| ["languages", l.as_str(), "params", "projects", "items"])
        .filter(|keys| keys[..2] != chosen[..chosen.len().min(2)])
        .filter(|keys| titled(&items_at(config, keys)))
        .map(|keys| keys.join("."))
        .collect()
}

/// Where a Hugo config keeps hugo-profile's projects: `params.projects.items`,
/// else under the first language that has them (`languages.en.params…`).
fn params_keys(config: &Value) -> Vec<String> {
    let top = ["params", "projects", "items"].map(String::from).to_vec();
    if titled(&items_at(config, &["params", "projects", "items"])) {
        return top;
    }
    let Some(Value::Object(langs)) = config.get("languages") else {
        return top;
    };
    let mut names: Vec<&String> = langs.keys().collect();
    names.sort_by_key(|n| (n.as_str() != "en", n.as_str()));
    names
        .into_iter()
        .map(|l| {
            ["languages", l, "params", "projects", "items"]
                .map(String::from)
                .to_vec()
        })
        .find(|keys| {
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            titled(&items_at(config, &keys))
        })
        .unwrap_or(top)
}

/// Toha's `data/<lang>/sections/projects.yaml` (and `data/sections/…`), sorted.
fn toha_files(src: &Path) -> Vec<PathBuf> {
    let data = src.join("data");
    let mut dirs = data_dirs(src);
    // English first: the language most sites default to.
    dirs.sort_by_key(|d| !d.ends_with("en"));
    dirs.insert(0, data);
    dirs.iter()
        .flat_map(|d| {
            EXTS.iter()
                .map(move |x| d.join(format!("sections/projects.{x}")))
        })
        .collect()
}

/// The names of data lists a projects page (or a Hugo layout) loops over
/// ([`LOOP`]), for pages or lists named like a portfolio.
fn looped_names(src: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let pages = walkdir::WalkDir::new(src)
        .max_depth(3)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let n = e.file_name().to_string_lossy();
            e.depth() == 0
                || !(n.starts_with('.') || n == "_site" || n == "node_modules" || n == "_data")
        })
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            let p = e.path().to_string_lossy().to_ascii_lowercase();
            p.ends_with(".html") || p.ends_with(".md") || p.ends_with(".liquid")
        });
    for page in pages {
        let text = std::fs::read_to_string(page.path()).unwrap_or_default();
        let page_name = page.file_name().to_string_lossy().to_ascii_lowercase();
        for c in LOOP.captures_iter(&text) {
            let Some(name) = c.get(1).or(c.get(2)) else {
                continue;
            };
            let name = name.as_str().trim_end_matches('.').to_string();
            let site_part = ["nav", "menu", "social", "link"]
                .iter()
                .any(|w| name.to_ascii_lowercase().contains(w));
            let wanted = portfolio_like(&name) || portfolio_like(&page_name) && !site_part;
            if wanted && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    // Lists named like a portfolio first, then those a portfolio page loops over.
    names.sort_by_key(|n| !portfolio_like(n));
    names
}

fn portfolio_like(s: &str) -> bool {
    let s = s.to_ascii_lowercase();
    ["project", "portfolio", "work"]
        .iter()
        .any(|w| s.contains(w))
}

/// The items of a data file's value under `keys`: a list at the top, or under
/// `projects`, `items` or the only key.
fn records(value: &Value, keys: &[String]) -> Vec<Value> {
    let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
    let value = keys.iter().try_fold(value, |v, k| v.get(*k));
    let Some(value) = value else {
        return Vec::new();
    };
    let list = match value {
        Value::Object(o) => ["projects", "items"]
            .iter()
            .find_map(|k| o.get(*k))
            .or_else(|| (o.len() == 1).then(|| o.values().next()).flatten()),
        v => Some(v),
    };
    list.map(|l| items_at(l, &[])).unwrap_or_default()
}

/// The items of the list at `keys` of `value` (those without a title or
/// not a mapping too: they are named, see [`list`]).
fn items_at(value: &Value, keys: &[&str]) -> Vec<Value> {
    let Some(Value::Array(list)) = keys.iter().try_fold(value, |v, k| v.get(*k)) else {
        return Vec::new();
    };
    list.clone()
}

/// The first of the item's naming keys with text (`name: 2048` is text too).
fn title(item: &Map<String, Value>) -> Option<String> {
    TITLES.iter().find_map(|k| {
        let text = match item.get(*k)? {
            Value::String(s) => s.trim().to_string(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        (!text.is_empty()).then_some(text)
    })
}

/// The line of each item's title in `text` (of its first text, for an item
/// without one; of itself, for a text or number), searched in order; `None`
/// when not found.
fn title_lines(text: &str, items: &[Value]) -> Vec<Option<usize>> {
    let lines: Vec<&str> = text.lines().collect();
    let mut from = 0;
    items
        .iter()
        .map(|item| {
            let t = match item {
                Value::Object(item) => title(item).or_else(|| first_text(item)),
                Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            }?;
            let i = lines[from.min(lines.len())..]
                .iter()
                .position(|l| l.contains(&t))?;
            from += i + 1;
            Some(from)
        })
        .collect()
}

/// The first non-empty string value of an item.
fn first_text(item: &Map<String, Value>) -> Option<String> {
    item.values()
        .filter_map(Value::as_str)
        .map(str::trim)
        .find(|s| !s.is_empty())
        .map(str::to_string)
}

/// One write-up per item of `list`, slugged from its title.
pub fn sources(list: &DataList) -> Vec<Source> {
    let mut taken = Vec::new();
    list.items
        .iter()
        .map(|r| {
            let title = title(&r.map).unwrap_or_default();
            let (slug, collided) = unique(&mut taken, &crate::slug::slugify(&title));
            Source {
                path: list.file.clone(),
                bundle: None,
                slug,
                file_date: None,
                mdx: false,
                collided,
                part: None,
                record: Some(r.clone()),
            }
        })
        .collect()
}

/// The items of `list` no write-up has (by slug or title), for the report.
pub fn uncovered(list: &DataList, writeups: &[Source]) -> Vec<String> {
    list.items
        .iter()
        .filter_map(|r| title(&r.map))
        .filter(|t| {
            let slug = crate::slug::slugify(t);
            !writeups.iter().any(|s| s.slug == slug)
        })
        .collect()
}

fn rel(src: &Path, file: &Path) -> String {
    file.strip_prefix(src)
        .unwrap_or(file)
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    #[test]
    fn a_jekyll_page_loop_names_the_list() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        write(
            s,
            "_pages/work.html",
            "{% for nav in site.data.nav %}{% endfor %}\n{%- for p in site.data.builds -%}{{ p.name }}{% endfor %}",
        );
        write(s, "_data/nav.yml", "- name: Home\n");
        write(
            s,
            "_data/builds.yml",
            "# mine\n- name: Kettle\n  link: //kettle.example.org\n- name: Spoon\n- link: nameless\n",
        );
        let list = find(s).unwrap();
        assert_eq!(list.place, "_data/builds.yml");
        let lines: Vec<usize> = list.items.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 4], "the nameless item is not a project");
        assert_eq!(
            list.untitled,
            [
                "_data/builds.yml:5: item 3 of 3 has no title, so it was not imported: add `title:` to it and import again"
            ]
        );
        assert_eq!(list.notes(), list.untitled);
        let slugs: Vec<String> = sources(&list).into_iter().map(|s| s.slug).collect();
        assert_eq!(slugs, ["kettle", "spoon"]);
    }

    #[test]
    fn items_that_are_not_mappings_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        write(
            s,
            "_data/projects.yml",
            "- title: Sled\n- \"Kite\"\n- 2048\n-\n- [a, b]\n",
        );
        let list = find(s).unwrap();
        assert_eq!(list.items.len(), 1);
        let end = ", not a mapping of keys, so it was not imported: ";
        assert_eq!(
            list.notes(),
            [
                format!(
                    "_data/projects.yml:2: item 2 of 5 is only the text \"Kite\"{end}write it as `- title: Kite` and import again"
                ),
                format!(
                    "_data/projects.yml:3: item 3 of 5 is only the number 2048{end}write it as `- title: 2048` and import again"
                ),
                format!(
                    "_data/projects.yml: item 4 of 5 is empty{end}give it a `title:` or delete it and import again"
                ),
                format!(
                    "_data/projects.yml: item 5 of 5 is a list{end}write it as `- title: …` and import again"
                ),
            ]
        );
    }

    #[test]
    fn a_number_or_a_name_beside_an_empty_title_names_the_item() {
        let item = |json: &str| serde_json::from_str::<Map<String, Value>>(json).unwrap();
        assert_eq!(title(&item(r#"{"name": 2048}"#)).as_deref(), Some("2048"));
        assert_eq!(
            title(&item(r#"{"title": "", "name": "Kite"}"#)).as_deref(),
            Some("Kite")
        );
        assert_eq!(title(&item(r#"{"title": " "}"#)), None);
    }

    #[test]
    fn a_hugo_layout_range_names_the_list() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        write(
            s,
            "layouts/partials/showcase.html",
            "{{ range $i, $p := .Site.Data.work.items }}<h3>{{ $p.title }}</h3>{{ end }}",
        );
        write(
            s,
            "data/work.json",
            r#"{"items": [{"title": "Sled"}], "heading": "Work"}"#,
        );
        let list = find(s).unwrap();
        assert_eq!(list.place, "data/work.json");
        assert_eq!(list.items[0].map["title"], "Sled");
    }

    #[test]
    fn toha_and_hugo_profile_lists_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        write(
            s,
            "hugo.yaml",
            "params:\n  projects:\n    items:\n      - title: Lamp\n        content: Bright.\n",
        );
        assert_eq!(find(s).unwrap().place, "hugo.yaml (params.projects.items)");
        write(
            s,
            "data/en/sections/projects.yaml",
            "section:\n  name: Projects\nprojects:\n- name: Kite\n  timeline: \"Jun 2024 - Sep 2024\"\n",
        );
        write(
            s,
            "data/fr/sections/projects.yaml",
            "projects:\n- name: Cerf-volant\n",
        );
        let list = find(s).unwrap();
        assert_eq!(list.place, "data/en/sections/projects.yaml");
        assert_eq!(list.others, ["data/fr/sections/projects.yaml"]);
        assert!(list.elsewhere().unwrap().contains("other languages"));
        assert_eq!(list.items[0].line, 4);
    }

    #[test]
    fn lists_of_other_languages_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        write(
            s,
            "hugo.yaml",
            "languages:\n  en:\n    params:\n      projects:\n        items:\n          - title: Lamp\n  fr:\n    params:\n      projects:\n        items:\n          - title: Lampe\n",
        );
        let list = find(s).unwrap();
        assert_eq!(list.place, "hugo.yaml (languages.en.params.projects.items)");
        assert_eq!(
            list.others,
            ["hugo.yaml (languages.fr.params.projects.items)"]
        );
        let dir = tempfile::tempdir().unwrap();
        let s = dir.path();
        write(s, "data/projects.yaml", "- title: Kite\n");
        write(s, "data/fr/projects.yaml", "- title: Cerf-volant\n");
        write(s, "data/de/projects.yaml", "- link: none\n");
        let list = find(s).unwrap();
        assert_eq!(list.others, ["data/fr/projects.yaml"]);
        assert!(list.notes()[0].starts_with(
            "data/fr/projects.yaml: the projects in the site's other languages are not imported"
        ));
    }

    #[test]
    fn hugo_profile_projects_of_a_language_are_found() {
        let config: Value = serde_json::json!({
            "params": {"projects": {"enable": true}},
            "languages": {
                "fr": {"params": {"projects": {"items": [{"title": "Lampe"}]}}},
                "en": {"params": {"projects": {"items": [{"title": "Lamp"}]}}}
            }
        });
        assert_eq!(
            params_keys(&config),
            ["languages", "en", "params", "projects", "items"]
        );
    }
}
