//! Syntax of other site generators left in a write-up (Hugo shortcodes, Liquid
//! tags, MDX components): what it is and what to write in folio instead.

/// The warning and its help for a foreign tag as written (`{{< youtube x >}}`).
pub fn advice(what: &str) -> (String, String) {
    let inner = what
        .trim_start_matches(['{', '<', '%'])
        .trim_end_matches(['}', '>', '%'])
        .trim();
    let word = inner.split_whitespace().next().unwrap_or("").to_lowercase();
    let (tool, example) = if what.starts_with("{{<") || what.starts_with("{{%") {
        ("a Hugo shortcode", hugo_equivalent(&word, inner))
    } else if what.starts_with("{%") {
        ("a Liquid (Jekyll) tag", liquid_equivalent(&word, inner))
    } else {
        ("a Liquid/Jinja template expression", None)
    };
    let message = format!("`{}` is {tool}; folio prints it as text", short(what));
    let help = match example {
        Some(e) => format!("in folio write `{e}` (see README: Code, shortcodes and math)"),
        None => "folio has no equivalent: remove it, or add your own shortcode as \
                 templates/shortcodes/NAME.html and call it as `{{ NAME(arg=\"…\") }}`"
            .to_string(),
    };
    (message, help)
}

/// The warning and its help for an MDX/JSX component (`<YouTube id="x" />`).
pub fn jsx_advice(tag: &str, name: &str) -> (String, String) {
    let example = match name.to_lowercase().as_str() {
        "youtube" | "youtubeembed" | "lite-youtube" => Some("{{ youtube(id=\"VIDEO_ID\") }}"),
        "vimeo" => Some("{{ vimeo(id=\"VIDEO_ID\") }}"),
        "video" => Some("{{ video(src=\"clip.mp4\") }}"),
        "image" | "img" | "figure" | "picture" => {
            Some("{{ figure(src=\"photo.jpg\", alt=\"…\", caption=\"…\") }}")
        }
        "gallery" => Some("{{ gallery() }}"),
        _ => None,
    };
    let message = format!(
        "`{}` is an MDX/JSX component; folio prints it as HTML the browser ignores",
        short(tag)
    );
    let help = match example {
        Some(e) => format!("in folio write `{e}`"),
        None => "folio has no equivalent: remove it, or add a shortcode as \
                 templates/shortcodes/NAME.html"
            .to_string(),
    };
    (message, help)
}

fn hugo_equivalent(word: &str, inner: &str) -> Option<String> {
    let id = inner.split_whitespace().nth(1).map(|s| s.trim_matches('"'));
    Some(match word {
        "youtube" => format!("{{{{ youtube(id=\"{}\") }}}}", id.unwrap_or("VIDEO_ID")),
        "vimeo" => format!("{{{{ vimeo(id=\"{}\") }}}}", id.unwrap_or("VIDEO_ID")),
        "figure" | "img" | "image" => {
            "{{ figure(src=\"photo.jpg\", alt=\"…\", caption=\"…\") }}".into()
        }
        "gallery" => "{{ gallery() }}".into(),
        "video" => "{{ video(src=\"clip.mp4\") }}".into(),
        "highlight" => "a fenced code block: ```LANGUAGE".into(),
        "ref" | "relref" => "a Markdown link to the file: [text](../other.md)".into(),
        _ => return None,
    })
}

fn liquid_equivalent(word: &str, inner: &str) -> Option<String> {
    Some(match word {
        "include" if inner.contains("figure") || inner.contains("image") => {
            "{{ figure(src=\"photo.jpg\", alt=\"…\", caption=\"…\") }}".into()
        }
        "include" if inner.contains("video") => "{{ video(src=\"clip.mp4\") }}".into(),
        "include" if inner.contains("youtube") => "{{ youtube(id=\"VIDEO_ID\") }}".into(),
        "youtube" => "{{ youtube(id=\"VIDEO_ID\") }}".into(),
        "highlight" => "a fenced code block: ```LANGUAGE".into(),
        "link" | "post_url" => "a Markdown link to the file: [text](../other.md)".into(),
        "raw" | "endraw" => "nothing: folio leaves text between these as it is".into(),
        _ => return None,
    })
}

/// At most 60 characters of a tag, for a one-line message.
fn short(s: &str) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match one_line.char_indices().nth(60) {
        Some((i, _)) => format!("{}…", &one_line[..i]),
        None => one_line,
    }
}

/// The component name when an HTML fragment starts a JSX component: `<YouTube`
/// (a capital letter, which HTML tags written by people do not have).
pub fn jsx_component(html: &str) -> Option<&str> {
    let rest = html.trim_start().strip_prefix('<')?;
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .unwrap_or(rest.len());
    let name = &rest[..len];
    let next = rest[len..].chars().next();
    (name.starts_with(|c: char| c.is_ascii_uppercase())
        && matches!(next, None | Some(' ' | '/' | '>' | '\n' | '\t')))
    .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hugo_youtube_keeps_its_id() {
        let (m, h) = advice("{{< youtube dQw4w9WgXcQ >}}");
        assert!(m.contains("Hugo shortcode"), "{m}");
        assert!(h.contains("{{ youtube(id=\"dQw4w9WgXcQ\") }}"), "{h}");
    }

    #[test]
    fn liquid_include_figure_points_at_figure() {
        let (m, h) = advice("{% include figure.liquid path=\"a.jpg\" %}");
        assert!(m.contains("Liquid"), "{m}");
        assert!(h.contains("figure(src="), "{h}");
    }

    #[test]
    fn unknown_foreign_tags_say_how_to_add_one() {
        let (_, h) = advice("{{< notice warning >}}");
        assert!(h.contains("templates/shortcodes/NAME.html"), "{h}");
    }

    #[test]
    fn jsx_components_are_told_from_html() {
        assert_eq!(jsx_component("<YouTube id=\"x\" />"), Some("YouTube"));
        assert_eq!(jsx_component("<Chart.Bar data={d}>"), Some("Chart.Bar"));
        assert_eq!(jsx_component("<div class=\"x\">"), None);
        assert_eq!(jsx_component("<br>"), None);
        let (_, h) = jsx_advice("<YouTube id=\"x\" />", "YouTube");
        assert!(h.contains("youtube(id="), "{h}");
    }
}
