//! The fonts share cards are drawn with: the theme's (Latin) and the site's
//! (`static/fonts/`, named in `card_fonts`), never the system's, so every
//! machine draws the same card. Files are read, and the font database made,
//! only when a card is drawn or a character is looked up.

use std::borrow::Cow;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use resvg::usvg::fontdb::Database;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

use crate::config::Config;
use crate::diagnostics::Diagnostic;
use crate::theme::{Origin, Theme};

/// One font file.
struct FontFile {
    origin: Origin,
    data: OnceLock<Option<Cow<'static, [u8]>>>,
}

impl FontFile {
    fn bytes(&self) -> Option<&[u8]> {
        self.data
            .get_or_init(|| match &self.origin {
                Origin::Builtin(b) => Some(Cow::Borrowed(*b)),
                Origin::File(p) => std::fs::read(p).ok().map(Cow::Owned),
            })
            .as_deref()
    }

    fn font(&self) -> Option<FontRef<'_>> {
        FontRef::from_index(self.bytes()?, 0).ok()
    }
}

/// The fonts of one site's cards, site fonts after the theme's.
pub struct Fonts {
    files: Vec<FontFile>,
    /// Identifies every file (name, size, modification time).
    key: u64,
    db: OnceLock<Arc<Database>>,
}

impl Fonts {
    /// The theme's fonts and the site's `card_fonts`; a warning for each named
    /// font that is not in `static/fonts/`.
    pub fn load(root: &Path, config: &Config, theme: &Theme) -> (Fonts, Vec<Diagnostic>) {
        let mut h = DefaultHasher::new();
        let mut files = Vec::new();
        let mut warnings = Vec::new();
        for (name, f) in &theme.fonts {
            if !is_font(name) {
                continue;
            }
            name.hash(&mut h);
            files.push(f.origin.clone());
        }
        for name in &config.card_fonts {
            let path = root.join("static/fonts").join(name);
            match std::fs::metadata(&path) {
                Ok(m) if m.is_file() => {
                    (name, m.len(), m.modified().ok()).hash(&mut h);
                    files.push(Origin::File(path));
                }
                _ => warnings.push(
                    Diagnostic::warning(format!(
                        "the card font `{name}` is not in static/fonts/"
                    ))
                    .in_file(crate::config::CONFIG_FILE)
                    .with_help(
                        "put the font file (.ttf or .otf) in static/fonts/ and name it in `card_fonts` as it is named there",
                    ),
                ),
            }
        }
        let files = files
            .into_iter()
            .map(|origin| FontFile {
                origin,
                data: OnceLock::new(),
            })
            .collect();
        let fonts = Fonts {
            files,
            key: h.finish(),
            db: OnceLock::new(),
        };
        (fonts, warnings)
    }

    /// Identifies the fonts, for cache keys.
    pub fn key(&self) -> u64 {
        self.key
    }

    /// The font database of these fonts only (no system font is ever loaded).
    pub fn db(&self) -> Arc<Database> {
        self.db
            .get_or_init(|| {
                let mut db = Database::new();
                for f in &self.files {
                    if let Some(b) = f.bytes() {
                        db.load_font_data(b.to_vec());
                    }
                }
                // Every generic family is the first font, and so is a family
                // the fonts lack: usvg falls back to `serif` when none of an
                // SVG cover's families is found, and would else drop its text.
                let first = db.faces().next().and_then(|f| f.families.first().cloned());
                if let Some((family, _)) = first {
                    db.set_serif_family(family.clone());
                    db.set_sans_serif_family(family.clone());
                    db.set_monospace_family(family.clone());
                    db.set_cursive_family(family.clone());
                    db.set_fantasy_family(family);
                }
                Arc::new(db)
            })
            .clone()
    }

    /// The family names, first font first, for an SVG `font-family`.
    pub fn families(&self) -> String {
        let db = self.db();
        let mut names: Vec<String> = Vec::new();
        for face in db.faces() {
            if let Some((family, _)) = face.families.first()
                && !names.contains(family)
            {
                names.push(family.clone());
            }
        }
        names
            .iter()
            .map(|n| format!("'{}'", n.replace(['\'', '"', '<', '&'], "")))
            .chain(["sans-serif".to_string()])
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether some font has a glyph for every character of `text` that shows.
    pub fn covers(&self, text: &str) -> bool {
        text.chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .all(|c| self.files.iter().any(|f| has(f, c)))
    }

    /// The width of `text` at `px` pixels, in the first font that has each
    /// character (the bold one when `bold` and there is one).
    pub fn width(&self, text: &str, px: f32, bold: bool) -> f32 {
        let fonts: Vec<FontRef<'_>> = self.files.iter().filter_map(FontFile::font).collect();
        let mut order: Vec<&FontRef<'_>> = fonts.iter().collect();
        order.sort_by_key(|f| is_bold(f) != bold);
        text.chars()
            .map(|c| {
                order
                    .iter()
                    .find_map(|f| {
                        let gid = f.charmap().map(c)?;
                        f.glyph_metrics(Size::new(px), LocationRef::default())
                            .advance_width(gid)
                    })
                    .unwrap_or(px * 0.5)
            })
            .sum()
    }
}

fn has(f: &FontFile, c: char) -> bool {
    f.font().is_some_and(|font| font.charmap().map(c).is_some())
}

fn is_bold(f: &FontRef<'_>) -> bool {
    f.attributes().weight.value() >= 600.0
}

fn is_font(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".ttf", ".otf", ".ttc"].iter().any(|e| lower.ends_with(e))
}
