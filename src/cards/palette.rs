//! The colours of drawn cards: the theme's light background, text, muted text
//! and accent, read from its `style.css` (`--bg`, `--text`, `--muted`, `--accent`).

use crate::theme::Theme;

#[derive(Debug, Clone, Hash, PartialEq, Eq)]
pub struct Palette {
    pub bg: String,
    pub text: String,
    pub muted: String,
    pub accent: String,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            bg: "#fbfaf8".into(),
            text: "#1c1a17".into(),
            muted: "#5a554e".into(),
            accent: "#1d4ed8".into(),
        }
    }
}

impl Palette {
    /// The first (light) value of each colour in the theme's `style.css`
    /// (the site's, when it has one), else the default theme's.
    pub fn of_theme(theme: &Theme) -> Palette {
        let css = theme
            .static_files
            .get("style.css")
            .and_then(|f| f.bytes().ok())
            .map(|b| String::from_utf8_lossy(&b).into_owned())
            .unwrap_or_default();
        Palette::of_css(&css)
    }

    pub fn of_css(css: &str) -> Palette {
        let d = Palette::default();
        let get = |name: &str, fallback: String| colour(css, name).unwrap_or(fallback);
        Palette {
            bg: get("--bg", d.bg),
            text: get("--text", d.text),
            muted: get("--muted", d.muted),
            accent: get("--accent", d.accent),
        }
    }

    /// The background as RGB.
    pub fn bg_rgb(&self) -> [u8; 3] {
        let h = self.bg.trim_start_matches('#');
        let byte =
            |i: usize| u8::from_str_radix(h.get(i..i + 2).unwrap_or("ff"), 16).unwrap_or(255);
        [byte(0), byte(2), byte(4)]
    }
}

/// The first `NAME: #rrggbb` (or `#rgb`) in `css`.
fn colour(css: &str, name: &str) -> Option<String> {
    let at = css.find(&format!("{name}:"))?;
    let value = css[at + name.len() + 1..].split(';').next()?.trim();
    let hex = value.strip_prefix('#')?;
    let ok = hex.chars().all(|c| c.is_ascii_hexdigit());
    match hex.len() {
        6 if ok => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 if ok => Some(format!(
            "#{}",
            hex.chars()
                .flat_map(|c| [c, c])
                .collect::<String>()
                .to_ascii_lowercase()
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_light_colours_first() {
        let p = Palette::of_css(
            ":root { --bg: #FFF; --text: #111111; --accent: red; }\n:root[data-theme=dark] { --bg: #000000; }",
        );
        assert_eq!(p.bg, "#ffffff");
        assert_eq!(p.text, "#111111");
        assert_eq!(p.accent, Palette::default().accent);
        assert_eq!(p.bg_rgb(), [255, 255, 255]);
    }
}
