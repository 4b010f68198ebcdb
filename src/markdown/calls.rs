//! Expanding a page's shortcodes before its Markdown is parsed: calls inside code
//! (and math, when on) are left alone.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::{RenderOptions, Resolved, is_external_or_fragment, options};
use crate::shortcodes::{self, Expanded, FileInfo, PageFiles, Shortcodes};

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
