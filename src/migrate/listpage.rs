//! A section whose only page lists the projects under headings (Hugo's
//! `content/projects/_index.md` with a `### Project` per project): each
//! heading and the text under it is one write-up.

use std::path::{Path, PathBuf};

use super::frontmatter;
pub use super::sources::Part;
use super::sources::{Source, unique};

/// The section's own page: `_index.md`, else `index.md`.
pub fn page(section: &Path) -> Option<PathBuf> {
    ["_index.md", "index.md"]
        .iter()
        .map(|n| section.join(n))
        .find(|p| p.is_file())
}

/// The write-ups of the list page of `section`: none unless it has two or
/// more headings of one level.
pub fn sources(section: &Path) -> Vec<Source> {
    let Some(path) = page(section) else {
        return Vec::new();
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let Ok(front) = frontmatter::parse(&text) else {
        return Vec::new();
    };
    let mut taken = Vec::new();
    split(&front.body, front.body_first_line)
        .into_iter()
        .map(|part| {
            let (slug, collided) = unique(&mut taken, &part.title);
            Source {
                path: path.clone(),
                bundle: None,
                slug,
                file_date: None,
                mdx: false,
                collided,
                part: Some(part),
                record: None,
            }
        })
        .collect()
}

/// The front matter of a part: its title, and its group as a tag.
pub fn front(page: &frontmatter::Front, part: &Part) -> frontmatter::Front {
    let mut map = serde_json::Map::new();
    map.insert("title".into(), part.title.clone().into());
    if let Some(g) = &part.group {
        map.insert("tags".into(), serde_json::json!([g]));
    }
    // The heading's link: the project's own site, kept as `links.Website`.
    if let Some(url) = &part.link {
        map.insert("links".into(), serde_json::json!({ "Website": url }));
    }
    frontmatter::Front {
        syntax: page.syntax,
        map,
        raw: String::new(),
        body: part.body.clone(),
        body_first_line: part.first_line,
        item_line: None,
    }
}

/// A heading: its level, its title, and where its link goes.
struct Heading {
    line: usize,
    level: usize,
    title: String,
    link: Option<String>,
}

/// `### Title` → (3, `Title`, None); `## [Name](url)` → (2, `Name`, Some(url)).
/// Outside code fences (the caller tracks them).
fn heading(line: &str) -> Option<(usize, String, Option<String>)> {
    let level = line.bytes().take_while(|b| *b == b'#').count();
    let rest = line.get(level..)?;
    if !(1..=6).contains(&level) || !rest.starts_with([' ', '\t']) {
        return None;
    }
    let title = rest.trim().trim_end_matches('#').trim();
    let (title, link) = unlink(title);
    let title = title.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != '"');
    (!title.is_empty())
        .then(|| title.replace("**", ""))
        .map(|t| (level, t.trim().to_string(), link))
}

/// A title holding a Markdown link: its text with the link's text in place
/// of the link, and the first link's URL. Other titles are kept as they are.
fn unlink(title: &str) -> (String, Option<String>) {
    use pulldown_cmark::{Event, Parser, Tag};
    if !title.contains("](") {
        return (title.to_string(), None);
    }
    let mut text = String::new();
    let mut link = None;
    for event in Parser::new(title) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::Start(Tag::Link { dest_url, .. }) if link.is_none() => {
                link = Some(dest_url.to_string());
            }
            _ => {}
        }
    }
    (text, link.filter(|u| !u.is_empty()))
}

/// The headings of `body` outside code fences.
fn headings(body: &str) -> Vec<Heading> {
    let mut fenced = false;
    let mut found = Vec::new();
    for (i, line) in body.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
        } else if !fenced && let Some((level, title, link)) = heading(line) {
            found.push(Heading {
                line: i,
                level,
                title,
                link,
            });
        }
    }
    found
}

/// The projects of a list page's `body`: one per heading of the level most
/// headings have (two at least; the first such level on a tie).
pub fn split(body: &str, first_line: usize) -> Vec<Part> {
    let found = headings(body);
    let count = |l: usize| found.iter().filter(|h| h.level == l).count();
    let Some(level) = (1..=6)
        .filter(|l| count(*l) >= 2)
        .max_by_key(|l| (count(*l), 6 - l))
    else {
        return Vec::new();
    };
    let lines: Vec<&str> = body.lines().collect();
    let mut parts = Vec::new();
    let mut group = None;
    for (n, h) in found.iter().enumerate() {
        if h.level < level {
            group = Some(h.title.clone());
            continue;
        }
        if h.level > level {
            continue;
        }
        let end = found[n + 1..]
            .iter()
            .find(|next| next.level <= level)
            .map_or(lines.len(), |next| next.line);
        let mut text: Vec<&str> = lines[h.line + 1..end].to_vec();
        // A thematic break closing the part belongs to the list, not to it.
        while text
            .last()
            .is_some_and(|t| matches!(t.trim(), "" | "---" | "***" | "___"))
        {
            text.pop();
        }
        parts.push(Part {
            title: h.title.clone(),
            body: text.join("\n") + "\n",
            first_line: first_line + h.line + 1,
            group: group.clone(),
            link: h.link.clone(),
        });
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_the_level_most_headings_have() {
        let body = "Intro.\n\n## 🛡️ Machine Learning\n\n---\n\n### 📊 Fraud Model\n\nXGBoost.\n\n### Seismic **Imaging**\n\nU-Net.\n\n```\n### not a heading\n```\n\n---\n\n## Systems\n\n### GPT Clone\n\nPyTorch.\n";
        let parts = split(body, 5);
        let titles: Vec<&str> = parts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Fraud Model", "Seismic Imaging", "GPT Clone"]);
        assert_eq!(parts[0].body.trim(), "XGBoost.");
        assert!(parts[1].body.contains("### not a heading"));
        assert!(!parts[1].body.trim_end().ends_with("---"));
        assert_eq!(parts[0].group.as_deref(), Some("Machine Learning"));
        assert_eq!(parts[2].group.as_deref(), Some("Systems"));
        assert_eq!(parts[0].first_line, 5 + 7);
        assert!(split("## Only one\n\ntext\n", 1).is_empty());
    }

    #[test]
    fn a_heading_that_is_a_link_gives_the_title_and_keeps_the_url() {
        let body = "## [Alpha Tool](https://example.com/alpha)\n\nA CLI.\n\n## 🚀 [**Beta** App](https://example.org/beta \"Beta\") (2023)\n\nAn app.\n\n## Gamma\n\nNo link.\n";
        let parts = split(body, 1);
        let titles: Vec<&str> = parts.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["Alpha Tool", "Beta App (2023)", "Gamma"]);
        let links: Vec<Option<&str>> = parts.iter().map(|p| p.link.as_deref()).collect();
        assert_eq!(
            links,
            [
                Some("https://example.com/alpha"),
                Some("https://example.org/beta"),
                None
            ]
        );
        let page = frontmatter::parse("Intro\n").unwrap();
        let f = front(&page, &parts[0]);
        assert_eq!(f.map["title"], "Alpha Tool");
        assert_eq!(f.map["links"]["Website"], "https://example.com/alpha");
        assert!(!front(&page, &parts[2]).map.contains_key("links"));
    }
}
