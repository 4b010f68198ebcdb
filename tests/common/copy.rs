//! Copying fixture folders (shared by the tests and the benchmarks).

/// Copies a folder, leaving out the top-level folders named in `skip`.
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path, skip: &[&str]) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let rel = e.path().strip_prefix(from).unwrap();
        if skip.iter().any(|s| rel.starts_with(s)) {
            continue;
        }
        let dest = to.join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
    }
}
