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
