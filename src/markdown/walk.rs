//! The pass over pulldown-cmark's events that makes folio's HTML: heading ids,
//! resolved links and images, highlighted code, scrollable tables, math as MathML,
//! shortcode HTML in place of its marks, and warnings for MDX components.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Tag, TagEnd};

use super::{LinkProblem, Notice, Resolved, escape_markup};
use crate::diagnostics::Severity;
use crate::highlight::Highlighter;
use crate::shortcodes::marks::{self, Segment};
use crate::shortcodes::{self, Expanded, MARK_OPEN};
use crate::slug::slugify;

/// Byte offset to 1-based (line, column in characters) of the original Markdown.
pub struct Lines<'a> {
    md: &'a str,
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(md: &'a str) -> Self {
        let starts = std::iter::once(0)
            .chain(md.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { md, starts }
    }

    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.md.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self
            .md
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

pub struct Walk<'e, 'l, F> {
    pub events: Vec<(Event<'e>, Range<usize>)>,
    pub out: Vec<Event<'e>>,
    pub problems: Vec<LinkProblem>,
    pub notices: Vec<Notice>,
    pub lines: &'l Lines<'l>,
    pub expanded: Option<&'l Expanded>,
    pub resolve: F,
    /// Highlights fenced code; `None`: code stays plain (nothing is published).
    pub highlighter: Option<&'l Highlighter>,
    used_ids: HashSet<String>,
    i: usize,
}

impl<'e, 'l, F> Walk<'e, 'l, F>
where
    F: FnMut(&str, bool) -> crate::Result<Resolved>,
{
    pub fn new(
        events: Vec<(Event<'e>, Range<usize>)>,
        lines: &'l Lines<'l>,
        expanded: Option<&'l Expanded>,
        resolve: F,
    ) -> Self {
        let capacity = events.len();
        Walk {
            events,
            out: Vec::with_capacity(capacity),
            problems: Vec::new(),
            notices: Vec::new(),
            lines,
            expanded,
            resolve,
            highlighter: None,
            used_ids: HashSet::new(),
            i: 0,
        }
    }

    /// Runs the pass; the HTML events end up in `out`.
    pub fn run(&mut self) {
        while self.i < self.events.len() {
            let (event, range) = self.events[self.i].clone();
            match event {
                Event::Start(Tag::Heading { .. }) => self.heading(event),
                Event::Start(Tag::Link { .. }) => self.link(event, range),
                Event::Start(Tag::Image { .. }) => self.image(event, range),
                Event::Start(Tag::CodeBlock(kind)) => self.code_block(kind),
                Event::Start(Tag::Table(_)) => self.table_start(event),
                Event::End(TagEnd::Table) => {
                    self.out.push(event);
                    self.out.push(Event::Html("</div>\n".into()));
                }
                Event::Start(Tag::Paragraph) if self.lone_mark().is_some() => {
                    let html = self.lone_mark().unwrap_or_default();
                    self.out
                        .push(Event::Html(CowStr::from(format!("{html}\n"))));
                    self.i += 2;
                }
                Event::Text(t) if t.contains(MARK_OPEN) => self.marks(&t),
                Event::InlineMath(t) => self.math(&t, false, range),
                Event::DisplayMath(t) => self.math(&t, true, range),
                Event::Html(ref h) | Event::InlineHtml(ref h) => {
                    self.jsx(h, range.start);
                    self.out.push(self.html_with_pieces(event));
                }
                e => self.out.push(e),
            }
            self.i += 1;
        }
    }

    /// Where an offset of the parsed text is in the original Markdown.
    fn locate(&self, offset: usize) -> (usize, usize) {
        let original = self.expanded.map_or(offset, |e| e.original_offset(offset));
        self.lines.locate(original)
    }

    fn problem(&mut self, offset: usize, message: String) {
        let (line, column) = self.locate(offset);
        self.problems.push(LinkProblem {
            line,
            column,
            message,
        });
    }

    pub fn notice(&mut self, offset: usize, severity: Severity, message: String, help: String) {
        let (line, column) = self.locate(offset);
        self.notices.push(Notice {
            line,
            column,
            severity,
            message,
            help,
        });
    }

    fn heading(&mut self, event: Event<'e>) {
        let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = event
        else {
            return;
        };
        let mut text = String::new();
        for (e, _) in &self.events[self.i + 1..] {
            match e {
                Event::End(TagEnd::Heading(_)) => break,
                Event::Text(t) => text.push_str(&marks::strip(t)),
                Event::Code(t) => text.push_str(t),
                _ => {}
            }
        }
        let base = match id {
            Some(id) => id.to_string(),
            None => Some(slugify(&text))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "section".to_string()),
        };
        let mut unique = base.clone();
        let mut n = 1;
        while !self.used_ids.insert(unique.clone()) {
            unique = format!("{base}-{n}");
            n += 1;
        }
        self.out.push(Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(unique)),
            classes,
            attrs,
        }));
    }

    fn link(&mut self, event: Event<'e>, range: Range<usize>) {
        let Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) = event
        else {
            return;
        };
        let dest = if matches!(link_type, LinkType::Email) {
            dest_url
        } else {
            match (self.resolve)(&dest_url, false) {
                Ok(Resolved::Keep) => dest_url,
                Ok(Resolved::Url(u)) => CowStr::from(u),
                Err(e) => {
                    self.problem(range.start, e.message().to_string());
                    dest_url
                }
            }
        };
        self.out.push(Event::Start(Tag::Link {
            link_type,
            dest_url: dest,
            title,
            id,
        }));
    }

    fn image(&mut self, event: Event<'e>, range: Range<usize>) {
        let Event::Start(Tag::Image {
            dest_url, title, ..
        }) = event
        else {
            return;
        };
        let src = match (self.resolve)(&dest_url, true) {
            Ok(Resolved::Keep) => dest_url.to_string(),
            Ok(Resolved::Url(u)) => u,
            Err(e) => {
                self.problem(range.start, e.message().to_string());
                dest_url.to_string()
            }
        };
        // The alt text is the plain text inside the image.
        let mut alt = String::new();
        let mut depth = 0;
        self.i += 1;
        while let Some((e, _)) = self.events.get(self.i) {
            match e {
                Event::Start(_) => depth += 1,
                Event::End(TagEnd::Image) if depth == 0 => break,
                Event::End(_) => depth -= 1,
                Event::Text(t) | Event::Code(t) => alt.push_str(t),
                _ => {}
            }
            self.i += 1;
        }
        let mut tag = format!(
            "<img src=\"{}\" alt=\"{}\" loading=\"lazy\" decoding=\"async\"",
            escape_markup(&src),
            escape_markup(&alt)
        );
        if !title.is_empty() {
            tag.push_str(&format!(" title=\"{}\"", escape_markup(&title)));
        }
        tag.push('>');
        self.out.push(Event::InlineHtml(CowStr::from(tag)));
    }

    /// A code block: highlighted when its fence names a known language and the
    /// page is published, else plain.
    fn code_block(&mut self, kind: CodeBlockKind<'e>) {
        let mut code = String::new();
        self.i += 1;
        while let Some((e, _)) = self.events.get(self.i) {
            match e {
                Event::End(TagEnd::CodeBlock) => break,
                Event::Text(t) => code.push_str(t),
                _ => {}
            }
            self.i += 1;
        }
        let lang = match &kind {
            CodeBlockKind::Fenced(info) => crate::highlight::language_of(info),
            CodeBlockKind::Indented => String::new(),
        };
        let class = if lang.is_empty() {
            String::new()
        } else {
            format!(" class=\"language-{}\"", escape_markup(&lang))
        };
        let spans = self.highlighter.and_then(|h| h.html(&lang, &code));
        let html = match spans {
            Some(spans) => format!(
                "<pre class=\"code\" tabindex=\"0\"><code{class} data-lang=\"{}\">{spans}</code></pre>\n",
                escape_markup(&lang)
            ),
            None => format!(
                "<pre tabindex=\"0\"><code{class}>{}</code></pre>\n",
                escape_markup(&code)
            ),
        };
        self.out.push(Event::Html(CowStr::from(html)));
    }

    /// A table scrolls sideways in its own box, which keyboards can reach and
    /// screen readers name by the table's header cells.
    fn table_start(&mut self, event: Event<'e>) {
        let mut head = Vec::new();
        let mut cell = String::new();
        for (e, _) in &self.events[self.i + 1..] {
            match e {
                Event::End(TagEnd::TableHead) => break,
                Event::End(TagEnd::TableCell) => head.push(std::mem::take(&mut cell)),
                Event::Text(t) => cell.push_str(&marks::strip(t)),
                Event::Code(t) => cell.push_str(t),
                _ => {}
            }
        }
        let label = head
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        self.out.push(Event::Html(CowStr::from(format!(
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n",
            escape_markup(&label)
        ))));
        self.out.push(event);
    }

    /// The HTML of a paragraph that is one shortcode alone (a block, not in `<p>`).
    fn lone_mark(&self) -> Option<String> {
        let (Event::Text(t), _) = self.events.get(self.i + 1)? else {
            return None;
        };
        let (Event::End(TagEnd::Paragraph), _) = self.events.get(self.i + 2)? else {
            return None;
        };
        let t = t.trim();
        let (_, n) = marks::find_mark(t, 0).filter(|(r, _)| *r == (0..t.len()))?;
        // Escaped calls (`{{/* … */}}`) are text: they stay in their paragraph.
        self.expanded?
            .pieces
            .get(n)
            .filter(|h| h.starts_with('<'))
            .cloned()
    }

    /// Text with shortcode marks: the marks become their HTML.
    fn marks(&mut self, text: &str) {
        let pieces = self.expanded.map(|e| e.pieces.as_slice()).unwrap_or(&[]);
        for segment in marks::segments(text) {
            match segment {
                Segment::Text(t) => self.out.push(Event::Text(CowStr::from(t.to_string()))),
                Segment::Mark(n) => {
                    if let Some(html) = pieces.get(n) {
                        self.out.push(Event::InlineHtml(CowStr::from(html.clone())));
                    }
                }
            }
        }
    }

    /// Raw HTML (a block or inline) with the shortcodes in it rendered.
    fn html_with_pieces(&self, event: Event<'e>) -> Event<'e> {
        let Some(expanded) = self.expanded else {
            return event;
        };
        match event {
            Event::Html(h) if h.contains(MARK_OPEN) => {
                Event::Html(CowStr::from(marks::fill(&h, &expanded.pieces)))
            }
            Event::InlineHtml(h) if h.contains(MARK_OPEN) => {
                Event::InlineHtml(CowStr::from(marks::fill(&h, &expanded.pieces)))
            }
            e => e,
        }
    }

    fn math(&mut self, latex: &str, display: bool, range: Range<usize>) {
        let (html, error) = super::math::to_mathml(latex, display);
        if let Some(error) = error {
            let help = "check the LaTeX; to write a dollar sign, escape it: \\$".to_string();
            self.notice(range.start, Severity::Warning, error, help);
        }
        // `$$…$$` is inline in pulldown-cmark too: `<math display="block">` breaks the line.
        self.out.push(Event::InlineHtml(CowStr::from(html)));
    }

    fn jsx(&mut self, html: &str, offset: usize) {
        if let Some(name) = shortcodes::foreign::jsx_component(html) {
            let (message, help) = shortcodes::foreign::jsx_advice(html.trim(), name);
            self.notice(offset, Severity::Warning, message, help);
        }
    }
}
