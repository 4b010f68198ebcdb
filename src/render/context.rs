//! What each page's context is made from: its `page` variable (title,
//! description, URLs, image, structured data), and a project page's context.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;
use tera::{Context, Value};

use super::languages::{Alternate, HrefLang, Languages};
use crate::cards::{Picture, SHARE};
use crate::content::model::{Location, Project, Site};
use crate::feeds::absolute;

/// What every page's `page` variable holds.
#[derive(Debug, Serialize)]
pub(super) struct PageMeta<'a> {
    /// home, projects, project, skills, skill, profile, resume, page, 404
    kind: &'a str,
    title: String,
    description: String,
    path: String,
    url: String,
    permalink: String,
    /// An absolute URL of the page's image (a project's cover, else the photo).
    image: Option<String>,
    image_alt: Option<String>,
    /// The image's size, when known (share cards: 1200×630).
    image_width: Option<u32>,
    image_height: Option<u32>,
    /// Structured data (schema.org JSON-LD) for the page, ready for a
    /// `<script type="application/ld+json">` element.
    pub(super) jsonld: Option<String>,
    /// The page's language (`zh`).
    lang: String,
    /// The page in every language of the site (empty with one language).
    alternates: Vec<Alternate>,
    /// Its `<link rel="alternate" hreflang>` links (empty with one language).
    hreflang: Vec<HrefLang>,
}

/// JSON for a `<script>` element: `<`, `>` and `&` are written as `\u003c`,
/// `\u003e` and `\u0026` (still the same JSON), so neither `</script` nor
/// `<!--<script` in a title can end the element or swallow the page after it.
pub(super) fn script_json(v: &serde_json::Value) -> String {
    let json = v.to_string();
    let mut out = String::with_capacity(json.len());
    let mut rest = json.as_str();
    while let Some(at) = rest.find(['<', '>', '&']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            _ => "\\u0026",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out
}

/// schema.org `Person` for the site's owner.
pub(super) fn person(site: &Site) -> serde_json::Value {
    let p = &site.profile;
    let home = Location::new(&site.config, &site.base_path, &site.lang_prefix);
    let mut v = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Person",
        "name": p.name,
        "jobTitle": p.title,
        "url": home.permalink,
        "knowsAbout": p.skills.iter().map(|s| s.name.clone()).collect::<Vec<_>>(),
    });
    if let Some(photo) = &p.photo {
        v["image"] = serde_json::json!(absolute(&site.config.base_url, &photo.url));
    }
    if !p.links.is_empty() {
        v["sameAs"] = serde_json::json!(p.links.iter().map(|l| l.url.clone()).collect::<Vec<_>>());
    }
    if let Some(l) = &p.location {
        v["homeLocation"] = serde_json::json!({"@type": "Place", "name": l});
    }
    v
}

/// schema.org `BreadcrumbList` from (name, url) pairs.
pub(super) fn breadcrumbs(items: &[(&str, &str)]) -> serde_json::Value {
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": items.iter().enumerate().map(|(i, (name, url))| serde_json::json!({
            "@type": "ListItem", "position": i + 1, "name": name, "item": url,
        })).collect::<Vec<_>>(),
    })
}

/// `projects/a/` → `projects/a/index.html`.
pub(super) fn page_file(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// Where the share card of the page at `path` goes (beside it): `None` for a
/// page that is a file (`404.html`), which has none.
pub(super) fn share_path(path: &str, ext: &str) -> Option<String> {
    (path.is_empty() || path.ends_with('/')).then(|| format!("{path}share.{ext}"))
}

/// What page contexts are made from, shared by every page of one render.
pub(super) struct Pages<'a> {
    site: &'a Site,
    strings: &'a std::collections::BTreeMap<String, String>,
    languages: &'a Languages,
    default_description: String,
    pub(super) home_url: String,
    projects_url: String,
    pub(super) skills_url: String,
    /// The theme's word for "Projects" (every project page's breadcrumbs).
    projects_word: String,
    /// The site's images by URL, when pages have share cards (`None`: they don't).
    covers: Option<HashMap<String, PathBuf>>,
}

impl<'a> Pages<'a> {
    pub(super) fn new(
        site: &'a Site,
        strings: &'a std::collections::BTreeMap<String, String>,
        languages: &'a Languages,
    ) -> Self {
        let permalink = |path: &str| {
            let path = format!("{}{path}", site.lang_prefix);
            Location::new(&site.config, &site.base_path, &path).permalink
        };
        Pages {
            site,
            strings,
            languages,
            default_description: site
                .config
                .description
                .clone()
                .unwrap_or_else(|| format!("{} — {}", site.profile.name, site.profile.title)),
            home_url: permalink(""),
            projects_url: permalink("projects/"),
            skills_url: permalink("skills/"),
            projects_word: strings
                .get("projects")
                .cloned()
                .unwrap_or_else(|| "Projects".to_string()),
            covers: site.config.share_cards.then(|| crate::cards::covers(site)),
        }
    }

    /// Whether pages have share cards.
    pub(super) fn sharing(&self) -> bool {
        self.covers.is_some()
    }

    /// What the share card of `p` shows.
    pub(super) fn picture(&self, p: &Project) -> Picture {
        match &self.covers {
            Some(covers) => crate::cards::picture_of(covers, p),
            None => Picture::Drawn,
        }
    }

    /// Points `m`'s image at the share card beside the page at `path`.
    fn share(&self, m: &mut PageMeta<'_>, path: &str, ext: &str, alt: String) {
        let Some(card) = share_path(path, ext).filter(|_| self.sharing()) else {
            return;
        };
        let site = self.site;
        m.image = Some(Location::new(&site.config, &site.base_path, &card).permalink);
        m.image_alt = Some(alt);
        m.image_width = Some(SHARE.0);
        m.image_height = Some(SHARE.1);
    }

    /// The words of a drawn card, for its `alt`.
    fn card_alt(&self, title: &str) -> String {
        let p = &self.site.profile;
        if title == p.name {
            format!("{} — {}", p.name, p.title)
        } else if title.contains(&p.name) {
            title.to_string()
        } else {
            format!("{title} — {}, {}", p.name, p.title)
        }
    }

    /// A string of the theme's translations.
    pub(super) fn tr(&self, key: &str, fallback: &str) -> String {
        self.strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| fallback.to_string())
    }

    pub(super) fn meta(
        &self,
        kind: &'static str,
        title: String,
        description: Option<String>,
        path: &str,
    ) -> PageMeta<'static> {
        let site = self.site;
        let photo = site.profile.photo.as_ref();
        let loc = Location::new(&site.config, &site.base_path, path);
        let alternates = self.languages.alternates(site, path);
        let mut m = PageMeta {
            kind,
            title,
            description: description.unwrap_or_else(|| self.default_description.clone()),
            path: loc.path,
            url: loc.url,
            permalink: loc.permalink,
            image: photo.map(|p| absolute(&site.config.base_url, &p.url)),
            image_alt: photo.map(|p| p.alt.clone()),
            image_width: None,
            image_height: None,
            jsonld: None,
            lang: site.lang.clone(),
            hreflang: super::languages::hreflang_of(&alternates),
            alternates,
        };
        if self.sharing() {
            let named = if kind == "home" {
                &site.profile.name
            } else {
                &m.title
            };
            let alt = self.card_alt(named);
            self.share(&mut m, path, "png", alt);
        }
        m
    }

    /// The context of the page of the `i`th project; `card` gives a project's card.
    pub(super) fn project(&self, i: usize, card: &dyn Fn(usize) -> Value) -> Context {
        let site = self.site;
        let p = &site.projects[i];
        let mut m = self.meta(
            "project",
            p.title.clone(),
            (!p.summary_text.is_empty()).then(|| p.summary_text.clone()),
            &p.location.path,
        );
        if self.sharing() {
            let picture = self.picture(p);
            let alt = match (&picture, &p.cover) {
                (Picture::Raster(_) | Picture::Svg(_), Some(cover)) => cover.alt.clone(),
                _ => self.card_alt(&p.title),
            };
            self.share(&mut m, &p.location.path, picture.extension(), alt);
        } else if let Some(cover) = &p.cover {
            m.image = Some(absolute(&site.config.base_url, &cover.url));
            m.image_alt = Some(cover.alt.clone());
        }
        let mut work = serde_json::json!({
            "@context": "https://schema.org",
            "@type": "CreativeWork",
            "name": p.title,
            "description": m.description,
            "url": p.location.permalink,
            "dateCreated": p.date_raw.map(|d| d.iso()),
            "creator": {"@type": "Person", "name": site.profile.name, "url": self.home_url},
            "keywords": p.skills.iter().map(|s| s.name.clone()).collect::<Vec<_>>().join(", "),
        });
        if let Some(image) = &m.image {
            work["image"] = serde_json::json!(image);
        }
        if let Some(client) = &p.client {
            work["sourceOrganization"] =
                serde_json::json!({"@type": "Organization", "name": client});
        }
        let crumbs = breadcrumbs(&[
            (&site.config.title, &self.home_url),
            (&self.projects_word, &self.projects_url),
            (&p.title, &p.location.permalink),
        ]);
        m.jsonld = Some(script_json(&serde_json::json!([work, crumbs])));
        let mut ctx = Context::new();
        ctx.insert("page", &m);
        ctx.insert("project", &**p);
        // Newer and older neighbours, for "next project" links.
        let newer = i.checked_sub(1);
        let older = (i + 1 < site.projects.len()).then_some(i + 1);
        ctx.insert_value("newer", Value::from(newer.map(card)));
        ctx.insert_value("older", Value::from(older.map(card)));
        ctx
    }
}

/// Text of an HTML fragment, for meta descriptions.
pub fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let text = crate::util::unescape_markup(&out);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_decodes_each_entity_once() {
        assert_eq!(
            plain_text("<p>R&amp;D: write &amp;lt;b&amp;gt;</p>"),
            "R&D: write &lt;b&gt;"
        );
    }

    #[test]
    fn script_json_escapes_what_could_end_the_script_element() {
        let v = serde_json::json!(["é</script><!--&x>", 1]);
        assert_eq!(
            script_json(&v),
            r#"["é\u003c/script\u003e\u003c!--\u0026x\u003e",1]"#
        );
        let plain = serde_json::json!(["日本語"]);
        assert_eq!(script_json(&plain), plain.to_string());
    }

    #[test]
    fn plain_text_of_html() {
        assert_eq!(
            plain_text("<p>Hello <em>big</em> &amp; small</p>\n"),
            "Hello big & small"
        );
    }
}
