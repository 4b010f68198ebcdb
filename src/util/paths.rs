//! Path helpers shared by the loader, the theme and the watcher.

use std::path::Path;

/// Editor swap, backup and hidden files, which are never content.
pub fn is_ignored_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".bck")
        || name.ends_with(".tmp")
        || name == "4913"
}

/// Normalises a `/`-separated relative path; `None` if `..` climbs above its start.
pub fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_paths() {
        assert_eq!(normalize("a/./b/../c.md").as_deref(), Some("a/c.md"));
        assert_eq!(normalize("../x"), None);
        assert_eq!(normalize("projects/../../x"), None);
        assert_eq!(normalize("projects/x.md").as_deref(), Some("projects/x.md"));
    }

    #[test]
    fn ignored_names() {
        for n in [".x.md.swp", "a.md~", "4913", ".DS_Store", "a.bck", "#a.md#"] {
            assert!(is_ignored_name(Path::new(n)), "{n}");
        }
        assert!(!is_ignored_name(Path::new("a.md")));
    }
}
