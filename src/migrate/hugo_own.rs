//! The old Hugo site's own shortcodes (`layouts/shortcodes/NAME.html`, or
//! its theme's) run at import when their template is simple enough for
//! [`super::gotmpl`]: what they showed goes into the text as HTML. One that
//! only repeats the page's title or description (which folio shows) goes.

use std::sync::LazyLock;

use regex::Regex;

use super::args::Args;
use super::convert::Convert;
use super::gotmpl::{self, Call, INNER_MARK, Site, Used};
use super::refs::{Ref, Refs};

/// What converts one line of a write-up's text.
pub(super) type LineFn = fn(&mut Convert, &str) -> String;
/// The site's file `path` under `layouts/`, else its theme's: the path
/// found (from the site's folder) and the file's text.
fn layout(refs: &Refs<'_>, path: &str) -> Option<(String, String)> {
    let own = format!("layouts/{path}");
    if let Some(text) = refs.site_file_text(&own) {
        return Some((own, text));
    }
    // The theme the settings name (`theme = "x"`, or the first of a list).
    let theme = refs.site_var("theme").or(refs.site_var("theme[0]"))?;
    let themed = format!("themes/{theme}/{own}");
    refs.site_file_text(&themed).map(|text| (themed, text))
}

/// The template of shortcode `name`, the site's own or its theme's: its
/// path in the old site and its text.
pub(super) fn template(cx: &Convert, name: &str) -> Option<(String, String)> {
    layout(cx.refs, &format!("shortcodes/{name}.html"))
}

/// The old site as its templates read it.
struct OldSite<'r, 'a> {
    refs: &'r mut Refs<'a>,
}

impl Site for OldSite<'_, '_> {
    fn url(&mut self, p: &str) -> Option<String> {
        match self.refs.link(p) {
            // A page of the import: its `@/` path is Markdown's, not HTML's.
            Ref::Rewrite(s) if s.starts_with("@/") => None,
            Ref::Rewrite(s) | Ref::Old(s) => Some(s),
            Ref::Keep => Some(p.to_string()),
            Ref::Broken(_) => None,
        }
    }

    /// Hugo's `partial "name"`: `layouts/partials/` (`_partials/` since
    /// Hugo 0.146), `.html` added when the name has no extension.
    fn partial(&mut self, name: &str) -> Option<String> {
        if name.split('/').any(|p| p == "..") {
            return None;
        }
        let file = if name.contains('.') {
            name.to_string()
        } else {
            format!("{name}.html")
        };
        ["_partials", "partials"]
            .iter()
            .find_map(|dir| layout(self.refs, &format!("{dir}/{file}")))
            .map(|(_, text)| text)
    }
}

/// `template` run for a call with `args` and `inner` on the write-up.
fn render(
    cx: &mut Convert,
    template: &str,
    args: &Args,
    inner: Option<&str>,
) -> Option<(String, Used)> {
    let front = cx.front.clone();
    let title = front.get("title").and_then(|t| t.as_str()).unwrap_or("");
    let mut site = OldSite {
        refs: &mut *cx.refs,
    };
    let mut call = Call {
        positional: &args.positional,
        named: &args.named,
        inner,
        title,
        params: &front,
        site: &mut site,
    };
    gotmpl::render(template, &mut call)
}

/// Shortcode `name` called as `whole` with `args` (`alone` on its line), run:
/// its HTML, or `""` when it only repeated the page's title; `None` when
/// the site lacks its template or the template does what folio can't run.
/// `convert_line` converts the lines of a pair's text (the caller's own
/// shortcode conversion, given so this module need not import it).
pub(super) fn run(
    cx: &mut Convert,
    name: &str,
    args: &Args,
    whole: &str,
    alone: bool,
    convert_line: LineFn,
) -> Option<String> {
    let (_, template) = template(cx, name)?;
    let closed = whole
        .trim_end_matches("}}")
        .trim_end_matches(['>', '%'])
        .trim_end()
        .ends_with('/');
    let first = render(cx, &template, args, (!closed).then_some(INNER_MARK));
    // A template that takes the pair's text apart (or fails on the mark
    // standing in for it) runs on that text, up to the closing tag.
    let whole_pair = !closed && first.as_ref().is_none_or(|(_, u)| u.inner_read);
    let (html, used) = if whole_pair {
        with_inner(cx, name, &template, args, alone, convert_line)?
    } else {
        first?
    };
    let html = uncommented(&html);
    if used.shown_meta && !used.args && !used.inner && !used.other_page {
        cx.converted(&format!(
            "shortcode {name} left out: it showed the page's title or description, which folio shows"
        ));
        return Some(String::new());
    }
    let (before, after) = match html.split_once(INNER_MARK) {
        _ if whole_pair => (html, None),
        Some((b, a)) if !a.contains(INNER_MARK) => (b.to_string(), Some(a.to_string())),
        Some(_) => return None,
        None if used.inner && !closed => return None,
        None => (html, None),
    };
    let before = match after {
        Some(after) => {
            cx.hugo_open.push((name.to_string(), tidy(&after, alone)));
            before
        }
        None if alone && !cx.in_inner => paragraph(before.trim()),
        None => before,
    };
    cx.converted(&format!(
        "shortcode {name} → HTML, run from the old site's template (check it reads as it did)"
    ));
    Some(tidy(&before, alone))
}

/// Pair `name` (opened alone on its line) run on the text it holds, as
/// Hugo's `.Inner` has it: the lines up to its closing tag (alone on its
/// line), their shortcodes run. Those lines are then skipped; `None`, and
/// nothing changed, when there is no such closing tag or the run fails.
fn with_inner(
    cx: &mut Convert,
    name: &str,
    template: &str,
    args: &Args,
    alone: bool,
    convert_line: LineFn,
) -> Option<(String, Used)> {
    if !alone || cx.in_inner {
        return None;
    }
    let n = pair_end(cx.body_lines.get(cx.at + 1..)?, name)?;
    let lines = cx.body_lines[cx.at + 1..cx.at + 1 + n].to_vec();
    let (hands, done, open) = (cx.hands.len(), cx.done.clone(), cx.hugo_open.len());
    cx.in_inner = true;
    let mut inner = String::from("\n");
    for line in &lines {
        inner.push_str(&convert_line(cx, line));
    }
    cx.in_inner = false;
    let ran = render(cx, template, args, Some(&inner)).filter(|_| cx.hugo_open.len() == open);
    match ran {
        Some(ran) => {
            cx.skip = n + 1;
            Some(ran)
        }
        None => {
            cx.hands.truncate(hands);
            cx.done = done;
            cx.hugo_open.truncate(open);
            None
        }
    }
}

/// Of the lines after pair `name` opened, the offset of its closing tag,
/// when that is alone on its line and no other of its name opens first.
fn pair_end(lines: &[String], name: &str) -> Option<usize> {
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\{\{[<%]\s*(/?)\s*([\w-]+)").expect("valid regex"));
    for (k, line) in lines.iter().enumerate() {
        let t = line.trim();
        let alone = t.starts_with("{{") && t.ends_with("}}") && TAG.find_iter(t).count() == 1;
        let mut ours = TAG
            .captures_iter(line)
            .filter(|c| c[2].eq_ignore_ascii_case(name));
        if let Some(c) = ours.next() {
            return (!c[1].is_empty() && alone).then_some(k);
        }
    }
    None
}

/// A template's HTML comments (notes on its use) left out: the reader never
/// saw them, and in Markdown one would take in the rest of its line.
fn uncommented(html: &str) -> String {
    static COMMENT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("valid regex"));
    COMMENT.replace_all(html, "").into_owned()
}

/// The closing tag of a shortcode [`run`] opened: the rest of its HTML.
pub(super) fn close(cx: &mut Convert, name: &str, alone: bool) -> Option<String> {
    let at = cx.hugo_open.iter().rposition(|(n, _)| n == name)?;
    let (_, after) = cx.hugo_open.remove(at);
    Some(if alone && !after.is_empty() {
        format!("\n{after}")
    } else {
        after
    })
}

/// HTML alone on its line as Hugo's Markdown showed it: in a paragraph
/// unless it is a block already (so it is not read as the page's summary).
fn paragraph(html: &str) -> String {
    static BLOCK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^<(?:!--|(?:address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|iframe|main|nav|ol|p|pre|script|section|style|table|ul)\b)",
        )
        .expect("valid regex")
    });
    if html.is_empty() || BLOCK.is_match(html) {
        html.to_string()
    } else {
        format!("<p>{html}</p>")
    }
}

/// HTML in Markdown: no blank lines (they would end its block) and, outside
/// `<pre>`, no indents (they would make code); alone on its line, a blank
/// line after it so Markdown that follows is read as Markdown; in a line
/// of text, one line.
fn tidy(html: &str, alone: bool) -> String {
    let pre = html.contains("<pre") || html.contains("<textarea");
    let lines: Vec<&str> = html
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| if pre { l } else { l.trim() })
        .collect();
    match (alone, lines.is_empty()) {
        (_, true) => String::new(),
        (true, false) => format!("{}\n", lines.join("\n")),
        (false, false) => lines.join(" "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_its_block_and_markdown_after_it_stays_markdown() {
        assert_eq!(
            tidy("<div>\n\n    <b>x</b>\n</div>\n", true),
            "<div>\n<b>x</b>\n</div>\n"
        );
        assert_eq!(tidy("<i>\n  a\n</i>", false), "<i> a </i>");
        assert_eq!(tidy("<pre>\n    x\n</pre>", true), "<pre>\n    x\n</pre>\n");
        assert_eq!(tidy("\n \n", true), "");
    }

    #[test]
    fn inline_html_alone_on_its_line_is_a_paragraph() {
        assert_eq!(
            paragraph("<a href=\"/x\">Go</a>"),
            "<p><a href=\"/x\">Go</a></p>"
        );
        assert_eq!(
            paragraph("<div class=\"n\">x</div>"),
            "<div class=\"n\">x</div>"
        );
        assert_eq!(paragraph("<!-- note -->"), "<!-- note -->");
        assert_eq!(paragraph(""), "");
    }
}
