//! Writing an import: every file planned first, then written; never over an
//! existing file unless `--force`; with `--merge`, existing files are kept and
//! YAML files (profile.yaml, folio.yaml) get only the keys they lack.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Error};

/// The content of a planned file.
#[derive(Debug)]
pub enum What {
    Text(String),
    Copy(PathBuf),
    /// A YAML mapping: merged into an existing file under `--merge`.
    Yaml(String),
}

/// One file of the new site, relative to its folder.
#[derive(Debug)]
pub struct Planned {
    pub rel: PathBuf,
    pub what: What,
}

/// What was written.
#[derive(Debug, Default)]
pub struct Written {
    pub written: Vec<PathBuf>,
    pub kept: Vec<PathBuf>,
    pub merged: Vec<PathBuf>,
}

/// Writes `plan` into `dir` (the first of two plans for one path wins).
pub fn write_all(
    dir: &Path,
    plan: Vec<Planned>,
    merge: bool,
    force: bool,
) -> crate::Result<Written> {
    let mut seen = HashSet::new();
    let plan: Vec<Planned> = plan
        .into_iter()
        .filter(|p| seen.insert(p.rel.clone()))
        .collect();
    let existing: Vec<&Planned> = plan.iter().filter(|p| dir.join(&p.rel).exists()).collect();
    if !existing.is_empty() && !force && !merge {
        return Err(Error::new(
            existing
                .iter()
                .map(|p| {
                    Diagnostic::error("already exists; folio import does not overwrite files")
                        .in_file(dir.join(&p.rel))
                        .with_help(
                            "use --merge to add only what is missing, or --force to overwrite",
                        )
                })
                .collect(),
        ));
    }
    let mut out = Written::default();
    for p in plan {
        let path = dir.join(&p.rel);
        if path.exists() && !force {
            if let What::Yaml(text) = &p.what
                && crate::yaml::merge_missing_keys(&path, text, "folio import site --merge")?
            {
                out.merged.push(p.rel);
            } else {
                out.kept.push(p.rel);
            }
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::io("cannot create the folder", parent, e))?;
        }
        match &p.what {
            What::Text(t) | What::Yaml(t) => {
                std::fs::write(&path, t).map_err(|e| Error::io("cannot write", &path, e))?
            }
            What::Copy(src) => {
                std::fs::copy(src, &path).map_err(|e| Error::io("cannot copy to", &path, e))?;
            }
        }
        out.written.push(p.rel);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_then_merges_then_forces() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("p.yaml"), "name: A\n").unwrap();
        let plan = || {
            vec![
                Planned {
                    rel: "p.yaml".into(),
                    what: What::Yaml("name: B\ntitle: T\n".into()),
                },
                Planned {
                    rel: "x/a.md".into(),
                    what: What::Text("a".into()),
                },
            ]
        };
        let e = write_all(d, plan(), false, false).unwrap_err();
        assert!(e.message().contains("already exists"));
        assert!(!d.join("x/a.md").exists());
        let w = write_all(d, plan(), true, false).unwrap();
        assert_eq!(w.merged, vec![PathBuf::from("p.yaml")]);
        let p = std::fs::read_to_string(d.join("p.yaml")).unwrap();
        assert!(p.starts_with("name: A\n") && p.contains("title: T"));
        let w = write_all(d, plan(), false, true).unwrap();
        assert_eq!(w.written.len(), 2);
        assert_eq!(
            std::fs::read_to_string(d.join("p.yaml")).unwrap(),
            "name: B\ntitle: T\n"
        );
    }
}
