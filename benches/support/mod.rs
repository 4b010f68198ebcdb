//! Shared by the benchmarks (and the browser tests).
pub mod corpus;
pub mod webdriver;
