//! Live-reload latency in a real browser: the time from saving a write-up to
//! headless Chromium showing the new text, without the benchmark reloading the
//! page. For the example site and generated sites of 1,000 and 10,000 projects.
//!
//! `cargo bench --bench livereload [-- EDITS]` (default 20 edits each).
//! Needs Debian's `chromium` and `chromium-driver`.

#[path = "../tests/common/server.rs"]
mod server;
mod support;

use std::path::Path;
use std::time::{Duration, Instant};
use support::webdriver::Browser;

/// Edits `file` `edits` times while `page` is open; returns the latencies in ms.
fn measure(site: &Path, page: &str, file: &str, edits: usize) -> Vec<f64> {
    let s = server::start(site, &[]);
    let b = Browser::start(1280, 800);
    let url = format!("{}{page}", s.url);
    b.goto(&url);
    let original = std::fs::read_to_string(site.join(file)).unwrap();
    let mut out = Vec::new();
    for i in 0..edits {
        // Let the page settle and its live-reload stream connect.
        std::thread::sleep(Duration::from_millis(700));
        let marker = format!("lr-bench-{i}-{}", std::process::id());
        let start = Instant::now();
        std::fs::write(site.join(file), format!("{original}\n\n{marker}\n")).unwrap();
        let script = format!("return document.body.innerText.includes('{marker}')");
        match b.wait_until(&script, Duration::from_secs(10)) {
            Some(_) => out.push(start.elapsed().as_secs_f64() * 1000.0),
            None => panic!("edit {i} did not show within 10 s"),
        }
    }
    std::fs::write(site.join(file), original).unwrap();
    out
}

fn report(name: &str, v: Vec<f64>) {
    let (min, max) = (
        v.iter().cloned().fold(f64::MAX, f64::min),
        v.iter().cloned().fold(0.0, f64::max),
    );
    println!(
        "{name}: {} edits, save to text on screen: median {:.0} ms (min {:.0}, max {:.0})",
        v.len(),
        support::median(&v),
        min,
        max
    );
}

fn main() {
    let edits: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(20);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));

    let example = tempfile::tempdir().unwrap();
    support::copy_tree(
        &root.join("example-site"),
        example.path(),
        &["public", "screenshots"],
    );
    report(
        "example-site",
        measure(
            example.path(),
            "projects/ferris-bench/",
            "content/projects/ferris-bench.md",
            edits,
        ),
    );

    for n in [1_000, 10_000] {
        let big = tempfile::tempdir().unwrap();
        support::corpus::write_folio_site(big.path(), n, 42);
        let page = format!("projects/project-{}/", n / 2);
        let file = format!("content/projects/project-{}.md", n / 2);
        report(
            &format!("{n} projects"),
            measure(big.path(), &page, &file, edits),
        );
    }
}
