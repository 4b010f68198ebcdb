//! Writing the built site: into a temporary folder beside the output folder,
//! then swapped in with renames, so a failed build leaves the previous output
//! exactly as it was. folio writes nowhere else and deletes nothing else.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Error};

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct OutputFile {
    /// Output-relative path, `/`-separated (`projects/a/index.html`).
    pub path: String,
    pub contents: Contents,
}

#[derive(Debug, Clone)]
pub enum Contents {
    Bytes(Arc<[u8]>),
    /// Copied from this file when written.
    Copy(PathBuf),
    /// This image, resized to `width` when given and as WebP when `webp`, when written.
    Image {
        src: PathBuf,
        width: Option<u32>,
        webp: bool,
    },
    /// A share card, made (or read from the site's card cache) when written.
    Card(Arc<crate::cards::CardFile>),
}

/// Where rendered files go: written as they come (a build), or collected.
pub trait Sink: Sync {
    fn put(&self, file: OutputFile) -> Result<(), Error>;
}

/// A sink that keeps every file in memory (check, serve, deploy).
#[derive(Default)]
pub struct Collect(std::sync::Mutex<Vec<OutputFile>>);

impl Collect {
    /// The files, sorted by path.
    pub fn into_files(self) -> Vec<OutputFile> {
        let mut files = self.0.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }
}

impl Sink for Collect {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).push(file);
        Ok(())
    }
}

/// Refuses an output folder that is the site, holds the site, or lies inside the
/// folders folio reads (`content/`, `static/`, `templates/`, `themes/`).
pub fn check_output_dir(root: &Path, out: &Path) -> crate::Result<()> {
    let root = absolute(root);
    let out = absolute(out);
    let refuse = |why: String| {
        Error::single(
            Diagnostic::error(format!("refusing to use {} as the output folder: {why}", out.display()))
                .with_help("choose a separate folder such as `public` (set `output_dir:` in folio.yaml or pass -o)"),
        )
    };
    if out == root {
        return Err(refuse("it is the site folder itself".into()));
    }
    if root.starts_with(&out) {
        return Err(refuse(
            "it contains the site folder; building would replace your content".into(),
        ));
    }
    for name in ["content", "static", "templates", "themes"] {
        let dir = root.join(name);
        if out.starts_with(&dir) {
            return Err(refuse(format!("it is inside the site's {name}/ folder")));
        }
    }
    if out.parent().is_none() {
        return Err(refuse("it is the root of the file system".into()));
    }
    Ok(())
}

/// An absolute, lexically normalised path, with symbolic links resolved for the
/// part that exists.
pub fn absolute(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut norm = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                norm.pop();
            }
            Component::CurDir => {}
            c => norm.push(c),
        }
    }
    // Resolve links in the longest existing prefix.
    let mut existing = norm.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match existing.file_name() {
            Some(n) => rest.push(n.to_os_string()),
            None => break,
        }
        if !existing.pop() {
            break;
        }
    }
    let mut resolved = existing.canonicalize().unwrap_or(existing);
    for n in rest.into_iter().rev() {
        resolved.push(n);
    }
    resolved
}

/// A temporary folder beside the output folder that files are written into as
/// they are produced; [`Staging::commit`] swaps it in place of the output.
/// Dropped without a commit, it is removed and the output stays as it was.
pub struct Staging {
    out: PathBuf,
    parent: PathBuf,
    name: String,
    dir: tempfile::TempDir,
}

impl Staging {
    pub fn new(out: &Path) -> Result<Staging, Error> {
        let out = absolute(out);
        if out.exists() && !out.is_dir() {
            return Err(Error::single(
                Diagnostic::error(format!(
                    "the output path {} exists and is not a folder",
                    out.display()
                ))
                .with_help("remove that file or choose another output folder"),
            ));
        }
        let parent = out.parent().unwrap_or(Path::new("/")).to_path_buf();
        std::fs::create_dir_all(&parent).map_err(|e| Error::io("cannot create", &parent, e))?;
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.folio-new-"))
            .tempdir_in(&parent)
            .map_err(|e| Error::io("cannot create a temporary folder in", &parent, e))?;
        Ok(Staging {
            out,
            parent,
            name,
            dir,
        })
    }

    /// Writes one file (from any thread).
    pub fn put(&self, f: &OutputFile) -> Result<(), Error> {
        let rel = safe_relative(&f.path).ok_or_else(|| {
            Error::msg(format!(
                "internal error: refusing to write outside the output folder: {}",
                f.path
            ))
        })?;
        let dest = self.dir.path().join(&rel);
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("cannot create", dir, e))?;
        }
        // A file the previous build wrote with the same bytes is kept as it
        // was (linked into the new output, not written again), so its
        // modification time says when it last changed, for tools that sync
        // or upload only changed files; resized images are not made again.
        let previous = self.out.join(rel);
        // A card's bytes are made (or read from the card cache) once, here.
        let made;
        let contents = match &f.contents {
            Contents::Card(card) => {
                made = Contents::Bytes(card.bytes().into());
                &made
            }
            other => other,
        };
        if unchanged(&previous, contents) && std::fs::hard_link(&previous, &dest).is_ok() {
            return Ok(());
        }
        match contents {
            Contents::Bytes(b) => {
                let mut file = std::fs::File::create(&dest)
                    .map_err(|e| Error::io("cannot write", &dest, e))?;
                file.write_all(b)
                    .map_err(|e| Error::io("cannot write", &dest, e))?;
            }
            Contents::Copy(src) => {
                std::fs::copy(src, &dest).map_err(|e| Error::io("cannot copy", src, e))?;
            }
            Contents::Image { src, width, webp } => {
                let bytes = crate::images::convert(src, *width, *webp).map_err(|e| {
                    Error::single(
                        Diagnostic::error(format!("cannot resize the image: {}", e.message()))
                            .in_file(src)
                            .with_help(
                                "the file may be damaged or not the image its name says: open it in an image editor and save it again, or replace it",
                            ),
                    )
                })?;
                std::fs::write(&dest, bytes).map_err(|e| Error::io("cannot write", &dest, e))?;
            }
            Contents::Card(card) => {
                std::fs::write(&dest, card.bytes())
                    .map_err(|e| Error::io("cannot write", &dest, e))?;
            }
        }
        Ok(())
    }

    /// Swaps the staged files in: old output aside, new one in, old one removed.
    pub fn commit(self) -> Result<(), Error> {
        let Staging {
            out,
            parent,
            name,
            dir,
        } = self;
        let staged = dir.keep();
        if out.exists() {
            let old = tempfile::Builder::new()
                .prefix(&format!(".{name}.folio-old-"))
                .tempdir_in(&parent)
                .map_err(|e| Error::io("cannot create a temporary folder in", &parent, e))?
                .keep();
            // rename() onto an empty folder replaces it.
            if let Err(e) = std::fs::rename(&out, &old) {
                let _ = std::fs::remove_dir_all(&staged);
                let _ = std::fs::remove_dir(&old);
                return Err(Error::io("cannot move the previous output aside:", &out, e));
            }
            if let Err(e) = std::fs::rename(&staged, &out) {
                let _ = std::fs::rename(&old, &out);
                let _ = std::fs::remove_dir_all(&staged);
                return Err(Error::io("cannot move the new output into place:", &out, e));
            }
            remove_tree(&old);
        } else if let Err(e) = std::fs::rename(&staged, &out) {
            let _ = std::fs::remove_dir_all(&staged);
            return Err(Error::io("cannot move the new output into place:", &out, e));
        }
        Ok(())
    }
}

/// Whether `previous` (a file of the last build's output) already holds `contents`.
fn unchanged(previous: &Path, contents: &Contents) -> bool {
    let Ok(old) = std::fs::symlink_metadata(previous) else {
        return false;
    };
    if !old.is_file() {
        return false;
    }
    let same_bytes = |new: &[u8]| {
        old.len() == new.len() as u64 && std::fs::read(previous).is_ok_and(|b| b == new)
    };
    match contents {
        Contents::Bytes(b) => same_bytes(b),
        Contents::Copy(src) => {
            std::fs::metadata(src).is_ok_and(|m| m.len() == old.len())
                && std::fs::read(src).is_ok_and(|b| same_bytes(&b))
        }
        // Made from the source image: current while it is newer than the source.
        Contents::Image { src, .. } => {
            let src = std::fs::metadata(src).and_then(|m| m.modified());
            match (src, old.modified()) {
                (Ok(src), Ok(made)) => made > src && old.len() > 0,
                _ => false,
            }
        }
        Contents::Card(card) => same_bytes(&card.bytes()),
    }
}

impl Sink for Staging {
    fn put(&self, file: OutputFile) -> Result<(), Error> {
        Staging::put(self, &file)
    }
}

/// Removes a folder folio created (the previous output, set aside), its
/// entries in parallel at every level. Symbolic links are removed, not followed.
fn remove_tree(dir: &Path) {
    if let Ok(read) = std::fs::read_dir(dir) {
        let entries: Vec<(PathBuf, bool)> = read
            .filter_map(|e| e.ok())
            .map(|e| (e.path(), e.file_type().is_ok_and(|t| t.is_dir())))
            .collect();
        entries.par_iter().for_each(|(p, is_dir)| {
            if *is_dir {
                remove_tree(p);
            } else {
                let _ = std::fs::remove_file(p);
            }
        });
    }
    let _ = std::fs::remove_dir(dir);
}

/// Writes `files` as the new content of `out`, atomically replacing it.
pub fn write_site(out: &Path, files: &[OutputFile]) -> Result<(), Error> {
    let staging = Staging::new(out)?;
    files.par_iter().try_for_each(|f| staging.put(f))?;
    staging.commit()
}

/// `a/b/c.html` as a relative path with only normal components, or `None`.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let p = Path::new(path);
    let ok = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    ok.then(|| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_outputs() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("site");
        std::fs::create_dir_all(root.join("content")).unwrap();
        assert!(check_output_dir(&root, &root).is_err());
        assert!(check_output_dir(&root, tmp.path()).is_err());
        assert!(check_output_dir(&root, &root.join("content")).is_err());
        assert!(check_output_dir(&root, &root.join("static/x")).is_err());
        assert!(check_output_dir(&root, &root.join("public")).is_ok());
        assert!(check_output_dir(&root, &root.join("a/../public")).is_ok());
        assert!(check_output_dir(&root, &root.join("public/..")).is_err());
    }

    #[test]
    fn rejects_unsafe_paths() {
        assert!(safe_relative("a/b.html").is_some());
        assert!(safe_relative("../x").is_none());
        assert!(safe_relative("/etc/passwd").is_none());
        assert!(safe_relative("a/../../x").is_none());
        assert!(safe_relative("").is_none());
    }

    #[test]
    fn swaps_atomically() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let f = |p: &str, s: &str| OutputFile {
            path: p.into(),
            contents: Contents::Bytes(s.as_bytes().into()),
        };
        write_site(&out, &[f("index.html", "one"), f("old.html", "x")]).unwrap();
        write_site(&out, &[f("index.html", "two"), f("a/b/index.html", "b")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "two"
        );
        assert!(!out.join("old.html").exists());
        assert!(out.join("a/b/index.html").exists());
        // Nothing left beside it.
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("public")]);
        // A failing write leaves the previous output untouched.
        let bad = OutputFile {
            path: "x".into(),
            contents: Contents::Copy(tmp.path().join("does-not-exist")),
        };
        assert!(write_site(&out, &[f("index.html", "three"), bad]).is_err());
        assert_eq!(
            std::fs::read_to_string(out.join("index.html")).unwrap(),
            "two"
        );
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1);
    }
}
