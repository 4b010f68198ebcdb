//! The command line as a user sees it: console transcripts under tests/cmd/
//! (run by trycmd, see tests/cmd/README.md), and the commands' behaviour when
//! the reader of their output goes away.

mod common;
use common::*;

use std::path::Path;
use std::process::{Command, Stdio};

/// The console transcripts: tests/cmd/*.md, each run in a copy of its `.in/`
/// folder, with the files of its `.out/` folder checked afterwards.
#[test]
fn cli_transcripts() {
    trycmd::TestCases::new()
        .register_bin("folio", Path::new(env!("CARGO_BIN_EXE_folio")))
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.md")
        .skip("tests/cmd/README.md");
}

/// Runs folio in `cwd` with its stdout a pipe whose reading end is already
/// closed (as `folio … | head -0`); returns (exit code, stderr).
fn with_closed_stdout(cwd: &Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run folio");
    // Close the reading end before folio has loaded anything.
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait for folio");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let site = Site::new();
    let dir = site.path().to_str().unwrap();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let resume = out.path().join("resume.json");
    let imported = out.path().join("imported");
    assert_eq!(
        folio(&["export", "jsonresume", dir, "-o", resume.to_str().unwrap()]).code,
        0
    );
    let runs: Vec<Vec<&str>> = vec![
        vec!["build", dir, "-o", public.to_str().unwrap()],
        vec!["check", dir],
        vec!["profile", dir, "--all"],
        vec!["profile", dir, "--format", "json"],
        vec!["export", "jsonresume", dir],
        vec![
            "import",
            "jsonresume",
            resume.to_str().unwrap(),
            imported.to_str().unwrap(),
        ],
        vec!["proposal", dir, "tests/jobs/writing.txt"],
    ];
    for args in runs {
        let (code, stderr) = with_closed_stdout(Path::new(env!("CARGO_MANIFEST_DIR")), &args);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe"), "{args:?}: {stderr}");
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
    }
    // The work was done before the summary could not be printed.
    assert!(public.join("index.html").exists());
    assert!(imported.join("content/profile.yaml").exists());
}

#[test]
fn a_closed_stdout_keeps_errors_on_stderr() {
    let site = Site::new();
    // No title: an error (date and summary are optional since #17/#20).
    site.write("content/projects/alpha.md", "---\nsummary: Alpha\n---\n");
    let dir = site.path().to_str().unwrap();
    let (code, stderr) = with_closed_stdout(Path::new(env!("CARGO_MANIFEST_DIR")), &["build", dir]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("content/projects/alpha.md"), "{stderr}");
}
