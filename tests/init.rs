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
