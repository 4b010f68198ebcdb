//! The old site's settings in one object: its generator's config file (Hugo's
//! hugo.toml/config.*, Zola's config.toml, Jekyll's `_config.yml`), Hugo's
//! `config/_default/` params and languages, al-folio's `_data/socials.yml`, and
//! the language files; read by the importer's steps that need a setting.

use std::path::Path;

use serde_json::{Map, Value};

use super::frontmatter::{toml_to_json, yaml_to_json};
use super::person;

const CONFIGS: &[&str] = &[
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "config.toml",
    "zola.toml",
    "config.yaml",
    "config.yml",
    "config/_default/hugo.toml",
    "config/_default/config.toml",
    "config/_default/hugo.yaml",
    "config/_default/config.yaml",
    "_config.yml",
    "_config.yaml",
];

fn read_value(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).ok()?;
    if path.extension().is_some_and(|x| x == "toml") {
        toml::from_str::<toml::Table>(&text)
            .ok()
            .map(|t| toml_to_json(toml::Value::Table(t)))
    } else {
        serde_yaml::from_str::<serde_yaml::Value>(&text)
            .ok()
            .map(yaml_to_json)
    }
}

/// All settings of the old site in one object (params files merged in).
pub(super) fn settings(src: &Path) -> Map<String, Value> {
    let mut all = Map::new();
    for name in CONFIGS {
        if let Some(Value::Object(m)) = read_value(&src.join(name)) {
            for (k, v) in m {
                all.entry(k).or_insert(v);
            }
        }
    }
    for (file, key) in [
        ("config/_default/params.toml", "params"),
        ("config/_default/params.yaml", "params"),
        ("config/_default/languages.toml", "languages"),
        ("config/_default/languages.yaml", "languages"),
        ("_data/socials.yml", "socials"),
        ("_data/social.yml", "socials"),
    ] {
        if let Some(v) = read_value(&src.join(file)) {
            add_under(&mut all, key, v);
        }
    }
    person::language_files(src, |lang, v| {
        let mut one = Map::new();
        one.insert(lang.to_string(), v);
        add_under(&mut all, "languages", Value::Object(one));
    });
    all
}

/// `v` as `all[key]`; two tables are merged, the first one's keys winning.
fn add_under(all: &mut Map<String, Value>, key: &str, v: Value) {
    match (all.get_mut(key), v) {
        (Some(Value::Object(have)), Value::Object(add)) => {
            for (k, v) in add {
                have.entry(k).or_insert(v);
            }
        }
        (None, v) => {
            all.insert(key.to_string(), v);
        }
        _ => {}
    }
}
