//! A Jekyll site's own includes called with parameters, possibly over several
//! lines (`{% include theorem.md type="remark" name="Overview" statement="…" %}`):
//! folio has no include, so the parameters become Markdown — a blockquote
//! `> **Remark (Overview).** …` when a `type` is given, else a paragraph —
//! and the report names the include so its owner can check it. Nothing is
//! dropped. The includes [`super::shortcodes::liquid`] converts are left to it.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::convert::Convert;
use super::shortcodes::Args;

static SITE_INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"\{%-?\s*include\s+([\w./-]+)\s+((?:[^%"']|"(?:[^"\\]|\\.)*"|'[^']*'|%[^}])*?=(?:[^%"']|"(?:[^"\\]|\\.)*"|'[^']*'|%[^}])*?)-?%\}"#,
    )
    .expect("valid regex")
});

/// A parameter whose value is a Liquid variable (`images=page.images`): the
/// include is left as it is, for the report to name.
static VARIABLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"=\s*[A-Za-z_][\w.]*(?:\s|$)").expect("valid regex"));

/// Whether the text before ends inside an HTML comment (the old site showed nothing).
fn in_comment(before: &str) -> bool {
    before
        .rfind("<!--")
        .is_some_and(|open| !before[open..].contains("-->"))
}

/// Includes [`super::shortcodes::liquid`] turns into folio shortcodes.
const KNOWN: &[&str] = &["figure", "video", "image", "youtube", "vimeo"];

/// Parameters that name the block rather than say what is in it.
const TITLE_KEYS: &[&str] = &["name", "title"];
const LEFT_OUT_KEYS: &[&str] = &["type", "id", "class", "style", "num"];

/// `body` (starting on line `first_line`) with each site include outside code
/// blocks turned into Markdown; the line count stays (blank lines pad it).
pub fn convert(cx: &mut Convert, body: &str, first_line: usize) -> String {
    if !body.contains("include") {
        return body.to_string();
    }
    let mut out = String::with_capacity(body.len());
    let mut chunk_start = first_line;
    for (fenced, chunk) in chunks(body) {
        if fenced {
            out.push_str(chunk);
        } else {
            out.push_str(&convert_chunk(cx, chunk, chunk_start));
        }
        chunk_start += chunk.matches('\n').count();
    }
    out
}

/// `body` cut into runs of lines outside and inside code fences.
fn chunks(body: &str) -> Vec<(bool, &str)> {
    let mut parts = Vec::new();
    let (mut start, mut at, mut fence): (usize, usize, Option<&str>) = (0, 0, None);
    for line in body.split_inclusive('\n') {
        let t = line.trim_start();
        let mark = ["```", "~~~"].into_iter().find(|m| t.starts_with(m));
        match (fence, mark) {
            (None, Some(m)) => {
                parts.push((false, &body[start..at]));
                (start, fence) = (at, Some(m));
            }
            (Some(open), Some(m)) if open == m => {
                parts.push((true, &body[start..at + line.len()]));
                (start, fence) = (at + line.len(), None);
            }
            _ => {}
        }
        at += line.len();
    }
    parts.push((fence.is_some(), &body[start..]));
    parts.retain(|(_, p)| !p.is_empty());
    parts
}

fn convert_chunk(cx: &mut Convert, text: &str, first_line: usize) -> String {
    SITE_INCLUDE
        .replace_all(text, |c: &Captures| {
            let name = &c[1];
            let stem = name.split('.').next().unwrap_or_default();
            let start = c.get(0).map_or(0, |m| m.start());
            if KNOWN.contains(&stem) || VARIABLE.is_match(&c[2]) || in_comment(&text[..start]) {
                return c[0].to_string();
            }
            cx.line = first_line + text[..start].matches('\n').count();
            let args = Args::parse(&c[2]);
            if shows_as_quoted(cx.refs.include_text(name).as_deref(), &args) {
                cx.converted(&format!("include {name} (a titled box) → blockquote"));
            } else {
                cx.hand(format!(
                    "include `{name}` (the old site's own) became Markdown from its parameters: check it reads as it did"
                ));
                cx.converted(&format!("include {name} → Markdown"));
            }
            let md = markdown(&args);
            let pad = c[0].matches('\n').count().saturating_sub(md.matches('\n').count());
            format!("{md}{}", "\n".repeat(pad))
        })
        .into_owned()
}

/// Whether the include's own text (`None`: the site lacks it) shows just
/// what the blockquote does: a title of its `type` (and `num`, `name`) over
/// its `statement`, as al-folio's theorem boxes do; then nothing is left to
/// check.
fn shows_as_quoted(include: Option<&str>, args: &Args) -> bool {
    let Some(text) = include else {
        return false;
    };
    let used = |key: &str| text.contains(&format!("include.{key}"));
    args.get("type").is_some()
        && args.positional.is_empty()
        && used("type")
        && used("statement")
        && args.named.iter().all(|(k, _)| used(k))
}

/// The parameters as Markdown: `> **Type N (name).** text` with a `type`,
/// else `**name.** text` (or the text alone).
fn markdown(args: &Args) -> String {
    let title = TITLE_KEYS.iter().find_map(|k| args.get(k));
    let text: Vec<String> = args
        .named
        .iter()
        .filter(|(k, v)| {
            !v.trim().is_empty()
                && !TITLE_KEYS.contains(&k.as_str())
                && !LEFT_OUT_KEYS.contains(&k.as_str())
        })
        .map(|(_, v)| v.clone())
        .chain(args.positional.iter().cloned())
        .map(|v| tidy(&v))
        .collect();
    let text = text.join("\n\n");
    let Some(kind) = args.get("type") else {
        return match title {
            Some(t) => format!("**{}.** {text}", t.trim()),
            None => text,
        };
    };
    let mut head = capitalize(kind.trim());
    if let Some(n) = args.get("num") {
        head = format!("{head} {}", n.trim());
    }
    if let Some(t) = title {
        head = format!("{head} ({})", t.trim());
    }
    let quoted: Vec<String> = format!("**{head}.** {text}")
        .lines()
        .map(|l| {
            if l.is_empty() {
                ">".into()
            } else {
                format!("> {l}")
            }
        })
        .collect();
    quoted.join("\n")
}

/// A parameter's text without the indentation of its lines.
fn tidy(v: &str) -> String {
    let lines: Vec<&str> = v.trim().lines().map(str::trim).collect();
    lines.join("\n")
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::refs::{Refs, SiteMap};
    use std::path::Path;

    fn run(body: &str) -> (String, Vec<crate::migrate::Hand>) {
        let map = SiteMap::default();
        let mut refs = Refs::new(&map, Path::new("/nonexistent/a.md"), None);
        let mut cx = Convert::new(&mut refs);
        let out = convert(&mut cx, body, 10);
        (out, cx.hands)
    }

    #[test]
    fn a_typed_include_over_several_lines_becomes_a_blockquote() {
        let body = "Intro.\n\n{% include note.md \n  type=\"remark\"\n  name=\"Scope\"\n  statement=\"\nThe **first** line.\n  \"\n%}\n\nAfter.\n";
        let (out, hands) = run(body);
        assert_eq!(
            out,
            "Intro.\n\n> **Remark (Scope).** The **first** line.\n\n\n\n\n\n\n\nAfter.\n"
        );
        assert_eq!(out.lines().count(), body.lines().count());
        assert_eq!(hands.len(), 1);
        assert_eq!(hands[0].line, 12);
        assert!(hands[0].message.contains("`note.md`"));
    }

    #[test]
    fn untyped_parameters_become_a_paragraph_and_code_stays() {
        let (out, _) = run(
            "{% include callout.html title=\"Tip\" text=\"Save often.\" extra='Twice.' %}\n```\n{% include callout.html text=\"x\" %}\n```\n{% include figure.liquid path=\"a.png\" %}\n{% include news.liquid %}\n<!-- {% include callout.html text=\"y\" %} -->\n{% include list.html items=page.items %}\n",
        );
        assert_eq!(
            out,
            "**Tip.** Save often.\n\nTwice.\n```\n{% include callout.html text=\"x\" %}\n```\n{% include figure.liquid path=\"a.png\" %}\n{% include news.liquid %}\n<!-- {% include callout.html text=\"y\" %} -->\n{% include list.html items=page.items %}\n"
        );
    }
}
