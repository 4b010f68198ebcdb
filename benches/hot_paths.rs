//! Micro-benchmarks of the hot parts of a build: front matter, Markdown, a
//! whole load, and page rendering. `cargo bench --bench hot_paths`.

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

fn site(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    support::corpus::write_folio_site(dir.path(), n, 42);
    dir
}

fn bench(c: &mut Criterion) {
    let dir = site(200);
    let one = std::fs::read_to_string(dir.path().join("content/projects/project-7.md")).unwrap();
    let file = folio::source::SourceFile {
        display: PathBuf::from("content/projects/project-7.md"),
        path: dir.path().join("content/projects/project-7.md"),
        text: one.clone(),
    };

    c.bench_function("front matter: split + parse", |b| {
        b.iter(|| {
            let split = folio::content::frontmatter::split(black_box(&file)).unwrap();
            let fm: folio::content::files::ProjectFrontMatter =
                folio::yaml::parse(&file, split.yaml, split.yaml_first_line).unwrap();
            black_box(fm)
        })
    });

    let body = folio::content::frontmatter::split(&file)
        .unwrap()
        .body
        .to_string();
    c.bench_function("markdown: one write-up to HTML", |b| {
        b.iter(|| black_box(folio::markdown::render_simple(black_box(&body))))
    });
    c.bench_function("markdown: one write-up to plain text", |b| {
        b.iter(|| black_box(folio::plaintext::to_plain(black_box(&body))))
    });

    let opts = folio::content::LoadOptions::default();
    c.bench_function("load: 200 projects", |b| {
        b.iter(|| black_box(folio::content::load(dir.path(), &opts).unwrap()))
    });

    let build = folio::build::BuildOptions {
        root: dir.path().to_path_buf(),
        ..Default::default()
    };
    c.bench_function("load + render in memory: 200 projects", |b| {
        b.iter(|| black_box(folio::build::render_site(&build).unwrap().files.len()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
