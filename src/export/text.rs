//! The export as paste-ready text, as JSON, and as one file per field.

use std::path::Path;

use serde::Serialize;

use super::{Field, ProfileExport};
use crate::diagnostics::{Error, Result};
use crate::platform::{self, Platform};

/// `5000` → `5,000`, as the limits are shown.
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The header line of a field: `── Title (52/70) ──`.
pub fn header(f: &Field) -> String {
    let mut counts = String::new();
    if f.items.is_some() {
        counts = match f.max {
            Some(max) => format!(" ({}/{})", f.count, thousands(max)),
            None => format!(" ({})", f.count),
        };
    } else if let Some(max) = f.max {
        counts = format!(" ({}/{}", thousands(f.count), thousands(max));
        if let Some(min) = f.min {
            counts.push_str(&format!(", at least {}", thousands(min)));
        }
        if f.utf16 != f.chars {
            counts.push_str(&format!("; {} Unicode characters", thousands(f.chars)));
        }
        counts.push(')');
    }
    format!("── {}{counts} ──", f.label)
}

/// The export as text: every field under its header, then the exact text.
pub fn to_text(exports: &[ProfileExport]) -> String {
    let mut out = String::new();
    for e in exports {
        let kind = if e.profile == "general" {
            "general profile".to_string()
        } else {
            format!("specialized profile \"{}\"", e.profile)
        };
        out.push_str(&format!(
            "══ {} · {kind} ({}) ══\n\n",
            e.platform.name(),
            e.source
        ));
        for f in &e.fields {
            out.push_str(&header(f));
            out.push('\n');
            out.push_str(&f.text);
            out.push_str("\n\n");
            if f.id == "overview" && e.platform == Platform::Upwork {
                out.push_str(&fold_note(&f.text));
                out.push_str("\n\n");
            }
            match (&f.note, &f.items) {
                (Some(_), Some(_)) => out.push_str("── ↑ chosen by folio: the note at the end says how to choose them yourself ──\n\n"),
                (Some(note), None) => out.push_str(&format!("── ↑ {note} ──\n\n")),
                (None, _) => {}
            }
        }
    }
    out.trim_end().to_string() + "\n"
}

/// The overview split where Upwork folds it with "More": the part shown, and
/// the rest (empty when all of it shows). Counted in characters.
pub fn fold_split(text: &str) -> (&str, &str) {
    match text.char_indices().nth(platform::UPWORK_OVERVIEW_FOLD) {
        Some((i, _)) => text.split_at(i),
        None => (text, ""),
    }
}

/// Where Upwork folds the overview with "More".
fn fold_note(text: &str) -> String {
    let fold = platform::UPWORK_OVERVIEW_FOLD;
    if text.chars().count() <= fold {
        return format!(
            "── ↑ all of it shows before \"More\" (the fold is at {fold} characters) ──"
        );
    }
    let before: String = text.chars().take(fold).collect();
    let tail: String = before
        .chars()
        .rev()
        .take(40)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    format!(
        "── ↑ the first {fold} characters show before \"More\"; they end at: \"…{}\" ──",
        tail.split_whitespace().collect::<Vec<_>>().join(" ")
    )
}

/// The export as JSON, for scripts.
pub fn to_json(exports: &[ProfileExport]) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        platform: Platform,
        limits: Vec<&'a platform::Rule>,
        profiles: &'a [ProfileExport],
    }
    let platform = exports.first().map_or(Platform::Upwork, |e| e.platform);
    let limits: Vec<&platform::Rule> = platform::RULES
        .iter()
        .filter(|(p, _)| *p == platform)
        .map(|(_, r)| r)
        .collect();
    serde_json::to_string_pretty(&Doc {
        platform,
        limits,
        profiles: exports,
    })
    .expect("the export serializes")
        + "\n"
}

/// Writes one text file per field (fields of one entry share a file) and
/// `profile.json` into `dir` (a subfolder per profile when there are several).
/// Returns the files written.
pub fn write_files(exports: &[ProfileExport], dir: &Path) -> Result<Vec<std::path::PathBuf>> {
    let mut written = Vec::new();
    for e in exports {
        let base = if exports.len() > 1 {
            dir.join(&e.profile)
        } else {
            dir.to_path_buf()
        };
        let mut files: Vec<(String, Vec<&Field>)> = Vec::new();
        for f in &e.fields {
            match files.iter_mut().find(|(name, _)| *name == f.file) {
                Some((_, v)) => v.push(f),
                None => files.push((f.file.clone(), vec![f])),
            }
        }
        for (name, fields) in files {
            let path = base.join(format!("{name}.txt"));
            create_dir(path.parent().unwrap_or(&base))?;
            let body = if fields.len() == 1 {
                format!("{}\n", fields[0].text)
            } else {
                fields
                    .iter()
                    .map(|f| format!("{}\n{}\n", header(f), f.text))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            write(&path, body)?;
            written.push(path);
        }
        let json = base.join("profile.json");
        create_dir(&base)?;
        write(&json, to_json(std::slice::from_ref(e)))?;
        written.push(json);
    }
    Ok(written)
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io("cannot create", dir, e))
}

fn write(path: &Path, text: String) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Error::io("cannot write", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separator() {
        assert_eq!(thousands(5000), "5,000");
        assert_eq!(thousands(70), "70");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn fold_note_quotes_the_end_of_the_fold() {
        let text = "a".repeat(240) + " and here the fold falls in the middle";
        let note = fold_note(&text);
        let expected = format!("\"…{} and here\"", "a".repeat(30));
        assert!(note.contains(&expected), "{note}");
        assert!(fold_note("short").contains("all of it shows"));
    }

    #[test]
    fn fold_split_counts_characters() {
        let text = "é".repeat(249) + "中文 rest";
        let (shown, rest) = fold_split(&text);
        assert_eq!(shown.chars().count(), 250);
        assert!(shown.ends_with('中'));
        assert_eq!(rest, "文 rest");
        assert_eq!(fold_split("short"), ("short", ""));
    }
}
