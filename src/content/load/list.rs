//! Stage 1, listing: the Markdown files of a section and the YAML files of a folder.

use super::*;

/// The Markdown files of a section, and the warnings found listing them.
pub(in crate::content) struct Listing {
    /// Each file, with its bundle folder for an `index.md`.
    pub(in crate::content) files: Vec<(PathBuf, Option<PathBuf>)>,
    pub(super) warnings: Vec<Diagnostic>,
}

/// The extensions of Markdown files folio reads.
pub(super) const MARKDOWN: &[&str] = &["md", "markdown"];

/// Whether `path` ends in one of `exts` (any case).
pub(super) fn has_ext(path: &Path, exts: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.contains(&e.to_ascii_lowercase().as_str()))
}

/// Whether a folder directly holds Markdown files (a bundle missing its index.md).
pub(super) fn has_markdown(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|rd| {
        rd.filter_map(|e| e.ok())
            .any(|e| has_ext(&e.path(), MARKDOWN))
    })
}

/// `.mdx` files are not read: MDX is JSX, not Markdown. Said, not skipped silently.
fn mdx_warning(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::warning("this .mdx file is not read: folio reads Markdown (.md, .markdown), not MDX")
        .in_file(source::display_path(root, path))
        .with_help("rename it to .md and replace its components and import lines (`folio import site` does this for an Astro site)")
}

impl Loader {
    /// Files with one of `exts` directly in `dir`, sorted; ignores hidden and editor files.
    pub(super) fn list_files(&self, dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
        let Ok(read) = std::fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut files: Vec<PathBuf> = read
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| !is_ignored_name(p))
            .filter(|p| {
                p.is_file()
                    && p.extension()
                        .and_then(|e| e.to_str())
                        .is_some_and(|e| exts.contains(&e.to_ascii_lowercase().as_str()))
            })
            .collect();
        files.sort();
        files
    }

    /// The Markdown files of `content/<section>/`: `*.md` and `<name>/index.md`.
    pub(super) fn list_entries(&self, section: &str) -> Listing {
        let dir = self.content.join(section);
        let mut found: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
        let mut warnings = Vec::new();
        if let Ok(read) = std::fs::read_dir(&dir) {
            let mut paths: Vec<PathBuf> = read.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                if is_ignored_name(&path) {
                    continue;
                }
                if path.is_dir() {
                    let index = ["index.md", "index.markdown"]
                        .map(|n| path.join(n))
                        .into_iter()
                        .find(|i| i.is_file());
                    if let Some(index) = index {
                        found.push((index, Some(path)));
                    } else if path.join("index.mdx").is_file() {
                        warnings.push(mdx_warning(&self.root, &path.join("index.mdx")));
                    } else if section == "projects" && has_markdown(&path) {
                        warnings.push(
                            Diagnostic::warning(
                                "this folder holds Markdown files but no index.md, so it is not a project",
                            )
                            .in_file(source::display_path(&self.root, &path))
                            .with_help("a project bundle is a folder with index.md and its images beside it"),
                        );
                    }
                } else if has_ext(&path, MARKDOWN) && self.is_translation(&path) {
                    // Read with the file it translates, loading its language.
                } else if has_ext(&path, MARKDOWN) {
                    found.push((path, None));
                } else if has_ext(&path, &["mdx"]) {
                    warnings.push(mdx_warning(&self.root, &path));
                }
            }
        }
        Listing {
            files: found,
            warnings,
        }
    }
}
