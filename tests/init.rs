//! `folio init`: the first thing a newcomer runs must give a site that passes
//! every check folio has.

mod common;
use common::*;

#[test]
fn a_fresh_site_passes_check_build_and_profile() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("my-site");
    let site = site.to_str().unwrap();
    let r = folio(&["init", site]);
    assert_eq!(r.code, 0, "init: {}", r.stderr);
    for args in [
        vec!["check", site],
        vec!["build", site],
        vec!["profile", site, "--all"],
    ] {
        let r = folio(&args);
        assert_eq!(r.code, 0, "folio {args:?} failed:\n{}", r.stderr);
        assert!(
            !r.stderr.contains("error:"),
            "folio {args:?} reported an error:\n{}",
            r.stderr
        );
    }
}

/// The highlight cache a build keeps in the site (`.folio/cache/`) is never
/// committed: the fresh site's `.gitignore` leaves it out, and a build makes it.
#[test]
fn the_site_cache_is_ignored_by_git() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("my-site");
    let r = folio(&["init", site.to_str().unwrap()]);
    assert_eq!(r.code, 0, "init: {}", r.stderr);
    let ignore = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "/.folio/"), "{ignore}");
    let project = site.join("content/projects/with-code.md");
    std::fs::write(
        &project,
        "---\ntitle: With code\ndate: 2024-01-01\nsummary: A block of Rust.\n---\n\n```rust\nfn main() {}\n```\n",
    )
    .unwrap();
    let r = folio(&["build", site.to_str().unwrap()]);
    assert_eq!(r.code, 0, "build: {}", r.stderr);
    assert!(site.join(".folio/cache/highlight.bin").is_file());
    let page = std::fs::read_to_string(site.join("public/projects/with-code/index.html")).unwrap();
    assert!(
        page.contains("<span class=\"hl-keyword\">fn</span>"),
        "{page}"
    );
}
