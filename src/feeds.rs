//! Machine-readable files: `sitemap.xml`, `robots.txt` and the Atom feed of
//! projects (`feed.xml`). All their URLs come from `base_url`.

use crate::content::model::{Location, Site};
use crate::date::Date;

use crate::markdown::escape_markup as escape_xml;

/// `https://ana.github.io` for `https://ana.github.io/portfolio/`; empty for a relative base.
pub fn origin(base_url: &str) -> &str {
    match base_url.split_once("://") {
        Some((scheme, rest)) => {
            let host_end = rest
                .find('/')
                .map_or(base_url.len(), |i| scheme.len() + 3 + i);
            &base_url[..host_end]
        }
        None => "",
    }
}

/// An absolute URL for a site URL path (`/portfolio/a.png`), when the base URL
/// is absolute; a URL that is already absolute (a cover on another host) as is.
pub fn absolute(base_url: &str, url: &str) -> String {
    if url.starts_with("https://") || url.starts_with("http://") {
        return url.to_string();
    }
    if url.starts_with("//") {
        let scheme = base_url.split_once("://").map_or("https", |(s, _)| s);
        return format!("{scheme}:{url}");
    }
    format!("{}{url}", origin(base_url))
}

fn latest(site: &Site) -> Option<Date> {
    site.projects
        .iter()
        .filter_map(|p| p.date_raw)
        .max_by_key(|d| d.sort_key())
}

/// (language, URL) of the versions of a page, for the sitemap's alternates.
pub type Alternates<'a> = dyn Fn(&Site, &Location) -> Vec<(String, String)> + 'a;

/// Every page of every language of the site (`sites`, one load per
/// language) with its last-modified date where one is known and, with more
/// than one language, its `xhtml:link` alternates.
pub fn sitemap(sites: &[&Site], alternates: &Alternates) -> String {
    let many = sites.len() > 1;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
    );
    if many {
        out.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
    }
    out.push_str(">\n");
    for site in sites {
        for (l, d) in sitemap_entries(site) {
            out.push_str("  <url>\n    <loc>");
            out.push_str(&escape_xml(&l.permalink));
            out.push_str("</loc>\n");
            if let Some(d) = d {
                out.push_str(&format!("    <lastmod>{}</lastmod>\n", d.iso()));
            }
            for (lang, href) in alternates(site, &l).into_iter().filter(|_| many) {
                out.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    escape_xml(&lang),
                    escape_xml(&href)
                ));
            }
            out.push_str("  </url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// The pages of one language with their last-modified dates.
fn sitemap_entries(site: &Site) -> Vec<(Location, Option<Date>)> {
    let mut entries: Vec<(Location, Option<Date>)> = Vec::new();
    let loc = |path: &str| {
        let path = format!("{}{path}", site.lang_prefix);
        Location::new(&site.config, &site.base_path, &path)
    };
    let newest = latest(site);
    entries.push((loc(""), newest));
    entries.push((loc("projects/"), newest));
    for p in &site.projects {
        entries.push((p.location.clone(), p.date_raw));
    }
    entries.push((loc("skills/"), newest));
    let date_of: std::collections::HashMap<&str, Date> = site
        .projects
        .iter()
        .filter_map(|p| Some((p.slug.as_str(), p.date_raw?)))
        .collect();
    let newest_of = |slugs: &[String]| {
        slugs
            .iter()
            .filter_map(|slug| date_of.get(slug.as_str()).copied())
            .max_by_key(|d| d.sort_key())
    };
    for s in &site.skills {
        entries.push((s.location.clone(), newest_of(&s.projects)));
    }
    for t in &site.tags {
        entries.push((t.location.clone(), newest_of(&t.projects)));
    }
    for sp in &site.profiles {
        entries.push((sp.location.clone(), None));
    }
    entries.push((loc("resume/"), None));
    for p in &site.pages {
        entries.push((p.location.clone(), None));
    }
    entries
}

pub fn robots(site: &Site) -> String {
    let sitemap = Location::new(&site.config, &site.base_path, "sitemap.xml");
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        sitemap.permalink
    )
}

fn rfc3339(d: &Date) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        d.year,
        d.month.unwrap_or(1),
        d.day.unwrap_or(1)
    )
}

/// An Atom feed of the projects, newest first.
pub fn atom(site: &Site) -> String {
    let home = Location::new(&site.config, &site.base_path, &site.lang_prefix);
    let feed = format!("{}feed.xml", site.lang_prefix);
    let me = Location::new(&site.config, &site.base_path, &feed);
    let newest = latest(site);
    let updated = newest.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| rfc3339(&d));
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n  <subtitle>{}</subtitle>\n  <id>{}</id>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n  <updated>{updated}</updated>\n  <author><name>{}</name></author>\n  <generator>folio</generator>\n",
        escape_xml(&site.config.language),
        escape_xml(&site.config.title),
        escape_xml(&site.profile.title),
        escape_xml(&home.permalink),
        escape_xml(&home.permalink),
        escape_xml(&me.permalink),
        escape_xml(&site.profile.name),
    );
    for p in &site.projects {
        out.push_str(&format!(
            "  <entry>\n    <title>{}</title>\n    <id>{}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n    <updated>{}</updated>\n    <summary type=\"html\">{}</summary>\n",
            escape_xml(&p.title),
            escape_xml(&p.location.permalink),
            escape_xml(&p.location.permalink),
            // Atom needs a date: an undated project takes the newest one.
            p.date_raw.or(newest).map_or("1970-01-01T00:00:00Z".into(), |d| rfc3339(&d)),
            escape_xml(&p.summary_html),
        ));
        for s in &p.skills {
            out.push_str(&format!(
                "    <category term=\"{}\" label=\"{}\"/>\n",
                escape_xml(&s.slug),
                escape_xml(&s.name)
            ));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins() {
        assert_eq!(
            origin("https://ana.github.io/portfolio/"),
            "https://ana.github.io"
        );
        assert_eq!(origin("https://ana.dev/"), "https://ana.dev");
        assert_eq!(origin("http://127.0.0.1:8000/x/"), "http://127.0.0.1:8000");
        assert_eq!(origin("/"), "");
        assert_eq!(
            absolute("https://ana.dev/p/", "/p/a.png"),
            "https://ana.dev/p/a.png"
        );
    }
}
