//! The files a language other than the default has no translation of
//! (`folio check` lists them): its pages fall back to the default text.

use std::path::Path;

use crate::content::model::Site;

/// An entry without a translation in a site's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    /// The default language's file (`content/projects/gamma.md`).
    pub source: String,
    /// The translation to write (`content/projects/gamma.zh.md`).
    pub translation: String,
}

/// The profile, specialized profiles, projects and pages of `site` (loaded in
/// a language other than the default) without a translation, in that order.
/// Empty for the default language.
pub fn missing_translations(site: &Site) -> Vec<Missing> {
    if site.lang_prefix.is_empty() {
        return Vec::new();
    }
    let profiles = std::iter::once(&site.profile.source)
        .chain(site.profiles.iter().map(|p| &p.source))
        .map(|s| (s, site.root.join(translation_of(s, &site.lang)).is_file()));
    let projects = site.projects.iter().map(|p| (&p.source, p.translated));
    let pages = site.pages.iter().map(|p| (&p.source, p.translated));
    profiles
        .chain(projects)
        .chain(pages)
        .filter(|(_, translated)| !translated)
        .map(|(source, _)| Missing {
            source: source.replace('\\', "/"),
            translation: translation_of(source, &site.lang).replace('\\', "/"),
        })
        .collect()
}

/// The translation of `source` into `lang`: `dir/name.ext` → `dir/name.LANG.ext`.
pub fn translation_of(source: &str, lang: &str) -> String {
    let path = Path::new(source);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}.{lang}.{}", ext.to_string_lossy()),
        None => format!("{stem}.{lang}"),
    };
    path.with_file_name(name).to_string_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_names() {
        assert_eq!(
            translation_of("content/projects/b/index.md", "zh"),
            "content/projects/b/index.zh.md"
        );
        assert_eq!(
            translation_of("content/profile.yaml", "ja"),
            "content/profile.ja.yaml"
        );
    }
}
