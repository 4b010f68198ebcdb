//! A raster cover fitted to its card: read (a JPEG straight to RGBA), its
//! centre cropped to the card's proportions and resized with a Catmull-Rom
//! filter, and a photo encoded as JPEG, all with [`crate::images::raster`].
//! `image`'s own resize and JPEG encoder made a photo card take ~95 ms; see
//! benches/cards.rs.

use std::path::Path;

use image::RgbaImage;

use crate::images::raster::{self, Chroma, Filter};

/// JPEG quality of a photo card.
const QUALITY: u8 = 85;

/// The raster cover at `path` cropped around its centre to the proportions
/// of `size` and resized to it; `None` when it can't be read.
pub(super) fn fit(path: &Path, size: (u32, u32)) -> Option<RgbaImage> {
    let src = raster::read(path).ok()?.into_rgba8();
    // Cards are opaque: alpha is dropped as before, not weighted.
    raster::fit(&src, size, Filter::CatmullRom)
}

/// `img` as a JPEG at [`QUALITY`], 4:2:0 (full chroma costs ~7 ms of the
/// 15 ms budget); `None` for a size JPEG can't hold.
pub(super) fn jpeg(img: &RgbaImage) -> Option<Vec<u8>> {
    raster::jpeg(img, QUALITY, Chroma::Quarter).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 40×40: red top rows, blue bottom rows, green between (rows 10..30).
    fn bands(path: &Path) {
        image::RgbImage::from_fn(40, 40, |_, y| match y {
            0..10 => image::Rgb([255, 0, 0]),
            30.. => image::Rgb([0, 0, 255]),
            _ => image::Rgb([0, 255, 0]),
        })
        .save(path)
        .unwrap();
    }

    fn greenish(p: &image::Rgba<u8>) -> bool {
        p[1] > 200 && p[0] < 60 && p[2] < 60
    }

    #[test]
    fn a_cover_is_cropped_around_its_centre_to_the_card_proportions() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["c.jpg", "c.png"] {
            let path = dir.path().join(name);
            bands(&path);
            let card = fit(&path, (20, 10)).unwrap();
            assert_eq!(card.dimensions(), (20, 10), "{name}");
            // Only the green middle band is kept: no red above, no blue below.
            for (x, y) in [(0, 0), (19, 0), (10, 5), (0, 9), (19, 9)] {
                assert!(
                    greenish(card.get_pixel(x, y)),
                    "{name} ({x},{y}): {:?}",
                    card.get_pixel(x, y)
                );
            }
        }
    }

    #[test]
    fn a_cover_that_is_not_an_image_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jpg");
        std::fs::write(&path, [0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).unwrap();
        assert!(fit(&path, (20, 10)).is_none());
        assert!(fit(&dir.path().join("missing.jpg"), (20, 10)).is_none());
    }

    #[test]
    fn a_photo_card_is_a_jpeg_of_its_size() {
        let img = RgbaImage::from_pixel(30, 20, image::Rgba([10, 200, 30, 255]));
        let bytes = jpeg(&img).unwrap();
        let back = image::load_from_memory(&bytes).unwrap();
        assert_eq!(
            image::guess_format(&bytes).unwrap(),
            image::ImageFormat::Jpeg
        );
        assert_eq!((back.width(), back.height()), (30, 20));
        assert!(jpeg(&RgbaImage::new(70_000, 1)).is_none());
    }
}
