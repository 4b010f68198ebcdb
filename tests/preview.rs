//! The live profile preview page (`BASE/__folio/profile/`), as HTML: what
//! `folio serve` adds to the site it serves. The browser tests (tests/browser.rs)
//! click it; these read it.

mod common;
use common::*;

use folio::platform::Platform;
use folio::preview;

fn load(site: &Site) -> folio::content::Site {
    folio::content::load(site.path(), &Default::default())
        .unwrap()
        .0
}

/// The page without its inline style and script (snapshotted on their own terms: they are files).
fn structure(html: &str) -> String {
    let cut = |s: &str, open: &str, close: &str| -> String {
        let (a, rest) = s.split_once(open).unwrap();
        let (_, b) = rest.split_once(close).unwrap();
        format!("{a}{open}…{close}{b}")
    };
    cut(&cut(html, "<style>", "</style>"), "<script>", "</script>")
}

#[test]
fn the_upwork_page_of_a_small_site() {
    let site = Site::new();
    let html = preview::render_page(&load(&site), Platform::Upwork);
    insta::assert_snapshot!("small_site_upwork", structure(&html));
}

#[test]
fn the_linkedin_page_of_a_small_site() {
    let site = Site::new();
    let html = preview::render_page(&load(&site), Platform::Linkedin);
    insta::assert_snapshot!("small_site_linkedin", structure(&html));
}

#[test]
fn findings_show_beside_the_field_with_its_count() {
    let site = Site::new();
    site.write(
        "content/profile.yaml",
        "name: Ana\ntitle: Writer\noverview: I write developer docs and build small Rust tools for teams.\nskills: [Rust, Technical Writing, 中文写作]\nupwork_skills: [Rust]\n",
    );
    let html = preview::render_page(&load(&site), Platform::Upwork);
    let overview = html
        .split("id=\"profile-general-overview\"")
        .nth(1)
        .unwrap()
        .split("id=\"profile-general-skills\"")
        .next()
        .unwrap();
    assert!(
        overview.contains("<span class=\"count under\" data-count=\"60\">60 / 5,000 characters, at least 100</span>"),
        "{overview}"
    );
    assert!(overview.contains("<li class=\"finding error\"><strong>Error</strong> <span class=\"where\">content/profile.yaml:3</span> overview is 60 characters; Upwork asks for at least 100"), "{overview}");
    // All of it shows before "More": no fold marker.
    assert!(!overview.contains("class=\"fold\""));
    // The chosen list has no note; the tally counts the error.
    assert!(!html.contains("has no `upwork_skills:`"));
    assert!(html.contains(
        "<a href=\"#profile-general\">General profile</a> <span class=\"tally\">1 error</span>"
    ));
}

#[test]
fn a_long_portfolio_shows_60_items_and_says_how_many_more() {
    let site = Site::new();
    for i in 0..63 {
        site.write(
            &format!("content/projects/p{i:02}.md"),
            &format!("---\ntitle: P{i}\ndate: 2020\nsummary: Project {i}.\n---\n"),
        );
    }
    let html = preview::render_page(&load(&site), Platform::Upwork);
    let general = html.split("id=\"profile-writer\"").next().unwrap();
    assert_eq!(general.matches("<article class=\"entry\"").count(), 60);
    assert!(general.contains("And 5 more: <code>folio profile</code> prints them all."));
}

/// The bilingual fixture in each of its languages, the default first.
fn bilingual() -> Vec<folio::content::Site> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bilingual");
    ["en", "zh"]
        .into_iter()
        .map(|lang| {
            let opts = folio::content::LoadOptions {
                lang: Some(lang.into()),
                ..Default::default()
            };
            folio::content::load(&root, &opts).unwrap().0
        })
        .collect()
}

#[test]
fn a_bilingual_site_has_a_preview_per_language() {
    let sites = bilingual();
    let sites: Vec<&folio::content::Site> = sites.iter().collect();
    let page = |target: &str| preview::page_at(&sites, "/portfolio/", target).unwrap();
    let en = page("/portfolio/__folio/profile/");
    let zh = page("/portfolio/zh/__folio/profile/");
    // Each language's text, as `folio profile --lang` exports it.
    assert!(!en.contains("作家和开发者"));
    assert!(zh.contains("作家和开发者"), "{zh}");
    assert!(zh.contains("<main id=\"main\" lang=\"zh\">"));
    // Each profile names the file its text comes from.
    assert!(
        zh.contains("<span class=\"src\">content/profile.zh.yaml</span>"),
        "{zh}"
    );
    assert!(
        en.contains("<span class=\"src\">content/profile.yaml</span>"),
        "{en}"
    );
    // A choice of language, keeping the platform; the tabs keep the language.
    for html in [&en, &zh] {
        assert!(html.contains("<nav aria-label=\"Language\">"));
        assert!(
            html.contains("href=\"/portfolio/zh/__folio/profile/\" hreflang=\"zh\" lang=\"zh\"")
        );
        assert!(html.contains("href=\"/portfolio/__folio/profile/\" hreflang=\"en\" lang=\"en\""));
    }
    assert!(zh.contains(">中文</a>"));
    assert!(zh.contains("lang=\"zh\" aria-current=\"page\">中文</a>"));
    assert!(zh.contains("<a href=\"/portfolio/zh/__folio/profile/linkedin/\">LinkedIn</a>"));
    let linkedin = page("/portfolio/zh/__folio/profile/linkedin/");
    assert!(linkedin.contains("<h1>LinkedIn profile preview</h1>"));
    assert!(linkedin.contains(
        "href=\"/portfolio/__folio/profile/linkedin/\" hreflang=\"en\" lang=\"en\">English</a>"
    ));
    // A one-language site has no choice; no preview under an unknown prefix.
    let one = preview::render_page(sites[0], Platform::Upwork);
    assert!(!one.contains("aria-label=\"Language\""));
    assert!(preview::page_at(&sites, "/portfolio/", "/portfolio/fr/__folio/profile/").is_none());
    assert!(preview::page_at(&[], "/portfolio/", "/portfolio/__folio/profile/").is_none());
}
