//! A project's summary as plain text: for meta descriptions, cards and feeds.
//!
//! Written as `summary:` (Markdown), or taken from the body: the text before
//! `<!--more-->`, else the first paragraph (as Hugo does). The Markdown goes to
//! text in one pass over its events (no HTML in between), with the same
//! typographic quotes and dashes as the rendered page.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The longest derived summary, in columns (a CJK character counts two): about
/// what a search result shows of a meta description (~920 px).
pub const MAX_COLUMNS: usize = 160;

/// The options the page is rendered with that change its words.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Whether an HTML comment is the summary divider, `<!--more-->` (spaces and
/// case aside).
fn is_more(html: &str) -> bool {
    let Some(inner) = html
        .trim()
        .strip_prefix("<!--")
        .and_then(|s| s.strip_suffix("-->"))
    else {
        return false;
    };
    inner.trim().eq_ignore_ascii_case("more")
}

/// A paragraph that is a template call (`{{ youtube(id="…") }}`, `{% … %}`),
/// not prose.
fn is_call(md: &str) -> bool {
    let md = md.trim_start();
    md.starts_with("{{") || md.starts_with("{%")
}

/// The Markdown of the summary a body gives: everything before
/// `<!--more-->` (when there are words before it), else its first top-level paragraph that has words (not an
/// image alone, not a template call). `None` when there is neither.
pub fn derive(body: &str) -> Option<&str> {
    let mut depth = 0usize;
    let mut first: Option<&str> = None;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match event {
            // A divider with no words before it is left aside.
            Event::Html(h) | Event::InlineHtml(h)
                if is_more(&h) && !plain(&body[..range.start]).is_empty() =>
            {
                return Some(body[..range.start].trim());
            }
            Event::Start(Tag::Paragraph) if depth == 0 && first.is_none() => {
                let md = body[range].trim();
                if !is_call(md) && !plain(md).is_empty() {
                    first = Some(md);
                }
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    first
}

/// The words of a Markdown text on one line: markup, images, footnotes and
/// HTML tags left out, spaces collapsed.
pub fn plain(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    // Inside an image (its alt text) or a footnote definition: left out.
    let mut skip = 0usize;
    for event in Parser::new_ext(md, options()) {
        match event {
            Event::Start(Tag::Image { .. } | Tag::FootnoteDefinition(_)) => skip += 1,
            Event::End(TagEnd::Image | TagEnd::FootnoteDefinition) => skip = skip.saturating_sub(1),
            _ if skip > 0 => {}
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                out.push_str(&t)
            }
            Event::Html(h) | Event::InlineHtml(h) => out.push_str(&strip_tags(&h)),
            // Inline markup ends inside a word (`**重写**了`); blocks end words.
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Link
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {}
            Event::SoftBreak | Event::HardBreak | Event::Rule | Event::End(_) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text of raw HTML: tags and comments removed, common entities decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let end = if rest[i..].starts_with("<!--") {
            rest[i..].find("-->").map(|j| i + j + 3)
        } else {
            rest[i..].find('>').map(|j| i + j + 1)
        };
        rest = &rest[end.unwrap_or(rest.len())..];
        out.push(' ');
    }
    out.push_str(rest);
    crate::util::unescape_markup(&out)
}

/// Columns a character takes in a search result: CJK and full-width forms two.
fn columns(c: char) -> usize {
    if crate::plaintext::is_cjk(c) || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFFEF) {
        2
    } else {
        1
    }
}

/// `text` cut to at most `max` columns: at the last sentence end in its
/// second half, else at the last space there with `…`, else (CJK text has no
/// spaces) at the last character that fits, with `…`.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().map(columns).sum::<usize>() <= max {
        return text.to_string();
    }
    // The longest prefix that leaves a column for `…`.
    let mut used = 0;
    let mut end = 0;
    for (i, c) in text.char_indices() {
        used += columns(c);
        if used > max - 1 {
            break;
        }
        end = i + c.len_utf8();
    }
    let prefix = &text[..end];
    let half = prefix.len() / 2;
    // A sentence ends at `.`, `!` or `?` before a space, or at `。！？`.
    let sentence = prefix
        .char_indices()
        .filter(|&(i, c)| {
            let next = text[i + c.len_utf8()..].chars().next();
            matches!(c, '。' | '！' | '？')
                || (matches!(c, '.' | '!' | '?') && next.is_some_and(char::is_whitespace))
        })
        .map(|(i, c)| i + c.len_utf8())
        .rfind(|&i| i > half);
    if let Some(i) = sentence {
        return prefix[..i].to_string();
    }
    let cut = match prefix.rfind(char::is_whitespace) {
        Some(i) if i > half => &prefix[..i],
        _ => prefix,
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:、，；：-–—".contains(c));
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_before_more_is_the_summary() {
        let body = "Intro with **bold**.\n\nSecond paragraph.\n\n<!--more-->\n\nRest.\n";
        assert_eq!(
            derive(body),
            Some("Intro with **bold**.\n\nSecond paragraph.")
        );
        assert_eq!(derive("Short. <!-- More -->\nRest."), Some("Short."));
        // In a code block it is code, not a divider.
        let code = "First.\n\n```html\n<!--more-->\n```\n";
        assert_eq!(derive(code), Some("First."));
    }

    #[test]
    fn else_the_first_paragraph_with_words() {
        let body = "## Context\n\n![A chart](chart.png)\n\n{{ youtube(id=\"x\") }}\n\n> quoted\n\n- item\n\nThe *real* start.\nStill it.\n\nNext.\n";
        assert_eq!(derive(body), Some("The *real* start.\nStill it."));
        assert_eq!(derive("## Only a heading\n\n```\ncode\n```\n"), None);
        assert_eq!(derive(""), None);
    }

    #[test]
    fn plain_text_has_the_words_only() {
        assert_eq!(
            plain("Rebuilt the [guide](a.md) for **Streamline**; tickets fell 40 %.\n![x](y.png)"),
            "Rebuilt the guide for Streamline; tickets fell 40 %."
        );
        assert_eq!(
            plain("the client's `code` <b>bold</b> &amp; more"),
            "the client’s code bold & more"
        );
        assert_eq!(plain("我们**重写**了文档"), "我们重写了文档");
        assert_eq!(plain("Text[^1].\n\n[^1]: A note."), "Text.");
        assert_eq!(plain("a <!-- hidden --> b"), "a b");
    }

    #[test]
    fn long_text_is_cut_at_a_sentence_or_a_word() {
        let short = "Short enough.";
        assert_eq!(shorten(short, 160), short);
        let two = format!(
            "{}. {}",
            "word ".repeat(20).trim(),
            "more ".repeat(30).trim()
        );
        assert_eq!(
            shorten(&two, 160),
            format!("{}.", "word ".repeat(20).trim())
        );
        let one = "word ".repeat(60);
        let cut = shorten(one.trim(), 160);
        assert!(
            cut.ends_with("word…") && cut.chars().count() <= 160,
            "{cut}"
        );
        // CJK counts two columns a character and has no spaces.
        let zh = "本地化".repeat(40);
        let cut = shorten(&zh, 160);
        assert_eq!(cut.chars().count(), 80, "{cut}");
        assert!(cut.ends_with('…'));
        let zh = format!("{}。{}", "文".repeat(50), "字".repeat(60));
        assert_eq!(shorten(&zh, 160), format!("{}。", "文".repeat(50)));
        // `e.g.` or `v1.2` inside a sentence is not its end.
        let eg = format!("Use e.g.x and v1.2 {}", "word ".repeat(40));
        assert!(shorten(eg.trim(), 60).ends_with('…'));
    }
}
