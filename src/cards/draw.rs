//! A drawn card: the text of a page (who, what, for whom) on the theme's
//! light background with its accent, laid out as SVG and rasterised by resvg.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use super::fonts::Fonts;
use super::{Palette, Text};

/// The lines of a title at `px` pixels, wrapped to `width`; at most `max`
/// lines, the last one cut with an ellipsis. Words break at spaces, and
/// between any two characters of scripts written without spaces.
pub(super) fn wrap(fonts: &Fonts, text: &str, px: f32, width: f32, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words(text) {
        let candidate = format!("{line}{word}");
        if line.is_empty() || fonts.width(candidate.trim_end(), px, true) <= width {
            line = candidate;
            continue;
        }
        lines.push(line.trim_end().to_string());
        line = word.trim_start().to_string();
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if lines.len() > max {
        lines.truncate(max);
        let last = &mut lines[max - 1];
        while !last.is_empty() && fonts.width(&format!("{last}…"), px, true) > width {
            last.pop();
        }
        *last = format!("{}…", last.trim_end());
    }
    lines
}

/// Words with the spaces after them; a character of a script without spaces is a word.
fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        let cjk = ('\u{2E80}'..='\u{9FFF}').contains(&c) || ('\u{AC00}'..='\u{D7AF}').contains(&c);
        if cjk && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.push(c);
        if c == ' ' || cjk {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The SVG of a card of `size` with `text` (text no font covers is left out).
pub(super) fn svg(fonts: &Fonts, palette: &Palette, text: &Text, size: (u32, u32)) -> String {
    let (w, h) = (size.0 as f32, size.1 as f32);
    let s = w / 1200.0;
    let margin = 84.0 * s;
    let inner = w - 2.0 * margin;
    let shown = |t: &Option<String>| {
        t.clone()
            .filter(|t| !t.trim().is_empty() && fonts.covers(t))
    };
    let mut body = String::new();
    let mut line = |y: f32, px: f32, weight: u32, color: &str, t: &str| {
        body.push_str(&format!(
            r#"<text x="{margin}" y="{y}" font-size="{px}" font-weight="{weight}" fill="{color}">{}</text>"#,
            crate::util::escape_markup(t)
        ));
    };
    if let Some(k) = shown(&text.kicker) {
        let k = wrap(fonts, &k, 32.0 * s, inner, 1).concat();
        line(margin + 32.0 * s, 32.0 * s, 400, &palette.muted, &k);
    }
    let mut y = h * 0.36;
    if let Some(t) = shown(&text.title) {
        let (px, lines) = [76.0, 64.0, 54.0]
            .iter()
            .map(|px| (px * s, wrap(fonts, &t, px * s, inner, 3)))
            .find(|(_, l)| l.len() <= 2)
            .unwrap_or_else(|| (54.0 * s, wrap(fonts, &t, 54.0 * s, inner, 3)));
        for l in &lines {
            y += px * 1.15;
            line(y, px, 700, &palette.text, l);
        }
    }
    if let Some(d) = shown(&text.detail) {
        let d = wrap(fonts, &d, 36.0 * s, inner, 1).concat();
        line(y + 72.0 * s, 36.0 * s, 400, &palette.accent, &d);
    }
    if let Some(f) = shown(&text.footer) {
        let f = wrap(fonts, &f, 28.0 * s, inner, 1).concat();
        line(h - margin + 10.0 * s, 28.0 * s, 400, &palette.muted, &f);
    }
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{families}"><rect width="{w}" height="{h}" fill="{bg}"/><rect width="{bar}" height="{h}" fill="{accent}"/>{body}</svg>"#,
        families = fonts.families(),
        bg = palette.bg,
        accent = palette.accent,
        bar = 20.0 * s,
    )
}

/// `svg` rasterised onto a `size` canvas filled with `bg`, scaled to cover
/// it and centred (`None` when it cannot be read). Translucent groups take
/// [`super::layers`]' fast way.
pub(super) fn rasterise(
    svg: &[u8],
    opts: &usvg::Options<'_>,
    size: (u32, u32),
    bg: [u8; 3],
) -> Option<Pixmap> {
    let tree = usvg::Tree::from_data(svg, opts).ok()?;
    let mut pixmap = Pixmap::new(size.0, size.1)?;
    pixmap.fill(resvg::tiny_skia::Color::from_rgba8(
        bg[0], bg[1], bg[2], 255,
    ));
    let (tw, th) = (tree.size().width(), tree.size().height());
    let scale = (size.0 as f32 / tw).max(size.1 as f32 / th);
    let dx = (size.0 as f32 - tw * scale) / 2.0;
    let dy = (size.1 as f32 - th * scale) / 2.0;
    let t = Transform::from_row(scale, 0.0, 0.0, scale, dx, dy);
    super::layers::render(&tree, t, &mut pixmap.as_mut());
    Some(pixmap)
}
