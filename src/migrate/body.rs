//! The text of a write-up: shortcodes converted ([`super::shortcodes`]),
//! links and images pointed at their new places, Liquid and MDX leftovers
//! named with their line, for the report.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::convert::Convert;
use super::refs::Ref;
use super::{cite, eleventy, imports, jsx, plain, shortcodes, zola};

static MD_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(!?)\[((?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*)\](\(\s*)(<[^>]*>|[^)\s]+)(\s*(?:\s\x22[^\x22]*\x22)?\s*\))?",
    )
    .expect("valid regex")
});
static REF_DEF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\s{0,3}\[[^\]]+\]:\s*)(\S+)").expect("valid regex"));
static HTML_ATTR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(\s(?:src|href)\s*=\s*")([^"{}]*)""#).expect("valid regex"));
/// A `srcset` of one image (`<source srcset="/a.webp">`); a list of sizes is left as it is.
static HTML_SRCSET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(\ssrcset\s*=\s*")([^"\s,{}]+)""#).expect("valid regex"));
static BASEURL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{-?\s*site\.(?:baseurl|url)\s*-?\}\}").expect("valid regex"));
static RELATIVE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{\{-?\s*['"]([^'"]*)['"]\s*\|\s*(?:relative_url|absolute_url|prepend:\s*site\.baseurl)\s*-?\}\}"#)
        .expect("valid regex")
});
/// One token of a kramdown attribute list: a class or id, or `key=value`.
static IAL_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([.#][\w-]+)|([\w-]+)=(?:"([^"]*)"|'([^']*)'|([^\s"']+))"#).expect("valid regex")
});
/// A kramdown attribute list right after its element (`[a](b){:target="_blank"}`).
static SPAN_IAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\S)(\{:([^{}]*)\})").expect("valid regex"));
pub(super) static ZOLA_CALL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{[{%]\s*([\w-]+)\s*\(").expect("valid regex"));

fn fence_of(line: &str) -> Option<&'static str> {
    let t = line.trim_start();
    if t.starts_with("```") {
        Some("```")
    } else if t.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

/// Converts `body` (which starts on line `first_line` of its file).
pub fn convert(cx: &mut Convert, body: &str, first_line: usize, mdx: bool) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<&str> = None;
    let mut in_comment = false;
    let mut in_script = false;
    let lines = logical_lines(body);
    cx.body_lines = lines.iter().map(|(_, l)| l.clone()).collect();
    let mut skip_to = 0;
    for (k, (i, line)) in lines.iter().enumerate() {
        if k < skip_to {
            continue;
        }
        cx.line = first_line + i;
        cx.at = k;
        let line = line.as_str();
        // Liquid reads `{% raw %}` before Markdown does, in code blocks too.
        let unraw = plain::raw(cx, line);
        if unraw.trim().is_empty() && !line.trim().is_empty() {
            continue;
        }
        let line = unraw.as_str();
        if let Some(open) = fence {
            if fence_of(line) == Some(open) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if let Some(f) = fence_of(line) {
            fence = Some(f);
            out.push_str(line);
            continue;
        }
        // Inside an HTML comment the old site showed nothing: left as it is.
        let visible = outside_comments(line, &mut in_comment);
        if visible.trim().is_empty() && !line.trim().is_empty() {
            out.push_str(line);
            continue;
        }
        let line = match mdx.then(|| script_part(line, &mut in_script)).flatten() {
            None => line,
            Some(after) => {
                if line.trim_start().starts_with("<script") {
                    cx.converted("component <script> block (removed)");
                }
                imports::note(cx, &line[..line.len() - after.len()]);
                if after.trim().is_empty() {
                    continue;
                }
                after
            }
        };
        if mdx && is_mdx_import(line) {
            imports::note(cx, line);
            cx.converted("MDX import line (removed)");
            continue;
        }
        if is_styling_ial(line) {
            cx.converted("kramdown class list (styling of the old theme, removed)");
            continue;
        }
        let converted = convert_line(cx, line, mdx);
        skip_to = k + 1 + std::mem::take(&mut cx.skip);
        let converted = attribute_lists(cx, converted);
        let converted = eleventy::leave_out(cx, &converted);
        leftovers(cx, &outside_comments(&converted, &mut false));
        // A line that held only a shortcode with no output (a gallery's end) goes.
        if converted.trim().is_empty() && !line.trim().is_empty() {
            continue;
        }
        out.push_str(&converted);
    }
    if mdx {
        jsx::finish(cx);
    }
    out.extend(eleventy::finish(cx));
    out
}

/// How many lines a Hugo shortcode call may span (`{{< gist user` then
/// `id >}}` on the next line, as Hugo allows); longer is not a call.
const CALL_LINES: usize = 4;
/// How many lines a Liquid or Nunjucks tag may span (an Eleventy shortcode
/// given an object: `{% gallery {`, `css: '…'`, `} %}`).
const TAG_LINES: usize = 12;

/// The lines of `body`, each with its index, where a Hugo shortcode call or
/// a `{% … %}` tag split over lines outside code blocks is one line (its
/// parts joined by a space, at the index of its first), so it converts as one.
fn logical_lines(body: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    let mut out = Vec::with_capacity(lines.len());
    let mut fence: Option<&str> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        match fence {
            Some(open) if fence_of(line) == Some(open) => fence = None,
            Some(_) => {}
            None => fence = fence_of(line),
        }
        let end = fence
            .is_none()
            .then(|| unclosed_call(line))
            .flatten()
            .and_then(|kind| call_end(&lines[i + 1..], kind));
        match end {
            Some(n) => {
                let parts = &lines[i..=i + n];
                let joined: Vec<&str> = parts.iter().map(|l| l.trim()).collect();
                let nl = if parts[n].ends_with('\n') { "\n" } else { "" };
                out.push((i, format!("{}{nl}", joined.join(" "))));
                i += n + 1;
            }
            None => {
                out.push((i, line.to_string()));
                i += 1;
            }
        }
    }
    out
}

/// A call or tag left open on a line: which kind.
#[derive(Clone, Copy)]
enum Open {
    /// A Hugo shortcode call (`{{<`, `{{%`).
    Hugo,
    /// A Liquid or Nunjucks tag (`{%`).
    Tag,
}

/// Whether `line` opens a Hugo shortcode call (`{{<`, `{{%`) or a `{% … %}`
/// tag it doesn't close: which.
fn unclosed_call(line: &str) -> Option<Open> {
    let hugo = match (line.rfind("{{<"), line.rfind("{{%")) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    };
    if let Some(open) = hugo {
        let rest = &line[open + 3..];
        return (!rest.contains(">}}") && !rest.contains("%}}")).then_some(Open::Hugo);
    }
    let open = line.rfind("{%")?;
    (!line[open + 2..].contains("%}")).then_some(Open::Tag)
}

/// Of the lines after an unclosed call or tag, the offset of the one that
/// closes it, when one does within [`CALL_LINES`] (a tag: [`TAG_LINES`])
/// with no blank line, fence or other call first.
fn call_end(next: &[&str], kind: Open) -> Option<usize> {
    let (limit, opens, closes): (usize, &str, &[&str]) = match kind {
        Open::Hugo => (CALL_LINES, "{{", &[">}}", "%}}"]),
        Open::Tag => (TAG_LINES, "{%", &["%}"]),
    };
    for (k, l) in next.iter().take(limit - 1).enumerate() {
        if l.trim().is_empty() || fence_of(l).is_some() || l.contains(opens) {
            return None;
        }
        if closes.iter().any(|c| l.contains(c)) {
            return Some(k + 1);
        }
    }
    None
}

/// The text of `line` outside `<!-- … -->`; `open` says whether a comment
/// is open at its start, and is left saying so at its end.
fn outside_comments(line: &str, open: &mut bool) -> String {
    let mut out = String::new();
    let mut rest = line;
    loop {
        if *open {
            match rest.find("-->") {
                Some(i) => {
                    rest = &rest[i + 3..];
                    *open = false;
                }
                None => return out,
            }
        } else {
            match rest.find("<!--") {
                Some(i) => {
                    out.push_str(&rest[..i]);
                    rest = &rest[i + 4..];
                    *open = true;
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            }
        }
    }
}

/// Whether `line` belongs to a `<script>` block of MDX or mdsvex (the
/// imports of its components); `open` tracks the block across lines. `None`:
/// it does not; else what follows a `</script>` on it (text of the write-up,
/// kept), empty when nothing does.
fn script_part<'a>(line: &'a str, open: &mut bool) -> Option<&'a str> {
    let t = line.trim();
    let opens = t.starts_with("<script") && !t.contains(" src=");
    if !*open && !opens {
        return None;
    }
    const CLOSE: &str = "</script>";
    match line.find(CLOSE) {
        Some(at) => {
            *open = false;
            Some(&line[at + CLOSE.len()..])
        }
        None => {
            *open = true;
            Some("")
        }
    }
}

/// Whether `body` has the `<script>` block of mdsvex (a SvelteKit write-up
/// importing components), so its text is read as MDX.
pub fn has_component_script(body: &str) -> bool {
    let (mut fence, mut script) = (None, false);
    for line in body.lines() {
        let t = line.trim();
        if let Some(f) = fence {
            fence = (fence_of(line) != Some(f)).then_some(f);
        } else if let Some(f) = fence_of(line) {
            // Svelte code shown in a fence is an example, not the page's script.
            fence = Some(f);
        } else if !script {
            script = t.starts_with("<script") && !t.contains(" src=");
        } else if t.starts_with("</script>") {
            script = false;
        } else if t.starts_with("import ") {
            return true;
        }
    }
    false
}

fn is_mdx_import(line: &str) -> bool {
    let t = line.trim_start();
    (t.starts_with("import ") && (t.contains(" from ") || t.contains('\'') || t.contains('"')))
        || t.starts_with("export const ")
}

fn convert_line(cx: &mut Convert, line: &str, mdx: bool) -> String {
    let line = eleventy::embed(cx, line);
    let line = RELATIVE_URL.replace_all(&line, "$1");
    let line = BASEURL.replace_all(&line, "");
    let line = super::sitevars::resolve(cx, &line);
    let line = super::pagevars::resolve(cx, &line);
    let line = shortcodes::liquid(cx, &line);
    let line = cite::liquid(cx, &line);
    let line = eleventy::liquid(cx, &line);
    let line = plain::hugo(cx, &line);
    let line = plain::math(cx, &line);
    let line = shortcodes::hugo(cx, &line);
    let line = zola::calls(cx, &line);
    let line = if mdx {
        let line = imports::values(cx, &line);
        let line = shortcodes::mdx_image(cx, &line);
        let line = shortcodes::mdx(cx, &line);
        jsx::leave_out(cx, &line)
    } else {
        line
    };
    let line = md_links(cx, &line);
    let line = rewrite(cx, &REF_DEF, &line, 2);
    let line = rewrite(cx, &HTML_ATTR, &line, 2);
    let line = super::picture::drop_generated(cx, &line);
    rewrite(cx, &HTML_SRCSET, &line, 2)
}

/// Points the destinations that `re` captures (group `g`) at their new place.
fn rewrite(cx: &mut Convert, re: &Regex, line: &str, g: usize) -> String {
    re.replace_all(line, |c: &Captures| {
        let whole = c.get(0).map_or("", |m| m.as_str());
        let Some(at) = c.get(g) else {
            return whole.to_string();
        };
        let new = match new_dest(cx, at.as_str()) {
            Ok(Some(new)) => new,
            Ok(None) => return whole.to_string(),
            Err(why) => {
                cx.hand(format!("broken link: {why}"));
                return whole.to_string();
            }
        };
        let start = at.start() - c.get(0).map_or(0, |m| m.start());
        format!("{}{new}{}", &whole[..start], &whole[start + at.len()..])
    })
    .into_owned()
}

/// Markdown links and images: a link to what the old site lacks keeps only
/// its text, and such an image goes (the old page showed it broken). The
/// text may hold brackets (`[[Code]](…)`) or an image (`[![shot](a.png)](…)`).
fn md_links(cx: &mut Convert, line: &str) -> String {
    MD_LINK
        .replace_all(line, |c: &Captures| {
            let text = if c[2].contains('[') {
                md_links(cx, &c[2])
            } else {
                c[2].to_string()
            };
            let head = format!("{}[{text}]{}", &c[1], &c[3]);
            let close = c.get(5).map(|m| m.as_str());
            if !c[1].is_empty()
                && c[4].ends_with('/')
                && let Some(gallery) = shortcodes::folder_gallery(cx, &c[4])
            {
                return gallery;
            }
            match (new_dest(cx, &c[4]), close) {
                (Ok(Some(new)), _) => format!("{head}{new}{}", close.unwrap_or_default()),
                (Ok(None), _) => format!("{head}{}{}", &c[4], close.unwrap_or_default()),
                (Err(why), None) => {
                    cx.hand(format!("broken link: {why}"));
                    format!("{head}{}", &c[4])
                }
                (Err(why), Some(_)) if !c[1].is_empty() => {
                    cx.hand(format!("image left out: {why}"));
                    String::new()
                }
                (Err(why), Some(_)) => {
                    cx.hand(format!("link left out (its text stays): {why}"));
                    text
                }
            }
        })
        .into_owned()
}

/// The new destination of `raw` (`None`: unchanged), or why there is none.
fn new_dest(cx: &mut Convert, raw: &str) -> Result<Option<String>, String> {
    let (dest, angle) = match raw.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        Some(inner) => (inner, true),
        None => (raw, false),
    };
    let new = match cx.refs.link(dest) {
        Ref::Keep => return Ok(None),
        Ref::Rewrite(s) => s,
        Ref::Old(url) => {
            cx.converted("link to a page or file not imported → the old site's address");
            url
        }
        Ref::Broken(why) => return Err(why),
    };
    Ok(Some(if angle || new.contains(' ') {
        format!("<{new}>")
    } else {
        new
    }))
}

/// A kramdown block attribute list of classes and ids only (`{: .table
/// .table-sm }`): styling for the old theme's CSS, which folio's theme does
/// not have, so the line goes and the element it styled stays as it is.
fn is_styling_ial(line: &str) -> bool {
    let Some(inner) = line
        .trim()
        .strip_prefix("{:")
        .and_then(|s| s.strip_suffix('}'))
    else {
        return false;
    };
    let mut tokens = inner.split_whitespace().peekable();
    tokens.peek().is_some()
        && tokens.all(|t| {
            t.len() > 1
                && (t.starts_with('.') || t.starts_with('#'))
                && t[1..]
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        })
}

/// `line` without a kramdown class list after its element
/// (`![a](b.png){: .float--right }`), which styled the old theme only;
/// `None` when it ends in none.
fn without_trailing_ial(line: &str) -> Option<&str> {
    let t = line.trim_end();
    let start = t.rfind("{:").filter(|&i| i > 0)?;
    is_styling_ial(&t[start..]).then(|| t[..start].trim_end())
}

/// `line` with kramdown attribute lists after its elements settled: a class
/// list at its end goes, and so does a list of classes, sizes, `target` and
/// the like right after a link or image (they styled the old theme, or opened
/// a new tab; an `<img>` for a width would swallow a caption on the next line
/// into an HTML block). Others stay, told.
fn attribute_lists(cx: &mut Convert, line: String) -> String {
    let end = if line.ends_with('\n') { "\n" } else { "" };
    if let Some(text) = without_trailing_ial(&line) {
        cx.converted("kramdown class list (styling of the old theme, removed)");
        return format!("{text}{end}");
    }
    let mut gone = 0;
    let out = SPAN_IAL.replace_all(&line, |c: &Captures| {
        if droppable(&c[3]) {
            gone += 1;
            c[1].to_string()
        } else {
            c[0].to_string()
        }
    });
    if gone == 0 {
        return line;
    }
    for _ in 0..gone {
        cx.converted("kramdown attribute list after a link or image (target, classes: removed)");
    }
    out.into_owned()
}

/// Whether a kramdown attribute list holds only what folio's theme does
/// without: classes, ids, `target`/`rel` of a link, sizes, `data-`/`aria-`.
fn droppable(inner: &str) -> bool {
    let keys_ok = IAL_TOKEN.captures_iter(inner).all(|t| {
        t.get(2).is_none_or(|k| {
            let k = k.as_str();
            matches!(
                k,
                "target" | "rel" | "title" | "width" | "height" | "align" | "loading"
            ) || k.starts_with("data-")
                || k.starts_with("aria-")
        })
    });
    keys_ok && IAL_TOKEN.is_match(inner) && IAL_TOKEN.replace_all(inner, "").trim().is_empty()
}

/// Reports what is left of another generator's syntax on `line`.
fn leftovers(cx: &mut Convert, line: &str) {
    let snippet = |s: &str| -> String {
        let s = s.trim();
        match s.char_indices().nth(60) {
            Some((i, _)) => format!("{}…", &s[..i]),
            None => s.to_string(),
        }
    };
    if let Some(i) = line.find("{{<").or_else(|| line.find("{{%")) {
        cx.hand(format!(
            "Hugo shortcode with no folio equivalent: `{}`",
            snippet(&line[i..])
        ));
    }
    for c in ZOLA_CALL.captures_iter(line) {
        if !shortcodes::FOLIO.contains(&&c[1]) && !cx.refs.own_shortcode(&c[1]) {
            cx.hand(format!(
                "shortcode `{}` is not one of folio's ({})",
                &c[1],
                shortcodes::FOLIO.join(", ")
            ));
        }
    }
    let liquid = line.contains("{%") && !ZOLA_CALL.is_match(line) && !line.contains("{% end");
    let told = cx.hands.last().is_some_and(|h| h.line == cx.line);
    if !told && liquid || line.contains("{{ site.") || line.contains("{{ page.") {
        cx.hand(format!("Liquid template code: `{}`", snippet(line)));
    }
    let ial = match SPAN_IAL.captures(line) {
        Some(c) => Some(c.get(2).map_or("", |m| m.as_str())),
        None => line.trim_start().starts_with("{:").then_some(line),
    };
    if let Some(ial) = ial {
        cx.hand(format!(
            "kramdown attribute list `{}` (Jekyll only): remove it",
            snippet(ial)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::Hand;
    use crate::migrate::refs::{Refs, SiteMap};
    use std::collections::BTreeMap;
    use std::path::Path;

    fn run(body: &str, mdx: bool) -> (String, Vec<Hand>, BTreeMap<String, usize>) {
        run_with(body, mdx, &[])
    }

    fn run_with(
        body: &str,
        mdx: bool,
        own: &[&str],
    ) -> (String, Vec<Hand>, BTreeMap<String, usize>) {
        let map = SiteMap {
            static_roots: vec![],
            section_url: "/projects/".into(),
            pages: Default::default(),
            names: Default::default(),
            bundles: Default::default(),
            taxonomies: vec![],
            own_shortcodes: own.iter().map(|n| n.to_string()).collect(),
            old_url: None,
            bibliography: String::new(),
            root: Default::default(),
            vars: Default::default(),
            ..SiteMap::default()
        };
        let mut refs = Refs::new(&map, Path::new("/nonexistent/a.md"), None);
        let mut cx = Convert::new(&mut refs);
        let out = convert(&mut cx, body, 5, mdx);
        (out, cx.hands, cx.done)
    }

    #[test]
    fn what_the_old_site_lacks_goes_or_points_at_the_old_site() {
        let map = SiteMap {
            section_url: "/projects/".into(),
            old_url: Some("https://old.example/".into()),
            ..SiteMap::default()
        };
        let mut refs = Refs::new(&map, Path::new("/nonexistent/a.md"), None);
        let mut cx = Convert::new(&mut refs);
        let body = "See [paper](/publication/p/#x) and [notes](../../notes.pdf \"t\").\n![shot](/images/play.gif)\n{% include figure.liquid path=\"assets/img/1.jpg\" alt=\"x\" %}\n* [[Code]](/code/run.py) [![demo](/images/gone.png)](/demo/)\n";
        let out = convert(&mut cx, body, 1, false);
        assert_eq!(
            out,
            "See [paper](https://old.example/publication/p/#x) and [notes](https://old.example/notes.pdf \"t\").\n* [[Code]](https://old.example/code/run.py) [](https://old.example/demo/)\n"
        );
        let hands: Vec<_> = cx.hands.iter().map(|h| (h.line, &h.message)).collect();
        assert_eq!(hands.len(), 3, "{hands:?}");
        assert!(hands[0].1.starts_with("image left out") && hands[1].0 == 3);
        assert!(hands[2].1.starts_with("image left out") && hands[2].0 == 4);
        let (out, hands, _) = run("[[Code]](/code/run.py)\n", false);
        assert_eq!(out, "[Code]\n");
        assert!(hands[0].message.starts_with("link left out"), "{hands:?}");
    }

    #[test]
    fn converts_shortcodes_and_names_leftovers() {
        let (out, hands, done) = run(
            "{{< youtube dQw4w9WgXcQ >}}\n```\n{{< vimeo 1 >}}\n```\n{{< instagram abc >}}\n{{ quote(text=\"x\") }}\n",
            false,
        );
        assert!(out.starts_with("{{ youtube(id=\"dQw4w9WgXcQ\") }}\n```\n{{< vimeo 1 >}}\n```\n"));
        assert_eq!(done["youtube"], 1);
        assert_eq!(hands.len(), 2);
        assert_eq!(hands[0].line, 9);
        assert!(hands[0].message.contains("instagram"));
        assert!(hands[1].message.contains("quote"));
    }

    #[test]
    fn a_call_split_over_lines_converts_as_one() {
        let body = "Read: {{< youtube\n  dQw4w9WgXcQ >}}\nNext.\n```\n{{< vimeo\n1 >}}\n```\n";
        let (out, hands, done) = run(body, false);
        assert_eq!(
            out,
            "Read: {{ youtube(id=\"dQw4w9WgXcQ\") }}\nNext.\n```\n{{< vimeo\n1 >}}\n```\n"
        );
        assert_eq!(done["youtube"], 1);
        assert!(hands.is_empty(), "{hands:?}");
        // Never closed before a blank line: not joined, and named.
        let (out, hands, _) = run("{{< youtube\n\nid >}}\n", false);
        assert_eq!(out, "{{< youtube\n\nid >}}\n");
        assert_eq!(hands.len(), 1, "{hands:?}");
        assert_eq!(hands[0].line, 5);
    }

    #[test]
    fn a_tag_split_over_lines_converts_as_one() {
        let body = "{% include video.liquid\n  path=\"https://www.youtube.com/embed/abcdefg\"\n  class=\"x\" %}\nNext.\n```\n{% include video.liquid\npath=\"y\" %}\n```\n";
        let (out, hands, done) = run(body, false);
        assert_eq!(
            out,
            "{{ youtube(id=\"abcdefg\") }}\nNext.\n```\n{% include video.liquid\npath=\"y\" %}\n```\n"
        );
        assert_eq!(done.len(), 1, "{done:?}");
        assert!(hands.is_empty(), "{hands:?}");
        // Never closed before a blank line: not joined.
        let (out, _, _) = run("{% include video.liquid\n\npath=\"y\" %}\n", false);
        assert_eq!(out, "{% include video.liquid\n\npath=\"y\" %}\n");
    }

    #[test]
    fn the_sites_own_shortcodes_need_no_hand_and_others_are_left_out() {
        let body = "{% note(kind=\"info\") %}\nBuilt.\n{% end %}\n{{ badge(text=\"x\") }}\n";
        let (out, hands, _) = run_with(body, false, &["note"]);
        assert_eq!(out, "{% note(kind=\"info\") %}\nBuilt.\n{% end %}\n");
        assert_eq!(hands.len(), 1, "{hands:?}");
        assert!(
            hands[0]
                .message
                .contains("shortcode `{{ badge(text=\"x\") }}` left out"),
            "{hands:?}"
        );
        assert_eq!(hands[0].line, 8);
        // Not the site's own: left out, what it held stays.
        let (out, hands, _) = run_with(body, false, &[]);
        assert_eq!(out, "Built.\n");
        assert_eq!(hands.len(), 2, "{hands:?}");
    }

    #[test]
    fn text_after_a_closing_script_tag_is_kept_and_fenced_svelte_is_an_example() {
        let body = "<script>\n  import Hero from './Hero.svelte';\n</script>A relay, rebuilt.\n\nMore text.\n";
        assert!(has_component_script(body));
        let (out, _, _) = run(body, true);
        assert!(out.contains("A relay, rebuilt."), "{out}");
        assert!(out.contains("More text."), "{out}");
        assert!(!out.contains("import Hero"), "{out}");
        let shown = "Svelte looks like this:\n\n```svelte\n<script>\n  import X from './X.svelte';\n</script>\n```\n";
        assert!(!has_component_script(shown));
    }

    #[test]
    fn mdsvex_link_and_list_components_become_markdown() {
        let body = "<script>\n  import Go from './Go.svelte';\n</script>\n<Go href=\"https://example.org/a\" icon={Doc}>The demo</Go>\n<Go url=\"https://example.org/b\" label=\"Source\" />\n<Table pros={[\"Cheap\", 'Fast']} />\n\n<Table>\n    {#snippet pros()}<ul>\n        <li>Simple</li>\n    </ul>{/snippet}\n    {#snippet cons()}\n    <ul>\n        <li>Slow</li>\n    </ul>\n    {/snippet}\n</Table>\n\n<Box>\nKept.\n</Box>\n<Note kind=\"warn\">\n  {#snippet header()}\n    Loud\n  {/snippet}\n    Text of the note.\n</Note>\n<Box />\n";
        let (out, hands, done) = run(body, true);
        assert_eq!(
            out,
            "[The demo](https://example.org/a)\n[Source](https://example.org/b)\n\n**Pros**\n\n- Cheap\n- Fast\n\n\n\n**Pros**\n\n- Simple\n\n**Cons**\n\n- Slow\n\nKept.\n\nLoud\n\nText of the note.\n"
        );
        assert_eq!(done["MDX component <Go> → link (check it)"], 2, "{done:?}");
        assert_eq!(done["MDX component <Table> → lists (check it)"], 1);
        assert_eq!(done["MDX component <Table> → headed lists (check it)"], 1);
        assert_eq!(done["MDX component <Box> → its text (check it)"], 1);
        // A prop that only styled the note is named among what was converted.
        let note =
            "MDX component <Note> → headed lists (check it; its styling left out: kind=\"warn\")";
        assert_eq!(done[note], 1, "{done:?}");
        let hands: Vec<_> = hands.iter().map(|h| (h.line, h.message.as_str())).collect();
        assert_eq!(
            hands,
            [(
                32,
                "MDX component `<Box>` left out: folio has no equivalent"
            )]
        );
    }

    /// Wrappers that only lay text out (cards in a row) keep their text, each
    /// a paragraph of its own; a wrapper with no text of its own is named.
    #[test]
    fn wrapper_components_keep_their_text_as_paragraphs() {
        let body = "## Numbers\n<Row>\n    <Card>\n        12 visits\n    </Card>\n    <Card tone=\"dark\" caption=\"Q3\">\n        3 sales\n    </Card>\n</Row>\nAfter.\n\n<Chart kind=\"bar\">\n</Chart>\n";
        let (out, hands, done) = run(body, true);
        assert_eq!(out, "## Numbers\n\n12 visits\n\n3 sales\n\nAfter.\n\n");
        assert_eq!(done["MDX component <Card> → its text (check it)"], 1);
        let styled =
            "MDX component <Card> → its text (check it; its styling left out: tone=\"dark\")";
        assert_eq!(done[styled], 1, "{done:?}");
        assert_eq!(done["MDX component <Row> → its text (check it)"], 1);
        let hands: Vec<_> = hands.iter().map(|h| (h.line, h.message.as_str())).collect();
        assert_eq!(
            hands,
            [
                (
                    10,
                    "MDX component `<Card>`: its props left out (caption=\"Q3\"), its content kept; write what they said into the text if it matters"
                ),
                (
                    16,
                    "MDX component `<Chart>` left out with its props (kind=\"bar\"): folio has no equivalent"
                )
            ]
        );
    }

    #[test]
    fn blowfish_keywords_become_bold_words_on_one_line() {
        let body = "Built with:\n\n{{<keywordList>}}\n{{<keyword>}}Go{{</keyword>}}\n{{< keyword icon=\"x\" >}}Web Sockets{{< /keyword >}}\n{{</keywordList>}}\n\n{{<keyword>}}Rust{{</keyword>}}\n";
        let (out, hands, done) = run(body, false);
        assert_eq!(
            out,
            "Built with:\n\n**Go**\n· **Web Sockets**\n\n**Rust**\n"
        );
        assert!(hands.is_empty(), "{hands:?}");
        assert_eq!((done["keyword"], done["keywordList"]), (3, 1));
    }

    #[test]
    fn liquid_and_mdx() {
        let (out, hands, _) = run(
            "{% include video.liquid path=\"https://www.youtube.com/embed/abcdefg\" class=\"x\" %}\n[cv]({{ '/cv.pdf' | relative_url }})\n",
            false,
        );
        assert!(out.starts_with("{{ youtube(id=\"abcdefg\") }}\n"));
        assert_eq!(hands.len(), 1, "{hands:?}");
        assert!(hands[0].message.contains("/cv.pdf"));
        let (out, hands, done) = run(
            "import { YouTube } from 'astro-embed';\n\n<YouTube id=\"abcdefg\" />\n<Chart data={x} />\n",
            true,
        );
        assert_eq!(out, "\n{{ youtube(id=\"abcdefg\") }}\n");
        assert_eq!(done.len(), 2);
        assert!(hands[0].message.contains("Chart"));
        assert_eq!(hands[0].line, 8);
    }

    #[test]
    fn a_kramdown_class_list_goes_other_attribute_lists_are_told() {
        let table =
            "| a | b |\n|---|---|\n| 1 | 2 |\n{: .table .table-bordered .table-sm }\n\nNext.\n";
        let (out, hands, done) = run(table, false);
        assert_eq!(out, "| a | b |\n|---|---|\n| 1 | 2 |\n\nNext.\n");
        assert!(hands.is_empty(), "{hands:?}");
        assert_eq!(done.len(), 1);
        let (out, hands, _) = run("Text\n{: style=\"color: red\" }\n", false);
        assert!(out.contains("{: style"));
        assert_eq!(hands.len(), 1, "{hands:?}");
        // After the element it styled, on the same line.
        let (out, hands, done) = run("A *mirror* {: .float--right }\n\nNext.\n", false);
        assert_eq!(out, "A *mirror*\n\nNext.\n");
        assert!(hands.is_empty() && done.len() == 1, "{hands:?} {done:?}");
    }

    #[test]
    fn kramdown_lists_after_links_and_images_go_and_styles_are_told() {
        let (out, hands, done) = run(
            "![cage](https://example.org/cage.png){: .align-left width=\"50%\"} \n_Caption._\n",
            false,
        );
        assert_eq!(out, "![cage](https://example.org/cage.png) \n_Caption._\n");
        assert!(hands.is_empty() && done.len() == 1, "{hands:?} {done:?}");
        // A new tab for a link, mid-line: goes.
        let (out, hands, done) = run(
            "By [Ana](https://example.org/){:target=\"\\_blank\"}, who {: .x} left.\n",
            false,
        );
        assert_eq!(out, "By [Ana](https://example.org/), who {: .x} left.\n");
        assert!(hands.is_empty() && done.len() == 1, "{hands:?} {done:?}");
        // A style the theme can't keep, after text: told, not silent.
        let (out, hands, _) = run(
            "A [link](https://example.org){: style=\"color: red\"}\n",
            false,
        );
        assert!(out.contains("{: style"), "{out}");
        assert_eq!(hands.len(), 1, "{hands:?}");
        assert!(
            hands[0]
                .message
                .starts_with("kramdown attribute list `{: style")
        );
    }
}
