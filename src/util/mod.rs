//! Small helpers every layer may use: timing of phases and file names that
//! are never content. Nothing here knows about sites, themes or pages.

pub mod escape;
pub mod paths;
pub mod timing;

pub use escape::{escape_markup, escape_text, push_escaped, unescape_markup};
pub use paths::is_ignored_name;
pub use timing::phase;
