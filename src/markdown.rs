//! Markdown to HTML: CommonMark with tables, footnotes, strikethrough, task lists
//! and heading anchors; links to other content files and images beside a page are
//! rewritten through a resolver so they keep working under any `base_url`.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

use crate::slug::slugify;

mod tasks;

/// What the resolver says about one link destination.
pub enum Resolved {
    /// Leave the destination as written (external links, fragments, mailto:...).
    Keep,
    /// Use this URL instead.
    Url(String),
}

/// A link that could not be resolved, with its 1-based line in the Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkProblem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The HTML of a Markdown text and the problems found in its links.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub problems: Vec<LinkProblem>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders `md`; `resolve(dest, is_image)` maps every link and image destination.
pub fn render<F>(md: &str, mut resolve: F) -> Rendered
where
    F: FnMut(&str, bool) -> Result<Resolved, String>,
{
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(md.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let locate = |offset: usize| {
        let line = line_starts.partition_point(|&s| s <= offset);
        let col = md[line_starts[line - 1]..offset].chars().count() + 1;
        (line, col)
    };

    let events: Vec<(Event, std::ops::Range<usize>)> =
        Parser::new_ext(md, options()).into_offset_iter().collect();
    let mut problems = Vec::new();
    let mut out: Vec<Event> = Vec::with_capacity(events.len());
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        let (event, range) = &events[i];
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                // Gather the heading's text to make its id.
                let mut text = String::new();
                for (e, _) in &events[i + 1..] {
                    match e {
                        Event::End(TagEnd::Heading(_)) => break,
                        Event::Text(t) | Event::Code(t) => text.push_str(t),
                        _ => {}
                    }
                }
                let base = match id {
                    Some(id) => id.to_string(),
                    None => {
                        let s = slugify(&text);
                        if s.is_empty() {
                            "section".to_string()
                        } else {
                            s
                        }
                    }
                };
                let mut unique = base.clone();
                let mut n = 1;
                while !used_ids.insert(unique.clone()) {
                    unique = format!("{base}-{n}");
                    n += 1;
                }
                out.push(Event::Start(Tag::Heading {
                    level: *level,
                    id: Some(CowStr::from(unique)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest = if matches!(link_type, LinkType::Email) {
                    dest_url.clone()
                } else {
                    match resolve(dest_url, false) {
                        Ok(Resolved::Keep) => dest_url.clone(),
                        Ok(Resolved::Url(u)) => CowStr::from(u),
                        Err(message) => {
                            let (line, column) = locate(range.start);
                            problems.push(LinkProblem {
                                line,
                                column,
                                message,
                            });
                            dest_url.clone()
                        }
                    }
                };
                out.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: dest,
                    title: title.clone(),
                    id: id.clone(),
                }));
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let src = match resolve(dest_url, true) {
                    Ok(Resolved::Keep) => dest_url.to_string(),
                    Ok(Resolved::Url(u)) => u,
                    Err(message) => {
                        let (line, column) = locate(range.start);
                        problems.push(LinkProblem {
                            line,
                            column,
                            message,
                        });
                        dest_url.to_string()
                    }
                };
                // The alt text is the plain text inside the image.
                let mut alt = String::new();
                let mut depth = 0;
                i += 1;
                while i < events.len() {
                    match &events[i].0 {
                        Event::Start(_) => depth += 1,
                        Event::End(TagEnd::Image) if depth == 0 => break,
                        Event::End(_) => depth -= 1,
                        Event::Text(t) | Event::Code(t) => alt.push_str(t),
                        _ => {}
                    }
                    i += 1;
                }
                let mut tag = format!(
                    "<img src=\"{}\" alt=\"{}\" loading=\"lazy\" decoding=\"async\"",
                    escape_markup(&src),
                    escape_markup(&alt)
                );
                if !title.is_empty() {
                    tag.push_str(&format!(" title=\"{}\"", escape_markup(title)));
                }
                tag.push('>');
                out.push(Event::InlineHtml(CowStr::from(tag)));
            }
            e => out.push(e.clone()),
        }
        i += 1;
    }
    tasks::label_checkboxes(&mut out);
    let mut html_out = String::with_capacity(md.len() * 3 / 2);
    html::push_html(&mut html_out, out.into_iter());
    Rendered {
        html: html_out,
        problems,
    }
}

/// Renders Markdown that has no links to resolve (overviews, descriptions).
pub fn render_simple(md: &str) -> String {
    render(md, |_, _| Ok(Resolved::Keep)).html
}

/// Escapes text for HTML or XML content and double-quoted attribute values.
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether a link destination points outside the site (scheme, protocol-relative,
/// mail, phone) or only at a fragment of the same page.
pub fn is_external_or_fragment(dest: &str) -> bool {
    if dest.starts_with('#') || dest.starts_with("//") {
        return true;
    }
    match dest.find(':') {
        Some(i) => {
            let scheme = &dest[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && dest[..i].find('/').is_none()
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_ids() {
        let r = render_simple("# Intro\n\n## Intro\n\n## 结果 {#results}\n\n## Café\n");
        assert!(r.contains("<h1 id=\"intro\">Intro</h1>"), "{r}");
        assert!(r.contains("<h2 id=\"intro-1\">Intro</h2>"), "{r}");
        assert!(r.contains("<h2 id=\"results\">结果</h2>"), "{r}");
        assert!(r.contains("<h2 id=\"café\">Café</h2>"), "{r}");
    }

    #[test]
    fn extensions_are_on() {
        let r = render_simple(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n- [x] done\n\nNote[^1]\n\n[^1]: A footnote.\n",
        );
        assert!(r.contains("<table>"));
        assert!(r.contains("<del>old</del>"));
        assert!(r.contains("checkbox"));
        assert!(r.contains("footnote-definition"));
    }

    #[test]
    fn links_are_resolved_and_problems_located() {
        let md = "See [other](other.md) and\n[gone](missing.md) and [web](https://x.org).\n\n![A chart](chart.png \"Chart\")\n";
        let r = render(md, |dest, image| {
            if dest.starts_with("https:") {
                return Ok(Resolved::Keep);
            }
            match (dest, image) {
                ("other.md", false) => Ok(Resolved::Url("/p/other/".into())),
                ("chart.png", true) => Ok(Resolved::Url("/p/me/chart.png".into())),
                _ => Err(format!("no page `{dest}`")),
            }
        });
        assert!(r.html.contains("href=\"/p/other/\""));
        assert!(r.html.contains("href=\"https://x.org\""));
        assert!(r.html.contains(
            "<img src=\"/p/me/chart.png\" alt=\"A chart\" loading=\"lazy\" decoding=\"async\" title=\"Chart\">"
        ), "{}", r.html);
        assert_eq!(
            r.problems,
            vec![LinkProblem {
                line: 2,
                column: 1,
                message: "no page `missing.md`".into()
            }]
        );
    }

    #[test]
    fn raw_html_is_kept_in_bodies() {
        let r = render_simple("<div class=\"x\">hi</div>\n");
        assert!(r.contains("<div class=\"x\">hi</div>"));
    }

    #[test]
    fn external_detection() {
        assert!(is_external_or_fragment("https://a.b/c"));
        assert!(is_external_or_fragment("mailto:a@b.c"));
        assert!(is_external_or_fragment("#top"));
        assert!(is_external_or_fragment("//cdn.x/y"));
        assert!(!is_external_or_fragment("../other.md"));
        assert!(!is_external_or_fragment("@/projects/a.md"));
        assert!(!is_external_or_fragment("img/a:b.png"));
    }
}

#[cfg(test)]
mod escape_tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::escape_markup("a<b & \"c\""),
            "a&lt;b &amp; &quot;c&quot;"
        );
    }
}
