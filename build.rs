//! Cargo build script: gives `folio --version` the commit it was built from.
//!
//! Sets `FOLIO_VERSION_LONG` to `0.1.0 (abc1234)` when the commit is known and to
//! `0.1.0` otherwise. The commit comes from `git rev-parse --short HEAD` when the
//! crate is the top of a git checkout, else from `.cargo_vcs_info.json`, which
//! `cargo package` writes into a published crate. Neither is required: no git,
//! no checkout and no vcs file all give the plain version.
//!
//! (Not to be confused with src/build.rs, the site-building module.)

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    watch_if_present(&manifest_dir.join(".cargo_vcs_info.json"));
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let commit = git_commit(&manifest_dir).or_else(|| vcs_info_commit(&manifest_dir));
    let long = match commit {
        Some(commit) => format!("{version} ({commit})"),
        None => version,
    };
    println!("cargo:rustc-env=FOLIO_VERSION_LONG={long}");
}

/// Runs git in `dir` and returns its trimmed output, or None on any failure.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

/// The short commit when `dir` is the top of a git work tree (not merely inside
/// one: an unpacked crate under someone's home-directory repository must not
/// report that repository's commit). Asks cargo to rerun when HEAD moves.
fn git_commit(dir: &Path) -> Option<String> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if !same(Path::new(&top), dir) {
        return None;
    }
    // HEAD names the branch; a commit moves the branch's ref (or packed-refs).
    // --git-path resolves both for linked worktrees too.
    let mut watch = vec!["HEAD".to_string(), "packed-refs".to_string()];
    if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
        watch.push(branch);
    }
    for name in watch {
        if let Some(path) = git(dir, &["rev-parse", "--git-path", &name]) {
            watch_if_present(&dir.join(path));
        }
    }
    git(dir, &["rev-parse", "--short", "HEAD"])
}

/// Reruns this script when `path` changes. Watching a missing file would rerun
/// it (and rebuild folio) on every build, so only existing files are watched.
fn watch_if_present(path: &Path) {
    if path.is_file() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}

/// The commit `cargo package` recorded: `{"git": {"sha1": "<40 hex>"}, ...}`.
fn vcs_info_commit(dir: &Path) -> Option<String> {
    let text = std::fs::read_to_string(dir.join(".cargo_vcs_info.json")).ok()?;
    let after = &text[text.find("\"sha1\"")? + "\"sha1\"".len()..];
    let start = after.find('"')? + 1;
    let sha: String = after[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .collect();
    (sha.len() >= 7).then(|| sha[..7].to_string())
}
