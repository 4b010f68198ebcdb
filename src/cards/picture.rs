//! Making one card's picture: a raster cover cropped to fit, an SVG cover
//! rasterised, or the drawn card; encoded as PNG (JPEG for a photo cover,
//! see `photo`).

use std::io::Cursor;

use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::{DynamicImage, RgbImage};
use resvg::tiny_skia::Pixmap;
use resvg::usvg;

use super::{Maker, Picture, Spec, draw, photo};

/// The bytes of the card of `spec`; the drawn card when its cover can't be read.
pub(super) fn make(maker: &Maker, spec: &Spec) -> Vec<u8> {
    let from_cover = match &spec.picture {
        Picture::Drawn => None,
        Picture::Raster(p) => photo::fit(p, spec.size).and_then(|img| {
            if spec.picture.jpeg() {
                photo::jpeg(&img)
            } else {
                Some(png(&DynamicImage::ImageRgba8(img)))
            }
        }),
        Picture::Svg(p) => std::fs::read(p).ok().and_then(|svg| {
            let opts = options(maker, p.parent());
            draw::rasterise(&svg, &opts, spec.size, maker.palette.bg_rgb())
                .map(|p| png(&to_image(p)))
        }),
    };
    from_cover.unwrap_or_else(|| png(&drawn(maker, spec)))
}

/// The drawn card of `spec`.
fn drawn(maker: &Maker, spec: &Spec) -> DynamicImage {
    let svg = draw::svg(&maker.fonts, &maker.palette, &spec.text, spec.size);
    let opts = options(maker, None);
    let bg = maker.palette.bg_rgb();
    match draw::rasterise(svg.as_bytes(), &opts, spec.size, bg) {
        Some(p) => to_image(p),
        None => DynamicImage::ImageRgb8(RgbImage::from_pixel(
            spec.size.0.max(1),
            spec.size.1.max(1),
            image::Rgb(bg),
        )),
    }
}

/// SVG options with the card fonts only; relative images resolved in `dir`.
fn options<'a>(maker: &Maker, dir: Option<&std::path::Path>) -> usvg::Options<'a> {
    usvg::Options {
        resources_dir: dir.map(|d| d.to_path_buf()),
        fontdb: maker.fonts.db(),
        ..usvg::Options::default()
    }
}

/// An opaque pixmap as an RGB image (premultiplied alpha is 255 everywhere).
fn to_image(p: Pixmap) -> DynamicImage {
    let (w, h) = (p.width(), p.height());
    let mut rgb = vec![0; p.data().len() / 4 * 3];
    for (to, px) in rgb.chunks_exact_mut(3).zip(p.data().chunks_exact(4)) {
        to.copy_from_slice(&px[..3]);
    }
    RgbImage::from_raw(w, h, rgb)
        .map(DynamicImage::ImageRgb8)
        .unwrap_or_else(|| DynamicImage::new_rgb8(w, h))
}

/// An opaque card as PNG.
fn png(img: &DynamicImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    // Cards are RGB already: encode them without another copy.
    let rgb;
    let img: &RgbImage = match img {
        DynamicImage::ImageRgb8(i) => i,
        other => {
            rgb = other.to_rgb8();
            &rgb
        }
    };
    let enc = PngEncoder::new_with_quality(&mut out, CompressionType::Fast, PngFilter::Sub);
    // Encoding into memory fails only on an image of size 0, which is never made.
    img.write_with_encoder(enc)
        .map(|_| out.into_inner())
        .unwrap_or_default()
}
