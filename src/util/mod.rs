//! Small helpers every layer may use: timing of phases and file names that
//! are never content. Nothing here knows about sites, themes or pages.

pub mod paths;
pub mod timing;

pub use paths::is_ignored_name;
pub use timing::phase;
