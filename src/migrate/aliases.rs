//! Import path aliases a JavaScript site declares in `tsconfig.json` or
//! `jsconfig.json` (`"paths": {"@lib/*": ["src/lib/*"]}`, from `baseUrl`):
//! Astro and Vite resolve a cover named `@lib/assets/pic.png` through them,
//! so the import does too. The files are JSON with comments and trailing
//! commas (JSONC), as TypeScript reads them.

use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Config {
    #[serde(default)]
    compiler_options: Options,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Options {
    base_url: Option<String>,
    #[serde(default)]
    paths: std::collections::BTreeMap<String, Vec<String>>,
}

/// The site's aliases as (prefix, folder): `@lib/` → `<root>/src/lib/`; an
/// alias without `*` names one file (`@data` → `<root>/src/data.json`).
/// Longer prefixes come first, so the most specific alias wins.
pub fn of(root: &Path) -> Vec<(String, PathBuf)> {
    let mut aliases: Vec<(String, PathBuf)> = ["tsconfig.json", "jsconfig.json"]
        .iter()
        .filter_map(|name| std::fs::read_to_string(root.join(name)).ok())
        .filter_map(|text| {
            let options = jsonc_parser::ParseOptions::default();
            jsonc_parser::parse_to_serde_value::<Option<Config>>(&text, &options).ok()?
        })
        .flat_map(|config| {
            let options = config.compiler_options;
            let base = root.join(options.base_url.as_deref().unwrap_or("."));
            options
                .paths
                .into_iter()
                .filter_map(move |(alias, targets)| {
                    let target = targets.into_iter().next()?;
                    Some((
                        alias.trim_end_matches('*').to_string(),
                        base.join(target.trim_end_matches('*')),
                    ))
                })
        })
        .filter(|(alias, _)| !alias.is_empty())
        .collect();
    aliases.sort_by_key(|(alias, _)| std::cmp::Reverse(alias.len()));
    aliases
}

/// The file `path` names through one of `aliases`, when it exists.
pub fn resolve(aliases: &[(String, PathBuf)], path: &str) -> Option<PathBuf> {
    aliases.iter().find_map(|(alias, target)| {
        let rest = path.strip_prefix(alias.as_str())?;
        let file = if rest.is_empty() {
            target.clone()
        } else {
            target.join(rest)
        };
        file.is_file().then_some(file)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cover_named_through_a_tsconfig_alias_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("src/lib/assets/a")).unwrap();
        std::fs::write(root.join("src/lib/assets/a/pic.png"), "x").unwrap();
        std::fs::write(
            root.join("tsconfig.json"),
            "{\n\t// Astro's strict settings\n\t\"extends\": \"astro/tsconfigs/strict\",\n\
             \t\"compilerOptions\": {\n\t\t\"baseUrl\": \".\",\n\t\t\"paths\": {\n\
             \t\t\t\"@components/*\": [\"src/components/*\"],\n\
             \t\t\t\"@lib/*\": [\"src/lib/*\"], /* images */\n\t\t},\n\t},\n}\n",
        )
        .unwrap();
        let aliases = of(root);
        assert_eq!(aliases.len(), 2);
        assert_eq!(
            resolve(&aliases, "@lib/assets/a/pic.png"),
            Some(root.join("./src/lib/assets/a/pic.png"))
        );
        assert_eq!(resolve(&aliases, "@lib/assets/a/none.png"), None);
        assert_eq!(resolve(&aliases, "lib/assets/a/pic.png"), None);
    }

    #[test]
    fn no_config_or_a_broken_one_gives_no_aliases() {
        let dir = tempfile::tempdir().unwrap();
        assert!(of(dir.path()).is_empty());
        std::fs::write(
            dir.path().join("jsconfig.json"),
            "{ \"compilerOptions\": [ ",
        )
        .unwrap();
        assert!(of(dir.path()).is_empty());
    }
}
