//! Resized variants of cover images, for `srcset`: the same format as the
//! original (JPEG at quality 82, or PNG), never wider than it.

use std::io::Cursor;
use std::path::Path;

use image::ImageFormat;
use image::imageops::FilterType;

/// The bytes of `src` resized to `width` pixels wide (height in proportion).
pub fn resized(src: &Path, width: u32) -> Result<Vec<u8>, String> {
    let format = ImageFormat::from_path(src).map_err(|e| e.to_string())?;
    let img = image::open(src).map_err(|e| format!("cannot read {}: {e}", src.display()))?;
    let width = width.min(img.width()).max(1);
    let height = ((u64::from(img.height()) * u64::from(width)) / u64::from(img.width().max(1)))
        .max(1) as u32;
    let small = img.resize_exact(width, height, FilterType::CatmullRom);
    let mut out = Cursor::new(Vec::new());
    match format {
        ImageFormat::Jpeg => {
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 82);
            small
                .to_rgb8()
                .write_with_encoder(enc)
                .map_err(|e| e.to_string())?;
        }
        _ => small
            .write_to(&mut out, ImageFormat::Png)
            .map_err(|e| e.to_string())?,
    }
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resizes_in_proportion() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.png");
        image::RgbImage::from_fn(200, 100, |x, _| image::Rgb([x as u8, 0, 0]))
            .save(&p)
            .unwrap();
        let bytes = resized(&p, 50).unwrap();
        let img = image::load_from_memory(&bytes).unwrap();
        assert_eq!((img.width(), img.height()), (50, 25));
        let j = dir.path().join("c.jpg");
        image::RgbImage::from_fn(300, 200, |_, y| image::Rgb([0, y as u8, 0]))
            .save(&j)
            .unwrap();
        let img = image::load_from_memory(&resized(&j, 120).unwrap()).unwrap();
        assert_eq!((img.width(), img.height()), (120, 80));
    }
}
