//! Where a project's cover comes from: `cover:` names a file beside the
//! write-up (or in its bundle), a file in `static/` (`/images/x.jpg`) or a URL
//! (used as is); without it, a bundle's `cover.*` or `featured.*` image is the
//! cover. The file must be the image its name says.

use super::*;
use crate::images::Kind;

/// Names of a bundle's image that make it the cover when `cover:` is not
/// written, preferred first (Hugo's `featured.*` convention, and `cover.*`).
const COVER_STEMS: [&str; 2] = ["cover", "featured"];

/// A cover as the front matter (or the bundle) gives it.
pub(super) struct Named {
    /// As written (`cover.png`, `/images/x.jpg`, `https://…`), or the name
    /// of the bundle's file.
    pub(super) value: String,
    /// The line of `cover:`; `None` for a file found by its name.
    pub(super) line: Option<usize>,
}

/// A cover, found.
pub(super) enum Found {
    /// A URL, used as is (not resized; the page then loads it from there).
    Url(String),
    /// A file, and the asset that publishes it; a file in `static/` is
    /// published with the other static files, so `publish` is false.
    File { asset: Asset, publish: bool },
}

/// Whether `cover:` is a URL rather than a file.
fn is_url(cover: &str) -> bool {
    cover.starts_with("https://") || cover.starts_with("http://") || cover.starts_with("//")
}

impl Loader {
    /// The cover named in the front matter, or the bundle's `cover.*` or
    /// `featured.*` image (the first in name order when there are several; a
    /// `cover.pdf` is a document, not the cover).
    pub(super) fn cover_named(&self, e: &Entry<ProjectFrontMatter>) -> Option<Named> {
        if let Some(value) = &e.fm.cover {
            let line = key_line(&e.file.text, "cover");
            return Some(Named {
                value: value.clone(),
                line: Some(line.unwrap_or(1)),
            });
        }
        let dir = e.bundle.as_ref()?;
        let mut found: Vec<(usize, String)> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(|entry| {
                let name = entry.ok()?.file_name().into_string().ok()?;
                let (stem, ext) = name.rsplit_once('.')?;
                let rank = COVER_STEMS
                    .iter()
                    .position(|s| s.eq_ignore_ascii_case(stem))?;
                let kind = Kind::of_extension(ext)?;
                let image = !matches!(kind, Kind::Html | Kind::Pdf);
                (image && dir.join(&name).is_file()).then_some((rank, name))
            })
            .collect();
        found.sort();
        let (_, value) = found.into_iter().next()?;
        Some(Named { value, line: None })
    }

    /// Where a cover is: a URL, a file in `static/` (a path from `/`), or a
    /// file beside the write-up.
    pub(super) fn find_cover(
        &self,
        e: &Entry<ProjectFrontMatter>,
        cover: &str,
    ) -> crate::Result<Found> {
        let cover = cover.trim();
        if cover.is_empty() {
            return Err(Error::single(
                Diagnostic::error("`cover:` is empty")
                    .with_help("name an image beside this file (`cover: cover.png`), in static/ (`cover: /images/cover.png`) or a URL; or remove `cover:`"),
            ));
        }
        if is_url(cover) {
            return Ok(Found::Url(cover.to_string()));
        }
        if let Some(site_path) = cover.strip_prefix('/') {
            return Ok(Found::File {
                asset: self.static_file(cover, site_path)?,
                publish: false,
            });
        }
        let asset = self.asset_for(e, cover).map_err(|err| {
            Error::single(Diagnostic::error(err.message()).with_help(
                "`cover:` is a path relative to this file (`cover: cover.png` beside index.md), a path in static/ (`cover: /images/cover.png`) or a URL",
            ))
        })?;
        Ok(Found::File {
            asset,
            publish: true,
        })
    }

    /// A file in `static/` named by its site path (`images/x.jpg`, or with
    /// the base path in front, `portfolio/images/x.jpg`), as an asset at the
    /// place static/ publishes it.
    fn static_file(&self, written: &str, site_path: &str) -> crate::Result<Asset> {
        let decoded = percent_encoding::percent_decode_str(site_path)
            .decode_utf8_lossy()
            .into_owned();
        let under_base = decoded
            .strip_prefix(self.base_path.trim_start_matches('/'))
            .filter(|_| self.base_path != "/");
        let static_dir = self.root.join("static");
        let candidates = [Some(decoded.as_str()), under_base];
        let found = candidates
            .into_iter()
            .flatten()
            .filter_map(normalize)
            .find(|rel| static_dir.join(rel).is_file());
        match found {
            Some(rel) => Ok(Asset {
                src: static_dir.join(&rel),
                dest: rel,
                width: None,
                webp: false,
            }),
            None => Err(Error::single(
                Diagnostic::error(format!(
                    "`{written}` does not exist (looked for {})",
                    source::display_path(&self.root, &static_dir.join(&decoded)).display()
                ))
                .with_help("a cover starting with `/` is a file in static/ (`/images/x.jpg` is static/images/x.jpg); without `/` it is beside this file"),
            )),
        }
    }

    /// Gives a cover's problem this entry's file and the line of `cover:` (a
    /// cover found by its name has none, and says so).
    pub(super) fn at_cover(
        &self,
        e: &Entry<ProjectFrontMatter>,
        named: &Named,
        mut d: Diagnostic,
    ) -> Diagnostic {
        d = d.in_file(&e.file.display);
        match named.line {
            Some(line) => d.at(line, None, Some(&e.file.text)),
            None => {
                d.message = format!(
                    "{} (the bundle's `{}` is its cover because of its name)",
                    d.message, named.value
                );
                d
            }
        }
    }

    /// Checks that a cover file is the image its name says, and one browsers show.
    pub(super) fn check_cover_file(
        &self,
        e: &Entry<ProjectFrontMatter>,
        named: &Named,
        asset: &Asset,
        out: &mut Out,
    ) -> Option<Kind> {
        match crate::images::identify(&asset.src, &named.value) {
            Ok(kind) => Some(kind),
            Err(err) => {
                for mut d in err.diagnostics {
                    d.message = format!("cover image: {}", d.message);
                    out.diags.push(self.at_cover(e, named, d));
                }
                None
            }
        }
    }
}
