//! Jekyll's `{{ site.KEY }}` in a write-up's text (`<img src="{{ site.image_path }}/x.png">`):
//! replaced by the value `_config.yml` gives KEY; an unknown one is named in
//! the report. (`site.baseurl` and `site.url` are dropped before, by
//! [`super::body`]: folio's paths start at the site root.)

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use regex::{Captures, Regex};
use serde_json::Value;

use super::convert::Convert;

static SITE_VAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{\{-?\s*site\.([\w.-]+)\s*(?:\|\s*(?:relative_url|absolute_url)\s*)?-?\}\}")
        .expect("valid regex")
});

/// The old site's settings as `KEY` (dotted for nested tables: `author.name`,
/// indexed for lists: `defaults[0].scope.path`) → its text, for the values
/// that are text, numbers or booleans. (`{{ site.KEY }}` never names a list's
/// item so: see [`SITE_VAR`]; [`super::permalink`] reads `defaults` this way.)
pub fn of(src: &Path) -> HashMap<String, String> {
    let mut vars = HashMap::new();
    for (k, v) in super::settings::settings(src) {
        flatten(&k, &v, &mut vars);
    }
    vars
}

fn flatten(key: &str, v: &Value, vars: &mut HashMap<String, String>) {
    match v {
        Value::String(s) => {
            vars.insert(key.to_string(), s.clone());
        }
        Value::Number(n) => {
            vars.insert(key.to_string(), n.to_string());
        }
        Value::Bool(b) => {
            vars.insert(key.to_string(), b.to_string());
        }
        Value::Object(m) => {
            for (k, v) in m {
                flatten(&format!("{key}.{k}"), v, vars);
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                flatten(&format!("{key}[{i}]"), v, vars);
            }
        }
        Value::Null => {}
    }
}

/// `line` with each `{{ site.KEY }}` the settings know replaced by its value;
/// the others stay as they are, each named in the report.
pub fn resolve(cx: &mut Convert, line: &str) -> String {
    if !line.contains("site.") {
        return line.to_string();
    }
    SITE_VAR
        .replace_all(line, |c: &Captures| match cx.refs.site_var(&c[1]) {
            Some(value) => {
                let value = value.to_string();
                cx.converted("{{ site.KEY }} → its value in _config.yml");
                value
            }
            None => {
                cx.hand(format!(
                    "`{}`: `{}` is not in the old site's settings (_config.yml); put its value in by hand",
                    &c[0], &c[1]
                ));
                c[0].to_string()
            }
        })
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::refs::{Refs, SiteMap};

    #[test]
    fn known_keys_are_replaced_and_unknown_ones_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("_config.yml"),
            "image_path: /assets/images\nauthor:\n  name: Kim\nyears: 3\ntags: [a]\n",
        )
        .unwrap();
        let map = SiteMap {
            vars: of(dir.path()),
            ..SiteMap::default()
        };
        let mut refs = Refs::new(&map, Path::new("/nonexistent/a.md"), None);
        let mut cx = Convert::new(&mut refs);
        let out = resolve(
            &mut cx,
            "<img src=\"{{ site.image_path }}/x.png\"> by {{site.author.name}}, {{ site.years | relative_url }} {{ site.tags }}",
        );
        assert_eq!(
            out,
            "<img src=\"/assets/images/x.png\"> by Kim, 3 {{ site.tags }}"
        );
        assert_eq!(cx.hands.len(), 1);
        assert!(cx.hands[0].message.contains("`tags` is not in"));
    }
}
