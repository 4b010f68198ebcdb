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
