//! Which generator a site was made with, where its portfolio section is, and
//! which folders it publishes as they are (its static files).

use std::fmt;
use std::path::{Path, PathBuf};

/// The static-site generators `folio import site` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Generator {
    Hugo,
    Zola,
    Jekyll,
    Astro,
}

impl fmt::Display for Generator {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(match self {
            Generator::Hugo => "Hugo",
            Generator::Zola => "Zola",
            Generator::Jekyll => "Jekyll",
            Generator::Astro => "Astro",
        })
    }
}

/// Where portfolio write-ups usually live, most specific first.
pub const SECTIONS: &[&str] = &[
    "content/projects",
    "content/portfolio",
    "content/work",
    "content/project",
    "_projects",
    "_portfolio",
    "src/content/projects",
    "src/content/work",
    "src/content/portfolio",
];

fn contains(path: &Path, needle: &str) -> bool {
    std::fs::read_to_string(path).is_ok_and(|t| t.contains(needle))
}

/// Guesses the generator of the site in `src` from its configuration files.
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
    hugo_files.iter().any(|f| has(f)).then_some(Generator::Hugo)
}

/// The portfolio section of `src`: the first of [`SECTIONS`] that is a folder.
pub fn find_section(src: &Path) -> Option<PathBuf> {
    SECTIONS
        .iter()
        .map(PathBuf::from)
        .find(|s| src.join(s).is_dir())
}

/// Folders whose files the generator publishes at the site root, as they are.
pub fn static_roots(src: &Path, generator: Generator) -> Vec<PathBuf> {
    let names: &[&str] = match generator {
        Generator::Hugo => &["static", "assets"],
        Generator::Zola => &["static"],
        Generator::Jekyll => &[""],
        Generator::Astro => &["public"],
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
    format!("/{name}/")
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
        assert_eq!(find_section(dir.path()), Some(PathBuf::from("_projects")));
        assert_eq!(section_url(Path::new("_projects")), "/projects/");
        assert_eq!(section_url(Path::new("content/work")), "/work/");
    }
}
