//! The output does not depend on threads or timing: a parallel build and a
//! single-threaded build of the same site are byte-identical, and so are two
//! builds in a row.

mod common;
#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn build(site: &Path, out: &Path, threads: Option<&str>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_folio"));
    cmd.arg("build").arg(site).arg("-o").arg(out);
    match threads {
        Some(n) => cmd.env("RAYON_NUM_THREADS", n),
        None => cmd.env_remove("RAYON_NUM_THREADS"),
    };
    let o = cmd.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn assert_same(site: &Path) {
    let tmp = tempfile::tempdir().unwrap();
    let (one, many, again) = (
        tmp.path().join("one"),
        tmp.path().join("many"),
        tmp.path().join("again"),
    );
    build(site, &one, Some("1"));
    build(site, &many, Some("4"));
    build(site, &again, None);
    let (a, b, c) = (tree(&one), tree(&many), tree(&again));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between 1 and 4 threads");
        assert!(bytes == &c[path], "{path} differs between two builds");
    }
}

#[test]
fn parallel_and_single_threaded_builds_are_byte_identical() {
    assert_same(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("example-site")
            .as_path(),
    );
    let big = tempfile::tempdir().unwrap();
    corpus::write_folio_site(big.path(), 300, 7);
    assert_same(big.path());
}
