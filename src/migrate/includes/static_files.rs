//! Jekyll's `site.static_files`: the old site's files it copied as they are
//! (no front matter, not in a folder Jekyll skips), each as Jekyll gives it
//! to Liquid (`path`, `name`, `basename`, `extname`), sorted by path.

use std::io::Read;
use std::path::Path;

use serde_json::{Value, json};

/// Folders and files Jekyll leaves out by default (besides names starting
/// with `_`, `.`, `#` or `~`).
const EXCLUDED: &[&str] = &[
    "node_modules",
    "vendor",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
];

/// At most this many files are listed (a site is far smaller).
const MAX: usize = 50_000;

/// The old site's static files under `root`.
pub fn list(root: &Path) -> Vec<Value> {
    let mut files: Vec<(String, Value)> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !skipped(&e.file_name().to_string_lossy()))
        .take(MAX)
        .flatten()
        .filter(|e| e.file_type().is_file() && !has_front_matter(e.path()))
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            let path = format!("/{rel}");
            Some((path.clone(), entry(&path)))
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files.into_iter().map(|(_, v)| v).collect()
}

fn skipped(name: &str) -> bool {
    name.starts_with(['_', '.', '#', '~']) || EXCLUDED.contains(&name)
}

/// Whether the file starts with `---` and a line end (Jekyll renders it as a page).
fn has_front_matter(path: &Path) -> bool {
    let mut head = [0u8; 5];
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    head[..n].starts_with(b"---\n") || head[..n].starts_with(b"---\r\n")
}

fn entry(path: &str) -> Value {
    let name = path.rsplit('/').next().unwrap_or_default();
    let (basename, extname) = match name.rfind('.') {
        Some(i) if i > 0 => (&name[..i], &name[i..]),
        _ => (name, ""),
    };
    json!({"path": path, "name": name, "basename": basename, "extname": extname, "collection": null})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_files_jekyll_copies_as_they_are_sorted_by_path() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("assets/b/kite-2.webp", "x"),
            ("assets/a.png", "x"),
            ("about.md", "---\ntitle: A\n---\n"),
            ("_includes/x.html", "x"),
            (".git/HEAD", "x"),
            ("node_modules/p/i.js", "x"),
            ("notes.txt", "--- not front matter"),
        ] {
            let p = dir.path().join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let files = list(dir.path());
        let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
        assert_eq!(
            paths,
            ["/assets/a.png", "/assets/b/kite-2.webp", "/notes.txt"]
        );
        assert_eq!(files[1]["basename"], "kite-2");
        assert_eq!(files[1]["extname"], ".webp");
        assert_eq!(files[1]["name"], "kite-2.webp");
    }
}
