//! A write-up with no text whose old page was a layout of its own that runs a
//! demo in the browser (a `<script>` or a `<canvas>`: a game, a toy, a tool).
//! The new page links to the demo where it still runs, on the old site.

use std::path::{Path, PathBuf};

use super::refs::SiteMap;

/// The old address of the page, when its layout `name` is an interactive demo
/// and the old site's address is known.
pub fn link(map: &SiteMap, source: &Path, bundle: Option<&Path>, name: &str) -> Option<String> {
    let base = map.old_url.as_deref()?;
    let layout = layout_files(&map.root, &map.section_url, name)
        .into_iter()
        .find(|p| p.is_file())?;
    let text = std::fs::read_to_string(layout).ok()?;
    if !is_interactive(&text) {
        return None;
    }
    let page = match bundle {
        Some(b) => b.file_name()?,
        None => source.file_stem()?,
    };
    Some(format!(
        "{}/{}/{}/",
        base.trim_end_matches('/'),
        map.section_url.trim_matches('/'),
        page.to_string_lossy()
    ))
}

/// Where Hugo and Jekyll look for the layout `name` of a page of `section`.
fn layout_files(root: &Path, section_url: &str, name: &str) -> Vec<PathBuf> {
    let file = format!("{name}.html");
    let section = section_url.trim_matches('/');
    let mut roots = vec![root.to_path_buf()];
    if let Ok(themes) = std::fs::read_dir(root.join("themes")) {
        let mut found: Vec<PathBuf> = themes.flatten().map(|e| e.path()).collect();
        found.sort();
        roots.extend(found);
    }
    let mut out = vec![root.join("_layouts").join(&file)];
    for r in roots {
        out.push(r.join("layouts").join(section).join(&file));
        out.push(r.join("layouts").join("_default").join(&file));
    }
    out
}

/// A layout that runs code in the browser rather than showing text.
fn is_interactive(layout: &str) -> bool {
    let lower = layout.to_ascii_lowercase();
    lower.contains("<script") || lower.contains("<canvas")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_or_canvas_is_a_demo_text_is_not() {
        assert!(is_interactive("<canvas id=\"c\"></canvas>"));
        assert!(is_interactive("<div></div><SCRIPT src=\"/x.js\"></SCRIPT>"));
        assert!(!is_interactive("<h1>{{ .Title }}</h1><p>Roll dice.</p>"));
    }
}
