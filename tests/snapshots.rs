//! Snapshot tests of rendered pages: any change to the default theme's output
//! shows up as a reviewable diff (`cargo insta review`).

mod common;
use common::*;

fn built() -> Site {
    let site = Site::new();
    let r = site.build(&[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    site
}

#[test]
fn project_page() {
    let site = built();
    insta::assert_snapshot!(site.read("public/projects/alpha/index.html"));
}

#[test]
fn bundle_project_page_with_cover() {
    let site = built();
    insta::assert_snapshot!(site.read("public/projects/beta/index.html"));
}

#[test]
fn home_page() {
    let site = built();
    insta::assert_snapshot!(site.read("public/index.html"));
}

#[test]
fn resume_page() {
    let site = built();
    insta::assert_snapshot!(site.read("public/resume/index.html"));
}

#[test]
fn not_found_page() {
    let site = built();
    insta::assert_snapshot!(site.read("public/404.html"));
}

#[test]
fn error_report() {
    let site = Site::new();
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024-02-30\nsumary: x\n---\n",
    );
    site.write(
        "content/pages/about.md",
        "---\ntitle: About\n---\nSee [x](missing.md).\n",
    );
    let r = site.build(&[]);
    assert_eq!(r.code, 1);
    insta::assert_snapshot!(r.stderr);
}
