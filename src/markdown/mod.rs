//! Markdown to HTML: CommonMark with tables, footnotes, strikethrough, task lists
//! and heading anchors; links to other content files and images beside a page are
//! rewritten through a resolver so they keep working under any `base_url`. Fenced
//! code is highlighted ([`crate::highlight`]), shortcodes are expanded
//! ([`crate::shortcodes`]), wide tables scroll in their own box, and `$…$` math
//! becomes MathML when a site asks for it.

mod calls;
mod math;
mod tasks;
mod walk;

use pulldown_cmark::{Options, Parser, html};

use crate::diagnostics::{Diagnostic, Severity};
use crate::highlight::Highlighter;
use crate::shortcodes::{PageFiles, Shortcodes};

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

/// A problem found in the Markdown that is not a link: a shortcode error, syntax
/// of another tool, faulty math. Lines are 1-based within the Markdown given.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub message: String,
    pub help: String,
}

impl Notice {
    /// The diagnostic for a page `file` whose Markdown starts at `first_line` of `text`.
    pub fn to_diagnostic(&self, file: &str, first_line: usize, text: &str) -> Diagnostic {
        let d = match self.severity {
            Severity::Error => Diagnostic::error(self.message.clone()),
            Severity::Warning => Diagnostic::warning(self.message.clone()),
        };
        d.in_file(file)
            .at(self.line + first_line - 1, Some(self.column), Some(text))
            .with_help(self.help.clone())
    }
}

/// The HTML of a Markdown text and the problems found in it.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    /// Links and images that could not be resolved.
    pub problems: Vec<LinkProblem>,
    /// Shortcode errors, foreign syntax, math errors.
    pub notices: Vec<Notice>,
}

/// What a page's Markdown may use beyond CommonMark and its extensions.
#[derive(Default)]
pub struct RenderOptions<'a> {
    /// `$…$` and `$$…$$` as math (`markdown: { math: true }` in folio.yaml).
    pub math: bool,
    /// The shortcodes the site has; `None`: the built-ins.
    pub shortcodes: Option<&'a Shortcodes>,
    /// The page's files for shortcodes; `None`: through the link resolver (no
    /// sizes, no listing of the page's images).
    pub files: Option<&'a mut dyn PageFiles>,
    /// Highlights fenced code; `None` (commands that publish no page): plain.
    pub highlight: Option<&'a Highlighter>,
}

fn options(math: bool) -> Options {
    let mut o = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION;
    if math {
        o |= Options::ENABLE_MATH;
    }
    o
}

/// Renders `md`; `resolve(dest, is_image)` maps every link and image destination.
pub fn render<F>(md: &str, resolve: F) -> Rendered
where
    F: FnMut(&str, bool) -> crate::Result<Resolved>,
{
    let mut r = render_with(md, RenderOptions::default(), resolve);
    // Callers of this entry point report `problems` only: shortcode errors must
    // not be lost there (warnings are, until they read `notices`).
    for n in r.notices.iter().filter(|n| n.severity == Severity::Error) {
        r.problems.push(LinkProblem {
            line: n.line,
            column: n.column,
            message: format!("{}; {}", n.message, n.help),
        });
    }
    r.problems.sort_by_key(|p| (p.line, p.column));
    r
}

/// Renders `md` with shortcodes, code highlighting and, if asked, math.
pub fn render_with<F>(md: &str, opts: RenderOptions, mut resolve: F) -> Rendered
where
    F: FnMut(&str, bool) -> crate::Result<Resolved>,
{
    let lines = walk::Lines::new(md);
    let math = opts.math;
    let highlighter = opts.highlight;
    let expanded = calls::expand(md, opts, &mut resolve);
    let text = expanded.as_ref().map_or(md, |e| e.text.as_str());
    let events = Parser::new_ext(text, options(math))
        .into_offset_iter()
        .collect();
    let mut w = walk::Walk::new(events, &lines, expanded.as_ref(), &mut resolve);
    w.highlighter = highlighter;
    if let Some(e) = &expanded {
        for n in &e.notes {
            let (line, column) = lines.locate(n.offset);
            w.notices.push(Notice {
                line,
                column,
                severity: n.severity,
                message: n.message.clone(),
                help: n.help.clone(),
            });
        }
    }
    w.run();
    tasks::label_checkboxes(&mut w.out);
    let mut html = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut html, w.out.drain(..));
    if let Some(e) = &expanded {
        w.notices.extend(calls::leaked(&html, e, &lines));
    }
    if expanded.as_ref().is_some_and(|e| e.state.needs_script) {
        html.push_str(calls::MEDIA_SCRIPT);
    }
    w.notices.sort_by_key(|n| (n.line, n.column));
    Rendered {
        html,
        problems: w.problems,
        notices: w.notices,
    }
}
/// Renders Markdown that has no links to resolve (overviews, descriptions).
pub fn render_simple(md: &str) -> String {
    render(md, |_, _| Ok(Resolved::Keep)).html
}

pub use crate::util::escape_markup;

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
                _ => Err(crate::Error::msg(format!("no page `{dest}`"))),
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
    fn shortcode_errors_reach_callers_that_read_problems_only() {
        let r = render("x\n\n{{ yotube(id=\"dQw4w9WgXcQ\") }}\n", |_, _| {
            Ok(Resolved::Keep)
        });
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert_eq!((r.problems[0].line, r.problems[0].column), (3, 1));
        assert!(r.problems[0].message.contains("did you mean `youtube`?"));
    }

    #[test]
    fn raw_html_is_kept_in_bodies() {
        let r = render_simple("<div class=\"x\">hi</div>\n");
        assert!(r.contains("<div class=\"x\">hi</div>"));
    }

    #[test]
    fn shortcodes_in_html_blocks_are_rendered() {
        let md = "<div class=\"row\">\n    {{ youtube(id=\"dQw4w9WgXcQ\") }}\n</div>\n\n<x-s>\n  <x-t>{{ youtube(id=\"abcdefghijk\") }}</x-t>\n</x-s>\n";
        let r = render(md, |_, _| Ok(Resolved::Keep));
        assert!(!r.html.contains(crate::shortcodes::MARK_OPEN), "{}", r.html);
        assert!(
            r.html
                .contains("data-embed=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<x-t><"), "{}", r.html);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }

    #[test]
    fn a_call_whose_html_has_no_place_is_an_error_at_the_call() {
        let r = render(
            "x\n\n![{{ youtube(id=\"dQw4w9WgXcQ\") }}](p.png)\n",
            |_, _| Ok(Resolved::Keep),
        );
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert_eq!((r.problems[0].line, r.problems[0].column), (3, 3));
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
