//! Arguments of another generator's shortcode or include call, as written:
//! `"quoted"`, `'single'`, `` `raw` ``, bare words and `{braced}` values,
//! positional or `name=value`.

use std::sync::LazyLock;

use regex::Regex;

static ARG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?:([\w-]+)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|`([^`]*)`|\{?"?([^\s"'}]+)"?\}?)"#,
    )
    .expect("valid regex")
});

/// Arguments of a shortcode: positional ones, then named ones in order.
#[derive(Debug, Default, PartialEq)]
pub struct Args {
    pub positional: Vec<String>,
    pub named: Vec<(String, String)>,
}

impl Args {
    pub fn parse(text: &str) -> Args {
        let mut a = Args::default();
        for c in ARG.captures_iter(text) {
            let value = (2..=5)
                .find_map(|i| c.get(i))
                .map(|m| m.as_str().replace("\\\"", "\""))
                .unwrap_or_default();
            match c.get(1) {
                Some(k) => a.named.push((k.as_str().to_string(), value)),
                None => a.positional.push(value),
            }
        }
        a
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.named
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// A named argument, or else the positional one at `i`.
    pub(super) fn id(&self, key: &str, i: usize) -> Option<&str> {
        self.get(key).or(self.positional.get(i).map(String::as_str))
    }
}
