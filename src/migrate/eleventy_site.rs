//! What an Eleventy site defines that its write-ups use, read from its
//! config file: whether it is one, and its paired shortcodes.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

/// A paired shortcode of the site's config (`addPairedNunjucksShortcode('list', …)`).
static PAIRED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"addPaired(?:Nunjucks|Liquid)?Shortcode\s*\(\s*["'`]([\w-]+)["'`]"#)
        .expect("valid regex")
});

/// Eleventy's config files, in the site's folder.
const CONFIGS: &[&str] = &[
    ".eleventy.js",
    ".eleventy.cjs",
    ".eleventy.mjs",
    "eleventy.config.js",
    "eleventy.config.cjs",
    "eleventy.config.mjs",
    "eleventy.config.ts",
];

/// What an Eleventy site defines that its write-ups use.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Site {
    /// Its paired shortcodes (`{% list %}…{% endlist %}`).
    pub paired: Vec<String>,
}

impl Site {
    /// The Eleventy site in `root` (a config file, or `@11ty/eleventy` in
    /// its `package.json`); `None` when it is not one.
    pub fn of(root: &Path) -> Option<Site> {
        let configs: Vec<String> = CONFIGS
            .iter()
            .filter_map(|c| small_text(&root.join(c)))
            .collect();
        let package = small_text(&root.join("package.json")).unwrap_or_default();
        if configs.is_empty() && !package.contains("\"@11ty/eleventy\"") {
            return None;
        }
        let mut paired: Vec<String> = configs
            .iter()
            .flat_map(|t| PAIRED.captures_iter(t).map(|c| c[1].to_string()))
            .collect();
        paired.sort();
        paired.dedup();
        Some(Site { paired })
    }
}

/// The text of `file` when it is a file of at most 1 MiB.
fn small_text(file: &Path) -> Option<String> {
    let meta = std::fs::metadata(file).ok()?;
    (meta.is_file() && meta.len() <= 1 << 20)
        .then(|| std::fs::read_to_string(file).ok())
        .flatten()
}
