//! Pixels read, resized and written as JPEG, for every image folio makes
//! (`srcset` variants, share cards, Upwork covers): a JPEG decoded straight
//! to RGBA with zune-jpeg (the decoder `image` uses), resized with
//! fast_image_resize and encoded with jpeg-encoder at full chroma. `image`'s
//! own resize (one copy per pixel type) and JPEG encoder were slower and,
//! with these crates linked for cards, cost their size twice in the binary.
//! A PNG is read with `png` as browsers read it (checksums not enforced);
//! WebP stays with `image`.

use std::path::Path;

use fast_image_resize as fr;
use image::{DynamicImage, GrayAlphaImage, GrayImage, RgbImage, RgbaImage};
use zune_core::bytestream::ZCursor;
use zune_core::colorspace::ColorSpace;
use zune_core::options::DecoderOptions;

use crate::diagnostics::Error;

/// How pixels are resampled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Sharp and quick: `srcset` variants and share cards.
    CatmullRom,
    /// Sharper, slower: covers uploaded elsewhere.
    Lanczos3,
}

/// The pixels of the PNG, JPEG or WebP file at `path` (a JPEG as RGBA).
pub fn read(path: &Path) -> crate::Result<DynamicImage> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("cannot read", path, e))?;
    decode(&bytes).map_err(|e| Error::msg(format!("cannot read {}: {e}", path.display())))
}

/// The pixels of a PNG, JPEG or WebP image (a JPEG as RGBA, without the
/// copy `image` makes); the decoder's complaint when they can't be read.
pub fn decode(bytes: &[u8]) -> Result<DynamicImage, String> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return decode_png(bytes);
    }
    if !bytes.starts_with(&[0xff, 0xd8]) {
        return image::load_from_memory(bytes).map_err(|e| e.to_string());
    }
    let opts = DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::RGBA);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), opts);
    let pixels = decoder.decode().map_err(|e| format!("{e:?}"))?;
    let (w, h) = decoder.dimensions().ok_or("a JPEG without a size")?;
    RgbaImage::from_raw(w as u32, h as u32, pixels)
        .map(DynamicImage::ImageRgba8)
        .ok_or_else(|| "a JPEG shorter than its size".to_string())
}

/// The largest PNG folio decodes, as `image` allows by default (512 MiB).
const PNG_MAX_BYTES: usize = 512 * 1024 * 1024;

/// The pixels of a PNG as 8-bit channels, read as browsers read it: a chunk
/// whose checksum does not match its bytes is used as it is (Chromium and
/// Firefox show such a file; hand-made placeholder PNGs often have one, and
/// `image` refuses them). Broken pixel data is still an error.
fn decode_png(bytes: &[u8]) -> Result<DynamicImage, String> {
    let limits = png::Limits {
        bytes: PNG_MAX_BYTES,
    };
    let mut decoder = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits);
    decoder.ignore_checksums(true);
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let size = reader
        .output_buffer_size()
        .ok_or("a PNG too large to read")?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(|e| e.to_string())?;
    buf.truncate(info.buffer_size());
    let (w, h) = (info.width, info.height);
    let img = match info.color_type {
        png::ColorType::Grayscale => GrayImage::from_raw(w, h, buf).map(DynamicImage::ImageLuma8),
        png::ColorType::GrayscaleAlpha => {
            GrayAlphaImage::from_raw(w, h, buf).map(DynamicImage::ImageLumaA8)
        }
        png::ColorType::Rgb => RgbImage::from_raw(w, h, buf).map(DynamicImage::ImageRgb8),
        png::ColorType::Rgba => RgbaImage::from_raw(w, h, buf).map(DynamicImage::ImageRgba8),
        // EXPAND turns palette images into RGB(A).
        png::ColorType::Indexed => None,
    };
    img.ok_or_else(|| "a PNG shorter than its size".to_string())
}

/// The width and height of the JPEG file at `path`, from its header (the
/// pixels are not decoded, nor the whole file read).
pub fn jpeg_dimensions(path: &Path) -> Result<(u32, u32), String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut decoder = zune_jpeg::JpegDecoder::new(std::io::BufReader::new(file));
    decoder.decode_headers().map_err(|e| format!("{e:?}"))?;
    let (w, h) = decoder.dimensions().ok_or("a JPEG without a size")?;
    Ok((w as u32, h as u32))
}

/// `img` resized to `size` (stretched: callers keep the proportions). With
/// `alpha`, colours are weighted by their opacity, so transparent pixels
/// leave no dark fringe; opaque images skip that work.
pub fn resize(img: &RgbaImage, size: (u32, u32), filter: Filter, alpha: bool) -> Option<RgbaImage> {
    resize_part(img, (0, 0, img.width(), img.height()), size, filter, alpha)
}

/// `img` cropped around its centre to the proportions of `size`, then
/// resized to it (opaque: any alpha is kept as it is, not weighted).
pub fn fit(img: &RgbaImage, size: (u32, u32), filter: Filter) -> Option<RgbaImage> {
    let size = (size.0.max(1), size.1.max(1));
    let (cw, ch) = super::crop_size(img.width(), img.height(), size);
    let (x, y) = ((img.width() - cw) / 2, (img.height() - ch) / 2);
    resize_part(img, (x, y, cw, ch), size, filter, false)
}

/// The part `(x, y, w, h)` of `img` resized to `size`; `None` for an empty
/// image or size.
fn resize_part(
    img: &RgbaImage,
    (x, y, w, h): (u32, u32, u32, u32),
    size: (u32, u32),
    filter: Filter,
    alpha: bool,
) -> Option<RgbaImage> {
    if size.0 == 0 || size.1 == 0 {
        return None;
    }
    let from =
        fr::images::ImageRef::new(img.width(), img.height(), img.as_raw(), fr::PixelType::U8x4)
            .ok()?;
    let mut to = fr::images::Image::new(size.0, size.1, fr::PixelType::U8x4);
    let filter = match filter {
        Filter::CatmullRom => fr::FilterType::CatmullRom,
        Filter::Lanczos3 => fr::FilterType::Lanczos3,
    };
    let opts = fr::ResizeOptions::new()
        .resize_alg(fr::ResizeAlg::Convolution(filter))
        .crop(f64::from(x), f64::from(y), f64::from(w), f64::from(h))
        .use_alpha(alpha);
    fr::Resizer::new().resize(&from, &mut to, &opts).ok()?;
    RgbaImage::from_raw(size.0, size.1, to.into_vec())
}

/// How much colour detail a JPEG keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chroma {
    /// Colour at every pixel, as `image` wrote it: thin coloured lines stay
    /// sharp. For images published as they are.
    Full,
    /// Colour at every other pixel each way (4:2:0, as cameras write): ~7 ms
    /// less for a share card's 1200×630, and smaller.
    Quarter,
}

/// `img` as a baseline JPEG at `quality` (1–100), no EXIF; alpha is dropped.
pub fn jpeg(img: &RgbaImage, quality: u8, chroma: Chroma) -> crate::Result<Vec<u8>> {
    let (w, h) = match (u16::try_from(img.width()), u16::try_from(img.height())) {
        (Ok(w), Ok(h)) => (w, h),
        _ => {
            return Err(Error::msg(format!(
                "a {}×{} image is too large for JPEG",
                img.width(),
                img.height()
            )));
        }
    };
    let mut out = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut out, quality);
    enc.set_sampling_factor(match chroma {
        Chroma::Full => jpeg_encoder::SamplingFactor::F_1_1,
        Chroma::Quarter => jpeg_encoder::SamplingFactor::F_2_2,
    });
    enc.encode(img.as_raw(), w, h, jpeg_encoder::ColorType::Rgba)
        .map_err(|e| Error::msg(format!("cannot encode a JPEG: {e}")))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG of `img` whose pixel chunk's CRC is wrong (its data is sound).
    fn png_with_bad_crc(img: &RgbImage) -> Vec<u8> {
        let mut bytes = Vec::new();
        img.write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
        let idat = bytes.windows(4).position(|w| w == b"IDAT").unwrap();
        let len = u32::from_be_bytes(bytes[idat - 4..idat].try_into().unwrap()) as usize;
        bytes[idat + 4 + len] ^= 0xff;
        bytes
    }

    #[test]
    fn a_png_with_a_wrong_checksum_is_read_as_browsers_show_it() {
        let img = RgbImage::from_pixel(3, 2, image::Rgb([200, 10, 10]));
        let bytes = png_with_bad_crc(&img);
        assert!(image::load_from_memory(&bytes).is_err(), "image refuses it");
        let back = decode(&bytes).unwrap().to_rgb8();
        assert_eq!(back, img);
        // Pixel data cut short is still an error.
        assert!(decode(&bytes[..bytes.len() - 20]).is_err());
    }

    #[test]
    fn a_png_is_read_in_its_own_channels() {
        let grey = GrayImage::from_pixel(2, 2, image::Luma([7]));
        let mut bytes = Vec::new();
        grey.write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
        assert_eq!(decode(&bytes).unwrap(), DynamicImage::ImageLuma8(grey));
    }

    /// 40×40: red top rows, blue bottom rows, green between (rows 10..30).
    fn bands() -> RgbaImage {
        RgbaImage::from_fn(40, 40, |_, y| match y {
            0..10 => image::Rgba([255, 0, 0, 255]),
            30.. => image::Rgba([0, 0, 255, 255]),
            _ => image::Rgba([0, 255, 0, 255]),
        })
    }

    fn greenish(p: &image::Rgba<u8>) -> bool {
        p[1] > 200 && p[0] < 60 && p[2] < 60
    }

    #[test]
    fn fit_keeps_the_centre_in_the_proportions_asked() {
        for filter in [Filter::CatmullRom, Filter::Lanczos3] {
            let out = fit(&bands(), (20, 10), filter).unwrap();
            assert_eq!(out.dimensions(), (20, 10));
            // Only the green middle band is kept: no red above, no blue below.
            for (x, y) in [(0, 0), (19, 0), (10, 5), (0, 9), (19, 9)] {
                assert!(greenish(out.get_pixel(x, y)), "{filter:?} ({x},{y})");
            }
        }
        // A wide image with a red band in the middle keeps the band.
        let wide = RgbaImage::from_fn(400, 100, |x, _| {
            image::Rgba(if (150..250).contains(&x) {
                [255, 0, 0, 255]
            } else {
                [0, 0, 255, 255]
            })
        });
        let out = fit(&wide, (40, 30), Filter::Lanczos3).unwrap();
        assert_eq!(out.get_pixel(20, 15).0, [255, 0, 0, 255]);
        assert_eq!(out.get_pixel(0, 15).0[2], 255, "the blue sides are cut");
    }

    #[test]
    fn resize_stretches_and_weights_colours_by_opacity() {
        let out = resize(&bands(), (10, 4), Filter::CatmullRom, false).unwrap();
        assert_eq!(out.dimensions(), (10, 4));
        assert!(greenish(out.get_pixel(5, 2)));
        assert!(resize(&bands(), (0, 4), Filter::CatmullRom, false).is_none());
        // Black but fully transparent beside opaque white: weighted by
        // opacity, the edge stays white instead of turning grey.
        let img = RgbaImage::from_fn(8, 1, |x, _| {
            image::Rgba(if x < 4 {
                [0, 0, 0, 0]
            } else {
                [255, 255, 255, 255]
            })
        });
        let out = resize(&img, (4, 1), Filter::CatmullRom, true).unwrap();
        let edge = out.get_pixel(2, 0);
        assert!(edge[0] > 240 && edge[3] > 0, "{edge:?}");
    }

    #[test]
    fn a_jpeg_round_trips_at_full_chroma_and_without_exif() {
        // Alternate red and blue columns: 4:2:0 would blur them to purple.
        let img = RgbaImage::from_fn(32, 16, |x, _| {
            image::Rgba(if x % 2 == 0 {
                [255, 0, 0, 255]
            } else {
                [0, 0, 255, 255]
            })
        });
        let bytes = jpeg(&img, 90, Chroma::Full).unwrap();
        assert!(!bytes.windows(4).any(|w| w == b"Exif"));
        let back = decode(&bytes).unwrap().into_rgba8();
        assert_eq!(back.dimensions(), (32, 16));
        let (red, blue) = (back.get_pixel(8, 8), back.get_pixel(9, 8));
        assert!(red[0] > 180 && red[2] < 90, "{red:?}");
        assert!(blue[2] > 180 && blue[0] < 90, "{blue:?}");
        assert!(jpeg(&RgbaImage::new(70_000, 1), 90, Chroma::Full).is_err());
    }

    #[test]
    fn what_is_not_an_image_is_an_error() {
        assert!(decode(&[0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]).is_err());
        assert!(decode(b"hello").is_err());
        assert!(read(Path::new("/nonexistent/x.jpg")).is_err());
    }
}
