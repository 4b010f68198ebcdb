//! Resized and converted copies of cover images, for `srcset` and `<picture>`:
//! never wider than the original; JPEG at quality 82, PNG, or lossless WebP.

use std::io::Cursor;
use std::path::Path;

use image::ImageFormat;
use image::imageops::FilterType;

use crate::diagnostics::Error;

/// An image that could not be decoded or encoded.
fn failed(e: image::ImageError) -> Error {
    Error::msg(e.to_string())
}

/// The bytes of `src`, resized to `width` when given, as lossless WebP when
/// `webp`, else in its own format (JPEG at quality 82, or PNG).
pub fn convert(src: &Path, width: Option<u32>, webp: bool) -> crate::Result<Vec<u8>> {
    let format = ImageFormat::from_path(src).map_err(failed)?;
    let img = image::open(src).map_err(|e| match e {
        image::ImageError::IoError(e) => Error::io("cannot read", src, e),
        e => Error::msg(format!("cannot read {}: {e}", src.display())),
    })?;
    let width = width.unwrap_or(img.width()).min(img.width()).max(1);
    let height = ((u64::from(img.height()) * u64::from(width)) / u64::from(img.width().max(1)))
        .max(1) as u32;
    let small = if width == img.width() {
        img
    } else {
        img.resize_exact(width, height, FilterType::CatmullRom)
    };
    let mut out = Cursor::new(Vec::new());
    if webp {
        let enc = image::codecs::webp::WebPEncoder::new_lossless(&mut out);
        small.to_rgba8().write_with_encoder(enc).map_err(failed)?;
        return Ok(out.into_inner());
    }
    match format {
        ImageFormat::Jpeg => {
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
            small.to_rgb8().write_with_encoder(enc).map_err(failed)?;
        }
        _ => {
            use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
            let enc =
                PngEncoder::new_with_quality(&mut out, CompressionType::Best, PngFilter::Adaptive);
            small.write_with_encoder(enc).map_err(failed)?;
        }
    }
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resizes_in_proportion_and_converts() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.png");
        image::RgbImage::from_fn(200, 100, |x, _| image::Rgb([x as u8, 0, 0]))
            .save(&p)
            .unwrap();
        let img = image::load_from_memory(&convert(&p, Some(50), false).unwrap()).unwrap();
        assert_eq!((img.width(), img.height()), (50, 25));
        let j = dir.path().join("c.jpg");
        image::RgbImage::from_fn(300, 200, |_, y| image::Rgb([0, y as u8, 0]))
            .save(&j)
            .unwrap();
        let img = image::load_from_memory(&convert(&j, Some(120), false).unwrap()).unwrap();
        assert_eq!((img.width(), img.height()), (120, 80));
        let webp = convert(&p, None, true).unwrap();
        assert_eq!((&webp[..4], &webp[8..12]), (&b"RIFF"[..], &b"WEBP"[..]));
        let img = image::load_from_memory(&webp).unwrap();
        assert_eq!((img.width(), img.height()), (200, 100));
    }
}
