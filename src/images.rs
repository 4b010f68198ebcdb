//! Resized and converted copies of cover images, for `srcset` and `<picture>`:
//! never wider than the original; JPEG at quality 82, PNG, or lossless WebP.
//! And what an image file really is, from its first bytes, whatever its name.

use std::io::{Cursor, Read};
use std::path::Path;

use image::{DynamicImage, ImageFormat};

use crate::diagnostics::{Diagnostic, Error};

pub mod raster;

use raster::Filter;

/// An image that could not be decoded or encoded.
fn failed(e: image::ImageError) -> Error {
    Error::msg(e.to_string())
}

/// Why a raster image folio decodes (PNG, JPEG, WebP: covers it resizes or
/// measures) cannot be read, when its bytes are damaged; `None` for a readable
/// one, and for any other file: a GIF or a vector image is copied as it is,
/// so folio never decodes it (and is built without a GIF decoder).
pub fn damaged(src: &Path) -> Option<String> {
    let kind = sniff(&head(src).ok()?)?;
    if !matches!(kind, Kind::Png | Kind::Jpeg | Kind::WebP) {
        return None;
    }
    let bytes = std::fs::read(src).ok()?;
    let e = raster::decode(&bytes).err()?;
    Some(format!("its bytes are damaged ({e})"))
}

/// The width and height of the image at `path`, from its header: a JPEG
/// (by its name, as `image` chooses a decoder) with zune-jpeg, the decoder
/// that reads its pixels; a PNG or WebP with `image`.
pub fn dimensions(path: &Path) -> Result<(u32, u32), String> {
    if ImageFormat::from_path(path).ok() == Some(ImageFormat::Jpeg) {
        return raster::jpeg_dimensions(path);
    }
    image::image_dimensions(path).map_err(|e| e.to_string())
}

/// The bytes of `src`, resized to `width` when given, as lossless WebP when
/// `webp`, else in its own format (JPEG at quality 82, or PNG).
pub fn convert(src: &Path, width: Option<u32>, webp: bool) -> crate::Result<Vec<u8>> {
    let format = ImageFormat::from_path(src).map_err(failed)?;
    let img = raster::read(src)?;
    let width = width.unwrap_or(img.width()).min(img.width()).max(1);
    let height = ((u64::from(img.height()) * u64::from(width)) / u64::from(img.width().max(1)))
        .max(1) as u32;
    let small = if width == img.width() {
        img
    } else {
        // A JPEG has no transparency to weigh colours by.
        let alpha = format != ImageFormat::Jpeg && img.color().has_alpha();
        let rgba = raster::resize(&img.to_rgba8(), (width, height), Filter::CatmullRom, alpha)
            .ok_or_else(|| Error::msg(format!("cannot resize {}", src.display())))?;
        with_alpha(rgba, alpha)
    };
    let mut out = Cursor::new(Vec::new());
    if webp {
        let enc = image::codecs::webp::WebPEncoder::new_lossless(&mut out);
        small.to_rgba8().write_with_encoder(enc).map_err(failed)?;
        return Ok(out.into_inner());
    }
    if format == ImageFormat::Jpeg {
        return raster::jpeg(&small.into_rgba8(), 82, raster::Chroma::Full);
    }
    use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
    let enc = PngEncoder::new_with_quality(&mut out, CompressionType::Best, PngFilter::Adaptive);
    small.write_with_encoder(enc).map_err(failed)?;
    Ok(out.into_inner())
}

/// Resized pixels as an image with an alpha channel only when `alpha`.
pub fn with_alpha(rgba: image::RgbaImage, alpha: bool) -> DynamicImage {
    let img = DynamicImage::ImageRgba8(rgba);
    if alpha {
        img
    } else {
        DynamicImage::ImageRgb8(img.to_rgb8())
    }
}

/// The largest part of a `w`×`h` image in the ratio of `target`.
pub fn crop_size(w: u32, h: u32, target: (u32, u32)) -> (u32, u32) {
    let (tw, th) = (u64::from(target.0), u64::from(target.1));
    let (w64, h64) = (u64::from(w), u64::from(h));
    if w64 * th > h64 * tw {
        (((h64 * tw) / th).max(1) as u32, h)
    } else {
        (w, ((w64 * th) / tw).max(1) as u32)
    }
}

/// What a file is, as told by its first bytes (or, from [`Kind::of_extension`], its name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Png,
    Jpeg,
    Gif,
    WebP,
    Avif,
    Svg,
    Bmp,
    Ico,
    Tiff,
    /// HEIC/HEIF, the format of iPhone photos (browsers other than Safari cannot show it).
    Heic,
    Pdf,
    /// A web page, often saved by mistake instead of the image it showed.
    Html,
}

impl Kind {
    /// The name used in messages: "a PNG image", "an SVG image".
    pub fn described(self) -> &'static str {
        match self {
            Kind::Png => "a PNG image",
            Kind::Jpeg => "a JPEG image",
            Kind::Gif => "a GIF image",
            Kind::WebP => "a WebP image",
            Kind::Avif => "an AVIF image",
            Kind::Svg => "an SVG image",
            Kind::Bmp => "a BMP image",
            Kind::Ico => "an icon (ICO)",
            Kind::Tiff => "a TIFF image",
            Kind::Heic => "a HEIC photo",
            Kind::Pdf => "a PDF document",
            Kind::Html => "an HTML page",
        }
    }

    /// The short name: "PNG", "JPEG".
    pub fn name(self) -> &'static str {
        match self {
            Kind::Png => "PNG",
            Kind::Jpeg => "JPEG",
            Kind::Gif => "GIF",
            Kind::WebP => "WebP",
            Kind::Avif => "AVIF",
            Kind::Svg => "SVG",
            Kind::Bmp => "BMP",
            Kind::Ico => "ICO",
            Kind::Tiff => "TIFF",
            Kind::Heic => "HEIC",
            Kind::Pdf => "PDF",
            Kind::Html => "HTML",
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Png => "png",
            Kind::Jpeg => "jpg",
            Kind::Gif => "gif",
            Kind::WebP => "webp",
            Kind::Avif => "avif",
            Kind::Svg => "svg",
            Kind::Bmp => "bmp",
            Kind::Ico => "ico",
            Kind::Tiff => "tif",
            Kind::Heic => "heic",
            Kind::Pdf => "pdf",
            Kind::Html => "html",
        }
    }

    /// What a file extension (any case) promises, if it is one of these.
    pub fn of_extension(ext: &str) -> Option<Kind> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "png" => Kind::Png,
            "jpg" | "jpeg" | "jpe" | "jfif" => Kind::Jpeg,
            "gif" => Kind::Gif,
            "webp" => Kind::WebP,
            "avif" => Kind::Avif,
            "svg" => Kind::Svg,
            "bmp" => Kind::Bmp,
            "ico" => Kind::Ico,
            "tif" | "tiff" => Kind::Tiff,
            "heic" | "heif" => Kind::Heic,
            "pdf" => Kind::Pdf,
            "html" | "htm" => Kind::Html,
            _ => return None,
        })
    }

    /// Whether every common browser shows it in `<img>`.
    pub fn shows_in_browsers(self) -> bool {
        matches!(
            self,
            Kind::Png
                | Kind::Jpeg
                | Kind::Gif
                | Kind::WebP
                | Kind::Avif
                | Kind::Svg
                | Kind::Bmp
                | Kind::Ico
        )
    }
}

/// What `head` (the first bytes of a file, see [`head`]) is, if it is an
/// image, a PDF or a web page folio can tell.
pub fn sniff(head: &[u8]) -> Option<Kind> {
    // ISO base media files (AVIF, HEIC): a box size, then `ftyp` and the brand.
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return match &head[8..12] {
            b"avif" | b"avis" => Some(Kind::Avif),
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1" => {
                Some(Kind::Heic)
            }
            _ => None,
        };
    }
    if head.starts_with(b"%PDF-") {
        return Some(Kind::Pdf);
    }
    if let Ok(format) = image::guess_format(head) {
        return match format {
            ImageFormat::Png => Some(Kind::Png),
            ImageFormat::Jpeg => Some(Kind::Jpeg),
            ImageFormat::Gif => Some(Kind::Gif),
            ImageFormat::WebP => Some(Kind::WebP),
            ImageFormat::Avif => Some(Kind::Avif),
            ImageFormat::Bmp => Some(Kind::Bmp),
            ImageFormat::Ico => Some(Kind::Ico),
            ImageFormat::Tiff => Some(Kind::Tiff),
            _ => None,
        };
    }
    sniff_markup(head)
}

/// SVG or HTML, from the start of a text file (after a BOM, spaces, an XML
/// declaration, comments or a doctype).
fn sniff_markup(head: &[u8]) -> Option<Kind> {
    let text = String::from_utf8_lossy(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head));
    let text = text.trim_start().to_ascii_lowercase();
    if !text.starts_with('<') {
        return None;
    }
    let svg = text.find("<svg");
    let html = text.find("<html").or_else(|| text.find("<!doctype html"));
    match (svg, html) {
        (Some(s), Some(h)) if h < s => Some(Kind::Html),
        (Some(_), _) => Some(Kind::Svg),
        (None, Some(_)) => Some(Kind::Html),
        (None, None) => None,
    }
}

/// The first bytes of the file at `path` (up to 4 KiB: an SVG may start with
/// a long comment), for [`sniff`].
pub fn head(path: &Path) -> crate::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(4096);
    std::fs::File::open(path)
        .and_then(|f| f.take(4096).read_to_end(&mut buf))
        .map_err(|e| Error::io("cannot read", path, e))?;
    Ok(buf)
}

/// Checks that the file at `path` is the image its name says, of a kind
/// browsers show; `shown` names it in messages (as the user wrote it).
pub fn identify(path: &Path, shown: &str) -> crate::Result<Kind> {
    let head = head(path)?;
    let named = path
        .extension()
        .and_then(|x| x.to_str())
        .and_then(Kind::of_extension);
    let actual = sniff(&head);
    let problem = |message: String, help: &str| {
        Err(Error::single(Diagnostic::error(message).with_help(help)))
    };
    match (named, actual) {
        _ if head.is_empty() => problem(
            format!("`{shown}` is an empty file"),
            "copy or export the image again",
        ),
        (Some(n), Some(a)) if n == a && a.shows_in_browsers() => Ok(a),
        (Some(n), Some(a)) if n == a => problem(
            format!("`{shown}` is {}, which browsers do not show", a.described()),
            convert_help(a),
        ),
        (_, Some(a)) if a.shows_in_browsers() => problem(
            format!(
                "`{shown}` is {}, {}: rename it to `{}`",
                a.described(),
                match named {
                    Some(n) => format!("not a {}", n.name()),
                    None => "but its name does not say so".to_string(),
                },
                renamed(shown, a.extension())
            ),
            "browsers and web servers go by the extension: under the wrong one the image does not show; rename the file and every place that names it",
        ),
        (_, Some(a)) => problem(
            format!("`{shown}` is {}, not an image browsers show", a.described()),
            convert_help(a),
        ),
        (named, None) => problem(
            format!(
                "`{shown}` is {}, not {}",
                if std::str::from_utf8(&head).is_ok() {
                    "a text file"
                } else {
                    "a file folio does not know"
                },
                named.map_or("an image".to_string(), |n| n.described().to_string())
            ),
            "check that this is the file you meant, or export the image again as PNG, JPEG, WebP, AVIF, GIF or SVG",
        ),
    }
}

/// How to turn a file of this kind into one browsers show.
fn convert_help(kind: Kind) -> &'static str {
    match kind {
        Kind::Heic => {
            "export it as JPEG: on a Mac, open it in Preview and choose File › Export › JPEG; on an iPhone, Settings › Camera › Formats › Most Compatible takes JPEG photos"
        }
        Kind::Html => {
            "this is the web page the image was on, saved instead of the image: open the image on its own and save that"
        }
        Kind::Pdf => "export the page you want as PNG or JPEG",
        _ => "export it as PNG, JPEG or WebP",
    }
}

/// `images/x.jpg` with extension `svg` → `images/x.svg`.
fn renamed(shown: &str, ext: &str) -> String {
    let name_at = shown.rfind('/').map_or(0, |i| i + 1);
    let stem = match shown[name_at..].rfind('.') {
        Some(i) if i > 0 => &shown[..name_at + i],
        _ => shown,
    };
    format!("{stem}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_to_4_3_around_the_centre() {
        assert_eq!(crop_size(2000, 1000, (1000, 750)), (1333, 1000));
        assert_eq!(crop_size(800, 1200, (1000, 750)), (800, 600));
        assert_eq!(crop_size(1600, 1200, (1000, 750)), (1600, 1200));
    }

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

    /// A JPEG written by folio itself: `image` is built without a JPEG codec
    /// in the binary, so these must not go through it.
    fn jpeg_file(dir: &Path, name: &str, size: (u32, u32)) -> std::path::PathBuf {
        let img = image::RgbaImage::from_pixel(size.0, size.1, image::Rgba([9, 99, 199, 255]));
        let p = dir.join(name);
        std::fs::write(&p, raster::jpeg(&img, 82, raster::Chroma::Full).unwrap()).unwrap();
        p
    }

    #[test]
    fn a_jpeg_is_measured_from_its_header() {
        let dir = tempfile::tempdir().unwrap();
        let p = jpeg_file(dir.path(), "a.jpg", (37, 21));
        assert_eq!(dimensions(&p), Ok((37, 21)));
        std::fs::write(&p, &std::fs::read(&p).unwrap()[..6]).unwrap();
        assert!(dimensions(&p).is_err());
        assert!(dimensions(&dir.path().join("missing.jpeg")).is_err());
    }

    #[test]
    fn a_truncated_jpeg_is_damaged_and_a_whole_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let p = jpeg_file(dir.path(), "b.jpg", (64, 48));
        assert_eq!(damaged(&p), None);
        let bytes = std::fs::read(&p).unwrap();
        std::fs::write(&p, &bytes[..bytes.len() / 3]).unwrap();
        let why = damaged(&p).unwrap();
        assert!(why.starts_with("its bytes are damaged ("), "{why}");
    }

    #[test]
    fn a_damaged_png_is_named_and_a_sound_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("good.png");
        image::RgbImage::from_pixel(4, 4, image::Rgb([200, 10, 10]))
            .save(&good)
            .unwrap();
        assert_eq!(damaged(&good), None);
        // One byte of the pixel data changed: its checksum no longer matches.
        let mut bytes = std::fs::read(&good).unwrap();
        let idat = bytes.windows(4).position(|w| w == b"IDAT").unwrap();
        bytes[idat + 6] ^= 0x55;
        let bad = dir.path().join("bad.png");
        std::fs::write(&bad, &bytes).unwrap();
        let why = damaged(&bad).expect("a damaged PNG is named");
        assert!(why.contains("damaged"), "{why}");
        let svg = dir.path().join("a.svg");
        std::fs::write(&svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
        assert_eq!(damaged(&svg), None);
        // A sound GIF: copied as it is, never decoded, so never "damaged".
        let gif = dir.path().join("a.gif");
        std::fs::write(
            &gif,
            b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
        )
        .unwrap();
        assert_eq!(damaged(&gif), None);
    }

    #[test]
    fn sniffs_what_a_file_really_is() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(sniff(png), Some(Kind::Png));
        assert_eq!(sniff(&[0xff, 0xd8, 0xff, 0xe0]), Some(Kind::Jpeg));
        assert_eq!(sniff(b"GIF89a.."), Some(Kind::Gif));
        assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8L"), Some(Kind::WebP));
        assert_eq!(sniff(b"\0\0\0\x1cftypavif\0\0\0\0"), Some(Kind::Avif));
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0"), Some(Kind::Heic));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(Kind::Pdf));
        let svg = "\u{FEFF}<?xml version=\"1.0\"?>\n<!-- Generator: x -->\n<svg xmlns=\"http://www.w3.org/2000/svg\">";
        assert_eq!(sniff(svg.as_bytes()), Some(Kind::Svg));
        assert_eq!(sniff(b"  <svg viewBox=\"0 0 1 1\"/>"), Some(Kind::Svg));
        let page = b"<!DOCTYPE html><html><body><svg></svg>";
        assert_eq!(sniff(page), Some(Kind::Html));
        assert_eq!(sniff(b"just some text"), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn a_file_must_be_what_its_name_says() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        };
        let message = |p: &Path, shown: &str| {
            let e = identify(p, shown).unwrap_err();
            let d = &e.diagnostics[0];
            format!("{} | {}", d.message, d.help.clone().unwrap_or_default())
        };
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        assert_eq!(
            identify(&write("ok.svg", svg), "ok.svg").unwrap(),
            Kind::Svg
        );
        let m = message(&write("cover.jpg", svg), "images/cover.jpg");
        assert!(
            m.starts_with(
                "`images/cover.jpg` is an SVG image, not a JPEG: rename it to `images/cover.svg`"
            ),
            "{m}"
        );
        let m = message(&write("cover", svg), "cover");
        assert!(
            m.starts_with(
                "`cover` is an SVG image, but its name does not say so: rename it to `cover.svg`"
            ),
            "{m}"
        );
        let m = message(
            &write("photo.jpg", b"\0\0\0\x18ftypheic\0\0\0\0"),
            "photo.jpg",
        );
        assert!(
            m.starts_with(
                "`photo.jpg` is a HEIC photo, not an image browsers show | export it as JPEG"
            ),
            "{m}"
        );
        let m = message(&write("x.png", b"<!doctype html><html>"), "x.png");
        assert!(
            m.starts_with("`x.png` is an HTML page, not an image"),
            "{m}"
        );
        let m = message(&write("x.heic", b"\0\0\0\x18ftypheic\0\0\0\0"), "x.heic");
        assert!(
            m.starts_with("`x.heic` is a HEIC photo, which browsers do not show"),
            "{m}"
        );
        let m = message(&write("notes.jpg", b"hello"), "notes.jpg");
        assert!(
            m.starts_with("`notes.jpg` is a text file, not a JPEG image"),
            "{m}"
        );
        let m = message(&write("empty.png", b""), "empty.png");
        assert!(m.starts_with("`empty.png` is an empty file"), "{m}");
    }
}
