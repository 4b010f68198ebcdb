//! How long each phase of a build took, for profiling.

use std::time::Instant;

/// With `FOLIO_TIMINGS=1`, prints how long the phase `name` took since `since`.
pub fn phase(name: &str, since: Instant) {
    if std::env::var_os("FOLIO_TIMINGS").is_some() {
        eprintln!("  {name}: {:.1} ms", since.elapsed().as_secs_f64() * 1000.0);
    }
}
