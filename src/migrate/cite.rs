//! jekyll-scholar's `{% cite key … %}`: each key found in the site's
//! `_bibliography/*.bib` becomes `Author Year` in parentheses (a link when the
//! entry has a DOI or URL); a key the bibliography lacks goes, as
//! jekyll-scholar showed no reference for it either.

use std::path::Path;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::convert::Convert;

static CITE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\s*)\{%-?\s*cite\s+([^%]*?)\s*-?%\}").expect("valid regex"));
static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)\b(author|year|doi|url)\s*=\s*(?:\{((?:[^{}]|\{[^{}]*\})*)\}|"([^"]*)"|(\d+))"#,
    )
    .expect("valid regex")
});

/// The text of every `.bib` file in the site's `_bibliography/`.
pub fn bibliography(src: &Path) -> String {
    let Ok(entries) = std::fs::read_dir(src.join("_bibliography")) else {
        return String::new();
    };
    let mut files: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "bib"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fields of the entry `key` in `bib`: (name in lower case, value).
fn entry(bib: &str, key: &str) -> Option<Vec<(String, String)>> {
    let start = bib.match_indices('@').find_map(|(i, _)| {
        let head = &bib[i..];
        let open = head.find('{')?;
        let k = head[open + 1..].split(',').next()?.trim();
        (k == key).then_some(i + open)
    })?;
    let end = bib[start..].find("\n@").map_or(bib.len(), |e| start + e);
    let fields = FIELD
        .captures_iter(&bib[start..end])
        .map(|c| {
            let value = c
                .get(2)
                .or(c.get(3))
                .or(c.get(4))
                .map_or("", |m| m.as_str());
            (c[1].to_ascii_lowercase(), value.replace(['{', '}'], ""))
        })
        .collect();
    Some(fields)
}

/// `Lee 2020`, `Lee and Park 2020`, `Lee et al. 2020`.
fn label(fields: &[(String, String)]) -> String {
    let get = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.trim());
    let authors: Vec<String> = get("author")
        .unwrap_or_default()
        .split(" and ")
        .map(|a| match a.split_once(',') {
            Some((last, _)) => last.trim().to_string(),
            None => a.split_whitespace().last().unwrap_or_default().to_string(),
        })
        .filter(|a| !a.is_empty())
        .collect();
    let who = match authors.as_slice() {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => format!("{a} and {b}"),
        [a, ..] => format!("{a} et al."),
    };
    let text = [who.as_str(), get("year").unwrap_or_default()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let link = get("doi")
        .filter(|d| !d.is_empty())
        .map(|d| {
            format!(
                "https://doi.org/{}",
                d.trim_start_matches("https://doi.org/")
            )
        })
        .or_else(|| get("url").map(str::to_string))
        .filter(|u| u.starts_with("http"));
    match link {
        Some(url) => format!("[{text}]({url})"),
        None => text,
    }
}

/// Converts the citations on one line.
pub fn liquid(cx: &mut Convert, line: &str) -> String {
    if !line.contains("cite") {
        return line.to_string();
    }
    CITE.replace_all(line, |c: &Captures| {
        let keys = c[2].split_whitespace().filter(|k| !k.starts_with('-'));
        let mut found = Vec::new();
        for key in keys {
            match entry(cx.refs.bibliography(), key) {
                Some(fields) => found.push(label(&fields)),
                None => cx.hand(format!(
                    "citation `{key}` is not in _bibliography/: left out"
                )),
            }
        }
        cx.converted("{% cite %}");
        if found.is_empty() {
            return String::new();
        }
        format!("{}({})", &c[1], found.join("; "))
    })
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIB: &str = "---\n---\n@article{lee2020,\n  author = {Lee, Min and Park, Ji},\n  title = {Relays {and} pumps},\n  year = {2020},\n  doi = {10.1000/xyz},\n}\n\n@misc{solo,\n author=\"Ana Ruiz\", year=2019}\n";

    #[test]
    fn entries_become_author_year() {
        assert_eq!(
            label(&entry(BIB, "lee2020").unwrap()),
            "[Lee and Park 2020](https://doi.org/10.1000/xyz)"
        );
        assert_eq!(label(&entry(BIB, "solo").unwrap()), "Ruiz 2019");
        assert!(entry(BIB, "nope").is_none());
    }
}
