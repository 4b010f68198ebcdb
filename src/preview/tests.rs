use std::path::Path;

use super::*;
use crate::content::{LoadOptions, load};

fn example() -> Site {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site");
    load(&root, &LoadOptions::default()).unwrap().0
}

#[test]
fn lists_every_profile_with_tabs_for_both_platforms() {
    let site = example();
    let html = render_page(&site, Platform::Upwork);
    for id in ["profile-general", "profile-writer", "profile-developer"] {
        assert!(
            html.contains(&format!("<section class=\"profile\" id=\"{id}\"")),
            "{id}"
        );
        assert!(html.contains(&format!("<a href=\"#{id}\">")), "{id}");
    }
    assert!(
        html.contains("<a href=\"/portfolio/__folio/profile/\" aria-current=\"page\">Upwork</a>")
    );
    assert!(html.contains("<a href=\"/portfolio/__folio/profile/linkedin/\">LinkedIn</a>"));
    let linkedin = render_page(&site, Platform::Linkedin);
    assert!(linkedin.contains("<h1>LinkedIn profile preview</h1>"));
    assert!(linkedin.contains("class=\"label\">Headline</h3>"));
    let base = &site.base_path;
    for (target, title) in [
        ("__folio/profile/", "Upwork"),
        ("__folio/profile", "Upwork"),
        ("__folio/profile/index.html?x=1", "Upwork"),
        ("__folio/profile/linkedin/", "LinkedIn"),
        ("__folio/profile/linkedin", "LinkedIn"),
    ] {
        let page = page_at(&[&site], base, &format!("{base}{target}")).unwrap_or_default();
        assert!(
            page.contains(&format!("<h1>{title} profile preview</h1>")),
            "{target}"
        );
    }
    for target in [
        "/__folio/profile/",
        "/portfolio/__folio/profiles/",
        "/portfolio/__folio/profile/x/",
        "/portfolio/",
    ] {
        assert!(page_at(&[&site], base, target).is_none(), "{target}");
    }
}

#[test]
fn every_copy_button_holds_the_exact_text_of_folio_profile() {
    let site = example();
    for platform in [Platform::Upwork, Platform::Linkedin] {
        let html = render_page(&site, platform);
        let exports = export::export(&site, platform, &Which::All).unwrap();
        let mut n = 0;
        for f in exports.iter().flat_map(|e| &e.fields) {
            assert!(
                html.contains(&format!("data-copy=\"{}\"", escape_markup(&f.text))),
                "{}",
                f.id
            );
            n += 1;
        }
        assert_eq!(
            html.matches("<button type=\"button\" class=\"copy\"")
                .count(),
            n
        );
    }
}

#[test]
fn the_fold_sits_after_250_characters_of_the_overview() {
    let site = example();
    let html = render_page(&site, Platform::Upwork);
    let overview = export::export(&site, Platform::Upwork, &Which::General).unwrap()[0]
        .fields
        .iter()
        .find(|f| f.id == "overview")
        .unwrap()
        .text
        .clone();
    let shown: String = overview.chars().take(250).collect();
    let rest: String = overview.chars().skip(250).collect();
    let expected = format!(
        "<div class=\"text\">{}<span class=\"fold\" role=\"img\" aria-label=\"Upwork folds here: the rest shows after More\">More</span><span class=\"after-fold\">{}</span></div>",
        escape_markup(&shown),
        escape_markup(&rest)
    );
    assert!(html.contains(&expected));
    // LinkedIn has no such fold.
    assert!(!render_page(&site, Platform::Linkedin).contains("class=\"fold\""));
}

#[test]
fn portfolio_items_show_their_cover_and_fields() {
    let site = example();
    let html = render_page(&site, Platform::Upwork);
    let p = site.project("streamline-docs-overhaul").unwrap();
    let cover = p.cover.as_ref().unwrap();
    assert!(html.contains(&format!(
        "<img src=\"{}\" alt=\"{}\"",
        escape_markup(&cover.url),
        escape_markup(&cover.alt)
    )));
    for id in ["title", "role", "description", "skills", "link"] {
        assert!(
            html.contains(&format!("data-field=\"portfolio.1.{id}\"")),
            "{id}"
        );
    }
}

#[test]
fn findings_sit_beside_their_field_and_text_is_escaped() {
    let mut site = example();
    site.profile.title = format!("<script>alert(1)</script> {}", "T".repeat(70));
    let html = render_page(&site, Platform::Upwork);
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let after = html.split("id=\"profile-general-title\"").nth(1).unwrap();
    let end = after.find("id=\"profile-general-overview\"").unwrap();
    let title = &after[..end];
    assert!(
        title.contains("<span class=\"count over\" data-count=\"96\">96 / 70 characters</span>"),
        "{title}"
    );
    assert!(title.contains("<li class=\"finding error\"><strong>Error</strong> <span class=\"where\">content/profile.yaml:2</span> title is 96 characters; Upwork allows 70"), "{title}");
}

#[test]
fn the_page_loads_nothing_from_elsewhere() {
    let html = render_page(&example(), Platform::Upwork);
    assert!(!html.contains("src=\"http"));
    assert!(!html.contains("<link"));
    assert!(!html.contains("<script src"));
}

#[test]
fn ids_are_unique() {
    let html = render_page(&example(), Platform::Upwork);
    let mut ids: Vec<&str> = html
        .split(" id=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
}
