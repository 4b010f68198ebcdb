//! Stage 4, assets and covers: the files published beside pages, and the
//! resized variants of cover images.

use super::covers::Found;
use super::*;
use crate::images::Kind;

/// Widths of the resized variants of cover images: cards at 1x and 2x, the
/// project page at 1x and 2x.
pub(super) const COVER_WIDTHS: [u32; 4] = [480, 960, 1200, 2400];

/// What [`Loader::cover_variants`] found.
#[derive(Default)]
pub(super) struct Variants {
    pub(super) width: Option<u32>,
    pub(super) height: Option<u32>,
    pub(super) srcset: Option<String>,
    pub(super) webp_srcset: Option<String>,
}

/// `projects/a/cover-480w.png` → `projects/a/cover-480w.webp`.
pub(super) fn webp_name(dest: &str) -> String {
    match dest.rsplit_once('.') {
        Some((stem, _)) => format!("{stem}.webp"),
        None => format!("{dest}.webp"),
    }
}

/// `projects/a/cover.png` → `projects/a/cover-480w.png`.
pub(super) fn variant_name(dest: &str, width: u32) -> String {
    match dest.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') => format!("{stem}-{width}w.{ext}"),
        _ => format!("{dest}-{width}w"),
    }
}

impl Loader {
    /// Every file to publish beside the pages (those the pages use, and
    /// every file in a bundle folder), sorted, each once; two files at the
    /// same place are reported.
    pub(super) fn publish_assets(
        &self,
        projects: &[Arc<Entry<ProjectFrontMatter>>],
        out: &mut Out,
    ) -> Vec<Asset> {
        self.collect_bundle_assets(projects, out);
        let mut assets = std::mem::take(&mut out.assets);
        assets.sort();
        assets.dedup();
        self.check_asset_collisions(&assets, out);
        assets
    }

    /// A project's cover: its file found once, checked, published with its
    /// resized variants; a URL as is. Problems go to `out`.
    pub(super) fn cover(&self, e: &Entry<ProjectFrontMatter>, out: &mut Out) -> Option<Image> {
        let named = self.cover_named(e)?;
        let found = match self.find_cover(e, &named.value) {
            Ok(found) => found,
            Err(err) => {
                for mut d in err.diagnostics {
                    d.message = format!("cover image: {}", d.message);
                    out.diags.push(self.at_cover(e, &named, d));
                }
                return None;
            }
        };
        let alt = e.fm.cover_alt.clone().unwrap_or_default();
        if alt.trim().is_empty() {
            out.diags.push(self.at_cover(e, &named,
                Diagnostic::warning("the cover image has no alt text")
                    .with_help("add `cover_alt:` describing the image, for visitors who cannot see it and for search engines"),
            ));
        }
        let (asset, publish) = match found {
            Found::Url(url) => {
                return Some(Image {
                    url,
                    alt,
                    width: None,
                    height: None,
                    srcset: None,
                    webp_srcset: None,
                });
            }
            Found::File { asset, publish } => (asset, publish),
        };
        let kind = self.check_cover_file(e, &named, &asset, out)?;
        let url = self.asset_url(&asset);
        if publish {
            out.assets.push(asset.clone());
        }
        let v = match self.cover_variants(&named.value, kind, &asset, &url, out) {
            Ok(v) => v,
            Err(err) => {
                for d in err.diagnostics {
                    out.diags.push(self.at_cover(e, &named, d));
                }
                Variants::default()
            }
        };
        Some(Image {
            url,
            alt,
            width: v.width,
            height: v.height,
            srcset: v.srcset,
            webp_srcset: v.webp_srcset,
        })
    }

    /// For a raster cover: its size, and (PNG and JPEG) resized variants,
    /// never upscaled, published beside it for `srcset`; for a PNG, the same
    /// sizes as lossless WebP too (smaller than PNG). Vector images need none.
    pub(super) fn cover_variants(
        &self,
        rel: &str,
        kind: Kind,
        asset: &Asset,
        url: &str,
        out: &mut Out,
    ) -> crate::Result<Variants> {
        if !matches!(kind, Kind::Png | Kind::Jpeg | Kind::WebP) {
            return Ok(Variants::default());
        }
        let (w, h) = crate::images::dimensions(&asset.src).map_err(|err| {
            Error::single(
                Diagnostic::error(format!(
                    "cover image: `{rel}` is {} that folio cannot read: {err}",
                    kind.described()
                ))
                .with_help("open it in an image editor and export it again"),
            )
        })?;
        if kind == Kind::WebP {
            return Ok(Variants {
                width: Some(w),
                height: Some(h),
                ..Variants::default()
            });
        }
        let png = kind == Kind::Png;
        let mut srcset = Vec::new();
        let mut webp = Vec::new();
        let widths: Vec<u32> = COVER_WIDTHS
            .iter()
            .copied()
            .filter(|&t| t < w)
            .chain([w])
            .collect();
        // Each copy: its URL in a srcset list, and the asset that writes it.
        let mut publish =
            |dest: String, width: Option<u32>, webp: bool, label: u32, list: &mut Vec<String>| {
                list.push(format!("{} {label}w", self.dest_url(&dest)));
                out.assets.push(Asset {
                    src: asset.src.clone(),
                    dest,
                    width,
                    webp,
                });
            };
        for target in widths {
            let original = target == w;
            let resized = (!original).then_some(target);
            if !original {
                publish(
                    variant_name(&asset.dest, target),
                    resized,
                    false,
                    target,
                    &mut srcset,
                );
            }
            if png {
                publish(
                    webp_name(&variant_name(&asset.dest, target)),
                    resized,
                    true,
                    target,
                    &mut webp,
                );
            }
        }
        srcset.push(format!("{url} {w}w"));
        Ok(Variants {
            width: Some(w),
            height: Some(h),
            srcset: Some(srcset.join(", ")),
            webp_srcset: png.then(|| webp.join(", ")),
        })
    }

    pub(super) fn asset_url(&self, asset: &Asset) -> String {
        self.dest_url(&asset.dest)
    }

    /// The URL of an output-relative path.
    pub(super) fn dest_url(&self, dest: &str) -> String {
        format!("{}{}", self.base_path, crate::slug::encode_path(dest))
    }

    pub(super) fn asset_for<FM>(&self, e: &Entry<FM>, rel: &str) -> crate::Result<Asset> {
        let rel = percent_encoding::percent_decode_str(rel)
            .decode_utf8_lossy()
            .into_owned();
        let Some(inner) = normalize(&rel) else {
            return Err(Error::msg(format!(
                "`{rel}` points outside this page's folder; put shared files in static/ and link them as /file"
            )));
        };
        let dir = e.file.path.parent().unwrap_or(&self.content);
        let src = dir.join(&inner);
        if !src.is_file() {
            return Err(Error::msg(format!(
                "`{rel}` does not exist (looked for {})",
                source::display_path(&self.root, &src).display()
            )));
        }
        Ok(Asset {
            src,
            dest: format!("{}{inner}", self.files_dir(&e.location)),
            width: None,
            webp: false,
        })
    }

    /// Every file in a project's bundle folder, published with its page.
    pub(super) fn collect_bundle_assets(
        &self,
        projects: &[Arc<Entry<ProjectFrontMatter>>],
        out: &mut Out,
    ) {
        let bundles = projects
            .iter()
            .filter_map(|e| Some((e.bundle.as_ref()?, self.files_dir(&e.location))));
        for (dir, page) in bundles {
            for entry in WalkDir::new(dir).follow_links(true).min_depth(1) {
                match entry {
                    Ok(entry) => {
                        let path = entry.path();
                        if !entry.file_type().is_file()
                            || path == dir.join("index.md")
                            || path == dir.join("index.markdown")
                            || self.is_translation(path) && list::has_ext(path, list::MARKDOWN)
                            || is_ignored_name(path)
                        {
                            continue;
                        }
                        let rel = path
                            .strip_prefix(dir)
                            .unwrap_or(path)
                            .to_string_lossy()
                            .replace('\\', "/");
                        out.assets.push(Asset {
                            src: path.to_path_buf(),
                            dest: format!("{page}{rel}"),
                            width: None,
                            webp: false,
                        });
                    }
                    Err(err) => {
                        let at = err
                            .path()
                            .map(|p| source::display_path(&self.root, p))
                            .unwrap_or_else(|| source::display_path(&self.root, dir));
                        let msg = if err.loop_ancestor().is_some() {
                            "a symbolic link here loops back to a folder that contains it; it is skipped".to_string()
                        } else {
                            format!("cannot read this file or folder: {err}")
                        };
                        out.diags.push(Diagnostic::warning(msg).in_file(at));
                    }
                }
            }
        }
    }

    pub(super) fn check_asset_collisions(&self, assets: &[Asset], out: &mut Out) {
        for pair in assets.windows(2) {
            if pair[0].dest == pair[1].dest && pair[0].src != pair[1].src {
                out.diags.push(
                    Diagnostic::error(format!(
                        "two files would be published at the same place, {}: {} and {}",
                        pair[1].dest,
                        source::display_path(&self.root, &pair[0].src).display(),
                        source::display_path(&self.root, &pair[1].src).display()
                    ))
                    .with_help("rename one of them"),
                );
            }
        }
    }
}
