//! Slugs and URL paths. Slugs keep non-Latin letters (技术写作 stays 技术写作) so
//! Chinese and Japanese names give readable URLs; hrefs are percent-encoded so
//! every URL folio writes resolves on any server.

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

use crate::diagnostics::Error;

/// Turns a name into a URL segment: lower case, letters and digits kept (any
/// script), everything else folded into single dashes. `C++` → `c-plus-plus`,
/// `C#` → `c-sharp`, `Node.js` → `node-js`.
pub fn slugify(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    let push_word = |out: &mut String, word: &str, dash: &mut bool| {
        if *dash && !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
        *dash = false;
    };
    for c in name.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else if c == '+' {
            dash = true;
            push_word(&mut out, "plus", &mut dash);
            dash = true;
        } else if c == '#' {
            dash = true;
            push_word(&mut out, "sharp", &mut dash);
            dash = true;
        } else if c == '&' {
            dash = true;
            push_word(&mut out, "and", &mut dash);
            dash = true;
        } else if c == '\'' || c == '’' {
            // "Writer's" → "writers"
        } else {
            dash = true;
        }
    }
    out
}

/// Why a user-given slug is not usable as one URL segment, if it is not.
pub fn check_slug(slug: &str) -> crate::Result<()> {
    let bad = |m: String| Err(Error::msg(m));
    if slug.is_empty() {
        return bad("the slug is empty".into());
    }
    if slug.contains(['/', '\\']) {
        return bad(format!(
            "the slug `{slug}` contains a slash; a slug is one name, such as `my-project`"
        ));
    }
    if slug == "." || slug == ".." || slug.starts_with('.') {
        return bad(format!("the slug `{slug}` may not start with a dot"));
    }
    if slug.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return bad(format!(
            "the slug `{slug}` contains spaces or control characters"
        ));
    }
    if slug.contains(['?', '#', '%', '"', '<', '>', ':', '*', '|']) {
        return bad(format!(
            "the slug `{slug}` contains a character that is not allowed in a URL or file name (? # % \" < > : * |)"
        ));
    }
    Ok(())
}

/// Characters escaped in URL paths: controls, space and the few that break
/// attributes or paths. Non-ASCII is always escaped (as UTF-8 bytes).
const PATH: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'%')
    .add(b'\\')
    .add(b'^')
    .add(b'|');

/// Percent-encodes a URL path (keeps `/`, `#`, `?` and ASCII punctuation).
pub fn encode_path(path: &str) -> String {
    utf8_percent_encode(path, PATH).to_string()
}

/// `base` then `path` percent-encoded (as [`encode_path`]), in one string:
/// what the templates' `url()` gives, made without an intermediate string.
pub fn join_encoded(base: &str, path: &str) -> String {
    let mut out = String::with_capacity(base.len() + path.len());
    out.push_str(base);
    out.extend(utf8_percent_encode(path, PATH));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_encoded_is_the_base_then_the_encoded_path() {
        for (base, path) in [("/", ""), ("/portfolio/", "zh/a b/é%"), ("", "x\"y")] {
            assert_eq!(
                join_encoded(base, path),
                format!("{base}{}", encode_path(path))
            );
        }
    }

    #[test]
    fn latin_names() {
        assert_eq!(slugify("Technical Writing"), "technical-writing");
        assert_eq!(slugify("  Rust / CLI tools "), "rust-cli-tools");
        assert_eq!(slugify("C++"), "c-plus-plus");
        assert_eq!(slugify("C#"), "c-sharp");
        assert_eq!(slugify("Node.js"), "node-js");
        assert_eq!(slugify("UX & UI"), "ux-and-ui");
        assert_eq!(slugify("Writer's Block"), "writers-block");
        assert_eq!(slugify("Café Crème"), "café-crème");
    }

    #[test]
    fn non_latin_names_stay_readable() {
        assert_eq!(slugify("技术写作"), "技术写作");
        assert_eq!(slugify("日本語 翻訳"), "日本語-翻訳");
        assert_eq!(slugify("🚀"), "");
    }

    #[test]
    fn slugs_cannot_escape() {
        assert!(check_slug("../../x").is_err());
        assert!(check_slug("a/b").is_err());
        assert!(check_slug(".hidden").is_err());
        assert!(check_slug("with space").is_err());
        assert!(check_slug("ok-slug").is_ok());
        assert!(check_slug("技术写作").is_ok());
    }

    #[test]
    fn encodes_non_ascii_paths() {
        assert_eq!(encode_path("/skills/技术/"), "/skills/%E6%8A%80%E6%9C%AF/");
        assert_eq!(encode_path("/a b/#x"), "/a%20b/#x");
    }
}
