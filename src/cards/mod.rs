//! Share cards: the 1200×630 picture a link preview shows for each page
//! (`og:image`), and the 1000×750 pictures of Upwork's portfolio items. A
//! raster cover is cropped to fit, an SVG cover rasterised, and a page without
//! one gets a drawn card ([`draw`]) in the theme's light colours and accent,
//! with the theme's or the site's fonts only ([`fonts`]). What is made is kept
//! in `<site>/.folio/cache/cards/` ([`cache`]), so a rebuild redraws only what
//! changed.

pub mod cache;
mod draw;
pub mod fonts;
mod layers;
mod palette;
mod photo;
mod picture;

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::content::model::{Image, Project, Site};
use crate::diagnostics::Diagnostic;
use crate::theme::Theme;

pub use fonts::Fonts;
pub use palette::Palette;

/// The size of a share image (Open Graph's recommended 1.91:1).
pub const SHARE: (u32, u32) = (1200, 630);

/// The list pages that get a drawn card titled with the theme's word for
/// them: (path, key in the theme's strings, the word when the theme has none).
pub const LIST_PAGES: [(&str, &str, &str); 3] = [
    ("projects/", "projects", "Projects"),
    ("skills/", "skills", "Skills"),
    ("resume/", "resume", "Résumé"),
];

/// Changes whenever the same inputs may make another picture.
const STAMP: &str = concat!("folio-cards 1; folio ", env!("CARGO_PKG_VERSION"));

/// The words of a drawn card; text no font covers is left out.
#[derive(Debug, Clone, Default, Hash)]
pub struct Text {
    /// Above the title, small: who (and what they do).
    pub kicker: Option<String>,
    pub title: Option<String>,
    /// Below the title, in the accent colour: the client, or the role.
    pub detail: Option<String>,
    /// At the bottom: the site's address.
    pub footer: Option<String>,
}

/// What a card shows.
#[derive(Debug, Clone, Hash)]
pub enum Picture {
    Drawn,
    /// A PNG, JPEG or WebP cover, cropped to fit.
    Raster(PathBuf),
    /// An SVG cover, rasterised.
    Svg(PathBuf),
}

impl Picture {
    /// The picture of a cover file.
    pub fn of_file(path: &Path) -> Picture {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        match crate::images::Kind::of_extension(ext) {
            Some(crate::images::Kind::Svg) => Picture::Svg(path.to_path_buf()),
            Some(
                crate::images::Kind::Png | crate::images::Kind::Jpeg | crate::images::Kind::WebP,
            ) => Picture::Raster(path.to_path_buf()),
            _ => Picture::Drawn,
        }
    }

    /// Whether the card is a JPEG (a photo cover), not a PNG.
    pub fn jpeg(&self) -> bool {
        let Picture::Raster(p) = self else {
            return false;
        };
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        crate::images::Kind::of_extension(ext) == Some(crate::images::Kind::Jpeg)
    }

    pub fn extension(&self) -> &'static str {
        if self.jpeg() { "jpg" } else { "png" }
    }
}

/// One card to make.
#[derive(Debug, Clone, Hash)]
pub struct Spec {
    pub picture: Picture,
    /// Drawn when there is no picture, or it cannot be read.
    pub text: Text,
    pub size: (u32, u32),
}

/// Makes the cards of one site: its fonts, colours and cache.
pub struct Maker {
    pub fonts: Fonts,
    pub palette: Palette,
    cache: cache::CardCache,
}

impl std::fmt::Debug for Maker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Maker").finish_non_exhaustive()
    }
}

impl Maker {
    /// The maker for `site` drawn in `theme`, with its cache in the site's
    /// `.folio/cache/cards/`; warnings for named fonts that are missing.
    pub fn for_site(site: &Site, theme: &Theme) -> (Maker, Vec<Diagnostic>) {
        let (fonts, warnings) = Fonts::load(&site.root, &site.config, theme);
        let maker = Maker {
            fonts,
            palette: Palette::of_theme(theme),
            cache: cache::CardCache::in_site(&site.root),
        };
        (maker, warnings)
    }

    /// A maker that keeps nothing on disk (tests, benches).
    pub fn uncached(fonts: Fonts, palette: Palette) -> Maker {
        Maker {
            fonts,
            palette,
            cache: cache::CardCache::none(),
        }
    }

    /// Identifies everything the card of `spec` is made from.
    fn key(&self, spec: &Spec) -> u64 {
        let mut h = DefaultHasher::new();
        (STAMP, spec, &self.palette, self.fonts.key()).hash(&mut h);
        if let Picture::Raster(p) | Picture::Svg(p) = &spec.picture
            && let Ok(m) = std::fs::metadata(p)
        {
            (m.len(), m.modified().ok()).hash(&mut h);
        }
        h.finish()
    }

    /// The name the card of `spec` is kept under in the cache.
    pub fn cache_name(&self, spec: &Spec) -> String {
        cache::file_name(self.key(spec), spec.picture.extension())
    }

    /// The card's bytes, from the cache or made (and kept) now. A cover that
    /// cannot be read gives the drawn card.
    pub fn bytes(&self, spec: &Spec) -> Vec<u8> {
        let key = self.key(spec);
        let ext = spec.picture.extension();
        if let Some(b) = self.cache.get(key, ext) {
            return b;
        }
        let bytes = self.make(spec);
        self.cache.put(key, ext, &bytes);
        bytes
    }

    /// Makes the card (no cache).
    pub fn make(&self, spec: &Spec) -> Vec<u8> {
        picture::make(self, spec)
    }
}

/// A card written to the output (made when written).
#[derive(Debug)]
pub struct CardFile {
    pub maker: Arc<Maker>,
    pub spec: Spec,
}

impl CardFile {
    pub fn bytes(&self) -> Vec<u8> {
        self.maker.bytes(&self.spec)
    }

    /// The name it is kept under in the site's card cache.
    pub fn cache_name(&self) -> String {
        self.maker.cache_name(&self.spec)
    }
}

/// After a full build of the site at `root`, removes the kept cards it did
/// not use (`used`: their [`CardFile::cache_name`]s); how many went.
pub fn prune_cache(root: &Path, used: &std::collections::HashSet<String>) -> usize {
    cache::CardCache::in_site(root).prune(used)
}

/// The site's images by URL (as a cover names them) → source file: the
/// content's images, and the files of `static/`.
pub fn covers(site: &Site) -> HashMap<String, PathBuf> {
    let mut map: HashMap<String, PathBuf> = site
        .assets
        .iter()
        .filter(|a| a.width.is_none() && !a.webp)
        .map(|a| {
            let url = format!("{}{}", site.base_path, crate::slug::encode_path(&a.dest));
            (url, a.src.clone())
        })
        .collect();
    let statics = site.root.join("static");
    for cover in site.projects.iter().filter_map(|p| p.cover.as_ref()) {
        let Some(rel) = cover.url.strip_prefix(&site.base_path) else {
            continue;
        };
        let rel = percent_encoding::percent_decode_str(rel).decode_utf8_lossy();
        let file = statics.join(&*rel);
        if !map.contains_key(&cover.url) && !rel.split('/').any(|s| s == "..") && file.is_file() {
            map.insert(cover.url.clone(), file);
        }
    }
    map
}

/// The source file of a cover (`None`: not one of the site's images).
pub fn cover_file<'a>(covers: &'a HashMap<String, PathBuf>, cover: &Image) -> Option<&'a Path> {
    covers.get(&cover.url).map(PathBuf::as_path)
}

/// What the card of `p` shows: its cover, or the drawn card.
pub fn picture_of(covers: &HashMap<String, PathBuf>, p: &Project) -> Picture {
    p.cover
        .as_ref()
        .and_then(|c| cover_file(covers, c))
        .map_or(Picture::Drawn, Picture::of_file)
}

/// The texts of the site's cards that no font covers, with the file each is
/// from; one warning naming them and the fix, or none.
pub fn missing_text_warning(fonts: &Fonts, texts: &[(String, String)]) -> Option<Diagnostic> {
    let missing: Vec<&(String, String)> = texts
        .iter()
        .filter(|(t, _)| !t.trim().is_empty() && !fonts.covers(t))
        .collect();
    let (first, file) = missing.first()?;
    let more = match missing.len() {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    Some(
        Diagnostic::warning(format!(
            "no card font has the characters of `{first}`{more}: its share card is drawn without that text"
        ))
        .in_file(file)
        .with_help(
            "put a font that has them in static/fonts/ (for Chinese, e.g. Noto Sans SC) and name it in folio.yaml: `card_fonts: [NotoSansSC-Regular.otf]`",
        ),
    )
}

/// The site's address as a card shows it (`meilin.github.io/portfolio`), if it has one.
pub fn site_address(site: &Site) -> Option<String> {
    let url = site.config.base_url.trim();
    let rest = url.split_once("://")?.1.trim_end_matches('/');
    (!rest.is_empty()).then(|| rest.to_string())
}

/// The text of a page's drawn card: who, and the page's title.
pub fn page_text(site: &Site, title: Option<&str>, detail: Option<&str>) -> Text {
    let p = &site.profile;
    let who = match p.title.trim() {
        "" => p.name.clone(),
        role => format!("{} · {role}", p.name),
    };
    Text {
        kicker: Some(who),
        title: title.map(str::to_string),
        detail: detail.map(str::to_string),
        footer: site_address(site),
    }
}

/// The text of a project's drawn card: who, its title and its client.
pub fn project_text(site: &Site, p: &Project) -> Text {
    page_text(site, Some(&p.title), p.client.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn maker() -> Maker {
        let dir = tempfile::tempdir().unwrap();
        let theme = crate::theme::open(dir.path(), "default").unwrap();
        let config: crate::config::Config = serde_yaml::from_str("title: T").unwrap();
        let (fonts, warnings) = Fonts::load(dir.path(), &config, &theme);
        assert!(warnings.is_empty());
        Maker::uncached(fonts, Palette::default())
    }

    fn text(title: &str) -> Text {
        Text {
            kicker: Some("Mei Lin · Technical Writer".into()),
            title: Some(title.into()),
            detail: Some("Quarry".into()),
            footer: Some("example.com".into()),
        }
    }

    #[test]
    fn a_drawn_card_is_a_png_of_the_size_asked() {
        let m = maker();
        for size in [SHARE, (1000, 750)] {
            let spec = Spec {
                picture: Picture::Drawn,
                text: text("Docs-as-code pipeline"),
                size,
            };
            let img = image::load_from_memory(&m.make(&spec)).unwrap();
            assert_eq!((img.width(), img.height()), size);
        }
    }

    #[test]
    fn text_no_font_covers_is_left_out_not_drawn_as_boxes() {
        let m = maker();
        assert!(m.fonts.covers("Ferris · café — naïve"));
        assert!(!m.fonts.covers("云栈开发者文档"));
        let svg = draw::svg(&m.fonts, &m.palette, &text("云栈开发者文档"), SHARE);
        assert!(!svg.contains("云栈"), "{svg}");
        assert!(svg.contains("Quarry"), "{svg}");
        let warning = missing_text_warning(
            &m.fonts,
            &[
                ("Docs".into(), "a.md".into()),
                ("云栈开发者文档".into(), "b.md".into()),
            ],
        )
        .unwrap();
        assert!(warning.message.contains("云栈开发者文档"), "{warning:?}");
    }

    #[test]
    fn long_titles_wrap_and_end_with_an_ellipsis() {
        let m = maker();
        let lines = draw::wrap(&m.fonts, &"word ".repeat(60), 76.0, 1032.0, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines[2].ends_with('…'));
        assert!(lines.iter().all(|l| m.fonts.width(l, 76.0, true) <= 1032.0));
    }

    #[test]
    fn text_in_an_svg_cover_is_drawn_in_the_card_fonts_whatever_family_it_names() {
        let m = maker();
        let dir = tempfile::tempdir().unwrap();
        for family in [
            "",
            r#" font-family="Some Font Nobody Has""#,
            r#" font-family="serif""#,
        ] {
            let cover = dir.path().join("cover.svg");
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><rect width="1200" height="630" fill="black"/><text x="50" y="400" font-size="300" fill="white"{family}>Hello</text></svg>"#
            );
            std::fs::write(&cover, svg).unwrap();
            let spec = Spec {
                picture: Picture::Svg(cover),
                text: Text::default(),
                size: SHARE,
            };
            let img = image::load_from_memory(&m.make(&spec)).unwrap().to_rgb8();
            let white = img
                .pixels()
                .filter(|p| p.0.iter().all(|&c| c > 200))
                .count();
            assert!(white > 10_000, "{family}: {white} white pixels");
        }
    }

    #[test]
    fn a_cover_that_cannot_be_read_gives_the_drawn_card() {
        let m = maker();
        let spec = Spec {
            picture: Picture::Svg("/nonexistent/cover.svg".into()),
            text: text("Pipeline"),
            size: SHARE,
        };
        let img = image::load_from_memory(&m.make(&spec)).unwrap();
        assert_eq!((img.width(), img.height()), SHARE);
    }
}
