//! Shared by the benchmarks (and the browser tests).
pub mod corpus;
pub mod webdriver;

#[path = "../../tests/common/copy.rs"]
#[allow(dead_code)]
mod copy;
#[allow(unused_imports)]
pub use copy::copy_tree;

/// The median of some measurements.
#[allow(dead_code)]
pub fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// The value after `name` among the program's arguments (`--runs 5`).
#[allow(dead_code)]
pub fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

/// A folder in RAM for a benchmark's sites (`/dev/shm`), else the temp folder.
#[allow(dead_code)]
pub fn ram_dir() -> std::path::PathBuf {
    if std::path::Path::new("/dev/shm").is_dir() {
        std::path::PathBuf::from("/dev/shm")
    } else {
        std::env::temp_dir()
    }
}
