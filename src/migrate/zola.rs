//! Zola shortcode calls that are neither folio's nor the site's own copied
//! ones (a theme's, when the theme is not in the folder, or one folio cannot
//! compile): never left raw in the page. `{{ gist(url=…) }}` and
//! `{{ tweet(…) }}` become links ([`super::plain`]); one that names a document
//! of the page becomes folio's `pdf`/`download`, any other is left out and
//! named ([`super::shortcodes::own`], as Hugo's own ones). A body call
//! `{% name(…) %}…{% end %}` left out keeps what it held.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::args::Args;
use super::convert::Convert;
use super::shortcodes::{self, straight};

/// `{{ name(args) }}`, `{% name(args) %}` (groups 1–3), or `{% end %}`.
static CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"\{([{%])\s*([\w-]+)\s*\(((?:[^()"'`]|"[^"]*"|'[^']*'|`[^`]*`)*)\)\s*[}%]\}|\{%\s*end\s*%\}"#,
    )
    .expect("valid regex")
});

/// Converts the Zola shortcode calls on one line.
pub fn calls(cx: &mut Convert, line: &str) -> String {
    if !line.contains("{{") && !line.contains("{%") {
        return line.to_string();
    }
    CALL.replace_all(line, |c: &Captures| {
        let Some(name) = c.get(2).map(|m| m.as_str()) else {
            // An end: it goes with its call, else it stays (and is named).
            return match cx.zola_open.pop() {
                Some(false) => String::new(),
                _ => c[0].to_string(),
            };
        };
        let body = &c[1] == "%";
        let kept = shortcodes::FOLIO.contains(&name) || cx.refs.own_shortcode(name);
        if body {
            cx.zola_open.push(kept);
        }
        if kept {
            return c[0].to_string();
        }
        let args = args(&c[3]);
        if let Some(link) = super::plain::link(name, &args) {
            cx.converted(&format!("shortcode {name} → link"));
            return link;
        }
        let template = format!("templates/shortcodes/{name}.html");
        shortcodes::own(cx, name, &c[0], &args, &template)
    })
    .into_owned()
}

/// The arguments of a call (`url="…", n=3`): the commas between them are
/// not part of the values.
fn args(text: &str) -> Args {
    let mut quote = None;
    let spaced: String = straight(text)
        .chars()
        .map(|ch| match (quote, ch) {
            (None, '"' | '\'' | '`') => {
                quote = Some(ch);
                ch
            }
            (Some(q), _) if q == ch => {
                quote = None;
                ch
            }
            (None, ',') => ' ',
            _ => ch,
        })
        .collect();
    Args::parse(&spaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::migrate::refs::{Refs, test_page};

    #[test]
    fn a_zola_call_folio_cant_run_becomes_a_link_a_file_or_is_left_out() {
        let (_dir, mut map, page) = test_page(&[("r.pdf", "%PDF-1.4")]);
        map.own_shortcodes = vec!["note".into()];
        let mut refs = Refs::new(&map, &page, None);
        let mut cx = Convert::new(&mut refs);
        let mut run = |line: &str| calls(&mut cx, line);
        assert_eq!(
            run("{{ gist(url=\"https://gist.github.com/someone/ab12\") }}"),
            "[Gist someone/ab12](https://gist.github.com/someone/ab12)"
        );
        assert_eq!(
            run("{{ tweet(url='https://twitter.com/someone/status/42') }}"),
            "[Post by @someone on X](https://x.com/someone/status/42)"
        );
        assert_eq!(
            run("See {{ doc_link(path=\"r.pdf\", text=“Get it”, n=3) }}."),
            "See {{ pdf(src=\"r.pdf\", title=\"Get it\") }}."
        );
        // folio's and the site's own (copied) stay, with their end.
        let kept = "{{ youtube(id=\"x1\") }}{% note(kind=\"info\") %}";
        assert_eq!(run(kept), kept);
        assert_eq!(run("{% callout(kind=\"warn\", title=\"a (b)\") %}"), "");
        assert_eq!(run("Held text."), "Held text.");
        assert_eq!(run("{% end %}"), "");
        assert_eq!(run("{% end %}"), "{% end %}");
        assert_eq!(run("{{ stl_view(src=\"/m/t.glb\") }}"), "");
        let hands: Vec<&str> = cx.hands.iter().map(|h| h.message.as_str()).collect();
        assert_eq!(hands.len(), 2, "{hands:?}");
        assert!(hands[0].contains(
            "`{% callout(kind=\"warn\", title=\"a (b)\") %}` left out: folio can't run the old site's own shortcodes (what it showed is in its templates/shortcodes/callout.html)"
        ));
        assert!(hands[1].contains("templates/shortcodes/stl_view.html"));
        assert_eq!(cx.done["shortcode gist → link"], 1);
    }

    #[test]
    fn commas_between_arguments_are_not_values() {
        let a = args("url=\"a,b\", n=3, 'x'");
        assert_eq!(a.get("url"), Some("a,b"));
        assert_eq!(a.get("n"), Some("3"));
        assert_eq!(a.positional, ["x"]);
    }
}
