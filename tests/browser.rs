//! Live reload in a real browser (headless Chromium through WebDriver).
//! These need `chromium` and `chromium-driver`; `.ci/run` installs them and
//! runs them with `cargo test --test browser -- --ignored`.

mod common;
#[path = "../benches/support/webdriver.rs"]
mod webdriver;

use common::Site;
use common::server;
use std::time::Duration;
use webdriver::Browser;

const WAIT: Duration = Duration::from_secs(10);

#[test]
#[ignore = "needs Chromium; run by .ci/run"]
fn an_edit_shows_in_the_open_page_without_reloading_it_by_hand() {
    let site = Site::new();
    let s = server::start(site.path(), &[]);
    let b = Browser::start(1280, 800);
    b.goto(&format!("{}projects/alpha/", s.url));
    assert!(
        b.wait_until("return document.body.innerText.includes('See beta')", WAIT)
            .is_some()
    );
    // Wait for the live-reload connection, then edit.
    std::thread::sleep(Duration::from_millis(500));
    site.write(
        "content/projects/alpha.md",
        "---\ntitle: Alpha\ndate: 2024-05-01\nsummary: The first project.\nskills: [Rust]\n---\n\nText written after the page was opened.\n",
    );
    let took = b
        .wait_until(
            "return document.body.innerText.includes('Text written after the page was opened.')",
            WAIT,
        )
        .expect("the page shows the new text by itself");
    eprintln!("edit visible after {} ms", took.as_millis());
}

#[test]
#[ignore = "needs Chromium; run by .ci/run"]
fn a_stylesheet_change_applies_without_a_reload() {
    let site = Site::new();
    site.write("static/extra.css", "body { color: rgb(1, 2, 3); }");
    site.write(
        "templates/page.html",
        "{% extends \"theme/page.html\" %}{% block head %}<link rel=\"stylesheet\" href=\"{{ url(path='extra.css') }}\">{% endblock head %}",
    );
    let s = server::start(site.path(), &[]);
    let b = Browser::start(1280, 800);
    b.goto(&format!("{}about/", s.url));
    assert!(
        b.wait_until(
            "return getComputedStyle(document.body).color === 'rgb(1, 2, 3)'",
            WAIT
        )
        .is_some()
    );
    std::thread::sleep(Duration::from_millis(500));
    b.eval("window.__notReloaded = true; return true;");
    site.write("static/extra.css", "body { color: rgb(4, 5, 6); }");
    assert!(
        b.wait_until(
            "return getComputedStyle(document.body).color === 'rgb(4, 5, 6)'",
            WAIT
        )
        .is_some(),
        "the new stylesheet applies"
    );
    assert_eq!(
        b.eval("return window.__notReloaded === true"),
        serde_json::json!(true),
        "no full reload"
    );
}

#[test]
#[ignore = "needs Chromium; run by .ci/run"]
fn the_error_overlay_appears_and_goes_away() {
    let site = Site::new();
    let s = server::start(site.path(), &[]);
    let b = Browser::start(1280, 800);
    b.goto(&format!("{}about/", s.url));
    assert!(
        b.wait_until("return document.body.innerText.includes('Hello.')", WAIT)
            .is_some()
    );
    std::thread::sleep(Duration::from_millis(500));
    site.write(
        "content/pages/about.md",
        "---\ntitle: About\ndescripton: typo\n---\n\nHello.\n",
    );
    assert!(
        b.wait_until(
            "var o = document.getElementById('folio-error-overlay'); return !!o && o.innerText.includes('content/pages/about.md:3:1') && o.innerText.includes('did you mean `description`')",
            WAIT
        )
        .is_some(),
        "the overlay shows file, line, column and the hint; it shows: {}",
        b.eval("var o = document.getElementById('folio-error-overlay'); return o ? o.innerText : document.body.innerText.slice(0, 500)")
    );
    site.write(
        "content/pages/about.md",
        "---\ntitle: About\n---\n\nHello again.\n",
    );
    assert!(
        b.wait_until(
            "return !document.getElementById('folio-error-overlay') && document.body.innerText.includes('Hello again.')",
            WAIT
        )
        .is_some(),
        "the overlay goes away by itself after the fix"
    );
}

// The live profile preview (`BASE/__folio/profile/`), served by `folio serve`.

/// A copy of example-site, served with its profile preview.
fn example_preview() -> (tempfile::TempDir, server::Server) {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site");
    common::copy::copy_tree(&root, dir.path(), &["public"]);
    let s = server::start(dir.path(), &[]);
    (dir, s)
}

/// The text `folio profile` gives a field of the general profile.
fn field_text(root: &std::path::Path, platform: folio::platform::Platform, id: &str) -> String {
    let site = folio::content::load(root, &Default::default()).unwrap().0;
    folio::export::export(&site, platform, &folio::export::Which::General).unwrap()[0]
        .fields
        .iter()
        .find(|f| f.id == id)
        .unwrap()
        .text
        .clone()
}

#[test]
#[ignore = "needs Chromium; run by .ci/run"]
fn the_profile_preview_lists_every_profile_and_marks_the_fold() {
    let (dir, h) = example_preview();
    let b = Browser::start(1280, 900);
    b.goto(&format!("{}__folio/profile/", h.url));
    assert!(
        b.wait_until(
            "return !!document.getElementById('profile-developer')",
            WAIT
        )
        .is_some()
    );
    let ids =
        b.eval("return Array.from(document.querySelectorAll('section.profile')).map(s => s.id)");
    assert_eq!(
        ids,
        serde_json::json!(["profile-general", "profile-developer", "profile-writer"])
    );
    let overview = field_text(dir.path(), folio::platform::Platform::Upwork, "overview");
    let shown: String = overview.chars().take(250).collect();
    // Everything before the marker, as the browser reads it.
    let before = b.eval(
        "var t = document.querySelector('#profile-general-overview .text'); var r = document.createRange(); r.setStart(t, 0); r.setEndBefore(t.querySelector('.fold')); return r.toString();",
    );
    assert_eq!(before, serde_json::json!(shown));
    // LinkedIn is the second tab.
    b.eval("document.querySelector('.tabs a:not([aria-current])').click(); return true;");
    assert!(
        b.wait_until("return document.title.startsWith('LinkedIn')", WAIT)
            .is_some()
    );
}

#[test]
#[ignore = "needs Chromium; run by .ci/run"]
fn copy_puts_the_exact_text_of_the_field_on_the_clipboard() {
    let (dir, h) = example_preview();
    let b = Browser::start(1280, 900);
    b.goto(&format!("{}__folio/profile/", h.url));
    assert!(
        b.wait_until(
            "return !!document.getElementById('profile-general-overview')",
            WAIT
        )
        .is_some()
    );
    b.set_permission("clipboard-read", "granted");
    b.set_permission("clipboard-write", "granted");
    for id in ["overview", "skills", "languages"] {
        b.click(&format!("#profile-general-{id} button.copy"));
        assert!(
            b.wait_until(
                &format!("return document.querySelector('#profile-general-{id} button.copy').textContent.includes('Copied')"),
                WAIT
            )
            .is_some(),
            "a visible confirmation"
        );
        let clip = b.eval("return navigator.clipboard.readText()");
        let expected = field_text(dir.path(), folio::platform::Platform::Upwork, id);
        assert_eq!(clip, serde_json::json!(expected), "{id}");
        assert!(
            b.eval("return document.getElementById('copy-status').textContent")
                .as_str()
                .unwrap()
                .starts_with("Copied")
        );
    }
}

#[test]
#[ignore = "needs Chromium; run by .ci/run"]
fn an_edit_of_the_profile_updates_the_count_without_a_reload() {
    let (dir, h) = example_preview();
    let b = Browser::start(1280, 900);
    b.goto(&format!("{}__folio/profile/", h.url));
    let count = "return document.querySelector('#profile-general-title .count').dataset.count";
    assert!(
        b.wait_until(&format!("{count} === '53'"), WAIT).is_some(),
        "{}",
        b.eval(count)
    );
    std::thread::sleep(Duration::from_millis(500));
    b.eval("window.__notReloaded = true; return true;");
    let path = dir.path().join("content/profile.yaml");
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "title: Technical Writer & Rust Developer for Developer Tools",
        "title: Technical Writer and Rust Developer",
    );
    std::fs::write(&path, text).unwrap();
    let took = b
        .wait_until(&format!("{count} === '35'"), WAIT)
        .expect("the count follows the edit");
    assert_eq!(
        b.eval("return window.__notReloaded === true"),
        serde_json::json!(true),
        "no full reload"
    );
    eprintln!("count updated after {} ms", took.as_millis());
    // The Copy buttons still work after the page updated itself.
    b.set_permission("clipboard-read", "granted");
    b.click("#profile-general-title button.copy");
    assert!(
        b.wait_until(
            "return navigator.clipboard.readText().then(t => t === 'Technical Writer and Rust Developer')",
            WAIT
        )
        .is_some()
    );
}

#[test]
#[ignore = "needs Chromium; run by .ci/run"]
fn copy_works_from_the_keyboard() {
    let (dir, h) = example_preview();
    let b = Browser::start(1280, 900);
    b.goto(&format!("{}__folio/profile/", h.url));
    assert!(
        b.wait_until(
            "return !!document.getElementById('profile-writer-title')",
            WAIT
        )
        .is_some()
    );
    b.set_permission("clipboard-read", "granted");
    b.set_permission("clipboard-write", "granted");
    // Enter on the focused button, as a keyboard user does.
    b.send_keys("#profile-writer-title button.copy", "\u{E007}");
    assert!(
        b.wait_until(
            "return document.activeElement.matches('#profile-writer-title button.copy') && document.activeElement.textContent.includes('Copied')",
            WAIT
        )
        .is_some(),
        "the focused button confirms"
    );
    let site = folio::content::load(dir.path(), &Default::default())
        .unwrap()
        .0;
    let writer = folio::export::export(
        &site,
        folio::platform::Platform::Upwork,
        &folio::export::Which::Specialized("writer".into()),
    )
    .unwrap();
    assert_eq!(
        b.eval("return navigator.clipboard.readText()"),
        serde_json::json!(writer[0].fields[0].text)
    );
}
