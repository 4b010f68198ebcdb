//! The files of a page that its shortcodes name (`figure`, `gallery`,
//! `download`, …): found the way links are, published with the page, with
//! their size and, for images, their pixel size.

use super::*;
use crate::shortcodes::{FileInfo, PageFiles};

/// Extensions of the images `{{ gallery() }}` shows from a bundle.
const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "avif", "svg"];

/// One page's files, for its shortcodes. The assets and lookups it records
/// are merged into the page's own afterwards.
pub(super) struct BundleFiles<'a, FM> {
    loader: &'a Loader,
    entry: &'a Entry<FM>,
    targets: &'a Targets,
    assets: Vec<Asset>,
    lookups: Vec<Lookup>,
}

impl<'a, FM> BundleFiles<'a, FM> {
    pub(super) fn new(loader: &'a Loader, entry: &'a Entry<FM>, targets: &'a Targets) -> Self {
        BundleFiles {
            loader,
            entry,
            targets,
            assets: Vec::new(),
            lookups: Vec::new(),
        }
    }

    /// The files to publish and the links' lookups it recorded.
    pub(super) fn into_parts(self) -> (Vec<Asset>, Vec<Lookup>) {
        (self.assets, self.lookups)
    }

    /// The file on disk behind `name` once resolved (a bundle file, or a
    /// file of `static/` for `/x.pdf`).
    fn source_of(&self, name: &str, before: usize) -> Option<PathBuf> {
        if let Some(a) = self.assets.get(before) {
            return Some(a.src.clone());
        }
        let path = name.split(['#', '?']).next().unwrap_or(name);
        let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
        let site = path
            .strip_prefix(&self.loader.base_path)
            .or(path.strip_prefix('/'))?;
        let inner = normalize(site)?;
        Some(self.loader.root.join("static").join(inner)).filter(|p| p.is_file())
    }
}

impl<FM> PageFiles for BundleFiles<'_, FM> {
    fn context(&self) -> serde_json::Map<String, serde_json::Value> {
        let location = &self.entry.location;
        let page = serde_json::json!({
            "path": format!("/{}", location.path),
            "permalink": location.permalink,
            "slug": self.entry.slug,
            "lang": self.loader.lang,
        });
        let config = serde_json::json!({
            "base_url": self.loader.config.base_url.trim_end_matches('/'),
            "title": self.loader.config.title,
        });
        serde_json::Map::from_iter([("page".into(), page), ("config".into(), config)])
    }

    fn file(&mut self, name: &str, is_image: bool) -> crate::Result<FileInfo> {
        if markdown::is_external_or_fragment(name) && !name.starts_with("//") {
            return Ok(FileInfo {
                url: name.to_string(),
                ..FileInfo::default()
            });
        }
        let before = self.assets.len();
        let resolved = self.loader.resolve_link(
            self.entry,
            name,
            self.targets,
            &mut self.assets,
            &mut self.lookups,
        )?;
        let url = match resolved {
            Resolved::Keep => name.to_string(),
            Resolved::Url(u) => u,
        };
        let mut info = FileInfo {
            url,
            ..FileInfo::default()
        };
        if let Some(src) = self.source_of(name, before) {
            info.bytes = std::fs::metadata(&src).ok().map(|m| m.len());
            if is_image && let Ok((w, h)) = crate::images::dimensions(&src) {
                info.width = Some(w);
                info.height = Some(h);
            }
        }
        Ok(info)
    }

    fn images(&self) -> Vec<String> {
        let Some(dir) = &self.entry.bundle else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().to_str().map(String::from))
            .filter(|n| !is_ignored_name(Path::new(n)))
            .filter(|n| {
                n.rsplit_once('.').is_some_and(|(_, ext)| {
                    IMAGE_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
                })
            })
            .collect();
        names.sort();
        names
    }
}
