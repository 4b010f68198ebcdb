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
                merge_profile(&path, &String::from_utf8_lossy(&text))?;
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

/// `--merge` for profile.yaml: keys missing from the existing file are added.
fn merge_profile(path: &Path, imported: &str) -> crate::Result<()> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io("cannot read", path, e))?;
    let existing: serde_yaml::Value = serde_yaml::from_str(&text).map_err(|e| {
        Error::single(
            Diagnostic::error(format!(
                "cannot merge into this file, it is not valid YAML: {e}"
            ))
            .in_file(path),
        )
    })?;
    let new: serde_yaml::Value = serde_yaml::from_str(imported).unwrap_or(serde_yaml::Value::Null);
    let (Some(old), Some(new)) = (existing.as_mapping(), new.as_mapping()) else {
        return Ok(());
    };
    let missing: serde_yaml::Mapping = new
        .iter()
        .filter(|(k, _)| !old.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let mut out = text.trim_end().to_string();
    out.push_str("\n# Added by folio import jsonresume --merge:\n");
    out.push_str(&serde_yaml::to_string(&serde_yaml::Value::Mapping(missing)).unwrap_or_default());
    std::fs::write(path, out).map_err(|e| Error::io("cannot write", path, e))
}
