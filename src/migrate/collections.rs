//! Astro content collections whose names only contain a portfolio word
//! (`projectsContent`, `caseStudies`, `myWork`): tried when no folder has one
//! of the usual names ([`super::detect::NAMES`]) with write-ups.

use std::path::{Path, PathBuf};

use super::sources::discover;

/// Where Astro keeps its content collections.
const COLLECTIONS: &str = "src/content";

/// Words a portfolio collection's name contains, in any case.
const WORDS: &[&str] = &[
    "project",
    "work",
    "portfolio",
    "case-stud",
    "casestud",
    "case_stud",
];

/// Whether a folder name contains one of [`WORDS`] (`projectsContent`, `Case-Studies`).
fn portfolio_like(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    WORDS.iter().any(|w| lower.contains(w))
}

/// The collections of `src` named like a portfolio that hold write-ups (a
/// folder with only an index page holds none), the one with the most first;
/// relative to `src`.
pub fn named_like(src: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(src.join(COLLECTIONS)) else {
        return Vec::new();
    };
    let mut found: Vec<(usize, String)> = entries
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| portfolio_like(n))
        .map(|n| (discover(&src.join(COLLECTIONS).join(&n)).0.len(), n))
        .filter(|(count, _)| *count > 0)
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found
        .into_iter()
        .map(|(_, n)| Path::new(COLLECTIONS).join(n))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(root: &Path, files: &[&str]) {
        for f in files {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "---\ntitle: T\n---\nText\n").unwrap();
        }
    }

    #[test]
    fn most_write_ups_first_and_index_only_folders_left_out() {
        let dir = tempfile::tempdir().unwrap();
        touch(
            dir.path(),
            &[
                "src/content/projects/index.mdx",
                "src/content/workHistory/index.mdx",
                "src/content/projectsContent/a.mdx",
                "src/content/projectsContent/b.mdx",
                "src/content/projectsContent/_template.mdx",
                "src/content/CaseStudies/c.md",
                "src/content/blog/d.md",
            ],
        );
        assert_eq!(
            named_like(dir.path()),
            vec![
                PathBuf::from("src/content/projectsContent"),
                PathBuf::from("src/content/CaseStudies"),
            ]
        );
    }

    #[test]
    fn words_in_any_case() {
        assert!(portfolio_like("projectsContent"));
        assert!(portfolio_like("myWork"));
        assert!(portfolio_like("case-studies"));
        assert!(portfolio_like("CaseStudies"));
        assert!(!portfolio_like("blog"));
    }
}
