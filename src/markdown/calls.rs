//! Expanding a page's shortcodes before its Markdown is parsed: calls inside code
//! (and math, when on) are left alone. After the walk, a mark still in the HTML
//! is an error at its call: no placeholder reaches a page.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::walk::Lines;
use super::{Notice, RenderOptions, Resolved, is_external_or_fragment, options};
use crate::diagnostics::Severity;
use crate::shortcodes::{self, Expanded, FileInfo, PageFiles, Shortcodes, marks};

/// Makes the page's embeds (click to load) and lightboxes (Esc closes) work. One
/// small script per page that has them; without JavaScript the embed is a link
/// to the video and the lightbox opens and closes by its links.
pub const MEDIA_SCRIPT: &str = include_str!("media.js.html");

/// The shortcodes of `md` expanded, or `None` when it has none (no cost then).
pub fn expand<F>(md: &str, opts: RenderOptions, resolve: &mut F) -> Option<Expanded>
where
    F: FnMut(&str, bool) -> crate::Result<Resolved>,
{
    if !shortcodes::may_have_calls(md) {
        return None;
    }
    let skip = code_ranges(md, opts.math);
    let registry = opts.shortcodes.unwrap_or_else(|| Shortcodes::builtin());
    let expanded = match opts.files {
        Some(files) => shortcodes::expand(md, &skip, registry, files),
        None => shortcodes::expand(md, &skip, registry, &mut ViaResolver(resolve)),
    };
    Some(expanded)
}

/// An error at each call whose mark is still in `html` (a place where its
/// HTML cannot go, such as a link's address or an image's alt text).
pub fn leaked(html: &str, expanded: &Expanded, lines: &Lines) -> Vec<Notice> {
    let mut notices = Vec::new();
    let mut pos = 0;
    while let Some((range, n)) = marks::find_mark(html, pos) {
        pos = range.end;
        let offset = expanded.edits.get(n).map_or(0, |e| e.old.start);
        let (line, column) = lines.locate(offset);
        notices.push(Notice {
            line,
            column,
            severity: Severity::Error,
            message: "this shortcode is where its HTML cannot go".to_string(),
            help: "put a shortcode in text, on a line of its own or inside an HTML block; \
                   not in a link's address, an image's alt text, a heading's id or a table's header"
                .to_string(),
        });
    }
    notices
}

/// Byte ranges of code spans, code blocks and (when on) math, in order.
fn code_ranges(md: &str, math: bool) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(md, options(math)).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_))
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => ranges.push(range),
            Event::End(TagEnd::CodeBlock) => {}
            _ => {}
        }
    }
    ranges.sort_by_key(|r| r.start);
    ranges
}

/// Page files through the link resolver only: URLs, but no sizes or listing.
struct ViaResolver<'r, F>(&'r mut F);

impl<F> PageFiles for ViaResolver<'_, F>
where
    F: FnMut(&str, bool) -> crate::Result<Resolved>,
{
    fn file(&mut self, name: &str, is_image: bool) -> crate::Result<FileInfo> {
        if is_external_or_fragment(name) && !name.starts_with("//") {
            return Ok(FileInfo {
                url: name.to_string(),
                ..FileInfo::default()
            });
        }
        let url = match (self.0)(name, is_image)? {
            Resolved::Keep => name.to_string(),
            Resolved::Url(u) => u,
        };
        Ok(FileInfo {
            url,
            ..FileInfo::default()
        })
    }
}
