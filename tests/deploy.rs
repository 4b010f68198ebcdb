//! `folio deploy` against a local bare repository: the branch holds exactly
//! the output; unchanged output adds no commit; the user's working tree,
//! index and current branch are untouched; a failing build pushes nothing.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A site in a git repository with a bare remote `origin`; returns (site, bare remote).
fn repo() -> (Site, tempfile::TempDir) {
    let site = Site::new();
    let dir = site.path();
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "user.name", "Ana"]);
    git(dir, &["config", "user.email", "ana@example.com"]);
    // As `folio init` writes it: the build keeps its caches (highlighting, share cards) in .folio/.
    site.write(".gitignore", "/public/\n/.folio/\n");
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "site"]);
    let bare = tempfile::tempdir().unwrap();
    git(bare.path(), &["init", "-q", "--bare"]);
    git(
        dir,
        &["remote", "add", "origin", bare.path().to_str().unwrap()],
    );
    (site, bare)
}

fn deploy(site: &Site, extra: &[&str]) -> Run {
    let mut args = vec!["deploy", site.path().to_str().unwrap()];
    args.extend_from_slice(extra);
    folio(&args)
}

/// What the user's repository looks like: status, HEAD, current branch, index.
fn state(dir: &Path) -> (String, String, String, String) {
    (
        git(dir, &["status", "--porcelain", "--untracked-files=all"]),
        git(dir, &["rev-parse", "HEAD"]),
        git(dir, &["symbolic-ref", "HEAD"]),
        git(dir, &["ls-files", "--stage"]),
    )
}

fn commits(bare: &Path) -> usize {
    git(bare, &["rev-list", "--count", "gh-pages"])
        .parse()
        .unwrap()
}

#[test]
fn deploy_publishes_exactly_the_output_and_touches_nothing_else() {
    let (site, bare) = repo();
    // Leave the user's repository with uncommitted, staged and untracked work.
    site.write(
        "content/pages/about.md",
        "---\ntitle: About\n---\n\nEdited, not committed.\n",
    );
    site.write("notes.txt", "untracked");
    site.write("content/pages/new.md", "---\ntitle: New\n---\nStaged.\n");
    git(site.path(), &["add", "content/pages/new.md"]);
    let before = state(site.path());

    let r = deploy(&site, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Published") && r.stdout.contains("`gh-pages` on `origin`"),
        "{}",
        r.stdout
    );
    assert_eq!(
        state(site.path()),
        before,
        "the working tree, index and branch are untouched"
    );
    assert!(
        !site.p("public").exists(),
        "deploy does not write the output folder"
    );

    // The branch holds exactly what a build writes.
    let out = tempfile::tempdir().unwrap();
    let built = out.path().join("public");
    assert_eq!(
        folio(&[
            "build",
            site.path().to_str().unwrap(),
            "-o",
            built.to_str().unwrap()
        ])
        .code,
        0
    );
    let mut expected: Vec<String> = walkdir::WalkDir::new(&built)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&built)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    expected.sort();
    let published = git(
        bare.path(),
        &[
            "-c",
            "core.quotePath=false",
            "ls-tree",
            "-r",
            "--name-only",
            "gh-pages",
        ],
    );
    let mut published: Vec<String> = published.lines().map(str::to_string).collect();
    published.sort();
    assert_eq!(published, expected);
    assert!(published.contains(&".nojekyll".to_string()));
    assert_eq!(
        git(bare.path(), &["show", "gh-pages:projects/alpha/index.html"]),
        std::fs::read_to_string(built.join("projects/alpha/index.html"))
            .unwrap()
            .trim_end()
    );
    assert_eq!(commits(bare.path()), 1);

    // Again with no change: no new commit.
    let r = deploy(&site, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Nothing changed"), "{}", r.stdout);
    assert_eq!(commits(bare.path()), 1);

    // A change: one new commit on top, history kept.
    site.write("content/projects/alpha.md", "---\ntitle: Alpha 2\ndate: 2024-05-01\nsummary: Changed.\nskills: [Rust]\n---\nNew text.\n");
    let r = deploy(&site, &["--message", "Publish alpha 2"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(commits(bare.path()), 2);
    assert_eq!(
        git(bare.path(), &["log", "-1", "--format=%s", "gh-pages"]),
        "Publish alpha 2"
    );
    assert!(git(bare.path(), &["show", "gh-pages:projects/alpha/index.html"]).contains("Alpha 2"));
    // The local branch follows what was published; the current branch is still main.
    assert_eq!(
        git(site.path(), &["rev-parse", "gh-pages"]),
        git(bare.path(), &["rev-parse", "gh-pages"])
    );
    assert_eq!(
        git(site.path(), &["symbolic-ref", "--short", "HEAD"]),
        "main"
    );
}

#[test]
fn a_failing_build_pushes_nothing() {
    let (site, bare) = repo();
    assert_eq!(deploy(&site, &[]).code, 0);
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024-02-30\nsummary: x\n---\n",
    );
    let r = deploy(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("content/projects/alpha.md:3"),
        "{}",
        r.stderr
    );
    assert_eq!(commits(bare.path()), 1);
}

#[test]
fn a_failing_first_build_creates_no_branch() {
    let (site, bare) = repo();
    // No title: a content error.
    site.write("content/projects/alpha.md", "---\nsummary: Alpha\n---\n");
    assert_eq!(deploy(&site, &[]).code, 1);
    let out = Command::new("git")
        .args(["rev-parse", "--verify", "-q", "gh-pages"])
        .current_dir(bare.path())
        .output()
        .unwrap();
    assert!(!out.status.success(), "no gh-pages branch");
}

#[test]
fn dry_run_publishes_nothing() {
    let (site, bare) = repo();
    let r = deploy(&site, &["--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Dry run: would commit"), "{}", r.stdout);
    let out = Command::new("git")
        .args(["rev-parse", "--verify", "-q", "gh-pages"])
        .current_dir(bare.path())
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn refuses_outside_a_repository_and_on_the_deploy_branch() {
    let site = Site::new();
    let r = deploy(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("is not in a git repository"),
        "{}",
        r.stderr
    );
    let (site, _bare) = repo();
    git(site.path(), &["switch", "-q", "-c", "gh-pages"]);
    let r = deploy(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("you are on the branch `gh-pages`"),
        "{}",
        r.stderr
    );
    let r = deploy(&site, &["--remote", "upstream", "--branch", "pages"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("no remote `upstream`"), "{}", r.stderr);
}

#[test]
fn base_url_is_inferred_from_a_github_remote_when_not_set() {
    let (site, bare) = repo();
    site.write("folio.yaml", "title: Test Site\n");
    // A GitHub URL for inference, pushed to the local bare repository instead.
    git(
        site.path(),
        &[
            "remote",
            "set-url",
            "origin",
            "git@github.com:ana/portfolio.git",
        ],
    );
    git(
        site.path(),
        &[
            "config",
            &format!("url.{}.insteadOf", bare.path().display()),
            "git@github.com:ana/portfolio.git",
        ],
    );
    let r = deploy(&site, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("base_url is not set in folio.yaml; using https://ana.github.io/portfolio/"),
        "{}",
        r.stdout
    );
    let home = git(bare.path(), &["show", "gh-pages:index.html"]);
    assert!(home.contains("href=\"/portfolio/style.css\""));
}

#[test]
fn dry_run_works_when_the_remote_cannot_be_reached() {
    let (site, bare) = repo();
    site.write("folio.yaml", "title: Test Site\n");
    // A GitHub remote for the base URL, rewritten to a repository that is gone
    // (as unreachable as a GitHub remote offline, with no network needed).
    let gone = bare.path().to_path_buf();
    drop(bare);
    assert!(!gone.exists());
    git(
        site.path(),
        &[
            "remote",
            "set-url",
            "origin",
            "git@github.com:ana/portfolio.git",
        ],
    );
    git(
        site.path(),
        &[
            "config",
            &format!("url.{}.insteadOf", gone.display()),
            "git@github.com:ana/portfolio.git",
        ],
    );
    let before = state(site.path());
    let r = deploy(&site, &["--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("base_url is not set in folio.yaml; using https://ana.github.io/portfolio/"),
        "{}",
        r.stdout
    );
    let line = r
        .stdout
        .lines()
        .find(|l| l.starts_with("Dry run: would commit "))
        .unwrap_or_else(|| panic!("{}", r.stdout));
    // Files, size, base URL, branch and remote.
    let files: usize = line["Dry run: would commit ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(files > 5, "{line}");
    assert!(
        line.contains(
            " KB) for https://ana.github.io/portfolio/ to `gh-pages` and push it to `origin`."
        ),
        "{line}"
    );
    assert!(
        r.stdout.contains(
            "The comparison with `gh-pages` on `origin` was skipped: the remote cannot be reached ("
        ),
        "{}",
        r.stdout
    );
    assert_eq!(state(site.path()), before, "a dry run changes nothing");
    let out = Command::new("git")
        .args(["rev-parse", "--verify", "-q", "gh-pages"])
        .current_dir(site.path())
        .output()
        .unwrap();
    assert!(!out.status.success(), "no local gh-pages branch either");

    // Without --dry-run the unreachable remote is an error, as before.
    let r = deploy(&site, &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("`git ls-remote origin"), "{}", r.stderr);
}

#[test]
fn dry_run_with_a_reachable_remote_compares_and_says_nothing_was_skipped() {
    let (site, bare) = repo();
    let r = deploy(&site, &["--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains(" KB) for https://ana.github.io/portfolio/ to `gh-pages`"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("skipped"), "{}", r.stdout);
    // After a deploy, a dry run of the same output finds nothing to publish.
    assert_eq!(deploy(&site, &[]).code, 0);
    let r = deploy(&site, &["--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("Nothing changed"), "{}", r.stdout);
    assert_eq!(commits(bare.path()), 1);
}
