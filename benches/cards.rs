//! Share cards (issue 32): one card drawn, one SVG cover rasterised, and the
//! example site built cold (no card cache, no previous output) and warm (both
//! kept), with cards and with `share_cards: false`. `cargo bench --bench cards`.
//! Budgets: a card ≤ 15 ms; cards add ≤ 250 ms cold and ≤ 5 ms warm.

mod support;

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use folio::cards::{Maker, Palette, Picture, SHARE, Spec, Text};

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

fn one_card(c: &mut Criterion, root: &Path) {
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
    c.bench_function("card: one drawn 1200x630 PNG", |b| {
        b.iter(|| black_box(m.make(black_box(&drawn))))
    });
    let svg = root.join("content/projects/images/pipeline.svg");
    let cover = Spec {
        picture: Picture::Svg(svg),
        ..drawn
    };
    c.bench_function("card: one SVG cover rasterised", |b| {
        b.iter(|| black_box(m.make(black_box(&cover))))
    });
}

fn builds(c: &mut Criterion, dir: &Path) {
    for cards in [false, true] {
        let site = example(dir, cards);
        let opts = folio::build::BuildOptions {
            root: site.clone(),
            ..Default::default()
        };
        let name = if cards { "with cards" } else { "without cards" };
        c.bench_function(&format!("example site cold build, {name}"), |b| {
            b.iter_batched(
                || {
                    let _ = std::fs::remove_dir_all(site.join(".folio"));
                    let _ = std::fs::remove_dir_all(site.join("public"));
                },
                |_| black_box(folio::build::build(&opts).unwrap()),
                BatchSize::PerIteration,
            )
        });
        folio::build::build(&opts).unwrap();
        c.bench_function(&format!("example site warm build, {name}"), |b| {
            b.iter(|| black_box(folio::build::build(&opts).unwrap()))
        });
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let root = example(dir.path(), true);
    one_card(c, &root);
    builds(c, dir.path());
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
