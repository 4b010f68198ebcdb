//! Themes: Tera templates and static assets. Built-in themes are embedded in the
//! binary from `themes/`; a site may ship its own in `themes/<name>/`, and its
//! `templates/` and `static/` override any file of the theme.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Error};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes");

/// Where a theme file comes from, for messages and for copying.
#[derive(Debug, Clone)]
pub enum Origin {
    /// Embedded in the binary: `builtin theme NAME`.
    Builtin(&'static [u8]),
    /// A file on disk.
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// What the user is told (`templates/base.html`, `themes/default/templates/base.html`).
    pub display: String,
    pub origin: Origin,
}

impl ThemeFile {
    pub fn bytes(&self) -> std::io::Result<Cow<'static, [u8]>> {
        match &self.origin {
            Origin::Builtin(b) => Ok(Cow::Borrowed(b)),
            Origin::File(p) => std::fs::read(p).map(Cow::Owned),
        }
    }
}

/// A theme with the site's overrides applied.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    pub name: String,
    /// Template name (`project.html`) → file. Site templates replace theme ones.
    pub templates: BTreeMap<String, ThemeFile>,
    /// The theme's own templates, also reachable as `theme/<name>` so a site
    /// template can extend the one it replaces.
    pub theme_templates: BTreeMap<String, ThemeFile>,
    /// Output-relative path → file. Site static files replace theme ones.
    pub static_files: BTreeMap<String, ThemeFile>,
    /// Theme strings: (language, file), the theme's first, then the site's `i18n/`.
    pub i18n: Vec<(String, ThemeFile)>,
    /// Font file name → file: the fonts share cards are drawn with (the theme's
    /// `fonts/`, else the default theme's).
    pub fonts: BTreeMap<String, ThemeFile>,
    /// Folders to watch for changes.
    pub watch: Vec<PathBuf>,
}

impl Theme {
    /// The theme's strings for `language` (`zh-CN` → `zh-CN`, then `zh`),
    /// on top of English, with the site's `i18n/` files over the theme's.
    pub fn strings(&self, language: &str) -> crate::Result<BTreeMap<String, String>> {
        let primary = language
            .split('-')
            .next()
            .unwrap_or(language)
            .to_ascii_lowercase();
        let mut order = vec!["en".to_string()];
        if primary != "en" {
            order.push(primary.clone());
        }
        if language.to_ascii_lowercase() != primary {
            order.push(language.to_ascii_lowercase());
        }
        let mut out = BTreeMap::new();
        for lang in order {
            for (l, file) in self
                .i18n
                .iter()
                .filter(|(l, _)| l.to_ascii_lowercase() == lang)
            {
                let _ = l;
                let display = Path::new(&file.display);
                let bytes = file
                    .bytes()
                    .map_err(|e| Error::io("cannot read", display, e))?;
                let text = crate::source::decode(&bytes)
                    .map_err(|e| crate::source::in_file(e, display))?;
                let source = crate::source::SourceFile {
                    display: PathBuf::from(&file.display),
                    path: PathBuf::from(&file.display),
                    text: text.clone(),
                };
                let map: BTreeMap<String, String> = crate::yaml::parse(&source, &text, 1)?;
                out.extend(map);
            }
        }
        Ok(out)
    }
}

/// Whether the built-in `theme` has strings for `language` (`ja-JP` → `ja`).
pub fn builtin_has_strings(theme: &str, language: &str) -> bool {
    let primary = language.split('-').next().unwrap_or(language);
    BUILTIN.get_dir(theme).is_some_and(|d| {
        [language, primary].iter().any(|l| {
            d.get_file(d.path().join(format!("i18n/{l}.yaml")))
                .is_some()
        })
    })
}

/// Names of the built-in themes.
pub fn builtin_names() -> Vec<&'static str> {
    BUILTIN
        .dirs()
        .filter_map(|d| d.path().file_name()?.to_str())
        .collect()
}

/// Loads theme `name` for the site in `root`, with the site's overrides.
pub fn open(root: &Path, name: &str) -> crate::Result<Theme> {
    let mut theme = Theme {
        name: name.to_string(),
        ..Theme::default()
    };
    let local = root.join("themes").join(name);
    let mut theme_i18n = BTreeMap::new();
    if local.is_dir() {
        collect_dir(
            &local.join("i18n"),
            &format!("themes/{name}/i18n"),
            &mut theme_i18n,
        )?;
        collect_dir(
            &local.join("templates"),
            &format!("themes/{name}/templates"),
            &mut theme.theme_templates,
        )?;
        collect_dir(
            &local.join("static"),
            &format!("themes/{name}/static"),
            &mut theme.static_files,
        )?;
        collect_dir(
            &local.join("fonts"),
            &format!("themes/{name}/fonts"),
            &mut theme.fonts,
        )?;
        theme.watch.push(local);
    } else if let Some(dir) = BUILTIN.get_dir(name) {
        collect_builtin(dir, "templates", name, &mut theme.theme_templates);
        collect_builtin(dir, "static", name, &mut theme.static_files);
        collect_builtin(dir, "i18n", name, &mut theme_i18n);
        collect_builtin(dir, "fonts", name, &mut theme.fonts);
    } else {
        return Err(Error::single(
            Diagnostic::error(format!("there is no theme `{name}`"))
                .in_file(crate::config::CONFIG_FILE)
                .with_help(format!(
                    "built-in themes: {}; a theme of your own goes in themes/{name}/ beside folio.yaml",
                    builtin_names().join(", ")
                )),
        ));
    }
    if theme.fonts.is_empty()
        && let Some(dir) = BUILTIN.get_dir("default")
    {
        collect_builtin(dir, "fonts", "default", &mut theme.fonts);
    }
    theme.templates = theme.theme_templates.clone();
    collect_dir(&root.join("templates"), "templates", &mut theme.templates)?;
    collect_dir(&root.join("static"), "static", &mut theme.static_files)?;
    let mut site_i18n = BTreeMap::new();
    collect_dir(&root.join("i18n"), "i18n", &mut site_i18n)?;
    // The default theme's words are the base every theme can rely on.
    let mut base_i18n = BTreeMap::new();
    if name != "default"
        && let Some(dir) = BUILTIN.get_dir("default")
    {
        collect_builtin(dir, "i18n", "default", &mut base_i18n);
    }
    for (file, f) in base_i18n.into_iter().chain(theme_i18n).chain(site_i18n) {
        if let Some(lang) = file
            .strip_suffix(".yaml")
            .or_else(|| file.strip_suffix(".yml"))
        {
            theme.i18n.push((lang.to_string(), f));
        }
    }
    theme.watch.push(root.join("i18n"));
    theme.watch.push(root.join("templates"));
    theme.watch.push(root.join("static"));
    Ok(theme)
}

fn collect_builtin(
    theme_dir: &'static Dir<'static>,
    sub: &str,
    name: &str,
    out: &mut BTreeMap<String, ThemeFile>,
) {
    let Some(dir) = theme_dir.get_dir(theme_dir.path().join(sub)) else {
        return;
    };
    let prefix = dir.path().to_path_buf();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for f in d.files() {
            let rel = f
                .path()
                .strip_prefix(&prefix)
                .unwrap_or(f.path())
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(
                rel.clone(),
                ThemeFile {
                    display: format!("built-in theme `{name}`: {sub}/{rel}"),
                    origin: Origin::Builtin(f.contents()),
                },
            );
        }
        stack.extend(d.dirs());
    }
}

fn collect_dir(
    dir: &Path,
    display_prefix: &str,
    out: &mut BTreeMap<String, ThemeFile>,
) -> crate::Result<()> {
    if !dir.is_dir() {
        return Ok(());
    }
    for entry in WalkDir::new(dir).follow_links(true).min_depth(1) {
        let entry = entry.map_err(|e| {
            Error::single(
                Diagnostic::error(format!("cannot read {display_prefix}: {e}"))
                    .in_file(display_prefix)
                    .with_help(
                        "check the folder's permissions and remove symbolic links that loop",
                    ),
            )
            .with_kind(crate::ErrorKind::Io)
        })?;
        if !entry.file_type().is_file() || crate::util::is_ignored_name(entry.path()) {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        out.insert(
            rel.clone(),
            ThemeFile {
                display: format!("{display_prefix}/{rel}"),
                origin: Origin::File(entry.path().to_path_buf()),
            },
        );
    }
    Ok(())
}
