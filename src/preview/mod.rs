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

/// Where the pages live, relative to the site's base path.
pub const PATH: &str = "__folio/profile/";

const CSS: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("copy.js");

/// The preview page a request target names, if it names one:
/// `BASE/__folio/profile/` (Upwork) or `BASE/__folio/profile/linkedin/` (with
/// or without the trailing slash or `index.html`). `serve` calls this before
/// looking the target up in the built site, with the last good site; the page
/// is rendered on request, so rebuilds cost nothing while it is not open.
pub fn page_at(site: &Site, base_path: &str, target: &str) -> Option<String> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let rest = path
        .strip_prefix(base_path)?
        .strip_prefix(PATH.trim_end_matches('/'))?;
    let rest = rest.trim_start_matches('/').trim_end_matches("index.html");
    let platform = match rest.trim_end_matches('/') {
        "" => Platform::Upwork,
        "linkedin" => Platform::Linkedin,
        _ => return None,
    };
    Some(render_page(site, platform))
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
    let mut html = String::with_capacity(64 * 1024);
    head(&mut html, platform);
    tabs(&mut html, &site.base_path, platform);
    match export::export(site, platform, &Which::All) {
        Ok(exports) => {
            summary(&mut html, &exports, platform);
            html.push_str("<main id=\"main\">\n");
            for e in &exports {
                fields::profile(&mut html, site, e);
            }
        }
        Err(e) => {
            // Only the platform settings in folio.yaml can fail here.
            html.push_str("<main id=\"main\">\n<section class=\"problem\" role=\"alert\"><h2>The profiles cannot be shown</h2><pre>");
            html.push_str(&esc(&e.render(false)));
            html.push_str("</pre></section>\n");
        }
    }
    html.push_str("<p id=\"copy-status\" class=\"sr-only\" role=\"status\" aria-live=\"polite\"></p>\n</main>\n");
    let _ = write!(html, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    html
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
            esc(&format!("{base}{PATH}{}", tab_path(p))),
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
            esc(&fields::profile_name(e)),
            fields::tally(e)
        );
    }
    html.push_str("</ul></nav>\n</header>\n");
}

/// Text for HTML: `&`, `<`, `>`, `"` and `'` escaped (attributes are double-quoted).
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
