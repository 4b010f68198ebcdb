//! `folio profile --out`: a picture for each portfolio item as Upwork shows it,
//! 1000×750: its raster cover cropped to 4:3 around its centre (JPEG, or PNG for
//! a PNG), its SVG cover rasterised, or without one its drawn card (PNG),
//! ready to upload as it is.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::ImageFormat;

use super::ProfileExport;
use crate::cards::{Maker, Picture, Spec};
use crate::content::model::{Project, Site};
use crate::diagnostics::{Diagnostic, Error, Result};
use crate::images::raster::{self, Filter};
use crate::images::{crop_size, with_alpha};
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
    let maker = maker(site);
    let files = crate::cards::covers(site);
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
            let cover =
                made.entry(slug.clone())
                    .or_insert_with(|| match cover(site, p, &maker, &files) {
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

/// The cards of `site`, drawn in its theme (the default theme when its own
/// cannot be read: `profile` reports that nowhere else).
fn maker(site: &Site) -> Maker {
    let theme = crate::theme::open(&site.root, &site.config.theme)
        .or_else(|_| crate::theme::open(&site.root, "default"))
        .unwrap_or_default();
    Maker::for_site(site, &theme).0
}

/// The picture of `p` for Upwork: its raster cover, else its SVG cover
/// rasterised or its drawn card; a warning when a cover cannot be used.
fn cover(
    site: &Site,
    p: &Project,
    maker: &Maker,
    files: &HashMap<String, PathBuf>,
) -> std::result::Result<Option<Made>, Diagnostic> {
    let src = p
        .cover
        .as_ref()
        .and_then(|i| crate::cards::cover_file(files, i));
    let picture = src.map_or(Picture::Drawn, Picture::of_file);
    if let (Some(src), Picture::Raster(_) | Picture::Drawn) = (src, &picture) {
        return raster(p, src.to_path_buf());
    }
    let spec = Spec {
        picture,
        text: crate::cards::project_text(site, p),
        size: UPWORK_COVER,
    };
    Ok(Some(Made {
        bytes: maker.bytes(&spec),
        ext: "png",
        warning: None,
    }))
}

/// The raster cover `src` of `p`, cropped and resized for Upwork.
fn raster(p: &Project, src: PathBuf) -> std::result::Result<Option<Made>, Diagnostic> {
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
        return Err(warn(format!(
            "the cover `{name}` is not a JPEG, PNG or WebP image; Upwork takes JPEG or PNG: export it as a {}×{} PNG and upload that",
            UPWORK_COVER.0, UPWORK_COVER.1
        )));
    }
    let img = raster::read(&src)
        .map_err(|e| warn(format!("cannot read the cover `{name}`: {}", e.message())))?;
    let (w, h) = (img.width(), img.height());
    let png = format == Some(ImageFormat::Png);
    let alpha = png && img.color().has_alpha();
    let bytes = raster::fit(&img.into_rgba8(), UPWORK_COVER, Filter::Lanczos3)
        .ok_or_else(|| "an image of no pixels".to_string())
        .and_then(|fitted| encode(fitted, png, alpha))
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

/// PNG (for a PNG original: screenshots and text stay crisp; with its
/// transparency if it has one) or JPEG at quality 90.
fn encode(img: image::RgbaImage, png: bool, alpha: bool) -> std::result::Result<Vec<u8>, String> {
    if !png {
        return raster::jpeg(&img, 90, raster::Chroma::Full).map_err(|e| e.message().to_string());
    }
    let mut out = Cursor::new(Vec::new());
    let enc = image::codecs::png::PngEncoder::new(&mut out);
    with_alpha(img, alpha)
        .write_with_encoder(enc)
        .map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
