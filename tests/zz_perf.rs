#[path = "../benches/support/corpus.rs"]
#[allow(dead_code)]
mod corpus;
#[test]
fn perf() {
    for n in [1000usize] {
        let dir = tempfile::tempdir().unwrap();
        corpus::write_folio_site(dir.path(), n, 7);
        let site = folio::content::load(dir.path(), &Default::default())
            .unwrap()
            .0;
        let t = std::time::Instant::now();
        let e = folio::export::export(
            &site,
            folio::platform::Platform::Upwork,
            &folio::export::Which::All,
        )
        .unwrap();
        eprintln!(
            "n={n}: export {:?}, {} findings, {} profiles",
            t.elapsed(),
            e.iter().map(|e| e.findings.len()).sum::<usize>(),
            e.len()
        );
        let t = std::time::Instant::now();
        let pages = folio::preview::pages(&site);
        let size: usize = pages.iter().map(|(_, h)| h.len()).sum();
        eprintln!(
            "n={n}: preview pages in {:?}, {} KB",
            t.elapsed(),
            size / 1024
        );
    }
}
