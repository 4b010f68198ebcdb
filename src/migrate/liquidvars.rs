//! Liquid variables in the arguments of a Jekyll include (`id=page.youtubeId`,
//! `url="{{ page.image | relative_url }}"`): replaced by their values, so the
//! include converts as one written with them. `page.KEY` is the write-up's
//! own front matter, `site.KEY` the old site's settings (`site.baseurl` and
//! `site.url` are dropped: folio's paths start at the site root);
//! `include.KEY` and variables set by the old templates are unknown here.

use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde_json::{Map, Value};

use super::convert::Convert;
use super::shortcodes::quote;

/// A quoted string (its `{{ … }}` resolved), or an unquoted value after `=`.
static VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""(?:[^"\\]|\\.)*"|'[^']*'|(=\s*)([A-Za-z_][\w.-]*)"#).expect("valid regex")
});

/// `{{ VARIABLE }}` or `{{ 'text' }}`, with filters after `|`.
static OUTPUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\{\{-?\s*(?:'([^']*)'|"([^"]*)"|([A-Za-z_][\w.-]*))\s*((?:\|[^}|]*)*)-?\}\}"#)
        .expect("valid regex")
});

/// Filters that only change where a path points (folio's start at the root).
const PATH_FILTERS: &[&str] = &["relative_url", "absolute_url", "prepend: site.baseurl"];

/// The include's argument text with each variable replaced by its value
/// (quoted); `Err` names the first variable with no value known.
pub fn resolve(cx: &Convert, page: &Map<String, Value>, args: &str) -> Result<String, String> {
    let mut unknown = None;
    let out = VALUE.replace_all(args, |c: &Captures| {
        let Some(var) = c.get(2) else {
            return outputs(cx, page, &c[0]).unwrap_or_else(|v| {
                unknown.get_or_insert(v);
                c[0].to_string()
            });
        };
        let var = var.as_str();
        if matches!(var, "true" | "false" | "nil" | "empty" | "blank") {
            return c[0].to_string();
        }
        match value(cx, page, var) {
            Some(v) => format!("{}{}", &c[1], quote(&v)),
            None => {
                unknown.get_or_insert(var.to_string());
                c[0].to_string()
            }
        }
    });
    match unknown {
        Some(var) => Err(var),
        None => Ok(out.into_owned()),
    }
}

/// A quoted value with its `{{ … }}` replaced; `Err` names one unknown.
fn outputs(cx: &Convert, page: &Map<String, Value>, quoted: &str) -> Result<String, String> {
    if !quoted.contains("{{") && !quoted.contains("{%") {
        return Ok(quoted.to_string());
    }
    let mut unknown = None;
    let out = OUTPUT.replace_all(quoted, |c: &Captures| {
        let filters = c[4]
            .split('|')
            .map(|f| f.trim().trim_end_matches('-').trim_end())
            .filter(|f| !f.is_empty());
        let resolved = match (c.get(1).or(c.get(2)), c.get(3)) {
            (Some(text), _) => Some(text.as_str().to_string()),
            (None, Some(var)) => value(cx, page, var.as_str()),
            (None, None) => None,
        };
        match resolved {
            Some(v) if filters.clone().all(|f| PATH_FILTERS.contains(&f)) => v,
            _ => {
                unknown.get_or_insert(c[0].to_string());
                c[0].to_string()
            }
        }
    });
    match unknown {
        Some(what) => Err(what),
        None if out.contains("{{") || out.contains("{%") => Err(out.into_owned()),
        None => Ok(out.into_owned()),
    }
}

/// The value of `page.KEY` or `site.KEY` as text, when it is known and is
/// text, a number or a boolean.
fn value(cx: &Convert, page: &Map<String, Value>, var: &str) -> Option<String> {
    if let Some(path) = var.strip_prefix("page.") {
        let mut keys = path.split('.');
        let mut v = page.get(keys.next()?)?;
        for k in keys {
            v = v.as_object()?.get(k)?;
        }
        return match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
    }
    match var.strip_prefix("site.")? {
        "baseurl" | "url" => Some(String::new()),
        key => cx.refs.site_var(key).map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::refs::{Refs, SiteMap};
    use std::path::Path;

    fn run(args: &str) -> Result<String, String> {
        let map = SiteMap {
            vars: [("img_dir".to_string(), "/assets/img".to_string())].into(),
            ..SiteMap::default()
        };
        let mut refs = Refs::new(&map, Path::new("/nonexistent/a.md"), None);
        let cx = Convert::new(&mut refs);
        let page = serde_json::json!({
            "youtubeId": "Qw3rTy12345",
            "year": 2021,
            "media": {"cover": "/a b.png"},
            "tags": ["x"],
        });
        resolve(&cx, page.as_object().unwrap(), args)
    }

    #[test]
    fn page_and_site_variables_take_their_values() {
        assert_eq!(
            run(" id=page.youtubeId year=page.year controls=true n=3"),
            Ok(" id=\"Qw3rTy12345\" year=\"2021\" controls=true n=3".into())
        );
        assert_eq!(
            run(" url=\"{{ site.baseurl }}{{ site.img_dir }}/x.png\" alt='page.year'"),
            Ok(" url=\"/assets/img/x.png\" alt='page.year'".into())
        );
        assert_eq!(
            run(" src=\"{{ page.media.cover | relative_url }}\" t=\"{{ 'k.png' }}\""),
            Ok(" src=\"/a b.png\" t=\"k.png\"".into())
        );
    }

    #[test]
    fn unknown_variables_are_named() {
        assert_eq!(run(" id=include.id"), Err("include.id".into()));
        assert_eq!(run(" list=page.tags"), Err("page.tags".into()));
        assert_eq!(run(" id=page.nothing"), Err("page.nothing".into()));
        assert_eq!(
            run(" t=\"{{ page.year | plus: 1 }}\""),
            Err("{{ page.year | plus: 1 }}".into())
        );
        assert_eq!(
            run(" t=\"{% if x %}a{% endif %}\""),
            Err("\"{% if x %}a{% endif %}\"".into())
        );
    }
}
