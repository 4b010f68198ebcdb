//! Front matter of another generator → folio's project keys. Each key is
//! either mapped (`publishDate → date`), or kept under `extra:`; nothing is lost.

use serde_json::{Map, Value};

use super::Hand;
use super::frontmatter::Front;

/// folio project front matter, before it is written.
#[derive(Debug, Default)]
pub struct Fields {
    pub title: Option<String>,
    pub date: Option<String>,
    pub summary: Option<String>,
    pub role: Option<String>,
    pub client: Option<String>,
    pub tags: Vec<String>,
    /// The cover as the old site names it (resolved later).
    pub cover: Option<String>,
    pub cover_alt: Option<String>,
    pub links: Vec<(String, String)>,
    pub featured: bool,
    pub draft: bool,
    pub weight: Option<i64>,
    pub slug: Option<String>,
    pub extra: Map<String, Value>,
    /// `old → new` for the report.
    pub mapped: Vec<String>,
    pub hands: Vec<Hand>,
}

const DATES: &[&str] = &[
    "date",
    "publishDate",
    "pubDate",
    "published",
    "pub_date",
    "publishedAt",
    "from",
    "date_from",
    "dateFrom",
    "startDate",
    "start_date",
    "date_start",
    "dateStart",
    "lastmod",
    "updatedDate",
    "updated",
];
const SUMMARIES: &[&str] = &[
    "summary",
    "description",
    "excerpt",
    "subtitle",
    "abstract",
    "tagline",
];
const TAGS: &[&str] = &[
    "tags",
    "categories",
    "category",
    "keywords",
    "topics",
    "taxonomies",
    "tech",
    "stack",
    "technologies",
];
const COVERS: &[&str] = &[
    "cover",
    "image",
    "img",
    "thumbnail",
    "featured_image",
    "featuredImage",
    "featureImage",
    "heroImage",
    "heroImg",
    "hero",
    "banner",
    "local_image",
    "images",
    "screenshots",
    "screenshot",
    "featured",
];
const ALTS: &[&str] = &[
    "cover_alt",
    "alt",
    "image_alt",
    "imageAlt",
    "heroImageAlt",
    "coverAlt",
];
const WEIGHTS: &[&str] = &["weight", "importance", "order", "sort", "priority"];
const CLIENTS: &[&str] = &["client", "company", "customer"];
/// Link keys of themes and the name folio shows for them.
const LINKS: &[(&str, &str)] = &[
    ("github", "GitHub"),
    ("repo", "Source"),
    ("repository", "Source"),
    ("source", "Source"),
    ("source_code", "Source"),
    ("code", "Source"),
    ("url_code", "Source"),
    ("repoUrl", "Source"),
    ("repoLink", "Source"),
    ("repo_link", "Source"),
    ("demo", "Demo"),
    ("demoUrl", "Demo"),
    ("demo_url", "Demo"),
    ("url_demo", "Demo"),
    ("live", "Demo"),
    ("liveUrl", "Demo"),
    ("live_url", "Demo"),
    ("preview", "Demo"),
    ("url", "Website"),
    ("link", "Website"),
    ("website", "Website"),
    ("homepage", "Website"),
    ("external_url", "Website"),
    ("externalUrl", "Website"),
    ("redirect", "Website"),
    ("url_pdf", "PDF"),
    ("pdf", "PDF"),
    ("url_slides", "Slides"),
    ("url_video", "Video"),
    ("video", "Video"),
    ("url_project", "Website"),
    ("external_link", "Website"),
    ("url_dataset", "Dataset"),
    ("url_poster", "Poster"),
    ("url_source", "Source"),
];

/// HugoBlox `links: [{type: code, url}]`: the name folio shows for a type.
const LINK_TYPES: &[(&str, &str)] = &[
    ("code", "Source"),
    ("source", "Source"),
    ("pdf", "PDF"),
    ("slides", "Slides"),
    ("video", "Video"),
    ("dataset", "Dataset"),
    ("poster", "Poster"),
    ("project", "Website"),
    ("demo", "Demo"),
];

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// `desc`, `desc1`, `littleDesc`, `short_description`; not `descLink` or `desc_url`.
fn is_description_key(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    k.contains("desc")
        && !["link", "url", "path", "file"]
            .iter()
            .any(|w| k.contains(w))
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

impl Fields {
    /// Maps `front`; what has no place in folio goes to `extra`.
    /// `taxonomies`: front matter keys the site declared as taxonomies (Hugo's
    /// `[taxonomies]` in its config), mapped to tags like `tags` and `categories`.
    /// `jekyll`: the old site was Jekyll's, which reads a day past the month's
    /// end as the days after it (other generators refuse such a date).
    pub fn map(front: &Front, taxonomies: &[String], jekyll: bool) -> Fields {
        let mut f = Fields::default();
        let mut rest = front.map.clone();
        // Zola keeps its custom keys under [extra]: they stay there, and
        // theme keys inside it (github, cover) are mapped like top-level ones.
        // Hugo (0.123+) puts theme keys under [params]: the same.
        for table in ["extra", "params"] {
            if let Some(Value::Object(inner)) = rest.remove(table) {
                for (k, v) in inner {
                    rest.entry(k).or_insert(v);
                }
            }
        }
        // An empty value (`image = ''`, `link = ''`) says nothing: it goes;
        // so does a line the author meant as a comment (`<!-- icon: x -->`
        // reads as the key `<!-- icon`), which the old site never used.
        rest.retain(|k, v| {
            !matches!(v, Value::Null)
                && v.as_str().is_none_or(|s| !s.trim().is_empty())
                && !k.trim_start().starts_with("<!--")
        });
        f.take_title(&mut rest);
        f.take_date(&mut rest, front, jekyll);
        f.take_summary(&mut rest);
        f.take_tags(&mut rest, taxonomies);
        f.take_cover(&mut rest);
        f.take_links(&mut rest);
        f.take_flags(&mut rest);
        f.extra = rest;
        f
    }

    fn note(&mut self, from: &str, to: &str) {
        self.mapped.push(if from == to {
            to.to_string()
        } else {
            format!("{from} → {to}")
        });
    }

    fn take_title(&mut self, rest: &mut Map<String, Value>) {
        for key in ["title", "name"] {
            if let Some(t) = rest.get(key).and_then(text) {
                rest.remove(key);
                self.title = Some(t);
                self.note(key, "title");
                return;
            }
        }
    }

    fn take_date(&mut self, rest: &mut Map<String, Value>, front: &Front, jekyll: bool) {
        // `from` (Astro's from/to) is a date only when it reads as one.
        let Some(key) = DATES.iter().find(|k| {
            rest.get(**k)
                .and_then(text)
                .is_some_and(|t| **k != "from" || date_part(&t).is_some())
        }) else {
            return;
        };
        let raw = rest.get(*key).and_then(text).unwrap_or_default();
        let line = front.key_line(key).unwrap_or(1);
        match date_part(&raw) {
            Some((date, time)) => {
                rest.remove(*key);
                self.note(key, "date");
                let written = raw.trim().get(..10).unwrap_or_default();
                if without_zero_parts(written).is_some() {
                    self.mapped
                        .push(format!("date: `{written}` has a day or month 00, read as {date}"));
                } else if past_month_end(written).is_some() && jekyll {
                    self.mapped.push(format!(
                        "date: `{written}` is past the month's end, read as {date} as Jekyll reads it: check it"
                    ));
                } else if past_month_end(written).is_some() {
                    self.hands.push(Hand {
                        line,
                        message: format!(
                            "date: `{written}` is past the month's end, a date the old site's generator refuses; it was read as {date} (the days after the month's end): write the date you meant"
                        ),
                    });
                }
                // folio reads a date-time as written; another time format is dropped.
                let whole = format!("{date}T{}", time.trim_start_matches(['T', 't', ' ']));
                let keep = !time.is_empty() && crate::date::Date::parse(&whole).is_ok();
                if !time.is_empty() && !keep {
                    self.mapped.push(format!("date: the time `{time}` was dropped"));
                }
                self.date = Some(if keep { whole } else { date });
            }
            None => self.hands.push(Hand {
                line,
                message: format!("`{key}: {raw}` is not a date folio reads (kept under extra); write date: YYYY-MM-DD"),
            }),
        }
    }

    fn take_summary(&mut self, rest: &mut Map<String, Value>) {
        if let Some(key) = SUMMARIES
            .iter()
            .find(|k| rest.get(**k).and_then(text).is_some())
        {
            self.summary = rest.remove(*key).as_ref().and_then(text);
            self.note(key, "summary");
            return;
        }
        self.take_theme_descriptions(rest);
    }

    /// A theme's own description fields (`desc1` + `desc2` of Hugo's
    /// Introduction theme, `littleDesc`, `shortDesc`), in key order, as the summary.
    fn take_theme_descriptions(&mut self, rest: &mut Map<String, Value>) {
        let keys: Vec<String> = rest
            .iter()
            .filter(|(k, v)| is_description_key(k) && text(v).is_some_and(|t| !is_url(&t)))
            .map(|(k, _)| k.clone())
            .collect();
        let mut summary = String::new();
        for k in &keys {
            let t = rest.remove(k).as_ref().and_then(text).unwrap_or_default();
            if !summary.is_empty() {
                let end = summary.ends_with(['.', '!', '?', '。']);
                summary.push_str(if end { " " } else { ". " });
            }
            summary.push_str(&t);
        }
        if !keys.is_empty() {
            self.summary = Some(summary);
            self.note(&keys.join(" + "), "summary");
        }
    }

    fn take_tags(&mut self, rest: &mut Map<String, Value>, taxonomies: &[String]) {
        let declared = taxonomies.iter().map(String::as_str);
        let keys: Vec<&str> = TAGS.iter().copied().chain(declared).collect();
        for key in keys {
            let Some(v) = rest.get(key) else { continue };
            let mut words = Vec::new();
            collect_words(v, &mut words);
            if words.is_empty() {
                continue;
            }
            rest.remove(key);
            self.note(key, "tags");
            for w in words {
                if !self.tags.iter().any(|t| t.eq_ignore_ascii_case(&w)) {
                    self.tags.push(w);
                }
            }
        }
    }

    fn take_cover(&mut self, rest: &mut Map<String, Value>) {
        for key in ["featured", "highlight", "top_project", "pinned"] {
            if let Some(b) = rest.get(key).and_then(flag) {
                self.featured |= b;
                rest.remove(key);
                self.note(key, "featured");
            }
        }
        for key in COVERS {
            let Some((src, alt)) = rest.get(*key).and_then(image_of) else {
                continue;
            };
            // A list's other images stay under extra, named in the report.
            match rest.remove(*key) {
                Some(Value::Array(mut list)) if list.len() > 1 => {
                    list.remove(0);
                    self.note(&format!("{key} (the first of {})", list.len() + 1), "cover");
                    rest.insert(key.to_string(), Value::Array(list));
                }
                _ => self.note(key, "cover"),
            }
            self.cover = Some(src);
            self.cover_alt = alt;
            break;
        }
        if let Some(key) = ALTS.iter().find(|k| rest.get(**k).and_then(text).is_some()) {
            self.cover_alt = rest.remove(*key).as_ref().and_then(text);
            self.note(key, "cover_alt");
        }
    }

    fn take_links(&mut self, rest: &mut Map<String, Value>) {
        if let Some(v) = rest.get("links").cloned() {
            let before = self.links.len();
            link_list(&v, &mut self.links);
            if self.links.len() > before {
                rest.remove("links");
                self.note("links", "links");
            }
        }
        for (key, name) in LINKS {
            let Some(url) = rest.get(*key).and_then(text).filter(|u| is_url(u)) else {
                continue;
            };
            rest.remove(*key);
            self.note(key, &format!("links.{name}"));
            push_link(&mut self.links, name, url);
        }
    }

    fn take_flags(&mut self, rest: &mut Map<String, Value>) {
        if let Some(Value::Bool(b)) = rest.get("draft") {
            self.draft = *b;
            rest.remove("draft");
            self.note("draft", "draft");
        }
        if let Some(Value::Bool(false)) = rest.get("published") {
            self.draft = true;
            rest.remove("published");
            self.note("published: false", "draft: true");
        }
        if let Some(key) = WEIGHTS
            .iter()
            .find(|k| rest.get(**k).is_some_and(Value::is_i64))
        {
            self.weight = rest.remove(*key).and_then(|v| v.as_i64());
            self.note(key, "weight");
        }
        for (keys, slot) in [(&["role"][..], &mut self.role), (CLIENTS, &mut self.client)] {
            if let Some(key) = keys.iter().find(|k| rest.get(**k).and_then(text).is_some()) {
                *slot = rest.remove(*key).as_ref().and_then(text);
                self.mapped.push(format!(
                    "{key} → {}",
                    if keys.len() == 1 { "role" } else { "client" }
                ));
            }
        }
        if let Some(slug) = rest.get("slug").and_then(text)
            && crate::slug::check_slug(&slug).is_ok()
        {
            rest.remove("slug");
            self.slug = Some(slug);
        }
    }
}

/// `2025-04-16T17:36:46+08:00` → (`2025-04-16`, `T17:36:46+08:00`); `None`
/// when the text does not start with a valid YYYY[-MM[-DD]] date.
pub fn date_part(raw: &str) -> Option<(String, String)> {
    let raw = raw.trim();
    let end = raw
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '-' && i < 8))
        .map_or(raw.len(), |(i, _)| i);
    let (date, time) = raw.split_at(end);
    let date = date.trim_end_matches('-');
    let Ok(parsed) = crate::date::Date::parse(date) else {
        if let Some(read) = without_zero_parts(date).or_else(|| past_month_end(date)) {
            return Some((read, time.trim().to_string()));
        }
        return day_first(raw)
            .or_else(|| worded_date(raw))
            .map(|d| (d, String::new()));
    };
    // A zone on a date with no time (`2024Z`, as some Hugo themes write) says nothing.
    if time.eq_ignore_ascii_case("z") {
        return Some((parsed.iso(), String::new()));
    }
    if !(time.is_empty() || time.starts_with(['T', ' ', 't'])) {
        return None;
    }
    Some((parsed.iso(), time.trim().to_string()))
}

/// `2022-11-00` (a day 00, as some sites write a date with no day, which
/// their generator showed) → `2022-11`; `2022-00-00` → `2022`: the date at
/// the precision it gives, as folio writes one (never a day nobody wrote).
/// `None` when no part is 00, or what is before it is no date.
pub fn without_zero_parts(date: &str) -> Option<String> {
    let parts: Vec<&str> = date.split('-').collect();
    let zero = parts.iter().position(|p| *p == "00").filter(|&i| i > 0)?;
    let read = crate::date::Date::parse(&parts[..zero].join("-")).ok()?;
    if read.year == 0 {
        return None;
    }
    Some(read.iso())
}

/// `2025-04-31` (a day past the month's end, which Ruby's Time, and so
/// Jekyll, reads as the days after it) → `2025-05-01`. `None` for any other text.
pub fn past_month_end(date: &str) -> Option<String> {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let digits = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return None;
    }
    let (year, month, day): (u16, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&month) || day > 31 {
        return None;
    }
    let days = crate::date::days_in_month(year, month);
    if day <= days {
        return None;
    }
    let (year, month) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    Some(format!("{year:04}-{month:02}-{:02}", day - days))
}

/// `26-01-2024`, `26/01/2024`, `26.01.2024` (day first, as most of the world
/// writes) → `2024-01-26`; only when the day can't be the month (`03-04-2024` is
/// left for the user to say).
fn day_first(raw: &str) -> Option<String> {
    let parts: Vec<&str> = raw.split(['-', '/', '.']).collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let num = |p: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    let (day, month, year) = (num(d, 1..=2)?, num(m, 1..=2)?, num(y, 4..=4)?);
    if day <= 12 {
        return None;
    }
    let iso = format!("{year}-{month:02}-{day:02}");
    crate::date::Date::parse(&iso).ok().map(|d| d.iso())
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `Jul 08 2022`, `July 8, 2022`, `8 July 2022` (Astro's starter) → `2022-07-08`;
/// `March 2021`, `Mar. 2021` → `2021-03`.
fn worded_date(raw: &str) -> Option<String> {
    let words: Vec<&str> = raw.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    let month = words.iter().find_map(|w| {
        let w = w.to_ascii_lowercase();
        MONTHS
            .iter()
            .position(|m| w.len() >= 3 && w.starts_with(m))
            .map(|i| i + 1)
    })?;
    let year = words
        .iter()
        .find(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))?;
    if words.len() == 2 {
        let iso = format!("{year}-{month:02}");
        return crate::date::Date::parse(&iso).ok().map(|d| d.iso());
    }
    let day = words
        .iter()
        .find(|w| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))?;
    let iso = format!("{year}-{month:02}-{:02}", day.parse::<u8>().ok()?);
    crate::date::Date::parse(&iso).ok().map(|d| d.iso())
}

fn collect_words(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.extend(
            s.split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_string),
        ),
        Value::Array(a) => a.iter().for_each(|x| collect_words(x, out)),
        // Zola: taxonomies = { tags = [...], categories = [...] }
        Value::Object(m) => m.values().for_each(|x| collect_words(x, out)),
        _ => {}
    }
}

/// The image of a cover value: a path, a list of paths (the first), or an
/// object such as `{image: x.png, alt: …}` or `{src: …, alt: …}`.
fn image_of(v: &Value) -> Option<(String, Option<String>)> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some((s.trim().to_string(), None)),
        Value::Array(a) => a.first().and_then(image_of),
        Value::Object(m) => {
            let src = ["image", "src", "filename", "url", "path"]
                .iter()
                .find_map(|k| m.get(*k).and_then(text))?;
            let alt = ["alt", "caption"]
                .iter()
                .find_map(|k| m.get(*k).and_then(text));
            Some((src, alt))
        }
        _ => None,
    }
}

fn push_link(links: &mut Vec<(String, String)>, name: &str, url: String) {
    if links.iter().any(|(_, u)| *u == url) {
        return;
    }
    let mut label = name.to_string();
    let mut n = 2;
    while links.iter().any(|(l, _)| *l == label) {
        label = format!("{name} {n}");
        n += 1;
    }
    links.push((label, url));
}

fn link_type(t: &str) -> String {
    LINK_TYPES
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(t))
        .map_or_else(|| t.to_string(), |(_, n)| n.to_string())
}

/// `links:` as a map of names to URLs or a list of `{name, url}` (Hugo Academic).
fn link_list(v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(m) => {
            for (k, u) in m {
                if let Some(u) = text(u).filter(|u| is_url(u)) {
                    push_link(out, k, u);
                }
            }
        }
        Value::Array(a) => {
            for item in a {
                let name = ["name", "title", "label"]
                    .iter()
                    .find_map(|k| item.get(*k).and_then(text))
                    .or_else(|| item.get("type").and_then(text).map(|t| link_type(&t)))
                    .or_else(|| item.get("icon").and_then(text));
                let url = ["url", "href", "link"]
                    .iter()
                    .find_map(|k| item.get(*k).and_then(text));
                if let (Some(n), Some(u)) = (name, url.filter(|u| is_url(u))) {
                    push_link(out, &n, u);
                }
            }
        }
        _ => {}
    }
}

/// A yes/no field: a boolean, or the words a template compares with
/// (`featured: "yes"` read as `{% if featured == "yes" %}`).
fn flag(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "yes" | "true" | "on" => Some(true),
            "no" | "false" | "off" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::frontmatter::parse;

    #[test]
    fn an_html_comment_in_front_matter_is_not_a_field() {
        let f = parse("---\ntitle: A\n<!-- icon: apple -->\nrole: Lead\n---\n").unwrap();
        let m = Fields::map(&f, &[], false);
        assert!(m.extra.is_empty(), "{:?}", m.extra);
        assert_eq!(m.role.as_deref(), Some("Lead"));
    }

    #[test]
    fn featured_as_a_word_is_featured() {
        let f = parse("---\ntitle: A\nfeatured: \"yes\"\n---\n").unwrap();
        let m = Fields::map(&f, &[], false);
        assert!(m.featured);
        assert!(m.extra.is_empty(), "{:?}", m.extra);
        let f = parse("---\ntitle: A\nfeatured: \"no\"\n---\n").unwrap();
        let m = Fields::map(&f, &[], false);
        assert!(!m.featured && m.extra.is_empty(), "{:?}", m.extra);
        // A featured image path stays a cover, not a flag.
        let f = parse("---\ntitle: A\nfeatured: shot.png\n---\n").unwrap();
        let m = Fields::map(&f, &[], false);
        assert!(!m.featured);
        assert_eq!(m.cover.as_deref(), Some("shot.png"));
    }

    #[test]
    fn a_day_past_the_months_end_is_read_as_ruby_reads_it() {
        let f = parse("---\ntitle: A\ndate: 2025-04-31 07:59:00-0400\n---\n").unwrap();
        let m = Fields::map(&f, &[], true);
        assert!(
            m.date
                .as_deref()
                .is_some_and(|d| d.starts_with("2025-05-01")),
            "{:?}",
            m.date
        );
        assert!(m.hands.is_empty(), "{:?}", m.hands.len());
        assert!(
            m.mapped
                .iter()
                .any(|n| n.contains("`2025-04-31` is past the month's end"))
        );
        assert_eq!(past_month_end("2024-12-32"), None);
        assert_eq!(past_month_end("2023-02-29").as_deref(), Some("2023-03-01"));
        assert_eq!(past_month_end("2024-12-31"), None);
        assert_eq!(past_month_end("2024-13-01"), None);
    }

    #[test]
    fn dates() {
        assert_eq!(
            date_part("2025-04-16T17:36:46+08:00"),
            Some(("2025-04-16".into(), "T17:36:46+08:00".into()))
        );
        assert_eq!(
            date_part("2024-03"),
            Some(("2024-03".into(), String::new()))
        );
        assert_eq!(date_part("2021"), Some(("2021".into(), String::new())));
        assert_eq!(
            date_part("March 2021"),
            Some(("2021-03".into(), String::new()))
        );
        assert_eq!(
            date_part("Mar. 2021"),
            Some(("2021-03".into(), String::new()))
        );
        assert_eq!(date_part("2024Z"), Some(("2024".into(), String::new())));
        assert_eq!(
            date_part("2021-03-04Z"),
            Some(("2021-03-04".into(), String::new()))
        );
        assert_eq!(date_part("Hello 2021"), None);
        // A day or month 00 (the date with no day): at the precision it gives.
        assert_eq!(
            date_part("2022-11-00"),
            Some(("2022-11".into(), String::new()))
        );
        assert_eq!(
            date_part("2022-00-00"),
            Some(("2022".into(), String::new()))
        );
        assert_eq!(
            date_part("2022-00-15"),
            Some(("2022".into(), String::new()))
        );
        assert_eq!(date_part("0000-00-00"), None);
        assert_eq!(
            date_part("26-01-2024"),
            Some(("2024-01-26".into(), String::new()))
        );
        assert_eq!(
            date_part("26/01/2024"),
            Some(("2024-01-26".into(), String::new()))
        );
        assert_eq!(
            date_part("03-04-2024"),
            None,
            "day or month first? the user says"
        );
        assert_eq!(date_part("31-02-2024"), None);
        assert_eq!(
            date_part("Jul 08 2022"),
            Some(("2022-07-08".into(), String::new()))
        );
        assert_eq!(
            date_part("8 July, 2022"),
            Some(("2022-07-08".into(), String::new()))
        );
        assert_eq!(date_part("Jul 32 2022"), None);
        // Past the month's end: as Jekyll (Ruby's Time) read it.
        assert_eq!(
            date_part("2021-02-30"),
            Some(("2021-03-02".into(), String::new()))
        );
        assert_eq!(date_part("2021-02-32"), None);
    }

    #[test]
    fn a_day_past_the_months_end_needs_a_hand_where_the_generator_refused_it() {
        let f = parse("---\ntitle: A\ndate: 2021-02-30\n---\n").unwrap();
        let m = Fields::map(&f, &[], false);
        assert_eq!(m.date.as_deref(), Some("2021-03-02"));
        assert_eq!(m.hands.len(), 1, "{:?}", m.hands.len());
        assert_eq!(m.hands[0].line, 3);
        assert!(m.hands[0].message.contains("write the date you meant"));
        assert!(!m.mapped.iter().any(|n| n.contains("Jekyll")));
    }

    #[test]
    fn a_list_of_images_gives_its_first_as_cover_and_keeps_the_others() {
        let f =
            parse("---\ntitle: A\nscreenshots:\n- one.png\n- two.png\n- three.png\n---\n").unwrap();
        let m = Fields::map(&f, &[], false);
        assert_eq!(m.cover.as_deref(), Some("one.png"));
        assert_eq!(
            m.extra.get("screenshots"),
            Some(&serde_json::json!(["two.png", "three.png"]))
        );
        assert!(
            m.mapped
                .iter()
                .any(|n| n == "screenshots (the first of 3) → cover"),
            "{:?}",
            m.mapped
        );
        let one = Fields::map(
            &parse("---\ntitle: A\nimages: [one.png]\n---\n").unwrap(),
            &[],
            false,
        );
        assert!(one.extra.is_empty(), "{:?}", one.extra);
    }

    #[test]
    fn a_date_with_day_00_is_the_month_with_a_note_not_a_hand() {
        let f = parse("---\ntitle: A\ndate: 2022-11-00\n---\n").unwrap();
        let m = Fields::map(&f, &[], false);
        assert_eq!(m.date.as_deref(), Some("2022-11"));
        assert!(m.hands.is_empty(), "{:?}", m.hands);
        let note = "date: `2022-11-00` has a day or month 00, read as 2022-11";
        assert!(m.mapped.iter().any(|n| n == note), "{:?}", m.mapped);
        let f = parse("+++\ntitle = \"A\"\ndate = \"2022-00-00T10:00:00Z\"\n+++\n").unwrap();
        assert_eq!(Fields::map(&f, &[], false).date.as_deref(), Some("2022"));
    }

    #[test]
    fn a_theme_s_description_fields_are_the_summary() {
        let f = parse("---\ntitle: Car game\ndesc1: Simple car game\ndesc2: Developed in two months.\ndescLink: car.md\n---\n").unwrap();
        let m = Fields::map(&f, &[], false);
        assert_eq!(
            m.summary.as_deref(),
            Some("Simple car game. Developed in two months.")
        );
        assert!(m.mapped.contains(&"desc1 + desc2 → summary".to_string()));
        assert_eq!(m.extra.keys().collect::<Vec<_>>(), ["descLink"]);
        let f = parse("---\ntitle: A\ndescription: Said.\ndesc2: Other\n---\n").unwrap();
        assert_eq!(
            Fields::map(&f, &[], false).summary.as_deref(),
            Some("Said.")
        );
    }

    #[test]
    fn maps_al_folio_keys() {
        let f = parse("---\nlayout: page\ntitle: Beacon\ndescription: A map of lights\nimg: assets/img/3.jpg\nimportance: 2\ncategory: work\ngithub: https://github.com/a/b\nrelated_publications: false\n---\n").unwrap();
        let m = Fields::map(&f, &[], false);
        assert_eq!(m.title.as_deref(), Some("Beacon"));
        assert_eq!(m.summary.as_deref(), Some("A map of lights"));
        assert_eq!(m.cover.as_deref(), Some("assets/img/3.jpg"));
        assert_eq!(m.weight, Some(2));
        assert_eq!(m.tags, vec!["work"]);
        assert_eq!(
            m.links,
            vec![("GitHub".to_string(), "https://github.com/a/b".to_string())]
        );
        assert_eq!(
            m.extra.keys().collect::<Vec<_>>(),
            vec!["layout", "related_publications"]
        );
        assert!(m.date.is_none());
    }

    #[test]
    fn maps_zola_keys() {
        let f = parse("+++\ntitle = \"T\"\ndate = 2024-05-01T10:00:00Z\n[taxonomies]\ntags = [\"rust\", \"cli\"]\n[extra]\nrepo = \"https://example.org/r\"\nlocal_image = \"x.png\"\n+++\n").unwrap();
        let m = Fields::map(&f, &[], false);
        assert_eq!(m.date.as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(m.tags, vec!["rust", "cli"]);
        assert_eq!(m.links[0].0, "Source");
        assert_eq!(m.cover.as_deref(), Some("x.png"));
        assert!(m.extra.is_empty());
    }

    #[test]
    fn astro_from_to_and_academic_links() {
        let f = Fields::map(
            &parse("---\ntitle: A\nfrom: 2023-02-01\nto: 2023-06-30\nexternal_link: https://a.example.org\nlinks:\n- type: code\n  url: https://github.com/x/a\n---\n").unwrap(),
            &[],
            false,
        );
        assert_eq!(f.date.as_deref(), Some("2023-02-01"));
        assert!(f.extra.contains_key("to"), "{:?}", f.extra);
        assert_eq!(
            f.links,
            [
                ("Source".to_string(), "https://github.com/x/a".to_string()),
                ("Website".to_string(), "https://a.example.org".to_string())
            ]
        );
        let g = Fields::map(
            &parse("---\ntitle: A\nfrom: Acme\n---\n").unwrap(),
            &[],
            false,
        );
        assert!(g.hands.is_empty() && g.date.is_none(), "{:?}", g.hands);
    }
}
