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
    let first = front.body.lines().map(str::trim).find(|l| !l.is_empty());
    if first != Some(AL_FOLIO) {
        return &front.body;
    }
    cx.line = front.body_first_line;
    if front.map.contains_key("redirect") {
        cx.converted("al-folio's sample text, never shown (the card led to `redirect:`), left out");
    } else {
        cx.hand(
            "the text is al-folio's sample project (\"Every project has a beautiful feature \
             showcase page…\"), left out: write what this project is"
                .to_string(),
        );
    }
    ""
}
