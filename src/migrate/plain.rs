//! What other generators write that folio has no shortcode for, rewritten as
//! plain Markdown or HTML: Blowfish's `{{< alert >}}` and `{{< button >}}`,
//! Hugoplate's `{{< accordion "title" >}}`, `{{< notice >}}` and `{{< toc >}}`
//! (left out: folio pages have none), Hugo's `{{< details >}}`,
//! Hugo's `{{< twitter >}}`/`{{< tweet >}}`/`{{< x >}}` and `{{< gist >}}` and
//! Blowfish's `{{< github >}}`/`{{< codeberg >}}` repository cards (as links), Blowfish's `{{< keyword >}}` badges
//! (bold, a `{{< keywordList >}}` of them on one line, `·` between), Academic's `{{< math >}}` wrapper and
//! Congo's and Blowfish's `{{< katex >}}` (it only loads KaTeX on its page: folio's math does), Liquid's `{% raw %}` tags, and
//! KaTeX/MathJax `\( … \)` and `\[ … \]` as folio's `$…$` and `$$…$$`.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::args::Args;
use super::convert::Convert;
use super::shortcodes::straight;

static HUGO_PLAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\{\{[<%]\s*(/?)\s*(alert|notice|button|accordion|details|toc|twitter|tweet|x|gist|github|codeberg|math|katex|keywordList|keyword)\b((?:[^>%]|[>%][^}])*?)\s*/?\s*[>%]\}\}",
    )
    .expect("valid regex")
});
pub(super) static RAW: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{%-?\s*(?:end)?raw\s*-?%\}").expect("valid regex"));
static INLINE_MATH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\\\((.+?)\\\)").expect("valid regex"));
static DISPLAY_MATH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\\\[(.+?)\\\]").expect("valid regex"));

/// Removes Liquid's `{% raw %}` and `{% endraw %}` (what they hold stays).
pub fn raw(cx: &mut Convert, line: &str) -> String {
    if !RAW.is_match(line) {
        return line.to_string();
    }
    cx.converted("{% raw %}");
    RAW.replace_all(line, "").into_owned()
}

/// Converts the shortcodes of [this module](self) on one line.
pub fn hugo(cx: &mut Convert, line: &str) -> String {
    HUGO_PLAIN
        .replace_all(line, |c: &Captures| {
            let closing = !c[1].is_empty();
            let name = &c[2];
            let args = Args::parse(&straight(&c[3]));
            let out = match (name, closing) {
                ("alert" | "notice", false) => "<aside class=\"alert\">".to_string(),
                ("alert" | "notice", true) => "</aside>".to_string(),
                ("toc", _) => String::new(),
                ("button", false) => match args.get("href") {
                    Some(href) => format!("<a class=\"button\" href=\"{href}\">"),
                    None => return c[0].to_string(),
                },
                ("button", true) => "</a>".to_string(),
                ("accordion" | "details", false) => {
                    let title = ["summary", "title"]
                        .iter()
                        .find_map(|k| args.get(k))
                        .or(args.positional.first().map(String::as_str))
                        .unwrap_or("Details");
                    let title = title.trim().replace('&', "&amp;").replace('<', "&lt;");
                    format!("<details><summary>{title}</summary>")
                }
                ("accordion" | "details", true) => "</details>".to_string(),
                // Congo's and Blowfish's `{{< katex >}}` shows nothing: it
                // loads KaTeX for the page's `$…$`, as folio's math does.
                ("math" | "katex", _) => {
                    cx.math = true;
                    String::new()
                }
                ("github" | "codeberg", false) => match repo_link(name, &args) {
                    Some(s) => s,
                    None => return c[0].to_string(),
                },
                ("keywordList", closing) => {
                    cx.keywords = (!closing).then_some(0);
                    String::new()
                }
                ("keyword", true) => "**".to_string(),
                ("keyword", false) => keyword(cx),
                ("gist", false) => match gist(&args) {
                    Some(s) => s,
                    None => return c[0].to_string(),
                },
                (_, false) => match post_link(&args) {
                    Some(s) => s,
                    None => return c[0].to_string(),
                },
                _ => return c[0].to_string(),
            };
            if !closing {
                cx.converted(name);
            }
            out
        })
        .into_owned()
}

/// The start of a Blowfish keyword: bold, after a `·` when it is not the
/// first of its list.
fn keyword(cx: &mut Convert) -> String {
    match cx.keywords.as_mut() {
        Some(n) => {
            *n += 1;
            if *n > 1 { "· **" } else { "**" }.to_string()
        }
        None => "**".to_string(),
    }
}

/// A gist or a post (`gist`, `tweet`, `twitter`, `x`, as Hugo and Zola
/// sites call them) → a link to it; `None` for another name, or one that
/// names none.
pub(super) fn link(name: &str, args: &Args) -> Option<String> {
    match name {
        "gist" => gist(args),
        "tweet" | "twitter" | "x" => post_link(args),
        _ => None,
    }
}

/// The last two parts of the path of `url=` (`…/user/id`), when it is on `host`.
fn url_pair<'a>(args: &'a Args, host: &[&str]) -> Option<(&'a str, &'a str)> {
    let url = args
        .get("url")?
        .trim_end_matches('/')
        .trim_end_matches(".js");
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let (site, path) = rest.split_once('/')?;
    if !host.contains(&site.trim_start_matches("www.")) {
        return None;
    }
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [.., user, "status", id] | [user, id] => Some((user, id)),
        _ => None,
    }
}

/// `{{< gist user id [file] >}}` (Zola: `{{ gist(url="https://gist.github.com/user/id") }}`)
/// → a link to the gist.
fn gist(args: &Args) -> Option<String> {
    if let Some((user, id)) = url_pair(args, &["gist.github.com"]) {
        return Some(format!(
            "[Gist {user}/{id}](https://gist.github.com/{user}/{id})"
        ));
    }
    let user = args
        .get("user")
        .or(args.positional.first().map(String::as_str))?;
    let id = args
        .get("id")
        .or(args.positional.get(1).map(String::as_str))?;
    Some(format!(
        "[Gist {user}/{id}](https://gist.github.com/{user}/{id})"
    ))
}

/// Blowfish's `{{< github repo="owner/name" >}}` (and `codeberg`), a card of
/// the repository on the old site → a link to it, named as the card names it.
fn repo_link(host: &str, args: &Args) -> Option<String> {
    let repo = args
        .get("repo")
        .or(args.positional.first().map(String::as_str))?
        .trim()
        .trim_matches('/');
    if repo.is_empty() || repo.contains(char::is_whitespace) {
        return None;
    }
    let site = if host == "github" {
        "github.com"
    } else {
        "codeberg.org"
    };
    Some(format!("[{repo}](https://{site}/{repo})"))
}

/// `{{< tweet user="u" id="1" >}}` (or `{{< twitter 1 >}}`, Zola's
/// `{{ tweet(url="https://twitter.com/u/status/1") }}`) → a link to the post.
fn post_link(args: &Args) -> Option<String> {
    let pair = url_pair(args, &["twitter.com", "x.com"]);
    if let Some((u, id)) = pair.filter(|(_, id)| id.bytes().all(|b| b.is_ascii_digit())) {
        return Some(format!(
            "[Post by @{u} on X](https://x.com/{u}/status/{id})"
        ));
    }
    let id = args
        .get("id")
        .or(args.positional.last().map(String::as_str))?;
    if !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let user = args.get("user").or(args
        .positional
        .first()
        .filter(|u| *u != id)
        .map(String::as_str));
    Some(match user {
        Some(u) => format!("[Post by @{u} on X](https://x.com/{u}/status/{id})"),
        None => format!("[Post on X](https://x.com/i/status/{id})"),
    })
}

static MATH_WRAPPER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{[<%]\s*/?\s*math\s*[>%]\}\}").expect("valid regex"));

/// A front matter text (a summary) without Academic's `{{< math >}}`
/// wrappers, when it had any.
pub fn unwrap_math(text: &str) -> Option<String> {
    MATH_WRAPPER
        .is_match(text)
        .then(|| MATH_WRAPPER.replace_all(text, "").into_owned())
}

/// [`unwrap_math`] on every text inside `v` (an image caption kept under
/// `extra:`); whether any had a wrapper.
pub fn unwrap_math_in(v: &mut serde_json::Value) -> bool {
    match v {
        serde_json::Value::String(text) => match unwrap_math(text) {
            Some(plain) => {
                *text = plain;
                true
            }
            None => false,
        },
        serde_json::Value::Array(items) => items
            .iter_mut()
            .fold(false, |any, i| unwrap_math_in(i) | any),
        serde_json::Value::Object(map) => map
            .values_mut()
            .fold(false, |any, i| unwrap_math_in(i) | any),
        _ => false,
    }
}

/// `\( x \)` → `$x$`, `\[ x \]` → `$$x$$`, and a line that is only `\[` or
/// `\]` → `$$`; turns math on for the site when it finds any.
pub fn math(cx: &mut Convert, line: &str) -> String {
    let t = line.trim();
    if t == "\\[" || t == "\\]" {
        cx.math = true;
        return line.replacen(t, "$$", 1);
    }
    if !line.contains("\\(") && !line.contains("\\[") {
        return line.to_string();
    }
    let line = DISPLAY_MATH.replace_all(line, |c: &Captures| format!("$${}$$", c[1].trim()));
    let line = INLINE_MATH.replace_all(&line, |c: &Captures| format!("${}$", c[1].trim()));
    if line.contains('$') {
        cx.math = true;
    }
    line.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::refs::{Refs, SiteMap};

    fn run(f: fn(&mut Convert, &str) -> String, line: &str) -> (String, bool) {
        let map = SiteMap::default();
        let mut refs = Refs::new(&map, std::path::Path::new("/x/a.md"), None);
        let mut cx = Convert::new(&mut refs);
        let out = f(&mut cx, line);
        (out, cx.math)
    }

    #[test]
    fn blowfish_shortcodes_become_html() {
        assert_eq!(
            run(hugo, "{{< alert \"circle-info\" >}}Careful{{< /alert >}}").0,
            "<aside class=\"alert\">Careful</aside>"
        );
        assert_eq!(
            run(hugo, "{{< accordion \"For example:\" >}}").0,
            "<details><summary>For example:</summary>"
        );
        assert_eq!(run(hugo, "{{< /accordion >}}").0, "</details>");
        assert_eq!(
            run(
                hugo,
                "{{< button href=“https://example.org/demo” target=“_self” >}}Try it{{< /button >}}"
            )
            .0,
            "<a class=\"button\" href=\"https://example.org/demo\">Try it</a>"
        );
    }

    #[test]
    fn posts_gists_and_repository_cards_become_links() {
        for (given, want) in [
            (
                "{{< tweet user=\"ana\" id=\"1234\" >}}",
                "[Post by @ana on X](https://x.com/ana/status/1234)",
            ),
            (
                "{{< twitter 99 >}}",
                "[Post on X](https://x.com/i/status/99)",
            ),
            (
                "{{< gist ana 5f3a >}}",
                "[Gist ana/5f3a](https://gist.github.com/ana/5f3a)",
            ),
            (
                "{{< github repo=\"ana/tide-app\" >}}",
                "[ana/tide-app](https://github.com/ana/tide-app)",
            ),
            (
                "see {{< codeberg repo=“ana/maps” >}}",
                "see [ana/maps](https://codeberg.org/ana/maps)",
            ),
            // No repository: left as it is, for the report.
            ("{{< github >}}", "{{< github >}}"),
        ] {
            assert_eq!(run(hugo, given).0, want);
        }
    }

    #[test]
    fn math_delimiters_and_wrappers() {
        assert_eq!(
            run(math, "so \\( a^2 \\) and \\[b\\]").0,
            "so $a^2$ and $$b$$"
        );
        assert_eq!(run(math, "\\[\n"), ("$$\n".to_string(), true));
        assert_eq!(run(math, "a \\(b\\)"), ("a $b$".to_string(), true));
        assert_eq!(
            run(hugo, "x {{< math >}}$y${{< /math >}}"),
            ("x $y$".to_string(), true)
        );
        assert_eq!(run(hugo, "{{< katex >}}"), (String::new(), true));
        assert_eq!(run(math, "no math"), ("no math".to_string(), false));
    }

    #[test]
    fn math_wrappers_leave_front_matter() {
        assert_eq!(
            unwrap_math("ratio {{< math >}}$\\chi${{< /math >}}").as_deref(),
            Some("ratio $\\chi$")
        );
        assert_eq!(unwrap_math("plain"), None);
    }

    #[test]
    fn raw_tags_go() {
        assert_eq!(run(raw, "{% raw %}```html\n").0, "```html\n");
        assert_eq!(run(raw, "{%- endraw -%}").0, "");
    }
}
