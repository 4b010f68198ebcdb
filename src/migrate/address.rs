//! The old site's published address when its settings do not name it: a
//! GitHub Pages `CNAME`, Astro's `site:`, Eleventy's `url` in its data,
//! next-sitemap's `siteUrl` or `package.json`'s `homepage`; and whether an
//! address is one at all ([`not_the_site`]).

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

/// Where GitHub Pages reads its custom domain: the root, or the folder a
/// generator copies as it is (`public/`, `static/`, Eleventy's `src/`).
const CNAMES: &[&str] = &["CNAME", "public/CNAME", "static/CNAME", "src/CNAME"];

/// Eleventy's global data files with the site's `url`.
const ELEVENTY_DATA: &[&str] = &[
    "_data/metadata.json",
    "_data/site.json",
    "src/_data/metadata.json",
    "src/_data/site.json",
    "src/data/metadata.json",
    "src/data/site.json",
];

const ASTRO_CONFIGS: &[&str] = &[
    "astro.config.mjs",
    "astro.config.ts",
    "astro.config.js",
    "astro.config.mts",
];

const SITEMAP_CONFIGS: &[&str] = &[
    "next-sitemap.config.js",
    "next-sitemap.config.mjs",
    "next-sitemap.config.cjs",
];

/// `site: 'https://…'`, also after a fallback (`process.env.SITE || '…'`).
static ASTRO_SITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\bsite\s*:[^,\n]*?['"`](https?://[^'"`\s]+)['"`]"#).expect("valid regex")
});
static SITE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\bsiteUrl\s*:[^,\n]*?['"`](https?://[^'"`\s]+)['"`]"#).expect("valid regex")
});

/// The address of the site in `src` and the file it came from; when only
/// addresses that are not the site's are found, why each was not taken.
pub fn find(src: &Path) -> Result<(String, String), Vec<String>> {
    let mut refused = Vec::new();
    for (url, from) in candidates(src) {
        match not_the_site(&url).or_else(|| placeholder(&url)) {
            None => return Ok((url, from)),
            Some(why) => refused.push(format!("{from}: `{url}` {why}")),
        }
    }
    Err(refused)
}

/// Every address the site's files name, most trusted first.
fn candidates(src: &Path) -> Vec<(String, String)> {
    let read = |f: &&'static str| {
        let text = std::fs::read_to_string(src.join(f)).ok()?;
        Some((*f, text))
    };
    let mut found = Vec::new();
    for (f, text) in CNAMES.iter().filter_map(read) {
        found.extend(cname(&text).map(|u| (u, f.to_string())));
    }
    for (f, text) in ASTRO_CONFIGS.iter().filter_map(read) {
        found.extend(grab(&ASTRO_SITE, &text).map(|u| (u, format!("{f} site"))));
    }
    for (f, text) in ELEVENTY_DATA.iter().filter_map(read) {
        found.extend(json_text(&text, "url").map(|u| (u, format!("{f} url"))));
    }
    for (f, text) in SITEMAP_CONFIGS.iter().filter_map(read) {
        found.extend(grab(&SITE_URL, &text).map(|u| (u, format!("{f} siteUrl"))));
    }
    if let Some((f, text)) = read(&"package.json") {
        found.extend(json_text(&text, "homepage").map(|u| (u, format!("{f} homepage"))));
    }
    found
        .into_iter()
        .filter(|(u, _)| u.starts_with("http://") || u.starts_with("https://"))
        .collect()
}

/// The domain of a `CNAME` file as an address: `name.example` →
/// `https://name.example/`.
fn cname(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    if line.contains("://") {
        return Some(line.to_string());
    }
    let domain = line.trim_end_matches('/');
    let valid = domain.contains('.')
        && domain
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
    valid.then(|| format!("https://{domain}/"))
}

fn grab(re: &Regex, text: &str) -> Option<String> {
    re.captures(text).map(|c| c[1].to_string())
}

/// The text of the top-level `key` of a JSON object.
fn json_text(text: &str, key: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    Some(value.get(key)?.as_str()?.trim().to_string())
}

fn host(url: &str) -> Option<String> {
    let host = url.split("://").nth(1)?.split(['/', ':']).next()?;
    Some(
        host.to_ascii_lowercase()
            .trim_start_matches("www.")
            .to_string(),
    )
}

/// Why `url` is a starter's placeholder (Eleventy's base blog ships
/// `https://example.com/`), left as it came.
fn placeholder(url: &str) -> Option<&'static str> {
    let host = host(url)?;
    ["example.com", "example.org", "example.net"]
        .contains(&host.as_str())
        .then_some("is a starter's placeholder")
}

/// Why `url` is not a published site's address: a code host's repository
/// page or a local server.
pub fn not_the_site(url: &str) -> Option<&'static str> {
    let host = host(url)?;
    let host = host.as_str();
    if ["github.com", "gitlab.com", "bitbucket.org", "codeberg.org"].contains(&host) {
        Some("is a repository's page, not the site's address")
    } else if host == "localhost" || host.starts_with("127.") || host == "0.0.0.0" {
        Some("is a local server")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn found(files: &[(&str, &str)]) -> Result<(String, String), Vec<String>> {
        find(site(files).path())
    }

    #[test]
    fn each_generators_file_names_the_address() {
        let ok = |u: &str, f: &str| Ok((u.to_string(), f.to_string()));
        assert_eq!(
            found(&[("CNAME", "\nwww.ana.example\n")]),
            ok("https://www.ana.example/", "CNAME")
        );
        assert_eq!(
            found(&[(
                "astro.config.mjs",
                "export default defineConfig({\n  site: process.env.SITE || \"https://bo.example\",\n});\n"
            )]),
            ok("https://bo.example", "astro.config.mjs site")
        );
        assert_eq!(
            found(&[(
                "src/_data/metadata.json",
                "{\"title\": \"Cy\", \"url\": \"https://cy.example/\"}"
            )]),
            ok("https://cy.example/", "src/_data/metadata.json url")
        );
        assert_eq!(
            found(&[(
                "next-sitemap.config.js",
                "module.exports = {\n  siteUrl: process.env.SITE_URL || 'https://di.example',\n  generateRobotsTxt: true,\n}\n"
            )]),
            ok("https://di.example", "next-sitemap.config.js siteUrl")
        );
        assert_eq!(
            found(&[(
                "package.json",
                "{\"name\": \"x\", \"homepage\": \"https://ed.example/\"}"
            )]),
            ok("https://ed.example/", "package.json homepage")
        );
    }

    /// A custom domain is what readers are served: it wins over a homepage.
    #[test]
    fn the_cname_wins_and_what_is_not_the_site_is_refused() {
        let both = [
            ("package.json", "{\"homepage\": \"https://fa.example/\"}"),
            ("static/CNAME", "go.example"),
        ];
        assert_eq!(found(&both).unwrap().0, "https://go.example/");
        let refused = found(&[
            (
                "package.json",
                "{\"homepage\": \"https://github.com/ha/site\"}",
            ),
            ("_data/metadata.json", "{\"url\": \"https://example.com/\"}"),
            ("CNAME", "not a domain"),
        ])
        .unwrap_err();
        assert_eq!(refused.len(), 2, "{refused:?}");
        assert!(refused[0].contains("placeholder") && refused[1].contains("repository"));
        assert_eq!(
            found(&[("package.json", "{\"homepage\": \".\"}")]),
            Err(vec![])
        );
    }
}
