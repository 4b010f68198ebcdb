//! Jekyll's `{{ page.KEY }}` in a write-up's text (`{{ page.description }}`
//! as its first paragraph): rendered as Jekyll rendered it, from the
//! write-up's front matter and what Jekyll adds (`page.slug`, `page.path`,
//! …, see [`super::includes::page_vars`]), with the filters folio's small
//! Liquid knows. One naming a key the page lacks, or that cannot be
//! rendered, stays as it is (and is named in the report).

use std::sync::LazyLock;

use regex::Regex;

use super::convert::Convert;

/// `{{ page.KEY… }}`, with filters after `|` (group 1: KEY).
static PAGE_VAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{\{-?\s*page\.([A-Za-z_][\w-]*)[^{}]*\}\}").expect("valid regex")
});

/// `line` with each `{{ page.KEY }}` of a key the page has replaced by what
/// it renders to.
pub fn resolve(cx: &mut Convert, line: &str) -> String {
    let Some(page) = cx.page.as_ref().filter(|_| line.contains("page.")) else {
        return line.to_string();
    };
    let mut done = 0;
    let out = PAGE_VAR.replace_all(line, |c: &regex::Captures| {
        let known = page.get(&c[1]).is_some_and(|v| !v.is_null());
        match known.then(|| super::includes::render_output(cx, page, &c[0])) {
            Some(Ok(text)) => {
                done += 1;
                text
            }
            _ => c[0].to_string(),
        }
    });
    let out = out.into_owned();
    for _ in 0..done {
        cx.converted("{{ page.KEY }} → its value in the front matter");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::refs::{Refs, SiteMap};

    #[test]
    fn a_page_variable_the_page_has_is_its_value() {
        let dir = tempfile::tempdir().unwrap();
        let map = SiteMap {
            root: dir.path().to_path_buf(),
            ..SiteMap::default()
        };
        let source = dir.path().join("_work/2021-03-04-kite-board.md");
        let mut refs = Refs::new(&map, &source, None);
        let front = serde_json::json!({"description": "A <b>fast</b> board.", "n": 3});
        let vars = crate::migrate::includes::page_vars(&refs, front.as_object().unwrap());
        let mut cx = Convert::new(&mut refs);
        let line = "{{ page.description }} ({{page.slug | upcase}}, {{ page.n | append: '!' }}) {{ page.gone }} {{ page.n | no_filter }}\n";
        assert_eq!(resolve(&mut cx, line), line, "not a Jekyll site: as it is");
        cx.page = Some(vars);
        assert_eq!(
            resolve(&mut cx, line),
            "A <b>fast</b> board. (KITE-BOARD, 3!) {{ page.gone }} {{ page.n | no_filter }}\n"
        );
        assert_eq!(cx.done["{{ page.KEY }} → its value in the front matter"], 3);
    }
}
