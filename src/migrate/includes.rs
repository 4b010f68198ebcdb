//! A Jekyll write-up's `{% include NAME … %}` tags, possibly over several
//! lines. Variables among the parameters (`id=page.youtubeId`) take their
//! values first ([`super::liquidvars`]). Then: the includes
//! [`super::shortcodes::liquid`] knows (al-folio's `figure.liquid`, …) go to
//! it; a player of YouTube or Vimeo given an id becomes folio's shortcode; one
//! given an image (`url`, `src`, `path`, …) a figure; other parameters become
//! Markdown — a blockquote `> **Remark (Overview).** …` when a `type` is
//! given, else a paragraph — and the report names the include so its owner
//! can check it. What is left (`{% include instagram.html %}`) is left out,
//! never shown as Liquid on a page: the report names it, with its line.

mod liquid;
mod render;
mod static_files;

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde_json::{Map, Value};

use super::args::Args;
use super::convert::Convert;
use super::refs::Ref;
use super::shortcodes;

/// `{% capture NAME %}…{% endcapture %}` in a write-up: text for an include.
static CAPTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)\{%-?\s*capture\s+([A-Za-z_][\w-]*)\s*-?%\}(.*?)\{%-?\s*endcapture\s*-?%\}")
        .expect("valid regex")
});

static INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"\{%-?\s*include(_relative)?\s+(\{\{.*?\}\}|[^\s%}]+)((?:[^%"']|"(?:[^"\\]|\\.)*"|'[^']*'|%[^}])*?)-?%\}"#,
    )
    .expect("valid regex")
});

/// Whether the text before ends inside an HTML comment (the old site showed nothing).
fn in_comment(before: &str) -> bool {
    before
        .rfind("<!--")
        .is_some_and(|open| !before[open..].contains("-->"))
}

/// Whether the text before (in parts, in order) ends inside `{% raw %}`:
/// what follows is shown as written.
fn in_raw(before: [&str; 2]) -> bool {
    before
        .iter()
        .rev()
        .find_map(|part| super::plain::RAW.find_iter(part).last())
        .is_some_and(|m| !m.as_str().contains("endraw"))
}

/// Includes [`super::shortcodes::liquid`] turns into folio shortcodes.
const KNOWN: &[&str] = &["figure", "video", "image", "youtube", "vimeo"];

/// Parameters that name the block rather than say what is in it.
const TITLE_KEYS: &[&str] = &["name", "title"];
const LEFT_OUT_KEYS: &[&str] = &["type", "id", "class", "style", "num"];
/// Parameters that may name an image, and those that describe it.
const IMAGE_KEYS: &[&str] = &["url", "src", "path", "file", "image", "img"];
const ALT_KEYS: &[&str] = &["alt", "description", "caption", "title"];
/// Parameters of a button or link include: its address, and its text.
const LINK_KEYS: &[&str] = &["url", "link", "href"];
const TEXT_KEYS: &[&str] = &["text", "label", "title"];

pub use render::page_vars;

/// A `{{ … }}` output of the write-up's text rendered with its page variables
/// (`page`) and the old site's settings; `Err` says why it cannot be.
pub fn render_output(
    cx: &Convert,
    page: &Map<String, Value>,
    text: &str,
) -> Result<String, String> {
    let captures = HashMap::new();
    let scope = render::Scope {
        page,
        captures: &captures,
    };
    render::render_text(cx, &scope, text)
}

/// `body` (starting on line `first_line`, of a write-up whose front matter is
/// `page`) with each include outside code blocks, comments and `{% raw %}`
/// converted or left out; the line count stays (blank lines pad it).
pub fn convert(
    cx: &mut Convert,
    page: &Map<String, Value>,
    body: &str,
    first_line: usize,
) -> String {
    if !body.contains("include") {
        return body.to_string();
    }
    let mut out = String::with_capacity(body.len());
    let (mut line, mut offset) = (first_line, 0);
    let mut captures = HashMap::new();
    for (fenced, chunk) in chunks(body) {
        if fenced {
            out.push_str(chunk);
        } else {
            let at = Place {
                before: &body[..offset],
                line,
            };
            let chunk = take_captures(cx, page, (chunk, line), &mut captures);
            let scope = render::Scope {
                page,
                captures: &captures,
            };
            out.push_str(&convert_chunk(cx, &scope, &chunk, at));
        }
        line += chunk.matches('\n').count();
        offset += chunk.len();
    }
    out
}

/// Where a chunk of the body starts: the body before it, and its line.
struct Place<'a> {
    before: &'a str,
    line: usize,
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

/// `text` (starting on line `line`) without the `{% capture NAME %}` blocks
/// an include of `text` is given (blank lines keep the line count), their
/// text kept in `captures`: its includes converted, then its other Liquid
/// rendered. A capture no include is given stays where it is, so its text is
/// never lost.
fn take_captures(
    cx: &mut Convert,
    page: &Map<String, Value>,
    (text, line): (&str, usize),
    captures: &mut HashMap<String, String>,
) -> String {
    if !text.contains("capture") {
        return text.to_string();
    }
    CAPTURE
        .replace_all(text, |c: &Captures| {
            if !given_to_an_include(text, &c[1]) {
                return c[0].to_string();
            }
            let scope = render::Scope {
                page,
                captures: &*captures,
            };
            let start = c.get(2).map_or(0, |m| m.start());
            let at = Place {
                before: "",
                line: line + text[..start].matches('\n').count(),
            };
            let own = convert_chunk(cx, &scope, &c[2], at);
            let value = render::render_text(cx, &scope, &own).unwrap_or(own);
            captures.insert(c[1].to_string(), value);
            cx.converted("capture block (its text goes to the include that uses it)");
            "\n".repeat(c[0].matches('\n').count())
        })
        .into_owned()
}

/// Whether an include in `text` is given the variable `name` (`x=name`).
fn given_to_an_include(text: &str, name: &str) -> bool {
    INCLUDE.captures_iter(text).any(|c| {
        c[3].split('=').skip(1).any(|value| {
            let value = value.trim_start();
            value.strip_prefix(name).is_some_and(|rest| {
                !rest.starts_with(|ch: char| ch.is_alphanumeric() || ch == '_' || ch == '-')
            })
        })
    })
}

/// The argument text with each variable that names a capture replaced by
/// its text, quoted.
fn with_captures(args: &str, captures: &HashMap<String, String>) -> String {
    if captures.is_empty() {
        return args.to_string();
    }
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#""(?:[^"\\]|\\.)*"|'[^']*'|(=\s*)([A-Za-z_][\w-]*)\b"#).expect("valid regex")
    });
    BARE.replace_all(args, |c: &Captures| {
        match c.get(2).and_then(|v| captures.get(v.as_str())) {
            Some(text) => format!(
                "{}\"{}\"",
                &c[1],
                text.replace('\\', "\\\\").replace('"', "\\\"")
            ),
            None => c[0].to_string(),
        }
    })
    .into_owned()
}

fn convert_chunk(cx: &mut Convert, scope: &render::Scope, text: &str, at: Place) -> String {
    INCLUDE
        .replace_all(text, |c: &Captures| {
            let start = c.get(0).map_or(0, |m| m.start());
            if in_comment(&text[..start]) || in_raw([at.before, &text[..start]]) {
                return c[0].to_string();
            }
            cx.line = at.line + text[..start].matches('\n').count();
            let name = c[2].trim_end_matches('-').trim_matches(['"', '\'']);
            let md = if c.get(1).is_some() {
                cx.hand(format!("`include_relative {name}` left out: folio does not insert files; paste the text of `{name}` here"));
                String::new()
            } else {
                let raw = with_captures(&c[3], scope.captures);
                match super::liquidvars::resolve(cx, scope.page, &raw) {
                    Ok(args) => include(cx, name, &args, (scope, &raw)),
                    Err(var) => rendered(cx, name, (scope, &raw))
                        .unwrap_or_else(|_| left_out(cx, name, Some(&var))),
                }
            };
            fit(&md, c[0].matches('\n').count())
        })
        .into_owned()
}

/// `md` in the lines the include took (`breaks`: its line breaks): padded
/// with blank lines, or its lines after the last joined into one (HTML with
/// no `<pre>`), so the lines after it keep their numbers in the report.
fn fit(md: &str, breaks: usize) -> String {
    let lines = md.matches('\n').count();
    if lines <= breaks {
        return format!("{md}{}", "\n".repeat(breaks - lines));
    }
    if !md.trim_start().starts_with('<') || md.contains("<pre") || md.contains("<textarea") {
        return md.to_string();
    }
    let mut parts: Vec<String> = md.lines().map(str::to_string).collect();
    let rest: Vec<String> = parts.split_off(breaks);
    let rest: Vec<&str> = rest.iter().map(|l| l.trim()).collect();
    parts.push(rest.join(" "));
    parts.join("\n")
}

/// The old site's own include `name` rendered with its parameters (`raw`,
/// its variables not yet resolved), as an HTML block: its lines without
/// their indentation (which Markdown would read as code) and blank lines
/// (which would end the block). `Err`: the site lacks it or it is not an HTML
/// template without scripts (`None`), or why it could not be rendered.
fn rendered(
    cx: &mut Convert,
    name: &str,
    (scope, raw): (&render::Scope, &str),
) -> Result<String, Option<String>> {
    if !(name.ends_with(".html") || name.ends_with(".liquid")) {
        return Err(None);
    }
    // One that runs the old site's scripts is not brought over.
    let template = cx
        .refs
        .include_text(name)
        .filter(|t| !t.to_ascii_lowercase().contains("<script"))
        .ok_or(None)?;
    let html = render::render(cx, scope, &template, raw).map_err(Some)?;
    let pre = html.contains("<pre") || html.contains("<textarea");
    let lines: Vec<&str> = html
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| if pre { l.trim_end() } else { l.trim() })
        .collect();
    cx.converted(&format!(
        "include {name} (the old site's own) → HTML rendered from it"
    ));
    Ok(lines.join("\n"))
}

/// The include `name` with the argument text `text` (its variables
/// resolved) as Markdown or a folio shortcode; nothing when it has none.
fn include(cx: &mut Convert, name: &str, text: &str, own: (&render::Scope, &str)) -> String {
    let args = Args::parse(text);
    let stem = name.split('.').next().unwrap_or_default();
    // The theme's own include: exactly `figure.liquid` or `figure.html`.
    let ext = &name[stem.len()..];
    if KNOWN.contains(&stem)
        && (ext == ".liquid" || ext == ".html")
        && ["path", "url", "id"].iter().any(|k| args.get(k).is_some())
    {
        let one_line = text.replace('\n', " ");
        let tag = format!("{{% include {name} {one_line} %}}");
        let args = Args::parse(one_line.trim());
        if let Some(out) = shortcodes::known_include(cx, stem, &args, &tag) {
            return out;
        }
    }
    if let Some(out) = player(cx, name, &args) {
        return out;
    }
    if let Some(src) = image_of(cx, name, &args) {
        // A file name the include makes a path of (`images/{{ include.slug
        // }}/NAME`): not a file as it is, the include's own HTML shows it.
        let missing = matches!(cx.refs.bundle_file(&src), Ref::Broken(_));
        if let Some(html) = missing.then(|| rendered(cx, name, own).ok()).flatten() {
            return html;
        }
        // Its other parameters (width, class, link) styled the old theme.
        let alt = ALT_KEYS.iter().find_map(|k| args.get(k));
        cx.converted(&format!("include {name} (an image) → figure"));
        let caption = args.get("caption").or(args.get("title"));
        return shortcodes::figure(cx, &src, caption, alt);
    }
    if let Some(out) = link(&args) {
        cx.converted(&format!("include {name} (a link) → Markdown link"));
        return out;
    }
    let unrendered = match rendered(cx, name, own) {
        Ok(html) => return html,
        Err(why) => why.map(|w| format!(" (folio could not render _includes/{name}: {w})")),
    };
    if args.named.is_empty() || markdown(&args).trim().is_empty() {
        return left_out(cx, name, None);
    }
    if shows_as_quoted(cx.refs.include_text(name).as_deref(), &args) {
        cx.converted(&format!("include {name} (a titled box) → blockquote"));
    } else {
        cx.hand(format!(
            "include `{name}` (the old site's own) became Markdown from its parameters{}: check it reads as it did",
            unrendered.unwrap_or_default()
        ));
        cx.converted(&format!("include {name} → Markdown"));
    }
    markdown(&args)
}

/// A YouTube or Vimeo player (`youtubePlayer.html id=…`, an include whose
/// name says so, given an id or the video's address): folio's shortcode.
fn player(cx: &mut Convert, name: &str, args: &Args) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    if !["youtube", "vimeo", "video"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    let values = || (args.named.iter().map(|(_, v)| v)).chain(&args.positional);
    let out = values()
        .find_map(|v| shortcodes::video(v.trim()))
        .or_else(|| {
            let id_key = |k: &str| {
                let k = k.to_ascii_lowercase();
                k == "id" || k.ends_with("id") || k == "v"
            };
            let id = (args.named.iter())
                .find(|(k, _)| id_key(k))
                .map(|(_, v)| v)
                .or(args.positional.first())?
                .trim();
            let is_id = id.len() >= 5
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c));
            let numeric = id.chars().all(|c| c.is_ascii_digit());
            let vimeo = lower.contains("vimeo") || (!lower.contains("youtube") && numeric);
            is_id.then(|| {
                shortcodes::call(if vimeo { "vimeo" } else { "youtube" }, &[("id", Some(id))])
            })
        })?;
    cx.converted(&format!("include {name} (a video player) → shortcode"));
    Some(out)
}

/// The image an include is given (`url="/assets/a.jpg"`): a parameter that
/// may name one whose value is an image file, or any value of such a
/// parameter when the old site's include shows an `<img>`.
fn image_of(cx: &Convert, name: &str, args: &Args) -> Option<String> {
    let shows_img = cx
        .refs
        .include_text(name)
        .is_some_and(|t| t.contains("<img"));
    args.named
        .iter()
        .filter(|(k, v)| {
            IMAGE_KEYS.contains(&k.to_ascii_lowercase().as_str()) && !v.trim().is_empty()
        })
        .map(|(_, v)| v.trim())
        .find(|v| {
            shows_img || super::refs::is_image(Path::new(v.split(['?', '#']).next().unwrap_or(v)))
        })
        .map(str::to_string)
}

/// A button or link include given only an address and its text
/// (`url="https://…" text="Live demo"`): a Markdown link `[Live demo](https://…)`.
fn link(args: &Args) -> Option<String> {
    let [a, b] = args.named.as_slice() else {
        return None;
    };
    let is = |keys: &[&str], k: &str| keys.contains(&k.to_ascii_lowercase().as_str());
    let (url, text) = [(a, b), (b, a)]
        .into_iter()
        .find(|(u, t)| is(LINK_KEYS, &u.0) && is(TEXT_KEYS, &t.0))
        .filter(|_| args.positional.is_empty())?;
    let (url, text) = (url.1.trim(), tidy(&text.1).replace('\n', " "));
    if url.is_empty() || url.contains(char::is_whitespace) || text.is_empty() {
        return None;
    }
    let text = text.replace('[', "\\[").replace(']', "\\]");
    Some(format!("[{text}]({url})"))
}

/// Nothing for an include folio cannot convert, named in the report with
/// what to do; `unknown`: the variable whose value was not found.
fn left_out(cx: &mut Convert, name: &str, unknown: Option<&str>) -> String {
    let why = match unknown {
        Some(var) => format!(
            "`{var}` has no value here (not in the write-up's front matter nor in _config.yml)"
        ),
        None => "folio has no equivalent of the old site's includes".to_string(),
    };
    let own = if cx.refs.include_text(name).is_some() {
        format!(" (what it showed is in the old site's _includes/{name})")
    } else {
        String::new()
    };
    cx.hand(format!(
        "include `{name}` left out: {why}{own}; write what it showed here in Markdown or HTML, or leave it out"
    ));
    String::new()
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
    use crate::migrate::Hand;
    use crate::migrate::refs::{Refs, SiteMap};

    fn page() -> Map<String, Value> {
        let page = serde_json::json!({"youtubeId": "Qw3rTy12345", "clip": 76979871});
        page.as_object().cloned().unwrap_or_default()
    }

    fn run_in(map: &SiteMap, source: &Path, body: &str) -> (String, Vec<Hand>) {
        let mut refs = Refs::new(map, source, None);
        let mut cx = Convert::new(&mut refs);
        let out = convert(&mut cx, &page(), body, 10);
        (out, cx.hands)
    }

    fn run(body: &str) -> (String, Vec<Hand>) {
        run_in(&SiteMap::default(), Path::new("/nonexistent/a.md"), body)
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
            "{% include callout.html title=\"Tip\" text=\"Save often.\" extra='Twice.' %}\n```\n{% include callout.html text=\"x\" %}\n```\n<!-- {% include callout.html text=\"y\" %} -->\n{% raw %}{% include callout.html %}{% endraw %}\n",
        );
        assert_eq!(
            out,
            "**Tip.** Save often.\n\nTwice.\n```\n{% include callout.html text=\"x\" %}\n```\n<!-- {% include callout.html text=\"y\" %} -->\n{% raw %}{% include callout.html %}{% endraw %}\n"
        );
    }

    #[test]
    fn a_video_player_given_an_id_from_front_matter_becomes_folios_shortcode() {
        let (out, hands) = run(
            "{% include youtubePlayer.html id=page.youtubeId %}\n{% include video-embed.html id=page.clip %}\n{% include vimeo.html url=\"https://vimeo.com/123456\" %}\n{%- include youtube.html id=page.youtubeId -%}\n",
        );
        assert_eq!(
            out,
            "{{ youtube(id=\"Qw3rTy12345\") }}\n{{ vimeo(id=\"76979871\") }}\n{{ vimeo(id=\"123456\") }}\n{{ youtube(id=\"Qw3rTy12345\") }}\n"
        );
        assert!(hands.is_empty(), "{hands:?}");
    }

    #[test]
    fn an_image_include_becomes_a_figure_described_by_its_parameters() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("assets")).unwrap();
        std::fs::write(root.join("assets/pier.png"), "x").unwrap();
        let map = SiteMap {
            static_roots: vec![root.to_path_buf()],
            root: root.to_path_buf(),
            ..SiteMap::default()
        };
        let body = "{% include image.html url=\"/assets/pier.png\" description=\"Boats at dawn\" %}\n{% include photo.html file=\"{{ site.baseurl }}/assets/pier.png\" caption=\"The pier\" width=\"50%\" %}\n{% include button.html url=\"/about/\" text=\"About\" %}\n";
        let (out, hands) = run_in(&map, &root.join("_projects/a.md"), body);
        assert_eq!(
            out,
            "{{ figure(src=\"pier.png\", alt=\"Boats at dawn\") }}\n{{ figure(src=\"pier.png\", caption=\"The pier\", alt=\"The pier\") }}\n[About](/about/)\n",
        );
        assert!(hands.is_empty(), "{hands:?}");
    }

    #[test]
    fn a_button_given_an_address_and_its_text_becomes_a_markdown_link() {
        let body = "{% include button.html url=\"https://example.com/demo\" text=\"Live demo\" %}\n{% include link.html label='Code [v2]' href=\"{{ site.baseurl }}/code/\" %}\n{% include cta.html link=\"/a/\" title=\"A\" %}\n{% include button.html url=\"/a/\" text=\"A\" class=\"big\" %}\n{% include button.html url=\"not an address\" text=\"A\" %}\n";
        let (out, hands) = run(body);
        assert_eq!(
            out,
            "[Live demo](https://example.com/demo)\n[Code \\[v2\\]](/code/)\n[A](/a/)\n/a/\n\nA\nnot an address\n\nA\n"
        );
        assert_eq!(hands.len(), 2, "the last two only: {hands:?}");
    }

    /// A site with the includes `card.html` (rendered) and `feed.html`
    /// (a plugin's tag: converted as before).
    fn own_site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let inc = dir.path().join("_includes");
        std::fs::create_dir_all(&inc).unwrap();
        std::fs::write(
            inc.join("card.html"),
            "<div class=\"card\">\n\n    <img src=\"{% link img/{{ page.slug }}-{{ include.n }}.png %}\">\n    {{ include.text | markdownify }}\n</div>\n",
        )
        .unwrap();
        std::fs::write(inc.join("feed.html"), "{% feed_items %}").unwrap();
        dir
    }

    #[test]
    fn the_sites_own_include_is_rendered_in_the_lines_it_took() {
        let dir = own_site();
        let map = SiteMap {
            root: dir.path().to_path_buf(),
            ..SiteMap::default()
        };
        let body = "A\n{% capture notes %}\nSome *notes*.\n{% endcapture %}\n{% include card.html\n  n=2 text=notes %}\n{% include feed.html title=\"Feed\" %}\nB\n";
        let (out, hands) = run_in(&map, &dir.path().join("_projects/kite.md"), body);
        assert_eq!(
            out,
            "A\n\n\n\n<div class=\"card\">\n<img src=\"/img/kite-2.png\"> <p>Some <em>notes</em>.</p> </div>\n**Feed.** \nB\n"
        );
        let hands: Vec<_> = hands.iter().map(|h| (h.line, h.message.as_str())).collect();
        assert_eq!(hands.len(), 1, "{hands:?}");
        assert_eq!(hands[0].0, 16);
        assert!(
            hands[0]
                .1
                .starts_with("include `feed.html` (the old site's own) became Markdown")
        );
    }

    #[test]
    fn a_capture_no_include_is_given_keeps_its_text() {
        let dir = own_site();
        let map = SiteMap {
            root: dir.path().to_path_buf(),
            ..SiteMap::default()
        };
        let body = "{% capture aside %}\nKept *text*.\n{% endcapture %}\n{{ aside | markdownify }}\n{% include card.html n=2 text=other %}\n";
        let (out, _) = run_in(&map, &dir.path().join("_projects/kite.md"), body);
        assert!(out.contains("Kept *text*."), "{out}");
        assert!(given_to_an_include("{% include a.html x=notes %}", "notes"));
        assert!(!given_to_an_include(
            "{% include a.html x=notes2 %}",
            "notes"
        ));
        assert!(!given_to_an_include(
            "{% include a.html x=\"notes\" %}",
            "notes"
        ));
    }

    #[test]
    fn rendered_html_keeps_the_lines_it_can() {
        assert_eq!(fit("<p>a</p>", 2), "<p>a</p>\n\n");
        assert_eq!(fit("<div>\n<p>a</p>\n</div>", 1), "<div>\n<p>a</p> </div>");
        assert_eq!(fit("<pre>\na\n</pre>", 0), "<pre>\na\n</pre>");
        assert_eq!(fit("text\nmore", 0), "text\nmore");
    }

    #[test]
    fn what_folio_cannot_convert_is_left_out_and_named_with_its_line() {
        let body = "Photos:\n{% include instagram-api.html %}\n{% include list.html\n  items=page.items %}\nText {% include_relative notes.md %} here.\n";
        let (out, hands) = run(body);
        assert_eq!(out, "Photos:\n\n\n\nText  here.\n");
        let hands: Vec<_> = hands.iter().map(|h| (h.line, h.message.as_str())).collect();
        assert_eq!(hands.len(), 3, "{hands:?}");
        assert_eq!(hands[0].0, 11);
        assert!(
            hands[0]
                .1
                .starts_with("include `instagram-api.html` left out: folio has no equivalent")
        );
        assert_eq!(hands[1].0, 12);
        assert!(
            hands[1].1.contains("`page.items` has no value here"),
            "{hands:?}"
        );
        assert_eq!(hands[2].0, 14);
        assert!(
            hands[2]
                .1
                .starts_with("`include_relative notes.md` left out")
        );
    }
}
