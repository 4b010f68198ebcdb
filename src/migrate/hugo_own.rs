//! The old Hugo site's own shortcodes (`layouts/shortcodes/NAME.html`, or
//! its theme's) run at import when their template is simple enough for
//! [`super::gotmpl`]: what they showed goes into the text as HTML. One that
//! only repeats the page's title or description (which folio shows) goes.

use std::sync::LazyLock;

use regex::Regex;

use super::args::Args;
use super::convert::Convert;
use super::gotmpl::{self, Call};
use super::refs::Ref;

/// Stands for what a pair holds while its template runs.
const INNER: &str = "\u{1}folio-inner\u{1}";

/// The template of shortcode `name`: the site's own, else its theme's.
fn template(cx: &Convert, name: &str) -> Option<String> {
    let own = format!("layouts/shortcodes/{name}.html");
    cx.refs.site_file_text(&own).or_else(|| {
        // The theme the settings name (`theme = "x"`, or the first of a list).
        let theme = cx.refs.site_var("theme").or(cx.refs.site_var("theme[0]"))?;
        cx.refs.site_file_text(&format!("themes/{theme}/{own}"))
    })
}

/// Shortcode `name` called as `whole` with `args` (`alone` on its line), run:
/// its HTML, or `""` when it only repeated the page's title; `None` when
/// the site lacks its template or the template does what folio can't run.
pub(super) fn run(
    cx: &mut Convert,
    name: &str,
    args: &Args,
    whole: &str,
    alone: bool,
) -> Option<String> {
    let template = template(cx, name)?;
    let closed = whole
        .trim_end_matches("}}")
        .trim_end_matches(['>', '%'])
        .trim_end()
        .ends_with('/');
    let front = cx.front.clone();
    let title = front.get("title").and_then(|t| t.as_str()).unwrap_or("");
    let refs = &mut *cx.refs;
    let mut url = |p: &str| match refs.link(p) {
        // A page of the import: its `@/` path is Markdown's, not HTML's.
        Ref::Rewrite(s) if s.starts_with("@/") => None,
        Ref::Rewrite(s) | Ref::Old(s) => Some(s),
        Ref::Keep => Some(p.to_string()),
        Ref::Broken(_) => None,
    };
    let mut call = Call {
        positional: &args.positional,
        named: &args.named,
        inner: (!closed).then_some(INNER),
        title,
        params: &front,
        url: &mut url,
    };
    let (html, used) = gotmpl::render(&template, &mut call)?;
    if used.shown_meta && !used.args && !used.inner && !used.other_page {
        cx.converted(&format!(
            "shortcode {name} left out: it showed the page's title or description, which folio shows"
        ));
        return Some(String::new());
    }
    let (before, after) = match html.split_once(INNER) {
        Some((b, a)) if !a.contains(INNER) => (b.to_string(), Some(a.to_string())),
        Some(_) => return None,
        None if used.inner && !closed => return None,
        None => (html, None),
    };
    let before = match after {
        Some(after) => {
            cx.hugo_open.push((name.to_string(), tidy(&after, alone)));
            before
        }
        None if alone => paragraph(before.trim()),
        None => before,
    };
    cx.converted(&format!(
        "shortcode {name} → HTML, run from the old site's template (check it reads as it did)"
    ));
    Some(tidy(&before, alone))
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
