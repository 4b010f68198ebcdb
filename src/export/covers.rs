//! `folio profile --out`: each portfolio item's cover as Upwork shows it,
//! cropped to 4:3 around its centre and resized to 1000×750 (JPEG, or PNG for
//! a PNG), ready to upload as it is.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat};

use super::ProfileExport;
use crate::content::model::{Project, Site};
use crate::diagnostics::{Diagnostic, Error, Result};
use crate::platform::{Platform, UPWORK_COVER, UPWORK_COVER_SOURCE};

/// Writes the covers of the Upwork exports' portfolio items beside their text
/// (`portfolio/01-SLUG-cover.jpg`). Returns the files written, and a warning
/// for each cover that could not be made (a vector image, an unreadable file)
/// or is too small to look sharp.
pub fn write_covers(
    site: &Site,
    exports: &[ProfileExport],
    dir: &Path,
) -> Result<(Vec<PathBuf>, Vec<Diagnostic>)> {
    let mut written = Vec::new();
    let mut warnings = Vec::new();
    let mut made: HashMap<String, Option<Made>> = HashMap::new();
    for e in exports.iter().filter(|e| e.platform == Platform::Upwork) {
        let base = if exports.len() > 1 {
            dir.join(&e.profile)
        } else {
            dir.to_path_buf()
        };
        for (i, slug) in e.portfolio.iter().enumerate() {
            let Some(p) = site.project(slug) else {
                continue;
            };
            let cover = made
                .entry(slug.clone())
                .or_insert_with(|| match cover(site, p) {
                    Ok(made) => {
                        warnings.extend(made.as_ref().and_then(|m| m.warning.clone()));
                        made
                    }
                    Err(d) => {
                        warnings.push(d);
                        None
                    }
                });
            let Some(Made { bytes, ext, .. }) = cover else {
                continue;
            };
            let path = base.join(format!("portfolio/{:02}-{slug}-cover.{ext}", i + 1));
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| Error::io("cannot create", parent, e))?;
            }
            std::fs::write(&path, &bytes).map_err(|e| Error::io("cannot write", &path, e))?;
            written.push(path);
        }
    }
    Ok((written, warnings))
}

/// A cover made for Upwork.
struct Made {
    bytes: Vec<u8>,
    ext: &'static str,
    /// Set when the original is too small to look sharp at Upwork's size.
    warning: Option<Diagnostic>,
}

/// The cover of `p` for Upwork; `None` without a cover; a warning when it
/// cannot be made.
fn cover(site: &Site, p: &Project) -> std::result::Result<Option<Made>, Diagnostic> {
    let Some(image) = &p.cover else {
        return Ok(None);
    };
    let Some(src) = site
        .assets
        .iter()
        .find(|a| {
            a.width.is_none()
                && !a.webp
                && format!("{}{}", site.base_path, crate::slug::encode_path(&a.dest)) == image.url
        })
        .map(|a| a.src.clone())
    else {
        return Ok(None);
    };
    let warn = |msg: String| {
        Diagnostic::warning(msg)
            .in_file(&p.source)
            .with_help(format!("source: {UPWORK_COVER_SOURCE}"))
    };
    let name = src
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let format = ImageFormat::from_path(&src).ok();
    if !matches!(
        format,
        Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP)
    ) {
        let kind = if name.to_lowercase().ends_with(".svg") {
            "a vector image (SVG)"
        } else {
            "not a JPEG, PNG or WebP image"
        };
        return Err(warn(format!(
            "the cover `{name}` is {kind}; Upwork takes JPEG or PNG: export it as a {}×{} PNG and upload that",
            UPWORK_COVER.0, UPWORK_COVER.1
        )));
    }
    let img =
        image::open(&src).map_err(|e| warn(format!("cannot read the cover `{name}`: {e}")))?;
    let (w, h) = (img.width(), img.height());
    let png = format == Some(ImageFormat::Png);
    let bytes = encode(&fit(&img, UPWORK_COVER), png)
        .map_err(|e| warn(format!("cannot write Upwork's copy of `{name}`: {e}")))?;
    let (cw, _) = crop_size(w, h, UPWORK_COVER);
    let warning = (cw < UPWORK_COVER.0).then(|| {
        warn(format!(
            "the cover `{name}` is {w}×{h}; cropped to 4:3 it is {cw} pixels wide, less than the {} Upwork shows, so it may look blurry there",
            UPWORK_COVER.0
        ))
    });
    Ok(Some(Made {
        bytes,
        ext: if png { "png" } else { "jpg" },
        warning,
    }))
}

/// The largest part of a `w`×`h` image in the ratio of `target`.
fn crop_size(w: u32, h: u32, target: (u32, u32)) -> (u32, u32) {
    let (tw, th) = (u64::from(target.0), u64::from(target.1));
    let (w64, h64) = (u64::from(w), u64::from(h));
    if w64 * th > h64 * tw {
        (((h64 * tw) / th).max(1) as u32, h)
    } else {
        (w, ((w64 * th) / tw).max(1) as u32)
    }
}

/// `img` cropped around its centre to the ratio of `size`, then resized to it.
fn fit(img: &DynamicImage, size: (u32, u32)) -> DynamicImage {
    let (cw, ch) = crop_size(img.width(), img.height(), size);
    let x = (img.width() - cw) / 2;
    let y = (img.height() - ch) / 2;
    img.crop_imm(x, y, cw, ch)
        .resize_exact(size.0, size.1, FilterType::Lanczos3)
}

/// PNG (for a PNG original: screenshots and text stay crisp) or JPEG at quality 90.
fn encode(img: &DynamicImage, png: bool) -> image::ImageResult<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    if png {
        img.write_to(&mut out, ImageFormat::Png)?;
    } else {
        let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90);
        img.to_rgb8().write_with_encoder(enc)?;
    }
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crops_to_4_3_around_the_centre() {
        assert_eq!(crop_size(2000, 1000, (1000, 750)), (1333, 1000));
        assert_eq!(crop_size(800, 1200, (1000, 750)), (800, 600));
        assert_eq!(crop_size(1600, 1200, (1000, 750)), (1600, 1200));
        // A wide image with a red band in the middle keeps the band.
        let img = DynamicImage::ImageRgb8(image::RgbImage::from_fn(400, 100, |x, _| {
            if (150..250).contains(&x) {
                image::Rgb([255, 0, 0])
            } else {
                image::Rgb([0, 0, 255])
            }
        }));
        let out = fit(&img, (40, 30));
        assert_eq!((out.width(), out.height()), (40, 30));
        assert_eq!(out.to_rgb8().get_pixel(20, 15).0, [255, 0, 0]);
    }
}
