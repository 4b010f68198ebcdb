//! Share cards (issue 32): the CPU time of one card of each kind (drawn, an
//! SVG cover rasterised, a photo cover cropped), and the example site built
//! cold (no card cache, no previous output) and warm (both kept), with cards
//! and with `share_cards: false`, in alternating runs. Prints medians and the
//! budgets: a card ≤ 15 ms CPU; cards add ≤ 250 ms cold and ≤ 5 ms warm.
//! `cargo bench --bench cards` (`CARDS_RUNS=n` for n build runs, default 7).

mod support;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use folio::cards::{Maker, Palette, Picture, SHARE, Spec, Text};
use support::median;

/// Runs of each card measured.
const CARD_RUNS: usize = 25;
const CARD_BUDGET_MS: f64 = 15.0;
const COLD_BUDGET_MS: f64 = 250.0;
const WARM_BUDGET_MS: f64 = 5.0;

/// The CPU time of this process so far (all its threads).
#[cfg(unix)]
fn cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Elsewhere, wall time stands in for CPU time (an upper bound on one core).
#[cfg(not(unix))]
fn cpu_time() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// A copy of the example site, with `share_cards` as given.
fn example(dir: &Path, cards: bool) -> PathBuf {
    let site = dir.join(if cards { "cards" } else { "plain" });
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-site");
    support::copy_tree(&from, &site, &["public", ".folio"]);
    let config = site.join("folio.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}share_cards: {cards}\n")).unwrap();
    site
}

fn maker(root: &Path) -> Maker {
    let theme = folio::theme::open(root, "default").unwrap();
    let config: folio::config::Config = serde_yaml::from_str("title: T").unwrap();
    let (fonts, _) = folio::cards::Fonts::load(root, &config, &theme);
    Maker::uncached(fonts, Palette::default())
}

/// A 1600×1200 JPEG photo (a smooth gradient with detail, as a photo has).
fn photo(dir: &Path) -> PathBuf {
    let path = dir.join("photo.jpg");
    image::RgbImage::from_fn(1600, 1200, |x, y| {
        image::Rgb([
            (x / 7 % 256) as u8,
            (y / 5 % 256) as u8,
            ((x * y) / 997 % 256) as u8,
        ])
    })
    .save(&path)
    .unwrap();
    path
}

/// The median CPU time of making the card of `spec` (after two unmeasured).
fn card_cpu(m: &Maker, spec: &Spec) -> f64 {
    for _ in 0..2 {
        black_box(m.make(spec));
    }
    let runs: Vec<f64> = (0..CARD_RUNS)
        .map(|_| {
            let t = cpu_time();
            black_box(m.make(black_box(spec)));
            ms(cpu_time() - t)
        })
        .collect();
    median(&runs)
}

fn cards(root: &Path, dir: &Path) {
    let m = maker(root);
    let drawn = Spec {
        picture: Picture::Drawn,
        text: Text {
            kicker: Some("Mei Lin · Technical Writer & Rust Developer".into()),
            title: Some("Docs-as-code pipeline for Quarry".into()),
            detail: Some("Quarry".into()),
            footer: Some("meilin.github.io/portfolio".into()),
        },
        size: SHARE,
    };
    let svg = Spec {
        picture: Picture::Svg(root.join("content/projects/images/pipeline.svg")),
        ..drawn.clone()
    };
    let jpeg = Spec {
        picture: Picture::Raster(photo(dir)),
        ..drawn.clone()
    };
    println!(
        "one 1200×630 card, CPU time, median of {CARD_RUNS} (budget ≤ {CARD_BUDGET_MS} ms each):"
    );
    for (name, spec) in [
        ("drawn", &drawn),
        ("SVG cover", &svg),
        ("photo (JPEG)", &jpeg),
    ] {
        let t = card_cpu(&m, spec);
        let verdict = if t <= CARD_BUDGET_MS { "ok" } else { "OVER" };
        println!("  {name:<13} {t:>7.2} ms  {verdict}");
    }
}

/// One build of `site`, cold (no cache, no output) or warm; its wall time.
fn timed_build(site: &Path, cold: bool) -> f64 {
    if cold {
        let _ = std::fs::remove_dir_all(site.join(".folio"));
        let _ = std::fs::remove_dir_all(site.join("public"));
    }
    let opts = folio::build::BuildOptions {
        root: site.to_path_buf(),
        ..Default::default()
    };
    let t = Instant::now();
    black_box(folio::build::build(&opts).unwrap());
    ms(t.elapsed())
}

/// Cold and warm builds without and with cards, alternating; medians.
fn builds(dir: &Path) {
    let runs: usize = std::env::var("CARDS_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(7)
        .max(1);
    let sites = [example(dir, false), example(dir, true)];
    for site in &sites {
        timed_build(site, true); // unmeasured: warms the OS file cache
    }
    let mut cold: [Vec<f64>; 2] = Default::default();
    let mut warm: [Vec<f64>; 2] = Default::default();
    for _ in 0..runs {
        for (i, site) in sites.iter().enumerate() {
            cold[i].push(timed_build(site, true));
        }
        for (i, site) in sites.iter().enumerate() {
            warm[i].push(timed_build(site, false));
        }
    }
    println!("example site build, wall time, median of {runs} alternating runs:");
    for (name, times, budget) in [
        ("cold", &cold, COLD_BUDGET_MS),
        ("warm", &warm, WARM_BUDGET_MS),
    ] {
        let (off, on) = (median(&times[0]), median(&times[1]));
        let delta = on - off;
        let verdict = if delta <= budget { "ok" } else { "OVER" };
        println!(
            "  {name}: {off:>8.1} ms without cards, {on:>8.1} ms with: {delta:>+7.1} ms (budget ≤ +{budget} ms)  {verdict}"
        );
    }
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let root = example(dir.path(), true);
    cards(&root, dir.path());
    builds(dir.path());
}
