//! What an MDX or mdsvex write-up imports, and the `{name}` values that
//! gives its text: `import pic from "./pic.png"` names an image file (for
//! [`super::shortcodes::mdx_image`]); `import link from "./link.txt?raw"`
//! (Vite's raw import) gives `link` the text of that file, trimmed, which
//! stands in for `{link}` in links, attributes and text.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::convert::Convert;

/// An image import, perhaps with a Vite query (`./a.webp?url`, `?w=400`);
/// not `?raw`, which gives the file's text.
static FILE_IMPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"^\s*import\s+(\w+)\s+from\s+["']([^"'?]+\.(?i:png|jpe?g|gif|webp|avif|svg))(\?[^"']*)?["']"#,
    )
    .expect("valid regex")
});
static RAW_IMPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\bimport\s+(\w+)\s+from\s+["']([^"'?]+)\?raw["']"#).expect("valid regex")
});
static VALUE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(=\s*)?\{\s*(\w+)\s*\}").expect("valid regex"));

/// Notes the imports on `line` (an import line, or a line of the `<script>`
/// block of mdsvex). A raw import of a file that cannot be read is not
/// noted: its `{name}` stays, and is named where it is used.
pub fn note(cx: &mut Convert, line: &str) {
    let raw = |c: &Captures| c.get(3).is_some_and(|q| q.as_str().contains("raw"));
    if let Some(c) = FILE_IMPORT.captures(line).filter(|c| !raw(c)) {
        cx.imports.insert(c[1].to_string(), c[2].to_string());
    }
    for c in RAW_IMPORT.captures_iter(line) {
        if let Some(text) = cx.refs.text_beside(&c[2]) {
            cx.texts.insert(c[1].to_string(), text);
        }
    }
}

/// `{name}` of a raw import as its text: `href={name}` → `href="text"`,
/// `[a]({name})` → `[a](text)`, `{name}` in the text → the text.
pub fn values(cx: &mut Convert, line: &str) -> String {
    if cx.texts.is_empty() || !line.contains('{') {
        return line.to_string();
    }
    let mut used = 0;
    let out = VALUE.replace_all(line, |c: &Captures| {
        let Some(text) = cx.texts.get(&c[2]) else {
            return c[0].to_string();
        };
        let start = c.get(0).map_or(0, |m| m.start());
        let address = c.get(1).is_some() || line[..start].ends_with("](");
        // Text of several words is no address: the link stays unresolved, and is named.
        if address && text.contains(char::is_whitespace) {
            return c[0].to_string();
        }
        used += 1;
        match c.get(1) {
            Some(eq) => format!("{}\"{}\"", eq.as_str(), text.replace('"', "&quot;")),
            None => text.clone(),
        }
    });
    let out = out.into_owned();
    for _ in 0..used {
        cx.converted("`{name}` of a raw text import → its text");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::refs::{Refs, SiteMap};

    fn converted(dir: &std::path::Path, lines: &[&str]) -> (Vec<String>, usize) {
        let map = SiteMap {
            root: dir.to_path_buf(),
            ..SiteMap::default()
        };
        let mut refs = Refs::new(&map, &dir.join("a.md"), None);
        let mut cx = Convert::new(&mut refs);
        let out = lines
            .iter()
            .map(|l| {
                note(&mut cx, l);
                values(&mut cx, l)
            })
            .collect();
        (out, cx.texts.len())
    }

    #[test]
    fn a_raw_import_gives_its_name_the_files_text() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("demo.txt"),
            "https://demo.example/a?q=\"1\"\n",
        )
        .unwrap();
        let (out, n) = converted(
            dir.path(),
            &[
                "    import demo from \"./demo.txt?raw\";",
                "[the demo]({demo}) and <Go href={demo}> at {demo}, not {other}",
            ],
        );
        assert_eq!(n, 1);
        assert_eq!(
            out[1],
            "[the demo](https://demo.example/a?q=\"1\") and <Go href=\"https://demo.example/a?q=&quot;1&quot;\"> at https://demo.example/a?q=\"1\", not {other}"
        );
    }

    #[test]
    fn text_of_several_words_is_not_an_address() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("note.txt"), "Made in\ntwo days.\n").unwrap();
        let (out, _) = converted(
            dir.path(),
            &[
                "import note from \"./note.txt?raw\"",
                "{note} [x]({note}) <A href={note}>",
            ],
        );
        assert_eq!(out[1], "Made in\ntwo days. [x]({note}) <A href={note}>");
    }

    #[test]
    fn an_image_import_with_a_vite_query_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let map = SiteMap {
            root: dir.path().to_path_buf(),
            ..SiteMap::default()
        };
        let mut refs = Refs::new(&map, &dir.path().join("a.md"), None);
        let mut cx = Convert::new(&mut refs);
        note(&mut cx, "    import card from \"./card.webp?normal&url\";");
        note(&mut cx, "import icon from './icon.svg?raw'");
        assert_eq!(
            cx.imports.get("card").map(String::as_str),
            Some("./card.webp")
        );
        assert!(!cx.imports.contains_key("icon"));
    }

    #[test]
    fn a_raw_import_of_a_missing_file_leaves_the_name() {
        let dir = tempfile::tempdir().unwrap();
        let (out, n) = converted(
            dir.path(),
            &["import gone from './gone.txt?raw'", "[x]({gone})"],
        );
        assert_eq!((out[1].as_str(), n), ("[x]({gone})", 0));
    }
}
