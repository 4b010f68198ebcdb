//! Images a JavaScript site keeps on an image host rather than in its
//! folder: `@nuxt/image` with a provider's `baseURL` (Cloudinary, imgix,
//! ImageKit…) in `nuxt.config`, whose write-ups name `v1690/work/shot.jpg`.
//! Such an image stays where it is, at the host's full address.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::refs::Refs;

/// `image: { <provider>: { baseURL: 'https://…' } }` in a Nuxt config.
static BASE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)\bimage\s*:\s*\{.{0,400}?\bbaseURL\s*:\s*["'](https://[^"'\s]+)["']"#)
        .expect("valid regex")
});

/// The image host's address (ending in `/`) named in the site's Nuxt config.
pub fn of(src: &Path) -> Option<String> {
    ["nuxt.config.ts", "nuxt.config.js", "nuxt.config.mjs"]
        .iter()
        .find_map(|name| std::fs::read_to_string(src.join(name)).ok())
        .and_then(|text| host_in(&text))
}

fn host_in(config: &str) -> Option<String> {
    let base = BASE_URL.captures(config)?.get(1)?.as_str();
    Some(format!("{}/", base.trim_end_matches('/')))
}

/// The full address of `path` (not a file of the site) on the site's image
/// host; `None` without a host, or for a path that climbs (`../x.png`).
pub fn url(refs: &Refs, path: &str) -> Option<String> {
    let host = refs.site_image_host()?;
    let path = path.trim_start_matches("./").trim_start_matches('/');
    let is_image = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| crate::images::Kind::of_extension(e).is_some());
    (is_image && !path.starts_with("..") && !path.contains("://")).then(|| format!("{host}{path}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nuxt_image_providers_base_url_is_the_host() {
        let config = "export default defineNuxtConfig({\n  modules: ['@nuxt/image'],\n  image: {\n    cloudinary: {\n      baseURL: 'https://res.cloudinary.com/demo/image/upload/',\n    },\n  },\n  app: { baseURL: '/' },\n})\n";
        assert_eq!(
            host_in(config).as_deref(),
            Some("https://res.cloudinary.com/demo/image/upload/")
        );
        assert_eq!(
            host_in("export default { app: { baseURL: 'https://x.example/' } }"),
            None
        );
    }
}
