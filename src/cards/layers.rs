//! Rendering an SVG tree like `resvg::render`, with a faster way for groups
//! that are isolated only for their opacity (the usual translucent overlays of
//! a cover). resvg gives each such group a layer as large as its bounding box
//! (up to 5× the canvas) and composites it in tiny-skia's float pipeline; here
//! the layer is only the part on the canvas, composited by a plain
//! premultiplied source-over over bytes. Every other node is left to resvg.

use resvg::tiny_skia::{Pixmap, PixmapMut, Transform};
use resvg::usvg::{BlendMode, Group, Node, Tree};

/// Renders `tree` onto `pixmap` with the root `transform`, as `resvg::render`
/// does (within a unit per channel); the number of groups given a fast layer.
pub(super) fn render(tree: &Tree, transform: Transform, pixmap: &mut PixmapMut<'_>) -> usize {
    if !boxed(tree.root()) {
        resvg::render(tree, transform, pixmap);
        return 0;
    }
    render_children(tree.root(), transform, pixmap)
}

/// The children of `group` rendered with `transform` (the group's own
/// transform already applied).
fn render_children(group: &Group, transform: Transform, pixmap: &mut PixmapMut<'_>) -> usize {
    let mut layers = 0;
    for node in group.children() {
        match node {
            Node::Group(g) if boxed(g) && only_opacity(g) => {
                layers += opacity_layer(g, transform, pixmap);
            }
            Node::Group(g) if boxed(g) && !g.should_isolate() => {
                layers += render_children(g, transform.pre_concat(g.transform()), pixmap);
            }
            _ => render_node(node, transform, pixmap),
        }
    }
    layers
}

/// Whether each child of `group` but a group has a box of some area:
/// `resvg::render_node` draws nothing without one (a straight line's box
/// has none), so a group with such a child is left whole to resvg.
fn boxed(group: &Group) -> bool {
    let boxed = |n: &Node| matches!(n, Node::Group(_)) || n.abs_layer_bounding_box().is_some();
    group.children().iter().all(boxed)
}

/// Whether `group` is isolated for its opacity and nothing else.
fn only_opacity(group: &Group) -> bool {
    group.should_isolate()
        && !group.isolate()
        && group.clip_path().is_none()
        && group.mask().is_none()
        && group.filters().is_empty()
        && group.blend_mode() == BlendMode::Normal
}

/// `node` rendered by resvg with its parent's `transform`. `resvg::render_node`
/// shifts by the node's canvas bounding box (it fills a pixmap of that size),
/// so the shift is undone first.
fn render_node(node: &Node, transform: Transform, pixmap: &mut PixmapMut<'_>) {
    if let Some(b) = node.abs_layer_bounding_box() {
        resvg::render_node(node, transform.pre_translate(b.x(), b.y()), pixmap);
    }
}

/// `group`'s children drawn into a layer covering the group's part of the
/// canvas, composited with the group's opacity; the number of fast layers.
fn opacity_layer(group: &Group, parent: Transform, pixmap: &mut PixmapMut<'_>) -> usize {
    let transform = parent.pre_concat(group.transform());
    let Some((x, y, w, h)) = on_canvas(group, transform, pixmap) else {
        return 1;
    };
    let Some(mut layer) = Pixmap::new(w, h) else {
        return 1;
    };
    let shifted = Transform::from_translate(-(x as f32), -(y as f32)).pre_concat(transform);
    let nested = render_children(group, shifted, &mut layer.as_mut());
    let opacity = group.opacity().get();
    let width = pixmap.width() as usize;
    let dst = pixmap.data_mut();
    for (row, src) in layer.data().chunks_exact(w as usize * 4).enumerate() {
        let start = ((y as usize + row) * width + x as usize) * 4;
        source_over(&mut dst[start..start + src.len()], src, opacity);
    }
    1 + nested
}

/// The pixel rectangle (x, y, width, height) of `group`'s layer bounding box
/// under `transform`, widened by 2 px for anti-aliasing (as resvg does) and
/// cut to the canvas; `None` when nothing of it is on the canvas.
fn on_canvas(
    group: &Group,
    transform: Transform,
    pixmap: &PixmapMut<'_>,
) -> Option<(u32, u32, u32, u32)> {
    let b = group.layer_bounding_box().transform(transform)?;
    let clamp = |v: f32, max: u32| (v as i64).clamp(0, i64::from(max)) as u32;
    let x0 = clamp(b.left().floor() - 2.0, pixmap.width());
    let y0 = clamp(b.top().floor() - 2.0, pixmap.height());
    let x1 = clamp(b.right().ceil() + 2.0, pixmap.width());
    let y1 = clamp(b.bottom().ceil() + 2.0, pixmap.height());
    (x1 > x0 && y1 > y0).then(|| (x0, y0, x1 - x0, y1 - y0))
}

/// Premultiplied RGBA `src` scaled by `opacity` and laid over `dst` (the
/// same length), eight pixels at a time so the loop vectorises.
fn source_over(dst: &mut [u8], src: &[u8], opacity: f32) {
    // Opacity in 1/65536ths, below 1.
    let op = (opacity.clamp(0.0, 1.0) * 65536.0).round().min(65535.0) as u16;
    let (dst, dst_rest) = dst.as_chunks_mut::<32>();
    let (src, src_rest) = src.as_chunks::<32>();
    for (d, s) in dst.iter_mut().zip(src) {
        over(d, s, op);
    }
    let (dst_rest, _) = dst_rest.as_chunks_mut::<4>();
    for (d, s) in dst_rest.iter_mut().zip(src_rest.as_chunks::<4>().0) {
        over(d, s, op);
    }
}

/// Pixels `s` times `op` / 65536 over pixels `d`, in 8.8 fixed point: a
/// byte shifted left 8 is its value in 8.8, and a byte times 257 its share
/// of 255 in 0.16, so each product is the high half of a 16-bit multiply.
fn over<const N: usize>(d: &mut [u8; N], s: &[u8; N], op: u16) {
    let high = |a: u16, b: u16| ((u32::from(a) * u32::from(b)) >> 16) as u16;
    let mut keep = [0u16; N];
    for (i, k) in keep.iter_mut().enumerate() {
        *k = 0xFF00 - high(u16::from(s[i | 3]) << 8, op);
    }
    for i in 0..N {
        let sc = high(u16::from(s[i]) << 8, op);
        let dc = high(u16::from(d[i]) * 257, keep[i]);
        d[i] = (sc.saturating_add(dc).saturating_add(128) >> 8) as u8;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resvg::usvg::Options;

    /// `svg` on a `size` canvas of `bg` with `transform`: (resvg's pixels,
    /// ours, the number of fast layers).
    fn both(svg: &str, size: (u32, u32), bg: [u8; 4], t: Transform) -> (Pixmap, Pixmap, usize) {
        let maker = super::super::tests::maker();
        let opts = Options {
            fontdb: maker.fonts.db(),
            ..Options::default()
        };
        let tree = Tree::from_str(svg, &opts).unwrap();
        let mut theirs = Pixmap::new(size.0, size.1).unwrap();
        theirs.fill(resvg::tiny_skia::Color::from_rgba8(
            bg[0], bg[1], bg[2], bg[3],
        ));
        let mut ours = theirs.clone();
        resvg::render(&tree, t, &mut theirs.as_mut());
        let layers = render(&tree, t, &mut ours.as_mut());
        (theirs, ours, layers)
    }

    /// The number of pixels of `a` and `b` with a channel differing by more
    /// than 2, and the largest difference of a channel.
    fn differences(a: &Pixmap, b: &Pixmap) -> (usize, u8) {
        let diff = |(p, q): (&[u8], &[u8])| p.iter().zip(q).map(|(x, y)| x.abs_diff(*y)).max();
        let pixels = a.data().chunks_exact(4).zip(b.data().chunks_exact(4));
        pixels.map(diff).fold((0, 0), |(n, max), d| {
            let d = d.unwrap_or(0);
            (n + usize::from(d > 2), max.max(d))
        })
    }

    /// Asserts `svg` renders both ways within 2 a channel, with `layers` fast
    /// layers, on an opaque and a transparent canvas; except for at most
    /// `cut.0` pixels, differing by at most `cut.1`, on the anti-aliased edges
    /// of curves the canvas cuts: tiny-skia chops a curve crossing the pixmap's
    /// border before flattening it, so such an edge comes out a little
    /// differently on the canvas-sized layer than on resvg's whole-group layer
    /// (as it does for any path resvg draws straight onto the canvas).
    fn assert_same(svg: &str, size: (u32, u32), t: Transform, layers: usize, cut: (usize, u8)) {
        for bg in [[12, 40, 90, 255], [0, 0, 0, 0]] {
            let (theirs, ours, n) = both(svg, size, bg, t);
            assert_eq!(n, layers, "fast layers on {bg:?}");
            let (count, max) = differences(&theirs, &ours);
            assert!(
                count <= cut.0 && max <= cut.1.max(2),
                "{count} pixels differ, by up to {max}, on {bg:?}"
            );
        }
    }

    fn svg(body: &str) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">{body}</svg>"#
        )
    }

    #[test]
    fn the_example_cover_renders_as_resvg_renders_it() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/example-site/content/projects/images/pipeline.svg"
        );
        let cover = std::fs::read_to_string(path).unwrap();
        // 1200×675 covering 1200×630: centred, half a pixel off the grid.
        let t = Transform::from_translate(0.0, -22.5);
        assert_same(&cover, (1200, 630), t, 3, (100, 8));
    }

    #[test]
    fn nested_translucent_groups_render_as_resvg_renders_them() {
        let body = r##"<rect width="200" height="100" fill="#e0a030"/>
            <g opacity="0.6" fill="#fff"><circle cx="60" cy="50" r="40"/>
            <g opacity="0.5"><rect x="50" y="20" width="90" height="50" fill="#0a3"/></g></g>"##;
        assert_same(&svg(body), (200, 100), Transform::identity(), 2, (0, 2));
    }

    #[test]
    fn a_transformed_translucent_group_renders_as_resvg_renders_it() {
        let body = r##"<g transform="translate(100 50) rotate(30) scale(1.1)" opacity="0.45">
            <rect x="-30" y="-15.3" width="60" height="30" fill="#f40"/>
            <path d="M-40 0 L0 -30 L40 0" stroke="#fff" stroke-width="3" fill="none"/></g>"##;
        let t = Transform::from_row(1.1, 0.0, 0.0, 1.1, -2.25, -0.6);
        assert_same(&svg(body), (220, 110), t, 1, (0, 2));
    }

    #[test]
    fn a_clipped_translucent_group_is_left_to_resvg() {
        let body = r##"<clipPath id="c"><circle cx="100" cy="50" r="35"/></clipPath>
            <g clip-path="url(#c)" opacity="0.5"><rect width="200" height="100" fill="#39f"/></g>"##;
        assert_same(&svg(body), (200, 100), Transform::identity(), 0, (0, 2));
    }

    #[test]
    fn a_translucent_group_partly_off_the_canvas_renders_as_resvg_renders_it() {
        let body = r##"<g opacity="0.3" fill="#fff"><circle cx="190" cy="-20" r="80"/>
            <circle cx="-10.5" cy="95" r="60"/></g>"##;
        assert_same(&svg(body), (200, 100), Transform::identity(), 1, (100, 24));
    }

    #[test]
    fn clips_masks_and_filters_inside_a_translucent_group_render_as_resvg_renders_them() {
        let body = r##"<defs><filter id="f"><feGaussianBlur stdDeviation="6"/></filter>
            <clipPath id="c"><circle cx="150" cy="50" r="30"/></clipPath>
            <mask id="m"><rect x="60" y="0" width="30" height="100" fill="#fff"/></mask></defs>
            <g opacity="0.7"><rect x="20" y="20" width="40" height="40" fill="#ff0" filter="url(#f)"/>
            <rect width="200" height="100" fill="#f0f" clip-path="url(#c)"/>
            <rect x="40" y="30" width="80" height="40" fill="#0ff" mask="url(#m)"/></g>"##;
        assert_same(&svg(body), (200, 100), Transform::identity(), 1, (0, 2));
    }

    #[test]
    fn straight_lines_with_no_area_are_drawn_as_resvg_draws_them() {
        // resvg::render_node draws nothing for a node whose box has no area.
        let line = r##"<line x1="10" y1="20" x2="190" y2="20" stroke="#fff" stroke-width="4"/>"##;
        for body in [
            line.to_string(),
            format!(r#"<g opacity="0.5"><rect width="50" height="50"/>{line}</g>"#),
            format!(r#"<g transform="translate(3 4)">{line}</g><g opacity="0.5">{line}</g>"#),
        ] {
            assert_same(&svg(&body), (200, 100), Transform::identity(), 0, (0, 2));
        }
    }

    #[test]
    fn source_over_scales_the_layer_and_keeps_what_shows_through() {
        let mut dst = [200, 100, 0, 255, 0, 0, 0, 0];
        source_over(&mut dst, &[255, 255, 255, 255, 128, 0, 0, 128], 0.4);
        assert_eq!(dst, [222, 162, 102, 255, 51, 0, 0, 51]);
    }

    #[test]
    fn source_over_is_within_a_rounding_of_exact_arithmetic() {
        // 86 pixels in a row: eight at a time, then the rest one at a time.
        let pixels: Vec<(u8, u8, u8)> = (0..=255u8)
            .step_by(3)
            .map(|a| (a, a / 2, 255 - a / 3))
            .collect();
        let src: Vec<u8> = pixels
            .iter()
            .flat_map(|&(sa, sc, _)| [sc, 0, sc, sa])
            .collect();
        for opacity in [0.1, 0.35, 0.5, 0.92, 1.0] {
            let mut dst: Vec<u8> = pixels
                .iter()
                .flat_map(|&(_, _, dc)| [dc, dc, 0, 255])
                .collect();
            source_over(&mut dst, &src, opacity);
            for (&(sa, sc, dc), got) in pixels.iter().zip(dst.chunks_exact(4)) {
                let keep = 1.0 - f32::from(sa) * opacity / 255.0;
                let over = |s: u8, d: u8| f32::from(s) * opacity + f32::from(d) * keep;
                let want = [over(sc, dc), over(0, dc), over(sc, 0), over(sa, 255)];
                for (got, want) in got.iter().zip(want) {
                    let off = (f32::from(*got) - want).abs();
                    assert!(off <= 0.6, "{got} vs {want} at {opacity}");
                }
            }
        }
    }
}
