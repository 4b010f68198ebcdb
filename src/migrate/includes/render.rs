//! A Jekyll site's own include (`_includes/NAME`) rendered as the old site
//! rendered it, with folio's small Liquid ([`super::liquid`]) and the few
//! Jekyll filters such includes use. Its globals:
//! `include` (the tag's parameters), `page` (the write-up's front matter with
//! `path`, `slug`, `name`, `url`) and `site` (the old site's settings;
//! `site.baseurl` and `site.url` are empty: folio's paths start at the site
//! root). `{% link PATH %}` becomes `/PATH`; `site.static_files` lists the
//! old site's files ([`super::static_files`]); jekyll-inline-svg's
//! `{% svg PATH %}` is the SVG file's text; `{% include NAME %}` in it
//! renders the old site's `_includes/NAME` (a few levels deep). What the old site knew and
//! folio does not (another plugin's tag) makes it fail: the caller then
//! converts the include as before.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde_json::{Map, Value};

use super::liquid;
use crate::migrate::convert::Convert;
use crate::migrate::refs::Refs;

type Object = Map<String, Value>;

/// Jekyll's `{% link assets/{{ x }}.png %}`: the file's address.
static LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{%-?\s*link\s+(.+?)\s*-?%\}").expect("valid regex"));
/// jekyll-inline-svg's `{% svg assets/icon.svg class="x" %}` (a path without Liquid).
static SVG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{%-?\s*svg\s+(?:"([^"{}%]+)"|'([^'{}%]+)'|([^\s"'{}%]+))([^%]*?)-?%\}"#)
        .expect("valid regex")
});
/// What `{% link … %}` became, before its path is rendered: `LINK_MARK` + path.
const LINK_MARK: &str = "\u{1}link:";
/// The mark and the slashes after it (the path may have started with one).
static LINK_DONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("\u{1}link:/*").expect("valid regex"));
/// A use of a global: `include.size`, `page.title`, `site.author.name`.
static GLOBAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(include|page|site)\.([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)")
        .expect("valid regex")
});
/// A parameter of a Jekyll include: `key="text"`, `key='text'` or `key=variable`.
static PARAM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([\w.-]+))"#)
        .expect("valid regex")
});

/// What an include sees besides its parameters.
pub struct Scope<'a> {
    pub page: &'a Map<String, Value>,
    /// Text of the write-up's `{% capture NAME %}` blocks, by name.
    pub captures: &'a HashMap<String, String>,
}

/// The include's HTML, from its template `template` and the parameter text
/// `params`; `Err` says why it cannot be rendered.
pub fn render(cx: &Convert, scope: &Scope, template: &str, params: &str) -> Result<String, String> {
    let template = prepared(cx, template)?;
    let mut globals = globals(cx, scope, &with_nested(cx, &template))?;
    let include = parameters(&globals, params)?;
    let include = with_nil(include, &template, "include");
    globals.insert("include".into(), Value::Object(include));
    let nested = |name: &str| prepared(cx, &cx.refs.include_text(name)?).ok();
    let html = liquid::render(&template, &mut globals, Some(&nested))
        .map_err(|e| e.message().to_string())?;
    Ok(LINK_DONE.replace_all(&html, "/").into_owned())
}

/// An include's template with its `{% link %}` marked, its SVGs inlined and
/// jekyll-image-size's `{% imagesize … %}` gone (the width and height
/// attributes it wrote: the browser reads them from the image).
fn prepared(cx: &Convert, template: &str) -> Result<String, String> {
    static IMAGESIZE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\{%-?\s*imagesize\s[^%]*%\}").expect("valid regex"));
    let template = LINK.replace_all(template, |c: &Captures| format!("{LINK_MARK}{}", &c[1]));
    let template = IMAGESIZE.replace_all(&template, "");
    inline_svgs(cx, &template)
}

/// `template` followed by the text of the old site's includes it includes,
/// and theirs (a few levels down): what the render may read of `page` and `site`.
fn with_nested(cx: &Convert, template: &str) -> String {
    static INCLUDE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\{%-?\s*include\s+([^\s{}%]+)").expect("valid regex"));
    const MAX_FILES: usize = 32;
    let mut all = template.to_string();
    let mut seen: Vec<String> = Vec::new();
    while seen.len() < MAX_FILES {
        let next = INCLUDE
            .captures_iter(&all)
            .map(|c| c[1].to_string())
            .find(|n| !seen.contains(n));
        let Some(name) = next else { break };
        seen.push(name.clone());
        if let Some(text) = cx.refs.include_text(&name) {
            all.push('\n');
            all.push_str(&text);
        }
    }
    all
}

/// Each `{% svg PATH attrs %}` as the SVG file's text on one line, with the
/// tag's attributes on its `<svg>`; `Err` when the file is not in the old site.
fn inline_svgs(cx: &Convert, template: &str) -> Result<String, String> {
    let mut missing = None;
    let out = SVG.replace_all(template, |c: &Captures| {
        let path = c
            .get(1)
            .or(c.get(2))
            .or(c.get(3))
            .map_or("", |m| m.as_str());
        match cx.refs.site_file_text(path) {
            Some(text) => svg_inline(&text, c[4].trim()),
            None => {
                missing.get_or_insert_with(|| {
                    format!("`{{% svg {path} %}}`: no such file in the old site")
                });
                String::new()
            }
        }
    });
    match missing {
        Some(why) => Err(why),
        None => Ok(out.into_owned()),
    }
}

/// An SVG file's `<svg>…</svg>` on one line (no XML prolog, doctype or
/// comments, no blank line to end an HTML block), with `attrs` added.
fn svg_inline(text: &str, attrs: &str) -> String {
    static NOISE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?s)<\?xml.*?\?>|<!DOCTYPE[^>]*>|<!--.*?-->").expect("valid regex")
    });
    let text = NOISE.replace_all(text, "");
    let one_line: Vec<&str> = text.split_whitespace().collect();
    let svg = one_line.join(" ");
    match (attrs.is_empty(), svg.strip_prefix("<svg")) {
        (false, Some(rest)) => format!("<svg {attrs}{rest}"),
        _ => svg,
    }
}

/// Renders a bit of the write-up's own Liquid (a capture's text) with `page` and `site`.
pub fn render_text(cx: &Convert, scope: &Scope, text: &str) -> Result<String, String> {
    render_with(&globals(cx, scope, text)?, text)
}

/// `page` and `site` for the text `uses`, and the write-up's captures.
fn globals(cx: &Convert, scope: &Scope, uses: &str) -> Result<Object, String> {
    let mut globals = Object::new();
    for (name, text) in scope.captures {
        globals.insert(name.clone(), Value::String(text.clone()));
    }
    globals.insert("page".into(), Value::Object(page(cx, scope.page, uses)));
    globals.insert("site".into(), Value::Object(site(cx, uses)?));
    Ok(globals)
}

/// The write-up's page variables; each `page.KEY` that `uses` reads and
/// they lack is nil, as in Jekyll.
fn page(cx: &Convert, front: &Map<String, Value>, uses: &str) -> Object {
    with_nil(page_vars(cx.refs, front), uses, "page")
}

/// The write-up's front matter, with what Jekyll adds when it is not set:
/// `path`, `name`, `slug` (the file name without its date, as Jekyll gives
/// a collection's documents and posts), `url`.
pub fn page_vars(refs: &Refs, front: &Map<String, Value>) -> Object {
    let mut page = front.clone();
    if let Some(path) = refs.source_in_site() {
        let name = path.rsplit('/').next().unwrap_or_default().to_string();
        let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
        let slug = jekyll_slug(stem);
        let dir = path.split('/').next().filter(|_| path.contains('/'));
        let url = match dir {
            Some(d) => format!("/{}/{slug}/", d.trim_start_matches('_')),
            None => format!("/{slug}/"),
        };
        for (k, v) in [
            ("path", &path),
            ("name", &name),
            ("slug", &slug),
            ("url", &url),
        ] {
            if !page.contains_key(k) {
                page.insert(k.into(), Value::String(v.clone()));
            }
        }
    }
    page
}

/// A post's file stem without its date (`2021-03-04-a-b` → `a-b`).
fn jekyll_slug(stem: &str) -> String {
    let parts: Vec<&str> = stem.splitn(4, '-').collect();
    let dated = parts.len() == 4
        && parts[..3]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    if dated { parts[3] } else { stem }.to_string()
}

/// `object` with each `NAME.KEY` that `uses` reads and it lacks set to nil.
fn with_nil(mut object: Object, uses: &str, name: &str) -> Object {
    for c in GLOBAL.captures_iter(uses).filter(|c| &c[1] == name) {
        let key = c[2].split('.').next().unwrap_or_default();
        if !object.contains_key(key) {
            object.insert(key.to_string(), Value::Null);
        }
    }
    object
}

/// The settings that `uses` reads (`site.title`, `site.author.name`);
/// `Err` names one the old site's settings lack (`site.static_files`:
/// what Jekyll knew and folio cannot tell).
fn site(cx: &Convert, uses: &str) -> Result<Object, String> {
    let mut site = Object::new();
    for c in GLOBAL.captures_iter(uses).filter(|c| &c[1] == "site") {
        let keys: Vec<&str> = c[2].split('.').collect();
        if keys[0] == "static_files" {
            let files = super::static_files::list(cx.refs.site_root());
            site.insert("static_files".into(), Value::Array(files));
            continue;
        }
        let found = (1..=keys.len()).rev().find_map(|n| {
            let key = keys[..n].join(".");
            let value = match key.as_str() {
                "baseurl" | "url" => Some(""),
                k => cx.refs.site_var(k),
            };
            value.map(|v| (n, v.to_string()))
        });
        let Some((n, value)) = found else {
            return Err(format!("`site.{}` has no value here", &c[2]));
        };
        insert(&mut site, &keys[..n], setting(value));
    }
    Ok(site)
}

/// A setting as Jekyll reads it: `true` and `false` are booleans (the settings
/// come here as text; a `show_x: false` read as text would count as true).
fn setting(text: String) -> Value {
    match text.as_str() {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ => Value::String(text),
    }
}

/// Sets `object.a.b.c` (making the objects on the way).
fn insert(object: &mut Object, keys: &[&str], value: Value) {
    let Some((last, path)) = keys.split_last() else {
        return;
    };
    let mut at = object;
    for k in path {
        let entry = at
            .entry(k.to_string())
            .or_insert_with(|| Value::Object(Object::new()));
        if !entry.is_object() {
            *entry = Value::Object(Object::new());
        }
        let Value::Object(inner) = entry else {
            return;
        };
        at = inner;
    }
    at.insert(last.to_string(), value);
}

/// The include's parameters: text (its `{{ … }}` rendered), or the value of
/// a variable (`page.images`, a capture) as Jekyll gives it (nil when unknown).
fn parameters(globals: &Object, params: &str) -> Result<Object, String> {
    let mut out = Object::new();
    for c in PARAM.captures_iter(params) {
        let value = match (c.get(2).or(c.get(3)), c.get(4)) {
            (Some(text), _) => {
                let text = text.as_str().replace("\\\"", "\"").replace("\\'", "'");
                Value::String(render_with(globals, &text)?)
            }
            (None, Some(var)) => lookup(globals, var.as_str()),
            (None, None) => Value::Null,
        };
        out.insert(c[1].to_string(), value);
    }
    Ok(out)
}

fn render_with(globals: &Object, text: &str) -> Result<String, String> {
    if !text.contains("{{") && !text.contains("{%") {
        return Ok(text.to_string());
    }
    liquid::render(text, &mut globals.clone(), None).map_err(|e| e.message().to_string())
}

/// A variable (`page.images`, `true`, `3`) as a value; nil when unknown.
fn lookup(globals: &Object, var: &str) -> Value {
    match var {
        "true" | "false" => return Value::Bool(var == "true"),
        _ => {}
    }
    if let Ok(n) = var.parse::<i64>() {
        return Value::from(n);
    }
    let mut keys = var.split('.');
    let mut at = keys.next().and_then(|k| globals.get(k));
    for k in keys {
        at = at.and_then(|v| v.get(k));
    }
    at.cloned().unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::refs::{Refs, SiteMap};
    use std::path::Path;

    fn run(template: &str, params: &str) -> Result<String, String> {
        let map = SiteMap {
            root: "/old".into(),
            vars: [
                ("author.name".to_string(), "Ada".to_string()),
                ("show_email".to_string(), "false".to_string()),
            ]
            .into(),
            ..SiteMap::default()
        };
        let mut refs = Refs::new(&map, Path::new("/old/_projects/2020-01-02-kite.md"), None);
        let cx = Convert::new(&mut refs);
        let front = serde_json::json!({"title": "Kite"});
        let captures = [("intro".to_string(), "Hello *you*".to_string())].into();
        let scope = Scope {
            page: front.as_object().unwrap(),
            captures: &captures,
        };
        render(&cx, &scope, template, params)
    }

    #[test]
    fn renders_with_parameters_page_site_and_jekyll_filters() {
        let template = "{% assign n = include.file_name %}{% if include.legend %}L{% endif %}\
            <img src=\"{% link assets/{{ page.slug }}/{{ n }}.png %}\" alt=\"{{ page.title }} by {{ site.author.name }}\">\
            {{ 'a/b' | relative_url }} {{ 'Hi There!' | slugify }} {{ include.body | markdownify }}{{ page.path }}";
        assert_eq!(
            run(template, " file_name = \"logo\" body=intro"),
            Ok("<img src=\"/assets/kite/logo.png\" alt=\"Kite by Ada\">/a/b hi-there <p>Hello <em>you</em></p>\n_projects/2020-01-02-kite.md".into())
        );
    }

    #[test]
    fn an_include_in_an_include_renders_with_its_own_parameters() {
        let dir = tempfile::tempdir().unwrap();
        let inc = dir.path().join("_includes/c");
        std::fs::create_dir_all(&inc).unwrap();
        let files = [
            (
                "code.html",
                "{% assign lang = include.lang %}<b>{{ lang }}</b>{% include c/icon.html class=\"ic\" %}{{ include.class }}|",
            ),
            (
                "icon.html",
                "<i class=\"{{ include.class }}\" title=\"{{ site.author.name }}\">{{ lang }}</i>",
            ),
            ("loop.html", "a{% include c/loop.html %}"),
        ];
        for (name, text) in files {
            std::fs::write(inc.join(name), text).unwrap();
        }
        let map = SiteMap {
            root: dir.path().to_path_buf(),
            vars: [("author.name".to_string(), "Ada".to_string())].into(),
            ..SiteMap::default()
        };
        let mut refs = Refs::new(&map, &dir.path().join("_projects/kite.md"), None);
        let cx = Convert::new(&mut refs);
        let front = serde_json::json!({"title": "Kite"});
        let captures = HashMap::new();
        let scope = Scope {
            page: front.as_object().unwrap(),
            captures: &captures,
        };
        let text = |name: &str| std::fs::read_to_string(inc.join(name)).unwrap();
        assert_eq!(
            render(&cx, &scope, &text("code.html"), "lang=\"go\""),
            Ok("<b>go</b><i class=\"ic\" title=\"Ada\">go</i>|".into())
        );
        let looped = render(&cx, &scope, &text("loop.html"), "");
        assert!(looped.is_err_and(|e| e.contains("nested too deep")));
        let gone = render(&cx, &scope, "{% include c/gone.html %}", "");
        assert!(gone.is_err_and(|e| e.contains("`_includes/c/gone.html` is not in the old site")));
    }

    #[test]
    fn a_false_setting_is_false() {
        let t = "{% if site.show_email %}shown{% else %}hidden{% endif %}";
        assert_eq!(run(t, ""), Ok("hidden".into()));
    }

    #[test]
    fn what_folio_cannot_know_fails() {
        assert!(run("{% svg assets/x.svg %}", "").is_err());
        assert!(run("{% unknown_plugin_tag x %}", "").is_err());
        assert!(run("{{ nothing_assigned }}", "").is_err());
    }

    #[test]
    fn a_link_to_a_path_starting_with_a_slash_stays_on_the_site() {
        let t = "{% assign p = '/assets/a' %}<img src=\"{% link {{ p }}.png %}\">";
        assert_eq!(run(t, ""), Ok("<img src=\"/assets/a.png\">".into()));
    }

    #[test]
    fn an_svg_file_is_inlined_on_one_line_with_the_tags_attributes() {
        let svg = "<?xml version=\"1.0\"?>\n<!-- icon -->\n<svg viewBox=\"0 0 2 2\">\n\n  <path d=\"M0 0\"/>\n</svg>\n";
        assert_eq!(
            svg_inline(svg, "class=\"icon\""),
            "<svg class=\"icon\" viewBox=\"0 0 2 2\"> <path d=\"M0 0\"/> </svg>"
        );
    }
}
