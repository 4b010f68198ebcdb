//! `$…$` and `$$…$$` to MathML at build time (pure Rust, no JavaScript, nothing
//! fetched), with `pulldown-latex`, a maintained LaTeX-to-MathML-Core renderer.

use pulldown_latex::config::DisplayMode;
use pulldown_latex::{Parser, RenderConfig, Storage, push_mathml};

/// The MathML of `latex`, and the first error in it, if any (the MathML then
/// shows the faulty part in red, as LaTeX tools do).
pub fn to_mathml(latex: &str, display: bool) -> (String, Option<String>) {
    let storage = Storage::new();
    let events: Vec<_> = Parser::new(latex, &storage).collect();
    let error = events
        .iter()
        .find_map(|e| e.as_ref().err())
        .map(|e| format!("this math has an error: {e}"));
    let config = RenderConfig {
        display_mode: if display {
            DisplayMode::Block
        } else {
            DisplayMode::Inline
        },
        ..RenderConfig::default()
    };
    let mut html = String::new();
    if push_mathml(&mut html, events.into_iter(), config).is_err() {
        return (
            format!("<code>{}</code>", super::escape_markup(latex)),
            Some("this math could not be rendered".to_string()),
        );
    }
    (html, error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_become_mathml() {
        let (html, error) = to_mathml(r"\frac{a}{b} + x^2", false);
        assert!(html.starts_with("<math"), "{html}");
        assert!(html.contains("<mfrac>"), "{html}");
        assert!(html.contains("<msup>"), "{html}");
        assert_eq!(error, None);
    }

    #[test]
    fn display_math_is_a_block() {
        let (html, _) = to_mathml("400 \\cdot 4 = 1600", true);
        assert!(html.contains("display=\"block\""), "{html}");
    }

    #[test]
    fn errors_are_reported() {
        let (_, error) = to_mathml(r"\frac{a}{", false);
        assert!(error.is_some());
    }
}
