//! Writing the imported files: never over an existing file unless `--force`;
//! `--merge` adds to profile.yaml only the keys it lacks.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Error};
use crate::jsonresume::{ImportOptions, ImportReport};

pub fn write(
    files: Vec<(PathBuf, Vec<u8>)>,
    dir: &Path,
    opts: &ImportOptions,
    report: &mut ImportReport,
) -> crate::Result<()> {
    // Write: never over an existing file unless --force; --merge skips them.
    let existing: Vec<&PathBuf> = files
        .iter()
        .map(|(p, _)| p)
        .filter(|p| dir.join(p).exists())
        .collect();
    if !existing.is_empty() && !opts.force && !opts.merge {
        return Err(Error::new(
            existing
                .iter()
                .map(|p| {
                    Diagnostic::error("already exists; folio import does not overwrite files")
                        .in_file(dir.join(p))
                        .with_help(
                            "use --merge to add only what is missing, or --force to overwrite",
                        )
                })
                .collect(),
        ));
    }
    for (rel, text) in files {
        let path = dir.join(&rel);
        if path.exists() && !opts.force {
            if rel.as_path() == Path::new("content/profile.yaml") {
                crate::yaml::merge_missing_keys(
                    &path,
                    &String::from_utf8_lossy(&text),
                    "folio import jsonresume --merge",
                )?;
                report.written.push(rel);
            } else {
                report.skipped.push(rel);
            }
            continue;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io("cannot create", parent, e))?;
        }
        std::fs::write(&path, text).map_err(|e| Error::io("cannot write", &path, e))?;
        report.written.push(rel);
    }
    Ok(())
}
