//! `folio init`: a new site that builds at once.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::diagnostics::{Diagnostic, Error, Result};

static SCAFFOLD: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/src/scaffold");

/// Writes the scaffold into `dir` (with the GitHub Pages workflow unless
/// `workflow` is false). Refuses (writing nothing) if any file exists.
/// Returns the files written, relative to `dir`.
pub fn init(dir: &Path, workflow: bool) -> Result<Vec<PathBuf>> {
    let mut files: Vec<(PathBuf, std::borrow::Cow<'static, [u8]>)> = Vec::new();
    collect(&SCAFFOLD, &mut files);
    if workflow {
        files.push((
            PathBuf::from(crate::workflow::PATH),
            std::borrow::Cow::Owned(crate::workflow::pages_workflow().into_bytes()),
        ));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let existing: Vec<Diagnostic> = files
        .iter()
        .filter(|(rel, _)| dir.join(rel).exists())
        .map(|(rel, _)| {
            Diagnostic::error("already exists; folio init does not overwrite files")
                .in_file(dir.join(rel))
        })
        .collect();
    if !existing.is_empty() {
        let mut e = Error::new(existing);
        if let Some(last) = e.diagnostics.last_mut() {
            last.help =
                Some("run folio init in a new or empty folder: `folio init my-site`".into());
        }
        return Err(e);
    }
    for (rel, bytes) in &files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io("cannot create", parent, e))?;
        }
        std::fs::write(&path, bytes.as_ref()).map_err(|e| Error::io("cannot write", &path, e))?;
    }
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(PathBuf, std::borrow::Cow<'static, [u8]>)>) {
    for f in dir.files() {
        // Stored as `_gitignore` etc. so they are not hidden in this repository.
        let rel = f.path().to_path_buf();
        let rel = match rel.file_name().and_then(|n| n.to_str()) {
            Some(n) if n.starts_with('_') => rel.with_file_name(format!(".{}", &n[1..])),
            _ => rel,
        };
        out.push((rel, std::borrow::Cow::Borrowed(f.contents())));
    }
    for d in dir.dirs() {
        collect(d, out);
    }
}
