//! A `<picture>`'s `<source srcset="x.webp">` whose file the old site made at
//! build time from the image beside it (jekyll-webp, a Hugo or Astro image
//! pipeline): the repository never held it, so the element goes and the
//! `<img>` with the original stays (folio writes its own WebP copies of the
//! images it resizes). A source the old site lacks with no original beside it
//! stays, and is reported as a broken link.

use std::path::Path;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::convert::Convert;
use super::refs::Ref;

/// A `<source …>` element of one image, with what follows it on the line up
/// to the next element.
static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<source\b[^>]*?\ssrcset\s*=\s*"([^"\s,{}]+)"[^>]*>[ \t]*"#).expect("valid regex")
});

/// Formats an image pipeline writes from an original.
const MADE: &[&str] = &[".webp", ".avif"];
/// The originals it writes them from.
const ORIGINALS: &[&str] = &["jpg", "jpeg", "png", "JPG", "JPEG", "PNG"];

/// `line` without the `<source>` elements of files the old site generated.
pub fn drop_generated(cx: &mut Convert, line: &str) -> String {
    if !line.contains("<source") {
        return line.to_string();
    }
    SOURCE
        .replace_all(line, |c: &Captures| {
            if !generated(cx, &c[1]) {
                return c[0].to_string();
            }
            cx.converted("`<source>` of a WebP or AVIF the old site made when it built → the `<img>` of its original");
            String::new()
        })
        .into_owned()
}

/// Whether `dest` is a WebP or AVIF the old site lacks whose original (the
/// same name as a JPEG or PNG, or without the `.webp` it appended) it has.
fn generated(cx: &mut Convert, dest: &str) -> bool {
    let lower = dest.to_ascii_lowercase();
    let Some(ext) = MADE.iter().find(|e| lower.ends_with(**e)) else {
        return false;
    };
    let stem = &dest[..dest.len() - ext.len()];
    if !matches!(cx.refs.link(dest), Ref::Broken(_)) {
        return false;
    }
    let appended = Path::new(stem)
        .extension()
        .is_some_and(|e| ORIGINALS.contains(&e.to_string_lossy().as_ref()));
    let candidates: Vec<String> = if appended {
        vec![stem.to_string()]
    } else {
        ORIGINALS.iter().map(|e| format!("{stem}.{e}")).collect()
    };
    candidates
        .iter()
        .any(|c| matches!(cx.refs.link(c), Ref::Rewrite(_)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::refs::{Refs, test_page};

    fn run(files: &[(&str, &str)], line: &str) -> (String, Vec<String>) {
        let (_dir, map, page) = test_page(files);
        let mut refs = Refs::new(&map, &page, None);
        let mut cx = Convert::new(&mut refs);
        let out = drop_generated(&mut cx, line);
        let done = cx.done.keys().cloned().collect();
        (out, done)
    }

    #[test]
    fn a_source_made_from_the_image_beside_it_goes_and_the_img_stays() {
        let line = r#"<picture><source srcset="shot.webp" type="image/webp"> <img src="shot.jpg" alt="Shot"></picture>"#;
        let (out, done) = run(&[("shot.jpg", "x")], line);
        assert_eq!(out, r#"<picture><img src="shot.jpg" alt="Shot"></picture>"#);
        assert_eq!(done.len(), 1, "{done:?}");
        // jekyll-webp's append_ext: `shot.png.webp` from `shot.png`.
        let line = r#"<source srcset="shot.png.webp" type="image/webp" /><img src="shot.png">"#;
        let (out, _) = run(&[("shot.png", "x")], line);
        assert_eq!(out, r#"<img src="shot.png">"#);
    }

    #[test]
    fn a_source_that_exists_or_has_no_original_stays() {
        let line = r#"<source srcset="shot.webp" type="image/webp"><img src="shot.jpg">"#;
        let (out, done) = run(&[("shot.jpg", "x"), ("shot.webp", "x")], line);
        assert_eq!(out, line);
        assert!(done.is_empty());
        let (out, _) = run(&[("other.jpg", "x")], line);
        assert_eq!(out, line);
    }
}
