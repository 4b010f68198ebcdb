//! `folio serve` rebuild latency on a large site, without a browser: the time
//! from saving a file to the server answering with the new page.
//!
//! `cargo bench --bench serve_rebuild [-- --projects N] [--edits K] [--theme default|minimal]`
//! (defaults: 10,000 projects, 20 edits, the default theme). The corpus is
//! written in a temporary folder (under /dev/shm when it exists).
//!
//! Each edit replaces the code block of one write-up with new code (so the
//! rebuild highlights it). For each edit it reports two numbers:
//! - *save to served*: from the write until a GET of the page returns the new
//!   text (includes the watcher's debounce and the HTTP round trips);
//! - *rebuild*: what the server logs for the rebuild itself.
//!
//! Then it edits a template, which re-renders every page, and compares that
//! with the first full build.

#[path = "../tests/common/server.rs"]
mod server;
mod support;

use std::path::Path;
use std::time::{Duration, Instant};

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

/// The rebuild time the server logged last (`… in 12 ms (…)`), waiting for it.
fn logged_ms(s: &server::Server) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let line = s
            .log
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the server logs its rebuild");
        if line.contains("Build failed") {
            panic!("rebuild failed: {line}");
        }
        if let Some(rest) = line.split(" in ").nth(1)
            && line.contains("uilt")
            && let Some(ms) = rest.split(" ms").next()
        {
            return ms.trim().parse().unwrap();
        }
    }
}

/// The write-up with its code block replaced by a new one (a comment naming
/// `marker`, and lines no earlier edit had): each save highlights new code.
fn with_new_code(original: &str, marker: &str, i: usize) -> String {
    let start = original.find("\n```").expect("the corpus has a code block") + 1;
    let end = start + 3 + original[start + 3..].find("```\n").unwrap() + 4;
    let mut block = format!("```python\n# {marker}\n");
    for k in 0..8 {
        block.push_str(&format!(
            "def edit_{i}_{k}(x):\n    return x * {k}  # {i}\n"
        ));
    }
    block.push_str("```\n");
    format!("{}{block}{}", &original[..start], &original[end..])
}

fn main() {
    let projects: usize = arg("--projects").map_or(10_000, |v| v.parse().unwrap());
    let edits: usize = arg("--edits").map_or(20, |v| v.parse().unwrap());
    let theme = arg("--theme").unwrap_or_else(|| "default".into());
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let site = dir.path().join("site");
    support::corpus::write_folio_site(&site, projects, 42);
    if theme == "minimal" {
        support::corpus::write_minimal_folio_theme(&site);
    }

    let started = Instant::now();
    let s = server::start(&site, &[]);
    // The first build's log line comes before the URL, which `start` waits for.
    let first = started.elapsed().as_secs_f64() * 1000.0;
    println!("{projects} projects, {theme} theme: serving after {first:.0} ms");

    let file = site.join(format!("content/projects/project-{}.md", projects / 2));
    let page = format!("{}projects/project-{}/", s.base, projects / 2);
    let original = std::fs::read_to_string(&file).unwrap();
    let (mut served, mut rebuilt) = (Vec::new(), Vec::new());
    for i in 0..edits {
        std::thread::sleep(Duration::from_millis(150));
        let marker = format!("serve-bench-{i}-{}", std::process::id());
        let t = Instant::now();
        std::fs::write(&file, with_new_code(&original, &marker, i)).unwrap();
        loop {
            if s.get(&page).text().contains(&marker) {
                break;
            }
            assert!(
                t.elapsed() < Duration::from_secs(60),
                "edit {i} never showed"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        served.push(t.elapsed().as_secs_f64() * 1000.0);
        rebuilt.push(logged_ms(&s));
    }
    std::fs::write(&file, &original).unwrap();
    logged_ms(&s);
    let stats = |v: &[f64]| {
        let min = v.iter().cloned().fold(f64::MAX, f64::min);
        let max = v.iter().cloned().fold(0.0, f64::max);
        format!(
            "median {:.1} ms (min {min:.1}, max {max:.1})",
            support::median(v)
        )
    };
    println!("one write-up edited, {edits} edits:");
    println!("  save to served: {}", stats(&served));
    println!("  rebuild (server log): {}", stats(&rebuilt));

    // A template edit: every page depends on it.
    let template = if theme == "minimal" {
        site.join("themes/bench/templates/base.html")
    } else {
        let t = site.join("templates/base.html");
        std::fs::create_dir_all(t.parent().unwrap()).unwrap();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(root.join("themes/default/templates/base.html"), &t).unwrap();
        logged_ms(&s);
        t
    };
    let text = std::fs::read_to_string(&template).unwrap();
    let mut full = Vec::new();
    for i in 0..3 {
        std::thread::sleep(Duration::from_millis(150));
        std::fs::write(&template, format!("{text}\n<!-- {i} -->\n")).unwrap();
        full.push(logged_ms(&s));
    }
    println!(
        "template edited, 3 edits: rebuild {} (server start {first:.0} ms)",
        stats(&full)
    );
}
