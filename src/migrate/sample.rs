//! A write-up whose text is still the theme's sample text: al-folio ships
//! example projects ("Every project has a beautiful feature showcase page…",
//! with figures of its own demo images), and many sites keep that text while
//! giving the project their own title, image and `redirect:`. Such text is
//! not the owner's: it is left out rather than converted.

use super::convert::Convert;
use super::frontmatter::Front;

/// The first line of al-folio's example projects.
const AL_FOLIO: &str = "Every project has a beautiful feature showcase page.";

/// The text of `front` to convert: its body, or nothing when the body is the
/// theme's sample text. With a `redirect:` the old site's card led to that
/// address and never showed the text, so nothing is lost; without one the
/// owner has a write-up to write, told once.
pub fn own_text<'a>(cx: &mut Convert, front: &'a Front) -> &'a str {
    let mut text = front.body.lines().enumerate().map(|(i, l)| (i, l.trim()));
    let Some((first, AL_FOLIO)) = text.find(|(_, l)| !l.is_empty()) else {
        return &front.body;
    };
    let last = front
        .body
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .last();
    let at = front.body_first_line;
    let lines = format!(
        "lines {}–{}",
        at + first,
        at + last.map_or(first, |(i, _)| i)
    );
    cx.line = at + first;
    if front.map.contains_key("redirect") {
        cx.converted(&format!(
            "al-folio's sample text ({lines}), never shown (the card led to `redirect:`), left out"
        ));
    } else {
        cx.hand(format!(
            "the text ({lines}) is al-folio's sample project (\"Every project has a beautiful \
             feature showcase page…\"), left out: write what this project is"
        ));
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::refs::{Refs, SiteMap};

    #[test]
    fn the_lines_left_out_are_named() {
        let map = SiteMap::default();
        let mut refs = Refs::new(&map, std::path::Path::new("/nonexistent/a.md"), None);
        let mut cx = Convert::new(&mut refs);
        let body = format!("\n{AL_FOLIO}\nIt's easy.\n\n{{% endraw %}}\n\n");
        let text = "---\ntitle: A\n---\n".to_string() + &body;
        let mut front = crate::migrate::frontmatter::parse(&text).unwrap();
        assert_eq!(own_text(&mut cx, &front), "");
        assert_eq!(cx.hands.len(), 1);
        assert_eq!(cx.hands[0].line, 5);
        assert!(
            cx.hands[0]
                .message
                .starts_with("the text (lines 5–8) is al-folio's")
        );
        front
            .map
            .insert("redirect".into(), "https://example.org".into());
        assert_eq!(own_text(&mut cx, &front), "");
        let done: Vec<&String> = cx.done.keys().collect();
        assert_eq!(
            done,
            [
                "al-folio's sample text (lines 5–8), never shown (the card led to `redirect:`), left out"
            ]
        );
        front.body = "Mine.\n".into();
        assert_eq!(own_text(&mut cx, &front), "Mine.\n");
    }
}
