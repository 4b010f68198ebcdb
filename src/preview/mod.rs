//! The live profile preview of `folio serve`: one page per platform at
//! `BASE/__folio/profile/` (Upwork) and `BASE/__folio/profile/linkedin/`,
//! showing every profile the way the platform lays it out, each field with its
//! count, limit, findings and a Copy button. The text is the export's
//! ([`crate::export`]), the same `folio profile` prints: one source of truth.
//!
//! The pages are never part of a build. `serve` answers their URLs with
//! [`page_at`], rendered from its last good site when asked, and the live-reload
//! script fetches them again after each rebuild like the site's own pages.

mod fields;

use std::fmt::Write;

use crate::content::model::Site;
use crate::export::{self, ProfileExport, Which};
use crate::platform::Platform;
use crate::util::escape_markup;

/// Where the pages live, relative to the site's base path.
pub const PATH: &str = "__folio/profile/";

const CSS: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("copy.js");

/// The preview page a request target names, if it names one:
/// `BASE/__folio/profile/` (Upwork) or `BASE/__folio/profile/linkedin/` (with
/// or without the trailing slash or `index.html`), and the same under a
/// language's prefix (`BASE/zh/__folio/profile/`) for the site in that
/// language. `sites` are the site in each of its languages, the default first.
/// `serve` calls this before looking the target up in the built site, with the
/// last good site; the page is rendered on request, so rebuilds cost nothing
/// while it is not open.
pub fn page_at(sites: &[&Site], base_path: &str, target: &str) -> Option<String> {
    sites.first()?; // No site yet: the first build failed.
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_prefix(base_path)?;
    let (current, path) = language_of(sites, path);
    let rest = path.strip_prefix(PATH.trim_end_matches('/'))?;
    let rest = rest.trim_start_matches('/').trim_end_matches("index.html");
    let platform = match rest.trim_end_matches('/') {
        "" => Platform::Upwork,
        "linkedin" => Platform::Linkedin,
        _ => return None,
    };
    Some(render_page_in(sites, current, platform))
}

/// The language a base-relative path is in (by its `zh/` prefix; the
/// default without one) and the path without the prefix.
fn language_of<'a>(sites: &[&Site], path: &'a str) -> (usize, &'a str) {
    for (i, site) in sites.iter().enumerate().skip(1) {
        if let Some(rest) = path
            .strip_prefix(site.lang.as_str())
            .and_then(|r| r.strip_prefix('/'))
        {
            return (i, rest);
        }
    }
    (0, path)
}

/// `""` for Upwork (the first tab), `linkedin/` for LinkedIn.
fn tab_path(platform: Platform) -> &'static str {
    match platform {
        Platform::Upwork => "",
        Platform::Linkedin => "linkedin/",
    }
}

/// The preview page of every profile of `site` on `platform`.
pub fn render_page(site: &Site, platform: Platform) -> String {
    render_page_in(&[site], 0, platform)
}

/// The preview page of `sites[current]` (the site in one of its languages,
/// the default first), with links to the page in the other languages.
pub fn render_page_in(sites: &[&Site], current: usize, platform: Platform) -> String {
    let Some(site) = sites.get(current).or(sites.first()) else {
        return String::new();
    };
    let prefix = lang_prefix(sites, current);
    let mut html = String::with_capacity(64 * 1024);
    head(&mut html, platform);
    tabs(&mut html, &format!("{}{prefix}", site.base_path), platform);
    languages(&mut html, sites, current, platform);
    match export::export(site, platform, &Which::All) {
        Ok(exports) => {
            summary(&mut html, &exports, platform);
            // The page's own words are English; the profiles' are the site's.
            match site.lang.as_str() {
                "en" => html.push_str("<main id=\"main\">\n"),
                lang => {
                    let _ = writeln!(html, "<main id=\"main\" lang=\"{}\">", escape_markup(lang));
                }
            }
            for e in &exports {
                fields::profile(&mut html, site, e);
            }
        }
        Err(e) => {
            // Only the platform settings in folio.yaml can fail here.
            html.push_str("<main id=\"main\">\n<section class=\"problem\" role=\"alert\"><h2>The profiles cannot be shown</h2><pre>");
            html.push_str(&escape_markup(&e.render(false)));
            html.push_str("</pre></section>\n");
        }
    }
    html.push_str("<p id=\"copy-status\" class=\"sr-only\" role=\"status\" aria-live=\"polite\"></p>\n</main>\n");
    let _ = write!(html, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    html
}

/// `zh/` for the page of a language besides the default; `""` for the default.
fn lang_prefix(sites: &[&Site], current: usize) -> String {
    match current {
        0 => String::new(),
        i => sites
            .get(i)
            .map_or_else(String::new, |s| format!("{}/", s.lang)),
    }
}

/// Links to the page in each language, when the site has more than one.
fn languages(html: &mut String, sites: &[&Site], current: usize, platform: Platform) {
    if sites.len() < 2 {
        return;
    }
    html.push_str("<nav aria-label=\"Language\"><ul class=\"tabs\">");
    for (i, site) in sites.iter().enumerate() {
        let mark = if i == current {
            " aria-current=\"page\""
        } else {
            ""
        };
        let href = format!(
            "{}{}{PATH}{}",
            site.base_path,
            lang_prefix(sites, i),
            tab_path(platform)
        );
        let _ = write!(
            html,
            "<li><a href=\"{}\" hreflang=\"{1}\" lang=\"{1}\"{mark}>{2}</a></li>",
            escape_markup(&href),
            escape_markup(&site.lang),
            escape_markup(&crate::config::native_name(&site.lang))
        );
    }
    html.push_str("</ul></nav>\n");
}

fn head(html: &mut String, platform: Platform) {
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<title>{} profile preview · folio</title>\n<style>{CSS}</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to the profiles</a>\n",
        platform.name()
    );
}

/// The page's heading and the tabs of the platforms (links to each page).
fn tabs(html: &mut String, base: &str, current: Platform) {
    let _ = write!(
        html,
        "<header class=\"top\">\n<p class=\"brand\">folio · only in <code>folio serve</code>, not part of your site</p>\n<h1>{} profile preview</h1>\n<nav aria-label=\"Platform\"><ul class=\"tabs\">",
        current.name()
    );
    for p in [Platform::Upwork, Platform::Linkedin] {
        let current = if p == current {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            html,
            "<li><a href=\"{}\"{current}>{}</a></li>",
            escape_markup(&format!("{base}{PATH}{}", tab_path(p))),
            p.name()
        );
    }
    html.push_str("</ul></nav>\n");
}

/// What the page shows, how it counts, and a link to each profile with its tally.
fn summary(html: &mut String, exports: &[ProfileExport], platform: Platform) {
    let _ = write!(
        html,
        "<p class=\"lede\">Each field as you paste it into {0}, with its count and {0}'s limit. <b>Copy</b> copies exactly what <code>folio profile{1}</code> prints for the field. Save a profile or project file and this page updates by itself.</p>\n<nav aria-label=\"Profiles\"><ul class=\"profiles\">",
        platform.name(),
        if platform == Platform::Linkedin {
            " --platform linkedin"
        } else {
            ""
        }
    );
    for e in exports {
        let _ = write!(
            html,
            "<li><a href=\"#{}\">{}</a> <span class=\"tally\">{}</span></li>",
            fields::profile_id(e),
            escape_markup(&fields::profile_name(e)),
            fields::tally(e)
        );
    }
    html.push_str("</ul></nav>\n</header>\n");
}

#[cfg(test)]
mod tests;
